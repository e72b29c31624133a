/* br-chart-i18n.c: chart text in the chart's language, which need not be the locale's
 *
 * A chart drawn in Chinese from an English desktop (`burnrate --language zh`, or the
 * window's language choice) must say 亏损 and not "Losses". gettext answers in the
 * locale's language only, so while a chart is drawn the thread notes the chart's
 * language, and the chart library's _() (br-chart-private.h) answers from that
 * language's catalogue: the locale's through gettext when they agree, the English
 * messages themselves for English, and otherwise the installed .mo file, read once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <libintl.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "br-chart-private.h"

#define MO_MAGIC 0x950412de

/* the language of the chart this thread is drawing, plus one; 0 outside a drawing */
static GPrivate drawing_language;

/**
 * _br_chart_push_language:
 * @language: the language of the chart about to be drawn on this thread
 *
 * Returns: a token for _br_chart_pop_language(), which sets back the language of a
 *   drawing this one is inside
 */
gpointer
_br_chart_push_language (BrLanguage language)
{
  gpointer previous = g_private_get (&drawing_language);

  g_private_set (&drawing_language, GUINT_TO_POINTER (language + 1));

  return previous;
}

void
_br_chart_pop_language (gpointer token)
{
  g_private_set (&drawing_language, token);
}

/* The language of the catalogue gettext translates into, or English */
static BrLanguage
locale_language (void)
{
  static gsize once = 0;
  static BrLanguage language = BR_LANGUAGE_EN;

  if (g_once_init_enter (&once))
    {
      /* a message every catalogue translates tells whether one is in use */
      const char *probe = "Losses";
      const char *header = dgettext (GETTEXT_PACKAGE, "");
      const char *field = header != NULL ? strstr (header, "Language: ") : NULL;
      BrLanguage found;

      if (g_dgettext (GETTEXT_PACKAGE, probe) != probe && field != NULL &&
          br_language_from_string (field + strlen ("Language: "), &found))
        language = found;
      g_once_init_leave (&once, 1);
    }

  return language;
}

static guint32
read_u32 (const guint8 *data,
          gsize         at,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + at, 4);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The messages of a .mo file: msgid → the (first) msgstr. NULL when the file is missing
 * or malformed; every offset is checked against the file's size. */
static GHashTable *
read_catalogue (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GHashTable) messages = NULL;
  const guint8 *data;
  gsize size;
  guint32 n, originals, translations;
  gboolean swap;

  if (file == NULL || (size = g_mapped_file_get_length (file)) < 20)
    return NULL;

  data = (const guint8 *)g_mapped_file_get_contents (file);
  swap = read_u32 (data, 0, FALSE) != MO_MAGIC;
  if (read_u32 (data, 0, swap) != MO_MAGIC)
    return NULL;

  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);
  if (n > size / 16 || originals > size - 8 * (gsize)n || translations > size - 8 * (gsize)n)
    return NULL;

  messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_length = read_u32 (data, originals + 8 * i, swap);
      guint32 id_at = read_u32 (data, originals + 8 * i + 4, swap);
      guint32 str_length = read_u32 (data, translations + 8 * i, swap);
      guint32 str_at = read_u32 (data, translations + 8 * i + 4, swap);

      if (id_at > size || id_length > size - id_at || str_at > size || str_length > size - str_at)
        return NULL;

      /* a plural message's id and strings run on past a NUL: the first of each is kept */
      g_hash_table_insert (messages, g_strndup ((const char *)data + id_at, id_length),
                           g_strndup ((const char *)data + str_at, str_length));
    }

  return g_steal_pointer (&messages);
}

/* @language's messages, from where the program's translations are bound; each read
 * once. NULL for English, whose messages are the msgids. */
static GHashTable *
catalogue (BrLanguage language)
{
  static gsize once[BR_N_LANGUAGES];
  static GHashTable *messages[BR_N_LANGUAGES];

  if (language == BR_LANGUAGE_EN)
    return NULL;

  if (g_once_init_enter (&once[language]))
    {
      const char *directory = bindtextdomain (GETTEXT_PACKAGE, NULL);
      g_autofree char *path = g_build_filename (directory != NULL ? directory : LOCALEDIR,
                                                br_language_get_locale (language),
                                                "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      messages[language] = read_catalogue (path);
      if (messages[language] == NULL)
        g_debug ("No messages at %s: %s charts keep English labels", path,
                 br_language_to_string (language));
      g_once_init_leave (&once[language], 1);
    }

  return messages[language];
}

/**
 * _br_chart_translate:
 *
 * @msgid or @plural as @n says, in @language: through gettext when the locale's
 * catalogue is that language's, else from its catalogue read apart.
 */
const char *
_br_chart_translate (BrLanguage  language,
                     const char *msgid,
                     const char *plural,
                     gulong      n)
{
  GHashTable *messages;
  const char *found;

  if (language == locale_language ())
    return plural == NULL ? g_dgettext (GETTEXT_PACKAGE, msgid)
                          : g_dngettext (GETTEXT_PACKAGE, msgid, plural, n);

  /* the first string of a plural message serves every n: true of the languages we have,
   * with one plural form; a language with more wants its Plural-Forms read here */
  messages = catalogue (language);
  found = messages != NULL ? g_hash_table_lookup (messages, msgid) : NULL;
  if (found != NULL && *found != '\0')
    return found;

  return plural == NULL || n == 1 ? msgid : plural;
}

/**
 * _br_chart_ngettext:
 *
 * @msgid or @plural as @n says, in the language of the chart being drawn on this thread,
 * or outside a drawing in the locale's.
 */
const char *
_br_chart_ngettext (const char *msgid,
                    const char *plural,
                    gulong      n)
{
  guint language = GPOINTER_TO_UINT (g_private_get (&drawing_language));

  if (language == 0)
    return plural == NULL ? g_dgettext (GETTEXT_PACKAGE, msgid)
                          : g_dngettext (GETTEXT_PACKAGE, msgid, plural, n);

  return _br_chart_translate (language - 1, msgid, plural, n);
}

const char *
_br_chart_gettext (const char *msgid)
{
  return _br_chart_ngettext (msgid, NULL, 1);
}
