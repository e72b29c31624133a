/* br-chart-options-private.h: what the renderers, the deck, the export and the tests
 * read of the options (the window and the command line only set them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-chart.h"

G_BEGIN_DECLS

const char * const *br_chart_options_get_companies (const BrChartOptions *options);
gboolean        br_chart_options_get_cumulative  (const BrChartOptions *options);
BrPeriodKind    br_chart_options_get_periods     (const BrChartOptions *options);
const BrUnit   *br_chart_options_get_unit        (const BrChartOptions *options);
gboolean        br_chart_options_get_log_scale   (const BrChartOptions *options);
double          br_chart_options_get_percent     (const BrChartOptions *options);
gboolean        br_chart_options_get_high_contrast (const BrChartOptions *options);
double          br_chart_options_get_text_scale  (const BrChartOptions *options);
gboolean        br_chart_options_get_transparent (const BrChartOptions *options);
/* the deck's: a chart drawn as a slide, its footnotes numbered as @sources are */
void            br_chart_options_set_slide       (BrChartOptions       *options,
                                                  gboolean              slide);
gboolean        br_chart_options_get_slide       (const BrChartOptions *options);
void            br_chart_options_set_source_order (BrChartOptions      *options,
                                                   GPtrArray           *sources);

G_END_DECLS
