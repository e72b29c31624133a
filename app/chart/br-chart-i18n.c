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

/* the language of the chart this thread is drawing, or NULL */
static GPrivate drawing_language;

/**
 * _br_chart_set_language:
 * @language: (nullable): "en" or "zh" while a chart is drawn; NULL after
 *
 * Returns: the language it replaces, to be set back when a nested drawing ends
 */
const char *
_br_chart_set_language (const char *language)
{
  const char *previous = g_private_get (&drawing_language);

  g_private_set (&drawing_language, (gpointer)language);

  return previous;
}

/* "en", or the language of the catalogue gettext translates into: "zh" */
static const char *
locale_language (void)
{
  static gsize once = 0;
  static const char *language = "en";

  if (g_once_init_enter (&once))
    {
      /* a message every catalogue translates tells whether one is in use */
      const char *probe = "Losses";
      const char *header = dgettext (GETTEXT_PACKAGE, "");
      const char *field = header != NULL ? strstr (header, "Language: ") : NULL;

      if (g_dgettext (GETTEXT_PACKAGE, probe) != probe && field != NULL &&
          g_str_has_prefix (field + strlen ("Language: "), "zh"))
        language = "zh";
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

/* The Chinese catalogue, from where the program's translations are bound; read once */
static GHashTable *
chinese_catalogue (void)
{
  static gsize once = 0;
  static GHashTable *messages;

  if (g_once_init_enter (&once))
    {
      const char *directory = bindtextdomain (GETTEXT_PACKAGE, NULL);
      g_autofree char *path = g_build_filename (directory != NULL ? directory : LOCALEDIR,
                                                "zh_CN", "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);

      messages = read_catalogue (path);
      if (messages == NULL)
        g_debug ("No Chinese messages at %s: Chinese charts keep English labels", path);
      g_once_init_leave (&once, 1);
    }

  return messages;
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
  const char *language = g_private_get (&drawing_language);
  GHashTable *messages;
  const char *found;

  if (language == NULL || g_strcmp0 (language, locale_language ()) == 0)
    return plural == NULL ? g_dgettext (GETTEXT_PACKAGE, msgid)
                          : g_dngettext (GETTEXT_PACKAGE, msgid, plural, n);

  /* Chinese has one plural form: the first string serves every n */
  messages = g_str_equal (language, "zh") ? chinese_catalogue () : NULL;
  found = messages != NULL ? g_hash_table_lookup (messages, msgid) : NULL;
  if (found != NULL && *found != '\0')
    return found;

  return plural == NULL || n == 1 ? msgid : plural;
}

const char *
_br_chart_gettext (const char *msgid)
{
  return _br_chart_ngettext (msgid, NULL, 1);
}
