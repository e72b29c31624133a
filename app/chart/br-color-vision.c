/* br-color-vision.c: Machado, Oliveira and Fernandes (2009) dichromacy simulation
 *
 * The matrices act on linear RGB, so each pixel is decoded from sRGB, transformed and
 * encoded again; lookup tables keep that to a few milliseconds a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-color-vision"

#include "config.h"

#include <math.h>

#include "br-color-vision.h"

#define ENCODE_STEPS 4096

/* severity 1.0, rows give the output channel */
static const float matrices[BR_N_COLOR_VISIONS][3][3] = {
  { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
  { {  0.152286f,  1.052583f, -0.204868f },
    {  0.114503f,  0.786281f,  0.099216f },
    { -0.003882f, -0.048116f,  1.051998f } },
  { {  0.367322f,  0.860646f, -0.227968f },
    {  0.280085f,  0.672501f,  0.047413f },
    { -0.011820f,  0.042940f,  0.968881f } },
  { {  1.255528f, -0.076749f, -0.178779f },
    { -0.078411f,  0.930809f,  0.147602f },
    {  0.004733f,  0.691367f,  0.303900f } },
};

static float decode_table[256];
static guint8 encode_table[ENCODE_STEPS + 1];

static void
init_tables (void)
{
  static gsize initialized = 0;

  if (!g_once_init_enter (&initialized))
    return;

  for (guint i = 0; i < 256; i++)
    {
      double c = i / 255.;

      decode_table[i] = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
    }

  for (guint i = 0; i <= ENCODE_STEPS; i++)
    {
      double l = (double)i / ENCODE_STEPS;
      double c = l <= 0.0031308 ? l * 12.92 : 1.055 * pow (l, 1 / 2.4) - 0.055;

      encode_table[i] = (guint8)CLAMP (lround (c * 255), 0, 255);
    }

  g_once_init_leave (&initialized, 1);
}

static inline guint8
encode (float linear)
{
  return encode_table[(guint)(CLAMP (linear, 0.f, 1.f) * ENCODE_STEPS + .5f)];
}

static inline guint32
simulate_pixel (const float m[3][3],
                guint32     pixel)
{
  guint a = pixel >> 24;
  float r, g, b;

  if (a == 0)
    return pixel;

  /* premultiplied: unpremultiply, transform, premultiply again */
  r = decode_table[MIN (255u, ((pixel >> 16) & 0xff) * 255 / a)];
  g = decode_table[MIN (255u, ((pixel >> 8) & 0xff) * 255 / a)];
  b = decode_table[MIN (255u, (pixel & 0xff) * 255 / a)];

  return (a << 24)
         | ((guint32)(encode (m[0][0] * r + m[0][1] * g + m[0][2] * b) * a / 255) << 16)
         | ((guint32)(encode (m[1][0] * r + m[1][1] * g + m[1][2] * b) * a / 255) << 8)
         | (guint32)(encode (m[2][0] * r + m[2][1] * g + m[2][2] * b) * a / 255);
}

/**
 * br_color_vision_simulate:
 * @image: an ARGB32 image surface, changed in place
 *
 * Shows @image as a person with @vision would see it.
 */
void
br_color_vision_simulate (BrColorVision    vision,
                          cairo_surface_t *image)
{
  const float (*m)[3];
  guchar *data;
  int width, height, stride;

  g_return_if_fail (vision < BR_N_COLOR_VISIONS);
  g_return_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE);

  if (vision == BR_COLOR_VISION_NORMAL)
    return;

  init_tables ();
  m = matrices[vision];
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);

  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *)(gpointer)(data + (gsize)y * stride);

      for (int x = 0; x < width; x++)
        row[x] = simulate_pixel (m, row[x]);
    }

  cairo_surface_mark_dirty (image);
}
