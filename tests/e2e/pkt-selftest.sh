#!/bin/bash
# tests/e2e/pkt.py against an independent decoder: every frame it builds
# must be parsed by tcpdump with correct checksums and the fields we asked
# for; pcap files round-trip; Geneve frames decode to what was encoded.

. "$(dirname "$0")/lib.sh"
command -v tcpdump >/dev/null || skip "no tcpdump"

E="eth.src=50:54:00:00:00:01 eth.dst=50:54:00:00:00:03"
I4="ip4.src=192.168.0.2 ip4.dst=11.0.0.2"
I6="ip6.src=fe80::1 ip6.dst=fe80::2"
frames=(
    "$(pkt arp eth.src=50:54:00:00:00:01 arp.spa=192.168.0.2 arp.tpa=192.168.0.1)"
    "$(pkt arp $E arp.op=2 arp.spa=11.0.0.2 arp.tha=50:54:00:00:00:03 arp.tpa=192.168.0.2)"
    "$(pkt icmp4 $E $I4 ip.ttl=63 icmp.id=7 icmp.seq=2 payload=0102030405)"
    "$(pkt udp4 $E $I4 udp.src=1000 udp.dst=4789 payload=00)"
    "$(pkt tcp4 $E $I4 tcp.src=40000 tcp.dst=80 tcp.flags=0x12 payload=aabbcc)"
    "$(pkt icmp6 $E $I6 icmp.id=3 icmp.seq=4)"
    "$(pkt udp6 $E $I6 udp.src=546 udp.dst=547 payload=01)"
    "$(pkt tcp6 $E $I6 tcp.src=1 tcp.dst=22)"
    "$(pkt nd-ns eth.src=50:54:00:00:00:01 ip6.src=fe80::1 nd.target=fe80::2)"
    "$(pkt nd-na $E $I6 nd.target=fe80::1)"
    "$(pkt nd-rs eth.src=50:54:00:00:00:01 ip6.src=fe80::1)"
    "$(pkt icmp4 $E $I4 vlan=42)"
    "$(pkt dhcp4 eth.src=50:54:00:00:00:01 dhcp.type=3 dhcp.xid=0xabcdef01 dhcp.reqip=192.168.0.2 dhcp.server=192.168.0.1)"
)
check pkt write-pcap "$E2E_DIR/f.pcap" "${frames[@]}"
assert_eq "$(printf '%s\n' "${frames[@]}")" "$(pkt pcap "$E2E_DIR/f.pcap")" \
    "pcap round trip"
assert_eq 4 "$(pkt pcap "$E2E_DIR/f.pcap" skip=9 | wc -l)" "pcap skip=9"

out=$(tcpdump -nn -vvv -e -r "$E2E_DIR/f.pcap" 2>/dev/null)
echo "$out" | grep -qiE 'incorrect|bad (udp |tcp |icmp6? )?cksum|wrong' \
    && fail "tcpdump reports bad checksums:
$out"
expect_line () {
    echo "$out" | grep -qF -- "$1" || fail "tcpdump output lacks '$1':
$out"
}
expect_line "Request who-has 192.168.0.1 tell 192.168.0.2"
expect_line "Reply 11.0.0.2 is-at 50:54:00:00:00:01"
expect_line "ttl 63, id 0, offset 0, flags [none], proto ICMP (1), length 33"
expect_line "192.168.0.2 > 11.0.0.2: ICMP echo request, id 7, seq 2, length 13"
expect_line "192.168.0.2.1000 > 11.0.0.2.4789: [udp sum ok]"
expect_line "192.168.0.2.40000 > 11.0.0.2.80: Flags [S.], cksum"
expect_line "fe80::1 > fe80::2: [icmp6 sum ok] ICMP6, echo request, id 3, seq 4"
expect_line "fe80::1.546 > fe80::2.547: [udp sum ok]"
expect_line "fe80::1.1 > fe80::2.22: Flags [S], cksum"
expect_line "> ff02::1:ff00:2: [icmp6 sum ok] ICMP6, neighbor solicitation, length 32, who has fe80::2"
expect_line "[icmp6 sum ok] ICMP6, neighbor advertisement, length 32, tgt is fe80::1, Flags [solicited, override]"
expect_line "> ff02::2: [icmp6 sum ok] ICMP6, router solicitation"
expect_line "vlan 42, p 0, ethertype IPv4"
expect_line "0.0.0.0.68 > 255.255.255.255.67: [udp sum ok] BOOTP/DHCP, Request from 50:54:00:00:00:01"
expect_line "xid 0xabcdef01, Flags [Broadcast]"
expect_line "DHCP-Message (53), length 1: Request"
expect_line "Requested-IP (50), length 4: 192.168.0.2"
expect_line "Server-ID (54), length 4: 192.168.0.1"
assert_eq 2 "$(echo "$out" | grep -c '(correct)')" "TCP checksums tcpdump calls correct"

# Geneve: build, decode, and have tcpdump agree on the outer UDP checksum.
inner=${frames[2]}
g=$(pkt geneve eth.src=0a:00:ac:1f:00:01 eth.dst=0a:00:ac:1f:00:02 \
    ip4.src=172.31.0.1 ip4.dst=172.31.0.2 vni=0x123456 ingress=0x7fff \
    egress=0xfffe inner="$inner")
assert_eq "ip4.src=172.31.0.1 ip4.dst=172.31.0.2 vni=0x123456 class=0x0102 type=0x80 ingress=32767 egress=65534 inner=$inner" \
    "$(pkt geneve-decode "$g")" "Geneve decode"
check pkt write-pcap "$E2E_DIR/g.pcap" "$g" "${frames[0]}"
assert_eq "ip4.src=172.31.0.1 ip4.dst=172.31.0.2 vni=0x123456 class=0x0102 type=0x80 ingress=32767 egress=65534 inner: 50:54:00:00:00:01>50:54:00:00:00:03 ip4 192.168.0.2>11.0.0.2 ttl=63 icmp4 type=8 code=0 len=13
non-geneve ${frames[0]}" "$(pkt pcap-geneve "$E2E_DIR/g.pcap" describe=1)" \
    "pcap-geneve"
tcpdump -nn -vvv -r "$E2E_DIR/g.pcap" 2>/dev/null | grep -q 'udp sum ok' \
    || fail "tcpdump does not accept the Geneve UDP checksum"

# Errors are reported, not turned into frames.
pkt icmp4 eth.src=50:54:00:00:00:01 2>/dev/null && fail "missing fields accepted"
pkt arp eth.src=zz arp.spa=1.2.3.4 arp.tpa=1.2.3.5 2>/dev/null \
    && fail "bad MAC accepted"
exit 0
