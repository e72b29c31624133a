/* br-test-i18n.h: tests read the build tree's translations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>

#include <glib/gi18n-lib.h>

/* As main.c does, with the catalogue meson built in po/ (BURNRATE_LOCALEDIR). */
static inline void
br_test_init_i18n (void)
{
  const char *localedir = g_getenv ("BURNRATE_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
