/* br-chart-customers.c: customer concentration, a bar per company and period on one
 * scale from 0 to 100 %
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"

/* the least height of a row, in ems: a line of text */
#define MIN_ROW 1.25

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
lighter (const BrRgb *color,
         double       t)
{
  BrRgb out = { color->r + (1 - color->r) * t, color->g + (1 - color->g) * t,
                color->b + (1 - color->b) * t };

  return out;
}

/* The shade of the @index-th (from 1) of @n named customers: lighter by steps of 18 %
 * towards white, the lightest no lighter than keeps 3:1 against the background (WCAG
 * for marks); a gap in the background's colour tells segments of close shades apart */
static BrRgb
shade (BrChartContext *ctx,
       const BrRgb    *color,
       guint           index,
       guint           n)
{
  double reach = 0.18 * n;

  for (BrRgb c = lighter (color, reach);
       reach > 0 && _br_rgb_contrast (&c, &ctx->palette.background) < 3;
       c = lighter (color, reach))
    reach = MAX (0, reach - 0.01);

  return lighter (color, reach * index / n);
}

/* A row's bar: where the shared scale runs across (0 % to 100 %), the bar's top and
 * its height */
typedef struct
{
  double x0, x1;
  double y, h;
} Track;

static double
at_share (const Track *t,
          double       share)
{
  return t->x0 + (t->x1 - t->x0) * CLAMP (share, 0, 100) / 100.;
}

/* The part of a row's bar between two shares: its left and right, top and height */
typedef struct
{
  double x0, x1;
  double y, h;
} Span;

static Span
span (const Track *t,
      double       from,
      double       to)
{
  return (Span) { at_share (t, from), at_share (t, to), t->y, t->h };
}

static void
add_bar_mark (BrChartContext        *ctx,
              const Row             *row,
              const BrConcentration *c,
              BrSeries               series,
              const char            *name,
              double                 value,
              const Span            *s)
{
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
    .x = (s->x0 + s->x1) / 2, .y = s->y + s->h / 2,
    .x0 = s->x0, .y0 = s->y, .x1 = s->x1, .y1 = s->y + s->h,
  };
  BrShape shape = { SHAPE_RECT, .rx = s->x0, .ry = s->y, .rw = s->x1 - s->x0, .rh = s->h };

  _br_chart_layout_add_mark (ctx->layout, &mark, &shape);
}

static void
fill_span (BrChartContext *ctx,
           const BrRgb    *color,
           const Span     *s)
{
  _br_set_rgb (ctx->cr, color);
  cairo_rectangle (ctx->cr, s->x0, s->y, s->x1 - s->x0, s->h);
  cairo_fill (ctx->cr);
}

/* Diagonal stripes in @color across @s, outlined: what a bound leaves open */
static void
hatch_span (BrChartContext *ctx,
            const BrRgb    *color,
            const Span     *s)
{
  cairo_t *cr = ctx->cr;
  double step = MAX (4, s->h / 3), line = MAX (1, ctx->em / 14);

  cairo_save (cr);
  cairo_rectangle (cr, s->x0, s->y, s->x1 - s->x0, s->h);
  cairo_clip (cr);
  _br_set_rgb (cr, color);
  cairo_set_line_width (cr, MAX (1.5, step / 2.5));
  for (double d = s->x0 - s->h; d < s->x1 + step; d += step)
    {
      cairo_move_to (cr, d, s->y + s->h);
      cairo_line_to (cr, d + s->h, s->y);
    }
  cairo_stroke (cr);
  /* inside the clip, so the outline keeps to the bar's box */
  cairo_set_line_width (cr, 2 * line);
  cairo_rectangle (cr, s->x0, s->y, s->x1 - s->x0, s->h);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A thin gap in the background's colour at @share: segments read apart in print */
static void
separate (BrChartContext *ctx,
          const Track    *t,
          double          share)
{
  double w = MAX (1, round (ctx->em / 14));
  /* on whole pixels, so that antialiasing does not blend it into the segments */
  double x = round (at_share (t, share) - w / 2) + w / 2;

  _br_set_rgb (ctx->cr, &ctx->palette.background);
  cairo_set_line_width (ctx->cr, w);
  cairo_move_to (ctx->cr, x, t->y);
  cairo_line_to (ctx->cr, x, t->y + t->h);
  cairo_stroke (ctx->cr);
}

/* One period's bar from 0 %: the customers the filing names, largest first, in lighter
 * shades of the company's colour, then the rest of the top five in its colour. All other
 * customers fill the bar to 100 % in grey, named, with their own share in its tooltip.
 * Where the filing gives the top five only as a bound ("> 89 %") the rest is not known:
 * it is left open, hatched in the company's colour, and its tooltip says "at most". */
static void
draw_bar (BrChartContext        *ctx,
          const Row             *row,
          const BrConcentration *c,
          const Track           *t)
{
  const char *rest = c->bound == BR_BOUND_EXACT ? _("all other customers")
                                                 : _("all other customers, at most");
  Span others = span (t, c->top5_share, 100), top5 = span (t, 0, c->top5_share), unnamed;
  double named = 0;

  if (c->bound == BR_BOUND_EXACT)
    fill_span (ctx, &ctx->palette.rest, &others);
  else
    hatch_span (ctx, &row->color, &others);

  fill_span (ctx, &row->color, &top5);
  for (guint i = 0; i < c->n_customers; i++)
    {
      BrRgb color = shade (ctx, &row->color, i + 1, c->n_customers);
      Span customer = span (t, named, named + c->customers[i].share);

      fill_span (ctx, &color, &customer);
      add_bar_mark (ctx, row, c, BR_SERIES_CUSTOMER, br_text_get (&c->customers[i].name, ctx->lang),
                    c->customers[i].share, &customer);
      named += c->customers[i].share;
    }
  /* after every fill, so that none covers a gap's edge */
  named = 0;
  for (guint i = 0; i < c->n_customers; i++)
    {
      named += c->customers[i].share;
      separate (ctx, t, named);
    }
  unnamed = span (t, named, c->top5_share);
  add_bar_mark (ctx, row, c, BR_SERIES_TOP5, NULL, c->top5_share, &unnamed);

  if (c->top5_share < 100)
    {
      add_bar_mark (ctx, row, c, BR_SERIES_CUSTOMER, _br_chart_layout_intern (ctx->layout, rest),
                    100 - c->top5_share, &others);
      separate (ctx, t, c->top5_share);
    }
}

static void
describe_row (BrChartContext *ctx,
              gconstpointer   series,
              GString        *d)
{
  const Row *row = series;

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
          _br_legend_set_style (ctx->legend,
                                br_chart_company_line_style (ctx->dataset, row.company));
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

/* Adds @period to @columns unless a column holds it already */
static void
add_column (GPtrArray      *columns,
            const BrPeriod *period)
{
  for (guint k = 0; k < columns->len; k++)
    if (same_period (g_ptr_array_index (columns, k), period))
      return;

  g_ptr_array_add (columns, (gpointer)period);
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

          add_column (columns, c->period);
        }
    }
  g_ptr_array_sort (columns, compare_periods);

  return columns;
}

/**
 * _br_chart_customers_capacity:
 * @companies: (element-type BrCompany): the companies selected
 * @room: the height the rows may take
 *
 * Returns: how many companies' rows fit in @room legibly: a row for each period any of
 *   them has in range, each row at least a line of text high (1.25 em, as the end labels
 *   of lines), and half a row between companies
 */
guint
_br_chart_customers_capacity (BrChartContext *ctx,
                              GPtrArray      *companies,
                              double          room)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  double row = MAX (ctx->em, _br_text_min (ctx)) * MIN_ROW;

  for (guint i = 0; i < companies->len; i++)
    {
      const BrCompany *company = g_ptr_array_index (companies, i);

      for (guint j = 0; j < company->n_concentrations; j++)
        {
          const BrConcentration *c = &company->concentrations[j];

          if (_br_chart_in_range (ctx, &c->period->start, &c->period->end))
            add_column (columns, c->period);
        }
    }

  return (guint)MAX (1, (room / row + 0.5) / (MAX (columns->len, 1) + 0.5));
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

/* Type sizes: the shares are the point of the chart and the largest numbers on it; on a
 * slide periods and the scale step back for them, as tick labels do elsewhere */
typedef struct
{
  double value, label, tick;
} Sizes;

static void
sizes_for (BrChartContext *ctx,
           double          row_height,
           Sizes          *sizes)
{
  gboolean slide = ctx->options->slide;

  sizes->value = MIN (ctx->em, row_height * 0.8);
  sizes->label = MIN (slide ? MIN (ctx->em * 0.75, sizes->value * 0.85) : ctx->em * 0.85,
                      row_height * 0.8);
  sizes->tick = slide ? MIN (ctx->em * 0.75, sizes->value * 0.85) : ctx->em * 0.85;
}

static double
widest (BrChartContext *ctx,
        GPtrArray      *texts,
        double          size,
        TextFlags       flags)
{
  double width = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      double w;

      _br_text_measure (ctx, g_ptr_array_index (texts, i), size, flags, &w, NULL);
      width = MAX (width, w);
    }

  return width;
}

/* The shared scale: a line at 0, 25, 50, 75 and 100 % down all rows, labelled below */
static void
draw_scale (BrChartContext *ctx,
            const Track    *t,
            double          top,
            double          bottom,
            double          size)
{
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  for (int share = 0; share <= 100; share += 25)
    {
      double x = round (at_share (t, share)) + 0.5;
      g_autofree char *label = _br_format_percent (share, 0);

      _br_set_rgb (cr, share == 0 ? &ctx->palette.axis : &ctx->palette.grid);
      cairo_set_line_width (cr, share == 0 ? MAX (1.5, ctx->em / 9) : MAX (1, ctx->em / 18));
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      _br_text_draw (ctx, label, x, bottom + ctx->em * 0.3, 0,
                     &(BrTextStyle) { size, TEXT_CENTER, &ctx->palette.secondary, "tick" });
    }
  cairo_restore (cr);
}

/* Step 4's columns: the company's name, each row's period, the scale, each row's share */
typedef struct
{
  double name_x, name_width;
  double period_x;      /* right edge of the periods */
  double value_x;       /* left edge of the shares */
  double row_height, group_gap;
  Sizes  sizes;
} Grid;

static void
grid_for (BrChartContext *ctx,
          GArray         *rows,
          GPtrArray      *columns,
          Grid           *grid,
          Track          *t)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) periods = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  double n_rows = rows->len * columns->len + 0.5 * (rows->len - 1), room;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      g_ptr_array_add (names, (gpointer)br_company_get_name (row->company, ctx->lang));
      for (guint j = 0; j < row->entries->len; j++)
        g_ptr_array_add (values, share_text (g_ptr_array_index (row->entries, j)));
    }
  g_ptr_array_add (values, g_strdup (_("n/a")));
  for (guint j = 0; j < columns->len; j++)
    g_ptr_array_add (periods, (gpointer)br_period_get_label (g_ptr_array_index (columns, j),
                                                             ctx->lang));

  sizes_for (ctx, G_MAXDOUBLE, &grid->sizes);
  room = ctx->py1 - ctx->py0 - grid->sizes.tick * 1.3 - ctx->em * 0.3;
  grid->row_height = MIN (room / n_rows, ctx->em * 3.4);
  grid->group_gap = grid->row_height * 0.5;
  sizes_for (ctx, grid->row_height, &grid->sizes);

  grid->name_x = ctx->px0;
  grid->name_width = MIN (widest (ctx, names, ctx->em, TEXT_BOLD), (ctx->px1 - ctx->px0) * 0.22);
  grid->period_x = grid->name_x + grid->name_width + ctx->em +
                   widest (ctx, periods, grid->sizes.label, 0);
  t->x0 = grid->period_x + ctx->em * 0.6;
  t->x1 = ctx->px1 - widest (ctx, values, grid->sizes.value, TEXT_BOLD) - ctx->em * 0.6;
  grid->value_x = t->x1 + ctx->em * 0.6;
  t->h = MAX (3, MIN (grid->row_height * 0.6, ctx->em * 1.5));
}

/* Step 4: a row per company and period on one scale from 0 to 100 %, each company's rows
 * in the same periods, in time order; "n/a" where a company has no share for one */
static void
plot (BrChartContext *ctx,
      GArray         *rows)
{
  g_autoptr(GPtrArray) columns = collect_columns (rows);
  double y = ctx->py0;
  Track t;
  Grid grid;

  grid_for (ctx, rows, columns, &grid, &t);
  /* the scale under the bars */
  draw_scale (ctx, &t, ctx->py0,
              ctx->py0 + rows->len * (columns->len * grid.row_height + grid.group_gap) -
                grid.group_gap, grid.sizes.tick);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double top = y;

      for (guint j = 0; j < columns->len; j++, y += grid.row_height)
        {
          const BrConcentration *c = entry_for (row, g_ptr_array_index (columns, j));
          double middle = y + grid.row_height / 2;
          g_autofree char *share = c != NULL ? share_text (c) : NULL;

          _br_text_draw (ctx, br_period_get_label (g_ptr_array_index (columns, j), ctx->lang),
                         grid.period_x, middle, 0,
                         &(BrTextStyle) { grid.sizes.label, TEXT_RIGHT | TEXT_MIDDLE,
                                          &ctx->palette.secondary, "label" });
          if (c == NULL)
            {
              _br_text_draw (ctx, _("n/a"), grid.value_x, middle, 0,
                             &(BrTextStyle) { grid.sizes.label, TEXT_MIDDLE,
                                              &ctx->palette.secondary, "label" });
              continue;
            }
          t.y = middle - t.h / 2;
          draw_bar (ctx, row, c, &t);
          _br_text_draw (ctx, share, grid.value_x, middle, 0,
                         &(BrTextStyle) { grid.sizes.value, TEXT_MIDDLE | TEXT_BOLD,
                                          &ctx->palette.text, "value" });
        }
      _br_text_draw (ctx, br_company_get_name (row->company, ctx->lang), grid.name_x,
                     (top + y) / 2, grid.name_width,
                     &(BrTextStyle) { MIN (ctx->em, MAX (grid.sizes.label, y - top)),
                                      TEXT_MIDDLE | TEXT_BOLD, &row->color, "label" });
      y += grid.group_gap;
    }
}

static gboolean
names_customers (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      for (guint j = 0; j < row->entries->len; j++)
        if (((const BrConcentration *)g_ptr_array_index (row->entries, j))->n_customers > 0)
          return TRUE;
    }

  return FALSE;
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
  if (names_customers (rows))
    g_string_append_printf (note, " %s",
                            _("Lighter segments: the customers the filing names, largest first."));
  _br_chart_note_missing (ctx, note, _("No customer concentration in the range for: %s."));
  _br_chart_footnote (ctx, note->str);
  _br_chart_describe (ctx, rows, describe_row);
}
