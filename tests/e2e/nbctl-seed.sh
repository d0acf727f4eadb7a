#!/bin/bash
# nbctl-seed: the ovn-nbctl/ovn-sbctl command sequences of the seed
# documents (../shared/seeds/001_* and 004_*) run verbatim against a fresh
# NB/SB database pair (over TCP, as in the seeds), and "show" prints what
# the seeds show, in OVN 23.03's format (UUIDs normalised; sibling blocks,
# whose order follows UUIDs, compared as sets).
#
# No northd runs here, so the one value northd would fill in (the tag
# allocated from tag_request for the l2gateway port) is written by the test
# itself, as northd would.
. "$(dirname "$0")/lib.sh"

have_ours ovn-nbctl && have_ours ovn-sbctl || skip "our ctl tools are not built"
export PATH=$(dirname "$(our_bin ovn-nbctl)"):$PATH
[ "$(command -v ovn-nbctl)" = "$(our_bin ovn-nbctl)" ] || fail "PATH setup"

central_start none
NB=$E2E_NB_TCP SB=$E2E_SB_TCP

# Normalises "show" output: UUIDs replaced, sibling blocks sorted.
norm () {
    "$E2E_PYTHON" -c '
import sys
sys.path.insert(0, sys.argv[1])
from ctl_diff import norm, tree_sort
text = norm(sys.stdin.read())
print("\n".join(tree_sort(text.splitlines())))' "$E2E_LIBDIR"
}
# expect_show WHAT EXPECTED ACTUAL
expect_show () {
    assert_eq "$(printf '%s\n' "$2" | norm)" "$(printf '%s\n' "$3" | norm)" "$1"
}

# --- 001: one switch named after a docker network, an l2gateway port ---
NETID=b5fb702e948902881b1b933191b9ee83f8dad4eb434a9d27d408d7a2d5fe2aa2
check ovn-nbctl --db=$NB ls-add $NETID
export SW_NAME=$(ovn-nbctl --db=$NB ls-list | awk '{print $2}' | sed s/\(//g | sed s/\)//g)
assert_eq "$NETID" "$SW_NAME" "SW_NAME from ls-list"
check ovn-nbctl --db=$NB lsp-add $SW_NAME l2gwport "" 301
check ovn-nbctl --db=$NB lsp-set-addresses l2gwport unknown
check ovn-nbctl --db=$NB lsp-set-type l2gwport l2gateway
check ovn-nbctl --db=$NB lsp-set-options l2gwport network_name=physnet301 l2gateway-chassis=28928b40-900b-4f48-b4ed-8d9d2f1082fd
assert_eq 301 "$(ovn-nbctl --db=$NB get Logical_Switch_Port l2gwport tag_request)" "tag_request"
assert_eq "" "$(ovn-nbctl --db=$NB lsp-get-parent l2gwport)" "empty parent"
assert_eq "l2gateway-chassis=28928b40-900b-4f48-b4ed-8d9d2f1082fd
network_name=physnet301" "$(ovn-nbctl --db=$NB lsp-get-options l2gwport | sort)" "l2gw options"
check ovn-nbctl --db=$NB set Logical_Switch_Port l2gwport tag=301  # northd's job

for pair in 35d89c2d-0505-41aa-b0c6-6aff6f483899:52:54:00:f6:45:c2 \
            2c5a0afd-b12a-419e-b6f5-718c5d0e6446:52:54:00:d7:a6:96; do
    export IFACE_ID=${pair%%:*} MAC_ADDR=${pair#*:}
    export SW_NAME=$(ovn-nbctl --db=$NB ls-list | awk '{print $2}' | sed s/\(//g | sed s/\)//g)
    check ovn-nbctl --db=$NB lsp-add $SW_NAME $IFACE_ID
    check ovn-nbctl --db=$NB lsp-set-addresses $IFACE_ID $MAC_ADDR
done
check ovn-nbctl --db=$NB lsp-add $SW_NAME b7131d7ecd548dcc4b6eb38bef0179b1bc75645e5683b69e6131da69d0aed1be
check ovn-nbctl --db=$NB lsp-set-addresses b7131d7ecd548dcc4b6eb38bef0179b1bc75645e5683b69e6131da69d0aed1be "02:dc:06:e4:de:3c 192.168.31.2"
check ovn-nbctl --db=$NB lsp-add $SW_NAME 16b258df72cb52ddb2527be69578c1f953c9275e154d4107743b0ee3ac13f095
check ovn-nbctl --db=$NB lsp-set-addresses 16b258df72cb52ddb2527be69578c1f953c9275e154d4107743b0ee3ac13f095 "02:26:b3:e1:ab:5c 192.168.31.3"

expect_show "001 ovn-nbctl show" "\
switch b70b9243-80b3-4ad6-8940-55bff06251fc ($NETID)
    port b7131d7ecd548dcc4b6eb38bef0179b1bc75645e5683b69e6131da69d0aed1be
        addresses: [\"02:dc:06:e4:de:3c 192.168.31.2\"]
    port 16b258df72cb52ddb2527be69578c1f953c9275e154d4107743b0ee3ac13f095
        addresses: [\"02:26:b3:e1:ab:5c 192.168.31.3\"]
    port l2gwport
        type: l2gateway
        parent: 
        tag: 301
        addresses: [\"unknown\"]
    port 35d89c2d-0505-41aa-b0c6-6aff6f483899
        addresses: [\"52:54:00:f6:45:c2\"]
    port 2c5a0afd-b12a-419e-b6f5-718c5d0e6446
        addresses: [\"52:54:00:d7:a6:96\"]" \
    "$(ovn-nbctl --db=$NB show)"

# A single-port block keeps its exact line order.
assert_eq "    port l2gwport
        type: l2gateway
        parent: 
        tag: 301
        addresses: [\"unknown\"]" \
    "$(ovn-nbctl --db=$NB show $SW_NAME | sed -n '/port l2gwport/,+4p')" \
    "l2gwport block"

# The southbound side of 001: two chassis with geneve encaps and bindings.
C3=1fdd4703-9c73-4afd-adf3-e0e90b7afb63 C2=28928b40-900b-4f48-b4ed-8d9d2f1082fd
check ovn-sbctl --db=$SB chassis-add $C3 geneve 192.168.30.103
check ovn-sbctl --db=$SB chassis-add $C2 geneve 192.168.30.102
check ovn-sbctl --db=$SB set Chassis $C3 hostname=c76ovn03.md.jp
check ovn-sbctl --db=$SB set Chassis $C2 hostname=c76ovn02.md.jp
dp=$(ovn-sbctl --db=$SB create Datapath_Binding tunnel_key=1 external_ids:name=$NETID)
key=1
for p in 35d89c2d-0505-41aa-b0c6-6aff6f483899:$C3 \
         b7131d7ecd548dcc4b6eb38bef0179b1bc75645e5683b69e6131da69d0aed1be:$C3 \
         16b258df72cb52ddb2527be69578c1f953c9275e154d4107743b0ee3ac13f095:$C2 \
         2c5a0afd-b12a-419e-b6f5-718c5d0e6446:$C2 l2gwport:$C2; do
    check ovn-sbctl --db=$SB create Port_Binding logical_port=${p%%:*} \
        datapath=$dp tunnel_key=$key >/dev/null
    check ovn-sbctl --db=$SB lsp-bind ${p%%:*} ${p#*:}
    key=$((key + 1))
done
# 23.03 quotes only the strings that need it (the seed, from 2.11, quoted
# every name).
expect_show "001 ovn-sbctl show" "\
Chassis \"$C3\"
    hostname: c76ovn03.md.jp
    Encap geneve
        ip: \"192.168.30.103\"
        options: {csum=\"true\"}
    Port_Binding \"35d89c2d-0505-41aa-b0c6-6aff6f483899\"
    Port_Binding b7131d7ecd548dcc4b6eb38bef0179b1bc75645e5683b69e6131da69d0aed1be
Chassis \"$C2\"
    hostname: c76ovn02.md.jp
    Encap geneve
        ip: \"192.168.30.102\"
        options: {csum=\"true\"}
    Port_Binding \"16b258df72cb52ddb2527be69578c1f953c9275e154d4107743b0ee3ac13f095\"
    Port_Binding \"2c5a0afd-b12a-419e-b6f5-718c5d0e6446\"
    Port_Binding l2gwport" \
    "$(ovn-sbctl --db=$SB show)"

# Connection commands from the seed.
check ovn-nbctl --db=$NB set-connection ptcp:6641
check ovn-sbctl --db=$SB set-connection ptcp:6642
assert_eq ptcp:6641 "$(ovn-nbctl --db=$NB get-connection)" "nb get-connection"
assert_eq 'read-write role="" ptcp:6642' "$(ovn-sbctl --db=$SB get-connection)" \
    "sb get-connection"
check ovn-nbctl --db=$NB del-connection
check ovn-sbctl --db=$SB del-connection

# --- 004: two switches, a router, router-type switch ports ---
check ovn-nbctl --db=$NB ls-del $NETID
check ovn-nbctl --db=$NB ls-add sw0
check ovn-nbctl --db=$NB lsp-add sw0 sw0-port1
check ovn-nbctl --db=$NB lsp-set-addresses sw0-port1 "50:54:00:00:00:01 192.168.0.2"
check ovn-nbctl --db=$NB ls-add sw1
check ovn-nbctl --db=$NB lsp-add sw1 sw1-port1
check ovn-nbctl --db=$NB lsp-set-addresses sw1-port1 "50:54:00:00:00:03 11.0.0.2"
check ovn-nbctl --db=$NB lr-add lr0
check ovn-nbctl --db=$NB lrp-add lr0 lrp0 00:00:00:00:ff:01 192.168.0.1/24
check ovn-nbctl --db=$NB lsp-add sw0 lrp0-attachment
check ovn-nbctl --db=$NB lsp-set-type lrp0-attachment router
check ovn-nbctl --db=$NB lsp-set-addresses lrp0-attachment 00:00:00:00:ff:01
check ovn-nbctl --db=$NB lsp-set-options lrp0-attachment router-port=lrp0
check ovn-nbctl --db=$NB lrp-add lr0 lrp1 00:00:00:00:ff:02 11.0.0.1/24
check ovn-nbctl --db=$NB lsp-add sw1 lrp1-attachment
check ovn-nbctl --db=$NB lsp-set-type lrp1-attachment router
check ovn-nbctl --db=$NB lsp-set-addresses lrp1-attachment 00:00:00:00:ff:02
check ovn-nbctl --db=$NB lsp-set-options lrp1-attachment router-port=lrp1

# The seed's output, indented by its blog's formatting, reads:
expect_show "004 ovn-nbctl show" "\
switch 1396cf55-d176-4082-9a55-1c06cef626e4 (sw1)
    port lrp1-attachment
        type: router
        addresses: [\"00:00:00:00:ff:02\"]
        router-port: lrp1
    port sw1-port1
        addresses: [\"50:54:00:00:00:03 11.0.0.2\"]
switch 2c9d6d03-09fc-4e32-8da6-305f129b0d53 (sw0)
    port lrp0-attachment
        type: router
        addresses: [\"00:00:00:00:ff:01\"]
        router-port: lrp0
    port sw0-port1
        addresses: [\"50:54:00:00:00:01 192.168.0.2\"]
router f8377e8c-f75e-4fc8-8751-f3ea03c6dd98 (lr0)
    port lrp0
        mac: \"00:00:00:00:ff:01\"
        networks: [\"192.168.0.1/24\"]
    port lrp1
        mac: \"00:00:00:00:ff:02\"
        networks: [\"11.0.0.1/24\"]" \
    "$(ovn-nbctl --db=$NB show)"

assert_eq "    port lrp0-attachment
        type: router
        addresses: [\"00:00:00:00:ff:01\"]
        router-port: lrp0" \
    "$(ovn-nbctl --db=$NB show sw0 | sed -n '/port lrp0-attachment/,+3p')" \
    "router-type port block"
assert_eq "$(ovn-nbctl --db=$NB show lr0 | norm)" \
    "$(ovn-nbctl --db=$NB show | sed -n '/^router/,$p' | norm)" "show lr0"
assert_eq "lrp0
lrp1" "$(ovn-nbctl --db=$NB lrp-list lr0 | awk '{print $2}' | tr -d '()')" \
    "lrp-list"
assert_eq "lrp0-attachment
sw0-port1" "$(ovn-nbctl --db=$NB lsp-list sw0 | awk '{print $2}' | tr -d '()')" \
    "lsp-list sw0"
assert_eq router "$(ovn-nbctl --db=$NB lsp-get-type lrp1-attachment)" "type"
exit 0
