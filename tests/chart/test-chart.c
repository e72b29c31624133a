/* test-chart.c: every chart drawn into real cairo surfaces, checked from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "br-chart.h"

static BrDataset *dataset;

typedef struct
{
  BrChartKind kind;
  double      width, height, scale;
  BrTheme     theme;
  gboolean    cumulative;
} RenderCase;

static BrChartLayout *
render (const BrChartOptions *options,
        double                width,
        double                height,
        double                scale,
        cairo_surface_t     **surface_out)
{
  cairo_surface_t *surface;
  BrChartLayout *layout;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (width * scale),
                                        (int)ceil (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  layout = br_chart_draw (cr, dataset, options, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  if (surface_out != NULL)
    *surface_out = surface;
  else
    cairo_surface_destroy (surface);

  return layout;
}

static gboolean
boxes_overlap (const BrTextBox *a,
               const BrTextBox *b)
{
  /* a pixel of slack for antialiased edges */
  return a->x0 < b->x1 - 1 && b->x0 < a->x1 - 1 && a->y0 < b->y1 - 1 && b->y0 < a->y1 - 1;
}

/* No text leaves the canvas, and no two pieces of text overlap. */
static void
assert_text_fits (BrChartLayout *layout,
                  double         width,
                  double         height)
{
  guint n = br_chart_layout_get_n_text_boxes (layout);

  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    {
      const BrTextBox *a = br_chart_layout_get_text_box (layout, i);

      if (a->x0 < -0.5 || a->y0 < -0.5 || a->x1 > width + 0.5 || a->y1 > height + 0.5)
        g_error ("%s text at (%.1f, %.1f)–(%.1f, %.1f) leaves the %.0f×%.0f canvas", a->role,
                 a->x0, a->y0, a->x1, a->y1, width, height);

      for (guint j = i + 1; j < n; j++)
        {
          const BrTextBox *b = br_chart_layout_get_text_box (layout, j);

          if (boxes_overlap (a, b))
            g_error ("%s text (%.1f, %.1f)–(%.1f, %.1f) overlaps %s text (%.1f, %.1f)–(%.1f, %.1f)"
                     " at %.0f×%.0f", a->role, a->x0, a->y0, a->x1, a->y1, b->role, b->x0, b->y0,
                     b->x1, b->y1, width, height);
        }
    }
}

/* Hit-testing at the centre of every mark returns that mark. */
static void
assert_hits (BrChartLayout *layout)
{
  guint n = br_chart_layout_get_n_marks (layout);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      const BrChartMark *mark = br_chart_layout_get_mark (layout, i);
      int hit = br_chart_layout_hit_test (layout, mark->x, mark->y);

      g_assert_cmpint (hit, >=, 0);
      if (hit != (int)i)
        {
          const BrChartMark *other = br_chart_layout_get_mark (layout, hit);

          /* two marks on the very same spot answer with either */
          g_assert_cmpfloat (fabs (other->x - mark->x) + fabs (other->y - mark->y), <, 1);
        }
      g_assert_nonnull (mark->source);
    }

  g_assert_cmpint (br_chart_layout_hit_test (layout, -10, -10), ==, -1);
}

static void
test_render (gconstpointer data)
{
  const RenderCase *c = data;
  g_autoptr(BrChartOptions) options = br_chart_options_new (c->kind);
  g_autoptr(BrChartLayout) layout = NULL;

  br_chart_options_set_theme (options, c->theme);
  br_chart_options_set_cumulative (options, c->cumulative);
  layout = render (options, c->width, c->height, c->scale, NULL);

  g_assert_true (br_chart_layout_has_data (layout));
  g_assert_nonnull (br_chart_layout_get_title (layout));
  g_assert_cmpuint (br_chart_layout_get_sources (layout)->len, >, 0);
  assert_text_fits (layout, c->width, c->height);
  assert_hits (layout);
}

static RenderCase *
render_case_new (BrChartKind kind,
                 double      width,
                 double      height,
                 double      scale,
                 BrTheme     theme,
                 gboolean    cumulative)
{
  RenderCase *c = g_new0 (RenderCase, 1);

  c->kind = kind;
  c->width = width;
  c->height = height;
  c->scale = scale;
  c->theme = theme;
  c->cumulative = cumulative;

  return c;
}

int
main (int   argc,
      char *argv[])
{
  static const double sizes[][3] = { { 640, 360, 1 }, { 1920, 1080, 1 }, { 1280, 720, 3 },
                                     { 3840, 2160, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = br_dataset_load_bundled (&error);
  g_assert_no_error (error);

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (BrTheme theme = BR_THEME_LIGHT; theme <= BR_THEME_DARK; theme++)
        for (int cumulative = 0; cumulative <= 1; cumulative++)
          {
            RenderCase *c = render_case_new (kind, sizes[s][0], sizes[s][1], sizes[s][2], theme,
                                             cumulative);
            g_autofree char *path = g_strdup_printf ("/Br/Chart/render/%s/%.0fx%.0f@%.0f/%s%s",
                                                     br_chart_kind_to_string (kind), c->width,
                                                     c->height, c->scale,
                                                     theme == BR_THEME_DARK ? "dark" : "light",
                                                     cumulative ? "/cumulative" : "");

            g_ptr_array_add (cases, c);
            g_test_add_data_func (path, c, test_render);
          }

  status = g_test_run ();
  g_clear_object (&dataset);

  return status;
}
