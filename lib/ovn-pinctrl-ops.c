/*
 * Decoding of the controller action userdata described in
 * lib/ovn-pinctrl-ops.h, for ovn-controller's packet-in handler.
 */
#include <config.h>
#include "lib/ovn-pinctrl-ops.h"

#include <string.h>

#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-errors.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "util.h"

/* See lib/ovn-pinctrl-ops.h. */
const char *
ovn_pinctrl_opcode_name(enum ovn_pinctrl_opcode opcode)
{
    switch (opcode) {
    case OVN_PINCTRL_OP_ARP: return "arp";
    case OVN_PINCTRL_OP_ND_NS: return "nd_ns";
    case OVN_PINCTRL_OP_ND_NA: return "nd_na";
    case OVN_PINCTRL_OP_ND_NA_ROUTER: return "nd_na_router";
    case OVN_PINCTRL_OP_ICMP4: return "icmp4";
    case OVN_PINCTRL_OP_ICMP4_ERROR: return "icmp4_error";
    case OVN_PINCTRL_OP_ICMP6: return "icmp6";
    case OVN_PINCTRL_OP_ICMP6_ERROR: return "icmp6_error";
    case OVN_PINCTRL_OP_TCP_RESET: return "tcp_reset";
    case OVN_PINCTRL_OP_SCTP_ABORT: return "sctp_abort";
    case OVN_PINCTRL_OP_REJECT: return "reject";
    case OVN_PINCTRL_OP_PUT_ARP: return "put_arp";
    case OVN_PINCTRL_OP_PUT_ND: return "put_nd";
    case OVN_PINCTRL_OP_PUT_FDB: return "put_fdb";
    case OVN_PINCTRL_OP_PUT_DHCP_OPTS: return "put_dhcp_opts";
    case OVN_PINCTRL_OP_PUT_DHCPV6_OPTS: return "put_dhcpv6_opts";
    case OVN_PINCTRL_OP_DNS_LOOKUP: return "dns_lookup";
    case OVN_PINCTRL_OP_PUT_ND_RA_OPTS: return "put_nd_ra_opts";
    case OVN_PINCTRL_OP_ICMP4_FRAG_MTU: return "icmp4.frag_mtu";
    case OVN_PINCTRL_OP_ICMP6_FRAG_MTU: return "icmp6.frag_mtu";
    case OVN_PINCTRL_OP_LOG: return "log";
    case OVN_PINCTRL_OP_TRIGGER_EVENT: return "trigger_event";
    case OVN_PINCTRL_OP_HANDLE_SVC_CHECK: return "handle_svc_check";
    case OVN_PINCTRL_OP_BIND_VPORT: return "bind_vport";
    case OVN_PINCTRL_OP_HANDLE_DHCPV6_REPLY: return "handle_dhcpv6_reply";
    case OVN_PINCTRL_OP_IGMP: return "igmp";
    }
    return NULL;
}

/* Returns true if 'opcode' carries nested actions. */
static bool
is_nested(enum ovn_pinctrl_opcode opcode)
{
    return opcode >= OVN_PINCTRL_OP_ARP && opcode <= OVN_PINCTRL_OP_REJECT;
}

/* Returns true if 'opcode' starts with a struct ovn_pinctrl_result. */
static bool
has_result(enum ovn_pinctrl_opcode opcode)
{
    return (opcode >= OVN_PINCTRL_OP_PUT_DHCP_OPTS
            && opcode <= OVN_PINCTRL_OP_PUT_ND_RA_OPTS);
}

/* See lib/ovn-pinctrl-ops.h. */
char *
ovn_pinctrl_op_decode(const void *userdata, size_t len,
                      struct ovn_pinctrl_op *op)
{
    struct ovn_pinctrl_hdr hdr;

    memset(op, 0, sizeof *op);
    if (len < sizeof hdr) {
        return xasprintf("controller userdata too short (%"PRIuSIZE" bytes)",
                         len);
    }
    memcpy(&hdr, userdata, sizeof hdr);
    if (hdr.version != OVN_PINCTRL_VERSION) {
        return xasprintf("unsupported controller userdata version %d",
                         hdr.version);
    }
    op->opcode = ntohl(hdr.opcode);
    if (!ovn_pinctrl_opcode_name(op->opcode)) {
        return xasprintf("unknown controller opcode %"PRIu32,
                         ntohl(hdr.opcode));
    }
    op->payload = (const uint8_t *) userdata + sizeof hdr;
    op->payload_len = len - sizeof hdr;

    if (has_result(op->opcode)) {
        struct ovn_pinctrl_result r;
        if (op->payload_len < sizeof r) {
            return xasprintf("%s: missing result field",
                             ovn_pinctrl_opcode_name(op->opcode));
        }
        memcpy(&r, op->payload, sizeof r);
        op->has_result = true;
        op->result_field = ntohl(r.field);
        op->result_ofs = ntohs(r.ofs);
        op->result_n_bits = ntohs(r.n_bits);
        op->opts = op->payload + sizeof r;
        op->opts_len = op->payload_len - sizeof r;
    }

    size_t need = (op->opcode == OVN_PINCTRL_OP_LOG
                   ? sizeof(struct ovn_pinctrl_log)
                   : op->opcode == OVN_PINCTRL_OP_TRIGGER_EVENT
                     || op->opcode == OVN_PINCTRL_OP_BIND_VPORT ? 4
                   : op->opcode == OVN_PINCTRL_OP_ICMP4_FRAG_MTU
                     || op->opcode == OVN_PINCTRL_OP_ICMP6_FRAG_MTU ? 8
                   : 0);
    if (op->payload_len < need) {
        return xasprintf("%s: payload too short",
                         ovn_pinctrl_opcode_name(op->opcode));
    }
    return NULL;
}

/* See lib/ovn-pinctrl-ops.h. */
char *
ovn_pinctrl_op_nested(const struct ovn_pinctrl_op *op,
                      struct ofpbuf *ofpacts)
{
    if (!is_nested(op->opcode)) {
        return xasprintf("%s has no nested actions",
                         ovn_pinctrl_opcode_name(op->opcode));
    }
    if (!op->payload_len) {
        return NULL;
    }

    struct ofpbuf msg;
    ofpbuf_use_const(&msg, op->payload, op->payload_len);
    enum ofperr err = ofpacts_pull_openflow_actions(&msg, op->payload_len,
                                                    OFP15_VERSION, NULL,
                                                    NULL, ofpacts);
    if (err) {
        return xasprintf("%s: bad nested actions (%s)",
                         ovn_pinctrl_opcode_name(op->opcode),
                         ofperr_to_string(err));
    }
    return NULL;
}
