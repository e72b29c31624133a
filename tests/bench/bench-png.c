/* bench-png.c: cairo's PNG writer against br_png_write() at its settings and others
 *
 * Encodes each chart, drawn at 1920×1080, into memory and prints the median CPU time
 * (steadier than wall time on a shared machine) and size of each encoder setting. This is how br_png_options_init() chose its defaults.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include <png.h>
#include <zlib.h>

#include "br-chart.h"
#include "br-png.h"

#define N_RUNS 15

typedef struct
{
  const char *name;
  int         level;
  int         strategy;
  int         filter;
} Setting;

static const Setting settings[] = {
  { "level 1, default, none", 1, Z_DEFAULT_STRATEGY, PNG_FILTER_VALUE_NONE },   /* chosen */
  { "level 1, RLE, up",       1, Z_RLE,              PNG_FILTER_VALUE_UP },
  { "level 1, RLE, sub",      1, Z_RLE,              PNG_FILTER_VALUE_SUB },
  { "level 1, RLE, none",     1, Z_RLE,              PNG_FILTER_VALUE_NONE },
  { "level 1, RLE, paeth",    1, Z_RLE,              PNG_FILTER_VALUE_PAETH },
  { "level 1, default, up",   1, Z_DEFAULT_STRATEGY, PNG_FILTER_VALUE_UP },
  { "level 1, default, sub",  1, Z_DEFAULT_STRATEGY, PNG_FILTER_VALUE_SUB },
  { "level 2, default, none", 2, Z_DEFAULT_STRATEGY, PNG_FILTER_VALUE_NONE },
  { "level 2, default, up",   2, Z_DEFAULT_STRATEGY, PNG_FILTER_VALUE_UP },
  { "level 3, default, up",   3, Z_DEFAULT_STRATEGY, PNG_FILTER_VALUE_UP },
  { "level 3, filtered, sub", 3, Z_FILTERED,         PNG_FILTER_VALUE_SUB },
  { "level 6, default, up",   6, Z_DEFAULT_STRATEGY, PNG_FILTER_VALUE_UP },
};

/* CPU time of this thread: steadier than wall time on a shared machine */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000. + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
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

/* Median CPU milliseconds of one encoding; @setting NULL for cairo's own writer. */
static double
time_encoder (cairo_surface_t *surface,
              const Setting   *setting,
              guint           *size)
{
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GByteArray) out = g_byte_array_sized_new (1 << 20);
      double start = cpu_ms ();

      if (setting == NULL)
        {
          cairo_surface_write_to_png_stream (surface, cairo_sink_cb, out);
        }
      else
        {
          BrPngOptions options;

          br_png_options_init (&options);
          options.level = setting->level;
          options.strategy = setting->strategy;
          options.filter = setting->filter;
          br_png_write (surface, &options, br_sink_cb, out, NULL);
        }

      times[run] = cpu_ms () - start;
      *size = out->len;
    }

  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
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

  br_chart_options_set_language (options, "en");
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
      guint size;
      double ms = time_encoder (surface, NULL, &size);

      g_print ("\n%s\n  %-24s %7.2f ms %8u bytes\n", br_chart_kind_to_string (kind),
               "cairo_surface_write_to_png", ms, size);
      for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
        {
          ms = time_encoder (surface, &settings[i], &size);
          g_print ("  %-24s %7.2f ms %8u bytes\n", settings[i].name, ms, size);
        }

      cairo_surface_destroy (surface);
    }

  return 0;
}
