/* ovn-northd logical router pipeline (ovn-northd(8), "Logical Router
 * Datapaths"): admission, neighbour learning, IP input (ARP/ND replies and
 * ICMP echo replies for the router's own addresses, drops of bad sources
 * and expiring TTLs), routing over connected networks and static routes,
 * ARP resolution with the known neighbours of attached switches, ARP/ND
 * requests for unknown next hops, and egress delivery. */
#include <config.h>
#include "northd/nd-lrouter.h"

#include <string.h>

#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "smap.h"
#include "util.h"
#include "lib/ovn-lflow-compile.h"
#include "lib/ovn-nb-idl.h"

/* Route priorities: the prefix length times this, plus an offset. */
#define ROUTE_PRIO_MULT 3
#define ROUTE_PRIO_STATIC 1     /* Offset of static routes. */
#define ROUTE_PRIO_CONNECTED 2  /* Offset of connected networks. */

#define ADD(STAGE, PRIO, MATCH, ACTIONS)                                \
    ND_LFLOW_ADD(&nd->lflows, &lr->dp.flows, &lr->dp, S_##STAGE, PRIO,  \
                 MATCH, ACTIONS, NULL)
/* Adds a lr_in_arp_resolve flow owned by router port RP's neighbours. */
#define ADD_NB(RP, MATCH, ACTIONS)                                      \
    ND_LFLOW_ADD(&nd->lflows,                                           \
                 CONST_CAST(struct nd_lflow_owner *, &(RP)->nb_flows),  \
                 &lr->dp, S_LR_IN_ARP_RESOLVE, 100, MATCH, ACTIONS,     \
                 &(RP)->nb_uuid)
#define ADD_H(STAGE, PRIO, MATCH, ACTIONS, HINT)                        \
    ND_LFLOW_ADD(&nd->lflows, &lr->dp.flows, &lr->dp, S_##STAGE, PRIO,  \
                 MATCH, ACTIONS, HINT)

/* Returns true if 'a' is an IPv6 link-local address. */
static bool
is_lla(const struct ovn_ipv6_netaddr *a)
{
    return in6_is_lla(CONST_CAST(struct in6_addr *, &a->addr));
}

/* Appends "{A1, B1, A2, B2...}" (the IPv4 addresses of 'rp' and, if
 * 'bcast', their broadcast addresses), or "A" for a single address without
 * braces unless 'braces'. */
static void
put_v4_addrs(struct ds *s, const struct nd_rport *rp, bool bcast,
             bool braces)
{
    const struct ovn_lport_addrs *la = &rp->nets;
    size_t n = la->n_ipv4 * (bcast ? 2 : 1);
    if (n > 1 || braces) {
        ds_put_char(s, '{');
    }
    for (size_t i = 0; i < la->n_ipv4; i++) {
        ds_put_format(s, "%s, ", la->ipv4[i].addr_s);
        if (bcast) {
            ds_put_format(s, "%s, ", la->ipv4[i].bcast_s);
        }
    }
    ds_chomp(s, ' ');
    ds_chomp(s, ',');
    if (n > 1 || braces) {
        ds_put_char(s, '}');
    }
}

/* Same for the IPv6 addresses (no broadcast). */
static void
put_v6_addrs(struct ds *s, const struct nd_rport *rp, bool braces)
{
    const struct ovn_lport_addrs *la = &rp->nets;
    if (la->n_ipv6 > 1 || braces) {
        ds_put_char(s, '{');
    }
    for (size_t i = 0; i < la->n_ipv6; i++) {
        ds_put_format(s, "%s, ", la->ipv6[i].addr_s);
    }
    ds_chomp(s, ' ');
    ds_chomp(s, ',');
    if (la->n_ipv6 > 1 || braces) {
        ds_put_char(s, '}');
    }
}

/* Flows that do not depend on the router's configuration. */
static void
fixed_flows(struct northd *nd, struct nd_router *lr)
{
    ADD(LR_IN_ADMISSION, 100, "vlan.present || eth.src[40]", "drop;");
    ADD(LR_IN_ADMISSION, 0, "1", "drop;");

    const char *lookup_arp = "reg9[2] = lookup_arp(inport, arp.spa, "
                             "arp.sha); next;";
    ADD(LR_IN_LOOKUP_NEIGHBOR, 100, "arp.op == 2", lookup_arp);
    ADD(LR_IN_LOOKUP_NEIGHBOR, 100, "nd_na",
        "reg9[2] = lookup_nd(inport, nd.target, nd.tll); next;");
    ADD(LR_IN_LOOKUP_NEIGHBOR, 100, "nd_ns",
        "reg9[2] = lookup_nd(inport, ip6.src, nd.sll); next;");
    ADD(LR_IN_LOOKUP_NEIGHBOR, 0, "1", "reg9[2] = 1; next;");

    ADD(LR_IN_LEARN_NEIGHBOR, 100, "reg9[2] == 1", "next;");
    ADD(LR_IN_LEARN_NEIGHBOR, 95, "nd_na && nd.tll == 0",
        "put_nd(inport, nd.target, eth.src); next;");
    ADD(LR_IN_LEARN_NEIGHBOR, 95, "nd_ns && (ip6.src == 0 || nd.sll == 0)",
        "next;");
    ADD(LR_IN_LEARN_NEIGHBOR, 90, "arp",
        "put_arp(inport, arp.spa, arp.sha); next;");
    ADD(LR_IN_LEARN_NEIGHBOR, 90, "nd_na",
        "put_nd(inport, nd.target, nd.tll); next;");
    ADD(LR_IN_LEARN_NEIGHBOR, 90, "nd_ns",
        "put_nd(inport, ip6.src, nd.sll); next;");
    ADD(LR_IN_LEARN_NEIGHBOR, 0, "1", "drop;");

    ADD(LR_IN_IP_INPUT, 100, "ip4.src_mcast ||"
        "ip4.src == 255.255.255.255 || ip4.src == 127.0.0.0/8 || "
        "ip4.dst == 127.0.0.0/8 || ip4.src == 0.0.0.0/8 || "
        "ip4.dst == 0.0.0.0/8", "drop;");
    ADD(LR_IN_IP_INPUT, 85, "arp || nd", "drop;");
    ADD(LR_IN_IP_INPUT, 84, "nd_rs || nd_ra", "next;");
    ADD(LR_IN_IP_INPUT, 83, "ip6.mcast_rsvd", "drop;");
    ADD(LR_IN_IP_INPUT, 82, "ip4.mcast || ip6.mcast", "drop;");
    ADD(LR_IN_IP_INPUT, 50, "eth.bcast", "drop;");
    ADD(LR_IN_IP_INPUT, 32,
        "ip.ttl == {0, 1} && !ip.later_frag && (ip4.mcast || ip6.mcast)",
        "drop;");
    ADD(LR_IN_IP_INPUT, 30, "ip.ttl == {0, 1}", "drop;");
    ADD(LR_IN_IP_INPUT, 0, "1", "next;");

    ADD(LR_IN_UNSNAT, 0, "1", "next;");
    ADD(LR_IN_DEFRAG, 0, "1", "next;");
    ADD(LR_IN_LB_AFF_CHECK, 0, "1", "next;");
    ADD(LR_IN_DNAT, 0, "1", "next;");
    ADD(LR_IN_LB_AFF_LEARN, 0, "1", "next;");
    ADD(LR_IN_ECMP_STATEFUL, 0, "1", "next;");
    ADD(LR_IN_ND_RA_OPTIONS, 0, "1", "next;");
    ADD(LR_IN_ND_RA_RESPONSE, 0, "1", "next;");
    ADD(LR_IN_IP_ROUTING_PRE, 0, "1", "reg7 = 0; next;");
    ADD(LR_IN_IP_ROUTING, 10550, "nd_rs || nd_ra", "drop;");
    ADD(LR_IN_IP_ROUTING, 0, "1", "drop;");
    ADD(LR_IN_IP_ROUTING_ECMP, 150, "reg8[0..15] == 0", "next;");
    ADD(LR_IN_IP_ROUTING_ECMP, 0, "1", "drop;");
    ADD(LR_IN_POLICY, 0, "1", "reg8[0..15] = 0; next;");
    ADD(LR_IN_POLICY_ECMP, 150, "reg8[0..15] == 0", "next;");
    ADD(LR_IN_POLICY_ECMP, 0, "1", "drop;");
    ADD(LR_IN_ARP_RESOLVE, 500, "ip4.mcast || ip6.mcast", "next;");
    ADD(LR_IN_ARP_RESOLVE, 1, "ip4", "get_arp(outport, reg0); next;");
    ADD(LR_IN_ARP_RESOLVE, 1, "ip6", "get_nd(outport, xxreg0); next;");
    ADD(LR_IN_ARP_RESOLVE, 0, "1", "drop;");
    ADD(LR_IN_CHK_PKT_LEN, 0, "1", "next;");
    ADD(LR_IN_LARGER_PKTS, 0, "1", "next;");
    ADD(LR_IN_GW_REDIRECT, 0, "1", "next;");
    ADD(LR_IN_ARP_REQUEST, 100, "eth.dst == 00:00:00:00:00:00 && ip4",
        "arp { eth.dst = ff:ff:ff:ff:ff:ff; arp.spa = reg1; arp.tpa = reg0; "
        "arp.op = 1; output; };");
    ADD(LR_IN_ARP_REQUEST, 100, "eth.dst == 00:00:00:00:00:00 && ip6",
        "nd_ns { nd.target = xxreg0; output; };");
    ADD(LR_IN_ARP_REQUEST, 0, "1", "output;");

    ADD(LR_OUT_CHK_DNAT_LOCAL, 0, "1", "reg9[4] = 0; next;");
    ADD(LR_OUT_UNDNAT, 0, "1", "next;");
    ADD(LR_OUT_POST_UNDNAT, 0, "1", "next;");
    ADD(LR_OUT_SNAT, 120, "nd_ns", "next;");
    ADD(LR_OUT_SNAT, 0, "1", "next;");
    ADD(LR_OUT_POST_SNAT, 0, "1", "next;");
    ADD(LR_OUT_EGR_LOOP, 0, "1", "next;");
}

/* Admission and delivery flows of enabled port 'rp'. */
static void
port_admission_flows(struct northd *nd, struct nd_router *lr,
                     const struct nd_rport *rp)
{
    const struct ovn_lport_addrs *la = &rp->nets;
    const struct uuid *hint = &rp->nb_uuid;
    struct ds m = DS_EMPTY_INITIALIZER;
    struct ds a = DS_EMPTY_INITIALIZER;

    /* Admission: unicast to the port's MAC, and multicast. */
    ds_put_format(&a, "xreg0[0..47] = %s; next;", la->ea_s);
    ds_put_format(&m, "eth.dst == %s && inport == %s", la->ea_s,
                  rp->json_key);
    ADD_H(LR_IN_ADMISSION, 50, ds_cstr(&m), ds_cstr(&a), hint);
    ds_clear(&m);
    ds_put_format(&m, "eth.mcast && inport == %s", rp->json_key);
    ADD_H(LR_IN_ADMISSION, 50, ds_cstr(&m), ds_cstr(&a), hint);

    /* Delivery. */
    ds_clear(&m);
    ds_put_format(&m, "outport == %s", rp->json_key);
    ADD_H(LR_OUT_DELIVERY, 100, ds_cstr(&m), "output;", hint);

    ds_destroy(&m);
    ds_destroy(&a);
}

/* Neighbour lookup and IP input flows of port 'rp'. */
static void
port_input_flows(struct northd *nd, struct nd_router *lr,
                 const struct nd_rport *rp)
{
    const struct ovn_lport_addrs *la = &rp->nets;
    const struct uuid *hint = &rp->nb_uuid;
    struct ds m = DS_EMPTY_INITIALIZER;
    struct ds a = DS_EMPTY_INITIALIZER;

    /* ARP requests from the port's networks refresh known bindings. */
    for (size_t i = 0; i < la->n_ipv4; i++) {
        ds_clear(&m);
        ds_put_format(&m, "inport == %s && arp.spa == %s/%u && "
                      "arp.op == 1", rp->json_key, la->ipv4[i].network_s,
                      la->ipv4[i].plen);
        ADD_H(LR_IN_LOOKUP_NEIGHBOR, 100, ds_cstr(&m),
              "reg9[2] = lookup_arp(inport, arp.spa, arp.sha); next;",
              hint);
    }

    /* Sources that are the router's own or broadcast addresses. */
    if (la->n_ipv4) {
        ds_clear(&m);
        ds_put_cstr(&m, "ip4.src == ");
        put_v4_addrs(&m, rp, true, false);
        ds_put_cstr(&m, " && reg9[0] == 0");
        ADD_H(LR_IN_IP_INPUT, 100, ds_cstr(&m), "drop;", hint);
    }

    for (size_t i = 0; i < la->n_ipv6; i++) {
        ds_clear(&m);
        ds_put_format(&m, "ip6.dst == %s && udp.src == 547 && "
                      "udp.dst == 546", la->ipv6[i].addr_s);
        ADD_H(LR_IN_IP_INPUT, 100, ds_cstr(&m),
              "reg0 = 0; handle_dhcpv6_reply;", hint);
    }

    /* ARP and ND replies for the port's own addresses. */
    for (size_t i = 0; i < la->n_ipv4; i++) {
        const struct ovn_ipv4_netaddr *n = &la->ipv4[i];
        ds_clear(&m);
        ds_put_format(&m, "inport == %s && arp.op == 1 && "
                      "arp.tpa == %s && arp.spa == %s/%u", rp->json_key,
                      n->addr_s, n->network_s, n->plen);
        ADD_H(LR_IN_IP_INPUT, 90, ds_cstr(&m),
              "eth.dst = eth.src; eth.src = xreg0[0..47]; arp.op = 2; "
              "/* ARP reply */ arp.tha = arp.sha; arp.sha = xreg0[0..47]; "
              "arp.tpa <-> arp.spa; outport = inport; flags.loopback = 1; "
              "output;", hint);
    }
    for (size_t i = 0; i < la->n_ipv6; i++) {
        const struct ovn_ipv6_netaddr *n = &la->ipv6[i];
        ds_clear(&m);
        ds_put_format(&m, "inport == %s && ip6.dst == {%s, %s} && "
                      "nd_ns && nd.target == %s", rp->json_key, n->addr_s,
                      n->sn_addr_s, n->addr_s);
        ADD_H(LR_IN_IP_INPUT, 90, ds_cstr(&m),
              "nd_na_router { eth.src = xreg0[0..47]; ip6.src = nd.target; "
              "nd.tll = xreg0[0..47]; outport = inport; flags.loopback = 1; "
              "output; };", hint);
    }

    /* ICMP echo replies from the router's addresses. */
    if (la->n_ipv4) {
        ds_clear(&m);
        ds_put_cstr(&m, "ip4.dst == ");
        put_v4_addrs(&m, rp, false, false);
        ds_put_cstr(&m, " && icmp4.type == 8 && icmp4.code == 0");
        ADD_H(LR_IN_IP_INPUT, 90, ds_cstr(&m),
              "ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 0; "
              "flags.loopback = 1; next; ", hint);
    }
    ds_clear(&m);
    ds_put_cstr(&m, "ip6.dst == ");
    put_v6_addrs(&m, rp, false);
    ds_put_cstr(&m, " && icmp6.type == 128 && icmp6.code == 0");
    ADD_H(LR_IN_IP_INPUT, 90, ds_cstr(&m),
          "ip6.dst <-> ip6.src; ip.ttl = 255; icmp6.type = 129; "
          "flags.loopback = 1; next; ", hint);

    /* Other traffic to the router's addresses: TCP reset, SCTP abort,
     * ICMP port and protocol unreachable. */
    for (size_t i = 0; i < la->n_ipv4; i++) {
        const char *ip = la->ipv4[i].addr_s;
        ds_clear(&m);
        ds_put_format(&m, "ip4 && ip4.dst == %s && !ip.later_frag && sctp",
                      ip);
        ADD_H(LR_IN_IP_INPUT, 80, ds_cstr(&m), "sctp_abort {eth.dst <-> "
              "eth.src; ip4.dst <-> ip4.src; next; };", hint);
        ds_clear(&m);
        ds_put_format(&m, "ip4 && ip4.dst == %s && !ip.later_frag && tcp",
                      ip);
        ADD_H(LR_IN_IP_INPUT, 80, ds_cstr(&m), "tcp_reset {eth.dst <-> "
              "eth.src; ip4.dst <-> ip4.src; next; };", hint);
        ds_clear(&m);
        ds_put_format(&m, "ip4 && ip4.dst == %s && !ip.later_frag && udp",
                      ip);
        ADD_H(LR_IN_IP_INPUT, 80, ds_cstr(&m), "icmp4 {eth.dst <-> "
              "eth.src; ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 3; "
              "icmp4.code = 3; next; };", hint);
        ds_clear(&m);
        ds_put_format(&m, "ip4 && ip4.dst == %s && !ip.later_frag", ip);
        ADD_H(LR_IN_IP_INPUT, 70, ds_cstr(&m), "icmp4 {eth.dst <-> "
              "eth.src; ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 3; "
              "icmp4.code = 2; next; };", hint);
    }
    for (size_t i = 0; i < la->n_ipv6; i++) {
        const char *ip = la->ipv6[i].addr_s;
        ds_clear(&m);
        ds_put_format(&m, "ip6 && ip6.dst == %s && !ip.later_frag && sctp",
                      ip);
        ADD_H(LR_IN_IP_INPUT, 80, ds_cstr(&m), "sctp_abort {eth.dst <-> "
              "eth.src; ip6.dst <-> ip6.src; next; };", hint);
        ds_clear(&m);
        ds_put_format(&m, "ip6 && ip6.dst == %s && !ip.later_frag && tcp",
                      ip);
        ADD_H(LR_IN_IP_INPUT, 80, ds_cstr(&m), "tcp_reset {eth.dst <-> "
              "eth.src; ip6.dst <-> ip6.src; next; };", hint);
        ds_clear(&m);
        ds_put_format(&m, "ip6 && ip6.dst == %s && !ip.later_frag && udp",
                      ip);
        ADD_H(LR_IN_IP_INPUT, 80, ds_cstr(&m), "icmp6 {eth.dst <-> "
              "eth.src; ip6.dst <-> ip6.src; ip.ttl = 255; icmp6.type = 1; "
              "icmp6.code = 4; next; };", hint);
        ds_clear(&m);
        ds_put_format(&m, "ip6 && ip6.dst == %s && !ip.later_frag", ip);
        ADD_H(LR_IN_IP_INPUT, 70, ds_cstr(&m), "icmp6 {eth.dst <-> "
              "eth.src; ip6.dst <-> ip6.src; ip.ttl = 255; icmp6.type = 1; "
              "icmp6.code = 3; next; };", hint);
    }

    /* Anything else addressed to the router is dropped. */
    if (la->n_ipv4) {
        ds_clear(&m);
        ds_put_cstr(&m, "ip4.dst == ");
        put_v4_addrs(&m, rp, false, true);
        ADD_H(LR_IN_IP_INPUT, 60, ds_cstr(&m), "drop;", hint);
    }
    ds_clear(&m);
    ds_put_cstr(&m, "ip6.dst == ");
    put_v6_addrs(&m, rp, true);
    ADD_H(LR_IN_IP_INPUT, 60, ds_cstr(&m), "drop;", hint);

    /* TTL exceeded, from each of the port's addresses. */
    for (size_t i = 0; i < la->n_ipv4; i++) {
        ds_clear(&m);
        ds_put_format(&m, "inport == %s && ip4 && ip.ttl == {0, 1} && "
                      "!ip.later_frag", rp->json_key);
        ds_clear(&a);
        ds_put_format(&a, "icmp4 {eth.dst <-> eth.src; icmp4.type = 11; "
                      "/* Time exceeded */ icmp4.code = 0; /* TTL exceeded "
                      "in transit */ ip4.dst = ip4.src; ip4.src = %s ; "
                      "ip.ttl = 254; outport = %s; flags.loopback = 1; "
                      "output; };", la->ipv4[i].addr_s, rp->json_key);
        ADD_H(LR_IN_IP_INPUT, 31, ds_cstr(&m), ds_cstr(&a), hint);
    }
    for (size_t i = 0; i < la->n_ipv6; i++) {
        const struct ovn_ipv6_netaddr *n = &la->ipv6[i];
        if (is_lla(n)) {
            continue;
        }
        ds_clear(&m);
        ds_put_format(&m, "inport == %s && ip6 && ip6.src == %s/%u && "
                      "ip.ttl == {0, 1} && !ip.later_frag", rp->json_key,
                      n->network_s, n->plen);
        ds_clear(&a);
        ds_put_format(&a, "icmp6 {eth.dst <-> eth.src; ip6.dst = ip6.src; "
                      "ip6.src = %s ; ip.ttl = 254; icmp6.type = 3; /* Time "
                      "exceeded */ icmp6.code = 0; /* TTL exceeded in "
                      "transit */ outport = %s; flags.loopback = 1; "
                      "output; };", n->addr_s, rp->json_key);
        ADD_H(LR_IN_IP_INPUT, 31, ds_cstr(&m), ds_cstr(&a), hint);
    }

    ds_destroy(&m);
    ds_destroy(&a);
}

/* Adds a routing flow to 'prefix' ("N/M" text, 'plen', IPv4 if 'v4') out of
 * 'rp' using its address 'src', towards 'nexthop' (NULL for the
 * destination itself). */
static void
route_flow(struct northd *nd, struct nd_router *lr, const struct nd_rport *rp,
           bool v4, const char *prefix, unsigned int plen, const char *src,
           const char *nexthop, bool is_static, bool inport_only,
           const struct uuid *hint)
{
    struct ds m = DS_EMPTY_INITIALIZER;
    struct ds a = DS_EMPTY_INITIALIZER;
    if (inport_only) {
        ds_put_format(&m, "inport == %s && ", rp->json_key);
    }
    if (is_static) {
        ds_put_cstr(&m, "reg7 == 0 && ");
    }
    ds_put_format(&m, "%s.dst == %s", v4 ? "ip4" : "ip6", prefix);
    const char *r0 = v4 ? "reg0" : "xxreg0";
    const char *r1 = v4 ? "reg1" : "xxreg1";
    ds_put_format(&a, "ip.ttl--; reg8[0..15] = 0; %s = ", r0);
    if (nexthop) {
        ds_put_cstr(&a, nexthop);
    } else {
        ds_put_format(&a, "%s.dst", v4 ? "ip4" : "ip6");
    }
    ds_put_format(&a, "; %s = %s; eth.src = %s; outport = %s; "
                  "flags.loopback = 1; next;", r1, src, rp->nets.ea_s,
                  rp->json_key);
    int prio = plen * ROUTE_PRIO_MULT
               + (is_static ? ROUTE_PRIO_STATIC : ROUTE_PRIO_CONNECTED);
    ADD_H(LR_IN_IP_ROUTING, prio, ds_cstr(&m), ds_cstr(&a), hint);
    ds_destroy(&m);
    ds_destroy(&a);
}

/* Routes to the networks attached to 'rp'. */
static void
connected_routes(struct northd *nd, struct nd_router *lr,
                 const struct nd_rport *rp)
{
    const struct ovn_lport_addrs *la = &rp->nets;
    for (size_t i = 0; i < la->n_ipv4; i++) {
        const struct ovn_ipv4_netaddr *n = &la->ipv4[i];
        char *prefix = xasprintf("%s/%u", n->network_s, n->plen);
        route_flow(nd, lr, rp, true, prefix, n->plen, n->addr_s, NULL,
                   false, false, &rp->nb_uuid);
        free(prefix);
    }
    for (size_t i = 0; i < la->n_ipv6; i++) {
        const struct ovn_ipv6_netaddr *n = &la->ipv6[i];
        char *prefix = xasprintf("%s/%u", n->network_s, n->plen);
        route_flow(nd, lr, rp, false, prefix, n->plen, n->addr_s, NULL,
                   false, is_lla(n), &rp->nb_uuid);
        free(prefix);
    }
}

/* Returns true if 'cand' with a match of prefix length 'plen' beats the best
 * so far ('best', 'best_plen'): longer prefixes win, then lower names, so
 * that the choice does not depend on the order ports were created in. */
static bool
port_beats(const struct nd_rport *cand, unsigned int plen,
           const struct nd_rport *best, unsigned int best_plen)
{
    return (!best || plen > best_plen
            || (plen == best_plen && strcmp(cand->name, best->name) < 0));
}

/* Finds the port of 'lr' whose IPv4 network contains 'ip' (or, if 'name' is
 * nonnull, the port with that name), storing the port's address on that
 * network in '*src'. */
static const struct nd_rport *
find_v4_port(const struct nd_router *lr, ovs_be32 ip, const char *name,
             const char **src)
{
    const struct nd_rport *rp, *best = NULL;
    unsigned int best_plen = 0;
    LIST_FOR_EACH (rp, lr_node, &lr->ports) {
        if (rp->dup || !rp->has_nets || (name && strcmp(rp->name, name))) {
            continue;
        }
        const struct ovn_lport_addrs *la = &rp->nets;
        for (size_t i = 0; i < la->n_ipv4; i++) {
            if ((ip & la->ipv4[i].mask) == la->ipv4[i].network
                && port_beats(rp, la->ipv4[i].plen, best, best_plen)) {
                best = rp;
                best_plen = la->ipv4[i].plen;
                *src = la->ipv4[i].addr_s;
            }
        }
        if (name && !best && la->n_ipv4) {
            *src = la->ipv4[0].addr_s;
            return rp;
        }
    }
    return best;
}

/* IPv6 version of find_v4_port(). */
static const struct nd_rport *
find_v6_port(const struct nd_router *lr, const struct in6_addr *ip,
             const char *name, const char **src)
{
    const struct nd_rport *rp, *best = NULL;
    unsigned int best_plen = 0;
    LIST_FOR_EACH (rp, lr_node, &lr->ports) {
        if (rp->dup || !rp->has_nets || (name && strcmp(rp->name, name))) {
            continue;
        }
        const struct ovn_lport_addrs *la = &rp->nets;
        for (size_t i = 0; i < la->n_ipv6; i++) {
            struct in6_addr net = ipv6_addr_bitand(ip, &la->ipv6[i].mask);
            if (ipv6_addr_equals(&net, &la->ipv6[i].network)
                && port_beats(rp, la->ipv6[i].plen, best, best_plen)) {
                best = rp;
                best_plen = la->ipv6[i].plen;
                *src = la->ipv6[i].addr_s;
            }
        }
        if (name && !best && la->n_ipv6) {
            *src = la->ipv6[0].addr_s;
            return rp;
        }
    }
    return best;
}

/* One usable static route. */
struct sroute {
    bool v4;                    /* IPv4 (else IPv6)? */
    char *prefix;               /* Normalized "N/M". */
    unsigned int plen;          /* M. */
    char nexthop[INET6_ADDRSTRLEN];     /* Next hop as text, "" to drop. */
    const struct nd_rport *rp;  /* Output port (NULL to drop). */
    const char *src;            /* Router address on the next hop's net. */
    const struct uuid *uuid;    /* NB row, for the stage hint. */
};

/* qsort() comparator: by family, prefix, then next hop. */
static int
sroute_cmp(const void *a_, const void *b_)
{
    const struct sroute *a = a_, *b = b_;
    if (a->v4 != b->v4) {
        return a->v4 ? -1 : 1;
    }
    int c = strcmp(a->prefix, b->prefix);
    return c ? c : strcmp(a->nexthop, b->nexthop);
}

/* Parses static route 'r' of router 'lr' into 'out' (adding the ND request
 * for an IPv6 next hop).  Returns false if it yields no routing flow. */
static bool
sroute_parse(struct northd *nd, struct nd_router *lr,
             const struct nbrec_logical_router *nbr,
             const struct nbrec_logical_router_static_route *r,
             struct sroute *out)
{
    memset(out, 0, sizeof *out);
    out->uuid = &r->header_.uuid;
    bool discard = !strcmp(r->nexthop, "discard");
    ovs_be32 ip, nh;
    unsigned int plen;
    struct in6_addr ip6, nh6;
    char *error = ip_parse_cidr(r->ip_prefix, &ip, &plen);
    if (!error) {
        out->v4 = true;
        out->plen = plen;
        out->prefix = xasprintf(IP_FMT"/%u",
                                IP_ARGS(ip & be32_prefix_mask(plen)), plen);
        if (discard) {
            return true;
        }
        if (!ip_parse(r->nexthop, &nh)) {
            nd_log_bad("Logical_Router", nbr->name, "bad nexthop \"%s\"",
                       r->nexthop);
            goto bad;
        }
        snprintf(out->nexthop, sizeof out->nexthop, IP_FMT, IP_ARGS(nh));
        out->rp = find_v4_port(lr, nh, r->output_port, &out->src);
        if (!out->rp) {
            goto bad;
        }
        return true;
    }
    free(error);

    error = ipv6_parse_cidr(r->ip_prefix, &ip6, &plen);
    if (error || (!discard && !ipv6_parse(r->nexthop, &nh6))) {
        free(error);
        nd_log_bad("Logical_Router", nbr->name, "bad static route %s via %s",
                   r->ip_prefix, r->nexthop);
        return false;
    }
    struct in6_addr mask = ipv6_create_mask(plen);
    struct in6_addr net = ipv6_addr_bitand(&ip6, &mask);
    char net_s[INET6_ADDRSTRLEN];
    ipv6_string_mapped(net_s, &net);
    out->v4 = false;
    out->plen = plen;
    out->prefix = xasprintf("%s/%u", net_s, plen);
    if (discard) {
        return true;
    }
    ipv6_string_mapped(out->nexthop, &nh6);

    /* Solicit the next hop directly (even without a port to it). */
    struct in6_addr sn;
    struct eth_addr sn_ea;
    in6_addr_solicited_node(&sn, &nh6);
    ipv6_multicast_to_ethernet(&sn_ea, &sn);
    char sn_s[INET6_ADDRSTRLEN];
    ipv6_string_mapped(sn_s, &sn);
    char *m = xasprintf("eth.dst == 00:00:00:00:00:00 && ip6 && "
                        "xxreg0 == %s", out->nexthop);
    char *a = xasprintf("nd_ns { eth.dst = "ETH_ADDR_FMT"; ip6.dst = %s; "
                        "nd.target = %s; output; };",
                        ETH_ADDR_ARGS(sn_ea), sn_s, out->nexthop);
    ADD_H(LR_IN_ARP_REQUEST, 200, m, a, out->uuid);
    free(m);
    free(a);

    out->rp = find_v6_port(lr, &nh6, r->output_port, &out->src);
    if (!out->rp) {
        goto bad;
    }
    return true;

bad:
    free(out->prefix);
    out->prefix = NULL;
    return false;
}

/* Routing flows for the static routes of 'nbr' (policy dst-ip, main route
 * table; others are not supported yet and logged): one flow per prefix
 * with a single next hop; for several next hops (ECMP), a flow that selects
 * a member of a group and one lr_in_ip_routing_ecmp flow per member
 * (groups and members numbered in prefix and next hop order); "discard"
 * routes drop. */
static void
static_routes(struct northd *nd, struct nd_router *lr,
              const struct nbrec_logical_router *nbr)
{
    struct sroute *routes = xcalloc(nbr->n_static_routes + 1,
                                    sizeof *routes);
    size_t n = 0;
    for (size_t i = 0; i < nbr->n_static_routes; i++) {
        const struct nbrec_logical_router_static_route *r
            = nbr->static_routes[i];
        if ((r->policy && strcmp(r->policy, "dst-ip"))
            || (r->route_table && r->route_table[0])) {
            nd_log_bad("Logical_Router", nbr->name, "static route %s: only "
                       "dst-ip routes of the main table are supported",
                       r->ip_prefix);
            continue;
        }
        if (sroute_parse(nd, lr, nbr, r, &routes[n])) {
            n++;
        }
    }
    qsort(routes, n, sizeof *routes, sroute_cmp);

    unsigned int gid = 0;
    struct ds m = DS_EMPTY_INITIALIZER;
    struct ds a = DS_EMPTY_INITIALIZER;
    for (size_t i = 0; i < n; ) {
        size_t j = i + 1;
        while (j < n && routes[j].v4 == routes[i].v4
               && !strcmp(routes[j].prefix, routes[i].prefix)) {
            j++;
        }
        const struct sroute *r = &routes[i];
        int prio = r->plen * ROUTE_PRIO_MULT + ROUTE_PRIO_STATIC;
        ds_clear(&m);
        ds_put_format(&m, "reg7 == 0 && %s.dst == %s", r->v4 ? "ip4" : "ip6",
                      r->prefix);
        if (!r->rp) {
            ADD_H(LR_IN_IP_ROUTING, prio, ds_cstr(&m), "drop;", r->uuid);
        } else if (j - i == 1) {
            route_flow(nd, lr, r->rp, r->v4, r->prefix, r->plen, r->src,
                       r->nexthop, true, false, r->uuid);
        } else {
            gid++;
            ds_clear(&a);
            ds_put_format(&a, "ip.ttl--; flags.loopback = 1; "
                          "reg8[0..15] = %u; reg8[16..31] = select(", gid);
            for (size_t k = i; k < j; k++) {
                ds_put_format(&a, "%s%"PRIuSIZE, k > i ? ", " : "",
                              k - i + 1);
            }
            ds_put_cstr(&a, ");");
            ADD_H(LR_IN_IP_ROUTING, prio, ds_cstr(&m), ds_cstr(&a),
                  r->uuid);
            for (size_t k = i; k < j; k++) {
                const struct sroute *mr = &routes[k];
                if (!mr->rp) {
                    continue;
                }
                ds_clear(&m);
                ds_put_format(&m, "reg8[0..15] == %u && reg8[16..31] == "
                              "%"PRIuSIZE, gid, k - i + 1);
                ds_clear(&a);
                ds_put_format(&a, "%s = %s; %s = %s; eth.src = %s; "
                              "outport = %s; next;",
                              mr->v4 ? "reg0" : "xxreg0", mr->nexthop,
                              mr->v4 ? "reg1" : "xxreg1", mr->src,
                              mr->rp->nets.ea_s, mr->rp->json_key);
                ADD_H(LR_IN_IP_ROUTING_ECMP, 100, ds_cstr(&m), ds_cstr(&a),
                      mr->uuid);
            }
        }
        i = j;
    }
    ds_destroy(&m);
    ds_destroy(&a);
    for (size_t i = 0; i < n; i++) {
        free(routes[i].prefix);
    }
    free(routes);
}

/* The route of router policy 'p' to next hop 'nh' (text): fills 'a' with
 * "reg0 = NH; reg1 = SRC; eth.src = MAC; outport = P; flags.loopback = 1; "
 * (xxreg for IPv6).  Returns false if no router port reaches 'nh'. */
static bool
policy_nexthop(const struct nd_router *lr, const char *nh, struct ds *a)
{
    ovs_be32 ip;
    struct in6_addr ip6;
    const char *src = NULL;
    const struct nd_rport *rp;
    bool v4 = ip_parse(nh, &ip);
    if (v4) {
        rp = find_v4_port(lr, ip, NULL, &src);
    } else if (ipv6_parse(nh, &ip6)) {
        rp = find_v6_port(lr, &ip6, NULL, &src);
    } else {
        return false;
    }
    if (!rp) {
        return false;
    }
    ds_put_format(a, "%s = %s; %s = %s; eth.src = %s; outport = %s; "
                  "flags.loopback = 1; ", v4 ? "reg0" : "xxreg0", nh,
                  v4 ? "reg1" : "xxreg1", src, rp->nets.ea_s, rp->json_key);
    return true;
}

/* qsort() comparator for router policies: by priority, then match. */
static int
policy_cmp(const void *a_, const void *b_)
{
    const struct nbrec_logical_router_policy *const *a = a_, *const *b = b_;
    if ((*a)->priority != (*b)->priority) {
        return (*a)->priority < (*b)->priority ? -1 : 1;
    }
    return strcmp((*a)->match, (*b)->match);
}

/* lr_in_policy / lr_in_policy_ecmp flows for the Logical_Router_Policy rows
 * of 'nbr': allow, drop, reroute to one next hop, or to several (an ECMP
 * group, numbered in priority and match order, members in next hop order).
 * Matches that are not valid in the logical flow language are logged and
 * skipped. */
static void
router_policies(struct northd *nd, struct nd_router *lr,
                const struct nbrec_logical_router *nbr)
{
    if (!nbr->n_policies) {
        return;
    }
    const struct nbrec_logical_router_policy **pols
        = xmemdup(nbr->policies, nbr->n_policies * sizeof *pols);
    qsort(pols, nbr->n_policies, sizeof *pols, policy_cmp);

    unsigned int gid = 0;
    struct ds a = DS_EMPTY_INITIALIZER;
    struct ds m = DS_EMPTY_INITIALIZER;
    for (size_t i = 0; i < nbr->n_policies; i++) {
        const struct nbrec_logical_router_policy *p = pols[i];
        const struct uuid *hint = &p->header_.uuid;
        if (p->priority < 0 || p->priority > 32767) {
            nd_log_bad("Logical_Router", nbr->name, "policy priority "
                       "%"PRId64" out of range", p->priority);
            continue;
        }
        char *error = ovn_lflow_check_match(p->match);
        if (error) {
            nd_log_bad("Logical_Router", nbr->name, "policy match \"%s\": "
                       "%s", p->match, error);
            free(error);
            continue;
        }
        ds_clear(&a);
        if (!strcmp(p->action, "allow")) {
            ds_put_cstr(&a, "reg8[0..15] = 0; next;");
        } else if (!strcmp(p->action, "drop")) {
            ds_put_cstr(&a, "drop;");
        } else if (!strcmp(p->action, "reroute")) {
            const char *const *nhs = (const char *const *) p->nexthops;
            size_t n_nhs = p->n_nexthops;
            if (!n_nhs && p->nexthop) {
                nhs = (const char *const *) &p->nexthop;
                n_nhs = 1;
            }
            if (n_nhs == 1) {
                if (!policy_nexthop(lr, nhs[0], &a)) {
                    nd_log_bad("Logical_Router", nbr->name, "policy "
                               "next hop %s: no route", nhs[0]);
                    continue;
                }
                ds_put_cstr(&a, "reg8[0..15] = 0; next;");
            } else if (n_nhs > 1) {
                gid++;
                for (size_t k = 0; k < n_nhs; k++) {
                    ds_clear(&m);
                    ds_put_format(&m, "reg8[0..15] == %u && "
                                  "reg8[16..31] == %"PRIuSIZE, gid, k + 1);
                    struct ds ma = DS_EMPTY_INITIALIZER;
                    if (policy_nexthop(lr, nhs[k], &ma)) {
                        ds_put_cstr(&ma, "next;");
                        ADD_H(LR_IN_POLICY_ECMP, 100, ds_cstr(&m),
                              ds_cstr(&ma), hint);
                    }
                    ds_destroy(&ma);
                }
                ds_put_format(&a, "reg8[0..15] = %u; reg8[16..31] = "
                              "select(", gid);
                for (size_t k = 0; k < n_nhs; k++) {
                    ds_put_format(&a, "%s%"PRIuSIZE, k ? ", " : "", k + 1);
                }
                ds_put_cstr(&a, ");");
            } else {
                continue;
            }
        } else {
            nd_log_bad("Logical_Router", nbr->name, "policy action \"%s\" "
                       "not supported", p->action);
            continue;
        }
        ADD_H(LR_IN_POLICY, p->priority, p->match, ds_cstr(&a), hint);
    }
    ds_destroy(&a);
    ds_destroy(&m);
    free(pols);
}

/* Returns true if 'ip' is on one of the IPv6 networks of 'rp'. */
static bool
rport_has_v6_net(const struct nd_rport *rp, const struct in6_addr *ip)
{
    for (size_t i = 0; i < rp->nets.n_ipv6; i++) {
        struct in6_addr net = ipv6_addr_bitand(ip, &rp->nets.ipv6[i].mask);
        if (ipv6_addr_equals(&net, &rp->nets.ipv6[i].network)) {
            return true;
        }
    }
    return false;
}

/* Static ARP/ND resolution, out of 'rp', for the addresses 'la' of a
 * switch port. */
static void
resolve_flows(struct northd *nd, struct nd_router *lr,
              const struct nd_rport *rp, const struct ovn_lport_addrs *la)
{
    struct ds m = DS_EMPTY_INITIALIZER;
    char *a = xasprintf("eth.dst = %s; next;", la->ea_s);
    for (size_t i = 0; i < la->n_ipv4; i++) {
        ds_clear(&m);
        ds_put_format(&m, "outport == %s && reg0 == %s", rp->json_key,
                      la->ipv4[i].addr_s);
        ADD_NB(rp, ds_cstr(&m), a);
    }
    for (size_t i = 0; i < la->n_ipv6; i++) {
        if (!rport_has_v6_net(rp, &la->ipv6[i].addr)) {
            continue;
        }
        ds_clear(&m);
        ds_put_format(&m, "outport == %s && xxreg0 == %s", rp->json_key,
                      la->ipv6[i].addr_s);
        ADD_NB(rp, ds_cstr(&m), a);
    }
    free(a);
    ds_destroy(&m);
}

/* Static ARP/ND resolution, out of 'rp', for the networks of 'other', a
 * port of another router, on a switch between them or, if 'direct', its
 * peer (23.03 writes "reg0== " then, without the space). */
static void
resolve_router_flows(struct northd *nd, struct nd_router *lr,
                     const struct nd_rport *rp, const struct nd_rport *other,
                     bool direct)
{
    const struct ovn_lport_addrs *la = &other->nets;
    struct ds m = DS_EMPTY_INITIALIZER;
    char *a = xasprintf("eth.dst = %s; next;", la->ea_s);
    if (la->n_ipv4) {
        ds_put_format(&m, "outport == %s && reg0%s== ", rp->json_key,
                      direct ? "" : " ");
        put_v4_addrs(&m, other, false, false);
        ADD_NB(rp, ds_cstr(&m), a);
    }
    if (la->n_ipv6) {
        ds_clear(&m);
        ds_put_format(&m, "outport == %s && xxreg0 == ", rp->json_key);
        put_v6_addrs(&m, other, false);
        ADD_NB(rp, ds_cstr(&m), a);
    }
    free(a);
    ds_destroy(&m);
}

/* The known neighbours of 'rp': the addresses of the ports on the switch it
 * is attached to (for another router's port, that port's networks). */
static void
known_neighbours(struct northd *nd, struct nd_router *lr,
                 const struct nd_rport *rp)
{
    if (!rp->peer || rp->dup || !rp->has_nets) {
        return;
    }
    const struct nd_port *peer = nd_port_find(nd, rp->peer);
    if (!peer) {
        /* Directly connected to another router's port. */
        const struct nd_rport *other = nd_lrouter_port_find(nd, rp->peer);
        if (other && other->has_nets) {
            resolve_router_flows(nd, lr, rp, other, true);
        }
        return;
    }
    const struct nd_port *port;
    LIST_FOR_EACH (port, dp_node, &peer->dp->ports) {
        if (port->dup || port == peer || !port->enabled) {
            continue;
        }
        if (port->is_router) {
            const struct nd_rport *other
                = (port->rport_peer
                   ? nd_lrouter_port_find(nd, port->rport_peer) : NULL);
            if (other && other->lr != lr && other->has_nets) {
                resolve_router_flows(nd, lr, rp, other, false);
            }
            continue;
        }
        for (size_t i = 0; i < port->n_addrs; i++) {
            resolve_flows(nd, lr, rp, &port->addrs[i]);
        }
    }
}

void
nd_lrouter_neighbour_flows(struct northd *nd, struct nd_rport *rp)
{
    struct ovs_list old;
    nd_lflow_owner_begin(&rp->nb_flows, &old);
    known_neighbours(nd, rp->lr, rp);
    nd_lflow_owner_end(&nd->lflows, &old);
}

void
nd_lrouter_flows(struct northd *nd, struct nd_router *lr,
                 const struct nbrec_logical_router *nbr)
{
    struct ovs_list old;
    nd_lflow_owner_begin(&lr->dp.flows, &old);

    fixed_flows(nd, lr);
    struct nd_rport *rp;
    bool any_port = false;
    LIST_FOR_EACH (rp, lr_node, &lr->ports) {
        if (rp->dup || !rp->has_nets) {
            continue;
        }
        any_port = true;
        if (rp->enabled) {
            port_admission_flows(nd, lr, rp);
        }
        port_input_flows(nd, lr, rp);
        connected_routes(nd, lr, rp);
    }
    static_routes(nd, lr, nbr);
    router_policies(nd, lr, nbr);
    if (any_port) {
        ADD(LR_OUT_DELIVERY, 0, "1", "drop;");
    }

    nd_lflow_owner_end(&nd->lflows, &old);
}
