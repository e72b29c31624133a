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
gboolean        _br_export_files_commit     (GPtrArray     *files,
                                             GError       **error);
void            _br_export_file_free        (BrExportFile  *file);
cairo_status_t  _br_export_file_cairo_write (void                *closure,
                                             const unsigned char *data,
                                             unsigned int         length);
cairo_status_t  _br_export_bytes_write      (void                *closure,
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

/* br-export-images.c: the images PNGs are drawn in, made once and used again */
typedef struct
{
  GMutex          lock;
  GCond           made;        /* an image was made ahead */
  GPtrArray      *images;      /* under lock: images free for the next chart */
  guint           n_making;    /* under lock: images still being made ahead */
  cairo_format_t  format;
  int             width, height;
  double          scale;
} BrImagePool;

void             _br_image_pool_init   (BrImagePool     *pool,
                                        cairo_format_t   format,
                                        double           width,
                                        double           height,
                                        double           scale);
void             _br_image_pool_clear  (BrImagePool     *pool);
cairo_surface_t *_br_image_pool_take   (BrImagePool     *pool);
void             _br_image_pool_give   (BrImagePool     *pool,
                                        cairo_surface_t *image);
void             _br_image_pool_expect (BrImagePool     *pool,
                                        guint            n);
void             _br_image_pool_make   (BrImagePool     *pool,
                                        gboolean         make);

/* br-export-formats.c: what chart and slide exports write alike */
gboolean         _br_export_png        (BrExportFile    *file,
                                        cairo_surface_t *image,
                                        BrChartLayout   *layout,
                                        GError         **error);
void             _br_export_pdf_outline (cairo_surface_t *pdf,
                                         guint            page,
                                         const char      *title);
void             _br_export_pdf_metadata (cairo_surface_t *pdf,
                                          const char      *title,
                                          const char      *subject);
gboolean         _br_export_pdf_close  (BrExportFile    *file,
                                        cairo_surface_t *pdf,
                                        cairo_t         *cr,
                                        const char      *title,
                                        const char      *subject,
                                        GError         **error);

G_END_DECLS
