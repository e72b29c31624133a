/* br-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-metrics"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "br-metrics.h"
#include "br-types-private.h"

G_DEFINE_QUARK (br-metrics-error-quark, br_metrics_error)

void
br_unit_init (BrUnit     *unit,
              const char *currency,
              BrScale     scale)
{
  g_return_if_fail (unit != NULL);
  g_return_if_fail (currency != NULL);

  memset (unit, 0, sizeof *unit);
  g_strlcpy (unit->currency.code, currency, sizeof unit->currency.code);
  unit->scale = scale;
}

/* @cap in @unit, at the rate of its day */
static gboolean
cap_value (BrDataset          *dataset,
           const BrMarketCap  *cap,
           const BrUnit       *unit,
           BrConversion       *out,
           GError            **error)
{
  if (!br_dataset_convert (dataset, &cap->amount, &cap->date, TRUE, unit, out))
    {
      char day[BR_DATE_ISO_SIZE];

      g_set_error (error, BR_METRICS_ERROR, BR_METRICS_ERROR_NO_RATE,
                   _("No %s/%s rate for %s in the dataset"), cap->amount.currency.code,
                   unit->currency.code, br_date_format_iso (&cap->date, day));
      return FALSE;
    }

  return TRUE;
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const BrPeriod *pa = *(const BrPeriod **)a;
  const BrPeriod *pb = *(const BrPeriod **)b;

  return g_date_compare (&pa->start, &pb->start);
}

static gboolean
covered (const BrPeriod  *period,
         const BrPeriod **chosen,
         guint            n_chosen)
{
  for (guint i = 0; i < n_chosen; i++)
    {
      if (_br_period_overlaps (chosen[i], period))
        return TRUE;
    }

  return FALSE;
}

/**
 * br_metrics_select_periods:
 * @from: (nullable): first day of the range, or %NULL for no bound
 * @to: (nullable): last day of the range, or %NULL for no bound
 * @periods: (out caller-allocates) (array): room for company->n_periods pointers
 *
 * Picks the periods to add up over a range without counting a day twice: the fiscal
 * years inside the range, then the half-years no chosen period overlaps, then the
 * quarters likewise.
 *
 * Returns: how many periods were chosen, sorted by start date
 */
guint
br_metrics_select_periods (const BrCompany  *company,
                           const GDate      *from,
                           const GDate      *to,
                           const BrPeriod  **periods)
{
  return br_metrics_select_periods_by (company, from, to, BR_PERIOD_FISCAL_YEAR, periods);
}

/* The kinds of period in the order they are chosen when @first comes first: years,
 * halves, quarters; halves, then quarters, then years; quarters, halves, years */
static BrPeriodKind
kind_in_order (BrPeriodKind first,
               guint        i)
{
  static const BrPeriodKind orders[][3] = {
    [BR_PERIOD_FISCAL_YEAR] = { BR_PERIOD_FISCAL_YEAR, BR_PERIOD_HALF_YEAR, BR_PERIOD_QUARTER },
    [BR_PERIOD_HALF_YEAR] = { BR_PERIOD_HALF_YEAR, BR_PERIOD_QUARTER, BR_PERIOD_FISCAL_YEAR },
    [BR_PERIOD_QUARTER] = { BR_PERIOD_QUARTER, BR_PERIOD_HALF_YEAR, BR_PERIOD_FISCAL_YEAR },
  };

  return orders[first][i];
}

/**
 * br_metrics_select_periods_by:
 * @first: the kind of period wanted: %BR_PERIOD_QUARTER shows the quarters a fiscal year
 *   covers instead of the year
 *
 * As br_metrics_select_periods(), but with the periods of kind @first chosen first, then
 * those of the other kinds that no chosen period overlaps: a company that reports no
 * quarters still shows its years.
 */
guint
br_metrics_select_periods_by (const BrCompany  *company,
                              const GDate      *from,
                              const GDate      *to,
                              BrPeriodKind      first,
                              const BrPeriod  **periods)
{
  guint n = 0;

  g_return_val_if_fail (company != NULL, 0);
  g_return_val_if_fail (periods != NULL || company->n_periods == 0, 0);
  g_return_val_if_fail (first <= BR_PERIOD_QUARTER, 0);

  for (guint k = 0; k < 3; k++)
    {
      BrPeriodKind kind = kind_in_order (first, k);
      guint n_before = n;

      for (guint i = 0; i < company->n_periods; i++)
        {
          const BrPeriod *period = &company->periods[i];

          if (period->kind != kind ||
              (from != NULL && g_date_compare (&period->start, from) < 0) ||
              (to != NULL && g_date_compare (&period->end, to) > 0) ||
              covered (period, periods, n_before))
            continue;

          periods[n++] = period;
        }
    }

  qsort (periods, n, sizeof *periods, compare_periods);

  return n;
}

/**
 * br_metrics_figure_value:
 *
 * Converts a figure into @unit, at the annual average rate of the year that holds the
 * middle of its period.
 */
gboolean
br_metrics_figure_value (BrDataset      *dataset,
                         const BrFigure *figure,
                         const BrUnit   *unit,
                         BrConversion   *out,
                         GError        **error)
{
  GDate midpoint;

  g_return_val_if_fail (BR_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (figure != NULL, FALSE);

  br_period_get_midpoint (figure->period, &midpoint);
  if (!br_dataset_convert (dataset, &figure->amount, &midpoint, FALSE, unit, out))
    {
      g_set_error (error, BR_METRICS_ERROR, BR_METRICS_ERROR_NO_RATE,
                   _("No %s/%s rate for %d in the dataset"), figure->amount.currency.code,
                   unit->currency.code, g_date_get_year (&midpoint));
      return FALSE;
    }

  return TRUE;
}

/**
 * br_metrics_rnd_intensity:
 *
 * R&D expense over revenue across the range, from the periods that have both.
 */
gboolean
br_metrics_rnd_intensity (BrDataset        *dataset,
                          const BrCompany  *company,
                          const GDate      *from,
                          const GDate      *to,
                          double           *ratio,
                          GError          **error)
{
  g_autofree const BrPeriod **periods = NULL;
  double rnd = 0, revenue = 0;
  BrUnit unit;
  guint n_periods;

  g_return_val_if_fail (BR_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (company != NULL, FALSE);

  br_unit_init (&unit, "CNY", BR_SCALE_YI);
  periods = g_new0 (const BrPeriod *, MAX (company->n_periods, 1));
  n_periods = br_metrics_select_periods (company, from, to, periods);

  for (guint i = 0; i < n_periods; i++)
    {
      const BrFigure *r = br_company_find_figure (company, periods[i], BR_METRIC_RND_EXPENSE);
      const BrFigure *s = br_company_find_figure (company, periods[i], BR_METRIC_REVENUE);
      BrConversion a, b;

      if (r == NULL || s == NULL)
        continue;

      /* same currency both sides, so the ratio does not depend on the unit */
      unit.currency = s->amount.currency;
      if (!br_metrics_figure_value (dataset, r, &unit, &a, error) ||
          !br_metrics_figure_value (dataset, s, &unit, &b, error))
        return FALSE;

      rnd += a.value;
      revenue += b.value;
    }

  if (revenue <= 0)
    {
      g_set_error (error, BR_METRICS_ERROR, BR_METRICS_ERROR_NO_DATA,
                   _("No period with both revenue and R&D expense"));
      return FALSE;
    }

  *ratio = rnd / revenue;
  return TRUE;
}

/**
 * br_metrics_hhi:
 *
 * The Herfindahl–Hirschman index of the named customers, in squared percentage points
 * (0–10,000). When fewer than five are named, the rest of the top-five share is split
 * evenly among the unnamed places, which gives the lowest index the figures allow.
 *
 * Returns: the index, or NAN when nothing is known of the split
 */
double
br_metrics_hhi (const BrConcentration *concentration)
{
  double named = 0, hhi = 0;
  guint n_unnamed;

  g_return_val_if_fail (concentration != NULL, NAN);

  for (guint i = 0; i < concentration->n_customers; i++)
    {
      named += concentration->customers[i].share;
      hhi += concentration->customers[i].share * concentration->customers[i].share;
    }

  n_unnamed = concentration->n_customers < 5 ? 5 - concentration->n_customers : 0;
  if (n_unnamed > 0)
    {
      double each = MAX (concentration->top5_share - named, 0) / n_unnamed;

      hhi += n_unnamed * each * each;
    }

  return hhi;
}

/**
 * br_metrics_nearest_cap:
 *
 * Returns: (nullable): the company's market capitalisation closest in time to @date,
 *   the earlier one on a tie; private-round valuations are not market prices and are
 *   passed over
 */
const BrMarketCap *
br_metrics_nearest_cap (const BrCompany *company,
                        const GDate     *date)
{
  const BrMarketCap *best = NULL;
  guint best_distance = G_MAXUINT;

  g_return_val_if_fail (company != NULL, NULL);

  for (guint i = 0; i < company->n_market_caps; i++)
    {
      const BrMarketCap *cap = &company->market_caps[i];
      guint distance = ABS ((gint64)g_date_get_julian (&cap->date) -
                            (gint64)g_date_get_julian (date));

      if (cap->basis == BR_CAP_PRIVATE_ROUND)
        continue;

      if (distance < best_distance ||
          (distance == best_distance && g_date_compare (&cap->date, &best->date) < 0))
        {
          best = cap;
          best_distance = distance;
        }
    }

  return best;
}

static gboolean
is_close (const BrMarketCap *cap)
{
  return cap->basis == BR_CAP_CLOSE || cap->basis == BR_CAP_IPO_FIRST_DAY_CLOSE;
}

/* What a value of @date is compared with: the benchmark's value of the same day (its
 * close if it has one), else its nearest close (the earlier on a tie), not an intraday
 * peak; else its nearest market value */
static const BrMarketCap *
compared_cap (const BrCompany *benchmark,
              const GDate     *date)
{
  const BrMarketCap *same_day = NULL, *close = NULL;
  guint close_distance = G_MAXUINT;

  for (guint i = 0; i < benchmark->n_market_caps; i++)
    {
      const BrMarketCap *cap = &benchmark->market_caps[i];
      guint distance = ABS ((gint64)g_date_get_julian (&cap->date) -
                            (gint64)g_date_get_julian (date));

      if (cap->basis == BR_CAP_PRIVATE_ROUND)
        continue;
      if (distance == 0 && (same_day == NULL || (is_close (cap) && !is_close (same_day))))
        same_day = cap;
      if (is_close (cap) &&
          (distance < close_distance ||
           (distance == close_distance && g_date_compare (&cap->date, &close->date) < 0)))
        {
          close = cap;
          close_distance = distance;
        }
    }

  if (same_day != NULL)
    return same_day;
  if (close != NULL)
    return close;

  return br_metrics_nearest_cap (benchmark, date);
}

static const BrMarketCap *
benchmark_cap_near (BrDataset    *dataset,
                    const GDate  *date,
                    GError      **error)
{
  const BrCompany *benchmark = br_dataset_get_benchmark (dataset);
  const BrMarketCap *cap;

  if (benchmark == NULL || (cap = compared_cap (benchmark, date)) == NULL)
    {
      g_set_error (error, BR_METRICS_ERROR, BR_METRICS_ERROR_NO_DATA,
                   _("The dataset has no benchmark company with a market capitalisation"));
      return NULL;
    }

  return cap;
}

/**
 * br_metrics_ratio_to_benchmark:
 * @benchmark_cap: (out) (optional): the benchmark's market capitalisation compared with:
 *   the one of @cap's day, else its closing value nearest in time (say so when its date
 *   is not @cap's)
 *
 * Both sides are converted to US dollars, each at the rate of its own date.
 */
gboolean
br_metrics_ratio_to_benchmark (BrDataset          *dataset,
                               const BrMarketCap  *cap,
                               double             *ratio,
                               const BrMarketCap **benchmark_cap,
                               GError            **error)
{
  const BrMarketCap *reference;
  BrConversion a, b;
  BrUnit usd;

  g_return_val_if_fail (BR_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (cap != NULL, FALSE);

  if ((reference = benchmark_cap_near (dataset, &cap->date, error)) == NULL)
    return FALSE;

  br_unit_init (&usd, "USD", BR_SCALE_BILLION);
  if (!cap_value (dataset, cap, &usd, &a, error) ||
      !cap_value (dataset, reference, &usd, &b, error))
    return FALSE;

  *ratio = a.value / b.value;
  if (benchmark_cap != NULL)
    *benchmark_cap = reference;

  return TRUE;
}

/**
 * br_metrics_implied_value:
 * @percent: the share of the benchmark, 1 for “1 % of Nvidia”
 *
 * What a company would be worth at @percent of the benchmark's market capitalisation
 * of @date, or its closing value nearest to @date, in @unit at that capitalisation's
 * dated rate.
 */
gboolean
br_metrics_implied_value (BrDataset          *dataset,
                          const GDate        *date,
                          double              percent,
                          const BrUnit       *unit,
                          double             *value,
                          const BrMarketCap **benchmark_cap,
                          GError            **error)
{
  const BrMarketCap *reference;
  BrConversion conversion;

  g_return_val_if_fail (BR_IS_DATASET (dataset), FALSE);

  if ((reference = benchmark_cap_near (dataset, date, error)) == NULL)
    return FALSE;

  if (!cap_value (dataset, reference, unit, &conversion, error))
    return FALSE;

  *value = conversion.value * percent / 100.;
  if (benchmark_cap != NULL)
    *benchmark_cap = reference;

  return TRUE;
}
