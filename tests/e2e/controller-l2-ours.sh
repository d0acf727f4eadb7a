#!/bin/bash
# The L2 scenarios of controller-l2.sh with everything ours: our ovn-northd
# writes the southbound database, our ovn-nbctl/ovn-sbctl drive it, our
# ovn-controller runs on the hypervisors.
export CONTROLLER_NORTHD=ours E2E_CTL=auto
exec "$(dirname "$0")/controller-l2.sh" "$@"
