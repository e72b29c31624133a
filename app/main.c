/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "burnrate"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "br-cli.h"

#ifdef HAVE_UI
#include "br-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
  int status = 0;
#ifdef HAVE_UI
  g_auto(GStrv) app_argv = g_strdupv (argv);
  g_autoptr(BrApplication) app = NULL;
#endif

  setlocale (LC_ALL, "");
  /* BURNRATE_LOCALEDIR: the build tree's translations, for uninstalled runs and tests */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BURNRATE_LOCALEDIR") ? g_getenv ("BURNRATE_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* the headless paths run before, and without, GTK; they consume the file arguments,
   * so the application gets the command line as it was */
  if (br_cli_run (&argc, &argv, &status))
    return status;

#ifdef HAVE_UI
  g_set_application_name (_("Burnrate"));
  app = br_application_new ();
  return g_application_run (G_APPLICATION (app), g_strv_length (app_argv), app_argv);
#else
  g_printerr ("burnrate: %s\n", _("built without the window; use --validate, --export or --help"));
  return 1;
#endif
}
