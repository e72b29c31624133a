/* br-dataset.h: an immutable, validated dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "br-types.h"

G_BEGIN_DECLS

#define BR_TYPE_DATASET (br_dataset_get_type ())

/* the charts a dataset can title: losses, rnd, customers, valuation, runway */
#define BR_N_DATASET_CHARTS 5

G_DECLARE_FINAL_TYPE (BrDataset, br_dataset, BR, DATASET, GObject)

/* A conversion from one amount into a currency and scale, and what it took. */
typedef struct
{
  double          value;
  const BrFxRate *rate;      /* NULL when no conversion was needed */
  gboolean        inverted;  /* the rate was used as quote → base */
} BrConversion;

const BrText    *br_dataset_get_title          (BrDataset        *self);
const BrText    *br_dataset_get_description    (BrDataset        *self);
const BrText    *br_dataset_get_chart_title    (BrDataset        *self,
                                                const char       *chart);
const BrText    *br_dataset_get_chart_subtitle (BrDataset        *self,
                                                const char       *chart);
gboolean         br_dataset_get_display        (BrDataset        *self,
                                                BrCurrency       *currency,
                                                BrScale          *scale);
const GDate     *br_dataset_get_updated        (BrDataset        *self);
const char      *br_dataset_get_display_name   (BrDataset        *self);
guint            br_dataset_get_n_companies    (BrDataset        *self);
const BrCompany *br_dataset_get_company        (BrDataset        *self,
                                                guint             index);
const BrCompany *br_dataset_lookup_company     (BrDataset        *self,
                                                const char       *id);
const BrCompany *br_dataset_get_benchmark      (BrDataset        *self);
guint            br_dataset_get_n_sources      (BrDataset        *self);
const BrSource  *br_dataset_get_source         (BrDataset        *self,
                                                guint             index);
const BrFxRate  *br_dataset_find_rate          (BrDataset        *self,
                                                const BrCurrency *from,
                                                const BrCurrency *to,
                                                const GDate      *date,
                                                gboolean          spot_allowed);
gboolean         br_dataset_convert            (BrDataset        *self,
                                                const BrAmount   *amount,
                                                const GDate      *date,
                                                gboolean          spot_allowed,
                                                const BrUnit     *to,
                                                BrConversion     *out);

const BrFigure  *br_company_find_figure        (const BrCompany  *company,
                                                const BrPeriod   *period,
                                                BrMetric          metric);
const char      *br_company_get_name           (const BrCompany  *company,
                                                BrLanguage        language);

G_END_DECLS
