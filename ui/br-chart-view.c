/* br-chart-view.c: a chart on screen, explorable with pointer and keyboard
 *
 * The view hosts the chart library: br_chart_draw() at the widget's size, so the chart
 * is redrawn sharp at any size and scale factor, and the layout that draw returns
 * answers every hover and click. It draws on a worker thread of its own, with the
 * dataset (never changed once loaded) and a copy of the options, into a render node:
 * laying out a chart of thousands of companies never holds the main loop, and the
 * view shows its previous drawing, and answers hovers from it, until the new one is
 * ready. The readout is a label child placed
 * beside the highlighted mark: it appears in the frame after the pointer arrives,
 * without a tooltip's delay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-chart-view"

#include "config.h"

#include "br-readout.h"

#include <math.h>

#include <glib/gi18n.h>

#include "br-chart-view-private.h"


struct _BrChartView
{
  GtkWidget       parent_instance;

  BrDataset      *dataset;
  BrChartOptions *options;       /* the hidden series are the view's own */
  char           *description;
  BrColorVision   vision;

  /* the chart as last drawn, without the highlight: a hover only draws the highlight
   * over it, and GTK repaints only what changed. Its layout answers hit tests; its
   * node is NULL when it was drawn off screen. */
  BrChartLayout  *layout;
  GskRenderNode  *node;
  BrChartOptions *drawn_options;
  BrDataset      *drawn_dataset; /* what the layout's marks point into */
  int             drawn_width;
  int             drawn_height;
  int             drawn_scale;   /* of the node: device pixels a unit */
  BrColorVision   drawn_vision;  /* of the node */
  guint           prepare_source;  /* draws the chart node ahead of the frame */
  struct Drawing *pending;       /* on the worker thread now */
  gboolean        size_stale;    /* unmapped since the last allocation: a hidden page */

  int             hover;         /* the mark under the pointer, or -1 */
  int             selected;      /* the mark the keyboard walked to, or -1 */
  char           *readout_text;

  GtkLabel       *readout;
  GPtrArray      *legend_buttons;  /* a toggle over each legend entry, for the keyboard */
  gboolean        syncing_legend;
  gboolean        legend_allocated;  /* each button has been placed over its entry */
};

enum {
  PROP_0,
  PROP_DATASET,
  PROP_CHART,
  PROP_COLOR_VISION,
  PROP_HIGHLIGHT,
  PROP_HIDDEN,
  N_PROPS
};

enum {
  DRAWN,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (BrChartView, br_chart_view, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
current_highlight (BrChartView *self)
{
  return self->hover >= 0 ? self->hover : self->selected;
}

static void schedule_prepare (BrChartView *self);
static void br_chart_view_set_kind (BrChartView *self,
                                    BrChartKind  kind);

static void
invalidate (BrChartView *self)
{
  self->hover = -1;
  self->selected = -1;
  gtk_widget_set_visible (GTK_WIDGET (self->readout), FALSE);
  g_clear_pointer (&self->readout_text, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  schedule_prepare (self);
}

static void
update_accessible (BrChartView *self)
{
  const char *description = br_chart_layout_get_description (self->layout);
  g_autofree char *full = NULL;

  if (self->readout_text != NULL)
    full = g_strconcat (self->readout_text, "\n", description, NULL);
  else
    full = g_strdup (description);

  if (g_strcmp0 (full, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&full);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  br_chart_layout_get_title (self->layout),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void toggle_series (BrChartView *self,
                           const char  *key);

static void
legend_toggled_cb (BrChartView     *self,
                   GtkToggleButton *button)
{
  GArray *legend;
  guint index;

  if (self->syncing_legend || self->layout == NULL
      || !g_ptr_array_find (self->legend_buttons, button, &index))
    return;

  legend = br_chart_layout_get_legend (self->layout);
  if (index < legend->len)
    toggle_series (self, g_array_index (legend, BrLegendEntry, index).key);
}

/* One toggle button a legend entry, over it: the pointer clicks the chart as before,
 * and the keyboard and screen readers reach each entry as a button that is pressed
 * while its series is shown. */
static void
sync_legend (BrChartView *self)
{
  GArray *legend = br_chart_layout_get_legend (self->layout);
  guint n = legend->len;

  self->syncing_legend = TRUE;
  if (self->legend_buttons->len != n)
    self->legend_allocated = FALSE;
  while (self->legend_buttons->len > n)
    {
      gtk_widget_unparent (g_ptr_array_index (self->legend_buttons, self->legend_buttons->len - 1));
      g_ptr_array_set_size (self->legend_buttons, self->legend_buttons->len - 1);
    }
  while (self->legend_buttons->len < n)
    {
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_widget_add_css_class (button, "br-legend-entry");
      gtk_widget_set_can_target (button, FALSE);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      g_signal_connect_object (button, "toggled", G_CALLBACK (legend_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->legend_buttons, button);
    }
  for (guint i = 0; i < n; i++)
    {
      const BrLegendEntry *entry = &g_array_index (legend, BrLegendEntry, i);
      GtkWidget *button = g_ptr_array_index (self->legend_buttons, i);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), !entry->hidden);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      entry->label != NULL ? entry->label : entry->key, -1);
    }
  self->syncing_legend = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Keeps @layout, drawn at @width x @height from the current dataset and options, and
 * @node (nullable), the drawing itself, for the next frames and hit tests. */
static void
take_drawing (BrChartView   *self,
              BrChartLayout *layout,
              GskRenderNode *node,
              int            width,
              int            height,
              int            scale,
              BrColorVision  vision)
{
  g_clear_pointer (&self->layout, br_chart_layout_unref);
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->drawn_options, br_chart_options_free);
  self->layout = layout;
  self->node = node;
  self->drawn_options = br_chart_options_copy (self->options);
  g_set_object (&self->drawn_dataset, self->dataset);
  self->drawn_width = width;
  self->drawn_height = height;
  self->drawn_scale = scale;
  self->drawn_vision = vision;
  update_accessible (self);
  sync_legend (self);
  g_signal_emit (self, signals[DRAWN], 0);
}

/* Whether the last drawing shows the current dataset and options at @width x @height;
 * with @on_screen, whether it was drawn for the screen too. */
static gboolean
drawing_current (BrChartView *self,
                 int          width,
                 int          height,
                 gboolean     on_screen)
{
  return self->layout != NULL
         && (!on_screen
             || (self->node != NULL && self->drawn_vision == self->vision
                 && self->drawn_scale == gtk_widget_get_scale_factor (GTK_WIDGET (self))))
         && self->drawn_dataset == self->dataset && self->drawn_width == width
         && self->drawn_height == height
         && br_chart_options_draw_alike (self->drawn_options, self->options);
}

/* Draws the chart into an image of @width x @height units at @scale device pixels a
 * unit, in @vision's colours; its layout in @layout. On any thread. */
static cairo_surface_t *
draw_image (BrDataset             *dataset,
            const BrChartOptions  *options,
            int                    width,
            int                    height,
            int                    scale,
            BrColorVision          vision,
            BrChartLayout        **layout)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  *layout = br_chart_draw (cr, dataset, options, width, height);
  cairo_destroy (cr);
  br_color_vision_simulate (vision, surface);
  cairo_surface_flush (surface);

  return surface;
}

/* A node that paints @image (transfer full), which covers @width x @height units. A
 * cairo node: GTK's cairo renderer paints its one image with a plain copy, and the
 * frame does not draw the chart again. */
static GskRenderNode *
image_node (cairo_surface_t *image,
            int              width,
            int              height)
{
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  return node;
}

/* Draws the chart without its highlight into a render node kept for later frames. */
static void
update_chart_node (BrChartView *self,
                   int          width,
                   int          height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  BrChartLayout *layout;
  cairo_surface_t *image;

  image = draw_image (self->dataset, self->options, width, height, scale, self->vision, &layout);
  take_drawing (self, layout, image_node (image, width, height), width, height, scale,
                self->vision);
}

/* The size the next frame gives the view: its own; or, while it is a hidden page of the
 * view stack or has not been allocated since it was shown again, its parent's, which it
 * fills (the window may have changed size meanwhile). */
static gboolean
coming_size (BrChartView *self,
             int         *width,
             int         *height)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  *width = gtk_widget_get_width (GTK_WIDGET (self));
  *height = gtk_widget_get_height (GTK_WIDGET (self));
  if ((self->size_stale || *width <= 0 || *height <= 0) && parent != NULL
      && gtk_widget_get_width (parent) > 0 && gtk_widget_get_height (parent) > 0)
    {
      *width = gtk_widget_get_width (parent);
      *height = gtk_widget_get_height (parent);
    }

  return *width > 0 && *height > 0;
}

/* A chart drawn on the worker thread: what to draw, and what came out */
typedef struct Drawing
{
  BrChartView    *view;        /* a reference, dropped on the main thread */
  BrDataset      *dataset;
  BrChartOptions *options;
  int             width;
  int             height;
  int             scale;
  BrColorVision   vision;
  GskRenderNode  *node;
  BrChartLayout  *layout;
  GMutex          lock;
  GCond           cond;
  gboolean        done;        /* under lock */
} Drawing;

/* Whether @drawing is of the view's current choices at @width x @height */
static gboolean
drawing_matches (BrChartView   *self,
                 const Drawing *drawing,
                 int            width,
                 int            height)
{
  return drawing->dataset == self->dataset && drawing->width == width
         && drawing->height == height
         && drawing->scale == gtk_widget_get_scale_factor (GTK_WIDGET (self))
         && drawing->vision == self->vision
         && br_chart_options_draw_alike (drawing->options, self->options);
}

static void
drawing_free (Drawing *drawing)
{
  g_clear_object (&drawing->view);
  g_clear_object (&drawing->dataset);
  g_clear_pointer (&drawing->options, br_chart_options_free);
  g_clear_pointer (&drawing->node, gsk_render_node_unref);
  g_clear_pointer (&drawing->layout, br_chart_layout_unref);
  g_mutex_clear (&drawing->lock);
  g_cond_clear (&drawing->cond);
  g_free (drawing);
}

/* Back on the main thread: keeps the drawing if it still shows the current choices at
 * the size the view has, and draws again if they changed meanwhile. */
static gboolean
drawing_done_cb (gpointer data)
{
  Drawing *drawing = data;
  BrChartView *self = drawing->view;
  int width, height;

  if (self->pending == drawing)
    self->pending = NULL;

  if (coming_size (self, &width, &height) && drawing_matches (self, drawing, width, height)
      && !drawing_current (self, width, height, TRUE))
    {
      take_drawing (self, g_steal_pointer (&drawing->layout), g_steal_pointer (&drawing->node),
                    width, height, drawing->scale, drawing->vision);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  schedule_prepare (self);
  drawing_free (drawing);

  return G_SOURCE_REMOVE;
}

static void
draw_on_worker (gpointer data,
                gpointer pool_data)
{
  Drawing *drawing = data;
  cairo_surface_t *image;

  image = draw_image (drawing->dataset, drawing->options, drawing->width, drawing->height,
                      drawing->scale, drawing->vision, &drawing->layout);
  drawing->node = image_node (image, drawing->width, drawing->height);

  g_mutex_lock (&drawing->lock);
  drawing->done = TRUE;
  g_cond_signal (&drawing->cond);
  g_mutex_unlock (&drawing->lock);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, drawing_done_cb, drawing, NULL);
}

/* One thread draws for every view, one chart at a time: one Pango font map, and the
 * fonts it has loaded, serve every drawing */
static GThreadPool *
drawing_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (draw_on_worker, NULL, 1, TRUE, NULL));

  return pool;
}

static void
draw_on_worker_thread (BrChartView *self,
                       int          width,
                       int          height)
{
  Drawing *drawing = g_new0 (Drawing, 1);

  drawing->view = g_object_ref (self);
  drawing->dataset = g_object_ref (self->dataset);
  drawing->options = br_chart_options_copy (self->options);
  drawing->width = width;
  drawing->height = height;
  drawing->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  drawing->vision = self->vision;
  g_mutex_init (&drawing->lock);
  g_cond_init (&drawing->cond);
  self->pending = drawing;
  g_thread_pool_push (drawing_pool (), drawing, NULL);
}

/* When the drawing under way is of the current choices at @width x @height, waits for
 * it and keeps it, rather than draw the same chart again; returns whether it did */
static gboolean
take_pending (BrChartView *self,
              int          width,
              int          height)
{
  Drawing *drawing = self->pending;

  if (drawing == NULL || !drawing_matches (self, drawing, width, height))
    return FALSE;

  g_mutex_lock (&drawing->lock);
  while (!drawing->done)
    g_cond_wait (&drawing->cond, &drawing->lock);
  g_mutex_unlock (&drawing->lock);

  /* drawing_done_cb() frees it later */
  take_drawing (self, g_steal_pointer (&drawing->layout), g_steal_pointer (&drawing->node),
                width, height, drawing->scale, drawing->vision);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

/* Starts drawing the chart, off the main thread, before the frame that shows it; the
 * frame only composes the last drawing done. */
static gboolean
prepare_cb (gpointer data)
{
  BrChartView *self = data;
  int width, height;

  self->prepare_source = 0;
  /* one drawing at a time: the one under way calls again when it is done */
  if (self->pending == NULL && self->dataset != NULL
      && gtk_widget_get_mapped (GTK_WIDGET (self)) && coming_size (self, &width, &height)
      && !drawing_current (self, width, height, TRUE))
    draw_on_worker_thread (self, width, height);

  return G_SOURCE_REMOVE;
}

static void
schedule_prepare (BrChartView *self)
{
  if (self->prepare_source != 0 || self->dataset == NULL
      || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* before the frame clock's layout and paint (GDK_PRIORITY_REDRAW) */
  self->prepare_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, prepare_cb, self, NULL);
}

static void
br_chart_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (br_chart_view_parent_class)->map (widget);
  schedule_prepare (BR_CHART_VIEW (widget));
}

static void
br_chart_view_unmap (GtkWidget *widget)
{
  BrChartView *self = BR_CHART_VIEW (widget);

  g_clear_handle_id (&self->prepare_source, g_source_remove);
  self->size_stale = TRUE;
  GTK_WIDGET_CLASS (br_chart_view_parent_class)->unmap (widget);
}

static void
br_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BrChartView *self = BR_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int highlight = current_highlight (self);

  if (self->dataset == NULL || width <= 0 || height <= 0)
    return;

  /* the last drawing, until the one under way is done */
  if (!drawing_current (self, width, height, TRUE))
    schedule_prepare (self);
  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);

  /* the colour-vision preview shows the chart's colours alone */
  if (highlight >= 0 && self->vision == BR_COLOR_VISION_NORMAL && self->layout != NULL
      && (guint)highlight < br_chart_layout_get_n_marks (self->layout))
    {
      const BrChartMark *mark = br_chart_layout_get_mark (self->layout, highlight);
      graphene_rect_t around = GRAPHENE_RECT_INIT (mark->x0 - 8, mark->y0 - 8,
                                                   mark->x1 - mark->x0 + 16,
                                                   mark->y1 - mark->y0 + 16);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &around);

      br_chart_layout_draw_highlight (self->layout, cr, highlight);
      cairo_destroy (cr);
    }

  for (guint i = 0; self->legend_allocated && i < self->legend_buttons->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->legend_buttons, i), snapshot);
  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->readout), snapshot);
}

static void
br_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* small enough for a 360 px wide window; the chart scales its type to fit */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 960;
    }
  else
    {
      *minimum = 220;
      *natural = 540;
    }
}

static void
br_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BrChartView *self = BR_CHART_VIEW (widget);
  int highlight = current_highlight (self);
  GArray *legend = self->layout != NULL ? br_chart_layout_get_legend (self->layout) : NULL;
  const BrChartMark *mark;

  self->size_stale = FALSE;
  for (guint i = 0; legend != NULL && i < self->legend_buttons->len; i++)
    {
      const BrLegendEntry *entry = &g_array_index (legend, BrLegendEntry, i);
      GtkWidget *button = g_ptr_array_index (self->legend_buttons, i);

      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (button,
                                &(GtkAllocation) { floor (entry->x0), floor (entry->y0),
                                                   ceil (entry->x1 - entry->x0),
                                                   ceil (entry->y1 - entry->y0) }, -1);
    }
  self->legend_allocated = self->layout != NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->readout)) || self->layout == NULL
      || highlight < 0 || (guint)highlight >= br_chart_layout_get_n_marks (self->layout))
    return;

  mark = br_chart_layout_get_mark (self->layout, highlight);
  br_readout_allocate (GTK_WIDGET (self->readout), mark, width, height);
}

static void
set_highlight (BrChartView *self,
               int          hover,
               int          selected)
{
  int before = current_highlight (self);
  int after;

  self->hover = hover;
  self->selected = selected;
  after = current_highlight (self);
  if (before == after)
    return;

  g_clear_pointer (&self->readout_text, g_free);
  if (after >= 0)
    {
      const BrChartMark *mark = br_chart_layout_get_mark (self->layout, after);

      self->readout_text = br_chart_mark_describe (mark,
                                                   br_chart_options_get_language (self->options));
      gtk_label_set_text (self->readout, self->readout_text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->readout), after >= 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

static void
motion_cb (BrChartView              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  br_chart_view_point (self, x, y);
}

static void
leave_cb (BrChartView              *self,
          GtkEventControllerMotion *controller)
{
  set_highlight (self, -1, self->selected);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
pressed_cb (BrChartView     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  if (br_chart_view_click (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
key_pressed_cb (BrChartView           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  BrChartLayout *layout;
  int n, index;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  layout = br_chart_view_ensure_layout (self);
  n = layout != NULL ? (int)br_chart_layout_get_n_marks (layout) : 0;
  if (n == 0)
    return GDK_EVENT_PROPAGATE;

  index = self->selected;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      index = index < 0 ? 0 : (index + 1) % n;
      break;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      index = index <= 0 ? n - 1 : index - 1;
      break;

    case GDK_KEY_Home:
      index = 0;
      break;

    case GDK_KEY_End:
      index = n - 1;
      break;

    case GDK_KEY_Escape:
      if (index < 0)
        return GDK_EVENT_PROPAGATE;
      index = -1;
      break;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  br_chart_view_select_mark (self, index);
  return GDK_EVENT_STOP;
}

static void
focus_leave_cb (BrChartView             *self,
                GtkEventControllerFocus *controller)
{
  set_highlight (self, self->hover, -1);
}

static void
br_chart_view_dispose (GObject *object)
{
  BrChartView *self = BR_CHART_VIEW (object);

  g_clear_handle_id (&self->prepare_source, g_source_remove);
  for (guint i = 0; self->legend_buttons != NULL && i < self->legend_buttons->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->legend_buttons, i));
  g_clear_pointer (&self->legend_buttons, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BR_TYPE_CHART_VIEW);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->layout, br_chart_layout_unref);
  g_clear_object (&self->drawn_dataset);

  G_OBJECT_CLASS (br_chart_view_parent_class)->dispose (object);
}

static void
br_chart_view_finalize (GObject *object)
{
  BrChartView *self = BR_CHART_VIEW (object);

  g_clear_pointer (&self->options, br_chart_options_free);
  g_clear_pointer (&self->drawn_options, br_chart_options_free);
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->readout_text, g_free);

  G_OBJECT_CLASS (br_chart_view_parent_class)->finalize (object);
}

static void
br_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BrChartView *self = BR_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_CHART:
      g_value_set_enum (value, br_chart_view_get_kind (self));
      break;

    case PROP_COLOR_VISION:
      g_value_set_enum (value, self->vision);
      break;

    case PROP_HIGHLIGHT:
      g_value_set_int (value, current_highlight (self));
      break;

    case PROP_HIDDEN:
      g_value_take_boxed (value, br_chart_view_dup_hidden (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
br_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BrChartView *self = BR_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      br_chart_view_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_CHART:
      br_chart_view_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_COLOR_VISION:
      br_chart_view_set_color_vision (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
br_chart_view_class_init (BrChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = br_chart_view_dispose;
  object_class->finalize = br_chart_view_finalize;
  object_class->get_property = br_chart_view_get_property;
  object_class->set_property = br_chart_view_set_property;

  widget_class->map = br_chart_view_map;
  widget_class->unmap = br_chart_view_unmap;
  widget_class->snapshot = br_chart_view_snapshot;
  widget_class->measure = br_chart_view_measure;
  widget_class->size_allocate = br_chart_view_size_allocate;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, BR_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHART] =
    g_param_spec_enum ("chart", NULL, NULL, BR_TYPE_CHART_KIND, BR_CHART_LOSSES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR_VISION] =
    g_param_spec_enum ("color-vision", NULL, NULL, BR_TYPE_COLOR_VISION, BR_COLOR_VISION_NORMAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT] =
    g_param_spec_int ("highlight", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN] =
    g_param_spec_boxed ("hidden", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BrChartView::drawn:
   *
   * A new drawing, and the layout that answers hit tests, has been taken: what
   * br_chart_view_get_current_layout() returns may have changed.
   */
  signals[DRAWN] = g_signal_new ("drawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/burnrate/Burnrate/ui/br-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BrChartView, readout);
  gtk_widget_class_bind_template_callback (widget_class, motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
br_chart_view_init (BrChartView *self)
{
  self->options = br_chart_options_new (BR_CHART_LOSSES);
  self->legend_buttons = g_ptr_array_new ();
  self->size_stale = TRUE;
  self->hover = -1;
  self->selected = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
}

BrDataset *
br_chart_view_get_dataset (BrChartView *self)
{
  g_return_val_if_fail (BR_IS_CHART_VIEW (self), NULL);

  return self->dataset;
}

void
br_chart_view_set_dataset (BrChartView *self,
                           BrDataset   *dataset)
{
  g_return_if_fail (BR_IS_CHART_VIEW (self));
  g_return_if_fail (dataset == NULL || BR_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  /* the old layout stays until the next draw: its legend keeps the hidden series */
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

BrChartKind
br_chart_view_get_kind (BrChartView *self)
{
  g_return_val_if_fail (BR_IS_CHART_VIEW (self), BR_CHART_LOSSES);

  return br_chart_options_get_kind (self->options);
}

static void
br_chart_view_set_kind (BrChartView *self,
                        BrChartKind  kind)
{
  g_return_if_fail (BR_IS_CHART_VIEW (self));
  g_return_if_fail (kind < BR_N_CHART_KINDS);

  if (br_chart_options_get_kind (self->options) == kind)
    return;

  br_chart_options_set_kind (self->options, kind);
  /* until it is drawn and named by its title */
  if (self->layout == NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    br_chart_kind_get_title (kind), -1);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

const BrChartOptions *
br_chart_view_get_options (BrChartView *self)
{
  g_return_val_if_fail (BR_IS_CHART_VIEW (self), NULL);

  return self->options;
}

/**
 * br_chart_view_set_options:
 *
 * Takes every choice from @options but three that belong to the view: the chart
 * kind, the series hidden from the legend, and the highlighted mark.
 */
void
br_chart_view_set_options (BrChartView          *self,
                           const BrChartOptions *options)
{
  BrChartOptions *copy;
  GArray *legend;

  g_return_if_fail (BR_IS_CHART_VIEW (self));
  g_return_if_fail (options != NULL);

  copy = br_chart_options_copy (options);
  br_chart_options_set_kind (copy, br_chart_options_get_kind (self->options));
  legend = self->layout != NULL ? br_chart_layout_get_legend (self->layout) : NULL;
  for (guint i = 0; legend != NULL && i < legend->len; i++)
    {
      const BrLegendEntry *entry = &g_array_index (legend, BrLegendEntry, i);

      br_chart_options_set_hidden (copy, entry->key,
                                   br_chart_options_get_hidden (self->options, entry->key));
    }

  br_chart_options_free (self->options);
  self->options = copy;
  invalidate (self);
}

BrColorVision
br_chart_view_get_color_vision (BrChartView *self)
{
  g_return_val_if_fail (BR_IS_CHART_VIEW (self), BR_COLOR_VISION_NORMAL);

  return self->vision;
}

void
br_chart_view_set_color_vision (BrChartView   *self,
                                BrColorVision  vision)
{
  g_return_if_fail (BR_IS_CHART_VIEW (self));
  g_return_if_fail (vision < BR_N_COLOR_VISIONS);

  if (self->vision == vision)
    return;

  self->vision = vision;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_VISION]);
}

/**
 * br_chart_view_ensure_layout:
 *
 * Returns: (transfer none) (nullable): the layout of the chart as the widget shows it,
 *   drawn off screen first if the widget has not drawn the current choices yet
 */
BrChartLayout *
br_chart_view_ensure_layout (BrChartView *self)
{
  int width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (BR_IS_CHART_VIEW (self), NULL);

  if (self->dataset == NULL)
    return NULL;

  /* on screen, or about to be: the drawing the next frame shows, so that one draw
   * serves the table and the frame */
  if (coming_size (self, &width, &height))
    {
      if (!drawing_current (self, width, height, FALSE) && !take_pending (self, width, height))
        update_chart_node (self, width, height);
      return self->layout;
    }

  width = 960;
  height = 540;
  if (drawing_current (self, width, height, FALSE))
    return self->layout;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                            &(cairo_rectangle_t) { 0, 0, width, height });
  cr = cairo_create (surface);
  take_drawing (self, br_chart_draw (cr, self->dataset, self->options, width, height), NULL,
                width, height, 0, BR_COLOR_VISION_NORMAL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return self->layout;
}

/**
 * br_chart_view_get_current_layout:
 *
 * What the view already has, without drawing: the layout of its last drawing when that
 * shows the current dataset and choices, at whatever size it was drawn. While a new
 * drawing is under way, #BrChartView::drawn says when it is done.
 *
 * Returns: (transfer none) (nullable): the layout, or %NULL
 */
BrChartLayout *
br_chart_view_get_current_layout (BrChartView *self)
{
  g_return_val_if_fail (BR_IS_CHART_VIEW (self), NULL);

  if (self->layout == NULL || self->dataset == NULL || self->drawn_dataset != self->dataset
      || !br_chart_options_draw_alike (self->drawn_options, self->options))
    return NULL;

  return self->layout;
}

/**
 * br_chart_view_is_drawn:
 *
 * Returns: whether the view shows its chart as the current choices draw it at its
 *   size, rather than an earlier drawing while the new one is under way
 */
gboolean
br_chart_view_is_drawn (BrChartView *self)
{
  g_return_val_if_fail (BR_IS_CHART_VIEW (self), FALSE);

  return drawing_current (self, gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)), TRUE);
}

/**
 * br_chart_view_get_highlight:
 *
 * Returns: the index of the mark drawn highlighted (hovered, or walked to), or -1
 */
int
br_chart_view_get_highlight (BrChartView *self)
{
  g_return_val_if_fail (BR_IS_CHART_VIEW (self), -1);

  return current_highlight (self);
}

/**
 * br_chart_view_get_readout:
 *
 * Returns: (nullable): the text the readout beside the highlighted mark shows
 */
const char *
br_chart_view_get_readout (BrChartView *self)
{
  g_return_val_if_fail (BR_IS_CHART_VIEW (self), NULL);

  return self->readout_text;
}

/**
 * br_chart_view_point:
 *
 * What the view does when the pointer moves to @x, @y: highlights the mark there and
 * shows its readout.
 */
void
br_chart_view_point (BrChartView *self,
                     double       x,
                     double       y)
{
  BrChartLayout *layout;
  int index = -1;
  gboolean on_legend = FALSE;

  g_return_if_fail (BR_IS_CHART_VIEW (self));

  /* what the pixel under the pointer shows: the drawing on screen */
  layout = self->pending != NULL || self->node != NULL ? self->layout
                                                       : br_chart_view_ensure_layout (self);
  if (layout != NULL)
    {
      index = br_chart_layout_hit_test (layout, x, y);
      on_legend = br_chart_layout_hit_legend (layout, x, y) != NULL;
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   index >= 0 || on_legend ? "pointer" : NULL);
  set_highlight (self, index, self->selected);
}

/**
 * br_chart_view_click:
 *
 * What a click at @x, @y does: on a legend entry, hides or shows its series.
 *
 * Returns: %TRUE if the click toggled a series
 */
gboolean
br_chart_view_click (BrChartView *self,
                     double       x,
                     double       y)
{
  BrChartLayout *layout;
  const char *key;

  g_return_val_if_fail (BR_IS_CHART_VIEW (self), FALSE);

  layout = br_chart_view_ensure_layout (self);
  key = layout != NULL ? br_chart_layout_hit_legend (layout, x, y) : NULL;
  if (key == NULL)
    return FALSE;

  toggle_series (self, key);
  return TRUE;
}

/* Hides the series of legend entry @key, or shows it again. */
static void
toggle_series (BrChartView *self,
               const char  *key)
{
  g_autofree char *copy = g_strdup (key);  /* the layout that holds it may go */

  br_chart_options_set_hidden (self->options, copy, !br_chart_options_get_hidden (self->options, copy));
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
}

/**
 * br_chart_view_dup_hidden:
 *
 * Returns: (transfer full): the legend keys of the series hidden by a click
 */
GStrv
br_chart_view_dup_hidden (BrChartView *self)
{
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  GArray *legend;

  g_return_val_if_fail (BR_IS_CHART_VIEW (self), NULL);

  legend = self->layout != NULL ? br_chart_layout_get_legend (self->layout) : NULL;
  for (guint i = 0; legend != NULL && i < legend->len; i++)
    {
      const BrLegendEntry *entry = &g_array_index (legend, BrLegendEntry, i);

      if (br_chart_options_get_hidden (self->options, entry->key))
        g_strv_builder_add (hidden, entry->key);
    }

  return g_strv_builder_end (hidden);
}

/**
 * br_chart_view_select_mark:
 * @index: a mark of the current layout, or -1
 *
 * Walks the keyboard selection to the mark @index, with the same readout as a hover.
 */
void
br_chart_view_select_mark (BrChartView *self,
                           int          index)
{
  BrChartLayout *layout;

  g_return_if_fail (BR_IS_CHART_VIEW (self));

  layout = br_chart_view_ensure_layout (self);
  g_return_if_fail (index < 0 || (layout != NULL && (guint)index < br_chart_layout_get_n_marks (layout)));

  set_highlight (self, -1, index);
}

/**
 * br_chart_view_render_texture:
 * @scale: device pixels per unit
 * @vision: how to show the colours
 *
 * Draws the chart as the view shows it, at any size, into a texture: for the
 * clipboard, and for the colour-vision previews of charts not on screen.
 *
 * Returns: (transfer full) (nullable): the image
 */
GdkTexture *
br_chart_view_render_texture (BrChartView   *self,
                              int            width,
                              int            height,
                              int            scale,
                              BrColorVision  vision)
{
  g_autoptr(BrChartLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *image;
  int stride;

  g_return_val_if_fail (BR_IS_CHART_VIEW (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  if (self->dataset == NULL)
    return NULL;

  image = draw_image (self->dataset, self->options, width, height, scale, vision, &layout);
  stride = cairo_image_surface_get_stride (image);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (image),
                                      (gsize)stride * height * scale,
                                      (GDestroyNotify)cairo_surface_destroy, image);

  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes, stride);
}
