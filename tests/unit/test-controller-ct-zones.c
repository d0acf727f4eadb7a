/*
 * Unit tests for conntrack zone allocation (controller/ct-zones.c).
 */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "controller/binding.h"
#include "controller/ct-zones.h"
#include "hash.h"
#include "lib/ovn-sb-idl.h"
#include "lib/vswitch-idl.h"
#include "openvswitch/dynamic-string.h"
#include "smap.h"
#include "util.h"

/* A fake local datapath with a fixed UUID. */
static struct sbrec_datapath_binding dp1;

/* Builds binding state with local ports 'names' (NULL-terminated) and,
 * if 'with_dp', one local datapath. */
static void
make_state(struct binding_state *bs, const char *names[], bool with_dp)
{
    binding_state_init(bs);
    for (size_t i = 0; names[i]; i++) {
        shash_add(&bs->ports, names[i], xzalloc(sizeof(struct local_port)));
    }
    if (with_dp) {
        struct local_datapath *ld = xzalloc(sizeof *ld);
        memset(&dp1, 0, sizeof dp1);
        dp1.header_.uuid.parts[0] = 0x11111111;
        dp1.tunnel_key = 1;
        ld->dp = &dp1;
        ld->key = 1;
        hmap_insert(&bs->datapaths, &ld->node, hash_int(1, 0));
    }
}

/* Returns ct_zones_dump() output. */
static char *
dump(const struct ct_zones *z)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    ct_zones_dump(z, &s);
    return ds_steal_cstr(&s);
}

/* Zones are allocated lowest-first, named after ports and datapaths. */
static void
test_allocate(void **state OVS_UNUSED)
{
    const char *names[] = { "lp1", "lp2", NULL };
    struct binding_state bs;
    struct ct_zones z;
    struct ovsrec_bridge br;

    memset(&br, 0, sizeof br);
    smap_init(&br.external_ids);
    make_state(&bs, names, true);
    ct_zones_init(&z);
    ct_zones_run(&z, NULL, &br, &bs, true);

    char *s = dump(&z);
    assert_string_equal(
        "11111111-0000-0000-0000-000000000000_dnat 1\n"
        "11111111-0000-0000-0000-000000000000_snat 2\n"
        "lp1 3\nlp2 4\n", s);
    free(s);
    assert_int_equal(3, ct_zones_get(&z, "lp1"));
    assert_int_equal(0, ct_zones_get(&z, "nope"));
    assert_int_equal(1, ct_zones_get_dp(&z, &dp1, false));
    assert_int_equal(2, ct_zones_get_dp(&z, &dp1, true));

    ct_zones_destroy(&z);
    binding_state_destroy(&bs);
    smap_destroy(&br.external_ids);
}

/* Zones persisted in the bridge are kept; freed zones are reused. */
static void
test_persisted_and_reuse(void **state OVS_UNUSED)
{
    const char *names[] = { "lp1", "lp2", "lp3", NULL };
    const char *fewer[] = { "lp2", "lp3", "lp4", NULL };
    struct binding_state bs;
    struct ct_zones z;
    struct ovsrec_bridge br;

    memset(&br, 0, sizeof br);
    smap_init(&br.external_ids);
    smap_add(&br.external_ids, "ct-zone-lp2", "7");
    smap_add(&br.external_ids, "ct-zone-gone", "9");
    smap_add(&br.external_ids, "ct-zone-bad", "x");
    smap_add(&br.external_ids, "other", "1");
    make_state(&bs, names, false);
    ct_zones_init(&z);
    ct_zones_run(&z, NULL, &br, &bs, true);
    char *s = dump(&z);
    assert_string_equal("lp1 1\nlp2 7\nlp3 2\n", s);
    free(s);
    binding_state_destroy(&bs);

    make_state(&bs, fewer, false);
    /* While the local state is still being learned, nothing is freed. */
    ct_zones_run(&z, NULL, &br, &bs, false);
    s = dump(&z);
    assert_string_equal("lp1 1\nlp2 7\nlp3 2\nlp4 3\n", s);
    free(s);
    ct_zones_run(&z, NULL, &br, &bs, true);
    s = dump(&z);
    assert_string_equal("lp2 7\nlp3 2\nlp4 3\n", s);
    free(s);

    ct_zones_destroy(&z);
    binding_state_destroy(&bs);
    smap_destroy(&br.external_ids);
    ct_zones_destroy(NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_allocate),
        cmocka_unit_test(test_persisted_and_reuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
