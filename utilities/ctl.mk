# ovn-nbctl and ovn-sbctl: command-line clients of the northbound and
# southbound databases, built on OVS's db-ctl-base.

CTL_CPPFLAGS = $(AM_CPPFLAGS) -DOVN_PACKAGE_VERSION='"$(PACKAGE_VERSION)"'

bin_PROGRAMS += utilities/ovn-nbctl
utilities_ovn_nbctl_SOURCES = \
	utilities/ovn-nbctl.c \
	utilities/ovn-nbctl.h \
	utilities/ovn-nbctl-lookup.c \
	utilities/ovn-nbctl-switch.c \
	utilities/ovn-nbctl-router.c \
	utilities/ovn-nbctl-route.c \
	utilities/ovn-nbctl-nat.c \
	utilities/ovn-nbctl-acl.c \
	utilities/ovn-nbctl-lb.c \
	utilities/ovn-nbctl-misc.c \
	utilities/ovn-nbctl-copp.c \
	lib/ovn-ctl-util.c \
	lib/ovn-ctl-util.h \
	lib/ovn-ctl-main.c \
	lib/ovn-ctl-main.h \
	lib/ovn-ctl-daemon.c \
	lib/ovn-ctl-daemon.h
utilities_ovn_nbctl_CPPFLAGS = $(CTL_CPPFLAGS)
utilities_ovn_nbctl_LDADD = lib/libovn.a $(OVS_LIBS)

bin_PROGRAMS += utilities/ovn-sbctl
utilities_ovn_sbctl_SOURCES = \
	utilities/ovn-sbctl.c \
	utilities/ovn-sbctl.h \
	utilities/ovn-sbctl-lflow.c \
	lib/ovn-ctl-main.c \
	lib/ovn-ctl-main.h \
	lib/ovn-ctl-daemon.c \
	lib/ovn-ctl-daemon.h
utilities_ovn_sbctl_CPPFLAGS = $(CTL_CPPFLAGS)
utilities_ovn_sbctl_LDADD = lib/libovn.a $(OVS_LIBS)

# Unit tests of the shared parsing helpers.
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-ovn-ctl-util
tests_unit_test_ovn_ctl_util_SOURCES = \
	tests/unit/test-ovn-ctl-util.c \
	lib/ovn-ctl-util.c \
	lib/ovn-ctl-util.h
tests_unit_test_ovn_ctl_util_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_ovn_ctl_util_LDADD = $(OVS_LIBS) $(CMOCKA_LIBS)
endif

# The end-to-end tests (tests/e2e/nbctl-*.sh, sbctl-*.sh, their command
# scripts and ctl_diff.py) ship with the tests/e2e directory.

# The generated IDL headers must exist before these objects compile, even
# when the programs are built on their own ("make utilities/ovn-nbctl").
$(utilities_ovn_nbctl_OBJECTS): lib/ovn-nb-idl.h
$(utilities_ovn_sbctl_OBJECTS): lib/ovn-sb-idl.h
