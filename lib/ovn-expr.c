/*
 * Match expressions: construction, destruction, copying, negation,
 * printing and direct evaluation against a packet.
 */
#include <config.h>
#include "lib/ovn-expr.h"

#include <string.h>

#include "lib/ovn-lex.h"
#include "lib/ovn-symtab.h"
#include "byte-order.h"
#include "flow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/meta-flow.h"
#include "util.h"

/* Returns the text of 'relop'. */
const char *
ovn_relop_to_string(enum ovn_relop relop)
{
    switch (relop) {
    case OVN_REL_EQ: return "==";
    case OVN_REL_NE: return "!=";
    case OVN_REL_LT: return "<";
    case OVN_REL_LE: return "<=";
    case OVN_REL_GT: return ">";
    case OVN_REL_GE: return ">=";
    }
    return "?";
}

/* Returns a new Boolean constant. */
struct ovn_expr *
ovn_expr_create_boolean(bool b)
{
    struct ovn_expr *e = xzalloc(sizeof *e);
    e->type = OVN_EXPR_T_BOOLEAN;
    e->boolean = b;
    return e;
}

/* Returns a new empty AND or OR node. */
struct ovn_expr *
ovn_expr_create_andor(enum ovn_expr_type type)
{
    struct ovn_expr *e = xzalloc(sizeof *e);
    e->type = type;
    ovs_list_init(&e->andor);
    return e;
}

/* Returns 'a' combined with 'b' by 'type' (AND or OR), flattening nested
 * nodes of the same type.  Either may be NULL (then the other is
 * returned). */
struct ovn_expr *
ovn_expr_combine(enum ovn_expr_type type, struct ovn_expr *a,
                 struct ovn_expr *b)
{
    if (!a) {
        return b;
    } else if (!b) {
        return a;
    } else if (a->type == type) {
        if (b->type == type) {
            ovs_list_splice(&a->andor, b->andor.next, &b->andor);
            free(b);
        } else {
            ovs_list_push_back(&a->andor, &b->node);
        }
        return a;
    } else if (b->type == type) {
        ovs_list_push_front(&b->andor, &a->node);
        return b;
    } else {
        struct ovn_expr *e = ovn_expr_create_andor(type);
        ovs_list_push_back(&e->andor, &a->node);
        ovs_list_push_back(&e->andor, &b->node);
        return e;
    }
}

/* Returns a deep copy of 'e'. */
struct ovn_expr *
ovn_expr_clone(const struct ovn_expr *e)
{
    struct ovn_expr *c = xmemdup(e, sizeof *e);
    switch (e->type) {
    case OVN_EXPR_T_CMP:
        c->cmp.string = nullable_xstrdup(e->cmp.string);
        break;
    case OVN_EXPR_T_AND:
    case OVN_EXPR_T_OR: {
        const struct ovn_expr *sub;
        ovs_list_init(&c->andor);
        LIST_FOR_EACH (sub, node, &e->andor) {
            struct ovn_expr *s = ovn_expr_clone(sub);
            ovs_list_push_back(&c->andor, &s->node);
        }
        break;
    }
    case OVN_EXPR_T_BOOLEAN:
        break;
    case OVN_EXPR_T_CONDITION:
        c->cond.port = xstrdup(e->cond.port);
        break;
    }
    return c;
}

/* Frees 'e' and its subexpressions.  Accepts NULL. */
void
ovn_expr_destroy(struct ovn_expr *e)
{
    if (!e) {
        return;
    }
    switch (e->type) {
    case OVN_EXPR_T_CMP:
        free(e->cmp.string);
        break;
    case OVN_EXPR_T_AND:
    case OVN_EXPR_T_OR: {
        struct ovn_expr *sub;
        LIST_FOR_EACH_SAFE (sub, node, &e->andor) {
            ovs_list_remove(&sub->node);
            ovn_expr_destroy(sub);
        }
        break;
    }
    case OVN_EXPR_T_BOOLEAN:
        break;
    case OVN_EXPR_T_CONDITION:
        free(e->cond.port);
        break;
    }
    free(e);
}

/* Returns the logical negation of 'e' (consumed), with the negation
 * pushed down to the leaves. */
struct ovn_expr *
ovn_expr_negate(struct ovn_expr *e)
{
    static const enum ovn_relop inverse[] = {
        [OVN_REL_EQ] = OVN_REL_NE, [OVN_REL_NE] = OVN_REL_EQ,
        [OVN_REL_LT] = OVN_REL_GE, [OVN_REL_GE] = OVN_REL_LT,
        [OVN_REL_LE] = OVN_REL_GT, [OVN_REL_GT] = OVN_REL_LE,
    };

    switch (e->type) {
    case OVN_EXPR_T_CMP:
        e->cmp.relop = inverse[e->cmp.relop];
        break;
    case OVN_EXPR_T_AND:
    case OVN_EXPR_T_OR: {
        struct ovn_expr *sub;
        e->type = e->type == OVN_EXPR_T_AND ? OVN_EXPR_T_OR : OVN_EXPR_T_AND;
        LIST_FOR_EACH_SAFE (sub, node, &e->andor) {
            struct ovs_list *prev = sub->node.prev;
            ovs_list_remove(&sub->node);
            sub = ovn_expr_negate(sub);
            ovs_list_insert(prev->next, &sub->node);
        }
        break;
    }
    case OVN_EXPR_T_BOOLEAN:
        e->boolean = !e->boolean;
        break;
    case OVN_EXPR_T_CONDITION:
        e->cond.negated = !e->cond.negated;
        break;
    }
    return e;
}

/* Printing. */

/* Returns the lexer format used to print values of 'sym'. */
static enum ovn_lex_format
symbol_format(const struct ovn_symbol *sym)
{
    switch (sym->field->string) {
    case MFS_ETHERNET:
        return OVN_LEX_F_ETHERNET;
    case MFS_IPV4:
        return OVN_LEX_F_IPV4;
    case MFS_IPV6:
        return OVN_LEX_F_IPV6;
    case MFS_DECIMAL:
        return OVN_LEX_F_DECIMAL;
    case MFS_HEXADECIMAL:
    case MFS_CT_STATE:
    case MFS_FRAG:
    case MFS_OFP_PORT:
    case MFS_OFP_PORT_OXM:
    case MFS_TNL_FLAGS:
    case MFS_TCP_FLAGS:
    case MFS_PACKET_TYPE:
    default:
        return OVN_LEX_F_HEXADECIMAL;
    }
}

/* Returns true if 'mask' is one contiguous run of 1-bits. */
static bool
mask_is_contiguous(ovs_u128 mask)
{
    int lo = ovn_u128_lowest_bit(mask);
    int hi = ovn_u128_highest_bit(mask);
    return hi >= 0 && ovn_u128_popcount(mask) == hi - lo + 1;
}

/* Appends integer comparison 'e' to 's', using the most specific name for
 * the bits it tests. */
static void
format_int_cmp(const struct ovn_expr *e, struct ds *s)
{
    const struct ovn_symbol *sym = e->cmp.symbol;
    ovs_u128 value = e->cmp.value;
    ovs_u128 mask = e->cmp.mask;
    const char *op = ovn_relop_to_string(e->cmp.relop);

    if (ovn_u128_is_zero(mask)) {
        ds_put_format(s, "%s[] %s 0", sym->name, op);
        return;
    }

    int lo = ovn_u128_lowest_bit(mask);
    int hi = ovn_u128_highest_bit(mask);
    const struct ovn_symbol *best
        = ovn_symtab_best_name(sym->canon, sym->canon_ofs + lo,
                               sym->canon_ofs + hi);
    int d = sym->canon_ofs - best->canon_ofs;
    if (d >= 0) {
        value = ovn_u128_shl(value, d);
        mask = ovn_u128_shl(mask, d);
    } else {
        value = ovn_u128_shr(value, -d);
        mask = ovn_u128_shr(mask, -d);
    }
    lo = ovn_u128_lowest_bit(mask);
    hi = ovn_u128_highest_bit(mask);

    enum ovn_lex_format fmt = symbol_format(best->parent ? best->parent
                                            : best);
    bool is_address = (fmt == OVN_LEX_F_IPV4 || fmt == OVN_LEX_F_IPV6
                       || fmt == OVN_LEX_F_ETHERNET);
    bool full = ovn_u128_eq(mask, ovn_u128_low_mask(best->width));

    if (full && best->kind == OVN_SYM_SUBFIELD) {
        is_address = false;
    }
    if (full) {
        if (best->width == 1 && (e->cmp.relop == OVN_REL_EQ
                                 || e->cmp.relop == OVN_REL_NE)) {
            bool positive = (e->cmp.relop == OVN_REL_EQ) == value.u64.lo;
            ds_put_format(s, "%s%s", positive ? "" : "!", best->name);
            return;
        }
        ds_put_format(s, "%s %s ", best->name, op);
        ovn_lex_format_integer(is_address ? fmt
                               : fmt == OVN_LEX_F_DECIMAL
                               ? OVN_LEX_F_DECIMAL : OVN_LEX_F_HEXADECIMAL,
                               value, s);
    } else if (is_address && (e->cmp.relop == OVN_REL_EQ
                              || e->cmp.relop == OVN_REL_NE)) {
        ds_put_format(s, "%s %s ", best->name, op);
        ovn_lex_format_masked_integer(fmt, value, mask, s);
    } else if (mask_is_contiguous(mask)) {
        value = ovn_u128_shr(value, lo);
        if (lo == hi && (e->cmp.relop == OVN_REL_EQ
                         || e->cmp.relop == OVN_REL_NE)) {
            bool positive = (e->cmp.relop == OVN_REL_EQ) == value.u64.lo;
            ds_put_format(s, "%s%s[%d]", positive ? "" : "!", best->name,
                          lo);
            return;
        }
        if (lo == hi) {
            ds_put_format(s, "%s[%d] %s ", best->name, lo, op);
        } else {
            ds_put_format(s, "%s[%d..%d] %s ", best->name, lo, hi, op);
        }
        ovn_lex_format_integer(fmt == OVN_LEX_F_DECIMAL ? fmt
                               : OVN_LEX_F_HEXADECIMAL, value, s);
    } else {
        ds_put_format(s, "%s %s ", best->name, op);
        ovn_lex_format_masked_integer(is_address ? fmt
                                      : OVN_LEX_F_HEXADECIMAL,
                                      value, mask, s);
    }
}

/* Appends 'str' to 's' in double quotes. */
static void
format_quoted(const char *str, struct ds *s)
{
    struct ovn_lex_token t;
    ovn_lex_token_init(&t);
    t.type = OVN_LEX_T_STRING;
    t.s = CONST_CAST(char *, str);
    ovn_lex_token_format(&t, s);
}

/* Appends 'e' to 's', parenthesized if 'parent' requires it. */
static void
format_expr(const struct ovn_expr *e, enum ovn_expr_type parent,
            struct ds *s)
{
    switch (e->type) {
    case OVN_EXPR_T_CMP:
        if (e->cmp.symbol->is_string) {
            ds_put_format(s, "%s %s ", e->cmp.symbol->name,
                          ovn_relop_to_string(e->cmp.relop));
            format_quoted(e->cmp.string, s);
        } else {
            format_int_cmp(e, s);
        }
        break;
    case OVN_EXPR_T_AND:
    case OVN_EXPR_T_OR: {
        const struct ovn_expr *sub;
        bool parens = parent == OVN_EXPR_T_AND || parent == OVN_EXPR_T_OR;
        bool first = true;
        if (parens) {
            ds_put_char(s, '(');
        }
        LIST_FOR_EACH (sub, node, &e->andor) {
            if (!first) {
                ds_put_cstr(s, e->type == OVN_EXPR_T_AND ? " && " : " || ");
            }
            first = false;
            format_expr(sub, e->type, s);
        }
        if (parens) {
            ds_put_char(s, ')');
        }
        break;
    }
    case OVN_EXPR_T_BOOLEAN:
        ds_put_char(s, e->boolean ? '1' : '0');
        break;
    case OVN_EXPR_T_CONDITION:
        ds_put_format(s, "%sis_chassis_resident(",
                      e->cond.negated ? "!" : "");
        format_quoted(e->cond.port, s);
        ds_put_char(s, ')');
        break;
    }
}

/* Appends 'e' to 's' in the syntax of the language. */
void
ovn_expr_format(const struct ovn_expr *e, struct ds *s)
{
    format_expr(e, OVN_EXPR_T_BOOLEAN, s);
}

/* Returns 'e' as a malloc'd string. */
char *
ovn_expr_to_string(const struct ovn_expr *e)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    ovn_expr_format(e, &s);
    return ds_steal_cstr(&s);
}

/* Conversions between ovs_u128 and OVS field values. */

/* Stores 'x' into 'value' in the layout of field 'mf' (at most 16 bytes
 * wide). */
void
ovn_expr_u128_to_mf_value(const struct mf_field *mf, ovs_u128 x,
                          union mf_value *value)
{
    ovs_be128 be = hton128(x);
    memset(value, 0, sizeof *value);
    ovs_assert(mf->n_bytes <= sizeof be);
    memcpy(value->b, (uint8_t *) &be + sizeof be - mf->n_bytes,
           mf->n_bytes);
}

/* Returns the value of field 'mf' stored in 'value'. */
ovs_u128
ovn_expr_mf_value_to_u128(const struct mf_field *mf,
                          const union mf_value *value)
{
    ovs_be128 be;
    memset(&be, 0, sizeof be);
    ovs_assert(mf->n_bytes <= sizeof be);
    memcpy((uint8_t *) &be + sizeof be - mf->n_bytes, value->b,
           mf->n_bytes);
    return ntoh128(be);
}

/* Evaluation. */

/* Evaluates comparison 'e' against 'flow'. */
static bool
evaluate_cmp(const struct ovn_expr *e, const struct flow *flow,
             bool (*lookup_port)(const void *, const char *, uint32_t *),
             const void *aux)
{
    const struct ovn_symbol *sym = e->cmp.symbol;
    union mf_value mv;
    mf_get_value(sym->field, flow, &mv);
    ovs_u128 x = ovn_u128_shr(ovn_expr_mf_value_to_u128(sym->field, &mv),
                              sym->ofs);
    x = ovn_u128_and(x, ovn_u128_low_mask(sym->width));

    if (sym->is_string) {
        uint32_t key;
        bool eq = (lookup_port && lookup_port(aux, e->cmp.string, &key)
                   && x.u64.lo == key);
        return e->cmp.relop == OVN_REL_EQ ? eq : !eq;
    }

    ovs_u128 mask = e->cmp.mask;
    ovs_u128 got = ovn_u128_and(x, mask);
    int lo = ovn_u128_lowest_bit(mask);
    if (lo >= 128) {
        lo = 0;
    }
    ovs_u128 a = ovn_u128_shr(got, lo);
    ovs_u128 b = ovn_u128_shr(e->cmp.value, lo);
    switch (e->cmp.relop) {
    case OVN_REL_EQ: return ovn_u128_eq(got, e->cmp.value);
    case OVN_REL_NE: return !ovn_u128_eq(got, e->cmp.value);
    case OVN_REL_LT: return ovn_u128_lt(a, b);
    case OVN_REL_LE: return !ovn_u128_lt(b, a);
    case OVN_REL_GT: return ovn_u128_lt(b, a);
    case OVN_REL_GE: return !ovn_u128_lt(a, b);
    }
    return false;
}

/* Returns the value of 'e' for packet 'flow'.  String comparisons look up
 * port names with 'lookup_port' (an unknown port never matches).
 * is_chassis_resident() conditions evaluate as false. */
bool
ovn_expr_evaluate(const struct ovn_expr *e, const struct flow *flow,
                  bool (*lookup_port)(const void *aux, const char *port,
                                      uint32_t *key),
                  const void *aux)
{
    const struct ovn_expr *sub;

    switch (e->type) {
    case OVN_EXPR_T_CMP:
        return evaluate_cmp(e, flow, lookup_port, aux);
    case OVN_EXPR_T_AND:
        LIST_FOR_EACH (sub, node, &e->andor) {
            if (!ovn_expr_evaluate(sub, flow, lookup_port, aux)) {
                return false;
            }
        }
        return true;
    case OVN_EXPR_T_OR:
        LIST_FOR_EACH (sub, node, &e->andor) {
            if (ovn_expr_evaluate(sub, flow, lookup_port, aux)) {
                return true;
            }
        }
        return false;
    case OVN_EXPR_T_BOOLEAN:
        return e->boolean;
    case OVN_EXPR_T_CONDITION:
        return e->cond.negated;
    }
    return false;
}
