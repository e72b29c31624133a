/* br-metrics.h: what the charts and the article compute from a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-dataset.h"

G_BEGIN_DECLS

#define BR_METRICS_ERROR (br_metrics_error_quark ())

typedef enum
{
  BR_METRICS_ERROR_NO_RATE = 1,
  BR_METRICS_ERROR_NO_DATA,
} BrMetricsError;

GQuark   br_metrics_error_quark        (void);
void     br_unit_init                  (BrUnit                *unit,
                                        const char            *currency,
                                        BrScale                scale);
guint    br_metrics_select_periods     (const BrCompany       *company,
                                        const GDate           *from,
                                        const GDate           *to,
                                        const BrPeriod       **periods);
guint    br_metrics_select_periods_by  (const BrCompany       *company,
                                        const GDate           *from,
                                        const GDate           *to,
                                        BrPeriodKind           first,
                                        const BrPeriod       **periods);
gboolean br_metrics_figure_value       (BrDataset             *dataset,
                                        const BrFigure        *figure,
                                        const BrUnit          *unit,
                                        BrConversion          *out,
                                        GError               **error);
gboolean br_metrics_rnd_intensity      (BrDataset             *dataset,
                                        const BrCompany       *company,
                                        const GDate           *from,
                                        const GDate           *to,
                                        double                *ratio,
                                        GError               **error);
double   br_metrics_hhi                (const BrConcentration *concentration);
const BrMarketCap *br_metrics_nearest_cap (const BrCompany    *company,
                                           const GDate        *date);
gboolean br_metrics_ratio_to_benchmark (BrDataset             *dataset,
                                        const BrMarketCap     *cap,
                                        double                *ratio,
                                        const BrMarketCap    **benchmark_cap,
                                        GError               **error);
gboolean br_metrics_implied_value      (BrDataset             *dataset,
                                        const GDate           *date,
                                        double                 percent,
                                        const BrUnit          *unit,
                                        double                *value,
                                        const BrMarketCap    **benchmark_cap,
                                        GError               **error);

G_END_DECLS
