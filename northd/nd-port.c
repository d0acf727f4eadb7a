/* ovn-northd logical switch ports: Port_Binding rows, tunnel keys, container
 * tags, and the Logical_Switch_Port "up" status. */
#include <config.h>
#include "northd/northd.h"

#include <string.h>

#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "sset.h"
#include "util.h"
#include "uuid.h"
#include "lib/ovn-nb-idl.h"
#include "lib/ovn-sb-idl.h"
#include "northd/nd-pgas.h"

VLOG_DEFINE_THIS_MODULE(nd_port);

/* Largest VLAN tag for container ports. */
#define ND_MAX_TAG 4095

struct nd_port *
nd_port_find_uuid(const struct northd *nd, const struct uuid *nb_uuid)
{
    struct nd_port *port;
    HMAP_FOR_EACH_WITH_HASH (port, uuid_node, uuid_hash(nb_uuid),
                             &nd->ports_by_uuid) {
        if (uuid_equals(&port->nb_uuid, nb_uuid)) {
            return port;
        }
    }
    return NULL;
}

struct nd_port *
nd_port_find(const struct northd *nd, const char *name)
{
    struct nd_port *port;
    HMAP_FOR_EACH_WITH_HASH (port, name_node, hash_string(name, 0),
                             &nd->ports) {
        if (!strcmp(port->name, name)) {
            return port;
        }
    }
    return NULL;
}

const struct sbrec_port_binding *
nd_port_sb(const struct northd *nd, const struct nd_port *port)
{
    return (port->in_sb
            ? sbrec_port_binding_get_for_uuid(nd->sb_idl, &port->sb_uuid)
            : NULL);
}

/* Returns the tunnel key that 'nbsp' requests, or 0. */
static uint32_t
requested_key(const struct nbrec_logical_switch_port *nbsp)
{
    int key = smap_get_int(&nbsp->options, "requested-tnl-key", 0);
    if (key < 0 || key > ND_MAX_PORT_KEY) {
        nd_log_bad("Logical_Switch_Port", nbsp->name,
                   "invalid options:requested-tnl-key %d", key);
        return 0;
    }
    return key;
}

/* Gives 'port' a southbound row and a tunnel key. */
static void
port_bind(struct northd *nd, struct nd_port *port,
          const struct nbrec_logical_switch_port *nbsp)
{
    struct nd_datapath *dp = port->dp;
    const struct sbrec_port_binding *sb = NULL;
    if (nd->claiming) {
        sb = shash_find_and_delete(&nd->pb_claims, port->name);
    }

    uint32_t key = 0, req = requested_key(nbsp);
    if (req && !nd_keyset_contains(&dp->port_keys, req)) {
        key = req;
    } else if (req) {
        nd_log_bad("Logical_Switch_Port", port->name,
                   "requested tunnel key %"PRIu32" is already in use", req);
    }
    if (!key && sb && sb->datapath
        && uuid_equals(&sb->datapath->header_.uuid, &dp->sb_uuid)
        && sb->tunnel_key > 0 && sb->tunnel_key <= ND_MAX_PORT_KEY
        && !nd_keyset_contains(&dp->port_keys, sb->tunnel_key)) {
        key = sb->tunnel_key;
    }
    if (key) {
        nd_keyset_add(&dp->port_keys, key);
    } else {
        key = nd_keyset_alloc(&dp->port_keys);
        if (!key) {
            nd_log_bad("Logical_Switch_Port", port->name,
                       "no free tunnel key on switch %s", dp->name);
            return;
        }
    }
    port->tunnel_key = key;

    if (sb) {
        hmapx_add(&nd->claimed, CONST_CAST(void *, sb));
    } else {
        struct uuid uuid;
        uuid_generate(&uuid);
        sb = sbrec_port_binding_insert_persist_uuid(nd->sb_txn, &uuid);
        bool up = false;
        sbrec_port_binding_set_up(sb, &up, 1);
    }
    port->sb_uuid = sb->header_.uuid;
    port->in_sb = true;
}

struct nd_port *
nd_port_create(struct northd *nd, struct nd_datapath *dp,
               const struct nbrec_logical_switch_port *nbsp)
{
    struct nd_port *port = xzalloc(sizeof *port);
    port->nb_uuid = nbsp->header_.uuid;
    port->name = xstrdup(nbsp->name);
    struct ds key = DS_EMPTY_INITIALIZER;
    json_string_escape(port->name, &key);
    port->json_key = ds_steal_cstr(&key);
    port->dp = dp;
    nd_lflow_owner_init(&port->flows);
    hmap_insert(&nd->ports_by_uuid, &port->uuid_node,
                uuid_hash(&port->nb_uuid));
    ovs_list_push_back(&dp->ports, &port->dp_node);
    dp->n_ports++;

    if (nd_port_find(nd, port->name)) {
        nd_log_bad("Logical_Switch_Port", port->name,
                   "duplicate logical port name; ignoring this one ("
                   UUID_FMT")", UUID_ARGS(&port->nb_uuid));
        port->dup = true;
        nd->n_dups++;
        return port;
    }
    hmap_insert(&nd->ports, &port->name_node, hash_string(port->name, 0));
    port_bind(nd, port, nbsp);
    nd_port_sync(nd, port, nbsp);
    return port;
}

/* Returns the tag pool of 'parent', creating it if needed. */
static struct nd_keyset *
tag_pool(struct northd *nd, const char *parent)
{
    struct nd_keyset *ks = shash_find_data(&nd->tag_pools, parent);
    if (!ks) {
        ks = xmalloc(sizeof *ks);
        nd_keyset_init(ks, ND_MAX_TAG);
        shash_add(&nd->tag_pools, parent, ks);
    }
    return ks;
}

/* Releases the tag that 'port' holds, if any. */
static void
tag_release(struct northd *nd, struct nd_port *port)
{
    if (port->tag_parent) {
        struct nd_keyset *ks = shash_find_data(&nd->tag_pools,
                                               port->tag_parent);
        if (ks) {
            nd_keyset_remove(ks, port->tag);
        }
        free(port->tag_parent);
        port->tag_parent = NULL;
        port->tag = 0;
    }
}

/* Computes the tag of 'port' from 'nbsp' ("tag", "tag_request",
 * "parent_name"), allocating one for tag_request=0, and writes it back to
 * the northbound "tag" column.  Returns the tag or -1 for none. */
static int64_t
port_tag(struct northd *nd, struct nd_port *port,
         const struct nbrec_logical_switch_port *nbsp)
{
    const char *parent = nbsp->parent_name;
    if (!parent || !parent[0] || !nbsp->n_tag_request) {
        tag_release(nd, port);
        if (nbsp->n_tag) {
            if (*nbsp->tag < 0 || *nbsp->tag > ND_MAX_TAG) {
                nd_log_bad("Logical_Switch_Port", port->name,
                           "invalid tag %"PRId64, *nbsp->tag);
                return -1;
            }
            return *nbsp->tag;
        }
        return -1;
    }

    int64_t req = *nbsp->tag_request;
    int64_t tag;
    if (req < 0 || req > ND_MAX_TAG) {
        nd_log_bad("Logical_Switch_Port", port->name,
                   "invalid tag_request %"PRId64, req);
        tag_release(nd, port);
        return -1;
    } else if (req > 0) {
        tag_release(nd, port);
        tag = req;
    } else if (port->tag_parent && !strcmp(port->tag_parent, parent)) {
        tag = port->tag;
    } else {
        tag_release(nd, port);
        struct nd_keyset *ks = tag_pool(nd, parent);
        if (nbsp->n_tag && *nbsp->tag > 0 && *nbsp->tag <= ND_MAX_TAG
            && !nd_keyset_contains(ks, *nbsp->tag)) {
            tag = *nbsp->tag;
            nd_keyset_add(ks, tag);
        } else {
            tag = nd_keyset_alloc(ks);
            if (!tag) {
                nd_log_bad("Logical_Switch_Port", port->name,
                           "no free tag for parent %s", parent);
                return -1;
            }
        }
        port->tag_parent = xstrdup(parent);
        port->tag = tag;
    }
    if (nd->nb_txn && (!nbsp->n_tag || *nbsp->tag != tag)) {
        nbrec_logical_switch_port_set_tag(nbsp, &tag, 1);
    }
    return tag;
}

/* Frees the parsed addresses of 'port'. */
static void
port_clear_addrs(struct nd_port *port)
{
    for (size_t i = 0; i < port->n_addrs; i++) {
        ovn_lport_addrs_destroy(&port->addrs[i]);
    }
    free(port->addrs);
    port->addrs = NULL;
    port->n_addrs = 0;
}

/* Appends the parsed form of 's' to the addresses of 'port', logging and
 * skipping it if it is malformed. */
static void
port_add_addr(struct nd_port *port, const char *s, const char *what)
{
    struct ovn_lport_addrs la;
    char *error = ovn_lport_addrs_parse(s, &la, NULL);
    if (error) {
        nd_log_bad("Logical_Switch_Port", port->name, "bad %s \"%s\": %s",
                   what, s, error);
        free(error);
        return;
    }
    port->addrs = xrealloc(port->addrs,
                           (port->n_addrs + 1) * sizeof *port->addrs);
    port->addrs[port->n_addrs++] = la;
}

/* Parses the "addresses" of 'nbsp' into 'port', and fills 'macs' with the
 * Port_Binding "mac" column values. */
static void
port_parse_addresses(struct nd_port *port,
                     const struct nbrec_logical_switch_port *nbsp,
                     struct sset *macs)
{
    port_clear_addrs(port);
    port->has_unknown = false;

    for (size_t i = 0; i < nbsp->n_addresses; i++) {
        const char *a = nbsp->addresses[i];
        if (!strcmp(a, "unknown")) {
            port->has_unknown = true;
            sset_add(macs, a);
        } else if (!strcmp(a, "router")) {
            if (port->has_peer) {
                const struct ovn_lport_addrs *pa = &port->peer_addrs;
                struct ovn_lport_addrs copy;
                memset(&copy, 0, sizeof copy);
                copy.ea = pa->ea;
                memcpy(copy.ea_s, pa->ea_s, sizeof copy.ea_s);
                for (size_t j = 0; j < pa->n_ipv4; j++) {
                    ovn_lport_addrs_add_ipv4(&copy, pa->ipv4[j].addr,
                                             pa->ipv4[j].plen);
                }
                for (size_t j = 0; j < pa->n_ipv6; j++) {
                    ovn_lport_addrs_add_ipv6(&copy, &pa->ipv6[j].addr,
                                             pa->ipv6[j].plen);
                }
                port->addrs = xrealloc(port->addrs, (port->n_addrs + 1)
                                       * sizeof *port->addrs);
                port->addrs[port->n_addrs++] = copy;
            }
            sset_add(macs, a);
        } else if (strstr(a, "dynamic")) {
            /* "dynamic", "MAC dynamic" or "dynamic IP": IPAM's result. */
            if (port->dyn_addresses) {
                port_add_addr(port, port->dyn_addresses,
                              "dynamic_addresses");
            }
            sset_add(macs, a);
        } else {
            port_add_addr(port, a, "address");
            sset_add(macs, a);
        }
    }
}

/* Returns the Port_Binding type for LSP type 'type'. */
static const char *
pb_type(const char *type)
{
    return !strcmp(type, "router") ? "patch" : type;
}

/* Returns the Chassis named (or with hostname) 'name', or NULL. */
static const struct sbrec_chassis *
find_chassis(const struct northd *nd, const char *name)
{
    const struct sbrec_chassis *ch;
    SBREC_CHASSIS_FOR_EACH (ch, nd->sb_idl) {
        if (!strcmp(ch->name, name) || !strcmp(ch->hostname, name)) {
            return ch;
        }
    }
    return NULL;
}

/* Returns true if 'type' is a known Logical_Switch_Port type. */
static bool
known_type(const char *type)
{
    static const char *types[] = {
        "", "router", "localnet", "localport", "l2gateway", "vtep",
        "external", "virtual", "remote",
    };
    for (size_t i = 0; i < ARRAY_SIZE(types); i++) {
        if (!strcmp(type, types[i])) {
            return true;
        }
    }
    return false;
}

/* Makes 'port' a member of 'set' or not.  Returns true if it changed. */
static bool
set_member(struct hmapx *set, struct nd_port *port, bool member)
{
    return (member
            ? hmapx_add(set, port) != NULL
            : hmapx_find_and_delete(set, port));
}

void
nd_port_sync(struct northd *nd, struct nd_port *port,
             const struct nbrec_logical_switch_port *nbsp)
{
    if (port->dup || !port->in_sb) {
        return;
    }
    port->synced = nd->run_id;
    struct nd_datapath *dp = port->dp;
    const struct sbrec_port_binding *sb = nd_port_sb(nd, port);
    const struct sbrec_datapath_binding *sb_dp = nd_datapath_sb(nd, dp);
    if (!sb || !sb_dp) {
        return;
    }

    const char *type = nbsp->type;
    if (!known_type(type)) {
        nd_log_bad("Logical_Switch_Port", port->name,
                   "unknown type \"%s\"", type);
    }
    bool was_unknown = port->has_unknown && port->enabled;
    port->enabled = !nbsp->n_enabled || *nbsp->enabled;
    port->is_router = !strcmp(type, "router");

    /* Tunnel key changes requested by the user. */
    uint32_t req = requested_key(nbsp);
    if (req && req != port->tunnel_key) {
        if (!nd_keyset_contains(&dp->port_keys, req)) {
            nd_keyset_remove(&dp->port_keys, port->tunnel_key);
            nd_keyset_add(&dp->port_keys, req);
            port->tunnel_key = req;
        } else {
            nd_log_bad("Logical_Switch_Port", port->name,
                       "requested tunnel key %"PRIu32" is already in use",
                       req);
        }
    }

    nd_ipam_port_update(nd, port, nbsp);

    /* The router port that a "router" port connects to. */
    const char *peer = (port->is_router
                        ? smap_get(&nbsp->options, "router-port") : NULL);
    nd_lsp_peer_register(nd, port, peer);
    const struct nbrec_logical_router_port *lrp = nd_lsp_peer_peer(nd, peer);
    ovn_lport_addrs_destroy(&port->peer_addrs);
    port->has_peer = lrp && nd_lsp_peer_addrs(lrp, &port->peer_addrs,
                                           port->name);

    struct sset macs = SSET_INITIALIZER(&macs);
    port_parse_addresses(port, nbsp, &macs);

    /* Port_Binding columns. */
    sbrec_port_binding_set_datapath(sb, sb_dp);
    sbrec_port_binding_set_logical_port(sb, port->name);
    sbrec_port_binding_set_tunnel_key(sb, port->tunnel_key);
    sbrec_port_binding_set_type(sb, pb_type(type));
    sbrec_port_binding_set_external_ids(sb, &nbsp->external_ids);

    const char **mac_array = sset_array(&macs);
    sbrec_port_binding_set_mac(sb, mac_array, sset_count(&macs));
    free(mac_array);
    sset_destroy(&macs);

    struct sset ps = SSET_INITIALIZER(&ps);
    for (size_t i = 0; i < nbsp->n_port_security; i++) {
        struct ovn_lport_addrs la;
        char *error = ovn_lport_addrs_parse(nbsp->port_security[i], &la,
                                            NULL);
        if (error) {
            nd_log_bad("Logical_Switch_Port", port->name,
                       "bad port_security \"%s\": %s",
                       nbsp->port_security[i], error);
            free(error);
            continue;
        }
        ovn_lport_addrs_destroy(&la);
        sset_add(&ps, nbsp->port_security[i]);
    }
    const char **ps_array = sset_array(&ps);
    sbrec_port_binding_set_port_security(sb, ps_array, sset_count(&ps));
    free(ps_array);
    sset_destroy(&ps);

    struct smap options = SMAP_INITIALIZER(&options);
    if (port->is_router) {
        const char *peer = smap_get(&nbsp->options, "router-port");
        if (peer) {
            smap_add(&options, "peer", peer);
        }
    } else {
        smap_clone(&options, &nbsp->options);
        if (dp->vlan_passthru) {
            smap_replace(&options, "vlan-passthru", "true");
        }
    }
    sbrec_port_binding_set_options(sb, &options);
    smap_destroy(&options);

    sbrec_port_binding_set_parent_port(sb, (nbsp->parent_name
                                            && nbsp->parent_name[0]
                                            ? nbsp->parent_name : NULL));
    int64_t tag = port_tag(nd, port, nbsp);
    sbrec_port_binding_set_tag(sb, &tag, tag >= 0 ? 1 : 0);

    /* options:requested-chassis: of the chassis that exist, the first is
     * requested_chassis, the others requested_additional_chassis. */
    const char *req_ch = smap_get(&nbsp->options, "requested-chassis");
    const struct sbrec_chassis *ch = NULL;
    struct sbrec_chassis **extra = NULL;
    size_t n_extra = 0;
    if (req_ch && req_ch[0]) {
        hmapx_add(&nd->req_chassis_ports, port);
        char *copy = xstrdup(req_ch);
        char *save = NULL;
        for (char *name = strtok_r(copy, ",", &save); name;
             name = strtok_r(NULL, ",", &save)) {
            const struct sbrec_chassis *c = find_chassis(nd, name);
            if (!ch) {
                ch = c;
            } else if (c) {
                extra = xrealloc(extra, (n_extra + 1) * sizeof *extra);
                extra[n_extra++] = CONST_CAST(struct sbrec_chassis *, c);
            }
        }
        free(copy);
    } else {
        hmapx_find_and_delete(&nd->req_chassis_ports, port);
    }
    sbrec_port_binding_set_requested_chassis(sb, ch);
    sbrec_port_binding_set_requested_additional_chassis(sb, extra, n_extra);
    free(extra);

    const char *vparents = smap_get(&nbsp->options, "virtual-parents");
    (void) vparents;

    /* Multicast groups. */
    bool member[ND_N_MC];
    member[ND_MC_FLOOD] = port->enabled;
    member[ND_MC_FLOOD_L2] = port->enabled && !port->is_router;
    member[ND_MC_UNKNOWN] = port->enabled && port->has_unknown;
    nd_mc_update_port(nd, port, member);

    bool is_vtep = !strcmp(type, "vtep");
    if (is_vtep != port->is_vtep) {
        port->is_vtep = is_vtep;
        if (is_vtep) {
            dp->n_vtep++;
        } else {
            dp->n_vtep--;
        }
        nd_datapath_mark_dirty(nd, dp);
    }

    /* External ports' flows depend on the switch's localnet ports and
     * router ports (with their peers' addresses). */
    bool ext_input = false;
    ext_input |= set_member(&dp->localnet_ports, port,
                            !strcmp(type, "localnet"));
    ext_input |= set_member(&dp->router_ports, port,
                            port->is_router && port->has_peer);
    ext_input |= port->is_router && port->has_peer;
    set_member(&dp->external_ports, port, !strcmp(type, "external"));
    if (ext_input && !hmapx_is_empty(&dp->external_ports)) {
        hmapx_add(&nd->ext_dirty_dps, dp);
    }

    bool is_unknown = port->has_unknown && port->enabled;
    if (is_unknown != was_unknown) {
        if (is_unknown) {
            dp->n_unknown++;
        } else {
            dp->n_unknown--;
        }
        nd_datapath_mark_dirty(nd, dp);
    }

    nd_lswitch_port_flows(nd, port, nbsp);
    nd_port_update_nb_up(nd, port, sb);
    nd_pgas_port_changed(nd, port);
}

void
nd_port_update_nb_up(struct northd *nd, const struct nd_port *port,
                     const struct sbrec_port_binding *sb)
{
    if (!nd->nb_txn || port->dup) {
        return;
    }
    const struct nbrec_logical_switch_port *nbsp
        = nbrec_logical_switch_port_get_for_uuid(nd->nb_idl, &port->nb_uuid);
    if (!nbsp) {
        return;
    }
    bool up;
    if (port->is_router) {
        up = true;
    } else if (sb && sb->chassis) {
        up = sb->n_up ? sb->up[0] : true;
    } else {
        up = false;
    }
    if (!nbsp->n_up || nbsp->up[0] != up) {
        nbrec_logical_switch_port_set_up(nbsp, &up, 1);
    }
}

void
nd_port_destroy(struct northd *nd, struct nd_port *port)
{
    if (!port) {
        return;
    }
    struct nd_datapath *dp = port->dp;
    bool was_winner = !port->dup;

    if (was_winner) {
        nd_pgas_port_changed(nd, port);
        bool none[ND_N_MC] = { false };
        nd_mc_update_port(nd, port, none);
        if (port->has_unknown && port->enabled) {
            dp->n_unknown--;
            nd_datapath_mark_dirty(nd, dp);
        }
        if (port->is_vtep) {
            dp->n_vtep--;
            nd_datapath_mark_dirty(nd, dp);
        }
        if ((hmapx_find_and_delete(&dp->localnet_ports, port)
             | hmapx_find_and_delete(&dp->router_ports, port))
            && !hmapx_is_empty(&dp->external_ports)) {
            hmapx_add(&nd->ext_dirty_dps, dp);
        }
        hmapx_find_and_delete(&dp->external_ports, port);
        nd_lflow_owner_clear(&nd->lflows, &port->flows);
        nd_ipam_port_release(nd, port);
        tag_release(nd, port);
        if (port->in_sb && nd->sb_txn) {
            const struct sbrec_port_binding *sb = nd_port_sb(nd, port);
            if (sb) {
                sbrec_port_binding_delete(sb);
            }
        }
        if (port->tunnel_key) {
            nd_keyset_remove(&dp->port_keys, port->tunnel_key);
        }
        hmap_remove(&nd->ports, &port->name_node);
    }
    if (port->dup) {
        nd->n_dups--;
    }
    hmapx_find_and_delete(&nd->req_chassis_ports, port);
    nd_lsp_peer_register(nd, port, NULL);
    ovn_lport_addrs_destroy(&port->peer_addrs);
    hmap_remove(&nd->ports_by_uuid, &port->uuid_node);
    ovs_list_remove(&port->dp_node);
    dp->n_ports--;
    port_clear_addrs(port);

    /* Promote a port that was ignored because it had the same name. */
    char *name = port->name;
    free(port->json_key);
    free(port);
    if (was_winner && nd->n_dups) {
        struct nd_port *other;
        HMAP_FOR_EACH (other, uuid_node, &nd->ports_by_uuid) {
            if (other->dup && !strcmp(other->name, name)) {
                const struct nbrec_logical_switch_port *nbsp
                    = nbrec_logical_switch_port_get_for_uuid(
                        nd->nb_idl, &other->nb_uuid);
                if (nbsp && nd->sb_txn) {
                    other->dup = false;
                    nd->n_dups--;
                    hmap_insert(&nd->ports, &other->name_node,
                                hash_string(other->name, 0));
                    port_bind(nd, other, nbsp);
                    nd_port_sync(nd, other, nbsp);
                }
                break;
            }
        }
    }
    free(name);
}
