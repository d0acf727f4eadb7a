#!/bin/bash
# Seed 004 topology with real ping in network namespaces, everything ours:
# our ovn-northd routes through logical router lr0, our ovn-controller on
# both hypervisors (the scenario of interop-debian-router-netns.sh).
export E2E_OVN=ours E2E_CTL=${E2E_CTL:-auto}
exec "$(dirname "$0")/interop-debian-router-netns.sh" "$@"
