/* br-chart-layout.c: what a drawn chart holds, and what is under a point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"

static void
legend_entry_clear (gpointer data)
{
  BrLegendEntry *entry = data;

  g_free (entry->key);
  g_free (entry->label);
}

BrChartLayout *
_br_chart_layout_new (double width,
                      double height)
{
  BrChartLayout *layout = g_new0 (BrChartLayout, 1);

  g_atomic_ref_count_init (&layout->ref_count);
  layout->marks = g_array_new (FALSE, TRUE, sizeof (BrChartMark));
  layout->shapes = g_array_new (FALSE, TRUE, sizeof (BrShape));
  layout->legend = g_array_new (FALSE, TRUE, sizeof (BrLegendEntry));
  g_array_set_clear_func (layout->legend, legend_entry_clear);
  layout->text_boxes = g_array_new (FALSE, TRUE, sizeof (BrTextBox));
  layout->left_out = g_ptr_array_new ();
  layout->sources = g_ptr_array_new ();
  layout->rates = g_ptr_array_new ();
  layout->not_drawn = g_ptr_array_new ();
  layout->description = g_string_new (NULL);
  layout->strings = g_string_chunk_new (256);
  layout->width = width;
  layout->height = height;

  return layout;
}

BrChartLayout *
br_chart_layout_ref (BrChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  g_atomic_ref_count_inc (&layout->ref_count);
  return layout;
}

void
br_chart_layout_unref (BrChartLayout *layout)
{
  g_return_if_fail (layout != NULL);

  if (!g_atomic_ref_count_dec (&layout->ref_count))
    return;

  g_array_unref (layout->marks);
  g_array_unref (layout->shapes);
  g_array_unref (layout->legend);
  g_array_unref (layout->text_boxes);
  g_ptr_array_unref (layout->left_out);
  g_ptr_array_unref (layout->sources);
  g_ptr_array_unref (layout->rates);
  g_ptr_array_unref (layout->not_drawn);
  g_string_free (layout->description, TRUE);
  g_string_chunk_free (layout->strings);
  g_free (layout->title);
  g_free (layout);
}

guint
_br_chart_layout_add_mark (BrChartLayout     *layout,
                           const BrChartMark *mark,
                           const BrShape     *shape)
{
  g_array_append_vals (layout->marks, mark, 1);
  g_array_append_vals (layout->shapes, shape, 1);

  if (mark->source != NULL)
    _br_chart_layout_add_source (layout, mark->source);
  if (mark->rate != NULL)
    _br_chart_layout_add_rate (layout, mark->rate);
  if (mark->status == BR_STATUS_FLASH)
    layout->has_flash = TRUE;
  layout->has_data = TRUE;

  return layout->marks->len - 1;
}

void
_br_chart_layout_add_legend (BrChartLayout *layout,
                             const char    *key,
                             const char    *label,
                             double         x0,
                             double         y0,
                             double         x1,
                             double         y1,
                             gboolean       hidden)
{
  BrLegendEntry entry = { g_strdup (key), x0, y0, x1, y1, hidden, g_strdup (label) };

  g_array_append_val (layout->legend, entry);
}

void
_br_chart_layout_add_text_box (BrChartLayout *layout,
                               double         x0,
                               double         y0,
                               double         x1,
                               double         y1,
                               double         size,
                               const char    *role,
                               const char    *text,
                               gboolean       ellipsized)
{
  BrTextBox box = { x0, y0, x1, y1, role, ellipsized,
                    g_string_chunk_insert_const (layout->strings, text), size };

  g_array_append_val (layout->text_boxes, box);
}

/**
 * _br_chart_layout_label_clear:
 * @part: a mark keeps labels off a square around its point, 1/@part of its hit area wide
 * @under: the series whose marks a label may cover: a dashed line's
 * @anchor: (nullable): the mark the label belongs to, which it may touch, as it may the
 *   others at its point
 *
 * Returns: whether a label in the box would touch none of the text laid out so far and
 *   no mark's point
 */
gboolean
_br_chart_layout_label_clear (BrChartLayout     *layout,
                              double             x0,
                              double             y0,
                              double             x1,
                              double             y1,
                              double             part,
                              BrSeries           under,
                              const BrChartMark *anchor)
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
      double r = (m->x1 - m->x0) / part;

      if (m->series == under ||
          (anchor != NULL && fabs (m->x - anchor->x) < 1 && fabs (m->y - anchor->y) < 1))
        continue;
      if (r > 0 && x0 < m->x + r && m->x - r < x1 && y0 < m->y + r && m->y - r < y1)
        return FALSE;
    }

  return TRUE;
}

/* Whether the segment from (@ax, @ay) to (@bx, @by) enters the box: Liang and Barsky's
 * clipping, which leaves some of it inside */
static gboolean
segment_in_box (double ax, double ay, double bx, double by,
                double x0, double y0, double x1, double y1)
{
  double p[] = { ax - bx, bx - ax, ay - by, by - ay };
  double q[] = { ax - x0, x1 - ax, ay - y0, y1 - ay };
  double t0 = 0, t1 = 1;

  for (guint i = 0; i < G_N_ELEMENTS (p); i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }

  return TRUE;
}

/**
 * _br_chart_layout_line_crosses:
 * @series: the series whose marks a line joins, each company's in the order they were
 *   added
 *
 * Returns: whether a line drawn through @series' marks runs through the box
 */
gboolean
_br_chart_layout_line_crosses (BrChartLayout *layout,
                               double         x0,
                               double         y0,
                               double         x1,
                               double         y1,
                               BrSeries       series)
{
  for (guint i = 1; i < layout->marks->len; i++)
    {
      const BrChartMark *a = &g_array_index (layout->marks, BrChartMark, i - 1);
      const BrChartMark *b = &g_array_index (layout->marks, BrChartMark, i);

      if (a->series == series && b->series == series && a->company == b->company &&
          segment_in_box (a->x, a->y, b->x, b->y, x0, y0, x1, y1))
        return TRUE;
    }

  return FALSE;
}

void
_br_chart_layout_add_source (BrChartLayout  *layout,
                             const BrSource *source)
{
  if (!g_ptr_array_find (layout->sources, source, NULL))
    g_ptr_array_add (layout->sources, (gpointer)source);
}

void
_br_chart_layout_add_rate (BrChartLayout  *layout,
                           const BrFxRate *rate)
{
  /* a rate through a pivot currency is listed as the two rates it comes from */
  if (rate->legs[0] != NULL)
    {
      _br_chart_layout_add_rate (layout, rate->legs[0]);
      _br_chart_layout_add_rate (layout, rate->legs[1]);
      return;
    }

  if (!g_ptr_array_find (layout->rates, rate, NULL))
    g_ptr_array_add (layout->rates, (gpointer)rate);
  if (rate->source != NULL)
    _br_chart_layout_add_source (layout, rate->source);
}

/**
 * br_chart_layout_draw_highlight:
 * @cr: the context the chart was drawn into, or one with the same user space
 * @index: a mark of the layout
 *
 * Outlines mark @index as the user's pointer or keyboard has it: a ring round a
 * point, a frame round a bar, an outline round a slice. Drawn over the chart, so that
 * a view can keep the chart itself while the highlight moves.
 */
void
br_chart_layout_draw_highlight (BrChartLayout *layout,
                                cairo_t       *cr,
                                int            index)
{
  const BrShape *shape;
  BrPalette palette;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  if (index < 0 || (guint)index >= layout->marks->len)
    return;

  shape = &g_array_index (layout->shapes, BrShape, index);
  _br_chart_palette (layout->theme, &palette);

  cairo_save (cr);
  _br_set_rgb (cr, &palette.highlight);
  cairo_set_line_width (cr, MAX (2, layout->em * 0.12));
  cairo_new_path (cr);
  switch (shape->kind)
    {
    case SHAPE_POINT:
      cairo_arc (cr, shape->cx, shape->cy, shape->ring, 0, 2 * G_PI);
      break;

    case SHAPE_ARC:
      cairo_arc (cr, shape->cx, shape->cy, shape->r1, shape->a0 - G_PI / 2, shape->a1 - G_PI / 2);
      cairo_arc_negative (cr, shape->cx, shape->cy, shape->r0, shape->a1 - G_PI / 2,
                          shape->a0 - G_PI / 2);
      cairo_close_path (cr);
      break;

    case SHAPE_RECT:
    default:
      cairo_rectangle (cr, shape->rx - 1, shape->ry - 1, shape->rw + 2, shape->rh + 2);
      break;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A label there was no room for: a slide's notes give it instead (br-deck.c) */
void
_br_chart_layout_leave_out (BrChartLayout *layout,
                            const char    *text)
{
  g_ptr_array_add (layout->left_out, (gpointer)_br_chart_layout_intern (layout, text));
}

/**
 * br_chart_layout_get_left_out:
 *
 * Returns: (transfer none) (element-type utf8): the labels the chart had no room for
 */
GPtrArray *
br_chart_layout_get_left_out (BrChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->left_out;
}

/* Keeps a copy of @text as long as the layout, for marks to point to. */
const char *
_br_chart_layout_intern (BrChartLayout *layout,
                         const char    *text)
{
  return g_string_chunk_insert_const (layout->strings, text);
}

guint
br_chart_layout_get_n_marks (BrChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->marks->len;
}

const BrChartMark *
br_chart_layout_get_mark (BrChartLayout *layout,
                          guint          index)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->marks->len, NULL);

  return &g_array_index (layout->marks, BrChartMark, index);
}

static gboolean
shape_contains (const BrShape     *shape,
                const BrChartMark *mark,
                double             x,
                double             y,
                double            *distance)
{
  switch (shape->kind)
    {
    case SHAPE_POINT:
      *distance = hypot (x - shape->cx, y - shape->cy);
      return *distance <= shape->r1;

    case SHAPE_ARC:
      {
        double r = hypot (x - shape->cx, y - shape->cy);
        /* clockwise from 12 o'clock */
        double a = atan2 (x - shape->cx, -(y - shape->cy));

        if (a < 0)
          a += 2 * G_PI;
        *distance = 0;
        return r >= shape->r0 && r <= shape->r1 && a >= shape->a0 && a <= shape->a1;
      }

    case SHAPE_RECT:
    default:
      *distance = 0;
      return x >= mark->x0 && x <= mark->x1 && y >= mark->y0 && y <= mark->y1;
    }
}

/**
 * br_chart_layout_hit_test:
 * @x: (in chart coordinates, the same as br_chart_draw()'s)
 *
 * Returns: the index of the mark under @x, @y (the nearest, where points overlap), or -1
 */
int
br_chart_layout_hit_test (BrChartLayout *layout,
                          double         x,
                          double         y)
{
  double best_distance = G_MAXDOUBLE;
  int best = -1;

  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const BrChartMark *mark = &g_array_index (layout->marks, BrChartMark, i);
      const BrShape *shape = &g_array_index (layout->shapes, BrShape, i);
      double distance;

      if (x < mark->x0 || x > mark->x1 || y < mark->y0 || y > mark->y1)
        continue;

      if (shape_contains (shape, mark, x, y, &distance) && distance < best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }

  return best;
}

/**
 * br_chart_layout_hit_legend:
 *
 * Returns: (nullable): the key of the legend entry under @x, @y
 */
const char *
br_chart_layout_hit_legend (BrChartLayout *layout,
                            double         x,
                            double         y)
{
  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const BrLegendEntry *entry = &g_array_index (layout->legend, BrLegendEntry, i);

      if (x >= entry->x0 && x <= entry->x1 && y >= entry->y0 && y <= entry->y1)
        return entry->key;
    }

  return NULL;
}

/**
 * br_chart_layout_get_legend:
 *
 * Returns: (transfer none) (element-type BrLegendEntry): the legend's entries, in order
 */
GArray *
br_chart_layout_get_legend (BrChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->legend;
}

/**
 * br_chart_layout_get_text_boxes:
 *
 * Returns: (transfer none) (element-type BrTextBox): every piece of text drawn, in the
 *   order it was drawn
 */
GArray *
br_chart_layout_get_text_boxes (BrChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->text_boxes;
}

/**
 * br_chart_layout_get_sources:
 *
 * Returns: (transfer none) (element-type BrSource): the sources of the figures shown
 */
GPtrArray *
br_chart_layout_get_sources (BrChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->sources;
}

const char *
br_chart_layout_get_title (BrChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->title;
}

/**
 * br_chart_layout_get_description:
 *
 * Returns: a sentence or two saying what the chart shows, for screen readers and the
 *   `<desc>` of an SVG
 */
const char *
br_chart_layout_get_description (BrChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->description->str;
}

gboolean
br_chart_layout_has_data (BrChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  return layout->has_data;
}

/**
 * br_chart_layout_get_n_selected:
 *
 * Returns: how many companies the options selected for the chart, drawn or not
 */
guint
br_chart_layout_get_n_selected (BrChartLayout *layout)
{
  return layout->n_selected;
}

/**
 * br_chart_layout_get_not_drawn:
 * @n: (out): how many
 *
 * Returns: (array length=n) (transfer none): the selected companies the chart had no
 *   room for, which its footnote counts or names
 */
const BrCompany * const *
br_chart_layout_get_not_drawn (BrChartLayout *layout,
                               guint         *n)
{
  *n = layout->not_drawn->len;

  return (const BrCompany * const *)layout->not_drawn->pdata;
}
