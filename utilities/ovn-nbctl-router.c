/* ovn-nbctl: logical router and logical router port commands. */

#include <config.h>

#include "utilities/ovn-nbctl.h"

#include <stdlib.h>
#include <string.h>

#include "db-ctl-base.h"
#include "lib/ovn-nb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "smap.h"
#include "util.h"

/* "[--may-exist | --add-duplicate] lr-add [ROUTER]". */
static void
nbctl_lr_add(struct ctl_context *ctx)
{
    const char *name = ctx->argc == 2 ? ctx->argv[1] : NULL;

    if (nbctl_check_add_named(ctx, &nbrec_table_logical_router,
                              &nbrec_logical_router_col_name, "router",
                              name)) {
        struct nbrec_logical_router *lr
            = nbrec_logical_router_insert(ctx->txn);
        if (name) {
            nbrec_logical_router_set_name(lr, name);
        }
    }
}

/* "[--if-exists] lr-del ROUTER". */
static void
nbctl_lr_del(struct ctl_context *ctx)
{
    bool must_exist = !shash_find(&ctx->options, "--if-exists");
    const struct nbrec_logical_router *lr;

    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], must_exist, &lr))
        || !lr) {
        return;
    }
    nbrec_logical_router_delete(lr);
}

/* "lr-list". */
static void
nbctl_lr_list(struct ctl_context *ctx)
{
    nbctl_list_named(ctx, &nbrec_table_logical_router,
                     &nbrec_logical_router_col_name);
}

/* Returns the router port named 'name' (by name only), or NULL. */
static const struct nbrec_logical_router_port *
lrp_by_name(struct ctl_context *ctx, const char *name)
{
    const struct nbrec_logical_router_port *lrp;
    NBREC_LOGICAL_ROUTER_PORT_FOR_EACH (lrp, ctx->idl) {
        if (!strcmp(lrp->name, name)) {
            return lrp;
        }
    }
    return NULL;
}

/* Returns true if 'network' is a valid "IP[/PLEN]" for a router port. */
static bool
is_valid_network(const char *network)
{
    ovs_be32 ip;
    unsigned int plen;
    char *error = ip_parse_cidr(network, &ip, &plen);
    if (!error) {
        return true;
    }
    free(error);

    struct in6_addr ipv6;
    error = ipv6_parse_cidr(network, &ipv6, &plen);
    if (!error) {
        return true;
    }
    free(error);
    return false;
}

/* "[--may-exist] lrp-add ROUTER PORT MAC NETWORK... [peer=PEER]". */
static void
nbctl_lrp_add(struct ctl_context *ctx)
{
    bool may_exist = shash_find(&ctx->options, "--may-exist") != NULL;
    const struct nbrec_logical_router *lr;

    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }

    const char *lrp_name = ctx->argv[2];
    const char *mac = ctx->argv[3];
    const char **networks = (const char **) &ctx->argv[4];
    int n_networks = ctx->argc - 4;

    /* The networks end at the first COLUMN[:KEY]=VALUE setting, such as
     * peer=PEER; the settings are applied to the new row generically. */
    const char *peer = NULL;
    int first_setting = ctx->argc;
    for (int i = 4; i < ctx->argc; i++) {
        if (strchr(ctx->argv[i], '=')) {
            n_networks = i - 4;
            first_setting = i;
            break;
        }
    }
    for (int i = first_setting; i < ctx->argc; i++) {
        if (!strncmp(ctx->argv[i], "peer=", 5)) {
            peer = ctx->argv[i] + 5;
        }
    }

    if (!n_networks) {
        ctl_error(ctx, "%s: router port requires specifying a network",
                  lrp_name);
        return;
    }

    const struct nbrec_logical_router_port *lrp = lrp_by_name(ctx, lrp_name);
    if (lrp) {
        if (!may_exist) {
            ctl_error(ctx, "%s: a port with this name already exists",
                      lrp_name);
            return;
        }

        const struct nbrec_logical_router *bound = nbctl_lrp_to_lr(ctx, lrp);
        if (bound != lr) {
            ctl_error(ctx, "%s: port already exists but in router %s",
                      lrp_name, bound ? bound->name : "(none)");
            return;
        }

        struct eth_addr ea1, ea2;
        if (!eth_addr_from_string(mac, &ea1)
            || !eth_addr_from_string(lrp->mac, &ea2)
            || !eth_addr_equals(ea1, ea2)) {
            ctl_error(ctx, "%s: port already exists with mac %s", lrp_name,
                      lrp->mac);
            return;
        }

        if ((!peer) != (!lrp->peer) || (peer && strcmp(peer, lrp->peer))) {
            ctl_error(ctx, "%s: port already exists with mismatching peer",
                      lrp_name);
            return;
        }
        return;
    }

    struct eth_addr ea;
    if (!eth_addr_from_string(mac, &ea)) {
        ctl_error(ctx, "%s: invalid mac address %s", lrp_name, mac);
        return;
    }

    for (int i = 0; i < n_networks; i++) {
        if (!is_valid_network(networks[i])) {
            ctl_error(ctx, "%s: invalid network address: %s", lrp_name,
                      networks[i]);
            return;
        }
    }

    struct nbrec_logical_router_port *new
        = nbrec_logical_router_port_insert(ctx->txn);
    nbrec_logical_router_port_set_name(new, lrp_name);
    nbrec_logical_router_port_set_mac(new, mac);
    nbrec_logical_router_port_set_networks(new, networks, n_networks);
    for (int i = first_setting; i < ctx->argc; i++) {
        char *error = ctl_set_column("Logical_Router_Port", &new->header_,
                                     ctx->argv[i], ctx->symtab);
        if (error) {
            ctx->error = error;
            return;
        }
    }
    nbrec_logical_router_update_ports_addvalue(lr, new);
}

/* "[--if-exists] lrp-del PORT". */
static void
nbctl_lrp_del(struct ctl_context *ctx)
{
    bool must_exist = !shash_find(&ctx->options, "--if-exists");
    const struct nbrec_logical_router_port *lrp;

    if (nbctl_fail(ctx, nbctl_lrp_lookup(ctx, ctx->argv[1], must_exist, &lrp))
        || !lrp) {
        return;
    }

    const struct nbrec_logical_router *lr = nbctl_lrp_to_lr(ctx, lrp);
    if (!lr) {
        ctl_error(ctx, "logical port %s is not part of any logical router",
                  ctx->argv[1]);
        return;
    }
    nbrec_logical_router_update_ports_delvalue(lr, lrp);
    nbrec_logical_router_port_delete(lrp);
}

/* "lrp-list ROUTER". */
static void
nbctl_lrp_list(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;

    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }

    struct nbctl_name_uuid *items = xmalloc((lr->n_ports + 1)
                                            * sizeof *items);
    for (size_t i = 0; i < lr->n_ports; i++) {
        items[i].name = lr->ports[i]->name;
        items[i].uuid = &lr->ports[i]->header_.uuid;
    }
    nbctl_print_sorted(&ctx->output, items, lr->n_ports);
    free(items);
}

/* Looks up the router port named in argv[1], setting ctx->error on failure.
 */
static const struct nbrec_logical_router_port *
get_lrp(struct ctl_context *ctx)
{
    const struct nbrec_logical_router_port *lrp;
    if (nbctl_fail(ctx, nbctl_lrp_lookup(ctx, ctx->argv[1], true, &lrp))) {
        return NULL;
    }
    return lrp;
}

/* "lrp-set-enabled PORT STATE". */
static void
nbctl_lrp_set_enabled(struct ctl_context *ctx)
{
    const struct nbrec_logical_router_port *lrp = get_lrp(ctx);
    if (!lrp) {
        return;
    }

    bool enabled;
    if (!nbctl_fail(ctx, nbctl_parse_enabled(ctx->argv[2], &enabled))) {
        nbrec_logical_router_port_set_enabled(lrp, &enabled, 1);
    }
}

/* "lrp-get-enabled PORT". */
static void
nbctl_lrp_get_enabled(struct ctl_context *ctx)
{
    const struct nbrec_logical_router_port *lrp = get_lrp(ctx);
    if (lrp) {
        ds_put_format(&ctx->output, "%s\n",
                      !lrp->n_enabled || *lrp->enabled
                      ? "enabled" : "disabled");
    }
}

/* "lrp-set-gateway-chassis PORT CHASSIS [PRIORITY]". */
static void
nbctl_lrp_set_gateway_chassis(struct ctl_context *ctx)
{
    const struct nbrec_logical_router_port *lrp = get_lrp(ctx);
    if (!lrp) {
        return;
    }

    const char *chassis_name = ctx->argv[2];
    int64_t priority = 0;
    if (ctx->argc == 4
        && nbctl_fail(ctx, nbctl_parse_priority(ctx->argv[3], &priority))) {
        return;
    }

    char *gc_name = xasprintf("%s-%s", lrp->name, chassis_name);
    for (size_t i = 0; i < lrp->n_gateway_chassis; i++) {
        const struct nbrec_gateway_chassis *gc = lrp->gateway_chassis[i];
        if (!strcmp(gc->name, gc_name)) {
            nbrec_gateway_chassis_set_priority(gc, priority);
            free(gc_name);
            return;
        }
    }

    struct nbrec_gateway_chassis *gc = nbrec_gateway_chassis_insert(ctx->txn);
    nbrec_gateway_chassis_set_name(gc, gc_name);
    nbrec_gateway_chassis_set_chassis_name(gc, chassis_name);
    nbrec_gateway_chassis_set_priority(gc, priority);
    nbrec_logical_router_port_update_gateway_chassis_addvalue(lrp, gc);
    free(gc_name);
}

/* "lrp-del-gateway-chassis PORT CHASSIS". */
static void
nbctl_lrp_del_gateway_chassis(struct ctl_context *ctx)
{
    const struct nbrec_logical_router_port *lrp = get_lrp(ctx);
    if (!lrp) {
        return;
    }

    const char *chassis_name = ctx->argv[2];
    for (size_t i = 0; i < lrp->n_gateway_chassis; i++) {
        const struct nbrec_gateway_chassis *gc = lrp->gateway_chassis[i];
        if (!strcmp(gc->chassis_name, chassis_name)) {
            nbrec_logical_router_port_update_gateway_chassis_delvalue(lrp,
                                                                      gc);
            nbrec_gateway_chassis_delete(gc);
            return;
        }
    }
    ctl_error(ctx, "chassis %s is not added to logical port %s",
              chassis_name, ctx->argv[1]);
}

/* Orders gateway chassis by descending priority, then by name. */
static int
compare_gateway_chassis(const void *a_, const void *b_)
{
    const struct nbrec_gateway_chassis *const *ap = a_;
    const struct nbrec_gateway_chassis *const *bp = b_;
    const struct nbrec_gateway_chassis *a = *ap, *b = *bp;
    if (a->priority != b->priority) {
        return a->priority > b->priority ? -1 : 1;
    }
    return strcmp(a->name, b->name);
}

/* "lrp-get-gateway-chassis PORT". */
static void
nbctl_lrp_get_gateway_chassis(struct ctl_context *ctx)
{
    const struct nbrec_logical_router_port *lrp = get_lrp(ctx);
    if (!lrp || !lrp->n_gateway_chassis) {
        return;
    }

    const struct nbrec_gateway_chassis **gcs
        = xmemdup(lrp->gateway_chassis, lrp->n_gateway_chassis * sizeof *gcs);
    qsort(gcs, lrp->n_gateway_chassis, sizeof *gcs, compare_gateway_chassis);
    for (size_t i = 0; i < lrp->n_gateway_chassis; i++) {
        ds_put_format(&ctx->output, "%s %5"PRId64"\n",
                      gcs[i]->name, gcs[i]->priority);
    }
    free(gcs);
}

/* "lrp-set-redirect-type PORT TYPE". */
static void
nbctl_lrp_set_redirect_type(struct ctl_context *ctx)
{
    const struct nbrec_logical_router_port *lrp = get_lrp(ctx);
    if (!lrp) {
        return;
    }

    const char *type = ctx->argv[2];
    if (strcasecmp(type, "bridged") && strcasecmp(type, "overlay")) {
        ctl_error(ctx, "Invalid redirect type: %s", type);
        return;
    }

    struct smap options;
    smap_clone(&options, &lrp->options);
    smap_replace(&options, "redirect-type", type);
    nbrec_logical_router_port_set_options(lrp, &options);
    smap_destroy(&options);
}

/* "lrp-get-redirect-type PORT". */
static void
nbctl_lrp_get_redirect_type(struct ctl_context *ctx)
{
    const struct nbrec_logical_router_port *lrp = get_lrp(ctx);
    if (lrp) {
        const char *type = smap_get(&lrp->options, "redirect-type");
        ds_put_format(&ctx->output, "%s\n", type ? type : "overlay");
    }
}

/* "lrp-set-options PORT KEY=VALUE...". */
static void
nbctl_lrp_set_options(struct ctl_context *ctx)
{
    const struct nbrec_logical_router_port *lrp = get_lrp(ctx);
    if (!lrp) {
        return;
    }

    struct smap options;
    nbctl_parse_key_values(ctx, 2, &options);
    nbrec_logical_router_port_set_options(lrp, &options);
    smap_destroy(&options);
}

/* "lrp-get-options PORT". */
static void
nbctl_lrp_get_options(struct ctl_context *ctx)
{
    const struct nbrec_logical_router_port *lrp = get_lrp(ctx);
    if (!lrp) {
        return;
    }
    const struct smap_node **nodes = smap_sort(&lrp->options);
    for (size_t i = 0; i < smap_count(&lrp->options); i++) {
        ds_put_format(&ctx->output, "%s=%s\n",
                      nodes[i]->key, nodes[i]->value);
    }
    free(nodes);
}

static const struct ctl_command_syntax router_commands[] = {
    { "lr-add", 0, 1, "[ROUTER]", NULL, nbctl_lr_add, NULL,
      "--may-exist,--add-duplicate", RW },
    { "lr-del", 1, 1, "ROUTER", NULL, nbctl_lr_del, NULL, "--if-exists",
      RW },
    { "lr-list", 0, 0, "", NULL, nbctl_lr_list, NULL, "", RO },

    { "lrp-add", 4, INT_MAX,
      "ROUTER PORT MAC NETWORK... [COLUMN[:KEY]=VALUE]...",
      NULL, nbctl_lrp_add, NULL, "--may-exist", RW },
    { "lrp-del", 1, 1, "PORT", NULL, nbctl_lrp_del, NULL, "--if-exists",
      RW },
    { "lrp-list", 1, 1, "ROUTER", NULL, nbctl_lrp_list, NULL, "", RO },
    { "lrp-set-enabled", 2, 2, "PORT STATE", NULL, nbctl_lrp_set_enabled,
      NULL, "", RW },
    { "lrp-get-enabled", 1, 1, "PORT", NULL, nbctl_lrp_get_enabled, NULL,
      "", RO },
    { "lrp-set-gateway-chassis", 2, 3, "PORT CHASSIS [PRIORITY]", NULL,
      nbctl_lrp_set_gateway_chassis, NULL, "--may-exist", RW },
    { "lrp-del-gateway-chassis", 2, 2, "PORT CHASSIS", NULL,
      nbctl_lrp_del_gateway_chassis, NULL, "", RW },
    { "lrp-get-gateway-chassis", 1, 1, "PORT", NULL,
      nbctl_lrp_get_gateway_chassis, NULL, "", RO },
    { "lrp-set-redirect-type", 2, 2, "PORT TYPE", NULL,
      nbctl_lrp_set_redirect_type, NULL, "", RW },
    { "lrp-get-redirect-type", 1, 1, "PORT", NULL,
      nbctl_lrp_get_redirect_type, NULL, "", RO },
    { "lrp-set-options", 1, INT_MAX, "PORT KEY=VALUE [KEY=VALUE]...", NULL,
      nbctl_lrp_set_options, NULL, "", RW },
    { "lrp-get-options", 1, 1, "PORT", NULL, nbctl_lrp_get_options, NULL,
      "", RO },
    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

void
nbctl_router_register(void)
{
    ctl_register_commands(router_commands);
}
