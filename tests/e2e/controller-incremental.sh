#!/bin/bash
# Incremental processing must equal recomputation: after each batch of
# random configuration changes (switches, ports, VIFs coming and going,
# address sets, port groups, ACLs, routers, MAC bindings written directly
# into the southbound database), the flows our ovn-controller installed
# incrementally must be exactly those a from-scratch recomputation
# ("ovn-appctl recompute") installs.  Seed: $CONTROLLER_INCR_SEED (default 7),
# batches: $CONTROLLER_INCR_ROUNDS (default 12).

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"

have_ours ovn-controller || skip "our ovn-controller is not built"
northd=${CONTROLLER_NORTHD:-debian}
[ "$northd" = ours ] && ! have_ours ovn-northd && skip "no ovn-northd"

RANDOM=${CONTROLLER_INCR_SEED:-7}
rounds=${CONTROLLER_INCR_ROUNDS:-12}

central_start "$northd"
hv_add hv1 172.31.0.1
hv_add hv2 172.31.0.2
hv_start_controller hv1 ours
hv_start_controller hv2 ours

# flows HV: the installed flows, normalized (no statistics; conjunction
# ids, which depend on compilation order, replaced by a placeholder).
flows () {
    hv_ofctl "$1" -O OpenFlow15 dump-flows br-int --no-stats \
        | grep -v '^OFPST_FLOW' \
        | sed -e 's/conj_id=[0-9]*/conj_id=N/' \
              -e 's/conjunction([0-9]*,/conjunction(N,/g' \
        | sort
}

# settled HV: waits until HV's controller has installed what it computed.
settled () {
    wait_until '[ "$(hv_appctl '$1' -t ovn-controller debug/status \
        | sed -n "s/^desired-seq: //p")" = "$(hv_appctl '$1' -t ovn-controller \
        debug/status | sed -n "s/^installed-seq: //p")" ]'
}

mac () { printf '50:54:00:00:%02x:%02x' $(($1 / 256)) $(($1 % 256)); }
n_sw=0 n_port=0
ports=()
# One random change.
change () {
    local r=$((RANDOM % 24)) sw p hv
    [ $r -ge 12 ] && r=$((r % 6 + 2))   # Mostly ports and ACLs.
    case $r in
    0|1)
        n_sw=$((n_sw + 1))
        check nbctl ls-add sw$n_sw
        ;;
    2|3|4)
        [ $n_sw -gt 0 ] || return 0
        sw=sw$((RANDOM % n_sw + 1))
        nbctl ls-list | grep -q "($sw)" || return 0
        n_port=$((n_port + 1))
        p=p$n_port
        check nbctl lsp-add $sw $p -- lsp-set-addresses $p \
            "$(mac $n_port) 10.$((n_port / 250)).$((n_port % 250)).1"
        ports+=("$p")
        hv=hv$((RANDOM % 2 + 1))
        check hv_vsctl $hv add-port br-int vif-$p -- set interface vif-$p \
            external_ids:iface-id=$p
        ;;
    5)
        [ ${#ports[@]} -gt 0 ] || return 0
        p=${ports[$((RANDOM % ${#ports[@]}))]}
        nbctl lsp-del $p 2>/dev/null || true
        ;;
    6)
        [ ${#ports[@]} -gt 0 ] || return 0
        p=${ports[$((RANDOM % ${#ports[@]}))]}
        for hv in hv1 hv2; do
            hv_vsctl $hv --if-exists del-port br-int vif-$p
        done
        ;;
    7)
        local as=as$((RANDOM % 3))
        nbctl --if-exists destroy Address_Set "$as" 2>/dev/null
        nbctl create Address_Set name=$as \
            addresses="10.9.$((RANDOM % 9)).1" >/dev/null 2>&1 || true
        nbctl acl-add "$(nbctl ls-list | head -1 | awk '{print $2}' \
            | tr -d '()')" to-lport $((1000 + RANDOM % 50)) \
            "ip4.src == \$as$((RANDOM % 3))" allow-related >/dev/null 2>&1 \
            || true
        ;;
    8)
        [ ${#ports[@]} -gt 1 ] || return 0
        nbctl --if-exists pg-del pg1 -- pg-add pg1 \
            ${ports[$((RANDOM % ${#ports[@]}))]} \
            ${ports[$((RANDOM % ${#ports[@]}))]} >/dev/null 2>&1 || true
        nbctl acl-add "$(nbctl ls-list | head -1 | awk '{print $2}' \
            | tr -d '()')" from-lport 900 "inport == @pg1 && tcp.dst == \
$((RANDOM % 1000))" drop 2>/dev/null || true
        ;;
    9)
        [ $n_sw -gt 0 ] || return 0
        sw=sw$((RANDOM % n_sw + 1))
        nbctl ls-list | grep -q "($sw)" || return 0
        nbctl --may-exist lr-add lr0 >/dev/null
        nbctl --may-exist lrp-add lr0 lrp-$sw 00:00:00:00:ff:$(printf %02x $((RANDOM % 200))) \
            172.16.$((RANDOM % 200)).1/24 2>/dev/null || return 0
        nbctl --may-exist lsp-add $sw $sw-lr0 -- lsp-set-type $sw-lr0 router \
            -- lsp-set-addresses $sw-lr0 router \
            -- lsp-set-options $sw-lr0 router-port=lrp-$sw 2>/dev/null || true
        ;;
    10)
        [ $n_sw -gt 0 ] || return 0
        sw=sw$((RANDOM % n_sw + 1))
        nbctl --if-exists ls-del $sw
        ;;
    11)
        local dp lp
        lp=$(sbctl --bare --columns=logical_port find Port_Binding type=patch \
             | grep . | head -1)
        [ -n "$lp" ] || return 0
        dp=$(sbctl --bare --columns=datapath find Port_Binding \
             logical_port=$lp)
        sbctl create MAC_Binding logical_port=$lp datapath=$dp \
            ip=172.16.9.$((RANDOM % 200)) mac='"00:00:00:00:aa:01"' \
            >/dev/null || true
        ;;
    esac
}

# A starting point: three switches with ports on both hypervisors.
for i in 1 2 3; do
    n_sw=$((n_sw + 1))
    check nbctl ls-add sw$n_sw
done
for i in 1 2 3 4 5 6 7 8; do
    n_port=$((n_port + 1))
    p=p$n_port
    check nbctl lsp-add sw$((i % 3 + 1)) $p -- lsp-set-addresses $p \
        "$(mac $n_port) 10.0.$n_port.1"
    ports+=("$p")
    check hv_vsctl hv$((i % 2 + 1)) add-port br-int vif-$p \
        -- set interface vif-$p external_ids:iface-id=$p
done
max=0

for ((round = 1; round <= rounds; round++)); do
    for ((i = 0; i < 6; i++)); do
        change
    done
    check nbctl --wait=hv --timeout=30 sync
    for hv in hv1 hv2; do
        settled $hv || fail "$hv never installed its flows (round $round)"
        incr=$(flows $hv)
        check hv_appctl $hv -t ovn-controller recompute
        sleep 0.3
        settled $hv || fail "$hv recompute never installed (round $round)"
        full=$(flows $hv)
        assert_eq "$full" "$incr" \
            "$hv incremental vs recomputed flows (round $round)"
    done
    n=$(echo "$incr" | wc -l)
    [ "$n" -gt "$max" ] && max=$n
    e2e_log "round $round: $n flows on hv2, identical"
done
[ "$max" -gt 100 ] \
    || fail "too few flows for a meaningful comparison"
e2e_log "incremental processing equals recomputation"
exit 0
