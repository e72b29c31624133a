/* br-window.h: the main window, four explorable charts and their controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "br-chart-view.h"
#include "br-data-table.h"
#include "br-document.h"

G_BEGIN_DECLS

#define BR_TYPE_WINDOW (br_window_get_type ())

G_DECLARE_FINAL_TYPE (BrWindow, br_window, BR, WINDOW, AdwApplicationWindow)

BrWindow    *br_window_new             (GtkApplication *application);
BrDocument  *br_window_get_document    (BrWindow       *self);
void         br_window_open            (BrWindow       *self,
                                        GFile          *file);
gboolean     br_window_open_bundled    (BrWindow       *self);
BrChartView *br_window_get_visible_chart_view (BrWindow *self);
void         br_window_show_toast      (BrWindow       *self,
                                        AdwToast       *toast);
AdwToast    *br_window_new_toast       (const char     *text);

G_END_DECLS
