/* br-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-types"

#include "config.h"

#include <string.h>

#include "br-types.h"

static const char *metric_names[BR_N_METRICS] = {
  "revenue",
  "net_income_attributable",
  "net_income_total",
  "rnd_expense",
  "rnd_investment",
  "cash",
  "operating_cash_flow",
  "capex",
};

static const char *scale_names[BR_N_SCALES] = {
  "one", "thousand", "wan", "million", "yi", "billion", "trillion",
};

static const double scale_factors[BR_N_SCALES] = {
  1., 1e3, 1e4, 1e6, 1e8, 1e9, 1e12,
};

static const char *period_kind_names[] = {
  "fiscal-year", "half-year", "quarter",
};

static const char *known_currencies[] = {
  "CNY", "USD", "HKD", "EUR", "JPY", "KRW", "TWD", "GBP",
};

static gboolean
lookup_name (const char  *str,
             const char **names,
             guint        n_names,
             guint       *index)
{
  for (guint i = 0; i < n_names; i++)
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

const char *
br_metric_to_string (BrMetric metric)
{
  g_return_val_if_fail (metric < BR_N_METRICS, NULL);

  return metric_names[metric];
}

gboolean
br_metric_from_string (const char *str,
                       BrMetric   *metric)
{
  guint index;

  if (!lookup_name (str, metric_names, G_N_ELEMENTS (metric_names), &index))
    return FALSE;

  *metric = index;
  return TRUE;
}

const char *
br_period_kind_to_string (BrPeriodKind kind)
{
  g_return_val_if_fail (kind <= BR_PERIOD_QUARTER, NULL);

  return period_kind_names[kind];
}

gboolean
br_period_kind_from_string (const char   *str,
                            BrPeriodKind *kind)
{
  guint index;

  if (!lookup_name (str, period_kind_names, G_N_ELEMENTS (period_kind_names), &index))
    return FALSE;

  *kind = index;
  return TRUE;
}

const char *
br_scale_to_string (BrScale scale)
{
  g_return_val_if_fail (scale < BR_N_SCALES, NULL);

  return scale_names[scale];
}

gboolean
br_scale_from_string (const char *str,
                      BrScale    *scale)
{
  guint index;

  if (!lookup_name (str, scale_names, G_N_ELEMENTS (scale_names), &index))
    return FALSE;

  *scale = index;
  return TRUE;
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
  switch (status)
    {
    case BR_STATUS_AUDITED:
      return "audited";
    case BR_STATUS_UNAUDITED:
      return "unaudited";
    case BR_STATUS_FLASH:
      return "flash";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
br_cap_basis_to_string (BrCapBasis basis)
{
  switch (basis)
    {
    case BR_CAP_CLOSE:
      return "close";
    case BR_CAP_INTRADAY:
      return "intraday";
    case BR_CAP_IPO_FIRST_DAY_CLOSE:
      return "ipo-first-day-close";
    case BR_CAP_PRIVATE_ROUND:
      return "private-round";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
br_raise_kind_to_string (BrRaiseKind kind)
{
  static const char *names[] = { "private", "ipo", "placement", "debt" };

  g_return_val_if_fail (kind <= BR_RAISE_DEBT, NULL);

  return names[kind];
}

gboolean
br_currency_is_known (const char *code)
{
  guint index;

  return lookup_name (code, known_currencies, G_N_ELEMENTS (known_currencies), &index);
}

gboolean
br_currency_equal (const BrCurrency *a,
                   const BrCurrency *b)
{
  return strncmp (a->code, b->code, sizeof a->code) == 0;
}

void
br_period_midpoint (const BrPeriod *period,
                    GDate          *midpoint)
{
  guint32 start = g_date_get_julian (&period->start);
  guint32 end = g_date_get_julian (&period->end);

  g_date_clear (midpoint, 1);
  g_date_set_julian (midpoint, start + (end - start) / 2);
}

gboolean
br_period_overlaps (const BrPeriod *a,
                    const BrPeriod *b)
{
  return g_date_compare (&a->start, &b->end) <= 0 &&
         g_date_compare (&b->start, &a->end) <= 0;
}

gboolean
br_period_contains (const BrPeriod *outer,
                    const BrPeriod *inner)
{
  return g_date_compare (&outer->start, &inner->start) <= 0 &&
         g_date_compare (&inner->end, &outer->end) <= 0;
}

const char *
br_period_get_label (const BrPeriod *period,
                     BrLanguage      language)
{
  if (period->label.en != NULL)
    return br_text_get (&period->label, language);

  return period->id;
}
