/*
 * Unit tests for match expressions (lib/ovn-expr*.c, lib/ovn-symtab.c,
 * lib/ovn-lflow-compile.c).
 *
 * Each row of 'cases' is one cmocka case: a step ("parse", "annotate",
 * "simplify", "normalize", "flows" or "compile"), an input, and the exact
 * expected output: the expression as printed, the OpenFlow matches as
 * OVS's match_format() prints them (one per line, sorted), or
 * "error: MESSAGE".  "compile" rows are "STAGE|PRIORITY|MATCH|ACTIONS".
 *
 * The environment: ports lp1=1, lp2=2, lp3=3, sw0-port=10 ("lp9" is
 * unknown); address sets as_ip4, as_ip6, as_mac, as_empty, as_bad; port
 * groups pg1 = {lp1, lp2}, pg2 = {lp3, lp9}, pg_empty; lp1 is resident.
 */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/ovn-expr.h"
#include "lib/ovn-lex.h"
#include "lib/ovn-lflow-compile.h"
#include "lib/ovn-symtab.h"
#include "flow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/shash.h"
#include "sset.h"
#include "svec.h"
#include "util.h"

/* One table-driven case. */
struct expr_case {
    const char *cmd;            /* Step to run. */
    const char *input;          /* Input text. */
    const char *expected;       /* Exact expected output. */
};

static const struct expr_case cases[] = {
    { "parse",
      "1",
      "1" },
    { "parse",
      "0",
      "0" },
    { "parse",
      "ip4",
      "eth.type == 0x800" },
    { "parse",
      "ip",
      "eth.type == 0x800 || eth.type == 0x86dd" },
    { "parse",
      "!ip4",
      "error: col 5: `eth.type' is a nominal field: it can only be test"
      "ed for equality (counting enclosing `!')" },
    { "parse",
      "eth.type == 0x800",
      "eth.type == 0x800" },
    { "parse",
      "0x800 == eth.type",
      "eth.type == 0x800" },
    { "parse",
      "eth.src == 00:11:22:33:44:55",
      "eth.src == 00:11:22:33:44:55" },
    { "parse",
      "eth.dst == ff:ff:ff:ff:ff:ff",
      "eth.dst == ff:ff:ff:ff:ff:ff" },
    { "parse",
      "eth.bcast",
      "eth.dst == ff:ff:ff:ff:ff:ff" },
    { "parse",
      "eth.mcast",
      "eth.mcast" },
    { "parse",
      "!eth.mcast",
      "!eth.mcast" },
    { "parse",
      "eth.dst[40]",
      "eth.mcast" },
    { "parse",
      "eth.dst[40] == 0",
      "!eth.mcast" },
    { "parse",
      "eth.src[0..15] == 0x1234",
      "eth.src == 00:00:00:00:12:34/00:00:00:00:ff:ff" },
    { "parse",
      "eth.src == 00:00:00:00:00:01/00:00:00:00:00:ff",
      "eth.src == 00:00:00:00:00:01/00:00:00:00:00:ff" },
    { "parse",
      "vlan.tci == 0x1005",
      "vlan.tci == 0x1005" },
    { "parse",
      "vlan.vid == 10",
      "vlan.vid == 0xa" },
    { "parse",
      "vlan.pcp == 3",
      "vlan.pcp == 0x3" },
    { "parse",
      "vlan.present",
      "vlan.tci[12]" },
    { "parse",
      "ip4.src == 10.0.0.1",
      "ip4.src == 10.0.0.1" },
    { "parse",
      "ip4.src == 10.0.0.0/8",
      "ip4.src == 10.0.0.0/8" },
    { "parse",
      "ip4.src == 10.0.0.0/255.0.255.0",
      "ip4.src == 10.0.0.0/255.0.255.0" },
    { "parse",
      "ip4.dst == {10.0.0.1, 10.0.0.2}",
      "ip4.dst == 10.0.0.1 || ip4.dst == 10.0.0.2" },
    { "parse",
      "ip4.dst == {10.0.0.1 10.0.0.2 10.0.0.3,}",
      "ip4.dst == 10.0.0.1 || ip4.dst == 10.0.0.2 || ip4.dst == 10.0.0."
      "3" },
    { "parse",
      "ip4.dst != {10.0.0.1, 10.0.0.2}",
      "ip4.dst != 10.0.0.1 && ip4.dst != 10.0.0.2" },
    { "parse",
      "ip4.src == $as_ip4",
      "ip4.src == 10.0.1.0/24 || ip4.src == 10.0.0.1 || ip4.src == 10.0"
      ".0.2" },
    { "parse",
      "ip4.src != $as_ip4",
      "ip4.src != 10.0.1.0/24 && ip4.src != 10.0.0.1 && ip4.src != 10.0"
      ".0.2" },
    { "parse",
      "ip6.src == $as_ip6",
      "ip6.src == fe80::1 || ip6.src == fd00::/64" },
    { "parse",
      "eth.src == $as_mac",
      "eth.src == 00:00:00:00:00:02 || eth.src == 00:00:00:00:00:01" },
    { "parse",
      "ip4.src == $as_empty",
      "0" },
    { "parse",
      "ip4.src != $as_empty",
      "1" },
    { "parse",
      "ip4.src == {$as_ip4, 192.168.0.1}",
      "ip4.src == 10.0.1.0/24 || ip4.src == 10.0.0.1 || ip4.src == 10.0"
      ".0.2 || ip4.src == 192.168.0.1" },
    { "parse",
      "ip6.dst == fe80::1",
      "ip6.dst == fe80::1" },
    { "parse",
      "ip6.dst == fe80::/10",
      "ip6.dst == fe80::/10" },
    { "parse",
      "ip6.dst == ::",
      "ip6.dst == ::" },
    { "parse",
      "ip6.label == 5",
      "ip6.label == 0x5" },
    { "parse",
      "ip.proto == 6",
      "ip.proto == 6" },
    { "parse",
      "ip.ttl == 255",
      "ip.ttl == 255" },
    { "parse",
      "ip.dscp == 46",
      "ip.dscp == 46" },
    { "parse",
      "ip.ecn == 3",
      "ip.ecn == 3" },
    { "parse",
      "ip.frag == 1",
      "ip.frag == 0x1" },
    { "parse",
      "ip.is_frag",
      "ip.frag[0]" },
    { "parse",
      "ip.first_frag",
      "ip.frag[0] && !ip.frag[1]" },
    { "parse",
      "ip.later_frag",
      "ip.frag[1]" },
    { "parse",
      "tcp",
      "ip.proto == 6" },
    { "parse",
      "udp",
      "ip.proto == 17" },
    { "parse",
      "sctp",
      "ip.proto == 132" },
    { "parse",
      "tcp.dst == 80",
      "tcp.dst == 80" },
    { "parse",
      "80 == tcp.dst",
      "tcp.dst == 80" },
    { "parse",
      "tcp.dst != 80",
      "tcp.dst != 80" },
    { "parse",
      "tcp.dst < 1024",
      "tcp.dst < 1024" },
    { "parse",
      "tcp.dst <= 1024",
      "tcp.dst <= 1024" },
    { "parse",
      "tcp.dst > 1024",
      "tcp.dst > 1024" },
    { "parse",
      "tcp.dst >= 1024",
      "tcp.dst >= 1024" },
    { "parse",
      "1024 < tcp.dst",
      "tcp.dst > 1024" },
    { "parse",
      "1024 <= tcp.src <= 49151",
      "tcp.src >= 1024 && tcp.src <= 49151" },
    { "parse",
      "49151 >= tcp.src >= 1024",
      "tcp.src <= 49151 && tcp.src >= 1024" },
    { "parse",
      "tcp.flags == 0x2",
      "tcp.flags == 0x2" },
    { "parse",
      "tcp.flags[1]",
      "tcp.flags[1]" },
    { "parse",
      "udp.src == 67 && udp.dst == 68",
      "udp.src == 67 && udp.dst == 68" },
    { "parse",
      "sctp.dst == 5000",
      "sctp.dst == 5000" },
    { "parse",
      "icmp4.type == 8",
      "icmp4.type == 8" },
    { "parse",
      "icmp4",
      "eth.type == 0x800 && ip.proto == 1" },
    { "parse",
      "icmp6.type == 128 && icmp6.code == 0",
      "icmp6.type == 128 && icmp6.code == 0" },
    { "parse",
      "icmp",
      "(eth.type == 0x800 && ip.proto == 1) || (eth.type == 0x86dd && i"
      "p.proto == 58)" },
    { "parse",
      "igmp",
      "eth.type == 0x800 && ip.proto == 2" },
    { "parse",
      "nd",
      "(icmp6.type == 135 || icmp6.type == 136) && icmp6.code == 0 && i"
      "p.ttl == 255" },
    { "parse",
      "nd_ns",
      "icmp6.type == 135 && icmp6.code == 0 && ip.ttl == 255" },
    { "parse",
      "nd_na",
      "icmp6.type == 136 && icmp6.code == 0 && ip.ttl == 255" },
    { "parse",
      "nd_rs",
      "icmp6.type == 133 && icmp6.code == 0 && ip.ttl == 255" },
    { "parse",
      "nd_ra",
      "icmp6.type == 134 && icmp6.code == 0 && ip.ttl == 255" },
    { "parse",
      "nd.target == fe80::1",
      "nd.target == fe80::1" },
    { "parse",
      "nd.sll == 00:00:00:00:00:01",
      "nd.sll == 00:00:00:00:00:01" },
    { "parse",
      "nd.tll == 00:00:00:00:00:02",
      "nd.tll == 00:00:00:00:00:02" },
    { "parse",
      "arp",
      "eth.type == 0x806" },
    { "parse",
      "arp.op == 1",
      "arp.op == 1" },
    { "parse",
      "arp.spa == 10.0.0.1",
      "arp.spa == 10.0.0.1" },
    { "parse",
      "arp.tpa == 10.0.0.0/24",
      "arp.tpa == 10.0.0.0/24" },
    { "parse",
      "arp.sha == 00:00:00:00:00:01",
      "arp.sha == 00:00:00:00:00:01" },
    { "parse",
      "arp.tha == 00:00:00:00:00:00",
      "arp.tha == 00:00:00:00:00:00" },
    { "parse",
      "rarp",
      "eth.type == 0x8035" },
    { "parse",
      "rarp.op == 3",
      "arp.op == 3" },
    { "parse",
      "ct.new",
      "ct.new" },
    { "parse",
      "ct.est",
      "ct.est" },
    { "parse",
      "ct.rel",
      "ct.rel" },
    { "parse",
      "ct.rpl",
      "ct.rpl" },
    { "parse",
      "ct.inv",
      "ct.inv" },
    { "parse",
      "ct.trk",
      "ct.trk" },
    { "parse",
      "ct.snat",
      "ct.snat" },
    { "parse",
      "ct.dnat",
      "ct.dnat" },
    { "parse",
      "!ct.trk",
      "!ct.trk" },
    { "parse",
      "ct_state == 0x21",
      "ct_state == 0x21" },
    { "parse",
      "ct_mark == 5",
      "ct_mark == 0x5" },
    { "parse",
      "ct_mark.blocked",
      "ct_mark.blocked" },
    { "parse",
      "ct_mark.blocked == 1",
      "ct_mark.blocked" },
    { "parse",
      "ct_mark.natted",
      "ct_mark.natted" },
    { "parse",
      "ct_mark.ecmp_reply_port == 3",
      "ct_mark.ecmp_reply_port == 0x3" },
    { "parse",
      "ct_label == 1",
      "ct_label == 0x1" },
    { "parse",
      "ct_label.blocked",
      "ct_label.blocked" },
    { "parse",
      "ct_label.natted",
      "ct_label.natted" },
    { "parse",
      "ct_label.ecmp_reply_eth == 00:00:00:00:00:01",
      "ct_label.ecmp_reply_eth == 0x1" },
    { "parse",
      "ct_label.ecmp_reply_port == 7",
      "ct_label.ecmp_reply_port == 0x7" },
    { "parse",
      "ct_label.label == 0x1234",
      "ct_label.label == 0x1234" },
    { "parse",
      "ct_label[0..15] == 5",
      "ct_label[0..15] == 0x5" },
    { "parse",
      "ct_nw_dst == 10.0.0.1",
      "ct_nw_dst == 10.0.0.1" },
    { "parse",
      "ct_ip6_dst == fd00::1",
      "ct_ip6_dst == fd00::1" },
    { "parse",
      "ct_proto == 6",
      "ct_proto == 6" },
    { "parse",
      "ct_tp_dst == 80",
      "ct_tp_dst == 80" },
    { "parse",
      "inport == \"lp1\"",
      "inport == \"lp1\"" },
    { "parse",
      "inport == {\"lp1\", \"lp2\"}",
      "inport == \"lp1\" || inport == \"lp2\"" },
    { "parse",
      "outport == \"lp2\"",
      "outport == \"lp2\"" },
    { "parse",
      "inport == @pg1",
      "inport == \"lp1\" || inport == \"lp2\"" },
    { "parse",
      "outport == @pg2",
      "outport == \"lp3\" || outport == \"lp9\"" },
    { "parse",
      "inport == @pg_empty",
      "0" },
    { "parse",
      "!(inport == \"lp1\")",
      "error: col 19: `inport' is a nominal field: it can only be teste"
      "d for equality (counting enclosing `!')" },
    { "parse",
      "!(inport != \"lp1\")",
      "inport == \"lp1\"" },
    { "parse",
      "reg0 == 1",
      "reg0 == 0x1" },
    { "parse",
      "reg0[0] == 1",
      "reg0[0]" },
    { "parse",
      "reg0[0]",
      "reg0[0]" },
    { "parse",
      "reg0[1..3] == 5",
      "reg0[1..3] == 0x5" },
    { "parse",
      "reg0[1..3] == 5/6",
      "error: col 15: value contains bits outside the mask" },
    { "parse",
      "reg9 == 0xffffffff",
      "reg9 == 0xffffffff" },
    { "parse",
      "xreg0 == 0x100000000",
      "xreg0 == 0x100000000" },
    { "parse",
      "xreg4 == 1",
      "xreg4 == 0x1" },
    { "parse",
      "xxreg0 == 1",
      "xxreg0 == 0x1" },
    { "parse",
      "xxreg1 == 0xffffffffffffffffffffffffffffffff",
      "xxreg1 == 0xffffffffffffffffffffffffffffffff" },
    { "parse",
      "xxreg0[0..31] == 5",
      "reg3 == 0x5" },
    { "parse",
      "reg10 == 1",
      "reg10 == 0x1" },
    { "parse",
      "flags.loopback",
      "flags.loopback" },
    { "parse",
      "flags.loopback == 0",
      "!flags.loopback" },
    { "parse",
      "flags.force_snat_for_dnat",
      "flags.force_snat_for_dnat" },
    { "parse",
      "flags.force_snat_for_lb",
      "flags.force_snat_for_lb" },
    { "parse",
      "flags.skip_snat_for_lb",
      "flags.skip_snat_for_lb" },
    { "parse",
      "flags.use_snat_zone",
      "flags.use_snat_zone" },
    { "parse",
      "pkt.mark == 42",
      "pkt.mark == 0x2a" },
    { "parse",
      "is_chassis_resident(\"lp1\")",
      "is_chassis_resident(\"lp1\")" },
    { "parse",
      "!is_chassis_resident(\"lp1\")",
      "!is_chassis_resident(\"lp1\")" },
    { "parse",
      "ip4 && ip4.src == 10.0.0.1",
      "eth.type == 0x800 && ip4.src == 10.0.0.1" },
    { "parse",
      "ip4 || ip6",
      "eth.type == 0x800 || eth.type == 0x86dd" },
    { "parse",
      "(ip4 || ip6) && tcp",
      "(eth.type == 0x800 || eth.type == 0x86dd) && ip.proto == 6" },
    { "parse",
      "!(ip4 && tcp)",
      "error: col 14: `eth.type' is a nominal field: it can only be tes"
      "ted for equality (counting enclosing `!')" },
    { "parse",
      "!(ip4 || tcp)",
      "error: col 14: `eth.type' is a nominal field: it can only be tes"
      "ted for equality (counting enclosing `!')" },
    { "parse",
      "!!ip4",
      "eth.type == 0x800" },
    { "parse",
      "!(!ip4)",
      "eth.type == 0x800" },
    { "parse",
      "!(tcp.dst == 80)",
      "tcp.dst != 80" },
    { "parse",
      "!(tcp.dst < 80)",
      "tcp.dst >= 80" },
    { "parse",
      "!(tcp.dst >= 80)",
      "tcp.dst < 80" },
    { "parse",
      "!(1)",
      "0" },
    { "parse",
      "ip4 && 1",
      "eth.type == 0x800 && 1" },
    { "parse",
      "ip4 && 0",
      "eth.type == 0x800 && 0" },
    { "parse",
      "ip4 == 1",
      "eth.type == 0x800" },
    { "parse",
      "ip4 == 0",
      "error: col 9: `eth.type' is a nominal field: it can only be test"
      "ed for equality (counting enclosing `!')" },
    { "parse",
      "ip4 != 1",
      "error: col 9: `eth.type' is a nominal field: it can only be test"
      "ed for equality (counting enclosing `!')" },
    { "parse",
      "eth.mcastv6",
      "eth.dst == 33:33:00:00:00:00/ff:ff:00:00:00:00" },
    { "parse",
      "ip4.mcast",
      "eth.mcast && ip4.dst == 224.0.0.0/4" },
    { "parse",
      "ip4.src_mcast",
      "ip4.src == 224.0.0.0/4" },
    { "parse",
      "ip6.mcast",
      "eth.dst == 33:33:00:00:00:00/ff:ff:00:00:00:00 && ip6.dst == ff0"
      "0::/8" },
    { "parse",
      "ip6.mcast_rsvd",
      "ip6.dst == ff00::/12 && ip6.dst == ::/0:ffff:ffff:ffff:ffff:ffff"
      ":ffff:ffff" },
    { "parse",
      "ip6.mcast_all_nodes",
      "ip6.dst == ff01::1 || ip6.dst == ff02::1" },
    { "parse",
      "ip6.mcast_all_rtrs",
      "ip6.dst == ff01::2 || ip6.dst == ff02::2 || ip6.dst == ff05::2" },
    { "parse",
      "ip6.mcast_sol_node",
      "ip6.dst == ff02::1:ff00:0/104" },
    { "parse",
      "ip6.mcast_flood",
      "eth.dst == 33:33:00:00:00:00/ff:ff:00:00:00:00 && ((ip6.dst == f"
      "f00::/12 && ip6.dst == ::/0:ffff:ffff:ffff:ffff:ffff:ffff:ffff) "
      "|| (ip6.dst == ff01::1 || ip6.dst == ff02::1) || (ip6.dst == ff0"
      "1::2 || ip6.dst == ff02::2 || ip6.dst == ff05::2) || ip6.dst == "
      "ff02::1:ff00:0/104)" },
    { "parse",
      "mldv1",
      "ip6.src == fe80::/10 && (icmp6.type == 130 || icmp6.type == 131 "
      "|| icmp6.type == 132)" },
    { "parse",
      "mldv2",
      "ip6.dst == ff02::16 && icmp6.type == 143" },
    { "parse",
      "ip4 /* comment */ && tcp // end",
      "eth.type == 0x800 && ip.proto == 6" },
    { "parse",
      "  ip4  &&  tcp  ",
      "eth.type == 0x800 && ip.proto == 6" },
    { "parse",
      "",
      "error: col 1: syntax error at end of input: expecting field name"
      ", constant, `(' or `!'." },
    { "parse",
      "ip4 &&",
      "error: col 7: syntax error at end of input: expecting field name"
      ", constant, `(' or `!'." },
    { "parse",
      "ip4 && tcp || udp",
      "error: col 12: `&&' and `||' must be parenthesized when used tog"
      "ether" },
    { "parse",
      "ip4 || tcp && udp",
      "error: col 12: `&&' and `||' must be parenthesized when used tog"
      "ether" },
    { "parse",
      "(ip4",
      "error: col 5: syntax error at end of input: expecting `)'." },
    { "parse",
      "ip4)",
      "error: col 4: syntax error at `)': expecting end of input." },
    { "parse",
      "foo",
      "error: col 1: unknown field `foo'" },
    { "parse",
      "foo == 1",
      "error: col 1: unknown field `foo'" },
    { "parse",
      "ip4.src",
      "error: col 8: explicit comparison required for 32-bit field `ip4"
      ".src'" },
    { "parse",
      "ip4.src ==",
      "error: col 11: syntax error at end of input: expecting constant." },
    { "parse",
      "ip4.src == ",
      "error: col 12: syntax error at end of input: expecting constant." },
    { "parse",
      "ip4.src == \"x\"",
      "error: col 15: integer field `ip4.src' compared with a string" },
    { "parse",
      "inport == 1",
      "error: col 12: string field `inport' compared with an integer" },
    { "parse",
      "inport != \"lp1\"",
      "error: col 16: `inport' is a nominal field: it can only be teste"
      "d for equality (counting enclosing `!')" },
    { "parse",
      "inport == \"lp1\" || inport != \"lp2\"",
      "error: col 35: `inport' is a nominal field: it can only be teste"
      "d for equality (counting enclosing `!')" },
    { "parse",
      "inport[0]",
      "error: col 8: cannot select bits of string field `inport'" },
    { "parse",
      "inport < \"lp1\"",
      "error: col 15: only == and != can compare string field `inport'" },
    { "parse",
      "eth.type != 0x800",
      "error: col 18: `eth.type' is a nominal field: it can only be tes"
      "ted for equality (counting enclosing `!')" },
    { "parse",
      "eth.type[0..3] == 1",
      "error: col 10: cannot select bits of nominal field `eth.type'" },
    { "parse",
      "eth.type == 0x800/0xff00",
      "error: col 25: nominal field `eth.type' cannot be compared with "
      "a masked constant" },
    { "parse",
      "ip.proto < 6",
      "error: col 13: only == and != can compare nominal field `ip.prot"
      "o'" },
    { "parse",
      "tcp.dst < {80, 443}",
      "error: col 20: only == and != can compare `tcp.dst' with a set" },
    { "parse",
      "tcp.dst < 80/0xff",
      "error: col 18: only == and != can compare `tcp.dst' with a maske"
      "d constant" },
    { "parse",
      "tcp.dst == 65536",
      "error: col 17: constant is too wide for 16-bit field `tcp.dst'" },
    { "parse",
      "tcp.dst == 0x10000",
      "error: col 19: constant is too wide for 16-bit field `tcp.dst'" },
    { "parse",
      "ip4.src == fe80::1",
      "error: col 19: constant is too wide for 32-bit field `ip4.src'" },
    { "parse",
      "ip4.src == 00:00:00:00:00:01",
      "ip4.src == 0.0.0.1" },
    { "parse",
      "eth.src == 10.0.0.1",
      "eth.src == 00:00:0a:00:00:01" },
    { "parse",
      "reg0[32] == 1",
      "error: col 8: invalid bit range 32..32 for 32-bit field `reg0'" },
    { "parse",
      "reg0[5..3] == 1",
      "error: col 10: invalid bit range 5..3 for 32-bit field `reg0'" },
    { "parse",
      "reg0[0..2] == 8",
      "error: col 16: constant is too wide for 3-bit field `reg0'" },
    { "parse",
      "reg0 == 1/0x100000000",
      "error: col 9: value contains bits outside the mask" },
    { "parse",
      "ip4.src == $nosuch",
      "error: col 12: unknown address set `nosuch'" },
    { "parse",
      "inport == @nosuch",
      "error: col 11: unknown port group `nosuch'" },
    { "parse",
      "ip4.src == $as_bad",
      "error: col 12: address set `as_bad' contains invalid address `fo"
      "o'" },
    { "parse",
      "ct.new == 2",
      "error: col 12: constant is too wide for 1-bit field `ct.new'" },
    { "parse",
      "!tcp.dst == 80",
      "error: col 10: missing parentheses around relational expression "
      "after `!'" },
    { "parse",
      "!80 == tcp.dst",
      "error: col 5: missing parentheses around relational expression a"
      "fter `!'" },
    { "parse",
      "tcp.dst",
      "error: col 8: explicit comparison required for 16-bit field `tcp"
      ".dst'" },
    { "parse",
      "reg0",
      "error: col 5: explicit comparison required for 32-bit field `reg"
      "0'" },
    { "parse",
      "1024 <= tcp.src >= 49151",
      "error: col 17: range comparisons must use `<' or `<=' both times"
      ", or `>' or `>=' both times" },
    { "parse",
      "1024 == tcp.src == 49151",
      "error: col 17: range comparisons must use `<' or `<=' both times"
      ", or `>' or `>=' both times" },
    { "parse",
      "{1, 2} < tcp.src",
      "error: col 17: only == and != can compare `tcp.src' with a set" },
    { "parse",
      "is_chassis_resident(lp1)",
      "error: col 21: syntax error at `lp1': expecting port name string"
      "." },
    { "parse",
      "is_chassis_resident(\"lp1\"",
      "error: col 26: syntax error at end of input: expecting `)'." },
    { "parse",
      "ip4 == 2",
      "error: col 8: predicate `ip4' may only be compared with 0 or 1" },
    { "parse",
      "ip4 < 1",
      "error: col 5: predicate `ip4' may only be compared with == or !=" },
    { "parse",
      "ip4.src == {10.0.0.1",
      "error: col 21: syntax error at end of input: expecting constant." },
    { "parse",
      "tcp.dst == {}",
      "0" },
    { "parse",
      "tcp.dst != {}",
      "1" },
    { "parse",
      "reg0[0..1] == {0, 1, 2, 3}",
      "reg0[0..1] == 0 || reg0[0..1] == 0x1 || reg0[0..1] == 0x2 || reg"
      "0[0..1] == 0x3" },
    { "parse",
      "eth.src == 00:00:00:00:00:01 && eth.src == 00:00:00:00:00:02",
      "eth.src == 00:00:00:00:00:01 && eth.src == 00:00:00:00:00:02" },
    { "parse",
      "((((((ip4))))))",
      "eth.type == 0x800" },
    { "parse",
      "ip4 && && tcp",
      "error: col 8: syntax error at `&&': expecting field name, consta"
      "nt, `(' or `!'." },
    { "parse",
      "&&",
      "error: col 1: syntax error at `&&': expecting field name, consta"
      "nt, `(' or `!'." },
    { "parse",
      "ip4 & tcp",
      "error: col 5: `&' is only valid as part of `&&'" },
    { "parse",
      "eth.type == 0x800 tcp",
      "error: col 19: syntax error at `tcp': expecting end of input." },
    { "parse",
      "1 == 1",
      "error: col 6: syntax error at `1': expecting field name." },
    { "parse",
      "ct_label.label[0..3] == 2",
      "ct_label.label[0..3] == 0x2" },
    { "annotate",
      "tcp.dst == 80",
      "tcp.dst == 80 && ip.proto == 6 && (eth.type == 0x800 || eth.type"
      " == 0x86dd)" },
    { "annotate",
      "ip4.src == 10.0.0.1",
      "ip4.src == 10.0.0.1 && eth.type == 0x800" },
    { "annotate",
      "ip4.src == {10.0.0.1, 10.0.0.2}",
      "(ip4.src == 10.0.0.1 || ip4.src == 10.0.0.2) && eth.type == 0x80"
      "0" },
    { "annotate",
      "icmp4.type == 8",
      "icmp4.type == 8 && eth.type == 0x800 && (ip.proto == 1 && (eth.t"
      "ype == 0x800 || eth.type == 0x86dd))" },
    { "annotate",
      "nd.target == fe80::1",
      "nd.target == fe80::1 && ((icmp6.type == 135 || icmp6.type == 136"
      ") && eth.type == 0x86dd && (ip.proto == 58 && (eth.type == 0x800"
      " || eth.type == 0x86dd))) && (icmp6.code == 0 && eth.type == 0x8"
      "6dd && (ip.proto == 58 && (eth.type == 0x800 || eth.type == 0x86"
      "dd))) && (ip.ttl == 255 && (eth.type == 0x800 || eth.type == 0x8"
      "6dd))" },
    { "annotate",
      "nd.sll == 00:00:00:00:00:01",
      "nd.sll == 00:00:00:00:00:01 && (icmp6.type == 135 && eth.type =="
      " 0x86dd && (ip.proto == 58 && (eth.type == 0x800 || eth.type == "
      "0x86dd))) && (icmp6.code == 0 && eth.type == 0x86dd && (ip.proto"
      " == 58 && (eth.type == 0x800 || eth.type == 0x86dd))) && (ip.ttl"
      " == 255 && (eth.type == 0x800 || eth.type == 0x86dd))" },
    { "annotate",
      "ct.new",
      "ct.new && ct.trk" },
    { "annotate",
      "ct.trk",
      "ct.trk" },
    { "annotate",
      "vlan.vid == 5",
      "vlan.vid == 0x5 && vlan.tci[12]" },
    { "annotate",
      "eth.src == 00:00:00:00:00:01",
      "eth.src == 00:00:00:00:00:01" },
    { "annotate",
      "ip.ttl == 1",
      "ip.ttl == 1 && (eth.type == 0x800 || eth.type == 0x86dd)" },
    { "annotate",
      "arp.op == 2",
      "arp.op == 2 && eth.type == 0x806" },
    { "annotate",
      "ct_nw_dst == 10.0.0.1",
      "ct_nw_dst == 10.0.0.1 && ct.trk && (!ct.inv && ct.trk) && eth.ty"
      "pe == 0x800" },
    { "annotate",
      "inport == \"lp1\"",
      "inport == \"lp1\"" },
    { "annotate",
      "!(tcp.dst == 80)",
      "tcp.dst != 80 && ip.proto == 6 && (eth.type == 0x800 || eth.type"
      " == 0x86dd)" },
    { "annotate",
      "tcp.src == 1 || udp.src == 2",
      "(tcp.src == 1 && ip.proto == 6 && (eth.type == 0x800 || eth.type"
      " == 0x86dd)) || (udp.src == 2 && ip.proto == 17 && (eth.type == "
      "0x800 || eth.type == 0x86dd))" },
    { "annotate",
      "reg0 == 1",
      "reg0 == 0x1" },
    { "annotate",
      "1",
      "1" },
    { "simplify",
      "tcp.dst == 80",
      "tcp.dst == 80 && ip.proto == 6 && (eth.type == 0x800 || eth.type"
      " == 0x86dd)" },
    { "simplify",
      "tcp.dst != 80",
      "(tcp.dst[0] || tcp.dst[1] || tcp.dst[2] || tcp.dst[3] || !tcp.ds"
      "t[4] || tcp.dst[5] || !tcp.dst[6] || tcp.dst[7] || tcp.dst[8] ||"
      " tcp.dst[9] || tcp.dst[10] || tcp.dst[11] || tcp.dst[12] || tcp."
      "dst[13] || tcp.dst[14] || tcp.dst[15]) && ip.proto == 6 && (eth."
      "type == 0x800 || eth.type == 0x86dd)" },
    { "simplify",
      "tcp.dst < 5",
      "(tcp.dst[2..15] == 0 || tcp.dst == 4) && ip.proto == 6 && (eth.t"
      "ype == 0x800 || eth.type == 0x86dd)" },
    { "simplify",
      "tcp.dst <= 5",
      "(tcp.dst[2..15] == 0 || tcp.dst[1..15] == 2) && ip.proto == 6 &&"
      " (eth.type == 0x800 || eth.type == 0x86dd)" },
    { "simplify",
      "tcp.dst > 65530",
      "(tcp.dst == 65531 || tcp.dst[2..15] == 16383) && ip.proto == 6 &"
      "& (eth.type == 0x800 || eth.type == 0x86dd)" },
    { "simplify",
      "tcp.dst >= 65535",
      "tcp.dst == 65535 && ip.proto == 6 && (eth.type == 0x800 || eth.t"
      "ype == 0x86dd)" },
    { "simplify",
      "tcp.dst > 65535",
      "0" },
    { "simplify",
      "tcp.dst < 0",
      "0" },
    { "simplify",
      "tcp.dst >= 0",
      "ip.proto == 6 && (eth.type == 0x800 || eth.type == 0x86dd)" },
    { "simplify",
      "tcp.dst <= 65535",
      "ip.proto == 6 && (eth.type == 0x800 || eth.type == 0x86dd)" },
    { "simplify",
      "1024 <= tcp.dst <= 1030",
      "(tcp.dst[2..15] == 256 || tcp.dst[1..15] == 514 || tcp.dst == 10"
      "30) && ip.proto == 6 && (eth.type == 0x800 || eth.type == 0x86dd"
      ")" },
    { "simplify",
      "tcp.dst >= 1030 && tcp.dst <= 1024",
      "0" },
    { "simplify",
      "reg0[0..3] < 10",
      "!reg0[3] || reg0[1..3] == 0x4" },
    { "simplify",
      "reg0[4..7] > 12",
      "reg0[4..7] == 0xd || reg0[5..7] == 0x7" },
    { "simplify",
      "reg0 != 5",
      "!reg0[0] || reg0[1] || !reg0[2] || reg0[3] || reg0[4] || reg0[5]"
      " || reg0[6] || reg0[7] || reg0[8] || reg0[9] || reg0[10] || reg0"
      "[11] || reg0[12] || reg0[13] || reg0[14] || reg0[15] || reg0[16]"
      " || reg0[17] || reg0[18] || reg0[19] || reg0[20] || reg0[21] || "
      "reg0[22] || reg0[23] || reg0[24] || reg0[25] || reg0[26] || reg0"
      "[27] || reg0[28] || reg0[29] || reg0[30] || reg0[31]" },
    { "simplify",
      "reg0[0..1] != 2",
      "reg0[0] || !reg0[1]" },
    { "simplify",
      "reg0 == 1 && reg1 == 2",
      "reg0 == 0x1 && reg1 == 0x2" },
    { "simplify",
      "xreg0 == 3",
      "xreg0 == 0x3" },
    { "simplify",
      "ip4.src != 10.0.0.0/30",
      "(ip4.src == 0.0.0.4/0.0.0.4 || ip4.src == 0.0.0.8/0.0.0.8 || ip4"
      ".src == 0.0.0.16/0.0.0.16 || ip4.src == 0.0.0.32/0.0.0.32 || ip4"
      ".src == 0.0.0.64/0.0.0.64 || ip4.src == 0.0.0.128/0.0.0.128 || i"
      "p4.src == 0.0.1.0/0.0.1.0 || ip4.src == 0.0.2.0/0.0.2.0 || ip4.s"
      "rc == 0.0.4.0/0.0.4.0 || ip4.src == 0.0.8.0/0.0.8.0 || ip4.src ="
      "= 0.0.16.0/0.0.16.0 || ip4.src == 0.0.32.0/0.0.32.0 || ip4.src ="
      "= 0.0.64.0/0.0.64.0 || ip4.src == 0.0.128.0/0.0.128.0 || ip4.src"
      " == 0.1.0.0/0.1.0.0 || ip4.src == 0.2.0.0/0.2.0.0 || ip4.src == "
      "0.4.0.0/0.4.0.0 || ip4.src == 0.8.0.0/0.8.0.0 || ip4.src == 0.16"
      ".0.0/0.16.0.0 || ip4.src == 0.32.0.0/0.32.0.0 || ip4.src == 0.64"
      ".0.0/0.64.0.0 || ip4.src == 0.128.0.0/0.128.0.0 || ip4.src == 1."
      "0.0.0/1.0.0.0 || ip4.src == 0.0.0.0/2.0.0.0 || ip4.src == 4.0.0."
      "0/4.0.0.0 || ip4.src == 0.0.0.0/8.0.0.0 || ip4.src == 16.0.0.0/1"
      "6.0.0.0 || ip4.src == 32.0.0.0/32.0.0.0 || ip4.src == 64.0.0.0/6"
      "4.0.0.0 || ip4.src == 128.0.0.0/1) && eth.type == 0x800" },
    { "simplify",
      "ip4 && 1",
      "eth.type == 0x800" },
    { "simplify",
      "ip4 && 0",
      "0" },
    { "simplify",
      "ip4 || 1",
      "1" },
    { "simplify",
      "ip4 || 0",
      "eth.type == 0x800" },
    { "simplify",
      "!(ip4 && 0)",
      "error: col 12: `eth.type' is a nominal field: it can only be tes"
      "ted for equality (counting enclosing `!')" },
    { "simplify",
      "is_chassis_resident(\"lp1\") && ip4",
      "is_chassis_resident(\"lp1\") && eth.type == 0x800" },
    { "simplify",
      "flags.loopback",
      "flags.loopback" },
    { "simplify",
      "ct_label.blocked",
      "ct_label.blocked" },
    { "simplify",
      "ct_mark.ecmp_reply_port == 5",
      "ct_mark.ecmp_reply_port == 0x5" },
    { "simplify",
      "ip6.dst < ::5",
      "(ip6.dst == ::/126 || ip6.dst == ::4) && eth.type == 0x86dd" },
    { "simplify",
      "eth.src > ff:ff:ff:ff:ff:fd",
      "eth.src == ff:ff:ff:ff:ff:fe/ff:ff:ff:ff:ff:fe" },
    { "normalize",
      "1",
      "1" },
    { "normalize",
      "0",
      "0" },
    { "normalize",
      "ip4",
      "eth.type == 0x800" },
    { "normalize",
      "ip",
      "eth.type == 0x800 || eth.type == 0x86dd" },
    { "normalize",
      "tcp",
      "(eth.type == 0x800 && ip.proto == 6) || (eth.type == 0x86dd && i"
      "p.proto == 6)" },
    { "normalize",
      "tcp.dst == 80",
      "(eth.type == 0x800 && ip.proto == 6 && tcp.dst == 80) || (eth.ty"
      "pe == 0x86dd && ip.proto == 6 && tcp.dst == 80)" },
    { "normalize",
      "tcp.dst == 80 || tcp.dst == 443",
      "(eth.type == 0x800 && ip.proto == 6 && (tcp.dst == 80 || tcp.dst"
      " == 443)) || (eth.type == 0x86dd && ip.proto == 6 && (tcp.dst =="
      " 80 || tcp.dst == 443))" },
    { "normalize",
      "tcp.dst == {80, 443, 8080}",
      "(eth.type == 0x800 && ip.proto == 6 && (tcp.dst == 80 || tcp.dst"
      " == 443 || tcp.dst == 8080)) || (eth.type == 0x86dd && ip.proto "
      "== 6 && (tcp.dst == 80 || tcp.dst == 443 || tcp.dst == 8080))" },
    { "normalize",
      "ip4 && tcp.dst == {80, 443}",
      "eth.type == 0x800 && ip.proto == 6 && (tcp.dst == 80 || tcp.dst "
      "== 443)" },
    { "normalize",
      "ip4.src == 10.0.0.1 && ip4.src == 10.0.0.2",
      "0" },
    { "normalize",
      "ip4.src == 10.0.0.0/8 && ip4.src == 10.1.0.0/16",
      "eth.type == 0x800 && ip4.src == 10.1.0.0/16" },
    { "normalize",
      "ip4.src == 10.0.0.0/8 && ip4.src == 11.1.0.0/16",
      "0" },
    { "normalize",
      "ip4 && ip6",
      "0" },
    { "normalize",
      "tcp && udp",
      "0" },
    { "normalize",
      "ip4 && !ip4",
      "error: col 12: `eth.type' is a nominal field: it can only be tes"
      "ted for equality (counting enclosing `!')" },
    { "normalize",
      "eth.src == $as_mac && eth.dst == $as_mac",
      "(eth.src == 00:00:00:00:00:01 || eth.src == 00:00:00:00:00:02) &"
      "& (eth.dst == 00:00:00:00:00:01 || eth.dst == 00:00:00:00:00:02)" },
    { "normalize",
      "ip4.src == $as_ip4 && ip4.dst == $as_ip4",
      "eth.type == 0x800 && (ip4.src == 10.0.0.1 || ip4.src == 10.0.0.2"
      " || ip4.src == 10.0.1.0/24) && (ip4.dst == 10.0.0.1 || ip4.dst ="
      "= 10.0.0.2 || ip4.dst == 10.0.1.0/24)" },
    { "normalize",
      "inport == @pg1 && ip4.src == $as_ip4",
      "eth.type == 0x800 && (inport == \"lp1\" || inport == \"lp2\") &&"
      " (ip4.src == 10.0.0.1 || ip4.src == 10.0.0.2 || ip4.src == 10.0."
      "1.0/24)" },
    { "normalize",
      "inport == \"lp1\" && inport == \"lp2\"",
      "0" },
    { "normalize",
      "inport == \"lp1\" && inport == \"lp1\"",
      "inport == \"lp1\"" },
    { "normalize",
      "(ip4.src == 1.1.1.1 || ip4.dst == 2.2.2.2) && tcp",
      "(eth.type == 0x800 && ip.proto == 6 && ip4.src == 1.1.1.1) || (e"
      "th.type == 0x800 && ip.proto == 6 && ip4.dst == 2.2.2.2)" },
    { "normalize",
      "(reg0 == 1 || reg1 == 2) && (reg2 == 3 || reg3 == 4)",
      "xxreg0 == 0x20000000000000004/0xffffffff00000000ffffffff || xxre"
      "g0[32..95] == 0x200000003 || xxreg0 == 0x10000000000000000000000"
      "04/0xffffffff0000000000000000ffffffff || xxreg0 == 0x10000000000"
      "00000300000000/0xffffffff00000000ffffffff00000000" },
    { "normalize",
      "reg0 == 1 && xxreg0 == 5",
      "0" },
    { "normalize",
      "reg3 == 5 && xxreg0 == 5",
      "xxreg0 == 0x5" },
    { "normalize",
      "reg0[0] && reg0[1] && !reg0[2]",
      "reg0[0..2] == 0x3" },
    { "normalize",
      "ct.est && !ct.rel && !ct.new && !ct.inv && ct.rpl",
      "ct_state[0..5] == 0x2a" },
    { "normalize",
      "ct.new && ct.est",
      "ct_state == 0x23/0x23" },
    { "normalize",
      "is_chassis_resident(\"lp1\")",
      "1" },
    { "normalize",
      "is_chassis_resident(\"lp2\")",
      "0" },
    { "normalize",
      "!is_chassis_resident(\"lp2\") && ip4",
      "eth.type == 0x800" },
    { "normalize",
      "ip4.mcast",
      "eth.mcast && eth.type == 0x800 && ip4.dst == 224.0.0.0/4" },
    { "normalize",
      "nd",
      "(eth.type == 0x86dd && ip.proto == 58 && ip.ttl == 255 && icmp6."
      "type == 135 && icmp6.code == 0) || (eth.type == 0x86dd && ip.pro"
      "to == 58 && ip.ttl == 255 && icmp6.type == 136 && icmp6.code == "
      "0)" },
    { "normalize",
      "icmp",
      "(eth.type == 0x800 && ip.proto == 1) || (eth.type == 0x86dd && i"
      "p.proto == 58)" },
    { "normalize",
      "ip.first_frag",
      "(eth.type == 0x800 && ip.frag == 0x1) || (eth.type == 0x86dd && "
      "ip.frag == 0x1)" },
    { "normalize",
      "vlan.present && vlan.vid == 10",
      "vlan.tci[0..12] == 0x100a" },
    { "normalize",
      "tcp.dst >= 1024 && tcp.dst <= 1031",
      "(eth.type == 0x800 && ip.proto == 6 && tcp.dst[3..15] == 128) ||"
      " (eth.type == 0x86dd && ip.proto == 6 && tcp.dst[3..15] == 128)" },
    { "normalize",
      "1 || ip4",
      "1" },
    { "normalize",
      "ip4 && (tcp.src == 1 || 0)",
      "eth.type == 0x800 && ip.proto == 6 && tcp.src == 1" },
    { "normalize",
      "reg0[0..2] != {2, 4}",
      "reg0[1..2] == 0 || reg0[0] || reg0[1..2] == 0x3" },
    { "normalize",
      "flags.loopback && flags.force_snat_for_lb",
      "reg10 == 0x9/0x9" },
    { "normalize",
      "outport == @pg2 && tcp.dst == {80, 443}",
      "(eth.type == 0x800 && ip.proto == 6 && (outport == \"lp3\" || ou"
      "tport == \"lp9\") && (tcp.dst == 80 || tcp.dst == 443)) || (eth."
      "type == 0x86dd && ip.proto == 6 && (outport == \"lp3\" || outpor"
      "t == \"lp9\") && (tcp.dst == 80 || tcp.dst == 443))" },
    { "normalize",
      "ip4.src == $as_empty && ip4",
      "0" },
    { "normalize",
      "ip4.src != $as_empty && ip4",
      "eth.type == 0x800" },
    { "normalize",
      "arp && arp.op == {1, 2}",
      "eth.type == 0x806 && (arp.op == 1 || arp.op == 2)" },
    { "flows",
      "1",
      "*" },
    { "flows",
      "0",
      "" },
    { "flows",
      "ip4",
      "ip" },
    { "flows",
      "ip",
      "ip\nipv6" },
    { "flows",
      "ip6",
      "ipv6" },
    { "flows",
      "arp",
      "arp" },
    { "flows",
      "rarp",
      "rarp" },
    { "flows",
      "tcp",
      "tcp\ntcp6" },
    { "flows",
      "udp",
      "udp\nudp6" },
    { "flows",
      "sctp",
      "sctp\nsctp6" },
    { "flows",
      "icmp4",
      "icmp" },
    { "flows",
      "icmp6",
      "icmp6" },
    { "flows",
      "icmp",
      "icmp\nicmp6" },
    { "flows",
      "igmp",
      "ip,nw_proto=2" },
    { "flows",
      "eth.bcast",
      "dl_dst=ff:ff:ff:ff:ff:ff" },
    { "flows",
      "eth.mcast",
      "dl_dst=01:00:00:00:00:00/01:00:00:00:00:00" },
    { "flows",
      "!eth.mcast",
      "dl_dst=00:00:00:00:00:00/01:00:00:00:00:00" },
    { "flows",
      "eth.mcastv6",
      "dl_dst=33:33:00:00:00:00/ff:ff:00:00:00:00" },
    { "flows",
      "eth.src == 00:11:22:33:44:55",
      "dl_src=00:11:22:33:44:55" },
    { "flows",
      "eth.src == 00:00:00:00:00:00/01:00:00:00:00:00",
      "dl_src=00:00:00:00:00:00/01:00:00:00:00:00" },
    { "flows",
      "eth.type == 0x88cc",
      "dl_type=0x88cc" },
    { "flows",
      "vlan.present",
      "vlan_tci=0x1000/0x1000" },
    { "flows",
      "!vlan.present",
      "vlan_tci=0x0000/0x1000" },
    { "flows",
      "vlan.vid == 100",
      "dl_vlan=100" },
    { "flows",
      "vlan.pcp == 5",
      "dl_vlan_pcp=5" },
    { "flows",
      "vlan.tci == 0x1064",
      "dl_vlan=100,dl_vlan_pcp=0" },
    { "flows",
      "ip4.src == 10.0.0.1",
      "ip,nw_src=10.0.0.1" },
    { "flows",
      "ip4.src == 10.0.0.0/24 && ip4.dst == 10.0.1.0/24",
      "ip,nw_src=10.0.0.0/24,nw_dst=10.0.1.0/24" },
    { "flows",
      "ip4.dst == {10.0.0.1, 10.0.0.2}",
      "ip,nw_dst=10.0.0.1\nip,nw_dst=10.0.0.2" },
    { "flows",
      "ip4.src == 10.0.0.0/255.0.255.0",
      "ip,nw_src=10.0.0.0/255.0.255.0" },
    { "flows",
      "ip6.src == fe80::1",
      "ipv6,ipv6_src=fe80::1" },
    { "flows",
      "ip6.dst == ff02::/16",
      "ipv6,ipv6_dst=ff02::/16" },
    { "flows",
      "ip6.label == 0x12345",
      "ipv6,ipv6_label=0x12345" },
    { "flows",
      "ip.ttl == 1",
      "ip,nw_ttl=1\nipv6,nw_ttl=1" },
    { "flows",
      "ip.ttl == {0, 1}",
      "ip,nw_ttl=0\nip,nw_ttl=1\nipv6,nw_ttl=0\nipv6,nw_ttl=1" },
    { "flows",
      "ip4 && ip.ttl == {0, 1}",
      "ip,nw_ttl=0\nip,nw_ttl=1" },
    { "flows",
      "ip.dscp == 46",
      "ip,nw_tos=184\nipv6,nw_tos=184" },
    { "flows",
      "ip.ecn == 1",
      "ip,nw_ecn=1\nipv6,nw_ecn=1" },
    { "flows",
      "ip.is_frag",
      "ip,nw_frag=yes\nipv6,nw_frag=yes" },
    { "flows",
      "ip4 && ip.later_frag",
      "ip,nw_frag=later" },
    { "flows",
      "ip.first_frag && ip4",
      "ip,nw_frag=first" },
    { "flows",
      "ip.proto == 89",
      "ip,nw_proto=89\nipv6,nw_proto=89" },
    { "flows",
      "ip4 && ip.proto == 89",
      "ip,nw_proto=89" },
    { "flows",
      "tcp.src == 80",
      "tcp,tp_src=80\ntcp6,tp_src=80" },
    { "flows",
      "tcp.dst == 443",
      "tcp,tp_dst=443\ntcp6,tp_dst=443" },
    { "flows",
      "tcp.dst == {80, 443}",
      "tcp,tp_dst=443\ntcp,tp_dst=80\ntcp6,tp_dst=443\ntcp6,tp_dst=80" },
    { "flows",
      "ip4 && tcp.dst == {80, 443}",
      "tcp,tp_dst=443\ntcp,tp_dst=80" },
    { "flows",
      "tcp.dst < 4",
      "tcp,tp_dst=0x0/0xfffc\ntcp6,tp_dst=0x0/0xfffc" },
    { "flows",
      "ip4 && tcp.dst >= 65530",
      "tcp,tp_dst=0xfffa/0xfffe\ntcp,tp_dst=0xfffc/0xfffc" },
    { "flows",
      "ip4 && 1000 <= tcp.dst <= 1999",
      "tcp,tp_dst=0x3e8/0xfff8\ntcp,tp_dst=0x3f0/0xfff0\ntcp,tp_dst=0x4"
      "00/0xfe00\ntcp,tp_dst=0x600/0xff00\ntcp,tp_dst=0x700/0xff80\ntcp"
      ",tp_dst=0x780/0xffc0\ntcp,tp_dst=0x7c0/0xfff0" },
    { "flows",
      "ip4 && tcp.dst != 0",
      "tcp,tp_dst=0x1/0x1\ntcp,tp_dst=0x10/0x10\ntcp,tp_dst=0x100/0x100"
      "\ntcp,tp_dst=0x1000/0x1000\ntcp,tp_dst=0x2/0x2\ntcp,tp_dst=0x20/"
      "0x20\ntcp,tp_dst=0x200/0x200\ntcp,tp_dst=0x2000/0x2000\ntcp,tp_d"
      "st=0x4/0x4\ntcp,tp_dst=0x40/0x40\ntcp,tp_dst=0x400/0x400\ntcp,tp"
      "_dst=0x4000/0x4000\ntcp,tp_dst=0x8/0x8\ntcp,tp_dst=0x80/0x80\ntc"
      "p,tp_dst=0x800/0x800\ntcp,tp_dst=0x8000/0x8000" },
    { "flows",
      "ip6 && udp.dst == 546",
      "udp6,tp_dst=546" },
    { "flows",
      "ip4 && udp.src == 68 && udp.dst == 67",
      "udp,tp_src=68,tp_dst=67" },
    { "flows",
      "ip4 && sctp.dst == 9",
      "sctp,tp_dst=9" },
    { "flows",
      "ip4 && tcp.flags == 0x2",
      "tcp,tcp_flags=syn" },
    { "flows",
      "ip4 && tcp.flags[1]",
      "tcp,tcp_flags=+syn" },
    { "flows",
      "icmp4.type == 8",
      "icmp,icmp_type=8" },
    { "flows",
      "icmp4.type == 8 && icmp4.code == 0",
      "icmp,icmp_type=8,icmp_code=0" },
    { "flows",
      "icmp6.type == 128",
      "icmp6,icmp_type=128" },
    { "flows",
      "icmp4.type == {0, 8}",
      "icmp,icmp_type=0\nicmp,icmp_type=8" },
    { "flows",
      "nd",
      "icmp6,nw_ttl=255,icmp_type=135,icmp_code=0\nicmp6,nw_ttl=255,icm"
      "p_type=136,icmp_code=0" },
    { "flows",
      "nd_ns",
      "icmp6,nw_ttl=255,icmp_type=135,icmp_code=0" },
    { "flows",
      "nd_na",
      "icmp6,nw_ttl=255,icmp_type=136,icmp_code=0" },
    { "flows",
      "nd_rs",
      "icmp6,nw_ttl=255,icmp_type=133,icmp_code=0" },
    { "flows",
      "nd_ra",
      "icmp6,nw_ttl=255,icmp_type=134,icmp_code=0" },
    { "flows",
      "nd_ns && nd.target == fe80::1",
      "icmp6,nw_ttl=255,icmp_type=135,icmp_code=0,nd_target=fe80::1" },
    { "flows",
      "nd.target == fe80::1",
      "icmp6,nw_ttl=255,icmp_type=135,icmp_code=0,nd_target=fe80::1\nic"
      "mp6,nw_ttl=255,icmp_type=136,icmp_code=0,nd_target=fe80::1" },
    { "flows",
      "nd.sll == 00:00:00:00:00:01",
      "icmp6,nw_ttl=255,icmp_type=135,icmp_code=0,nd_sll=00:00:00:00:00"
      ":01" },
    { "flows",
      "nd.tll == 00:00:00:00:00:02",
      "icmp6,nw_ttl=255,icmp_type=136,icmp_code=0,nd_tll=00:00:00:00:00"
      ":02" },
    { "flows",
      "mldv1",
      "icmp6,ipv6_src=fe80::/10,icmp_type=130\nicmp6,ipv6_src=fe80::/10"
      ",icmp_type=131\nicmp6,ipv6_src=fe80::/10,icmp_type=132" },
    { "flows",
      "mldv2",
      "icmp6,ipv6_dst=ff02::16,icmp_type=143" },
    { "flows",
      "arp.op == 1",
      "arp,arp_op=1" },
    { "flows",
      "arp.op == 2 && arp.spa == 10.0.0.1",
      "arp,arp_spa=10.0.0.1,arp_op=2" },
    { "flows",
      "arp.tpa == 10.0.0.0/24",
      "arp,arp_tpa=10.0.0.0/24" },
    { "flows",
      "arp.sha == 00:00:00:00:00:01",
      "arp,arp_sha=00:00:00:00:00:01" },
    { "flows",
      "arp.tha == 00:00:00:00:00:02",
      "arp,arp_tha=00:00:00:00:00:02" },
    { "flows",
      "rarp.op == 3",
      "rarp,arp_op=3" },
    { "flows",
      "ct.trk",
      "ct_state=+trk" },
    { "flows",
      "!ct.trk",
      "ct_state=-trk" },
    { "flows",
      "ct.new",
      "ct_state=+new+trk" },
    { "flows",
      "ct.est",
      "ct_state=+est+trk" },
    { "flows",
      "ct.rel",
      "ct_state=+rel+trk" },
    { "flows",
      "ct.rpl",
      "ct_state=+rpl+trk" },
    { "flows",
      "ct.inv",
      "ct_state=+inv+trk" },
    { "flows",
      "ct.snat",
      "ct_state=+trk+snat" },
    { "flows",
      "ct.dnat",
      "ct_state=+trk+dnat" },
    { "flows",
      "ct.est && ct.rpl && !ct.inv",
      "ct_state=+est+rpl-inv+trk" },
    { "flows",
      "ct.new && !ct.est",
      "ct_state=+new-est+trk" },
    { "flows",
      "ct.inv || (ct.est && ct.rpl && ct_mark.blocked == 1)",
      "ct_state=+est+rpl+trk,ct_mark=0x1/0x1\nct_state=+inv+trk" },
    { "flows",
      "ct_mark == 0x10",
      "ct_mark=0x10" },
    { "flows",
      "ct_mark.blocked",
      "ct_mark=0x1/0x1" },
    { "flows",
      "ct_mark.natted",
      "ct_mark=0x2/0x2" },
    { "flows",
      "ct_mark.ecmp_reply_port == 5",
      "ct_mark=0x50000/0xffff0000" },
    { "flows",
      "ct_label.blocked",
      "ct_label=0x1/0x1" },
    { "flows",
      "ct_label.natted",
      "ct_label=0x2/0x2" },
    { "flows",
      "ct_label.ecmp_reply_port == 5",
      "ct_label=0x500000000000000000000/0xffff00000000000000000000" },
    { "flows",
      "ct_label.ecmp_reply_eth == 00:00:00:00:00:01",
      "ct_label=0x100000000/0xffffffffffff00000000" },
    { "flows",
      "ct_label.label == 7",
      "ct_label=0x7000000000000000000000000/0xffffffff00000000000000000"
      "0000000" },
    { "flows",
      "ct_label == 0x10000000000000000",
      "ct_label=0x10000000000000000" },
    { "flows",
      "ct_nw_dst == 10.0.0.1",
      "ct_state=-inv+trk,ct_nw_dst=10.0.0.1,ip" },
    { "flows",
      "ct_ip6_dst == fd00::1",
      "ct_state=-inv+trk,ct_ipv6_dst=fd00::1,ipv6" },
    { "flows",
      "ct_proto == 6",
      "ct_state=-inv+trk,ct_nw_proto=6,ip\nct_state=-inv+trk,ct_nw_prot"
      "o=6,ipv6" },
    { "flows",
      "ct_tp_dst == 80",
      "ct_state=-inv+trk,ct_nw_proto=132,ct_tp_dst=80,ip\nct_state=-inv"
      "+trk,ct_nw_proto=132,ct_tp_dst=80,ipv6\nct_state=-inv+trk,ct_nw_"
      "proto=17,ct_tp_dst=80,ip\nct_state=-inv+trk,ct_nw_proto=17,ct_tp"
      "_dst=80,ipv6\nct_state=-inv+trk,ct_nw_proto=6,ct_tp_dst=80,ip\nc"
      "t_state=-inv+trk,ct_nw_proto=6,ct_tp_dst=80,ipv6" },
    { "flows",
      "inport == \"lp1\"",
      "reg14=0x1" },
    { "flows",
      "inport == \"lp9\"",
      "" },
    { "flows",
      "inport == {\"lp1\", \"lp2\"}",
      "reg14=0x1\nreg14=0x2" },
    { "flows",
      "inport == {\"lp1\", \"lp9\"}",
      "reg14=0x1" },
    { "flows",
      "outport == \"lp3\"",
      "reg15=0x3" },
    { "flows",
      "outport == @pg1",
      "reg15=0x1\nreg15=0x2" },
    { "flows",
      "outport == @pg2",
      "reg15=0x3" },
    { "flows",
      "inport == @pg_empty",
      "" },
    { "flows",
      "inport == \"lp1\" && outport == \"lp2\"",
      "reg14=0x1,reg15=0x2" },
    { "flows",
      "inport == \"lp1\" && inport == \"lp2\"",
      "" },
    { "flows",
      "inport == \"sw0-port\" && eth.src == 00:00:00:00:00:01",
      "reg14=0xa,dl_src=00:00:00:00:00:01" },
    { "flows",
      "inport == \"lp1\" && reg14 == 1",
      "reg14=0x1" },
    { "flows",
      "inport == \"lp1\" && reg14 == 2",
      "" },
    { "flows",
      "reg0 == 1",
      "reg0=0x1" },
    { "flows",
      "reg0 == 0x12345678",
      "reg0=0x12345678" },
    { "flows",
      "reg0[0] == 1",
      "reg0=0x1/0x1" },
    { "flows",
      "reg0[0..7] == 0x12",
      "reg0=0x12/0xff" },
    { "flows",
      "reg0[8..15] == 0x12",
      "reg0=0x1200/0xff00" },
    { "flows",
      "reg0[0] && reg1[0]",
      "reg0=0x1/0x1,reg1=0x1/0x1" },
    { "flows",
      "reg0 == 1 && reg1 == 2",
      "reg0=0x1,reg1=0x2" },
    { "flows",
      "reg9 == 7",
      "reg9=0x7" },
    { "flows",
      "reg10 == 1",
      "reg10=0x1" },
    { "flows",
      "xreg0 == 1",
      "reg0=0,reg1=0x1" },
    { "flows",
      "xreg0 == 0x100000001",
      "reg0=0x1,reg1=0x1" },
    { "flows",
      "xreg4 == 5",
      "reg8=0,reg9=0x5" },
    { "flows",
      "xxreg0 == 1",
      "reg0=0,reg1=0,reg2=0,reg3=0x1" },
    { "flows",
      "xxreg1 == 0x100000000000000000000000000000001",
      "error: col 11: hexadecimal constant too large (more than 128 bit"
      "s)" },
    { "flows",
      "reg0 == 1 && xxreg0 == 5",
      "" },
    { "flows",
      "reg3 == 5 && xxreg0 == 5",
      "reg0=0,reg1=0,reg2=0,reg3=0x5" },
    { "flows",
      "flags.loopback",
      "reg10=0x1/0x1" },
    { "flows",
      "flags.loopback == 0",
      "reg10=0/0x1" },
    { "flows",
      "flags.force_snat_for_dnat",
      "reg10=0x4/0x4" },
    { "flows",
      "flags.force_snat_for_lb",
      "reg10=0x8/0x8" },
    { "flows",
      "flags.skip_snat_for_lb",
      "reg10=0x200/0x200" },
    { "flows",
      "flags.use_snat_zone",
      "reg10=0x800/0x800" },
    { "flows",
      "pkt.mark == 42",
      "pkt_mark=0x2a" },
    { "flows",
      "pkt.mark == 0x10/0xf0",
      "pkt_mark=0x10/0xf0" },
    { "flows",
      "is_chassis_resident(\"lp1\")",
      "*" },
    { "flows",
      "is_chassis_resident(\"lp2\")",
      "" },
    { "flows",
      "is_chassis_resident(\"lp1\") && ip4",
      "ip" },
    { "flows",
      "!is_chassis_resident(\"lp1\") && ip4",
      "" },
    { "flows",
      "ip4.mcast",
      "ip,dl_dst=01:00:00:00:00:00/01:00:00:00:00:00,nw_dst=224.0.0.0/4" },
    { "flows",
      "ip4.src_mcast",
      "ip,nw_src=224.0.0.0/4" },
    { "flows",
      "ip6.mcast",
      "ipv6,dl_dst=33:33:00:00:00:00/ff:ff:00:00:00:00,ipv6_dst=ff00::/"
      "8" },
    { "flows",
      "ip6.mcast_rsvd",
      "ipv6,ipv6_dst=ff00::/fff0:ffff:ffff:ffff:ffff:ffff:ffff:ffff" },
    { "flows",
      "ip6.mcast_all_nodes",
      "ipv6,ipv6_dst=ff01::1\nipv6,ipv6_dst=ff02::1" },
    { "flows",
      "ip6.mcast_all_rtrs",
      "ipv6,ipv6_dst=ff01::2\nipv6,ipv6_dst=ff02::2\nipv6,ipv6_dst=ff05"
      "::2" },
    { "flows",
      "ip6.mcast_sol_node",
      "ipv6,ipv6_dst=ff02::1:ff00:0/104" },
    { "flows",
      "ip6.mcast_flood",
      "ipv6,dl_dst=33:33:00:00:00:00/ff:ff:00:00:00:00,ipv6_dst=ff00::/"
      "fff0:ffff:ffff:ffff:ffff:ffff:ffff:ffff\nipv6,dl_dst=33:33:00:00"
      ":00:00/ff:ff:00:00:00:00,ipv6_dst=ff01::1\nipv6,dl_dst=33:33:00:"
      "00:00:00/ff:ff:00:00:00:00,ipv6_dst=ff01::2\nipv6,dl_dst=33:33:0"
      "0:00:00:00/ff:ff:00:00:00:00,ipv6_dst=ff02::1\nipv6,dl_dst=33:33"
      ":00:00:00:00/ff:ff:00:00:00:00,ipv6_dst=ff02::1:ff00:0/104\nipv6"
      ",dl_dst=33:33:00:00:00:00/ff:ff:00:00:00:00,ipv6_dst=ff02::2\nip"
      "v6,dl_dst=33:33:00:00:00:00/ff:ff:00:00:00:00,ipv6_dst=ff05::2" },
    { "flows",
      "ip4.src == $as_ip4",
      "ip,nw_src=10.0.0.1\nip,nw_src=10.0.0.2\nip,nw_src=10.0.1.0/24" },
    { "flows",
      "ip6.src == $as_ip6",
      "ipv6,ipv6_src=fd00::/64\nipv6,ipv6_src=fe80::1" },
    { "flows",
      "eth.src == $as_mac",
      "dl_src=00:00:00:00:00:01\ndl_src=00:00:00:00:00:02" },
    { "flows",
      "ip4.src == $as_ip4 && ip4.dst == $as_ip4",
      "conj_id=1\nip,nw_dst=10.0.0.1 actions=conjunction(1,2/2)\nip,nw_"
      "dst=10.0.0.2 actions=conjunction(1,2/2)\nip,nw_dst=10.0.1.0/24 a"
      "ctions=conjunction(1,2/2)\nip,nw_src=10.0.0.1 actions=conjunctio"
      "n(1,1/2)\nip,nw_src=10.0.0.2 actions=conjunction(1,1/2)\nip,nw_s"
      "rc=10.0.1.0/24 actions=conjunction(1,1/2)" },
    { "flows",
      "ip4.src == $as_ip4 && tcp.dst == {22, 80}",
      "conj_id=1\ntcp,nw_src=10.0.0.1 actions=conjunction(1,1/2)\ntcp,n"
      "w_src=10.0.0.2 actions=conjunction(1,1/2)\ntcp,nw_src=10.0.1.0/2"
      "4 actions=conjunction(1,1/2)\ntcp,tp_dst=22 actions=conjunction("
      "1,2/2)\ntcp,tp_dst=80 actions=conjunction(1,2/2)" },
    { "flows",
      "inport == @pg1 && ip4.src == $as_ip4",
      "conj_id=1\nip,nw_src=10.0.0.1 actions=conjunction(1,2/2)\nip,nw_"
      "src=10.0.0.2 actions=conjunction(1,2/2)\nip,nw_src=10.0.1.0/24 a"
      "ctions=conjunction(1,2/2)\nip,reg14=0x1 actions=conjunction(1,1/"
      "2)\nip,reg14=0x2 actions=conjunction(1,1/2)" },
    { "flows",
      "outport == @pg1 && ip4 && ip4.src == $as_ip4 && tcp.dst == {80, "
      "443}",
      "conj_id=1\ntcp,nw_src=10.0.0.1 actions=conjunction(1,2/3)\ntcp,n"
      "w_src=10.0.0.2 actions=conjunction(1,2/3)\ntcp,nw_src=10.0.1.0/2"
      "4 actions=conjunction(1,2/3)\ntcp,reg15=0x1 actions=conjunction("
      "1,1/3)\ntcp,reg15=0x2 actions=conjunction(1,1/3)\ntcp,tp_dst=443"
      " actions=conjunction(1,3/3)\ntcp,tp_dst=80 actions=conjunction(1"
      ",3/3)" },
    { "flows",
      "eth.src == $as_mac && eth.dst == $as_mac",
      "conj_id=1\ndl_dst=00:00:00:00:00:01 actions=conjunction(1,2/2)\n"
      "dl_dst=00:00:00:00:00:02 actions=conjunction(1,2/2)\ndl_src=00:0"
      "0:00:00:00:01 actions=conjunction(1,1/2)\ndl_src=00:00:00:00:00:"
      "02 actions=conjunction(1,1/2)" },
    { "flows",
      "ip4.src == $as_empty && ip4",
      "" },
    { "flows",
      "ip4.src != $as_empty && ip4",
      "ip" },
    { "flows",
      "ip4.src != {10.0.0.1}",
      "ip,nw_src=0.0.0.0/0.0.0.1\nip,nw_src=0.0.0.0/2.0.0.0\nip,nw_src="
      "0.0.0.0/8.0.0.0\nip,nw_src=0.0.0.128/0.0.0.128\nip,nw_src=0.0.0."
      "16/0.0.0.16\nip,nw_src=0.0.0.2/0.0.0.2\nip,nw_src=0.0.0.32/0.0.0"
      ".32\nip,nw_src=0.0.0.4/0.0.0.4\nip,nw_src=0.0.0.64/0.0.0.64\nip,"
      "nw_src=0.0.0.8/0.0.0.8\nip,nw_src=0.0.1.0/0.0.1.0\nip,nw_src=0.0"
      ".128.0/0.0.128.0\nip,nw_src=0.0.16.0/0.0.16.0\nip,nw_src=0.0.2.0"
      "/0.0.2.0\nip,nw_src=0.0.32.0/0.0.32.0\nip,nw_src=0.0.4.0/0.0.4.0"
      "\nip,nw_src=0.0.64.0/0.0.64.0\nip,nw_src=0.0.8.0/0.0.8.0\nip,nw_"
      "src=0.1.0.0/0.1.0.0\nip,nw_src=0.128.0.0/0.128.0.0\nip,nw_src=0."
      "16.0.0/0.16.0.0\nip,nw_src=0.2.0.0/0.2.0.0\nip,nw_src=0.32.0.0/0"
      ".32.0.0\nip,nw_src=0.4.0.0/0.4.0.0\nip,nw_src=0.64.0.0/0.64.0.0"
      "\nip,nw_src=0.8.0.0/0.8.0.0\nip,nw_src=1.0.0.0/1.0.0.0\nip,nw_sr"
      "c=128.0.0.0/1\nip,nw_src=16.0.0.0/16.0.0.0\nip,nw_src=32.0.0.0/3"
      "2.0.0.0\nip,nw_src=4.0.0.0/4.0.0.0\nip,nw_src=64.0.0.0/64.0.0.0" },
    { "flows",
      "(ip4.src == 1.1.1.1 || ip4.dst == 2.2.2.2) && tcp.dst == 80",
      "tcp,nw_dst=2.2.2.2,tp_dst=80\ntcp,nw_src=1.1.1.1,tp_dst=80" },
    { "flows",
      "ip4 && (tcp.dst == 80 || udp.dst == 53)",
      "tcp,tp_dst=80\nudp,tp_dst=53" },
    { "flows",
      "(tcp || udp) && ip4",
      "tcp\nudp" },
    { "flows",
      "ip && tcp.dst == 22",
      "tcp,tp_dst=22\ntcp6,tp_dst=22" },
    { "flows",
      "ip4 && ip6",
      "" },
    { "flows",
      "eth.src == 00:00:00:00:00:01 && eth.src == 00:00:00:00:00:02",
      "" },
    { "flows",
      "eth.dst == 00:00:00:00:00:01 || eth.dst == 00:00:00:00:00:01",
      "dl_dst=00:00:00:00:00:01" },
    { "flows",
      "outport == \"lp1\" && eth.dst == {00:00:00:00:00:01, 00:00:00:00"
      ":00:02} && eth.src == {00:00:00:00:00:03, 00:00:00:00:00:04}",
      "conj_id=1\nreg15=0x1,dl_dst=00:00:00:00:00:01 actions=conjunctio"
      "n(1,2/2)\nreg15=0x1,dl_dst=00:00:00:00:00:02 actions=conjunction"
      "(1,2/2)\nreg15=0x1,dl_src=00:00:00:00:00:03 actions=conjunction("
      "1,1/2)\nreg15=0x1,dl_src=00:00:00:00:00:04 actions=conjunction(1"
      ",1/2)" },
    { "flows",
      "reg0[0..1] == {0, 1, 2, 3}",
      "reg0=0/0x3\nreg0=0x1/0x3\nreg0=0x2/0x3\nreg0=0x3/0x3" },
    { "flows",
      "reg0[0..1] != {0, 1, 2, 3}",
      "" },
    { "flows",
      "tcp.dst == {1, 2, 3} && udp.dst == {4, 5}",
      "" },
    { "compile",
      "0|100|inport == \"lp1\" && eth.src == 00:00:00:00:00:01|next;",
      "table=8, priority=100,reg14=0x1,metadata=0x1,dl_src=00:00:00:00:"
      "00:01 actions=resubmit(,9)" },
    { "compile",
      "3|50|ip4.src == $as_ip4 && tcp.dst == {80, 443}|next;",
      "table=11, priority=50,conj_id=1,metadata=0x1 actions=resubmit(,1"
      "2)\ntable=11, priority=50,tcp,metadata=0x1,nw_src=10.0.0.1 actio"
      "ns=conjunction(1,1/2)\ntable=11, priority=50,tcp,metadata=0x1,nw"
      "_src=10.0.0.2 actions=conjunction(1,1/2)\ntable=11, priority=50,"
      "tcp,metadata=0x1,nw_src=10.0.1.0/24 actions=conjunction(1,1/2)\n"
      "table=11, priority=50,tcp,metadata=0x1,tp_dst=443 actions=conjun"
      "ction(1,2/2)\ntable=11, priority=50,tcp,metadata=0x1,tp_dst=80 a"
      "ctions=conjunction(1,2/2)" },
    { "compile",
      "5|0|1|drop;",
      "table=13, priority=0,metadata=0x1 actions=drop" },
    { "compile",
      "5|10|inport == \"lp9\"|next;",
      "" },
    { "compile",
      "29|10|1|next;",
      "error: ingress stage 29 out of range" },
    { "compile",
      "1|10|ip4 &&|next;",
      "error: col 7: syntax error at end of input: expecting field name"
      ", constant, `(' or `!'." },
    { "compile",
      "2|100|outport == \"lp2\"|ip4.dst = 10.0.0.1; next;",
      "table=10, priority=100,ip,reg15=0x2,metadata=0x1 actions=set_fie"
      "ld:10.0.0.1->ip_dst,resubmit(,11)" },
    { "parse",
      "flags[1] == 0",
      "!reg10[1]" },
    { "parse",
      "flags == 0",
      "reg10 == 0" },
    { "flows",
      "flags[1] == 0 && arp.op == 1",
      "arp,reg10=0/0x2,arp_op=1" },
    { "flows",
      "flags == 0x10/0x10",
      "reg10=0x10/0x10" },
    { "normalize",
      "flags.loopback && reg10[1] == 0",
      "reg10[0..1] == 0x1" },
    { "parse",
      "reg0[8] == 1 && (inport == @pg1 && ip4)",
      "reg0[8] && ((inport == \"lp1\" || inport == \"lp2\") && eth.type"
      " == 0x800)" },
    { "flows",
      "ip4.dst == 172.16.0.1 && is_chassis_resident(\"lp1\")",
      "ip,nw_dst=172.16.0.1" },
    { "flows",
      "!ct.trk || ct.inv",
      "ct_state=+inv+trk\nct_state=-trk" },
    { "flows",
      "ct.est && ct_label.blocked == 0",
      "ct_state=+est+trk,ct_label=0/0x1" },
    { "flows",
      "ct.new && (ct_mark.blocked == 1 || !ct.est)",
      "ct_state=+new+trk,ct_mark=0x1/0x1\nct_state=+new-est+trk" },
    { "flows",
      "eth.src == {00:00:00:00:00:01, 00:00:00:00:00:02} && eth.src[40]",
      "" },
    { "flows",
      "ip6.src == fe80::/64 && ip6.dst == {ff02::1, ff02::2}",
      "ipv6,ipv6_src=fe80::/64,ipv6_dst=ff02::1\nipv6,ipv6_src=fe80::/6"
      "4,ipv6_dst=ff02::2" },
    { "flows",
      "arp.op == 1 && arp.tpa == {10.0.0.1, 10.0.0.2} && arp.spa == {10"
      ".0.0.3, 10.0.0.4}",
      "arp,arp_spa=10.0.0.3,arp_op=1 actions=conjunction(1,1/2)\narp,ar"
      "p_spa=10.0.0.4,arp_op=1 actions=conjunction(1,1/2)\narp,arp_tpa="
      "10.0.0.1,arp_op=1 actions=conjunction(1,2/2)\narp,arp_tpa=10.0.0"
      ".2,arp_op=1 actions=conjunction(1,2/2)\nconj_id=1" },
    { "normalize",
      "ip4.src == $as_ip4 && ip4.src == 10.0.0.0/24",
      "eth.type == 0x800 && (ip4.src == 10.0.0.1 || ip4.src == 10.0.0.2"
      ")" },
    { "normalize",
      "ip4.src == $as_ip4 && ip4.src == 10.0.1.5",
      "eth.type == 0x800 && ip4.src == 10.0.1.5" },
};

static struct shash addr_sets;      /* Name -> struct sset *. */
static struct shash port_groups;    /* Name -> struct sset *. */

/* Port lookup callback. */
static bool
lookup_port(const void *aux OVS_UNUSED, const char *name, uint32_t *key)
{
    static const struct { const char *name; uint32_t key; } ports[] = {
        { "lp1", 1 }, { "lp2", 2 }, { "lp3", 3 }, { "sw0-port", 10 },
    };
    for (size_t i = 0; i < ARRAY_SIZE(ports); i++) {
        if (!strcmp(name, ports[i].name)) {
            *key = ports[i].key;
            return true;
        }
    }
    return false;
}

/* is_chassis_resident() callback. */
static bool
is_resident(const void *aux OVS_UNUSED, const char *name)
{
    return !strcmp(name, "lp1");
}

/* Adds set 'name' with the 'n' strings in 'values' to 'map'. */
static void
add_set(struct shash *map, const char *name, const char *values[], size_t n)
{
    struct sset *set = xmalloc(sizeof *set);
    sset_init(set);
    for (size_t i = 0; i < n; i++) {
        sset_add(set, values[i]);
    }
    shash_add(map, name, set);
}

/* Builds the address sets and port groups. */
static int
setup_env(void **state OVS_UNUSED)
{
    static const char *ip4[] = { "10.0.0.1", "10.0.0.2", "10.0.1.0/24" };
    static const char *ip6[] = { "fe80::1", "fd00::/64" };
    static const char *mac[] = { "00:00:00:00:00:01", "00:00:00:00:00:02" };
    static const char *bad[] = { "foo" };
    static const char *pg1[] = { "lp1", "lp2" };
    static const char *pg2[] = { "lp3", "lp9" };

    shash_init(&addr_sets);
    shash_init(&port_groups);
    add_set(&addr_sets, "as_ip4", ip4, ARRAY_SIZE(ip4));
    add_set(&addr_sets, "as_ip6", ip6, ARRAY_SIZE(ip6));
    add_set(&addr_sets, "as_mac", mac, ARRAY_SIZE(mac));
    add_set(&addr_sets, "as_empty", NULL, 0);
    add_set(&addr_sets, "as_bad", bad, ARRAY_SIZE(bad));
    add_set(&port_groups, "pg1", pg1, ARRAY_SIZE(pg1));
    add_set(&port_groups, "pg2", pg2, ARRAY_SIZE(pg2));
    add_set(&port_groups, "pg_empty", NULL, 0);
    return 0;
}

/* Frees the sets in 'map'. */
static void
free_sets(struct shash *map)
{
    struct shash_node *node;
    SHASH_FOR_EACH (node, map) {
        sset_destroy(node->data);
        free(node->data);
    }
    shash_destroy(map);
}

/* Frees the environment. */
static int
teardown_env(void **state OVS_UNUSED)
{
    free_sets(&addr_sets);
    free_sets(&port_groups);
    return 0;
}

/* Appends the lines in 'lines', sorted, to 's'. */
static void
put_sorted(struct svec *lines, struct ds *s)
{
    const char *line;
    size_t i;

    svec_sort(lines);
    SVEC_FOR_EACH (i, line, lines) {
        if (i) {
            ds_put_char(s, '\n');
        }
        ds_put_cstr(s, line);
    }
}

/* Runs "compile" on 'spec' ("STAGE|PRIORITY|MATCH|ACTIONS"). */
static void
run_compile(const char *spec, struct ds *out)
{
    char *copy = xstrdup(spec);
    char *fields[4];
    char *p = copy;
    for (int i = 0; i < 4; i++) {
        fields[i] = p;
        p = i < 3 ? strchr(p, '|') : NULL;
        if (p) {
            *p++ = '\0';
        }
    }

    struct ovn_lflow_env env = {
        .lookup_port = lookup_port,
        .is_chassis_resident = is_resident,
        .addr_sets = &addr_sets,
        .port_groups = &port_groups,
        .is_switch = true,
        .max_flows = 10000,
    };
    struct ovs_list flows = OVS_LIST_INITIALIZER(&flows);
    uint32_t n_conj;
    char *error = ovn_lflow_compile(&env, true, atoi(fields[0]),
                                    atoi(fields[1]), fields[2], fields[3],
                                    1, &flows, &n_conj, 1);
    if (error) {
        ds_put_format(out, "error: %s", error);
        free(error);
    } else {
        struct svec lines = SVEC_EMPTY_INITIALIZER;
        struct ovn_oflow *f;
        LIST_FOR_EACH (f, list_node, &flows) {
            struct ds s = DS_EMPTY_INITIALIZER;
            ovn_oflow_format(f, &s);
            svec_add_nocopy(&lines, ds_steal_cstr(&s));
        }
        put_sorted(&lines, out);
        svec_destroy(&lines);
    }
    ovn_oflow_list_destroy(&flows);
    free(copy);
}

/* Runs step 'cmd' on 'text', appending the result to 'out'. */
static void
run_step(const char *cmd, const char *text, struct ds *out)
{
    struct ovn_expr *e;
    char *error;

    if (!strcmp(cmd, "compile")) {
        run_compile(text, out);
        return;
    }

    error = ovn_expr_parse(text, &addr_sets, &port_groups, &e);
    if (!error && strcmp(cmd, "parse")) {
        e = ovn_expr_annotate(e, &error);
    }
    if (!error && strcmp(cmd, "parse") && strcmp(cmd, "annotate")) {
        e = ovn_expr_simplify(e);
    }
    if (!error && (!strcmp(cmd, "normalize") || !strcmp(cmd, "flows"))) {
        e = ovn_expr_evaluate_conditions(e, is_resident, NULL);
        e = ovn_expr_normalize(e, 10000, &error);
        if (!error) {
            assert_true(ovn_expr_is_normalized(e));
        }
    }
    if (error) {
        ds_put_format(out, "error: %s", error);
        free(error);
        return;
    }

    if (!strcmp(cmd, "flows")) {
        struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
        error = ovn_expr_to_matches(e, lookup_port, NULL, 1, 10000,
                                    &matches, NULL);
        if (error) {
            ds_put_format(out, "error: %s", error);
            free(error);
        } else {
            struct svec lines = SVEC_EMPTY_INITIALIZER;
            struct ovn_expr_match *m;
            LIST_FOR_EACH (m, list_node, &matches) {
                struct ds s = DS_EMPTY_INITIALIZER;
                ovn_expr_match_format(m, &s);
                svec_add_nocopy(&lines, ds_steal_cstr(&s));
            }
            put_sorted(&lines, out);
            svec_destroy(&lines);
        }
        ovn_expr_matches_destroy(&matches);
    } else {
        ovn_expr_format(e, out);

        /* Printed expressions parse back to the same text. */
        if (!strcmp(cmd, "parse") && !strstr(ds_cstr(out), "[]")) {
            struct ovn_expr *e2;
            char *error2 = ovn_expr_parse(ds_cstr(out), NULL, NULL, &e2);
            if (error2) {
                fail_msg("reparse of \"%s\" failed: %s", ds_cstr(out),
                         error2);
            }
            char *s2 = ovn_expr_to_string(e2);
            assert_string_equal(s2, ds_cstr(out));
            free(s2);
            ovn_expr_destroy(e2);
        }
    }
    ovn_expr_destroy(e);
}

/* Runs one row of 'cases'. */
static void
run_case(void **state)
{
    const struct expr_case *c = *state;
    struct ds out = DS_EMPTY_INITIALIZER;

    run_step(c->cmd, c->input, &out);
    if (strcmp(ds_cstr(&out), c->expected)) {
        fail_msg("%s \"%s\":\nexpected: %s\nactual:   %s", c->cmd, c->input,
                 c->expected, ds_cstr(&out));
    }
    ds_destroy(&out);
}

/* The bound on terms and flows is enforced with an error. */
static void
test_limits(void **state OVS_UNUSED)
{
    struct ovn_expr *e;
    char *error = ovn_expr_parse("reg0[0..3] == {0, 1, 2, 3, 4, 5} && "
                                 "(reg1 == 1 || reg2 == 2) && "
                                 "(reg4 == 1 || reg5 == 2)", NULL, NULL, &e);
    assert_null(error);
    e = ovn_expr_simplify(e);
    e = ovn_expr_normalize(e, 3, &error);
    assert_null(e);
    assert_string_equal(error, "expression too complex: more than 3 terms");
    free(error);

    error = ovn_expr_parse("reg0[0..3] == {0, 1, 2, 3, 4, 5}", NULL, NULL,
                           &e);
    assert_null(error);
    e = ovn_expr_simplify(e);
    e = ovn_expr_normalize(e, 0, &error);
    assert_null(error);
    struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
    error = ovn_expr_to_matches(e, NULL, NULL, 1, 5, &matches, NULL);
    assert_string_equal(error, "match expression yields more than 5 "
                        "OpenFlow flows");
    assert_true(ovs_list_is_empty(&matches));
    free(error);
    error = ovn_expr_to_matches(e, NULL, NULL, 1, 6, &matches, NULL);
    assert_null(error);
    assert_int_equal(ovs_list_size(&matches), 6);
    ovn_expr_matches_destroy(&matches);
    ovn_expr_destroy(e);

    /* ovn_expr_to_matches() refuses expressions not in normal form. */
    error = ovn_expr_parse("tcp.dst != 80", NULL, NULL, &e);
    assert_null(error);
    error = ovn_expr_to_matches(e, NULL, NULL, 1, 0, &matches, NULL);
    assert_string_equal(error, "expression is not in normal form");
    assert_true(ovs_list_is_empty(&matches));
    free(error);
    ovn_expr_destroy(e);

    /* Through ovn_lflow_compile(): nothing is appended on error. */
    struct ovn_lflow_env env = { .max_flows = 2 };
    struct ovs_list flows = OVS_LIST_INITIALIZER(&flows);
    uint32_t n_conj = 99;
    error = ovn_lflow_compile(&env, false, 0, 1, "tcp.dst == {1, 2, 3}",
                              "next;", 5, &flows, &n_conj, 1);
    assert_non_null(error);
    assert_true(ovs_list_is_empty(&flows));
    assert_int_equal(n_conj, 0);
    free(error);
}

/* "@name" in a flow of datapath K finds southbound "K_name" first. */
static void
test_dp_port_groups(void **state OVS_UNUSED)
{
    static const char *a[] = { "lp1" };
    static const char *b[] = { "lp2", "lp3" };
    struct shash pgs = SHASH_INITIALIZER(&pgs);
    struct ovn_expr *e;
    char *error, *s;

    add_set(&pgs, "pgx", a, ARRAY_SIZE(a));
    add_set(&pgs, "7_pgx", b, ARRAY_SIZE(b));

    error = ovn_expr_parse_dp("inport == @pgx", NULL, &pgs, 7, &e);
    assert_null(error);
    s = ovn_expr_to_string(e);
    assert_string_equal(s, "inport == \"lp2\" || inport == \"lp3\"");
    free(s);
    ovn_expr_destroy(e);

    error = ovn_expr_parse_dp("inport == @pgx", NULL, &pgs, 8, &e);
    assert_null(error);
    s = ovn_expr_to_string(e);
    assert_string_equal(s, "inport == \"lp1\"");
    free(s);
    ovn_expr_destroy(e);

    error = ovn_expr_parse_dp("inport == @7_pgx", NULL, &pgs, 0, &e);
    assert_null(error);
    ovn_expr_destroy(e);

    error = ovn_expr_parse_dp("inport == @pgy", NULL, &pgs, 7, &e);
    assert_string_equal(error, "col 11: unknown port group `pgy'");
    assert_null(e);
    free(error);
    free_sets(&pgs);
}

/* ovn_lflow_check_match() accepts valid matches without any tables. */
static void
test_check_match(void **state OVS_UNUSED)
{
    static const char *good[] = {
        "inport == \"a\" && ip4.src == $any_set && outport == @any_pg",
        "ct.est && !ct.rel && ct_mark.blocked == 0",
        "is_chassis_resident(\"cr-lrp\") && eth.bcast",
        "1", "ip6 && nd_ns && nd.target == fe80::1",
    };
    static const char *bad[] = {
        "inport == 1", "ip4 && || ip6", "nosuch.field == 1",
        "tcp.dst == 70000", "",
    };
    for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
        char *error = ovn_lflow_check_match(good[i]);
        if (error) {
            fail_msg("\"%s\": %s", good[i], error);
        }
    }
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        char *error = ovn_lflow_check_match(bad[i]);
        assert_non_null(error);
        free(error);
    }
}

/* ovn_expr_evaluate() on packets with real header fields. */
static void
test_evaluate(void **state OVS_UNUSED)
{
    static const struct {
        const char *expr;
        bool want;
    } tests[] = {
        { "ip4 && ip4.src == 10.0.0.0/8 && tcp.dst >= 80", true },
        { "ip4.src == 10.0.0.2", false },
        { "tcp.dst == {22, 443}", true },
        { "tcp.dst < 443", false },
        { "inport == \"lp2\" && reg0[3]", true },
        { "inport == \"lp1\"", false },
        { "inport == \"lp9\"", false },
        { "eth.mcast || eth.bcast", false },
        { "ct.est && !ct.new", true },
        { "flags.loopback", true },
        { "is_chassis_resident(\"lp1\")", false },
    };
    struct flow flow;

    memset(&flow, 0, sizeof flow);
    flow.dl_type = htons(ETH_TYPE_IP);
    flow.nw_proto = IPPROTO_TCP;
    flow.nw_src = htonl(0x0a000001);
    flow.tp_dst = htons(443);
    flow.regs[14] = 2;
    flow.regs[0] = 8;
    flow.regs[10] = 1;
    flow.ct_state = CS_TRACKED | CS_ESTABLISHED;

    for (size_t i = 0; i < ARRAY_SIZE(tests); i++) {
        struct ovn_expr *e;
        char *error = ovn_expr_parse(tests[i].expr, NULL, NULL, &e);
        assert_null(error);
        assert_int_equal(ovn_expr_evaluate(e, &flow, lookup_port, NULL),
                         tests[i].want);
        struct ovn_expr *c = ovn_expr_clone(e);
        c = ovn_expr_annotate(c, &error);
        c = ovn_expr_simplify(c);
        assert_int_equal(ovn_expr_evaluate(c, &flow, lookup_port, NULL),
                         tests[i].want);
        ovn_expr_destroy(c);
        ovn_expr_destroy(e);
    }
}

/* The symbol table maps names onto OVS fields and registers. */
static void
test_symtab(void **state OVS_UNUSED)
{
    struct mf_subfield sf;
    const struct ovn_symbol *s;

    s = ovn_symtab_lookup("flags.loopback");
    assert_non_null(s);
    ovn_symbol_to_subfield(s, &sf);
    assert_int_equal(sf.field->id, MFF_REG10);
    assert_int_equal(sf.ofs, 0);
    assert_int_equal(sf.n_bits, 1);

    s = ovn_symtab_lookup("ct_label.ecmp_reply_port");
    ovn_symbol_to_subfield(s, &sf);
    assert_int_equal(sf.field->id, MFF_CT_LABEL);
    assert_int_equal(sf.ofs, 80);
    assert_int_equal(sf.n_bits, 16);

    s = ovn_symtab_lookup("inport");
    assert_true(s->is_string);
    assert_int_equal(s->field->id, MFF_REG14);
    s = ovn_symtab_lookup("outport");
    assert_int_equal(s->field->id, MFF_REG15);

    s = ovn_symtab_lookup("reg0");
    assert_string_equal(s->canon->name, "xxreg0");
    assert_int_equal(s->canon_ofs, 96);
    s = ovn_symtab_lookup("xreg1");
    assert_string_equal(s->canon->name, "xxreg0");
    assert_int_equal(s->canon_ofs, 0);
    s = ovn_symtab_lookup("reg14");
    assert_string_equal(s->canon->name, "xxreg3");
    assert_int_equal(s->canon_ofs, 32);
    s = ovn_symtab_lookup("rarp.spa");
    assert_string_equal(s->canon->name, "arp.spa");

    assert_string_equal(ovn_symtab_lookup("tcp.dst")->prereqs, "tcp");
    assert_string_equal(ovn_symtab_lookup("ip4")->expansion,
                        "eth.type == 0x800");
    assert_int_equal(ovn_symtab_lookup("ip4")->kind, OVN_SYM_PREDICATE);
    assert_null(ovn_symtab_lookup("nosuch"));
    assert_non_null(ovn_symtab_lookup_len("ip4.srcXYZ", 7));

    const struct ovn_symbol *xx = ovn_symtab_lookup("xxreg2");
    assert_string_equal(ovn_symtab_best_name(xx, 32, 32)->name,
                        "flags.loopback");
    assert_string_equal(ovn_symtab_best_name(xx, 32, 40)->name, "reg10");
    assert_string_equal(ovn_symtab_best_name(xx, 0, 63)->name, "xreg5");
    assert_string_equal(ovn_symtab_best_name(xx, 0, 127)->name, "xxreg2");

    /* Every field's prerequisites and every predicate parse. */
    size_t n;
    const struct ovn_symbol **all = ovn_symtab_all(&n);
    assert_true(n > 100);
    for (size_t i = 0; i < n; i++) {
        const char *text = all[i]->prereqs ? all[i]->prereqs
                                           : all[i]->expansion;
        if (text) {
            char *error = ovn_lflow_check_match(text);
            if (error) {
                fail_msg("%s: %s", all[i]->name, error);
            }
        }
        char *error = ovn_lflow_check_match(
            all[i]->kind == OVN_SYM_PREDICATE || all[i]->width == 1
            ? all[i]->name : "1");
        if (error) {
            fail_msg("%s: %s", all[i]->name, error);
        }
    }
}

int
main(void)
{
    size_t n = ARRAY_SIZE(cases);
    struct CMUnitTest *tests = xcalloc(n + 5, sizeof *tests);
    char **names = xcalloc(n, sizeof *names);

    for (size_t i = 0; i < n; i++) {
        names[i] = xasprintf("%s %s", cases[i].cmd, cases[i].input);
        tests[i].name = names[i];
        tests[i].test_func = run_case;
        tests[i].initial_state = CONST_CAST(struct expr_case *, &cases[i]);
    }
    tests[n].name = "limits";
    tests[n].test_func = test_limits;
    tests[n + 1].name = "check_match";
    tests[n + 1].test_func = test_check_match;
    tests[n + 2].name = "evaluate";
    tests[n + 2].test_func = test_evaluate;
    tests[n + 3].name = "symtab";
    tests[n + 3].test_func = test_symtab;
    tests[n + 4].name = "dp_port_groups";
    tests[n + 4].test_func = test_dp_port_groups;

    int rc = _cmocka_run_group_tests("expr", tests, n + 5, setup_env,
                                     teardown_env);
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
    }
    free(names);
    free(tests);
    return rc;
}
