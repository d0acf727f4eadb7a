/* ovn-northd address sets and port groups: southbound Address_Set (the
 * northbound sets, "<pg>_ip4"/"<pg>_ip6" for each port group and
 * "svc_monitor_mac") and Port_Group (one "<datapath key>_<pg>" row per
 * datapath that has members). */
#ifndef ND_PGAS_H
#define ND_PGAS_H 1

struct northd;
struct nd_port;

void nd_pgas_init(struct northd *);
void nd_pgas_destroy(struct northd *);

/* Forgets the model without writing to the database. */
void nd_pgas_clear(struct northd *);

/* Rebuilds everything, claiming existing rows by name and deleting the
 * rest. */
void nd_pgas_full(struct northd *);

/* Applies tracked northbound Address_Set and Port_Group changes and the
 * port changes recorded with nd_pgas_port_changed(). */
void nd_pgas_incremental(struct northd *);

/* Notes that the addresses, name or datapath of 'port' may have changed. */
void nd_pgas_port_changed(struct northd *, const struct nd_port *);

#endif /* northd/nd-pgas.h */
