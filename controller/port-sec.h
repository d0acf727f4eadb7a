/* Port security: the flows behind check_in_port_sec() and
 * check_out_port_sec() (OpenFlow tables 73, 74 and 75), built from the
 * port_security column of local ports' Port_Bindings. */
#ifndef CONTROLLER_PORT_SEC_H
#define CONTROLLER_PORT_SEC_H 1

struct binding_state;
struct ctl_flow_table;

/* OpenFlow tables (OVN 23.03 layout). */
#define OFTABLE_CHK_IN_PORT_SEC     73
#define OFTABLE_CHK_IN_PORT_SEC_ND  74
#define OFTABLE_CHK_OUT_PORT_SEC    75

void port_sec_run(const struct binding_state *, struct ctl_flow_table *);

#endif /* controller/port-sec.h */
