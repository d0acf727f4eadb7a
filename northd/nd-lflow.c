/* ovn-northd logical flow table: reference-counted desired flows written to
 * the southbound Logical_Flow table as differences. */
#include <config.h>
#include "northd/nd-lflow.h"

#include <string.h>

#include "hash.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "sha1.h"
#include "smap.h"
#include "util.h"
#include "uuid.h"
#include "lib/ovn-sb-idl.h"
#include "northd/northd.h"

VLOG_DEFINE_THIS_MODULE(nd_lflow);

/* A reference from an owner to a flow. */
struct nd_lflow_ref {
    struct ovs_list node;       /* In owner's 'refs'. */
    struct nd_lflow *lflow;     /* Referenced flow. */
};

/* An existing southbound row offered for claiming by a full recompute. */
struct nd_lflow_claim {
    struct hmap_node node;      /* In table 'claims', by UUID hash. */
    const struct sbrec_logical_flow *sb;        /* The row. */
    bool taken;                 /* Claimed by a desired flow? */
};

/* Static description of each stage. */
struct nd_stage_info {
    enum nd_pipeline pipeline;  /* Ingress or egress. */
    uint8_t table;              /* Table number within the pipeline. */
    const char *name;           /* external_ids:stage-name. */
};

static const struct nd_stage_info stages[ND_N_STAGES] = {
#define S(NAME, PIPELINE, TABLE, STR) { ND_P_##PIPELINE, TABLE, STR },
    ND_SWITCH_STAGES
    ND_ROUTER_STAGES
#undef S
};

enum nd_pipeline
nd_stage_pipeline(enum nd_stage stage)
{
    return stages[stage].pipeline;
}

uint8_t
nd_stage_table(enum nd_stage stage)
{
    return stages[stage].table;
}

const char *
nd_stage_name(enum nd_stage stage)
{
    return stages[stage].name;
}

const char *
nd_lflow_where(const char *file, int line)
{
    static struct shash interned = SHASH_INITIALIZER(&interned);
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;

    char key[128];
    snprintf(key, sizeof key, "%s:%d", base, line);
    struct shash_node *node = shash_find(&interned, key);
    if (!node) {
        node = shash_add(&interned, key, NULL);
    }
    return node->name;
}

/* Hashes the identifying content of a flow. */
static uint32_t
lflow_hash(const struct nd_datapath *dp, enum nd_stage stage,
           uint16_t priority, const char *match, const char *actions)
{
    uint32_t hash = uuid_hash(&dp->nb_uuid);
    hash = hash_add(hash, (stages[stage].pipeline << 16)
                    | (stages[stage].table << 8));
    hash = hash_add(hash, priority);
    hash = hash_string(match, hash);
    return hash_string(actions, hash);
}

void
nd_lflow_table_init(struct nd_lflow_table *t, struct ovsdb_idl *sb_idl)
{
    hmap_init(&t->flows);
    hmap_init(&t->by_uuid);
    ovs_list_init(&t->dead);
    hmap_init(&t->claims);
    t->txn = NULL;
    t->sb_idl = sb_idl;
    t->n_inserted = t->n_deleted = 0;
}

void
nd_lflow_table_destroy(struct nd_lflow_table *t)
{
    if (!t) {
        return;
    }
    /* Owners must have been cleared first; free leftovers regardless. */
    struct nd_lflow *f;
    HMAP_FOR_EACH_POP (f, hmap_node, &t->flows) {
        free(f->match);
        free(f->actions);
        free(f->hint);
        free(f);
    }
    hmap_destroy(&t->flows);
    hmap_destroy(&t->by_uuid);
    struct nd_lflow_claim *c;
    HMAP_FOR_EACH_POP (c, node, &t->claims) {
        free(c);
    }
    hmap_destroy(&t->claims);
}

bool
nd_lflow_table_has_row(const struct nd_lflow_table *t,
                       const struct uuid *sb_uuid)
{
    const struct nd_lflow *f;
    HMAP_FOR_EACH_WITH_HASH (f, uuid_node, uuid_hash(sb_uuid), &t->by_uuid) {
        if (uuid_equals(&f->sb_uuid, sb_uuid)) {
            return true;
        }
    }
    return false;
}

size_t
nd_lflow_table_count(const struct nd_lflow_table *t)
{
    return hmap_count(&t->flows);
}

void
nd_lflow_idl_init(struct ovsdb_idl *sb_idl)
{
    /* Only the small "table_id" stays monitored and tracked, so that rows
     * deleted by others are noticed (nd-run.c). */
    ovsdb_idl_add_table(sb_idl, &sbrec_table_logical_flow);
    for (size_t i = 0; i < SBREC_LOGICAL_FLOW_N_COLUMNS; i++) {
        const struct ovsdb_idl_column *c = &sbrec_logical_flow_columns[i];
        if (c != &sbrec_logical_flow_col_table_id) {
            ovsdb_idl_omit(sb_idl, c);
        }
    }
}

void
nd_lflow_claims_begin(struct nd_lflow_table *t,
                      struct nd_datapath *(*dp_from_sb)(void *,
                                                        const struct uuid *),
                      void *aux)
{
    const struct sbrec_logical_flow *sb;
    SBREC_LOGICAL_FLOW_FOR_EACH (sb, t->sb_idl) {
        struct nd_lflow_claim *c = xzalloc(sizeof *c);
        c->sb = sb;
        hmap_insert(&t->claims, &c->node, uuid_hash(&sb->header_.uuid));
    }
}

void
nd_lflow_claims_end(struct nd_lflow_table *t)
{
    struct nd_lflow_claim *c;
    HMAP_FOR_EACH_POP (c, node, &t->claims) {
        if (!c->taken && t->txn) {
            sbrec_logical_flow_delete(c->sb);
            t->n_deleted++;
        }
        free(c);
    }
}

/* Writes the external_ids of 'f' into 'sb'. */
static void
lflow_set_external_ids(const struct nd_lflow *f,
                       const struct sbrec_logical_flow *sb)
{
    struct smap ids = SMAP_INITIALIZER(&ids);
    smap_add(&ids, "stage-name", stages[f->stage].name);
    if (f->hint) {
        smap_add(&ids, "stage-hint", f->hint);
    }
    smap_add(&ids, "source", f->where);
    sbrec_logical_flow_set_external_ids(sb, &ids);
    smap_destroy(&ids);
}

/* Returns the UUID of the southbound row of 'f' on the Datapath_Binding
 * 'dp_sb_uuid': a digest of everything northd writes into the row, so that
 * a full recompute recognizes its rows without reading them. */
static struct uuid
lflow_uuid(const struct nd_lflow *f, const struct uuid *dp_sb_uuid)
{
    struct sha1_ctx ctx;
    uint8_t digest[SHA1_DIGEST_SIZE];
    uint8_t fixed[4] = { stages[f->stage].pipeline, stages[f->stage].table,
                         f->priority >> 8, f->priority & 0xff };
    const char *strs[] = { f->match, f->actions, f->hint ? f->hint : "",
                           f->where, stages[f->stage].name };

    sha1_init(&ctx);
    sha1_update(&ctx, dp_sb_uuid, sizeof *dp_sb_uuid);
    sha1_update(&ctx, fixed, sizeof fixed);
    for (size_t i = 0; i < ARRAY_SIZE(strs); i++) {
        sha1_update(&ctx, strs[i], strlen(strs[i]) + 1);
    }
    sha1_final(&ctx, digest);

    struct uuid uuid;
    memcpy(&uuid, digest, sizeof uuid);
    return uuid;
}

/* Marks the row 'uuid' claimed, if it is offered for claiming. */
static void
lflow_claim(struct nd_lflow_table *t, const struct uuid *uuid)
{
    struct nd_lflow_claim *c;
    HMAP_FOR_EACH_WITH_HASH (c, node, uuid_hash(uuid), &t->claims) {
        if (uuid_equals(&c->sb->header_.uuid, uuid)) {
            c->taken = true;
            return;
        }
    }
}

/* Makes sure 'f' has a southbound row. */
static void
lflow_write(struct nd_lflow_table *t, struct nd_lflow *f)
{
    if (!t->txn || f->in_sb) {
        return;
    }
    const struct sbrec_datapath_binding *sb_dp
        = sbrec_datapath_binding_get_for_uuid(t->sb_idl, &f->dp->sb_uuid);
    if (!sb_dp) {
        /* The datapath row is missing: the next full recompute fixes it. */
        return;
    }
    struct uuid uuid = lflow_uuid(f, &f->dp->sb_uuid);
    lflow_claim(t, &uuid);
    const struct sbrec_logical_flow *sb
        = sbrec_logical_flow_get_for_uuid(t->sb_idl, &uuid);
    if (!sb) {
        sb = sbrec_logical_flow_insert_persist_uuid(t->txn, &uuid);
        sbrec_logical_flow_set_logical_datapath(sb, sb_dp);
        sbrec_logical_flow_set_pipeline(
            sb, stages[f->stage].pipeline == ND_P_IN ? "ingress" : "egress");
        sbrec_logical_flow_set_table_id(sb, stages[f->stage].table);
        sbrec_logical_flow_set_priority(sb, f->priority);
        sbrec_logical_flow_set_match(sb, f->match);
        sbrec_logical_flow_set_actions(sb, f->actions);
        lflow_set_external_ids(f, sb);
        t->n_inserted++;
    }
    f->sb_uuid = uuid;
    f->dp_sb_uuid = f->dp->sb_uuid;
    f->in_sb = true;
    hmap_insert(&t->by_uuid, &f->uuid_node, uuid_hash(&f->sb_uuid));
}

void
nd_lflow_owner_init(struct nd_lflow_owner *owner)
{
    ovs_list_init(&owner->refs);
    owner->n_refs = 0;
}

void
nd_lflow_owner_begin(struct nd_lflow_owner *owner, struct ovs_list *old)
{
    ovs_list_init(old);
    ovs_list_push_back_all(old, &owner->refs);
    owner->n_refs = 0;
}

/* Forgets 'f', deleting its row if the table has a transaction. */
static void
lflow_free(struct nd_lflow_table *t, struct nd_lflow *f)
{
    if (f->in_sb && t->txn) {
        const struct sbrec_logical_flow *sb
            = sbrec_logical_flow_get_for_uuid(t->sb_idl, &f->sb_uuid);
        if (sb) {
            sbrec_logical_flow_delete(sb);
            t->n_deleted++;
        }
    }
    if (f->in_sb) {
        hmap_remove(&t->by_uuid, &f->uuid_node);
    }
    hmap_remove(&t->flows, &f->hmap_node);
    free(f->match);
    free(f->actions);
    free(f->hint);
    free(f);
}

/* Drops one reference to 'f'.  Without a transaction, a flow without
 * references is forgotten at once, otherwise at the end of the run. */
static void
lflow_unref(struct nd_lflow_table *t, struct nd_lflow *f)
{
    if (--f->refcnt > 0) {
        return;
    }
    if (t->txn) {
        ovs_list_push_back(&t->dead, &f->dead_node);
    } else {
        lflow_free(t, f);
    }
}

void
nd_lflow_table_flush(struct nd_lflow_table *t)
{
    struct nd_lflow *f;
    LIST_FOR_EACH_POP (f, dead_node, &t->dead) {
        lflow_free(t, f);
    }
}

void
nd_lflow_owner_end(struct nd_lflow_table *t, struct ovs_list *old)
{
    struct nd_lflow_ref *ref;
    LIST_FOR_EACH_POP (ref, node, old) {
        lflow_unref(t, ref->lflow);
        free(ref);
    }
}

void
nd_lflow_owner_clear(struct nd_lflow_table *t, struct nd_lflow_owner *owner)
{
    struct ovs_list old;
    nd_lflow_owner_begin(owner, &old);
    nd_lflow_owner_end(t, &old);
}

void
nd_lflow_add_at(struct nd_lflow_table *t, struct nd_lflow_owner *owner,
                struct nd_datapath *dp, enum nd_stage stage,
                uint16_t priority, const char *match, const char *actions,
                const struct uuid *hint, const char *where)
{
    uint32_t hash = lflow_hash(dp, stage, priority, match, actions);
    struct nd_lflow *f;
    HMAP_FOR_EACH_WITH_HASH (f, hmap_node, hash, &t->flows) {
        if (f->dp == dp && f->stage == stage && f->priority == priority
            && !strcmp(f->match, match) && !strcmp(f->actions, actions)
            && (f->refcnt || !f->in_sb
                || uuid_equals(&f->dp_sb_uuid, &dp->sb_uuid))) {
            /* (A flow without references may be one of a datapath destroyed
             * in this run whose memory 'dp' reuses.) */
            if (!f->refcnt) {
                ovs_list_remove(&f->dead_node);
            }
            goto found;
        }
    }
    f = xzalloc(sizeof *f);
    f->dp = dp;
    f->stage = stage;
    f->priority = priority;
    f->match = xstrdup(match);
    f->actions = xstrdup(actions);
    f->hint = hint ? xasprintf("%08x", hint->parts[0]) : NULL;
    f->where = where;
    hmap_insert(&t->flows, &f->hmap_node, hash);
    lflow_write(t, f);

found:
    lflow_write(t, f);          /* In case its datapath row was missing. */
    f->refcnt++;
    struct nd_lflow_ref *ref = xmalloc(sizeof *ref);
    ref->lflow = f;
    ovs_list_push_back(&owner->refs, &ref->node);
    owner->n_refs++;
}
