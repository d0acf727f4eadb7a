/*
 * Unit tests for the logical-flow lexer (lib/ovn-lex.c).  Each row of the
 * table below is one cmocka case: the input is tokenized and the tokens,
 * printed back, must equal the expected string exactly; for bad input the
 * expected error message (with its column) must match exactly.
 */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/ovn-lex.h"
#include "openvswitch/dynamic-string.h"
#include "util.h"

/* One lexer case. */
struct lex_case {
    const char *input;          /* Text to tokenize. */
    const char *tokens;         /* Expected tokens, space separated. */
    const char *error;          /* Expected error, or NULL. */
};

static const struct lex_case cases[] = {
    /* Identifiers. */
    { "a", "a", NULL },
    { "eth.src", "eth.src", NULL },
    { "_x1.y_2", "_x1.y_2", NULL },
    { "ct.new ct_label.blocked", "ct.new ct_label.blocked", NULL },
    { "  reg0  ", "reg0", NULL },
    { "abc.def.ghi", "abc.def.ghi", NULL },
    /* Decimal and hexadecimal integers. */
    { "0", "0", NULL },
    { "1 2 3", "1 2 3", NULL },
    { "18446744073709551615", "18446744073709551615", NULL },
    { "18446744073709551616", "18446744073709551616", NULL },
    { "340282366920938463463374607431768211455",
      "340282366920938463463374607431768211455", NULL },
    { "340282366920938463463374607431768211456", "",
      "col 1: decimal constant too large" },
    { "9999999999999999999999999999999999999999", "",
      "col 1: decimal constant too large" },
    { "0x0", "0", NULL },
    { "0x1f", "0x1f", NULL },
    { "0X1F", "0x1f", NULL },
    { "0xffffffffffffffffffffffffffffffff",
      "0xffffffffffffffffffffffffffffffff", NULL },
    { "0x1ffffffffffffffffffffffffffffffff", "",
      "col 1: hexadecimal constant too large (more than 128 bits)" },
    { "0x", "", "col 1: hexadecimal constant requires digits" },
    { "0x10000000000000000", "0x10000000000000000", NULL },
    { "123abc", "", "col 1: invalid numeric constant" },
    { "0x12g", "", "col 1: invalid numeric constant" },
    /* Masked integers. */
    { "0x10/0xf0", "0x10/0xf0", NULL },
    { "5/7", "5/0x7", NULL },
    { "0x11/0xf0", "", "col 1: value contains bits outside the mask" },
    { "1/", "", "col 1: missing mask after `/'" },
    /* IPv4. */
    { "10.0.0.1", "10.0.0.1", NULL },
    { "255.255.255.255", "255.255.255.255", NULL },
    { "10.0.0.0/8", "10.0.0.0/8", NULL },
    { "10.0.0.0/255.0.0.0", "10.0.0.0/8", NULL },
    { "10.0.0.0/255.0.255.0", "10.0.0.0/255.0.255.0", NULL },
    { "0.0.0.0/0", "0.0.0.0/0", NULL },
    { "10.1.0.0/8", "", "col 1: value contains bits outside the mask" },
    { "10.0.0.0/33", "", "col 1: prefix length 33 exceeds 32 bits" },
    { "256.0.0.1", "", "col 1: invalid IPv4 address `256.0.0.1'" },
    { "1.2.3", "", "col 1: invalid IPv4 address `1.2.3'" },
    { "10.0.0.1:80", "10.0.0.1 : 80", NULL },
    /* IPv6. */
    { "::", "::", NULL },
    { "::1", "::1", NULL },
    { "fe80::1", "fe80::1", NULL },
    { "fe80::/10", "fe80::/10", NULL },
    { "FE80::0202:B3FF:FE1E:8329", "fe80::202:b3ff:fe1e:8329", NULL },
    { "2001:db8::/64", "2001:db8::/64", NULL },
    { "2001:db8::/129", "", "col 1: prefix length 129 exceeds 128 bits" },
    { "::ffff:10.0.0.1", "::ffff:10.0.0.1", NULL },
    { "ff02::1:ff00:0/104", "ff02::1:ff00:0/104", NULL },
    { "[fd00::2]:80", "[ fd00::2 ] : 80", NULL },
    { ":::", "", "col 1: invalid address constant" },
    { "1:::", "", "col 2: invalid address constant" },
    { "a:::", "", "col 2: invalid address constant" },
    { "::g", "", "col 1: invalid address constant" },
    { "fe80::1/ffff::", "", "col 1: value contains bits outside the mask" },
    { "fe80::/ffff::", "fe80::/16", NULL },
    { "fe80::/ffff::1", "fe80::/ffff::1", NULL },
    { "fe80::1/255.0.0.0", "",
      "col 1: mask format differs from value format" },
    /* Ethernet. */
    { "00:11:22:33:44:55", "00:11:22:33:44:55", NULL },
    { "ff:ff:ff:ff:ff:ff", "ff:ff:ff:ff:ff:ff", NULL },
    { "AA:BB:CC:DD:EE:FF", "aa:bb:cc:dd:ee:ff", NULL },
    { "01:00:00:00:00:00/01:00:00:00:00:00",
      "01:00:00:00:00:00/01:00:00:00:00:00", NULL },
    { "00:00:00:00:00:01/01:00:00:00:00:00", "",
      "col 1: value contains bits outside the mask" },
    { "de:ad:be:ef:00:01", "de:ad:be:ef:00:01", NULL },
    /* Strings. */
    { "\"lp1\"", "\"lp1\"", NULL },
    { "\"\"", "\"\"", NULL },
    { "\"a\\\"b\"", "\"a\\\"b\"", NULL },
    { "\"a\\\\b\"", "\"a\\\\b\"", NULL },
    { "\"tab\\tnl\\n\"", "\"tab\\tnl\\n\"", NULL },
    { "\"\\x41\"", "\"A\"", NULL },
    { "\"abc", "", "col 1: unterminated string" },
    { "\"a\\qb\"", "", "col 1: bad escape sequence in string" },
    { "\"\\x00\"", "", "col 1: null byte in string" },
    /* Address sets and port groups. */
    { "$as1", "$as1", NULL },
    { "@pg_1", "@pg_1", NULL },
    { "$pg1_ip4 @pg1", "$pg1_ip4 @pg1", NULL },
    { "@7_pg1 $1as", "@7_pg1 $1as", NULL },
    { "$", "", "col 1: `$' must be followed by a name" },
    { "@ x", "", "col 1: `@' must be followed by a name" },
    /* Operators and punctuation. */
    { "( ) { } [ ]", "( ) { } [ ]", NULL },
    { "== != < <= > >=", "== != < <= > >=", NULL },
    { "! && ||", "! && ||", NULL },
    { ".. , ; = <-> -- : ->", ".. , ; = <-> -- : ->", NULL },
    { "a==b", "a == b", NULL },
    { "!a", "! a", NULL },
    { "a&&b||c", "a && b || c", NULL },
    { "<=>", "<= >", NULL },
    { "<->=", "<-> =", NULL },
    { "reg0[1..3]", "reg0 [ 1 .. 3 ]", NULL },
    { "reg0[1]", "reg0 [ 1 ]", NULL },
    { "{1, 2}", "{ 1 , 2 }", NULL },
    { "ip.ttl--;", "ip.ttl -- ;", NULL },
    { "a & b", "", "col 3: `&' is only valid as part of `&&'" },
    { "a | b", "", "col 3: `|' is only valid as part of `||'" },
    { "a - b", "", "col 3: `-' is only valid as part of `--', `->' or "
      "`<->'" },
    { ". a", "", "col 1: `.' is only valid as part of `..' or a number" },
    { "a # b", "", "col 3: invalid character `#' in input" },
    { "a \x01", "", "col 3: invalid byte 0x01 in input" },
    /* Whole expressions. */
    { "ip4.src == {10.0.0.1, 10.0.0.2} && tcp.dst >= 1024",
      "ip4.src == { 10.0.0.1 , 10.0.0.2 } && tcp.dst >= 1024", NULL },
    { "inport == \"lp1\" && eth.src == 00:00:00:00:00:01",
      "inport == \"lp1\" && eth.src == 00:00:00:00:00:01", NULL },
    { "ct_lb_mark(backends=10.0.0.2:80,10.0.0.3:80);",
      "ct_lb_mark ( backends = 10.0.0.2 : 80 , 10.0.0.3 : 80 ) ;", NULL },
    { "outport = \"lp2\"; output;",
      "outport = \"lp2\" ; output ;", NULL },
    { "eth.src <-> eth.dst;", "eth.src <-> eth.dst ;", NULL },
    { "a // comment\n b", "a b", NULL },
    { "a /* inline */ b", "a b", NULL },
    { "a /* open", "", "col 3: unterminated comment" },
    { "", "", NULL },
    { "   ", "", NULL },
};

/* Runs one case from 'cases'. */
static void
run_case(void **state)
{
    const struct lex_case *c = *state;
    struct ds out = DS_EMPTY_INITIALIZER;
    char *error = ovn_lex_tokenize(c->input, &out);

    if (c->error) {
        assert_non_null(error);
        assert_string_equal(error, c->error);
    } else {
        if (error) {
            fail_msg("unexpected error for '%s': %s", c->input, error);
        }
        assert_string_equal(ds_cstr(&out), c->tokens);
    }
    free(error);
    ds_destroy(&out);
}

/* The lexer API: lookahead, match, ints, errors. */
static void
test_lexer_api(void **state OVS_UNUSED)
{
    struct ovn_lexer lexer;
    int v;

    ovn_lexer_init(&lexer, "next(pipeline=egress, table=5) x");
    ovn_lexer_get(&lexer);
    assert_true(ovn_lexer_match_id(&lexer, "next"));
    assert_int_equal(lexer.token.type, OVN_LEX_T_LPAREN);
    assert_int_equal(ovn_lexer_lookahead(&lexer), OVN_LEX_T_ID);
    assert_true(ovn_lexer_match(&lexer, OVN_LEX_T_LPAREN));
    assert_false(ovn_lexer_match_id(&lexer, "table"));
    assert_true(ovn_lexer_match_id(&lexer, "pipeline"));
    assert_true(ovn_lexer_force_match(&lexer, OVN_LEX_T_EQUALS));
    assert_true(ovn_lexer_match_id(&lexer, "egress"));
    assert_true(ovn_lexer_match(&lexer, OVN_LEX_T_COMMA));
    assert_true(ovn_lexer_match_id(&lexer, "table"));
    assert_true(ovn_lexer_match(&lexer, OVN_LEX_T_EQUALS));
    assert_true(ovn_lexer_is_int(&lexer));
    assert_true(ovn_lexer_force_int(&lexer, &v));
    assert_int_equal(v, 5);
    assert_true(ovn_lexer_force_match(&lexer, OVN_LEX_T_RPAREN));
    assert_false(ovn_lexer_force_end(&lexer));
    char *error = ovn_lexer_steal_error(&lexer);
    assert_string_equal(error,
                        "col 32: syntax error at `x': expecting end of "
                        "input.");
    free(error);
    ovn_lexer_destroy(&lexer);

    ovn_lexer_init(&lexer, "a");
    ovn_lexer_get(&lexer);
    ovn_lexer_get(&lexer);
    assert_false(ovn_lexer_force_match(&lexer, OVN_LEX_T_SEMICOLON));
    error = ovn_lexer_steal_error(&lexer);
    assert_string_equal(error, "col 2: syntax error at end of input: "
                        "expecting `;'.");
    free(error);
    ovn_lexer_destroy(&lexer);

    ovn_lexer_init(&lexer, "0x10 -1");
    ovn_lexer_get(&lexer);
    assert_false(ovn_lexer_is_int(&lexer));
    assert_false(ovn_lexer_get_int(&lexer, &v));
    ovn_lexer_get(&lexer);
    assert_int_equal(lexer.token.type, OVN_LEX_T_ERROR);
    assert_true(ovn_lexer_has_error(&lexer));
    ovn_lexer_destroy(&lexer);
}

/* Values and masks land in the right bits. */
static void
test_values(void **state OVS_UNUSED)
{
    struct ovn_lexer lexer;

    ovn_lexer_init(&lexer, "fe80::/64");
    ovn_lexer_get(&lexer);
    assert_int_equal(lexer.token.type, OVN_LEX_T_MASKED_INTEGER);
    assert_int_equal(lexer.token.format, OVN_LEX_F_IPV6);
    assert_true(lexer.token.value.u64.hi == UINT64_C(0xfe80000000000000));
    assert_true(lexer.token.mask.u64.hi == UINT64_MAX);
    assert_true(lexer.token.mask.u64.lo == 0);
    ovn_lexer_destroy(&lexer);

    ovn_lexer_init(&lexer, "00:11:22:33:44:55 10.1.0.0/16");
    ovn_lexer_get(&lexer);
    assert_int_equal(lexer.token.type, OVN_LEX_T_INTEGER);
    assert_true(lexer.token.value.u64.lo == UINT64_C(0x001122334455));
    ovn_lexer_get(&lexer);
    assert_int_equal(lexer.token.format, OVN_LEX_F_IPV4);
    assert_true(lexer.token.value.u64.lo == 0x0a010000);
    assert_true(lexer.token.mask.u64.lo == 0xffff0000);
    assert_int_equal(lexer.token.ofs, 18);
    ovn_lexer_destroy(&lexer);
}

/* 128-bit helpers. */
static void
test_u128(void **state OVS_UNUSED)
{
    ovs_u128 one = ovn_u128_from_u64(1);
    ovs_u128 x = ovn_u128_shl(one, 100);

    assert_true(ovn_u128_get_bit(x, 100));
    assert_false(ovn_u128_get_bit(x, 99));
    assert_int_equal(ovn_u128_lowest_bit(x), 100);
    assert_int_equal(ovn_u128_highest_bit(x), 100);
    assert_true(ovn_u128_eq(ovn_u128_shr(x, 100), one));
    assert_int_equal(ovn_u128_popcount(ovn_u128_low_mask(77)), 77);
    assert_int_equal(ovn_u128_popcount(ovn_u128_low_mask(128)), 128);
    assert_true(ovn_u128_is_zero(ovn_u128_low_mask(0)));
    assert_true(ovn_u128_lt(one, x));
    assert_false(ovn_u128_lt(x, one));
    assert_int_equal(ovn_u128_lowest_bit(OVS_U128_ZERO), 128);
    assert_int_equal(ovn_u128_highest_bit(OVS_U128_ZERO), -1);
    assert_true(ovn_u128_eq(ovn_u128_bit(64), ovn_u128_shl(one, 64)));

    struct ds s = DS_EMPTY_INITIALIZER;
    ovn_lex_format_integer(OVN_LEX_F_DECIMAL, ovn_u128_shl(one, 64), &s);
    assert_string_equal(ds_cstr(&s), "18446744073709551616");
    ds_destroy(&s);
}

int
main(void)
{
    size_t n = ARRAY_SIZE(cases);
    struct CMUnitTest *tests = xcalloc(n + 3, sizeof *tests);

    for (size_t i = 0; i < n; i++) {
        tests[i].name = cases[i].input[0] ? cases[i].input : "(empty)";
        tests[i].test_func = run_case;
        tests[i].initial_state = CONST_CAST(struct lex_case *, &cases[i]);
    }
    tests[n].name = "lexer_api";
    tests[n].test_func = test_lexer_api;
    tests[n + 1].name = "values";
    tests[n + 1].test_func = test_values;
    tests[n + 2].name = "u128";
    tests[n + 2].test_func = test_u128;

    int rc = _cmocka_run_group_tests("lex", tests, n + 3, NULL, NULL);
    free(tests);
    return rc;
}
