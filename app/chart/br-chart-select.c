/* br-chart-select.c: which companies a chart draws
 *
 * The companies the options name, or by default every challenger (and the benchmark on
 * the charts that show it) but those the options exclude, of which a sensible few are
 * drawn: the benchmark and at most eight others, the largest by the chart's own measure.
 * One rule for any number of companies, so that ticking or unticking one in the side
 * pane changes what is drawn by at most that one.
 * A chart draws no more companies than it can draw legibly at its size; the largest
 * by its measure stay, and the footnote says how many selected companies are not drawn
 * (naming them while the page names at most 30 companies).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"

/* companies a page names at most, in its legend, labels and notes */
#define MAX_NAMED 30
/* distinct company colours (br-chart-frame.c): more lines than that could not be told
 * apart by colour */
#define MAX_SERIES 12
/* companies besides the benchmark drawn by default, the largest few */
#define DEFAULT_FEW 8

typedef struct
{
  const BrCompany *company;
  double           measure;
  guint            order;    /* its place in the selection */
} Ranked;

/* The latest figure of @metric in range, in the chart's unit, as a magnitude */
static double
latest_figure (BrChartContext  *ctx,
               const BrCompany *company,
               BrMetric         metric)
{
  const BrFigure *latest = NULL;
  BrConversion conversion;

  for (guint i = 0; i < company->n_figures; i++)
    {
      const BrFigure *figure = &company->figures[i];

      if (figure->metric != metric ||
          !_br_chart_in_range (ctx, &figure->period->start, &figure->period->end))
        continue;
      if (latest == NULL || g_date_compare (&figure->period->end, &latest->period->end) > 0)
        latest = figure;
    }

  if (!_br_chart_figure_value (ctx, latest, &conversion))
    return -1;

  return fabs (conversion.value);
}

static double
latest_market_cap (BrChartContext  *ctx,
                   const BrCompany *company)
{
  const BrMarketCap *latest = NULL;
  BrConversion conversion;

  for (guint i = 0; i < company->n_market_caps; i++)
    {
      const BrMarketCap *cap = &company->market_caps[i];

      if (!_br_chart_in_range (ctx, &cap->date, &cap->date))
        continue;
      if (latest == NULL || g_date_compare (&cap->date, &latest->date) > 0)
        latest = cap;
    }

  if (latest == NULL ||
      !br_dataset_convert (ctx->dataset, &latest->amount, &latest->date, TRUE, &ctx->options->unit,
                           &conversion))
    return -1;

  return conversion.value;
}

/* How large a company is by what the chart shows: its latest net income (as a
 * magnitude), R&D, revenue, market value or cash; -1 when the chart has nothing of it */
static double
measure (BrChartContext  *ctx,
         const BrCompany *company)
{
  switch (ctx->options->kind)
    {
    case BR_CHART_LOSSES:
      return latest_figure (ctx, company, BR_METRIC_NET_INCOME_ATTRIBUTABLE);
    case BR_CHART_RND:
      return latest_figure (ctx, company, BR_METRIC_RND_EXPENSE);
    case BR_CHART_CUSTOMERS:
      return company->n_concentrations > 0 ? latest_figure (ctx, company, BR_METRIC_REVENUE) : -1;
    case BR_CHART_VALUATION:
      return latest_market_cap (ctx, company);
    case BR_CHART_RUNWAY:
      return latest_figure (ctx, company, BR_METRIC_CASH);
    case BR_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* The most series the chart can draw legibly at its size: end labels a line each down
 * the plot, bar groups wide enough for their label, customer bars a line of text high for
 * each period of @companies (each named beside its rows, so told apart by more than
 * colour) */
static guint
capacity (BrChartContext *ctx,
          GPtrArray      *companies)
{
  double em = ctx->em;
  double plot_height = ctx->height - 2 * ctx->pad - 12 * em;
  double plot_width = ctx->width - 2 * ctx->pad - 5 * em;
  double n;

  switch (ctx->options->kind)
    {
    case BR_CHART_LOSSES:
    case BR_CHART_VALUATION:
    case BR_CHART_RUNWAY:
      n = plot_height / (em * 1.25);
      break;
    case BR_CHART_RND:
      n = plot_width / (em * 5);
      break;
    case BR_CHART_CUSTOMERS:
      /* a slide names the rows without a legend, under a smaller header; the scale's
       * labels go under the rows */
      if (ctx->options->slide)
        plot_height = ctx->height - 2 * ctx->pad - 7 * em;
      return CLAMP (_br_chart_customers_capacity (ctx, companies, plot_height - 1.4 * em), 1,
                    MAX_NAMED);
    case BR_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }

  return (guint)CLAMP (n, 1, MAX_SERIES);
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->measure != y->measure)
    return x->measure > y->measure ? -1 : 1;

  return x->order < y->order ? -1 : x->order > y->order;
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const Ranked *x = a, *y = b;

  return x->order < y->order ? -1 : x->order > y->order;
}

/* The selection the options make, in their order, or NULL for the default */
static GPtrArray *
chosen (BrChartContext *ctx)
{
  const char * const *ids = br_chart_options_get_companies (ctx->options);
  GPtrArray *companies;

  if (ids == NULL)
    return NULL;

  companies = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const BrCompany *company = br_dataset_lookup_company (ctx->dataset, ids[i]);

      if (company != NULL && !g_ptr_array_find (companies, company, NULL))
        g_ptr_array_add (companies, (gpointer)company);
    }

  return companies;
}

static GHashTable *
excluded_set (BrChartContext *ctx)
{
  char **ids = ctx->options->excluded;
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (set, ids[i]);

  return set;
}

/* Every challenger but those excluded, and the benchmark when the chart shows it by
 * default or when it is all that is left */
static GPtrArray *
default_selection (BrChartContext *ctx,
                   gboolean        with_benchmark)
{
  g_autoptr(GHashTable) excluded = excluded_set (ctx);
  GPtrArray *companies = g_ptr_array_new ();
  const BrCompany *benchmark = NULL;

  for (guint i = 0; i < br_dataset_get_n_companies (ctx->dataset); i++)
    {
      const BrCompany *company = br_dataset_get_company (ctx->dataset, i);

      if (g_hash_table_contains (excluded, company->id))
        continue;
      if (company->role == BR_ROLE_CHALLENGER || with_benchmark)
        g_ptr_array_add (companies, (gpointer)company);
      else if (company->role == BR_ROLE_BENCHMARK && benchmark == NULL)
        benchmark = company;
    }

  if (companies->len == 0 && benchmark != NULL && g_hash_table_size (excluded) > 0)
    g_ptr_array_add (companies, (gpointer)benchmark);

  return companies;
}

/* Keeps the largest @limit of @companies by the chart's measure, in their order, and
 * lists the rest in the layout as not drawn. Companies the chart has nothing of are
 * left to the renderer, which says so: they take no room. */
static void
keep_largest (BrChartContext *ctx,
              GPtrArray      *companies,
              guint           limit)
{
  g_autoptr(GArray) ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), companies->len);
  guint n_kept = 0;

  for (guint i = 0; i < companies->len; i++)
    {
      Ranked r = { g_ptr_array_index (companies, i), 0, i };

      /* the default keeps the benchmark it shows */
      r.measure = ctx->layout->by_default && r.company->role == BR_ROLE_BENCHMARK
                    ? G_MAXDOUBLE : measure (ctx, r.company);
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);

  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);

      if (r->measure < 0 || n_kept < limit)
        {
          ctx->layout->n_largest += r->measure >= 0;
          g_array_index (ranked, Ranked, n_kept++) = *r;
        }
      else
        g_ptr_array_add (ctx->layout->not_drawn, (gpointer)r->company);
    }
  g_array_set_size (ranked, n_kept);
  g_array_sort (ranked, compare_order);

  g_ptr_array_set_size (companies, 0);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (companies, (gpointer)g_array_index (ranked, Ranked, i).company);
}

/**
 * _br_chart_companies:
 * @with_benchmark: whether the benchmark (Nvidia) is shown by default
 *
 * Returns: (transfer container) (element-type BrCompany): the companies the chart
 *   draws: those the options choose, in their order, or by default a sensible few; at
 *   most as many as the chart can draw legibly, the rest in the layout's not-drawn list
 */
GPtrArray *
_br_chart_companies (BrChartContext *ctx,
                     gboolean        with_benchmark)
{
  GPtrArray *companies = chosen (ctx);
  guint limit;

  if (companies == NULL)
    {
      companies = default_selection (ctx, with_benchmark);
      ctx->layout->by_default = TRUE;
    }
  limit = capacity (ctx, companies);
  if (ctx->layout->by_default)
    limit = MIN (limit, DEFAULT_FEW + (with_benchmark ? 1 : 0));

  ctx->layout->n_selected = companies->len;
  if (companies->len > limit)
    keep_largest (ctx, companies, limit);

  return companies;
}

/**
 * _br_chart_periods:
 * @n: (out): how many periods
 *
 * Returns: (transfer container): @company's periods in the options' range, of the kind
 *   they ask for first and then of the others that none of those overlaps, in order
 */
const BrPeriod **
_br_chart_periods (BrChartContext  *ctx,
                   const BrCompany *company,
                   guint           *n)
{
  const BrChartOptions *o = ctx->options;
  const BrPeriod **periods = g_new0 (const BrPeriod *, MAX (company->n_periods, 1));

  *n = br_metrics_select_periods_by (company, g_date_valid (&o->from) ? &o->from : NULL,
                                     g_date_valid (&o->to) ? &o->to : NULL, o->periods, periods);
  return periods;
}

/* @figure in the chart's unit: FALSE for none, or for one no rate converts */
gboolean
_br_chart_figure_value (BrChartContext *ctx,
                        const BrFigure *figure,
                        BrConversion   *out)
{
  return figure != NULL &&
         br_metrics_figure_value (ctx->dataset, figure, &ctx->options->unit, out, NULL);
}

/**
 * _br_chart_not_drawn_note:
 *
 * Returns: (nullable): the footnote's word on selected companies the chart had no room
 *   for: named while the page names at most 30 companies, else counted
 */
char *
_br_chart_not_drawn_note (BrChartContext *ctx)
{
  GPtrArray *rest = ctx->layout->not_drawn;
  guint n_drawn = ctx->layout->n_largest;
  g_autoptr(GString) names = NULL;
  g_autofree char *n_rest = NULL;

  if (rest->len == 0)
    return NULL;

  n_rest = br_chart_format_count (rest->len);
  if (n_drawn + rest->len > MAX_NAMED)
    {
      g_autofree char *n_largest = br_chart_format_count (n_drawn);
      g_autofree char *n_selected = br_chart_format_count (ctx->layout->n_selected);

      if (ctx->layout->by_default)
        return g_strdup_printf (_br_chart_ngettext ("The %s largest of %s companies are drawn "
                                                    "by default; %s more is not.",
                                                    "The %s largest of %s companies are drawn "
                                                    "by default; %s more are not.",
                                                    rest->len),
                                n_largest, n_selected, n_rest);
      return g_strdup_printf (_br_chart_ngettext ("The %s largest of %s companies selected are "
                                                  "drawn; %s more is not, for want of room.",
                                                  "The %s largest of %s companies selected are "
                                                  "drawn; %s more are not, for want of room.",
                                                  rest->len),
                              n_largest, n_selected, n_rest);
    }

  names = g_string_new (NULL);
  for (guint i = 0; i < rest->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? _(", ") : "",
                            br_company_get_name (g_ptr_array_index (rest, i), ctx->lang));

  if (ctx->layout->by_default)
    return g_strdup_printf (_br_chart_ngettext ("Not drawn by default (%s): %s.",
                                                "Not drawn by default (%s): %s.", rest->len),
                            n_rest, names->str);

  return g_strdup_printf (_br_chart_ngettext ("Not drawn for want of room (%s): %s.",
                                              "Not drawn for want of room (%s): %s.",
                                              rest->len),
                          n_rest, names->str);
}
