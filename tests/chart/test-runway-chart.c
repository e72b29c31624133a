/* test-runway-chart.c: the runway chart's layout, and --chart runway on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "br-chart.h"
#include "br-chart-layout-private.h"
#include "br-export.h"
#include "br-loader-private.h"

static BrDataset *dataset;

static BrChartLayout *
draw (const BrChartOptions *options,
      double                width,
      double                height,
      cairo_surface_t     **out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  BrChartLayout *layout = br_chart_draw (cr, dataset, options, width, height);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  if (out != NULL)
    *out = surface;
  else
    cairo_surface_destroy (surface);
  return layout;
}

static const BrChartMark *
find_mark (BrChartLayout *layout,
           const char    *company,
           BrSeries       series,
           const char    *name_part)
{
  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);

      if (m->series == series && g_str_equal (m->company->id, company) &&
          (name_part == NULL || (m->name != NULL && strstr (m->name, name_part) != NULL)))
        return m;
    }

  return NULL;
}

/* The pixel at (x, y) as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  return *(const guint32 *)(data + (int)y * stride + (int)x * 4) & 0xffffff;
}

/* C11 on the chart: Moore Threads' IPO is a 75.76亿 step labelled "IPO", and the table
 * rows of the projection say "projection". */
static void
test_bundled (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_RUNWAY);
  g_autoptr(BrChartLayout) layout = draw (options, 1920, 1080, NULL);
  const BrChartMark *ipo = find_mark (layout, "moore-threads", BR_SERIES_RAISED, "IPO");
  const BrChartMark *metax_out = find_mark (layout, "metax", BR_SERIES_RUNWAY_EVENT, "runs out");
  const BrChartMark *projected = find_mark (layout, "moore-threads", BR_SERIES_PROJECTED_CASH,
                                            NULL);
  g_autofree char *tip = NULL;

  g_assert_true (br_chart_layout_has_data (layout));
  g_assert_nonnull (ipo);
  g_assert_cmpfloat_with_epsilon (ipo->value, 75.760523, 1e-9);
  g_assert_cmpint (br_chart_layout_hit_test (layout, ipo->x, ipo->y), >=, 0);
  tip = br_chart_mark_describe (ipo, BR_LANGUAGE_EN);
  g_assert_nonnull (strstr (tip, "listing announcement"));

  /* MetaX's cash at 2025 Q1 does not reach its December IPO */
  g_assert_nonnull (metax_out);
  g_assert_cmpint (g_date_get_year (&metax_out->date), ==, 2025);
  g_assert_nonnull (projected);
  g_assert_cmpint (projected->status, ==, BR_STATUS_PROJECTION);
  g_clear_pointer (&tip, g_free);
  tip = br_chart_mark_describe (projected, BR_LANGUAGE_EN);
  g_assert_nonnull (strstr (tip, "projection, not a forecast"));
  g_assert_nonnull (find_mark (layout, "moore-threads", BR_SERIES_RUNWAY_EVENT, "guidance"));
  g_assert_nonnull (strstr (br_chart_layout_get_description (layout), "Moore Threads"));
}

/* Reported cash is drawn solid and the projection dashed, lighter: at a projected
 * quarter between dashes the line is missing or fainter than at a reported point. */
static void
test_projection_style (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_RUNWAY);
  static const char * const cambricon[] = { "cambricon", NULL };
  g_autoptr(BrChartLayout) layout = NULL;
  cairo_surface_t *surface = NULL;
  guint32 color, background;
  guint differing = 0, n = 0;
  const BrChartMark *a = NULL, *b = NULL;

  br_chart_options_set_companies (options, cambricon);
  layout = draw (options, 1920, 1080, &surface);
  color = br_chart_company_color_for_theme (dataset,
                                            br_dataset_lookup_company (dataset, "cambricon"),
                                            BR_THEME_LIGHT);
  background = pixel_at (surface, 2, 2);

  /* the solid segment between the two reported cash points is the company's colour
   * at every pixel; the dashed one between two projected quarters is not */
  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *m = br_chart_layout_get_mark (layout, i);

      if (m->series == BR_SERIES_CASH && m->period != NULL)
        a = a == NULL ? m : a, b = m;
    }
  g_assert_nonnull (a);
  g_assert_true (a != b);
  for (double x = a->x + 12; x < b->x - 12; x += 1)
    g_assert_cmphex (pixel_at (surface, x, a->y + (b->y - a->y) * (x - a->x) / (b->x - a->x)),
                     ==, color);

  for (guint i = 0; i + 1 < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *p = br_chart_layout_get_mark (layout, i);
      const BrChartMark *q = br_chart_layout_get_mark (layout, i + 1);

      if (p->series != BR_SERIES_PROJECTED_CASH || q->series != BR_SERIES_PROJECTED_CASH)
        continue;
      for (double x = p->x + 1; x < q->x - 1; x += 1)
        {
          guint32 px = pixel_at (surface, x, p->y + (q->y - p->y) * (x - p->x) / (q->x - p->x));

          differing += px != color;
          n++;
          g_assert_cmphex (px, !=, 0x000000);
        }
    }
  g_assert_cmpuint (n, >, 50);
  /* gaps and lighter paint: most of a dashed line is not the solid colour */
  g_assert_cmpuint (differing, >, n / 2);
  g_assert_cmphex (background, !=, color);
  cairo_surface_destroy (surface);
}

/* A scenario changes the projection and says so in the subtitle's numbers. */
static void
test_scenario_option (void)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_RUNWAY);
  g_autoptr(BrScenarioSet) scenario = br_scenario_set_new ();
  g_autoptr(BrChartLayout) slow = NULL;
  g_autoptr(BrChartOptions) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (br_scenario_set_parse (scenario, "revenue-growth=-50,cost-growth=60,"
                                        "gross-margin=10", &error));
  br_chart_options_set_scenario (options, scenario);
  copy = br_chart_options_copy (options);
  g_assert_nonnull (br_chart_options_get_scenario (copy));
  slow = draw (copy, 1280, 720, NULL);

  /* with revenue halving and costs up 60 % a year, Moore Threads' money runs out */
  g_assert_nonnull (find_mark (slow, "moore-threads", BR_SERIES_RUNWAY_EVENT, "runs out"));
  g_assert_null (find_mark (slow, "moore-threads", BR_SERIES_RUNWAY_EVENT, "break-even"));
}

/* Forty companies, each with cash, a cash flow, a raise and guidance: the chart's text
 * stays on the canvas and no two pieces of it overlap, at a slide's size and a small one. */
static void
test_forty_companies (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"burnrate-dataset\", \"version\": 1,"
                                          " \"title\": \"Forty\", \"updated\": \"2025-08-01\","
                                          " \"sources\": [{\"id\": \"s\", \"title\": \"T\","
                                          " \"publisher\": \"P\", \"date\": \"2025-08-01\"}],"
                                          " \"companies\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) forty = NULL;
  static const double sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 640, 360 } };

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text,
                            "%s{\"id\": \"c%u\", \"name\": \"Company %u\", \"periods\": ["
                            "{\"id\": \"FY2024\", \"kind\": \"fiscal-year\", \"start\": \"2024-01-01\","
                            " \"end\": \"2024-12-31\"}], \"figures\": ["
                            "{\"period\": \"FY2024\", \"metric\": \"revenue\", \"value\": %u,"
                            " \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"},"
                            "{\"period\": \"FY2024\", \"metric\": \"operating_cash_flow\", \"value\": -%u,"
                            " \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"},"
                            "{\"period\": \"FY2024\", \"metric\": \"cash\", \"value\": %u,"
                            " \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}],"
                            " \"raises\": [{\"date\": \"2025-06-30\", \"kind\": \"ipo\", \"net\": 20,"
                            " \"currency\": \"CNY\", \"scale\": \"yi\", \"label\": \"IPO\", \"source\": \"s\"}],"
                            " \"guidance\": [{\"date\": \"2025-01-01\", \"text\": \"profit by 2027\","
                            " \"target_year\": 2027, \"source\": \"s\"}]}",
                            i > 0 ? "," : "", i, i, 1 + i, 5 + i % 7, 10 + i);
  g_string_append (text, "]}");
  bytes = g_bytes_new (text->str, text->len);
  forty = br_dataset_load_bytes (bytes, "forty.json", NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_RUNWAY);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[k][0],
                                                             sizes[k][1]);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(BrChartLayout) layout = br_chart_draw (cr, forty, options, sizes[k][0],
                                                       sizes[k][1]);
      GArray *boxes = br_chart_layout_get_text_boxes (layout);
      guint n = boxes->len;

      g_assert_cmpuint (br_chart_layout_get_n_marks (layout), >, 40 * 3);
      for (guint i = 0; i < n; i++)
        {
          const BrTextBox *a = &g_array_index (boxes, BrTextBox, i);

          g_assert_cmpfloat (a->x0, >=, -0.5);
          g_assert_cmpfloat (a->y0, >=, -0.5);
          g_assert_cmpfloat (a->x1, <=, sizes[k][0] + 0.5);
          g_assert_cmpfloat (a->y1, <=, sizes[k][1] + 0.5);
          for (guint j = i + 1; j < n; j++)
            {
              const BrTextBox *b = &g_array_index (boxes, BrTextBox, j);

              if (a->x0 < b->x1 - 1 && b->x0 < a->x1 - 1 && a->y0 < b->y1 - 1 && b->y0 < a->y1 - 1)
                g_error ("%s text overlaps %s text at %.0f×%.0f", a->role, b->role, sizes[k][0],
                         sizes[k][1]);
            }
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static char *
burnrate_path (void)
{
  const char *env = g_getenv ("BURNRATE_BIN");
  g_autofree char *one_up = g_test_build_filename (G_TEST_BUILT, "..", "app", "burnrate", NULL);

  if (env != NULL)
    return g_strdup (env);
  if (g_file_test (one_up, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&one_up);
  return g_test_build_filename (G_TEST_BUILT, "..", "..", "app", "burnrate", NULL);
}

static int
run (const char * const *args,
     char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, burnrate_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* --chart runway as CSV: the series the issue names, C11's IPO, and a status column. */
static void
test_cli_csv (void)
{
  g_autofree char *dir = g_dir_make_tmp ("runway-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "runway.csv", NULL);
  g_autofree char *text = NULL, *err = NULL;
  const char *args[] = { "--export", csv, "--chart", "runway", "--scenario",
                         "revenue-growth=30,metax:gross-margin=60", NULL };
  static const char *series[] = { "\r\nmoore-threads,Moore Threads,cash,FY2024,2024-12-31,21.45,yi,CNY,",
                                  ",burn_ttm", ",runway_months", ",raised:IPO,,2025-12-05,75.760523,yi,CNY,",
                                  "\"projected_cash:revenue +30%, cost ", "projection,\r\n",
                                  "estimate,\r\n" };

  g_assert_cmpint (run (args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "company_id,company,series,period,period_end,value,"
                                         "unit,currency,source,status,bound\r\n"));
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    if (strstr (text, series[i]) == NULL)
      g_error ("no “%s” in the CSV", series[i]);
  g_assert_nonnull (strstr (text, ",months,,"));
  g_assert_nonnull (strstr (text, "cambricon,Cambricon,raised:Placement,,2025-09-26,39.531559,"));
  g_unlink (csv);
  g_rmdir (dir);
}

/* A bad scenario is a usage error, and nothing is written. */
static void
test_cli_bad_scenario (void)
{
  static const char *bad[] = { "revenue-growth=fast", "gross-margin=101", "speed=1",
                               "nobody:cost-growth=3", "revenue-growth=1,", NULL };
  g_autofree char *dir = g_dir_make_tmp ("runway-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "runway.png", NULL);

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autofree char *err = NULL;
      const char *args[] = { "--export", png, "--chart", "runway", "--scenario", bad[i], NULL };

      g_assert_cmpint (run (args, &err), ==, 2);
      g_assert_nonnull (strstr (err, "--scenario"));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dataset = br_dataset_load_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/Br/RunwayChart/bundled", test_bundled);
  g_test_add_func ("/Br/RunwayChart/projection-style", test_projection_style);
  g_test_add_func ("/Br/RunwayChart/scenario-option", test_scenario_option);
  g_test_add_func ("/Br/RunwayChart/forty-companies", test_forty_companies);
  g_test_add_func ("/Br/RunwayChart/cli-csv", test_cli_csv);
  g_test_add_func ("/Br/RunwayChart/cli-bad-scenario", test_cli_bad_scenario);

  status = g_test_run ();
  g_object_unref (dataset);
  return status;
}
