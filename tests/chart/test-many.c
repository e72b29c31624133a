/* test-many.c: charts of a dataset of forty companies
 *
 * A benchmark and 39 challengers (tests/data/forty-companies.json). Whatever is
 * selected, a chart draws what it can draw legibly, says in its footnote how many
 * selected companies it left out, names no more than 30 companies on a page, and its
 * text never overlaps. The page's text is read back from a real PDF with pdftotext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../br-test-i18n.h"

#include <math.h>
#include <string.h>

#include <unistd.h>

#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "br-chart.h"
#include "br-chart-layout-private.h"
#include "br-chart-options-private.h"
#include "br-deck.h"
#include "br-loader.h"

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static BrDataset *dataset;

typedef struct
{
  BrChartKind kind;
  double      width, height;
  gboolean    all;      /* every company selected, else the default */
} Case;

/* every text box inside the canvas, none over another */
static void
assert_text_fits (BrChartLayout *layout,
                  double         width,
                  double         height)
{
  GArray *boxes = br_chart_layout_get_text_boxes (layout);
  guint n = boxes->len;

  for (guint i = 0; i < n; i++)
    {
      const BrTextBox *a = &g_array_index (boxes, BrTextBox, i);

      g_assert_cmpfloat (a->x0, >=, -0.5);
      g_assert_cmpfloat (a->y0, >=, -0.5);
      g_assert_cmpfloat (a->x1, <=, width + 0.5);
      g_assert_cmpfloat (a->y1, <=, height + 0.5);
      for (guint j = i + 1; j < n; j++)
        {
          const BrTextBox *b = &g_array_index (boxes, BrTextBox, j);

          if (a->x0 < b->x1 - 1 && b->x0 < a->x1 - 1 && a->y0 < b->y1 - 1 && b->y0 < a->y1 - 1)
            g_error ("%s text (%.1f, %.1f)–(%.1f, %.1f) overlaps %s text (%.1f, %.1f)–(%.1f, %.1f)"
                     " at %.0f×%.0f", a->role, a->x0, a->y0, a->x1, a->y1, b->role, b->x0, b->y0,
                     b->x1, b->y1, width, height);
        }
    }
}

/* whether the chart has anything of @company to draw */
static gboolean
has_data (BrChartKind      kind,
          const BrCompany *company)
{
  if (kind == BR_CHART_CUSTOMERS)
    return company->n_concentrations > 0;
  if (kind == BR_CHART_VALUATION)
    return company->n_market_caps > 0;
  if (kind == BR_CHART_RUNWAY)
    {
      for (guint i = 0; i < company->n_figures; i++)
        if (company->figures[i].metric == BR_METRIC_CASH)
          return TRUE;
      return FALSE;
    }

  return company->n_figures > 0;
}

/* the chart's body text size on a @width × @height page (br-chart.c), and on a slide */
static double
body_size (double   width,
           double   height,
           gboolean slide)
{
  return MAX (11, 20 * MIN (width / 1920, height / 1080)) * (slide ? BR_DECK_TEXT_SCALE : 1);
}

/* Customer bars: each company's rows at least a line of text (1.25 em) apart, their
 * shares at the body size. Returns how many companies have rows. */
static guint
assert_rows_legible (BrChartLayout *layout,
                     double         width,
                     double         height,
                     gboolean       slide)
{
  double em = body_size (width, height, slide);
  g_autoptr(GHashTable) companies = g_hash_table_new (NULL, NULL);
  const BrChartMark *last = NULL;

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *mark = br_chart_layout_get_mark (layout, i);

      if (mark->series != BR_SERIES_TOP5)
        continue;
      if (last != NULL && last->company == mark->company)
        g_assert_cmpfloat (mark->y - last->y, >=, 1.25 * em - 0.5);
      g_hash_table_add (companies, (gpointer)mark->company);
      last = mark;
    }
  GArray *boxes = br_chart_layout_get_text_boxes (layout);
  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_strcmp0 (box->role, "value") == 0)
        g_assert_cmpfloat (box->size, >=, em - 0.01);
    }

  return g_hash_table_size (companies);
}

/* selects every company of the dataset, in its order */
static void
select_every_company (BrChartOptions *options)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < br_dataset_get_n_companies (dataset); i++)
    g_ptr_array_add (ids, br_dataset_get_company (dataset, i)->id);
  g_ptr_array_add (ids, NULL);
  br_chart_options_set_companies (options, (const char * const *)ids->pdata);
}

/* draws @options into a one-page PDF; returns the layout and the page's text */
static BrChartLayout *
draw_pdf (const BrChartOptions  *options,
          double                 width,
          double                 height,
          char                 **text)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", NULL, "-", NULL };
  cairo_surface_t *surface;
  BrChartLayout *layout;
  cairo_t *cr;
  int fd, status;

  fd = g_file_open_tmp ("test-many-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  layout = br_chart_draw (cr, dataset, options, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  argv[3] = path;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, text, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);

  /* pdftotext breaks lines where the page does: one space for any run of white space */
  g_strdelimit (*text, "\n\r\t", ' ');

  return layout;
}

/* companies whose name is on the page */
static guint
count_named (const char *text)
{
  guint n = 0;

  for (guint i = 0; i < br_dataset_get_n_companies (dataset); i++)
    n += strstr (text, br_company_get_name (br_dataset_get_company (dataset, i),
                                            BR_LANGUAGE_EN)) != NULL;

  return n;
}

static void
test_many (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(BrChartOptions) options = br_chart_options_new (c->kind);
  g_autoptr(GHashTable) drawn = g_hash_table_new (NULL, NULL);
  g_autoptr(BrChartLayout) layout = NULL;
  g_autofree char *text = NULL;
  const BrCompany * const *rest;
  guint n = br_dataset_get_n_companies (dataset), n_rest, n_selected = 0;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  if (c->all)
    select_every_company (options);

  layout = draw_pdf (options, c->width, c->height, &text);
  assert_text_fits (layout, c->width, c->height);
  g_assert_cmpuint (count_named (text), <=, 30);

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    g_hash_table_add (drawn, (gpointer)br_chart_layout_get_mark (layout, i)->company);
  rest = br_chart_layout_get_not_drawn (layout, &n_rest);

  if (!c->all)
    {
      g_autofree char *count = g_strdup_printf ("drawn by default; %u more are not", n_rest);

      /* every challenger by default, of which the eight largest are drawn (fewer where
       * the chart has no room for eight), and the benchmark where it is drawn; the note
       * counts the rest */
      g_assert_cmpuint (g_hash_table_size (drawn), >=, c->height > 360 ? 5 : 3);
      g_assert_cmpuint (g_hash_table_size (drawn), <=, 9);
      g_assert_cmpuint (g_hash_table_size (drawn) + n_rest, <=, n);
      g_assert_cmpuint (g_hash_table_size (drawn) + n_rest, >=, n - 1);
      g_assert_nonnull (strstr (text, count));
      return;
    }

  /* every selected company with anything to draw is drawn or left out in the note */
  g_assert_cmpuint (br_chart_layout_get_n_selected (layout), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const BrCompany *company = br_dataset_get_company (dataset, i);
      gboolean left_out = FALSE;

      for (guint j = 0; j < n_rest; j++)
        left_out |= rest[j] == company;
      g_assert_false (left_out && g_hash_table_contains (drawn, company));
      if (has_data (c->kind, company))
        {
          g_assert_true (left_out || g_hash_table_contains (drawn, company));
          n_selected++;
        }
    }
  g_assert_cmpuint (g_hash_table_size (drawn) + n_rest, ==, n_selected);
  g_assert_cmpuint (n_rest, >, 0);

  /* two periods a company: as many companies as have rows a line of text high (9 and 4
   * when each took 4 em, as donuts did) */
  if (c->kind == BR_CHART_CUSTOMERS)
    g_assert_cmpuint (assert_rows_legible (layout, c->width, c->height, FALSE), >=,
                      c->height > 360 ? 11 : 5);

  /* the note counts them (forty names would be too many for a page) */
  {
    g_autofree char *count = g_strdup_printf ("drawn; %u more are not", n_rest);

    g_assert_nonnull (strstr (text, count));
  }
}

/* Customer bars of one period each: rows for twice as many companies, still at most 30
 * named on the page */
static void
test_customers_one_period (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_CUSTOMERS);
  g_autoptr(BrChartLayout) layout = NULL;
  g_autoptr(GDate) from = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  guint n_rest, n_drawn;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  select_every_company (options);
  br_chart_options_set_range (options, from, NULL);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  layout = draw_pdf (options, 1920, 1080, &text);

  assert_text_fits (layout, 1920, 1080);
  n_drawn = assert_rows_legible (layout, 1920, 1080, FALSE);
  g_assert_cmpuint (n_drawn, >=, 18);
  g_assert_cmpuint (count_named (text), <=, 30);
  br_chart_layout_get_not_drawn (layout, &n_rest);
  /* the benchmark has no shares: it is named as such, not counted */
  g_assert_cmpuint (n_drawn + n_rest, ==, br_dataset_get_n_companies (dataset) - 1);
  count = g_strdup_printf ("The %u largest of 40 companies selected are drawn; %u more are not",
                           n_drawn, n_rest);
  g_assert_nonnull (strstr (text, count));
}

/* Customer bars on a 1280×720 slide, every company selected: its large type still has
 * rows for four companies (two when each took 4 em) */
static void
test_customers_slide (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_CUSTOMERS);
  g_autoptr(BrChartLayout) layout = NULL;
  g_autofree char *text = NULL;
  guint n_rest, n_drawn;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  select_every_company (options);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  br_chart_options_set_slide (options, TRUE);
  br_chart_options_set_text_size (options, BR_DECK_TEXT_SCALE, 0);
  layout = draw_pdf (options, 1280, 720, &text);

  assert_text_fits (layout, 1280, 720);
  n_drawn = assert_rows_legible (layout, 1280, 720, TRUE);
  g_assert_cmpuint (n_drawn, >=, 4);
  br_chart_layout_get_not_drawn (layout, &n_rest);
  g_assert_cmpuint (n_drawn + n_rest, ==, br_dataset_get_n_companies (dataset) - 1);
}

/* a selection small enough to name: the note names each company left out */
static void
test_names_left_out (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_CUSTOMERS);
  g_autoptr(BrChartLayout) layout = NULL;
  g_autofree char *text = NULL;
  const char *ids[21] = { NULL };
  const BrCompany * const *rest;
  guint n_rest;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  for (guint i = 0; i < 20; i++)
    ids[i] = br_dataset_get_company (dataset, i + 1)->id;
  br_chart_options_set_companies (options, ids);
  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  layout = draw_pdf (options, 1280, 720, &text);

  rest = br_chart_layout_get_not_drawn (layout, &n_rest);
  g_assert_cmpuint (n_rest, >, 0);
  for (guint i = 0; i < n_rest; i++)
    g_assert_nonnull (strstr (text, br_company_get_name (rest[i], BR_LANGUAGE_EN)));
  g_assert_cmpuint (count_named (text), ==, 20);
}

int
main (int   argc,
      char *argv[])
{
  static const double sizes[][2] = { { 640, 360 }, { 1280, 720 }, { 1920, 1080 } };
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  br_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  file = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "data",
                                    "forty-companies.json", NULL);
  dataset = br_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (int all = 0; all <= 1; all++)
        {
          Case *c = g_new0 (Case, 1);
          g_autofree char *path = NULL;

          *c = (Case) { kind, sizes[s][0], sizes[s][1], all };
          path = g_strdup_printf ("/Br/Many/%s/%.0fx%.0f/%s", br_chart_kind_to_string (kind),
                                  c->width, c->height, all ? "all" : "default");
          g_ptr_array_add (cases, c);
          g_test_add_data_func (path, c, test_many);
        }
  g_test_add_func ("/Br/Many/names-left-out", test_names_left_out);
  g_test_add_func ("/Br/Many/customers-one-period", test_customers_one_period);
  g_test_add_func ("/Br/Many/customers-slide", test_customers_slide);

  status = g_test_run ();
  g_clear_object (&dataset);

  return status;
}
