/* ovn-northd logical routers: Datapath_Binding and Port_Binding rows, and
 * when to recompute them.  See nd-lrouter.h. */
#include <config.h>
#include "northd/nd-lrouter.h"

#include <string.h>

#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "smap.h"
#include "sset.h"
#include "util.h"
#include "uuid.h"
#include "lib/ovn-nb-idl.h"
#include "lib/ovn-sb-idl.h"

VLOG_DEFINE_THIS_MODULE(nd_lrouter);

void
nd_lrouter_init(struct northd *nd)
{
    struct nd_lrouters *lrs = xzalloc(sizeof *lrs);
    hmap_init(&lrs->routers);
    hmap_init(&lrs->ports);
    nd->lrouters = lrs;
}

/* Returns the router whose northbound row is 'nb_uuid', or NULL. */
static struct nd_router *
router_find(const struct northd *nd, const struct uuid *nb_uuid)
{
    struct nd_router *lr;
    HMAP_FOR_EACH_WITH_HASH (lr, node, uuid_hash(nb_uuid),
                             &nd->lrouters->routers) {
        if (uuid_equals(&lr->dp.nb_uuid, nb_uuid)) {
            return lr;
        }
    }
    return NULL;
}

struct nd_rport *
nd_lrouter_port_find(const struct northd *nd, const char *name)
{
    struct nd_rport *rp;
    HMAP_FOR_EACH_WITH_HASH (rp, node, hash_string(name, 0),
                             &nd->lrouters->ports) {
        if (!strcmp(rp->name, name)) {
            return rp;
        }
    }
    return NULL;
}

/* Destroys 'rp', deleting its Port_Binding if there is a transaction. */
static void
rport_destroy(struct northd *nd, struct nd_rport *rp)
{
    struct nd_router *lr = rp->lr;
    if (!rp->dup) {
        if (rp->in_sb && nd->sb_txn) {
            const struct sbrec_port_binding *sb
                = sbrec_port_binding_get_for_uuid(nd->sb_idl, &rp->sb_uuid);
            if (sb) {
                sbrec_port_binding_delete(sb);
            }
        }
        if (rp->tunnel_key) {
            nd_keyset_remove(&lr->dp.port_keys, rp->tunnel_key);
        }
        hmap_remove(&nd->lrouters->ports, &rp->node);
    }
    nd_lflow_owner_clear(&nd->lflows, &rp->nb_flows);
    ovs_list_remove(&rp->lr_node);
    if (rp->has_nets) {
        ovn_lport_addrs_destroy(&rp->nets);
    }
    free(rp->peer);
    free(rp->json_key);
    free(rp->name);
    free(rp);
}

/* Destroys 'lr' and its ports, deleting their southbound rows if there is a
 * transaction. */
static void
router_destroy(struct northd *nd, struct nd_router *lr)
{
    struct nd_rport *rp;
    LIST_FOR_EACH_SAFE (rp, lr_node, &lr->ports) {
        rport_destroy(nd, rp);
    }
    nd_lflow_owner_clear(&nd->lflows, &lr->dp.flows);
    if (nd->sb_txn) {
        const struct sbrec_datapath_binding *sb = nd_datapath_sb(nd, &lr->dp);
        if (sb) {
            nd_datapath_delete_sb(nd, sb);
        }
    }
    nd_keyset_remove(&nd->dp_keys, lr->dp.tunnel_key);
    nd_keyset_destroy(&lr->dp.port_keys);
    hmap_remove(&nd->dp_by_sb, &lr->dp.sb_node);
    hmap_remove(&nd->lrouters->routers, &lr->node);
    free(lr->dp.name);
    free(lr);
}

void
nd_lrouter_clear(struct northd *nd)
{
    struct nd_router *lr;
    HMAP_FOR_EACH_SAFE (lr, node, &nd->lrouters->routers) {
        router_destroy(nd, lr);
    }
}

void
nd_lrouter_destroy(struct northd *nd)
{
    if (!nd->lrouters) {
        return;
    }
    nd_lrouter_clear(nd);
    hmap_destroy(&nd->lrouters->routers);
    hmap_destroy(&nd->lrouters->ports);
    free(nd->lrouters);
    nd->lrouters = NULL;
}

/* Returns the tunnel key that 'nbr' requests, or 0. */
static uint32_t
requested_dp_key(const struct nbrec_logical_router *nbr)
{
    int key = smap_get_int(&nbr->options, "requested-tnl-key", 0);
    if (key < 0 || key > ND_MAX_DP_KEY) {
        nd_log_bad("Logical_Router", nbr->name,
                   "invalid options:requested-tnl-key %d", key);
        return 0;
    }
    return key;
}

/* Creates the model of router 'nbr' with its Datapath_Binding (claimed
 * during a full recompute, else inserted).  Returns NULL if no tunnel key
 * is free. */
static struct nd_router *
router_create(struct northd *nd, const struct nbrec_logical_router *nbr)
{
    const struct sbrec_datapath_binding *sb = NULL;
    char uuid_s[UUID_LEN + 1];
    snprintf(uuid_s, sizeof uuid_s, UUID_FMT, UUID_ARGS(&nbr->header_.uuid));
    if (nd->claiming) {
        sb = shash_find_and_delete(&nd->dp_claims, uuid_s);
    }

    uint32_t key = requested_dp_key(nbr);
    if (key && nd_keyset_contains(&nd->dp_keys, key)) {
        nd_log_bad("Logical_Router", nbr->name,
                   "requested tunnel key %"PRIu32" is already in use", key);
        key = 0;
    }
    if (!key && sb && sb->tunnel_key > 0 && sb->tunnel_key <= ND_MAX_DP_KEY
        && !nd_keyset_contains(&nd->dp_keys, sb->tunnel_key)) {
        key = sb->tunnel_key;
    }
    if (key) {
        nd_keyset_add(&nd->dp_keys, key);
    } else {
        key = nd_keyset_alloc(&nd->dp_keys);
        if (!key) {
            static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 1);
            VLOG_WARN_RL(&rl, "all datapath tunnel keys are in use");
            return NULL;
        }
    }

    struct nd_router *lr = xzalloc(sizeof *lr);
    lr->dp.nb_uuid = nbr->header_.uuid;
    lr->dp.name = xstrdup(nbr->name);
    lr->dp.tunnel_key = key;
    ovs_list_init(&lr->dp.ports);
    nd_keyset_init(&lr->dp.port_keys, ND_MAX_PORT_KEY);
    nd_lflow_owner_init(&lr->dp.flows);
    ovs_list_init(&lr->ports);
    hmap_insert(&nd->lrouters->routers, &lr->node, uuid_hash(&lr->dp.nb_uuid));

    if (sb) {
        hmapx_add(&nd->claimed, CONST_CAST(void *, sb));
    } else {
        struct uuid uuid;
        uuid_generate(&uuid);
        sb = sbrec_datapath_binding_insert_persist_uuid(nd->sb_txn, &uuid);
    }
    lr->dp.sb_uuid = sb->header_.uuid;
    hmap_insert(&nd->dp_by_sb, &lr->dp.sb_node, uuid_hash(&lr->dp.sb_uuid));
    if (sb->tunnel_key != key) {
        sbrec_datapath_binding_set_tunnel_key(sb, key);
    }
    return lr;
}

/* Brings the Datapath_Binding of 'lr' up to date with 'nbr'. */
static void
router_sync(struct northd *nd, struct nd_router *lr,
            const struct nbrec_logical_router *nbr)
{
    const struct sbrec_datapath_binding *sb = nd_datapath_sb(nd, &lr->dp);
    if (!sb) {
        return;
    }
    if (strcmp(lr->dp.name, nbr->name)) {
        free(lr->dp.name);
        lr->dp.name = xstrdup(nbr->name);
    }
    uint32_t req = requested_dp_key(nbr);
    if (req && req != lr->dp.tunnel_key
        && !nd_keyset_contains(&nd->dp_keys, req)) {
        nd_keyset_remove(&nd->dp_keys, lr->dp.tunnel_key);
        nd_keyset_add(&nd->dp_keys, req);
        lr->dp.tunnel_key = req;
    }
    if (sb->tunnel_key != lr->dp.tunnel_key) {
        sbrec_datapath_binding_set_tunnel_key(sb, lr->dp.tunnel_key);
    }

    struct smap ids = SMAP_INITIALIZER(&ids);
    char uuid_s[UUID_LEN + 1];
    snprintf(uuid_s, sizeof uuid_s, UUID_FMT, UUID_ARGS(&nbr->header_.uuid));
    smap_add(&ids, "logical-router", uuid_s);
    smap_add(&ids, "name", nbr->name);
    const char *name2 = smap_get(&nbr->external_ids, "neutron:router_name");
    if (name2 && name2[0]) {
        smap_add(&ids, "name2", name2);
    }
    if (!smap_equal(&ids, &sb->external_ids)) {
        sbrec_datapath_binding_set_external_ids(sb, &ids);
    }
    smap_destroy(&ids);
}

void
nd_lrouter_create_all(struct northd *nd)
{
    const struct nbrec_logical_router *nbr;
    NBREC_LOGICAL_ROUTER_FOR_EACH (nbr, nd->nb_idl) {
        if (!router_find(nd, &nbr->header_.uuid)) {
            router_create(nd, nbr);
        }
    }
}

/* Parses the MAC and networks of 'lrp' into 'rp->nets', adding the IPv6
 * link-local address derived from the MAC.  Returns false (and logs) if
 * the MAC is bad. */
static bool
rport_parse(struct nd_rport *rp, const struct nbrec_logical_router_port *lrp)
{
    if (rp->has_nets) {
        ovn_lport_addrs_destroy(&rp->nets);
        rp->has_nets = false;
    }
    struct ovn_lport_addrs *la = &rp->nets;
    memset(la, 0, sizeof *la);
    if (!eth_addr_from_string(lrp->mac, &la->ea)
        || eth_addr_is_multicast(la->ea)) {
        nd_log_bad("Logical_Router_Port", lrp->name, "bad mac \"%s\"",
                   lrp->mac);
        return false;
    }
    snprintf(la->ea_s, sizeof la->ea_s, ETH_ADDR_FMT, ETH_ADDR_ARGS(la->ea));

    for (size_t i = 0; i < lrp->n_networks; i++) {
        ovs_be32 ip;
        unsigned int plen;
        char *error = ip_parse_cidr(lrp->networks[i], &ip, &plen);
        if (!error) {
            if (!ip || plen > 32) {
                nd_log_bad("Logical_Router_Port", lrp->name,
                           "bad network \"%s\"", lrp->networks[i]);
                continue;
            }
            ovn_lport_addrs_add_ipv4(la, ip, plen);
            continue;
        }
        free(error);
        struct in6_addr ip6;
        error = ipv6_parse_cidr(lrp->networks[i], &ip6, &plen);
        if (!error) {
            ovn_lport_addrs_add_ipv6(la, &ip6, plen);
            continue;
        }
        free(error);
        nd_log_bad("Logical_Router_Port", lrp->name, "bad network \"%s\"",
                   lrp->networks[i]);
    }
    /* Every router port has an IPv6 link-local address. */
    struct in6_addr lla;
    in6_generate_lla(la->ea, &lla);
    ovn_lport_addrs_add_ipv6(la, &lla, 64);
    rp->has_nets = true;
    return true;
}

/* Returns the tunnel key that 'lrp' requests, or 0. */
static uint32_t
requested_port_key(const struct nbrec_logical_router_port *lrp)
{
    int key = smap_get_int(&lrp->options, "requested-tnl-key", 0);
    return key > 0 && key <= ND_MAX_PORT_KEY ? key : 0;
}

/* Creates the model of router port 'lrp' on 'lr' with its Port_Binding. */
static struct nd_rport *
rport_create(struct northd *nd, struct nd_router *lr,
             const struct nbrec_logical_router_port *lrp)
{
    struct nd_rport *rp = xzalloc(sizeof *rp);
    rp->lr = lr;
    rp->nb_uuid = lrp->header_.uuid;
    rp->name = xstrdup(lrp->name);
    struct ds quoted = DS_EMPTY_INITIALIZER;
    json_string_escape(rp->name, &quoted);
    rp->json_key = ds_steal_cstr(&quoted);
    nd_lflow_owner_init(&rp->nb_flows);
    ovs_list_push_back(&lr->ports, &rp->lr_node);

    if (nd_lrouter_port_find(nd, rp->name) || nd_port_find(nd, rp->name)) {
        nd_log_bad("Logical_Router_Port", rp->name,
                   "duplicate logical port name; ignoring this one");
        rp->dup = true;
        return rp;
    }
    hmap_insert(&nd->lrouters->ports, &rp->node, hash_string(rp->name, 0));

    const struct sbrec_port_binding *sb = NULL;
    if (nd->claiming) {
        sb = shash_find_and_delete(&nd->pb_claims, rp->name);
    }
    uint32_t key = requested_port_key(lrp);
    if (key && nd_keyset_contains(&lr->dp.port_keys, key)) {
        key = 0;
    }
    if (!key && sb && sb->tunnel_key > 0 && sb->tunnel_key <= ND_MAX_PORT_KEY
        && !nd_keyset_contains(&lr->dp.port_keys, sb->tunnel_key)) {
        key = sb->tunnel_key;
    }
    if (key) {
        nd_keyset_add(&lr->dp.port_keys, key);
    } else {
        key = nd_keyset_alloc(&lr->dp.port_keys);
    }
    rp->tunnel_key = key;
    if (sb) {
        hmapx_add(&nd->claimed, CONST_CAST(void *, sb));
    } else {
        struct uuid uuid;
        uuid_generate(&uuid);
        sb = sbrec_port_binding_insert_persist_uuid(nd->sb_txn, &uuid);
    }
    rp->sb_uuid = sb->header_.uuid;
    rp->in_sb = true;
    return rp;
}

/* Returns the "router" switch port whose options:router-port names router
 * port 'name' (the lowest name if several do, whatever order they came
 * in), or NULL. */
static const struct nd_port *
peer_lsp(const struct northd *nd, const char *name)
{
    const struct hmapx *set = shash_find_data(&nd->rports_by_peer, name);
    if (!set) {
        return NULL;
    }
    const struct nd_port *best = NULL;
    const struct hmapx_node *node;
    HMAPX_FOR_EACH (node, set) {
        const struct nd_port *port = node->data;
        if (!port->dup && (!best || strcmp(port->name, best->name) < 0)) {
            best = port;
        }
    }
    return best;
}

/* Brings 'rp' and its Port_Binding up to date with 'lrp'. */
static void
rport_sync(struct northd *nd, struct nd_rport *rp,
           const struct nbrec_logical_router_port *lrp)
{
    if (rp->dup) {
        return;
    }
    rp->enabled = !lrp->n_enabled || *lrp->enabled;
    rport_parse(rp, lrp);

    free(rp->peer);
    rp->peer = NULL;
    const struct nd_port *lsp = peer_lsp(nd, rp->name);
    rp->peer_ls = lsp ? lsp->dp->nb_uuid : UUID_ZERO;
    if (lsp) {
        rp->peer = xstrdup(lsp->name);
    } else if (lrp->peer && lrp->peer[0]) {
        rp->peer = xstrdup(lrp->peer);
    }

    const struct sbrec_port_binding *sb
        = sbrec_port_binding_get_for_uuid(nd->sb_idl, &rp->sb_uuid);
    const struct sbrec_datapath_binding *sb_dp = nd_datapath_sb(nd,
                                                                &rp->lr->dp);
    if (!sb || !sb_dp || !nd->sb_txn) {
        return;
    }
    uint32_t req = requested_port_key(lrp);
    if (req && req != rp->tunnel_key
        && !nd_keyset_contains(&rp->lr->dp.port_keys, req)) {
        nd_keyset_remove(&rp->lr->dp.port_keys, rp->tunnel_key);
        nd_keyset_add(&rp->lr->dp.port_keys, req);
        rp->tunnel_key = req;
    }
    sbrec_port_binding_set_datapath(sb, sb_dp);
    sbrec_port_binding_set_logical_port(sb, rp->name);
    sbrec_port_binding_set_tunnel_key(sb, rp->tunnel_key);
    sbrec_port_binding_set_type(sb, "patch");
    sbrec_port_binding_set_external_ids(sb, &lrp->external_ids);

    struct ds mac = DS_EMPTY_INITIALIZER;
    ds_put_cstr(&mac, lrp->mac);
    for (size_t i = 0; i < lrp->n_networks; i++) {
        ds_put_format(&mac, " %s", lrp->networks[i]);
    }
    const char *mac_s = ds_cstr(&mac);
    sbrec_port_binding_set_mac(sb, &mac_s, 1);
    ds_destroy(&mac);

    struct smap options = SMAP_INITIALIZER(&options);
    if (rp->peer) {
        smap_add(&options, "peer", rp->peer);
    }
    sbrec_port_binding_set_options(sb, &options);
    smap_destroy(&options);
}

/* Returns the model of 'lrp' among the ports of 'lr', or NULL. */
static struct nd_rport *
router_port_find(const struct nd_router *lr,
                 const struct nbrec_logical_router_port *lrp)
{
    struct nd_rport *rp;
    LIST_FOR_EACH (rp, lr_node, &lr->ports) {
        if (uuid_equals(&rp->nb_uuid, &lrp->header_.uuid)) {
            return rp;
        }
    }
    return NULL;
}

/* Destroys the port models of 'lr' whose row 'nbr' no longer has (or that
 * were renamed), and those ignored for a duplicate name, so that
 * router_add_ports() (run after this for every router) finds names and
 * keys free and re-decides duplicates. */
static void
router_prune_ports(struct northd *nd, struct nd_router *lr,
                   const struct nbrec_logical_router *nbr)
{
    unsigned int epoch = ++nd->lrouters->epoch;
    for (size_t i = 0; i < nbr->n_ports; i++) {
        const struct nbrec_logical_router_port *lrp = nbr->ports[i];
        struct nd_rport *rp = router_port_find(lr, lrp);
        if (rp && !rp->dup && !strcmp(rp->name, lrp->name)) {
            rp->seen = epoch;
        }
    }
    struct nd_rport *rp;
    LIST_FOR_EACH_SAFE (rp, lr_node, &lr->ports) {
        if (rp->seen != epoch) {
            rport_destroy(nd, rp);
        }
    }
}

/* Creates the missing port models of 'lr' and syncs them all with 'nbr'. */
static void
router_add_ports(struct northd *nd, struct nd_router *lr,
                 const struct nbrec_logical_router *nbr)
{
    for (size_t i = 0; i < nbr->n_ports; i++) {
        const struct nbrec_logical_router_port *lrp = nbr->ports[i];
        struct nd_rport *rp = router_port_find(lr, lrp);
        if (!rp) {
            rp = rport_create(nd, lr, lrp);
        }
        rport_sync(nd, rp, lrp);
    }
}

/* Recomputes everything about every router. */
static void
run_all(struct northd *nd)
{
    struct nd_lrouters *lrs = nd->lrouters;
    unsigned int epoch = ++lrs->epoch;

    /* Routers first (names and keys of deleted ones become free). */
    const struct nbrec_logical_router *nbr;
    NBREC_LOGICAL_ROUTER_FOR_EACH (nbr, nd->nb_idl) {
        struct nd_router *lr = router_find(nd, &nbr->header_.uuid);
        if (lr) {
            lr->seen = epoch;
        }
    }
    struct nd_router *lr;
    HMAP_FOR_EACH_SAFE (lr, node, &lrs->routers) {
        if (lr->seen != epoch) {
            router_destroy(nd, lr);
        }
    }
    NBREC_LOGICAL_ROUTER_FOR_EACH (nbr, nd->nb_idl) {
        lr = router_find(nd, &nbr->header_.uuid);
        if (!lr) {
            lr = router_create(nd, nbr);
        }
        if (lr) {
            router_sync(nd, lr, nbr);
        }
    }
    NBREC_LOGICAL_ROUTER_FOR_EACH (nbr, nd->nb_idl) {
        lr = router_find(nd, &nbr->header_.uuid);
        if (lr) {
            router_prune_ports(nd, lr, nbr);
        }
    }
    NBREC_LOGICAL_ROUTER_FOR_EACH (nbr, nd->nb_idl) {
        lr = router_find(nd, &nbr->header_.uuid);
        if (lr) {
            router_add_ports(nd, lr, nbr);
        }
    }

    /* Flows last: they look at every router's ports. */
    NBREC_LOGICAL_ROUTER_FOR_EACH (nbr, nd->nb_idl) {
        lr = router_find(nd, &nbr->header_.uuid);
        if (lr) {
            nd_lrouter_flows(nd, lr, nbr);
            struct nd_rport *rp;
            LIST_FOR_EACH (rp, lr_node, &lr->ports) {
                nd_lrouter_neighbour_flows(nd, rp);
            }
        }
    }
}

/* Only switches (their UUIDs in 'changed_ls') changed: refreshes the peer
 * and the neighbour flows of the router ports attached to them, or whose
 * peer switch port came or went. */
static void
run_switches(struct northd *nd, const struct sset *changed_ls)
{
    struct nd_router *lr;
    HMAP_FOR_EACH (lr, node, &nd->lrouters->routers) {
        struct nd_rport *rp;
        LIST_FOR_EACH (rp, lr_node, &lr->ports) {
            if (rp->dup) {
                continue;
            }
            char uuid_s[UUID_LEN + 1];
            snprintf(uuid_s, sizeof uuid_s, UUID_FMT,
                     UUID_ARGS(&rp->peer_ls));
            const struct nd_port *lsp = peer_lsp(nd, rp->name);
            bool attached = (!uuid_is_zero(&rp->peer_ls)
                             && sset_contains(changed_ls, uuid_s));
            bool peer_moved = (lsp
                               ? !rp->peer || strcmp(rp->peer, lsp->name)
                                 || !uuid_equals(&rp->peer_ls,
                                                 &lsp->dp->nb_uuid)
                               : !uuid_is_zero(&rp->peer_ls));
            if (!attached && !peer_moved) {
                continue;
            }
            const struct nbrec_logical_router_port *lrp
                = nbrec_logical_router_port_get_for_uuid(nd->nb_idl,
                                                         &rp->nb_uuid);
            if (lrp) {
                rport_sync(nd, rp, lrp);
            }
            nd_lrouter_neighbour_flows(nd, rp);
        }
    }
}

void
nd_lrouter_run(struct northd *nd, const struct sset *changed_ls)
{
    if (changed_ls) {
        run_switches(nd, changed_ls);
    } else {
        run_all(nd);
    }
}

void
nd_lrouter_incremental(struct northd *nd)
{
    bool routers = false;
    const struct nbrec_logical_router *nbr;
    NBREC_LOGICAL_ROUTER_FOR_EACH_TRACKED (nbr, nd->nb_idl) {
        routers = true;
    }
    const struct nbrec_logical_router_port *lrp;
    NBREC_LOGICAL_ROUTER_PORT_FOR_EACH_TRACKED (lrp, nd->nb_idl) {
        routers = true;
    }
    const struct nbrec_logical_router_static_route *route;
    NBREC_LOGICAL_ROUTER_STATIC_ROUTE_FOR_EACH_TRACKED (route, nd->nb_idl) {
        routers = true;
    }
    const struct nbrec_logical_router_policy *policy;
    NBREC_LOGICAL_ROUTER_POLICY_FOR_EACH_TRACKED (policy, nd->nb_idl) {
        routers = true;
    }
    if (routers) {
        run_all(nd);
        return;
    }
    if (hmap_is_empty(&nd->lrouters->routers)) {
        return;
    }

    /* Switch ports are the routers' known neighbours: the switches whose
     * ports changed. */
    struct sset changed = SSET_INITIALIZER(&changed);
    char uuid_s[UUID_LEN + 1];
    const struct nbrec_logical_switch *nbs;
    NBREC_LOGICAL_SWITCH_FOR_EACH_TRACKED (nbs, nd->nb_idl) {
        snprintf(uuid_s, sizeof uuid_s, UUID_FMT,
                 UUID_ARGS(&nbs->header_.uuid));
        sset_add(&changed, uuid_s);
    }
    const struct nbrec_logical_switch_port *nbsp;
    NBREC_LOGICAL_SWITCH_PORT_FOR_EACH_TRACKED (nbsp, nd->nb_idl) {
        const struct nd_port *port
            = nd_port_find_uuid(nd, &nbsp->header_.uuid);
        if (port) {
            snprintf(uuid_s, sizeof uuid_s, UUID_FMT,
                     UUID_ARGS(&port->dp->nb_uuid));
            sset_add(&changed, uuid_s);
        }
    }
    if (!sset_is_empty(&changed)) {
        run_switches(nd, &changed);
    }
    sset_destroy(&changed);
}

bool
nd_lrouter_sb_deleted(const struct northd *nd, const struct uuid *pb_uuid,
                      const char *name)
{
    const struct nd_rport *rp = nd_lrouter_port_find(nd, name);
    return rp && rp->in_sb && uuid_equals(&rp->sb_uuid, pb_uuid);
}
