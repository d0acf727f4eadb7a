/* Unit tests for northd's model without databases: the reference-counted
 * logical flow table, tunnel key sets, and the logical switch pipeline
 * (exact flows of small cases; every generated match and action must be
 * valid in the logical flow language). */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "openvswitch/dynamic-string.h"
#include "smap.h"
#include "sset.h"
#include "util.h"
#include "uuid.h"
#include "lib/ovn-actions.h"
#include "lib/ovn-lflow-compile.h"
#include "lib/ovn-nb-idl.h"
#include "northd/northd.h"

/* A northd with no databases: nothing is written, flows are only kept. */
struct fixture {
    struct northd nd;
    struct nd_datapath *dp;
    struct nbrec_logical_switch nbs;
};

static int
setup(void **state)
{
    struct fixture *f = xzalloc(sizeof *f);
    nd_lflow_table_init(&f->nd.lflows, NULL);
    f->nd.ct_mark = true;
    f->dp = xzalloc(sizeof *f->dp);
    uuid_generate(&f->dp->nb_uuid);
    f->dp->name = xstrdup("sw0");
    ovs_list_init(&f->dp->ports);
    hmapx_init(&f->dp->localnet_ports);
    hmapx_init(&f->dp->router_ports);
    hmapx_init(&f->dp->external_ports);
    nd_lflow_owner_init(&f->dp->flows);
    smap_init(&f->nbs.other_config);
    f->nbs.name = "sw0";
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *f = *state;
    nd_lflow_owner_clear(&f->nd.lflows, &f->dp->flows);
    assert_int_equal(nd_lflow_table_count(&f->nd.lflows), 0);
    nd_lflow_table_destroy(&f->nd.lflows);
    smap_destroy(&f->nbs.other_config);
    hmapx_destroy(&f->dp->localnet_ports);
    hmapx_destroy(&f->dp->router_ports);
    hmapx_destroy(&f->dp->external_ports);
    free(f->dp->name);
    free(f->dp);
    free(f);
    return 0;
}

/* Returns the number of flows in 'f' whose stage, priority, match and
 * actions are as given. */
static int
count_flows(const struct fixture *f, enum nd_stage stage, int priority,
            const char *match, const char *actions)
{
    int n = 0;
    const struct nd_lflow *fl;
    HMAP_FOR_EACH (fl, hmap_node, &f->nd.lflows.flows) {
        if (fl->stage == stage && fl->priority == priority
            && !strcmp(fl->match, match)
            && (!actions || !strcmp(fl->actions, actions))) {
            n++;
        }
    }
    return n;
}

/* Owners share identical flows; a flow lives while any owner has it. */
static void
test_refcount(void **state)
{
    struct fixture *f = *state;
    struct nd_lflow_table *t = &f->nd.lflows;
    struct nd_lflow_owner a, b;
    nd_lflow_owner_init(&a);
    nd_lflow_owner_init(&b);
    struct ovs_list old;

    nd_lflow_owner_begin(&a, &old);
    ND_LFLOW_ADD(t, &a, f->dp, S_LS_IN_L2_LKUP, 50, "eth.dst == 1", "x;",
                 NULL);
    ND_LFLOW_ADD(t, &a, f->dp, S_LS_IN_L2_LKUP, 50, "eth.dst == 2", "x;",
                 NULL);
    nd_lflow_owner_end(t, &old);
    nd_lflow_owner_begin(&b, &old);
    ND_LFLOW_ADD(t, &b, f->dp, S_LS_IN_L2_LKUP, 50, "eth.dst == 2", "x;",
                 NULL);
    nd_lflow_owner_end(t, &old);
    assert_int_equal(nd_lflow_table_count(t), 2);

    /* 'a' recomputes without its second flow: still held by 'b'. */
    nd_lflow_owner_begin(&a, &old);
    ND_LFLOW_ADD(t, &a, f->dp, S_LS_IN_L2_LKUP, 50, "eth.dst == 1", "x;",
                 NULL);
    nd_lflow_owner_end(t, &old);
    assert_int_equal(nd_lflow_table_count(t), 2);

    nd_lflow_owner_clear(t, &b);
    assert_int_equal(nd_lflow_table_count(t), 1);
    assert_int_equal(count_flows(f, S_LS_IN_L2_LKUP, 50, "eth.dst == 1",
                                 "x;"), 1);
    nd_lflow_owner_clear(t, &a);
    assert_int_equal(nd_lflow_table_count(t), 0);
    assert_int_equal(a.n_refs, 0);
}

/* Keys are allocated after the last one, wrap around, and run out. */
static void
test_keyset(void **state OVS_UNUSED)
{
    struct nd_keyset ks;
    nd_keyset_init(&ks, 4);
    assert_int_equal(nd_keyset_alloc(&ks), 1);
    nd_keyset_add(&ks, 3);
    assert_int_equal(nd_keyset_alloc(&ks), 2);
    assert_int_equal(nd_keyset_alloc(&ks), 4);
    assert_int_equal(nd_keyset_alloc(&ks), 0);
    nd_keyset_remove(&ks, 2);
    assert_false(nd_keyset_contains(&ks, 2));
    assert_int_equal(nd_keyset_alloc(&ks), 2);
    assert_true(nd_keyset_contains(&ks, 4));
    assert_false(nd_keyset_contains(&ks, 5));
    assert_false(nd_keyset_contains(&ks, 0));
    nd_keyset_destroy(&ks);
}

/* Makes a port model on the fixture's switch. */
static struct nd_port *
make_port(struct fixture *f, const char *name, const char *type,
          const char **addrs, size_t n_addrs, bool enabled,
          struct nbrec_logical_switch_port *nbsp)
{
    struct nd_port *p = xzalloc(sizeof *p);
    uuid_generate(&p->nb_uuid);
    p->name = xstrdup(name);
    p->json_key = xasprintf("\"%s\"", name);
    p->dp = f->dp;
    p->enabled = enabled;
    nd_lflow_owner_init(&p->flows);
    memset(nbsp, 0, sizeof *nbsp);
    nbsp->name = p->name;
    nbsp->type = CONST_CAST(char *, type);
    smap_init(&nbsp->options);
    for (size_t i = 0; i < n_addrs; i++) {
        if (!strcmp(addrs[i], "unknown")) {
            p->has_unknown = true;
            continue;
        }
        p->addrs = xrealloc(p->addrs, (p->n_addrs + 1) * sizeof *p->addrs);
        assert_null(ovn_lport_addrs_parse(addrs[i], &p->addrs[p->n_addrs],
                                          NULL));
        p->n_addrs++;
    }
    return p;
}

static void
free_port(struct fixture *f, struct nd_port *p,
          struct nbrec_logical_switch_port *nbsp)
{
    nd_lflow_owner_clear(&f->nd.lflows, &p->flows);
    for (size_t i = 0; i < p->n_addrs; i++) {
        ovn_lport_addrs_destroy(&p->addrs[i]);
    }
    free(p->addrs);
    smap_destroy(&nbsp->options);
    free(p->name);
    free(p->json_key);
    free(p);
}

/* The exact per-port flows of a VIF with IPv4 and IPv6, as 23.03 writes
 * them. */
static void
test_vif_flows(void **state)
{
    struct fixture *f = *state;
    const char *addrs[] = { "00:00:00:00:01:02 10.0.1.2 fd00::2" };
    struct nbrec_logical_switch_port nbsp;
    struct nd_port *p = make_port(f, "v6", "", addrs, 1, true, &nbsp);
    nd_lswitch_port_flows(&f->nd, p, &nbsp);

    assert_int_equal(p->flows.n_refs, 5);
    assert_int_equal(count_flows(f, S_LS_IN_ARP_ND_RSP, 100,
        "arp.tpa == 10.0.1.2 && arp.op == 1 && inport == \"v6\"",
        "next;"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_ARP_ND_RSP, 50,
        "arp.tpa == 10.0.1.2 && arp.op == 1",
        "eth.dst = eth.src; eth.src = 00:00:00:00:01:02; arp.op = 2; "
        "/* ARP reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:01:02; "
        "arp.tpa = arp.spa; arp.spa = 10.0.1.2; outport = inport; "
        "flags.loopback = 1; output;"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_ARP_ND_RSP, 50,
        "nd_ns && ip6.dst == {fd00::2, ff02::1:ff00:2} && "
        "nd.target == fd00::2",
        "nd_na { eth.src = 00:00:00:00:01:02; ip6.src = fd00::2; "
        "nd.target = fd00::2; nd.tll = 00:00:00:00:01:02; "
        "outport = inport; flags.loopback = 1; output; };"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_L2_LKUP, 50,
        "eth.dst == 00:00:00:00:01:02", "outport = \"v6\"; output;"), 1);
    free_port(f, p, &nbsp);
    assert_int_equal(nd_lflow_table_count(&f->nd.lflows), 0);
}

/* Disabled ports drop; unknown ports learn MACs and get no ARP replies;
 * localnet ports skip conntrack and the responder. */
static void
test_special_ports(void **state)
{
    struct fixture *f = *state;
    const char *a1[] = { "00:00:00:00:01:04 10.0.1.4" };
    const char *a2[] = { "unknown", "00:00:00:00:01:01 10.0.1.1" };
    const char *a3[] = { "unknown" };
    struct nbrec_logical_switch_port n1, n2, n3;
    struct nd_port *dis = make_port(f, "dis", "", a1, 1, false, &n1);
    struct nd_port *u1 = make_port(f, "u1", "", a2, 2, true, &n2);
    struct nd_port *ln = make_port(f, "ln", "localnet", a3, 1, true, &n3);
    nd_lswitch_port_flows(&f->nd, dis, &n1);
    nd_lswitch_port_flows(&f->nd, u1, &n2);
    nd_lswitch_port_flows(&f->nd, ln, &n3);

    assert_int_equal(count_flows(f, S_LS_IN_CHECK_PORT_SEC, 100,
        "inport == \"dis\"", "reg0[15] = 1; next;"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_L2_LKUP, 50,
        "eth.dst == 00:00:00:00:01:04", "drop;"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_L2_UNKNOWN, 50,
        "outport == \"dis\"", "drop;"), 1);

    assert_int_equal(count_flows(f, S_LS_IN_LOOKUP_FDB, 100,
        "inport == \"u1\"",
        "reg0[11] = lookup_fdb(inport, eth.src); next;"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_PUT_FDB, 100,
        "inport == \"u1\" && reg0[11] == 0",
        "put_fdb(inport, eth.src); next;"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_ARP_ND_RSP, 50,
        "arp.tpa == 10.0.1.1 && arp.op == 1", NULL), 0);

    assert_int_equal(count_flows(f, S_LS_IN_PRE_LB, 110,
        "ip && inport == \"ln\"", "next;"), 1);
    assert_int_equal(count_flows(f, S_LS_OUT_PRE_LB, 110,
        "ip && outport == \"ln\"", "ct_clear; next;"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_ARP_ND_RSP, 100,
        "inport == \"ln\"", "next;"), 1);

    free_port(f, dis, &n1);
    free_port(f, u1, &n2);
    free_port(f, ln, &n3);
}

/* The switch-wide flows depend on whether a port accepts unknown
 * destinations, and VLAN pass-through removes the VLAN drop. */
static void
test_dp_flows(void **state)
{
    struct fixture *f = *state;
    nd_lswitch_dp_flows(&f->nd, f->dp, &f->nbs);
    assert_int_equal(f->dp->flows.n_refs, 66);
    assert_int_equal(count_flows(f, S_LS_IN_L2_UNKNOWN, 50,
        "outport == \"none\"", "drop;"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_CHECK_PORT_SEC, 100,
        "vlan.present", "drop;"), 1);

    f->dp->n_unknown = 1;
    smap_add(&f->nbs.other_config, "vlan-passthru", "true");
    nd_lswitch_dp_flows(&f->nd, f->dp, &f->nbs);
    assert_int_equal(f->dp->flows.n_refs, 65);
    assert_int_equal(count_flows(f, S_LS_IN_L2_UNKNOWN, 50,
        "outport == \"none\"", "outport = \"_MC_unknown\"; output;"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_L2_UNKNOWN, 50,
        "outport == \"none\"", "drop;"), 0);
    assert_int_equal(count_flows(f, S_LS_IN_CHECK_PORT_SEC, 100,
        "vlan.present", "drop;"), 0);

    /* A chassis without "ct-no-masked-label": ct_label and ct_lb forms. */
    assert_int_equal(count_flows(f, S_LS_IN_PRE_STATEFUL, 110,
        "reg0[2] == 1", "ct_lb_mark;"), 1);
    f->nd.ct_mark = false;
    nd_lswitch_dp_flows(&f->nd, f->dp, &f->nbs);
    assert_int_equal(count_flows(f, S_LS_IN_PRE_STATEFUL, 110,
        "reg0[2] == 1", "ct_lb;"), 1);
    assert_int_equal(count_flows(f, S_LS_OUT_STATEFUL, 100,
        "reg0[1] == 1 && reg0[13] == 0",
        "ct_commit { ct_label.blocked = 0; }; next;"), 1);
    assert_int_equal(count_flows(f, S_LS_IN_PRE_STATEFUL, 110,
        "reg0[2] == 1", "ct_lb_mark;"), 0);
}

/* Every match and action that the switch pipeline produces parses in the
 * logical flow language (matches against the symbol table, with address
 * sets left unresolved; actions with the right pipeline). */
static void
test_flows_parse(void **state)
{
    struct fixture *f = *state;
    const char *a1[] = { "00:00:00:00:01:02 10.0.1.2 fd00::2",
                         "00:00:00:00:01:12 10.0.1.12" };
    const char *a2[] = { "unknown", "00:00:00:00:01:01 10.0.1.1" };
    const char *a3[] = { "unknown" };
    struct nbrec_logical_switch_port n1, n2, n3, n4;
    struct nd_port *p1 = make_port(f, "p1", "", a1, 2, true, &n1);
    struct nd_port *p2 = make_port(f, "p2", "", a2, 2, false, &n2);
    struct nd_port *ln = make_port(f, "ln", "localnet", a3, 1, true, &n3);
    struct nd_port *rt = make_port(f, "rt", "router", a1, 1, true, &n4);
    rt->is_router = true;
    smap_add(&n1.options, "qdisc_queue_id", "5");
    smap_add(&n3.options, "qdisc_queue_id", "6");
    f->dp->n_unknown = 1;
    nd_lswitch_dp_flows(&f->nd, f->dp, &f->nbs);
    nd_lswitch_port_flows(&f->nd, p1, &n1);
    nd_lswitch_port_flows(&f->nd, p2, &n2);
    nd_lswitch_port_flows(&f->nd, ln, &n3);
    nd_lswitch_port_flows(&f->nd, rt, &n4);

    size_t n = 0;
    const struct nd_lflow *fl;
    HMAP_FOR_EACH (fl, hmap_node, &f->nd.lflows.flows) {
        char *error = ovn_lflow_check_match(fl->match);
        if (error) {
            fail_msg("match \"%s\": %s", fl->match, error);
        }
        struct ovnact_parse_params pp = {
            .ingress = nd_stage_pipeline(fl->stage) == ND_P_IN,
        };
        struct ovn_actions acts;
        struct ds prereqs = DS_EMPTY_INITIALIZER;
        ovn_actions_init(&acts);
        error = ovn_actions_parse(fl->actions, &pp, &acts, &prereqs);
        if (error) {
            fail_msg("actions \"%s\": %s", fl->actions, error);
        }
        ovn_actions_destroy(&acts);
        ds_destroy(&prereqs);
        n++;
    }
    assert_true(n > 80);

    free_port(f, p1, &n1);
    free_port(f, p2, &n2);
    free_port(f, ln, &n3);
    free_port(f, rt, &n4);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_refcount, setup, teardown),
        cmocka_unit_test(test_keyset),
        cmocka_unit_test_setup_teardown(test_vif_flows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_special_ports, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_dp_flows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flows_parse, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
