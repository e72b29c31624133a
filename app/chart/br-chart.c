/* br-chart.c: one entry point for every chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "br-chart-private.h"

/* The chart's name in the settings, on the command line and in file names: the nick of
 * its registered enum, "losses" */
const char *
br_chart_kind_to_string (BrChartKind kind)
{
  GEnumClass *klass;
  const char *nick;

  g_return_val_if_fail (kind < BR_N_CHART_KINDS, NULL);

  klass = g_type_class_ref (BR_TYPE_CHART_KIND);
  /* a static string of the type's registration */
  nick = g_enum_get_value (klass, kind)->value_nick;
  g_type_class_unref (klass);
  return nick;
}

gboolean
br_chart_kind_from_string (const char  *str,
                           BrChartKind *kind)
{
  GEnumClass *klass = g_type_class_ref (BR_TYPE_CHART_KIND);
  GEnumValue *found = str != NULL ? g_enum_get_value_by_nick (klass, str) : NULL;

  if (found != NULL)
    *kind = found->value;
  g_type_class_unref (klass);
  return found != NULL;
}

/**
 * br_chart_kind_get_title:
 *
 * Returns: the chart's short name, translated, as the view switcher shows it
 */
const char *
br_chart_kind_get_title (BrChartKind kind)
{
  switch (kind)
    {
    case BR_CHART_LOSSES:
      return _("Losses");
    case BR_CHART_RND:
      return _("Revenue vs R&D");
    case BR_CHART_CUSTOMERS:
      return _("Customers");
    case BR_CHART_VALUATION:
      return _("Valuation");
    case BR_CHART_RUNWAY:
      return _("Runway");
    case BR_N_CHART_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
br_series_to_string (BrSeries series)
{
  switch (series)
    {
    case BR_SERIES_NET_INCOME:
      return "net_income_attributable";
    case BR_SERIES_REVENUE:
      return "revenue";
    case BR_SERIES_RND:
      return "rnd_expense";
    case BR_SERIES_TOP5:
      return "top5_share";
    case BR_SERIES_CUSTOMER:
      return "customer_share";
    case BR_SERIES_MARKET_CAP:
      return "market_cap";
    case BR_SERIES_IMPLIED:
      return "implied_value";
    case BR_SERIES_CASH:
      return "cash";
    case BR_SERIES_BURN_TTM:
      return "burn_ttm";
    case BR_SERIES_RUNWAY_MONTHS:
      return "runway_months";
    case BR_SERIES_RAISED:
      return "raised";
    case BR_SERIES_PROJECTED_CASH:
      return "projected_cash";
    case BR_SERIES_RUNWAY_EVENT:
      return "runway_event";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_font_options (cairo_t *cr)
{
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* the same glyph advances on screen, in PNG and in PDF: layouts do not shift */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options (cr, font_options);
  cairo_font_options_destroy (font_options);
}

/* A layout for chart text in @lang, glyph positions in whole pixels or not
 * (br-chart-text.c) */
static PangoLayout *
new_layout (cairo_t    *cr,
            BrLanguage  lang,
            gboolean    round_positions)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);

  /* the chart's language, not the locale's: Chinese glyph forms in a Chinese chart, and
   * one set of fonts for every text in it (each language is another font lookup) */
  pango_context_set_language (context,
                              pango_language_from_string (br_language_get_locale (lang)));
  pango_context_set_round_glyph_positions (context, round_positions);
  pango_layout_context_changed (layout);

  return layout;
}

/* Device pixels a unit of @cr's user space spans: its transformation, and its surface's
 * scale (2 in a PNG at scale 2, or a window on a HiDPI screen) */
static double
user_to_device_scale (cairo_t *cr)
{
  double dx = 1, dy = 0, x_scale = 1, y_scale = 1;

  cairo_user_to_device_distance (cr, &dx, &dy);
  cairo_surface_get_device_scale (cairo_get_group_target (cr), &x_scale, &y_scale);

  return hypot (dx, dy) * x_scale;
}

/* One drawing of the chart, its footnote given at least @footnote_room lines */
static BrChartLayout *
draw_chart (cairo_t              *cr,
            BrDataset            *dataset,
            const BrChartOptions *options,
            double                width,
            double                height,
            guint                 footnote_room)
{
  BrChartContext ctx = { 0 };

  _br_chart_context_begin (&ctx, cr, dataset, options, width, height);
  ctx.footnote_room = footnote_room;

  switch (options->kind)
    {
    case BR_CHART_LOSSES:
      _br_chart_draw_losses (&ctx);
      break;
    case BR_CHART_RND:
      _br_chart_draw_rnd (&ctx);
      break;
    case BR_CHART_CUSTOMERS:
      _br_chart_draw_customers (&ctx);
      break;
    case BR_CHART_VALUATION:
      _br_chart_draw_valuation (&ctx);
      break;
    case BR_CHART_RUNWAY:
      _br_chart_draw_runway (&ctx);
      break;
    case BR_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }

  return _br_chart_context_end (&ctx);
}

/* The lines the chart's footnote wants: its sources are known only once its marks are
 * placed, so the chart is first drawn where nothing shows, with @cr's transformation and
 * scale, so that its text measures the same */
static guint
footnote_lines_wanted (cairo_t              *cr,
                       BrDataset            *dataset,
                       const BrChartOptions *options,
                       double                width,
                       double                height)
{
  cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_matrix_t matrix;
  double x_scale = 1, y_scale = 1;
  BrChartLayout *layout;
  cairo_t *scratch_cr;
  guint lines;

  cairo_surface_get_device_scale (cairo_get_group_target (cr), &x_scale, &y_scale);
  cairo_surface_set_device_scale (scratch, x_scale, y_scale);
  scratch_cr = cairo_create (scratch);
  cairo_get_matrix (cr, &matrix);
  cairo_set_matrix (scratch_cr, &matrix);

  layout = draw_chart (scratch_cr, dataset, options, width, height, 0);
  lines = layout->footnote_lines;

  br_chart_layout_unref (layout);
  cairo_destroy (scratch_cr);
  cairo_surface_destroy (scratch);

  return lines;
}

/* Whether @cr writes a file of vectors, which cannot take a drawing back */
static gboolean
draws_vectors (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * br_chart_draw:
 * @cr: where to draw; the chart fills (0, 0)–(@width, @height) in its user space
 * @width: the chart's width in user units (pixels at scale 1, points in PDF)
 *
 * Draws one chart. The same call draws the widget, every export and every slide. The plot
 * gives way to a footnote that needs more lines to name every source; a slide's footnote
 * numbers its sources instead.
 *
 * Returns: (transfer full): the layout of what was drawn, for hit-testing
 */
BrChartLayout *
br_chart_draw (cairo_t              *cr,
               BrDataset            *dataset,
               const BrChartOptions *options,
               double                width,
               double                height)
{
  BrChartLayout *layout;
  guint footnote_room;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (BR_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (options->slide)
    return draw_chart (cr, dataset, options, width, height, 0);
  /* a PDF or SVG is written once: the footnote's lines are found first */
  if (draws_vectors (cr))
    return draw_chart (cr, dataset, options, width, height,
                       footnote_lines_wanted (cr, dataset, options, width, height));

  /* pixels can be drawn over: the chart is drawn straight onto @cr, and drawn again,
   * over a cleared canvas, only when its footnote wants more lines than it had */
  layout = draw_chart (cr, dataset, options, width, height, 0);
  if (layout->footnote_lines <= layout->footnote_reserved)
    return layout;

  footnote_room = layout->footnote_lines;
  g_debug ("the footnote wants %u lines, not %u: the chart is drawn again", footnote_room,
           layout->footnote_reserved);
  br_chart_layout_unref (layout);

  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);

  return draw_chart (cr, dataset, options, width, height, footnote_room);
}

/**
 * _br_chart_context_begin:
 *
 * Sets up what every chart and slide draws with: palette, type size for the canvas,
 * margins, a Pango layout, and the background unless transparent.
 */
void
_br_chart_context_begin (BrChartContext       *ctx,
                         cairo_t              *cr,
                         BrDataset            *dataset,
                         const BrChartOptions *options,
                         double                width,
                         double                height)
{
  double unit;

  ctx->cr = cr;
  ctx->dataset = dataset;
  ctx->options = options;
  ctx->width = width;
  ctx->height = height;
  ctx->lang = options->language;
  ctx->outer_lang = _br_chart_push_language (ctx->lang);
  ctx->layout = _br_chart_layout_new (width, height);
  ctx->layout->theme = options->theme;
  ctx->legend = g_array_new (FALSE, FALSE, sizeof (BrLegendItem));
  ctx->missing = g_ptr_array_new ();
  _br_chart_palette (options->theme, &ctx->palette);
  if (options->high_contrast)
    _br_chart_palette_high_contrast (options->theme, &ctx->palette);

  /* type that scales with the canvas, readable at 640×360 */
  unit = MIN (width / 1920., height / 1080.);
  ctx->em = MAX (11, 20 * unit) * options->text_scale;
  ctx->layout->em = ctx->em;
  ctx->pad = MAX (12, 40 * unit) * (options->slide ? 0.8 : MIN (options->text_scale, 1.5));
  ctx->footnote_lines = 3;
  ctx->px0 = ctx->pad;
  ctx->py0 = ctx->pad;
  ctx->px1 = width - ctx->pad;
  ctx->py1 = height - ctx->pad;

  cairo_save (cr);
  set_font_options (cr);
  ctx->pango = new_layout (cr, ctx->lang, TRUE);
  ctx->pango_scaled = new_layout (cr, ctx->lang, FALSE);
  ctx->pixel = user_to_device_scale (cr);

  if (!options->transparent)
    {
      _br_set_rgb (cr, &ctx->palette.background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
}

BrChartLayout *
_br_chart_context_end (BrChartContext *ctx)
{
  g_clear_object (&ctx->pango);
  g_clear_object (&ctx->pango_scaled);
  g_clear_pointer (&ctx->legend, g_array_unref);
  g_clear_pointer (&ctx->missing, g_ptr_array_unref);
  cairo_restore (ctx->cr);
  _br_chart_pop_language (ctx->outer_lang);

  return g_steal_pointer (&ctx->layout);
}

/**
 * br_chart_mark_describe:
 *
 * Returns: what a tooltip says of @mark, as plain text: company, period, the exact
 *   value with its unit, and its source
 */
char *
br_chart_mark_describe (const BrChartMark *mark,
                        BrLanguage         language)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *value = NULL;
  g_autofree char *when = br_chart_describe_period (mark->period, &mark->date, language);

  if (mark->company != NULL)
    g_string_append (text, br_company_get_name (mark->company, language));

  if (mark->name != NULL)
    g_string_append_printf (text, " · %s", mark->name);

  g_string_append_printf (text, " · %s", when);

  if (mark->percent)
    {
      g_autofree char *share = _br_format_percent (mark->value, 2);

      value = g_strconcat (mark->bound == BR_BOUND_AT_LEAST ? "≥ "
                           : mark->bound == BR_BOUND_MORE_THAN ? "> " : "", share, NULL);
    }
  else
    value = _br_format_value (mark->value, &mark->unit, language);

  g_string_append_printf (text, "\n%s", value);
  if (mark->status == BR_STATUS_FLASH)
    g_string_append_printf (text, " %s", _("(flash, unaudited)"));
  else if (mark->status == BR_STATUS_UNAUDITED)
    g_string_append_printf (text, " %s", _("(unaudited)"));
  else if (mark->status == BR_STATUS_ESTIMATE)
    g_string_append_printf (text, " %s", _("(estimate: reported cash plus the raise)"));
  else if (mark->status == BR_STATUS_PROJECTION)
    g_string_append_printf (text, " %s", _("(projection, not a forecast)"));

  if (mark->note != NULL && *mark->note != '\0')
    g_string_append_printf (text, "\n%s", mark->note);

  if (mark->rate != NULL)
    {
      char day[BR_DATE_ISO_SIZE];
      g_autofree char *rate = _br_format_rate (mark->rate->rate);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Converted at %s/%s %s"), mark->rate->base.code,
                              mark->rate->quote.code, rate);
      if (mark->rate->kind == BR_FX_ANNUAL_AVERAGE)
        g_string_append_printf (text, _(" (%d average)"), mark->rate->year);
      else
        g_string_append_printf (text, " (%s)", br_date_format_iso (&mark->rate->date, day));
      if (mark->rate->legs[0] != NULL)
        /* TRANSLATORS: after a rate derived from two: "Converted at HKD/KRW 174.8718 (2024
         * average), through USD" */
        g_string_append_printf (text, _(", through %s"),
                                g_str_equal (mark->rate->legs[0]->base.code, mark->rate->base.code)
                                  ? mark->rate->legs[0]->quote.code
                                  : mark->rate->legs[0]->base.code);
    }

  if (mark->source != NULL)
    {
      g_autofree char *source = br_chart_describe_source (mark->source, language);

      g_string_append_printf (text, "\n%s %s", _("Source:"), source);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
