/* br-chart-rnd.c: revenue against R&D expense, grouped bars from zero
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"


/* ems: the least size a slide sets a figure at, above its tick labels' 0.75 */
#define VALUE_SMALLEST 0.85

/* A pair's two series, in the order their bars stand */
enum
{
  REVENUE,
  RND,
  N_SERIES
};

/* The metric each series charts */
static const BrMetric series_metric[N_SERIES] = { BR_METRIC_REVENUE, BR_METRIC_RND_EXPENSE };

/* One series of a pair */
typedef struct
{
  const BrFigure *figure;        /* the last figure added */
  double          value;
  gboolean        has;
} Bar;

typedef struct
{
  const BrPeriod *period;        /* the last period of a cumulative pair */
  const BrPeriod *first_period;  /* the first, when cumulative */
  guint           n_periods;
  guint           n_skipped;     /* periods in between that lack one of the two */
  Bar             bars[N_SERIES];
  const BrFxRate *rate;
  BrStatus        status;
} Pair;

typedef struct
{
  const BrCompany *company;
  GArray          *pairs;
} Group;

/* How a series draws: its mark, its colour, and whether the legend leaves it shown */
typedef struct
{
  BrSeries     mark;
  const BrRgb *color;
  gboolean     shown;
} Series;

/* Whether a pair has both figures */
static gboolean
pair_complete (const Pair *p)
{
  return p->bars[REVENUE].has && p->bars[RND].has;
}

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_clear_pointer (&group->pairs, g_array_unref);
}

static gboolean
figure_value (BrChartContext *ctx,
              const BrFigure *figure,
              double         *value,
              const BrFxRate **rate)
{
  BrConversion conversion;

  if (!_br_chart_figure_value (ctx, figure, &conversion))
    return FALSE;

  *value = conversion.value;
  if (conversion.rate != NULL)
    *rate = conversion.rate;

  return TRUE;
}

/* Per period: a pair for each period with either figure. Cumulative: one pair adding
 * up the periods that have both, so that the ratio compares like with like. */
static GArray *
collect_pairs (BrChartContext  *ctx,
               const BrCompany *company)
{
  const BrChartOptions *o = ctx->options;
  guint n;
  g_autofree const BrPeriod **periods = _br_chart_periods (ctx, company, &n);
  GArray *pairs = g_array_new (FALSE, TRUE, sizeof (Pair));
  Pair total = { 0 };
  guint pending_skips = 0;

  for (guint i = 0; i < n; i++)
    {
      Pair pair = { periods[i], periods[i], 1 };

      for (guint s = 0; s < N_SERIES; s++)
        {
          Bar *b = &pair.bars[s];

          b->figure = br_company_find_figure (company, periods[i], series_metric[s]);
          b->has = figure_value (ctx, b->figure, &b->value, &pair.rate);
          if (b->has)
            pair.status = MAX (pair.status, b->figure->status);
        }

      if (!o->cumulative)
        {
          if (pair.bars[REVENUE].has || pair.bars[RND].has)
            g_array_append_val (pairs, pair);
          continue;
        }

      if (!pair_complete (&pair))
        {
          /* a gap counts only once a later period closes it */
          pending_skips += total.n_periods > 0;
          continue;
        }

      total.n_skipped += pending_skips;
      pending_skips = 0;

      if (total.n_periods == 0)
        total.first_period = pair.period;
      total.period = pair.period;
      total.n_periods++;
      for (guint s = 0; s < N_SERIES; s++)
        {
          total.bars[s].figure = pair.bars[s].figure;
          total.bars[s].value += pair.bars[s].value;
          total.bars[s].has = TRUE;
        }
      total.status = MAX (total.status, pair.status);
      if (pair.rate != NULL)
        total.rate = pair.rate;
    }

  if (o->cumulative && total.n_periods > 0)
    g_array_append_val (pairs, total);

  return pairs;
}

static char *
pair_label (BrChartContext *ctx,
            const Pair     *pair)
{
  const char *last = br_period_get_label (pair->period, ctx->lang);

  if (pair->n_periods <= 1)
    return g_strdup (last);

  if (pair->n_skipped > 0)
    {
      g_autofree char *n = br_chart_format_count (pair->n_periods);

      /* TRANSLATORS: a range of periods with gaps: "2019–2024, 4 periods" */
      return g_strdup_printf (_("%s–%s, %s periods"),
                              br_period_get_label (pair->first_period, ctx->lang), last, n);
    }

  return g_strdup_printf ("%s–%s", br_period_get_label (pair->first_period, ctx->lang), last);
}

static void
hatch (cairo_t *cr,
       double   x,
       double   y,
       double   w,
       double   h,
       double   step)
{
  double x0, y0, x1, y1;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  /* as many lines as the canvas holds, however tall the bar */
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  if (h > y1 - y0 + w)
    {
      y = y0;
      h = y1 - y0;
    }
  cairo_set_source_rgba (cr, 1, 1, 1, 0.55);
  cairo_set_line_width (cr, MAX (1, step / 4));
  for (double d = -h; d < w; d += step)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* @bar, one of @pair's, in @series' colour and mark: from @x, @w wide */
static void
draw_bar (BrChartContext  *ctx,
          const BrAxis    *axis,
          const BrCompany *company,
          const Pair      *pair,
          const Bar       *bar,
          const Series    *series,
          double           x,
          double           w)
{
  double value = bar->value;
  const BrFigure *figure = bar->figure;
  double y0 = _br_axis_map (axis, 0);
  /* values here are never negative; the smallest still shows a pixel above zero */
  double height = MAX (y0 - _br_axis_map (axis, value), 1), top = y0 - height;
  BrChartMark mark = {
    .series = series->mark,
    .company = company,
    .period = pair->period,
    .date = pair->period->end,
    .value = value,
    .unit = ctx->options->unit,
    .source = figure->source,
    .rate = pair->rate,
    .status = figure->status,
    .note = br_text_get (&figure->note, ctx->lang),
    .x = x + w / 2, .y = top + height / 2,
    .x0 = x, .y0 = MIN (top, y0 - 4), .x1 = x + w, .y1 = y0,
  };
  BrShape shape = { SHAPE_RECT, .rx = x, .ry = top, .rw = w, .rh = height };

  _br_set_rgb (ctx->cr, series->color);
  cairo_rectangle (ctx->cr, x, top, w, height);
  cairo_fill (ctx->cr);

  if (pair->period->kind != BR_PERIOD_FISCAL_YEAR && pair->n_periods <= 1)
    hatch (ctx->cr, x, top, w, height, MAX (4, ctx->em * 0.4));
  /* a flash figure's asterisk, keyed in the footnote: inside the top of a tall bar,
   * else on it */
  if (figure->status == BR_STATUS_FLASH && pair->n_periods <= 1)
    {
      gboolean inside = height > ctx->em * 1.5;
      BrTextStyle star = { MIN (ctx->em * 0.9, w),
                           TEXT_CENTER | TEXT_BOLD | (inside ? 0 : TEXT_BOTTOM),
                           inside ? &ctx->palette.background : &ctx->palette.text, "label" };

      _br_text_draw (ctx, "*", x + w / 2, inside ? top : top - ctx->em * 0.05, 0, &star);
    }

  _br_chart_layout_add_mark (ctx->layout, &mark, &shape);
}

/* Draws @text in @style centred at @x if it fits in @room; returns whether it did. */
static gboolean
label_if_fits (BrChartContext    *ctx,
               const char        *text,
               double             x,
               double             y,
               double             room,
               const BrTextStyle *style)
{
  BrTextStyle fitted = { style->size, style->flags | TEXT_CENTER, style->color, style->role };
  /* a slide sets a label smaller, down to 24 px at 1080p, rather than drop it; a
   * figure stays larger than the tick labels (0.75 em) */
  double smallest = !ctx->options->slide ? style->size
                    : g_str_equal (style->role, "value") ? ctx->em * VALUE_SMALLEST
                                                         : MIN (style->size, ctx->em * 0.55);
  double w;

  _br_text_measure (ctx, text, fitted.size, style->flags, &w, NULL);
  for (; w > room && fitted.size > smallest;
       fitted.size = MAX (smallest, fitted.size - ctx->em * 0.05))
    _br_text_measure (ctx, text, MAX (smallest, fitted.size - ctx->em * 0.05), style->flags, &w,
                      NULL);
  if (w > room)
    {
      _br_chart_layout_leave_out (ctx->layout, text);
      return FALSE;
    }

  _br_text_draw (ctx, text, x, y, 0, &fitted);
  return TRUE;
}

/* A pair's period under its bars, centred at @x. A cumulative pair's range is the point
 * of it: ellipsized rather than dropped. Else the label, else its compact form, smaller if
 * need be; a hatched bar must not stand unnamed while a compact name fits. */
static void
period_label (BrChartContext *ctx,
              const Pair     *pair,
              double          x,
              double          room)
{
  BrTextStyle style = { ctx->em * 0.8, 0, &ctx->palette.secondary, "label" };
  g_autofree char *label = pair_label (ctx, pair);
  g_autofree char *compact = NULL;
  double y = ctx->py1 + ctx->em * 0.35;

  if (ctx->options->cumulative)
    {
      style.flags = TEXT_CENTER;
      _br_text_draw (ctx, label, x, y, room, &style);
      return;
    }
  if (label_if_fits (ctx, label, x, y, room, &style))
    return;

  compact = pair->n_periods > 1 ? NULL : _br_format_period_compact (pair->period, ctx->lang);
  if (compact != NULL && !label_if_fits (ctx, compact, x, y, room, &style))
    {
      style.size = ctx->em * 0.65;
      label_if_fits (ctx, compact, x, y, room, &style);
    }
}

static void
value_label (BrChartContext *ctx,
             const BrAxis   *axis,
             double          value,
             double          x,
             double          room)
{
  g_autofree char *text = _br_format_amount (value, fabs (value) >= 1000 ? 0 : 2, 2,
                                             &ctx->options->unit, ctx->lang);

  label_if_fits (ctx, text, x, _br_axis_map (axis, value) - ctx->em * 0.15, room,
                 &(BrTextStyle) { _br_chart_value_size (ctx, ctx->em * 0.85),
                                  TEXT_BOTTOM | TEXT_BOLD, &ctx->palette.text, "value" });
}

static void
describe_group (BrChartContext *ctx,
                gconstpointer   series,
                GString        *d)
{
  const Group *g = series;
  double revenue = 0, rnd = 0;

  for (guint j = 0; j < g->pairs->len; j++)
    {
      const Pair *p = &g_array_index (g->pairs, Pair, j);

      if (pair_complete (p))
        {
          revenue += p->bars[REVENUE].value;
          rnd += p->bars[RND].value;
        }
    }

  if (revenue > 0)
    {
      g_autofree char *r = _br_format_value (revenue, &ctx->options->unit, ctx->lang);
      g_autofree char *s = _br_format_value (rnd, &ctx->options->unit, ctx->lang);
      g_autofree char *times = _br_format_multiple (rnd / revenue, ctx->lang);

      /* TRANSLATORS: in a chart's description: company, revenue, R&D, ratio ("3.3×") */
      g_string_append_printf (d, _("%s: revenue %s, R&D %s, %s revenue. "),
                              br_company_get_name (g->company, ctx->lang), r, s, times);
    }
  else
    {
      /* TRANSLATORS: in a chart's description: a company with bars but no multiple */
      g_string_append_printf (d, _("%s: no period with both revenue and R&D. "),
                              br_company_get_name (g->company, ctx->lang));
    }
}

/* Step 1: a group of pairs for each company shown; step 2, their periods and the
 * tallest bar shown. Returns the number of pairs. */
static guint
collect_groups (BrChartContext *ctx,
                GArray         *groups,
                BrExtent       *extent,
                const Series   *series)
{
  g_autoptr(GPtrArray) companies = _br_chart_companies (ctx, FALSE);
  guint n_pairs = 0;

  _br_extent_init (extent);
  extent->hi = 0;
  for (guint i = 0; i < companies->len; i++)
    {
      Group group = { g_ptr_array_index (companies, i) };

      if (_br_chart_hidden (ctx, group.company->id))
        continue;
      group.pairs = collect_pairs (ctx, group.company);
      if (group.pairs->len == 0)
        {
          g_ptr_array_add (ctx->missing, (gpointer)group.company);
          group_clear (&group);
          continue;
        }

      for (guint j = 0; j < group.pairs->len; j++)
        {
          Pair *p = &g_array_index (group.pairs, Pair, j);

          _br_extent_add_period (extent, p->first_period);
          _br_extent_add_period (extent, p->period);
          for (guint s = 0; s < N_SERIES; s++)
            if (series[s].shown && p->bars[s].has)
              _br_extent_add_value (extent, p->bars[s].value);
        }
      n_pairs += group.pairs->len;
      g_array_append_val (groups, group);
    }

  return n_pairs;
}

/* R&D as a multiple of revenue, or NULL where the pair has none to show */
static char *
pair_ratio (BrChartContext *ctx,
            const Pair     *p,
            const Series   *series)
{
  if (pair_complete (p) && p->bars[REVENUE].value > 0 && series[REVENUE].shown &&
      series[RND].shown)
    return _br_format_multiple (p->bars[RND].value / p->bars[REVENUE].value, ctx->lang);

  return NULL;
}

/* A pair's note: its multiple, which figure is missing, or NULL for none */
static char *
note_text (BrChartContext *ctx,
           const Pair     *p,
           const Series   *series,
           gboolean       *is_ratio)
{
  char *ratio = pair_ratio (ctx, p, series);

  *is_ratio = ratio != NULL;
  if (ratio != NULL)
    return ratio;
  if (!pair_complete (p))
    return g_strdup (p->bars[RND].has ? _("Revenue not disclosed") : _("R&D not disclosed"));

  return NULL;
}

/* Above a pair: R&D as a multiple of revenue, or which figure is missing */
static void
pair_note (BrChartContext *ctx,
           const Pair     *p,
           double          x,
           double          top,
           double          room,
           double          slot_room,
           const Series   *series)
{
  gboolean is_ratio;
  g_autofree char *text = note_text (ctx, p, series, &is_ratio);

  if (text != NULL && is_ratio)
    label_if_fits (ctx, text, x, top - ctx->em * 0.2, room,
                   &(BrTextStyle) { _br_chart_value_size (ctx, ctx->em * 0.8), TEXT_BOTTOM,
                                    &ctx->palette.text, "value" });
  else if (text != NULL)
    label_if_fits (ctx, text, x, top - ctx->em * 0.2, slot_room,
                   &(BrTextStyle) { ctx->em * 0.7, TEXT_BOTTOM, &ctx->palette.secondary,
                                    "label" });
}

/* One pair of bars in its slot at @x, with its labels but the note above it; returns
 * the height that note stands on */
static double
draw_pair (BrChartContext  *ctx,
           const BrAxis    *axis,
           const BrCompany *company,
           const Pair      *p,
           double           x,
           double           slot,
           const Series    *series)
{
  double bar = slot * 0.36;
  double left = x + slot * 0.14;
  double top = ctx->py1;

  for (guint s = 0; s < N_SERIES; s++)
    if (series[s].shown && p->bars[s].has)
      {
        draw_bar (ctx, axis, company, p, &p->bars[s], &series[s], left + bar * s, bar);
        top = MIN (top, _br_axis_map (axis, p->bars[s].value));
      }

  /* cumulative bars are few and wide: their values read at a glance */
  if (ctx->options->cumulative)
    {
      for (guint s = 0; s < N_SERIES; s++)
        if (series[s].shown && p->bars[s].has)
          value_label (ctx, axis, p->bars[s].value, left + bar * (s + 0.5), bar * 0.98);
      top -= ctx->em * 1.2;
    }

  period_label (ctx, p, x + slot / 2, slot * 0.98);

  return top;
}

/* The company under its group of bars, over a rule in its colour, and in its line's
 * pattern where that is not solid: past twelve companies, hues repeat */
static void
group_label (BrChartContext  *ctx,
             const BrCompany *company,
             double           x0,
             double           x1,
             double           slot)
{
  BrRgb color = _br_chart_company_color (ctx, company);
  BrLineStyle style = br_chart_company_line_style (ctx->dataset, company);
  double rule = MAX (2, ctx->em * 0.12);

  _br_set_rgb (ctx->cr, &color);
  if (style == BR_LINE_STYLE_SOLID)
    {
      cairo_rectangle (ctx->cr, x0 + slot * 0.1, ctx->py1 + ctx->em * 1.55,
                       x1 - x0 - slot * 0.2, rule);
      cairo_fill (ctx->cr);
    }
  else
    {
      /* as thick as the chart's lines, so that its dots read as theirs */
      double width = _br_line_width (ctx);

      cairo_save (ctx->cr);
      cairo_set_line_width (ctx->cr, width);
      br_chart_set_line_style (ctx->cr, style, width);
      cairo_move_to (ctx->cr, x0 + slot * 0.1 + width / 2, ctx->py1 + ctx->em * 1.55 + rule / 2);
      cairo_line_to (ctx->cr, x1 - slot * 0.1 - width / 2, ctx->py1 + ctx->em * 1.55 + rule / 2);
      cairo_stroke (ctx->cr);
      cairo_restore (ctx->cr);
    }
  const char *name = br_company_get_name (company, ctx->lang);
  double size = ctx->em * 0.9, w;

  /* a slide sets a long name smaller, down to 24 px at 1080p, rather than cut it */
  _br_text_measure (ctx, name, size, TEXT_BOLD, &w, NULL);
  while (ctx->options->slide && w > x1 - x0 && size > ctx->em * 0.55)
    {
      size = MAX (ctx->em * 0.55, size - ctx->em * 0.05);
      _br_text_measure (ctx, name, size, TEXT_BOLD, &w, NULL);
    }
  _br_text_draw (ctx, name, (x0 + x1) / 2, ctx->py1 + ctx->em * 1.8, x1 - x0,
                 &(BrTextStyle) { size, TEXT_CENTER | TEXT_BOLD, &ctx->palette.text, "label" });
}

/* A pair's note, placed once every pair's bars are drawn */
typedef struct
{
  const Pair *pair;
  double      x, top;    /* the pair's centre, and the top of its bars and labels */
  guint       group;
} Note;

/* The y axis, with room above the tallest pair for its note, or two rows of notes */
static void
set_axis (BrChartContext *ctx,
          BrAxis         *axis,
          double          hi,
          gboolean        two_rows)
{
  double room = ctx->options->cumulative ? 2.4 : two_rows ? 2.7 : 1.3;
  double headroom = MIN (0.5, ctx->em * room / (ctx->py1 - ctx->py0));

  _br_axis_clear (axis);
  _br_axis_linear (axis, 0, hi / (1 - headroom), ctx->py1, ctx->py0,
                   CLAMP ((guint)((ctx->py1 - ctx->py0) / (ctx->em * 2.2)), 3, 9), TRUE);
  _br_chart_plot_columns (ctx, _br_axis_tick_width (ctx, axis), 0);
}

/* Whether a slide's multiples are too wide for their slots at the least size a figure
 * is set at: then every other one goes a row higher, with two slots of room */
static gboolean
needs_stagger (BrChartContext *ctx,
               GArray         *groups,
               double          slot,
               const Series   *series)
{
  if (!ctx->options->slide || ctx->options->cumulative)
    return FALSE;

  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = &g_array_index (groups, Group, i);

      for (guint j = 0; j < g->pairs->len; j++)
        {
          g_autofree char *ratio = pair_ratio (ctx, &g_array_index (g->pairs, Pair, j), series);
          double w;

          if (ratio == NULL)
            continue;
          _br_text_measure (ctx, ratio, ctx->em * VALUE_SMALLEST, 0, &w, NULL);
          if (w > slot * 0.98)
            return TRUE;
        }
    }

  return FALSE;
}

/* Half the width a staggered note takes; 0 for one that its room cannot hold */
static double
note_half_width (BrChartContext *ctx,
                 const Note     *note,
                 double          room,
                 const Series   *series)
{
  gboolean is_ratio;
  g_autofree char *text = note_text (ctx, note->pair, series, &is_ratio);
  double w = 0;

  /* a note that is not a figure keeps to its own slot */
  if (!is_ratio)
    room = room / 2;
  /* the sizes pair_note() tries first and last */
  if (text != NULL)
    _br_text_measure (ctx, text, is_ratio ? _br_chart_value_size (ctx, ctx->em * 0.8)
                                          : ctx->em * 0.7, 0, &w, NULL);
  if (text != NULL && w > room)
    _br_text_measure (ctx, text, is_ratio ? ctx->em * VALUE_SMALLEST : ctx->em * 0.55, 0, &w,
                      NULL);

  return w <= room ? w / 2 : 0;
}

/* The top of the bars of the pairs of @k's group that text from @x0 to @x1 reaches over;
 * a pair's bars span 0.36 slot either side of its centre */
static double
bars_top (const Note *notes,
          guint       n,
          guint       k,
          double      x0,
          double      x1,
          double      slot)
{
  double top = notes[k].top;

  for (guint j = k > 0 ? k - 1 : 0; j <= k + 1 && j < n; j++)
    if (notes[j].group == notes[k].group && notes[j].x + slot * 0.36 > x0 &&
        notes[j].x - slot * 0.36 < x1)
      top = MIN (top, notes[j].top);

  return top;
}

/* Staggered, the room of a note wider than two slots (">1,000×"): up to the notes on its
 * row, two slots either side, the one on the right counted at the least it can take */
static double
wider_room (BrChartContext *ctx,
            const Note     *notes,
            const double   *half,
            guint           n,
            guint           k,
            double          slot)
{
  double left = notes[k].x - notes[k - 2].x - half[k - 2] - ctx->em * 0.5;
  double right = k + 2 < n ? notes[k + 2].x - notes[k].x - slot * 0.49 - ctx->em * 0.5
                           : ctx->px1 - notes[k].x;

  return 2 * MIN (left, right);
}

/* The notes above the pairs. Staggered, a note wider than its slot leans away from a
 * taller neighbour, else stands above the bars it reaches over; every other one stands
 * above the neighbours' notes it would touch. */
static void
draw_notes (BrChartContext *ctx,
            const Note     *notes,
            guint           n,
            double          slot,
            gboolean        stagger,
            const Series   *series)
{
  g_autofree double *base = g_new0 (double, MAX (n, 1));
  g_autofree double *cx = g_new0 (double, MAX (n, 1));
  g_autofree double *half = g_new0 (double, MAX (n, 1));
  double room = slot * (stagger ? 1.96 : 0.98);

  for (guint k = 0; k < n; k++)
    {
      /* centred, leaning left, leaning right: the one that stands lowest */
      double edge = slot * 0.36;

      half[k] = note_half_width (ctx, &notes[k], room, series);
      cx[k] = notes[k].x;
      if (stagger && half[k] == 0 && k >= 2)
        half[k] = note_half_width (ctx, &notes[k], wider_room (ctx, notes, half, n, k, slot),
                                   series);
      base[k] = notes[k].top;
      if (!stagger)
        continue;
      base[k] = bars_top (notes, n, k, cx[k] - half[k], cx[k] + half[k], slot);
      for (int side = -1; side <= 1 && half[k] > edge; side += 2)
        {
          double x = CLAMP (notes[k].x + side * (half[k] - edge), ctx->px0 + half[k],
                            ctx->px1 - half[k]);
          double top = bars_top (notes, n, k, x - half[k], x + half[k], slot);

          /* leaning, it keeps clear of the note before it on its row */
          if (top > base[k] + 1 &&
              (k < 2 || fabs (x - cx[k - 2]) >= half[k - 2] + half[k] + ctx->em * 0.5))
            {
              base[k] = top;
              cx[k] = x;
            }
        }
    }

  for (guint k = 0; k < n; k++)
    {
      double top = base[k];

      for (guint j = k - 1; stagger && k % 2 == 1 && j <= k + 1 && j < n; j += 2)
        if (fabs (cx[j] - cx[k]) < half[j] + half[k] + ctx->em * 0.5)
          top = MIN (top, base[j] - ctx->em * 1.25);
      pair_note (ctx, notes[k].pair, cx[k], top, MAX (room, 2 * half[k] + 1), slot * 0.98, series);
    }
}

/* Step 4: the axis and the bars. The labels above the tallest pair (its ratio, and in
 * cumulative mode its values) get room inside the plot: the axis reaches that much
 * above the tallest bar. */
static void
plot (BrChartContext *ctx,
      GArray         *groups,
      double          hi,
      guint           n_pairs,
      const Series   *series)
{
  BrAxis axis = { 0 };
  double slot, x;
  g_autofree Note *notes = g_new0 (Note, MAX (n_pairs, 1));
  gboolean stagger;
  guint k = 0;

  /* axis title above; period and company labels below */
  _br_chart_plot_rows (ctx, 2.9);
  set_axis (ctx, &axis, hi, FALSE);
  slot = (ctx->px1 - ctx->px0) / (n_pairs + 0.5 * (groups->len + 1));
  stagger = needs_stagger (ctx, groups, slot, series);
  if (stagger)
    set_axis (ctx, &axis, hi, TRUE);
  _br_axis_draw_y (ctx, &axis, _("Amount"), &ctx->options->unit);

  /* a slot per pair, and half a slot between companies */
  slot = (ctx->px1 - ctx->px0) / (n_pairs + 0.5 * (groups->len + 1));
  x = ctx->px0 + slot * 0.5;

  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = &g_array_index (groups, Group, i);
      double group_x0 = x;

      for (guint j = 0; j < g->pairs->len; j++, x += slot, k++)
        {
          Pair *p = &g_array_index (g->pairs, Pair, j);

          notes[k] = (Note) { p, x + slot / 2, 0, i };
          notes[k].top = draw_pair (ctx, &axis, g->company, p, x, slot, series);
        }

      group_label (ctx, g->company, group_x0, x, slot);
      x += slot * 0.5;
    }

  draw_notes (ctx, notes, n_pairs, slot, stagger, series);
  _br_axis_clear (&axis);
}

static gboolean
draws_hatched (BrChartContext *ctx,
               GArray         *groups)
{
  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = &g_array_index (groups, Group, i);

      for (guint j = 0; j < g->pairs->len; j++)
        {
          Pair *p = &g_array_index (g->pairs, Pair, j);

          if (p->period->kind != BR_PERIOD_FISCAL_YEAR && p->n_periods <= 1)
            return TRUE;
        }
    }

  return FALSE;
}

/* The footnote names only what is drawn (hatching when there is some), and every
 * company selected with nothing to draw */
static char *
footnote (BrChartContext *ctx,
          GArray         *groups)
{
  GString *note = g_string_new (_("Bars start at zero."));

  if (draws_hatched (ctx, groups))
    g_string_append_printf (note, " %s", _("Hatched bars are quarters or half-years."));
  /* TRANSLATORS: a footnote's end: the companies selected that have no figure to draw */
  _br_chart_note_missing (ctx, note, _("No revenue or R&D figures in the range for: %s."));

  return g_string_free (note, FALSE);
}

void
_br_chart_draw_rnd (BrChartContext *ctx)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_autofree char *note = NULL;
  g_autofree char *subtitle = NULL;
  Series series[N_SERIES] = {
    { BR_SERIES_REVENUE, &ctx->palette.revenue, !_br_chart_hidden (ctx, "revenue") },
    { BR_SERIES_RND, &ctx->palette.rnd, !_br_chart_hidden (ctx, "rnd") },
  };
  BrExtent extent;
  guint n_pairs;

  g_array_set_clear_func (groups, group_clear);
  n_pairs = collect_groups (ctx, groups, &extent, series);

  _br_legend_add (ctx->legend, "revenue", _("Revenue"), &ctx->palette.revenue, FALSE);
  _br_legend_add (ctx->legend, "rnd", _("R&D expense"), &ctx->palette.rnd, FALSE);
  subtitle = _br_chart_period_subtitle (ctx, &extent,
                                        ctx->options->cumulative
                                          ? _("cumulative over the periods that report both")
                                          : _("per period; the figure above each pair is R&D "
                                              "as a multiple of revenue"));
  _br_chart_frame (ctx, _("Revenue against R&D expense"), subtitle, 3);

  if (n_pairs == 0 || (!series[REVENUE].shown && !series[RND].shown))
    {
      _br_chart_empty (ctx, n_pairs == 0
                              ? _("The dataset has no revenue or R&D figures for the "
                                  "companies and periods chosen.")
                              : _("Both series are hidden; click one in the legend to show it."));
      return;
    }

  plot (ctx, groups, extent.hi, n_pairs, series);
  note = footnote (ctx, groups);
  _br_chart_footnote (ctx, note);
  _br_chart_describe (ctx, groups, describe_group);
}
