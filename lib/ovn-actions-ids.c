/*
 * Stable OpenFlow group and meter ids for the action encoder.
 */
#include <config.h>
#include "lib/ovn-actions-ids.h"

#include <stdlib.h>

#include "hash.h"
#include "openvswitch/util.h"
#include "util.h"

/* Initializes 't' to allocate ids in [min, max] (min >= 1). */
void
ovn_id_table_init(struct ovn_id_table *t, uint32_t min, uint32_t max)
{
    ovs_assert(min >= 1 && min <= max);
    shash_init(&t->by_spec);
    hmap_init(&t->by_id);
    t->min = min;
    t->max = max;
    t->next = min;
}

/* Frees everything in 't' (which may be NULL). */
void
ovn_id_table_destroy(struct ovn_id_table *t)
{
    if (t) {
        struct ovn_id_entry *e;
        HMAP_FOR_EACH_POP (e, hmap_node, &t->by_id) {
            free(e);
        }
        hmap_destroy(&t->by_id);
        shash_destroy(&t->by_spec);
    }
}

/* Returns the entry with 'id', or NULL. */
const struct ovn_id_entry *
ovn_id_table_find(const struct ovn_id_table *t, uint32_t id)
{
    const struct ovn_id_entry *e;
    HMAP_FOR_EACH_IN_BUCKET (e, hmap_node, hash_int(id, 0), &t->by_id) {
        if (e->id == id) {
            return e;
        }
    }
    return NULL;
}

/* Returns the number of ids allocated in 't'. */
size_t
ovn_id_table_count(const struct ovn_id_table *t)
{
    return hmap_count(&t->by_id);
}

/* Returns the id for 'spec' in 'table_' (a struct ovn_id_table *),
 * allocating one if needed, and marks it used; returns 0 if the id range is
 * exhausted.  Its signature fits struct ovn_action_env's group_id and
 * meter_id. */
uint32_t
ovn_id_table_get(void *table_, const char *spec)
{
    struct ovn_id_table *t = table_;
    struct ovn_id_entry *e = shash_find_data(&t->by_spec, spec);

    if (e) {
        e->used = true;
        return e->id;
    }

    uint64_t range = (uint64_t) t->max - t->min + 1;
    if (hmap_count(&t->by_id) >= range) {
        return 0;
    }
    uint32_t id = t->next;
    while (ovn_id_table_find(t, id)) {
        id = id >= t->max ? t->min : id + 1;
    }
    t->next = id >= t->max ? t->min : id + 1;

    e = xzalloc(sizeof *e);
    e->id = id;
    e->used = true;
    e->is_new = true;
    e->spec = shash_add(&t->by_spec, spec, e)->name;
    hmap_insert(&t->by_id, &e->hmap_node, hash_int(id, 0));
    return id;
}

/* Marks every entry unused; entries not requested again before
 * ovn_id_table_sweep() are removed by it. */
void
ovn_id_table_begin(struct ovn_id_table *t)
{
    struct ovn_id_entry *e;
    HMAP_FOR_EACH (e, hmap_node, &t->by_id) {
        e->used = false;
    }
}

/* Removes every unused entry, calling 'removed' (if nonnull) for each
 * before it is freed. */
void
ovn_id_table_sweep(struct ovn_id_table *t,
                   void (*removed)(void *aux, uint32_t id, const char *spec),
                   void *aux)
{
    struct ovn_id_entry *e;
    HMAP_FOR_EACH_SAFE (e, hmap_node, &t->by_id) {
        if (!e->used) {
            if (removed) {
                removed(aux, e->id, e->spec);
            }
            hmap_remove(&t->by_id, &e->hmap_node);
            shash_find_and_delete(&t->by_spec, e->spec);
            free(e);
        }
    }
}

/* Returns true if 'id' was allocated since the last ovn_id_table_sync(). */
bool
ovn_id_table_is_new(const struct ovn_id_table *t, uint32_t id)
{
    const struct ovn_id_entry *e = ovn_id_table_find(t, id);
    return e && e->is_new;
}

/* Marks every entry as installed (not new). */
void
ovn_id_table_sync(struct ovn_id_table *t)
{
    struct ovn_id_entry *e;
    HMAP_FOR_EACH (e, hmap_node, &t->by_id) {
        e->is_new = false;
    }
}
