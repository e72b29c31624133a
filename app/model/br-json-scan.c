/* br-json-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-json-scan"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "br-json-scan-private.h"

#define MAX_NUMBER_LENGTH 64

typedef struct
{
  char        type;       /* '{' or '[' */
  gsize       path_len;   /* length of the path up to this container */
  guint       index;
  GHashTable *keys;       /* reused between containers at the same depth */
} Frame;

typedef struct
{
  const char *data;
  const char *pos;
  const char *end;
  const char *line_start;
  guint       line;
  guint       max_depth;
  gsize       max_string;
  gsize       max_array;
  gsize       max_values;
  gsize       n_values;
  GString    *path;
  GString    *key;
  Frame      *frames;
  guint       depth;       /* frames in use */
  guint       n_frames;    /* frames allocated, each keeping its key table */
  GHashTable *wanted;
  char       *message;    /* set on the first fault */
  const char *fault_at;
  BrScanLayout *layout;   /* filled when not NULL */
  gboolean    in_companies;
  gsize       span_start;
} Scanner;

static gboolean
is_ws (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static guint
column_of (Scanner    *s,
           const char *at)
{
  guint column = 1;

  for (const char *p = s->line_start; p < at; p++)
    {
      if (((guchar)*p & 0xC0) != 0x80)
        column++;
    }

  return column;
}

static gboolean
fail (Scanner    *s,
      const char *at,
      char       *message)
{
  if (s->message == NULL)
    {
      s->message = message;
      s->fault_at = at;
    }
  else
    {
      g_free (message);
    }

  return FALSE;
}

static void
skip_ws (Scanner *s)
{
  while (s->pos < s->end && is_ws (*s->pos))
    {
      if (*s->pos == '\n')
        {
          s->line++;
          s->line_start = s->pos + 1;
        }
      s->pos++;
    }
}

/**
 * _br_json_quote:
 * @text: text from a file, possibly hostile
 *
 * Returns: @text shortened to 40 characters in double quotes, with control and
 *   formatting characters escaped, safe to print in a message or a terminal
 */
char *
_br_json_quote (const char *text)
{
  GString *out = g_string_new ("“");
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 40)
        {
          g_string_append (out, "…");
          break;
        }

      if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }

  g_string_append (out, "”");

  return g_string_free (out, FALSE);
}

static gboolean
is_plain_name (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_')
        return FALSE;
    }

  return TRUE;
}

void
_br_json_path_append_member (GString    *path,
                             const char *name)
{
  if (is_plain_name (name))
    {
      g_string_append_printf (path, ".%s", name);
      return;
    }

  g_string_append (path, "['");
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (path, '\\');
      g_string_append_c (path, *p);
    }
  g_string_append (path, "']");
}

static gboolean
value_starts (Scanner *s)
{
  BrScanPosition *position;

  /* json-glib spends time and memory on every value: bound the total */
  if (++s->n_values > s->max_values)
    return fail (s, s->pos,
                 g_strdup_printf (_("more than %lu values in the file; set BURNRATE_MAX_VALUES "
                                    "to raise the limit"), (unsigned long)s->max_values));

  if (s->layout != NULL)
    {
      if (s->depth == 1 && strcmp (s->path->str, "$.companies") == 0 && *s->pos == '[')
        {
          s->layout->companies_start = s->pos - s->data;
          s->in_companies = TRUE;
        }
      else if (s->depth == 2 && s->in_companies)
        {
          s->span_start = s->pos - s->data;
        }
    }

  if (s->wanted == NULL)
    return TRUE;

  position = g_hash_table_lookup (s->wanted, s->path->str);
  if (position != NULL && position->line == 0)
    {
      position->line = s->line;
      position->column = column_of (s, s->pos);
    }

  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Scanner  *s,
           const char *at,
           gunichar *out)
{
  gunichar value = 0;

  if (s->end - at < 4)
    return fail (s, at, g_strdup (_("unfinished \\u escape")));

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (at[i]);

      if (digit < 0)
        return fail (s, at, g_strdup (_("\\u must be followed by four hexadecimal digits")));
      value = value * 16 + digit;
    }

  *out = value;
  return TRUE;
}

/* Reads an escape after the backslash at s->pos, appending it to @out if not NULL. */
static gboolean
read_escape (Scanner *s,
             GString *out)
{
  const char *at = s->pos;
  gunichar c;

  if (s->pos + 1 >= s->end)
    return fail (s, at, g_strdup (_("unexpected end of file in a string")));

  switch (s->pos[1])
    {
    case '"': c = '"'; break;
    case '\\': c = '\\'; break;
    case '/': c = '/'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'u':
      if (!read_hex4 (s, s->pos + 2, &c))
        return FALSE;
      s->pos += 4;
      if (c == 0)
        return fail (s, at, g_strdup (_("\\u0000 is not allowed in text")));
      if (c >= 0xDC00 && c <= 0xDFFF)
        return fail (s, at, g_strdup (_("unpaired surrogate in a \\u escape")));
      if (c >= 0xD800 && c <= 0xDBFF)
        {
          gunichar low;

          if (s->end - s->pos < 8 || s->pos[2] != '\\' || s->pos[3] != 'u')
            return fail (s, at, g_strdup (_("unpaired surrogate in a \\u escape")));
          if (!read_hex4 (s, s->pos + 4, &low))
            return FALSE;
          if (low < 0xDC00 || low > 0xDFFF)
            return fail (s, at, g_strdup (_("unpaired surrogate in a \\u escape")));
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          s->pos += 6;
        }
      break;
    default:
      return fail (s, at, g_strdup_printf (_("invalid escape “\\%c” in a string"),
                                           g_ascii_isprint (s->pos[1]) ? s->pos[1] : '?'));
    }

  s->pos += 2;
  if (out != NULL)
    g_string_append_unichar (out, c);

  return TRUE;
}

/* Reads the string at s->pos (on its opening quote), decoding it into @out if not NULL. */
static gboolean
read_string (Scanner *s,
             GString *out)
{
  const char *start = s->pos;
  gsize n_chars = 0;

  s->pos++;

  while (s->pos < s->end)
    {
      guchar c = (guchar)*s->pos;

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }

      if (++n_chars > s->max_string)
        return fail (s, start,
                     g_strdup_printf (_("string longer than the limit of %lu characters; set "
                                        "BURNRATE_MAX_STRING to raise it"),
                                      (unsigned long)s->max_string));

      if (c == '\\')
        {
          if (!read_escape (s, out))
            return FALSE;
          continue;
        }

      if (c < 0x20)
        return fail (s, s->pos,
                     g_strdup_printf (_("control character U+%04X in a string; write it as an "
                                      "escape such as \\n"), c));

      if (out != NULL)
        {
          const char *next = g_utf8_next_char (s->pos);

          g_string_append_len (out, s->pos, next - s->pos);
          s->pos = next;
        }
      else
        {
          s->pos = g_utf8_next_char (s->pos);
        }
    }

  return fail (s, start, g_strdup (_("unterminated string")));
}

static gboolean
read_digits (Scanner *s)
{
  const char *start = s->pos;

  while (s->pos < s->end && g_ascii_isdigit (*s->pos))
    s->pos++;

  return s->pos > start;
}

static gboolean
read_number (Scanner *s)
{
  const char *start = s->pos;
  gboolean integer = TRUE;
  char buffer[MAX_NUMBER_LENGTH + 1];
  double value;

  if (*s->pos == '-')
    s->pos++;

  if (s->pos < s->end && *s->pos == 'I')
    return fail (s, start, g_strdup (_("Infinity is not a number JSON allows")));

  if (s->pos < s->end && *s->pos == '0')
    {
      s->pos++;
      if (s->pos < s->end && g_ascii_isdigit (*s->pos))
        return fail (s, start, g_strdup (_("numbers must not start with 0")));
    }
  else if (!read_digits (s))
    {
      return fail (s, start, g_strdup (_("invalid number")));
    }

  if (s->pos < s->end && *s->pos == '.')
    {
      s->pos++;
      integer = FALSE;
      if (!read_digits (s))
        return fail (s, start, g_strdup (_("invalid number: digits must follow the point")));
    }

  if (s->pos < s->end && (*s->pos == 'e' || *s->pos == 'E'))
    {
      s->pos++;
      integer = FALSE;
      if (s->pos < s->end && (*s->pos == '+' || *s->pos == '-'))
        s->pos++;
      if (!read_digits (s))
        return fail (s, start, g_strdup (_("invalid number: digits must follow the exponent")));
    }

  if (s->pos - start > MAX_NUMBER_LENGTH)
    return fail (s, start, g_strdup_printf (_("number longer than %d characters"),
                                            MAX_NUMBER_LENGTH));

  memcpy (buffer, start, s->pos - start);
  buffer[s->pos - start] = '\0';
  value = g_ascii_strtod (buffer, NULL);

  if (!isfinite (value))
    return fail (s, start, g_strdup_printf (_("number %s is out of range"), buffer));

  /* json-glib reads integers as gint64; past 2^53 they are no longer exact doubles */
  if (integer && fabs (value) > 9007199254740992.)
    return fail (s, start, g_strdup_printf (_("integer %s is too large"), buffer));

  return TRUE;
}

static gboolean
read_literal (Scanner *s)
{
  static const char *literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if ((gsize)(s->end - s->pos) >= len && memcmp (s->pos, literals[i], len) == 0)
        {
          s->pos += len;
          return TRUE;
        }
    }

  if ((gsize)(s->end - s->pos) >= 3 && memcmp (s->pos, "NaN", 3) == 0)
    return fail (s, s->pos, g_strdup (_("NaN is not a number JSON allows")));

  return FALSE;
}

static char *
describe_char (Scanner    *s,
               const char *at)
{
  gunichar c;

  if (at >= s->end)
    return g_strdup (_("unexpected end of file"));

  c = g_utf8_get_char (at);
  if (c < 0x80 && g_ascii_isprint (c))
    return g_strdup_printf (_("unexpected character “%c”"), (char)c);

  return g_strdup_printf (_("unexpected character U+%04X"), c);
}

static void
set_index_path (Scanner *s,
                Frame   *frame)
{
  g_string_truncate (s->path, frame->path_len);
  g_string_append_printf (s->path, "[%u]", frame->index);
}

static gboolean
push (Scanner *s,
      char     type)
{
  Frame *frame;

  if (s->depth >= s->max_depth)
    return fail (s, s->pos,
                 g_strdup_printf (_("nesting deeper than the limit of %u levels; set "
                                  "BURNRATE_MAX_DEPTH to raise it"), s->max_depth));

  if (s->depth == s->n_frames)
    {
      s->n_frames = MAX (16, s->n_frames * 2);
      s->frames = g_renew (Frame, s->frames, s->n_frames);
      memset (s->frames + s->depth, 0, (s->n_frames - s->depth) * sizeof (Frame));
    }

  frame = &s->frames[s->depth++];
  frame->type = type;
  frame->path_len = s->path->len;
  frame->index = 0;
  if (type == '{')
    {
      if (frame->keys == NULL)
        frame->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      else
        g_hash_table_remove_all (frame->keys);
    }

  s->pos++;
  return TRUE;
}

static void
span_ends (Scanner *s)
{
  BrScanSpan span = { s->span_start, s->pos - s->data };

  g_array_append_val (s->layout->company_spans, span);
}

static void
pop (Scanner *s)
{
  Frame *frame = &s->frames[--s->depth];

  g_string_truncate (s->path, frame->path_len);
  s->pos++;

  if (s->in_companies && s->depth == 2)
    span_ends (s);
  else if (s->in_companies && s->depth == 1)
    {
      s->layout->companies_end = s->pos - s->data;
      s->in_companies = FALSE;
    }
}

/* On the opening quote of a member name: reads it, checks it, and moves past the colon. */
static gboolean
read_member_name (Scanner *s,
                  Frame   *frame)
{
  const char *start = s->pos;

  if (s->pos >= s->end || *s->pos != '"')
    {
      if (s->pos < s->end && *s->pos == '}')
        return fail (s, s->pos, g_strdup (_("trailing comma before “}”")));
      return fail (s, s->pos, g_strdup (_("expected a member name in double quotes")));
    }

  g_string_truncate (s->key, 0);
  if (!read_string (s, s->key))
    return FALSE;

  if (g_hash_table_contains (frame->keys, s->key->str))
    {
      g_autofree char *quoted = _br_json_quote (s->key->str);

      g_string_truncate (s->path, frame->path_len);
      _br_json_path_append_member (s->path, s->key->str);
      return fail (s, start, g_strdup_printf (_("duplicate member %s"), quoted));
    }
  g_hash_table_add (frame->keys, g_strndup (s->key->str, s->key->len));

  g_string_truncate (s->path, frame->path_len);
  _br_json_path_append_member (s->path, s->key->str);

  skip_ws (s);
  if (s->pos >= s->end || *s->pos != ':')
    return fail (s, s->pos, g_strdup (_("expected “:” after the member name")));
  s->pos++;
  skip_ws (s);

  return TRUE;
}

/* After a value: moves to the next value, or closes containers. Returns FALSE when the
 * document is complete or on a fault. */
static gboolean
next_value (Scanner *s)
{
  while (s->depth > 0)
    {
      Frame *frame = &s->frames[s->depth - 1];
      char close = frame->type == '{' ? '}' : ']';

      skip_ws (s);
      if (s->pos >= s->end)
        return fail (s, s->pos, g_strdup (_("unexpected end of file")));

      if (*s->pos == close)
        {
          pop (s);
          continue;
        }

      if (*s->pos != ',')
        return fail (s, s->pos, g_strdup_printf (_("expected “,” or “%c”"), close));

      s->pos++;
      skip_ws (s);
      frame->index++;

      if (frame->type == '{')
        return read_member_name (s, frame);

      if (s->pos < s->end && *s->pos == ']')
        return fail (s, s->pos, g_strdup (_("trailing comma before “]”")));
      if (frame->index >= s->max_array)
        {
          g_string_truncate (s->path, frame->path_len);
          return fail (s, s->pos,
                       g_strdup_printf (_("array longer than the limit of %lu elements; set "
                                          "BURNRATE_MAX_ARRAY to raise it"),
                                        (unsigned long)s->max_array));
        }
      set_index_path (s, frame);
      return TRUE;
    }

  return FALSE;
}

/* Opens a container at s->pos, and moves to its first value; FALSE if it is empty or on
 * a fault (s->message says which). */
static gboolean
open_container (Scanner *s)
{
  Frame *frame;
  char type = *s->pos;

  if (!push (s, type))
    return FALSE;

  frame = &s->frames[s->depth - 1];
  skip_ws (s);

  if (s->pos < s->end && *s->pos == (type == '{' ? '}' : ']'))
    {
      pop (s);
      return FALSE;
    }

  if (type == '{')
    return read_member_name (s, frame);

  set_index_path (s, frame);
  return TRUE;
}

static gboolean
scan_value (Scanner *s)
{
  for (;;)
    {
      skip_ws (s);
      if (s->pos >= s->end)
        return fail (s, s->pos, g_strdup (_("unexpected end of file")));

      if (!value_starts (s))
        return FALSE;

      switch (*s->pos)
        {
        case '{':
        case '[':
          if (open_container (s))
            continue;
          if (s->message != NULL)
            return FALSE;
          break;

        case '"':
          if (!read_string (s, NULL))
            return FALSE;
          break;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!read_number (s))
            return FALSE;
          break;

        default:
          if (!read_literal (s))
            return fail (s, s->pos, describe_char (s, s->pos));
          break;
        }

      /* a company that is not a container ends with its scalar */
      if (s->in_companies && s->depth == 2 && s->data + s->span_start < s->pos &&
          strchr ("{[", s->data[s->span_start]) == NULL)
        span_ends (s);

      if (!next_value (s))
        return s->message == NULL;
    }
}

static void
scanner_init (Scanner    *s,
              const char *data,
              gsize       length)
{
  memset (s, 0, sizeof *s);
  s->data = data;
  s->pos = data;
  s->end = data + length;
  s->line_start = data;
  s->line = 1;
  s->max_depth = G_MAXUINT;
  s->max_string = G_MAXSIZE;
  s->max_array = G_MAXSIZE;
  s->max_values = G_MAXSIZE;
  s->path = g_string_new ("$");
  s->key = g_string_new (NULL);
}

static void
scanner_clear (Scanner *s)
{
  for (guint i = 0; i < s->n_frames; i++)
    g_clear_pointer (&s->frames[i].keys, g_hash_table_unref);

  g_free (s->frames);
  g_string_free (s->path, TRUE);
  g_string_free (s->key, TRUE);
}

static const char *
sniff_non_json (const char *data,
                gsize       length)
{
  if (length >= 2 && (guchar)data[0] == 0x1f && (guchar)data[1] == 0x8b)
    return _("the file is gzip-compressed, not JSON; decompress it first");
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return _("the file starts with a byte-order mark; save it as UTF-8 without BOM");
  if (length >= 2 && ((guchar)data[0] == 0xff || (guchar)data[0] == 0xfe))
    return _("the file looks like UTF-16; save it as UTF-8");
  if (length >= 4 && memcmp (data, "%PDF", 4) == 0)
    return _("the file is a PDF document, not JSON");
  if (length >= 8 && memcmp (data, "\x89PNG", 4) == 0)
    return _("the file is a PNG image, not JSON");
  if (length >= 2 && (memcmp (data, "PK", 2) == 0))
    return _("the file is a ZIP archive (a spreadsheet?), not JSON");

  return NULL;
}

/**
 * _br_json_scan_check:
 * @data: the file's bytes
 * @limits: how deep values may nest, how long strings and arrays may be, and how many
 *   values the file may hold
 * @layout: (out caller-allocates) (optional): where the companies stand; its
 *   company_spans must be an empty array of #BrScanSpan
 * @fault: (out): where and what the first fault is
 *
 * Checks that @data is one JSON object, well formed, within the limits, with
 * finite numbers and no duplicate members, so that json-glib can be given it safely.
 *
 * Returns: %TRUE if it is; else @fault is filled and must be cleared by the caller
 */
gboolean
_br_json_scan_check (const char         *data,
                     gsize               length,
                     const BrScanLimits *limits,
                     BrScanLayout       *layout,
                     BrScanFault        *fault)
{
  Scanner s;
  const char *sniffed;
  const char *invalid = NULL;
  gboolean ok;

  g_return_val_if_fail (fault != NULL, FALSE);

  memset (fault, 0, sizeof *fault);
  scanner_init (&s, data, length);
  s.max_depth = limits->depth;
  s.max_string = limits->string;
  s.max_array = limits->array;
  s.max_values = limits->values;
  s.layout = layout;

  if ((sniffed = sniff_non_json (data, length)) != NULL)
    {
      fail (&s, data, g_strdup (sniffed));
    }
  else if (!g_utf8_validate_len (data, length, &invalid))
    {
      if (*invalid == '\0')
        fail (&s, invalid, g_strdup (_("the file contains a NUL byte; it is not a text file")));
      else
        fail (&s, invalid, g_strdup_printf (_("invalid UTF-8 (byte 0x%02X); save the file as "
                                            "UTF-8"), (guchar)*invalid));
      /* lines and columns are only counted up to the fault, which is valid text */
      length = invalid - data;
      s.end = invalid;
    }
  else
    {
      skip_ws (&s);
      if (s.pos >= s.end)
        fail (&s, s.pos, g_strdup (_("the file is empty")));
      else if (*s.pos == '<')
        fail (&s, s.pos, g_strdup (_("the file looks like XML or HTML, not JSON")));
      else if (*s.pos != '{')
        fail (&s, s.pos, g_strdup (_("the top level must be a JSON object, “{ … }”")));
      else if (scan_value (&s))
        {
          skip_ws (&s);
          if (s.pos < s.end)
            fail (&s, s.pos, g_strdup (_("unexpected text after the end of the JSON document")));
        }
    }

  ok = s.message == NULL;
  if (!ok)
    {
      /* count lines up to the fault: the scanner may have stopped before reaching it */
      const char *at = MIN (s.fault_at, s.end);

      s.line = 1;
      s.line_start = data;
      for (const char *p = data; p < at; p++)
        {
          if (*p == '\n')
            {
              s.line++;
              s.line_start = p + 1;
            }
        }

      fault->line = s.line;
      fault->column = column_of (&s, at);
      fault->path = g_strdup (s.path->str);
      fault->message = g_steal_pointer (&s.message);
    }

  scanner_clear (&s);

  return ok;
}

/**
 * _br_json_scan_locate:
 * @wanted: JSON path → #BrScanPosition, with line 0 until found
 *
 * Fills in the line and column where each wanted path's value starts.
 * @data must already have passed _br_json_scan_check().
 */
void
_br_json_scan_locate (const char *data,
                      gsize       length,
                      GHashTable *wanted)
{
  Scanner s;

  scanner_init (&s, data, length);
  s.wanted = wanted;
  skip_ws (&s);
  scan_value (&s);
  g_free (s.message);
  scanner_clear (&s);
}
