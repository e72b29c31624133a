/* br-chart-axis.c: round ticks, linear, logarithmic and in time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"

static double
nice_step (double raw)
{
  double magnitude = pow (10, floor (log10 (raw)));
  double fraction = raw / magnitude;

  if (fraction <= 1)
    return magnitude;
  /* 1, 2 or 5 × 10^n: a step of 2.5 would want a decimal its labels do not show */
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

void
_br_axis_clear (BrAxis *axis)
{
  g_clear_pointer (&axis->ticks, g_free);
  axis->n_ticks = 0;
}

/**
 * _br_axis_linear:
 * @max_ticks: at most this many ticks, at least 2
 * @include_zero: stretch the range to 0 (bars start at zero)
 *
 * A linear axis from @lo to @hi, widened to round ticks.
 */
void
_br_axis_linear (BrAxis  *axis,
                 double   lo,
                 double   hi,
                 double   p0,
                 double   p1,
                 guint    max_ticks,
                 gboolean include_zero)
{
  double step;
  guint n;

  if (include_zero)
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }

  if (!(hi > lo))
    {
      double around = isfinite (lo) ? lo : 0;

      lo = around - (around != 0 ? fabs (around) / 2 : 1);
      hi = around + (around != 0 ? fabs (around) / 2 : 1);
      if (include_zero)
        {
          lo = MIN (lo, 0);
          hi = MAX (hi, 0);
        }
    }

  /* values near DBL_MAX: keep the span itself finite */
  lo = MAX (lo, -1e300);
  hi = MIN (hi, 1e300);

  max_ticks = MAX (max_ticks, 2);
  step = nice_step ((hi - lo) / (max_ticks - 1));
  axis->min = floor (lo / step + 1e-9) * step;
  axis->max = ceil (hi / step - 1e-9) * step;
  axis->log = FALSE;
  axis->p0 = p0;
  axis->p1 = p1;
  axis->decimals = _br_decimals_for (step);

  n = (guint)llround ((axis->max - axis->min) / step) + 1;
  axis->ticks = g_new (double, n);
  axis->n_ticks = n;
  for (guint i = 0; i < n; i++)
    {
      axis->ticks[i] = axis->min + i * step;
      if (fabs (axis->ticks[i]) < step * 1e-9)
        axis->ticks[i] = 0;
    }
}

/**
 * _br_axis_log:
 *
 * A base-10 logarithmic axis over whole decades; @lo and @hi must be positive. Few
 * decades get 2 and 5 ticks between them.
 */
void
_br_axis_log (BrAxis *axis,
              double  lo,
              double  hi,
              double  p0,
              double  p1)
{
  int d0, d1;
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert (lo > 0 && hi > 0);

  d0 = (int)floor (log10 (lo) + 1e-9);
  d1 = (int)ceil (log10 (hi) - 1e-9);
  if (d1 <= d0)
    d1 = d0 + 1;

  axis->min = pow (10, d0);
  axis->max = pow (10, d1);
  axis->log = TRUE;
  axis->p0 = p0;
  axis->p1 = p1;
  axis->decimals = d0 < 0 ? -d0 : 0;

  for (int d = d0; d <= d1; d++)
    {
      double decade = pow (10, d);

      g_array_append_val (ticks, decade);
      if (d1 - d0 <= 3 && d < d1)
        {
          double two = 2 * decade, five = 5 * decade;

          g_array_append_val (ticks, two);
          g_array_append_val (ticks, five);
        }
    }

  axis->n_ticks = ticks->len;
  axis->ticks = (double *)g_array_free (ticks, FALSE);
}

double
_br_axis_map (const BrAxis *axis,
              double        value)
{
  double t;

  if (axis->log)
    t = (log10 (MAX (value, 1e-300)) - log10 (axis->min)) / (log10 (axis->max) - log10 (axis->min));
  else
    t = (value - axis->min) / (axis->max - axis->min);

  return axis->p0 + t * (axis->p1 - axis->p0);
}

/* The label of tick @index: a log axis's decades above 1 need no decimals; in Chinese,
 * 10,000 亿 and more in 万亿, with the decimals their step needs */
char *
_br_axis_tick_label (BrChartContext *ctx,
                     const BrAxis   *axis,
                     guint           index)
{
  double tick = axis->ticks[index];
  double step = axis->n_ticks > 1 ? fabs (axis->ticks[1] - axis->ticks[0]) : 1;
  int wan_decimals = axis->log ? 0 : _br_decimals_for (step / 1e4);

  return _br_format_amount (tick, axis->log && tick >= 1 ? 0 : axis->decimals, wan_decimals,
                            &ctx->options->unit, ctx->lang);
}

/* The widest tick label's width, for the room left of the plot */
/* On a slide the tick labels step back for the data labels (br-chart-plot.c) */
static double
tick_size (BrChartContext *ctx)
{
  return ctx->em * (ctx->options->slide ? 0.75 : 0.85);
}

double
_br_axis_tick_width (BrChartContext *ctx,
                     const BrAxis   *axis)
{
  double width = 0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_autofree char *label = _br_axis_tick_label (ctx, axis, i);
      double w;

      _br_text_measure (ctx, label, tick_size (ctx), 0, &w, NULL);
      width = MAX (width, w);
    }

  return width;
}

/**
 * _br_axis_draw_y:
 * @title: what the axis measures; the unit is added to it
 *
 * Draws the horizontal grid lines and their labels left of the plot, a stronger zero
 * line, and the axis title above the plot. The caller has left room for the labels.
 */
void
_br_axis_draw_y (BrChartContext *ctx,
                 const BrAxis   *axis,
                 const char     *title,
                 const BrUnit   *unit)
{
  cairo_t *cr = ctx->cr;
  double size = tick_size (ctx), x = ctx->pad;
  /* the top tick label is centred on its line: set larger than asked, it needs more room */
  double gap = ctx->em * 0.5 + MAX (_br_text_min (ctx) - size, 0);
  g_autofree char *full_title = NULL;

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1, ctx->em / 18));

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double y = round (_br_axis_map (axis, axis->ticks[i])) + 0.5;
      g_autofree char *label = _br_axis_tick_label (ctx, axis, i);

      _br_set_rgb (cr, axis->ticks[i] == 0 && !axis->log ? &ctx->palette.axis
                                                          : &ctx->palette.grid);
      if (axis->ticks[i] == 0 && !axis->log)
        cairo_set_line_width (cr, MAX (1.5, ctx->em / 9));
      else
        cairo_set_line_width (cr, MAX (1, ctx->em / 18));
      cairo_move_to (cr, ctx->px0, y);
      cairo_line_to (cr, ctx->px1, y);
      cairo_stroke (cr);

      _br_text_draw (ctx, label, ctx->px0 - ctx->em * 0.4, y, 0,
                     &(BrTextStyle) { size, TEXT_RIGHT | TEXT_MIDDLE,
                                      &ctx->palette.secondary, "tick" });
    }

  if (unit != NULL)
    {
      /* TRANSLATORS: an axis title: what is measured, then its unit, e.g. "Net income, 亿元" */
      full_title = g_strdup_printf (_("%s, %s"), title, _br_unit_label (unit, ctx->lang));
    }
  else
    {
      full_title = g_strdup (title);
    }

  if (axis->log)
    {
      /* TRANSLATORS: added to an axis title when the axis is logarithmic */
      char *with_log = g_strdup_printf (_("%s (log scale)"), full_title);

      g_free (full_title);
      full_title = with_log;
    }

  /* a slide's is smaller and closer to the plot, clear of the top tick label */
  if (ctx->options->slide)
    {
      size = ctx->em * 0.6;
      x = ctx->px0;
      gap = ctx->em * 0.25;
    }
  _br_text_draw (ctx, full_title, x, ctx->py0 - gap, ctx->px1 - x,
                 &(BrTextStyle) { size, TEXT_BOTTOM | TEXT_BOLD,
                                  &ctx->palette.secondary, "axis-title" });
  cairo_restore (cr);
}

/* Where the band of the fiscal year named @year starts: a year that ends in January
 * @year started in the year before */
static guint32
band_start (int year,
            int year_end)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, year - (year_end > 0));
  return g_date_get_julian (&date) + year_end;
}

/* The band @date falls in, named by the year it ends in */
static int
band_of (const GDate *date,
         int          year_end)
{
  GDate shifted;

  g_date_clear (&shifted, 1);
  g_date_set_julian (&shifted, g_date_get_julian (date) - year_end);
  return g_date_get_year (&shifted) + (year_end > 0);
}

void
_br_axis_time (BrAxis      *axis,
               const GDate *first,
               const GDate *last,
               double       p0,
               double       p1)
{
  _br_axis_fiscal (axis, first, last, 0, p0, p1);
}

/**
 * _br_axis_fiscal:
 * @year_end: days from 31 December the fiscal years end on (26: late January), 0 for
 *   calendar years
 *
 * A time axis in year bands, each a fiscal year labelled with the year it ends in, as a
 * fiscal year is named: a January year's FY2022 mark sits under "FY2022", not "2021".
 */
void
_br_axis_fiscal (BrAxis      *axis,
                 const GDate *first,
                 const GDate *last,
                 int          year_end,
                 double       p0,
                 double       p1)
{
  int y0 = band_of (first, year_end);
  int y1 = band_of (last, year_end);
  guint n_years;

  /* whole years around the data, with a little room at both ends */
  axis->min = (double)band_start (y0, year_end) - 45;
  axis->max = (double)band_start (y1 + 1, year_end) - 1 + 45;
  axis->log = FALSE;
  axis->p0 = p0;
  axis->p1 = p1;
  axis->decimals = 0;
  axis->year_end = year_end;

  /* one tick a year, in the middle of it, labelled with the year */
  n_years = y1 - y0 + 1;
  axis->n_ticks = n_years;
  axis->ticks = g_new (double, n_years);
  for (guint i = 0; i < n_years; i++)
    axis->ticks[i] = y0 + i;
}

static double
map_julian (const BrAxis *axis,
            double        julian)
{
  return axis->p0 + (julian - axis->min) / (axis->max - axis->min) * (axis->p1 - axis->p0);
}

static char *
year_label (const BrAxis *axis,
            int           year)
{
  if (axis->year_end == 0)
    return g_strdup_printf ("%d", year);
  /* TRANSLATORS: a time axis's label for a fiscal year that does not end in December */
  return g_strdup_printf (_("FY%d"), year);
}

double
_br_axis_map_date (const BrAxis *axis,
                   const GDate  *date)
{
  double t = (g_date_get_julian (date) - axis->min) / (axis->max - axis->min);

  return axis->p0 + t * (axis->p1 - axis->p0);
}

/* Year bands: a label under the middle of each year, a faint line between years. */
void
_br_axis_draw_time (BrChartContext *ctx,
                    const BrAxis   *axis)
{
  cairo_t *cr = ctx->cr;
  double size = tick_size (ctx);
  double year_width = map_julian (axis, 365.25) - map_julian (axis, 0);
  double label_width = 0;
  guint every = 1;

  if (axis->n_ticks > 0)
    {
      g_autofree char *widest = year_label (axis, (int)axis->ticks[axis->n_ticks - 1]);

      _br_text_measure (ctx, widest, size, 0, &label_width, NULL);
    }

  /* skip labels when years are too narrow for "2024" */
  if (year_width > 0)
    every = (guint)MAX (1, ceil (MAX (size * 3.2, label_width + size * 0.8) / year_width));

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1, ctx->em / 18));
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      int year = (int)axis->ticks[i];
      g_autofree char *label = year_label (axis, year);
      double start = band_start (year, axis->year_end);
      double middle = (start + band_start (year + 1, axis->year_end)) / 2;
      double x = round (map_julian (axis, start)) + 0.5;

      _br_set_rgb (cr, &ctx->palette.grid);
      cairo_move_to (cr, x, ctx->py0);
      cairo_line_to (cr, x, ctx->py1);
      cairo_stroke (cr);

      if (i % every == 0)
        _br_text_draw (ctx, label, map_julian (axis, middle), ctx->py1 + ctx->em * 0.4, 0,
                       &(BrTextStyle) { size, TEXT_CENTER, &ctx->palette.secondary, "tick" });
    }
  cairo_restore (cr);
}
