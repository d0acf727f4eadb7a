/* ovn-sbctl: logical flow commands (lflow-list, dump-flows, count-flows),
 * including the OpenFlow flows of "--ovs" and the records of "--vflows". */

#include <config.h>

#include "utilities/ovn-sbctl.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "byte-order.h"
#include "db-ctl-base.h"
#include "dirs.h"
#include "lib/ovn-sb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/match.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-flow.h"
#include "openvswitch/ofp-protocol.h"
#include "openvswitch/vconn.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "util.h"

/* A logical flow paired with one datapath it applies to. */
struct sbctl_lflow {
    const struct sbrec_logical_flow *lflow;     /* The flow. */
    const struct sbrec_datapath_binding *dp;    /* One of its datapaths. */
};

/* Returns the datapath's name (external_ids:name), or "". */
static const char *
dp_name(const struct sbrec_datapath_binding *dp)
{
    return smap_get_def(&dp->external_ids, "name", "");
}

/* Pipelines sort ingress first. */
static int
pipeline_rank(const char *pipeline)
{
    return !strcmp(pipeline, "ingress") ? 0 : 1;
}

/* Orders flows by datapath (name, UUID), pipeline, table, descending
 * priority, match and actions. */
static int
compare_lflows(const void *a_, const void *b_)
{
    const struct sbctl_lflow *a = a_;
    const struct sbctl_lflow *b = b_;
    int cmp;

    if (a->dp != b->dp) {
        cmp = strcmp(dp_name(a->dp), dp_name(b->dp));
        if (cmp) {
            return cmp;
        }
        cmp = uuid_compare_3way(&a->dp->header_.uuid, &b->dp->header_.uuid);
        if (cmp) {
            return cmp;
        }
    }
    cmp = (pipeline_rank(a->lflow->pipeline)
           - pipeline_rank(b->lflow->pipeline));
    if (cmp) {
        return cmp;
    }
    if (a->lflow->table_id != b->lflow->table_id) {
        return a->lflow->table_id < b->lflow->table_id ? -1 : 1;
    }
    if (a->lflow->priority != b->lflow->priority) {
        return a->lflow->priority > b->lflow->priority ? -1 : 1;
    }
    cmp = strcmp(a->lflow->match, b->lflow->match);
    if (cmp) {
        return cmp;
    }
    cmp = strcmp(a->lflow->actions, b->lflow->actions);
    if (cmp) {
        return cmp;
    }
    return uuid_compare_3way(&a->lflow->header_.uuid,
                             &b->lflow->header_.uuid);
}

/* Appends the description of 'dp': quoted name, "aka" name and UUID. */
static void
put_datapath_name(struct ds *s, const struct sbrec_datapath_binding *dp)
{
    const char *name = smap_get(&dp->external_ids, "name");
    const char *name2 = smap_get(&dp->external_ids, "name2");

    if (name) {
        json_string_escape(name, s);
    }
    if (name2) {
        ds_put_cstr(s, " aka ");
        json_string_escape(name2, s);
    }
    ds_put_format(s, " ("UUID_FMT")", UUID_ARGS(&dp->header_.uuid));
}

/* Appends the "Datapath: ..." description of 'dp' (without newline). */
static void
put_datapath(struct ds *s, const struct sbrec_datapath_binding *dp)
{
    ds_put_cstr(s, "Datapath: ");
    put_datapath_name(s, dp);
}

/* Returns true if 'id' (hex digits, optionally prefixed by 0x) is a prefix
 * of 'uuid'. */
static bool
uuid_has_prefix(const struct uuid *uuid, const char *id)
{
    char s[UUID_LEN + 1];
    snprintf(s, sizeof s, UUID_FMT, UUID_ARGS(uuid));

    if (!strncmp(id, "0x", 2) || !strncmp(id, "0X", 2)) {
        id += 2;
    }
    /* Compare ignoring dashes on both sides. */
    const char *p = s;
    for (; *id; id++) {
        if (*id == '-') {
            continue;
        }
        while (*p == '-') {
            p++;
        }
        if (!*p || tolower((unsigned char) *id) != *p) {
            return false;
        }
        p++;
    }
    return true;
}

/* Returns true if 'id' is a valid (partial) lflow UUID argument. */
static bool
is_partial_uuid(const char *id)
{
    if (!strncmp(id, "0x", 2) || !strncmp(id, "0X", 2)) {
        id += 2;
    }
    if (!*id) {
        return false;
    }
    size_t n_hex = 0;
    for (; *id; id++) {
        if (isxdigit((unsigned char) *id)) {
            n_hex++;
        } else if (*id != '-') {
            return false;
        }
    }
    return n_hex <= 32;
}

const struct sbrec_datapath_binding *
sbctl_lookup_datapath(struct ctl_context *ctx, const char *id, char **error)
{
    struct uuid uuid;
    *error = NULL;
    if (uuid_from_string(&uuid, id)) {
        const struct sbrec_datapath_binding *dp
            = sbrec_datapath_binding_get_for_uuid(ctx->idl, &uuid);
        if (dp) {
            return dp;
        }
    }

    const struct sbrec_datapath_binding *found = NULL, *dp;
    SBREC_DATAPATH_BINDING_FOR_EACH (dp, ctx->idl) {
        const char *name = smap_get(&dp->external_ids, "name");
        if (name && !strcmp(name, id)) {
            if (found) {
                *error = xasprintf("%s: multiple datapaths with this name",
                                   id);
                return NULL;
            }
            found = dp;
        }
    }
    return found;
}

/* Collects the flows to show for lflow-list/count-flows into '*flowsp'.
 * Returns the number of flows, or SIZE_MAX after setting ctx->error. */
static size_t
collect_lflows(struct ctl_context *ctx, bool allow_lflow_ids,
               struct sbctl_lflow **flowsp)
{
    const struct sbrec_datapath_binding *datapath = NULL;
    int first_id = 1;

    *flowsp = NULL;
    if (ctx->argc > 1) {
        char *error;
        datapath = sbctl_lookup_datapath(ctx, ctx->argv[1], &error);
        if (error) {
            ctx->error = error;
            return SIZE_MAX;
        }
        if (datapath) {
            first_id = 2;
        } else if (!allow_lflow_ids) {
            /* count-flows of an unknown datapath counts nothing. */
            *flowsp = NULL;
            return 0;
        }
    }
    for (int i = first_id; i < ctx->argc; i++) {
        if (!is_partial_uuid(ctx->argv[i])) {
            ctl_error(ctx, "%s is not a UUID or the beginning of a UUID",
                      ctx->argv[i]);
            return SIZE_MAX;
        }
    }

    struct sbctl_lflow *flows = NULL;
    size_t n = 0, allocated = 0;
    const struct sbrec_logical_flow *lflow;
    SBREC_LOGICAL_FLOW_FOR_EACH (lflow, ctx->idl) {
        if (first_id < ctx->argc) {
            bool match = false;
            for (int i = first_id; i < ctx->argc && !match; i++) {
                match = uuid_has_prefix(&lflow->header_.uuid, ctx->argv[i]);
            }
            if (!match) {
                continue;
            }
        }

        struct sbrec_datapath_binding *const *dps = NULL;
        size_t n_dps = 0;
        if (lflow->logical_datapath) {
            dps = &lflow->logical_datapath;
            n_dps = 1;
        } else if (lflow->logical_dp_group) {
            dps = lflow->logical_dp_group->datapaths;
            n_dps = lflow->logical_dp_group->n_datapaths;
        }
        for (size_t i = 0; i < n_dps; i++) {
            if (datapath && dps[i] != datapath) {
                continue;
            }
            if (n >= allocated) {
                flows = x2nrealloc(flows, &allocated, sizeof *flows);
            }
            flows[n].lflow = lflow;
            flows[n].dp = dps[i];
            n++;
        }
    }
    if (n) {
        qsort(flows, n, sizeof *flows, compare_lflows);
    }
    *flowsp = flows;
    return n;
}

/* A connection to the integration bridge for "--ovs". */
struct sbctl_of_flows {
    struct vconn *vconn;        /* The OpenFlow connection, or NULL. */
    enum ofputil_protocol protocol; /* Its protocol. */
    bool stats;                 /* --stats: print every field. */
};

/* Connects to 'remote' (NULL: the integration bridge's default management
 * socket).  On failure logs a warning and leaves 'of' disconnected, so that
 * only logical flows are shown. */
static void
connect_of_flows(const char *remote, bool stats, struct sbctl_of_flows *of)
{
    char *default_remote = NULL;
    if (!remote) {
        remote = default_remote = xasprintf("unix:%s/br-int.mgmt",
                                            ovs_rundir());
    }

    of->vconn = NULL;
    of->stats = stats;
    int error = vconn_open_block(remote, 1u << OFP15_VERSION, 0, -1,
                                 &of->vconn);
    if (error) {
        sbctl_warn("%s: connection failed (%s)", remote,
                   ovs_strerror(error));
        of->vconn = NULL;
    } else {
        of->protocol = ofputil_protocol_from_ofp_version(
            vconn_get_version(of->vconn));
    }
    free(default_remote);
}

/* Closes the connection in 'of'. */
static void
disconnect_of_flows(struct sbctl_of_flows *of)
{
    vconn_close(of->vconn);
    of->vconn = NULL;
}

/* Prints the OpenFlow flows whose cookie is the first 32 bits of 'uuid',
 * indented under the record they come from, in the switch's order. */
static void
print_of_flows(struct ds *s, const struct sbctl_of_flows *of,
               const struct uuid *uuid)
{
    if (!of || !of->vconn) {
        return;
    }

    struct ofputil_flow_stats_request fsr = {
        .aggregate = false,
        .cookie = htonll(uuid->parts[0]),
        .cookie_mask = OVS_BE64_MAX,
        .out_port = OFPP_ANY,
        .out_group = OFPG_ANY,
        .table_id = 0xff,
    };
    match_init_catchall(&fsr.match);

    struct ofputil_flow_stats *fses;
    size_t n_fses;
    int error = vconn_dump_flows(of->vconn, &fsr, of->protocol, &fses,
                                 &n_fses);
    if (error) {
        sbctl_warn("error obtaining flow stats (%s)", ovs_strerror(error));
        return;
    }

    for (size_t i = 0; i < n_fses; i++) {
        const struct ofputil_flow_stats *fs = &fses[i];
        ds_put_cstr(s, "    ");
        if (of->stats) {
            struct ds line = DS_EMPTY_INITIALIZER;
            ofputil_flow_stats_format(&line, fs, NULL, NULL, true);
            const char *p = ds_cstr(&line);
            while (*p == ' ') {
                p++;
            }
            ds_put_cstr(s, p);
            ds_destroy(&line);
        } else {
            ds_put_format(s, "table=%"PRIu8" ", fs->table_id);
            size_t len = s->length;
            match_format(&fs->match, NULL, s, OFP_DEFAULT_PRIORITY);
            if (s->length > len) {
                ds_put_char(s, ' ');
            }
            ds_put_cstr(s, "actions=");
            struct ofpact_format_params fp = { .s = s };
            ofpacts_format(fs->ofpacts, fs->ofpacts_len, &fp);
        }
        ds_put_char(s, '\n');
    }
    for (size_t i = 0; i < n_fses; i++) {
        free(CONST_CAST(struct ofpact *, fses[i].ofpacts));
    }
    free(fses);
}

static void print_vflows(struct ds *, struct ctl_context *,
                         const struct sbrec_datapath_binding *,
                         bool print_uuid, const struct sbctl_of_flows *);

/* "[--uuid] lflow-list [DATAPATH] [LFLOW...]" and "dump-flows". */
static void
sbctl_lflow_list(struct ctl_context *ctx)
{
    struct sbctl_lflow *flows;
    size_t n = collect_lflows(ctx, true, &flows);
    if (n == SIZE_MAX) {
        return;
    }

    bool print_uuid = shash_find(&ctx->options, "--uuid") != NULL;
    struct sbctl_of_flows of = { .vconn = NULL };
    struct shash_node *ovs = shash_find(&ctx->options, "--ovs");
    if (ovs) {
        connect_of_flows(ovs->data,
                         shash_find(&ctx->options, "--stats") != NULL, &of);
    }
    struct ds *s = &ctx->output;
    const struct sbctl_lflow *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const struct sbctl_lflow *f = &flows[i];
        const struct sbrec_logical_flow *lflow = f->lflow;

        if (!prev || prev->dp != f->dp
            || strcmp(prev->lflow->pipeline, lflow->pipeline)) {
            put_datapath(s, f->dp);
            ds_put_format(s, "  Pipeline: %s\n", lflow->pipeline);
        }
        prev = f;

        ds_put_cstr(s, "  ");
        if (print_uuid) {
            ds_put_format(s, "uuid=0x%08"PRIx32", ",
                          lflow->header_.uuid.parts[0]);
        }
        ds_put_format(s, "table=%-2"PRId64"(%-19s), priority=%-5"PRId64
                      ", match=(%s), action=(%s)\n",
                      lflow->table_id,
                      smap_get_def(&lflow->external_ids, "stage-name", ""),
                      lflow->priority, lflow->match, lflow->actions);
        print_of_flows(s, &of, &lflow->header_.uuid);
    }
    free(flows);

    if (shash_find(&ctx->options, "--vflows")) {
        char *error;
        const struct sbrec_datapath_binding *dp
            = ctx->argc > 1 ? sbctl_lookup_datapath(ctx, ctx->argv[1], &error)
                            : NULL;
        if (ctx->argc > 1 && error) {
            ctx->error = error;
            disconnect_of_flows(&of);
            return;
        }
        print_vflows(s, ctx, dp, print_uuid, &of);
    }
    disconnect_of_flows(&of);
}

/* Starts a --vflows line for 'row': "uuid=0x..., " if 'print_uuid', then
 * "datapath=NAME, " for 'dp' unless a datapath filter is in effect
 * ('filtered'). */
static void
put_vflow_prefix(struct ds *s, const struct ovsdb_idl_row *row,
                 bool print_uuid, const struct sbrec_datapath_binding *dp,
                 bool filtered)
{
    ds_put_cstr(s, "  ");
    if (print_uuid) {
        ds_put_format(s, "uuid=0x%08"PRIx32", ", row->uuid.parts[0]);
    }
    if (!filtered) {
        ds_put_cstr(s, "datapath=");
        json_string_escape(dp ? smap_get_def(&dp->external_ids, "name", "")
                              : "", s);
        ds_put_cstr(s, ", ");
    }
}

/* Appends 'section', if it is not empty, to 's' under the heading 'title',
 * and clears it. */
static void
flush_vflow_section(struct ds *s, const char *title, struct ds *section)
{
    if (section->length) {
        ds_put_format(s, "\n%s:\n%s", title, ds_cstr(section));
        ds_clear(section);
    }
}

/* Prints the southbound records besides logical flows that ovn-controller
 * turns into OpenFlow flows ("--vflows"): port bindings, MAC bindings,
 * multicast groups and chassis, restricted to 'dp' if nonnull. */
static void
print_vflows(struct ds *s, struct ctl_context *ctx,
             const struct sbrec_datapath_binding *dp, bool print_uuid,
             const struct sbctl_of_flows *of)
{
    struct ds section = DS_EMPTY_INITIALIZER;

    const struct sbrec_port_binding *pb;
    SBREC_PORT_BINDING_FOR_EACH (pb, ctx->idl) {
        if (!dp || pb->datapath == dp) {
            put_vflow_prefix(&section, &pb->header_, print_uuid,
                             pb->datapath, dp != NULL);
            ds_put_format(&section, "logical_port=%s, tunnel_key=%-5"PRId64
                          "\n", pb->logical_port, pb->tunnel_key);
            print_of_flows(&section, of, &pb->header_.uuid);
        }
    }
    flush_vflow_section(s, "Port Bindings", &section);

    const struct sbrec_mac_binding *mb;
    SBREC_MAC_BINDING_FOR_EACH (mb, ctx->idl) {
        if (!dp || mb->datapath == dp) {
            put_vflow_prefix(&section, &mb->header_, print_uuid,
                             mb->datapath, dp != NULL);
            ds_put_format(&section, "logical_port=%s, ip=%s, mac=%s\n",
                          mb->logical_port, mb->ip, mb->mac);
            print_of_flows(&section, of, &mb->header_.uuid);
        }
    }
    flush_vflow_section(s, "MAC Bindings", &section);

    const struct sbrec_multicast_group *mg;
    SBREC_MULTICAST_GROUP_FOR_EACH (mg, ctx->idl) {
        if (!dp || mg->datapath == dp) {
            put_vflow_prefix(&section, &mg->header_, print_uuid,
                             mg->datapath, dp != NULL);
            ds_put_format(&section, "name=%s, tunnel_key=%"PRId64
                          ", ports=(", mg->name, mg->tunnel_key);
            for (size_t i = 0; i < mg->n_ports; i++) {
                ds_put_format(&section, "%s%s", i ? ", " : "",
                              mg->ports[i]->logical_port);
            }
            ds_put_cstr(&section, ")\n");
            print_of_flows(&section, of, &mg->header_.uuid);
        }
    }
    flush_vflow_section(s, "MC Groups", &section);

    const struct sbrec_chassis *ch;
    SBREC_CHASSIS_FOR_EACH (ch, ctx->idl) {
        ds_put_cstr(&section, "  ");
        if (print_uuid) {
            ds_put_format(&section, "uuid=0x%08"PRIx32", ",
                          ch->header_.uuid.parts[0]);
        }
        ds_put_format(&section, "name=%s\n", ch->name);
        print_of_flows(&section, of, &ch->header_.uuid);
    }
    flush_vflow_section(s, "Chassis", &section);
    ds_destroy(&section);
}

/* "count-flows [DATAPATH]". */
static void
sbctl_count_flows(struct ctl_context *ctx)
{
    struct sbctl_lflow *flows;
    size_t n = collect_lflows(ctx, false, &flows);
    if (n == SIZE_MAX) {
        return;
    }

    struct ds *s = &ctx->output;
    size_t i = 0;
    while (i < n) {
        /* One datapath and pipeline. */
        size_t start = i;
        const struct sbctl_lflow *f = &flows[i];
        put_datapath(s, f->dp);
        ds_put_format(s, "  Pipeline: %s\n", f->lflow->pipeline);
        while (i < n && flows[i].dp == f->dp
               && !strcmp(flows[i].lflow->pipeline, f->lflow->pipeline)) {
            size_t table_start = i;
            const struct sbrec_logical_flow *t = flows[i].lflow;
            while (i < n && flows[i].dp == f->dp
                   && !strcmp(flows[i].lflow->pipeline, t->pipeline)
                   && flows[i].lflow->table_id == t->table_id) {
                i++;
            }
            ds_put_format(s, "  table=%-2"PRId64"(%-19s) lflows=%"PRIuSIZE
                          "\n", t->table_id,
                          smap_get_def(&t->external_ids, "stage-name", ""),
                          i - table_start);
        }
        ds_put_cstr(s, "Total number of logical flows in the datapath ");
        put_datapath_name(s, f->dp);
        ds_put_format(s, " Pipeline: %s = %"PRIuSIZE"\n\n",
                      f->lflow->pipeline, i - start);
    }
    ds_put_format(s, "Total number of logical flows = %"PRIuSIZE"\n", n);
    free(flows);
}

static const struct ctl_command_syntax lflow_commands[] = {
    { "lflow-list", 0, INT_MAX, "[DATAPATH] [LFLOW...]", NULL,
      sbctl_lflow_list, NULL, "--uuid,--ovs?,--stats,--vflows?", RO },
    { "dump-flows", 0, INT_MAX, "[DATAPATH] [LFLOW...]", NULL,
      sbctl_lflow_list, NULL, "--uuid,--ovs?,--stats,--vflows?", RO },
    { "count-flows", 0, 1, "[DATAPATH]", NULL, sbctl_count_flows, NULL, "",
      RO },
    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

void
sbctl_lflow_register(void)
{
    ctl_register_commands(lflow_commands);
}
