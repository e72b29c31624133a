/* br-json-reader.c: typed reading of a json-glib tree, with the JSON path of each fault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-json-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "br-json-reader-private.h"
#include "br-json-scan-private.h"

static void
fault_free (BrJsonFault *fault)
{
  g_free (fault->path);
  g_free (fault->message);
  g_free (fault);
}

void
_br_json_reader_init (BrJsonReader *r,
                      guint         max_faults)
{
  r->path = g_string_new ("$");
  r->faults = g_ptr_array_new_with_free_func ((GDestroyNotify)fault_free);
  r->n_faults = 0;
  r->max_faults = max_faults;
}

void
_br_json_reader_clear (BrJsonReader *r)
{
  g_string_free (g_steal_pointer (&r->path), TRUE);
  g_clear_pointer (&r->faults, g_ptr_array_unref);
}

/* Paths */

BrJsonMark
_br_json_push_member (BrJsonReader *r,
                      const char   *name)
{
  BrJsonMark mark = r->path->len;

  _br_json_path_append_member (r->path, name);
  return mark;
}

BrJsonMark
_br_json_push_index (BrJsonReader *r,
                     guint         index)
{
  BrJsonMark mark = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);
  return mark;
}

void
_br_json_pop (BrJsonReader *r,
              BrJsonMark    mark)
{
  g_string_truncate (r->path, mark);
}

/**
 * _br_json_report_valist:
 * @member: (nullable): a member of the current path the fault is in
 * @format: an untranslated message; the fault holds its translation
 *
 * Records a fault at the current path, or at its @member; past the cap only counts it.
 */
void
_br_json_report_valist (BrJsonReader *r,
                        const char   *member,
                        const char   *format,
                        va_list       args)
{
  BrJsonFault *fault;
  BrJsonMark mark = r->path->len;

  if (r->n_faults++ >= r->max_faults)
    return;

  if (member != NULL)
    _br_json_path_append_member (r->path, member);

  fault = g_new0 (BrJsonFault, 1);
  fault->path = g_strdup (r->path->str);
  fault->message = g_strdup_vprintf (g_dgettext (GETTEXT_PACKAGE, format), args);
  g_ptr_array_add (r->faults, fault);

  _br_json_pop (r, mark);
}

static void report (BrJsonReader *r,
                    const char   *member,
                    const char   *format,
                    ...) G_GNUC_PRINTF (3, 4);

/* report:3 is the keyword xgettext extracts the validator's messages with */
static void
report (BrJsonReader *r,
        const char   *member,
        const char   *format,
        ...)
{
  va_list args;

  va_start (args, format);
  _br_json_report_valist (r, member, format, args);
  va_end (args);
}

/* Reading members */

/* What a JSON value is, named for a message: the one place the validator names types,
 * translated; through _br_json_type_name_at() for the text it starts with. */
const char *
_br_json_node_type_name (JsonNode *node)
{
  GType type;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _br_json_type_name_at ('{');
    case JSON_NODE_ARRAY:
      return _br_json_type_name_at ('[');
    case JSON_NODE_NULL:
      return _br_json_type_name_at ('n');
    case JSON_NODE_VALUE:
    default:
      type = json_node_get_value_type (node);
      if (type == G_TYPE_STRING)
        return _br_json_type_name_at ('"');
      if (type == G_TYPE_BOOLEAN)
        return _br_json_type_name_at ('t');
      return _br_json_type_name_at ('0');
    }
}

JsonNode *
_br_json_member (BrJsonReader *r,
                 JsonObject   *object,
                 const char   *name,
                 gboolean      required)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && required)
    report (r, NULL, "missing member “%s”", name);

  return node;
}

void
_br_json_check_members (BrJsonReader       *r,
                        JsonObject         *object,
                        const char * const *allowed)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      gboolean known = FALSE;

      for (guint i = 0; allowed[i] != NULL && !known; i++)
        known = strcmp (allowed[i], name) == 0;

      if (!known)
        {
          g_autofree char *quoted = _br_json_quote (name);

          report (r, name, "unknown member %s", quoted);
        }
    }
}

gboolean
_br_json_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
_br_json_get_string (BrJsonReader  *r,
                     JsonObject    *object,
                     const char    *name,
                     gboolean       required,
                     const char   **out)
{
  JsonNode *node = _br_json_member (r, object, name, required);

  *out = NULL;
  if (node == NULL)
    return FALSE;

  if (!_br_json_is_string (node))
    {
      report (r, name, "must be a string, not %s", _br_json_node_type_name (node));
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
_br_json_get_number (BrJsonReader *r,
                     JsonObject   *object,
                     const char   *name,
                     gboolean      required,
                     double       *out)
{
  JsonNode *node = _br_json_member (r, object, name, required);

  if (node == NULL)
    return FALSE;

  if (!is_number (node))
    {
      report (r, name, "must be a number, not %s", _br_json_node_type_name (node));
      return FALSE;
    }

  *out = json_node_get_double (node);
  if (!isfinite (*out))
    {
      report (r, name, "must be a finite number");
      return FALSE;
    }

  return TRUE;
}

JsonArray *
_br_json_get_array (BrJsonReader *r,
                    JsonObject   *object,
                    const char   *name,
                    gboolean      required)
{
  JsonNode *node = _br_json_member (r, object, name, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (r, name, "must be an array, not %s", _br_json_node_type_name (node));
      return NULL;
    }

  return json_node_get_array (node);
}

/* Returns the object at index @i of @array, or reports what it is instead. */
static JsonObject *
element_object (BrJsonReader *r,
                JsonArray    *array,
                guint         i)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (r, NULL, "must be an object, not %s", _br_json_node_type_name (node));
      return NULL;
    }

  return json_node_get_object (node);
}

gboolean
_br_json_get_enum (BrJsonReader       *r,
                   JsonObject         *object,
                   const char         *name,
                   gboolean            required,
                   const char * const *names,
                   guint              *out)
{
  g_autoptr(GString) choices = NULL;
  g_autofree char *quoted = NULL;
  const char *str;

  if (!_br_json_get_string (r, object, name, required, &str))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  choices = g_string_new (NULL);
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (choices, "%s“%s”", i > 0 ? ", " : "", names[i]);

  quoted = _br_json_quote (str);
  report (r, name, "unknown %s %s: use one of %s", name, quoted, choices->str);
  return FALSE;
}

/* Reads the first @n elements of the array @name with @read, the path set to each
 * element; an element that is not an object is reported and passed over. */
void
_br_json_read_objects (BrJsonReader   *r,
                       const char     *name,
                       JsonArray      *array,
                       guint           n,
                       BrJsonReadFunc  read,
                       gpointer        context,
                       gpointer        data)
{
  BrJsonMark mark = _br_json_push_member (r, name);

  for (guint i = 0; i < n; i++)
    {
      BrJsonMark item = _br_json_push_index (r, i);
      JsonObject *object = element_object (r, array, i);

      if (object != NULL)
        read (context, object, i, data);
      _br_json_pop (r, item);
    }

  _br_json_pop (r, mark);
}

const char *
_br_json_type_name_at (char first)
{
  switch (first)
    {
    case '{':
      return _("an object");
    case '[':
      return _("an array");
    case '"':
      return _("a string");
    case 't':
    case 'f':
      return _("true or false");
    case 'n':
      return _("null");
    default:
      return _("a number");
    }
}
