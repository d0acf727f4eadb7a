# utilities/ovn-ctl: the service script behind the ovn-central and ovn-host
# systemd units.
pkgdatascriptsdir = $(pkgdatadir)/scripts
pkgdatascripts_SCRIPTS = utilities/ovn-ctl
CLEANFILES += utilities/ovn-ctl
EXTRA_DIST += utilities/ovn-ctl.in

utilities/ovn-ctl: $(top_srcdir)/utilities/ovn-ctl.in Makefile
	$(AM_V_GEN)$(MKDIR_P) utilities && sed \
		-e 's|@rundir@|$(localstatedir)/run/ovn|' \
		-e 's|@logdir@|$(localstatedir)/log/ovn|' \
		-e 's|@dbdir@|$(localstatedir)/lib/ovn|' \
		-e 's|@pkgdatadir@|$(pkgdatadir)|' \
		-e 's|@bindir@|$(bindir)|' \
		$(top_srcdir)/utilities/ovn-ctl.in > $@.tmp && \
	chmod +x $@.tmp && mv $@.tmp $@

# ovn-appctl: talks to a daemon's unixctl socket under the OVN run directory.
bin_PROGRAMS += utilities/ovn-appctl
utilities_ovn_appctl_SOURCES = utilities/ovn-appctl.c
utilities_ovn_appctl_LDADD = lib/libovn.a $(OVS_LIBS)
