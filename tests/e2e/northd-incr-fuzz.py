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

import json
import random
import subprocess
import sys

NBCTL, NORTHD_CTL = sys.argv[1], sys.argv[2]
STEPS, SEED = int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(SEED)

import os
NB = os.environ["OVN_NB_DB"]
SB = os.environ["OVN_SB_DB"]


def run(*args, check=True):
    """Runs a command, returns stdout."""
    p = subprocess.run(args, capture_output=True, text=True)
    if check and p.returncode:
        raise RuntimeError("%s failed: %s" % (" ".join(args), p.stderr))
    return p.stdout


def nbctl(*args, check=True):
    """Runs ovn-nbctl with a transaction of ARGS."""
    return run(NBCTL, "--timeout=20", *args, check=check)


def select_all(db, remote, tables):
    """Returns {table: [row, ...]} for every row of 'tables'."""
    ops = [db] + [{"op": "select", "table": t, "where": []} for t in tables]
    out = run("ovsdb-client", "transact", remote, json.dumps(ops))
    res = json.loads(out)
    return {t: r["rows"] for t, r in zip(tables, res)}


def atom(v):
    """Converts an OVSDB JSON value to a hashable Python value."""
    if isinstance(v, list):
        if v[0] == "set":
            return tuple(sorted(atom(x) for x in v[1]))
        if v[0] == "map":
            return tuple(sorted((atom(k), atom(x)) for k, x in v[1]))
        if v[0] == "uuid":
            return ("uuid", v[1])
    return v


def snapshot():
    """Returns a UUID-free, comparable view of everything northd writes."""
    sb = select_all("OVN_Southbound", SB,
                    ["Datapath_Binding", "Port_Binding", "Multicast_Group",
                     "Logical_Flow", "Address_Set", "Port_Group",
                     "SB_Global", "Chassis"])
    nb = select_all("OVN_Northbound", NB, ["Logical_Switch_Port"])
    dpname = {}
    for r in sb["Datapath_Binding"]:
        ids = dict(atom(r["external_ids"]))
        dpname[r["_uuid"][1]] = ids.get("name", "?")
    pbname = {r["_uuid"][1]: r["logical_port"] for r in sb["Port_Binding"]}
    chname = {r["_uuid"][1]: r["name"] for r in sb["Chassis"]}

    def ref(v, names):
        v = atom(v)
        if v == ():
            return None
        if isinstance(v, tuple) and v and v[0] == "uuid":
            return names.get(v[1], "?")
        return tuple(sorted(names.get(x[1], "?") for x in v))

    view = {}
    view["dp"] = sorted((dpname[r["_uuid"][1]], r["tunnel_key"],
                         atom(r["external_ids"]))
                        for r in sb["Datapath_Binding"])
    view["pb"] = sorted((r["logical_port"], ref(r["datapath"], dpname),
                         r["tunnel_key"], r["type"], atom(r["mac"]),
                         atom(r["options"]), atom(r["parent_port"]),
                         atom(r["tag"]), atom(r["port_security"]),
                         ref(r["requested_chassis"], chname))
                        for r in sb["Port_Binding"])
    view["mc"] = sorted((ref(r["datapath"], dpname), r["name"],
                         r["tunnel_key"], ref(r["ports"], pbname))
                        for r in sb["Multicast_Group"])
    view["lflow"] = sorted((ref(r["logical_datapath"], dpname),
                            r["pipeline"], r["table_id"], r["priority"],
                            r["match"], r["actions"],
                            dict(atom(r["external_ids"])).get("stage-name"))
                           for r in sb["Logical_Flow"])
    view["as"] = sorted((r["name"], atom(r["addresses"]))
                        for r in sb["Address_Set"])
    view["pg"] = sorted((r["name"], atom(r["ports"]))
                        for r in sb["Port_Group"])
    view["sbg"] = sorted(atom(r["options"]) for r in sb["SB_Global"])
    view["lsp"] = sorted((r["name"], atom(r["tag"]),
                          atom(r["dynamic_addresses"]))
                         for r in nb["Logical_Switch_Port"])
    return view


def diff(a, b):
    """Prints the differences between two snapshots."""
    for k in a:
        sa, sb_ = set(map(repr, a[k])), set(map(repr, b[k]))
        for x in sorted(sa - sb_):
            print("  incremental only %s: %s" % (k, x))
        for x in sorted(sb_ - sa):
            print("  recompute only   %s: %s" % (k, x))


# ---- random edits ---------------------------------------------------------

switches = []
ports = {}          # name -> switch
pgs = []
addrsets = []
counter = [0]


def fresh(prefix):
    counter[0] += 1
    return "%s%d" % (prefix, counter[0])


def rand_mac():
    return "0a:00:00:00:%02x:%02x" % (rng.randrange(4), rng.randrange(256))


def rand_ip4():
    return "10.0.%d.%d" % (rng.randrange(4), rng.randrange(1, 254))


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
                                                  "localport", "vtep"])]
    if r < 0.75:
        # Malformed input, bypassing ovn-nbctl's validation.
        return ["set", "logical_switch_port", name,
                'addresses="%s"' % rng.choice(["garbage", "00:11 1.2.3.4",
                                               "0a:00:00:00:00:01 1.2.3"])]
    if r < 0.8:
        return ["set", "logical_switch_port", name,
                "options:qdisc_queue_id=%d" % rng.randrange(1, 20)]
    if r < 0.9:
        return ["set", "logical_switch_port", name,
                "options:requested-chassis=hv%d" % rng.randrange(3)]
    return ["clear", "logical_switch_port", name, "options"]


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


OPS = [(op_ls_add, 3), (op_ls_del, 1), (op_ls_config, 2), (op_lsp_add, 12),
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
    nbctl("--wait=sb", "sync")


def main():
    edits = 0
    nbctl("ls-add", "ls0")
    switches.append("ls0")
    for step in range(STEPS):
        cmds = []
        for _ in range(rng.randrange(1, 4)):
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
        inc = snapshot()
        run("ovs-appctl", "-t", NORTHD_CTL, "inc-engine/recompute")
        sync()
        full = snapshot()
        if inc != full:
            print("step %d (seed %d): incremental != recompute after: %s"
                  % (step, SEED, " ".join(cmds)))
            diff(inc, full)
            sys.exit(1)
    print("%d steps, %d edits, incremental == recompute" % (STEPS, edits))


main()
