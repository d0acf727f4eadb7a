/*
 * The logical field table: every symbol a logical flow's match or actions
 * may name (ovn-sb(5) "Symbols"), mapped onto Open vSwitch fields and onto
 * the registers ovn-architecture(7) assigns.
 *
 * There are three kinds of symbols:
 *
 *   - Fields: a whole OVS field (eth.src = MFF_ETH_SRC) or a register
 *     (reg0 = MFF_REG0), or a string field (inport, outport) whose values
 *     are logical port names stored as tunnel keys in a register.
 *
 *   - Subfields: a range of bits of a field (vlan.vid = vlan.tci[0..11],
 *     ct.new = ct_state[0], flags.loopback = flags[0]).
 *
 *   - Predicates: a name for an expression (ip4 = "eth.type == 0x800").
 *
 * Any symbol may have prerequisites, an expression implied by its use
 * (tcp.dst requires "tcp").
 */
#ifndef OVN_SYMTAB_H
#define OVN_SYMTAB_H 1

#include <stdbool.h>
#include "openvswitch/meta-flow.h"

/* Registers with fixed roles (ovn-architecture(7)). */
#define OVN_MFF_LOG_DATAPATH MFF_METADATA  /* Logical datapath tunnel key. */
#define OVN_MFF_LOG_FLAGS MFF_REG10        /* Logical flags (flags.*). */
#define OVN_MFF_LOG_DNAT_ZONE MFF_REG11    /* conntrack DNAT zone. */
#define OVN_MFF_LOG_SNAT_ZONE MFF_REG12    /* conntrack SNAT zone. */
#define OVN_MFF_LOG_CT_ZONE MFF_REG13      /* Logical conntrack zone. */
#define OVN_MFF_LOG_INPORT MFF_REG14       /* Logical input port key. */
#define OVN_MFF_LOG_OUTPORT MFF_REG15      /* Logical output port key. */

/* Bits in the logical flags register (OVN_MFF_LOG_FLAGS). */
enum ovn_log_flag_bit {
    OVN_MLF_ALLOW_LOOPBACK_BIT = 0,       /* flags.loopback */
    OVN_MLF_RCV_FROM_RAMP_BIT = 1,
    OVN_MLF_FORCE_SNAT_FOR_DNAT_BIT = 2,  /* flags.force_snat_for_dnat */
    OVN_MLF_FORCE_SNAT_FOR_LB_BIT = 3,    /* flags.force_snat_for_lb */
    OVN_MLF_LOCAL_ONLY_BIT = 4,
    OVN_MLF_NESTED_CONTAINER_BIT = 5,
    OVN_MLF_LOOKUP_MAC_BIT = 6,
    OVN_MLF_LOOKUP_LB_HAIRPIN_BIT = 7,
    OVN_MLF_LOOKUP_FDB_BIT = 8,
    OVN_MLF_SKIP_SNAT_FOR_LB_BIT = 9,     /* flags.skip_snat_for_lb */
    OVN_MLF_LOCALPORT_BIT = 10,
    OVN_MLF_USE_SNAT_ZONE_BIT = 11,       /* flags.use_snat_zone */
    OVN_MLF_CHECK_PORT_SEC_BIT = 12,
    OVN_MLF_LOOKUP_COMMIT_ECMP_NH_BIT = 13,
};

/* Bits in ct_mark and ct_label used by OVN. */
#define OVN_CT_BLOCKED_BIT 0        /* ct_mark.blocked, ct_label.blocked */
#define OVN_CT_NATTED_BIT 1         /* ct_mark.natted, ct_label.natted */
#define OVN_CT_LB_SKIP_SNAT_BIT 2   /* ct_{mark,label}.skip_snat */
#define OVN_CT_LB_FORCE_SNAT_BIT 3  /* ct_{mark,label}.force_snat */

/* Kinds of symbols. */
enum ovn_symbol_kind {
    OVN_SYM_FIELD,              /* A whole field or register. */
    OVN_SYM_SUBFIELD,           /* Bits of a field. */
    OVN_SYM_PREDICATE,          /* An abbreviation for an expression. */
};

/* One symbol. */
struct ovn_symbol {
    const char *name;           /* E.g. "ip4.src". */
    enum ovn_symbol_kind kind;  /* Field, subfield or predicate. */

    /* Fields and subfields. */
    int width;                  /* Width in bits (a string field: the width
                                 * of its register). */
    bool is_string;             /* String field (inport, outport). */
    bool ordinal;               /* Bits may be tested individually, so bit
                                 * ranges and <, <=, >, >= are allowed. */
    bool rw;                    /* May be assigned by actions. */
    bool must_crossproduct;     /* Never used as a conjunctive match
                                 * dimension (other fields depend on it). */
    const struct mf_field *field;  /* OVS field as named: MFF_REG0 for
                                    * reg0, MFF_CT_STATE for ct.new. */
    int ofs;                    /* Offset of the symbol's LSB within
                                 * 'field'. */
    const struct ovn_symbol *parent;  /* Subfield: the field it is part of;
                                       * otherwise NULL. */

    /* Canonical storage, used to detect overlap between registers of
     * different widths: registers map to the 128-bit xxreg that contains
     * them (reg0 is xxreg0[96..127]); other fields map to themselves. */
    const struct ovn_symbol *canon;  /* Canonical field symbol. */
    int canon_ofs;              /* Offset of LSB within 'canon'. */

    /* Predicates. */
    const char *expansion;      /* Expression it abbreviates. */

    /* Any symbol. */
    const char *prereqs;        /* Implied expression, or NULL. */
};

const struct ovn_symbol *ovn_symtab_lookup(const char *name);
const struct ovn_symbol *ovn_symtab_lookup_len(const char *name, size_t n);
const struct ovn_symbol *ovn_symtab_best_name(const struct ovn_symbol *canon,
                                              int lo, int hi);
const struct ovn_symbol **ovn_symtab_all(size_t *n);
void ovn_symbol_to_subfield(const struct ovn_symbol *,
                            struct mf_subfield *);

#endif /* lib/ovn-symtab.h */
