#!/bin/bash
# IPv6 through our logical router with real ping in namespaces, everything
# ours: seed 004's topology with IPv6 networks added (fd00::/64 on sw0,
# fd11::/64 on sw1).  The VMs resolve the router with neighbour
# solicitations (answered by our controller's nd_na_router), the router
# resolves the VMs statically, and ping -6 crosses Geneve with the hop
# limit decremented once.

E2E_CTL=${E2E_CTL:-auto}
. "$(dirname "$0")/lib.sh"
netns_require
command -v ping >/dev/null || skip "no ping (iputils-ping)"
have_ours ovn-northd || skip "our ovn-northd is not built"
have_ours ovn-controller || skip "our ovn-controller is not built"

central_start ours
netns_hv_add hv1 172.31.6.1
netns_hv_add hv2 172.31.6.2

check nbctl ls-add sw0 \
    -- lsp-add sw0 sw0-port1 \
    -- lsp-set-addresses sw0-port1 "50:54:00:00:00:01 192.168.0.2 fd00::2" \
    -- ls-add sw1 \
    -- lsp-add sw1 sw1-port1 \
    -- lsp-set-addresses sw1-port1 "50:54:00:00:00:03 11.0.0.2 fd11::2" \
    -- lr-add lr0 \
    -- lrp-add lr0 lrp0 00:00:00:00:ff:01 192.168.0.1/24 fd00::1/64 \
    -- lsp-add sw0 lrp0-attachment \
    -- lsp-set-type lrp0-attachment router \
    -- lsp-set-addresses lrp0-attachment 00:00:00:00:ff:01 \
    -- lsp-set-options lrp0-attachment router-port=lrp0 \
    -- lrp-add lr0 lrp1 00:00:00:00:ff:02 11.0.0.1/24 fd11::1/64 \
    -- lsp-add sw1 lrp1-attachment \
    -- lsp-set-type lrp1-attachment router \
    -- lsp-set-addresses lrp1-attachment 00:00:00:00:ff:02 \
    -- lsp-set-options lrp1-attachment router-port=lrp1

netns_vm_add hv1 vm1 sw0-port1 50:54:00:00:00:01 192.168.0.2/24 192.168.0.1
netns_vm_add hv2 vm2 sw1-port1 50:54:00:00:00:03 11.0.0.2/24 11.0.0.1
for v in "vm1 fd00::2 fd00::1" "vm2 fd11::2 fd11::1"; do
    set -- $v
    check vm_exec "$1" ip -6 addr add "$2/64" dev eth0 nodad
    check vm_exec "$1" ip -6 route add default via "$3"
done
hv_start_controller hv1 ours
hv_start_controller hv2 ours
check nbctl --wait=hv --timeout=30 sync
wait_lsp_up sw0-port1 sw1-port1
wait_ovn_installed hv1 vm1
wait_ovn_installed hv2 vm2

out=$(vm_exec vm1 ping -6 -n -c 3 -i 0.2 -W 2 fd11::2) \
    || fail "ping -6 vm1 -> vm2 failed:
$out"
echo "$out" | grep -q '^3 packets transmitted, 3 received' \
    || fail "ping -6 lost packets:
$out"
echo "$out" | grep -q 'icmp_seq=1 ttl=63' || fail "reply not routed once:
$out"
out=$(vm_exec vm2 ping -6 -n -c 2 -i 0.2 -W 2 fd11::1) \
    || fail "ping -6 to the router failed:
$out"
echo "$out" | grep -q '^2 packets transmitted, 2 received' \
    || fail "router did not answer ping -6:
$out"
out=$(vm_exec vm1 ping -n -c 2 -i 0.2 -W 2 11.0.0.2) \
    || fail "IPv4 next to IPv6 failed:
$out"

e2e_log "IPv6 through lr0 with real ping (ours)"
exit 0
