/*
 * Logical-flow actions (the "actions" column of ovn-sb(5) Logical_Flow):
 * parsing into an internal form, formatting back to canonical text, and
 * encoding as OpenFlow actions (ofpacts) for ovn-controller's table layout.
 *
 * Typical use:
 *
 *     struct ofpbuf ofpacts;
 *     ofpbuf_init(&ofpacts, 0);
 *     char *prereqs;
 *     char *error = ovn_actions_parse_encode(actions, &env, &ofpacts,
 *                                            &prereqs);
 *     if (error) { log it; free(error); skip the flow; }
 *     else { AND 'prereqs' (if nonnull) into the match; free(prereqs); }
 *
 * Actions that need ovn-controller's packet-in handling are encoded as
 * "controller" actions whose userdata is documented in lib/ovn-pinctrl-ops.h.
 * Lookup tables used by get_arp() and friends are documented with the
 * OVN_OFTABLE_* constants below.
 */
#ifndef OVN_ACTIONS_H
#define OVN_ACTIONS_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/types.h"
#include "openvswitch/meta-flow.h"
#include "lib/ovn-symtab.h"

struct ds;
struct ofpbuf;
struct ovn_lexer;
struct shash;

/* OpenFlow table layout (compatible with OVN 23.03). */
#define OVN_OFTABLE_PHY_TO_LOG 0
#define OVN_OFTABLE_LOG_INGRESS_PIPELINE 8  /* Ingress stage N: 8 + N. */
#define OVN_OFTABLE_OUTPUT_LARGE_PKT_DETECT 37 /* Ingress "output". */
#define OVN_OFTABLE_OUTPUT_LARGE_PKT_PROCESS 38
#define OVN_OFTABLE_REMOTE_OUTPUT 39
#define OVN_OFTABLE_LOCAL_OUTPUT 40
#define OVN_OFTABLE_CHECK_LOOPBACK 41
#define OVN_OFTABLE_LOG_EGRESS_PIPELINE 42  /* Egress stage N: 42 + N. */
#define OVN_OFTABLE_SAVE_INPORT 64          /* Egress "output". */
#define OVN_OFTABLE_LOG_TO_PHY 65
#define OVN_OFTABLE_MAC_BINDING 66      /* get_arp/get_nd, lookup_*_ip. */
#define OVN_OFTABLE_MAC_LOOKUP 67       /* lookup_arp/lookup_nd. */
#define OVN_OFTABLE_CHK_LB_HAIRPIN 68
#define OVN_OFTABLE_CHK_LB_HAIRPIN_REPLY 69
#define OVN_OFTABLE_CT_SNAT_HAIRPIN 70
#define OVN_OFTABLE_GET_FDB 71
#define OVN_OFTABLE_LOOKUP_FDB 72
#define OVN_OFTABLE_CHK_IN_PORT_SEC 73
#define OVN_OFTABLE_CHK_IN_PORT_SEC_ND 74
#define OVN_OFTABLE_CHK_OUT_PORT_SEC 75
#define OVN_OFTABLE_ECMP_NH_MAC 76
#define OVN_OFTABLE_ECMP_NH 77
#define OVN_OFTABLE_CHK_LB_AFFINITY 78

/* Number of logical stages per pipeline. */
#define OVN_LOG_INGRESS_STAGES 29
#define OVN_LOG_EGRESS_STAGES 22

/* Registers with a fixed logical meaning (OVN_MFF_LOG_*) and the bits of the
 * logical flags register (OVN_MLF_*_BIT) are in lib/ovn-symtab.h.  The
 * lookup tables set these flag bits: 6 (tables 66, 67), 7 (68, 69), 8 (72),
 * 12 (73-75, set = failed), 13 (76, 77) and this one (78): */
#define OVN_MLF_USE_LB_AFF_SESSION_BIT 14

/* A DHCP_Options or DHCPv6_Options row: an option the put_dhcp_opts and
 * put_dhcpv6_opts actions accept. */
struct ovn_dhcp_opt_def {
    const char *name;           /* Option name, e.g. "router". */
    int code;                   /* Option code on the wire. */
    const char *type;           /* "ipv4", "uint8", ..., "ipv6", "mac". */
};

/* Everything the encoder needs besides the action text. */
struct ovn_action_env {
    /* Logical port (or multicast group) name -> tunnel key; false if
     * unknown.  Unknown ports encode as key 0 (no port). */
    bool (*lookup_port)(const void *aux, const char *port_name,
                        uint32_t *key);
    const void *aux;            /* Passed to 'lookup_port'. */
    bool is_switch;             /* Datapath is a logical switch. */
    bool ingress;               /* Flow is in the ingress pipeline. */
    uint8_t stage;              /* Flow's logical table, 0-based. */
    uint32_t dp_key;            /* Datapath tunnel key. */
    uint32_t lflow_cookie;      /* First 32 bits of the lflow's UUID. */
    uint32_t ctrl_meter_id;     /* Meter for controller actions, or
                                 * NX_CTLR_NO_METER.  (A zero-initialized
                                 * env means meter 0; set it.) */

    /* Group and meter allocation: return an id (nonzero) for 'spec' (an
     * ovs-ofctl group spec such as "type=select,...,bucket=..." or meter
     * spec such as "kbps burst bands=type=drop rate=100 burst_size=1000";
     * for log(meter="x") the spec is "name:x"), or 0 on failure.  If NULL,
     * actions that need them fail with an error. */
    uint32_t (*group_id)(void *id_aux, const char *spec);
    uint32_t (*meter_id)(void *id_aux, const char *spec);
    void *id_aux;               /* Passed to 'group_id' (and to 'meter_id'
                                 * if 'meter_aux' is NULL). */
    void *meter_aux;            /* Passed to 'meter_id', if nonnull. */

    /* For fwd_group(liveness=true): the OpenFlow port (a tunnel with BFD)
     * whose liveness decides whether the bucket for 'port_name' is used,
     * or 0 if none.  NULL means every bucket is always live. */
    uint32_t (*port_liveness)(const void *aux, const char *port_name);

    /* DHCP options by name (struct ovn_dhcp_opt_def *), or NULL for the
     * built-in lists. */
    const struct shash *dhcp_opts;
    const struct shash *dhcpv6_opts;
};

/* Parses 'actions', encodes them as OpenFlow actions appended to 'ofpacts'.
 * On success returns NULL and, if 'prereqsp' is nonnull, stores in it NULL or
 * a malloc'd match expression that must be ANDed into the flow's match.  On
 * failure returns a malloc'd error string, leaves 'ofpacts' unchanged and
 * stores NULL in '*prereqsp'. */
char *ovn_actions_parse_encode(const char *actions,
                               const struct ovn_action_env *,
                               struct ofpbuf *ofpacts, char **prereqsp)
    OVS_WARN_UNUSED_RESULT;

/* Parses 'actions' and, on success, stores their canonical text in 'out'
 * (appending).  Returns NULL or a malloc'd error. */
char *ovn_actions_normalize(const char *actions, struct ds *out)
    OVS_WARN_UNUSED_RESULT;

/* Internal form.  ------------------------------------------------------- */

/* Kinds of actions. */
enum ovnact_type {
    OVNACT_OUTPUT,              /* output; */
    OVNACT_NEXT,                /* next; next(N); next(pipeline=P,table=N) */
    OVNACT_DROP,                /* drop; */
    OVNACT_LOAD,                /* field = constant; */
    OVNACT_MOVE,                /* field = field; */
    OVNACT_EXCHANGE,            /* field <-> field; */
    OVNACT_PUSH,                /* push(field); */
    OVNACT_POP,                 /* pop(field); */
    OVNACT_DEC_TTL,             /* ip.ttl--; */
    OVNACT_CT_NEXT,             /* ct_next; */
    OVNACT_CT_COMMIT,           /* ct_commit { ... }; */
    OVNACT_CT_COMMIT_NAT,       /* ct_commit_nat; */
    OVNACT_CT_DNAT,             /* ct_dnat; ct_dnat(ip); */
    OVNACT_CT_SNAT,             /* ct_snat; ct_snat(ip); */
    OVNACT_CT_DNAT_IN_CZONE,    /* ct_dnat_in_czone[(ip)]; */
    OVNACT_CT_SNAT_IN_CZONE,    /* ct_snat_in_czone[(ip)]; */
    OVNACT_CT_LB,               /* ct_lb[(...)]; */
    OVNACT_CT_LB_MARK,          /* ct_lb_mark[(...)]; */
    OVNACT_CT_CLEAR,            /* ct_clear; */
    OVNACT_CLONE,               /* clone { ... }; */
    OVNACT_ARP,                 /* arp { ... }; */
    OVNACT_ND_NS,               /* nd_ns { ... }; */
    OVNACT_ND_NA,               /* nd_na { ... }; */
    OVNACT_ND_NA_ROUTER,        /* nd_na_router { ... }; */
    OVNACT_ICMP4,               /* icmp4 { ... }; */
    OVNACT_ICMP4_ERROR,         /* icmp4_error { ... }; */
    OVNACT_ICMP6,               /* icmp6 { ... }; */
    OVNACT_ICMP6_ERROR,         /* icmp6_error { ... }; */
    OVNACT_TCP_RESET,           /* tcp_reset { ... }; */
    OVNACT_SCTP_ABORT,          /* sctp_abort { ... }; */
    OVNACT_REJECT,              /* reject { ... }; */
    OVNACT_GET_ARP,             /* get_arp(P, A); */
    OVNACT_PUT_ARP,             /* put_arp(P, A, E); */
    OVNACT_GET_ND,              /* get_nd(P, A); */
    OVNACT_PUT_ND,              /* put_nd(P, A, E); */
    OVNACT_LOOKUP_ARP,          /* R = lookup_arp(P, A, M); */
    OVNACT_LOOKUP_ARP_IP,       /* R = lookup_arp_ip(P, A); */
    OVNACT_LOOKUP_ND,           /* R = lookup_nd(P, A, M); */
    OVNACT_LOOKUP_ND_IP,        /* R = lookup_nd_ip(P, A); */
    OVNACT_GET_FDB,             /* P = get_fdb(A); */
    OVNACT_PUT_FDB,             /* put_fdb(P, A); */
    OVNACT_LOOKUP_FDB,          /* R = lookup_fdb(P, A); */
    OVNACT_PUT_DHCPV4_OPTS,     /* R = put_dhcp_opts(...); */
    OVNACT_PUT_DHCPV6_OPTS,     /* R = put_dhcpv6_opts(...); */
    OVNACT_PUT_ND_RA_OPTS,      /* R = put_nd_ra_opts(...); */
    OVNACT_DNS_LOOKUP,          /* R = dns_lookup(); */
    OVNACT_SET_QUEUE,           /* set_queue(N); */
    OVNACT_SET_METER,           /* set_meter(rate[, burst]); */
    OVNACT_CHECK_PKT_LARGER,    /* R = check_pkt_larger(L); */
    OVNACT_LOG,                 /* log(...); */
    OVNACT_FWD_GROUP,           /* fwd_group(...); */
    OVNACT_TRIGGER_EVENT,       /* trigger_event(...); */
    OVNACT_IGMP,                /* igmp; */
    OVNACT_BIND_VPORT,          /* bind_vport(V, P); */
    OVNACT_HANDLE_SVC_CHECK,    /* handle_svc_check(P); */
    OVNACT_HANDLE_DHCPV6_REPLY, /* handle_dhcpv6_reply; */
    OVNACT_SELECT,              /* R = select(...); */
    OVNACT_CHK_LB_HAIRPIN,      /* R = chk_lb_hairpin(); */
    OVNACT_CHK_LB_HAIRPIN_REPLY, /* R = chk_lb_hairpin_reply(); */
    OVNACT_CT_SNAT_TO_VIP,      /* ct_snat_to_vip; */
    OVNACT_CHECK_IN_PORT_SEC,   /* R = check_in_port_sec(); */
    OVNACT_CHECK_OUT_PORT_SEC,  /* R = check_out_port_sec(); */
    OVNACT_COMMIT_ECMP_NH,      /* commit_ecmp_nh(ipv6 = B, proto = P); */
    OVNACT_CHECK_ECMP_NH_MAC,   /* R = chk_ecmp_nh_mac(); (or check_) */
    OVNACT_CHECK_ECMP_NH,       /* R = chk_ecmp_nh(); (or check_) */
    OVNACT_COMMIT_LB_AFF,       /* commit_lb_aff(...); */
    OVNACT_CHK_LB_AFF,          /* R = chk_lb_aff(); */
    OVNACT_SAMPLE,              /* sample(...); */
    OVNACT_FRAG_MTU,            /* icmp4.frag_mtu = N; icmp6.frag_mtu = N */
};

/* A reference to a logical field or subfield. */
struct ovnact_field {
    char *name;                 /* Field name as written, e.g. "reg0". */
    int ofs;                    /* Subscript start bit, if 'n_bits'. */
    int n_bits;                 /* Subscript width; 0 if no subscript. */
    struct mf_subfield sf;      /* Resolved OpenFlow subfield. */
    bool is_string;             /* String field (inport, outport). */
};

/* A constant: integer (possibly masked) or string. */
struct ovnact_const {
    bool is_string;             /* Whether 'string' is the value. */
    char *string;               /* String constant (if 'is_string'). */
    bool masked;                /* Whether 'mask' applies. */
    int format;                 /* enum ovn_lex_format. */
    ovs_u128 value;             /* Integer value (host order). */
    ovs_u128 mask;              /* Integer mask, if 'masked'. */
};

/* A key = value option (DHCP, log, trigger_event, ...), kept as text. */
struct ovnact_opt {
    char *name;                 /* Option name. */
    char *value;                /* Canonical text of the value. */
    uint8_t *data;              /* Wire encoding (DHCP/RA options). */
    size_t size;                /* Bytes in 'data'. */
    int code;                   /* Wire code (DHCP/RA options). */
};

/* An IP address with optional port (ct_lb backends, NAT targets). */
struct ovnact_addr {
    int family;                 /* AF_INET or AF_INET6. */
    struct in6_addr ip;         /* IPv4 mapped when AF_INET. */
    uint16_t port;              /* Port, or 0 if none. */
    uint16_t port_max;          /* NAT port range end, or 0. */
};

struct ovn_actions;

/* One parsed action.  Which members are meaningful depends on 'type'. */
struct ovn_action {
    enum ovnact_type type;      /* Kind of action. */
    struct ovnact_field dst;    /* Destination, result or sole field. */
    struct ovnact_field args[3]; /* Field arguments. */
    size_t n_args;              /* Number of 'args'. */
    struct ovnact_const value;  /* LOAD's constant; FRAG_MTU's value. */
    struct ovn_actions *nested; /* Nested actions, or NULL. */

    /* next. */
    bool ingress;               /* Target pipeline (FRAG_MTU: ICMPv4). */
    int table;                  /* Target stage, or -1 for "next stage". */
    bool pipeline_given;        /* Whether "pipeline=" was written. */

    /* ct_dnat/ct_snat/ct_lb. */
    struct ovnact_addr *addrs;  /* NAT target (1) or ct_lb backends. */
    size_t n_addrs;             /* Number of 'addrs'. */
    bool backends_kw;           /* ct_lb written with "backends=". */
    char *hash_fields;          /* ct_lb hash fields, comma-separated. */
    bool hash_fields_quoted;    /* hash_fields written as a string. */
    int ct_flag;                /* ct_lb: 0, 1 skip_snat, 2 force_snat. */

    /* Options (put_*_opts, log, trigger_event, fwd_group, commit_*, ...). */
    struct ovnact_opt *opts;    /* Options, in order written. */
    size_t n_opts;              /* Number of 'opts'. */

    /* Small integer parameters (set_queue, set_meter, check_pkt_larger,
     * select values and weights ...). */
    uint32_t *ints;             /* Integers. */
    size_t n_ints;              /* Number of 'ints'. */
};

/* A sequence of actions. */
struct ovn_actions {
    struct ovn_action *acts;    /* The actions. */
    size_t n;                   /* Number of actions. */
    size_t allocated;           /* Allocated elements of 'acts'. */
};

/* Parsing context. */
struct ovnact_parse_params {
    bool ingress;               /* Pipeline, for "output"/"outport =". */
    const struct shash *dhcp_opts;   /* See struct ovn_action_env. */
    const struct shash *dhcpv6_opts; /* See struct ovn_action_env. */
};

void ovn_actions_init(struct ovn_actions *);
void ovn_actions_destroy(struct ovn_actions *);
struct ovn_action *ovn_actions_add(struct ovn_actions *, enum ovnact_type);

char *ovn_actions_parse(const char *actions,
                        const struct ovnact_parse_params *,
                        struct ovn_actions *, struct ds *prereqs)
    OVS_WARN_UNUSED_RESULT;
bool ovn_actions_parse_lexer(struct ovn_lexer *,
                             const struct ovnact_parse_params *,
                             struct ovn_actions *, struct ds *prereqs);
void ovn_actions_format(const struct ovn_actions *, struct ds *);
char *ovn_actions_encode(const struct ovn_actions *,
                         const struct ovn_action_env *, struct ofpbuf *)
    OVS_WARN_UNUSED_RESULT;

/* Built-in DHCP option lists (name -> struct ovn_dhcp_opt_def *). */
const struct shash *ovn_dhcp_opts_default(void);
const struct shash *ovn_dhcpv6_opts_default(void);

#endif /* lib/ovn-actions.h */
