#!/bin/bash
# Real traffic through our ovn-controller (southbound written by Debian's
# ovn-northd 23.03, or ours with CONTROLLER_NORTHD=ours): namespace VMs on
# two namespace hypervisors (userspace datapath, Geneve over a Linux bridge
# underlay).  vm1 and vm2 share a switch; vm3 sits behind a logical router.
# Pings must cross: switched (TTL 64) and routed (TTL 63), and a 1400-byte
# ping must pass as well.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

netns_require
command -v ping >/dev/null || skip "no ping (iputils-ping)"
have_ours ovn-controller || skip "our ovn-controller is not built"
northd=${CONTROLLER_NORTHD:-debian}
[ "$northd" = ours ] && ! have_ours ovn-northd && skip "no ovn-northd"

central_start "$northd"
netns_hv_add hv1 172.31.0.1
netns_hv_add hv2 172.31.0.2

check nbctl ls-add sw0 \
    -- lsp-add sw0 vm1 -- lsp-set-addresses vm1 "50:54:00:00:00:01 192.168.0.2" \
    -- lsp-add sw0 vm2 -- lsp-set-addresses vm2 "50:54:00:00:00:02 192.168.0.3" \
    -- ls-add sw1 \
    -- lsp-add sw1 vm3 -- lsp-set-addresses vm3 "50:54:00:00:00:03 11.0.0.2" \
    -- lr-add lr0 \
    -- lrp-add lr0 lrp0 00:00:00:00:ff:01 192.168.0.1/24 \
    -- lsp-add sw0 lrp0-attachment \
    -- lsp-set-type lrp0-attachment router \
    -- lsp-set-addresses lrp0-attachment 00:00:00:00:ff:01 \
    -- lsp-set-options lrp0-attachment router-port=lrp0 \
    -- lrp-add lr0 lrp1 00:00:00:00:ff:02 11.0.0.1/24 \
    -- lsp-add sw1 lrp1-attachment \
    -- lsp-set-type lrp1-attachment router \
    -- lsp-set-addresses lrp1-attachment 00:00:00:00:ff:02 \
    -- lsp-set-options lrp1-attachment router-port=lrp1

netns_vm_add hv1 vm1 vm1 50:54:00:00:00:01 192.168.0.2/24 192.168.0.1
netns_vm_add hv2 vm2 vm2 50:54:00:00:00:02 192.168.0.3/24 192.168.0.1
netns_vm_add hv2 vm3 vm3 50:54:00:00:00:03 11.0.0.2/24 11.0.0.1
# vm4's port has only "unknown" addresses: the router learns nothing about
# it from the northbound database; a MAC_Binding row (written below, as
# pinctrl would) must be turned into flows for routing to reach it.
check nbctl lsp-add sw1 vm4 -- lsp-set-addresses vm4 unknown
netns_vm_add hv1 vm4 vm4 50:54:00:00:00:04 11.0.0.4/24 11.0.0.1
hv_start_controller hv1 ours
hv_start_controller hv2 ours
check nbctl --wait=hv --timeout=30 sync
for lp in vm1 vm2 vm3 vm4; do
    wait_until '[ "$(nbctl get logical_switch_port '$lp' up)" = true ]' \
        || fail "$lp never came up"
done

out=$(vm_ping vm1 192.168.0.3 3) || fail "ping vm1 -> vm2 failed:
$out"
echo "$out" | grep -q '^3 packets transmitted, 3 received' \
    || fail "switched ping lost packets:
$out"
echo "$out" | grep -q 'icmp_seq=1 ttl=64' || fail "switched reply TTL:
$out"

out=$(vm_ping vm1 11.0.0.2 3) || fail "ping vm1 -> vm3 failed:
$out"
echo "$out" | grep -q '^3 packets transmitted, 3 received' \
    || fail "routed ping lost packets:
$out"
echo "$out" | grep -q 'icmp_seq=1 ttl=63' || fail "reply not routed:
$out"

out=$(vm_exec vm3 ping -n -c 1 -W 2 -M do -s 1372 192.168.0.2) \
    || fail "1400-byte ping vm3 -> vm1 failed:
$out"

# Routed to vm4 through the MAC_Binding table.
dp=$(sbctl --bare --columns=datapath find Port_Binding logical_port=lrp1)
check sbctl create MAC_Binding logical_port=lrp1 datapath="$dp" \
    ip=11.0.0.4 mac='"50:54:00:00:00:04"' >/dev/null
out=$(vm_ping vm1 11.0.0.4 3) || fail "ping vm1 -> vm4 failed:
$out"
echo "$out" | grep -q 'icmp_seq=1 ttl=63' || fail "vm4 reply not routed:
$out"

# The router's own address answers (ARP responder and ICMP echo reply).
out=$(vm_ping vm2 192.168.0.1 1) || fail "ping vm2 -> router failed:
$out"

e2e_log "real traffic through our ovn-controller ($northd northd) OK"
exit 0
