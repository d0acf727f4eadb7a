#!/usr/bin/python3
"""Randomized check that ovn-northd's incremental processing is exact.

Applies random northbound edits (with ovn-nbctl) and after each step
compares the southbound contents northd maintained incrementally with what
a full recompute ("inc-engine/recompute") of the same northbound database
produces.  Any difference is a bug in incremental processing.

usage: northd-incr-fuzz.py NBCTL NORTHD_CTL STEPS SEED
Environment: OVN_NB_DB, OVN_SB_DB (unix: sockets).
Prints the number of edits applied; exits 1 with a diff on mismatch.
"""

import os
import random
import time
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from northd_sbview import atom, diff, run, select_all, snapshot, wait_sb  # noqa

NBCTL, NORTHD_CTL = sys.argv[1], sys.argv[2]
STEPS, SEED = int(sys.argv[3]), int(sys.argv[4])
# Wall-clock budget in seconds (the test runner allows 300 per test).
BUDGET = int(os.environ.get("NORTHD_FUZZ_BUDGET", "200"))
STEPS_DONE = [None]
rng = random.Random(SEED)

NB = os.environ["OVN_NB_DB"]
SB = os.environ["OVN_SB_DB"]


def nbctl(*args, check=True):
    """Runs ovn-nbctl with a transaction of ARGS."""
    return run(NBCTL, "--timeout=20", *args, check=check)


# ---- random edits ---------------------------------------------------------

switches = []
ports = {}          # name -> switch
dyn = {}            # port name -> dynamic_addresses
pgs = []
addrsets = []
counter = [0]


def fresh(prefix):
    counter[0] += 1
    return "%s%d" % (prefix, counter[0])


def rand_mac():
    return "0a:00:00:00:%02x:%02x" % (rng.randrange(4), rng.randrange(256))


def rand_ip4():
    """Small ranges inside the switch subnets, so that static and dynamic
    addresses collide."""
    return "10.%d.%d.%d" % (rng.randrange(4), rng.randrange(2),
                            rng.randrange(1, 12))


def rand_ip6():
    return "fd00::%x" % rng.randrange(1, 0xffff)


def rand_addresses():
    """A random "addresses" value as ovn-nbctl arguments."""
    out = []
    for _ in range(rng.choice([0, 1, 1, 1, 2])):
        kind = rng.random()
        if kind < 0.6:
            words = [rand_mac()] + [rand_ip4() for _ in range(rng.randrange(3))]
            if rng.random() < 0.3:
                words.append(rand_ip6())
            out.append(" ".join(words))
        elif kind < 0.75:
            out.append("unknown")
        elif kind < 0.9:
            out.append("dynamic")
        else:
            out.append(rand_mac() + " dynamic")
    return out


def op_ls_add():
    name = fresh("ls")
    args = ["ls-add", name]
    if rng.random() < 0.5:
        args += ["--", "set", "logical_switch", name,
                 "other_config:subnet=10.%d.0.0/24" % rng.randrange(1, 4)]
        if rng.random() < 0.3:
            args += ["other_config:exclude_ips=10.%d.0.2..10.%d.0.9"
                     % (1, 1)]
    switches.append(name)
    return args


def op_ls_del():
    if len(switches) <= 1:
        return op_ls_add()
    name = rng.choice(switches)
    switches.remove(name)
    for p in [p for p, s in ports.items() if s == name]:
        del ports[p]
    return ["ls-del", name]


def op_ls_config():
    if not switches:
        return op_ls_add()
    name = rng.choice(switches)
    r = rng.random()
    if r < 0.3:
        return ["set", "logical_switch", name,
                "other_config:vlan-passthru=%s" % rng.choice(["true",
                                                               "false"])]
    if r < 0.6:
        return ["set", "logical_switch", name,
                "other_config:subnet=10.%d.%d.0/24" % (rng.randrange(1, 4),
                                                      rng.randrange(4))]
    if r < 0.8:
        return ["remove", "logical_switch", name, "other_config", "subnet"]
    return ["set", "logical_switch", name,
            "other_config:ipv6_prefix=fd%02x::" % rng.randrange(256)]


def op_lsp_add():
    if not switches:
        return op_ls_add()
    sw = rng.choice(switches)
    name = fresh("p")
    args = ["lsp-add", sw, name]
    parents = [p for p, s in ports.items() if s == sw]
    if parents and rng.random() < 0.2:
        args = ["lsp-add", sw, name, rng.choice(parents),
                str(rng.choice([0, 0, 5, 7]))]
    ports[name] = sw
    addrs = rand_addresses()
    if addrs:
        args += ["--", "lsp-set-addresses", name] + addrs
    r = rng.random()
    if r < 0.1:
        args += ["--", "lsp-set-type", name, "localnet", "--",
                 "lsp-set-options", name, "network_name=phys"]
    elif r < 0.15:
        args += ["--", "lsp-set-type", name, "localport"]
    elif r < 0.2:
        args += ["--", "lsp-set-type", name, "l2gateway", "--",
                 "lsp-set-options", name, "network_name=phys",
                 "l2gateway-chassis=hv1"]
    return args


def op_lsp_del():
    if not ports:
        return op_lsp_add()
    name = rng.choice(list(ports))
    del ports[name]
    return ["lsp-del", name]


def op_lsp_change():
    if not ports:
        return op_lsp_add()
    name = rng.choice(list(ports))
    r = rng.random()
    if r < 0.35:
        return ["lsp-set-addresses", name] + rand_addresses()
    if r < 0.5:
        return ["lsp-set-enabled", name, rng.choice(["enabled", "disabled"])]
    if r < 0.6:
        ps = rand_addresses()
        ps = [a for a in ps if a not in ("unknown", "dynamic")
              and "dynamic" not in a]
        return ["lsp-set-port-security", name] + ps
    if r < 0.7:
        return ["lsp-set-type", name, rng.choice(["", "localnet",
                                                  "localport", "vtep",
                                                  "external"])]
    if r < 0.72:
        # A static address that takes a dynamic one's (no validation).
        taken = [a.split()[1] for p, a in dyn.items()
                 if p != name and ports.get(p) == ports[name]
                 and len(a.split()) > 1
                 and "." in a.split()[1]]
        ip = rng.choice(taken) if taken else rand_ip4()
        if os.environ.get("FUZZ_DEBUG"):
            print("static-over-dynamic %s %s %s" % (name, ip, taken))
        return ["set", "logical_switch_port", name,
                'addresses="%s %s"' % (rand_mac(), ip)]
    if r < 0.75:
        # Malformed input, bypassing ovn-nbctl's validation.
        return ["set", "logical_switch_port", name,
                'addresses="%s"' % rng.choice(["garbage", "00:11 1.2.3.4",
                                               "0a:00:00:00:00:01 1.2.3"])]
    if r < 0.77:
        return ["set", "logical_switch_port", name,
                "options:qdisc_queue_id=%d" % rng.randrange(1, 20)]
    if r < 0.8:
        # Requested tunnel keys: unique valid ones, or bad ones.
        key = rng.choice([str(30000 + int(name[1:])), "99999", "x", "-1"])
        return ["set", "logical_switch_port", name,
                "options:requested-tnl-key=%s" % key]
    if r < 0.9:
        return ["set", "logical_switch_port", name,
                "options:requested-chassis=hv%d" % rng.randrange(3)]
    return ["clear", "logical_switch_port", name, "options"]


def port_uuid(name):
    """The UUID of port 'name' if it exists (it may not yet, within a
    step), else None."""
    p = subprocess.run([NBCTL, "--timeout=20", "get", "logical_switch_port",
                        name, "_uuid"], capture_output=True, text=True)
    return p.stdout.strip() if p.returncode == 0 else None


def op_lsp_move():
    """Moves a port to another switch without touching the port's row,
    possibly while another port moves the other way or a port is added."""
    if len(switches) < 2 or not ports:
        return op_lsp_add()
    name = rng.choice(list(ports))
    src = ports[name]
    dst = rng.choice([s_ for s_ in switches if s_ != src])
    uuid = port_uuid(name)
    if not uuid:
        return op_lsp_add()
    cmds = ["remove", "logical_switch", src, "ports", uuid, "--",
            "add", "logical_switch", dst, "ports", uuid]
    back = [p for p, s_ in ports.items() if s_ == dst]
    if back and rng.random() < 0.5:
        other = rng.choice(back)
        u2 = port_uuid(other)
        if u2:
            cmds += ["--", "remove", "logical_switch", dst, "ports", u2,
                     "--", "add", "logical_switch", src, "ports", u2]
    ports[name] = dst
    return cmds


def op_pg():
    r = rng.random()
    if r < 0.3 or not pgs:
        name = fresh("pg")
        pgs.append(name)
        members = rng.sample(list(ports), min(len(ports), rng.randrange(4)))
        return ["pg-add", name] + members
    name = rng.choice(pgs)
    if r < 0.5:
        pgs.remove(name)
        return ["pg-del", name]
    members = rng.sample(list(ports), min(len(ports), rng.randrange(5)))
    return ["pg-set-ports", name] + members if members else \
        ["clear", "port_group", name, "ports"]


def op_as():
    r = rng.random()
    if r < 0.3 or not addrsets:
        name = fresh("as")
        addrsets.append(name)
        return ["create", "address_set", "name=%s" % name,
                "addresses=%s" % ",".join('"%s"' % rand_ip4()
                                           for _ in range(rng.randrange(3))
                                           ) or "[]"]
    name = rng.choice(addrsets)
    if r < 0.5:
        addrsets.remove(name)
        return ["destroy", "address_set", name]
    return ["set", "address_set", name,
            "addresses=%s" % (",".join('"%s"' % rand_ip4()
                                       for _ in range(rng.randrange(1, 4))))]


SBCTL = os.path.join(os.path.dirname(NBCTL), "ovn-sbctl")


def op_chassis():
    """Chassis come and go (ports may request them); done at once in the
    SB, returns no NB edit."""
    name = "hv%d" % rng.randrange(3)
    if rng.random() < 0.5:
        run(SBCTL, "--timeout=20", "--db=" + SB, "--may-exist", "chassis-add",
            name, "geneve", "127.0.0.%d" % (int(name[2:]) + 1))
    else:
        run(SBCTL, "--timeout=20", "--db=" + SB, "--if-exists",
            "chassis-del", name)
    return ["sync"]


def op_router():
    """Router ports come, change and go; switch ports connect to them."""
    r = rng.random()
    lrp = "lrp%d" % rng.randrange(4)
    if r < 0.3:
        return ["--may-exist", "lr-add", "fr", "--", "--may-exist",
                "lrp-add", "fr", lrp, rand_mac(),
                "%s/24" % rand_ip4(), "fd%02x::1/64" % rng.randrange(256)]
    if r < 0.5:
        return ["--if-exists", "lrp-del", lrp]
    if r < 0.7:
        return ["--if-exists", "set", "logical_router_port", lrp,
                'networks="%s/24"' % rand_ip4()]
    if not ports:
        return op_lsp_add()
    name = rng.choice(list(ports))
    return ["lsp-set-type", name, "router", "--", "lsp-set-options", name,
            "router-port=" + lrp, "--", "lsp-set-addresses", name,
            rng.choice(["router", rand_mac() + " " + rand_ip4()])]


def op_external():
    """A switch with an external port, a localnet port and a port of type
    router (whose flows the external port's depend on)."""
    if not switches:
        return op_ls_add()
    sw = rng.choice(switches)
    ext, ln, rp = fresh("p"), fresh("p"), fresh("p")
    ports[ext] = ports[ln] = ports[rp] = sw
    return ["lsp-add", sw, ext, "--", "lsp-set-type", ext, "external", "--",
            "lsp-set-addresses", ext, rand_mac() + " " + rand_ip4(), "--",
            "lsp-add", sw, ln, "--", "lsp-set-type", ln, "localnet", "--",
            "lsp-set-addresses", ln, "unknown", "--", "lsp-add", sw, rp,
            "--", "lsp-set-type", rp, "router", "--", "lsp-set-addresses",
            rp, "router", "--", "lsp-set-options", rp,
            "router-port=lrp%d" % rng.randrange(4)]


OPS = [(op_external, 1), (op_lsp_move, 2), (op_router, 3), (op_chassis, 3), (op_ls_add, 3), (op_ls_del, 1), (op_ls_config, 2), (op_lsp_add, 12),
       (op_lsp_del, 5), (op_lsp_change, 14), (op_pg, 3), (op_as, 2)]


def reload_names():
    """Re-reads the names of switches, ports, groups and sets from the NB, so
    that failed transactions do not leave the generator out of step."""
    nb = select_all("OVN_Northbound", NB, ["Logical_Switch",
                                           "Logical_Switch_Port",
                                           "Port_Group", "Address_Set"])
    lsp = {r["_uuid"][1]: r["name"] for r in nb["Logical_Switch_Port"]}
    switches[:] = sorted(r["name"] for r in nb["Logical_Switch"])
    ports.clear()
    for r in nb["Logical_Switch"]:
        for u in atom(r["ports"]) if atom(r["ports"]) and \
                atom(r["ports"])[0] != "uuid" else [atom(r["ports"])]:
            if u:
                ports[lsp[u[1]]] = r["name"]
    dyn.clear()
    for r in nb["Logical_Switch_Port"]:
        if isinstance(r["dynamic_addresses"], str):
            dyn[r["name"]] = r["dynamic_addresses"]
    pgs[:] = sorted(r["name"] for r in nb["Port_Group"])
    addrsets[:] = sorted(r["name"] for r in nb["Address_Set"])


def random_op():
    total = sum(w for _, w in OPS)
    x = rng.uniform(0, total)
    for f, w in OPS:
        x -= w
        if x <= 0:
            return f()
    return OPS[-1][0]()


def sync():
    wait_sb(NB)


def main():
    edits = 0
    nbctl("ls-add", "ls0")
    switches.append("ls0")
    start = time.monotonic()
    for step in range(STEPS):
        if time.monotonic() - start > BUDGET:
            print("time budget of %d s reached" % BUDGET)
            STEPS_DONE[0] = step
            break
        cmds = []
        for _ in range(rng.randrange(1, 7)):
            if cmds:
                cmds.append("--")
            cmds += random_op()
        out = subprocess.run([NBCTL, "--timeout=20"] + cmds,
                             capture_output=True, text=True)
        if out.returncode == 0:
            edits += cmds.count("--") + 1
        elif os.environ.get("FUZZ_DEBUG"):
            print("failed: %s: %s" % (" ".join(cmds), out.stderr.strip()))
        sync()
        reload_names()
        inc = snapshot(NB, SB)
        run("ovs-appctl", "-t", NORTHD_CTL, "inc-engine/recompute")
        sync()
        full = snapshot(NB, SB)
        if inc != full:
            print("step %d (seed %d): incremental != recompute after: %s"
                  % (step, SEED, " ".join(cmds)))
            diff(inc, full)
            sys.exit(1)
    print("%d steps, %d edits, incremental == recompute"
          % (STEPS_DONE[0] if STEPS_DONE[0] is not None else STEPS, edits))


main()
