#!/bin/bash
# Daemon plumbing: our ovn-northd and ovn-controller take OVS's daemon
# options, write pidfiles and logs where told, and answer ovn-appctl
# (version, list-commands, vlog/list, vlog/set, exit).
. "$(dirname "$0")/lib.sh"

have_ours ovn-northd || skip "our ovn-northd is not built"
have_ours ovn-appctl || skip "our ovn-appctl is not built"
appctl=$(our_bin ovn-appctl)

central_start none
run=$E2E_DIR/run
mkdir -p "$run"
export OVN_RUNDIR=$run

# The pidfile is where ovn-appctl looks for it ($OVN_RUNDIR/ovn-northd.pid);
# registered with the harness so that a failing test still stops the daemon.
e2e_daemon "$run/ovn-northd.pid" "$(our_bin ovn-northd)" \
    --ovnnb-db="$OVN_NB_DB" --ovnsb-db="$OVN_SB_DB" --detach --no-chdir \
    --pidfile="$run/ovn-northd.pid" --log-file="$run/northd.log" -vconsole:off
check test -s "$run/ovn-northd.pid"
pid=$(cat "$run/ovn-northd.pid")
check kill -0 "$pid"
check test -S "$run/ovn-northd.$pid.ctl"

out=$("$appctl" -t ovn-northd version)
case $out in
    "ovn-northd "*) ;;
    *) fail "unexpected version reply: $out" ;;
esac
"$appctl" -t ovn-northd list-commands > "$E2E_DIR/cmds"
for c in exit version vlog/list vlog/set; do
    grep -q "^  $c" "$E2E_DIR/cmds" || fail "list-commands lacks $c"
done

# vlog/set changes what vlog/list reports for the file destination.
"$appctl" -t ovn-northd vlog/list > "$E2E_DIR/vlog0"
grep -Eq "^backtrace +OFF +INFO +INFO$" "$E2E_DIR/vlog0" \
    || fail "unexpected initial levels: $(grep ^backtrace "$E2E_DIR/vlog0")"
check "$appctl" -t ovn-northd vlog/set file:dbg
"$appctl" -t ovn-northd vlog/list > "$E2E_DIR/vlog"
grep -Eq "^backtrace +OFF +INFO +DBG$" "$E2E_DIR/vlog" \
    || fail "vlog/set file:dbg not reflected: $(grep ^backtrace "$E2E_DIR/vlog")"
grep -q "opened log file" "$run/northd.log" || fail "no log file written"

# An unknown command is an error (exit 2), not a crash.
"$appctl" -t ovn-northd no-such-command 2>/dev/null
assert_eq 2 $? "exit status of an unknown command"
check kill -0 "$pid"

# The same through the socket path, then exit.
check "$appctl" -t "$run/ovn-northd.$pid.ctl" exit
wait_until '! kill -0 '"$pid"' 2>/dev/null'
e2e_log "ovn-northd answered ovn-appctl and exited"
