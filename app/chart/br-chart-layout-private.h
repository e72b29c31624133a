/* br-chart-layout-private.h: what a layout tells the deck and the tests beyond what the
 * app uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-chart.h"

G_BEGIN_DECLS

/* The box of a piece of text the chart drew, for overlap checks. */
typedef struct
{
  double x0, y0, x1, y1;
  const char *role;            /* "title", "tick", "legend", "label", "footnote", ... */
  gboolean ellipsized;         /* cut short with "…" for want of room */
  const char *text;            /* what it says, before any cut */
  double size;                 /* its type size, in user-space pixels */
} BrTextBox;

/* (element-type BrTextBox) every piece of text drawn, in drawing order */
GArray          *br_chart_layout_get_text_boxes   (BrChartLayout *layout);
gboolean         br_chart_layout_has_data         (BrChartLayout *layout);
guint            br_chart_layout_get_n_selected   (BrChartLayout *layout);
const BrCompany * const *br_chart_layout_get_not_drawn (BrChartLayout *layout,
                                                        guint         *n);
GPtrArray       *br_chart_layout_get_left_out     (BrChartLayout *layout);
/* the sources of every figure shown, in footnote order */
GPtrArray       *br_chart_layout_get_sources      (BrChartLayout *layout);

G_END_DECLS
