/* br-locale.c: the locale and the translations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "burnrate"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "br-locale.h"

/**
 * br_locale_init:
 *
 * Sets the locale from the environment and binds the translations: the installed ones,
 * or with BURNRATE_LOCALEDIR set, the build tree's, for uninstalled runs and tests.
 */
void
br_locale_init (void)
{
  const char *localedir = g_getenv ("BURNRATE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
