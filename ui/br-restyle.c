/* br-restyle.c: styles worked out ahead of the frame, a slice at a time
 *
 * GTK 4.8 works out the style of every widget whose style a change made stale in the
 * next frame, all at once: after a light/dark switch, every widget of the window (some
 * 5,000 with the data table's "All figures", most of them the rows GTK 4.8's list views
 * build past what is on screen); after rows come, each of their cells. Asked for a
 * widget's style, GTK works it out there and then. So a source that runs before the
 * frame (its priority is above GDK_PRIORITY_REDRAW) asks for the style of each shown
 * widget, a few milliseconds at a time; the frame then finds them done. Meanwhile the
 * window keeps its last frame, and input is still handled between the slices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-restyle"

#include "config.h"

#include "br-restyle-private.h"

/* above the frame clock's GDK_PRIORITY_REDRAW (G_PRIORITY_HIGH_IDLE + 20) */
#define RESTYLE_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)
#define SLICE_US         (6 * 1000)
/* a window that keeps changing its styles is left to the frame */
#define MAX_SLICES       64

typedef struct
{
  GtkWidget *widget;
  guint      source;
  guint      delay_source;
  guint      n_slices;
} Restyle;

static GQuark
restyle_quark (void)
{
  return g_quark_from_static_string ("br-restyle");
}

static void
restyle_free (Restyle *restyle)
{
  g_clear_handle_id (&restyle->source, g_source_remove);
  g_clear_handle_id (&restyle->delay_source, g_source_remove);
  g_free (restyle);
}

static Restyle *
get_restyle (GtkWidget *widget)
{
  Restyle *restyle = g_object_get_qdata (G_OBJECT (widget), restyle_quark ());

  if (restyle == NULL)
    {
      restyle = g_new0 (Restyle, 1);
      restyle->widget = widget;
      g_object_set_qdata_full (G_OBJECT (widget), restyle_quark (), restyle,
                               (GDestroyNotify)restyle_free);
    }

  return restyle;
}

/* The style of @widget and its shown descendants, until @deadline: FALSE if it came
 * first. Hidden widgets are not styled by GTK either, until they are shown. A style
 * already worked out costs only the asking. */
static gboolean
style_widgets (GtkWidget *widget,
               gint64     deadline,
               guint     *n)
{
  GdkRGBA color;

  if (!gtk_widget_get_visible (widget))
    return TRUE;

  /* GTK 4.8 has no other call that works a widget's style out on its own */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  if (++*n % 32 == 0 && g_get_monotonic_time () > deadline)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!style_widgets (child, deadline, n))
        return FALSE;
    }

  return TRUE;
}

/* one slice; each starts again from the top, where the styles are done by now */
static gboolean
restyle_cb (gpointer data)
{
  Restyle *restyle = data;
  guint n = 0;

  if (style_widgets (restyle->widget, g_get_monotonic_time () + SLICE_US, &n)
      || ++restyle->n_slices >= MAX_SLICES)
    {
      restyle->source = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * br_restyle_ahead:
 * @widget: a widget whose styles, or its descendants', have gone stale
 *
 * Works out the styles of @widget and its shown descendants before the next frame,
 * a slice of a few milliseconds in each main-loop dispatch.
 */
void
br_restyle_ahead (GtkWidget *widget)
{
  Restyle *restyle;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  restyle = get_restyle (widget);
  restyle->n_slices = 0;
  if (restyle->source == 0)
    restyle->source = g_idle_add_full (RESTYLE_PRIORITY, restyle_cb, restyle, NULL);
}

static gboolean
delayed_cb (gpointer data)
{
  Restyle *restyle = data;

  restyle->delay_source = 0;
  br_restyle_ahead (restyle->widget);

  return G_SOURCE_REMOVE;
}

/**
 * br_restyle_ahead_after:
 * @delay_ms: when the styles will go stale
 *
 * As br_restyle_ahead(), in @delay_ms: at a priority that lets a source made just
 * before with the same delay (one that changes the styles) run first, and that runs
 * before the frame that change asks for.
 */
void
br_restyle_ahead_after (GtkWidget *widget,
                        guint      delay_ms)
{
  Restyle *restyle;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (delay_ms > 0);

  restyle = get_restyle (widget);
  g_clear_handle_id (&restyle->delay_source, g_source_remove);
  restyle->delay_source = g_timeout_add_full (RESTYLE_PRIORITY, delay_ms, delayed_cb, restyle,
                                              NULL);
}

/**
 * br_restyle_get_pending:
 *
 * Returns: whether styles of @widget's are still being worked out ahead of the frame
 */
gboolean
br_restyle_get_pending (GtkWidget *widget)
{
  Restyle *restyle;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  restyle = g_object_get_qdata (G_OBJECT (widget), restyle_quark ());
  return restyle != NULL && restyle->source != 0;
}
