/* br-side-pane.h: the controls beside the chart, a view of the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "br-model.h"

G_BEGIN_DECLS

#define BR_TYPE_SIDE_PANE (br_side_pane_get_type ())

G_DECLARE_FINAL_TYPE (BrSidePane, br_side_pane, BR, SIDE_PANE, AdwBin)

GtkWidget  *br_side_pane_new         (GSettings  *settings);
GSettings  *br_side_pane_get_settings (BrSidePane *self);
void        br_side_pane_set_settings (BrSidePane *self,
                                       GSettings  *settings);
BrDataset  *br_side_pane_get_dataset (BrSidePane *self);
void        br_side_pane_set_dataset (BrSidePane *self,
                                      BrDataset  *dataset);
const char *br_side_pane_get_chart   (BrSidePane *self);
void        br_side_pane_set_chart   (BrSidePane *self,
                                      const char *chart);

G_END_DECLS
