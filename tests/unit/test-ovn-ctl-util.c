/* Unit tests for lib/ovn-ctl-util: address normalization, logical switch
 * port address strings, port ranges and load balancer endpoints. */

#include <config.h>

#include "lib/ovn-ctl-util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "openvswitch/dynamic-string.h"
#include "packets.h"

/* Asserts that 'actual' (malloc'd, may be NULL) equals 'expected' (may be
 * NULL) and frees it. */
static void
check_str(const char *expected, char *actual)
{
    if (!expected) {
        assert_null(actual);
    } else {
        assert_non_null(actual);
        assert_string_equal(expected, actual);
    }
    free(actual);
}

/* Plain addresses: canonical forms and families. */
static void
test_normalize_ip(void **state OVS_UNUSED)
{
    bool v6 = true;
    check_str("10.0.0.1", ovn_ctl_normalize_ip("10.0.0.1", &v6));
    assert_false(v6);
    check_str("fd00::1", ovn_ctl_normalize_ip("fd00:0:0::01", &v6));
    assert_true(v6);
    check_str(NULL, ovn_ctl_normalize_ip("10.0.0.1/24", &v6));
    check_str(NULL, ovn_ctl_normalize_ip("10.0.0", &v6));
    check_str(NULL, ovn_ctl_normalize_ip("bogus", &v6));
    check_str(NULL, ovn_ctl_normalize_ip("", &v6));
}

/* Prefixes are masked; host prefixes lose their length. */
static void
test_normalize_prefix(void **state OVS_UNUSED)
{
    bool v6 = true;
    check_str("10.1.0.0/16", ovn_ctl_normalize_prefix("10.1.5.5/16", &v6));
    assert_false(v6);
    check_str("10.6.0.1", ovn_ctl_normalize_prefix("10.6.0.1/32", &v6));
    check_str("10.6.0.1", ovn_ctl_normalize_prefix("10.6.0.1", NULL));
    check_str("0.0.0.0/0", ovn_ctl_normalize_prefix("1.2.3.4/0", NULL));
    check_str("fd02::/64", ovn_ctl_normalize_prefix("fd02::5/64", &v6));
    assert_true(v6);
    check_str("fd03::1", ovn_ctl_normalize_prefix("fd03::1/128", NULL));
    check_str(NULL, ovn_ctl_normalize_prefix("10.0.0.0/33", NULL));
    check_str(NULL, ovn_ctl_normalize_prefix("fd00::/129", NULL));
    check_str(NULL, ovn_ctl_normalize_prefix("bogus/8", NULL));
}

/* The family-specific variant refuses the other family. */
static void
test_normalize_net(void **state OVS_UNUSED)
{
    check_str("10.0.0.0/24", ovn_ctl_normalize_net("10.0.0.5/24", false));
    check_str(NULL, ovn_ctl_normalize_net("10.0.0.5/24", true));
    check_str("fd01::/64", ovn_ctl_normalize_net("fd01::9/64", true));
    check_str(NULL, ovn_ctl_normalize_net("fd01::9/64", false));
    check_str("10.0.10.7", ovn_ctl_normalize_net("10.0.10.7/32", false));
}

/* Port ranges: single ports and ordered ranges. */
static void
test_port_range(void **state OVS_UNUSED)
{
    assert_true(ovn_ctl_is_valid_port_range("8080"));
    assert_true(ovn_ctl_is_valid_port_range("1000-2000"));
    assert_true(ovn_ctl_is_valid_port_range("5-5"));
    assert_false(ovn_ctl_is_valid_port_range("2000-1000"));
    assert_false(ovn_ctl_is_valid_port_range("abc"));
    assert_false(ovn_ctl_is_valid_port_range("10-"));
    assert_false(ovn_ctl_is_valid_port_range("10x"));
    assert_false(ovn_ctl_is_valid_port_range(""));
}

/* "MAC IP..." strings. */
static void
test_parse_mac_ips(void **state OVS_UNUSED)
{
    struct ovn_ctl_lsp_ips ips;

    assert_true(ovn_ctl_parse_mac_ips("00:00:00:00:00:01 10.0.0.1 fd00::2",
                                      &ips));
    assert_int_equal(1, ips.n_ipv4);
    assert_int_equal(htonl(0x0a000001), ips.ipv4[0].s_addr);
    assert_int_equal(1, ips.n_ipv6);

    assert_true(ovn_ctl_parse_mac_ips("00:00:00:00:00:01", &ips));
    assert_int_equal(0, ips.n_ipv4 + ips.n_ipv6);

    assert_true(ovn_ctl_parse_mac_ips("0a:00:00:00:00:01 10.0.0.0/24",
                                      &ips));
    assert_int_equal(1, ips.n_ipv4);

    assert_false(ovn_ctl_parse_mac_ips("00:00:00:00:00:01 zz", &ips));
    assert_false(ovn_ctl_parse_mac_ips("00:00:00:00:00:01x", &ips));
    assert_false(ovn_ctl_parse_mac_ips("unknown", &ips));
    assert_false(ovn_ctl_parse_mac_ips("10.0.0.1", &ips));
}

/* The "dynamic" forms. */
static void
test_dynamic_address(void **state OVS_UNUSED)
{
    assert_true(ovn_ctl_is_dynamic_address("dynamic"));
    assert_true(ovn_ctl_is_dynamic_address("dynamic 10.0.0.9"));
    assert_true(ovn_ctl_is_dynamic_address("dynamic fd00::9"));
    assert_true(ovn_ctl_is_dynamic_address("dynamic 10.0.0.9 fd00::9"));
    assert_true(ovn_ctl_is_dynamic_address("00:00:00:00:00:01 dynamic"));
    assert_false(ovn_ctl_is_dynamic_address("dynamic zz"));
    assert_false(ovn_ctl_is_dynamic_address("dynamic 10.0.0.1 10.0.0.2"));
    assert_false(ovn_ctl_is_dynamic_address("dynamic "));
    assert_false(ovn_ctl_is_dynamic_address("dynamicx"));
    assert_false(ovn_ctl_is_dynamic_address("00:00:00:00:00:01"));
}

/* What lsp-set-addresses accepts. */
static void
test_valid_lsp_address(void **state OVS_UNUSED)
{
    assert_true(ovn_ctl_is_valid_lsp_address("unknown"));
    assert_true(ovn_ctl_is_valid_lsp_address("router"));
    assert_true(ovn_ctl_is_valid_lsp_address("dynamic"));
    assert_true(ovn_ctl_is_valid_lsp_address("00:00:00:00:00:01 10.0.0.1"));
    /* Like the reference implementation, only the leading MAC matters. */
    assert_true(ovn_ctl_is_valid_lsp_address("00:00:00:00:00:01 zz"));
    assert_false(ovn_ctl_is_valid_lsp_address("zz"));
    assert_false(ovn_ctl_is_valid_lsp_address("10.0.0.1"));
    assert_false(ovn_ctl_is_valid_lsp_address("dynamic zz"));
    assert_false(ovn_ctl_is_valid_lsp_address(""));
}

/* Parses 's' and checks its canonical form ('expected' NULL: invalid). */
static void
check_endpoint(const char *s, const char *expected, bool is_v6, int port)
{
    struct ovn_ctl_endpoint ep;
    bool ok = ovn_ctl_parse_endpoint(s, &ep);
    if (!expected) {
        assert_false(ok);
        return;
    }
    assert_true(ok);
    assert_int_equal(is_v6, ep.is_v6);
    assert_int_equal(port, ep.port);

    struct ds out = DS_EMPTY_INITIALIZER;
    ovn_ctl_format_endpoint(&ep, &out);
    assert_string_equal(expected, ds_cstr(&out));
    ds_destroy(&out);
}

/* Load balancer VIPs and backends. */
static void
test_endpoint(void **state OVS_UNUSED)
{
    check_endpoint("30.0.0.10", "30.0.0.10", false, -1);
    check_endpoint("30.0.0.10:80", "30.0.0.10:80", false, 80);
    check_endpoint("fd00::2", "fd00::2", true, -1);
    check_endpoint("[fd00:0::4]:81", "[fd00::4]:81", true, 81);
    check_endpoint("[fd00::4]", "fd00::4", true, -1);
    check_endpoint("30.0.0.15:99999", NULL, false, -1);
    check_endpoint("30.0.0.15:", NULL, false, -1);
    check_endpoint("bogus", NULL, false, -1);
    check_endpoint("[fd00::4", NULL, false, -1);
    check_endpoint("[fd00::4]x", NULL, false, -1);
    check_endpoint("^vip:^port", NULL, false, -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize_ip),
        cmocka_unit_test(test_normalize_prefix),
        cmocka_unit_test(test_normalize_net),
        cmocka_unit_test(test_port_range),
        cmocka_unit_test(test_parse_mac_ips),
        cmocka_unit_test(test_dynamic_address),
        cmocka_unit_test(test_valid_lsp_address),
        cmocka_unit_test(test_endpoint),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
