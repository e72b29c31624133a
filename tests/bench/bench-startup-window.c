/* bench-startup-window.c: burnrate-window, with a probe for the start-up benchmark
 *
 * The same program as app/br-window-main.c, plus one probe: once a frame holding a
 * chart has been painted, it prints the monotonic time as "first-frame T" and quits.
 * bench-startup.c starts it again and again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "br-application.h"
#include "br-chart-view-private.h"
#include "br-locale.h"

/* a chart view that the frame just painted drew a chart in */
static gboolean
shows_chart (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (BR_IS_CHART_VIEW (widget))
    return br_chart_view_get_dataset (BR_CHART_VIEW (widget)) != NULL
           && br_chart_view_is_drawn (BR_CHART_VIEW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_chart (child))
      return TRUE;

  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWidget     *window)
{
  if (!shows_chart (window))
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, window);
  /* the benchmark shares this clock */
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (g_application_get_default ());
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BrApplication) app = NULL;

  br_locale_init ();
  g_set_application_name (_("Burnrate"));
  app = br_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
