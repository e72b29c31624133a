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

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "br-loader-private.h"
#include "burnrate-model-resources.h"
#include "br-problem-private.h"

G_DEFINE_QUARK (br-loader-error-quark, br_loader_error)

/* Each limit, its default and the largest value its variable may set */
static const struct
{
  const char *variable;
  gsize       offset;
  gboolean    is_size;   /* a gsize member, else a guint one */
  guint64     fallback;
  guint64     max;
} limit_table[] = {
  { "BURNRATE_MAX_FILE_SIZE", G_STRUCT_OFFSET (BrLimits, max_file_size), TRUE, 64 << 20, 1 << 30 },
  { "BURNRATE_MAX_DEPTH", G_STRUCT_OFFSET (BrLimits, max_depth), FALSE, 64, BR_MAX_DEPTH },
  { "BURNRATE_MAX_STRING", G_STRUCT_OFFSET (BrLimits, max_string), TRUE, 16384, 1 << 30 },
  { "BURNRATE_MAX_ARRAY", G_STRUCT_OFFSET (BrLimits, max_array), TRUE, 100000, 100000000 },
  { "BURNRATE_MAX_VALUES", G_STRUCT_OFFSET (BrLimits, max_values), TRUE, 6000000, 100000000 },
  { "BURNRATE_MAX_COMPANIES", G_STRUCT_OFFSET (BrLimits, max_companies), FALSE, 10000, 1000000 },
  { "BURNRATE_MAX_PERIODS", G_STRUCT_OFFSET (BrLimits, max_periods), FALSE, 10000, 1000000 },
  { "BURNRATE_MAX_SOURCES", G_STRUCT_OFFSET (BrLimits, max_sources), FALSE, 100000, 1000000 },
  { "BURNRATE_MAX_PROBLEMS", G_STRUCT_OFFSET (BrLimits, max_problems), FALSE, 100, 1000000 },
};

static void
set_limit (BrLimits *limits,
           guint     i,
           guint64   value)
{
  gpointer member = G_STRUCT_MEMBER_P (limits, limit_table[i].offset);

  if (limit_table[i].is_size)
    *(gsize *)member = value;
  else
    *(guint *)member = value;
}

/**
 * br_limits_init_default:
 *
 * Fills @limits with the built-in defaults.
 */
void
br_limits_init_default (BrLimits *limits)
{
  g_return_if_fail (limits != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (limit_table); i++)
    set_limit (limits, i, limit_table[i].fallback);
}

/**
 * br_limits_init_from_env:
 *
 * Fills @limits with the defaults, raised or lowered by the BURNRATE_MAX_* environment
 * variables: each a whole number in decimal digits, from 1 to its maximum.
 *
 * Returns: %FALSE if a variable holds anything else, with @error naming it and its
 *   range; @limits then holds the defaults for it
 */
gboolean
br_limits_init_from_env (BrLimits  *limits,
                         GError   **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (limits != NULL, FALSE);

  br_limits_init_default (limits);
  for (guint i = 0; i < G_N_ELEMENTS (limit_table); i++)
    {
      const char *value = g_getenv (limit_table[i].variable);
      guint64 parsed;

      if (value == NULL)
        continue;

      /* decimal digits only: g_ascii_string_to_unsigned() takes a sign and spaces */
      if (value[0] != '\0' && strspn (value, "0123456789") == strlen (value) &&
          g_ascii_string_to_unsigned (value, 10, 1, limit_table[i].max, &parsed, NULL))
        {
          set_limit (limits, i, parsed);
          continue;
        }

      if (ok)
        {
          g_autofree char *max = g_strdup_printf ("%" G_GUINT64_FORMAT, limit_table[i].max);

          g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_LIMIT,
                       _("%s=%s is not a limit: give a whole number from 1 to %s"),
                       limit_table[i].variable, value, max);
        }
      ok = FALSE;
    }

  return ok;
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

static GBytes *io_error (const char *display_name,
                         int         saved_errno,
                         GError    **error);

/* A local file's bytes, in pages of their own. The companies are most of a big file,
 * and once a company is read its bytes are not needed unless problems are to be
 * located: their pages are given back as the loader goes, and read again from the
 * file if they are. */
struct _BrFileBytes
{
  char        *data;
  gsize        length;
  gsize        mapped;
  int          fd;
  struct stat  st;            /* the file as it was read */
  gsize        released_from; /* the pages given back, as offsets */
  gsize        released_to;
};

static void
file_bytes_free (BrFileBytes *file)
{
  if (file->data != NULL)
    munmap (file->data, file->mapped);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BrFileBytes, file_bytes_free)

#define RELEASE_STEP (1 << 20)

static gsize
page_size (void)
{
  static gsize size;

  if (size == 0)
    size = sysconf (_SC_PAGESIZE);

  return size;
}

/* Reads the regular file @fd, of @st->st_size bytes. Returns NULL, with @error unset,
 * when it has grown meanwhile: the caller reads it the ordinary way. */
static BrFileBytes *
file_bytes_read (int                fd,
                 const struct stat *st,
                 const char        *display_name,
                 GCancellable      *cancellable,
                 GError           **error)
{
  g_autoptr(BrFileBytes) file = g_new0 (BrFileBytes, 1);

  file->fd = fd;
  file->st = *st;
  /* one byte more than the file: enough to tell that it grew */
  file->mapped = st->st_size + 1;
  file->data = mmap (NULL, file->mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                     -1, 0);
  if (file->data == MAP_FAILED)
    {
      file->data = NULL;
      return NULL;
    }

  while (file->length < file->mapped)
    {
      gssize n = read (fd, file->data + file->length, MIN (file->mapped - file->length, 1 << 20));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          io_error (display_name, errno, error);
          return NULL;
        }
      if (n == 0)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      file->length += n;
    }

  if (file->length == file->mapped)
    return NULL;

  return g_steal_pointer (&file);
}

/**
 * _br_file_bytes_release:
 * @end: how far the loader has read the file's companies
 *
 * Gives back the pages of the companies read up to @end.
 */
void
_br_file_bytes_release (BrFileBytes *file,
                        gsize        end)
{
  gsize from, to;

  end = MIN (end, file->length);
  to = end / page_size () * page_size ();
  from = MAX (file->released_to, file->released_from);
  /* a megabyte at a time, not a call a company */
  if (to < from + RELEASE_STEP || madvise (file->data + from, to - from, MADV_DONTNEED) != 0)
    return;

  file->released_to = to;
}

/* Reads back the pages given back, to locate the problems in them. Fails, with a
 * message, if the file changed meanwhile: the places found would not be its own. */
static gboolean
file_bytes_restore (BrFileBytes    *file,
                    const char     *display_name,
                    GError        **error)
{
  gsize at = file->released_from;
  struct stat st;

  while (at < file->released_to)
    {
      gssize n = pread (file->fd, file->data + at, file->released_to - at, at);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      at += n;
    }

  if (at == file->released_to && fstat (file->fd, &st) == 0
      && st.st_size == file->st.st_size && st.st_ino == file->st.st_ino
      && st.st_mtim.tv_sec == file->st.st_mtim.tv_sec
      && st.st_mtim.tv_nsec == file->st.st_mtim.tv_nsec)
    {
      file->released_to = file->released_from;
      return TRUE;
    }

  g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO,
               _("%s changed while it was read; open it again"), display_name);
  return FALSE;
}

static BrDataset *
read_dataset (JsonObject      *root,
              const char      *display_name,
              const BrLimits  *limits,
              const char      *data,
              gsize            length,
              BrScanLayout    *layout,
              BrFileBytes     *file,
              GPtrArray      **problems,
              GError         **error)
{
  g_autoptr(BrDataset) ds = _br_dataset_new (display_name);
  g_autoptr(GPtrArray) currencies = g_ptr_array_new ();
  g_autoptr(GHashTable) period_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  BrJsonReader json;
  Loader l = { &json, ds, limits, currencies, period_ids, seen, data, layout, file };

  _br_json_reader_init (&json, limits->max_problems);
  _br_loader_read_root (&l, root);

  if (json.n_faults > 0 && file != NULL && !file_bytes_restore (file, display_name, error))
    {
      g_clear_object (&ds);
    }
  else if (json.n_faults > 0)
    {
      g_autoptr(GPtrArray) found = _br_problems_locate (&json, display_name, data, length);

      fail_with_problems (found, json.n_faults, display_name, problems, error);
      g_clear_object (&ds);
    }

  _br_json_reader_clear (&json);

  return g_steal_pointer (&ds);
}

/* json-glib recurses once for each level of nesting: a file as deep as the limit
 * allows is parsed on a thread with room for that many levels, whatever the stack of
 * the caller's thread */
#define STACK_BASE      (1 << 20)
#define STACK_PER_LEVEL 1024
#define DEEP_NESTING    256

static BrDataset *
load_data (const char      *data,
           gsize            length,
           BrFileBytes     *file,
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
  BrScanFault fault;

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

  if (file != NULL)
    file->released_from = file->released_to = (layout.companies_start / page_size () + 1) * page_size ();

  return read_dataset (json_node_get_object (json_parser_get_root (parser)), display_name,
                       limits, data, length, &layout, file, problems, error);
}

typedef struct
{
  const char      *data;
  gsize            length;
  BrFileBytes     *file;
  const char      *display_name;
  const BrLimits  *limits;
  GPtrArray      **problems;
  GError         **error;
  BrDataset       *dataset;
} LoadCall;

static void *
load_call_run (void *data)
{
  LoadCall *call = data;

  call->dataset = load_data (call->data, call->length, call->file, call->display_name,
                             call->limits, call->problems, call->error);
  return NULL;
}

static BrDataset *
load_bytes_on_deep_stack (LoadCall *call)
{
  pthread_attr_t attr;
  pthread_t thread;
  int status;

  pthread_attr_init (&attr);
  pthread_attr_setstacksize (&attr, STACK_BASE + (gsize)call->limits->max_depth * STACK_PER_LEVEL);
  status = pthread_create (&thread, &attr, load_call_run, call);
  pthread_attr_destroy (&attr);
  if (status != 0)
    {
      g_set_error (call->error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO,
                   _("%s: no room to read a file nested %u deep (%s); lower BURNRATE_MAX_DEPTH"),
                   call->display_name, call->limits->max_depth, g_strerror (status));
      return NULL;
    }

  pthread_join (thread, NULL);
  return call->dataset;
}

/**
 * br_dataset_load_bytes:
 * @bytes: the file's contents
 * @display_name: how to name the file in messages
 * @limits: (nullable): limits, or %NULL for br_limits_init_from_env()
 * @problems: (out) (optional) (element-type BrProblem): every problem found, with
 *   line and column, up to the limit; set only on failure
 * @error: the first problem, or a summary
 *
 * Reads a dataset, trusting nothing in it.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL if it has any problem
 */
static BrDataset *
load_call (LoadCall *call)
{
  BrLimits env_limits;

  if (call->problems != NULL)
    *call->problems = NULL;

  if (call->limits == NULL)
    {
      if (!br_limits_init_from_env (&env_limits, call->error))
        return NULL;
      call->limits = &env_limits;
    }

  if (call->limits->max_depth > DEEP_NESTING)
    return load_bytes_on_deep_stack (call);

  return load_data (call->data, call->length, call->file, call->display_name, call->limits,
                    call->problems, call->error);
}

BrDataset *
br_dataset_load_bytes (GBytes          *bytes,
                       const char      *display_name,
                       const BrLimits  *limits,
                       GPtrArray      **problems,
                       GError         **error)
{
  LoadCall call = { NULL, 0, NULL, display_name, limits, problems, error, NULL };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  call.data = g_bytes_get_data (bytes, &call.length);

  return load_call (&call);
}

static GBytes *
io_error (const char *display_name,
          int         saved_errno,
          GError    **error)
{
  g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO, "%s: %s", display_name,
               g_strerror (saved_errno));
  return NULL;
}

/* Only a regular file is read: a device could give bytes without end, a pipe block. */
static gboolean
check_regular (GFileType   type,
               const char *display_name,
               GError    **error)
{
  if (type == G_FILE_TYPE_REGULAR)
    return TRUE;

  if (type == G_FILE_TYPE_DIRECTORY)
    g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO,
                 _("%s: is a folder, not a dataset file"), display_name);
  else
    g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO,
                 _("%s: is not a regular file (a device, a pipe or a socket): give a dataset "
                   "file"), display_name);
  return FALSE;
}

/* Reads @fd to its end, or to @limit + 1 bytes: enough to tell a file over the limit,
 * however it grew since it was measured. */
static GBytes *
read_fd_bounded (int           fd,
                 const char   *display_name,
                 gsize         limit,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 chunk[65536];

  while (data->len <= limit)
    {
      gssize n = read (fd, chunk, MIN (sizeof chunk, limit + 1 - data->len));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return io_error (display_name, errno, error);
      if (n == 0)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_byte_array_append (data, chunk, n);
    }

  if (!check_size (data->len, limit, display_name, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Reads and loads the local file at @path. Never blocks on opening it: a FIFO opens at
 * once, and is then refused. */
static BrDataset *
load_path (const char   *path,
           LoadCall     *call,
           GCancellable *cancellable)
{
  g_autoptr(BrFileBytes) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  BrDataset *dataset = NULL;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      io_error (call->display_name, errno, call->error);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    io_error (call->display_name, errno, &local_error);
  else if (check_regular (S_ISREG (st.st_mode) ? G_FILE_TYPE_REGULAR : S_ISDIR (st.st_mode)
                          ? G_FILE_TYPE_DIRECTORY : G_FILE_TYPE_SPECIAL, call->display_name,
                          &local_error)
           && check_size (st.st_size, call->limits->max_file_size, call->display_name,
                          &local_error))
    file = file_bytes_read (fd, &st, call->display_name, cancellable, &local_error);

  /* it grew since it was measured: read to its end, or past the limit */
  if (file == NULL && local_error == NULL && lseek (fd, 0, SEEK_SET) == 0)
    bytes = read_fd_bounded (fd, call->display_name, call->limits->max_file_size, cancellable,
                             &local_error);

  if (file != NULL)
    {
      call->data = file->data;
      call->length = file->length;
      call->file = file;
    }
  else if (bytes != NULL)
    call->data = g_bytes_get_data (bytes, &call->length);

  if (file != NULL || bytes != NULL)
    dataset = load_call (call);
  else
    g_propagate_error (call->error, g_steal_pointer (&local_error));

  g_clear_pointer (&file, file_bytes_free);
  close (fd);
  return dataset;
}

/* A file with no local path (another GVfs backend): through its stream, as bounded */
static GBytes *
read_stream_bounded (GFile        *file,
                     const char   *display_name,
                     gsize         limit,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info != NULL && check_regular (g_file_info_get_file_type (info), display_name, error))
    stream = g_file_read (file, cancellable, &local_error);
  else if (info != NULL)
    return NULL;

  if (stream != NULL)
    bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), limit + 1, cancellable,
                                       &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO, "%s: %s", display_name,
                   local_error->message);
      return NULL;
    }

  if (!check_size (g_bytes_get_size (bytes), limit, display_name, error))
    return NULL;

  return g_steal_pointer (&bytes);
}

/**
 * br_dataset_load_file:
 * @limits: (nullable): limits, or %NULL for br_limits_init_from_env()
 *
 * Like br_dataset_load_bytes(), reading @file first. Only a regular file is read, and
 * never more of it than the size limit allows; opening it never blocks.
 */
BrDataset *
br_dataset_load_file (GFile           *file,
                      const BrLimits  *limits,
                      GCancellable    *cancellable,
                      GPtrArray      **problems,
                      GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;
  BrLimits env_limits;
  LoadCall call = { NULL, 0, NULL, NULL, NULL, problems, error, NULL };

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (problems != NULL)
    *problems = NULL;

  if (limits == NULL)
    {
      if (!br_limits_init_from_env (&env_limits, error))
        return NULL;
      limits = &env_limits;
    }

  display_name = g_file_get_parse_name (file);
  call.display_name = display_name;
  call.limits = limits;
  path = g_file_get_path (file);
  if (path != NULL)
    return load_path (path, &call, cancellable);

  bytes = read_stream_bounded (file, display_name, limits->max_file_size, cancellable, error);
  if (bytes == NULL)
    return NULL;

  call.data = g_bytes_get_data (bytes, &call.length);
  return load_call (&call);
}

/**
 * br_dataset_load_bundled:
 *
 * Loads the dataset compiled into the program, within the limits of
 * br_limits_init_from_env() but for the file size: the bundled dataset is not the
 * user's file.
 *
 * Returns: (transfer full): the bundled dataset
 */
BrDataset *
br_dataset_load_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  BrLimits limits;

  if (!br_limits_init_from_env (&limits, error))
    return NULL;

  bytes = g_resource_lookup_data (_br_model_get_resource (), BR_BUNDLED_DATASET_PATH,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  limits.max_file_size = MAX (limits.max_file_size, g_bytes_get_size (bytes));

  /* TRANSLATORS: how messages and the window name the dataset compiled into the program */
  return br_dataset_load_bytes (bytes, _("china-gpu.json (bundled)"), &limits, NULL, error);
}
