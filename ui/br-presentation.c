/* br-presentation.c
 *
 * A window of its own, full screen on the monitor the presenter picks, showing one
 * slide and nothing else. The main window stays as it was, so leaving goes back to
 * exactly where the user was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-presentation"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "br-presentation-console.h"
#include "br-presentation-private.h"

#define POINTER_HIDE_MS 2000
#define COUNTER_FADE_MS 1500

struct _BrPresentation
{
  GtkWindow    parent_instance;

  BrDeck      *deck;
  BrSlideView *view;
  GtkOverlay  *overlay;
  GtkLabel    *counter;
  GString     *typed;        /* digits typed before Enter, to jump to a slide */
  BrPresentationConsole *console;  /* the presenter view, once asked for */
  gint64       start;
  guint        pointer_timeout;
  guint        counter_timeout;
  double       last_x, last_y;
};

G_DEFINE_FINAL_TYPE (BrPresentation, br_presentation, GTK_TYPE_WINDOW)

static gboolean
hide_pointer_cb (gpointer data)
{
  BrPresentation *self = data;

  self->pointer_timeout = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");

  return G_SOURCE_REMOVE;
}

static void
restart_pointer_timeout (BrPresentation *self)
{
  g_clear_handle_id (&self->pointer_timeout, g_source_remove);
  self->pointer_timeout = g_timeout_add (POINTER_HIDE_MS, hide_pointer_cb, self);
}

static gboolean
fade_counter_cb (gpointer data)
{
  BrPresentation *self = data;

  self->counter_timeout = 0;
  gtk_widget_add_css_class (GTK_WIDGET (self->counter), "faded");

  return G_SOURCE_REMOVE;
}

static void
show_counter (BrPresentation *self)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: the slide counter in presentation mode: "3 / 6" */
  text = g_strdup_printf (_("%u / %u"), br_slide_view_get_slide (self->view) + 1,
                          br_deck_get_n_slides (self->deck));
  gtk_label_set_text (self->counter, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->counter), "faded");
  g_clear_handle_id (&self->counter_timeout, g_source_remove);
  self->counter_timeout = g_timeout_add (COUNTER_FADE_MS, fade_counter_cb, self);
}

/**
 * br_presentation_go_to:
 *
 * Shows slide @slide, clamped to the deck, and leaves blanking.
 */
void
br_presentation_go_to (BrPresentation *self,
                       guint           slide)
{
  g_return_if_fail (BR_IS_PRESENTATION (self));

  slide = MIN (slide, br_deck_get_n_slides (self->deck) - 1);
  br_slide_view_set_blank (self->view, FALSE);
  br_slide_view_set_slide (self->view, slide);
  if (self->console != NULL)
    br_presentation_console_show_slide (self->console, slide);
  show_counter (self);
}

/**
 * br_presentation_show_console:
 * @monitor: (nullable): where to show it full screen; %NULL over the slides, on the
 *   same screen, when there is only one
 *
 * Shows the presenter view, or hides it when @show is %FALSE.
 */
static void
br_presentation_show_console (BrPresentation *self,
                              gboolean        show,
                              GdkMonitor     *monitor)
{
  g_return_if_fail (BR_IS_PRESENTATION (self));

  if (!show)
    {
      if (self->console != NULL)
        gtk_widget_set_visible (GTK_WIDGET (self->console), FALSE);
      gtk_window_present (GTK_WINDOW (self));
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
      return;
    }

  if (self->console == NULL)
    {
      self->console = br_presentation_console_new (GTK_WINDOW (self), self->deck,
                                                   (BrConsoleKeyFunc)br_presentation_handle_key);
      g_object_ref_sink (self->console);
      br_presentation_console_set_start (self->console, self->start);
      br_presentation_console_show_slide (self->console, br_slide_view_get_slide (self->view));
    }
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->console), monitor);
  else
    gtk_window_maximize (GTK_WINDOW (self->console));
  gtk_window_present (GTK_WINDOW (self->console));
}

/* Returns: (nullable): the presenter view while it is shown */
BrPresentationConsole *
br_presentation_get_console (BrPresentation *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION (self), NULL);

  if (self->console == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->console)))
    return NULL;

  return self->console;
}

static void
step (BrPresentation *self,
      int             delta)
{
  guint slide = br_slide_view_get_slide (self->view);

  if (delta < 0 && slide == 0)
    return;

  br_presentation_go_to (self, slide + delta);
}

static void
toggle_blank (BrPresentation *self)
{
  br_slide_view_set_blank (self->view, !br_slide_view_get_blank (self->view));
}

static gboolean
jump_to_typed (BrPresentation *self)
{
  guint64 number;

  if (self->typed->len == 0)
    return FALSE;

  if (g_ascii_string_to_unsigned (self->typed->str, 10, 1, G_MAXUINT, &number, NULL))
    br_presentation_go_to (self, (guint)number - 1);
  g_string_truncate (self->typed, 0);

  return TRUE;
}

/**
 * br_presentation_handle_key:
 *
 * What a key does in presentation mode: Right, Down, Page Down and Space go on (the
 * keys clickers send), Left, Up, Page Up and Backspace go back, Home and End to the
 * ends, digits then Enter jump, B or “.” blank the screen, S shows or hides the
 * presenter view, Escape leaves. The presenter view's keys come here too.
 *
 * Returns: whether the key did something
 */
gboolean
br_presentation_handle_key (BrPresentation  *self,
                            guint            keyval,
                            GdkModifierType  state)
{
  g_return_val_if_fail (BR_IS_PRESENTATION (self), FALSE);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    {
      g_string_append_c (self->typed, '0' + (keyval - GDK_KEY_0));
      return TRUE;
    }
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    {
      g_string_append_c (self->typed, '0' + (keyval - GDK_KEY_KP_0));
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (!jump_to_typed (self))
        step (self, 1);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_n:
      step (self, 1);
      break;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_p:
      step (self, -1);
      break;

    case GDK_KEY_Home:
      br_presentation_go_to (self, 0);
      break;

    case GDK_KEY_End:
      br_presentation_go_to (self, br_deck_get_n_slides (self->deck) - 1);
      break;

    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
    case GDK_KEY_KP_Decimal:
      toggle_blank (self);
      break;

    case GDK_KEY_s:
    case GDK_KEY_S:
      br_presentation_show_console (self, br_presentation_get_console (self) == NULL, NULL);
      break;

    case GDK_KEY_Escape:
      /* self is gone after this */
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;

    default:
      return FALSE;
    }

  g_string_truncate (self->typed, 0);
  return TRUE;
}

static gboolean
key_pressed_cb (BrPresentation        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  return br_presentation_handle_key (self, keyval, state);
}

static void
motion_cb (BrPresentation           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  /* synthetic motion after a redraw does not wake the pointer */
  if (x == self->last_x && y == self->last_y)
    return;

  self->last_x = x;
  self->last_y = y;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  restart_pointer_timeout (self);
}

static void
released_cb (BrPresentation  *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  step (self, button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static void
br_presentation_dispose (GObject *object)
{
  BrPresentation *self = BR_PRESENTATION (object);

  g_clear_handle_id (&self->pointer_timeout, g_source_remove);
  g_clear_handle_id (&self->counter_timeout, g_source_remove);
  if (self->console != NULL)
    gtk_window_destroy (GTK_WINDOW (self->console));
  g_clear_object (&self->console);

  G_OBJECT_CLASS (br_presentation_parent_class)->dispose (object);
}

static void
br_presentation_finalize (GObject *object)
{
  BrPresentation *self = BR_PRESENTATION (object);

  g_clear_pointer (&self->deck, br_deck_unref);
  g_string_free (self->typed, TRUE);

  G_OBJECT_CLASS (br_presentation_parent_class)->finalize (object);
}

static void
br_presentation_class_init (BrPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = br_presentation_dispose;
  object_class->finalize = br_presentation_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/burnrate/Burnrate/ui/br-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, BrPresentation, overlay);
  gtk_widget_class_bind_template_child (widget_class, BrPresentation, counter);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, released_cb);
}

static void
br_presentation_init (BrPresentation *self)
{
  self->typed = g_string_new (NULL);
  self->last_x = self->last_y = -1;
  self->start = g_get_monotonic_time ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "br-presentation");
}

static void
dark_changed_cb (BrPresentation  *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  br_deck_set_theme (self->deck, adw_style_manager_get_dark (style_manager) ? BR_THEME_DARK
                                                                            : BR_THEME_LIGHT);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

/**
 * br_presentation_new:
 * @parent: the main window, which stays as it is
 * @first_slide: the slide to start on, usually the chart the user was looking at
 */
BrPresentation *
br_presentation_new (GtkWindow *parent,
                     BrDeck    *deck,
                     guint      first_slide)
{
  BrPresentation *self;

  g_return_val_if_fail (deck != NULL, NULL);

  self = g_object_new (BR_TYPE_PRESENTATION,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->deck = br_deck_ref (deck);
  self->view = BR_SLIDE_VIEW (br_slide_view_new (deck));
  /* the slides follow the system's light or dark style, as the window's charts do */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  dark_changed_cb (self, NULL, adw_style_manager_get_default ());
  gtk_overlay_set_child (self->overlay, GTK_WIDGET (self->view));
  br_presentation_go_to (self, first_slide);

  return self;
}

/**
 * br_presentation_start:
 * @monitor: (nullable): where to present; %NULL lets the window system choose
 */
void
br_presentation_start (BrPresentation *self,
                       GdkMonitor     *monitor)
{
  GdkRectangle geometry;

  g_return_if_fail (BR_IS_PRESENTATION (self));

  /* the monitor's size up front, for window managers (or none) slow to fullscreen */
  if (monitor == NULL)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
      g_autoptr(GdkMonitor) first = g_list_model_get_item (monitors, 0);

      if (first != NULL)
        {
          gdk_monitor_get_geometry (first, &geometry);
          gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
        }
    }
  else
    {
      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
    }

  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  restart_pointer_timeout (self);
  self->start = g_get_monotonic_time ();

  /* with a second monitor, the presenter view opens on it */
  if (monitor != NULL)
    {
      GdkMonitor *other = br_presentation_other_monitor (gtk_widget_get_display (GTK_WIDGET (self)),
                                                         monitor);

      if (other != NULL)
        br_presentation_show_console (self, TRUE, other);
    }
}

/**
 * br_presentation_other_monitor:
 *
 * Returns: (transfer none) (nullable): the first monitor of @display that is not
 *   @presenting, for the presenter view
 */
GdkMonitor *
br_presentation_other_monitor (GdkDisplay *display,
                               GdkMonitor *presenting)
{
  GListModel *monitors = gdk_display_get_monitors (display);

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != presenting)
        return monitor;
    }

  return NULL;
}

guint
br_presentation_get_slide (BrPresentation *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION (self), 0);

  return br_slide_view_get_slide (self->view);
}

gboolean
br_presentation_get_blank (BrPresentation *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION (self), FALSE);

  return br_slide_view_get_blank (self->view);
}

BrDeck *
br_presentation_get_deck (BrPresentation *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION (self), NULL);

  return self->deck;
}

BrSlideView *
br_presentation_get_view (BrPresentation *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION (self), NULL);

  return self->view;
}

const char *
br_presentation_get_counter (BrPresentation *self)
{
  g_return_val_if_fail (BR_IS_PRESENTATION (self), NULL);

  return gtk_label_get_text (self->counter);
}
