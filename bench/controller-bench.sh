#!/bin/bash
# ovn-controller benchmark: time from a southbound change to the flows being
# installed in the integration bridge, and the number of OpenFlow flows, for
# $BENCH_SIZES (default "1000 10000") logical flows local to the chassis.
#
#   abs_top_builddir=$PWD bench/controller-bench.sh
#
# The southbound database is written directly (no ovn-northd): one logical
# switch whose VIF is bound on the benchmarked chassis, and N logical flows
# "ip4.dst == A && tcp.dst == P" -> "next;".  "Installed" means the
# controller reported the change's nb_cfg in Chassis_Private, which it does
# only after the switch confirmed the flows (barrier reply).
#
# Phases: add-all (N flows in one transaction), add-one, delete-one,
# add-port (a remote port), add-local-vif (interface creation to
# ovn-installed), recompute (forced full recomputation).
# Prints one line per measurement:
#   lflows=N phase=PHASE ms=MILLISECONDS openflow_flows=COUNT

srcdir=$(cd "$(dirname "$0")/.." && pwd)
E2E_CTL=${E2E_CTL:-debian}
. "$srcdir/tests/e2e/lib.sh"
have_ours ovn-controller || skip "our ovn-controller is not built"
sizes=${BENCH_SIZES:-1000 10000}

now_ms () { echo $(( ${EPOCHREALTIME/./} / 1000 )); }
cfg=0
# lflow_ops FIRST N DP: JSON insert operations for N logical flows.
lflow_ops () {
    /usr/bin/python3 - "$@" <<'PY'
import json, sys
first, n, dp = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
ops = []
for i in range(first, first + n):
    ops.append({"op": "insert", "table": "Logical_Flow", "row": {
        "logical_datapath": ["uuid", dp], "pipeline": "ingress",
        "table_id": 5, "priority": 100 + i % 1000,
        "match": "ip4.dst == 10.%d.%d.%d && tcp.dst == %d"
                 % (i >> 16 & 255, i >> 8 & 255, i & 255, 1 + i % 60000),
        "actions": "next;"}})
print(json.dumps(ops)[1:-1])
PY
}
# transact OPS: one SB transaction with OPS (a JSON list body, may be
# empty) plus an nb_cfg bump, sent over the unix socket (too big for argv);
# then polls Chassis_Private on the same connection until hv1 reports that
# nb_cfg.  Prints the transaction result; the elapsed milliseconds from
# sending the transaction to seeing the report go to $E2E_DIR/elapsed.
transact () {
    cfg=$((cfg + 1))
    printf '%s' "$1" > "$E2E_DIR/ops.json"
    /usr/bin/python3 - "${OVN_SB_DB#unix:}" "$E2E_DIR/ops.json" $cfg \
        "$E2E_DIR/elapsed" > "$E2E_DIR/transact.out" <<'PY' \
        || fail "transaction failed"
import json, socket, sys, time
path, opsfile, cfg = sys.argv[1], sys.argv[2], int(sys.argv[3])
body = open(opsfile).read().strip()
ops = json.loads("[" + body + "]") if body else []
ops.append({"op": "update", "table": "SB_Global", "where": [],
            "row": {"nb_cfg": cfg}})
s = socket.socket(socket.AF_UNIX)
s.connect(path)
dec, buf = json.JSONDecoder(), ""
def call(xid, params):
    global buf
    s.sendall(json.dumps({"method": "transact", "id": xid,
                          "params": params}).encode())
    while True:
        try:
            msg, end = dec.raw_decode(buf)
            buf = buf[end:].lstrip()
            if msg.get("id") == xid:
                return msg["result"]
            continue
        except ValueError:
            pass
        buf += s.recv(1 << 20).decode()
t0 = time.monotonic()
res = call(1, ["OVN_Southbound"] + ops)
if any("error" in r for r in res if r):
    sys.exit("error: %s" % res)
xid = 2
while True:
    r = call(xid, ["OVN_Southbound", {"op": "select",
        "table": "Chassis_Private", "where": [["name", "==", "hv1"]],
        "columns": ["nb_cfg"]}])
    xid += 1
    rows = r[0]["rows"]
    if rows and rows[0]["nb_cfg"] >= cfg:
        break
    if time.monotonic() - t0 > 300:
        sys.exit("timeout")
    time.sleep(0.001)
open(sys.argv[4], "w").write("%d\n" % ((time.monotonic() - t0) * 1000))
print(json.dumps(res))
PY
}
flows () { hv_ofctl hv1 dump-flows br-int | grep -c cookie=; }
report () { echo "lflows=$1 phase=$2 ms=$3 openflow_flows=$(flows)"; }

for n in $sizes; do
    [ -e "$E2E_DIR/central" ] && { e2e_teardown_dir "$E2E_DIR"; \
        rm -rf "$E2E_DIR"/*; : > "$E2E_DIR/pidfiles"; : > "$E2E_DIR/netns"; \
        : > "$E2E_DIR/hvs"; }
    cfg=0
    central_start none >/dev/null 2>&1
    hv_add hv1 172.31.0.1 2>/dev/null
    check sbctl init
    dp=$(sbctl create Datapath_Binding tunnel_key=1 external_ids:name=sw0 \
         external_ids:logical-switch=00000000-0000-0000-0000-000000000001)
    check sbctl create Port_Binding logical_port=lp1 datapath="$dp" \
        tunnel_key=1 >/dev/null
    vif_add hv1 vif1 lp1
    hv_start_controller hv1 ours 2>/dev/null
    [ -n "${BENCH_DEBUG:-}" ] && hv_appctl hv1 -t ovn-controller vlog/set ovn_controller:file:dbg
    wait_until '[ -n "$(sbctl --bare --columns=name find Chassis_Private name=hv1)" ]' \
        || fail "chassis never registered"
    transact ""

    transact "$(lflow_ops 0 "$n" "$dp")"
    report "$n" add-all "$(cat "$E2E_DIR/elapsed")"

    transact "$(lflow_ops "$n" 1 "$dp")"
    report "$n" add-one "$(cat "$E2E_DIR/elapsed")"

    uuid=$(sed -n 's/.*\["uuid", "\([0-9a-f-]*\)"\].*/\1/p' \
           "$E2E_DIR/transact.out" | head -1)
    transact "{\"op\":\"delete\",\"table\":\"Logical_Flow\",
              \"where\":[[\"_uuid\",\"==\",[\"uuid\",\"$uuid\"]]]}"
    report "$n" delete-one "$(cat "$E2E_DIR/elapsed")"

    transact "{\"op\":\"insert\",\"table\":\"Port_Binding\",\"row\":{
              \"logical_port\":\"lp2\",\"tunnel_key\":2,
              \"datapath\":[\"uuid\",\"$dp\"]}}"
    report "$n" add-port "$(cat "$E2E_DIR/elapsed")"

    # A new local VIF: from the interface's creation to ovn-installed.
    transact "{\"op\":\"insert\",\"table\":\"Port_Binding\",\"row\":{
              \"logical_port\":\"lp3\",\"tunnel_key\":3,
              \"datapath\":[\"uuid\",\"$dp\"]}}"
    t0=$(now_ms)
    check hv_vsctl hv1 add-port br-int vif3 -- set interface vif3 \
        external_ids:iface-id=lp3
    check hv_vsctl hv1 --timeout=300 wait-until Interface vif3 \
        external_ids:ovn-installed='"true"'
    report "$n" add-local-vif $(( $(now_ms) - t0 ))

    t0=$(now_ms)
    check hv_appctl hv1 -t ovn-controller recompute
    wait_until -t 300 '[ "$(hv_appctl hv1 -t ovn-controller debug/status \
        | sed -n "s/^desired-seq: //p")" = "$(hv_appctl hv1 \
        -t ovn-controller debug/status | sed -n "s/^installed-seq: //p")" ]'
    report "$n" recompute $(( $(now_ms) - t0 ))

    pid=$(cat "$E2E_DIR/hv1/ovn-controller.pid")
    echo "lflows=$n rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)"
done
exit 0
