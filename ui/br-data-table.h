/* br-data-table.h: the figures behind the chart shown, sortable, with their sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "br-chart.h"

G_BEGIN_DECLS

#define BR_TYPE_DATA_TABLE (br_data_table_get_type ())

G_DECLARE_FINAL_TYPE (BrDataTable, br_data_table, BR, DATA_TABLE, AdwBin)

void        br_data_table_set_layout (BrDataTable   *self,
                                      BrChartLayout *layout,
                                      BrLanguage     language);
void        br_data_table_sort       (BrDataTable   *self,
                                      const char    *column);
gboolean    br_data_table_get_all_figures (BrDataTable *self);
void        br_data_table_set_figures (BrDataTable        *self,
                                       BrDataset          *dataset,
                                       const char * const *hidden,
                                       const BrUnit       *unit,
                                       BrLanguage          language);
guint       br_data_table_get_n_rows (BrDataTable   *self);
gboolean    br_data_table_get_busy   (BrDataTable   *self);
void        br_data_table_copy_async (BrDataTable         *self,
                                      BrChartLayout       *layout,
                                      BrLanguage           language,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
int         br_data_table_copy_finish (BrDataTable   *self,
                                       GAsyncResult  *result,
                                       GError       **error);

G_END_DECLS
