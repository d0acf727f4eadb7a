/*
 * Internal representation of normalized match expressions, shared by
 * lib/ovn-expr-normalize.c and lib/ovn-expr-matches.c.  Not for use
 * outside lib/ovn-expr*.c.
 */
#ifndef OVN_EXPR_PRIVATE_H
#define OVN_EXPR_PRIVATE_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/types.h"

struct ovn_expr;
struct ovn_symbol;

/* A masked equality test on one (canonical) field, or an equality test
 * on a string field. */
struct ovn_atom {
    const struct ovn_symbol *sym;  /* Canonical field or string field. */
    ovs_u128 value;                /* Integer fields: value. */
    ovs_u128 mask;                 /* Integer fields: mask. */
    const char *string;            /* String fields: port name (not
                                    * owned). */
};

/* A disjunction of tests on one field. */
struct ovn_dim {
    const struct ovn_symbol *sym;  /* The field. */
    struct ovn_atom *vals;         /* The alternatives. */
    size_t n;                      /* Number of alternatives (>= 2). */
};

/* A term of the normal form: the conjunction of its atoms and of its
 * dimensions. */
struct ovn_nclause {
    struct ovn_atom *atoms;     /* At most one per field. */
    size_t n_atoms;             /* Number of atoms. */
    struct ovn_dim *dims;       /* At most one per field, not on a field
                                 * that also has an atom. */
    size_t n_dims;              /* Number of dimensions. */
};

/* A disjunction of terms. */
struct ovn_nclause_list {
    struct ovn_nclause *c;      /* The terms. */
    size_t n;                   /* Number of terms. */
    size_t allocated;           /* Allocated size of 'c'. */
};

void ovn_nclause_destroy(struct ovn_nclause *);
void ovn_nclause_list_destroy(struct ovn_nclause_list *);
bool ovn_atom_merge(struct ovn_atom *, const struct ovn_atom *);
char *ovn_expr_normalize_to_clauses(const struct ovn_expr *, size_t max,
                                    struct ovn_nclause_list *);

#endif /* lib/ovn-expr-private.h */
