#!/bin/bash
# Hitless restart: while a steady stream of frames flows from a VIF on hv1
# to a VIF on hv2, ovn-controller is killed with SIGKILL and started again:
# first Debian's 23.03 controller on hv1 is replaced by ours (an upgrade),
# then ours is restarted on hv1 and on hv2.  Ours computes its complete
# flow table before replacing the installed one in a single atomic bundle,
# so every frame must arrive.  Conntrack zones (even those Debian's
# controller allocated) and the port claims survive.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

have_ours ovn-controller || skip "our ovn-controller is not built"
northd=${CONTROLLER_NORTHD:-debian}
[ "$northd" = ours ] && ! have_ours ovn-northd && skip "no ovn-northd"

central_start "$northd"
hv_add hv1 172.31.0.1
hv_add hv2 172.31.0.2
mac1=50:54:00:00:00:01
mac2=50:54:00:00:00:02
check nbctl ls-add sw0 \
    -- lsp-add sw0 lp1 -- lsp-set-addresses lp1 "$mac1 10.0.0.1" \
    -- lsp-add sw0 lp2 -- lsp-set-addresses lp2 "$mac2 10.0.0.2"
vif_add hv1 vif1 lp1
vif_add hv2 vif2 lp2
first=${CONTROLLER_RESTART_FIRST:-debian}
[ -x /usr/bin/ovn-controller ] || first=ours
hv_start_controller hv1 "$first"
hv_start_controller hv2 ours
check nbctl --wait=hv --timeout=30 sync
sleep 1
pcap_take "$(vif_pcap hv2 vif2)" >/dev/null

zones1=$(hv_appctl hv1 -t ovn-controller ct-zone-list | sort)

# stream FIRST LAST: injects frames with icmp.seq FIRST..LAST, 20 ms apart,
# appending each frame to $E2E_DIR/sent.
stream () {
    local seq f
    for ((seq = $1; seq <= $2; seq++)); do
        f=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.1 \
            ip4.dst=10.0.0.2 icmp.id=9 icmp.seq=$seq)
        echo "$f" >> "$E2E_DIR/sent"
        hv_appctl hv1 netdev-dummy/receive vif1 "$f" >/dev/null \
            || fail "inject $seq failed"
        sleep 0.02
    done
}

restart_during_stream () {
    local hv=$1 base=$2 pid
    stream "$base" $((base + 9))
    pid=$(cat "$E2E_DIR/$hv/ovn-controller.pid")
    kill -KILL "$pid"
    stream $((base + 10)) $((base + 19))
    hv_start_controller "$hv" ours
    stream $((base + 20)) $((base + 79))
}
restart_during_stream hv1 1
wait_until '[ "$(hv_appctl hv1 -t ovn-controller ct-zone-list | sort)" = "$zones1" ]' \
    || fail "ct zones changed when ours took over from $first"
check nbctl --wait=hv --timeout=30 sync
n_flows1=$(hv_ofctl hv1 dump-flows br-int | grep -c cookie=)
restart_during_stream hv1 101
restart_during_stream hv2 201
E2E_LAST_INJECT=${EPOCHREALTIME/./}

# Every frame arrived exactly once.
mapfile -t sent < "$E2E_DIR/sent"
assert_eq 240 "${#sent[@]}" "frames sent"
expect_packets hv2 vif2 "${sent[@]}"

# The restarted controllers really took over: same zones, same flows,
# still claiming their ports, and they react to new configuration.
wait_until '[ "$(hv_appctl hv1 -t ovn-controller ct-zone-list | sort)" = "$zones1" ]' \
    || fail "ct zones changed across restart"
check nbctl --wait=hv --timeout=30 sync
assert_eq "$n_flows1" "$(hv_ofctl hv1 dump-flows br-int | grep -c cookie=)" \
    "flow count on hv1 after restart"
assert_eq hv1 "$(sbctl --bare --columns=name list Chassis \
    "$(sbctl --bare --columns=chassis find Port_Binding logical_port=lp1)")" \
    "chassis of lp1"
check nbctl --wait=hv lsp-set-enabled lp2 disabled
inject hv1 vif1 "${sent[0]}"
expect_none hv2 vif2

e2e_log "hitless restart OK"
exit 0
