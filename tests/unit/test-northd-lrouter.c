/* Unit tests for northd's logical router pipeline without databases: exact
 * flows of a small router (as 23.03 writes them), static route port
 * selection that does not depend on port order, and every generated match
 * and action valid in the logical flow language. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "packets.h"
#include "smap.h"
#include "util.h"
#include "uuid.h"
#include "lib/ovn-actions.h"
#include "lib/ovn-lflow-compile.h"
#include "lib/ovn-nb-idl.h"
#include "northd/nd-lrouter.h"

/* A northd with no databases and one router "lr0". */
struct fixture {
    struct northd nd;
    struct nd_router *lr;
    struct nbrec_logical_router nbr;
    struct nbrec_logical_router_static_route routes[4];
    struct nbrec_logical_router_static_route *route_ptrs[4];
};

static int
setup(void **state)
{
    struct fixture *f = xzalloc(sizeof *f);
    nd_lflow_table_init(&f->nd.lflows, NULL);
    hmap_init(&f->nd.ports);
    nd_lrouter_init(&f->nd);
    f->lr = xzalloc(sizeof *f->lr);
    uuid_generate(&f->lr->dp.nb_uuid);
    f->lr->dp.name = xstrdup("lr0");
    ovs_list_init(&f->lr->dp.ports);
    nd_lflow_owner_init(&f->lr->dp.flows);
    ovs_list_init(&f->lr->ports);
    f->nbr.name = "lr0";
    f->nbr.static_routes = f->route_ptrs;
    for (int i = 0; i < 4; i++) {
        f->route_ptrs[i] = &f->routes[i];
        uuid_generate(&f->routes[i].header_.uuid);
    }
    *state = f;
    return 0;
}

/* Adds router port 'name' with 'mac' and IPv4 networks 'nets' (n of them,
 * "A.B.C.D/N") to the fixture's router; 'peer' may be NULL. */
static struct nd_rport *
add_port(struct fixture *f, const char *name, const char *mac,
         const char *nets[], size_t n, const char *peer, bool enabled)
{
    struct nd_rport *rp = xzalloc(sizeof *rp);
    rp->lr = f->lr;
    uuid_generate(&rp->nb_uuid);
    rp->name = xstrdup(name);
    struct ds q = DS_EMPTY_INITIALIZER;
    json_string_escape(name, &q);
    rp->json_key = ds_steal_cstr(&q);
    rp->enabled = enabled;
    rp->peer = peer ? xstrdup(peer) : NULL;
    assert_true(eth_addr_from_string(mac, &rp->nets.ea));
    snprintf(rp->nets.ea_s, sizeof rp->nets.ea_s, ETH_ADDR_FMT,
             ETH_ADDR_ARGS(rp->nets.ea));
    for (size_t i = 0; i < n; i++) {
        ovs_be32 ip;
        unsigned int plen;
        assert_null(ip_parse_cidr(nets[i], &ip, &plen));
        ovn_lport_addrs_add_ipv4(&rp->nets, ip, plen);
    }
    struct in6_addr lla;
    in6_generate_lla(rp->nets.ea, &lla);
    ovn_lport_addrs_add_ipv6(&rp->nets, &lla, 64);
    rp->has_nets = true;
    ovs_list_push_back(&f->lr->ports, &rp->lr_node);
    hmap_insert(&f->nd.lrouters->ports, &rp->node, hash_string(name, 0));
    return rp;
}

static int
teardown(void **state)
{
    struct fixture *f = *state;
    nd_lflow_owner_clear(&f->nd.lflows, &f->lr->dp.flows);
    assert_int_equal(nd_lflow_table_count(&f->nd.lflows), 0);
    nd_lflow_table_destroy(&f->nd.lflows);
    struct nd_rport *rp;
    LIST_FOR_EACH_POP (rp, lr_node, &f->lr->ports) {
        hmap_remove(&f->nd.lrouters->ports, &rp->node);
        ovn_lport_addrs_destroy(&rp->nets);
        free(rp->peer);
        free(rp->json_key);
        free(rp->name);
        free(rp);
    }
    hmap_destroy(&f->nd.lrouters->routers);
    hmap_destroy(&f->nd.lrouters->ports);
    free(f->nd.lrouters);
    hmap_destroy(&f->nd.ports);
    free(f->lr->dp.name);
    free(f->lr);
    free(f);
    return 0;
}

/* Returns the number of flows of the router in 'stage' with 'priority',
 * 'match' and (unless NULL) 'actions'. */
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

/* Sets static route 'i' of the fixture. */
static void
set_route(struct fixture *f, int i, const char *prefix, const char *nexthop,
          const char *output_port)
{
    struct nbrec_logical_router_static_route *r = &f->routes[i];
    r->ip_prefix = CONST_CAST(char *, prefix);
    r->nexthop = CONST_CAST(char *, nexthop);
    r->output_port = CONST_CAST(char *, output_port);
    r->policy = NULL;
    r->route_table = NULL;
    if (f->nbr.n_static_routes <= (size_t) i) {
        f->nbr.n_static_routes = i + 1;
    }
}

/* Seed 004's router: the flows 23.03 writes for its two ports. */
static void
test_seed004(void **state)
{
    struct fixture *f = *state;
    const char *n0[] = { "192.168.0.1/24" };
    const char *n1[] = { "11.0.0.1/24" };
    add_port(f, "lrp0", "00:00:00:00:ff:01", n0, 1, NULL, true);
    add_port(f, "lrp1", "00:00:00:00:ff:02", n1, 1, NULL, true);
    nd_lrouter_flows(&f->nd, f->lr, &f->nbr);

    assert_int_equal(count_flows(f, S_LR_IN_ADMISSION, 50,
        "eth.dst == 00:00:00:00:ff:01 && inport == \"lrp0\"",
        "xreg0[0..47] = 00:00:00:00:ff:01; next;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_ADMISSION, 50,
        "eth.mcast && inport == \"lrp1\"",
        "xreg0[0..47] = 00:00:00:00:ff:02; next;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_INPUT, 100,
        "ip4.src == {11.0.0.1, 11.0.0.255} && reg9[0] == 0", "drop;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_INPUT, 90,
        "inport == \"lrp0\" && arp.op == 1 && arp.tpa == 192.168.0.1 && "
        "arp.spa == 192.168.0.0/24",
        "eth.dst = eth.src; eth.src = xreg0[0..47]; arp.op = 2; "
        "/* ARP reply */ arp.tha = arp.sha; arp.sha = xreg0[0..47]; "
        "arp.tpa <-> arp.spa; outport = inport; flags.loopback = 1; "
        "output;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_INPUT, 90,
        "ip4.dst == 11.0.0.1 && icmp4.type == 8 && icmp4.code == 0",
        "ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 0; "
        "flags.loopback = 1; next; "), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_INPUT, 60,
        "ip6.dst == {fe80::200:ff:fe00:ff02}", "drop;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING, 74,
        "ip4.dst == 11.0.0.0/24",
        "ip.ttl--; reg8[0..15] = 0; reg0 = ip4.dst; reg1 = 11.0.0.1; "
        "eth.src = 00:00:00:00:ff:02; outport = \"lrp1\"; "
        "flags.loopback = 1; next;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING, 194,
        "inport == \"lrp0\" && ip6.dst == fe80::/64",
        "ip.ttl--; reg8[0..15] = 0; xxreg0 = ip6.dst; "
        "xxreg1 = fe80::200:ff:fe00:ff01; eth.src = 00:00:00:00:ff:01; "
        "outport = \"lrp0\"; flags.loopback = 1; next;"), 1);
    assert_int_equal(count_flows(f, S_LR_OUT_DELIVERY, 100,
        "outport == \"lrp1\"", "output;"), 1);
    assert_int_equal(count_flows(f, S_LR_OUT_DELIVERY, 0, "1", "drop;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_ARP_REQUEST, 100,
        "eth.dst == 00:00:00:00:00:00 && ip4", NULL), 1);
}

/* A disabled port keeps its routes and IP input flows but loses admission
 * and delivery. */
static void
test_disabled(void **state)
{
    struct fixture *f = *state;
    const char *n0[] = { "192.168.0.1/24" };
    add_port(f, "lrp0", "00:00:00:00:ff:01", n0, 1, NULL, false);
    nd_lrouter_flows(&f->nd, f->lr, &f->nbr);
    assert_int_equal(count_flows(f, S_LR_IN_ADMISSION, 50,
        "eth.dst == 00:00:00:00:ff:01 && inport == \"lrp0\"", NULL), 0);
    assert_int_equal(count_flows(f, S_LR_OUT_DELIVERY, 100,
        "outport == \"lrp0\"", NULL), 0);
    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING, 74,
        "ip4.dst == 192.168.0.0/24", NULL), 1);
}

/* Static routes: priority from the prefix length, next hop in reg0, the
 * output port by longest matching network then lowest name (not port
 * order), an explicit output port, and an unreachable next hop (no
 * flow). */
static void
test_static_routes(void **state)
{
    struct fixture *f = *state;
    const char *nb[] = { "10.0.0.3/24" };
    const char *na[] = { "10.0.0.2/24" };
    const char *nc[] = { "10.0.0.1/16" };
    add_port(f, "p-b", "00:00:00:00:00:0b", nb, 1, NULL, true);
    add_port(f, "p-a", "00:00:00:00:00:0a", na, 1, NULL, true);
    add_port(f, "p-c", "00:00:00:00:00:0c", nc, 1, NULL, true);
    set_route(f, 0, "172.16.5.0/16", "10.0.0.9", NULL);
    set_route(f, 1, "172.17.0.0/16", "10.0.0.9", "p-c");
    set_route(f, 2, "172.18.0.0/16", "10.0.9.9", NULL);
    set_route(f, 3, "172.19.0.0/16", "99.0.0.1", NULL);
    nd_lrouter_flows(&f->nd, f->lr, &f->nbr);

    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING, 49,
        "reg7 == 0 && ip4.dst == 172.16.0.0/16",
        "ip.ttl--; reg8[0..15] = 0; reg0 = 10.0.0.9; reg1 = 10.0.0.2; "
        "eth.src = 00:00:00:00:00:0a; outport = \"p-a\"; "
        "flags.loopback = 1; next;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING, 49,
        "reg7 == 0 && ip4.dst == 172.17.0.0/16",
        "ip.ttl--; reg8[0..15] = 0; reg0 = 10.0.0.9; reg1 = 10.0.0.1; "
        "eth.src = 00:00:00:00:00:0c; outport = \"p-c\"; "
        "flags.loopback = 1; next;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING, 49,
        "reg7 == 0 && ip4.dst == 172.18.0.0/16",
        "ip.ttl--; reg8[0..15] = 0; reg0 = 10.0.9.9; reg1 = 10.0.0.1; "
        "eth.src = 00:00:00:00:00:0c; outport = \"p-c\"; "
        "flags.loopback = 1; next;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING, 49,
        "reg7 == 0 && ip4.dst == 172.19.0.0/16", NULL), 0);
}

/* Several next hops for one prefix: ECMP group 1 selects a member, members
 * numbered in next hop order; a "discard" route drops. */
static void
test_ecmp_discard(void **state)
{
    struct fixture *f = *state;
    const char *n0[] = { "10.0.0.1/24" };
    add_port(f, "p0", "00:00:00:00:00:01", n0, 1, NULL, true);
    set_route(f, 0, "172.16.0.0/16", "10.0.0.3", NULL);
    set_route(f, 1, "172.16.0.0/16", "10.0.0.2", NULL);
    set_route(f, 2, "172.20.0.0/24", "discard", NULL);
    nd_lrouter_flows(&f->nd, f->lr, &f->nbr);

    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING, 49,
        "reg7 == 0 && ip4.dst == 172.16.0.0/16",
        "ip.ttl--; flags.loopback = 1; reg8[0..15] = 1; "
        "reg8[16..31] = select(1, 2);"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING_ECMP, 100,
        "reg8[0..15] == 1 && reg8[16..31] == 1",
        "reg0 = 10.0.0.2; reg1 = 10.0.0.1; eth.src = 00:00:00:00:00:01; "
        "outport = \"p0\"; next;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING_ECMP, 100,
        "reg8[0..15] == 1 && reg8[16..31] == 2",
        "reg0 = 10.0.0.3; reg1 = 10.0.0.1; eth.src = 00:00:00:00:00:01; "
        "outport = \"p0\"; next;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_IP_ROUTING, 73,
        "reg7 == 0 && ip4.dst == 172.20.0.0/24", "drop;"), 1);
}

/* Router policies: drop and reroute as 23.03 writes them; a match that is
 * not valid in the logical flow language is skipped. */
static void
test_policies(void **state)
{
    struct fixture *f = *state;
    const char *n0[] = { "10.0.0.1/24" };
    add_port(f, "p0", "00:00:00:00:00:01", n0, 1, NULL, true);
    struct nbrec_logical_router_policy pol[3];
    struct nbrec_logical_router_policy *ptrs[3];
    char *nh[] = { "10.0.0.7" };
    memset(pol, 0, sizeof pol);
    for (int i = 0; i < 3; i++) {
        uuid_generate(&pol[i].header_.uuid);
        ptrs[i] = &pol[i];
    }
    pol[0].priority = 100;
    pol[0].match = "ip4.src == 10.0.0.5";
    pol[0].action = "drop";
    pol[1].priority = 200;
    pol[1].match = "ip4.dst == 172.16.0.0/16";
    pol[1].action = "reroute";
    pol[1].nexthops = nh;
    pol[1].n_nexthops = 1;
    pol[2].priority = 300;
    pol[2].match = "ip4.nonsense == 1";
    pol[2].action = "drop";
    f->nbr.policies = ptrs;
    f->nbr.n_policies = 3;
    nd_lrouter_flows(&f->nd, f->lr, &f->nbr);

    assert_int_equal(count_flows(f, S_LR_IN_POLICY, 100,
        "ip4.src == 10.0.0.5", "drop;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_POLICY, 200,
        "ip4.dst == 172.16.0.0/16",
        "reg0 = 10.0.0.7; reg1 = 10.0.0.1; eth.src = 00:00:00:00:00:01; "
        "outport = \"p0\"; flags.loopback = 1; reg8[0..15] = 0; next;"), 1);
    assert_int_equal(count_flows(f, S_LR_IN_POLICY, 300,
        "ip4.nonsense == 1", NULL), 0);
}

/* Port names that need quoting are escaped in matches and actions. */
static void
test_quoted_name(void **state)
{
    struct fixture *f = *state;
    const char *n0[] = { "10.1.0.1/24" };
    add_port(f, "a \"b\"", "00:00:00:00:00:01", n0, 1, NULL, true);
    nd_lrouter_flows(&f->nd, f->lr, &f->nbr);
    assert_int_equal(count_flows(f, S_LR_OUT_DELIVERY, 100,
        "outport == \"a \\\"b\\\"\"", "output;"), 1);
}

/* Every match and action of a router with several kinds of ports and
 * routes parses in the logical flow language. */
static void
test_flows_parse(void **state)
{
    struct fixture *f = *state;
    const char *n0[] = { "192.168.0.1/24", "192.168.1.1/24" };
    const char *n1[] = { "11.0.0.1/24" };
    add_port(f, "lrp0", "00:00:00:00:ff:01", n0, 2, NULL, true);
    add_port(f, "lrp1", "00:00:00:00:ff:02", n1, 1, NULL, true);
    add_port(f, "off", "00:00:00:00:ff:03", n1, 0, NULL, false);
    set_route(f, 0, "0.0.0.0/0", "11.0.0.254", NULL);
    set_route(f, 1, "10.10.10.10", "192.168.1.9", "lrp0");
    set_route(f, 2, "fd99::/64", "fe80::200:ff:fe00:99", "lrp1");
    nd_lrouter_flows(&f->nd, f->lr, &f->nbr);

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
    assert_true(n > 100);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_seed004, setup, teardown),
        cmocka_unit_test_setup_teardown(test_disabled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_static_routes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_ecmp_discard, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_policies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quoted_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flows_parse, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
