/* br-figure-list.h: every figure of a dataset's companies, as table rows made when asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "br-chart.h"
#include "br-export.h"

G_BEGIN_DECLS

#define BR_TYPE_FIGURE_LIST (br_figure_list_get_type ())

G_DECLARE_FINAL_TYPE (BrFigureList, br_figure_list, BR, FIGURE_LIST, GObject)

BrFigureList *br_figure_list_new             (void);
void          br_figure_list_set_figures     (BrFigureList        *self,
                                              BrDataset           *dataset,
                                              const char * const  *hidden,
                                              const BrUnit        *unit,
                                              BrLanguage           language);
void          br_figure_list_sort            (BrFigureList        *self,
                                              const char          *column,
                                              GtkSortType          direction);
gboolean      br_figure_list_get_busy        (BrFigureList        *self);
void          br_figure_list_set_shown       (BrFigureList        *self,
                                              gboolean             shown);
guint         br_figure_list_get_n_shown     (BrFigureList        *self);
void          br_figure_list_copy_csv_async  (BrFigureList        *self,
                                              GtkBitset           *positions,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GBytes       *br_figure_list_copy_csv_finish (BrFigureList        *self,
                                              GAsyncResult        *result,
                                              guint               *n_rows,
                                              GError             **error);

G_END_DECLS
