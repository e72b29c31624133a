/* main.c: the burnrate command
 *
 * The headless paths (--export, --validate, --version, --help) run here, in a program
 * that links neither GTK nor libadwaita, whose loading would be a fair part of a whole
 * export (the README has the figure). Anything else is the window's, in
 * burnrate-window, which this program becomes with the command line as it was given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "burnrate"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "br-cli.h"
#include "br-locale.h"

#ifdef HAVE_UI
/* The window's program: beside this one in the build tree, else where it is installed */
static char *
window_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = dir != NULL ? g_build_filename (dir, "burnrate-window", NULL) : NULL;

  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&beside);

  return g_build_filename (LIBEXECDIR, "burnrate-window", NULL);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) window_argv = g_strdupv (argv);
  int status = 0;

  br_locale_init ();

  /* the headless paths consume the file arguments, so the window gets the command line
   * as it was */
  if (br_cli_run (&argc, &argv, &status))
    return status;

#ifdef HAVE_UI
  {
    g_autofree char *program = window_program ();
    int saved_errno;

    execv (program, window_argv);
    saved_errno = errno;
    /* TRANSLATORS: the program that could not be started, then why */
    g_printerr (_("burnrate: cannot start the window (%s): %s\n"), program,
                g_strerror (saved_errno));
    return BR_EXIT_FAILURE;
  }
#else
  g_printerr ("burnrate: %s\n", _("built without the window; use --validate, --export or --help"));
  return BR_EXIT_FAILURE;
#endif
}
