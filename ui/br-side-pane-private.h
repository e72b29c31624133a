/* br-side-pane-private.h: the side pane's rows the tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-side-pane.h"

G_BEGIN_DECLS

AdwComboRow *br_side_pane_get_unit_row  (BrSidePane *self);
GtkWidget   *br_side_pane_get_share_row (BrSidePane *self);

G_END_DECLS
