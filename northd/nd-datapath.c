/* ovn-northd datapaths: one Datapath_Binding per logical switch, with a
 * tunnel key allocated once and kept. */
#include <config.h>
#include "northd/northd.h"

#include "hash.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "util.h"
#include "uuid.h"
#include "lib/ovn-nb-idl.h"
#include "lib/ovn-sb-idl.h"

VLOG_DEFINE_THIS_MODULE(nd_datapath);

struct nd_datapath *
nd_datapath_find(const struct northd *nd, const struct uuid *nb_uuid)
{
    struct nd_datapath *dp;
    HMAP_FOR_EACH_WITH_HASH (dp, node, uuid_hash(nb_uuid), &nd->datapaths) {
        if (uuid_equals(&dp->nb_uuid, nb_uuid)) {
            return dp;
        }
    }
    return NULL;
}

struct nd_datapath *
nd_datapath_from_sb(void *nd_, const struct uuid *sb_uuid)
{
    struct northd *nd = nd_;
    struct nd_datapath *dp;
    HMAP_FOR_EACH_WITH_HASH (dp, sb_node, uuid_hash(sb_uuid), &nd->dp_by_sb) {
        if (uuid_equals(&dp->sb_uuid, sb_uuid)) {
            return dp;
        }
    }
    return NULL;
}

const struct sbrec_datapath_binding *
nd_datapath_sb(const struct northd *nd, const struct nd_datapath *dp)
{
    return sbrec_datapath_binding_get_for_uuid(nd->sb_idl, &dp->sb_uuid);
}

/* Returns the tunnel key that 'nbs' requests, or 0. */
static uint32_t
requested_key(const struct nbrec_logical_switch *nbs)
{
    int key = smap_get_int(&nbs->other_config, "requested-tnl-key", 0);
    if (key < 0 || key > ND_MAX_DP_KEY) {
        nd_log_bad("Logical_Switch", nbs->name,
                   "invalid other_config:requested-tnl-key %d", key);
        return 0;
    }
    return key;
}

/* Chooses a tunnel key for 'dp', preferring the requested one, then the one
 * that the existing southbound row 'sb' has.  Returns 0 if none is free. */
static uint32_t
choose_key(struct northd *nd, const struct nbrec_logical_switch *nbs,
           const struct sbrec_datapath_binding *sb)
{
    uint32_t req = requested_key(nbs);
    if (req) {
        if (!nd_keyset_contains(&nd->dp_keys, req)) {
            nd_keyset_add(&nd->dp_keys, req);
            return req;
        }
        nd_log_bad("Logical_Switch", nbs->name,
                   "requested tunnel key %"PRIu32" is already in use", req);
    }
    if (sb && sb->tunnel_key > 0 && sb->tunnel_key <= ND_MAX_DP_KEY
        && !nd_keyset_contains(&nd->dp_keys, sb->tunnel_key)) {
        nd_keyset_add(&nd->dp_keys, sb->tunnel_key);
        return sb->tunnel_key;
    }
    return nd_keyset_alloc(&nd->dp_keys);
}

struct nd_datapath *
nd_datapath_create(struct northd *nd, const struct nbrec_logical_switch *nbs)
{
    const struct sbrec_datapath_binding *sb = NULL;
    if (nd->claiming) {
        char key[UUID_LEN + 1];
        snprintf(key, sizeof key, UUID_FMT, UUID_ARGS(&nbs->header_.uuid));
        sb = shash_find_and_delete(&nd->dp_claims, key);
    }

    uint32_t tunnel_key = choose_key(nd, nbs, sb);
    if (!tunnel_key) {
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 1);
        VLOG_WARN_RL(&rl, "all datapath tunnel keys are in use");
        return NULL;
    }

    struct nd_datapath *dp = xzalloc(sizeof *dp);
    dp->nb_uuid = nbs->header_.uuid;
    dp->name = xstrdup(nbs->name);
    dp->tunnel_key = tunnel_key;
    ovs_list_init(&dp->ports);
    hmapx_init(&dp->localnet_ports);
    hmapx_init(&dp->router_ports);
    hmapx_init(&dp->external_ports);
    nd_keyset_init(&dp->port_keys, ND_MAX_PORT_KEY);
    nd_lflow_owner_init(&dp->flows);
    hmap_insert(&nd->datapaths, &dp->node, uuid_hash(&dp->nb_uuid));

    if (sb) {
        hmapx_add(&nd->claimed, CONST_CAST(void *, sb));
    } else {
        struct uuid uuid;
        uuid_generate(&uuid);
        sb = sbrec_datapath_binding_insert_persist_uuid(nd->sb_txn, &uuid);
    }
    dp->sb_uuid = sb->header_.uuid;
    hmap_insert(&nd->dp_by_sb, &dp->sb_node, uuid_hash(&dp->sb_uuid));
    if (sb->tunnel_key != tunnel_key) {
        sbrec_datapath_binding_set_tunnel_key(sb, tunnel_key);
    }

    nd_datapath_mark_dirty(nd, dp);
    dp->ports_dirty = true;
    nd_datapath_sync(nd, dp, nbs);
    return dp;
}

void
nd_datapath_sync(struct northd *nd, struct nd_datapath *dp,
                 const struct nbrec_logical_switch *nbs)
{
    const struct sbrec_datapath_binding *sb = nd_datapath_sb(nd, dp);
    if (!sb) {
        return;
    }

    if (strcmp(dp->name, nbs->name)) {
        free(dp->name);
        dp->name = xstrdup(nbs->name);
    }

    /* A changed requested key moves the datapath if the key is free. */
    uint32_t req = requested_key(nbs);
    if (req && req != dp->tunnel_key) {
        if (!nd_keyset_contains(&nd->dp_keys, req)) {
            nd_keyset_remove(&nd->dp_keys, dp->tunnel_key);
            nd_keyset_add(&nd->dp_keys, req);
            dp->tunnel_key = req;
        } else {
            nd_log_bad("Logical_Switch", nbs->name,
                       "requested tunnel key %"PRIu32" is already in use",
                       req);
        }
    }
    sbrec_datapath_binding_set_tunnel_key(sb, dp->tunnel_key);

    struct smap ids = SMAP_INITIALIZER(&ids);
    char uuid_s[UUID_LEN + 1];
    snprintf(uuid_s, sizeof uuid_s, UUID_FMT, UUID_ARGS(&nbs->header_.uuid));
    smap_add(&ids, "logical-switch", uuid_s);
    smap_add(&ids, "name", nbs->name);
    const char *name2 = smap_get(&nbs->external_ids, "neutron:network_name");
    if (name2 && name2[0]) {
        smap_add(&ids, "name2", name2);
    }
    const char *ic = smap_get(&nbs->other_config, "interconn-ts");
    if (ic) {
        smap_add(&ids, "interconn-ts", ic);
    }
    if (!smap_equal(&ids, &sb->external_ids)) {
        sbrec_datapath_binding_set_external_ids(sb, &ids);
    }
    smap_destroy(&ids);

    nd_ipam_dp_update(nd, dp, nbs);
    nd_datapath_mark_dirty(nd, dp);

    /* vlan-passthru changes the ARP responder flows of every port. */
    bool passthru = smap_get_bool(&nbs->other_config, "vlan-passthru", false);
    if (passthru != dp->vlan_passthru) {
        dp->vlan_passthru = passthru;
        struct nd_port *port;
        LIST_FOR_EACH (port, dp_node, &dp->ports) {
            const struct nbrec_logical_switch_port *nbsp
                = nbrec_logical_switch_port_get_for_uuid(nd->nb_idl,
                                                         &port->nb_uuid);
            if (nbsp) {
                nd_port_sync(nd, port, nbsp);
            }
        }
    }
}

void
nd_datapath_mark_dirty(struct northd *nd, struct nd_datapath *dp)
{
    hmapx_add(&nd->dirty_dps, dp);
}

void
nd_datapath_sync_ports(struct northd *nd, struct nd_datapath *dp,
                       const struct nbrec_logical_switch *nbs)
{
    unsigned int epoch = ++nd->epoch;

    for (size_t i = 0; i < nbs->n_ports; i++) {
        const struct nbrec_logical_switch_port *nbsp = nbs->ports[i];
        struct nd_port *port = nd_port_find_uuid(nd, &nbsp->header_.uuid);
        if (port && port->dp != dp) {
            /* Moved here from another switch. */
            nd_port_destroy(nd, port);
            port = NULL;
        }
        if (!port) {
            port = nd_port_create(nd, dp, nbsp);
        }
        port->seen = epoch;
    }

    struct nd_port *port;
    LIST_FOR_EACH_SAFE (port, dp_node, &dp->ports) {
        if (port->seen != epoch) {
            nd_port_destroy(nd, port);
        }
    }
    dp->ports_dirty = false;
}

void
nd_datapath_delete_sb(struct northd *nd,
                      const struct sbrec_datapath_binding *sb)
{
    /* Rows that other daemons created for the datapath go with it. */
    const struct sbrec_mac_binding *mb;
    SBREC_MAC_BINDING_FOR_EACH_SAFE (mb, nd->sb_idl) {
        if (mb->datapath == sb) {
            sbrec_mac_binding_delete(mb);
        }
    }
    const struct sbrec_ip_multicast *ipm;
    SBREC_IP_MULTICAST_FOR_EACH_SAFE (ipm, nd->sb_idl) {
        if (ipm->datapath == sb) {
            sbrec_ip_multicast_delete(ipm);
        }
    }
    const struct sbrec_igmp_group *ig;
    SBREC_IGMP_GROUP_FOR_EACH_SAFE (ig, nd->sb_idl) {
        if (ig->datapath == sb) {
            sbrec_igmp_group_delete(ig);
        }
    }
    sbrec_datapath_binding_delete(sb);
}

void
nd_datapath_destroy(struct northd *nd, struct nd_datapath *dp)
{
    if (!dp) {
        return;
    }
    struct nd_port *port;
    LIST_FOR_EACH_SAFE (port, dp_node, &dp->ports) {
        nd_port_destroy(nd, port);
    }
    nd_mc_destroy_dp(nd, dp);
    nd_lflow_owner_clear(&nd->lflows, &dp->flows);
    nd_ipam_dp_destroy(nd, dp);

    if (nd->sb_txn) {
        const struct sbrec_datapath_binding *sb = nd_datapath_sb(nd, dp);
        if (sb) {
            nd_datapath_delete_sb(nd, sb);
        }
    }
    nd_keyset_remove(&nd->dp_keys, dp->tunnel_key);
    nd_keyset_destroy(&dp->port_keys);
    hmapx_find_and_delete(&nd->dirty_dps, dp);
    hmapx_find_and_delete(&nd->ext_dirty_dps, dp);
    hmapx_destroy(&dp->localnet_ports);
    hmapx_destroy(&dp->router_ports);
    hmapx_destroy(&dp->external_ports);
    hmap_remove(&nd->datapaths, &dp->node);
    hmap_remove(&nd->dp_by_sb, &dp->sb_node);
    free(dp->name);
    free(dp);
}
