/* br-restyle.h: styles worked out ahead of the frame, a slice at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     br_restyle_ahead        (GtkWidget *widget);
void     br_restyle_ahead_after  (GtkWidget *widget,
                                  guint      delay_ms);

G_END_DECLS
