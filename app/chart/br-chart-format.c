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
  const char *en;
  const char *zh;
} UnitName;

static const UnitName unit_names[] = {
  { "CNY", BR_SCALE_YI, "100M CNY", "亿元" },
  { "CNY", BR_SCALE_WAN, "10K CNY", "万元" },
  { "CNY", BR_SCALE_BILLION, "bn CNY", "十亿元" },
  { "CNY", BR_SCALE_MILLION, "M CNY", "百万元" },
  { "CNY", BR_SCALE_TRILLION, "tn CNY", "万亿元" },
  { "CNY", BR_SCALE_ONE, "CNY", "元" },
  { "USD", BR_SCALE_YI, "100M USD", "亿美元" },
  { "USD", BR_SCALE_BILLION, "bn USD", "十亿美元" },
  { "USD", BR_SCALE_MILLION, "M USD", "百万美元" },
  { "USD", BR_SCALE_TRILLION, "tn USD", "万亿美元" },
  { "USD", BR_SCALE_ONE, "USD", "美元" },
  { "HKD", BR_SCALE_YI, "100M HKD", "亿港元" },
  { "HKD", BR_SCALE_BILLION, "bn HKD", "十亿港元" },
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
                const char   *lang)
{
  gboolean zh = g_strcmp0 (lang, "zh") == 0;
  g_autofree char *key = NULL;
  char *label;

  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    {
      if (strcmp (unit_names[i].currency, unit->currency.code) == 0 &&
          unit_names[i].scale == unit->scale)
        return zh ? unit_names[i].zh : unit_names[i].en;
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
 * @language: "en" or "zh"
 *
 * Returns: how the charts name @unit: "100M CNY" in English, "亿元" in Chinese
 */
const char *
br_chart_unit_label (const BrUnit *unit,
                     const char   *language)
{
  g_return_val_if_fail (unit != NULL, NULL);

  return _br_unit_label (unit, language);
}

/**
 * _br_format_value:
 *
 * Returns: @value with its unit, to two decimals below 1,000 and none above:
 *   "−18.40 (100M CNY)", "−18.40 亿元"
 */
char *
_br_format_value (double        value,
                  const BrUnit *unit,
                  const char   *lang)
{
  g_autofree char *number = _br_format_number (value, fabs (value) >= 1000 ? 0 : 2, FALSE);

  if (g_strcmp0 (lang, "zh") == 0)
    return g_strdup_printf ("%s %s", number, _br_unit_label (unit, lang));

  return g_strdup_printf ("%s (%s)", number, _br_unit_label (unit, lang));
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
                           const char     *lang)
{
  gboolean zh = g_strcmp0 (lang, "zh") == 0;
  int year, part;

  if (!g_date_valid (&period->start) || !g_date_valid (&period->end))
    return NULL;

  year = g_date_get_year (&period->end) % 100;
  switch (period->kind)
    {
    case BR_PERIOD_HALF_YEAR:
      part = (g_date_get_month (&period->start) - 1) / 6 + 1;
      return zh ? g_strdup_printf ("%02dH%d", year, part) : g_strdup_printf ("%dH%02d", part, year);
    case BR_PERIOD_QUARTER:
      part = (g_date_get_month (&period->start) - 1) / 3 + 1;
      return zh ? g_strdup_printf ("%02dQ%d", year, part) : g_strdup_printf ("%dQ%02d", part, year);
    case BR_PERIOD_FISCAL_YEAR:
    default:
      return zh ? g_strdup_printf ("%02d年", year) : g_strdup_printf ("’%02d", year);
    }
}

/* ISO dates read the same in every language. */
char *
_br_format_date (const GDate *date,
                 const char  *lang)
{
  if (!g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}
