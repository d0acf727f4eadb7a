#!/bin/bash
# Real traffic without OVN logic: two hypervisors whose ovs-vswitchd runs in
# its own network namespace (userspace datapath), a VM namespace on each,
# a Linux bridge namespace as underlay, Geneve ports and plain OpenFlow
# rules installed by hand.  Real ping must cross; the underlay must carry
# it as Geneve with our VNI and OVN option, each packet exactly once.

. "$(dirname "$0")/lib.sh"

netns_require
command -v ping >/dev/null || skip "no ping (iputils-ping)"

netns_hv_add hv1 172.31.0.1
netns_hv_add hv2 172.31.0.2
netns_vm_add hv1 vm1 lp1 50:54:00:00:00:01 192.168.0.2/24
netns_vm_add hv2 vm2 lp2 50:54:00:00:00:03 192.168.0.3/24

# tunnel HV NAME REMOTE_IP: Geneve port, OVN option mapped to tun_metadata0.
tunnel () {
    check hv_vsctl "$1" add-port br-int "$2" -- set interface "$2" \
        type=geneve options:remote_ip="$3" options:key=flow
    check hv_ofctl "$1" add-tlv-map br-int \
        "{class=0x0102,type=0x80,len=4}->tun_metadata0"
}
tunnel hv1 gnv-hv2 172.31.0.2
tunnel hv2 gnv-hv1 172.31.0.1

check hv_ofctl hv1 add-flow br-int \
    "in_port=vm1,actions=set_field:5->tun_id,set_field:0x10002->tun_metadata0,output:gnv-hv2"
check hv_ofctl hv2 add-flow br-int \
    "in_port=gnv-hv1,tun_id=5,tun_metadata0=0x10002,actions=output:vm2"
check hv_ofctl hv2 add-flow br-int \
    "in_port=vm2,actions=set_field:6->tun_id,set_field:0x20001->tun_metadata0,output:gnv-hv1"
check hv_ofctl hv1 add-flow br-int \
    "in_port=gnv-hv2,tun_id=6,tun_metadata0=0x20001,actions=output:vm1"

underlay_capture_start hv1

out=$(vm_ping vm1 192.168.0.3 3) || fail "ping vm1 -> vm2 failed:
$out"
echo "$out" | grep -q '^3 packets transmitted, 3 received' \
    || fail "ping vm1 -> vm2 lost packets:
$out"
# A full 1400-byte packet must cross without fragmentation.
out=$(vm_exec vm2 ping -n -c 1 -W 2 -M do -s 1372 192.168.0.2) \
    || fail "1400-byte ping vm2 -> vm1 failed:
$out"

capture_stop ul-hv1

# Everything vm1 and vm2 said crossed hv1's underlay port as Geneve.
all=$(pkt pcap-geneve "$E2E_DIR/ul-hv1.pcap" describe=1)
# Non-Geneve frames (kernel chatter such as IGMP) must not carry VM frames.
for hex in $(echo "$all" | sed -n 's/^non-geneve //p'); do
    case $hex in
    *505400000001*|*505400000003*|*c0a80002*|*c0a80003*)
        fail "VM traffic leaked onto the underlay: $(pkt describe "$hex")" ;;
    esac
done
all=$(echo "$all" | grep -v '^non-geneve ')
fwd='ip4.src=172.31.0.1 ip4.dst=172.31.0.2 vni=0x000005 class=0x0102 type=0x80 ingress=1 egress=2 inner: 50:54:00:00:00:01>'
rev='ip4.src=172.31.0.2 ip4.dst=172.31.0.1 vni=0x000006 class=0x0102 type=0x80 ingress=2 egress=1 inner: 50:54:00:00:00:03>'
# Only our two tunnels and the two VMs' MACs appear.
bad=$(echo "$all" | grep -vF -e "$fwd" -e "$rev")
assert_eq "" "$bad" "unexpected Geneve frames"

count () {
    echo "$all" | grep -cF -- "$1"
}
req="$fwd""50:54:00:00:00:03 ip4 192.168.0.2>192.168.0.3 ttl=64 icmp4 type=8 code=0 len=64"
rep="$rev""50:54:00:00:00:01 ip4 192.168.0.3>192.168.0.2 ttl=64 icmp4 type=0 code=0 len=64"
assert_eq 3 "$(count "$req")" "echo requests on the underlay"
assert_eq 3 "$(count "$rep")" "echo replies on the underlay"
big_req="$rev""50:54:00:00:00:01 ip4 192.168.0.3>192.168.0.2 ttl=64 icmp4 type=8 code=0 len=1380"
big_rep="$fwd""50:54:00:00:00:03 ip4 192.168.0.2>192.168.0.3 ttl=64 icmp4 type=0 code=0 len=1380"
assert_eq 1 "$(count "$big_req")" "1400-byte echo requests on the underlay"
assert_eq 1 "$(count "$big_rep")" "1400-byte echo replies on the underlay"
# vm1 resolved vm2's MAC through the tunnel.
assert_eq 1 "$(count "$fwd""ff:ff:ff:ff:ff:ff arp op=1 192.168.0.2>192.168.0.3")" \
    "ARP requests from vm1"

e2e_log "netns ping OK"
exit 0
