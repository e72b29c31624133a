/* br-chart-losses.c: net income over time, losses below the zero line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"

#define FOOTNOTE _("Net income attributable to owners of the parent where reported, else " \
                   "total net income; losses are negative.")

typedef struct
{
  BrLinePoint     at;   /* the middle of its period */
  const BrFigure *figure;
  BrConversion    conversion;
} Point;

/* Attributable net income where the company reports it, else its total net income
 * (minority interests included): a company that reports only the total is drawn, and
 * says so, rather than left out. */
static const BrFigure *
find_net_income (const BrCompany *company,
                 const BrPeriod  *period)
{
  const BrFigure *figure = br_company_find_figure (company, period,
                                                   BR_METRIC_NET_INCOME_ATTRIBUTABLE);

  return figure != NULL ? figure
                        : br_company_find_figure (company, period, BR_METRIC_NET_INCOME_TOTAL);
}

/* The company's net income per period in the range, summed up when cumulative. */
static GArray *
collect_points (BrChartContext  *ctx,
                const BrCompany *company)
{
  const BrChartOptions *o = ctx->options;
  guint n;
  g_autofree const BrPeriod **periods = _br_chart_periods (ctx, company, &n);
  GArray *points = g_array_new (FALSE, TRUE, sizeof (Point));
  double running = 0;

  for (guint i = 0; i < n; i++)
    {
      const BrFigure *figure = find_net_income (company, periods[i]);
      Point point = { .figure = figure };

      if (!_br_chart_figure_value (ctx, figure, &point.conversion))
        continue;

      running += point.conversion.value;
      /* a period's mark sits in its middle, under its year's label: 2024 reads as 2024,
       * not on the gridline it shares with 2025 */
      br_period_get_midpoint (figure->period, &point.at.date);
      point.at.value = o->cumulative ? running : point.conversion.value;
      g_array_append_val (points, point);
    }

  return points;
}

static const char *
period_label (BrChartContext *ctx,
              const BrPeriod *period)
{
  return br_period_get_label (period, ctx->lang);
}

static void
describe_line (BrChartContext *ctx,
               gconstpointer   series,
               GString        *d)
{
  const BrLine *line = series;
  const Point *first, *last;
  g_autofree char *value = NULL;

  if (line->hidden || line->points->len == 0)
    return;

  first = &g_array_index (line->points, Point, 0);
  last = &g_array_index (line->points, Point, line->points->len - 1);
  value = _br_format_value (last->at.value, &ctx->options->unit, ctx->lang);

  /* TRANSLATORS: in a chart's description: company, first period, last period, value */
  g_string_append_printf (d, ctx->options->cumulative ? _("%s %s–%s: %s in total. ")
                                                      : _("%s %s–%s: %s in the last period. "),
                          br_company_get_name (line->company, ctx->lang),
                          period_label (ctx, first->figure->period),
                          period_label (ctx, last->figure->period), value);
}

/* Periods of one length joined by a solid line. Per period, a half-year is not joined to
 * a year (the line would read as a collapse); a running sum into one is, dashed */
static void
stroke_line (BrChartContext *ctx,
             const BrAxes   *axes,
             const BrLine   *line,
             double          width)
{
  cairo_t *cr = ctx->cr;
  double dash[] = { ctx->em * 0.5, ctx->em * 0.3 };

  for (guint i = 1; i < line->points->len; i++)
    {
      Point *a = &g_array_index (line->points, Point, i - 1);
      Point *b = &g_array_index (line->points, Point, i);
      gboolean alike = a->figure->period->kind == b->figure->period->kind;

      if (!alike && !ctx->options->cumulative)
        continue;
      cairo_set_dash (cr, dash, alike ? 0 : 2, 0);
      if (alike)
        br_chart_set_line_style (cr, line->style, width);
      cairo_move_to (cr, _br_axis_map_date (&axes->x, &a->at.date),
                     _br_axis_map (&axes->y, a->at.value));
      cairo_line_to (cr, _br_axis_map_date (&axes->x, &b->at.date),
                     _br_axis_map (&axes->y, b->at.value));
      cairo_stroke (cr);
    }
}

/* A year's point is solid, a shorter period's a hollow diamond */
static void
draw_point (BrChartContext  *ctx,
            const BrPointAt *at)
{
  const Point *p = at->point;
  const BrPeriod *period = p->figure->period;
  double x = at->x, y = at->y, r = at->r, hit = at->hit;
  BrChartMark mark = {
    .series = BR_SERIES_NET_INCOME,
    .company = at->line->company,
    .period = period,
    .date = period->end,
    .value = p->at.value,
    .unit = ctx->options->unit,
    .source = p->figure->source,
    .rate = p->conversion.rate,
    .status = p->figure->status,
    .note = br_text_get (&p->figure->note, ctx->lang),
    .name = p->figure->metric == BR_METRIC_NET_INCOME_TOTAL
              ? _br_chart_layout_intern (ctx->layout, _("total net income")) : NULL,
    .x = x, .y = y,
    .x0 = x - hit, .y0 = y - hit, .x1 = x + hit, .y1 = y + hit,
  };
  BrShape shape = { SHAPE_POINT, x, y, 0, hit, .ring = r * 2 };
  gboolean sub_annual = period->kind != BR_PERIOD_FISCAL_YEAR;

  _br_line_marker (ctx, x, y, r, &at->line->color, sub_annual, sub_annual);

  if (p->figure->status == BR_STATUS_FLASH)
    _br_line_flash_mark (ctx, x + r, y - r, &at->line->color);
  _br_chart_layout_add_mark (ctx->layout, &mark, &shape);
}

static const BrLineDrawing drawing = { stroke_line, draw_point };

/* The value at the end of each line, in the right margin, with its period; the
 * company's name goes before it */
static char *
end_label (BrChartContext *ctx,
           BrLine         *line)
{
  Point *last = &g_array_index (line->points, Point, line->points->len - 1);
  double v = last->at.value;
  g_autofree char *value = _br_format_amount (v, fabs (v) >= 1000 ? 0 : 2, 2, &ctx->options->unit,
                                              ctx->lang);

  /* the period it is for: a line's last point need not be the chart's last period */
  return g_strdup_printf ("%s%s · %s", value, last->figure->status == BR_STATUS_FLASH ? "*" : "",
                          period_label (ctx, last->figure->period));
}

/* How the legend names a line: a company drawn from its total net income says so */
static const char *
line_name (BrChartContext *ctx,
           const BrLine   *line)
{
  const char *name = br_company_get_name (line->company, ctx->lang);
  g_autofree char *total = NULL;

  for (guint i = 0; i < line->points->len; i++)
    {
      if (g_array_index (line->points, Point, i).figure->metric == BR_METRIC_NET_INCOME_TOTAL)
        {
          /* TRANSLATORS: a legend entry for a company that reports only total net income */
          total = g_strdup_printf (_("%s (total net income)"), name);
          return _br_chart_layout_intern (ctx->layout, total);
        }
    }

  return name;
}

/* Step 1: a line for each company with figures; the legend names each, and
 * @ctx->missing gets the companies selected that have none */
static GArray *
collect_lines (BrChartContext *ctx)
{
  g_autoptr(GPtrArray) companies = _br_chart_companies (ctx, FALSE);
  GArray *lines = _br_lines_new ();

  for (guint i = 0; i < companies->len; i++)
    {
      const BrCompany *company = g_ptr_array_index (companies, i);
      BrLine line;

      if (!_br_line_init (ctx, &line, company, collect_points (ctx, company)))
        continue;
      _br_legend_add (ctx->legend, line.company->id, line_name (ctx, &line), &line.color, FALSE);
      _br_legend_set_style (ctx->legend, line.style);
      /* a line drawn from total net income keeps its key: its end label names only it */
      if (line_name (ctx, &line) == br_company_get_name (line.company, ctx->lang))
        _br_legend_set_direct (ctx->legend);
      if (!line.hidden)
        line.end_label = end_label (ctx, &line);
      g_array_append_val (lines, line);
    }

  return lines;
}

/* Step 2: the values and periods of the lines shown; returns how many are */
static guint
measure_lines (GArray   *lines,
               BrExtent *extent)
{
  guint n_visible = 0;

  _br_extent_init (extent);
  for (guint i = 0; i < lines->len; i++)
    {
      BrLine *line = &g_array_index (lines, BrLine, i);

      for (guint j = 0; !line->hidden && j < line->points->len; j++)
        {
          Point *p = &g_array_index (line->points, Point, j);

          _br_extent_add_value (extent, p->at.value);
          _br_extent_add_period (extent, p->figure->period);
        }
      n_visible += !line->hidden;
    }

  return n_visible;
}

/* The first and the last day a mark of @lines sits on, each in the middle of its period:
 * the time axis spans their years. A January year's last mark sits in the calendar year
 * before the one its period ends in, so among December years the axis ends there, not
 * with an empty year. */
static void
marks_span (GArray *lines,
            GDate  *first,
            GDate  *last)
{
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  for (guint i = 0; i < lines->len; i++)
    {
      BrLine *line = &g_array_index (lines, BrLine, i);

      for (guint j = 0; !line->hidden && j < line->points->len; j++)
        {
          const GDate *day = &_br_line_point (line, j)->date;

          if (!g_date_valid (first) || g_date_compare (day, first) < 0)
            *first = *day;
          if (!g_date_valid (last) || g_date_compare (day, last) > 0)
            *last = *day;
        }
    }
}

/* Steps 4 and 5: axes, lines, then the labels beside their ends */
static void
plot (BrChartContext *ctx,
      GArray         *lines,
      const BrExtent *extent)
{
  g_autoptr(GArray) labels = _br_lines_end_labels (ctx, lines, NULL);
  BrAxes axes = { { 0 } };
  double label_height;
  gboolean mixed;
  GDate first, last;

  /* room: axis title above, years below, tick labels left, end labels right */
  _br_chart_plot_rows (ctx, 1.8);
  _br_chart_value_axis (ctx, &axes.y, extent->lo, extent->hi);
  _br_chart_plot_columns_labelled (ctx, &axes.y, labels, ctx->em * 0.9, &label_height);
  marks_span (lines, &first, &last);
  _br_axis_fiscal (&axes.x, &first, &last, _br_extent_year_end (extent, &mixed),
                   ctx->px0, ctx->px1);

  _br_axis_draw_y (ctx, &axes.y, _("Net income"), &ctx->options->unit);
  _br_axis_draw_time (ctx, &axes.x);

  _br_lines_draw (ctx, lines, &axes, &drawing, ctx->em * 0.9, label_height, 1.05);

  _br_axis_clear (&axes.x);
  _br_axis_clear (&axes.y);
}

static gboolean
draws_part_years (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      BrLine *line = &g_array_index (lines, BrLine, i);

      for (guint j = 0; !line->hidden && j < line->points->len; j++)
        if (g_array_index (line->points, Point, j).figure->period->kind != BR_PERIOD_FISCAL_YEAR)
          return TRUE;
    }

  return FALSE;
}

/* Cumulative: where each company's sum starts, when they do not all start together */
static void
sums_start (BrChartContext *ctx,
            GString        *note,
            GArray         *lines)
{
  g_autoptr(GString) starts = g_string_new (NULL);
  const BrPeriod *first = NULL;
  gboolean differ = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      BrLine *line = &g_array_index (lines, BrLine, i);
      const BrPeriod *start;

      if (line->hidden)
        continue;
      start = g_array_index (line->points, Point, 0).figure->period;
      differ |= first != NULL && g_date_compare (&start->start, &first->start) != 0;
      first = first != NULL ? first : start;
      /* TRANSLATORS: one company's entry in "Sums start: Moore Threads 2022, ..." */
      g_string_append_printf (starts, _("%s%s %s"), starts->len > 0 ? _(", ") : "",
                              br_company_get_name (line->company, ctx->lang),
                              period_label (ctx, start));
    }

  if (differ)
    /* TRANSLATORS: a footnote's sentence: each company and the period its sum starts at */
    g_string_append_printf (note, _(" Sums start: %s."), starts->str);
}

/* The footnote names only what the chart draws: hollow diamonds when there are some */
static char *
footnote (BrChartContext *ctx,
          GArray         *lines,
          const BrExtent *extent)
{
  GString *note = g_string_new (FOOTNOTE);
  gboolean mixed;

  if (draws_part_years (lines))
    g_string_append_printf (note, " %s", _("Hollow diamonds are quarters or half-years, not "
                                           "whole years, and are not joined to them."));
  _br_extent_year_end (extent, &mixed);
  if (mixed)
    g_string_append_printf (note, " %s", _("Fiscal years end in different months: each sits "
                                           "in the middle of its months, under the calendar "
                                           "year most of them fall in."));
  if (ctx->options->cumulative)
    sums_start (ctx, note, lines);
  /* TRANSLATORS: a footnote's end: the companies selected that have no figure to draw */
  _br_chart_note_missing (ctx, note, _("No net income figures in the range for: %s."));

  return g_string_free (note, FALSE);
}

void
_br_chart_draw_losses (BrChartContext *ctx)
{
  g_autoptr(GArray) lines = collect_lines (ctx);
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  BrExtent extent;
  guint n_visible = measure_lines (lines, &extent);

  subtitle = _br_chart_period_subtitle (ctx, &extent,
                                        ctx->options->cumulative
                                          ? _("cumulative net income attributable to owners")
                                          : _("net income attributable to owners, per period"));
  /* what is drawn, whoever the dataset is about: "Net losses" only while nothing shown
   * is a profit */
  _br_chart_frame (ctx, n_visible > 0 && extent.hi <= 0 ? _("Net losses") : _("Net income"),
                   subtitle, 3);

  if (n_visible == 0)
    {
      ctx->px0 = ctx->pad;
      ctx->px1 = ctx->width - ctx->pad;
      _br_chart_empty (ctx, lines->len == 0
                              ? _("The dataset has no net income figures for the companies "
                                  "and periods chosen.")
                              : _("Every company is hidden; click one in the legend to show it."));
      return;
    }

  plot (ctx, lines, &extent);
  note = footnote (ctx, lines, &extent);
  _br_chart_footnote (ctx, note);
  _br_chart_describe (ctx, lines, describe_line);
}
