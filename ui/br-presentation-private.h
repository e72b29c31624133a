/* br-presentation-private.h: what the tests drive and read of presentation mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-presentation.h"

G_BEGIN_DECLS

guint                  br_presentation_get_slide     (BrPresentation  *self);
void                   br_presentation_go_to         (BrPresentation  *self,
                                                      guint            slide);
gboolean               br_presentation_get_blank     (BrPresentation  *self);
BrDeck                *br_presentation_get_deck      (BrPresentation  *self);
BrSlideView           *br_presentation_get_view      (BrPresentation  *self);
gboolean               br_presentation_handle_key    (BrPresentation  *self,
                                                      guint            keyval,
                                                      GdkModifierType  state);
const char            *br_presentation_get_counter   (BrPresentation  *self);
BrPresentationConsole *br_presentation_get_console   (BrPresentation  *self);
GdkMonitor            *br_presentation_other_monitor (GdkDisplay      *display,
                                                      GdkMonitor      *presenting);

G_END_DECLS
