/* ovn-northd runs: the full recompute (fallback and oracle), the incremental
 * run driven by IDL change tracking, and global status (nb_cfg, sb_cfg,
 * hv_cfg, NB_Global/SB_Global options). */
#include <config.h>
#include "northd/northd.h"

#include <string.h>

#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "random.h"
#include "smap.h"
#include "timeval.h"
#include "util.h"
#include "uuid.h"
#include "lib/ovn-nb-idl.h"
#include "lib/ovn-sb-idl.h"
#include "northd/nd-pgas.h"
#include "northd/nd-lrouter.h"

VLOG_DEFINE_THIS_MODULE(nd_run);

/* Value of SB_Global options:northd_internal_version, as 23.03.1 writes. */
#define ND_INTERNAL_VERSION "23.03.1-20.27.0-70.6"

void
northd_init(struct northd *nd, struct ovsdb_idl *nb, struct ovsdb_idl *sb)
{
    memset(nd, 0, sizeof *nd);
    nd->ct_mark = true;
    nd->nb_idl = nb;
    nd->sb_idl = sb;
    hmap_init(&nd->datapaths);
    hmap_init(&nd->dp_by_sb);
    nd_keyset_init(&nd->dp_keys, ND_MAX_DP_KEY);
    hmap_init(&nd->ports);
    hmap_init(&nd->ports_by_uuid);
    shash_init(&nd->tag_pools);
    nd_lflow_table_init(&nd->lflows, sb);
    shash_init(&nd->pb_claims);
    shash_init(&nd->dp_claims);
    shash_init(&nd->mc_claims);
    hmapx_init(&nd->claimed);
    hmapx_init(&nd->dirty_dps);
    hmapx_init(&nd->req_chassis_ports);
    hmapx_init(&nd->ext_dirty_dps);
    nd_ipam_global_init(nd);
    nd_pgas_init(nd);
    nd_lrouter_init(nd);        /* l3 */
    nd_lsp_peer_init(nd);
}

/* Frees the whole model without writing anything to the databases. */
static void
model_clear(struct northd *nd)
{
    struct ovsdb_idl_txn *nb_txn = nd->nb_txn, *sb_txn = nd->sb_txn;
    nd->nb_txn = nd->sb_txn = nd->lflows.txn = NULL;

    nd_lrouter_clear(nd);       /* l3 */
    struct nd_datapath *dp;
    HMAP_FOR_EACH_SAFE (dp, node, &nd->datapaths) {
        nd_datapath_destroy(nd, dp);
    }
    nd_lflow_table_flush(&nd->lflows);
    /* Ports of no datapath cannot exist; flows of no owner neither. */
    ovs_assert(hmap_is_empty(&nd->ports_by_uuid));
    struct shash_node *node;
    SHASH_FOR_EACH_SAFE (node, &nd->tag_pools) {
        struct nd_keyset *ks = node->data;
        nd_keyset_destroy(ks);
        free(ks);
        shash_delete(&nd->tag_pools, node);
    }
    nd_pgas_clear(nd);
    nd_lsp_peer_clear(nd);
    nd_keyset_destroy(&nd->dp_keys);
    nd_keyset_init(&nd->dp_keys, ND_MAX_DP_KEY);
    hmapx_clear(&nd->dirty_dps);
    hmapx_clear(&nd->req_chassis_ports);
    hmapx_clear(&nd->ext_dirty_dps);
    nd->n_dups = 0;

    nd->nb_txn = nb_txn;
    nd->sb_txn = sb_txn;
    nd->lflows.txn = sb_txn;
}

void
northd_destroy(struct northd *nd)
{
    if (!nd) {
        return;
    }
    nd->nb_txn = nd->sb_txn = NULL;
    model_clear(nd);
    hmap_destroy(&nd->datapaths);
    hmap_destroy(&nd->dp_by_sb);
    nd_keyset_destroy(&nd->dp_keys);
    hmap_destroy(&nd->ports);
    hmap_destroy(&nd->ports_by_uuid);
    shash_destroy(&nd->tag_pools);
    nd_lflow_table_destroy(&nd->lflows);
    shash_destroy(&nd->pb_claims);
    shash_destroy(&nd->dp_claims);
    shash_destroy(&nd->mc_claims);
    hmapx_destroy(&nd->claimed);
    hmapx_destroy(&nd->dirty_dps);
    hmapx_destroy(&nd->req_chassis_ports);
    hmapx_destroy(&nd->ext_dirty_dps);
    nd_ipam_global_destroy(nd);
    nd_pgas_destroy(nd);
    nd_lrouter_destroy(nd);     /* l3 */
    nd_lsp_peer_destroy(nd);
    free(nd->svc_monitor_mac);
}

/* Returns a random unicast, locally administered Ethernet address. */
static struct eth_addr
random_mac(void)
{
    struct eth_addr ea;
    eth_addr_random(&ea);
    return ea;
}

/* Makes sure NB_Global and SB_Global exist, fills in the options northd
 * owns and copies them to SB_Global.  Returns true if the IPAM MAC prefix
 * changed. */
static bool
global_sync(struct northd *nd)
{
    const struct nbrec_nb_global *nbg = nbrec_nb_global_first(nd->nb_idl);
    if (!nbg) {
        nbg = nbrec_nb_global_insert(nd->nb_txn);
    }
    const struct sbrec_sb_global *sbg = sbrec_sb_global_first(nd->sb_idl);
    if (!sbg) {
        sbg = sbrec_sb_global_insert(nd->sb_txn);
    }

    struct smap options = SMAP_INITIALIZER(&options);
    smap_clone(&options, &nbg->options);

    /* MAC prefix for IPAM. */
    struct eth_addr prefix = eth_addr_zero;
    const char *mp = smap_get(&options, "mac_prefix");
    if (!mp || !ovs_scan(mp, "%"SCNx8":%"SCNx8":%"SCNx8,
                         &prefix.ea[0], &prefix.ea[1], &prefix.ea[2])
        || (prefix.ea[0] & 1)) {
        prefix = random_mac();
        prefix.ea[0] &= 0xfe;
        prefix.ea[0] |= 0x02;
        char s[9];
        snprintf(s, sizeof s, "%02x:%02x:%02x",
                 prefix.ea[0], prefix.ea[1], prefix.ea[2]);
        smap_replace(&options, "mac_prefix", s);
    }
    prefix.ea[3] = prefix.ea[4] = prefix.ea[5] = 0;
    bool prefix_changed = !eth_addr_equals(prefix, nd->mac_prefix);
    nd->mac_prefix = prefix;

    /* Service monitor MAC. */
    struct eth_addr svc;
    const char *sm = smap_get(&options, "svc_monitor_mac");
    if (!sm || !eth_addr_from_string(sm, &svc)) {
        svc = random_mac();
        char s[ETH_ADDR_STRLEN + 1];
        snprintf(s, sizeof s, ETH_ADDR_FMT, ETH_ADDR_ARGS(svc));
        smap_replace(&options, "svc_monitor_mac", s);
    }
    char svc_s[ETH_ADDR_STRLEN + 1];
    snprintf(svc_s, sizeof svc_s, ETH_ADDR_FMT, ETH_ADDR_ARGS(svc));
    if (!nd->svc_monitor_mac || strcmp(nd->svc_monitor_mac, svc_s)) {
        free(nd->svc_monitor_mac);
        nd->svc_monitor_mac = xstrdup(svc_s);
    }

    /* Chassis features: without "ct-no-masked-label" on every chassis,
     * flows use ct_label.blocked and ct_lb instead of ct_mark.blocked and
     * ct_lb_mark, and controllers are told so. */
    bool ct_mark = true;
    const struct sbrec_chassis *ch;
    SBREC_CHASSIS_FOR_EACH (ch, nd->sb_idl) {
        if (!smap_get_bool(&ch->other_config, "is-remote", false)
            && !smap_get_bool(&ch->other_config, "ct-no-masked-label",
                              false)) {
            ct_mark = false;
            break;
        }
    }
    if (ct_mark != nd->ct_mark) {
        nd->ct_mark = ct_mark;
        struct nd_datapath *dp;
        HMAP_FOR_EACH (dp, node, &nd->datapaths) {
            nd_datapath_mark_dirty(nd, dp);
        }
    }
    if (!ct_mark) {
        smap_replace(&options, "lb_hairpin_use_ct_mark", "false");
    } else {
        smap_remove(&options, "lb_hairpin_use_ct_mark");
    }

    smap_replace(&options, "max_tunid", "16711680");
    smap_replace(&options, "northd_internal_version", ND_INTERNAL_VERSION);

    if (!smap_equal(&options, &nbg->options)) {
        nbrec_nb_global_set_options(nbg, &options);
    }
    if (!smap_equal(&options, &sbg->options)) {
        sbrec_sb_global_set_options(sbg, &options);
    }
    smap_destroy(&options);

    if (sbg->ipsec != nbg->ipsec) {
        sbrec_sb_global_set_ipsec(sbg, nbg->ipsec);
    }
    return prefix_changed;
}

void
northd_run_status(struct northd *nd)
{
    const struct nbrec_nb_global *nbg = nbrec_nb_global_first(nd->nb_idl);
    const struct sbrec_sb_global *sbg = sbrec_sb_global_first(nd->sb_idl);
    if (!nbg || !sbg || !nd->nb_txn || !nd->sb_txn) {
        return;
    }

    /* The SB_Global nb_cfg that a previous run committed comes back as NB
     * sb_cfg (this must run before anything is written to SB_Global in
     * the current transaction); then nb_cfg goes from NB to SB, in the
     * same transaction as the changes it covers. */
    if (nbg->sb_cfg != sbg->nb_cfg) {
        nbrec_nb_global_set_sb_cfg(nbg, sbg->nb_cfg);
        nbrec_nb_global_set_sb_cfg_timestamp(nbg, time_wall_msec());
    }
    if (sbg->nb_cfg != nbg->nb_cfg) {
        sbrec_sb_global_set_nb_cfg(sbg, nbg->nb_cfg);
        nbrec_nb_global_set_nb_cfg_timestamp(nbg, time_wall_msec());
    }

    /* hv_cfg: the minimum that every chassis has caught up with. */
    int64_t hv_cfg = sbg->nb_cfg;
    int64_t hv_ts = 0;
    const struct sbrec_chassis_private *cp;
    SBREC_CHASSIS_PRIVATE_FOR_EACH (cp, nd->sb_idl) {
        if (cp->chassis && smap_get_bool(&cp->chassis->other_config,
                                         "is-remote", false)) {
            continue;
        }
        if (cp->nb_cfg < hv_cfg) {
            hv_cfg = cp->nb_cfg;
        }
        if (cp->nb_cfg_timestamp > hv_ts) {
            hv_ts = cp->nb_cfg_timestamp;
        }
    }
    if (nbg->hv_cfg != hv_cfg) {
        nbrec_nb_global_set_hv_cfg(nbg, hv_cfg);
        nbrec_nb_global_set_hv_cfg_timestamp(nbg, hv_ts);
    }
}

/* Offers the existing southbound rows for claiming by a full recompute,
 * deleting duplicates at once. */
static void
claims_begin(struct northd *nd)
{
    nd->claiming = true;

    const struct sbrec_datapath_binding *dp;
    SBREC_DATAPATH_BINDING_FOR_EACH (dp, nd->sb_idl) {
        const char *ls = smap_get(&dp->external_ids, "logical-switch");
        if (!ls) {
            /* l3: router datapaths are claimed the same way. */
            ls = smap_get(&dp->external_ids, "logical-router");
        }
        struct uuid u;
        if (!ls || !uuid_from_string(&u, ls)
            || !shash_add_once(&nd->dp_claims, ls, dp)) {
            nd_datapath_delete_sb(nd, dp);
        }
    }
    const struct sbrec_port_binding *pb;
    SBREC_PORT_BINDING_FOR_EACH (pb, nd->sb_idl) {
        if (!shash_add_once(&nd->pb_claims, pb->logical_port, pb)) {
            sbrec_port_binding_delete(pb);
        }
    }
    const struct sbrec_multicast_group *mc;
    SBREC_MULTICAST_GROUP_FOR_EACH (mc, nd->sb_idl) {
        bool ok = false;
        if (mc->datapath) {
            char *key = xasprintf(UUID_FMT"/%s",
                                  UUID_ARGS(&mc->datapath->header_.uuid),
                                  mc->name);
            ok = shash_add_once(&nd->mc_claims, key, mc);
            free(key);
        }
        if (!ok) {
            sbrec_multicast_group_delete(mc);
        }
    }
}

/* Deletes the existing southbound rows that nobody claimed. */
static void
claims_end(struct northd *nd)
{
    struct shash_node *node;
    SHASH_FOR_EACH (node, &nd->dp_claims) {
        nd_datapath_delete_sb(nd, node->data);
    }
    SHASH_FOR_EACH (node, &nd->pb_claims) {
        sbrec_port_binding_delete(node->data);
    }
    SHASH_FOR_EACH (node, &nd->mc_claims) {
        sbrec_multicast_group_delete(node->data);
    }
    shash_clear(&nd->dp_claims);
    shash_clear(&nd->pb_claims);
    shash_clear(&nd->mc_claims);
    hmapx_clear(&nd->claimed);
    nd->claiming = false;
}

/* Recomputes the flows of every datapath marked dirty. */
static void
flush_dirty_dps(struct northd *nd)
{
    struct hmapx_node *node;
    HMAPX_FOR_EACH_SAFE (node, &nd->dirty_dps) {
        struct nd_datapath *dp = node->data;
        const struct nbrec_logical_switch *nbs
            = nbrec_logical_switch_get_for_uuid(nd->nb_idl, &dp->nb_uuid);
        if (nbs) {
            nd_lswitch_dp_flows(nd, dp, nbs);
        }
        hmapx_delete(&nd->dirty_dps, node);
    }
}

void
northd_run_full(struct northd *nd)
{
    nd->n_full++;
    nd->run_id++;
    model_clear(nd);
    global_sync(nd);

    nd_lsp_peer_full(nd);
    claims_begin(nd);
    const struct nbrec_logical_switch *nbs;
    NBREC_LOGICAL_SWITCH_FOR_EACH (nbs, nd->nb_idl) {
        nd_datapath_create(nd, nbs);
    }
    nd_lrouter_create_all(nd);  /* l3 */
    nd_lflow_claims_begin(&nd->lflows, nd_datapath_from_sb, nd);
    NBREC_LOGICAL_SWITCH_FOR_EACH (nbs, nd->nb_idl) {
        struct nd_datapath *dp = nd_datapath_find(nd, &nbs->header_.uuid);
        if (dp) {
            nd_datapath_sync_ports(nd, dp, nbs);
        }
    }
    nd_ipam_run_displaced(nd);
    nd_lswitch_flush_external(nd);
    nd_lrouter_run(nd, NULL);   /* l3 */
    flush_dirty_dps(nd);
    nd_mc_finish_full(nd);
    nd_lflow_claims_end(&nd->lflows);
    claims_end(nd);

    nd_pgas_full(nd);
}

/* Returns true if 'nbsp' changed in a column other than "up" (which only
 * northd writes). */
static bool
lsp_changed_besides_up(const struct nbrec_logical_switch_port *nbsp)
{
    for (int i = 0; i < NBREC_LOGICAL_SWITCH_PORT_N_COLUMNS; i++) {
        if (i != NBREC_LOGICAL_SWITCH_PORT_COL_UP
            && nbrec_logical_switch_port_is_updated(nbsp, i)) {
            return true;
        }
    }
    return false;
}

/* Returns true if a column of 'nbs' itself changed. */
static bool
ls_columns_updated(const struct nbrec_logical_switch *nbs)
{
    for (int i = 0; i < NBREC_LOGICAL_SWITCH_N_COLUMNS; i++) {
        if (nbrec_logical_switch_is_updated(nbs, i)) {
            return true;
        }
    }
    return false;
}

/* Brings the ports of 'dp' up to date with 'nbs', whose "ports" column
 * changed, without reading the whole column when it can: this is the only
 * existing switch whose ports changed in this run, so every new port is
 * its own and a port cannot have moved here from another existing switch
 * (that one's "ports" would have changed too); deleted ports are already
 * gone.  If the counts then disagree, something else happened (a port
 * moved out to a new switch, or in and out at once): read the column. */
static void
switch_ports_fast(struct northd *nd, struct nd_datapath *dp,
                  const struct nbrec_logical_switch *nbs)
{
    const struct nbrec_logical_switch_port *nbsp;
    NBREC_LOGICAL_SWITCH_PORT_FOR_EACH_TRACKED (nbsp, nd->nb_idl) {
        if (nbrec_logical_switch_port_is_new(nbsp)
            && !nbrec_logical_switch_port_is_deleted(nbsp)
            && !nd_port_find_uuid(nd, &nbsp->header_.uuid)) {
            nd_port_create(nd, dp, nbsp);
        }
    }
    if (dp->n_ports != nbs->n_ports) {
        nd_datapath_sync_ports(nd, dp, nbs);
    }
}

/* Returns true if any row of our southbound tables that our model still
 * refers to was deleted by someone else. */
static bool
sb_rows_deleted_externally(struct northd *nd)
{
    const struct sbrec_datapath_binding *dp;
    SBREC_DATAPATH_BINDING_FOR_EACH_TRACKED (dp, nd->sb_idl) {
        if (sbrec_datapath_binding_is_deleted(dp)
            && nd_datapath_from_sb(nd, &dp->header_.uuid)) {
            return true;
        }
    }
    const struct sbrec_port_binding *pb;
    SBREC_PORT_BINDING_FOR_EACH_TRACKED (pb, nd->sb_idl) {
        if (sbrec_port_binding_is_deleted(pb)) {
            struct nd_port *port = nd_port_find(nd, pb->logical_port);
            if (port && port->in_sb
                && uuid_equals(&port->sb_uuid, &pb->header_.uuid)) {
                return true;
            }
            if (nd_lrouter_sb_deleted(nd, &pb->header_.uuid,
                                      pb->logical_port)) {
                return true;        /* l3 */
            }
        }
    }
    const struct sbrec_logical_flow *lf;
    SBREC_LOGICAL_FLOW_FOR_EACH_TRACKED (lf, nd->sb_idl) {
        if (sbrec_logical_flow_is_deleted(lf)
            && nd_lflow_table_has_row(&nd->lflows, &lf->header_.uuid)) {
            return true;
        }
    }
    const struct sbrec_multicast_group *mc;
    SBREC_MULTICAST_GROUP_FOR_EACH_TRACKED (mc, nd->sb_idl) {
        if (sbrec_multicast_group_is_deleted(mc) && mc->datapath) {
            struct nd_datapath *dp
                = nd_datapath_from_sb(nd, &mc->datapath->header_.uuid);
            for (int g = 0; dp && g < ND_N_MC; g++) {
                if (dp->mc[g].in_sb
                    && uuid_equals(&dp->mc[g].sb_uuid, &mc->header_.uuid)) {
                    return true;
                }
            }
        }
    }
    return false;
}

bool
northd_run_incremental(struct northd *nd)
{
    nd->run_id++;
    if (global_sync(nd)) {
        /* A new MAC prefix changes every dynamic MAC. */
        return false;
    }
    if (sb_rows_deleted_externally(nd)) {
        VLOG_INFO("southbound rows deleted by another client, recomputing");
        return false;
    }
    nd->n_incr++;

    /* Router port changes affect the switch ports that name them; the
     * index must be current before any switch port is synced. */
    nd_lsp_peer_incremental(nd);

    /* Deleted switches and ports first, so that names and keys are free. */
    const struct nbrec_logical_switch *nbs;
    NBREC_LOGICAL_SWITCH_FOR_EACH_TRACKED (nbs, nd->nb_idl) {
        if (nbrec_logical_switch_is_deleted(nbs)) {
            nd_datapath_destroy(nd, nd_datapath_find(nd, &nbs->header_.uuid));
        }
    }
    const struct nbrec_logical_switch_port *nbsp;
    NBREC_LOGICAL_SWITCH_PORT_FOR_EACH_TRACKED (nbsp, nd->nb_idl) {
        if (nbrec_logical_switch_port_is_deleted(nbsp)) {
            nd_port_destroy(nd, nd_port_find_uuid(nd, &nbsp->header_.uuid));
        }
    }

    /* New switches, with all their ports. */
    NBREC_LOGICAL_SWITCH_FOR_EACH_TRACKED (nbs, nd->nb_idl) {
        if (!nbrec_logical_switch_is_deleted(nbs)
            && !nd_datapath_find(nd, &nbs->header_.uuid)) {
            struct nd_datapath *dp = nd_datapath_create(nd, nbs);
            if (dp) {
                dp->created = nd->run_id;
                nd_datapath_sync_ports(nd, dp, nbs);
            }
        }
    }

    /* Changed switches.  (The IDL also reports a switch as updated when
     * only a port it refers to changed; those are handled below.) */
    size_t n_ports_changed = 0;
    NBREC_LOGICAL_SWITCH_FOR_EACH_TRACKED (nbs, nd->nb_idl) {
        n_ports_changed += (!nbrec_logical_switch_is_deleted(nbs)
                            && nbrec_logical_switch_is_updated(
                                nbs, NBREC_LOGICAL_SWITCH_COL_PORTS));
    }
    NBREC_LOGICAL_SWITCH_FOR_EACH_TRACKED (nbs, nd->nb_idl) {
        struct nd_datapath *dp = nd_datapath_find(nd, &nbs->header_.uuid);
        if (nbrec_logical_switch_is_deleted(nbs) || !dp
            || dp->created == nd->run_id || !ls_columns_updated(nbs)) {
            continue;
        }
        nd_datapath_sync(nd, dp, nbs);
        if (nbrec_logical_switch_is_updated(nbs,
                                            NBREC_LOGICAL_SWITCH_COL_PORTS)) {
            if (n_ports_changed == 1) {
                switch_ports_fast(nd, dp, nbs);
            } else {
                nd_datapath_sync_ports(nd, dp, nbs);
            }
        }
    }

    /* Changed ports. */
    NBREC_LOGICAL_SWITCH_PORT_FOR_EACH_TRACKED (nbsp, nd->nb_idl) {
        if (nbrec_logical_switch_port_is_deleted(nbsp)) {
            continue;
        }
        struct nd_port *port = nd_port_find_uuid(nd, &nbsp->header_.uuid);
        if (port && port->synced != nd->run_id
            && lsp_changed_besides_up(nbsp)) {
            nd_port_sync(nd, port, nbsp);
        }
    }

    /* Chassis changes affect ports with options:requested-chassis. */
    const struct sbrec_chassis *ch;
    bool chassis_changed = false;
    SBREC_CHASSIS_FOR_EACH_TRACKED (ch, nd->sb_idl) {
        chassis_changed = true;
    }
    if (chassis_changed) {
        struct hmapx_node *node;
        struct hmapx ports;
        hmapx_clone(&ports, &nd->req_chassis_ports);
        HMAPX_FOR_EACH (node, &ports) {
            struct nd_port *port = node->data;
            nbsp = nbrec_logical_switch_port_get_for_uuid(nd->nb_idl,
                                                          &port->nb_uuid);
            if (nbsp && port->synced != nd->run_id) {
                nd_port_sync(nd, port, nbsp);
            }
        }
        hmapx_destroy(&ports);
    }

    /* Port_Binding status (chassis, up) -> Logical_Switch_Port.up. */
    const struct sbrec_port_binding *pb;
    SBREC_PORT_BINDING_FOR_EACH_TRACKED (pb, nd->sb_idl) {
        if (sbrec_port_binding_is_deleted(pb)) {
            continue;
        }
        struct nd_port *port = nd_port_find(nd, pb->logical_port);
        if (port && port->in_sb
            && uuid_equals(&port->sb_uuid, &pb->header_.uuid)) {
            nd_port_update_nb_up(nd, port, pb);
        }
    }

    nd_ipam_run_displaced(nd);
    nd_lswitch_flush_external(nd);
    nd_lrouter_incremental(nd); /* l3 */
    flush_dirty_dps(nd);
    nd_pgas_incremental(nd);
    return true;
}
