#!/usr/bin/python3
"""Differential test of logical ROUTER southbound contents: the same
northbound edits (seed 004's two switches joined by a router, then more
router features) go to our ovn-northd and to Debian's 23.03 one, and after
each step every Datapath_Binding, Port_Binding and Logical_Flow (routers
and switches) must be the same, tunnel keys and NB UUIDs aside.

usage: l3-diff-debian.py NBCTL OURS_NB OURS_SB REF_NB REF_SB
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from northd_sbview import diff, run, snapshot  # noqa

NBCTL = sys.argv[1]
OURS = (sys.argv[2], sys.argv[3])
REF = (sys.argv[4], sys.argv[5])


def rlsp(sw, name, lrp, mac):
    """nbctl arguments for a router-type switch port 'name' on 'sw'."""
    return ["--", "lsp-add", sw, name, "--", "lsp-set-type", name, "router",
            "--", "lsp-set-addresses", name, mac, "--", "lsp-set-options",
            name, "router-port=" + lrp]


STEPS = [
    ("global options", ["set", "nb_global", ".",
                        "options:mac_prefix=0a:bb:cc",
                        "options:svc_monitor_mac=0a:bb:cc:dd:ee:ff"]),
    ("seed 004 switches", ["ls-add", "sw0", "--", "lsp-add", "sw0",
                           "sw0-port1", "--", "lsp-set-addresses",
                           "sw0-port1", "50:54:00:00:00:01 192.168.0.2",
                           "--", "ls-add", "sw1", "--", "lsp-add", "sw1",
                           "sw1-port1", "--", "lsp-set-addresses",
                           "sw1-port1", "50:54:00:00:00:03 11.0.0.2"]),
    ("empty router", ["lr-add", "lr0"]),
    ("router port lrp0", ["lrp-add", "lr0", "lrp0", "00:00:00:00:ff:01",
                          "192.168.0.1/24"]),
    ("attachment of lrp0", rlsp("sw0", "lrp0-attachment", "lrp0",
                                "00:00:00:00:ff:01")[1:]),
    ("lrp1 and attachment", ["lrp-add", "lr0", "lrp1", "00:00:00:00:ff:02",
                             "11.0.0.1/24"]
     + rlsp("sw1", "lrp1-attachment", "lrp1", "00:00:00:00:ff:02")),
    ("second VM on sw1", ["lsp-add", "sw1", "sw1-port2", "--",
                          "lsp-set-addresses", "sw1-port2",
                          "50:54:00:00:00:04 11.0.0.3 fd11::3"]),
    ("disabled VM is no neighbour", ["lsp-set-enabled", "sw1-port2",
                                     "disabled"]),
    ("enabled again", ["lsp-set-enabled", "sw1-port2", "enabled"]),
    ("static route", ["lr-route-add", "lr0", "10.9.0.0/16", "11.0.0.254"]),
    ("host route", ["lr-route-add", "lr0", "10.8.1.1", "192.168.0.254"]),
    ("route with output port", ["lr-route-add", "lr0", "0.0.0.0/0",
                                "11.0.0.253", "lrp1"]),
    ("two networks", ["set", "logical_router_port", "lrp1",
                      'networks="11.0.0.1/24","12.0.0.1/16"']),
    ("IPv6 network", ["set", "logical_router_port", "lrp0",
                      'networks="192.168.0.1/24","fd00::1/64"']),
    ("IPv6 route", ["lr-route-add", "lr0", "fd99::/64", "fd00::99"]),
    ("attachment with addresses router",
     ["lsp-set-addresses", "lrp1-attachment", "router"]),
    # The switch side of a disabled router port (no ARP/ND to the router
    # in ls_in_l2_lkup) is northd/nd-lsp-peer.c's, not compared here yet.
    ("disabled router port", ["set", "logical_router_port", "lrp0",
                              "enabled=false"], "routers only"),
    ("re-enabled", ["set", "logical_router_port", "lrp0", "enabled=true"]),
    ("delete a route", ["lr-route-del", "lr0", "10.9.0.0/16"]),
    ("second router", ["lr-add", "lr1", "--", "lrp-add", "lr1", "lr1-p",
                       "00:00:00:00:ee:01", "11.0.0.9/24"]
     + rlsp("sw1", "lr1-att", "lr1-p", "00:00:00:00:ee:01")),
    ("port name needing quotes", ["lrp-add", "lr1", 'lr1 "q"',
                                  "00:00:00:00:ee:02", "10.77.0.1/24"]),
    ("delete router port", ["lrp-del", "lrp0"]),
    ("delete router", ["lr-del", "lr1"]),
    ("discard route", ["lr-route-add", "lr0", "10.66.0.0/16", "discard"]),
    ("src-ip route (none written)", ["--policy=src-ip", "lr-route-add",
                                     "lr0", "11.0.0.0/24", "192.168.0.9"]),
    ("policy drop", ["lr-policy-add", "lr0", "1000",
                     "ip4.src == 192.168.0.2 && ip4.dst == 11.0.0.3",
                     "drop"]),
    ("policy allow", ["lr-policy-add", "lr0", "900",
                      "ip4.src == 192.168.0.0/24", "allow"]),
    ("policy reroute", ["lr-policy-add", "lr0", "800",
                        "ip4.dst == 10.200.0.0/16", "reroute", "11.0.0.2"]),
    ("policy reroute to several next hops",
     ["lr-policy-add", "lr0", "700", "ip4.dst == 10.201.0.0/16", "reroute",
      "11.0.0.2,11.0.0.3"]),
    ("policy deleted", ["lr-policy-del", "lr0", "900",
                        "ip4.src == 192.168.0.0/24"]),
    ("routers joined by peer ports",
     ["lr-add", "lr2", "--", "lrp-add", "lr2", "lr2-a", "00:00:00:00:dd:01",
      "169.254.10.1/30", "peer=lr3-a", "--", "lr-add", "lr3", "--",
      "lrp-add", "lr3", "lr3-a", "00:00:00:00:dd:02", "169.254.10.2/30",
      "peer=lr2-a", "--", "lr-route-add", "lr2", "10.30.0.0/16",
      "169.254.10.2"]),
    ("IPv6-only router port", ["lrp-add", "lr3", "lr3-b",
                               "00:00:00:00:dd:03", "fd33::1/64"]),
    ("router port with several IPv6 networks",
     ["set", "logical_router_port", "lr3-b",
      'networks="fd33::1/64","fd34::1/64"']),
]


def normalise(view):
    """Drops the NB UUIDs of routers from datapath external_ids."""
    dps = []
    for name, key, ids in view["dp"]:
        ids = tuple((k, "*" if k == "logical-router" else v) for k, v in ids)
        dps.append((name, key, ids))
    view["dp"] = sorted(dps)
    return view


def routers_only(view):
    """Keeps only the logical flows of router datapaths."""
    routers = set(name for name, _, ids in view["dp"]
                  if "logical-router" in dict(ids))
    view["lflow"] = [f for f in view["lflow"] if f[0] in routers]
    return view


def nbctl(db, *args):
    run(NBCTL, "--timeout=20", "--db=" + db, *args)


def main():
    bad = 0
    for i, step in enumerate(STEPS):
        what, args = step[0], step[1]
        for nb, _ in (OURS, REF):
            nbctl(nb, *args)
            nbctl(nb, "--wait=sb", "sync")
        ours = normalise(snapshot(*OURS, dp_keys=False))
        ref = normalise(snapshot(*REF, dp_keys=False))
        if len(step) > 2:
            ours, ref = routers_only(ours), routers_only(ref)
        if ours != ref:
            print("step %d (%s): southbound differs" % (i, what))
            diff(ours, ref, "ours", "debian")
            bad += 1
            if not os.environ.get("L3_DIFF_ALL"):
                sys.exit(1)
        else:
            print("step %d (%s): %d flows, %d port bindings: same"
                  % (i, what, len(ours["lflow"]), len(ours["pb"])))
    sys.exit(1 if bad else 0)


main()
