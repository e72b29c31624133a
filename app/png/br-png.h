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
  BR_PNG_ERROR_FORMAT = 1,   /* not an ARGB32 or RGB24 image surface, or an empty one */
} BrPngError;

/* The text a PNG carries */
typedef struct
{
  const char *title;         /* a UTF-8 "Title" iTXt chunk, or NULL */
  const char *description;   /* a UTF-8 "Description" iTXt chunk, or NULL */
} BrPngOptions;

/* Takes @length bytes of the PNG; on failure sets @error and returns FALSE. */
typedef gboolean (*BrPngWriteFunc) (const guint8 *data,
                                    gsize         length,
                                    gpointer      user_data,
                                    GError      **error);

GQuark   br_png_error_quark  (void);
void     br_png_options_init (BrPngOptions       *options);
gboolean br_png_write        (cairo_surface_t    *surface,
                              const BrPngOptions *options,
                              BrPngWriteFunc      write_func,
                              gpointer            user_data,
                              GError            **error);

G_END_DECLS
