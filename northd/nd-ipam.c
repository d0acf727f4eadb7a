/* ovn-northd IPAM: dynamic MAC and IPv4/IPv6 addresses for logical switch
 * ports whose "addresses" say "dynamic". */
#include <config.h>
#include "northd/northd.h"

#include "util.h"
#include "lib/ovn-nb-idl.h"

void
nd_ipam_global_init(struct northd *nd OVS_UNUSED)
{
}

void
nd_ipam_global_destroy(struct northd *nd OVS_UNUSED)
{
}

void
nd_ipam_dp_update(struct northd *nd OVS_UNUSED,
                  struct nd_datapath *dp OVS_UNUSED,
                  const struct nbrec_logical_switch *nbs OVS_UNUSED)
{
}

void
nd_ipam_dp_destroy(struct northd *nd OVS_UNUSED,
                   struct nd_datapath *dp OVS_UNUSED)
{
}

void
nd_ipam_port_update(struct northd *nd OVS_UNUSED,
                    struct nd_port *port OVS_UNUSED,
                    const struct nbrec_logical_switch_port *nbsp OVS_UNUSED)
{
}

void
nd_ipam_port_release(struct northd *nd OVS_UNUSED,
                     struct nd_port *port OVS_UNUSED)
{
}
