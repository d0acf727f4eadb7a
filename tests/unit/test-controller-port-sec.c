/*
 * Unit tests for the port security flows (controller/port-sec.c): which
 * frames tables 73-75 accept or reject for a port_security setting.
 */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "controller/binding.h"
#include "controller/flow-table.h"
#include "controller/port-sec.h"
#include "hash.h"
#include "lib/ovn-sb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "util.h"

/* A fake local VIF with the given port_security entries. */
static struct sbrec_datapath_binding dp;
static struct sbrec_port_binding pb;

static void
make_state(struct binding_state *bs, char **ps, size_t n_ps)
{
    memset(&dp, 0, sizeof dp);
    dp.tunnel_key = 5;
    memset(&pb, 0, sizeof pb);
    pb.logical_port = "lp1";
    pb.datapath = &dp;
    pb.tunnel_key = 3;
    pb.header_.uuid.parts[0] = 0xabcd;
    pb.port_security = ps;
    pb.n_port_security = n_ps;
    binding_state_init(bs);
    struct local_port *lp = xzalloc(sizeof *lp);
    lp->pb = &pb;
    lp->kind = LP_VIF;
    lp->tag = -1;
    shash_add(&bs->ports, "lp1", lp);
}

/* Returns the sorted flows of 'ft' in table 'table', one per line. */
static char *
dump_table(const struct ctl_flow_table *ft, int table)
{
    struct sset lines = SSET_INITIALIZER(&lines);
    const struct ctl_flow *f;
    struct ds s = DS_EMPTY_INITIALIZER;

    HMAP_FOR_EACH (f, node, &ft->flows) {
        if (f->table_id == table) {
            sset_add_and_free(&lines, ctl_flow_to_string(f));
        }
    }
    const char **sorted = sset_sort(&lines);
    for (size_t i = 0; i < sset_count(&lines); i++) {
        ds_put_format(&s, "%s\n", sorted[i]);
    }
    free(sorted);
    sset_destroy(&lines);
    return ds_steal_cstr(&s);
}

/* MAC only: in, any source IP from that MAC; out, anything to it. */
static void
test_mac_only(void **state OVS_UNUSED)
{
    char *ps[] = { "00:00:00:00:00:01" };
    struct binding_state bs;
    struct ctl_flow_table ft;

    make_state(&bs, ps, 1);
    ctl_flow_table_init(&ft);
    port_sec_run(&bs, &ft);

    char *t73 = dump_table(&ft, 73);
    assert_non_null(strstr(t73, "priority=80, cookie=0xabcd, "
                            "reg14=0x3,metadata=0x5 "
                            "actions=set_field:0x1000/0x1000->reg10\n"));
    assert_non_null(strstr(t73, "priority=90, cookie=0xabcd, "
                            "reg14=0x3,metadata=0x5,dl_src=00:00:00:00:00:01 "
                            "actions=set_field:0/0x1000->reg10\n"));
    char *t75 = dump_table(&ft, 75);
    assert_non_null(strstr(t75, "priority=85, cookie=0xabcd, "
                            "reg15=0x3,metadata=0x5,dl_dst=00:00:00:00:00:01 "
                            "actions=set_field:0/0x1000->reg10\n"));
    /* No IP restrictions on the way out. */
    assert_null(strstr(t75, "priority=90"));
    free(t73);
    free(t75);
    ctl_flow_table_destroy(&ft);
    binding_state_destroy(&bs);
}

/* MAC and IPv4: source IP checked, ARP checked in table 74, outbound IP
 * only to the address, broadcast and multicast. */
static void
test_mac_ip4(void **state OVS_UNUSED)
{
    char *ps[] = { "00:00:00:00:00:01 10.0.0.1" };
    struct binding_state bs;
    struct ctl_flow_table ft;

    make_state(&bs, ps, 1);
    ctl_flow_table_init(&ft);
    port_sec_run(&bs, &ft);

    char *t73 = dump_table(&ft, 73);
    assert_non_null(strstr(t73, "priority=90, cookie=0xabcd, ip,reg14=0x3,"
                            "metadata=0x5,dl_src=00:00:00:00:00:01,"
                            "nw_src=10.0.0.1 "
                            "actions=set_field:0/0x1000->reg10\n"));
    assert_non_null(strstr(t73, "priority=95, cookie=0xabcd, arp,reg14=0x3,"
                            "metadata=0x5 actions=resubmit(,74)\n"));
    assert_null(strstr(t73, "dl_src=00:00:00:00:00:01 actions"));
    char *t74 = dump_table(&ft, 74);
    assert_non_null(strstr(t74, "priority=90, cookie=0xabcd, arp,reg14=0x3,"
                            "metadata=0x5,dl_src=00:00:00:00:00:01,"
                            "arp_spa=10.0.0.1,arp_sha=00:00:00:00:00:01 "
                            "actions=set_field:0/0x1000->reg10\n"));
    char *t75 = dump_table(&ft, 75);
    assert_non_null(strstr(t75, "nw_dst=10.0.0.1 actions=set_field:0/"));
    assert_non_null(strstr(t75,
                           "nw_dst=255.255.255.255 actions=set_field:0/"));
    assert_non_null(strstr(t75, "nw_dst=224.0.0.0/4 actions=set_field:0/"));
    assert_non_null(strstr(t75, "priority=90, cookie=0xabcd, ip,reg15=0x3,"
                            "metadata=0x5,dl_dst=00:00:00:00:00:01 "
                            "actions=set_field:0x1000/0x1000->reg10\n"));
    free(t73);
    free(t74);
    free(t75);
    ctl_flow_table_destroy(&ft);
    binding_state_destroy(&bs);
}

/* A malformed entry produces nothing; no entry, no flows at all. */
static void
test_bad_and_none(void **state OVS_UNUSED)
{
    char *ps[] = { "not-a-mac 10.0.0.1", "00:00:00:00:00:02 300.1.1.1" };
    struct binding_state bs;
    struct ctl_flow_table ft;

    make_state(&bs, ps, 2);
    ctl_flow_table_init(&ft);
    port_sec_run(&bs, &ft);
    assert_int_equal(0, ctl_flow_table_count(&ft));
    binding_state_destroy(&bs);

    make_state(&bs, NULL, 0);
    port_sec_run(&bs, &ft);
    assert_int_equal(0, ctl_flow_table_count(&ft));
    ctl_flow_table_destroy(&ft);
    binding_state_destroy(&bs);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mac_only),
        cmocka_unit_test(test_mac_ip4),
        cmocka_unit_test(test_bad_and_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
