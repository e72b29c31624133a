/* br-runway.c: cash against burn, and a scenario projected quarter by quarter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-runway"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "br-runway.h"

/* Caps on the defaults taken from the reported trend, percent a year. */
#define REVENUE_GROWTH_MIN  -50.
#define REVENUE_GROWTH_MAX  100.
#define COST_GROWTH_MIN     -30.
#define COST_GROWTH_MAX      50.
/* No dataset holds cost of revenue yet, so the margin has no trend to come from. */
#define DEFAULT_GROSS_MARGIN 50.

/* What the runway follows from period to period */
typedef enum
{
  REVENUE,
  BURN,   /* from cash flow where reported, else from net income: a proxy */
  COST,   /* operating cost on a cash basis: the burn plus the gross profit revenue made */
} Measure;

static gboolean
metric_value (BrRunway        *runway,
              const BrPeriod  *period,
              BrMetric         metric,
              double          *value,
              const BrFigure **figure)
{
  const BrFigure *found = br_company_find_figure (runway->company, period, metric);
  BrConversion conversion;

  if (found == NULL ||
      !br_metrics_figure_value (runway->dataset, found, &runway->unit, &conversion, NULL))
    return FALSE;

  *value = conversion.value;
  if (figure != NULL)
    *figure = found;
  return TRUE;
}

static const BrRunwayBurn *
find_burn (const BrRunway *runway,
           const BrPeriod *period)
{
  for (guint i = 0; i < runway->n_burns; i++)
    {
      if (runway->burns[i].period == period)
        return &runway->burns[i];
    }

  return NULL;
}

/* @period's @measure; @proxy says whether it rests on a proxy */
static gboolean
value_of (BrRunway       *runway,
          Measure         measure,
          const BrPeriod *period,
          double         *value,
          gboolean       *proxy)
{
  const BrRunwayBurn *burn;
  double revenue = 0;
  gboolean p;

  *proxy = FALSE;
  switch (measure)
    {
    case REVENUE:
      return metric_value (runway, period, BR_METRIC_REVENUE, value, NULL);
    case BURN:
      burn = find_burn (runway, period);
      if (burn == NULL)
        return FALSE;
      *value = burn->burn;
      *proxy = burn->basis == BR_BURN_NET_LOSS_PROXY;
      return TRUE;
    case COST:
      if (!value_of (runway, BURN, period, value, proxy))
        return FALSE;
      value_of (runway, REVENUE, period, &revenue, &p);
      *value += revenue * runway->scenario.gross_margin / 100;
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* Burn of one period: from cash flow where reported, else from net income. */
static gboolean
period_burn (BrRunway       *runway,
             const BrPeriod *period,
             BrRunwayBurn   *out)
{
  const BrFigure *figure = NULL;
  double value, capex;

  memset (out, 0, sizeof *out);
  out->period = period;

  if (metric_value (runway, period, BR_METRIC_OPERATING_CASH_FLOW, &value, &figure))
    {
      out->basis = BR_BURN_CASH_FLOW;
      out->burn = -value;
      out->source = figure->source;
      if (metric_value (runway, period, BR_METRIC_CAPEX, &capex, NULL))
        {
          out->burn += capex;
          out->has_capex = TRUE;
        }
      return TRUE;
    }

  if (metric_value (runway, period, BR_METRIC_NET_INCOME_ATTRIBUTABLE, &value, &figure) ||
      metric_value (runway, period, BR_METRIC_NET_INCOME_TOTAL, &value, &figure))
    {
      out->basis = BR_BURN_NET_LOSS_PROXY;
      out->burn = -value;
      out->source = figure->source;
      return TRUE;
    }

  return FALSE;
}

static double
period_months (const BrPeriod *period)
{
  int days = g_date_days_between (&period->start, &period->end) + 1;

  return round (days / (365.25 / 12));
}

static gboolean
near (const GDate *a,
      const GDate *b,
      int          days)
{
  return b == NULL || ABS (g_date_days_between (a, b)) <= days;
}

/* A period of @kind whose start and end are within @days of those given (NULL for any):
 * fiscal calendars of 52 and 53 weeks, like Nvidia's, move their dates by a few days. */
static const BrPeriod *
find_period (const BrCompany *company,
             BrPeriodKind     kind,
             const GDate     *start,
             const GDate     *end,
             int              days)
{
  for (guint i = 0; i < company->n_periods; i++)
    {
      const BrPeriod *p = &company->periods[i];

      if (p->kind == kind && near (&p->start, start, days) && near (&p->end, end, days))
        return p;
    }

  return NULL;
}

/* Twelve months to @period's end: the fiscal year itself; or the year before, plus
 * @period, less the same period a year earlier; or else @period scaled to a year. */
static gboolean
trailing_year (BrRunway        *runway,
               const BrPeriod  *period,
               Measure          measure,
               double          *value,
               gboolean        *annualised,
               gboolean        *proxy)
{
  const BrPeriod *year, *earlier;
  double v, v_year, v_earlier;
  gboolean p, p_year, p_earlier;
  GDate day_before, start_before, end_before;

  *annualised = FALSE;
  if (!value_of (runway, measure, period, &v, &p))
    return FALSE;

  *proxy = p;
  if (period->kind == BR_PERIOD_FISCAL_YEAR)
    {
      *value = v;
      return TRUE;
    }

  day_before = period->start;
  g_date_subtract_days (&day_before, 1);
  start_before = period->start;
  g_date_subtract_years (&start_before, 1);
  end_before = period->end;
  g_date_subtract_years (&end_before, 1);
  year = find_period (runway->company, BR_PERIOD_FISCAL_YEAR, NULL, &day_before, 0);
  earlier = find_period (runway->company, period->kind, &start_before, &end_before, 7);

  if (year != NULL && earlier != NULL && value_of (runway, measure, year, &v_year, &p_year) &&
      value_of (runway, measure, earlier, &v_earlier, &p_earlier))
    {
      *value = v_year + v - v_earlier;
      *proxy = p || p_year || p_earlier;
      return TRUE;
    }

  *value = v * 12 / period_months (period);
  *annualised = TRUE;
  return TRUE;
}

static int
compare_burns (gconstpointer a,
               gconstpointer b)
{
  const BrRunwayBurn *ba = a, *bb = b;

  return g_date_compare (&ba->period->end, &bb->period->end);
}

static void
compute_burns (BrRunway *runway)
{
  const BrCompany *company = runway->company;
  g_autofree const BrPeriod **chosen = g_new0 (const BrPeriod *, company->n_periods + 1);
  guint n_chosen;

  runway->burns = g_new0 (BrRunwayBurn, company->n_periods + 1);
  for (guint i = 0; i < company->n_periods; i++)
    {
      if (period_burn (runway, &company->periods[i], &runway->burns[runway->n_burns]))
        runway->n_burns++;
    }
  qsort (runway->burns, runway->n_burns, sizeof *runway->burns, compare_burns);

  n_chosen = br_metrics_select_periods (company, NULL, NULL, chosen);
  for (guint i = 0; i < n_chosen; i++)
    {
      const BrRunwayBurn *burn = find_burn (runway, chosen[i]);

      if (burn == NULL)
        continue;
      runway->cumulative_burned += burn->burn;
      runway->burned_uses_proxy |= burn->basis == BR_BURN_NET_LOSS_PROXY;
    }
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const BrRunwayPoint *pa = a, *pb = b;

  return g_date_compare (&pa->date, &pb->date);
}

static void
compute_points (BrRunway *runway)
{
  const BrCompany *company = runway->company;

  runway->points = g_new0 (BrRunwayPoint, company->n_figures + 1);
  for (guint i = 0; i < company->n_figures; i++)
    {
      const BrFigure *figure = &company->figures[i];
      BrRunwayPoint *point = &runway->points[runway->n_points];
      BrConversion conversion;
      gboolean proxy = FALSE;

      if (figure->metric != BR_METRIC_CASH ||
          !br_metrics_figure_value (runway->dataset, figure, &runway->unit, &conversion, NULL))
        continue;

      point->cash_figure = figure;
      point->date = figure->period->end;
      point->cash = conversion.value;
      point->has_burn_ttm = trailing_year (runway, figure->period, BURN, &point->burn_ttm,
                                           &point->annualised, &proxy);
      point->basis = proxy ? BR_BURN_NET_LOSS_PROXY : BR_BURN_CASH_FLOW;
      point->burning = point->has_burn_ttm && point->burn_ttm > 0;
      if (point->burning)
        point->runway_months = point->cash / (point->burn_ttm / 12);
      runway->n_points++;
    }
  qsort (runway->points, runway->n_points, sizeof *runway->points, compare_points);
}

static int
compare_raises (gconstpointer a,
                gconstpointer b)
{
  const BrRunwayRaise *ra = a, *rb = b;

  return g_date_compare (&ra->raise->date, &rb->raise->date);
}

/* The last reported cash on or before @date, or NULL. */
static const BrRunwayPoint *
cash_before (const BrRunway *runway,
             const GDate    *date)
{
  const BrRunwayPoint *found = NULL;

  for (guint i = 0; i < runway->n_points; i++)
    {
      if (g_date_compare (&runway->points[i].date, date) <= 0)
        found = &runway->points[i];
    }

  return found;
}

static void
compute_raises (BrRunway *runway)
{
  const BrCompany *company = runway->company;
  double cumulative = 0;

  runway->raises = g_new0 (BrRunwayRaise, company->n_raises + 1);
  for (guint i = 0; i < company->n_raises; i++)
    {
      const BrRaise *raise = &company->raises[i];
      BrRunwayRaise *out = &runway->raises[runway->n_raises];
      BrAmount amount = { 0 };
      BrConversion conversion;

      amount.value = raise->has_net ? raise->net : raise->gross;
      amount.currency = raise->currency;
      amount.scale = raise->scale;
      if (!br_dataset_convert (runway->dataset, &amount, &raise->date, TRUE, &runway->unit,
                               &conversion))
        continue;

      out->raise = raise;
      out->amount = conversion.value;
      out->gross_only = !raise->has_net;
      runway->n_raises++;
    }
  qsort (runway->raises, runway->n_raises, sizeof *runway->raises, compare_raises);

  for (guint i = 0; i < runway->n_raises; i++)
    {
      BrRunwayRaise *r = &runway->raises[i];
      const BrRunwayPoint *point = cash_before (runway, &r->raise->date);

      cumulative += r->amount;
      r->cumulative_raised = cumulative;
      if (point == NULL)
        continue;

      /* raises since that report, this one included, on top of the reported cash */
      r->has_cash_after = TRUE;
      r->cash_after = point->cash;
      for (guint j = 0; j <= i; j++)
        {
          if (g_date_compare (&runway->raises[j].raise->date, &point->date) > 0)
            r->cash_after += runway->raises[j].amount;
        }
    }
  runway->cumulative_raised = cumulative;
}

static const BrPeriod *
latest_period_with (BrRunway        *runway,
                    Measure          measure)
{
  const BrPeriod *latest = NULL;

  for (guint i = 0; i < runway->company->n_periods; i++)
    {
      const BrPeriod *p = &runway->company->periods[i];
      double v;
      gboolean proxy;

      if (value_of (runway, measure, p, &v, &proxy) &&
          (latest == NULL || g_date_compare (&p->end, &latest->end) > 0 ||
           (g_date_compare (&p->end, &latest->end) == 0 && p->kind < latest->kind)))
        latest = p;
    }

  return latest;
}

/* Growth a year between the latest fiscal year with @measure and the one two years
 * (or failing that one year) before it, in percent. */
static gboolean
yearly_trend (BrRunway        *runway,
              Measure          measure,
              double          *percent)
{
  const BrCompany *company = runway->company;
  const BrPeriod *latest = NULL;
  double v_latest = 0;

  for (guint i = 0; i < company->n_periods; i++)
    {
      const BrPeriod *p = &company->periods[i];
      double v;
      gboolean proxy;

      if (p->kind == BR_PERIOD_FISCAL_YEAR && value_of (runway, measure, p, &v, &proxy) &&
          (latest == NULL || g_date_compare (&p->end, &latest->end) > 0))
        {
          latest = p;
          v_latest = v;
        }
    }

  for (int back = 2; latest != NULL && back >= 1; back--)
    {
      GDate start = latest->start, end = latest->end;
      const BrPeriod *earlier;
      double v;
      gboolean proxy;

      g_date_subtract_years (&start, back);
      g_date_subtract_years (&end, back);
      earlier = find_period (company, BR_PERIOD_FISCAL_YEAR, &start, &end, 7);
      if (earlier != NULL && value_of (runway, measure, earlier, &v, &proxy) && v > 0 &&
          v_latest > 0)
        {
          *percent = (pow (v_latest / v, 1.0 / back) - 1) * 100;
          return TRUE;
        }
    }

  return FALSE;
}

static double
capped (double   value,
        double   min,
        double   max,
        guint    field,
        guint   *flags)
{
  if (value < min || value > max)
    *flags |= field;
  return CLAMP (value, min, max);
}

static void
compute_defaults (BrRunway         *runway,
                  const BrScenario *given)
{
  BrScenario *d = &runway->defaults;
  double trend;

  d->gross_margin = DEFAULT_GROSS_MARGIN;
  runway->no_trend |= BR_SCENARIO_GROSS_MARGIN;
  runway->scenario.gross_margin = (given->set & BR_SCENARIO_GROSS_MARGIN) ?
                                  given->gross_margin : d->gross_margin;

  if (yearly_trend (runway, REVENUE, &trend))
    d->revenue_growth = capped (trend, REVENUE_GROWTH_MIN, REVENUE_GROWTH_MAX,
                                BR_SCENARIO_REVENUE_GROWTH, &runway->capped);
  else
    runway->no_trend |= BR_SCENARIO_REVENUE_GROWTH;

  if (yearly_trend (runway, COST, &trend))
    d->cost_growth = capped (trend, COST_GROWTH_MIN, COST_GROWTH_MAX,
                             BR_SCENARIO_COST_GROWTH, &runway->capped);
  else
    runway->no_trend |= BR_SCENARIO_COST_GROWTH;

  runway->scenario = *d;
  runway->scenario.set = given->set;
  if (given->set & BR_SCENARIO_REVENUE_GROWTH)
    runway->scenario.revenue_growth = given->revenue_growth;
  if (given->set & BR_SCENARIO_COST_GROWTH)
    runway->scenario.cost_growth = given->cost_growth;
  if (given->set & BR_SCENARIO_GROSS_MARGIN)
    runway->scenario.gross_margin = given->gross_margin;
}

static double
raised_between (const BrRunway *runway,
                const GDate    *after,
                const GDate    *until)
{
  double sum = 0;

  for (guint i = 0; i < runway->n_raises; i++)
    {
      const GDate *date = &runway->raises[i].raise->date;

      if (g_date_compare (date, after) > 0 && g_date_compare (date, until) <= 0)
        sum += runway->raises[i].amount;
    }

  return sum;
}

/* Quarter by quarter from the latest reported cash, with revenue and cost starting
 * from their trailing year at the latest period that reports them. */
static void
project (BrRunway *runway)
{
  const BrRunwayPoint *start = br_runway_latest (runway);
  const BrPeriod *base_burn = latest_period_with (runway, BURN);
  const BrPeriod *base_revenue = latest_period_with (runway, REVENUE);
  const BrScenario *s = &runway->scenario;
  double burn_year, revenue_year = 0, cost0, revenue0, cash;
  gboolean annualised, proxy;
  GDate from;

  runway->runs_out = runway->break_even = -1;
  if (start == NULL || base_burn == NULL ||
      !trailing_year (runway, base_burn, BURN, &burn_year, &annualised, &proxy))
    return;
  if (base_revenue != NULL)
    trailing_year (runway, base_revenue, REVENUE, &revenue_year, &annualised, &proxy);

  revenue0 = revenue_year / 4;
  cost0 = burn_year / 4 + revenue0 * s->gross_margin / 100;
  cash = start->cash;
  from = start->date;

  for (guint t = 1; t <= BR_RUNWAY_QUARTERS; t++)
    {
      BrProjectedQuarter *q = &runway->quarters[t - 1];

      q->start = from;
      g_date_add_days (&q->start, 1);
      q->end = q->start;
      g_date_add_months (&q->end, 3);
      g_date_subtract_days (&q->end, 1);
      q->revenue = revenue0 * pow (1 + s->revenue_growth / 100, t / 4.0);
      q->cost = cost0 * pow (1 + s->cost_growth / 100, t / 4.0);
      q->cash_flow = q->revenue * s->gross_margin / 100 - q->cost;
      q->raised = raised_between (runway, &from, &q->end);
      cash += q->cash_flow + q->raised;
      q->cash = cash;
      from = q->end;

      if (runway->runs_out < 0 && cash < 0)
        runway->runs_out = t - 1;
      if (runway->break_even < 0 && q->cash_flow >= 0)
        runway->break_even = t - 1;
    }

  runway->n_quarters = BR_RUNWAY_QUARTERS;
  runway->has_projection = TRUE;
}

/**
 * br_runway_compute:
 * @unit: the currency and scale every amount of the result is in
 * @scenario: (nullable): assumptions; fields not set come from the reported trend
 *
 * Returns: (transfer full): burn, runway, raises and the projection for @company
 */
BrRunway *
br_runway_compute (BrDataset         *dataset,
                   const BrCompany   *company,
                   const BrUnit      *unit,
                   const BrScenario  *scenario,
                   GError           **error)
{
  g_autoptr(BrRunway) runway = NULL;
  BrScenario none = { 0 };

  g_return_val_if_fail (BR_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (company != NULL, NULL);
  g_return_val_if_fail (unit != NULL, NULL);

  runway = g_new0 (BrRunway, 1);
  runway->company = company;
  runway->unit = *unit;
  runway->dataset = dataset;

  compute_burns (runway);
  compute_points (runway);
  compute_raises (runway);
  compute_defaults (runway, scenario != NULL ? scenario : &none);
  project (runway);

  return g_steal_pointer (&runway);
}

void
br_runway_free (BrRunway *runway)
{
  if (runway == NULL)
    return;

  g_free (runway->burns);
  g_free (runway->points);
  g_free (runway->raises);
  g_free (runway);
}

/* Returns: (nullable): the latest reported cash */
const BrRunwayPoint *
br_runway_latest (const BrRunway *runway)
{
  g_return_val_if_fail (runway != NULL, NULL);

  return runway->n_points > 0 ? &runway->points[runway->n_points - 1] : NULL;
}
