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
#include "br-loader-private.h"

static BrDataset *
load (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BrDataset *loaded = br_dataset_load_file (file, NULL, NULL, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return loaded;
}

/* @kind of @ds, in English in the dataset's own unit, for @companies (NULL: the default) */
static BrChartLayout *
draw (BrDataset          *ds,
      BrChartKind         kind,
      const char * const *companies,
      BrLanguage          language)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (kind);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  BrChartLayout *layout;
  BrUnit unit;

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

/* The text of the first box in @role, or "" */
static const char *
text_of (BrChartLayout *layout,
         const char    *role)
{
  for (guint i = 0; i < br_chart_layout_get_n_text_boxes (layout); i++)
    {
      const BrTextBox *box = br_chart_layout_get_text_box (layout, i);

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

  for (guint i = 0; i < br_chart_layout_get_n_text_boxes (layout); i++)
    {
      const BrTextBox *box = br_chart_layout_get_text_box (layout, i);

      if (g_strcmp0 (box->role, "tick") == 0)
        lowest = MAX (lowest, box->y0);
    }
  for (guint i = 0; i < br_chart_layout_get_n_text_boxes (layout); i++)
    {
      const BrTextBox *box = br_chart_layout_get_text_box (layout, i);
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
  g_autoptr(BrDataset) usd = load ("usd-january.json");

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
  g_autoptr(BrDataset) usd = load ("usd-january.json");
  g_autoptr(BrDataset) hkd = load ("hkd-halves.json");
  g_autoptr(BrDataset) marks = load ("marks.json");
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

int
main (int   argc,
      char *argv[])
{
  br_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Br/Chart/fiscal-year-labels", test_fiscal_year_labels);
  g_test_add_func ("/Br/Chart/keys-match-marks", test_keys_match_marks);

  return g_test_run ();
}
