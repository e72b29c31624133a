/* test-company-list.c: the side pane's list for many companies, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "br-company-list-private.h"
#include "br-loader.h"
#include "br-loader-private.h"

static void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static GtkWidget *
find (GtkWidget *widget,
      GType      type,
      guint      nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && nth-- == 0)
        return child;
      if ((found = find (child, type, nth)) != NULL)
        return found;
    }

  return NULL;
}

static guint
count (GtkWidget *widget,
       GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += G_TYPE_CHECK_INSTANCE_TYPE (child, type) + count (child, type);

  return n;
}

static GListModel *
list_model (GtkWidget *list)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find (list, GTK_TYPE_LIST_VIEW, 0))));
}

static gboolean
one_left (gpointer list)
{
  return g_list_model_get_n_items (list_model (list)) == 1;
}

static gboolean
mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && count (widget, GTK_TYPE_CHECK_BUTTON) > 0;
}

static void
test_company_list (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.burnrate.Burnrate");
  g_autoptr(GFile) file = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "data",
                                                     "forty-companies.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = br_dataset_load_file (file, NULL, NULL, NULL, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list, *search;
  g_auto(GStrv) hidden = NULL;

  g_assert_no_error (error);
  g_settings_reset (settings, "hidden-companies");
  list = br_company_list_new (settings, dataset);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 500);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (mapped, list);

  g_assert_cmpuint (g_list_model_get_n_items (list_model (list)), ==, 40);

  /* typing filters by name, whatever the case */
  search = find (list, GTK_TYPE_SEARCH_ENTRY, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "amBER");
  spin_until (one_left, list);

  /* None hides every company, All none; a tick shows one again */
  g_signal_emit_by_name (find (list, GTK_TYPE_BUTTON, 1), "clicked");
  hidden = g_settings_get_strv (settings, "hidden-companies");
  g_assert_cmpuint (g_strv_length (hidden), ==, 40);
  g_clear_pointer (&hidden, g_strfreev);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (list, GTK_TYPE_CHECK_BUTTON, 0)), TRUE);
  hidden = g_settings_get_strv (settings, "hidden-companies");
  g_assert_cmpuint (g_strv_length (hidden), ==, 39);
  g_assert_false (g_strv_contains ((const char * const *)hidden, "c01"));
  g_clear_pointer (&hidden, g_strfreev);
  g_signal_emit_by_name (find (list, GTK_TYPE_BUTTON, 0), "clicked");
  hidden = g_settings_get_strv (settings, "hidden-companies");
  g_assert_cmpuint (g_strv_length (hidden), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* a thousand companies: rows are made for what is on screen, not for every company */
static void
test_lazy (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.burnrate.Burnrate");
  g_autoptr(GString) json = g_string_new ("{\"format\": \"burnrate-dataset\", \"version\": 1,"
                                          " \"title\": \"t\", \"updated\": \"2025-01-01\","
                                          " \"sources\": [{\"id\": \"s\", \"title\": \"R\","
                                          " \"publisher\": \"P\", \"date\": \"2025-01-01\"}],"
                                          " \"companies\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (json, "%s{\"id\": \"c%u\", \"name\": \"Company %u\", \"periods\":"
                            " [{\"id\": \"FY2024\", \"kind\": \"fiscal-year\", \"start\":"
                            " \"2024-01-01\", \"end\": \"2024-12-31\"}], \"figures\":"
                            " [{\"period\": \"FY2024\", \"metric\": \"revenue\", \"value\": 1,"
                            " \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}]}",
                            i > 0 ? "," : "", i, i);
  g_string_append (json, "]}");
  bytes = g_bytes_new (json->str, json->len);
  dataset = br_dataset_load_bytes (bytes, "many.json", NULL, NULL, &error);
  g_assert_no_error (error);

  list = br_company_list_new (settings, dataset);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 500);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (mapped, list);

  g_assert_cmpuint (g_list_model_get_n_items (list_model (list)), ==, 1000);
  g_assert_cmpuint (count (list, GTK_TYPE_CHECK_BUTTON), <, 300);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/Br/CompanyList/search-and-ticks", test_company_list);
  g_test_add_func ("/Br/CompanyList/lazy", test_lazy);

  return g_test_run ();
}
