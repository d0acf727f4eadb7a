# ovn-northd: NB -> SB translation (see docs/northd-design.md).

noinst_LIBRARIES += northd/libnorthd.a
northd_libnorthd_a_SOURCES = \
	northd/northd.h \
	northd/nd-datapath.c \
	northd/nd-ipam.c \
	northd/nd-lflow.c \
	northd/nd-lflow.h \
	northd/nd-lswitch.c \
	northd/nd-lrouter.c \
	northd/nd-lrouter.h \
	northd/nd-lrouter-pipeline.c \
	northd/nd-mcast.c \
	northd/nd-pgas.c \
	northd/nd-pgas.h \
	northd/nd-port.c \
	northd/nd-lsp-peer.c \
	northd/nd-run.c \
	northd/nd-util.c
northd_libnorthd_a_CPPFLAGS = $(AM_CPPFLAGS)

bin_PROGRAMS += northd/ovn-northd
northd_ovn_northd_SOURCES = northd/ovn-northd.c
northd_ovn_northd_LDADD = northd/libnorthd.a lib/libovnlflow.a lib/libovn.a \
	$(OVS_LIBS)

# Unit tests.
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-northd-addr
tests_unit_test_northd_addr_SOURCES = tests/unit/test-northd-addr.c
tests_unit_test_northd_addr_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_northd_addr_LDADD = lib/libovn.a $(OVS_LIBS) $(CMOCKA_LIBS)
check_PROGRAMS += tests/unit/test-northd-lflow
tests_unit_test_northd_lflow_SOURCES = tests/unit/test-northd-lflow.c
tests_unit_test_northd_lflow_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_northd_lflow_LDADD = northd/libnorthd.a lib/libovnlflow.a \
	lib/libovn.a $(OVS_LIBS) $(CMOCKA_LIBS)
# l3: router pipeline.
check_PROGRAMS += tests/unit/test-northd-lrouter
tests_unit_test_northd_lrouter_SOURCES = tests/unit/test-northd-lrouter.c
tests_unit_test_northd_lrouter_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_northd_lrouter_LDADD = northd/libnorthd.a \
	lib/libovnlflow.a lib/libovn.a $(OVS_LIBS) $(CMOCKA_LIBS)
endif

# End-to-end tests (tests/e2e/northd-*): helpers they need.
EXTRA_DIST += \
	tests/e2e/northd-diff-debian.py \
	tests/e2e/northd-diff-debian.sh \
	tests/e2e/northd-incr-fuzz.py \
	tests/e2e/northd-incr-fuzz.sh \
	tests/e2e/northd-ha.sh \
	tests/e2e/northd-interop-container.sh \
	tests/e2e/northd-interop-l2.sh \
	tests/e2e/northd-takeover-debian.py \
	tests/e2e/northd-takeover-debian.sh \
	tests/e2e/northd_sbview.py \
	tests/e2e/l3-diff-debian.py \
	tests/e2e/l3-diff-debian.sh
