/* br-presentation-console.c
 *
 * What the presenter sees on the laptop while the slides show on the projector, as a
 * presenter console gives it: the current slide, the next one, the time since the start
 * and the time of day, and the speaker notes the deck writes for each slide. Keys typed
 * here drive the presentation as they do in its own window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "br-presentation-console-private.h"

struct _BrPresentationConsole
{
  GtkWindow         parent_instance;

  GtkWindow        *presentation;   /* weak */
  BrConsoleKeyFunc  key_func;
  BrDeck           *deck;
  BrSlideView      *current;
  BrSlideView      *next;
  GtkAspectFrame   *current_frame;
  GtkAspectFrame   *next_frame;
  GtkLabel         *current_heading;
  GtkLabel         *elapsed;
  GtkLabel         *clock;
  GtkLabel         *notes;
  gint64            start;
  guint             tick;
};

G_DEFINE_FINAL_TYPE (BrPresentationConsole, br_presentation_console, GTK_TYPE_WINDOW)

static void
update_times (BrPresentationConsole *self)
{
  gint64 seconds = MAX (0, (g_get_monotonic_time () - self->start) / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *elapsed = NULL, *clock = NULL;

  elapsed = g_strdup_printf ("%u:%02u:%02u", (guint)(seconds / 3600), (guint)(seconds / 60 % 60),
                             (guint)(seconds % 60));
  clock = g_date_time_format (now, "%H:%M");
  gtk_label_set_text (self->elapsed, elapsed);
  gtk_label_set_text (self->clock, clock);
}

static gboolean
tick_cb (gpointer data)
{
  update_times (data);

  return G_SOURCE_CONTINUE;
}

/**
 * br_presentation_console_show_slide:
 *
 * Shows slide @slide, the one after it and its notes.
 */
void
br_presentation_console_show_slide (BrPresentationConsole *self,
                                    guint                  slide)
{
  guint n;
  g_autofree char *heading = NULL;

  g_return_if_fail (BR_IS_PRESENTATION_CONSOLE (self));

  n = br_deck_get_n_slides (self->deck);
  slide = MIN (slide, n - 1);
  br_slide_view_set_slide (self->current, slide);
  gtk_widget_set_visible (GTK_WIDGET (self->next_frame), slide + 1 < n);
  if (slide + 1 < n)
    br_slide_view_set_slide (self->next, slide + 1);

  /* TRANSLATORS: above the current slide in the presenter view: "Slide 3 of 8" */
  heading = g_strdup_printf (_("Slide %u of %u"), slide + 1, n);
  gtk_label_set_text (self->current_heading, heading);
  gtk_label_set_text (self->notes, br_deck_get_notes (self->deck, slide));
}

/* When the presentation started, in g_get_monotonic_time()'s microseconds */
void
br_presentation_console_set_start (BrPresentationConsole *self,
                                   gint64                 start)
{
  g_return_if_fail (BR_IS_PRESENTATION_CONSOLE (self));

  self->start = start;
  update_times (self);
}

static gboolean
key_pressed_cb (BrPresentationConsole *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (self->presentation == NULL)
    return FALSE;

  return self->key_func (self->presentation, keyval, state);
}

static void
br_presentation_console_dispose (GObject *object)
{
  BrPresentationConsole *self = BR_PRESENTATION_CONSOLE (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  g_clear_weak_pointer (&self->presentation);

  G_OBJECT_CLASS (br_presentation_console_parent_class)->dispose (object);
}

static void
br_presentation_console_finalize (GObject *object)
{
  BrPresentationConsole *self = BR_PRESENTATION_CONSOLE (object);

  g_clear_pointer (&self->deck, br_deck_unref);

  G_OBJECT_CLASS (br_presentation_console_parent_class)->finalize (object);
}

static void
br_presentation_console_class_init (BrPresentationConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = br_presentation_console_dispose;
  object_class->finalize = br_presentation_console_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/burnrate/Burnrate/ui/br-presentation-console.ui");
  gtk_widget_class_bind_template_child (widget_class, BrPresentationConsole, current_frame);
  gtk_widget_class_bind_template_child (widget_class, BrPresentationConsole, next_frame);
  gtk_widget_class_bind_template_child (widget_class, BrPresentationConsole, current_heading);
  gtk_widget_class_bind_template_child (widget_class, BrPresentationConsole, elapsed);
  gtk_widget_class_bind_template_child (widget_class, BrPresentationConsole, clock);
  gtk_widget_class_bind_template_child (widget_class, BrPresentationConsole, notes);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
}

static void
br_presentation_console_init (BrPresentationConsole *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->start = g_get_monotonic_time ();
}

/**
 * br_presentation_console_new:
 * @presentation: the presentation window it follows; its keys go to @key_func with it
 *
 * Returns: (transfer floating): the presenter view of @deck
 */
BrPresentationConsole *
br_presentation_console_new (GtkWindow        *presentation,
                             BrDeck           *deck,
                             BrConsoleKeyFunc  key_func)
{
  BrPresentationConsole *self;

  g_return_val_if_fail (GTK_IS_WINDOW (presentation), NULL);
  g_return_val_if_fail (deck != NULL && key_func != NULL, NULL);

  self = g_object_new (BR_TYPE_PRESENTATION_CONSOLE,
                       "application", gtk_window_get_application (presentation),
                       NULL);
  g_set_weak_pointer (&self->presentation, presentation);
  self->key_func = key_func;
  self->deck = br_deck_ref (deck);
  self->current = BR_SLIDE_VIEW (br_slide_view_new (deck));
  self->next = BR_SLIDE_VIEW (br_slide_view_new (deck));
  /* the presentation's own slide has the focus a screen reader follows */
  gtk_widget_set_focusable (GTK_WIDGET (self->next), FALSE);
  br_slide_view_set_preview (self->current, TRUE);
  br_slide_view_set_preview (self->next, TRUE);
  gtk_aspect_frame_set_child (self->current_frame, GTK_WIDGET (self->current));
  gtk_aspect_frame_set_child (self->next_frame, GTK_WIDGET (self->next));
  br_presentation_console_show_slide (self, 0);
  update_times (self);
  self->tick = g_timeout_add_seconds (1, tick_cb, self);

  return self;
}

BrSlideView *
br_presentation_console_get_current (BrPresentationConsole *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION_CONSOLE (self), NULL);

  return self->current;
}

BrSlideView *
br_presentation_console_get_next (BrPresentationConsole *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION_CONSOLE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->next_frame)) ? self->next : NULL;
}

const char *
br_presentation_console_get_notes (BrPresentationConsole *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION_CONSOLE (self), NULL);

  return gtk_label_get_text (self->notes);
}

const char *
br_presentation_console_get_elapsed (BrPresentationConsole *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION_CONSOLE (self), NULL);

  return gtk_label_get_text (self->elapsed);
}

const char *
br_presentation_console_get_clock (BrPresentationConsole *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION_CONSOLE (self), NULL);

  return gtk_label_get_text (self->clock);
}
