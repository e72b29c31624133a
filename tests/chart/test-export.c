/* test-export.c: charts written as PNG, PDF, SVG and CSV by the chart library (the
 * command line is tests/app/test-cli.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../br-test-files.h"
#include "../br-test-i18n.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "br-chart-layout-private.h"
#include "br-deck-private.h"
#include "br-export.h"
#include "br-loader-private.h"
#include "../br-test-data.h"
#include "br-png.h"

static BrDataset *dataset;

typedef struct
{
  char      *dir;
  GPtrArray *mounts;   /* tmpfs mounted under dir, unmounted on teardown */
} Fixture;

/* ---- helpers ---------------------------------------------------------------------- */

static gboolean
run_quietly (const char * const *argv)
{
  int status = -1;

  return g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("burnrate-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->mounts = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  for (guint i = f->mounts->len; i > 0; i--)
    {
      const char *argv[] = { "umount", g_ptr_array_index (f->mounts, i - 1), NULL };

      run_quietly (argv);
    }
  g_ptr_array_unref (f->mounts);
  br_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* A tmpfs of @options at @f->dir/@name; FALSE when this process may not mount one. */
static gboolean
mount_tmpfs (Fixture    *f,
             const char *name,
             const char *options)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  const char *argv[] = { "mount", "-t", "tmpfs", "-o", options, "tmpfs", path, NULL };

  g_mkdir (path, 0755);
  if (geteuid () != 0 || !run_quietly (argv))
    return FALSE;

  g_ptr_array_add (f->mounts, g_steal_pointer (&path));
  return TRUE;
}

/* Every chart to @target, as --chart all writes them */
static gboolean
export_all (BrDataset            *ds,
            const BrChartOptions *options,
            const BrExportTarget *target,
            GError              **error)
{
  return br_export_charts (ds, options, BR_EXPORT_ALL_KINDS, target, 1, error);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static BrChartOptions *
options_new (BrChartKind kind)
{
  BrChartOptions *options = br_chart_options_new (kind);

  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  return options;
}

/* The layout the export draws, without writing anything. */
static BrChartLayout *
layout_for (BrDataset            *ds,
            const BrChartOptions *options,
            double                width,
            double                height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  BrChartLayout *layout = br_chart_draw (cr, ds, options, width, height);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return layout;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* pdfinfo or pdftotext on @path; returns what it printed */
static char *
run_tool (const char *tool,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *argv[] = { tool, "-enc", "UTF-8", path, "-", NULL };
  int status;

  if (g_str_equal (tool, "pdfinfo"))
    argv[4] = NULL;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", tool, path, err);

  return out;
}

/* ---- formats and sizes ------------------------------------------------------------ */

static void
test_format_from_path (void)
{
  static const struct { const char *path; int format; } cases[] = {
    { "out.png", BR_EXPORT_PNG }, { "dir/OUT.PNG", BR_EXPORT_PNG }, { "a.b.pdf", BR_EXPORT_PDF },
    { "x.svg", BR_EXPORT_SVG }, { "data.Csv", BR_EXPORT_CSV }, { "out.bmp", -1 },
    { "out", -1 }, { "dir.png/out", -1 }, { ".png", BR_EXPORT_PNG }, { "out.", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      BrExportFormat format;
      gboolean ok = br_export_format_from_path (cases[i].path, &format, &error);

      if (cases[i].format < 0)
        {
          g_assert_false (ok);
          g_assert_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_FORMAT);
          g_assert_nonnull (strstr (error->message, cases[i].path));
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpint (format, ==, cases[i].format);
        }
    }
}

static void
test_path_for_chart (void)
{
  static const struct { const char *path; BrChartKind kind; const char *expected; } cases[] = {
    { "out.png", BR_CHART_LOSSES, "out-losses.png" },
    { "dir/OUT.svg", BR_CHART_RND, "dir/OUT-rnd.svg" },
    { "a.b/c.csv", BR_CHART_CUSTOMERS, "a.b/c-customers.csv" },
    { "a.b/c", BR_CHART_VALUATION, "a.b/c-valuation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = br_export_path_for_chart (cases[i].path, cases[i].kind);

      g_assert_cmpstr (path, ==, cases[i].expected);
    }
}

static void
test_check_size (void)
{
  static const struct { double w, h, s; int format; gboolean ok; } cases[] = {
    { 1920, 1080, 1, BR_EXPORT_PNG, TRUE }, { 1, 1, 1, BR_EXPORT_PNG, TRUE },
    { 16384, 16384, 1, BR_EXPORT_PDF, TRUE }, { 0, 1080, 1, BR_EXPORT_PNG, FALSE },
    { -5, 1080, 1, BR_EXPORT_SVG, FALSE }, { 16385, 1080, 1, BR_EXPORT_PDF, FALSE },
    { NAN, 1080, 1, BR_EXPORT_PNG, FALSE }, { 1920, INFINITY, 1, BR_EXPORT_CSV, FALSE },
    { 1920, 1080, 0, BR_EXPORT_PNG, FALSE }, { 1920, 1080, -1, BR_EXPORT_PDF, FALSE },
    { 10000, 1080, 2, BR_EXPORT_PNG, FALSE }, { 10000, 1080, 2, BR_EXPORT_PDF, TRUE },
    { 1920, 1080, 100, BR_EXPORT_SVG, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = br_export_check_size (cases[i].format,
                                          &(BrExportSize) { cases[i].w, cases[i].h, cases[i].s },
                                          &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        g_assert_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_SIZE);
    }
}

/* ---- PNG --------------------------------------------------------------------------- */

static gboolean
has_distinct_pixels (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);
  guint32 first = *(const guint32 *)(gconstpointer)data;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *)(gconstpointer)(data + (gsize)y * stride);

      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        if (row[x] != first)
          return TRUE;
    }

  return FALSE;
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  BrChartKind kind = GPOINTER_TO_UINT (data);
  g_autoptr(BrChartOptions) options = options_new (kind);

  for (guint scale = 1; scale <= 2; scale++)
    {
      g_autofree char *name = g_strdup_printf ("chart@%u.png", scale);
      g_autofree char *path = path_in (f, name);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface;
      gsize length;

      br_export_chart (dataset, options, &(BrExportTarget) { BR_EXPORT_PNG, path,
                       { 800, 450, scale } }, &error);
      g_assert_no_error (error);

      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800 * scale);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 450 * scale);
      g_assert_true (has_distinct_pixels (surface));
      cairo_surface_destroy (surface);

      /* the chart's title and description ride along as iTXt chunks */
      g_file_get_contents (path, &contents, &length, NULL);
      g_assert_nonnull (memmem (contents, length, "iTXtTitle", 9));
      g_assert_nonnull (memmem (contents, length, "iTXtDescription", 15));
    }

  br_test_assert_no_hidden_files (f->dir);
}

/* Transparent PNGs of every chart in one run, where images are reused from chart to
 * chart, come out pixel for pixel as each chart exported on its own: nothing of one
 * chart shows through in the next, and the background is clear. */
static void
test_png_transparent_all (Fixture       *f,
                          gconstpointer  data)
{
  static const BrChartKind kinds[] = {
    BR_CHART_LOSSES, BR_CHART_RND, BR_CHART_CUSTOMERS, BR_CHART_VALUATION,
  };
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
  g_autofree char *all = path_in (f, "all.png");
  g_autoptr(GError) error = NULL;

  br_chart_options_set_transparent (options, TRUE);
  export_all (dataset, options, &(BrExportTarget) { BR_EXPORT_PNG, all, { 640, 360, 1 } }, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *alone = path_in (f, "alone.png");
      g_autofree char *batch = br_export_path_for_chart (all, kinds[i]);
      cairo_surface_t *a, *b;
      const guint32 *pa, *pb;
      int stride;

      br_chart_options_set_kind (options, kinds[i]);
      br_export_chart (dataset, options, &(BrExportTarget) { BR_EXPORT_PNG, alone,
                       { 640, 360, 1 } }, &error);
      g_assert_no_error (error);

      a = cairo_image_surface_create_from_png (alone);
      b = cairo_image_surface_create_from_png (batch);
      g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_format (b), ==, CAIRO_FORMAT_ARGB32);
      pa = (const guint32 *)(gconstpointer)cairo_image_surface_get_data (a);
      pb = (const guint32 *)(gconstpointer)cairo_image_surface_get_data (b);
      stride = cairo_image_surface_get_stride (b) / 4;
      g_assert_cmphex (pb[0] >> 24, ==, 0);                 /* a clear corner */
      g_assert_true (has_distinct_pixels (b));
      for (int y = 0; y < 360; y++)
        for (int x = 0; x < 640; x++)
          if (pa[y * stride + x] != pb[y * stride + x])
            g_error ("%s: pixel %d,%d is %08x in a batch, %08x alone",
                     br_chart_kind_to_string (kinds[i]), x, y, pb[y * stride + x],
                     pa[y * stride + x]);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }

  br_test_assert_no_hidden_files (f->dir);
}

/* In slide-sized type the bar chart's slots are too narrow for "2025 H1": a hatched pair
 * still carries its period, in the compact form, never none. */
static void
test_pdf_partial_periods_named (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_RND);
  g_autofree char *path = path_in (f, "rnd.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  br_chart_options_set_text_size (options, 2.5, 0);
  br_export_chart (dataset, options, &(BrExportTarget) { BR_EXPORT_PDF, path,
                   { 1920, 1080, 1 } }, &error);
  g_assert_no_error (error);

  text = run_tool ("pdftotext", path);
  g_assert_true (strstr (text, "2025 H1") != NULL || strstr (text, "1H25") != NULL);
  g_assert_true (strstr (text, "2025 Q1") != NULL || strstr (text, "1Q25") != NULL);
}

/* When neither titles nor numbered sources fit the footnote, each publisher is named once
 * with the dates of its pieces: twenty sources from two publishers on a small chart. */
static void
test_pdf_sources_by_publisher (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BrDataset) many = NULL;
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
  g_autofree char *path = path_in (f, "sources.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_string_append (json, "{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"t\","
                         " \"updated\": \"2025-02-01\", \"sources\": [");
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (json, "%s{\"id\": \"s%u\", \"title\": \"A long report on the"
                            " quarter, part %u\", \"publisher\": \"%s\", \"date\":"
                            " \"2025-01-%02u\"}", i > 0 ? "," : "", i, i,
                            i % 2 == 0 ? "Alpha Press" : "Beta Wire", i + 1);
  /* one company, twenty years, each year's figure from a source of its own */
  g_string_append (json, "], \"companies\": [{\"id\": \"c\", \"name\": \"C\", \"periods\": [");
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (json, "%s{\"id\": \"FY%u\", \"kind\": \"fiscal-year\", \"start\":"
                            " \"%u-01-01\", \"end\": \"%u-12-31\"}", i > 0 ? "," : "", 2005 + i,
                            2005 + i, 2005 + i);
  g_string_append (json, "], \"figures\": [");
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (json, "%s{\"period\": \"FY%u\", \"metric\": \"net_income_attributable\","
                            " \"value\": -%u, \"currency\": \"CNY\", \"scale\": \"yi\","
                            " \"source\": \"s%u\"}", i > 0 ? "," : "", 2005 + i, i + 1, i);
  g_string_append (json, "]}]}");
  bytes = g_bytes_new (json->str, json->len);
  many = br_dataset_load_bytes (bytes, "many.json", NULL, NULL, &error);
  g_assert_no_error (error);

  br_export_chart (many, options, &(BrExportTarget) { BR_EXPORT_PDF, path,
                   { 640, 360, 1 } }, &error);
  g_assert_no_error (error);

  text = run_tool ("pdftotext", path);
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, "Sources: Alpha Press, 2025-01-01, 2025-01-03, 2025-01-05"));
  g_assert_nonnull (strstr (text, "2025-01-17, 2025-01-19; Beta Wire, 2025-01-02, 2025-01-04"));
  g_assert_nonnull (strstr (text, "2025-01-18, 2025-01-20."));
}

/* ---- PDF --------------------------------------------------------------------------- */

static char *
pdf_info_field (const char *info,
                const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field) && lines[i][strlen (field)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (field) + 1));

  return NULL;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  BrChartKind kind = GPOINTER_TO_UINT (data);
  g_autoptr(BrChartOptions) options = options_new (kind);
  g_autoptr(BrChartLayout) layout = layout_for (dataset, options, 1280, 720);
  g_autofree char *path = path_in (f, "chart.pdf");
  g_autofree char *info = NULL, *text = NULL, *pages = NULL, *title = NULL, *size = NULL;
  g_autofree char *subject = NULL, *author = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_program ("pdfinfo") || !have_program ("pdftotext"))
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  br_export_chart (dataset, options, &(BrExportTarget) { BR_EXPORT_PDF, path,
                   { 1280, 720, 1 } }, &error);
  g_assert_no_error (error);

  info = run_tool ("pdfinfo", path);
  pages = pdf_info_field (info, "Pages");
  title = pdf_info_field (info, "Title");
  subject = pdf_info_field (info, "Subject");
  author = pdf_info_field (info, "Author");
  size = pdf_info_field (info, "Page size");
  g_assert_cmpstr (pages, ==, "1");
  g_assert_cmpstr (title, ==, br_chart_layout_get_title (layout));
  g_assert_nonnull (subject);
  g_assert_true (g_str_has_prefix (br_chart_layout_get_description (layout), subject));
  g_assert_cmpstr (author, ==, "Burnrate");
  g_assert_true (g_str_has_prefix (size, "1280 x 720 pts"));

  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, br_chart_layout_get_title (layout)));
  g_assert_nonnull (strstr (text, "Sources"));
  br_test_assert_no_hidden_files (f->dir);
}

static void
test_pdf_all (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
  g_autofree char *path = path_in (f, "all.pdf");
  g_autofree char *info = NULL, *pages = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_program ("pdfinfo") || !have_program ("pdftotext"))
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  export_all (dataset, options, &(BrExportTarget) { BR_EXPORT_PDF, path,
              { 1920, 1080, 1 } }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 1);

  info = run_tool ("pdfinfo", path);
  pages = pdf_info_field (info, "Pages");
  g_assert_cmpint (atoi (pages), ==, BR_N_CHART_KINDS);

  /* one chart a page, in order */
  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      g_autoptr(BrChartOptions) page_options = options_new (kind);
      g_autoptr(BrChartLayout) layout = layout_for (dataset, page_options, 1920, 1080);
      g_autofree char *page = g_strdup_printf ("%d", kind + 1);
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", page, "-l", page, path, "-",
                             NULL };
      g_autofree char *text = NULL;

      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL,
                    NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, br_chart_layout_get_title (layout)));
      g_assert_nonnull (strstr (text, "Sources"));
    }
}

/* Text without its white space: a PDF's text is broken into lines anywhere, Chinese
 * between any two characters */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* The footnote of @layout, read back from @page: whole, nothing cut with "…", and every
 * source in it (its publisher at least), or, where the chart is too small for that,
 * counted, with where each is named in full */
static void
assert_sources_whole (BrChartLayout *layout,
                      BrLanguage     language,
                      const char    *page,
                      const char    *where)
{
  GPtrArray *sources = br_chart_layout_get_sources (layout);
  g_autofree char *on_page = squeeze (page);
  g_autofree char *footnote = NULL, *counted = NULL;
  guint named = 0;

  if (strstr (page, "…") != NULL)
    g_error ("%s: “…” on the page:\n%s", where, page);
  GArray *boxes = br_chart_layout_get_text_boxes (layout);
  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_str_equal (box->role, "footnote"))
        {
          g_assert_false (box->ellipsized);
          g_assert_null (footnote);
          footnote = squeeze (box->text);
        }
    }
  /* a chart with nothing to draw may have nothing to say at its foot */
  if (footnote == NULL)
    {
      g_assert_cmpuint (sources->len, ==, 0);
      return;
    }
  if (strstr (on_page, footnote) == NULL)
    g_error ("%s: the footnote “%s” is not whole on the page:\n%s", where, footnote, page);

  for (guint i = 0; i < sources->len; i++)
    {
      const BrSource *source = g_ptr_array_index (sources, i);
      g_autofree char *publisher = squeeze (source->publisher);

      named += strstr (footnote, publisher) != NULL;
    }
  if (named == sources->len)
    return;

  g_test_message ("%s: %u of %u sources' publishers named, the sources counted", where, named,
                  sources->len);
  counted = language == BR_LANGUAGE_ZH ? g_strdup_printf ("共%u份文件", sources->len)
                                       : g_strdup_printf ("%udocument", sources->len);
  if (strstr (footnote, counted) == NULL)
    g_error ("%s: the footnote names %u of %u sources and does not count them: %s", where, named,
             sources->len, footnote);
}

/* Datasets the footnote is read back from: the bundled one (NULL) and the tests' own */
static const char *footnote_datasets[] = {
  NULL, "usd-january.json", "hkd-halves.json", "marks.json", "usd-hkd-krw.json",
  "quarters.json", "benchmark-dates.json",
};

/* Every chart's footnote is whole, from a small window's size (at the window's least text
 * size, which makes it longer) up to 1280×720, in English and Chinese: the plot gives way
 * to the lines the sources need, and a chart too small for that counts them */
static void
test_pdf_footnote_whole (Fixture       *f,
                         gconstpointer  data)
{
  const char *name = footnote_datasets[GPOINTER_TO_UINT (data)];
  g_autoptr(BrDataset) ds = name != NULL ? br_test_load_chart_dataset (name) : g_object_ref (dataset);
  static const struct { double width, height, min_text; } sizes[] = {
    { 640, 400, 11 }, { 960, 600, 11 }, { 1280, 720, 0 },
  };
  g_autofree char *path = path_in (f, "all.pdf");
  BrUnit unit;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  br_unit_for_dataset (ds, &unit);
  for (BrLanguage language = 0; language < BR_N_LANGUAGES; language++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
        g_autoptr(GError) error = NULL;
        g_autofree char *text = NULL;
        g_auto(GStrv) pages = NULL;

        br_chart_options_set_unit (options, &unit);
        br_chart_options_set_language (options, language);
        br_chart_options_set_text_size (options, 1, sizes[s].min_text);
        export_all (ds, options, &(BrExportTarget) { BR_EXPORT_PDF, path,
                    { sizes[s].width, sizes[s].height, 1 } }, &error);
        g_assert_no_error (error);
        /* pdftotext ends each page with a form feed */
        text = run_tool ("pdftotext", path);
        pages = g_strsplit (text, "\f", -1);
        g_assert_cmpuint (g_strv_length (pages), ==, BR_N_CHART_KINDS + 1);

        for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
          {
            g_autofree char *where = g_strdup_printf ("%s %s %.0f×%.0f %s",
                                                      name ? name : "bundled",
                                                      br_chart_kind_to_string (kind),
                                                      sizes[s].width, sizes[s].height,
                                                      br_language_to_string (language));
            g_autoptr(BrChartLayout) layout = NULL;

            br_chart_options_set_kind (options, kind);
            layout = layout_for (ds, options, sizes[s].width, sizes[s].height);
            assert_sources_whole (layout, language, pages[kind], where);
          }
      }
}

/* A footnote's exchange rates carry the digits they have: the dataset's 7.8 and 1364 are
 * not written 7.8000 and 1,364.0000, in either language */
static void
test_pdf_footnote_rates (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BrDataset) ds = br_test_load_chart_dataset ("usd-hkd-krw.json");
  static const struct { BrLanguage language; const char *rates[3]; } cases[] = {
    { BR_LANGUAGE_EN, { "USD/HKD 7.8 (2024 average)", "USD/KRW 1,306 (2023 average)",
                        "USD/KRW 1,364 (2024 average)" } },
    { BR_LANGUAGE_ZH, { "USD/HKD 7.8（2024 年平均）", "USD/KRW 1,306（2023 年平均）",
                        "USD/KRW 1,364（2024 年平均）" } },
  };
  g_autofree char *path = path_in (f, "losses.pdf");

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL, *page = NULL;
      BrUnit unit;

      br_unit_init (&unit, "KRW", BR_SCALE_BILLION);
      br_chart_options_set_unit (options, &unit);
      br_chart_options_set_language (options, cases[c].language);
      br_export_chart (ds, options, &(BrExportTarget) { BR_EXPORT_PDF, path,
                       { 1280, 720, 1 } }, &error);
      g_assert_no_error (error);
      text = run_tool ("pdftotext", path);
      page = squeeze (text);
      for (guint r = 0; r < G_N_ELEMENTS (cases[c].rates); r++)
        {
          g_autofree char *rate = squeeze (cases[c].rates[r]);

          if (strstr (page, rate) == NULL)
            g_error ("“%s” is not in the footnote:\n%s", cases[c].rates[r], text);
        }
      g_assert_null (strstr (page, ".0000"));
    }
}

/* ---- SVG --------------------------------------------------------------------------- */

typedef struct
{
  guint    depth;
  guint    n_root_children;
  GString *title;
  GString *desc;
  GString *current;   /* title or desc while inside one */
  gboolean root_is_svg;
} SvgCheck;

static void
svg_start_cb (GMarkupParseContext *context,
              const char          *element,
              const char         **names,
              const char         **values,
              gpointer             user_data,
              GError             **error)
{
  SvgCheck *check = user_data;

  if (check->depth == 0)
    check->root_is_svg = g_str_equal (element, "svg");
  else if (check->depth == 1)
    {
      /* <title> and <desc> come first, as assistive technology expects them */
      check->n_root_children++;
      if (g_str_equal (element, "title") && check->n_root_children == 1)
        check->current = check->title = g_string_new (NULL);
      else if (g_str_equal (element, "desc") && check->n_root_children == 2)
        check->current = check->desc = g_string_new (NULL);
    }
  check->depth++;
}

static void
svg_end_cb (GMarkupParseContext *context,
            const char          *element,
            gpointer             user_data,
            GError             **error)
{
  SvgCheck *check = user_data;

  check->depth--;
  check->current = NULL;
}

static void
svg_text_cb (GMarkupParseContext *context,
             const char          *text,
             gsize                length,
             gpointer             user_data,
             GError             **error)
{
  SvgCheck *check = user_data;

  if (check->current != NULL)
    g_string_append_len (check->current, text, length);
}

static void
assert_svg (const char    *path,
            BrChartLayout *layout)
{
  static const GMarkupParser parser = { svg_start_cb, svg_end_cb, svg_text_cb, NULL, NULL };
  g_autofree char *contents = br_test_read_text (path);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SvgCheck check = { 0 };

  context = g_markup_parse_context_new (&parser, 0, &check, NULL);
  g_markup_parse_context_parse (context, contents, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  g_assert_true (check.root_is_svg);
  g_assert_nonnull (check.title);
  g_assert_nonnull (check.desc);
  g_assert_cmpstr (check.title->str, ==, br_chart_layout_get_title (layout));
  g_assert_cmpstr (check.desc->str, ==, br_chart_layout_get_description (layout));
  g_assert_cmpuint (check.desc->len, >, 0);
  g_string_free (check.title, TRUE);
  g_string_free (check.desc, TRUE);
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  BrChartKind kind = GPOINTER_TO_UINT (data);
  g_autoptr(BrChartOptions) options = options_new (kind);
  g_autoptr(BrChartLayout) layout = layout_for (dataset, options, 1920, 1080);
  g_autofree char *path = path_in (f, "chart.svg");
  g_autoptr(GError) error = NULL;

  br_export_chart (dataset, options, &(BrExportTarget) { BR_EXPORT_SVG, path,
                   { 1920, 1080, 1 } }, &error);
  g_assert_no_error (error);
  assert_svg (path, layout);
  br_test_assert_no_hidden_files (f->dir);
}

/* ---- CSV --------------------------------------------------------------------------- */

static const char *csv_header[] = {
  "company_id", "company", "series", "period", "period_end", "value", "unit", "currency", "source",
  "status", "bound",
};

/* RFC 4180; every record ends in CRLF. Returns rows of fields, the header first. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(p[0] == '"' && p[1] != '"'); p++)
            {
              g_assert_cmpint (*p, !=, '\0');
              if (p[0] == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
        {
          g_assert_cmpint (*p, !=, '"');
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p);
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        {
          p++;
          continue;
        }

      g_assert_true (p[0] == '\r' && p[1] == '\n');
      p += 2;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
    }

  return rows;
}

static GPtrArray *
export_csv_rows (Fixture              *f,
                 BrDataset            *ds,
                 const BrChartOptions *options)
{
  g_autofree char *path = path_in (f, "data.csv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  br_export_chart (ds, options, &(BrExportTarget) { BR_EXPORT_CSV, path,
                   { 1920, 1080, 1 } }, &error);
  g_assert_no_error (error);
  text = br_test_read_text (path);
  /* fails the test but goes on, so that the other tests still run and report */
  if (!g_utf8_validate (text, -1, NULL))
    g_test_fail_printf ("%s is not UTF-8", path);

  return parse_csv (text);
}

static double
parse_value (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');
  return value;
}

static void
assert_csv_shape (GPtrArray     *rows,
                  BrChartLayout *layout)
{
  char **header = g_ptr_array_index (rows, 0);

  g_assert_cmpuint (g_strv_length (header), ==, G_N_ELEMENTS (csv_header));
  for (guint i = 0; i < G_N_ELEMENTS (csv_header); i++)
    g_assert_cmpstr (header[i], ==, csv_header[i]);

  /* one row a plotted value */
  g_assert_cmpuint (rows->len - 1, ==, br_chart_layout_get_n_marks (layout));
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      const BrChartMark *mark = br_chart_layout_get_mark (layout, i - 1);

      g_assert_cmpuint (g_strv_length (row), ==, G_N_ELEMENTS (csv_header));
      g_assert_cmpstr (row[0], ==, mark->company->id);
      g_assert_true (g_str_has_prefix (row[2], br_series_to_string (mark->series)));
      g_assert_cmpfloat_with_epsilon (parse_value (row[5]), mark->value,
                                      1e-8 * MAX (1, fabs (mark->value)));
      g_assert_cmpstr (row[6], ==, mark->percent ? "percent"
                                   : mark->series == BR_SERIES_RUNWAY_MONTHS ? "months"
                                   : br_scale_to_string (mark->unit.scale));
      if (mark->status == BR_STATUS_PROJECTION || mark->status == BR_STATUS_ESTIMATE ||
          mark->period != NULL)
        g_assert_cmpstr (row[9], ==, br_status_to_string (mark->status));
      g_assert_cmpstr (row[10], ==, !mark->percent ? ""
                                    : mark->bound == BR_BOUND_MORE_THAN ? "more-than"
                                    : mark->bound == BR_BOUND_AT_LEAST ? "at-least" : "exact");
      g_assert_true (strlen (row[4]) == 10 || row[4][0] == '\0');
      g_assert_cmpuint (strlen (row[8]), >, 0);
    }
}

/* Moore Threads' "> 89 %" years are bounds in the CSV, its 2025 H1 share exact */
static void
assert_bounds_in_csv (GPtrArray *rows)
{
  guint n_bounded = 0, n_exact = 0;

  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (!g_str_equal (row[0], "moore-threads") || !g_str_has_prefix (row[2], "top5_share"))
        continue;
      if (g_str_equal (row[5], "89"))
        {
          g_assert_cmpstr (row[10], ==, "more-than");
          n_bounded++;
        }
      else if (g_str_equal (row[5], "98.29"))
        {
          g_assert_cmpstr (row[10], ==, "exact");
          n_exact++;
        }
    }
  g_assert_cmpuint (n_bounded, ==, 3);
  g_assert_cmpuint (n_exact, ==, 1);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  BrChartKind kind = GPOINTER_TO_UINT (data);

  for (int cumulative = 0; cumulative <= 1; cumulative++)
    {
      g_autoptr(BrChartOptions) options = options_new (kind);
      g_autoptr(BrChartLayout) layout = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      br_chart_options_set_cumulative (options, cumulative);
      layout = layout_for (dataset, options, 1920, 1080);
      rows = export_csv_rows (f, dataset, options);
      g_assert_cmpuint (rows->len, >, 1);
      assert_csv_shape (rows, layout);
      if (kind == BR_CHART_CUSTOMERS)
        assert_bounds_in_csv (rows);
    }

  br_test_assert_no_hidden_files (f->dir);
}

typedef struct
{
  const char  *claim;
  BrChartKind  kind;
  const char  *company;
  const char  *series;
  const char  *from;
  const char  *to;
  double       expected;
} Claim;

static GDate *
date_parse (const char *iso)
{
  int y, m, d;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  return g_date_new_dmy (d, m, y);
}

/* The sum of the per-period rows, and the last cumulative row, of one series. */
static void
claim_values (Fixture     *f,
              const Claim *claim,
              double      *sum,
              double      *last)
{
  const char *companies[] = { claim->company, NULL };
  g_autoptr(GDate) from = date_parse (claim->from);
  g_autoptr(GDate) to = date_parse (claim->to);

  *sum = 0;
  *last = NAN;
  for (int cumulative = 0; cumulative <= 1; cumulative++)
    {
      g_autoptr(BrChartOptions) options = options_new (claim->kind);
      g_autoptr(GPtrArray) rows = NULL;

      br_chart_options_set_companies (options, companies);
      br_chart_options_set_range (options, from, to);
      br_chart_options_set_cumulative (options, cumulative);
      rows = export_csv_rows (f, dataset, options);

      for (guint i = 1; i < rows->len; i++)
        {
          char **row = g_ptr_array_index (rows, i);

          if (!g_str_equal (row[0], claim->company) || !g_str_equal (row[2], claim->series))
            continue;
          if (cumulative)
            *last = parse_value (row[5]);
          else
            *sum += parse_value (row[5]);
        }
    }
}

/* The article's claims C2–C7 (tests/data/claims.md) from the data behind the charts. */
static void
test_csv_claims (Fixture       *f,
                 gconstpointer  data)
{
  static const Claim claims[] = {
    { "C2", BR_CHART_LOSSES, "moore-threads", "net_income_attributable", "2022-01-01",
      "2024-12-31", -50.05 },
    { "C3", BR_CHART_RND, "moore-threads", "rnd_expense", "2022-01-01", "2024-12-31", 38.09 },
    { "C4", BR_CHART_RND, "moore-threads", "revenue", "2022-01-01", "2024-12-31", 6.08 },
    { "C5", BR_CHART_LOSSES, "metax", "net_income_attributable", "2022-01-01", "2025-03-31",
      -32.90 },
    { "C6", BR_CHART_RND, "metax", "rnd_expense", "2022-01-01", "2025-03-31", 24.66 },
    { "C7", BR_CHART_LOSSES, "cambricon", "net_income_attributable", "2020-01-01", "2024-12-31",
      -38.17 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
    {
      double sum, last;

      claim_values (f, &claims[i], &sum, &last);
      g_test_message ("%s: %s %s, last cumulative row %.4f, sum of periods %.4f", claims[i].claim,
                      claims[i].company, claims[i].series, last, sum);
      g_assert_cmpfloat_with_epsilon (last, claims[i].expected, 0.01 + 1e-9);
      /* a cumulative chart may draw one total bar; the per-period rows add up to it */
      g_assert_cmpfloat_with_epsilon (sum, claims[i].expected, 0.01 + 1e-9);
    }

  /* C6: MetaX's R&D far exceeds its revenue over the same periods */
  {
    Claim revenue = claims[4];
    double rnd_sum, rnd_last, rev_sum, rev_last;

    revenue.series = "revenue";
    claim_values (f, &claims[4], &rnd_sum, &rnd_last);
    claim_values (f, &revenue, &rev_sum, &rev_last);
    g_assert_cmpfloat (rnd_last, >, 2 * rev_last);
  }
}

/* ---- text from the dataset is only text ------------------------------------------ */

static const char *hostile_names[] = {
  "=HYPERLINK(\\\"http://x\\\")", "+1+1", "-2", "@SUM(A1)", "Comma, \\\"Quoted\\\"",
  "Line\\nbreak", "<b>Bold</b> & co",
};
static const char *hostile_expected[] = {
  "'=HYPERLINK(\"http://x\")", "'+1+1", "'-2", "'@SUM(A1)", "Comma, \"Quoted\"",
  "Line\nbreak", "<b>Bold</b> & co",
};

static BrDataset *
hostile_dataset (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BrDataset *ds;

  g_string_append (text, "{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"t\","
                         " \"updated\": \"2025-01-01\", \"sources\": [{\"id\": \"s\", \"title\":"
                         " \"=1+2, \\\"filed\\\"\", \"publisher\": \"<i>SSE</i>\","
                         " \"date\": \"2025-01-01\"}], \"companies\": [");
  for (guint i = 0; i < G_N_ELEMENTS (hostile_names); i++)
    g_string_append_printf (text,
                            "%s{\"id\": \"c%u\", \"name\": \"%s\", \"periods\": [{\"id\":"
                            " \"FY2024\", \"kind\": \"fiscal-year\", \"start\": \"2024-01-01\","
                            " \"end\": \"2024-12-31\"}], \"figures\": [{\"period\": \"FY2024\","
                            " \"metric\": \"net_income_attributable\", \"value\": -%u.5,"
                            " \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}]}",
                            i > 0 ? "," : "", i, hostile_names[i], i + 1);
  g_string_append (text, "]}");

  bytes = g_bytes_new (text->str, text->len);
  ds = br_dataset_load_bytes (bytes, "hostile.json", NULL, NULL, &error);
  g_assert_no_error (error);

  return ds;
}

/* CSV fields are quoted as RFC 4180 wants, formulas neutralised, numbers left numbers. */
static void
test_csv_escaping (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BrDataset) hostile = hostile_dataset ();
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
  g_autoptr(GPtrArray) rows = export_csv_rows (f, hostile, options);

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (hostile_names) + 1);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autofree char *id = NULL;
      guint index;

      g_assert_cmpuint (g_strv_length (row), ==, G_N_ELEMENTS (csv_header));
      g_assert_true (sscanf (row[0], "c%u", &index) == 1 && index < G_N_ELEMENTS (hostile_names));
      g_assert_cmpstr (row[1], ==, hostile_expected[index]);
      g_assert_cmpfloat (parse_value (row[5]), ==, -(index + 1.5));
      g_assert_true (g_str_has_prefix (row[8], "'=1+2, \"filed\" — <i>SSE</i>, 2025-01-01"));
    }
}

/* Names with markup cannot break the SVG, whose description quotes them. */
static void
test_svg_escaping (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BrDataset) hostile = hostile_dataset ();
  g_autofree char *path = path_in (f, "hostile.svg");
  g_autoptr(GError) error = NULL;

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      g_autoptr(BrChartOptions) options = options_new (kind);
      g_autoptr(BrChartLayout) layout = layout_for (hostile, options, 1280, 720);

      br_export_chart (hostile, options, &(BrExportTarget) { BR_EXPORT_SVG, path,
                       { 1280, 720, 1 } }, &error);
      g_assert_no_error (error);
      assert_svg (path, layout);
    }
}

/* ---- every chart in every format -------------------------------------------------- */

static void
test_all_formats (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
  g_autoptr(GError) error = NULL;

  for (BrExportFormat format = 0; format < BR_N_EXPORT_FORMATS; format++)
    {
      g_autofree char *name = g_strconcat ("out.", br_export_format_to_extension (format), NULL);
      g_autofree char *path = path_in (f, name);

      export_all (dataset, options, &(BrExportTarget) { format, path, { 960, 540, 1 } }, &error);
      g_assert_no_error (error);
      if (format == BR_EXPORT_PDF)
        g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

      for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS && format != BR_EXPORT_PDF; kind++)
        {
          g_autofree char *chart_path = br_export_path_for_chart (path, kind);

          g_assert_true (g_file_test (chart_path, G_FILE_TEST_IS_REGULAR));
        }
    }

  /* 5 PNG + 1 PDF + 5 SVG + 5 CSV, and nothing else */
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 3 * BR_N_CHART_KINDS + 1);
  br_test_assert_no_hidden_files (f->dir);
}

/* ---- atomic writes ---------------------------------------------------------------- */

static void
assert_export_fails (const char    *path,
                     BrExportFormat format,
                     const char    *named)
{
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
  g_autoptr(GError) error = NULL;

  g_assert_false (br_export_chart (dataset, options, &(BrExportTarget) { format, path,
                                   { 1920, 1080, 1 } }, &error));
  g_assert_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, named));
}

static void
test_atomic_replace (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_RND);
  g_autofree char *path = path_in (f, "chart.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  br_test_write_text (path, "old");
  br_export_chart (dataset, options, &(BrExportTarget) { BR_EXPORT_PNG, path,
                   { 640, 360, 1 } }, &error);
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 1);
  br_test_assert_no_hidden_files (f->dir);
}

static void
test_atomic_missing_dir (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing", "chart.pdf", NULL);
  g_autofree char *file = path_in (f, "file");
  g_autofree char *under_file = g_build_filename (file, "chart.png", NULL);

  assert_export_fails (path, BR_EXPORT_PDF, path);

  br_test_write_text (file, "not a directory");
  assert_export_fails (under_file, BR_EXPORT_PNG, under_file);
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 1);
}

/* Never a rename over a directory or a device: as root, that would replace /dev/full. */
static void
test_atomic_not_a_file (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (f, "chart.svg");
  GStatBuf st;

  g_mkdir (path, 0755);
  assert_export_fails (path, BR_EXPORT_SVG, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));

  if (g_lstat ("/dev/full", &st) == 0 && S_ISCHR (st.st_mode))
    {
      assert_export_fails ("/dev/full", BR_EXPORT_CSV, "/dev/full");
      g_assert_cmpint (g_lstat ("/dev/full", &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
    }
}

static void
test_atomic_read_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = path_in (f, "ro");
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *contents = NULL;
  const char *remount[] = { "mount", "-o", "remount,ro", dir, NULL };

  /* root writes through permissions: a read-only file system it is */
  if (geteuid () == 0)
    {
      if (!mount_tmpfs (f, "ro", "size=1m"))
        {
          g_test_skip ("root, and cannot mount a read-only tmpfs");
          return;
        }
      br_test_write_text (path, "old");
      g_assert_true (run_quietly (remount));
    }
  else
    {
      g_mkdir (dir, 0755);
      br_test_write_text (path, "old");
      g_chmod (dir, 0555);
    }

  assert_export_fails (path, BR_EXPORT_PNG, path);
  contents = br_test_read_text (path);
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (br_test_count_files (dir), ==, 1);
}

/* A full disk mid-write: a tmpfs of 16 KiB, and a PNG and a PDF that do not fit. */
static void
test_atomic_full (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = path_in (f, "full");
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *contents = NULL;

  if (!mount_tmpfs (f, "full", "size=16k"))
    {
      g_test_skip ("mounting a tmpfs needs root");
      return;
    }

  br_test_write_text (path, "old");
  assert_export_fails (png, BR_EXPORT_PNG, png);
  assert_export_fails (path, BR_EXPORT_PDF, path);
  contents = br_test_read_text (path);
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (br_test_count_files (dir), ==, 1);
}

/* The same, for anyone: a file size limit makes writes fail part-way (EFBIG). */
static void
test_atomic_file_size_limit (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = path_in (f, "chart.png");
  g_autofree char *contents = NULL;

  br_test_write_text (path, "old");
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 20000, 20000 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      assert_export_fails (path, BR_EXPORT_PNG, path);
      assert_export_fails (path, BR_EXPORT_PDF, path);
      contents = br_test_read_text (path);
      g_assert_cmpstr (contents, ==, "old");
      br_test_assert_no_hidden_files (f->dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Several files are written all or not at all. */
static void
test_atomic_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
  g_autofree char *path = path_in (f, "out.png");
  g_autofree char *losses = br_export_path_for_chart (path, BR_CHART_LOSSES);
  g_autofree char *valuation = br_export_path_for_chart (path, BR_CHART_VALUATION);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  br_test_write_text (losses, "old");
  g_mkdir (valuation, 0755);

  g_assert_false (export_all (dataset, options, &(BrExportTarget) { BR_EXPORT_PNG, path,
                              { 640, 360, 1 } }, &error));
  g_assert_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, valuation));

  contents = br_test_read_text (losses);
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 2);
}

/* ---- the deck ---------------------------------------------------------------------- */

/* The 16:9 PDF of presentation mode: title, the four charts, sources (test-deck reads
 * them back in detail). */
static void
test_deck_pdf (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
  g_autofree char *path = path_in (f, "deck.pdf");
  g_autofree char *info = NULL, *text = NULL, *pages = NULL, *size = NULL, *title = NULL;
  g_autoptr(GError) error = NULL;
  const char *dataset_title = br_text_get (br_dataset_get_title (dataset), BR_LANGUAGE_EN);
  g_autoptr(BrDeck) deck = br_deck_new (dataset, options, NULL);
  g_autofree char *n_pages = g_strdup_printf ("%u", br_deck_get_n_slides (deck));

  if (!have_program ("pdfinfo") || !have_program ("pdftotext"))
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  g_assert_true (br_export_deck (dataset, options, &(BrExportTarget) { BR_EXPORT_PDF, path,
                                 { 1920, 1080, 1 } }, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 1);

  info = run_tool ("pdfinfo", path);
  pages = pdf_info_field (info, "Pages");
  size = pdf_info_field (info, "Page size");
  title = pdf_info_field (info, "Title");
  g_assert_cmpstr (pages, ==, n_pages);
  g_assert_true (g_str_has_prefix (size, "1920 x 1080 pts"));
  g_assert_cmpstr (title, ==, dataset_title);

  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "China’s GPU challengers vs Nvidia"));
  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      g_autoptr(BrChartOptions) chart = options_new (kind);
      g_autoptr(BrChartLayout) layout = layout_for (dataset, chart, 1920, 1080);

      g_assert_nonnull (strstr (text, br_chart_layout_get_title (layout)));
    }
  /* the closing slides list every source the charts cite */
  for (guint i = 0; i < br_deck_get_sources (deck)->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("[%u]", i + 1);

      g_assert_nonnull (strstr (text, number));
    }
  br_test_assert_no_hidden_files (f->dir);
}

/* For PNG, a folder of numbered slides, each at the size and scale asked for; a folder
 * that cannot be written gets none of them. */
static void
test_deck_png (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BrChartOptions) options = options_new (BR_CHART_LOSSES);
  g_autofree char *dir = path_in (f, "slides");
  g_autoptr(GError) error = NULL;

  g_autoptr(BrDeck) deck = br_deck_new (dataset, options, NULL);

  g_assert_true (br_export_deck (dataset, options, &(BrExportTarget) { BR_EXPORT_PNG, dir,
                                 { 960, 540, 2 } }, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (br_test_count_files (dir), ==, br_deck_get_n_slides (deck));
  for (guint i = 1; i <= br_deck_get_n_slides (deck); i++)
    {
      g_autofree char *name = g_strdup_printf ("slide-%02u.png", i);
      g_autofree char *png = g_build_filename (dir, name, NULL);
      cairo_surface_t *surface = cairo_image_surface_create_from_png (png);

      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
      g_assert_true (has_distinct_pixels (surface));
      cairo_surface_destroy (surface);
    }
  br_test_assert_no_hidden_files (dir);

  /* a path under a regular file cannot be a folder */
  {
    g_autofree char *file = path_in (f, "plain");
    g_autofree char *under = g_build_filename (file, "slides", NULL);

    br_test_write_text (file, "x");
    g_assert_false (br_export_deck (dataset, options, &(BrExportTarget) { BR_EXPORT_PNG, under,
                                    { 960, 540, 1 } }, &error));
    g_assert_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_WRITE);
    g_assert_nonnull (strstr (error->message, "plain"));
  }
}

/* ---- main ------------------------------------------------------------------------- */

static void
add_fixture_test (const char *path,
                  gconstpointer data,
                  void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown);
}

static void
add_chart_tests (void)
{
  add_fixture_test ("/Br/Export/png/transparent-all", NULL, test_png_transparent_all);
  add_fixture_test ("/Br/Export/pdf/partial-periods-named", NULL, test_pdf_partial_periods_named);
  add_fixture_test ("/Br/Export/pdf/sources-by-publisher", NULL, test_pdf_sources_by_publisher);
  add_fixture_test ("/Br/Export/pdf/footnote-rates", NULL, test_pdf_footnote_rates);
  static const struct { const char *name; void (*func) (Fixture *, gconstpointer); } formats[] = {
    { "png", test_png }, { "pdf", test_pdf }, { "svg", test_svg }, { "csv", test_csv },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
      {
        g_autofree char *path = g_strdup_printf ("/Br/Export/%s/%s", formats[i].name,
                                                 br_chart_kind_to_string (kind));

        add_fixture_test (path, GUINT_TO_POINTER (kind), formats[i].func);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  br_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  dataset = br_dataset_load_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/Br/Export/format-from-path", test_format_from_path);
  g_test_add_func ("/Br/Export/path-for-chart", test_path_for_chart);
  g_test_add_func ("/Br/Export/check-size", test_check_size);
  add_chart_tests ();
  add_fixture_test ("/Br/Export/pdf/all", NULL, test_pdf_all);
  for (guint i = 0; i < G_N_ELEMENTS (footnote_datasets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Br/Export/pdf/footnote-whole/%s",
                                               footnote_datasets[i] ? footnote_datasets[i]
                                                                    : "bundled");

      add_fixture_test (path, GUINT_TO_POINTER (i), test_pdf_footnote_whole);
    }
  add_fixture_test ("/Br/Export/all-formats", NULL, test_all_formats);
  add_fixture_test ("/Br/Export/csv/claims", NULL, test_csv_claims);
  add_fixture_test ("/Br/Export/csv/escaping", NULL, test_csv_escaping);
  add_fixture_test ("/Br/Export/svg/escaping", NULL, test_svg_escaping);
  add_fixture_test ("/Br/Export/atomic/replace", NULL, test_atomic_replace);
  add_fixture_test ("/Br/Export/atomic/missing-dir", NULL, test_atomic_missing_dir);
  add_fixture_test ("/Br/Export/atomic/not-a-file", NULL, test_atomic_not_a_file);
  add_fixture_test ("/Br/Export/atomic/read-only", NULL, test_atomic_read_only);
  add_fixture_test ("/Br/Export/atomic/full", NULL, test_atomic_full);
  add_fixture_test ("/Br/Export/atomic/file-size-limit", NULL, test_atomic_file_size_limit);
  add_fixture_test ("/Br/Export/atomic/all-or-nothing", NULL, test_atomic_all_or_nothing);
  add_fixture_test ("/Br/Export/deck/pdf", NULL, test_deck_pdf);
  add_fixture_test ("/Br/Export/deck/png", NULL, test_deck_png);

  status = g_test_run ();
  g_clear_object (&dataset);

  return status;
}
