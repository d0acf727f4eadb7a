/* ovn-nbctl: static route (lr-route-*) and routing policy (lr-policy-*)
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
#include "sset.h"
#include "util.h"

/* Returns the route's policy, defaulting to "dst-ip". */
static const char *
route_policy(const struct nbrec_logical_router_static_route *r)
{
    return r->policy ? r->policy : "dst-ip";
}

/* "lr-route-add ROUTER PREFIX NEXTHOP [PORT]". */
static void
nbctl_lr_route_add(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }

    const char *policy = NULL;
    struct shash_node *node = shash_find(&ctx->options, "--policy");
    if (node) {
        policy = node->data;
        if (strcmp(policy, "dst-ip") && strcmp(policy, "src-ip")) {
            ctl_error(ctx, "bad policy: %s", policy);
            return;
        }
    }
    const char *route_table = shash_find_data(&ctx->options,
                                              "--route-table");
    if (!route_table) {
        route_table = "";
    }

    bool prefix_v6;
    char *prefix = ovn_ctl_normalize_prefix(ctx->argv[2], &prefix_v6);
    char *next_hop = NULL;
    if (!prefix) {
        ctl_error(ctx, "bad prefix argument: %s", ctx->argv[2]);
        return;
    }

    if (!strcmp(ctx->argv[3], "discard")) {
        next_hop = xstrdup("discard");
    } else {
        bool nh_v6;
        next_hop = ovn_ctl_normalize_ip(ctx->argv[3], &nh_v6);
        if (!next_hop || nh_v6 != prefix_v6) {
            ctl_error(ctx, "bad %s nexthop argument: %s",
                      prefix_v6 ? "IPv6" : "IPv4", ctx->argv[3]);
            goto out;
        }
    }

    const char *output_port = ctx->argc == 5 ? ctx->argv[4] : NULL;
    if (output_port) {
        const struct nbrec_logical_router_port *lrp;
        if (nbctl_fail(ctx, nbctl_lrp_lookup(ctx, output_port, true, &lrp))) {
            goto out;
        }
    }

    bool may_exist = shash_find(&ctx->options, "--may-exist") != NULL;
    bool ecmp_symmetric_reply = shash_find(&ctx->options,
                                           "--ecmp-symmetric-reply") != NULL;
    bool ecmp = (shash_find(&ctx->options, "--ecmp") != NULL
                 || ecmp_symmetric_reply);
    const char *policy_s = policy ? policy : "dst-ip";

    const struct nbrec_logical_router_static_route *existing = NULL;
    for (size_t i = 0; i < lr->n_static_routes; i++) {
        const struct nbrec_logical_router_static_route *r
            = lr->static_routes[i];
        if (strcmp(r->route_table, route_table)
            || strcmp(route_policy(r), policy_s)) {
            continue;
        }
        char *rp = ovn_ctl_normalize_prefix(r->ip_prefix, NULL);
        bool same_prefix = rp && !strcmp(rp, prefix);
        free(rp);
        if (!same_prefix) {
            continue;
        }
        if (ecmp) {
            if (!strcmp(r->nexthop, next_hop)) {
                ctl_error(ctx, "duplicate nexthop for the same ECMP route");
                goto out;
            }
            continue;
        }
        if (!may_exist) {
            ctl_error(ctx, "duplicate prefix: %s (policy: %s). Use option "
                      "--ecmp to allow this for ECMP routing.",
                      prefix, policy_s);
            goto out;
        }
        existing = r;
        break;
    }

    /* BFD. */
    const struct nbrec_bfd *bfd = NULL;
    struct shash_node *bfd_node = shash_find(&ctx->options, "--bfd");
    if (bfd_node) {
        if (bfd_node->data) {
            struct uuid uuid;
            if (uuid_from_string(&uuid, bfd_node->data)) {
                bfd = nbrec_bfd_get_for_uuid(ctx->idl, &uuid);
            }
            if (!bfd) {
                ctl_error(ctx, "no entry found in the BFD table");
                goto out;
            }
        } else if (output_port) {
            struct nbrec_bfd *new_bfd = nbrec_bfd_insert(ctx->txn);
            nbrec_bfd_set_dst_ip(new_bfd, next_hop);
            nbrec_bfd_set_logical_port(new_bfd, output_port);
            bfd = new_bfd;
        } else {
            const struct nbrec_bfd *b;
            NBREC_BFD_FOR_EACH (b, ctx->idl) {
                if (!strcmp(b->dst_ip, next_hop)) {
                    bfd = b;
                    break;
                }
            }
            if (!bfd) {
                ctl_error(ctx, "insert entry in the BFD table failed");
                goto out;
            }
        }
    }

    if (existing) {
        nbrec_logical_router_static_route_set_nexthop(existing, next_hop);
        if (output_port) {
            nbrec_logical_router_static_route_set_output_port(existing,
                                                              output_port);
        }
        if (policy) {
            nbrec_logical_router_static_route_set_policy(existing, policy);
        }
        if (bfd) {
            nbrec_logical_router_static_route_set_bfd(existing, bfd);
        }
        goto out;
    }

    struct nbrec_logical_router_static_route *route
        = nbrec_logical_router_static_route_insert(ctx->txn);
    nbrec_logical_router_static_route_set_ip_prefix(route, prefix);
    nbrec_logical_router_static_route_set_nexthop(route, next_hop);
    if (output_port) {
        nbrec_logical_router_static_route_set_output_port(route,
                                                          output_port);
    }
    if (policy) {
        nbrec_logical_router_static_route_set_policy(route, policy);
    }
    if (ecmp_symmetric_reply) {
        const struct smap options = SMAP_CONST1(&options,
                                                "ecmp_symmetric_reply",
                                                "true");
        nbrec_logical_router_static_route_set_options(route, &options);
    }
    if (route_table[0]) {
        nbrec_logical_router_static_route_set_route_table(route,
                                                          route_table);
    }
    if (bfd) {
        nbrec_logical_router_static_route_set_bfd(route, bfd);
    }
    nbrec_logical_router_update_static_routes_addvalue(lr, route);

out:
    free(prefix);
    free(next_hop);
}

/* "[--if-exists] lr-route-del ROUTER [PREFIX [NEXTHOP [PORT]]]". */
static void
nbctl_lr_route_del(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }

    const char *policy = shash_find_data(&ctx->options, "--policy");
    if (policy && strcmp(policy, "dst-ip") && strcmp(policy, "src-ip")) {
        ctl_error(ctx, "bad policy: %s", policy);
        return;
    }
    const char *route_table = shash_find_data(&ctx->options,
                                              "--route-table");
    bool if_exists = shash_find(&ctx->options, "--if-exists") != NULL;

    char *prefix = NULL;
    if (ctx->argc >= 3) {
        prefix = ovn_ctl_normalize_prefix(ctx->argv[2], NULL);
        if (!prefix) {
            ctl_error(ctx, "bad prefix argument: %s", ctx->argv[2]);
            return;
        }
    }

    char *nexthop = NULL;
    if (ctx->argc >= 4) {
        if (!strcmp(ctx->argv[3], "discard")) {
            nexthop = xstrdup("discard");
        } else {
            nexthop = ovn_ctl_normalize_prefix(ctx->argv[3], NULL);
            if (!nexthop) {
                ctl_error(ctx, "bad nexthop argument: %s", ctx->argv[3]);
                free(prefix);
                return;
            }
        }
    }

    const char *port = ctx->argc >= 5 ? ctx->argv[4] : NULL;

    if (ctx->argc == 2) {
        /* Router only: every route goes, whatever its table or policy. */
        for (size_t i = 0; i < lr->n_static_routes; i++) {
            nbrec_logical_router_update_static_routes_delvalue(
                lr, lr->static_routes[i]);
        }
        return;
    }

    size_t n_removed = 0;
    for (size_t i = 0; i < lr->n_static_routes; i++) {
        const struct nbrec_logical_router_static_route *r
            = lr->static_routes[i];

        if (route_table && strcmp(r->route_table, route_table)) {
            continue;
        }
        if (policy && strcmp(route_policy(r), policy)) {
            continue;
        }
        if (prefix) {
            char *rp = ovn_ctl_normalize_prefix(r->ip_prefix, NULL);
            bool match = rp && !strcmp(rp, prefix);
            free(rp);
            if (!match) {
                continue;
            }
        }
        if (nexthop) {
            char *rn = (!strcmp(r->nexthop, "discard")
                        ? xstrdup("discard")
                        : ovn_ctl_normalize_prefix(r->nexthop, NULL));
            bool match = rn && !strcmp(rn, nexthop);
            free(rn);
            if (!match) {
                continue;
            }
        }
        if (port && (!r->output_port || strcmp(r->output_port, port))) {
            continue;
        }
        nbrec_logical_router_update_static_routes_delvalue(lr, r);
        n_removed++;
    }

    if (!n_removed && prefix && !if_exists) {
        ctl_error(ctx, "no matching route: policy '%s', prefix '%s', "
                  "nexthop '%s', output_port '%s'.",
                  policy ? policy : "any", prefix,
                  nexthop ? nexthop : "any", port ? port : "any");
    }
    free(prefix);
    free(nexthop);
}

/* A route prepared for sorting in lr-route-list. */
struct route_item {
    const struct nbrec_logical_router_static_route *route;  /* The route. */
    bool is_v6;                 /* IPv6 prefix? */
    unsigned int plen;          /* Prefix length. */
    struct in6_addr prefix;     /* Prefix (IPv4 mapped into IPv6). */
    struct in6_addr nexthop;    /* Next hop (IPv4 mapped), zero if none. */
};

/* Parses 's' ("IP[/PLEN]") into a mapped IPv6 address and prefix length.
 */
static bool
parse_mapped(const char *s, struct in6_addr *addr, unsigned int *plen,
             bool *is_v6)
{
    ovs_be32 ip;
    char *error = ip_parse_cidr(s, &ip, plen);
    if (!error) {
        in6_addr_set_mapped_ipv4(addr, ip);
        *is_v6 = false;
        return true;
    }
    free(error);
    error = ipv6_parse_cidr(s, addr, plen);
    if (!error) {
        *is_v6 = true;
        return true;
    }
    free(error);
    return false;
}

/* Orders routes by table (main first), descending prefix length, policy,
 * prefix and next hop. */
static int
compare_route_items(const void *a_, const void *b_)
{
    const struct route_item *a = a_;
    const struct route_item *b = b_;
    int cmp = strcmp(a->route->route_table, b->route->route_table);
    if (cmp) {
        return cmp;
    }
    if (a->plen != b->plen) {
        return a->plen > b->plen ? -1 : 1;
    }
    cmp = strcmp(route_policy(a->route), route_policy(b->route));
    if (cmp) {
        return cmp;
    }
    cmp = memcmp(&a->prefix, &b->prefix, sizeof a->prefix);
    if (cmp) {
        return cmp;
    }
    cmp = memcmp(&a->nexthop, &b->nexthop, sizeof a->nexthop);
    if (cmp) {
        return cmp;
    }
    return strcmp(a->route->nexthop, b->route->nexthop);
}

/* Returns true if another route in 'items' of the same table has the same
 * prefix and policy as items[i]. */
static bool
route_is_ecmp(const struct route_item *items, size_t n, size_t i)
{
    for (size_t j = 0; j < n; j++) {
        if (j != i
            && !strcmp(items[j].route->route_table,
                       items[i].route->route_table)
            && items[j].plen == items[i].plen
            && ipv6_addr_equals(&items[j].prefix, &items[i].prefix)
            && !strcmp(route_policy(items[j].route),
                       route_policy(items[i].route))) {
            return true;
        }
    }
    return false;
}

/* Prints the routes of one family for lr-route-list. */
static void
print_routes(struct ds *s, struct route_item *items, size_t n,
             const char *title)
{
    if (!n) {
        return;
    }
    ds_put_format(s, "%s\n", title);
    const char *table = NULL;
    for (size_t i = 0; i < n; i++) {
        const struct nbrec_logical_router_static_route *r = items[i].route;
        if (!table || strcmp(table, r->route_table)) {
            if (table) {
                ds_put_char(s, '\n');
            }
            table = r->route_table;
            ds_put_format(s, "Route Table %s:\n",
                          table[0] ? table : "<main>");
        }
        ds_put_format(s, "%25s %25s", r->ip_prefix, r->nexthop);
        ds_put_format(s, " %s", route_policy(r));
        if (r->output_port) {
            ds_put_format(s, " %s", r->output_port);
        }
        if (route_is_ecmp(items, n, i)) {
            ds_put_cstr(s, " ecmp");
        }
        if (smap_get_bool(&r->options, "ecmp_symmetric_reply", false)) {
            ds_put_cstr(s, " ecmp-symmetric-reply");
        }
        if (r->bfd) {
            ds_put_cstr(s, " bfd");
        }
        ds_put_char(s, '\n');
    }
}

/* "[--route-table=TABLE] lr-route-list ROUTER". */
static void
nbctl_lr_route_list(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }
    const char *route_table = shash_find_data(&ctx->options,
                                              "--route-table");

    struct route_item *v4 = xcalloc(lr->n_static_routes + 1, sizeof *v4);
    struct route_item *v6 = xcalloc(lr->n_static_routes + 1, sizeof *v6);
    size_t n_v4 = 0, n_v6 = 0;
    for (size_t i = 0; i < lr->n_static_routes; i++) {
        const struct nbrec_logical_router_static_route *r
            = lr->static_routes[i];
        if (route_table && strcmp(r->route_table, route_table)) {
            continue;
        }
        struct route_item item = { .route = r };
        if (!parse_mapped(r->ip_prefix, &item.prefix, &item.plen,
                          &item.is_v6)) {
            continue;
        }
        unsigned int nh_plen;
        bool nh_v6;
        if (!parse_mapped(r->nexthop, &item.nexthop, &nh_plen, &nh_v6)) {
            memset(&item.nexthop, 0xff, sizeof item.nexthop);
        }
        if (item.is_v6) {
            v6[n_v6++] = item;
        } else {
            v4[n_v4++] = item;
        }
    }
    qsort(v4, n_v4, sizeof *v4, compare_route_items);
    qsort(v6, n_v6, sizeof *v6, compare_route_items);

    print_routes(&ctx->output, v4, n_v4, "IPv4 Routes");
    if (n_v4 && n_v6) {
        ds_put_char(&ctx->output, '\n');
    }
    print_routes(&ctx->output, v6, n_v6, "IPv6 Routes");
    free(v4);
    free(v6);
}

/* "[--may-exist] lr-policy-add ROUTER PRIORITY MATCH ACTION [NEXTHOP[,...]]
 * [KEY=VALUE...]". */
static void
nbctl_lr_policy_add(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }

    int64_t priority;
    if (nbctl_fail(ctx, nbctl_parse_priority(ctx->argv[2], &priority))) {
        return;
    }

    const char *match = ctx->argv[3];
    const char *action = ctx->argv[4];
    bool reroute = !strcmp(action, "reroute");
    if (!reroute && strcmp(action, "allow") && strcmp(action, "drop")) {
        ctl_error(ctx, "%s: action must be one of \"allow\", \"drop\", "
                  "and \"reroute\"", action);
        return;
    }

    int next = 5;
    char **nexthops = NULL;
    size_t n_nexthops = 0;
    if (reroute) {
        if (ctx->argc < 6) {
            ctl_error(ctx, "Nexthop is required when action is reroute.");
            return;
        }
        char *copy = xstrdup(ctx->argv[5]);
        char *save = NULL;
        bool first_v6 = false;
        for (char *tok = strtok_r(copy, ",", &save); tok;
             tok = strtok_r(NULL, ",", &save)) {
            bool is_v6;
            char *nh = ovn_ctl_normalize_ip(tok, &is_v6);
            if (!nh) {
                ctl_error(ctx, "bad next hop argument: %s", ctx->argv[5]);
                goto fail;
            }
            if (n_nexthops && is_v6 != first_v6) {
                free(nh);
                ctl_error(ctx, "bad next hops argument, not in the same "
                          "addr family : %s", ctx->argv[5]);
                goto fail;
            }
            first_v6 = is_v6;
            nexthops = xrealloc(nexthops, (n_nexthops + 1) * sizeof *nexthops);
            nexthops[n_nexthops++] = nh;
        }
        free(copy);
        next = 6;
        goto parsed;
    fail:
        free(copy);
        for (size_t i = 0; i < n_nexthops; i++) {
            free(nexthops[i]);
        }
        free(nexthops);
        return;
    }
parsed: ;

    struct smap options = SMAP_INITIALIZER(&options);
    for (int i = next; i < ctx->argc; i++) {
        char *key, *value;
        value = xstrdup(ctx->argv[i]);
        key = strsep(&value, "=");
        if (value && value[0]) {
            smap_add(&options, key, value);
        } else {
            ctl_error(ctx, "No value specified for the option : %s", key);
            free(key);
            smap_destroy(&options);
            goto out;
        }
        free(key);
    }

    for (size_t i = 0; i < lr->n_policies; i++) {
        const struct nbrec_logical_router_policy *p = lr->policies[i];
        if (p->priority == priority && !strcmp(p->match, match)) {
            if (!shash_find(&ctx->options, "--may-exist")) {
                ctl_error(ctx, "Same routing policy already existed on the "
                          "logical router %s.", ctx->argv[1]);
            }
            smap_destroy(&options);
            goto out;
        }
    }

    struct nbrec_logical_router_policy *policy
        = nbrec_logical_router_policy_insert(ctx->txn);
    nbrec_logical_router_policy_set_priority(policy, priority);
    nbrec_logical_router_policy_set_match(policy, match);
    nbrec_logical_router_policy_set_action(policy, action);
    if (reroute) {
        nbrec_logical_router_policy_set_nexthops(
            policy, (const char **) nexthops, n_nexthops);
    }
    nbrec_logical_router_policy_set_options(policy, &options);
    smap_destroy(&options);
    nbrec_logical_router_update_policies_addvalue(lr, policy);

out:
    for (size_t i = 0; i < n_nexthops; i++) {
        free(nexthops[i]);
    }
    free(nexthops);
}

/* "[--if-exists] lr-policy-del ROUTER [{PRIORITY | UUID} [MATCH]]". */
static void
nbctl_lr_policy_del(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }

    if (ctx->argc == 2) {
        for (size_t i = 0; i < lr->n_policies; i++) {
            nbrec_logical_router_update_policies_delvalue(lr,
                                                          lr->policies[i]);
        }
        return;
    }

    struct uuid uuid;
    if (uuid_from_string(&uuid, ctx->argv[2])) {
        for (size_t i = 0; i < lr->n_policies; i++) {
            if (uuid_equals(&uuid, &lr->policies[i]->header_.uuid)) {
                nbrec_logical_router_update_policies_delvalue(
                    lr, lr->policies[i]);
                return;
            }
        }
        if (!shash_find(&ctx->options, "--if-exists")) {
            ctl_error(ctx, "Logical router policy uuid is not found.");
        }
        return;
    }

    int64_t priority;
    if (nbctl_fail(ctx, nbctl_parse_priority(ctx->argv[2], &priority))) {
        return;
    }
    const char *match = ctx->argc == 4 ? ctx->argv[3] : NULL;
    for (size_t i = 0; i < lr->n_policies; i++) {
        const struct nbrec_logical_router_policy *p = lr->policies[i];
        if (p->priority == priority && (!match || !strcmp(p->match, match))) {
            nbrec_logical_router_update_policies_delvalue(lr, p);
        }
    }
}

/* Orders routing policies by descending priority, then match. */
static int
compare_policies(const void *a_, const void *b_)
{
    const struct nbrec_logical_router_policy *const *ap = a_;
    const struct nbrec_logical_router_policy *const *bp = b_;
    const struct nbrec_logical_router_policy *a = *ap, *b = *bp;
    if (a->priority != b->priority) {
        return a->priority > b->priority ? -1 : 1;
    }
    return strcmp(a->match, b->match);
}

/* "lr-policy-list ROUTER". */
static void
nbctl_lr_policy_list(struct ctl_context *ctx)
{
    const struct nbrec_logical_router *lr;
    if (nbctl_fail(ctx, nbctl_lr_lookup(ctx, ctx->argv[1], true, &lr))) {
        return;
    }
    if (!lr->n_policies) {
        return;
    }

    const struct nbrec_logical_router_policy **policies
        = xmemdup(lr->policies, lr->n_policies * sizeof *policies);
    qsort(policies, lr->n_policies, sizeof *policies, compare_policies);

    struct ds *s = &ctx->output;
    ds_put_cstr(s, "Routing Policies\n");
    for (size_t i = 0; i < lr->n_policies; i++) {
        const struct nbrec_logical_router_policy *p = policies[i];
        ds_put_format(s, "%10"PRId64" %50s %15s", p->priority, p->match,
                      p->action);
        for (size_t j = 0; j < p->n_nexthops; j++) {
            ds_put_format(s, j ? ", %s" : " %25s", p->nexthops[j]);
        }
        if (!p->n_nexthops && p->nexthop) {
            ds_put_format(s, " %25s", p->nexthop);
        }
        if (!smap_is_empty(&p->options)) {
            ds_put_format(s, "%15s", "");
            const struct smap_node **nodes = smap_sort(&p->options);
            for (size_t j = 0; j < smap_count(&p->options); j++) {
                ds_put_format(s, "%s%s=%s", j ? "," : "",
                              nodes[j]->key, nodes[j]->value);
            }
            free(nodes);
        }
        ds_put_char(s, '\n');
    }
    free(policies);
}

static const struct ctl_command_syntax route_commands[] = {
    { "lr-route-add", 3, 4, "ROUTER PREFIX NEXTHOP [PORT]", NULL,
      nbctl_lr_route_add, NULL,
      "--may-exist,--ecmp,--ecmp-symmetric-reply,--policy=,"
      "--route-table=,--bfd?", RW },
    { "lr-route-del", 1, 4, "ROUTER [PREFIX [NEXTHOP [PORT]]]", NULL,
      nbctl_lr_route_del, NULL, "--if-exists,--policy=,--route-table=", RW },
    { "lr-route-list", 1, 1, "ROUTER", NULL, nbctl_lr_route_list, NULL,
      "--route-table=", RO },
    { "lr-policy-add", 4, INT_MAX,
      "ROUTER PRIORITY MATCH ACTION [NEXTHOP] [OPTIONS - KEY=VALUE ...]",
      NULL, nbctl_lr_policy_add, NULL, "--may-exist", RW },
    { "lr-policy-del", 1, 3, "ROUTER [{PRIORITY | UUID} [MATCH]]", NULL,
      nbctl_lr_policy_del, NULL, "--if-exists", RW },
    { "lr-policy-list", 1, 1, "ROUTER", NULL, nbctl_lr_policy_list, NULL,
      "", RO },
    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

void
nbctl_route_register(void)
{
    ctl_register_commands(route_commands);
}
