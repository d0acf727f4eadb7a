/*
 * Normalizing match expressions into disjunctive normal form.
 *
 * The normal form is an OR of terms; each term is an AND of
 *
 *   - atoms: at most one masked equality test per field, and
 *
 *   - dimensions: an OR of masked equality tests all on one field, kept
 *     together instead of being multiplied out, so that a conjunction of
 *     large sets ("ip4.src == $a && tcp.dst == {...}") stays linear in
 *     size.  A term with two or more dimensions becomes a conjunctive
 *     match; with one, a flow per value.
 *
 * Dimensions on fields that other fields depend on (eth.type, ip.proto,
 * ...) are multiplied out, because every OpenFlow flow must carry the
 * prerequisites of the fields it matches.
 */
#include <config.h>
#include "lib/ovn-expr.h"

#include <stdlib.h>
#include <string.h>

#include "lib/ovn-expr-private.h"
#include "lib/ovn-lex.h"
#include "lib/ovn-symtab.h"
#include "openvswitch/dynamic-string.h"
#include "util.h"

/* Frees the contents of 'c'. */
void
ovn_nclause_destroy(struct ovn_nclause *c)
{
    for (size_t i = 0; i < c->n_dims; i++) {
        free(c->dims[i].vals);
    }
    free(c->atoms);
    free(c->dims);
    memset(c, 0, sizeof *c);
}

/* Returns a deep copy of 'c'. */
static struct ovn_nclause
clause_clone(const struct ovn_nclause *c)
{
    struct ovn_nclause r = *c;
    r.atoms = (c->n_atoms
               ? xmemdup(c->atoms, c->n_atoms * sizeof *c->atoms) : NULL);
    r.dims = c->n_dims ? xmemdup(c->dims, c->n_dims * sizeof *c->dims) : NULL;
    for (size_t i = 0; i < c->n_dims; i++) {
        r.dims[i].vals = xmemdup(c->dims[i].vals,
                                 c->dims[i].n * sizeof *c->dims[i].vals);
    }
    return r;
}

/* Frees every clause in 'cl' and the list itself. */
void
ovn_nclause_list_destroy(struct ovn_nclause_list *cl)
{
    for (size_t i = 0; i < cl->n; i++) {
        ovn_nclause_destroy(&cl->c[i]);
    }
    free(cl->c);
    memset(cl, 0, sizeof *cl);
}

/* Appends 'c' (moved) to 'cl'. */
static void
list_push(struct ovn_nclause_list *cl, struct ovn_nclause *c)
{
    if (cl->n >= cl->allocated) {
        cl->c = x2nrealloc(cl->c, &cl->allocated, sizeof *cl->c);
    }
    cl->c[cl->n++] = *c;
    memset(c, 0, sizeof *c);
}

/* Merges atom 'b' into 'a' if they are consistent; returns false if no
 * packet can satisfy both. */
bool
ovn_atom_merge(struct ovn_atom *a, const struct ovn_atom *b)
{
    if (a->string || b->string) {
        return a->string && b->string && !strcmp(a->string, b->string);
    }
    ovs_u128 common = ovn_u128_and(a->mask, b->mask);
    if (!ovn_u128_is_zero(ovn_u128_and(ovn_u128_xor(a->value, b->value),
                                       common))) {
        return false;
    }
    a->value = ovn_u128_or(a->value, b->value);
    a->mask = ovn_u128_or(a->mask, b->mask);
    return true;
}

/* Returns true if atoms 'a' and 'b' are identical. */
static bool
atom_equal(const struct ovn_atom *a, const struct ovn_atom *b)
{
    if (a->sym != b->sym) {
        return false;
    } else if (a->string || b->string) {
        return a->string && b->string && !strcmp(a->string, b->string);
    } else {
        return (ovn_u128_eq(a->value, b->value)
                && ovn_u128_eq(a->mask, b->mask));
    }
}

/* Appends 'a' to dimension 'd' (duplicates are removed later, by
 * install_dim()). */
static void
dim_add(struct ovn_dim *d, const struct ovn_atom *a, size_t *allocated)
{
    if (d->n >= *allocated) {
        d->vals = x2nrealloc(d->vals, allocated, sizeof *d->vals);
    }
    d->vals[d->n++] = *a;
}

static int compare_atoms(const void *, const void *);

/* Sorts the values of 'd' and removes duplicates. */
static void
dim_sort_unique(struct ovn_dim *d)
{
    size_t n = 0;

    if (d->n < 2) {
        return;
    }
    qsort(d->vals, d->n, sizeof *d->vals, compare_atoms);
    for (size_t i = 0; i < d->n; i++) {
        if (!n || !atom_equal(&d->vals[n - 1], &d->vals[i])) {
            d->vals[n++] = d->vals[i];
        }
    }
    d->n = n;
}

/* Returns the index of the atom on 'sym' in 'c', or -1. */
static int
find_atom(const struct ovn_nclause *c, const struct ovn_symbol *sym)
{
    for (size_t i = 0; i < c->n_atoms; i++) {
        if (c->atoms[i].sym == sym) {
            return i;
        }
    }
    return -1;
}

/* Returns the index of the dimension on 'sym' in 'c', or -1. */
static int
find_dim(const struct ovn_nclause *c, const struct ovn_symbol *sym)
{
    for (size_t i = 0; i < c->n_dims; i++) {
        if (c->dims[i].sym == sym) {
            return i;
        }
    }
    return -1;
}

/* Removes dimension 'i' from 'c'. */
static void
remove_dim(struct ovn_nclause *c, size_t i)
{
    free(c->dims[i].vals);
    memmove(&c->dims[i], &c->dims[i + 1],
            (c->n_dims - i - 1) * sizeof *c->dims);
    c->n_dims--;
}

static bool clause_add_atom(struct ovn_nclause *, const struct ovn_atom *);

/* Returns true if every packet that satisfies integer atom 'b' also
 * satisfies integer atom 'a'. */
static bool
atom_implies(const struct ovn_atom *b, const struct ovn_atom *a)
{
    return (!a->string && !b->string
            && ovn_u128_eq(ovn_u128_and(a->mask, b->mask), a->mask)
            && ovn_u128_eq(ovn_u128_and(b->value, a->mask), a->value));
}

/* Removes from 'd' the values implied by other values (in "x == 1/1 ||
 * x == 3/3" the second is redundant).  Quadratic, so only for small
 * dimensions. */
static void
remove_subsumed(struct ovn_dim *d)
{
    if (d->n > 256) {
        return;
    }
    bool redundant[256];
    for (size_t i = 0; i < d->n; i++) {
        redundant[i] = false;
        for (size_t j = 0; j < d->n && !redundant[i]; j++) {
            /* Of two identical values, keep the first. */
            redundant[i] = (j != i
                            && atom_implies(&d->vals[i], &d->vals[j])
                            && (j < i || !atom_implies(&d->vals[j],
                                                       &d->vals[i])));
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (!redundant[i]) {
            d->vals[n++] = d->vals[i];
        }
    }
    d->n = n;
}

/* Installs dimension 'd' (moved) into 'c', which has no dimension or atom
 * on its field; a dimension of zero or one value degenerates.  Returns
 * false if 'c' became unsatisfiable. */
static bool
install_dim(struct ovn_nclause *c, struct ovn_dim *d)
{
    dim_sort_unique(d);
    remove_subsumed(d);
    if (d->n == 0) {
        free(d->vals);
        return false;
    } else if (d->n == 1) {
        struct ovn_atom a = d->vals[0];
        free(d->vals);
        return clause_add_atom(c, &a);
    }
    c->dims = xrealloc(c->dims, (c->n_dims + 1) * sizeof *c->dims);
    c->dims[c->n_dims++] = *d;
    return true;
}

/* Adds atom 'a' to 'c'.  Returns false if 'c' became unsatisfiable. */
static bool
clause_add_atom(struct ovn_nclause *c, const struct ovn_atom *a)
{
    int i = find_atom(c, a->sym);
    if (i >= 0) {
        return ovn_atom_merge(&c->atoms[i], a);
    }

    int j = find_dim(c, a->sym);
    if (j >= 0) {
        /* Restrict the dimension to the values consistent with 'a'. */
        struct ovn_dim old = c->dims[j];
        struct ovn_dim d = { .sym = a->sym, .vals = NULL, .n = 0 };
        size_t allocated = 0;
        for (size_t k = 0; k < old.n; k++) {
            struct ovn_atom v = old.vals[k];
            if (ovn_atom_merge(&v, a)) {
                dim_add(&d, &v, &allocated);
            }
        }
        remove_dim(c, j);
        return install_dim(c, &d);
    }

    c->atoms = xrealloc(c->atoms, (c->n_atoms + 1) * sizeof *c->atoms);
    c->atoms[c->n_atoms++] = *a;
    return true;
}

/* Adds (a copy of) dimension 'd' to 'c'.  Returns false if 'c' became
 * unsatisfiable. */
static bool
clause_add_dim(struct ovn_nclause *c, const struct ovn_dim *d, size_t max,
               char **errorp)
{
    struct ovn_dim nd = { .sym = d->sym, .vals = NULL, .n = 0 };
    size_t allocated = 0;

    int i = find_atom(c, d->sym);
    int j = find_dim(c, d->sym);
    if (i >= 0) {
        /* Every value absorbs the atom, which then becomes redundant. */
        struct ovn_atom atom = c->atoms[i];
        for (size_t k = 0; k < d->n; k++) {
            struct ovn_atom v = d->vals[k];
            if (ovn_atom_merge(&v, &atom)) {
                dim_add(&nd, &v, &allocated);
            }
        }
        memmove(&c->atoms[i], &c->atoms[i + 1],
                (c->n_atoms - i - 1) * sizeof *c->atoms);
        c->n_atoms--;
    } else if (j >= 0) {
        /* Intersect two dimensions on one field. */
        const struct ovn_dim *old = &c->dims[j];
        if (d->n && old->n > max / d->n) {
            *errorp = xasprintf("expression too complex: intersecting sets "
                                "of %"PRIuSIZE" and %"PRIuSIZE" values",
                                old->n, d->n);
            return false;
        }
        for (size_t k = 0; k < old->n; k++) {
            for (size_t m = 0; m < d->n; m++) {
                struct ovn_atom v = old->vals[k];
                if (ovn_atom_merge(&v, &d->vals[m])) {
                    dim_add(&nd, &v, &allocated);
                }
            }
        }
        remove_dim(c, j);
    } else {
        for (size_t k = 0; k < d->n; k++) {
            dim_add(&nd, &d->vals[k], &allocated);
        }
    }
    return install_dim(c, &nd);
}

/* Stores into '*r' the conjunction of 'a' and 'b'; returns false (leaving
 * '*r' empty) if it is unsatisfiable. */
static bool
clause_and(const struct ovn_nclause *a, const struct ovn_nclause *b,
           struct ovn_nclause *r, size_t max, char **errorp)
{
    *r = clause_clone(a);
    for (size_t i = 0; i < b->n_atoms; i++) {
        if (!clause_add_atom(r, &b->atoms[i])) {
            ovn_nclause_destroy(r);
            return false;
        }
    }
    for (size_t i = 0; i < b->n_dims; i++) {
        if (!clause_add_dim(r, &b->dims[i], max, errorp)) {
            ovn_nclause_destroy(r);
            return false;
        }
    }
    return true;
}

/* Returns the total number of tests in 'cl' (atoms plus dimension
 * values), which bounds the work of printing or translating it. */
static size_t
list_size(const struct ovn_nclause_list *cl)
{
    size_t n = 0;
    for (size_t i = 0; i < cl->n; i++) {
        n += cl->c[i].n_atoms;
        for (size_t k = 0; k < cl->c[i].n_dims; k++) {
            n += cl->c[i].dims[k].n;
        }
    }
    return n;
}

/* Normalizes 'e' into 'out'.  Returns false with '*errorp' set if the
 * result would exceed 'max' terms. */
static bool
normalize(const struct ovn_expr *e, size_t max, struct ovn_nclause_list *out,
          char **errorp)
{
    const struct ovn_expr *sub;
    struct ovn_nclause c;

    memset(out, 0, sizeof *out);
    switch (e->type) {
    case OVN_EXPR_T_BOOLEAN:
        if (e->boolean) {
            memset(&c, 0, sizeof c);
            list_push(out, &c);
        }
        return true;

    case OVN_EXPR_T_CMP: {
        struct ovn_atom a = {
            .sym = e->cmp.symbol,
            .value = e->cmp.value,
            .mask = e->cmp.mask,
            .string = e->cmp.string,
        };
        if (e->cmp.relop != OVN_REL_EQ) {
            *errorp = xasprintf("cannot normalize `%s' comparison (not "
                                "simplified)",
                                ovn_relop_to_string(e->cmp.relop));
            return false;
        }
        memset(&c, 0, sizeof c);
        clause_add_atom(&c, &a);
        list_push(out, &c);
        return true;
    }

    case OVN_EXPR_T_CONDITION:
        *errorp = xstrdup("cannot normalize unevaluated "
                          "is_chassis_resident()");
        return false;

    case OVN_EXPR_T_OR: {
        size_t size = 0;
        LIST_FOR_EACH (sub, node, &e->andor) {
            struct ovn_nclause_list sl;
            if (!normalize(sub, max, &sl, errorp)) {
                ovn_nclause_list_destroy(out);
                return false;
            }
            size += list_size(&sl);
            for (size_t i = 0; i < sl.n; i++) {
                list_push(out, &sl.c[i]);
            }
            free(sl.c);
            if (out->n > max
                || size > (max > SIZE_MAX / 4 ? SIZE_MAX : max * 4)) {
                *errorp = xasprintf("expression too complex: more than "
                                    "%"PRIuSIZE" terms", max);
                ovn_nclause_list_destroy(out);
                return false;
            }
        }

        /* An always-true term makes the whole disjunction true. */
        for (size_t i = 0; i < out->n; i++) {
            if (!out->c[i].n_atoms && !out->c[i].n_dims) {
                ovn_nclause_list_destroy(out);
                memset(&c, 0, sizeof c);
                list_push(out, &c);
                return true;
            }
        }

        /* Terms that each test one value of the same field form a
         * dimension. */
        const struct ovn_symbol *sym = NULL;
        for (size_t i = 0; i < out->n; i++) {
            const struct ovn_nclause *t = &out->c[i];
            const struct ovn_symbol *s
                = (t->n_atoms == 1 && !t->n_dims ? t->atoms[0].sym
                   : t->n_dims == 1 && !t->n_atoms ? t->dims[0].sym
                   : NULL);
            if (!s || (sym && s != sym)) {
                sym = NULL;
                break;
            }
            sym = s;
        }
        if (sym && out->n > 1) {
            struct ovn_dim d = { .sym = sym, .vals = NULL, .n = 0 };
            size_t allocated = 0;
            for (size_t i = 0; i < out->n; i++) {
                const struct ovn_nclause *t = &out->c[i];
                if (t->n_atoms) {
                    dim_add(&d, &t->atoms[0], &allocated);
                } else {
                    for (size_t k = 0; k < t->dims[0].n; k++) {
                        dim_add(&d, &t->dims[0].vals[k], &allocated);
                    }
                }
            }
            ovn_nclause_list_destroy(out);
            memset(&c, 0, sizeof c);
            if (install_dim(&c, &d)) {
                list_push(out, &c);
            } else {
                ovn_nclause_destroy(&c);
            }
        }
        return true;
    }

    case OVN_EXPR_T_AND: {
        memset(&c, 0, sizeof c);
        list_push(out, &c);
        LIST_FOR_EACH (sub, node, &e->andor) {
            struct ovn_nclause_list sl, product;
            if (!normalize(sub, max, &sl, errorp)) {
                ovn_nclause_list_destroy(out);
                return false;
            }
            memset(&product, 0, sizeof product);
            for (size_t i = 0; i < out->n; i++) {
                for (size_t j = 0; j < sl.n; j++) {
                    struct ovn_nclause r;
                    if (clause_and(&out->c[i], &sl.c[j], &r,
                                   max > SIZE_MAX / 64 ? SIZE_MAX : max * 64,
                                   errorp)) {
                        list_push(&product, &r);
                        if (product.n > max) {
                            *errorp = xasprintf("expression too complex: "
                                                "more than %"PRIuSIZE
                                                " terms", max);
                            ovn_nclause_list_destroy(&product);
                            ovn_nclause_list_destroy(&sl);
                            ovn_nclause_list_destroy(out);
                            return false;
                        }
                    } else if (*errorp) {
                        ovn_nclause_list_destroy(&product);
                        ovn_nclause_list_destroy(&sl);
                        ovn_nclause_list_destroy(out);
                        return false;
                    }
                }
            }
            ovn_nclause_list_destroy(&sl);
            ovn_nclause_list_destroy(out);
            *out = product;
            if (!out->n) {
                return true;
            }
            if (list_size(out) > (max > SIZE_MAX / 4 ? SIZE_MAX : max * 4)) {
                *errorp = xasprintf("expression too complex: more than "
                                    "%"PRIuSIZE" terms", max);
                ovn_nclause_list_destroy(out);
                return false;
            }
        }
        return true;
    }
    }
    return true;
}

/* Splits every term of 'cl' that has a dimension on a field that must be
 * multiplied out into one term per value. */
static bool
crossproduct(struct ovn_nclause_list *cl, size_t max, char **errorp)
{
    struct ovn_nclause_list out;

    memset(&out, 0, sizeof out);
    for (size_t i = 0; i < cl->n; i++) {
        struct ovn_nclause *c = &cl->c[i];
        int j = -1;
        for (size_t k = 0; k < c->n_dims; k++) {
            if (c->dims[k].sym->must_crossproduct) {
                j = k;
                break;
            }
        }
        if (j < 0) {
            list_push(&out, c);
            continue;
        }

        struct ovn_dim d = c->dims[j];
        c->dims[j].vals = NULL;
        remove_dim(c, j);
        for (size_t k = 0; k < d.n; k++) {
            struct ovn_nclause r = clause_clone(c);
            if (clause_add_atom(&r, &d.vals[k])) {
                list_push(&out, &r);
            } else {
                ovn_nclause_destroy(&r);
            }
        }
        free(d.vals);
        ovn_nclause_destroy(c);
        if (out.n > max) {
            break;
        }
    }
    free(cl->c);
    *cl = out;
    if (cl->n > max) {
        *errorp = xasprintf("expression too complex: more than %"PRIuSIZE
                            " terms", max);
        return false;
    }

    /* Repeat until no such dimension remains. */
    for (size_t i = 0; i < cl->n; i++) {
        for (size_t k = 0; k < cl->c[i].n_dims; k++) {
            if (cl->c[i].dims[k].sym->must_crossproduct) {
                return crossproduct(cl, max, errorp);
            }
        }
    }
    return true;
}

/* qsort() comparison function for atoms: by field, then value. */
static int
compare_atoms(const void *a_, const void *b_)
{
    const struct ovn_atom *a = a_, *b = b_;
    if (a->sym != b->sym) {
        return a->sym < b->sym ? -1 : 1;
    }
    if (a->string || b->string) {
        return strcmp(a->string ? a->string : "", b->string ? b->string : "");
    }
    if (!ovn_u128_eq(a->value, b->value)) {
        return ovn_u128_lt(a->value, b->value) ? -1 : 1;
    }
    if (!ovn_u128_eq(a->mask, b->mask)) {
        return ovn_u128_lt(a->mask, b->mask) ? -1 : 1;
    }
    return 0;
}

/* qsort() comparison function for dimensions: by field. */
static int
compare_dims(const void *a_, const void *b_)
{
    const struct ovn_dim *a = a_, *b = b_;
    return a->sym < b->sym ? -1 : a->sym > b->sym;
}

/* Returns true if clauses 'a' and 'b' (sorted) are identical. */
static bool
clause_equal(const struct ovn_nclause *a, const struct ovn_nclause *b)
{
    if (a->n_atoms != b->n_atoms || a->n_dims != b->n_dims) {
        return false;
    }
    for (size_t i = 0; i < a->n_atoms; i++) {
        if (!atom_equal(&a->atoms[i], &b->atoms[i])) {
            return false;
        }
    }
    for (size_t i = 0; i < a->n_dims; i++) {
        if (a->dims[i].sym != b->dims[i].sym
            || a->dims[i].n != b->dims[i].n) {
            return false;
        }
        for (size_t k = 0; k < a->dims[i].n; k++) {
            if (!atom_equal(&a->dims[i].vals[k], &b->dims[i].vals[k])) {
                return false;
            }
        }
    }
    return true;
}

/* Sorts the contents of each term and removes duplicate terms. */
static void
sort_and_dedup(struct ovn_nclause_list *cl)
{
    size_t n = 0;

    for (size_t i = 0; i < cl->n; i++) {
        struct ovn_nclause *c = &cl->c[i];
        if (c->n_atoms) {
            qsort(c->atoms, c->n_atoms, sizeof *c->atoms, compare_atoms);
        }
        for (size_t k = 0; k < c->n_dims; k++) {
            qsort(c->dims[k].vals, c->dims[k].n, sizeof *c->dims[k].vals,
                  compare_atoms);
        }
        if (c->n_dims) {
            qsort(c->dims, c->n_dims, sizeof *c->dims, compare_dims);
        }

        bool dup = false;
        for (size_t j = 0; j < n; j++) {
            if (clause_equal(&cl->c[j], c)) {
                dup = true;
                break;
            }
        }
        if (dup) {
            ovn_nclause_destroy(c);
        } else {
            cl->c[n++] = *c;
        }
    }
    cl->n = n;
}

/* Returns a comparison node for atom 'a'. */
static struct ovn_expr *
atom_to_expr(const struct ovn_atom *a)
{
    struct ovn_expr *e = xzalloc(sizeof *e);
    e->type = OVN_EXPR_T_CMP;
    e->cmp.symbol = a->sym;
    e->cmp.written = a->sym;
    e->cmp.relop = OVN_REL_EQ;
    e->cmp.value = a->value;
    e->cmp.mask = a->mask;
    e->cmp.string = nullable_xstrdup(a->string);
    return e;
}

/* Converts 'cl' into an expression tree. */
static struct ovn_expr *
list_to_expr(const struct ovn_nclause_list *cl)
{
    struct ovn_expr *result = NULL;

    if (!cl->n) {
        return ovn_expr_create_boolean(false);
    }
    for (size_t i = 0; i < cl->n; i++) {
        const struct ovn_nclause *c = &cl->c[i];
        struct ovn_expr *term = NULL;

        for (size_t k = 0; k < c->n_atoms; k++) {
            term = ovn_expr_combine(OVN_EXPR_T_AND, term,
                                    atom_to_expr(&c->atoms[k]));
        }
        for (size_t k = 0; k < c->n_dims; k++) {
            struct ovn_expr *d = ovn_expr_create_andor(OVN_EXPR_T_OR);
            for (size_t m = 0; m < c->dims[k].n; m++) {
                struct ovn_expr *v = atom_to_expr(&c->dims[k].vals[m]);
                ovs_list_push_back(&d->andor, &v->node);
            }
            if (!term || term->type != OVN_EXPR_T_AND) {
                /* Keep a lone dimension distinct from a list of terms. */
                struct ovn_expr *and = ovn_expr_create_andor(OVN_EXPR_T_AND);
                if (term) {
                    ovs_list_push_back(&and->andor, &term->node);
                }
                term = and;
            }
            ovs_list_push_back(&term->andor, &d->node);
        }
        if (!term) {
            term = ovn_expr_create_boolean(true);
        } else if (term->type == OVN_EXPR_T_AND
                   && ovs_list_is_singleton(&term->andor)
                   && cl->n == 1) {
            /* A single term that is just one dimension: print it as the
             * disjunction it is. */
            struct ovn_expr *only = CONTAINER_OF(ovs_list_front(&term->andor),
                                                 struct ovn_expr, node);
            ovs_list_remove(&only->node);
            free(term);
            term = only;
        }
        if (!result) {
            result = term;
        } else {
            if (i == 1) {
                struct ovn_expr *or = ovn_expr_create_andor(OVN_EXPR_T_OR);
                ovs_list_push_back(&or->andor, &result->node);
                result = or;
            }
            ovs_list_push_back(&result->andor, &term->node);
        }
    }
    return result;
}

/* Normalizes the simplified expression 'e' into 'out' (terms sorted and
 * deduplicated, fields that must be multiplied out multiplied out).
 * Returns NULL, or a malloc'd error. */
char *
ovn_expr_normalize_to_clauses(const struct ovn_expr *e, size_t max,
                              struct ovn_nclause_list *out)
{
    char *error = NULL;

    if (!max) {
        max = SIZE_MAX;
    }
    if (!normalize(e, max, out, &error) || !crossproduct(out, max, &error)) {
        ovn_nclause_list_destroy(out);
        return error;
    }
    if (list_size(out) > (max > SIZE_MAX / 4 ? SIZE_MAX : max * 4)) {
        ovn_nclause_list_destroy(out);
        return xasprintf("expression too complex: more than %"PRIuSIZE
                         " terms", max);
    }
    sort_and_dedup(out);
    return NULL;
}

/* Returns the normal form of the simplified expression 'e' (consumed), or
 * NULL with '*errorp' set to a malloc'd message if it would have more than
 * 'max_terms' terms (0 means no limit). */
struct ovn_expr *
ovn_expr_normalize(struct ovn_expr *e, size_t max_terms, char **errorp)
{
    struct ovn_nclause_list cl;

    *errorp = ovn_expr_normalize_to_clauses(e, max_terms, &cl);
    if (*errorp) {
        ovn_expr_destroy(e);
        return NULL;
    }
    struct ovn_expr *result = list_to_expr(&cl);
    ovn_nclause_list_destroy(&cl);
    ovn_expr_destroy(e);
    return result;
}

/* Returns true if 'e' is in the form ovn_expr_normalize() produces. */
bool
ovn_expr_is_normalized(const struct ovn_expr *e)
{
    const struct ovn_expr *sub, *v;

    switch (e->type) {
    case OVN_EXPR_T_BOOLEAN:
    case OVN_EXPR_T_CMP:
        return e->type == OVN_EXPR_T_BOOLEAN || e->cmp.relop == OVN_REL_EQ;
    case OVN_EXPR_T_AND:
        LIST_FOR_EACH (sub, node, &e->andor) {
            if (sub->type == OVN_EXPR_T_OR) {
                LIST_FOR_EACH (v, node, &sub->andor) {
                    if (v->type != OVN_EXPR_T_CMP
                        || v->cmp.relop != OVN_REL_EQ) {
                        return false;
                    }
                }
            } else if (sub->type != OVN_EXPR_T_CMP
                       || sub->cmp.relop != OVN_REL_EQ) {
                return false;
            }
        }
        return true;
    case OVN_EXPR_T_OR:
        LIST_FOR_EACH (sub, node, &e->andor) {
            if (sub->type == OVN_EXPR_T_OR || !ovn_expr_is_normalized(sub)) {
                return false;
            }
        }
        return true;
    case OVN_EXPR_T_CONDITION:
    default:
        return false;
    }
}
