/* ovn-nbctl: ACL, QoS, meter and port group commands. */

#include <config.h>

#include "utilities/ovn-nbctl.h"

#include <stdlib.h>
#include <string.h>

#include "db-ctl-base.h"
#include "lib/ovn-nb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "util.h"

/* Parses a direction argument.  Returns NULL or an error. */
static char *
parse_direction(const char *arg, const char **direction)
{
    if (!strcmp(arg, "from-lport") || !strcmp(arg, "to-lport")) {
        *direction = arg;
        return NULL;
    }
    return xasprintf("%s: direction must be \"to-lport\" or \"from-lport\"",
                     arg);
}

/* The entity an ACL command operates on: a switch or a port group. */
struct acl_entity {
    const struct nbrec_logical_switch *ls;  /* Switch, or NULL. */
    const struct nbrec_port_group *pg;      /* Port group, or NULL. */
};

/* Resolves argv[1] to a switch or port group according to --type. */
static char *
lookup_acl_entity(struct ctl_context *ctx, struct acl_entity *e)
{
    const char *type = shash_find_data(&ctx->options, "--type");
    const char *id = ctx->argv[1];

    e->ls = NULL;
    e->pg = NULL;
    if (type) {
        if (!strcmp(type, "switch")) {
            return nbctl_ls_lookup(ctx, id, true, &e->ls);
        } else if (!strcmp(type, "port-group")) {
            return nbctl_pg_lookup(ctx, id, true, &e->pg);
        }
        return xasprintf("Invalid value '%s' for option --type", type);
    }

    char *error = nbctl_pg_lookup(ctx, id, false, &e->pg);
    if (error) {
        return error;
    }
    error = nbctl_ls_lookup(ctx, id, false, &e->ls);
    if (error) {
        return error;
    }
    if (e->pg && e->ls) {
        return xasprintf("Same name '%s' exists in both port-groups and "
                         "logical switch. Specify --type=port-group or "
                         "switch", id);
    }
    if (!e->pg && !e->ls) {
        return xasprintf("'%s' is not found for port-group or switch.", id);
    }
    return NULL;
}

/* Returns the ACLs of 'e' in '*acls' and their number. */
static size_t
entity_acls(const struct acl_entity *e, struct nbrec_acl ***acls)
{
    if (e->pg) {
        *acls = e->pg->acls;
        return e->pg->n_acls;
    }
    *acls = e->ls->acls;
    return e->ls->n_acls;
}

/* Valid ACL severities. */
static bool
is_valid_severity(const char *s)
{
    return (!strcmp(s, "alert") || !strcmp(s, "warning")
            || !strcmp(s, "notice") || !strcmp(s, "info")
            || !strcmp(s, "debug"));
}

/* "acl-add ENTITY DIRECTION PRIORITY MATCH VERDICT". */
static void
nbctl_acl_add(struct ctl_context *ctx)
{
    struct acl_entity e;
    const char *direction = NULL;
    int64_t priority;

    if (nbctl_fail(ctx, lookup_acl_entity(ctx, &e))
        || nbctl_fail(ctx, parse_direction(ctx->argv[2], &direction))
        || nbctl_fail(ctx, nbctl_parse_priority(ctx->argv[3], &priority))) {
        return;
    }

    const char *match = ctx->argv[4];
    const char *action = ctx->argv[5];
    if (strcmp(action, "allow") && strcmp(action, "allow-related")
        && strcmp(action, "allow-stateless") && strcmp(action, "drop")
        && strcmp(action, "reject")) {
        ctl_error(ctx, "%s: action must be one of \"allow\", "
                  "\"allow-related\", \"allow-stateless\", \"drop\", "
                  "and \"reject\"", action);
        return;
    }

    const char *severity = shash_find_data(&ctx->options, "--severity");
    if (severity && !is_valid_severity(severity)) {
        ctl_error(ctx, "bad severity: %s", severity);
        return;
    }
    const char *name = shash_find_data(&ctx->options, "--name");
    const char *meter = shash_find_data(&ctx->options, "--meter");
    bool log = (shash_find(&ctx->options, "--log") || name || severity
                || meter);

    int64_t label = 0;
    const char *label_s = shash_find_data(&ctx->options, "--label");
    if (label_s) {
        if (!ovs_scan(label_s, "%"SCNd64, &label)
            || label < 0 || label > UINT32_MAX) {
            ctl_error(ctx, "%s: label must in range 0...4294967295",
                      label_s);
            return;
        }
    }

    struct nbrec_acl **acls;
    size_t n_acls = entity_acls(&e, &acls);
    for (size_t i = 0; i < n_acls; i++) {
        const struct nbrec_acl *acl = acls[i];
        if (!strcmp(acl->direction, direction)
            && acl->priority == priority
            && !strcmp(acl->match, match)) {
            if (!shash_find(&ctx->options, "--may-exist")) {
                /* The reference implementation says "ls" for port groups
                 * too; scripts may match on it. */
                ctl_error(ctx, "Same ACL already existed on the ls %s.",
                          ctx->argv[1]);
            }
            return;
        }
    }

    struct nbrec_acl *acl = nbrec_acl_insert(ctx->txn);
    nbrec_acl_set_direction(acl, direction);
    nbrec_acl_set_priority(acl, priority);
    nbrec_acl_set_match(acl, match);
    nbrec_acl_set_action(acl, action);
    if (log) {
        nbrec_acl_set_log(acl, true);
    }
    if (name) {
        nbrec_acl_set_name(acl, name);
    }
    if (severity) {
        nbrec_acl_set_severity(acl, severity);
    }
    if (meter) {
        nbrec_acl_set_meter(acl, meter);
    }
    if (label) {
        nbrec_acl_set_label(acl, label);
    }
    if (shash_find(&ctx->options, "--apply-after-lb")) {
        const struct smap options = SMAP_CONST1(&options, "apply-after-lb",
                                                "true");
        nbrec_acl_set_options(acl, &options);
    }

    if (e.pg) {
        nbrec_port_group_update_acls_addvalue(e.pg, acl);
    } else {
        nbrec_logical_switch_update_acls_addvalue(e.ls, acl);
    }
}

/* Removes 'acl' from entity 'e'. */
static void
entity_remove_acl(const struct acl_entity *e, const struct nbrec_acl *acl)
{
    if (e->pg) {
        nbrec_port_group_update_acls_delvalue(e->pg, acl);
    } else {
        nbrec_logical_switch_update_acls_delvalue(e->ls, acl);
    }
}

/* "acl-del ENTITY [DIRECTION [PRIORITY MATCH]]". */
static void
nbctl_acl_del(struct ctl_context *ctx)
{
    struct acl_entity e;
    if (nbctl_fail(ctx, lookup_acl_entity(ctx, &e))) {
        return;
    }

    struct nbrec_acl **acls;
    size_t n_acls = entity_acls(&e, &acls);

    if (ctx->argc == 2) {
        for (size_t i = 0; i < n_acls; i++) {
            entity_remove_acl(&e, acls[i]);
        }
        return;
    }

    const char *direction = NULL;
    if (nbctl_fail(ctx, parse_direction(ctx->argv[2], &direction))) {
        return;
    }
    if (ctx->argc == 3) {
        for (size_t i = 0; i < n_acls; i++) {
            if (!strcmp(acls[i]->direction, direction)) {
                entity_remove_acl(&e, acls[i]);
            }
        }
        return;
    }

    int64_t priority;
    if (nbctl_fail(ctx, nbctl_parse_priority(ctx->argv[3], &priority))) {
        return;
    }
    if (ctx->argc == 4) {
        ctl_error(ctx, "cannot specify priority without match");
        return;
    }

    const char *match = ctx->argv[4];
    for (size_t i = 0; i < n_acls; i++) {
        const struct nbrec_acl *acl = acls[i];
        if (!strcmp(acl->direction, direction)
            && acl->priority == priority && !strcmp(acl->match, match)) {
            entity_remove_acl(&e, acl);
            return;
        }
    }
}

/* Orders rules (ACLs, QoS rules) a and b, given by their direction,
 * priority and match: by direction (from-lport first), descending priority,
 * then match. */
static int
compare_rules(const char *dir_a, int64_t prio_a, const char *match_a,
              const char *dir_b, int64_t prio_b, const char *match_b)
{
    int cmp = strcmp(dir_a, dir_b);
    if (cmp) {
        return cmp;
    }
    if (prio_a != prio_b) {
        return prio_a > prio_b ? -1 : 1;
    }
    return strcmp(match_a, match_b);
}

/* qsort() comparator for ACLs, see compare_rules(). */
static int
compare_acls(const void *a_, const void *b_)
{
    const struct nbrec_acl *const *ap = a_;
    const struct nbrec_acl *const *bp = b_;
    const struct nbrec_acl *a = *ap, *b = *bp;
    return compare_rules(a->direction, a->priority, a->match,
                         b->direction, b->priority, b->match);
}

/* "acl-list ENTITY". */
static void
nbctl_acl_list(struct ctl_context *ctx)
{
    struct acl_entity e;
    if (nbctl_fail(ctx, lookup_acl_entity(ctx, &e))) {
        return;
    }

    struct nbrec_acl **entity;
    size_t n = entity_acls(&e, &entity);
    if (!n) {
        return;
    }
    const struct nbrec_acl **acls = xmemdup(entity, n * sizeof *acls);
    qsort(acls, n, sizeof *acls, compare_acls);

    struct ds *s = &ctx->output;
    for (size_t i = 0; i < n; i++) {
        const struct nbrec_acl *acl = acls[i];
        ds_put_format(s, "%10s %5"PRId64" (%s) %s", acl->direction,
                      acl->priority, acl->match, acl->action);
        if (acl->log) {
            ds_put_cstr(s, " log(");
            bool comma = false;
            if (acl->name) {
                ds_put_format(s, "name=%s", acl->name);
                comma = true;
            }
            if (acl->severity) {
                ds_put_format(s, "%sseverity=%s", comma ? "," : "",
                              acl->severity);
                comma = true;
            }
            if (acl->meter) {
                ds_put_format(s, "%smeter=\"%s\"", comma ? "," : "",
                              acl->meter);
            }
            ds_put_char(s, ')');
        }
        if (acl->label) {
            ds_put_format(s, " label=%"PRId64, acl->label);
        }
        if (smap_get_bool(&acl->options, "apply-after-lb", false)) {
            ds_put_cstr(s, " [after-lb]");
        }
        ds_put_char(s, '\n');
    }
    free(acls);
}

/* ------------------------------------------------------------------------ */
/* QoS. */

/* Parses "KEY=NUMBER" with 'key', returning true and storing the number in
 * '*value' if 'arg' has that key. */
static bool
parse_qos_arg(const char *arg, const char *key, const char **value)
{
    size_t len = strlen(key);
    if (!strncmp(arg, key, len) && arg[len] == '=') {
        *value = arg + len + 1;
        return true;
    }
    return false;
}

/* "[--may-exist] qos-add SWITCH DIRECTION PRIORITY MATCH [rate=RATE
 * [burst=BURST]] [dscp=DSCP]". */
static void
nbctl_qos_add(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch *ls;
    const char *direction = NULL;
    int64_t priority;
    int64_t dscp = -1, rate = 0, burst = 0;

    if (nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[1], true, &ls))
        || nbctl_fail(ctx, parse_direction(ctx->argv[2], &direction))
        || nbctl_fail(ctx, nbctl_parse_priority(ctx->argv[3], &priority))) {
        return;
    }
    const char *match = ctx->argv[4];

    for (int i = 5; i < ctx->argc; i++) {
        const char *arg = ctx->argv[i];
        const char *v;
        if (parse_qos_arg(arg, "dscp", &v)) {
            if (!ovs_scan(v, "%"SCNd64, &dscp) || dscp < 0 || dscp > 63) {
                ctl_error(ctx, "%s: dscp must be in the range 0...63", v);
                return;
            }
        } else if (parse_qos_arg(arg, "rate", &v)) {
            if (!ovs_scan(v, "%"SCNd64, &rate) || rate < 1
                || rate > UINT32_MAX) {
                ctl_error(ctx, "%s: rate must be in the range "
                          "1...4294967295", v);
                return;
            }
        } else if (parse_qos_arg(arg, "burst", &v)) {
            if (!ovs_scan(v, "%"SCNd64, &burst) || burst < 1
                || burst > UINT32_MAX) {
                ctl_error(ctx, "%s: burst must be in the range "
                          "1...4294967295", v);
                return;
            }
        } else {
            ctl_error(ctx, "%s: supported arguments are \"dscp=\", "
                      "\"rate=\", and \"burst=\"", arg);
            return;
        }
    }

    if (dscp == -1 && !rate) {
        ctl_error(ctx, "Either \"rate\" and/or \"dscp\" must be specified");
        return;
    }

    for (size_t i = 0; i < ls->n_qos_rules; i++) {
        const struct nbrec_qos *q = ls->qos_rules[i];
        if (!strcmp(q->direction, direction) && q->priority == priority
            && !strcmp(q->match, match)) {
            if (!shash_find(&ctx->options, "--may-exist")) {
                ctl_error(ctx, "Same qos already existed on the ls %s.",
                          ctx->argv[1]);
            }
            return;
        }
    }

    struct nbrec_qos *qos = nbrec_qos_insert(ctx->txn);
    nbrec_qos_set_direction(qos, direction);
    nbrec_qos_set_priority(qos, priority);
    nbrec_qos_set_match(qos, match);
    if (dscp != -1) {
        const char *key = "dscp";
        nbrec_qos_set_action(qos, &key, &dscp, 1);
    }
    if (rate) {
        const char *keys[2] = { "rate", "burst" };
        int64_t values[2] = { rate, burst };
        nbrec_qos_set_bandwidth(qos, keys, values, burst ? 2 : 1);
    }
    nbrec_logical_switch_update_qos_rules_addvalue(ls, qos);
}

/* "qos-del SWITCH [{DIRECTION | UUID} [PRIORITY MATCH]]". */
static void
nbctl_qos_del(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch *ls;
    if (nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[1], true, &ls))) {
        return;
    }

    if (ctx->argc == 2) {
        for (size_t i = 0; i < ls->n_qos_rules; i++) {
            nbrec_logical_switch_update_qos_rules_delvalue(
                ls, ls->qos_rules[i]);
        }
        return;
    }

    struct uuid uuid;
    if (uuid_from_string(&uuid, ctx->argv[2])) {
        for (size_t i = 0; i < ls->n_qos_rules; i++) {
            if (uuid_equals(&uuid, &ls->qos_rules[i]->header_.uuid)) {
                nbrec_logical_switch_update_qos_rules_delvalue(
                    ls, ls->qos_rules[i]);
                return;
            }
        }
        ctl_error(ctx, "uuid is not found");
        return;
    }

    const char *direction = NULL;
    if (nbctl_fail(ctx, parse_direction(ctx->argv[2], &direction))) {
        return;
    }
    if (ctx->argc == 3) {
        for (size_t i = 0; i < ls->n_qos_rules; i++) {
            if (!strcmp(ls->qos_rules[i]->direction, direction)) {
                nbrec_logical_switch_update_qos_rules_delvalue(
                    ls, ls->qos_rules[i]);
            }
        }
        return;
    }

    int64_t priority;
    if (nbctl_fail(ctx, nbctl_parse_priority(ctx->argv[3], &priority))) {
        return;
    }
    if (ctx->argc == 4) {
        ctl_error(ctx, "cannot specify priority without match");
        return;
    }
    for (size_t i = 0; i < ls->n_qos_rules; i++) {
        const struct nbrec_qos *q = ls->qos_rules[i];
        if (!strcmp(q->direction, direction) && q->priority == priority
            && !strcmp(q->match, ctx->argv[4])) {
            nbrec_logical_switch_update_qos_rules_delvalue(ls, q);
            return;
        }
    }
}

/* qsort() comparator for QoS rules, see compare_rules(). */
static int
compare_qos(const void *a_, const void *b_)
{
    const struct nbrec_qos *const *ap = a_;
    const struct nbrec_qos *const *bp = b_;
    const struct nbrec_qos *a = *ap, *b = *bp;
    return compare_rules(a->direction, a->priority, a->match,
                         b->direction, b->priority, b->match);
}

/* "qos-list SWITCH". */
static void
nbctl_qos_list(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch *ls;
    if (nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[1], true, &ls))) {
        return;
    }

    size_t n = ls->n_qos_rules;
    if (!n) {
        return;
    }
    const struct nbrec_qos **rules = xmemdup(ls->qos_rules,
                                             n * sizeof *rules);
    qsort(rules, n, sizeof *rules, compare_qos);

    struct ds *s = &ctx->output;
    for (size_t i = 0; i < n; i++) {
        const struct nbrec_qos *q = rules[i];
        ds_put_format(s, "%10s %5"PRId64" (%s)", q->direction, q->priority,
                      q->match);
        for (size_t j = 0; j < q->n_bandwidth; j++) {
            if (!strcmp(q->key_bandwidth[j], "rate")) {
                ds_put_format(s, " rate=%"PRId64, q->value_bandwidth[j]);
            }
        }
        for (size_t j = 0; j < q->n_bandwidth; j++) {
            if (!strcmp(q->key_bandwidth[j], "burst")) {
                ds_put_format(s, " burst=%"PRId64, q->value_bandwidth[j]);
            }
        }
        for (size_t j = 0; j < q->n_action; j++) {
            if (!strcmp(q->key_action[j], "dscp")) {
                ds_put_format(s, " dscp=%"PRId64, q->value_action[j]);
            }
        }
        ds_put_char(s, '\n');
    }
    free(rules);
}

/* ------------------------------------------------------------------------ */
/* Meters. */

/* "[--fair] meter-add NAME ACTION RATE UNIT [BURST]". */
static void
nbctl_meter_add(struct ctl_context *ctx)
{
    const char *name = ctx->argv[1];
    const struct nbrec_meter *m, *existing = NULL;

    NBREC_METER_FOR_EACH (m, ctx->idl) {
        if (!strcmp(m->name, name)) {
            if (!shash_find(&ctx->options, "--may-exist")) {
                ctl_error(ctx, "meter with name \"%s\" already exists",
                          name);
                return;
            }
            existing = m;
            break;
        }
    }
    if (!strncmp(name, "__", 2)) {
        ctl_error(ctx, "meter names that begin with \"__\" are reserved");
        return;
    }

    const char *action = ctx->argv[2];
    if (strcmp(action, "drop")) {
        ctl_error(ctx, "action must be \"drop\"");
        return;
    }

    int64_t rate;
    if (!ovs_scan(ctx->argv[3], "%"SCNd64, &rate)
        || rate < 1 || rate > UINT32_MAX) {
        ctl_error(ctx, "rate must be in the range 1...4294967295");
        return;
    }

    const char *unit = ctx->argv[4];
    if (strcmp(unit, "kbps") && strcmp(unit, "pktps")) {
        ctl_error(ctx, "unit must be \"kbps\" or \"pktps\"");
        return;
    }

    int64_t burst = 0;
    if (ctx->argc > 5) {
        if (!ovs_scan(ctx->argv[5], "%"SCNd64, &burst)
            || burst < 0 || burst > UINT32_MAX) {
            ctl_error(ctx, "burst must be in the range 0...4294967295");
            return;
        }
    }

    struct nbrec_meter_band *band = nbrec_meter_band_insert(ctx->txn);
    nbrec_meter_band_set_action(band, action);
    nbrec_meter_band_set_rate(band, rate);
    nbrec_meter_band_set_burst_size(band, burst);

    const struct nbrec_meter *meter = existing;
    if (!meter) {
        struct nbrec_meter *new = nbrec_meter_insert(ctx->txn);
        nbrec_meter_set_name(new, name);
        meter = new;
    }
    nbrec_meter_set_unit(meter, unit);
    nbrec_meter_set_bands(meter, &band, 1);
    if (shash_find(&ctx->options, "--fair")) {
        bool fair = true;
        nbrec_meter_set_fair(meter, &fair, 1);
    }
}

/* "meter-del [NAME]". */
static void
nbctl_meter_del(struct ctl_context *ctx)
{
    const struct nbrec_meter *m;
    NBREC_METER_FOR_EACH_SAFE (m, ctx->idl) {
        if (ctx->argc == 1 || !strcmp(m->name, ctx->argv[1])) {
            nbrec_meter_delete(m);
        }
    }
}

/* Orders meters by name. */
static int
compare_meters(const void *a_, const void *b_)
{
    const struct nbrec_meter *const *a = a_;
    const struct nbrec_meter *const *b = b_;
    return strcmp((*a)->name, (*b)->name);
}

/* "meter-list". */
static void
nbctl_meter_list(struct ctl_context *ctx)
{
    const struct nbrec_meter **meters = NULL;
    const struct nbrec_meter *m;
    size_t n = 0, allocated = 0;

    NBREC_METER_FOR_EACH (m, ctx->idl) {
        if (n >= allocated) {
            meters = x2nrealloc(meters, &allocated, sizeof *meters);
        }
        meters[n++] = m;
    }
    if (n) {
        qsort(meters, n, sizeof *meters, compare_meters);
    }

    struct ds *s = &ctx->output;
    for (size_t i = 0; i < n; i++) {
        m = meters[i];
        ds_put_format(s, "%s:", m->name);
        if (m->n_fair && m->fair[0]) {
            ds_put_cstr(s, " (fair)");
        }
        ds_put_cstr(s, " bands:\n");
        for (size_t j = 0; j < m->n_bands; j++) {
            const struct nbrec_meter_band *b = m->bands[j];
            ds_put_format(s, "  %s: %"PRId64" %s", b->action, b->rate,
                          m->unit);
            if (b->burst_size) {
                ds_put_format(s, ", %"PRId64" %s burst", b->burst_size,
                              !strcmp(m->unit, "kbps") ? "kb" : "packet");
            }
            ds_put_char(s, '\n');
        }
    }
    free(meters);
}

/* ------------------------------------------------------------------------ */
/* Port groups. */

/* Resolves argv[first...] to logical switch ports in '*ports'. */
static char *
lookup_ports(struct ctl_context *ctx, int first,
             const struct nbrec_logical_switch_port ***ports, size_t *n)
{
    *n = 0;
    *ports = xmalloc((ctx->argc + 1) * sizeof **ports);
    for (int i = first; i < ctx->argc; i++) {
        const struct nbrec_logical_switch_port *lsp;
        char *error = nbctl_lsp_lookup(ctx, ctx->argv[i], true, &lsp);
        if (error) {
            free(*ports);
            *ports = NULL;
            return error;
        }
        (*ports)[(*n)++] = lsp;
    }
    return NULL;
}

/* "pg-add GROUP [PORTS]...". */
static void
nbctl_pg_add(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch_port **ports;
    size_t n;
    if (nbctl_fail(ctx, lookup_ports(ctx, 2, &ports, &n))) {
        return;
    }

    struct nbrec_port_group *pg = nbrec_port_group_insert(ctx->txn);
    nbrec_port_group_set_name(pg, ctx->argv[1]);
    nbrec_port_group_set_ports(pg,
                               (struct nbrec_logical_switch_port **) ports,
                               n);
    free(ports);
}

/* "pg-set-ports GROUP PORTS...". */
static void
nbctl_pg_set_ports(struct ctl_context *ctx)
{
    const struct nbrec_port_group *pg;
    if (nbctl_fail(ctx, nbctl_pg_lookup(ctx, ctx->argv[1], true, &pg))) {
        return;
    }

    const struct nbrec_logical_switch_port **ports;
    size_t n;
    if (nbctl_fail(ctx, lookup_ports(ctx, 2, &ports, &n))) {
        return;
    }
    nbrec_port_group_set_ports(pg,
                               (struct nbrec_logical_switch_port **) ports,
                               n);
    free(ports);
}

/* "pg-del GROUP". */
static void
nbctl_pg_del(struct ctl_context *ctx)
{
    const struct nbrec_port_group *pg;
    if (nbctl_fail(ctx, nbctl_pg_lookup(ctx, ctx->argv[1], true, &pg))) {
        return;
    }
    nbrec_port_group_delete(pg);
}

static const struct ctl_command_syntax acl_commands[] = {
    { "acl-add", 5, 5, "{SWITCH | PORTGROUP} DIRECTION PRIORITY MATCH ACTION",
      NULL, nbctl_acl_add, NULL,
      "--log,--may-exist,--type=,--name=,--severity=,--meter=,--label=,"
      "--apply-after-lb", RW },
    { "acl-del", 1, 4, "{SWITCH | PORTGROUP} [DIRECTION [PRIORITY MATCH]]",
      NULL, nbctl_acl_del, NULL, "--type=", RW },
    { "acl-list", 1, 1, "{SWITCH | PORTGROUP}", NULL, nbctl_acl_list, NULL,
      "--type=", RO },

    { "qos-add", 5, 7,
      "SWITCH DIRECTION PRIORITY MATCH [rate=RATE [burst=BURST]] "
      "[dscp=DSCP]", NULL, nbctl_qos_add, NULL, "--may-exist", RW },
    { "qos-del", 1, 4, "SWITCH [{DIRECTION | UUID} [PRIORITY MATCH]]", NULL,
      nbctl_qos_del, NULL, "", RW },
    { "qos-list", 1, 1, "SWITCH", NULL, nbctl_qos_list, NULL, "", RO },

    { "meter-add", 4, 5, "NAME ACTION RATE UNIT [BURST]", NULL,
      nbctl_meter_add, NULL, "--fair,--may-exist", RW },
    { "meter-del", 0, 1, "[NAME]", NULL, nbctl_meter_del, NULL, "", RW },
    { "meter-list", 0, 0, "", NULL, nbctl_meter_list, NULL, "", RO },

    { "pg-add", 1, INT_MAX, "PORTGROUP [PORTS]", NULL, nbctl_pg_add, NULL,
      "", RW },
    { "pg-set-ports", 2, INT_MAX, "PORTGROUP PORTS", NULL,
      nbctl_pg_set_ports, NULL, "", RW },
    { "pg-del", 1, 1, "PORTGROUP", NULL, nbctl_pg_del, NULL, "", RW },
    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

void
nbctl_acl_register(void)
{
    ctl_register_commands(acl_commands);
}
