/* A set of OpenFlow flows keyed by (table, priority, match), as
 * ovn-controller wants them installed in the integration bridge. */
#ifndef CONTROLLER_FLOW_TABLE_H
#define CONTROLLER_FLOW_TABLE_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/hmap.h"
#include "openvswitch/match.h"
#include "openvswitch/ofpbuf.h"
#include "classifier.h"

struct ofpact;

/* One OpenFlow flow. */
struct ctl_flow {
    struct hmap_node node;      /* In the owning 'struct ctl_flow_table'. */
    uint8_t table_id;           /* OpenFlow table. */
    uint16_t priority;          /* OpenFlow priority. */
    struct minimatch match;     /* Match, without table or priority. */
    struct ofpact *ofpacts;     /* Actions (malloc'd). */
    size_t ofpacts_len;         /* Length of 'ofpacts' in bytes. */
    uint64_t cookie;            /* Cookie (host byte order). */
    uint32_t n_refs;            /* Free for the table's owner (e.g. how
                                 * many sources produced this flow). */
    uint8_t source;             /* Free for the table's owner. */
};

/* A set of flows; at most one flow per (table, priority, match). */
struct ctl_flow_table {
    struct hmap flows;          /* Contains "struct ctl_flow"s. */
    uint64_t gen;               /* Bumped by the owner on every change. */
};

void ctl_flow_table_init(struct ctl_flow_table *);
void ctl_flow_table_destroy(struct ctl_flow_table *);
void ctl_flow_table_clear(struct ctl_flow_table *);
size_t ctl_flow_table_count(const struct ctl_flow_table *);

bool ctl_flow_table_add(struct ctl_flow_table *, uint8_t table_id,
                        uint16_t priority, uint64_t cookie,
                        const struct match *, const struct ofpact *ofpacts,
                        size_t ofpacts_len);
bool ctl_flow_table_add_buf(struct ctl_flow_table *, uint8_t table_id,
                            uint16_t priority, uint64_t cookie,
                            const struct match *, const struct ofpbuf *);
struct ctl_flow *ctl_flow_table_find(const struct ctl_flow_table *,
                                     uint8_t table_id, uint16_t priority,
                                     const struct minimatch *);
struct ctl_flow *ctl_flow_table_find_flow(const struct ctl_flow_table *,
                                          const struct ctl_flow *);
void ctl_flow_table_remove(struct ctl_flow_table *, struct ctl_flow *);
bool ctl_flow_table_equal(const struct ctl_flow_table *,
                          const struct ctl_flow_table *);
bool ctl_flow_table_insert(struct ctl_flow_table *, struct ctl_flow *);

uint32_t ctl_flow_hash(uint8_t table_id, uint16_t priority,
                       const struct minimatch *);
bool ctl_flow_actions_equal(const struct ctl_flow *, const struct ctl_flow *);
struct ctl_flow *ctl_flow_clone(const struct ctl_flow *);
void ctl_flow_free(struct ctl_flow *);
char *ctl_flow_to_string(const struct ctl_flow *);

/* An OpenFlow group. */
struct ctl_group {
    struct hmap_node node;      /* In 'struct ctl_group_table', by id. */
    uint32_t id;                /* Group id. */
    char *spec;                 /* ovs-ofctl group spec without group_id. */
};

/* A set of groups. */
struct ctl_group_table {
    struct hmap groups;         /* Contains "struct ctl_group"s. */
    uint64_t gen;               /* Bumped by the owner on every change. */
};

void ctl_group_table_init(struct ctl_group_table *);
void ctl_group_table_destroy(struct ctl_group_table *);
void ctl_group_table_clear(struct ctl_group_table *);
struct ctl_group *ctl_group_table_find(const struct ctl_group_table *,
                                       uint32_t id);
void ctl_group_table_set(struct ctl_group_table *, uint32_t id,
                         const char *spec);
void ctl_group_table_remove(struct ctl_group_table *, uint32_t id);

#endif /* controller/flow-table.h */
