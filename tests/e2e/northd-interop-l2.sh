#!/bin/bash
# Our ovn-northd writing the southbound database that Debian's ovn-controller
# 23.03 consumes on three (dummy) hypervisors: the L2 scenarios end to end.
#   - ports bound on chassis are reported up in the NB, --wait=hv returns;
#   - unicast crosses Geneve exactly once, with the tunnel keys northd chose;
#   - broadcast floods to every other VIF exactly once;
#   - an ARP request for a known address is answered by the ARP responder on
#     the local hypervisor and goes nowhere else;
#   - a disabled port receives nothing; removing a port stops delivery.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

[ -x /usr/bin/ovn-controller ] || skip "Debian's ovn-controller is missing"
have_ours ovn-northd || skip "our ovn-northd is not built"

central_start ours
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
    hv_start_controller "$hv" debian
done
check nbctl --wait=hv --timeout=30 sync
for lp in lp1 lp2 lp3; do
    wait_eval '[ "$(nbctl get logical_switch_port $lp up)" = true ]' \
        || fail "$lp never came up"
done
hv_cfg=$(nbctl get nb_global . hv_cfg)
nb_cfg=$(nbctl get nb_global . nb_cfg)
assert_eq "$nb_cfg" "$hv_cfg" "hv_cfg after --wait=hv"

l2_tunnel_keys

l2_drain

# Unicast: exactly one Geneve frame, to hv2, with northd's keys.
l2_expect_unicast

# Broadcast (ARP for an unknown address): both other VIFs, once each.
l2_expect_flood

# ARP for a known address: answered on hv1 by the responder, not flooded.
l2_expect_arp_responder

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

# Deleting lp2 stops delivery to it; its Port_Binding is gone.
check nbctl --wait=hv lsp-del lp2
assert_eq "" "$(sbctl --bare --columns=_uuid find port_binding logical_port=lp2)" \
    "Port_Binding of deleted lp2"
inject hv1 vif1 "$icmp"
expect_none hv2 vif2

e2e_log "our northd + Debian ovn-controller: L2 OK"
exit 0
