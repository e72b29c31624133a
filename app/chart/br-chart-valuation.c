/* br-chart-valuation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "br-chart-private.h"

void
_br_chart_draw_valuation (BrChartContext *ctx)
{
  _br_chart_header (ctx, "valuation", NULL);
  _br_chart_reserve_footnote (ctx);
  _br_chart_no_data (ctx, "not drawn yet");
  _br_chart_footnote (ctx, NULL);
}
