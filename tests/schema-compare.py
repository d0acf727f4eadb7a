#!/usr/bin/python3
# Copyright (c) 2026 The project authors.
#
# Structural comparison of two OVSDB schema files.
#
# Usage: schema-compare.py OURS [REFERENCE]
#
# REFERENCE defaults to /usr/share/ovn/<basename of OURS>.  Prints every
# structural difference, one per line, and exits 0 when there is none,
# 1 when there is at least one, 77 (skip) when the reference is missing and
# 2 on usage or parse errors.  JSON layout, member ordering, "cksum" and
# documentation-only members do not matter; everything that affects the
# wire protocol or the database semantics does.

import json
import os
import sys

INT_MIN = -(2 ** 63)
INT_MAX = 2 ** 63 - 1


def norm_atomic_type(t):
    """Returns the atomic type name of 't' (a string or {"type": ...})."""
    if isinstance(t, str):
        return t
    return t.get("type")


def norm_enum(enum):
    """Returns an enum value as a frozenset of atoms, or None."""
    if enum is None:
        return None
    if isinstance(enum, list) and len(enum) == 2 and enum[0] == "set":
        return frozenset(json.dumps(a, sort_keys=True) for a in enum[1])
    return frozenset([json.dumps(enum, sort_keys=True)])


def norm_base(b):
    """Normalises a base type into a dict with every constraint explicit."""
    if b is None:
        return None
    if isinstance(b, str):
        b = {"type": b}
    t = b.get("type")
    out = {"type": t,
           "enum": norm_enum(b.get("enum"))}
    if t == "integer":
        out["minInteger"] = b.get("minInteger", INT_MIN)
        out["maxInteger"] = b.get("maxInteger", INT_MAX)
    elif t == "real":
        out["minReal"] = b.get("minReal")
        out["maxReal"] = b.get("maxReal")
    elif t == "string":
        out["minLength"] = b.get("minLength", 0)
        out["maxLength"] = b.get("maxLength", None)
    elif t == "uuid":
        ref = b.get("refTable")
        out["refTable"] = ref
        out["refType"] = b.get("refType", "strong") if ref else None
    for k in b:
        if k not in ("type", "enum", "minInteger", "maxInteger", "minReal",
                     "maxReal", "minLength", "maxLength", "refTable",
                     "refType"):
            out["unknown:" + k] = json.dumps(b[k], sort_keys=True)
    return out


def norm_type(t):
    """Normalises a column type into {key, value, min, max}."""
    if isinstance(t, str):
        t = {"key": t}
    elif "key" not in t:
        # Not valid OVSDB syntax: report it rather than guess.
        return {"invalid": json.dumps(t, sort_keys=True)}
    n_max = t.get("max", 1)
    return {"key": norm_base(t["key"]),
            "value": norm_base(t.get("value")),
            "min": t.get("min", 1),
            "max": n_max}


def norm_column(c):
    """Normalises a column: type plus the 'ephemeral' and 'mutable' flags."""
    return {"type": norm_type(c["type"]),
            "ephemeral": c.get("ephemeral", False),
            "mutable": c.get("mutable", True)}


def norm_indexes(idx):
    """Returns the indexes of a table as a set of sets of column names."""
    return frozenset(frozenset(i) for i in (idx or []))


def fmt(v):
    """Formats a normalised value for humans."""
    if isinstance(v, frozenset):
        return "{" + ", ".join(sorted(fmt(x) for x in v)) + "}"
    return str(v)


def compare_dicts(prefix, a, b, diffs):
    """Appends to 'diffs' a line for each differing member of a and b."""
    for k in sorted(set(a) | set(b)):
        va, vb = a.get(k), b.get(k)
        if isinstance(va, dict) and isinstance(vb, dict):
            compare_dicts("%s.%s" % (prefix, k), va, vb, diffs)
        elif va != vb:
            diffs.append("%s.%s: ours=%s reference=%s"
                         % (prefix, k, fmt(va), fmt(vb)))


def compare(ours, ref):
    """Returns the list of differences between schemas 'ours' and 'ref'."""
    diffs = []
    for k in ("name", "version"):
        if ours.get(k) != ref.get(k):
            diffs.append("%s: ours=%s reference=%s"
                         % (k, ours.get(k), ref.get(k)))
    ot, rt = ours.get("tables", {}), ref.get("tables", {})
    for t in sorted(set(ot) - set(rt)):
        diffs.append("table %s: only in ours" % t)
    for t in sorted(set(rt) - set(ot)):
        diffs.append("table %s: missing from ours" % t)
    for t in sorted(set(ot) & set(rt)):
        a, b = ot[t], rt[t]
        if a.get("isRoot", False) != b.get("isRoot", False):
            diffs.append("table %s: isRoot ours=%s reference=%s"
                         % (t, a.get("isRoot", False), b.get("isRoot", False)))
        if a.get("maxRows") != b.get("maxRows"):
            diffs.append("table %s: maxRows ours=%s reference=%s"
                         % (t, a.get("maxRows"), b.get("maxRows")))
        ia, ib = norm_indexes(a.get("indexes")), norm_indexes(b.get("indexes"))
        for i in sorted(ia - ib, key=fmt):
            diffs.append("table %s: index %s only in ours" % (t, fmt(i)))
        for i in sorted(ib - ia, key=fmt):
            diffs.append("table %s: index %s missing from ours" % (t, fmt(i)))
        ca, cb = a.get("columns", {}), b.get("columns", {})
        for c in sorted(set(ca) - set(cb)):
            diffs.append("column %s.%s: only in ours" % (t, c))
        for c in sorted(set(cb) - set(ca)):
            diffs.append("column %s.%s: missing from ours" % (t, c))
        for c in sorted(set(ca) & set(cb)):
            compare_dicts("column %s.%s" % (t, c),
                          norm_column(ca[c]), norm_column(cb[c]), diffs)
    return diffs


def main(argv):
    """Entry point: returns the process exit status."""
    if len(argv) not in (2, 3):
        sys.stderr.write("usage: %s OURS [REFERENCE]\n" % argv[0])
        return 2
    ours_file = argv[1]
    if len(argv) == 3:
        ref_file = argv[2]
    else:
        ref_file = os.path.join("/usr/share/ovn",
                                os.path.basename(ours_file))
    if not os.path.exists(ref_file):
        print("reference schema %s not found, skipping" % ref_file)
        return 77
    try:
        with open(ours_file) as f:
            ours = json.load(f)
        with open(ref_file) as f:
            ref = json.load(f)
    except (OSError, ValueError) as e:
        sys.stderr.write("%s\n" % e)
        return 2
    diffs = compare(ours, ref)
    for d in diffs:
        print(d)
    print("%s: %d difference(s) from %s" % (ours_file, len(diffs), ref_file),
          file=sys.stderr)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
