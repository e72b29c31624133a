/* br-slide-view.c
 *
 * The slide is drawn by br_deck_draw_slide(), the same call as the exported deck, and
 * hover on a chart slide answers from the layout that draw returned, as in the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-slide-view"

#include "config.h"

#include <glib/gi18n.h>

#include "br-readout.h"

#include "br-slide-view-private.h"


struct _BrSlideView
{
  GtkWidget      parent_instance;

  BrDeck        *deck;
  BrChartLayout *layout;
  guint          slide;
  gboolean       blank;
  gboolean       preview;
  int            hover;
  char          *readout_text;
  GtkLabel      *readout;
};

G_DEFINE_FINAL_TYPE (BrSlideView, br_slide_view, GTK_TYPE_WIDGET)

static void
set_hover (BrSlideView *self,
           int          hover)
{
  const BrChartOptions *options = br_deck_get_slide_options (self->deck, self->slide);
  const BrChartMark *mark;

  if (hover == self->hover)
    return;

  self->hover = hover;
  g_clear_pointer (&self->readout_text, g_free);

  if (hover >= 0 && self->layout != NULL)
    {
      mark = br_chart_layout_get_mark (self->layout, hover);
      self->readout_text = br_chart_mark_describe (mark,
                                                   br_chart_options_get_language (options));
      gtk_label_set_text (self->readout, self->readout_text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->readout), self->readout_text != NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What a screen reader says of the slide: "Slide 3 of 8: title", and its description
 * in words, the same key figures the chart view gives */
static void
update_accessible (BrSlideView *self)
{
  g_autofree char *name = NULL;
  const char *description;

  if (self->blank)
    {
      /* TRANSLATORS: the accessible name of the presentation while the screen is blanked */
      name = g_strdup (_("Blank screen"));
      description = "";
    }
  else
    {
      /* TRANSLATORS: the accessible name of a slide: "Slide 3 of 8: Net losses" */
      name = g_strdup_printf (_("Slide %u of %u: %s"), self->slide + 1,
                              br_deck_get_n_slides (self->deck),
                              br_deck_get_slide_title (self->deck, self->slide));
      description = br_deck_get_slide_description (self->deck, self->slide);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
br_slide_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BrSlideView *self = BR_SLIDE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GdkRGBA black = { 0, 0, 0, 1 };
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  if (self->blank)
    {
      gtk_snapshot_append_color (snapshot, &black, &bounds);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  g_clear_pointer (&self->layout, br_chart_layout_unref);
  if (self->preview)
    {
      /* the slide as the room sees it, at 1080p, made small */
      double scale = MIN (width / 1920., height / 1080.);

      cairo_scale (cr, scale, scale);
      self->layout = br_deck_draw_slide (self->deck, self->slide, cr, width / scale,
                                         height / scale);
    }
  else
    {
      self->layout = br_deck_draw_slide (self->deck, self->slide, cr, width, height);
    }
  if (self->layout != NULL)
    br_chart_layout_draw_highlight (self->layout, cr, self->hover);
  cairo_destroy (cr);

  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->readout), snapshot);
}

static void
br_slide_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BrSlideView *self = BR_SLIDE_VIEW (widget);
  const BrChartMark *mark;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->readout)) || self->layout == NULL ||
      self->hover < 0 || (guint)self->hover >= br_chart_layout_get_n_marks (self->layout))
    return;

  mark = br_chart_layout_get_mark (self->layout, self->hover);
  br_readout_allocate (GTK_WIDGET (self->readout), mark, width, height);
}

static void
motion_cb (BrSlideView              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  br_slide_view_point (self, x, y);
}

static void
leave_cb (BrSlideView              *self,
          GtkEventControllerMotion *controller)
{
  set_hover (self, -1);
}

static void
br_slide_view_dispose (GObject *object)
{
  BrSlideView *self = BR_SLIDE_VIEW (object);

  g_clear_pointer ((GtkWidget **)&self->readout, gtk_widget_unparent);

  G_OBJECT_CLASS (br_slide_view_parent_class)->dispose (object);
}

static void
br_slide_view_finalize (GObject *object)
{
  BrSlideView *self = BR_SLIDE_VIEW (object);

  g_clear_pointer (&self->layout, br_chart_layout_unref);
  g_clear_pointer (&self->deck, br_deck_unref);
  g_clear_pointer (&self->readout_text, g_free);

  G_OBJECT_CLASS (br_slide_view_parent_class)->finalize (object);
}

static void
br_slide_view_class_init (BrSlideViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = br_slide_view_dispose;
  object_class->finalize = br_slide_view_finalize;

  widget_class->snapshot = br_slide_view_snapshot;
  widget_class->size_allocate = br_slide_view_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "slideview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
br_slide_view_init (BrSlideView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover = -1;
  self->readout = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->readout, TRUE);
  gtk_label_set_wrap_mode (self->readout, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (self->readout, 46);
  gtk_label_set_xalign (self->readout, 0);
  gtk_widget_set_can_target (GTK_WIDGET (self->readout), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->readout), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->readout), "br-readout");
  gtk_widget_set_parent (GTK_WIDGET (self->readout), GTK_WIDGET (self));

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  /* the slide takes focus, so that a screen reader reads it as it changes */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
br_slide_view_new (BrDeck *deck)
{
  BrSlideView *self;

  g_return_val_if_fail (deck != NULL, NULL);

  self = g_object_new (BR_TYPE_SLIDE_VIEW, NULL);
  self->deck = br_deck_ref (deck);
  update_accessible (self);

  return GTK_WIDGET (self);
}

guint
br_slide_view_get_slide (BrSlideView *self)
{
  g_return_val_if_fail (BR_IS_SLIDE_VIEW (self), 0);

  return self->slide;
}

void
br_slide_view_set_slide (BrSlideView *self,
                         guint        slide)
{
  g_return_if_fail (BR_IS_SLIDE_VIEW (self));
  g_return_if_fail (slide < br_deck_get_n_slides (self->deck));

  if (slide == self->slide)
    return;

  set_hover (self, -1);
  self->slide = slide;
  g_clear_pointer (&self->layout, br_chart_layout_unref);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
br_slide_view_get_blank (BrSlideView *self)
{
  g_return_val_if_fail (BR_IS_SLIDE_VIEW (self), FALSE);

  return self->blank;
}

void
br_slide_view_set_blank (BrSlideView *self,
                         gboolean     blank)
{
  g_return_if_fail (BR_IS_SLIDE_VIEW (self));

  blank = !!blank;
  if (blank == self->blank)
    return;
  self->blank = blank;
  if (self->blank)
    set_hover (self, -1);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * br_slide_view_set_preview:
 *
 * Draws the slide as it is at 1920×1080, scaled to the widget, as the presenter view
 * shows it; a preview answers no hover.
 */
void
br_slide_view_set_preview (BrSlideView *self,
                           gboolean     preview)
{
  g_return_if_fail (BR_IS_SLIDE_VIEW (self));

  self->preview = !!preview;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * br_slide_view_get_layout:
 *
 * Returns: (nullable): the layout of the slide as last drawn
 */
BrChartLayout *
br_slide_view_get_layout (BrSlideView *self)
{
  g_return_val_if_fail (BR_IS_SLIDE_VIEW (self), NULL);

  return self->layout;
}

const char *
br_slide_view_get_readout (BrSlideView *self)
{
  g_return_val_if_fail (BR_IS_SLIDE_VIEW (self), NULL);

  return self->readout_text;
}

/* What the pointer at @x, @y points at: the same as a hover there. */
void
br_slide_view_point (BrSlideView *self,
                     double       x,
                     double       y)
{
  g_return_if_fail (BR_IS_SLIDE_VIEW (self));

  if (self->layout == NULL || self->blank || self->preview)
    return;

  set_hover (self, br_chart_layout_hit_test (self->layout, x, y));
}
