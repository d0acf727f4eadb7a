#!/bin/bash
# Seed 004's topology with real traffic: two logical switches joined by a
# logical router, one VM namespace on each of two namespace hypervisors.
# Runs Debian's ovn-northd/ovn-controller over databases created from OUR
# schemas (E2E_OVN=ours runs our northd and controller instead): real ping
# must be routed (TTL 63) and cross the underlay as Geneve in sw1's VNI.

flavour=${E2E_OVN:-debian}
[ "$flavour" = debian ] && E2E_CTL=${E2E_CTL:-debian}
. "$(dirname "$0")/lib.sh"

netns_require
command -v ping >/dev/null || skip "no ping (iputils-ping)"

central_start "$flavour"
netns_hv_add hv1 172.31.0.1
netns_hv_add hv2 172.31.0.2

check nbctl ls-add sw0 \
    -- lsp-add sw0 sw0-port1 \
    -- lsp-set-addresses sw0-port1 "50:54:00:00:00:01 192.168.0.2" \
    -- ls-add sw1 \
    -- lsp-add sw1 sw1-port1 \
    -- lsp-set-addresses sw1-port1 "50:54:00:00:00:03 11.0.0.2" \
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

netns_vm_add hv1 vm1 sw0-port1 50:54:00:00:00:01 192.168.0.2/24 192.168.0.1
netns_vm_add hv2 vm2 sw1-port1 50:54:00:00:00:03 11.0.0.2/24 11.0.0.1
hv_start_controller hv1 "$flavour"
hv_start_controller hv2 "$flavour"
check nbctl --wait=hv --timeout=30 sync
wait_lsp_up sw0-port1 sw1-port1
wait_ovn_installed hv1 vm1
wait_ovn_installed hv2 vm2

underlay_capture_start hv1
out=$(vm_ping vm1 11.0.0.2 3) || fail "ping vm1 -> vm2 failed:
$out"
echo "$out" | grep -q '^3 packets transmitted, 3 received' \
    || fail "ping lost packets:
$out"
echo "$out" | grep -q 'icmp_seq=1 ttl=63' || fail "reply not routed:
$out"
out=$(vm_exec vm2 ping -n -c 1 -W 2 -M do -s 1372 192.168.0.2) \
    || fail "1400-byte ping vm2 -> vm1 failed:
$out"
capture_stop ul-hv1

sw1_key=$(sbctl --bare --columns=tunnel_key find datapath_binding \
          external_ids:name=sw1)
vm2_key=$(sbctl --bare --columns=tunnel_key find port_binding \
          logical_port=sw1-port1)
[ -n "$sw1_key" ] && [ -n "$vm2_key" ] || fail "no tunnel keys in SB"
reqs=$(pkt pcap-geneve "$E2E_DIR/ul-hv1.pcap" describe=1 \
       | grep -F "ip4 192.168.0.2>11.0.0.2 ttl=63 icmp4 type=8 code=0 len=64")
assert_eq 3 "$(echo "$reqs" | grep -c .)" "routed echo requests on the underlay"
assert_eq 3 "$(echo "$reqs" | grep -cF "$(printf 'ip4.src=172.31.0.1 ip4.dst=172.31.0.2 vni=0x%06x class=0x0102 type=0x80 ingress=' "$sw1_key")")" \
    "echo requests in sw1's VNI"
assert_eq 3 "$(echo "$reqs" | grep -cF "$(printf 'egress=%d inner: 00:00:00:00:ff:02>50:54:00:00:00:03 ' "$vm2_key")")" \
    "echo requests to sw1-port1 from the router's MAC"

e2e_log "seed 004 topology: routed ping across Geneve OK ($flavour)"
exit 0
