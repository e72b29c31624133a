/* br-export-private.h: what the export writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "br-export.h"

G_BEGIN_DECLS

/* A file written beside its target and renamed into place only once it is complete. */
typedef struct _BrExportFile BrExportFile;

BrExportFile   *_br_export_file_new         (const char    *path,
                                             GError       **error);
gboolean        _br_export_file_write       (BrExportFile  *file,
                                             const void    *data,
                                             gsize          length,
                                             GError       **error);
gboolean        _br_export_file_finish      (BrExportFile  *file,
                                             GError       **error);
gboolean        _br_export_file_commit      (BrExportFile  *file,
                                             GError       **error);
void            _br_export_file_free        (BrExportFile  *file);
cairo_status_t  _br_export_file_cairo_write (void                *closure,
                                             const unsigned char *data,
                                             unsigned int         length);
gboolean        _br_export_file_png_write   (const guint8  *data,
                                             gsize          length,
                                             gpointer       file,
                                             GError       **error);
gboolean        _br_export_file_check       (BrExportFile  *file,
                                             cairo_status_t status,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BrExportFile, _br_export_file_free)

G_END_DECLS
