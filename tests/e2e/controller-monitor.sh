#!/bin/bash
# Conditional monitoring: with ovn-monitor-all unset (false), our
# ovn-controller replicates only the southbound rows its chassis needs —
# the logical flows of sw1, which has no port here, never arrive — and
# forwarding still works; with ovn-monitor-all=true it replicates them all.
# When a port of sw1 appears here, sw1's flows arrive and its traffic works.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

have_ours ovn-controller || skip "our ovn-controller is not built"
central_start debian
hv_add hv1 172.31.0.1
mac1=50:54:00:00:00:01
mac2=50:54:00:00:00:02
mac3=50:54:00:00:00:03
mac4=50:54:00:00:00:04
check nbctl ls-add sw0 -- ls-add sw1 \
    -- lsp-add sw0 lp1 -- lsp-set-addresses lp1 "$mac1 10.0.0.1" \
    -- lsp-add sw0 lp2 -- lsp-set-addresses lp2 "$mac2 10.0.0.2" \
    -- lsp-add sw1 lp3 -- lsp-set-addresses lp3 "$mac3 10.1.0.3" \
    -- lsp-add sw1 lp4 -- lsp-set-addresses lp4 "$mac4 10.1.0.4"
vif_add hv1 vif1 lp1
vif_add hv1 vif2 lp2
hv_start_controller hv1 ours
check nbctl --wait=hv --timeout=30 sync

# cached: the logical flows hv1's controller holds.
cached () {
    hv_appctl hv1 -t ovn-controller lflow-cache/show-stats \
        | sed -n 's/^logical flows *: //p'
}
total=$(sbctl --bare --columns=_uuid list Logical_Flow | grep -c .)
partial=$(cached)
[ "$partial" -lt "$total" ] \
    || fail "monitoring everything by default ($partial of $total flows)"
assert_eq false "$(sbctl get Chassis hv1 other_config:ovn-monitor-all \
    | tr -d '"')" "ovn-monitor-all reported"

f=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.1 ip4.dst=10.0.0.2)
inject hv1 vif1 "$f"
expect_packets hv1 vif2 "$f"

# Everything, on request.
check hv_vsctl hv1 set Open_vSwitch . external_ids:ovn-monitor-all=true
wait_until '[ "$(cached)" = "$total" ]' \
    || fail "ovn-monitor-all=true: $(cached) of $total flows"
check hv_vsctl hv1 set Open_vSwitch . external_ids:ovn-monitor-all=false
wait_until '[ "$(cached)" = "$partial" ]' \
    || fail "back to conditional: $(cached), expected $partial"

# sw1 becomes local: its flows arrive, its traffic flows.
vif_add hv1 vif3 lp3
vif_add hv1 vif4 lp4
check nbctl --wait=hv --timeout=30 sync
wait_until '[ "$(cached)" -gt "$partial" ]' || fail "sw1 flows never arrived"
f=$(pkt icmp4 eth.src=$mac3 eth.dst=$mac4 ip4.src=10.1.0.3 ip4.dst=10.1.0.4)
inject hv1 vif3 "$f"
expect_packets hv1 vif4 "$f"
expect_none hv1 vif1 vif2

e2e_log "conditional monitoring OK ($partial of $total logical flows)"
exit 0
