/* Unit tests for lib/ovn-addr: parsing of logical port address strings. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/ovn-addr.h"
#include "util.h"

/* A MAC and one IPv4 address with derived network and broadcast. */
static void
test_mac_ipv4(void **state OVS_UNUSED)
{
    struct ovn_lport_addrs la;
    char *error = ovn_lport_addrs_parse("00:0A:00:00:00:01 10.0.0.5/24",
                                        &la, NULL);
    assert_null(error);
    assert_string_equal(la.ea_s, "00:0a:00:00:00:01");
    assert_int_equal(la.n_ipv4, 1);
    assert_int_equal(la.n_ipv6, 0);
    assert_string_equal(la.ipv4[0].addr_s, "10.0.0.5");
    assert_string_equal(la.ipv4[0].network_s, "10.0.0.0");
    assert_string_equal(la.ipv4[0].bcast_s, "10.0.0.255");
    assert_int_equal(la.ipv4[0].plen, 24);
    ovn_lport_addrs_destroy(&la);
}

/* IPv6 addresses get their solicited-node address; no plen means /128. */
static void
test_ipv6(void **state OVS_UNUSED)
{
    struct ovn_lport_addrs la;
    char *error = ovn_lport_addrs_parse(
        "00:00:00:00:01:02 10.0.1.2 fd00::2 fd01::1:2/64", &la, NULL);
    assert_null(error);
    assert_int_equal(la.n_ipv4, 1);
    assert_int_equal(la.n_ipv6, 2);
    assert_string_equal(la.ipv6[0].addr_s, "fd00::2");
    assert_string_equal(la.ipv6[0].sn_addr_s, "ff02::1:ff00:2");
    assert_int_equal(la.ipv6[0].plen, 128);
    assert_string_equal(la.ipv6[1].sn_addr_s, "ff02::1:ff01:2");
    assert_string_equal(la.ipv6[1].network_s, "fd01::");
    assert_int_equal(la.ipv6[1].plen, 64);
    ovn_lport_addrs_destroy(&la);
}

/* Just a MAC. */
static void
test_mac_only(void **state OVS_UNUSED)
{
    struct ovn_lport_addrs la;
    assert_null(ovn_lport_addrs_parse("  0a:00:00:00:00:01  ", &la, NULL));
    assert_string_equal(la.ea_s, "0a:00:00:00:00:01");
    assert_int_equal(la.n_ipv4 + la.n_ipv6, 0);
    ovn_lport_addrs_destroy(&la);
}

/* Malformed strings are rejected with a message naming the bad word, and
 * leave nothing allocated. */
static void
test_errors(void **state OVS_UNUSED)
{
    static const struct {
        const char *s;
        const char *word;
    } cases[] = {
        { "garbage", "\"garbage\"" },
        { "00:11 1.2.3.4", "\"00:11\"" },
        { "0a:00:00:00:00:01 1.2.3", "\"1.2.3\"" },
        { "0a:00:00:00:00:01 10.0.0.1 zz", "\"zz\"" },
        { "0a:00:00:00:00:01x", "\"0a:00:00:00:00:01x\"" },
        { "0a:00:00:00:00:01 10.0.0.1/33", "\"10.0.0.1/33\"" },
        { "", "\"\"" },
    };
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct ovn_lport_addrs la;
        char *error = ovn_lport_addrs_parse(cases[i].s, &la, NULL);
        assert_non_null(error);
        assert_non_null(strstr(error, cases[i].word));
        assert_null(la.ipv4);
        assert_null(la.ipv6);
        free(error);
    }
}

/* With 'ofs', parsing stops at the first non-address word. */
static void
test_ofs(void **state OVS_UNUSED)
{
    struct ovn_lport_addrs la;
    int ofs = -1;
    const char *s = "0a:00:00:00:00:01 10.0.0.1 dynamic";
    assert_null(ovn_lport_addrs_parse(s, &la, &ofs));
    assert_int_equal(la.n_ipv4, 1);
    assert_string_equal(s + ofs, "dynamic");
    ovn_lport_addrs_destroy(&la);
}

/* Addresses without a MAC. */
static void
test_ips_only(void **state OVS_UNUSED)
{
    struct ovn_lport_addrs la;
    assert_null(ovn_lport_addrs_parse_ips("10.0.0.1 fd00::1", &la));
    assert_int_equal(la.n_ipv4, 1);
    assert_int_equal(la.n_ipv6, 1);
    ovn_lport_addrs_destroy(&la);

    char *error = ovn_lport_addrs_parse_ips("10.0.0.1 nope", &la);
    assert_non_null(error);
    free(error);
    ovn_lport_addrs_destroy(NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mac_ipv4),
        cmocka_unit_test(test_ipv6),
        cmocka_unit_test(test_mac_only),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_ofs),
        cmocka_unit_test(test_ips_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
