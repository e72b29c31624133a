/* br-restyle-private.h: what the tests read of the styles worked out ahead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-restyle.h"

G_BEGIN_DECLS

gboolean br_restyle_get_pending (GtkWidget *widget);

G_END_DECLS
