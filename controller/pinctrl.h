/* ovn-controller packet-in handling ("pinctrl"): the logical actions that
 * the encoder turns into OpenFlow "controller" actions (see
 * lib/ovn-pinctrl-ops.h) and that a router needs: arp { } and nd_ns { } for
 * unknown next hops, nd_na { } / nd_na_router { } neighbour advertisements,
 * icmp4 { } / icmp6 { } errors and tcp_reset { }, and put_arp / put_nd,
 * which record neighbours in the southbound MAC_Binding table.  Other
 * opcodes (sctp_abort, reject, DHCP, DNS, ...) are counted and dropped. */
#ifndef CONTROLLER_PINCTRL_H
#define CONTROLLER_PINCTRL_H 1

struct ovsdb_idl;
struct ovsdb_idl_txn;

void pinctrl_init(void);
void pinctrl_destroy(void);

/* Connects to 'br_int_name''s management socket (a connection of its own,
 * separate from the flow-installing one), handles the packet-ins that
 * arrived, and writes learned neighbours to MAC_Binding when 'sb_txn' is
 * nonnull. */
void pinctrl_run(const char *br_int_name, struct ovsdb_idl *sb,
                 struct ovsdb_idl_txn *sb_txn);
void pinctrl_wait(void);

#endif /* controller/pinctrl.h */
