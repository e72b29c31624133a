/* br-deck.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-deck"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "br-chart-layout-private.h"
#include "br-chart-private.h"
#include "br-deck-private.h"

/* Sources slides are paginated for 16:9, the aspect where their type is largest for
 * the height: narrower slides scale type with the width, wider ones keep it */
#define PAGE_WIDTH  1920.
#define PAGE_HEIGHT 1080.
#define SOURCE_SIZE 0.55     /* ems: 24 px at 1080p */
#define SOURCE_GAP  0.3      /* ems between entries */

struct _BrDeck
{
  gatomicrefcount  ref_count;
  BrDataset       *dataset;
  BrChartOptions  *options;                    /* title and sources slides */
  BrChartOptions  *charts[BR_N_CHART_KINDS];   /* one per chart slide */
  GDate            date;
  GPtrArray       *sources;   /* const BrSource *: those the slides cite, numbered in order */
  GArray          *pages;     /* guint: the first source of each sources slide */
  GPtrArray       *titles;    /* char *, one per slide */
  GPtrArray       *descriptions;
  GPtrArray       *notes;
};

static void
set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static BrChartLayout *
record_chart (BrDeck      *deck,
              BrChartKind  kind)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  BrChartLayout *layout = br_chart_draw (cr, deck->dataset, deck->charts[kind], PAGE_WIDTH,
                                         PAGE_HEIGHT);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return layout;
}

/* The sources the chart slides cite, in the order they first appear; the footnotes then
 * name them by their numbers in this list. */
static void
collect_sources (BrDeck        *deck,
                 BrChartLayout *layouts[BR_N_CHART_KINDS])
{
  deck->sources = g_ptr_array_new ();

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      BrChartLayout *layout = layouts[kind] = record_chart (deck, kind);
      GPtrArray *cited = br_chart_layout_get_sources (layout);

      for (guint i = 0; i < cited->len; i++)
        {
          if (!g_ptr_array_find (deck->sources, g_ptr_array_index (cited, i), NULL))
            g_ptr_array_add (deck->sources, g_ptr_array_index (cited, i));
        }
    }

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    br_chart_options_set_source_order (deck->charts[kind], deck->sources);
}

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || (c >= 0x3000 && c <= 0x303f) ||
         (c >= 0xff00 && c <= 0xffef);
}

/* Dataset text as a slide sets it: in English, apostrophes curly like the charts' own;
 * in Chinese, punctuation next to Chinese text full-width. */
static char *
typeset (const char *text,
         BrLanguage lang)
{
  static const struct { gunichar half, full; } marks[] = {
    { ',', 0xff0c }, { ';', 0xff1b }, { ':', 0xff1a }, { '(', 0xff08 }, { ')', 0xff09 },
    { '!', 0xff01 }, { '?', 0xff1f },
  };
  gboolean zh = lang == BR_LANGUAGE_ZH;
  GString *out = g_string_new (NULL);
  gunichar prev = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p), next = g_utf8_get_char (g_utf8_next_char (p));

      if (!zh && c == '\'')
        c = (prev == 0 || g_unichar_isspace (prev) || prev == '(') ? 0x2018 : 0x2019;
      for (guint i = 0; zh && i < G_N_ELEMENTS (marks); i++)
        {
          if (c == marks[i].half && (is_cjk (prev) || is_cjk (next)))
            c = marks[i].full;
        }
      /* the space after a comma goes with it once the comma is full-width */
      if (!(c == ' ' && prev >= 0xff00 && prev <= 0xffef))
        g_string_append_unichar (out, c);
      prev = c;
    }

  return g_string_free (out, FALSE);
}

/* A URL as a slide prints it: its host, without "www.", never broken at a hyphen */
static char *
url_host (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;
  g_auto(GStrv) parts = NULL;

  if (host == NULL || *host == '\0')
    return g_strdup (url != NULL ? url : "");
  if (g_str_has_prefix (host, "www."))
    host += 4;

  /* U+2060 WORD JOINER: no line break after the hyphen */
  parts = g_strsplit (host, "-", -1);
  return g_strjoinv ("-\u2060", parts);
}

/* A sources slide's entry, whole: "Title — Publisher, 2025-06-30, host" */
static char *
describe_source (const BrSource *source,
                 BrLanguage      lang)
{
  g_autofree char *date = _br_format_date (&source->date, lang);
  g_autofree char *host = url_host (source->url);
  g_autofree char *title = typeset (br_text_get (&source->title, lang), lang);
  g_autofree char *publisher = typeset (source->publisher, lang);

  /* TRANSLATORS: a source on the sources slides: title, publisher, date, web site */
  return g_strdup_printf (_("%s — %s, %s, %s"), title, publisher, date, host);
}

/* The slide layout of the sources slides: measures and draws alike */
typedef struct
{
  double x, y0, y1, indent, width, size, gap;
} SourceFrame;

static void
source_frame (BrChartContext *ctx,
              SourceFrame    *frame)
{
  double number_width;

  _br_text_measure (ctx, "[00]", ctx->em * SOURCE_SIZE, TEXT_BOLD, &number_width, NULL);
  frame->x = ctx->pad;
  frame->y0 = ctx->py0;
  frame->y1 = ctx->height - ctx->pad;
  frame->size = ctx->em * SOURCE_SIZE;
  frame->gap = ctx->em * SOURCE_GAP;
  frame->indent = number_width + ctx->em * 0.3;
  frame->width = ctx->width - 2 * ctx->pad - frame->indent;
}

static double
measure_source (BrChartContext    *ctx,
                const SourceFrame *frame,
                const BrSource    *source,
                double             size)
{
  g_autofree char *text = describe_source (source, ctx->lang);

  return _br_text_measure_wrapped (ctx, text, size, frame->width, 0);
}

/* As many sources slides as the cited sources need at the 16:9 page's size, each entry
 * whole; a slide drawn smaller or narrower shrinks its type to hold the same entries. */
static void
paginate_sources (BrDeck *deck)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  BrChartContext ctx = { 0 };
  SourceFrame frame;
  double y;

  deck->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  _br_chart_context_begin (&ctx, cr, deck->dataset, deck->options, PAGE_WIDTH, PAGE_HEIGHT);
  _br_chart_header (&ctx, _("Sources"), " ");
  source_frame (&ctx, &frame);
  y = frame.y1;

  for (guint i = 0; i < deck->sources->len; i++)
    {
      double h = measure_source (&ctx, &frame, g_ptr_array_index (deck->sources, i), frame.size);

      /* 5 % to spare for hinting at other sizes */
      if (y + h > frame.y0 + (frame.y1 - frame.y0) * 0.95)
        {
          g_array_append_val (deck->pages, i);
          y = frame.y0;
        }
      y += h + frame.gap;
    }

  br_chart_layout_unref (_br_chart_context_end (&ctx));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint
page_end (BrDeck *deck,
          guint   page)
{
  return page + 1 < deck->pages->len ? g_array_index (deck->pages, guint, page + 1)
                                     : deck->sources->len;
}

static char *
sources_subtitle (BrDeck *deck,
                  guint   page)
{
  if (deck->pages->len < 2)
    return NULL;

  /* TRANSLATORS: under "Sources" when they take several slides: "2 of 3" */
  return g_strdup_printf (_("%u of %u"), page + 1, deck->pages->len);
}

/* The title slide's small print: the day, when the figures were checked, how many
 * sources, and the one unit every chart converts its amounts to */
static char *
title_facts (BrDeck     *deck,
             BrLanguage lang)
{
  g_autofree char *date = _br_format_date (&deck->date, lang);
  g_autofree char *updated = _br_format_date (br_dataset_get_updated (deck->dataset), lang);
  const BrUnit *unit = br_chart_options_get_unit (deck->options);
  guint n = deck->sources->len;
  g_autofree char *n_sources = br_chart_format_count (n);
  g_autofree char *checked = NULL;

  /* TRANSLATORS: on the title slide: the day of the presentation, when the figures
   * were last checked, and how many sources they come from */
  checked = g_strdup_printf (_br_chart_ngettext ("%s · figures checked %s · %s source",
                                                 "%s · figures checked %s · %s sources", n),
                             date, updated, n_sources);

  /* TRANSLATORS: on the title slide, under the date and sources: the unit of the charts */
  return g_strdup_printf (_("%s\nAmounts converted to %s at the dataset’s dated exchange rates"),
                          checked, _br_unit_label (unit, lang));
}

/* "[n] title — publisher, date, host", one a line */
static void
append_sources (GString        *text,
                BrDeck         *deck,
                GPtrArray      *cited,
                BrLanguage      lang)
{
  for (guint i = 0; i < deck->sources->len; i++)
    {
      const BrSource *source = g_ptr_array_index (deck->sources, i);
      g_autofree char *entry = NULL;

      if (cited != NULL && !g_ptr_array_find (cited, source, NULL))
        continue;
      entry = describe_source (source, lang);
      g_string_append_printf (text, "\n[%u] %s", i + 1, entry);
    }
}

/* A chart's description without the title it starts with */
static const char *
key_figures (BrChartLayout *layout)
{
  const char *title = br_chart_layout_get_title (layout);
  const char *description = br_chart_layout_get_description (layout);

  if (title != NULL && g_str_has_prefix (description, title))
    {
      description += strlen (title);
      while (*description == '.' || *description == ' ')
        description++;
    }

  return description;
}

static void
describe_title (BrDeck     *deck,
                BrLanguage lang)
{
  const BrText *about = br_dataset_get_description (deck->dataset);
  char *title = typeset (br_text_get (br_dataset_get_title (deck->dataset), lang), lang);
  g_autofree char *description = about->en != NULL ? typeset (br_text_get (about, lang), lang)
                                                   : g_strdup ("");
  g_autofree char *facts = title_facts (deck, lang);

  g_ptr_array_add (deck->titles, title);
  g_ptr_array_add (deck->descriptions, g_strdup_printf ("%s. %s", title, description));
  g_ptr_array_add (deck->notes, g_strdup_printf ("%s\n%s", facts, description));
}

static void
describe_chart (BrDeck        *deck,
                BrChartLayout *layout,
                BrLanguage     lang)
{
  GString *notes = g_string_new (key_figures (layout));
  GPtrArray *left_out = br_chart_layout_get_left_out (layout);
  guint n_not_drawn;
  const BrCompany * const *not_drawn = br_chart_layout_get_not_drawn (layout, &n_not_drawn);

  /* what the slide had no room for is said instead */
  if (left_out->len > 0)
    {
      /* TRANSLATORS: in a slide's speaker notes, before the labels the slide had no room for */
      g_string_append_printf (notes, "\n\n%s", _("Not on the slide:"));
      for (guint i = 0; i < left_out->len; i++)
        g_string_append_printf (notes, "%s %s", i > 0 ? ";" : "", (char *)g_ptr_array_index (left_out, i));
    }
  if (n_not_drawn > 0)
    {
      /* TRANSLATORS: in a slide's speaker notes, before the companies the slide's chart
       * had no room for */
      g_string_append_printf (notes, "\n\n%s", _("Not drawn on the slide for want of room:"));
      for (guint i = 0; i < n_not_drawn; i++)
        g_string_append_printf (notes, "%s %s", i > 0 ? "," : "",
                                br_company_get_name (not_drawn[i], lang));
    }
  g_string_append_printf (notes, "\n\n%s", _("Sources:"));
  append_sources (notes, deck, br_chart_layout_get_sources (layout), lang);

  g_ptr_array_add (deck->titles, g_strdup (br_chart_layout_get_title (layout)));
  g_ptr_array_add (deck->descriptions, g_strdup (br_chart_layout_get_description (layout)));
  g_ptr_array_add (deck->notes, g_string_free (notes, FALSE));
}

static void
describe_sources (BrDeck     *deck,
                  guint       page,
                  BrLanguage lang)
{
  g_autofree char *subtitle = sources_subtitle (deck, page);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  GString *text = g_string_new (_("Sources"));

  if (subtitle != NULL)
    g_string_append_printf (text, ", %s", subtitle);
  g_ptr_array_add (deck->titles, g_strdup (text->str));
  for (guint i = g_array_index (deck->pages, guint, page); i < page_end (deck, page); i++)
    g_ptr_array_add (shown, g_ptr_array_index (deck->sources, i));
  g_string_append_c (text, '.');
  append_sources (text, deck, shown, lang);
  g_ptr_array_add (deck->descriptions, g_strdup (text->str));
  g_ptr_array_add (deck->notes, g_string_free (text, FALSE));
}

/* Each slide's title, description and speaker notes, in the deck's language */
static void
describe_slides (BrDeck        *deck,
                 BrChartLayout *layouts[BR_N_CHART_KINDS])
{
  BrLanguage lang = br_chart_options_get_language (deck->options);
  gpointer outer = _br_chart_push_language (lang);

  deck->titles = g_ptr_array_new_with_free_func (g_free);
  deck->descriptions = g_ptr_array_new_with_free_func (g_free);
  deck->notes = g_ptr_array_new_with_free_func (g_free);

  describe_title (deck, lang);
  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    describe_chart (deck, layouts[kind], lang);
  for (guint page = 0; page < deck->pages->len; page++)
    describe_sources (deck, page, lang);

  _br_chart_pop_language (outer);
}

/**
 * br_deck_new:
 * @options: the user's choices (companies, range, unit, theme, language); each chart
 *   slide takes them in presentation type
 * @date: (nullable): the day shown on the title slide, today if %NULL
 *
 * Returns: (transfer full): a deck of the four charts between a title slide and as many
 *   sources slides as the sources they cite need
 */
BrDeck *
br_deck_new (BrDataset            *dataset,
             const BrChartOptions *options,
             const GDate          *date)
{
  BrChartLayout *layouts[BR_N_CHART_KINDS];
  BrDeck *deck = g_new0 (BrDeck, 1);

  g_return_val_if_fail (BR_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  g_atomic_ref_count_init (&deck->ref_count);
  deck->dataset = g_object_ref (dataset);
  deck->options = br_chart_options_copy (options);
  br_chart_options_set_text_size (deck->options, BR_DECK_TEXT_SCALE, 0);
  br_chart_options_set_source_order (deck->options, NULL);

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      deck->charts[kind] = br_chart_options_copy (deck->options);
      br_chart_options_set_kind (deck->charts[kind], kind);
      br_chart_options_set_slide (deck->charts[kind], TRUE);
    }

  if (date != NULL && g_date_valid (date))
    deck->date = *date;
  else
    set_today (&deck->date);

  collect_sources (deck, layouts);
  paginate_sources (deck);
  describe_slides (deck, layouts);
  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    br_chart_layout_unref (layouts[kind]);

  return deck;
}

BrDeck *
br_deck_ref (BrDeck *deck)
{
  g_return_val_if_fail (deck != NULL, NULL);

  g_atomic_ref_count_inc (&deck->ref_count);
  return deck;
}

void
br_deck_unref (BrDeck *deck)
{
  g_return_if_fail (deck != NULL);

  if (!g_atomic_ref_count_dec (&deck->ref_count))
    return;

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    br_chart_options_free (deck->charts[kind]);
  br_chart_options_free (deck->options);
  g_ptr_array_unref (deck->sources);
  g_array_unref (deck->pages);
  g_ptr_array_unref (deck->titles);
  g_ptr_array_unref (deck->descriptions);
  g_ptr_array_unref (deck->notes);
  g_object_unref (deck->dataset);
  g_free (deck);
}

guint
br_deck_get_n_slides (BrDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);

  return 1 + BR_N_CHART_KINDS + deck->pages->len;
}

BrSlideKind
br_deck_get_slide_kind (BrDeck *deck,
                        guint   index)
{
  g_return_val_if_fail (deck != NULL, BR_SLIDE_TITLE);
  g_return_val_if_fail (index < br_deck_get_n_slides (deck), BR_SLIDE_TITLE);

  if (index == 0)
    return BR_SLIDE_TITLE;
  if (index <= BR_N_CHART_KINDS)
    return BR_SLIDE_CHART;
  return BR_SLIDE_SOURCES;
}

/**
 * br_deck_set_theme:
 *
 * Redraws every slide from now on in @theme: a presentation follows the system's light
 * or dark style while it runs.
 */
void
br_deck_set_theme (BrDeck  *deck,
                   BrTheme  theme)
{
  g_return_if_fail (deck != NULL);

  br_chart_options_set_theme (deck->options, theme);
  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    br_chart_options_set_theme (deck->charts[kind], theme);
}

/**
 * br_deck_get_slide_options:
 *
 * Returns: (transfer none) (nullable): the options a chart slide draws with; %NULL for
 *   the title and sources slides
 */
const BrChartOptions *
br_deck_get_slide_options (BrDeck *deck,
                           guint   index)
{
  g_return_val_if_fail (deck != NULL, NULL);

  if (br_deck_get_slide_kind (deck, index) != BR_SLIDE_CHART)
    return NULL;

  return deck->charts[index - 1];
}

/* Returns: the index of the slide that shows @kind */
guint
br_deck_find_chart (BrDeck      *deck,
                    BrChartKind  kind)
{
  g_return_val_if_fail (kind < BR_N_CHART_KINDS, 0);

  return kind + 1;
}

/**
 * br_deck_get_sources:
 *
 * Returns: (transfer none) (element-type BrSource): the sources the slides cite, in the
 *   order the sources slides number them
 */
GPtrArray *
br_deck_get_sources (BrDeck *deck)
{
  g_return_val_if_fail (deck != NULL, NULL);

  return deck->sources;
}

/* One slide's string in @texts, which holds one a slide */
static const char *
slide_text (GPtrArray *texts,
            guint      index)
{
  g_return_val_if_fail (index < texts->len, NULL);

  return g_ptr_array_index (texts, index);
}

/* The slide's title, as its outline entry and accessible name say it */
const char *
br_deck_get_slide_title (BrDeck *deck,
                         guint   index)
{
  g_return_val_if_fail (deck != NULL, NULL);

  return slide_text (deck->titles, index);
}

/* What the slide shows, in words: its alternative text */
const char *
br_deck_get_slide_description (BrDeck *deck,
                               guint   index)
{
  g_return_val_if_fail (deck != NULL, NULL);

  return slide_text (deck->descriptions, index);
}

/* The language of the slides' text and notes */
BrLanguage
br_deck_get_language (BrDeck *deck)
{
  g_return_val_if_fail (deck != NULL, BR_LANGUAGE_EN);

  return br_chart_options_get_language (deck->options);
}

/**
 * br_deck_get_notes:
 *
 * Returns: the speaker notes of slide @index, in the deck's language: a chart slide's
 *   key figures and the sources they come from, numbered as on the sources slides
 */
const char *
br_deck_get_notes (BrDeck *deck,
                   guint   index)
{
  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (index < br_deck_get_n_slides (deck), NULL);

  return g_ptr_array_index (deck->notes, index);
}

static double
draw_chips (BrChartContext *ctx,
            BrDeck         *deck,
            double          x,
            double          y)
{
  double chip_x = x, size = ctx->em * 0.8, line = size * 1.5;

  /* the companies in their chart colours, and their lines' patterns where those are
   * not solid, wrapping rather than dropping any */
  for (guint i = 0; i < br_dataset_get_n_companies (deck->dataset); i++)
    {
      const BrCompany *company = br_dataset_get_company (deck->dataset, i);
      const char *name = br_company_get_name (company, ctx->lang);
      BrRgb color = _br_chart_company_color (ctx, company);
      BrLineStyle style = br_chart_company_line_style (deck->dataset, company);
      /* where the name starts: beside the square, or the longer sample */
      double text = style == BR_LINE_STYLE_SOLID ? size * 1.1 : size * 0.8 * 1.8 + size * 0.3;
      double w;

      _br_text_measure (ctx, name, size, TEXT_BOLD, &w, NULL);
      if (chip_x > x && chip_x + text + w > ctx->width - x)
        {
          chip_x = x;
          y += line;
        }
      _br_set_rgb (ctx->cr, &color);
      if (style == BR_LINE_STYLE_SOLID)
        {
          cairo_rectangle (ctx->cr, chip_x, y + size * 0.2, size * 0.8, size * 0.8);
          cairo_fill (ctx->cr);
        }
      else
        _br_chart_line_sample (ctx->cr, style, chip_x, chip_x + size * 0.8 * 1.8,
                               y + size * 0.6, MAX (2, size / 5));
      _br_text_draw (ctx, name, chip_x + text, y, 0,
                     &(BrTextStyle) { size, TEXT_BOLD, &ctx->palette.text, "legend" });
      chip_x += text + w + size * 1.2;
    }

  return y + line;
}

static void
draw_title (BrChartContext *ctx,
            BrDeck         *deck)
{
  const BrText *about = br_dataset_get_description (deck->dataset);
  g_autofree char *facts = title_facts (deck, ctx->lang);
  double width = ctx->width - 2 * ctx->pad * 2;
  double x = ctx->pad * 2, y = ctx->height * 0.16;

  g_free (ctx->layout->title);
  ctx->layout->title = g_strdup (br_deck_get_slide_title (deck, 0));

  y += _br_text_draw_wrapped (ctx, ctx->layout->title,
                              &(BrParagraph) { x, y, ctx->em * 2, width, 3 },
                              &ctx->palette.text, "title");
  y = draw_chips (ctx, deck, x, y + ctx->em * 0.6) + ctx->em * 0.3;

  if (about->en != NULL)
    {
      g_autofree char *description = typeset (br_text_get (about, ctx->lang), ctx->lang);

      y += _br_text_draw_wrapped (ctx, description,
                                  &(BrParagraph) { x, y, ctx->em * 0.55, width, 8 },
                                  &ctx->palette.secondary, "subtitle");
      y += ctx->em * 0.6;
    }

  _br_text_draw_wrapped (ctx, facts, &(BrParagraph) { x, y, ctx->em * 0.55, width, 4 },
                         &ctx->palette.secondary, "label");
  g_string_assign (ctx->layout->description, br_deck_get_slide_description (deck, 0));
}

static void
draw_sources (BrChartContext *ctx,
              BrDeck         *deck,
              guint           page)
{
  g_autofree char *subtitle = sources_subtitle (deck, page);
  guint first = g_array_index (deck->pages, guint, page), end = page_end (deck, page);
  double total = 0, y;
  SourceFrame frame;

  _br_chart_header (ctx, _("Sources"), subtitle != NULL ? subtitle : " ");
  source_frame (ctx, &frame);

  /* the page was cut for 16:9; drawn smaller or narrower, the type shrinks to hold it */
  for (guint i = first; i < end; i++)
    total += measure_source (ctx, &frame, g_ptr_array_index (deck->sources, i), frame.size) +
             frame.gap;
  if (total > frame.y1 - frame.y0)
    {
      frame.size *= (frame.y1 - frame.y0) / total;
      frame.gap *= (frame.y1 - frame.y0) / total;
    }

  y = frame.y0;
  for (guint i = first; i < end; i++)
    {
      const BrSource *source = g_ptr_array_index (deck->sources, i);
      g_autofree char *number = g_strdup_printf ("[%u]", i + 1);
      g_autofree char *text = describe_source (source, ctx->lang);

      _br_text_draw (ctx, number, frame.x, y, 0,
                     &(BrTextStyle) { frame.size, TEXT_BOLD, &ctx->palette.secondary, "label" });
      y += _br_text_draw_wrapped (ctx, text,
                                  &(BrParagraph) { frame.x + frame.indent, y, frame.size,
                                                   frame.width, G_MAXINT / 2 },
                                  &ctx->palette.text, "source") + frame.gap;
    }

  g_string_assign (ctx->layout->description,
                   br_deck_get_slide_description (deck, 1 + BR_N_CHART_KINDS + page));
}

/**
 * br_deck_draw_slide:
 *
 * Draws slide @index, filling (0, 0)–(@width, @height).
 *
 * Returns: (transfer full): the layout of what was drawn: a chart slide answers hover
 *   like the chart in the window
 */
BrChartLayout *
br_deck_draw_slide (BrDeck  *deck,
                    guint    index,
                    cairo_t *cr,
                    double   width,
                    double   height)
{
  BrChartContext ctx = { 0 };
  BrSlideKind kind;

  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (index < br_deck_get_n_slides (deck), NULL);

  kind = br_deck_get_slide_kind (deck, index);
  if (kind == BR_SLIDE_CHART)
    return br_chart_draw (cr, deck->dataset, deck->charts[index - 1], width, height);

  _br_chart_context_begin (&ctx, cr, deck->dataset, deck->options, width, height);
  if (kind == BR_SLIDE_TITLE)
    draw_title (&ctx, deck);
  else
    draw_sources (&ctx, deck, index - 1 - BR_N_CHART_KINDS);

  return _br_chart_context_end (&ctx);
}
