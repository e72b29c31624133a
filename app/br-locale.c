/* br-locale.c: the locale and the translations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "burnrate"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "br-locale.h"

static gboolean
is_unset (const char *variable)
{
  const char *value = g_getenv (variable);

  return value == NULL || value[0] == '\0';
}

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

  /* gettext ignores LANGUAGE in the C locale, where the charts, which read it, would
   * then be in another language than the window: with no locale named at all, the
   * UTF-8 C locale lets it count. In the environment, for GTK sets the locale again. */
  if (!is_unset ("LANGUAGE") && is_unset ("LC_ALL") && is_unset ("LC_MESSAGES")
      && is_unset ("LANG"))
    g_setenv ("LANG", "C.UTF-8", TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
