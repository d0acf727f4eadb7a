/*
 * Logical-flow actions: the action list container, canonical formatting and
 * the one-call parse+encode entry point.
 */
#include <config.h>
#include "lib/ovn-actions.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "lib/ovn-lex.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "packets.h"
#include "util.h"

/* Initializes 'acts' as empty. */
void
ovn_actions_init(struct ovn_actions *acts)
{
    acts->acts = NULL;
    acts->n = 0;
    acts->allocated = 0;
}

/* Frees the members of 'field'. */
static void
ovnact_field_destroy(struct ovnact_field *field)
{
    free(field->name);
}

/* Frees everything 'act' owns. */
static void
ovn_action_destroy(struct ovn_action *act)
{
    ovnact_field_destroy(&act->dst);
    for (size_t i = 0; i < ARRAY_SIZE(act->args); i++) {
        ovnact_field_destroy(&act->args[i]);
    }
    free(act->value.string);
    if (act->nested) {
        ovn_actions_destroy(act->nested);
        free(act->nested);
    }
    free(act->addrs);
    free(act->hash_fields);
    for (size_t i = 0; i < act->n_opts; i++) {
        free(act->opts[i].name);
        free(act->opts[i].value);
        free(act->opts[i].data);
    }
    free(act->opts);
    free(act->ints);
}

/* Frees the actions in 'acts' (which may be NULL). */
void
ovn_actions_destroy(struct ovn_actions *acts)
{
    if (acts) {
        for (size_t i = 0; i < acts->n; i++) {
            ovn_action_destroy(&acts->acts[i]);
        }
        free(acts->acts);
        ovn_actions_init(acts);
    }
}

/* Appends a zeroed action of the given 'type' to 'acts' and returns it.  The
 * pointer is valid until the next call. */
struct ovn_action *
ovn_actions_add(struct ovn_actions *acts, enum ovnact_type type)
{
    if (acts->n >= acts->allocated) {
        acts->acts = x2nrealloc(acts->acts, &acts->allocated,
                                sizeof *acts->acts);
    }
    struct ovn_action *act = &acts->acts[acts->n++];
    memset(act, 0, sizeof *act);
    act->type = type;
    act->table = -1;
    return act;
}

/* Formatting. ------------------------------------------------------------ */

/* Appends 'field' as written, e.g. "reg0[1..3]", to 's'. */
static void
format_field(const struct ovnact_field *field, struct ds *s)
{
    ds_put_cstr(s, field->name);
    if (field->n_bits == 1) {
        ds_put_format(s, "[%d]", field->ofs);
    } else if (field->n_bits) {
        ds_put_format(s, "[%d..%d]", field->ofs,
                      field->ofs + field->n_bits - 1);
    }
}

/* Appends 'str' as a quoted, escaped string to 's'. */
static void
format_string(const char *str, struct ds *s)
{
    ds_put_char(s, '"');
    for (const char *p = str; *p; p++) {
        if (*p == '"' || *p == '\\') {
            ds_put_char(s, '\\');
        }
        ds_put_char(s, *p);
    }
    ds_put_char(s, '"');
}

/* Appends constant 'c' to 's'. */
static void
format_const(const struct ovnact_const *c, struct ds *s)
{
    if (c->is_string) {
        format_string(c->string, s);
    } else if (c->masked) {
        ovn_lex_format_masked_integer(c->format, c->value, c->mask, s);
    } else {
        ovn_lex_format_integer(c->format, c->value, s);
    }
}

/* Appends address 'a' (with port, if any) to 's'. */
static void
format_addr(const struct ovnact_addr *a, struct ds *s)
{
    char buf[INET6_ADDRSTRLEN];

    if (a->family == AF_INET) {
        ovs_be32 ip4 = in6_addr_get_mapped_ipv4(&a->ip);
        ds_put_format(s, IP_FMT, IP_ARGS(ip4));
    } else {
        inet_ntop(AF_INET6, &a->ip, buf, sizeof buf);
        ds_put_format(s, a->port ? "[%s]" : "%s", buf);
    }
    if (a->port) {
        ds_put_format(s, ":%"PRIu16, a->port);
        if (a->port_max) {
            ds_put_format(s, "-%"PRIu16, a->port_max);
        }
    }
}

/* Appends the options of 'act' as "a = b, c = d" to 's'. */
static void
format_opts(const struct ovn_action *act, struct ds *s)
{
    for (size_t i = 0; i < act->n_opts; i++) {
        if (i) {
            ds_put_cstr(s, ", ");
        }
        ds_put_format(s, "%s = %s", act->opts[i].name, act->opts[i].value);
    }
}

/* Appends " { nested };" to 's'. */
static void
format_nested(const char *name, const struct ovn_action *act, struct ds *s)
{
    ds_put_format(s, "%s { ", name);
    if (act->nested && act->nested->n) {
        ovn_actions_format(act->nested, s);
        ds_put_char(s, ' ');
    }
    ds_put_cstr(s, "};");
}

/* Appends "name(args...);" for an action whose arguments are fields. */
static void
format_call(const char *name, const struct ovn_action *act, struct ds *s)
{
    ds_put_format(s, "%s(", name);
    for (size_t i = 0; i < act->n_args; i++) {
        if (i) {
            ds_put_cstr(s, ", ");
        }
        format_field(&act->args[i], s);
    }
    ds_put_cstr(s, ");");
}

/* Appends "R = name(args...);". */
static void
format_result_call(const char *name, const struct ovn_action *act,
                   struct ds *s)
{
    format_field(&act->dst, s);
    ds_put_cstr(s, " = ");
    format_call(name, act, s);
}

/* Appends a ct_dnat/ct_snat style action. */
static void
format_nat(const char *name, const struct ovn_action *act, struct ds *s)
{
    ds_put_cstr(s, name);
    if (act->n_addrs) {
        struct ovnact_addr ip = act->addrs[0];
        ip.port = ip.port_max = 0;
        ds_put_char(s, '(');
        format_addr(&ip, s);
        if (act->addrs[0].port_max) {
            ds_put_format(s, ", %"PRIu16"-%"PRIu16,
                          act->addrs[0].port, act->addrs[0].port_max);
        } else if (act->addrs[0].port) {
            ds_put_format(s, ", %"PRIu16, act->addrs[0].port);
        }
        ds_put_char(s, ')');
    }
    ds_put_char(s, ';');
}

/* Appends a ct_lb/ct_lb_mark action. */
static void
format_ct_lb(const char *name, const struct ovn_action *act, struct ds *s)
{
    ds_put_cstr(s, name);
    if (act->n_addrs || act->backends_kw) {
        ds_put_cstr(s, "(backends=");
        for (size_t i = 0; i < act->n_addrs; i++) {
            if (i) {
                ds_put_char(s, ',');
            }
            format_addr(&act->addrs[i], s);
        }
        if (act->hash_fields) {
            ds_put_cstr(s, "; hash_fields=");
            if (act->hash_fields_quoted) {
                format_string(act->hash_fields, s);
            } else {
                ds_put_cstr(s, act->hash_fields);
            }
        }
        if (act->ct_flag == 1) {
            ds_put_cstr(s, "; skip_snat");
        } else if (act->ct_flag == 2) {
            ds_put_cstr(s, "; force_snat");
        }
        ds_put_char(s, ')');
    }
    ds_put_char(s, ';');
}

/* Names of the simple "name;" actions and of nested "name { }" actions,
 * indexed by type; NULL for the others. */
static const char *
simple_name(enum ovnact_type type)
{
    switch (type) {
    case OVNACT_OUTPUT: return "output";
    case OVNACT_DROP: return "drop";
    case OVNACT_CT_NEXT: return "ct_next";
    case OVNACT_CT_COMMIT_NAT: return "ct_commit_nat";
    case OVNACT_CT_CLEAR: return "ct_clear";
    case OVNACT_IGMP: return "igmp";
    case OVNACT_HANDLE_DHCPV6_REPLY: return "handle_dhcpv6_reply";
    case OVNACT_CT_SNAT_TO_VIP: return "ct_snat_to_vip";
    case OVNACT_CLONE: return "clone";
    case OVNACT_ARP: return "arp";
    case OVNACT_ND_NS: return "nd_ns";
    case OVNACT_ND_NA: return "nd_na";
    case OVNACT_ND_NA_ROUTER: return "nd_na_router";
    case OVNACT_ICMP4: return "icmp4";
    case OVNACT_ICMP4_ERROR: return "icmp4_error";
    case OVNACT_ICMP6: return "icmp6";
    case OVNACT_ICMP6_ERROR: return "icmp6_error";
    case OVNACT_TCP_RESET: return "tcp_reset";
    case OVNACT_SCTP_ABORT: return "sctp_abort";
    case OVNACT_REJECT: return "reject";
    case OVNACT_CT_COMMIT: return "ct_commit";
    case OVNACT_GET_ARP: return "get_arp";
    case OVNACT_PUT_ARP: return "put_arp";
    case OVNACT_GET_ND: return "get_nd";
    case OVNACT_PUT_ND: return "put_nd";
    case OVNACT_LOOKUP_ARP: return "lookup_arp";
    case OVNACT_LOOKUP_ARP_IP: return "lookup_arp_ip";
    case OVNACT_LOOKUP_ND: return "lookup_nd";
    case OVNACT_LOOKUP_ND_IP: return "lookup_nd_ip";
    case OVNACT_GET_FDB: return "get_fdb";
    case OVNACT_PUT_FDB: return "put_fdb";
    case OVNACT_LOOKUP_FDB: return "lookup_fdb";
    case OVNACT_PUT_DHCPV4_OPTS: return "put_dhcp_opts";
    case OVNACT_PUT_DHCPV6_OPTS: return "put_dhcpv6_opts";
    case OVNACT_PUT_ND_RA_OPTS: return "put_nd_ra_opts";
    case OVNACT_DNS_LOOKUP: return "dns_lookup";
    case OVNACT_CHECK_PKT_LARGER: return "check_pkt_larger";
    case OVNACT_HANDLE_SVC_CHECK: return "handle_svc_check";
    case OVNACT_BIND_VPORT: return "bind_vport";
    case OVNACT_SELECT: return "select";
    case OVNACT_CHK_LB_HAIRPIN: return "chk_lb_hairpin";
    case OVNACT_CHK_LB_HAIRPIN_REPLY: return "chk_lb_hairpin_reply";
    case OVNACT_CHECK_IN_PORT_SEC: return "check_in_port_sec";
    case OVNACT_CHECK_OUT_PORT_SEC: return "check_out_port_sec";
    case OVNACT_CHECK_ECMP_NH_MAC: return "chk_ecmp_nh_mac";
    case OVNACT_CHECK_ECMP_NH: return "chk_ecmp_nh";
    case OVNACT_CHK_LB_AFF: return "chk_lb_aff";
    case OVNACT_COMMIT_ECMP_NH: return "commit_ecmp_nh";
    case OVNACT_COMMIT_LB_AFF: return "commit_lb_aff";
    case OVNACT_LOG: return "log";
    case OVNACT_TRIGGER_EVENT: return "trigger_event";
    case OVNACT_FWD_GROUP: return "fwd_group";
    case OVNACT_SAMPLE: return "sample";
    case OVNACT_SET_QUEUE: return "set_queue";
    case OVNACT_SET_METER: return "set_meter";
    case OVNACT_CT_DNAT: return "ct_dnat";
    case OVNACT_CT_SNAT: return "ct_snat";
    case OVNACT_CT_DNAT_IN_CZONE: return "ct_dnat_in_czone";
    case OVNACT_CT_SNAT_IN_CZONE: return "ct_snat_in_czone";
    case OVNACT_CT_LB: return "ct_lb";
    case OVNACT_CT_LB_MARK: return "ct_lb_mark";
    case OVNACT_NEXT: return "next";
    case OVNACT_LOAD: case OVNACT_MOVE: case OVNACT_EXCHANGE:
    case OVNACT_PUSH: case OVNACT_POP: case OVNACT_DEC_TTL:
    case OVNACT_FRAG_MTU:
        return NULL;
    }
    return NULL;
}

/* Appends the canonical text of 'act' to 's'. */
static void
format_action(const struct ovn_action *act, struct ds *s)
{
    const char *name = simple_name(act->type);

    switch (act->type) {
    case OVNACT_OUTPUT:
    case OVNACT_DROP:
    case OVNACT_CT_NEXT:
    case OVNACT_CT_COMMIT_NAT:
    case OVNACT_CT_CLEAR:
    case OVNACT_IGMP:
    case OVNACT_HANDLE_DHCPV6_REPLY:
    case OVNACT_CT_SNAT_TO_VIP:
        ds_put_format(s, "%s;", name);
        break;

    case OVNACT_NEXT:
        if (act->pipeline_given) {
            ds_put_format(s, "next(pipeline=%s, table=%d);",
                          act->ingress ? "ingress" : "egress", act->table);
        } else if (act->table >= 0) {
            ds_put_format(s, "next(%d);", act->table);
        } else {
            ds_put_cstr(s, "next;");
        }
        break;

    case OVNACT_LOAD:
    case OVNACT_FRAG_MTU:
        format_field(&act->dst, s);
        ds_put_cstr(s, " = ");
        format_const(&act->value, s);
        ds_put_char(s, ';');
        break;

    case OVNACT_MOVE:
    case OVNACT_EXCHANGE:
        format_field(&act->dst, s);
        ds_put_cstr(s, act->type == OVNACT_MOVE ? " = " : " <-> ");
        format_field(&act->args[0], s);
        ds_put_char(s, ';');
        break;

    case OVNACT_PUSH:
    case OVNACT_POP:
        ds_put_cstr(s, act->type == OVNACT_PUSH ? "push(" : "pop(");
        format_field(&act->dst, s);
        ds_put_cstr(s, ");");
        break;

    case OVNACT_DEC_TTL:
        ds_put_cstr(s, "ip.ttl--;");
        break;

    case OVNACT_CT_COMMIT:
    case OVNACT_CLONE:
    case OVNACT_ARP:
    case OVNACT_ND_NS:
    case OVNACT_ND_NA:
    case OVNACT_ND_NA_ROUTER:
    case OVNACT_ICMP4:
    case OVNACT_ICMP4_ERROR:
    case OVNACT_ICMP6:
    case OVNACT_ICMP6_ERROR:
    case OVNACT_TCP_RESET:
    case OVNACT_SCTP_ABORT:
    case OVNACT_REJECT:
        format_nested(name, act, s);
        break;

    case OVNACT_CT_DNAT:
    case OVNACT_CT_SNAT:
    case OVNACT_CT_DNAT_IN_CZONE:
    case OVNACT_CT_SNAT_IN_CZONE:
        format_nat(name, act, s);
        break;

    case OVNACT_CT_LB:
    case OVNACT_CT_LB_MARK:
        format_ct_lb(name, act, s);
        break;

    case OVNACT_GET_ARP:
    case OVNACT_PUT_ARP:
    case OVNACT_GET_ND:
    case OVNACT_PUT_ND:
    case OVNACT_PUT_FDB:
    case OVNACT_HANDLE_SVC_CHECK:
        format_call(name, act, s);
        break;

    case OVNACT_BIND_VPORT:
        ds_put_format(s, "%s(", name);
        format_string(act->value.string, s);
        ds_put_cstr(s, ", ");
        format_field(&act->args[0], s);
        ds_put_cstr(s, ");");
        break;

    case OVNACT_LOOKUP_ARP:
    case OVNACT_LOOKUP_ARP_IP:
    case OVNACT_LOOKUP_ND:
    case OVNACT_LOOKUP_ND_IP:
    case OVNACT_GET_FDB:
    case OVNACT_LOOKUP_FDB:
    case OVNACT_DNS_LOOKUP:
    case OVNACT_CHK_LB_HAIRPIN:
    case OVNACT_CHK_LB_HAIRPIN_REPLY:
    case OVNACT_CHECK_IN_PORT_SEC:
    case OVNACT_CHECK_OUT_PORT_SEC:
    case OVNACT_CHECK_ECMP_NH_MAC:
    case OVNACT_CHECK_ECMP_NH:
    case OVNACT_CHK_LB_AFF:
        format_result_call(name, act, s);
        break;

    case OVNACT_PUT_DHCPV4_OPTS:
    case OVNACT_PUT_DHCPV6_OPTS:
    case OVNACT_PUT_ND_RA_OPTS:
        format_field(&act->dst, s);
        ds_put_format(s, " = %s(", name);
        format_opts(act, s);
        ds_put_cstr(s, ");");
        break;

    case OVNACT_LOG:
    case OVNACT_TRIGGER_EVENT:
    case OVNACT_FWD_GROUP:
    case OVNACT_SAMPLE:
    case OVNACT_COMMIT_ECMP_NH:
    case OVNACT_COMMIT_LB_AFF:
        ds_put_format(s, "%s(", name);
        format_opts(act, s);
        ds_put_cstr(s, ");");
        break;

    case OVNACT_CHECK_PKT_LARGER:
        format_field(&act->dst, s);
        ds_put_format(s, " = %s(%"PRIu32");", name, act->ints[0]);
        break;

    case OVNACT_SET_QUEUE:
        ds_put_format(s, "%s(%"PRIu32");", name, act->ints[0]);
        break;

    case OVNACT_SET_METER:
        ds_put_format(s, "%s(%"PRIu32, name, act->ints[0]);
        if (act->n_ints > 1) {
            ds_put_format(s, ", %"PRIu32, act->ints[1]);
        }
        ds_put_cstr(s, ");");
        break;

    case OVNACT_SELECT:
        format_field(&act->dst, s);
        ds_put_format(s, " = %s(", name);
        for (size_t i = 0; i + 1 < act->n_ints; i += 2) {
            ds_put_format(s, "%s%"PRIu32"=%"PRIu32, i ? ", " : "",
                          act->ints[i], act->ints[i + 1]);
        }
        ds_put_cstr(s, ");");
        break;
    }
}

/* Appends the canonical text of 'acts' to 's', actions separated by single
 * spaces.  An empty list formats as "drop;". */
void
ovn_actions_format(const struct ovn_actions *acts, struct ds *s)
{
    if (!acts->n) {
        ds_put_cstr(s, "drop;");
        return;
    }
    for (size_t i = 0; i < acts->n; i++) {
        if (i) {
            ds_put_char(s, ' ');
        }
        format_action(&acts->acts[i], s);
    }
}

/* Entry points. ---------------------------------------------------------- */

/* See lib/ovn-actions.h. */
char *
ovn_actions_normalize(const char *actions, struct ds *out)
{
    struct ovnact_parse_params pp = { .ingress = true };
    struct ovn_actions acts;

    ovn_actions_init(&acts);
    char *error = ovn_actions_parse(actions, &pp, &acts, NULL);
    if (!error) {
        ovn_actions_format(&acts, out);
    }
    ovn_actions_destroy(&acts);
    return error;
}

/* See lib/ovn-actions.h. */
char *
ovn_actions_parse_encode(const char *actions,
                         const struct ovn_action_env *env,
                         struct ofpbuf *ofpacts, char **prereqsp)
{
    struct ovnact_parse_params pp = {
        .ingress = env->ingress,
        .dhcp_opts = env->dhcp_opts,
        .dhcpv6_opts = env->dhcpv6_opts,
    };
    struct ovn_actions acts;
    struct ds prereqs = DS_EMPTY_INITIALIZER;

    if (prereqsp) {
        *prereqsp = NULL;
    }
    ovn_actions_init(&acts);
    char *error = ovn_actions_parse(actions, &pp, &acts, &prereqs);
    if (!error) {
        error = ovn_actions_encode(&acts, env, ofpacts);
    }
    ovn_actions_destroy(&acts);
    if (!error && prereqsp && prereqs.length) {
        *prereqsp = ds_steal_cstr(&prereqs);
    }
    ds_destroy(&prereqs);
    return error;
}
