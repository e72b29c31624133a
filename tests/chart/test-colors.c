/* test-colors.c: company colours as drawn, read back from the pixels
 *
 * Each legend swatch's pixel in a real image: every company colour reads as text on
 * its theme's background (WCAG 4.5:1), twelve companies are twelve colours, the first
 * six stay apart when the chart is seen as with protanopia, deuteranopia or
 * tritanopia (br_color_vision_simulate), no company takes the revenue or R&D colour,
 * and a company keeps its colour whoever else is shown. Past twelve companies, those
 * that share a hue differ in their line's pattern, read back from the line's pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../br-test-i18n.h"

#include <math.h>
#include <string.h>

#include "br-chart.h"
#include "br-color-vision.h"
#include "br-loader.h"

#define WIDTH 1280
#define HEIGHT 720

static BrDataset *forty;
static BrDataset *bundled;

typedef struct
{
  double r, g, b;
} Rgb;

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
contrast (Rgb a,
          Rgb b)
{
  double la = 0.2126 * linear (a.r) + 0.7152 * linear (a.g) + 0.0722 * linear (a.b);
  double lb = 0.2126 * linear (b.r) + 0.7152 * linear (b.g) + 0.0722 * linear (b.b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* distance in OKLab, where 0.02 is about the least difference one sees */
static double
distance (Rgb x,
          Rgb y)
{
  double lab[2][3];
  Rgb c[2] = { x, y };

  for (int i = 0; i < 2; i++)
    {
      double r = linear (c[i].r), g = linear (c[i].g), b = linear (c[i].b);
      double l = cbrt (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
      double m = cbrt (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
      double s = cbrt (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);

      lab[i][0] = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
      lab[i][1] = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
      lab[i][2] = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
    }

  return sqrt (pow (lab[0][0] - lab[1][0], 2) + pow (lab[0][1] - lab[1][1], 2) +
               pow (lab[0][2] - lab[1][2], 2));
}

static Rgb
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 p;

  cairo_surface_flush (surface);
  p = *(const guint32 *)(data + (int)y * cairo_image_surface_get_stride (surface) + (int)x * 4);

  return (Rgb) { ((p >> 16) & 0xff) / 255., ((p >> 8) & 0xff) / 255., (p & 0xff) / 255. };
}

/* draws @kind with @ids selected; returns the image and the layout */
static cairo_surface_t *
draw (BrDataset      *dataset,
      BrChartKind     kind,
      BrTheme         theme,
      const char    **ids,
      BrChartLayout **layout)
{
  g_autoptr(BrChartOptions) options = br_chart_options_new (kind);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  br_chart_options_set_theme (options, theme);
  br_chart_options_set_companies (options, ids);
  *layout = br_chart_draw (cr, dataset, options, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

/* the colour of the legend swatch for @key */
static Rgb
swatch (cairo_surface_t *surface,
        BrChartLayout   *layout,
        const char      *key)
{
  for (guint i = 0; i < br_chart_layout_get_n_legend_entries (layout); i++)
    {
      const BrLegendEntry *entry = br_chart_layout_get_legend_entry (layout, i);

      if (g_str_equal (entry->key, key))
        return pixel (surface, entry->x0 + 4, (entry->y0 + entry->y1) / 2);
    }

  g_error ("no legend entry for %s", key);
}

/* the revenue and R&D colours of @dataset's R&D chart */
static void
series_colors (BrDataset *dataset,
               BrTheme    theme,
               Rgb        series[2])
{
  g_autoptr(BrChartLayout) layout = NULL;
  cairo_surface_t *surface = draw (dataset, BR_CHART_RND, theme, NULL, &layout);

  series[0] = swatch (surface, layout, "revenue");
  series[1] = swatch (surface, layout, "rnd");
  cairo_surface_destroy (surface);
}

/* the benchmark and eleven challengers: the first twelve palette colours */
static const char *twelve[] = {
  "titan", "c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10", "c11", NULL,
};

static void
test_palette (gconstpointer data)
{
  BrTheme theme = GPOINTER_TO_UINT (data);
  g_autoptr(BrChartLayout) layout = NULL;
  cairo_surface_t *surface = draw (forty, BR_CHART_LOSSES, theme, twelve, &layout);
  Rgb background = pixel (surface, 2, 2);
  Rgb series[2], colors[G_N_ELEMENTS (twelve) - 1];

  series_colors (forty, theme, series);

  g_assert_cmpuint (br_chart_layout_get_n_legend_entries (layout), ==, G_N_ELEMENTS (colors));
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      colors[i] = swatch (surface, layout, twelve[i]);
      g_assert_cmpfloat (contrast (colors[i], background), >=, 4.5);
      for (guint s = 0; s < 2; s++)
        g_assert_cmpfloat (distance (colors[i], series[s]), >=, 0.1);
      for (guint j = 0; j < i; j++)
        g_assert_cmpfloat (distance (colors[i], colors[j]), >=, 0.1);
    }
  /* the series' marks stand out from the background too */
  for (guint s = 0; s < 2; s++)
    g_assert_cmpfloat (contrast (series[s], background), >=, 3);

  /* as seen with each colour-vision deficiency, the first six stay apart */
  for (BrColorVision vision = BR_COLOR_VISION_PROTANOPIA; vision < BR_N_COLOR_VISIONS; vision++)
    {
      Rgb seen[6];

      br_color_vision_simulate (vision, surface);
      for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
        {
          seen[i] = swatch (surface, layout, twelve[i]);
          for (guint j = 0; j < i; j++)
            if (distance (seen[i], seen[j]) < 0.05)
              g_error ("%s: %s and %s are %.3f apart",
                       g_enum_to_string (BR_TYPE_COLOR_VISION, vision), twelve[i], twelve[j],
                       distance (seen[i], seen[j]));
        }
      cairo_surface_destroy (surface);
      g_clear_pointer (&layout, br_chart_layout_unref);
      surface = draw (forty, BR_CHART_LOSSES, theme, twelve, &layout);
    }

  cairo_surface_destroy (surface);
}

/* a company's colour is the same alone and among others */
static void
test_stable (void)
{
  const char *alone[] = { "c07", NULL };
  const char *few[] = { "c02", "c07", "c30", NULL };
  g_autoptr(BrChartLayout) a = NULL;
  g_autoptr(BrChartLayout) b = NULL;
  g_autoptr(BrChartLayout) c = NULL;
  cairo_surface_t *sa = draw (forty, BR_CHART_LOSSES, BR_THEME_LIGHT, alone, &a);
  cairo_surface_t *sb = draw (forty, BR_CHART_LOSSES, BR_THEME_LIGHT, twelve, &b);
  cairo_surface_t *sc = draw (forty, BR_CHART_VALUATION, BR_THEME_LIGHT, few, &c);

  g_assert_cmpfloat (distance (swatch (sa, a, "c07"), swatch (sb, b, "c07")), <, 0.001);
  g_assert_cmpfloat (distance (swatch (sa, a, "c07"), swatch (sc, c, "c07")), <, 0.001);
  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
  cairo_surface_destroy (sc);
}

/* What a line's pixels show between its first two whole years: from the runs of
 * pixels nearer its colour than the background's along the middle of the segment,
 * solid, dots of one length, or dots and dashes */
typedef enum
{
  SEEN_SOLID,
  SEEN_DASH_DOT,
  SEEN_DOTTED,
} Seen;

static Seen
seen_pattern (cairo_surface_t *surface,
              BrChartLayout   *layout,
              const BrCompany *company,
              Rgb              color)
{
  const BrChartMark *ends[2] = { NULL, NULL };
  Rgb background = pixel (surface, 2, 2);
  double length, skip = 14, on = 0, samples = 0, run = 0, shortest = G_MAXDOUBLE, longest = 0;
  gboolean first_run = TRUE;

  for (guint i = 0, n = 0; i < br_chart_layout_get_n_marks (layout) && n < 2; i++)
    {
      const BrChartMark *mark = br_chart_layout_get_mark (layout, i);

      if (mark->company == company && mark->period->kind == BR_PERIOD_FISCAL_YEAR)
        ends[n++] = mark;
    }
  g_assert_nonnull (ends[1]);
  length = hypot (ends[1]->x - ends[0]->x, ends[1]->y - ends[0]->y);

  /* half-pixel steps, clear of the markers at either end */
  for (double d = skip; d <= length - skip; d += 0.5)
    {
      double x = ends[0]->x + (ends[1]->x - ends[0]->x) * d / length;
      double y = ends[0]->y + (ends[1]->y - ends[0]->y) * d / length;
      Rgb seen = pixel (surface, x, y);
      gboolean hit = distance (seen, color) < distance (seen, background);

      samples++;
      on += hit;
      if (hit)
        run += 0.5;
      else if (run > 0)
        {
          /* the first run may be cut short by where sampling begins */
          if (!first_run)
            shortest = MIN (shortest, run);
          longest = MAX (longest, run);
          first_run = FALSE;
          run = 0;
        }
    }

  if (on / samples > 0.9)
    return SEEN_SOLID;
  g_assert_cmpfloat (shortest, <, G_MAXDOUBLE);

  return longest > 4 * shortest ? SEEN_DASH_DOT : SEEN_DOTTED;
}

static guint
place (BrDataset       *dataset,
       const BrCompany *company)
{
  for (guint i = 0; i < br_dataset_get_n_companies (dataset); i++)
    if (br_dataset_get_company (dataset, i) == company)
      return i;

  g_assert_not_reached ();
}

/* the 8 companies drawn by default from forty: any two of one hue (palette place
 * modulo twelve) differ in pattern, and each keeps its pattern drawn alone */
static void
test_patterns (gconstpointer data)
{
  BrTheme theme = GPOINTER_TO_UINT (data);
  g_autoptr(BrChartLayout) layout = NULL;
  cairo_surface_t *surface = draw (forty, BR_CHART_LOSSES, theme, NULL, &layout);
  guint n = br_chart_layout_get_n_legend_entries (layout);
  const BrCompany *companies[n];
  Seen seen[n];
  guint shared = 0;

  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < n; i++)
    {
      const char *key = br_chart_layout_get_legend_entry (layout, i)->key;
      const char *alone[] = { key, NULL };
      g_autoptr(BrChartLayout) alone_layout = NULL;
      cairo_surface_t *alone_surface = draw (forty, BR_CHART_LOSSES, theme, alone,
                                             &alone_layout);
      Rgb color;
      guint32 hex;

      companies[i] = br_dataset_lookup_company (forty, key);
      g_assert_nonnull (companies[i]);
      hex = br_chart_company_color_for_theme (forty, companies[i], theme);
      color = (Rgb) { (hex >> 16) / 255., (hex >> 8 & 0xff) / 255., (hex & 0xff) / 255. };
      seen[i] = seen_pattern (surface, layout, companies[i], color);
      g_assert_cmpint (seen_pattern (alone_surface, alone_layout, companies[i], color), ==,
                       seen[i]);
      cairo_surface_destroy (alone_surface);

      for (guint j = 0; j < i; j++)
        {
          if (place (forty, companies[i]) % 12 != place (forty, companies[j]) % 12)
            continue;
          shared++;
          if (seen[i] == seen[j])
            g_error ("%s and %s share a hue and are both drawn %s", companies[i]->id,
                     companies[j]->id, seen[i] == SEEN_SOLID ? "solid"
                                       : seen[i] == SEEN_DOTTED ? "dotted" : "dash-dotted");
        }
    }
  /* the default eight do share hues, so the test tells something */
  g_assert_cmpuint (shared, >=, 2);
  cairo_surface_destroy (surface);
}

/* the bundled dataset's own colours, made legible in each theme */
static void
test_dataset_colors (gconstpointer data)
{
  BrTheme theme = GPOINTER_TO_UINT (data);
  g_autoptr(BrChartLayout) layout = NULL;
  cairo_surface_t *surface = draw (bundled, BR_CHART_VALUATION, theme, NULL, &layout);
  Rgb background = pixel (surface, 2, 2);
  Rgb series[2];

  series_colors (bundled, theme, series);

  for (guint i = 0; i < br_dataset_get_n_companies (bundled); i++)
    {
      const BrCompany *company = br_dataset_get_company (bundled, i);
      Rgb color = swatch (surface, layout, company->id);

      g_assert_true (company->has_color);
      g_assert_cmpfloat (contrast (color, background), >=, 4.5);
      for (guint s = 0; s < 2; s++)
        g_assert_cmpfloat (distance (color, series[s]), >=, 0.05);
    }
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  br_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  file = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "data",
                                    "forty-companies.json", NULL);
  forty = br_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  bundled = br_dataset_load_bundled (&error);
  g_assert_no_error (error);

  g_test_add_data_func ("/Br/Colors/palette/light", GUINT_TO_POINTER (BR_THEME_LIGHT),
                        test_palette);
  g_test_add_data_func ("/Br/Colors/palette/dark", GUINT_TO_POINTER (BR_THEME_DARK),
                        test_palette);
  g_test_add_func ("/Br/Colors/stable", test_stable);
  g_test_add_data_func ("/Br/Colors/patterns/light", GUINT_TO_POINTER (BR_THEME_LIGHT),
                        test_patterns);
  g_test_add_data_func ("/Br/Colors/patterns/dark", GUINT_TO_POINTER (BR_THEME_DARK),
                        test_patterns);
  g_test_add_data_func ("/Br/Colors/dataset/light", GUINT_TO_POINTER (BR_THEME_LIGHT),
                        test_dataset_colors);
  g_test_add_data_func ("/Br/Colors/dataset/dark", GUINT_TO_POINTER (BR_THEME_DARK),
                        test_dataset_colors);

  status = g_test_run ();
  g_clear_object (&forty);
  g_clear_object (&bundled);

  return status;
}
