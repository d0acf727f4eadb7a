#!/usr/bin/python3
"""Differential test of the southbound contents: the same northbound edits
are applied to two deployments, one run by our ovn-northd and one by
Debian's (the reference), and after each step the southbound databases
must hold the same rows (logical flows, port bindings, multicast groups,
datapaths, address sets, port groups, SB_Global options) and the
northbound columns northd writes must agree.  Tunnel keys are left out
(allocation order may differ); everything else is compared exactly.

usage: northd-diff-debian.py NBCTL OURS_NB OURS_SB REF_NB REF_SB
Prints one line per step; exits 1 with a diff on the first mismatch.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from northd_sbview import diff, run, snapshot  # noqa

NBCTL = sys.argv[1]
OURS = (sys.argv[2], sys.argv[3])
REF = (sys.argv[4], sys.argv[5])

M = "50:54:00:00:00:"

# Each step: (description, [ovn-nbctl arguments as one transaction]).
STEPS = [
    ("global options", ["set", "nb_global", ".",
                        "options:mac_prefix=0a:bb:cc",
                        "options:svc_monitor_mac=0a:bb:cc:dd:ee:ff"]),
    ("empty switch", ["ls-add", "sw0"]),
    ("two VIFs", ["lsp-add", "sw0", "p1", "--", "lsp-set-addresses", "p1",
                  M + "01 10.0.0.1", "--", "lsp-add", "sw0", "p2", "--",
                  "lsp-set-addresses", "p2", M + "02 10.0.0.2"]),
    ("IPv6 and several IPs", ["lsp-add", "sw0", "p3", "--",
                              "lsp-set-addresses", "p3",
                              M + "03 10.0.0.3 10.0.0.33 fd00::3",
                              M + "13 fd00::13"]),
    ("port security", ["lsp-set-port-security", "p3",
                       M + "03 10.0.0.3 fd00::3"]),
    ("unknown port", ["lsp-add", "sw0", "u1", "--", "lsp-set-addresses",
                      "u1", "unknown", M + "04 10.0.0.4"]),
    ("unknown with port security",
     ["lsp-set-port-security", "u1", M + "04"]),
    ("localnet with VLAN", ["lsp-add", "sw0", "ln", "--", "lsp-set-type",
                            "ln", "localnet", "--", "lsp-set-addresses",
                            "ln", "unknown", "--", "lsp-set-options", "ln",
                            "network_name=phys", "--", "set",
                            "logical_switch_port", "ln", "tag=100"]),
    ("localport", ["lsp-add", "sw0", "lp", "--", "lsp-set-type", "lp",
                   "localport", "--", "lsp-set-addresses", "lp",
                   M + "05 10.0.0.5"]),
    ("l2gateway", ["lsp-add", "sw0", "gw", "--", "lsp-set-type", "gw",
                   "l2gateway", "--", "lsp-set-options", "gw",
                   "network_name=phys", "l2gateway-chassis=hv1", "--",
                   "lsp-set-addresses", "gw", "unknown"]),
    ("container port", ["lsp-add", "sw0", "c1", "p1", "0", "--",
                        "lsp-set-addresses", "c1", M + "06 10.0.0.6"]),
    ("more container ports", ["lsp-add", "sw0", "c2", "p1", "0", "--",
                              "lsp-add", "sw0", "c3", "p2", "42"]),
    ("port name needing quoting", ["lsp-add", "sw0", 'we"ird\\x', "--",
                                   "lsp-set-addresses", 'we"ird\\x',
                                   M + "0e 10.0.0.14"]),
    ("disabled port", ["lsp-set-enabled", "p2", "disabled"]),
    ("re-enabled port", ["lsp-set-enabled", "p2", "enabled"]),
    ("QoS queue", ["set", "logical_switch_port", "p1",
                   "options:qdisc_queue_id=3", "--", "set",
                   "logical_switch_port", "ln", "options:qdisc_queue_id=4"]),
    ("external ids", ["set", "logical_switch_port", "p1",
                      "external_ids:foo=bar", "--", "set", "logical_switch",
                      "sw0", "external_ids:neutron\\:network_name=netA",
                      "other_config:interconn-ts=ts1"]),
    ("requested chassis, absent", ["set", "logical_switch_port", "p2",
                                   "options:requested-chassis=hv1,hv2"]),
    ("chassis appear", ["SB", "chassis-add", "hv1", "geneve", "127.0.0.1",
                        "--", "chassis-add", "hv2", "geneve", "127.0.0.2"]),
    ("chassis by hostname", ["set", "logical_switch_port", "p1",
                             "options:requested-chassis=hv2"]),
    ("chassis go", ["SB", "chassis-del", "hv1"]),
    ("second switch", ["ls-add", "sw1", "--", "lsp-add", "sw1", "q1", "--",
                       "lsp-set-addresses", "q1", M + "21 10.1.0.1"]),
    ("vlan-passthru", ["set", "logical_switch", "sw1",
                       "other_config:vlan-passthru=true"]),
    ("IPAM switch", ["ls-add", "ipam", "--", "set", "logical_switch", "ipam",
                     "other_config:subnet=10.2.0.0/24",
                     'other_config:exclude_ips="10.2.0.2..10.2.0.4"',
                     "other_config:ipv6_prefix=fd22::", "--",
                     "lsp-add", "ipam", "d1", "--", "lsp-set-addresses",
                     "d1", "dynamic"]),
    ("IPAM more ports", ["lsp-add", "ipam", "d2", "--", "lsp-set-addresses",
                         "d2", "0a:11:22:33:44:55 dynamic", "--",
                         "lsp-add", "ipam", "d3", "--",
                         "lsp-set-addresses", "d3", "dynamic 10.2.0.50",
                         "--", "lsp-add", "ipam", "s1", "--",
                         "lsp-set-addresses", "s1", M + "31 10.2.0.9"]),
    ("mac_only switch", ["ls-add", "mo", "--", "set", "logical_switch", "mo",
                         "other_config:mac_only=true", "--", "lsp-add", "mo",
                         "m1", "--", "lsp-set-addresses", "m1", "dynamic"]),
    ("port group and address set",
     ["pg-add", "pg1", "p1", "u1", "q1", "--", "create", "address_set",
      "name=as1", 'addresses="10.9.0.1","10.9.0.2"']),
    ("port group change", ["pg-set-ports", "pg1", "p3", "q1"]),
    ("empty port group", ["pg-add", "pg2"]),
    ("address change", ["lsp-set-addresses", "p1", M + "41 10.0.0.41"]),
    ("type change", ["lsp-set-type", "lp", ""]),
    ("port deletion", ["lsp-del", "p3"]),
    ("requested tunnel keys", ["set", "logical_switch_port", "p2",
                               "options:requested-tnl-key=77"]),
    ("address set deletion", ["destroy", "address_set", "as1"]),
    ("port group deletion", ["pg-del", "pg1"]),
    ("switch deletion", ["ls-del", "sw1"]),
    ("virtual port", ["ls-add", "sv", "--", "lsp-add", "sv", "vm1", "--",
                      "lsp-set-addresses", "vm1", M + "51 10.5.0.1", "--",
                      "lsp-add", "sv", "vm2", "--", "lsp-set-addresses",
                      "vm2", M + "52 10.5.0.2", "--", "lsp-add", "sv", "vip",
                      "--", "lsp-set-type", "vip", "virtual", "--",
                      "lsp-set-addresses", "vip", M + "5a 10.5.0.10", "--",
                      "lsp-set-options", "vip", "virtual-ip=10.5.0.10",
                      "virtual-parents=vm1,vm2"]),
    ("vtep port", ["lsp-add", "sv", "vt", "--", "lsp-set-type", "vt", "vtep",
                   "--", "lsp-set-options", "vt", "vtep-physical-switch=ps",
                   "vtep-logical-switch=lsw", "--", "lsp-set-addresses", "vt",
                   "unknown"]),
    ("external port", ["lsp-add", "sv", "ext", "--", "lsp-set-type", "ext",
                       "external", "--", "lsp-set-addresses", "ext",
                       M + "5e 10.5.0.20"]),
    ("router-type port", ["lsp-add", "sv", "rp", "--", "lsp-set-type", "rp",
                          "router", "--", "lsp-set-addresses", "rp",
                          "router", "--", "lsp-set-options", "rp",
                          "router-port=lrp0"]),
    ("router", ["lr-add", "r1", "--", "lrp-add", "r1", "r1-sv",
                "00:00:00:00:07:fe", "10.5.0.254/24", "fd05::fe/64"]),
    ("router port on the switch", ["lsp-add", "sv", "sv-r1", "--",
                                   "lsp-set-type", "sv-r1", "router", "--",
                                   "lsp-set-addresses", "sv-r1", "router",
                                   "--", "lsp-set-options", "sv-r1",
                                   "router-port=r1-sv"]),
    ("localnet next to external and router ports",
     ["lsp-add", "sv", "lnv", "--", "lsp-set-type", "lnv", "localnet", "--",
      "lsp-set-addresses", "lnv", "unknown", "--", "lsp-set-options", "lnv",
      "network_name=phys"]),
    ("router port networks change", ["set", "logical_router_port", "r1-sv",
                                     'networks="10.5.0.253/24"',
                                     "mac=\"00:00:00:00:07:fd\""]),
    ("peer appears later", ["lrp-add", "r1", "lrp0", "00:00:00:00:07:aa",
                            "10.9.9.1/24"]),
    ("router port with explicit addresses",
     ["lsp-set-addresses", "rp", "00:00:00:00:07:aa 10.9.9.1"]),
    ("external port address change", ["lsp-set-addresses", "ext",
                                      M + "5f 10.5.0.21"]),
    ("router port deleted", ["lrp-del", "r1-sv"]),
    ("localnet removed", ["lsp-del", "lnv"]),
    ("vtep port disabled", ["lsp-set-enabled", "vt", "disabled"]),
    ("vtep port deleted", ["lsp-del", "vt"]),
    ("everything unknown goes", ["lsp-del", "u1", "--", "lsp-del", "ln",
                                 "--", "lsp-del", "gw"]),
]


SBCTL = os.path.join(os.path.dirname(NBCTL), "ovn-sbctl")


def nbctl(db, *args):
    run(NBCTL, "--timeout=20", "--db=" + db, *args)


def main():
    for i, (what, args) in enumerate(STEPS):
        for nb, sb in (OURS, REF):
            if args[0] == "SB":
                run(SBCTL, "--timeout=20", "--db=" + sb, *args[1:])
            else:
                nbctl(nb, *args)
            nbctl(nb, "--wait=sb", "sync")
        ours = snapshot(*OURS, dp_keys=False, switches_only=True)
        ref = snapshot(*REF, dp_keys=False, switches_only=True)
        if ours != ref:
            print("step %d (%s): southbound differs" % (i, what))
            diff(ours, ref, "ours", "debian")
            sys.exit(1)
        print("step %d (%s): %d flows, %d port bindings: same"
              % (i, what, len(ours["lflow"]), len(ours["pb"])))


main()
