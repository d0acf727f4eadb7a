#!/bin/bash
# VXLAN: hv1 only speaks VXLAN, hv2 offers "geneve,vxlan" (like seed 004).
# hv2 registers two encaps; the tunnel between them is VXLAN on both sides
# (ovn-architecture(7): 12-bit datapath and output port in the VNI, no
# input port).  Unicast and flooding must work across it, exactly once.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

have_ours ovn-controller || skip "our ovn-controller is not built"
northd=${CONTROLLER_NORTHD:-debian}
[ "$northd" = ours ] && ! have_ours ovn-northd && skip "no ovn-northd"

central_start "$northd"
hv_add hv1 172.31.0.1
hv_add hv2 172.31.0.2
check hv_vsctl hv1 set Open_vSwitch . external_ids:ovn-encap-type=vxlan
check hv_vsctl hv2 set Open_vSwitch . external_ids:ovn-encap-type=geneve,vxlan

mac1=50:54:00:00:00:01
mac2=50:54:00:00:00:02
mac3=50:54:00:00:00:03
check nbctl ls-add sw0 \
    -- lsp-add sw0 lp1 -- lsp-set-addresses lp1 "$mac1 10.0.0.1" \
    -- lsp-add sw0 lp2 -- lsp-set-addresses lp2 "$mac2 10.0.0.2" \
    -- lsp-add sw0 lp3 -- lsp-set-addresses lp3 "$mac3 10.0.0.3"
vif_add hv1 vif1 lp1
vif_add hv2 vif2 lp2
vif_add hv2 vif3 lp3
hv_start_controller hv1 ours
hv_start_controller hv2 ours
check nbctl --wait=hv --timeout=30 sync

assert_eq "geneve vxlan" \
    "$(sbctl --bare --columns=type find Encap chassis_name=hv2 | sed '/^$/d' \
       | sort | paste -sd' ')" "hv2 encaps"
wait_until hv_vsctl hv1 get Interface ovn-hv2-0 ofport \
    || fail "no tunnel on hv1"
assert_eq vxlan "$(hv_vsctl hv1 get Interface ovn-hv2-0 type)" "hv1 tunnel"
wait_until hv_vsctl hv2 get Interface ovn-hv1-0 ofport \
    || fail "no tunnel on hv2"
assert_eq vxlan "$(hv_vsctl hv2 get Interface ovn-hv1-0 type)" "hv2 tunnel"

sleep 1
pcap_take "$(underlay_pcap hv1 rx)" >/dev/null

dp_key=$(sbctl --bare --columns=tunnel_key find datapath_binding \
         external_ids:name=sw0)
key2=$(sbctl --bare --columns=tunnel_key find port_binding logical_port=lp2)
f=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.1 ip4.dst=10.0.0.2)
inject hv1 vif1 "$f"
expect_packets hv2 vif2 "$f"
expect_none hv2 vif3
vx=$(pcap_take "$(underlay_pcap hv1 rx)")
assert_eq 1 "$(echo "$vx" | grep -c .)" "frames hv1 sent into the underlay"
# Outer Ethernet, IPv4 and UDP (port 4789), then VXLAN: the VNI is
# egress port (12 bits) << 12 | datapath (12 bits); the inner frame follows.
assert_eq "12b5" "${vx:72:4}" "VXLAN UDP port"
assert_eq "$(printf '%06x' $(( (key2 << 12) | dp_key )))" "${vx:92:6}" "VNI"
assert_eq "$f" "${vx:100}" "inner frame"

f=$(pkt icmp4 eth.src=$mac3 eth.dst=$mac1 ip4.src=10.0.0.3 ip4.dst=10.0.0.1)
inject hv2 vif3 "$f"
expect_packets hv1 vif1 "$f"

arp=$(pkt arp eth.src=$mac1 arp.op=1 arp.sha=$mac1 arp.spa=10.0.0.1 \
      arp.tpa=10.0.0.9)
inject hv1 vif1 "$arp"
expect_packets hv2 vif2 "$arp"
expect_packets hv2 vif3 "$arp"
expect_none hv1 vif1
assert_eq 1 "$(pcap_take "$(underlay_pcap hv1 rx)" | grep -c .)" \
    "flood frames hv1 sent into the underlay"

arp=$(pkt arp eth.src=$mac2 arp.op=1 arp.sha=$mac2 arp.spa=10.0.0.2 \
      arp.tpa=10.0.0.9)
inject hv2 vif2 "$arp"
expect_packets hv1 vif1 "$arp"
expect_packets hv2 vif3 "$arp"
expect_none hv2 vif2

e2e_log "VXLAN OK"
exit 0
