/*
 * Compiling one southbound logical flow into OpenFlow flows (see
 * ovn-lflow-compile.h).
 */
#include <config.h>
#include "lib/ovn-lflow-compile.h"

#include <string.h>

#include "lib/ovn-actions.h"
#include "lib/ovn-expr.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofpbuf.h"
#include "byte-order.h"
#include "util.h"

/* Frees 'f' (which may be NULL). */
void
ovn_oflow_destroy(struct ovn_oflow *f)
{
    if (f) {
        ofpbuf_uninit(&f->ofpacts);
        free(f);
    }
}

/* Frees every struct ovn_oflow in 'flows' and empties the list. */
void
ovn_oflow_list_destroy(struct ovs_list *flows)
{
    struct ovn_oflow *f;

    if (!flows) {
        return;
    }
    LIST_FOR_EACH_POP (f, list_node, flows) {
        ovn_oflow_destroy(f);
    }
}

/* Appends 'f' to 's' in ovs-ofctl's flow syntax. */
void
ovn_oflow_format(const struct ovn_oflow *f, struct ds *s)
{
    ds_put_format(s, "table=%"PRIu8", priority=%"PRIu16, f->table_id,
                  f->priority);
    struct ds m = DS_EMPTY_INITIALIZER;
    match_format(&f->match, NULL, &m, OFP_DEFAULT_PRIORITY);
    while (m.length && (m.string[m.length - 1] == ','
                        || m.string[m.length - 1] == ' ')) {
        m.string[--m.length] = '\0';
    }
    if (m.length) {
        ds_put_format(s, ",%s", ds_cstr(&m));
    }
    ds_destroy(&m);
    ds_put_cstr(s, " actions=");
    if (f->ofpacts.size) {
        struct ofpact_format_params fp = { .s = s };
        ofpacts_format(f->ofpacts.data, f->ofpacts.size, &fp);
    } else {
        ds_put_cstr(s, "drop");
    }
}

/* Parses, annotates, simplifies, evaluates conditions in and normalizes
 * 'match_s'; on success stores the normal form in '*exprp'. */
static char *
compile_match(const struct ovn_lflow_env *env, const char *match_s,
              uint32_t dp_key, size_t max, struct ovn_expr **exprp)
{
    struct ovn_expr *e;
    char *error;

    *exprp = NULL;
    error = ovn_expr_parse_dp(match_s, env->addr_sets, env->port_groups,
                              dp_key, &e);
    if (error) {
        return error;
    }
    e = ovn_expr_annotate(e, &error);
    if (error) {
        return error;
    }
    e = ovn_expr_simplify(e);
    e = ovn_expr_evaluate_conditions(e, env->is_chassis_resident, env->aux);
    e = ovn_expr_normalize(e, max, &error);
    if (error) {
        return error;
    }
    *exprp = e;
    return NULL;
}

/* Compiles one logical flow; see ovn-lflow-compile.h. */
char *
ovn_lflow_compile(const struct ovn_lflow_env *env, bool ingress,
                  uint8_t stage, uint16_t priority, const char *match_s,
                  const char *actions, uint32_t dp_key, struct ovs_list *out,
                  uint32_t *n_conj_ids_used, uint32_t conj_id_base)
{
    size_t max = env->max_flows ? env->max_flows : OVN_LFLOW_MAX_FLOWS;
    struct ovn_expr *e = NULL;
    char *prereqs = NULL;
    char *error;

    if (n_conj_ids_used) {
        *n_conj_ids_used = 0;
    }
    if (!match_s) {
        return xstrdup("logical flow has no match");
    }
    if (stage >= (ingress ? OVN_N_INGRESS_STAGES : OVN_N_EGRESS_STAGES)) {
        return xasprintf("%s stage %"PRIu8" out of range",
                         ingress ? "ingress" : "egress", stage);
    }
    uint8_t table_id = (ingress ? OVN_TABLE_INGRESS_BASE
                        : OVN_TABLE_EGRESS_BASE) + stage;

    /* INTEGRATION POINT: actions.  The encoder (lib/ovn-actions.h) also
     * returns prerequisites implied by the actions (assigning ip4.src
     * implies ip4), which are ANDed into the match. */
    struct ofpbuf ofpacts;
    ofpbuf_init(&ofpacts, 64);
    struct ovn_action_env aenv;
    if (env->action_env) {
        aenv = *env->action_env;
    } else {
        memset(&aenv, 0, sizeof aenv);
        aenv.ctrl_meter_id = NX_CTLR_NO_METER;
    }
    aenv.lookup_port = env->lookup_port;
    aenv.aux = env->aux;
    aenv.is_switch = env->is_switch;
    aenv.ingress = ingress;
    aenv.stage = stage;
    aenv.dp_key = dp_key;
    error = ovn_actions_parse_encode(actions ? actions : "", &aenv,
                                     &ofpacts, &prereqs);
    if (error) {
        ofpbuf_uninit(&ofpacts);
        return error;
    }

    /* Match, with the actions' prerequisites. */
    if (prereqs) {
        char *full = xasprintf("(%s) && (%s)", match_s, prereqs);
        error = compile_match(env, full, dp_key, max, &e);
        free(full);
        free(prereqs);
    } else {
        error = compile_match(env, match_s, dp_key, max, &e);
    }
    if (error) {
        ofpbuf_uninit(&ofpacts);
        return error;
    }

    struct ovs_list matches = OVS_LIST_INITIALIZER(&matches);
    uint32_t n_conj = 0;
    error = ovn_expr_to_matches(e, env->lookup_port, env->aux, conj_id_base,
                                max, &matches, &n_conj);
    ovn_expr_destroy(e);
    if (error) {
        ofpbuf_uninit(&ofpacts);
        return error;
    }

    struct ovn_expr_match *m;
    LIST_FOR_EACH_POP (m, list_node, &matches) {
        struct ovn_oflow *f = xzalloc(sizeof *f);
        f->table_id = table_id;
        f->priority = priority;
        f->match = m->match;
        match_set_metadata(&f->match, htonll(dp_key));
        if (m->n_conjs) {
            ofpbuf_init(&f->ofpacts, 16 * m->n_conjs);
            for (size_t i = 0; i < m->n_conjs; i++) {
                struct ofpact_conjunction *c
                    = ofpact_put_CONJUNCTION(&f->ofpacts);
                c->id = m->conjs[i].id;
                c->clause = m->conjs[i].clause - 1;
                c->n_clauses = m->conjs[i].n_clauses;
            }
        } else {
            ofpbuf_init(&f->ofpacts, ofpacts.size);
            ofpbuf_put(&f->ofpacts, ofpacts.data, ofpacts.size);
        }
        ovs_list_push_back(out, &f->list_node);
        free(m->conjs);
        free(m);
    }
    ofpbuf_uninit(&ofpacts);
    if (n_conj_ids_used) {
        *n_conj_ids_used = n_conj;
    }
    return NULL;
}

/* Validates 'match_s' against the symbol table; see the header. */
char *
ovn_lflow_check_match(const char *match_s)
{
    struct ovn_expr *e;
    char *error = ovn_expr_parse(match_s, NULL, NULL, &e);
    if (error) {
        return error;
    }
    e = ovn_expr_annotate(e, &error);
    ovn_expr_destroy(e);
    return error;
}
