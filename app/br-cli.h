/* br-cli.h: the command line paths that need no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BR_EXIT_OK = 0,
  BR_EXIT_FAILURE = 1,
  BR_EXIT_USAGE = 2,
} BrExitStatus;

gboolean br_cli_run (int    *argc,
                     char ***argv,
                     int    *exit_status);

G_END_DECLS
