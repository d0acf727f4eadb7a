/*
 * Match expressions of the logical-flow language.
 *
 * The pipeline from text to OpenFlow is:
 *
 *   ovn_expr_parse()      text -> tree; predicates and subfields expanded,
 *                         sets, address sets and port groups expanded,
 *                         negations pushed down to the comparisons.
 *   ovn_expr_annotate()   adds each field's prerequisites.
 *   ovn_expr_simplify()   relational operators become masked equality
 *                         tests; registers map onto their canonical
 *                         128-bit storage; constants fold.
 *   ovn_expr_evaluate_conditions()  is_chassis_resident() -> true/false.
 *   ovn_expr_normalize()  disjunctive normal form, keeping a disjunction
 *                         over one field as a unit ("dimension") so that
 *                         conjunctions of large sets need not be
 *                         multiplied out.
 *   ovn_expr_to_matches() OpenFlow matches, using conjunctive matches
 *                         (conjunction(id,k/n)) where a term has two or
 *                         more dimensions.
 *
 * Each step consumes its input and returns a new tree; errors are returned
 * as malloc'd strings, never by aborting.
 */
#ifndef OVN_EXPR_H
#define OVN_EXPR_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/list.h"
#include "openvswitch/match.h"
#include "openvswitch/types.h"

struct ds;
struct flow;
struct mf_field;
union mf_value;
struct shash;
struct ovn_lexer;
struct ovn_symbol;

/* Expression node types. */
enum ovn_expr_type {
    OVN_EXPR_T_CMP,             /* field relop constant. */
    OVN_EXPR_T_AND,             /* Conjunction of two or more subexprs. */
    OVN_EXPR_T_OR,              /* Disjunction of two or more subexprs. */
    OVN_EXPR_T_BOOLEAN,         /* Constant true or false. */
    OVN_EXPR_T_CONDITION,       /* is_chassis_resident("port"). */
};

/* Relational operators. */
enum ovn_relop {
    OVN_REL_EQ,                 /* == */
    OVN_REL_NE,                 /* != */
    OVN_REL_LT,                 /* < */
    OVN_REL_LE,                 /* <= */
    OVN_REL_GT,                 /* > */
    OVN_REL_GE,                 /* >= */
};

const char *ovn_relop_to_string(enum ovn_relop);

/* An expression node. */
struct ovn_expr {
    struct ovs_list node;       /* In parent's 'andor' list. */
    enum ovn_expr_type type;    /* Node type. */
    union {
        /* OVN_EXPR_T_CMP. */
        struct {
            const struct ovn_symbol *symbol;  /* A field symbol (never a
                                               * subfield or predicate). */
            const struct ovn_symbol *written; /* Symbol as written (may be
                                               * a subfield); its
                                               * prerequisites apply. */
            enum ovn_relop relop;             /* Comparison. */
            ovs_u128 value;                   /* Integer fields: value and
                                               * mask, bit 0 = symbol's
                                               * LSB.  For <, <=, >, >= the
                                               * mask is one contiguous
                                               * range and 'value' lies in
                                               * it. */
            ovs_u128 mask;
            char *string;                     /* String fields: the port
                                               * name. */
        } cmp;

        /* OVN_EXPR_T_AND, OVN_EXPR_T_OR: list of struct ovn_expr. */
        struct ovs_list andor;

        /* OVN_EXPR_T_BOOLEAN. */
        bool boolean;

        /* OVN_EXPR_T_CONDITION. */
        struct {
            char *port;         /* Logical port name. */
            bool negated;       /* True for !is_chassis_resident(). */
        } cond;
    };
};

/* Construction and destruction. */
struct ovn_expr *ovn_expr_create_boolean(bool);
struct ovn_expr *ovn_expr_create_andor(enum ovn_expr_type);
struct ovn_expr *ovn_expr_combine(enum ovn_expr_type, struct ovn_expr *a,
                                  struct ovn_expr *b);
struct ovn_expr *ovn_expr_clone(const struct ovn_expr *);
void ovn_expr_destroy(struct ovn_expr *);
struct ovn_expr *ovn_expr_negate(struct ovn_expr *);
void ovn_expr_format(const struct ovn_expr *, struct ds *);
char *ovn_expr_to_string(const struct ovn_expr *);

/* Parsing.  'addr_sets' maps names to struct sset * of address strings,
 * 'port_groups' maps names to struct sset * of port names; either may be
 * NULL, in which case every reference to it is an empty set.  With a
 * nonzero 'dp_key', "@name" first looks up "<dp_key>_name" (the names
 * ovn-northd gives southbound Port_Group rows, one per datapath), then
 * "name". */
char *ovn_expr_parse(const char *, const struct shash *addr_sets,
                     const struct shash *port_groups,
                     struct ovn_expr **exprp);
char *ovn_expr_parse_dp(const char *, const struct shash *addr_sets,
                        const struct shash *port_groups, uint32_t dp_key,
                        struct ovn_expr **exprp);
struct ovn_expr *ovn_expr_parse_lexer(struct ovn_lexer *,
                                      const struct shash *addr_sets,
                                      const struct shash *port_groups,
                                      uint32_t dp_key);

/* Transformations (each consumes its argument). */
struct ovn_expr *ovn_expr_annotate(struct ovn_expr *, char **errorp);
struct ovn_expr *ovn_expr_simplify(struct ovn_expr *);
struct ovn_expr *ovn_expr_evaluate_conditions(
    struct ovn_expr *,
    bool (*is_chassis_resident)(const void *aux, const char *port),
    const void *aux);
struct ovn_expr *ovn_expr_normalize(struct ovn_expr *, size_t max_terms,
                                    char **errorp);
bool ovn_expr_is_normalized(const struct ovn_expr *);

/* Evaluates 'expr' (at any stage) against the packet 'flow'. */
bool ovn_expr_evaluate(const struct ovn_expr *, const struct flow *,
                       bool (*lookup_port)(const void *aux,
                                           const char *port,
                                           uint32_t *key),
                       const void *aux);

/* One conjunction(id, clause/n_clauses) action. */
struct ovn_expr_conj {
    uint32_t id;                /* Conjunction id. */
    uint8_t clause;             /* 1-based dimension number. */
    uint8_t n_clauses;          /* Number of dimensions. */
};

/* One OpenFlow match produced from an expression. */
struct ovn_expr_match {
    struct ovs_list list_node;  /* In a list of matches. */
    struct match match;         /* The match. */
    struct ovn_expr_conj *conjs;  /* Conjunction actions; if 'n_conjs' is
                                   * nonzero the flow's only actions are
                                   * these, otherwise it gets the logical
                                   * flow's actions. */
    size_t n_conjs;             /* Number of 'conjs'. */
};

char *ovn_expr_to_matches(const struct ovn_expr *normalized,
                          bool (*lookup_port)(const void *aux,
                                              const char *port,
                                              uint32_t *key),
                          const void *aux, uint32_t conj_id_base,
                          size_t max_flows, struct ovs_list *matches,
                          uint32_t *n_conj_ids);
void ovn_expr_match_format(const struct ovn_expr_match *, struct ds *);
void ovn_expr_matches_destroy(struct ovs_list *matches);

/* Converts between ovs_u128 values and OVS field values. */
void ovn_expr_u128_to_mf_value(const struct mf_field *, ovs_u128,
                               union mf_value *);
ovs_u128 ovn_expr_mf_value_to_u128(const struct mf_field *,
                                   const union mf_value *);

#endif /* lib/ovn-expr.h */
