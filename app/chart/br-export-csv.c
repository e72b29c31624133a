/* br-export-csv.c: the data behind a chart, as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-export"

#include "config.h"

#include <string.h>

#include "br-export-private.h"

static const char csv_header[] =
  "company_id,company,series,period,period_end,value,unit,currency,source,status,bound";

/* RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
 * Text that a spreadsheet would run as a formula gets a leading apostrophe. */
static void
append_text (GString    *out,
             const char *text)
{
  gboolean formula, quote;

  if (text == NULL)
    text = "";

  formula = strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
  quote = formula || strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/* Ten significant digits: sums print as 50.05, not 50.050000000000004. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

static void
append_date (GString     *out,
             const GDate *date)
{
  char day[BR_DATE_ISO_SIZE];

  if (g_date_valid (date))
    g_string_append (out, br_date_format_iso (date, day));
}

static char *
series_name (const BrChartMark *mark)
{
  const char *series = br_series_to_string (mark->series);

  /* the header has no column for a named customer or line: it qualifies the series */
  if (mark->name != NULL && mark->name[0] != '\0')
    return g_strdup_printf ("%s:%s", series, mark->name);

  return g_strdup (series);
}

static char *
source_text (const BrSource *source,
             BrLanguage      language)
{
  GString *text;

  if (source == NULL)
    return g_strdup ("");

  text = g_string_new (br_text_get (&source->title, language));
  if (source->publisher != NULL)
    g_string_append_printf (text, " — %s", source->publisher);
  if (g_date_valid (&source->date))
    {
      g_string_append (text, ", ");
      append_date (text, &source->date);
    }
  if (source->url != NULL)
    g_string_append_printf (text, ", %s", source->url);

  return g_string_free (text, FALSE);
}

/* A row of the CSV, whatever it comes from: a drawn mark or a figure of the dataset. */
typedef struct
{
  const BrCompany *company;
  char            *series;    /* owned */
  const BrPeriod  *period;
  const GDate     *date;
  double           value;
  const char      *unit;
  const char      *currency;
  const BrSource  *source;
  const char      *status;
  const char      *bound;
} Row;

/* What the unit column says: a percentage, months of runway, or a scale of money. */
static const char *
unit_name (const BrChartMark *mark)
{
  if (mark->percent)
    return "percent";
  if (mark->series == BR_SERIES_RUNWAY_MONTHS)
    return "months";
  return br_scale_to_string (mark->unit.scale);
}

/* A reported figure's status, or what a derived value is; empty where neither applies
 * (a market value, a raise). */
static const char *
status_name (const BrChartMark *mark)
{
  if (mark->period != NULL || mark->status != BR_STATUS_AUDITED)
    return br_status_to_string (mark->status);
  return "";
}

/* A share's bound as the dataset gives it ("more-than" for "> 89 %"); empty for amounts,
 * which are never bounds */
static const char *
bound_name (const BrChartMark *mark)
{
  if (!mark->percent)
    return "";
  switch (mark->bound)
    {
    case BR_BOUND_AT_LEAST:
      return "at-least";
    case BR_BOUND_MORE_THAN:
      return "more-than";
    case BR_BOUND_EXACT:
    default:
      return "exact";
    }
}

static void
append_row (GString    *out,
            Row        *row,
            BrLanguage  language)
{
  g_autofree char *source = source_text (row->source, language);

  append_text (out, row->company != NULL ? row->company->id : NULL);
  g_string_append_c (out, ',');
  append_text (out, row->company != NULL ? br_company_get_name (row->company, language) : NULL);
  g_string_append_c (out, ',');
  append_text (out, row->series);
  g_string_append_c (out, ',');
  append_text (out, row->period != NULL ? row->period->id : NULL);
  g_string_append_c (out, ',');
  append_date (out, row->date);
  g_string_append_c (out, ',');
  append_number (out, row->value);
  g_string_append_c (out, ',');
  g_string_append (out, row->unit);
  g_string_append_c (out, ',');
  g_string_append (out, row->currency);
  g_string_append_c (out, ',');
  append_text (out, source);
  g_string_append_c (out, ',');
  g_string_append (out, row->status);
  g_string_append_c (out, ',');
  g_string_append (out, row->bound);
  g_string_append (out, "\r\n");
  g_free (row->series);
}

static void
append_mark (GString           *out,
             const BrChartMark *mark,
             BrLanguage         language)
{
  Row row = {
    .company = mark->company,
    .series = series_name (mark),
    .period = mark->period,
    .date = &mark->date,
    .value = mark->value,
    .unit = unit_name (mark),
    .currency = mark->percent || mark->series == BR_SERIES_RUNWAY_MONTHS
                  ? "" : mark->unit.currency.code,
    .source = mark->source,
    .status = status_name (mark),
    .bound = bound_name (mark),
  };

  append_row (out, &row, language);
}

static GString *
start_csv (void)
{
  GString *out = g_string_new (csv_header);

  g_string_append (out, "\r\n");
  return out;
}

/**
 * br_export_csv:
 * @layout: a drawn chart
 * @language: the language of the names of companies and sources
 *
 * The data behind a chart: a header, then one row for every value the chart plots, in
 * the order it drew them, cumulative when the chart is. Rows end in CRLF (RFC 4180).
 *
 * Returns: (transfer full): UTF-8 CSV text
 */
char *
br_export_csv (BrChartLayout *layout,
               BrLanguage     language)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return br_export_csv_marks (layout, NULL, br_chart_layout_get_n_marks (layout), language);
}

/**
 * br_export_csv_marks:
 * @indices: (nullable) (array length=n): marks of @layout, in the order the rows are to
 *   come; %NULL for the first @n, in the order the chart drew them
 *
 * As br_export_csv(), for some of the chart's marks: the rows a table has selected.
 *
 * Returns: (transfer full): UTF-8 CSV text
 */
char *
br_export_csv_marks (BrChartLayout *layout,
                     const guint   *indices,
                     guint          n,
                     BrLanguage     language)
{
  GString *out;
  guint n_marks;

  g_return_val_if_fail (layout != NULL, NULL);

  out = start_csv ();
  n_marks = br_chart_layout_get_n_marks (layout);
  for (guint i = 0; i < n; i++)
    {
      guint index = indices != NULL ? indices[i] : i;

      if (index < n_marks)
        append_mark (out, br_chart_layout_get_mark (layout, index), language);
    }

  return g_string_free (out, FALSE);
}

/**
 * br_export_csv_figures:
 * @figures: the figures a table lists
 * @indices: (array length=n): which of @figures, in the order the rows are to come
 * @unit: the unit the converted values are in
 *
 * The figures as the chart CSV writes its marks, with the same columns: the value in
 * @unit where it could be converted, else as the dataset gives it, in its own currency
 * and scale. A market value, share or raise is written as the chart that draws it
 * writes its mark.
 *
 * Returns: (transfer full): UTF-8 CSV text
 */
/**
 * br_figure_value_get_mark:
 * @value: a market value, top-five share or raise (not a financial figure, which has a
 *   metric where a mark has a series)
 * @unit: the unit @value is in when it was converted
 * @mark: (out caller-allocates): what a chart's mark of it says: the valuation chart's
 *   market value, the customers chart's share, the runway chart's raise
 */
void
br_figure_value_get_mark (const BrFigureValue *value,
                          const BrUnit        *unit,
                          BrLanguage           language,
                          BrChartMark         *mark)
{
  g_return_if_fail (value != NULL && value->kind != BR_FIGURE_FINANCIAL);

  *mark = (BrChartMark) { .company = value->company, .value = value->value };
  switch (value->kind)
    {
    case BR_FIGURE_MARKET_CAP:
      mark->series = BR_SERIES_MARKET_CAP;
      mark->date = value->cap->date;
      mark->source = value->cap->source;
      mark->name = br_text_get (&value->cap->label, language);
      br_unit_init (&mark->unit, value->cap->amount.currency.code, value->cap->amount.scale);
      break;
    case BR_FIGURE_TOP5_SHARE:
      mark->series = BR_SERIES_TOP5;
      mark->period = value->share->period;
      mark->date = value->share->period->end;
      mark->source = value->share->source;
      mark->percent = TRUE;
      mark->bound = value->share->bound;
      break;
    case BR_FIGURE_RAISE:
    case BR_FIGURE_FINANCIAL:
    default:
      mark->series = BR_SERIES_RAISED;
      mark->date = value->raise->date;
      mark->source = value->raise->source;
      mark->name = br_text_get (&value->raise->label, language);
      br_unit_init (&mark->unit, value->raise->currency.code, value->raise->scale);
      break;
    }
  if (value->converted)
    mark->unit = *unit;
}

char *
br_export_csv_figures (const BrFigureValue *figures,
                       const guint         *indices,
                       guint                n,
                       const BrUnit        *unit,
                       BrLanguage           language)
{
  GString *out = start_csv ();

  for (guint i = 0; i < n; i++)
    {
      const BrFigureValue *value = &figures[indices[i]];
      const BrFigure *figure = value->figure;
      Row row;

      if (value->kind != BR_FIGURE_FINANCIAL)
        {
          BrChartMark mark;

          br_figure_value_get_mark (value, unit, language, &mark);
          append_mark (out, &mark, language);
          continue;
        }
      row = (Row) {
        .company = value->company,
        .series = g_strdup (br_metric_to_string (figure->metric)),
        .period = figure->period,
        .date = &figure->period->end,
        .value = value->value,
        .unit = br_scale_to_string (value->converted ? unit->scale : figure->amount.scale),
        .currency = value->converted ? unit->currency.code : figure->amount.currency.code,
        .source = figure->source,
        .status = br_status_to_string (figure->status),
        .bound = "",
      };

      append_row (out, &row, language);
    }

  return g_string_free (out, FALSE);
}
