/* br-color-vision.h: how a chart reads with a colour-vision deficiency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "br-chart-enums.h"

G_BEGIN_DECLS

typedef enum
{
  BR_COLOR_VISION_NORMAL,
  BR_COLOR_VISION_PROTANOPIA,
  BR_COLOR_VISION_DEUTERANOPIA,
  BR_COLOR_VISION_TRITANOPIA,
  BR_N_COLOR_VISIONS /*< skip >*/
} BrColorVision;

void        br_color_vision_simulate    (BrColorVision    vision,
                                         cairo_surface_t *image);

G_END_DECLS
