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
guint           br_presentation_get_slide    (BrPresentation *self);
void            br_presentation_go_to        (BrPresentation *self,
                                              guint           slide);
gboolean        br_presentation_get_blank    (BrPresentation *self);
BrDeck         *br_presentation_get_deck     (BrPresentation *self);
BrSlideView    *br_presentation_get_view     (BrPresentation *self);
gboolean        br_presentation_handle_key   (BrPresentation *self,
                                              guint           keyval,
                                              GdkModifierType state);
const char     *br_presentation_get_counter  (BrPresentation *self);
void            br_presentation_show_console (BrPresentation *self,
                                              gboolean        show,
                                              GdkMonitor     *monitor);
BrPresentationConsole *br_presentation_get_console (BrPresentation *self);
GdkMonitor     *br_presentation_other_monitor (GdkDisplay    *display,
                                               GdkMonitor    *presenting);

G_END_DECLS
