#!/bin/bash
# Randomized proof that ovn-northd's incremental processing of logical
# routers (routers, router ports, static routes, and the switches and
# switch ports they attach to) equals a full recompute after every step.
#   L3_FUZZ_STEPS (default 150), L3_FUZZ_BUDGET (seconds, default 120) and
#   L3_FUZZ_SEED (default: random, printed) control the run.

E2E_CTL=${E2E_CTL:-auto}
. "$(dirname "$0")/lib.sh"
have_ours ovn-northd || skip "our ovn-northd is not built"

central_start ours
steps=${L3_FUZZ_STEPS:-150}
seed=${L3_FUZZ_SEED:-$RANDOM}
e2e_log "seed $seed, $steps steps"
out=$(/usr/bin/python3 "$E2E_LIBDIR/l3-incr-fuzz.py" "$E2E_NBCTL" \
      "$E2E_DIR/central/ovn-northd.ctl" "$steps" "$seed" \
      "${L3_FUZZ_BUDGET:-120}") \
    || { echo "$out"; fail "incremental != recompute (seed $seed)"; }
e2e_log "$out"
exit 0
