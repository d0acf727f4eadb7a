#!/bin/bash
# nbctl-wait: the client side of --wait=sb|hv, "sync" and --print-wait-time.
# No northd runs here: the test plays northd's and the chassis' part by
# copying nb_cfg into sb_cfg/hv_cfg (with timestamps) and checks that
# ovn-nbctl returns only after that, with the documented report.
. "$(dirname "$0")/lib.sh"

NBCTL=$(our_bin ovn-nbctl) || skip "our ovn-nbctl is not built"
mkdir -p "$E2E_DIR/nb"
e2e_start_ovsdb "$E2E_DIR/nb" nb "$E2E_SCHEMA_DIR/ovn-nb.ovsschema" \
    >/dev/null || exit 1
DB=unix:$E2E_DIR/nb/nb.sock
nbctl () { "$NBCTL" --db="$DB" "$@"; }
nb_cfg_is () { test "$(nbctl get NB_Global . nb_cfg)" = "$1"; }

check nbctl init
assert_eq 0 "$(nbctl get NB_Global . nb_cfg)" "initial nb_cfg"

# Without --wait nothing is incremented.
check nbctl ls-add sw0
assert_eq 0 "$(nbctl get NB_Global . nb_cfg)" "nb_cfg after plain ls-add"

# --wait=sb on a read-only command changes nothing and returns at once.
out=$(timeout 5 "$NBCTL" --db="$DB" --wait=sb ls-list) \
    || fail "--wait=sb ls-list blocked or failed"
assert_eq 0 "$(nbctl get NB_Global . nb_cfg)" "nb_cfg after read-only wait"

# --wait=sb with a change: bumps nb_cfg, blocks until sb_cfg catches up.
"$NBCTL" --db="$DB" --wait=sb --print-wait-time ls-add sw1 \
    > "$E2E_DIR/wait1.out" 2>&1 &
pid=$!
wait_until nb_cfg_is 1 \
    || fail "nb_cfg was not incremented to 1"
sleep 0.3
kill -0 $pid 2>/dev/null || fail "--wait=sb returned before sb_cfg caught up"
check nbctl set NB_Global . nb_cfg_timestamp=1000 sb_cfg=1 \
    sb_cfg_timestamp=1500
wait $pid || fail "--wait=sb exited with an error"
grep -q '^Time spent on processing nb_cfg 1:$' "$E2E_DIR/wait1.out" \
    || fail "no wait-time header: $(cat "$E2E_DIR/wait1.out")"
grep -qP '^\tovn-northd delay before processing:\t-?[0-9]+ms$' \
    "$E2E_DIR/wait1.out" || fail "no northd delay line"
grep -qP '^\tovn-northd completion:\t\t\t-?[0-9]+ms$' \
    "$E2E_DIR/wait1.out" || fail "no northd completion line"
if grep -q 'controller' "$E2E_DIR/wait1.out"; then
    fail "--wait=sb must not report ovn-controller times"
fi
d1=$(sed -n 's/.*delay before processing:\t\(-\?[0-9]*\)ms/\1/p' \
     "$E2E_DIR/wait1.out")
d2=$(sed -n 's/.*northd completion:\t*\(-\?[0-9]*\)ms/\1/p' \
     "$E2E_DIR/wait1.out")
assert_eq 500 "$((d2 - d1))" "completion minus delay"
assert_eq sw1 "$(nbctl --bare --columns=name find Logical_Switch name=sw1)" \
    "sw1 created"

# --wait=hv waits for hv_cfg as well.
"$NBCTL" --db="$DB" --wait=hv ls-add sw2 > "$E2E_DIR/wait2.out" 2>&1 &
pid=$!
wait_until nb_cfg_is 2 \
    || fail "nb_cfg was not incremented to 2"
check nbctl set NB_Global . sb_cfg=2
sleep 0.3
kill -0 $pid 2>/dev/null || fail "--wait=hv returned before hv_cfg caught up"
check nbctl set NB_Global . hv_cfg=2
wait $pid || fail "--wait=hv exited with an error"

# "sync" forces an increment even though nothing changes.
"$NBCTL" --db="$DB" --wait=sb sync &
pid=$!
wait_until nb_cfg_is 3 \
    || fail "sync did not increment nb_cfg"
check nbctl set NB_Global . sb_cfg=3
wait $pid || fail "sync exited with an error"

# Bad --wait argument.
out=$("$NBCTL" --db="$DB" --wait=bogus ls-list 2>&1) && fail "accepted --wait=bogus"
assert_eq 'ovn-nbctl: argument to --wait must be "none", "sb", or "hv"' \
    "$out" "--wait=bogus error"

# --timeout expires (SIGALRM) when nothing answers.
("$NBCTL" --db="$DB" --timeout=1 --wait=sb ls-add sw3 >/dev/null 2>&1)
rc=$?
assert_eq 142 "$rc" "exit status after --timeout (SIGALRM)"
exit 0
