#!/bin/bash
# Our ovn-controller and Debian's 23.03 side by side (hv1 ours, hv2
# Debian's, hv3 ours) on the southbound database Debian's ovn-northd
# writes: they must understand each other's tunnel encapsulation and tunnel
# ports, so unicast and flooded frames cross between them in both
# directions, exactly once, with northd's keys.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

have_ours ovn-controller || skip "our ovn-controller is not built"
[ -x /usr/bin/ovn-controller ] || skip "Debian's ovn-controller is missing"

central_start debian
hv_add hv1 172.31.0.1
hv_add hv2 172.31.0.2
hv_add hv3 172.31.0.3
mac1=50:54:00:00:00:01
mac2=50:54:00:00:00:02
mac3=50:54:00:00:00:03
check nbctl ls-add sw0 \
    -- lsp-add sw0 lp1 -- lsp-set-addresses lp1 "$mac1 10.0.0.1" \
    -- lsp-add sw0 lp2 -- lsp-set-addresses lp2 "$mac2 10.0.0.2" \
    -- lsp-add sw0 lp3 -- lsp-set-addresses lp3 "$mac3 10.0.0.3"
vif_add hv1 vif1 lp1
vif_add hv2 vif2 lp2
vif_add hv3 vif3 lp3
hv_start_controller hv1 ours
hv_start_controller hv2 debian
hv_start_controller hv3 ours
check nbctl --wait=hv --timeout=30 sync
for lp in lp1 lp2 lp3; do
    wait_until '[ "$(nbctl get logical_switch_port '$lp' up)" = true ]' \
        || fail "$lp never came up"
done
dp_key=$(sbctl --bare --columns=tunnel_key find datapath_binding \
         external_ids:name=sw0)
key() { sbctl --bare --columns=tunnel_key find port_binding logical_port=$1; }
sleep 1
for hv in hv1 hv2 hv3; do
    pcap_take "$(underlay_pcap $hv rx)" >/dev/null
done

# ours -> Debian's, and Debian's -> ours, unicast.
f=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.1 ip4.dst=10.0.0.2)
inject hv1 vif1 "$f"
expect_packets hv2 vif2 "$f"
expect_none hv3 vif3
assert_eq "$(printf 'ip4.src=172.31.0.1 ip4.dst=172.31.0.2 vni=0x%06x class=0x0102 type=0x80 ingress=%d egress=%d inner=%s' \
             "$dp_key" "$(key lp1)" "$(key lp2)" "$f")" \
    "$(pkt geneve-decode "$(pcap_take "$(underlay_pcap hv1 rx)")")" \
    "Geneve frame from our controller"
f=$(pkt icmp4 eth.src=$mac2 eth.dst=$mac3 ip4.src=10.0.0.2 ip4.dst=10.0.0.3)
inject hv2 vif2 "$f"
expect_packets hv3 vif3 "$f"
expect_none hv1 vif1

# Flooding from each kind reaches the two others once.
arp=$(pkt arp eth.src=$mac2 arp.op=1 arp.sha=$mac2 arp.spa=10.0.0.2 \
      arp.tpa=10.0.0.9)
inject hv2 vif2 "$arp"
expect_packets hv1 vif1 "$arp"
expect_packets hv3 vif3 "$arp"
expect_none hv2 vif2
arp=$(pkt arp eth.src=$mac3 arp.op=1 arp.sha=$mac3 arp.spa=10.0.0.3 \
      arp.tpa=10.0.0.9)
inject hv3 vif3 "$arp"
expect_packets hv1 vif1 "$arp"
expect_packets hv2 vif2 "$arp"
expect_none hv3 vif3

e2e_log "ours and Debian's controllers interoperate"
exit 0
