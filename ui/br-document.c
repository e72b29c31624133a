/* br-document.c: the dataset the window shows, where it came from, and its reloads
 *
 * A document always holds the last dataset that loaded. Loads run on a worker thread;
 * a load that fails leaves the dataset untouched and emits ::load-failed with the
 * problems the validator found. The file asked for last is watched, so fixing a broken
 * file in an editor and saving it loads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-document"

#include "config.h"

#include <glib/gi18n.h>

#include "br-document.h"

#define RELOAD_DELAY_MS 200

struct _BrDocument
{
  GObject       parent_instance;

  BrDataset    *dataset;
  GFile        *file;          /* where dataset came from; NULL when bundled */
  GFile        *watched;       /* the file asked for last */
  GFileMonitor *monitor;
  GCancellable *cancellable;
  guint         reload_source;
};

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FILE,
  PROP_LOADING,
  N_PROPS
};

enum {
  CHANGED,
  LOAD_FAILED,
  N_SIGNALS
};

typedef struct
{
  GFile     *file;
  BrDataset *dataset;
  GPtrArray *problems;
  GError    *error;
} Load;

G_DEFINE_FINAL_TYPE (BrDocument, br_document, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
load_free (Load *load)
{
  g_clear_object (&load->file);
  g_clear_object (&load->dataset);
  g_clear_pointer (&load->problems, g_ptr_array_unref);
  g_clear_error (&load->error);
  g_free (load);
}

static void
set_dataset (BrDocument *self,
             BrDataset  *dataset,
             GFile      *file)
{
  g_set_object (&self->dataset, dataset);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;

  /* the limits of the environment: a bad BURNRATE_MAX_* fails the load, naming it */
  load->dataset = br_dataset_load_file (load->file, NULL, cancellable, &load->problems,
                                        &load->error);
  g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  BrDocument *self = BR_DOCUMENT (object);
  Load *load = g_task_get_task_data (G_TASK (result));

  /* a newer load replaced this one */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (load->dataset != NULL)
    {
      set_dataset (self, load->dataset, load->file);
      return;
    }

  if (load->error == NULL)
    load->error = g_error_new (BR_LOADER_ERROR, BR_LOADER_ERROR_IO, _("%s could not be read"),
                               g_file_peek_path (load->file));
  g_debug ("%s", load->error->message);
  g_signal_emit (self, signals[LOAD_FAILED], 0, load->file, load->error, load->problems);
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    BrDocument        *self);

static void
watch (BrDocument *self,
       GFile      *file)
{
  g_autoptr(GError) error = NULL;

  if (self->watched != NULL && g_file_equal (self->watched, file))
    return;

  g_set_object (&self->watched, file);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s: %s", g_file_peek_path (file), error->message);
      return;
    }

  g_file_monitor_set_rate_limit (self->monitor, RELOAD_DELAY_MS / 2);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self, 0);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  BrDocument *self = user_data;

  self->reload_source = 0;
  br_document_reload (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    BrDocument        *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* editors write in bursts (truncate, write, rename): load once it settles */
      g_clear_handle_id (&self->reload_source, g_source_remove);
      self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static void
br_document_dispose (GObject *object)
{
  BrDocument *self = BR_DOCUMENT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->watched);

  G_OBJECT_CLASS (br_document_parent_class)->dispose (object);
}

static void
br_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BrDocument *self = BR_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, br_document_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
br_document_class_init (BrDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = br_document_dispose;
  object_class->get_property = br_document_get_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, BR_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BrDocument::changed:
   *
   * The dataset was replaced by one that loaded.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  /**
   * BrDocument::load-failed:
   * @file: the file that did not load
   * @error: why
   * @problems: (nullable) (element-type BrProblem): each fault with its line:column
   */
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_FILE, G_TYPE_ERROR, G_TYPE_PTR_ARRAY);
}

static void
br_document_init (BrDocument *self)
{
}

BrDocument *
br_document_new (void)
{
  return g_object_new (BR_TYPE_DOCUMENT, NULL);
}

/**
 * br_document_get_dataset:
 *
 * Returns: (transfer none) (nullable): the dataset shown, until ::changed
 */
BrDataset *
br_document_get_dataset (BrDocument *self)
{
  g_return_val_if_fail (BR_IS_DOCUMENT (self), NULL);

  return self->dataset;
}

/**
 * br_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file the dataset came from, or %NULL for
 *   the bundled dataset
 */
GFile *
br_document_get_file (BrDocument *self)
{
  g_return_val_if_fail (BR_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * br_document_get_watched:
 *
 * Returns: (transfer none) (nullable): the file asked for last, loaded or not
 */
GFile *
br_document_get_watched (BrDocument *self)
{
  g_return_val_if_fail (BR_IS_DOCUMENT (self), NULL);

  return self->watched;
}

gboolean
br_document_get_loading (BrDocument *self)
{
  g_return_val_if_fail (BR_IS_DOCUMENT (self), FALSE);

  return self->cancellable != NULL;
}

gboolean
br_document_load_bundled (BrDocument  *self,
                          GError     **error)
{
  g_autoptr(BrDataset) dataset = NULL;

  g_return_val_if_fail (BR_IS_DOCUMENT (self), FALSE);

  dataset = br_dataset_load_bundled (error);
  if (dataset == NULL)
    return FALSE;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->watched);
  set_dataset (self, dataset, NULL);

  return TRUE;
}

/**
 * br_document_load_file:
 *
 * Starts loading @file and watching it. The result arrives as ::changed or
 * ::load-failed; a load started later wins over one still running.
 */
void
br_document_load_file (BrDocument *self,
                       GFile      *file)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (BR_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  watch (self, file);

  load = g_new0 (Load, 1);
  load->file = g_object_ref (file);
  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, br_document_load_file);
  g_task_set_task_data (task, load, (GDestroyNotify)load_free);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, load_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * br_document_cancel:
 *
 * Gives up the load under way, if any: the dataset shown stays, and the file watched
 * is again the one it came from.
 */
void
br_document_cancel (BrDocument *self)
{
  g_return_if_fail (BR_IS_DOCUMENT (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->file != NULL)
    watch (self, self->file);
  else
    {
      g_clear_handle_id (&self->reload_source, g_source_remove);
      if (self->monitor != NULL)
        g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
      g_clear_object (&self->watched);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * br_document_reload:
 *
 * Loads the watched file again, or does nothing when the bundled dataset is shown.
 */
void
br_document_reload (BrDocument *self)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (BR_IS_DOCUMENT (self));

  if (self->watched == NULL)
    return;

  file = g_object_ref (self->watched);
  br_document_load_file (self, file);
}
