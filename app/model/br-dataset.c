/* br-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-dataset"

#include "config.h"

#include <math.h>
#include <string.h>

#include "br-dataset-private.h"

G_DEFINE_FINAL_TYPE (BrDataset, br_dataset, G_TYPE_OBJECT)

const char * const _br_dataset_chart_names[BR_N_DATASET_CHARTS + 1] = {
  "losses", "rnd", "customers", "valuation", "runway", NULL
};

static void
br_company_clear (BrCompany *company)
{
  for (guint i = 0; i < company->n_concentrations; i++)
    g_free (company->concentrations[i].customers);

  g_free (company->periods);
  g_free (company->figures);
  g_free (company->concentrations);
  g_free (company->market_caps);
  g_free (company->raises);
  g_free (company->guidance);
}

static void
br_dataset_finalize (GObject *object)
{
  BrDataset *self = (BrDataset *)object;

  for (guint i = 0; i < self->n_companies; i++)
    br_company_clear (&self->companies[i]);

  g_clear_pointer (&self->source_index, g_hash_table_unref);
  g_clear_pointer (&self->company_index, g_hash_table_unref);
  g_clear_pointer (&self->fx_index, g_hash_table_unref);
  g_clear_pointer (&self->fx_derived, g_ptr_array_unref);
  g_clear_pointer (&self->companies, g_free);
  g_clear_pointer (&self->sources, g_free);
  g_clear_pointer (&self->fx_rates, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (br_dataset_parent_class)->finalize (object);
}

static void
br_dataset_class_init (BrDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = br_dataset_finalize;
}

static void
br_dataset_init (BrDataset *self)
{
  self->strings = g_string_chunk_new (4096);
  self->source_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->company_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_date_clear (&self->updated, 1);
}

BrDataset *
_br_dataset_new (const char *display_name)
{
  BrDataset *self = g_object_new (BR_TYPE_DATASET, NULL);

  self->display_name = g_strdup (display_name);

  return self;
}

char *
_br_dataset_intern (BrDataset  *self,
                    const char *str)
{
  if (str == NULL)
    return NULL;

  return g_string_chunk_insert_const (self->strings, str);
}

const BrText *
br_dataset_get_title (BrDataset *self)
{
  g_return_val_if_fail (BR_IS_DATASET (self), NULL);

  return &self->title;
}

const BrText *
br_dataset_get_description (BrDataset *self)
{
  g_return_val_if_fail (BR_IS_DATASET (self), NULL);

  return &self->description;
}

static int
chart_index (const char *chart)
{
  for (guint i = 0; chart != NULL && i < BR_N_DATASET_CHARTS; i++)
    {
      if (g_str_equal (chart, _br_dataset_chart_names[i]))
        return i;
    }

  return -1;
}

/**
 * br_dataset_get_chart_title:
 * @chart: the chart's name: "losses", "rnd", "customers", "valuation" or "runway"
 *
 * Returns: (nullable): the title the dataset gives @chart, or %NULL for the chart's own
 */
const BrText *
br_dataset_get_chart_title (BrDataset  *self,
                            const char *chart)
{
  int i = chart_index (chart);

  g_return_val_if_fail (BR_IS_DATASET (self), NULL);

  return i >= 0 && self->chart_titles[i].en != NULL ? &self->chart_titles[i] : NULL;
}

/**
 * br_dataset_get_chart_subtitle:
 * @chart: the chart's name, as for br_dataset_get_chart_title()
 *
 * Returns: (nullable): the subtitle the dataset gives @chart, shown before the chart's
 *   own (its periods and how values are shown); %NULL when it gives none
 */
const BrText *
br_dataset_get_chart_subtitle (BrDataset  *self,
                               const char *chart)
{
  int i = chart_index (chart);

  g_return_val_if_fail (BR_IS_DATASET (self), NULL);

  return i >= 0 && self->chart_subtitles[i].en != NULL ? &self->chart_subtitles[i] : NULL;
}

/**
 * br_dataset_get_display:
 * @currency: (out) (optional): the currency the dataset asks amounts be shown in
 * @scale: (out) (optional): and its scale
 *
 * Returns: whether the dataset says how its amounts are best shown (its "display")
 */
gboolean
br_dataset_get_display (BrDataset  *self,
                        BrCurrency *currency,
                        BrScale    *scale)
{
  g_return_val_if_fail (BR_IS_DATASET (self), FALSE);

  if (self->has_display && currency != NULL)
    *currency = self->display_currency;
  if (self->has_display && scale != NULL)
    *scale = self->display_scale;

  return self->has_display;
}

const GDate *
br_dataset_get_updated (BrDataset *self)
{
  g_return_val_if_fail (BR_IS_DATASET (self), NULL);

  return &self->updated;
}

/**
 * br_dataset_get_display_name:
 *
 * Returns: the name of the file the dataset came from, as shown to people
 */
const char *
br_dataset_get_display_name (BrDataset *self)
{
  g_return_val_if_fail (BR_IS_DATASET (self), NULL);

  return self->display_name;
}

guint
br_dataset_get_n_companies (BrDataset *self)
{
  g_return_val_if_fail (BR_IS_DATASET (self), 0);

  return self->n_companies;
}

const BrCompany *
br_dataset_get_company (BrDataset *self,
                        guint      index)
{
  g_return_val_if_fail (BR_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->n_companies, NULL);

  return &self->companies[index];
}

const BrCompany *
br_dataset_lookup_company (BrDataset  *self,
                           const char *id)
{
  g_return_val_if_fail (BR_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->company_index, id);
}

/**
 * br_dataset_get_benchmark:
 *
 * Returns: (nullable): the first company whose role is "benchmark" (Nvidia)
 */
const BrCompany *
br_dataset_get_benchmark (BrDataset *self)
{
  g_return_val_if_fail (BR_IS_DATASET (self), NULL);

  for (guint i = 0; i < self->n_companies; i++)
    {
      if (self->companies[i].role == BR_ROLE_BENCHMARK)
        return &self->companies[i];
    }

  return NULL;
}

guint
br_dataset_get_n_sources (BrDataset *self)
{
  g_return_val_if_fail (BR_IS_DATASET (self), 0);

  return self->n_sources;
}

const BrSource *
br_dataset_get_source (BrDataset *self,
                       guint      index)
{
  g_return_val_if_fail (BR_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->n_sources, NULL);

  return &self->sources[index];
}

const BrSource *
br_dataset_lookup_source (BrDataset  *self,
                          const char *id)
{
  g_return_val_if_fail (BR_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->source_index, id);
}

guint
br_dataset_get_n_fx_rates (BrDataset *self)
{
  g_return_val_if_fail (BR_IS_DATASET (self), 0);

  return self->n_fx_rates;
}

const BrFxRate *
br_dataset_get_fx_rate (BrDataset *self,
                        guint      index)
{
  g_return_val_if_fail (BR_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->n_fx_rates, NULL);

  return &self->fx_rates[index];
}

/* The same key whichever way round the pair is asked for. */
static char *
fx_key (const BrCurrency *a,
        const BrCurrency *b,
        BrFxKind          kind,
        const GDate      *date,
        int               year)
{
  const char *first = strcmp (a->code, b->code) < 0 ? a->code : b->code;
  const char *second = first == a->code ? b->code : a->code;
  char day[BR_DATE_ISO_SIZE];

  if (kind == BR_FX_SPOT)
    return g_strdup_printf ("%s/%s/%s", first, second, br_date_format_iso (date, day));

  return g_strdup_printf ("%s/%s/%d", first, second, year);
}

/* "2024" for an annual average, "2024-07-09" for a spot rate: the rates that may be
 * chained */
static char *
fx_when (const BrFxRate *rate)
{
  char day[BR_DATE_ISO_SIZE];

  if (rate->kind == BR_FX_SPOT)
    return g_strdup (br_date_format_iso (&rate->date, day));

  return g_strdup_printf ("%d", rate->year);
}

/* How many units of @pivot one unit of @code is worth, by @rate */
static double
worth (const BrFxRate *rate,
       const char     *code)
{
  return g_str_equal (rate->base.code, code) ? rate->rate : 1 / rate->rate;
}

static const char *
other_code (const BrFxRate *rate,
            const char     *code)
{
  return g_str_equal (rate->base.code, code) ? rate->quote.code : rate->base.code;
}

/* The rate between @a and @b through the first currency both have a rate to in
 * @rates (all of one day or year), or NULL */
static BrFxRate *
derive_rate (GPtrArray  *rates,
             const char *a,
             const char *b)
{
  for (guint i = 0; i < rates->len; i++)
    {
      const BrFxRate *to_a = g_ptr_array_index (rates, i);
      const char *pivot;

      if (!g_str_equal (to_a->base.code, a) && !g_str_equal (to_a->quote.code, a))
        continue;

      pivot = other_code (to_a, a);
      for (guint j = 0; j < rates->len; j++)
        {
          const BrFxRate *to_b = g_ptr_array_index (rates, j);
          BrFxRate *rate;

          if (!(g_str_equal (to_b->base.code, b) && g_str_equal (to_b->quote.code, pivot)) &&
              !(g_str_equal (to_b->quote.code, b) && g_str_equal (to_b->base.code, pivot)))
            continue;

          rate = g_new0 (BrFxRate, 1);
          *rate = *to_a;
          g_strlcpy (rate->base.code, a, sizeof rate->base.code);
          g_strlcpy (rate->quote.code, b, sizeof rate->quote.code);
          rate->rate = worth (to_a, a) / worth (to_b, b);
          rate->legs[0] = to_a;
          rate->legs[1] = to_b;
          return rate;
        }
    }

  return NULL;
}

/* Each pair of currencies of @rates with no rate of its own gets one through a pivot */
static void
derive_rates (BrDataset *self,
              GPtrArray *rates)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < rates->len; i++)
    {
      const BrFxRate *rate = g_ptr_array_index (rates, i);

      if (!g_ptr_array_find_with_equal_func (codes, rate->base.code, g_str_equal, NULL))
        g_ptr_array_add (codes, (gpointer)rate->base.code);
      if (!g_ptr_array_find_with_equal_func (codes, rate->quote.code, g_str_equal, NULL))
        g_ptr_array_add (codes, (gpointer)rate->quote.code);
    }

  for (guint i = 0; i < codes->len; i++)
    for (guint j = i + 1; j < codes->len; j++)
      {
        const BrFxRate *first = g_ptr_array_index (rates, 0);
        BrFxRate *rate = derive_rate (rates, g_ptr_array_index (codes, i),
                                      g_ptr_array_index (codes, j));
        char *key;

        if (rate == NULL)
          continue;
        key = fx_key (&rate->base, &rate->quote, first->kind, &first->date, first->year);
        if (g_hash_table_contains (self->fx_index, key))
          {
            g_free (key);
            g_free (rate);
            continue;
          }
        g_hash_table_insert (self->fx_index, key, rate);
        g_ptr_array_add (self->fx_derived, rate);
      }
}

/**
 * _br_dataset_index_fx:
 *
 * Indexes the rates by pair and year or day, so that a dataset with many rates and
 * figures converts in constant time; the first rate in the file wins. Two currencies
 * with no rate between them but each a rate to a third one of the same day or year, the
 * pivot, get the rate through it.
 */
void
_br_dataset_index_fx (BrDataset *self)
{
  g_autoptr(GHashTable) by_when = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify)g_ptr_array_unref);
  GHashTableIter iter;
  gpointer rates;

  g_clear_pointer (&self->fx_index, g_hash_table_unref);
  g_clear_pointer (&self->fx_derived, g_ptr_array_unref);
  self->fx_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->fx_derived = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->n_fx_rates; i++)
    {
      const BrFxRate *rate = &self->fx_rates[i];
      char *key = fx_key (&rate->base, &rate->quote, rate->kind, &rate->date, rate->year);
      char *when;
      GPtrArray *same;

      if (g_hash_table_contains (self->fx_index, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_insert (self->fx_index, key, (gpointer)rate);

      when = fx_when (rate);
      same = g_hash_table_lookup (by_when, when);
      if (same == NULL)
        g_hash_table_insert (by_when, when, same = g_ptr_array_new ());
      else
        g_free (when);
      g_ptr_array_add (same, (gpointer)rate);
    }

  g_hash_table_iter_init (&iter, by_when);
  while (g_hash_table_iter_next (&iter, NULL, &rates))
    derive_rates (self, rates);
}

/**
 * br_dataset_find_rate:
 * @date: the day of a market capitalisation, or the middle of a period
 * @spot_allowed: whether a spot rate of @date may be used (market capitalisations)
 *
 * Finds the rate that converts between @from and @to for @date: the spot rate of that
 * day when allowed, else the annual average of that calendar year; either may be a rate
 * through a pivot currency (see #BrFxRate).
 *
 * Returns: (nullable): the rate, in either direction
 */
const BrFxRate *
br_dataset_find_rate (BrDataset        *self,
                      const BrCurrency *from,
                      const BrCurrency *to,
                      const GDate      *date,
                      gboolean          spot_allowed)
{
  const BrFxRate *rate = NULL;

  g_return_val_if_fail (BR_IS_DATASET (self), NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  /* a dataset with no "fx" has no index */
  if (self->fx_index == NULL)
    return NULL;

  if (spot_allowed)
    {
      g_autofree char *key = fx_key (from, to, BR_FX_SPOT, date, 0);

      rate = g_hash_table_lookup (self->fx_index, key);
    }
  if (rate == NULL)
    {
      g_autofree char *key = fx_key (from, to, BR_FX_ANNUAL_AVERAGE, NULL,
                                     g_date_get_year (date));

      rate = g_hash_table_lookup (self->fx_index, key);
    }

  return rate;
}

/**
 * br_dataset_convert:
 * @amount: the amount to convert
 * @date: the date that picks the rate, see br_dataset_find_rate()
 * @to: the currency and scale wanted
 * @out: (out): the result and the rate it used
 *
 * Returns: %FALSE if the dataset has no rate for the conversion
 */
gboolean
br_dataset_convert (BrDataset        *self,
                    const BrAmount   *amount,
                    const GDate      *date,
                    gboolean          spot_allowed,
                    const BrUnit     *to,
                    BrConversion     *out)
{
  double value;

  g_return_val_if_fail (BR_IS_DATASET (self), FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  value = amount->value * (br_scale_factor (amount->scale) / br_scale_factor (to->scale));
  out->rate = NULL;
  out->inverted = FALSE;

  if (!br_currency_equal (&amount->currency, &to->currency))
    {
      const BrFxRate *rate = br_dataset_find_rate (self, &amount->currency, &to->currency,
                                                   date, spot_allowed);

      if (rate == NULL)
        return FALSE;

      out->rate = rate;
      out->inverted = !br_currency_equal (&rate->base, &amount->currency);
      value = out->inverted ? value / rate->rate : value * rate->rate;
    }

  /* an amount near DBL_MAX times a rate is no number to draw */
  if (!isfinite (value))
    return FALSE;

  out->value = value;

  return TRUE;
}

const BrFigure *
br_company_find_figure (const BrCompany *company,
                        const BrPeriod  *period,
                        BrMetric         metric)
{
  g_return_val_if_fail (company != NULL, NULL);

  for (guint i = 0; i < company->n_figures; i++)
    {
      const BrFigure *figure = &company->figures[i];

      if (figure->period == period && figure->metric == metric)
        return figure;
    }

  return NULL;
}

const BrConcentration *
br_company_find_concentration (const BrCompany *company,
                               const BrPeriod  *period)
{
  g_return_val_if_fail (company != NULL, NULL);

  for (guint i = 0; i < company->n_concentrations; i++)
    {
      if (company->concentrations[i].period == period)
        return &company->concentrations[i];
    }

  return NULL;
}

const char *
br_company_get_name (const BrCompany *company,
                     BrLanguage       language)
{
  g_return_val_if_fail (company != NULL, NULL);

  return br_text_get (&company->name, language);
}
