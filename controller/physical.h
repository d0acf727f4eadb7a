/* Physical flows: OpenFlow tables 0 (physical to logical), 37-41 (output
 * to remote and local ports), 64 and 65 (logical to physical). */
#ifndef CONTROLLER_PHYSICAL_H
#define CONTROLLER_PHYSICAL_H 1

#include <stdint.h>
#include "openvswitch/meta-flow.h"
#include "openvswitch/shash.h"

struct binding_state;
struct ct_zones;
struct ctl_flow_table;
struct ovsdb_idl;
struct ofpbuf;
struct sbrec_chassis;

/* OpenFlow tables (OVN 23.03 layout). */
#define OFTABLE_PHY_TO_LOG            0
#define OFTABLE_LOG_INGRESS_PIPELINE  8
#define OFTABLE_OUTPUT_LARGE_PKT_DETECT 37
#define OFTABLE_OUTPUT_LARGE_PKT_PROCESS 38
#define OFTABLE_REMOTE_OUTPUT        39
#define OFTABLE_LOCAL_OUTPUT         40
#define OFTABLE_CHECK_LOOPBACK       41
#define OFTABLE_LOG_EGRESS_PIPELINE  42
#define OFTABLE_SAVE_INPORT          64
#define OFTABLE_LOG_TO_PHY           65

/* Logical flow flags in reg10 (MFF_LOG_FLAGS). */
#define MLF_ALLOW_LOOPBACK   (1u << 0)
#define MLF_RCV_FROM_RAMP    (1u << 1)
#define MLF_LOCAL_ONLY       (1u << 4)
#define MLF_LOCALPORT        (1u << 10)

/* Everything physical_run() reads. */
struct physical_ctx {
    struct ovsdb_idl *sb;                   /* Southbound database. */
    const struct sbrec_chassis *self;       /* This chassis. */
    const struct binding_state *bs;         /* Local ports and datapaths. */
    const struct ct_zones *zones;           /* Conntrack zones. */
    const struct shash *tunnels;            /* Chassis name -> ctl_tunnel. */
    enum mf_field_id geneve_field;          /* Field of the Geneve option. */
};

void physical_run(const struct physical_ctx *, struct ctl_flow_table *);

void ctl_put_load(uint64_t value, enum mf_field_id, int ofs, int n_bits,
                  struct ofpbuf *ofpacts);
void ctl_put_move(enum mf_field_id src, int src_ofs, enum mf_field_id dst,
                  int dst_ofs, int n_bits, struct ofpbuf *ofpacts);
void ctl_put_resubmit(uint8_t table_id, struct ofpbuf *ofpacts);

#endif /* controller/physical.h */
