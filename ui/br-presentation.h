/* br-presentation.h: presentation mode, the deck full screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "br-deck.h"
#include "br-presentation-console.h"
#include "br-slide-view.h"

G_BEGIN_DECLS

#define BR_TYPE_PRESENTATION (br_presentation_get_type ())

G_DECLARE_FINAL_TYPE (BrPresentation, br_presentation, BR, PRESENTATION, GtkWindow)

BrPresentation *br_presentation_new          (GtkWindow      *parent,
                                              BrDeck         *deck,
                                              guint           first_slide);
void            br_presentation_start        (BrPresentation *self,
                                              GdkMonitor     *monitor);

G_END_DECLS
