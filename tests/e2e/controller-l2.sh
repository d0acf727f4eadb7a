#!/bin/bash
# Our ovn-controller on three (dummy) hypervisors, consuming the southbound
# database that Debian's ovn-northd 23.03 writes (set CONTROLLER_NORTHD=ours
# to use ours): the L2 scenarios end to end.
#   - chassis register with their encaps, tunnel ports are named
#     ovn-<chassis>-<n>, ports are claimed and reported up, --wait=hv returns;
#   - unicast crosses Geneve exactly once, with northd's tunnel keys;
#   - broadcast floods to every other VIF exactly once;
#   - an ARP request for a known address is answered by the ARP responder on
#     the local hypervisor and goes nowhere else;
#   - a disabled port receives nothing; removing a port stops delivery.

E2E_CTL=${E2E_CTL:-debian}
. "$(dirname "$0")/lib.sh"

have_ours ovn-controller || skip "our ovn-controller is not built"
northd=${CONTROLLER_NORTHD:-debian}
[ "$northd" = ours ] && ! have_ours ovn-northd && skip "no ovn-northd"

central_start "$northd"
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
for hv in hv1 hv2 hv3; do
    hv_start_controller "$hv" ours
done
check nbctl --wait=hv --timeout=30 sync
for lp in lp1 lp2 lp3; do
    wait_until '[ "$(nbctl get logical_switch_port '$lp' up)" = true ]' \
        || fail "$lp never came up"
done
hv_cfg=$(nbctl get nb_global . hv_cfg)
nb_cfg=$(nbctl get nb_global . nb_cfg)
assert_eq "$nb_cfg" "$hv_cfg" "hv_cfg after --wait=hv"

# ovn-sbctl show: three chassis, each with its encap and its binding.
show=$(sbctl show)
for i in 1 2 3; do
    echo "$show" | grep -A6 "^Chassis hv$i\$" | grep -q "ip: \"172.31.0.$i\"" \
        || fail "chassis hv$i encap missing in:
$show"
    echo "$show" | grep -A8 "^Chassis hv$i\$" | grep -q "Port_Binding lp$i" \
        || fail "binding lp$i missing in:
$show"
done
assert_eq "ovn-hv1-0 ovn-hv3-0" \
    "$(hv_vsctl hv2 --bare --columns=name find Interface type=geneve \
       | sed "/^$/d" | sort | paste -sd" ")" "tunnel ports on hv2"

l2_tunnel_keys
errors=$(hv_appctl hv1 -t ovn-controller debug/status \
         | sed -n 's/^lflow-errors: //p')
[ "$errors" = 0 ] || e2e_log "note: $errors logical flows not translated"

l2_drain

# Unicast: exactly one Geneve frame, to hv2, with northd's keys.
l2_expect_unicast

# Broadcast (ARP for an unknown address): both other VIFs, once each.
l2_expect_flood

# ARP for a known address: answered on hv1 by the responder, not flooded.
l2_expect_arp_responder

# Port security on lp1: spoofed source IP or MAC is dropped on the way in;
# on the way out lp1 only gets frames for its own IP (or broadcast).
check nbctl --wait=hv lsp-set-port-security lp1 "$mac1 10.0.0.1"
spoof=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.77 \
        ip4.dst=10.0.0.2 icmp.id=1 icmp.seq=3)
inject hv1 vif1 "$spoof"
spoofmac=$(pkt icmp4 eth.src=50:54:00:00:00:77 eth.dst=$mac2 \
           ip4.src=10.0.0.1 ip4.dst=10.0.0.2 icmp.id=1 icmp.seq=4)
inject hv1 vif1 "$spoofmac"
expect_none hv2 vif2
inject hv1 vif1 "$icmp"
expect_packets hv2 vif2 "$icmp"
wrongip=$(pkt icmp4 eth.src=$mac2 eth.dst=$mac1 ip4.src=10.0.0.2 \
          ip4.dst=10.0.0.99 icmp.id=2 icmp.seq=1)
rightip=$(pkt icmp4 eth.src=$mac2 eth.dst=$mac1 ip4.src=10.0.0.2 \
          ip4.dst=10.0.0.1 icmp.id=2 icmp.seq=2)
inject hv2 vif2 "$wrongip"
inject hv2 vif2 "$rightip"
expect_packets hv1 vif1 "$rightip"
check nbctl --wait=hv lsp-set-port-security lp1
inject hv1 vif1 "$spoof"
expect_packets hv2 vif2 "$spoof"

# A disabled port gets nothing, even unicast to its MAC.
check nbctl --wait=hv lsp-set-enabled lp3 disabled
icmp3=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac3 ip4.src=10.0.0.1 \
        ip4.dst=10.0.0.3 icmp.id=1 icmp.seq=2)
inject hv1 vif1 "$icmp3"
expect_none hv3 vif3
expect_none hv2 vif2
check nbctl --wait=hv lsp-set-enabled lp3 enabled
inject hv1 vif1 "$icmp3"
expect_packets hv3 vif3 "$icmp3"

# Deleting lp2 stops delivery to it.
check nbctl --wait=hv lsp-del lp2
inject hv1 vif1 "$icmp"
expect_none hv2 vif2

e2e_log "our ovn-controller with $northd ovn-northd: L2 OK"
exit 0
