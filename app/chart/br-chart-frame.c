/* br-chart-frame.c: what every chart has around its plot
 *
 * Title, subtitle, legend, footnote with sources, colours, and the "no data" panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "br-chart-private.h"

/* Company colours, one palette a theme: twelve hues apart in OKLab (at least 0.11),
 * the first six still apart under protanopia, deuteranopia and tritanopia (0.075), every
 * one legible as text on the theme's background (WCAG 4.5:1) and away from the revenue
 * and R&D series' colours. tests/chart/test-colors.c checks each of these on charts. */
static const guint32 company_light[] = {
  0x0573aa, 0x7b3702, 0xc20c67, 0x4224bf, 0x7b6c01, 0x7144df,
  0x095b46, 0x80027c, 0xa02ab8, 0x0e4f86, 0xb01003, 0x137e63,
};
static const guint32 company_dark[] = {
  0xc4a4fe, 0x6cfeb9, 0xfc9e47, 0xfadf27, 0x1ed5a9, 0xc6e1ff,
  0xa9c719, 0xff8fb4, 0xfdd7ac, 0x27e3fd, 0xff7ef6, 0xacf93f,
};

G_STATIC_ASSERT (G_N_ELEMENTS (company_light) == G_N_ELEMENTS (company_dark));

static BrRgb
rgb_from_hex (guint32 hex)
{
  BrRgb rgb = { ((hex >> 16) & 0xff) / 255., ((hex >> 8) & 0xff) / 255., (hex & 0xff) / 255. };

  return rgb;
}

/* Each theme's colours in the order of the fields _br_chart_palette() fills; revenue and R&D are marks of at
 * least 3:1 on the background */
static const guint32 palette_hex[][9] = {
  [BR_THEME_LIGHT] = { 0xffffff, 0x1e1e1e, 0x5e5c64, 0xe6e5e3, 0x3d3846,
                       0xd0cfcc, 0x000000, 0x3d95d6, 0xd55e00 },
  [BR_THEME_DARK] = { 0x242424, 0xffffff, 0xc0bfbc, 0x3d3d3d, 0xdeddda,
                      0x5e5c64, 0xffffff, 0x56b4e9, 0xd55e00 },
};

void
_br_chart_palette (BrTheme    theme,
                   BrPalette *palette)
{
  BrRgb *fields[] = {
    &palette->background, &palette->text, &palette->secondary, &palette->grid, &palette->axis,
    &palette->rest, &palette->highlight, &palette->revenue, &palette->rnd,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (palette_hex[0]));
  g_return_if_fail (theme < G_N_ELEMENTS (palette_hex));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = rgb_from_hex (palette_hex[theme][i]);
}

/* Text at full strength, and lines that stand out from the background. */
void
_br_chart_palette_high_contrast (BrTheme    theme,
                                 BrPalette *palette)
{
  gboolean dark = theme == BR_THEME_DARK;

  palette->background = rgb_from_hex (dark ? 0x000000 : 0xffffff);
  palette->text = rgb_from_hex (dark ? 0xffffff : 0x000000);
  palette->secondary = palette->text;
  palette->axis = palette->text;
  palette->grid = rgb_from_hex (dark ? 0x8a8a8a : 0x767676);
  palette->rest = rgb_from_hex (dark ? 0x9a9996 : 0x5e5c64);
}

/* WCAG 2 relative luminance */
static double
luminance (const BrRgb *c)
{
  double v[3] = { c->r, c->g, c->b };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.04045 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast (const BrRgb *a,
          const BrRgb *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * _br_rgb_contrast:
 *
 * Returns: the WCAG 2 contrast ratio of @a and @b, from 1 to 21
 */
double
_br_rgb_contrast (const BrRgb *a,
                  const BrRgb *b)
{
  return contrast (a, b);
}

static guint
company_index (BrDataset       *dataset,
               const BrCompany *company)
{
  for (guint i = 0; i < br_dataset_get_n_companies (dataset); i++)
    if (br_dataset_get_company (dataset, i) == company)
      return i;

  return 0;
}


/* The @index-th company's colour: the palette's twelve hues, round and round. Each
 * round of twelve has its own pattern (br_chart_company_line_style), so that 48
 * companies in a row differ; companies of one pattern keep the palette's distances. */
static guint32
palette_color (guint   index,
               BrTheme theme)
{
  gboolean dark = theme == BR_THEME_DARK;

  return (dark ? company_dark : company_light)[index % G_N_ELEMENTS (company_light)];
}

static gboolean
near (const BrRgb *a,
      const BrRgb *b)
{
  return fabs (a->r - b->r) + fabs (a->g - b->g) + fabs (a->b - b->b) < 0.25;
}

static guint32
rgb_to_hex (const BrRgb *rgb)
{
  return (guint32)round (rgb->r * 255) << 16 | (guint32)round (rgb->g * 255) << 8 |
         (guint32)round (rgb->b * 255);
}

/**
 * br_chart_company_color_for_theme:
 *
 * The colour @company is drawn in on @theme's background, as 0xRRGGBB: the theme's
 * palette, or the dataset's colour darkened (light) or lightened (dark) until it reads
 * as text on the background (4.5:1) and stands apart from the revenue and R&D series.
 */
guint32
br_chart_company_color_for_theme (BrDataset       *dataset,
                                  const BrCompany *company,
                                  BrTheme          theme)
{
  gboolean dark = theme == BR_THEME_DARK;
  BrPalette palette;
  BrRgb rgb;

  g_return_val_if_fail (BR_IS_DATASET (dataset), 0);
  g_return_val_if_fail (company != NULL, 0);

  if (!company->has_color)
    return palette_color (company_index (dataset, company), theme);

  _br_chart_palette (theme, &palette);
  rgb = rgb_from_hex (company->color);
  for (guint step = 0;
       step < 20 && (contrast (&rgb, &palette.background) < 4.6 ||
                     near (&rgb, &palette.revenue) || near (&rgb, &palette.rnd));
       step++)
    {
      rgb.r = dark ? rgb.r + (1 - rgb.r) * 0.1 : rgb.r * 0.9;
      rgb.g = dark ? rgb.g + (1 - rgb.g) * 0.1 : rgb.g * 0.9;
      rgb.b = dark ? rgb.b + (1 - rgb.b) * 0.1 : rgb.b * 0.9;
    }

  return rgb_to_hex (&rgb);
}

/* A colour in OKLab, where a distance of 0.02 is about the least one sees */
typedef struct
{
  double l, a, b;
} Lab;

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static Lab
lab_from_hex (guint32 hex)
{
  BrRgb c = rgb_from_hex (hex);
  double r = linear (c.r), g = linear (c.g), b = linear (c.b);
  double l = cbrt (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  double m = cbrt (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  double s = cbrt (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);

  return (Lab) { 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s };
}

/* A company's colour in each theme */
typedef struct
{
  Lab      light, dark;
  gboolean own;  /* the dataset's colour, not the palette's */
} ThemeLabs;

/* whether two colours are nearer than @distance */
static gboolean
lab_near (const Lab *x,
          const Lab *y,
          double     distance)
{
  return (x->l - y->l) * (x->l - y->l) + (x->a - y->a) * (x->a - y->a)
         + (x->b - y->b) * (x->b - y->b) < distance * distance;
}

/* Colours nearer than the palette's hues are to each other (0.11) are close: two
 * companies in them need patterns to tell apart */
#define CLOSE_COLORS 0.1

/* Every company's line style, worked out once a dataset */
typedef struct
{
  GHashTable *styles;  /* const BrCompany * → its BrLineStyle + 1 */
} LineStyles;

static void
line_styles_free (LineStyles *styles)
{
  g_hash_table_unref (styles->styles);
  g_free (styles);
}

/* Which companies' colours fall in which cube of CLOSE_COLORS a side, in one theme: a
 * colour close to another is in its cube or a neighbour, so a company is compared with
 * a few others, not with all of 2,000 */
typedef struct
{
  GHashTable *cells;  /* cell key → GArray of company indices */
} Grid;

static guint
cell_key (const Lab *lab,
          int        dl,
          int        da,
          int        db)
{
  int l = (int)floor (lab->l / CLOSE_COLORS) + dl + 64;
  int a = (int)floor (lab->a / CLOSE_COLORS) + da + 64;
  int b = (int)floor (lab->b / CLOSE_COLORS) + db + 64;

  return (guint)l << 16 | (guint)a << 8 | (guint)b;
}

static void
grid_add (Grid      *grid,
          const Lab *lab,
          guint      index)
{
  gpointer key = GUINT_TO_POINTER (cell_key (lab, 0, 0, 0));
  GArray *cell = g_hash_table_lookup (grid->cells, key);

  if (cell == NULL)
    {
      cell = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (grid->cells, key, cell);
    }
  g_array_append_val (cell, index);
}

/* A company with its own colour: the first pattern, solid first, that no company
 * whose colour is close to it in either theme has (a palette company, or one with its
 * own colour before it in the dataset); solid if they have every pattern between them */
static BrLineStyle
own_color_style (const ThemeLabs *labs,
                 const Grid      *grids,
                 guint           *seen,
                 guint            k,
                 const guint8    *styles)
{
  guint taken = 0, all = (1u << BR_N_LINE_STYLES) - 1;

  for (guint theme = 0; theme < 2; theme++)
    for (int cube = 0; cube < 27; cube++)
      {
        const Lab *lab = theme == 0 ? &labs[k].light : &labs[k].dark;
        GArray *cell = g_hash_table_lookup (grids[theme].cells,
                                            GUINT_TO_POINTER (cell_key (lab, cube / 9 - 1,
                                                                        cube / 3 % 3 - 1,
                                                                        cube % 3 - 1)));

        for (guint i = 0; cell != NULL && i < cell->len && taken != all; i++)
          {
            guint j = g_array_index (cell, guint, i);

            if (seen[j] == k + 1 || j == k || (labs[j].own && j > k))
              continue;
            seen[j] = k + 1;
            if (lab_near (&labs[j].light, &labs[k].light, CLOSE_COLORS)
                || lab_near (&labs[j].dark, &labs[k].dark, CLOSE_COLORS))
              taken |= 1u << styles[j];
          }
      }
  for (BrLineStyle style = 0; style < BR_N_LINE_STYLES; style++)
    if (!(taken & 1u << style))
      return style;

  return BR_LINE_STYLE_SOLID;
}

static LineStyles *
line_styles_new (BrDataset *dataset)
{
  guint n = br_dataset_get_n_companies (dataset);
  LineStyles *styles = g_new0 (LineStyles, 1);
  g_autofree ThemeLabs *labs = g_new (ThemeLabs, MAX (n, 1));
  g_autofree guint *seen = g_new0 (guint, MAX (n, 1));
  g_autofree guint8 *by_index = g_new0 (guint8, MAX (n, 1));
  Grid grids[2];

  for (guint theme = 0; theme < 2; theme++)
    grids[theme].cells = g_hash_table_new_full (NULL, NULL, NULL,
                                                (GDestroyNotify)g_array_unref);
  for (guint i = 0; i < n; i++)
    {
      const BrCompany *company = br_dataset_get_company (dataset, i);

      labs[i].light = lab_from_hex (company->has_color
                                      ? br_chart_company_color_for_theme (dataset, company,
                                                                          BR_THEME_LIGHT)
                                      : palette_color (i, BR_THEME_LIGHT));
      labs[i].dark = lab_from_hex (company->has_color
                                     ? br_chart_company_color_for_theme (dataset, company,
                                                                         BR_THEME_DARK)
                                     : palette_color (i, BR_THEME_DARK));
      labs[i].own = company->has_color;
      grid_add (&grids[0], &labs[i].light, i);
      grid_add (&grids[1], &labs[i].dark, i);
      by_index[i] = i / G_N_ELEMENTS (company_light) % BR_N_LINE_STYLES;
    }
  styles->styles = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      const BrCompany *company = br_dataset_get_company (dataset, i);

      if (company->has_color)
        by_index[i] = own_color_style (labs, grids, seen, i, by_index);
      g_hash_table_insert (styles->styles, (gpointer)company,
                           GUINT_TO_POINTER (by_index[i] + 1));
    }
  for (guint theme = 0; theme < 2; theme++)
    g_hash_table_unref (grids[theme].cells);

  return styles;
}

/**
 * br_chart_company_line_style:
 * @dataset: the dataset @company belongs to
 *
 * How @company's line is stroked on every chart and in the window. The palette's
 * first twelve companies are solid; the next twelve, which take the same hues, are
 * dash-dotted, the twelve after dotted, the twelve after those dash-dot-dotted, and
 * so on round. A company with its own colour is solid unless its colour is close to
 * another company's, in either theme; then it takes a pattern that company has not.
 * A company's style follows the dataset alone, so it is the same whichever others are
 * shown.
 */
BrLineStyle
br_chart_company_line_style (BrDataset       *dataset,
                             const BrCompany *company)
{
  static GMutex lock;
  LineStyles *styles;

  g_return_val_if_fail (BR_IS_DATASET (dataset), BR_LINE_STYLE_SOLID);
  g_return_val_if_fail (company != NULL, BR_LINE_STYLE_SOLID);

  /* charts are drawn on worker threads: the first to ask works them out */
  g_mutex_lock (&lock);
  styles = g_object_get_data (G_OBJECT (dataset), "br-line-styles");
  if (styles == NULL)
    {
      styles = line_styles_new (dataset);
      g_object_set_data_full (G_OBJECT (dataset), "br-line-styles", styles,
                              (GDestroyNotify)line_styles_free);
    }
  g_mutex_unlock (&lock);

  return GPOINTER_TO_UINT (g_hash_table_lookup (styles->styles, company)) - 1;
}

/**
 * br_chart_set_line_style:
 * @unit: the pattern's unit: the line's width on a chart
 *
 * Sets @cr's dash and caps for @style; a solid style leaves @cr as it is.
 */
void
br_chart_set_line_style (cairo_t     *cr,
                         BrLineStyle  style,
                         double       unit)
{
  /* round caps make each zero-length dash a dot and lengthen each dash by @unit */
  double dash_dot[] = { 0, 2.5 * unit, 3 * unit, 2.5 * unit };
  double dotted[] = { 0, 2.2 * unit };
  /* cairo draws only one of two zero-length dashes in a row: these dots have a length */
  double dash_dot_dot[] = {
    unit / 100, 2.5 * unit, unit / 100, 2.5 * unit, 3 * unit, 2.5 * unit,
  };

  if (style == BR_LINE_STYLE_SOLID)
    return;
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (style == BR_LINE_STYLE_DASH_DOT)
    cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0);
  else if (style == BR_LINE_STYLE_DASH_DOT_DOT)
    cairo_set_dash (cr, dash_dot_dot, G_N_ELEMENTS (dash_dot_dot), 0);
  else
    cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
}

BrRgb
_br_chart_company_color (BrChartContext  *ctx,
                         const BrCompany *company)
{
  return rgb_from_hex (br_chart_company_color_for_theme (ctx->dataset, company,
                                                         ctx->options->theme));
}

void
_br_set_rgb (cairo_t     *cr,
             const BrRgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
}

void
_br_set_rgba (cairo_t     *cr,
              const BrRgb *rgb,
              double       alpha)
{
  cairo_set_source_rgba (cr, rgb->r, rgb->g, rgb->b, alpha);
}

gboolean
_br_chart_hidden (BrChartContext *ctx,
                  const char     *key)
{
  return br_chart_options_get_hidden (ctx->options, key);
}

/* Whether a period (or a day, when start == end) lies in the chosen range. */
gboolean
_br_chart_in_range (BrChartContext *ctx,
                    const GDate    *start,
                    const GDate    *end)
{
  const BrChartOptions *o = ctx->options;

  if (g_date_valid (&o->from) && g_date_compare (start, &o->from) < 0)
    return FALSE;
  if (g_date_valid (&o->to) && g_date_compare (end, &o->to) > 0)
    return FALSE;

  return TRUE;
}

/* The largest size from 0.7 em down to 0.55 em (24 px at 1080p) at which @text fits
 * @width on one line; returns whether it does at all */
static gboolean
one_line_size (BrChartContext *ctx,
               const char     *text,
               double          width,
               double         *size)
{
  double w = 0;

  for (*size = ctx->em * 0.7; *size > ctx->em * 0.5; *size -= ctx->em * 0.05)
    {
      _br_text_measure (ctx, text, *size, 0, &w, NULL);
      if (w <= width)
        return TRUE;
    }
  *size += ctx->em * 0.05;

  return FALSE;
}

/* A slide's header: the title, and the subtitle on one line in the largest size that
 * fits it whole. A subtitle too long even at the smallest size leaves its last parts
 * (" · " apart: a dataset's subtitle comes first, the chart's periods, then how to read
 * it) to the slide's notes; one part alone that long takes two lines rather than be cut. */
static void
slide_header (BrChartContext *ctx,
              const char     *title,
              const char     *subtitle,
              double          title_size,
              double          width)
{
  g_autofree char *text = g_strdup (subtitle);
  double size;
  char *cut;

  _br_text_draw_wrapped (ctx, title, &(BrParagraph) { ctx->pad, ctx->py0, title_size, width, 2 },
                         &ctx->palette.text, "title");
  ctx->py0 += _br_text_measure_wrapped (ctx, title, title_size, width, TEXT_BOLD) + ctx->em * 0.1;

  if (text != NULL)
    {
      while (!one_line_size (ctx, text, width, &size) && (cut = g_strrstr (text, " · ")) != NULL)
        {
          _br_chart_layout_leave_out (ctx->layout, cut + strlen (" · "));
          *cut = '\0';
        }
      ctx->py0 += _br_text_draw_wrapped (ctx, text,
                                         &(BrParagraph) { ctx->pad, ctx->py0, size, width, 2 },
                                         &ctx->palette.secondary, "subtitle");
    }

  ctx->py0 += ctx->em * 0.35;
}

void
_br_chart_header (BrChartContext *ctx,
                  const char     *title,
                  const char     *subtitle)
{
  double title_size = ctx->em * (ctx->options->slide ? 1.3 : 1.55);
  double width = ctx->width - 2 * ctx->pad;
  double h;

  g_free (ctx->layout->title);
  ctx->layout->title = g_strdup (title);

  if (ctx->options->slide)
    {
      slide_header (ctx, title, subtitle, title_size, width);
      return;
    }

  _br_text_measure (ctx, title, title_size, TEXT_BOLD, NULL, &h);
  _br_text_draw (ctx, title, ctx->pad, ctx->py0, width,
                 &(BrTextStyle) { title_size, TEXT_BOLD, &ctx->palette.text, "title" });
  ctx->py0 += h + ctx->em * 0.15;

  /* the subtitle says how to read the chart: on a slide's large type it takes a second
   * line rather than lose its end */
  if (subtitle != NULL)
    ctx->py0 += _br_text_draw_wrapped (ctx, subtitle,
                                       &(BrParagraph) { ctx->pad, ctx->py0, ctx->em, width, 2 },
                                       &ctx->palette.secondary, "subtitle");

  ctx->py0 += ctx->em * 0.6;
}

/* How wide an entry's swatch is: a pattern's sample shows a dash and dots twice over */
static double
swatch_width (const BrLegendItem *item,
              double              swatch)
{
  return item->style != BR_LINE_STYLE_SOLID && !item->dashed ? swatch * 1.8 : swatch;
}

/**
 * _br_chart_line_sample:
 * @width: the line's width
 *
 * A sample of a company's line in @style, from @x0 to @x1 at @y, in the current
 * colour: what a legend or a list of companies shows beside a name.
 */
void
_br_chart_line_sample (cairo_t     *cr,
                       BrLineStyle  style,
                       double       x0,
                       double       x1,
                       double       y,
                       double       width)
{
  cairo_save (cr);
  cairo_set_line_width (cr, width);
  br_chart_set_line_style (cr, style, (x1 - x0) / 1.8 / 7);
  cairo_move_to (cr, x0 + width / 2, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* One legend entry's swatch: a dashed line, a company's patterned line, an outline
 * when hidden, else a square */
static void
legend_swatch (BrChartContext     *ctx,
               const BrLegendItem *item,
               gboolean            hidden,
               double              x,
               double              y,
               double              size,
               double              row_height)
{
  cairo_t *cr = ctx->cr;
  double swatch = size * 0.9;

  cairo_save (cr);
  _br_set_rgb (cr, &item->color);
  if (item->dashed)
    {
      double dash[] = { swatch / 4, swatch / 6 };

      cairo_set_line_width (cr, MAX (2, size / 6));
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, y + row_height / 2);
      cairo_line_to (cr, x + swatch, y + row_height / 2);
      cairo_stroke (cr);
    }
  else if (item->style != BR_LINE_STYLE_SOLID && !hidden)
    {
      /* a company's line that is not solid: a sample of its pattern, a little
       * thicker than on the chart, so that a dot and a dash both fit */
      _br_chart_line_sample (cr, item->style, x, x + swatch_width (item, swatch),
                             y + row_height / 2, MAX (2, size / 5));
    }
  else if (hidden)
    {
      cairo_set_line_width (cr, MAX (1.5, size / 10));
      cairo_rectangle (cr, x + 1, y + (row_height - swatch) / 2 + 1, swatch - 2, swatch - 2);
      cairo_stroke (cr);
    }
  else
    {
      cairo_rectangle (cr, x, y + (row_height - swatch) / 2, swatch, swatch);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* A hidden series' name, struck through */
static void
strike (BrChartContext *ctx,
        double          x0,
        double          x1,
        double          y,
        double          size)
{
  cairo_save (ctx->cr);
  _br_set_rgb (ctx->cr, &ctx->palette.secondary);
  cairo_set_line_width (ctx->cr, MAX (1, size / 14));
  cairo_move_to (ctx->cr, x0, y);
  cairo_line_to (ctx->cr, x1, y);
  cairo_stroke (ctx->cr);
  cairo_restore (ctx->cr);
}

/**
 * _br_chart_legend:
 * @items: (element-type BrLegendItem): the entries
 *
 * A row of entries under the header, wrapping onto more rows if need be. Hidden
 * series stay in the legend, hollow and dimmed, so they can be clicked back.
 */
void
_br_chart_legend (BrChartContext *ctx,
                  GArray         *items)
{
  gboolean slide = ctx->options->slide;
  double size = MAX (ctx->em * (slide ? 0.65 : 0.9), _br_text_min (ctx));
  double swatch = size * 0.9;
  double gap = ctx->em * (slide ? 0.9 : 1.2);
  double x = ctx->pad;
  double row_height = size * 1.5;
  /* a slide wraps the legend onto more rows rather than cut a name */
  double max_label = (ctx->width - 2 * ctx->pad) * (slide ? 0.9 : 0.45);
  double y = ctx->py0;
  guint n_drawn = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const BrLegendItem *item = &g_array_index (items, BrLegendItem, i);
      gboolean hidden = _br_chart_hidden (ctx, item->key);
      double w, entry_width, text_x;

      /* a slide names such a series beside its marks instead */
      if (slide && item->direct && !hidden)
        continue;
      n_drawn++;
      _br_text_measure (ctx, item->label, size, 0, &w, NULL);
      w = MIN (w, max_label);
      entry_width = swatch_width (item, swatch) + size * 0.4 + w;

      if (x > ctx->pad && x + entry_width > ctx->width - ctx->pad)
        {
          x = ctx->pad;
          y += row_height;
        }

      legend_swatch (ctx, item, hidden, x, y, size, row_height);
      text_x = x + swatch_width (item, swatch) + size * 0.4;
      _br_text_draw (ctx, item->label, text_x, y + row_height / 2, w + 1,
                     &(BrTextStyle) { size, TEXT_MIDDLE,
                                      hidden ? &ctx->palette.secondary : &ctx->palette.text,
                                      "legend" });
      if (hidden)
        strike (ctx, text_x, text_x + w, y + row_height / 2, size);

      _br_chart_layout_add_legend (ctx->layout, item->key, item->label, x, y, x + entry_width,
                                   y + row_height, hidden);
      x += entry_width + gap;
    }

  if (n_drawn > 0)
    ctx->py0 = y + row_height + ctx->em * (slide ? 0.3 : 0.6);
}

static char *
describe_rate (const BrFxRate *rate)
{
  char day[BR_DATE_ISO_SIZE];
  g_autofree char *value = _br_format_rate (rate->rate);

  if (rate->kind == BR_FX_ANNUAL_AVERAGE)
    /* TRANSLATORS: an exchange rate the chart used: "USD/CNY 7.0809 (2023 average)" */
    return g_strdup_printf (_("%s/%s %s (%d average)"), rate->base.code, rate->quote.code,
                            value, rate->year);

  /* TRANSLATORS: an exchange rate the chart used: "USD/CNY 7.1465 (2025-07-09)" */
  return g_strdup_printf (_("%s/%s %s (%s)"), rate->base.code, rate->quote.code, value,
                          br_date_format_iso (&rate->date, day));
}

/* Footnotes are read up close: on a slide they grow less than the chart's text. */
static double
footnote_size (BrChartContext *ctx)
{
  double scale = ctx->options->text_scale;

  return MAX (ctx->em * 0.75 / scale * MIN (scale, 1.5), _br_text_min (ctx));
}

/* The footnote's height, reserved before the plot is laid out. */
static double
footnote_height (BrChartContext *ctx)
{
  return footnote_size (ctx) * 1.3 * ctx->footnote_lines + ctx->em * 0.5;
}

/* The forms a footnote's sources take, each shorter than the one before */
typedef enum
{
  SOURCES_WITH_TITLES,   /* [1] title — publisher, date. */
  SOURCES_COMPACT,       /* [1] publisher, date. */
  SOURCES_BY_PUBLISHER,  /* publisher, date, date; publisher, date. */
  SOURCES_PUBLISHERS,    /* publisher; publisher (23 documents, named in full elsewhere) */
  SOURCES_COUNTED,       /* 23 documents, named in full elsewhere */
  N_SOURCE_FORMS,
  SOURCES_RATES_NOTED = N_SOURCE_FORMS,  /* a slide's: the exchange rates in its notes */
} SourceForm;

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

/* The sources, each publisher once with the dates of its pieces, in the order they come */
static void
append_by_publisher (GString        *text,
                     BrChartContext *ctx)
{
  GPtrArray *sources = ctx->layout->sources;
  g_autoptr(GHashTable) entries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (string_free);

  for (guint i = 0; i < sources->len; i++)
    {
      const BrSource *source = g_ptr_array_index (sources, i);
      g_autofree char *date = _br_format_date (&source->date, ctx->lang);
      GString *entry = g_hash_table_lookup (entries, source->publisher);

      if (entry == NULL)
        {
          entry = g_string_new (source->publisher);
          g_hash_table_insert (entries, source->publisher, entry);
          g_ptr_array_add (order, entry);
        }
      g_string_append_printf (entry, ", %s", date);
    }

  for (guint i = 0; i < order->len; i++)
    {
      const GString *entry = g_ptr_array_index (order, i);

      g_string_append_printf (text, "%s %s", i > 0 ? ";" : "", entry->str);
    }
  g_string_append_c (text, '.');
}

/* Each publisher once, and how many documents they are: for a footnote with no room for
 * their dates, whose every figure names its source in full elsewhere */
static void
append_publishers (GString        *text,
                   BrChartContext *ctx)
{
  GPtrArray *sources = ctx->layout->sources;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = sources->len;

  for (guint i = 0; i < n; i++)
    {
      const BrSource *source = g_ptr_array_index (sources, i);

      if (!g_hash_table_add (seen, source->publisher))
        continue;
      g_string_append_printf (text, "%s %s", g_hash_table_size (seen) > 1 ? ";" : "",
                              source->publisher);
    }
  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          /* TRANSLATORS: after the publishers a chart's footnote has room
                           * for, when it has none for each document's title and date */
                          _br_chart_ngettext ("(%u document, named in full in its figure’s tooltip, "
                                              "the data table and the CSV).",
                                              "(%u documents, each named in full in its figures’ "
                                              "tooltips, the data table and the CSV).", n), n);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* The sources by their numbers in the deck's list, runs of three or more as ranges:
 * " [1]–[4], [7], [9]" */
static void
append_by_number (GString        *text,
                  BrChartContext *ctx)
{
  GPtrArray *sources = ctx->layout->sources;
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < sources->len; i++)
    {
      guint index;

      if (g_ptr_array_find (ctx->options->source_order, g_ptr_array_index (sources, i), &index))
        {
          index++;
          g_array_append_val (numbers, index);
        }
    }
  g_array_sort (numbers, compare_uint);

  for (guint i = 0; i < numbers->len;)
    {
      guint first = g_array_index (numbers, guint, i), j = i;

      while (j + 1 < numbers->len && g_array_index (numbers, guint, j + 1) == first + (j + 1 - i))
        j++;
      g_string_append_printf (text, "%s [%u]", i > 0 ? "," : "", first);
      if (j >= i + 2)
        g_string_append_printf (text, "–[%u]", g_array_index (numbers, guint, j));
      else if (j == i + 1)
        g_string_append_printf (text, ", [%u]", g_array_index (numbers, guint, j));
      i = j + 1;
    }
  /* TRANSLATORS: ends a slide's footnote, after the numbers of its sources */
  g_string_append_printf (text, "%s", _(", listed on the sources slides."));
}

static char *
footnote_text (BrChartContext *ctx,
               const char     *extra,
               SourceForm      form)
{
  GString *text = g_string_new (NULL);
  BrChartLayout *layout = ctx->layout;

  g_autofree char *not_drawn = _br_chart_not_drawn_note (ctx);

  if (not_drawn != NULL)
    g_string_append_printf (text, "%s  ", not_drawn);
  if (extra != NULL)
    g_string_append_printf (text, "%s  ", extra);

  if (layout->has_flash)
    g_string_append_printf (text, "%s  ", _("* Flash (unaudited) figure."));

  if (layout->rates->len > 0 && form == SOURCES_RATES_NOTED)
    /* TRANSLATORS: in a slide's footnote, for the exchange rates it has no room for */
    g_string_append_printf (text, "%s  ", _("Exchange rates: in the notes."));
  else if (layout->rates->len > 0 && form == SOURCES_COUNTED)
    {
      g_string_append_printf (text,
                              /* TRANSLATORS: in a footnote with no room to give each rate */
                              _br_chart_ngettext ("Converted at %u exchange rate, given in the "
                                                  "tooltips.",
                                                  "Converted at %u exchange rates, each given in "
                                                  "the tooltips of the figures it converts.",
                                                  layout->rates->len),
                              layout->rates->len);
      g_string_append (text, "  ");
    }
  else if (layout->rates->len > 0)
    {
      g_string_append_printf (text, "%s", _("Converted at"));
      for (guint i = 0; i < layout->rates->len; i++)
        {
          g_autofree char *r = describe_rate (g_ptr_array_index (layout->rates, i));

          g_string_append_printf (text, "%s %s", i > 0 ? ";" : "", r);
        }
      g_string_append (text, ".  ");
    }

  if (layout->sources->len > 0)
    {
      g_string_append (text, layout->sources->len == 1 ? _("Source:") : _("Sources:"));
      if (ctx->options->source_order != NULL)
        {
          append_by_number (text, ctx);
          return g_string_free (text, FALSE);
        }
      if (form == SOURCES_BY_PUBLISHER)
        {
          append_by_publisher (text, ctx);
          return g_string_free (text, FALSE);
        }
      if (form == SOURCES_PUBLISHERS)
        {
          append_publishers (text, ctx);
          return g_string_free (text, FALSE);
        }
      if (form == SOURCES_COUNTED)
        {
          guint n = layout->sources->len;

          g_string_append_c (text, ' ');
          g_string_append_printf (text,
                                  /* TRANSLATORS: a footnote with no room to name its
                                   * sources, after "Sources:" */
                                  _br_chart_ngettext ("%u document, named in full in its "
                                                      "figure’s tooltip, the data table and the "
                                                      "CSV.",
                                                      "%u documents, each named in full in its "
                                                      "figures’ tooltips, the data table and the "
                                                      "CSV.", n), n);
          return g_string_free (text, FALSE);
        }

      for (guint i = 0; i < layout->sources->len; i++)
        {
          const BrSource *source = g_ptr_array_index (layout->sources, i);
          g_autofree char *s = NULL;

          if (form == SOURCES_COMPACT)
            {
              g_autofree char *date = _br_format_date (&source->date, ctx->lang);

              s = g_strdup_printf ("%s, %s", source->publisher, date);
            }
          else
            {
              s = br_chart_describe_source (source, ctx->lang);
            }
          g_string_append_printf (text, " [%u] %s.", i + 1, s);
        }
    }

  return g_string_free (text, FALSE);
}

/* The lines the footnote wants: those reserved, when one of @texts naming every source
 * whole fits them; else as many as the shortest such text needs, up to a quarter of the
 * chart's height, the plot giving way; else the lines of the forms that name the
 * publishers, or count the sources, that the tooltips and the table name. @drawn is the
 * form drawn in the reserved lines: those before it did not fit them, and it did unless
 * it is the last, so they are not laid out again. */
static guint
lines_wanted (BrChartContext *ctx,
              char          **texts,
              guint           drawn,
              double          size,
              double          width)
{
  guint reserved = ctx->footnote_lines;
  double room = ctx->height * 0.25 - ctx->em * 0.5;
  guint most = MAX (reserved, (guint) MAX (floor (room / (size * 1.3)), 0));

  for (guint i = 0; i < N_SOURCE_FORMS; i++)
    {
      guint lines;

      if (i < drawn && i < SOURCES_BY_PUBLISHER)
        continue;
      if (i == drawn && drawn + 1 < N_SOURCE_FORMS)
        return reserved;
      lines = _br_text_line_count (ctx, texts[i], size, width);

      if (lines <= reserved)
        return reserved;
      if (i >= SOURCES_BY_PUBLISHER && lines <= most)
        return lines;
    }

  return most;
}

/**
 * _br_chart_footnote:
 * @extra: (nullable): a note of the chart's own, put first
 *
 * A flag for flash figures, the exchange rates used, then the sources of every mark
 * drawn, numbered, in the lines reserved at the foot of the chart: with titles when
 * they fit, else publisher and date only, else each publisher once with its dates, so
 * that every source is named (the tooltip and the table give the rest). Where even that
 * does not fit, the layout says how many lines it wants (br_chart_draw() gives them);
 * where the chart is too small for that, the footnote names the publishers, or counts
 * the documents, and says where each is named in full: no source is cut short.
 */
void
_br_chart_footnote (BrChartContext *ctx,
                    const char     *extra)
{
  char *texts[N_SOURCE_FORMS] = { NULL, };
  double y = ctx->height - ctx->pad - footnote_height (ctx) + ctx->em * 0.5;
  double size = footnote_size (ctx), width = ctx->width - 2 * ctx->pad;
  gboolean rates_noted = FALSE;
  guint drawn;

  for (guint i = 0; i < N_SOURCE_FORMS; i++)
    texts[i] = footnote_text (ctx, extra, i);

  /* a slide's footnote numbers its sources; what else it has no room for, the rates,
   * goes to the notes */
  if (ctx->options->source_order != NULL &&
      _br_text_line_count (ctx, texts[0], size, width) > (int) ctx->footnote_lines)
    {
      rates_noted = TRUE;
      for (guint i = 0; i < N_SOURCE_FORMS; i++)
        g_free (texts[i]);
      for (guint i = 0; i < N_SOURCE_FORMS; i++)
        texts[i] = footnote_text (ctx, extra, SOURCES_RATES_NOTED);
      for (guint i = 0; i < ctx->layout->rates->len; i++)
        {
          g_autofree char *rate = describe_rate (g_ptr_array_index (ctx->layout->rates, i));

          _br_chart_layout_leave_out (ctx->layout, rate);
        }
    }

  drawn = _br_text_draw_fitting (ctx, (const char * const *) texts, N_SOURCE_FORMS,
                                 &(BrParagraph) { ctx->pad, y, size, width, ctx->footnote_lines },
                                 &ctx->palette.secondary, "footnote");

  /* a form that fits its lines wants no more: only the forms that did not are laid out
   * again to learn how many they want */
  if (!rates_noted && !ctx->options->slide)
    {
      ctx->layout->footnote_reserved = ctx->footnote_lines;
      ctx->layout->footnote_lines = lines_wanted (ctx, texts, drawn, size, width);
    }

  for (guint i = 0; i < N_SOURCE_FORMS; i++)
    g_free (texts[i]);
}

/* Leaves room under the plot for a footnote of @n_lines lines, or of the lines a first
 * drawing found it wants */
void
_br_chart_reserve_footnote (BrChartContext *ctx,
                            guint           n_lines)
{
  ctx->footnote_lines = ctx->options->slide ? MIN (n_lines, 2) : MAX (n_lines, ctx->footnote_room);
  ctx->py1 = ctx->height - ctx->pad - footnote_height (ctx);
}

/**
 * _br_chart_no_data:
 * @what: what is missing, as a sentence
 *
 * An explicit panel instead of an empty or misleading axis.
 */
void
_br_chart_no_data (BrChartContext *ctx,
                   const char     *what)
{
  cairo_t *cr = ctx->cr;
  double cx = (ctx->px0 + ctx->px1) / 2, cy = (ctx->py0 + ctx->py1) / 2;

  cairo_save (cr);
  _br_set_rgb (cr, &ctx->palette.grid);
  cairo_set_line_width (cr, MAX (1, ctx->em / 12));
  cairo_rectangle (cr, ctx->px0, ctx->py0, ctx->px1 - ctx->px0, ctx->py1 - ctx->py0);
  cairo_stroke (cr);
  cairo_restore (cr);

  _br_text_draw (ctx, _("No data"), cx, cy - ctx->em * 0.2, ctx->px1 - ctx->px0 - 2 * ctx->em,
                 &(BrTextStyle) { ctx->em * 1.4, TEXT_CENTER | TEXT_BOTTOM | TEXT_BOLD,
                                  &ctx->palette.secondary, "label" });
  _br_text_draw (ctx, what, cx, cy + ctx->em * 0.2, ctx->px1 - ctx->px0 - 2 * ctx->em,
                 &(BrTextStyle) { ctx->em, TEXT_CENTER, &ctx->palette.secondary, "label" });

  g_string_append (ctx->layout->description, what);
}

/**
 * _br_chart_range_subtitle:
 *
 * Returns: the period range shown, and whether values are per period or cumulative
 */
char *
_br_chart_range_subtitle (BrChartContext *ctx,
                          const char     *first,
                          const char     *last,
                          const char     *mode)
{
  if (first == NULL || last == NULL)
    return g_strdup (mode);

  if (g_strcmp0 (first, last) == 0)
    /* TRANSLATORS: a chart's subtitle: the one period shown, then how values are shown */
    return g_strdup_printf (_("%s · %s"), first, mode);

  /* TRANSLATORS: a chart's subtitle: first period, last period, then how values are
   * shown, e.g. "2022 – 2025 Q1 · cumulative" */
  return g_strdup_printf (_("%s – %s · %s"), first, last, mode);
}

/**
 * _br_chart_marker:
 * @hollow: an outline only: sub-annual periods and private valuations
 * @diamond: a diamond instead of a circle
 */
void
_br_chart_marker (cairo_t  *cr,
                  double    x,
                  double    y,
                  double    r,
                  gboolean  hollow,
                  gboolean  diamond)
{
  cairo_new_sub_path (cr);
  if (diamond)
    {
      cairo_move_to (cr, x, y - r * 1.25);
      cairo_line_to (cr, x + r * 1.25, y);
      cairo_line_to (cr, x, y + r * 1.25);
      cairo_line_to (cr, x - r * 1.25, y);
      cairo_close_path (cr);
    }
  else
    {
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
    }

  if (hollow)
    {
      cairo_save (cr);
      cairo_set_line_width (cr, MAX (1.5, r / 2.5));
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  else
    {
      cairo_fill (cr);
    }
}

/* Spreads labels wanted at @ys apart by at least @gap, within @lo–@hi. */
void
_br_chart_spread_labels (double *ys,
                         guint   n,
                         double  gap,
                         double  lo,
                         double  hi)
{
  g_autofree guint *order = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    order[i] = i;

  /* insertion sort by wanted position: a handful of companies */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && ys[order[j]] < ys[order[j - 1]]; j--)
      {
        guint t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }

  for (guint i = 0; i < n; i++)
    {
      double min = i == 0 ? lo : ys[order[i - 1]] + gap;

      ys[order[i]] = MAX (ys[order[i]], min);
    }

  /* pushed past the bottom: pull back up */
  for (guint k = n; k > 0; k--)
    {
      guint i = k - 1;
      double max = i == n - 1 ? hi : ys[order[i + 1]] - gap;

      ys[order[i]] = MIN (ys[order[i]], max);
    }
}
