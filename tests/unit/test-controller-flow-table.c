/*
 * Unit tests for ovn-controller's flow table (controller/flow-table.c): the
 * keyed set in which desired and installed OpenFlow flows are kept.
 */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "byte-order.h"
#include "controller/flow-table.h"
#include "flow.h"
#include "controller/physical.h"
#include "openvswitch/match.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofpbuf.h"
#include "util.h"

/* Builds a match on metadata 'dp' and reg15 'port'. */
static void
make_match(struct match *m, uint32_t dp, uint32_t port)
{
    match_init_catchall(m);
    match_set_metadata(m, htonll(dp));
    match_set_reg(m, 15, port);
}

/* Adding flows: the first flow with a key wins; keys differ by table,
 * priority and match. */
static void
test_add_and_find(void **state OVS_UNUSED)
{
    struct ctl_flow_table ft;
    struct ofpbuf a;
    struct match m;

    ctl_flow_table_init(&ft);
    ofpbuf_init(&a, 0);
    ctl_put_resubmit(41, &a);

    make_match(&m, 1, 2);
    assert_true(ctl_flow_table_add_buf(&ft, 40, 100, 0x1234, &m, &a));
    assert_false(ctl_flow_table_add_buf(&ft, 40, 100, 0x9999, &m, &a));
    assert_true(ctl_flow_table_add_buf(&ft, 40, 101, 0, &m, &a));
    assert_true(ctl_flow_table_add_buf(&ft, 39, 100, 0, &m, &a));
    make_match(&m, 1, 3);
    assert_true(ctl_flow_table_add_buf(&ft, 40, 100, 0, &m, &a));
    assert_int_equal(4, ctl_flow_table_count(&ft));

    struct minimatch mm;
    make_match(&m, 1, 2);
    minimatch_init(&mm, &m);
    struct ctl_flow *f = ctl_flow_table_find(&ft, 40, 100, &mm);
    assert_non_null(f);
    assert_int_equal(0x1234, f->cookie);
    assert_null(ctl_flow_table_find(&ft, 41, 100, &mm));
    minimatch_destroy(&mm);

    ctl_flow_table_remove(&ft, f);
    assert_int_equal(3, ctl_flow_table_count(&ft));
    ofpbuf_uninit(&a);
    ctl_flow_table_destroy(&ft);
}

/* Formatting matches ovs-ofctl's syntax. */
static void
test_to_string(void **state OVS_UNUSED)
{
    struct ctl_flow_table ft;
    struct ofpbuf a;
    struct match m;

    ctl_flow_table_init(&ft);
    ofpbuf_init(&a, 0);
    ctl_put_load(5, MFF_REG13, 0, 32, &a);
    ctl_put_move(MFF_TUN_ID, 0, MFF_METADATA, 0, 24, &a);
    ctl_put_resubmit(8, &a);
    match_init_catchall(&m);
    match_set_in_port(&m, u16_to_ofp(3));
    ctl_flow_table_add_buf(&ft, 0, 100, 0xab, &m, &a);

    struct ctl_flow *f = CONTAINER_OF(hmap_first(&ft.flows), struct ctl_flow,
                                      node);
    char *s = ctl_flow_to_string(f);
    assert_string_equal("table=0, priority=100, cookie=0xab, in_port=3 "
                        "actions=set_field:0x5->reg13,"
                        "move:NXM_NX_TUN_ID[0..23]->OXM_OF_METADATA[0..23],"
                        "resubmit(,8)", s);
    free(s);

    /* No actions means drop. */
    ofpbuf_clear(&a);
    match_init_catchall(&m);
    ctl_flow_table_clear(&ft);
    ctl_flow_table_add_buf(&ft, 65, 0, 0, &m, &a);
    f = CONTAINER_OF(hmap_first(&ft.flows), struct ctl_flow, node);
    s = ctl_flow_to_string(f);
    assert_string_equal("table=65, priority=0, actions=drop", s);
    free(s);

    ofpbuf_uninit(&a);
    ctl_flow_table_destroy(&ft);
}

/* Clones compare equal; a different cookie or action does not. */
static void
test_clone_and_compare(void **state OVS_UNUSED)
{
    struct ctl_flow_table ft;
    struct ofpbuf a;
    struct match m;

    ctl_flow_table_init(&ft);
    ofpbuf_init(&a, 0);
    ctl_put_load(0x8000, MFF_REG15, 0, 32, &a);
    make_match(&m, 7, 1);
    ctl_flow_table_add_buf(&ft, 40, 100, 1, &m, &a);
    struct ctl_flow *f = CONTAINER_OF(hmap_first(&ft.flows), struct ctl_flow,
                                      node);
    struct ctl_flow *c = ctl_flow_clone(f);
    assert_true(ctl_flow_actions_equal(f, c));
    assert_int_equal(ctl_flow_hash(f->table_id, f->priority, &f->match),
                     ctl_flow_hash(c->table_id, c->priority, &c->match));
    c->cookie = 2;
    assert_false(ctl_flow_actions_equal(f, c));
    c->cookie = 1;
    ((uint8_t *) c->ofpacts)[c->ofpacts_len - 1] ^= 1;
    assert_false(ctl_flow_actions_equal(f, c));
    ctl_flow_free(c);
    ctl_flow_free(NULL);

    ofpbuf_uninit(&a);
    ctl_flow_table_destroy(&ft);
    ctl_flow_table_destroy(NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_and_find),
        cmocka_unit_test(test_to_string),
        cmocka_unit_test(test_clone_and_compare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
