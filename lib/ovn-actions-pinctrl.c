/*
 * Logical-flow actions: encoding of the actions that ovn-controller's
 * packet-in handler implements, as "controller" actions whose userdata is
 * described in lib/ovn-pinctrl-ops.h.
 */
#include <config.h>
#include "lib/ovn-actions.h"

#include <string.h>

#include "lib/ovn-actions-private.h"
#include "lib/ovn-pinctrl-ops.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/meta-flow.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-packet.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "util.h"

/* Starts a controller action for 'opcode' and returns its offset; the
 * caller appends the payload and calls finish_controller(). */
static size_t
start_controller(struct ofpbuf *ofpacts, const struct ovn_action_env *env,
                 enum ovn_pinctrl_opcode opcode, bool pause)
{
    size_t ofs = ofpacts->size;
    struct ofpact_controller *oc = ofpact_put_CONTROLLER(ofpacts);

    oc->max_len = UINT16_MAX;
    oc->controller_id = 0;
    oc->reason = OFPR_ACTION;
    oc->pause = pause;
    oc->meter_id = env->ctrl_meter_id;
    oc->provider_meter_id = UINT32_MAX;

    struct ovn_pinctrl_hdr hdr = {
        .version = OVN_PINCTRL_VERSION,
        .opcode = htonl(opcode),
    };
    ofpbuf_put(ofpacts, &hdr, sizeof hdr);
    return ofs;
}

/* Finishes the controller action started at 'ofs'. */
static void
finish_controller(struct ofpbuf *ofpacts, size_t ofs)
{
    struct ofpact_controller *oc = ofpbuf_at_assert(ofpacts, ofs,
                                                    sizeof *oc);
    ofpacts->header = oc;
    oc->userdata_len = ofpacts->size - (ofs + sizeof *oc);
    ofpact_finish_CONTROLLER(ofpacts, &oc);
}

/* Appends a complete controller action with no payload. */
static void
put_controller(struct ofpbuf *ofpacts, const struct ovn_action_env *env,
               enum ovn_pinctrl_opcode opcode)
{
    finish_controller(ofpacts, start_controller(ofpacts, env, opcode, false));
}

/* Appends struct ovn_pinctrl_result for 'sf'. */
static void
put_result(struct ofpbuf *ofpacts, const struct mf_subfield *sf)
{
    struct ovn_pinctrl_result r = {
        .field = htonl(sf->field->id),
        .ofs = htons(sf->ofs),
        .n_bits = htons(sf->n_bits),
    };
    ofpbuf_put(ofpacts, &r, sizeof r);
}

/* Controller action with nested actions encoded as OpenFlow 1.5. */
static char *
encode_nested(const struct ovn_action *act, const struct ovn_action_env *env,
              struct ofpbuf *ofpacts, enum ovn_pinctrl_opcode opcode)
{
    struct ofpbuf inner;
    uint64_t stub[1024 / 8];

    ofpbuf_use_stub(&inner, stub, sizeof stub);
    if (act->nested) {
        char *error = ovnact_encode_list(act->nested, env, &inner);
        if (error) {
            ofpbuf_uninit(&inner);
            return error;
        }
    }

    size_t ofs = start_controller(ofpacts, env, opcode, false);
    ofpacts_put_openflow_actions(inner.data, inner.size, ofpacts,
                                 OFP15_VERSION);
    finish_controller(ofpacts, ofs);
    ofpbuf_uninit(&inner);
    return NULL;
}

/* Copies field arguments into the registers ovn-pinctrl-ops.h names,
 * runs the controller action, and restores the registers.  'kinds' gives
 * the destination of each argument: 'p' reg14, '4' reg0, '6' xxreg0,
 * 'e' eth.src. */
static void
encode_args_controller(const struct ovn_action *act,
                       const struct ovn_action_env *env,
                       struct ofpbuf *ofpacts, const char *kinds,
                       enum ovn_pinctrl_opcode opcode,
                       const void *payload, size_t payload_len)
{
    struct mf_subfield saved[4];
    size_t n_saved = 0;

    for (size_t i = 0; kinds[i]; i++) {
        enum mf_field_id id = (kinds[i] == 'p' ? OVN_MFF_LOG_INPORT
                               : kinds[i] == '4' ? MFF_REG0
                               : kinds[i] == '6' ? MFF_XXREG0
                               : MFF_ETH_SRC);
        const struct mf_field *mf = mf_from_id(id);
        struct mf_subfield dst = { .field = mf, .ofs = 0,
                                   .n_bits = mf->n_bits };
        if (ovnact_sf_equal(&dst, &act->args[i].sf)) {
            continue;
        }
        saved[n_saved++] = dst;
        ofpact_put_STACK_PUSH(ofpacts)->subfield = dst;
        struct ofpact_reg_move *move = ofpact_put_REG_MOVE(ofpacts);
        move->src = act->args[i].sf;
        move->dst = dst;
    }

    size_t ofs = start_controller(ofpacts, env, opcode, false);
    if (payload_len) {
        ofpbuf_put(ofpacts, payload, payload_len);
    }
    finish_controller(ofpacts, ofs);

    while (n_saved > 0) {
        ofpact_put_STACK_POP(ofpacts)->subfield = saved[--n_saved];
    }
}

/* put_dhcp_opts, put_dhcpv6_opts, put_nd_ra_opts. */
static void
encode_put_opts(const struct ovn_action *act,
                const struct ovn_action_env *env, struct ofpbuf *ofpacts,
                enum ovn_pinctrl_opcode opcode)
{
    size_t ofs = start_controller(ofpacts, env, opcode, true);
    put_result(ofpacts, &act->dst.sf);

    /* DHCPv4's offerip (code 0) goes first. */
    if (act->type == OVNACT_PUT_DHCPV4_OPTS) {
        for (size_t i = 0; i < act->n_opts; i++) {
            if (act->opts[i].code == 0) {
                ofpbuf_put(ofpacts, act->opts[i].data, act->opts[i].size);
            }
        }
    }
    for (size_t i = 0; i < act->n_opts; i++) {
        const struct ovnact_opt *opt = &act->opts[i];
        if (act->type == OVNACT_PUT_DHCPV4_OPTS && opt->code == 0) {
            continue;
        }
        if (opt->size) {
            ofpbuf_put(ofpacts, opt->data, opt->size);
        }
    }
    finish_controller(ofpacts, ofs);
}

/* Returns the unquoted, unescaped text of a string option value. */
static char *
unquote(const char *value)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    for (const char *p = value + 1; *p && p[1]; p++) {
        if (*p == '\\' && p[1] && p[2]) {
            p++;
        }
        ds_put_char(&s, *p);
    }
    return ds_steal_cstr(&s);
}

/* log(...). */
static char *
encode_log(const struct ovn_action *act, const struct ovn_action_env *env,
           struct ofpbuf *ofpacts)
{
    const struct ovnact_opt *name = ovnact_find_opt(act, "name");
    const struct ovnact_opt *sev = ovnact_find_opt(act, "severity");
    const struct ovnact_opt *verdict = ovnact_find_opt(act, "verdict");
    const struct ovnact_opt *meter = ovnact_find_opt(act, "meter");
    struct ovn_action_env log_env = *env;

    if (meter) {
        if (!env->meter_id) {
            return xstrdup("log with a meter needs OpenFlow meters, which "
                           "the caller does not provide");
        }
        char *unquoted = unquote(meter->value);
        char *spec = xasprintf("name:%s", unquoted);
        free(unquoted);
        log_env.ctrl_meter_id = env->meter_id(ovnact_meter_aux(env), spec);
        free(spec);
        if (!log_env.ctrl_meter_id) {
            return xasprintf("unknown meter %s", meter->value);
        }
    }

    size_t ofs = start_controller(ofpacts, &log_env, OVN_PINCTRL_OP_LOG,
                                  false);
    struct ovn_pinctrl_log lh = {
        .verdict = verdict ? verdict->code : OVN_PINCTRL_LOG_VERDICT_ALLOW,
        .severity = sev ? sev->code : OVN_PINCTRL_LOG_SEV_INFO,
    };
    ofpbuf_put(ofpacts, &lh, sizeof lh);
    if (name) {
        char *s = unquote(name->value);
        ofpbuf_put(ofpacts, s, strlen(s));
        free(s);
    }
    finish_controller(ofpacts, ofs);
    return NULL;
}

/* trigger_event(...). */
static char *
encode_trigger_event(const struct ovn_action *act,
                     const struct ovn_action_env *env,
                     struct ofpbuf *ofpacts)
{
    const struct ovnact_opt *event = ovnact_find_opt(act, "event");
    const struct ovnact_opt *meter = ovnact_find_opt(act, "meter");
    struct ovn_action_env ev_env = *env;

    if (meter && strcmp(meter->value, "\"\"") && env->meter_id) {
        char *name = unquote(meter->value);
        char *spec = xasprintf("name:%s", name);
        free(name);
        uint32_t id = env->meter_id(ovnact_meter_aux(env), spec);
        free(spec);
        if (id) {
            ev_env.ctrl_meter_id = id;
        }
    }

    size_t ofs = start_controller(ofpacts, &ev_env,
                                  OVN_PINCTRL_OP_TRIGGER_EVENT, false);
    ovs_be32 type = htonl(event->code);
    ofpbuf_put(ofpacts, &type, sizeof type);
    for (size_t i = 0; i < act->n_opts; i++) {
        const struct ovnact_opt *opt = &act->opts[i];
        if (!strcmp(opt->name, "event") || !strcmp(opt->name, "meter")) {
            continue;
        }
        char *s = unquote(opt->value);
        ovs_be16 hdr[2] = { htons(opt->code), htons(strlen(s)) };
        ofpbuf_put(ofpacts, hdr, sizeof hdr);
        ofpbuf_put(ofpacts, s, strlen(s));
        free(s);
    }
    finish_controller(ofpacts, ofs);
    return NULL;
}

/* See lib/ovn-actions-private.h. */
char *
ovnact_encode_pinctrl(const struct ovn_action *act,
                      const struct ovn_action_env *env,
                      struct ofpbuf *ofpacts)
{
    switch (act->type) {
    case OVNACT_ARP:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_ARP);
    case OVNACT_ND_NS:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_ND_NS);
    case OVNACT_ND_NA:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_ND_NA);
    case OVNACT_ND_NA_ROUTER:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_ND_NA_ROUTER);
    case OVNACT_ICMP4:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_ICMP4);
    case OVNACT_ICMP4_ERROR:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_ICMP4_ERROR);
    case OVNACT_ICMP6:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_ICMP6);
    case OVNACT_ICMP6_ERROR:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_ICMP6_ERROR);
    case OVNACT_TCP_RESET:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_TCP_RESET);
    case OVNACT_SCTP_ABORT:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_SCTP_ABORT);
    case OVNACT_REJECT:
        return encode_nested(act, env, ofpacts, OVN_PINCTRL_OP_REJECT);

    case OVNACT_PUT_ARP:
        encode_args_controller(act, env, ofpacts, "p4e",
                               OVN_PINCTRL_OP_PUT_ARP, NULL, 0);
        return NULL;
    case OVNACT_PUT_ND:
        encode_args_controller(act, env, ofpacts, "p6e",
                               OVN_PINCTRL_OP_PUT_ND, NULL, 0);
        return NULL;
    case OVNACT_PUT_FDB:
        encode_args_controller(act, env, ofpacts, "pe",
                               OVN_PINCTRL_OP_PUT_FDB, NULL, 0);
        return NULL;
    case OVNACT_HANDLE_SVC_CHECK:
        encode_args_controller(act, env, ofpacts, "p",
                               OVN_PINCTRL_OP_HANDLE_SVC_CHECK, NULL, 0);
        return NULL;
    case OVNACT_BIND_VPORT: {
        uint32_t key;
        if (!env->lookup_port
            || !env->lookup_port(env->aux, act->value.string, &key)) {
            /* Unknown virtual port: nothing to bind. */
            return NULL;
        }
        ovs_be32 vkey = htonl(key);
        encode_args_controller(act, env, ofpacts, "p",
                               OVN_PINCTRL_OP_BIND_VPORT, &vkey,
                               sizeof vkey);
        return NULL;
    }

    case OVNACT_PUT_DHCPV4_OPTS:
        encode_put_opts(act, env, ofpacts, OVN_PINCTRL_OP_PUT_DHCP_OPTS);
        return NULL;
    case OVNACT_PUT_DHCPV6_OPTS:
        encode_put_opts(act, env, ofpacts, OVN_PINCTRL_OP_PUT_DHCPV6_OPTS);
        return NULL;
    case OVNACT_PUT_ND_RA_OPTS:
        encode_put_opts(act, env, ofpacts, OVN_PINCTRL_OP_PUT_ND_RA_OPTS);
        return NULL;
    case OVNACT_DNS_LOOKUP: {
        size_t ofs = start_controller(ofpacts, env,
                                      OVN_PINCTRL_OP_DNS_LOOKUP, true);
        put_result(ofpacts, &act->dst.sf);
        finish_controller(ofpacts, ofs);
        return NULL;
    }

    case OVNACT_FRAG_MTU: {
        bool v4 = act->ingress;
        size_t ofs = start_controller(ofpacts, env,
                                      (v4 ? OVN_PINCTRL_OP_ICMP4_FRAG_MTU
                                          : OVN_PINCTRL_OP_ICMP6_FRAG_MTU),
                                      true);
        uint8_t payload[8] = { 0 };
        ovs_be16 mtu = htons(act->value.value.u64.lo);
        memcpy(payload, &mtu, sizeof mtu);
        ofpbuf_put(ofpacts, payload, sizeof payload);
        finish_controller(ofpacts, ofs);
        return NULL;
    }

    case OVNACT_LOG:
        return encode_log(act, env, ofpacts);
    case OVNACT_TRIGGER_EVENT:
        return encode_trigger_event(act, env, ofpacts);
    case OVNACT_IGMP:
        put_controller(ofpacts, env, OVN_PINCTRL_OP_IGMP);
        return NULL;
    case OVNACT_HANDLE_DHCPV6_REPLY:
        put_controller(ofpacts, env, OVN_PINCTRL_OP_HANDLE_DHCPV6_REPLY);
        return NULL;

    default:
        return xasprintf("action type %d is not a controller action",
                         act->type);
    }
}
