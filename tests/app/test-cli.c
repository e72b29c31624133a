/* test-cli.c: the burnrate command, run as a user runs it
 *
 * Each test starts the program meson built (BURNRATE_BIN) with no display, in a folder
 * of its own, and checks its exit status, what it printed and what it left on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
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

/* Runs burnrate with no display; returns its exit status and what it printed. */
static int
run_cli (const char * const *args,
         gboolean            limit_file_size,
         char              **out,
         char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, g_strdup (burnrate_path ()));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  if (limit_file_size)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size_cb, NULL, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
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
  const struct { const char *args[6]; const char *named; } cases[] = {
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
  add_test ("/Br/Cli/deck", test_cli_deck);

  return g_test_run ();
}
