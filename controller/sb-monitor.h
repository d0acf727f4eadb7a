/* Conditional monitoring of the southbound database: with
 * ovn-monitor-all=false (the default) only the rows relevant to this
 * chassis are replicated. */
#ifndef CONTROLLER_SB_MONITOR_H
#define CONTROLLER_SB_MONITOR_H 1

#include <stdbool.h>

struct binding_state;
struct ovsdb_idl;
struct sbrec_chassis;

/* State of the conditions last requested. */
struct sb_monitor {
    char *sig;                  /* What the conditions were built from. */
    unsigned int expected_seqno; /* Condition seqno once all are acked. */
};

void sb_monitor_init(struct sb_monitor *);
void sb_monitor_destroy(struct sb_monitor *);
void sb_monitor_update(struct sb_monitor *, struct ovsdb_idl *sb,
                       bool monitor_all, const char *chassis_name,
                       const struct sbrec_chassis *self,
                       const struct binding_state *);
bool sb_monitor_settled(const struct sb_monitor *, struct ovsdb_idl *sb);

#endif /* controller/sb-monitor.h */
