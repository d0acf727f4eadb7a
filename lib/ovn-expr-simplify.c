/*
 * Simplifying match expressions: relational operators become masked
 * equality tests, registers move to their canonical storage, constants
 * fold, and is_chassis_resident() conditions are evaluated.
 */
#include <config.h>
#include "lib/ovn-expr.h"

#include <string.h>

#include "lib/ovn-lex.h"
#include "lib/ovn-symtab.h"
#include "util.h"

/* Returns 'a' + 1 (wrapping). */
static ovs_u128
u128_inc(ovs_u128 a)
{
    if (++a.u64.lo == 0) {
        a.u64.hi++;
    }
    return a;
}

/* Returns 'a' - 1 (wrapping). */
static ovs_u128
u128_dec(ovs_u128 a)
{
    if (a.u64.lo-- == 0) {
        a.u64.hi--;
    }
    return a;
}

/* Returns 'a' + 'b' (wrapping). */
static ovs_u128
u128_add(ovs_u128 a, ovs_u128 b)
{
    ovs_u128 r;
    r.u64.lo = a.u64.lo + b.u64.lo;
    r.u64.hi = a.u64.hi + b.u64.hi + (r.u64.lo < a.u64.lo);
    return r;
}

/* Returns a new EQ comparison of canonical field 'sym'. */
static struct ovn_expr *
new_eq(const struct ovn_symbol *sym, const struct ovn_symbol *written,
       ovs_u128 value, ovs_u128 mask)
{
    struct ovn_expr *e = xzalloc(sizeof *e);
    e->type = OVN_EXPR_T_CMP;
    e->cmp.symbol = sym;
    e->cmp.written = written;
    e->cmp.relop = OVN_REL_EQ;
    e->cmp.value = value;
    e->cmp.mask = mask;
    return e;
}

/* Moves comparison 'e' onto its symbol's canonical storage. */
static void
canonicalize(struct ovn_expr *e)
{
    const struct ovn_symbol *sym = e->cmp.symbol;
    if (sym->canon != sym && !sym->is_string) {
        e->cmp.value = ovn_u128_shl(e->cmp.value, sym->canon_ofs);
        e->cmp.mask = ovn_u128_shl(e->cmp.mask, sym->canon_ofs);
        e->cmp.symbol = sym->canon;
    }
}

/* Returns an OR of masked equality tests on 'cmp''s field covering the
 * values 'a' through 'b' (inclusive) of its 'n'-bit range starting at bit
 * 'lo'.  Consumes nothing. */
static struct ovn_expr *
interval_to_expr(const struct ovn_expr *cmp, int lo, int n, ovs_u128 a,
                 ovs_u128 b)
{
    ovs_u128 all = ovn_u128_low_mask(n);
    struct ovn_expr *result = NULL;

    if (ovn_u128_lt(b, a)) {
        return ovn_expr_create_boolean(false);
    }
    for (;;) {
        /* Largest aligned block starting at 'a' that fits in [a, b]. */
        int k = ovn_u128_is_zero(a) ? n : ovn_u128_lowest_bit(a);
        if (k > n) {
            k = n;
        }
        while (k > 0) {
            ovs_u128 last = u128_add(a, u128_dec(ovn_u128_shl(
                                                     ovn_u128_from_u64(1),
                                                     k)));
            if (k == 128) {
                last = OVS_U128_MAX;
            }
            if (!ovn_u128_lt(b, last)) {
                break;
            }
            k--;
        }
        if (k == n) {
            ovn_expr_destroy(result);
            return ovn_expr_create_boolean(true);
        }
        ovs_u128 mask = ovn_u128_and(all, ovn_u128_not(ovn_u128_low_mask(k)));
        struct ovn_expr *e = new_eq(cmp->cmp.symbol, cmp->cmp.written,
                                    ovn_u128_shl(a, lo),
                                    ovn_u128_shl(mask, lo));
        canonicalize(e);
        result = ovn_expr_combine(OVN_EXPR_T_OR, result, e);

        ovs_u128 last = u128_add(a, u128_dec(ovn_u128_shl(
                                                 ovn_u128_from_u64(1), k)));
        if (!ovn_u128_lt(last, b)) {
            break;
        }
        a = u128_inc(last);
    }
    return result;
}

/* Computes the interval [*a, *b] of values of the bits of 'e' (a
 * relational comparison) that satisfy it; returns false if empty. */
static bool
relop_interval(const struct ovn_expr *e, int *lo, int *n, ovs_u128 *a,
               ovs_u128 *b)
{
    *lo = ovn_u128_lowest_bit(e->cmp.mask);
    *n = ovn_u128_popcount(e->cmp.mask);
    ovs_u128 v = ovn_u128_shr(e->cmp.value, *lo);
    ovs_u128 max = ovn_u128_low_mask(*n);

    *a = OVS_U128_ZERO;
    *b = max;
    switch (e->cmp.relop) {
    case OVN_REL_LT:
        if (ovn_u128_is_zero(v)) {
            return false;
        }
        *b = u128_dec(v);
        break;
    case OVN_REL_LE:
        *b = v;
        break;
    case OVN_REL_GT:
        if (ovn_u128_eq(v, max)) {
            return false;
        }
        *a = u128_inc(v);
        break;
    case OVN_REL_GE:
        *a = v;
        break;
    case OVN_REL_EQ:
    case OVN_REL_NE:
    default:
        *a = *b = v;
        break;
    }
    return true;
}

/* Returns true if 'e' is an ordered (<, <=, >, >=) integer comparison. */
static bool
is_ordered_cmp(const struct ovn_expr *e)
{
    return (e->type == OVN_EXPR_T_CMP && !e->cmp.symbol->is_string
            && e->cmp.relop != OVN_REL_EQ && e->cmp.relop != OVN_REL_NE
            && !ovn_u128_is_zero(e->cmp.mask));
}

/* Simplifies integer comparison 'e' (consumed). */
static struct ovn_expr *
simplify_cmp(struct ovn_expr *e)
{
    if (e->cmp.symbol->is_string) {
        return e;
    }
    if (ovn_u128_is_zero(e->cmp.mask)) {
        bool b = e->cmp.relop == OVN_REL_EQ || e->cmp.relop == OVN_REL_LE
                 || e->cmp.relop == OVN_REL_GE;
        ovn_expr_destroy(e);
        return ovn_expr_create_boolean(b);
    }

    switch (e->cmp.relop) {
    case OVN_REL_EQ:
        canonicalize(e);
        return e;
    case OVN_REL_NE: {
        /* Some bit differs. */
        struct ovn_expr *result = NULL;
        ovs_u128 mask = e->cmp.mask;
        while (!ovn_u128_is_zero(mask)) {
            int i = ovn_u128_lowest_bit(mask);
            ovs_u128 bit = ovn_u128_bit(i);
            ovs_u128 v = ovn_u128_get_bit(e->cmp.value, i)
                         ? OVS_U128_ZERO : bit;
            struct ovn_expr *sub = new_eq(e->cmp.symbol, e->cmp.written, v,
                                          bit);
            canonicalize(sub);
            result = ovn_expr_combine(OVN_EXPR_T_OR, result, sub);
            mask = ovn_u128_and(mask, ovn_u128_not(bit));
        }
        ovn_expr_destroy(e);
        return result;
    }
    case OVN_REL_LT:
    case OVN_REL_LE:
    case OVN_REL_GT:
    case OVN_REL_GE: {
        int lo, n;
        ovs_u128 a, b;
        struct ovn_expr *result
            = (relop_interval(e, &lo, &n, &a, &b)
               ? interval_to_expr(e, lo, n, a, b)
               : ovn_expr_create_boolean(false));
        ovn_expr_destroy(e);
        return result;
    }
    }
    return e;
}

/* Within AND node 'e', replaces each group of ordered comparisons of the
 * same bits by a single comparison of the intersection of their intervals
 * (so "1024 <= tcp.src <= 49151" yields a minimal set of masks). */
static void
merge_intervals(struct ovn_expr *e)
{
    struct ovn_expr *x, *y;
    struct ovs_list *xn = e->andor.next;

    while (xn != &e->andor) {
        x = CONTAINER_OF(xn, struct ovn_expr, node);
        xn = xn->next;
        if (!is_ordered_cmp(x)) {
            continue;
        }
        int lo, n;
        ovs_u128 a, b;
        bool nonempty = relop_interval(x, &lo, &n, &a, &b);
        bool merged = false;

        for (y = CONTAINER_OF(x->node.next, struct ovn_expr, node);
             &y->node != &e->andor; ) {
            struct ovn_expr *next = CONTAINER_OF(y->node.next,
                                                 struct ovn_expr, node);
            if (is_ordered_cmp(y) && y->cmp.symbol == x->cmp.symbol
                && ovn_u128_eq(y->cmp.mask, x->cmp.mask)) {
                int lo2, n2;
                ovs_u128 a2, b2;
                if (!relop_interval(y, &lo2, &n2, &a2, &b2)) {
                    nonempty = false;
                }
                if (ovn_u128_lt(a, a2)) {
                    a = a2;
                }
                if (ovn_u128_lt(b2, b)) {
                    b = b2;
                }
                ovs_list_remove(&y->node);
                ovn_expr_destroy(y);
                merged = true;
            }
            y = next;
        }
        if (merged) {
            struct ovn_expr *r = (nonempty
                                  ? interval_to_expr(x, lo, n, a, b)
                                  : ovn_expr_create_boolean(false));
            ovs_list_replace(&r->node, &x->node);
            ovn_expr_destroy(x);
            xn = r->node.next;
        } else {
            xn = x->node.next;
        }
    }
}

/* Returns true if 'e' is "field != constant" on an integer field with a
 * contiguous mask, which excludes one interval of the bits from the
 * lowest masked bit up to the highest. */
static bool
is_interval_ne(const struct ovn_expr *e)
{
    if (e->type != OVN_EXPR_T_CMP || e->cmp.symbol->is_string
        || e->cmp.relop != OVN_REL_NE || ovn_u128_is_zero(e->cmp.mask)) {
        return false;
    }
    int lo = ovn_u128_lowest_bit(e->cmp.mask);
    int hi = ovn_u128_highest_bit(e->cmp.mask);
    return ovn_u128_popcount(e->cmp.mask) == hi - lo + 1;
}

/* An interval of values, for merge_ne_sets(). */
struct interval {
    ovs_u128 a, b;              /* Inclusive bounds. */
};

/* qsort() comparison function for intervals, by lower bound. */
static int
compare_intervals(const void *a_, const void *b_)
{
    const struct interval *a = a_, *b = b_;
    return (ovn_u128_lt(a->a, b->a) ? -1
            : ovn_u128_lt(b->a, a->a) ? 1
            : 0);
}

/* Within AND node 'e', replaces each group of two or more "!=" tests of the
 * same field whose masks are contiguous and end at the same bit (such as
 * "ip4.src != {10.0.0.1, 10.0.0.2, 192.168.0.0/16}") by the masked tests
 * that cover the complement of the excluded intervals.  Negating each test
 * bit by bit and multiplying out would grow exponentially. */
static void
merge_ne_sets(struct ovn_expr *e)
{
    struct ovs_list *xn = e->andor.next;

    while (xn != &e->andor) {
        struct ovn_expr *x = CONTAINER_OF(xn, struct ovn_expr, node);
        xn = xn->next;
        if (!is_interval_ne(x)) {
            continue;
        }

        /* Collect the group. */
        int hi = ovn_u128_highest_bit(x->cmp.mask);
        int lo = ovn_u128_lowest_bit(x->cmp.mask);
        size_t n = 0;
        struct ovn_expr *y;
        LIST_FOR_EACH (y, node, &e->andor) {
            if (is_interval_ne(y) && y->cmp.symbol == x->cmp.symbol
                && ovn_u128_highest_bit(y->cmp.mask) == hi) {
                int ylo = ovn_u128_lowest_bit(y->cmp.mask);
                lo = MIN(lo, ylo);
                n++;
            }
        }
        if (n < 2) {
            continue;
        }

        /* Excluded intervals, in units of bit 'lo', sorted and merged. */
        struct interval *iv = xmalloc(n * sizeof *iv);
        size_t k = 0;
        struct ovn_expr *next;
        LIST_FOR_EACH_SAFE (y, next, node, &e->andor) {
            if (is_interval_ne(y) && y->cmp.symbol == x->cmp.symbol
                && ovn_u128_highest_bit(y->cmp.mask) == hi && y != x) {
                int ylo = ovn_u128_lowest_bit(y->cmp.mask);
                iv[k].a = ovn_u128_shr(y->cmp.value, lo);
                iv[k].b = ovn_u128_or(iv[k].a,
                                      ovn_u128_low_mask(ylo - lo));
                k++;
                if (&y->node == xn) {
                    xn = xn->next;
                }
                ovs_list_remove(&y->node);
                ovn_expr_destroy(y);
            }
        }
        iv[k].a = ovn_u128_shr(x->cmp.value, lo);
        iv[k].b = ovn_u128_or(iv[k].a,
                              ovn_u128_low_mask(
                                  ovn_u128_lowest_bit(x->cmp.mask) - lo));
        k++;
        qsort(iv, k, sizeof *iv, compare_intervals);

        /* The gaps between the excluded intervals are allowed. */
        int width = hi - lo + 1;
        ovs_u128 max = ovn_u128_low_mask(width);
        struct ovn_expr *r = NULL;
        ovs_u128 next_allowed = OVS_U128_ZERO;
        bool done = false;
        for (size_t i = 0; i < k && !done; i++) {
            if (ovn_u128_lt(next_allowed, iv[i].a)) {
                r = ovn_expr_combine(OVN_EXPR_T_OR, r,
                                     interval_to_expr(x, lo, width,
                                                      next_allowed,
                                                      u128_dec(iv[i].a)));
            }
            if (ovn_u128_eq(iv[i].b, max)) {
                done = true;
            } else if (!ovn_u128_lt(iv[i].b, next_allowed)) {
                next_allowed = u128_inc(iv[i].b);
            }
        }
        if (!done) {
            r = ovn_expr_combine(OVN_EXPR_T_OR, r,
                                 interval_to_expr(x, lo, width, next_allowed,
                                                  max));
        }
        free(iv);
        if (!r) {
            r = ovn_expr_create_boolean(false);
        }
        ovs_list_replace(&r->node, &x->node);
        ovn_expr_destroy(x);
        xn = r->node.next;
    }
}

/* Simplifies 'e' (consumed). */
static struct ovn_expr *
simplify(struct ovn_expr *e)
{
    switch (e->type) {
    case OVN_EXPR_T_CMP:
        return simplify_cmp(e);
    case OVN_EXPR_T_AND:
    case OVN_EXPR_T_OR: {
        bool is_and = e->type == OVN_EXPR_T_AND;
        struct ovs_list children;
        struct ovn_expr *sub, *result = NULL;

        if (is_and) {
            merge_intervals(e);
            merge_ne_sets(e);
        }
        ovs_list_move(&children, &e->andor);
        enum ovn_expr_type type = e->type;
        free(e);

        LIST_FOR_EACH_POP (sub, node, &children) {
            sub = simplify(sub);
            if (sub->type == OVN_EXPR_T_BOOLEAN) {
                if (sub->boolean != is_and) {
                    /* false in AND, true in OR: decides the result. */
                    ovn_expr_destroy(sub);
                    ovn_expr_destroy(result);
                    LIST_FOR_EACH_POP (sub, node, &children) {
                        ovn_expr_destroy(sub);
                    }
                    return ovn_expr_create_boolean(!is_and);
                }
                ovn_expr_destroy(sub);
                continue;
            }
            result = ovn_expr_combine(type, result, sub);
        }
        return result ? result : ovn_expr_create_boolean(is_and);
    }
    case OVN_EXPR_T_BOOLEAN:
    case OVN_EXPR_T_CONDITION:
    default:
        return e;
    }
}

/* Returns 'e' (consumed) with relational operators replaced by masked
 * equality tests, fields moved to their canonical storage, and constants
 * folded.  Never fails. */
struct ovn_expr *
ovn_expr_simplify(struct ovn_expr *e)
{
    return simplify(e);
}

/* Returns 'e' (consumed) with every is_chassis_resident() replaced by its
 * value according to 'is_chassis_resident' (false if it is NULL). */
struct ovn_expr *
ovn_expr_evaluate_conditions(struct ovn_expr *e,
                             bool (*is_chassis_resident)(const void *aux,
                                                         const char *port),
                             const void *aux)
{
    switch (e->type) {
    case OVN_EXPR_T_CONDITION: {
        bool b = (is_chassis_resident
                  && is_chassis_resident(aux, e->cond.port));
        b = b != e->cond.negated;
        ovn_expr_destroy(e);
        return ovn_expr_create_boolean(b);
    }
    case OVN_EXPR_T_AND:
    case OVN_EXPR_T_OR: {
        struct ovn_expr *sub;
        LIST_FOR_EACH_SAFE (sub, node, &e->andor) {
            struct ovs_list *prev = sub->node.prev;
            ovs_list_remove(&sub->node);
            sub = ovn_expr_evaluate_conditions(sub, is_chassis_resident,
                                               aux);
            ovs_list_insert(prev->next, &sub->node);
        }
        return simplify(e);
    }
    case OVN_EXPR_T_CMP:
    case OVN_EXPR_T_BOOLEAN:
    default:
        return e;
    }
}
