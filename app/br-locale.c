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
 * Sets the locale from the environment, LANGUAGE too when LANG and LC_* are unset, and
 * binds the translations: the installed ones, or with BURNRATE_LOCALEDIR set, the build
 * tree's, for uninstalled runs and tests.
 */
void
br_locale_init (void)
{
  const char *localedir = g_getenv ("BURNRATE_LOCALEDIR");
  const char *messages;

  setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE in the C locale, where the charts, which read it, would
   * then be in another language than the window: a UTF-8 C locale lets it count */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages != NULL && (g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
      && g_getenv ("LANGUAGE") != NULL && g_getenv ("LANGUAGE")[0] != '\0')
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
