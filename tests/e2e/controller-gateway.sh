#!/bin/bash
# Gateway routers and distributed gateway ports with real traffic (Debian's
# ovn-northd 23.03 writing the southbound database, our ovn-controller):
#   - lr0 is a gateway router pinned to hv2 (l3gateway ports): traffic from
#     vm1 on hv1 is tunneled to hv2 to be routed there, and SNAT (conntrack
#     zones of the router datapath) rewrites its source;
#   - lr1 has a distributed gateway port on hv2 (a chassisredirect port,
#     claimed by hv2 only) towards sw3.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

netns_require
command -v ping >/dev/null || skip "no ping (iputils-ping)"
command -v tcpdump >/dev/null || skip "no tcpdump"
have_ours ovn-controller || skip "our ovn-controller is not built"
northd=${CONTROLLER_NORTHD:-debian}
[ "$northd" = ours ] && ! have_ours ovn-northd && skip "no ovn-northd"

central_start "$northd"
netns_hv_add hv1 172.31.0.1
netns_hv_add hv2 172.31.0.2

router_port () {    # ROUTER SWITCH LRP MAC NET
    check nbctl lrp-add "$1" "$3" "$4" "$5" \
        -- lsp-add "$2" "$3-att" -- lsp-set-type "$3-att" router \
        -- lsp-set-addresses "$3-att" router \
        -- lsp-set-options "$3-att" router-port="$3"
}
check nbctl ls-add sw0 -- ls-add sw1 -- ls-add sw2 -- ls-add sw3 \
    -- lsp-add sw0 vm1 -- lsp-set-addresses vm1 "50:54:00:00:00:01 192.168.0.2" \
    -- lsp-add sw1 vm3 -- lsp-set-addresses vm3 "50:54:00:00:00:03 11.0.0.2" \
    -- lsp-add sw2 vm5 -- lsp-set-addresses vm5 "50:54:00:00:00:05 192.168.2.2" \
    -- lsp-add sw3 vm6 -- lsp-set-addresses vm6 "50:54:00:00:00:06 13.0.0.2" \
    -- lr-add lr0 -- set Logical_Router lr0 options:chassis=hv2 \
    -- lr-add lr1
router_port lr0 sw0 lr0-sw0 00:00:00:00:ff:01 192.168.0.1/24
router_port lr0 sw1 lr0-sw1 00:00:00:00:ff:02 11.0.0.1/24
check nbctl lr-nat-add lr0 snat 11.0.0.100 192.168.0.0/24
router_port lr1 sw2 lr1-sw2 00:00:00:00:ff:05 192.168.2.1/24
router_port lr1 sw3 lr1-sw3 00:00:00:00:ff:06 13.0.0.1/24
check nbctl lrp-set-gateway-chassis lr1-sw3 hv2 20

netns_vm_add hv1 vm1 vm1 50:54:00:00:00:01 192.168.0.2/24 192.168.0.1
netns_vm_add hv2 vm3 vm3 50:54:00:00:00:03 11.0.0.2/24 11.0.0.1
netns_vm_add hv1 vm5 vm5 50:54:00:00:00:05 192.168.2.2/24 192.168.2.1
netns_vm_add hv2 vm6 vm6 50:54:00:00:00:06 13.0.0.2/24 13.0.0.1
hv_start_controller hv1 ours
hv_start_controller hv2 ours
check nbctl --wait=hv --timeout=30 sync
for lp in vm1 vm3 vm5 vm6; do
    wait_until '[ "$(nbctl get logical_switch_port '$lp' up)" = true ]' \
        || fail "$lp never came up"
done

# The gateway router's ports and the chassisredirect port live on hv2.
for p in lr0-sw0 cr-lr1-sw3; do
    c=$(sbctl --bare --columns=chassis find Port_Binding logical_port=$p)
    assert_eq hv2 "$(sbctl --bare --columns=name list Chassis "$c")" \
        "chassis of $p"
done

capture_start vm3 "$(netns_ns vm3)" eth0 icmp
out=$(vm_ping vm1 11.0.0.2 3) || fail "ping through the gateway router:
$out"
echo "$out" | grep -q 'icmp_seq=1 ttl=63' || fail "not routed: $out"
capture_stop vm3
srcs=$(tcpdump -n -r "$E2E_DIR/vm3.pcap" 'icmp[icmptype] == 8' 2>/dev/null \
       | sed -n 's/.*IP \([0-9.]*\) > .*/\1/p' | sort -u)
assert_eq 11.0.0.100 "$srcs" "source address seen by vm3 (SNAT)"

out=$(vm_ping vm5 13.0.0.2 3) || fail "ping through the gateway port:
$out"
echo "$out" | grep -q 'icmp_seq=1 ttl=63' || fail "not routed: $out"

e2e_log "gateway router (SNAT) and distributed gateway port OK"
exit 0
