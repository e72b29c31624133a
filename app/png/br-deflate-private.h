/* br-deflate-private.h: a deflate (RFC 1951) stream of literals and copies
 *
 * For the PNG writer, which finds the copies in the image itself: a copy comes from one
 * of two distances, the pixel before or the row above. Each block gets Huffman codes
 * fitted to its own tokens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BR_DEFLATE_MIN_COPY     3
#define BR_DEFLATE_MAX_COPY     258
#define BR_DEFLATE_MAX_DISTANCE 32768

/* A token is a literal byte, or a copy: these flags and its length */
#define BR_DEFLATE_COPY 0x80000000u
#define BR_DEFLATE_FAR  0x40000000u

typedef struct
{
  guint32 *tokens;        /* this block's */
  guint    n_tokens;
  guint    max_tokens;
  guint    distance[2];   /* near and far */

  guint8  *out;           /* coded bytes not yet taken */
  gsize    out_len;
  gsize    out_size;
  guint64  bits;          /* coded bits not yet in @out, from the lowest */
  guint    n_bits;
} BrDeflate;

BrDeflate *_br_deflate_new        (guint      near,
                                   guint      far,
                                   guint      max_tokens);
void       _br_deflate_free       (BrDeflate *deflate);
void       _br_deflate_copy_long  (BrDeflate *deflate,
                                   gsize      length,
                                   gboolean   far);
void       _br_deflate_end_block  (BrDeflate *deflate,
                                   gboolean   last);
void       _br_deflate_put_bytes  (BrDeflate *deflate,
                                   const guint8 *bytes,
                                   gsize      length);
const guint8 *_br_deflate_peek    (BrDeflate *deflate,
                                   gsize     *length);
void       _br_deflate_consume    (BrDeflate *deflate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BrDeflate, _br_deflate_free)

/* Whether @n more tokens fit in this block; else end it first */
static inline gboolean
_br_deflate_has_room (const BrDeflate *deflate,
                      gsize            n)
{
  return deflate->max_tokens - deflate->n_tokens >= n;
}

static inline void
_br_deflate_literal (BrDeflate *deflate,
                     guint8     byte)
{
  deflate->tokens[deflate->n_tokens++] = byte;
}

/* A copy of @length ≥ 3 bytes from the near or the far distance. It takes
 * @length / 256 + 1 tokens at most. */
static inline void
_br_deflate_copy (BrDeflate *deflate,
                  gsize      length,
                  gboolean   far)
{
  if (G_LIKELY (length <= BR_DEFLATE_MAX_COPY))
    deflate->tokens[deflate->n_tokens++] = BR_DEFLATE_COPY | (far ? BR_DEFLATE_FAR : 0) | length;
  else
    _br_deflate_copy_long (deflate, length, far);
}

G_END_DECLS
