/* br-chart-customers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "br-chart-private.h"

void
_br_chart_draw_customers (BrChartContext *ctx)
{
  _br_chart_header (ctx, "customers", NULL);
  _br_chart_reserve_footnote (ctx);
  _br_chart_no_data (ctx, "not drawn yet");
  _br_chart_footnote (ctx, NULL);
}
