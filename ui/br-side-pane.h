/* br-side-pane.h: the controls beside the chart, a view of the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "br-chart.h"

G_BEGIN_DECLS

#define BR_TYPE_SIDE_PANE (br_side_pane_get_type ())

G_DECLARE_FINAL_TYPE (BrSidePane, br_side_pane, BR, SIDE_PANE, AdwBin)

void        br_side_pane_set_settings (BrSidePane *self,
                                       GSettings  *settings);
void        br_side_pane_set_dataset (BrSidePane *self,
                                      BrDataset  *dataset);
void        br_side_pane_set_chart   (BrSidePane *self,
                                      BrChartKind chart);

/* for the tests */

G_END_DECLS
