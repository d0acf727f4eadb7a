/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * Compiles southbound logical flows with the logical-flow library
 * (lib/ovn-lflow-compile.h).  Results are cached per logical flow, so that
 * a change to one Logical_Flow row recompiles only that row; changes to
 * what flows depend on (ports, datapaths, address sets, port groups) cause
 * a full recompilation.  A flow the library cannot translate is logged
 * once, with its UUID, and counted; it never stops the others. */
#include <config.h>
#include "controller/lflow.h"

#include <string.h>
#include "controller/binding.h"
#include "controller/physical.h"
#include "coverage.h"
#include "id-pool.h"
#include "openflow/nicira-ext.h"
#include "lib/ovn-actions.h"
#include "lib/ovn-lflow-compile.h"
#include "lib/ovn-sb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-errors.h"
#include "openvswitch/ofp-protocol.h"
#include "nx-match.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "simap.h"
#include "smap.h"
#include "sset.h"
#include "byte-order.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ovn_lflow);

COVERAGE_DEFINE(ovn_lflow_compile_error);
COVERAGE_DEFINE(ovn_lflow_compiled);

/* Logical flag bits the lookup tables set (see lib/ovn-actions.h). */
#define MLF_LOOKUP_MAC_BIT 6
#define MLF_LOOKUP_FDB_BIT 8

/* The compiled form of one logical flow. */
struct lflow_entry {
    struct hmap_node node;      /* In lflow_state's 'entries'. */
    struct uuid uuid;           /* Logical flow's UUID. */
    struct ovs_list flows;      /* "struct ovn_oflow"s. */
    bool failed;                /* Compilation failed (logged once). */
    struct lflow_group **groups; /* Groups and meters its flows use (one
                                  * reference each). */
    size_t n_groups;            /* Number of 'groups'. */
};

/* An OpenFlow group or meter allocated for a spec the actions asked
 * for. */
struct lflow_group {
    uint32_t id;                /* Group or meter id. */
    unsigned int refs;          /* Entries referring to it. */
};

/* Per-datapath environment for the compiler. */
struct lflow_dp_env {
    const struct lflow_ctx *ctx; /* Overall context. */
    const struct sbrec_datapath_binding *dp; /* Datapath being compiled. */
    struct shash *ports;        /* Port name -> PB, all datapaths. */
};

/* Initializes 'ls' as empty. */
void
lflow_state_init(struct lflow_state *ls)
{
    hmap_init(&ls->entries);
    ctl_flow_table_init(&ls->flows);
    ctl_flow_table_init(&ls->mac_flows);
    ls->next_conj_id = 1;
    ls->n_errors = 0;
    ctl_group_table_init(&ls->groups);
    shash_init(&ls->group_specs);
    ls->group_ids = id_pool_create(1, UINT32_MAX - 1);
    ctl_group_table_init(&ls->meters);
    shash_init(&ls->meter_specs);
    ls->meter_ids = id_pool_create(1, 0xffff0000);
    ls->cur_entry = NULL;
}

/* Frees 'e' and drops its group references (groups nobody refers to are
 * released by lflow_groups_sweep()). */
static void
lflow_entry_free(struct lflow_entry *e)
{
    for (size_t i = 0; i < e->n_groups; i++) {
        e->groups[i]->refs--;
    }
    free(e->groups);
    ovn_oflow_list_destroy(&e->flows);
    free(e);
}

/* Frees everything cached in 'ls'. */
static void
lflow_state_clear(struct lflow_state *ls)
{
    struct lflow_entry *e;

    HMAP_FOR_EACH_POP (e, node, &ls->entries) {
        lflow_entry_free(e);
    }
    ctl_flow_table_clear(&ls->flows);
    ctl_flow_table_clear(&ls->mac_flows);
}

/* Frees 'ls'.  Accepts NULL. */
void
lflow_state_destroy(struct lflow_state *ls)
{
    if (ls) {
        lflow_state_clear(ls);
        hmap_destroy(&ls->entries);
        shash_destroy_free_data(&ls->group_specs);
        ctl_group_table_destroy(&ls->groups);
        id_pool_destroy(ls->group_ids);
        shash_destroy_free_data(&ls->meter_specs);
        ctl_group_table_destroy(&ls->meters);
        id_pool_destroy(ls->meter_ids);
        ctl_flow_table_destroy(&ls->flows);
        ctl_flow_table_destroy(&ls->mac_flows);
    }
}

/* Returns the number of OpenFlow flows compiled from logical flows. */
size_t
lflow_count(const struct lflow_state *ls)
{
    return ctl_flow_table_count(&ls->flows);
}

/* Appends "SPEC: ID" for each allocated meter, sorted, to 'out'. */
void
lflow_dump_meters(const struct lflow_state *ls, struct ds *out)
{
    const struct shash_node **nodes = shash_sort(&ls->meter_specs);

    for (size_t i = 0; i < shash_count(&ls->meter_specs); i++) {
        const struct lflow_group *g = nodes[i]->data;
        ds_put_format(out, "%s: %"PRIu32"\n", nodes[i]->name, g->id);
    }
    free(nodes);
}

/* Persistent lookup tables rebuilt on full runs. */
static struct shash all_ports = SHASH_INITIALIZER(&all_ports);
static struct shash addr_sets = SHASH_INITIALIZER(&addr_sets);
static struct shash dp_port_groups = SHASH_INITIALIZER(&dp_port_groups);
static struct simap mcast_keys = SIMAP_INITIALIZER(&mcast_keys);

/* UUIDs of logical flows already logged as untranslatable, so that each is
 * logged once even across full recomputations. */
static struct sset logged_lflows = SSET_INITIALIZER(&logged_lflows);

/* Returns true the first time it is called for 'lf' (then log). */
static bool
lflow_should_log(const struct sbrec_logical_flow *lf)
{
    char s[UUID_LEN + 1];

    snprintf(s, sizeof s, UUID_FMT, UUID_ARGS(&lf->header_.uuid));
    if (sset_count(&logged_lflows) > 100000) {
        sset_clear(&logged_lflows);
    }
    return sset_add(&logged_lflows, s) != NULL;
}

/* Frees a shash of name -> struct sset *. */
static void
free_sset_shash(struct shash *sh)
{
    struct shash_node *n;

    SHASH_FOR_EACH (n, sh) {
        sset_destroy(n->data);
        free(n->data);
    }
    shash_clear(sh);
}

/* Rebuilds the port, address set and port group lookup tables. */
static void
lflow_build_tables(const struct lflow_ctx *ctx)
{
    const struct sbrec_port_binding *pb;
    const struct sbrec_address_set *as;
    const struct sbrec_port_group *pg;
    struct shash_node *n;

    shash_clear(&all_ports);
    SBREC_PORT_BINDING_FOR_EACH (pb, ctx->sb) {
        shash_add_once(&all_ports, pb->logical_port, pb);
    }

    /* Multicast groups are output "ports" too, named within a datapath. */
    const struct sbrec_multicast_group *mg;
    simap_clear(&mcast_keys);
    SBREC_MULTICAST_GROUP_FOR_EACH (mg, ctx->sb) {
        if (mg->datapath) {
            char *key = xasprintf("%"PRId64"/%s", mg->datapath->tunnel_key,
                                  mg->name);
            simap_put(&mcast_keys, key, mg->tunnel_key);
            free(key);
        }
    }

    free_sset_shash(&addr_sets);
    SBREC_ADDRESS_SET_FOR_EACH (as, ctx->sb) {
        struct sset *s = xmalloc(sizeof *s);
        sset_init(s);
        for (size_t i = 0; i < as->n_addresses; i++) {
            sset_add(s, as->addresses[i]);
        }
        if (!shash_add_once(&addr_sets, as->name, s)) {
            sset_destroy(s);
            free(s);
        }
    }

    /* Port groups: "<dp key>_<name>" is visible as "<name>" in that
     * datapath; an unprefixed group is visible everywhere (key "*"). */
    SHASH_FOR_EACH (n, &dp_port_groups) {
        free_sset_shash(n->data);
        shash_destroy(n->data);
        free(n->data);
    }
    shash_clear(&dp_port_groups);
    SBREC_PORT_GROUP_FOR_EACH (pg, ctx->sb) {
        const char *us = strchr(pg->name, '_');
        char *dpkey;
        const char *name;
        if (us && us > pg->name
            && strspn(pg->name, "0123456789") == (size_t) (us - pg->name)) {
            dpkey = xmemdup0(pg->name, us - pg->name);
            name = us + 1;
        } else {
            dpkey = xstrdup("*");
            name = pg->name;
        }
        struct shash *groups = shash_find_data(&dp_port_groups, dpkey);
        if (!groups) {
            groups = xmalloc(sizeof *groups);
            shash_init(groups);
            shash_add(&dp_port_groups, dpkey, groups);
        }
        struct sset *s = xmalloc(sizeof *s);
        sset_init(s);
        for (size_t i = 0; i < pg->n_ports; i++) {
            sset_add(s, pg->ports[i]);
        }
        if (!shash_add_once(groups, name, s)) {
            sset_destroy(s);
            free(s);
        }
        free(dpkey);
    }
}

/* Returns the port groups visible in datapath 'dp_key' (a merged view is
 * built into 'scratch' when both prefixed and global groups exist). */
static const struct shash *
port_groups_for(uint32_t dp_key, struct shash *scratch)
{
    char key[16];
    snprintf(key, sizeof key, "%"PRIu32, dp_key);
    const struct shash *local = shash_find_data(&dp_port_groups, key);
    const struct shash *global = shash_find_data(&dp_port_groups, "*");

    if (!global) {
        return local;
    }
    if (!local) {
        return global;
    }
    struct shash_node *n;
    SHASH_FOR_EACH (n, global) {
        shash_add_once(scratch, n->name, n->data);
    }
    SHASH_FOR_EACH (n, local) {
        shash_replace(scratch, n->name, n->data);
    }
    return scratch;
}

/* lookup_port callback: port name -> tunnel key within the datapath. */
static bool
lookup_port_cb(const void *aux_, const char *name, uint32_t *key)
{
    const struct lflow_dp_env *aux = aux_;
    const struct sbrec_port_binding *pb = shash_find_data(aux->ports, name);

    if (!strcmp(name, "none")) {
        /* "No port", e.g. what get_fdb() leaves when nothing matched. */
        *key = 0;
        return true;
    }
    if (pb && pb->datapath == aux->dp) {
        *key = pb->tunnel_key;
        return true;
    }
    char *mkey = xasprintf("%"PRId64"/%s", aux->dp->tunnel_key, name);
    const struct simap_node *node = simap_find(&mcast_keys, mkey);
    free(mkey);
    if (node) {
        *key = node->data;
        return true;
    }
    return false;
}

/* is_chassis_resident callback. */
static bool
is_resident_cb(const void *aux_, const char *name)
{
    const struct lflow_dp_env *aux = aux_;
    const struct sbrec_port_binding *pb = shash_find_data(aux->ports, name);

    if (!pb) {
        return false;
    }
    if (aux->ctx->self && pb->chassis == aux->ctx->self) {
        return true;
    }
    return shash_find(&aux->ctx->bs->ports, name) != NULL
           && strcmp(pb->type, "localnet");
}

/* Checks that 'of' is acceptable to the switch: match prerequisites hold and
 * the actions are consistent with the match.  Returns 0 or an OpenFlow
 * error. */
static enum ofperr
lflow_check_oflow(struct ovn_oflow *of)
{
    /* Round-trip the match through OXM, as the switch decodes it. */
    struct ofpbuf b;
    struct match decoded;
    ofpbuf_init(&b, 128);
    oxm_put_match(&b, &of->match, OFP15_VERSION);
    enum ofperr err = oxm_pull_match(&b, false, NULL, NULL, &decoded);
    ofpbuf_uninit(&b);
    if (err) {
        return err;
    }

    struct match match = of->match;
    struct ofpact_check_params cp = {
        .match = &match,
        .max_ports = OFPP_MAX,
        .table_id = of->table_id,
        .n_tables = 255,
    };
    return ofpacts_check_consistency(of->ofpacts.data, of->ofpacts.size,
                                     OFPUTIL_P_OF15_OXM, &cp);
}

/* Removes from 'flows' (just compiled from 'lf') the flows the switch would
 * reject, logging the first problem of each logical flow once.  Returns
 * true if any was removed. */
static bool
lflow_filter_invalid(const struct sbrec_logical_flow *lf,
                     struct ovs_list *flows, struct ovs_list *start,
                     bool log)
{
    struct ovn_oflow *of;
    bool bad = false;

    for (struct ovs_list *node = start->next; node != flows; ) {
        of = CONTAINER_OF(node, struct ovn_oflow, list_node);
        node = node->next;
        enum ofperr err = lflow_check_oflow(of);
        if (err) {
            if (log && !bad && lflow_should_log(lf)) {
                struct ds s = DS_EMPTY_INITIALIZER;
                ovn_oflow_format(of, &s);
                VLOG_WARN("logical flow "UUID_FMT" (%s table %"PRId64
                          " priority %"PRId64") compiled to a flow the "
                          "switch rejects (%s): %s",
                          UUID_ARGS(&lf->header_.uuid), lf->pipeline,
                          lf->table_id, lf->priority, ofperr_to_string(err),
                          ds_cstr(&s));
                ds_destroy(&s);
            }
            ovs_list_remove(&of->list_node);
            ovn_oflow_destroy(of);
            bad = true;
        }
    }
    return bad;
}

/* Returns the id allocated to 'spec' in 'specs'/'table' (allocating it
 * from 'pool' if needed), with a reference from the entry being compiled,
 * or 0. */
static uint32_t
lflow_alloc_id(struct lflow_state *ls, struct shash *specs,
               struct ctl_group_table *table, struct id_pool *pool,
               const char *spec)
{
    struct lflow_group *g = shash_find_data(specs, spec);

    if (!g) {
        uint32_t id;
        if (!id_pool_alloc_id(pool, &id)) {
            return 0;
        }
        g = xzalloc(sizeof *g);
        g->id = id;
        shash_add(specs, spec, g);
        ctl_group_table_set(table, id, spec);
    }
    struct lflow_entry *e = ls->cur_entry;
    if (e) {
        e->groups = xrealloc(e->groups, (e->n_groups + 1) * sizeof *e->groups);
        e->groups[e->n_groups++] = g;
        g->refs++;
    }
    return g->id;
}

/* group_id callback for the action encoder. */
static uint32_t
lflow_group_id_cb(void *ls_, const char *spec)
{
    struct lflow_state *ls = ls_;

    return lflow_alloc_id(ls, &ls->group_specs, &ls->groups, ls->group_ids,
                          spec);
}

/* The southbound database, for resolving named meters. */
static struct ovsdb_idl *meter_sb;

/* Converts a meter 'spec' from the action encoder into an ovs-ofctl meter
 * spec (without "meter=ID,"): "name:NAME" refers to the southbound Meter
 * row NAME.  Returns NULL if it names an unknown meter. */
static char *
lflow_meter_spec(const char *spec)
{
    if (strncmp(spec, "name:", 5)) {
        return xstrdup(spec);
    }
    const struct sbrec_meter *m;
    SBREC_METER_FOR_EACH (m, meter_sb) {
        if (!strcmp(m->name, spec + 5) && m->n_bands) {
            const struct sbrec_meter_band *b = m->bands[0];
            struct ds s = DS_EMPTY_INITIALIZER;
            ds_put_format(&s, "%s,%sstats,bands=type=drop,rate=%"PRId64,
                          !strcmp(m->unit, "pktps") ? "pktps" : "kbps",
                          b->burst_size ? "burst," : "", b->rate);
            if (b->burst_size) {
                ds_put_format(&s, ",burst_size=%"PRId64, b->burst_size);
            }
            return ds_steal_cstr(&s);
        }
    }
    return NULL;
}

/* meter_id callback for the action encoder. */
static uint32_t
lflow_meter_id_cb(void *ls_, const char *spec)
{
    struct lflow_state *ls = ls_;
    char *ofspec = lflow_meter_spec(spec);

    if (!ofspec) {
        return 0;
    }
    /* The encoder's specs use blanks where ovs-ofctl wants commas. */
    for (char *p = ofspec; *p; p++) {
        if (*p == ' ') {
            *p = ',';
        }
    }
    uint32_t id = lflow_alloc_id(ls, &ls->meter_specs, &ls->meters,
                                 ls->meter_ids, ofspec);
    free(ofspec);
    return id;
}

/* Releases the groups no entry refers to any more. */
static void
lflow_sweep__(struct shash *specs, struct ctl_group_table *table,
              struct id_pool *pool)
{
    struct shash_node *n;

    SHASH_FOR_EACH_SAFE (n, specs) {
        struct lflow_group *g = n->data;
        if (!g->refs) {
            ctl_group_table_remove(table, g->id);
            id_pool_free_id(pool, g->id);
            free(g);
            shash_delete(specs, n);
        }
    }
}

/* Releases the groups and meters no entry refers to any more. */
static void
lflow_groups_sweep(struct lflow_state *ls)
{
    lflow_sweep__(&ls->group_specs, &ls->groups, ls->group_ids);
    lflow_sweep__(&ls->meter_specs, &ls->meters, ls->meter_ids);
}

/* Compiles 'lf' for every local datapath it applies to into 'e'. */
static void
lflow_compile_one(struct lflow_state *ls, const struct lflow_ctx *ctx,
                  const struct sbrec_logical_flow *lf, struct lflow_entry *e)
{
    const struct sbrec_datapath_binding *single[1];
    const struct sbrec_datapath_binding **dps;
    size_t n_dps;

    if (lf->logical_datapath) {
        single[0] = lf->logical_datapath;
        dps = single;
        n_dps = 1;
    } else if (lf->logical_dp_group) {
        dps = (const struct sbrec_datapath_binding **)
              lf->logical_dp_group->datapaths;
        n_dps = lf->logical_dp_group->n_datapaths;
    } else {
        return;
    }
    bool ingress = !strcmp(lf->pipeline, "ingress");

    for (size_t i = 0; i < n_dps; i++) {
        const struct local_datapath *ld
            = binding_get_datapath(ctx->bs, dps[i]->tunnel_key);
        if (!ld) {
            continue;
        }
        struct lflow_dp_env aux = { .ctx = ctx, .dp = dps[i],
                                    .ports = &all_ports };
        struct shash scratch = SHASH_INITIALIZER(&scratch);
        struct ovn_action_env action_env = {
            .lflow_cookie = lf->header_.uuid.parts[0],
            .ctrl_meter_id = NX_CTLR_NO_METER,
            .group_id = lflow_group_id_cb,
            .meter_id = lflow_meter_id_cb,
            .id_aux = ls,
        };
        meter_sb = ctx->sb;
        ls->cur_entry = e;
        if (lf->controller_meter && lf->controller_meter[0]) {
            char *spec = xasprintf("name:%s", lf->controller_meter);
            uint32_t id = lflow_meter_id_cb(ls, spec);
            free(spec);
            if (id) {
                action_env.ctrl_meter_id = id;
            }
        }
        struct ovn_lflow_env env = {
            .action_env = &action_env,
            .lookup_port = lookup_port_cb,
            .is_chassis_resident = is_resident_cb,
            .aux = &aux,
            .addr_sets = &addr_sets,
            .port_groups = port_groups_for(ld->key, &scratch),
            .is_switch = ld->is_switch,
        };
        uint32_t n_conj = 0;
        struct ovs_list *last = e->flows.prev;
        ls->cur_entry = e;
        char *error = ovn_lflow_compile(&env, ingress, lf->table_id,
                                        lf->priority, lf->match, lf->actions,
                                        ld->key, &e->flows, &n_conj,
                                        ls->next_conj_id);
        shash_destroy(&scratch);
        ls->cur_entry = NULL;
        ls->next_conj_id += n_conj;
        if (error) {
            if (!e->failed && lflow_should_log(lf)) {
                VLOG_WARN("logical flow "UUID_FMT" (%s table %"PRId64
                          " priority %"PRId64") not translated: %s",
                          UUID_ARGS(&lf->header_.uuid), lf->pipeline,
                          lf->table_id, lf->priority, error);
            }
            COVERAGE_INC(ovn_lflow_compile_error);
            ls->n_errors++;
            e->failed = true;
            free(error);
        } else if (lflow_filter_invalid(lf, &e->flows, last, !e->failed)) {
            COVERAGE_INC(ovn_lflow_compile_error);
            ls->n_errors++;
            e->failed = true;
        } else {
            COVERAGE_INC(ovn_lflow_compiled);
        }
    }
}

/* Returns true if 'ofpacts' consist only of conjunction actions. */
static bool
is_conjunction_only(const struct ofpact *ofpacts, size_t len)
{
    const struct ofpact *a;

    if (!len) {
        return false;
    }
    OFPACT_FOR_EACH (a, ofpacts, len) {
        if (a->type != OFPACT_CONJUNCTION) {
            return false;
        }
    }
    return true;
}

/* Adds 'of' (from logical flow 'uuid') to the merged table 'ft'.  Each
 * merged flow counts, in 'n_refs', the compiled flows it stands for. */
static void
merge_oflow(struct ctl_flow_table *ft, const struct ovn_oflow *of,
            const struct uuid *uuid)
{
    bool conj = is_conjunction_only(of->ofpacts.data, of->ofpacts.size);
    struct minimatch mm;

    minimatch_init(&mm, &of->match);
    struct ctl_flow *f = ctl_flow_table_find(ft, of->table_id, of->priority,
                                             &mm);
    minimatch_destroy(&mm);
    if (!f) {
        ctl_flow_table_add(ft, of->table_id, of->priority,
                           conj ? 0 : uuid->parts[0], &of->match,
                           of->ofpacts.data, of->ofpacts.size);
        return;
    }
    f->n_refs++;
    if (conj && is_conjunction_only(f->ofpacts, f->ofpacts_len)) {
        /* Conjunction actions from several logical flows accumulate. */
        size_t len = f->ofpacts_len + of->ofpacts.size;
        struct ofpact *merged = xmalloc(len);
        memcpy(merged, f->ofpacts, f->ofpacts_len);
        memcpy((char *) merged + f->ofpacts_len, of->ofpacts.data,
               of->ofpacts.size);
        free(f->ofpacts);
        f->ofpacts = merged;
        f->ofpacts_len = len;
        f->cookie = 0;
    }
}

/* Rebuilds the merged flow table from the cached entries. */
static void
lflow_merge_all(struct lflow_state *ls)
{
    struct lflow_entry *e;

    ctl_flow_table_clear(&ls->flows);
    HMAP_FOR_EACH (e, node, &ls->entries) {
        const struct ovn_oflow *of;
        LIST_FOR_EACH (of, list_node, &e->flows) {
            merge_oflow(&ls->flows, of, &e->uuid);
        }
    }
    ls->flows.gen++;
    ls->merge_dirty = false;
}

/* Adds entry 'e''s flows to the merged table. */
static void
lflow_merge_add(struct lflow_state *ls, const struct lflow_entry *e)
{
    const struct ovn_oflow *of;

    LIST_FOR_EACH (of, list_node, &e->flows) {
        merge_oflow(&ls->flows, of, &e->uuid);
        ls->flows.gen++;
    }
}

/* Takes entry 'e''s flows out of the merged table.  A merged flow that
 * other entries also produced cannot be taken apart: then the whole table
 * is marked for a rebuild. */
static void
lflow_merge_remove(struct lflow_state *ls, const struct lflow_entry *e)
{
    const struct ovn_oflow *of;

    LIST_FOR_EACH (of, list_node, &e->flows) {
        struct minimatch mm;
        minimatch_init(&mm, &of->match);
        struct ctl_flow *f = ctl_flow_table_find(&ls->flows, of->table_id,
                                                 of->priority, &mm);
        minimatch_destroy(&mm);
        if (!f || f->n_refs) {
            ls->merge_dirty = true;
        } else {
            ctl_flow_table_remove(&ls->flows, f);
        }
        ls->flows.gen++;
    }
}

/* Adds MAC_Binding flows for one (datapath, port, ip, mac): table 66
 * (get_arp/get_nd: output port and IP -> eth.dst, and the "found" flag)
 * and table 67 (lookup_arp/lookup_nd: input port, IP and eth.src -> the
 * "found" flag). */
static void
add_mac_binding(struct ctl_flow_table *ft, const struct uuid *uuid,
                uint32_t dp_key, uint32_t port_key, const char *ip_s,
                const char *mac_s)
{
    struct eth_addr mac;
    ovs_be32 ip4;
    struct in6_addr ip6;
    struct match m;
    struct ofpbuf ofpacts;

    if (!eth_addr_from_string(mac_s, &mac)) {
        return;
    }
    match_init_catchall(&m);
    match_set_metadata(&m, htonll(dp_key));
    if (ip_parse(ip_s, &ip4)) {
        match_set_reg(&m, 0, ntohl(ip4));
    } else if (ipv6_parse(ip_s, &ip6)) {
        ovs_u128 v = { .u64 = { .hi = ntohll(((ovs_be64 *) &ip6)[0]),
                                .lo = ntohll(((ovs_be64 *) &ip6)[1]) } };
        match_set_xxreg(&m, 0, v);
    } else {
        return;
    }
    ofpbuf_init(&ofpacts, 0);

    struct match m66 = m;
    match_set_reg(&m66, MFF_REG15 - MFF_REG0, port_key);
    ofpact_put_SET_ETH_DST(&ofpacts)->mac = mac;
    ctl_put_load(1, MFF_REG10, MLF_LOOKUP_MAC_BIT, 1, &ofpacts);
    ctl_flow_table_add_buf(ft, OVN_OFTABLE_MAC_BINDING, 100, uuid->parts[0],
                           &m66, &ofpacts);

    struct match m67 = m;
    match_set_reg(&m67, MFF_REG14 - MFF_REG0, port_key);
    match_set_dl_src(&m67, mac);
    ofpbuf_clear(&ofpacts);
    ctl_put_load(1, MFF_REG10, MLF_LOOKUP_MAC_BIT, 1, &ofpacts);
    ctl_flow_table_add_buf(ft, OVN_OFTABLE_MAC_LOOKUP, 100, uuid->parts[0],
                           &m67, &ofpacts);
    ofpbuf_uninit(&ofpacts);
}

/* Adds the FDB flows for one learned (datapath, port, mac): table 71
 * (get_fdb: eth.dst -> output port) and table 72 (lookup_fdb: input port
 * and eth.src -> the "found" flag). */
static void
add_fdb(struct ctl_flow_table *ft, const struct sbrec_fdb *fdb)
{
    struct eth_addr mac;
    struct match m;
    struct ofpbuf ofpacts;

    if (!eth_addr_from_string(fdb->mac, &mac)) {
        return;
    }
    ofpbuf_init(&ofpacts, 0);
    match_init_catchall(&m);
    match_set_metadata(&m, htonll(fdb->dp_key));
    match_set_dl_dst(&m, mac);
    ctl_put_load(fdb->port_key, MFF_REG15, 0, 32, &ofpacts);
    ctl_flow_table_add_buf(ft, OVN_OFTABLE_GET_FDB, 100,
                           fdb->header_.uuid.parts[0], &m, &ofpacts);

    match_init_catchall(&m);
    match_set_metadata(&m, htonll(fdb->dp_key));
    match_set_reg(&m, MFF_REG14 - MFF_REG0, fdb->port_key);
    match_set_dl_src(&m, mac);
    ofpbuf_clear(&ofpacts);
    ctl_put_load(1, MFF_REG10, MLF_LOOKUP_FDB_BIT, 1, &ofpacts);
    ctl_flow_table_add_buf(ft, OVN_OFTABLE_LOOKUP_FDB, 100,
                           fdb->header_.uuid.parts[0], &m, &ofpacts);
    ofpbuf_uninit(&ofpacts);
}

/* Rebuilds the MAC_Binding, Static_MAC_Binding and FDB flows. */
static void
lflow_build_mac_flows(struct lflow_state *ls, const struct lflow_ctx *ctx)
{
    const struct sbrec_mac_binding *mb;
    const struct sbrec_static_mac_binding *smb;

    ctl_flow_table_clear(&ls->mac_flows);
    ls->mac_flows.gen++;
    SBREC_STATIC_MAC_BINDING_FOR_EACH (smb, ctx->sb) {
        const struct sbrec_port_binding *pb
            = shash_find_data(&all_ports, smb->logical_port);
        if (pb && pb->datapath
            && binding_get_datapath(ctx->bs, pb->datapath->tunnel_key)) {
            add_mac_binding(&ls->mac_flows, &smb->header_.uuid,
                            pb->datapath->tunnel_key, pb->tunnel_key,
                            smb->ip, smb->mac);
        }
    }
    const struct sbrec_fdb *fdb;
    SBREC_FDB_FOR_EACH (fdb, ctx->sb) {
        if (binding_get_datapath(ctx->bs, fdb->dp_key)) {
            add_fdb(&ls->mac_flows, fdb);
        }
    }
    SBREC_MAC_BINDING_FOR_EACH (mb, ctx->sb) {
        const struct sbrec_port_binding *pb
            = shash_find_data(&all_ports, mb->logical_port);
        if (pb && pb->datapath
            && binding_get_datapath(ctx->bs, pb->datapath->tunnel_key)) {
            add_mac_binding(&ls->mac_flows, &mb->header_.uuid,
                            pb->datapath->tunnel_key, pb->tunnel_key,
                            mb->ip, mb->mac);
        }
    }
}

/* Recompiles every logical flow. */
void
lflow_run_full(struct lflow_state *ls, const struct lflow_ctx *ctx)
{
    const struct sbrec_logical_flow *lf;

    lflow_state_clear(ls);
    ls->next_conj_id = 1;
    lflow_build_tables(ctx);
    SBREC_LOGICAL_FLOW_FOR_EACH (lf, ctx->sb) {
        struct lflow_entry *e = xzalloc(sizeof *e);
        e->uuid = lf->header_.uuid;
        ovs_list_init(&e->flows);
        lflow_compile_one(ls, ctx, lf, e);
        hmap_insert(&ls->entries, &e->node, uuid_hash(&e->uuid));
    }
    lflow_merge_all(ls);
    lflow_groups_sweep(ls);
    lflow_build_mac_flows(ls, ctx);
}

/* Finds the entry for 'uuid'. */
static struct lflow_entry *
lflow_entry_find(const struct lflow_state *ls, const struct uuid *uuid)
{
    struct lflow_entry *e;

    HMAP_FOR_EACH_WITH_HASH (e, node, uuid_hash(uuid), &ls->entries) {
        if (uuid_equals(&e->uuid, uuid)) {
            return e;
        }
    }
    return NULL;
}

/* Replaces the cached entry for 'lf' by a fresh compilation (or just drops
 * it if 'lf' was deleted). */
static void
lflow_recompile(struct lflow_state *ls, const struct lflow_ctx *ctx,
                const struct sbrec_logical_flow *lf, bool deleted)
{
    struct lflow_entry *e = lflow_entry_find(ls, &lf->header_.uuid);

    if (e) {
        hmap_remove(&ls->entries, &e->node);
        lflow_merge_remove(ls, e);
        lflow_entry_free(e);
    }
    if (!deleted) {
        e = xzalloc(sizeof *e);
        e->uuid = lf->header_.uuid;
        ovs_list_init(&e->flows);
        lflow_compile_one(ls, ctx, lf, e);
        hmap_insert(&ls->entries, &e->node, uuid_hash(&e->uuid));
        lflow_merge_add(ls, e);
    }
}

/* Returns true if 'lf''s match or actions mention any string in 'tokens'. */
static bool
lflow_mentions(const struct sbrec_logical_flow *lf, const struct sset *tokens)
{
    const char *t;

    SSET_FOR_EACH (t, tokens) {
        if (strstr(lf->match, t) || strstr(lf->actions, t)) {
            return true;
        }
    }
    return false;
}

/* Adds to 'tokens' the ways logical flows can refer to port (or multicast
 * group) 'name'. */
static void
add_port_tokens(struct sset *tokens, const char *name)
{
    sset_add_and_free(tokens, xasprintf("\"%s\"", name));
}

/* Processes only what changed since the last run: Logical_Flow rows are
 * recompiled; a changed Port_Binding, Multicast_Group, Address_Set or
 * Port_Group recompiles only the logical flows that mention it; MAC
 * bindings rebuild their own tables.  Changes that affect everything
 * (datapaths, datapath groups, the set of local datapaths) must go through
 * lflow_run_full() instead; the caller decides.  Returns the number of
 * logical flows recompiled. */
size_t
lflow_run_incremental(struct lflow_state *ls, const struct lflow_ctx *ctx,
                      const struct sset *changed_local_ports)
{
    const struct sbrec_logical_flow *lf;
    const struct sbrec_port_binding *pb;
    const struct sbrec_multicast_group *mg;
    const struct sbrec_address_set *as;
    const struct sbrec_port_group *pg;
    struct sset tokens = SSET_INITIALIZER(&tokens);
    struct sset done = SSET_INITIALIZER(&done);
    size_t n = 0;

    struct sset changed_ports = SSET_INITIALIZER(&changed_ports);
    const char *name;
    SSET_FOR_EACH (name, changed_local_ports) {
        /* Attached or detached here: is_chassis_resident() changes. */
        add_port_tokens(&tokens, name);
        sset_add(&changed_ports, name);
    }
    SBREC_PORT_BINDING_FOR_EACH_TRACKED (pb, ctx->sb) {
        add_port_tokens(&tokens, pb->logical_port);
        sset_add(&changed_ports, pb->logical_port);
    }
    if (!sset_is_empty(&changed_ports)) {
        /* Flows refer to member ports through their groups, too. */
        SBREC_PORT_GROUP_FOR_EACH (pg, ctx->sb) {
            for (size_t i = 0; i < pg->n_ports; i++) {
                if (sset_contains(&changed_ports, pg->ports[i])) {
                    const char *us = strchr(pg->name, '_');
                    const char *name = (us && strspn(pg->name, "0123456789")
                                        == (size_t) (us - pg->name))
                                       ? us + 1 : pg->name;
                    sset_add_and_free(&tokens, xasprintf("@%s", name));
                    break;
                }
            }
        }
    }
    sset_destroy(&changed_ports);
    SBREC_MULTICAST_GROUP_FOR_EACH_TRACKED (mg, ctx->sb) {
        add_port_tokens(&tokens, mg->name);
    }
    SBREC_ADDRESS_SET_FOR_EACH_TRACKED (as, ctx->sb) {
        sset_add_and_free(&tokens, xasprintf("$%s", as->name));
    }
    SBREC_PORT_GROUP_FOR_EACH_TRACKED (pg, ctx->sb) {
        const char *us = strchr(pg->name, '_');
        const char *name = (us && strspn(pg->name, "0123456789")
                            == (size_t) (us - pg->name)) ? us + 1 : pg->name;
        sset_add_and_free(&tokens, xasprintf("@%s", name));
    }
    if (!sset_is_empty(&tokens)) {
        lflow_build_tables(ctx);
    }

    SBREC_LOGICAL_FLOW_FOR_EACH_TRACKED (lf, ctx->sb) {
        char u[UUID_LEN + 1];
        snprintf(u, sizeof u, UUID_FMT, UUID_ARGS(&lf->header_.uuid));
        if (sset_add(&done, u)) {
            lflow_recompile(ls, ctx, lf, sbrec_logical_flow_is_deleted(lf));
            n++;
        }
    }
    if (!sset_is_empty(&tokens)) {
        SBREC_LOGICAL_FLOW_FOR_EACH (lf, ctx->sb) {
            char u[UUID_LEN + 1];
            snprintf(u, sizeof u, UUID_FMT, UUID_ARGS(&lf->header_.uuid));
            if (!sset_contains(&done, u) && lflow_mentions(lf, &tokens)) {
                sset_add(&done, u);
                lflow_recompile(ls, ctx, lf, false);
                n++;
            }
        }
    }
    if (ls->merge_dirty) {
        lflow_merge_all(ls);
    }
    lflow_groups_sweep(ls);
    if (sbrec_mac_binding_track_get_first(ctx->sb)
        || sbrec_static_mac_binding_track_get_first(ctx->sb)
        || sbrec_fdb_track_get_first(ctx->sb)
        || sbrec_port_binding_track_get_first(ctx->sb)) {
        lflow_build_mac_flows(ls, ctx);
    }
    sset_destroy(&tokens);
    sset_destroy(&done);
    return n;
}
