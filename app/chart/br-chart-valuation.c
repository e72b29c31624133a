/* br-chart-valuation.c: market capitalisations over time against the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"

/* A company's series is a BrLine of these, by date; its end label is its latest value
 * and share of the benchmark */
typedef struct
{
  BrLinePoint        at;
  const BrMarketCap *cap;
  const BrFxRate    *rate;
} Point;

typedef BrLine Series;

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  return g_date_compare (&((const Point *)a)->cap->date, &((const Point *)b)->cap->date);
}

static GArray *
collect_points (BrChartContext  *ctx,
                const BrCompany *company)
{
  GArray *points = g_array_new (FALSE, TRUE, sizeof (Point));

  for (guint i = 0; i < company->n_market_caps; i++)
    {
      const BrMarketCap *cap = &company->market_caps[i];
      BrConversion conversion;
      Point point = { { cap->date }, cap };

      if (!_br_chart_in_range (ctx, &cap->date, &cap->date) ||
          !br_dataset_convert (ctx->dataset, &cap->amount, &cap->date, TRUE, &ctx->options->unit,
                               &conversion))
        continue;

      point.at.value = conversion.value;
      point.rate = conversion.rate;
      g_array_append_val (points, point);
    }

  g_array_sort (points, compare_points);
  return points;
}

/* The mark of the point at @at, of @kind, for @value */
static guint
add_point_mark (BrChartContext  *ctx,
                const BrPointAt *at,
                BrSeries         kind,
                double           value,
                const char      *name)
{
  const Point *p = at->point;
  double x = at->x, y = at->y, hit = at->hit;
  BrChartMark mark = {
    .series = kind,
    .company = at->line->company,
    .date = p->cap->date,
    .value = value,
    .unit = ctx->options->unit,
    .source = p->cap->source,
    .rate = p->rate,
    .name = name,
    .x = x, .y = y,
    .x0 = x - hit, .y0 = y - hit, .x1 = x + hit, .y1 = y + hit,
  };
  BrShape shape = { SHAPE_POINT, x, y, 0, hit, .ring = hit * 0.9 };

  return _br_chart_layout_add_mark (ctx->layout, &mark, &shape);
}

/* Whether a label of the point at @x, @y in the box, @gap from it all around, stays in the
 * plot, touches no other text and no other point, and no company's line runs through it
 * (the dashed implied line may) */
static gboolean
label_fits (BrChartContext *ctx,
            double          x,
            double          y,
            double          x0,
            double          y0,
            double          x1,
            double          y1,
            double          gap)
{
  BrChartMark anchor = { .x = x, .y = y };

  if (y0 < ctx->py0 - ctx->em * 0.2 || y1 > ctx->py1)
    return FALSE;
  /* other points keep their own margin; other text and the lines keep @gap */
  return _br_chart_layout_label_clear (ctx->layout, x0, y0, x1, y1, 4, BR_SERIES_IMPLIED,
                                       &anchor) &&
         _br_chart_layout_label_clear (ctx->layout, x0 - gap, y0 - gap, x1 + gap, y1 + gap,
                                       G_MAXDOUBLE, BR_SERIES_IMPLIED, &anchor) &&
         !_br_chart_layout_line_crosses (ctx->layout, x0 - gap, y0 - gap, x1 + gap, y1 + gap,
                                         BR_SERIES_MARKET_CAP);
}

/* A milestone's label ("$4T · 2025-07-09") above or below its point, or to its left or
 * right, where it fits with a gap around it; otherwise left to the tooltip, and on a
 * slide to its notes. */
static void
milestone_label (BrChartContext  *ctx,
                 const BrPointAt *at)
{
  const Point *p = at->point;
  double x = at->x, y = at->y;
  g_autofree char *date = _br_format_date (&p->cap->date, ctx->lang);
  g_autofree char *text = g_strdup_printf ("%s · %s", br_text_get (&p->cap->label, ctx->lang), date);
  double size = ctx->em * 0.75, w, h, gap = MAX (2, ctx->em * 0.2);
  double tries[][2] = { { 0, -1 }, { 0, 1 }, { -1, -1 }, { -1, 1 }, { 1, -1 }, { 1, 1 } };
  /* a slide tries smaller type too, then its notes */
  guint n_tries = G_N_ELEMENTS (tries) * (ctx->options->slide ? 2 : 1);

  for (guint i = 0; i < n_tries; i++)
    {
      if (i % G_N_ELEMENTS (tries) == 0)
        _br_text_measure (ctx, text, i == 0 ? size : (size = ctx->em * 0.55), 0, &w, &h);

      const double *try = tries[i % G_N_ELEMENTS (tries)];
      double left = try[0] < 0 ? x - w - ctx->em * 0.4 : try[0] > 0 ? x + ctx->em * 0.4 : x - w / 2;
      double top = try[1] < 0 ? y - ctx->em * 0.5 - h : y + ctx->em * 0.5;

      left = CLAMP (left, ctx->px0, ctx->px1 - w);
      if (!label_fits (ctx, x, y, left, top, left + w, top + h, gap))
        continue;

      _br_text_draw (ctx, text, left, top, 0,
                     &(BrTextStyle) { size, 0, &at->line->color, "label" });
      return;
    }

  _br_chart_layout_leave_out (ctx->layout, text);
}

/* A private round's value is a hollow point */
static void
draw_point (BrChartContext  *ctx,
            const BrPointAt *at)
{
  const Point *p = at->point;

  _br_line_marker (ctx, at->x, at->y, at->r, &at->line->color,
                   p->cap->basis == BR_CAP_PRIVATE_ROUND, FALSE);
  add_point_mark (ctx, at, BR_SERIES_MARKET_CAP, p->at.value,
                  br_text_get (&p->cap->label, ctx->lang));
}

/* a company's path in its pattern */
static const BrLineDrawing drawing = { NULL, draw_point };

/* The dashed "x % of Nvidia" line: the benchmark's closes, and what it holds level */
typedef struct
{
  GArray            *points;      /* Point: the closes, and each end held to a day */
  gboolean           closes_only; /* values of the benchmark that are not closes left out */
  gboolean           no_close;    /* none is a close: the values as they are */
  const BrMarketCap *held_first;  /* the first close, held back to @first_to, or NULL */
  GDate              first_to;
  const BrMarketCap *held_last;   /* the last close, held on to @last_to, or NULL */
  GDate              last_to;
} Implied;

static gboolean
is_close (const BrMarketCap *cap)
{
  return cap->basis == BR_CAP_CLOSE || cap->basis == BR_CAP_IPO_FIRST_DAY_CLOSE;
}

/* The days of the values compared with the benchmark, each company's latest, its share in
 * its end label: the earliest and the latest. FALSE for none. */
static gboolean
compared_span (GArray *all,
               GDate  *first,
               GDate  *last)
{
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  for (guint i = 0; i < all->len; i++)
    {
      const Series *s = &g_array_index (all, Series, i);
      const GDate *day;

      if (s->hidden || s->points->len == 0 || s->company->role == BR_ROLE_BENCHMARK)
        continue;
      day = &g_array_index (s->points, Point, s->points->len - 1).cap->date;
      if (!g_date_valid (first) || g_date_compare (day, first) < 0)
        *first = *day;
      if (!g_date_valid (last) || g_date_compare (day, last) > 0)
        *last = *day;
    }

  return g_date_valid (first);
}

/* The dashed line is drawn through the benchmark's closes, as shares are taken of them,
 * not through an intraday peak; where the values compared with it are of days past its
 * last close (or before its first), that close is held level to them, and the footnote
 * says so */
static void
implied_init (Implied      *implied,
              GArray       *all,
              const Series *benchmark)
{
  GDate first, last;

  *implied = (Implied) { g_array_new (FALSE, TRUE, sizeof (Point)) };
  for (guint i = 0; i < benchmark->points->len; i++)
    {
      const Point *p = &g_array_index (benchmark->points, Point, i);

      if (is_close (p->cap))
        g_array_append_val (implied->points, *p);
      else
        implied->closes_only = TRUE;
    }
  if (implied->points->len == 0)
    {
      g_array_append_vals (implied->points, benchmark->points->data, benchmark->points->len);
      implied->closes_only = FALSE;
      implied->no_close = implied->points->len > 0;
    }
  if (implied->no_close || implied->points->len == 0 || !compared_span (all, &first, &last))
    return;

  {
    Point head = g_array_index (implied->points, Point, 0);
    Point tail = g_array_index (implied->points, Point, implied->points->len - 1);

    if (g_date_compare (&first, &head.at.date) < 0)
      {
        implied->held_first = head.cap;
        implied->first_to = head.at.date = first;
        g_array_prepend_val (implied->points, head);
      }
    if (g_date_compare (&last, &tail.at.date) > 0)
      {
        implied->held_last = tail.cap;
        implied->last_to = tail.at.date = last;
        g_array_append_val (implied->points, tail);
      }
  }
}

static void
implied_clear (Implied *implied)
{
  g_clear_pointer (&implied->points, g_array_unref);
}

/* A footnote's text, without the space after its last sentence; NULL when it says nothing */
static char *
take_note (GString *note)
{
  if (note->len == 0)
    {
      g_string_free (note, TRUE);
      return NULL;
    }
  return g_strchomp (g_string_free (note, FALSE));
}

/* For the footnote: what the dashed line is drawn through, where that is not plain to see;
 * or NULL */
static char *
implied_note (BrChartContext *ctx,
              const Implied  *implied,
              const char     *name)
{
  const char *benchmark = br_company_get_name (br_dataset_get_benchmark (ctx->dataset), ctx->lang);
  char close[BR_DATE_ISO_SIZE], to[BR_DATE_ISO_SIZE];
  g_autoptr(GString) note = g_string_new (NULL);

  if (implied->no_close)
    /* TRANSLATORS: in a footnote: "1% of Nvidia joins Nvidia’s values as reported: none in
     * the range is a closing value." */
    g_string_append_printf (note, _("%s joins %s’s values as reported: none in the range is a "
                                    "closing value. "), name, benchmark);
  if (implied->closes_only)
    /* TRANSLATORS: in a footnote: "1% of Nvidia joins Nvidia’s closing values only." */
    g_string_append_printf (note, _("%s joins %s’s closing values only. "), name, benchmark);
  if (implied->held_first != NULL)
    /* TRANSLATORS: in a footnote: "1% of Nvidia holds Nvidia’s close of 2024-03-01 level
     * back to 2023-12-29." */
    g_string_append_printf (note, _("%s holds %s’s close of %s level back to %s. "), name,
                            benchmark, br_date_format_iso (&implied->held_first->date, close),
                            br_date_format_iso (&implied->first_to, to));
  if (implied->held_last != NULL)
    /* TRANSLATORS: in a footnote: "1% of Nvidia holds Nvidia’s close of 2025-07-10 level
     * to 2025-12-17." */
    g_string_append_printf (note, _("%s holds %s’s close of %s level to %s. "), name, benchmark,
                            br_date_format_iso (&implied->held_last->date, close),
                            br_date_format_iso (&implied->last_to, to));

  return take_note (g_steal_pointer (&note));
}

/* "x % of Nvidia": the benchmark's closes scaled down, dashed. Each close is a mark; the
 * level held past it is not a value of its own. */
static void
draw_implied (BrChartContext *ctx,
              const BrAxes   *axes,
              Series         *benchmark,
              const Implied  *implied,
              const char     *name)
{
  cairo_t *cr = ctx->cr;
  double scale = ctx->options->percent / 100.;
  double dash[] = { ctx->em * 0.45, ctx->em * 0.3 };
  double hit = MAX (ctx->em * 0.6, 8);
  Series line = *benchmark;

  line.points = implied->points;
  cairo_save (cr);
  _br_set_rgba (cr, &benchmark->color, 0.9);
  cairo_set_line_width (cr, MAX (1.5, ctx->em * 0.11));
  cairo_set_dash (cr, dash, 2, 0);
  _br_line_path (cr, &line, axes, scale);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < implied->points->len; i++)
    {
      Point *p = &g_array_index (implied->points, Point, i);
      BrPointAt at = { benchmark, p, _br_axis_map_date (&axes->x, &p->at.date),
                       _br_axis_map (&axes->y, p->at.value * scale), 0, hit };

      if (g_date_compare (&p->at.date, &p->cap->date) == 0)
        add_point_mark (ctx, &at, BR_SERIES_IMPLIED, p->at.value * scale, name);
    }
}

/* The latest capitalisation of each challenger as a share of the benchmark's. */
static char *
ratio_text (BrChartContext *ctx,
            const Series   *series)
{
  const Point *last = &g_array_index (series->points, Point, series->points->len - 1);
  g_autofree char *amount = _br_format_amount (last->at.value, last->at.value >= 1000 ? 0 : 1, 1,
                                               &ctx->options->unit, ctx->lang);
  g_autofree char *date = _br_format_date (&last->cap->date, ctx->lang);
  /* the date it is for: the companies' last values are not the same day's */
  g_autofree char *value = g_strdup_printf ("%s · %s", amount, date);
  double ratio;

  if (series->company->role == BR_ROLE_BENCHMARK ||
      !br_metrics_ratio_to_benchmark (ctx->dataset, last->cap, &ratio, NULL, NULL))
    return g_steal_pointer (&value);

  {
    g_autofree char *percent = _br_format_percent (ratio * 100, ratio < 0.1 ? 2 : 1);

    /* TRANSLATORS: a company's latest value, then its share of the benchmark's */
    return g_strdup_printf (_("%s · %s of %s"), value, percent,
                            br_company_get_name (br_dataset_get_benchmark (ctx->dataset),
                                                 ctx->lang));
  }
}

/* The benchmark's value a company's latest is compared with, when it is of another day
 * (the dataset has none of that day); else NULL */
static const BrMarketCap *
compared_elsewhen (BrChartContext *ctx,
                   const Series   *s)
{
  const BrMarketCap *compared = NULL;
  const Point *last;
  double ratio;

  if (s->hidden || s->points->len == 0 || s->company->role == BR_ROLE_BENCHMARK)
    return NULL;
  last = &g_array_index (s->points, Point, s->points->len - 1);
  if (!br_metrics_ratio_to_benchmark (ctx->dataset, last->cap, &ratio, &compared, NULL) ||
      g_date_compare (&compared->date, &last->cap->date) == 0)
    return NULL;

  return compared;
}

/* For the footnote: which companies' shares of the benchmark are of its value of another
 * day, and of which, one sentence a day; or NULL */
static char *
other_days_note (BrChartContext *ctx,
                 GArray         *all)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GPtrArray) days = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      const BrMarketCap *compared = compared_elsewhen (ctx, &g_array_index (all, Series, i));
      g_autofree char *names = NULL;
      char day[BR_DATE_ISO_SIZE];

      if (compared == NULL || g_ptr_array_find (days, compared, NULL))
        continue;
      g_ptr_array_add (days, (gpointer)compared);
      for (guint j = i; j < all->len; j++)
        {
          Series *s = &g_array_index (all, Series, j);
          const char *name = br_company_get_name (s->company, ctx->lang);

          if (compared_elsewhen (ctx, s) != compared)
            continue;
          if (names == NULL)
            names = g_strdup (name);
          else
            {
              /* TRANSLATORS: a list of names, one more added: "Moore Threads, MetaX" */
              char *longer = g_strdup_printf (_("%1$s, %2$s"), names, name);

              g_free (names);
              names = longer;
            }
        }
      /* TRANSLATORS: in a footnote: "Moore Threads, MetaX: share of Nvidia’s close of
       * 2025-07-10, the nearest." */
      g_string_append_printf (note, _("%s: share of %s’s close of %s, the nearest. "),
                              names,
                              br_company_get_name (br_dataset_get_benchmark (ctx->dataset),
                                                   ctx->lang),
                              br_date_format_iso (&compared->date, day));
    }

  return take_note (g_steal_pointer (&note));
}

static void
describe_series (BrChartContext *ctx,
                 gconstpointer   series,
                 GString        *d)
{
  const Series *s = series;

  if (s->hidden || s->points->len == 0)
    return;

  g_string_append_printf (d, "%s: %s %s. ", br_company_get_name (s->company, ctx->lang),
                          s->end_label, _br_unit_label (&ctx->options->unit, ctx->lang));
}

/* Step 1: a series for each company with market values, the benchmark always among
 * them; the legend names each */
static GArray *
collect_series (BrChartContext *ctx)
{
  g_autoptr(GPtrArray) companies = _br_chart_companies (ctx, TRUE);
  const BrCompany *reference = br_dataset_get_benchmark (ctx->dataset);
  GArray *all = _br_lines_new ();

  /* the benchmark is what this chart compares with: always there */
  if (reference != NULL && !g_ptr_array_find (companies, reference, NULL))
    g_ptr_array_add (companies, (gpointer)reference);

  for (guint i = 0; i < companies->len; i++)
    {
      const BrCompany *company = g_ptr_array_index (companies, i);
      Series s;

      if (!_br_line_init (ctx, &s, company, collect_points (ctx, company)))
        continue;

      _br_legend_add (ctx->legend, s.company->id, br_company_get_name (s.company, ctx->lang),
                      &s.color, FALSE);
      _br_legend_set_style (ctx->legend, s.style);
      _br_legend_set_direct (ctx->legend);
      s.end_label = ratio_text (ctx, &s);
      g_array_append_val (all, s);
    }

  return all;
}

static Series *
find_benchmark (GArray *all)
{
  for (guint i = all->len; i > 0; i--)
    if (g_array_index (all, Series, i - 1).company->role == BR_ROLE_BENCHMARK)
      return &g_array_index (all, Series, i - 1);

  return NULL;
}

/* Step 2: the values and dates shown, the implied line's among them; returns how many
 * series are shown */
static guint
measure_series (BrChartContext *ctx,
                GArray         *all,
                const Implied  *implied,
                BrExtent       *extent)
{
  guint n_visible = 0;

  _br_extent_init (extent);
  extent->hi = 0;
  for (guint i = 0; i < all->len; i++)
    {
      Series *s = &g_array_index (all, Series, i);

      if (s->hidden)
        continue;
      for (guint j = 0; j < s->points->len; j++)
        {
          Point *p = &g_array_index (s->points, Point, j);

          _br_extent_add_value (extent, p->at.value);
          _br_extent_add_date (extent, &p->cap->date);
        }
      n_visible++;
    }
  for (guint j = 0; implied != NULL && j < implied->points->len; j++)
    {
      Point *p = &g_array_index (implied->points, Point, j);

      _br_extent_add_value (extent, p->at.value * ctx->options->percent / 100.);
      _br_extent_add_date (extent, &p->at.date);
    }

  return n_visible;
}

/* Every labelled value's label ("$4T", "IPO"), the benchmark's first, where each fits
 * among what is already drawn; one that does not is left to the tooltip, and on a slide
 * to its notes */
static void
milestones (BrChartContext *ctx,
            GArray         *all,
            const Series   *benchmark,
            const BrAxes   *axes)
{
  for (guint i = 0; i <= all->len; i++)
    {
      const Series *s = i == 0 ? benchmark : &g_array_index (all, Series, i - 1);

      if (s == NULL || s->hidden || (i > 0 && s == benchmark))
        continue;
      for (guint j = 0; j < s->points->len; j++)
        {
          const Point *p = &g_array_index (s->points, Point, j);

          if (p->cap->label.en != NULL)
            milestone_label (ctx, &(BrPointAt) { s, p,
                                                 _br_axis_map_date (&axes->x, &p->at.date),
                                                 _br_axis_map (&axes->y, p->at.value) });
        }
    }
}

/* Steps 4 and 5: axes, the implied line, the series, their end labels, the milestones */
static void
plot (BrChartContext *ctx,
      GArray         *all,
      Series         *benchmark,
      const Implied  *implied,
      const char     *implied_name,
      const BrExtent *extent)
{
  g_autoptr(GArray) labels = _br_lines_end_labels (ctx, all, NULL);
  BrAxes axes = { { 0 } };
  double label_height;

  _br_chart_plot_rows (ctx, 1.8);
  if (ctx->options->log_scale && extent->lo > 0)
    _br_axis_log (&axes.y, extent->lo, extent->hi, ctx->py1, ctx->py0);
  else
    _br_chart_value_axis (ctx, &axes.y, 0, extent->hi);

  _br_chart_plot_columns_labelled (ctx, &axes.y, labels, ctx->em * 0.8, &label_height);
  _br_axis_time (&axes.x, &extent->first, &extent->last, ctx->px0, ctx->px1);
  _br_axis_draw_y (ctx, &axes.y, _("Market capitalisation"), &ctx->options->unit);
  _br_axis_draw_time (ctx, &axes.x);

  if (implied != NULL)
    draw_implied (ctx, &axes, benchmark, implied,
                  _br_chart_layout_intern (ctx->layout, implied_name));

  _br_lines_draw (ctx, all, &axes, &drawing, ctx->em * 0.8, label_height, 1.1);
  milestones (ctx, all, benchmark, &axes);

  _br_axis_clear (&axes.x);
  _br_axis_clear (&axes.y);
}

/* "1% of Nvidia", the implied-value line's name and legend entry */
static char *
implied_line (BrChartContext *ctx,
              const Series   *benchmark)
{
  g_autofree char *percent = _br_format_number (ctx->options->percent,
                                                ctx->options->percent < 1 ? 1 : 0, FALSE);
  /* TRANSLATORS: the implied-value line: "1% of Nvidia" */
  char *name = g_strdup_printf (_("%s%% of %s"), percent,
                                br_company_get_name (benchmark->company, ctx->lang));

  _br_legend_add (ctx->legend, "implied", name, &benchmark->color, TRUE);
  return name;
}

static gboolean
draws_private (GArray *all)
{
  for (guint i = 0; i < all->len; i++)
    {
      Series *s = &g_array_index (all, Series, i);

      for (guint j = 0; !s->hidden && j < s->points->len; j++)
        if (g_array_index (s->points, Point, j).cap->basis == BR_CAP_PRIVATE_ROUND)
          return TRUE;
    }

  return FALSE;
}

/* Step 5: the footnote's own words: a log axis, the implied line, the shares of another
 * day's value, the companies with nothing to draw */
static char *
valuation_note (BrChartContext *ctx,
                GArray         *all,
                const Implied  *implied,
                const char     *implied_name)
{
  g_autofree char *line = implied != NULL ? implied_note (ctx, implied, implied_name) : NULL;
  g_autofree char *days = other_days_note (ctx, all);
  const char *parts[3] = { NULL, };
  GString *note;
  guint n = 0;

  if (ctx->options->log_scale)
    parts[n++] = _("Logarithmic scale: equal distances are equal multiples.");
  if (line != NULL)
    parts[n++] = line;
  if (days != NULL)
    parts[n++] = days;
  note = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (note, "%s%s", i > 0 ? "  " : "", parts[i]);
  /* TRANSLATORS: a footnote's end: the companies selected that have no figure to draw */
  _br_chart_note_missing (ctx, note, _("No market values in the range for: %s."));

  return take_note (note);
}

void
_br_chart_draw_valuation (BrChartContext *ctx)
{
  g_autoptr(GArray) all = collect_series (ctx);
  Series *benchmark = find_benchmark (all);
  g_autofree char *implied_name = benchmark != NULL ? implied_line (ctx, benchmark) : NULL;
  gboolean show_implied = benchmark != NULL && !_br_chart_hidden (ctx, "implied");
  g_autofree char *subtitle = NULL;
  g_autofree char *first_label = NULL, *last_label = NULL;
  g_autofree char *note = NULL;
  g_autofree char *title = benchmark != NULL
    /* TRANSLATORS: the valuation chart's title: "Valuation against Nvidia" */
    ? g_strdup_printf (_("Valuation against %s"),
                       br_company_get_name (benchmark->company, ctx->lang))
    : g_strdup (_("Valuation"));
  Implied implied = { NULL, };
  BrExtent extent;
  guint n_visible;

  if (show_implied)
    implied_init (&implied, all, benchmark);
  n_visible = measure_series (ctx, all, show_implied ? &implied : NULL, &extent);
  first_label = _br_format_date (&extent.first, ctx->lang);
  /* the subtitle names hollow points only when some are drawn */
  last_label = _br_format_date (&extent.last, ctx->lang);
  subtitle = _br_chart_range_subtitle (ctx, g_date_valid (&extent.first) ? first_label : NULL,
                                       g_date_valid (&extent.last) ? last_label : NULL,
                                       draws_private (all)
                                         ? _("market capitalisation; hollow points are private "
                                             "valuations")
                                         : _("market capitalisation"));
  /* a market value a source, and an exchange rate a year: the longest footnote */
  _br_chart_frame (ctx, title, subtitle, 4);

  if (n_visible == 0 && !show_implied)
    {
      _br_chart_empty (ctx, all->len == 0
                              ? _("The dataset has no market capitalisations for the companies "
                                  "and dates chosen.")
                              : _("Every company is hidden; click one in the legend to show it."));
      implied_clear (&implied);
      return;
    }

  plot (ctx, all, benchmark, show_implied ? &implied : NULL, implied_name, &extent);
  note = valuation_note (ctx, all, show_implied ? &implied : NULL, implied_name);
  _br_chart_footnote (ctx, note);
  _br_chart_describe (ctx, all, describe_series);
  implied_clear (&implied);
}
