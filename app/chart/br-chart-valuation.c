/* br-chart-valuation.c: market capitalisations over time against the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"

typedef struct
{
  const BrMarketCap *cap;
  double             value;
  const BrFxRate    *rate;
} Point;

typedef struct
{
  const BrCompany *company;
  BrRgb            color;
  GArray          *points;   /* Point, by date */
  gboolean         hidden;
} Series;

static void
series_clear (gpointer data)
{
  Series *series = data;

  g_clear_pointer (&series->points, g_array_unref);
}

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
      Point point = { cap };

      if (!_br_chart_in_range (ctx, &cap->date, &cap->date) ||
          !br_metrics_market_cap (ctx->dataset, cap, &ctx->options->unit, &conversion, NULL))
        continue;

      point.value = conversion.value;
      point.rate = conversion.rate;
      g_array_append_val (points, point);
    }

  g_array_sort (points, compare_points);
  return points;
}

static guint
add_point_mark (BrChartContext  *ctx,
                const Series    *series,
                const Point     *p,
                BrSeries         kind,
                double           value,
                const char      *name,
                double           x,
                double           y,
                double           hit)
{
  BrChartMark mark = {
    .series = kind,
    .company = series->company,
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

/* Whether a label there would touch other text or a point. */
static gboolean
boxes_clear (BrChartLayout *layout,
             double x0, double y0, double x1, double y1)
{
  for (guint i = 0; i < layout->text_boxes->len; i++)
    {
      const BrTextBox *b = &g_array_index (layout->text_boxes, BrTextBox, i);

      if (x0 < b->x1 && b->x0 < x1 && y0 < b->y1 && b->y0 < y1)
        return FALSE;
    }

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const BrChartMark *m = &g_array_index (layout->marks, BrChartMark, i);
      double r = (m->x1 - m->x0) / 4;

      if (m->series == BR_SERIES_IMPLIED)
        continue;
      if (x0 < m->x + r && m->x - r < x1 && y0 < m->y + r && m->y - r < y1)
        return FALSE;
    }

  return TRUE;
}

/* A milestone's label ("$4T · 2025-07-09") above or below its point, where it fits
 * without touching other text; otherwise left to the tooltip. */
static void
milestone_label (BrChartContext *ctx,
                 const Point    *p,
                 double          x,
                 double          y,
                 const BrRgb    *color)
{
  g_autofree char *date = _br_format_date (&p->cap->date, ctx->lang);
  g_autofree char *text = g_strdup_printf ("%s · %s", br_text_get (&p->cap->label, ctx->lang), date);
  double size = ctx->em * 0.75, w, h;
  double tries[][2] = { { 0, -1 }, { 0, 1 }, { -1, -1 }, { -1, 1 } };

  _br_text_measure (ctx, text, size, 0, &w, &h);
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      double left = tries[i][0] < 0 ? x - w - ctx->em * 0.4 : x - w / 2;
      double top = tries[i][1] < 0 ? y - ctx->em * 0.5 - h : y + ctx->em * 0.5;

      left = CLAMP (left, ctx->px0, ctx->px1 - w);
      if (top < ctx->py0 - ctx->em * 0.2 || top + h > ctx->py1)
        continue;
      if (!boxes_clear (ctx->layout, left, top, left + w, top + h))
        continue;

      _br_text_draw (ctx, text, left, top, size, 0, 0, color, "label");
      return;
    }
}

static void
draw_series (BrChartContext *ctx,
             const BrAxis   *x_axis,
             const BrAxis   *y_axis,
             Series         *series)
{
  cairo_t *cr = ctx->cr;
  double r = MAX (3.5, ctx->em * 0.32);
  double hit = MAX (r * 2.2, 10);

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (2, ctx->em * 0.14));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _br_set_rgb (cr, &series->color);
  for (guint i = 0; i < series->points->len; i++)
    {
      Point *p = &g_array_index (series->points, Point, i);
      double x = _br_axis_map_date (x_axis, &p->cap->date), y = _br_axis_map (y_axis, p->value);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < series->points->len; i++)
    {
      Point *p = &g_array_index (series->points, Point, i);
      double x = _br_axis_map_date (x_axis, &p->cap->date), y = _br_axis_map (y_axis, p->value);
      gboolean private_round = p->cap->basis == BR_CAP_PRIVATE_ROUND;

      _br_set_rgb (cr, &ctx->palette.background);
      _br_chart_marker (cr, x, y, r + 1.5, FALSE, FALSE);
      _br_set_rgb (cr, &series->color);
      _br_chart_marker (cr, x, y, r, private_round, FALSE);

      add_point_mark (ctx, series, p, BR_SERIES_MARKET_CAP, p->value,
                      br_text_get (&p->cap->label, ctx->lang), x, y, hit);
    }
  cairo_restore (cr);
}

/* "x % of Nvidia": the benchmark's capitalisations scaled down, dashed. */
static void
draw_implied (BrChartContext *ctx,
              const BrAxis   *x_axis,
              const BrAxis   *y_axis,
              Series         *benchmark,
              const char     *name)
{
  cairo_t *cr = ctx->cr;
  double scale = ctx->options->percent / 100.;
  double dash[] = { ctx->em * 0.45, ctx->em * 0.3 };
  double hit = MAX (ctx->em * 0.6, 8);

  cairo_save (cr);
  _br_set_rgba (cr, &benchmark->color, 0.9);
  cairo_set_line_width (cr, MAX (1.5, ctx->em * 0.11));
  cairo_set_dash (cr, dash, 2, 0);
  for (guint i = 0; i < benchmark->points->len; i++)
    {
      Point *p = &g_array_index (benchmark->points, Point, i);
      double x = _br_axis_map_date (x_axis, &p->cap->date);
      double y = _br_axis_map (y_axis, p->value * scale);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < benchmark->points->len; i++)
    {
      Point *p = &g_array_index (benchmark->points, Point, i);
      double x = _br_axis_map_date (x_axis, &p->cap->date);
      double y = _br_axis_map (y_axis, p->value * scale);

      add_point_mark (ctx, benchmark, p, BR_SERIES_IMPLIED, p->value * scale, name, x, y, hit);
    }
}

/* The latest capitalisation of each challenger as a share of the benchmark's. */
static char *
ratio_text (BrChartContext *ctx,
            const Series   *series)
{
  const Point *last = &g_array_index (series->points, Point, series->points->len - 1);
  g_autofree char *value = _br_format_number (last->value, last->value >= 1000 ? 0 : 1, FALSE);
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

static void
describe (BrChartContext *ctx,
          GArray         *all)
{
  GString *d = ctx->layout->description;

  g_string_append_printf (d, "%s. ", ctx->layout->title);
  for (guint i = 0; i < all->len; i++)
    {
      Series *s = &g_array_index (all, Series, i);
      g_autofree char *ratio = NULL;

      if (s->hidden || s->points->len == 0)
        continue;
      ratio = ratio_text (ctx, s);
      g_string_append_printf (d, "%s: %s %s. ", br_company_get_name (s->company, ctx->lang), ratio,
                              _br_unit_label (&ctx->options->unit, ctx->lang));
    }
}

void
_br_chart_draw_valuation (BrChartContext *ctx)
{
  g_autoptr(GPtrArray) companies = _br_chart_companies (ctx, TRUE);
  const BrCompany *reference = br_dataset_get_benchmark (ctx->dataset);
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (Series));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (const char *));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) colors = g_array_new (FALSE, FALSE, sizeof (BrRgb));
  g_autoptr(GArray) dashed = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autofree char *subtitle = NULL;
  g_autofree char *implied_name = NULL;
  g_autofree char *first_label = NULL, *last_label = NULL;
  Series *benchmark = NULL;
  const char *implied_key = "implied";
  gboolean show_implied, log_scale = ctx->options->log_scale;
  double lo = G_MAXDOUBLE, hi = 0, tick_width = 0, label_width = 0;
  GDate first, last;
  BrAxis x_axis = { 0 }, y_axis = { 0 };
  guint n_visible = 0;

  /* the benchmark is what this chart compares with: always there */
  if (reference != NULL && !g_ptr_array_find (companies, reference, NULL))
    g_ptr_array_add (companies, (gpointer)reference);

  g_array_set_clear_func (all, series_clear);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);

  for (guint i = 0; i < companies->len; i++)
    {
      Series s = { g_ptr_array_index (companies, i) };
      gboolean no = FALSE;

      s.color = _br_chart_company_color (ctx, s.company);
      s.points = collect_points (ctx, s.company);
      s.hidden = _br_chart_hidden (ctx, s.company->id);
      if (s.points->len == 0)
        {
          series_clear (&s);
          continue;
        }

      g_array_append_val (keys, s.company->id);
      g_ptr_array_add (labels, (gpointer)br_company_get_name (s.company, ctx->lang));
      g_array_append_val (colors, s.color);
      g_array_append_val (dashed, no);
      g_array_append_val (all, s);
    }

  for (guint i = 0; i < all->len; i++)
    if (g_array_index (all, Series, i).company->role == BR_ROLE_BENCHMARK)
      benchmark = &g_array_index (all, Series, i);

  if (benchmark != NULL)
    {
      gboolean yes = TRUE;
      g_autofree char *percent = _br_format_number (ctx->options->percent,
                                                    ctx->options->percent < 1 ? 1 : 0, FALSE);

      /* TRANSLATORS: the implied-value line: "1% of Nvidia" */
      implied_name = g_strdup_printf (_("%s%% of %s"), percent,
                                      br_company_get_name (benchmark->company, ctx->lang));
      g_array_append_val (keys, implied_key);
      g_ptr_array_add (labels, implied_name);
      g_array_append_val (colors, benchmark->color);
      g_array_append_val (dashed, yes);
    }
  show_implied = benchmark != NULL && !_br_chart_hidden (ctx, implied_key);

  for (guint i = 0; i < all->len; i++)
    {
      Series *s = &g_array_index (all, Series, i);
      gboolean implied = s == benchmark && show_implied;

      if (s->hidden && !implied)
        continue;
      for (guint j = 0; j < s->points->len; j++)
        {
          Point *p = &g_array_index (s->points, Point, j);

          if (!s->hidden)
            {
              lo = MIN (lo, p->value);
              hi = MAX (hi, p->value);
            }
          if (implied)
            {
              lo = MIN (lo, p->value * ctx->options->percent / 100.);
              hi = MAX (hi, p->value * ctx->options->percent / 100.);
            }
          if (!g_date_valid (&first) || g_date_compare (&p->cap->date, &first) < 0)
            first = p->cap->date;
          if (!g_date_valid (&last) || g_date_compare (&p->cap->date, &last) > 0)
            last = p->cap->date;
        }
      n_visible += !s->hidden;
    }

  first_label = _br_format_date (&first, ctx->lang);
  last_label = _br_format_date (&last, ctx->lang);
  subtitle = _br_chart_range_subtitle (ctx, g_date_valid (&first) ? first_label : NULL,
                                       g_date_valid (&last) ? last_label : NULL,
                                       _("market capitalisation; hollow points are private "
                                         "valuations"));
  _br_chart_header (ctx, _("Valuation against Nvidia"), subtitle);
  _br_chart_legend (ctx, keys, labels, colors, dashed);
  /* a market value a source, and an exchange rate a year: the longest footnote */
  _br_chart_reserve_footnote (ctx, 4);

  if (n_visible == 0 && !show_implied)
    {
      _br_chart_no_data (ctx, all->len == 0
                                ? _("The dataset has no market capitalisations for the companies "
                                    "and dates chosen.")
                                : _("Every company is hidden; click one in the legend to show it."));
      _br_chart_footnote (ctx, NULL);
      return;
    }

  ctx->py0 += ctx->em * 1.3;
  ctx->py1 -= ctx->em * 1.8;
  if (log_scale && lo > 0)
    _br_axis_log (&y_axis, lo, hi, ctx->py1, ctx->py0);
  else
    _br_axis_linear (&y_axis, 0, hi, ctx->py1, ctx->py0,
                     CLAMP ((guint)((ctx->py1 - ctx->py0) / (ctx->em * 2.4)), 2, 9), TRUE);

  for (guint i = 0; i < y_axis.n_ticks; i++)
    {
      g_autofree char *t = _br_format_number (y_axis.ticks[i],
                                              y_axis.log ? (y_axis.ticks[i] < 1 ? y_axis.decimals : 0)
                                                         : y_axis.decimals, FALSE);
      double w;

      _br_text_measure (ctx, t, ctx->em * 0.85, 0, &w, NULL);
      tick_width = MAX (tick_width, w);
    }
  for (guint i = 0; i < all->len; i++)
    {
      Series *s = &g_array_index (all, Series, i);
      g_autofree char *t = NULL;
      double w;

      if (s->hidden)
        continue;
      t = ratio_text (ctx, s);
      _br_text_measure (ctx, t, ctx->em * 0.8, TEXT_BOLD, &w, NULL);
      label_width = MAX (label_width, w);
    }

  ctx->px0 = ctx->pad + tick_width + ctx->em * 0.6;
  ctx->px1 = ctx->width - ctx->pad - MIN (label_width + ctx->em * 0.8, ctx->width * 0.3);
  _br_axis_time (&x_axis, &first, &last, ctx->px0, ctx->px1);
  _br_axis_draw_y (ctx, &y_axis, _("Market capitalisation"), &ctx->options->unit);
  _br_axis_draw_time (ctx, &x_axis);

  if (show_implied)
    draw_implied (ctx, &x_axis, &y_axis, benchmark,
                  _br_chart_layout_intern (ctx->layout, implied_name));

  for (guint i = 0; i < all->len; i++)
    {
      Series *s = &g_array_index (all, Series, i);

      if (!s->hidden)
        draw_series (ctx, &x_axis, &y_axis, s);
    }

  /* latest value and share of the benchmark, right of the plot */
  {
    g_autofree double *ys = g_new0 (double, MAX (n_visible, 1));
    double h;
    guint k = 0;

    h = 0;
    for (guint i = 0; i < all->len; i++)
      {
        Series *s = &g_array_index (all, Series, i);
        g_autofree char *t = NULL;
        double th;

        if (s->hidden)
          continue;
        t = ratio_text (ctx, s);
        _br_text_measure (ctx, t, ctx->em * 0.8, TEXT_BOLD, NULL, &th);
        h = MAX (h, th);
        ys[k++] = _br_axis_map (&y_axis, g_array_index (s->points, Point, s->points->len - 1).value);
      }
    _br_chart_spread_labels (ys, n_visible, h * 1.1, ctx->py0 + h / 2, ctx->py1 - h / 2);

    k = 0;
    for (guint i = 0; i < all->len; i++)
      {
        Series *s = &g_array_index (all, Series, i);
        g_autofree char *t = NULL;

        if (s->hidden)
          continue;
        t = ratio_text (ctx, s);
        _br_text_draw (ctx, t, ctx->px1 + ctx->em * 0.6, ys[k++], ctx->em * 0.8,
                       ctx->width - ctx->pad - ctx->px1 - ctx->em * 0.6, TEXT_MIDDLE | TEXT_BOLD,
                       &s->color, "label");
      }
  }

  /* the benchmark's milestones last, where they fit among what is already drawn;
   * other labelled points tell theirs in the tooltip */
  for (guint i = 0; i < all->len; i++)
    {
      Series *s = &g_array_index (all, Series, i);

      for (guint j = 0; !s->hidden && s == benchmark && j < s->points->len; j++)
        {
          Point *p = &g_array_index (s->points, Point, j);

          if (p->cap->label.en != NULL)
            milestone_label (ctx, p, _br_axis_map_date (&x_axis, &p->cap->date),
                             _br_axis_map (&y_axis, p->value), &s->color);
        }
    }

  _br_chart_footnote (ctx, log_scale ? _("Logarithmic scale: each step is ten times the one "
                                         "below.")
                                     : NULL);
  describe (ctx, all);
  _br_axis_clear (&x_axis);
  _br_axis_clear (&y_axis);
}
