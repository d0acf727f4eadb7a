/* Directories and default database remotes. */
#include <config.h>

#include "lib/ovn-dirs.h"

#include <stdlib.h>

#include "util.h"

/* Returns the value of environment variable 'name' if it is set and not
 * empty, otherwise 'dflt'. */
static const char *
env_or_default(const char *name, const char *dflt)
{
    const char *value = getenv(name);
    return value && value[0] ? value : dflt;
}

const char *
ovn_rundir(void)
{
    return env_or_default("OVN_RUNDIR", "/var/run/ovn");
}

const char *
ovn_logdir(void)
{
    return env_or_default("OVN_LOGDIR", "/var/log/ovn");
}

const char *
ovn_dbdir(void)
{
    return env_or_default("OVN_DBDIR", "/var/lib/ovn");
}

const char *
ovn_pkgdatadir(void)
{
    return env_or_default("OVN_PKGDATADIR", "/usr/share/ovn");
}

const char *
ovn_sysconfdir(void)
{
    return env_or_default("OVN_SYSCONFDIR", "/etc/ovn");
}

/* Returns $'env' if set, otherwise "unix:<rundir>/<sock>", computed once and
 * cached in '*cache'. */
static const char *
default_db(const char *env, const char *sock, char **cache)
{
    const char *value = getenv(env);
    if (value && value[0]) {
        return value;
    }
    if (!*cache) {
        *cache = xasprintf("unix:%s/%s", ovn_rundir(), sock);
    }
    return *cache;
}

const char *
ovn_default_nb_db(void)
{
    static char *nb_db;
    return default_db("OVN_NB_DB", "ovnnb_db.sock", &nb_db);
}

const char *
ovn_default_sb_db(void)
{
    static char *sb_db;
    return default_db("OVN_SB_DB", "ovnsb_db.sock", &sb_db);
}
