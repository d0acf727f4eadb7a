#!/bin/bash
# Proves the harness without OVN logic: three simulated hypervisors on the
# dummy underlay, Geneve tunnel ports and plain OpenFlow rules installed by
# hand.  A frame from a VIF on hv1 must reach the VIF on hv2 exactly once,
# byte-exact, and nowhere else; the Geneve frame on the underlay must carry
# the VNI and the OVN option (class 0x0102, type 0x80) we set.

. "$(dirname "$0")/lib.sh"

hv_add hv1 172.31.0.1
hv_add hv2 172.31.0.2
hv_add hv3 172.31.0.3

vif_add hv1 vif1 lp1
vif_add hv1 vif1b lp1b
vif_add hv2 vif2 lp2
vif_add hv2 vif2b lp2b
vif_add hv3 vif3 lp3

# tunnel HV NAME REMOTE_IP: a Geneve port with flow-based key and the OVN
# option mapped to tun_metadata0.
tunnel () {
    check hv_vsctl "$1" add-port br-int "$2" -- set interface "$2" \
        type=geneve options:remote_ip="$3" options:key=flow
    check hv_ofctl "$1" add-tlv-map br-int \
        "{class=0x0102,type=0x80,len=4}->tun_metadata0"
}
tunnel hv1 gnv-hv2 172.31.0.2
tunnel hv2 gnv-hv1 172.31.0.1
tunnel hv3 gnv-hv1 172.31.0.1

# hv1 -> hv2: VNI 5, ingress key 1, egress key 2 (0x0001_0002).
check hv_ofctl hv1 add-flow br-int \
    "in_port=vif1,actions=set_field:5->tun_id,set_field:0x10002->tun_metadata0,output:gnv-hv2"
check hv_ofctl hv2 add-flow br-int \
    "in_port=gnv-hv1,tun_id=5,tun_metadata0=0x10002,actions=output:vif2"
# hv2 -> hv1: VNI 6, ingress key 2, egress key 1.
check hv_ofctl hv2 add-flow br-int \
    "in_port=vif2,actions=set_field:6->tun_id,set_field:0x20001->tun_metadata0,output:gnv-hv1"
check hv_ofctl hv1 add-flow br-int \
    "in_port=gnv-hv2,tun_id=6,tun_metadata0=0x20001,actions=output:vif1"
# hv3 would deliver anything arriving from hv1 to vif3: it must get nothing.
check hv_ofctl hv3 add-flow br-int "in_port=gnv-hv1,actions=output:vif3"

# Ignore whatever the underlay carried while the bridges came up.
for hv in hv1 hv2 hv3; do
    pcap_take "$(underlay_pcap "$hv" rx)" >/dev/null
    pcap_take "$(underlay_pcap "$hv" tx)" >/dev/null
done

mac1=50:54:00:00:00:01
mac2=50:54:00:00:00:03
icmp=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=192.168.0.2 \
       ip4.dst=192.168.0.3 icmp.id=7 icmp.seq=1 payload=0123456789abcdef)
inject hv1 vif1 "$icmp"

expect_packets hv2 vif2 "$icmp"
expect_none hv2 vif2b
expect_none hv1 vif1 vif1b
expect_none hv3 vif3

# On the underlay: exactly one Geneve frame from hv1, delivered to hv2 only.
gnv=$(pcap_take "$(underlay_pcap hv1 rx)")
assert_eq 1 "$(printf '%s\n' "$gnv" | sed '/^$/d' | wc -l)" \
    "number of frames hv1 sent into the underlay"
assert_eq "ip4.src=172.31.0.1 ip4.dst=172.31.0.2 vni=0x000005 class=0x0102 type=0x80 ingress=1 egress=2 inner=$icmp" \
    "$(pkt geneve-decode "$gnv")" "decoded Geneve frame"
outer_dst=$(echo "$gnv" | cut -c1-12)
assert_eq 0a00ac1f0002 "$outer_dst" "outer destination MAC"
pcap_expect "$(underlay_pcap hv2 tx)" "$gnv"
pcap_none "$(underlay_pcap hv3 tx)"

# Reverse direction and a broadcast frame.
arp=$(pkt arp eth.src=$mac2 arp.spa=192.168.0.3 arp.tpa=192.168.0.2)
inject hv2 vif2 "$arp"
expect_packets hv1 vif1 "$arp"
expect_none hv1 vif1b
expect_none hv2 vif2 vif2b
expect_none hv3 vif3
assert_eq "ip4.src=172.31.0.2 ip4.dst=172.31.0.1 vni=0x000006 class=0x0102 type=0x80 ingress=2 egress=1 inner=$arp" \
    "$(pkt pcap-geneve "$(underlay_pcap hv2 rx)" \
       skip="$(cat "$(underlay_pcap hv2 rx).seen")")" \
    "decoded Geneve frame hv2 -> hv1"

# Two frames in one go arrive once each, in any order.
udp=$(pkt udp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=192.168.0.2 \
      ip4.dst=192.168.0.3 udp.src=1234 udp.dst=53 payload=00ff)
inject hv1 vif1 "$udp"
inject hv1 vif1 "$icmp"
expect_packets hv2 vif2 "$icmp" "$udp"
expect_none_all
assert_eq "$(printf 'ip4.src=172.31.0.1 ip4.dst=172.31.0.2 vni=0x000005 class=0x0102 type=0x80 ingress=1 egress=2 inner=%s\n' "$icmp" "$udp" | sort)" \
    "$(for g in $(pcap_take "$(underlay_pcap hv1 rx)"); do
           pkt geneve-decode "$g"; done | sort)" \
    "Geneve frames of the two-frame burst"

# A frame the rules do not cover (from vif1b) goes nowhere.
inject hv1 vif1b "$icmp"
expect_none_all
pcap_none "$(underlay_pcap hv1 rx)"

e2e_log "underlay crossing OK"
exit 0
