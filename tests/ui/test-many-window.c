/* test-many-window.c: the real window on a dataset of many companies
 *
 * What a user of forty companies meets: the charts draw a predictable few whatever is
 * ticked in the side pane, the pane's swatches are the colours the charts draw, and
 * every count is grouped in thousands. Runs under Xvfb; without a display every case
 * is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../br-test-color.h"
#include "../br-test-i18n.h"

#include <string.h>
#include <unistd.h>

#include <adwaita.h>

#include "br-chart-layout-private.h"
#include "br-chart-view-private.h"
#include "br-company-list-private.h"
#include "br-document.h"
#include "br-window-private.h"
#include "br-test-window.h"

#define TIMEOUT_US (10 * G_USEC_PER_SEC)

static gboolean have_display;

static BrWindow *
open_window (const char *name)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "data", name,
                                                     NULL);
  BrWindow *window = br_window_new (NULL);
  gboolean changed = FALSE;
  gulong id;

  g_settings_reset (br_window_get_settings (window), "hidden-companies");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  id = g_signal_connect (br_window_get_document (window), "changed", G_CALLBACK (br_test_flag_cb),
                         &changed);
  br_window_open (window, file);
  br_test_iterate_until (&changed, TIMEOUT_US);
  g_signal_handler_disconnect (br_window_get_document (window), id);
  br_window_set_chart (window, BR_CHART_LOSSES);
  gtk_window_present (GTK_WINDOW (window));
  br_test_wait_for_frame (window, TIMEOUT_US);

  return window;
}

static void
close_window (BrWindow *window)
{
  g_settings_reset (br_window_get_settings (window), "hidden-companies");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* the @nth mapped widget of @type under @widget, depth first */
static GtkWidget *
find_nth (GtkWidget *widget,
          GType      type,
          guint     *nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child)
          && (*nth)-- == 0)
        return child;
      if ((found = find_nth (child, type, nth)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find (GtkWidget *widget,
      GType      type)
{
  guint nth = 0;

  return find_nth (widget, type, &nth);
}

/* Shows only the company called @name in the side pane's list and returns its tick */
static GtkCheckButton *
company_check (BrWindow   *window,
               const char *name)
{
  GtkWidget *list = find (GTK_WIDGET (window), BR_TYPE_COMPANY_LIST);
  GtkWidget *search = find (list, GTK_TYPE_SEARCH_ENTRY);
  GtkListView *view = GTK_LIST_VIEW (find (list, GTK_TYPE_LIST_VIEW));
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;
  GtkWidget *check;

  gtk_editable_set_text (GTK_EDITABLE (search), name);
  /* the search entry waits a moment before it filters */
  while (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))) != 1
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==, 1);
  br_test_wait_for_frame (window, TIMEOUT_US);
  check = find (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);

  return GTK_CHECK_BUTTON (check);
}

static void
tick (BrWindow   *window,
      const char *name,
      gboolean    active)
{
  gtk_check_button_set_active (company_check (window, name), active);
  br_test_wait_for_frame (window, TIMEOUT_US);
}

/* The companies the visible chart draws (each with a mark) */
static GHashTable *
drawn_companies (BrWindow *window)
{
  BrChartLayout *layout = br_chart_view_ensure_layout (br_window_get_visible_chart_view (window));
  GHashTable *drawn = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    g_hash_table_add (drawn, (gpointer)br_chart_layout_get_mark (layout, i)->company);

  return drawn;
}

static guint
n_not_drawn (BrWindow *window)
{
  BrChartLayout *layout = br_chart_view_ensure_layout (br_window_get_visible_chart_view (window));
  guint n;

  br_chart_layout_get_not_drawn (layout, &n);

  return n;
}

/* All ticked, all but one, none but a few, one more at a time: the chart draws the
 * largest eight of what is ticked, never jumping when one tick changes, and every
 * ticked company is drawn or left out in the note */
static void
test_selection (void)
{
  BrWindow *window;
  BrDataset *dataset;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GHashTable) but_one = NULL;
  const BrCompany *dropped = NULL;
  GHashTableIter iter;
  guint before = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window ("forty-companies.json");
  dataset = br_document_get_dataset (br_window_get_document (window));
  g_assert_cmpuint (br_dataset_get_n_companies (dataset), ==, 40);

  all = drawn_companies (window);
  g_assert_cmpuint (g_hash_table_size (all), ==, 8);
  g_assert_cmpuint (g_hash_table_size (all) + n_not_drawn (window), ==, 39);

  /* one drawn company unticked: still eight drawn, the next largest in its place */
  g_hash_table_iter_init (&iter, all);
  g_assert_true (g_hash_table_iter_next (&iter, (gpointer *)&dropped, NULL));
  tick (window, br_company_get_name (dropped, BR_LANGUAGE_EN), FALSE);
  but_one = drawn_companies (window);
  g_assert_cmpuint (g_hash_table_size (but_one), ==, 8);
  g_assert_false (g_hash_table_contains (but_one, dropped));
  g_assert_cmpuint (g_hash_table_size (but_one) + n_not_drawn (window), ==, 38);

  /* none, then one more at a time: 1, 2, ... 8, then 8 */
  {
    guint second = 1;

    g_signal_emit_by_name (find_nth (find (GTK_WIDGET (window), BR_TYPE_COMPANY_LIST),
                                     GTK_TYPE_BUTTON, &second), "clicked");
  }
  for (guint i = 1; i <= 11; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%02u", i);
      g_autoptr(GHashTable) drawn = NULL;

      tick (window, br_company_get_name (br_dataset_lookup_company (dataset, id), BR_LANGUAGE_EN),
            TRUE);
      drawn = drawn_companies (window);
      g_assert_cmpuint (g_hash_table_size (drawn), ==, MIN (i, 8));
      g_assert_cmpuint (g_hash_table_size (drawn), >=, before);
      g_assert_cmpuint (g_hash_table_size (drawn) + n_not_drawn (window), ==, i);
      before = g_hash_table_size (drawn);
    }

  close_window (window);
}

/* The colour a swatch label is given, as 0xRRGGBB */
static guint32
swatch_color (GtkWidget *swatch)
{
  PangoAttrList *attrs = gtk_label_get_attributes (GTK_LABEL (swatch));
  g_autoptr(GSList) list = NULL;
  guint32 color = G_MAXUINT32;

  g_assert_nonnull (attrs);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_FOREGROUND)
        {
          PangoColor *c = &((PangoAttrColor *)attr)->color;

          color = (guint32)(c->red >> 8) << 16 | (guint32)(c->green >> 8) << 8 | (c->blue >> 8);
        }
      pango_attribute_destroy (attr);
    }
  g_assert_cmpuint (color, !=, G_MAXUINT32);

  return color;
}

/* The side pane's swatch of company @id, on screen */
static GtkWidget *
find_swatch (GtkWidget  *widget,
             const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const BrCompany *company;
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, "br-swatch") && gtk_widget_get_mapped (child)
          && (company = br_company_swatch_get_company (child)) != NULL
          && g_str_equal (company->id, id))
        return child;
      if ((found = find_swatch (child, id)) != NULL)
        return found;
    }

  return NULL;
}

/* How many pixels of the visible chart, as drawn, are exactly @color */
static guint
chart_pixels_of (BrWindow *window,
                 guint32   color)
{
  BrChartView *view = br_window_get_visible_chart_view (window);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));
  g_autoptr(GdkTexture) texture = br_chart_view_render_texture (view, width, height, 1,
                                                                BR_COLOR_VISION_NORMAL);
  g_autofree guchar *pixels = g_malloc ((gsize)width * height * 4);
  guint n = 0;

  /* GDK_MEMORY_DEFAULT: B, G, R, A in memory, premultiplied */
  gdk_texture_download (texture, pixels, (gsize)width * 4);
  for (gsize i = 0; i < (gsize)width * height; i++)
    {
      const guchar *p = pixels + i * 4;

      n += p[3] == 255 && ((guint32)p[2] << 16 | (guint32)p[1] << 8 | p[0]) == color;
    }

  return n;
}

static void
set_dark (BrWindow *window,
          gboolean  dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  br_test_wait_for_frame (window, TIMEOUT_US);
  br_test_wait_for_frame (window, TIMEOUT_US);
}

/* The bundled dataset's side pane: MetaX's own orange is too light to read on white,
 * so the charts draw it darker, and so does its swatch; in dark, lighter */
static void
test_swatches_few (void)
{
  BrWindow *window;
  BrDataset *dataset;
  const BrCompany *metax;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = br_window_new (NULL);
  g_settings_reset (br_window_get_settings (window), "hidden-companies");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (br_window_open_bundled (window));
  br_window_set_chart (window, BR_CHART_LOSSES);
  gtk_window_present (GTK_WINDOW (window));
  dataset = br_document_get_dataset (br_window_get_document (window));
  metax = br_dataset_lookup_company (dataset, "metax");
  g_assert_nonnull (metax);

  for (int dark = 0; dark <= 1; dark++)
    {
      GtkWidget *swatch;
      guint32 color;

      set_dark (window, dark);
      swatch = find_swatch (GTK_WIDGET (window), "metax");
      g_assert_nonnull (swatch);
      color = swatch_color (swatch);
      g_assert_cmphex (color, ==, br_chart_company_color_for_theme (dataset, metax,
                                                                     dark ? BR_THEME_DARK
                                                                          : BR_THEME_LIGHT));
      /* the dataset's orange, drawn darker on white; as it is on the dark background */
      if (!dark)
        g_assert_cmphex (color, !=, metax->color);
      g_assert_cmpuint (chart_pixels_of (window, color), >, 20);
    }

  close_window (window);
}

/* Forty companies in the searchable list: a row's swatch is the colour the chart draws,
 * follows the theme, and stays when another company is unticked */
static void
test_swatches_many (void)
{
  BrWindow *window;
  BrDataset *dataset;
  const BrCompany *c01;
  guint second = 1;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window ("forty-companies.json");
  dataset = br_document_get_dataset (br_window_get_document (window));
  c01 = br_dataset_lookup_company (dataset, "c01");
  g_signal_emit_by_name (find_nth (find (GTK_WIDGET (window), BR_TYPE_COMPANY_LIST),
                                   GTK_TYPE_BUTTON, &second), "clicked");
  tick (window, br_company_get_name (br_dataset_lookup_company (dataset, "c02"), BR_LANGUAGE_EN),
        TRUE);
  tick (window, br_company_get_name (c01, BR_LANGUAGE_EN), TRUE);

  for (int dark = 0; dark <= 1; dark++)
    {
      BrTheme theme = dark ? BR_THEME_DARK : BR_THEME_LIGHT;
      guint32 color;

      set_dark (window, dark);
      company_check (window, br_company_get_name (c01, BR_LANGUAGE_EN));
      color = swatch_color (find_swatch (GTK_WIDGET (window), "c01"));
      g_assert_cmphex (color, ==, br_chart_company_color_for_theme (dataset, c01, theme));
      g_assert_cmpuint (chart_pixels_of (window, color), >, 20);

      /* the other one unticked and ticked again: the same colour, on the chart too */
      tick (window, br_company_get_name (br_dataset_lookup_company (dataset, "c02"),
                                         BR_LANGUAGE_EN), FALSE);
      g_assert_cmpuint (chart_pixels_of (window, color), >, 20);
      tick (window, br_company_get_name (c01, BR_LANGUAGE_EN), TRUE);
      g_assert_cmphex (swatch_color (find_swatch (GTK_WIDGET (window), "c01")), ==, color);
      tick (window, br_company_get_name (br_dataset_lookup_company (dataset, "c02"),
                                         BR_LANGUAGE_EN), TRUE);
    }

  close_window (window);
}

/* A swatch as drawn: its colour (the most opaque pixel's), and its ink across, as runs
 * of columns with ink: "L" for a run at least 0.6 of the longest, "S" for a shorter */
static char *
swatch_ink (GtkWidget *swatch,
            guint32   *color)
{
  int width = gtk_widget_get_width (swatch), height = gtk_widget_get_height (swatch);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (swatch);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = g_malloc ((gsize)width * height * 4);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (int));
  GString *ink = g_string_new (NULL);
  int run = 0, longest = 0, alpha = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (swatch)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* GDK_MEMORY_DEFAULT: B, G, R, A in memory, premultiplied */
  gdk_texture_download (texture, pixels, (gsize)width * 4);
  for (int x = 0; x <= width; x++)
    {
      gboolean inked = FALSE;

      for (int y = 0; x < width && y < height; y++)
        {
          const guchar *p = pixels + ((gsize)y * width + x) * 4;

          inked |= p[3] >= 128;
          if (p[3] > alpha)
            {
              alpha = p[3];
              *color = (guint32)(p[2] * 255 / p[3]) << 16 | (guint32)(p[1] * 255 / p[3]) << 8
                       | (p[0] * 255 / p[3]);
            }
        }
      if (inked)
        run++;
      else if (run > 0)
        {
          g_array_append_val (runs, run);
          longest = MAX (longest, run);
          run = 0;
        }
    }
  for (guint i = 0; i < runs->len; i++)
    g_string_append_c (ink, g_array_index (runs, int, i) >= 0.6 * longest ? 'L' : 'S');

  return g_string_free (ink, FALSE);
}

static BrLineStyle
style_of_ink (const char *ink)
{
  const char *inks[] = { "L", "SL", "LLL", "SSL" };

  for (guint i = 0; i < G_N_ELEMENTS (inks); i++)
    if (g_str_equal (ink, inks[i]))
      return i;

  g_error ("a swatch of no pattern: %s", ink);
}

/* distance in OKLab between two 0xRRGGBB colours */
static double
distance (guint32 x,
          guint32 y)
{
  return br_test_color_distance ((double[]) { (x >> 16) / 255., (x >> 8 & 0xff) / 255.,
                                              (x & 0xff) / 255. },
                                 (double[]) { (y >> 16) / 255., (y >> 8 & 0xff) / 255.,
                                              (y & 0xff) / 255. });
}

#define N_TOLD_APART 48

/* Each of the first 48 swatches in @grid, as drawn in @theme: the pattern the charts
 * draw the company's line in, in its colour; any two of one hue, or of colours nearer
 * than the palette's hues are, differ in it */
static void
check_swatches (BrDataset *dataset,
                GtkWidget *grid,
                BrTheme    theme)
{
  char *inks[N_TOLD_APART];
  guint32 colors[N_TOLD_APART];
  guint n_alike = 0;

  for (guint i = 0; i < N_TOLD_APART; i++)
    {
      const BrCompany *company = br_dataset_get_company (dataset, i);

      inks[i] = swatch_ink (gtk_grid_get_child_at (GTK_GRID (grid), i % 8, i / 8), &colors[i]);
      g_assert_cmpint (style_of_ink (inks[i]), ==, br_chart_company_line_style (dataset, company));
      g_assert_cmpfloat (distance (colors[i], br_chart_company_color_for_theme (dataset, company,
                                                                               theme)),
                         <, 0.02);
      for (guint j = 0; j < i; j++)
        {
          const BrCompany *other = br_dataset_get_company (dataset, j);
          gboolean alike = distance (colors[i], colors[j]) < 0.1
                           || (!company->has_color && !other->has_color && i % 12 == j % 12);

          n_alike += alike;
          if (alike && g_str_equal (inks[i], inks[j]))
            g_error ("%s and %s look alike and their swatches are both %s", company->id,
                     other->id, inks[i]);
        }
    }
  /* at least each hue's palette companies: four, or three where a company of its own
   * colour takes the fourth place */
  g_assert_cmpuint (n_alike, >=, 10 * 6 + 2 * 3);
  g_assert_true (br_dataset_lookup_company (dataset, "c42")->has_color);
  g_assert_cmpstr (inks[42], !=, "L");
  /* the first twelve keep their dot */
  g_assert_cmpstr (inks[4], ==, "L");

  for (guint i = 0; i < N_TOLD_APART; i++)
    g_free (inks[i]);
}

/* Fifty companies, two in colours of their own close to the palette's: the swatches
 * the side pane shows, drawn on screen, in light and dark */
static void
test_swatch_patterns (void)
{
  BrWindow *window;
  BrDataset *dataset;
  GtkWidget *shelf, *grid;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = open_window ("fifty-companies.json");
  dataset = br_document_get_dataset (br_window_get_document (window));
  g_assert_cmpuint (br_dataset_get_n_companies (dataset), >, N_TOLD_APART);
  shelf = gtk_window_new ();
  grid = gtk_grid_new ();
  gtk_window_set_child (GTK_WINDOW (shelf), grid);
  for (guint i = 0; i < N_TOLD_APART; i++)
    {
      GtkWidget *swatch = br_company_swatch_new ();

      br_company_swatch_set_company (swatch, dataset, br_dataset_get_company (dataset, i));
      gtk_grid_attach (GTK_GRID (grid), swatch, i % 8, i / 8, 1, 1);
    }
  gtk_window_present (GTK_WINDOW (shelf));
  for (int dark = 0; dark <= 1; dark++)
    {
      set_dark (window, dark);
      br_test_wait_for_frame (shelf, TIMEOUT_US);
      check_swatches (dataset, grid, dark ? BR_THEME_DARK : BR_THEME_LIGHT);
    }

  gtk_window_destroy (GTK_WINDOW (shelf));
  close_window (window);
}

/* A dataset written for the test: @n companies with a net loss each */
static GFile *
write_many (guint n)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"burnrate-dataset\", \"version\": 1,"
                                          " \"title\": \"Many\", \"updated\": \"2025-01-01\","
                                          " \"sources\": [{\"id\": \"s\", \"title\": \"R\","
                                          " \"publisher\": \"P\", \"date\": \"2025-01-01\"}],"
                                          " \"companies\": [");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"c%u\", \"name\": \"Company %u\", \"periods\":"
                            " [{\"id\": \"FY2024\", \"kind\": \"fiscal-year\", \"start\":"
                            " \"2024-01-01\", \"end\": \"2024-12-31\"}], \"figures\":"
                            " [{\"period\": \"FY2024\", \"metric\": \"net_income_attributable\","
                            " \"value\": -%u, \"currency\": \"CNY\", \"scale\": \"yi\","
                            " \"source\": \"s\"}]}",
                            i > 0 ? "," : "", i, i, i + 1);
  g_string_append (json, "]}");
  fd = g_file_open_tmp ("burnrate-many-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static const char *
footnote (BrWindow *window)
{
  BrChartLayout *layout = br_chart_view_ensure_layout (br_window_get_visible_chart_view (window));
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_strcmp0 (box->role, "footnote") == 0)
        return box->text;
    }

  return NULL;
}

/* 2,104 companies: the chart's note groups its counts in thousands */
static void
test_counts (void)
{
  g_autoptr(GFile) file = NULL;
  BrWindow *window;
  gboolean changed = FALSE;
  const char *note;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  file = write_many (2104);
  window = br_window_new (NULL);
  g_settings_reset (br_window_get_settings (window), "hidden-companies");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (br_window_get_document (window), "changed", G_CALLBACK (br_test_flag_cb), &changed);
  br_window_open (window, file);
  br_test_iterate_until (&changed, TIMEOUT_US);
  br_window_set_chart (window, BR_CHART_LOSSES);
  gtk_window_present (GTK_WINDOW (window));
  br_test_wait_for_frame (window, TIMEOUT_US);

  note = footnote (window);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "The 8 largest of 2,104 companies are drawn by default; "
                                  "2,096 more are not."));

  close_window (window);
  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  br_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  g_set_application_name ("Burnrate");

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }

  g_test_add_func ("/Br/ManyWindow/selection", test_selection);
  g_test_add_func ("/Br/ManyWindow/swatches-few", test_swatches_few);
  g_test_add_func ("/Br/ManyWindow/swatches-many", test_swatches_many);
  g_test_add_func ("/Br/ManyWindow/swatch-patterns", test_swatch_patterns);
  g_test_add_func ("/Br/ManyWindow/counts", test_counts);

  return g_test_run ();
}
