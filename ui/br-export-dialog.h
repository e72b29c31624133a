/* br-export-dialog.h: the chart shown, written as PNG, PDF, SVG or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "br-export.h"

G_BEGIN_DECLS

#define BR_TYPE_EXPORT_DIALOG (br_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BrExportDialog, br_export_dialog, BR, EXPORT_DIALOG, AdwWindow)

BrExportDialog *br_export_dialog_new          (GtkWindow            *parent,
                                               BrDataset            *dataset,
                                               GFile                *source,
                                               const BrChartOptions *options);

G_END_DECLS
