/* ovn-sbctl: command-line management of the OVN_Southbound database.
 *
 * Built on OVS's db-ctl-base and the skeleton it shares with ovn-nbctl
 * (lib/ovn-ctl-main.c): the generic database commands and "show" come from
 * db-ctl-base; this file adds the chassis, port binding, connection and SSL
 * commands, ovn-sbctl-lflow.c the logical flow commands. */

#include <config.h>

#include "utilities/ovn-sbctl.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db-ctl-base.h"
#include "lib/ovn-ctl-main.h"
#include "lib/ovn-dirs.h"
#include "lib/ovn-sb-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "sset.h"
#include "svec.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(sbctl);

static void sbctl_cmd_init(void);
OVS_NO_RETURN static void usage(void);

/* Starts a transaction: makes sure SB_Global exists. */
static void
sbctl_txn_start(struct ovsdb_idl *idl, struct ovsdb_idl_txn *txn)
{
    if (!sbrec_sb_global_first(idl)) {
        sbrec_sb_global_insert(txn);
    }
}

/* What ovn-sbctl adds to the shared skeleton. */
static const struct ovn_ctl_program sbctl_program = {
    .name = "ovn-sbctl",
    .module = &this_module,
    .idl_class = &sbrec_idl_class,
    .db_version = sbrec_get_db_version,
    .db_env = "OVN_SB_DB",
    .default_db = ovn_default_sb_db,
    .daemon_env = "OVN_SB_DAEMON",
    .usage = usage,
    .txn_start = sbctl_txn_start,
};

/* Registers the commands and runs the shared skeleton. */
int
main(int argc, char *argv[])
{
    set_program_name(argv[0]);
    sbctl_cmd_init();
    return ovn_ctl_main(&sbctl_program, argc, argv, argv);
}

/* Prints the help text and exits. */
static void
usage(void)
{
    printf("\
%s: OVN southbound DB management utility\n\
usage: %s [OPTIONS] COMMAND [ARG...]\n\
\n\
General commands:\n\
  init                        initialize the database\n\
  show                        print overview of database contents\n\
\n\
Chassis commands:\n\
  chassis-add CHASSIS ENCAP-TYPE ENCAP-IP  create a new chassis named\n\
                              CHASSIS with ENCAP-TYPE tunnels and ENCAP-IP\n\
  chassis-del CHASSIS         delete CHASSIS and all of its encaps\n\
\n\
Port binding commands:\n\
  lsp-bind PORT CHASSIS       bind logical port PORT to CHASSIS\n\
  lsp-unbind PORT             reset the port binding of logical port PORT\n\
\n\
Logical flow commands:\n\
  lflow-list [DATAPATH] [LFLOW...] list logical flows for DATAPATH\n\
  dump-flows [DATAPATH]       alias for lflow-list\n\
  count-flows [DATAPATH]      count logical flows per table\n\
\n\
Connection commands:\n\
  get-connection              print the connections\n\
  del-connection              delete the connections\n\
  [--inactivity-probe=MSECS]\n\
  set-connection TARGET...    set the list of connections to TARGET...\n\
\n\
SSL commands:\n\
  get-ssl                     print the SSL configuration\n\
  del-ssl                     delete the SSL configuration\n\
  set-ssl PRIV-KEY CERT CA-CERT [SSL-PROTOS [SSL-CIPHERS]] set the SSL\n\
                              configuration\n\
\n\
%s\
%s\
\n\
Options:\n\
  --db=DATABASE               connect to DATABASE\n\
                              (default: %s)\n\
  --no-leader-only            accept any cluster member, not only the leader\n\
  -t, --timeout=SECS          wait at most SECS seconds\n\
  --dry-run                   do not commit changes to database\n\
  --oneline                   print exactly one line of output per command\n",
           program_name, program_name, ctl_get_db_cmd_usage(),
           ctl_list_db_tables_usage(), ovn_default_sb_db());
    ovn_ctl_usage_tail();
}

/* Logs a warning under ovn-sbctl's log module (see ovn-sbctl.h). */
void
sbctl_warn(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *msg = xvasprintf(format, args);
    va_end(args);
    VLOG_WARN("%s", msg);
    free(msg);
}

/* ------------------------------------------------------------------------ */
/* Chassis and port bindings. */

/* Returns the chassis named 'name', or NULL. */
static const struct sbrec_chassis *
chassis_by_name(struct ctl_context *ctx, const char *name)
{
    const struct sbrec_chassis *ch;
    SBREC_CHASSIS_FOR_EACH (ch, ctx->idl) {
        if (!strcmp(ch->name, name)) {
            return ch;
        }
    }
    return NULL;
}

/* Returns the port binding for logical port 'name', or NULL. */
static const struct sbrec_port_binding *
port_binding_by_name(struct ctl_context *ctx, const char *name)
{
    const struct sbrec_port_binding *pb;
    SBREC_PORT_BINDING_FOR_EACH (pb, ctx->idl) {
        if (!strcmp(pb->logical_port, name)) {
            return pb;
        }
    }
    return NULL;
}

/* "init": the transaction loop creates SB_Global if needed. */
static void
sbctl_init(struct ctl_context *ctx OVS_UNUSED)
{
}

/* "[--may-exist] chassis-add CHASSIS ENCAP-TYPE ENCAP-IP". */
static void
sbctl_chassis_add(struct ctl_context *ctx)
{
    const char *name = ctx->argv[1];
    const char *encap_types = ctx->argv[2];
    const char *encap_ip = ctx->argv[3];

    if (chassis_by_name(ctx, name)) {
        if (!shash_find(&ctx->options, "--may-exist")) {
            ctl_error(ctx, "cannot create a chassis named %s because a "
                      "chassis named %s already exists", name, name);
        }
        return;
    }

    struct sset types = SSET_INITIALIZER(&types);
    sset_from_delimited_string(&types, encap_types, ",");

    size_t n = sset_count(&types);
    struct sbrec_encap **encaps = xmalloc((n + 1) * sizeof *encaps);
    const struct smap options = SMAP_CONST1(&options, "csum", "true");
    const char *type;
    size_t i = 0;
    SSET_FOR_EACH (type, &types) {
        encaps[i] = sbrec_encap_insert(ctx->txn);
        sbrec_encap_set_type(encaps[i], type);
        sbrec_encap_set_ip(encaps[i], encap_ip);
        sbrec_encap_set_options(encaps[i], &options);
        sbrec_encap_set_chassis_name(encaps[i], name);
        i++;
    }
    sset_destroy(&types);

    struct sbrec_chassis *ch = sbrec_chassis_insert(ctx->txn);
    sbrec_chassis_set_name(ch, name);
    sbrec_chassis_set_encaps(ch, encaps, n);
    free(encaps);
}

/* "[--if-exists] chassis-del CHASSIS". */
static void
sbctl_chassis_del(struct ctl_context *ctx)
{
    const struct sbrec_chassis *ch = chassis_by_name(ctx, ctx->argv[1]);
    if (!ch) {
        if (!shash_find(&ctx->options, "--if-exists")) {
            ctl_error(ctx, "no chassis named %s", ctx->argv[1]);
        }
        return;
    }

    for (size_t i = 0; i < ch->n_encaps; i++) {
        sbrec_encap_delete(ch->encaps[i]);
    }
    const struct sbrec_chassis_private *chp;
    SBREC_CHASSIS_PRIVATE_FOR_EACH_SAFE (chp, ctx->idl) {
        if (!strcmp(chp->name, ch->name)) {
            sbrec_chassis_private_delete(chp);
        }
    }
    sbrec_chassis_delete(ch);
}

/* "[--may-exist] lsp-bind PORT CHASSIS". */
static void
sbctl_lsp_bind(struct ctl_context *ctx)
{
    const struct sbrec_port_binding *pb = port_binding_by_name(ctx,
                                                               ctx->argv[1]);
    if (!pb) {
        ctl_error(ctx, "no port named %s", ctx->argv[1]);
        return;
    }
    const struct sbrec_chassis *ch = chassis_by_name(ctx, ctx->argv[2]);
    if (!ch) {
        ctl_error(ctx, "no chassis named %s", ctx->argv[2]);
        return;
    }

    if (pb->chassis) {
        if (pb->chassis == ch && shash_find(&ctx->options, "--may-exist")) {
            return;
        }
        ctl_error(ctx, "lport (%s) has already been binded to chassis (%s)",
                  pb->logical_port, pb->chassis->name);
        return;
    }
    sbrec_port_binding_set_chassis(pb, ch);
    bool up = true;
    sbrec_port_binding_set_up(pb, &up, 1);
}

/* "[--if-exists] lsp-unbind PORT". */
static void
sbctl_lsp_unbind(struct ctl_context *ctx)
{
    const struct sbrec_port_binding *pb = port_binding_by_name(ctx,
                                                               ctx->argv[1]);
    if (!pb) {
        if (!shash_find(&ctx->options, "--if-exists")) {
            ctl_error(ctx, "no port named %s", ctx->argv[1]);
        }
        return;
    }
    sbrec_port_binding_set_chassis(pb, NULL);
    sbrec_port_binding_set_up(pb, NULL, 0);
}

/* "ip-multicast-flush [DATAPATH]": asks ovn-controller to flush the learnt
 * IGMP/MLD groups by bumping IP_Multicast's seq_no. */
static void
sbctl_ip_multicast_flush(struct ctl_context *ctx)
{
    const struct sbrec_datapath_binding *dp = NULL;
    if (ctx->argc == 2) {
        char *error;
        dp = sbctl_lookup_datapath(ctx, ctx->argv[1], &error);
        if (error) {
            ctx->error = error;
            return;
        }
        if (!dp) {
            ctl_error(ctx, "%s is not a valid datapath", ctx->argv[1]);
            return;
        }
    }

    const struct sbrec_ip_multicast *ipm;
    SBREC_IP_MULTICAST_FOR_EACH (ipm, ctx->idl) {
        if (!dp || ipm->datapath == dp) {
            sbrec_ip_multicast_set_seq_no(ipm, ipm->seq_no + 1);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Connections and SSL. */

/* "get-connection". */
static void
sbctl_get_connection(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    if (!sb) {
        return;
    }
    struct svec lines = SVEC_EMPTY_INITIALIZER;
    for (size_t i = 0; i < sb->n_connections; i++) {
        const struct sbrec_connection *conn = sb->connections[i];
        char *line = xasprintf("%s role=\"%s\" %s",
                               conn->read_only ? "read-only" : "read-write",
                               conn->role, conn->target);
        svec_add_nocopy(&lines, line);
    }
    svec_sort(&lines);
    for (size_t i = 0; i < lines.n; i++) {
        ds_put_format(&ctx->output, "%s\n", lines.names[i]);
    }
    svec_destroy(&lines);
}

/* Deletes every configured connection. */
static void
delete_connections(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    if (!sb) {
        return;
    }
    for (size_t i = 0; i < sb->n_connections; i++) {
        sbrec_connection_delete(sb->connections[i]);
    }
    sbrec_sb_global_set_connections(sb, NULL, 0);
}

/* "del-connection". */
static void
sbctl_del_connection(struct ctl_context *ctx)
{
    delete_connections(ctx);
}

/* "[--inactivity-probe=MSECS] set-connection [read-only|read-write]
 * [role=ROLE] TARGET...". */
static void
sbctl_set_connection(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    const char *probe_s = shash_find_data(&ctx->options,
                                          "--inactivity-probe");
    int64_t probe = 0;
    if (probe_s && !ovs_scan(probe_s, "%"SCNd64, &probe)) {
        ctl_error(ctx, "%s: invalid inactivity probe", probe_s);
        return;
    }

    delete_connections(ctx);

    struct sbrec_connection **conns = xmalloc(ctx->argc * sizeof *conns);
    size_t n = 0;
    bool read_only = false;
    const char *role = "";
    for (int i = 1; i < ctx->argc; i++) {
        const char *arg = ctx->argv[i];
        if (!strcmp(arg, "read-only")) {
            read_only = true;
        } else if (!strcmp(arg, "read-write")) {
            read_only = false;
        } else if (!strncmp(arg, "role=", 5)) {
            role = arg + 5;
        } else {
            conns[n] = sbrec_connection_insert(ctx->txn);
            sbrec_connection_set_target(conns[n], arg);
            sbrec_connection_set_read_only(conns[n], read_only);
            sbrec_connection_set_role(conns[n], role);
            if (probe_s) {
                sbrec_connection_set_inactivity_probe(conns[n], &probe, 1);
            }
            n++;
        }
    }
    sbrec_sb_global_set_connections(sb, conns, n);
    free(conns);
}

/* "get-ssl". */
static void
sbctl_get_ssl(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    const struct sbrec_ssl *ssl = sb ? sb->ssl : NULL;
    if (ssl) {
        ds_put_format(&ctx->output, "Private key: %s\n", ssl->private_key);
        ds_put_format(&ctx->output, "Certificate: %s\n", ssl->certificate);
        ds_put_format(&ctx->output, "CA Certificate: %s\n", ssl->ca_cert);
        ds_put_format(&ctx->output, "Bootstrap: %s\n",
                      ssl->bootstrap_ca_cert ? "true" : "false");
    }
}

/* "del-ssl". */
static void
sbctl_del_ssl(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    if (sb && sb->ssl) {
        sbrec_ssl_delete(sb->ssl);
        sbrec_sb_global_set_ssl(sb, NULL);
    }
}

/* "[--bootstrap] set-ssl PRIVATE-KEY CERTIFICATE CA-CERT [SSL-PROTOS
 * [SSL-CIPHERS]]". */
static void
sbctl_set_ssl(struct ctl_context *ctx)
{
    const struct sbrec_sb_global *sb = sbrec_sb_global_first(ctx->idl);
    if (sb->ssl) {
        sbrec_ssl_delete(sb->ssl);
    }

    struct sbrec_ssl *ssl = sbrec_ssl_insert(ctx->txn);
    sbrec_ssl_set_private_key(ssl, ctx->argv[1]);
    sbrec_ssl_set_certificate(ssl, ctx->argv[2]);
    sbrec_ssl_set_ca_cert(ssl, ctx->argv[3]);
    sbrec_ssl_set_bootstrap_ca_cert(
        ssl, shash_find(&ctx->options, "--bootstrap") != NULL);
    if (ctx->argc >= 5) {
        sbrec_ssl_set_ssl_protocols(ssl, ctx->argv[4]);
    }
    if (ctx->argc >= 6) {
        sbrec_ssl_set_ssl_ciphers(ssl, ctx->argv[5]);
    }
    sbrec_sb_global_set_ssl(sb, ssl);
}

/* ------------------------------------------------------------------------ */
/* Registration. */

/* How the generic commands find rows by name. */
static const struct ctl_table_class tables[SBREC_N_TABLES] = {
    [SBREC_TABLE_CHASSIS].row_ids[0] = {&sbrec_chassis_col_name, NULL, NULL},

    [SBREC_TABLE_CHASSIS_PRIVATE].row_ids[0]
    = {&sbrec_chassis_private_col_name, NULL, NULL},

    [SBREC_TABLE_DATAPATH_BINDING].row_ids
    = {{&sbrec_datapath_binding_col_external_ids, "name", NULL},
       {&sbrec_datapath_binding_col_external_ids, "name2", NULL},
       {&sbrec_datapath_binding_col_external_ids, "logical-switch", NULL},
       {&sbrec_datapath_binding_col_external_ids, "logical-router", NULL}},

    [SBREC_TABLE_PORT_BINDING].row_ids
    = {{&sbrec_port_binding_col_logical_port, NULL, NULL},
       {&sbrec_port_binding_col_external_ids, "name", NULL}},

    [SBREC_TABLE_MAC_BINDING].row_ids[0] =
    {&sbrec_mac_binding_col_logical_port, NULL, NULL},

    [SBREC_TABLE_ADDRESS_SET].row_ids[0]
    = {&sbrec_address_set_col_name, NULL, NULL},

    [SBREC_TABLE_PORT_GROUP].row_ids[0]
    = {&sbrec_port_group_col_name, NULL, NULL},

    [SBREC_TABLE_HA_CHASSIS_GROUP].row_ids[0]
    = {&sbrec_ha_chassis_group_col_name, NULL, NULL},

    [SBREC_TABLE_HA_CHASSIS].row_ids[0]
    = {&sbrec_ha_chassis_col_chassis, NULL, NULL},

    [SBREC_TABLE_METER].row_ids[0] = {&sbrec_meter_col_name, NULL, NULL},

    [SBREC_TABLE_SERVICE_MONITOR].row_ids[0]
    = {&sbrec_service_monitor_col_logical_port, NULL, NULL},

    [SBREC_TABLE_LOAD_BALANCER].row_ids[0]
    = {&sbrec_load_balancer_col_name, NULL, NULL},
};

/* What the generic "show" command prints. */
static const struct cmd_show_table cmd_show_tables[] = {
    {&sbrec_table_chassis,
     &sbrec_chassis_col_name,
     {&sbrec_chassis_col_hostname,
      &sbrec_chassis_col_encaps,
      NULL,
      NULL},
     {&sbrec_table_port_binding,
      &sbrec_port_binding_col_logical_port,
      &sbrec_port_binding_col_chassis}},

    {&sbrec_table_encap,
     &sbrec_encap_col_type,
     {&sbrec_encap_col_ip,
      &sbrec_encap_col_options,
      NULL,
      NULL},
     {NULL, NULL, NULL}},

    {NULL, NULL, {NULL, NULL, NULL, NULL}, {NULL, NULL, NULL}},
};

static const struct ctl_command_syntax sbctl_commands[] = {
    { "init", 0, 0, "", NULL, sbctl_init, NULL, "", RW },

    { "chassis-add", 3, 3, "CHASSIS ENCAP-TYPE ENCAP-IP", NULL,
      sbctl_chassis_add, NULL, "--may-exist", RW },
    { "chassis-del", 1, 1, "CHASSIS", NULL, sbctl_chassis_del, NULL,
      "--if-exists", RW },

    { "lsp-bind", 2, 2, "PORT CHASSIS", NULL, sbctl_lsp_bind, NULL,
      "--may-exist", RW },
    { "lsp-unbind", 1, 1, "PORT", NULL, sbctl_lsp_unbind, NULL,
      "--if-exists", RW },

    { "ip-multicast-flush", 0, 1, "[DATAPATH]", NULL,
      sbctl_ip_multicast_flush, NULL, "", RW },

    { "get-connection", 0, 0, "", NULL, sbctl_get_connection, NULL, "", RO },
    { "del-connection", 0, 0, "", NULL, sbctl_del_connection, NULL, "", RW },
    { "set-connection", 1, INT_MAX, "TARGET...", NULL, sbctl_set_connection,
      NULL, "--inactivity-probe=", RW },

    { "get-ssl", 0, 0, "", NULL, sbctl_get_ssl, NULL, "", RO },
    { "del-ssl", 0, 0, "", NULL, sbctl_del_ssl, NULL, "", RW },
    { "set-ssl", 3, 5,
      "PRIVATE-KEY CERTIFICATE CA-CERT [SSL-PROTOS [SSL-CIPHERS]]", NULL,
      sbctl_set_ssl, NULL, "--bootstrap", RW },

    {NULL, 0, 0, NULL, NULL, NULL, NULL, "", RO},
};

/* Registers every command with db-ctl-base. */
static void
sbctl_cmd_init(void)
{
    ctl_init(&sbrec_idl_class, sbrec_table_classes, tables, cmd_show_tables,
             ovn_ctl_exit);
    ctl_register_commands(sbctl_commands);
    sbctl_lflow_register();
}
