/* br-application.h: the application: its window, actions and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BR_TYPE_APPLICATION (br_application_get_type ())

G_DECLARE_FINAL_TYPE (BrApplication, br_application, BR, APPLICATION, AdwApplication)

BrApplication *br_application_new          (void);

G_END_DECLS
