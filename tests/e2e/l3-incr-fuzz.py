#!/usr/bin/python3
"""Randomized check that ovn-northd's incremental processing of logical
ROUTERS is exact: random edits of routers, router ports (networks, MACs,
enabled, peer), static routes, and of the switches and switch ports they
attach to; after each step the southbound contents maintained
incrementally must equal what "inc-engine/recompute" produces.

usage: l3-incr-fuzz.py NBCTL NORTHD_CTL STEPS SEED BUDGET
Environment: OVN_NB_DB, OVN_SB_DB.
"""

import os
import random
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from northd_sbview import diff, run, snapshot, wait_sb  # noqa

NBCTL, NORTHD_CTL = sys.argv[1], sys.argv[2]
STEPS, SEED, BUDGET = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rng = random.Random(SEED)
NB = os.environ["OVN_NB_DB"]
SB = os.environ["OVN_SB_DB"]

ROUTERS = ["r0", "r1", "r2"]
SWITCHES = ["s0", "s1", "s2"]


def mac():
    return "0a:00:00:00:%02x:%02x" % (rng.randrange(256), rng.randrange(256))


def net4():
    """A router port network: one of a few subnets, so that routes and
    neighbours often line up."""
    n = rng.randrange(4)
    return "10.%d.0.%d/%d" % (n, rng.randrange(1, 5), rng.choice([16, 24]))


def ip4():
    return "10.%d.0.%d" % (rng.randrange(4), rng.randrange(1, 30))


def op_lr():
    r = rng.choice(ROUTERS)
    if rng.random() < 0.8:
        return ["--may-exist", "lr-add", r]
    return ["--if-exists", "lr-del", r]


def op_lrp():
    r = rng.choice(ROUTERS)
    p = "%s-p%d" % (r, rng.randrange(3))
    x = rng.random()
    if x < 0.35:
        nets = [net4()]
        if rng.random() < 0.3:
            nets.append(net4())
        if rng.random() < 0.3:
            nets.append("fd%02x::1/64" % rng.randrange(4))
        return ["--may-exist", "lr-add", r, "--", "--may-exist", "lrp-add",
                r, p, mac()] + nets
    if x < 0.5:
        return ["--if-exists", "lrp-del", p]
    if x < 0.65:
        return ["--if-exists", "set", "logical_router_port", p,
                'networks="%s"' % net4()]
    if x < 0.8:
        return ["--if-exists", "set", "logical_router_port", p,
                "enabled=%s" % rng.choice(["true", "false"])]
    if x < 0.9:
        return ["--if-exists", "set", "logical_router_port", p,
                "mac=\"%s\"" % mac()]
    return ["--if-exists", "set", "logical_router_port", p,
            "peer=%s-p%d" % (rng.choice(ROUTERS), rng.randrange(3))]


def op_route():
    r = rng.choice(ROUTERS)
    prefix = "172.%d.0.0/16" % rng.randrange(4)
    x = rng.random()
    if x < 0.15:
        return ["--may-exist", "lr-add", r, "--", "--ecmp", "lr-route-add",
                r, prefix, ip4()]
    if x < 0.2:
        return ["--may-exist", "lr-add", r, "--", "--may-exist",
                "lr-route-add", r, "172.9.%d.0/24" % rng.randrange(2),
                "discard"]
    if x < 0.7:
        args = ["--may-exist", "lr-add", r, "--", "--may-exist",
                "lr-route-add", r, prefix, ip4()]
        if rng.random() < 0.2:
            args.append("%s-p%d" % (r, rng.randrange(3)))
        return args
    return ["--may-exist", "lr-add", r, "--", "--if-exists", "lr-route-del",
            r, prefix]


def op_ls():
    s = rng.choice(SWITCHES)
    if rng.random() < 0.85:
        return ["--may-exist", "ls-add", s]
    return ["--if-exists", "ls-del", s]


def op_lsp():
    s = rng.choice(SWITCHES)
    p = "%s-v%d" % (s, rng.randrange(4))
    x = rng.random()
    if x < 0.45:
        addr = rng.choice(["%s %s" % (mac(), ip4()), mac(), "unknown",
                           "%s %s fd%02x::5" % (mac(), ip4(),
                                                rng.randrange(4))])
        return ["--may-exist", "ls-add", s, "--", "--may-exist", "lsp-add",
                s, p, "--", "lsp-set-addresses", p, addr]
    if x < 0.6:
        return ["--if-exists", "lsp-del", p]
    if x < 0.7:
        return ["--if-exists", "set", "logical_switch_port", p,
                "enabled=%s" % rng.choice(["true", "false"])]
    # A router-type port pointing at some router port.
    rp = "%s-p%d" % (rng.choice(ROUTERS), rng.randrange(3))
    a = "%s-a%d" % (s, rng.randrange(3))
    return ["--may-exist", "ls-add", s, "--", "--may-exist", "lsp-add", s,
            a, "--", "lsp-set-type", a, "router", "--", "lsp-set-options",
            a, "router-port=" + rp, "--", "lsp-set-addresses", a,
            rng.choice(["router", mac()])]


def op_policy():
    r = rng.choice(ROUTERS)
    prio = str(rng.choice([100, 200, 300]))
    match = "ip4.dst == 172.%d.0.0/16" % rng.randrange(3)
    x = rng.random()
    if x < 0.3:
        return ["--may-exist", "lr-add", r, "--", "--if-exists",
                "lr-policy-del", r, prio, match]
    if x < 0.5:
        action = [rng.choice(["allow", "drop"])]
    elif x < 0.8:
        action = ["reroute", ip4()]
    else:
        action = ["reroute", "%s,%s" % (ip4(), ip4())]
    return ["--may-exist", "lr-add", r, "--", "lr-policy-add", r, prio,
            match] + action


OPS = [(op_lr, 2), (op_lrp, 6), (op_route, 3), (op_ls, 2), (op_lsp, 6),
       (op_policy, 2)]


def random_op():
    total = sum(w for _, w in OPS)
    x = rng.uniform(0, total)
    for f, w in OPS:
        x -= w
        if x <= 0:
            return f()
    return OPS[-1][0]()


def main():
    edits = 0
    start = time.monotonic()
    done = STEPS
    for step in range(STEPS):
        if time.monotonic() - start > BUDGET:
            done = step
            break
        cmds = []
        for _ in range(rng.randrange(1, 5)):
            if cmds:
                cmds.append("--")
            cmds += random_op()
        out = subprocess.run([NBCTL, "--timeout=20"] + cmds,
                             capture_output=True, text=True)
        if out.returncode == 0:
            edits += cmds.count("--") + 1
        elif os.environ.get("FUZZ_DEBUG"):
            print("failed: %s: %s" % (" ".join(cmds), out.stderr.strip()))
        wait_sb(NB)
        inc = snapshot(NB, SB)
        run("ovs-appctl", "-t", NORTHD_CTL, "inc-engine/recompute")
        wait_sb(NB)
        full = snapshot(NB, SB)
        if inc != full:
            print("step %d (seed %d): incremental != recompute after: %s"
                  % (step, SEED, " ".join(cmds)))
            diff(inc, full)
            sys.exit(1)
    print("%d steps, %d edits, incremental == recompute" % (done, edits))


main()
