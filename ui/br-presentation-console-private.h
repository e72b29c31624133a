/* br-presentation-console-private.h: what the tests read off the presenter view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-presentation-console.h"

G_BEGIN_DECLS

BrSlideView *br_presentation_console_get_current (BrPresentationConsole *self);
BrSlideView *br_presentation_console_get_next    (BrPresentationConsole *self);
const char  *br_presentation_console_get_notes   (BrPresentationConsole *self);
const char  *br_presentation_console_get_elapsed (BrPresentationConsole *self);
const char  *br_presentation_console_get_clock   (BrPresentationConsole *self);

G_END_DECLS
