/*
 * Unit tests for logical-flow actions (lib/ovn-actions*.c).
 *
 * Each row of 'ok_cases' is one cmocka case: the actions are parsed and
 * printed back (canonical text), then encoded with a fixed environment and
 * the OpenFlow actions, as ofpacts_format() prints them, must equal the
 * expected string exactly, as must the prerequisites and the group/meter
 * specs requested.  Each case also checks that the canonical text is a
 * fixed point and encodes identically, and that the ofpacts survive a round
 * trip through OpenFlow 1.5 wire format.  Each row of 'err_cases' must fail
 * with exactly the expected message and leave the output buffer untouched.
 * Hand-written tests at the end decode controller userdata
 * (lib/ovn-pinctrl-ops.h) and exercise the environment callbacks.
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
#include "lib/ovn-actions-ids.h"
#include "lib/ovn-pinctrl-ops.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/meta-flow.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-errors.h"
#include "openvswitch/ofp-group.h"
#include "openvswitch/ofp-meter.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "util.h"

/* Case flags. */
#define EGRESS 1                /* Flow is in the egress pipeline. */
#define ROUTER 2                /* Datapath is a logical router. */

/* A case that must succeed. */
struct ok_case {
    unsigned int flags;         /* EGRESS, ROUTER. */
    int stage;                  /* Logical stage of the flow. */
    const char *input;          /* Actions text. */
    const char *canon;          /* Canonical text, NULL if same as input. */
    const char *ofpacts;        /* Expected ofpacts_format() output. */
    const char *prereqs;        /* Expected prerequisites, or NULL. */
    const char *groups;         /* Expected group/meter specs, or NULL. */
};

/* A case that must fail. */
struct err_case {
    unsigned int flags;         /* EGRESS, ROUTER. */
    int stage;                  /* Logical stage of the flow. */
    const char *input;          /* Actions text. */
    const char *error;          /* Expected error message. */
};

#include "tests/unit/test-actions-ok.h"
#include "tests/unit/test-actions-err.h"

/* Environment. ----------------------------------------------------------- */

/* Port name -> key for the tests. */
static bool
lookup_port(const void *aux OVS_UNUSED, const char *name, uint32_t *key)
{
    static const struct {
        const char *name;
        uint32_t key;
    } ports[] = {
        { "lp1", 1 }, { "lp2", 2 }, { "_MC_flood", 32768 }, { "sw0-vir", 7 },
    };
    for (size_t i = 0; i < ARRAY_SIZE(ports); i++) {
        if (!strcmp(name, ports[i].name)) {
            *key = ports[i].key;
            return true;
        }
    }
    return false;
}

/* Records a group spec in the struct ds 'aux'; returns group 1.  The spec
 * must be one that ovs-ofctl's group parser accepts. */
static uint32_t
group_id(void *aux, const char *spec)
{
    struct ds *log = aux;
    struct ofputil_group_mod gm;
    enum ofputil_protocol usable;
    char *s = xasprintf("group_id=1,%s", spec);
    char *error = parse_ofp_group_mod_str(&gm, OFPGC15_ADD, s, NULL, NULL,
                                          &usable);
    if (error) {
        fail_msg("bad group spec \"%s\": %s", spec, error);
    }
    ofputil_uninit_group_mod(&gm);
    free(s);
    ds_put_format(log, "%s%s", log->length ? "\n" : "", spec);
    return 1;
}

/* Records a meter spec in the struct ds 'aux'; returns meter 2.  The spec
 * must be one that ovs-ofctl's meter parser accepts, unless it names a
 * meter ("name:..."). */
static uint32_t
meter_id(void *aux, const char *spec)
{
    struct ds *log = aux;
    if (strncmp(spec, "name:", 5)) {
        struct ofputil_meter_mod mm;
        enum ofputil_protocol usable;
        char *s = xasprintf("meter=2 %s", spec);
        char *error = parse_ofp_meter_mod_str(&mm, s, OFPMC13_ADD, &usable);
        if (error) {
            fail_msg("bad meter spec \"%s\": %s", spec, error);
        }
        free(mm.meter.bands);
        free(s);
    }
    ds_put_format(log, "%smeter %s", log->length ? "\n" : "", spec);
    return 2;
}

/* Returns 0: allocation always fails. */
static uint32_t
no_id(void *aux OVS_UNUSED, const char *spec OVS_UNUSED)
{
    return 0;
}

/* Initializes the test environment for a flow. */
static void
init_env(struct ovn_action_env *env, unsigned int flags, int stage,
         struct ds *log)
{
    memset(env, 0, sizeof *env);
    env->lookup_port = lookup_port;
    env->is_switch = !(flags & ROUTER);
    env->ingress = !(flags & EGRESS);
    env->stage = stage;
    env->dp_key = 5;
    env->lflow_cookie = 0xabcd;
    env->ctrl_meter_id = NX_CTLR_NO_METER;
    env->group_id = group_id;
    env->meter_id = meter_id;
    env->id_aux = log;
}

/* Formats 'size' bytes of ofpacts. */
static char *
format_ofpacts(const void *ofpacts, size_t size)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    struct ofpact_format_params fp = { .s = &s };
    ofpacts_format(ofpacts, size, &fp);
    return ds_steal_cstr(&s);
}

/* Encodes 'actions' in 'env'; returns the formatted ofpacts (or NULL and
 * the error in '*errorp'). */
static char *
encode(const char *actions, const struct ovn_action_env *env,
       char **prereqsp, char **errorp)
{
    struct ofpbuf ofpacts;
    ofpbuf_init(&ofpacts, 0);
    *errorp = ovn_actions_parse_encode(actions, env, &ofpacts, prereqsp);
    char *s = *errorp ? NULL : format_ofpacts(ofpacts.data, ofpacts.size);
    ofpbuf_uninit(&ofpacts);
    return s;
}

/* Asserts that 'a' and 'b' are both NULL or equal strings. */
static void
assert_nstring_equal(const char *a, const char *b)
{
    if (!a || !b) {
        if (a != b) {
            fail_msg("\"%s\" != \"%s\"", a ? a : "(null)", b ? b : "(null)");
        }
    } else {
        assert_string_equal(a, b);
    }
}

/* Asserts that 'ofpacts' convert to OpenFlow 1.5, back, and again to the
 * same bytes. */
static void
assert_wire_round_trip(const struct ofpbuf *ofpacts)
{
    struct ofpbuf wire, back, again;

    if (!ofpacts->size) {
        return;
    }
    ofpbuf_init(&wire, 0);
    ofpbuf_init(&back, 0);
    ofpbuf_init(&again, 0);
    size_t len = ofpacts_put_openflow_actions(ofpacts->data, ofpacts->size,
                                              &wire, OFP15_VERSION);
    struct ofpbuf msg;
    ofpbuf_use_const(&msg, wire.data, wire.size);
    enum ofperr err = ofpacts_pull_openflow_actions(&msg, len,
                                                    OFP15_VERSION, NULL,
                                                    NULL, &back);
    assert_int_equal(err, 0);
    ofpacts_put_openflow_actions(back.data, back.size, &again,
                                 OFP15_VERSION);
    assert_int_equal(again.size, wire.size);
    assert_memory_equal(again.data, wire.data, wire.size);
    ofpbuf_uninit(&wire);
    ofpbuf_uninit(&back);
    ofpbuf_uninit(&again);
}

/* Table-driven cases. ---------------------------------------------------- */

/* Runs one ok_case. */
static void
run_ok(void **state)
{
    const struct ok_case *c = *state;
    const char *canon = c->canon ? c->canon : c->input;
    struct ds s = DS_EMPTY_INITIALIZER;
    struct ds log = DS_EMPTY_INITIALIZER;
    struct ovn_action_env env;
    char *error, *prereqs;

    /* Canonical text, and it is a fixed point. */
    error = ovn_actions_normalize(c->input, &s);
    assert_nstring_equal(error, NULL);
    assert_string_equal(ds_cstr(&s), canon);
    ds_clear(&s);
    error = ovn_actions_normalize(canon, &s);
    assert_nstring_equal(error, NULL);
    assert_string_equal(ds_cstr(&s), canon);

    /* Encoding. */
    init_env(&env, c->flags, c->stage, &log);
    char *ofpacts = encode(c->input, &env, &prereqs, &error);
    assert_nstring_equal(error, NULL);
    assert_string_equal(ofpacts, c->ofpacts);
    assert_nstring_equal(prereqs, c->prereqs);
    assert_nstring_equal(log.length ? ds_cstr(&log) : NULL, c->groups);
    free(prereqs);

    /* The canonical text encodes the same way. */
    ds_clear(&log);
    char *again = encode(canon, &env, &prereqs, &error);
    assert_nstring_equal(error, NULL);
    assert_string_equal(again, ofpacts);
    assert_nstring_equal(prereqs, c->prereqs);
    free(prereqs);
    free(again);

    /* The ofpacts are valid OpenFlow. */
    struct ofpbuf buf;
    ofpbuf_init(&buf, 0);
    error = ovn_actions_parse_encode(c->input, &env, &buf, NULL);
    assert_nstring_equal(error, NULL);
    assert_wire_round_trip(&buf);
    ofpbuf_uninit(&buf);

    free(ofpacts);
    ds_destroy(&s);
    ds_destroy(&log);
}

/* Runs one err_case. */
static void
run_err(void **state)
{
    const struct err_case *c = *state;
    struct ds log = DS_EMPTY_INITIALIZER;
    struct ovn_action_env env;
    struct ofpbuf ofpacts;
    char *prereqs = (char *) "garbage";

    init_env(&env, c->flags, c->stage, &log);
    ofpbuf_init(&ofpacts, 0);
    ofpact_put_CT_CLEAR(&ofpacts);
    char *error = ovn_actions_parse_encode(c->input, &env, &ofpacts,
                                           &prereqs);
    assert_nstring_equal(error, c->error);
    assert_null(prereqs);

    /* The output buffer is as it was. */
    char *s = format_ofpacts(ofpacts.data, ofpacts.size);
    assert_string_equal(s, "ct_clear");
    free(s);
    free(error);
    ofpbuf_uninit(&ofpacts);
    ds_destroy(&log);
}

/* Hand-written tests. ---------------------------------------------------- */

/* Encodes 'actions' with the default test environment into 'ofpacts'. */
static void
must_encode(const char *actions, struct ofpbuf *ofpacts,
            const struct ovn_action_env *env_)
{
    struct ds log = DS_EMPTY_INITIALIZER;
    struct ovn_action_env env;
    if (env_) {
        env = *env_;
    } else {
        init_env(&env, 0, 10, &log);
    }
    char *error = ovn_actions_parse_encode(actions, &env, ofpacts, NULL);
    assert_nstring_equal(error, NULL);
    ds_destroy(&log);
}

/* Returns the single controller action in 'ofpacts'. */
static const struct ofpact_controller *
only_controller(const struct ofpbuf *ofpacts)
{
    const struct ofpact *a = ofpacts->data;
    assert_int_equal(a->type, OFPACT_CONTROLLER);
    assert_int_equal(ofpact_next(a), ofpact_end(ofpacts->data,
                                                ofpacts->size));
    return ofpact_get_CONTROLLER(a);
}

/* Returns the number of top-level actions in 'size' bytes of 'ofpacts'. */
static size_t
count_ofpacts(const struct ofpact *ofpacts, size_t size)
{
    const struct ofpact *a;
    size_t n = 0;
    OFPACT_FOR_EACH (a, ofpacts, size) {
        n++;
    }
    return n;
}

/* Nested actions inside controller userdata decode to exactly what the
 * same actions encode to at top level. */
static void
test_nested_userdata(void **state OVS_UNUSED)
{
    static const struct {
        const char *outer;
        enum ovn_pinctrl_opcode opcode;
    } kinds[] = {
        { "arp", OVN_PINCTRL_OP_ARP },
        { "nd_ns", OVN_PINCTRL_OP_ND_NS },
        { "nd_na", OVN_PINCTRL_OP_ND_NA },
        { "nd_na_router", OVN_PINCTRL_OP_ND_NA_ROUTER },
        { "icmp4", OVN_PINCTRL_OP_ICMP4 },
        { "icmp4_error", OVN_PINCTRL_OP_ICMP4_ERROR },
        { "icmp6", OVN_PINCTRL_OP_ICMP6 },
        { "icmp6_error", OVN_PINCTRL_OP_ICMP6_ERROR },
        { "tcp_reset", OVN_PINCTRL_OP_TCP_RESET },
        { "sctp_abort", OVN_PINCTRL_OP_SCTP_ABORT },
        { "reject", OVN_PINCTRL_OP_REJECT },
    };
    static const char *inner[] = {
        "output;",
        "eth.dst <-> eth.src; outport = \"lp1\"; flags.loopback = 1; "
        "next(pipeline=ingress, table=3);",
        "reg0 = 10; reg1[0..7] = reg2[8..15]; next;",
        "ct_lb_mark; clone { output; };",
    };

    for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
        for (size_t j = 0; j < ARRAY_SIZE(inner); j++) {
            char *outer = xasprintf("%s { %s };", kinds[i].outer, inner[j]);
            struct ofpbuf a, b, back;
            ofpbuf_init(&a, 0);
            ofpbuf_init(&b, 0);
            ofpbuf_init(&back, 0);
            must_encode(outer, &a, NULL);
            must_encode(inner[j], &b, NULL);

            const struct ofpact_controller *oc = only_controller(&a);
            assert_false(oc->pause);
            assert_int_equal(oc->reason, OFPR_ACTION);
            assert_int_equal(oc->max_len, UINT16_MAX);
            assert_true(oc->userdata_len >= sizeof(struct ovn_pinctrl_hdr));
            const struct ovn_pinctrl_hdr *hdr = (const void *) oc->userdata;
            assert_int_equal(hdr->version, OVN_PINCTRL_VERSION);
            assert_int_equal(ntohl(hdr->opcode), kinds[i].opcode);

            /* The payload is the OpenFlow 1.5 encoding of the inner
             * actions, and it decodes. */
            struct ofpbuf payload;
            size_t len = oc->userdata_len - sizeof *hdr;
            ofpacts_put_openflow_actions(b.data, b.size, &back,
                                         OFP15_VERSION);
            assert_int_equal(len, back.size);
            assert_memory_equal(oc->userdata + sizeof *hdr, back.data, len);
            ofpbuf_clear(&back);
            ofpbuf_use_const(&payload, oc->userdata + sizeof *hdr, len);
            enum ofperr err = ofpacts_pull_openflow_actions(
                &payload, len, OFP15_VERSION, NULL, NULL, &back);
            assert_int_equal(err, 0);
            assert_int_equal(count_ofpacts(back.data, back.size),
                             count_ofpacts(b.data, b.size));
            free(outer);
            ofpbuf_uninit(&a);
            ofpbuf_uninit(&b);
            ofpbuf_uninit(&back);
        }
    }
}

/* put_dhcp_opts userdata: result subfield, then offerip first, then the
 * other options in order. */
static void
test_dhcp_userdata(void **state OVS_UNUSED)
{
    struct ofpbuf a;
    ofpbuf_init(&a, 0);
    must_encode("reg0[3] = put_dhcp_opts(router = 10.0.0.1, "
                "offerip = 10.0.0.2, mtu = 1400, "
                "domain_name = \"ovn.org\");", &a, NULL);
    const struct ofpact_controller *oc = only_controller(&a);
    assert_true(oc->pause);

    const uint8_t *p = oc->userdata;
    const struct ovn_pinctrl_hdr *hdr = (const void *) p;
    assert_int_equal(ntohl(hdr->opcode), OVN_PINCTRL_OP_PUT_DHCP_OPTS);
    struct ovn_pinctrl_result r;
    memcpy(&r, p + sizeof *hdr, sizeof r);
    assert_int_equal(ntohl(r.field), MFF_REG0);
    assert_int_equal(ntohs(r.ofs), 3);
    assert_int_equal(ntohs(r.n_bits), 1);

    static const uint8_t opts[] = {
        0, 4, 10, 0, 0, 2,          /* offerip */
        3, 4, 10, 0, 0, 1,          /* router */
        26, 2, 0x05, 0x78,          /* mtu 1400 */
        15, 7, 'o', 'v', 'n', '.', 'o', 'r', 'g',
    };
    size_t ofs = sizeof *hdr + sizeof r;
    assert_int_equal(oc->userdata_len - ofs, sizeof opts);
    assert_memory_equal(p + ofs, opts, sizeof opts);
    ofpbuf_uninit(&a);
}

/* A caller-supplied DHCP option table replaces the built-in one. */
static void
test_custom_dhcp_table(void **state OVS_UNUSED)
{
    static const struct ovn_dhcp_opt_def offerip = { "offerip", 0, "ipv4" };
    static const struct ovn_dhcp_opt_def foo = { "foo", 224, "uint16" };
    struct shash table;
    struct ds log = DS_EMPTY_INITIALIZER;
    struct ovn_action_env env;
    struct ofpbuf a;

    shash_init(&table);
    shash_add(&table, "offerip", &offerip);
    shash_add(&table, "foo", &foo);
    init_env(&env, 0, 10, &log);
    env.dhcp_opts = &table;

    ofpbuf_init(&a, 0);
    must_encode("reg0[0] = put_dhcp_opts(offerip = 1.2.3.4, foo = 258);",
                &a, &env);
    const struct ofpact_controller *oc = only_controller(&a);
    static const uint8_t opts[] = { 0, 4, 1, 2, 3, 4, 224, 2, 1, 2 };
    size_t ofs = sizeof(struct ovn_pinctrl_hdr)
                 + sizeof(struct ovn_pinctrl_result);
    assert_int_equal(oc->userdata_len - ofs, sizeof opts);
    assert_memory_equal(oc->userdata + ofs, opts, sizeof opts);

    char *error = ovn_actions_parse_encode(
        "reg0[0] = put_dhcp_opts(offerip = 1.2.3.4, router = 1.1.1.1);",
        &env, &a, NULL);
    assert_string_equal(error, "col 60: put_dhcp_opts: unknown DHCP option "
                        "router");
    free(error);
    ofpbuf_uninit(&a);
    shash_destroy(&table);
    ds_destroy(&log);
}

/* The built-in DHCP option lists. */
static void
test_default_dhcp_tables(void **state OVS_UNUSED)
{
    const struct shash *v4 = ovn_dhcp_opts_default();
    const struct shash *v6 = ovn_dhcpv6_opts_default();
    const struct ovn_dhcp_opt_def *d;

    assert_int_equal(shash_count(v4), 38);
    assert_int_equal(shash_count(v6), 7);
    d = shash_find_data(v4, "classless_static_route");
    assert_non_null(d);
    assert_int_equal(d->code, 121);
    assert_string_equal(d->type, "static_routes");
    d = shash_find_data(v4, "offerip");
    assert_int_equal(d->code, 0);
    d = shash_find_data(v6, "server_id");
    assert_int_equal(d->code, 2);
    assert_string_equal(d->type, "mac");
    assert_ptr_equal(v4, ovn_dhcp_opts_default());
}

/* Actions needing groups or meters fail cleanly without the callbacks, or
 * when allocation fails. */
static void
test_missing_callbacks(void **state OVS_UNUSED)
{
    static const struct {
        const char *actions;
        const char *error;
    } cases[] = {
        { "ct_lb_mark(backends=10.0.0.1);",
          "ct_lb_mark with backends needs OpenFlow groups, which the caller "
          "does not provide" },
        { "ct_lb(backends=10.0.0.1);",
          "ct_lb with backends needs OpenFlow groups, which the caller does "
          "not provide" },
        { "reg0[0..1] = select(1, 2);",
          "select needs OpenFlow groups, which the caller does not provide" },
        { "fwd_group(childports = \"lp1\");",
          "fwd_group needs OpenFlow groups, which the caller does not "
          "provide" },
        { "set_meter(10);",
          "set_meter needs OpenFlow meters, which the caller does not "
          "provide" },
        { "log(meter = \"m\");",
          "log with a meter needs OpenFlow meters, which the caller does "
          "not provide" },
    };
    static const char *alloc_errors[] = {
        "could not allocate an OpenFlow group",
        "could not allocate an OpenFlow group",
        "could not allocate an OpenFlow group",
        "could not allocate an OpenFlow group",
        "could not allocate an OpenFlow meter",
        "unknown meter \"m\"",
    };
    struct ds log = DS_EMPTY_INITIALIZER;
    struct ovn_action_env env;
    struct ofpbuf a;

    ofpbuf_init(&a, 0);
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        init_env(&env, 0, 10, &log);
        env.group_id = NULL;
        env.meter_id = NULL;
        char *error = ovn_actions_parse_encode(cases[i].actions, &env, &a,
                                               NULL);
        assert_nstring_equal(error, cases[i].error);
        free(error);

        env.group_id = no_id;
        env.meter_id = no_id;
        error = ovn_actions_parse_encode(cases[i].actions, &env, &a, NULL);
        assert_nstring_equal(error, alloc_errors[i]);
        free(error);
        assert_int_equal(a.size, 0);
    }
    ofpbuf_uninit(&a);
    ds_destroy(&log);
}

/* Controller actions carry the controller meter; log(meter=) overrides. */
static void
test_controller_meter(void **state OVS_UNUSED)
{
    struct ds log = DS_EMPTY_INITIALIZER;
    struct ovn_action_env env;
    struct ofpbuf a;

    init_env(&env, 0, 10, &log);
    env.ctrl_meter_id = 7;
    ofpbuf_init(&a, 0);
    must_encode("igmp; log(meter = \"m1\"); reg0[0] = dns_lookup();", &a,
                &env);
    char *s = format_ofpacts(a.data, a.size);
    assert_string_equal(s, "controller(userdata=01.00.00.00.00.00.00.37,"
                        "meter_id=7),controller(userdata=01.00.00.00.00.00."
                        "00.32.00.06.00.00,meter_id=2),controller(userdata="
                        "01.00.00.00.00.00.00.20.00.00.00.65.00.00.00.01,"
                        "pause,meter_id=7)");
    assert_string_equal(ds_cstr(&log), "meter name:m1");
    free(s);

    /* 'meter_aux', when set, goes to the meter callback instead. */
    struct ds mlog = DS_EMPTY_INITIALIZER;
    env.meter_aux = &mlog;
    ds_clear(&log);
    ofpbuf_clear(&a);
    must_encode("set_meter(5); reg0[0..1] = select(1, 2);", &a, &env);
    assert_string_equal(ds_cstr(&mlog), "meter kbps stats bands=type=drop "
                        "rate=5");
    assert_non_null(strstr(ds_cstr(&log), "type=select"));
    assert_null(strstr(ds_cstr(&log), "meter"));
    ds_destroy(&mlog);
    ofpbuf_uninit(&a);
    ds_destroy(&log);
}

/* Without a port lookup function every port is unknown (key 0). */
static void
test_no_lookup_port(void **state OVS_UNUSED)
{
    struct ds log = DS_EMPTY_INITIALIZER;
    struct ovn_action_env env;
    struct ofpbuf a;

    init_env(&env, 0, 10, &log);
    env.lookup_port = NULL;
    ofpbuf_init(&a, 0);
    must_encode("outport = \"lp1\"; bind_vport(\"sw0-vir\", inport); "
                "fwd_group(childports = \"lp1\"); output;", &a, &env);
    char *s = format_ofpacts(a.data, a.size);
    assert_string_equal(s, "set_field:0->reg15,resubmit(,37)");
    free(s);
    ofpbuf_uninit(&a);
    ds_destroy(&log);
}

/* Liveness: lp1's tunnel is OpenFlow port 9, lp2 has none. */
static uint32_t
liveness_port(const void *aux OVS_UNUSED, const char *name)
{
    return !strcmp(name, "lp1") ? 9 : 0;
}

/* fwd_group(liveness=true) watches the ports 'port_liveness' names;
 * liveness=false or no callback watches nothing. */
static void
test_fwd_group_liveness(void **state OVS_UNUSED)
{
    struct ds log = DS_EMPTY_INITIALIZER;
    struct ovn_action_env env;
    struct ofpbuf a;

    init_env(&env, 0, 10, &log);
    env.port_liveness = liveness_port;
    ofpbuf_init(&a, 0);
    must_encode("fwd_group(liveness = true, childports = \"lp1\", "
                "\"lp2\");", &a, &env);
    assert_string_equal(ds_cstr(&log), "type=select,selection_method=dp_hash,"
                        "bucket=bucket_id=0,weight:100,watch_port=9,actions="
                        "load:0x1->NXM_NX_REG15[],resubmit(,37),bucket="
                        "bucket_id=1,weight:100,actions=load:0x2->NXM_NX_REG15"
                        "[],resubmit(,37)");
    ds_clear(&log);
    must_encode("fwd_group(liveness = false, childports = \"lp1\");", &a,
                &env);
    assert_null(strstr(ds_cstr(&log), "watch_port"));
    ds_clear(&log);
    env.port_liveness = NULL;
    must_encode("fwd_group(liveness = true, childports = \"lp1\");", &a,
                &env);
    assert_null(strstr(ds_cstr(&log), "watch_port"));
    ofpbuf_uninit(&a);
    ds_destroy(&log);
}

/* ovn_pinctrl_op_decode() and ovn_pinctrl_op_nested() on what the encoder
 * produces, and on malformed userdata. */
static void
test_pinctrl_decode(void **state OVS_UNUSED)
{
    struct ovn_pinctrl_op op;
    struct ofpbuf a, nested;
    char *error;

    /* Nested actions. */
    ofpbuf_init(&a, 0);
    ofpbuf_init(&nested, 0);
    must_encode("icmp4 { icmp4.type = 0; outport = \"lp2\"; output; };", &a,
                NULL);
    const struct ofpact_controller *oc = only_controller(&a);
    error = ovn_pinctrl_op_decode(oc->userdata, oc->userdata_len, &op);
    assert_null(error);
    assert_int_equal(op.opcode, OVN_PINCTRL_OP_ICMP4);
    assert_false(op.has_result);
    assert_string_equal(ovn_pinctrl_opcode_name(op.opcode), "icmp4");
    error = ovn_pinctrl_op_nested(&op, &nested);
    assert_null(error);
    char *s = format_ofpacts(nested.data, nested.size);
    assert_string_equal(s, "set_field:0->icmp_type,set_field:0x2->reg15,"
                        "resubmit(,37)");
    free(s);

    /* Result opcodes. */
    ofpbuf_clear(&a);
    must_encode("reg9[5] = dns_lookup();", &a, NULL);
    oc = only_controller(&a);
    error = ovn_pinctrl_op_decode(oc->userdata, oc->userdata_len, &op);
    assert_null(error);
    assert_int_equal(op.opcode, OVN_PINCTRL_OP_DNS_LOOKUP);
    assert_true(op.has_result);
    assert_int_equal(op.result_field, MFF_REG9);
    assert_int_equal(op.result_ofs, 5);
    assert_int_equal(op.result_n_bits, 1);
    assert_int_equal(op.opts_len, 0);
    error = ovn_pinctrl_op_nested(&op, &nested);
    assert_string_equal(error, "dns_lookup has no nested actions");
    free(error);

    /* Malformed userdata. */
    static const uint8_t short_ud[] = { 1, 0, 0 };
    static const uint8_t bad_version[] = { 2, 0, 0, 0, 0, 0, 0, 1 };
    static const uint8_t bad_opcode[] = { 1, 0, 0, 0, 0, 0, 0, 99 };
    static const uint8_t no_result[] = { 1, 0, 0, 0, 0, 0, 0, 30, 0, 0 };
    static const uint8_t bad_nested[] = { 1, 0, 0, 0, 0, 0, 0, 1,
                                          0xff, 0xff, 0, 8, 0, 0, 0, 0 };
    vlog_set_verbosity("ofp_actions:off");  /* Expected warnings. */
    error = ovn_pinctrl_op_decode(short_ud, sizeof short_ud, &op);
    assert_string_equal(error, "controller userdata too short (3 bytes)");
    free(error);
    error = ovn_pinctrl_op_decode(bad_version, sizeof bad_version, &op);
    assert_string_equal(error, "unsupported controller userdata version 2");
    free(error);
    error = ovn_pinctrl_op_decode(bad_opcode, sizeof bad_opcode, &op);
    assert_string_equal(error, "unknown controller opcode 99");
    free(error);
    error = ovn_pinctrl_op_decode(no_result, sizeof no_result, &op);
    assert_string_equal(error, "put_dhcp_opts: missing result field");
    free(error);
    error = ovn_pinctrl_op_decode(bad_nested, sizeof bad_nested, &op);
    assert_null(error);
    ofpbuf_clear(&nested);
    error = ovn_pinctrl_op_nested(&op, &nested);
    assert_non_null(error);
    assert_non_null(strstr(error, "arp: bad nested actions"));
    free(error);

    ofpbuf_uninit(&a);
    ofpbuf_uninit(&nested);
}

/* Encoding appends to existing actions; errors leave them alone. */
static void
test_append_and_restore(void **state OVS_UNUSED)
{
    struct ds log = DS_EMPTY_INITIALIZER;
    struct ovn_action_env env;
    struct ofpbuf a;

    init_env(&env, 0, 28, &log);
    ofpbuf_init(&a, 0);
    must_encode("output;", &a, &env);
    must_encode("reg0 = 1;", &a, &env);
    char *error = ovn_actions_parse_encode("reg1 = 2; next;", &env, &a,
                                           NULL);
    assert_string_equal(error, "no logical table follows ingress stage 28");
    free(error);
    char *s = format_ofpacts(a.data, a.size);
    assert_string_equal(s, "resubmit(,37),set_field:0x1->reg0");
    free(s);
    ofpbuf_uninit(&a);
    ds_destroy(&log);
}

/* The internal form. */
static void
test_parse_api(void **state OVS_UNUSED)
{
    struct ovnact_parse_params pp = { .ingress = true };
    struct ovn_actions acts;
    struct ds prereqs = DS_EMPTY_INITIALIZER;
    struct ds s = DS_EMPTY_INITIALIZER;

    ovn_actions_init(&acts);
    char *error = ovn_actions_parse("tcp.dst = 80; ip4.src = 1.2.3.4; "
                                    "arp { output; }; next(4);", &pp,
                                    &acts, &prereqs);
    assert_null(error);
    assert_int_equal(acts.n, 4);
    assert_int_equal(acts.acts[0].type, OVNACT_LOAD);
    assert_string_equal(acts.acts[0].dst.name, "tcp.dst");
    assert_int_equal(acts.acts[0].dst.sf.field->id, MFF_TCP_DST);
    assert_int_equal(acts.acts[1].type, OVNACT_LOAD);
    assert_int_equal(acts.acts[2].type, OVNACT_ARP);
    assert_int_equal(acts.acts[2].nested->n, 1);
    assert_int_equal(acts.acts[2].nested->acts[0].type, OVNACT_OUTPUT);
    assert_int_equal(acts.acts[3].type, OVNACT_NEXT);
    assert_int_equal(acts.acts[3].table, 4);
    assert_string_equal(ds_cstr(&prereqs), "(ip4) && (tcp)");
    ovn_actions_format(&acts, &s);
    assert_string_equal(ds_cstr(&s), "tcp.dst = 80; ip4.src = 1.2.3.4; "
                        "arp { output; }; next(4);");
    ovn_actions_destroy(&acts);
    assert_int_equal(acts.n, 0);
    ovn_actions_destroy(NULL);

    /* An empty list formats as "drop;". */
    ds_clear(&s);
    ovn_actions_format(&acts, &s);
    assert_string_equal(ds_cstr(&s), "drop;");

    /* Errors leave a partial list that must still be destroyed. */
    error = ovn_actions_parse("output; bogus;", &pp, &acts, NULL);
    assert_string_equal(error, "col 9: syntax error at `bogus': unknown "
                        "action bogus.");
    free(error);
    ovn_actions_destroy(&acts);
    ds_destroy(&s);
    ds_destroy(&prereqs);
}

/* Records removed ids in the struct ds 'aux'. */
static void
record_removed(void *aux, uint32_t id, const char *spec)
{
    ds_put_format(aux, "%"PRIu32"=%s;", id, spec);
}

/* struct ovn_id_table: stable ids, reuse, sweep, range exhaustion, and use
 * as the encoder's group allocator. */
static void
test_id_table(void **state OVS_UNUSED)
{
    struct ovn_id_table t;
    struct ds removed = DS_EMPTY_INITIALIZER;

    ovn_id_table_init(&t, 5, 7);
    assert_int_equal(ovn_id_table_get(&t, "a"), 5);
    assert_int_equal(ovn_id_table_get(&t, "b"), 6);
    assert_int_equal(ovn_id_table_get(&t, "a"), 5);
    assert_int_equal(ovn_id_table_get(&t, "c"), 7);
    assert_int_equal(ovn_id_table_get(&t, "d"), 0);    /* Exhausted. */
    assert_int_equal(ovn_id_table_count(&t), 3);
    assert_true(ovn_id_table_is_new(&t, 6));
    ovn_id_table_sync(&t);
    assert_false(ovn_id_table_is_new(&t, 6));
    assert_string_equal(ovn_id_table_find(&t, 7)->spec, "c");
    assert_null(ovn_id_table_find(&t, 8));

    /* Only "b" is used in the next round; "a" and "c" go away. */
    ovn_id_table_begin(&t);
    assert_int_equal(ovn_id_table_get(&t, "b"), 6);
    ovn_id_table_sweep(&t, record_removed, &removed);
    assert_int_equal(ovn_id_table_count(&t), 1);
    assert_true(!strcmp(ds_cstr(&removed), "5=a;7=c;")
                || !strcmp(ds_cstr(&removed), "7=c;5=a;"));

    /* Freed ids are reused, searching onward from after the last
     * allocated one (7, so wrapping to 5). */
    assert_int_equal(ovn_id_table_get(&t, "e"), 5);
    assert_int_equal(ovn_id_table_get(&t, "f"), 7);
    assert_true(ovn_id_table_is_new(&t, 5));
    assert_false(ovn_id_table_is_new(&t, 6));

    /* As the encoder's group allocator: the same backends share a
     * group. */
    struct ovn_id_table groups;
    struct ds log = DS_EMPTY_INITIALIZER;
    struct ovn_action_env env;
    struct ofpbuf a;

    ovn_id_table_init(&groups, 1, 100);
    init_env(&env, 0, 10, &log);
    env.group_id = ovn_id_table_get;
    env.id_aux = &groups;
    ofpbuf_init(&a, 0);
    must_encode("ct_lb_mark(backends=10.0.0.1:80);", &a, &env);
    must_encode("ct_lb_mark(backends=10.0.0.2:80);", &a, &env);
    must_encode("ct_lb_mark(backends=10.0.0.1:80);", &a, &env);
    char *f = format_ofpacts(a.data, a.size);
    assert_string_equal(f, "group:1,group:2,group:1");
    free(f);
    assert_int_equal(ovn_id_table_count(&groups), 2);
    assert_non_null(strstr(ovn_id_table_find(&groups, 2)->spec,
                           "nat(dst=10.0.0.2:80)"));

    ofpbuf_uninit(&a);
    ds_destroy(&log);
    ds_destroy(&removed);
    ovn_id_table_destroy(&groups);
    ovn_id_table_destroy(&t);
    ovn_id_table_destroy(NULL);
}

int
main(void)
{
    static const struct CMUnitTest extra[] = {
        cmocka_unit_test(test_nested_userdata),
        cmocka_unit_test(test_dhcp_userdata),
        cmocka_unit_test(test_custom_dhcp_table),
        cmocka_unit_test(test_default_dhcp_tables),
        cmocka_unit_test(test_missing_callbacks),
        cmocka_unit_test(test_controller_meter),
        cmocka_unit_test(test_no_lookup_port),
        cmocka_unit_test(test_append_and_restore),
        cmocka_unit_test(test_parse_api),
        cmocka_unit_test(test_id_table),
        cmocka_unit_test(test_fwd_group_liveness),
        cmocka_unit_test(test_pinctrl_decode),
    };
    size_t n_ok = ARRAY_SIZE(ok_cases);
    size_t n_err = ARRAY_SIZE(err_cases);
    size_t n = n_ok + n_err + ARRAY_SIZE(extra);
    struct CMUnitTest *tests = xcalloc(n, sizeof *tests);

    for (size_t i = 0; i < n_ok; i++) {
        tests[i].name = ok_cases[i].input[0] ? ok_cases[i].input : "(empty)";
        tests[i].test_func = run_ok;
        tests[i].initial_state = CONST_CAST(struct ok_case *, &ok_cases[i]);
    }
    for (size_t i = 0; i < n_err; i++) {
        tests[n_ok + i].name = err_cases[i].input;
        tests[n_ok + i].test_func = run_err;
        tests[n_ok + i].initial_state = CONST_CAST(struct err_case *,
                                                   &err_cases[i]);
    }
    memcpy(&tests[n_ok + n_err], extra, sizeof extra);

    int rc = _cmocka_run_group_tests("actions", tests, n, NULL, NULL);
    free(tests);
    return rc;
}
