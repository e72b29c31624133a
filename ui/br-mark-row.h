/* br-mark-row.h: one row of the data table, a copy of what a chart mark says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "br-chart.h"
#include "br-export.h"

G_BEGIN_DECLS

#define BR_TYPE_MARK_ROW (br_mark_row_get_type ())

G_DECLARE_FINAL_TYPE (BrMarkRow, br_mark_row, BR, MARK_ROW, GObject)

BrMarkRow  *br_mark_row_new            (const BrChartMark *mark,
                                        guint              index,
                                        BrLanguage         language);
gboolean    br_mark_row_update         (BrMarkRow         *self,
                                        const BrChartMark *mark,
                                        guint              index,
                                        BrLanguage         language);
BrMarkRow  *br_mark_row_new_for_figure (const BrFigureValue *value,
                                        guint              index,
                                        const BrUnit      *unit,
                                        BrLanguage         language);
void        br_mark_row_set_figure     (BrMarkRow           *self,
                                        const BrFigureValue *value,
                                        guint              index,
                                        const BrUnit      *unit,
                                        BrLanguage         language);
const char *br_mark_row_metric_name    (BrMetric           metric);
char       *br_mark_row_describe_series (const BrChartMark *mark);
const char *br_mark_row_status_name    (BrStatus           status);
const char *br_mark_row_get_url        (BrMarkRow         *self);
guint       br_mark_row_get_index      (BrMarkRow         *self);
char       *br_unit_describe           (const BrUnit      *unit,
                                        gboolean           percent,
                                        BrLanguage         language);

G_END_DECLS
