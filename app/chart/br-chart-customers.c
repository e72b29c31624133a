/* br-chart-customers.c: customer concentration, a donut per company and period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"

typedef struct
{
  const BrCompany  *company;
  BrRgb             color;
  GPtrArray        *entries;   /* const BrConcentration *, in time order */
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->entries, g_ptr_array_unref);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const BrConcentration *ca = *(const BrConcentration **)a;
  const BrConcentration *cb = *(const BrConcentration **)b;

  return g_date_compare (&ca->period->end, &cb->period->end);
}

static GPtrArray *
collect_entries (BrChartContext  *ctx,
                 const BrCompany *company)
{
  GPtrArray *entries = g_ptr_array_new ();

  for (guint i = 0; i < company->n_concentrations; i++)
    {
      const BrConcentration *c = &company->concentrations[i];

      if (_br_chart_in_range (ctx, &c->period->start, &c->period->end))
        g_ptr_array_add (entries, (gpointer)c);
    }

  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

/* The decimals a share was given with, at most two: 89 is "89%", 71.1 "71.1%", never
 * "89.00%" */
static int
given_decimals (double share)
{
  for (int decimals = 0; decimals < 2; decimals++)
    if (fabs (share * pow (10, decimals) - round (share * pow (10, decimals))) < 1e-6)
      return decimals;

  return 2;
}

/* "98.29%", "≥ 98%", "> 89%" */
static char *
share_text (const BrConcentration *c)
{
  g_autofree char *number = _br_format_percent (c->top5_share, given_decimals (c->top5_share));

  switch (c->bound)
    {
    case BR_BOUND_AT_LEAST:
      return g_strdup_printf ("≥%s", number);
    case BR_BOUND_MORE_THAN:
      return g_strdup_printf (">%s", number);
    case BR_BOUND_EXACT:
    default:
      return g_steal_pointer (&number);
    }
}

static BrRgb
shade (const BrRgb *color,
       guint        index)
{
  double t = 0.18 * index;
  BrRgb out = { color->r + (1 - color->r) * t, color->g + (1 - color->g) * t,
                color->b + (1 - color->b) * t };

  return out;
}

/* A donut: its centre, and its inner and outer radii */
typedef struct
{
  double cx, cy, r0, r1;
} Ring;

/* The part of @ring from angle @a0 to @a1, clockwise from 12 o'clock */
static void
arc_path (cairo_t    *cr,
          const Ring *ring,
          double      a0,
          double      a1)
{
  double cx = ring->cx, cy = ring->cy;

  /* cairo's angles start at 3 o'clock */
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, ring->r1, a0 - G_PI / 2, a1 - G_PI / 2);
  cairo_arc_negative (cr, cx, cy, ring->r0, a1 - G_PI / 2, a0 - G_PI / 2);
  cairo_close_path (cr);
}

static void
add_arc_mark (BrChartContext        *ctx,
              const Row             *row,
              const BrConcentration *c,
              BrSeries               series,
              const char            *name,
              double                 value,
              const Ring            *ring,
              double                 a0,
              double                 a1)
{
  double cx = ring->cx, cy = ring->cy, r0 = ring->r0, r1 = ring->r1;
  double mid = (a0 + a1) / 2, rm = (r0 + r1) / 2;
  BrChartMark mark = {
    .series = series,
    .company = row->company,
    .period = c->period,
    .date = c->period->end,
    .value = value,
    .percent = TRUE,
    .bound = series == BR_SERIES_TOP5 ? c->bound : BR_BOUND_EXACT,
    .source = c->source,
    .name = name,
    .x = cx + rm * sin (mid), .y = cy - rm * cos (mid),
    .x0 = cx - r1, .y0 = cy - r1, .x1 = cx + r1, .y1 = cy + r1,
  };
  BrShape shape = { SHAPE_ARC, cx, cy, r0, r1, a0, a1 };

  _br_chart_layout_add_mark (ctx->layout, &mark, &shape);
}

/* Diagonal stripes in @color over the ring from @a0 to @a1: what a bound leaves open */
static void
hatch_arc (BrChartContext *ctx,
           const BrRgb    *color,
           const Ring     *ring,
           double          a0,
           double          a1)
{
  cairo_t *cr = ctx->cr;
  double cx = ring->cx, cy = ring->cy, r = ring->r1;
  double step = MAX (4, r / 9);

  cairo_save (cr);
  arc_path (cr, ring, a0, a1);
  cairo_clip (cr);
  _br_set_rgb (cr, color);
  cairo_set_line_width (cr, MAX (1.5, step / 2.5));
  for (double d = -2 * r; d < 2 * r; d += step)
    {
      cairo_move_to (cr, cx + d - r, cy + r);
      cairo_line_to (cr, cx + d + r, cy - r);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* All other customers: the grey rest, named, with its own share in its tooltip. Where
 * the filing gives the top five only as a bound ("> 89 %"), the rest is not known: it
 * is hatched in the company's colour, between the bound and 100 %, and its tooltip says
 * "at most". */
static void
rest_slice (BrChartContext        *ctx,
            const Row             *row,
            const BrConcentration *c,
            const Ring            *ring)
{
  double a0 = c->top5_share / 100. * 2 * G_PI;
  const char *name = c->bound == BR_BOUND_EXACT ? _("all other customers")
                                                 : _("all other customers, at most");

  if (c->top5_share >= 100)
    return;
  if (c->bound != BR_BOUND_EXACT)
    hatch_arc (ctx, &row->color, ring, a0, 2 * G_PI);
  add_arc_mark (ctx, row, c, BR_SERIES_CUSTOMER, _br_chart_layout_intern (ctx->layout, name),
                100 - c->top5_share, ring, a0, 2 * G_PI);
}

static void
draw_donut (BrChartContext        *ctx,
            const Row             *row,
            const BrConcentration *c,
            double                 cx,
            double                 cy,
            double                 r)
{
  cairo_t *cr = ctx->cr;
  double r0 = r * 0.62;
  Ring ring = { cx, cy, r0, r };
  double share = c->top5_share / 100.;
  double a = 0, named = 0;
  g_autofree char *center = share_text (c);
  double size = MIN (r0 * 0.55, ctx->em * 2.2);

  /* the rest of revenue first, as a full ring under the top five */
  _br_set_rgb (cr, &ctx->palette.rest);
  arc_path (cr, &ring, 0, 2 * G_PI);
  cairo_fill (cr);

  /* named customers, largest first, in shades of the company's colour */
  for (guint i = 0; i < c->n_customers; i++)
    {
      double span = c->customers[i].share / 100. * 2 * G_PI;
      BrRgb color = shade (&row->color, i);

      _br_set_rgb (cr, &color);
      arc_path (cr, &ring, a, a + span);
      cairo_fill (cr);
      add_arc_mark (ctx, row, c, BR_SERIES_CUSTOMER, br_text_get (&c->customers[i].name, ctx->lang),
                    c->customers[i].share, &ring, a, a + span);
      a += span;
      named += c->customers[i].share;
    }

  /* the top five's unnamed remainder, or all of it */
  _br_set_rgb (cr, &row->color);
  arc_path (cr, &ring, a, share * 2 * G_PI);
  cairo_fill (cr);
  add_arc_mark (ctx, row, c, BR_SERIES_TOP5, NULL, c->top5_share, &ring,
                c->n_customers > 0 ? a : 0, share * 2 * G_PI);

  rest_slice (ctx, row, c, &ring);
  /* thin separators read as slices in print */
  _br_set_rgb (cr, &ctx->palette.background);
  cairo_set_line_width (cr, MAX (1, r / 60));
  cairo_move_to (cr, cx, cy - r0);
  cairo_line_to (cr, cx, cy - r);
  cairo_move_to (cr, cx + r0 * sin (share * 2 * G_PI), cy - r0 * cos (share * 2 * G_PI));
  cairo_line_to (cr, cx + r * sin (share * 2 * G_PI), cy - r * cos (share * 2 * G_PI));
  cairo_stroke (cr);

  /* the share is the point of the chart: shrink it to fit rather than cut it */
  {
    double w;

    _br_text_measure (ctx, center, size, TEXT_BOLD, &w, NULL);
    if (w > r0 * 1.7)
      size *= r0 * 1.7 / w;
  }
  _br_text_draw (ctx, center, cx, cy, r0 * 1.9,
                 &(BrTextStyle) { size, TEXT_CENTER | TEXT_MIDDLE | TEXT_BOLD,
                                  &ctx->palette.text, "value" });
  /* on a slide the period steps back for the share, as tick labels do */
  _br_text_draw (ctx, br_period_get_label (c->period, ctx->lang), cx, cy + r + ctx->em * 0.3,
                 r * 2.4,
                 &(BrTextStyle) { ctx->options->slide ? MIN (ctx->em * 0.75, size * 0.85)
                                                      : ctx->em * 0.85,
                                  TEXT_CENTER, &ctx->palette.secondary, "label" });
}

static void
describe (BrChartContext *ctx,
          GArray         *rows)
{
  GString *d = ctx->layout->description;

  g_string_append_printf (d, "%s. ", ctx->layout->title);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      g_string_append_printf (d, "%s:", br_company_get_name (row->company, ctx->lang));
      for (guint j = 0; j < row->entries->len; j++)
        {
          const BrConcentration *c = g_ptr_array_index (row->entries, j);
          g_autofree char *share = share_text (c);

          g_string_append_printf (d, "%s %s %s", j > 0 ? "," : "",
                                  br_period_get_label (c->period, ctx->lang), share);
        }
      g_string_append (d, ". ");
    }
}

/* Step 1: a row for each company shown with shares; the legend names every company
 * with shares, shown or hidden. Returns how many have shares. */
static guint
collect_rows (BrChartContext *ctx,
              GArray         *rows,
              BrExtent       *extent)
{
  g_autoptr(GPtrArray) companies = _br_chart_companies (ctx, FALSE);

  _br_extent_init (extent);
  for (guint i = 0; i < companies->len; i++)
    {
      Row row = { g_ptr_array_index (companies, i) };

      row.color = _br_chart_company_color (ctx, row.company);
      row.entries = collect_entries (ctx, row.company);
      /* each row is named in the company's colour: a slide needs no legend */
      if (row.entries->len > 0)
        {
          _br_legend_add (ctx->legend, row.company->id, br_company_get_name (row.company, ctx->lang),
                          &row.color, FALSE);
          _br_legend_set_direct (ctx->legend);
        }
      if (row.entries->len == 0)
        g_ptr_array_add (ctx->missing, (gpointer)row.company);
      if (row.entries->len == 0 || _br_chart_hidden (ctx, row.company->id))
        {
          row_clear (&row);
          continue;
        }

      for (guint j = 0; j < row.entries->len; j++)
        {
          const BrConcentration *c = g_ptr_array_index (row.entries, j);

          _br_extent_add_period (extent, c->period);
        }
      g_array_append_val (rows, row);
    }

  return ctx->legend->len;
}

/* Whether @a and @b are the same period of different companies: of one kind, ending
 * within ten days (52/53-week years) */
static gboolean
same_period (const BrPeriod *a,
             const BrPeriod *b)
{
  return a->kind == b->kind &&
         ABS ((gint64)g_date_get_julian (&a->end) - (gint64)g_date_get_julian (&b->end)) <= 10;
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const BrPeriod *pa = *(const BrPeriod **)a, *pb = *(const BrPeriod **)b;
  int by_end = g_date_compare (&pa->end, &pb->end);

  return by_end != 0 ? by_end : (int)pa->kind - (int)pb->kind;
}

/* The columns: every period some row has, in time order; a column holds one period */
static GPtrArray *
collect_columns (GArray *rows)
{
  GPtrArray *columns = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      for (guint j = 0; j < row->entries->len; j++)
        {
          const BrConcentration *c = g_ptr_array_index (row->entries, j);
          gboolean known = FALSE;

          for (guint k = 0; k < columns->len && !known; k++)
            known = same_period (g_ptr_array_index (columns, k), c->period);
          if (!known)
            g_ptr_array_add (columns, (gpointer)c->period);
        }
    }
  g_ptr_array_sort (columns, compare_periods);

  return columns;
}

static const BrConcentration *
entry_for (const Row      *row,
           const BrPeriod *column)
{
  for (guint j = 0; j < row->entries->len; j++)
    {
      const BrConcentration *c = g_ptr_array_index (row->entries, j);

      if (same_period (c->period, column))
        return c;
    }

  return NULL;
}

/* An empty slot: "n/a" where the ring would be, and the column's period under it */
static void
empty_slot (BrChartContext *ctx,
            const BrPeriod *column,
            double          cx,
            double          cy,
            double          r)
{
  _br_text_draw (ctx, _("n/a"), cx, cy, r * 2,
                 &(BrTextStyle) { ctx->em, TEXT_CENTER | TEXT_MIDDLE,
                                  &ctx->palette.secondary, "label" });
  _br_text_draw (ctx, br_period_get_label (column, ctx->lang), cx, cy + r + ctx->em * 0.3,
                 r * 2.4,
                 &(BrTextStyle) { ctx->options->slide ? ctx->em * 0.75 : ctx->em * 0.85,
                                  TEXT_CENTER, &ctx->palette.secondary, "label" });
}

/* Step 4: small multiples, a row per company, a column per period, so that a column is
 * one period for every company; the same radius for all */
static void
plot (BrChartContext *ctx,
      GArray         *rows)
{
  g_autoptr(GPtrArray) columns = collect_columns (rows);
  double name_width = 0, cell_w, cell_h, r;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double w;

      _br_text_measure (ctx, br_company_get_name (row->company, ctx->lang), ctx->em, TEXT_BOLD,
                        &w, NULL);
      name_width = MAX (name_width, w);
    }
  name_width = MIN (name_width, (ctx->px1 - ctx->px0) * 0.22);

  ctx->px0 += name_width + ctx->em;
  cell_w = (ctx->px1 - ctx->px0) / MAX (columns->len, 1);
  cell_h = (ctx->py1 - ctx->py0) / rows->len;
  r = MAX (4, MIN (cell_w * 0.42, (cell_h - ctx->em * 1.6) * 0.46));

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double cy = ctx->py0 + cell_h * i + (cell_h - ctx->em * 1.4) / 2;

      _br_text_draw (ctx, br_company_get_name (row->company, ctx->lang), ctx->pad, cy, name_width,
                     &(BrTextStyle) { ctx->em, TEXT_MIDDLE | TEXT_BOLD, &row->color, "label" });

      for (guint j = 0; j < columns->len; j++)
        {
          const BrConcentration *c = entry_for (row, g_ptr_array_index (columns, j));
          double cx = ctx->px0 + cell_w * (j + 0.5);

          if (c != NULL)
            draw_donut (ctx, row, c, cx, cy, r);
          else
            empty_slot (ctx, g_ptr_array_index (columns, j), cx, cy, r);
        }
    }
}

static gboolean
draws_bound (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      for (guint j = 0; j < row->entries->len; j++)
        if (((const BrConcentration *)g_ptr_array_index (row->entries, j))->bound != BR_BOUND_EXACT)
          return TRUE;
    }

  return FALSE;
}

void
_br_chart_draw_customers (BrChartContext *ctx)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GString) note = NULL;
  g_autofree char *subtitle = NULL;
  BrExtent extent;
  guint n_with_shares;

  g_array_set_clear_func (rows, row_clear);
  n_with_shares = collect_rows (ctx, rows, &extent);

  subtitle = _br_chart_period_subtitle (ctx, &extent,
                                        _("share of revenue from the five largest customers"));
  _br_chart_frame (ctx, _("Customer concentration"), subtitle, 3);

  if (rows->len == 0)
    {
      _br_chart_empty (ctx, n_with_shares == 0
                              ? _("The dataset has no customer concentration for the companies "
                                  "and periods chosen.")
                              : _("Every company is hidden; click one in the legend to show it."));
      return;
    }

  plot (ctx, rows);
  note = g_string_new (draws_bound (rows)
                         ? _("Coloured: the five largest customers; grey: all others. "
                             "“>” and “≥” mark shares the filing gives only as a bound; "
                             "hatched, the part it leaves open.")
                         : _("Coloured: the five largest customers; grey: all others."));
  /* TRANSLATORS: a footnote's end: the companies selected that have no figure to draw */
  _br_chart_note_missing (ctx, note, _("No customer concentration in the range for: %s."));
  _br_chart_footnote (ctx, note->str);
  describe (ctx, rows);
}
