/* br-export-dialog.c: the chart shown, written as PNG, PDF, SVG or CSV
 *
 * The dialog only gathers choices: the writing is br_export_chart(), the same code the
 * headless --export runs, on a worker thread. It writes to a temporary file renamed
 * into place, so a failed export leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-export-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "br-export-dialog-private.h"

struct _BrExportDialog
{
  AdwWindow             parent_instance;

  BrDataset            *dataset;
  BrChartOptions       *options;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;

  AdwComboRow          *format_row;
  AdwComboRow          *size_row;
  AdwComboRow          *theme_row;
  AdwActionRow         *width_row;
  AdwActionRow         *height_row;
  AdwActionRow         *scale_row;
  AdwActionRow         *transparent_row;
  AdwActionRow         *slides_row;
  GtkSwitch            *slides_switch;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  GtkSpinButton        *scale_spin;
  GtkSwitch            *transparent_switch;
  GtkWidget            *export_button;

  GFile                *source;
};

typedef struct
{
  BrDataset      *dataset;
  BrChartOptions *options;
  BrExportFormat  format;
  char           *path;
  char           *source;
  BrExportSize    size;
  gboolean        slides;
} Job;

G_DEFINE_FINAL_TYPE (BrExportDialog, br_export_dialog, ADW_TYPE_WINDOW)

/* 1920×1080, 1280×720, and A4 landscape in points (297 × 210 mm) */
static const double preset_sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 842, 595 } };

static void
job_free (Job *job)
{
  g_clear_object (&job->dataset);
  g_clear_pointer (&job->options, br_chart_options_free);
  g_free (job->path);
  g_free (job->source);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  BrExportTarget target = { job->format, job->path, job->size };
  GError *error = NULL;

  gboolean ok;

  /* slides as PNG go to a folder named like the file chosen, without ".png" */
  if (job->slides && job->format == BR_EXPORT_PNG && g_str_has_suffix (job->path, ".png"))
    job->path[strlen (job->path) - strlen (".png")] = '\0';

  /* never the dataset the charts come from, by its name or through a link */
  if (!br_export_check_target (job->path, job->source, &error))
    ok = FALSE;
  else if (job->slides)
    ok = br_export_deck (job->dataset, job->options, &target, &error);
  else
    ok = br_export_chart (job->dataset, job->options, &target, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static char *
format_name_cb (AdwEnumListItem *item,
                int              format)
{
  switch ((BrExportFormat)format)
    {
    case BR_EXPORT_PNG:
      return g_strdup (_("PNG image"));
    case BR_EXPORT_PDF:
      return g_strdup (_("PDF document"));
    case BR_EXPORT_SVG:
      return g_strdup (_("SVG drawing"));
    case BR_EXPORT_CSV:
      return g_strdup (_("CSV table"));
    case BR_N_EXPORT_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
theme_name_cb (AdwEnumListItem *item,
               int              theme)
{
  return g_strdup (theme == BR_THEME_DARK ? _("Dark") : _("Light"));
}

/* The value of the registered enum a combo row offers (AdwEnumListModel) */
static int
selected_value (AdwComboRow *row)
{
  AdwEnumListItem *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? adw_enum_list_item_get_value (item) : 0;
}

static void
select_value (AdwComboRow *row,
              int          value)
{
  AdwEnumListModel *model = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (row));

  adw_combo_row_set_selected (row, adw_enum_list_model_find_position (model, value));
}

static void
update_rows_cb (BrExportDialog *self)
{
  BrExportFormat format = br_export_dialog_get_format (self);
  gboolean custom = adw_combo_row_get_selected (self->size_row) == BR_EXPORT_SIZE_CUSTOM;
  gboolean drawn = format != BR_EXPORT_CSV;

  gtk_widget_set_sensitive (GTK_WIDGET (self->size_row), drawn);
  gtk_widget_set_visible (GTK_WIDGET (self->width_row), drawn && custom);
  gtk_widget_set_visible (GTK_WIDGET (self->height_row), drawn && custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), format == BR_EXPORT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->theme_row), drawn);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transparent_row), format == BR_EXPORT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->slides_row),
                            format == BR_EXPORT_PNG || format == BR_EXPORT_PDF);
}

static void
current_size (BrExportDialog *self,
              double         *width,
              double         *height)
{
  guint size = adw_combo_row_get_selected (self->size_row);

  if (size < G_N_ELEMENTS (preset_sizes))
    {
      *width = preset_sizes[size][0];
      *height = preset_sizes[size][1];
    }
  else
    {
      *width = gtk_spin_button_get_value (self->width_spin);
      *height = gtk_spin_button_get_value (self->height_spin);
    }
}

static void
show_error (BrExportDialog *self,
            const GError   *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"),
                                                       NULL));
  adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  BrExportDialog *self = BR_EXPORT_DIALOG (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GtkWindow *parent;

  gtk_widget_set_sensitive (self->export_button, TRUE);
  if (!br_export_dialog_export_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  /* the window offers to open the file in a toast */
  uri = g_file_get_uri (file);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-exported", "s", uri);
  gtk_window_close (GTK_WINDOW (self));
}

static char *
suggested_name (BrExportDialog *self)
{
  BrExportFormat format = br_export_dialog_get_format (self);

  return g_strdup_printf ("burnrate-%s.%s",
                          br_chart_kind_to_string (br_chart_options_get_kind (self->options)),
                          br_export_format_to_extension (format));
}

static void
chooser_response_cb (BrExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  gtk_widget_set_sensitive (self->export_button, FALSE);
  br_export_dialog_export_async (self, file, self->cancellable, exported_cb, g_object_ref (file));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BrExportDialog *self = BR_EXPORT_DIALOG (widget);
  BrExportFormat format = br_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self);
  g_autofree char *pattern = g_strdup_printf ("*.%s", br_export_format_to_extension (format));

  self->chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
br_export_dialog_dispose (GObject *object)
{
  BrExportDialog *self = BR_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->dataset);
  g_clear_object (&self->source);
  g_clear_pointer (&self->options, br_chart_options_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BR_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (br_export_dialog_parent_class)->dispose (object);
}

static void
br_export_dialog_class_init (BrExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = br_export_dialog_dispose;

  g_type_ensure (BR_TYPE_EXPORT_FORMAT);
  g_type_ensure (BR_TYPE_THEME);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/burnrate/Burnrate/ui/br-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, slides_row);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, slides_switch);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, BrExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, update_rows_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, theme_name_cb);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
br_export_dialog_init (BrExportDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  update_rows_cb (self);
}

/**
 * br_export_dialog_new:
 * @source: (nullable): the file @dataset was read from, which no export may replace
 * @options: the chart as the window shows it; the dialog keeps a copy
 */
BrExportDialog *
br_export_dialog_new (GtkWindow            *parent,
                      BrDataset            *dataset,
                      GFile                *source,
                      const BrChartOptions *options)
{
  BrExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BR_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (BR_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->dataset = g_object_ref (dataset);
  g_set_object (&self->source, source);
  self->options = br_chart_options_copy (options);
  select_value (self->theme_row, br_chart_options_get_theme (options));

  return self;
}

BrExportFormat
br_export_dialog_get_format (BrExportDialog *self)
{
  g_return_val_if_fail (BR_IS_EXPORT_DIALOG (self), BR_EXPORT_PNG);

  return selected_value (self->format_row);
}

void
br_export_dialog_set_format (BrExportDialog *self,
                             BrExportFormat  format)
{
  g_return_if_fail (BR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < BR_N_EXPORT_FORMATS);

  select_value (self->format_row, format);
}

/**
 * br_export_dialog_set_size:
 * @width: for %BR_EXPORT_SIZE_CUSTOM only
 */
void
br_export_dialog_set_size (BrExportDialog    *self,
                           BrExportSizePreset size,
                           double             width,
                           double             height)
{
  g_return_if_fail (BR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (size <= BR_EXPORT_SIZE_CUSTOM);

  adw_combo_row_set_selected (self->size_row, size);
  if (size == BR_EXPORT_SIZE_CUSTOM)
    {
      gtk_spin_button_set_value (self->width_spin, width);
      gtk_spin_button_set_value (self->height_spin, height);
    }
}

void
br_export_dialog_set_scale (BrExportDialog *self,
                            double          scale)
{
  g_return_if_fail (BR_IS_EXPORT_DIALOG (self));

  gtk_spin_button_set_value (self->scale_spin, scale);
}

void
br_export_dialog_set_theme (BrExportDialog *self,
                            BrTheme         theme)
{
  g_return_if_fail (BR_IS_EXPORT_DIALOG (self));

  select_value (self->theme_row, theme);
}

/* "Save as slides": the deck instead of the one chart. */
void
br_export_dialog_set_slides (BrExportDialog *self,
                             gboolean        slides)
{
  g_return_if_fail (BR_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->slides_switch, slides);
}

void
br_export_dialog_set_transparent (BrExportDialog *self,
                                  gboolean        transparent)
{
  g_return_if_fail (BR_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->transparent_switch, transparent);
}

/**
 * br_export_dialog_export_async:
 * @file: a local file to write, replaced atomically
 *
 * Writes the chart with the dialog's choices, as the Export button does once a file
 * is chosen.
 */
void
br_export_dialog_export_async (BrExportDialog      *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (BR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, br_export_dialog_export_async);

  if (g_file_peek_path (file) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Charts can be exported to local files only."));
      return;
    }

  job = g_new0 (Job, 1);
  job->dataset = g_object_ref (self->dataset);
  job->options = br_chart_options_copy (self->options);
  job->format = br_export_dialog_get_format (self);
  job->path = g_file_get_path (file);
  job->source = self->source != NULL ? g_file_get_path (self->source) : NULL;
  job->size.scale = job->format == BR_EXPORT_PNG ? gtk_spin_button_get_value (self->scale_spin)
                                                 : 1;
  current_size (self, &job->size.width, &job->size.height);
  br_chart_options_set_theme (job->options, selected_value (self->theme_row));
  br_chart_options_set_transparent (job->options,
                                    job->format == BR_EXPORT_PNG
                                    && gtk_switch_get_active (self->transparent_switch));
  job->slides = (job->format == BR_EXPORT_PNG || job->format == BR_EXPORT_PDF)
                && gtk_switch_get_active (self->slides_switch);

  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
br_export_dialog_export_finish (BrExportDialog  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (BR_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
