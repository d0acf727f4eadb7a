/* ovn-nbctl: load balancer commands (lb-*, ls-lb-*, lr-lb-*). */

#include <config.h>

#include "utilities/ovn-nbctl.h"

#include <stdlib.h>
#include <string.h>

#include "db-ctl-base.h"
#include "lib/ovn-ctl-util.h"
#include "lib/ovn-nb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "smap.h"
#include "util.h"

/* "[--may-exist | --add-duplicate | --reject | --event] lb-add LB VIP IPS
 * [PROTOCOL]". */
static void
nbctl_lb_add(struct ctl_context *ctx)
{
    const char *lb_name = ctx->argv[1];
    const char *vip_arg = ctx->argv[2];
    const char *ips_arg = ctx->argv[3];
    bool may_exist = shash_find(&ctx->options, "--may-exist") != NULL;
    bool add_duplicate = shash_find(&ctx->options, "--add-duplicate") != NULL;
    bool reject = shash_find(&ctx->options, "--reject") != NULL;
    bool event = shash_find(&ctx->options, "--event") != NULL;

    if (reject && event) {
        ctl_error(ctx, "--reject and --event can't specified at the same "
                  "time");
        return;
    }

    const char *protocol = ctx->argc >= 5 ? ctx->argv[4] : NULL;
    if (protocol && strcmp(protocol, "tcp") && strcmp(protocol, "udp")
        && strcmp(protocol, "sctp")) {
        ctl_error(ctx, "%s: protocol must be one of \"tcp\", \"udp\",  or "
                  "\"sctp\".", protocol);
        return;
    }

    struct ds vip_s = DS_EMPTY_INITIALIZER;
    struct ds ips_s = DS_EMPTY_INITIALIZER;
    char *copy = NULL;
    const struct nbrec_load_balancer *lb = NULL;
    bool template = shash_find(&ctx->options, "--template") != NULL;
    if (template) {
        /* Template VIPs and backends are stored unparsed: ovn-controller
         * instantiates them. */
        if (protocol && !strchr(vip_arg, ':')) {
            ctl_error(ctx, "Protocol is unnecessary when no port of vip is "
                      "given.");
            goto out;
        }
        ds_put_cstr(&vip_s, vip_arg);
        ds_put_cstr(&ips_s, ips_arg);
        goto have_vip;
    }

    struct ovn_ctl_endpoint vip;
    if (!ovn_ctl_parse_endpoint(vip_arg, &vip)) {
        ctl_error(ctx, "%s: should be an IP address (or an IP address and a "
                  "port number with : as a separator).", vip_arg);
        goto out;
    }
    if (protocol && vip.port < 0) {
        ctl_error(ctx, "Protocol is unnecessary when no port of vip is "
                  "given.");
        goto out;
    }

    ovn_ctl_format_endpoint(&vip, &vip_s);

    copy = xstrdup(ips_arg);
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        struct ovn_ctl_endpoint ep;
        if (vip.port >= 0) {
            if (!ovn_ctl_parse_endpoint(tok, &ep) || ep.port < 0) {
                ctl_error(ctx, "%s: should be an IP address and a port "
                          "number with : as a separator.", tok);
                goto out;
            }
        } else if (!ovn_ctl_parse_endpoint(tok, &ep) || ep.port >= 0) {
            ctl_error(ctx, "%s: should be an IP address.", tok);
            goto out;
        }
        if (ep.is_v6 != vip.is_v6) {
            ctl_error(ctx, "%s: IP address family is different from VIP "
                      "%s.", tok, ds_cstr(&vip_s));
            goto out;
        }
        if (ips_s.length) {
            ds_put_char(&ips_s, ',');
        }
        ovn_ctl_format_endpoint(&ep, &ips_s);
    }

have_vip:
    if (!add_duplicate) {
        if (nbctl_fail(ctx, nbctl_lb_lookup(ctx, lb_name, false, &lb))) {
            goto out;
        }
    }

    if (lb) {
        if (smap_get(&lb->vips, ds_cstr(&vip_s))) {
            if (!may_exist) {
                ctl_error(ctx, "%s: a load balancer with this vip (%s) "
                          "already exists", lb_name, ds_cstr(&vip_s));
                goto out;
            }
        }
        nbrec_load_balancer_update_vips_setkey(lb, ds_cstr(&vip_s),
                                               ds_cstr(&ips_s));
        if (protocol) {
            nbrec_load_balancer_set_protocol(lb, protocol);
        }
        goto out;
    }

    struct nbrec_load_balancer *new = nbrec_load_balancer_insert(ctx->txn);
    nbrec_load_balancer_set_name(new, lb_name);
    nbrec_load_balancer_set_protocol(new, protocol ? protocol : "tcp");
    const struct smap vips = SMAP_CONST1(&vips, ds_cstr(&vip_s),
                                         ds_cstr(&ips_s));
    nbrec_load_balancer_set_vips(new, &vips);
    struct smap options = SMAP_INITIALIZER(&options);
    if (reject) {
        smap_add(&options, "reject", "true");
    }
    if (event) {
        smap_add(&options, "event", "true");
    }
    if (shash_find(&ctx->options, "--add-route")) {
        smap_add(&options, "add_route", "true");
    }
    if (template) {
        smap_add(&options, "template", "true");
        smap_add(&options, "address-family",
                 ctx->argc == 6 && strcmp(ctx->argv[5], "ipv4")
                 ? "ipv6" : "ipv4");
    }
    nbrec_load_balancer_set_options(new, &options);
    smap_destroy(&options);

out:
    free(copy);
    ds_destroy(&vip_s);
    ds_destroy(&ips_s);
}

/* Removes 'lb' from every switch, router and group that refers to it. */
static void
lb_unreference(struct ctl_context *ctx, const struct nbrec_load_balancer *lb)
{
    const struct nbrec_logical_switch *ls;
    NBREC_LOGICAL_SWITCH_FOR_EACH (ls, ctx->idl) {
        for (size_t i = 0; i < ls->n_load_balancer; i++) {
            if (ls->load_balancer[i] == lb) {
                nbrec_logical_switch_update_load_balancer_delvalue(ls, lb);
                break;
            }
        }
    }
    const struct nbrec_logical_router *lr;
    NBREC_LOGICAL_ROUTER_FOR_EACH (lr, ctx->idl) {
        for (size_t i = 0; i < lr->n_load_balancer; i++) {
            if (lr->load_balancer[i] == lb) {
                nbrec_logical_router_update_load_balancer_delvalue(lr, lb);
                break;
            }
        }
    }
    const struct nbrec_load_balancer_group *lbg;
    NBREC_LOAD_BALANCER_GROUP_FOR_EACH (lbg, ctx->idl) {
        for (size_t i = 0; i < lbg->n_load_balancer; i++) {
            if (lbg->load_balancer[i] == lb) {
                nbrec_load_balancer_group_update_load_balancer_delvalue(lbg,
                                                                        lb);
                break;
            }
        }
    }
}

/* "[--if-exists] lb-del LB [VIP]". */
static void
nbctl_lb_del(struct ctl_context *ctx)
{
    const struct nbrec_load_balancer *lb;
    if (nbctl_fail(ctx, nbctl_lb_lookup(ctx, ctx->argv[1], false, &lb))
        || !lb) {
        return;
    }

    if (ctx->argc == 3) {
        const char *vip = ctx->argv[2];
        if (!smap_get(&lb->vips, vip)) {
            if (!shash_find(&ctx->options, "--if-exists")) {
                ctl_error(ctx, "vip %s is not part of the load balancer.",
                          vip);
            }
            return;
        }
        nbrec_load_balancer_update_vips_delkey(lb, vip);
        if (smap_count(&lb->vips) == 1) {
            lb_unreference(ctx, lb);
            nbrec_load_balancer_delete(lb);
        }
        return;
    }

    lb_unreference(ctx, lb);
    nbrec_load_balancer_delete(lb);
}

/* Orders load balancers by name, then UUID. */
static int
compare_lbs(const void *a_, const void *b_)
{
    const struct nbrec_load_balancer *const *ap = a_;
    const struct nbrec_load_balancer *const *bp = b_;
    const struct nbrec_load_balancer *a = *ap, *b = *bp;
    int cmp = strcmp(a->name, b->name);
    return cmp ? cmp : uuid_compare_3way(&a->header_.uuid, &b->header_.uuid);
}

/* Returns true if VIP key 'vip' includes an L4 port. */
static bool
vip_has_port(const char *vip)
{
    struct ovn_ctl_endpoint ep;
    if (ovn_ctl_parse_endpoint(vip, &ep)) {
        return ep.port >= 0;
    }
    return strchr(vip, ':') != NULL;    /* A template VIP. */
}

/* Prints the load balancers in 'lbs' as a table. */
static void
print_lbs(struct ds *s, const struct nbrec_load_balancer **lbs, size_t n)
{
    if (!n) {
        return;
    }
    qsort(lbs, n, sizeof *lbs, compare_lbs);

    int vip_width = 0;
    for (size_t i = 0; i < n; i++) {
        const struct smap_node *node;
        SMAP_FOR_EACH (node, &lbs[i]->vips) {
            vip_width = MAX(vip_width, (int) strlen(node->key));
        }
    }
    vip_width += 4;

    ds_put_format(s, "%-40s%-20s%-11s%-*s%s\n", "UUID", "LB", "PROTO",
                  vip_width, "VIP", "IPs");
    for (size_t i = 0; i < n; i++) {
        const struct nbrec_load_balancer *lb = lbs[i];
        const struct smap_node **nodes = smap_sort(&lb->vips);
        for (size_t j = 0; j < smap_count(&lb->vips); j++) {
            const char *proto = (lb->protocol && vip_has_port(nodes[j]->key)
                                 ? lb->protocol : "");
            if (!j) {
                char uuid[UUID_LEN + 1];
                snprintf(uuid, sizeof uuid, UUID_FMT,
                         UUID_ARGS(&lb->header_.uuid));
                ds_put_format(s, "%-40s%-20s", uuid, lb->name);
            } else {
                ds_put_format(s, "%-60s", "");
            }
            ds_put_format(s, "%-11s%-*s%s\n", proto, vip_width,
                          nodes[j]->key, nodes[j]->value);
        }
        free(nodes);
    }
}

/* "lb-list [LB]". */
static void
nbctl_lb_list(struct ctl_context *ctx)
{
    const struct nbrec_load_balancer **lbs = NULL;
    size_t n = 0, allocated = 0;
    const struct nbrec_load_balancer *lb;

    struct uuid uuid;
    bool by_uuid = ctx->argc == 2 && uuid_from_string(&uuid, ctx->argv[1]);
    NBREC_LOAD_BALANCER_FOR_EACH (lb, ctx->idl) {
        if (ctx->argc == 2
            && (by_uuid ? !uuid_equals(&uuid, &lb->header_.uuid)
                        : strcmp(lb->name, ctx->argv[1]))) {
            continue;
        }
        if (n >= allocated) {
            lbs = x2nrealloc(lbs, &allocated, sizeof *lbs);
        }
        lbs[n++] = lb;
    }
    print_lbs(&ctx->output, lbs, n);
    free(lbs);
}

/* "[--may-exist] ls-lb-add SWITCH LB". */
static void
nbctl_ls_lb_add(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch *ls;
    const struct nbrec_load_balancer *lb;
    if (nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[1], true, &ls))
        || nbctl_fail(ctx, nbctl_lb_lookup(ctx, ctx->argv[2], true, &lb))) {
        return;
    }

    for (size_t i = 0; i < ls->n_load_balancer; i++) {
        if (ls->load_balancer[i] == lb) {
            if (!shash_find(&ctx->options, "--may-exist")) {
                ctl_error(ctx, UUID_FMT " : a load balancer with this UUID "
                          "already exists", UUID_ARGS(&lb->header_.uuid));
            }
            return;
        }
    }
    nbrec_logical_switch_update_load_balancer_addvalue(ls, lb);
}

/* "[--if-exists] ls-lb-del SWITCH [LB]". */
static void
nbctl_ls_lb_del(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch *ls;
    if (nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[1], true, &ls))) {
        return;
    }

    if (ctx->argc == 2) {
        nbrec_logical_switch_set_load_balancer(ls, NULL, 0);
        return;
    }

    const struct nbrec_load_balancer *lb;
    if (nbctl_fail(ctx, nbctl_lb_lookup(ctx, ctx->argv[2], true, &lb))) {
        return;
    }
    for (size_t i = 0; i < ls->n_load_balancer; i++) {
        if (ls->load_balancer[i] == lb) {
            nbrec_logical_switch_update_load_balancer_delvalue(ls, lb);
            return;
        }
    }
    if (!shash_find(&ctx->options, "--if-exists")) {
        ctl_error(ctx, "load balancer %s is not part of any logical switch.",
                  ctx->argv[2]);
    }
}

/* "ls-lb-list SWITCH". */
static void
nbctl_ls_lb_list(struct ctl_context *ctx)
{
    const struct nbrec_logical_switch *ls;
    if (nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[1], true, &ls))
        || !ls->n_load_balancer) {
        return;
    }
    const struct nbrec_load_balancer **lbs
        = xmemdup(ls->load_balancer, ls->n_load_balancer * sizeof *lbs);
    print_lbs(&ctx->output, lbs, ls->n_load_balancer);
    free(lbs);
}

/* "[--may-exist] lr-lb-add ROUTER LB". */
static void
nbctl_lr_lb_add(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    const struct nbrec_load_balancer *lb;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))
        || nbctl_fail(ctx, nbctl_lb_lookup(ctx, ctx->argv[2], true, &lb))) {
        return;
    }

    for (size_t i = 0; i < lr->n_load_balancer; i++) {
        if (lr->load_balancer[i] == lb) {
            if (!shash_find(&ctx->options, "--may-exist")) {
                ctl_error(ctx, UUID_FMT " : a load balancer with this UUID "
                          "already exists", UUID_ARGS(&lb->header_.uuid));
            }
            return;
        }
    }
    nbrec_logical_router_update_load_balancer_addvalue(lr, lb);
}

/* "[--if-exists] lr-lb-del ROUTER [LB]". */
static void
nbctl_lr_lb_del(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }

    if (ctx->argc == 2) {
        nbrec_logical_router_set_load_balancer(lr, NULL, 0);
        return;
    }

    const struct nbrec_load_balancer *lb;
    if (nbctl_fail(ctx, nbctl_lb_lookup(ctx, ctx->argv[2], true, &lb))) {
        return;
    }
    for (size_t i = 0; i < lr->n_load_balancer; i++) {
        if (lr->load_balancer[i] == lb) {
            nbrec_logical_router_update_load_balancer_delvalue(lr, lb);
            return;
        }
    }
    if (!shash_find(&ctx->options, "--if-exists")) {
        ctl_error(ctx, "load balancer %s is not part of any logical router.",
                  ctx->argv[2]);
    }
}

/* "lr-lb-list ROUTER". */
static void
nbctl_lr_lb_list(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))
        || !lr->n_load_balancer) {
        return;
    }
    const struct nbrec_load_balancer **lbs
        = xmemdup(lr->load_balancer, lr->n_load_balancer * sizeof *lbs);
    print_lbs(&ctx->output, lbs, lr->n_load_balancer);
    free(lbs);
}

static const struct ctl_command_syntax lb_commands[] = {
    { "lb-add", 3, 5,
      "LB VIP[:PORT] IP[:PORT]... [PROTOCOL] [ADDRESS_FAMILY]", NULL,
      nbctl_lb_add, NULL,
      "--may-exist,--add-duplicate,--reject,--event,--add-route,--template",
      RW },
    { "lb-del", 1, 2, "LB [VIP]", NULL, nbctl_lb_del, NULL, "--if-exists",
      RW },
    { "lb-list", 0, 1, "[LB]", NULL, nbctl_lb_list, NULL, "", RO },
    { "ls-lb-add", 2, 2, "SWITCH LB", NULL, nbctl_ls_lb_add, NULL,
      "--may-exist", RW },
    { "ls-lb-del", 1, 2, "SWITCH [LB]", NULL, nbctl_ls_lb_del, NULL,
      "--if-exists", RW },
    { "ls-lb-list", 1, 1, "SWITCH", NULL, nbctl_ls_lb_list, NULL, "", RO },
    { "lr-lb-add", 2, 2, "ROUTER LB", NULL, nbctl_lr_lb_add, NULL,
      "--may-exist", RW },
    { "lr-lb-del", 1, 2, "ROUTER [LB]", NULL, nbctl_lr_lb_del, NULL,
      "--if-exists", RW },
    { "lr-lb-list", 1, 1, "ROUTER", NULL, nbctl_lr_lb_list, NULL, "", RO },
    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

void
nbctl_lb_register(void)
{
    ctl_register_commands(lb_commands);
}
