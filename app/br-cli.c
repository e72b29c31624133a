/* br-cli.c: the command line paths that need no display
 *
 * --validate and --export run here, before and without GTK: nothing on these paths may
 * touch a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-cli"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "br-chart.h"
#include "br-cli.h"
#include "br-export.h"
#include "br-model.h"

typedef struct
{
  gboolean   validate;
  gboolean   version;
  char     **files;
  /* --export and what it takes */
  char     **exports;
  char      *chart;
  char      *dataset;
  char      *width;
  char      *height;
  char      *scale;
  char      *theme;
  char     **companies;
  gboolean   cumulative;
  char      *periods;
  char      *from;
  char      *to;
  char      *unit;
  char      *language;
  char      *scenario;
  gboolean   deck;
} Options;

/* The export options, checked. */
typedef struct
{
  gboolean        all;
  BrChartKind     kind;
  BrExportFormat  formats[8];
  BrExportSize    size;
  BrChartOptions *chart;
} Export;

static void options_clear (Options *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->files, g_strfreev);
  g_clear_pointer (&options->exports, g_strfreev);
  g_clear_pointer (&options->chart, g_free);
  g_clear_pointer (&options->dataset, g_free);
  g_clear_pointer (&options->width, g_free);
  g_clear_pointer (&options->height, g_free);
  g_clear_pointer (&options->scale, g_free);
  g_clear_pointer (&options->theme, g_free);
  g_clear_pointer (&options->companies, g_strfreev);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->unit, g_free);
  g_clear_pointer (&options->periods, g_free);
  g_clear_pointer (&options->language, g_free);
  g_clear_pointer (&options->scenario, g_free);
}

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->chart, br_chart_options_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static int
usage_error (const char *message)
{
  g_printerr ("burnrate: %s\n", message);
  return BR_EXIT_USAGE;
}

static void
print_load_failure (GPtrArray    *problems,
                    const GError *error)
{
  if (problems == NULL || problems->len == 0)
    {
      g_printerr ("%s\n", error->message);
      return;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = br_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }

  if (problems->len > 1)
    g_printerr ("%s\n", error->message);
}

/* @file: NULL for the bundled dataset; prints what is wrong when it cannot be loaded */
static BrDataset *
load_dataset (GFile *file)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  BrDataset *dataset;

  if (file == NULL)
    dataset = br_dataset_load_bundled (&error);
  else
    dataset = br_dataset_load_file (file, NULL, NULL, &problems, &error);

  if (dataset == NULL)
    print_load_failure (problems, error);

  return dataset;
}

static gboolean
has_metric (const BrCompany *company,
            BrMetric         metric)
{
  for (guint i = 0; i < company->n_figures; i++)
    {
      if (company->figures[i].metric == metric)
        return TRUE;
    }

  return FALSE;
}

static gboolean
draws_losses (const BrCompany *company)
{
  return has_metric (company, BR_METRIC_NET_INCOME_ATTRIBUTABLE) ||
         has_metric (company, BR_METRIC_NET_INCOME_TOTAL);
}

static gboolean
draws_rnd (const BrCompany *company)
{
  return has_metric (company, BR_METRIC_REVENUE) || has_metric (company, BR_METRIC_RND_EXPENSE);
}

static gboolean
draws_customers (const BrCompany *company)
{
  return company->n_concentrations > 0;
}

static gboolean
draws_valuation (const BrCompany *company)
{
  return company->n_market_caps > 0;
}

static gboolean
draws_runway (const BrCompany *company)
{
  return has_metric (company, BR_METRIC_CASH);
}

/* What each chart draws from @dataset, for someone writing one: how many companies have
 * what it needs */
static void
print_chart_needs (BrDataset *dataset)
{
  static const struct
  {
    const char *chart;
    const char *needs;
    gboolean  (*draws) (const BrCompany *company);
  } charts[] = {
    { "losses", N_("net_income_attributable or net_income_total figures"), draws_losses },
    { "rnd", N_("revenue or rnd_expense figures"), draws_rnd },
    { "customers", N_("customers entries"), draws_customers },
    { "valuation", N_("market_caps"), draws_valuation },
    { "runway", N_("cash figures (burn from operating_cash_flow and capex, else net income)"),
      draws_runway },
  };
  guint n = br_dataset_get_n_companies (dataset);
  const BrCompany *benchmark = br_dataset_get_benchmark (dataset);

  for (guint k = 0; k < G_N_ELEMENTS (charts); k++)
    {
      g_autofree char *with = NULL, *all = br_chart_format_count (n);
      guint n_with = 0;

      for (guint i = 0; i < n; i++)
        n_with += charts[k].draws (br_dataset_get_company (dataset, i));
      with = br_chart_format_count (n_with);
      /* TRANSLATORS: what a chart draws from a valid dataset: "  losses: 3 of 4 companies
       * have net_income_attributable or net_income_total figures" */
      g_print (_("  %s: %s of %s companies have %s\n"), charts[k].chart, with, all,
               _(charts[k].needs));
    }

  if (benchmark != NULL)
    /* TRANSLATORS: "  valuation: against Nvidia, the benchmark company" */
    g_print (_("  valuation: against %s, the benchmark company\n"),
             br_company_get_name (benchmark, br_language_from_locale ()));
  else
    g_print ("  %s\n", _("valuation: no benchmark company (\"role\": \"benchmark\"), so no "
                         "share of one is drawn"));
}

static int
validate_one (GFile *file)
{
  g_autoptr(BrDataset) dataset = load_dataset (file);
  g_autofree char *n_companies = NULL;
  g_autofree char *n_sources = NULL;

  if (dataset == NULL)
    return BR_EXIT_FAILURE;

  n_companies = br_chart_format_count (br_dataset_get_n_companies (dataset));
  n_sources = br_chart_format_count (br_dataset_get_n_sources (dataset));
  /* TRANSLATORS: the file name, then how many companies and sources it holds */
  g_print (_("%s: valid, %s companies, %s sources\n"), br_dataset_get_display_name (dataset),
           n_companies, n_sources);
  print_chart_needs (dataset);

  return BR_EXIT_OK;
}

static int
validate (char **files)
{
  int status = BR_EXIT_OK;

  if (files == NULL || files[0] == NULL)
    return validate_one (NULL);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

      if (validate_one (file) != BR_EXIT_OK)
        status = BR_EXIT_FAILURE;
    }

  return status;
}

/* A number in decimal digits with an optional fraction: "1920", "2.5"; not "12px", "",
 * "nan", "0x10", "1e3" or "-5". */
static gboolean
parse_number (const char *option,
              const char *arg,
              double     *value,
              GError    **error)
{
  gsize digits;
  char *end = NULL;

  if (arg == NULL)
    return TRUE;

  digits = strspn (arg, "0123456789");
  if (arg[digits] == '.')
    digits += 1 + strspn (arg + digits + 1, "0123456789");

  *value = g_ascii_strtod (arg, &end);
  if (arg[0] == '\0' || arg[digits] != '\0' || end == NULL || *end != '\0' || !isfinite (*value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s “%s” is not a number"), option, arg);
      return FALSE;
    }

  return TRUE;
}

/* An ISO 8601 calendar date, YYYY-MM-DD, and nothing else. */
static gboolean
parse_date (const char *option,
            const char *arg,
            GDate      *date,
            GError    **error)
{
  g_date_clear (date, 1);
  if (arg == NULL || br_date_parse_iso (arg, date))
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s “%s” is not a date of the form YYYY-MM-DD"), option, arg);
  return FALSE;
}

static gboolean
parse_unit (const char *arg,
            BrUnit     *unit,
            GError    **error)
{
  const BrDisplayUnit *display = br_display_unit_lookup (arg != NULL ? arg : "cny-yi");
  g_autofree char *known = NULL;

  if (display != NULL)
    {
      br_display_unit_to_unit (display, unit);
      return TRUE;
    }

  known = br_display_unit_list ();
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* TRANSLATORS: the second %s lists the units: "cny-yi, cny-bn, usd-bn" */
               _("Unknown unit “%s”: use one of %s"), arg, known);
  return FALSE;
}

/* --unit must be one the dataset's currencies and exchange rates reach */
static gboolean
check_unit (BrDataset  *dataset,
            const char *arg,
            GError    **error)
{
  const BrDisplayUnit *display = br_display_unit_lookup (arg);
  g_autofree char *reachable = NULL;

  if (display == NULL || br_display_unit_reachable (display, dataset))
    return TRUE;

  reachable = br_display_unit_list_reachable (dataset);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* TRANSLATORS: --unit krw-bn on a dataset with no rate to KRW; the last %s
                * lists the units it can be shown in: "cny-yi, cny-bn, usd-bn" */
               _("--unit %s: no figure of “%s” is in %s, and no exchange rate leads to it; use "
                 "one of %s"), arg, br_dataset_get_display_name (dataset), display->currency,
               reachable);
  return FALSE;
}

static gboolean
parse_periods (const char     *arg,
               BrChartOptions *chart,
               GError        **error)
{
  static const char * const names[] = { "years", "halves", "quarters" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (arg, names[i]) == 0)
        {
          br_chart_options_set_periods (chart, (BrPeriodKind)i);
          return TRUE;
        }
    }

  if (arg == NULL)
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unknown periods “%s”: use years, halves or quarters"), arg);
  return FALSE;
}

static gboolean
parse_theme (const char *arg,
             BrTheme    *theme,
             GError    **error)
{
  if (arg == NULL || g_strcmp0 (arg, "light") == 0)
    *theme = BR_THEME_LIGHT;
  else if (g_strcmp0 (arg, "dark") == 0)
    *theme = BR_THEME_DARK;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown theme “%s”: use light or dark"), arg);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_chart (const char *arg,
             Export     *export,
             GError    **error)
{
  if (arg == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--export needs --chart losses, rnd, customers, valuation, runway or all"));
      return FALSE;
    }

  export->all = g_strcmp0 (arg, "all") == 0;
  if (!export->all && !br_chart_kind_from_string (arg, &export->kind))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown chart “%s”: use losses, rnd, customers, valuation, runway or all"), arg);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_language (const char     *arg,
                BrChartOptions *chart,
                GError        **error)
{
  g_autoptr(GString) known = g_string_new (NULL);

  if (arg == NULL)
    return TRUE;

  for (BrLanguage i = 0; i < BR_N_LANGUAGES; i++)
    {
      if (g_str_equal (arg, br_language_to_string (i)))
        {
          br_chart_options_set_language (chart, i);
          return TRUE;
        }
      g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", br_language_to_string (i));
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* TRANSLATORS: the second %s lists the languages: "en, zh" */
               _("Unknown language “%s”: use one of %s"), arg, known->str);
  return FALSE;
}

static gboolean
parse_range (const Options  *options,
             BrChartOptions *chart,
             GError        **error)
{
  GDate from, to;

  if (!parse_date ("--from", options->from, &from, error) ||
      !parse_date ("--to", options->to, &to, error))
    return FALSE;

  if (g_date_valid (&from) && g_date_valid (&to) && g_date_compare (&from, &to) > 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--from %s is after --to %s"), options->from, options->to);
      return FALSE;
    }

  br_chart_options_set_range (chart, &from, &to);
  return TRUE;
}

static gboolean
parse_formats (char   **paths,
               gboolean deck,
               Export  *export,
               GError **error)
{
  if (g_strv_length (paths) > G_N_ELEMENTS (export->formats))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("Too many --export files"));
      return FALSE;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (!br_export_format_from_path (paths[i], &export->formats[i], error))
        return FALSE;
      if (deck && export->formats[i] != BR_EXPORT_PNG && export->formats[i] != BR_EXPORT_PDF)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--deck writes a PDF, or PNG images: give OUT.pdf or OUT.png"));
          return FALSE;
        }
      if (!br_export_check_size (export->formats[i], &export->size, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_scenario (const char     *arg,
                BrChartOptions *chart,
                GError        **error)
{
  g_autoptr(BrScenarioSet) scenario = br_scenario_set_new ();
  g_autoptr(GError) local_error = NULL;

  if (arg == NULL)
    return TRUE;

  if (!br_scenario_set_parse (scenario, arg, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--scenario: %s",
                   local_error->message);
      return FALSE;
    }

  br_chart_options_set_scenario (chart, scenario);
  return TRUE;
}

/* Everything that can be checked before the dataset is loaded. */
static gboolean
parse_export (const Options *options,
              Export        *export,
              GError       **error)
{
  BrTheme theme;
  BrUnit unit;

  export->size = (BrExportSize) { 1920, 1080, 1 };

  /* a deck is every chart: --chart would say nothing */
  if (options->deck && options->chart != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--deck writes every chart; leave out --chart"));
      return FALSE;
    }

  if (!parse_chart (options->deck ? "all" : options->chart, export, error) ||
      !parse_number ("--width", options->width, &export->size.width, error) ||
      !parse_number ("--height", options->height, &export->size.height, error) ||
      !parse_number ("--scale", options->scale, &export->size.scale, error) ||
      !parse_formats (options->exports, options->deck, export, error) ||
      !parse_theme (options->theme, &theme, error) ||
      !parse_unit (options->unit, &unit, error))
    return FALSE;

  export->chart = br_chart_options_new (export->all ? BR_CHART_LOSSES : export->kind);
  br_chart_options_set_theme (export->chart, theme);
  br_chart_options_set_unit (export->chart, &unit);
  br_chart_options_set_cumulative (export->chart, options->cumulative);

  return parse_periods (options->periods, export->chart, error) &&
         parse_language (options->language, export->chart, error) &&
         parse_range (options, export->chart, error) &&
         parse_scenario (options->scenario, export->chart, error);
}

static gboolean
check_companies (BrDataset  *dataset,
                 char      **companies,
                 GError    **error)
{
  for (guint i = 0; companies != NULL && companies[i] != NULL; i++)
    {
      if (br_dataset_lookup_company (dataset, companies[i]) == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown company “%s”: “%s” has no company with that id"),
                       companies[i], br_dataset_get_display_name (dataset));
          return FALSE;
        }
    }

  return TRUE;
}

static const BrChartKind all_charts[] = {
  BR_CHART_LOSSES, BR_CHART_RND, BR_CHART_CUSTOMERS, BR_CHART_VALUATION, BR_CHART_RUNWAY,
};

/* What --deck writes for OUT.pdf, and the folder it writes for OUT.png */
static char *
deck_target (const char     *path,
             BrExportFormat  format)
{
  if (format == BR_EXPORT_PNG)
    return g_strndup (path, strlen (path) - strlen (".png"));

  return g_strdup (path);
}

/* Every file an export would write, so that none is the dataset it reads */
static GPtrArray *
written_paths (const Export  *export,
               gboolean       deck,
               char         **paths)
{
  GPtrArray *written = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *target = deck_target (paths[i], export->formats[i]);

      if (deck && export->formats[i] == BR_EXPORT_PNG)
        {
          /* slide-01.png … as many as a deck can have */
          for (guint n = 1; n <= 99; n++)
            g_ptr_array_add (written, g_strdup_printf ("%s/slide-%02u.png", target, n));
        }
      else if (!deck && export->all && export->formats[i] != BR_EXPORT_PDF)
        {
          for (guint k = 0; k < G_N_ELEMENTS (all_charts); k++)
            g_ptr_array_add (written, br_export_path_for_chart (paths[i], all_charts[k]));
        }
      else
        {
          g_ptr_array_add (written, g_steal_pointer (&target));
        }
    }

  return written;
}

static gboolean
check_targets (const Export  *export,
               const Options *options,
               GError       **error)
{
  g_autoptr(GPtrArray) written = NULL;

  if (options->dataset == NULL)
    return TRUE;

  written = written_paths (export, options->deck, options->exports);
  for (guint i = 0; i < written->len; i++)
    {
      if (!br_export_check_target (g_ptr_array_index (written, i), options->dataset, error))
        return FALSE;
    }

  return TRUE;
}

static int
write_exports (BrDataset    *dataset,
               const Export *export,
               char        **paths)
{
  g_autoptr(GError) error = NULL;
  BrExportTarget targets[G_N_ELEMENTS (export->formats)];
  guint n_targets = g_strv_length (paths);

  for (guint i = 0; i < n_targets; i++)
    targets[i] = (BrExportTarget) { export->formats[i], paths[i], export->size };

  if (br_export_charts (dataset, export->chart,
                        export->all ? BR_EXPORT_ALL_KINDS : BR_EXPORT_KIND (export->kind),
                        targets, n_targets, &error))
    return BR_EXIT_OK;

  g_printerr ("burnrate: %s\n", error->message);
  return g_error_matches (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_SIZE) ? BR_EXIT_USAGE
                                                                        : BR_EXIT_FAILURE;
}

/* --deck: a PDF of slides, or for OUT.png the folder OUT of numbered PNGs; each
 * written in turn, so that a failure leaves those before it written */
static int
write_decks (BrDataset    *dataset,
             const Export *export,
             char        **paths)
{
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *target = deck_target (paths[i], export->formats[i]);
      BrExportTarget deck = { export->formats[i], target, export->size };
      gboolean existed = g_file_test (target, G_FILE_TEST_EXISTS);

      if (!br_export_deck (dataset, export->chart, &deck, &error))
        {
          /* the folder made for the slides, left empty */
          if (!existed && export->formats[i] == BR_EXPORT_PNG)
            g_rmdir (target);
          g_printerr ("burnrate: %s\n", error->message);
          return g_error_matches (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_SIZE) ? BR_EXIT_USAGE
                                                                                : BR_EXIT_FAILURE;
        }
    }

  return BR_EXIT_OK;
}

/* Whether Pango found a font to draw letters with (asked after an export, when
 * fontconfig has read its configuration already) */
static gboolean
have_fonts (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoFontDescription *sans = pango_font_description_from_string ("Sans 12");
  PangoFont *font = pango_font_map_load_font (map, context, sans);
  gboolean found = font != NULL && pango_font_has_char (font, 'A');

  g_clear_object (&font);
  pango_font_description_free (sans);
  g_object_unref (context);
  return found;
}

static int
run_export (const Options *options)
{
  g_auto(Export) export = { 0 };
  int status;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BrDataset) dataset = NULL;

  if (options->files != NULL)
    return usage_error (_("--export takes no FILE.json; give the dataset with --dataset"));

  if (!parse_export (options, &export, &error) || !check_targets (&export, options, &error))
    return usage_error (error->message);

  if (options->dataset != NULL)
    file = g_file_new_for_commandline_arg (options->dataset);
  dataset = load_dataset (file);
  if (dataset == NULL)
    return BR_EXIT_FAILURE;

  if (!check_companies (dataset, options->companies, &error) ||
      !check_unit (dataset, options->unit, &error))
    return usage_error (error->message);
  if (br_chart_options_get_scenario (export.chart) != NULL)
    {
      g_autofree char *unknown =
        br_scenario_set_unknown_company (br_chart_options_get_scenario (export.chart), dataset);

      if (unknown != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("--scenario: no company “%s” in the "
                                                        "dataset"), unknown);

          return usage_error (message);
        }
    }
  br_chart_options_set_companies (export.chart, (const char * const *)options->companies);
  /* without --unit, the dataset's own currency: a file with no yuan draws in dollars */
  if (options->unit == NULL)
    {
      BrUnit unit;

      br_unit_for_dataset (dataset, &unit);
      br_chart_options_set_unit (export.chart, &unit);
    }

  br_export_clean_up_on_signals ();
  if (options->deck)
    status = write_decks (dataset, &export, options->exports);
  else
    status = write_exports (dataset, &export, options->exports);

  if (status == BR_EXIT_OK && !have_fonts ())
    g_printerr ("burnrate: %s\n", _("warning: no fonts were found, so every letter was drawn "
                                    "as a box; install a font such as Cantarell or Noto Sans"));

  return status;
}

static gboolean
has_export_options (const Options *options)
{
  return options->chart != NULL || options->dataset != NULL || options->width != NULL ||
         options->height != NULL || options->scale != NULL || options->theme != NULL ||
         options->companies != NULL || options->cumulative || options->periods != NULL ||
         options->from != NULL ||
         options->to != NULL || options->unit != NULL || options->language != NULL ||
         options->scenario != NULL || options->deck;
}

static GOptionGroup *
export_group (Options *options)
{
  GOptionEntry entries[] = {
    { "chart", 0, 0, G_OPTION_ARG_STRING, &options->chart,
      N_("The chart to export, or all of them"), "losses|rnd|customers|valuation|runway|all" },
    { "deck", 0, 0, G_OPTION_ARG_NONE, &options->deck,
      N_("Export the presentation slides: a PDF, or for OUT.png numbered PNGs in the folder OUT"),
      NULL },
    { "dataset", 0, 0, G_OPTION_ARG_FILENAME, &options->dataset,
      N_("The dataset to draw (default: the bundled one)"), N_("FILE.json") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &options->width,
      N_("Width in pixels (PNG, SVG) or points (PDF), default 1920"), "W" },
    { "height", 0, 0, G_OPTION_ARG_STRING, &options->height,
      N_("Height, default 1080"), "H" },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &options->scale,
      N_("Pixels per unit in a PNG, default 1"), "S" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &options->theme,
      N_("Colours, default light"), "light|dark" },
    { "company", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->companies,
      N_("Show this company (repeat for more; default: all)"), N_("ID") },
    { "cumulative", 0, 0, G_OPTION_ARG_NONE, &options->cumulative,
      N_("Running totals instead of values per period"), NULL },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &options->scenario,
      N_("Runway assumptions in percent a year, for all or one company: "
         "revenue-growth=N,cost-growth=N,gross-margin=N,metax:revenue-growth=N"),
      N_("SCENARIO") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from,
      N_("Show the periods that start on or after this date"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to,
      N_("Show the periods that end on or before this date"), "YYYY-MM-DD" },
    { "periods", 0, 0, G_OPTION_ARG_STRING, &options->periods,
      N_("Half-years or quarters in place of the fiscal years they make up, where reported "
         "(default: years)"), "years|halves|quarters" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &options->unit,
      N_("Unit of amounts (default: the dataset’s own); only units its currencies and rates "
         "reach"), "cny-yi|cny-bn|usd-mn|usd-bn|hkd-mn|…" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options->language,
      N_("Language of names and labels (default: the locale’s)"), "en|zh" },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("export", _("Export options:"),
                                            _("Show the options of --export"), NULL, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);

  return group;
}

static GOptionContext *
option_context (Options *options)
{
  GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &options->validate,
      N_("Check dataset files (the bundled one if none is given) and print each problem "
         "as FILE:LINE:COLUMN: PATH: message"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->exports,
      N_("Write a chart without a display; the format follows the extension; repeat to "
         "write several formats in one run (see --help-export)"), N_("OUT.png|pdf|svg|csv") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->files, NULL,
      N_("[FILE.json…]") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_summary (context,
                                _("Explore how China’s GPU challengers burn cash against Nvidia."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, export_group (options));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  return context;
}

static int
print_version (void)
{
  g_print ("burnrate %s\n", PACKAGE_VERSION);
  return BR_EXIT_OK;
}

/**
 * br_cli_run:
 * @exit_status: (out): the status to exit with, when handled
 *
 * Handles the options that need no display (--validate, --export, --version) before GTK
 * is initialised.
 *
 * Returns: %TRUE if the command line was handled and the program should exit
 */
gboolean
br_cli_run (int    *argc,
            char ***argv,
            int    *exit_status)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GOptionContext) context = option_context (&options);
  g_autoptr(GError) error = NULL;
  BrLimits limits;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      /* TRANSLATORS: what is wrong with the command line */
      g_printerr (_("burnrate: %s (run “burnrate --help” to see the options)\n"), error->message);
      *exit_status = BR_EXIT_USAGE;
      return TRUE;
    }

  if ((options.validate || options.exports != NULL) && !br_limits_init_from_env (&limits, &error))
    *exit_status = usage_error (error->message);
  else if (options.version)
    *exit_status = print_version ();
  else if (options.validate && options.exports != NULL)
    *exit_status = usage_error (_("--validate and --export cannot be combined"));
  else if (options.validate)
    *exit_status = validate (options.files);
  else if (options.exports != NULL)
    *exit_status = run_export (&options);
  else if (has_export_options (&options))
    *exit_status = usage_error (_("--chart and the other export options need --export OUT"));
  else
    return FALSE;

  return TRUE;
}
