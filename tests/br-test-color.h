/* br-test-color.h: how far apart two colours look, for the tests that read pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include <glib.h>

/* an sRGB channel, 0 to 1, as linear light */
static inline double
br_test_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* Distance in OKLab between two sRGB colours (channels 0 to 1), where 0.02 is about
 * the least difference one sees */
static inline double
br_test_color_distance (const double x[3],
                        const double y[3])
{
  const double *c[2] = { x, y };
  double lab[2][3];

  for (int i = 0; i < 2; i++)
    {
      double r = br_test_linear (c[i][0]), g = br_test_linear (c[i][1]);
      double b = br_test_linear (c[i][2]);
      double l = cbrt (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
      double m = cbrt (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
      double s = cbrt (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);

      lab[i][0] = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
      lab[i][1] = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
      lab[i][2] = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
    }

  return sqrt (pow (lab[0][0] - lab[1][0], 2) + pow (lab[0][1] - lab[1][1], 2) +
               pow (lab[0][2] - lab[1][2], 2));
}

/* The WCAG 2 contrast ratio of two sRGB colours (channels 0 to 1), from 1 to 21 */
static inline double
br_test_contrast (const double x[3],
                  const double y[3])
{
  double lx = 0.2126 * br_test_linear (x[0]) + 0.7152 * br_test_linear (x[1]) +
              0.0722 * br_test_linear (x[2]);
  double ly = 0.2126 * br_test_linear (y[0]) + 0.7152 * br_test_linear (y[1]) +
              0.0722 * br_test_linear (y[2]);

  return (MAX (lx, ly) + 0.05) / (MIN (lx, ly) + 0.05);
}
