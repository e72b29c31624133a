/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "burnrate"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "br-cli.h"

int
main (int   argc,
      char *argv[])
{
  int status = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (br_cli_run (&argc, &argv, &status))
    return status;

  g_printerr ("burnrate: the window is not built yet; use --validate or --help\n");
  return 1;
}
