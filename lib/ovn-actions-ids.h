/*
 * Stable OpenFlow group and meter ids for the action encoder.
 *
 * The encoder (lib/ovn-actions.h) asks its caller for a group id for every
 * "ct_lb(backends=...)", "select(...)" and "fwd_group(...)", and for a meter
 * id for "set_meter(...)" and "log(meter=...)", passing a textual spec.
 * A struct ovn_id_table gives equal specs the same id, remembers which specs
 * are in use, and tells the caller which ids to install and remove:
 *
 *     ovn_id_table_init(&groups, 1, UINT32_MAX - 1);
 *     env.group_id = ovn_id_table_get;  env.id_aux = &groups;
 *
 *     // On each full recompute:
 *     ovn_id_table_begin(&groups);         // everything becomes unused
 *     ... compile all logical flows ...    // used specs are marked again
 *     ovn_id_table_sweep(&groups, removed_cb, aux);  // unused ids go away
 *
 * ovn_id_table_is_new() tells whether an id was allocated since the last
 * ovn_id_table_sync(), i.e. whether its group-mod/meter-mod must be sent.
 * One table serves one id space (use one for groups, one for meters).
 */
#ifndef OVN_ACTIONS_IDS_H
#define OVN_ACTIONS_IDS_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/hmap.h"
#include "openvswitch/shash.h"

/* A table of id <-> spec. */
struct ovn_id_table {
    struct shash by_spec;       /* Spec -> struct ovn_id_entry *. */
    struct hmap by_id;          /* struct ovn_id_entry, by 'id'. */
    uint32_t min, max;          /* Range of ids to allocate. */
    uint32_t next;              /* Next id to try. */
};

/* One allocated id. */
struct ovn_id_entry {
    struct hmap_node hmap_node; /* In ovn_id_table's 'by_id'. */
    char *spec;                 /* The spec (owned by 'by_spec''s node). */
    uint32_t id;                /* The id. */
    bool used;                  /* Requested since ovn_id_table_begin(). */
    bool is_new;                /* Allocated since ovn_id_table_sync(). */
};

void ovn_id_table_init(struct ovn_id_table *, uint32_t min, uint32_t max);
void ovn_id_table_destroy(struct ovn_id_table *);

uint32_t ovn_id_table_get(void *table, const char *spec);
const struct ovn_id_entry *ovn_id_table_find(const struct ovn_id_table *,
                                             uint32_t id);
size_t ovn_id_table_count(const struct ovn_id_table *);

void ovn_id_table_begin(struct ovn_id_table *);
void ovn_id_table_sweep(struct ovn_id_table *,
                        void (*removed)(void *aux, uint32_t id,
                                        const char *spec),
                        void *aux);
bool ovn_id_table_is_new(const struct ovn_id_table *, uint32_t id);
void ovn_id_table_sync(struct ovn_id_table *);

/* Iterates over every entry (struct ovn_id_entry *ENTRY) of TABLE. */
#define OVN_ID_TABLE_FOR_EACH(ENTRY, TABLE) \
    HMAP_FOR_EACH (ENTRY, hmap_node, &(TABLE)->by_id)

#endif /* lib/ovn-actions-ids.h */
