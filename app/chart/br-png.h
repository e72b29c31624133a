/* br-png.h: a fast PNG writer for cairo image surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define BR_PNG_ERROR (br_png_error_quark ())

typedef enum
{
  BR_PNG_ERROR_FORMAT = 1,   /* not an ARGB32 or RGB24 image surface */
  BR_PNG_ERROR_ENCODE,       /* libpng failed */
} BrPngError;

/* How the PNG is compressed, and the text it carries. */
typedef struct
{
  const char *title;         /* a UTF-8 "Title" iTXt chunk, or NULL */
  const char *description;   /* a UTF-8 "Description" iTXt chunk, or NULL */
  int         level;         /* zlib level, 0–9 */
  int         strategy;      /* Z_DEFAULT_STRATEGY, Z_RLE, ... */
  int         filter;        /* one of PNG_FILTER_VALUE_* */
} BrPngOptions;

/* Takes @length bytes of the PNG; on failure sets @error and returns FALSE. */
typedef gboolean (*BrPngWriteFunc) (const guint8 *data,
                                    gsize         length,
                                    gpointer      user_data,
                                    GError      **error);

GQuark   br_png_error_quark  (void);
void     br_png_options_init (BrPngOptions    *options);
gboolean br_png_write        (cairo_surface_t *surface,
                              const BrPngOptions *options,
                              BrPngWriteFunc   write_func,
                              gpointer         user_data,
                              GError         **error);

G_END_DECLS
