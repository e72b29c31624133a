/* br-data-table-private.h: the rows and the sorting of the table, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-data-table.h"

G_BEGIN_DECLS

GListModel *br_data_table_get_rows   (BrDataTable   *self);
GtkSelectionModel *br_data_table_get_selection (BrDataTable *self);
void        br_data_table_sort_by    (BrDataTable   *self,
                                      const char    *column,
                                      GtkSortType    direction);
void        br_data_table_set_all_figures (BrDataTable *self,
                                           gboolean     all_figures);

G_END_DECLS
