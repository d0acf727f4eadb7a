/*
 * Translating normalized match expressions into OpenFlow matches, with
 * conjunctive matches for terms that have two or more dimensions.
 */
#include <config.h>
#include "lib/ovn-expr.h"

#include <string.h>

#include "lib/ovn-lex.h"
#include "lib/ovn-symtab.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hmap.h"
#include "openvswitch/meta-flow.h"
#include "hash.h"
#include "util.h"

/* Maximum number of distinct canonical fields in one flow. */
#define MAX_ENTRIES 64

/* Accumulates the constraints of one flow, per canonical field. */
struct builder {
    struct {
        const struct ovn_symbol *canon;  /* Canonical field. */
        ovs_u128 value;                  /* Required bits. */
        ovs_u128 mask;                   /* Which bits are required. */
    } e[MAX_ENTRIES];
    size_t n;                            /* Number of entries. */
};

/* Port lookup callback and its data. */
struct lookup {
    bool (*lookup_port)(const void *aux, const char *port, uint32_t *key);
    const void *aux;
};

/* State of one translation. */
struct xlate {
    struct lookup lookup;       /* Port lookup. */
    struct hmap flows;          /* Contains struct match_node. */
    struct ovs_list order;      /* Same flows, in creation order. */
    size_t n_flows;             /* Number of flows. */
    size_t max_flows;           /* Bound on 'n_flows'. */
    uint32_t next_conj_id;      /* Next conjunction id to assign. */
    char *error;                /* First error, if any. */
};

/* A flow under construction. */
struct match_node {
    struct hmap_node hmap_node; /* In xlate's 'flows'. */
    struct ovn_expr_match *m;   /* The flow. */
};

/* Adds comparison 'cmp' to 'b'; returns false if the flow can never match
 * (conflicting constraints, or an unknown port name). */
static bool
builder_add(struct builder *b, const struct ovn_expr *cmp,
            const struct lookup *lookup)
{
    const struct ovn_symbol *sym = cmp->cmp.symbol;
    ovs_u128 value, mask;

    if (sym->is_string) {
        uint32_t key;
        if (!lookup->lookup_port
            || !lookup->lookup_port(lookup->aux, cmp->cmp.string, &key)) {
            return false;
        }
        value = ovn_u128_from_u64(key);
        mask = ovn_u128_low_mask(sym->width);
        if (!ovn_u128_is_zero(ovn_u128_and(value, ovn_u128_not(mask)))) {
            return false;
        }
    } else {
        value = cmp->cmp.value;
        mask = cmp->cmp.mask;
    }
    value = ovn_u128_shl(value, sym->canon_ofs);
    mask = ovn_u128_shl(mask, sym->canon_ofs);
    sym = sym->canon;

    for (size_t i = 0; i < b->n; i++) {
        if (b->e[i].canon == sym) {
            ovs_u128 common = ovn_u128_and(b->e[i].mask, mask);
            if (!ovn_u128_is_zero(ovn_u128_and(
                                      ovn_u128_xor(b->e[i].value, value),
                                      common))) {
                return false;
            }
            b->e[i].value = ovn_u128_or(b->e[i].value, value);
            b->e[i].mask = ovn_u128_or(b->e[i].mask, mask);
            return true;
        }
    }
    if (b->n >= MAX_ENTRIES) {
        return false;
    }
    b->e[b->n].canon = sym;
    b->e[b->n].value = value;
    b->e[b->n].mask = mask;
    b->n++;
    return true;
}

/* Converts 'b' into 'match'.  Returns false if the match would violate
 * OpenFlow prerequisites (such a flow could match no packet). */
static bool
builder_to_match(const struct builder *b, struct match *match)
{
    match_init_catchall(match);
    for (size_t i = 0; i < b->n; i++) {
        const struct mf_field *mf = b->e[i].canon->field;
        union mf_value value, mask;

        if (ovn_u128_is_zero(b->e[i].mask)) {
            continue;
        }
        ovn_expr_u128_to_mf_value(mf, b->e[i].value, &value);
        if (ovn_u128_eq(b->e[i].mask, ovn_u128_low_mask(mf->n_bits))) {
            /* Exact match (the only kind non-maskable fields allow). */
            mf_set_value(mf, &value, match, NULL);
        } else {
            ovn_expr_u128_to_mf_value(mf, b->e[i].mask, &mask);
            mf_set(mf, &value, &mask, match, NULL);
        }
    }
    for (size_t i = 0; i < b->n; i++) {
        if (!ovn_u128_is_zero(b->e[i].mask)
            && !mf_are_match_prereqs_ok(b->e[i].canon->field, match)) {
            return false;
        }
    }
    return true;
}

/* Adds a flow with 'match' (and conjunction 'conj' if non-NULL) to 'x',
 * merging it with an identical match already present. */
static void
add_flow(struct xlate *x, const struct match *match,
         const struct ovn_expr_conj *conj)
{
    uint32_t hash = match_hash(match, 0);
    struct match_node *node;

    HMAP_FOR_EACH_WITH_HASH (node, hmap_node, hash, &x->flows) {
        if (match_equal(&node->m->match, match)) {
            struct ovn_expr_match *m = node->m;
            if (!conj || !m->n_conjs) {
                /* A flow with the real actions subsumes conjunction
                 * flows with the same match. */
                free(m->conjs);
                m->conjs = NULL;
                m->n_conjs = 0;
            } else {
                m->conjs = xrealloc(m->conjs,
                                    (m->n_conjs + 1) * sizeof *m->conjs);
                m->conjs[m->n_conjs++] = *conj;
            }
            return;
        }
    }

    if (++x->n_flows > x->max_flows && !x->error) {
        x->error = xasprintf("match expression yields more than %"PRIuSIZE
                             " OpenFlow flows", x->max_flows);
    }
    if (x->error) {
        return;
    }
    struct ovn_expr_match *m = xzalloc(sizeof *m);
    m->match = *match;
    if (conj) {
        m->conjs = xmemdup(conj, sizeof *conj);
        m->n_conjs = 1;
    }
    node = xmalloc(sizeof *node);
    node->m = m;
    hmap_insert(&x->flows, &node->hmap_node, hash);
    ovs_list_push_back(&x->order, &m->list_node);
}

/* Adds a flow for 'b' to 'x' (if it can match anything). */
static void
add_builder_flow(struct xlate *x, const struct builder *b,
                 const struct ovn_expr_conj *conj)
{
    struct match match;
    if (builder_to_match(b, &match)) {
        add_flow(x, &match, conj);
    }
}

/* One dimension of a term: the values still possible. */
struct xdim {
    const struct ovn_expr **vals;   /* Comparisons. */
    size_t n;                       /* Number of 'vals'. */
};

/* Translates one term 't' of a normalized expression. */
static void
xlate_term(struct xlate *x, const struct ovn_expr *t)
{
    struct builder base;
    const struct ovn_expr *sub;
    struct xdim *dims = NULL;
    size_t n_dims = 0;

    base.n = 0;
    switch (t->type) {
    case OVN_EXPR_T_BOOLEAN:
        if (t->boolean) {
            add_builder_flow(x, &base, NULL);
        }
        return;
    case OVN_EXPR_T_CMP:
        if (builder_add(&base, t, &x->lookup)) {
            add_builder_flow(x, &base, NULL);
        }
        return;
    case OVN_EXPR_T_OR:
        /* A lone dimension. */
        LIST_FOR_EACH (sub, node, &t->andor) {
            xlate_term(x, sub);
        }
        return;
    case OVN_EXPR_T_CONDITION:
        return;
    case OVN_EXPR_T_AND:
        break;
    }

    /* First the atoms. */
    LIST_FOR_EACH (sub, node, &t->andor) {
        if (sub->type == OVN_EXPR_T_CMP) {
            if (!builder_add(&base, sub, &x->lookup)) {
                return;
            }
        } else if (sub->type == OVN_EXPR_T_BOOLEAN && !sub->boolean) {
            return;
        }
    }

    /* Then the dimensions, dropping values that conflict with the atoms
     * (or name unknown ports). */
    LIST_FOR_EACH (sub, node, &t->andor) {
        if (sub->type != OVN_EXPR_T_OR) {
            continue;
        }
        struct xdim d = { .vals = NULL, .n = 0 };
        const struct ovn_expr *v;
        d.vals = xmalloc(ovs_list_size(&sub->andor) * sizeof *d.vals);
        LIST_FOR_EACH (v, node, &sub->andor) {
            struct builder tmp = base;
            if (v->type == OVN_EXPR_T_CMP
                && builder_add(&tmp, v, &x->lookup)) {
                d.vals[d.n++] = v;
            }
        }
        if (d.n == 0) {
            free(d.vals);
            goto out;
        } else if (d.n == 1) {
            builder_add(&base, d.vals[0], &x->lookup);
            free(d.vals);
        } else {
            dims = xrealloc(dims, (n_dims + 1) * sizeof *dims);
            dims[n_dims++] = d;
        }
    }

    if (n_dims == 0) {
        add_builder_flow(x, &base, NULL);
    } else if (n_dims == 1) {
        for (size_t i = 0; i < dims[0].n; i++) {
            struct builder tmp = base;
            builder_add(&tmp, dims[0].vals[i], &x->lookup);
            add_builder_flow(x, &tmp, NULL);
        }
    } else if (n_dims > 64) {
        if (!x->error) {
            x->error = xstrdup("too many conjunctive match dimensions");
        }
    } else {
        /* Conjunctive match: each dimension's flows carry
         * conjunction(id, k/n); one more flow matches conj_id=id. */
        struct ovn_expr_conj conj = {
            .id = x->next_conj_id++,
            .n_clauses = n_dims,
        };
        for (size_t k = 0; k < n_dims; k++) {
            conj.clause = k + 1;
            for (size_t i = 0; i < dims[k].n; i++) {
                struct builder tmp = base;
                builder_add(&tmp, dims[k].vals[i], &x->lookup);
                add_builder_flow(x, &tmp, &conj);
            }
        }
        struct match match;
        match_init_catchall(&match);
        match_set_conj_id(&match, conj.id);
        add_flow(x, &match, NULL);
    }

out:
    for (size_t k = 0; k < n_dims; k++) {
        free(dims[k].vals);
    }
    free(dims);
}

/* Translates normalized expression 'e' into OpenFlow matches appended to
 * 'matches' (a list of struct ovn_expr_match).  String comparisons look up
 * port names with 'lookup_port' (unknown names never match).  Conjunctive
 * matches get ids conj_id_base, conj_id_base + 1, ...; '*n_conj_ids'
 * receives how many were used.  If more than 'max_flows' flows (0: no
 * limit) would result, returns a malloc'd error and appends nothing. */
char *
ovn_expr_to_matches(const struct ovn_expr *e,
                    bool (*lookup_port)(const void *aux, const char *port,
                                        uint32_t *key),
                    const void *aux, uint32_t conj_id_base,
                    size_t max_flows, struct ovs_list *matches,
                    uint32_t *n_conj_ids)
{
    struct xlate x = {
        .lookup = { .lookup_port = lookup_port, .aux = aux },
        .flows = HMAP_INITIALIZER(&x.flows),
        .max_flows = max_flows ? max_flows : SIZE_MAX,
        .next_conj_id = conj_id_base,
    };
    struct match_node *node;

    if (!ovn_expr_is_normalized(e)) {
        if (n_conj_ids) {
            *n_conj_ids = 0;
        }
        return xstrdup("expression is not in normal form");
    }
    ovs_list_init(&x.order);
    if (e->type == OVN_EXPR_T_OR) {
        const struct ovn_expr *sub;
        LIST_FOR_EACH (sub, node, &e->andor) {
            xlate_term(&x, sub);
            if (x.error) {
                break;
            }
        }
    } else {
        xlate_term(&x, e);
    }

    HMAP_FOR_EACH_POP (node, hmap_node, &x.flows) {
        free(node);
    }
    hmap_destroy(&x.flows);
    if (x.error) {
        ovn_expr_matches_destroy(&x.order);
        if (n_conj_ids) {
            *n_conj_ids = 0;
        }
        return x.error;
    }
    ovs_list_splice(matches, x.order.next, &x.order);
    if (n_conj_ids) {
        *n_conj_ids = x.next_conj_id - conj_id_base;
    }
    return NULL;
}

/* Appends 'm' to 's' as "MATCH" or "MATCH conjunction(id,k/n)...", where
 * MATCH is as ovs-ofctl prints it ("*" if it matches everything). */
void
ovn_expr_match_format(const struct ovn_expr_match *m, struct ds *s)
{
    size_t start = s->length;
    match_format(&m->match, NULL, s, OFP_DEFAULT_PRIORITY);
    /* match_format() leaves a trailing comma. */
    while (s->length > start && (s->string[s->length - 1] == ','
                                 || s->string[s->length - 1] == ' ')) {
        s->length--;
        s->string[s->length] = '\0';
    }
    if (s->length == start) {
        ds_put_char(s, '*');
    }
    for (size_t i = 0; i < m->n_conjs; i++) {
        ds_put_format(s, "%sconjunction(%"PRIu32",%d/%d)",
                      i ? "," : " actions=", m->conjs[i].id,
                      m->conjs[i].clause, m->conjs[i].n_clauses);
    }
}

/* Frees every struct ovn_expr_match in 'matches' and empties it. */
void
ovn_expr_matches_destroy(struct ovs_list *matches)
{
    struct ovn_expr_match *m;

    if (!matches) {
        return;
    }
    LIST_FOR_EACH_POP (m, list_node, matches) {
        free(m->conjs);
        free(m);
    }
}
