/* br-png.c: a fast PNG writer for cairo image surfaces
 *
 * cairo_surface_write_to_png() compresses at zlib's default level with libpng's adaptive
 * filters, and zlib's fastest level still looks for repeats anywhere in the last 32 KB.
 * A chart is flat colour with antialiased edges: nearly all of it repeats the pixel
 * before it or the one above. This writer looks only there, a whole pixel at a time, and
 * codes what it finds with Huffman codes fitted to each block (br-deflate.c). The
 * Adler-32 checksum of a run of one colour is computed in one step instead of byte by
 * byte. tests/bench/bench-png measures it against cairo and against libpng at zlib
 * level 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-png"

#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <zlib.h>

#include "br-deflate-private.h"
#include "br-png.h"

#define ADLER_BASE  65521
#define BLOCK_TOKENS (1u << 16)

G_DEFINE_QUARK (br-png-error-quark, br_png_error)

typedef struct
{
  BrPngWriteFunc  func;
  gpointer        user_data;
} Sink;

/* The image, as the filter-free scanlines a PNG holds, going into the deflate stream */
typedef struct
{
  BrDeflate *deflate;
  guint      bpp;          /* bytes a pixel: 3 or 4 */
  guint32    mask;         /* the bits of a pixel that are written */
  guint64    a;            /* Adler-32 sums, reduced at least once a row */
  guint64    b;
} Scan;

/**
 * br_png_options_init:
 *
 * Sets @options to no text.
 */
void
br_png_options_init (BrPngOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

static void
put_be32 (guint8  *bytes,
          guint32  value)
{
  value = GUINT32_TO_BE (value);
  memcpy (bytes, &value, 4);
}

static gboolean
write_chunk (const Sink    *sink,
             const char    *type,
             const guint8  *data,
             gsize          length,
             GError       **error)
{
  guint8 head[8], tail[4];
  uLong crc;

  g_assert (length <= G_MAXINT32);

  put_be32 (head, length);
  memcpy (head + 4, type, 4);
  crc = crc32_z (0, head + 4, 4);
  if (length > 0)   /* with no data, crc32_z() would start over */
    crc = crc32_z (crc, data, length);
  put_be32 (tail, crc);

  return sink->func (head, 8, sink->user_data, error) &&
         (length == 0 || sink->func (data, length, sink->user_data, error)) &&
         sink->func (tail, 4, sink->user_data, error);
}

/* An uncompressed iTXt chunk, keyword and text in UTF-8 */
static gboolean
write_text (const Sink  *sink,
            const char  *keyword,
            const char  *text,
            GError     **error)
{
  g_autoptr(GByteArray) chunk = g_byte_array_new ();
  /* the keyword's end; not compressed; no language, no translated keyword */
  static const guint8 flags[5] = { 0, 0, 0, 0, 0 };

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return TRUE;

  g_byte_array_append (chunk, (const guint8 *)keyword, strlen (keyword));
  g_byte_array_append (chunk, flags, sizeof flags);
  g_byte_array_append (chunk, (const guint8 *)text, strlen (text));

  return write_chunk (sink, "iTXt", chunk->data, chunk->len, error);
}

static gboolean
write_header (const Sink          *sink,
              cairo_surface_t     *surface,
              gboolean             opaque,
              const BrPngOptions  *options,
              GError             **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 srgb[1] = { 0 };   /* perceptual */
  guint8 ihdr[13];

  put_be32 (ihdr, cairo_image_surface_get_width (surface));
  put_be32 (ihdr + 4, cairo_image_surface_get_height (surface));
  ihdr[8] = 8;                   /* bits a sample */
  ihdr[9] = opaque ? 2 : 6;      /* RGB, or RGBA */
  ihdr[10] = ihdr[11] = ihdr[12] = 0;   /* deflate, adaptive filters, no interlace */

  return sink->func (signature, sizeof signature, sink->user_data, error) &&
         write_chunk (sink, "IHDR", ihdr, sizeof ihdr, error) &&
         write_chunk (sink, "sRGB", srgb, sizeof srgb, error) &&
         write_text (sink, "Title", options->title, error) &&
         write_text (sink, "Description", options->description, error);
}

/* The compressed bytes so far, as an IDAT chunk */
static gboolean
write_data (const Sink  *sink,
            BrDeflate   *deflate,
            GError     **error)
{
  gsize length;
  const guint8 *data = _br_deflate_peek (deflate, &length);

  if (length == 0)
    return TRUE;
  _br_deflate_consume (deflate);

  return write_chunk (sink, "IDAT", data, length, error);
}

/* ---- Pixels ------------------------------------------------------------------------ */

static gboolean
is_opaque (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  if (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24)
    return TRUE;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *)(gconstpointer)(data + (gsize)y * stride);
      guint32 all = 0xff000000;

      for (int x = 0; x < width; x++)
        all &= row[x];
      if (all != 0xff000000)
        return FALSE;
    }

  return TRUE;
}

/* cairo's premultiplied ARGB to straight ARGB */
static void
unpremultiply_row (const guint32 *src,
                   guint32       *dst,
                   guint          width)
{
  for (guint x = 0; x < width; x++)
    {
      guint32 p = src[x];
      guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (a != 0xff && a != 0)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      dst[x] = (guint32)a << 24 | r << 16 | g << 8 | b;
    }
}

/* A pixel's bytes as the PNG holds them: R, G, B and, with alpha, A */
static inline guint
pixel_bytes (guint32  p,
             guint8  *bytes)
{
  bytes[0] = p >> 16;
  bytes[1] = p >> 8;
  bytes[2] = p;
  bytes[3] = p >> 24;

  return 4;
}

static inline void
adler_pixel (Scan    *scan,
             guint32  p)
{
  guint8 bytes[4];

  pixel_bytes (p, bytes);
  for (guint i = 0; i < scan->bpp; i++)
    {
      scan->a += bytes[i];
      scan->b += scan->a;
    }
}

static void
adler_reduce (Scan *scan)
{
  scan->a %= ADLER_BASE;
  scan->b %= ADLER_BASE;
}

/* The Adler-32 sums after @p repeated @m times, in one step: of n bytes d(1)…d(n) added,
 * a grows by Σ d(i) and b by n·a + Σ (n − i + 1)·d(i); with d periodic, both sums have
 * a closed form. */
static void
adler_repeat (Scan    *scan,
              guint32  p,
              guint64  m)
{
  guint64 n = m * scan->bpp, sum = 0, weighted = 0;
  guint8 bytes[4];

  pixel_bytes (p, bytes);
  adler_reduce (scan);
  for (guint j = 0; j < scan->bpp; j++)
    {
      sum += bytes[j];
      weighted += bytes[j] * ((m * (n - j) - scan->bpp * (m * (m - 1) / 2)) % ADLER_BASE);
    }
  scan->b = (scan->b + (n % ADLER_BASE) * scan->a + weighted) % ADLER_BASE;
  scan->a = (scan->a + (m % ADLER_BASE) * sum) % ADLER_BASE;
}

static inline void
literal_pixel (Scan    *scan,
               guint32  p)
{
  guint8 bytes[4];

  pixel_bytes (p, bytes);
  for (guint i = 0; i < scan->bpp; i++)
    _br_deflate_literal (scan->deflate, bytes[i]);
  adler_pixel (scan, p);
}

/* Where the run of @p from @x ends: the first pixel from @x on that is not @p. Most of a
 * chart is runs of one colour, and looking for their ends was half of the encoding; SSE2,
 * which every x86-64 processor has, compares eight pixels a step. */
static inline guint
run_end (const guint32 *row,
         guint          x,
         guint          width,
         guint32        p,
         guint32        mask)
{
#ifdef __SSE2__
  __m128i want = _mm_set1_epi32 ((int)p);
  __m128i bits = _mm_set1_epi32 ((int)mask);

  for (; x + 8 <= width; x += 8)
    {
      __m128i lo = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *)(gconstpointer)(row + x)), bits);
      __m128i hi = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *)(gconstpointer)(row + x + 4)), bits);
      guint same = (guint)_mm_movemask_epi8 (_mm_cmpeq_epi32 (lo, want)) |
                   (guint)_mm_movemask_epi8 (_mm_cmpeq_epi32 (hi, want)) << 16;

      if (same != 0xffffffff)
        return x + (guint)__builtin_ctz (~same) / 4;
    }
#endif

  while (x < width && (row[x] & mask) == p)
    x++;

  return x;
}

/* One scanline, filter type None: each pixel is a copy of the one before, a copy of the
 * one above (@above, when the row above is in reach), or literal bytes. A copy from above
 * stops where a run of one colour starts, as a run is cheaper to check and to sum. */
static void
scan_row (Scan          *scan,
          const guint32 *row,
          const guint32 *above,
          guint          width)
{
  guint32 mask = scan->mask;

  _br_deflate_literal (scan->deflate, 0);
  scan->b += scan->a;

  for (guint x = 0, end; x < width; x = end)
    {
      guint32 p = row[x] & mask;

      end = x + 1;
      if (x > 0 && p == (row[x - 1] & mask))
        {
          end = run_end (row, end, width, p, mask);
          _br_deflate_copy (scan->deflate, (gsize)(end - x) * scan->bpp, FALSE);
          adler_repeat (scan, p, end - x);
        }
      else if (above != NULL && p == (above[x] & mask))
        {
          while (end < width && ((row[end] ^ above[end]) & mask) == 0 &&
                 ((row[end] ^ row[end - 1]) & mask) != 0)
            end++;
          _br_deflate_copy (scan->deflate, (gsize)(end - x) * scan->bpp, TRUE);
          for (guint i = x; i < end; i++)
            adler_pixel (scan, row[i]);
        }
      else
        {
          literal_pixel (scan, p);
        }
    }

  adler_reduce (scan);
}

static const guint32 *
surface_row (cairo_surface_t *surface,
             guint            y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return (const guint32 *)(gconstpointer)(data + (gsize)y * cairo_image_surface_get_stride (surface));
}

/* The zlib stream of the image's scanlines, as IDAT chunks, a chunk a deflate block */
static gboolean
write_image (const Sink       *sink,
             cairo_surface_t  *surface,
             gboolean          opaque,
             GError          **error)
{
  guint width = cairo_image_surface_get_width (surface);
  guint height = cairo_image_surface_get_height (surface);
  guint bpp = opaque ? 3 : 4;
  gsize row_bytes = 1 + (gsize)width * bpp;
  gboolean above_in_reach = row_bytes <= BR_DEFLATE_MAX_DISTANCE;
  g_autoptr(BrDeflate) deflate = _br_deflate_new (bpp, above_in_reach ? row_bytes : bpp,
                                                  MAX (BLOCK_TOKENS, row_bytes));
  g_autofree guint32 *straight = opaque ? NULL : g_new (guint32, 2 * (gsize)width);
  static const guint8 zlib_header[2] = { 0x78, 0x01 };   /* deflate, 32 KB window */
  Scan scan = { deflate, bpp, opaque ? 0x00ffffff : 0xffffffff, 1, 0 };
  guint8 adler[4];

  _br_deflate_put_bytes (deflate, zlib_header, sizeof zlib_header);
  for (guint y = 0; y < height; y++)
    {
      const guint32 *row = surface_row (surface, y);
      const guint32 *above = y > 0 && above_in_reach ? surface_row (surface, y - 1) : NULL;

      if (straight != NULL)
        {
          guint32 *now = straight + (y % 2) * width;

          unpremultiply_row (row, now, width);
          above = above != NULL ? straight + ((y + 1) % 2) * width : NULL;
          row = now;
        }

      if (!_br_deflate_has_room (deflate, row_bytes))
        {
          _br_deflate_end_block (deflate, FALSE);
          if (!write_data (sink, deflate, error))
            return FALSE;
        }
      scan_row (&scan, row, above, width);
    }

  _br_deflate_end_block (deflate, TRUE);
  put_be32 (adler, scan.b << 16 | scan.a);
  _br_deflate_put_bytes (deflate, adler, sizeof adler);

  return write_data (sink, deflate, error);
}

static gboolean
check_surface (cairo_surface_t *surface,
               GError         **error)
{
  cairo_format_t format;

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_IMAGE)
    {
      g_set_error_literal (error, BR_PNG_ERROR, BR_PNG_ERROR_FORMAT,
                           "PNG encoder: not an image surface");
      return FALSE;
    }

  format = cairo_image_surface_get_format (surface);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    {
      g_set_error (error, BR_PNG_ERROR, BR_PNG_ERROR_FORMAT,
                   "PNG encoder: image format %d is not ARGB32 or RGB24", format);
      return FALSE;
    }

  if (cairo_image_surface_get_width (surface) < 1 || cairo_image_surface_get_height (surface) < 1)
    {
      g_set_error_literal (error, BR_PNG_ERROR, BR_PNG_ERROR_FORMAT,
                           "PNG encoder: the image has no pixels");
      return FALSE;
    }

  return TRUE;
}

/**
 * br_png_write:
 * @surface: an ARGB32 or RGB24 image surface
 * @options: (nullable): the text to embed; NULL for none
 * @write_func: takes the PNG's bytes, in order
 *
 * Encodes @surface as an 8-bit PNG: RGB when every pixel is opaque, else straight
 * (not premultiplied) RGBA, tagged sRGB.
 *
 * Returns: %TRUE on success; %FALSE with @error set by @write_func or the encoder
 */
gboolean
br_png_write (cairo_surface_t    *surface,
              const BrPngOptions *options,
              BrPngWriteFunc      write_func,
              gpointer            user_data,
              GError            **error)
{
  Sink sink = { write_func, user_data };
  BrPngOptions none;
  gboolean opaque;

  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_surface (surface, error))
    return FALSE;

  if (options == NULL)
    {
      br_png_options_init (&none);
      options = &none;
    }

  cairo_surface_flush (surface);
  opaque = is_opaque (surface);

  return write_header (&sink, surface, opaque, options, error) &&
         write_image (&sink, surface, opaque, error) &&
         write_chunk (&sink, "IEND", NULL, 0, error);
}
