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
append_row (GString           *out,
            const BrChartMark *mark,
            BrLanguage         language)
{
  g_autofree char *series = series_name (mark);
  g_autofree char *source = source_text (mark->source, language);

  append_text (out, mark->company != NULL ? mark->company->id : NULL);
  g_string_append_c (out, ',');
  append_text (out, mark->company != NULL ? br_company_get_name (mark->company, language) : NULL);
  g_string_append_c (out, ',');
  append_text (out, series);
  g_string_append_c (out, ',');
  append_text (out, mark->period != NULL ? mark->period->id : NULL);
  g_string_append_c (out, ',');
  append_date (out, &mark->date);
  g_string_append_c (out, ',');
  append_number (out, mark->value);
  g_string_append_c (out, ',');
  g_string_append (out, unit_name (mark));
  g_string_append_c (out, ',');
  g_string_append (out, mark->percent || mark->series == BR_SERIES_RUNWAY_MONTHS
                          ? "" : mark->unit.currency.code);
  g_string_append_c (out, ',');
  append_text (out, source);
  g_string_append_c (out, ',');
  g_string_append (out, status_name (mark));
  g_string_append_c (out, ',');
  g_string_append (out, bound_name (mark));
  g_string_append (out, "\r\n");
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
  GString *out;
  guint n;

  g_return_val_if_fail (layout != NULL, NULL);

  out = g_string_new (csv_header);
  g_string_append (out, "\r\n");

  n = br_chart_layout_get_n_marks (layout);
  for (guint i = 0; i < n; i++)
    append_row (out, br_chart_layout_get_mark (layout, i), language);

  return g_string_free (out, FALSE);
}
