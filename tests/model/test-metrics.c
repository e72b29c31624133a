/* test-metrics.c: the article's claims C1–C10 (tests/data/claims.md) from the bundled dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "br-model.h"

#include "br-test-metrics.h"

static BrDataset *dataset;

static const BrCompany *
company (const char *id)
{
  const BrCompany *c = br_dataset_lookup_company (dataset, id);

  g_assert_nonnull (c);
  return c;
}

static GDate
day (int year, int month, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return date;
}

static double
sum (const char *id,
     BrMetric    metric,
     GDate       from,
     GDate       to,
     guint       expected_figures)
{
  double total;
  guint n = 0;
  BrUnit unit;

  br_unit_init (&unit, "CNY", BR_SCALE_YI);
  total = br_test_sum (dataset, company (id), metric, &from, &to, &unit, &n);
  g_assert_cmpuint (n, ==, expected_figures);

  return total;
}

/* C2: Moore Threads lost about 50亿 in 2022–2024: −18.40 −16.73 −14.92. */
static void
test_c2_moore_threads_losses (void)
{
  double total = sum ("moore-threads", BR_METRIC_NET_INCOME_ATTRIBUTABLE, day (2022, 1, 1),
                      day (2024, 12, 31), 3);

  g_assert_cmpfloat_with_epsilon (total, -50.05, 0.01);
}

/* C3: R&D 38.1亿 over the same years. */
static void
test_c3_moore_threads_rnd (void)
{
  double total = sum ("moore-threads", BR_METRIC_RND_EXPENSE, day (2022, 1, 1),
                      day (2024, 12, 31), 3);

  g_assert_cmpfloat_with_epsilon (total, 38.09, 0.01);
}

/* C4: revenue only about 6亿. */
static void
test_c4_moore_threads_revenue (void)
{
  double total = sum ("moore-threads", BR_METRIC_REVENUE, day (2022, 1, 1),
                      day (2024, 12, 31), 3);

  g_assert_cmpfloat_with_epsilon (total, 6.08, 0.01);
}

/* C5: MetaX lost 32.90亿 from 2022 to 2025 Q1: three fiscal years and one quarter. */
static void
test_c5_metax_losses (void)
{
  g_autofree const BrPeriod **periods = NULL;
  const BrCompany *metax = company ("metax");
  GDate from = day (2022, 1, 1), to = day (2025, 3, 31);
  double total = sum ("metax", BR_METRIC_NET_INCOME_ATTRIBUTABLE, from, to, 4);
  guint n;

  g_assert_cmpfloat_with_epsilon (total, -32.90, 0.01);

  periods = g_new0 (const BrPeriod *, metax->n_periods);
  n = br_metrics_select_periods (metax, &from, &to, periods);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (periods[0]->kind, ==, BR_PERIOD_FISCAL_YEAR);
  g_assert_cmpint (periods[2]->kind, ==, BR_PERIOD_FISCAL_YEAR);
  g_assert_cmpint (periods[3]->kind, ==, BR_PERIOD_QUARTER);
}

/* C6: MetaX's R&D (24.66亿) far exceeds its revenue (about 11亿) over the same range. */
static void
test_c6_metax_rnd_exceeds_revenue (void)
{
  GDate from = day (2022, 1, 1), to = day (2025, 3, 31);
  double rnd = sum ("metax", BR_METRIC_RND_EXPENSE, from, to, 4);
  double revenue = sum ("metax", BR_METRIC_REVENUE, from, to, 4);
  g_autoptr(GError) error = NULL;
  double intensity;

  g_assert_cmpfloat_with_epsilon (rnd, 24.66, 0.01);
  g_assert_cmpfloat_with_epsilon (revenue, 11.16, 0.3);
  g_assert_true (br_metrics_rnd_intensity (dataset, company ("metax"), &from, &to, &intensity,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (intensity, >, 2.0);
}

/* C7: Cambricon has lost over 33亿 since its 2020 listing (2020–2024: about −38.2亿). */
static void
test_c7_cambricon_losses (void)
{
  double total = sum ("cambricon", BR_METRIC_NET_INCOME_ATTRIBUTABLE, day (2020, 1, 1),
                      day (2024, 12, 31), 5);

  g_assert_cmpfloat (total, <, -33.0);
  g_assert_cmpfloat_with_epsilon (total, -38.17, 0.05);
}

static const BrMarketCap *
cap_on (const BrCompany *c,
        GDate            date)
{
  for (guint i = 0; i < c->n_market_caps; i++)
    {
      if (g_date_compare (&c->market_caps[i].date, &date) == 0)
        return &c->market_caps[i];
    }

  g_error ("%s has no market capitalisation on %d-%02d-%02d", c->id, g_date_get_year (&date),
           g_date_get_month (&date), g_date_get_day (&date));
  return NULL;
}

/* C1: Nvidia's market capitalisation reached $4 trillion, first on 9 July 2025. */
static void
test_c1_nvidia_four_trillion (void)
{
  const BrCompany *nvidia = br_dataset_get_benchmark (dataset);
  const BrMarketCap *cap;
  BrConversion usd;
  BrUnit trillions;

  g_assert_nonnull (nvidia);
  g_assert_cmpstr (nvidia->id, ==, "nvidia");
  cap = cap_on (nvidia, day (2025, 7, 9));
  br_unit_init (&trillions, "USD", BR_SCALE_TRILLION);
  g_assert_true (br_dataset_convert (dataset, &cap->amount, &cap->date, TRUE, &trillions, &usd));
  g_assert_cmpfloat (usd.value, >=, 4.0);
  g_assert_cmpfloat (usd.value, <, 4.1);

  /* no earlier capitalisation reached it */
  for (guint i = 0; i < nvidia->n_market_caps; i++)
    {
      const BrMarketCap *other = &nvidia->market_caps[i];

      if (g_date_compare (&other->date, &cap->date) < 0)
        {
          g_assert_true (br_dataset_convert (dataset, &other->amount, &other->date, TRUE,
                                             &trillions, &usd));
          g_assert_cmpfloat (usd.value, <, 4.0);
        }
    }
}

/* C8: Cambricon was valued at about 1 % of Nvidia: 1 % of $4T, in yuan at the dated
 * rate, is within a tenth of Cambricon's capitalisation in April 2025. */
static void
test_c8_cambricon_one_percent (void)
{
  const BrCompany *cambricon = company ("cambricon");
  const BrMarketCap *cap = cap_on (cambricon, day (2025, 4, 22));
  const BrMarketCap *reference = NULL;
  g_autoptr(GError) error = NULL;
  GDate when = day (2025, 7, 9);
  BrConversion conversion;
  double implied;
  BrUnit yi;

  br_unit_init (&yi, "CNY", BR_SCALE_YI);
  g_assert_true (br_metrics_implied_value (dataset, &when, 1.0, &yi, &implied, &reference,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (g_date_compare (&reference->date, &when) == 0);
  /* $40bn at about 7.15 yuan a dollar */
  g_assert_cmpfloat (implied, >, 2800);
  g_assert_cmpfloat (implied, <, 2950);

  g_assert_true (br_dataset_convert (dataset, &cap->amount, &cap->date, TRUE, &yi, &conversion));
  g_assert_cmpfloat_with_epsilon (conversion.value, 2901, 5);
  g_assert_null (conversion.rate);
  g_assert_cmpfloat (fabs (implied / conversion.value - 1), <, 0.1);
}

static const BrConcentration *
concentration_ending (const BrCompany *c,
                      GDate            end)
{
  for (guint i = 0; i < c->n_concentrations; i++)
    {
      if (g_date_compare (&c->concentrations[i].period->end, &end) == 0)
        return &c->concentrations[i];
    }

  g_error ("%s has no customer entry for the period ending %d-%02d-%02d", c->id,
           g_date_get_year (&end), g_date_get_month (&end), g_date_get_day (&end));
  return NULL;
}

/* C9: Moore Threads' top five customers: over 98 % of revenue in the latest period
 * (98.29 % in 2025 H1), and over 89 % in each year before. */
static void
test_c9_moore_threads_top5 (void)
{
  const BrCompany *mt = company ("moore-threads");
  const BrConcentration *latest = NULL;

  for (guint i = 0; i < mt->n_concentrations; i++)
    {
      if (latest == NULL ||
          g_date_compare (&mt->concentrations[i].period->end, &latest->period->end) > 0)
        latest = &mt->concentrations[i];
    }

  g_assert_nonnull (latest);
  g_assert_cmpfloat (latest->top5_share, >=, 98.0);
  g_assert_cmpint (latest->period->kind, ==, BR_PERIOD_HALF_YEAR);

  for (guint i = 0; i < mt->n_concentrations; i++)
    g_assert_cmpfloat (mt->concentrations[i].top5_share, >=, 89.0);
}

/* C10: MetaX's customer base moves fast: 91.58 %, 71.09 %, 88.35 %. */
static void
test_c10_metax_customers (void)
{
  const BrCompany *metax = company ("metax");
  const BrConcentration *c2023 = concentration_ending (metax, day (2023, 12, 31));
  const BrConcentration *c2024 = concentration_ending (metax, day (2024, 12, 31));
  const BrConcentration *c2025 = concentration_ending (metax, day (2025, 3, 31));

  g_assert_cmpfloat_with_epsilon (c2023->top5_share, 91.58, 1e-9);
  g_assert_cmpfloat_with_epsilon (c2024->top5_share, 71.09, 1e-9);
  g_assert_cmpfloat_with_epsilon (c2025->top5_share, 88.35, 1e-9);
  g_assert_cmpint (c2025->period->kind, ==, BR_PERIOD_QUARTER);

  /* the index is at least what an even split of the top five gives */
  g_assert_cmpfloat (br_metrics_hhi (c2024), >=, 5 * (71.09 / 5) * (71.09 / 5) - 1e-6);
  g_assert_cmpfloat (br_metrics_hhi (c2023), >, br_metrics_hhi (c2024));
}

/* Nvidia reports in dollars: its revenue in 亿元 uses the annual average of the year
 * holding the middle of its fiscal year, and says which rate it used. */
static void
test_nvidia_in_yuan (void)
{
  const BrCompany *nvidia = br_dataset_get_benchmark (dataset);
  g_autoptr(GError) error = NULL;
  const BrFigure *revenue = NULL;
  BrConversion conversion;
  BrUnit yi;

  for (guint i = 0; i < nvidia->n_figures; i++)
    {
      const BrFigure *f = &nvidia->figures[i];

      if (f->metric == BR_METRIC_REVENUE && g_date_get_year (&f->period->end) == 2024)
        revenue = f;
    }

  g_assert_nonnull (revenue);
  g_assert_cmpfloat_with_epsilon (revenue->amount.value, 60922, 0.5);
  g_assert_cmpint (revenue->amount.scale, ==, BR_SCALE_MILLION);

  br_unit_init (&yi, "CNY", BR_SCALE_YI);
  g_assert_true (br_metrics_figure_value (dataset, revenue, &yi, &conversion, &error));
  g_assert_no_error (error);
  g_assert_nonnull (conversion.rate);
  g_assert_cmpint (conversion.rate->kind, ==, BR_FX_ANNUAL_AVERAGE);
  g_assert_cmpint (conversion.rate->year, ==, 2023);
  g_assert_cmpfloat_with_epsilon (conversion.value, 60922e6 * conversion.rate->rate / 1e8,
                                  1e-6);
}

/* "x % of the benchmark" compares the benchmark's close of the same day, or its nearest
 * close, never an intraday peak nearer in time */
static void
test_benchmark_same_day (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts",
                                                 "benchmark-dates.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dates = br_dataset_load_file (file, NULL, NULL, NULL, &error);
  const BrCompany *sameday, *nearby;
  const BrMarketCap *compared = NULL;
  double ratio = 0;
  GDate when;

  g_assert_no_error (error);
  sameday = br_dataset_lookup_company (dates, "sameday");
  nearby = br_dataset_lookup_company (dates, "nearby");

  /* 5 Dec: the close (4.5T), not the intraday high of that day */
  g_assert_true (br_metrics_ratio_to_benchmark (dates, &sameday->market_caps[0], &ratio,
                                                &compared, &error));
  g_assert_cmpint (g_date_compare (&compared->date, &sameday->market_caps[0].date), ==, 0);
  g_assert_cmpint (compared->basis, ==, BR_CAP_CLOSE);
  g_assert_cmpfloat_with_epsilon (ratio, 45. / 4500, 1e-12);

  /* 11 Jul: the close of 1 Aug, though the intraday peak of 9 Jul is nearer */
  g_assert_true (br_metrics_ratio_to_benchmark (dates, &nearby->market_caps[0], &ratio,
                                                &compared, &error));
  g_date_clear (&when, 1);
  g_date_set_dmy (&when, 1, G_DATE_AUGUST, 2025);
  g_assert_cmpint (g_date_compare (&compared->date, &when), ==, 0);
  g_assert_cmpfloat_with_epsilon (ratio, 40. / 4000, 1e-12);
}

/* The period picker: years, or the halves or quarters a year is made of where reported;
 * what no chosen period covers still counts, a day never twice */
static void
test_select_periods_by (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", "quarters.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) quarters = br_dataset_load_file (file, NULL, NULL, NULL, &error);
  const BrCompany *quarterly, *yearly;
  const BrPeriod *chosen[8];
  static const struct { BrPeriodKind first; const char *ids; } cases[] = {
    { BR_PERIOD_FISCAL_YEAR, "FY2024 2025Q1" },
    { BR_PERIOD_HALF_YEAR, "2024H1 2024Q3 2024Q4 2025Q1" },
    { BR_PERIOD_QUARTER, "2024Q1 2024Q2 2024Q3 2024Q4 2025Q1" },
  };

  g_assert_no_error (error);
  quarterly = br_dataset_lookup_company (quarters, "quarterly");
  yearly = br_dataset_lookup_company (quarters, "yearly");
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      guint n = br_metrics_select_periods_by (quarterly, NULL, NULL, cases[c].first, chosen);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", chosen[i]->id);
      g_assert_cmpstr (ids->str, ==, cases[c].ids);

      /* a company with years alone shows its years */
      g_assert_cmpuint (br_metrics_select_periods_by (yearly, NULL, NULL, cases[c].first, chosen),
                        ==, 1);
      g_assert_cmpstr (chosen[0]->id, ==, "FY2024");
    }
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

  g_test_add_func ("/Br/Metrics/c1-nvidia-four-trillion", test_c1_nvidia_four_trillion);
  g_test_add_func ("/Br/Metrics/c2-moore-threads-losses", test_c2_moore_threads_losses);
  g_test_add_func ("/Br/Metrics/c3-moore-threads-rnd", test_c3_moore_threads_rnd);
  g_test_add_func ("/Br/Metrics/c4-moore-threads-revenue", test_c4_moore_threads_revenue);
  g_test_add_func ("/Br/Metrics/c5-metax-losses", test_c5_metax_losses);
  g_test_add_func ("/Br/Metrics/c6-metax-rnd-exceeds-revenue", test_c6_metax_rnd_exceeds_revenue);
  g_test_add_func ("/Br/Metrics/c7-cambricon-losses", test_c7_cambricon_losses);
  g_test_add_func ("/Br/Metrics/c8-cambricon-one-percent", test_c8_cambricon_one_percent);
  g_test_add_func ("/Br/Metrics/c9-moore-threads-top5", test_c9_moore_threads_top5);
  g_test_add_func ("/Br/Metrics/c10-metax-customers", test_c10_metax_customers);
  g_test_add_func ("/Br/Metrics/nvidia-in-yuan", test_nvidia_in_yuan);
  g_test_add_func ("/Br/Metrics/benchmark-same-day", test_benchmark_same_day);
  g_test_add_func ("/Br/Metrics/select-periods-by", test_select_periods_by);

  status = g_test_run ();
  g_clear_object (&dataset);

  return status;
}
