/* br-chart-text.c: every piece of chart text, laid out with Pango, never as markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include "br-chart-private.h"

/* WenQuanYi Micro Hei before Noto Sans CJK: its TrueType outlines subset into a PDF in
 * about 1 ms, where cairo reads Noto Sans CJK's 15 MB CFF table twice (about 20 ms), and
 * English charts carry Chinese too, in their sources' names */
#define FONT_FAMILY \
  "Cantarell, WenQuanYi Micro Hei, Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif"

/* The type scale, in ems: a size between two steps is set at the lower one, so that text
 * sized to fit still fits. Few sizes read as one design, and each size is one more font
 * for Pango and fontconfig to look up. Sizes under the smallest step stay as asked. */
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

static void
prepare (BrChartContext *ctx,
         const char     *text,
         double          size,
         double          max_width,
         TextFlags       flags)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, type_scale (ctx, size) * PANGO_SCALE);
  pango_font_description_set_weight (font, (flags & TEXT_BOLD) ? PANGO_WEIGHT_BOLD
                                                                : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (ctx->pango, font);
  pango_font_description_free (font);

  /* set_text, not set_markup: text from a dataset is only ever text */
  pango_layout_set_text (ctx->pango, text, -1);
  pango_layout_set_height (ctx->pango, -1);
  pango_layout_set_alignment (ctx->pango, PANGO_ALIGN_LEFT);

  if (max_width > 0)
    {
      pango_layout_set_width (ctx->pango, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (ctx->pango, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (ctx->pango, PANGO_WRAP_WORD_CHAR);
    }
  else
    {
      pango_layout_set_width (ctx->pango, -1);
      pango_layout_set_ellipsize (ctx->pango, PANGO_ELLIPSIZE_NONE);
    }
}

void
_br_text_measure (BrChartContext *ctx,
                  const char     *text,
                  double          size,
                  TextFlags       flags,
                  double         *width,
                  double         *height)
{
  PangoRectangle logical;

  prepare (ctx, text, size, 0, flags);
  pango_layout_get_pixel_extents (ctx->pango, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

/* Draws what is laid out in ctx->pango with its origin at @x, @y, and records its box
 * under @role; returns its height */
static int
show_layout (BrChartContext *ctx,
                double          x,
                double          y,
                const BrRgb    *color,
                const char     *role)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (ctx->pango, NULL, &logical);

  _br_set_rgb (ctx->cr, color);
  cairo_move_to (ctx->cr, x, y);
  pango_cairo_show_layout (ctx->cr, ctx->pango);

  if (role != NULL)
    _br_chart_layout_add_text_box (ctx->layout, x + logical.x, y + logical.y,
                                   x + logical.x + logical.width,
                                   y + logical.y + logical.height, role);

  return logical.height;
}

/**
 * _br_text_draw:
 * @max_width: ellipsize past this width; 0 for none
 * @role: (nullable): records the text's box in the layout under this role
 *
 * Draws one line of text with its box anchored at @x, @y as @flags say.
 */
void
_br_text_draw (BrChartContext *ctx,
               const char     *text,
               double          x,
               double          y,
               double          size,
               double          max_width,
               TextFlags       flags,
               const BrRgb    *color,
               const char     *role)
{
  PangoRectangle logical;
  double left, top;

  if (text == NULL || *text == '\0')
    return;

  prepare (ctx, text, size, max_width, flags);
  pango_layout_set_height (ctx->pango, 0);   /* one line: ellipsize, never wrap */
  pango_layout_get_pixel_extents (ctx->pango, NULL, &logical);

  left = x - logical.x;
  if (flags & TEXT_CENTER)
    left = x - logical.x - logical.width / 2.;
  else if (flags & TEXT_RIGHT)
    left = x - logical.x - logical.width;

  top = y;
  if (flags & TEXT_MIDDLE)
    top = y - logical.height / 2.;
  else if (flags & TEXT_BOTTOM)
    top = y - logical.height;

  show_layout (ctx, left, top, color, role);
}

/**
 * _br_text_draw_wrapped:
 *
 * Draws a paragraph at most @max_lines high, ellipsized after that.
 *
 * Returns: the height drawn, in pixels
 */
int
_br_text_draw_wrapped (BrChartContext *ctx,
                       const char     *text,
                       double          x,
                       double          y,
                       double          size,
                       double          max_width,
                       int             max_lines,
                       const BrRgb    *color,
                       const char     *role)
{
  if (text == NULL || *text == '\0')
    return 0;

  prepare (ctx, text, size, max_width, 0);
  pango_layout_set_height (ctx->pango, -max_lines);

  return show_layout (ctx, x, y, color, role);
}

/**
 * _br_text_draw_fitting:
 * @texts: (array length=n_texts): the same paragraph, longest first
 *
 * Draws the first of @texts that fits in @max_lines lines, laid out once; the last one,
 * ellipsized, when none does.
 *
 * Returns: the height drawn, in pixels
 */
int
_br_text_draw_fitting (BrChartContext     *ctx,
                       const char * const *texts,
                       guint               n_texts,
                       double              x,
                       double              y,
                       double              size,
                       double              max_width,
                       int                 max_lines,
                       const BrRgb        *color,
                       const char         *role)
{
  g_return_val_if_fail (n_texts > 0, 0);

  for (guint i = 0; i + 1 < n_texts; i++)
    {
      if (texts[i] == NULL || *texts[i] == '\0')
        return 0;

      prepare (ctx, texts[i], size, max_width, 0);
      pango_layout_set_ellipsize (ctx->pango, PANGO_ELLIPSIZE_NONE);
      if (pango_layout_get_line_count (ctx->pango) <= max_lines)
        return show_layout (ctx, x, y, color, role);
    }

  return _br_text_draw_wrapped (ctx, texts[n_texts - 1], x, y, size, max_width, max_lines,
                                color, role);
}
