/*
 * Lexical analysis of the OVN logical-flow language.
 */
#include <config.h>
#include "lib/ovn-lex.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "byte-order.h"
#include "packets.h"
#include "util.h"

/* 128-bit helpers. */

/* Returns the number of 1-bits in 'a'. */
int
ovn_u128_popcount(ovs_u128 a)
{
    return __builtin_popcountll(a.u64.hi) + __builtin_popcountll(a.u64.lo);
}

/* Returns the index of the lowest 1-bit in 'a', or 128 if 'a' is 0. */
int
ovn_u128_lowest_bit(ovs_u128 a)
{
    return (a.u64.lo ? __builtin_ctzll(a.u64.lo)
            : a.u64.hi ? 64 + __builtin_ctzll(a.u64.hi)
            : 128);
}

/* Returns the index of the highest 1-bit in 'a', or -1 if 'a' is 0. */
int
ovn_u128_highest_bit(ovs_u128 a)
{
    return (a.u64.hi ? 127 - __builtin_clzll(a.u64.hi)
            : a.u64.lo ? 63 - __builtin_clzll(a.u64.lo)
            : -1);
}

/* Returns true if 'a' < 'b' as unsigned 128-bit integers. */
bool
ovn_u128_lt(ovs_u128 a, ovs_u128 b)
{
    return a.u64.hi != b.u64.hi ? a.u64.hi < b.u64.hi : a.u64.lo < b.u64.lo;
}

/* Tokens. */

/* Initializes 'token' as an END token. */
void
ovn_lex_token_init(struct ovn_lex_token *token)
{
    memset(token, 0, sizeof *token);
    token->type = OVN_LEX_T_END;
}

/* Frees the memory owned by 'token' (which may be NULL). */
void
ovn_lex_token_destroy(struct ovn_lex_token *token)
{
    if (token) {
        free(token->s);
        token->s = NULL;
    }
}

/* Returns a printable name for token type 'type'. */
const char *
ovn_lex_type_to_string(enum ovn_lex_type type)
{
    switch (type) {
    case OVN_LEX_T_END: return "end of input";
    case OVN_LEX_T_ERROR: return "error";
    case OVN_LEX_T_ID: return "identifier";
    case OVN_LEX_T_STRING: return "string";
    case OVN_LEX_T_INTEGER: return "integer";
    case OVN_LEX_T_MASKED_INTEGER: return "masked integer";
    case OVN_LEX_T_ADDRESS_SET: return "address set";
    case OVN_LEX_T_PORT_GROUP: return "port group";
    case OVN_LEX_T_LPAREN: return "(";
    case OVN_LEX_T_RPAREN: return ")";
    case OVN_LEX_T_LCURLY: return "{";
    case OVN_LEX_T_RCURLY: return "}";
    case OVN_LEX_T_LSQUARE: return "[";
    case OVN_LEX_T_RSQUARE: return "]";
    case OVN_LEX_T_EQ: return "==";
    case OVN_LEX_T_NE: return "!=";
    case OVN_LEX_T_LT: return "<";
    case OVN_LEX_T_LE: return "<=";
    case OVN_LEX_T_GT: return ">";
    case OVN_LEX_T_GE: return ">=";
    case OVN_LEX_T_LOG_NOT: return "!";
    case OVN_LEX_T_LOG_AND: return "&&";
    case OVN_LEX_T_LOG_OR: return "||";
    case OVN_LEX_T_ELLIPSIS: return "..";
    case OVN_LEX_T_COMMA: return ",";
    case OVN_LEX_T_SEMICOLON: return ";";
    case OVN_LEX_T_EQUALS: return "=";
    case OVN_LEX_T_EXCHANGE: return "<->";
    case OVN_LEX_T_DECREMENT: return "--";
    case OVN_LEX_T_COLON: return ":";
    case OVN_LEX_T_ARROW: return "->";
    }
    return "<unknown>";
}

/* Appends 'value' to 's' in decimal (128-bit). */
static void
format_decimal(ovs_u128 value, struct ds *s)
{
    char buf[64];
    int n = 0;

    if (!value.u64.hi) {
        ds_put_format(s, "%"PRIu64, value.u64.lo);
        return;
    }
    while (!ovn_u128_is_zero(value)) {
        /* Long division by 10, 32 bits at a time, most significant first
         * (independent of byte order). */
        uint32_t part[4] = {
            value.u64.hi >> 32, value.u64.hi, value.u64.lo >> 32, value.u64.lo
        };
        uint64_t rem = 0;
        for (int i = 0; i < 4; i++) {
            uint64_t cur = (rem << 32) | part[i];
            part[i] = cur / 10;
            rem = cur % 10;
        }
        value.u64.hi = ((uint64_t) part[0] << 32) | part[1];
        value.u64.lo = ((uint64_t) part[2] << 32) | part[3];
        buf[n++] = '0' + rem;
    }
    while (n > 0) {
        ds_put_char(s, buf[--n]);
    }
}

/* Appends 'value' to 's' in hexadecimal with a 0x prefix. */
static void
format_hex(ovs_u128 value, struct ds *s)
{
    if (value.u64.hi) {
        ds_put_format(s, "0x%"PRIx64"%016"PRIx64, value.u64.hi,
                      value.u64.lo);
    } else {
        ds_put_format(s, "%#"PRIx64, value.u64.lo);
    }
}

/* Appends 'value' to 's' as written in 'format'. */
void
ovn_lex_format_integer(enum ovn_lex_format format, ovs_u128 value,
                       struct ds *s)
{
    switch (format) {
    case OVN_LEX_F_DECIMAL:
        format_decimal(value, s);
        break;
    case OVN_LEX_F_HEXADECIMAL:
        if (ovn_u128_is_zero(value)) {
            ds_put_cstr(s, "0");
        } else {
            format_hex(value, s);
        }
        break;
    case OVN_LEX_F_IPV4:
        ds_put_format(s, IP_FMT, IP_ARGS(htonl(value.u64.lo)));
        break;
    case OVN_LEX_F_IPV6: {
        ovs_be128 be = hton128(value);
        struct in6_addr in6;
        memcpy(&in6, &be, sizeof in6);
        ipv6_format_addr(&in6, s);
        break;
    }
    case OVN_LEX_F_ETHERNET: {
        struct eth_addr ea;
        eth_addr_from_uint64(value.u64.lo, &ea);
        ds_put_format(s, ETH_ADDR_FMT, ETH_ADDR_ARGS(ea));
        break;
    }
    }
}

/* Returns the prefix length if 'mask' is a CIDR mask within 'width' bits,
 * otherwise -1. */
static int
cidr_len(ovs_u128 mask, int width)
{
    int n = ovn_u128_popcount(mask);
    ovs_u128 want = ovn_u128_shl(ovn_u128_low_mask(n), width - n);
    return n <= width && ovn_u128_eq(want, mask) ? n : -1;
}

/* Appends 'value'/'mask' to 's' as written in 'format'; IP masks that are
 * CIDR prefixes are printed as prefix lengths. */
void
ovn_lex_format_masked_integer(enum ovn_lex_format format, ovs_u128 value,
                              ovs_u128 mask, struct ds *s)
{
    ovn_lex_format_integer(format, value, s);
    ds_put_char(s, '/');
    if (format == OVN_LEX_F_IPV4 && cidr_len(mask, 32) >= 0) {
        ds_put_format(s, "%d", cidr_len(mask, 32));
    } else if (format == OVN_LEX_F_IPV6 && cidr_len(mask, 128) >= 0) {
        ds_put_format(s, "%d", cidr_len(mask, 128));
    } else {
        ovn_lex_format_integer(format == OVN_LEX_F_DECIMAL
                               ? OVN_LEX_F_HEXADECIMAL : format, mask, s);
    }
}

/* Appends 'str' to 's' as a quoted string with escapes. */
static void
format_string(const char *str, struct ds *s)
{
    ds_put_char(s, '"');
    for (const char *p = str; *p; p++) {
        switch (*p) {
        case '"': ds_put_cstr(s, "\\\""); break;
        case '\\': ds_put_cstr(s, "\\\\"); break;
        case '\n': ds_put_cstr(s, "\\n"); break;
        case '\t': ds_put_cstr(s, "\\t"); break;
        case '\r': ds_put_cstr(s, "\\r"); break;
        default:
            if ((unsigned char) *p < 0x20) {
                ds_put_format(s, "\\x%02x", (unsigned char) *p);
            } else {
                ds_put_char(s, *p);
            }
        }
    }
    ds_put_char(s, '"');
}

/* Appends a textual representation of 'token' to 's'. */
void
ovn_lex_token_format(const struct ovn_lex_token *token, struct ds *s)
{
    switch (token->type) {
    case OVN_LEX_T_END:
        ds_put_cstr(s, "$");
        break;
    case OVN_LEX_T_ERROR:
        ds_put_format(s, "error(\"%s\")", token->s);
        break;
    case OVN_LEX_T_ID:
        ds_put_cstr(s, token->s);
        break;
    case OVN_LEX_T_STRING:
        format_string(token->s, s);
        break;
    case OVN_LEX_T_INTEGER:
        ovn_lex_format_integer(token->format, token->value, s);
        break;
    case OVN_LEX_T_MASKED_INTEGER:
        ovn_lex_format_masked_integer(token->format, token->value,
                                      token->mask, s);
        break;
    case OVN_LEX_T_ADDRESS_SET:
        ds_put_format(s, "$%s", token->s);
        break;
    case OVN_LEX_T_PORT_GROUP:
        ds_put_format(s, "@%s", token->s);
        break;
    default:
        ds_put_cstr(s, ovn_lex_type_to_string(token->type));
        break;
    }
}

/* The scanner. */

/* Returns true if 'c' may start an identifier. */
static bool
is_id1(int c)
{
    return isalpha((unsigned char) c) || c == '_';
}

/* Returns true if 'c' may continue an identifier. */
static bool
is_idn(int c)
{
    return is_id1(c) || isdigit((unsigned char) c) || c == '.';
}

/* Sets 'token' to an error with the printf-style message. */
static void OVS_PRINTF_FORMAT(2, 3)
token_error(struct ovn_lex_token *token, const char *format, ...)
{
    va_list args;

    free(token->s);
    token->type = OVN_LEX_T_ERROR;
    va_start(args, format);
    token->s = xvasprintf(format, args);
    va_end(args);
}

/* Tries to parse the 'n' bytes at 'p' as an Ethernet or IPv6 address.
 * Returns true and fills in 'token' on success. */
static bool
parse_colon_address(const char *p, size_t n, struct ovn_lex_token *token)
{
    char buf[64];
    struct eth_addr ea;
    struct in6_addr in6;

    if (n >= sizeof buf) {
        return false;
    }
    memcpy(buf, p, n);
    buf[n] = '\0';

    if (n == 17 && ovs_scan(buf, ETH_ADDR_SCAN_FMT,
                            ETH_ADDR_SCAN_ARGS(ea))) {
        token->format = OVN_LEX_F_ETHERNET;
        token->value = ovn_u128_from_u64(eth_addr_to_uint64(ea));
        return true;
    }
    if (inet_pton(AF_INET6, buf, &in6) == 1) {
        ovs_be128 be;
        memcpy(&be, &in6, sizeof be);
        token->format = OVN_LEX_F_IPV6;
        token->value = ntoh128(be);
        return true;
    }
    return false;
}

/* Parses a hexadecimal constant (after "0x") at 'p' into 'token'. */
static const char *
parse_hex(const char *p, struct ovn_lex_token *token)
{
    const char *start = p;
    ovs_u128 v = OVS_U128_ZERO;

    for (; isxdigit((unsigned char) *p); p++) {
        if (v.u64.hi >> 60) {
            token_error(token, "hexadecimal constant too large (more than "
                        "128 bits)");
            while (isxdigit((unsigned char) *p)) {
                p++;
            }
            return p;
        }
        v = ovn_u128_shl(v, 4);
        v.u64.lo |= hexit_value(*p);
    }
    if (p == start) {
        token_error(token, "hexadecimal constant requires digits");
        return p;
    }
    token->format = OVN_LEX_F_HEXADECIMAL;
    token->value = v;
    return p;
}

/* Parses a decimal or IPv4 constant at 'p' into 'token'. */
static const char *
parse_decimal_or_ipv4(const char *p, struct ovn_lex_token *token)
{
    const char *start = p;
    bool dotted = false;

    /* Digits and single dots followed by digits ("1..3" is 1, .., 3). */
    while (isdigit((unsigned char) *p)
           || (*p == '.' && isdigit((unsigned char) p[1]))) {
        dotted |= *p == '.';
        p++;
    }
    if (dotted) {
        char buf[32];
        struct in_addr in;
        size_t n = p - start;

        if (n >= sizeof buf) {
            token_error(token, "invalid IPv4 address");
            return p;
        }
        memcpy(buf, start, n);
        buf[n] = '\0';
        if (inet_pton(AF_INET, buf, &in) != 1) {
            token_error(token, "invalid IPv4 address `%s'", buf);
            return p;
        }
        token->format = OVN_LEX_F_IPV4;
        token->value = ovn_u128_from_u64(ntohl(in.s_addr));
    } else {
        /* v = v * 10 + d in 128 bits. */
        unsigned __int128 v = 0;
        const unsigned __int128 max = ~(unsigned __int128) 0;
        for (const char *q = start; q < p; q++) {
            int d = *q - '0';
            if (v > (max - d) / 10) {
                token_error(token, "decimal constant too large");
                return p;
            }
            v = v * 10 + d;
        }
        token->format = OVN_LEX_F_DECIMAL;
        token->value.u64.hi = v >> 64;
        token->value.u64.lo = v;
    }
    return p;
}

/* Parses one unmasked integer constant at 'p' into 'token' (type not set).
 * Returns the end of the constant. */
static const char *
parse_constant(const char *p, struct ovn_lex_token *token)
{
    /* Ethernet and IPv6 addresses: a run of hex digits, colons and dots
     * that contains a colon. */
    size_t n = strspn(p, "0123456789abcdefABCDEF:.");
    if (memchr(p, ':', n)) {
        /* Trailing dots belong to a following "..". */
        size_t m = n;
        while (m > 0 && p[m - 1] == '.') {
            m--;
        }
        if (parse_colon_address(p, m, token)) {
            if (is_idn(p[m])) {
                token_error(token, "invalid address constant");
            }
            return p + m;
        }
    }

    if (!isdigit((unsigned char) *p)) {
        /* Looked like an address but is not one. */
        token_error(token, "invalid address constant");
        return p + (n ? n : 1);
    } else if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p = parse_hex(p + 2, token);
    } else {
        p = parse_decimal_or_ipv4(p, token);
    }
    if (token->type != OVN_LEX_T_ERROR && is_idn(*p)
        && !(p[0] == '.' && p[1] == '.')) {
        token_error(token, "invalid numeric constant");
        while (is_idn(*p)) {
            p++;
        }
    }
    return p;
}

/* Returns the width in bits of values written in 'format', or 0 if
 * unbounded. */
static int
format_width(enum ovn_lex_format format)
{
    return (format == OVN_LEX_F_IPV4 ? 32
            : format == OVN_LEX_F_IPV6 ? 128
            : format == OVN_LEX_F_ETHERNET ? 48
            : 0);
}

/* Parses an integer constant, with optional "/mask" or "/prefix", at 'p'. */
static const char *
parse_integer(const char *p, struct ovn_lex_token *token)
{
    token->type = OVN_LEX_T_INTEGER;
    p = parse_constant(p, token);
    if (token->type == OVN_LEX_T_ERROR) {
        return p;
    }
    token->mask = OVS_U128_MAX;
    if (*p != '/') {
        return p;
    }

    struct ovn_lex_token m;
    ovn_lex_token_init(&m);
    m.type = OVN_LEX_T_INTEGER;
    p++;
    if (!isxdigit((unsigned char) *p) && *p != ':') {
        token_error(token, "missing mask after `/'");
        return p;
    }
    p = parse_constant(p, &m);
    if (m.type == OVN_LEX_T_ERROR) {
        token_error(token, "%s", m.s);
        ovn_lex_token_destroy(&m);
        return p;
    }

    int width = format_width(token->format);
    if (m.format == OVN_LEX_F_DECIMAL && width
        && token->format != OVN_LEX_F_ETHERNET) {
        /* Prefix length. */
        if (m.value.u64.hi || m.value.u64.lo > width) {
            token_error(token, "prefix length %"PRIu64" exceeds %d bits",
                        m.value.u64.lo, width);
            return p;
        }
        int plen = m.value.u64.lo;
        token->mask = ovn_u128_shl(ovn_u128_low_mask(plen), width - plen);
    } else if (width && m.format != token->format) {
        token_error(token, "mask format differs from value format");
        return p;
    } else {
        token->mask = m.value;
    }
    if (!ovn_u128_is_zero(ovn_u128_and(token->value,
                                       ovn_u128_not(token->mask)))) {
        token_error(token, "value contains bits outside the mask");
        return p;
    }
    token->type = OVN_LEX_T_MASKED_INTEGER;
    return p;
}

/* Parses a quoted string starting after the opening quote at 'p'. */
static const char *
parse_string(const char *p, struct ovn_lex_token *token)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    for (;;) {
        int c = *p;
        if (c == '\0') {
            token_error(token, "unterminated string");
            ds_destroy(&s);
            return p;
        } else if (c == '"') {
            p++;
            break;
        } else if (c == '\\') {
            p++;
            switch (*p) {
            case '"': case '\\': case '/': ds_put_char(&s, *p); break;
            case 'n': ds_put_char(&s, '\n'); break;
            case 't': ds_put_char(&s, '\t'); break;
            case 'r': ds_put_char(&s, '\r'); break;
            case 'x':
                if (isxdigit((unsigned char) p[1])
                    && isxdigit((unsigned char) p[2])) {
                    int v = hexit_value(p[1]) * 16 + hexit_value(p[2]);
                    if (!v) {
                        token_error(token, "null byte in string");
                        ds_destroy(&s);
                        return p + 3;
                    }
                    ds_put_char(&s, v);
                    p += 2;
                    break;
                }
                /* fall through */
            default:
                token_error(token, "bad escape sequence in string");
                ds_destroy(&s);
                return *p ? p + 1 : p;
            }
            p++;
        } else {
            ds_put_char(&s, c);
            p++;
        }
    }
    token->type = OVN_LEX_T_STRING;
    token->s = ds_steal_cstr(&s);
    return p;
}

/* Parses an identifier at 'p' (or a name after '$' or '@'). */
static const char *
parse_name(const char *p, enum ovn_lex_type type, struct ovn_lex_token *token)
{
    const char *start = p;

    if (!is_id1(*p) && (type == OVN_LEX_T_ID
                        || !isdigit((unsigned char) *p))) {
        token_error(token, "`%c' must be followed by a name",
                    type == OVN_LEX_T_ADDRESS_SET ? '$' : '@');
        return p;
    }
    while (is_idn(*p)) {
        p++;
    }
    token->type = type;
    token->s = xmemdup0(start, p - start);
    return p;
}

/* Parses one token at 'p' into 'token', returning the end of the token. */
static const char *
lex_token_parse(const char *input, const char *p,
                struct ovn_lex_token *token)
{
    ovn_lex_token_destroy(token);
    ovn_lex_token_init(token);

    /* Skip white space and comments. */
    for (;;) {
        if (isspace((unsigned char) *p)) {
            p++;
        } else if (p[0] == '/' && p[1] == '/') {
            p += strcspn(p, "\n");
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            if (!end) {
                token->ofs = p - input;
                token_error(token, "unterminated comment");
                return p + strlen(p);
            }
            p = end + 2;
        } else {
            break;
        }
    }
    token->ofs = p - input;

    switch (*p) {
    case '\0':
        token->type = OVN_LEX_T_END;
        return p;
    case '(': token->type = OVN_LEX_T_LPAREN; return p + 1;
    case ')': token->type = OVN_LEX_T_RPAREN; return p + 1;
    case '{': token->type = OVN_LEX_T_LCURLY; return p + 1;
    case '}': token->type = OVN_LEX_T_RCURLY; return p + 1;
    case '[': token->type = OVN_LEX_T_LSQUARE; return p + 1;
    case ']': token->type = OVN_LEX_T_RSQUARE; return p + 1;
    case ',': token->type = OVN_LEX_T_COMMA; return p + 1;
    case ';': token->type = OVN_LEX_T_SEMICOLON; return p + 1;
    case '=':
        if (p[1] == '=') {
            token->type = OVN_LEX_T_EQ;
            return p + 2;
        }
        token->type = OVN_LEX_T_EQUALS;
        return p + 1;
    case '!':
        if (p[1] == '=') {
            token->type = OVN_LEX_T_NE;
            return p + 2;
        }
        token->type = OVN_LEX_T_LOG_NOT;
        return p + 1;
    case '<':
        if (p[1] == '-' && p[2] == '>') {
            token->type = OVN_LEX_T_EXCHANGE;
            return p + 3;
        } else if (p[1] == '=') {
            token->type = OVN_LEX_T_LE;
            return p + 2;
        }
        token->type = OVN_LEX_T_LT;
        return p + 1;
    case '>':
        if (p[1] == '=') {
            token->type = OVN_LEX_T_GE;
            return p + 2;
        }
        token->type = OVN_LEX_T_GT;
        return p + 1;
    case '&':
        if (p[1] == '&') {
            token->type = OVN_LEX_T_LOG_AND;
            return p + 2;
        }
        token_error(token, "`&' is only valid as part of `&&'");
        return p + 1;
    case '|':
        if (p[1] == '|') {
            token->type = OVN_LEX_T_LOG_OR;
            return p + 2;
        }
        token_error(token, "`|' is only valid as part of `||'");
        return p + 1;
    case '-':
        if (p[1] == '-') {
            token->type = OVN_LEX_T_DECREMENT;
            return p + 2;
        } else if (p[1] == '>') {
            token->type = OVN_LEX_T_ARROW;
            return p + 2;
        }
        token_error(token, "`-' is only valid as part of `--', `->' or "
                    "`<->'");
        return p + 1;
    case '.':
        if (p[1] == '.') {
            token->type = OVN_LEX_T_ELLIPSIS;
            return p + 2;
        }
        token_error(token, "`.' is only valid as part of `..' or a number");
        return p + 1;
    case '"':
        return parse_string(p + 1, token);
    case '$':
        return parse_name(p + 1, OVN_LEX_T_ADDRESS_SET, token);
    case '@':
        return parse_name(p + 1, OVN_LEX_T_PORT_GROUP, token);
    case ':':
        if (p[1] != ':') {
            token->type = OVN_LEX_T_COLON;
            return p + 1;
        }
        return parse_integer(p, token);
    default:
        if (isdigit((unsigned char) *p)) {
            return parse_integer(p, token);
        } else if (is_id1(*p)) {
            /* An IPv6 or Ethernet address may start with a letter. */
            if (isxdigit((unsigned char) *p)) {
                size_t n = strspn(p, "0123456789abcdefABCDEF:.");
                while (n > 0 && p[n - 1] == '.') {
                    n--;
                }
                if (memchr(p, ':', n) && !is_idn(p[n])) {
                    struct ovn_lex_token tmp;
                    ovn_lex_token_init(&tmp);
                    if (parse_colon_address(p, n, &tmp)) {
                        return parse_integer(p, token);
                    }
                }
            }
            return parse_name(p, OVN_LEX_T_ID, token);
        } else if (isprint((unsigned char) *p)) {
            token_error(token, "invalid character `%c' in input", *p);
        } else {
            token_error(token, "invalid byte 0x%02x in input",
                        (unsigned char) *p);
        }
        return p + 1;
    }
}

/* The lexer. */

/* Initializes 'lexer' to tokenize 'input' (which must outlive it).  The
 * first token is not read until ovn_lexer_get() is called. */
void
ovn_lexer_init(struct ovn_lexer *lexer, const char *input)
{
    lexer->input = input;
    lexer->p = input;
    lexer->error = NULL;
    ovn_lex_token_init(&lexer->token);
}

/* Frees memory owned by 'lexer' (which may be NULL). */
void
ovn_lexer_destroy(struct ovn_lexer *lexer)
{
    if (lexer) {
        ovn_lex_token_destroy(&lexer->token);
        free(lexer->error);
        lexer->error = NULL;
    }
}

/* Advances to the next token and returns its type.  A lexical error is
 * recorded as the lexer's error (if none is recorded yet). */
enum ovn_lex_type
ovn_lexer_get(struct ovn_lexer *lexer)
{
    lexer->p = lex_token_parse(lexer->input, lexer->p, &lexer->token);
    if (lexer->token.type == OVN_LEX_T_ERROR && !lexer->error) {
        lexer->error = xasprintf("col %"PRIuSIZE": %s",
                                 lexer->token.ofs + 1, lexer->token.s);
    }
    return lexer->token.type;
}

/* Returns the type of the token after the current one, without consuming
 * anything. */
enum ovn_lex_type
ovn_lexer_lookahead(const struct ovn_lexer *lexer)
{
    struct ovn_lex_token next;
    enum ovn_lex_type type;

    ovn_lex_token_init(&next);
    lex_token_parse(lexer->input, lexer->p, &next);
    type = next.type;
    ovn_lex_token_destroy(&next);
    return type;
}

/* If the current token has type 'type', consumes it and returns true. */
bool
ovn_lexer_match(struct ovn_lexer *lexer, enum ovn_lex_type type)
{
    if (lexer->token.type == type) {
        ovn_lexer_get(lexer);
        return true;
    }
    return false;
}

/* Like ovn_lexer_match(), but reports a syntax error on mismatch. */
bool
ovn_lexer_force_match(struct ovn_lexer *lexer, enum ovn_lex_type type)
{
    if (ovn_lexer_match(lexer, type)) {
        return true;
    }
    ovn_lexer_syntax_error(lexer, "expecting `%s'",
                           ovn_lex_type_to_string(type));
    return false;
}

/* If the current token is the identifier 'id', consumes it and returns
 * true. */
bool
ovn_lexer_match_id(struct ovn_lexer *lexer, const char *id)
{
    if (lexer->token.type == OVN_LEX_T_ID && !strcmp(lexer->token.s, id)) {
        ovn_lexer_get(lexer);
        return true;
    }
    return false;
}

/* Returns true if the current token is a small decimal integer. */
bool
ovn_lexer_is_int(const struct ovn_lexer *lexer)
{
    return (lexer->token.type == OVN_LEX_T_INTEGER
            && lexer->token.format == OVN_LEX_F_DECIMAL
            && !lexer->token.value.u64.hi
            && lexer->token.value.u64.lo <= INT_MAX);
}

/* If the current token is a small decimal integer, stores it in '*value',
 * consumes it and returns true. */
bool
ovn_lexer_get_int(struct ovn_lexer *lexer, int *value)
{
    if (ovn_lexer_is_int(lexer)) {
        *value = lexer->token.value.u64.lo;
        ovn_lexer_get(lexer);
        return true;
    }
    *value = 0;
    return false;
}

/* Like ovn_lexer_get_int(), but reports a syntax error on failure. */
bool
ovn_lexer_force_int(struct ovn_lexer *lexer, int *value)
{
    if (ovn_lexer_get_int(lexer, value)) {
        return true;
    }
    ovn_lexer_syntax_error(lexer, "expecting small integer");
    return false;
}

/* Reports a syntax error unless the input is exhausted. */
bool
ovn_lexer_force_end(struct ovn_lexer *lexer)
{
    if (lexer->token.type == OVN_LEX_T_END) {
        return true;
    }
    ovn_lexer_syntax_error(lexer, "expecting end of input");
    return false;
}

/* Records an error "col N: MESSAGE" at the current token, unless an error
 * is already recorded. */
void
ovn_lexer_error(struct ovn_lexer *lexer, const char *message, ...)
{
    if (lexer->error) {
        return;
    }
    va_list args;
    va_start(args, message);
    char *msg = xvasprintf(message, args);
    va_end(args);
    lexer->error = xasprintf("col %"PRIuSIZE": %s", lexer->token.ofs + 1,
                             msg);
    free(msg);
}

/* Records a syntax error naming the current token, unless an error is
 * already recorded. */
void
ovn_lexer_syntax_error(struct ovn_lexer *lexer, const char *message, ...)
{
    if (lexer->error) {
        return;
    }

    struct ds s = DS_EMPTY_INITIALIZER;
    ds_put_format(&s, "col %"PRIuSIZE": syntax error ",
                  lexer->token.ofs + 1);
    if (lexer->token.type == OVN_LEX_T_END) {
        ds_put_cstr(&s, "at end of input");
    } else if (lexer->token.type == OVN_LEX_T_ERROR) {
        ds_put_format(&s, "(%s)", lexer->token.s);
    } else {
        ds_put_cstr(&s, "at `");
        ovn_lex_token_format(&lexer->token, &s);
        ds_put_cstr(&s, "'");
    }
    if (message) {
        va_list args;
        ds_put_cstr(&s, ": ");
        va_start(args, message);
        ds_put_format_valist(&s, message, args);
        va_end(args);
    }
    ds_put_char(&s, '.');
    lexer->error = ds_steal_cstr(&s);
}

/* Returns true if an error has been recorded. */
bool
ovn_lexer_has_error(const struct ovn_lexer *lexer)
{
    return lexer->error != NULL;
}

/* Returns the recorded error (caller frees) and clears it. */
char *
ovn_lexer_steal_error(struct ovn_lexer *lexer)
{
    char *error = lexer->error;
    lexer->error = NULL;
    return error;
}

/* Tokenizes all of 'input', appending the tokens to 'out' separated by
 * spaces.  Returns NULL, or the first error (caller frees); the error token
 * is also appended. */
char *
ovn_lex_tokenize(const char *input, struct ds *out)
{
    struct ovn_lexer lexer;
    char *error;

    ovn_lexer_init(&lexer, input);
    for (bool first = true; ovn_lexer_get(&lexer) != OVN_LEX_T_END;
         first = false) {
        if (!first) {
            ds_put_char(out, ' ');
        }
        ovn_lex_token_format(&lexer.token, out);
    }
    error = ovn_lexer_steal_error(&lexer);
    ovn_lexer_destroy(&lexer);
    return error;
}
