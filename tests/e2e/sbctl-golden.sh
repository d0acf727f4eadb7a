#!/bin/bash
# sbctl-golden: runs the ovn-sbctl commands of tests/e2e/sbctl-golden.txt
# against a fresh southbound database and requires, for each, exactly the
# output recorded there (show, lflow-list, count-flows, bindings,
# connections and error messages).  Unlike sbctl-diff, this needs no reference
# binary.
. "$(dirname "$0")/lib.sh"

ours=$(our_bin ovn-sbctl) || skip "our ovn-sbctl is not built"
mkdir -p "$E2E_DIR/sb"
e2e_start_ovsdb "$E2E_DIR/sb" sb "$E2E_SCHEMA_DIR/ovn-sb.ovsschema" \
    >/dev/null || exit 1
"$E2E_PYTHON" "$E2E_LIBDIR/ctl_diff.py" --golden \
    "$E2E_LIBDIR/sbctl-golden.txt" "$ours" "unix:$E2E_DIR/sb/sb.sock" \
    || fail "output differs from tests/e2e/sbctl-golden.txt"
