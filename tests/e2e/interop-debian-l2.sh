#!/bin/bash
# The harness running a whole OVN on the dummy underlay: Debian's ovn-northd
# and ovn-controller over NB/SB databases created from OUR schemas.  Shows
# the schemas are wire-compatible enough for OVN 23.03 itself, and checks
# the Geneve decoding against real OVN traffic: VNI = the datapath's
# tunnel key, option ingress/egress = the ports' tunnel keys.
# E2E_OVN=ours runs the same scenario with our ovn-northd and ovn-controller.

flavour=${E2E_OVN:-debian}
[ "$flavour" = debian ] && E2E_CTL=${E2E_CTL:-debian}
. "$(dirname "$0")/lib.sh"

central_start "$flavour"
hv_add hv1 172.31.0.1
hv_add hv2 172.31.0.2
hv_add hv3 172.31.0.3

mac1=50:54:00:00:00:01
mac2=50:54:00:00:00:02
mac3=50:54:00:00:00:03
check nbctl ls-add sw0 \
    -- lsp-add sw0 lp1 -- lsp-set-addresses lp1 "$mac1 10.0.0.1" \
    -- lsp-add sw0 lp2 -- lsp-set-addresses lp2 "$mac2 10.0.0.2" \
    -- lsp-add sw0 lp3 -- lsp-set-addresses lp3 "$mac3 10.0.0.3"

vif_add hv1 vif1 lp1
vif_add hv2 vif2 lp2
vif_add hv3 vif3 lp3
for hv in hv1 hv2 hv3; do
    hv_start_controller "$hv" "$flavour"
done
check nbctl --wait=hv --timeout=30 sync
wait_lsp_up lp1 lp2 lp3
wait_ovn_installed hv1 vif1
wait_ovn_installed hv2 vif2
wait_ovn_installed hv3 vif3

l2_tunnel_keys

# Let controllers' own chatter (if any) pass, then start clean.
l2_drain

l2_expect_unicast

# A broadcast reaches both other VIFs exactly once.
l2_expect_flood

e2e_log "OVN ($flavour) over our schemas: L2 crossing OK"
exit 0
