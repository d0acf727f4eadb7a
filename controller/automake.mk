# ovn-controller: the per-hypervisor agent (see ovn-controller(8)).
# The concepts live in controller/libcontroller.a so that unit tests can
# link them; the program is controller/ovn-controller.c.

noinst_LIBRARIES += controller/libcontroller.a
controller_libcontroller_a_SOURCES = \
	controller/binding.c \
	controller/binding.h \
	controller/chassis.c \
	controller/chassis.h \
	controller/ct-zones.c \
	controller/ct-zones.h \
	controller/encaps.c \
	controller/encaps.h \
	controller/flow-table.c \
	controller/flow-table.h \
	controller/lb.c \
	controller/lb.h \
	controller/lflow.c \
	controller/lflow.h \
	controller/ofctrl.c \
	controller/ofctrl.h \
	controller/patch.c \
	controller/patch.h \
	controller/physical.c \
	controller/physical.h \
	controller/pinctrl.c \
	controller/pinctrl.h \
	controller/port-sec.c \
	controller/port-sec.h \
	controller/sb-monitor.c \
	controller/sb-monitor.h
controller_libcontroller_a_CPPFLAGS = $(AM_CPPFLAGS)

bin_PROGRAMS += controller/ovn-controller
controller_ovn_controller_SOURCES = controller/ovn-controller.c
controller_ovn_controller_LDADD = controller/libcontroller.a \
	lib/libovnlflow.a lib/libovn.a $(OVS_LIBS)
EXTRA_controller_ovn_controller_DEPENDENCIES = lib/libovnlflow.a

EXTRA_DIST += \
	bench/controller-bench.sh \
	docs/controller-design.md \
	tests/e2e/controller-binding.sh \
	tests/e2e/controller-gateway.sh \
	tests/e2e/controller-incremental.sh \
	tests/e2e/controller-l2-ours.sh \
	tests/e2e/controller-lb.sh \
	tests/e2e/controller-meters.sh \
	tests/e2e/controller-l2.sh \
	tests/e2e/controller-localnet.sh \
	tests/e2e/controller-mixed.sh \
	tests/e2e/controller-monitor.sh \
	tests/e2e/controller-multichassis.sh \
	tests/e2e/controller-netns.sh \
	tests/e2e/controller-physical.sh \
	tests/e2e/controller-restart.sh \
	tests/e2e/controller-robust.sh \
	tests/e2e/controller-vxlan.sh

# Targets built on their own (make controller/ovn-controller) still need
# the generated southbound IDL header first.
$(controller_libcontroller_a_OBJECTS) $(controller_ovn_controller_OBJECTS): \
	lib/ovn-sb-idl.h

# Unit tests.
if HAVE_CMOCKA
check_PROGRAMS += \
	tests/unit/test-controller-config \
	tests/unit/test-controller-ct-zones \
	tests/unit/test-controller-flow-table \
	tests/unit/test-controller-port-sec
CONTROLLER_TEST_LIBS = controller/libcontroller.a lib/libovnlflow.a \
	lib/libovn.a $(OVS_LIBS) $(CMOCKA_LIBS)
tests_unit_test_controller_config_SOURCES = \
	tests/unit/test-controller-config.c
tests_unit_test_controller_config_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_controller_config_LDADD = $(CONTROLLER_TEST_LIBS)
tests_unit_test_controller_ct_zones_SOURCES = \
	tests/unit/test-controller-ct-zones.c
tests_unit_test_controller_ct_zones_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_controller_ct_zones_LDADD = $(CONTROLLER_TEST_LIBS)
tests_unit_test_controller_flow_table_SOURCES = \
	tests/unit/test-controller-flow-table.c
tests_unit_test_controller_flow_table_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_controller_flow_table_LDADD = $(CONTROLLER_TEST_LIBS)
tests_unit_test_controller_port_sec_SOURCES = \
	tests/unit/test-controller-port-sec.c
tests_unit_test_controller_port_sec_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_controller_port_sec_LDADD = $(CONTROLLER_TEST_LIBS)
$(tests_unit_test_controller_port_sec_OBJECTS) \
$(tests_unit_test_controller_config_OBJECTS) \
$(tests_unit_test_controller_ct_zones_OBJECTS) \
$(tests_unit_test_controller_flow_table_OBJECTS): lib/ovn-sb-idl.h
endif
