/* br-export-dialog-private.h: the dialog's choices and its Export button, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-export-dialog.h"

G_BEGIN_DECLS

typedef enum
{
  BR_EXPORT_SIZE_FULL_HD,
  BR_EXPORT_SIZE_HD,
  BR_EXPORT_SIZE_A4_LANDSCAPE,
  BR_EXPORT_SIZE_CUSTOM,
} BrExportSizePreset;

BrExportFormat  br_export_dialog_get_format   (BrExportDialog       *self);
void            br_export_dialog_set_format   (BrExportDialog       *self,
                                               BrExportFormat        format);
void            br_export_dialog_set_size     (BrExportDialog       *self,
                                               BrExportSizePreset    size,
                                               double                width,
                                               double                height);
void            br_export_dialog_set_scale    (BrExportDialog       *self,
                                               double                scale);
void            br_export_dialog_set_theme    (BrExportDialog       *self,
                                               BrTheme               theme);
void            br_export_dialog_set_transparent (BrExportDialog    *self,
                                               gboolean              transparent);
void            br_export_dialog_set_slides       (BrExportDialog *self,
                                                   gboolean        slides);
void            br_export_dialog_export_async (BrExportDialog       *self,
                                               GFile                *file,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean        br_export_dialog_export_finish (BrExportDialog      *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
