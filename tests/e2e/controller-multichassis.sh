#!/bin/bash
# A port bound to two chassis at once (requested-chassis=hv1,hv2, as during
# a live migration): hv1 claims it as its chassis, hv2 as an additional
# chassis, and frames for it reach both copies exactly once, from a third
# chassis and from either of the two.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

have_ours ovn-controller || skip "our ovn-controller is not built"
central_start debian
hv_add hv1 172.31.0.1
hv_add hv2 172.31.0.2
hv_add hv3 172.31.0.3
mac1=50:54:00:00:00:01
mac3=50:54:00:00:00:03
check nbctl ls-add sw0 \
    -- lsp-add sw0 lp1 -- lsp-set-addresses lp1 "$mac1 10.0.0.1" \
    -- lsp-set-options lp1 requested-chassis=hv1,hv2 \
    -- lsp-add sw0 lp3 -- lsp-set-addresses lp3 "$mac3 10.0.0.3"
vif_add hv1 vif1 lp1
vif_add hv2 vif1 lp1
vif_add hv3 vif3 lp3
for hv in hv1 hv2 hv3; do
    hv_start_controller $hv ours
done
check nbctl --wait=hv --timeout=30 sync

wait_until '[ -n "$(sbctl --bare --columns=additional_chassis find Port_Binding logical_port=lp1)" ]' \
    || fail "no additional chassis for lp1"
c=$(sbctl --bare --columns=chassis find Port_Binding logical_port=lp1)
assert_eq hv1 "$(sbctl --bare --columns=name list Chassis "$c")" "chassis"
c=$(sbctl --bare --columns=additional_chassis find Port_Binding logical_port=lp1)
assert_eq hv2 "$(sbctl --bare --columns=name list Chassis "$c")" \
    "additional chassis"
sleep 1

f=$(pkt icmp4 eth.src=$mac3 eth.dst=$mac1 ip4.src=10.0.0.3 ip4.dst=10.0.0.1)
inject hv3 vif3 "$f"
expect_packets hv1 vif1 "$f"
expect_packets hv2 vif1 "$f"

f=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac3 ip4.src=10.0.0.1 ip4.dst=10.0.0.3)
inject hv1 vif1 "$f"
expect_packets hv3 vif3 "$f"
inject hv2 vif1 "$f"
expect_packets hv3 vif3 "$f"
expect_none hv1 vif1
expect_none hv2 vif1

# Migration done: only hv2 remains requested.
check nbctl --wait=hv lsp-set-options lp1 requested-chassis=hv2
check hv_vsctl hv1 del-port br-int vif1
wait_until '[ "$(sbctl --bare --columns=name list Chassis \
    "$(sbctl --bare --columns=chassis find Port_Binding logical_port=lp1)")" = hv2 ]' \
    || fail "lp1 not moved to hv2"
wait_until '[ -z "$(sbctl --bare --columns=additional_chassis find Port_Binding logical_port=lp1)" ]' \
    || fail "additional chassis left"
check nbctl --wait=hv sync
f=$(pkt icmp4 eth.src=$mac3 eth.dst=$mac1 ip4.src=10.0.0.3 ip4.dst=10.0.0.1)
inject hv3 vif3 "$f"
expect_packets hv2 vif1 "$f"

e2e_log "multi-chassis binding OK"
exit 0
