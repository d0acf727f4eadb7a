/* Logical flows: compiles the southbound Logical_Flow rows of local
 * datapaths into OpenFlow flows for tables 8-36 and 42-63, plus the
 * MAC_Binding lookup tables, caching the result per logical flow. */
#ifndef CONTROLLER_LFLOW_H
#define CONTROLLER_LFLOW_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/hmap.h"
#include "openvswitch/shash.h"
#include "controller/flow-table.h"

struct binding_state;
struct ds;
struct sset;
struct id_pool;
struct lflow_entry;
struct ovsdb_idl;
struct sbrec_chassis;

/* Cached compilation results. */
struct lflow_state {
    struct hmap entries;        /* "struct lflow_entry"s by lflow uuid. */
    struct ctl_flow_table flows; /* Merged flows of all entries. */
    struct ctl_flow_table mac_flows; /* MAC_Binding flows (tables 66/67). */
    struct ctl_group_table groups;   /* OpenFlow groups the flows use. */
    struct ctl_group_table meters;   /* OpenFlow meters likewise (id ->
                                      * ovs-ofctl meter spec). */
    struct shash meter_specs;   /* Meter spec -> struct lflow_group. */
    struct id_pool *meter_ids;  /* Meter id allocator. */
    struct shash group_specs;   /* Group spec -> struct lflow_group. */
    struct id_pool *group_ids;  /* Group id allocator. */
    struct lflow_entry *cur_entry; /* Entry being compiled. */
    uint32_t next_conj_id;      /* Conjunction id allocator. */
    uint64_t n_errors;          /* Logical flows that failed to compile. */
    bool merge_dirty;           /* 'flows' needs a rebuild from entries. */
};

/* Inputs to lflow_run(). */
struct lflow_ctx {
    struct ovsdb_idl *sb;                   /* Southbound database. */
    const struct sbrec_chassis *self;       /* This chassis. */
    const struct binding_state *bs;         /* Local ports and datapaths. */
};

void lflow_state_init(struct lflow_state *);
void lflow_state_destroy(struct lflow_state *);
void lflow_run_full(struct lflow_state *, const struct lflow_ctx *);
size_t lflow_run_incremental(struct lflow_state *, const struct lflow_ctx *,
                             const struct sset *changed_local_ports);
size_t lflow_count(const struct lflow_state *);
void lflow_dump_meters(const struct lflow_state *, struct ds *);

#endif /* controller/lflow.h */
