/* br-slide-view-private.h: what the tests ask of a slide view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-slide-view.h"

G_BEGIN_DECLS

BrChartLayout *br_slide_view_get_layout  (BrSlideView *self);
const char    *br_slide_view_get_readout (BrSlideView *self);
void           br_slide_view_point       (BrSlideView *self,
                                          double       x,
                                          double       y);

G_END_DECLS
