/* test-honest.c: what each chart says of its marks, read back from real renders of
 * datasets written for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../br-test-i18n.h"

#include <math.h>
#include <string.h>

#include "br-chart.h"
#include "br-chart-layout-private.h"
#include "br-chart-options-private.h"
#include "br-deck.h"
#include "br-loader-private.h"
#include "../br-test-color.h"
#include "../br-test-data.h"

/* @kind of @ds in @unit (NULL: the dataset's own), for @companies (NULL: the default) */
static BrChartLayout *
draw_in (BrDataset          *ds,
         BrChartKind         kind,
         const char * const *companies,
         BrLanguage          language,
         const char         *unit_name)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (kind);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  BrChartLayout *layout;
  BrUnit unit;

  if (unit_name != NULL)
    br_display_unit_to_unit (br_display_unit_lookup (unit_name), &unit);
  else
    br_unit_for_dataset (ds, &unit);
  br_chart_options_set_unit (options, &unit);
  br_chart_options_set_language (options, language);
  br_chart_options_set_companies (options, companies);
  layout = br_chart_draw (cr, ds, options, 1280, 720);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return layout;
}

static BrChartLayout *
draw (BrDataset          *ds,
      BrChartKind         kind,
      const char * const *companies,
      BrLanguage          language)
{
  return draw_in (ds, kind, companies, language, NULL);
}

/* Whether a box in @role (NULL: any) says @text exactly */
static gboolean
says (BrChartLayout *layout,
      const char    *role,
      const char    *text)
{
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if ((role == NULL || g_strcmp0 (box->role, role) == 0) && g_str_equal (box->text, text))
        return TRUE;
    }

  return FALSE;
}

/* No number of five digits or more without separators, anywhere on the chart */
static void
assert_grouped (BrChartLayout *layout)
{
  g_autoptr(GRegex) bare = g_regex_new ("[0-9]{5,}", 0, 0, NULL);

  GArray *boxes = br_chart_layout_get_text_boxes (layout);
  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_strcmp0 (box->role, "footnote") != 0 && g_regex_match (bare, box->text, 0, NULL))
        g_error ("“%s” (%s) has a number without thousands separators", box->text, box->role);
    }
}

/* The text of the first box in @role, or "" */
static const char *
text_of (BrChartLayout *layout,
         const char    *role)
{
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_strcmp0 (box->role, role) == 0)
        return box->text;
    }

  return "";
}

/* The tick label under the plot nearest @x */
static const char *
label_under (BrChartLayout *layout,
             double         x)
{
  const BrTextBox *best = NULL;
  double best_distance = G_MAXDOUBLE, lowest = 0;
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_strcmp0 (box->role, "tick") == 0)
        lowest = MAX (lowest, box->y0);
    }
  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);
      double distance = fabs ((box->x0 + box->x1) / 2 - x);

      if (g_strcmp0 (box->role, "tick") == 0 && box->y0 == lowest && distance < best_distance)
        {
          best = box;
          best_distance = distance;
        }
    }

  g_assert_nonnull (best);
  return best->text;
}

/* A January fiscal year's mark sits under its own label: FY2022 under "FY2022", not under
 * "2021", in English and in Chinese */
static void
test_fiscal_year_labels (void)
{
  g_autoptr(BrDataset) usd = br_test_load_chart_dataset ("usd-january.json");

  for (BrLanguage lang = 0; lang < BR_N_LANGUAGES; lang++)
    {
      g_autoptr(BrChartLayout) layout = draw (usd, BR_CHART_LOSSES, NULL, lang);
      guint n = 0;

      for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
        {
          const BrChartMark *m = br_chart_layout_get_mark (layout, i);
          g_autofree char *year = g_strdup_printf ("%d", g_date_get_year (&m->period->end));
          g_autofree char *label = g_strdup_printf ("FY%s", year);
          const char *under = label_under (layout, m->x);

          g_assert_cmpstr (br_period_get_label (m->period, BR_LANGUAGE_EN), ==, label);
          if (strstr (under, year) == NULL)
            g_error ("%s's mark sits under “%s”", br_period_get_label (m->period, lang), under);
          n++;
        }
      g_assert_cmpuint (n, ==, 7);
    }
}

/* The footnote and subtitle name only marks the chart draws: no hollow diamonds, hatched
 * bars or hollow points where there are none, and they are named where there are */
static void
test_keys_match_marks (void)
{
  g_autoptr(BrDataset) usd = br_test_load_chart_dataset ("usd-january.json");
  g_autoptr(BrDataset) hkd = br_test_load_chart_dataset ("hkd-halves.json");
  g_autoptr(BrDataset) marks = br_test_load_chart_dataset ("marks.json");
  static const char *calendar[] = { "delta", "echo", NULL };
  static const char *mixed[] = { "delta", "ridge", NULL };
  g_autoptr(BrChartLayout) usd_losses = draw (usd, BR_CHART_LOSSES, NULL, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) hkd_losses = draw (hkd, BR_CHART_LOSSES, NULL, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) usd_rnd = draw (usd, BR_CHART_RND, NULL, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) hkd_rnd = draw (hkd, BR_CHART_RND, NULL, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) listed = draw (marks, BR_CHART_VALUATION, (const char *[]) { "delta", NULL },
                                          BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) private = draw (marks, BR_CHART_VALUATION, calendar, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) exact = draw (marks, BR_CHART_CUSTOMERS, NULL, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) both = draw (marks, BR_CHART_LOSSES, mixed, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) one = draw (marks, BR_CHART_LOSSES, (const char *[]) { "ridge", NULL },
                                       BR_LANGUAGE_EN);

  g_assert_null (strstr (text_of (usd_losses, "footnote"), "diamond"));
  g_assert_nonnull (strstr (text_of (hkd_losses, "footnote"), "Hollow diamonds"));
  g_assert_null (strstr (text_of (usd_rnd, "footnote"), "Hatched"));
  g_assert_nonnull (strstr (text_of (hkd_rnd, "footnote"), "Hatched bars"));
  g_assert_null (strstr (text_of (listed, "subtitle"), "hollow"));
  g_assert_nonnull (strstr (text_of (private, "subtitle"), "hollow points"));
  g_assert_nonnull (strstr (text_of (exact, "footnote"), "bound"));

  /* years ending in different months cannot share bands: the footnote says where they sit */
  g_assert_nonnull (strstr (text_of (both, "footnote"), "Fiscal years end in different months"));
  g_assert_null (strstr (text_of (one, "footnote"), "different months"));
  g_assert_cmpstr (label_under (one, br_chart_layout_get_mark (one, 0)->x), ==, "FY2023");
}

/* The year labels under the plot, left to right */
static char *
year_labels (BrChartLayout *layout)
{
  g_autoptr(GPtrArray) ticks = g_ptr_array_new ();
  GString *joined = g_string_new (NULL);
  double lowest = 0;
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_strcmp0 (box->role, "tick") == 0)
        lowest = MAX (lowest, box->y0);
    }
  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_strcmp0 (box->role, "tick") == 0 && box->y0 >= lowest - 1)
        g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", box->text);
    }

  return g_string_free (joined, FALSE);
}

/* Years ending in December and in January on one axis: the axis ends with the year the
 * last marks sit in (a January year's in the middle of the calendar year before), not
 * with an empty year */
static void
test_mixed_year_ends_axis (void)
{
  g_autoptr(BrDataset) marks = br_test_load_chart_dataset ("marks.json");
  g_autoptr(BrChartLayout) mixed = draw (marks, BR_CHART_LOSSES,
                                         (const char *[]) { "delta", "ridge", NULL },
                                         BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) december = draw (marks, BR_CHART_LOSSES,
                                            (const char *[]) { "delta", NULL }, BR_LANGUAGE_EN);
  g_autofree char *mixed_years = year_labels (mixed);
  g_autofree char *december_years = year_labels (december);

  g_assert_cmpstr (december_years, ==, "2022 2023 2024");
  g_assert_cmpstr (mixed_years, ==, "2022 2023 2024");
}

/* Chinese writes 10,000 亿 and more as 万亿, on the axis, the end labels and in the
 * tooltip; multiples are 倍 in Chinese, and above 1,000 only ">1,000×" */
static void
test_chinese_amounts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) bundled = br_dataset_load_bundled (&error);
  g_autoptr(BrDataset) marks = br_test_load_chart_dataset ("marks.json");
  g_autoptr(BrChartLayout) zh = draw_in (bundled, BR_CHART_VALUATION, NULL, BR_LANGUAGE_ZH, "cny-yi");
  g_autoptr(BrChartLayout) en = draw_in (bundled, BR_CHART_VALUATION, NULL, BR_LANGUAGE_EN, "cny-yi");
  g_autoptr(BrChartLayout) rnd_zh = draw (marks, BR_CHART_RND, NULL, BR_LANGUAGE_ZH);
  g_autoptr(BrChartLayout) rnd_en = draw (marks, BR_CHART_RND, NULL, BR_LANGUAGE_EN);
  gboolean wan_tick = FALSE, wan_label = FALSE, wan_tip = FALSE;

  g_assert_no_error (error);
  GArray *zh_boxes = br_chart_layout_get_text_boxes (zh);
  for (guint i = 0; i < zh_boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (zh_boxes, BrTextBox, i);

      wan_tick |= g_strcmp0 (box->role, "tick") == 0 && g_str_has_suffix (box->text, "0万亿");
      wan_label |= g_strcmp0 (box->role, "label") == 0 && strstr (box->text, "万亿") != NULL;
    }
  for (guint i = 0; i < br_chart_layout_get_n_marks (zh); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (zh, i);
      g_autofree char *tip = br_chart_mark_describe (m, BR_LANGUAGE_ZH);

      if (m->value >= 1e4)
        {
          g_assert_nonnull (strstr (tip, "万亿元"));
          wan_tip = TRUE;
        }
    }
  g_assert_true (wan_tick);
  g_assert_true (wan_label);
  g_assert_true (wan_tip);
  assert_grouped (zh);
  assert_grouped (en);
  g_assert_null (strstr (text_of (en, "tick"), "万"));

  /* Delta Compute's 2022 R&D is 2,200 times its revenue */
  g_assert_true (says (rnd_en, NULL, ">1,000×"));
  g_assert_true (says (rnd_zh, NULL, ">1,000倍"));
  g_assert_true (says (rnd_zh, NULL, "10.8倍"));
  g_assert_false (says (rnd_zh, NULL, "10.8×"));
  g_assert_nonnull (strstr (br_chart_layout_get_description (rnd_zh), "倍"));
  g_assert_null (strstr (br_chart_layout_get_description (rnd_zh), "×"));
}

/* A box in @role saying @text within @distance of @x, @y */
static const BrTextBox *
box_near (BrChartLayout *layout,
          const char    *role,
          const char    *text,
          double         x,
          double         y,
          double         distance)
{
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);
      double dx = MAX (MAX (box->x0 - x, x - box->x1), 0);
      double dy = MAX (MAX (box->y0 - y, y - box->y1), 0);

      if (g_strcmp0 (box->role, role) == 0 && g_str_equal (box->text, text) &&
          hypot (dx, dy) <= distance)
        return box;
    }

  return NULL;
}

/* Flash figures carry an asterisk on the chart, which the footnote keys; a figure's note
 * is in its tooltip; every company's labelled market value is labelled; end labels name
 * the company and the period of the value they give */
static void
test_flash_notes_labels (void)
{
  g_autoptr(BrDataset) marks = br_test_load_chart_dataset ("marks.json");
  static const char *delta[] = { "delta", NULL };
  static const char *listed[] = { "delta", "echo", NULL };
  g_autoptr(BrChartLayout) losses = draw (marks, BR_CHART_LOSSES, delta, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) rnd = draw (marks, BR_CHART_RND, delta, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) valuation = draw (marks, BR_CHART_VALUATION, listed, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) runway = draw (marks, BR_CHART_RUNWAY, delta, BR_LANGUAGE_EN);
  BrChartLayout *flashy[] = { losses, rnd, runway };
  const BrTextBox *value = NULL;
  GArray *boxes;
  guint n_flash = 0;

  for (guint k = 0; k < G_N_ELEMENTS (flashy); k++)
    {
      g_assert_nonnull (strstr (text_of (flashy[k], "footnote"), "* Flash (unaudited) figure."));
      for (guint i = 0; i < br_chart_layout_get_n_marks (flashy[k]); i++)
        {
          const BrChartMark *m = br_chart_layout_get_mark (flashy[k], i);
          g_autofree char *tip = br_chart_mark_describe (m, BR_LANGUAGE_EN);
          gboolean starred = box_near (flashy[k], "label", "*", m->x, m->y0, 30) != NULL;

          /* a projection starts at the last report: its first point shares the star */
          if (m->status != BR_STATUS_PROJECTION)
            g_assert_cmpint (starred, ==, m->status == BR_STATUS_FLASH);
          n_flash += m->status == BR_STATUS_FLASH && m->series != BR_SERIES_BURN_TTM &&
                     m->series != BR_SERIES_RUNWAY_MONTHS;
          if (m->series == BR_SERIES_NET_INCOME && m->status == BR_STATUS_FLASH)
            g_assert_nonnull (strstr (tip, "Preliminary; the audited figure follows in April"));
        }
    }
  g_assert_cmpuint (n_flash, ==, 3);

  /* not only the benchmark's: a listed company's and a private one's */
  for (guint i = 0; i < br_chart_layout_get_n_marks (valuation); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (valuation, i);
      g_autofree char *date = br_chart_describe_period (NULL, &m->date, BR_LANGUAGE_EN);
      g_autofree char *label = g_strdup_printf ("%s · %s", m->name, date);

      g_assert_nonnull (m->name);
      if (box_near (valuation, "label", label, m->x, m->y, 60) == NULL)
        g_error ("the market value “%s” of %s is not labelled", label, m->company->name.en);
    }

  boxes = br_chart_layout_get_text_boxes (losses);
  for (guint i = 0; i < boxes->len; i++)
    if (g_strcmp0 (g_array_index (boxes, BrTextBox, i).role, "value") == 0)
      value = &g_array_index (boxes, BrTextBox, i);
  g_assert_nonnull (value);
  g_assert_cmpstr (value->text, ==, "−14.92* · 2024");
  g_assert_nonnull (box_near (losses, "legend", "Delta Compute", value->x0, (value->y0 + value->y1) / 2, 20));
  g_assert_true (says (valuation, "value", "2,901 · 2024-12-31"));
}

/* The colour at @x, @y of an RGB24/ARGB32 surface, as 0xRRGGBB */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *)(gconstpointer)(data + (int)y * stride + (int)x * 4) & 0xffffff;
}

/* How many pixels of the 15×15 square around @x, @y are @color */
static guint
count_color (cairo_surface_t *surface,
             double           x,
             double           y,
             guint32          color)
{
  guint n = 0;

  for (int dy = -7; dy <= 7; dy++)
    for (int dx = -7; dx <= 7; dx++)
      n += pixel_at (surface, x + dx, y + dy) == color;

  return n;
}

/* Where the customers chart's shared scale runs: 0 % where the bars start, 100 % where
 * the rest of revenue ends */
static void
share_scale (BrChartLayout *layout,
             double        *x0,
             double        *x100)
{
  *x0 = G_MAXDOUBLE;
  *x100 = -G_MAXDOUBLE;
  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);

      *x0 = MIN (*x0, m->x0);
      *x100 = MAX (*x100, m->x1);
    }
  g_assert_cmpfloat (*x100 - *x0, >, 300);
}

static double
at_share (BrChartLayout *layout,
          double         share)
{
  double x0, x100;

  share_scale (layout, &x0, &x100);
  return x0 + (x100 - x0) * share / 100;
}

/* The box at @y's height (within 3 px) right of @x, of @role */
static const BrTextBox *
beside (BrChartLayout *layout,
        const char    *role,
        double         y,
        double         x)
{
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_str_equal (box->role, role) && box->x0 > x && fabs ((box->y0 + box->y1) / 2 - y) < 3)
        return box;
    }

  return NULL;
}

static int
by_top (gconstpointer a,
        gconstpointer b)
{
  const BrTextBox *ba = *(const BrTextBox **)a, *bb = *(const BrTextBox **)b;

  return (ba->y0 > bb->y0) - (ba->y0 < bb->y0);
}

/* The rows top to bottom, as read off the chart: each period left of the scale with the
 * share or "n/a" right of it, "2022 >89%|2023 n/a|…" */
static char *
read_rows (BrChartLayout *layout)
{
  g_autoptr(GPtrArray) periods = g_ptr_array_new ();
  GString *rows = g_string_new (NULL);
  double x0, x100, right = 0;
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  share_scale (layout, &x0, &x100);
  /* periods are set flush right against the scale, company names flush left */
  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_str_equal (box->role, "label") && box->x1 <= x0)
        right = MAX (right, box->x1);
    }
  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_str_equal (box->role, "label") && fabs (box->x1 - right) < 1)
        g_ptr_array_add (periods, (gpointer)box);
    }
  g_ptr_array_sort (periods, by_top);

  for (guint i = 0; i < periods->len; i++)
    {
      const BrTextBox *period = g_ptr_array_index (periods, i);
      double y = (period->y0 + period->y1) / 2;
      const BrTextBox *share = beside (layout, "value", y, x100);

      if (share == NULL)
        share = beside (layout, "label", y, x100);
      g_assert_nonnull (share);
      g_string_append_printf (rows, "%s%s %s", i > 0 ? "|" : "", period->text, share->text);
    }

  return g_string_free (rows, FALSE);
}

/* Customer concentration: a bar per company and period on one scale from 0 to 100 %,
 * labelled 0, 25, 50, 75 and 100 %. Every company's rows are the same periods in time
 * order, "n/a" where it has none; a bar's share is its length and is written beside it
 * with the decimals the source gives and a bound's sign; a share given as a bound leaves
 * its open part hatched in the company's colour, an exact one's rest is plain grey; the
 * rest of revenue is a named segment with its own share; each mark answers hits where it
 * is drawn. */
static void
test_customer_bars (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) bundled = br_dataset_load_bundled (&error);
  g_autoptr(BrDataset) marks = br_test_load_chart_dataset ("marks.json");
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_CUSTOMERS);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(BrChartLayout) layout = NULL;
  g_autoptr(BrChartLayout) own = draw (marks, BR_CHART_CUSTOMERS, NULL, BR_LANGUAGE_EN);
  g_autofree char *rows = NULL, *own_rows = NULL;
  double x0, x100, height = 0;
  guint n_top5 = 0, n_rest = 0, n_named = 0;

  g_assert_no_error (error);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  layout = br_chart_draw (cr, bundled, options, 1280, 720);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  share_scale (layout, &x0, &x100);

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *a = br_chart_layout_get_mark (layout, i);
      guint32 company = br_chart_company_color_for_theme (bundled, a->company, BR_THEME_LIGHT);
      g_autofree char *tip = br_chart_mark_describe (a, BR_LANGUAGE_EN);

      /* the tooltip is of the mark under its middle; every bar is as thick */
      g_assert_cmpint (br_chart_layout_hit_test (layout, a->x, a->y), ==, i);
      if (height == 0)
        height = a->y1 - a->y0;
      g_assert_cmpfloat (fabs (a->y1 - a->y0 - height), <, 0.5);

      if (a->series == BR_SERIES_TOP5)
        {
          /* from zero, as long as its share on the shared scale, filled in its colour */
          n_top5++;
          g_assert_cmpfloat (fabs (a->x0 - x0), <, 0.5);
          g_assert_cmpfloat (fabs (a->x1 - at_share (layout, a->value)), <, 0.5);
          g_assert_cmpuint (count_color (surface, (a->x0 + a->x1) / 2, a->y, company), >, 100);
          continue;
        }

      /* the rest: named, its own share, up to 100 %; hatched where the top five is a bound */
      g_assert_true (g_str_has_prefix (a->name, "all other customers"));
      g_assert_nonnull (strstr (tip, "all other customers"));
      n_rest++;
      g_assert_cmpfloat (fabs (a->x1 - x100), <, 0.5);
      g_assert_cmpfloat (fabs (a->x0 - at_share (layout, 100 - a->value)), <, 0.5);
      if (g_str_equal (a->name, "all other customers, at most"))
        g_assert_cmpuint (count_color (surface, a->x, a->y, company), >, 10);
      else if (a->value > 5)
        g_assert_cmpuint (count_color (surface, a->x, a->y, company), ==, 0);
    }
  g_assert_cmpuint (n_top5, ==, 7);
  g_assert_cmpuint (n_rest, ==, 7);

  /* the scale's gridlines are labelled where they are */
  for (int share = 0; share <= 100; share += 25)
    {
      g_autofree char *tick = g_strdup_printf ("%d%%", share);
      gboolean found = FALSE;
      GArray *boxes = br_chart_layout_get_text_boxes (layout);

      for (guint i = 0; i < boxes->len; i++)
        {
          const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

          if (g_str_equal (box->role, "tick") && g_str_equal (box->text, tick))
            {
              g_assert_cmpfloat (fabs ((box->x0 + box->x1) / 2 - at_share (layout, share)), <, 1);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  rows = read_rows (layout);
  g_assert_cmpstr (rows, ==, "2022 >89%|2023 >89%|2024 >89%|2025 Q1 n/a|2025 H1 98.29%|"
                             "2022 n/a|2023 91.58%|2024 71.09%|2025 Q1 88.35%|2025 H1 n/a");
  own_rows = read_rows (own);
  g_assert_cmpstr (own_rows, ==, "2022 >89%|2023 91.58%|2024 71%|2022 64.2%|2023 n/a|2024 ≥98%");

  /* a customer the filing names: its own segment from zero, the rest of the top five after */
  for (guint i = 0; i < br_chart_layout_get_n_marks (own); i++)
    {
      const BrChartMark *a = br_chart_layout_get_mark (own, i);

      if (g_strcmp0 (a->name, "Customer A") == 0)
        {
          n_named++;
          g_assert_cmpfloat (fabs (a->x0 - at_share (own, 0)), <, 0.5);
          g_assert_cmpfloat (fabs (a->x1 - at_share (own, 30.5)), <, 0.5);
        }
      else if (a->series == BR_SERIES_TOP5 && a->value == 64.2)
        {
          g_assert_cmpfloat (fabs (a->x0 - at_share (own, 30.5)), <, 0.5);
          g_assert_cmpfloat (fabs (a->x1 - at_share (own, 64.2)), <, 0.5);
        }
    }
  g_assert_cmpuint (n_named, ==, 1);
  g_assert_nonnull (strstr (text_of (own, "footnote"), "the customers the filing names"));
  g_assert_null (strstr (text_of (layout, "footnote"), "the customers the filing names"));
  cairo_surface_destroy (surface);
}

/* Customer bars of half-years and of a fiscal year ending in January: rows labelled as
 * the periods are, each company's in time order whatever the file's order, "n/a" for a
 * period another company has */
static void
test_customer_periods (void)
{
  g_autoptr(BrDataset) hkd = br_test_load_chart_dataset ("hkd-halves.json");
  g_autoptr(BrDataset) usd = br_test_load_chart_dataset ("usd-january.json");
  g_autoptr(BrChartLayout) halves = draw (hkd, BR_CHART_CUSTOMERS, NULL, BR_LANGUAGE_EN);
  g_autoptr(BrChartLayout) january = draw (usd, BR_CHART_CUSTOMERS, NULL, BR_LANGUAGE_EN);
  BrChartLayout *layouts[] = { halves, january };
  g_autofree char *halves_rows = read_rows (halves);
  g_autofree char *january_rows = read_rows (january);

  g_assert_cmpstr (halves_rows, ==, "2024 H1 76.5%|2024 H2 n/a|2025 H1 82.4%|"
                                    "2024 H1 n/a|2024 H2 58%|2025 H1 n/a");
  g_assert_cmpstr (january_rows, ==, "FY2023 >90%|FY2024 88%|FY2025 93.4%|"
                                     "FY2023 n/a|FY2024 67%|FY2025 n/a");

  /* a company's bars run down the chart as its periods run in time */
  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      const BrChartMark *last = NULL;

      for (guint i = 0; i < br_chart_layout_get_n_marks (layouts[l]); i++)
        {
          const BrChartMark *a = br_chart_layout_get_mark (layouts[l], i);

          if (a->series != BR_SERIES_TOP5)
            continue;
          if (last != NULL && last->company == a->company)
            {
              g_assert_cmpint (g_date_compare (&last->period->end, &a->period->end), <, 0);
              g_assert_cmpfloat (a->y, >, last->y);
            }
          last = a;
        }
    }
}

static void
color_at (cairo_surface_t *surface,
          double           x,
          double           y,
          double           rgb[3])
{
  guint32 p = pixel_at (surface, x, y);

  rgb[0] = (p >> 16) / 255.;
  rgb[1] = ((p >> 8) & 0xff) / 255.;
  rgb[2] = (p & 0xff) / 255.;
}

/* Three named customers, light and dark: every segment of the top five stands 3:1 from
 * the background (WCAG for marks), read from the pixels of a real render; each named
 * customer's shade differs from the next segment's, and a gap in the background's colour
 * ends it */
static void
test_customer_shades (gconstpointer data)
{
  BrTheme theme = GPOINTER_TO_INT (data);
  const char *files[] = { "usd-january.json", "hkd-halves.json" };
  guint n_named = 0;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(BrDataset) ds = br_test_load_chart_dataset (files[f]);
      g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_CUSTOMERS);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 720);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(BrChartLayout) layout = NULL;
      double background[3];

      br_chart_options_set_language (options, BR_LANGUAGE_EN);
      br_chart_options_set_theme (options, theme);
      layout = br_chart_draw (cr, ds, options, 1280, 720);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      color_at (surface, 2, 2, background);

      for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
        {
          const BrChartMark *a = br_chart_layout_get_mark (layout, i);
          const BrChartMark *next;
          double here[3], after[3];
          gboolean gap = FALSE;

          if (a->series == BR_SERIES_CUSTOMER && g_str_has_prefix (a->name, "all other"))
            continue;
          color_at (surface, a->x, a->y, here);
          g_assert_cmpfloat (br_test_contrast (here, background), >=, 3);
          if (a->series != BR_SERIES_CUSTOMER)
            continue;

          n_named++;
          next = br_chart_layout_get_mark (layout, i + 1);
          color_at (surface, next->x, next->y, after);
          g_assert_cmpfloat (br_test_color_distance (here, after), >, 0.02);
          for (double x = a->x1 - 1.5; x <= a->x1 + 1.5; x += 1)
            {
              double rgb[3];

              color_at (surface, x, a->y, rgb);
              gap |= br_test_contrast (rgb, background) < 1.3;
            }
          g_assert_true (gap);
        }
      cairo_surface_destroy (surface);
    }
  g_assert_cmpuint (n_named, ==, 6);
}

/* Every chart names in its footnote the companies selected that it does not draw, and
 * why; a cumulative chart says where each sum starts when they differ */
static void
test_nothing_disappears (void)
{
  g_autoptr(BrDataset) marks = br_test_load_chart_dataset ("marks.json");
  static const char *all[] = { "delta", "ridge", "echo", "quiet", NULL };
  static const struct
  {
    BrChartKind kind;
    const char *note;
  } cases[] = {
    { BR_CHART_LOSSES, "No net income figures in the range for: Echo Devices, Quiet Labs." },
    { BR_CHART_RND, "No revenue or R&D figures in the range for: Ridge Silicon, Echo Devices, "
                    "Quiet Labs." },
    { BR_CHART_CUSTOMERS, "No customer concentration in the range for: Ridge Silicon, "
                          "Quiet Labs." },
    { BR_CHART_VALUATION, "No market values in the range for: Ridge Silicon, Quiet Labs." },
    { BR_CHART_RUNWAY, "No cash figures or raises for: Ridge Silicon, Echo Devices, Quiet Labs." },
  };
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  BrUnit unit;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BrChartLayout) layout = draw (marks, cases[i].kind, all, BR_LANGUAGE_EN);

      if (strstr (text_of (layout, "footnote"), cases[i].note) == NULL)
        g_error ("the %s chart's footnote “%s” lacks “%s”", br_chart_kind_to_string (cases[i].kind),
                 text_of (layout, "footnote"), cases[i].note);
    }

  br_unit_for_dataset (marks, &unit);
  br_chart_options_set_unit (options, &unit);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  br_chart_options_set_cumulative (options, TRUE);
  for (guint n = 1; n <= 2; n++)
    {
      const char *ids[] = { "delta", n == 2 ? "ridge" : NULL, NULL };
      cairo_t *cr = cairo_create (surface);
      g_autoptr(BrChartLayout) layout = NULL;
      const char *note;

      br_chart_options_set_companies (options, ids);
      layout = br_chart_draw (cr, marks, options, 1280, 720);
      cairo_destroy (cr);
      note = text_of (layout, "footnote");
      if (n == 2)
        g_assert_nonnull (strstr (note, "Sums start: Delta Compute 2022, Ridge Silicon FY2023."));
      else
        g_assert_null (strstr (note, "Sums start"));
    }
  cairo_surface_destroy (surface);
}

/* Pixels of @color (within a few levels, for antialiasing) in the column at @x, from @y0
 * to @y1 */
static gboolean
column_has (cairo_surface_t *surface,
            double           x,
            double           y0,
            double           y1,
            guint32          color)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = (int)floor (y0); y <= (int)ceil (y1); y++)
    {
      guint32 pixel = *(const guint32 *)(data + y * stride + (int)x * 4);
      int dr = ABS ((int)((pixel >> 16) & 0xff) - (int)((color >> 16) & 0xff));
      int dg = ABS ((int)((pixel >> 8) & 0xff) - (int)((color >> 8) & 0xff));
      int db = ABS ((int)(pixel & 0xff) - (int)(color & 0xff));

      if (dr + dg + db < 60)
        return TRUE;
    }

  return FALSE;
}

static const BrChartMark *
find_mark (BrChartLayout *layout,
           BrSeries       series,
           const char    *company)
{
  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *mark = br_chart_layout_get_mark (layout, i);

      if (mark->series == series && g_str_equal (mark->company->id, company))
        return mark;
    }

  return NULL;
}

/* The dashed "1 % of the benchmark" line joins the benchmark's closes, not its intraday
 * peak, and holds its last close level to the latest value compared with it, which the
 * footnote says; read back from the layout and from the pixels */
static void
test_reference_line (void)
{
  g_autoptr(BrDataset) ds = br_test_load_chart_dataset ("reference-line.json");
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_VALUATION);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(BrChartLayout) layout = NULL;
  const BrChartMark *late, *last_close = NULL;
  guint32 color = br_chart_company_color_for_theme (ds, br_dataset_lookup_company (ds, "refco"),
                                                    BR_THEME_LIGHT);
  guint n_implied = 0, n_dashed = 0, n_columns = 0;
  BrUnit unit;

  br_unit_for_dataset (ds, &unit);
  br_chart_options_set_unit (options, &unit);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  br_chart_options_set_log_scale (options, FALSE);
  /* the benchmark's own line hidden, the axis is the challengers' and the dashed line's */
  br_chart_options_set_hidden (options, "refco", TRUE);
  layout = br_chart_draw (cr, ds, options, 1280, 720);
  cairo_surface_flush (surface);

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *mark = br_chart_layout_get_mark (layout, i);
      char day[BR_DATE_ISO_SIZE];

      if (mark->series != BR_SERIES_IMPLIED)
        continue;
      n_implied++;
      br_date_format_iso (&mark->date, day);
      /* closes only: 20 and 25 bn, never 1 % of the 3 T peak of 3 March */
      g_assert_true (g_str_equal (day, "2025-01-02") || g_str_equal (day, "2025-06-02"));
      g_assert_cmpfloat (mark->value, <=, 25.001);
      if (g_str_equal (day, "2025-06-02"))
        last_close = mark;
    }
  g_assert_cmpuint (n_implied, ==, 2);
  g_assert_nonnull (last_close);

  /* the line goes on, level, to Late Listing's listing day, and no further */
  late = find_mark (layout, BR_SERIES_MARKET_CAP, "late");
  g_assert_nonnull (late);
  for (double x = last_close->x + 20; x < late->x - 20; x += 1, n_columns++)
    n_dashed += column_has (surface, x, last_close->y - 2, last_close->y + 2,
                            color);
  g_test_message ("%u of %u columns dashed", n_dashed, n_columns);
  g_assert_cmpuint (n_columns, >, 100);
  g_assert_cmpuint (n_dashed * 10, >, n_columns * 4);
  for (double x = late->x + 20; x < late->x + 60; x += 1)
    g_assert_false (column_has (surface, x, last_close->y - 2, last_close->y + 2, color));

  g_assert_nonnull (strstr (text_of (layout, "footnote"),
                            "1% of Refco joins Refco’s closing values only."));
  g_assert_nonnull (strstr (text_of (layout, "footnote"),
                            "1% of Refco holds Refco’s close of 2025-06-02 level to 2025-10-01."));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Whether the segment from (@ax, @ay) to (@bx, @by) passes through the box, walked in
 * half-pixel steps */
static gboolean
segment_enters (double           ax,
                double           ay,
                double           bx,
                double           by,
                const BrTextBox *box)
{
  guint n = (guint)ceil (hypot (bx - ax, by - ay) * 2) + 1;

  for (guint k = 0; k <= n; k++)
    {
      double x = ax + (bx - ax) * k / n, y = ay + (by - ay) * k / n;

      if (x > box->x0 && x < box->x1 && y > box->y0 && y < box->y1)
        return TRUE;
    }

  return FALSE;
}

/* Each annotation ("$4T · 2025-07-09") keeps @gap pixels from all other text, and no
 * company's line runs through it: the lines are read back as the layout's market values
 * of each company in turn, which the chart joins */
static void
assert_labels_clear (BrChartLayout *layout,
                     double         gap,
                     const char    *where)
{
  guint n_labels = 0;
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *a = &g_array_index (boxes, BrTextBox, i);

      if (g_strcmp0 (a->role, "label") != 0)
        continue;
      n_labels++;
      for (guint j = 0; j < boxes->len; j++)
        {
          const BrTextBox *b = &g_array_index (boxes, BrTextBox, j);

          if (j != i && a->x0 - gap < b->x1 && b->x0 < a->x1 + gap && a->y0 - gap < b->y1 &&
              b->y0 < a->y1 + gap)
            g_error ("%s: “%s” is within %.0f px of %s “%s”", where, a->text, gap, b->role,
                     b->text);
        }
      for (guint k = 1; k < br_chart_layout_get_n_marks (layout); k++)
        {
          const BrChartMark *m0 = br_chart_layout_get_mark (layout, k - 1);
          const BrChartMark *m1 = br_chart_layout_get_mark (layout, k);

          if (m0->series == BR_SERIES_MARKET_CAP && m1->series == BR_SERIES_MARKET_CAP &&
              m0->company == m1->company && segment_enters (m0->x, m0->y, m1->x, m1->y, a))
            g_error ("%s: %s’s line runs through “%s”", where, m0->company->id, a->text);
        }
    }
  if (n_labels == 0)
    g_error ("%s: no annotation drawn", where);
}

/* The valuation chart's annotations, on the bundled dataset and one written for the
 * tests, in English and Chinese, at 1920×1080 and 1280×720, and as a slide */
static void
test_labels_clear (void)
{
  g_autoptr(BrDataset) bundled = br_dataset_load_bundled (NULL);
  g_autoptr(BrDataset) marks = br_test_load_chart_dataset ("marks.json");
  BrDataset *datasets[] = { bundled, marks };
  static const double sizes[][2] = { { 1920, 1080 }, { 1280, 720 } };

  for (guint d = 0; d < G_N_ELEMENTS (datasets); d++)
    for (BrLanguage l = 0; l < BR_N_LANGUAGES; l++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint slide = 0; slide < 2; slide++)
          {
            g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_VALUATION);
            cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                       NULL);
            cairo_t *cr = cairo_create (surface);
            g_autoptr(BrChartLayout) layout = NULL;
            g_autofree char *where = g_strdup_printf ("%s %s %.0f×%.0f%s", d ? "marks" : "bundled",
                                                      br_language_to_string (l), sizes[s][0],
                                                      sizes[s][1], slide ? " slide" : "");
            BrUnit unit;

            br_unit_for_dataset (datasets[d], &unit);
            br_chart_options_set_unit (options, &unit);
            br_chart_options_set_language (options, l);
            br_chart_options_set_slide (options, slide);
            if (slide)
              br_chart_options_set_text_size (options, BR_DECK_TEXT_SCALE, 0);
            layout = br_chart_draw (cr, datasets[d], options, sizes[s][0], sizes[s][1]);
            assert_labels_clear (layout, 2, where);
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
          }
}

int
main (int   argc,
      char *argv[])
{
  br_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Br/Chart/fiscal-year-labels", test_fiscal_year_labels);
  g_test_add_func ("/Br/Chart/keys-match-marks", test_keys_match_marks);
  g_test_add_func ("/Br/Chart/chinese-amounts", test_chinese_amounts);
  g_test_add_func ("/Br/Chart/flash-notes-labels", test_flash_notes_labels);
  g_test_add_func ("/Br/Chart/customer-bars", test_customer_bars);
  g_test_add_func ("/Br/Chart/customer-periods", test_customer_periods);
  g_test_add_data_func ("/Br/Chart/customer-shades/light", GINT_TO_POINTER (BR_THEME_LIGHT),
                        test_customer_shades);
  g_test_add_data_func ("/Br/Chart/customer-shades/dark", GINT_TO_POINTER (BR_THEME_DARK),
                        test_customer_shades);
  g_test_add_func ("/Br/Chart/nothing-disappears", test_nothing_disappears);
  g_test_add_func ("/Br/Chart/reference-line", test_reference_line);
  g_test_add_func ("/Br/Chart/labels-clear", test_labels_clear);
  g_test_add_func ("/Br/Chart/mixed-year-ends-axis", test_mixed_year_ends_axis);

  return g_test_run ();
}
