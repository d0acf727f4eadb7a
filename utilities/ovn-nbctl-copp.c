/* ovn-nbctl: control plane protection (copp-*) and static MAC binding
 * commands. */

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

/* Control protocols that a CoPP policy can meter, in documented order. */
static const char *const copp_protos[] = {
    "arp", "arp-resolve", "dhcpv4-opts", "dhcpv6-opts", "dns", "event-elb",
    "icmp4-error", "icmp6-error", "igmp", "nd-na", "nd-ns", "nd-ns-resolve",
    "nd-ra-opts", "tcp-reset", "bfd", "reject", "svc-monitor",
};

/* Returns NULL if 'proto' is a valid control protocol, else an error. */
static char *
check_copp_proto(const char *proto)
{
    for (size_t i = 0; i < ARRAY_SIZE(copp_protos); i++) {
        if (!strcmp(proto, copp_protos[i])) {
            return NULL;
        }
    }

    struct ds s = DS_EMPTY_INITIALIZER;
    ds_put_cstr(&s, "Invalid control protocol. Allowed values: ");
    for (size_t i = 0; i < ARRAY_SIZE(copp_protos); i++) {
        ds_put_format(&s, "%s%s", i ? ", " : "", copp_protos[i]);
    }
    ds_put_char(&s, '.');
    return ds_steal_cstr(&s);
}

/* Returns the CoPP policy named 'name', or NULL. */
static const struct nbrec_copp *
copp_by_name(struct ctl_context *ctx, const char *name)
{
    const struct nbrec_copp *copp;
    NBREC_COPP_FOR_EACH (copp, ctx->idl) {
        if (!strcmp(copp->name, name)) {
            return copp;
        }
    }
    return NULL;
}

/* "copp-add NAME PROTO METER". */
static void
nbctl_copp_add(struct ctl_context *ctx)
{
    const char *proto = ctx->argv[2];
    if (nbctl_fail(ctx, check_copp_proto(proto))) {
        return;
    }

    const struct nbrec_copp *copp = copp_by_name(ctx, ctx->argv[1]);
    if (!copp) {
        struct nbrec_copp *new = nbrec_copp_insert(ctx->txn);
        nbrec_copp_set_name(new, ctx->argv[1]);
        copp = new;
    }
    nbrec_copp_update_meters_setkey(copp, proto, ctx->argv[3]);
}

/* Clears every reference to 'copp' from switches and routers. */
static void
copp_unreference(struct ctl_context *ctx, const struct nbrec_copp *copp)
{
    const struct nbrec_logical_switch *ls;
    NBREC_LOGICAL_SWITCH_FOR_EACH (ls, ctx->idl) {
        if (ls->copp == copp) {
            nbrec_logical_switch_set_copp(ls, NULL);
        }
    }
    const struct nbrec_logical_router *lr;
    NBREC_LOGICAL_ROUTER_FOR_EACH (lr, ctx->idl) {
        if (lr->copp == copp) {
            nbrec_logical_router_set_copp(lr, NULL);
        }
    }
}

/* "copp-del NAME [PROTO]". */
static void
nbctl_copp_del(struct ctl_context *ctx)
{
    const struct nbrec_copp *copp = copp_by_name(ctx, ctx->argv[1]);
    if (ctx->argc == 3 && nbctl_fail(ctx, check_copp_proto(ctx->argv[2]))) {
        return;
    }
    if (!copp) {
        return;
    }
    if (ctx->argc == 3) {
        nbrec_copp_update_meters_delkey(copp, ctx->argv[2]);
        return;
    }
    copp_unreference(ctx, copp);
    nbrec_copp_delete(copp);
}

/* "copp-list NAME". */
static void
nbctl_copp_list(struct ctl_context *ctx)
{
    const struct nbrec_copp *copp = copp_by_name(ctx, ctx->argv[1]);
    if (!copp) {
        return;
    }
    const struct smap_node *node;
    SMAP_FOR_EACH (node, &copp->meters) {
        ds_put_format(&ctx->output, "%s: %s\n", node->key, node->value);
    }
}

/* Looks up the CoPP policy named argv[1] for ls-copp-add/lr-copp-add. */
static const struct nbrec_copp *
get_copp(struct ctl_context *ctx)
{
    const struct nbrec_copp *copp = copp_by_name(ctx, ctx->argv[1]);
    if (!copp) {
        ctl_error(ctx, "%s: copp name not found", ctx->argv[1]);
    }
    return copp;
}

/* "ls-copp-add NAME SWITCH". */
static void
nbctl_ls_copp_add(struct ctl_context *ctx)
{
    const struct nbrec_copp *copp = get_copp(ctx);
    const struct nbrec_logical_switch *ls;
    if (!copp
        || nbctl_fail(ctx, nbctl_ls_lookup(ctx, ctx->argv[2], true, &ls))) {
        return;
    }
    nbrec_logical_switch_set_copp(ls, copp);
}

/* "lr-copp-add NAME ROUTER". */
static void
nbctl_lr_copp_add(struct ctl_context *ctx)
{
    const struct nbrec_copp *copp = get_copp(ctx);
    const struct nbrec_logical_router *lr;
    if (!copp
        || nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[2], true, &lr))) {
        return;
    }
    nbrec_logical_router_set_copp(lr, copp);
}

/* ------------------------------------------------------------------------ */
/* Static MAC bindings. */

/* Returns the canonical form of plain IP address 's', or NULL. */
static char *
normalize_ip_any(const char *s)
{
    bool is_v6;
    return ovn_ctl_normalize_ip(s, &is_v6);
}

/* Finds the static MAC binding of 'port' for 'ip' (normalized). */
static const struct nbrec_static_mac_binding *
find_static_mac_binding(struct ctl_context *ctx, const char *port,
                        const char *ip)
{
    const struct nbrec_static_mac_binding *smb;
    NBREC_STATIC_MAC_BINDING_FOR_EACH (smb, ctx->idl) {
        if (strcmp(smb->logical_port, port)) {
            continue;
        }
        char *smb_ip = normalize_ip_any(smb->ip);
        bool match = smb_ip && !strcmp(smb_ip, ip);
        free(smb_ip);
        if (match) {
            return smb;
        }
    }
    return NULL;
}

/* "[--may-exist] static-mac-binding-add LOGICAL_PORT IP MAC". */
static void
nbctl_static_mac_binding_add(struct ctl_context *ctx)
{
    const char *port = ctx->argv[1];
    const struct nbrec_logical_router_port *lrp;
    if (nbctl_fail(ctx, nbctl_lrp_lookup(ctx, port, true, &lrp))) {
        return;
    }

    char *ip = normalize_ip_any(ctx->argv[2]);
    if (!ip) {
        ctl_error(ctx, "%s: Not a valid IPv4 or IPv6 address.", ctx->argv[2]);
        return;
    }

    struct eth_addr ea;
    if (!eth_addr_from_string(ctx->argv[3], &ea)) {
        ctl_error(ctx, "invalid mac address %s.", ctx->argv[3]);
        goto out;
    }
    const char *mac = ctx->argv[3];     /* Stored as given. */

    const struct nbrec_static_mac_binding *smb
        = find_static_mac_binding(ctx, port, ip);
    if (smb) {
        if (!shash_find(&ctx->options, "--may-exist")) {
            ctl_error(ctx, "%s, %s: a Static_MAC_Binding with this "
                      "logical_port and ip already exists", port, ip);
            goto out;
        }
        nbrec_static_mac_binding_set_mac(smb, mac);
        goto out;
    }

    struct nbrec_static_mac_binding *new
        = nbrec_static_mac_binding_insert(ctx->txn);
    nbrec_static_mac_binding_set_logical_port(new, port);
    nbrec_static_mac_binding_set_ip(new, ip);
    nbrec_static_mac_binding_set_mac(new, mac);

out:
    free(ip);
}

/* "[--if-exists] static-mac-binding-del LOGICAL_PORT IP". */
static void
nbctl_static_mac_binding_del(struct ctl_context *ctx)
{
    const char *port = ctx->argv[1];
    const struct nbrec_logical_router_port *lrp;
    if (nbctl_fail(ctx, nbctl_lrp_lookup(ctx, port, true, &lrp))) {
        return;
    }

    char *ip = normalize_ip_any(ctx->argv[2]);
    if (!ip) {
        ctl_error(ctx, "%s: Not a valid IPv4 or IPv6 address.", ctx->argv[2]);
        return;
    }

    const struct nbrec_static_mac_binding *smb
        = find_static_mac_binding(ctx, port, ip);
    if (smb) {
        nbrec_static_mac_binding_delete(smb);
    } else if (!shash_find(&ctx->options, "--if-exists")) {
        ctl_error(ctx, "no matching Static_MAC_Binding with port %s and "
                  "ip %s", port, ip);
    }
    free(ip);
}

/* Orders static MAC bindings by port, then IP (as strings). */
static int
compare_smbs(const void *a_, const void *b_)
{
    const struct nbrec_static_mac_binding *const *ap = a_;
    const struct nbrec_static_mac_binding *const *bp = b_;
    int cmp = strcmp((*ap)->logical_port, (*bp)->logical_port);
    return cmp ? cmp : strcmp((*ap)->ip, (*bp)->ip);
}

/* "static-mac-binding-list". */
static void
nbctl_static_mac_binding_list(struct ctl_context *ctx)
{
    const struct nbrec_static_mac_binding **smbs = NULL;
    size_t n = 0, allocated = 0;
    const struct nbrec_static_mac_binding *smb;

    NBREC_STATIC_MAC_BINDING_FOR_EACH (smb, ctx->idl) {
        if (n >= allocated) {
            smbs = x2nrealloc(smbs, &allocated, sizeof *smbs);
        }
        smbs[n++] = smb;
    }
    if (!n) {
        return;
    }
    qsort(smbs, n, sizeof *smbs, compare_smbs);

    ds_put_format(&ctx->output, "%-25s%-25s%s\n", "LOGICAL_PORT", "IP",
                  "MAC");
    for (size_t i = 0; i < n; i++) {
        ds_put_format(&ctx->output, "%-25s%-25s%s\n", smbs[i]->logical_port,
                      smbs[i]->ip, smbs[i]->mac);
    }
    free(smbs);
}

static const struct ctl_command_syntax copp_commands[] = {
    { "copp-add", 3, 3, "NAME PROTO METER", NULL, nbctl_copp_add, NULL, "",
      RW },
    { "copp-del", 1, 2, "NAME [PROTO]", NULL, nbctl_copp_del, NULL, "", RW },
    { "copp-list", 1, 1, "NAME", NULL, nbctl_copp_list, NULL, "", RO },
    { "ls-copp-add", 2, 2, "NAME SWITCH", NULL, nbctl_ls_copp_add, NULL, "",
      RW },
    { "lr-copp-add", 2, 2, "NAME ROUTER", NULL, nbctl_lr_copp_add, NULL, "",
      RW },

    { "static-mac-binding-add", 3, 3, "LOGICAL_PORT IP MAC", NULL,
      nbctl_static_mac_binding_add, NULL, "--may-exist", RW },
    { "static-mac-binding-del", 2, 2, "LOGICAL_PORT IP", NULL,
      nbctl_static_mac_binding_del, NULL, "--if-exists", RW },
    { "static-mac-binding-list", 0, 0, "", NULL,
      nbctl_static_mac_binding_list, NULL, "", RO },
    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

void
nbctl_copp_register(void)
{
    ctl_register_commands(copp_commands);
}
