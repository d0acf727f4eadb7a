/*
 * Unit tests for match expressions (lib/ovn-expr*.c, lib/ovn-symtab.c,
 * lib/ovn-lflow-compile.c).
 *
 * Each row of 'cases' is one cmocka case: a step ("parse", "annotate",
 * "simplify", "normalize", "flows" or "compile"), an input, and the exact
 * expected output: the expression as printed, the OpenFlow matches as
 * OVS's match_format() prints them (one per line, sorted), or
 * "error: MESSAGE".  "compile" rows are "STAGE|PRIORITY|MATCH|ACTIONS".
 *
 * The environment: ports lp1=1, lp2=2, lp3=3, sw0-port=10 ("lp9" is
 * unknown); address sets as_ip4, as_ip6, as_mac, as_empty, as_bad; port
 * groups pg1 = {lp1, lp2}, pg2 = {lp3, lp9}, pg_empty; lp1 is resident.
 */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/ovn-expr.h"
#include "lib/ovn-lex.h"
#include "lib/ovn-lflow-compile.h"
#include "lib/ovn-symtab.h"
#include "flow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/shash.h"
#include "sset.h"
#include "svec.h"
#include "util.h"

#include "tests/unit/test-expr-cases.h"

static struct shash addr_sets;      /* Name -> struct sset *. */
static struct shash port_groups;    /* Name -> struct sset *. */

/* Port lookup callback. */
static bool
lookup_port(const void *aux OVS_UNUSED, const char *name, uint32_t *key)
{
    static const struct { const char *name; uint32_t key; } ports[] = {
        { "lp1", 1 }, { "lp2", 2 }, { "lp3", 3 }, { "sw0-port", 10 },
    };
    for (size_t i = 0; i < ARRAY_SIZE(ports); i++) {
        if (!strcmp(name, ports[i].name)) {
            *key = ports[i].key;
            return true;
        }
    }
    return false;
}

/* is_chassis_resident() callback. */
static bool
is_resident(const void *aux OVS_UNUSED, const char *name)
{
    return !strcmp(name, "lp1");
}

/* Adds set 'name' with the 'n' strings in 'values' to 'map'. */
static void
add_set(struct shash *map, const char *name, const char *values[], size_t n)
{
    struct sset *set = xmalloc(sizeof *set);
    sset_init(set);
    for (size_t i = 0; i < n; i++) {
        sset_add(set, values[i]);
    }
    shash_add(map, name, set);
}

/* Builds the address sets and port groups. */
static int
setup_env(void **state OVS_UNUSED)
{
    static const char *ip4[] = { "10.0.0.1", "10.0.0.2", "10.0.1.0/24" };
    static const char *ip6[] = { "fe80::1", "fd00::/64" };
    static const char *mac[] = { "00:00:00:00:00:01", "00:00:00:00:00:02" };
    static const char *bad[] = { "foo" };
    static const char *pg1[] = { "lp1", "lp2" };
    static const char *pg2[] = { "lp3", "lp9" };

    shash_init(&addr_sets);
    shash_init(&port_groups);
    add_set(&addr_sets, "as_ip4", ip4, ARRAY_SIZE(ip4));
    add_set(&addr_sets, "as_ip6", ip6, ARRAY_SIZE(ip6));
    add_set(&addr_sets, "as_mac", mac, ARRAY_SIZE(mac));
    add_set(&addr_sets, "as_empty", NULL, 0);
    add_set(&addr_sets, "as_bad", bad, ARRAY_SIZE(bad));
    add_set(&port_groups, "pg1", pg1, ARRAY_SIZE(pg1));
    add_set(&port_groups, "pg2", pg2, ARRAY_SIZE(pg2));
    add_set(&port_groups, "pg_empty", NULL, 0);
    return 0;
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

/* Frees the environment. */
static int
teardown_env(void **state OVS_UNUSED)
{
    free_sets(&addr_sets);
    free_sets(&port_groups);
    return 0;
}

/* Appends the lines in 'lines', sorted, to 's'. */
static void
put_sorted(struct svec *lines, struct ds *s)
{
    const char *line;
    size_t i;

    svec_sort(lines);
    SVEC_FOR_EACH (i, line, lines) {
        if (i) {
            ds_put_char(s, '\n');
        }
        ds_put_cstr(s, line);
    }
}

/* Runs "compile" on 'spec' ("STAGE|PRIORITY|MATCH|ACTIONS"). */
static void
run_compile(const char *spec, struct ds *out)
{
    char *copy = xstrdup(spec);
    char *fields[4];
    char *p = copy;
    for (int i = 0; i < 4; i++) {
        fields[i] = p;
        p = i < 3 ? strchr(p, '|') : NULL;
        if (p) {
            *p++ = '\0';
        }
    }

    struct ovn_lflow_env env = {
        .lookup_port = lookup_port,
        .is_chassis_resident = is_resident,
        .addr_sets = &addr_sets,
        .port_groups = &port_groups,
        .is_switch = true,
        .max_flows = 10000,
    };
    struct ovs_list flows = OVS_LIST_INITIALIZER(&flows);
    uint32_t n_conj;
    char *error = ovn_lflow_compile(&env, true, atoi(fields[0]),
                                    atoi(fields[1]), fields[2], fields[3],
                                    1, &flows, &n_conj, 1);
    if (error) {
        ds_put_format(out, "error: %s", error);
        free(error);
    } else {
        struct svec lines = SVEC_EMPTY_INITIALIZER;
        struct ovn_oflow *f;
        LIST_FOR_EACH (f, list_node, &flows) {
            struct ds s = DS_EMPTY_INITIALIZER;
            ovn_oflow_format(f, &s);
            svec_add_nocopy(&lines, ds_steal_cstr(&s));
        }
        put_sorted(&lines, out);
        svec_destroy(&lines);
    }
    ovn_oflow_list_destroy(&flows);
    free(copy);
}

/* Runs step 'cmd' on 'text', appending the result to 'out'. */
static void
run_step(const char *cmd, const char *text, struct ds *out)
{
    struct ovn_expr *e;
    char *error;

    if (!strcmp(cmd, "compile")) {
        run_compile(text, out);
        return;
    }

    error = ovn_expr_parse(text, &addr_sets, &port_groups, &e);
    if (!error && strcmp(cmd, "parse")) {
        e = ovn_expr_annotate(e, &error);
    }
    if (!error && strcmp(cmd, "parse") && strcmp(cmd, "annotate")) {
        e = ovn_expr_simplify(e);
    }
    if (!error && (!strcmp(cmd, "normalize") || !strcmp(cmd, "flows"))) {
        e = ovn_expr_evaluate_conditions(e, is_resident, NULL);
        e = ovn_expr_normalize(e, 10000, &error);
        if (!error) {
            assert_true(ovn_expr_is_normalized(e));
        }
    }
    if (error) {
        ds_put_format(out, "error: %s", error);
        free(error);
        return;
    }

    if (!strcmp(cmd, "flows")) {
        struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
        error = ovn_expr_to_matches(e, lookup_port, NULL, 1, 10000,
                                    &matches, NULL);
        if (error) {
            ds_put_format(out, "error: %s", error);
            free(error);
        } else {
            struct svec lines = SVEC_EMPTY_INITIALIZER;
            struct ovn_expr_match *m;
            LIST_FOR_EACH (m, list_node, &matches) {
                struct ds s = DS_EMPTY_INITIALIZER;
                ovn_expr_match_format(m, &s);
                svec_add_nocopy(&lines, ds_steal_cstr(&s));
            }
            put_sorted(&lines, out);
            svec_destroy(&lines);
        }
        ovn_expr_matches_destroy(&matches);
    } else {
        ovn_expr_format(e, out);

        /* Printed expressions parse back to the same text. */
        if (!strcmp(cmd, "parse") && !strstr(ds_cstr(out), "[]")) {
            struct ovn_expr *e2;
            char *error2 = ovn_expr_parse(ds_cstr(out), NULL, NULL, &e2);
            if (error2) {
                fail_msg("reparse of \"%s\" failed: %s", ds_cstr(out),
                         error2);
            }
            char *s2 = ovn_expr_to_string(e2);
            assert_string_equal(s2, ds_cstr(out));
            free(s2);
            ovn_expr_destroy(e2);
        }
    }
    ovn_expr_destroy(e);
}

/* Runs one row of 'cases'. */
static void
run_case(void **state)
{
    const struct expr_case *c = *state;
    struct ds out = DS_EMPTY_INITIALIZER;

    run_step(c->cmd, c->input, &out);
    if (strcmp(ds_cstr(&out), c->expected)) {
        fail_msg("%s \"%s\":\nexpected: %s\nactual:   %s", c->cmd, c->input,
                 c->expected, ds_cstr(&out));
    }
    ds_destroy(&out);
}

/* The bound on terms and flows is enforced with an error. */
static void
test_limits(void **state OVS_UNUSED)
{
    struct ovn_expr *e;
    char *error = ovn_expr_parse("reg0[0..3] == {0, 1, 2, 3, 4, 5} && "
                                 "(reg1 == 1 || reg2 == 2) && "
                                 "(reg4 == 1 || reg5 == 2)", NULL, NULL, &e);
    assert_null(error);
    e = ovn_expr_simplify(e);
    e = ovn_expr_normalize(e, 3, &error);
    assert_null(e);
    assert_string_equal(error, "expression too complex: more than 3 terms");
    free(error);

    error = ovn_expr_parse("reg0[0..3] == {0, 1, 2, 3, 4, 5}", NULL, NULL,
                           &e);
    assert_null(error);
    e = ovn_expr_simplify(e);
    e = ovn_expr_normalize(e, 0, &error);
    assert_null(error);
    struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
    error = ovn_expr_to_matches(e, NULL, NULL, 1, 5, &matches, NULL);
    assert_string_equal(error, "match expression yields more than 5 "
                        "OpenFlow flows");
    assert_true(ovs_list_is_empty(&matches));
    free(error);
    error = ovn_expr_to_matches(e, NULL, NULL, 1, 6, &matches, NULL);
    assert_null(error);
    assert_int_equal(ovs_list_size(&matches), 6);
    ovn_expr_matches_destroy(&matches);
    ovn_expr_destroy(e);

    /* Found by fuzzing: many wide "!=" terms must hit the bound quickly
     * rather than build (and print) a huge normal form. */
    error = ovn_expr_parse("(reg9 == 5 || reg8 >= 2 || reg2 >= 1) && "
                           "!(reg4 == 3 || reg8 == 0) && "
                           "!(reg5 == 3 || reg4 == 3)", NULL, NULL, &e);
    assert_null(error);
    e = ovn_expr_simplify(e);
    e = ovn_expr_normalize(e, 1000, &error);
    assert_null(e);
    assert_string_equal(error,
                        "expression too complex: more than 1000 terms");
    free(error);

    /* ovn_expr_to_matches() refuses expressions not in normal form. */
    error = ovn_expr_parse("tcp.dst != 80", NULL, NULL, &e);
    assert_null(error);
    error = ovn_expr_to_matches(e, NULL, NULL, 1, 0, &matches, NULL);
    assert_string_equal(error, "expression is not in normal form");
    assert_true(ovs_list_is_empty(&matches));
    free(error);
    ovn_expr_destroy(e);

    /* Through ovn_lflow_compile(): nothing is appended on error. */
    struct ovn_lflow_env env = { .max_flows = 2 };
    struct ovs_list flows = OVS_LIST_INITIALIZER(&flows);
    uint32_t n_conj = 99;
    error = ovn_lflow_compile(&env, false, 0, 1, "tcp.dst == {1, 2, 3}",
                              "next;", 5, &flows, &n_conj, 1);
    assert_non_null(error);
    assert_true(ovs_list_is_empty(&flows));
    assert_int_equal(n_conj, 0);
    free(error);
}

/* "@name" in a flow of datapath K finds southbound "K_name" first. */
static void
test_dp_port_groups(void **state OVS_UNUSED)
{
    static const char *a[] = { "lp1" };
    static const char *b[] = { "lp2", "lp3" };
    struct shash pgs = SHASH_INITIALIZER(&pgs);
    struct ovn_expr *e;
    char *error, *s;

    add_set(&pgs, "pgx", a, ARRAY_SIZE(a));
    add_set(&pgs, "7_pgx", b, ARRAY_SIZE(b));

    error = ovn_expr_parse_dp("inport == @pgx", NULL, &pgs, 7, &e);
    assert_null(error);
    s = ovn_expr_to_string(e);
    assert_string_equal(s, "inport == \"lp2\" || inport == \"lp3\"");
    free(s);
    ovn_expr_destroy(e);

    error = ovn_expr_parse_dp("inport == @pgx", NULL, &pgs, 8, &e);
    assert_null(error);
    s = ovn_expr_to_string(e);
    assert_string_equal(s, "inport == \"lp1\"");
    free(s);
    ovn_expr_destroy(e);

    error = ovn_expr_parse_dp("inport == @7_pgx", NULL, &pgs, 0, &e);
    assert_null(error);
    ovn_expr_destroy(e);

    error = ovn_expr_parse_dp("inport == @pgy", NULL, &pgs, 7, &e);
    assert_string_equal(error, "col 11: unknown port group `pgy'");
    assert_null(e);
    free(error);
    free_sets(&pgs);
}

/* ovn_lflow_check_match() accepts valid matches without any tables. */
static void
test_check_match(void **state OVS_UNUSED)
{
    static const char *good[] = {
        "inport == \"a\" && ip4.src == $any_set && outport == @any_pg",
        "ct.est && !ct.rel && ct_mark.blocked == 0",
        "is_chassis_resident(\"cr-lrp\") && eth.bcast",
        "1", "ip6 && nd_ns && nd.target == fe80::1",
    };
    static const char *bad[] = {
        "inport == 1", "ip4 && || ip6", "nosuch.field == 1",
        "tcp.dst == 70000", "",
    };
    for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
        char *error = ovn_lflow_check_match(good[i]);
        if (error) {
            fail_msg("\"%s\": %s", good[i], error);
        }
    }
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        char *error = ovn_lflow_check_match(bad[i]);
        assert_non_null(error);
        free(error);
    }
}

/* ovn_expr_evaluate() on packets with real header fields. */
static void
test_evaluate(void **state OVS_UNUSED)
{
    static const struct {
        const char *expr;
        bool want;
    } tests[] = {
        { "ip4 && ip4.src == 10.0.0.0/8 && tcp.dst >= 80", true },
        { "ip4.src == 10.0.0.2", false },
        { "tcp.dst == {22, 443}", true },
        { "tcp.dst < 443", false },
        { "inport == \"lp2\" && reg0[3]", true },
        { "inport == \"lp1\"", false },
        { "inport == \"lp9\"", false },
        { "eth.mcast || eth.bcast", false },
        { "ct.est && !ct.new", true },
        { "flags.loopback", true },
        { "is_chassis_resident(\"lp1\")", false },
    };
    struct flow flow;

    memset(&flow, 0, sizeof flow);
    flow.dl_type = htons(ETH_TYPE_IP);
    flow.nw_proto = IPPROTO_TCP;
    flow.nw_src = htonl(0x0a000001);
    flow.tp_dst = htons(443);
    flow.regs[14] = 2;
    flow.regs[0] = 8;
    flow.regs[10] = 1;
    flow.ct_state = CS_TRACKED | CS_ESTABLISHED;

    for (size_t i = 0; i < ARRAY_SIZE(tests); i++) {
        struct ovn_expr *e;
        char *error = ovn_expr_parse(tests[i].expr, NULL, NULL, &e);
        assert_null(error);
        assert_int_equal(ovn_expr_evaluate(e, &flow, lookup_port, NULL),
                         tests[i].want);
        struct ovn_expr *c = ovn_expr_clone(e);
        c = ovn_expr_annotate(c, &error);
        c = ovn_expr_simplify(c);
        assert_int_equal(ovn_expr_evaluate(c, &flow, lookup_port, NULL),
                         tests[i].want);
        ovn_expr_destroy(c);
        ovn_expr_destroy(e);
    }
}

/* The symbol table maps names onto OVS fields and registers. */
static void
test_symtab(void **state OVS_UNUSED)
{
    struct mf_subfield sf;
    const struct ovn_symbol *s;

    s = ovn_symtab_lookup("flags.loopback");
    assert_non_null(s);
    ovn_symbol_to_subfield(s, &sf);
    assert_int_equal(sf.field->id, MFF_REG10);
    assert_int_equal(sf.ofs, 0);
    assert_int_equal(sf.n_bits, 1);

    s = ovn_symtab_lookup("ct_label.ecmp_reply_port");
    ovn_symbol_to_subfield(s, &sf);
    assert_int_equal(sf.field->id, MFF_CT_LABEL);
    assert_int_equal(sf.ofs, 80);
    assert_int_equal(sf.n_bits, 16);

    s = ovn_symtab_lookup("inport");
    assert_true(s->is_string);
    assert_int_equal(s->field->id, MFF_REG14);
    s = ovn_symtab_lookup("outport");
    assert_int_equal(s->field->id, MFF_REG15);

    s = ovn_symtab_lookup("reg0");
    assert_string_equal(s->canon->name, "xxreg0");
    assert_int_equal(s->canon_ofs, 96);
    s = ovn_symtab_lookup("xreg1");
    assert_string_equal(s->canon->name, "xxreg0");
    assert_int_equal(s->canon_ofs, 0);
    s = ovn_symtab_lookup("reg14");
    assert_string_equal(s->canon->name, "xxreg3");
    assert_int_equal(s->canon_ofs, 32);
    s = ovn_symtab_lookup("rarp.spa");
    assert_string_equal(s->canon->name, "arp.spa");

    assert_string_equal(ovn_symtab_lookup("tcp.dst")->prereqs, "tcp");
    assert_string_equal(ovn_symtab_lookup("ip4")->expansion,
                        "eth.type == 0x800");
    assert_int_equal(ovn_symtab_lookup("ip4")->kind, OVN_SYM_PREDICATE);
    assert_null(ovn_symtab_lookup("nosuch"));
    assert_non_null(ovn_symtab_lookup_len("ip4.srcXYZ", 7));

    const struct ovn_symbol *xx = ovn_symtab_lookup("xxreg2");
    assert_string_equal(ovn_symtab_best_name(xx, 32, 32)->name,
                        "flags.loopback");
    assert_string_equal(ovn_symtab_best_name(xx, 32, 40)->name, "reg10");
    assert_string_equal(ovn_symtab_best_name(xx, 0, 63)->name, "xreg5");
    assert_string_equal(ovn_symtab_best_name(xx, 0, 127)->name, "xxreg2");

    /* Every field's prerequisites and every predicate parse. */
    size_t n;
    const struct ovn_symbol **all = ovn_symtab_all(&n);
    assert_true(n > 100);
    for (size_t i = 0; i < n; i++) {
        const char *text = all[i]->prereqs ? all[i]->prereqs
                                           : all[i]->expansion;
        if (text) {
            char *error = ovn_lflow_check_match(text);
            if (error) {
                fail_msg("%s: %s", all[i]->name, error);
            }
        }
        char *error = ovn_lflow_check_match(
            all[i]->kind == OVN_SYM_PREDICATE || all[i]->width == 1
            ? all[i]->name : "1");
        if (error) {
            fail_msg("%s: %s", all[i]->name, error);
        }
    }
}

int
main(void)
{
    size_t n = ARRAY_SIZE(cases);
    struct CMUnitTest *tests = xcalloc(n + 5, sizeof *tests);
    char **names = xcalloc(n, sizeof *names);

    for (size_t i = 0; i < n; i++) {
        names[i] = xasprintf("%s %s", cases[i].cmd, cases[i].input);
        tests[i].name = names[i];
        tests[i].test_func = run_case;
        tests[i].initial_state = CONST_CAST(struct expr_case *, &cases[i]);
    }
    tests[n].name = "limits";
    tests[n].test_func = test_limits;
    tests[n + 1].name = "check_match";
    tests[n + 1].test_func = test_check_match;
    tests[n + 2].name = "evaluate";
    tests[n + 2].test_func = test_evaluate;
    tests[n + 3].name = "symtab";
    tests[n + 3].test_func = test_symtab;
    tests[n + 4].name = "dp_port_groups";
    tests[n + 4].test_func = test_dp_port_groups;

    int rc = _cmocka_run_group_tests("expr", tests, n + 5, setup_env,
                                     teardown_env);
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
    }
    free(names);
    free(tests);
    return rc;
}
