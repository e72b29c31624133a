/* bench-png.c: br_png_write() against cairo's PNG writer and libpng at zlib's fastest
 *
 * Encodes each chart, drawn at 1920×1080, into memory and prints the median CPU time
 * (steadier than wall time on a shared machine) and the size of each encoder's file.
 * libpng with zlib level 1 and no filter was the choice before br_png_write(); it is
 * kept here as the yardstick.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include <png.h>
#include <zlib.h>

#include "br-chart.h"
#include "br-png.h"

#include "bench-common.h"

#define N_RUNS 15

typedef enum
{
  ENCODER_CAIRO,
  ENCODER_LIBPNG,
  ENCODER_BURNRATE,
  N_ENCODERS
} Encoder;

static const char *encoder_names[N_ENCODERS] = {
  "cairo_surface_write_to_png",
  "libpng, zlib level 1",
  "br_png_write",
};

/* CPU time of this thread: steadier than wall time on a shared machine */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000. + ts.tv_nsec / 1e6;
}

static cairo_status_t
cairo_sink_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
br_sink_cb (const guint8 *data,
            gsize         length,
            gpointer      user_data,
            GError      **error)
{
  g_byte_array_append (user_data, data, length);
  return TRUE;
}

static void
libpng_sink_cb (png_structp png,
                png_bytep   data,
                size_t      length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

/* an opaque RGB24 surface through libpng: zlib level 1, no filter */
static void
libpng_write (cairo_surface_t *surface,
              GByteArray      *out)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  g_autofree guint8 *row = g_malloc ((gsize)width * 4);
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);

  png_set_write_fn (png, out, libpng_sink_cb, NULL);
  png_set_IHDR (png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, 1);
  png_set_compression_buffer_size (png, 256 * 1024);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info (png, info);
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *)(gconstpointer)(data + (gsize)y * stride);

      for (int x = 0; x < width; x++)
        {
          row[3 * x] = pixels[x] >> 16;
          row[3 * x + 1] = pixels[x] >> 8;
          row[3 * x + 2] = pixels[x];
        }
      png_write_row (png, row);
    }
  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);
}

static void
encode (cairo_surface_t *surface,
        Encoder          encoder,
        GByteArray      *out)
{
  switch (encoder)
    {
    case ENCODER_CAIRO:
      cairo_surface_write_to_png_stream (surface, cairo_sink_cb, out);
      break;
    case ENCODER_LIBPNG:
      libpng_write (surface, out);
      break;
    case ENCODER_BURNRATE:
      br_png_write (surface, NULL, br_sink_cb, out, NULL);
      break;
    case N_ENCODERS:
    default:
      g_assert_not_reached ();
    }
}

/* Median CPU milliseconds of one encoding */
static double
time_encoder (cairo_surface_t *surface,
              Encoder          encoder,
              guint           *size)
{
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GByteArray) out = g_byte_array_sized_new (1 << 20);
      double start = cpu_ms ();

      encode (surface, encoder, out);
      times[run] = cpu_ms () - start;
      *size = out->len;
    }

  qsort (times, N_RUNS, sizeof times[0], bench_compare_doubles);
  return times[N_RUNS / 2];
}

static cairo_surface_t *
draw_chart (BrDataset   *dataset,
            BrChartKind  kind)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (kind);
  g_autoptr(BrChartLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (surface);

  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  layout = br_chart_draw (cr, dataset, options, 1920, 1080);
  cairo_destroy (cr);

  return surface;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = br_dataset_load_bundled (&error);

  g_assert_no_error (error);

  g_print ("PNG encoding of one 1920x1080 chart, median CPU time of %d runs\n", N_RUNS);
  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      cairo_surface_t *surface = draw_chart (dataset, kind);

      g_print ("\n%s\n", br_chart_kind_to_string (kind));
      for (Encoder encoder = 0; encoder < N_ENCODERS; encoder++)
        {
          guint size;
          double ms = time_encoder (surface, encoder, &size);

          g_print ("  %-28s %7.2f ms %8u bytes\n", encoder_names[encoder], ms, size);
        }

      cairo_surface_destroy (surface);
    }

  return 0;
}
