/* br-dataset-private.h: how the loader builds a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-dataset.h"
#include "br-metrics.h"

G_BEGIN_DECLS

struct _BrDataset
{
  GObject       parent_instance;

  GStringChunk *strings;
  char         *display_name;
  BrText        title;        /* the file's name when the file has none */
  BrText        description;
  BrText        chart_titles[BR_N_DATASET_CHARTS];     /* unset: en is NULL */
  BrText        chart_subtitles[BR_N_DATASET_CHARTS];
  gboolean      has_display;
  BrCurrency    display_currency;
  BrScale       display_scale;
  gsize         own_unit_known;  /* br_unit_for_dataset(), once */
  BrUnit        own_unit;
  GDate         updated;

  BrSource     *sources;
  guint         n_sources;
  BrFxRate     *fx_rates;
  guint         n_fx_rates;
  BrCompany    *companies;
  guint         n_companies;

  GHashTable   *source_index;   /* id → BrSource* */
  GHashTable   *company_index;  /* id → BrCompany* */
  GHashTable   *fx_index;       /* "CNY/USD/2024" or "CNY/USD/2024-07-09" → BrFxRate* */
  GPtrArray    *fx_derived;     /* BrFxRate*: the rates through a pivot currency */
};

/* the charts a dataset may title, as its "charts" member names them; NULL-terminated */
extern const char * const _br_dataset_chart_names[BR_N_DATASET_CHARTS + 1];

BrDataset *_br_dataset_new     (const char *display_name);
char      *_br_dataset_intern  (BrDataset  *self,
                                const char *str);
void       _br_dataset_index_fx (BrDataset *self);

/* for the loader and the tests */
const BrSource        *br_dataset_lookup_source      (BrDataset       *self,
                                                      const char      *id);
guint                  br_dataset_get_n_fx_rates     (BrDataset       *self);
const BrFxRate        *br_dataset_get_fx_rate        (BrDataset       *self,
                                                      guint            index);
const BrConcentration *br_company_find_concentration (const BrCompany *company,
                                                      const BrPeriod  *period);

G_END_DECLS
