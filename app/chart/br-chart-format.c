/* br-chart-format.c: numbers, units and dates as charts print them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "br-chart-private.h"

#define MINUS "\u2212"

/**
 * _br_format_number:
 * @decimals: digits after the point
 * @sign: whether to print "+" before positive numbers
 *
 * Returns: @value with thousands grouped by commas (the convention of both en and
 *   zh_CN) and a true minus sign
 */
char *
_br_format_number (double   value,
                   int      decimals,
                   gboolean sign)
{
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  const char *point;
  gsize n_int;

  if (!isfinite (value))
    return g_string_free (out, FALSE);

  digits = g_strdup_printf ("%.*f", CLAMP (decimals, 0, 6), fabs (value));
  if (value < 0 && strspn (digits, "0.") != strlen (digits))
    g_string_append (out, MINUS);
  else if (sign && value > 0)
    g_string_append_c (out, '+');

  point = strchr (digits, '.');
  n_int = point != NULL ? (gsize)(point - digits) : strlen (digits);

  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  if (point != NULL)
    g_string_append (out, point);

  return g_string_free (out, FALSE);
}

/**
 * _br_format_rate:
 *
 * An exchange rate with the digits it carries: five significant digits at most (four
 * decimals below 10, none from 10,000 up) and no trailing zeros, so 1364 is "1,364",
 * 7.8 "7.8" and 7.0809 "7.0809".
 *
 * Returns: @rate grouped in thousands
 */
char *
_br_format_rate (double rate)
{
  char *text;
  char *end;
  int magnitude;

  if (!isfinite (rate) || rate <= 0)
    return _br_format_number (rate, 0, FALSE);

  magnitude = (int)floor (log10 (rate));
  text = _br_format_number (rate, CLAMP (magnitude >= 0 ? 4 - magnitude : 3 - magnitude, 0, 6),
                            FALSE);
  if (strchr (text, '.') == NULL)
    return text;

  end = text + strlen (text);
  while (end[-1] == '0')
    end--;
  if (end[-1] == '.')
    end--;
  *end = '\0';

  return text;
}

/**
 * br_chart_format_count:
 *
 * Every count the charts and the window print goes through here: "2,104", grouped in
 * thousands as both English and Chinese write it.
 *
 * Returns: @n in digits, grouped in thousands
 */
char *
br_chart_format_count (guint64 n)
{
  return _br_format_number ((double)n, 0, FALSE);
}

/**
 * br_chart_format_number:
 * @decimals: digits after the point
 *
 * Returns: @value as the charts write it: thousands separated, a true minus sign
 */
char *
br_chart_format_number (double value,
                        int    decimals)
{
  return _br_format_number (value, decimals, FALSE);
}

/* How many decimals tell apart ticks @step apart. */
int
_br_decimals_for (double step)
{
  int decimals = 0;

  if (step <= 0 || !isfinite (step))
    return 0;

  while (step < 0.999 && decimals < 6)
    {
      step *= 10;
      decimals++;
    }

  return decimals;
}

typedef struct
{
  const char *currency;
  BrScale     scale;
  const char *name;      /* in English; the catalogues translate it */
} UnitName;

static const UnitName unit_names[] = {
  /* TRANSLATORS: units on chart axes and in tooltips: 亿元 */
  { "CNY", BR_SCALE_YI, N_("100M CNY") },
  { "CNY", BR_SCALE_WAN, N_("10K CNY") },
  { "CNY", BR_SCALE_BILLION, N_("bn CNY") },
  { "CNY", BR_SCALE_MILLION, N_("M CNY") },
  { "CNY", BR_SCALE_TRILLION, N_("tn CNY") },
  { "CNY", BR_SCALE_ONE, N_("CNY") },
  { "USD", BR_SCALE_YI, N_("100M USD") },
  { "USD", BR_SCALE_BILLION, N_("bn USD") },
  { "USD", BR_SCALE_MILLION, N_("M USD") },
  { "USD", BR_SCALE_TRILLION, N_("tn USD") },
  { "USD", BR_SCALE_ONE, N_("USD") },
  { "HKD", BR_SCALE_YI, N_("100M HKD") },
  { "HKD", BR_SCALE_BILLION, N_("bn HKD") },
  { "HKD", BR_SCALE_MILLION, N_("M HKD") },
  { "EUR", BR_SCALE_BILLION, N_("bn EUR") },
  { "EUR", BR_SCALE_MILLION, N_("M EUR") },
  { "JPY", BR_SCALE_BILLION, N_("bn JPY") },
  { "JPY", BR_SCALE_MILLION, N_("M JPY") },
  { "KRW", BR_SCALE_BILLION, N_("bn KRW") },
  { "KRW", BR_SCALE_MILLION, N_("M KRW") },
  { "TWD", BR_SCALE_BILLION, N_("bn TWD") },
  { "TWD", BR_SCALE_MILLION, N_("M TWD") },
  { "GBP", BR_SCALE_BILLION, N_("bn GBP") },
  { "GBP", BR_SCALE_MILLION, N_("M GBP") },
};

static GHashTable *others;   /* under its lock: labels made for other units */
G_LOCK_DEFINE_STATIC (others);

/**
 * _br_unit_label:
 *
 * Returns: how a chart names @unit: "100M CNY" in English, "亿元" in Chinese
 */
const char *
_br_unit_label (const BrUnit *unit,
                BrLanguage    lang)
{
  g_autofree char *key = NULL;
  char *label;

  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    {
      if (strcmp (unit_names[i].currency, unit->currency.code) == 0 &&
          unit_names[i].scale == unit->scale)
        return _br_chart_translate (lang, unit_names[i].name, NULL, 1);
    }

  /* any other pair: "CODE ×10^n", kept for the life of the process; export workers
   * draw charts at the same time */
  key = g_strdup_printf ("%s ×10^%.0f", unit->currency.code,
                         log10 (br_scale_factor (unit->scale)));
  G_LOCK (others);
  if (others == NULL)
    others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if ((label = g_hash_table_lookup (others, key)) == NULL)
    {
      label = g_strdup (key);
      g_hash_table_insert (others, label, label);
    }
  G_UNLOCK (others);

  return label;
}

/**
 * br_chart_unit_label:
 * @language: the language of the name
 *
 * Returns: how the charts name @unit: "100M CNY" in English, "亿元" in Chinese
 */
const char *
br_chart_unit_label (const BrUnit *unit,
                     BrLanguage    language)
{
  g_return_val_if_fail (unit != NULL, NULL);

  return _br_unit_label (unit, language);
}

#define YI "亿"

/* Chinese writes 10,000 亿 and more as 万亿: 36.3万亿元, never 363,256亿元 */
static gboolean
in_wan_yi (double        value,
           const BrUnit *unit,
           BrLanguage    lang)
{
  return lang == BR_LANGUAGE_ZH && unit->scale == BR_SCALE_YI && fabs (value) >= 1e4;
}

/**
 * _br_format_amount:
 * @decimals: digits after the point, for a value in @unit
 * @wan_decimals: digits after the point, for a value written in 万亿
 *
 * Returns: @value in @unit as a chart label writes it, its unit said by the axis: in
 *   Chinese, amounts of 10,000 亿 and more in 万亿 ("36.3万亿"), as Chinese writes them
 */
char *
_br_format_amount (double        value,
                   int           decimals,
                   int           wan_decimals,
                   const BrUnit *unit,
                   BrLanguage    lang)
{
  g_autofree char *number = NULL;

  if (!in_wan_yi (value, unit, lang))
    return _br_format_number (value, decimals, FALSE);

  number = _br_format_number (value / 1e4, wan_decimals, FALSE);
  return g_strconcat (number, "万" YI, NULL);
}

/**
 * _br_format_value:
 *
 * Returns: @value with its unit, to two decimals below 1,000 and none above:
 *   "−18.40 (100M CNY)", "−18.40 亿元"; "36.33万亿元" in Chinese from 10,000 亿
 */
char *
_br_format_value (double        value,
                  const BrUnit *unit,
                  BrLanguage    lang)
{
  g_autofree char *number = _br_format_number (value, fabs (value) >= 1000 ? 0 : 2, FALSE);
  const char *label = _br_unit_label (unit, lang);

  if (in_wan_yi (value, unit, lang) && g_str_has_prefix (label, YI))
    {
      g_autofree char *wan = _br_format_amount (value, 0, 2, unit, lang);

      return g_strconcat (wan, label + strlen (YI), NULL);
    }

  /* TRANSLATORS: a value and its unit, "−18.40 (100M CNY)" */
  return g_strdup_printf (_br_chart_translate (lang, "%s (%s)", NULL, 1), number, label);
}

/**
 * _br_format_multiple:
 *
 * Returns: @ratio as a multiple, "3.3×" or "3.3倍", with thousands separated; above
 *   1,000 only its bound, ">1,000×", since no chart reads finer there
 */
char *
_br_format_multiple (double     ratio,
                     BrLanguage lang)
{
  g_autofree char *number = _br_format_number (MIN (ratio, 1000), ratio >= 100 ? 0 : 1, FALSE);

  if (ratio > 1000)
    /* TRANSLATORS: a multiple above 1,000: ">1,000×"; Chinese writes ">1,000倍" */
    return g_strdup_printf (_br_chart_translate (lang, ">%s×", NULL, 1), number);
  /* TRANSLATORS: a multiple, "3.3×"; Chinese writes "3.3倍" */
  return g_strdup_printf (_br_chart_translate (lang, "%s×", NULL, 1), number);
}

char *
_br_format_percent (double value,
                    int    decimals)
{
  g_autofree char *number = _br_format_number (value, decimals, FALSE);

  return g_strdup_printf ("%s%%", number);
}

/**
 * _br_format_period_compact:
 *
 * Returns: (nullable): @period in the fewest characters, as finance writes it, for a
 *   place too narrow for its label: "1H25", "3Q24" or "’24"; in Chinese "25H1", "24Q3"
 *   or "24年". NULL when its dates are unknown.
 */
char *
_br_format_period_compact (const BrPeriod *period,
                           BrLanguage      lang)
{
  int year, part;

  if (!g_date_valid (&period->start) || !g_date_valid (&period->end))
    return NULL;

  year = g_date_get_year (&period->end) % 100;
  switch (period->kind)
    {
    case BR_PERIOD_HALF_YEAR:
      part = (g_date_get_month (&period->start) - 1) / 6 + 1;
      /* TRANSLATORS: the first half of 2025 where room is short: "1H25"; the year is the
       * second number, "%2$02dH%1$d" writes "25H1" */
      return g_strdup_printf (_br_chart_translate (lang, "%dH%02d", NULL, 1), part, year);
    case BR_PERIOD_QUARTER:
      part = (g_date_get_month (&period->start) - 1) / 3 + 1;
      /* TRANSLATORS: the third quarter of 2024 where room is short: "3Q24" */
      return g_strdup_printf (_br_chart_translate (lang, "%dQ%02d", NULL, 1), part, year);
    case BR_PERIOD_FISCAL_YEAR:
    default:
      /* TRANSLATORS: the year 2024 where room is short: "’24" */
      return g_strdup_printf (_br_chart_translate (lang, "’%02d", NULL, 1), year);
    }
}

/* ISO dates read the same in every language. */
char *
_br_format_date (const GDate *date,
                 BrLanguage   lang)
{
  char day[BR_DATE_ISO_SIZE];

  if (!g_date_valid (date))
    return g_strdup ("");

  return g_strdup (br_date_format_iso (date, day));
}

/**
 * br_chart_describe_source:
 * @source: (nullable): a figure's source
 *
 * Returns: the source as charts and tooltips cite it: "title — publisher, date"; ""
 *   for no source
 */
char *
br_chart_describe_source (const BrSource *source,
                          BrLanguage      language)
{
  g_autofree char *date = NULL;

  if (source == NULL)
    return g_strdup ("");

  date = _br_format_date (&source->date, language);
  return g_strdup_printf ("%s — %s, %s", br_text_get (&source->title, language),
                          source->publisher != NULL ? source->publisher : "", date);
}

/**
 * br_chart_describe_period:
 * @period: (nullable): the period a figure is for
 * @date: the figure's date, for values that have no period (market values)
 *
 * Returns: when a figure is: its period's label, else its date
 */
char *
br_chart_describe_period (const BrPeriod *period,
                          const GDate    *date,
                          BrLanguage      language)
{
  if (period != NULL)
    return g_strdup (br_period_get_label (period, language));

  return _br_format_date (date, language);
}
