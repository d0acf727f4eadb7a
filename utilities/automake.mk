# Scripts under utilities/ that are not ovn-nbctl/ovn-sbctl (see ctl.mk).

# The demo: a central plus two hypervisors with seed 004's topology.
dist_noinst_SCRIPTS += utilities/ovn-demo.sh
