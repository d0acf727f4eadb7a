#!/bin/bash
# nbctl-diff: runs tests/e2e/nbctl-diff.cmds (several hundred ovn-nbctl
# commands, error cases included) through our ovn-nbctl and Debian's, each
# against its own fresh northbound database created from our schema, and
# requires identical exit codes, output and final database contents (UUIDs
# normalised).  Skips if Debian's ovn-nbctl is not installed.
. "$(dirname "$0")/lib.sh"

[ -x /usr/bin/ovn-nbctl ] || skip "Debian's ovn-nbctl is not installed"
ours=$(our_bin ovn-nbctl) || skip "our ovn-nbctl is not built"

mkdir -p "$E2E_DIR/ours" "$E2E_DIR/theirs"
e2e_start_ovsdb "$E2E_DIR/ours" nb "$E2E_SCHEMA_DIR/ovn-nb.ovsschema" \
    >/dev/null || exit 1
e2e_start_ovsdb "$E2E_DIR/theirs" nb "$E2E_SCHEMA_DIR/ovn-nb.ovsschema" \
    >/dev/null || exit 1

unset OVN_NB_DAEMON OVN_NBCTL_OPTIONS
"$E2E_PYTHON" "$E2E_LIBDIR/ctl_diff.py" "$E2E_LIBDIR/nbctl-diff.cmds" \
    "$ours" "unix:$E2E_DIR/ours/nb.sock" \
    /usr/bin/ovn-nbctl "unix:$E2E_DIR/theirs/nb.sock" OVN_Northbound \
    || fail "ovn-nbctl differs from Debian's (see above)"
