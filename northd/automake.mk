# ovn-northd: NB -> SB translation (see docs/northd-design.md).

# Address parsing shared with the CLIs (lib/ovn-addr.h); built into libovn.a.
lib_libovn_a_SOURCES += lib/ovn-addr.c lib/ovn-addr.h

noinst_LIBRARIES += northd/libnorthd.a
northd_libnorthd_a_SOURCES = \
	northd/northd.h \
	northd/nd-datapath.c \
	northd/nd-ipam.c \
	northd/nd-lflow.c \
	northd/nd-lflow.h \
	northd/nd-lswitch.c \
	northd/nd-mcast.c \
	northd/nd-pgas.c \
	northd/nd-pgas.h \
	northd/nd-port.c \
	northd/nd-run.c \
	northd/nd-util.c
northd_libnorthd_a_CPPFLAGS = $(AM_CPPFLAGS)

bin_PROGRAMS += northd/ovn-northd
northd_ovn_northd_SOURCES = northd/ovn-northd.c
northd_ovn_northd_LDADD = northd/libnorthd.a lib/libovn.a $(OVS_LIBS)
