/* OpenFlow connection from ovn-controller to the integration bridge:
 * keeps the installed flows equal to the desired ones, sending differences
 * in atomic bundles. */
#ifndef CONTROLLER_OFCTRL_H
#define CONTROLLER_OFCTRL_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/meta-flow.h"

struct ctl_flow_table;
struct ctl_group_table;

void ofctrl_init(void);
void ofctrl_destroy(void);
void ofctrl_run(const char *br_int_name, int probe_interval_s);
void ofctrl_wait(void);

bool ofctrl_is_connected(void);
bool ofctrl_can_put(void);
enum mf_field_id ofctrl_geneve_field(void);
uint64_t ofctrl_conn_seqno(void);

void ofctrl_put(struct ctl_flow_table *tables[], size_t n_tables,
                const struct ctl_group_table *groups,
                const struct ctl_group_table *meters, uint64_t req_seq);
uint64_t ofctrl_installed_seq(void);
size_t ofctrl_installed_count(void);
const struct ctl_flow_table *ofctrl_installed_flows(void);
const char *ofctrl_connection_status(void);
void ofctrl_force_full(void);
bool ofctrl_needs_full(void);

#endif /* controller/ofctrl.h */
