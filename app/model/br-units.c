/* br-units.c: the units amounts can be shown in, in one table
 *
 * Another unit is one more row here (and a <choice> in the GSettings schema): the side
 * pane, the settings, `--unit` and the chart's label all follow it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-model"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "br-dataset-private.h"
#include "br-units.h"

static const BrDisplayUnit units[] = {
  { "cny-yi", "yi", "CNY", BR_SCALE_YI, N_("亿元 (CNY 100 million)") },
  { "cny-bn", NULL, "CNY", BR_SCALE_BILLION, N_("CNY billion") },
  { "usd-bn", NULL, "USD", BR_SCALE_BILLION, N_("USD billion") },
  { "usd-mn", NULL, "USD", BR_SCALE_MILLION, N_("USD million") },
  { "hkd-bn", NULL, "HKD", BR_SCALE_BILLION, N_("HKD billion") },
  { "hkd-mn", NULL, "HKD", BR_SCALE_MILLION, N_("HKD million") },
  { "eur-bn", NULL, "EUR", BR_SCALE_BILLION, N_("EUR billion") },
  { "eur-mn", NULL, "EUR", BR_SCALE_MILLION, N_("EUR million") },
  { "jpy-bn", NULL, "JPY", BR_SCALE_BILLION, N_("JPY billion") },
  { "jpy-mn", NULL, "JPY", BR_SCALE_MILLION, N_("JPY million") },
  { "krw-bn", NULL, "KRW", BR_SCALE_BILLION, N_("KRW billion") },
  { "krw-mn", NULL, "KRW", BR_SCALE_MILLION, N_("KRW million") },
  { "twd-bn", NULL, "TWD", BR_SCALE_BILLION, N_("TWD billion") },
  { "twd-mn", NULL, "TWD", BR_SCALE_MILLION, N_("TWD million") },
  { "gbp-bn", NULL, "GBP", BR_SCALE_BILLION, N_("GBP billion") },
  { "gbp-mn", NULL, "GBP", BR_SCALE_MILLION, N_("GBP million") },
};

guint
br_display_unit_get_n (void)
{
  return G_N_ELEMENTS (units);
}

const BrDisplayUnit *
br_display_unit_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (units), NULL);

  return &units[index];
}

/**
 * br_display_unit_lookup:
 * @name: a unit's name, or an older spelling of it
 *
 * Returns: (nullable): the unit @name names
 */
const BrDisplayUnit *
br_display_unit_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (units); i++)
    {
      if (g_str_equal (name, units[i].name) || g_strcmp0 (name, units[i].alias) == 0)
        return &units[i];
    }

  return NULL;
}

/* The index of the display unit that is @unit, or -1 */
int
br_display_unit_find (const BrUnit *unit)
{
  g_return_val_if_fail (unit != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (g_str_equal (unit->currency.code, units[i].currency) && unit->scale == units[i].scale)
        return i;
    }

  return -1;
}

void
br_display_unit_to_unit (const BrDisplayUnit *display,
                         BrUnit              *unit)
{
  g_return_if_fail (display != NULL);

  br_unit_init (unit, display->currency, display->scale);
}

/* The names, for a message that lists them: "cny-yi, cny-bn, usd-bn" */
char *
br_display_unit_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", units[i].name);
    }

  return g_string_free (list, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
count_currency (GHashTable       *counts,
                const BrCurrency *currency)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, currency->code));

  g_hash_table_insert (counts, (gpointer)currency->code, GUINT_TO_POINTER (n + 1));
}

/* The currency most of @dataset's figures and market values are in (the first in the
 * file on a tie), and the size of its typical figure in units */
static const char *
main_currency (BrDataset *dataset,
               double    *typical)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  const char *best = NULL;
  guint best_n = 0;

  for (guint c = 0; c < br_dataset_get_n_companies (dataset); c++)
    {
      const BrCompany *company = br_dataset_get_company (dataset, c);

      for (guint i = 0; i < company->n_figures; i++)
        count_currency (counts, &company->figures[i].amount.currency);
      for (guint i = 0; i < company->n_market_caps; i++)
        count_currency (counts, &company->market_caps[i].amount.currency);
    }

  for (guint c = 0; c < br_dataset_get_n_companies (dataset); c++)
    {
      const BrCompany *company = br_dataset_get_company (dataset, c);

      for (guint i = 0; i < company->n_figures + company->n_market_caps; i++)
        {
          /* market values count too: a dataset may hold nothing else */
          const BrAmount *amount = i < company->n_figures
                                     ? &company->figures[i].amount
                                     : &company->market_caps[i - company->n_figures].amount;
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, amount->currency.code));

          if (n > best_n)
            {
              best = amount->currency.code;
              best_n = n;
            }
        }
    }

  for (guint c = 0; best != NULL && c < br_dataset_get_n_companies (dataset); c++)
    {
      const BrCompany *company = br_dataset_get_company (dataset, c);

      for (guint i = 0; i < company->n_figures; i++)
        {
          const BrAmount *amount = &company->figures[i].amount;
          double size = fabs (amount->value) * br_scale_factor (amount->scale);

          if (g_str_equal (amount->currency.code, best))
            g_array_append_val (sizes, size);
        }
    }

  g_array_sort (sizes, compare_doubles);
  /* market values alone read in billions */
  *typical = sizes->len > 0 ? g_array_index (sizes, double, sizes->len / 2) : 1e9;

  return best;
}

/* The unit br_unit_for_dataset() gives, worked out once a dataset */
static void
compute_unit (BrDataset *dataset,
              BrUnit    *unit)
{
  double typical = 0;
  const char *currency;

  if (dataset->has_display)
    {
      br_unit_init (unit, dataset->display_currency.code, dataset->display_scale);
      return;
    }

  currency = main_currency (dataset, &typical);
  if (currency == NULL || g_str_equal (currency, "CNY"))
    br_unit_init (unit, "CNY", BR_SCALE_YI);
  else
    br_unit_init (unit, currency, typical < 1e9 ? BR_SCALE_MILLION : BR_SCALE_BILLION);
}

/**
 * br_unit_for_dataset:
 * @unit: (out): the unit
 *
 * The unit @dataset's amounts read best in when nobody chose one: its "display" when it
 * has one, else the currency most of its figures are in (so that a dataset without yuan
 * does not ask for a conversion it cannot make), in 亿 for yuan, and for other currencies
 * in billions, or in millions when a typical figure is under a billion. A dataset of
 * market values alone is shown in their currency, in billions; 亿元 for a dataset with
 * no amounts. The unit is always one of the display units.
 */
void
br_unit_for_dataset (BrDataset *dataset,
                     BrUnit    *unit)
{
  g_return_if_fail (BR_IS_DATASET (dataset));
  g_return_if_fail (unit != NULL);

  /* a loaded dataset does not change, and finding its main currency reads every figure:
   * once a dataset, from whichever thread asks first */
  if (g_once_init_enter (&dataset->own_unit_known))
    {
      compute_unit (dataset, &dataset->own_unit);
      g_once_init_leave (&dataset->own_unit_known, 1);
    }

  *unit = dataset->own_unit;
}

/* Whether @code is @dataset's main currency or linked to it by exchange rates, directly
 * or through other currencies */
static gboolean
currency_linked (BrDataset  *dataset,
                 const char *main,
                 const char *code)
{
  g_autoptr(GPtrArray) linked = g_ptr_array_new ();
  gboolean grew = TRUE;

  g_ptr_array_add (linked, (gpointer)main);
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < dataset->n_fx_rates; i++)
        {
          const BrFxRate *rate = &dataset->fx_rates[i];
          gboolean has_base = g_ptr_array_find_with_equal_func (linked, rate->base.code,
                                                                g_str_equal, NULL);
          gboolean has_quote = g_ptr_array_find_with_equal_func (linked, rate->quote.code,
                                                                 g_str_equal, NULL);

          if (has_base != has_quote)
            {
              g_ptr_array_add (linked, (gpointer)(has_base ? rate->quote.code : rate->base.code));
              grew = TRUE;
            }
        }
    }

  return g_ptr_array_find_with_equal_func (linked, code, g_str_equal, NULL);
}

/**
 * br_display_unit_reachable:
 *
 * Returns: whether @dataset's amounts can be shown in @display: its currency is the
 *   dataset's own or its exchange rates lead to it
 */
gboolean
br_display_unit_reachable (const BrDisplayUnit *display,
                           BrDataset           *dataset)
{
  BrUnit own;

  g_return_val_if_fail (display != NULL, FALSE);
  g_return_val_if_fail (BR_IS_DATASET (dataset), FALSE);

  br_unit_for_dataset (dataset, &own);
  return currency_linked (dataset, own.currency.code, display->currency);
}

/* The names of the units @dataset reaches, for a message: "usd-bn, usd-mn" */
char *
br_display_unit_list_reachable (BrDataset *dataset)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (br_display_unit_reachable (&units[i], dataset))
        g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", units[i].name);
    }

  return g_string_free (list, FALSE);
}

/**
 * br_display_unit_choose:
 * @chosen: (nullable): the name of the unit the user chose, or %NULL if none
 *
 * Returns: the unit to show @dataset in: @chosen when the dataset reaches it, else the
 *   dataset's own (br_unit_for_dataset())
 */
const BrDisplayUnit *
br_display_unit_choose (BrDataset  *dataset,
                        const char *chosen)
{
  const BrDisplayUnit *display = br_display_unit_lookup (chosen);
  BrUnit own;
  int index;

  g_return_val_if_fail (BR_IS_DATASET (dataset), &units[0]);

  if (display != NULL && br_display_unit_reachable (display, dataset))
    return display;

  br_unit_for_dataset (dataset, &own);
  index = br_display_unit_find (&own);

  return index >= 0 ? &units[index] : &units[0];
}
