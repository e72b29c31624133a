/* br-chart-view-private.h: what the pointer and keyboard do to a chart view, for the tests and
 * benchmarks that drive it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-chart-view.h"

G_BEGIN_DECLS

BrColorVision         br_chart_view_get_color_vision (BrChartView          *self);
int                   br_chart_view_get_highlight    (BrChartView          *self);
const char           *br_chart_view_get_readout      (BrChartView          *self);
void                  br_chart_view_point            (BrChartView          *self,
                                                      double                x,
                                                      double                y);
gboolean              br_chart_view_click            (BrChartView          *self,
                                                      double                x,
                                                      double                y);
GStrv                 br_chart_view_dup_hidden       (BrChartView          *self);
void                  br_chart_view_select_mark      (BrChartView          *self,
                                                      int                   index);
gboolean              br_chart_view_is_drawn         (BrChartView          *self);

G_END_DECLS
