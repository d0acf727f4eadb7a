/* ovn-nbctl: NAT commands (lr-nat-add, lr-nat-del, lr-nat-list). */

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

/* Returns true if 'nat' is stateless. */
static bool
nat_is_stateless(const struct nbrec_nat *nat)
{
    return smap_get_bool(&nat->options, "stateless", false);
}

/* "[--may-exist] [--stateless] [--portrange] [--gateway-port=PORT]
 *  lr-nat-add ROUTER TYPE EXTERNAL_IP LOGICAL_IP [LOGICAL_PORT EXTERNAL_MAC]
 *  [EXTERNAL_PORT_RANGE]". */
static void
nbctl_lr_nat_add(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    char *external_ip = NULL, *logical_ip = NULL;

    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }

    const char *type = ctx->argv[2];
    bool is_snat = !strcmp(type, "snat");
    bool is_dnat_and_snat = !strcmp(type, "dnat_and_snat");
    if (!is_snat && !is_dnat_and_snat && strcmp(type, "dnat")) {
        ctl_error(ctx, "%s: type must be one of \"dnat\", \"snat\" and "
                  "\"dnat_and_snat\".", type);
        return;
    }

    bool is_v6;
    external_ip = ovn_ctl_normalize_ip(ctx->argv[3], &is_v6);
    if (!external_ip) {
        ctl_error(ctx, "%s: Not a valid IPv4 or IPv6 address.",
                  ctx->argv[3]);
        return;
    }

    if (is_snat) {
        logical_ip = ovn_ctl_normalize_net(ctx->argv[4], is_v6);
        if (!logical_ip) {
            ctl_error(ctx, "%s: should be an %s address or network.",
                      ctx->argv[4], is_v6 ? "IPv6" : "IPv4");
            goto out;
        }
    } else {
        bool log_v6;
        logical_ip = ovn_ctl_normalize_ip(ctx->argv[4], &log_v6);
        if (!logical_ip || log_v6 != is_v6) {
            ctl_error(ctx, "%s: Not a valid %s address.", ctx->argv[4],
                      is_v6 ? "IPv6" : "IPv4");
            goto out;
        }
    }

    bool stateless = shash_find(&ctx->options, "--stateless") != NULL;
    bool portrange = shash_find(&ctx->options, "--portrange") != NULL;
    bool may_exist = shash_find(&ctx->options, "--may-exist") != NULL;

    int n_extra = ctx->argc - 5;
    const char *port_range = NULL;
    if (portrange && n_extra > 0) {
        port_range = ctx->argv[ctx->argc - 1];
        n_extra--;
    } else if (n_extra == 3) {
        port_range = ctx->argv[7];
        n_extra--;
    }

    const char *logical_port = NULL;
    const char *external_mac = NULL;
    if (n_extra == 1) {
        ctl_error(ctx, "lr-nat-add with logical_port must also specify "
                  "external_mac.");
        goto out;
    } else if (n_extra == 2) {
        if (!is_dnat_and_snat) {
            ctl_error(ctx, "logical_port and external_mac are only valid "
                      "when type is \"dnat_and_snat\".");
            goto out;
        }
        logical_port = ctx->argv[5];
        const struct nbrec_logical_switch_port *lsp;
        if (nbctl_fail(ctx, nbctl_lsp_lookup(ctx, logical_port, true,
                                            &lsp))) {
            goto out;
        }
        external_mac = ctx->argv[6];
        struct eth_addr ea;
        if (!eth_addr_from_string(external_mac, &ea)) {
            ctl_error(ctx, "invalid mac address %s.", external_mac);
            goto out;
        }
    }

    if (port_range && !ovn_ctl_is_valid_port_range(port_range)) {
        ctl_error(ctx, "invalid port range %s.", port_range);
        goto out;
    }

    if (stateless && !is_dnat_and_snat) {
        ctl_error(ctx, "stateless is not applicable to dnat or snat types");
        goto out;
    }

    bool add_route = shash_find(&ctx->options, "--add-route") != NULL;
    if (add_route && is_snat) {
        ctl_error(ctx, "routes cannot be added for snat types.");
        goto out;
    }

    const struct nbrec_logical_router_port *gw_port = NULL;
    const char *gw_name = shash_find_data(&ctx->options, "--gateway-port");
    if (gw_name) {
        if (nbctl_fail(ctx, nbctl_lrp_lookup(ctx, gw_name, true, &gw_port))) {
            goto out;
        }
        bool in_router = false;
        for (size_t i = 0; i < lr->n_ports; i++) {
            if (lr->ports[i] == gw_port) {
                in_router = true;
            }
        }
        if (!in_router || (!gw_port->n_gateway_chassis
                           && !gw_port->ha_chassis_group)) {
            ctl_error(ctx, "%s is not a distributed gateway router port.",
                      gw_name);
            goto out;
        }
    }

    for (size_t i = 0; i < lr->n_nat; i++) {
        const struct nbrec_nat *nat = lr->nat[i];
        bool same_type = !strcmp(nat->type, type);
        bool nat_v6;
        char *old_ext = ovn_ctl_normalize_ip(nat->external_ip, &nat_v6);
        char *old_log = ovn_ctl_normalize_net(nat->logical_ip, nat_v6);
        bool same_ext = old_ext && !strcmp(old_ext, external_ip);
        bool same_log = old_log && !strcmp(old_log, logical_ip);
        free(old_ext);
        free(old_log);

        if (same_type && same_ext && same_log
            && (!gw_port || nat->gateway_port == gw_port)) {
            if (!may_exist) {
                ctl_error(ctx, "%s, %s: a NAT with this external_ip and "
                          "logical_ip already exists",
                          external_ip, logical_ip);
                goto out;
            }
            if (logical_port && external_mac) {
                nbrec_nat_set_logical_port(nat, logical_port);
                nbrec_nat_set_external_mac(nat, external_mac);
            }
            goto out;
        }

        if (same_ext && (stateless || nat_is_stateless(nat))) {
            ctl_error(ctx, "%s, %s: External ip cannot be shared across "
                      "stateless and stateful NATs",
                      external_ip, logical_ip);
            goto out;
        }

        if (same_type && !gw_port) {
            if (is_snat && same_log) {
                ctl_error(ctx, "a NAT with this type (%s), logical_ip (%s) "
                          "already exists", type, logical_ip);
                goto out;
            } else if (!is_snat && same_ext) {
                ctl_error(ctx, "a NAT with this type (%s), external_ip (%s) "
                          "already exists", type, external_ip);
                goto out;
            }
        }
    }

    struct nbrec_nat *nat = nbrec_nat_insert(ctx->txn);
    nbrec_nat_set_type(nat, type);
    nbrec_nat_set_external_ip(nat, external_ip);
    nbrec_nat_set_logical_ip(nat, logical_ip);
    if (logical_port) {
        nbrec_nat_set_logical_port(nat, logical_port);
        nbrec_nat_set_external_mac(nat, external_mac);
    }
    if (port_range) {
        nbrec_nat_set_external_port_range(nat, port_range);
    }
    if (gw_port) {
        nbrec_nat_set_gateway_port(nat, gw_port);
    }
    struct smap options = SMAP_INITIALIZER(&options);
    smap_add(&options, "stateless", stateless ? "true" : "false");
    if (add_route) {
        smap_add(&options, "add_route", "true");
    }
    nbrec_nat_set_options(nat, &options);
    smap_destroy(&options);
    nbrec_logical_router_update_nat_addvalue(lr, nat);

out:
    free(external_ip);
    free(logical_ip);
}

/* "[--if-exists] lr-nat-del ROUTER [TYPE [IP [GATEWAY_PORT]]]". */
static void
nbctl_lr_nat_del(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }

    if (ctx->argc == 2) {
        for (size_t i = 0; i < lr->n_nat; i++) {
            nbrec_logical_router_update_nat_delvalue(lr, lr->nat[i]);
        }
        return;
    }

    const char *type = ctx->argv[2];
    bool is_snat = !strcmp(type, "snat");
    if (!is_snat && strcmp(type, "dnat") && strcmp(type, "dnat_and_snat")) {
        ctl_error(ctx, "%s: type must be one of \"dnat\", \"snat\" and "
                  "\"dnat_and_snat\".", type);
        return;
    }

    if (ctx->argc == 3) {
        for (size_t i = 0; i < lr->n_nat; i++) {
            if (!strcmp(lr->nat[i]->type, type)) {
                nbrec_logical_router_update_nat_delvalue(lr, lr->nat[i]);
            }
        }
        return;
    }

    /* argv[3] is an IP address (logical for snat, external otherwise), or
     * else a gateway port name. */
    char *ip = NULL;
    bool is_v6 = false;
    const struct nbrec_logical_router_port *gw_port = NULL;
    const char *gw_name = NULL;

    if (is_snat) {
        ip = ovn_ctl_normalize_net(ctx->argv[3], false);
        if (!ip) {
            ip = ovn_ctl_normalize_net(ctx->argv[3], true);
            is_v6 = true;
        }
    } else {
        ip = ovn_ctl_normalize_ip(ctx->argv[3], &is_v6);
    }
    if (!ip) {
        gw_name = ctx->argv[3];
    } else if (ctx->argc == 5) {
        gw_name = ctx->argv[4];
    }
    if (gw_name
        && nbctl_fail(ctx, nbctl_lrp_lookup(ctx, gw_name, true, &gw_port))) {
        free(ip);
        return;
    }

    bool found = false;
    for (size_t i = 0; i < lr->n_nat; i++) {
        const struct nbrec_nat *nat = lr->nat[i];
        if (strcmp(nat->type, type)) {
            continue;
        }
        if (gw_port && nat->gateway_port != gw_port) {
            continue;
        }
        if (ip) {
            bool nat_v6;
            char *nat_ip;
            if (is_snat) {
                nat_ip = ovn_ctl_normalize_net(nat->logical_ip, is_v6);
            } else {
                nat_ip = ovn_ctl_normalize_ip(nat->external_ip, &nat_v6);
            }
            bool match = nat_ip && !strcmp(nat_ip, ip);
            free(nat_ip);
            if (!match) {
                continue;
            }
        }
        nbrec_logical_router_update_nat_delvalue(lr, nat);
        found = true;
    }

    if (!found && ip && gw_port
        && !shash_find(&ctx->options, "--if-exists")) {
        ctl_error(ctx, "no matching NAT with the type (%s), %s (%s) and "
                  "gateway_port (%s)", type,
                  is_snat ? "logical_ip" : "external_ip", ip, gw_name);
    }
    free(ip);
}

/* Orders NATs by type, gateway port, external IP and logical IP (as
 * strings). */
static int
compare_nats(const void *a_, const void *b_)
{
    const struct nbrec_nat *const *ap = a_;
    const struct nbrec_nat *const *bp = b_;
    const struct nbrec_nat *a = *ap, *b = *bp;
    int cmp = strcmp(a->type, b->type);
    if (!cmp) {
        cmp = strcmp(a->gateway_port ? a->gateway_port->name : "",
                     b->gateway_port ? b->gateway_port->name : "");
    }
    if (!cmp) {
        cmp = strcmp(a->external_ip, b->external_ip);
    }
    if (!cmp) {
        cmp = strcmp(a->logical_ip, b->logical_ip);
    }
    return cmp;
}

/* "lr-nat-list ROUTER". */
static void
nbctl_lr_nat_list(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }
    if (!lr->n_nat) {
        return;
    }

    const struct nbrec_nat **nats = xmemdup(lr->nat,
                                            lr->n_nat * sizeof *nats);
    qsort(nats, lr->n_nat, sizeof *nats, compare_nats);

    struct ds *s = &ctx->output;
    ds_put_format(s, "%-17s%-22s%-19s%-17s%-20s%-21s%s\n", "TYPE",
                  "GATEWAY_PORT", "EXTERNAL_IP", "EXTERNAL_PORT",
                  "LOGICAL_IP", "EXTERNAL_MAC", "LOGICAL_PORT");
    for (size_t i = 0; i < lr->n_nat; i++) {
        const struct nbrec_nat *nat = nats[i];
        ds_put_format(s, "%-17s%-22s%-19s%-17s", nat->type,
                      nat->gateway_port ? nat->gateway_port->name : "",
                      nat->external_ip, nat->external_port_range);
        if (nat->external_mac) {
            ds_put_format(s, "%-20s%-21s%s", nat->logical_ip,
                          nat->external_mac,
                          nat->logical_port ? nat->logical_port : "");
        } else {
            ds_put_cstr(s, nat->logical_ip);
        }
        ds_put_char(s, '\n');
    }
    free(nats);
}

/* "[--is-exempted] lr-nat-update-ext-ip ROUTER TYPE IP ADDRESS_SET". */
static void
nbctl_lr_nat_update_ext_ip(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }

    const char *type = ctx->argv[2];
    bool is_snat = !strcmp(type, "snat");
    if (!is_snat && strcmp(type, "dnat") && strcmp(type, "dnat_and_snat")) {
        ctl_error(ctx, "%s: type must be one of \"dnat\", \"snat\" and "
                  "\"dnat_and_snat\".", type);
        return;
    }

    bool is_v6 = false;
    char *ip = ovn_ctl_normalize_net(ctx->argv[3], false);
    if (!ip) {
        ip = ovn_ctl_normalize_net(ctx->argv[3], true);
        is_v6 = true;
    }
    if (!ip) {
        ctl_error(ctx, "%s: Invalid IP address or CIDR", ctx->argv[3]);
        return;
    }

    const struct nbrec_address_set *as = NULL, *iter;
    NBREC_ADDRESS_SET_FOR_EACH (iter, ctx->idl) {
        if (!strcmp(iter->name, ctx->argv[4])) {
            as = iter;
            break;
        }
    }
    if (!as) {
        ctl_error(ctx, "%s: Address Set name not found", ctx->argv[4]);
        free(ip);
        return;
    }

    for (size_t i = 0; i < lr->n_nat; i++) {
        const struct nbrec_nat *nat = lr->nat[i];
        if (strcmp(nat->type, type)) {
            continue;
        }
        char *nat_ip = ovn_ctl_normalize_net(is_snat ? nat->logical_ip
                                             : nat->external_ip, is_v6);
        bool match = nat_ip && !strcmp(nat_ip, ip);
        free(nat_ip);
        if (match) {
            if (shash_find(&ctx->options, "--is-exempted")) {
                nbrec_nat_set_exempted_ext_ips(nat, as);
            } else {
                nbrec_nat_set_allowed_ext_ips(nat, as);
            }
            free(ip);
            return;
        }
    }
    ctl_error(ctx, "%s: Could not locate nat rule for: %s.", type, ip);
    free(ip);
}

static const struct ctl_command_syntax nat_commands[] = {
    { "lr-nat-update-ext-ip", 4, 4, "ROUTER TYPE IP ADDRESS_SET", NULL,
      nbctl_lr_nat_update_ext_ip, NULL, "--is-exempted", RW },
    { "lr-nat-add", 4, 7,
      "ROUTER TYPE EXTERNAL_IP LOGICAL_IP [LOGICAL_PORT EXTERNAL_MAC] "
      "[EXTERNAL_PORT_RANGE]", NULL, nbctl_lr_nat_add, NULL,
      "--may-exist,--stateless,--portrange,--add-route,--gateway-port=", RW },
    { "lr-nat-del", 1, 4, "ROUTER [TYPE [IP [GATEWAY_PORT]]]", NULL,
      nbctl_lr_nat_del, NULL, "--if-exists", RW },
    { "lr-nat-list", 1, 1, "ROUTER", NULL, nbctl_lr_nat_list, NULL, "", RO },
    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

void
nbctl_nat_register(void)
{
    ctl_register_commands(nat_commands);
}
