#!/bin/bash
# Randomized proof that ovn-northd's incremental processing is exact: long
# random sequences of northbound edits, and after each step the southbound
# contents (and the northbound columns northd writes) maintained
# incrementally must equal what a full recompute produces.
#   NORTHD_FUZZ_STEPS (default 400), NORTHD_FUZZ_BUDGET (seconds, default
#   200: a slow machine stops early) and NORTHD_FUZZ_SEED (default: random,
#   printed) control the run.

E2E_CTL=debian
. "$(dirname "$0")/lib.sh"
have_ours ovn-northd || skip "our ovn-northd is not built"

central_start ours
steps=${NORTHD_FUZZ_STEPS:-400}
seed=${NORTHD_FUZZ_SEED:-$RANDOM}
e2e_log "seed $seed, $steps steps"
out=$(/usr/bin/python3 "$E2E_LIBDIR/northd-incr-fuzz.py" "$E2E_NBCTL" \
      "$E2E_DIR/central/ovn-northd.ctl" "$steps" "$seed") \
    || { echo "$out"; fail "incremental != recompute (seed $seed)"; }
e2e_log "$out"
full=$(central_appctl ovn-northd inc-engine/show-stats | \
       awk '/recompute:/ { print $3; exit }')
e2e_log "full recomputes: $full"
exit 0
