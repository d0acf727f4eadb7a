/*
 * Every distinct logical-flow action string that Debian's ovn-northd 23.03
 * wrote for a varied northbound database (switches with port security,
 * ACLs with logging and meters, port groups, address sets, DHCPv4/v6, DNS,
 * QoS, multicast snooping, virtual ports, FDB learning; routers with SNAT,
 * DNAT, dnat_and_snat, load balancers with selection fields, skip_snat,
 * affinity and empty-backend events, ECMP symmetric-reply routes, policies,
 * IPv6 RA, gateway MTU, a gateway router with ECMP symmetric replies, LB
 * affinity and IPv6 prefix delegation), with the pipeline, stage and
 * datapath type it was written for.  Each must parse, encode, have a
 * canonical text that is a fixed point and encodes identically, and encode
 * to OpenFlow actions that survive a round trip through OpenFlow 1.5.
 */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/ovn-actions.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-errors.h"
#include "openvswitch/ofpbuf.h"
#include "util.h"

#define EGRESS 1                /* Flow is in the egress pipeline. */
#define ROUTER 2                /* Datapath is a logical router. */

/* One logical flow's actions. */
struct northd_case {
    unsigned int flags;         /* EGRESS, ROUTER. */
    int stage;                  /* Logical stage. */
    const char *actions;        /* Actions as ovn-northd wrote them. */
};

static const struct northd_case cases[] = {
    { EGRESS|ROUTER, 0,
      "reg9[4] = 0; next;" },
    { EGRESS|ROUTER, 0,
      "reg9[4] = 1; next;" },
    { EGRESS, 0,
      "next;" },
    { EGRESS, 0,
      "reg0[0] = 1; next;" },
    { EGRESS|ROUTER, 1,
      "ct_dnat_in_czone;" },
    { EGRESS|ROUTER, 1,
      "eth.src = 00:00:00:00:aa:01; ct_dnat_in_czone;" },
    { EGRESS|ROUTER, 1,
      "flags.loopback = 1; ct_dnat;" },
    { EGRESS|ROUTER, 1,
      "flags.skip_snat_for_lb = 1; next;" },
    { EGRESS|ROUTER, 1,
      "next;" },
    { EGRESS, 1,
      "ct_clear; next;" },
    { EGRESS, 1,
      "next;" },
    { EGRESS, 1,
      "reg0[2] = 1; next;" },
    { EGRESS|ROUTER, 2,
      "ct_commit { } ; next; " },
    { EGRESS|ROUTER, 2,
      "next;" },
    { EGRESS, 2,
      "ct_lb_mark;" },
    { EGRESS, 2,
      "ct_next;" },
    { EGRESS, 2,
      "next;" },
    { EGRESS|ROUTER, 3,
      "ct_snat(172.16.0.2);" },
    { EGRESS|ROUTER, 3,
      "ct_snat(30.0.0.1);" },
    { EGRESS|ROUTER, 3,
      "ct_snat(fd30::1);" },
    { EGRESS|ROUTER, 3,
      "ct_snat_in_czone(172.16.0.100);" },
    { EGRESS|ROUTER, 3,
      "ct_snat_in_czone(172.16.0.130,1000-2000);" },
    { EGRESS|ROUTER, 3,
      "eth.src = 00:00:00:00:aa:01; ct_snat_in_czone(172.16.0.110);" },
    { EGRESS|ROUTER, 3,
      "eth.src = 00:00:00:00:aa:01; reg9[4] = 0; ct_snat(172.16.0.110);" },
    { EGRESS|ROUTER, 3,
      "next;" },
    { EGRESS|ROUTER, 3,
      "reg9[4] = 0; ct_snat(172.16.0.100);" },
    { EGRESS|ROUTER, 3,
      "reg9[4] = 0; ct_snat(172.16.0.130,1000-2000);" },
    { EGRESS, 3,
      "next;" },
    { EGRESS, 3,
      "reg0[10] = 1; next;" },
    { EGRESS, 3,
      "reg0[7] = 1; reg0[9] = 1; next;" },
    { EGRESS, 3,
      "reg0[8] = 1; reg0[10] = 1; next;" },
    { EGRESS, 3,
      "reg0[8] = 1; reg0[9] = 1; next;" },
    { EGRESS, 3,
      "reg0[9] = 1; next;" },
    { EGRESS|ROUTER, 4,
      "next;" },
    { EGRESS, 4,
      "ct_commit { ct_mark.blocked = 1; };  reg0 = 0; reject { /* eth.dst "
        "<-> eth.src; ip.dst <-> ip.src; is implicit. */ outport <-> inpor"
        "t; next(pipeline=ingress,table=25); };" },
    { EGRESS, 4,
      "ct_commit { ct_mark.blocked = 1; }; log(name=\"acl-drop\", severity"
        "=warning, verdict=drop); /* drop */" },
    { EGRESS, 4,
      "ct_commit; next;" },
    { EGRESS, 4,
      "ct_commit_nat;" },
    { EGRESS, 4,
      "drop;" },
    { EGRESS, 4,
      "log(name=\"acl-drop\", severity=warning, verdict=drop); /* drop */" },
    { EGRESS, 4,
      "next;" },
    { EGRESS, 4,
      "reg0 = 0; reject { /* eth.dst <-> eth.src; ip.dst <-> ip.src; is im"
        "plicit. */ outport <-> inport; next(pipeline=ingress,table=25); }"
        ";" },
    { EGRESS, 4,
      "reg0[1] = 1; next;" },
    { EGRESS|ROUTER, 5,
      "clone { ct_clear; inport = outport; outport = \"\"; eth.dst <-> eth"
        ".src; flags = 0; flags.loopback = 1; flags.use_snat_zone = reg9[4"
        "]; reg0 = 0; reg1 = 0; reg2 = 0; reg3 = 0; reg4 = 0; reg5 = 0; re"
        "g6 = 0; reg7 = 0; reg8 = 0; reg9 = 0; reg9[0] = 1; next(pipeline="
        "ingress, table=0); };" },
    { EGRESS|ROUTER, 5,
      "next;" },
    { EGRESS, 5,
      "next;" },
    { EGRESS|ROUTER, 6,
      "drop;" },
    { EGRESS|ROUTER, 6,
      "eth.src = 00:00:00:00:ff:10; output;" },
    { EGRESS|ROUTER, 6,
      "eth.src = 00:00:00:00:ff:20; output;" },
    { EGRESS|ROUTER, 6,
      "output;" },
    { EGRESS, 6,
      "next;" },
    { EGRESS, 7,
      "ct_commit { ct_mark.blocked = 0; ct_label.label = reg3; }; next;" },
    { EGRESS, 7,
      "ct_commit { ct_mark.blocked = 0; }; next;" },
    { EGRESS, 7,
      "next;" },
    { EGRESS, 8,
      "reg0[15] = 0; next;" },
    { EGRESS, 8,
      "reg0[15] = check_out_port_sec(); next;" },
    { EGRESS, 9,
      "drop;" },
    { EGRESS, 9,
      "output;" },
    { ROUTER, 0,
      "drop;" },
    { ROUTER, 0,
      "reg9[1] = check_pkt_larger(1414); xreg0[0..47] = 00:00:00:00:ff:03;"
        " next;" },
    { ROUTER, 0,
      "xreg0[0..47] = 00:00:00:00:ff:01; next;" },
    { ROUTER, 0,
      "xreg0[0..47] = 00:00:00:00:ff:02; next;" },
    { ROUTER, 0,
      "xreg0[0..47] = 00:00:00:00:ff:10; next;" },
    { ROUTER, 0,
      "xreg0[0..47] = 00:00:00:00:ff:20; next;" },
    { 0, 0,
      "drop;" },
    { 0, 0,
      "reg0[15] = check_in_port_sec(); next;" },
    { 0, 0,
      "set_queue(3); reg0[15] = check_in_port_sec(); next;" },
    { 0, 0,
      "set_queue(5); reg0[15] = check_in_port_sec(); next;" },
    { ROUTER, 1,
      "reg9[2] = 1; next;" },
    { ROUTER, 1,
      "reg9[2] = lookup_arp(inport, arp.spa, arp.sha); next;" },
    { ROUTER, 1,
      "reg9[2] = lookup_nd(inport, ip6.src, nd.sll); next;" },
    { ROUTER, 1,
      "reg9[2] = lookup_nd(inport, nd.target, nd.tll); next;" },
    { 0, 1,
      "drop;" },
    { 0, 1,
      "next;" },
    { ROUTER, 10,
      "next;" },
    { ROUTER, 10,
      "reg0[5] = put_nd_ra_opts(addr_mode = \"dhcpv6_stateful\", slla = 00"
        ":00:00:00:ff:20, prefix = fd30::/64); next;" },
    { ROUTER, 10,
      "reg0[5] = put_nd_ra_opts(addr_mode = \"dhcpv6_stateless\", slla = 0"
        "0:00:00:00:ff:02, prefix = fd01::/64); next;" },
    { ROUTER, 10,
      "reg0[5] = put_nd_ra_opts(addr_mode = \"slaac\", slla = 00:00:00:00:"
        "ff:01, mtu = 1400, router_preference = \"HIGH\", rdnss = fd00::53"
        ", dnssl = \"ovn.org\", route_info = \"HIGH-fd10::/48\", prefix = "
        "fd00::/64); next;" },
    { 0, 10,
      "next;" },
    { 0, 10,
      "set_meter(1000, 100); next;" },
    { ROUTER, 11,
      "eth.dst = eth.src; eth.src = 00:00:00:00:ff:01; ip6.dst = ip6.src; "
        "ip6.src = fe80::200:ff:fe00:ff01; outport = inport; flags.loopbac"
        "k = 1; output;" },
    { ROUTER, 11,
      "eth.dst = eth.src; eth.src = 00:00:00:00:ff:02; ip6.dst = ip6.src; "
        "ip6.src = fe80::200:ff:fe00:ff02; outport = inport; flags.loopbac"
        "k = 1; output;" },
    { ROUTER, 11,
      "eth.dst = eth.src; eth.src = 00:00:00:00:ff:20; ip6.dst = ip6.src; "
        "ip6.src = fe80::200:ff:fe00:ff20; outport = inport; flags.loopbac"
        "k = 1; output;" },
    { ROUTER, 11,
      "next;" },
    { 0, 11,
      "next;" },
    { 0, 11,
      "reg9[6] = chk_lb_aff(); next;" },
    { ROUTER, 12,
      "reg7 = 0; next;" },
    { 0, 12,
      "drop;" },
    { 0, 12,
      "next;" },
    { 0, 12,
      "reg0[1] = 0; ct_lb_mark(backends=10.0.0.11:8080,10.0.0.12:8080; has"
        "h_fields=\"ip_dst,ip_src\");" },
    { 0, 12,
      "reg0[1] = 0; ct_lb_mark(backends=30.0.0.11:80);" },
    { 0, 12,
      "reg0[1] = 0; ct_lb_mark(backends=30.0.0.11:80,30.0.0.12:80);" },
    { 0, 12,
      "reg0[1] = 0; ct_lb_mark(backends=[fd00::11]:8080,[fd01::14]:8080);" },
    { 0, 12,
      "reg0[1] = 0; reg1 = 30.0.0.100; reg2[0..15] = 8080; ct_lb_mark(back"
        "ends=30.0.0.11:80);" },
    { 0, 12,
      "reg0[1] = 0; reg1 = 30.0.0.100; reg2[0..15] = 8080; ct_lb_mark(back"
        "ends=30.0.0.12:80);" },
    { ROUTER, 13,
      "drop;" },
    { ROUTER, 13,
      "ip.ttl--; flags.loopback = 1; eth.src = 00:00:00:00:ff:10; reg1 = 1"
        "72.16.0.2; outport = \"gw1-pub\"; next;" },
    { ROUTER, 13,
      "ip.ttl--; flags.loopback = 1; reg8[0..15] = 1; reg8[16..31] = selec"
        "t(1, 2);" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; reg0 = 172.16.0.254; reg1 = 172.16.0.1; "
        "eth.src = 00:00:00:00:ff:03; outport = \"lr0-pub\"; flags.loopbac"
        "k = 1; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; reg0 = ip4.dst; reg1 = 10.0.0.1; eth.src"
        " = 00:00:00:00:ff:01; outport = \"lr0-sw0\"; flags.loopback = 1; "
        "next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; reg0 = ip4.dst; reg1 = 172.16.0.1; eth.s"
        "rc = 00:00:00:00:ff:03; outport = \"lr0-pub\"; flags.loopback = 1"
        "; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; reg0 = ip4.dst; reg1 = 172.16.0.2; eth.s"
        "rc = 00:00:00:00:ff:10; outport = \"gw1-pub\"; flags.loopback = 1"
        "; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; reg0 = ip4.dst; reg1 = 20.0.0.1; eth.src"
        " = 00:00:00:00:ff:02; outport = \"lr0-sw1\"; flags.loopback = 1; "
        "next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; reg0 = ip4.dst; reg1 = 30.0.0.1; eth.src"
        " = 00:00:00:00:ff:20; outport = \"gw1-sw2\"; flags.loopback = 1; "
        "next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; xxreg0 = ip6.dst; xxreg1 = fd00::1; eth."
        "src = 00:00:00:00:ff:01; outport = \"lr0-sw0\"; flags.loopback = "
        "1; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; xxreg0 = ip6.dst; xxreg1 = fd01::1; eth."
        "src = 00:00:00:00:ff:02; outport = \"lr0-sw1\"; flags.loopback = "
        "1; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; xxreg0 = ip6.dst; xxreg1 = fd02::1; eth."
        "src = 00:00:00:00:ff:03; outport = \"lr0-pub\"; flags.loopback = "
        "1; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; xxreg0 = ip6.dst; xxreg1 = fd30::1; eth."
        "src = 00:00:00:00:ff:20; outport = \"gw1-sw2\"; flags.loopback = "
        "1; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; xxreg0 = ip6.dst; xxreg1 = fe80::200:ff:"
        "fe00:ff01; eth.src = 00:00:00:00:ff:01; outport = \"lr0-sw0\"; fl"
        "ags.loopback = 1; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; xxreg0 = ip6.dst; xxreg1 = fe80::200:ff:"
        "fe00:ff02; eth.src = 00:00:00:00:ff:02; outport = \"lr0-sw1\"; fl"
        "ags.loopback = 1; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; xxreg0 = ip6.dst; xxreg1 = fe80::200:ff:"
        "fe00:ff03; eth.src = 00:00:00:00:ff:03; outport = \"lr0-pub\"; fl"
        "ags.loopback = 1; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; xxreg0 = ip6.dst; xxreg1 = fe80::200:ff:"
        "fe00:ff10; eth.src = 00:00:00:00:ff:10; outport = \"gw1-pub\"; fl"
        "ags.loopback = 1; next;" },
    { ROUTER, 13,
      "ip.ttl--; reg8[0..15] = 0; xxreg0 = ip6.dst; xxreg1 = fe80::200:ff:"
        "fe00:ff20; eth.src = 00:00:00:00:ff:20; outport = \"gw1-sw2\"; fl"
        "ags.loopback = 1; next;" },
    { 0, 13,
      "commit_lb_aff(vip = \"30.0.0.100:8080\", backend = \"30.0.0.11:80\""
        ", proto = tcp, timeout = 30); /* drop */" },
    { 0, 13,
      "commit_lb_aff(vip = \"30.0.0.100:8080\", backend = \"30.0.0.12:80\""
        ", proto = tcp, timeout = 30); /* drop */" },
    { 0, 13,
      "next;" },
    { ROUTER, 14,
      "drop;" },
    { ROUTER, 14,
      "next;" },
    { ROUTER, 14,
      "reg0 = 172.16.0.10; reg1 = 172.16.0.1; eth.src = 00:00:00:00:ff:03;"
        " outport = \"lr0-pub\"; next;" },
    { ROUTER, 14,
      "reg0 = 172.16.0.10; reg1 = 172.16.0.2; eth.src = 00:00:00:00:ff:10;"
        " outport = \"gw1-pub\"; next;" },
    { ROUTER, 14,
      "reg0 = 172.16.0.11; reg1 = 172.16.0.1; eth.src = 00:00:00:00:ff:03;"
        " outport = \"lr0-pub\"; next;" },
    { ROUTER, 14,
      "reg0 = 172.16.0.11; reg1 = 172.16.0.2; eth.src = 00:00:00:00:ff:10;"
        " outport = \"gw1-pub\"; next;" },
    { 0, 14,
      "next;" },
    { 0, 14,
      "reg0[6] = chk_lb_hairpin(); reg0[12] = chk_lb_hairpin_reply(); next"
        ";" },
    { ROUTER, 15,
      "drop;" },
    { ROUTER, 15,
      "next;" },
    { ROUTER, 15,
      "reg0 = 20.0.0.14; reg1 = 20.0.0.1; eth.src = 00:00:00:00:ff:02; out"
        "port = \"lr0-sw1\"; flags.loopback = 1; reg8[0..15] = 0; next;" },
    { ROUTER, 15,
      "reg8[0..15] = 0; next;" },
    { 0, 15,
      "ct_snat;" },
    { 0, 15,
      "ct_snat_to_vip; next;" },
    { 0, 15,
      "next;" },
    { ROUTER, 16,
      "drop;" },
    { ROUTER, 16,
      "next;" },
    { 0, 16,
      "eth.dst <-> eth.src; outport = inport; flags.loopback = 1; output;" },
    { 0, 16,
      "next;" },
    { ROUTER, 17,
      "drop;" },
    { ROUTER, 17,
      "eth.dst = 00:00:00:00:00:00; next;" },
    { ROUTER, 17,
      "eth.dst = 00:00:00:00:00:01; next;" },
    { ROUTER, 17,
      "eth.dst = 00:00:00:00:00:02; next;" },
    { ROUTER, 17,
      "eth.dst = 00:00:00:00:00:04; next;" },
    { ROUTER, 17,
      "eth.dst = 00:00:00:00:00:05; next;" },
    { ROUTER, 17,
      "eth.dst = 00:00:00:00:00:07; next;" },
    { ROUTER, 17,
      "eth.dst = 00:00:00:00:00:09; next;" },
    { ROUTER, 17,
      "eth.dst = 00:00:00:00:aa:01; next;" },
    { ROUTER, 17,
      "eth.dst = 00:00:00:00:ff:03; next;" },
    { ROUTER, 17,
      "eth.dst = 00:00:00:00:ff:10; next;" },
    { ROUTER, 17,
      "get_arp(outport, reg0); next;" },
    { ROUTER, 17,
      "get_nd(outport, xxreg0); next;" },
    { ROUTER, 17,
      "next;" },
    { ROUTER, 17,
      "push(xxreg1); xxreg1 = ct_label; eth.dst = xxreg1[32..79]; pop(xxre"
        "g1); next;" },
    { 0, 17,
      "next;" },
    { ROUTER, 18,
      "next;" },
    { ROUTER, 18,
      "reg9[1] = check_pkt_larger(1414); next;" },
    { 0, 18,
      "ct_commit { ct_mark.blocked = 0; ct_label.label = reg3; }; next;" },
    { 0, 18,
      "ct_commit { ct_mark.blocked = 0; }; next;" },
    { 0, 18,
      "next;" },
    { ROUTER, 19,
      "icmp4_error {reg9[0] = 1; reg9[1] = 0; eth.dst = 00:00:00:00:ff:01;"
        " ip4.dst = ip4.src; ip4.src = 10.0.0.1; ip.ttl = 255; icmp4.type "
        "= 3; /* Destination Unreachable. */ icmp4.code = 4; /* Frag Neede"
        "d and DF was Set. */ icmp4.frag_mtu = 1400; next(pipeline=ingress"
        ", table=0); };" },
    { ROUTER, 19,
      "icmp4_error {reg9[0] = 1; reg9[1] = 0; eth.dst = 00:00:00:00:ff:02;"
        " ip4.dst = ip4.src; ip4.src = 20.0.0.1; ip.ttl = 255; icmp4.type "
        "= 3; /* Destination Unreachable. */ icmp4.code = 4; /* Frag Neede"
        "d and DF was Set. */ icmp4.frag_mtu = 1400; next(pipeline=ingress"
        ", table=0); };" },
    { ROUTER, 19,
      "icmp6_error {reg9[0] = 1; reg9[1] = 0; eth.dst = 00:00:00:00:ff:01;"
        " ip6.dst = ip6.src; ip6.src = fd00::1; ip.ttl = 255; icmp6.type ="
        " 2; /* Packet Too Big. */ icmp6.code = 0; icmp6.frag_mtu = 1400; "
        "next(pipeline=ingress, table=0); };" },
    { ROUTER, 19,
      "icmp6_error {reg9[0] = 1; reg9[1] = 0; eth.dst = 00:00:00:00:ff:02;"
        " ip6.dst = ip6.src; ip6.src = fd01::1; ip.ttl = 255; icmp6.type ="
        " 2; /* Packet Too Big. */ icmp6.code = 0; icmp6.frag_mtu = 1400; "
        "next(pipeline=ingress, table=0); };" },
    { ROUTER, 19,
      "next;" },
    { 0, 19,
      "bind_vport(\"vip\", inport); next;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:00:01; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:00:01; arp.tpa "
        "= arp.spa; arp.spa = 10.0.0.11; outport = inport; flags.loopback "
        "= 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:00:02; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:00:02; arp.tpa "
        "= arp.spa; arp.spa = 10.0.0.12; outport = inport; flags.loopback "
        "= 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:00:04; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:00:04; arp.tpa "
        "= arp.spa; arp.spa = 20.0.0.14; outport = inport; flags.loopback "
        "= 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:00:05; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:00:05; arp.tpa "
        "= arp.spa; arp.spa = 20.0.0.15; outport = inport; flags.loopback "
        "= 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:00:07; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:00:07; arp.tpa "
        "= arp.spa; arp.spa = 30.0.0.11; outport = inport; flags.loopback "
        "= 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:00:09; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:00:09; arp.tpa "
        "= arp.spa; arp.spa = 20.0.0.19; outport = inport; flags.loopback "
        "= 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:ff:01; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:ff:01; arp.tpa "
        "= arp.spa; arp.spa = 10.0.0.1; outport = inport; flags.loopback ="
        " 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:ff:02; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:ff:02; arp.tpa "
        "= arp.spa; arp.spa = 20.0.0.1; outport = inport; flags.loopback ="
        " 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:ff:03; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:ff:03; arp.tpa "
        "= arp.spa; arp.spa = 172.16.0.1; outport = inport; flags.loopback"
        " = 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:ff:10; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:ff:10; arp.tpa "
        "= arp.spa; arp.spa = 172.16.0.2; outport = inport; flags.loopback"
        " = 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 00:00:00:00:ff:20; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:ff:20; arp.tpa "
        "= arp.spa; arp.spa = 30.0.0.1; outport = inport; flags.loopback ="
        " 1; output;" },
    { 0, 19,
      "eth.dst = eth.src; eth.src = 0e:82:38:1b:b0:f1; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 0e:82:38:1b:b0:f1; arp.tpa "
        "= arp.spa; arp.spa = 30.0.0.2; outport = inport; flags.loopback ="
        " 1; output;" },
    { 0, 19,
      "nd_na { eth.src = 00:00:00:00:00:01; ip6.src = fd00::11; nd.target "
        "= fd00::11; nd.tll = 00:00:00:00:00:01; outport = inport; flags.l"
        "oopback = 1; output; };" },
    { 0, 19,
      "nd_na { eth.src = 00:00:00:00:00:04; ip6.src = fd01::14; nd.target "
        "= fd01::14; nd.tll = 00:00:00:00:00:04; outport = inport; flags.l"
        "oopback = 1; output; };" },
    { 0, 19,
      "nd_na { eth.src = 00:00:00:00:00:07; ip6.src = fd30::11; nd.target "
        "= fd30::11; nd.tll = 00:00:00:00:00:07; outport = inport; flags.l"
        "oopback = 1; output; };" },
    { 0, 19,
      "nd_na_router { eth.src = 00:00:00:00:ff:01; ip6.src = fd00::1; nd.t"
        "arget = fd00::1; nd.tll = 00:00:00:00:ff:01; outport = inport; fl"
        "ags.loopback = 1; output; };" },
    { 0, 19,
      "nd_na_router { eth.src = 00:00:00:00:ff:01; ip6.src = fe80::200:ff:"
        "fe00:ff01; nd.target = fe80::200:ff:fe00:ff01; nd.tll = 00:00:00:"
        "00:ff:01; outport = inport; flags.loopback = 1; output; };" },
    { 0, 19,
      "nd_na_router { eth.src = 00:00:00:00:ff:02; ip6.src = fd01::1; nd.t"
        "arget = fd01::1; nd.tll = 00:00:00:00:ff:02; outport = inport; fl"
        "ags.loopback = 1; output; };" },
    { 0, 19,
      "nd_na_router { eth.src = 00:00:00:00:ff:02; ip6.src = fe80::200:ff:"
        "fe00:ff02; nd.target = fe80::200:ff:fe00:ff02; nd.tll = 00:00:00:"
        "00:ff:02; outport = inport; flags.loopback = 1; output; };" },
    { 0, 19,
      "nd_na_router { eth.src = 00:00:00:00:ff:03; ip6.src = fd02::1; nd.t"
        "arget = fd02::1; nd.tll = 00:00:00:00:ff:03; outport = inport; fl"
        "ags.loopback = 1; output; };" },
    { 0, 19,
      "nd_na_router { eth.src = 00:00:00:00:ff:03; ip6.src = fe80::200:ff:"
        "fe00:ff03; nd.target = fe80::200:ff:fe00:ff03; nd.tll = 00:00:00:"
        "00:ff:03; outport = inport; flags.loopback = 1; output; };" },
    { 0, 19,
      "nd_na_router { eth.src = 00:00:00:00:ff:10; ip6.src = fe80::200:ff:"
        "fe00:ff10; nd.target = fe80::200:ff:fe00:ff10; nd.tll = 00:00:00:"
        "00:ff:10; outport = inport; flags.loopback = 1; output; };" },
    { 0, 19,
      "nd_na_router { eth.src = 00:00:00:00:ff:20; ip6.src = fd30::1; nd.t"
        "arget = fd30::1; nd.tll = 00:00:00:00:ff:20; outport = inport; fl"
        "ags.loopback = 1; output; };" },
    { 0, 19,
      "nd_na_router { eth.src = 00:00:00:00:ff:20; ip6.src = fe80::200:ff:"
        "fe00:ff20; nd.target = fe80::200:ff:fe00:ff20; nd.tll = 00:00:00:"
        "00:ff:20; outport = inport; flags.loopback = 1; output; };" },
    { 0, 19,
      "next;" },
    { ROUTER, 2,
      "drop;" },
    { ROUTER, 2,
      "next;" },
    { ROUTER, 2,
      "put_arp(inport, arp.spa, arp.sha); next;" },
    { ROUTER, 2,
      "put_nd(inport, ip6.src, nd.sll); next;" },
    { ROUTER, 2,
      "put_nd(inport, nd.target, eth.src); next;" },
    { ROUTER, 2,
      "put_nd(inport, nd.target, nd.tll); next;" },
    { 0, 2,
      "next;" },
    { 0, 2,
      "reg0[11] = lookup_fdb(inport, eth.src); next;" },
    { ROUTER, 20,
      "eth.src = 00:00:00:00:aa:01; reg1 = 172.16.0.110; next;" },
    { ROUTER, 20,
      "next;" },
    { ROUTER, 20,
      "outport = \"cr-lr0-pub\"; next;" },
    { 0, 20,
      "next;" },
    { 0, 20,
      "reg0[3] = put_dhcp_opts(offerip = 10.0.0.11, classless_static_route"
        " = {30.0.0.0/24,10.0.0.4, 0.0.0.0/0,10.0.0.1}, dns_server = {8.8."
        "8.8,1.1.1.1}, domain_search_list = \"a.com,b.org\", hostname = \""
        "vmhost\", lease_time = 3600, mtu = 1400, netmask = 255.255.255.0,"
        " router = 10.0.0.1, server_id = 10.0.0.1, tftp_server = \"1.2.3.4"
        "\"); next;" },
    { 0, 20,
      "reg0[3] = put_dhcpv6_opts(dns_server = {fd30::53}, server_id = 00:0"
        "0:00:00:10:03); next;" },
    { 0, 20,
      "reg0[3] = put_dhcpv6_opts(ia_addr = fd00::11, dns_server = {fd00::1"
        "}, domain_search = \"ovn.org\", server_id = 00:00:00:00:10:02); n"
        "ext;" },
    { ROUTER, 21,
      "arp { eth.dst = ff:ff:ff:ff:ff:ff; arp.spa = reg1; arp.tpa = reg0; "
        "arp.op = 1; output; };" },
    { ROUTER, 21,
      "nd_ns { eth.dst = 33:33:ff:00:00:10; ip6.dst = ff02::1:ff00:10; nd."
        "target = fd02::10; output; };" },
    { ROUTER, 21,
      "nd_ns { eth.dst = 33:33:ff:00:00:11; ip6.dst = ff02::1:ff00:11; nd."
        "target = fd02::11; output; };" },
    { ROUTER, 21,
      "nd_ns { nd.target = xxreg0; output; };" },
    { ROUTER, 21,
      "output;" },
    { 0, 21,
      "eth.dst = eth.src; eth.src = 00:00:00:00:10:02; ip6.dst = ip6.src; "
        "ip6.src = fe80::200:ff:fe00:1002; udp.src = 547; udp.dst = 546; o"
        "utport = inport; flags.loopback = 1; output;" },
    { 0, 21,
      "eth.dst = eth.src; eth.src = 00:00:00:00:10:03; ip6.dst = ip6.src; "
        "ip6.src = fe80::200:ff:fe00:1003; udp.src = 547; udp.dst = 546; o"
        "utport = inport; flags.loopback = 1; output;" },
    { 0, 21,
      "eth.dst = eth.src; eth.src = c0:ff:ee:00:00:01; ip4.src = 10.0.0.1;"
        " udp.src = 67; udp.dst = 68; outport = inport; flags.loopback = 1"
        "; output;" },
    { 0, 21,
      "next;" },
    { 0, 22,
      "next;" },
    { 0, 22,
      "reg0[4] = dns_lookup(); next;" },
    { 0, 23,
      "eth.dst <-> eth.src; ip4.src <-> ip4.dst; udp.dst = udp.src; udp.sr"
        "c = 53; outport = inport; flags.loopback = 1; output;" },
    { 0, 23,
      "eth.dst <-> eth.src; ip6.src <-> ip6.dst; udp.dst = udp.src; udp.sr"
        "c = 53; outport = inport; flags.loopback = 1; output;" },
    { 0, 23,
      "next;" },
    { 0, 24,
      "next;" },
    { 0, 25,
      "clone { outport = \"_MC_mrouter_flood\"; output; }; " },
    { 0, 25,
      "clone {outport = \"pub-gw1\"; output; }; outport = \"_MC_flood_l2\""
        "; output;" },
    { 0, 25,
      "clone {outport = \"pub-lr0\"; output; }; outport = \"_MC_flood_l2\""
        "; output;" },
    { 0, 25,
      "clone {outport = \"sw0-lr0\"; output; }; outport = \"_MC_flood_l2\""
        "; output;" },
    { 0, 25,
      "clone {outport = \"sw1-lr0\"; output; }; outport = \"_MC_flood_l2\""
        "; output;" },
    { 0, 25,
      "clone {outport = \"sw2-gw1\"; output; }; outport = \"_MC_flood_l2\""
        "; output;" },
    { 0, 25,
      "drop;" },
    { 0, 25,
      "handle_svc_check(inport);" },
    { 0, 25,
      "igmp;" },
    { 0, 25,
      "outport = \"_MC_flood\"; output;" },
    { 0, 25,
      "outport = \"_MC_flood_l2\"; output;" },
    { 0, 25,
      "outport = \"pub-gw1\"; output;" },
    { 0, 25,
      "outport = \"pub-lr0\"; output;" },
    { 0, 25,
      "outport = \"svc\"; output;" },
    { 0, 25,
      "outport = \"sw0-lr0\"; output;" },
    { 0, 25,
      "outport = \"sw1-lr0\"; output;" },
    { 0, 25,
      "outport = \"sw2-gw1\"; output;" },
    { 0, 25,
      "outport = \"vip\"; output;" },
    { 0, 25,
      "outport = \"vm1\"; output;" },
    { 0, 25,
      "outport = \"vm2\"; output;" },
    { 0, 25,
      "outport = \"vm4\"; output;" },
    { 0, 25,
      "outport = \"vm5\"; output;" },
    { 0, 25,
      "outport = \"vm7\"; output;" },
    { 0, 25,
      "outport = get_fdb(eth.dst); next;" },
    { 0, 26,
      "drop;" },
    { 0, 26,
      "outport = \"_MC_unknown\"; output;" },
    { 0, 26,
      "output;" },
    { ROUTER, 3,
      "drop;" },
    { ROUTER, 3,
      "eth.dst = eth.src; eth.src = 00:00:00:00:aa:01; arp.op = 2; /* ARP "
        "reply */ arp.tha = arp.sha; arp.sha = 00:00:00:00:aa:01; arp.tpa "
        "<-> arp.spa; outport = inport; flags.loopback = 1; output;" },
    { ROUTER, 3,
      "eth.dst = eth.src; eth.src = xreg0[0..47]; arp.op = 2; /* ARP reply"
        " */ arp.tha = arp.sha; arp.sha = xreg0[0..47]; arp.tpa <-> arp.sp"
        "a; outport = inport; flags.loopback = 1; output;" },
    { ROUTER, 3,
      "icmp4 {eth.dst <-> eth.src; icmp4.type = 11; /* Time exceeded */ ic"
        "mp4.code = 0; /* TTL exceeded in transit */ ip4.dst <-> ip4.src ;"
        " ip.ttl = 254; outport = \"lr0-pub\"; flags.loopback = 1; output;"
        " };" },
    { ROUTER, 3,
      "icmp4 {eth.dst <-> eth.src; icmp4.type = 11; /* Time exceeded */ ic"
        "mp4.code = 0; /* TTL exceeded in transit */ ip4.dst = ip4.src; ip"
        "4.src = 10.0.0.1 ; ip.ttl = 254; outport = \"lr0-sw0\"; flags.loo"
        "pback = 1; output; };" },
    { ROUTER, 3,
      "icmp4 {eth.dst <-> eth.src; icmp4.type = 11; /* Time exceeded */ ic"
        "mp4.code = 0; /* TTL exceeded in transit */ ip4.dst = ip4.src; ip"
        "4.src = 172.16.0.2 ; ip.ttl = 254; outport = \"gw1-pub\"; flags.l"
        "oopback = 1; output; };" },
    { ROUTER, 3,
      "icmp4 {eth.dst <-> eth.src; icmp4.type = 11; /* Time exceeded */ ic"
        "mp4.code = 0; /* TTL exceeded in transit */ ip4.dst = ip4.src; ip"
        "4.src = 20.0.0.1 ; ip.ttl = 254; outport = \"lr0-sw1\"; flags.loo"
        "pback = 1; output; };" },
    { ROUTER, 3,
      "icmp4 {eth.dst <-> eth.src; icmp4.type = 11; /* Time exceeded */ ic"
        "mp4.code = 0; /* TTL exceeded in transit */ ip4.dst = ip4.src; ip"
        "4.src = 30.0.0.1 ; ip.ttl = 254; outport = \"gw1-sw2\"; flags.loo"
        "pback = 1; output; };" },
    { ROUTER, 3,
      "icmp4_error {reg9[0] = 1; reg9[1] = 0; eth.dst = 00:00:00:00:ff:03;"
        " ip4.dst = ip4.src; ip4.src = 172.16.0.1; ip.ttl = 255; icmp4.typ"
        "e = 3; /* Destination Unreachable. */ icmp4.code = 4; /* Frag Nee"
        "ded and DF was Set. */ icmp4.frag_mtu = 1400; next(pipeline=ingre"
        "ss, table=0); };" },
    { ROUTER, 3,
      "icmp4_error {reg9[0] = 1; reg9[1] = 0; eth.dst = eth.src; eth.src ="
        " 00:00:00:00:aa:01; ip4.dst = ip4.src; ip4.src = 172.16.0.110; ip"
        ".ttl = 254; icmp4.type = 3; /* Destination Unreachable. */ icmp4."
        "code = 4; /* Frag Needed and DF was Set. */ icmp4.frag_mtu = 1400"
        "; outport = \"lr0-pub\"; flags.loopback = 1; output; };" },
    { ROUTER, 3,
      "icmp6 {eth.dst <-> eth.src; ip6.dst <-> ip6.src ; ip.ttl = 254; icm"
        "p6.type = 3; /* Time exceeded */ icmp6.code = 0; /* TTL exceeded "
        "in transit */ outport = \"lr0-pub\"; flags.loopback = 1; output; "
        "};" },
    { ROUTER, 3,
      "icmp6 {eth.dst <-> eth.src; ip6.dst = ip6.src; ip6.src = fd00::1 ; "
        "ip.ttl = 254; icmp6.type = 3; /* Time exceeded */ icmp6.code = 0;"
        " /* TTL exceeded in transit */ outport = \"lr0-sw0\"; flags.loopb"
        "ack = 1; output; };" },
    { ROUTER, 3,
      "icmp6 {eth.dst <-> eth.src; ip6.dst = ip6.src; ip6.src = fd01::1 ; "
        "ip.ttl = 254; icmp6.type = 3; /* Time exceeded */ icmp6.code = 0;"
        " /* TTL exceeded in transit */ outport = \"lr0-sw1\"; flags.loopb"
        "ack = 1; output; };" },
    { ROUTER, 3,
      "icmp6 {eth.dst <-> eth.src; ip6.dst = ip6.src; ip6.src = fd30::1 ; "
        "ip.ttl = 254; icmp6.type = 3; /* Time exceeded */ icmp6.code = 0;"
        " /* TTL exceeded in transit */ outport = \"gw1-sw2\"; flags.loopb"
        "ack = 1; output; };" },
    { ROUTER, 3,
      "icmp6_error {reg9[0] = 1; reg9[1] = 0; eth.dst = 00:00:00:00:ff:03;"
        " ip6.dst = ip6.src; ip6.src = fd02::1; ip.ttl = 255; icmp6.type ="
        " 2; /* Packet Too Big. */ icmp6.code = 0; icmp6.frag_mtu = 1400; "
        "next(pipeline=ingress, table=0); };" },
    { ROUTER, 3,
      "ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 0; flags.loopback ="
        " 1; next; " },
    { ROUTER, 3,
      "ip6.dst <-> ip6.src; ip.ttl = 255; icmp6.type = 129; flags.loopback"
        " = 1; next; " },
    { ROUTER, 3,
      "nd_na { eth.src = xreg0[0..47]; ip6.src = nd.target; nd.tll = xreg0"
        "[0..47]; outport = inport; flags.loopback = 1; output; };" },
    { ROUTER, 3,
      "nd_na_router { eth.src = xreg0[0..47]; ip6.src = nd.target; nd.tll "
        "= xreg0[0..47]; outport = inport; flags.loopback = 1; output; };" },
    { ROUTER, 3,
      "next;" },
    { ROUTER, 3,
      "reg0 = 0; handle_dhcpv6_reply;" },
    { 0, 3,
      "next;" },
    { 0, 3,
      "put_fdb(inport, eth.src); next;" },
    { ROUTER, 4,
      "ct_snat;" },
    { ROUTER, 4,
      "ct_snat_in_czone;" },
    { ROUTER, 4,
      "next;" },
    { 0, 4,
      "next;" },
    { 0, 4,
      "reg0[0] = 1; next;" },
    { ROUTER, 5,
      "ct_dnat;" },
    { ROUTER, 5,
      "next;" },
    { ROUTER, 5,
      "reg9[5] = chk_ecmp_nh(); ct_next;" },
    { ROUTER, 5,
      "reg9[5] = chk_ecmp_nh_mac(); ct_next;" },
    { 0, 5,
      "next;" },
    { 0, 5,
      "reg0[2] = 1; next;" },
    { 0, 5,
      "trigger_event(event = \"empty_lb_backends\", vip = \"10.0.0.201:80"
        "\", protocol = \"tcp\", load_balancer = \"638e94fa-1613-4c36-92e8"
        "-491ea22701db\");" },
    { ROUTER, 6,
      "next;" },
    { ROUTER, 6,
      "reg0 = ip4.dst; reg9[16..31] = udp.dst; reg9[6] = chk_lb_aff(); nex"
        "t;" },
    { ROUTER, 6,
      "xxreg0 = ip6.dst; reg9[16..31] = tcp.dst; reg9[6] = chk_lb_aff(); n"
        "ext;" },
    { 0, 6,
      "ct_lb_mark;" },
    { 0, 6,
      "ct_next;" },
    { 0, 6,
      "next;" },
    { 0, 6,
      "reg1 = 10.0.0.200; reg2[0..15] = 80; ct_lb_mark;" },
    { 0, 6,
      "reg1 = 10.0.0.201; reg2[0..15] = 80; ct_lb_mark;" },
    { 0, 6,
      "reg1 = 30.0.0.100; reg2[0..15] = 8080; ct_lb_mark;" },
    { 0, 6,
      "reg1 = 30.0.0.101; reg2[0..15] = 80; ct_lb_mark;" },
    { 0, 6,
      "xxreg1 = fd00::200; reg2[0..15] = 80; ct_lb_mark;" },
    { ROUTER, 7,
      "ct_commit_nat;" },
    { ROUTER, 7,
      "ct_dnat_in_czone(10.0.0.11);" },
    { ROUTER, 7,
      "ct_dnat_in_czone(10.0.0.12,1000-2000);" },
    { ROUTER, 7,
      "ct_dnat_in_czone(20.0.0.14);" },
    { ROUTER, 7,
      "ct_lb_mark(backends=20.0.0.14:53);" },
    { ROUTER, 7,
      "flags.force_snat_for_lb = 1; ct_commit_nat;" },
    { ROUTER, 7,
      "flags.force_snat_for_lb = 1; ct_lb_mark(backends=[fd30::11]:80; for"
        "ce_snat);" },
    { ROUTER, 7,
      "flags.force_snat_for_lb = 1; next;" },
    { ROUTER, 7,
      "flags.skip_snat_for_lb = 1; ct_commit_nat;" },
    { ROUTER, 7,
      "flags.skip_snat_for_lb = 1; ct_lb_mark(backends=10.0.0.11:8080,10.0"
        ".0.12:8080; hash_fields=\"ip_dst,ip_src\"; skip_snat);" },
    { ROUTER, 7,
      "flags.skip_snat_for_lb = 1; next;" },
    { ROUTER, 7,
      "next;" },
    { ROUTER, 7,
      "reg0 = 172.16.0.200; ct_lb_mark(backends=20.0.0.14:53);" },
    { ROUTER, 7,
      "xxreg0 = fd30::100; flags.force_snat_for_lb = 1; ct_lb_mark(backend"
        "s=[fd30::11]:80; force_snat);" },
    { 0, 7,
      "next;" },
    { 0, 7,
      "reg0[10] = 1; next;" },
    { 0, 7,
      "reg0[7] = 1; reg0[9] = 1; next;" },
    { 0, 7,
      "reg0[8] = 1; reg0[10] = 1; next;" },
    { 0, 7,
      "reg0[8] = 1; reg0[9] = 1; next;" },
    { 0, 7,
      "reg0[9] = 1; next;" },
    { ROUTER, 8,
      "commit_lb_aff(vip = \"172.16.0.200:53\", backend = \"20.0.0.14:53\""
        ", proto = udp, timeout = 60); /* drop */" },
    { ROUTER, 8,
      "commit_lb_aff(vip = \"[fd30::100]:80\", backend = \"[fd30::11]:80\""
        ", proto = tcp, timeout = 45); /* drop */" },
    { ROUTER, 8,
      "next;" },
    { 0, 8,
      "drop;" },
    { 0, 8,
      "log(name=\"metered\", severity=info, verdict=allow, meter=\"m1\"); "
        "next;" },
    { 0, 8,
      "log(severity=info, verdict=reject); ct_commit { ct_mark.blocked = 1"
        "; };  reg0 = 0; reject { /* eth.dst <-> eth.src; ip.dst <-> ip.sr"
        "c; is implicit. */ outport <-> inport; next(pipeline=egress,table"
        "=5); };" },
    { 0, 8,
      "log(severity=info, verdict=reject); reg0 = 0; reject { /* eth.dst <"
        "-> eth.src; ip.dst <-> ip.src; is implicit. */ outport <-> inport"
        "; next(pipeline=egress,table=5); };" },
    { 0, 8,
      "next;" },
    { 0, 8,
      "reg0[17] = 1; ct_commit_nat;" },
    { 0, 8,
      "reg0[1] = 1; next;" },
    { 0, 8,
      "reg0[1] = 1; reg0[13] = 1; reg3 = 1234; next;" },
    { 0, 8,
      "reg0[9] = 0; reg0[10] = 0; reg0[17] = 1; next;" },
    { ROUTER, 9,
      "ct_commit { ct_label.ecmp_reply_eth = eth.src;  ct_mark.ecmp_reply_"
        "port = 1;}; commit_ecmp_nh(ipv6 = false, proto = sctp); next;" },
    { ROUTER, 9,
      "ct_commit { ct_label.ecmp_reply_eth = eth.src;  ct_mark.ecmp_reply_"
        "port = 1;}; commit_ecmp_nh(ipv6 = false, proto = tcp); next;" },
    { ROUTER, 9,
      "ct_commit { ct_label.ecmp_reply_eth = eth.src;  ct_mark.ecmp_reply_"
        "port = 1;}; commit_ecmp_nh(ipv6 = false, proto = udp); next;" },
    { ROUTER, 9,
      "next;" },
    { 0, 9,
      "ip.dscp = 10; next;" },
    { 0, 9,
      "next;" },
};

/* Every port is known, with key 1. */
static bool
lookup_port(const void *aux OVS_UNUSED, const char *name OVS_UNUSED,
            uint32_t *key)
{
    *key = 1;
    return true;
}

/* Group and meter ids are 1. */
static uint32_t
alloc_id(void *aux OVS_UNUSED, const char *spec OVS_UNUSED)
{
    return 1;
}

/* Encodes 'actions' for case 'c' into 'ofpacts'; returns the error. */
static char *
encode(const struct northd_case *c, const char *actions,
       struct ofpbuf *ofpacts)
{
    struct ovn_action_env env = {
        .lookup_port = lookup_port,
        .is_switch = !(c->flags & ROUTER),
        .ingress = !(c->flags & EGRESS),
        .stage = c->stage,
        .dp_key = 1,
        .ctrl_meter_id = NX_CTLR_NO_METER,
        .group_id = alloc_id,
        .meter_id = alloc_id,
    };
    return ovn_actions_parse_encode(actions, &env, ofpacts, NULL);
}

/* Runs one case. */
static void
run_case(void **state)
{
    const struct northd_case *c = *state;
    struct ofpbuf a, b, wire, back, again;
    struct ds canon = DS_EMPTY_INITIALIZER;
    struct ds canon2 = DS_EMPTY_INITIALIZER;

    ofpbuf_init(&a, 0);
    ofpbuf_init(&b, 0);
    char *error = encode(c, c->actions, &a);
    if (error) {
        fail_msg("%s", error);
    }

    error = ovn_actions_normalize(c->actions, &canon);
    assert_null(error);
    error = ovn_actions_normalize(ds_cstr(&canon), &canon2);
    assert_null(error);
    assert_string_equal(ds_cstr(&canon), ds_cstr(&canon2));
    error = encode(c, ds_cstr(&canon), &b);
    assert_null(error);
    struct ds fa = DS_EMPTY_INITIALIZER, fb = DS_EMPTY_INITIALIZER;
    struct ofpact_format_params pa = { .s = &fa }, pb = { .s = &fb };
    ofpacts_format(a.data, a.size, &pa);
    ofpacts_format(b.data, b.size, &pb);
    assert_string_equal(ds_cstr(&fa), ds_cstr(&fb));
    ds_destroy(&fa);
    ds_destroy(&fb);

    if (a.size) {
        ofpbuf_init(&wire, 0);
        ofpbuf_init(&back, 0);
        ofpbuf_init(&again, 0);
        size_t len = ofpacts_put_openflow_actions(a.data, a.size, &wire,
                                                  OFP15_VERSION);
        struct ofpbuf msg;
        ofpbuf_use_const(&msg, wire.data, wire.size);
        assert_int_equal(ofpacts_pull_openflow_actions(&msg, len,
                                                       OFP15_VERSION, NULL,
                                                       NULL, &back), 0);
        ofpacts_put_openflow_actions(back.data, back.size, &again,
                                     OFP15_VERSION);
        assert_int_equal(again.size, wire.size);
        assert_memory_equal(again.data, wire.data, wire.size);
        ofpbuf_uninit(&wire);
        ofpbuf_uninit(&back);
        ofpbuf_uninit(&again);
    }

    ofpbuf_uninit(&a);
    ofpbuf_uninit(&b);
    ds_destroy(&canon);
    ds_destroy(&canon2);
}

int
main(void)
{
    size_t n = ARRAY_SIZE(cases);
    struct CMUnitTest *tests = xcalloc(n, sizeof *tests);

    for (size_t i = 0; i < n; i++) {
        tests[i].name = cases[i].actions;
        tests[i].test_func = run_case;
        tests[i].initial_state = CONST_CAST(struct northd_case *, &cases[i]);
    }
    int rc = _cmocka_run_group_tests("actions-northd", tests, n, NULL, NULL);
    free(tests);
    return rc;
}
