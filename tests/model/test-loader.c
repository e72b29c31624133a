/* test-loader.c: every fault class the loader must catch, at its exact place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "br-loader-private.h"
#include "../br-test-data.h"
#include "br-model.h"

typedef struct
{
  const char *file;
  guint       line;
  guint       column;
  const char *path;
  const char *message;  /* a part of the message */
} FaultCase;

/* Lines and columns as tests/data/make-fixtures.py finds them by text search. */
static const FaultCase fault_cases[] = {
  { "negative-share", 23, 44, "$.companies[0].customers[0].top5_share", "cannot be negative" },
  { "share-over-100", 23, 44, "$.companies[0].customers[0].top5_share", "above 100 %" },
  { "non-finite", 20, 60, "$.companies[0].figures[0].value", "1e400 is out of range" },
  { "nan", 20, 60, "$.companies[0].figures[0].value", "NaN" },
  { "no-currency", 20, 9, "$.companies[0].figures[0]", "missing member “currency”" },
  { "unknown-currency", 20, 78, "$.companies[0].figures[0].currency", "unknown currency “XBT”" },
  { "unknown-period-kind", 17, 34, "$.companies[0].periods[0].kind", "“fiscal-decade”" },
  { "duplicate-source-id", 8, 12, "$.sources[1].id", "duplicate source id “src”" },
  { "dangling-source", 20, 110, "$.companies[0].figures[0].source", "no source has the id" },
  { "fx-missing", 20, 78, "$.companies[0].figures[0].currency",
    "no exchange rate for 2023 links CNY to USD, so 2 amounts" },
  { "fx-pivot-missing", 29, 77, "$.companies[0].figures[0].currency",
    "no exchange rate for 2023 links KRW to USD, HKD, so 7 amounts cannot be converted" },
  { "trailing-garbage", 31, 1, "$", "after the end of the JSON document" },
  { "trailing-comma", 21, 7, NULL, "trailing comma" },
  /* found by libFuzzer with UBSan: a year of 2e24 was converted to int before the check */
  { "fuzz-fx-year-out-of-range", 11, 85, "$.fx[0].year", "must be a year between 1900 and 2200" },
};

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "invalid", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static BrDataset *
load_expecting_failure (GBytes         *bytes,
                        const BrLimits *limits,
                        GPtrArray     **problems)
{
  g_autoptr(GError) error = NULL;
  BrDataset *dataset;

  dataset = br_dataset_load_bytes (bytes, "fixture.json", limits, problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_INVALID);
  g_assert_nonnull (*problems);
  g_assert_cmpuint ((*problems)->len, >=, 1);

  return dataset;
}

static void
assert_problem (const BrProblem *problem,
                guint            line,
                guint            column,
                const char      *path,
                const char      *message)
{
  g_assert_cmpstr (problem->file, ==, "fixture.json");
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpuint (problem->column, ==, column);
  if (path != NULL)
    g_assert_cmpstr (problem->path, ==, path);
  if (strstr (problem->message, message) == NULL)
    g_error ("“%s” does not say “%s”", problem->message, message);
}

static void
test_fault (gconstpointer data)
{
  const FaultCase *fault = data;
  g_autofree char *name = g_strconcat (fault->file, ".json", NULL);
  g_autoptr(GBytes) bytes = load_fixture (name);
  g_autoptr(GPtrArray) problems = NULL;

  load_expecting_failure (bytes, NULL, &problems);

  /* a fixture from the fuzzer may hold other faults too: find the one it is about */
  for (guint i = 0; fault->path != NULL && i < problems->len; i++)
    {
      BrProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->path, fault->path) == 0)
        {
          assert_problem (problem, fault->line, fault->column, fault->path, fault->message);
          return;
        }
    }

  assert_problem (g_ptr_array_index (problems, 0), fault->line, fault->column, fault->path,
                  fault->message);
}

static void
test_valid_base (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid-base.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = NULL;
  const BrCompany *company;
  const BrConcentration *concentration;

  dataset = br_dataset_load_file (file, NULL, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_nonnull (dataset);

  g_assert_cmpuint (br_dataset_get_n_companies (dataset), ==, 1);
  company = br_dataset_lookup_company (dataset, "mt");
  g_assert_nonnull (company);
  g_assert_cmpstr (br_company_get_name (company, BR_LANGUAGE_ZH), ==, "摩尔线程");
  g_assert_cmpstr (br_company_get_name (company, BR_LANGUAGE_EN), ==, "Moore Threads");
  g_assert_cmpuint (company->n_figures, ==, 1);
  g_assert_cmpfloat_with_epsilon (company->figures[0].amount.value, 1.24, 1e-12);
  g_assert_cmpint (company->figures[0].amount.scale, ==, BR_SCALE_YI);
  g_assert_cmpstr (company->figures[0].source->publisher, ==, "SSE");
  concentration = br_company_find_concentration (company, company->figures[0].period);
  g_assert_nonnull (concentration);
  g_assert_cmpint (concentration->bound, ==, BR_BOUND_MORE_THAN);
}

/* A file with several faults reports each of them, in file order. */
static void
test_every_problem (void)
{
  static const char text[] =
    "{\"format\": \"burnrate-dataset\", \"version\": 1,\n"
    " \"title\": 3, \"updated\": \"2025-13-01\",\n"
    " \"sources\": [], \"companies\": [{\"id\": \"bad id\"}], \"extra\": 1}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GPtrArray) problems = NULL;

  load_expecting_failure (bytes, NULL, &problems);
  g_assert_cmpuint (problems->len, ==, 7);
  assert_problem (g_ptr_array_index (problems, 0), 2, 11, "$.title", "must be a string");
  assert_problem (g_ptr_array_index (problems, 1), 2, 25, "$.updated", "is not a date");
  assert_problem (g_ptr_array_index (problems, 2), 3, 13, "$.sources", "at least one source");
  assert_problem (g_ptr_array_index (problems, 3), 3, 31, "$.companies[0]",
                  "missing member “name”");
  assert_problem (g_ptr_array_index (problems, 4), 3, 31, "$.companies[0]",
                  "missing member “periods”");
  assert_problem (g_ptr_array_index (problems, 5), 3, 38, "$.companies[0].id",
                  "not a valid id");
  assert_problem (g_ptr_array_index (problems, 6), 3, 59, "$.extra", "unknown member");
}

/* The cap on problems bounds the work and the output, and the error counts them all. */
static void
test_problem_cap (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"burnrate-dataset\", \"version\": 1");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  BrLimits limits;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, ", \"unknown%u\": %u", i, i);
  g_string_append (text, "}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  br_limits_init_default (&limits);
  limits.max_problems = 100;
  g_assert_null (br_dataset_load_bytes (bytes, "fixture.json", &limits, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 100);
  g_assert_nonnull (strstr (error->message, "503 problems"));
}

typedef struct
{
  const char *name;
  const char *bytes;
  gsize       length;
  guint       line;
  guint       column;
  const char *message;
} ByteCase;

#define B(literal) literal, sizeof (literal) - 1

static const ByteCase byte_cases[] = {
  { "bom", B ("\xef\xbb\xbf{}"), 1, 1, "byte-order mark" },
  { "nul", B ("{\"a\":\n \"x\0y\"}"), 2, 4, "NUL byte" },
  { "bad-utf8", B ("{\"a\":\n  \"caf\xe9\"}"), 2, 7, "invalid UTF-8" },
  { "gzip", B ("\x1f\x8b\x08\x00\x00\x00\x00\x00"), 1, 1, "gzip" },
  { "xml", B ("<?xml version=\"1.0\"?>\n<dataset/>"), 1, 1, "XML" },
  { "empty", B ("  \n"), 2, 1, "empty" },
  { "array-root", B ("[1, 2]"), 1, 1, "top level must be a JSON object" },
  { "truncated", B ("{\"a\": [1, 2"), 1, 12, "unexpected end of file" },
  { "duplicate-member", B ("{\"a\": 1,\n \"a\": 2}"), 2, 2, "duplicate member “a”" },
  { "lone-surrogate", B ("{\"a\": \"\\ud800\"}"), 1, 8, "surrogate" },
  { "control-char", B ("{\"a\": \"x\ty\"}"), 1, 9, "control character U+0009" },
  { "huge-integer", B ("{\"a\": 123456789012345678901234}"), 1, 7, "too large" },
  { "leading-zero", B ("{\"a\": 012}"), 1, 7, "start with 0" },
  { "bareword", B ("{\"a\": yes}"), 1, 7, "unexpected character “y”" },
  { "infinity", B ("{\"a\": -Infinity}"), 1, 7, "Infinity" },
};

static void
test_bytes (gconstpointer data)
{
  const ByteCase *c = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (c->bytes, c->length);
  g_autoptr(GPtrArray) problems = NULL;

  load_expecting_failure (bytes, NULL, &problems);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (g_ptr_array_index (problems, 0), c->line, c->column, NULL, c->message);
}

/* json-glib 1.6 overflows the stack on deep nesting: the scanner must stop it first. */
static void
test_deep_nesting (void)
{
  const gsize depth = 200000;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GString *text = g_string_new ("{\"a\": ");

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  bytes = g_string_free_to_bytes (text);

  load_expecting_failure (bytes, NULL, &problems);
  assert_problem (g_ptr_array_index (problems, 0), 1, 7 + 63, NULL, "nesting deeper than the "
                  "limit of 64 levels; set BURNRATE_MAX_DEPTH");
}

static void
test_long_string (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GString *text = g_string_new ("{\"title\": \"");

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "亿");
  g_string_append (text, "\"}");
  bytes = g_string_free_to_bytes (text);

  load_expecting_failure (bytes, NULL, &problems);
  assert_problem (g_ptr_array_index (problems, 0), 1, 11, "$.title",
                  "longer than the limit of 16384 characters");
}

/* Giant arrays and files of millions of values stop in the scanner, before json-glib
 * would spend seconds and gigabytes on them. */
static void
test_array_and_value_limits (void)
{
  g_autoptr(GString) text = g_string_new ("{\"sources\": [");
  g_autoptr(GString) nested = g_string_new ("{\"x\": [");
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) more = NULL;
  BrLimits limits;

  br_limits_init_default (&limits);
  g_assert_cmpuint (limits.max_array, ==, 100000);
  g_assert_cmpuint (limits.max_values, ==, 6000000);

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, i > 0 ? ",0" : "0");
  g_string_append (text, "]}");
  a = g_string_free_to_bytes (g_steal_pointer (&text));
  load_expecting_failure (a, NULL, &problems);
  /* "{"sources": [" is 13 characters, then "0," a value: the 100,001st starts here */
  assert_problem (g_ptr_array_index (problems, 0), 1, 14 + 2 * 100000, "$.sources",
                  "longer than the limit of 100000 elements; set BURNRATE_MAX_ARRAY");

  limits.max_values = 1000;
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (nested, "%s[%s]", i > 0 ? "," : "",
                            "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
                            "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
                            "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0");
  g_string_append (nested, "]}");
  b = g_string_free_to_bytes (g_steal_pointer (&nested));
  load_expecting_failure (b, &limits, &more);
  g_assert_nonnull (strstr (((BrProblem *)g_ptr_array_index (more, 0))->message,
                            "more than 1000 values in the file; set BURNRATE_MAX_VALUES"));
}

static void
test_size_limit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid-base.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  BrLimits limits;

  br_limits_init_default (&limits);
  g_assert_cmpuint (limits.max_file_size, ==, 64 * 1024 * 1024);
  limits.max_file_size = 100;
  g_assert_null (br_dataset_load_file (file, &limits, NULL, &problems, &error));
  g_assert_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "BURNRATE_MAX_FILE_SIZE"));
  g_assert_null (problems);
}

static void
test_limits_from_environment (void)
{
  static const char *bad[] = {
    "0", "-1", "abc", "20M", "1e7", " 9", "+9", "", "18446744073709551616", "20001",
  };
  g_autoptr(GError) error = NULL;
  BrLimits limits;

  g_setenv ("BURNRATE_MAX_DEPTH", "9", TRUE);
  g_setenv ("BURNRATE_MAX_STRING", "100000", TRUE);
  g_assert_true (br_limits_init_from_env (&limits, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (limits.max_depth, ==, 9);
  g_assert_cmpuint (limits.max_string, ==, 100000);
  g_unsetenv ("BURNRATE_MAX_STRING");

  /* each refused, naming the variable and the range, the default kept */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_setenv ("BURNRATE_MAX_DEPTH", bad[i], TRUE);
      g_assert_false (br_limits_init_from_env (&limits, &error));
      g_assert_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_LIMIT);
      g_assert_nonnull (strstr (error->message, "BURNRATE_MAX_DEPTH"));
      g_assert_nonnull (strstr (error->message, "from 1 to 20000"));
      g_assert_cmpuint (limits.max_depth, ==, 64);
      g_clear_error (&error);
    }
  g_unsetenv ("BURNRATE_MAX_DEPTH");
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/burnrate.json");
  g_autoptr(GError) error = NULL;

  g_assert_null (br_dataset_load_file (file, NULL, NULL, NULL, &error));
  g_assert_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/burnrate.json"));
}

static void
test_directory (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GError) error = NULL;

  g_assert_null (br_dataset_load_file (file, NULL, NULL, NULL, &error));
  g_assert_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "folder"));
}

/* Text from a file is kept literally: markup and format directives are only text. */
static void
test_hostile_text_is_literal (void)
{
  static const char text[] =
    "{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"<b>%s%n</b> &amp;\","
    " \"updated\": \"2025-01-01\","
    " \"sources\": [{\"id\": \"s\", \"title\": \"\\u202eevil\", \"publisher\": \"%x\","
    "  \"date\": \"2025-01-01\"}],"
    " \"companies\": [{\"id\": \"c\", \"name\": \"A\\u200dB 🚀\", \"periods\": []}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = NULL;

  dataset = br_dataset_load_bytes (bytes, "hostile.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (br_dataset_get_title (dataset)->en, ==, "<b>%s%n</b> &amp;");
  g_assert_cmpstr (br_dataset_get_source (dataset, 0)->publisher, ==, "%x");
  g_assert_cmpstr (br_dataset_get_company (dataset, 0)->name.en, ==, "A\u200dB 🚀");
}

/* Companies are parsed one at a time: what is not a company object is still reported
 * where it stands, and a "companies" that is not an array says so. */
static void
test_companies_shape (void)
{
  static const char head[] =
    "{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"t\","
    " \"updated\": \"2025-01-01\","
    " \"sources\": [{\"id\": \"s\", \"title\": \"t\", \"publisher\": \"p\", \"date\": \"2025-01-01\"}],\n";
  g_autofree char *elements = g_strconcat (head, " \"companies\": [7, \"x\", {\"id\": \"c\", \"name\": \"C\","
                                           " \"periods\": []}, [], {}]}", NULL);
  g_autofree char *object = g_strconcat (head, " \"companies\": {}}", NULL);
  g_autoptr(GBytes) a = g_bytes_new (elements, strlen (elements));
  g_autoptr(GBytes) b = g_bytes_new (object, strlen (object));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) more = NULL;

  load_expecting_failure (a, NULL, &problems);
  g_assert_cmpuint (problems->len, ==, 6);
  assert_problem (g_ptr_array_index (problems, 0), 2, 16, "$.companies[0]", "not a number");
  assert_problem (g_ptr_array_index (problems, 1), 2, 19, "$.companies[1]", "not a string");
  assert_problem (g_ptr_array_index (problems, 2), 2, 65, "$.companies[3]", "not an array");
  assert_problem (g_ptr_array_index (problems, 3), 2, 69, "$.companies[4]", "missing member “id”");
  assert_problem (g_ptr_array_index (problems, 4), 2, 69, "$.companies[4]", "missing member “name”");
  assert_problem (g_ptr_array_index (problems, 5), 2, 69, "$.companies[4]",
                  "missing member “periods”");

  load_expecting_failure (b, NULL, &more);
  g_assert_cmpuint (more->len, ==, 1);
  assert_problem (g_ptr_array_index (more, 0), 2, 15, "$.companies", "must be an array, not an object");
}

/* USD, HKD and KRW with rates to USD only: every pair converts through it, and the
 * conversion names both rates it took */
static void
test_fx_pivot (void)
{
  g_autoptr(BrDataset) dataset = br_test_load_chart_dataset ("usd-hkd-krw.json");
  const BrCompany *harbour = br_dataset_lookup_company (dataset, "harbour");
  const BrFigure *figure = &harbour->figures[1];  /* 2024H1, −312 HKD million */
  BrUnit krw = { { "KRW" }, BR_SCALE_BILLION }, usd = { { "USD" }, BR_SCALE_MILLION };
  BrConversion out;
  GDate midpoint;

  g_date_clear (&midpoint, 1);
  g_date_set_dmy (&midpoint, 1, 4, 2024);
  g_assert_true (br_dataset_convert (dataset, &figure->amount, &midpoint, FALSE, &krw, &out));
  g_assert_cmpfloat_with_epsilon (out.value, -312e6 * 1364 / 7.8 / 1e9, 1e-9);
  g_assert_nonnull (out.rate);
  g_assert_cmpstr (out.rate->base.code, ==, "HKD");
  g_assert_cmpstr (out.rate->quote.code, ==, "KRW");
  g_assert_cmpint (out.rate->year, ==, 2024);
  g_assert_nonnull (out.rate->legs[0]);
  g_assert_nonnull (out.rate->legs[1]);
  g_assert_cmpfloat (out.rate->legs[0]->rate, ==, 7.8);
  g_assert_cmpfloat (out.rate->legs[1]->rate, ==, 1364);

  /* a rate from the file is used as it is */
  g_assert_true (br_dataset_convert (dataset, &figure->amount, &midpoint, FALSE, &usd, &out));
  g_assert_cmpfloat_with_epsilon (out.value, -312 / 7.8, 1e-9);
  g_assert_null (out.rate->legs[0]);
}

/* One missing rate is one problem, however many amounts it strands */
static void
test_fx_one_problem_per_cause (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("fx-pivot-missing.json");
  g_autoptr(GPtrArray) problems = NULL;

  load_expecting_failure (bytes, NULL, &problems);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (g_ptr_array_index (problems, 0), 29, 77, "$.companies[0].figures[0].currency",
                  "add an annual-average rate for 2023 between KRW and USD");
}

/* The dataset's title, its charts' titles and subtitles, and how it is shown */
static void
test_titles (void)
{
  g_autoptr(BrDataset) krw = br_test_load_chart_dataset ("usd-hkd-krw.json");
  g_autoptr(BrDataset) hkd = br_test_load_chart_dataset ("hkd-halves.json");
  const BrText *title;

  /* no title of its own: the file's name */
  g_assert_cmpstr (br_dataset_get_title (krw)->en, ==, "usd-hkd-krw");
  g_assert_cmpstr (br_dataset_get_title (hkd)->zh, ==, "港股芯片设计公司（测试）");

  title = br_dataset_get_chart_title (krw, "losses");
  g_assert_nonnull (title);
  g_assert_cmpstr (br_text_get (title, BR_LANGUAGE_EN), ==, "Three markets, three currencies");
  g_assert_cmpstr (br_text_get (title, BR_LANGUAGE_ZH), ==, "三个市场，三种货币");
  g_assert_cmpstr (br_text_get (br_dataset_get_chart_subtitle (krw, "losses"), BR_LANGUAGE_ZH),
                   ==, "按报告的净利润");
  g_assert_cmpstr (br_text_get (br_dataset_get_chart_title (krw, "valuation"), BR_LANGUAGE_ZH),
                   ==, "Market value, one currency");
  g_assert_null (br_dataset_get_chart_subtitle (krw, "valuation"));
  g_assert_null (br_dataset_get_chart_title (krw, "rnd"));
  g_assert_null (br_dataset_get_chart_title (hkd, "losses"));
  g_assert_null (br_dataset_get_chart_title (krw, "pie"));
}

/* "charts" and "display" are checked like the rest, at their place */
static void
test_charts_and_display_faults (void)
{
  static const char text[] =
    "{\"format\": \"burnrate-dataset\", \"version\": 1, \"updated\": \"2025-01-01\",\n"
    " \"charts\": {\"losses\": {\"title\": 4, \"sub\": \"x\"}, \"pie\": {}, \"rnd\": []},\n"
    " \"display\": {\"currency\": \"KRW\", \"scale\": \"trillion\"},\n"
    " \"sources\": [{\"id\": \"s\", \"title\": \"t\", \"publisher\": \"p\", \"date\": \"2025-01-01\"}],\n"
    " \"companies\": [{\"id\": \"c\", \"name\": \"C\", \"periods\": []}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GPtrArray) problems = NULL;

  load_expecting_failure (bytes, NULL, &problems);
  g_assert_cmpuint (problems->len, ==, 5);
  assert_problem (g_ptr_array_index (problems, 0), 2, 33, "$.charts.losses.title",
                  "must be a string or an object");
  assert_problem (g_ptr_array_index (problems, 1), 2, 43, "$.charts.losses.sub", "unknown member");
  assert_problem (g_ptr_array_index (problems, 2), 2, 56, "$.charts.pie", "unknown member");
  assert_problem (g_ptr_array_index (problems, 3), 2, 67, "$.charts.rnd", "must be an object");
  assert_problem (g_ptr_array_index (problems, 4), 3, 42, "$.display.scale",
                  "use “million” or “billion”");
}

/* A dataset's "display" is the unit its charts start in */
static void
test_display (void)
{
  static const char text[] =
    "{\"format\": \"burnrate-dataset\", \"version\": 1, \"title\": \"t\", \"updated\": \"2025-01-01\",\n"
    " \"display\": {\"currency\": \"EUR\", \"scale\": \"million\"},\n"
    " \"sources\": [{\"id\": \"s\", \"title\": \"t\", \"publisher\": \"p\", \"date\": \"2025-01-01\"}],\n"
    " \"fx\": [{\"base\": \"EUR\", \"quote\": \"USD\", \"rate\": 1.08, \"kind\": \"annual-average\", \"year\": 2024, \"source\": \"s\"}],\n"
    " \"companies\": [{\"id\": \"c\", \"name\": \"C\", \"periods\": [{\"id\": \"FY2024\", \"kind\": \"fiscal-year\",\n"
    "   \"start\": \"2024-01-01\", \"end\": \"2024-12-31\"}], \"figures\": [{\"period\": \"FY2024\",\n"
    "   \"metric\": \"revenue\", \"value\": 4, \"currency\": \"USD\", \"scale\": \"billion\", \"source\": \"s\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = br_dataset_load_bytes (bytes, "display.json", NULL, NULL, &error);
  BrCurrency currency;
  BrScale scale;
  BrUnit unit;

  g_assert_no_error (error);
  g_assert_true (br_dataset_get_display (dataset, &currency, &scale));
  g_assert_cmpstr (currency.code, ==, "EUR");
  g_assert_cmpint (scale, ==, BR_SCALE_MILLION);
  br_unit_for_dataset (dataset, &unit);
  g_assert_cmpstr (unit.currency.code, ==, "EUR");
  g_assert_cmpint (unit.scale, ==, BR_SCALE_MILLION);
}

/* A file of @n_companies, a company a few lines, ~16 KB each. With @bad, the first
 * company's and the last company's first figure have an unknown currency, whose lines
 * go to @bad_lines[0] and [1]. */
static char *
write_big_file (guint     n_companies,
                gboolean  bad,
                guint    *bad_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  guint line = 1;
  int fd;

  g_string_append (text, "{\"format\": \"burnrate-dataset\", \"version\": 1, \"updated\": \"2025-01-01\",\n"
                         " \"sources\": [{\"id\": \"s\", \"title\": \"Reports\", \"publisher\": \"Filings\","
                         " \"date\": \"2025-01-01\"}],\n \"fx\": [\n");
  line += 3;
  for (guint y = 2015; y < 2025; y++, line++)
    g_string_append_printf (text, "  {\"base\": \"USD\", \"quote\": \"CNY\", \"rate\": 7.0, "
                            "\"kind\": \"annual-average\", \"year\": %u, \"source\": \"s\"}%s\n",
                            y, y < 2024 ? "," : "");
  g_string_append (text, " ],\n \"companies\": [\n");
  line += 2;
  for (guint n = 0; n < n_companies; n++)
    {
      g_string_append_printf (text, "  {\"id\": \"c%u\", \"name\": {\"en\": \"Company %u\"},\n"
                              "   \"periods\": [", n, n);
      line++;
      for (guint y = 2015; y < 2025; y++)
        for (guint q = 1; q <= 4; q++)
          g_string_append_printf (text, "%s{\"id\": \"%uQ%u\", \"kind\": \"quarter\", "
                                  "\"start\": \"%u-%02u-01\", \"end\": \"%u-%02u-%02u\"}",
                                  y == 2015 && q == 1 ? "" : ", ", y, q, y, q * 3 - 2, y,
                                  q * 3, q == 1 || q == 4 ? 31 : 30);
      g_string_append (text, "],\n   \"figures\": [\n");
      line += 2;
      for (guint y = 2015; y < 2025; y++)
        for (guint q = 1; q <= 4; q++, line++)
          {
            gboolean wrong = bad && y == 2015 && q == 1 && (n == 0 || n == n_companies - 1);

            if (wrong)
              bad_lines[n == 0 ? 0 : 1] = line;
            g_string_append_printf (text, "    {\"period\": \"%uQ%u\", \"metric\": \"revenue\", "
                                    "\"value\": %u.5, \"currency\": \"%s\", \"scale\": \"yi\", "
                                    "\"source\": \"s\"}%s\n", y, q, n % 7,
                                    wrong ? "XBT" : "CNY", y == 2024 && q == 4 ? "" : ",");
          }
      g_string_append_printf (text, "   ]}%s\n", n + 1 < n_companies ? "," : "");
      line++;
    }
  g_string_append (text, " ]\n}\n");

  fd = g_file_open_tmp ("burnrate-big-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return path;
}

/* Problems in a big file are placed exactly, though the loader gave back the pages of
 * the companies it had read: it reads them again to place them */
static void
test_big_file_problems (void)
{
  guint lines[2] = { 0, 0 };
  /* 1.5 MB: more than a megabyte of companies is given back, and the test stays short
   * under AddressSanitizer */
  g_autofree char *path = write_big_file (200, TRUE, lines);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (br_dataset_load_file (file, NULL, NULL, &problems, &error));
  g_assert_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const BrProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *expected = g_strdup_printf ("$.companies[%u].figures[0].currency",
                                                   i == 0 ? 0 : 199);

      g_assert_cmpstr (problem->path, ==, expected);
      g_assert_cmpuint (problem->line, ==, lines[i]);
      g_assert_cmpuint (problem->column, ==, 73);
    }
  g_unlink (path);
}

static gsize
peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  hwm = strstr (status, "VmHWM:");
  g_assert_nonnull (hwm);

  return g_ascii_strtoull (hwm + strlen ("VmHWM:"), NULL, 10) * 1024;
}

/* A big file's bytes and its dataset are never held whole at once: the companies'
 * pages go as they are read, so loading takes little more than the file's size */
static void
test_big_file_memory (void)
{
  g_autofree char *path = NULL;
  struct stat st;
  gsize before;

#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("AddressSanitizer keeps freed memory and pads the rest");
  return;
#endif

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("BR_TEST_BIG_FILE"));
      g_autoptr(BrDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_stat (g_getenv ("BR_TEST_BIG_FILE"), &st), ==, 0);
      before = peak_rss ();
      dataset = br_dataset_load_file (file, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (br_dataset_get_n_companies (dataset), ==, 600);
      g_test_message ("peak RSS grew by %.2f× the file", (double)(peak_rss () - before) / st.st_size);
      g_assert_cmpuint (peak_rss () - before, <, st.st_size * 13 / 10);
      return;
    }

  path = write_big_file (600, FALSE, NULL);
  g_setenv ("BR_TEST_BIG_FILE", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unlink (path);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Br/Loader/valid-base", test_valid_base);
  g_test_add_func ("/Br/Loader/companies-shape", test_companies_shape);
  g_test_add_func ("/Br/Loader/every-problem", test_every_problem);
  g_test_add_func ("/Br/Loader/problem-cap", test_problem_cap);
  g_test_add_func ("/Br/Loader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/Br/Loader/long-string", test_long_string);
  g_test_add_func ("/Br/Loader/size-limit", test_size_limit);
  g_test_add_func ("/Br/Loader/array-and-value-limits", test_array_and_value_limits);
  g_test_add_func ("/Br/Loader/limits-from-environment", test_limits_from_environment);
  g_test_add_func ("/Br/Loader/missing-file", test_missing_file);
  g_test_add_func ("/Br/Loader/directory", test_directory);
  g_test_add_func ("/Br/Loader/hostile-text-is-literal", test_hostile_text_is_literal);
  g_test_add_func ("/Br/Loader/fx-pivot", test_fx_pivot);
  g_test_add_func ("/Br/Loader/fx-one-problem-per-cause", test_fx_one_problem_per_cause);
  g_test_add_func ("/Br/Loader/titles", test_titles);
  g_test_add_func ("/Br/Loader/charts-and-display-faults", test_charts_and_display_faults);
  g_test_add_func ("/Br/Loader/display", test_display);
  g_test_add_func ("/Br/Loader/big-file-problems", test_big_file_problems);
  g_test_add_func ("/Br/Loader/big-file-memory", test_big_file_memory);

  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Br/Loader/fault/%s", fault_cases[i].file);

      g_test_add_data_func (path, &fault_cases[i], test_fault);
    }

  for (guint i = 0; i < G_N_ELEMENTS (byte_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Br/Loader/bytes/%s", byte_cases[i].name);

      g_test_add_data_func (path, &byte_cases[i], test_bytes);
    }

  return g_test_run ();
}
