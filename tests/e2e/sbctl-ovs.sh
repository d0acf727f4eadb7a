#!/bin/bash
# sbctl-ovs: "ovn-sbctl lflow-list --ovs" shows, under each logical flow
# (and, with --vflows, under each port binding, MAC binding, multicast
# group and chassis), the OpenFlow flows of br-int whose cookie is the
# record's UUID prefix; --stats prints them in full.  Flows are installed
# by hand on a dummy hypervisor's br-int; Debian's ovn-sbctl, when
# installed, must print the same (durations and ages normalised).
. "$(dirname "$0")/lib.sh"

SBCTL=$(our_bin ovn-sbctl) || skip "our ovn-sbctl is not built"
central_start none
hv_add hv1 192.168.0.1
MGMT=unix:$E2E_DIR/hv1/br-int.mgmt
sb () { "$SBCTL" --db=$OVN_SB_DB "$@"; }

check sb --id=@dp create Datapath_Binding tunnel_key=1 external_ids:name=sw0 \
    -- create Logical_Flow logical_datapath=@dp pipeline=ingress table_id=0 \
       priority=100 'match="1"' 'actions="next;"' external_ids:stage-name=ls_in_x \
    -- create Logical_Flow logical_datapath=@dp pipeline=ingress table_id=1 \
       priority=50 'match="ip"' 'actions="drop;"' \
    -- create Port_Binding logical_port=p1 datapath=@dp tunnel_key=1 >/dev/null
U=$(sb --bare --columns=_uuid find Logical_Flow priority=100 | cut -c1-8)
P=$(sb --bare --columns=_uuid find Port_Binding logical_port=p1 | cut -c1-8)
check hv_ofctl hv1 add-flow br-int "table=8,priority=90,cookie=0x$U,metadata=0x1,ip,actions=drop"
check hv_ofctl hv1 add-flow br-int "table=8,priority=100,cookie=0x$U,metadata=0x1,actions=resubmit(,9)"
check hv_ofctl hv1 add-flow br-int "table=10,priority=90,cookie=0x$U,actions=drop"
check hv_ofctl hv1 add-flow br-int "table=0,priority=100,cookie=0x$P,in_port=1,actions=load:0x1->NXM_NX_REG14[],resubmit(,8)"
check hv_ofctl hv1 add-flow br-int "table=9,priority=1,cookie=0x12345678,actions=drop"

# OpenFlow flows come in the switch's dump order: compare lines 3-5 as a set.
DP=$(sb --bare --columns=_uuid list Datapath_Binding)
out=$(sb --ovs=$MGMT lflow-list)
assert_eq "Datapath: \"sw0\" ($DP)  Pipeline: ingress
  table=0 (ls_in_x            ), priority=100  , match=(1), action=(next;)" \
    "$(echo "$out" | sed -n 1,2p)" "lflow-list --ovs, lines 1-2"
assert_eq "    table=10 actions=drop
    table=8 ip,metadata=0x1 actions=drop
    table=8 metadata=0x1 actions=resubmit(,9)" \
    "$(echo "$out" | sed -n 3,5p | LC_ALL=C sort)" "lflow-list --ovs, OpenFlow flows"
assert_eq "  table=1 (                   ), priority=50   , match=(ip), action=(drop;)" \
    "$(echo "$out" | sed -n 6p)" "lflow-list --ovs, line 6"

out=$(sb --ovs=$MGMT --vflows lflow-list sw0 | sed -n '/^Port Bindings/,$p')
assert_eq "Port Bindings:
  logical_port=p1, tunnel_key=1    
    table=0 in_port=1 actions=set_field:0x1->reg14,resubmit(,8)" \
    "$out" "--vflows --ovs"

out=$(sb --ovs=$MGMT --stats lflow-list | grep 'priority=100,' \
      | sed 's/duration=[0-9.]*s/duration=X/; s/idle_age=[0-9]*/idle_age=X/')
assert_eq "    cookie=0x$(printf %x $((16#$U))), duration=X, table=8, n_packets=0, n_bytes=0, reset_counts idle_age=X, priority=100,metadata=0x1 actions=resubmit(,9)" \
    "$out" "--stats"

# Default remote: $OVS_RUNDIR/br-int.mgmt.
assert_eq "$(sb --ovs=$MGMT lflow-list)" \
    "$(OVS_RUNDIR=$E2E_DIR/hv1 "$SBCTL" --db=$OVN_SB_DB --ovs lflow-list)" \
    "default --ovs remote"

# An unreachable switch: a warning, then the logical flows alone.
out=$(sb --ovs=unix:$E2E_DIR/nonexistent lflow-list 2>&1 >/dev/null)
echo "$out" | grep -q "|sbctl|WARN|unix:$E2E_DIR/nonexistent: connection failed (No such file or directory)" \
    || fail "no connection warning: $out"
assert_eq 3 "$(sb --ovs=unix:$E2E_DIR/nonexistent lflow-list 2>/dev/null | wc -l)" \
    "logical flows without OpenFlow flows"

if [ -x /usr/bin/ovn-sbctl ]; then
    for args in "--ovs=$MGMT lflow-list" "--ovs=$MGMT --stats lflow-list" \
                "--ovs=$MGMT --vflows lflow-list" "--ovs=$MGMT --uuid dump-flows sw0"; do
        ours=$("$SBCTL" --db=$OVN_SB_DB $args 2>&1 \
               | sed 's/duration=[0-9.]*s/duration=X/; s/idle_age=[0-9]*/idle_age=X/')
        theirs=$(/usr/bin/ovn-sbctl --db=$OVN_SB_DB $args 2>&1 \
               | sed 's/duration=[0-9.]*s/duration=X/; s/idle_age=[0-9]*/idle_age=X/')
        assert_eq "$theirs" "$ours" "ours vs Debian's: $args"
    done
fi
exit 0
