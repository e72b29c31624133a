/* br-test-metrics.h: a metric added up over a company's periods, as the claims are checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-model.h"

/* @metric added up over the periods br_metrics_select_periods() picks between @from and
 * @to (either may be NULL), each figure converted into @unit at its own year's rate;
 * @n_figures gets how many figures were added. Fails the test when one is not converted. */
static inline double
br_test_sum (BrDataset       *dataset,
             const BrCompany *company,
             BrMetric         metric,
             const GDate     *from,
             const GDate     *to,
             const BrUnit    *unit,
             guint           *n_figures)
{
  g_autofree const BrPeriod **periods = g_new0 (const BrPeriod *, MAX (company->n_periods, 1));
  guint n_periods = br_metrics_select_periods (company, from, to, periods);
  double total = 0;

  *n_figures = 0;
  for (guint i = 0; i < n_periods; i++)
    {
      const BrFigure *figure = br_company_find_figure (company, periods[i], metric);
      g_autoptr(GError) error = NULL;
      BrConversion conversion;

      if (figure == NULL)
        continue;

      g_assert_true (br_metrics_figure_value (dataset, figure, unit, &conversion, &error));
      g_assert_no_error (error);
      total += conversion.value;
      (*n_figures)++;
    }

  return total;
}
