/* test-png.c: the PNG writer, read back by libpng (through cairo) and zlib
 *
 * br_png_write() has its own deflate coder, so these tests feed it images shaped to reach
 * every path: runs longer than one copy, copies from the row above, literals, rows too
 * wide for the row above to be in reach, blocks full of tokens, one-colour images,
 * transparency. Every file must come back pixel for pixel, with good chunk checksums and
 * a zlib stream whose Adler-32 zlib accepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <zlib.h>

#include "br-chart.h"
#include "br-png.h"

typedef enum
{
  SHAPE_NOISE,      /* every pixel random: literals */
  SHAPE_FLAT,       /* one colour: runs */
  SHAPE_STRIPES,    /* vertical stripes one pixel wide: copies from above */
  SHAPE_BLOCKS,     /* rectangles of colour with noisy edges: all three */
  SHAPE_RUN_TAILS,  /* runs of every length around the 258-byte copy limit */
  SHAPE_SKEWED,     /* byte k about 2^-(k+1) of the time: Huffman codes over 15 bits */
} Shape;

static gboolean
bytes_write_cb (const guint8 *data,
                gsize         length,
                gpointer      user_data,
                GError      **error)
{
  g_byte_array_append (user_data, data, length);
  return TRUE;
}

static gboolean
failing_write_cb (const guint8 *data,
                  gsize         length,
                  gpointer      user_data,
                  GError      **error)
{
  guint *calls = user_data;

  if (++*calls < 3)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
  return FALSE;
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         at;
} Reader;

static cairo_status_t
bytes_read_cb (void          *closure,
               unsigned char *data,
               unsigned int   length)
{
  Reader *reader = closure;

  if (length > reader->length - reader->at)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->at, length);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

static guint32 *
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  guint8 *data = cairo_image_surface_get_data (surface);

  return (guint32 *)(gpointer)(data + (gsize)y * cairo_image_surface_get_stride (surface)) + x;
}

/* a premultiplied pixel: opaque unless @alpha */
static guint32
random_pixel (GRand    *rand,
              gboolean  alpha)
{
  guint32 a = alpha ? g_rand_int_range (rand, 0, 256) : 0xff;
  guint32 r = g_rand_int_range (rand, 0, 256) * a / 255;
  guint32 g = g_rand_int_range (rand, 0, 256) * a / 255;
  guint32 b = g_rand_int_range (rand, 0, 256) * a / 255;

  return a << 24 | r << 16 | g << 8 | b;
}

/* @rgb at @alpha, premultiplied as cairo holds it */
static guint32
premultiply (guint32 rgb,
             guint   alpha)
{
  guint32 r = ((rgb >> 16) & 0xff) * alpha / 255;
  guint32 g = ((rgb >> 8) & 0xff) * alpha / 255;
  guint32 b = (rgb & 0xff) * alpha / 255;

  return (guint32)alpha << 24 | r << 16 | g << 8 | b;
}

static guint32
shape_pixel (Shape    shape,
             GRand   *rand,
             int      x,
             int      y,
             gboolean alpha)
{
  static const guint32 palette[4] = { 0xff1f77b4, 0xffff7f0e, 0xffffffff, 0xff000000 };

  switch (shape)
    {
    case SHAPE_NOISE:
      return random_pixel (rand, alpha);
    case SHAPE_FLAT:
      return alpha ? 0x80402010 : 0xff336699;
    case SHAPE_STRIPES:
      return premultiply (palette[x % 3] ^ (guint32)(x * 7919), alpha ? 0x80 + x % 64 : 0xff);
    case SHAPE_BLOCKS:
      if (x % 37 == 0 || y % 29 == 0)
        return random_pixel (rand, alpha);
      return premultiply (palette[(x / 37 + y / 29) % 4], alpha ? 0x80 : 0xff);
    case SHAPE_RUN_TAILS:
      /* on row y, runs of y + 80 pixels: from 240 bytes, across 258, 516 and 774 */
      return premultiply (palette[(x / (y + 80)) % 2], alpha ? 0xc0 : 0xff);
    case SHAPE_SKEWED:
      return 0xff000000 | (guint32)g_bit_nth_lsf (g_rand_int (rand) | 1u << 31, -1) << 16 |
             (guint32)g_bit_nth_lsf (g_rand_int (rand) | 1u << 31, -1) << 8 |
             (guint32)g_bit_nth_lsf (g_rand_int (rand) | 1u << 31, -1);
    default:
      g_assert_not_reached ();
    }
}

static cairo_surface_t *
make_image (Shape    shape,
            int      width,
            int      height,
            gboolean alpha)
{
  cairo_surface_t *image;
  g_autoptr(GRand) rand = g_rand_new_with_seed (width * 31 + height * 17 + shape);

  image = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                      width, height);
  cairo_surface_flush (image);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      *pixel_at (image, x, y) = shape_pixel (shape, rand, x, y, alpha);
  cairo_surface_mark_dirty (image);

  return image;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32)bytes[0] << 24 | (guint32)bytes[1] << 16 | (guint32)bytes[2] << 8 | bytes[3];
}

/* Checks the signature and every chunk's CRC; returns the IDAT chunks' data joined, and
 * the text of the iTXt chunk named @keyword in @text, if any. */
static GByteArray *
check_chunks (GByteArray  *png,
              const char  *keyword,
              char       **text)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  GByteArray *idat = g_byte_array_new ();
  gboolean ended = FALSE;
  gsize at = 8;

  g_assert_cmpuint (png->len, >, 8);
  g_assert_cmpmem (png->data, 8, signature, 8);
  while (at < png->len)
    {
      guint32 length, crc;
      const guint8 *type, *data;

      g_assert_false (ended);
      g_assert_cmpuint (at + 12, <=, png->len);
      length = read_be32 (png->data + at);
      g_assert_cmpuint (at + 12 + length, <=, png->len);
      type = png->data + at + 4;
      data = type + 4;
      crc = read_be32 (data + length);
      g_assert_cmphex (crc, ==, crc32 (0, type, 4 + length));

      if (memcmp (type, "IDAT", 4) == 0)
        g_byte_array_append (idat, data, length);
      else if (memcmp (type, "IEND", 4) == 0)
        ended = TRUE;
      else if (memcmp (type, "iTXt", 4) == 0 && text != NULL &&
               length > strlen (keyword) + 5 && memcmp (data, keyword, strlen (keyword) + 1) == 0)
        *text = g_strndup ((const char *)data + strlen (keyword) + 5, length - strlen (keyword) - 5);
      at += 12 + length;
    }
  g_assert_true (ended);

  return idat;
}

/* The scanlines the PNG must hold: filter byte 0, then RGB or straight RGBA */
static GByteArray *
expected_scanlines (cairo_surface_t *image,
                    gboolean         alpha)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  GByteArray *lines = g_byte_array_sized_new ((gsize)height * (1 + width * 4));

  for (int y = 0; y < height; y++)
    {
      guint8 zero = 0;

      g_byte_array_append (lines, &zero, 1);
      for (int x = 0; x < width; x++)
        {
          guint32 p = *pixel_at (image, x, y);
          guint a = p >> 24;
          guint8 bytes[4] = { p >> 16, p >> 8, p, a };

          if (alpha && a != 0 && a != 0xff)
            for (int i = 0; i < 3; i++)
              bytes[i] = (bytes[i] * 255 + a / 2) / a;
          g_byte_array_append (lines, bytes, alpha ? 4 : 3);
        }
    }

  return lines;
}

/* Writes @image and checks the file three ways: chunks and CRCs; the zlib stream
 * inflated by zlib (which checks the Adler-32) against the scanlines; and the image read
 * back by cairo (libpng) against the pixels. */
static void
check_round_trip (cairo_surface_t *image,
                  gboolean         alpha)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) idat = NULL;
  g_autoptr(GByteArray) lines = expected_scanlines (image, alpha);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *inflated = g_malloc (lines->len + 1);
  uLongf inflated_len = lines->len + 1;
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  Reader reader;
  cairo_surface_t *back;

  g_assert_true (br_png_write (image, NULL, bytes_write_cb, png, &error));
  g_assert_no_error (error);

  idat = check_chunks (png, "Title", NULL);
  g_assert_cmpint (uncompress (inflated, &inflated_len, idat->data, idat->len), ==, Z_OK);
  g_assert_cmpmem (inflated, inflated_len, lines->data, lines->len);

  reader = (Reader) { png->data, png->len, 0 };
  back = cairo_image_surface_create_from_png_stream (bytes_read_cb, &reader);
  g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (back), ==, height);
  g_assert_cmpint (cairo_image_surface_get_format (back), ==,
                   alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 want = *pixel_at (image, x, y), got = *pixel_at (back, x, y);

        if (!alpha)
          g_assert_cmphex (got & 0xffffff, ==, want & 0xffffff);
        else
          for (int shift = 0; shift < 32; shift += 8)
            g_assert_cmpint (ABS ((int)((got >> shift) & 0xff) - (int)((want >> shift) & 0xff)),
                             <=, 1);
      }
  cairo_surface_destroy (back);
}

typedef struct
{
  Shape    shape;
  int      width;
  int      height;
  gboolean alpha;
} Case;

static void
test_round_trip (gconstpointer data)
{
  const Case *c = data;
  cairo_surface_t *image = make_image (c->shape, c->width, c->height, c->alpha);

  check_round_trip (image, c->alpha);
  cairo_surface_destroy (image);
}

/* Straight alpha in the file, premultiplied in cairo: what goes in comes out. */
static void
test_alpha_values (void)
{
  static const guint32 pixels[] = {
    0xff000000, 0xffffffff, 0xff336699, 0x80402010, 0x00000000, 0x01010101, 0xc0c08040,
  };
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                       G_N_ELEMENTS (pixels), 3);

  cairo_surface_flush (image);
  for (int y = 0; y < 3; y++)
    memcpy (pixel_at (image, 0, y), pixels, sizeof pixels);
  cairo_surface_mark_dirty (image);

  check_round_trip (image, TRUE);
  cairo_surface_destroy (image);
}

/* An ARGB32 surface whose pixels are all opaque is written as RGB */
static void
test_opaque_argb (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 30);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);

  g_assert_true (br_png_write (image, NULL, bytes_write_cb, png, NULL));
  g_assert_cmpuint (png->data[8 + 8 + 9], ==, 2);   /* IHDR colour type: RGB */
  cairo_surface_destroy (image);
}

/* A real chart at 1080p: every pixel back, and smaller than the raw pixels by far */
static void
test_chart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = br_dataset_load_bundled (&error);
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_RND);
  g_autoptr(BrChartLayout) layout = NULL;
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (image);

  g_assert_no_error (error);
  layout = br_chart_draw (cr, dataset, options, 1920, 1080);
  cairo_destroy (cr);

  check_round_trip (image, FALSE);
  g_assert_true (br_png_write (image, NULL, bytes_write_cb, png, NULL));
  g_assert_cmpuint (png->len, <, 1920 * 1080 * 3 / 20);
  cairo_surface_destroy (image);
}

static void
test_text (void)
{
  cairo_surface_t *image = make_image (SHAPE_FLAT, 8, 8, FALSE);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) idat = NULL;
  g_autofree char *title = NULL, *description = NULL;
  BrPngOptions options;

  br_png_options_init (&options);
  options.title = "亏损 <b>%s</b>";
  options.description = "Net loss, 2022–2024";
  g_assert_true (br_png_write (image, &options, bytes_write_cb, png, NULL));

  g_clear_pointer (&idat, g_byte_array_unref);
  idat = check_chunks (png, "Title", &title);
  g_clear_pointer (&idat, g_byte_array_unref);
  idat = check_chunks (png, "Description", &description);
  g_assert_cmpstr (title, ==, options.title);
  g_assert_cmpstr (description, ==, options.description);
  cairo_surface_destroy (image);
}

static void
test_errors (void)
{
  cairo_surface_t *a8 = cairo_image_surface_create (CAIRO_FORMAT_A8, 4, 4);
  cairo_surface_t *empty = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 0, 0);
  cairo_surface_t *image = make_image (SHAPE_NOISE, 64, 64, FALSE);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  g_assert_false (br_png_write (a8, NULL, bytes_write_cb, png, &error));
  g_assert_error (error, BR_PNG_ERROR, BR_PNG_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_false (br_png_write (empty, NULL, bytes_write_cb, png, &error));
  g_assert_error (error, BR_PNG_ERROR, BR_PNG_ERROR_FORMAT);
  g_clear_error (&error);

  /* the sink's own error comes back as it is */
  g_assert_false (br_png_write (image, NULL, failing_write_cb, &calls, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (calls, ==, 3);

  cairo_surface_destroy (a8);
  cairo_surface_destroy (empty);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  static const char *shape_names[] = {
    "noise", "flat", "stripes", "blocks", "run-tails", "skewed",
  };
  static const Case cases[] = {
    { SHAPE_NOISE, 64, 48, FALSE },
    { SHAPE_NOISE, 64, 48, TRUE },
    { SHAPE_NOISE, 512, 256, FALSE },     /* over 65536 tokens: several blocks */
    { SHAPE_FLAT, 1, 1, FALSE },
    { SHAPE_FLAT, 1, 300, FALSE },        /* one pixel a row: copies from above only */
    { SHAPE_FLAT, 300, 1, FALSE },        /* one row: a run only */
    { SHAPE_FLAT, 1000, 20, FALSE },
    { SHAPE_FLAT, 1000, 20, TRUE },
    { SHAPE_STRIPES, 200, 50, FALSE },
    { SHAPE_STRIPES, 200, 50, TRUE },
    { SHAPE_BLOCKS, 333, 211, FALSE },
    { SHAPE_BLOCKS, 333, 211, TRUE },
    { SHAPE_BLOCKS, 11000, 3, FALSE },    /* a row over 32 KB: the row above out of reach */
    { SHAPE_BLOCKS, 8200, 3, TRUE },
    { SHAPE_RUN_TAILS, 1200, 200, FALSE },
    { SHAPE_RUN_TAILS, 1200, 200, TRUE },
    { SHAPE_SKEWED, 400, 400, FALSE },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *path = g_strdup_printf ("/Br/Png/round-trip/%s-%dx%d-%s",
                                               shape_names[c->shape], c->width, c->height,
                                               c->alpha ? "rgba" : "rgb");

      g_test_add_data_func (path, c, test_round_trip);
    }
  g_test_add_func ("/Br/Png/alpha-values", test_alpha_values);
  g_test_add_func ("/Br/Png/opaque-argb", test_opaque_argb);
  g_test_add_func ("/Br/Png/chart", test_chart);
  g_test_add_func ("/Br/Png/text", test_text);
  g_test_add_func ("/Br/Png/errors", test_errors);

  return g_test_run ();
}
