/* br-company-list.h: a searchable list of many companies, built as it scrolls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "br-model.h"

G_BEGIN_DECLS

#define BR_TYPE_COMPANY_LIST (br_company_list_get_type ())

G_DECLARE_FINAL_TYPE (BrCompanyList, br_company_list, BR, COMPANY_LIST, GtkBox)

GtkWidget *br_company_list_new (GSettings *settings,
                                BrDataset *dataset);

GtkWidget       *br_company_swatch_new         (void);
void             br_company_swatch_set_company (GtkWidget       *swatch,
                                                BrDataset       *dataset,
                                                const BrCompany *company);

G_END_DECLS
