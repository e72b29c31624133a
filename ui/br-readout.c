/* br-readout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-readout"

#include "config.h"

#include "br-readout.h"

#define READOUT_GAP 12

/**
 * br_readout_allocate:
 * @readout: the label a chart view or slide view shows beside a mark
 * @width: (in pixels) the view's width
 *
 * Places @readout beside @mark, on whichever side has room, never over it, and
 * inside the view.
 */
void
br_readout_allocate (GtkWidget         *readout,
                     const BrChartMark *mark,
                     int                width,
                     int                height)
{
  int min_w, nat_w, min_h, nat_h;
  GtkAllocation box;

  gtk_widget_measure (readout, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  box.width = MIN (nat_w, MAX (min_w, width - 2 * READOUT_GAP));
  gtk_widget_measure (readout, GTK_ORIENTATION_VERTICAL, box.width, &min_h, &nat_h, NULL, NULL);
  box.height = nat_h;

  box.x = mark->x1 + READOUT_GAP;
  if (box.x + box.width > width)
    box.x = mark->x0 - READOUT_GAP - box.width;
  box.x = CLAMP (box.x, 0, MAX (0, width - box.width));
  box.y = CLAMP (mark->y - box.height / 2, 0, MAX (0, height - box.height));

  gtk_widget_size_allocate (readout, &box, -1);
}
