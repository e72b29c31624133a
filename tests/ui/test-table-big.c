/* test-table-big.c: the data table's "All figures" on a dataset of 300,000 figures
 *
 * The real window on a dataset written by the test: 1,000 companies of 100 quarters of
 * three figures each. The table lists them all, sorts them, and copies a selected range
 * or all of them as the export's CSV, and each of those steps is timed as the main loop
 * sees it: the longest stretch of work between two polls. Runs under Xvfb; without a
 * display it is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../br-test-i18n.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "br-data-table-private.h"
#include "br-document.h"
#include "br-mark-row.h"
#include "br-window-private.h"
#include "br-test-window.h"

#define N_COMPANIES 1000
#define N_QUARTERS  100
#define N_METRICS   3
#define N_FIGURES   (N_COMPANIES * N_QUARTERS * N_METRICS)
#define TIMEOUT_US  (120 * G_USEC_PER_SEC)
#ifdef __SANITIZE_ADDRESS__
#define CPU_BUDGET_MS 600
#else
#define CPU_BUDGET_MS 200
#endif

static const char *metrics[N_METRICS] = { "revenue", "net_income_attributable", "rnd_expense" };

/* Figure i's value: every one different, the smallest and largest somewhere inside */
static double
figure_value (guint i)
{
  return (double)((i * 7u + 12345u) % 300007u) / 100.;
}

/* odd companies "alpha 0001", even ones "Beta 0000": case folded, the alphas sort first */
static char *
company_name (guint c)
{
  return g_strdup_printf ("%s %04u", c % 2 ? "alpha" : "Beta", c);
}

static char *
write_dataset (const char *dir)
{
  g_autoptr(GString) json = g_string_new (NULL);
  char *path = g_build_filename (dir, "three-hundred-thousand.json", NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (json, "{\"format\": \"burnrate-dataset\", \"version\": 1, "
                         "\"title\": \"300,000 figures\", \"updated\": \"2025-01-01\", "
                         "\"sources\": [{\"id\": \"s\", \"title\": \"Filings\", "
                         "\"publisher\": \"Exchange\", \"date\": \"2025-01-01\"}], "
                         "\"fx\": [], \"companies\": [");
  for (guint c = 0, i = 0; c < N_COMPANIES; c++)
    {
      g_autofree char *name = company_name (c);

      g_string_append_printf (json, "%s{\"id\": \"c%04u\", \"name\": {\"en\": \"%s\"}, "
                                    "\"periods\": [", c > 0 ? ", " : "", c, name);
      for (guint q = 0; q < N_QUARTERS; q++)
        {
          guint year = 2000 + q / 4, quarter = q % 4;
          static const char *ends[] = { "03-31", "06-30", "09-30", "12-31" };
          static const char *starts[] = { "01-01", "04-01", "07-01", "10-01" };

          g_string_append_printf (json, "%s{\"id\": \"%uQ%u\", \"kind\": \"quarter\", "
                                        "\"start\": \"%u-%s\", \"end\": \"%u-%s\"}",
                                  q > 0 ? ", " : "", year, quarter + 1, year, starts[quarter],
                                  year, ends[quarter]);
        }
      g_string_append (json, "], \"figures\": [");
      for (guint q = 0; q < N_QUARTERS; q++)
        for (guint m = 0; m < N_METRICS; m++, i++)
          g_string_append_printf (json, "%s{\"period\": \"%uQ%u\", \"metric\": \"%s\", "
                                        "\"value\": %s, \"currency\": \"CNY\", \"scale\": \"yi\", "
                                        "\"source\": \"s\"}",
                                  q + m > 0 ? ", " : "", 2000 + q / 4, q % 4 + 1, metrics[m],
                                  g_ascii_formatd (number, sizeof number, "%.2f",
                                                   figure_value (i)));
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));

  return path;
}

/* The longest stretch of main-thread work between two polls, in wall and thread CPU
 * time, while a step runs: what a user would feel as the window not answering */
static struct
{
  gboolean measuring;
  gint64   poll_return;
  gint64   poll_return_cpu;
  double   longest_ms;
  double   longest_cpu_ms;
} dispatch;

static GPollFunc default_poll;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
account (void)
{
  gint64 now = g_get_monotonic_time (), cpu = thread_cpu_us ();

  if (dispatch.measuring && dispatch.poll_return != 0)
    {
      dispatch.longest_ms = MAX (dispatch.longest_ms, (now - dispatch.poll_return) / 1000.);
      dispatch.longest_cpu_ms = MAX (dispatch.longest_cpu_ms,
                                     (cpu - dispatch.poll_return_cpu) / 1000.);
    }
}

static int
measuring_poll (GPollFD *fds,
                guint    n_fds,
                int      timeout)
{
  int result;

  account ();
  result = default_poll (fds, n_fds, timeout);
  dispatch.poll_return = g_get_monotonic_time ();
  dispatch.poll_return_cpu = thread_cpu_us ();
  return result;
}

static void
measure_start (void)
{
  dispatch.measuring = TRUE;
  dispatch.longest_ms = dispatch.longest_cpu_ms = 0;
  /* the step's own call counts as a dispatch */
  dispatch.poll_return = g_get_monotonic_time ();
  dispatch.poll_return_cpu = thread_cpu_us ();
}

static void
measure_stop (const char *step)
{
  account ();
  dispatch.measuring = FALSE;
  g_test_message ("%s: longest main-loop dispatch %.1f ms (main-thread CPU %.1f ms)", step,
                  dispatch.longest_ms, dispatch.longest_cpu_ms);
  /* Work done on the main thread in one go for 300,000 rows takes seconds; the budget
   * is 50 ms, with room for a machine other jobs load (and for the sanitizers) */
  g_assert_cmpfloat (dispatch.longest_cpu_ms, <, CPU_BUDGET_MS);
}

static void
iterate_while_busy (BrDataTable *table)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  while (br_data_table_get_busy (table) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (br_data_table_get_busy (table));
}

/* copies through the window's action, as Ctrl+Shift+C does; returns the clipboard's text */
static char *
copy_table (BrWindow   *window,
            const char *step)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  gboolean changed = FALSE;
  gulong id;

  id = g_signal_connect (clipboard, "changed", G_CALLBACK (br_test_flag_cb), &changed);
  measure_start ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-table", NULL));
  br_test_iterate_until (&changed, TIMEOUT_US);
  measure_stop (step);
  g_signal_handler_disconnect (clipboard, id);

  return br_test_read_clipboard (clipboard);
}

/* Saves the window, light and dark, as table-300k-STYLE-LANGUAGE.png in
 * $BURNRATE_SCREENSHOTS, when that is set: for people to look at, taken on request */
static void
save_screenshots (BrWindow *window)
{
  const char *dir = g_getenv ("BURNRATE_SCREENSHOTS");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  if (dir == NULL || dir[0] == '\0')
    return;

  g_mkdir_with_parents (dir, 0755);
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *file = g_strdup_printf ("table-300k-%s-%s.png", dark ? "dark" : "light",
                                               br_language_to_string (br_language_from_locale ()));
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      int width = gtk_widget_get_width (GTK_WIDGET (window));
      int height = gtk_widget_get_height (GTK_WIDGET (window));

      adw_style_manager_set_color_scheme (style_manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                              : ADW_COLOR_SCHEME_FORCE_LIGHT);
      br_test_wait_for_frame (window, TIMEOUT_US);
      paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("screenshot: %s", path);
    }
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* @text's CRLF-ended lines, and what follows the last: g_strsplit() looks for each
 * separator with strstr(), which AddressSanitizer checks by reading the whole rest of
 * the text every time, 300,000 times over 40 MB */
static char **
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *end = text + strlen (text);
  const char *line = text, *at = text;

  while ((at = memchr (at, '\r', end - at)) != NULL)
    {
      if (at[1] != '\n')
        {
          at++;
          continue;
        }
      g_ptr_array_add (lines, g_strndup (line, at - line));
      line = at = at + 2;
    }
  g_ptr_array_add (lines, g_strdup (line));
  g_ptr_array_add (lines, NULL);

  return (char **)g_ptr_array_free (lines, FALSE);
}

static double
row_value (GListModel *rows,
           guint       position)
{
  g_autoptr(BrMarkRow) row = g_list_model_get_item (rows, position);
  double value;

  g_object_get (row, "value", &value, NULL);
  return value;
}

static char *
row_text (GListModel *rows,
          guint       position,
          const char *property)
{
  g_autoptr(BrMarkRow) row = g_list_model_get_item (rows, position);
  char *text = NULL;

  g_object_get (row, property, &text, NULL);
  return text;
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  double x = figure_value (*(const guint *)a), y = figure_value (*(const guint *)b);

  return x < y ? -1 : x > y;
}

/* the CSV line the export writes for figure i */
static char *
expected_line (guint i)
{
  guint c = i / (N_QUARTERS * N_METRICS), q = i / N_METRICS % N_QUARTERS, m = i % N_METRICS;
  g_autofree char *name = company_name (c);
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  static const char *ends[] = { "03-31", "06-30", "09-30", "12-31" };

  return g_strdup_printf ("c%04u,%s,%s,%uQ%u,%u-%s,%s,yi,CNY,\"Filings — Exchange, 2025-01-01\","
                          "audited,", c, name, metrics[m], 2000 + q / 4, q % 4 + 1, 2000 + q / 4,
                          ends[q % 4], g_ascii_formatd (number, sizeof number, "%.10g",
                                                        figure_value (i)));
}

static void
test_all_figures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("burnrate-table-XXXXXX", NULL);
  g_autofree char *path = write_dataset (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree guint *by_value = g_new (guint, N_FIGURES);
  g_autofree char *count = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *first = NULL;
  g_auto(GStrv) lines = NULL;
  BrWindow *window;
  BrDataTable *table;
  GListModel *rows;
  GtkSelectionModel *selection;
  gboolean changed = FALSE;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }

  window = br_window_new (NULL);
  g_settings_reset (br_window_get_settings (window), "hidden-companies");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (br_window_get_document (window), "changed", G_CALLBACK (br_test_flag_cb), &changed);
  br_window_open (window, file);
  br_test_iterate_until (&changed, TIMEOUT_US);
  g_assert_cmpuint (br_dataset_get_n_companies (br_document_get_dataset (br_window_get_document (window))),
                    ==, N_COMPANIES);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL));
  br_test_wait_for_frame (window, TIMEOUT_US);
  table = br_window_get_data_table (window);
  rows = br_data_table_get_rows (table);
  selection = br_data_table_get_selection (table);

  /* the table's own switch: every figure, gathered while the window goes on */
  measure_start ();
  g_assert_true (gtk_widget_activate (window->all_figures_button));
  {
    gint64 end = g_get_monotonic_time () + TIMEOUT_US;

    /* a button activated from the keyboard clicks when its press has shown */
    while ((!br_data_table_get_all_figures (table) || br_data_table_get_busy (table))
           && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  br_test_wait_for_frame (window, TIMEOUT_US);
  measure_stop ("All figures shown");
  g_assert_true (br_data_table_get_all_figures (table));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, N_FIGURES);
  g_assert_cmpuint (br_data_table_get_n_rows (table), ==, N_FIGURES);
  /* the header says how many, grouped */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", N_FIGURES), "300,000");
  g_assert_cmpstr (gtk_label_get_text (window->table_count), ==, count);
  first = row_text (rows, 0, "company");
  g_assert_cmpstr (first, ==, "Beta 0000");

  /* sorted by value, as a click on its title sorts */
  for (guint i = 0; i < N_FIGURES; i++)
    by_value[i] = i;
  qsort (by_value, N_FIGURES, sizeof (guint), compare_values);
  measure_start ();
  br_data_table_sort_by (table, "value", GTK_SORT_ASCENDING);
  /* the sort starts when the title has its arrow */
  g_main_context_iteration (NULL, FALSE);
  while (!br_data_table_get_busy (table) && row_value (rows, 0) != figure_value (by_value[0]))
    g_main_context_iteration (NULL, TRUE);
  iterate_while_busy (table);
  br_test_wait_for_frame (window, TIMEOUT_US);
  measure_stop ("Sorted by value");
  g_assert_cmpfloat (row_value (rows, 0), ==, figure_value (by_value[0]));
  g_assert_cmpfloat (row_value (rows, N_FIGURES - 1), ==, figure_value (by_value[N_FIGURES - 1]));
  for (guint i = 1; i < N_FIGURES; i += 997)
    g_assert_cmpfloat (row_value (rows, i), ==, figure_value (by_value[i]));

  /* and by company, the other way round: case folded, "Beta 0998" before "alpha 0999" */
  measure_start ();
  br_data_table_sort_by (table, "company", GTK_SORT_DESCENDING);
  g_main_context_iteration (NULL, FALSE);
  {
    gint64 end = g_get_monotonic_time () + TIMEOUT_US;
    g_autofree char *company = NULL;

    while (g_get_monotonic_time () < end)
      {
        g_free (company);
        company = row_text (rows, 0, "company");
        if (g_str_equal (company, "Beta 0998") && !br_data_table_get_busy (table))
          break;
        g_main_context_iteration (NULL, TRUE);
      }
    measure_stop ("Sorted by company");
    g_assert_cmpstr (company, ==, "Beta 0998");
    g_free (company);
    company = row_text (rows, N_FIGURES - 1, "company");
    g_assert_cmpstr (company, ==, "alpha 0001");
  }

  /* a selected range, copied as the export's CSV, in the table's order */
  br_data_table_sort_by (table, "value", GTK_SORT_ASCENDING);
  g_main_context_iteration (NULL, FALSE);
  while (!br_data_table_get_busy (table) && row_value (rows, 0) != figure_value (by_value[0]))
    g_main_context_iteration (NULL, TRUE);
  iterate_while_busy (table);
  g_assert_true (gtk_selection_model_select_range (selection, 1000, 5, TRUE));
  save_screenshots (window);
  csv = copy_table (window, "Five rows copied");
  lines = split_lines (csv);
  g_assert_cmpuint (g_strv_length (lines), ==, 5 + 2);
  g_assert_cmpstr (lines[0], ==,
                   "company_id,company,series,period,period_end,value,unit,currency,source,"
                   "status,bound");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *expected = expected_line (by_value[1000 + i]);

      g_assert_cmpstr (lines[1 + i], ==, expected);
    }
  g_assert_cmpstr (lines[6], ==, "");
  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* nothing selected: every row */
  g_assert_true (gtk_selection_model_unselect_all (selection));
  csv = copy_table (window, "300,000 rows copied");
  lines = split_lines (csv);
  g_assert_cmpuint (g_strv_length (lines), ==, N_FIGURES + 2);
  for (guint i = 0; i < N_FIGURES; i += 4999)
    {
      g_autofree char *expected = expected_line (by_value[i]);

      g_assert_cmpstr (lines[1 + i], ==, expected);
    }

  /* and back to what the chart draws */
  measure_start ();
  g_assert_true (gtk_widget_activate (window->all_figures_button));
  {
    gint64 end = g_get_monotonic_time () + TIMEOUT_US;

    while ((br_data_table_get_all_figures (table) || br_data_table_get_busy (table))
           && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  br_test_wait_for_frame (window, TIMEOUT_US);
  measure_stop ("Drawn rows shown again");
  g_assert_cmpuint (br_data_table_get_n_rows (table), <, 1000);

  g_settings_reset (br_window_get_settings (window), "show-table");
  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  br_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  g_set_application_name ("Burnrate");
  if (gtk_init_check ())
    {
      adw_init ();
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
      default_poll = g_main_context_get_poll_func (NULL);
      g_main_context_set_poll_func (NULL, measuring_poll);
    }

  g_test_add_func ("/Br/TableBig/all-figures", test_all_figures);

  return g_test_run ();
}
