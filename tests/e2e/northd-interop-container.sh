#!/bin/bash
# Container ports (parent + VLAN tag) end to end: our ovn-northd allocates
# the tag (tag_request=0) and writes parent_port/tag into the Port_Binding;
# Debian's ovn-controller then carries frames between a container behind a
# VIF on hv1 (tagged on the VIF's wire) and a plain VIF on hv2 (untagged).

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

[ -x /usr/bin/ovn-controller ] || skip "Debian's ovn-controller is missing"
have_ours ovn-northd || skip "our ovn-northd is not built"

central_start ours
hv_add hv1 172.31.0.1
hv_add hv2 172.31.0.2

mac1=50:54:00:00:00:01
mac2=50:54:00:00:00:02
macc=50:54:00:00:00:0c
check nbctl ls-add sw0 \
    -- lsp-add sw0 lp1 -- lsp-set-addresses lp1 "$mac1 10.0.0.1" \
    -- lsp-add sw0 lp2 -- lsp-set-addresses lp2 "$mac2 10.0.0.2" \
    -- lsp-add sw0 c1 lp1 0 -- lsp-set-addresses c1 "$macc 10.0.0.12"
check nbctl --wait=sb sync
tag=$(nbctl get logical_switch_port c1 tag)
assert_eq 1 "$tag" "tag allocated for c1"
assert_eq "lp1 1" "$(sbctl --bare --columns=parent_port,tag find port_binding logical_port=c1 | xargs)" \
    "Port_Binding parent_port and tag of c1"

vif_add hv1 vif1 lp1
vif_add hv2 vif2 lp2
hv_start_controller hv1 debian
hv_start_controller hv2 debian
check nbctl --wait=hv --timeout=30 sync
for lp in lp1 lp2 c1; do
    wait_eval '[ "$(nbctl get logical_switch_port $lp up)" = true ]' \
        || fail "$lp never came up"
done
sleep 1
pcap_take "$(vif_pcap hv1 vif1)" >/dev/null
pcap_take "$(vif_pcap hv2 vif2)" >/dev/null

# vlan FRAME VID: FRAME with an 802.1Q tag inserted after the MACs.
vlan() {
    printf '%s8100%04x%s' "${1:0:24}" "$2" "${1:24}"
}

# hv2 -> container: arrives on vif1 tagged with the container's tag.
icmp=$(pkt icmp4 eth.src=$mac2 eth.dst=$macc ip4.src=10.0.0.2 \
       ip4.dst=10.0.0.12 icmp.id=7 icmp.seq=1)
inject hv2 vif2 "$icmp"
expect_packets hv1 vif1 "$(vlan "$icmp" "$tag")"

# container -> hv2: sent tagged on vif1, arrives untagged on vif2.
icmp=$(pkt icmp4 eth.src=$macc eth.dst=$mac2 ip4.src=10.0.0.12 \
       ip4.dst=10.0.0.2 icmp.id=7 icmp.seq=2)
inject hv1 vif1 "$(vlan "$icmp" "$tag")"
expect_packets hv2 vif2 "$icmp"

# The parent itself still talks untagged.
icmp=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.1 \
       ip4.dst=10.0.0.2 icmp.id=7 icmp.seq=3)
inject hv1 vif1 "$icmp"
expect_packets hv2 vif2 "$icmp"

# A frame tagged with another VLAN belongs to no port: dropped.
inject hv1 vif1 "$(vlan "$icmp" 99)"
expect_none hv2 vif2

e2e_log "container ports OK"
exit 0
