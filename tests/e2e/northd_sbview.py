"""Comparable, UUID-free views of what ovn-northd writes (shared by the
northd end-to-end tests)."""

import json
import socket
import subprocess


def run(*args, check=True):
    """Runs a command, returns stdout."""
    p = subprocess.run(args, capture_output=True, text=True)
    if check and p.returncode:
        raise RuntimeError("%s failed: %s" % (" ".join(args), p.stderr))
    return p.stdout


class Rpc:
    """A minimal blocking JSON-RPC client for an ovsdb-server unix socket
    ("unix:PATH")."""

    def __init__(self, remote):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(remote[len("unix:"):])
        self.buf = ""
        self.dec = json.JSONDecoder()
        self.next_id = 0

    def call(self, method, params):
        self.next_id += 1
        msg = {"method": method, "params": params, "id": self.next_id}
        self.sock.sendall(json.dumps(msg).encode())
        while True:
            text = self.buf.lstrip()
            try:
                obj, end = self.dec.raw_decode(text)
            except ValueError:
                data = self.sock.recv(1 << 20)
                if not data:
                    raise RuntimeError("connection closed")
                self.buf += data.decode("utf-8", "replace")
                continue
            self.buf = text[end:]
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


_conns = {}


def rpc(remote):
    """Returns a cached connection to 'remote'."""
    if remote not in _conns:
        _conns[remote] = Rpc(remote)
    return _conns[remote]


def select_all(db, remote, tables):
    """Returns {table: [row, ...]} for every row of 'tables'."""
    res = rpc(remote).transact(db, *[{"op": "select", "table": t,
                                      "where": []} for t in tables])
    return {t: r["rows"] for t, r in zip(tables, res)}


def wait_sb(nb_remote, timeout_ms=30000):
    """Bumps NB_Global nb_cfg and waits until northd reports sb_cfg caught
    up (what "ovn-nbctl --wait=sb sync" does)."""
    c = rpc(nb_remote)
    r = c.transact("OVN_Northbound",
                   {"op": "select", "table": "NB_Global", "where": [],
                    "columns": ["nb_cfg"]})
    cfg = r[0]["rows"][0]["nb_cfg"] + 1
    c.transact("OVN_Northbound",
               {"op": "update", "table": "NB_Global", "where": [],
                "row": {"nb_cfg": cfg}})
    c.transact("OVN_Northbound",
               {"op": "wait", "timeout": timeout_ms, "table": "NB_Global",
                "where": [], "columns": ["sb_cfg"], "until": "==",
                "rows": [{"sb_cfg": cfg}]})


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


def snapshot(NB, SB, dp_keys=True, switches_only=False):
    """Returns a UUID-free, comparable view of everything northd writes.
    Logical flows on datapath groups are expanded to one per datapath.
    With 'dp_keys' false, datapath and port tunnel keys and the northbound
    UUIDs in Datapath_Binding external_ids are left out.  With
    'switches_only', rows of logical router datapaths are left out."""
    sb = select_all("OVN_Southbound", SB,
                    ["Datapath_Binding", "Port_Binding", "Multicast_Group",
                     "Logical_Flow", "Address_Set", "Port_Group",
                     "SB_Global", "Chassis", "Logical_DP_Group"])
    nb = select_all("OVN_Northbound", NB, ["Logical_Switch_Port"])
    dpname = {}
    for r in sb["Datapath_Binding"]:
        ids = dict(atom(r["external_ids"]))
        dpname[r["_uuid"][1]] = ids.get("name", "?")
    if switches_only:
        keep = set(r["_uuid"][1] for r in sb["Datapath_Binding"]
                   if "logical-switch" in dict(atom(r["external_ids"])))
        sb["Datapath_Binding"] = [r for r in sb["Datapath_Binding"]
                                  if r["_uuid"][1] in keep]
        for t, col in (("Port_Binding", "datapath"),
                       ("Multicast_Group", "datapath"),
                       ("Logical_Flow", "logical_datapath")):
            sb[t] = [r for r in sb[t]
                     if atom(r[col]) == () or atom(r[col])[1] in keep]
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
    def dp_ids(r):
        ids = dict(atom(r["external_ids"]))
        if not dp_keys and "logical-switch" in ids:
            ids["logical-switch"] = "*"
        return tuple(sorted(ids.items()))

    view["dp"] = sorted((dpname[r["_uuid"][1]],
                         r["tunnel_key"] if dp_keys else None, dp_ids(r))
                        for r in sb["Datapath_Binding"])
    view["pb"] = sorted((r["logical_port"], ref(r["datapath"], dpname),
                         r["tunnel_key"] if dp_keys else None, r["type"], atom(r["mac"]),
                         atom(r["options"]), atom(r["parent_port"]),
                         atom(r["tag"]), atom(r["port_security"]),
                         atom(r["external_ids"]),
                         ref(r["requested_chassis"], chname),
                         ref(r["requested_additional_chassis"], chname))
                        for r in sb["Port_Binding"])
    view["mc"] = sorted((ref(r["datapath"], dpname), r["name"],
                         r["tunnel_key"], ref(r["ports"], pbname))
                        for r in sb["Multicast_Group"])
    groups = {r["_uuid"][1]: ref(r["datapaths"], dpname)
              for r in sb["Logical_DP_Group"]}
    lflows = []
    for r in sb["Logical_Flow"]:
        dps = [ref(r["logical_datapath"], dpname)]
        g = atom(r["logical_dp_group"])
        if g:
            dps = groups.get(g[1], ())
        for dp in dps:
            if dp == "?":
                continue
            lflows.append((dp, r["pipeline"], r["table_id"], r["priority"],
                           r["match"], r["actions"],
                           dict(atom(r["external_ids"])).get("stage-name")))
    view["lflow"] = sorted(lflows)
    view["as"] = sorted((r["name"], atom(r["addresses"]))
                        for r in sb["Address_Set"])
    view["pg"] = sorted((r["name"], atom(r["ports"]))
                        for r in sb["Port_Group"])
    view["sbg"] = sorted(atom(r["options"]) for r in sb["SB_Global"])
    view["lsp"] = sorted((r["name"], atom(r["tag"]),
                          atom(r["dynamic_addresses"]))
                         for r in nb["Logical_Switch_Port"])
    return view


def diff(a, b, name_a="incremental", name_b="recompute"):
    """Prints the differences between two snapshots."""
    w = max(len(name_a), len(name_b))
    for k in a:
        sa, sb_ = set(map(repr, a[k])), set(map(repr, b[k]))
        for x in sorted(sa - sb_):
            print("  %-*s only %s: %s" % (w, name_a, k, x))
        for x in sorted(sb_ - sa):
            print("  %-*s only %s: %s" % (w, name_b, k, x))


