/* br-locale.h: the locale and the translations, set up the same in both programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void br_locale_init (void);

G_END_DECLS
