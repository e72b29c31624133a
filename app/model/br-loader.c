/* br-loader.c: reads and validates dataset files
 *
 * The bytes go first through the pre-scanner (br-json-scan.c), which json-glib must
 * not be handed anything it rejects; then json-glib builds the tree, one company at a
 * time, and the schema (br-loader-schema.c) reads it into a dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-loader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "br-loader-private.h"
#include "burnrate-model-resources.h"
#include "br-problem-private.h"

G_DEFINE_QUARK (br-loader-error-quark, br_loader_error)

static gsize
env_size (const char *name,
          gsize       fallback)
{
  const char *value = g_getenv (name);
  guint64 parsed;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXSIZE, &parsed, NULL))
    return fallback;

  return parsed;
}

/**
 * br_limits_init_default:
 *
 * Fills @limits with the defaults, raised or lowered by the BURNRATE_MAX_*
 * environment variables.
 */
void
br_limits_init_default (BrLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_file_size = env_size ("BURNRATE_MAX_FILE_SIZE", 64 * 1024 * 1024);
  limits->max_depth = MIN (env_size ("BURNRATE_MAX_DEPTH", 64), 100000);
  limits->max_string = env_size ("BURNRATE_MAX_STRING", 16384);
  limits->max_array = env_size ("BURNRATE_MAX_ARRAY", 100000);
  limits->max_values = env_size ("BURNRATE_MAX_VALUES", 6000000);
  limits->max_companies = MIN (env_size ("BURNRATE_MAX_COMPANIES", 10000), G_MAXUINT);
  limits->max_periods = MIN (env_size ("BURNRATE_MAX_PERIODS", 10000), G_MAXUINT);
  limits->max_sources = MIN (env_size ("BURNRATE_MAX_SOURCES", 100000), G_MAXUINT);
  limits->max_problems = MIN (env_size ("BURNRATE_MAX_PROBLEMS", 100), G_MAXUINT);
}

static void
fail_with_problems (GPtrArray   *problems,
                    guint        n_total,
                    const char  *display_name,
                    GPtrArray  **problems_out,
                    GError     **error)
{
  if (problems->len == 1)
    {
      g_autofree char *first = br_problem_to_string (g_ptr_array_index (problems, 0));

      g_set_error_literal (error, BR_LOADER_ERROR, BR_LOADER_ERROR_INVALID, first);
    }
  else
    {
      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s has %u problem", "%s has %u problems",
                                n_total),
                   display_name, n_total);
    }

  if (problems_out != NULL)
    *problems_out = g_ptr_array_ref (problems);
}


static void
fail_with_one (const char  *display_name,
               guint        line,
               guint        column,
               const char  *path,
               const char  *message,
               GPtrArray  **problems_out,
               GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)br_problem_free);

  g_ptr_array_add (found, _br_problem_new (display_name, line, column, path, message));
  fail_with_problems (found, 1, display_name, problems_out, error);
}

static gboolean
check_size (guint64     size,
            gsize       limit,
            const char *display_name,
            GError    **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  if (size <= limit)
    return TRUE;

  size_text = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
  limit_text = g_format_size_full (limit, G_FORMAT_SIZE_LONG_FORMAT);
  g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_TOO_LARGE,
               _("%s: %s, over the limit of %s; set BURNRATE_MAX_FILE_SIZE to raise it"),
               display_name, size_text, limit_text);
  return FALSE;
}

/* The file with its companies' array emptied: the schema parses them one by one */
static GString *
skeleton_of (const char         *data,
             gsize               length,
             const BrScanLayout *layout)
{
  GString *skeleton;

  if (layout->companies_end == 0)
    return g_string_new_len (data, length);

  skeleton = g_string_sized_new (length - (layout->companies_end - layout->companies_start) + 2);
  g_string_append_len (skeleton, data, layout->companies_start);
  g_string_append (skeleton, "[]");
  g_string_append_len (skeleton, data + layout->companies_end, length - layout->companies_end);

  return skeleton;
}

static BrDataset *
read_dataset (JsonObject      *root,
              const char      *display_name,
              const BrLimits  *limits,
              const char      *data,
              gsize            length,
              BrScanLayout    *layout,
              GPtrArray      **problems,
              GError         **error)
{
  g_autoptr(BrDataset) ds = _br_dataset_new (display_name);
  g_autoptr(GPtrArray) currencies = g_ptr_array_new ();
  g_autoptr(GHashTable) period_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  BrJsonReader json;
  Loader l = { &json, ds, limits, currencies, period_ids, seen, data, layout };

  _br_json_reader_init (&json, limits->max_problems);
  _br_loader_read_root (&l, root);

  if (json.n_faults > 0)
    {
      g_autoptr(GPtrArray) found = _br_problems_locate (&json, display_name, data, length);

      fail_with_problems (found, json.n_faults, display_name, problems, error);
      g_clear_object (&ds);
    }

  _br_json_reader_clear (&json);

  return g_steal_pointer (&ds);
}

/**
 * br_dataset_load_bytes:
 * @bytes: the file's contents
 * @display_name: how to name the file in messages
 * @limits: (nullable): limits, or %NULL for br_limits_init_default()
 * @problems: (out) (optional) (element-type BrProblem): every problem found, with
 *   line and column, up to the limit; set only on failure
 * @error: the first problem, or a summary
 *
 * Reads a dataset, trusting nothing in it.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL if it has any problem
 */
BrDataset *
br_dataset_load_bytes (GBytes          *bytes,
                       const char      *display_name,
                       const BrLimits  *limits,
                       GPtrArray      **problems,
                       GError         **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GString) skeleton = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (BrScanSpan));
  BrScanLayout layout = { 0, 0, spans };
  BrScanLimits scan_limits;
  BrLimits default_limits;
  BrScanFault fault;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  if (limits == NULL)
    {
      br_limits_init_default (&default_limits);
      limits = &default_limits;
    }

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  if (!check_size (length, limits->max_file_size, display_name, error))
    return NULL;

  scan_limits.depth = limits->max_depth;
  scan_limits.string = limits->max_string;
  scan_limits.array = limits->max_array;
  scan_limits.values = limits->max_values;
  if (!_br_json_scan_check (data, length, &scan_limits, &layout, &fault))
    {
      fail_with_one (display_name, fault.line, fault.column, fault.path, fault.message,
                     problems, error);
      g_free (fault.path);
      g_free (fault.message);
      return NULL;
    }

  skeleton = skeleton_of (data, length, &layout);
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, skeleton->str, skeleton->len, &parse_error))
    {
      fail_with_one (display_name, 1, 1, "$", parse_error->message, problems, error);
      return NULL;
    }

  return read_dataset (json_node_get_object (json_parser_get_root (parser)), display_name,
                       limits, data, length, &layout, problems, error);
}

/**
 * br_dataset_load_file:
 *
 * Like br_dataset_load_bytes(), reading @file first; a file over the size limit is not
 * read at all.
 */
BrDataset *
br_dataset_load_file (GFile           *file,
                      const BrLimits  *limits,
                      GCancellable    *cancellable,
                      GPtrArray      **problems,
                      GError         **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  BrLimits default_limits;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (problems != NULL)
    *problems = NULL;

  if (limits == NULL)
    {
      br_limits_init_default (&default_limits);
      limits = &default_limits;
    }

  display_name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO, "%s: %s", display_name,
                   local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO,
                   _("%s: is a folder, not a dataset file"), display_name);
      return NULL;
    }

  if (!check_size (g_file_info_get_size (info), limits->max_file_size, display_name, error))
    return NULL;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO, "%s: %s", display_name,
                   local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return br_dataset_load_bytes (bytes, display_name, limits, problems, error);
}

/**
 * br_dataset_load_bundled:
 *
 * Loads the dataset compiled into the program.
 *
 * Returns: (transfer full): the bundled dataset
 */
BrDataset *
br_dataset_load_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resource_lookup_data (_br_model_get_resource (), BR_BUNDLED_DATASET_PATH,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  /* TRANSLATORS: how messages and the window name the dataset compiled into the program */
  return br_dataset_load_bytes (bytes, _("china-gpu.json (bundled)"), NULL, NULL, error);
}
