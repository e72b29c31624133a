/* test-colors.c: company colours as drawn, read back from the pixels
 *
 * Each legend swatch's pixel in a real image: every company colour reads as text on
 * its theme's background (WCAG 4.5:1), twelve companies are twelve colours, the first
 * six stay apart when the chart is seen as with protanopia, deuteranopia or
 * tritanopia (br_color_vision_simulate), no company takes the revenue or R&D colour,
 * and a company keeps its colour whoever else is shown. Past twelve companies, those
 * that share a hue differ in their line's pattern, read back from the line's pixels,
 * up to 48 companies; so do companies whose own colours are close to another's, and
 * the rules under the R&D chart's groups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../br-test-color.h"
#include "../br-test-i18n.h"

#include <math.h>
#include <string.h>

#include "br-chart.h"
#include "br-color-vision.h"
#include "br-loader.h"

#define WIDTH 1280
#define HEIGHT 720

static BrDataset *forty;
static BrDataset *fifty;
static BrDataset *bundled;

typedef struct
{
  double r, g, b;
} Rgb;

static double
contrast (Rgb a,
          Rgb b)
{
  double la = 0.2126 * br_test_linear (a.r) + 0.7152 * br_test_linear (a.g)
              + 0.0722 * br_test_linear (a.b);
  double lb = 0.2126 * br_test_linear (b.r) + 0.7152 * br_test_linear (b.g)
              + 0.0722 * br_test_linear (b.b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static double
distance (Rgb x,
          Rgb y)
{
  return br_test_color_distance ((double[]) { x.r, x.g, x.b }, (double[]) { y.r, y.g, y.b });
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
  GArray *legend = br_chart_layout_get_legend (layout);

  for (guint i = 0; i < legend->len; i++)
    {
      const BrLegendEntry *entry = &g_array_index (legend, BrLegendEntry, i);

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

  g_assert_cmpuint (br_chart_layout_get_legend (layout)->len, ==, G_N_ELEMENTS (colors));
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
 * solid, dots of one length, dots and dashes in turn, or two dots to a dash. In the
 * order of BrLineStyle. */
typedef enum
{
  SEEN_SOLID,
  SEEN_DASH_DOT,
  SEEN_DOTTED,
  SEEN_DASH_DOT_DOT,
} Seen;

static const char *seen_names[] = { "solid", "dash-dotted", "dotted", "dash-dot-dotted" };

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The pattern of runs of a line's pixels: @runs from the second on (the first may be
 * cut short by where sampling began), @on the share of samples that hit the line.
 * Dashes are runs over 2.5 times the lower quartile, a dot's length; where a grid line
 * crosses, a dot may read a little longer. */
static Seen
classify_runs (GArray *runs,
               double  on)
{
  g_autoptr(GArray) sorted = NULL;
  double dot;
  guint n_long = 0, n;

  if (on > 0.9)
    return SEEN_SOLID;

  g_assert_cmpuint (runs->len, >, 8);
  n = runs->len - 1;
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_append_vals (sorted, &g_array_index (runs, double, 1), n);
  g_array_sort (sorted, compare_doubles);
  dot = g_array_index (sorted, double, n / 4);
  for (guint i = 0; i < n; i++)
    n_long += g_array_index (sorted, double, i) > 2.5 * dot;

  if (n_long < n / 10)
    return SEEN_DOTTED;

  return n - n_long >= 1.5 * n_long ? SEEN_DASH_DOT_DOT : SEEN_DASH_DOT;
}

/* Whether the pixel at @x, @y is nearer @color than @background; adds a half-pixel
 * step to @run, and a run that ends to @runs */
static gboolean
step (cairo_surface_t *surface,
      double           x,
      double           y,
      Rgb              color,
      Rgb              background,
      double          *run,
      GArray          *runs)
{
  Rgb seen = pixel (surface, x, y);
  gboolean hit = distance (seen, color) < distance (seen, background);

  if (hit)
    *run += 0.5;
  else if (*run > 0)
    {
      g_array_append_val (runs, *run);
      *run = 0;
    }

  return hit;
}

static Seen
seen_pattern (cairo_surface_t *surface,
              BrChartLayout   *layout,
              const BrCompany *company,
              Rgb              color)
{
  const BrChartMark *ends[2] = { NULL, NULL };
  Rgb background = pixel (surface, 2, 2);
  double length, skip = 14, on = 0, samples = 0, run = 0;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (double));

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
      samples++;
      on += step (surface, ends[0]->x + (ends[1]->x - ends[0]->x) * d / length,
                  ends[0]->y + (ends[1]->y - ends[0]->y) * d / length, color, background,
                  &run, runs);
    }

  return classify_runs (runs, on / samples);
}

/* The pattern of the rule under @company's group of bars on the R&D chart: the row
 * under the bars with the most pixels of its colour, read across the group */
static Seen
seen_rule (cairo_surface_t *surface,
           BrChartLayout   *layout,
           const BrCompany *company,
           Rgb              color)
{
  Rgb background = pixel (surface, 2, 2);
  double x0 = G_MAXDOUBLE, x1 = 0, bottom = 0, on = 0, samples = 0, run = 0;
  int best_y = -1;
  guint best = 0;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < br_chart_layout_get_n_marks (layout); i++)
    {
      const BrChartMark *mark = br_chart_layout_get_mark (layout, i);

      if (mark->company != company)
        continue;
      x0 = MIN (x0, mark->x0);
      x1 = MAX (x1, mark->x1);
      bottom = MAX (bottom, mark->y1);
    }
  g_assert_cmpfloat (x1, >, x0);

  for (int y = bottom + 2; y < bottom + 80 && y < HEIGHT; y++)
    {
      guint n = 0;

      for (double x = x0; x < x1; x++)
        n += distance (pixel (surface, x, y), color) < 0.05;
      if (n > best)
        {
          best = n;
          best_y = y;
        }
    }
  g_assert_cmpint (best_y, >=, 0);

  /* from the rule's first pixel under the bars to its last */
  while (x0 < x1 && distance (pixel (surface, x0, best_y), color) >= 0.05)
    x0++;
  while (x1 > x0 && distance (pixel (surface, x1, best_y), color) >= 0.05)
    x1--;
  for (double x = x0; x <= x1; x += 0.5)
    {
      samples++;
      on += step (surface, x, best_y + 0.5, color, background, &run, runs);
    }

  return classify_runs (runs, on / samples);
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

static Rgb
company_rgb (BrDataset       *dataset,
             const BrCompany *company,
             BrTheme          theme)
{
  guint32 hex = br_chart_company_color_for_theme (dataset, company, theme);

  return (Rgb) { (hex >> 16) / 255., (hex >> 8 & 0xff) / 255., (hex & 0xff) / 255. };
}

/* Whether two companies need more than their colours to be told apart: palette
 * companies of one hue (place modulo twelve), or colours nearer than the palette's
 * hues are to each other */
static gboolean
alike (BrDataset       *dataset,
       const BrCompany *a,
       const BrCompany *b,
       BrTheme          theme)
{
  if (!a->has_color && !b->has_color && place (dataset, a) % 12 == place (dataset, b) % 12)
    return TRUE;

  return distance (company_rgb (dataset, a, theme), company_rgb (dataset, b, theme)) < 0.1;
}

/* The pattern @company's line shows on the losses chart drawn with @ids */
static Seen
seen_among (BrDataset       *dataset,
            BrTheme          theme,
            const char     **ids,
            const BrCompany *company)
{
  g_autoptr(BrChartLayout) layout = NULL;
  cairo_surface_t *surface = draw (dataset, BR_CHART_LOSSES, theme, ids, &layout);
  Seen seen;

  g_assert_cmpuint (br_chart_layout_get_legend (layout)->len, ==, g_strv_length ((char **)ids));
  seen = seen_pattern (surface, layout, company, company_rgb (dataset, company, theme));
  cairo_surface_destroy (surface);

  return seen;
}

/* Fifty companies, past the 48 that twelve hues and four patterns tell apart, two of
 * them in colours of their own close to the palette's: each of the first 48, drawn
 * alone, shows the pattern br_chart_company_line_style() names (which the side pane
 * shows), and any two alike show different patterns */
static void
check_forty_eight (BrTheme theme,
                   Seen    seen[48])
{
  guint n_alike = 0;

  for (guint i = 0; i < 48; i++)
    {
      const BrCompany *company = br_dataset_get_company (fifty, i);
      const char *alone[] = { company->id, NULL };

      seen[i] = seen_among (fifty, theme, alone, company);
      g_assert_cmpint (seen[i], ==, br_chart_company_line_style (fifty, company));
      for (guint j = 0; j < i; j++)
        {
          const BrCompany *other = br_dataset_get_company (fifty, j);

          if (!alike (fifty, company, other, theme))
            continue;
          n_alike++;
          if (seen[i] == seen[j])
            g_error ("%s and %s look alike and are both drawn %s", company->id, other->id,
                     seen_names[seen[i]]);
        }
    }
  /* at least each hue's palette companies: four, or three where a company of its own
   * colour takes the fourth place */
  g_assert_cmpuint (n_alike, >=, 10 * 6 + 2 * 3);
}

/* Among others of their hue, each of the eight shows the pattern it shows alone; the
 * dataset's colours close to the palette's take the pattern their hue leaves free */
static void
check_clash (BrTheme     theme,
             const Seen  seen[48])
{
  const char *ids[] = { "c06", "c18", "c30", "c42", "c10", "c22", "c34", "c46", NULL };
  const BrCompany *c42 = br_dataset_lookup_company (fifty, "c42");
  const BrCompany *c46 = br_dataset_lookup_company (fifty, "c46");

  g_assert_true (c42->has_color && c46->has_color);
  g_assert_true (alike (fifty, c42, br_dataset_lookup_company (fifty, "c06"), theme)
                 || alike (fifty, c42, br_dataset_lookup_company (fifty, "c06"),
                           !theme));
  g_assert_cmpint (seen[42], !=, SEEN_SOLID);
  g_assert_cmpint (seen[46], !=, SEEN_SOLID);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const BrCompany *company = br_dataset_lookup_company (fifty, ids[i]);

      g_assert_cmpint (seen_among (fifty, theme, ids, company), ==,
                       seen[place (fifty, company)]);
    }
}

/* The R&D chart tells its groups apart by the rule under each: in the company's
 * colour, and in its line's pattern */
static void
check_rules (BrTheme     theme,
             const Seen  seen[48])
{
  const char *ids[] = { "c06", "c18", "c30", "c42", NULL };
  g_autoptr(BrChartLayout) layout = NULL;
  cairo_surface_t *surface = draw (fifty, BR_CHART_RND, theme, ids, &layout);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const BrCompany *company = br_dataset_lookup_company (fifty, ids[i]);

      g_assert_cmpint (seen_rule (surface, layout, company, company_rgb (fifty, company, theme)),
                       ==, seen[place (fifty, company)]);
    }
  cairo_surface_destroy (surface);
}

/* the 8 companies drawn by default from forty: any two of one hue (palette place
 * modulo twelve) differ in pattern, and each keeps its pattern drawn alone */
static void
test_patterns (gconstpointer data)
{
  BrTheme theme = GPOINTER_TO_UINT (data);
  g_autoptr(BrChartLayout) layout = NULL;
  cairo_surface_t *surface = draw (forty, BR_CHART_LOSSES, theme, NULL, &layout);
  guint n = br_chart_layout_get_legend (layout)->len;
  const BrCompany *companies[n];
  Seen seen[n], fifty_seen[48];
  guint shared = 0;

  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < n; i++)
    {
      const char *key = g_array_index (br_chart_layout_get_legend (layout), BrLegendEntry, i).key;
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
                     companies[j]->id, seen_names[seen[i]]);
        }
    }
  /* the default eight do share hues, so the test tells something */
  g_assert_cmpuint (shared, >=, 2);
  cairo_surface_destroy (surface);

  check_forty_eight (theme, fifty_seen);
  check_clash (theme, fifty_seen);
  check_rules (theme, fifty_seen);
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
  g_clear_object (&file);
  file = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "data",
                                    "fifty-companies.json", NULL);
  fifty = br_dataset_load_file (file, NULL, NULL, NULL, &error);
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
  g_clear_object (&fifty);
  g_clear_object (&bundled);

  return status;
}
