/*
 * Logical-flow actions: parser (text -> struct ovn_actions).
 */
#include <config.h>
#include "lib/ovn-actions.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "lib/ovn-actions-private.h"
#include "lib/ovn-lex.h"
#include "lib/ovn-symtab.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "packets.h"
#include "sset.h"
#include "util.h"

/* Parser state. */
struct action_context {
    struct ovn_lexer *lexer;    /* Token source. */
    const struct ovnact_parse_params *pp; /* Parameters. */
    struct sset prereqs;        /* Prerequisite expressions seen. */
    int depth;                  /* Nesting depth of { } blocks. */
    bool after_block;           /* Last action ended with "}". */
    bool in_ct_commit;          /* Parsing inside ct_commit { }. */
};

static bool parse_actions(struct action_context *, struct ovn_actions *,
                          enum ovn_lex_type terminator);

/* Records prerequisite expression 'prereq' (may be NULL or empty). */
static void
add_prereq(struct action_context *ctx, const char *prereq)
{
    if (prereq && prereq[0]) {
        sset_add(&ctx->prereqs, prereq);
    }
}

/* Returns true if the current token is identifier 'id' (without consuming
 * it). */
static bool
is_id(const struct action_context *ctx, const char *id)
{
    return (ctx->lexer->token.type == OVN_LEX_T_ID
            && !strcmp(ctx->lexer->token.s, id));
}

/* Fields. ---------------------------------------------------------------- */

/* See lib/ovn-actions-private.h. */
bool
ovnact_lookup_field(const char *name, struct ovnact_field_info *info)
{
    const struct ovn_symbol *sym = ovn_symtab_lookup(name);

    memset(info, 0, sizeof *info);
    if (!sym) {
        return false;
    }
    if (sym->kind == OVN_SYM_PREDICATE) {
        info->is_predicate = true;
        return true;
    }
    ovn_symbol_to_subfield(sym, &info->sf);
    info->is_string = sym->is_string;
    info->rw = sym->rw;
    info->ordinal = sym->ordinal;
    info->prereqs = sym->prereqs;
    return true;
}

/* Parses a field reference (name with optional [a] or [a..b]) into
 * 'field'.  Returns false after reporting an error on failure. */
static bool
parse_field(struct action_context *ctx, struct ovnact_field *field)
{
    struct ovn_lexer *lexer = ctx->lexer;
    struct ovnact_field_info info;

    if (lexer->token.type != OVN_LEX_T_ID) {
        ovn_lexer_syntax_error(lexer, "expecting field name");
        return false;
    }
    if (!ovnact_lookup_field(lexer->token.s, &info)) {
        ovn_lexer_syntax_error(lexer, "unknown field %s", lexer->token.s);
        return false;
    }
    if (info.is_predicate) {
        ovn_lexer_error(lexer, "predicate symbol %s used where a field is "
                        "required", lexer->token.s);
        return false;
    }
    if (info.sf.field->n_bytes > 16) {
        ovn_lexer_error(lexer, "field %s is wider than 128 bits, which "
                        "actions do not support", lexer->token.s);
        return false;
    }
    free(field->name);
    memset(field, 0, sizeof *field);
    field->name = xstrdup(lexer->token.s);
    field->sf = info.sf;
    field->is_string = info.is_string;
    ovn_lexer_get(lexer);

    if (ovn_lexer_match(lexer, OVN_LEX_T_LSQUARE)) {
        int lo, hi;

        if (field->is_string || !info.ordinal) {
            ovn_lexer_error(lexer, "cannot index %s field %s",
                            field->is_string ? "string" : "non-ordinal",
                            field->name);
            return false;
        }
        if (!ovn_lexer_force_int(lexer, &lo)) {
            return false;
        }
        hi = lo;
        if (ovn_lexer_match(lexer, OVN_LEX_T_ELLIPSIS)
            && !ovn_lexer_force_int(lexer, &hi)) {
            return false;
        }
        if (!ovn_lexer_force_match(lexer, OVN_LEX_T_RSQUARE)) {
            return false;
        }
        if (lo > hi || hi >= info.sf.n_bits) {
            ovn_lexer_error(lexer, "cannot extract bits %d to %d from "
                            "%d-bit field %s", lo, hi, info.sf.n_bits,
                            field->name);
            return false;
        }
        field->ofs = lo;
        field->n_bits = hi - lo + 1;
        field->sf.ofs += lo;
        field->sf.n_bits = hi - lo + 1;
    }
    add_prereq(ctx, info.prereqs);
    return true;
}

/* Verifies that 'field' may be written.  Returns false after reporting an
 * error if not. */
static bool
check_writable(struct action_context *ctx, const struct ovnact_field *field)
{
    struct ovnact_field_info info;

    if (!ovnact_lookup_field(field->name, &info)) {
        return false;
    }
    if (ctx->in_ct_commit
        && (field->sf.field->id == MFF_CT_MARK
            || field->sf.field->id == MFF_CT_LABEL)) {
        return true;
    }
    if (!info.rw) {
        ovn_lexer_error(ctx->lexer, "field %s is not modifiable",
                        field->name);
        return false;
    }
    return true;
}

/* Parses a field that must be a string field (a logical port). */
static bool
parse_port_field(struct action_context *ctx, const char *action,
                 struct ovnact_field *field)
{
    if (!parse_field(ctx, field)) {
        return false;
    }
    if (!field->is_string) {
        ovn_lexer_error(ctx->lexer, "%s: %s must be a string field "
                        "(logical port)", action, field->name);
        return false;
    }
    return true;
}

/* Parses an integer field of exactly 'width' bits. */
static bool
parse_int_field(struct action_context *ctx, const char *action, int width,
                struct ovnact_field *field)
{
    if (!parse_field(ctx, field)) {
        return false;
    }
    if (field->is_string) {
        ovn_lexer_error(ctx->lexer, "%s: %s must be an integer field",
                        action, field->name);
        return false;
    }
    if (field->sf.n_bits != width) {
        ovn_lexer_error(ctx->lexer, "%s: %s must be a %d-bit field, not "
                        "%d bits", action, field->name, width,
                        field->sf.n_bits);
        return false;
    }
    return true;
}

/* Verifies that result field 'dst' is a writable 1-bit field. */
static bool
check_result_bit(struct action_context *ctx, const char *action,
                 const struct ovnact_field *dst)
{
    if (dst->is_string || dst->sf.n_bits != 1) {
        ovn_lexer_error(ctx->lexer, "%s: result %s must be a 1-bit "
                        "field", action, dst->name);
        return false;
    }
    return check_writable(ctx, dst);
}

/* Parses "(N)", with N in [min, max], as the only argument of 'act', named
 * 'what' in the error message about action 'action'. */
static bool
parse_int_arg(struct action_context *ctx, const char *action,
              const char *what, int min, int max, struct ovn_action *act)
{
    struct ovn_lexer *lexer = ctx->lexer;
    int n;

    if (!ovn_lexer_force_match(lexer, OVN_LEX_T_LPAREN)
        || !ovn_lexer_force_int(lexer, &n)
        || !ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN)) {
        return false;
    }
    if (n < min || n > max) {
        ovn_lexer_error(lexer, "%s: %s %d out of range %d to %d",
                        action, what, n, min, max);
        return false;
    }
    act->ints = xmalloc(sizeof *act->ints);
    act->ints[0] = n;
    act->n_ints = 1;
    return true;
}

/* Assignments. ----------------------------------------------------------- */

/* Parses the constant at the current token into 'c'. */
static bool
parse_const(struct action_context *ctx, struct ovnact_const *c)
{
    struct ovn_lex_token *t = &ctx->lexer->token;

    memset(c, 0, sizeof *c);
    if (t->type == OVN_LEX_T_STRING) {
        c->is_string = true;
        c->string = xstrdup(t->s);
    } else if (t->type == OVN_LEX_T_INTEGER
               || t->type == OVN_LEX_T_MASKED_INTEGER) {
        c->format = t->format;
        c->value = t->value;
        c->masked = t->type == OVN_LEX_T_MASKED_INTEGER;
        c->mask = c->masked ? t->mask : ovn_u128_low_mask(128);
    } else {
        ovn_lexer_syntax_error(ctx->lexer, "expecting constant");
        return false;
    }
    ovn_lexer_get(ctx->lexer);
    return true;
}

/* Parses "field = constant", "field = field", "field <-> field",
 * "R = function(...)" or "ip.ttl--" with the destination already parsed
 * into 'dst'. */
static bool parse_result_action(struct action_context *,
                                struct ovn_actions *,
                                struct ovnact_field *dst);

/* Parses an action that begins with a field. */
static bool
parse_assignment(struct action_context *ctx, struct ovn_actions *acts)
{
    struct ovn_lexer *lexer = ctx->lexer;
    struct ovnact_field dst = { .name = NULL };
    bool ok = false;

    if (is_id(ctx, "ip.ttl")
        && ovn_lexer_lookahead(lexer) == OVN_LEX_T_DECREMENT) {
        ovn_lexer_get(lexer);
        ovn_lexer_get(lexer);
        ovn_actions_add(acts, OVNACT_DEC_TTL);
        add_prereq(ctx, "ip");
        return true;
    }

    /* OVN fields that OpenFlow cannot set. */
    if ((is_id(ctx, "icmp4.frag_mtu") || is_id(ctx, "icmp6.frag_mtu"))
        && ovn_lexer_lookahead(lexer) == OVN_LEX_T_EQUALS) {
        bool v6 = is_id(ctx, "icmp6.frag_mtu");
        struct ovn_action *act = ovn_actions_add(acts, OVNACT_FRAG_MTU);
        act->dst.name = xstrdup(lexer->token.s);
        act->ingress = !v6;     /* Reused as "is ICMPv4". */
        ovn_lexer_get(lexer);
        ovn_lexer_get(lexer);
        if (!parse_const(ctx, &act->value)) {
            return false;
        }
        if (act->value.is_string || act->value.masked
            || act->value.value.u64.hi || act->value.value.u64.lo > 65535) {
            ovn_lexer_error(lexer, "%s must be assigned a 16-bit integer",
                            act->dst.name);
            return false;
        }
        add_prereq(ctx, v6 ? "icmp6" : "icmp4");
        return true;
    }

    if (!parse_field(ctx, &dst)) {
        goto exit;
    }
    if (lexer->token.type == OVN_LEX_T_EXCHANGE) {
        ovn_lexer_get(lexer);
        struct ovn_action *act = ovn_actions_add(acts, OVNACT_EXCHANGE);
        act->dst = dst;
        dst.name = NULL;
        if (!parse_field(ctx, &act->args[0])) {
            goto exit;
        }
        act->n_args = 1;
        if (act->dst.is_string != act->args[0].is_string) {
            ovn_lexer_error(lexer, "cannot exchange %s field %s with %s "
                            "field %s",
                            act->dst.is_string ? "string" : "integer",
                            act->dst.name,
                            act->args[0].is_string ? "string" : "integer",
                            act->args[0].name);
            goto exit;
        }
        if (act->dst.sf.n_bits != act->args[0].sf.n_bits) {
            ovn_lexer_error(lexer, "cannot exchange %d-bit field %s with "
                            "%d-bit field %s", act->dst.sf.n_bits,
                            act->dst.name, act->args[0].sf.n_bits,
                            act->args[0].name);
            goto exit;
        }
        ok = (check_writable(ctx, &act->dst)
              && check_writable(ctx, &act->args[0]));
        goto exit;
    }
    if (!ovn_lexer_match(lexer, OVN_LEX_T_EQUALS)) {
        ovn_lexer_syntax_error(lexer, "expecting `=' or `<->'");
        goto exit;
    }

    if (lexer->token.type == OVN_LEX_T_ID
        && (ovn_lexer_lookahead(lexer) == OVN_LEX_T_LPAREN
            || is_id(ctx, "ct_snat_to_vip"))) {
        ok = parse_result_action(ctx, acts, &dst);
        goto exit;
    }

    if (lexer->token.type == OVN_LEX_T_ID) {
        struct ovn_action *act = ovn_actions_add(acts, OVNACT_MOVE);
        act->dst = dst;
        dst.name = NULL;
        if (!parse_field(ctx, &act->args[0])) {
            goto exit;
        }
        act->n_args = 1;
        if (act->dst.is_string != act->args[0].is_string) {
            ovn_lexer_error(lexer, "cannot assign %s field %s to %s "
                            "field %s",
                            act->args[0].is_string ? "string" : "integer",
                            act->args[0].name,
                            act->dst.is_string ? "string" : "integer",
                            act->dst.name);
            goto exit;
        }
        if (act->dst.sf.n_bits != act->args[0].sf.n_bits) {
            ovn_lexer_error(lexer, "cannot assign %d-bit field %s to "
                            "%d-bit field %s", act->args[0].sf.n_bits,
                            act->args[0].name, act->dst.sf.n_bits,
                            act->dst.name);
            goto exit;
        }
        ok = check_writable(ctx, &act->dst);
        goto exit;
    }

    struct ovn_action *act = ovn_actions_add(acts, OVNACT_LOAD);
    act->dst = dst;
    dst.name = NULL;
    if (!parse_const(ctx, &act->value)) {
        goto exit;
    }
    if (act->dst.is_string != act->value.is_string) {
        ovn_lexer_error(lexer, "cannot assign %s constant to %s field %s",
                        act->value.is_string ? "string" : "integer",
                        act->dst.is_string ? "string" : "integer",
                        act->dst.name);
        goto exit;
    }
    if (!act->value.is_string) {
        ovs_u128 excess = ovn_u128_and(
            ovn_u128_or(act->value.value,
                        act->value.masked ? act->value.mask
                                          : ovn_u128_from_u64(0)),
            ovn_u128_not(ovn_u128_low_mask(act->dst.sf.n_bits)));
        if (!ovn_u128_is_zero(excess)) {
            ovn_lexer_error(lexer, "constant does not fit in %d-bit field "
                            "%s", act->dst.sf.n_bits, act->dst.name);
            goto exit;
        }
    }
    ok = check_writable(ctx, &act->dst);

exit:
    free(dst.name);
    return ok;
}

/* Nested blocks. --------------------------------------------------------- */

/* Parses "{ actions }" for 'act' (the "{" not yet consumed unless
 * 'optional' and absent). */
static bool
parse_nested(struct action_context *ctx, struct ovn_action *act,
             const char *prereq, bool optional)
{
    struct ovn_lexer *lexer = ctx->lexer;

    act->nested = xmalloc(sizeof *act->nested);
    ovn_actions_init(act->nested);
    if (optional && lexer->token.type != OVN_LEX_T_LCURLY) {
        add_prereq(ctx, prereq);
        return true;
    }
    if (!ovn_lexer_force_match(lexer, OVN_LEX_T_LCURLY)) {
        return false;
    }
    if (ctx->depth >= 8) {
        ovn_lexer_error(lexer, "nesting too deep");
        return false;
    }
    ctx->depth++;
    /* Actions nested in clone and ct_commit act on this packet, so their
     * prerequisites apply to the flow.  The others act on a new packet that
     * the controller builds; keep theirs out of the flow's match. */
    bool ok;
    if (act->type == OVNACT_CLONE || act->type == OVNACT_CT_COMMIT) {
        ok = parse_actions(ctx, act->nested, OVN_LEX_T_RCURLY);
    } else {
        struct sset saved;
        sset_clone(&saved, &ctx->prereqs);
        ok = parse_actions(ctx, act->nested, OVN_LEX_T_RCURLY);
        sset_swap(&ctx->prereqs, &saved);
        sset_destroy(&saved);
    }
    ctx->depth--;
    ctx->after_block = true;
    if (ok) {
        add_prereq(ctx, prereq);
    }
    return ok;
}

/* ct_commit { ct_mark = ...; ct_label = ...; }; */
static bool
parse_ct_commit(struct action_context *ctx, struct ovn_actions *acts)
{
    struct ovn_action *act = ovn_actions_add(acts, OVNACT_CT_COMMIT);
    size_t idx = acts->n - 1;

    bool was = ctx->in_ct_commit;
    ctx->in_ct_commit = true;
    bool ok = parse_nested(ctx, act, "ip", true);
    ctx->in_ct_commit = was;
    if (!ok) {
        return false;
    }
    act = &acts->acts[idx];
    for (size_t i = 0; i < act->nested->n; i++) {
        const struct ovn_action *sub = &act->nested->acts[i];
        if ((sub->type != OVNACT_LOAD && sub->type != OVNACT_MOVE)
            || (sub->dst.sf.field->id != MFF_CT_MARK
                && sub->dst.sf.field->id != MFF_CT_LABEL)) {
            ovn_lexer_error(ctx->lexer, "ct_commit: only assignments to "
                            "ct_mark and ct_label are allowed inside");
            return false;
        }
    }
    return true;
}

/* Addresses. ------------------------------------------------------------- */

/* Parses an IPv4 address, IPv6 address or "[IPv6]", with ":port" if
 * 'allow_port'.  */
static bool
parse_addr(struct action_context *ctx, struct ovnact_addr *a,
           bool allow_port)
{
    struct ovn_lexer *lexer = ctx->lexer;
    bool bracket = ovn_lexer_match(lexer, OVN_LEX_T_LSQUARE);
    struct ovn_lex_token *t = &lexer->token;

    memset(a, 0, sizeof *a);
    if (t->type != OVN_LEX_T_INTEGER
        || (t->format != OVN_LEX_F_IPV4 && t->format != OVN_LEX_F_IPV6)
        || (bracket && t->format != OVN_LEX_F_IPV6)) {
        ovn_lexer_syntax_error(lexer, "expecting IP address");
        return false;
    }
    if (t->format == OVN_LEX_F_IPV4) {
        a->family = AF_INET;
        in6_addr_set_mapped_ipv4(&a->ip, htonl(t->value.u64.lo));
    } else {
        a->family = AF_INET6;
        ovs_be128 be = hton128(t->value);
        memcpy(&a->ip, &be, sizeof a->ip);
    }
    ovn_lexer_get(lexer);
    if (bracket && !ovn_lexer_force_match(lexer, OVN_LEX_T_RSQUARE)) {
        return false;
    }
    if (allow_port && (a->family == AF_INET || bracket)
        && ovn_lexer_match(lexer, OVN_LEX_T_COLON)) {
        int port;
        if (!ovn_lexer_force_int(lexer, &port)) {
            return false;
        }
        if (port <= 0 || port > 65535) {
            ovn_lexer_error(lexer, "port %d out of range 1 to 65535", port);
            return false;
        }
        a->port = port;
    }
    return true;
}

/* ct_dnat, ct_snat, and the _in_czone variants. */
static bool
parse_ct_nat(struct action_context *ctx, struct ovn_actions *acts,
             enum ovnact_type type, const char *name)
{
    struct ovn_lexer *lexer = ctx->lexer;
    struct ovn_action *act = ovn_actions_add(acts, type);

    /* OpenFlow's ct action needs an IP match. */
    add_prereq(ctx, "ip");
    if (!ovn_lexer_match(lexer, OVN_LEX_T_LPAREN)) {
        return true;
    }
    act->addrs = xzalloc(sizeof *act->addrs);
    act->n_addrs = 1;
    if (!parse_addr(ctx, &act->addrs[0], false)) {
        return false;
    }
    if (ovn_lexer_match(lexer, OVN_LEX_T_COMMA)) {
        /* Optional port range "lo-hi" as a string or a single port. */
        int lo, hi;
        if (lexer->token.type == OVN_LEX_T_STRING) {
            if (sscanf(lexer->token.s, "%d-%d", &lo, &hi) != 2) {
                ovn_lexer_error(lexer, "%s: bad port range \"%s\"", name,
                                lexer->token.s);
                return false;
            }
            ovn_lexer_get(lexer);
        } else if (lexer->token.type == OVN_LEX_T_INTEGER
                   && lexer->token.format == OVN_LEX_F_DECIMAL
                   && !lexer->token.value.u64.hi
                   && lexer->token.value.u64.lo <= 65535) {
            /* "LO-HI" as ovn-northd writes it.  The lexer has no token for
             * a lone '-', so read the upper bound directly from the input
             * that follows the integer. */
            lo = hi = lexer->token.value.u64.lo;
            const char *q = lexer->p;
            while (*q == ' ') {
                q++;
            }
            if (*q == '-' && q[1] != '-' && q[1] != '>') {
                char *end;
                q++;
                while (*q == ' ') {
                    q++;
                }
                long int x = strtol(q, &end, 10);
                if (end == q || x < 0 || x > 65535) {
                    ovn_lexer_error(lexer, "%s: bad port range", name);
                    return false;
                }
                hi = x;
                lexer->p = end;
            }
            ovn_lexer_get(lexer);
        } else {
            ovn_lexer_syntax_error(lexer, "expecting port or port range");
            return false;
        }
        if (lo <= 0 || hi > 65535 || lo > hi) {
            ovn_lexer_error(lexer, "%s: invalid port range %d-%d", name,
                            lo, hi);
            return false;
        }
        act->addrs[0].port = lo;
        act->addrs[0].port_max = hi != lo ? hi : 0;
    }
    return ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN);
}

/* ct_lb and ct_lb_mark. */
static bool
parse_ct_lb(struct action_context *ctx, struct ovn_actions *acts,
            enum ovnact_type type, const char *name)
{
    struct ovn_lexer *lexer = ctx->lexer;
    struct ovn_action *act = ovn_actions_add(acts, type);
    size_t allocated = 0;

    add_prereq(ctx, "ip");
    if (!ovn_lexer_match(lexer, OVN_LEX_T_LPAREN)) {
        return true;
    }
    if (is_id(ctx, "backends")
        && ovn_lexer_lookahead(lexer) == OVN_LEX_T_EQUALS) {
        ovn_lexer_get(lexer);
        ovn_lexer_get(lexer);
        act->backends_kw = true;
    }
    while (lexer->token.type != OVN_LEX_T_RPAREN
           && lexer->token.type != OVN_LEX_T_SEMICOLON) {
        if (act->n_addrs >= allocated) {
            act->addrs = x2nrealloc(act->addrs, &allocated,
                                    sizeof *act->addrs);
        }
        if (!parse_addr(ctx, &act->addrs[act->n_addrs++], true)) {
            return false;
        }
        if (act->n_addrs > 1
            && act->addrs[0].family != act->addrs[act->n_addrs - 1].family) {
            ovn_lexer_error(lexer, "%s: all backends must be of the same "
                            "address family", name);
            return false;
        }
        if (!ovn_lexer_match(lexer, OVN_LEX_T_COMMA)) {
            break;
        }
    }
    if (!act->n_addrs) {
        ovn_lexer_error(lexer, "%s: at least one backend is required",
                        name);
        return false;
    }
    while (ovn_lexer_match(lexer, OVN_LEX_T_SEMICOLON)) {
        if (is_id(ctx, "hash_fields")) {
            struct ds fields = DS_EMPTY_INITIALIZER;

            ovn_lexer_get(lexer);
            if (!ovn_lexer_force_match(lexer, OVN_LEX_T_EQUALS)) {
                return false;
            }
            if (lexer->token.type == OVN_LEX_T_STRING) {
                ds_put_cstr(&fields, lexer->token.s);
                act->hash_fields_quoted = true;
                ovn_lexer_get(lexer);
            } else {
                do {
                    if (lexer->token.type != OVN_LEX_T_ID) {
                        ovn_lexer_syntax_error(lexer, "expecting hash "
                                               "field name");
                        ds_destroy(&fields);
                        return false;
                    }
                    if (fields.length) {
                        ds_put_char(&fields, ',');
                    }
                    ds_put_cstr(&fields, lexer->token.s);
                    ovn_lexer_get(lexer);
                } while (ovn_lexer_match(lexer, OVN_LEX_T_COMMA));
            }
            free(act->hash_fields);
            act->hash_fields = ds_steal_cstr(&fields);
            char *error = ovnact_check_hash_fields(act->hash_fields);
            if (error) {
                ovn_lexer_error(lexer, "%s: %s", name, error);
                free(error);
                return false;
            }
        } else if (ovn_lexer_match_id(lexer, "skip_snat")) {
            act->ct_flag = 1;
        } else if (ovn_lexer_match_id(lexer, "force_snat")) {
            act->ct_flag = 2;
        } else {
            ovn_lexer_syntax_error(lexer, "expecting hash_fields, skip_snat "
                                   "or force_snat");
            return false;
        }
    }
    return ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN);
}

/* next; next(N); next(pipeline=P, table=N); next(table=N). */
static bool
parse_next(struct action_context *ctx, struct ovn_actions *acts)
{
    struct ovn_lexer *lexer = ctx->lexer;
    struct ovn_action *act = ovn_actions_add(acts, OVNACT_NEXT);

    act->ingress = ctx->pp->ingress;
    if (!ovn_lexer_match(lexer, OVN_LEX_T_LPAREN)) {
        return true;
    }
    if (lexer->token.type == OVN_LEX_T_INTEGER) {
        if (!ovn_lexer_force_int(lexer, &act->table)) {
            return false;
        }
    } else {
        do {
            if (ovn_lexer_match_id(lexer, "pipeline")) {
                if (!ovn_lexer_force_match(lexer, OVN_LEX_T_EQUALS)) {
                    return false;
                }
                if (ovn_lexer_match_id(lexer, "ingress")) {
                    act->ingress = true;
                } else if (ovn_lexer_match_id(lexer, "egress")) {
                    act->ingress = false;
                } else {
                    ovn_lexer_syntax_error(lexer, "expecting \"ingress\" or "
                                           "\"egress\"");
                    return false;
                }
                act->pipeline_given = true;
            } else if (ovn_lexer_match_id(lexer, "table")) {
                if (!ovn_lexer_force_match(lexer, OVN_LEX_T_EQUALS)
                    || !ovn_lexer_force_int(lexer, &act->table)) {
                    return false;
                }
            } else {
                ovn_lexer_syntax_error(lexer, "expecting \"pipeline\" or "
                                       "\"table\"");
                return false;
            }
        } while (ovn_lexer_match(lexer, OVN_LEX_T_COMMA));
    }
    if (!ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN)) {
        return false;
    }
    if (act->pipeline_given && act->table < 0) {
        ovn_lexer_error(lexer, "next: \"pipeline\" requires \"table\"");
        return false;
    }
    int max = act->ingress ? OVN_LOG_INGRESS_STAGES : OVN_LOG_EGRESS_STAGES;
    if (act->table >= max) {
        ovn_lexer_error(lexer, "next: table %d out of range 0 to %d for the "
                        "%s pipeline", act->table, max - 1,
                        act->ingress ? "ingress" : "egress");
        return false;
    }
    return true;
}

/* Parses "(F1, F2, ...)" of field arguments for 'act' checking each
 * against 'kinds': 's' string field, '4' 32-bit, '6' 128-bit, 'e' 48-bit. */
static bool
parse_field_args(struct action_context *ctx, struct ovn_action *act,
                 const char *name, const char *kinds)
{
    struct ovn_lexer *lexer = ctx->lexer;

    if (!ovn_lexer_force_match(lexer, OVN_LEX_T_LPAREN)) {
        return false;
    }
    for (size_t i = 0; kinds[i]; i++) {
        if (i && !ovn_lexer_force_match(lexer, OVN_LEX_T_COMMA)) {
            return false;
        }
        struct ovnact_field *f = &act->args[i];
        bool ok;
        switch (kinds[i]) {
        case 's':
            ok = parse_port_field(ctx, name, f);
            break;
        case '4':
            ok = parse_int_field(ctx, name, 32, f);
            break;
        case '6':
            ok = parse_int_field(ctx, name, 128, f);
            break;
        case 'e':
            ok = parse_int_field(ctx, name, 48, f);
            break;
        default:
            OVS_NOT_REACHED();
        }
        act->n_args = i + 1;
        if (!ok) {
            return false;
        }
    }
    return ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN);
}

/* Parses "()" . */
static bool
parse_empty_parens(struct action_context *ctx)
{
    return (ovn_lexer_force_match(ctx->lexer, OVN_LEX_T_LPAREN)
            && ovn_lexer_force_match(ctx->lexer, OVN_LEX_T_RPAREN));
}

/* Options. --------------------------------------------------------------- */

/* Appends the canonical text of the value at the current token (a constant,
 * identifier, or "{ c, c, ... }" set) to 's', consuming it.  Also records
 * the tokens in 'v' for the option checks. */
static bool
parse_opt_value(struct action_context *ctx, struct ds *s,
                struct ovnact_opt_value *v)
{
    struct ovn_lexer *lexer = ctx->lexer;
    bool set = ovn_lexer_match(lexer, OVN_LEX_T_LCURLY);

    if (set) {
        ds_put_char(s, '{');
    }
    do {
        struct ovn_lex_token *t = &lexer->token;
        if (v->n > 0 && set) {
            ds_put_cstr(s, ", ");
        }
        if (v->n >= ARRAY_SIZE(v->toks)) {
            ovn_lexer_error(lexer, "too many values in set");
            return false;
        }
        struct ovnact_opt_token *ot = &v->toks[v->n];
        switch (t->type) {
        case OVN_LEX_T_STRING:
            ot->type = t->type;
            ot->s = xstrdup(t->s);
            format_string_token(t->s, s);
            break;
        case OVN_LEX_T_ID:
        case OVN_LEX_T_PORT_GROUP:
            ot->type = t->type;
            ot->s = xstrdup(t->s);
            if (t->type == OVN_LEX_T_PORT_GROUP) {
                ds_put_char(s, '@');
            }
            ds_put_cstr(s, t->s);
            break;
        case OVN_LEX_T_INTEGER:
            ot->type = t->type;
            ot->format = t->format;
            ot->value = t->value;
            ovn_lex_format_integer(t->format, t->value, s);
            break;
        case OVN_LEX_T_MASKED_INTEGER:
            ot->type = t->type;
            ot->format = t->format;
            ot->value = t->value;
            ot->mask = t->mask;
            ovn_lex_format_masked_integer(t->format, t->value, t->mask, s);
            break;
        default:
            ovn_lexer_syntax_error(lexer, "expecting constant");
            return false;
        }
        v->n++;
        ovn_lexer_get(lexer);
    } while (set && ovn_lexer_match(lexer, OVN_LEX_T_COMMA));
    if (set) {
        ds_put_char(s, '}');
        if (!ovn_lexer_force_match(lexer, OVN_LEX_T_RCURLY)) {
            return false;
        }
    }
    return true;
}

/* Parses "name = value" pairs up to ")" into 'act->opts', calling 'check'
 * for each (which may encode the option, or reject it with an error).
 * "name = v1, v2, v3" is not allowed except for fwd_group's childports, so
 * commas separate options. */
static bool
parse_options(struct action_context *ctx, struct ovn_action *act,
              const char *name, ovnact_opt_check_func *check)
{
    struct ovn_lexer *lexer = ctx->lexer;
    size_t allocated = 0;

    if (!ovn_lexer_force_match(lexer, OVN_LEX_T_LPAREN)) {
        return false;
    }
    while (!ovn_lexer_match(lexer, OVN_LEX_T_RPAREN)) {
        if (act->n_opts
            && !ovn_lexer_force_match(lexer, OVN_LEX_T_COMMA)) {
            return false;
        }
        if (lexer->token.type != OVN_LEX_T_ID) {
            ovn_lexer_syntax_error(lexer, "expecting option name");
            return false;
        }
        if (act->n_opts >= allocated) {
            act->opts = x2nrealloc(act->opts, &allocated, sizeof *act->opts);
        }
        struct ovnact_opt *opt = &act->opts[act->n_opts++];
        memset(opt, 0, sizeof *opt);
        opt->name = xstrdup(lexer->token.s);
        ovn_lexer_get(lexer);
        if (!ovn_lexer_force_match(lexer, OVN_LEX_T_EQUALS)) {
            return false;
        }

        struct ds value = DS_EMPTY_INITIALIZER;
        struct ovnact_opt_value v = { .n = 0 };
        bool ok = parse_opt_value(ctx, &value, &v);
        /* fwd_group(childports="a", "b") continues the list with commas. */
        while (ok && !strcmp(opt->name, "childports")
               && act->type == OVNACT_FWD_GROUP
               && lexer->token.type == OVN_LEX_T_COMMA
               && ovn_lexer_lookahead(lexer) == OVN_LEX_T_STRING) {
            ovn_lexer_get(lexer);
            ds_put_cstr(&value, ", ");
            ok = parse_opt_value(ctx, &value, &v);
        }
        opt->value = ds_steal_cstr(&value);
        if (ok) {
            char *error = check(ctx->pp, act, opt, &v);
            if (error) {
                ovn_lexer_error(lexer, "%s: %s", name, error);
                free(error);
                ok = false;
            }
        }
        ovnact_opt_value_destroy(&v);
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* Result actions. -------------------------------------------------------- */

/* Parses "R = function(...)" with 'dst' already parsed; steals 'dst'. */
static bool
parse_result_action(struct action_context *ctx, struct ovn_actions *acts,
                    struct ovnact_field *dst)
{
    struct ovn_lexer *lexer = ctx->lexer;
    char *fname = xstrdup(lexer->token.s);
    struct ovn_action *act;
    bool ok = false;

    static const struct {
        const char *name;
        enum ovnact_type type;
        const char *args;       /* For parse_field_args(), NULL = special. */
        const char *prereq;
    } funcs[] = {
        { "lookup_arp", OVNACT_LOOKUP_ARP, "s4e", NULL },
        { "lookup_arp_ip", OVNACT_LOOKUP_ARP_IP, "s4", NULL },
        { "lookup_nd", OVNACT_LOOKUP_ND, "s6e", NULL },
        { "lookup_nd_ip", OVNACT_LOOKUP_ND_IP, "s6", NULL },
        { "lookup_fdb", OVNACT_LOOKUP_FDB, "se", NULL },
        { "dns_lookup", OVNACT_DNS_LOOKUP, "", "udp" },
        { "chk_lb_hairpin", OVNACT_CHK_LB_HAIRPIN, "", NULL },
        { "chk_lb_hairpin_reply", OVNACT_CHK_LB_HAIRPIN_REPLY, "", NULL },
        { "check_in_port_sec", OVNACT_CHECK_IN_PORT_SEC, "", NULL },
        { "check_out_port_sec", OVNACT_CHECK_OUT_PORT_SEC, "", NULL },
        /* ovn-northd writes chk_*, ovn-sb(5) documents check_*. */
        { "chk_ecmp_nh_mac", OVNACT_CHECK_ECMP_NH_MAC, "", NULL },
        { "chk_ecmp_nh", OVNACT_CHECK_ECMP_NH, "", NULL },
        { "check_ecmp_nh_mac", OVNACT_CHECK_ECMP_NH_MAC, "", NULL },
        { "check_ecmp_nh", OVNACT_CHECK_ECMP_NH, "", NULL },
        { "chk_lb_aff", OVNACT_CHK_LB_AFF, "", NULL },
    };

    for (size_t i = 0; i < ARRAY_SIZE(funcs); i++) {
        if (!strcmp(fname, funcs[i].name)) {
            ovn_lexer_get(lexer);
            act = ovn_actions_add(acts, funcs[i].type);
            act->dst = *dst;
            dst->name = NULL;
            if (!check_result_bit(ctx, fname, &act->dst)) {
                goto exit;
            }
            ok = (funcs[i].args[0]
                  ? parse_field_args(ctx, act, fname, funcs[i].args)
                  : parse_empty_parens(ctx));
            if (ok && funcs[i].type == OVNACT_DNS_LOOKUP
                && !ctx->pp->ingress) {
                ovn_lexer_error(lexer, "dns_lookup is valid only in the "
                                "ingress pipeline");
                ok = false;
            }
            if (ok) {
                add_prereq(ctx, funcs[i].prereq);
            }
            goto exit;
        }
    }

    if (!strcmp(fname, "get_fdb")) {
        ovn_lexer_get(lexer);
        act = ovn_actions_add(acts, OVNACT_GET_FDB);
        act->dst = *dst;
        dst->name = NULL;
        if (!act->dst.is_string) {
            ovn_lexer_error(lexer, "get_fdb: result %s must be a string "
                            "field (logical port)", act->dst.name);
            goto exit;
        }
        ok = (check_writable(ctx, &act->dst)
              && parse_field_args(ctx, act, fname, "e"));
    } else if (!strcmp(fname, "check_pkt_larger")) {
        ovn_lexer_get(lexer);
        act = ovn_actions_add(acts, OVNACT_CHECK_PKT_LARGER);
        act->dst = *dst;
        dst->name = NULL;
        ok = (check_result_bit(ctx, fname, &act->dst)
              && parse_int_arg(ctx, fname, "length", 0, 65535, act));
    } else if (!strcmp(fname, "put_dhcp_opts")
               || !strcmp(fname, "put_dhcpv6_opts")
               || !strcmp(fname, "put_nd_ra_opts")) {
        enum ovnact_type type = (!strcmp(fname, "put_dhcp_opts")
                                 ? OVNACT_PUT_DHCPV4_OPTS
                                 : !strcmp(fname, "put_dhcpv6_opts")
                                 ? OVNACT_PUT_DHCPV6_OPTS
                                 : OVNACT_PUT_ND_RA_OPTS);
        ovn_lexer_get(lexer);
        act = ovn_actions_add(acts, type);
        size_t idx = acts->n - 1;
        act->dst = *dst;
        dst->name = NULL;
        if (!check_result_bit(ctx, fname, &act->dst)) {
            goto exit;
        }
        if (!ctx->pp->ingress) {
            ovn_lexer_error(lexer, "%s is valid only in the ingress "
                            "pipeline", fname);
            goto exit;
        }
        ok = parse_options(ctx, act, fname,
                           (type == OVNACT_PUT_DHCPV4_OPTS
                            ? ovnact_check_dhcpv4_opt
                            : type == OVNACT_PUT_DHCPV6_OPTS
                            ? ovnact_check_dhcpv6_opt
                            : ovnact_check_nd_ra_opt));
        if (ok) {
            char *error = ovnact_finish_opts(&acts->acts[idx]);
            if (error) {
                ovn_lexer_error(lexer, "%s: %s", fname, error);
                free(error);
                ok = false;
            }
        }
        if (ok) {
            add_prereq(ctx, (type == OVNACT_PUT_DHCPV4_OPTS ? "udp && ip4"
                             : type == OVNACT_PUT_DHCPV6_OPTS ? "udp && ip6"
                             : "ip6"));
        }
    } else if (!strcmp(fname, "select")) {
        size_t allocated = 0;
        ovn_lexer_get(lexer);
        act = ovn_actions_add(acts, OVNACT_SELECT);
        act->dst = *dst;
        dst->name = NULL;
        if (act->dst.is_string || !check_writable(ctx, &act->dst)
            || !ovn_lexer_force_match(lexer, OVN_LEX_T_LPAREN)) {
            if (act->dst.is_string) {
                ovn_lexer_error(lexer, "select: result %s must be an "
                                "integer field", act->dst.name);
            }
            goto exit;
        }
        do {
            int v, w = 100;
            if (!ovn_lexer_force_int(lexer, &v)) {
                goto exit;
            }
            if (ovn_lexer_match(lexer, OVN_LEX_T_EQUALS)
                && !ovn_lexer_force_int(lexer, &w)) {
                goto exit;
            }
            if (v < 0 || v > 65535 || w < 1 || w > 65535) {
                ovn_lexer_error(lexer, "select: value %d or weight %d out "
                                "of range", v, w);
                goto exit;
            }
            if (act->dst.sf.n_bits < 16 && v >= (1 << act->dst.sf.n_bits)) {
                ovn_lexer_error(lexer, "select: value %d does not fit in "
                                "%d-bit field %s", v, act->dst.sf.n_bits,
                                act->dst.name);
                goto exit;
            }
            if (act->n_ints + 2 > allocated) {
                act->ints = x2nrealloc(act->ints, &allocated,
                                       sizeof *act->ints);
                if (act->n_ints + 2 > allocated) {
                    act->ints = x2nrealloc(act->ints, &allocated,
                                           sizeof *act->ints);
                }
            }
            act->ints[act->n_ints++] = v;
            act->ints[act->n_ints++] = w;
        } while (ovn_lexer_match(lexer, OVN_LEX_T_COMMA));
        if (!ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN)) {
            goto exit;
        }
        if (act->n_ints < 4) {
            ovn_lexer_error(lexer, "select: at least 2 values are "
                            "required");
            goto exit;
        }
        ok = true;
    } else if (!strcmp(fname, "ct_snat_to_vip")) {
        ovn_lexer_error(lexer, "ct_snat_to_vip does not produce a value; "
                        "write \"ct_snat_to_vip;\"");
    } else {
        ovn_lexer_syntax_error(lexer, "unknown function %s", fname);
    }

exit:
    free(fname);
    return ok;
}

/* Actions. --------------------------------------------------------------- */

/* Parses one action (without its terminating semicolon).  Returns false on
 * error. */
static bool
parse_action(struct action_context *ctx, struct ovn_actions *acts)
{
    struct ovn_lexer *lexer = ctx->lexer;

    if (lexer->token.type != OVN_LEX_T_ID) {
        ovn_lexer_syntax_error(lexer, "expecting action");
        return false;
    }

    enum ovn_lex_type la = ovn_lexer_lookahead(lexer);
    if (la == OVN_LEX_T_EQUALS || la == OVN_LEX_T_EXCHANGE
        || la == OVN_LEX_T_LSQUARE || la == OVN_LEX_T_DECREMENT
        || (ovn_symtab_lookup(lexer->token.s) && la != OVN_LEX_T_LPAREN
            && la != OVN_LEX_T_SEMICOLON
            && la != OVN_LEX_T_LCURLY)) {
        return parse_assignment(ctx, acts);
    }

    static const struct {
        const char *name;
        enum ovnact_type type;
        const char *prereq;
    } nested[] = {
        { "clone", OVNACT_CLONE, NULL },
        { "arp", OVNACT_ARP, "ip4" },
        { "nd_ns", OVNACT_ND_NS, "ip6" },
        { "nd_na", OVNACT_ND_NA, "nd_ns" },
        { "nd_na_router", OVNACT_ND_NA_ROUTER, "nd_ns" },
        { "icmp4", OVNACT_ICMP4, "ip4" },
        { "icmp4_error", OVNACT_ICMP4_ERROR, "ip4" },
        { "icmp6", OVNACT_ICMP6, "ip6" },
        { "icmp6_error", OVNACT_ICMP6_ERROR, "ip6" },
        { "tcp_reset", OVNACT_TCP_RESET, "tcp" },
        { "sctp_abort", OVNACT_SCTP_ABORT, "sctp" },
        { "reject", OVNACT_REJECT, NULL },
    };
    for (size_t i = 0; i < ARRAY_SIZE(nested); i++) {
        if (is_id(ctx, nested[i].name)) {
            ovn_lexer_get(lexer);
            struct ovn_action *act = ovn_actions_add(acts, nested[i].type);
            /* tcp_reset and sctp_abort may appear without a block. */
            bool optional = (nested[i].type == OVNACT_TCP_RESET
                             || nested[i].type == OVNACT_SCTP_ABORT);
            return parse_nested(ctx, act, nested[i].prereq, optional);
        }
    }

    static const struct {
        const char *name;
        enum ovnact_type type;
        const char *prereq;
    } simple[] = {
        { "output", OVNACT_OUTPUT, NULL },
        { "drop", OVNACT_DROP, NULL },
        { "ct_next", OVNACT_CT_NEXT, "ip" },
        { "ct_commit_nat", OVNACT_CT_COMMIT_NAT, "ip" },
        { "ct_clear", OVNACT_CT_CLEAR, NULL },
        { "igmp", OVNACT_IGMP, NULL },  /* Also used for MLD. */
        { "handle_dhcpv6_reply", OVNACT_HANDLE_DHCPV6_REPLY, NULL },
        { "ct_snat_to_vip", OVNACT_CT_SNAT_TO_VIP, NULL },
    };
    for (size_t i = 0; i < ARRAY_SIZE(simple); i++) {
        if (is_id(ctx, simple[i].name)) {
            ovn_lexer_get(lexer);
            ovn_actions_add(acts, simple[i].type);
            add_prereq(ctx, simple[i].prereq);
            return true;
        }
    }

    static const struct {
        const char *name;
        enum ovnact_type type;
    } nat[] = {
        { "ct_dnat", OVNACT_CT_DNAT },
        { "ct_snat", OVNACT_CT_SNAT },
        { "ct_dnat_in_czone", OVNACT_CT_DNAT_IN_CZONE },
        { "ct_snat_in_czone", OVNACT_CT_SNAT_IN_CZONE },
    };
    for (size_t i = 0; i < ARRAY_SIZE(nat); i++) {
        if (is_id(ctx, nat[i].name)) {
            ovn_lexer_get(lexer);
            return parse_ct_nat(ctx, acts, nat[i].type, nat[i].name);
        }
    }

    static const struct {
        const char *name;
        enum ovnact_type type;
        const char *args;
    } calls[] = {
        { "get_arp", OVNACT_GET_ARP, "s4" },
        { "put_arp", OVNACT_PUT_ARP, "s4e" },
        { "get_nd", OVNACT_GET_ND, "s6" },
        { "put_nd", OVNACT_PUT_ND, "s6e" },
        { "put_fdb", OVNACT_PUT_FDB, "se" },
        { "handle_svc_check", OVNACT_HANDLE_SVC_CHECK, "s" },
    };
    for (size_t i = 0; i < ARRAY_SIZE(calls); i++) {
        if (is_id(ctx, calls[i].name)) {
            ovn_lexer_get(lexer);
            struct ovn_action *act = ovn_actions_add(acts, calls[i].type);
            return parse_field_args(ctx, act, calls[i].name, calls[i].args);
        }
    }

    static const struct {
        const char *name;
        enum ovnact_type type;
        ovnact_opt_check_func *check;
    } optfuncs[] = {
        { "log", OVNACT_LOG, ovnact_check_log_opt },
        { "trigger_event", OVNACT_TRIGGER_EVENT, ovnact_check_event_opt },
        { "fwd_group", OVNACT_FWD_GROUP, ovnact_check_fwd_group_opt },
        { "sample", OVNACT_SAMPLE, ovnact_check_sample_opt },
        { "commit_ecmp_nh", OVNACT_COMMIT_ECMP_NH, ovnact_check_ecmp_opt },
        { "commit_lb_aff", OVNACT_COMMIT_LB_AFF, ovnact_check_lb_aff_opt },
    };
    for (size_t i = 0; i < ARRAY_SIZE(optfuncs); i++) {
        if (is_id(ctx, optfuncs[i].name)) {
            ovn_lexer_get(lexer);
            struct ovn_action *act = ovn_actions_add(acts, optfuncs[i].type);
            size_t idx = acts->n - 1;
            if (!parse_options(ctx, act, optfuncs[i].name,
                               optfuncs[i].check)) {
                return false;
            }
            char *error = ovnact_finish_opts(&acts->acts[idx]);
            if (error) {
                ovn_lexer_error(lexer, "%s: %s", optfuncs[i].name, error);
                free(error);
                return false;
            }
            /* The learn actions copy packet fields, so the flow must match
             * their protocols. */
            add_prereq(ctx, ovnact_learn_prereqs(&acts->acts[idx]));
            return true;
        }
    }

    if (ovn_lexer_match_id(lexer, "next")) {
        return parse_next(ctx, acts);
    } else if (ovn_lexer_match_id(lexer, "ct_commit")) {
        return parse_ct_commit(ctx, acts);
    } else if (ovn_lexer_match_id(lexer, "ct_lb")) {
        return parse_ct_lb(ctx, acts, OVNACT_CT_LB, "ct_lb");
    } else if (ovn_lexer_match_id(lexer, "ct_lb_mark")) {
        return parse_ct_lb(ctx, acts, OVNACT_CT_LB_MARK, "ct_lb_mark");
    } else if (is_id(ctx, "push") || is_id(ctx, "pop")) {
        bool push = is_id(ctx, "push");
        ovn_lexer_get(lexer);
        struct ovn_action *act = ovn_actions_add(
            acts, push ? OVNACT_PUSH : OVNACT_POP);
        if (!ovn_lexer_force_match(lexer, OVN_LEX_T_LPAREN)
            || !parse_field(ctx, &act->dst)
            || !ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN)) {
            return false;
        }
        if (act->type == OVNACT_POP) {
            return check_writable(ctx, &act->dst);
        }
        return true;
    } else if (ovn_lexer_match_id(lexer, "set_queue")) {
        struct ovn_action *act = ovn_actions_add(acts, OVNACT_SET_QUEUE);
        return parse_int_arg(ctx, "set_queue", "queue", 0, 61440, act);
    } else if (ovn_lexer_match_id(lexer, "set_meter")) {
        int rate, burst;
        struct ovn_action *act = ovn_actions_add(acts, OVNACT_SET_METER);
        act->ints = xmalloc(2 * sizeof *act->ints);
        if (!ovn_lexer_force_match(lexer, OVN_LEX_T_LPAREN)
            || !ovn_lexer_force_int(lexer, &rate)) {
            return false;
        }
        if (rate <= 0) {
            ovn_lexer_error(lexer, "set_meter: rate must be positive");
            return false;
        }
        act->ints[act->n_ints++] = rate;
        if (ovn_lexer_match(lexer, OVN_LEX_T_COMMA)) {
            if (!ovn_lexer_force_int(lexer, &burst)) {
                return false;
            }
            if (burst < 0) {
                ovn_lexer_error(lexer, "set_meter: burst must not be "
                                "negative");
                return false;
            }
            act->ints[act->n_ints++] = burst;
        }
        return ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN);
    } else if (ovn_lexer_match_id(lexer, "bind_vport")) {
        struct ovn_action *act = ovn_actions_add(acts, OVNACT_BIND_VPORT);
        if (!ovn_lexer_force_match(lexer, OVN_LEX_T_LPAREN)) {
            return false;
        }
        if (lexer->token.type != OVN_LEX_T_STRING) {
            ovn_lexer_syntax_error(lexer, "bind_vport: expecting virtual "
                                   "port name string");
            return false;
        }
        act->value.is_string = true;
        act->value.string = xstrdup(lexer->token.s);
        ovn_lexer_get(lexer);
        if (!ovn_lexer_force_match(lexer, OVN_LEX_T_COMMA)
            || !parse_port_field(ctx, "bind_vport", &act->args[0])) {
            return false;
        }
        act->n_args = 1;
        return ovn_lexer_force_match(lexer, OVN_LEX_T_RPAREN);
    }

    ovn_lexer_syntax_error(lexer, "unknown action %s", lexer->token.s);
    return false;
}

/* Parses actions up to 'terminator' (END or RCURLY, which is consumed).
 * Returns false on error. */
static bool
parse_actions(struct action_context *ctx, struct ovn_actions *acts,
              enum ovn_lex_type terminator)
{
    struct ovn_lexer *lexer = ctx->lexer;
    size_t start = acts->n;

    while (!ovn_lexer_match(lexer, terminator)) {
        if (lexer->token.type == OVN_LEX_T_END) {
            ovn_lexer_syntax_error(lexer, "expecting \"}\"");
            return false;
        }
        if (!parse_action(ctx, acts)) {
            return false;
        }
        bool block = ctx->after_block;
        ctx->after_block = false;
        if (!ovn_lexer_match(lexer, OVN_LEX_T_SEMICOLON)) {
            /* A "{ ... }" block may omit its semicolon. */
            if (!block) {
                ovn_lexer_syntax_error(lexer, "expecting \";\"");
                return false;
            }
        }
    }

    /* "drop;" stands alone. */
    for (size_t i = start; i < acts->n; i++) {
        if (acts->acts[i].type == OVNACT_DROP && acts->n - start > 1) {
            ovn_lexer_error(lexer, "\"drop;\" must be the only action");
            return false;
        }
    }
    return true;
}

/* Parses 'actions' with 'lexer' positioned at the first token, appending to
 * 'acts' and prerequisites (joined with " && ") to 'prereqs' if nonnull.
 * Returns false after setting the lexer's error on failure. */
bool
ovn_actions_parse_lexer(struct ovn_lexer *lexer,
                        const struct ovnact_parse_params *pp,
                        struct ovn_actions *acts, struct ds *prereqs)
{
    struct action_context ctx = { .lexer = lexer, .pp = pp, .depth = 0 };

    sset_init(&ctx.prereqs);
    bool ok = parse_actions(&ctx, acts, OVN_LEX_T_END);
    if (ok && prereqs) {
        const char **sorted = sset_sort(&ctx.prereqs);
        for (size_t i = 0; i < sset_count(&ctx.prereqs); i++) {
            if (prereqs->length) {
                ds_put_cstr(prereqs, " && ");
            }
            ds_put_format(prereqs, "(%s)", sorted[i]);
        }
        free(sorted);
    }
    sset_destroy(&ctx.prereqs);
    if (!ok && !ovn_lexer_has_error(lexer)) {
        ovn_lexer_error(lexer, "invalid actions");
    }
    return ok;
}

/* Parses 'actions' into 'acts'.  Returns NULL on success, otherwise a
 * malloc'd error message (and 'acts' may hold a partial result that the
 * caller must still destroy). */
char *
ovn_actions_parse(const char *actions, const struct ovnact_parse_params *pp,
                  struct ovn_actions *acts, struct ds *prereqs)
{
    struct ovn_lexer lexer;

    ovn_lexer_init(&lexer, actions);
    ovn_lexer_get(&lexer);
    ovn_actions_parse_lexer(&lexer, pp, acts, prereqs);
    char *error = ovn_lexer_steal_error(&lexer);
    ovn_lexer_destroy(&lexer);
    return error;
}
