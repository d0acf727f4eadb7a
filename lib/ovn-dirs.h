/* Directories and default database remotes, as OVN's daemons and CLIs use
 * them.  Each may be overridden by an environment variable of the same name
 * (OVN_RUNDIR, OVN_LOGDIR, OVN_DBDIR, OVN_PKGDATADIR, OVN_SYSCONFDIR). */
#ifndef OVN_DIRS_H
#define OVN_DIRS_H 1

/* Run directory for sockets and pid files, default "/var/run/ovn". */
const char *ovn_rundir(void);

/* Log directory, default "/var/log/ovn". */
const char *ovn_logdir(void);

/* Database directory, default "/var/lib/ovn". */
const char *ovn_dbdir(void);

/* Data directory holding the schemas, default "/usr/share/ovn". */
const char *ovn_pkgdatadir(void);

/* Configuration directory, default "/etc/ovn". */
const char *ovn_sysconfdir(void);

/* Default northbound remote: $OVN_NB_DB, else "unix:<rundir>/ovnnb_db.sock".
 * The returned string is owned by the module. */
const char *ovn_default_nb_db(void);

/* Default southbound remote: $OVN_SB_DB, else "unix:<rundir>/ovnsb_db.sock".
 * The returned string is owned by the module. */
const char *ovn_default_sb_db(void);

#endif /* lib/ovn-dirs.h */
