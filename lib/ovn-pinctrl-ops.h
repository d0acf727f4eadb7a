/*
 * Copyright (c) 2026 The OVN-compatible control plane authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at:
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

#ifndef OVN_PINCTRL_OPS_H
#define OVN_PINCTRL_OPS_H 1

/* The contract between the logical-flow action encoder (lib/ovn-actions*)
 * and ovn-controller's packet-in handler.
 *
 * Logical actions that need the controller (arp { ... }, put_dhcp_opts(),
 * log(), ...) are encoded as an OpenFlow "controller" action (reason
 * OFPR_ACTION, controller_id 0, max_len 65535, sent as NXT_PACKET_IN2)
 * whose userdata starts with a struct ovn_pinctrl_hdr, followed by a payload
 * specific to the opcode.  All multibyte integers are in network byte order.
 *
 * "Paused" opcodes set the controller action's 'pause' flag: the packet-in
 * carries a continuation, and the handler must resume it (NXT_RESUME), after
 * possibly modifying the packet and the registers it names.  All other
 * opcodes do not pause; when they have nested actions, the handler builds a
 * new packet and sends it with a packet-out whose actions are the nested
 * actions, using the packet-in's metadata (registers, metadata, in_port) as
 * the packet-out's initial metadata.
 *
 * Arguments that are logical fields are passed in registers, which the
 * packet-in metadata carries (the encoder saves and restores those registers
 * around the controller action, so the logical flow does not see this):
 *
 *     metadata          logical datapath tunnel key
 *     reg14             logical port (P argument), as its tunnel key
 *     reg0 / xxreg0     IPv4 / IPv6 address (A argument)
 *     eth.src           Ethernet address (E or M argument)
 *
 * A "result subfield" (struct ovn_pinctrl_result) names the 1-bit subfield
 * R of "R = action(...)" that the handler sets to 1 on success, 0 otherwise,
 * before resuming.
 */

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/compiler.h"
#include "openvswitch/types.h"

/* Userdata format version carried in every header. */
#define OVN_PINCTRL_VERSION 1

/* Header at the start of every controller action's userdata. */
struct ovn_pinctrl_hdr {
    uint8_t version;            /* OVN_PINCTRL_VERSION. */
    uint8_t pad[3];             /* Zero. */
    ovs_be32 opcode;            /* One of OVN_PINCTRL_OP_*. */
};

/* Where to store the 1-bit result of a paused opcode. */
struct ovn_pinctrl_result {
    ovs_be32 field;             /* enum mf_field_id of the field. */
    ovs_be16 ofs;               /* Bit offset within the field. */
    ovs_be16 n_bits;            /* Number of bits (always 1 today). */
};

enum ovn_pinctrl_opcode {
    /* Nested-action opcodes.  Payload: the nested logical actions, encoded
     * as OpenFlow 1.5 actions (ofpacts_put_openflow_actions() with
     * OFP15_VERSION), to apply to the packet the handler builds from the
     * original packet as ovn-sb(5) describes for the logical action. */
    OVN_PINCTRL_OP_ARP = 1,          /* arp { ... } */
    OVN_PINCTRL_OP_ND_NS = 2,        /* nd_ns { ... } */
    OVN_PINCTRL_OP_ND_NA = 3,        /* nd_na { ... } */
    OVN_PINCTRL_OP_ND_NA_ROUTER = 4, /* nd_na_router { ... } */
    OVN_PINCTRL_OP_ICMP4 = 5,        /* icmp4 { ... } */
    OVN_PINCTRL_OP_ICMP4_ERROR = 6,  /* icmp4_error { ... } */
    OVN_PINCTRL_OP_ICMP6 = 7,        /* icmp6 { ... } */
    OVN_PINCTRL_OP_ICMP6_ERROR = 8,  /* icmp6_error { ... } */
    OVN_PINCTRL_OP_TCP_RESET = 9,    /* tcp_reset { ... } */
    OVN_PINCTRL_OP_SCTP_ABORT = 10,  /* sctp_abort { ... } */
    OVN_PINCTRL_OP_REJECT = 11,      /* reject { ... } */

    /* Table updates.  No payload; arguments in registers (see above). */
    OVN_PINCTRL_OP_PUT_ARP = 20,     /* put_arp(P=reg14, A=reg0, E=eth.src) */
    OVN_PINCTRL_OP_PUT_ND = 21,      /* put_nd(P=reg14, A=xxreg0,
                                      *        E=eth.src) */
    OVN_PINCTRL_OP_PUT_FDB = 22,     /* put_fdb(P=reg14, A=eth.src) */

    /* Paused request/response opcodes.  Payload: struct ovn_pinctrl_result,
     * then opcode-specific options (see below). */
    OVN_PINCTRL_OP_PUT_DHCP_OPTS = 30,   /* DHCPv4 options, see below. */
    OVN_PINCTRL_OP_PUT_DHCPV6_OPTS = 31, /* DHCPv6 options, see below. */
    OVN_PINCTRL_OP_DNS_LOOKUP = 32,      /* No options. */
    OVN_PINCTRL_OP_PUT_ND_RA_OPTS = 33,  /* ND RA options, see below. */

    /* Paused packet rewrites.  Payload: ovs_be16 value, 6 zero bytes.  The
     * handler stores 'value' in the low 16 bits of the ICMP "unused" header
     * word (the next-hop MTU of RFC 1191), fixes the checksum and resumes. */
    OVN_PINCTRL_OP_ICMP4_FRAG_MTU = 40,  /* icmp4.frag_mtu = N */
    OVN_PINCTRL_OP_ICMP6_FRAG_MTU = 41,  /* icmp6.frag_mtu = N */

    /* Notifications.  Not paused. */
    OVN_PINCTRL_OP_LOG = 50,             /* log(...): struct
                                          * ovn_pinctrl_log, then the
                                          * name (not NUL-terminated). */
    OVN_PINCTRL_OP_TRIGGER_EVENT = 51,   /* trigger_event(...): ovs_be32
                                          * event type
                                          * (OVN_PINCTRL_EVENT_*), then
                                          * string options, each: ovs_be16
                                          * option index (0-based position
                                          * in the event's option list
                                          * below), ovs_be16 length,
                                          * bytes. */
    OVN_PINCTRL_OP_HANDLE_SVC_CHECK = 52, /* handle_svc_check(P=reg14). */
    OVN_PINCTRL_OP_BIND_VPORT = 53,      /* bind_vport(V, P=reg14): payload
                                          * ovs_be32 tunnel key of V. */
    OVN_PINCTRL_OP_HANDLE_DHCPV6_REPLY = 54, /* handle_dhcpv6_reply. */
    OVN_PINCTRL_OP_IGMP = 55,            /* igmp. */
};

/* trigger_event types and their option lists (option index = position). */
enum ovn_pinctrl_event {
    OVN_PINCTRL_EVENT_EMPTY_LB_BACKENDS = 0, /* Options: 0 "vip",
                                              * 1 "protocol",
                                              * 2 "load_balancer". */
};

/* log() payload header, followed by the log name. */
struct ovn_pinctrl_log {
    uint8_t verdict;            /* OVN_PINCTRL_LOG_VERDICT_*. */
    uint8_t severity;           /* OVN_PINCTRL_LOG_SEV_*. */
    uint8_t pad[2];             /* Zero. */
};

enum {
    OVN_PINCTRL_LOG_VERDICT_ALLOW = 0,
    OVN_PINCTRL_LOG_VERDICT_DROP = 1,   /* "deny" or "drop" */
    OVN_PINCTRL_LOG_VERDICT_REJECT = 2,
};

/* Severities, numbered like syslog. */
enum {
    OVN_PINCTRL_LOG_SEV_ALERT = 1,
    OVN_PINCTRL_LOG_SEV_WARNING = 4,
    OVN_PINCTRL_LOG_SEV_NOTICE = 5,
    OVN_PINCTRL_LOG_SEV_INFO = 6,
    OVN_PINCTRL_LOG_SEV_DEBUG = 7,
};

/* put_dhcp_opts options: a sequence of DHCPv4 wire-format options, each
 *     uint8_t code, uint8_t length, 'length' bytes of value,
 * ready to be copied into the reply.  The first option is always the pseudo
 * option code 0 ("offerip", 4 bytes), the address to offer; it is not part of
 * the reply's options.  Value encodings, by DHCP_Options type: ipv4 = one or
 * more 4-byte addresses; static_routes = RFC 3442 descriptors; bool/uint8 =
 * 1 byte; uint16 = 2 bytes; uint32 = 4 bytes; str/host_id = the bytes of the
 * string; domains = RFC 1035 encoded names (RFC 3397, uncompressed). */

/* put_dhcpv6_opts options: a sequence of DHCPv6 wire-format options, each
 *     ovs_be16 code, ovs_be16 length, 'length' bytes of value.
 * ia_addr (5) carries just the 16-byte address to offer (the handler builds
 * the IA_NA); server_id (2) carries a DUID-LL (type 3, hw type 1, MAC);
 * domain_search (24) carries RFC 1035 encoded names; fqdn (39) carries flags
 * byte 0 then an encoded name.  The pseudo option
 * OVN_PINCTRL_DHCPV6_STATELESS (code 0xfff0, length 0) means "reply without
 * an address" (dhcpv6_stateless = "true"). */
#define OVN_PINCTRL_DHCPV6_STATELESS 0xfff0

/* put_nd_ra_opts options: a sequence of
 *     uint8_t code, uint8_t length, 'length' bytes of value,
 * with codes:
 *     OVN_PINCTRL_RA_ADDR_MODE (1 byte: 0 slaac, 1 dhcpv6_stateful,
 *                               2 dhcpv6_stateless)
 *     OVN_PINCTRL_RA_PRF       (1 byte: router preference, RFC 4191 2-bit
 *                               encoding: 1 high, 0 medium, 3 low)
 *     1  source link-layer address (6 bytes MAC)
 *     3  prefix (1 byte prefix length, then 16 bytes prefix)
 *     5  MTU (4 bytes)
 *     25 RDNSS (one or more 16-byte addresses)
 *     31 DNSSL (the string as given)
 *     24 route information (the string as given, "[prf-]prefix/len,...")
 * Numbers 1-31 follow the ND option types of RFC 4861/4191/8106. */
#define OVN_PINCTRL_RA_ADDR_MODE 200
#define OVN_PINCTRL_RA_PRF 201

/* Decoding (lib/ovn-pinctrl-ops.c, in libovnlflow.a). ------------------- */

struct ofpbuf;
struct mf_subfield;

/* A decoded controller action userdata. */
struct ovn_pinctrl_op {
    enum ovn_pinctrl_opcode opcode; /* The operation. */
    const uint8_t *payload;         /* Bytes after the header. */
    size_t payload_len;             /* Length of 'payload'. */

    /* Paused request opcodes (PUT_DHCP_OPTS, PUT_DHCPV6_OPTS, DNS_LOOKUP,
     * PUT_ND_RA_OPTS): the result subfield and the options after it. */
    bool has_result;                /* Whether 'result_*' are valid. */
    int result_field;               /* enum mf_field_id. */
    int result_ofs;                 /* Bit offset. */
    int result_n_bits;              /* Width (1). */
    const uint8_t *opts;            /* Options (see above for formats). */
    size_t opts_len;                /* Length of 'opts'. */
};

/* Decodes 'len' bytes of controller 'userdata' into 'op' (which points into
 * 'userdata').  Returns NULL, or a malloc'd error for a short buffer, a
 * wrong version or an unknown opcode. */
char *ovn_pinctrl_op_decode(const void *userdata, size_t len,
                            struct ovn_pinctrl_op *op)
    OVS_WARN_UNUSED_RESULT;

/* For nested-action opcodes: decodes the nested OpenFlow 1.5 actions into
 * 'ofpacts' (appended).  Returns NULL or a malloc'd error. */
char *ovn_pinctrl_op_nested(const struct ovn_pinctrl_op *,
                            struct ofpbuf *ofpacts)
    OVS_WARN_UNUSED_RESULT;

/* Returns the name of 'opcode' ("arp", "put_dhcp_opts", ...), or NULL. */
const char *ovn_pinctrl_opcode_name(enum ovn_pinctrl_opcode);

#endif /* lib/ovn-pinctrl-ops.h */
