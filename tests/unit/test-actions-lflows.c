/*
 * Every logical flow (pipeline, stage, datapath type, priority, match,
 * actions) that Debian's ovn-northd 23.03 wrote for a varied northbound
 * database, in tests/unit/test-actions-lflows.tsv (tab-separated: I|E,
 * stage, S|R, priority, match, actions).  Each must compile through
 * ovn_lflow_compile() (match and actions together, including the actions'
 * prerequisites), and every OpenFlow flow it yields must pass Open vSwitch's
 * own consistency check (what ovs-vswitchd applies to a flow_mod), so that
 * ovn-controller can install it.
 */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/ovn-actions.h"
#include "lib/ovn-lflow-compile.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/list.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-errors.h"
#include "openvswitch/ofp-protocol.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/shash.h"
#include "sset.h"
#include "svec.h"
#include "util.h"

#ifndef TEST_SRCDIR
#define TEST_SRCDIR "."
#endif

/* One logical flow. */
struct lflow_case {
    bool ingress;               /* Pipeline. */
    bool is_switch;             /* Datapath type. */
    int stage;                  /* Logical stage. */
    int priority;               /* Priority. */
    char *match;                /* Match. */
    char *actions;              /* Actions. */
};

/* Every port is known, with key 1. */
static bool
lookup_port(const void *aux OVS_UNUSED, const char *name OVS_UNUSED,
            uint32_t *key)
{
    *key = 1;
    return true;
}

/* Every port is resident. */
static bool
is_resident(const void *aux OVS_UNUSED, const char *name OVS_UNUSED)
{
    return true;
}

/* The address sets and port groups of the southbound database the flows
 * came from. */
static void
add_sets(struct shash *addr_sets, struct shash *port_groups)
{
    static const char *const sets[][4] = {
        { "svc_monitor_mac", "0e:82:38:1b:b0:f1", NULL },
        { "pg1_ip4", "10.0.0.11", "10.0.0.12", NULL },
        { "pg1_ip6", "fd00::11", NULL },
        { "_rtr_lb_4_ip4", "10.0.0.200", "172.16.0.200", NULL },
        { "as1", "10.0.0.11", "10.0.0.12", NULL },
        { "_rtr_lb_5_ip6", "fd30::100", NULL },
        { "pg1", "vm1", "vm2", NULL },
    };
    for (size_t i = 0; i < ARRAY_SIZE(sets); i++) {
        struct sset *set = xmalloc(sizeof *set);
        sset_init(set);
        for (size_t j = 1; sets[i][j]; j++) {
            sset_add(set, sets[i][j]);
        }
        shash_add(strcmp(sets[i][0], "pg1") ? addr_sets : port_groups,
                  sets[i][0], set);
    }
}

/* Address sets and port groups (name -> struct sset *). */
static struct shash addr_sets = SHASH_INITIALIZER(&addr_sets);
static struct shash port_groups = SHASH_INITIALIZER(&port_groups);

/* Group and meter ids are 1. */
static uint32_t
alloc_id(void *aux OVS_UNUSED, const char *spec OVS_UNUSED)
{
    return 1;
}

/* Runs one case. */
static void
run_case(void **state)
{
    const struct lflow_case *c = *state;
    struct ovn_action_env aenv = {
        .ctrl_meter_id = NX_CTLR_NO_METER,
        .group_id = alloc_id,
        .meter_id = alloc_id,
    };
    struct ovn_lflow_env env = {
        .lookup_port = lookup_port,
        .is_chassis_resident = is_resident,
        .addr_sets = &addr_sets,
        .port_groups = &port_groups,
        .is_switch = c->is_switch,
        .action_env = &aenv,
    };
    struct ovs_list flows = OVS_LIST_INITIALIZER(&flows);
    uint32_t n_conj;

    char *error = ovn_lflow_compile(&env, c->ingress, c->stage, c->priority,
                                    c->match, c->actions, 1, &flows, &n_conj,
                                    1);
    if (error) {
        fail_msg("%s", error);
    }
    assert_false(ovs_list_is_empty(&flows));

    struct ovn_oflow *f;
    LIST_FOR_EACH (f, list_node, &flows) {
        struct match m = f->match;
        struct ofpact_check_params cp = {
            .match = &m,
            .max_ports = OFPP_MAX,
            .table_id = f->table_id,
            .n_tables = 255,
        };
        enum ofperr err = ofpacts_check_consistency(f->ofpacts.data,
                                                    f->ofpacts.size,
                                                    OFPUTIL_P_OF15_OXM, &cp);
        if (err) {
            struct ds s = DS_EMPTY_INITIALIZER;
            ovn_oflow_format(f, &s);
            fail_msg("%s: %s", ofperr_to_string(err), ds_cstr(&s));
        }
    }
    ovn_oflow_list_destroy(&flows);
}

/* Splits 'line' at tabs into exactly 'n' fields; returns false if it has a
 * different number. */
static bool
split_tabs(char *line, char **fields, int n)
{
    for (int i = 0; i < n; i++) {
        fields[i] = line;
        line = strchr(line, '\t');
        if (i < n - 1) {
            if (!line) {
                return false;
            }
            *line++ = '\0';
        }
    }
    return !line;
}

int
main(void)
{
    const char *dir = getenv("abs_top_srcdir");
    char *file = xasprintf("%s/tests/unit/test-actions-lflows.tsv",
                           dir ? dir : TEST_SRCDIR);
    FILE *stream = fopen(file, "r");
    if (!stream) {
        fprintf(stderr, "%s: cannot open\n", file);
        free(file);
        return 1;
    }

    struct lflow_case *cases = NULL;
    struct svec names = SVEC_EMPTY_INITIALIZER;
    size_t n = 0, allocated = 0;
    struct ds line = DS_EMPTY_INITIALIZER;
    while (!ds_get_line(&line, stream)) {
        char *f[6];
        if (!split_tabs(ds_cstr(&line), f, 6)) {
            fprintf(stderr, "%s: bad line %"PRIuSIZE"\n", file, n + 1);
            return 1;
        }
        if (n >= allocated) {
            cases = x2nrealloc(cases, &allocated, sizeof *cases);
        }
        struct lflow_case *c = &cases[n++];
        c->ingress = f[0][0] == 'I';
        c->stage = atoi(f[1]);
        c->is_switch = f[2][0] == 'S';
        c->priority = atoi(f[3]);
        c->match = xstrdup(f[4]);
        c->actions = xstrdup(f[5]);
        svec_add_nocopy(&names, xasprintf("%s %s/%d prio %d: %s / %s",
                                          f[2][0] == 'S' ? "ls" : "lr",
                                          c->ingress ? "in" : "out",
                                          c->stage, c->priority, f[4], f[5]));
    }
    fclose(stream);
    ds_destroy(&line);
    free(file);

    add_sets(&addr_sets, &port_groups);
    struct CMUnitTest *tests = xcalloc(n, sizeof *tests);
    for (size_t i = 0; i < n; i++) {
        tests[i].name = names.names[i];
        tests[i].test_func = run_case;
        tests[i].initial_state = &cases[i];
    }
    int rc = _cmocka_run_group_tests("actions-lflows", tests, n, NULL, NULL);
    for (size_t i = 0; i < n; i++) {
        free(cases[i].match);
        free(cases[i].actions);
    }
    free(cases);
    free(tests);
    svec_destroy(&names);
    struct shash_node *node;
    SHASH_FOR_EACH (node, &addr_sets) {
        sset_destroy(node->data);
        free(node->data);
    }
    SHASH_FOR_EACH (node, &port_groups) {
        sset_destroy(node->data);
        free(node->data);
    }
    shash_destroy(&addr_sets);
    shash_destroy(&port_groups);
    return rc;
}
