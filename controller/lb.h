/* Load balancer hairpin flows (OpenFlow tables 68, 69 and 70): a backend
 * that reaches itself through a VIP must see the VIP as the source. */
#ifndef CONTROLLER_LB_H
#define CONTROLLER_LB_H 1

struct binding_state;
struct ctl_flow_table;
struct ovsdb_idl;

void lb_hairpin_run(struct ovsdb_idl *sb, const struct binding_state *,
                    struct ctl_flow_table *);

#endif /* controller/lb.h */
