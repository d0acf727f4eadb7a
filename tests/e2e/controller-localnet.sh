#!/bin/bash
# localnet and l2gateway ports (the setup of seed 001): ovn-bridge-mappings
# name a physical bridge br-ex on each hypervisor, whose port "phy" is the
# physical network.  Our ovn-controller must create the patch ports
# patch-br-int-to-<port> / patch-<port>-to-br-int, claim the l2gateway port
# only on its chassis, and carry frames (with the VLAN tag of the port)
# between VIFs and the physical network.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

have_ours ovn-controller || skip "our ovn-controller is not built"
northd=${CONTROLLER_NORTHD:-debian}
[ "$northd" = ours ] && ! have_ours ovn-northd && skip "no ovn-northd"

central_start "$northd"
hv_add hv1 172.31.0.1
hv_add hv2 172.31.0.2
for hv in hv1 hv2; do
    check hv_vsctl $hv add-br br-ex -- add-port br-ex phy -- set interface phy \
        options:tx_pcap="$E2E_DIR/$hv/phy-tx.pcap" \
        options:rxq_pcap="$E2E_DIR/$hv/phy-rx.pcap" \
        -- set Open_vSwitch . external_ids:ovn-bridge-mappings=physnet1:br-ex
done

mac1=50:54:00:00:00:01
mac2=50:54:00:00:00:02
mac3=50:54:00:00:00:03
ext=50:54:00:00:00:99
check nbctl ls-add sw0 \
    -- lsp-add sw0 lp1 -- lsp-set-addresses lp1 "$mac1 10.0.0.1" \
    -- lsp-add sw0 lp2 -- lsp-set-addresses lp2 "$mac2 10.0.0.2" \
    -- lsp-add sw0 ln -- lsp-set-type ln localnet \
    -- lsp-set-addresses ln unknown -- lsp-set-options ln network_name=physnet1
check nbctl ls-add sw1 \
    -- lsp-add sw1 lp3 -- lsp-set-addresses lp3 "$mac3 10.1.0.3" \
    -- lsp-add sw1 gw "" 301 -- lsp-set-type gw l2gateway \
    -- lsp-set-addresses gw unknown \
    -- lsp-set-options gw network_name=physnet1 l2gateway-chassis=hv1
vif_add hv1 vif1 lp1
vif_add hv2 vif2 lp2
vif_add hv2 vif3 lp3
hv_start_controller hv1 ours
hv_start_controller hv2 ours
check nbctl --wait=hv --timeout=30 sync

# Patch ports: localnet on both chassis, l2gateway only on hv1.
wait_until hv_vsctl hv1 get Interface patch-br-int-to-gw ofport \
    || fail "no l2gateway patch port on hv1"
assert_eq "patch-br-int-to-gw patch-br-int-to-ln" \
    "$(hv_vsctl hv1 list-ports br-int | grep ^patch | paste -sd' ')" \
    "patch ports on hv1 br-int"
assert_eq "patch-gw-to-br-int patch-ln-to-br-int" \
    "$(hv_vsctl hv1 list-ports br-ex | grep ^patch | paste -sd' ')" \
    "patch ports on hv1 br-ex"
assert_eq "patch-br-int-to-ln" \
    "$(hv_vsctl hv2 list-ports br-int | grep ^patch | paste -sd' ')" \
    "patch ports on hv2 br-int"
assert_eq patch-ln-to-br-int \
    "$(hv_vsctl hv1 get Interface patch-br-int-to-ln options:peer)" "peer"
assert_eq hv1 "$(sbctl --bare --columns=name list Chassis \
    "$(sbctl --bare --columns=chassis find Port_Binding logical_port=gw)")" \
    "chassis of the l2gateway port"

sleep 1
for hv in hv1 hv2; do
    pcap_take "$(underlay_pcap $hv rx)" >/dev/null
    pcap_take "$E2E_DIR/$hv/phy-tx.pcap" >/dev/null
done
phy_expect () {
    local hv=$1
    shift
    pcap_expect "$E2E_DIR/$hv/phy-tx.pcap" "$@"
}

# localnet: physical network -> VIF.
f=$(pkt icmp4 eth.src=$ext eth.dst=$mac1 ip4.src=10.0.0.99 ip4.dst=10.0.0.1)
inject hv1 phy "$f"
expect_packets hv1 vif1 "$f"

# localnet: VIF -> unknown MAC goes out to the physical network, untagged,
# on the local chassis only.
f=$(pkt icmp4 eth.src=$mac1 eth.dst=$ext ip4.src=10.0.0.1 ip4.dst=10.0.0.99)
inject hv1 vif1 "$f"
phy_expect hv1 "$f"
phy_expect hv2
expect_none hv2 vif2

# localnet: a VIF on another chassis is reached through the physical
# network, not through a tunnel.
f=$(pkt icmp4 eth.src=$mac1 eth.dst=$mac2 ip4.src=10.0.0.1 ip4.dst=10.0.0.2)
inject hv1 vif1 "$f"
phy_expect hv1 "$f"
pcap_none "$(underlay_pcap hv1 rx)"

# l2gateway: tagged frames from the physical network on hv1 reach the VIF
# on hv2 (through Geneve), untagged.
f=$(pkt icmp4 eth.src=$ext eth.dst=$mac3 ip4.src=10.1.0.99 ip4.dst=10.1.0.3)
ft=$(pkt icmp4 eth.src=$ext eth.dst=$mac3 ip4.src=10.1.0.99 ip4.dst=10.1.0.3 \
     vlan=301)
inject hv1 phy "$ft"
expect_packets hv2 vif3 "$f"
expect_none hv1 vif1
expect_none hv2 vif2

# l2gateway: the VIF's frame to an unknown MAC leaves on hv1, tagged 301.
f=$(pkt icmp4 eth.src=$mac3 eth.dst=$ext ip4.src=10.1.0.3 ip4.dst=10.1.0.99)
ft=$(pkt icmp4 eth.src=$mac3 eth.dst=$ext ip4.src=10.1.0.3 ip4.dst=10.1.0.99 \
     vlan=301)
inject hv2 vif3 "$f"
phy_expect hv1 "$ft"
phy_expect hv2

# A tag on the localnet port: frames leave tagged and come in tagged.
check nbctl --wait=hv set Logical_Switch_Port ln tag_request=100
wait_until '[ "$(sbctl --bare --columns=tag find Port_Binding logical_port=ln)" = 100 ]' \
    || fail "localnet tag not set"
check nbctl --wait=hv sync
f=$(pkt icmp4 eth.src=$mac1 eth.dst=$ext ip4.src=10.0.0.1 ip4.dst=10.0.0.99)
ft=$(pkt icmp4 eth.src=$mac1 eth.dst=$ext ip4.src=10.0.0.1 ip4.dst=10.0.0.99 \
     vlan=100)
inject hv1 vif1 "$f"
phy_expect hv1 "$ft"
f=$(pkt icmp4 eth.src=$ext eth.dst=$mac1 ip4.src=10.0.0.99 ip4.dst=10.0.0.1)
ft=$(pkt icmp4 eth.src=$ext eth.dst=$mac1 ip4.src=10.0.0.99 ip4.dst=10.0.0.1 \
     vlan=100)
inject hv1 phy "$ft"
expect_packets hv1 vif1 "$f"

# Removing the mapping removes the patch ports.
check hv_vsctl hv2 remove Open_vSwitch . external_ids ovn-bridge-mappings
wait_until '[ -z "$(hv_vsctl hv2 list-ports br-int | grep ^patch)" ]' \
    || fail "patch port not removed on hv2"
assert_eq "" "$(hv_vsctl hv2 list-ports br-ex | grep ^patch)" \
    "patch ports on hv2 br-ex"

e2e_log "localnet and l2gateway OK"
exit 0
