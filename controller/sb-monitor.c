/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * Monitor conditions for the southbound database.  With ovn-monitor-all
 * unset or false, ovn-controller asks the server only for:
 *
 *   Port_Binding: rows bound to this chassis, named after a local
 *     interface's iface-id (or having it as parent), of a type bound to a
 *     chassis by name or group (l2gateway, l3gateway, chassisredirect,
 *     external), in a local datapath, or that a local patch port names as
 *     its peer;
 *   Logical_Flow: rows of a local datapath or of a datapath group that
 *     contains one;
 *   Multicast_Group, MAC_Binding, Static_MAC_Binding, FDB: rows of local
 *     datapaths.
 *
 * Everything else is replicated in full.  Local datapaths are computed
 * from what has arrived, so the conditions are refined until they stop
 * changing; until then, and until the server has acknowledged them, the
 * caller must not replace the installed flows (sb_monitor_settled()). */
#include <config.h>
#include "controller/sb-monitor.h"

#include <string.h>
#include "controller/binding.h"
#include "lib/ovn-sb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vlog.h"
#include "ovsdb-data.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "sset.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_sb_monitor);

/* Initializes 'm': nothing requested yet. */
void
sb_monitor_init(struct sb_monitor *m)
{
    m->sig = NULL;
    m->expected_seqno = 0;
}

/* Frees 'm'.  Accepts NULL. */
void
sb_monitor_destroy(struct sb_monitor *m)
{
    if (m) {
        free(m->sig);
        m->sig = NULL;
    }
}

/* Adds "parent_port == 'name'" to 'cond'. */
static void
add_parent_clause(struct ovsdb_idl_condition *cond, const char *name)
{
    struct ovsdb_datum datum;
    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.refcnt = NULL;
    datum.n = 1;
    datum.keys = key;
    datum.values = NULL;
    key->s = ovsdb_atom_string_create(name);
    ovsdb_idl_condition_add_clause(cond, OVSDB_F_EQ,
                                   &sbrec_port_binding_col_parent_port,
                                   &datum);
    ovsdb_datum_destroy(&datum, &sbrec_port_binding_col_parent_port.type);
}

/* Appends the sorted members of 's' to 'out'. */
static void
put_sorted(struct ds *out, const struct sset *s)
{
    const char **names = sset_sort(s);

    for (size_t i = 0; i < sset_count(s); i++) {
        ds_put_format(out, "%s,", names[i]);
    }
    ds_put_char(out, '|');
    free(names);
}

/* Takes the max of two condition seqnos. */
static void
expect(struct sb_monitor *m, unsigned int seqno)
{
    if (seqno > m->expected_seqno) {
        m->expected_seqno = seqno;
    }
}

/* Requests the conditions that 'bs' and the other arguments call for, if
 * they differ from the previous request. */
void
sb_monitor_update(struct sb_monitor *m, struct ovsdb_idl *sb,
                  bool monitor_all, const char *chassis_name,
                  const struct sbrec_chassis *self,
                  const struct binding_state *bs)
{
    struct sset ifaces = SSET_INITIALIZER(&ifaces);
    struct sset dps = SSET_INITIALIZER(&dps);
    struct sset groups = SSET_INITIALIZER(&groups);
    struct sset wanted = SSET_INITIALIZER(&wanted);
    struct ds sig = DS_EMPTY_INITIALIZER;

    if (monitor_all) {
        ds_put_cstr(&sig, "all");
    } else {
        struct shash_node *n;
        SHASH_FOR_EACH (n, &bs->ifaces) {
            sset_add(&ifaces, n->name);
        }
        struct local_datapath *ld;
        HMAP_FOR_EACH (ld, node, &bs->datapaths) {
            sset_add_and_free(&dps, xasprintf(UUID_FMT,
                                              UUID_ARGS(&ld->dp->header_.uuid)));
        }
        const struct sbrec_logical_dp_group *g;
        SBREC_LOGICAL_DP_GROUP_FOR_EACH (g, sb) {
            for (size_t i = 0; i < g->n_datapaths; i++) {
                if (binding_get_datapath(bs, g->datapaths[i]->tunnel_key)) {
                    sset_add_and_free(&groups,
                                      xasprintf(UUID_FMT,
                                                UUID_ARGS(&g->header_.uuid)));
                    break;
                }
            }
        }
        sset_clone(&wanted, &bs->wanted_ports);
        ds_put_format(&sig, "%s|", chassis_name ? chassis_name : "");
        if (self) {
            ds_put_format(&sig, UUID_FMT, UUID_ARGS(&self->header_.uuid));
        }
        ds_put_char(&sig, '|');
        put_sorted(&sig, &ifaces);
        put_sorted(&sig, &dps);
        put_sorted(&sig, &groups);
        put_sorted(&sig, &wanted);
    }

    if (m->sig && !strcmp(m->sig, ds_cstr(&sig))) {
        goto out;
    }
    free(m->sig);
    m->sig = ds_steal_cstr(&sig);

    struct ovsdb_idl_condition pb, lf, mg, mb, smb, fdb;
    ovsdb_idl_condition_init(&pb);
    ovsdb_idl_condition_init(&lf);
    ovsdb_idl_condition_init(&mg);
    ovsdb_idl_condition_init(&mb);
    ovsdb_idl_condition_init(&smb);
    ovsdb_idl_condition_init(&fdb);
    if (monitor_all) {
        ovsdb_idl_condition_add_clause_true(&pb);
        ovsdb_idl_condition_add_clause_true(&lf);
        ovsdb_idl_condition_add_clause_true(&mg);
        ovsdb_idl_condition_add_clause_true(&mb);
        ovsdb_idl_condition_add_clause_true(&smb);
        ovsdb_idl_condition_add_clause_true(&fdb);
    } else {
        const char *name;
        if (self) {
            sbrec_port_binding_add_clause_chassis(&pb, OVSDB_F_EQ,
                                                  &self->header_.uuid);
        }
        /* Ports bound to a chassis by name or by group: few, all of them
         * (an "includes" clause on the options map is not portable). */
        sbrec_port_binding_add_clause_type(&pb, OVSDB_F_EQ, "l2gateway");
        sbrec_port_binding_add_clause_type(&pb, OVSDB_F_EQ, "l3gateway");
        sbrec_port_binding_add_clause_type(&pb, OVSDB_F_EQ,
                                           "chassisredirect");
        sbrec_port_binding_add_clause_type(&pb, OVSDB_F_EQ, "external");
        SSET_FOR_EACH (name, &ifaces) {
            sbrec_port_binding_add_clause_logical_port(&pb, OVSDB_F_EQ,
                                                       name);
            add_parent_clause(&pb, name);
        }
        SSET_FOR_EACH (name, &wanted) {
            sbrec_port_binding_add_clause_logical_port(&pb, OVSDB_F_EQ,
                                                       name);
        }
        struct local_datapath *ld;
        HMAP_FOR_EACH (ld, node, &bs->datapaths) {
            const struct uuid *u = &ld->dp->header_.uuid;
            sbrec_port_binding_add_clause_datapath(&pb, OVSDB_F_EQ, u);
            sbrec_logical_flow_add_clause_logical_datapath(&lf, OVSDB_F_EQ,
                                                           u);
            sbrec_multicast_group_add_clause_datapath(&mg, OVSDB_F_EQ, u);
            sbrec_mac_binding_add_clause_datapath(&mb, OVSDB_F_EQ, u);
            sbrec_static_mac_binding_add_clause_datapath(&smb, OVSDB_F_EQ,
                                                         u);
            sbrec_fdb_add_clause_dp_key(&fdb, OVSDB_F_EQ, ld->key);
        }
        SSET_FOR_EACH (name, &groups) {
            struct uuid u;
            if (uuid_from_string(&u, name)) {
                sbrec_logical_flow_add_clause_logical_dp_group(
                    &lf, OVSDB_F_EQ, &u);
            }
        }
    }
    expect(m, sbrec_port_binding_set_condition(sb, &pb));
    expect(m, sbrec_logical_flow_set_condition(sb, &lf));
    expect(m, sbrec_multicast_group_set_condition(sb, &mg));
    expect(m, sbrec_mac_binding_set_condition(sb, &mb));
    expect(m, sbrec_static_mac_binding_set_condition(sb, &smb));
    expect(m, sbrec_fdb_set_condition(sb, &fdb));
    ovsdb_idl_condition_destroy(&pb);
    ovsdb_idl_condition_destroy(&lf);
    ovsdb_idl_condition_destroy(&mg);
    ovsdb_idl_condition_destroy(&mb);
    ovsdb_idl_condition_destroy(&smb);
    ovsdb_idl_condition_destroy(&fdb);
    VLOG_DBG("monitor conditions: %s", m->sig);

out:
    ds_destroy(&sig);
    sset_destroy(&ifaces);
    sset_destroy(&dps);
    sset_destroy(&groups);
    sset_destroy(&wanted);
}

/* Returns true if the server has acknowledged every condition requested,
 * so that what the database shows is everything this chassis needs. */
bool
sb_monitor_settled(const struct sb_monitor *m, struct ovsdb_idl *sb)
{
    return m->sig && ovsdb_idl_get_condition_seqno(sb) >= m->expected_seqno;
}
