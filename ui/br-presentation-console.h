/* br-presentation-console.h: the presenter view, on the laptop while the slides show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "br-deck.h"
#include "br-slide-view.h"

G_BEGIN_DECLS

#define BR_TYPE_PRESENTATION_CONSOLE (br_presentation_console_get_type ())

G_DECLARE_FINAL_TYPE (BrPresentationConsole, br_presentation_console, BR,
                      PRESENTATION_CONSOLE, GtkWindow)

typedef gboolean (*BrConsoleKeyFunc) (gpointer        presentation,
                                      guint           keyval,
                                      GdkModifierType state);

BrPresentationConsole *br_presentation_console_new       (GtkWindow        *presentation,
                                                          BrDeck           *deck,
                                                          BrConsoleKeyFunc  key_func);
void         br_presentation_console_show_slide         (BrPresentationConsole *self,
                                                          guint                  slide);
void         br_presentation_console_set_start          (BrPresentationConsole *self,
                                                          gint64                 start);

G_END_DECLS
