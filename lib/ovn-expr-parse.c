/*
 * Parsing match expressions, and annotating them with prerequisites.
 */
#include <config.h>
#include "lib/ovn-expr.h"

#include <string.h>

#include "lib/ovn-lex.h"
#include "lib/ovn-symtab.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/shash.h"
#include "sset.h"
#include "util.h"

/* Bound on nesting (parentheses, negations, predicate expansions), so that
 * hostile input cannot exhaust the stack. */
#define MAX_DEPTH 64

/* Parser state. */
struct parse_ctx {
    struct ovn_lexer *lexer;          /* Token source. */
    const struct shash *addr_sets;    /* Address sets, or NULL. */
    const struct shash *port_groups;  /* Port groups, or NULL. */
    uint32_t dp_key;                  /* Datapath for port groups, or 0. */
    int depth;                        /* Current nesting depth. */
};

/* One constant in a set. */
struct constant {
    bool masked;                /* Written with a mask or prefix. */
    ovs_u128 value;             /* Integer value. */
    ovs_u128 mask;              /* Integer mask (all ones if unmasked). */
    char *string;               /* String constant, or NULL. */
};

/* A set of constants: a single constant, { ... }, $set or @group. */
struct constant_set {
    struct constant *values;    /* The constants. */
    size_t n;                   /* Number of constants. */
    size_t allocated;           /* Allocated size of 'values'. */
    bool is_set;                /* Written as a set (not one constant). */
};

/* A reference to a field or a range of its bits. */
struct field_ref {
    const struct ovn_symbol *symbol;   /* Field (never a subfield). */
    const struct ovn_symbol *written;  /* As written. */
    int lo, hi;                        /* Bit range within 'symbol'. */
};

static struct ovn_expr *parse_or_and(struct parse_ctx *);
static struct ovn_expr *parse_not(struct parse_ctx *);

/* Frees the contents of 'cs'. */
static void
constant_set_destroy(struct constant_set *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        free(cs->values[i].string);
    }
    free(cs->values);
    memset(cs, 0, sizeof *cs);
}

/* Appends a new constant to 'cs' and returns it. */
static struct constant *
constant_set_add(struct constant_set *cs)
{
    if (cs->n >= cs->allocated) {
        cs->values = x2nrealloc(cs->values, &cs->allocated,
                                sizeof *cs->values);
    }
    struct constant *c = &cs->values[cs->n++];
    memset(c, 0, sizeof *c);
    return c;
}

/* Returns true if the current token can start a constant. */
static bool
is_constant_token(const struct ovn_lexer *lexer)
{
    switch (lexer->token.type) {
    case OVN_LEX_T_INTEGER:
    case OVN_LEX_T_MASKED_INTEGER:
    case OVN_LEX_T_STRING:
    case OVN_LEX_T_LCURLY:
    case OVN_LEX_T_ADDRESS_SET:
    case OVN_LEX_T_PORT_GROUP:
        return true;
    default:
        return false;
    }
}

/* Adds the single constant token at the lexer to 'cs' and consumes it. */
static bool
parse_one_constant(struct parse_ctx *ctx, struct constant_set *cs)
{
    const struct ovn_lex_token *t = &ctx->lexer->token;
    struct constant *c;

    switch (t->type) {
    case OVN_LEX_T_INTEGER:
    case OVN_LEX_T_MASKED_INTEGER:
        c = constant_set_add(cs);
        c->masked = t->type == OVN_LEX_T_MASKED_INTEGER;
        c->value = t->value;
        c->mask = t->mask;
        break;
    case OVN_LEX_T_STRING:
        c = constant_set_add(cs);
        c->string = xstrdup(t->s);
        break;
    default:
        ovn_lexer_syntax_error(ctx->lexer, "expecting constant");
        return false;
    }
    ovn_lexer_get(ctx->lexer);
    return true;
}

/* Adds the addresses in address set 'name' to 'cs'. */
static bool
add_address_set(struct parse_ctx *ctx, const char *name,
                struct constant_set *cs)
{
    const struct sset *set;
    const char *addr;

    if (!ctx->addr_sets) {
        return true;
    }
    set = shash_find_data(ctx->addr_sets, name);
    if (!set) {
        ovn_lexer_error(ctx->lexer, "unknown address set `%s'", name);
        return false;
    }
    SSET_FOR_EACH (addr, set) {
        struct ovn_lexer lex;
        ovn_lexer_init(&lex, addr);
        ovn_lexer_get(&lex);
        if ((lex.token.type == OVN_LEX_T_INTEGER
             || lex.token.type == OVN_LEX_T_MASKED_INTEGER)
            && ovn_lexer_lookahead(&lex) == OVN_LEX_T_END) {
            struct constant *c = constant_set_add(cs);
            c->masked = lex.token.type == OVN_LEX_T_MASKED_INTEGER;
            c->value = lex.token.value;
            c->mask = lex.token.mask;
            ovn_lexer_destroy(&lex);
        } else {
            ovn_lexer_destroy(&lex);
            ovn_lexer_error(ctx->lexer, "address set `%s' contains invalid "
                            "address `%s'", name, addr);
            return false;
        }
    }
    return true;
}

/* Adds the ports in port group 'name' to 'cs'. */
static bool
add_port_group(struct parse_ctx *ctx, const char *name,
               struct constant_set *cs)
{
    const struct sset *set;
    const char *port;

    if (!ctx->port_groups) {
        return true;
    }
    set = NULL;
    if (ctx->dp_key) {
        char *dp_name = xasprintf("%"PRIu32"_%s", ctx->dp_key, name);
        set = shash_find_data(ctx->port_groups, dp_name);
        free(dp_name);
    }
    if (!set) {
        set = shash_find_data(ctx->port_groups, name);
    }
    if (!set) {
        ovn_lexer_error(ctx->lexer, "unknown port group `%s'", name);
        return false;
    }
    SSET_FOR_EACH (port, set) {
        constant_set_add(cs)->string = xstrdup(port);
    }
    return true;
}

/* Parses a constant, a set of constants in braces, an address set or a
 * port group into 'cs'. */
static bool
parse_constant_set(struct parse_ctx *ctx, struct constant_set *cs)
{
    struct ovn_lexer *lexer = ctx->lexer;
    char *name;
    bool ok;

    memset(cs, 0, sizeof *cs);
    switch (lexer->token.type) {
    case OVN_LEX_T_LCURLY:
        cs->is_set = true;
        ovn_lexer_get(lexer);
        while (!ovn_lexer_match(lexer, OVN_LEX_T_RCURLY)) {
            if (lexer->token.type == OVN_LEX_T_ADDRESS_SET
                || lexer->token.type == OVN_LEX_T_PORT_GROUP) {
                name = xstrdup(lexer->token.s);
                ok = (lexer->token.type == OVN_LEX_T_ADDRESS_SET
                      ? add_address_set(ctx, name, cs)
                      : add_port_group(ctx, name, cs));
                free(name);
                if (!ok) {
                    return false;
                }
                ovn_lexer_get(lexer);
            } else if (!parse_one_constant(ctx, cs)) {
                return false;
            }
            ovn_lexer_match(lexer, OVN_LEX_T_COMMA);
        }
        return true;
    case OVN_LEX_T_ADDRESS_SET:
    case OVN_LEX_T_PORT_GROUP:
        cs->is_set = true;
        name = xstrdup(lexer->token.s);
        ok = (lexer->token.type == OVN_LEX_T_ADDRESS_SET
              ? add_address_set(ctx, name, cs)
              : add_port_group(ctx, name, cs));
        free(name);
        if (ok) {
            ovn_lexer_get(lexer);
        }
        return ok;
    default:
        return parse_one_constant(ctx, cs);
    }
}

/* Returns the relational operator for token 'type', or -1. */
static int
token_to_relop(enum ovn_lex_type type)
{
    switch (type) {
    case OVN_LEX_T_EQ: return OVN_REL_EQ;
    case OVN_LEX_T_NE: return OVN_REL_NE;
    case OVN_LEX_T_LT: return OVN_REL_LT;
    case OVN_LEX_T_LE: return OVN_REL_LE;
    case OVN_LEX_T_GT: return OVN_REL_GT;
    case OVN_LEX_T_GE: return OVN_REL_GE;
    default: return -1;
    }
}

/* Returns the operator that gives the same result with operands swapped. */
static enum ovn_relop
reverse_relop(enum ovn_relop relop)
{
    switch (relop) {
    case OVN_REL_LT: return OVN_REL_GT;
    case OVN_REL_LE: return OVN_REL_GE;
    case OVN_REL_GT: return OVN_REL_LT;
    case OVN_REL_GE: return OVN_REL_LE;
    case OVN_REL_EQ:
    case OVN_REL_NE:
    default:
        return relop;
    }
}

/* Parses a field name with optional [lo..hi] at the lexer into 'f'. */
static bool
parse_field(struct parse_ctx *ctx, const struct ovn_symbol *sym,
            struct field_ref *f)
{
    struct ovn_lexer *lexer = ctx->lexer;

    f->written = sym;
    if (sym->kind == OVN_SYM_SUBFIELD) {
        f->symbol = sym->parent;
        f->lo = sym->ofs - sym->parent->ofs;
    } else {
        f->symbol = sym;
        f->lo = 0;
    }
    f->hi = f->lo + sym->width - 1;
    ovn_lexer_get(lexer);

    if (ovn_lexer_match(lexer, OVN_LEX_T_LSQUARE)) {
        int a, b;
        if (!sym->ordinal) {
            ovn_lexer_error(lexer, "cannot select bits of %s field `%s'",
                            sym->is_string ? "string" : "nominal",
                            sym->name);
            return false;
        }
        if (!ovn_lexer_force_int(lexer, &a)) {
            return false;
        }
        b = a;
        if (ovn_lexer_match(lexer, OVN_LEX_T_ELLIPSIS)
            && !ovn_lexer_force_int(lexer, &b)) {
            return false;
        }
        if (b < a || b >= sym->width) {
            ovn_lexer_error(lexer, "invalid bit range %d..%d for %d-bit "
                            "field `%s'", a, b, sym->width, sym->name);
            return false;
        }
        if (!ovn_lexer_force_match(lexer, OVN_LEX_T_RSQUARE)) {
            return false;
        }
        f->lo += a;
        f->hi = f->lo + (b - a);
    }
    return true;
}

/* Returns a new comparison node. */
static struct ovn_expr *
new_cmp(const struct field_ref *f, enum ovn_relop relop)
{
    struct ovn_expr *e = xzalloc(sizeof *e);
    e->type = OVN_EXPR_T_CMP;
    e->cmp.symbol = f->symbol;
    e->cmp.written = f->written;
    e->cmp.relop = relop;
    return e;
}

/* Builds the expression "f relop cs", or reports an error and returns
 * NULL. */
static struct ovn_expr *
make_cmp(struct parse_ctx *ctx, const struct field_ref *f,
         enum ovn_relop relop, const struct constant_set *cs)
{
    struct ovn_lexer *lexer = ctx->lexer;
    const struct ovn_symbol *sym = f->symbol;
    int n_bits = f->hi - f->lo + 1;
    ovs_u128 field_mask = ovn_u128_low_mask(n_bits);
    const char *name = f->written->name;

    if (relop != OVN_REL_EQ && relop != OVN_REL_NE) {
        if (!sym->ordinal) {
            ovn_lexer_error(lexer, "only == and != can compare %s field "
                            "`%s'", sym->is_string ? "string" : "nominal",
                            name);
            return NULL;
        }
        if (cs->is_set) {
            ovn_lexer_error(lexer, "only == and != can compare `%s' with "
                            "a set", name);
            return NULL;
        }
        if (cs->n == 1 && cs->values[0].masked) {
            ovn_lexer_error(lexer, "only == and != can compare `%s' with "
                            "a masked constant", name);
            return NULL;
        }
    }

    struct ovn_expr *result
        = ovn_expr_create_andor(relop == OVN_REL_NE ? OVN_EXPR_T_AND
                                : OVN_EXPR_T_OR);
    for (size_t i = 0; i < cs->n; i++) {
        const struct constant *c = &cs->values[i];
        struct ovn_expr *e;

        if (sym->is_string) {
            if (!c->string) {
                ovn_lexer_error(lexer, "string field `%s' compared with "
                                "an integer", name);
                goto error;
            }
            e = new_cmp(f, relop);
            e->cmp.string = xstrdup(c->string);
        } else {
            if (c->string) {
                ovn_lexer_error(lexer, "integer field `%s' compared with "
                                "a string", name);
                goto error;
            }
            if (!ovn_u128_is_zero(ovn_u128_and(c->value,
                                               ovn_u128_not(field_mask)))) {
                ovn_lexer_error(lexer, "constant is too wide for %d-bit "
                                "field `%s'", n_bits, name);
                goto error;
            }
            ovs_u128 mask = field_mask;
            if (c->masked) {
                if (!sym->ordinal) {
                    ovn_lexer_error(lexer, "nominal field `%s' cannot be "
                                    "compared with a masked constant",
                                    name);
                    goto error;
                }
                if (!ovn_u128_is_zero(ovn_u128_and(c->mask,
                                                   ovn_u128_not(field_mask)))
                    && !ovn_u128_eq(c->mask, OVS_U128_MAX)) {
                    ovn_lexer_error(lexer, "mask is too wide for %d-bit "
                                    "field `%s'", n_bits, name);
                    goto error;
                }
                mask = ovn_u128_and(c->mask, field_mask);
            }
            e = new_cmp(f, relop);
            e->cmp.value = ovn_u128_shl(c->value, f->lo);
            e->cmp.mask = ovn_u128_shl(mask, f->lo);
        }
        ovs_list_push_back(&result->andor, &e->node);
    }

    /* Empty set: "x == {}" is false, "x != {}" is true. */
    if (ovs_list_is_empty(&result->andor)) {
        ovn_expr_destroy(result);
        return ovn_expr_create_boolean(relop == OVN_REL_NE);
    }
    if (ovs_list_is_singleton(&result->andor)) {
        struct ovn_expr *only = CONTAINER_OF(ovs_list_pop_front(
                                                 &result->andor),
                                             struct ovn_expr, node);
        free(result);
        return only;
    }
    return result;

error:
    ovn_expr_destroy(result);
    return NULL;
}

/* Parses the expansion of predicate 'sym'. */
static struct ovn_expr *
expand_predicate(struct parse_ctx *ctx, const struct ovn_symbol *sym)
{
    struct ovn_lexer lexer;
    struct parse_ctx sub = {
        .lexer = &lexer,
        .addr_sets = NULL,
        .port_groups = NULL,
        .dp_key = 0,
        .depth = ctx->depth + 1,
    };
    struct ovn_expr *e;

    ovn_lexer_init(&lexer, sym->expansion);
    ovn_lexer_get(&lexer);
    e = parse_or_and(&sub);
    if (e && !ovn_lexer_force_end(&lexer)) {
        ovn_expr_destroy(e);
        e = NULL;
    }
    if (!e) {
        char *error = ovn_lexer_steal_error(&lexer);
        ovn_lexer_error(ctx->lexer, "error in expansion of `%s': %s",
                        sym->name, error ? error : "?");
        free(error);
    }
    ovn_lexer_destroy(&lexer);
    return e;
}

/* Parses a comparison whose first operand is a constant set:
 * "c relop field" or "c relop field relop c". */
static struct ovn_expr *
parse_constant_first(struct parse_ctx *ctx, bool negated)
{
    struct ovn_lexer *lexer = ctx->lexer;
    struct constant_set cs1, cs2;
    struct field_ref f;
    struct ovn_expr *e = NULL;
    int relop1, relop2;

    if (!parse_constant_set(ctx, &cs1)) {
        constant_set_destroy(&cs1);
        return NULL;
    }
    relop1 = token_to_relop(lexer->token.type);
    if (relop1 < 0) {
        ovn_lexer_syntax_error(lexer, "expecting relational operator");
        goto out1;
    }
    if (negated) {
        ovn_lexer_error(lexer, "missing parentheses around relational "
                        "expression after `!'");
        goto out1;
    }
    ovn_lexer_get(lexer);
    if (lexer->token.type != OVN_LEX_T_ID) {
        ovn_lexer_syntax_error(lexer, "expecting field name");
        goto out1;
    }
    const struct ovn_symbol *sym = ovn_symtab_lookup(lexer->token.s);
    if (!sym || sym->kind == OVN_SYM_PREDICATE) {
        ovn_lexer_error(lexer, sym ? "predicate `%s' cannot be compared"
                        : "unknown field `%s'", lexer->token.s);
        goto out1;
    }
    if (!parse_field(ctx, sym, &f)) {
        goto out1;
    }
    e = make_cmp(ctx, &f, reverse_relop(relop1), &cs1);
    if (!e) {
        goto out1;
    }

    relop2 = token_to_relop(lexer->token.type);
    if (relop2 >= 0) {
        /* "a <= f <= b": both operators must point the same way. */
        bool up1 = relop1 == OVN_REL_LT || relop1 == OVN_REL_LE;
        bool up2 = relop2 == OVN_REL_LT || relop2 == OVN_REL_LE;
        bool down1 = relop1 == OVN_REL_GT || relop1 == OVN_REL_GE;
        bool down2 = relop2 == OVN_REL_GT || relop2 == OVN_REL_GE;
        if (!((up1 && up2) || (down1 && down2))) {
            ovn_lexer_error(lexer, "range comparisons must use `<' or `<=' "
                            "both times, or `>' or `>=' both times");
            ovn_expr_destroy(e);
            e = NULL;
            goto out1;
        }
        ovn_lexer_get(lexer);
        if (!parse_constant_set(ctx, &cs2)) {
            ovn_expr_destroy(e);
            e = NULL;
            goto out2;
        }
        struct ovn_expr *e2 = make_cmp(ctx, &f, relop2, &cs2);
        if (!e2) {
            ovn_expr_destroy(e);
            e = NULL;
            goto out2;
        }
        e = ovn_expr_combine(OVN_EXPR_T_AND, e, e2);
out2:
        constant_set_destroy(&cs2);
    }
out1:
    constant_set_destroy(&cs1);
    return e;
}

/* Parses a term starting with a name. */
static struct ovn_expr *
parse_name_term(struct parse_ctx *ctx, bool negated)
{
    struct ovn_lexer *lexer = ctx->lexer;
    const struct ovn_symbol *sym;

    if (!strcmp(lexer->token.s, "is_chassis_resident")
        && ovn_lexer_lookahead(lexer) == OVN_LEX_T_LPAREN) {
        ovn_lexer_get(lexer);
        ovn_lexer_get(lexer);
        if (lexer->token.type != OVN_LEX_T_STRING) {
            ovn_lexer_syntax_error(lexer, "expecting port name string");
            return NULL;
        }
        struct ovn_expr *e = xzalloc(sizeof *e);
        e->type = OVN_EXPR_T_CONDITION;
        e->cond.port = xstrdup(lexer->token.s);
        ovn_lexer_get(lexer);
        if (!ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN)) {
            ovn_expr_destroy(e);
            return NULL;
        }
        return e;
    }

    sym = ovn_symtab_lookup(lexer->token.s);
    if (!sym) {
        ovn_lexer_error(lexer, "unknown field `%s'", lexer->token.s);
        return NULL;
    }

    if (sym->kind == OVN_SYM_PREDICATE) {
        ovn_lexer_get(lexer);
        struct ovn_expr *e = expand_predicate(ctx, sym);
        int relop = token_to_relop(lexer->token.type);
        if (e && relop >= 0) {
            /* "pred == 1", "pred != 0", ... */
            if (negated) {
                ovn_lexer_error(lexer, "missing parentheses around "
                                "relational expression after `!'");
            } else if (relop != OVN_REL_EQ && relop != OVN_REL_NE) {
                ovn_lexer_error(lexer, "predicate `%s' may only be compared "
                                "with == or !=", sym->name);
            } else if (ovn_lexer_get(lexer) != OVN_LEX_T_INTEGER
                       || lexer->token.value.u64.hi
                       || lexer->token.value.u64.lo > 1) {
                ovn_lexer_error(lexer, "predicate `%s' may only be compared "
                                "with 0 or 1", sym->name);
            } else {
                if ((relop == OVN_REL_EQ) != lexer->token.value.u64.lo) {
                    e = ovn_expr_negate(e);
                }
                ovn_lexer_get(lexer);
                return e;
            }
            ovn_expr_destroy(e);
            return NULL;
        }
        return e;
    }

    struct field_ref f;
    if (!parse_field(ctx, sym, &f)) {
        return NULL;
    }
    int relop = token_to_relop(lexer->token.type);
    if (relop < 0) {
        /* A bare 1-bit field means "field == 1". */
        if (f.hi != f.lo) {
            ovn_lexer_error(lexer, "explicit comparison required for "
                            "%d-bit field `%s'", f.hi - f.lo + 1, sym->name);
            return NULL;
        }
        struct ovn_expr *e = new_cmp(&f, OVN_REL_EQ);
        e->cmp.value = e->cmp.mask = ovn_u128_bit(f.lo);
        return e;
    }
    if (negated) {
        ovn_lexer_error(lexer, "missing parentheses around relational "
                        "expression after `!'");
        return NULL;
    }
    ovn_lexer_get(lexer);

    struct constant_set cs;
    if (!parse_constant_set(ctx, &cs)) {
        constant_set_destroy(&cs);
        return NULL;
    }
    struct ovn_expr *e = make_cmp(ctx, &f, relop, &cs);
    constant_set_destroy(&cs);
    return e;
}

/* Parses one term; 'negated' is true right after a `!'. */
static struct ovn_expr *
parse_term(struct parse_ctx *ctx, bool negated)
{
    struct ovn_lexer *lexer = ctx->lexer;
    struct ovn_expr *e;

    if (++ctx->depth > MAX_DEPTH) {
        ovn_lexer_error(lexer, "expression nested too deeply");
        return NULL;
    }

    switch (lexer->token.type) {
    case OVN_LEX_T_LPAREN:
        ovn_lexer_get(lexer);
        e = parse_or_and(ctx);
        if (e && !ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN)) {
            ovn_expr_destroy(e);
            e = NULL;
        }
        break;
    case OVN_LEX_T_LOG_NOT:
        e = parse_not(ctx);
        break;
    case OVN_LEX_T_ID:
        e = parse_name_term(ctx, negated);
        break;
    case OVN_LEX_T_INTEGER:
        if (lexer->token.format == OVN_LEX_F_DECIMAL
            && !lexer->token.value.u64.hi && lexer->token.value.u64.lo <= 1
            && token_to_relop(ovn_lexer_lookahead(lexer)) < 0) {
            e = ovn_expr_create_boolean(lexer->token.value.u64.lo);
            ovn_lexer_get(lexer);
            break;
        }
        /* fall through */
    default:
        if (is_constant_token(lexer)) {
            e = parse_constant_first(ctx, negated);
        } else {
            ovn_lexer_syntax_error(lexer, "expecting field name, constant, "
                                   "`(' or `!'");
            e = NULL;
        }
        break;
    }
    ctx->depth--;
    return e;
}

/* Parses "!term" or "term". */
static struct ovn_expr *
parse_not(struct parse_ctx *ctx)
{
    if (ovn_lexer_match(ctx->lexer, OVN_LEX_T_LOG_NOT)) {
        if (++ctx->depth > MAX_DEPTH) {
            ovn_lexer_error(ctx->lexer, "expression nested too deeply");
            return NULL;
        }
        struct ovn_expr *e = parse_term(ctx, true);
        ctx->depth--;
        return e ? ovn_expr_negate(e) : NULL;
    }
    return parse_term(ctx, false);
}

/* Parses terms joined by && or by || (mixing requires parentheses). */
static struct ovn_expr *
parse_or_and(struct parse_ctx *ctx)
{
    struct ovn_lexer *lexer = ctx->lexer;
    struct ovn_expr *e = parse_not(ctx);

    if (!e) {
        return NULL;
    }
    enum ovn_lex_type op = lexer->token.type;
    if (op != OVN_LEX_T_LOG_AND && op != OVN_LEX_T_LOG_OR) {
        return e;
    }
    enum ovn_expr_type type = (op == OVN_LEX_T_LOG_AND ? OVN_EXPR_T_AND
                               : OVN_EXPR_T_OR);
    struct ovn_expr *result = ovn_expr_create_andor(type);
    ovs_list_push_back(&result->andor, &e->node);
    while (ovn_lexer_match(lexer, op)) {
        e = parse_not(ctx);
        if (!e) {
            ovn_expr_destroy(result);
            return NULL;
        }
        ovs_list_push_back(&result->andor, &e->node);
    }
    if (lexer->token.type == OVN_LEX_T_LOG_AND
        || lexer->token.type == OVN_LEX_T_LOG_OR) {
        ovn_lexer_error(lexer, "`&&' and `||' must be parenthesized when "
                        "used together");
        ovn_expr_destroy(result);
        return NULL;
    }
    return result;
}

/* Checks that string fields are only tested for equality in the positive
 * sense (after negations have been pushed down). */
static char *
check_nominal(const struct ovn_expr *e)
{
    const struct ovn_expr *sub;

    switch (e->type) {
    case OVN_EXPR_T_CMP:
        if (e->cmp.relop == OVN_REL_NE
            && (e->cmp.symbol->is_string || !e->cmp.symbol->ordinal)) {
            return xasprintf("`%s' is a nominal field: it can only be "
                             "tested for equality (counting enclosing `!')",
                             e->cmp.written->name);
        }
        return NULL;
    case OVN_EXPR_T_AND:
    case OVN_EXPR_T_OR:
        LIST_FOR_EACH (sub, node, &e->andor) {
            char *error = check_nominal(sub);
            if (error) {
                return error;
            }
        }
        return NULL;
    case OVN_EXPR_T_BOOLEAN:
    case OVN_EXPR_T_CONDITION:
    default:
        return NULL;
    }
}

/* Parses an expression from 'lexer', whose current token must be its
 * first.  Returns NULL on error, leaving the error in the lexer. */
struct ovn_expr *
ovn_expr_parse_lexer(struct ovn_lexer *lexer, const struct shash *addr_sets,
                     const struct shash *port_groups, uint32_t dp_key)
{
    struct parse_ctx ctx = {
        .lexer = lexer,
        .addr_sets = addr_sets,
        .port_groups = port_groups,
        .dp_key = dp_key,
        .depth = 0,
    };
    struct ovn_expr *e = parse_or_and(&ctx);
    if (e) {
        char *error = check_nominal(e);
        if (error) {
            ovn_lexer_error(lexer, "%s", error);
            free(error);
            ovn_expr_destroy(e);
            e = NULL;
        }
    }
    return e;
}

/* Parses match expression 's'.  On success stores the expression in
 * '*exprp' and returns NULL; on failure stores NULL and returns a malloc'd
 * error message. */
char *
ovn_expr_parse(const char *s, const struct shash *addr_sets,
               const struct shash *port_groups, struct ovn_expr **exprp)
{
    return ovn_expr_parse_dp(s, addr_sets, port_groups, 0, exprp);
}

/* Like ovn_expr_parse(), resolving port groups for datapath 'dp_key' (see
 * ovn-expr.h). */
char *
ovn_expr_parse_dp(const char *s, const struct shash *addr_sets,
                  const struct shash *port_groups, uint32_t dp_key,
                  struct ovn_expr **exprp)
{
    struct ovn_lexer lexer;
    struct ovn_expr *e;
    char *error;

    ovn_lexer_init(&lexer, s);
    ovn_lexer_get(&lexer);
    e = ovn_expr_parse_lexer(&lexer, addr_sets, port_groups, dp_key);
    if (e && !ovn_lexer_force_end(&lexer)) {
        ovn_expr_destroy(e);
        e = NULL;
    }
    error = ovn_lexer_steal_error(&lexer);
    if (!e && !error) {
        error = xstrdup("invalid expression");
    } else if (e && error) {
        ovn_expr_destroy(e);
        e = NULL;
    }
    ovn_lexer_destroy(&lexer);
    *exprp = e;
    return error;
}

/* Annotation with prerequisites. */

static struct ovn_expr *annotate(struct ovn_expr *, int depth, char **errorp);

/* Returns the parsed and annotated prerequisites of symbol 'sym' (and of
 * the field it is part of), or NULL if there are none.  On error, sets
 * '*errorp'. */
static struct ovn_expr *
symbol_prereqs(const struct ovn_symbol *sym, int depth, char **errorp)
{
    struct ovn_expr *result = NULL;

    for (; sym; sym = sym->parent) {
        if (!sym->prereqs) {
            continue;
        }
        struct ovn_expr *p;
        char *error = ovn_expr_parse(sym->prereqs, NULL, NULL, &p);
        if (error) {
            *errorp = xasprintf("error in prerequisites of `%s': %s",
                                sym->name, error);
            free(error);
            ovn_expr_destroy(result);
            return NULL;
        }
        p = annotate(p, depth + 1, errorp);
        if (!p) {
            ovn_expr_destroy(result);
            return NULL;
        }
        result = ovn_expr_combine(OVN_EXPR_T_AND, result, p);
    }
    return result;
}

/* Returns the symbol that all the children of 'e' compare, if they are all
 * comparisons of the same written symbol, otherwise NULL. */
static const struct ovn_symbol *
common_symbol(const struct ovn_expr *e)
{
    const struct ovn_symbol *sym = NULL;
    const struct ovn_expr *sub;

    LIST_FOR_EACH (sub, node, &e->andor) {
        if (sub->type != OVN_EXPR_T_CMP
            || (sym && sym != sub->cmp.written)) {
            return NULL;
        }
        sym = sub->cmp.written;
    }
    return sym;
}

/* Adds prerequisites throughout 'e' (consumed). */
static struct ovn_expr *
annotate(struct ovn_expr *e, int depth, char **errorp)
{
    const struct ovn_symbol *sym;
    struct ovn_expr *p;

    if (depth > MAX_DEPTH) {
        *errorp = xstrdup("prerequisites nested too deeply");
        ovn_expr_destroy(e);
        return NULL;
    }

    switch (e->type) {
    case OVN_EXPR_T_CMP:
        sym = e->cmp.written;
        break;
    case OVN_EXPR_T_AND:
    case OVN_EXPR_T_OR:
        /* A set comparison "f == {a, b, ...}" gets one copy of f's
         * prerequisites rather than one per element. */
        sym = common_symbol(e);
        if (!sym) {
            struct ovs_list children;
            struct ovn_expr *sub;

            ovs_list_move(&children, &e->andor);
            ovs_list_init(&e->andor);
            LIST_FOR_EACH_POP (sub, node, &children) {
                sub = *errorp ? sub : annotate(sub, depth, errorp);
                if (sub) {
                    if (*errorp) {
                        ovn_expr_destroy(sub);
                    } else {
                        ovs_list_push_back(&e->andor, &sub->node);
                    }
                }
            }
            if (*errorp) {
                ovn_expr_destroy(e);
                return NULL;
            }
            return e;
        }
        break;
    case OVN_EXPR_T_BOOLEAN:
    case OVN_EXPR_T_CONDITION:
    default:
        return e;
    }

    p = symbol_prereqs(sym, depth, errorp);
    if (*errorp) {
        ovn_expr_destroy(e);
        return NULL;
    }
    return p ? ovn_expr_combine(OVN_EXPR_T_AND, e, p) : e;
}

/* Returns 'e' (consumed) with the prerequisites of every field it uses
 * added, or NULL with '*errorp' set to a malloc'd error. */
struct ovn_expr *
ovn_expr_annotate(struct ovn_expr *e, char **errorp)
{
    *errorp = NULL;
    return annotate(e, 0, errorp);
}
