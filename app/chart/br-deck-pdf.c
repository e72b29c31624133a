/* br-deck-pdf.c: speaker notes and alternative text in the deck's PDF
 *
 * cairo 1.16 writes tagged PDF but neither annotations nor /Alt. This appends an
 * incremental update to the PDF cairo wrote, as PDF editors do: each page gets a text
 * annotation holding the slide's speaker notes, each slide's Figure structure element
 * its description as /Alt, and the catalogue says the file is tagged and its language.
 * Only objects that cairo writes as plain dictionaries are rewritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-export"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "br-deck-private.h"

typedef struct
{
  const char *data;
  gsize       length;
  GString    *out;        /* the update: objects, then the cross-reference section */
  GArray     *offsets;    /* guint pairs: object number, offset in the whole file */
} Update;

/* A PDF text string: UTF-16BE with its byte-order mark, in hex, so that no character
 * needs escaping */
static void
append_text_string (GString    *out,
                    const char *text)
{
  glong n = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text != NULL ? text : "", -1, NULL, &n, NULL);

  g_string_append (out, "<FEFF");
  for (glong i = 0; utf16 != NULL && i < n; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');
}

static const char *
find (const Update *u,
      const char   *from,
      const char   *needle)
{
  return memmem (from, u->data + u->length - from, needle, strlen (needle));
}

/* The dictionary of object @number, from "<<" to its closing ">>" */
static gboolean
find_object (const Update  *u,
             guint          number,
             const char   **start,
             const char   **end)
{
  g_autofree char *header = g_strdup_printf ("\n%u 0 obj\n", number);
  const char *obj = find (u, u->data, header), *endobj, *close, *stream;

  if (obj == NULL || (endobj = find (u, obj, "\nendobj")) == NULL)
    return FALSE;

  *start = obj + strlen (header);
  stream = find (u, *start, "stream");
  for (close = endobj; close > *start && !(close[0] == '>' && close[-1] == '>'); close--)
    ;
  if (close <= *start || strncmp (*start, "<<", 2) != 0 || (stream != NULL && stream < endobj))
    return FALSE;
  *end = close - 1;

  return TRUE;
}

/* Writes object @number again, its dictionary with @extra added at its end */
static gboolean
rewrite_object (Update     *u,
                guint       number,
                const char *extra)
{
  const char *start, *end;
  guint entry[2] = { number, u->length + u->out->len };

  if (!find_object (u, number, &start, &end))
    return FALSE;

  g_array_append_vals (u->offsets, entry, 2);
  g_string_append_printf (u->out, "%u 0 obj\n", number);
  g_string_append_len (u->out, start, end - start);
  g_string_append_printf (u->out, "%s>>\nendobj\n", extra);

  return TRUE;
}

static void
begin_object (Update *u,
              guint   number)
{
  guint entry[2] = { number, u->length + u->out->len };

  g_array_append_vals (u->offsets, entry, 2);
  g_string_append_printf (u->out, "%u 0 obj\n", number);
}

/* The number after @key in the last trailer, or 0 */
static guint
trailer_value (const Update *u,
               const char   *key)
{
  const char *trailer = NULL, *at;

  for (const char *p = u->data; (p = find (u, p, "\ntrailer")) != NULL; p++)
    trailer = p;
  if (trailer == NULL || (at = find (u, trailer, key)) == NULL)
    return 0;

  return (guint)strtoul (at + strlen (key), NULL, 10);
}

/* The page objects, in order, from the one page tree cairo writes */
static GArray *
page_objects (const Update *u)
{
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *kids = find (u, u->data, "/Type /Pages");
  char *p;

  if (kids == NULL || (kids = find (u, kids, "/Kids [")) == NULL)
    return pages;

  p = (char *)kids + strlen ("/Kids [");
  for (;;)
    {
      char *next;
      guint number = (guint)strtoul (p, &next, 10);

      if (next == p || number == 0)
        break;
      g_array_append_val (pages, number);
      p = strstr (next, "R");
      if (p == NULL)
        break;
      p++;
    }

  return pages;
}

static gboolean
annotate_pages (Update  *u,
                BrDeck  *deck,
                GArray  *pages,
                guint   *next,
                double   width,
                double   height)
{
  for (guint i = 0; i < pages->len; i++)
    {
      guint page = g_array_index (pages, guint, i), annot = (*next)++;
      g_autofree char *extra = g_strdup_printf ("   /Annots [ %u 0 R ]\n", annot);

      if (!rewrite_object (u, page, extra))
        return FALSE;

      /* a note in the top right corner, closed, where viewers and presenter consoles
       * find it */
      begin_object (u, annot);
      g_string_append_printf (u->out, "<< /Type /Annot /Subtype /Text /Name /Note /Open false\n"
                                      "   /Rect [ %.0f %.0f %.0f %.0f ]\n   /T ",
                              width - 40, height - 40, width - 16, height - 16);
      append_text_string (u->out, br_deck_get_slide_title (deck, i));
      g_string_append (u->out, "\n   /Contents ");
      append_text_string (u->out, br_deck_get_notes (deck, i));
      g_string_append (u->out, "\n>>\nendobj\n");
    }

  return TRUE;
}

/* Each Figure structure element gets the description of the slide on its page */
static gboolean
describe_figures (Update *u,
                  BrDeck *deck,
                  GArray *pages)
{
  static const char figure[] = "<< /Type /StructElem\n   /S /Figure";

  for (const char *p = u->data; (p = find (u, p, figure)) != NULL; p++)
    {
      const char *line = p - 1, *pg = find (u, p, "/Pg ");
      g_autoptr(GString) extra = g_string_new ("   /Alt ");
      guint number, page;

      /* the "N 0 obj" line before the dictionary */
      while (line > u->data && line[-1] != '\n')
        line--;
      number = (guint)strtoul (line, NULL, 10);
      page = pg != NULL ? (guint)strtoul (pg + 4, NULL, 10) : 0;

      for (guint i = 0; i < pages->len; i++)
        {
          if (g_array_index (pages, guint, i) != page)
            continue;
          append_text_string (extra, br_deck_get_slide_description (deck, i));
          g_string_append_c (extra, '\n');
          if (!rewrite_object (u, number, extra->str))
            return FALSE;
        }
    }

  return TRUE;
}

static void
append_xref (Update *u,
             guint   size,
             guint   root,
             guint   info,
             guint   prev)
{
  gsize xref = u->length + u->out->len;

  g_string_append (u->out, "xref\n");
  for (guint i = 0; i < u->offsets->len; i += 2)
    g_string_append_printf (u->out, "%u 1\n%010u 00000 n \n", g_array_index (u->offsets, guint, i),
                            g_array_index (u->offsets, guint, i + 1));
  g_string_append_printf (u->out, "trailer\n<< /Size %u\n   /Root %u 0 R\n", size, root);
  if (info != 0)
    g_string_append_printf (u->out, "   /Info %u 0 R\n", info);
  g_string_append_printf (u->out, "   /Prev %u\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          prev, xref);
}

/**
 * br_deck_pdf_add_notes:
 * @pdf: the deck as cairo wrote it, one page per slide; the update is appended
 * @width: @height: the page size, in points
 *
 * Adds each slide's speaker notes as a text annotation on its page and its description
 * as the /Alt of its Figure, as an incremental update of @pdf.
 *
 * Returns: %FALSE, with @pdf unchanged, if @pdf is not laid out as cairo writes it
 */
gboolean
br_deck_pdf_add_notes (BrDeck     *deck,
                       GByteArray *pdf,
                       double      width,
                       double      height)
{
  Update u = { (const char *)pdf->data, pdf->len, NULL, NULL };
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  guint size, root, info, prev, next;
  const char *startxref = NULL;
  g_autoptr(GString) language = g_string_new ("   /MarkInfo << /Marked true >>\n   /Lang ");

  g_return_val_if_fail (deck != NULL && pdf != NULL, FALSE);

  append_text_string (language, br_language_to_string (br_deck_get_language (deck)));
  g_string_append_c (language, '\n');
  u.out = out;
  u.offsets = offsets;
  pages = page_objects (&u);
  size = trailer_value (&u, "/Size ");
  root = trailer_value (&u, "/Root ");
  info = trailer_value (&u, "/Info ");
  for (const char *p = u.data; (p = find (&u, p, "\nstartxref\n")) != NULL; p++)
    startxref = p;
  if (pages->len != br_deck_get_n_slides (deck) || size == 0 || root == 0 || startxref == NULL)
    return FALSE;
  prev = (guint)strtoul (startxref + strlen ("\nstartxref\n"), NULL, 10);

  next = size;
  if (!annotate_pages (&u, deck, pages, &next, width, height) ||
      !describe_figures (&u, deck, pages) ||
      !rewrite_object (&u, root, language->str))
    return FALSE;
  append_xref (&u, next, root, info, prev);

  g_byte_array_append (pdf, (const guint8 *)out->str, out->len);

  return TRUE;
}
