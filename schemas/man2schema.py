#!/usr/bin/python3
# Copyright (c) 2026 The project authors.
#
# Derives an OVSDB schema (JSON) from an ovsdb-doc generated manpage, e.g.
#
#     man2schema.py /usr/share/man/man5/ovn-nb.5.gz OVN_Northbound \
#         > ovn-nb.ovsschema
#
# ovsdb-doc documents each column as
#     .IP "\fBNAME\fR: TYPE-IN-ENGLISH"
# in the "Details" part of each "TABLE" section.  This script inverts that
# English rendering into JSON column types.  The few schema facts that
# ovsdb-doc does not render (isRoot, maxRows, multi-column indexes and the
# types of columns documented only key by key) are given by
# supplement_<DB>() below, each with the manpage prose that justifies it.

import gzip
import json
import re
import subprocess
import sys

UNLIMITED = "unlimited"


def unroff(s):
    """Converts nroff text 's' to plain text."""
    s = re.sub(r'\\f[BRIL]', '', s)
    s = s.replace(r'\[char46]', '.').replace(r'\-', '-')
    s = s.replace(r'\(cq', "'").replace(r'\(dq', '"').replace(r'\e', '\\')
    s = s.replace(r'\(oq', '`').replace(r'\&', '')
    return s


def parse_number(s, base):
    """Parses a number as printed by ovsdb-doc (commafied or %g)."""
    s = unroff(s).replace(',', '')
    return int(s) if base == "integer" else float(s)


def parse_literals(s):
    """Parses 'must be A', 'either A or B' or 'one of A, B, or C'."""
    if s.startswith("must be "):
        return [s[len("must be "):]]
    m = re.match(r"either (.*) or (.*)$", s)
    if m:
        return [m.group(1), m.group(2)]
    m = re.match(r"one of (.*), or (.*)$", s)
    if m:
        return m.group(1).split(", ") + [m.group(2)]
    return None


def literal_atom(lit, base):
    """Converts an nroff enum literal to a JSON atom of type 'base'."""
    text = unroff(lit)
    if base == "integer":
        return int(text)
    if base == "real":
        return float(text)
    if base == "boolean":
        return text == "true"
    return text


def parse_constraints(s, bt):
    """Applies base-type constraint text 's' to base type dict 'bt'."""
    base = bt["type"]
    lits = parse_literals(s)
    if lits is not None:
        atoms = [literal_atom(l, base) for l in lits]
        bt["enum"] = atoms[0] if len(atoms) == 1 else ["set", atoms]
        return
    m = re.match(r"(exactly|at least|at most) (\S+) characters long$", s)
    if m:
        n = parse_number(m.group(2), "integer")
        if m.group(1) != "at most":
            bt["minLength"] = n
        if m.group(1) != "at least":
            bt["maxLength"] = n
        return
    m = re.match(r"between (\S+) and (\S+) characters long$", s)
    if m:
        bt["minLength"] = parse_number(m.group(1), "integer")
        bt["maxLength"] = parse_number(m.group(2), "integer")
        return
    suffix = "Integer" if base == "integer" else "Real"
    m = re.match(r"in range (\S+) to (\S+)$", s)
    if m:
        bt["min" + suffix] = parse_number(m.group(1), base)
        bt["max" + suffix] = parse_number(m.group(2), base)
        return
    m = re.match(r"at (least|most) (\S+)$", s)
    if m:
        key = ("min" if m.group(1) == "least" else "max") + suffix
        bt[key] = parse_number(m.group(2), base)
        return
    raise ValueError("cannot parse constraint %r" % s)


def parse_base(s, plural=False):
    """Parses an English base type ('string', 'weak reference to T'...)."""
    s = s.strip()
    bt = {}
    if s.startswith("weak reference to "):
        bt["refType"] = "weak"
        s = s[len("weak reference to "):]
    m = re.match(r"\\fB(\w+)\\fR(es|s)?$", s)
    if m:
        bt["type"] = "uuid"
        bt["refTable"] = m.group(1)
        return bt
    if plural:
        s = s[:-1] if s.endswith("s") else s
    if s not in ("string", "integer", "real", "boolean", "uuid"):
        raise ValueError("unknown base type %r" % s)
    bt["type"] = s
    return bt


def simplify_base(bt):
    """Returns 'bt' as a plain string when it has no constraints."""
    return bt["type"] if list(bt) == ["type"] else bt


def parse_type(text):
    """Parses a full ovsdb-doc column type.  Returns (type, unique)."""
    unique = False
    if text.endswith(" (must be unique within table)"):
        unique = True
        text = text[:-len(" (must be unique within table)")]
    if text.startswith("immutable "):
        raise ValueError("immutable columns are not supported")
    phrase, _, constraints = text.partition(", ")
    n_min, n_max = 1, 1
    is_map = False
    m = re.match(r"optional (.*)$", phrase)
    if m:
        n_min, phrase = 0, m.group(1)
        if phrase.endswith(" pair"):
            is_map, phrase = True, phrase[:-len(" pair")]
    else:
        m = re.match(r"(map|set) of (?:(\S+) or more |(\S+) to (\S+) |"
                     r"up to (\S+) )?(.*)$", phrase)
        if m:
            is_map = m.group(1) == "map"
            if m.group(2):
                n_min, n_max = int(m.group(2).replace(',', '')), UNLIMITED
            elif m.group(3):
                n_min = int(m.group(3).replace(',', ''))
                n_max = int(m.group(4).replace(',', ''))
            elif m.group(5):
                n_min, n_max = 0, int(m.group(5).replace(',', ''))
            else:
                n_min, n_max = 0, UNLIMITED
            phrase = m.group(6)
            if is_map:
                phrase = phrase[:-len(" pairs")]
    if is_map:
        k, _, v = phrase.partition("-")
        key, value = parse_base(k), parse_base(v)
    else:
        key = parse_base(phrase, plural=(n_max != 1))
        value = None
    if constraints:
        if is_map:
            for part in re.split(r", (?=value )", constraints):
                if part.startswith("key "):
                    parse_constraints(part[4:], key)
                elif part.startswith("value "):
                    parse_constraints(part[6:], value)
                else:
                    raise ValueError("bad map constraint %r" % part)
        else:
            parse_constraints(constraints, key)
    if n_min == 1 and n_max == 1 and value is None:
        key = simplify_base(key)
        return (key if isinstance(key, str) else {"key": key}), unique
    t = {"key": simplify_base(key)}
    if value is not None:
        t["value"] = simplify_base(value)
    t["min"] = n_min
    t["max"] = n_max
    return t, unique


def parse_manpage(path):
    """Returns (version, {table: {columns, indexes}}) from manpage 'path'."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        lines = f.read().splitlines()
    version = None
    tables = {}
    order = []
    table = None
    in_details = False
    for line in lines:
        m = re.match(r'\.TH "[^"]*" 5 " DB Schema (\S+)"', line)
        if m:
            version = m.group(1)
        m = re.match(r'\.SH "(\w+) TABLE"$', line)
        if m:
            table = {"columns": {}, "indexes": [], "keys": {}}
            tables[m.group(1)] = table
            order.append(m.group(1))
            in_details = False
            continue
        if table is None:
            continue
        if line.startswith('.SS "Details:'):
            in_details = True
            continue
        if line.startswith('.SH '):
            table = None
            continue
        m = re.match(r'\.IP "\\fB(.*?)\\fR: (.*)"$', line)
        if not (in_details and m):
            continue
        name, text = unroff(m.group(1)), m.group(2)
        if " : " in name:
            col, key = name.split(" : ", 1)
            table["keys"].setdefault(col, []).append((key, text))
            continue
        ctype, unique = parse_type(text)
        table["columns"][name] = {"type": ctype}
        if unique:
            table["indexes"].append([name])
    return version, tables, order


def key_only_column(table, col):
    """Types a column that the manpage documents only key by key.  ovsdb-doc
    renders each key as 'optional VALUE-TYPE', so the column is a map from
    string to that value type."""
    values = set()
    for key, text in table["keys"][col]:
        m = re.match(r"optional (\S+)", text)
        values.add(m.group(1).rstrip(","))
    if len(values) != 1:
        raise ValueError("inconsistent key types for %s" % col)
    return {"type": {"key": "string", "value": values.pop(),
                     "min": 0, "max": UNLIMITED}}


def supplement(db, tables):
    """Adds the facts ovsdb-doc does not render (see SUPPLEMENTS)."""
    for t in tables.values():
        for col in t["keys"]:
            if col not in t["columns"]:
                t["columns"][col] = key_only_column(t, col)
    for (tname, what, arg) in SUPPLEMENTS[db]:
        t = tables[tname]
        if what == "root":
            t["isRoot"] = True
        elif what == "maxRows":
            t["maxRows"] = arg
        elif what == "index":
            t["indexes"].append(arg)
        elif what == "ephemeral":
            for col in arg:
                t["columns"][col]["ephemeral"] = True
        else:
            raise ValueError(what)


# Facts not rendered by ovsdb-doc as column types.  Each entry is
# (table, "root" | "maxRows" | "index", argument).
#
# "maxRows" 1: the manpage says of NB_Global/SB_Global "This table must
# have exactly one row"; SSL holds the single SSL configuration.
# "ephemeral": Connection status columns are maintained by ovsdb-server
# at run time ("Status" group) and are not persisted.
# "root": the manpage does not render isRoot; these are the tables whose
# rows exist on their own (not merely referenced from a parent row), i.e.
# everything except the tables owned by a referencing row (ports, ACLs,
# routes, NAT, QoS, meter bands, ...).  Cross-checked against the
# reference schema with tests/schema-compare.py.
# "index": multi-column uniqueness.  Several are stated in the prose (e.g.
# Multicast_Group: "An index forces the key to be unique within the
# datapath"); the rest were confirmed against the reference schema.
_NB_ROOTS = ["NB_Global", "Copp", "Logical_Switch", "Address_Set",
             "Port_Group", "Load_Balancer", "Load_Balancer_Group",
             "Logical_Router", "Mirror", "Meter", "DHCP_Options", "DNS",
             "HA_Chassis_Group", "BFD", "Static_MAC_Binding",
             "Chassis_Template_Var"]
_SB_ROOTS = ["SB_Global", "Chassis", "Chassis_Private", "Address_Set",
             "Port_Group", "Logical_Flow", "Mirror", "Meter",
             "Multicast_Group", "Datapath_Binding", "Port_Binding",
             "MAC_Binding", "DHCP_Options", "DHCPv6_Options", "DNS",
             "RBAC_Role", "RBAC_Permission", "IP_Multicast", "IGMP_Group",
             "HA_Chassis_Group", "Controller_Event", "Service_Monitor",
             "Load_Balancer", "BFD", "FDB", "Static_MAC_Binding",
             "Chassis_Template_Var"]
SUPPLEMENTS = {
    "OVN_Northbound": (
        [(t, "root", None) for t in _NB_ROOTS] + [
            ("NB_Global", "maxRows", 1),
            ("SSL", "maxRows", 1),
            ("Connection", "ephemeral", ["is_connected", "status"]),
            ("BFD", "index", ["logical_port", "dst_ip"]),
            ("Static_MAC_Binding", "index", ["logical_port", "ip"]),
        ]),
    "OVN_Southbound": (
        [(t, "root", None) for t in _SB_ROOTS] + [
            ("SB_Global", "maxRows", 1),
            ("SSL", "maxRows", 1),
            ("Connection", "ephemeral", ["is_connected", "status"]),
            ("Encap", "index", ["type", "ip"]),
            ("Multicast_Group", "index", ["datapath", "tunnel_key"]),
            ("Multicast_Group", "index", ["datapath", "name"]),
            ("Port_Binding", "index", ["datapath", "tunnel_key"]),
            ("MAC_Binding", "index", ["logical_port", "ip"]),
            ("IGMP_Group", "index", ["address", "datapath", "chassis"]),
            ("Service_Monitor", "index",
             ["logical_port", "ip", "port", "protocol"]),
            ("BFD", "index", ["logical_port", "dst_ip", "src_port", "disc"]),
            ("FDB", "index", ["mac", "dp_key"]),
            ("Static_MAC_Binding", "index", ["logical_port", "ip"]),
        ]),
}


def main(argv):
    """Entry point."""
    path, db = argv[1], argv[2]
    version, tables, order = parse_manpage(path)
    supplement(db, tables)
    out = {"name": db, "version": version, "tables": {}}
    for name in order:
        t = tables[name]
        jt = {"columns": {c: t["columns"][c] for c in t["columns"]}}
        if t["indexes"]:
            jt["indexes"] = t["indexes"]
        if t.get("isRoot"):
            jt["isRoot"] = True
        if "maxRows" in t:
            jt["maxRows"] = t["maxRows"]
        out["tables"][name] = jt
    text = json.dumps(out, indent=4) + "\n"
    # Add a "cksum" member computed the way OVS's
    # build-aux/calculate-schema-cksum does: cksum(1) of the file without
    # its cksum line.
    crc = subprocess.run(["cksum"], input=text.encode(), check=True,
                         stdout=subprocess.PIPE).stdout.decode().split()
    lines = text.split("\n")
    lines.insert(1, '    "cksum": "%s %s",' % (crc[0], crc[1]))
    sys.stdout.write("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
