/* br-window-main.c: burnrate-window, the program the burnrate command becomes for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "burnrate"

#include "config.h"

#include <glib/gi18n.h>

#include "br-application.h"
#include "br-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BrApplication) app = NULL;

  br_locale_init ();
  g_set_application_name (_("Burnrate"));
  app = br_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
