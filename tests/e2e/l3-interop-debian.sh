#!/bin/bash
# Interop: the router datapaths OUR ovn-northd writes, run by Debian's
# ovn-controller 23.03 on both hypervisors (the l3-router.sh and
# l3-pinctrl.sh scenarios: routed frames, ARP/ping replies, drops, static,
# ECMP and policy routes; ICMP errors, ARP for unknown next hops learned
# into MAC_Binding, IPv6 ND, TCP reset).
[ -x /usr/bin/ovn-controller ] || exit 77
here=$(dirname "$0")
export L3_CONTROLLER=debian
bash "$here/l3-router.sh" "$@" || exit $?
exec bash "$here/l3-pinctrl.sh" "$@"
