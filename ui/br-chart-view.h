/* br-chart-view.h: a chart on screen, explorable with pointer and keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "br-chart.h"
#include "br-color-vision.h"

G_BEGIN_DECLS

#define BR_TYPE_CHART_VIEW (br_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (BrChartView, br_chart_view, BR, CHART_VIEW, GtkWidget)

BrDataset            *br_chart_view_get_dataset      (BrChartView          *self);
void                  br_chart_view_set_dataset      (BrChartView          *self,
                                                      BrDataset            *dataset);
BrChartKind           br_chart_view_get_kind         (BrChartView          *self);
const BrChartOptions *br_chart_view_get_options      (BrChartView          *self);
void                  br_chart_view_set_options      (BrChartView          *self,
                                                      const BrChartOptions *options);
void                  br_chart_view_set_color_vision (BrChartView          *self,
                                                      BrColorVision         vision);
BrChartLayout        *br_chart_view_ensure_layout    (BrChartView          *self);
BrChartLayout        *br_chart_view_get_current_layout (BrChartView        *self);
GdkTexture           *br_chart_view_render_texture   (BrChartView          *self,
                                                      int                   width,
                                                      int                   height,
                                                      int                   scale,
                                                      BrColorVision         vision);

G_END_DECLS
