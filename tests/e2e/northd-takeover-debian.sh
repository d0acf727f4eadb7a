#!/bin/bash
# Taking over from Debian's ovn-northd: Debian's northd writes the SB for a
# topology (switches of every port type, a router, IPAM, port groups), then
# stops and ours starts on the same databases.  Ours must end with the same
# southbound contents for the switches (datapath groups expanded), keeping
# every tunnel key, tag and dynamic address, and leave no stale rows.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"
have_ours ovn-northd || skip "our ovn-northd is not built"
[ -x /usr/bin/ovn-northd ] || skip "Debian's ovn-northd is missing"

central_start debian
m=50:54:00:00:00
check nbctl ls-add a -- lsp-add a p1 -- lsp-set-addresses p1 "$m:01 10.0.0.1" \
    -- lsp-add a p2 -- lsp-set-addresses p2 "$m:02 10.0.0.2 fd00::2" unknown \
    -- lsp-add a c1 p1 0 -- lsp-set-addresses c1 "$m:03 10.0.0.3" \
    -- lsp-add a ln -- lsp-set-type ln localnet -- lsp-set-addresses ln unknown \
    -- lsp-set-options ln network_name=phys \
    -- lsp-add a lp -- lsp-set-type lp localport \
    -- lsp-set-addresses lp "$m:04 10.0.0.4" \
    -- lsp-add a d -- lsp-set-addresses d "$m:05 10.0.0.5" \
    -- lsp-set-enabled d disabled
check nbctl ls-add b -- set logical_switch b other_config:subnet=10.1.0.0/24 \
    -- lsp-add b q1 -- lsp-set-addresses q1 dynamic \
    -- lsp-add b q2 -- lsp-set-addresses q2 "$m:12 dynamic"
check nbctl lr-add r -- lrp-add r r-a $m:fe 10.0.0.254/24 \
    -- lsp-add a a-r -- lsp-set-type a-r router -- lsp-set-addresses a-r router \
    -- lsp-set-options a-r router-port=r-a
check nbctl pg-add pg p1 p2 q1 -- create address_set name=as1 addresses=1.1.1.1 \
    >/dev/null
# Churn, so that tunnel keys are not simply 1, 2, 3...
check nbctl ls-add tmp -- lsp-add tmp t1 -- lsp-add a t2
check nbctl --wait=sb sync
check nbctl ls-del tmp -- lsp-del t2 -- lsp-add a p9 \
    -- lsp-set-addresses p9 "$m:09 10.0.0.9"
check nbctl --wait=sb sync

snap=$E2E_DIR/debian.json
out=$(/usr/bin/python3 "$E2E_LIBDIR/northd-takeover-debian.py" save "$snap") \
    || fail "snapshot failed"
e2e_log "Debian's northd wrote $out"

e2e_kill_pidfile "$E2E_DIR/central/ovn-northd.pid"
echo "$E2E_DIR/central/ovn-northd.pid" >> "$E2E_DIR/stopped"
central_start_northd ours
check nbctl --wait=sb sync
/usr/bin/python3 "$E2E_LIBDIR/northd-takeover-debian.py" compare "$snap" \
    || fail "our northd changed the SB it took over"
assert_eq 0 "$(sbctl --bare --columns=_uuid list logical_dp_group | grep -c .)" \
    "datapath groups left"
e2e_log "takeover from Debian's northd: same SB"
exit 0
