/* test-runway.c: burn, runway, raises and the scenario, on datasets written for the test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "br-loader-private.h"
#include "br-model.h"

#define HEAD \
  "{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"Runway test\",\n" \
  " \"updated\": \"2025-08-01\",\n" \
  " \"sources\": [{\"id\": \"s\", \"title\": \"Report\", \"publisher\": \"P\", " \
  "\"date\": \"2025-08-01\"}],\n" \
  " \"companies\": [\n"
#define FY(y) "{\"id\": \"FY" #y "\", \"kind\": \"fiscal-year\", \"start\": \"" #y "-01-01\", " \
  "\"end\": \"" #y "-12-31\"}"
#define H1(y) "{\"id\": \"" #y "H1\", \"kind\": \"half-year\", \"start\": \"" #y "-01-01\", " \
  "\"end\": \"" #y "-06-30\"}"
#define Q1(y) "{\"id\": \"" #y "Q1\", \"kind\": \"quarter\", \"start\": \"" #y "-01-01\", " \
  "\"end\": \"" #y "-03-31\"}"
#define FIG(p, m, v) "{\"period\": \"" p "\", \"metric\": \"" m "\", \"value\": " #v ", " \
  "\"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}"

/* Burns 10 a year (operating cash flow −8, capex 2) on 100 of cash and 40 of revenue;
 * its half-years make the trailing year at 2025 H1 10 + 7 − 4 = 13. */
static const char rich[] = HEAD
  "{\"id\": \"rich\", \"name\": \"Rich\", \"periods\": [" FY (2024) ", " H1 (2024) ", " H1 (2025)
  "],\n \"figures\": [" FIG ("FY2024", "revenue", 40) ", " FIG ("FY2024", "operating_cash_flow", -8)
  ", " FIG ("FY2024", "capex", 2) ", "
  "{\"period\": \"FY2024\", \"metric\": \"cash\", \"value\": 100, \"currency\": \"CNY\", "
  "\"scale\": \"yi\", \"source\": \"s\", \"liquid_investments\": true}, "
  FIG ("2024H1", "operating_cash_flow", -4) ", " FIG ("2025H1", "operating_cash_flow", -7) ", "
  FIG ("2025H1", "cash", 90) "]}]}";

/* Burns 40 a year on 20 of cash; its next raise, 50 net, comes in June 2026. */
static const char thin[] = HEAD
  "{\"id\": \"thin\", \"name\": \"Thin\", \"periods\": [" FY (2024) "],\n \"figures\": ["
  FIG ("FY2024", "revenue", 0) ", " FIG ("FY2024", "operating_cash_flow", -40) ", "
  FIG ("FY2024", "cash", 20) "],\n \"raises\": ["
  "{\"date\": \"2024-03-01\", \"kind\": \"private\", \"gross\": 30, \"currency\": \"CNY\", "
  "\"scale\": \"yi\", \"source\": \"s\"}, "
  "{\"date\": \"2026-06-30\", \"kind\": \"placement\", \"gross\": 5100, \"net\": 5000, "
  "\"currency\": \"CNY\", \"scale\": \"million\", \"source\": \"s\"}],\n"
  " \"guidance\": [{\"date\": \"2025-06-30\", \"text\": \"profit in 2027\", "
  "\"target_year\": 2027, \"source\": \"s\"}]}]}";

/* No cash flow at all: net income stands in for burn. */
static const char losses[] = HEAD
  "{\"id\": \"losses\", \"name\": \"Losses\", \"periods\": [" FY (2022) ", " FY (2023) ", "
  FY (2024) ", " Q1 (2025) "],\n \"figures\": [" FIG ("FY2022", "revenue", 1) ", "
  FIG ("FY2024", "revenue", 9) ", " FIG ("FY2023", "net_income_attributable", -12) ", "
  FIG ("FY2024", "net_income_attributable", -10) ", "
  FIG ("2025Q1", "net_income_attributable", -3) ", " FIG ("2025Q1", "cash", 9) "]}]}";

static BrDataset *
load (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  BrDataset *dataset = br_dataset_load_bytes (bytes, "runway.json", NULL, &problems, &error);

  if (problems != NULL)
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("%s\n", br_problem_to_string (g_ptr_array_index (problems, i)));
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static BrRunway *
compute (BrDataset  *dataset,
         const char *id,
         const char *scenario_spec)
{
  g_autoptr(BrScenarioSet) set = br_scenario_set_new ();
  g_autoptr(GError) error = NULL;
  BrScenario scenario;
  BrRunway *runway;
  BrUnit unit;

  if (scenario_spec != NULL)
    g_assert_true (br_scenario_set_parse (set, scenario_spec, &error));
  g_assert_no_error (error);
  br_scenario_set_get (set, id, &scenario);
  br_unit_init (&unit, "CNY", BR_SCALE_YI);
  runway = br_runway_compute (dataset, br_dataset_lookup_company (dataset, id), &unit,
                              &scenario, &error);
  g_assert_no_error (error);
  g_assert_nonnull (runway);
  return runway;
}

static void
test_never_runs_out (void)
{
  g_autoptr(BrDataset) dataset = load (rich);
  g_autoptr(BrRunway) runway = compute (dataset, "rich",
                                        "revenue-growth=0,cost-growth=0,gross-margin=50");
  const BrRunwayPoint *p;

  g_assert_cmpuint (runway->n_points, ==, 2);
  p = &runway->points[0];
  g_assert_true (p->cash_figure->liquid_investments);
  g_assert_cmpfloat_with_epsilon (p->burn_ttm, 10, 1e-9);
  g_assert_cmpint (p->basis, ==, BR_BURN_CASH_FLOW);
  g_assert_cmpfloat_with_epsilon (p->runway_months, 120, 1e-9);
  p = &runway->points[1];
  g_assert_false (p->annualised);
  g_assert_cmpfloat_with_epsilon (p->burn_ttm, 13, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->runway_months, 90 / (13 / 12.), 1e-9);

  /* from 90: revenue 10 a quarter at 50 %, cost 13/4 + 5 = 8.25, so −3.25 a quarter */
  g_assert_true (runway->has_projection);
  g_assert_cmpuint (runway->n_quarters, ==, 20);
  g_assert_cmpfloat_with_epsilon (runway->quarters[0].cash_flow, -3.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (runway->quarters[19].cash, 90 - 20 * 3.25, 1e-9);
  g_assert_cmpint (runway->runs_out, ==, -1);
  g_assert_cmpint (runway->break_even, ==, -1);
  g_assert_cmpint (g_date_get_year (&runway->quarters[0].start), ==, 2025);
  g_assert_cmpint (g_date_get_month (&runway->quarters[0].start), ==, 7);
  g_assert_cmpint (g_date_get_day (&runway->quarters[0].end), ==, 30);
  g_assert_cmpint (g_date_get_month (&runway->quarters[0].end), ==, 9);
}

/* Revenue doubling a year: 5 × 2^(t/4) ≥ 8.25 first at t = 3. */
static void
test_break_even (void)
{
  g_autoptr(BrDataset) dataset = load (rich);
  g_autoptr(BrRunway) runway = compute (dataset, "rich", "rich:revenue-growth=100,"
                                        "cost-growth=0,gross-margin=50");

  g_assert_cmpfloat_with_epsilon (runway->scenario.revenue_growth, 100, 1e-9);
  g_assert_cmpint (runway->break_even, ==, 2);
  g_assert_cmpfloat (runway->quarters[1].cash_flow, <, 0);
  g_assert_cmpfloat (runway->quarters[2].cash_flow, >=, 0);
}

static void
test_runs_out_before_raise (void)
{
  g_autoptr(BrDataset) dataset = load (thin);
  g_autoptr(BrRunway) runway = compute (dataset, "thin", "gross-margin=50,revenue-growth=0,"
                                        "cost-growth=0");
  const BrRunwayRaise *later;

  g_assert_cmpfloat_with_epsilon (runway->points[0].runway_months, 6, 1e-9);
  g_assert_cmpuint (runway->n_raises, ==, 2);
  /* the private round had no net figure; it came before any reported cash */
  g_assert_true (runway->raises[0].gross_only);
  g_assert_false (runway->raises[0].has_cash_after);
  later = &runway->raises[1];
  g_assert_cmpfloat_with_epsilon (later->amount, 50, 1e-9);
  g_assert_true (later->has_cash_after);
  g_assert_cmpfloat_with_epsilon (later->cash_after, 70, 1e-9);
  g_assert_cmpfloat_with_epsilon (runway->cumulative_raised, 80, 1e-9);
  g_assert_cmpfloat_with_epsilon (runway->cumulative_burned, 40, 1e-9);

  /* −10 a quarter from 20: 10, 0, −10 in Q3 2025; the raise lands in Q2 2026 */
  g_assert_cmpint (runway->runs_out, ==, 2);
  g_assert_cmpint (g_date_get_month (&runway->quarters[2].end), ==, 9);
  g_assert_cmpfloat_with_epsilon (runway->quarters[5].raised, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (runway->quarters[5].cash, 20 - 60 + 50, 1e-9);
  g_assert_cmpint (runway->break_even, ==, -1);
  g_assert_cmpuint (runway->company->n_guidance, ==, 1);
  g_assert_cmpint (runway->company->guidance[0].target_year, ==, 2027);
}

static void
test_no_cash_flow (void)
{
  g_autoptr(BrDataset) dataset = load (losses);
  g_autoptr(BrRunway) runway = compute (dataset, "losses", NULL);
  const BrRunwayPoint *p = br_runway_latest (runway);

  g_assert_cmpuint (runway->n_burns, ==, 3);
  g_assert_cmpint (runway->burns[0].basis, ==, BR_BURN_NET_LOSS_PROXY);
  g_assert_cmpint (p->basis, ==, BR_BURN_NET_LOSS_PROXY);
  g_assert_true (p->annualised);
  g_assert_cmpfloat_with_epsilon (p->burn_ttm, 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->runway_months, 9, 1e-9);
  g_assert_cmpfloat_with_epsilon (runway->cumulative_burned, 25, 1e-9);
  g_assert_true (runway->burned_uses_proxy);

  /* revenue 1 → 9 over two years is 200 % a year, capped at 100 % */
  g_assert_cmpfloat_with_epsilon (runway->defaults.revenue_growth, 100, 1e-9);
  g_assert_true (runway->capped & BR_SCENARIO_REVENUE_GROWTH);
  g_assert_true (runway->no_trend & BR_SCENARIO_GROSS_MARGIN);
  /* cost at 50 %: 2024 10 + 4.5, 2023 12 + 0 (FY2022 has no loss): 14.5 / 12 − 1 */
  g_assert_cmpfloat_with_epsilon (runway->defaults.cost_growth, (14.5 / 12 - 1) * 100, 1e-9);
  g_assert_false (runway->capped & BR_SCENARIO_COST_GROWTH);
  g_assert_cmpuint (runway->scenario.set, ==, 0);
}

/* A company that is not burning has no runway figure, only "not burning". */
static void
test_not_burning (void)
{
  static const char text[] = HEAD
    "{\"id\": \"ok\", \"name\": \"OK\", \"periods\": [" FY (2024) "], \"figures\": ["
    FIG ("FY2024", "operating_cash_flow", 3) ", " FIG ("FY2024", "cash", 5) "]}]}";
  g_autoptr(BrDataset) dataset = load (text);
  g_autoptr(BrRunway) runway = compute (dataset, "ok", NULL);

  g_assert_false (runway->points[0].burning);
  g_assert_cmpfloat_with_epsilon (runway->points[0].burn_ttm, -3, 1e-9);
  g_assert_true (runway->no_trend & BR_SCENARIO_REVENUE_GROWTH);
}

/* Another currency and a fiscal year ending in late January, in quarters of 52-week
 * years whose dates move a few days: the trailing year at Q1 FY2026 is FY2025 + Q1 FY2026
 * − Q1 FY2025 = 4000 + 1500 − 1000 = 4500 million USD, in billions 4.5. */
static void
test_january_fiscal_year (void)
{
  static const char text[] = HEAD
    "{\"id\": \"jan\", \"name\": \"Jan\", \"periods\": ["
    "{\"id\": \"FY2025\", \"kind\": \"fiscal-year\", \"start\": \"2024-01-29\", "
    "\"end\": \"2025-01-26\"}, "
    "{\"id\": \"Q1FY2025\", \"kind\": \"quarter\", \"start\": \"2024-01-29\", "
    "\"end\": \"2024-04-28\"}, "
    "{\"id\": \"Q1FY2026\", \"kind\": \"quarter\", \"start\": \"2025-01-27\", "
    "\"end\": \"2025-04-27\"}],\n \"figures\": ["
    "{\"period\": \"FY2025\", \"metric\": \"operating_cash_flow\", \"value\": -4000, "
    "\"currency\": \"USD\", \"scale\": \"million\", \"source\": \"s\"}, "
    "{\"period\": \"Q1FY2025\", \"metric\": \"operating_cash_flow\", \"value\": -1000, "
    "\"currency\": \"USD\", \"scale\": \"million\", \"source\": \"s\"}, "
    "{\"period\": \"Q1FY2026\", \"metric\": \"operating_cash_flow\", \"value\": -1500, "
    "\"currency\": \"USD\", \"scale\": \"million\", \"source\": \"s\"}, "
    "{\"period\": \"Q1FY2026\", \"metric\": \"cash\", \"value\": 9, "
    "\"currency\": \"USD\", \"scale\": \"billion\", \"source\": \"s\"}]}]}";
  g_autoptr(BrDataset) dataset = load (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(BrRunway) runway = NULL;
  const BrRunwayPoint *p;
  BrUnit unit;

  br_unit_init (&unit, "USD", BR_SCALE_BILLION);
  runway = br_runway_compute (dataset, br_dataset_lookup_company (dataset, "jan"), &unit, NULL,
                              &error);
  g_assert_no_error (error);
  p = br_runway_latest (runway);
  g_assert_false (p->annualised);
  g_assert_cmpfloat_with_epsilon (p->burn_ttm, 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->runway_months, 9 / (4.5 / 12), 1e-9);
  /* the first projected quarter starts the day after the report */
  g_assert_cmpint (g_date_get_day (&runway->quarters[0].start), ==, 28);
  g_assert_cmpint (g_date_get_month (&runway->quarters[0].start), ==, 4);
}

typedef struct
{
  const char *spec;
  const char *message;
} BadSpec;

static const BadSpec bad_specs[] = {
  { "revenue-growth=abc", "not “abc”" },
  { "revenue-growth=", "not “”" },
  { "gross-margin=150", "from -100 to 100" },
  { "cost-growth=nan", "not “nan”" },
  { "speed=3", "unknown assumption “speed”" },
  { "revenue-growth", "not NAME=PERCENT" },
  { ":revenue-growth=3", "empty company id" },
  { "revenue-growth=3,,", "not NAME=PERCENT" },
};

static void
test_scenario_parse (void)
{
  g_autoptr(BrScenarioSet) set = br_scenario_set_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = load (rich);
  g_autofree char *unknown = NULL;
  BrScenario s;

  g_assert_true (br_scenario_set_is_empty (set));
  g_assert_true (br_scenario_set_parse (set, "revenue-growth=40, metax:gross-margin=55.5,"
                                        "metax:revenue-growth=60", &error));
  g_assert_no_error (error);
  br_scenario_set_get (set, "metax", &s);
  g_assert_cmpfloat (s.revenue_growth, ==, 60);
  g_assert_cmpfloat (s.gross_margin, ==, 55.5);
  g_assert_cmpuint (s.set, ==, BR_SCENARIO_REVENUE_GROWTH | BR_SCENARIO_GROSS_MARGIN);
  br_scenario_set_get (set, "rich", &s);
  g_assert_cmpfloat (s.revenue_growth, ==, 40);
  g_assert_cmpuint (s.set, ==, BR_SCENARIO_REVENUE_GROWTH);
  unknown = br_scenario_set_unknown_company (set, dataset);
  g_assert_cmpstr (unknown, ==, "metax");

  for (guint i = 0; i < G_N_ELEMENTS (bad_specs); i++)
    {
      g_autoptr(BrScenarioSet) bad = br_scenario_set_new ();
      g_autoptr(GError) bad_error = NULL;

      g_assert_false (br_scenario_set_parse (bad, bad_specs[i].spec, &bad_error));
      g_assert_error (bad_error, BR_RUNWAY_ERROR, BR_RUNWAY_ERROR_SCENARIO);
      if (strstr (bad_error->message, bad_specs[i].message) == NULL)
        g_error ("“%s”: %s", bad_specs[i].spec, bad_error->message);
    }
}

typedef struct
{
  const char *member;
  const char *path;
  const char *message;
} BadMember;

static const BadMember bad_members[] = {
  { "\"raises\": [{\"date\": \"2025-01-01\", \"kind\": \"ipo\", \"gross\": 5, \"net\": 6, "
    "\"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}]",
    "$.companies[0].raises[0].net", "cannot exceed the gross" },
  { "\"raises\": [{\"date\": \"2025-01-01\", \"kind\": \"loan\", \"gross\": 5, "
    "\"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}]",
    "$.companies[0].raises[0].kind", "" },
  { "\"raises\": [{\"date\": \"2025-01-01\", \"kind\": \"debt\", "
    "\"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}]",
    "$.companies[0].raises[0]", "needs “gross”, “net” or both" },
  { "\"raises\": [{\"date\": \"2025-01-01\", \"kind\": \"debt\", \"net\": -1, "
    "\"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}]",
    "$.companies[0].raises[0].net", "greater than 0" },
  { "\"guidance\": [{\"date\": \"2025-01-01\", \"text\": \"x\", \"target_year\": 2027.5, "
    "\"source\": \"s\"}]", "$.companies[0].guidance[0].target_year", "whole year" },
  { "\"guidance\": [{\"date\": \"2025-01-01\", \"source\": \"nope\", \"text\": \"x\"}]",
    "$.companies[0].guidance[0].source", "" },
  { "\"figures\": [{\"period\": \"FY2024\", \"metric\": \"revenue\", \"value\": 1, "
    "\"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\", \"liquid_investments\": true}]",
    "$.companies[0].figures[0].liquid_investments", "only a cash figure" },
  { "\"figures\": [{\"period\": \"FY2024\", \"metric\": \"capex\", \"value\": -1, "
    "\"currency\": \"CNY\", \"scale\": \"yi\", \"source\": \"s\"}]",
    "$.companies[0].figures[0].value", "capex cannot be negative" },
};

static void
test_bad_members (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_members); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD "{\"id\": \"c\", \"name\": \"C\", "
                                               "\"periods\": [" FY (2024) "],\n %s}]}",
                                               bad_members[i].member);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      BrProblem *problem;

      g_assert_null (br_dataset_load_bytes (bytes, "bad.json", NULL, &problems, &error));
      g_assert_nonnull (problems);
      g_assert_cmpuint (problems->len, >=, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpstr (problem->path, ==, bad_members[i].path);
      g_assert_cmpuint (problem->line, ==, 6);
      g_assert_cmpuint (problem->column, >, 1);
      g_assert_nonnull (strstr (problem->message, bad_members[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Br/Runway/never-runs-out", test_never_runs_out);
  g_test_add_func ("/Br/Runway/break-even", test_break_even);
  g_test_add_func ("/Br/Runway/runs-out-before-raise", test_runs_out_before_raise);
  g_test_add_func ("/Br/Runway/no-cash-flow", test_no_cash_flow);
  g_test_add_func ("/Br/Runway/not-burning", test_not_burning);
  g_test_add_func ("/Br/Runway/january-fiscal-year", test_january_fiscal_year);
  g_test_add_func ("/Br/Runway/scenario-parse", test_scenario_parse);
  g_test_add_func ("/Br/Runway/bad-members", test_bad_members);

  return g_test_run ();
}
