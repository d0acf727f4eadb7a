#!/usr/bin/python3
"""Snapshot helper for northd-takeover-debian.sh.

usage: northd-takeover-debian.py save FILE | compare FILE
Saves, or compares with a saved one, the view of the southbound database
(tunnel keys included; datapath groups expanded; switch datapaths only) of
$OVN_NB_DB/$OVN_SB_DB.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from northd_sbview import snapshot  # noqa

# Logical routers are helper l3's; their flows are compared by
# l3-diff-debian.sh.
view = snapshot(os.environ["OVN_NB_DB"], os.environ["OVN_SB_DB"],
                switches_only=True)
view = {k: sorted(repr(x) for x in v) for k, v in view.items()}
if sys.argv[1] == "save":
    with open(sys.argv[2], "w") as f:
        json.dump(view, f)
    print("%d flows, %d port bindings" % (len(view["lflow"]),
                                          len(view["pb"])))
    sys.exit(0)

with open(sys.argv[2]) as f:
    saved = json.load(f)
bad = False
for k in saved:
    a, b = set(saved[k]), set(view[k])
    for x in sorted(a - b):
        print("  debian only %s: %s" % (k, x))
        bad = True
    for x in sorted(b - a):
        print("  ours only   %s: %s" % (k, x))
        bad = True
sys.exit(1 if bad else 0)
