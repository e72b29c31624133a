/* test-dataset.c: the shipped datasets, and the rules that keep their figures honest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "br-loader-private.h"
#include "br-model.h"

#include "br-test-metrics.h"

static BrDataset *
load_shipped (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets", name,
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  BrDataset *dataset;

  dataset = br_dataset_load_file (file, NULL, NULL, &problems, &error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = br_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }
  g_assert_no_error (error);

  return dataset;
}

static void
assert_sourced (const BrSource *source)
{
  g_assert_nonnull (source);
  g_assert_nonnull (source->title.en);
  g_assert_nonnull (source->publisher);
  g_assert_true (g_date_valid (&source->date));
  g_assert_nonnull (source->url);
  g_assert_true (g_str_has_prefix (source->url, "https://") ||
                 g_str_has_prefix (source->url, "http://"));
}

/* Every figure, share, capitalisation and rate names a complete source. */
static void
check_traceable (BrDataset *dataset)
{
  for (guint i = 0; i < br_dataset_get_n_sources (dataset); i++)
    assert_sourced (br_dataset_get_source (dataset, i));

  for (guint i = 0; i < br_dataset_get_n_fx_rates (dataset); i++)
    assert_sourced (br_dataset_get_fx_rate (dataset, i)->source);

  for (guint i = 0; i < br_dataset_get_n_companies (dataset); i++)
    {
      const BrCompany *c = br_dataset_get_company (dataset, i);

      g_assert_nonnull (c->name.zh);
      g_assert_true (c->has_color);
      for (guint j = 0; j < c->n_figures; j++)
        assert_sourced (c->figures[j].source);
      for (guint j = 0; j < c->n_concentrations; j++)
        assert_sourced (c->concentrations[j].source);
      for (guint j = 0; j < c->n_market_caps; j++)
        assert_sourced (c->market_caps[j].source);
    }
}

static void
test_bundled_matches_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  bundled = g_resources_lookup_data (BR_BUNDLED_DATASET_PATH, 0, &error);
  g_assert_no_error (error);
  path = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets", "china-gpu.json", NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled), contents,
                   length);
}

static void
test_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = br_dataset_load_bundled (&error);
  static const char *ids[] = { "moore-threads", "metax", "cambricon", "nvidia" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (br_dataset_lookup_company (dataset, ids[i]));

  g_assert_nonnull (br_dataset_get_title (dataset)->zh);
  check_traceable (dataset);
}

static void
test_challengers (void)
{
  g_autoptr(BrDataset) dataset = load_shipped ("china-gpu-challengers.json");
  static const char *ids[] = { "biren", "iluvatar", "enflame" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (br_dataset_lookup_company (dataset, ids[i]));

  check_traceable (dataset);
}

/* Nvidia's fiscal year ends on the last Sunday of January, not on 31 December. */
static void
test_nvidia_fiscal_years (void)
{
  g_autoptr(BrDataset) dataset = load_shipped ("china-gpu.json");
  const BrCompany *nvidia = br_dataset_lookup_company (dataset, "nvidia");
  guint n_years = 0;

  for (guint i = 0; i < nvidia->n_periods; i++)
    {
      const BrPeriod *p = &nvidia->periods[i];
      GDate next_week = p->end;

      if (p->kind != BR_PERIOD_FISCAL_YEAR)
        continue;

      n_years++;
      g_date_add_days (&next_week, 7);
      g_assert_cmpint (g_date_get_weekday (&p->end), ==, G_DATE_SUNDAY);
      g_assert_cmpint (g_date_get_month (&p->end), ==, G_DATE_JANUARY);
      g_assert_cmpint (g_date_get_month (&next_week), ==, G_DATE_FEBRUARY);
    }

  g_assert_cmpuint (n_years, >=, 6);
}

/* A period's midpoint, where charts place its figure and whose year's rate converts it:
 * a half-year's falls at its end of March, a fiscal year ending in January's in the
 * calendar year before. */
static void
test_period_midpoint (void)
{
  g_autoptr(BrDataset) dataset = load_shipped ("china-gpu.json");
  const BrCompany *nvidia = br_dataset_lookup_company (dataset, "nvidia");
  BrPeriod half = { .kind = BR_PERIOD_HALF_YEAR };
  GDate midpoint;

  g_date_set_dmy (&half.start, 1, G_DATE_JANUARY, 2024);
  g_date_set_dmy (&half.end, 30, G_DATE_JUNE, 2024);
  br_period_get_midpoint (&half, &midpoint);
  g_assert_cmpint (g_date_get_day (&midpoint), ==, 31);
  g_assert_cmpint (g_date_get_month (&midpoint), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_year (&midpoint), ==, 2024);

  for (guint i = 0; i < nvidia->n_periods; i++)
    {
      const BrPeriod *p = &nvidia->periods[i];

      if (p->kind != BR_PERIOD_FISCAL_YEAR)
        continue;
      br_period_get_midpoint (p, &midpoint);
      g_assert_cmpint (g_date_get_year (&midpoint), ==, g_date_get_year (&p->end) - 1);
      g_assert_cmpint (g_date_get_month (&midpoint), >=, G_DATE_JULY);
      g_assert_cmpint (g_date_get_month (&midpoint), <=, G_DATE_AUGUST);
    }
}

/* Cambricon turned its first profit in 2025, from the audited annual report; the
 * quarter's figure is marked unaudited. */
static void
test_cambricon_2025 (void)
{
  g_autoptr(BrDataset) dataset = load_shipped ("china-gpu.json");
  const BrCompany *cambricon = br_dataset_lookup_company (dataset, "cambricon");
  guint n_checked = 0;

  for (guint i = 0; i < cambricon->n_figures; i++)
    {
      const BrFigure *f = &cambricon->figures[i];

      if (g_date_get_year (&f->period->end) != 2025 || f->metric != BR_METRIC_NET_INCOME_ATTRIBUTABLE)
        continue;

      if (f->period->kind == BR_PERIOD_FISCAL_YEAR)
        {
          g_assert_cmpfloat_with_epsilon (f->amount.value, 20.59, 1e-9);
          g_assert_cmpint (f->status, ==, BR_STATUS_AUDITED);
        }
      else
        {
          g_assert_cmpint (f->period->kind, ==, BR_PERIOD_QUARTER);
          g_assert_cmpint (f->status, ==, BR_STATUS_UNAUDITED);
        }
      n_checked++;
    }

  g_assert_cmpuint (n_checked, ==, 2);
}

/* A quarter inside a fiscal year of the range is not added to it. */
static void
test_select_never_counts_twice (void)
{
  static const char text[] =
    "{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"t\","
    " \"updated\": \"2025-01-01\","
    " \"sources\": [{\"id\": \"s\", \"title\": \"t\", \"publisher\": \"p\", \"date\": \"2025-01-01\"}],"
    " \"companies\": [{\"id\": \"c\", \"name\": \"C\", \"periods\": ["
    "  {\"id\": \"FY2025\", \"kind\": \"fiscal-year\", \"start\": \"2025-01-01\", \"end\": \"2025-12-31\"},"
    "  {\"id\": \"2025Q1\", \"kind\": \"quarter\", \"start\": \"2025-01-01\", \"end\": \"2025-03-31\"},"
    "  {\"id\": \"2025H1\", \"kind\": \"half-year\", \"start\": \"2025-01-01\", \"end\": \"2025-06-30\"},"
    "  {\"id\": \"2026Q1\", \"kind\": \"quarter\", \"start\": \"2026-01-01\", \"end\": \"2026-03-31\"}],"
    " \"figures\": ["
    "  {\"period\": \"FY2025\", \"metric\": \"revenue\", \"value\": 10, \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"},"
    "  {\"period\": \"2025Q1\", \"metric\": \"revenue\", \"value\": 2, \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"},"
    "  {\"period\": \"2025H1\", \"metric\": \"revenue\", \"value\": 4, \"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"},"
    "  {\"period\": \"2026Q1\", \"metric\": \"revenue\", \"value\": 3, \"currency\": \"CNY\", \"scale\": \"wan\", \"source\": \"s\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = NULL;
  const BrCompany *c;
  BrUnit unit;
  double total;
  guint n;

  dataset = br_dataset_load_bytes (bytes, "t.json", NULL, NULL, &error);
  g_assert_no_error (error);
  c = br_dataset_lookup_company (dataset, "c");
  br_unit_init (&unit, "CNY", BR_SCALE_YI);

  total = br_test_sum (dataset, c, BR_METRIC_REVENUE, NULL, NULL, &unit, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat_with_epsilon (total, 10.0003, 1e-9);

  /* H1 alone, when the year is outside the range */
  {
    GDate from, to;

    g_date_clear (&from, 1);
    g_date_clear (&to, 1);
    g_date_set_dmy (&from, 1, 1, 2025);
    g_date_set_dmy (&to, 30, 9, 2025);
    total = br_test_sum (dataset, c, BR_METRIC_REVENUE, &from, &to, &unit, &n);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpfloat_with_epsilon (total, 4, 1e-9);
  }
}

/* Overlapping periods of one kind, and a period of the wrong length, are faults. */
static void
test_period_rules (void)
{
  static const char text[] =
    "{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"t\","
    " \"updated\": \"2025-01-01\","
    " \"sources\": [{\"id\": \"s\", \"title\": \"t\", \"publisher\": \"p\", \"date\": \"2025-01-01\"}],"
    " \"companies\": [{\"id\": \"c\", \"name\": \"C\", \"periods\": ["
    "  {\"id\": \"a\", \"kind\": \"quarter\", \"start\": \"2025-01-01\", \"end\": \"2025-03-31\"},"
    "  {\"id\": \"b\", \"kind\": \"quarter\", \"start\": \"2025-03-01\", \"end\": \"2025-05-31\"},"
    "  {\"id\": \"y\", \"kind\": \"fiscal-year\", \"start\": \"2025-01-01\", \"end\": \"2025-06-30\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  BrProblem *p;

  g_assert_null (br_dataset_load_bytes (bytes, "t.json", NULL, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (p->path, ==, "$.companies[0].periods[1].start");
  g_assert_nonnull (strstr (p->message, "overlaps period “a”"));
  p = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (p->path, ==, "$.companies[0].periods[2].end");
  g_assert_nonnull (strstr (p->message, "this one 181"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Br/Dataset/bundled", test_bundled);
  g_test_add_func ("/Br/Dataset/bundled-matches-file", test_bundled_matches_file);
  g_test_add_func ("/Br/Dataset/challengers", test_challengers);
  g_test_add_func ("/Br/Dataset/nvidia-fiscal-years", test_nvidia_fiscal_years);
  g_test_add_func ("/Br/Dataset/period-midpoint", test_period_midpoint);
  g_test_add_func ("/Br/Dataset/cambricon-2025", test_cambricon_2025);
  g_test_add_func ("/Br/Dataset/select-never-counts-twice", test_select_never_counts_twice);
  g_test_add_func ("/Br/Dataset/period-rules", test_period_rules);

  return g_test_run ();
}
