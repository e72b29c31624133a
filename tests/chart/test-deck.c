/* test-deck.c: the deck PDF read back as a viewer reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../br-test-i18n.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "br-chart-layout-private.h"
#include "br-chart-options-private.h"
#include "br-deck-private.h"
#include "br-export.h"

typedef struct
{
  const char *dataset;   /* a file under data/datasets, or NULL for the bundled one */
  BrLanguage  language;
  BrTheme     theme;
  double      width, height;
} DeckCase;

static JsonObject *
read_json (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* @from's elements appended to @into's array @member, but for those already there */
static void
merge_array (JsonObject *into,
             JsonObject *from,
             const char *member)
{
  JsonArray *to = json_object_get_array_member (into, member);
  JsonArray *add = json_object_get_array_member (from, member);

  for (guint i = 0; i < json_array_get_length (add); i++)
    {
      JsonNode *node = json_array_get_element (add, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < json_array_get_length (to) && !seen; j++)
        seen = json_node_equal (json_array_get_element (to, j), node);
      if (!seen)
        json_array_add_element (to, json_node_copy (node));
    }
}

/* @object as a dataset, through the real loader */
static BrDataset *
load_object (JsonObject *object)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *path = NULL;
  g_autoptr(GFile) file = NULL;
  BrDataset *dataset;
  int fd;

  json_node_set_object (root, object);
  text = json_to_string (root, FALSE);
  fd = g_file_open_tmp ("burnrate-merged-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  file = g_file_new_for_path (path);
  dataset = br_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return dataset;
}

/* The bundled and the challengers datasets in one: seven companies */
static BrDataset *
load_merged (void)
{
  g_autoptr(JsonObject) bundled = read_json ("china-gpu.json");
  g_autoptr(JsonObject) challengers = read_json ("china-gpu-challengers.json");
  BrDataset *dataset;

  merge_array (bundled, challengers, "sources");
  merge_array (bundled, challengers, "fx");
  merge_array (bundled, challengers, "companies");
  dataset = load_object (bundled);
  g_assert_cmpuint (br_dataset_get_n_companies (dataset), ==, 7);

  return dataset;
}

static BrDataset *
load (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  BrDataset *dataset;

  if (name == NULL)
    dataset = br_dataset_load_bundled (&error);
  else if (g_str_equal (name, "merged"))
    return load_merged ();
  else
    {
      /* "charts/…": a dataset written for the chart tests */
      path = g_str_has_prefix (name, "charts/")
               ? g_test_build_filename (G_TEST_DIST, "data", name, NULL)
               : g_test_build_filename (G_TEST_DIST, "..", "data", "datasets", name, NULL);
      file = g_file_new_for_path (path);
      dataset = br_dataset_load_file (file, NULL, NULL, NULL, &error);
    }
  g_assert_no_error (error);

  return dataset;
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, pdf, "-",
                         NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* Text compared as a reader sees it: without white space and hyphens (where lines broke:
 * pdftotext joins a word broken after its hyphen), with typographic apostrophes and
 * full-width punctuation as their plain forms */
static char *
normalize (const char *text)
{
  static const char *pairs[][2] = {
    { "——", "—" }, { "’", "'" }, { "‘", "'" }, { "，", "," }, { "；", ";" }, { "：", ":" }, { "（", "(" },
    { "）", ")" }, { "！", "!" }, { "？", "?" },
  };
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean mapped = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (pairs) && !mapped; i++)
        {
          if (g_str_has_prefix (p, pairs[i][0]))
            {
              g_string_append (out, pairs[i][1]);
              p += strlen (pairs[i][0]);
              mapped = TRUE;
            }
        }
      if (mapped)
        continue;
      if (!g_unichar_isspace (c) && c != '-')
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/* The numbers a footnote gives, "[1]–[4], [7]" as 1, 2, 3, 4, 7 */
static GHashTable *
footnote_numbers (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\[(\\d+)\\](–\\s*\\[(\\d+)\\])?", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *numbers = g_hash_table_new (NULL, NULL);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *first = g_match_info_fetch (match, 1);
      g_autofree char *last = g_match_info_fetch (match, 3);
      guint64 a = g_ascii_strtoull (first, NULL, 10);
      guint64 b = last != NULL && *last != '\0' ? g_ascii_strtoull (last, NULL, 10) : a;

      for (guint64 n = a; n <= b; n++)
        g_hash_table_add (numbers, GUINT_TO_POINTER ((guint)n));
      g_match_info_next (match, NULL);
    }

  return numbers;
}

static BrChartLayout *
draw_slide_at (BrDeck *deck,
               guint   slide,
               double  width,
               double  height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  BrChartLayout *layout = br_deck_draw_slide (deck, slide, cr, width, height);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return layout;
}

static BrChartLayout *
draw_chart_slide (BrDeck *deck,
                  guint   slide)
{
  return draw_slide_at (deck, slide, 1920, 1080);
}

/* Each chart slide's footnote gives the numbers of exactly the sources it cites, by
 * their place on the sources slides; its notes list them with their titles. */
static void
assert_footnotes (BrDeck     *deck,
                  const char *pdf,
                  BrLanguage  lang)
{
  GPtrArray *sources = br_deck_get_sources (deck);

  for (guint slide = 1; slide <= BR_N_CHART_KINDS; slide++)
    {
      g_autoptr(BrChartLayout) layout = draw_chart_slide (deck, slide);
      GPtrArray *cited = br_chart_layout_get_sources (layout);
      g_autofree char *text = page_text (pdf, slide + 1);
      g_autoptr(GHashTable) numbers = footnote_numbers (text);
      const char *notes = br_deck_get_notes (deck, slide);

      g_assert_cmpuint (g_hash_table_size (numbers), ==, cited->len);
      for (guint i = 0; i < cited->len; i++)
        {
          const BrSource *source = g_ptr_array_index (cited, i);
          guint index;
          g_autofree char *entry = NULL, *plain_notes = normalize (notes);
          g_autofree char *publisher = normalize (source->publisher);

          g_assert_true (g_ptr_array_find (sources, source, &index));
          g_assert_true (g_hash_table_contains (numbers, GUINT_TO_POINTER (index + 1)));
          entry = g_strdup_printf ("[%u] ", index + 1);
          g_assert_nonnull (strstr (notes, entry));
          g_assert_nonnull (strstr (plain_notes, publisher));
        }
      /* the key figures come first */
      g_assert_false (g_str_has_prefix (notes, "\n"));
      g_assert_cmpuint (strlen (br_deck_get_slide_description (deck, slide)), >, 40);
    }
}

/* Every source the slides cite stands whole on a sources slide: number, title, publisher,
 * date and web site, in the deck's language, and no text anywhere is cut with "…". */
static void
assert_sources (BrDeck     *deck,
                const char *pdf,
                BrLanguage  lang)
{
  GPtrArray *sources = br_deck_get_sources (deck);
  g_autoptr(GString) listed = g_string_new (NULL);
  guint n_slides = br_deck_get_n_slides (deck);

  for (guint slide = 0; slide < n_slides; slide++)
    {
      g_autofree char *text = page_text (pdf, slide + 1);

      if (br_deck_get_slide_kind (deck, slide) == BR_SLIDE_SOURCES)
        g_string_append_printf (listed, "%s\n", text);
      if (br_deck_get_slide_kind (deck, slide) != BR_SLIDE_CHART)
        g_assert_null (strstr (text, "…"));
    }

  g_assert_cmpuint (sources->len, >, 0);
  for (guint i = 0; i < sources->len; i++)
    {
      const BrSource *source = g_ptr_array_index (sources, i);
      g_autoptr(GUri) uri = g_uri_parse (source->url, G_URI_FLAGS_NONE, NULL);
      const char *host = g_uri_get_host (uri);
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&source->date),
                                               g_date_get_month (&source->date),
                                               g_date_get_day (&source->date));
      g_autofree char *whole = g_strdup_printf ("[%u]%s—%s,%s,%s", i + 1,
                                                br_text_get (&source->title, lang),
                                                source->publisher, date,
                                                g_str_has_prefix (host, "www.") ? host + 4 : host);
      g_autofree char *want = normalize (whole);
      g_autofree char *have = normalize (listed->str);

      if (strstr (have, want) == NULL)
        g_error ("source %u not whole on the sources slides: %s", i + 1, want);
    }
}

/* @text as the hex UTF-16 string a PDF carries it in */
static char *
pdf_hex (const char *text)
{
  glong n = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  GString *out = g_string_new ("<FEFF");

  for (glong i = 0; i < n; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');

  return g_string_free (out, FALSE);
}

/* The PDF carries each slide's notes in a text annotation and its description as the
 * alternative text of its figure, and poppler reads the file without a complaint. */
static void
assert_notes (BrDeck     *deck,
              const char *pdf)
{
  const char *argv[] = { "pdfinfo", "-struct", pdf, NULL };
  g_autofree char *contents = NULL, *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint figures = 0;
  int status;

  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < br_deck_get_n_slides (deck); i++)
    {
      g_autofree char *notes_hex = pdf_hex (br_deck_get_notes (deck, i));
      g_autofree char *alt_hex = pdf_hex (br_deck_get_slide_description (deck, i));
      g_autofree char *notes = g_strdup_printf ("/Contents %s", notes_hex);
      g_autofree char *alt = g_strdup_printf ("/Alt %s", alt_hex);

      /* memmem: the file has binary streams */
      g_assert_nonnull (memmem (contents, length, notes, strlen (notes)));
      g_assert_nonnull (memmem (contents, length, alt, strlen (alt)));
    }

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_null (strstr (err, "Error"));
  for (const char *p = out; (p = strstr (p, "Figure")) != NULL; p++)
    figures++;
  g_assert_cmpuint (figures, ==, br_deck_get_n_slides (deck));
}

typedef struct
{
  double x0, y0, x1, y1;
  char  *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *)data)->text);
}

/* Whether @text is two words side by side on the page: pdftotext splits "10.8倍" where the
 * font changes, and may list the halves apart */
static gboolean
side_by_side (GArray     *words,
              const char *text)
{
  for (guint i = 0; i < words->len; i++)
    {
      const Word *a = &g_array_index (words, Word, i);

      if (!g_str_has_prefix (text, a->text))
        continue;
      for (guint j = 0; j < words->len; j++)
        {
          const Word *b = &g_array_index (words, Word, j);

          if (ABS (b->x0 - a->x1) < 3 && b->y0 < a->y1 && a->y0 < b->y1 &&
              g_str_equal (text + strlen (a->text), b->text))
            return TRUE;
        }
    }

  return FALSE;
}

/* @text with pdftotext's XML entities read: "&gt;1,000×" is ">1,000×" */
static char *
unescape (char *text)
{
  static const char *entities[][2] = { { "&gt;", ">" }, { "&lt;", "<" }, { "&quot;", "\"" },
                                       { "&apos;", "'" }, { "&amp;", "&" } };
  GString *s = g_string_new (text);

  g_free (text);
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (s, entities[i][0], entities[i][1], 0);

  return g_string_free (s, FALSE);
}

/* The words of page @page as pdftotext -bbox finds them, with their boxes */
static GArray *
page_words (const char *pdf,
            guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-bbox", "-f", number, "-l", number, pdf, "-", NULL };
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" "
                                         "xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  int status;

  g_array_set_clear_func (words, word_clear);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_regex_match (regex, out, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      Word word;
      g_autofree char *x0 = g_match_info_fetch (match, 1), *y0 = g_match_info_fetch (match, 2);
      g_autofree char *x1 = g_match_info_fetch (match, 3), *y1 = g_match_info_fetch (match, 4);

      word.x0 = g_ascii_strtod (x0, NULL);
      word.y0 = g_ascii_strtod (y0, NULL);
      word.x1 = g_ascii_strtod (x1, NULL);
      word.y1 = g_ascii_strtod (y1, NULL);
      word.text = unescape (g_match_info_fetch (match, 5));
      g_array_append_val (words, word);
    }

  return words;
}

static gboolean
is_tick (const char *text)
{
  return g_regex_match_simple ("^(−|-)?[\\d,]+(\\.\\d+)?%?$", text, 0, 0);
}

/* The right edge of tick label @w: pdftotext splits "10万亿" in two where the font changes */
static double
tick_right (GArray     *words,
            const Word *w)
{
  for (guint j = 0; j < words->len; j++)
    {
      const Word *b = &g_array_index (words, Word, j);

      if (ABS (b->x0 - w->x1) < 3 && b->y0 < w->y1 && w->y0 < b->y1 &&
          g_str_equal (b->text, "万亿"))
        return b->x1;
    }

  return w->x1;
}

/* How far apart, as a share of the page's height, the centres of the highest and the
 * lowest y-axis tick label are: the tick labels are the numbers right-aligned in one
 * column in the left fifth of the page. 0 when the chart has no y axis. */
static double
y_axis_span (GArray *words,
             double  width,
             double  height)
{
  g_autoptr(GHashTable) columns = g_hash_table_new (NULL, NULL);
  gpointer best = NULL;
  guint best_n = 0;
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      gpointer column = GINT_TO_POINTER ((int)(tick_right (words, w) / 4) + 1);
      guint n;

      if (!is_tick (w->text) || w->x1 > width * 0.2)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (columns, column)) + 1;
      g_hash_table_insert (columns, column, GUINT_TO_POINTER (n));
      if (n > best_n)
        {
          best_n = n;
          best = column;
        }
    }
  if (best_n < 2)
    return 0;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (is_tick (w->text) && w->x1 <= width * 0.2 &&
          GINT_TO_POINTER ((int)(tick_right (words, w) / 4) + 1) == best)
        {
          top = MIN (top, (w->y0 + w->y1) / 2);
          bottom = MAX (bottom, (w->y0 + w->y1) / 2);
        }
    }

  return (bottom - top) / height;
}

/* Whether @w lies in a text box the chart drew under @role */
static gboolean
in_role (BrChartLayout *layout,
         const Word    *w,
         const char    *role)
{
  double x = (w->x0 + w->x1) / 2, y = (w->y0 + w->y1) / 2;
  GArray *boxes = br_chart_layout_get_text_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

      if (g_str_equal (box->role, role) && x >= box->x0 - 1 && x <= box->x1 + 1 &&
          y >= box->y0 - 1 && y <= box->y1 + 1)
        return TRUE;
    }

  return FALSE;
}

/* The customers' slide draws its shares on one scale: "0%" to "100%" below the bars,
 * evenly spaced over at least 45 % of the width, and every share right of it.
 * Returns the scale's span as a part of the width. */
static double
share_scale_span (GArray        *words,
                  BrChartLayout *layout,
                  double         width,
                  guint          slide)
{
  static const char *ticks[] = { "0%", "25%", "50%", "75%", "100%" };
  double x[G_N_ELEMENTS (ticks)], y[G_N_ELEMENTS (ticks)];
  guint n_values = 0;

  for (guint k = 0; k < G_N_ELEMENTS (ticks); k++)
    {
      x[k] = -1;
      for (guint i = 0; i < words->len; i++)
        {
          const Word *w = &g_array_index (words, Word, i);

          if (g_str_equal (w->text, ticks[k]) && in_role (layout, w, "tick"))
            {
              x[k] = (w->x0 + w->x1) / 2;
              y[k] = w->y1;
            }
        }
      if (x[k] < 0)
        g_error ("slide %u has no tick “%s” on its scale", slide + 1, ticks[k]);
      if (k > 0)
        g_assert_cmpfloat (fabs (y[k] - y[0]), <, 1);
    }
  for (guint k = 1; k < G_N_ELEMENTS (ticks); k++)
    if (fabs ((x[k] - x[k - 1]) - (x[4] - x[0]) / 4) > 1.5)
      g_error ("slide %u: the scale's ticks are not evenly spaced: %s at %.1f, %s at %.1f",
               slide + 1, ticks[k - 1], x[k - 1], ticks[k], x[k]);

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (!in_role (layout, w, "value"))
        continue;
      n_values++;
      if (w->x0 <= x[4] || w->y1 >= y[0])
        g_error ("slide %u: the share “%s” at (%.1f, %.1f) is not right of the scale's 100%%"
                 " (%.1f) and above its ticks", slide + 1, w->text, w->x0, w->y1, x[4]);
    }
  g_assert_cmpuint (n_values, >, 0);

  return (x[4] - x[0]) / width;
}

/* Whether each part of @text between punctuation is on the slide or in its notes */
static gboolean
on_slide_or_in_notes (const char *text,
                      const char *slide_text,
                      const char *notes)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[;:,.；：，。]", text, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] != '\0' && strstr (slide_text, parts[i]) == NULL &&
          strstr (notes, parts[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Each chart slide lays its plot out over most of the slide: the y axis spans at least
 * 55 % of the height; every word the chart shows at 1080p in the window's layout, but
 * for its footnote (which the slide gives as numbers), is on its slide; nothing is cut
 * with "…". */
static void
assert_chart_slides (BrDataset            *dataset,
                     const BrChartOptions *options,
                     BrDeck               *deck,
                     const char           *pdf,
                     double                width,
                     double                height)
{
  g_autofree char *dir = g_path_get_dirname (pdf);

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      guint slide = br_deck_find_chart (deck, kind);
      g_autoptr(GArray) words = page_words (pdf, slide + 1);
      g_autoptr(GArray) chart_words = NULL;
      g_autoptr(BrChartOptions) chart = br_chart_options_copy (options);
      g_autoptr(BrChartLayout) layout = NULL;
      g_autoptr(BrChartLayout) slide_layout = draw_slide_at (deck, slide, width, height);
      g_autoptr(GString) slide_text = g_string_new (NULL);
      g_autofree char *chart_pdf = g_build_filename (dir, "chart.pdf", NULL);
      g_autoptr(GError) error = NULL;
      double span = y_axis_span (words, width, height), footnote = G_MAXDOUBLE;
      guint n_not_drawn, n_chart_not_drawn;
      cairo_surface_t *surface;
      cairo_t *cr;

      g_test_message ("slide %u: y axis over %.0f %% of the height", slide + 1, span * 100);
      /* the customers' slide has its scale across; a chart without data, a panel */
      if (kind == BR_CHART_CUSTOMERS && br_chart_layout_has_data (slide_layout))
        {
          span = share_scale_span (words, slide_layout, width, slide);
          g_test_message ("slide %u: share scale over %.0f %% of the width", slide + 1,
                          span * 100);
          g_assert_cmpfloat (span, >=, 0.45);
        }
      else if (br_chart_layout_has_data (slide_layout))
        g_assert_cmpfloat (span, >=, 0.55);

      for (guint i = 0; i < words->len; i++)
        g_assert_null (strstr (g_array_index (words, Word, i).text, "…"));
      /* cairo gives an ellipsized run's whole text to text extraction: the layout says
       * what Pango cut */
      GArray *slide_boxes = br_chart_layout_get_text_boxes (slide_layout);
      for (guint i = 0; i < slide_boxes->len; i++)
        {
          const BrTextBox *box = &g_array_index (slide_boxes, BrTextBox, i);

          if (box->ellipsized)
            g_error ("slide %u: a %s run at (%.0f, %.0f) is cut with “…”", slide + 1, box->role,
                     box->x0, box->y0);
        }

      /* the chart as the window and exports draw it at 1080p */
      br_chart_options_set_kind (chart, kind);
      g_assert_true (br_export_chart (dataset, chart,
                                      &(BrExportTarget) { BR_EXPORT_PDF, chart_pdf,
                                      { 1920, 1080, 1 } }, &error));
      g_assert_no_error (error);
      surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (surface);
      layout = br_chart_draw (cr, dataset, chart, 1920, 1080);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      GArray *boxes = br_chart_layout_get_text_boxes (layout);
      for (guint i = 0; i < boxes->len; i++)
        {
          const BrTextBox *box = &g_array_index (boxes, BrTextBox, i);

          if (g_str_equal (box->role, "footnote"))
            footnote = MIN (footnote, box->y0);
        }

      /* a company the slide has no room for is named on it and in its notes; its
       * figures are then the window's to show */
      br_chart_layout_get_not_drawn (slide_layout, &n_not_drawn);
      br_chart_layout_get_not_drawn (layout, &n_chart_not_drawn);
      if (n_not_drawn > n_chart_not_drawn)
        {
          const BrCompany * const *not_drawn = br_chart_layout_get_not_drawn (slide_layout,
                                                                              &n_not_drawn);

          for (guint i = 0; i < n_not_drawn; i++)
            g_assert_nonnull (strstr (br_deck_get_notes (deck, slide),
                                      br_company_get_name (not_drawn[i],
                                                           br_chart_options_get_language (options))));
          g_test_message ("slide %u draws %u companies fewer than the chart", slide + 1,
                          n_not_drawn - n_chart_not_drawn);
          g_unlink (chart_pdf);
          continue;
        }

      chart_words = page_words (chart_pdf, 1);
      for (guint i = 0; i < words->len; i++)
        g_string_append (slide_text, g_array_index (words, Word, i).text);
      for (guint i = 0; i < chart_words->len; i++)
        {
          const Word *w = &g_array_index (chart_words, Word, i);
          gboolean found = FALSE;

          /* ticks are chosen for the plot's height; the footnote is numbers on a slide;
           * a separator ("Moore Threads · 17 months") may be a line break on a slide */
          if (w->y0 >= footnote - 1 || strstr (w->text, "…") != NULL ||
              in_role (layout, w, "tick") || g_str_equal (w->text, "·"))
            continue;
          /* pdftotext splits a word where the font changes (digits, then 年): the slide's
           * words are compared run together */
          found = strstr (slide_text->str, w->text) != NULL || side_by_side (words, w->text);
          /* a label the slide had no room for is in its notes, said so */
          if (!found && strstr (br_deck_get_notes (deck, slide), w->text) != NULL)
            found = br_chart_layout_get_left_out (slide_layout)->len > 0;
          /* a slide's subtitle is one line: the detail is in its notes */
          if (!found && in_role (layout, w, "subtitle"))
            found = on_slide_or_in_notes (w->text, slide_text->str,
                                          br_deck_get_notes (deck, slide));
          if (!found)
            g_error ("slide %u lacks “%s”, which the chart shows", slide + 1, w->text);
        }
      g_unlink (chart_pdf);
    }
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;

  return FALSE;
}

/* On each chart slide the data labels (the chart's "value" runs: end labels, multiples,
 * shares) are the largest numbers as the PDF sets them: every word with a digit in
 * them is taller than any other word with a digit (tick labels, period labels, the
 * subtitle's range, the footnote's source numbers). And the subtitle is one line. With
 * @every_slide, each chart slide with data has data labels. */
static void
assert_hierarchy (BrDeck     *deck,
                  const char *pdf,
                  double      width,
                  double      height,
                  gboolean    every_slide)
{
  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      guint slide = br_deck_find_chart (deck, kind);
      g_autoptr(GArray) words = page_words (pdf, slide + 1);
      g_autoptr(BrChartLayout) layout = draw_slide_at (deck, slide, width, height);
      double value_min = G_MAXDOUBLE, other_max = 0;
      double subtitle_top = G_MAXDOUBLE, subtitle_bottom = 0, subtitle_height = 0;
      const char *tallest_other = NULL, *smallest_value = NULL;

      for (guint i = 0; i < words->len; i++)
        {
          const Word *w = &g_array_index (words, Word, i);
          double h = w->y1 - w->y0;

          if (in_role (layout, w, "subtitle"))
            {
              subtitle_top = MIN (subtitle_top, w->y0);
              subtitle_bottom = MAX (subtitle_bottom, w->y0);
              subtitle_height = MAX (subtitle_height, h);
            }
          if (!has_digit (w->text))
            continue;
          if (in_role (layout, w, "value") && h < value_min)
            {
              value_min = h;
              smallest_value = w->text;
            }
          else if (!in_role (layout, w, "value") && h > other_max)
            {
              other_max = h;
              tallest_other = w->text;
            }
        }

      g_test_message ("slide %u: smallest figure “%s” %.1f pt high, tallest other number "
                      "“%s” %.1f pt", slide + 1, smallest_value, value_min, tallest_other,
                      other_max);
      g_assert_cmpfloat (subtitle_height, >, 0);
      if (subtitle_bottom - subtitle_top > subtitle_height / 2)
        g_error ("slide %u: the subtitle takes more than one line", slide + 1);
      if (!br_chart_layout_has_data (layout))
        continue;
      /* the test datasets have charts with no figure to label: R&D not disclosed */
      if (smallest_value == NULL && !every_slide)
        continue;
      if (smallest_value == NULL)
        g_error ("slide %u: no data label on the slide", slide + 1);
      if (value_min <= other_max * 1.05)
        g_error ("slide %u: the data label “%s” (%.1f pt) is not larger than “%s” (%.1f pt)",
                 slide + 1, smallest_value, value_min, tallest_other, other_max);
    }
}

static void
test_deck_read_back (gconstpointer data)
{
  const DeckCase *c = data;
  g_autoptr(BrDataset) dataset = load (c->dataset);
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autofree char *dir = g_dir_make_tmp ("burnrate-deck-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autoptr(BrDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  BrUnit unit;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  br_chart_options_set_language (options, c->language);
  br_chart_options_set_theme (options, c->theme);
  /* the dataset's own currency, as the window and the command line start in */
  br_unit_for_dataset (dataset, &unit);
  br_chart_options_set_unit (options, &unit);
  deck = br_deck_new (dataset, options, NULL);
  g_assert_true (br_export_deck (dataset, options, &(BrExportTarget) { BR_EXPORT_PDF, pdf,
                                 { c->width, c->height, 1 } }, &error));
  g_assert_no_error (error);

  /* the title slide says the charts convert their amounts */
  title = page_text (pdf, 1);
  g_assert_nonnull (strstr (title, c->language == BR_LANGUAGE_ZH ? "换算为" : "Amounts converted to"));

  assert_sources (deck, pdf, c->language);
  assert_notes (deck, pdf);
  assert_chart_slides (dataset, options, deck, pdf, c->width, c->height);
  assert_hierarchy (deck, pdf, c->width, c->height,
                    c->dataset == NULL || !g_str_has_prefix (c->dataset, "charts/"));
  if (c->width / c->height > 1.7)
    assert_footnotes (deck, pdf, c->language);

  g_unlink (pdf);
  g_rmdir (dir);
}

/* A dataset's own subtitle comes before the chart's: on a slide, where the whole is too
 * long for one line, the chart's last part (how to read the multiples) goes to the notes,
 * and the subtitle stays one line. */
static void
test_deck_long_subtitle (void)
{
  static const char mode[] = "per period; the figure above each pair is R&D as a multiple of "
                             "revenue";
  g_autoptr(JsonObject) object = read_json ("china-gpu.json");
  JsonObject *charts = json_object_new (), *rnd = json_object_new ();
  g_autoptr(BrDataset) dataset = NULL;
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("burnrate-deck-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  guint slide;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  json_object_set_string_member (rnd, "subtitle", "Every figure from the companies’ "
                                 "prospectuses and annual reports, converted at the dataset’s "
                                 "dated exchange rates");
  json_object_set_object_member (charts, "rnd", rnd);
  json_object_set_object_member (object, "charts", charts);
  dataset = load_object (object);
  deck = br_deck_new (dataset, options, NULL);
  slide = br_deck_find_chart (deck, BR_CHART_RND);
  g_assert_true (br_export_deck (dataset, options, &(BrExportTarget) { BR_EXPORT_PDF, pdf,
                                 { 1920, 1080, 1 } }, &error));
  g_assert_no_error (error);

  assert_hierarchy (deck, pdf, 1920, 1080, TRUE);
  g_assert_nonnull (strstr (br_deck_get_notes (deck, slide), mode));
  text = page_text (pdf, slide + 1);
  g_assert_nonnull (strstr (text, "prospectuses and annual reports"));

  g_unlink (pdf);
  g_rmdir (dir);
}

/* Chinese text next to half-width punctuation is set full-width on the slides; English
 * apostrophes are curly, as in the charts' own titles. */
static void
test_deck_typography (void)
{
  g_autoptr(BrDataset) dataset = load ("china-gpu-challengers.json");
  g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
  g_autoptr(BrDeck) zh = NULL, en = NULL;

  br_chart_options_set_language (options, BR_LANGUAGE_ZH);
  zh = br_deck_new (dataset, options, NULL);
  /* the dataset says "国产GPU后来者:壁仞、天数智芯、燧原" */
  g_assert_cmpstr (br_deck_get_slide_title (zh, 0), ==, "国产GPU后来者：壁仞、天数智芯、燧原");

  br_chart_options_set_language (options, BR_LANGUAGE_EN);
  en = br_deck_new (dataset, options, NULL);
  g_assert_null (strchr (br_deck_get_slide_description (en, 0), '\''));
  g_assert_null (strstr (br_deck_get_notes (en, 0), "'"));
}

/* The two decks have the same slides, with the same text at the same sizes and heights */
static void
assert_same_text (BrDeck *plain,
                  BrDeck *large)
{
  g_assert_cmpuint (br_deck_get_n_slides (large), ==, br_deck_get_n_slides (plain));
  for (guint slide = 0; slide < br_deck_get_n_slides (plain); slide++)
    {
      g_autoptr(BrChartLayout) a = draw_chart_slide (plain, slide);
      g_autoptr(BrChartLayout) b = draw_chart_slide (large, slide);
      GArray *boxes_a = br_chart_layout_get_text_boxes (a);
      GArray *boxes_b = br_chart_layout_get_text_boxes (b);

      g_assert_cmpuint (boxes_b->len, ==, boxes_a->len);
      for (guint i = 0; i < boxes_a->len; i++)
        {
          const BrTextBox *ta = &g_array_index (boxes_a, BrTextBox, i);
          const BrTextBox *tb = &g_array_index (boxes_b, BrTextBox, i);

          g_assert_cmpstr (tb->text, ==, ta->text);
          g_assert_cmpfloat_with_epsilon (tb->size, ta->size, 1e-9);
          g_assert_cmpfloat_with_epsilon (tb->y0, ta->y0, 1e-9);
        }
    }
}

/* A deck made from the window's options is the same whatever the desktop's text size:
 * every slide, the title and sources slides too, keeps the deck's type scale and no
 * least size, so the slides shown and the PDF exported are alike on every machine. */
static void
test_deck_text_size (void)
{
  /* many sources, on several sources slides; and three currencies of a test's own */
  const char *names[] = { NULL, "charts/usd-hkd-krw.json" };

  for (guint d = 0; d < G_N_ELEMENTS (names); d++)
    {
      g_autoptr(BrDataset) dataset = load (names[d]);
      g_autoptr(BrChartOptions) options = br_chart_options_new (BR_CHART_LOSSES);
      g_autoptr(BrDeck) plain = NULL, large = NULL;

      br_chart_options_set_language (options, BR_LANGUAGE_EN);
      plain = br_deck_new (dataset, options, NULL);
      /* the window's setting at a desktop text scale of 2.4: 11 px at least, scaled */
      br_chart_options_set_text_size (options, 2.4, 11 * 2.4);
      large = br_deck_new (dataset, options, NULL);
      assert_same_text (plain, large);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const DeckCase cases[] = {
    { NULL, BR_LANGUAGE_EN, BR_THEME_LIGHT, 1920, 1080 },
    { NULL, BR_LANGUAGE_ZH, BR_THEME_DARK, 1920, 1080 },
    { NULL, BR_LANGUAGE_EN, BR_THEME_DARK, 1440, 1080 },
    { "china-gpu-challengers.json", BR_LANGUAGE_EN, BR_THEME_LIGHT, 1920, 1080 },
    { "china-gpu-challengers.json", BR_LANGUAGE_ZH, BR_THEME_LIGHT, 1440, 1080 },
    { "merged", BR_LANGUAGE_EN, BR_THEME_DARK, 1920, 1080 },
    { "merged", BR_LANGUAGE_ZH, BR_THEME_LIGHT, 1440, 1080 },
    { "charts/usd-january.json", BR_LANGUAGE_EN, BR_THEME_LIGHT, 1920, 1080 },
    { "charts/hkd-halves.json", BR_LANGUAGE_ZH, BR_THEME_DARK, 1920, 1080 },
    { "charts/marks.json", BR_LANGUAGE_EN, BR_THEME_DARK, 1440, 1080 },
    { "charts/usd-hkd-krw.json", BR_LANGUAGE_EN, BR_THEME_LIGHT, 1920, 1080 },
  };

  /* "--datasets", last: only the chart tests' own datasets (a test of its own in
   * meson.build, so that each half keeps well within its time under the sanitizers) */
  gboolean datasets = argc > 1 && g_str_equal (argv[argc - 1], "--datasets");

  if (datasets)
    argv[--argc] = NULL;
  br_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *name = cases[i].dataset;
      gboolean test_data = name != NULL && g_str_has_prefix (name, "charts/");

      if (test_data != datasets)
        continue;
      g_autofree char *path = g_strdup_printf ("/Br/Deck/%s/%s/%s/%s/%.0fx%.0f",
                                               test_data ? "datasets" : "read-back",
                                               name == NULL ? "bundled" :
                                               test_data ? name + strlen ("charts/") :
                                               g_str_equal (name, "merged") ? "merged"
                                                                            : "challengers",
                                               br_language_to_string (cases[i].language),
                                               cases[i].theme == BR_THEME_DARK ? "dark" : "light",
                                               cases[i].width, cases[i].height);

      g_test_add_data_func (path, &cases[i], test_deck_read_back);
    }
  if (datasets)
    g_test_add_func ("/Br/Deck/datasets/long-subtitle", test_deck_long_subtitle);
  else
    {
      g_test_add_func ("/Br/Deck/typography", test_deck_typography);
      g_test_add_func ("/Br/Deck/text-size", test_deck_text_size);
    }

  return g_test_run ();
}
