/*
 * Internal interfaces shared by the lib/ovn-actions*.c files.
 */
#ifndef OVN_ACTIONS_PRIVATE_H
#define OVN_ACTIONS_PRIVATE_H 1

#include "lib/ovn-actions.h"
#include "lib/ovn-lex.h"

struct ds;
struct ofpbuf;

/* What the action parser needs to know about a logical field. */
struct ovnact_field_info {
    struct mf_subfield sf;      /* The OpenFlow bits it occupies. */
    bool is_string;             /* String field (logical port name). */
    bool rw;                    /* Modifiable by actions. */
    bool is_predicate;          /* A predicate, not a field. */
    bool ordinal;               /* Bit ranges may be taken. */
    const char *prereqs;        /* Prerequisite expression, or NULL. */
};

/* Returns true if 'a' and 'b' name the same bits. */
static inline bool
ovnact_sf_equal(const struct mf_subfield *a, const struct mf_subfield *b)
{
    return a->field == b->field && a->ofs == b->ofs && a->n_bits == b->n_bits;
}

/* Returns the aux pointer for 'env''s meter_id callback. */
static inline void *
ovnact_meter_aux(const struct ovn_action_env *env)
{
    return env->meter_aux ? env->meter_aux : env->id_aux;
}

/* Looks up logical field 'name' in the symbol table. */
bool ovnact_lookup_field(const char *name, struct ovnact_field_info *);

/* One token of an option value. */
struct ovnact_opt_token {
    enum ovn_lex_type type;     /* STRING, ID, PORT_GROUP, (MASKED_)INTEGER */
    char *s;                    /* STRING, ID, PORT_GROUP. */
    enum ovn_lex_format format; /* Integers. */
    ovs_u128 value;             /* Integers. */
    ovs_u128 mask;              /* MASKED_INTEGER. */
};

/* The tokens of an option value: one, or the members of a "{ }" set. */
struct ovnact_opt_value {
    struct ovnact_opt_token toks[64]; /* The tokens. */
    size_t n;                         /* Number of 'toks'. */
};

void ovnact_opt_value_destroy(struct ovnact_opt_value *);

/* Validates (and possibly encodes into 'opt->data') option 'opt' of 'act'
 * with value 'v'.  Returns NULL or a malloc'd error. */
typedef char *ovnact_opt_check_func(const struct ovnact_parse_params *,
                                    struct ovn_action *,
                                    struct ovnact_opt *,
                                    const struct ovnact_opt_value *);

ovnact_opt_check_func ovnact_check_dhcpv4_opt;
ovnact_opt_check_func ovnact_check_dhcpv6_opt;
ovnact_opt_check_func ovnact_check_nd_ra_opt;
ovnact_opt_check_func ovnact_check_log_opt;
ovnact_opt_check_func ovnact_check_event_opt;
ovnact_opt_check_func ovnact_check_fwd_group_opt;
ovnact_opt_check_func ovnact_check_sample_opt;
ovnact_opt_check_func ovnact_check_ecmp_opt;
ovnact_opt_check_func ovnact_check_lb_aff_opt;

/* Checks the options of 'act' as a whole (required ones present, no
 * duplicates).  Returns NULL or a malloc'd error. */
char *ovnact_finish_opts(struct ovn_action *);

/* Returns the prerequisites of learn-based action 'act' (commit_lb_aff,
 * commit_ecmp_nh), or NULL. */
const char *ovnact_learn_prereqs(const struct ovn_action *);

/* Validates a comma-separated list of OpenFlow hash field names. */
char *ovnact_check_hash_fields(const char *);

/* Appends 's' as a quoted string to 'out'. */
void format_string_token(const char *s, struct ds *out);

/* Returns the value of the option named 'name' in 'act', or NULL. */
const struct ovnact_opt *ovnact_find_opt(const struct ovn_action *,
                                         const char *name);

/* Encodes controller-bound and option-bearing actions. */
char *ovnact_encode_pinctrl(const struct ovn_action *,
                            const struct ovn_action_env *,
                            struct ofpbuf *);

/* Encodes 'acts' (used for nested actions too). */
char *ovnact_encode_list(const struct ovn_actions *,
                         const struct ovn_action_env *, struct ofpbuf *);

#endif /* lib/ovn-actions-private.h */
