/* br-chart-options.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <string.h>

#include "br-chart-private.h"

BrChartOptions *
br_chart_options_new (BrChartKind kind)
{
  BrChartOptions *options = g_new0 (BrChartOptions, 1);

  g_return_val_if_fail (kind < BR_N_CHART_KINDS, NULL);

  options->kind = kind;
  g_date_clear (&options->from, 1);
  g_date_clear (&options->to, 1);
  br_unit_init (&options->unit, "CNY", BR_SCALE_YI);
  options->log_scale = TRUE;
  options->percent = 1.0;
  options->language = br_language_from_locale ();
  options->theme = BR_THEME_LIGHT;
  options->text_scale = 1.0;
  options->hidden = g_ptr_array_new_with_free_func (g_free);

  return options;
}

BrChartOptions *
br_chart_options_copy (const BrChartOptions *options)
{
  BrChartOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->companies = g_strdupv (options->companies);
  copy->excluded = g_strdupv (options->excluded);
  copy->hidden = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < options->hidden->len; i++)
    g_ptr_array_add (copy->hidden, g_strdup (g_ptr_array_index (options->hidden, i)));
  if (options->source_order != NULL)
    g_ptr_array_ref (options->source_order);
  copy->scenario = options->scenario != NULL ? br_scenario_set_copy (options->scenario) : NULL;

  return copy;
}

void
br_chart_options_free (BrChartOptions *options)
{
  if (options == NULL)
    return;

  g_strfreev (options->companies);
  g_strfreev (options->excluded);
  g_ptr_array_unref (options->hidden);
  g_clear_pointer (&options->source_order, g_ptr_array_unref);
  br_scenario_set_free (options->scenario);
  g_free (options);
}

BrChartKind
br_chart_options_get_kind (const BrChartOptions *options)
{
  return options->kind;
}

void
br_chart_options_set_kind (BrChartOptions *options,
                           BrChartKind     kind)
{
  g_return_if_fail (kind < BR_N_CHART_KINDS);

  options->kind = kind;
}

void
br_chart_options_set_companies (BrChartOptions     *options,
                                const char * const *ids)
{
  g_strfreev (options->companies);
  options->companies = g_strdupv ((char **)ids);
}

const char * const *
br_chart_options_get_companies (const BrChartOptions *options)
{
  return (const char * const *)options->companies;
}

/**
 * br_chart_options_set_excluded:
 * @ids: (nullable): company ids
 *
 * Leaves @ids out of the companies the chart chooses from: the rest are chosen from
 * as when every company is (the largest few of them drawn), not drawn as a selection.
 */
void
br_chart_options_set_excluded (BrChartOptions     *options,
                               const char * const *ids)
{
  g_strfreev (options->excluded);
  options->excluded = ids != NULL && ids[0] != NULL ? g_strdupv ((char **)ids) : NULL;
}

void
br_chart_options_set_range (BrChartOptions *options,
                            const GDate    *from,
                            const GDate    *to)
{
  g_date_clear (&options->from, 1);
  g_date_clear (&options->to, 1);
  if (from != NULL && g_date_valid (from))
    options->from = *from;
  if (to != NULL && g_date_valid (to))
    options->to = *to;
}

void
br_chart_options_set_cumulative (BrChartOptions *options,
                                 gboolean        cumulative)
{
  options->cumulative = !!cumulative;
}

/**
 * br_chart_options_set_periods:
 * @periods: the kind of period shown where a company reports it: fiscal years (the
 *   default), half-years, or quarters, in place of the longer periods they make up
 */
void
br_chart_options_set_periods (BrChartOptions *options,
                              BrPeriodKind    periods)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (periods <= BR_PERIOD_QUARTER);

  options->periods = periods;
}

BrPeriodKind
br_chart_options_get_periods (const BrChartOptions *options)
{
  return options->periods;
}

gboolean
br_chart_options_get_cumulative (const BrChartOptions *options)
{
  return options->cumulative;
}

void
br_chart_options_set_unit (BrChartOptions *options,
                           const BrUnit   *unit)
{
  options->unit = *unit;
}

const BrUnit *
br_chart_options_get_unit (const BrChartOptions *options)
{
  return &options->unit;
}

void
br_chart_options_set_log_scale (BrChartOptions *options,
                                gboolean        log_scale)
{
  options->log_scale = !!log_scale;
}

gboolean
br_chart_options_get_log_scale (const BrChartOptions *options)
{
  return options->log_scale;
}

void
br_chart_options_set_percent (BrChartOptions *options,
                              double          percent)
{
  g_return_if_fail (percent > 0 && percent <= 100);

  options->percent = percent;
}

double
br_chart_options_get_percent (const BrChartOptions *options)
{
  return options->percent;
}

void
br_chart_options_set_language (BrChartOptions *options,
                               BrLanguage      language)
{
  g_return_if_fail (language < BR_N_LANGUAGES);

  options->language = language;
}

BrLanguage
br_chart_options_get_language (const BrChartOptions *options)
{
  return options->language;
}

void
br_chart_options_set_theme (BrChartOptions *options,
                            BrTheme         theme)
{
  options->theme = theme;
}

BrTheme
br_chart_options_get_theme (const BrChartOptions *options)
{
  return options->theme;
}

void
br_chart_options_set_high_contrast (BrChartOptions *options,
                                    gboolean        high_contrast)
{
  options->high_contrast = !!high_contrast;
}

gboolean
br_chart_options_get_high_contrast (const BrChartOptions *options)
{
  return options->high_contrast;
}

/**
 * br_chart_options_set_text_size:
 * @scale: what every size of chart text is multiplied by: 1 in the window and exports,
 *   2.5 on presentation slides
 * @min_size: in pixels of the chart's user space, the least size of any chart text
 *   whatever the canvas's size; 0, the default, for none
 *
 * Sets the size of chart text. With @min_size, footnotes and legends stay legible in a
 * small window, and the layout makes room for them. Slides keep their own type scale and
 * no minimum.
 */
void
br_chart_options_set_text_size (BrChartOptions *options,
                                double          scale,
                                double          min_size)
{
  g_return_if_fail (scale >= 0.5 && scale <= 5);
  g_return_if_fail (min_size >= 0 && min_size <= 100);

  options->text_scale = scale;
  options->min_text_size = min_size;
}

double
br_chart_options_get_text_scale (const BrChartOptions *options)
{
  return options->text_scale;
}

void
br_chart_options_set_transparent (BrChartOptions *options,
                                  gboolean        transparent)
{
  options->transparent = !!transparent;
}

gboolean
br_chart_options_get_transparent (const BrChartOptions *options)
{
  return options->transparent;
}

static guint
hidden_index (const BrChartOptions *options,
              const char           *key)
{
  for (guint i = 0; i < options->hidden->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (options->hidden, i), key) == 0)
        return i;
    }

  return G_MAXUINT;
}

void
br_chart_options_set_hidden (BrChartOptions *options,
                             const char     *key,
                             gboolean        hidden)
{
  guint index = hidden_index (options, key);

  if (hidden && index == G_MAXUINT)
    g_ptr_array_add (options->hidden, g_strdup (key));
  else if (!hidden && index != G_MAXUINT)
    g_ptr_array_remove_index (options->hidden, index);
}

gboolean
br_chart_options_get_hidden (const BrChartOptions *options,
                             const char           *key)
{
  return hidden_index (options, key) != G_MAXUINT;
}

/**
 * br_chart_options_set_slide:
 *
 * Lays the chart out as a slide: a one-line header, a compact legend and axis title,
 * and the footnote in two lines, so that the plot takes most of the height.
 */
void
br_chart_options_set_slide (BrChartOptions *options,
                            gboolean        slide)
{
  options->slide = !!slide;
}

gboolean
br_chart_options_get_slide (const BrChartOptions *options)
{
  return options->slide;
}

/**
 * br_chart_options_set_source_order:
 * @sources: (nullable) (element-type BrSource): every source of a deck, in the order its
 *   sources slides number them
 *
 * Numbers the footnote's sources by their place in @sources and names them by number
 * only, for slides whose sources are listed whole at the end of the deck.
 */
void
br_chart_options_set_source_order (BrChartOptions *options,
                                   GPtrArray      *sources)
{
  if (sources != NULL)
    g_ptr_array_ref (sources);
  g_clear_pointer (&options->source_order, g_ptr_array_unref);
  options->source_order = sources;
}

/**
 * br_chart_options_draw_alike:
 *
 * Returns: whether @a and @b draw the same chart: a view can then keep its drawing
 */
gboolean
br_chart_options_draw_alike (const BrChartOptions *a,
                             const BrChartOptions *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->kind != b->kind || a->cumulative != b->cumulative || a->periods != b->periods ||
      a->log_scale != b->log_scale ||
      a->percent != b->percent || a->theme != b->theme || a->text_scale != b->text_scale ||
      a->min_text_size != b->min_text_size || a->high_contrast != b->high_contrast ||
      a->transparent != b->transparent ||
      !br_currency_equal (&a->unit.currency, &b->unit.currency) || a->unit.scale != b->unit.scale ||
      a->language != b->language ||
      g_date_valid (&a->from) != g_date_valid (&b->from) ||
      g_date_valid (&a->to) != g_date_valid (&b->to) ||
      (g_date_valid (&a->from) && g_date_compare (&a->from, &b->from) != 0) ||
      (g_date_valid (&a->to) && g_date_compare (&a->to, &b->to) != 0) ||
      !g_strv_equal ((const char * const *)(a->companies ? a->companies : (char *[]) { NULL }),
                     (const char * const *)(b->companies ? b->companies : (char *[]) { NULL })) ||
      (a->companies == NULL) != (b->companies == NULL) ||
      !g_strv_equal ((const char * const *)(a->excluded ? a->excluded : (char *[]) { NULL }),
                     (const char * const *)(b->excluded ? b->excluded : (char *[]) { NULL })) ||
      a->hidden->len != b->hidden->len || a->source_order != b->source_order || a->slide != b->slide ||
      a->scenario != NULL || b->scenario != NULL)
    return FALSE;

  for (guint i = 0; i < a->hidden->len; i++)
    {
      if (!br_chart_options_get_hidden (b, g_ptr_array_index (a->hidden, i)))
        return FALSE;
    }

  return TRUE;
}

void
br_chart_options_set_scenario (BrChartOptions      *options,
                               const BrScenarioSet *scenario)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->scenario, br_scenario_set_free);
  if (scenario != NULL && !br_scenario_set_is_empty (scenario))
    options->scenario = br_scenario_set_copy (scenario);
}

/* Returns: (nullable): the runway's assumptions, or %NULL for the reported trend */
const BrScenarioSet *
br_chart_options_get_scenario (const BrChartOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);

  return options->scenario;
}
