/* br-chart-plot.c: the steps every renderer shares
 *
 * A renderer (br-chart-losses.c is the plainest) follows one skeleton:
 *   1. collect its series, each value and label text computed once;
 *   2. measure their extents (BrExtent) over what is shown;
 *   3. frame: title, subtitle and legend (_br_chart_frame), or the "no data" panel
 *      (_br_chart_empty);
 *   4. axes and plot: _br_chart_plot_rows(), an axis (_br_chart_value_axis() for a line
 *      chart), _br_chart_plot_columns_labelled() with the width of its tick labels and of
 *      the end labels, then the marks;
 *   5. labels: _br_chart_end_labels() beside the last points, the footnote and the
 *      description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <string.h>

#include "br-chart-private.h"

void
_br_extent_init (BrExtent *extent)
{
  extent->lo = G_MAXDOUBLE;
  extent->hi = -G_MAXDOUBLE;
  g_date_clear (&extent->first, 1);
  g_date_clear (&extent->last, 1);
  extent->first_period = NULL;
  extent->last_period = NULL;
  extent->year_end_lo = G_MAXINT;
  extent->year_end_hi = G_MININT;
  extent->n_years = 0;
}

/* Days from 31 December to @end, within half a year: 26 for 26 January, −3 for
 * 28 December */
static int
days_from_new_year (const GDate *end)
{
  int day = g_date_get_day_of_year (end);

  return day <= 182 ? day : day - (g_date_is_leap_year (g_date_get_year (end)) ? 366 : 365);
}

void
_br_extent_add_value (BrExtent *extent,
                      double    value)
{
  extent->lo = MIN (extent->lo, value);
  extent->hi = MAX (extent->hi, value);
}

void
_br_extent_add_date (BrExtent    *extent,
                     const GDate *date)
{
  if (!g_date_valid (&extent->first) || g_date_compare (date, &extent->first) < 0)
    extent->first = *date;
  if (!g_date_valid (&extent->last) || g_date_compare (date, &extent->last) > 0)
    extent->last = *date;
}

/* The first period is the one that starts first, the last the one that ends last. */
void
_br_extent_add_period (BrExtent       *extent,
                       const BrPeriod *period)
{
  if (!g_date_valid (&extent->first) || g_date_compare (&period->start, &extent->first) < 0)
    {
      extent->first = period->start;
      extent->first_period = period;
    }
  if (!g_date_valid (&extent->last) || g_date_compare (&period->end, &extent->last) > 0)
    {
      extent->last = period->end;
      extent->last_period = period;
    }
  if (period->kind == BR_PERIOD_FISCAL_YEAR)
    {
      int day = days_from_new_year (&period->end);

      extent->year_end_lo = MIN (extent->year_end_lo, day);
      extent->year_end_hi = MAX (extent->year_end_hi, day);
      extent->n_years++;
    }
}

/**
 * _br_extent_year_end:
 * @mixed: (out): set when fiscal years end on different days of the year
 *
 * Returns: the day, from 31 December, every fiscal year in @extent ends on or before
 *   (52/53-week years end a few days apart), or 0 for calendar years or a mix
 */
int
_br_extent_year_end (const BrExtent *extent,
                     gboolean       *mixed)
{
  *mixed = extent->n_years > 0 && extent->year_end_hi - extent->year_end_lo > 14;
  if (extent->n_years == 0 || *mixed || ABS (extent->year_end_hi) <= 7)
    return 0;

  return extent->year_end_hi;
}

/**
 * _br_chart_period_subtitle:
 * @mode: how the values are shown
 *
 * Returns: the range of periods @extent spans, then @mode
 */
char *
_br_chart_period_subtitle (BrChartContext *ctx,
                           const BrExtent *extent,
                           const char     *mode)
{
  const BrPeriod *first = extent->first_period, *last = extent->last_period;

  return _br_chart_range_subtitle (ctx, first ? br_period_get_label (first, ctx->lang) : NULL,
                                   last ? br_period_get_label (last, ctx->lang) : NULL, mode);
}

/**
 * _br_chart_frame:
 * @footnote_lines: the room the footnote needs, in lines
 *
 * Title, subtitle and legend (the entries in @ctx->legend) above the plot, and the footnote's room below it.
 */
void
_br_chart_frame (BrChartContext *ctx,
                 const char     *title,
                 const char     *subtitle,
                 guint           footnote_lines)
{
  const char *name = br_chart_kind_to_string (ctx->options->kind);
  const BrText *own_title = br_dataset_get_chart_title (ctx->dataset, name);
  const BrText *own_subtitle = br_dataset_get_chart_subtitle (ctx->dataset, name);
  g_autofree char *subtitles = NULL;

  /* the dataset's words first; the chart's own subtitle stays, for it says which periods
   * and how values are shown */
  if (own_title != NULL)
    title = br_text_get (own_title, ctx->lang);
  if (own_subtitle != NULL)
    subtitle = subtitles = subtitle != NULL
      ? g_strdup_printf ("%s · %s", br_text_get (own_subtitle, ctx->lang), subtitle)
      : g_strdup (br_text_get (own_subtitle, ctx->lang));

  _br_chart_header (ctx, title, subtitle);
  _br_chart_legend (ctx, ctx->legend);
  _br_chart_reserve_footnote (ctx, footnote_lines);
}

/* A slide's data labels are its largest numbers: larger than its tick labels (0.75 em,
 * br-chart-axis.c), its footnote and its subtitle */
#define SLIDE_VALUE_SIZE 1.0
#define SLIDE_NAME_SIZE  0.75
#define SLIDE_VALUE_SMALLEST 0.85

/**
 * _br_chart_value_size:
 * @size: the size of a data label in the window and exports
 *
 * Returns: the size a data label (an end label, a multiple, a share) is set at
 */
double
_br_chart_value_size (BrChartContext *ctx,
                      double          size)
{
  return ctx->options->slide ? MAX (size, ctx->em * SLIDE_VALUE_SIZE) : size;
}

/* The last entry of @legend is named beside its marks: a slide leaves it out of the
 * legend, and leaves out the legend when every entry is so named. */
void
_br_legend_set_direct (GArray *legend)
{
  g_return_if_fail (legend->len > 0);

  g_array_index (legend, BrLegendItem, legend->len - 1).direct = TRUE;
}

/* The last entry of @legend is a company's line, stroked in @style */
void
_br_legend_set_style (GArray      *legend,
                      BrLineStyle  style)
{
  g_return_if_fail (legend->len > 0);

  g_array_index (legend, BrLegendItem, legend->len - 1).style = style;
}

/* The legend entry of @key, named @label in @color. */
void
_br_legend_add (GArray      *legend,
                const char  *key,
                const char  *label,
                const BrRgb *color,
                gboolean     dashed)
{
  BrLegendItem item = { key, label, *color, dashed };

  g_array_append_val (legend, item);
}

/**
 * _br_chart_empty:
 * @what: why nothing is drawn, as a sentence
 *
 * The "no data" panel where the plot would be, and the footnote.
 */
void
_br_chart_empty (BrChartContext *ctx,
                 const char     *what)
{
  _br_chart_no_data (ctx, what);
  _br_chart_footnote (ctx, NULL);
}

/* Room for the axis title above the plot, and @below_em lines of labels under it */
void
_br_chart_plot_rows (BrChartContext *ctx,
                     double          below_em)
{
  /* labels set larger than asked (the options' minimum) take more room */
  double grown = MAX (_br_text_min (ctx) - ctx->em * 0.85, 0);

  /* a slide's axis title is smaller, and its labels under the plot packed closer */
  ctx->py0 += ctx->em * (ctx->options->slide ? 0.9 : 1.3) + 2 * grown;
  ctx->py1 -= ctx->em * below_em * (ctx->options->slide ? 0.85 : 1) + grown * below_em;
}

/* The plot between the tick labels, @tick_width wide, and the end labels, @label_width
 * wide (0 for none), which take at most 30 % of the width, on a slide 40 % */
void
_br_chart_plot_columns (BrChartContext *ctx,
                        double          tick_width,
                        double          label_width)
{
  ctx->px0 = ctx->pad + tick_width + ctx->em * 0.6;
  ctx->px1 = ctx->width - ctx->pad;
  if (label_width > 0)
    ctx->px1 -= MIN (label_width + ctx->em * 0.8, ctx->width * (ctx->options->slide ? 0.4 : 0.3));
}

/* Whether a slide sets each series' name on a line above its value, which it does while
 * the plot's height holds every label so; else the name goes before the value. Sets
 * @name_height to the name line's height. */
static gboolean
stack_names (BrChartContext *ctx,
             GArray         *labels,
             double          size,
             double         *name_height)
{
  gboolean any = FALSE;
  double value_height;

  *name_height = 0;
  for (guint i = 0; ctx->options->slide && i < labels->len; i++)
    any |= g_array_index (labels, BrEndLabel, i).name != NULL;
  if (!any)
    return FALSE;

  _br_text_measure (ctx, "0", size, TEXT_BOLD, NULL, &value_height);
  _br_text_measure (ctx, "0", ctx->em * SLIDE_NAME_SIZE, 0, NULL, name_height);

  return labels->len * (*name_height + value_height) * 1.1 <= ctx->py1 - ctx->py0;
}

/* The width a direct label gives the series' name before its value, or above it when
 * @stacked: an end label names its company, on a slide and off it */
static double
name_width (BrChartContext   *ctx,
            const BrEndLabel *label,
            gboolean          stacked)
{
  double w;

  if (label->name == NULL)
    return 0;

  _br_text_measure (ctx, label->name, ctx->em * SLIDE_NAME_SIZE, 0, &w, NULL);
  return stacked ? w : w + ctx->em * 0.3;
}

/* The widest and the tallest of @labels (element-type BrEndLabel) at @size */
static void
end_labels_measure (BrChartContext *ctx,
                    GArray         *labels,
                    double          size,
                    double         *width,
                    double         *height)
{
  double name_height;
  gboolean stacked;

  *width = 0;
  *height = 0;
  size = _br_chart_value_size (ctx, size);
  stacked = stack_names (ctx, labels, size, &name_height);
  for (guint i = 0; i < labels->len; i++)
    {
      const BrEndLabel *label = &g_array_index (labels, BrEndLabel, i);
      double w, h, name = name_width (ctx, label, stacked);

      _br_text_measure (ctx, label->text, size, TEXT_BOLD, &w, &h);
      *width = MAX (*width, stacked ? MAX (w, name) : w + name);
      *height = MAX (*height, stacked ? h + name_height : h);
    }
}

/* A slide sets a value too wide for the room left of the page's edge smaller, down to
 * the least size a figure is set at, rather than cut it */
static double
fitted_size (BrChartContext *ctx,
             const char     *text,
             double          size,
             double          room)
{
  double w;

  _br_text_measure (ctx, text, size, TEXT_BOLD, &w, NULL);
  if (ctx->options->slide && w > room)
    size = MAX (size * room / w, ctx->em * SLIDE_VALUE_SMALLEST);

  return size;
}

/**
 * _br_chart_value_axis:
 *
 * The value axis of a line chart, up the plot's height from @lo (or zero) to @hi, its
 * ticks at least 2.4 em apart.
 */
void
_br_chart_value_axis (BrChartContext *ctx,
                      BrAxis         *axis,
                      double          lo,
                      double          hi)
{
  _br_axis_linear (axis, lo, hi, ctx->py1, ctx->py0,
                   CLAMP ((guint)((ctx->py1 - ctx->py0) / (ctx->em * 2.4)), 2, 9), TRUE);
}

/**
 * _br_chart_plot_columns_labelled:
 * @labels: (element-type BrEndLabel): the end labels, at @size
 * @label_height: (out): the tallest end label's height
 *
 * The plot's columns: @y_axis's tick labels at its left, the end labels at its right.
 */
void
_br_chart_plot_columns_labelled (BrChartContext *ctx,
                                 const BrAxis   *y_axis,
                                 GArray         *labels,
                                 double          size,
                                 double         *label_height)
{
  double label_width;

  end_labels_measure (ctx, labels, size, &label_width, label_height);
  _br_chart_plot_columns (ctx, _br_axis_tick_width (ctx, y_axis), label_width);
}

/**
 * _br_chart_end_labels:
 * @labels: (element-type BrEndLabel): each at the height of its series' last point
 * @height: the tallest label's height
 * @spacing: the least distance between two labels, in heights
 *
 * The labels right of the plot, in their series' colours, spread apart so that none
 * overlaps another. A slide names each series too, in its colour: the label is its
 * legend entry.
 */
void
_br_chart_end_labels (BrChartContext *ctx,
                      GArray         *labels,
                      double          size,
                      double          height,
                      double          spacing)
{
  g_autofree double *ys = g_new0 (double, MAX (labels->len, 1));
  double x0 = ctx->px1 + ctx->em * 0.6, name_height;
  gboolean stacked;

  size = _br_chart_value_size (ctx, size);
  stacked = stack_names (ctx, labels, size, &name_height);
  for (guint i = 0; i < labels->len; i++)
    ys[i] = g_array_index (labels, BrEndLabel, i).y;
  _br_chart_spread_labels (ys, labels->len, height * spacing, ctx->py0 + height / 2,
                           ctx->py1 - height / 2);

  for (guint i = 0; i < labels->len; i++)
    {
      const BrEndLabel *label = &g_array_index (labels, BrEndLabel, i);
      double x = MAX (label->x, ctx->px1) + ctx->em * 0.6;
      double name = name_width (ctx, label, stacked), y = ys[i];

      if (name > 0 && stacked)
        {
          _br_text_draw (ctx, label->name, x, y - height / 2, 0,
                         &(BrTextStyle) { ctx->em * SLIDE_NAME_SIZE, 0, &label->color, "legend" });
          y += name_height / 2;
          name = 0;
        }
      else if (name > 0)
        {
          double value_w, room;

          _br_text_measure (ctx, label->text, size, TEXT_BOLD, &value_w, NULL);
          /* a long name is cut short, its value never */
          room = ctx->width - ctx->pad - x - value_w - ctx->em * 0.3;
          name = MIN (name, MAX (room, 0) + ctx->em * 0.3);
          if (room > ctx->em)
            _br_text_draw (ctx, label->name, x, y, room,
                           &(BrTextStyle) { ctx->em * SLIDE_NAME_SIZE, TEXT_MIDDLE,
                                            &label->color, "legend" });
          else
            name = 0;
        }
      _br_text_draw (ctx, label->text, x + name, y, ctx->width - ctx->pad - x0 - name,
                     &(BrTextStyle) { fitted_size (ctx, label->text, size,
                                                   ctx->width - ctx->pad - x0 - name),
                                      TEXT_MIDDLE | TEXT_BOLD, &label->color, "value" });
    }
}

static void
line_clear (gpointer data)
{
  BrLine *line = data;

  g_clear_pointer (&line->points, g_array_unref);
  g_clear_pointer (&line->end_label, g_free);
}

/* Returns: (element-type BrLine): an empty array of lines, which frees theirs */
GArray *
_br_lines_new (void)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (BrLine));

  g_array_set_clear_func (lines, line_clear);
  return lines;
}

/**
 * _br_line_init:
 * @points: (transfer full): the company's points, each beginning with a BrLinePoint
 *
 * Starts @company's line in its colour, hidden when the legend hides it.
 *
 * Returns: %TRUE; %FALSE, @line cleared and @company added to @ctx->missing, without
 *   points
 */
gboolean
_br_line_init (BrChartContext  *ctx,
               BrLine          *line,
               const BrCompany *company,
               GArray          *points)
{
  *line = (BrLine) { company, _br_chart_company_color (ctx, company), points,
                     _br_chart_hidden (ctx, company->id), NULL,
                     br_chart_company_line_style (ctx->dataset, company) };
  if (points->len > 0)
    return TRUE;

  g_ptr_array_add (ctx->missing, (gpointer)company);
  line_clear (line);
  return FALSE;
}

/* The path through @line's points, their values times @scale. */
void
_br_line_path (cairo_t      *cr,
               const BrLine *line,
               const BrAxes *axes,
               double        scale)
{
  for (guint i = 0; i < line->points->len; i++)
    {
      const BrLinePoint *p = _br_line_point (line, i);
      double x = _br_axis_map_date (&axes->x, &p->date);
      double y = _br_axis_map (&axes->y, p->value * scale);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

/* How thick a company's line is drawn */
double
_br_line_width (BrChartContext *ctx)
{
  return MAX (2, ctx->em * 0.14);
}

/* Saves @ctx's cairo state and sets it to draw a company's line in @color: its width,
 * round joins; returns the width */
double
_br_line_begin (BrChartContext *ctx,
                const BrRgb    *color)
{
  double width = _br_line_width (ctx);

  cairo_save (ctx->cr);
  cairo_set_line_width (ctx->cr, width);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  _br_set_rgb (ctx->cr, color);
  return width;
}

/* The radius of a line's point markers */
double
_br_line_marker_radius (BrChartContext *ctx)
{
  return MAX (3.5, ctx->em * 0.32);
}

/* How far from a line's point a pointer still hits it */
double
_br_line_marker_hit (BrChartContext *ctx)
{
  return MAX (_br_line_marker_radius (ctx) * 2.2, 10);
}

/* A flash figure's asterisk at @x, @y, up and right of its mark: the footnote's key
 * explains it */
void
_br_line_flash_mark (BrChartContext *ctx,
                     double          x,
                     double          y,
                     const BrRgb    *color)
{
  _br_text_draw (ctx, "*", x, y, 0,
                 &(BrTextStyle) { ctx->em * 0.9, TEXT_BOTTOM | TEXT_BOLD, color, "label" });
}

/* A point's marker of radius @r in @color, on a ring of the background that sets it
 * apart from the lines it sits on. */
void
_br_line_marker (BrChartContext *ctx,
                 double          x,
                 double          y,
                 double          r,
                 const BrRgb    *color,
                 gboolean        hollow,
                 gboolean        diamond)
{
  _br_set_rgb (ctx->cr, &ctx->palette.background);
  _br_chart_marker (ctx->cr, x, y, r + 1.5, FALSE, diamond);
  _br_set_rgb (ctx->cr, color);
  _br_chart_marker (ctx->cr, x, y, r, hollow, diamond);
}

/**
 * _br_lines_end_labels:
 * @lines: (element-type BrLine)
 * @axes: (nullable): the axes, or %NULL to measure the labels before there are any
 *
 * Returns: (element-type BrEndLabel): the end label of each line shown, at its last point
 */
GArray *
_br_lines_end_labels (BrChartContext *ctx,
                      GArray         *lines,
                      const BrAxes   *axes)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (BrEndLabel));

  for (guint i = 0; i < lines->len; i++)
    {
      const BrLine *line = &g_array_index (lines, BrLine, i);
      const BrLinePoint *last;
      BrEndLabel label = { line->end_label, 0, 0, line->color,
                           br_company_get_name (line->company, ctx->lang) };

      if (line->hidden)
        continue;
      last = _br_line_point (line, line->points->len - 1);
      if (axes != NULL)
        {
          label.x = _br_axis_map_date (&axes->x, &last->date);
          label.y = _br_axis_map (&axes->y, last->value);
        }
      g_array_append_val (labels, label);
    }

  return labels;
}

/* @line in its colour: its path, joined as @drawing says or else in the company's
 * pattern, then each point's marker and mark */
static void
draw_line (BrChartContext      *ctx,
           const BrAxes        *axes,
           const BrLine        *line,
           const BrLineDrawing *drawing)
{
  BrPointAt at = { line, NULL, 0, 0, _br_line_marker_radius (ctx), _br_line_marker_hit (ctx) };
  double width = _br_line_begin (ctx, &line->color);

  if (drawing->stroke != NULL)
    {
      drawing->stroke (ctx, axes, line, width);
    }
  else
    {
      br_chart_set_line_style (ctx->cr, line->style, width);
      _br_line_path (ctx->cr, line, axes, 1);
      cairo_stroke (ctx->cr);
    }
  cairo_set_dash (ctx->cr, NULL, 0, 0);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < line->points->len; i++)
    {
      const BrLinePoint *p = _br_line_point (line, i);

      at.point = p;
      at.x = _br_axis_map_date (&axes->x, &p->date);
      at.y = _br_axis_map (&axes->y, p->value);
      drawing->point (ctx, &at);
    }
  cairo_restore (ctx->cr);
}

/**
 * _br_lines_draw:
 * @lines: (element-type BrLine)
 *
 * Each line shown, drawn as @drawing says, then the end labels beside their last points,
 * in @size, @height and @spacing as _br_chart_end_labels() takes them.
 */
void
_br_lines_draw (BrChartContext      *ctx,
                GArray              *lines,
                const BrAxes        *axes,
                const BrLineDrawing *drawing,
                double               size,
                double               height,
                double               spacing)
{
  g_autoptr(GArray) labels = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const BrLine *line = &g_array_index (lines, BrLine, i);

      if (!line->hidden)
        draw_line (ctx, axes, line, drawing);
    }

  labels = _br_lines_end_labels (ctx, lines, axes);
  _br_chart_end_labels (ctx, labels, size, height, spacing);
}

/**
 * _br_chart_describe:
 * @series: the renderer's series, one element each
 * @describe: appends the sentence of one series, or nothing for one not shown
 *
 * The chart's description, for screen readers and a slide's notes: its title, then a
 * sentence for each series shown. A renderer may add to it after.
 */
void
_br_chart_describe (BrChartContext *ctx,
                    GArray         *series,
                    BrDescribe      describe)
{
  guint size = g_array_get_element_size (series);

  g_string_append_printf (ctx->layout->description, "%s. ", ctx->layout->title);
  for (guint i = 0; i < series->len; i++)
    describe (ctx, series->data + i * size, ctx->layout->description);
}

/**
 * _br_chart_note_missing:
 * @note: the footnote's own text, added to
 * @format: the sentence naming @ctx->missing, the companies selected that the chart has
 *   nothing to draw for, with one %s for their names
 *
 * Nothing disappears unnoticed: every chart names in its footnote the companies
 * selected that it does not draw, and why.
 */
void
_br_chart_note_missing (BrChartContext *ctx,
                        GString        *note,
                        const char     *format)
{
  g_autofree char *names = _br_chart_company_names (ctx, ctx->missing);
  const char *at = strstr (format, "%s");

  g_autoptr(GString) sentence = g_string_new (NULL);

  if (names == NULL)
    return;
  /* names are the dataset's text: never part of a format */
  g_string_append_len (sentence, format, at != NULL ? at - format : (gssize)strlen (format));
  if (at != NULL)
    g_string_append_printf (sentence, "%s%s", names, at + 2);

  /* a slide's footnote has two lines: the sentence goes to its notes, said so */
  if (ctx->options->slide)
    {
      _br_chart_layout_leave_out (ctx->layout, sentence->str);
      return;
    }
  if (note->len > 0)
    g_string_append_c (note, ' ');
  g_string_append (note, sentence->str);
}

/**
 * _br_chart_company_names:
 * @companies: (element-type BrCompany)
 *
 * Returns: (nullable): the companies' names, "A, B, C"; %NULL for none. A chart names
 *   every company selected that it has nothing to draw for, in its footnote.
 */
char *
_br_chart_company_names (BrChartContext *ctx,
                         GPtrArray      *companies)
{
  GString *names;

  if (companies->len == 0)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; i < companies->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? _(", ") : "",
                            br_company_get_name (g_ptr_array_index (companies, i), ctx->lang));

  return g_string_free (names, FALSE);
}
