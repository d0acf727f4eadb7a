/*
 * Logical-flow actions: "name = value" options of put_dhcp_opts,
 * put_dhcpv6_opts, put_nd_ra_opts, log, trigger_event, fwd_group, sample,
 * commit_ecmp_nh and commit_lb_aff: validation and wire encoding.
 */
#include <config.h>
#include "lib/ovn-actions.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "lib/ovn-actions-private.h"
#include "lib/ovn-lex.h"
#include "lib/ovn-pinctrl-ops.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "ovs-thread.h"
#include "packets.h"
#include "util.h"

/* Built-in DHCPv4 options (OVN 23.03's DHCP_Options rows). */
static const struct ovn_dhcp_opt_def dhcpv4_defs[] = {
    { "offerip", 0, "ipv4" },
    { "netmask", 1, "ipv4" },
    { "router", 3, "ipv4" },
    { "dns_server", 6, "ipv4" },
    { "log_server", 7, "ipv4" },
    { "lpr_server", 9, "ipv4" },
    { "hostname", 12, "str" },
    { "domain_name", 15, "str" },
    { "swap_server", 16, "ipv4" },
    { "ip_forward_enable", 19, "bool" },
    { "policy_filter", 21, "ipv4" },
    { "default_ttl", 23, "uint8" },
    { "mtu", 26, "uint16" },
    { "broadcast_address", 28, "ipv4" },
    { "router_discovery", 31, "bool" },
    { "router_solicitation", 32, "ipv4" },
    { "arp_cache_timeout", 35, "uint32" },
    { "ethernet_encap", 36, "bool" },
    { "tcp_ttl", 37, "uint8" },
    { "tcp_keepalive_interval", 38, "uint32" },
    { "nis_server", 41, "ipv4" },
    { "ntp_server", 42, "ipv4" },
    { "netbios_name_server", 44, "ipv4" },
    { "netbios_node_type", 46, "uint8" },
    { "lease_time", 51, "uint32" },
    { "server_id", 54, "ipv4" },
    { "T1", 58, "uint32" },
    { "T2", 59, "uint32" },
    { "tftp_server", 66, "host_id" },
    { "bootfile_name", 67, "str" },
    { "domain_search_list", 119, "domains" },
    { "classless_static_route", 121, "static_routes" },
    { "tftp_server_address", 150, "ipv4" },
    { "path_prefix", 210, "str" },
    { "ms_classless_static_route", 249, "static_routes" },
    { "wpad", 252, "str" },
    { "next_server", 253, "ipv4" },
    { "bootfile_name_alt", 254, "str" },
};

/* Built-in DHCPv6 options (OVN 23.03's DHCPv6_Options rows). */
static const struct ovn_dhcp_opt_def dhcpv6_defs[] = {
    { "server_id", 2, "mac" },
    { "ia_addr", 5, "ipv6" },
    { "dns_server", 23, "ipv6" },
    { "domain_search", 24, "str" },
    { "fqdn", 39, "str" },
    { "bootfile_name", 59, "str" },
    { "dhcpv6_stateless", 254, "str" },
};

/* Returns a shash of 'n' 'defs' built once into '*map'. */
static const struct shash *
build_defs(struct shash *map, const struct ovn_dhcp_opt_def *defs, size_t n)
{
    shash_init(map);
    for (size_t i = 0; i < n; i++) {
        shash_add(map, defs[i].name, &defs[i]);
    }
    return map;
}

/* See lib/ovn-actions.h. */
const struct shash *
ovn_dhcp_opts_default(void)
{
    static struct ovsthread_once once = OVSTHREAD_ONCE_INITIALIZER;
    static struct shash map;
    if (ovsthread_once_start(&once)) {
        build_defs(&map, dhcpv4_defs, ARRAY_SIZE(dhcpv4_defs));
        ovsthread_once_done(&once);
    }
    return &map;
}

/* See lib/ovn-actions.h. */
const struct shash *
ovn_dhcpv6_opts_default(void)
{
    static struct ovsthread_once once = OVSTHREAD_ONCE_INITIALIZER;
    static struct shash map;
    if (ovsthread_once_start(&once)) {
        build_defs(&map, dhcpv6_defs, ARRAY_SIZE(dhcpv6_defs));
        ovsthread_once_done(&once);
    }
    return &map;
}

/* Helpers. --------------------------------------------------------------- */

/* See lib/ovn-actions-private.h. */
void
format_string_token(const char *s, struct ds *out)
{
    ds_put_char(out, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') {
            ds_put_char(out, '\\');
        }
        ds_put_char(out, *s);
    }
    ds_put_char(out, '"');
}

/* See lib/ovn-actions-private.h. */
void
ovnact_opt_value_destroy(struct ovnact_opt_value *v)
{
    for (size_t i = 0; i < v->n; i++) {
        free(v->toks[i].s);
    }
    v->n = 0;
}

/* See lib/ovn-actions-private.h. */
const struct ovnact_opt *
ovnact_find_opt(const struct ovn_action *act, const char *name)
{
    for (size_t i = 0; i < act->n_opts; i++) {
        if (!strcmp(act->opts[i].name, name)) {
            return &act->opts[i];
        }
    }
    return NULL;
}

/* Returns true if 't' is an integer written as 'format'. */
static bool
tok_is(const struct ovnact_opt_token *t, enum ovn_lex_format format)
{
    return t->type == OVN_LEX_T_INTEGER && t->format == format;
}

/* Returns true if 't' is a plain (decimal or hex) integer. */
static bool
tok_is_int(const struct ovnact_opt_token *t)
{
    return (tok_is(t, OVN_LEX_F_DECIMAL)
            || tok_is(t, OVN_LEX_F_HEXADECIMAL));
}

/* Returns the string of a STRING or ID token, or NULL. */
static const char *
tok_string(const struct ovnact_opt_token *t)
{
    return (t->type == OVN_LEX_T_STRING || t->type == OVN_LEX_T_ID
            ? t->s : NULL);
}

/* Appends to 'b' the RFC 1035 encoding of the comma-separated domain names
 * in 'names'.  Returns NULL or a malloc'd error. */
static char *
put_domain_names(struct ofpbuf *b, const char *names)
{
    char *copy = xstrdup(names);
    char *save = NULL;
    char *error = NULL;

    for (char *name = strtok_r(copy, ", ", &save); name;
         name = strtok_r(NULL, ", ", &save)) {
        char *save2 = NULL;
        for (char *label = strtok_r(name, ".", &save2); label;
             label = strtok_r(NULL, ".", &save2)) {
            size_t len = strlen(label);
            if (len > 63) {
                error = xasprintf("domain label \"%s\" is longer than 63 "
                                  "bytes", label);
                goto exit;
            }
            uint8_t l = len;
            ofpbuf_put(b, &l, 1);
            ofpbuf_put(b, label, len);
        }
        uint8_t zero = 0;
        ofpbuf_put(b, &zero, 1);
    }
exit:
    free(copy);
    return error;
}

/* Stores 'b' into 'opt' as a TLV with an 8-bit ('wide' false) or 16-bit
 * code and length. */
static char *
finish_tlv(struct ovnact_opt *opt, int code, struct ofpbuf *b, bool wide)
{
    struct ofpbuf tlv;
    char *error = NULL;

    ofpbuf_init(&tlv, b->size + 4);
    if (wide) {
        if (b->size > 65535) {
            error = xasprintf("option %s is too long", opt->name);
        }
        ovs_be16 hdr[2] = { htons(code), htons(b->size) };
        ofpbuf_put(&tlv, hdr, sizeof hdr);
    } else {
        if (b->size > 255) {
            error = xasprintf("option %s is too long (%"PRIu32" bytes, at "
                              "most 255)", opt->name, b->size);
        }
        uint8_t hdr[2] = { code, b->size };
        ofpbuf_put(&tlv, hdr, sizeof hdr);
    }
    ofpbuf_put(&tlv, b->data, b->size);
    ofpbuf_uninit(b);
    if (error) {
        ofpbuf_uninit(&tlv);
        return error;
    }
    free(opt->data);
    opt->size = tlv.size;
    opt->data = ofpbuf_steal_data(&tlv);
    opt->code = code;
    return NULL;
}

/* Looks up DHCP option 'opt' in 'table' or 'defaults'. */
static const struct ovn_dhcp_opt_def *
find_dhcp_def(const struct shash *table, const struct shash *defaults,
              const char *name)
{
    return shash_find_data(table ? table : defaults, name);
}

/* DHCPv4. ---------------------------------------------------------------- */

/* See lib/ovn-actions-private.h. */
char *
ovnact_check_dhcpv4_opt(const struct ovnact_parse_params *pp,
                        struct ovn_action *act OVS_UNUSED,
                        struct ovnact_opt *opt,
                        const struct ovnact_opt_value *v)
{
    const struct ovn_dhcp_opt_def *def
        = find_dhcp_def(pp->dhcp_opts, ovn_dhcp_opts_default(), opt->name);
    struct ofpbuf b;

    if (!def) {
        return xasprintf("unknown DHCP option %s", opt->name);
    }
    ofpbuf_init(&b, 16);
    const char *type = def->type;
    if (!strcmp(type, "ipv4")) {
        for (size_t i = 0; i < v->n; i++) {
            if (!tok_is(&v->toks[i], OVN_LEX_F_IPV4)) {
                goto bad_type;
            }
            ovs_be32 ip = htonl(v->toks[i].value.u64.lo);
            ofpbuf_put(&b, &ip, 4);
        }
        if (def->code == 0 && v->n != 1) {
            ofpbuf_uninit(&b);
            return xstrdup("offerip takes exactly one address");
        }
    } else if (!strcmp(type, "static_routes")) {
        if (v->n % 2) {
            ofpbuf_uninit(&b);
            return xasprintf("%s needs destination, gateway pairs",
                             opt->name);
        }
        for (size_t i = 0; i < v->n; i += 2) {
            const struct ovnact_opt_token *dst = &v->toks[i];
            const struct ovnact_opt_token *gw = &v->toks[i + 1];
            int plen = 32;

            if (dst->format != OVN_LEX_F_IPV4
                || !tok_is(gw, OVN_LEX_F_IPV4)) {
                goto bad_type;
            }
            if (dst->type == OVN_LEX_T_MASKED_INTEGER) {
                ovs_be32 mask = htonl(dst->mask.u64.lo);
                if (!ip_is_cidr(mask)) {
                    ofpbuf_uninit(&b);
                    return xasprintf("%s: destination mask is not a CIDR "
                                     "prefix", opt->name);
                }
                plen = ip_count_cidr_bits(mask);
            }
            uint8_t width = plen;
            ovs_be32 net = htonl(dst->value.u64.lo);
            ovs_be32 gwip = htonl(gw->value.u64.lo);
            ofpbuf_put(&b, &width, 1);
            ofpbuf_put(&b, &net, DIV_ROUND_UP(plen, 8));
            ofpbuf_put(&b, &gwip, 4);
        }
    } else if (!strcmp(type, "bool") || !strcmp(type, "uint8")
               || !strcmp(type, "uint16") || !strcmp(type, "uint32")) {
        int bytes = (!strcmp(type, "uint16") ? 2
                     : !strcmp(type, "uint32") ? 4 : 1);
        const struct ovnact_opt_token *t = &v->toks[0];
        uint64_t x;

        if (v->n != 1) {
            goto bad_type;
        }
        if (!strcmp(type, "bool") && tok_string(t)
            && (!strcmp(t->s, "true") || !strcmp(t->s, "false"))) {
            x = !strcmp(t->s, "true");
        } else if (tok_is_int(t) && !t->value.u64.hi) {
            x = t->value.u64.lo;
        } else {
            goto bad_type;
        }
        uint64_t max = (!strcmp(type, "bool") ? 1
                        : bytes == 4 ? UINT32_MAX : (1u << (bytes * 8)) - 1);
        if (x > max) {
            ofpbuf_uninit(&b);
            return xasprintf("%s: value %"PRIu64" out of range 0 to "
                             "%"PRIu64, opt->name, x, max);
        }
        for (int i = bytes - 1; i >= 0; i--) {
            uint8_t byte = x >> (8 * i);
            ofpbuf_put(&b, &byte, 1);
        }
    } else if (!strcmp(type, "str") || !strcmp(type, "host_id")) {
        if (v->n != 1) {
            goto bad_type;
        }
        if (v->toks[0].type == OVN_LEX_T_STRING) {
            ofpbuf_put(&b, v->toks[0].s, strlen(v->toks[0].s));
        } else if (!strcmp(type, "host_id")
                   && tok_is(&v->toks[0], OVN_LEX_F_IPV4)) {
            ovs_be32 ip = htonl(v->toks[0].value.u64.lo);
            ofpbuf_put(&b, &ip, 4);
        } else {
            goto bad_type;
        }
    } else if (!strcmp(type, "domains")) {
        if (v->n != 1 || v->toks[0].type != OVN_LEX_T_STRING) {
            goto bad_type;
        }
        char *error = put_domain_names(&b, v->toks[0].s);
        if (error) {
            ofpbuf_uninit(&b);
            return error;
        }
    } else {
        ofpbuf_uninit(&b);
        return xasprintf("DHCP option %s has unsupported type %s",
                         opt->name, type);
    }
    return finish_tlv(opt, def->code, &b, false);

bad_type:
    ofpbuf_uninit(&b);
    return xasprintf("DHCP option %s requires a value of type %s",
                     opt->name, type);
}

/* DHCPv6. ---------------------------------------------------------------- */

/* See lib/ovn-actions-private.h. */
char *
ovnact_check_dhcpv6_opt(const struct ovnact_parse_params *pp,
                        struct ovn_action *act OVS_UNUSED,
                        struct ovnact_opt *opt,
                        const struct ovnact_opt_value *v)
{
    const struct ovn_dhcp_opt_def *def
        = find_dhcp_def(pp->dhcpv6_opts, ovn_dhcpv6_opts_default(),
                        opt->name);
    struct ofpbuf b;
    int code;

    if (!def) {
        return xasprintf("unknown DHCPv6 option %s", opt->name);
    }
    code = def->code;
    ofpbuf_init(&b, 16);
    if (!strcmp(def->type, "ipv6")) {
        for (size_t i = 0; i < v->n; i++) {
            if (!tok_is(&v->toks[i], OVN_LEX_F_IPV6)) {
                goto bad_type;
            }
            ovs_be128 ip = hton128(v->toks[i].value);
            ofpbuf_put(&b, &ip, 16);
        }
        if (!strcmp(opt->name, "ia_addr") && v->n != 1) {
            ofpbuf_uninit(&b);
            return xstrdup("ia_addr takes exactly one address");
        }
    } else if (!strcmp(def->type, "mac")) {
        if (v->n != 1 || !tok_is(&v->toks[0], OVN_LEX_F_ETHERNET)) {
            goto bad_type;
        }
        ovs_be16 duid[2] = { htons(3), htons(1) };
        ovs_be64 mac = htonll(v->toks[0].value.u64.lo);
        ofpbuf_put(&b, duid, sizeof duid);
        ofpbuf_put(&b, (uint8_t *) &mac + 2, 6);
    } else if (!strcmp(def->type, "str")) {
        if (v->n != 1 || v->toks[0].type != OVN_LEX_T_STRING) {
            goto bad_type;
        }
        const char *s = v->toks[0].s;
        if (!strcmp(opt->name, "dhcpv6_stateless")) {
            ofpbuf_uninit(&b);
            if (strcmp(s, "true") && strcmp(s, "false")) {
                return xstrdup("dhcpv6_stateless must be \"true\" or "
                               "\"false\"");
            }
            ofpbuf_init(&b, 0);
            if (!strcmp(s, "false")) {
                /* Nothing to tell the handler. */
                opt->code = def->code;
                ofpbuf_uninit(&b);
                return NULL;
            }
            code = OVN_PINCTRL_DHCPV6_STATELESS;
        } else if (code == 24) {
            char *error = put_domain_names(&b, s);
            if (error) {
                ofpbuf_uninit(&b);
                return error;
            }
        } else if (code == 39) {
            uint8_t flags = 0;
            ofpbuf_put(&b, &flags, 1);
            char *error = put_domain_names(&b, s);
            if (error) {
                ofpbuf_uninit(&b);
                return error;
            }
        } else {
            ofpbuf_put(&b, s, strlen(s));
        }
    } else {
        ofpbuf_uninit(&b);
        return xasprintf("DHCPv6 option %s has unsupported type %s",
                         opt->name, def->type);
    }
    return finish_tlv(opt, code, &b, true);

bad_type:
    ofpbuf_uninit(&b);
    return xasprintf("DHCPv6 option %s requires a value of type %s",
                     opt->name, def->type);
}

/* ND router advertisement. ----------------------------------------------- */

/* See lib/ovn-actions-private.h. */
char *
ovnact_check_nd_ra_opt(const struct ovnact_parse_params *pp OVS_UNUSED,
                       struct ovn_action *act OVS_UNUSED,
                       struct ovnact_opt *opt,
                       const struct ovnact_opt_value *v)
{
    const struct ovnact_opt_token *t = &v->toks[0];
    const char *name = opt->name;
    struct ofpbuf b;
    int code;

    ofpbuf_init(&b, 16);
    if (!strcmp(name, "addr_mode")) {
        static const char *modes[] = { "slaac", "dhcpv6_stateful",
                                       "dhcpv6_stateless" };
        uint8_t mode = 0xff;
        for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
            if (v->n == 1 && t->type == OVN_LEX_T_STRING
                && !strcmp(t->s, modes[i])) {
                mode = i;
            }
        }
        if (mode == 0xff) {
            ofpbuf_uninit(&b);
            return xstrdup("addr_mode must be \"slaac\", "
                           "\"dhcpv6_stateful\" or \"dhcpv6_stateless\"");
        }
        code = OVN_PINCTRL_RA_ADDR_MODE;
        ofpbuf_put(&b, &mode, 1);
    } else if (!strcmp(name, "router_preference")) {
        uint8_t prf;
        if (v->n != 1 || t->type != OVN_LEX_T_STRING) {
            goto bad;
        } else if (!strcmp(t->s, "HIGH")) {
            prf = 1;
        } else if (!strcmp(t->s, "MEDIUM")) {
            prf = 0;
        } else if (!strcmp(t->s, "LOW")) {
            prf = 3;
        } else {
            goto bad;
        }
        code = OVN_PINCTRL_RA_PRF;
        ofpbuf_put(&b, &prf, 1);
    } else if (!strcmp(name, "slla")) {
        if (v->n != 1 || !tok_is(t, OVN_LEX_F_ETHERNET)) {
            goto bad;
        }
        ovs_be64 mac = htonll(t->value.u64.lo);
        code = 1;
        ofpbuf_put(&b, (uint8_t *) &mac + 2, 6);
    } else if (!strcmp(name, "mtu")) {
        if (v->n != 1 || !tok_is_int(t) || t->value.u64.hi
            || t->value.u64.lo > UINT32_MAX) {
            goto bad;
        }
        ovs_be32 mtu = htonl(t->value.u64.lo);
        code = 5;
        ofpbuf_put(&b, &mtu, 4);
    } else if (!strcmp(name, "prefix")) {
        if (v->n != 1 || t->type != OVN_LEX_T_MASKED_INTEGER
            || t->format != OVN_LEX_F_IPV6) {
            goto bad;
        }
        ovs_be128 mask = hton128(t->mask);
        struct in6_addr m;
        memcpy(&m, &mask, sizeof m);
        if (!ipv6_is_cidr(&m)) {
            goto bad;
        }
        uint8_t plen = ipv6_count_cidr_bits(&m);
        ovs_be128 prefix = hton128(t->value);
        code = 3;
        ofpbuf_put(&b, &plen, 1);
        ofpbuf_put(&b, &prefix, 16);
    } else if (!strcmp(name, "rdnss")) {
        for (size_t i = 0; i < v->n; i++) {
            if (!tok_is(&v->toks[i], OVN_LEX_F_IPV6)) {
                goto bad;
            }
            ovs_be128 ip = hton128(v->toks[i].value);
            ofpbuf_put(&b, &ip, 16);
        }
        code = 25;
    } else if (!strcmp(name, "dnssl") || !strcmp(name, "route_info")) {
        if (v->n != 1 || t->type != OVN_LEX_T_STRING) {
            goto bad;
        }
        code = !strcmp(name, "dnssl") ? 31 : 24;
        ofpbuf_put(&b, t->s, strlen(t->s));
    } else {
        ofpbuf_uninit(&b);
        return xasprintf("unknown option %s", name);
    }
    return finish_tlv(opt, code, &b, false);

bad:
    ofpbuf_uninit(&b);
    return xasprintf("invalid value for option %s", name);
}

/* Simple option checks. -------------------------------------------------- */

/* Returns an error unless 'v' is a single token of type 'type'. */
static char *
expect_single(const struct ovnact_opt *opt, const struct ovnact_opt_value *v,
              enum ovn_lex_type type, const char *what)
{
    if (v->n != 1 || v->toks[0].type != type) {
        return xasprintf("%s requires %s", opt->name, what);
    }
    return NULL;
}

/* Stores a small integer option value in 'opt->code', checking 'max'. */
static char *
int_option(struct ovnact_opt *opt, const struct ovnact_opt_value *v,
           uint64_t min, uint64_t max)
{
    const struct ovnact_opt_token *t = &v->toks[0];
    if (v->n != 1 || !tok_is_int(t) || t->value.u64.hi
        || t->value.u64.lo < min || t->value.u64.lo > max) {
        return xasprintf("%s requires an integer in range %"PRIu64" to "
                         "%"PRIu64, opt->name, min, max);
    }
    opt->code = t->value.u64.lo;
    return NULL;
}

/* Returns the index of 's' in the NULL-terminated 'words', or -1. */
static int
word_index(const char *s, const char *const *words)
{
    for (int i = 0; words[i]; i++) {
        if (!strcmp(s, words[i])) {
            return i;
        }
    }
    return -1;
}

/* See lib/ovn-actions-private.h. */
char *
ovnact_check_log_opt(const struct ovnact_parse_params *pp OVS_UNUSED,
                     struct ovn_action *act OVS_UNUSED,
                     struct ovnact_opt *opt,
                     const struct ovnact_opt_value *v)
{
    static const char *const severities[] = {
        "alert", "warning", "notice", "info", "debug", NULL
    };
    static const int sev_codes[] = {
        OVN_PINCTRL_LOG_SEV_ALERT, OVN_PINCTRL_LOG_SEV_WARNING,
        OVN_PINCTRL_LOG_SEV_NOTICE, OVN_PINCTRL_LOG_SEV_INFO,
        OVN_PINCTRL_LOG_SEV_DEBUG,
    };
    static const char *const verdicts[] = {
        "allow", "deny", "reject", "drop", NULL
    };
    const char *s = v->n == 1 ? tok_string(&v->toks[0]) : NULL;

    if (!strcmp(opt->name, "name") || !strcmp(opt->name, "meter")) {
        char *error = expect_single(opt, v, OVN_LEX_T_STRING, "a string");
        if (!error && !strcmp(opt->name, "name") && strlen(s) > 64) {
            error = xstrdup("name is longer than 64 bytes");
        }
        return error;
    } else if (!strcmp(opt->name, "severity")) {
        int i = s ? word_index(s, severities) : -1;
        if (i < 0) {
            return xstrdup("severity must be one of alert, warning, notice, "
                           "info, debug");
        }
        opt->code = sev_codes[i];
        return NULL;
    } else if (!strcmp(opt->name, "verdict")) {
        int i = s ? word_index(s, verdicts) : -1;
        if (i < 0) {
            return xstrdup("verdict must be one of allow, deny, reject");
        }
        opt->code = (i == 0 ? OVN_PINCTRL_LOG_VERDICT_ALLOW
                     : i == 2 ? OVN_PINCTRL_LOG_VERDICT_REJECT
                     : OVN_PINCTRL_LOG_VERDICT_DROP);
        return NULL;
    }
    return xasprintf("unknown option %s", opt->name);
}

/* Option names of trigger_event's empty_lb_backends event. */
static const char *const elb_opts[] = {
    "vip", "protocol", "load_balancer", NULL
};

/* See lib/ovn-actions-private.h. */
char *
ovnact_check_event_opt(const struct ovnact_parse_params *pp OVS_UNUSED,
                       struct ovn_action *act OVS_UNUSED,
                       struct ovnact_opt *opt,
                       const struct ovnact_opt_value *v)
{
    char *error = expect_single(opt, v, OVN_LEX_T_STRING, "a string");
    if (error) {
        return error;
    }
    if (!strcmp(opt->name, "event")) {
        if (strcmp(v->toks[0].s, "empty_lb_backends")) {
            return xasprintf("unknown event \"%s\"", v->toks[0].s);
        }
        opt->code = OVN_PINCTRL_EVENT_EMPTY_LB_BACKENDS;
        return NULL;
    } else if (!strcmp(opt->name, "meter")) {
        return NULL;
    }
    int i = word_index(opt->name, elb_opts);
    if (i < 0) {
        return xasprintf("unknown option %s", opt->name);
    }
    opt->code = i;
    return NULL;
}

/* See lib/ovn-actions-private.h. */
char *
ovnact_check_fwd_group_opt(const struct ovnact_parse_params *pp OVS_UNUSED,
                           struct ovn_action *act OVS_UNUSED,
                           struct ovnact_opt *opt,
                           const struct ovnact_opt_value *v)
{
    if (!strcmp(opt->name, "liveness")) {
        const char *s = v->n == 1 ? tok_string(&v->toks[0]) : NULL;
        if (!s || (strcmp(s, "true") && strcmp(s, "false"))) {
            return xstrdup("liveness must be true or false");
        }
        opt->code = !strcmp(s, "true");
        return NULL;
    } else if (!strcmp(opt->name, "childports")) {
        struct ds names = DS_EMPTY_INITIALIZER;
        for (size_t i = 0; i < v->n; i++) {
            if (v->toks[i].type != OVN_LEX_T_STRING) {
                ds_destroy(&names);
                return xstrdup("childports must be port name strings");
            }
            ds_put_cstr(&names, v->toks[i].s);
            ds_put_char(&names, '\0');
        }
        free(opt->data);
        opt->size = names.length;
        opt->data = (uint8_t *) ds_steal_cstr(&names);
        return NULL;
    }
    return xasprintf("unknown option %s", opt->name);
}

/* See lib/ovn-actions-private.h. */
char *
ovnact_check_sample_opt(const struct ovnact_parse_params *pp OVS_UNUSED,
                        struct ovn_action *act OVS_UNUSED,
                        struct ovnact_opt *opt,
                        const struct ovnact_opt_value *v)
{
    if (!strcmp(opt->name, "probability")) {
        return int_option(opt, v, 1, UINT16_MAX);
    } else if (!strcmp(opt->name, "collector_set")) {
        return int_option(opt, v, 0, UINT32_MAX);
    } else if (!strcmp(opt->name, "obs_domain")) {
        return int_option(opt, v, 0, UINT8_MAX);
    } else if (!strcmp(opt->name, "obs_point")) {
        if (v->n == 1 && v->toks[0].type == OVN_LEX_T_PORT_GROUP
            && !strcmp(v->toks[0].s, "cookie")) {
            return NULL;
        }
        return int_option(opt, v, 0, UINT32_MAX);
    }
    return xasprintf("unknown option %s", opt->name);
}

/* Returns true if 'v' is one of the words tcp, udp, sctp. */
static bool
is_proto(const struct ovnact_opt_value *v)
{
    static const char *const protos[] = { "tcp", "udp", "sctp", NULL };
    const char *s = v->n == 1 ? tok_string(&v->toks[0]) : NULL;
    return s && word_index(s, protos) >= 0;
}

/* See lib/ovn-actions-private.h. */
char *
ovnact_check_ecmp_opt(const struct ovnact_parse_params *pp OVS_UNUSED,
                      struct ovn_action *act OVS_UNUSED,
                      struct ovnact_opt *opt,
                      const struct ovnact_opt_value *v)
{
    if (!strcmp(opt->name, "ipv6")) {
        const char *s = v->n == 1 ? tok_string(&v->toks[0]) : NULL;
        if (!s || (strcmp(s, "true") && strcmp(s, "false"))) {
            return xstrdup("ipv6 must be true or false");
        }
        return NULL;
    } else if (!strcmp(opt->name, "proto")) {
        return is_proto(v) ? NULL : xstrdup("proto must be tcp, udp or "
                                            "sctp");
    }
    return xasprintf("unknown option %s", opt->name);
}

/* Parses "1.2.3.4", "1.2.3.4:80", "[::1]:80" or "::1" into 'a'. */
static bool
parse_addr_string(const char *s, struct ovnact_addr *a)
{
    char *copy = xstrdup(s);
    char *host = copy, *port = NULL;
    bool ok = false;

    memset(a, 0, sizeof *a);
    if (*host == '[') {
        char *end = strchr(host, ']');
        if (!end) {
            goto exit;
        }
        *end = '\0';
        host++;
        if (end[1] == ':') {
            port = end + 2;
        } else if (end[1]) {
            goto exit;
        }
    } else if (strchr(host, '.')) {
        port = strchr(host, ':');
        if (port) {
            *port++ = '\0';
        }
    }

    ovs_be32 ip4;
    if (inet_pton(AF_INET, host, &ip4) == 1) {
        a->family = AF_INET;
        in6_addr_set_mapped_ipv4(&a->ip, ip4);
    } else if (inet_pton(AF_INET6, host, &a->ip) == 1) {
        a->family = AF_INET6;
    } else {
        goto exit;
    }
    if (port) {
        int p;
        if (!str_to_int(port, 10, &p) || p <= 0 || p > 65535) {
            goto exit;
        }
        a->port = p;
    }
    ok = true;
exit:
    free(copy);
    return ok;
}

/* See lib/ovn-actions-private.h. */
char *
ovnact_check_lb_aff_opt(const struct ovnact_parse_params *pp OVS_UNUSED,
                        struct ovn_action *act OVS_UNUSED,
                        struct ovnact_opt *opt,
                        const struct ovnact_opt_value *v)
{
    if (!strcmp(opt->name, "vip") || !strcmp(opt->name, "backend")) {
        struct ovnact_addr a;
        if (v->n != 1 || v->toks[0].type != OVN_LEX_T_STRING
            || !parse_addr_string(v->toks[0].s, &a)) {
            return xasprintf("%s requires an \"address[:port]\" string",
                             opt->name);
        }
        free(opt->data);
        opt->data = xmemdup(&a, sizeof a);
        opt->size = sizeof a;
        return NULL;
    } else if (!strcmp(opt->name, "proto")) {
        return is_proto(v) ? NULL : xstrdup("proto must be tcp, udp or "
                                            "sctp");
    } else if (!strcmp(opt->name, "timeout")) {
        return int_option(opt, v, 1, UINT16_MAX);
    }
    return xasprintf("unknown option %s", opt->name);
}

/* Whole-option-list checks. ---------------------------------------------- */

/* Returns an error if 'act' lacks option 'name'. */
static char *
require_opt(const struct ovn_action *act, const char *name)
{
    return (ovnact_find_opt(act, name) ? NULL
            : xasprintf("missing required option %s", name));
}

/* See lib/ovn-actions-private.h. */
char *
ovnact_finish_opts(struct ovn_action *act)
{
    /* No option may appear twice, except put_nd_ra_opts's "prefix". */
    for (size_t i = 0; i < act->n_opts; i++) {
        for (size_t j = 0; j < i; j++) {
            if (!strcmp(act->opts[i].name, act->opts[j].name)
                && !(act->type == OVNACT_PUT_ND_RA_OPTS
                     && !strcmp(act->opts[i].name, "prefix"))) {
                return xasprintf("option %s appears more than once",
                                 act->opts[i].name);
            }
        }
    }

    char *error = NULL;
    switch (act->type) {
    case OVNACT_PUT_DHCPV4_OPTS:
        for (size_t i = 0; i < act->n_opts; i++) {
            if (act->opts[i].code == 0) {
                return NULL;
            }
        }
        return xstrdup("missing required option offerip");

    case OVNACT_PUT_DHCPV6_OPTS:
        return NULL;

    case OVNACT_PUT_ND_RA_OPTS:
        error = require_opt(act, "addr_mode");
        if (!error) {
            error = require_opt(act, "slla");
        }
        return error;

    case OVNACT_TRIGGER_EVENT: {
        error = require_opt(act, "event");
        for (size_t i = 0; !error && elb_opts[i]; i++) {
            error = require_opt(act, elb_opts[i]);
        }
        return error;
    }

    case OVNACT_FWD_GROUP:
        return require_opt(act, "childports");

    case OVNACT_SAMPLE:
        return require_opt(act, "probability");

    case OVNACT_COMMIT_ECMP_NH:
        error = require_opt(act, "ipv6");
        if (!error) {
            error = require_opt(act, "proto");
        }
        return error;

    case OVNACT_COMMIT_LB_AFF: {
        static const char *const req[] = {
            "vip", "backend", "proto", "timeout", NULL
        };
        for (size_t i = 0; !error && req[i]; i++) {
            error = require_opt(act, req[i]);
        }
        if (!error) {
            const struct ovnact_addr *vip
                = (const void *) ovnact_find_opt(act, "vip")->data;
            const struct ovnact_addr *be
                = (const void *) ovnact_find_opt(act, "backend")->data;
            if (vip->family != be->family) {
                error = xstrdup("vip and backend must be of the same "
                                "address family");
            }
        }
        return error;
    }

    case OVNACT_LOG:
    default:
        return NULL;
    }
}

/* See lib/ovn-actions-private.h. */
char *
ovnact_check_hash_fields(const char *fields)
{
    static const char *const valid[] = {
        "eth_src", "eth_dst", "ip_src", "ip_dst", "ipv6_src", "ipv6_dst",
        "ip_proto", "tcp_src", "tcp_dst", "udp_src", "udp_dst", "sctp_src",
        "sctp_dst", "tp_src", "tp_dst", "nw_src", "nw_dst", "nw_proto",
        NULL
    };
    char *copy = xstrdup(fields);
    char *save = NULL;
    char *error = NULL;

    for (char *f = strtok_r(copy, ", ", &save); f;
         f = strtok_r(NULL, ", ", &save)) {
        if (word_index(f, valid) < 0) {
            error = xasprintf("invalid hash field \"%s\"", f);
            break;
        }
    }
    free(copy);
    return error;
}

/* See lib/ovn-actions-private.h. */
const char *
ovnact_learn_prereqs(const struct ovn_action *act)
{
    const struct ovnact_opt *proto = ovnact_find_opt(act, "proto");
    const char *p = proto ? proto->value : "tcp";

    if (act->type == OVNACT_COMMIT_LB_AFF) {
        const struct ovnact_opt *vip = ovnact_find_opt(act, "vip");
        const struct ovnact_addr *a = (const void *) vip->data;
        return a->family == AF_INET6 ? "ip6" : "ip4";
    } else if (act->type == OVNACT_COMMIT_ECMP_NH) {
        const struct ovnact_opt *ipv6 = ovnact_find_opt(act, "ipv6");
        bool v6 = !strcmp(ipv6->value, "true");
        static const char *const names[2][3] = {
            { "ip4 && tcp", "ip4 && udp", "ip4 && sctp" },
            { "ip6 && tcp", "ip6 && udp", "ip6 && sctp" },
        };
        int i = !strcmp(p, "udp") ? 1 : !strcmp(p, "sctp") ? 2 : 0;
        return names[v6][i];
    }
    return NULL;
}
