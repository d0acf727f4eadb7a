/*
 * Property test for match expressions: random expressions over a few small
 * fields are generated as trees by this test, printed as text, and compiled
 * by the library (parse, annotate, simplify, normalize, to OpenFlow
 * matches).  For every possible packet (every combination of the fields'
 * values) the test's own evaluation of its tree must agree with:
 *
 *   - the OpenFlow matches: a packet is accepted if it matches a flow with
 *     the real actions, or if for some conjunction id it matches a flow of
 *     every dimension (OVS conjunctive-match semantics);
 *   - ovn_expr_evaluate() on the parsed and on the normalized expression.
 *
 * Two sets of fields:
 *   - registers, chosen so that some share canonical storage and some do
 *     not (merging and conjunctive matches are both exercised):
 *     reg0[0..2] and reg1[0..1] (both in xxreg0), reg4[0..2] (xxreg1),
 *     reg8[0..1] (xxreg2);
 *   - header and metadata fields of different OVS types: eth.src[0..2],
 *     pkt.mark[4..6], ct_state[1..2], vlan.tci[0..1].
 * plus inport (reg14) with ports p1=1, p2=2, p3=3 and the unknown "p9".
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
#include "flow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/match.h"
#include "openvswitch/shash.h"
#include "random.h"
#include "sset.h"
#include "util.h"

/* Where a test field lives in struct flow. */
enum tkind {
    TK_REG,                     /* flow->regs[reg_idx]. */
    TK_CT_STATE,                /* flow->ct_state. */
    TK_PKT_MARK,                /* flow->pkt_mark. */
    TK_ETH_SRC,                 /* Last byte of flow->dl_src. */
    TK_VLAN_TCI,                /* flow->vlans[0].tci. */
};

/* A test field. */
struct tfield {
    const char *name;           /* Field name in the language. */
    enum tkind kind;            /* Where it lives. */
    int reg_idx;                /* TK_REG: register number. */
    int lo;                     /* First bit within the field. */
    int n_bits;                 /* Width. */
};

#define N_TFIELDS 4

/* Registers, some sharing canonical storage. */
static const struct tfield reg_fields[N_TFIELDS] = {
    { "reg0", TK_REG, 0, 0, 3 },         /* A */
    { "reg4", TK_REG, 4, 0, 3 },         /* B */
    { "reg8", TK_REG, 8, 0, 2 },         /* C */
    { "reg1", TK_REG, 1, 0, 2 },         /* D */
};

/* Packet header and metadata fields of several OVS types. */
static const struct tfield hdr_fields[N_TFIELDS] = {
    { "eth.src", TK_ETH_SRC, 0, 0, 3 },
    { "pkt.mark", TK_PKT_MARK, 0, 4, 3 },
    { "ct_state", TK_CT_STATE, 0, 1, 2 },
    { "vlan.tci", TK_VLAN_TCI, 0, 0, 2 },
};

static const struct tfield *tfields = reg_fields;  /* Fields in use. */

/* A packet: a value for each test field and the inport key. */
struct tpacket {
    unsigned int v[N_TFIELDS];  /* Field values. */
    unsigned int port;          /* inport key, 0..3. */
};

/* Node types of the test's own expression trees. */
enum tnode_type { TN_CMP, TN_SET, TN_BIT, TN_PORT, TN_BOOL, TN_AND, TN_OR,
                  TN_NOT };

/* A node of a test expression tree. */
struct tnode {
    enum tnode_type type;       /* Node type. */
    int field;                  /* CMP/SET/BIT: index into tfields. */
    int lo, hi;                 /* CMP/SET: bit range within the field. */
    int relop;                  /* CMP: enum ovn_relop; SET/PORT: EQ/NE. */
    unsigned int value;         /* CMP: constant; BIT: bit; BOOL: 0/1. */
    unsigned int mask;          /* CMP: mask if 'masked'. */
    bool masked;                /* CMP: written as value/mask. */
    bool const_first;           /* CMP: written "c relop field". */
    unsigned int set[4];        /* SET: values; PORT: port numbers. */
    int n_set;                  /* SET/PORT: number of values. */
    struct tnode *kids[3];      /* AND/OR: children; NOT: kids[0]. */
    int n_kids;                 /* Number of children. */
};

/* Returns a random integer in [0, n). */
static unsigned int
rnd(unsigned int n)
{
    return random_range(n);
}

/* Generates a random tree; 'odd' is true under an odd number of
 * negations. */
static struct tnode *
gen(int depth, bool odd)
{
    struct tnode *t = xzalloc(sizeof *t);
    unsigned int r = rnd(100);

    if (depth > 0 && r < 45) {
        if (r < 12) {
            t->type = TN_NOT;
            t->n_kids = 1;
            t->kids[0] = gen(depth - 1, !odd);
        } else {
            t->type = r < 30 ? TN_AND : TN_OR;
            t->n_kids = 2 + rnd(2);
            for (int i = 0; i < t->n_kids; i++) {
                t->kids[i] = gen(depth - 1, odd);
            }
        }
        return t;
    }

    r = rnd(100);
    t->field = rnd(N_TFIELDS);
    int w = tfields[t->field].n_bits;
    t->lo = rnd(w);
    t->hi = t->lo + rnd(w - t->lo);
    if (rnd(3) == 0) {
        t->lo = 0;
        t->hi = w - 1;
    }
    int n = t->hi - t->lo + 1;
    if (r < 45) {
        t->type = TN_CMP;
        t->relop = rnd(6);
        t->value = rnd(1u << n);
        if (t->relop <= OVN_REL_NE && rnd(4) == 0) {
            t->masked = true;
            t->mask = rnd(1u << n);
            t->value &= t->mask;
        }
        t->const_first = !t->masked && rnd(5) == 0;
    } else if (r < 65) {
        t->type = TN_SET;
        t->relop = rnd(2);
        t->n_set = rnd(4);
        for (int i = 0; i < t->n_set; i++) {
            t->set[i] = rnd(1u << n);
        }
    } else if (r < 75) {
        t->type = TN_BIT;
        t->value = rnd(w);
    } else if (r < 92) {
        t->type = TN_PORT;
        t->relop = odd ? OVN_REL_NE : OVN_REL_EQ;
        t->n_set = 1 + rnd(3);
        for (int i = 0; i < t->n_set; i++) {
            /* Port 0 stands for the unknown "p9". */
            t->set[i] = rnd(4);
        }
    } else {
        t->type = TN_BOOL;
        t->value = rnd(2);
    }
    return t;
}

/* Frees 't'. */
static void
tnode_free(struct tnode *t)
{
    for (int i = 0; i < t->n_kids; i++) {
        tnode_free(t->kids[i]);
    }
    free(t);
}

/* Appends the field reference of 't' to 's'. */
static void
put_field(const struct tnode *t, struct ds *s)
{
    const struct tfield *f = &tfields[t->field];
    int lo = f->lo + t->lo, hi = f->lo + t->hi;
    if (lo == hi) {
        ds_put_format(s, "%s[%d]", f->name, lo);
    } else {
        ds_put_format(s, "%s[%d..%d]", f->name, lo, hi);
    }
}

/* Returns the name of port number 'p'. */
static const char *
port_name(unsigned int p)
{
    static const char *names[] = { "p9", "p1", "p2", "p3" };
    return names[p];
}

/* Appends 't' as text to 's'. */
static void
put_tree(const struct tnode *t, struct ds *s)
{
    static const char *ops[] = { "==", "!=", "<", "<=", ">", ">=" };
    static const char *rev[] = { "==", "!=", ">", ">=", "<", "<=" };

    switch (t->type) {
    case TN_CMP:
        if (t->const_first) {
            ds_put_format(s, "%u %s ", t->value, rev[t->relop]);
            put_field(t, s);
        } else {
            put_field(t, s);
            ds_put_format(s, " %s ", ops[t->relop]);
            if (t->masked) {
                ds_put_format(s, "%#x/%#x", t->value, t->mask);
            } else {
                ds_put_format(s, "%u", t->value);
            }
        }
        break;
    case TN_SET:
        put_field(t, s);
        ds_put_format(s, " %s {", ops[t->relop]);
        for (int i = 0; i < t->n_set; i++) {
            ds_put_format(s, "%s%u", i ? ", " : "", t->set[i]);
        }
        ds_put_char(s, '}');
        break;
    case TN_BIT: {
        const struct tfield *f = &tfields[t->field];
        ds_put_format(s, "%s[%d]", f->name, f->lo + (int) t->value);
        break;
    }
    case TN_PORT:
        ds_put_format(s, "inport %s ", ops[t->relop]);
        if (t->n_set == 1) {
            ds_put_format(s, "\"%s\"", port_name(t->set[0]));
        } else {
            ds_put_char(s, '{');
            for (int i = 0; i < t->n_set; i++) {
                ds_put_format(s, "%s\"%s\"", i ? ", " : "",
                              port_name(t->set[i]));
            }
            ds_put_char(s, '}');
        }
        break;
    case TN_BOOL:
        ds_put_format(s, "%u", t->value);
        break;
    case TN_AND:
    case TN_OR:
        for (int i = 0; i < t->n_kids; i++) {
            if (i) {
                ds_put_cstr(s, t->type == TN_AND ? " && " : " || ");
            }
            ds_put_char(s, '(');
            put_tree(t->kids[i], s);
            ds_put_char(s, ')');
        }
        break;
    case TN_NOT:
        ds_put_cstr(s, "!(");
        put_tree(t->kids[0], s);
        ds_put_char(s, ')');
        break;
    }
}

/* The test's own evaluation of 't' on packet 'p'. */
static bool
eval_tree(const struct tnode *t, const struct tpacket *p)
{
    unsigned int v = p->v[t->field];
    unsigned int x = (v >> t->lo) & ((1u << (t->hi - t->lo + 1)) - 1);

    switch (t->type) {
    case TN_CMP:
        if (t->masked) {
            bool eq = (x & t->mask) == t->value;
            return t->relop == OVN_REL_EQ ? eq : !eq;
        }
        switch (t->relop) {
        case OVN_REL_EQ: return x == t->value;
        case OVN_REL_NE: return x != t->value;
        case OVN_REL_LT: return x < t->value;
        case OVN_REL_LE: return x <= t->value;
        case OVN_REL_GT: return x > t->value;
        case OVN_REL_GE: return x >= t->value;
        }
        return false;
    case TN_SET: {
        bool any = false;
        for (int i = 0; i < t->n_set; i++) {
            any |= x == t->set[i];
        }
        return t->relop == OVN_REL_EQ ? any : !any;
    }
    case TN_BIT:
        return (v >> t->value) & 1;
    case TN_PORT: {
        bool any = false;
        for (int i = 0; i < t->n_set; i++) {
            any |= t->set[i] != 0 && p->port == t->set[i];
        }
        return t->relop == OVN_REL_EQ ? any : !any;
    }
    case TN_BOOL:
        return t->value;
    case TN_AND:
        for (int i = 0; i < t->n_kids; i++) {
            if (!eval_tree(t->kids[i], p)) {
                return false;
            }
        }
        return true;
    case TN_OR:
        for (int i = 0; i < t->n_kids; i++) {
            if (eval_tree(t->kids[i], p)) {
                return true;
            }
        }
        return false;
    case TN_NOT:
        return !eval_tree(t->kids[0], p);
    }
    return false;
}

/* Port lookup for the library. */
static bool
lookup_port(const void *aux OVS_UNUSED, const char *name, uint32_t *key)
{
    for (unsigned int i = 1; i < 4; i++) {
        if (!strcmp(name, port_name(i))) {
            *key = i;
            return true;
        }
    }
    return false;
}

/* A compiled flow: its match and conjunction actions. */
struct tflow {
    const struct match *match;      /* The match. */
    uint32_t conj_id;               /* Matched conj_id, if 'has_conj_id'. */
    bool has_conj_id;               /* Matches conj_id. */
    struct ovn_expr_conj *conjs;    /* Conjunction actions. */
    size_t n_conjs;                 /* Number of 'conjs'. */
};

/* Stores packet 'p' into 'flow' (all other fields zero). */
static void
packet_to_flow(const struct tpacket *p, struct flow *flow)
{
    memset(flow, 0, sizeof *flow);
    for (size_t i = 0; i < N_TFIELDS; i++) {
        const struct tfield *f = &tfields[i];
        uint32_t v = p->v[i] << f->lo;
        switch (f->kind) {
        case TK_REG:
            flow->regs[f->reg_idx] |= v;
            break;
        case TK_CT_STATE:
            flow->ct_state |= v;
            break;
        case TK_PKT_MARK:
            flow->pkt_mark |= v;
            break;
        case TK_ETH_SRC:
            flow->dl_src.ea[5] |= v;
            break;
        case TK_VLAN_TCI:
            flow->vlans[0].tci |= htons(v);
            break;
        }
    }
    flow->regs[14] = p->port;
}

/* Returns true if 'f' matches packet 'flow', considering the fields the
 * test uses (match_to_tflow() checked that no others are matched). */
static bool
tflow_matches(const struct tflow *f, const struct flow *flow)
{
    const struct flow *mf = &f->match->flow;
    const struct flow *mm = &f->match->wc.masks;

    for (int i = 0; i < FLOW_N_REGS; i++) {
        if ((flow->regs[i] ^ mf->regs[i]) & mm->regs[i]) {
            return false;
        }
    }
    for (int i = 0; i < ETH_ADDR_LEN; i++) {
        if ((flow->dl_src.ea[i] ^ mf->dl_src.ea[i]) & mm->dl_src.ea[i]) {
            return false;
        }
    }
    return (!((flow->ct_state ^ mf->ct_state) & mm->ct_state)
            && !((flow->pkt_mark ^ mf->pkt_mark) & mm->pkt_mark)
            && !((flow->vlans[0].tci ^ mf->vlans[0].tci)
                 & mm->vlans[0].tci));
}

/* Returns true if 'flows' accept 'flow' under OVS's semantics for one
 * priority: a matching flow with real actions, or a complete conjunctive
 * match whose conj_id flow exists. */
static bool
flows_accept(const struct tflow *flows, size_t n, const struct flow *flow)
{
    /* Per conjunction id (small ids), bitmap of dimensions matched. */
    uint64_t seen[64];
    uint8_t n_clauses[64];

    memset(seen, 0, sizeof seen);
    memset(n_clauses, 0, sizeof n_clauses);
    for (size_t i = 0; i < n; i++) {
        const struct tflow *f = &flows[i];
        if (f->has_conj_id || !tflow_matches(f, flow)) {
            continue;
        }
        if (!f->n_conjs) {
            return true;
        }
        for (size_t k = 0; k < f->n_conjs; k++) {
            uint32_t id = f->conjs[k].id;
            assert_true(id < 64);
            seen[id] |= UINT64_C(1) << (f->conjs[k].clause - 1);
            n_clauses[id] = f->conjs[k].n_clauses;
        }
    }
    for (int id = 0; id < 64; id++) {
        if (n_clauses[id]
            && seen[id] == (UINT64_C(1) << n_clauses[id]) - 1) {
            /* The conj_id flow must exist. */
            for (size_t i = 0; i < n; i++) {
                if (flows[i].has_conj_id && flows[i].conj_id == id) {
                    return true;
                }
            }
            fail_msg("no conj_id=%d flow", id);
        }
    }
    return false;
}

/* Converts 'm' into a struct tflow, checking that it matches nothing but
 * the test's fields and conj_id. */
static void
match_to_tflow(const struct ovn_expr_match *m, struct tflow *f)
{
    struct flow_wildcards wc = m->match.wc;

    memset(f, 0, sizeof *f);
    f->match = &m->match;
    memset(wc.masks.regs, 0, sizeof wc.masks.regs);
    wc.masks.ct_state = 0;
    wc.masks.pkt_mark = 0;
    wc.masks.dl_src = eth_addr_zero;
    wc.masks.vlans[0].tci = 0;
    if (wc.masks.conj_id) {
        f->has_conj_id = true;
        f->conj_id = m->match.flow.conj_id;
        wc.masks.conj_id = 0;
    }
    assert_true(flow_wildcards_is_catchall(&wc));
    f->conjs = m->conjs;
    f->n_conjs = m->n_conjs;
}

/* Runs 'n' random expressions of depth up to 'depth' from 'seed'. */
static void
run_property(unsigned int seed, int n, int depth)
{
    random_set_seed(seed);
    for (int iter = 0; iter < n; iter++) {
        struct tnode *t = gen(depth, false);
        struct ds text = DS_EMPTY_INITIALIZER;
        put_tree(t, &text);

        struct ovn_expr *parsed, *e;
        char *error = ovn_expr_parse(ds_cstr(&text), NULL, NULL, &parsed);
        if (error) {
            fail_msg("parse error for \"%s\": %s", ds_cstr(&text), error);
        }
        e = ovn_expr_clone(parsed);
        e = ovn_expr_annotate(e, &error);
        assert_null(error);
        e = ovn_expr_simplify(e);
        e = ovn_expr_normalize(e, 100000, &error);
        if (error) {
            fail_msg("normalize error for \"%s\": %s", ds_cstr(&text),
                     error);
        }
        assert_true(ovn_expr_is_normalized(e));

        struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
        uint32_t n_conj;
        error = ovn_expr_to_matches(e, lookup_port, NULL, 1, 100000,
                                    &matches, &n_conj);
        if (error) {
            fail_msg("to_matches error for \"%s\": %s", ds_cstr(&text),
                     error);
        }
        assert_true(n_conj < 60);

        size_t n_flows = ovs_list_size(&matches);
        struct tflow *flows = xcalloc(n_flows + 1, sizeof *flows);
        struct ovn_expr_match *m;
        size_t i = 0;
        LIST_FOR_EACH (m, list_node, &matches) {
            match_to_tflow(m, &flows[i++]);
        }

        int total_bits = 0;
        for (size_t k = 0; k < N_TFIELDS; k++) {
            total_bits += tfields[k].n_bits;
        }
        for (unsigned int combo = 0; combo < (4u << total_bits); combo++) {
            struct tpacket p;
            unsigned int bits = combo;
            for (size_t k = 0; k < N_TFIELDS; k++) {
                p.v[k] = bits & ((1u << tfields[k].n_bits) - 1);
                bits >>= tfields[k].n_bits;
            }
            p.port = bits;

            struct flow flow;
            packet_to_flow(&p, &flow);
            bool want = eval_tree(t, &p);
            bool got = flows_accept(flows, n_flows, &flow);
            bool got_parsed = ovn_expr_evaluate(parsed, &flow, lookup_port,
                                                NULL);
            bool got_norm = ovn_expr_evaluate(e, &flow, lookup_port, NULL);
            if (want != got || want != got_parsed || want != got_norm) {
                char *ns = ovn_expr_to_string(e);
                fail_msg("\"%s\" on %u/%u/%u/%u port=%u: expected %d, "
                         "flows %d, parsed %d, normalized %d (%s)",
                         ds_cstr(&text), p.v[0], p.v[1], p.v[2], p.v[3],
                         p.port, want, got, got_parsed, got_norm, ns);
            }
        }

        free(flows);
        ovn_expr_matches_destroy(&matches);
        ovn_expr_destroy(e);
        ovn_expr_destroy(parsed);
        ds_destroy(&text);
        tnode_free(t);
    }
}

/* Parameters of one property case. */
struct prop_case {
    const char *name;           /* Case name. */
    unsigned int seed;          /* Random seed. */
    int n;                      /* Number of expressions. */
    int depth;                  /* Maximum depth. */
    bool hdr;                   /* Use 'hdr_fields' (else 'reg_fields'). */
};

static const struct prop_case prop_cases[] = {
    { "leaves", 1, 400, 0, false },
    { "depth1-a", 2, 300, 1, false },
    { "depth1-b", 3, 300, 1, false },
    { "depth2-a", 4, 250, 2, false },
    { "depth2-b", 5, 250, 2, false },
    { "depth2-c", 6, 250, 2, false },
    { "depth3-a", 7, 150, 3, false },
    { "depth3-b", 8, 150, 3, false },
    { "depth4", 9, 80, 4, false },
    { "depth5", 10, 40, 5, false },
    { "hdr-leaves", 11, 300, 0, true },
    { "hdr-depth1", 12, 250, 1, true },
    { "hdr-depth2", 13, 200, 2, true },
    { "hdr-depth3", 14, 120, 3, true },
    { "hdr-depth4", 15, 60, 4, true },
};

/* Runs one property case. */
static void
test_property(void **state)
{
    const struct prop_case *c = *state;
    tfields = c->hdr ? hdr_fields : reg_fields;
    run_property(c->seed, c->n, c->depth);
}

/* Conjunctions really are produced for sets over independent fields. */
static void
test_conjunction_produced(void **state OVS_UNUSED)
{
    struct ovn_expr *e;
    char *error = ovn_expr_parse("reg0[0..2] == {1, 2, 3} && "
                                 "reg4[0..2] == {4, 5} && "
                                 "inport == {\"p1\", \"p2\", \"p9\"}",
                                 NULL, NULL, &e);
    assert_null(error);
    e = ovn_expr_annotate(e, &error);
    e = ovn_expr_simplify(e);
    e = ovn_expr_normalize(e, 0, &error);
    assert_null(error);

    struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
    uint32_t n_conj;
    error = ovn_expr_to_matches(e, lookup_port, NULL, 7, 0, &matches,
                                &n_conj);
    assert_null(error);
    assert_int_equal(n_conj, 1);
    /* 3 + 2 + 2 dimension flows ("p9" is unknown) and one conj_id flow. */
    assert_int_equal(ovs_list_size(&matches), 8);
    ovn_expr_matches_destroy(&matches);
    ovn_expr_destroy(e);
}

int
main(void)
{
    size_t n = ARRAY_SIZE(prop_cases);
    struct CMUnitTest *tests = xcalloc(n + 1, sizeof *tests);

    for (size_t i = 0; i < n; i++) {
        tests[i].name = prop_cases[i].name;
        tests[i].test_func = test_property;
        tests[i].initial_state = CONST_CAST(struct prop_case *,
                                            &prop_cases[i]);
    }
    tests[n].name = "conjunction_produced";
    tests[n].test_func = test_conjunction_produced;

    int rc = _cmocka_run_group_tests("expr-property", tests, n + 1, NULL,
                                     NULL);
    free(tests);
    return rc;
}
