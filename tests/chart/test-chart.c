/* test-chart.c: every chart drawn into real cairo surfaces, checked from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../br-test-i18n.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "br-chart.h"
#include "br-chart-layout-private.h"
#include "br-chart-options-private.h"
#include "br-deck-private.h"
#include "br-loader-private.h"

static BrDataset *dataset;

typedef struct
{
  BrChartKind kind;
  double      width, height, scale;
  BrTheme     theme;
  gboolean    cumulative;
} RenderCase;

static BrChartLayout *
render (const BrChartOptions *options,
        double                width,
        double                height,
        double                scale,
        cairo_surface_t     **surface_out)
{
  cairo_surface_t *surface;
  BrChartLayout *layout;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (width * scale),
                                        (int)ceil (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  layout = br_chart_draw (cr, dataset, options, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  if (surface_out != NULL)
    *surface_out = surface;
  else
    cairo_surface_destroy (surface);

  return layout;
}

static gboolean
boxes_overlap (const BrTextBox *a,
               const BrTextBox *b)
{
  /* a pixel of slack for antialiased edges */
  return a->x0 < b->x1 - 1 && b->x0 < a->x1 - 1 && a->y0 < b->y1 - 1 && b->y0 < a->y1 - 1;
}

/* No text leaves the canvas, and no two pieces of text overlap. */
static void
assert_text_fits (BrChartLayout *layout,
                  double         width,
                  double         height)
{
  GArray *boxes = br_chart_layout_get_text_boxes (layout);
  guint n = boxes->len;

  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    {
      const BrTextBox *a = &g_array_index (boxes, BrTextBox, i);

      if (a->x0 < -0.5 || a->y0 < -0.5 || a->x1 > width + 0.5 || a->y1 > height + 0.5)
        g_error ("%s text at (%.1f, %.1f)–(%.1f, %.1f) leaves the %.0f×%.0f canvas", a->role,
                 a->x0, a->y0, a->x1, a->y1, width, height);

      for (guint j = i + 1; j < n; j++)
        {
          const BrTextBox *b = &g_array_index (boxes, BrTextBox, j);

          if (boxes_overlap (a, b))
            g_error ("%s text (%.1f, %.1f)–(%.1f, %.1f) overlaps %s text (%.1f, %.1f)–(%.1f, %.1f)"
                     " at %.0f×%.0f", a->role, a->x0, a->y0, a->x1, a->y1, b->role, b->x0, b->y0,
                     b->x1, b->y1, width, height);
        }
    }
}

/* Hit-testing at the centre of every mark returns that mark. */
static void
assert_hits (BrChartLayout *layout)
{
  guint n = br_chart_layout_get_n_marks (layout);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      const BrChartMark *mark = br_chart_layout_get_mark (layout, i);
      int hit = br_chart_layout_hit_test (layout, mark->x, mark->y);

      g_assert_cmpint (hit, >=, 0);
      if (hit != (int)i)
        {
          const BrChartMark *other = br_chart_layout_get_mark (layout, hit);

          /* two marks on the very same spot answer with either */
          g_assert_cmpfloat (fabs (other->x - mark->x) + fabs (other->y - mark->y), <, 1);
        }
      g_assert_nonnull (mark->source);

      /* what a tooltip says reads only memory the dataset or the layout owns */
      {
        g_autofree char *tip = br_chart_mark_describe (mark, BR_LANGUAGE_EN);

        g_assert_true (g_utf8_validate (tip, -1, NULL));
        if (mark->name != NULL)
          g_assert_nonnull (strstr (tip, mark->name));
      }
    }

  g_assert_cmpint (br_chart_layout_hit_test (layout, -10, -10), ==, -1);
}

static void
test_render (gconstpointer data)
{
  const RenderCase *c = data;
  g_autoptr(BrChartOptions) options = br_chart_options_new (c->kind);
  g_autoptr(BrChartLayout) layout = NULL;

  br_chart_options_set_theme (options, c->theme);
  br_chart_options_set_cumulative (options, c->cumulative);
  layout = render (options, c->width, c->height, c->scale, NULL);

  g_assert_true (br_chart_layout_has_data (layout));
  g_assert_nonnull (br_chart_layout_get_title (layout));
  g_assert_cmpuint (br_chart_layout_get_sources (layout)->len, >, 0);
  assert_text_fits (layout, c->width, c->height);
  assert_hits (layout);
}

static RenderCase *
render_case_new (BrChartKind kind,
                 double      width,
                 double      height,
                 double      scale,
                 BrTheme     theme,
                 gboolean    cumulative)
{
  RenderCase *c = g_new0 (RenderCase, 1);

  c->kind = kind;
  c->width = width;
  c->height = height;
  c->scale = scale;
  c->theme = theme;
  c->cumulative = cumulative;

  return c;
}

static GDate
day (int year, int month, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return date;
}

/* Bars start at zero: every bar's base is the same line, and heights are proportional
 * to values. */
static void
test_bars_from_zero (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_RND);
  g_autoptr(BrChartLayout) layout = render (options, 1920, 1080, 1, NULL);
  const BrChartMark *reference = NULL;
  guint n_bars = 0;

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);

      g_assert_true (m->series == BR_SERIES_REVENUE || m->series == BR_SERIES_RND);
      g_assert_cmpfloat (m->value, >=, 0);
      if (reference == NULL || m->value > reference->value)
        reference = m;
    }

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);
      double height = m->y1 - (m->y - (m->y1 - m->y));   /* base − top */
      double expected = (reference->y1 - (reference->y - (reference->y1 - reference->y))) *
                        m->value / reference->value;

      g_assert_cmpfloat_with_epsilon (m->y1, reference->y1, 0.01);
      if (expected > 2)
        g_assert_cmpfloat_with_epsilon (height, expected, 0.02 * expected + 0.5);
      n_bars++;
    }

  g_assert_cmpuint (n_bars, >, 20);
}

/* On a linear axis, y is an affine function of the value; on a log axis, of its log. */
static void
assert_axis (BrChartLayout *layout,
             BrSeries       series,
             gboolean       log)
{
  double slope = NAN;
  const BrChartMark *first = NULL;

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);
      double dv;

      if (m->series != series)
        continue;
      if (first == NULL)
        {
          first = m;
          continue;
        }

      dv = log ? log10 (m->value) - log10 (first->value) : m->value - first->value;
      if (fabs (dv) < 1e-6)
        continue;
      if (isnan (slope))
        slope = (m->y - first->y) / dv;
      else
        g_assert_cmpfloat_with_epsilon ((m->y - first->y) / dv, slope, fabs (slope) * 0.01);
    }

  g_assert_false (isnan (slope));
  g_assert_cmpfloat (slope, <, 0);   /* larger values higher up */
}

static void
test_linear_and_log_axes (void)
{
  g_autoptr(BrChartOptions) losses = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrChartOptions) valuation = br_chart_options_new (BR_CHART_VALUATION);
  g_autoptr(BrChartLayout) a = render (losses, 1280, 720, 1, NULL);
  g_autoptr(BrChartLayout) b = NULL;
  g_autoptr(BrChartLayout) c = NULL;

  assert_axis (a, BR_SERIES_NET_INCOME, FALSE);

  g_assert_true (br_chart_options_get_log_scale (valuation));
  b = render (valuation, 1280, 720, 1, NULL);
  assert_axis (b, BR_SERIES_MARKET_CAP, TRUE);

  br_chart_options_set_log_scale (valuation, FALSE);
  c = render (valuation, 1280, 720, 1, NULL);
  assert_axis (c, BR_SERIES_MARKET_CAP, FALSE);
}

/* C2, C5: cumulative losses end at the article's totals. */
static void
test_cumulative_losses (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrChartLayout) layout = NULL;
  GDate from = day (2022, 1, 1), to = day (2025, 3, 31);
  double moore_threads = NAN, metax = NAN;

  br_chart_options_set_cumulative (options, TRUE);
  br_chart_options_set_range (options, &from, &to);
  layout = render (options, 1920, 1080, 1, NULL);

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);

      if (g_str_equal (m->company->id, "moore-threads"))
        moore_threads = m->value;   /* marks come in time order: the last is the total */
      else if (g_str_equal (m->company->id, "metax"))
        metax = m->value;
    }

  g_assert_cmpfloat_with_epsilon (moore_threads, -50.05, 0.01);
  g_assert_cmpfloat_with_epsilon (metax, -32.90, 0.01);
}

/* Clicking a legend entry names the series; hiding it removes its marks. */
static void
test_legend_toggles (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrChartLayout) before = render (options, 1280, 720, 1, NULL);
  g_autoptr(BrChartLayout) after = NULL;
  GArray *legend = br_chart_layout_get_legend (before);
  const BrLegendEntry *entry = NULL;
  const char *key;

  for (guint i = 0; i < legend->len; i++)
    if (g_str_equal (g_array_index (legend, BrLegendEntry, i).key, "metax"))
      entry = &g_array_index (legend, BrLegendEntry, i);

  g_assert_nonnull (entry);
  key = br_chart_layout_hit_legend (before, (entry->x0 + entry->x1) / 2,
                                    (entry->y0 + entry->y1) / 2);
  g_assert_cmpstr (key, ==, "metax");

  br_chart_options_set_hidden (options, key, TRUE);
  after = render (options, 1280, 720, 1, NULL);
  g_assert_cmpuint (br_chart_layout_get_n_marks (after), <, br_chart_layout_get_n_marks (before));
  for (guint i = 0; i < br_chart_layout_get_n_marks (after); i++)
    g_assert_cmpstr (br_chart_layout_get_mark (after, i)->company->id, !=, "metax");

  /* the hidden entry stays in the legend, to be clicked back */
  g_assert_cmpuint (br_chart_layout_get_legend (after)->len, ==, legend->len);
}

/* A chart without what it needs says so instead of drawing an empty axis. */
static void
test_no_data_panel (void)
{
  static const char * const nvidia_only[] = { "nvidia", NULL };
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_CUSTOMERS);
  g_autoptr(BrChartLayout) layout = NULL;

  br_chart_options_set_companies (options, nvidia_only);
  layout = render (options, 1280, 720, 1, NULL);
  g_assert_false (br_chart_layout_has_data (layout));
  g_assert_cmpuint (br_chart_layout_get_n_marks (layout), ==, 0);
  /* the panel's sentence is the description, in the reader's language */
  g_assert_cmpstr (br_chart_layout_get_description (layout), !=, "");
}

/* The tooltip names company, period, exact value with unit, and the source. */
static void
test_tooltip_text (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrChartLayout) layout = NULL;

  br_chart_options_set_language (options, BR_LANGUAGE_ZH);
  layout = render (options, 1280, 720, 1, NULL);
  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);
      g_autofree char *zh = NULL;
      g_autofree char *en = NULL;

      if (!g_str_equal (m->company->id, "moore-threads") || g_date_get_year (&m->date) != 2022)
        continue;

      zh = br_chart_mark_describe (m, BR_LANGUAGE_ZH);
      en = br_chart_mark_describe (m, BR_LANGUAGE_EN);
      g_assert_nonnull (strstr (zh, "摩尔线程"));
      g_assert_nonnull (strstr (zh, "−18.40 亿元"));
      g_assert_nonnull (strstr (en, "Moore Threads · 2022\n−18.40 (100M CNY)"));
      g_assert_nonnull (strstr (en, m->source->publisher));
      return;
    }

  g_assert_not_reached ();
}

/* Where a figure comes from and when it is for are said one way, in the tooltip and in
 * the table's rows: the valuation chart has both dated values (no period) and sources. */
static void
test_source_and_period_text (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_VALUATION);
  g_autoptr(BrChartLayout) layout = render (options, 1280, 720, 1, NULL);
  g_autofree char *empty = NULL;
  guint n_dated = 0;

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);
      g_autofree char *tip = br_chart_mark_describe (m, BR_LANGUAGE_EN);
      g_autofree char *when = br_chart_describe_period (m->period, &m->date, BR_LANGUAGE_EN);
      g_autofree char *source = br_chart_describe_source (m->source, BR_LANGUAGE_EN);
      char day[BR_DATE_ISO_SIZE];

      g_assert_nonnull (m->source);
      g_assert_nonnull (strstr (tip, when));
      g_assert_true (g_str_has_suffix (tip, source));
      g_assert_true (g_str_has_prefix (source, br_text_get (&m->source->title, BR_LANGUAGE_EN)));
      g_assert_true (g_str_has_suffix (source, br_date_format_iso (&m->source->date, day)));
      if (m->period == NULL)
        {
          g_assert_cmpstr (when, ==, br_date_format_iso (&m->date, day));
          n_dated++;
        }
    }

  g_assert_cmpuint (n_dated, >, 0);
  empty = br_chart_describe_source (NULL, BR_LANGUAGE_EN);
  g_assert_cmpstr (empty, ==, "");
}

/* A share the filing gives only as a bound says so in the tooltip: "> 89.00%". */
static void
test_bounded_share (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_CUSTOMERS);
  g_autoptr(BrChartLayout) layout = render (options, 1280, 720, 1, NULL);
  guint n_bounded = 0;

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);
      g_autofree char *tip = br_chart_mark_describe (m, BR_LANGUAGE_EN);

      if (m->bound == BR_BOUND_MORE_THAN)
        {
          g_assert_cmpfloat (m->value, ==, 89.0);
          g_assert_nonnull (strstr (tip, "> 89.00%"));
          n_bounded++;
        }
    }

  /* Moore Threads 2022, 2023, 2024 */
  g_assert_cmpuint (n_bounded, ==, 3);
}

/* Chinese text has a font: no glyph is drawn as a missing-glyph box. */
static void
test_cjk_glyphs (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Noto Sans CJK SC, sans-serif 12");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "摩尔线程 沐曦 寒武纪 英伟达 亿元 归母净利润", -1);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Presentation type, 2.5× larger, still fits a 1080p slide. */
static void
test_presentation_scale (gconstpointer data)
{
  BrChartKind kind = GPOINTER_TO_UINT (data);
  g_autoptr(BrChartOptions) options = br_chart_options_new (kind);
  g_autoptr(BrChartLayout) layout = NULL;

  br_chart_options_set_text_size (options, 2.5, 0);
  br_chart_options_set_language (options, BR_LANGUAGE_ZH);
  layout = render (options, 1920, 1080, 1, NULL);
  g_assert_true (br_chart_layout_has_data (layout));
  assert_text_fits (layout, 1920, 1080);
}

/* Text from 14 device pixels up is laid out at one size and scaled: every chart drawn at
 * twice the size has every text box twice as wide and as high, to a hundredth of a pixel.
 * Were each size laid out on its own, advances rounded to whole pixels would not scale.
 * (Boxes may move by a pixel or two, with axis lines snapped to whole pixels.) */
static void
test_text_scales (gconstpointer data)
{
  BrChartKind kind = GPOINTER_TO_UINT (data);
  g_autoptr(BrChartOptions) options = br_chart_options_new (kind);
  g_autoptr(BrChartLayout) small = NULL;
  g_autoptr(BrChartLayout) large = NULL;
  GArray *small_boxes, *large_boxes;

  br_chart_options_set_language (options, BR_LANGUAGE_ZH);
  small = render (options, 1920, 1080, 1, NULL);
  large = render (options, 3840, 2160, 1, NULL);

  small_boxes = br_chart_layout_get_text_boxes (small);
  large_boxes = br_chart_layout_get_text_boxes (large);
  g_assert_cmpuint (small_boxes->len, >, 3);
  g_assert_cmpuint (large_boxes->len, ==, small_boxes->len);
  for (guint i = 0; i < small_boxes->len; i++)
    {
      const BrTextBox *a = &g_array_index (small_boxes, BrTextBox, i);
      const BrTextBox *b = &g_array_index (large_boxes, BrTextBox, i);

      g_assert_cmpstr (a->role, ==, b->role);
      if (fabs ((b->x1 - b->x0) - 2 * (a->x1 - a->x0)) > 0.01 ||
          fabs ((b->y1 - b->y0) - 2 * (a->y1 - a->y0)) > 0.01 ||
          fabs (b->x0 - 2 * a->x0) > 2 || fabs (b->y0 - 2 * a->y0) > 2)
        g_error ("%s text at (%.2f, %.2f)–(%.2f, %.2f) at 3840×2160, not twice (%.2f, %.2f)–"
                 "(%.2f, %.2f) at 1920×1080", a->role, b->x0, b->y0, b->x1, b->y1, a->x0, a->y0,
                 a->x1, a->y1);
    }
}

/* Small text keeps a layout of its own size, each advance a whole pixel, so that its
 * letters sit evenly: at 640×360 (ticks of 8.25 px) and at 960×540 on a screen of scale 2
 * (ticks of 11.25 px, 22.5 device pixels: scaled), the tick labels' widths are whole
 * pixels and are not. */
static void
test_small_text_in_whole_pixels (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrChartLayout) small = render (options, 640, 360, 1, NULL);
  g_autoptr(BrChartLayout) hidpi = render (options, 960, 540, 2, NULL);
  guint n_ticks = 0, n_fractional = 0;
  GArray *small_boxes = br_chart_layout_get_text_boxes (small);

  for (guint i = 0; i < small_boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (small_boxes, BrTextBox, i);
      double width = box->x1 - box->x0;

      if (g_strcmp0 (box->role, "tick") != 0)
        continue;
      n_ticks++;
      g_assert_cmpfloat (fabs (width - round (width)), <, 1e-6);
    }
  g_assert_cmpuint (n_ticks, >=, 6);

  GArray *hidpi_boxes = br_chart_layout_get_text_boxes (hidpi);
  for (guint i = 0; i < hidpi_boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (hidpi_boxes, BrTextBox, i);
      double width = box->x1 - box->x0;

      if (g_strcmp0 (box->role, "tick") == 0 && fabs (width - round (width)) > 1e-3)
        n_fractional++;
    }
  g_assert_cmpuint (n_fractional, >, 0);
}

/* A subtitle too long for a slide's large type takes a second line rather than lose its
 * end: the R&D chart's, which says what the figure over each pair of bars means, is two
 * lines of 50 px type on a 1080p slide. */
static void
test_subtitle_wraps (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_RND);
  g_autoptr(BrChartLayout) layout = NULL;
  guint n_subtitles = 0;

  br_chart_options_set_text_size (options, 2.5, 0);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  layout = render (options, 1920, 1080, 1, NULL);
  GArray *boxes = br_chart_layout_get_text_boxes (layout);
  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_strcmp0 (box->role, "subtitle") != 0)
        continue;
      n_subtitles++;
      g_assert_cmpfloat (box->y1 - box->y0, >=, 2 * 50);
    }
  g_assert_cmpuint (n_subtitles, ==, 1);
  assert_text_fits (layout, 1920, 1080);
}

/* Every source of the figures shown is named at the foot of the chart, in full: from
 * 1280×720 up, in English and in Chinese, no chart's footnote is cut short. (The
 * valuation chart cites fifteen sources and three exchange rates.) */
static void
test_sources_named (gconstpointer data)
{
  BrChartKind kind = GPOINTER_TO_UINT (data);
  static const double sizes[][2] = { { 1280, 720 }, { 1920, 1080 }, { 3840, 2160 } };
  for (BrLanguage l = 0; l < BR_N_LANGUAGES; l++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(BrChartOptions) options = br_chart_options_new (kind);
        g_autoptr(BrChartLayout) layout = NULL;
        guint n_footnotes = 0;

        br_chart_options_set_language (options, l);
        layout = render (options, sizes[s][0], sizes[s][1], 1, NULL);
        g_assert_cmpuint (br_chart_layout_get_sources (layout)->len, >, 0);
        GArray *boxes = br_chart_layout_get_text_boxes (layout);
        for (guint i = 0; i < boxes->len; i++)
          {
            const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

            if (g_strcmp0 (box->role, "footnote") != 0)
              continue;
            n_footnotes++;
            if (box->ellipsized)
              g_error ("the %s footnote is cut short at %.0f×%.0f in %s",
                       br_chart_kind_to_string (kind), sizes[s][0], sizes[s][1], br_language_to_string (l));
          }
        g_assert_cmpuint (n_footnotes, ==, 1);
      }
}

/* Names from a file are only text: markup, format directives, bidi controls and very
 * long names are drawn literally, ellipsized, inside the canvas. */
static void
test_hostile_names (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) hostile = NULL;
  static const char *names[] = {
    "<b>Bold</b> &amp; <span foreground=\\\"red\\\">red</span>",
    "%s%n%x%p",
    "\\u202eevil\\u202c \\u200d zero\\u200bwidth",
    "🚀🔥 GPU",
    NULL,
  };

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (long_name, 'W');
  names[G_N_ELEMENTS (names) - 1] = long_name->str;

  g_string_append (text, "{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"<i>t</i>\","
                         " \"updated\": \"2025-01-01\", \"sources\": [{\"id\": \"s\","
                         " \"title\": \"%n <b>src</b>\", \"publisher\": \"%s\", \"date\": \"2025-01-01\"}],"
                         " \"companies\": [");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (text,
                            "%s{\"id\": \"c%u\", \"name\": \"%s\", \"periods\": [{\"id\": \"FY2024\","
                            " \"kind\": \"fiscal-year\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\","
                            " \"label\": \"<u>2024</u>\"}],"
                            " \"figures\": [{\"period\": \"FY2024\", \"metric\": \"net_income_attributable\","
                            " \"value\": -%u, \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"},"
                            " {\"period\": \"FY2024\", \"metric\": \"revenue\", \"value\": %u,"
                            " \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"},"
                            " {\"period\": \"FY2024\", \"metric\": \"cash\", \"value\": 9,"
                            " \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}],"
                            " \"raises\": [{\"date\": \"2025-03-01\", \"kind\": \"ipo\", \"net\": 4,"
                            " \"currency\": \"CNY\", \"scale\": \"yi\", \"label\": \"%s\","
                            " \"source\": \"s\"}],"
                            " \"guidance\": [{\"date\": \"2025-01-01\", \"text\": \"%s\","
                            " \"target_year\": 2026, \"source\": \"s\"}],"
                            " \"customers\": [{\"period\": \"FY2024\", \"top5_share\": 50, \"source\": \"s\"}],"
                            " \"market_caps\": [{\"date\": \"2024-06-30\", \"value\": %u, \"currency\": \"CNY\","
                            " \"scale\": \"yi\", \"source\": \"s\"}]}",
                            i > 0 ? "," : "", i, names[i], i + 1, i + 2, names[i], names[i], i + 3);
  g_string_append (text, "]}");
  bytes = g_bytes_new (text->str, text->len);
  hostile = br_dataset_load_bytes (bytes, "hostile.json", NULL, NULL, &error);
  g_assert_no_error (error);

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    for (guint s = 0; s < 2; s++)
      {
        g_autoptr(BrChartOptions) options = br_chart_options_new (kind);
        double width = s == 0 ? 640 : 1920, height = s == 0 ? 360 : 1080;
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
        cairo_t *cr = cairo_create (surface);
        g_autoptr(BrChartLayout) layout = br_chart_draw (cr, hostile, options, width, height);
        guint n_ellipsized = 0;

        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        g_assert_true (br_chart_layout_has_data (layout));
        GArray *boxes = br_chart_layout_get_text_boxes (layout);
        for (guint i = 0; i < boxes->len; i++)
          {
            const BrTextBox *b = &g_array_index (boxes, BrTextBox, i);

            g_assert_cmpfloat (b->x0, >=, -0.5);
            g_assert_cmpfloat (b->x1, <=, width + 0.5);
            if (b->ellipsized)
              n_ellipsized++;
          }
        /* the name of 10,000 Ws, at least, is cut short, and says so */
        g_assert_cmpuint (n_ellipsized, >, 0);
        for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
          {
            g_autofree char *tip = br_chart_mark_describe (br_chart_layout_get_mark (layout, i), BR_LANGUAGE_EN);

            g_assert_nonnull (strstr (tip, "%s"));   /* the publisher, literally */
          }
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

/* The deck: a title slide, the four charts in presentation type with the user's
 * choices, and the sources they cite; chart slides answer hover like the window's charts. */
static void
test_deck (gconstpointer data)
{
  BrTheme theme = GPOINTER_TO_UINT (data);
  static const char * const two[] = { "metax", "moore-threads", NULL };
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_RND);
  g_autoptr(BrDeck) deck = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, 11, 2026);
  br_chart_options_set_theme (options, theme);
  br_chart_options_set_companies (options, two);
  br_chart_options_set_cumulative (options, TRUE);
  deck = br_deck_new (dataset, options, &date);

  g_assert_cmpuint (br_deck_get_n_slides (deck), >=, BR_N_CHART_KINDS + 2);
  g_assert_cmpint (br_deck_get_slide_kind (deck, 0), ==, BR_SLIDE_TITLE);
  for (guint i = BR_N_CHART_KINDS + 1; i < br_deck_get_n_slides (deck); i++)
    g_assert_cmpint (br_deck_get_slide_kind (deck, i), ==, BR_SLIDE_SOURCES);
  g_assert_null (br_deck_get_slide_options (deck, 0));

  for (guint i = 0; i < br_deck_get_n_slides (deck); i++)
    {
      g_autoptr(BrChartLayout) layout = NULL;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
      cairo_t *cr = cairo_create (surface);

      layout = br_deck_draw_slide (deck, i, cr, 1920, 1080);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      assert_text_fits (layout, 1920, 1080);

      if (br_deck_get_slide_kind (deck, i) == BR_SLIDE_CHART)
        {
          const BrChartOptions *slide = br_deck_get_slide_options (deck, i);

          g_assert_cmpfloat (br_chart_options_get_text_scale (slide), ==, BR_DECK_TEXT_SCALE);
          g_assert_true (br_chart_options_get_slide (slide));
          g_assert_true (br_chart_options_get_cumulative (slide));
          g_assert_cmpint (br_chart_options_get_kind (slide), ==, i - 1);
          g_assert_cmpuint (br_deck_find_chart (deck, i - 1), ==, i);
          assert_hits (layout);
          for (guint j = 0; j < br_chart_layout_get_n_marks (layout); j++)
            {
              const BrChartMark *m = br_chart_layout_get_mark (layout, j);

              /* only the chosen companies, and Nvidia on the chart that compares with it */
              g_assert_true (g_str_equal (m->company->id, "metax") ||
                             g_str_equal (m->company->id, "moore-threads") ||
                             (i - 1 == BR_CHART_VALUATION && g_str_equal (m->company->id, "nvidia")));
            }
        }
      else if (i == 0)
        {
          /* the dataset's title, its apostrophes set curly */
          const char *title = br_text_get (br_dataset_get_title (dataset),
                                           br_language_from_locale ());
          g_auto(GStrv) parts = g_strsplit (title, "'", -1);
          g_autofree char *curly = g_strjoinv ("’", parts);

          g_assert_cmpstr (br_chart_layout_get_title (layout), ==, curly);
        }

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
        return TRUE;
    }

  return FALSE;
}

/* Under a Chinese locale, the chart's own words are Chinese too, not only the names
 * from the dataset; the suite runs once in each language. */
static void
test_titles_follow_language (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrChartLayout) layout = NULL;
  const char *language = g_getenv ("LANGUAGE");

  layout = render (options, 1280, 720, 1, NULL);
  if (language != NULL && g_str_has_prefix (language, "zh"))
    {
      g_assert_cmpint (br_chart_options_get_language (options), ==, BR_LANGUAGE_ZH);
      g_assert_true (has_han (br_chart_layout_get_title (layout)));
      g_assert_true (has_han (br_chart_kind_get_title (BR_CHART_RND)));
    }
  else
    {
      g_assert_cmpstr (br_chart_layout_get_title (layout), ==,
                       "Net income");
    }
}

/* Languages are one table: codes and locale names map to it, each code round-trips,
 * and every language but English has a catalogue that gives a chart its own words and
 * units (a language added without one fails here). */
static void
test_languages (void)
{
  static const struct { const char *name; gboolean known; BrLanguage language; } names[] = {
    { "en", TRUE, BR_LANGUAGE_EN }, { "en_GB.UTF-8", TRUE, BR_LANGUAGE_EN },
    { "zh", TRUE, BR_LANGUAGE_ZH }, { "zh_CN.UTF-8", TRUE, BR_LANGUAGE_ZH },
    { "zh-Hans", TRUE, BR_LANGUAGE_ZH }, { "zhx", FALSE, 0 }, { "fr_FR", FALSE, 0 },
    { "C", FALSE, 0 }, { "", FALSE, 0 },
  };
  BrUnit yi;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      BrLanguage language = BR_N_LANGUAGES;

      g_assert_cmpint (br_language_from_string (names[i].name, &language), ==, names[i].known);
      if (names[i].known)
        g_assert_cmpint (language, ==, names[i].language);
    }

  br_unit_init (&yi, "CNY", BR_SCALE_YI);
  for (BrLanguage l = 0; l < BR_N_LANGUAGES; l++)
    {
      g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
      g_autoptr(BrChartLayout) layout = NULL;
      BrLanguage back = BR_N_LANGUAGES;

      g_assert_true (br_language_from_string (br_language_to_string (l), &back));
      g_assert_cmpint (back, ==, l);
      if (l == BR_LANGUAGE_EN)
        continue;

      br_chart_options_set_language (options, l);
      layout = render (options, 1280, 720, 1, NULL);
      g_assert_cmpstr (br_chart_layout_get_title (layout), !=, "Net income");
      g_assert_cmpstr (br_chart_unit_label (&yi, l), !=, br_chart_unit_label (&yi, BR_LANGUAGE_EN));
    }
  g_assert_cmpstr (br_chart_unit_label (&yi, BR_LANGUAGE_ZH), ==, "亿元");
  g_assert_cmpstr (br_chart_unit_label (&yi, BR_LANGUAGE_EN), ==, "100M CNY");
}

/* The display units are one table: the GSettings schema offers exactly its names, the
 * old spelling "yi" still names 亿元, and the charts have a name for each in every
 * language. */
static void
test_display_units (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "io.github.burnrate.Burnrate.gschema.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *schema = NULL;
  const char *key, *end;
  guint n_choices = 0;
  BrUnit unit;

  /* the "unit" key's choices */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  key = strstr (contents, "name=\"unit\"");
  g_assert_nonnull (key);
  end = strstr (key, "</key>");
  g_assert_nonnull (end);
  schema = g_strndup (key, end - key);
  for (const char *at = strstr (schema, "<choice "); at != NULL; at = strstr (at + 1, "<choice "))
    n_choices++;

  g_assert_cmpuint (br_display_unit_get_n (), ==, n_choices);
  for (guint i = 0; i < br_display_unit_get_n (); i++)
    {
      const BrDisplayUnit *display = br_display_unit_get (i);
      g_autofree char *choice = g_strdup_printf ("<choice value=\"%s\"/>", display->name);

      g_assert_nonnull (strstr (schema, choice));
      g_assert_true (br_display_unit_lookup (display->name) == display);
      br_display_unit_to_unit (display, &unit);
      g_assert_cmpint (br_display_unit_find (&unit), ==, i);
      for (BrLanguage l = 0; l < BR_N_LANGUAGES; l++)
        g_assert_null (strstr (br_chart_unit_label (&unit, l), "×10"));
    }

  g_assert_cmpstr (br_display_unit_lookup ("yi")->name, ==, "cny-yi");
  g_assert_null (br_display_unit_lookup ("usd-yi"));
  g_assert_null (br_display_unit_lookup (NULL));
}

static BrDataset *
load_test_dataset (const char *first,
                   ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  BrDataset *loaded;
  va_list args;

  va_start (args, first);
  path = g_build_filename_valist (first, &args);
  va_end (args);
  file = g_file_new_for_path (path);
  loaded = br_dataset_load_file (file, NULL, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  return loaded;
}

static BrChartLayout *
render_dataset (BrDataset            *ds,
                const BrChartOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  BrChartLayout *layout = br_chart_draw (cr, ds, options, 1280, 720);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return layout;
}

/* A tick label as a number: "−1,200" is -1200, "10万亿" (in 亿) 100,000 */
static gboolean
parse_tick (const char *text,
            double     *value)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  double factor = g_str_has_suffix (text, "万亿") ? 1e4 : 1;
  char *end;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2212)
        g_string_append_c (plain, '-');
      else if (c == 0x4e07)   /* 万: 万亿 ends the number */
        break;
      else if (c != ',')
        g_string_append_unichar (plain, c);
    }

  *value = g_ascii_strtod (plain->str, &end) * factor;
  return plain->len > 0 && *end == '\0';
}

/* The y axis's tick labels read back from the layout (they share their right edge) must
 * step evenly, by 1, 2 or 5 × 10^n: never 0, −2, −5, −8 for a step of 2.5. */
static guint
check_y_ticks (BrChartLayout *layout,
               const char    *what)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double right = -1;
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);
      double v;

      if (g_strcmp0 (box->role, "tick") != 0 || !parse_tick (box->text, &v) ||
          (right >= 0 && fabs (box->x1 - right) > 0.01))
        continue;
      if (right < 0 && i + 1 < boxes->len &&
          fabs (g_array_index (boxes, BrTextBox, i + 1).x1 - box->x1) > 0.01)
        continue;   /* a year under the time axis, not a y tick */
      right = box->x1;
      g_array_append_val (values, v);
    }

  for (guint i = 2; i < values->len; i++)
    {
      double step = g_array_index (values, double, 1) - g_array_index (values, double, 0);
      double here = g_array_index (values, double, i) - g_array_index (values, double, i - 1);
      double mantissa = fabs (step) / pow (10, floor (log10 (fabs (step)) + 1e-9));

      if (fabs (here - step) > fabs (step) * 1e-6 ||
          !(fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 || fabs (mantissa - 5) < 1e-6))
        g_error ("%s: tick labels do not step evenly by 1, 2 or 5 × 10^n: %g after %g, step %g",
                 what, g_array_index (values, double, i), g_array_index (values, double, i - 1),
                 step);
    }

  return values->len;
}

/* Every linear axis of every chart, on the bundled dataset, the challengers and the
 * datasets written for the tests, per period and cumulative, for all and for one company */
static void
test_tick_steps (void)
{
  g_autoptr(BrDataset) challengers = load_test_dataset (g_test_get_dir (G_TEST_DIST), "..", "data",
                                                        "datasets", "china-gpu-challengers.json",
                                                        NULL);
  g_autoptr(BrDataset) usd = load_test_dataset (g_test_get_dir (G_TEST_DIST), "data", "charts",
                                                "usd-january.json", NULL);
  g_autoptr(BrDataset) hkd = load_test_dataset (g_test_get_dir (G_TEST_DIST), "data", "charts",
                                                "hkd-halves.json", NULL);
  BrDataset *datasets[] = { dataset, challengers, usd, hkd };
  static const BrChartKind kinds[] = { BR_CHART_LOSSES, BR_CHART_RND, BR_CHART_VALUATION };
  static const char *one_company[] = { "moore-threads", NULL };
  guint n_axes = 0;

  for (guint d = 0; d < G_N_ELEMENTS (datasets); d++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      for (guint mode = 0; mode < 4; mode++)
        {
          g_autoptr(BrChartOptions) options = br_chart_options_new (kinds[k]);
          g_autoptr(BrChartLayout) layout = NULL;
          g_autofree char *what = NULL;
          BrUnit unit;

          br_unit_for_dataset (datasets[d], &unit);
          br_chart_options_set_unit (options, &unit);
          br_chart_options_set_log_scale (options, FALSE);
          br_chart_options_set_cumulative (options, mode & 1);
          if (mode & 2)
            br_chart_options_set_companies (options, one_company);
          layout = render_dataset (datasets[d], options);
          what = g_strdup_printf ("dataset %u, %s, mode %u", d, br_chart_kind_to_string (kinds[k]),
                                  mode);
          n_axes += check_y_ticks (layout, what) >= 3;
        }

  /* most of them draw an axis: the check is not vacuous */
  g_assert_cmpuint (n_axes, >=, 24);
}

/* A dataset in US dollars only, with a January fiscal year: its unit is its own (no
 * "No data" for want of yuan), in millions for figures in the millions, and "Net
 * income" once a company is profitable */
static void
test_usd_dataset (void)
{
  g_autoptr(BrDataset) usd = load_test_dataset (g_test_get_dir (G_TEST_DIST), "data", "charts",
                                                "usd-january.json", NULL);
  static const BrChartKind kinds[] = { BR_CHART_LOSSES, BR_CHART_RND, BR_CHART_VALUATION };
  BrUnit unit;

  br_unit_for_dataset (usd, &unit);
  g_assert_cmpstr (unit.currency.code, ==, "USD");
  g_assert_cmpint (unit.scale, ==, BR_SCALE_MILLION);
  br_unit_for_dataset (dataset, &unit);
  g_assert_cmpstr (unit.currency.code, ==, "CNY");
  g_assert_cmpint (unit.scale, ==, BR_SCALE_YI);

  br_unit_for_dataset (usd, &unit);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(BrChartOptions) options = br_chart_options_new (kinds[k]);
      g_autoptr(BrChartLayout) layout = NULL;
      gboolean unit_named = FALSE;

      br_chart_options_set_language (options, BR_LANGUAGE_EN);
      br_chart_options_set_unit (options, &unit);
      layout = render_dataset (usd, options);
      g_assert_true (br_chart_layout_has_data (layout));
      GArray *boxes = br_chart_layout_get_text_boxes (layout);
      for (guint i = 0; i < boxes->len; i++)
        {
          const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

          unit_named |= g_strcmp0 (box->role, "axis-title") == 0 && strstr (box->text, "M USD");
        }
      g_assert_true (unit_named);
      if (kinds[k] == BR_CHART_LOSSES)
        g_assert_cmpstr (br_chart_layout_get_title (layout), ==, "Net income");
      if (kinds[k] == BR_CHART_VALUATION)
        g_assert_cmpstr (br_chart_layout_get_title (layout), ==, "Valuation");
    }
}

/* A company that reports only total net income is drawn from it, and says so; a
 * company with nothing to draw is named in the footnote; losses only: "Net losses" */
static void
test_nothing_disappears (void)
{
  g_autoptr(BrDataset) hkd = load_test_dataset (g_test_get_dir (G_TEST_DIST), "data", "charts",
                                                "hkd-halves.json", NULL);
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrChartLayout) layout = NULL;
  gboolean total_in_legend = FALSE, named_in_footnote = FALSE;
  guint n_total_marks = 0;
  BrUnit unit;

  br_unit_for_dataset (hkd, &unit);
  g_assert_cmpstr (unit.currency.code, ==, "HKD");
  br_chart_options_set_unit (options, &unit);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  layout = render_dataset (hkd, options);

  g_assert_cmpstr (br_chart_layout_get_title (layout), ==, "Net losses");
  GArray *boxes = br_chart_layout_get_text_boxes (layout);
  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      total_in_legend |= g_strcmp0 (box->role, "legend") == 0 &&
                         g_str_equal (box->text, "Kowloon Logic (total net income)");
      named_in_footnote |= g_strcmp0 (box->role, "footnote") == 0 &&
                           strstr (box->text, "No net income figures in the range for: Lantau AI");
    }
  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);

      if (g_str_equal (m->company->id, "kowloon"))
        {
          g_autofree char *tip = br_chart_mark_describe (m, BR_LANGUAGE_EN);

          g_assert_nonnull (strstr (tip, "total net income"));
          n_total_marks++;
        }
    }

  g_assert_true (total_in_legend);
  g_assert_true (named_in_footnote);
  g_assert_cmpuint (n_total_marks, ==, 2);
}

/* The text box of @role (any with NULL) whose text holds @part, or NULL */
static const BrTextBox *
find_box (BrChartLayout *layout,
          const char    *role,
          const char    *part)
{
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if ((role == NULL || g_strcmp0 (box->role, role) == 0) && strstr (box->text, part) != NULL)
        return box;
    }

  return NULL;
}

/* A dataset's own chart titles and subtitles, in each language, over the chart's own;
 * amounts converted through a pivot currency name both rates */
static void
test_dataset_titles (void)
{
  g_autoptr(BrDataset) krw = load_test_dataset (g_test_get_dir (G_TEST_DIST), "data", "charts",
                                                "usd-hkd-krw.json", NULL);
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrChartLayout) en = NULL;
  g_autoptr(BrChartLayout) zh = NULL;
  g_autoptr(BrChartLayout) rnd = NULL;
  guint n_through = 0;
  BrUnit unit;

  br_unit_init (&unit, "KRW", BR_SCALE_BILLION);
  br_chart_options_set_unit (options, &unit);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  en = render_dataset (krw, options);
  br_chart_options_set_language (options, BR_LANGUAGE_ZH);
  zh = render_dataset (krw, options);

  g_assert_cmpstr (br_chart_layout_get_title (en), ==, "Three markets, three currencies");
  g_assert_cmpstr (br_chart_layout_get_title (zh), ==, "三个市场，三种货币");
  g_assert_nonnull (find_box (en, "subtitle", "Net income as reported · 2023"));
  g_assert_nonnull (find_box (zh, "subtitle", "按报告的净利润 · "));
  g_assert_nonnull (find_box (en, "footnote", "USD/HKD 7.8 (2024 average)"));
  g_assert_nonnull (find_box (en, "footnote", "USD/KRW 1,364 (2024 average)"));
  g_assert_null (find_box (en, "footnote", "HKD/KRW"));
  for (guint i = 0; i < br_chart_layout_get_n_marks (en); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (en, i);
      g_autofree char *tip = br_chart_mark_describe (m, BR_LANGUAGE_EN);

      if (g_str_equal (m->company->id, "harbour"))
        {
          g_assert_nonnull (strstr (tip, "HKD/KRW"));
          /* the tooltip is in the window's language */
          g_autofree char *through = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, ", through %s"),
                                                      "USD");

          g_assert_nonnull (strstr (tip, through));
          /* 1,306 / 7.8 and 1,364 / 7.8 to five significant digits */
          {
            const char *rate = strstr (tip, "HKD/KRW ") + strlen ("HKD/KRW ");
            g_autofree char *digits = g_strndup (rate, strspn (rate, "0123456789.,"));

            g_assert_true (g_str_equal (digits, "167.44") || g_str_equal (digits, "174.87"));
          }
          n_through++;
        }
    }
  g_assert_cmpuint (n_through, ==, 3);

  /* a chart the dataset does not title keeps its own */
  br_chart_options_set_kind (options, BR_CHART_RND);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  rnd = render_dataset (krw, options);
  g_assert_cmpstr (br_chart_layout_get_title (rnd), ==, "Revenue against R&D expense");
}

/* The footnote says when the benchmark's value compared with is of another day */
static void
test_benchmark_day_stated (void)
{
  g_autoptr(BrDataset) dates = load_test_dataset (g_test_get_dir (G_TEST_DIST), "data", "charts",
                                                  "benchmark-dates.json", NULL);
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_VALUATION);
  g_autoptr(BrChartLayout) layout = NULL;
  BrUnit unit;

  br_unit_for_dataset (dates, &unit);
  g_assert_cmpstr (unit.currency.code, ==, "USD");
  g_assert_cmpint (unit.scale, ==, BR_SCALE_BILLION);
  br_chart_options_set_unit (options, &unit);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  layout = render_dataset (dates, options);

  g_assert_nonnull (find_box (layout, NULL, "40.0 · 2025-07-11 · 1.00% of Bigco"));
  g_assert_nonnull (find_box (layout, NULL, "45.0 · 2025-12-05 · 1.00% of Bigco"));
  g_assert_nonnull (find_box (layout, "footnote",
                              "Nearby Logic: share of Bigco’s close of 2025-08-01, the nearest."));
  g_assert_null (find_box (layout, "footnote", "Same Day Semi"));
}

/* The chart's language, not the locale's: under either locale (the test runs under both),
 * a Chinese chart's text is Chinese and an English chart's English, including the axis
 * title, the footnote and the description. Outside a drawing, _() is the locale's again. */
static void
test_language_over_locale (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrChartLayout) zh = NULL;
  g_autoptr(BrChartLayout) en = NULL;
  const char *locale = g_getenv ("LANGUAGE");
  gboolean chinese_locale = locale != NULL && g_str_has_prefix (locale, "zh");

  br_chart_options_set_language (options, BR_LANGUAGE_ZH);
  zh = render (options, 1280, 720, 1, NULL);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  en = render (options, 1280, 720, 1, NULL);

  g_assert_cmpstr (br_chart_layout_get_title (zh), ==, "归母净利润");
  g_assert_true (has_han (br_chart_layout_get_description (zh)));
  g_assert_cmpstr (br_chart_layout_get_title (en), ==, "Net income");
  g_assert_false (has_han (br_chart_layout_get_title (en)));

  /* the window's own labels stay in the locale's language */
  g_assert_cmpint (has_han (br_chart_kind_get_title (BR_CHART_RND)), ==, chinese_locale);
}

/* @func once for each chart kind, as @prefix/losses, @prefix/rnd, ... */
static void
add_for_each_kind (const char    *prefix,
                   GTestDataFunc  func)
{
  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, br_chart_kind_to_string (kind));

      g_test_add_data_func (path, GUINT_TO_POINTER (kind), func);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const double sizes[][3] = { { 640, 360, 1 }, { 1920, 1080, 1 }, { 1280, 720, 3 },
                                     { 3840, 2160, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int status;

  br_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  dataset = br_dataset_load_bundled (&error);
  g_assert_no_error (error);

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (BrTheme theme = BR_THEME_LIGHT; theme <= BR_THEME_DARK; theme++)
        for (int cumulative = 0; cumulative <= 1; cumulative++)
          {
            RenderCase *c = render_case_new (kind, sizes[s][0], sizes[s][1], sizes[s][2], theme,
                                             cumulative);
            g_autofree char *path = g_strdup_printf ("/Br/Chart/render/%s/%.0fx%.0f@%.0f/%s%s",
                                                     br_chart_kind_to_string (kind), c->width,
                                                     c->height, c->scale,
                                                     theme == BR_THEME_DARK ? "dark" : "light",
                                                     cumulative ? "/cumulative" : "");

            g_ptr_array_add (cases, c);
            g_test_add_data_func (path, c, test_render);
          }

  g_test_add_func ("/Br/Chart/bars-from-zero", test_bars_from_zero);
  g_test_add_func ("/Br/Chart/titles-follow-language", test_titles_follow_language);
  g_test_add_func ("/Br/Chart/language-over-locale", test_language_over_locale);
  g_test_add_func ("/Br/Chart/languages", test_languages);
  g_test_add_func ("/Br/Chart/tick-steps", test_tick_steps);
  g_test_add_func ("/Br/Chart/usd-dataset", test_usd_dataset);
  g_test_add_func ("/Br/Chart/nothing-disappears", test_nothing_disappears);
  g_test_add_func ("/Br/Chart/dataset-titles", test_dataset_titles);
  g_test_add_func ("/Br/Chart/benchmark-day-stated", test_benchmark_day_stated);
  g_test_add_func ("/Br/Chart/display-units", test_display_units);
  g_test_add_func ("/Br/Chart/linear-and-log-axes", test_linear_and_log_axes);
  g_test_add_func ("/Br/Chart/cumulative-losses", test_cumulative_losses);
  g_test_add_func ("/Br/Chart/legend-toggles", test_legend_toggles);
  g_test_add_func ("/Br/Chart/no-data-panel", test_no_data_panel);
  g_test_add_func ("/Br/Chart/tooltip-text", test_tooltip_text);
  g_test_add_func ("/Br/Chart/bounded-share", test_bounded_share);
  g_test_add_func ("/Br/Chart/source-and-period-text", test_source_and_period_text);
  g_test_add_func ("/Br/Chart/cjk-glyphs", test_cjk_glyphs);
  g_test_add_func ("/Br/Chart/hostile-names", test_hostile_names);
  add_for_each_kind ("/Br/Chart/presentation-scale", test_presentation_scale);
  add_for_each_kind ("/Br/Chart/text-scales", test_text_scales);
  g_test_add_func ("/Br/Chart/small-text-in-whole-pixels", test_small_text_in_whole_pixels);
  g_test_add_func ("/Br/Chart/subtitle-wraps", test_subtitle_wraps);
  add_for_each_kind ("/Br/Chart/sources-named", test_sources_named);

  g_test_add_data_func ("/Br/Deck/light", GUINT_TO_POINTER (BR_THEME_LIGHT), test_deck);
  g_test_add_data_func ("/Br/Deck/dark", GUINT_TO_POINTER (BR_THEME_DARK), test_deck);

  status = g_test_run ();
  g_clear_object (&dataset);

  return status;
}
