#!/bin/bash
# ovn-northd high availability and robustness:
#   - two instances on the same databases: exactly one is active (SB lock),
#     "status" says active/standby/paused, "pause" hands over, "is-paused",
#     "resume", "exit" makes the standby take over;
#   - either database server restarting: northd reconnects and resumes,
#     without losing or duplicating rows (the SB then equals what a full
#     recompute produces, with one row per switch and port).

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"
have_ours ovn-northd || skip "our ovn-northd is not built"

central_start ours
c=$E2E_DIR/central
bin=$(our_bin ovn-northd)
OVN_RUNDIR=$c e2e_daemon "$c/northd2.pid" "$bin" --detach --no-chdir \
    --pidfile="$c/northd2.pid" --log-file="$c/northd2.log" \
    --unixctl="$c/northd2.ctl" -vconsole:off \
    --ovnnb-db="$OVN_NB_DB" --ovnsb-db="$OVN_SB_DB"

n1() { ovs-appctl -t "$c/ovn-northd.ctl" "$@"; }
n2() { ovs-appctl -t "$c/northd2.ctl" "$@"; }
statuses() { echo "$(n1 status | sed 's/Status: //') $(n2 status | sed 's/Status: //')"; }

wait_eval '[ "$(statuses)" = "active standby" ] || [ "$(statuses)" = "standby active" ]' \
    || fail "expected one active and one standby northd, got: $(statuses)"
if [ "$(statuses)" = "active standby" ]; then
    act=n1 sby=n2 act_pid=$c/ovn-northd.pid
else
    act=n2 sby=n1 act_pid=$c/northd2.pid
fi
e2e_log "statuses: $(statuses)"

# swx and p0 exist first, so that sw0 and p1 do not get key 1: a new
# active instance that did not keep the keys would hand out 1 again.
check nbctl --wait=sb ls-add swx
check nbctl --wait=sb ls-add sw0 -- lsp-add sw0 p0
check nbctl ls-del swx -- lsp-del p0 -- lsp-add sw0 p1 \
    -- lsp-set-addresses p1 "50:54:00:00:00:01 10.0.0.1"
check nbctl --wait=sb sync
assert_eq "2
2" "$(sbctl --bare --columns=tunnel_key find datapath_binding external_ids:name=sw0
      sbctl --bare --columns=tunnel_key find port_binding logical_port=p1)" \
    "tunnel keys of sw0 and p1"
assert_eq 1 "$(sbctl --bare --columns=_uuid find port_binding logical_port=p1 | grep -c .)" \
    "Port_Binding rows for p1"

keys() {
    sbctl --bare --columns=tunnel_key find datapath_binding external_ids:name=sw0
    sbctl --bare --columns=tunnel_key find port_binding logical_port=p1
}
keys_before=$(keys)

# Pause the active one: the other takes over and does the work.
check $act pause
assert_eq true "$($act is-paused)" "is-paused after pause"
assert_eq false "$($sby is-paused)" "is-paused of the other"
wait_eval '[ "$($sby status)" = "Status: active" ]' \
    || fail "standby did not take over: $(statuses)"
assert_eq "Status: paused" "$($act status)" "paused instance status"
check nbctl --wait=sb lsp-add sw0 p2 \
    -- lsp-set-addresses p2 "50:54:00:00:00:02 10.0.0.2"
assert_eq 1 "$(sbctl --bare --columns=_uuid find port_binding logical_port=p2 | grep -c .)" \
    "Port_Binding rows for p2 (written by the new active instance)"

# Resume: it stays standby while the other holds the lock.
check $act resume
assert_eq false "$($act is-paused)" "is-paused after resume"
wait_eval '[ "$($act status)" = "Status: standby" ]' \
    || fail "resumed instance should be standby: $(statuses)"

# "exit" on the active one: the standby takes over.
check $sby exit
if [ $sby = n1 ]; then
    echo "$c/ovn-northd.pid" >> "$E2E_DIR/stopped"
else
    echo "$c/northd2.pid" >> "$E2E_DIR/stopped"
fi
wait_eval '[ "$($act status)" = "Status: active" ]' \
    || fail "standby did not take over after exit"
assert_eq "$keys_before" "$(keys)" "tunnel keys after two takeovers"
check nbctl --wait=sb lsp-add sw0 p3 \
    -- lsp-set-addresses p3 "50:54:00:00:00:03 10.0.0.3"
assert_eq 1 "$(sbctl --bare --columns=_uuid find port_binding logical_port=p3 | grep -c .)" \
    "Port_Binding rows for p3"

# --dry-run starts paused and stays out of the way.
OVN_RUNDIR=$c e2e_daemon "$c/northd3.pid" "$bin" --detach --no-chdir \
    --pidfile="$c/northd3.pid" --log-file="$c/northd3.log" \
    --unixctl="$c/northd3.ctl" -vconsole:off --dry-run \
    --ovnnb-db="$OVN_NB_DB" --ovnsb-db="$OVN_SB_DB"
assert_eq true "$(ovs-appctl -t "$c/northd3.ctl" is-paused)" "--dry-run paused"
assert_eq "Status: paused" "$(ovs-appctl -t "$c/northd3.ctl" status)" \
    "--dry-run status"
check ovs-appctl -t "$c/northd3.ctl" exit
echo "$c/northd3.pid" >> "$E2E_DIR/stopped"

# Restarts a database server on the same file and socket.
restart_db() {
    local name=$1
    e2e_kill_pidfile "$c/ovsdb-$name.pid"
    sleep 0.5
    e2e_daemon "$c/ovsdb-$name.pid" ovsdb-server --detach --no-chdir \
        --pidfile="$c/ovsdb-$name.pid" --log-file="$c/ovsdb-$name.log" \
        --unixctl="$c/ovsdb-$name.ctl" -vconsole:off \
        --remote="punix:$c/$name.sock" "$c/$name.db"
}

snapshot() {
    local t
    for t in Datapath_Binding Port_Binding Multicast_Group Logical_Flow; do
        ovsdb-client dump "$OVN_SB_DB" OVN_Southbound "$t" | \
            grep -v "^_uuid\|^-\|^$" | \
            sed 's/[0-9a-f]\{8\}-[0-9a-f-]\{27\}/U/g' | sort
    done
}

restart_db sb
# Changes made while northd reconnects are applied once it is back.
check nbctl lsp-add sw0 p4 -- lsp-set-addresses p4 "50:54:00:00:00:04 10.0.0.4"
check nbctl --wait=sb sync
restart_db nb
sleep 0.5
check nbctl --wait=sb lsp-del p1
check nbctl --wait=sb ls-add sw1 -- lsp-add sw1 q1

for p in p2 p3 p4 q1; do
    assert_eq 1 "$(sbctl --bare --columns=_uuid find port_binding logical_port=$p | grep -c .)" \
        "Port_Binding rows for $p after restarts"
done
assert_eq "" "$(sbctl --bare --columns=_uuid find port_binding logical_port=p1)" \
    "Port_Binding of deleted p1"
assert_eq 2 "$(sbctl --bare --columns=_uuid list datapath_binding | grep -c .)" \
    "Datapath_Binding rows"

# Rows that northd owns, deleted behind its back, come back.
n_l2=$(sbctl --bare --columns=_uuid find logical_flow table_id=25 priority=50 | grep -c .)
lf=$(sbctl --bare --columns=_uuid find logical_flow table_id=25 priority=50 | head -1)
[ -n "$lf" ] || fail "no L2 lookup flow"
check sbctl destroy logical_flow "$lf"
check sbctl destroy port_binding "$(sbctl --bare --columns=_uuid find port_binding logical_port=p4)"
check nbctl --wait=sb sync
assert_eq 1 "$(sbctl --bare --columns=_uuid find port_binding logical_port=p4 | grep -c .)" \
    "Port_Binding of p4 after it was deleted in the SB"
assert_eq "$n_l2" "$(sbctl --bare --columns=_uuid find logical_flow table_id=25 priority=50 | grep -c .)" \
    "L2 lookup flows after one was deleted in the SB"

before=$(snapshot)
[ "$(echo "$before" | wc -l)" -gt 100 ] || fail "SB snapshot too small"
check $act inc-engine/recompute
check nbctl --wait=sb sync
after=$(snapshot)
[ "$before" = "$after" ] || {
    diff <(echo "$before") <(echo "$after") | head -20
    fail "SB after restarts differs from a full recompute"
}
e2e_log "HA and restarts OK"
exit 0
