/*
 * Unit tests for ovn-controller's reading of its settings from the
 * Open_vSwitch table (controller/chassis.c: ctl_config_read()).
 */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "controller/chassis.h"
#include "lib/vswitch-idl.h"
#include "smap.h"
#include "util.h"

/* Reads 'cfg' from an Open_vSwitch row whose external_ids are the
 * "key=value" strings in 'kv' (NULL-terminated). */
static void
read_config(struct ctl_config *cfg, const char *kv[])
{
    struct ovsrec_open_vswitch row;
    char *types[] = { "geneve", "vxlan", "internal" };

    memset(&row, 0, sizeof row);
    smap_init(&row.external_ids);
    for (size_t i = 0; kv[i]; i++) {
        const char *eq = strchr(kv[i], '=');
        char *key = xmemdup0(kv[i], eq - kv[i]);
        smap_add(&row.external_ids, key, eq + 1);
        free(key);
    }
    row.iface_types = types;
    row.n_iface_types = ARRAY_SIZE(types);
    ctl_config_read(cfg, &row);
    smap_destroy(&row.external_ids);
}

/* A typical configuration. */
static void
test_typical(void **state OVS_UNUSED)
{
    const char *kv[] = {
        "system-id=hv1", "hostname=host-a", "ovn-remote=tcp:10.0.0.1:6642",
        "ovn-encap-type=geneve", "ovn-encap-ip=192.168.0.1",
        "ovn-bridge-mappings=physnet1:br-ex,physnet2:br-eth1",
        "ovn-openflow-probe-interval=7", "ovn-monitor-all=true", NULL,
    };
    struct ctl_config cfg;

    ctl_config_init(&cfg);
    read_config(&cfg, kv);
    assert_string_equal("hv1", cfg.chassis_id);
    assert_string_equal("host-a", cfg.hostname);
    assert_string_equal("tcp:10.0.0.1:6642", cfg.sb_remote);
    assert_int_equal(1, sset_count(&cfg.encap_types));
    assert_true(sset_contains(&cfg.encap_types, "geneve"));
    assert_true(sset_contains(&cfg.encap_ips, "192.168.0.1"));
    assert_string_equal("br-int", cfg.bridge);
    assert_int_equal(2, shash_count(&cfg.bridge_mappings));
    assert_string_equal("br-ex", shash_find_data(&cfg.bridge_mappings,
                                                 "physnet1"));
    assert_string_equal("br-eth1", shash_find_data(&cfg.bridge_mappings,
                                                   "physnet2"));
    assert_int_equal(7, cfg.of_probe_s);
    assert_true(cfg.monitor_all);
    assert_true(cfg.encap_csum);
    assert_string_equal("geneve,vxlan,internal", cfg.iface_types);
    assert_true(ctl_config_encap_ok(&cfg));
    ctl_config_destroy(&cfg);
}

/* Bad values are dropped, good ones in the same setting kept. */
static void
test_bad_values(void **state OVS_UNUSED)
{
    const char *kv[] = {
        "system-id=hv2", "ovn-encap-type=gre,vxlan, geneve",
        "ovn-encap-ip=10.1.1.1,10.1.1.2", "ovn-bridge=br-x",
        "ovn-bridge-mappings=bad,ok:br-ok,:br-none,net:,a:b:c", NULL,
    };
    struct ctl_config cfg;

    ctl_config_init(&cfg);
    read_config(&cfg, kv);
    assert_int_equal(2, sset_count(&cfg.encap_types));
    assert_true(sset_contains(&cfg.encap_types, "vxlan"));
    assert_true(sset_contains(&cfg.encap_types, "geneve"));
    assert_false(sset_contains(&cfg.encap_types, "gre"));
    assert_int_equal(2, sset_count(&cfg.encap_ips));
    assert_string_equal("br-x", cfg.bridge);
    assert_int_equal(1, shash_count(&cfg.bridge_mappings));
    assert_string_equal("br-ok", shash_find_data(&cfg.bridge_mappings, "ok"));
    ctl_config_destroy(&cfg);
}

/* Missing encapsulation settings make registration impossible. */
static void
test_missing(void **state OVS_UNUSED)
{
    const char *kv1[] = { "system-id=hv3", "ovn-encap-ip=1.2.3.4", NULL };
    const char *kv2[] = { "system-id=hv3", "ovn-encap-type=geneve", NULL };
    const char *kv3[] = { "ovn-encap-type=bogus", "ovn-encap-ip=1.2.3.4",
                          NULL };
    struct ctl_config cfg;

    ctl_config_init(&cfg);
    read_config(&cfg, kv1);
    assert_false(ctl_config_encap_ok(&cfg));
    read_config(&cfg, kv2);
    assert_false(ctl_config_encap_ok(&cfg));
    read_config(&cfg, kv3);
    assert_null(cfg.chassis_id);
    assert_false(ctl_config_encap_ok(&cfg));
    assert_null(cfg.sb_remote);
    assert_int_equal(5000, cfg.remote_probe_ms);
    ctl_config_destroy(&cfg);

    /* No row at all. */
    ctl_config_init(&cfg);
    ctl_config_read(&cfg, NULL);
    assert_null(cfg.chassis_id);
    assert_string_equal("br-int", cfg.bridge);
    ctl_config_destroy(&cfg);
    ctl_config_destroy(NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typical),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
