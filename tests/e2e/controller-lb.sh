#!/bin/bash
# Load balancing through OpenFlow groups (Debian's ovn-northd 23.03 writes
# the southbound database, our ovn-controller installs the flows and the
# select groups the ct_lb()/ct_lb_mark() actions need): a UDP client in vm1
# (hv1) talks to a VIP behind the switch's router; the backends, vm2 and
# vm3 on hv2, answer; the client sees the replies come from the VIP.
# Removing the load balancer removes its groups.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

netns_require
have_ours ovn-controller || skip "our ovn-controller is not built"
northd=${CONTROLLER_NORTHD:-debian}
[ "$northd" = ours ] && ! have_ours ovn-northd && skip "no ovn-northd"

central_start "$northd"
netns_hv_add hv1 172.31.0.1
netns_hv_add hv2 172.31.0.2
check nbctl ls-add sw0 \
    -- lsp-add sw0 vm1 -- lsp-set-addresses vm1 "50:54:00:00:00:01 192.168.0.2" \
    -- lsp-add sw0 vm2 -- lsp-set-addresses vm2 "50:54:00:00:00:02 192.168.0.3" \
    -- lsp-add sw0 vm3 -- lsp-set-addresses vm3 "50:54:00:00:00:03 192.168.0.4" \
    -- lr-add lr0 -- lrp-add lr0 lrp0 00:00:00:00:ff:01 192.168.0.1/24 \
    -- lsp-add sw0 lrp0-att -- lsp-set-type lrp0-att router \
    -- lsp-set-addresses lrp0-att router \
    -- lsp-set-options lrp0-att router-port=lrp0
netns_vm_add hv1 vm1 vm1 50:54:00:00:00:01 192.168.0.2/24 192.168.0.1
netns_vm_add hv2 vm2 vm2 50:54:00:00:00:02 192.168.0.3/24 192.168.0.1
netns_vm_add hv2 vm3 vm3 50:54:00:00:00:03 192.168.0.4/24 192.168.0.1
hv_start_controller hv1 ours
hv_start_controller hv2 ours
check nbctl lb-add lb0 10.10.10.10:5000 192.168.0.3:6000,192.168.0.4:6000 udp \
    -- ls-lb-add sw0 lb0
check nbctl --wait=hv --timeout=30 sync
for lp in vm1 vm2 vm3; do
    wait_until '[ "$(nbctl get logical_switch_port '$lp' up)" = true ]' \
        || fail "$lp never came up"
done

# A select group with the two backends exists on hv1.
wait_until '[ "$(hv_ofctl hv1 -O OpenFlow15 dump-groups br-int | grep -c type=select)" -ge 1 ]' \
    || fail "no select group on hv1:
$(hv_ofctl hv1 -O OpenFlow15 dump-groups br-int)"

assert_eq 1 "$(hv_appctl hv1 -t ovn-controller group-table-list \
    | grep -c '^type=select,.*192.168.0.3:6000.*192.168.0.4:6000.*: [0-9]*$')" \
    "group-table-list"

# UDP echo servers on the backends, answering with their own name.  All
# sockets send without UDP checksum (SO_NO_CHECK): through a veth the kernel
# leaves checksums to offload, which the userspace datapath's conntrack
# would judge invalid.
for vm in vm2 vm3; do
    vm_exec $vm /usr/bin/python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, 11, 1)
s.bind(("0.0.0.0", 6000))
while True:
    data, addr = s.recvfrom(2048)
    s.sendto(sys.argv[1].encode() + b":" + data, addr)
' $vm >/dev/null 2>&1 &
    E2E_CHILDREN="${E2E_CHILDREN:-} $!"
done
sleep 0.5

# query N [VM]: sends N datagrams from distinct source ports to the VIP
# (from VM, default vm1) and prints "<source of reply> <reply>" for each.
query () {
    vm_exec "${2:-vm1}" /usr/bin/python3 -c '
import socket, sys
for i in range(int(sys.argv[1])):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, 11, 1)
    s.settimeout(2)
    s.sendto(b"q%d" % i, ("10.10.10.10", 5000))
    try:
        data, addr = s.recvfrom(2048)
        print("%s:%d %s" % (addr[0], addr[1], data.decode()))
    except socket.timeout:
        print("timeout")
' "$1"
}
out=$(query 16)
echo "$out" | grep -q timeout && fail "load-balanced queries timed out:
$out"
[ "$(echo "$out" | grep -c '^10.10.10.10:5000 vm[23]:q')" = 16 ] \
    || fail "replies not from the VIP:
$out"
echo "$out" | grep -q ' vm2:' || fail "vm2 never chosen:
$out"
echo "$out" | grep -q ' vm3:' || fail "vm3 never chosen:
$out"

# Hairpin: backend vm2 queries the VIP; when it is chosen itself, the
# request must still appear to come from the VIP and the reply go back.
out=$(query 16 vm2)
echo "$out" | grep -q timeout && fail "hairpin queries timed out:
$out"
[ "$(echo "$out" | grep -c '^10.10.10.10:5000 vm[23]:q')" = 16 ] \
    || fail "hairpin replies not from the VIP:
$out"
echo "$out" | grep -q ' vm2:' || fail "vm2 never chose itself:
$out"
[ "$(hv_ofctl hv2 dump-flows br-int table=68 | grep -c learn)" = 2 ] \
    || fail "hairpin flows on hv2:
$(hv_ofctl hv2 dump-flows br-int table=68)"

check nbctl --wait=hv ls-lb-del sw0 lb0
wait_until '[ "$(hv_ofctl hv1 -O OpenFlow15 dump-groups br-int | grep -c type=select)" = 0 ]' \
    || fail "select group left behind on hv1"

e2e_log "load balancing through groups OK"
exit 0
