/*
 * libFuzzer target for the match-expression pipeline: the input (after an
 * environment byte) is lexed, parsed, annotated, simplified, normalized and
 * translated to OpenFlow matches, printing every step.  Any crash, leak or
 * sanitizer report is a bug; errors must come back as strings.
 *
 * Environment byte: bit 0 selects whether address sets and port groups
 * exist; bit 1 whether unknown ports are known; bits 2-3 the resident port.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/ovn-expr.h"
#include "lib/ovn-lex.h"
#include "lib/ovn-lflow-compile.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/shash.h"
#include "sset.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t env_byte;            /* Environment selector. */

/* Port lookup: "lp1".."lp3" always, anything else if bit 1 is set. */
static bool
lookup_port(const void *aux OVS_UNUSED, const char *name, uint32_t *key)
{
    if (!strncmp(name, "lp", 2) && name[2] >= '1' && name[2] <= '3'
        && !name[3]) {
        *key = name[2] - '0';
        return true;
    }
    if (env_byte & 2) {
        *key = 100 + strlen(name);
        return true;
    }
    return false;
}

/* is_chassis_resident(): "lp1".."lp3" according to bits 2-3. */
static bool
is_resident(const void *aux OVS_UNUSED, const char *name)
{
    uint32_t key;
    return lookup_port(NULL, name, &key) && key == ((env_byte >> 2) & 3);
}

/* Adds a set to 'map'. */
static void
add_set(struct shash *map, const char *name, const char *a, const char *b)
{
    struct sset *set = xmalloc(sizeof *set);
    sset_init(set);
    sset_add(set, a);
    sset_add(set, b);
    shash_add(map, name, set);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct shash addr_sets = SHASH_INITIALIZER(&addr_sets);
    static struct shash port_groups = SHASH_INITIALIZER(&port_groups);
    static bool initialized;

    if (!initialized) {
        initialized = true;
        add_set(&addr_sets, "as4", "10.0.0.1", "10.0.0.0/8");
        add_set(&addr_sets, "as6", "fe80::1", "fd00::/64");
        add_set(&addr_sets, "asmac", "00:00:00:00:00:01",
                "00:00:00:00:00:02");
        add_set(&port_groups, "pg1", "lp1", "lp9");
        add_set(&port_groups, "1_pg2", "lp2", "lp3");
    }
    if (size < 1) {
        return 0;
    }
    env_byte = data[0];
    char *input = xmemdup0((const char *) data + 1, size - 1);
    const struct shash *as = env_byte & 1 ? &addr_sets : NULL;
    const struct shash *pg = env_byte & 1 ? &port_groups : NULL;

    /* Lexer. */
    struct ds s = DS_EMPTY_INITIALIZER;
    free(ovn_lex_tokenize(input, &s));
    ds_clear(&s);

    /* Each step, printing the intermediate results. */
    struct ovn_expr *e;
    char *error = ovn_expr_parse_dp(input, as, pg, 1, &e);
    if (!error) {
        ovn_expr_format(e, &s);
        e = ovn_expr_annotate(e, &error);
    }
    if (!error) {
        ovn_expr_format(e, &s);
        e = ovn_expr_simplify(e);
        ovn_expr_format(e, &s);
        e = ovn_expr_evaluate_conditions(e, is_resident, NULL);
        e = ovn_expr_normalize(e, 1000, &error);
    }
    if (!error) {
        ovn_expr_format(e, &s);
        struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
        error = ovn_expr_to_matches(e, lookup_port, NULL, 1, 1000, &matches,
                                    NULL);
        struct ovn_expr_match *m;
        LIST_FOR_EACH (m, list_node, &matches) {
            ovn_expr_match_format(m, &s);
        }
        ovn_expr_matches_destroy(&matches);
        ovn_expr_destroy(e);
    }
    free(error);

    /* The validation entry point northd uses. */
    free(ovn_lflow_check_match(input));

    ds_destroy(&s);
    free(input);
    return 0;
}
