#!/bin/bash
# sbctl-diff: runs tests/e2e/sbctl-diff.cmds (ovn-sbctl
# commands, error cases included) through our ovn-sbctl and Debian's, each
# against its own fresh southbound database created from our schema, and
# requires identical exit codes, output and final database contents (UUIDs
# normalised).  Skips if Debian's ovn-sbctl is not installed.
. "$(dirname "$0")/lib.sh"

[ -x /usr/bin/ovn-sbctl ] || skip "Debian's ovn-sbctl is not installed"
ours=$(our_bin ovn-sbctl) || skip "our ovn-sbctl is not built"

mkdir -p "$E2E_DIR/ours" "$E2E_DIR/theirs"
e2e_start_ovsdb "$E2E_DIR/ours" sb "$E2E_SCHEMA_DIR/ovn-sb.ovsschema" \
    >/dev/null || exit 1
e2e_start_ovsdb "$E2E_DIR/theirs" sb "$E2E_SCHEMA_DIR/ovn-sb.ovsschema" \
    >/dev/null || exit 1

unset OVN_SB_DB
"$E2E_PYTHON" "$E2E_LIBDIR/ctl_diff.py" "$E2E_LIBDIR/sbctl-diff.cmds" \
    "$ours" "unix:$E2E_DIR/ours/sb.sock" \
    /usr/bin/ovn-sbctl "unix:$E2E_DIR/theirs/sb.sock" OVN_Southbound \
    || fail "ovn-sbctl differs from Debian's (see above)"
