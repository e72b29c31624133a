/* br-slide-view.h: one slide of the deck on screen, with hover readouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "br-deck.h"

G_BEGIN_DECLS

#define BR_TYPE_SLIDE_VIEW (br_slide_view_get_type ())

G_DECLARE_FINAL_TYPE (BrSlideView, br_slide_view, BR, SLIDE_VIEW, GtkWidget)

GtkWidget     *br_slide_view_new          (BrDeck      *deck);
guint          br_slide_view_get_slide    (BrSlideView *self);
void           br_slide_view_set_slide    (BrSlideView *self,
                                           guint        slide);
gboolean       br_slide_view_get_blank    (BrSlideView *self);
void           br_slide_view_set_blank    (BrSlideView *self,
                                           gboolean     blank);
void           br_slide_view_set_preview  (BrSlideView *self,
                                           gboolean     preview);

G_END_DECLS
