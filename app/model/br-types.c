/* br-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-types"

#include "config.h"

#include <string.h>

#include "br-types-private.h"

/* The names a dataset file spells each value with, in enum order, NULL-terminated so
 * that the loader can list them when a file has another. */
const char * const _br_metric_names[] = {
  "revenue", "net_income_attributable", "net_income_total", "rnd_expense",
  "rnd_investment", "cash", "operating_cash_flow", "capex", NULL,
};
const char * const _br_scale_names[] = {
  "one", "thousand", "wan", "million", "yi", "billion", "trillion", NULL,
};
const char * const _br_period_kind_names[] = {
  "fiscal-year", "half-year", "quarter", NULL,
};
const char * const _br_status_names[] = {
  "audited", "unaudited", "flash", NULL,
};
const char * const _br_bound_names[] = {
  "exact", "at-least", "more-than", NULL,
};
const char * const _br_cap_basis_names[] = {
  "close", "intraday", "ipo-first-day-close", "private-round", NULL,
};
const char * const _br_fx_kind_names[] = {
  "annual-average", "spot", NULL,
};
const char * const _br_raise_kind_names[] = {
  "private", "ipo", "placement", "debt", NULL,
};
const char * const _br_role_names[] = {
  "challenger", "benchmark", NULL,
};
const char * const _br_known_currencies[] = {
  "CNY", "USD", "HKD", "EUR", "JPY", "KRW", "TWD", "GBP", NULL,
};

static const double scale_factors[BR_N_SCALES] = {
  1., 1e3, 1e4, 1e6, 1e8, 1e9, 1e12,
};

G_STATIC_ASSERT (G_N_ELEMENTS (_br_metric_names) == BR_N_METRICS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (_br_scale_names) == BR_N_SCALES + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (_br_period_kind_names) == BR_PERIOD_QUARTER + 2);
G_STATIC_ASSERT (G_N_ELEMENTS (_br_status_names) == BR_STATUS_FLASH + 2);
G_STATIC_ASSERT (G_N_ELEMENTS (_br_bound_names) == BR_BOUND_MORE_THAN + 2);
G_STATIC_ASSERT (G_N_ELEMENTS (_br_cap_basis_names) == BR_CAP_PRIVATE_ROUND + 2);
G_STATIC_ASSERT (G_N_ELEMENTS (_br_fx_kind_names) == BR_FX_SPOT + 2);
G_STATIC_ASSERT (G_N_ELEMENTS (_br_raise_kind_names) == BR_RAISE_DEBT + 2);
G_STATIC_ASSERT (G_N_ELEMENTS (_br_role_names) == BR_ROLE_BENCHMARK + 2);

/**
 * _br_name_lookup:
 * @names: a NULL-terminated table
 *
 * Returns: %TRUE if @str is in @names, its index in @index
 */
gboolean
_br_name_lookup (const char * const *names,
                 const char         *str,
                 guint              *index)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_strcmp0 (str, names[i]) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Each language: its code in options and on the command line, and the locale whose
 * catalogue translates into it (also the language Pango shapes for) */
static const struct
{
  const char *code;
  const char *locale;
} languages[BR_N_LANGUAGES] = {
  [BR_LANGUAGE_EN] = { "en", "en" },
  [BR_LANGUAGE_ZH] = { "zh", "zh_CN" },
};

const char *
br_language_to_string (BrLanguage language)
{
  g_return_val_if_fail (language < BR_N_LANGUAGES, NULL);

  return languages[language].code;
}

/**
 * br_language_from_string:
 * @str: a language code, or a locale name such as "zh_CN.UTF-8" or "zh-Hans"
 * @language: (out): where to store the language
 *
 * Returns: whether @str names one of the chart languages
 */
gboolean
br_language_from_string (const char *str,
                         BrLanguage *language)
{
  g_return_val_if_fail (language != NULL, FALSE);

  for (guint i = 0; str != NULL && i < BR_N_LANGUAGES; i++)
    {
      gsize n = strlen (languages[i].code);

      if (strncmp (str, languages[i].code, n) == 0 &&
          (str[n] == '\0' || str[n] == '_' || str[n] == '-' || str[n] == '.' || str[n] == '@'))
        {
          *language = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* the locale whose catalogue holds @language's messages: "zh_CN" */
const char *
br_language_get_locale (BrLanguage language)
{
  g_return_val_if_fail (language < BR_N_LANGUAGES, NULL);

  return languages[language].locale;
}

/**
 * br_language_from_locale:
 *
 * Returns: the first of the process's languages (LANGUAGE, LC_ALL, ...) that charts can
 * be drawn in; English when there is none
 */
BrLanguage
br_language_from_locale (void)
{
  const char * const *names = g_get_language_names ();
  BrLanguage language;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (br_language_from_string (names[i], &language))
        return language;
    }

  return BR_LANGUAGE_EN;
}

/**
 * br_text_get:
 * @text: a text
 * @language: the language wanted
 *
 * Returns: the translation for @language if the text has one, else the English text
 */
const char *
br_text_get (const BrText *text,
             BrLanguage    language)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language < BR_N_LANGUAGES, NULL);

  return text->in[language] != NULL ? text->in[language] : text->en;
}

/**
 * br_metric_to_string:
 *
 * Returns: the metric's name in the dataset format: "revenue", "net_income_total", ...
 */
const char *
br_metric_to_string (BrMetric metric)
{
  g_return_val_if_fail (metric < BR_N_METRICS, NULL);

  return _br_metric_names[metric];
}

const char *
_br_period_kind_to_string (BrPeriodKind kind)
{
  g_return_val_if_fail (kind <= BR_PERIOD_QUARTER, NULL);

  return _br_period_kind_names[kind];
}

const char *
br_scale_to_string (BrScale scale)
{
  g_return_val_if_fail (scale < BR_N_SCALES, NULL);

  return _br_scale_names[scale];
}

double
br_scale_factor (BrScale scale)
{
  g_return_val_if_fail (scale < BR_N_SCALES, 1.);

  return scale_factors[scale];
}

const char *
br_status_to_string (BrStatus status)
{
  /* the two a dataset cannot hold: what the runway derives */
  if (status == BR_STATUS_ESTIMATE)
    return "estimate";
  if (status == BR_STATUS_PROJECTION)
    return "projection";
  g_return_val_if_fail (status <= BR_STATUS_FLASH, NULL);

  return _br_status_names[status];
}

const char *
br_raise_kind_to_string (BrRaiseKind kind)
{
  g_return_val_if_fail (kind <= BR_RAISE_DEBT, NULL);

  return _br_raise_kind_names[kind];
}

gboolean
_br_currency_is_known (const char *code)
{
  guint index;

  return _br_name_lookup (_br_known_currencies, code, &index);
}

gboolean
br_currency_equal (const BrCurrency *a,
                   const BrCurrency *b)
{
  return strncmp (a->code, b->code, sizeof a->code) == 0;
}

/**
 * br_period_get_midpoint:
 *
 * The day halfway through @period: where a chart places its figure, and the year whose
 * average rate converts it.
 */
void
br_period_get_midpoint (const BrPeriod *period,
                        GDate          *midpoint)
{
  guint32 start = g_date_get_julian (&period->start);
  guint32 end = g_date_get_julian (&period->end);

  g_date_clear (midpoint, 1);
  g_date_set_julian (midpoint, start + (end - start) / 2);
}

gboolean
_br_period_overlaps (const BrPeriod *a,
                    const BrPeriod *b)
{
  return g_date_compare (&a->start, &b->end) <= 0 &&
         g_date_compare (&b->start, &a->end) <= 0;
}

const char *
br_period_get_label (const BrPeriod *period,
                     BrLanguage      language)
{
  if (period->label.en != NULL)
    return br_text_get (&period->label, language);

  return period->id;
}

/**
 * br_date_parse_iso:
 * @str: text
 * @date: (out): the date, cleared when @str is not one
 *
 * Reads an ISO 8601 calendar date written YYYY-MM-DD: four digits for the year, no
 * sign, nothing before or after.
 *
 * Returns: %TRUE if @str is such a date and the day exists
 */
gboolean
br_date_parse_iso (const char *str,
                   GDate      *date)
{
  guint year = 0, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
        return FALSE;
    }

  for (guint i = 0; i < 4; i++)
    year = year * 10 + (str[i] - '0');
  month = (str[5] - '0') * 10 + (str[6] - '0');
  day = (str[8] - '0') * 10 + (str[9] - '0');

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * br_date_format_iso:
 * @date: a valid date
 * @buf: room for BR_DATE_ISO_SIZE bytes
 *
 * Returns: @buf, holding @date written YYYY-MM-DD
 */
const char *
br_date_format_iso (const GDate *date,
                    char         buf[BR_DATE_ISO_SIZE])
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), "");

  g_snprintf (buf, BR_DATE_ISO_SIZE, "%04u-%02u-%02u", (guint)g_date_get_year (date),
              (guint)g_date_get_month (date), (guint)g_date_get_day (date));
  return buf;
}
