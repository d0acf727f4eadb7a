/*
 * libFuzzer target for the logical-flow action parser and encoder
 * (lib/ovn-actions*).
 *
 * The first input byte selects the environment (bit 0: egress pipeline,
 * bit 1: logical router, bits 2-7: stage); the rest is the actions text.
 * Besides crashes and sanitizer reports, the target checks two properties
 * and aborts if either fails:
 *   - the canonical text of parsed actions parses again, to itself, and
 *     encodes to the same OpenFlow actions as the input;
 *   - a failed encode leaves the output buffer unchanged.
 *
 * Build and run: tests/e2e/fuzz-actions.sh (needs clang and libFuzzer).
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/ovn-actions.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/vlog.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Port lookup: "lp1" and "lp2" exist. */
static bool
fuzz_lookup_port(const void *aux OVS_UNUSED, const char *name,
                 uint32_t *key)
{
    if (!strcmp(name, "lp1") || !strcmp(name, "lp2")) {
        *key = name[2] - '0';
        return true;
    }
    return false;
}

/* Group/meter allocation: ids are 1. */
static uint32_t
fuzz_id(void *aux OVS_UNUSED, const char *spec OVS_UNUSED)
{
    return 1;
}

/* Encodes 'text'; returns the formatted ofpacts or NULL on error. */
static char *
fuzz_encode(const char *text, const struct ovn_action_env *env)
{
    struct ofpbuf ofpacts;
    char *prereqs = NULL;

    ofpbuf_init(&ofpacts, 0);
    ofpact_put_CT_CLEAR(&ofpacts);
    size_t before = ofpacts.size;
    char *error = ovn_actions_parse_encode(text, env, &ofpacts, &prereqs);
    char *result = NULL;
    if (error) {
        if (ofpacts.size != before || prereqs) {
            abort();
        }
        free(error);
    } else {
        struct ds s = DS_EMPTY_INITIALIZER;
        struct ofpact_format_params fp = { .s = &s };
        ofpacts_format(ofpacts.data, ofpacts.size, &fp);
        if (prereqs) {
            ds_put_format(&s, " / %s", prereqs);
        }
        result = ds_steal_cstr(&s);
    }
    free(prereqs);
    ofpbuf_uninit(&ofpacts);
    return result;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool initialized;
    if (!initialized) {
        vlog_set_verbosity("off");
        initialized = true;
    }
    if (!size) {
        return 0;
    }

    struct ovn_action_env env = {
        .lookup_port = fuzz_lookup_port,
        .is_switch = !(data[0] & 2),
        .ingress = !(data[0] & 1),
        .stage = (data[0] >> 2) % 29,
        .dp_key = 1,
        .ctrl_meter_id = NX_CTLR_NO_METER,
        .group_id = fuzz_id,
        .meter_id = fuzz_id,
    };
    if (!env.ingress) {
        env.stage %= 22;
    }
    char *text = xmemdup0((const char *) data + 1, size - 1);

    struct ds canon = DS_EMPTY_INITIALIZER;
    char *error = ovn_actions_normalize(text, &canon);
    if (!error) {
        /* The canonical text is a fixed point... */
        struct ds again = DS_EMPTY_INITIALIZER;
        char *error2 = ovn_actions_normalize(ds_cstr(&canon), &again);
        if (error2 || strcmp(ds_cstr(&canon), ds_cstr(&again))) {
            abort();
        }
        ds_destroy(&again);

        /* ...that encodes like the original. */
        char *a = fuzz_encode(text, &env);
        char *b = fuzz_encode(ds_cstr(&canon), &env);
        if ((a == NULL) != (b == NULL) || (a && strcmp(a, b))) {
            abort();
        }
        free(a);
        free(b);
    } else {
        free(error);
        /* Still exercise the encoder's error path. */
        free(fuzz_encode(text, &env));
    }
    ds_destroy(&canon);
    free(text);
    return 0;
}
