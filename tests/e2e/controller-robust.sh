#!/bin/bash
# Bad input never stops ovn-controller: malformed southbound rows and bad
# local settings are logged (naming the row or setting) and skipped, and
# everything valid keeps working.  Also exercises the unixctl commands.

. "$(dirname "$0")/lib.sh"
have_ours ovn-controller || skip "our ovn-controller is not built"

central_start none
hv_add hv1 172.31.0.1
vif_add hv1 vif1 lp1
vif_add hv1 vif2 lp2
check hv_vsctl hv1 set Open_vSwitch . \
    external_ids:ovn-bridge-mappings="junk,physnet1:br-nope,ok:br-phys"
hv_start_controller hv1 ours
check sbctl init

dp=$(sbctl create Datapath_Binding tunnel_key=1 external_ids:name=sw0)
p1=$(sbctl create Port_Binding logical_port=lp1 datapath="$dp" tunnel_key=1 \
     'port_security="not-a-mac 1.2.3.4"')
p2=$(sbctl create Port_Binding logical_port=lp2 datapath="$dp" tunnel_key=2)
sbctl create Port_Binding logical_port=badpatch datapath="$dp" \
    tunnel_key=3 type=patch >/dev/null
sbctl create Port_Binding logical_port=cont datapath="$dp" tunnel_key=4 \
    parent_port=nosuchparent tag=5 >/dev/null
sbctl create Port_Binding logical_port=ln datapath="$dp" tunnel_key=5 \
    type=localnet options:network_name=physnet1 >/dev/null
sbctl create Multicast_Group datapath="$dp" name=_MC_flood tunnel_key=32768 \
    ports="[$p1,$p2]" >/dev/null
check sbctl -- --id=@e create Encap type=stt ip=10.9.9.9 chassis_name=stt1 \
    -- create Chassis name=stt1 encaps=@e >/dev/null
check sbctl -- --id=@e create Encap type=geneve ip=not-an-ip \
    chassis_name=weird -- create Chassis name=weird encaps=@e >/dev/null
sbctl create MAC_Binding logical_port=lp1 datapath="$dp" ip=bogus \
    mac='"zz:zz"' >/dev/null
bad=$(sbctl create Logical_Flow logical_datapath="$dp" pipeline=ingress \
      table_id=0 priority=100 match='"eth.src == ((("' actions='"next;"')
sbctl create Logical_Flow logical_datapath="$dp" pipeline=ingress \
    table_id=1 priority=100 match='"1"' actions='"frobnicate;"' >/dev/null
sbctl create Logical_Flow logical_datapath="$dp" pipeline=egress \
    table_id=0 priority=10 match='"inport == \"nosuchport\""' \
    actions='"next;"' >/dev/null
# One good logical flow: unicast to lp2 by destination MAC, then output.
sbctl create Logical_Flow logical_datapath="$dp" pipeline=ingress \
    table_id=0 priority=50 match='"eth.dst == 50:54:00:00:00:02"' \
    actions='"outport = \"lp2\"; output;"' >/dev/null
sbctl create Logical_Flow logical_datapath="$dp" pipeline=egress \
    table_id=0 priority=50 match='"1"' actions='"output;"' >/dev/null

for p in lp1 lp2; do
    wait_until '[ "$(sbctl --bare --columns=up find Port_Binding logical_port='$p')" = true ]' \
        || fail "$p never came up"
done
log=$E2E_DIR/hv1/ovn-controller.log
wait_until grep -q "logical flow $bad .*not translated" "$log" \
    || fail "bad logical flow not logged with its UUID"
grep -q 'ovn-bridge-mappings: bad mapping "junk"' "$log" \
    || fail "bad bridge mapping not logged"
grep -q 'bridge "br-nope" for network "physnet1" does not exist' "$log" \
    || fail "missing bridge not logged"
grep -q 'lp1: bad port_security "not-a-mac 1.2.3.4" ignored' "$log" \
    || fail "bad port_security not logged"
[ "$(grep -c "logical flow $bad" "$log")" = 1 ] \
    || fail "bad logical flow logged more than once"
wait_until 'hv_appctl hv1 -t ovn-controller coverage/show \
           | grep -q "^ovn_lflow_compile_error .*total: [1-9]"' \
    || fail "no coverage counter for untranslated flows:
$(hv_appctl hv1 -t ovn-controller coverage/show)"

# stt1 (a type hv1 does not use) gets no tunnel.
assert_eq "ovn-weird-0" "$(hv_vsctl hv1 --bare --columns=name find Interface \
    type=geneve | sed '/^$/d' | paste -sd' ')" "tunnel ports"

# Still working: a frame from lp1 reaches lp2.
f=$(pkt icmp4 eth.src=50:54:00:00:00:01 eth.dst=50:54:00:00:00:02 \
    ip4.src=10.0.0.1 ip4.dst=10.0.0.2)
inject hv1 vif1 "$f"
expect_packets hv1 vif2 "$f"

# unixctl.
assert_eq connected "$(hv_appctl hv1 -t ovn-controller connection-status)" \
    "connection-status"
assert_eq "Local bindings:
name: [lp1], OVS interface name : [vif1], num binding lports : [1]
primary lport : [lp1]
----------------------------------------
name: [lp2], OVS interface name : [vif2], num binding lports : [1]
primary lport : [lp2]
----------------------------------------" \
    "$(hv_appctl hv1 -t ovn-controller debug/dump-local-bindings)" \
    "debug/dump-local-bindings"
assert_eq "ovn-controller 23.03.1" \
    "$(hv_appctl hv1 -t ovn-controller version | head -1)" "version"
assert_eq "" "$(hv_appctl hv1 -t ovn-controller group-table-list)" \
    "group-table-list"
hv_appctl hv1 -t ovn-controller inc-engine/show-stats logical_flow_output \
    recompute | grep -q '^- recompute: *[1-9]' \
    || fail "no recompute counted"
assert_eq "delay nb_cfg report for 1 seconds." \
    "$(hv_appctl hv1 -t ovn-controller debug/delay-nb-cfg-report 1)" \
    "delay-nb-cfg-report"
assert_eq "no delay for nb_cfg report." \
    "$(hv_appctl hv1 -t ovn-controller debug/delay-nb-cfg-report 0)" \
    "delay-nb-cfg-report 0"
hv_vsctl hv1 get Interface vif1 external_ids:ovn-installed-ts | grep -q '^"[0-9]*"$' \
    || fail "no ovn-installed-ts"
hv_vsctl hv1 get Bridge br-int external_ids:ovn-startup-ts | grep -q '^"[0-9]*"$' \
    || fail "no ovn-startup-ts"
check hv_appctl hv1 -t ovn-controller recompute
check sbctl destroy Logical_Flow "$bad"
inject hv1 vif1 "$f"
expect_packets hv1 vif2 "$f"

# Losing the southbound database keeps the flows; coming back resumes.
central_appctl ovsdb-sb exit >/dev/null 2>&1
wait_until '[ "$(hv_appctl hv1 -t ovn-controller connection-status)" = "not connected" ]' \
    || fail "connection-status after SB loss"
inject hv1 vif1 "$f"
expect_packets hv1 vif2 "$f"
pidof_ctl=$(cat "$E2E_DIR/hv1/ovn-controller.pid")
[ -e "/proc/$pidof_ctl" ] || fail "controller died"

e2e_log "bad input handled"
exit 0
