#!/bin/bash
# OpenFlow meters for logical flows (Debian's ovn-northd writes the SB):
# an ACL that logs through a named meter (Meter table) and a QoS rate limit
# (set_meter) become meters in the integration bridge, listed by
# meter-table-list, with the configured rates; traffic keeps flowing;
# removing them removes the meters.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

have_ours ovn-controller || skip "our ovn-controller is not built"
central_start debian
hv_add hv1 172.31.0.1
mac1=50:54:00:00:00:01
mac2=50:54:00:00:00:02
check nbctl ls-add sw0 \
    -- lsp-add sw0 lp1 -- lsp-set-addresses lp1 "$mac1 10.0.0.1" \
    -- lsp-add sw0 lp2 -- lsp-set-addresses lp2 "$mac2 10.0.0.2"
vif_add hv1 vif1 lp1
vif_add hv1 vif2 lp2
hv_start_controller hv1 ours
check nbctl meter-add m1 drop 10 pktps
check nbctl --log --meter=m1 acl-add sw0 from-lport 1001 \
    "ip4.dst == 10.0.0.2" allow-related
check nbctl qos-add sw0 from-lport 100 "ip4.dst == 10.0.0.2" rate=1000 \
    burst=100
check nbctl --wait=hv --timeout=30 sync

meters () { hv_ofctl hv1 -O OpenFlow15 dump-meters br-int | tr "\n" " "; }
wait_until 'meters | grep -q "pktps stats bands= type=drop rate=10 "' \
    || fail "no pktps meter for m1:
$(meters)"
meters | grep -q "kbps burst stats bands= type=drop rate=1000 burst_size=100" \
    || fail "no kbps meter for the QoS rule:
$(meters)"
assert_eq 2 "$(hv_appctl hv1 -t ovn-controller meter-table-list | grep -c .)" \
    "meter-table-list entries"

f=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.1 ip4.dst=10.0.0.2)
inject hv1 vif1 "$f"
expect_packets hv1 vif2 "$f"

check nbctl --wait=hv qos-del sw0
check nbctl --wait=hv acl-del sw0
wait_until '[ -z "$(meters | grep meter=)" ]' || fail "meters left:
$(meters)"
assert_eq "" "$(hv_appctl hv1 -t ovn-controller meter-table-list)" \
    "meter-table-list after removal"

e2e_log "meters OK"
exit 0
