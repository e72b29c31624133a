/* br-test-window.h: waiting on the real window's main loop in the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* A handler for any signal whose only argument is its instance: sets *@flag */
static inline void
br_test_flag_cb (gpointer  instance,
                 gboolean *flag)
{
  *flag = TRUE;
}

/* Runs the main loop until *@flag is set; fails the test after @timeout_us */
static inline void
br_test_iterate_until (gboolean *flag,
                       gint64    timeout_us)
{
  gint64 end = g_get_monotonic_time () + timeout_us;

  while (!*flag && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (*flag);
}

/* Runs the main loop until @widget's window has painted a frame after everything
 * queued so far; fails the test after @timeout_us */
static inline void
br_test_wait_for_frame (gpointer widget,
                        gint64   timeout_us)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (widget));
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (br_test_flag_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (widget));
  br_test_iterate_until (&painted, timeout_us);
  g_signal_handler_disconnect (clock, id);
}

static inline void
br_test_read_text_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

/* Reads @clipboard's text as another application would, running the main loop until
 * it comes; fails the test if it cannot be read */
static inline char *
br_test_read_clipboard (GdkClipboard *clipboard)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, br_test_read_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}
