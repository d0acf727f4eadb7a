#!/usr/bin/python3
"""ovn-northd benchmark: from-scratch time and per-port-add cost on
generated northbound databases of several sizes.

For each size N (switch ports, PORTS_PER_SWITCH per logical switch):
  1. creates fresh NB/SB databases (ovsdb-server on unix sockets in a temp
     directory) and loads the NB in one transaction;
  2. starts ovn-northd and measures the wall time until the southbound is
     complete (NB_Global sb_cfg catches up with nb_cfg), and northd's own
     compute time for that run ("Longest run" of inc-engine/show-stats);
  3. adds ADDS ports one at a time, each with an nb_cfg bump in the same
     transaction, waiting (OVSDB "wait" operation) until sb_cfg catches up;
     reports the median wall time and northd's median compute time.

Then, for the same NB of each size, runs the baseline northd (Debian's
/usr/bin/ovn-northd by default, --baseline '' to skip) from scratch in the
same way and prints the ratios ours/baseline of the from-scratch wall time
and of the northd process's peak memory (VmHWM).  The CPU seconds that
northd and the SB ovsdb-server used until the southbound was complete are
printed too, to show where the from-scratch time goes.

usage: northd-bench.py [--northd PATH] [--baseline PATH]
                       [--sizes 1000,10000,25000]
                       [--ports-per-switch 50] [--adds 20]
Prints two tables; the "add x" ratios show whether per-change cost grows
with size, "time x" and "mem x" compare from-scratch runs with the baseline.
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)


class Rpc:
    """A minimal blocking JSON-RPC client for one ovsdb-server socket."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.buf = b""
        self.dec = json.JSONDecoder()
        self.next_id = 0

    def call(self, method, params):
        self.next_id += 1
        msg = {"method": method, "params": params, "id": self.next_id}
        self.sock.sendall(json.dumps(msg).encode())
        while True:
            text = self.buf.decode("utf-8", "replace").lstrip()
            try:
                obj, end = self.dec.raw_decode(text)
            except ValueError:
                data = self.sock.recv(1 << 20)
                if not data:
                    raise RuntimeError("connection closed")
                self.buf += data
                continue
            self.buf = text[end:].encode()
            if obj.get("method") == "echo":
                self.sock.sendall(json.dumps({"result": obj["params"],
                                              "id": obj["id"]}).encode())
                continue
            if obj.get("id") != self.next_id:
                continue
            if obj.get("error"):
                raise RuntimeError(obj["error"])
            for r in obj["result"]:
                if isinstance(r, dict) and "error" in r:
                    raise RuntimeError(r)
            return obj["result"]

    def transact(self, db, *ops):
        return self.call("transact", [db] + list(ops))


def start_ovsdb(d, name, schema):
    db = os.path.join(d, name + ".db")
    subprocess.run(["ovsdb-tool", "create", db, schema], check=True)
    subprocess.run(["ovsdb-server", "--detach", "--no-chdir",
                    "--pidfile=%s/%s.pid" % (d, name),
                    "--log-file=%s/%s.log" % (d, name),
                    "--unixctl=%s/%s.ctl" % (d, name),
                    "--remote=punix:%s/%s.sock" % (d, name), db],
                   check=True)
    return os.path.join(d, name + ".sock")


def stop(pidfile):
    try:
        with open(pidfile) as f:
            pid = int(f.read())
        os.kill(pid, 15)
    except (OSError, ValueError):
        pass


def mac(i):
    return "0a:%02x:%02x:%02x:%02x:%02x" % (
        (i >> 32) & 0xff, (i >> 24) & 0xff, (i >> 16) & 0xff,
        (i >> 8) & 0xff, i & 0xff)


def ip(i):
    return "10.%d.%d.%d" % ((i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff)


def load_nb(nb, n_ports, per_switch):
    """Loads switches and ports into the NB in one transaction."""
    ops = [{"op": "insert", "table": "NB_Global", "row": {"nb_cfg": 1}}]
    n_switches = (n_ports + per_switch - 1) // per_switch
    port = 0
    for s in range(n_switches):
        names = []
        for _ in range(min(per_switch, n_ports - port)):
            port += 1
            uname = "p%d" % port
            ops.append({"op": "insert", "table": "Logical_Switch_Port",
                        "uuid-name": uname,
                        "row": {"name": "lp%d" % port,
                                "addresses": "%s %s" % (mac(port),
                                                        ip(port))}})
            names.append(["named-uuid", uname])
        ops.append({"op": "insert", "table": "Logical_Switch",
                    "row": {"name": "ls%d" % s,
                            "ports": ["set", names]}})
    nb.transact("OVN_Northbound", *ops)
    return n_switches


def wait_sb_cfg(nb, cfg, timeout_ms=600000):
    nb.transact("OVN_Northbound",
                {"op": "wait", "timeout": timeout_ms, "table": "NB_Global",
                 "where": [], "columns": ["sb_cfg"], "until": "==",
                 "rows": [{"sb_cfg": cfg}]})


def appctl(ctl, *args):
    return subprocess.run(["ovs-appctl", "-t", ctl] + list(args),
                          capture_output=True, text=True,
                          check=True).stdout


def longest_run(ctl):
    m = re.search(r"Longest run: (\d+) us", appctl(ctl,
                                                   "inc-engine/show-stats"))
    return int(m.group(1)) / 1000.0 if m else float("nan")


def read_pid(pidfile):
    with open(pidfile) as f:
        return int(f.read())


def proc_mb(pidfile, field="VmHWM"):
    """Returns /proc status 'field' of the process in 'pidfile', in MB."""
    with open("/proc/%d/status" % read_pid(pidfile)) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def cpu_s(pidfile):
    """Returns the user+system CPU seconds used by the process in
    'pidfile'."""
    with open("/proc/%d/stat" % read_pid(pidfile)) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def count_rows(sb, table):
    r = sb.transact("OVN_Southbound", {"op": "select", "table": table,
                                       "where": [], "columns": ["_uuid"]})
    return len(r[0]["rows"])


def start_northd(northd, d, nb_sock, sb_sock):
    ctl = os.path.join(d, "northd.ctl")
    subprocess.run([northd, "--detach", "--no-chdir",
                    "--pidfile=%s/northd.pid" % d,
                    "--log-file=%s/northd.log" % d, "-vconsole:off",
                    "--unixctl=" + ctl, "--ovnnb-db=unix:" + nb_sock,
                    "--ovnsb-db=unix:" + sb_sock], check=True,
                   env=dict(os.environ, OVN_RUNDIR=d, OVS_RUNDIR=d))
    return ctl


def bench_size(northd, n_ports, per_switch, adds, baseline=False):
    """Runs 'northd' on a fresh NB of 'n_ports' ports.  With 'baseline',
    measures only the from-scratch run (the baseline need not support
    inc-engine/show-stats)."""
    d = tempfile.mkdtemp(prefix="northd-bench-")
    try:
        nb_sock = start_ovsdb(d, "nb", os.path.join(SRC, "schemas",
                                                    "ovn-nb.ovsschema"))
        sb_sock = start_ovsdb(d, "sb", os.path.join(SRC, "schemas",
                                                    "ovn-sb.ovsschema"))
        nb = Rpc(nb_sock)
        n_switches = load_nb(nb, n_ports, per_switch)
        sb_cpu0 = cpu_s(os.path.join(d, "sb.pid"))

        t0 = time.monotonic()
        ctl = start_northd(northd, d, nb_sock, sb_sock)
        wait_sb_cfg(nb, 1)
        scratch_wall = (time.monotonic() - t0) * 1000
        pidfile = os.path.join(d, "northd.pid")
        r = {"ports": n_ports, "switches": n_switches,
             "scratch_wall_ms": scratch_wall,
             "northd_cpu_s": cpu_s(pidfile),
             "sb_cpu_s": cpu_s(os.path.join(d, "sb.pid")) - sb_cpu0,
             "hwm_mb": proc_mb(pidfile)}
        sb = Rpc(sb_sock)
        r["flows"] = count_rows(sb, "Logical_Flow")
        if baseline:
            return r
        r["scratch_northd_ms"] = longest_run(ctl)

        walls, cpus = [], []
        for i in range(adds):
            appctl(ctl, "inc-engine/clear-stats")
            port = n_ports + i + 1
            sw = "ls%d" % (i * 7919 % n_switches)
            cfg = 2 + i
            t0 = time.monotonic()
            nb.transact("OVN_Northbound",
                        {"op": "insert", "table": "Logical_Switch_Port",
                         "uuid-name": "np",
                         "row": {"name": "lp%d" % port,
                                 "addresses": "%s %s" % (mac(port),
                                                         ip(port))}},
                        {"op": "mutate", "table": "Logical_Switch",
                         "where": [["name", "==", sw]],
                         "mutations": [["ports", "insert",
                                        ["set", [["named-uuid", "np"]]]]]},
                        {"op": "update", "table": "NB_Global", "where": [],
                         "row": {"nb_cfg": cfg}})
            wait_sb_cfg(nb, cfg)
            walls.append((time.monotonic() - t0) * 1000)
            cpus.append(longest_run(ctl))
        stats = appctl(ctl, "inc-engine/show-stats")
        m = re.search(r"recompute:\s+(\d+)", stats)
        r["recomputes_during_adds"] = int(m.group(1)) if m else 0
        r["add_wall_ms"] = statistics.median(walls) if walls else 0.0
        r["add_northd_ms"] = statistics.median(cpus) if cpus else 0.0
        r["rss_mb"] = proc_mb(pidfile, "VmRSS")
        return r
    finally:
        for name in ("northd", "nb", "sb"):
            stop(os.path.join(d, name + ".pid"))
        time.sleep(0.3)
        shutil.rmtree(d, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--northd",
                    default=os.path.join(os.environ.get(
                        "abs_top_builddir", os.path.join(SRC, "_build")),
                        "northd", "ovn-northd"))
    ap.add_argument("--baseline", default="/usr/bin/ovn-northd",
                    help="northd to compare with ('' to skip)")
    ap.add_argument("--sizes", default="1000,10000,25000")
    ap.add_argument("--ports-per-switch", type=int, default=50)
    ap.add_argument("--adds", type=int, default=20)
    args = ap.parse_args()

    sizes = [int(n) for n in args.sizes.split(",")]
    rows, base_rows = [], []
    for n in sizes:
        rows.append(bench_size(args.northd, n, args.ports_per_switch,
                               args.adds))
        if args.baseline:
            base_rows.append(bench_size(args.baseline, n,
                                        args.ports_per_switch, 0, True))
    base = rows[0]
    print("%7s %6s %8s %12s %12s %10s %10s %8s %6s %6s" % (
        "ports", "LSes", "lflows", "scratch ms", "(northd ms)",
        "add ms", "(northd)", "add x", "full", "RSS MB"))
    for r in rows:
        print("%7d %6d %8d %12.0f %12.0f %10.2f %10.3f %8.2f %6d %6.0f" % (
            r["ports"], r["switches"], r["flows"], r["scratch_wall_ms"],
            r["scratch_northd_ms"], r["add_wall_ms"], r["add_northd_ms"],
            r["add_northd_ms"] / max(base["add_northd_ms"], 1e-9),
            r["recomputes_during_adds"], r["rss_mb"]))
    if base_rows:
        print()
        print("from scratch, ours vs baseline %s "
              "(CPU s: northd / SB ovsdb-server)" % args.baseline)
        print("%7s %8s %8s %10s %10s %7s %11s %11s %8s %8s %6s" % (
            "ports", "lflows", "base lf", "ours ms", "base ms", "time x",
            "ours CPU", "base CPU", "ours MB", "base MB", "mem x"))
        for r, b in zip(rows, base_rows):
            print("%7d %8d %8d %10.0f %10.0f %7.2f %5.1f/%5.1f %5.1f/%5.1f "
                  "%8.0f %8.0f %6.2f" % (
                      r["ports"], r["flows"], b["flows"],
                      r["scratch_wall_ms"], b["scratch_wall_ms"],
                      r["scratch_wall_ms"] / b["scratch_wall_ms"],
                      r["northd_cpu_s"], r["sb_cpu_s"],
                      b["northd_cpu_s"], b["sb_cpu_s"],
                      r["hwm_mb"], b["hwm_mb"], r["hwm_mb"] / b["hwm_mb"]))
    if any(r["recomputes_during_adds"] for r in rows):
        print("warning: full recomputes happened during port adds")
        sys.exit(1)


main()
