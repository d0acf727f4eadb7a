/*
 * Lexical analysis of the OVN logical-flow language (ovn-sb(5)).
 *
 * A lexer turns a match or action string into a stream of tokens: names,
 * quoted strings, integer constants (decimal, hexadecimal, IPv4, IPv6,
 * Ethernet), optionally with a mask or prefix length, address-set
 * references ($name), port-group references (@name) and punctuation.
 *
 * Integer constants are kept in host-order 128-bit values ('ovs_u128'), wide
 * enough for every logical field (the widest are IPv6 addresses, ct_label and
 * xxreg registers).
 */
#ifndef OVN_LEX_H
#define OVN_LEX_H 1

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/types.h"
#include "openvswitch/compiler.h"

struct ds;

/* Kinds of tokens. */
enum ovn_lex_type {
    OVN_LEX_T_END,              /* End of input. */
    OVN_LEX_T_ERROR,            /* Invalid input; 'token.s' is a message. */
    OVN_LEX_T_ID,               /* Identifier, e.g. "ip4.src". */
    OVN_LEX_T_STRING,           /* Quoted string, e.g. "lp1". */
    OVN_LEX_T_INTEGER,          /* 10, 0x1f, 10.0.0.1, ::1, 00:11:...:55. */
    OVN_LEX_T_MASKED_INTEGER,   /* 10.0.0.0/8, 0x10/0xf0, fe80::/10 ... */
    OVN_LEX_T_ADDRESS_SET,      /* $name. */
    OVN_LEX_T_PORT_GROUP,       /* @name. */
    OVN_LEX_T_LPAREN,           /* ( */
    OVN_LEX_T_RPAREN,           /* ) */
    OVN_LEX_T_LCURLY,           /* { */
    OVN_LEX_T_RCURLY,           /* } */
    OVN_LEX_T_LSQUARE,          /* [ */
    OVN_LEX_T_RSQUARE,          /* ] */
    OVN_LEX_T_EQ,               /* == */
    OVN_LEX_T_NE,               /* != */
    OVN_LEX_T_LT,               /* < */
    OVN_LEX_T_LE,               /* <= */
    OVN_LEX_T_GT,               /* > */
    OVN_LEX_T_GE,               /* >= */
    OVN_LEX_T_LOG_NOT,          /* ! */
    OVN_LEX_T_LOG_AND,          /* && */
    OVN_LEX_T_LOG_OR,           /* || */
    OVN_LEX_T_ELLIPSIS,         /* .. */
    OVN_LEX_T_COMMA,            /* , */
    OVN_LEX_T_SEMICOLON,        /* ; */
    OVN_LEX_T_EQUALS,           /* = */
    OVN_LEX_T_EXCHANGE,         /* <-> */
    OVN_LEX_T_DECREMENT,        /* -- */
    OVN_LEX_T_COLON,            /* : */
    OVN_LEX_T_ARROW,            /* -> */
};

/* How an integer constant was written; used to print it back the same
 * way. */
enum ovn_lex_format {
    OVN_LEX_F_DECIMAL,
    OVN_LEX_F_HEXADECIMAL,
    OVN_LEX_F_IPV4,
    OVN_LEX_F_IPV6,
    OVN_LEX_F_ETHERNET,
};

/* One token. */
struct ovn_lex_token {
    enum ovn_lex_type type;     /* Kind of token. */
    char *s;                    /* ID, STRING, ADDRESS_SET, PORT_GROUP: the
                                 * name or unescaped string; ERROR: the
                                 * message.  Owned by the token. */
    enum ovn_lex_format format; /* INTEGER, MASKED_INTEGER: how written. */
    ovs_u128 value;             /* INTEGER, MASKED_INTEGER: the value. */
    ovs_u128 mask;              /* MASKED_INTEGER: the mask; INTEGER: all
                                 * ones. */
    size_t ofs;                 /* Byte offset of the token in the input. */
};

void ovn_lex_token_init(struct ovn_lex_token *);
void ovn_lex_token_destroy(struct ovn_lex_token *);
void ovn_lex_token_format(const struct ovn_lex_token *, struct ds *);
const char *ovn_lex_type_to_string(enum ovn_lex_type);
void ovn_lex_format_integer(enum ovn_lex_format, ovs_u128 value,
                            struct ds *);
void ovn_lex_format_masked_integer(enum ovn_lex_format, ovs_u128 value,
                                   ovs_u128 mask, struct ds *);

/* A lexer over one input string. */
struct ovn_lexer {
    const char *input;          /* Whole input (not owned). */
    const char *p;              /* Start of the next token. */
    struct ovn_lex_token token; /* Current token. */
    char *error;                /* First error reported, or NULL. */
};

void ovn_lexer_init(struct ovn_lexer *, const char *input);
void ovn_lexer_destroy(struct ovn_lexer *);
enum ovn_lex_type ovn_lexer_get(struct ovn_lexer *);
enum ovn_lex_type ovn_lexer_lookahead(const struct ovn_lexer *);
bool ovn_lexer_match(struct ovn_lexer *, enum ovn_lex_type);
bool ovn_lexer_force_match(struct ovn_lexer *, enum ovn_lex_type);
bool ovn_lexer_match_id(struct ovn_lexer *, const char *id);
bool ovn_lexer_is_int(const struct ovn_lexer *);
bool ovn_lexer_get_int(struct ovn_lexer *, int *value);
bool ovn_lexer_force_int(struct ovn_lexer *, int *value);
bool ovn_lexer_force_end(struct ovn_lexer *);
void ovn_lexer_error(struct ovn_lexer *, const char *message, ...)
    OVS_PRINTF_FORMAT(2, 3);
void ovn_lexer_syntax_error(struct ovn_lexer *, const char *message, ...)
    OVS_PRINTF_FORMAT(2, 3);
char *ovn_lexer_steal_error(struct ovn_lexer *);
bool ovn_lexer_has_error(const struct ovn_lexer *);

char *ovn_lex_tokenize(const char *input, struct ds *out);

/* 128-bit helpers used by the lexer and the expression code. */

/* Returns 'a' shifted left by 'n' bits (0 <= n). */
static inline ovs_u128
ovn_u128_shl(ovs_u128 a, unsigned int n)
{
    ovs_u128 r;
    if (n == 0) {
        return a;
    } else if (n >= 128) {
        r.u64.hi = r.u64.lo = 0;
    } else if (n >= 64) {
        r.u64.hi = a.u64.lo << (n - 64);
        r.u64.lo = 0;
    } else {
        r.u64.hi = (a.u64.hi << n) | (a.u64.lo >> (64 - n));
        r.u64.lo = a.u64.lo << n;
    }
    return r;
}

/* Returns 'a' shifted right by 'n' bits (0 <= n). */
static inline ovs_u128
ovn_u128_shr(ovs_u128 a, unsigned int n)
{
    ovs_u128 r;
    if (n == 0) {
        return a;
    } else if (n >= 128) {
        r.u64.hi = r.u64.lo = 0;
    } else if (n >= 64) {
        r.u64.lo = a.u64.hi >> (n - 64);
        r.u64.hi = 0;
    } else {
        r.u64.lo = (a.u64.lo >> n) | (a.u64.hi << (64 - n));
        r.u64.hi = a.u64.hi >> n;
    }
    return r;
}

/* Returns 'a' | 'b'. */
static inline ovs_u128
ovn_u128_or(ovs_u128 a, ovs_u128 b)
{
    a.u64.hi |= b.u64.hi;
    a.u64.lo |= b.u64.lo;
    return a;
}

/* Returns 'a' & 'b'. */
static inline ovs_u128
ovn_u128_and(ovs_u128 a, ovs_u128 b)
{
    a.u64.hi &= b.u64.hi;
    a.u64.lo &= b.u64.lo;
    return a;
}

/* Returns ~'a'. */
static inline ovs_u128
ovn_u128_not(ovs_u128 a)
{
    a.u64.hi = ~a.u64.hi;
    a.u64.lo = ~a.u64.lo;
    return a;
}

/* Returns 'a' ^ 'b'. */
static inline ovs_u128
ovn_u128_xor(ovs_u128 a, ovs_u128 b)
{
    a.u64.hi ^= b.u64.hi;
    a.u64.lo ^= b.u64.lo;
    return a;
}

/* Returns true if 'a' == 'b'. */
static inline bool
ovn_u128_eq(ovs_u128 a, ovs_u128 b)
{
    return a.u64.hi == b.u64.hi && a.u64.lo == b.u64.lo;
}

/* Returns true if 'a' is zero. */
static inline bool
ovn_u128_is_zero(ovs_u128 a)
{
    return !a.u64.hi && !a.u64.lo;
}

/* Returns a value whose low 'n' bits are 1 (0 <= n <= 128). */
static inline ovs_u128
ovn_u128_low_mask(unsigned int n)
{
    ovs_u128 r;
    if (n >= 128) {
        r.u64.hi = r.u64.lo = UINT64_MAX;
    } else if (n >= 64) {
        r.u64.lo = UINT64_MAX;
        r.u64.hi = n == 64 ? 0 : UINT64_MAX >> (128 - n);
    } else {
        r.u64.hi = 0;
        r.u64.lo = n ? UINT64_MAX >> (64 - n) : 0;
    }
    return r;
}

/* Returns a value with just bit 'n' set (0 <= n < 128). */
static inline ovs_u128
ovn_u128_bit(unsigned int n)
{
    ovs_u128 r;
    r.u64.hi = n >= 64 ? UINT64_C(1) << (n - 64) : 0;
    r.u64.lo = n < 64 ? UINT64_C(1) << n : 0;
    return r;
}

/* Returns true if bit 'n' of 'a' is set. */
static inline bool
ovn_u128_get_bit(ovs_u128 a, unsigned int n)
{
    return (n >= 64 ? a.u64.hi >> (n - 64) : a.u64.lo >> n) & 1;
}

/* Returns a u128 holding 'x'. */
static inline ovs_u128
ovn_u128_from_u64(uint64_t x)
{
    ovs_u128 r;
    r.u64.hi = 0;
    r.u64.lo = x;
    return r;
}

int ovn_u128_popcount(ovs_u128);
int ovn_u128_lowest_bit(ovs_u128);
int ovn_u128_highest_bit(ovs_u128);
bool ovn_u128_lt(ovs_u128, ovs_u128);

#endif /* lib/ovn-lex.h */
