/* ovn-nbctl: lb commands (placeholder until implemented). */

#include <config.h>

#include "utilities/ovn-nbctl.h"

#include "db-ctl-base.h"

void
nbctl_lb_register(void)
{
}
