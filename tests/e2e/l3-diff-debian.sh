#!/bin/bash
# Logical router southbound contents (seed 004: two switches joined by a
# router, then routes, more networks, IPv6, more routers), step by step,
# compared with what Debian's ovn-northd 23.03 (the reference oracle)
# writes for the same northbound database (tests/e2e/l3-diff-debian.py).

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"
have_ours ovn-northd || skip "our ovn-northd is not built"
[ -x /usr/bin/ovn-northd ] || skip "Debian's ovn-northd is missing"

central_start ours

# The reference deployment, on Debian's own schemas.
ref=$E2E_DIR/ref
mkdir -p "$ref"
e2e_start_ovsdb "$ref" nb /usr/share/ovn/ovn-nb.ovsschema >/dev/null || exit 1
e2e_start_ovsdb "$ref" sb /usr/share/ovn/ovn-sb.ovsschema >/dev/null || exit 1
OVN_RUNDIR=$ref e2e_daemon "$ref/ovn-northd.pid" /usr/bin/ovn-northd \
    --detach --no-chdir --pidfile="$ref/ovn-northd.pid" \
    --log-file="$ref/ovn-northd.log" --unixctl="$ref/ovn-northd.ctl" \
    -vconsole:off --ovnnb-db="unix:$ref/nb.sock" \
    --ovnsb-db="unix:$ref/sb.sock"

/usr/bin/python3 "$E2E_LIBDIR/l3-diff-debian.py" "$E2E_NBCTL" \
    "$OVN_NB_DB" "$OVN_SB_DB" "unix:$ref/nb.sock" "unix:$ref/sb.sock" \
    || fail "southbound differs from Debian's ovn-northd"
exit 0
