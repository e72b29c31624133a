/* test-window.c: the real window, driven through its widgets' own code paths
 *
 * Runs under Xvfb (`xvfb-run -a meson test --suite ui`); without a display every case
 * is skipped. Screenshots of each chart, light and dark, land in
 * $G_TEST_BUILDDIR/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../br-test-i18n.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "br-chart-layout-private.h"
#include "br-chart-options-private.h"
#include "br-chart-view-private.h"
#include "br-data-table-private.h"
#include "br-document.h"
#include "br-export-dialog-private.h"
#include "br-mark-row.h"
#include "br-presentation-console-private.h"
#include "br-presentation-private.h"
#include "br-restyle-private.h"
#include "br-side-pane-private.h"
#include "br-slide-view-private.h"
#include "br-window-private.h"
#include "br-test-window.h"

#define TIMEOUT_US (10 * G_USEC_PER_SEC)

static gboolean have_display;

typedef struct
{
  BrWindow *window;
  char     *tmpdir;
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
set_flag_cb (BrDocument *document,
             GFile      *file,
             GError     *error,
             GPtrArray  *problems,
             gboolean   *flag)
{
  *flag = TRUE;
}

/* opens @file and waits for the load to succeed or fail; returns whether it loaded */
static gboolean
open_and_wait (BrWindow *window,
               GFile    *file)
{
  BrDocument *document = br_window_get_document (window);
  gboolean changed = FALSE, failed = FALSE, done = FALSE;
  gulong changed_id, failed_id;
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  changed_id = g_signal_connect (document, "changed", G_CALLBACK (br_test_flag_cb), &changed);
  failed_id = g_signal_connect (document, "load-failed", G_CALLBACK (set_flag_cb), &failed);
  br_window_open (window, file);
  while (!(done = changed || failed) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (document, changed_id);
  g_signal_handler_disconnect (document, failed_id);
  g_assert_true (done);

  return changed;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  fixture->tmpdir = g_dir_make_tmp ("burnrate-ui-XXXXXX", NULL);
  fixture->window = br_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  g_assert_true (br_window_open_bundled (fixture->window));
  br_window_set_chart (fixture->window, BR_CHART_LOSSES);
  gtk_window_present (GTK_WINDOW (fixture->window));
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      g_settings_reset (br_window_get_settings (fixture->window), "hidden-companies");
      g_settings_reset (br_window_get_settings (fixture->window), "show-table");
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  if (fixture->tmpdir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (fixture->tmpdir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);

          g_remove (path);
        }
      g_rmdir (fixture->tmpdir);
      g_free (fixture->tmpdir);
    }
}

static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  BrChartView *view;
  BrChartLayout *layout;

  if (fixture->window == NULL)
    return;

  view = br_window_get_visible_chart_view (fixture->window);
  g_assert_cmpint (br_chart_view_get_kind (view), ==, BR_CHART_LOSSES);
  g_assert_nonnull (br_chart_view_get_dataset (view));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 300);

  layout = br_chart_view_ensure_layout (view);
  g_assert_true (br_chart_layout_has_data (layout));
  g_assert_cmpuint (br_chart_layout_get_n_marks (layout), >, 4);
  g_assert_cmpstr (br_chart_layout_get_description (layout), !=, "");
  g_assert_false (br_window_get_banner_revealed (fixture->window));
}

static void
test_switch_charts (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *charts[] = { "rnd", "customers", "valuation", "losses" };

  if (fixture->window == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      BrChartKind kind;
      g_autofree char *saved = NULL;

      /* the path Ctrl+1..4 take */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.chart", "s",
                                                 charts[i]));
      br_test_wait_for_frame (fixture->window, TIMEOUT_US);
      g_assert_true (br_chart_kind_from_string (charts[i], &kind));
      g_assert_cmpint (br_window_get_chart (fixture->window), ==, kind);
      g_assert_cmpint (br_chart_view_get_kind (br_window_get_visible_chart_view (fixture->window)),
                       ==, kind);
      saved = g_settings_get_string (br_window_get_settings (fixture->window), "chart");
      g_assert_cmpstr (saved, ==, charts[i]);
    }
}

static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  BrChartView *view;
  BrChartLayout *layout;
  const BrChartMark *mark;
  g_autofree char *expected = NULL;
  guint n;

  if (fixture->window == NULL)
    return;

  view = br_window_get_visible_chart_view (fixture->window);
  layout = br_chart_view_ensure_layout (view);
  n = br_chart_layout_get_n_marks (layout);
  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      int hit;

      layout = br_chart_view_ensure_layout (view);
      mark = br_chart_layout_get_mark (layout, i);
      hit = br_chart_layout_hit_test (layout, mark->x, mark->y);
      br_chart_view_point (view, mark->x, mark->y);
      g_assert_cmpint (br_chart_view_get_highlight (view), ==, hit);
      g_assert_cmpint (hit, >=, 0);
      g_clear_pointer (&expected, g_free);
      expected = br_chart_mark_describe (br_chart_layout_get_mark (layout, hit),
                                         br_chart_options_get_language (br_chart_view_get_options (view)));
      g_assert_cmpstr (br_chart_view_get_readout (view), ==, expected);
    }

  /* within one frame */
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  g_assert_nonnull (br_chart_view_get_readout (view));

  br_chart_view_point (view, 1, 1);
  g_assert_cmpint (br_chart_view_get_highlight (view), ==, -1);
  g_assert_null (br_chart_view_get_readout (view));

  /* the keyboard walks the same marks, with the same readout */
  br_chart_view_select_mark (view, 0);
  mark = br_chart_layout_get_mark (br_chart_view_ensure_layout (view), 0);
  g_clear_pointer (&expected, g_free);
  expected = br_chart_mark_describe (mark, br_chart_options_get_language (br_chart_view_get_options (view)));
  g_assert_cmpstr (br_chart_view_get_readout (view), ==, expected);
  g_assert_cmpint (br_chart_view_get_highlight (view), ==, 0);
  br_chart_view_select_mark (view, -1);
  g_assert_cmpint (br_chart_view_get_highlight (view), ==, -1);
}

static void
test_legend_toggle (Fixture       *fixture,
                    gconstpointer  data)
{
  BrChartView *view;
  BrChartLayout *layout;
  const BrLegendEntry *entry;
  g_autofree char *key = NULL;
  guint n_before, n_after;
  double x, y;

  if (fixture->window == NULL)
    return;

  view = br_window_get_visible_chart_view (fixture->window);
  layout = br_chart_view_ensure_layout (view);
  g_assert_cmpuint (br_chart_layout_get_legend (layout)->len, >, 1);
  n_before = br_chart_layout_get_n_marks (layout);
  entry = &g_array_index (br_chart_layout_get_legend (layout), BrLegendEntry, 0);
  key = g_strdup (entry->key);
  x = (entry->x0 + entry->x1) / 2;
  y = (entry->y0 + entry->y1) / 2;

  g_assert_false (br_chart_options_get_hidden (br_chart_view_get_options (view), key));
  g_assert_true (br_chart_view_click (view, x, y));
  g_assert_true (br_chart_options_get_hidden (br_chart_view_get_options (view), key));

  layout = br_chart_view_ensure_layout (view);
  g_assert_true (g_array_index (br_chart_layout_get_legend (layout), BrLegendEntry, 0).hidden);
  n_after = br_chart_layout_get_n_marks (layout);
  g_assert_cmpuint (n_after, <, n_before);

  /* hidden series survive a change in the side pane */
  g_settings_set_boolean (br_window_get_settings (fixture->window), "cumulative", TRUE);
  g_assert_true (br_chart_options_get_cumulative (br_chart_view_get_options (view)));
  g_assert_true (br_chart_options_get_hidden (br_chart_view_get_options (view), key));
  g_settings_reset (br_window_get_settings (fixture->window), "cumulative");

  /* and a second click shows it again */
  g_assert_true (br_chart_view_click (view, x, y));
  g_assert_false (br_chart_options_get_hidden (br_chart_view_get_options (view), key));
  g_assert_cmpuint (br_chart_layout_get_n_marks (br_chart_view_ensure_layout (view)), ==, n_before);
  g_assert_false (br_chart_view_click (view, 1, 1));
}

static gboolean
draws_company (BrChartView *view,
               const char  *id)
{
  BrChartLayout *layout = br_chart_view_ensure_layout (view);

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrCompany *company = br_chart_layout_get_mark (layout, i)->company;

      if (company != NULL && g_str_equal (company->id, id))
        return TRUE;
    }

  return FALSE;
}

static void
test_side_pane (Fixture       *fixture,
                gconstpointer  data)
{
  GSettings *settings;
  BrChartView *view;
  const char *hidden[] = { "metax", NULL };

  if (fixture->window == NULL)
    return;

  settings = br_window_get_settings (fixture->window);
  view = br_window_get_chart_view (fixture->window, BR_CHART_VALUATION);

  g_settings_set_string (settings, "unit", "usd-bn");
  g_assert_cmpstr (br_chart_options_get_unit (br_chart_view_get_options (view))->currency.code, ==, "USD");
  g_settings_set_double (settings, "percent", 2.5);
  g_assert_cmpfloat (br_chart_options_get_percent (br_chart_view_get_options (view)), ==, 2.5);
  g_settings_set_boolean (settings, "log-scale", FALSE);
  g_assert_false (br_chart_options_get_log_scale (br_chart_view_get_options (view)));

  /* an unticked company is left out of what the chart chooses from */
  g_settings_set_strv (settings, "hidden-companies", hidden);
  g_assert_false (draws_company (view, "metax"));
  g_assert_true (draws_company (view, "moore-threads"));

  g_settings_reset (settings, "unit");
  g_settings_reset (settings, "percent");
  g_settings_reset (settings, "log-scale");
  g_settings_reset (settings, "hidden-companies");
  g_assert_true (draws_company (view, "metax"));
}

/* The title of the unit row's selected item */
static const char *
selected_unit_title (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
}

static guint
n_units_offered (AdwComboRow *row)
{
  return g_list_model_get_n_items (adw_combo_row_get_model (row));
}

static void
open_test_dataset (BrWindow   *window,
                   const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (open_and_wait (window, file));
}

static const char *
losses_currency (BrWindow *window)
{
  BrChartView *view = br_window_get_chart_view (window, BR_CHART_LOSSES);

  return br_chart_options_get_unit (br_chart_view_get_options (view))->currency.code;
}

/* Whether a label below @widget shows @text as it is, not read as markup */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_text (child, text))
        return TRUE;
    }

  return FALSE;
}

/* A benchmark whose name looks like markup is named as written in the share row */
static void
test_benchmark_name_not_markup (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *hostile = "Big <i>Co</i> & Sons";
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "charts",
                                                   "benchmark-dates.json", NULL);
  g_autofree char *path = g_build_filename (fixture->tmpdir, "hostile-benchmark.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *share_row = br_side_pane_get_share_row (fixture->window->side_pane);

  g_assert_true (g_file_get_contents (source, &json, NULL, NULL));
  text = g_string_new (json);
  g_assert_cmpuint (g_string_replace (text, "\"name\": \"Bigco\"",
                                      "\"name\": \"Big <i>Co</i> & Sons\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  file = g_file_new_for_path (path);
  g_assert_true (open_and_wait (fixture->window, file));

  g_assert_true (gtk_widget_get_visible (share_row));
  g_assert_true (shows_text (share_row, hostile));
}

/* The label below @widget that shows @text as it is, or NULL */
static GtkWidget *
label_showing (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = label_showing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The window shows the dataset's title, as written: over the side pane, in the header
 * when it has room for a title (with the file's name beneath), and as the window's
 * title. A dataset without one goes by its file's name. */
static void
assert_dataset_title (BrWindow   *window,
                      const char *title)
{
  BrDataset *dataset = br_document_get_dataset (br_window_get_document (window));
  const char *file = br_dataset_get_display_name (dataset);
  GtkWidget *in_pane = label_showing (GTK_WIDGET (window->side_pane), title);

  g_assert_nonnull (in_pane);
  g_assert_true (gtk_widget_get_mapped (in_pane));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (in_pane)));
  g_assert_nonnull (label_showing (GTK_WIDGET (window->side_pane), file));
  g_assert_cmpstr (adw_view_switcher_title_get_title (window->switcher_title), ==, title);
  g_assert_nonnull (label_showing (GTK_WIDGET (window->switcher_title), title));
  g_assert_nonnull (label_showing (GTK_WIDGET (window->switcher_title), file));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), title));
}

static void
test_dataset_title (Fixture       *fixture,
                    gconstpointer  data)
{
  BrLanguage language = br_language_from_locale ();
  const char *hostile = language == BR_LANGUAGE_ZH ? "大<b>公司</b> & 儿子的芯片"
                                                   : "Big <i>Co</i> & Sons’ chips";
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "charts",
                                                   "usd-january.json", NULL);
  g_autofree char *path = g_build_filename (fixture->tmpdir, "hostile-title.json", NULL);
  g_autofree char *untitled = g_build_filename (fixture->tmpdir, "no-title.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GFile) file = NULL;
  BrDataset *dataset;

  if (fixture->window == NULL)
    return;

  dataset = br_document_get_dataset (br_window_get_document (fixture->window));
  assert_dataset_title (fixture->window, br_text_get (br_dataset_get_title (dataset), language));

  g_assert_true (g_file_get_contents (source, &json, NULL, NULL));
  text = g_string_new (json);
  g_assert_cmpuint (g_string_replace (text, "\"title\": \"US accelerator makers (test)\"",
                                      "\"title\": {\"en\": \"Big <i>Co</i> & Sons’ chips\","
                                      " \"zh\": \"大<b>公司</b> & 儿子的芯片\"}", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  file = g_file_new_for_path (path);
  g_assert_true (open_and_wait (fixture->window, file));
  assert_dataset_title (fixture->window, hostile);

  g_string_replace (text, "\"title\": {\"en\": \"Big <i>Co</i> & Sons’ chips\","
                          " \"zh\": \"大<b>公司</b> & 儿子的芯片\"},", "", 1);
  g_assert_true (g_file_set_contents (untitled, text->str, -1, NULL));
  g_clear_object (&file);
  file = g_file_new_for_path (untitled);
  g_assert_true (open_and_wait (fixture->window, file));
  assert_dataset_title (fixture->window, "no-title");
}

/* The side pane follows the dataset: only the units it reaches, its own unit until the
 * user picks one, and the share of the benchmark only with a benchmark */
static void
test_dataset_units_and_benchmark (Fixture       *fixture,
                                  gconstpointer  data)
{
  GSettings *settings;
  AdwComboRow *unit_row;
  GtkWidget *share_row;
  g_autoptr(GVariant) chosen = NULL;

  if (fixture->window == NULL)
    return;

  settings = br_window_get_settings (fixture->window);
  unit_row = br_side_pane_get_unit_row (fixture->window->side_pane);
  share_row = br_side_pane_get_share_row (fixture->window->side_pane);
  g_settings_reset (settings, "unit");

  /* the bundled dataset: yuan and dollars, and Nvidia to compare with */
  g_assert_cmpuint (n_units_offered (unit_row), ==, 4);
  g_assert_cmpstr (selected_unit_title (unit_row), ==, g_dgettext (GETTEXT_PACKAGE, "亿元 (CNY 100 million)"));
  g_assert_true (gtk_widget_get_visible (share_row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (share_row)),
                            br_company_get_name (br_dataset_get_benchmark (br_document_get_dataset (br_window_get_document (fixture->window))),
                                                 br_language_from_locale ())));

  /* dollars, Hong Kong dollars and won, no yuan and no benchmark */
  open_test_dataset (fixture->window, "usd-hkd-krw.json");
  g_assert_cmpuint (n_units_offered (unit_row), ==, 6);
  g_assert_cmpstr (selected_unit_title (unit_row), ==, g_dgettext (GETTEXT_PACKAGE, "USD million"));
  g_assert_cmpstr (losses_currency (fixture->window), ==, "USD");
  g_assert_false (gtk_widget_get_visible (share_row));
  chosen = g_settings_get_user_value (settings, "unit");
  g_assert_null (chosen);

  /* the user picks won; the charts follow and the choice is remembered */
  for (guint i = 0; i < n_units_offered (unit_row); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (unit_row), i);

      if (g_str_equal (gtk_string_object_get_string (item), g_dgettext (GETTEXT_PACKAGE, "KRW billion")))
        adw_combo_row_set_selected (unit_row, i);
    }
  g_assert_cmpstr (losses_currency (fixture->window), ==, "KRW");
  g_assert_cmpstr (g_settings_get_string (settings, "unit"), ==, "krw-bn");

  /* a dataset in Hong Kong dollars alone cannot be shown in won: its own unit, and the
   * choice stays for a dataset that can */
  open_test_dataset (fixture->window, "hkd-halves.json");
  g_assert_cmpuint (n_units_offered (unit_row), ==, 2);
  g_assert_cmpstr (selected_unit_title (unit_row), ==, g_dgettext (GETTEXT_PACKAGE, "HKD million"));
  g_assert_cmpstr (losses_currency (fixture->window), ==, "HKD");
  g_assert_cmpstr (g_settings_get_string (settings, "unit"), ==, "krw-bn");
  open_test_dataset (fixture->window, "usd-hkd-krw.json");
  g_assert_cmpstr (selected_unit_title (unit_row), ==, g_dgettext (GETTEXT_PACKAGE, "KRW billion"));
  g_assert_cmpstr (losses_currency (fixture->window), ==, "KRW");

  g_settings_reset (settings, "unit");
  g_assert_cmpstr (selected_unit_title (unit_row), ==, g_dgettext (GETTEXT_PACKAGE, "USD million"));
  g_assert_cmpstr (losses_currency (fixture->window), ==, "USD");
}

/* The period picker: quarters in place of the year they make up, where reported */
static void
test_period_picker (Fixture       *fixture,
                    gconstpointer  data)
{
  GSettings *settings;
  BrChartView *view;

  if (fixture->window == NULL)
    return;

  settings = br_window_get_settings (fixture->window);
  view = br_window_get_chart_view (fixture->window, BR_CHART_LOSSES);
  open_test_dataset (fixture->window, "quarters.json");
  /* FY2024 and 2025 Q1, and the other company's FY2024 */
  g_assert_cmpuint (br_chart_layout_get_n_marks (br_chart_view_ensure_layout (view)), ==, 3);

  g_settings_set_string (settings, "periods", "quarters");
  g_assert_cmpint (br_chart_options_get_periods (br_chart_view_get_options (view)), ==,
                   BR_PERIOD_QUARTER);
  g_assert_cmpuint (br_chart_layout_get_n_marks (br_chart_view_ensure_layout (view)), ==, 6);

  g_settings_set_string (settings, "periods", "halves");
  /* 2024 H1, Q3, Q4 and 2025 Q1, and the other company's FY2024 */
  g_assert_cmpuint (br_chart_layout_get_n_marks (br_chart_view_ensure_layout (view)), ==, 5);

  g_settings_reset (settings, "periods");
  g_assert_cmpuint (br_chart_layout_get_n_marks (br_chart_view_ensure_layout (view)), ==, 3);
}

/* The Runway page: the projection's rows say "projection", and the side pane's own
 * scenario reaches the chart: revenue halving, costs up 60 % a year, money runs out. */
static void
test_runway_page (Fixture       *fixture,
                  gconstpointer  data)
{
  GSettings *settings;
  BrChartView *view;
  BrChartLayout *layout;
  gboolean projected = FALSE, runs_out = FALSE;

  if (fixture->window == NULL)
    return;

  settings = br_window_get_settings (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.chart", "s",
                                             "runway"));
  g_assert_cmpstr (g_settings_get_string (settings, "chart"), ==, "runway");
  view = br_window_get_chart_view (fixture->window, BR_CHART_RUNWAY);
  g_assert_null (br_chart_options_get_scenario (br_chart_view_get_options (view)));
  layout = br_chart_view_ensure_layout (view);
  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);

      projected |= m->series == BR_SERIES_PROJECTED_CASH && m->status == BR_STATUS_PROJECTION;
    }
  g_assert_true (projected);

  g_settings_set_double (settings, "scenario-revenue-growth", -50);
  g_settings_set_double (settings, "scenario-cost-growth", 60);
  g_settings_set_double (settings, "scenario-gross-margin", 10);
  g_assert_null (br_chart_options_get_scenario (br_chart_view_get_options (view)));
  g_settings_set_boolean (settings, "scenario-custom", TRUE);
  g_assert_nonnull (br_chart_options_get_scenario (br_chart_view_get_options (view)));
  layout = br_chart_view_ensure_layout (view);
  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);

      runs_out |= m->series == BR_SERIES_RUNWAY_EVENT && g_str_equal (m->company->id, "moore-threads") &&
                  m->value == 0;
    }
  g_assert_true (runs_out);

  /* for one company, the others keep their trend */
  g_settings_set_string (settings, "scenario-company", "cambricon");
  {
    BrScenario own, other;

    br_scenario_set_get (br_chart_options_get_scenario (br_chart_view_get_options (view)),
                         "cambricon", &own);
    br_scenario_set_get (br_chart_options_get_scenario (br_chart_view_get_options (view)),
                         "moore-threads", &other);
    g_assert_cmpfloat (own.revenue_growth, ==, -50);
    g_assert_cmpuint (own.set, ==, BR_SCENARIO_REVENUE_GROWTH | BR_SCENARIO_COST_GROWTH |
                                   BR_SCENARIO_GROSS_MARGIN);
    g_assert_cmpuint (other.set, ==, 0);
  }
  g_settings_reset (settings, "scenario-company");

  /* off is the reset to each company's reported trend */
  g_settings_set_boolean (settings, "scenario-custom", FALSE);
  g_assert_null (br_chart_options_get_scenario (br_chart_view_get_options (view)));
  g_settings_reset (settings, "scenario-revenue-growth");
  g_settings_reset (settings, "scenario-cost-growth");
  g_settings_reset (settings, "scenario-gross-margin");
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GFile *
copy_fixture (Fixture    *fixture,
              const char *name,
              const char *as)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", name, NULL), &contents, &length,
                       &error);
  g_assert_no_error (error);

  return write_file (fixture, as, contents, length);
}

static gboolean
has_line_column (const char *text)
{
  return g_regex_match_simple (":[0-9]+:[0-9]+:", text, 0, 0);
}

static void
test_load_files (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) valid = NULL;
  g_autoptr(GFile) invalid = NULL;
  g_autoptr(GFile) garbage = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GFile) dir = NULL;
  BrDataset *shown;
  GPtrArray *problems;

  if (fixture->window == NULL)
    return;

  valid = copy_fixture (fixture, "valid-example.json", "valid.json");
  g_assert_true (open_and_wait (fixture->window, valid));
  shown = br_document_get_dataset (br_window_get_document (fixture->window));
  g_assert_true (br_chart_view_get_dataset (br_window_get_visible_chart_view (fixture->window)) == shown);
  g_assert_false (br_window_get_banner_revealed (fixture->window));

  /* every fault the validator finds, listed with line:column; the old data stays */
  invalid = copy_fixture (fixture, "invalid/unknown-currency.json", "invalid.json");
  g_assert_false (open_and_wait (fixture->window, invalid));
  g_assert_true (br_document_get_dataset (br_window_get_document (fixture->window)) == shown);
  g_assert_true (br_chart_view_get_dataset (br_window_get_visible_chart_view (fixture->window)) == shown);
  g_assert_true (br_window_get_banner_revealed (fixture->window));
  problems = br_window_get_problems (fixture->window);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_true (has_line_column (br_window_get_banner_text (fixture->window)));
  g_assert_nonnull (strstr (br_window_get_banner_text (fixture->window), "invalid.json"));

  /* not JSON, a directory, a file that is not there: a message naming the file */
  garbage = write_file (fixture, "garbage.json", "\x89PNG\r\n\x1a\n\0\0\0", 11);
  g_assert_false (open_and_wait (fixture->window, garbage));
  g_assert_nonnull (strstr (br_window_get_banner_text (fixture->window), "garbage.json"));
  dir = g_file_new_for_path (fixture->tmpdir);
  g_assert_false (open_and_wait (fixture->window, dir));
  missing = g_file_get_child (dir, "vanished.json");
  g_assert_false (open_and_wait (fixture->window, missing));
  g_assert_nonnull (strstr (br_window_get_banner_text (fixture->window), "vanished.json"));
  g_assert_true (br_document_get_dataset (br_window_get_document (fixture->window)) == shown);

  /* a good file again clears the banner */
  g_assert_true (open_and_wait (fixture->window, valid));
  g_assert_false (br_window_get_banner_revealed (fixture->window));
}

static void
test_reload_on_save (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  BrDocument *document;
  BrDataset *before;
  gboolean changed = FALSE, failed = FALSE;
  gulong changed_id, failed_id;
  gint64 start, elapsed;
  gsize length;

  if (fixture->window == NULL)
    return;

  file = copy_fixture (fixture, "valid-example.json", "watched.json");
  g_assert_true (open_and_wait (fixture->window, file));
  document = br_window_get_document (fixture->window);
  before = br_document_get_dataset (document);
  path = g_file_get_path (file);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* an editor saves: the charts follow within a second */
  changed_id = g_signal_connect (document, "changed", G_CALLBACK (br_test_flag_cb), &changed);
  failed_id = g_signal_connect (document, "load-failed", G_CALLBACK (set_flag_cb), &failed);
  iterate_for (50);
  start = g_get_monotonic_time ();
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  br_test_iterate_until (&changed, TIMEOUT_US);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("reloaded %.0f ms after the save", elapsed / 1000.);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
  g_assert_true (br_document_get_dataset (document) != before);
  before = br_document_get_dataset (document);

  /* replaced by garbage: a message, and the last good data stays */
  g_assert_true (g_file_set_contents (path, "{ \"format\": ", -1, NULL));
  br_test_iterate_until (&failed, TIMEOUT_US);
  g_assert_true (br_document_get_dataset (document) == before);
  g_assert_true (br_window_get_banner_revealed (fixture->window));

  /* fixed again */
  changed = FALSE;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  br_test_iterate_until (&changed, TIMEOUT_US);
  g_assert_false (br_window_get_banner_revealed (fixture->window));

  /* the watched path becomes a pipe with no writer: refused at once with its name,
   * where a blocking open would hold the loading thread for good; the data stays */
  {
    g_autofree char *fifo = g_build_filename (fixture->tmpdir, "fifo.tmp", NULL);

    before = br_document_get_dataset (document);
    failed = FALSE;
    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    g_assert_cmpint (g_rename (fifo, path), ==, 0);
    br_test_iterate_until (&failed, TIMEOUT_US);
    g_assert_true (br_document_get_dataset (document) == before);
    g_assert_true (br_window_get_banner_revealed (fixture->window));
    g_assert_nonnull (strstr (br_window_get_banner_text (fixture->window), "watched.json"));
  }

  g_signal_handler_disconnect (document, changed_id);
  g_signal_handler_disconnect (document, failed_id);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!br_export_dialog_export_finish (BR_EXPORT_DIALOG (object), result, error))
    g_assert_nonnull (*error);
  g_object_set_data (object, "done", GINT_TO_POINTER (1));
}

/* The style the dialog was given: the dark style's text is white (#ffffff), the light
 * style's near black (#1e1e1e) */
static void
assert_drawn_dark (const char *dir,
                   const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  guint n_white = 0, n_black = 0;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    {
      const guint32 *row = (const guint32 *)(data + y * stride);

      for (int x = 0; x < cairo_image_surface_get_width (image); x++)
        {
          n_white += row[x] == 0xffffffff;
          n_black += row[x] == 0xff1e1e1e;
        }
    }
  cairo_surface_destroy (image);

  g_assert_cmpuint (n_white, >, 10 * n_black + 100);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  static const char *extensions[] = { "png", "pdf", "svg", "csv" };
  static const char *magic[] = { "\x89PNG", "%PDF", "<?xml", "company_id," };
  g_autofree char *source_path = NULL;
  g_autoptr(GFile) source = NULL;
  BrChartView *view;
  BrExportDialog *dialog;

  if (fixture->window == NULL)
    return;

  view = br_window_get_visible_chart_view (fixture->window);
  source_path = g_build_filename (fixture->tmpdir, "source.json", NULL);
  source = g_file_new_for_path (source_path);
  g_assert_true (g_file_set_contents (source_path, "{\"version\": 1}", -1, NULL));
  dialog = br_export_dialog_new (GTK_WINDOW (fixture->window), br_chart_view_get_dataset (view),
                                 source, br_chart_view_get_options (view));
  g_object_ref_sink (dialog);
  br_export_dialog_set_size (dialog, BR_EXPORT_SIZE_HD, 0, 0);
  br_export_dialog_set_scale (dialog, 1.5);
  br_export_dialog_set_theme (dialog, BR_THEME_DARK);
  br_export_dialog_set_transparent (dialog, TRUE);

  for (guint i = 0; i < BR_N_EXPORT_FORMATS; i++)
    {
      g_autofree char *name = g_strdup_printf ("chart.%s", extensions[i]);
      g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gboolean done = FALSE;
      gsize length;

      br_export_dialog_set_format (dialog, i);
      g_object_set_data (G_OBJECT (dialog), "done", NULL);
      br_export_dialog_export_async (dialog, file, NULL, exported_cb, &error);
      while (!done)
        {
          g_main_context_iteration (NULL, TRUE);
          done = g_object_get_data (G_OBJECT (dialog), "done") != NULL;
        }
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      g_assert_true (g_str_has_prefix (contents, magic[i]) || strstr (contents, "<svg") != NULL);
    }
  assert_drawn_dark (fixture->tmpdir, "chart.png");

  /* "Save as slides": the deck, from the title to the sources, as one PDF */
  {
    g_autofree char *path = g_build_filename (fixture->tmpdir, "slides.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

    br_export_dialog_set_format (dialog, BR_EXPORT_PDF);
    br_export_dialog_set_slides (dialog, TRUE);
    g_object_set_data (G_OBJECT (dialog), "done", NULL);
    br_export_dialog_export_async (dialog, file, NULL, exported_cb, &error);
    while (g_object_get_data (G_OBJECT (dialog), "done") == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_no_error (error);
    if (pdfinfo != NULL)
      {
        const char *argv[] = { pdfinfo, path, NULL };
        g_autofree char *info = NULL;
        const char *pages;

        g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &info, NULL, NULL,
                                     NULL));
        pages = strstr (info, "Pages:");
        /* the title, the charts and at least one sources slide */
        g_assert_nonnull (pages);
        g_assert_cmpuint (g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10), >=,
                          BR_N_CHART_KINDS + 2);
      }
    br_export_dialog_set_slides (dialog, FALSE);
  }

  /* an export that cannot be written leaves no file behind */
  {
    g_autofree char *path = g_build_filename (fixture->tmpdir, "no-such-dir", "chart.png", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    br_export_dialog_set_format (dialog, BR_EXPORT_PNG);
    g_object_set_data (G_OBJECT (dialog), "done", NULL);
    br_export_dialog_export_async (dialog, file, NULL, exported_cb, &error);
    while (g_object_get_data (G_OBJECT (dialog), "done") == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* the dataset the charts come from is never a target: not by its name, not through a
   * symbolic link to it; it is left as it was */
  {
    g_autofree char *link = g_build_filename (fixture->tmpdir, "link.png", NULL);
    const char *targets[] = { source_path, link };

    g_assert_cmpint (symlink (source_path, link), ==, 0);
    br_export_dialog_set_format (dialog, BR_EXPORT_PNG);
    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        g_autoptr(GFile) file = g_file_new_for_path (targets[i]);
        g_autoptr(GError) error = NULL;
        g_autofree char *contents = NULL;

        g_object_set_data (G_OBJECT (dialog), "done", NULL);
        br_export_dialog_export_async (dialog, file, NULL, exported_cb, &error);
        while (g_object_get_data (G_OBJECT (dialog), "done") == NULL)
          g_main_context_iteration (NULL, TRUE);
        g_assert_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_SOURCE);
        g_assert_true (g_file_get_contents (source_path, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, "{\"version\": 1}");
      }
    g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* the file chooser the export dialog opened, when it has come up */
static GtkFileChooser *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (toplevel))
        return GTK_FILE_CHOOSER (toplevel);
    }

  return NULL;
}

/* An export to a file whose name looks like markup: the toast says the name as written,
 * and so does the alert a screen reader hears */
static void
test_export_toast_text (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *name = "R&D <b>1 & <2.png";
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *announced = NULL;
  g_autofree char *problem = NULL;
  BrChartView *view;
  GtkWindow *dialog;
  GtkFileChooser *chooser = NULL;
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  if (fixture->window == NULL)
    return;

  view = br_window_get_visible_chart_view (fixture->window);
  dialog = GTK_WINDOW (br_export_dialog_new (GTK_WINDOW (fixture->window),
                                             br_chart_view_get_dataset (view), NULL,
                                             br_chart_view_get_options (view)));
  br_export_dialog_set_format (BR_EXPORT_DIALOG (dialog), BR_EXPORT_PNG);
  gtk_window_present (dialog);
  /* the dialog's Export button, then the chooser's: the path a user takes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.choose-file", NULL));
  while ((chooser = find_file_chooser ()) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (chooser);
  /* a folder set while the chooser still loads its first one is cancelled */
  iterate_for (500);
  folder = g_file_new_for_path (fixture->tmpdir);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  iterate_for (500);
  gtk_file_chooser_set_current_name (chooser, name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  path = g_build_filename (fixture->tmpdir, name, NULL);
  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  while (!gtk_widget_get_visible (GTK_WIDGET (fixture->window->announcer))
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  announced = g_strdup_printf (_("Exported “%s”"), name);
  g_assert_cmpstr (gtk_label_get_text (fixture->window->announcer), ==, announced);
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->window->announcer),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, announced);
  g_assert_null (problem);
  g_assert_true (shows_text (GTK_WIDGET (fixture->window->toast_overlay), announced));
}

/* until the table lists the marks of the chart shown, drawn for the current choices */
static void
wait_for_table (BrWindow *window)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;
  GListModel *rows = br_data_table_get_rows (br_window_get_data_table (window));
  BrChartLayout *layout = NULL;

  while (g_get_monotonic_time () < end)
    {
      layout = br_chart_view_get_current_layout (br_window_get_visible_chart_view (window));
      if (layout != NULL && g_list_model_get_n_items (rows) == br_chart_layout_get_n_marks (layout))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (layout);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, br_chart_layout_get_n_marks (layout));
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  BrDataTable *table;
  GListModel *rows;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  GtkPaned *paned;
  double previous = -G_MAXDOUBLE;
  guint n;

  if (fixture->window == NULL)
    return;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-table", NULL));
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  table = br_window_get_data_table (fixture->window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (table)));
  rows = br_data_table_get_rows (table);
  wait_for_table (fixture->window);
  n = g_list_model_get_n_items (rows);

  /* another chart: drawn off the main thread, not by the action; the table follows it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.chart", "s", "rnd"));
  g_assert_null (br_chart_view_get_current_layout (br_window_get_visible_chart_view (fixture->window)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
  wait_for_table (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (rows), !=, n);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.chart", "s", "losses"));
  wait_for_table (fixture->window);
  n = g_list_model_get_n_items (rows);

  /* the divider dragged all the way up, or a short window: the chart keeps 240 px */
  paned = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_PANED));
  gtk_paned_set_position (paned, 0);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (br_window_get_visible_chart_view (fixture->window))),
                   >=, 240);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 420);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (br_window_get_visible_chart_view (fixture->window))),
                   >=, 240);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (table)), >, 60);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);

  br_data_table_sort_by (table, "value", GTK_SORT_ASCENDING);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BrMarkRow) row = g_list_model_get_item (rows, i);
      g_autofree char *source = NULL;
      double value;

      g_object_get (row, "value", &value, "source", &source, NULL);
      g_assert_cmpfloat (value, >=, previous);
      previous = value;
      g_assert_cmpstr (source, !=, "");
    }

  /* Ctrl+Shift+C: the same CSV the export writes, a line a mark */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-table", NULL));
  csv = br_test_read_clipboard (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)));
  lines = g_strsplit_set (g_strchomp (csv), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
  g_assert_true (g_str_has_prefix (lines[0], "company_id,"));

  /* All Figures: every figure of the bundled dataset's companies, with their market
   * values, top-five shares and raises */
  {
    BrDataset *dataset = br_document_get_dataset (br_window_get_document (fixture->window));
    gint64 end = g_get_monotonic_time () + TIMEOUT_US;
    guint n_figures = 0;

    for (guint i = 0; i < br_dataset_get_n_companies (dataset); i++)
      {
        const BrCompany *company = br_dataset_get_company (dataset, i);

        n_figures += company->n_figures + company->n_market_caps + company->n_concentrations
                     + company->n_raises;
      }
    g_assert_true (gtk_widget_activate (fixture->window->all_figures_button));
    while ((!br_data_table_get_all_figures (table) || br_data_table_get_busy (table)
            || br_data_table_get_n_rows (table) != n_figures)
           && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (br_data_table_get_n_rows (table), ==, n_figures);
    g_assert_false (br_data_table_get_busy (table));
    br_data_table_set_all_figures (table, FALSE);
    while ((br_data_table_get_busy (table) || br_data_table_get_n_rows (table) != n)
           && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (br_data_table_get_n_rows (table), ==, n);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-table", NULL));
}

/* the CSV of the chart @kind draws of the window's dataset, as its export writes it */
static char *
chart_csv (BrWindow    *window,
           BrChartKind  kind)
{
  br_window_set_chart (window, kind);
  wait_for_table (window);
  return br_export_csv (br_chart_view_get_current_layout (br_window_get_visible_chart_view (window)),
                        br_language_from_locale ());
}

/* copies the table's selection, or every row, as Ctrl+Shift+C does */
static char *
copy_table (BrWindow *window)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  gboolean changed = FALSE;
  gulong id;

  id = g_signal_connect (clipboard, "changed", G_CALLBACK (br_test_flag_cb), &changed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-table", NULL));
  br_test_iterate_until (&changed, TIMEOUT_US);
  g_signal_handler_disconnect (clipboard, id);
  return br_test_read_clipboard (clipboard);
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* until the table holds @n rows and is not busy; a tick wakes the loop, so that a table
 * that never gets there fails the test in time */
static void
wait_for_figures (BrDataTable *table,
                  guint        n)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;
  guint tick = g_timeout_add (50, tick_cb, NULL);

  while ((br_data_table_get_busy (table) || br_data_table_get_n_rows (table) != n)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_false (br_data_table_get_busy (table));
  g_assert_cmpuint (br_data_table_get_n_rows (table), ==, n);
}

/* the row of @series (as the table names it) dated @date */
static BrMarkRow *
find_row (GListModel *rows,
          const char *series,
          const char *date)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(BrMarkRow) row = g_list_model_get_item (rows, i);
      g_autofree char *row_series = NULL;
      g_autofree char *row_date = NULL;

      g_object_get (row, "series", &row_series, "date", &row_date, NULL);
      if (g_str_equal (row_series, series) && g_str_equal (row_date, date))
        return g_steal_pointer (&row);
    }

  g_error ("no row of %s on %s", series, date);
}

static void
assert_row (GListModel *rows,
            const char *series,
            const char *date,
            const char *company,
            const char *value_text,
            const char *unit,
            const char *source)
{
  g_autoptr(BrMarkRow) row = find_row (rows, series, date);
  g_autofree char *row_company = NULL;
  g_autofree char *row_value = NULL;
  g_autofree char *row_unit = NULL;
  g_autofree char *row_source = NULL;

  g_object_get (row, "company", &row_company, "value-text", &row_value, "unit", &row_unit,
                "source", &row_source, NULL);
  g_assert_cmpstr (row_company, ==, company);
  g_assert_cmpstr (row_value, ==, value_text);
  g_assert_cmpstr (row_unit, ==, unit);
  g_assert_true (g_str_has_prefix (row_source, source));
}

/* All Figures on a dataset written for the test lists its market values, top-five
 * shares and raises beside its financial figures: each says what the chart that draws
 * it says, a share keeps its bound, they sort with the others, and a copied selection
 * has the very lines the charts' exports write of them */
static void
test_all_figures (Fixture       *fixture,
                  gconstpointer  data)
{
  BrDataTable *table;
  GListModel *rows;
  BrDataset *dataset;
  g_autoptr(GString) charts = g_string_new (NULL);
  g_autofree char *csv = NULL;
  g_autofree char *revenue_unit = NULL;
  g_autoptr(BrMarkRow) revenue = NULL;
  g_autofree char *ipo = NULL;
  g_autofree char *placement = NULL;
  const char *orbit, *nimbus;
  g_auto(GStrv) lines = NULL;
  guint n_figures = 0, n_from_charts = 0;
  double previous = -G_MAXDOUBLE, least = G_MAXDOUBLE;

  if (fixture->window == NULL)
    return;

  open_test_dataset (fixture->window, "all-figures.json");
  dataset = br_document_get_dataset (br_window_get_document (fixture->window));
  for (guint i = 0; i < br_dataset_get_n_companies (dataset); i++)
    {
      const BrCompany *company = br_dataset_get_company (dataset, i);

      n_figures += company->n_figures + company->n_market_caps + company->n_concentrations
                   + company->n_raises;
    }
  g_assert_cmpuint (n_figures, ==, 11);
  orbit = br_company_get_name (br_dataset_lookup_company (dataset, "orbit"),
                               br_language_from_locale ());
  nimbus = br_company_get_name (br_dataset_lookup_company (dataset, "nimbus"),
                                br_language_from_locale ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-table", NULL));
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  for (BrChartKind kind = BR_CHART_CUSTOMERS; kind <= BR_CHART_RUNWAY; kind++)
    {
      g_autofree char *chart = chart_csv (fixture->window, kind);

      g_string_append (charts, chart);
    }

  table = br_window_get_data_table (fixture->window);
  rows = br_data_table_get_rows (table);
  br_data_table_set_all_figures (table, TRUE);
  wait_for_figures (table, n_figures);

  /* as the charts say them, in the window's language: a share given as a bound keeps it */
  revenue = find_row (rows, g_dgettext (GETTEXT_PACKAGE, "Revenue"), "2024-12-31");
  g_object_get (revenue, "unit", &revenue_unit, NULL);
  assert_row (rows, g_dgettext (GETTEXT_PACKAGE, "Top-5 customer share"), "2024-12-31", orbit,
              "> 89.00", "%", "Annual report 2024");
  assert_row (rows, g_dgettext (GETTEXT_PACKAGE, "Top-5 customer share"), "2023-12-31", orbit,
              "72.50", "%", "Annual report 2024");
  assert_row (rows, g_dgettext (GETTEXT_PACKAGE, "Market value"), "2024-12-31", orbit,
              "345.60", revenue_unit, "Market close");
  ipo = g_strdup_printf ("%s · IPO", g_dgettext (GETTEXT_PACKAGE, "Raised"));
  assert_row (rows, ipo, "2024-06-28", orbit, "42.10", revenue_unit, "Listing announcement");
  placement = g_strdup_printf ("%s · Placement", g_dgettext (GETTEXT_PACKAGE, "Raised"));
  assert_row (rows, placement, "2024-09-30", nimbus, "35.98", revenue_unit, "Market close");

  /* sorted with the financial figures, on a worker thread: the least comes first */
  for (guint i = 0; i < n_figures; i++)
    {
      g_autoptr(BrMarkRow) row = g_list_model_get_item (rows, i);
      double value;

      g_object_get (row, "value", &value, NULL);
      least = MIN (least, value);
    }
  br_data_table_sort_by (table, "value", GTK_SORT_ASCENDING);
  {
    gint64 end = g_get_monotonic_time () + TIMEOUT_US;
    guint tick = g_timeout_add (50, tick_cb, NULL);
    double first = G_MAXDOUBLE;

    while (first != least && g_get_monotonic_time () < end)
      {
        g_autoptr(BrMarkRow) row = NULL;

        g_main_context_iteration (NULL, TRUE);
        row = g_list_model_get_item (rows, 0);
        g_object_get (row, "value", &first, NULL);
      }
    g_source_remove (tick);
  }
  wait_for_figures (table, n_figures);
  for (guint i = 0; i < n_figures; i++)
    {
      g_autoptr(BrMarkRow) row = g_list_model_get_item (rows, i);
      double value;

      g_object_get (row, "value", &value, NULL);
      g_assert_cmpfloat (value, >=, previous);
      previous = value;
    }

  /* every row copied: each market value, share and raise is the line its chart's
   * export writes */
  g_assert_true (gtk_selection_model_select_range (br_data_table_get_selection (table), 0,
                                                   n_figures, TRUE));
  csv = copy_table (fixture->window);
  lines = g_strsplit (g_strchomp (csv), "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_figures + 1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 4);

      if (!g_str_equal (fields[2], "market_cap") && !g_str_equal (fields[2], "top5_share")
          && !g_str_has_prefix (fields[2], "raised:"))
        continue;
      n_from_charts++;
      if (strstr (charts->str, lines[i]) == NULL)
        g_error ("no chart's export has the line %s", lines[i]);
    }
  g_assert_cmpuint (n_from_charts, ==, 7);
  for (guint i = 1; lines[i] != NULL; i++)
    if (strstr (lines[i], ",top5_share,FY2024,2024-12-31,89,percent,,") != NULL)
      g_assert_true (g_str_has_suffix (lines[i], ",audited,more-than"));
  g_assert_nonnull (strstr (csv, ",top5_share,FY2024,2024-12-31,89,percent,,"));

  br_data_table_set_all_figures (table, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-table", NULL));
}

static void
test_color_vision (Fixture       *fixture,
                   gconstpointer  data)
{
  cairo_surface_t *image;
  guint32 *pixel;
  BrChartView *view;
  g_autoptr(GdkTexture) texture = NULL;

  if (fixture->window == NULL)
    return;

  /* pure red as a protanope sees it (Machado 2009): dark, a little green */
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  pixel = (guint32 *)(gpointer)cairo_image_surface_get_data (image);
  *pixel = 0xffff0000;
  cairo_surface_mark_dirty (image);
  br_color_vision_simulate (BR_COLOR_VISION_PROTANOPIA, image);
  g_assert_cmpuint ((*pixel >> 16) & 0xff, <, 120);
  g_assert_cmpuint ((*pixel >> 8) & 0xff, <, 120);
  g_assert_cmpuint (*pixel & 0xff, <, 10);
  g_assert_cmpuint (*pixel >> 24, ==, 0xff);
  cairo_surface_destroy (image);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.color-vision", "s",
                                             "deuteranopia"));
  view = br_window_get_visible_chart_view (fixture->window);
  g_assert_cmpint (br_chart_view_get_color_vision (view), ==, BR_COLOR_VISION_DEUTERANOPIA);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  texture = br_chart_view_render_texture (view, 640, 360, 2, BR_COLOR_VISION_DEUTERANOPIA);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1280);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.color-vision", "s",
                                             "normal"));
}

/* @widget as it draws now, rendered by its window's renderer */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Saves @widget as NAME-LANGUAGE.png in $BURNRATE_SCREENSHOTS, when that is set: the
 * screenshots are for people to look at, and are taken only on request. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("BURNRATE_SCREENSHOTS");
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name,
                                           br_language_to_string (br_language_from_locale ()));
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (dir == NULL || dir[0] == '\0')
    return;

  path = g_build_filename (dir, file, NULL);
  texture = render_widget (widget);
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* The mean of the red, green and blue of @widget's top left pixel, from 0 to 255: the
 * background a chart or slide is drawn on */
static guint
background_level (GtkWidget *widget)
{
  g_autoptr(GdkTexture) texture = render_widget (widget);
  gsize stride = gdk_texture_get_width (texture) * 4;
  g_autofree guchar *pixels = g_malloc (stride * gdk_texture_get_height (texture));

  /* GDK_MEMORY_DEFAULT: B, G, R, A in memory */
  gdk_texture_download (texture, pixels, stride);

  return (pixels[0] + pixels[1] + pixels[2]) / 3;
}

/* The share of the pixels of @a and @b, of one size, that differ by more than 2 in a
 * channel */
static double
texture_difference (GdkTexture *a,
                    GdkTexture *b)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  gsize stride = (gsize)width * 4;
  g_autofree guchar *pa = g_malloc (stride * height);
  g_autofree guchar *pb = g_malloc (stride * height);
  guint differ = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  g_assert_cmpint (gdk_texture_get_height (b), ==, height);
  gdk_texture_download (a, pa, stride);
  gdk_texture_download (b, pb, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    for (guint c = 0; c < 4; c++)
      if (ABS ((int)pa[i + c] - (int)pb[i + c]) > 2)
        {
          differ++;
          break;
        }

  return differ / (double)(width * height);
}

/* Runs the main loop until @view shows a drawing of its current choices, then a frame */
static void
wait_until_drawn (BrChartView *view)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  gtk_widget_queue_draw (GTK_WIDGET (view));
  while (!br_chart_view_is_drawn (view) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (br_chart_view_is_drawn (view));
  br_test_wait_for_frame (view, TIMEOUT_US);
}

/* The view on screen shows the chart in the colour vision it is set to, drawn off the
 * main thread like any drawing, and in its own colours again after */
static void
test_color_vision_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  BrChartView *view;
  g_autoptr(GdkTexture) normal = NULL;
  g_autoptr(GdkTexture) simulated = NULL;
  g_autoptr(GdkTexture) shown = NULL;
  g_autoptr(GdkTexture) shown_after = NULL;
  int width, height;

  if (fixture->window == NULL)
    return;

  view = br_window_get_visible_chart_view (fixture->window);
  wait_until_drawn (view);
  width = gtk_widget_get_width (GTK_WIDGET (view));
  height = gtk_widget_get_height (GTK_WIDGET (view));
  normal = br_chart_view_render_texture (view, width, height, 1, BR_COLOR_VISION_NORMAL);
  simulated = br_chart_view_render_texture (view, width, height, 1, BR_COLOR_VISION_TRITANOPIA);
  /* the simulation changes the companies' colours */
  g_assert_cmpfloat (texture_difference (normal, simulated), >, 0.005);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.color-vision", "s",
                                             "tritanopia"));
  wait_until_drawn (view);
  shown = render_widget (GTK_WIDGET (view));
  g_assert_cmpfloat (texture_difference (shown, simulated), <, 0.001);
  /* its marks answer from the drawing shown */
  g_assert_nonnull (br_chart_view_get_current_layout (view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.color-vision", "s",
                                             "normal"));
  wait_until_drawn (view);
  shown_after = render_widget (GTK_WIDGET (view));
  g_assert_cmpfloat (texture_difference (shown_after, normal), <, 0.001);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  /* in the order of BrChartKind */
  const char *charts[] = { "losses", "rnd", "customers", "valuation" };
  const char *styles[] = { "light", "dark" };
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  if (fixture->window == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-table", NULL);
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      adw_style_manager_set_color_scheme (style_manager, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                                : ADW_COLOR_SCHEME_FORCE_DARK);
      for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
        {
          g_autofree char *name = g_strdup_printf ("window-%s-%s", charts[c], styles[s]);
          BrChartView *view;
          BrChartLayout *layout;

          br_window_set_chart (fixture->window, c);
          br_test_wait_for_frame (fixture->window, TIMEOUT_US);
          /* with a mark hovered, as a user sees it */
          view = br_window_get_visible_chart_view (fixture->window);
          layout = br_chart_view_ensure_layout (view);
          for (guint i = br_chart_layout_get_n_marks (layout) / 2;
               i < br_chart_layout_get_n_marks (layout); i++)
            {
              const BrChartMark *mark = br_chart_layout_get_mark (layout, i);

              br_chart_view_point (view, mark->x, mark->y);
              break;
            }
          br_test_wait_for_frame (fixture->window, TIMEOUT_US);
          /* the chart follows the window's style */
          if (s == 0)
            g_assert_cmpuint (background_level (GTK_WIDGET (view)), >, 200);
          else
            g_assert_cmpuint (background_level (GTK_WIDGET (view)), <, 80);
          g_assert_cmpint (br_chart_view_get_highlight (view), >=, 0);
          save_screenshot (GTK_WIDGET (fixture->window), name);
        }
    }

  /* a phone-sized window, opened at that size: the switcher moves to the bottom and
   * the controls fold away */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-table", NULL);
  {
    BrWindow *narrow = br_window_new (NULL);

    gtk_window_set_default_size (GTK_WINDOW (narrow), 360, 720);
    g_assert_true (br_window_open_bundled (narrow));
    gtk_window_present (GTK_WINDOW (narrow));
    /* the switcher bar is revealed once the title knows it is narrow */
    br_test_wait_for_frame (narrow, TIMEOUT_US);
    iterate_for (300);
    br_test_wait_for_frame (narrow, TIMEOUT_US);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (narrow)), <=, 400);
    save_screenshot (GTK_WIDGET (narrow), "window-narrow-dark");
    gtk_window_destroy (GTK_WINDOW (narrow));
  }
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
wait_for_widget_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (br_test_flag_cb), &painted);
  gtk_widget_queue_draw (widget);
  br_test_iterate_until (&painted, TIMEOUT_US);
  g_signal_handler_disconnect (clock, id);
}

static void
key (BrPresentation *presentation,
     guint           keyval)
{
  g_assert_true (br_presentation_handle_key (presentation, keyval, 0));
}

/* F5 starts on the current chart; the keys a presenter and a clicker use walk the whole
 * deck and back; hover still answers; B blanks; Esc leaves the window as it was. */
static void
test_presentation (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  const char *styles[] = { "light", "dark" };
  BrPresentation *presentation;
  BrSlideView *view;
  g_autofree char *counter = NULL;
  guint n_slides;

  if (fixture->window == NULL)
    return;

  br_window_set_chart (fixture->window, BR_CHART_RND);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  presentation = BR_PRESENTATION (br_window_get_presentation (fixture->window));
  g_assert_nonnull (presentation);
  view = br_presentation_get_view (presentation);
  n_slides = br_deck_get_n_slides (br_presentation_get_deck (presentation));
  counter = g_strdup_printf ("3 / %u", n_slides);
  g_assert_cmpuint (n_slides, >=, BR_N_CHART_KINDS + 2);
  g_assert_cmpuint (br_presentation_get_slide (presentation), ==, 1 + BR_CHART_RND);
  g_assert_cmpstr (br_presentation_get_counter (presentation), ==, counter);
  wait_for_widget_frame (GTK_WIDGET (presentation));

  /* forward to the end with every key that means "next", and no further */
  key (presentation, GDK_KEY_Home);
  g_assert_cmpuint (br_presentation_get_slide (presentation), ==, 0);
  key (presentation, GDK_KEY_Right);
  key (presentation, GDK_KEY_Down);
  key (presentation, GDK_KEY_Page_Down);
  key (presentation, GDK_KEY_space);
  key (presentation, GDK_KEY_Return);
  g_assert_cmpuint (br_presentation_get_slide (presentation), ==, 5);
  for (guint i = 5; i < n_slides; i++)
    key (presentation, GDK_KEY_Right);
  g_assert_cmpuint (br_presentation_get_slide (presentation), ==, n_slides - 1);
  key (presentation, GDK_KEY_Right);
  g_assert_cmpuint (br_presentation_get_slide (presentation), ==, n_slides - 1);
  key (presentation, GDK_KEY_6);
  key (presentation, GDK_KEY_Return);

  /* and back with every key that means "previous", and no further */
  key (presentation, GDK_KEY_Left);
  key (presentation, GDK_KEY_Up);
  key (presentation, GDK_KEY_Page_Up);
  key (presentation, GDK_KEY_BackSpace);
  key (presentation, GDK_KEY_Left);
  g_assert_cmpuint (br_presentation_get_slide (presentation), ==, 0);
  key (presentation, GDK_KEY_Left);
  g_assert_cmpuint (br_presentation_get_slide (presentation), ==, 0);

  /* a number then Enter jumps; End goes to the sources */
  key (presentation, GDK_KEY_5);
  key (presentation, GDK_KEY_Return);
  g_assert_cmpuint (br_presentation_get_slide (presentation), ==, 4);
  key (presentation, GDK_KEY_End);
  g_assert_cmpuint (br_presentation_get_slide (presentation), ==, n_slides - 1);

  /* blanking and back */
  key (presentation, GDK_KEY_b);
  g_assert_true (br_presentation_get_blank (presentation));
  key (presentation, GDK_KEY_period);
  g_assert_false (br_presentation_get_blank (presentation));

  /* "what was 2023?": hover on a chart slide answers as in the window */
  br_presentation_go_to (presentation, 1 + BR_CHART_LOSSES);
  wait_for_widget_frame (GTK_WIDGET (presentation));
  {
    BrChartLayout *layout = br_slide_view_get_layout (view);
    const BrChartMark *mark;

    g_assert_nonnull (layout);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, 1280);
    mark = br_chart_layout_get_mark (layout, 1);
    br_slide_view_point (view, mark->x, mark->y);
    g_assert_nonnull (br_slide_view_get_readout (view));
    g_assert_nonnull (strstr (br_slide_view_get_readout (view),
                              br_company_get_name (mark->company, br_language_from_locale ())));
  }

  /* every slide, light and dark */
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      adw_style_manager_set_color_scheme (style_manager, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                                : ADW_COLOR_SCHEME_FORCE_DARK);
      for (guint i = 0; i < n_slides; i++)
        {
          g_autofree char *name = g_strdup_printf ("slide-%u-%s", i + 1, styles[s]);

          br_presentation_go_to (presentation, i);
          wait_for_widget_frame (GTK_WIDGET (presentation));
          save_screenshot (GTK_WIDGET (view), name);
          /* the slides follow the style while the presentation runs */
          if (s == 0)
            g_assert_cmpuint (background_level (GTK_WIDGET (view)), >, 200);
          else
            g_assert_cmpuint (background_level (GTK_WIDGET (view)), <, 60);
        }
    }
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  /* Esc: the presentation goes, the window is where it was */
  key (presentation, GDK_KEY_Escape);
  iterate_for (50);
  g_assert_null (br_window_get_presentation (fixture->window));
  g_assert_cmpint (br_window_get_chart (fixture->window), ==, BR_CHART_RND);
}

/* Names and sources with markup, printf directives, bidi controls, a 10,000-character
 * name and emoji: the window shows them literally, in the chart, the readout and the
 * table, and nothing breaks. */
static void
test_hostile_text (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  BrChartView *view;
  BrChartLayout *layout;
  const char *readout;

  if (fixture->window == NULL)
    return;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (long_name, 'W');
  g_string_append (text, "{\"format\": \"burnrate-dataset\", \"version\": 1,"
                         " \"title\": \"<b>%s%n</b> &amp;\", \"updated\": \"2025-01-01\","
                         " \"sources\": [{\"id\": \"s\", \"title\": \"<i>%n</i>\","
                         " \"publisher\": \"%s &lt;\", \"date\": \"2025-01-01\"}],"
                         " \"companies\": [");
  {
    const char *names[] = { "<b>Bold</b> \\u202eevil", "%s%n%x 🚀", long_name->str };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      g_string_append_printf (text,
                              "%s{\"id\": \"c%u\", \"name\": \"%s\", \"periods\": [{\"id\": \"FY2024\","
                              " \"kind\": \"fiscal-year\", \"start\": \"2024-01-01\","
                              " \"end\": \"2024-12-31\"}], \"figures\": [{\"period\": \"FY2024\","
                              " \"metric\": \"net_income_attributable\", \"value\": -%u,"
                              " \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}]}",
                              i > 0 ? "," : "", i, names[i], i + 1);
  }
  g_string_append (text, "]}");
  file = write_file (fixture, "hostile.json", text->str, text->len);
  g_assert_true (open_and_wait (fixture->window, file));

  br_window_set_chart (fixture->window, BR_CHART_LOSSES);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  view = br_window_get_visible_chart_view (fixture->window);
  layout = br_chart_view_ensure_layout (view);
  g_assert_cmpuint (br_chart_layout_get_n_marks (layout), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const BrChartMark *mark = br_chart_layout_get_mark (layout, i);

      br_chart_view_point (view, mark->x, mark->y);
      readout = br_chart_view_get_readout (view);
      g_assert_nonnull (readout);
      g_assert_nonnull (strstr (readout, br_company_get_name (mark->company, BR_LANGUAGE_EN)));
      g_assert_nonnull (strstr (readout, "%s &lt;"));
    }
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-table", NULL);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  save_screenshot (GTK_WIDGET (fixture->window), "window-hostile");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-table", NULL);
}

/* A dataset of @n_companies companies with 40 quarters of figures each. */
static char *
write_big_dataset (const char *dir,
                   guint       n_companies)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "big.json", NULL);

  g_string_append (text, "{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"Big\","
                         " \"updated\": \"2025-01-01\", \"sources\": [{\"id\": \"s\","
                         " \"title\": \"t\", \"publisher\": \"p\", \"date\": \"2025-01-01\"}],"
                         " \"companies\": [");
  for (guint c = 0; c < n_companies; c++)
    {
      g_string_append_printf (text, "%s{\"id\": \"c%u\", \"name\": \"Company %u\", \"periods\": [",
                              c > 0 ? "," : "", c, c);
      for (guint y = 0; y < 10; y++)
        for (guint q = 0; q < 4; q++)
          g_string_append_printf (text, "%s{\"id\": \"%uQ%u\", \"kind\": \"quarter\","
                                  " \"start\": \"%u-%02u-01\", \"end\": \"%u-%02u-%02u\"}",
                                  y + q > 0 ? "," : "", 2015 + y, q + 1, 2015 + y, q * 3 + 1,
                                  2015 + y, q * 3 + 3, q == 0 || q == 3 ? 31 : 30);
      g_string_append (text, "], \"figures\": [");
      for (guint y = 0; y < 10; y++)
        for (guint q = 0; q < 4; q++)
          g_string_append_printf (text, "%s{\"period\": \"%uQ%u\", \"metric\": \"revenue\","
                                  " \"value\": %u.5, \"currency\": \"CNY\", \"scale\": \"yi\","
                                  " \"source\": \"s\"}", y + q > 0 ? "," : "", 2015 + y, q + 1,
                                  c % 7 + 1);
      g_string_append (text, "]}");
    }
  g_string_append (text, "]}");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return path;
}

/* A large file loads off the main thread; after a moment a bar shows it loading, with
 * a way to give up, and giving up keeps what was shown. */
static void
test_big_file_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  BrDocument *document;
  BrDataset *before;

  if (fixture->window == NULL)
    return;

  document = br_window_get_document (fixture->window);
  before = br_document_get_dataset (document);
  path = write_big_dataset (fixture->tmpdir, 4000);
  file = g_file_new_for_path (path);

  br_window_open (fixture->window, file);
  g_assert_true (br_document_get_loading (document));
  iterate_for (400);
  /* the main loop kept running while it loaded */
  g_assert_true (br_document_get_loading (document));
  g_assert_true (br_window_get_loading_revealed (fixture->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-load",
                                             NULL));
  g_assert_false (br_document_get_loading (document));
  g_assert_false (br_window_get_loading_revealed (fixture->window));
  g_assert_true (br_document_get_dataset (document) == before);

  /* the abandoned load finishing later changes nothing */
  iterate_for (3000);
  g_assert_true (br_document_get_dataset (document) == before);
  g_assert_false (br_window_get_banner_revealed (fixture->window));
  g_remove (path);
}

/* GTK 4.8's GtkActionBar allocates its empty start box a height of -1 for the frame
 * in which the view switcher bar is revealed, and the switcher in it the same, so its
 * buttons' gizmos go unallocated for that frame: harmless, and not ours to fix */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if (g_strcmp0 (domain, "Gtk") == 0 && message != NULL
      && ((strstr (message, "gtk_widget_size_allocate(): attempt to allocate") != NULL
           && strstr (message, "height -1") != NULL)
          || strstr (message, "Trying to snapshot AdwGizmo") != NULL))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* The height of the chart's first legend entry: its type size, as drawn */
static double
legend_height (BrChartView *view)
{
  BrChartLayout *layout = br_chart_view_ensure_layout (view);
  const BrLegendEntry *entry;

  g_assert_cmpuint (br_chart_layout_get_legend (layout)->len, >, 0);
  entry = &g_array_index (br_chart_layout_get_legend (layout), BrLegendEntry, 0);
  return entry->y1 - entry->y0;
}

/* The chart follows the desktop's text-scaling factor and its high-contrast style. */
static void
test_desktop_text_and_contrast (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  BrChartView *view;
  g_autofree char *theme = NULL;
  int dpi;
  double normal, large;

  if (fixture->window == NULL)
    return;

  view = br_window_get_visible_chart_view (fixture->window);
  g_object_get (settings, "gtk-xft-dpi", &dpi, "gtk-theme-name", &theme, NULL);
  normal = legend_height (view);
  g_assert_false (br_chart_options_get_high_contrast (br_chart_view_get_options (view)));

  /* "Large Text" in GNOME's accessibility settings */
  g_object_set (settings, "gtk-xft-dpi", (int)(1.5 * 96 * 1024), NULL);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  large = legend_height (view);
  g_assert_cmpfloat (large, >, normal * 1.4);
  g_assert_cmpfloat (br_chart_options_get_text_scale (br_chart_view_get_options (view)), ==, 1.5);
  save_screenshot (GTK_WIDGET (fixture->window), "window-text-scale-1.5");

  /* libadwaita 1.2 takes high contrast from the theme's name where there is no portal */
  g_object_set (settings, "gtk-theme-name", "HighContrast", NULL);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  if (adw_style_manager_get_high_contrast (style_manager))
    {
      g_assert_true (br_chart_options_get_high_contrast (br_chart_view_get_options (view)));
      save_screenshot (GTK_WIDGET (fixture->window), "window-high-contrast");
    }
  else
    g_test_message ("high contrast cannot be turned on here");

  g_object_set (settings, "gtk-xft-dpi", dpi, "gtk-theme-name", theme, NULL);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  g_assert_cmpfloat (legend_height (view), ==, normal);
}

/* A long problem, with a long unbroken file name, is cut short in the banner: the window
 * can still be made as narrow as without it. */
static void
test_banner_width (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new ("{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"");
  g_autoptr(GFile) broken = NULL;
  int narrowest;

  if (fixture->window == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 600);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  narrowest = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  for (guint i = 0; i < 8; i++)
    g_string_append (name, "a-long-dataset-name-");
  g_string_append (name, ".json");
  for (guint i = 0; i < 400; i++)
    g_string_append (json, "x");
  g_string_append (json, "\", \"companies\": 5}");
  broken = write_file (fixture, name->str, json->str, json->len);
  g_assert_false (open_and_wait (fixture->window, broken));
  g_assert_true (br_window_get_banner_revealed (fixture->window));
  g_assert_cmpuint (strlen (br_window_get_banner_text (fixture->window)), >, 300);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 600);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  g_test_message ("the narrowest window: %d px, %d px with the banner", narrowest,
                  gtk_widget_get_width (GTK_WIDGET (fixture->window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, narrowest);
  save_screenshot (GTK_WIDGET (fixture->window), "window-long-problem");
}

/* Every chart's text, as laid out in the window: none smaller than @min pixels, no two
 * pieces overlapping, and the footnote not cut short */
static void
assert_legible (BrWindow   *window,
                double      min,
                const char *where)
{
  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      BrChartView *view;
      BrChartLayout *layout;
      GArray *boxes;
      guint n;

      br_window_set_chart (window, kind);
      br_test_wait_for_frame (window, TIMEOUT_US);
      view = br_window_get_visible_chart_view (window);
      layout = br_chart_view_ensure_layout (view);
      boxes = br_chart_layout_get_text_boxes (layout);
      n = boxes->len;
      g_assert_cmpuint (n, >, 3);
      for (guint i = 0; i < n; i++)
        {
          const BrTextBox *a = &g_array_index (boxes, BrTextBox, i);

          if (a->size < min - 0.01)
            g_error ("%s: %s text “%s” at %.1f px in the %d×%d %s chart", where, a->role,
                     a->text, a->size, gtk_widget_get_width (GTK_WIDGET (view)),
                     gtk_widget_get_height (GTK_WIDGET (view)), br_chart_kind_to_string (kind));
          /* the plot gives way to the footnote rather than cut a source */
          if (a->ellipsized && g_str_equal (a->role, "footnote"))
            g_error ("%s: the footnote is cut in the %d×%d %s chart: %s", where,
                     gtk_widget_get_width (GTK_WIDGET (view)),
                     gtk_widget_get_height (GTK_WIDGET (view)), br_chart_kind_to_string (kind),
                     a->text);
          for (guint j = i + 1; j < n; j++)
            {
              const BrTextBox *b = &g_array_index (boxes, BrTextBox, j);

              if (a->x0 < b->x1 - 1 && b->x0 < a->x1 - 1 && a->y0 < b->y1 - 1 && b->y0 < a->y1 - 1)
                g_error ("%s: %s text “%s” overlaps %s text “%s” in the %s chart", where, a->role,
                         a->text, b->role, b->text, br_chart_kind_to_string (kind));
            }
        }
    }
}

/* Chart text is never under 11 px (times the desktop's text scale), at the default size
 * and in a small window; the charts make room rather than overlap. */
static void
test_legible_text (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi;

  if (fixture->window == NULL)
    return;

  assert_legible (fixture->window, 11, "1280×800");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 480);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 640);
  assert_legible (fixture->window, 11, "640×480");

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", (int)(1.5 * 96 * 1024), NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  assert_legible (fixture->window, 16.5, "1280×800 at text scale 1.5");
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
}

/* The tab icons are symbolic SVGs: without gdk-pixbuf's SVG loader (librsvg2-common)
 * GTK draws its "image-missing" placeholder instead, and says nothing. */
static void
test_icons (Fixture       *fixture,
            gconstpointer  data)
{
  const char *names[] = { "br-losses-symbolic", "br-rnd-symbolic", "br-customers-symbolic",
                          "br-valuation-symbolic" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/io/github/burnrate/Burnrate/icons/scalable/"
                                               "actions/%s.svg", names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_resource_at_scale (path, 32, 32, TRUE,
                                                                           &error);
      const guchar *pixels;
      guint opaque = 0;

      g_assert_no_error (error);
      g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));
      pixels = gdk_pixbuf_read_pixels (pixbuf);
      for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
        for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
          opaque += pixels[y * gdk_pixbuf_get_rowstride (pixbuf) + x * 4 + 3] > 128;
      /* a drawing, not an empty square */
      g_assert_cmpuint (opaque, >, 32);
      g_assert_cmpuint (opaque, <, 32 * 32);
    }
}

static void
assert_accessible (GtkWidget                *widget,
                   GtkAccessibleProperty     property,
                   const char               *expected)
{
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 property, expected);

  if (problem != NULL)
    g_error ("accessible property %d: %s", property, problem);
}

/* The slide a screen reader hears: "Slide 2 of 8: title", and the slide's description */
static void
assert_slide_accessible (BrSlideView *view,
                         BrDeck      *deck,
                         guint        slide)
{
  g_autofree char *name = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Slide %u of %u: %s"),
                                           slide + 1, br_deck_get_n_slides (deck),
                                           br_deck_get_slide_title (deck, slide));

  g_assert_cmpuint (br_slide_view_get_slide (view), ==, slide);
  assert_accessible (GTK_WIDGET (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  assert_accessible (GTK_WIDGET (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                     br_deck_get_slide_description (deck, slide));
}

static gboolean
console_key (BrPresentationConsole *console,
             guint                  keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (console));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
}

/* The presentation is not silent: the slide area has the focus, a name and a
 * description, which follow the slides. S shows the presenter view: the current and the
 * next slide, the time since the start and the time of day, and notes from the chart;
 * keys typed there drive the slides, S hides it and Escape ends the presentation. */
static void
test_presenter_view (Fixture       *fixture,
                     gconstpointer  data)
{
  BrPresentation *presentation;
  BrPresentationConsole *console;
  BrSlideView *view;
  BrDeck *deck;
  GdkDisplay *display;
  g_autoptr(GdkMonitor) monitor = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *clock = NULL, *last_minute = NULL;
  const BrCompany *company;

  if (fixture->window == NULL)
    return;

  br_window_set_chart (fixture->window, BR_CHART_LOSSES);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  presentation = BR_PRESENTATION (br_window_get_presentation (fixture->window));
  view = br_presentation_get_view (presentation);
  deck = br_presentation_get_deck (presentation);
  wait_for_widget_frame (GTK_WIDGET (presentation));

  g_assert_true (gtk_window_get_focus (GTK_WINDOW (presentation)) == GTK_WIDGET (view));
  assert_slide_accessible (view, deck, 1 + BR_CHART_LOSSES);
  key (presentation, GDK_KEY_Right);
  assert_slide_accessible (view, deck, 1 + BR_CHART_RND);
  key (presentation, GDK_KEY_b);
  assert_accessible (GTK_WIDGET (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                     g_dgettext (GETTEXT_PACKAGE, "Blank screen"));
  key (presentation, GDK_KEY_b);
  assert_slide_accessible (view, deck, 1 + BR_CHART_RND);

  /* one monitor under Xvfb: no other to open the presenter view on by itself */
  display = gtk_widget_get_display (GTK_WIDGET (presentation));
  monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  g_assert_null (br_presentation_other_monitor (display, monitor));
  g_assert_true (br_presentation_other_monitor (display, NULL) == monitor);
  g_assert_null (br_presentation_get_console (presentation));

  key (presentation, GDK_KEY_s);
  console = br_presentation_get_console (presentation);
  g_assert_nonnull (console);
  wait_for_widget_frame (GTK_WIDGET (console));
  save_screenshot (GTK_WIDGET (console), "presenter-view");
  g_assert_cmpuint (br_slide_view_get_slide (br_presentation_console_get_current (console)), ==,
                    1 + BR_CHART_RND);
  g_assert_cmpuint (br_slide_view_get_slide (br_presentation_console_get_next (console)), ==,
                    2 + BR_CHART_RND);
  g_assert_cmpstr (br_presentation_console_get_notes (console), ==,
                   br_deck_get_notes (deck, 1 + BR_CHART_RND));
  company = br_dataset_get_company (br_document_get_dataset (br_window_get_document (fixture->window)), 0);
  g_assert_nonnull (strstr (br_presentation_console_get_notes (console),
                            br_company_get_name (company, br_language_from_locale ())));
  g_assert_true (g_regex_match_simple ("^0:00:[0-5][0-9]$",
                                       br_presentation_console_get_elapsed (console), 0, 0));
  now = g_date_time_new_now_local ();
  clock = g_date_time_format (now, "%H:%M");
  {
    g_autoptr(GDateTime) before = g_date_time_add_minutes (now, -1);

    last_minute = g_date_time_format (before, "%H:%M");
  }
  g_assert_true (g_str_equal (br_presentation_console_get_clock (console), clock) ||
                 g_str_equal (br_presentation_console_get_clock (console), last_minute));

  /* keys typed in the presenter view move the slides, and it follows */
  g_assert_true (console_key (console, GDK_KEY_Page_Down));
  g_assert_cmpuint (br_presentation_get_slide (presentation), ==, 2 + BR_CHART_RND);
  assert_slide_accessible (view, deck, 2 + BR_CHART_RND);
  g_assert_cmpuint (br_slide_view_get_slide (br_presentation_console_get_current (console)), ==,
                    2 + BR_CHART_RND);
  g_assert_cmpstr (br_presentation_console_get_notes (console), ==,
                   br_deck_get_notes (deck, 2 + BR_CHART_RND));
  g_assert_true (console_key (console, GDK_KEY_End));
  g_assert_null (br_presentation_console_get_next (console));
  g_assert_true (console_key (console, GDK_KEY_s));
  g_assert_null (br_presentation_get_console (presentation));

  /* Escape in the presenter view ends the presentation, and the view with it */
  key (presentation, GDK_KEY_s);
  console = br_presentation_get_console (presentation);
  g_assert_nonnull (console);
  g_assert_true (console_key (console, GDK_KEY_Escape));
  g_assert_null (br_window_get_presentation (fixture->window));
}

/* what the restyle ahead of the frame had left at each frame since a style switch */
typedef struct
{
  GtkWidget *window;
  guint      n_frames;
  guint      n_frames_left_styles;
} StyleFrames;

static void
style_before_paint_cb (GdkFrameClock *clock,
                       StyleFrames   *frames)
{
  frames->n_frames++;
  if (br_restyle_get_pending (frames->window))
    frames->n_frames_left_styles++;
}

/* A light/dark switch works the window's styles out before the frame that shows it,
 * a slice at a time, and again when libadwaita turns transitions back on: no frame
 * meets styles still being worked out, with the table's rows and the side pane's */
static void
test_restyle_ahead (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GdkFrameClock *clock;
  StyleFrames frames = { 0 };
  gboolean pending_late = FALSE;
  gint64 start, end;
  gulong id;

  if (fixture->window == NULL)
    return;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-table", NULL));
  wait_for_table (fixture->window);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  iterate_for (400);
  br_test_wait_for_frame (fixture->window, TIMEOUT_US);

  frames.window = GTK_WIDGET (fixture->window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  id = g_signal_connect (clock, "before-paint", G_CALLBACK (style_before_paint_cb), &frames);
  start = g_get_monotonic_time ();
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (br_restyle_get_pending (GTK_WIDGET (fixture->window)));
  /* past libadwaita's 250 ms with transitions off */
  end = start + 600 * 1000;
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () - start > 240 * 1000
          && br_restyle_get_pending (GTK_WIDGET (fixture->window)))
        pending_late = TRUE;
      g_usleep (500);
    }
  g_signal_handler_disconnect (clock, id);

  g_assert_cmpuint (frames.n_frames, >, 0);
  g_assert_cmpuint (frames.n_frames_left_styles, ==, 0);
  g_assert_true (pending_late);
  g_assert_false (br_restyle_get_pending (GTK_WIDGET (fixture->window)));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  iterate_for (400);
}

static void
add (const char *path,
     void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;
  g_autofree char *home = g_dir_make_tmp ("burnrate-ui-home-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *cache_home = g_build_filename (home, "cache", NULL);

  /* recent files and caches go to a scratch directory; not G_TEST_OPTION_ISOLATE_DIRS,
   * which hides the MIME database the SVG icon loader needs */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  br_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  g_set_application_name ("Burnrate");

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      /* no transitions: each frame shows the final state */
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
      /* what AdwApplication loads from the resource base path */
      css = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (css, "/io/github/burnrate/Burnrate/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        "/io/github/burnrate/Burnrate/icons");
    }

  add ("/Br/Window/start", test_start);
  add ("/Br/Window/icons", test_icons);
  add ("/Br/Window/desktop-text-and-contrast", test_desktop_text_and_contrast);
  add ("/Br/Window/legible-text", test_legible_text);
  add ("/Br/Window/banner-width", test_banner_width);
  add ("/Br/Window/switch-charts", test_switch_charts);
  add ("/Br/Window/hover", test_hover);
  add ("/Br/Window/legend-toggle", test_legend_toggle);
  add ("/Br/Window/side-pane", test_side_pane);
  add ("/Br/Window/runway-page", test_runway_page);
  add ("/Br/Window/dataset-units-and-benchmark", test_dataset_units_and_benchmark);
  add ("/Br/Window/benchmark-name-not-markup", test_benchmark_name_not_markup);
  add ("/Br/Window/dataset-title", test_dataset_title);
  add ("/Br/Window/period-picker", test_period_picker);
  add ("/Br/Window/load-files", test_load_files);
  add ("/Br/Window/reload-on-save", test_reload_on_save);
  add ("/Br/Window/export", test_export);
  add ("/Br/Window/export-toast-text", test_export_toast_text);
  add ("/Br/Window/table", test_table);
  add ("/Br/Window/restyle-ahead", test_restyle_ahead);
  add ("/Br/Window/all-figures", test_all_figures);
  add ("/Br/Window/color-vision", test_color_vision);
  add ("/Br/Window/color-vision-shown", test_color_vision_shown);
  add ("/Br/Window/screenshots", test_screenshots);
  add ("/Br/Window/presentation", test_presentation);
  add ("/Br/Window/presenter-view", test_presenter_view);
  add ("/Br/Window/big-file-cancel", test_big_file_cancel);
  add ("/Br/Window/hostile-text", test_hostile_text);

  return g_test_run ();
}
