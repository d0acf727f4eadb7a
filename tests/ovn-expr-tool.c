/*
 * ovn-expr-tool: shows each step of compiling a logical-flow match.
 *
 *   ovn-expr-tool [OPTIONS] lex|parse|annotate|simplify|normalize|flows EXPR
 *   ovn-expr-tool [OPTIONS] compile STAGE PRIORITY MATCH ACTIONS
 *   ovn-expr-tool [OPTIONS] compile-file FILE
 *   ovn-expr-tool [OPTIONS] check-file FILE
 *
 * compile-file reads logical flows, one per line, as tab-separated
 * "ingress|egress TABLE PRIORITY DP_KEY MATCH ACTIONS", compiles each, reports
 * failures and prints "compiled N of M logical flows into K OpenFlow flows";
 * it exits with status 1 if any flow failed.
 *
 * check-file reads the same format and, for every match, checks on many
 * packets (each OpenFlow match's own values, with random bits of its
 * masked fields flipped) that the OpenFlow matches (with conjunctions)
 * accept exactly the packets for which evaluating the match expression
 * directly is true.  Prints mismatches and a summary; status 1 if any.
 *   ovn-expr-tool [OPTIONS] actions STAGE ACTIONS
 *
 * Options:
 *   --port NAME=KEY       logical port NAME has tunnel key KEY
 *   --as NAME=A,B,...     address set NAME
 *   --pg NAME=P,Q,...     port group NAME
 *   --resident NAME       is_chassis_resident("NAME") is true
 *   --max N               bound on terms/flows
 *   --egress              (compile, actions) egress pipeline
 *   --router              (actions) the datapath is a logical router
 *
 * Prints the result of the step, one item per line (flows sorted), or
 * "error: MESSAGE" and exits with status 1.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/ovn-actions.h"
#include "lib/ovn-actions.h"
#include "lib/ovn-expr.h"
#include "flow.h"
#include "random.h"
#include "lib/ovn-lex.h"
#include "lib/ovn-lflow-compile.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "hash.h"
#include "sset.h"
#include "svec.h"
#include "util.h"

static struct shash ports;          /* Name -> key (as uintptr_t). */
static struct shash addr_sets;      /* Name -> struct sset *. */
static struct shash port_groups;    /* Name -> struct sset *. */
static struct sset resident;        /* Resident port names. */
static bool any_port;               /* Make up keys for unknown ports. */

/* Port lookup callback. */
static bool
lookup_port(const void *aux OVS_UNUSED, const char *name, uint32_t *key)
{
    struct shash_node *node = shash_find(&ports, name);
    if (node) {
        *key = (uintptr_t) node->data;
        return true;
    }
    if (any_port) {
        *key = 1 + hash_string(name, 0) % 32767;
        return true;
    }
    return false;
}

/* Group and meter id allocator for the action encoder: hands out
 * increasing ids. */
static uint32_t
alloc_id(void *aux OVS_UNUSED, const char *spec OVS_UNUSED)
{
    static uint32_t next_id = 1;
    return next_id++;
}

/* is_chassis_resident() callback. */
static bool
is_resident(const void *aux OVS_UNUSED, const char *name)
{
    return sset_contains(&resident, name);
}

/* Adds "NAME=A,B,C" to 'map' as NAME -> sset {A, B, C}. */
static void
add_set(struct shash *map, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq) {
        ovs_fatal(0, "%s: expecting NAME=VALUES", arg);
    }
    char *name = xmemdup0(arg, eq - arg);
    struct sset *set = xmalloc(sizeof *set);
    sset_init(set);
    char *values = xstrdup(eq + 1), *save = NULL;
    for (char *v = strtok_r(values, ",", &save); v;
         v = strtok_r(NULL, ",", &save)) {
        sset_add(set, v);
    }
    free(values);
    shash_add(map, name, set);
    free(name);
}

/* Frees the sets in 'map'. */
static void
free_sets(struct shash *map)
{
    struct shash_node *node;
    SHASH_FOR_EACH (node, map) {
        sset_destroy(node->data);
        free(node->data);
    }
    shash_destroy(map);
}

/* Prints the lines in 'lines' sorted. */
static void
print_sorted(struct svec *lines)
{
    const char *line;
    size_t i;
    svec_sort(lines);
    SVEC_FOR_EACH (i, line, lines) {
        puts(line);
    }
}

/* Runs step 'cmd' on 'text'; returns the exit status. */
static int
run_expr(const char *cmd, const char *text, size_t max)
{
    struct ovn_expr *e;
    char *error = NULL;

    if (!strcmp(cmd, "lex")) {
        struct ds out = DS_EMPTY_INITIALIZER;
        error = ovn_lex_tokenize(text, &out);
        puts(ds_cstr(&out));
        ds_destroy(&out);
        goto done;
    }

    error = ovn_expr_parse(text, &addr_sets, &port_groups, &e);
    if (error) {
        goto done;
    }
    if (strcmp(cmd, "parse")) {
        e = ovn_expr_annotate(e, &error);
        if (error) {
            goto done;
        }
    }
    if (strcmp(cmd, "parse") && strcmp(cmd, "annotate")) {
        e = ovn_expr_simplify(e);
    }
    if (!strcmp(cmd, "normalize") || !strcmp(cmd, "flows")) {
        e = ovn_expr_evaluate_conditions(e, is_resident, NULL);
        e = ovn_expr_normalize(e, max, &error);
        if (error) {
            goto done;
        }
    }

    if (!strcmp(cmd, "flows")) {
        struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
        struct ovn_expr_match *m;
        struct svec lines = SVEC_EMPTY_INITIALIZER;

        error = ovn_expr_to_matches(e, lookup_port, NULL, 1, max, &matches,
                                    NULL);
        ovn_expr_destroy(e);
        if (error) {
            goto done;
        }
        LIST_FOR_EACH (m, list_node, &matches) {
            struct ds s = DS_EMPTY_INITIALIZER;
            ovn_expr_match_format(m, &s);
            svec_add_nocopy(&lines, ds_steal_cstr(&s));
        }
        ovn_expr_matches_destroy(&matches);
        print_sorted(&lines);
        svec_destroy(&lines);
    } else if (!strcmp(cmd, "parse") || !strcmp(cmd, "annotate")
               || !strcmp(cmd, "simplify") || !strcmp(cmd, "normalize")) {
        struct ds s = DS_EMPTY_INITIALIZER;
        ovn_expr_format(e, &s);
        puts(ds_cstr(&s));
        ds_destroy(&s);
        ovn_expr_destroy(e);
    } else {
        ovn_expr_destroy(e);
        error = xasprintf("unknown command `%s'", cmd);
    }

done:
    if (error) {
        printf("error: %s\n", error);
        free(error);
        return 1;
    }
    return 0;
}

/* Runs "compile STAGE PRIORITY MATCH ACTIONS". */
static int
run_compile(char *argv[], bool ingress, size_t max)
{
    struct ovn_lflow_env env = {
        .lookup_port = lookup_port,
        .is_chassis_resident = is_resident,
        .aux = NULL,
        .addr_sets = &addr_sets,
        .port_groups = &port_groups,
        .is_switch = true,
        .max_flows = max,
    };
    struct ovs_list flows = OVS_LIST_INITIALIZER(&flows);
    struct ovn_oflow *f;
    struct svec lines = SVEC_EMPTY_INITIALIZER;
    uint32_t n_conj;

    char *error = ovn_lflow_compile(&env, ingress, atoi(argv[0]),
                                    atoi(argv[1]), argv[2], argv[3], 1,
                                    &flows, &n_conj, 1);
    if (error) {
        printf("error: %s\n", error);
        free(error);
        return 1;
    }
    LIST_FOR_EACH (f, list_node, &flows) {
        struct ds s = DS_EMPTY_INITIALIZER;
        ovn_oflow_format(f, &s);
        svec_add_nocopy(&lines, ds_steal_cstr(&s));
    }
    ovn_oflow_list_destroy(&flows);
    print_sorted(&lines);
    svec_destroy(&lines);
    return 0;
}

/* "actions" subcommand (owned by the actions helper). ------------------ */

/* Group/meter allocation for "actions": prints the spec, returns 1. */
static uint32_t
actions_print_id(void *aux, const char *spec)
{
    printf("%s: %s\n", (const char *) aux, spec);
    return 1;
}

/* Runs "actions STAGE ACTIONS": prints the canonical text, then the
 * OpenFlow actions, prerequisites and any group or meter specs. */
static int
run_actions(const char *stage, const char *text, bool ingress, bool router)
{
    struct ovn_action_env env = {
        .lookup_port = lookup_port,
        .is_switch = !router,
        .ingress = ingress,
        .stage = atoi(stage),
        .dp_key = 1,
        .ctrl_meter_id = NX_CTLR_NO_METER,
        .group_id = actions_print_id,
        .meter_id = actions_print_id,
        .id_aux = (void *) "group/meter",
    };
    struct ds s = DS_EMPTY_INITIALIZER;
    struct ofpbuf ofpacts;
    char *prereqs = NULL;

    char *error = ovn_actions_normalize(text, &s);
    if (!error) {
        printf("actions: %s\n", ds_cstr(&s));
        ofpbuf_init(&ofpacts, 0);
        error = ovn_actions_parse_encode(text, &env, &ofpacts, &prereqs);
        if (!error) {
            struct ofpact_format_params fp = { .s = &s };
            ds_clear(&s);
            ofpacts_format(ofpacts.data, ofpacts.size, &fp);
            printf("ofpacts: %s\n", ds_cstr(&s));
            if (prereqs) {
                printf("prereqs: %s\n", prereqs);
            }
        }
        ofpbuf_uninit(&ofpacts);
    }
    ds_destroy(&s);
    free(prereqs);
    if (error) {
        printf("error: %s\n", error);
        free(error);
        return 1;
    }
    return 0;
}

/* Runs "compile-file FILE". */
static int
run_compile_file(const char *file_name, size_t max)
{
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
        .is_switch = true,
        .max_flows = max,
        .action_env = &aenv,
    };
    FILE *stream = fopen(file_name, "r");
    struct ds line = DS_EMPTY_INITIALIZER;
    int n = 0, n_ok = 0, n_oflows = 0;
    uint32_t conj_base = 1;

    if (!stream) {
        ovs_fatal(errno, "%s: open failed", file_name);
    }
    while (!ds_get_line(&line, stream)) {
        char *fields[6];
        char *p = ds_cstr(&line);
        int i;

        for (i = 0; i < 6 && p; i++) {
            fields[i] = p;
            p = i < 5 ? strchr(p, '\t') : NULL;
            if (p) {
                *p++ = '\0';
            }
        }
        if (i < 6) {
            continue;
        }
        n++;

        struct ovs_list flows = OVS_LIST_INITIALIZER(&flows);
        uint32_t n_conj;
        char *error = ovn_lflow_compile(&env, !strcmp(fields[0], "ingress"),
                                        atoi(fields[1]), atoi(fields[2]),
                                        fields[4], fields[5],
                                        strtoul(fields[3], NULL, 10),
                                        &flows, &n_conj, conj_base);
        if (error) {
            printf("FAIL %s table=%s priority=%s dp=%s match=(%s) "
                   "actions=(%s): %s\n", fields[0], fields[1], fields[2],
                   fields[3], fields[4], fields[5], error);
            free(error);
        } else {
            n_ok++;
            n_oflows += ovs_list_size(&flows);
            conj_base += n_conj;
        }
        ovn_oflow_list_destroy(&flows);
    }
    fclose(stream);
    ds_destroy(&line);
    printf("compiled %d of %d logical flows into %d OpenFlow flows\n",
           n_ok, n, n_oflows);
    return n_ok == n ? 0 : 1;
}

/* One OpenFlow match prepared for checking packets against. */
struct check_flow {
    struct minimatch mm;            /* The match. */
    const struct ovn_expr_match *m; /* The match, with conjunctions. */
};

/* Returns true if the flows accept 'flow' under OVS's semantics for one
 * priority (see tests/unit/test-expr-property.c). */
static bool
check_accept(const struct check_flow *cf, size_t n, const struct flow *flow)
{
    enum { MAX_CONJ = 256 };
    uint64_t seen[MAX_CONJ];
    uint8_t n_clauses[MAX_CONJ];

    memset(seen, 0, sizeof seen);
    memset(n_clauses, 0, sizeof n_clauses);
    for (size_t i = 0; i < n; i++) {
        const struct ovn_expr_match *m = cf[i].m;
        if (m->match.wc.masks.conj_id
            || !minimatch_matches_flow(&cf[i].mm, flow)) {
            continue;
        }
        if (!m->n_conjs) {
            return true;
        }
        for (size_t k = 0; k < m->n_conjs; k++) {
            uint32_t id = m->conjs[k].id;
            if (id < MAX_CONJ) {
                seen[id] |= UINT64_C(1) << (m->conjs[k].clause - 1);
                n_clauses[id] = m->conjs[k].n_clauses;
            }
        }
    }
    for (int id = 0; id < MAX_CONJ; id++) {
        if (n_clauses[id]
            && seen[id] == (UINT64_C(1) << n_clauses[id]) - 1) {
            for (size_t i = 0; i < n; i++) {
                const struct match *mt = &cf[i].m->match;
                if (mt->wc.masks.conj_id && mt->flow.conj_id == id) {
                    return true;
                }
            }
        }
    }
    return false;
}

/* Flips one random bit of 'flow' among those 'mask' tests. */
static void
flip_random_masked_bit(struct flow *flow, const struct flow *mask)
{
    const uint8_t *mb = (const uint8_t *) mask;
    uint8_t *fb = (uint8_t *) flow;
    size_t candidates[sizeof *flow];
    size_t n = 0;

    for (size_t i = 0; i < sizeof *flow; i++) {
        if (mb[i]) {
            candidates[n++] = i;
        }
    }
    if (n) {
        size_t i = candidates[random_range(n)];
        int bit;
        do {
            bit = random_range(8);
        } while (!(mb[i] & (1u << bit)));
        fb[i] ^= 1u << bit;
    }
}

/* Checks one logical flow's match; returns the number of mismatches. */
static int
check_one(const char *match_s, uint32_t dp_key, size_t max, int *n_packets,
          int *n_skipped)
{
    struct ovn_expr *tree, *e;
    char *error = ovn_expr_parse_dp(match_s, &addr_sets, &port_groups,
                                    dp_key, &tree);
    if (!error) {
        tree = ovn_expr_annotate(tree, &error);
    }
    if (error) {
        free(error);
        (*n_skipped)++;         /* compile-file reports these. */
        return 0;
    }
    tree = ovn_expr_evaluate_conditions(tree, is_resident, NULL);
    e = ovn_expr_simplify(ovn_expr_clone(tree));
    e = ovn_expr_normalize(e, max, &error);
    struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
    if (!error) {
        error = ovn_expr_to_matches(e, lookup_port, NULL, 1, max, &matches,
                                    NULL);
        ovn_expr_destroy(e);
    }
    if (error) {
        free(error);
        ovn_expr_destroy(tree);
        (*n_skipped)++;
        return 0;
    }

    size_t n = ovs_list_size(&matches);
    struct check_flow *cf = xcalloc(n + 1, sizeof *cf);
    struct ovn_expr_match *m;
    size_t i = 0;
    LIST_FOR_EACH (m, list_node, &matches) {
        minimatch_init(&cf[i].mm, &m->match);
        cf[i].m = m;
        i++;
    }

    int mismatches = 0;
    for (i = 0; i < n && mismatches < 3; i++) {
        if (cf[i].m->match.wc.masks.conj_id) {
            continue;
        }
        for (int r = 0; r < 16; r++) {
            struct flow flow = cf[i].m->match.flow;

            /* For a conjunction flow, half the time also take the values
             * of a random flow of each other dimension, so that the
             * packet can satisfy the whole conjunction. */
            if (cf[i].m->n_conjs && r % 2) {
                const struct ovn_expr_conj *c = &cf[i].m->conjs[0];
                for (int k = 1; k <= c->n_clauses; k++) {
                    size_t cand[64], n_cand = 0;
                    for (size_t j = 0; j < n && n_cand < 64; j++) {
                        const struct ovn_expr_match *o = cf[j].m;
                        for (size_t q = 0; q < o->n_conjs; q++) {
                            if (o->conjs[q].id == c->id
                                && o->conjs[q].clause == k) {
                                cand[n_cand++] = j;
                            }
                        }
                    }
                    if (k != c->clause && n_cand) {
                        const struct match *o
                            = &cf[cand[random_range(n_cand)]].m->match;
                        const uint8_t *ob = (const uint8_t *) &o->flow;
                        const uint8_t *om = (const uint8_t *) &o->wc.masks;
                        uint8_t *fb = (uint8_t *) &flow;
                        for (size_t b = 0; b < sizeof flow; b++) {
                            fb[b] = (fb[b] & ~om[b]) | (ob[b] & om[b]);
                        }
                    }
                }
            }
            /* Mix in another flow's tested values now and then. */
            if (r % 4 == 3) {
                const struct match *o = &cf[random_range(n)].m->match;
                const uint8_t *ob = (const uint8_t *) &o->flow;
                const uint8_t *om = (const uint8_t *) &o->wc.masks;
                uint8_t *fb = (uint8_t *) &flow;
                for (size_t k = 0; k < sizeof flow; k++) {
                    fb[k] = (fb[k] & ~om[k]) | (ob[k] & om[k]);
                }
            }
            for (int k = 0; k < r % 3; k++) {
                flip_random_masked_bit(&flow, &cf[i].m->match.wc.masks);
            }
            flow.metadata = htonll(dp_key);
            /* Keep the packet possible: fields narrower than their
             * storage have no other bits in real packets. */
            if (flow.nw_proto == IPPROTO_ICMP
                || flow.nw_proto == IPPROTO_ICMPV6) {
                flow.tp_src &= htons(0xff);
                flow.tp_dst &= htons(0xff);
            }
            flow.ipv6_label &= htonl(IPV6_LABEL_MASK);
            flow.nw_frag &= FLOW_NW_FRAG_MASK;
            (*n_packets)++;

            bool want = ovn_expr_evaluate(tree, &flow, lookup_port, NULL);
            bool got = check_accept(cf, n, &flow);
            if (want != got) {
                char *fs = flow_to_string(&flow, NULL);
                printf("MISMATCH match=(%s): expression %d, flows %d on "
                       "%s\n", match_s, want, got, fs);
                free(fs);
                mismatches++;
                break;
            }
        }
    }

    for (i = 0; i < n; i++) {
        minimatch_destroy(&cf[i].mm);
    }
    free(cf);
    ovn_expr_matches_destroy(&matches);
    ovn_expr_destroy(tree);
    return mismatches;
}

/* Runs "check-file FILE". */
static int
run_check_file(const char *file_name, size_t max)
{
    FILE *stream = fopen(file_name, "r");
    struct ds line = DS_EMPTY_INITIALIZER;
    int n = 0, n_bad = 0, n_packets = 0, n_skipped = 0;

    if (!stream) {
        ovs_fatal(errno, "%s: open failed", file_name);
    }
    random_set_seed(12345);
    while (!ds_get_line(&line, stream)) {
        char *fields[6];
        char *p = ds_cstr(&line);
        int i;

        for (i = 0; i < 6 && p; i++) {
            fields[i] = p;
            p = i < 5 ? strchr(p, '\t') : NULL;
            if (p) {
                *p++ = '\0';
            }
        }
        if (i < 6) {
            continue;
        }
        n++;
        n_bad += check_one(fields[4], strtoul(fields[3], NULL, 10), max,
                           &n_packets, &n_skipped) > 0;
    }
    fclose(stream);
    ds_destroy(&line);
    printf("checked %d matches on %d packets: %d mismatched, %d not "
           "compiled\n", n - n_skipped, n_packets, n_bad, n_skipped);
    return n_bad || n_skipped ? 1 : 0;
}

int
main(int argc, char *argv[])
{
    size_t max = 10000;
    bool ingress = true;
    bool router = false;
    int i;
    int status;

    set_program_name(argv[0]);
    shash_init(&ports);
    shash_init(&addr_sets);
    shash_init(&port_groups);
    sset_init(&resident);

    for (i = 1; i < argc && !strncmp(argv[i], "--", 2); i++) {
        const char *opt = argv[i];
        if (!strcmp(opt, "--egress")) {
            ingress = false;
            continue;
        } else if (!strcmp(opt, "--any-port")) {
            any_port = true;
            continue;
        }
        if (!strcmp(opt, "--router")) {
            router = true;
            continue;
        }
        if (i + 1 >= argc) {
            ovs_fatal(0, "%s requires an argument", opt);
        }
        const char *arg = argv[++i];
        if (!strcmp(opt, "--port")) {
            const char *eq = strchr(arg, '=');
            if (!eq) {
                ovs_fatal(0, "--port: expecting NAME=KEY");
            }
            char *name = xmemdup0(arg, eq - arg);
            shash_replace(&ports, name,
                          (void *) (uintptr_t) strtoul(eq + 1, NULL, 0));
            free(name);
        } else if (!strcmp(opt, "--as")) {
            add_set(&addr_sets, arg);
        } else if (!strcmp(opt, "--pg")) {
            add_set(&port_groups, arg);
        } else if (!strcmp(opt, "--resident")) {
            sset_add(&resident, arg);
        } else if (!strcmp(opt, "--max")) {
            max = strtoul(arg, NULL, 10);
        } else {
            ovs_fatal(0, "unknown option %s", opt);
        }
    }

    if (argc - i == 2 && !strcmp(argv[i], "compile-file")) {
        status = run_compile_file(argv[i + 1], max);
    } else if (argc - i == 2 && !strcmp(argv[i], "check-file")) {
        status = run_check_file(argv[i + 1], max);
    } else if (argc - i == 2) {
        status = run_expr(argv[i], argv[i + 1], max);
    } else if (argc - i == 5 && !strcmp(argv[i], "compile")) {
        status = run_compile(&argv[i + 1], ingress, max);
    } else if (argc - i == 3 && !strcmp(argv[i], "actions")) {
        status = run_actions(argv[i + 1], argv[i + 2], ingress, router);
    } else {
        ovs_fatal(0, "usage: %s [OPTIONS] "
                  "lex|parse|annotate|simplify|normalize|flows EXPR\n"
                  "   or: %s [OPTIONS] compile STAGE PRIORITY MATCH ACTIONS\n"
                  "   or: %s [OPTIONS] actions STAGE ACTIONS",
                  argv[0], argv[0], argv[0]);
    }

    shash_destroy(&ports);
    free_sets(&addr_sets);
    free_sets(&port_groups);
    sset_destroy(&resident);
    return status;
}
