/* br-deck.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-deck"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "br-chart-private.h"
#include "br-deck.h"

struct _BrDeck
{
  gatomicrefcount  ref_count;
  BrDataset       *dataset;
  BrChartOptions  *options;                    /* title and sources slides */
  BrChartOptions  *charts[BR_N_CHART_KINDS];   /* one per chart slide */
  GDate            date;
};

/**
 * br_deck_new:
 * @options: the user's choices (companies, range, unit, theme, language); each chart
 *   slide takes them in presentation type
 * @date: (nullable): the day shown on the title slide, today if %NULL
 *
 * Returns: (transfer full): a deck of the four charts between a title slide and a
 *   sources slide
 */
BrDeck *
br_deck_new (BrDataset            *dataset,
             const BrChartOptions *options,
             const GDate          *date)
{
  BrDeck *deck = g_new0 (BrDeck, 1);

  g_return_val_if_fail (BR_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  g_atomic_ref_count_init (&deck->ref_count);
  deck->dataset = g_object_ref (dataset);
  deck->options = br_chart_options_copy (options);
  br_chart_options_set_text_scale (deck->options, BR_DECK_TEXT_SCALE);

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      deck->charts[kind] = br_chart_options_copy (deck->options);
      br_chart_options_set_kind (deck->charts[kind], kind);
    }

  if (date != NULL && g_date_valid (date))
    deck->date = *date;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&deck->date, 1);
      g_date_set_dmy (&deck->date, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

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
  g_object_unref (deck->dataset);
  g_free (deck);
}

guint
br_deck_get_n_slides (BrDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);

  return BR_N_CHART_KINDS + 2;
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

static void
draw_title (BrChartContext *ctx,
            BrDeck         *deck)
{
  const BrText *description = br_dataset_get_description (deck->dataset);
  g_autofree char *date = _br_format_date (&deck->date, ctx->lang);
  g_autofree char *updated = _br_format_date (br_dataset_get_updated (deck->dataset), ctx->lang);
  g_autofree char *facts = NULL;
  double width = ctx->width - 2 * ctx->pad * 2;
  double x = ctx->pad * 2, y = ctx->height * 0.26;
  guint n_sources = br_dataset_get_n_sources (deck->dataset);
  double h, chip_x = x;

  g_free (ctx->layout->title);
  ctx->layout->title = g_strdup (br_text_get (br_dataset_get_title (deck->dataset), ctx->lang));

  /* the title may take two lines; the rest one each */
  h = _br_text_draw_wrapped (ctx, ctx->layout->title, x, y, ctx->em * 2, width, 2,
                             &ctx->palette.text, "title");
  y += h + ctx->em * 0.6;

  /* the companies in their chart colours */
  for (guint i = 0; i < br_dataset_get_n_companies (deck->dataset); i++)
    {
      const BrCompany *company = br_dataset_get_company (deck->dataset, i);
      const char *name = br_company_get_name (company, ctx->lang);
      BrRgb color = _br_chart_company_color (ctx, company);
      double w, size = ctx->em * 0.8;

      _br_text_measure (ctx, name, size, TEXT_BOLD, &w, NULL);
      if (chip_x + size * 1.2 + w > ctx->width - x)
        break;
      _br_set_rgb (ctx->cr, &color);
      cairo_rectangle (ctx->cr, chip_x, y + size * 0.2, size * 0.8, size * 0.8);
      cairo_fill (ctx->cr);
      _br_text_draw (ctx, name, chip_x + size * 1.1, y, size, 0, TEXT_BOLD, &ctx->palette.text,
                     "legend");
      chip_x += size * 1.1 + w + size * 1.2;
    }
  y += ctx->em * 1.6;

  if (description->en != NULL)
    {
      h = _br_text_draw_wrapped (ctx, br_text_get (description, ctx->lang), x, y, ctx->em * 0.6,
                                 width, 4, &ctx->palette.secondary, "subtitle");
      y += h + ctx->em * 0.6;
    }

  /* TRANSLATORS: on the title slide: the day of the presentation, when the figures
   * were last checked, and how many sources they come from */
  facts = g_strdup_printf (_br_chart_ngettext ("%s · figures checked %s · %u source",
                                               "%s · figures checked %s · %u sources", n_sources),
                           date, updated, n_sources);
  _br_text_draw (ctx, facts, x, y, ctx->em * 0.55, width, 0, &ctx->palette.secondary, "label");
  g_string_assign (ctx->layout->description, ctx->layout->title);
}

static void
draw_sources (BrChartContext *ctx,
              BrDeck         *deck)
{
  guint n = br_dataset_get_n_sources (deck->dataset);
  double x0 = ctx->pad * 2, y0, columns = n > 12 ? 2 : 1;
  double column_width = (ctx->width - 4 * ctx->pad - (columns - 1) * ctx->em) / columns;
  double size, line, h;
  guint per_column;

  _br_chart_header (ctx, _("Sources"), NULL);
  y0 = ctx->py0;

  /* as large as fits: every source on one slide */
  per_column = (guint)ceil (n / columns);
  line = (ctx->height - ctx->pad - y0) / MAX (per_column, 1);
  size = CLAMP (line / 1.45, 8, ctx->em * 0.45);

  for (guint i = 0; i < n; i++)
    {
      const BrSource *source = br_dataset_get_source (deck->dataset, i);
      g_autofree char *date = _br_format_date (&source->date, ctx->lang);
      /* publisher and date first: they must survive the ellipsis */
      g_autofree char *text = g_strdup_printf ("[%u] %s, %s — %s", i + 1, source->publisher,
                                               date, br_text_get (&source->title, ctx->lang));
      guint column = i / MAX (per_column, 1);
      double x = x0 + column * (column_width + ctx->em);
      double y = y0 + (i % MAX (per_column, 1)) * size * 1.45;

      _br_text_measure (ctx, text, size, 0, NULL, &h);
      _br_text_draw (ctx, text, x, y, size, column_width, 0, &ctx->palette.text, "label");
    }

  g_string_assign (ctx->layout->description, _("Sources"));
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
    draw_sources (&ctx, deck);

  return _br_chart_context_end (&ctx);
}
