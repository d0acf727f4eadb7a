#!/bin/bash
# Port binding details, with Debian's ovn-northd writing the southbound DB:
#   - a container port (parent VIF + VLAN tag) is claimed with its parent's
#     chassis; its frames enter tagged and leave tagged;
#   - requested-chassis keeps a port from being claimed elsewhere, and it is
#     claimed as soon as its interface shows up on the requested chassis;
#   - a localport exists on every chassis and its traffic never crosses a
#     tunnel;
#   - settings changed at run time (encap IP, a bad encap type) take effect,
#     with a log line naming the bad setting.

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
mac3=50:54:00:00:00:03
macc=50:54:00:00:00:0c
macl=50:54:00:00:00:0d
check nbctl ls-add sw0 \
    -- lsp-add sw0 lp1 -- lsp-set-addresses lp1 "$mac1 10.0.0.1" \
    -- lsp-add sw0 lp2 -- lsp-set-addresses lp2 "$mac2 10.0.0.2" \
    -- lsp-add sw0 lp3 -- lsp-set-addresses lp3 "$mac3 10.0.0.3" \
    -- lsp-set-options lp3 requested-chassis=hv2 \
    -- lsp-add sw0 cont1 lp1 42 -- lsp-set-addresses cont1 "$macc 10.0.0.12" \
    -- lsp-add sw0 md -- lsp-set-type md localport \
    -- lsp-set-addresses md "$macl 10.0.0.13"
vif_add hv1 vif1 lp1
vif_add hv2 vif2 lp2
vif_add hv1 vif3 lp3
vif_add hv1 md1 md
vif_add hv2 md2 md
hv_start_controller hv1 ours
hv_start_controller hv2 ours
check nbctl --wait=hv --timeout=30 sync

chassis_of () {
    local c
    c=$(sbctl --bare --columns=chassis find Port_Binding logical_port="$1")
    [ -n "$c" ] && sbctl --bare --columns=name list Chassis "$c"
}
assert_eq hv1 "$(chassis_of lp1)" "chassis of lp1"
assert_eq hv1 "$(chassis_of cont1)" "chassis of the container port"
assert_eq "" "$(chassis_of lp3)" "chassis of lp3 (requested on hv2)"
assert_eq "" "$(chassis_of md)" "chassis of the localport"
wait_until '[ "$(nbctl get logical_switch_port cont1 up)" = true ]' \
    || fail "container port never came up"

sleep 1
for hv in hv1 hv2; do pcap_take "$(underlay_pcap $hv rx)" >/dev/null; done

assert_eq "Local bindings:
name: [lp1], OVS interface name : [vif1], num binding lports : [2]
primary lport : [lp1]
child lport[1] : [cont1], type : [CONTAINER]
----------------------------------------
name: [md], OVS interface name : [md1], num binding lports : [1]
localport lport : [md]
----------------------------------------" \
    "$(hv_appctl hv1 -t ovn-controller debug/dump-local-bindings)" \
    "hv1 local bindings"

# Container traffic: tagged 42 inside vif1, untagged on the logical switch.
f=$(pkt icmp4 eth.src=$macc eth.dst=$mac2 ip4.src=10.0.0.12 ip4.dst=10.0.0.2)
ft=$(pkt icmp4 eth.src=$macc eth.dst=$mac2 ip4.src=10.0.0.12 \
     ip4.dst=10.0.0.2 vlan=42)
inject hv1 vif1 "$ft"
expect_packets hv2 vif2 "$f"
f=$(pkt icmp4 eth.src=$mac2 eth.dst=$macc ip4.src=10.0.0.2 ip4.dst=10.0.0.12)
ft=$(pkt icmp4 eth.src=$mac2 eth.dst=$macc ip4.src=10.0.0.2 \
     ip4.dst=10.0.0.12 vlan=42)
inject hv2 vif2 "$f"
expect_packets hv1 vif1 "$ft"
# The same frame untagged belongs to lp1, which the destination is not.
f=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.1 ip4.dst=10.0.0.2)
inject hv1 vif1 "$f"
expect_packets hv2 vif2 "$f"

# Localport: a broadcast from md1 reaches local ports only (lp1 and, tagged,
# its container), never a tunnel.
for hv in hv1 hv2; do pcap_take "$(underlay_pcap $hv rx)" >/dev/null; done
arp=$(pkt arp eth.src=$macl arp.op=1 arp.sha=$macl arp.spa=10.0.0.13 \
      arp.tpa=10.0.0.99)
arpt=$(pkt arp eth.src=$macl arp.op=1 arp.sha=$macl arp.spa=10.0.0.13 \
       arp.tpa=10.0.0.99 vlan=42)
inject hv1 md1 "$arp"
expect_packets hv1 vif1 "$arp" "$arpt"      # lp1, and cont1 inside it
expect_none hv2 vif2 md2
pcap_none "$(underlay_pcap hv1 rx)"

# requested-chassis: lp3 moves to hv2 and is claimed there.
check hv_vsctl hv1 del-port br-int vif3
vif_add hv2 vif3 lp3
wait_until '[ "$(chassis_of lp3)" = hv2 ]' || fail "lp3 not claimed on hv2"
wait_until '[ "$(nbctl get logical_switch_port lp3 up)" = true ]' \
    || fail "lp3 never came up"

# A new encap IP for hv2 is published and hv1's tunnel follows.
check hv_vsctl hv2 set Open_vSwitch . external_ids:ovn-encap-ip=172.31.0.22
wait_until '[ "$(sbctl --bare --columns=ip find Encap chassis_name=hv2)" = 172.31.0.22 ]' \
    || fail "hv2 encap IP not updated"
wait_until '[ "$(hv_vsctl hv1 get Interface ovn-hv2-0 options:remote_ip)" = "\"172.31.0.22\"" ]' \
    || fail "hv1 tunnel to hv2 not updated"
check hv_vsctl hv2 set Open_vSwitch . external_ids:ovn-encap-ip=172.31.0.2

# A list of southbound remotes, the first of them dead, still works.
check hv_vsctl hv1 set Open_vSwitch . \
    external_ids:ovn-remote="\"unix:$E2E_DIR/nonexistent.sock,$E2E_SB_TCP\""
check nbctl --wait=hv --timeout=30 sync
wait_until '[ "$(hv_appctl hv1 -t ovn-controller connection-status)" = connected ]' \
    || fail "not connected through the remote list"

# An unknown encap type is logged by name and ignored.
check hv_vsctl hv1 set Open_vSwitch . external_ids:ovn-encap-type=bogus,geneve
wait_until grep -q 'ovn-encap-type: unknown encapsulation type "bogus"' \
    "$E2E_DIR/hv1/ovn-controller.log" || fail "no log line for bad encap"
assert_eq geneve "$(sbctl --bare --columns=type find Encap chassis_name=hv1)" \
    "hv1 encap types"
check nbctl --wait=hv --timeout=30 sync
inject hv1 vif1 "$f"
expect_packets hv2 vif2 "$f"

e2e_log "container, requested-chassis, localport, runtime settings OK"
exit 0
