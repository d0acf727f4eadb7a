/* Shared declarations for the pieces of ovn-sbctl: ovn-sbctl.c holds the
 * main program and the chassis, binding, connection and SSL commands;
 * ovn-sbctl-lflow.c the logical flow commands. */

#ifndef OVN_SBCTL_H
#define OVN_SBCTL_H 1

#include "openvswitch/compiler.h"

struct ctl_context;
struct sbrec_datapath_binding;

/* Registers lflow-list, dump-flows and count-flows. */
void sbctl_lflow_register(void);

/* Looks up a datapath by UUID or by external_ids:name.  Returns NULL if
 * there is none; stores a malloc()'d message in '*error' (else NULL) if the
 * name is ambiguous. */
const struct sbrec_datapath_binding *sbctl_lookup_datapath(
    struct ctl_context *, const char *id, char **error);

/* Logs a warning under ovn-sbctl's log module ("sbctl"). */
void sbctl_warn(const char *format, ...) OVS_PRINTF_FORMAT(1, 2);

#endif /* utilities/ovn-sbctl.h */
