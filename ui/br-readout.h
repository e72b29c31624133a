/* br-readout.h: where the readout of a highlighted mark goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "br-chart.h"

G_BEGIN_DECLS

void br_readout_allocate (GtkWidget         *readout,
                          const BrChartMark *mark,
                          int                width,
                          int                height);

G_END_DECLS
