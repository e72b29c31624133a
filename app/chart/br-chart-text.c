/* br-chart-text.c: every piece of chart text, laid out with Pango, never as markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>

#include "br-chart-private.h"

/* WenQuanYi Micro Hei before Noto Sans CJK: its TrueType outlines subset into a PDF
 * quickly, where cairo reads Noto Sans CJK's 15 MB CFF table twice, and English charts
 * carry Chinese too, in their sources' names */
#define FONT_FAMILY \
  "Cantarell, WenQuanYi Micro Hei, Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif"

/* The type scale, in ems: a size between two steps is set at the lower one, so that text
 * sized to fit still fits. Few sizes read as one design, and each size of small text is
 * one more font for Pango and fontconfig to look up (see SCALED_FROM). Sizes under the
 * smallest step stay as asked. */
static double
type_scale (BrChartContext *ctx,
            double          size)
{
  static const double steps[] = { 2.2, 1.55, 1.3, 1.0, 0.85, 0.75 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (size >= ctx->em * steps[i] * 0.999)
        return ctx->em * steps[i];
    }

  return size;
}

/**
 * _br_text_min:
 *
 * Returns: the smallest size chart text is shown at, in pixels: the options' minimum, or
 *   0 on slides, which keep their own type scale
 */
double
_br_text_min (BrChartContext *ctx)
{
  return ctx->options->slide ? 0 : ctx->options->min_text_size;
}

/* The size text asked at @size is shown at: a step of the type scale, at least the
 * minimum */
static double
shown_size (BrChartContext *ctx,
            double          size)
{
  return MAX (type_scale (ctx, size), _br_text_min (ctx));
}

/* Text this large, in device pixels, is laid out at one size and drawn scaled to the size
 * shown. Each size Pango lays out at is one more font: a fontconfig substitution, two
 * fontconfig lookups on threads of their own, a FreeType and a HarfBuzz font, and the
 * font's metrics, which look the family up again, while the chart waits.
 * Laid out at one size, a chart at 1080p needs two fonts, regular and bold, and a window
 * keeps them however it is resized.
 *
 * A scaled layout's glyph positions are not rounded (br-chart.c), so that it scales
 * exactly; cairo then rounds each glyph to the pixel where it falls. Smaller text keeps a
 * layout of its own size, whose advances Pango rounds to whole pixels: there, the uneven
 * gaps of rounding each glyph on its own would show. */
#define SCALED_FROM 14.
#define LAYOUT_SIZE 20.

typedef struct
{
  PangoLayout *pango;   /* the text, laid out */
  double       scale;   /* from its layout to the size shown */
  double       size;    /* the size shown */
} Text;

static Text
prepare (BrChartContext *ctx,
         const char     *text,
         double          size,
         double          max_width,
         TextFlags       flags)
{
  double shown = shown_size (ctx, size);
  Text t = { ctx->pango, 1, shown };
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  if (shown * ctx->pixel >= SCALED_FROM)
    {
      t.pango = ctx->pango_scaled;
      t.scale = shown / LAYOUT_SIZE;
    }

  pango_font_description_set_absolute_size (font, shown / t.scale * PANGO_SCALE);
  pango_font_description_set_weight (font, (flags & TEXT_BOLD) ? PANGO_WEIGHT_BOLD
                                                                : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (t.pango, font);
  pango_font_description_free (font);

  /* set_text, not set_markup: text from a dataset is only ever text */
  pango_layout_set_text (t.pango, text, -1);
  pango_layout_set_height (t.pango, -1);
  pango_layout_set_alignment (t.pango, PANGO_ALIGN_LEFT);

  if (max_width > 0)
    {
      pango_layout_set_width (t.pango, (int)floor (max_width / t.scale * PANGO_SCALE));
      pango_layout_set_ellipsize (t.pango, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (t.pango, PANGO_WRAP_WORD_CHAR);
    }
  else
    {
      pango_layout_set_width (t.pango, -1);
      pango_layout_set_ellipsize (t.pango, PANGO_ELLIPSIZE_NONE);
    }

  return t;
}

typedef struct
{
  double x, y, width, height;
} Box;

/* The logical box of @t, at the size shown */
static Box
logical_box (Text t)
{
  PangoRectangle logical;

  pango_layout_get_extents (t.pango, NULL, &logical);

  return (Box) {
    t.scale * logical.x / PANGO_SCALE, t.scale * logical.y / PANGO_SCALE,
    t.scale * logical.width / PANGO_SCALE, t.scale * logical.height / PANGO_SCALE,
  };
}

void
_br_text_measure (BrChartContext *ctx,
                  const char     *text,
                  double          size,
                  TextFlags       flags,
                  double         *width,
                  double         *height)
{
  Box box = logical_box (prepare (ctx, text, size, 0, flags));

  if (width != NULL)
    *width = box.width;
  if (height != NULL)
    *height = box.height;
}

/* The height of @text wrapped at @max_width, never cut */
double
_br_text_measure_wrapped (BrChartContext *ctx,
                          const char     *text,
                          double          size,
                          double          max_width,
                          TextFlags       flags)
{
  Text t = prepare (ctx, text, size, max_width, flags);

  pango_layout_set_ellipsize (t.pango, PANGO_ELLIPSIZE_NONE);

  return logical_box (t).height;
}

/* How many lines @text takes, wrapped at @max_width */
int
_br_text_line_count (BrChartContext *ctx,
                     const char     *text,
                     double          size,
                     double          max_width)
{
  Text t = prepare (ctx, text, size, max_width, 0);

  pango_layout_set_ellipsize (t.pango, PANGO_ELLIPSIZE_NONE);

  return pango_layout_get_line_count (t.pango);
}

/* Draws @t with its origin at @x, @y, and records its box under @role; returns its height */
static double
show (BrChartContext *ctx,
      Text            t,
      double          x,
      double          y,
      const BrRgb    *color,
      const char     *role)
{
  Box box = logical_box (t);

  _br_set_rgb (ctx->cr, color);
  cairo_save (ctx->cr);
  cairo_translate (ctx->cr, x, y);
  cairo_scale (ctx->cr, t.scale, t.scale);
  cairo_move_to (ctx->cr, 0, 0);
  pango_cairo_show_layout (ctx->cr, t.pango);
  cairo_restore (ctx->cr);

  if (role != NULL)
    _br_chart_layout_add_text_box (ctx->layout, x + box.x, y + box.y,
                                   x + box.x + box.width, y + box.y + box.height, t.size, role,
                                   pango_layout_get_text (t.pango),
                                   pango_layout_is_ellipsized (t.pango));

  return box.height;
}

/**
 * _br_text_draw:
 * @max_width: ellipsize past this width; 0 for none
 *
 * Draws one line of text in @style, with its box anchored at @x, @y as its flags say.
 */
void
_br_text_draw (BrChartContext    *ctx,
               const char        *text,
               double             x,
               double             y,
               double             max_width,
               const BrTextStyle *style)
{
  TextFlags flags = style->flags;
  double left, top;
  Text t;
  Box box;

  if (text == NULL || *text == '\0')
    return;

  t = prepare (ctx, text, style->size, max_width, flags);
  pango_layout_set_height (t.pango, 0);   /* one line: ellipsize, never wrap */
  box = logical_box (t);

  left = x - box.x;
  if (flags & TEXT_CENTER)
    left = x - box.x - box.width / 2.;
  else if (flags & TEXT_RIGHT)
    left = x - box.x - box.width;

  top = y;
  if (flags & TEXT_MIDDLE)
    top = y - box.height / 2.;
  else if (flags & TEXT_BOTTOM)
    top = y - box.height;

  show (ctx, t, left, top, style->color, style->role);
}

/**
 * _br_text_draw_wrapped:
 *
 * Draws a paragraph at most @max_lines high, ellipsized after that.
 *
 * Returns: the height drawn, in pixels
 */
double
_br_text_draw_wrapped (BrChartContext    *ctx,
                       const char        *text,
                       const BrParagraph *paragraph,
                       const BrRgb       *color,
                       const char        *role)
{
  Text t;

  if (text == NULL || *text == '\0')
    return 0;

  t = prepare (ctx, text, paragraph->size, paragraph->width, 0);
  pango_layout_set_height (t.pango, -paragraph->max_lines);

  return show (ctx, t, paragraph->x, paragraph->y, color, role);
}

/**
 * _br_text_draw_fitting:
 * @texts: (array length=n_texts): the same paragraph, longest first
 *
 * Draws the first of @texts that fits in the paragraph's lines, laid out once; the last
 * one, ellipsized, when none does. An empty text draws nothing.
 *
 * Returns: the index in @texts of the one drawn
 */
guint
_br_text_draw_fitting (BrChartContext     *ctx,
                       const char * const *texts,
                       guint               n_texts,
                       const BrParagraph  *paragraph,
                       const BrRgb        *color,
                       const char         *role)
{
  g_return_val_if_fail (n_texts > 0, 0);

  for (guint i = 0; i + 1 < n_texts; i++)
    {
      if (texts[i] == NULL || *texts[i] == '\0')
        return i;

      Text t = prepare (ctx, texts[i], paragraph->size, paragraph->width, 0);

      pango_layout_set_ellipsize (t.pango, PANGO_ELLIPSIZE_NONE);
      if (pango_layout_get_line_count (t.pango) <= paragraph->max_lines)
        {
          show (ctx, t, paragraph->x, paragraph->y, color, role);
          return i;
        }
    }

  _br_text_draw_wrapped (ctx, texts[n_texts - 1], paragraph, color, role);
  return n_texts - 1;
}
