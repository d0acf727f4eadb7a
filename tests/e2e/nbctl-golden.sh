#!/bin/bash
# nbctl-golden: runs the ovn-nbctl commands of tests/e2e/nbctl-golden.txt
# against a fresh northbound database and requires, for each, exactly the
# output recorded there (show, lists, route/policy/NAT/ACL/QoS/meter/LB
# tables and error messages).  Unlike nbctl-diff, this needs no reference
# binary.
. "$(dirname "$0")/lib.sh"

ours=$(our_bin ovn-nbctl) || skip "our ovn-nbctl is not built"
mkdir -p "$E2E_DIR/nb"
e2e_start_ovsdb "$E2E_DIR/nb" nb "$E2E_SCHEMA_DIR/ovn-nb.ovsschema" \
    >/dev/null || exit 1
"$E2E_PYTHON" "$E2E_LIBDIR/ctl_diff.py" --golden \
    "$E2E_LIBDIR/nbctl-golden.txt" "$ours" "unix:$E2E_DIR/nb/nb.sock" \
    || fail "output differs from tests/e2e/nbctl-golden.txt"
