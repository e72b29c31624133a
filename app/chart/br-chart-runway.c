/* br-chart-runway.c: cash over time, reported and projected under a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"

#define FOOTNOTE _("Projection, not a forecast: it repeats the assumptions above (‡ the " \
                   "two-year trend, capped; † assumed, no figures to take a trend from). Burn " \
                   "is −(operating cash flow − capex), or net loss where no cash flow is " \
                   "reported; months at trailing-year burn. Only raises in the dataset count; " \
                   "the line stops a year past break-even.")
/* TRANSLATORS: the runway slide's footnote; its notes give each company's assumptions */
#define FOOTNOTE_SLIDE _("Projection, not a forecast, on the assumptions in the notes (‡ " \
                         "two-year trend, capped; † assumed). Burn is −(operating cash flow − " \
                         "capex), or net loss where no cash flow is reported; months at " \
                         "trailing-year burn. Only raises in the dataset count.")

#define PROJECTION_KEY "projection"
/* end labels a slide's plot (55 % of 1080 px) holds at its type size, with room to spare */
#define MAX_NAMED 8

typedef struct
{
  const BrCompany *company;
  BrRgb            color;
  BrRunway        *runway;
  gboolean         hidden;
  BrLineStyle      style;
  int              last_quarter;  /* the last projected quarter drawn, or −1 */
  char            *end_text;      /* "Moore Threads · 17 months" */
  char            *end_value;     /* "17 months", which a slide sets under the name */
} Series;

static void
series_clear (gpointer data)
{
  Series *series = data;

  g_clear_pointer (&series->runway, br_runway_free);
  g_clear_pointer (&series->end_text, g_free);
  g_clear_pointer (&series->end_value, g_free);
}

static const BrSource *
projection_source (const Series *s)
{
  const BrRunwayPoint *latest = br_runway_latest (s->runway);

  return latest != NULL ? latest->cash_figure->source : NULL;
}

/* "IPO 75.8亿": a raise's label and amount, short enough to sit on the chart */
static char *
raise_text (BrChartContext      *ctx,
            const BrRunwayRaise *r)
{
  const char *label = br_text_get (&r->raise->label, ctx->lang);
  g_autofree char *number = _br_format_number (r->amount, r->amount >= 100 ? 0 : 1, FALSE);
  const BrUnit *unit = &ctx->options->unit;

  if (label == NULL || *label == '\0')
    label = br_raise_kind_to_string (r->raise->kind);
  if (unit->scale == BR_SCALE_YI && g_str_equal (unit->currency.code, "CNY"))
    return g_strdup_printf ("%s %s亿", label, number);
  return g_strdup_printf ("%s %s", label, number);
}

static char *
quarter_text (BrChartContext *ctx,
              const GDate    *end)
{
  int year = g_date_get_year (end), quarter = (g_date_get_month (end) - 1) / 3 + 1;

  /* TRANSLATORS: a calendar quarter, "Q3 2027" */
  return g_strdup_printf (_("Q%d %d"), quarter, year);
}

static guint
add_mark (BrChartContext  *ctx,
          const Series    *s,
          BrChartMark     *mark,
          double           hit)
{
  BrShape shape = { SHAPE_POINT, mark->x, mark->y, 0, hit, .ring = hit * 0.9 };

  mark->company = s->company;
  mark->unit = ctx->options->unit;
  mark->x0 = mark->x - hit;
  mark->x1 = mark->x + hit;
  mark->y0 = mark->y - hit;
  mark->y1 = mark->y + hit;
  return _br_chart_layout_add_mark (ctx->layout, mark, &shape);
}

/* Cash, and at the same spot the trailing burn and the months it lasts, for the table. */
/* The source of the burn that ends with @period: its cash flow or its net income. */
static const BrSource *
burn_source (const BrRunway *runway,
             const BrPeriod *period)
{
  for (guint i = 0; i < runway->n_burns; i++)
    if (runway->burns[i].period == period)
      return runway->burns[i].source;

  return NULL;
}

static void
add_point_marks (BrChartContext      *ctx,
                 const Series        *s,
                 const BrRunwayPoint *p,
                 double               x,
                 double               y,
                 double               hit)
{
  const char *burn_name = NULL;
  BrChartMark cash = {
    .series = BR_SERIES_CASH, .period = p->cash_figure->period, .date = p->date,
    .value = p->cash, .source = p->cash_figure->source, .status = p->cash_figure->status,
    .name = p->cash_figure->liquid_investments ? _("incl. short-term investments") : NULL,
    .note = br_text_get (&p->cash_figure->note, ctx->lang),
    .x = x, .y = y,
  };

  add_mark (ctx, s, &cash, hit);
  if (cash.status == BR_STATUS_FLASH)
    _br_line_flash_mark (ctx, x + hit * 0.4, y - hit * 0.4, &s->color);
  if (!p->has_burn_ttm)
    return;

  if (p->basis == BR_BURN_NET_LOSS_PROXY)
    burn_name = p->annualised ? _("net loss as proxy, annualised") : _("net loss as proxy");
  else if (p->annualised)
    burn_name = _("annualised");

  {
    BrChartMark burn = cash, months = cash;

    burn.series = BR_SERIES_BURN_TTM;
    burn.value = p->burn_ttm;
    burn.source = burn_source (s->runway, p->cash_figure->period);
    if (burn.source == NULL)
      burn.source = cash.source;
    burn.name = burn_name;
    add_mark (ctx, s, &burn, 0);
    if (!p->burning)
      return;
    months.series = BR_SERIES_RUNWAY_MONTHS;
    months.value = p->runway_months;
    months.name = burn_name;
    add_mark (ctx, s, &months, 0);
  }
}

static void
draw_reported (BrChartContext *ctx,
               const BrAxes   *axes,
               const Series   *s)
{
  cairo_t *cr = ctx->cr;
  const BrRunway *runway = s->runway;
  double r = _br_line_marker_radius (ctx), hit = _br_line_marker_hit (ctx);

  cairo_save (cr);
  _br_set_rgb (cr, &s->color);
  cairo_set_line_width (cr, MAX (2, ctx->em * 0.16));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  br_chart_set_line_style (cr, s->style, MAX (2, ctx->em * 0.16));
  for (guint i = 0; i < runway->n_points; i++)
    {
      const BrRunwayPoint *p = &runway->points[i];
      double x = _br_axis_map_date (&axes->x, &p->date), y = _br_axis_map (&axes->y, p->cash);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < runway->n_points; i++)
    {
      const BrRunwayPoint *p = &runway->points[i];
      double x = _br_axis_map_date (&axes->x, &p->date), y = _br_axis_map (&axes->y, p->cash);

      _br_line_marker (ctx, x, y, r, &s->color, p->cash_figure->liquid_investments, FALSE);
      add_point_marks (ctx, s, p, x, y, hit);
    }
  cairo_restore (cr);
}

/* Cash a fraction @f into quarter @q, before any raise in it. */
static double
cash_within (const BrRunway *runway,
             int             q,
             double          f)
{
  double before = q == 0 ? br_runway_latest (runway)->cash : runway->quarters[q - 1].cash;

  return before + runway->quarters[q].cash_flow * f;
}

static double
fraction_of (const BrProjectedQuarter *q,
             const GDate              *date)
{
  double days = g_date_days_between (&q->start, &q->end) + 1;

  return CLAMP ((g_date_days_between (&q->start, date) + 1) / days, 0, 1);
}

/* The dashed path: quarter ends, a vertical step where a raise lands, and an end where
 * cash reaches zero. */
static void
projected_path (BrChartContext *ctx,
                const BrAxes   *axes,
                Series         *s)
{
  const BrRunway *runway = s->runway;
  const BrRunwayPoint *start = br_runway_latest (runway);
  cairo_t *cr = ctx->cr;

  cairo_move_to (cr, _br_axis_map_date (&axes->x, &start->date), _br_axis_map (&axes->y, start->cash));
  for (int q = 0; q <= s->last_quarter; q++)
    {
      const BrProjectedQuarter *pq = &runway->quarters[q];

      for (guint i = 0; i < runway->n_raises; i++)
        {
          const BrRunwayRaise *r = &runway->raises[i];
          double before;

          if (g_date_compare (&r->raise->date, &pq->start) < 0 ||
              g_date_compare (&r->raise->date, &pq->end) > 0)
            continue;
          before = cash_within (runway, q, fraction_of (pq, &r->raise->date));
          cairo_line_to (cr, _br_axis_map_date (&axes->x, &r->raise->date),
                         _br_axis_map (&axes->y, MAX (before, 0)));
          cairo_rel_line_to (cr, 0, _br_axis_map (&axes->y, before + r->amount) -
                                    _br_axis_map (&axes->y, before));
        }

      if (q == runway->runs_out)
        {
          double before = q == 0 ? start->cash : runway->quarters[q - 1].cash;
          double f = CLAMP ((before + pq->raised) / (before + pq->raised - pq->cash), 0, 1);
          double x0 = _br_axis_map_date (&axes->x, &pq->start) ;
          double x1 = _br_axis_map_date (&axes->x, &pq->end);

          cairo_line_to (cr, x0 + (x1 - x0) * f, _br_axis_map (&axes->y, 0));
          return;
        }
      cairo_line_to (cr, _br_axis_map_date (&axes->x, &pq->end), _br_axis_map (&axes->y, pq->cash));
    }
}

/* One company's assumptions: "Moore Threads: revenue +100%‡, cost −4%, margin 50%†"; "*"
 * is the flash figures' mark on every chart */
static void
append_assumptions (GString        *text,
                    BrChartContext *ctx,
                    const Series   *s,
                    gboolean        with_name)
{
  const BrRunway *runway = s->runway;
  const BrScenario *sc = &runway->scenario;
  const double values[] = { sc->revenue_growth, sc->cost_growth, sc->gross_margin };
  const guint fields[] = { BR_SCENARIO_REVENUE_GROWTH, BR_SCENARIO_COST_GROWTH,
                           BR_SCENARIO_GROSS_MARGIN };
  const char *names[] = { _("revenue"), _("cost"), _("gross margin") };

  if (with_name)
    g_string_append_printf (text, "%s ", br_company_get_name (s->company, ctx->lang));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *number = _br_format_number (values[i], 0, i < 2);
      const char *mark = "";

      if (!(sc->set & fields[i]))
        mark = (runway->capped & fields[i]) ? "‡" : (runway->no_trend & fields[i]) ? "†" : "";
      g_string_append_printf (text, "%s%s %s%%%s", i > 0 ? ", " : "", names[i], number, mark);
    }
}

static void
draw_projected (BrChartContext *ctx,
                const BrAxes   *axes,
                Series         *s)
{
  cairo_t *cr = ctx->cr;
  double dash[] = { ctx->em * 0.5, ctx->em * 0.35 };
  double hit = MAX (ctx->em * 0.45, 7);
  const BrSource *source = projection_source (s);
  g_autoptr(GString) assumptions = g_string_new (NULL);
  const char *name;

  /* what produced each projected value, for its tooltip and its table row */
  append_assumptions (assumptions, ctx, s, FALSE);
  name = _br_chart_layout_intern (ctx->layout, assumptions->str);

  cairo_save (cr);
  _br_set_rgba (cr, &s->color, 0.75);
  cairo_set_line_width (cr, MAX (1.5, ctx->em * 0.11));
  cairo_set_dash (cr, dash, 2, 0);
  projected_path (ctx, axes, s);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (int q = 0; q <= s->last_quarter; q++)
    {
      const BrProjectedQuarter *pq = &s->runway->quarters[q];
      BrChartMark mark = {
        .series = BR_SERIES_PROJECTED_CASH, .date = pq->end, .value = MAX (pq->cash, 0),
        .source = source, .status = BR_STATUS_PROJECTION, .name = name,
        .x = _br_axis_map_date (&axes->x, &pq->end),
        .y = _br_axis_map (&axes->y, MAX (pq->cash, 0)),
      };

      if (q == s->runway->runs_out)
        continue;
      add_mark (ctx, s, &mark, hit);
    }
}

/* Whether a label of @anchor there would stay in the plot and touch other text or a
 * mark that answers hits. */
static gboolean
boxes_clear (BrChartContext    *ctx,
             const BrChartMark *anchor,
             double x0, double y0, double x1, double y1)
{
  if (x0 < ctx->px0 || x1 > ctx->width - ctx->pad || y0 < ctx->py0 - ctx->em * 0.3 ||
      y1 > ctx->py1)
    return FALSE;

  /* the dashed line may pass under a label; the labelled point itself is its anchor */
  return _br_chart_layout_label_clear (ctx->layout, x0, y0, x1, y1, 3, BR_SERIES_PROJECTED_CASH,
                                       anchor);
}

/* A small label near @anchor's point, above, below or to either side, where it touches
 * nothing; left to the tooltip where it fits nowhere, and on a slide to its notes. */
static void
place_label (BrChartContext    *ctx,
             const char        *text,
             const BrChartMark *anchor,
             const BrRgb       *color)
{
  double x = anchor->x, y = anchor->y;
  double size = ctx->em * 0.72, w, h, gap = ctx->em * 0.55;
  double tries[][2] = { { -0.5, -1 }, { -0.5, 0 }, { 0, -1 }, { -1, -1 }, { 0, 0 }, { -1, 0 } };

  _br_text_measure (ctx, text, size, 0, &w, &h);
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      double left = x + tries[i][0] * w + (tries[i][0] == 0 ? gap : tries[i][0] < -0.9 ? -gap : 0);
      double top = tries[i][1] < 0 ? y - gap - h : y + gap;

      if (!boxes_clear (ctx, anchor, left, top, left + w, top + h))
        continue;
      _br_text_draw (ctx, text, left, top, 0, &(BrTextStyle) { size, 0, color, "label" });
      return;
    }

  _br_chart_layout_leave_out (ctx->layout, text);
}

static void
event_mark (BrChartContext *ctx,
            const Series   *s,
            const GDate    *date,
            double          cash,
            const char     *name,
            const BrSource *source,
            double          x,
            double          y,
            gboolean        diamond)
{
  double r = MAX (4, ctx->em * 0.38);
  BrChartMark mark = {
    .series = BR_SERIES_RUNWAY_EVENT, .date = *date, .value = cash, .source = source,
    .status = BR_STATUS_PROJECTION, .name = _br_chart_layout_intern (ctx->layout, name),
    .x = x, .y = y,
  };

  _br_line_marker (ctx, x, y, r, &s->color, !diamond, diamond);
  add_mark (ctx, s, &mark, MAX (r * 2, 9));
}

static void
draw_events (BrChartContext *ctx,
             const BrAxes   *axes,
             const Series   *s)
{
  const BrRunway *runway = s->runway;

  if (runway->runs_out >= 0 && runway->runs_out <= s->last_quarter)
    {
      const BrProjectedQuarter *q = &runway->quarters[runway->runs_out];
      g_autofree char *when = quarter_text (ctx, &q->end);
      /* TRANSLATORS: where projected cash reaches zero, "cash runs out, Q3 2027" */
      g_autofree char *name = g_strdup_printf (_("cash runs out, %s"), when);
      double x = _br_axis_map_date (&axes->x, &q->start) +
                 (_br_axis_map_date (&axes->x, &q->end) - _br_axis_map_date (&axes->x, &q->start)) / 2;

      event_mark (ctx, s, &q->end, 0, name, projection_source (s), x,
                  _br_axis_map (&axes->y, 0), FALSE);
    }

  if (runway->break_even >= 0 && runway->break_even <= s->last_quarter)
    {
      const BrProjectedQuarter *q = &runway->quarters[runway->break_even];
      g_autofree char *when = quarter_text (ctx, &q->end);
      /* TRANSLATORS: the first projected quarter whose cash flow is not negative */
      g_autofree char *name = g_strdup_printf (_("break-even, %s"), when);

      event_mark (ctx, s, &q->end, q->cash, name, projection_source (s),
                  _br_axis_map_date (&axes->x, &q->end), _br_axis_map (&axes->y, MAX (q->cash, 0)),
                  TRUE);
    }
}

/* Management's word, at the start of the year it names, on the projected line. */
static void
draw_guidance (BrChartContext *ctx,
               const BrAxes   *axes,
               const Series   *s)
{
  const BrRunway *runway = s->runway;

  for (guint i = 0; i < s->company->n_guidance; i++)
    {
      const BrGuidance *g = &s->company->guidance[i];
      g_autofree char *name = NULL;
      GDate date;
      double cash = 0;
      gboolean found = FALSE;

      if (g->target_year == 0 || s->last_quarter < 0)
        continue;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, g->target_year);
      for (int q = 0; q <= s->last_quarter && !found; q++)
        {
          if (g_date_compare (&date, &runway->quarters[q].end) <= 0 &&
              g_date_compare (&date, &runway->quarters[q].start) >= 0)
            {
              cash = MAX (cash_within (runway, q, fraction_of (&runway->quarters[q], &date)), 0);
              found = TRUE;
            }
        }
      if (!found)
        continue;

      /* TRANSLATORS: management's guidance as the dataset words it */
      name = g_strdup_printf (_("guidance: %s"), br_text_get (&g->text, ctx->lang));
      {
        double x = _br_axis_map_date (&axes->x, &date), y = _br_axis_map (&axes->y, cash);
        BrChartMark mark = {
          .series = BR_SERIES_RUNWAY_EVENT, .date = g->date, .value = cash, .source = g->source,
          .status = BR_STATUS_PROJECTION, .name = _br_chart_layout_intern (ctx->layout, name),
          .x = x, .y = y,
        };
        double r = MAX (3.5, ctx->em * 0.3);

        cairo_save (ctx->cr);
        _br_set_rgb (ctx->cr, &s->color);
        cairo_set_line_width (ctx->cr, MAX (1, ctx->em * 0.08));
        cairo_move_to (ctx->cr, x, y);
        cairo_line_to (ctx->cr, x, y - ctx->em * 1.1);
        cairo_stroke (ctx->cr);
        _br_chart_marker (ctx->cr, x, y - ctx->em * 1.1, r, FALSE, TRUE);
        cairo_restore (ctx->cr);
        mark.y = y - ctx->em * 1.1;
        add_mark (ctx, s, &mark, MAX (r * 2.2, 9));
      }
    }
}

/* Each raise: a step in the projected line when it lands there, else a stem from the
 * axis up to its amount. Its estimate of cash after it goes to the table. */
static void
draw_raises (BrChartContext *ctx,
             const BrAxes   *axes,
             Series         *s,
             GArray         *labels)
{
  const BrRunway *runway = s->runway;
  const BrRunwayPoint *latest = br_runway_latest (runway);
  double r = MAX (3.5, ctx->em * 0.3);

  for (guint i = 0; i < runway->n_raises; i++)
    {
      const BrRunwayRaise *raise = &runway->raises[i];
      double x = _br_axis_map_date (&axes->x, &raise->raise->date), top;
      gboolean in_projection = FALSE;
      BrChartMark mark = {
        .series = BR_SERIES_RAISED, .date = raise->raise->date, .value = raise->amount,
        .source = raise->raise->source,
        .name = br_text_get (&raise->raise->label, ctx->lang),
      };

      if (!_br_chart_in_range (ctx, &raise->raise->date, &raise->raise->date))
        continue;

      for (int q = 0; q <= s->last_quarter && !in_projection; q++)
        {
          const BrProjectedQuarter *pq = &runway->quarters[q];

          if (g_date_compare (&raise->raise->date, &pq->start) >= 0 &&
              g_date_compare (&raise->raise->date, &pq->end) <= 0)
            {
              top = cash_within (runway, q, fraction_of (pq, &raise->raise->date)) + raise->amount;
              in_projection = q != runway->runs_out || raise->amount > 0;
            }
        }

      if (!in_projection)
        {
          top = raise->amount;
          cairo_save (ctx->cr);
          _br_set_rgba (ctx->cr, &s->color, 0.6);
          cairo_set_line_width (ctx->cr, MAX (2, ctx->em * 0.2));
          cairo_move_to (ctx->cr, x, _br_axis_map (&axes->y, 0));
          cairo_line_to (ctx->cr, x, _br_axis_map (&axes->y, top));
          cairo_stroke (ctx->cr);
          cairo_restore (ctx->cr);
        }

      mark.x = x;
      mark.y = _br_axis_map (&axes->y, MAX (top, 0));
      _br_set_rgb (ctx->cr, &s->color);
      _br_chart_marker (ctx->cr, mark.x, mark.y, r, FALSE, FALSE);
      add_mark (ctx, s, &mark, MAX (r * 2.2, 9));
      g_array_append_val (labels, mark);

      if (raise->has_cash_after && latest != NULL &&
          g_date_compare (&raise->raise->date, &latest->date) > 0)
        {
          BrChartMark estimate = mark;

          estimate.series = BR_SERIES_CASH;
          estimate.value = raise->cash_after;
          estimate.status = BR_STATUS_ESTIMATE;
          add_mark (ctx, s, &estimate, 0);
        }
    }
}

/* The last quarter to draw: the one cash runs out in; or a year past break-even, and
 * far enough for the year management's guidance names; or the fifth year's last. */
static void
choose_horizon (Series *s)
{
  const BrRunway *runway = s->runway;
  int last;

  s->last_quarter = -1;
  if (!runway->has_projection)
    return;
  if (runway->runs_out >= 0)
    {
      s->last_quarter = runway->runs_out;
      return;
    }

  last = (int)runway->n_quarters - 1;
  if (runway->break_even >= 0)
    {
      int until = runway->break_even + 4;

      for (guint i = 0; i < s->company->n_guidance; i++)
        for (int q = 0; q <= last; q++)
          if (g_date_get_year (&runway->quarters[q].end) == s->company->guidance[i].target_year)
            until = MAX (until, q);
      last = MIN (last, until);
    }
  s->last_quarter = last;
}

static char *
end_label (BrChartContext *ctx,
           const Series   *s)
{
  const BrRunwayPoint *p = br_runway_latest (s->runway);
  g_autofree char *months = NULL;

  if (p == NULL || !p->has_burn_ttm)
    return g_strdup (br_company_get_name (s->company, ctx->lang));
  if (!p->burning)
    /* TRANSLATORS: a company whose trailing-year cash flow is not negative */
    return g_strdup_printf (_("%s · not burning"), br_company_get_name (s->company, ctx->lang));

  months = _br_format_number (p->runway_months, p->runway_months < 10 ? 1 : 0, FALSE);
  /* TRANSLATORS: months of runway at the latest report: "Moore Threads · 17 months" */
  return g_strdup_printf (_br_chart_ngettext ("%s · %s month", "%s · %s months",
                                              (gulong) MAX (round (p->runway_months), 0)),
                          br_company_get_name (s->company, ctx->lang), months);
}

/* The months of runway alone, or NULL without a trailing-year burn */
static char *
end_value (const Series *s)
{
  const BrRunwayPoint *p = br_runway_latest (s->runway);
  g_autofree char *months = NULL;

  if (p == NULL || !p->has_burn_ttm)
    return NULL;
  if (!p->burning)
    /* TRANSLATORS: a slide's end label, under the company's name: its trailing-year cash
     * flow is not negative */
    return g_strdup (_("not burning"));

  months = _br_format_number (p->runway_months, p->runway_months < 10 ? 1 : 0, FALSE);
  /* TRANSLATORS: a slide's end label, under the company's name: "17 months" of runway */
  return g_strdup_printf (_br_chart_ngettext ("%s month", "%s months",
                                              (gulong) MAX (round (p->runway_months), 0)),
                          months);
}

/* Each projected company's assumptions, "A revenue +100%, …; B …", or "no projection" */
static void
append_all_assumptions (GString        *text,
                        BrChartContext *ctx,
                        GArray         *all)
{
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const Series *s = &g_array_index (all, Series, i);

      if (s->hidden || !s->runway->has_projection)
        continue;
      if (n++ > 0)
        g_string_append (text, "; ");
      append_assumptions (text, ctx, s, TRUE);
    }
  if (n == 0)
    g_string_append (text, _("no projection"));
}

/* A slide's subtitle is one line: its assumptions go to the notes (describe()) */
static char *
subtitle_text (BrChartContext *ctx,
               GArray         *all)
{
  GString *text;

  if (ctx->options->slide)
    /* TRANSLATORS: the runway slide's subtitle; the assumptions are in its notes */
    return g_strdup (_("Cash and equivalents, reported (solid) and projected quarterly (dashed)"));

  text = g_string_new (_("Cash and equivalents, reported (solid) and projected "
                         "quarterly (dashed); a year: "));
  append_all_assumptions (text, ctx, all);

  return g_string_free (text, FALSE);
}

static void
extend (GDate       *first,
        GDate       *last,
        const GDate *date)
{
  if (!g_date_valid (first) || g_date_compare (date, first) < 0)
    *first = *date;
  if (!g_date_valid (last) || g_date_compare (date, last) > 0)
    *last = *date;
}

/* The dates and the highest cash the visible series span. */
static double
data_range (BrChartContext *ctx,
            GArray         *all,
            GDate          *first,
            GDate          *last)
{
  double hi = 0;

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  for (guint i = 0; i < all->len; i++)
    {
      const Series *s = &g_array_index (all, Series, i);
      const BrRunway *r = s->runway;

      if (s->hidden)
        continue;
      for (guint j = 0; j < r->n_points; j++)
        {
          extend (first, last, &r->points[j].date);
          hi = MAX (hi, r->points[j].cash);
        }
      for (guint j = 0; j < r->n_raises; j++)
        {
          if (!_br_chart_in_range (ctx, &r->raises[j].raise->date, &r->raises[j].raise->date))
            continue;
          extend (first, last, &r->raises[j].raise->date);
          hi = MAX (hi, r->raises[j].amount);
        }
      for (int q = 0; q <= s->last_quarter; q++)
        {
          extend (first, last, &r->quarters[q].end);
          hi = MAX (hi, r->quarters[q].cash);
          /* a raise's step reaches above the quarter's end when cash falls after it */
          hi = MAX (hi, cash_within (r, q, 0) + r->quarters[q].raised);
        }
    }

  return hi;
}

/* Step 1: each company's runway under its scenario; the legend names each, and the
 * projection's dashes */
static GArray *
collect_series (BrChartContext *ctx)
{
  g_autoptr(GPtrArray) companies = _br_chart_companies (ctx, FALSE);
  GArray *all = g_array_new (FALSE, TRUE, sizeof (Series));
  gboolean any_projection = FALSE;

  g_array_set_clear_func (all, series_clear);
  for (guint i = 0; i < companies->len; i++)
    {
      Series s = { g_ptr_array_index (companies, i) };
      BrScenario scenario;

      br_scenario_set_get (ctx->options->scenario, s.company->id, &scenario);
      s.runway = br_runway_compute (ctx->dataset, s.company, &ctx->options->unit, &scenario,
                                    NULL);
      if (s.runway == NULL || (s.runway->n_points == 0 && s.runway->n_raises == 0))
        {
          g_ptr_array_add (ctx->missing, (gpointer)s.company);
          series_clear (&s);
          continue;
        }
      s.color = _br_chart_company_color (ctx, s.company);
      s.hidden = _br_chart_hidden (ctx, s.company->id);
      s.style = br_chart_company_line_style (ctx->dataset, s.company);
      choose_horizon (&s);
      if (_br_chart_hidden (ctx, PROJECTION_KEY))
        s.last_quarter = -1;
      s.end_text = end_label (ctx, &s);
      s.end_value = end_value (&s);
      any_projection |= s.runway->has_projection;
      _br_legend_add (ctx->legend, s.company->id, br_company_get_name (s.company, ctx->lang),
                      &s.color, FALSE);
      _br_legend_set_style (ctx->legend, s.style);
      /* the end labels name the companies, while a slide's plot holds them all */
      if (companies->len <= MAX_NAMED)
        _br_legend_set_direct (ctx->legend);
      g_array_append_val (all, s);
    }

  if (any_projection)
    _br_legend_add (ctx->legend, PROJECTION_KEY, _("Projection, not a forecast"),
                    &ctx->palette.secondary, TRUE);

  return all;
}

static double
months_left (const Series *s)
{
  const BrRunwayPoint *p = br_runway_latest (s->runway);

  return p != NULL && p->burning ? p->runway_months : G_MAXDOUBLE;
}

/* Whether @s is among the @room companies with the least runway: where the labels do
 * not all fit beside the plot, those nearest running out keep theirs (the table and
 * the tooltips have every company's). */
static gboolean
keeps_label (GArray       *all,
             const Series *s,
             guint         room)
{
  guint shorter = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const Series *o = &g_array_index (all, Series, i);

      if (!o->hidden && o != s &&
          (months_left (o) < months_left (s) || (months_left (o) == months_left (s) && o < s)))
        shorter++;
    }

  return shorter < room;
}

/* The end label of each company shown: at its last projected quarter, or its last cash */
static GArray *
end_labels (BrChartContext *ctx,
            GArray         *all,
            const BrAxes   *axes,
            guint           room)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (BrEndLabel));

  for (guint i = 0; i < all->len; i++)
    {
      const Series *s = &g_array_index (all, Series, i);
      const BrRunwayPoint *p = br_runway_latest (s->runway);
      BrEndLabel label = { s->end_text, 0, 0, s->color };

      if (s->hidden || !keeps_label (all, s, room))
        continue;
      /* a slide sets the name apart from the figure */
      if (ctx->options->slide && s->end_value != NULL)
        {
          label.text = s->end_value;
          label.name = br_company_get_name (s->company, ctx->lang);
        }
      if (axes != NULL)
        {
          double cash = s->last_quarter >= 0 ? MAX (s->runway->quarters[s->last_quarter].cash, 0)
                                             : p != NULL ? p->cash : 0;

          label.y = _br_axis_map (&axes->y, cash);
        }
      g_array_append_val (labels, label);
    }

  return labels;
}

static void
setup_axes (BrChartContext *ctx,
            GArray         *all,
            BrAxes         *axes,
            double         *label_height)
{
  g_autoptr(GArray) labels = end_labels (ctx, all, NULL, G_MAXUINT);
  GDate first, last;
  double hi = data_range (ctx, all, &first, &last);

  _br_chart_plot_rows (ctx, 1.8);
  _br_chart_value_axis (ctx, &axes->y, 0, hi > 0 ? hi * 1.08 : 1);
  _br_chart_plot_columns_labelled (ctx, &axes->y, labels, ctx->em * 0.8, label_height);
  _br_axis_time (&axes->x, &first, &last, ctx->px0, ctx->px1);
  _br_axis_draw_y (ctx, &axes->y, _("Cash"), &ctx->options->unit);
  _br_axis_draw_time (ctx, &axes->x);
}

/* Raise and event labels last, where they fit among what is drawn. */
static void
draw_labels (BrChartContext *ctx,
             GArray         *all,
             GArray         *raise_marks)
{
  for (guint i = 0; i < raise_marks->len; i++)
    {
      const BrChartMark *m = &g_array_index (raise_marks, BrChartMark, i);
      const Series *s = NULL;
      g_autofree char *text = NULL;

      for (guint j = 0; j < all->len && s == NULL; j++)
        if (g_array_index (all, Series, j).company == m->company)
          s = &g_array_index (all, Series, j);
      for (guint j = 0; j < s->runway->n_raises; j++)
        if (g_date_compare (&s->runway->raises[j].raise->date, &m->date) == 0 &&
            s->runway->raises[j].raise->source == m->source)
          text = raise_text (ctx, &s->runway->raises[j]);
      if (text != NULL)
        place_label (ctx, text, m, &s->color);
    }

  for (guint i = 0; i < ctx->layout->marks->len; i++)
    {
      const BrChartMark *m = &g_array_index (ctx->layout->marks, BrChartMark, i);

      if (m->series != BR_SERIES_RUNWAY_EVENT)
        continue;
      for (guint j = 0; j < all->len; j++)
        if (g_array_index (all, Series, j).company == m->company)
          place_label (ctx, m->name, m, &g_array_index (all, Series, j).color);
    }
}

/* A slide's subtitle leaves the assumptions to its notes, which come from here */
static void
describe_assumptions (BrChartContext *ctx,
                      GArray         *all)
{
  if (!ctx->options->slide)
    return;

  /* TRANSLATORS: in a runway slide's notes, before each company's assumptions */
  g_string_append (ctx->layout->description, _("Assumptions, a year: "));
  append_all_assumptions (ctx->layout->description, ctx, all);
  g_string_append (ctx->layout->description, ". ");
}

static void
describe_series (BrChartContext *ctx,
                 gconstpointer   series,
                 GString        *d)
{
  const Series *s = series;

  if (s->hidden)
    return;

  g_string_append_printf (d, "%s. ", s->end_text);
  if (s->runway->runs_out >= 0)
    {
      g_autofree char *when = quarter_text (ctx, &s->runway->quarters[s->runway->runs_out].end);

      g_string_append_printf (d, _("Projected cash runs out in %s. "), when);
    }
}

/* Steps 4 and 5: axes, each company's lines, raises and events, end labels, labels */
static void
plot (BrChartContext *ctx,
      GArray         *all)
{
  g_autoptr(GArray) raise_marks = g_array_new (FALSE, TRUE, sizeof (BrChartMark));
  g_autoptr(GArray) labels = NULL;
  BrAxes axes = { { 0 } };
  double label_height;

  setup_axes (ctx, all, &axes, &label_height);
  for (guint i = 0; i < all->len; i++)
    {
      Series *s = &g_array_index (all, Series, i);

      if (s->hidden)
        continue;
      draw_reported (ctx, &axes, s);
      if (s->last_quarter >= 0)
        draw_projected (ctx, &axes, s);
      draw_raises (ctx, &axes, s, raise_marks);
      draw_events (ctx, &axes, s);
      draw_guidance (ctx, &axes, s);
    }
  labels = end_labels (ctx, all, &axes,
                       (guint) MAX ((ctx->py1 - ctx->py0) / (label_height * 1.1), 0));
  _br_chart_end_labels (ctx, labels, ctx->em * 0.8, label_height, 1.1);
  draw_labels (ctx, all, raise_marks);
  _br_axis_clear (&axes.x);
  _br_axis_clear (&axes.y);
}

void
_br_chart_draw_runway (BrChartContext *ctx)
{
  g_autoptr(GArray) all = collect_series (ctx);
  g_autofree char *subtitle = subtitle_text (ctx, all);
  g_autoptr(GString) note = NULL;
  guint n_visible = 0;

  for (guint i = 0; i < all->len; i++)
    n_visible += !g_array_index (all, Series, i).hidden;

  /* a source for each cash report, raise and guidance: the longest footnote */
  _br_chart_frame (ctx, _("Runway: cash against burn"), subtitle, 4);
  if (n_visible == 0)
    {
      _br_chart_empty (ctx, all->len == 0
                              ? _("The dataset has no cash figures or raises for the "
                                  "companies chosen.")
                              : _("Every company is hidden; click one in the legend to show it."));
      describe_assumptions (ctx, all);
      return;
    }

  plot (ctx, all);
  note = g_string_new (ctx->options->slide ? FOOTNOTE_SLIDE : FOOTNOTE);
  /* TRANSLATORS: a footnote's end: the companies selected that have no figure to draw */
  _br_chart_note_missing (ctx, note, _("No cash figures or raises for: %s."));
  _br_chart_footnote (ctx, note->str);
  _br_chart_describe (ctx, all, describe_series);
  describe_assumptions (ctx, all);
}
