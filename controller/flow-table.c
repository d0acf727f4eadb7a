/* Copyright (c) 2026 The OVN-compatible project authors.
 *
 * A keyed set of OpenFlow flows: the unit in which ovn-controller computes
 * the flows it desires and remembers the flows it has installed. */
#include <config.h>
#include "controller/flow-table.h"

#include <string.h>
#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/util.h"
#include "util.h"

/* Initializes 'ft' as an empty table. */
void
ctl_flow_table_init(struct ctl_flow_table *ft)
{
    hmap_init(&ft->flows);
    ft->gen = 0;
}

/* Frees every flow in 'ft' and leaves it empty. */
void
ctl_flow_table_clear(struct ctl_flow_table *ft)
{
    struct ctl_flow *f;

    HMAP_FOR_EACH_POP (f, node, &ft->flows) {
        ctl_flow_free(f);
    }
}

/* Frees every flow in 'ft' and the table's memory.  Accepts NULL. */
void
ctl_flow_table_destroy(struct ctl_flow_table *ft)
{
    if (ft) {
        ctl_flow_table_clear(ft);
        hmap_destroy(&ft->flows);
    }
}

/* Returns the number of flows in 'ft'. */
size_t
ctl_flow_table_count(const struct ctl_flow_table *ft)
{
    return hmap_count(&ft->flows);
}

/* Returns the hash of a flow's key. */
uint32_t
ctl_flow_hash(uint8_t table_id, uint16_t priority,
              const struct minimatch *match)
{
    return minimatch_hash(match, ((uint32_t) table_id << 16) | priority);
}

/* Finds the flow in 'ft' with the given key, or returns NULL. */
struct ctl_flow *
ctl_flow_table_find(const struct ctl_flow_table *ft, uint8_t table_id,
                    uint16_t priority, const struct minimatch *match)
{
    struct ctl_flow *f;
    uint32_t hash = ctl_flow_hash(table_id, priority, match);

    HMAP_FOR_EACH_WITH_HASH (f, node, hash, &ft->flows) {
        if (f->table_id == table_id && f->priority == priority
            && minimatch_equal(&f->match, match)) {
            return f;
        }
    }
    return NULL;
}

/* Finds the flow in 'ft' with the same key as 'f' (which may belong to
 * another table), or returns NULL.  Cheaper than ctl_flow_table_find():
 * the key's hash is the one cached in 'f'. */
struct ctl_flow *
ctl_flow_table_find_flow(const struct ctl_flow_table *ft,
                         const struct ctl_flow *f)
{
    struct ctl_flow *g;

    HMAP_FOR_EACH_WITH_HASH (g, node, f->node.hash, &ft->flows) {
        if (g->table_id == f->table_id && g->priority == f->priority
            && minimatch_equal(&g->match, &f->match)) {
            return g;
        }
    }
    return NULL;
}

/* Returns true if 'a' and 'b' hold the same flows (keys, actions and
 * cookies). */
bool
ctl_flow_table_equal(const struct ctl_flow_table *a,
                     const struct ctl_flow_table *b)
{
    const struct ctl_flow *f;

    if (hmap_count(&a->flows) != hmap_count(&b->flows)) {
        return false;
    }
    HMAP_FOR_EACH (f, node, &a->flows) {
        const struct ctl_flow *g = ctl_flow_table_find_flow(b, f);
        if (!g || !ctl_flow_actions_equal(f, g)) {
            return false;
        }
    }
    return true;
}

/* Inserts 'f' into 'ft', which takes ownership, unless a flow with the same
 * key is already there, in which case 'f' is freed.  Returns true if 'f' was
 * inserted. */
bool
ctl_flow_table_insert(struct ctl_flow_table *ft, struct ctl_flow *f)
{
    f->node.hash = ctl_flow_hash(f->table_id, f->priority, &f->match);
    if (ctl_flow_table_find_flow(ft, f)) {
        ctl_flow_free(f);
        return false;
    }
    hmap_insert(&ft->flows, &f->node, f->node.hash);
    return true;
}

/* Adds a flow to 'ft' with a copy of 'match' and of the 'ofpacts_len' bytes
 * of actions at 'ofpacts'.  A flow whose key is already present is not
 * added (the first one wins); returns true if the flow was added. */
bool
ctl_flow_table_add(struct ctl_flow_table *ft, uint8_t table_id,
                   uint16_t priority, uint64_t cookie,
                   const struct match *match, const struct ofpact *ofpacts,
                   size_t ofpacts_len)
{
    struct ctl_flow *f = xzalloc(sizeof *f);

    f->table_id = table_id;
    f->priority = priority;
    f->cookie = cookie;
    minimatch_init(&f->match, match);
    f->ofpacts = ofpacts_len ? xmemdup(ofpacts, ofpacts_len) : NULL;
    f->ofpacts_len = ofpacts_len;
    return ctl_flow_table_insert(ft, f);
}

/* Like ctl_flow_table_add() with the actions in 'ofpacts'. */
bool
ctl_flow_table_add_buf(struct ctl_flow_table *ft, uint8_t table_id,
                       uint16_t priority, uint64_t cookie,
                       const struct match *match, const struct ofpbuf *ofpacts)
{
    return ctl_flow_table_add(ft, table_id, priority, cookie, match,
                              ofpacts->data, ofpacts->size);
}

/* Removes 'f' from 'ft' and frees it. */
void
ctl_flow_table_remove(struct ctl_flow_table *ft, struct ctl_flow *f)
{
    hmap_remove(&ft->flows, &f->node);
    ctl_flow_free(f);
}

/* Returns true if 'a' and 'b' have the same actions and cookie. */
bool
ctl_flow_actions_equal(const struct ctl_flow *a, const struct ctl_flow *b)
{
    return (a->cookie == b->cookie
            && ofpacts_equal(a->ofpacts, a->ofpacts_len,
                             b->ofpacts, b->ofpacts_len));
}

/* Returns a malloc'd copy of 'f' (not in any table). */
struct ctl_flow *
ctl_flow_clone(const struct ctl_flow *f)
{
    struct ctl_flow *c = xzalloc(sizeof *c);

    c->table_id = f->table_id;
    c->priority = f->priority;
    c->cookie = f->cookie;
    minimatch_clone(&c->match, &f->match);
    c->ofpacts = f->ofpacts_len ? xmemdup(f->ofpacts, f->ofpacts_len) : NULL;
    c->ofpacts_len = f->ofpacts_len;
    c->n_refs = f->n_refs;
    c->source = f->source;
    c->node.hash = f->node.hash;
    return c;
}

/* Frees 'f', which must not be in a table.  Accepts NULL. */
void
ctl_flow_free(struct ctl_flow *f)
{
    if (f) {
        minimatch_destroy(&f->match);
        free(f->ofpacts);
        free(f);
    }
}

/* Returns 'f' formatted like ovs-ofctl dump-flows (malloc'd). */
char *
ctl_flow_to_string(const struct ctl_flow *f)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    struct ofpact_format_params fp = { .s = &s };

    ds_put_format(&s, "table=%"PRIu8", priority=%"PRIu16", ",
                  f->table_id, f->priority);
    if (f->cookie) {
        ds_put_format(&s, "cookie=%#"PRIx64", ", f->cookie);
    }
    struct ds m = DS_EMPTY_INITIALIZER;
    minimatch_format(&f->match, NULL, NULL, &m, OFP_DEFAULT_PRIORITY);
    if (m.length) {
        ds_put_format(&s, "%s ", ds_cstr(&m));
    }
    ds_destroy(&m);
    ds_put_cstr(&s, "actions=");
    if (f->ofpacts_len) {
        ofpacts_format(f->ofpacts, f->ofpacts_len, &fp);
    } else {
        ds_put_cstr(&s, "drop");
    }
    return ds_steal_cstr(&s);
}

/* Initializes 'gt' as an empty group table. */
void
ctl_group_table_init(struct ctl_group_table *gt)
{
    hmap_init(&gt->groups);
    gt->gen = 0;
}

/* Frees every group in 'gt' and leaves it empty. */
void
ctl_group_table_clear(struct ctl_group_table *gt)
{
    struct ctl_group *g;

    HMAP_FOR_EACH_POP (g, node, &gt->groups) {
        free(g->spec);
        free(g);
    }
}

/* Frees 'gt'.  Accepts NULL. */
void
ctl_group_table_destroy(struct ctl_group_table *gt)
{
    if (gt) {
        ctl_group_table_clear(gt);
        hmap_destroy(&gt->groups);
    }
}

/* Returns the group with 'id' in 'gt', or NULL. */
struct ctl_group *
ctl_group_table_find(const struct ctl_group_table *gt, uint32_t id)
{
    struct ctl_group *g;

    HMAP_FOR_EACH_WITH_HASH (g, node, hash_int(id, 0), &gt->groups) {
        if (g->id == id) {
            return g;
        }
    }
    return NULL;
}

/* Sets group 'id' in 'gt' to 'spec' (adding it if needed). */
void
ctl_group_table_set(struct ctl_group_table *gt, uint32_t id,
                    const char *spec)
{
    struct ctl_group *g = ctl_group_table_find(gt, id);

    if (!g) {
        g = xzalloc(sizeof *g);
        g->id = id;
        hmap_insert(&gt->groups, &g->node, hash_int(id, 0));
    } else if (!strcmp(g->spec, spec)) {
        return;
    } else {
        free(g->spec);
    }
    g->spec = xstrdup(spec);
    gt->gen++;
}

/* Removes group 'id' from 'gt', if present. */
void
ctl_group_table_remove(struct ctl_group_table *gt, uint32_t id)
{
    struct ctl_group *g = ctl_group_table_find(gt, id);

    if (g) {
        hmap_remove(&gt->groups, &g->node);
        free(g->spec);
        free(g);
        gt->gen++;
    }
}
