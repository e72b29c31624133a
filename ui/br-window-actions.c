/* br-window-actions.c: what the window's menu, buttons and shortcuts do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-window"

#include "config.h"

#include <glib/gi18n.h>

#include "br-export-dialog.h"
#include "br-presentation.h"
#include "br-window-private.h"

#define MAX_RECENT 4

static void
chooser_response_cb (BrWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    br_window_open (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BrWindow *self = BR_WINDOW (widget);
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open a Dataset"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (json, _("Datasets (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_mime_type (json, "application/x-burnrate-dataset");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  br_window_open (BR_WINDOW (widget), file);
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  br_window_open_bundled (BR_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  br_document_reload (br_window_get_document (BR_WINDOW (widget)));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BrWindow *self = BR_WINDOW (widget);
  BrDataset *dataset = br_document_get_dataset (self->document);
  BrChartView *view = br_window_get_visible_chart_view (self);
  BrExportDialog *dialog;

  if (dataset == NULL)
    return;

  dialog = br_export_dialog_new (GTK_WINDOW (self), dataset, br_document_get_file (self->document),
                                 br_chart_view_get_options (view));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BrWindow *self = BR_WINDOW (widget);
  BrChartView *view = br_window_get_visible_chart_view (self);
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (view)), 640);
  int height = MAX (gtk_widget_get_height (GTK_WIDGET (view)), 360);
  g_autoptr(GdkTexture) texture = NULL;

  texture = br_chart_view_render_texture (view, width, height,
                                          gtk_widget_get_scale_factor (GTK_WIDGET (view)),
                                          BR_COLOR_VISION_NORMAL);
  if (texture == NULL)
    return;

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  br_window_show_toast (self, br_window_new_toast (_("Chart copied as an image")));
}

static void
table_copied_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BrWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  int n_rows;

  n_rows = br_data_table_copy_finish (BR_DATA_TABLE (object), result, &error);
  if (n_rows < 0)
    {
      g_warning ("Could not copy the table: %s", error->message);
      return;
    }
  if (n_rows == (int)br_data_table_get_n_rows (BR_DATA_TABLE (object)))
    {
      br_window_show_toast (self, br_window_new_toast (_("Table copied as CSV")));
      return;
    }
  count = br_chart_format_count (n_rows);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row copied as CSV",
                                       "%s rows copied as CSV", n_rows), count);
  br_window_show_toast (self, br_window_new_toast (text));
}

static void
copy_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BrWindow *self = BR_WINDOW (widget);
  BrChartView *view = br_window_get_visible_chart_view (self);
  BrChartLayout *layout = br_data_table_get_all_figures (self->data_table)
                            ? NULL : br_chart_view_ensure_layout (view);

  /* the same CSV as the export writes, so a pasted table and a file agree */
  br_data_table_copy_async (self->data_table, layout,
                            br_chart_options_get_language (br_chart_view_get_options (view)),
                            table_copied_cb, g_object_ref (self));
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BrWindow *self = BR_WINDOW (widget);
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  if (self->problems != NULL)
    {
      for (guint i = 0; i < self->problems->len; i++)
        {
          g_autofree char *line = br_problem_to_string (g_ptr_array_index (self->problems, i));

          g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", line);
        }
    }
  else if (self->problem_summary != NULL)
    {
      g_string_append (body, self->problem_summary);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The Dataset Did Not Load"), NULL));
  /* problems quote the file: plain text, never markup */
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_set_body (dialog, body->str);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dismiss_problems_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BrWindow *self = BR_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static void
show_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = br_window_new_toast (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 8);
  br_window_show_toast (BR_WINDOW (widget), toast);
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the exported file: %s", error->message);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), context, NULL,
                                           launched_cb, NULL);
}

static void
sort_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  br_data_table_sort (BR_WINDOW (widget)->data_table, g_variant_get_string (parameter, NULL));
}

static void
toggle_pane_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BrWindow *self = BR_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = (GtkRecentInfo *)a;
  GtkRecentInfo *info_b = (GtkRecentInfo *)b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static char *
escape_underscores (const char *label)
{
  g_auto(GStrv) parts = g_strsplit (label, "_", -1);

  return g_strjoinv ("__", parts);
}

/* The menu's Recent section: the datasets this application opened, newest first; not
 * the files it exported, which the save dialog adds to the same list. */
void
_br_window_update_recent (BrWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  const char *app_name = g_get_application_name ();
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (app_name == NULL || !gtk_recent_info_has_application (info, app_name)
          || !g_content_type_is_a (gtk_recent_info_get_mime_type (info), "application/json")
          || !gtk_recent_info_exists (info))
        continue;

      label = escape_underscores (gtk_recent_info_get_display_name (info));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_section, item);
      n++;
    }

  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

/* The monitor to present on by default: another than the window's, as when a laptop
 * drives a projector; the window's own when it is the only one. */
static GdkMonitor *
default_monitor (BrWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *own = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != own)
        return monitor;
    }

  return own;
}

static void
presentation_destroyed_cb (BrWindow  *self,
                           GtkWidget *presentation)
{
  /* back to exactly where the user was */
  gtk_window_present (GTK_WINDOW (self));
}

static void
present_on (BrWindow   *self,
            GdkMonitor *monitor)
{
  BrChartView *view = br_window_get_visible_chart_view (self);
  BrDataset *dataset = br_chart_view_get_dataset (view);
  g_autoptr(BrDeck) deck = NULL;
  BrPresentation *presentation;

  if (dataset == NULL)
    return;

  if (self->presentation != NULL)
    {
      gtk_window_present (self->presentation);
      return;
    }

  deck = br_deck_new (dataset, br_chart_view_get_options (view), NULL);
  presentation = br_presentation_new (GTK_WINDOW (self), deck,
                                      br_deck_find_chart (deck, br_chart_view_get_kind (view)));
  g_set_weak_pointer (&self->presentation, GTK_WINDOW (presentation));
  g_signal_connect_object (presentation, "destroy", G_CALLBACK (presentation_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  br_presentation_start (presentation, monitor);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BrWindow *self = BR_WINDOW (widget);

  present_on (self, default_monitor (self));
}

static void
present_on_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BrWindow *self = BR_WINDOW (widget);
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (widget));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, g_variant_get_uint32 (parameter));

  if (monitor != NULL)
    present_on (self, monitor);
}

/* One "Present On" item a monitor, named by its connector and size. */
void
_br_window_update_monitors (BrWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  g_menu_remove_all (self->monitor_section);
  /* with one monitor, Present says it all */
  for (guint i = 0; g_list_model_get_n_items (monitors) > 1 && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;
      const char *connector = gdk_monitor_get_connector (monitor);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      /* TRANSLATORS: a monitor to present on: its number, connector and size, e.g.
       * "Monitor 2 (HDMI-1, 1920×1080)" */
      label = g_strdup_printf (_("Monitor %u (%s, %d×%d)"), i + 1,
                               connector != NULL ? connector : _("unknown connector"),
                               geometry.width, geometry.height);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.present-on",
                                               g_variant_new_uint32 (i));
      g_menu_append_item (self->monitor_section, item);
    }
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  br_document_cancel (br_window_get_document (BR_WINDOW (widget)));
}

void
_br_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-on", "u", present_on_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.copy-table", NULL, copy_table_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL,
                                   dismiss_problems_action);
  gtk_widget_class_install_action (widget_class, "win.show-exported", "s", show_exported_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-pane", NULL, toggle_pane_action);
  gtk_widget_class_install_action (widget_class, "win.sort-table", "s", sort_table_action);

  /* bubble phase, unlike application accels: a focused text widget copies its own text */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "win.copy-image", NULL);
}
