#!/bin/bash
# sbctl-daemon: ovn-sbctl's daemon mode (--detach, OVN_SB_DAEMON, -u, exit):
# answers must equal those of direct invocations.  Every client invocation
# carries --timeout, so a daemon that never answers fails the test instead of
# hanging it.
. "$(dirname "$0")/lib.sh"

SBCTL=$(our_bin ovn-sbctl) || skip "our ovn-sbctl is not built"
T=--timeout=30
dir=$E2E_DIR/sb
mkdir -p "$dir"
e2e_start_ovsdb "$dir" sb "$E2E_SCHEMA_DIR/ovn-sb.ovsschema" >/dev/null \
    || exit 1
DB=unix:$dir/sb.sock

echo "$dir/sbd.pid" >> "$E2E_DIR/pidfiles"
sock=$(OVN_RUNDIR=$dir "$SBCTL" --db=$DB --detach --no-chdir \
       --pidfile="$dir/sbd.pid" --log-file="$dir/sbd.log") \
    || fail "could not start the daemon"
assert_eq "$dir/ovn-sbctl.$(cat "$dir/sbd.pid").ctl" "$sock" "socket name"

direct () { "$SBCTL" $T --db=$DB "$@" 2>&1; echo "rc=$?"; }
viad () { OVN_SB_DAEMON=$sock "$SBCTL" $T "$@" 2>&1; echo "rc=$?"; }

assert_eq "rc=0" "$(viad chassis-add hv1 geneve,vxlan 192.168.0.1)" \
    "chassis-add through the daemon"
assert_eq "ovn-sbctl: cannot create a chassis named hv1 because a chassis named hv1 already exists
rc=1" "$(viad chassis-add hv1 geneve 192.168.0.1)" "error through the daemon"
check "$SBCTL" $T --db=$DB --id=@dp create Datapath_Binding tunnel_key=1 \
    external_ids:name=sw0 -- create Logical_Flow logical_datapath=@dp \
    pipeline=ingress table_id=0 priority=10 'match="1"' 'actions="next;"' \
    -- create Port_Binding logical_port=vm1 datapath=@dp tunnel_key=1 \
    >/dev/null
assert_eq "rc=0" "$(viad lsp-bind vm1 hv1)" "lsp-bind through the daemon"
for cmd in "show" "lflow-list" "count-flows" "--oneline lflow-list -- get-connection" \
           "lsp-bind nosuch hv1"; do
    assert_eq "$(direct $cmd)" "$(viad $cmd)" "daemon vs direct: $cmd"
done
# "list" prints rows in the IDL's hash order, which may differ between two
# clients: compare the lines regardless of order.
cmd="--bare --columns=type list Encap"
assert_eq "$(direct $cmd | sort)" "$(viad $cmd | sort)" "daemon vs direct: $cmd"
check ovs-appctl --timeout=30 -t "$sock" exit
wait_until test ! -e "$dir/sbd.pid" || fail "daemon did not exit"
exit 0
