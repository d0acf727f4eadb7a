/* ovn-northd multicast groups: _MC_flood, _MC_unknown and _MC_flood_l2 of
 * each logical switch, maintained one member at a time. */
#include <config.h>
#include "northd/northd.h"

#include <string.h>

#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "util.h"
#include "uuid.h"
#include "lib/ovn-sb-idl.h"

VLOG_DEFINE_THIS_MODULE(nd_mcast);

/* Returns the southbound row of group 'g' of 'dp', claiming or inserting it
 * if 'create'. */
static const struct sbrec_multicast_group *
mc_row(struct northd *nd, struct nd_datapath *dp, enum nd_mc_group g,
       bool create)
{
    struct nd_mcgroup *mc = &dp->mc[g];
    if (mc->in_sb) {
        return sbrec_multicast_group_get_for_uuid(nd->sb_idl, &mc->sb_uuid);
    }
    if (!create) {
        return NULL;
    }

    const struct sbrec_datapath_binding *sb_dp = nd_datapath_sb(nd, dp);
    if (!sb_dp) {
        return NULL;
    }
    const struct sbrec_multicast_group *sb = NULL;
    if (nd->claiming) {
        char *key = xasprintf(UUID_FMT"/%s", UUID_ARGS(&dp->sb_uuid),
                              nd_mc_name(g));
        sb = shash_find_and_delete(&nd->mc_claims, key);
        free(key);
        if (sb) {
            hmapx_add(&nd->claimed, CONST_CAST(void *, sb));
        }
    }
    if (!sb) {
        struct uuid uuid;
        uuid_generate(&uuid);
        sb = sbrec_multicast_group_insert_persist_uuid(nd->sb_txn, &uuid);
        sbrec_multicast_group_set_datapath(sb, sb_dp);
        sbrec_multicast_group_set_name(sb, nd_mc_name(g));
    }
    sbrec_multicast_group_set_tunnel_key(sb, nd_mc_key(g));
    mc->sb_uuid = sb->header_.uuid;
    mc->in_sb = true;
    return sb;
}

void
nd_mc_update_port(struct northd *nd, struct nd_port *port,
                  const bool member[ND_N_MC])
{
    struct nd_datapath *dp = port->dp;
    const struct sbrec_port_binding *pb = nd_port_sb(nd, port);

    for (int g = 0; g < ND_N_MC; g++) {
        if (member[g] == port->mc_member[g]) {
            continue;
        }
        port->mc_member[g] = member[g];
        struct nd_mcgroup *mc = &dp->mc[g];
        if (nd->claiming) {
            /* Written in one piece by nd_mc_finish_full(). */
            mc->n_ports += member[g] ? 1 : -1;
            continue;
        }
        if (member[g]) {
            mc->n_ports++;
            const struct sbrec_multicast_group *sb = mc_row(nd, dp, g, true);
            if (sb && pb) {
                sbrec_multicast_group_update_ports_addvalue(sb, pb);
            }
        } else {
            mc->n_ports--;
            const struct sbrec_multicast_group *sb = mc_row(nd, dp, g,
                                                            false);
            if (!nd->sb_txn || !sb) {
                continue;
            }
            if (!mc->n_ports) {
                sbrec_multicast_group_delete(sb);
                mc->in_sb = false;
            } else if (pb) {
                sbrec_multicast_group_update_ports_delvalue(sb, pb);
            }
        }
    }
}

void
nd_mc_destroy_dp(struct northd *nd, struct nd_datapath *dp)
{
    for (int g = 0; g < ND_N_MC; g++) {
        const struct sbrec_multicast_group *sb = mc_row(nd, dp, g, false);
        if (sb && nd->sb_txn) {
            sbrec_multicast_group_delete(sb);
        }
        dp->mc[g].in_sb = false;
        dp->mc[g].n_ports = 0;
    }
}

void
nd_mc_finish_full(struct northd *nd)
{
    struct nd_datapath *dp;
    HMAP_FOR_EACH (dp, node, &nd->datapaths) {
        for (int g = 0; g < ND_N_MC; g++) {
            if (!dp->mc[g].n_ports) {
                continue;
            }
            const struct sbrec_multicast_group *sb = mc_row(nd, dp, g, true);
            if (!sb) {
                continue;
            }
            const struct sbrec_port_binding **pbs
                = xmalloc(dp->mc[g].n_ports * sizeof *pbs);
            size_t n = 0;
            struct nd_port *port;
            LIST_FOR_EACH (port, dp_node, &dp->ports) {
                if (port->mc_member[g] && n < dp->mc[g].n_ports) {
                    const struct sbrec_port_binding *pb = nd_port_sb(nd,
                                                                     port);
                    if (pb) {
                        pbs[n++] = pb;
                    }
                }
            }
            sbrec_multicast_group_set_ports(
                sb, (struct sbrec_port_binding **) pbs, n);
            free(pbs);
        }
    }
}
