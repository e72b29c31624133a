/* test-cli.c: the burnrate command, run as a user runs it
 *
 * Each test starts the program meson built (BURNRATE_BIN) with no display, in a folder
 * of its own, and checks its exit status, what it printed and what it left on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/types.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "../br-test-files.h"
#include "br-export.h"

typedef struct
{
  char *dir;
} Fixture;

/* ---- files ------------------------------------------------------------------------ */

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Rows of fields; enough for the CSV the tests ask for, whose fields hold no comma. */
static GPtrArray *
split_csv (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] != '\0')
        g_ptr_array_add (rows, g_strsplit (lines[i], ",", -1));
    }

  return rows;
}

/* ---- running it ------------------------------------------------------------------- */

/* the program under test, which meson names in BURNRATE_BIN (tests/meson.build) */
static const char *
burnrate_path (void)
{
  const char *path = g_getenv ("BURNRATE_BIN");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("BURNRATE_BIN names no program (%s); run the test with meson test",
             path != NULL ? path : "unset");

  return path;
}

static void
limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit = { 20000, 20000 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Starts burnrate with no display, @env (NAME=VALUE …) added to its environment. */
static GSubprocess *
spawn_cli (const char * const *args,
           const char * const *env,
           gboolean            limit_file_size)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, g_strdup (burnrate_path ()));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  if (limit_file_size)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size_cb, NULL, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  return process;
}

/* What a run that failed printed, as comments in the test's log: a test that did not
 * expect the failure then shows why. Control characters print as "?", so that no text
 * ends a TAP line early. */
static void
log_stderr (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      for (char *c = lines[i]; *c != '\0'; c++)
        if ((guchar)*c < 0x20 || *c == 0x7f)
          *c = '?';
      g_test_message ("stderr: %s", lines[i]);
    }
}

/* Runs burnrate to its end; returns its exit status and what it printed. */
static int
run_cli_env (const char * const *args,
             const char * const *env,
             gboolean            limit_file_size,
             char              **out,
             char              **err)
{
  g_autoptr(GSubprocess) process = spawn_cli (args, env, limit_file_size);
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (g_subprocess_get_exit_status (process) != 0 && err != NULL && *err != NULL)
    log_stderr (*err);

  return g_subprocess_get_exit_status (process);
}

static int
run_cli (const char * const *args,
         gboolean            limit_file_size,
         char              **out,
         char              **err)
{
  return run_cli_env (args, NULL, limit_file_size, out, err);
}

/* The test dataset tests/data/valid-base.json, written to @name with @from replaced
 * by @to (when not NULL) */
static char *
write_dataset (Fixture    *f,
               const char *name,
               const char *from,
               const char *to)
{
  g_autofree char *base = g_test_build_filename (G_TEST_DIST, "data", "valid-base.json", NULL);
  g_autofree char *text = br_test_read_text (base);
  g_autoptr(GString) changed = g_string_new (text);
  char *path = g_build_filename (f->dir, name, NULL);

  if (from != NULL)
    g_assert_cmpuint (g_string_replace (changed, from, to, 1), ==, 1);
  br_test_write_text (path, changed->str);

  return path;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  burnrate_path ();
  f->dir = g_dir_make_tmp ("burnrate-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  br_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
test_cli_ok (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *png = path_in (f, "a.png"), *pdf = path_in (f, "a.pdf");
  g_autofree char *svg = path_in (f, "a.svg"), *csv = path_in (f, "a.csv");
  g_autofree char *csv_losses = br_export_path_for_chart (csv, BR_CHART_LOSSES);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  const char *args[] = {
    "--export", png, "--export", pdf, "--export", svg, "--export", csv, "--chart", "all",
    "--width", "960", "--height", "540", "--scale", "1.5", "--theme", "dark", "--cumulative",
    "--company", "metax", "--company", "cambricon", "--from", "2020-01-01", "--to", "2025-12-31",
    "--unit", "usd-bn", "--language", "zh", NULL
  };
  g_autoptr(GPtrArray) rows = NULL;
  cairo_surface_t *surface;

  g_assert_cmpint (run_cli (args, FALSE, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 3 * BR_N_CHART_KINDS + 1);

  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      g_autofree char *chart = br_export_path_for_chart (png, kind);

      surface = cairo_image_surface_create_from_png (chart);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1440);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 810);
      cairo_surface_destroy (surface);
    }

  /* the options reached the data: two companies, in USD billions, in Chinese */
  text = br_test_read_text (csv_losses);
  rows = split_csv (text);
  g_assert_cmpuint (rows->len, >, 1);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_true (g_str_equal (row[0], "metax") || g_str_equal (row[0], "cambricon"));
      g_assert_true (g_str_equal (row[1], "沐曦") || g_str_equal (row[1], "寒武纪"));
      g_assert_cmpstr (row[6], ==, "billion");
      g_assert_cmpstr (row[7], ==, "USD");
      g_assert_cmpstr (row[4], >=, "2020-01-01");
    }
}

static void
test_cli_usage (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *png = path_in (f, "x.png");
  const char *bmp = "x.bmp";
  g_autofree char *hkd = g_test_build_filename (G_TEST_DIST, "data", "charts", "hkd-halves.json",
                                                NULL);
  const struct { const char *args[7]; const char *named; } cases[] = {
    { { "--chart", "pie" }, "pie" },
    { { "--chart", "losses", "--export", bmp }, "x.bmp" },
    { { "--chart", "losses", "--company", "nosuch" }, "nosuch" },
    { { "--chart", "losses", "--width", "0" }, "0" },
    { { "--chart", "losses", "--width", "-5" }, "-5" },
    { { "--chart", "losses", "--height", "16385" }, "16385" },
    { { "--chart", "losses", "--width", "abc" }, "abc" },
    { { "--chart", "losses", "--scale", "0" }, "scale" },
    { { "--chart", "losses", "--theme", "blue" }, "blue" },
    { { "--chart", "losses", "--from", "2024-13-01" }, "2024-13-01" },
    { { "--chart", "losses", "--unit", "eur" }, "eur" },
    { { "--chart", "losses", "--periods", "months" }, "months" },
    /* a unit the dataset cannot reach, and those it can */
    { { "--chart", "losses", "--dataset", hkd, "--unit", "cny-yi" }, "use one of hkd-bn, hkd-mn" },
    { { "--chart", "losses", "--language", "fr" }, "fr" },
    { { "--chart", "losses", "--width" }, "width" },
    { { NULL }, "--chart" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *out = NULL, *err = NULL;

      g_ptr_array_add (args, "--export");
      g_ptr_array_add (args, png);
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer)cases[i].args[j]);
      g_ptr_array_add (args, NULL);

      g_assert_cmpint (run_cli ((const char * const *)args->pdata, FALSE, &out, &err), ==, 2);
      g_test_message ("%s", err);
      g_assert_true (g_str_has_prefix (err, "burnrate: "));
      g_assert_nonnull (strstr (err, cases[i].named));
      /* one line */
      g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
    }

  /* export options without --export */
  {
    const char *args[] = { "--chart", "losses", NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, FALSE, &out, &err), ==, 2);
  }

  g_assert_cmpuint (br_test_count_files (f->dir), ==, 0);
}

static void
test_cli_unwritable (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing", "x.png", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--export", missing, "--chart", "valuation", NULL };

  g_assert_cmpint (run_cli (args, FALSE, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "burnrate: "));
  g_assert_nonnull (strstr (err, missing));
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 0);
}

/* A write that fails part-way leaves the old file as it was. */
static void
test_cli_untouched (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = path_in (f, "chart.pdf");
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  const char *args[] = { "--export", path, "--chart", "all", NULL };

  br_test_write_text (path, "old");
  g_assert_cmpint (run_cli (args, TRUE, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, path));
  contents = br_test_read_text (path);
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 1);
}

static void
test_cli_all_or_nothing (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = path_in (f, "out.png");
  g_autofree char *losses = br_export_path_for_chart (path, BR_CHART_LOSSES);
  g_autofree char *rnd = br_export_path_for_chart (path, BR_CHART_RND);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  const char *args[] = { "--export", path, "--chart", "all", NULL };

  br_test_write_text (losses, "old");
  g_mkdir (rnd, 0755);
  g_assert_cmpint (run_cli (args, FALSE, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, rnd));
  contents = br_test_read_text (losses);
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 2);
}

/* What the command line did before --export, it still does. */
static void
test_cli_other_options (Fixture       *f,
                        gconstpointer  data)
{
  const char *version[] = { "--version", NULL };
  const char *validate[] = { "--validate", NULL };
  const char *both[] = { "--validate", "--export", "x.png", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run_cli (version, FALSE, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "burnrate " PACKAGE_VERSION "\n");
  g_assert_cmpint (run_cli (validate, FALSE, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "valid"));
  g_assert_cmpint (run_cli (both, FALSE, &out3, &err3), ==, 2);
}

/* A valid dataset is told what each chart draws from it */
static void
test_cli_validate_chart_needs (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts",
                                                 "usd-hkd-krw.json", NULL);
  const char *args[] = { "--validate", path, NULL };
  const char *bundled[] = { "--validate", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (run_cli (args, FALSE, &out, &err), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\n  losses: 3 of 3 companies have net_income_attributable or "
                                 "net_income_total figures\n"));
  g_assert_nonnull (strstr (out, "\n  customers: 0 of 3 companies have customers entries\n"));
  g_assert_nonnull (strstr (out, "\n  runway: 0 of 3 companies have cash figures"));
  g_assert_nonnull (strstr (out, "\n  valuation: no benchmark company"));

  g_assert_cmpint (run_cli (bundled, FALSE, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "\n  customers: 2 of 4 companies have customers entries\n"));
  g_assert_nonnull (strstr (out2, "\n  valuation: against Nvidia, the benchmark company\n"));
}

static void
test_cli_deck (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *pdf = path_in (f, "talk.pdf");
  g_autofree char *png = path_in (f, "talk.png");
  g_autofree char *svg = path_in (f, "talk.svg");
  g_autofree char *folder = path_in (f, "talk");
  g_autofree char *out = NULL, *err = NULL;
  const char *pdf_args[] = { "--export", pdf, "--deck", "--theme", "dark", NULL };
  const char *png_args[] = { "--export", png, "--deck", "--width", "640", "--height", "360",
                             NULL };
  const char *svg_args[] = { "--export", svg, "--deck", NULL };
  const char *chart_args[] = { "--export", pdf, "--deck", "--chart", "losses", NULL };

  g_assert_cmpint (run_cli (pdf_args, FALSE, &out, &err), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (png_args, FALSE, &out, &err), ==, 0);
  g_assert_cmpuint (br_test_count_files (folder), >=, BR_N_CHART_KINDS + 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* an SVG deck, or a deck of one chart, is a usage error */
  g_assert_cmpint (run_cli (svg_args, FALSE, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--deck"));
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (chart_args, FALSE, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--chart"));
}

/* ---- hardening: each class of hostile input or target --------------------------- */

/* Only regular files are read, at once, and never past the size limit. */
static void
test_cli_not_a_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *fifo = path_in (f, "pipe.json");
  g_autofree char *big = write_dataset (f, "big.json", NULL, NULL);
  const char *dev_zero[] = { "--validate", "/dev/zero", NULL };
  const char *pipe[] = { "--validate", fifo, NULL };
  const char *folder[] = { "--validate", f->dir, NULL };
  const char *too_big[] = { "--validate", big, NULL };
  const char *bundled[] = { "--validate", NULL };
  const char *small_limit[] = { "BURNRATE_MAX_FILE_SIZE=100", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL;
  g_autofree char *err3 = NULL, *out4 = NULL, *err4 = NULL, *out5 = NULL, *err5 = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (run_cli (dev_zero, FALSE, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "/dev/zero: is not a regular file"));
  g_assert_cmpint (run_cli (pipe, FALSE, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "is not a regular file"));
  g_assert_cmpint (run_cli (folder, FALSE, &out3, &err3), ==, 1);
  g_assert_nonnull (strstr (err3, "is a folder"));
  /* none of them waited or read on */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  g_assert_cmpint (run_cli_env (too_big, small_limit, FALSE, &out4, &err4), ==, 1);
  g_assert_nonnull (strstr (err4, "over the limit"));
  /* the bundled dataset is not the user's file: no size limit of theirs applies */
  g_assert_cmpint (run_cli_env (bundled, small_limit, FALSE, &out5, &err5), ==, 0);
}

/* Figures no company has are refused; the largest allowed draw in bounded time. */
static void
test_cli_extreme_figures (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *huge = write_dataset (f, "huge.json", "\"value\": 1.24", "\"value\": 1.7e308");
  g_autofree char *edge = write_dataset (f, "edge.json", "\"value\": 1.24", "\"value\": 9.9e7");
  g_autofree char *rate = write_dataset (f, "rate.json", "\"rate\": 7.08", "\"rate\": 1e300");
  g_autofree char *tiny = write_dataset (f, "tiny.json", "\"value\": 1.0", "\"value\": 1e-300");
  g_autofree char *png = path_in (f, "edge.png");
  const char *refuse_huge[] = { "--validate", huge, NULL };
  const char *refuse_rate[] = { "--validate", rate, NULL };
  const char *refuse_tiny[] = { "--validate", tiny, NULL };
  const char *draw_edge[] = { "--dataset", edge, "--export", png, "--chart", "rnd", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL;
  g_autofree char *err3 = NULL;
  gint64 start;

  g_assert_cmpint (run_cli (refuse_huge, FALSE, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "$.companies[0].figures[0].value"));
  g_assert_nonnull (strstr (err, "10^16"));
  g_assert_cmpint (run_cli (refuse_rate, FALSE, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "$.fx[0].rate"));
  {
    g_autofree char *out4 = NULL, *err4 = NULL;

    /* a market value of 10^-291 dollars would vanish from the chart */
    g_assert_cmpint (run_cli (refuse_tiny, FALSE, &out4, &err4), ==, 1);
    g_assert_nonnull (strstr (err4, "$.companies[0].market_caps[0].value"));
  }

  /* 9.9e7 亿元 is 9.9e15 yuan, just inside the line */
  start = g_get_monotonic_time ();
  g_assert_cmpint (run_cli (draw_edge, FALSE, &out3, &err3), ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* An export never writes over the dataset it draws, by name or through a link. */
static void
test_cli_not_the_dataset (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dataset = write_dataset (f, "ds.csv", NULL, NULL);
  g_autofree char *link = path_in (f, "link.csv");
  g_autofree char *before = br_test_read_text (dataset), *after = NULL;
  const char *by_name[] = { "--dataset", dataset, "--export", dataset, "--chart", "losses",
                            NULL };
  const char *by_link[] = { "--dataset", dataset, "--export", link, "--chart", "losses", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (symlink (dataset, link), ==, 0);
  g_assert_cmpint (run_cli (by_name, FALSE, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "is the dataset"));
  g_assert_cmpint (run_cli (by_link, FALSE, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "is the dataset"));

  after = br_test_read_text (dataset);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 2);
}

/* A replaced file keeps its mode; a link is followed and stays; a link to nothing is
 * refused. */
static void
test_cli_replace_keeps (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *private = path_in (f, "private.png");
  g_autofree char *target = path_in (f, "target.png");
  g_autofree char *link = path_in (f, "link.png");
  g_autofree char *dangling = path_in (f, "dangling.png");
  g_autofree char *nowhere = path_in (f, "nowhere.png");
  const char *to_private[] = { "--export", private, "--chart", "losses", NULL };
  const char *to_link[] = { "--export", link, "--chart", "losses", NULL };
  const char *to_dangling[] = { "--export", dangling, "--chart", "losses", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL;
  g_autofree char *err3 = NULL;
  GStatBuf st;

  br_test_write_text (private, "old");
  g_assert_cmpint (g_chmod (private, 0600), ==, 0);
  g_assert_cmpint (run_cli (to_private, FALSE, &out, &err), ==, 0);
  g_assert_cmpint (g_stat (private, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 3);

  br_test_write_text (target, "old");
  g_assert_cmpint (symlink ("target.png", link), ==, 0);
  g_assert_cmpint (run_cli (to_link, FALSE, &out2, &err2), ==, 0);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 3);

  g_assert_cmpint (symlink ("nowhere.png", dangling), ==, 0);
  g_assert_cmpint (run_cli (to_dangling, FALSE, &out3, &err3), ==, 1);
  g_assert_nonnull (strstr (err3, "symbolic link to nothing"));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  br_test_assert_no_hidden_files (f->dir);
}

/* Several targets: when one cannot be replaced (immutable), none is. */
static void
test_cli_all_or_none (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *png = path_in (f, "out.png");
  g_autofree char *losses = br_export_path_for_chart (png, BR_CHART_LOSSES);
  g_autofree char *rnd = br_export_path_for_chart (png, BR_CHART_RND);
  g_autofree char *pdf = path_in (f, "out.pdf");
  const char *chattr[] = { "chattr", "+i", rnd, NULL };
  const char *unchattr[] = { "chattr", "-i", rnd, NULL };
  const char *args[] = { "--export", png, "--export", pdf, "--chart", "all", NULL };
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *text2 = NULL;
  int status = -1;

  br_test_write_text (losses, "old losses");
  br_test_write_text (rnd, "old rnd");
  if (!g_spawn_sync (NULL, (char **)chattr, NULL, G_SPAWN_SEARCH_PATH |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("no immutable files here (chattr +i needs root and ext4 or the like)");
      return;
    }

  g_assert_cmpint (run_cli (args, FALSE, &out, &err), ==, 1);
  g_spawn_sync (NULL, (char **)unchattr, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                NULL, NULL);
  g_assert_nonnull (strstr (err, "out-rnd.png"));
  text = br_test_read_text (losses);
  g_assert_cmpstr (text, ==, "old losses");
  text2 = br_test_read_text (rnd);
  g_assert_cmpstr (text2, ==, "old rnd");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (br_test_count_files (f->dir), ==, 2);
}

/* Every usage error is found before anything is written. */
static void
test_cli_usage_first (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pdf = path_in (f, "d1.pdf"), *csv = path_in (f, "d2.csv");
  g_autofree char *png = path_in (f, "x.png");
  const char *deck[] = { "--export", pdf, "--export", csv, "--deck", NULL };
  const char *cases[][2] = {
    { "--width", "0x10" }, { "--width", "1e3" }, { "--height", "-5" },
    { "--to", "-001-01-01" }, { "--from", "+202-01-01" }, { "--to", "2025-1-01" },
  };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (deck, FALSE, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--deck"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "--export", png, "--chart", "losses", cases[i][0], cases[i][1],
                             NULL };
      g_autofree char *out2 = NULL, *err2 = NULL;

      g_assert_cmpint (run_cli (args, FALSE, &out2, &err2), ==, 2);
      g_assert_nonnull (strstr (err2, cases[i][1]));
    }

  g_assert_cmpuint (br_test_count_files (f->dir), ==, 0);
}

/* The deepest nesting the limit allows is read (on a stack sized for it), not crashed on. */
static void
test_cli_deep_nesting (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (f, "deep.json");
  g_autoptr(GString) text = g_string_new ("{\"format\": \"burnrate-dataset\", \"version\": 1, "
                                          "\"x\": ");
  const char *args[] = { "--validate", path, NULL };
  const char *deepest[] = { "BURNRATE_MAX_DEPTH=20000", NULL };
  const char *beyond[] = { "BURNRATE_MAX_DEPTH=20001", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

  for (guint i = 0; i < 19999; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 19999; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}");
  br_test_write_text (path, text->str);

  /* invalid (no companies), but read to its end */
  g_assert_cmpint (run_cli_env (args, deepest, FALSE, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "missing member “companies”"));
  g_assert_cmpint (run_cli_env (args, beyond, FALSE, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "BURNRATE_MAX_DEPTH=20001"));
}

/* A bad BURNRATE_MAX_* is refused, naming it and the range it takes. */
static void
test_cli_bad_limits (Fixture       *f,
                     gconstpointer  data)
{
  static const char *values[] = { "0", "-1", "abc", "20M", "1e7", "18446744073709551616" };
  const char *args[] = { "--validate", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *setting = g_strdup_printf ("BURNRATE_MAX_STRING=%s", values[i]);
      const char *env[] = { setting, NULL };
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_cli_env (args, env, FALSE, &out, &err), ==, 2);
      g_assert_nonnull (strstr (err, setting));
      g_assert_nonnull (strstr (err, "from 1 to 1073741824"));
    }
}

/* Text whose clusters are long is refused past the line, and costs little within it. */
static void
test_cli_pathological_text (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) within = g_string_new ("\"Moore Threads\", \"zh\": \"");
  g_autoptr(GString) beyond = g_string_new ("\"");
  g_autofree char *ok = NULL, *bad = NULL;
  g_autofree char *pdf = path_in (f, "marks.pdf");
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  gint64 start;

  /* 1,000 clusters of a letter and 15 acute accents; then one of 16 */
  for (guint i = 0; i < 1000; i++)
    {
      g_string_append_c (within, 'a');
      for (guint j = 0; j < 15; j++)
        g_string_append (within, "\u0301");
    }
  g_string_append_c (within, '"');
  g_string_append_c (beyond, 'a');
  for (guint j = 0; j < 16; j++)
    g_string_append (beyond, "\u0301");
  g_string_append_c (beyond, '"');

  ok = write_dataset (f, "ok.json", "\"Moore Threads\", \"zh\": \"摩尔线程\"", within->str);
  bad = write_dataset (f, "bad.json", "\"SSE\"", beyond->str);
  {
    const char *refuse[] = { "--validate", bad, NULL };
    const char *draw[] = { "--dataset", ok, "--export", pdf, "--chart", "all", NULL };

    g_assert_cmpint (run_cli (refuse, FALSE, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "$.sources[0].publisher"));
    g_assert_nonnull (strstr (err, "16 combining marks"));

    start = g_get_monotonic_time ();
    g_assert_cmpint (run_cli (draw, FALSE, &out2, &err2), ==, 0);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  }
}

/* SIGINT or SIGTERM in the middle of an export leaves no temporary file. */
static void
test_cli_interrupted (Fixture       *f,
                      gconstpointer  data)
{
  static const int signals[] = { SIGINT, SIGTERM };
  g_autofree char *png = path_in (f, "big.png"), *pdf = path_in (f, "big.pdf");
  const char *args[] = { "--export", png, "--export", pdf, "--chart", "all", "--width",
                         "3000", "--height", "2000", "--scale", "2", NULL };
  guint killed = 0;

  for (guint delay = 20; delay <= 320; delay *= 2)
    for (guint s = 0; s < G_N_ELEMENTS (signals); s++)
      {
        g_autoptr(GSubprocess) process = spawn_cli (args, NULL, FALSE);

        g_usleep (delay * 1000);
        g_subprocess_send_signal (process, signals[s]);
        g_subprocess_wait (process, NULL, NULL);
        if (!g_subprocess_get_if_exited (process))
          {
            g_assert_cmpint (g_subprocess_get_term_sig (process), ==, signals[s]);
            killed++;
          }
        br_test_assert_no_hidden_files (f->dir);
      }

  /* at least one signal came while the export was writing */
  g_assert_cmpuint (killed, >, 0);
}

/* The smaller ones: long names, colours, customers, deck folders, fonts. */
static void
test_cli_smaller (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (250, 'n');
  g_autofree char *long_png = g_strconcat (long_name, ".png", NULL);
  g_autofree char *long_path = path_in (f, long_png + 4);
  g_autofree char *deck_png = path_in (f, "talk.png"), *deck_dir = path_in (f, "talk");
  g_autofree char *boxes = path_in (f, "boxes.png"), *fonts = path_in (f, "fonts.conf");
  g_autofree char *fonts_env = g_strconcat ("FONTCONFIG_FILE=", fonts, NULL);
  g_autofree char *minus = write_dataset (f, "minus.json", "\"id\": \"mt\",",
                                          "\"id\": \"mt\", \"color\": \"#-00001\",");
  g_autofree char *space = write_dataset (f, "space.json", "\"id\": \"mt\",",
                                          "\"id\": \"mt\", \"color\": \"# fffff\",");
  g_autoptr(GString) many = g_string_new ("\"bound\": \"more-than\", \"customers\": [");
  g_autofree char *crowd = NULL;
  const char *to_long[] = { "--export", long_path, "--chart", "losses", NULL };
  const char *to_deck[] = { "--export", deck_png, "--deck", NULL };
  const char *to_boxes[] = { "--export", boxes, "--chart", "losses", NULL };
  const char *no_fonts[] = { fonts_env, NULL };
  const char *colours[][3] = { { "--validate", minus, NULL }, { "--validate", space, NULL } };

  for (guint i = 0; i < 1001; i++)
    g_string_append_printf (many, "%s{\"name\": \"c%u\", \"share\": 0.01}", i ? ", " : "", i);
  g_string_append_c (many, ']');
  crowd = write_dataset (f, "crowd.json", "\"bound\": \"more-than\"", many->str);

  {
    g_autofree char *out = NULL, *err = NULL;

    /* 254 bytes: the temporary name must still fit */
    g_assert_cmpint (run_cli (to_long, FALSE, &out, &err), ==, 0);
    g_assert_true (g_file_test (long_path, G_FILE_TEST_IS_REGULAR));
  }
  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_cli (colours[i], FALSE, &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, ".color"));
    }
  {
    const char *args[] = { "--validate", crowd, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, FALSE, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "1001 entries, over the limit of 1000"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    /* a deck that cannot be written leaves no empty folder */
    g_assert_cmpint (run_cli (to_deck, TRUE, &out, &err), ==, 1);
    g_assert_false (g_file_test (deck_dir, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    br_test_write_text (fonts, "<?xml version=\"1.0\"?><fontconfig></fontconfig>");
    g_assert_cmpint (run_cli_env (to_boxes, no_fonts, FALSE, &out, &err), ==, 0);
    g_assert_nonnull (strstr (err, "no fonts"));
  }
}

/* ---- main ------------------------------------------------------------------------- */

static void
add_test (const char *path,
          void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/Br/Cli/export/ok", test_cli_ok);
  add_test ("/Br/Cli/export/usage", test_cli_usage);
  add_test ("/Br/Cli/export/unwritable", test_cli_unwritable);
  add_test ("/Br/Cli/export/untouched", test_cli_untouched);
  add_test ("/Br/Cli/export/all-or-nothing", test_cli_all_or_nothing);
  add_test ("/Br/Cli/other-options", test_cli_other_options);
  add_test ("/Br/Cli/validate-chart-needs", test_cli_validate_chart_needs);
  add_test ("/Br/Cli/deck", test_cli_deck);
  add_test ("/Br/Cli/hardening/not-a-file", test_cli_not_a_file);
  add_test ("/Br/Cli/hardening/extreme-figures", test_cli_extreme_figures);
  add_test ("/Br/Cli/hardening/not-the-dataset", test_cli_not_the_dataset);
  add_test ("/Br/Cli/hardening/replace-keeps", test_cli_replace_keeps);
  add_test ("/Br/Cli/hardening/all-or-none", test_cli_all_or_none);
  add_test ("/Br/Cli/hardening/usage-first", test_cli_usage_first);
  add_test ("/Br/Cli/hardening/deep-nesting", test_cli_deep_nesting);
  add_test ("/Br/Cli/hardening/bad-limits", test_cli_bad_limits);
  add_test ("/Br/Cli/hardening/pathological-text", test_cli_pathological_text);
  add_test ("/Br/Cli/hardening/interrupted", test_cli_interrupted);
  add_test ("/Br/Cli/hardening/smaller", test_cli_smaller);

  return g_test_run ();
}
