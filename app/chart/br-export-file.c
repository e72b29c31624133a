/* br-export-file.c: atomic file writes
 *
 * An export goes to a hidden temporary file in the target's directory, and is renamed
 * over the target only once it is complete and flushed. A failure at any step unlinks
 * the temporary file, so it leaves no partial file and never touches an existing one.
 * g_file_replace() is not used: it falls back to truncating the target in place when
 * the directory is not writable, and commits a partial file when its stream is closed.
 *
 * The new file takes the mode of the one it replaces, and its owner where the system
 * allows. A symbolic link is followed: the file it points to is replaced and the link
 * stays; a link to nothing is refused. Several files are committed all or none: each
 * existing target is first linked to a backup name, and a failed rename puts every
 * target back as it was. Temporary files are removed when SIGINT, SIGTERM or SIGHUP
 * stops the process, once br_export_clean_up_on_signals() has been called.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <signal.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "br-export-private.h"

struct _BrExportFile
{
  char        *path;        /* the target, symbolic links resolved */
  char        *display;     /* the target as given, for messages */
  char        *tmp_path;    /* NULL once renamed, or never created */
  char        *backup_path; /* the old target's second name while several are committed */
  FILE        *stream;
  gboolean     replacing;   /* the target exists */
  struct stat  target;      /* what it was, when replacing */
  int          slot;        /* in the signal handler's list, or -1 */
  int          backup_slot;
  GError      *error;       /* the first failure of a cairo write callback */
};

/* ---- temporary files a signal removes ----------------------------------------------- */

/* Fixed storage the handler can read without allocating: a slot holds a path while
 * its "used" flag is set. */
#define N_SLOTS 128

static char pending_paths[N_SLOTS][PATH_MAX];
static volatile sig_atomic_t pending_used[N_SLOTS];
static volatile sig_atomic_t stopping;
static GMutex pending_lock;

static int
pending_add (const char *path)
{
  int slot = -1;

  if (strlen (path) >= PATH_MAX)
    return -1;

  g_mutex_lock (&pending_lock);
  for (int i = 0; i < N_SLOTS && slot < 0; i++)
    {
      if (!pending_used[i])
        {
          strcpy (pending_paths[i], path);
          pending_used[i] = 1;
          slot = i;
        }
    }
  g_mutex_unlock (&pending_lock);

  return slot;
}

static void
pending_remove (int slot)
{
  if (slot < 0)
    return;

  g_mutex_lock (&pending_lock);
  pending_used[slot] = 0;
  g_mutex_unlock (&pending_lock);
}

static void
remove_pending (void)
{
  for (int i = 0; i < N_SLOTS; i++)
    {
      if (pending_used[i])
        unlink (pending_paths[i]);
    }
}

/* async-signal-safe: unlink(), nanosleep(), signal() and raise() only. A path is
 * listed before its file is made, and no file is made once stopping is set, so a
 * second sweep after the other threads had time to finish making theirs finds all. */
static void
clean_up_cb (int signum)
{
  struct timespec pause = { 0, 20 * 1000 * 1000 };

  stopping = 1;
  remove_pending ();
  nanosleep (&pause, NULL);
  remove_pending ();

  signal (signum, SIG_DFL);
  raise (signum);
}

/* Makes a file of a new name @prefix + six characters with @make, the name listed for
 * the signal handler first; returns what @make returned (-1 with errno on failure). */
static int
make_unique (const char  *prefix,
             int        (*make) (const char *path,
                                 gpointer    data),
             gpointer     data,
             char       **path_out,
             int         *slot_out)
{
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *path = g_strdup_printf ("%s000000", prefix);
      char *suffix = path + strlen (prefix);
      int result, slot;

      for (guint i = 0; i < 6; i++)
        suffix[i] = chars[g_random_int_range (0, sizeof chars - 1)];

      if (stopping)
        {
          errno = EINTR;
          return -1;
        }

      slot = pending_add (path);
      result = make (path, data);
      if (result >= 0)
        {
          *path_out = g_steal_pointer (&path);
          *slot_out = slot;
          return result;
        }

      pending_remove (slot);
      if (errno != EEXIST)
        return -1;
    }

  return -1;
}

static int
open_new (const char *path,
          gpointer    data)
{
  /* 0666 less the umask, like any new file */
  return open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
}

static int
link_new (const char *path,
          gpointer    target)
{
  return link (target, path);
}

/**
 * br_export_clean_up_on_signals:
 *
 * Makes SIGINT, SIGTERM and SIGHUP remove the temporary files of the exports under
 * way before the process ends as the signal would end it. For programs that have no
 * handler of their own for these signals, such as the command line.
 */
void
br_export_clean_up_on_signals (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action = { 0 };

  action.sa_handler = clean_up_cb;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
}

/* ---- one file ----------------------------------------------------------------------- */

static gboolean
set_errno_error (BrExportFile *file,
                 int           saved_errno,
                 GError      **error)
{
  /* TRANSLATORS: a file name, then why it could not be written */
  g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"),
               file->display, g_strerror (saved_errno));
  return FALSE;
}

/* Writes through symbolic links, as an editor would, and never over a device or a
 * directory: renaming a regular file over /dev/null would replace the device. */
static gboolean
resolve_target (BrExportFile *file,
                const char   *path,
                GError      **error)
{
  struct stat st;
  char resolved[PATH_MAX];

  file->path = g_strdup (path);
  if (lstat (path, &st) != 0)
    return TRUE;

  if (S_ISLNK (st.st_mode))
    {
      if (realpath (path, resolved) == NULL || stat (resolved, &st) != 0)
        {
          g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_WRITE,
                       _("Cannot write “%s”: it is a symbolic link to nothing; remove it or "
                         "give the file it should point to"), file->display);
          return FALSE;
        }
      g_free (file->path);
      file->path = g_strdup (resolved);
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: it exists and is not a regular file"), file->display);
      return FALSE;
    }

  file->replacing = TRUE;
  file->target = st;
  return TRUE;
}

/* The replaced file's mode, and its owner and group where this process may set them */
static void
keep_mode_and_owner (BrExportFile *file,
                     int           fd)
{
  if (!file->replacing)
    return;

  if (fchown (fd, file->target.st_uid, file->target.st_gid) != 0 &&
      fchown (fd, (uid_t)-1, file->target.st_gid) != 0)
    {
      /* not permitted: the file stays the exporter's, as any new file */
    }
  fchmod (fd, file->target.st_mode & 0777);
}

static gboolean
create_temporary (BrExportFile *file,
                  GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (file->path);
  g_autofree char *base = g_path_get_basename (file->path);
  /* ".NAME.XXXXXX" within NAME_MAX, however long NAME is */
  g_autofree char *prefix = g_strdup_printf ("%s/.%.*s.", dir, (int)MIN (strlen (base), 247),
                                             base);
  int fd;

  fd = make_unique (prefix, open_new, NULL, &file->tmp_path, &file->slot);
  if (fd < 0)
    return set_errno_error (file, errno, error);
  keep_mode_and_owner (file, fd);

  file->stream = fdopen (fd, "wb");
  if (file->stream == NULL)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (file, saved_errno, error);
    }
  setvbuf (file->stream, NULL, _IOFBF, 256 * 1024);

  return TRUE;
}

/**
 * _br_export_file_new:
 * @path: the file to write in the end
 *
 * Creates the temporary file beside @path.
 *
 * Returns: (transfer full): the file, or %NULL with @error naming @path
 */
BrExportFile *
_br_export_file_new (const char *path,
                     GError    **error)
{
  g_autoptr(BrExportFile) file = g_new0 (BrExportFile, 1);

  file->slot = -1;
  file->backup_slot = -1;
  file->display = g_filename_display_name (path);
  if (!resolve_target (file, path, error) || !create_temporary (file, error))
    return NULL;

  return g_steal_pointer (&file);
}

gboolean
_br_export_file_write (BrExportFile *file,
                       const void   *data,
                       gsize         length,
                       GError      **error)
{
  g_assert (file->stream != NULL);

  if (length > 0 && fwrite (data, 1, length, file->stream) != length)
    return set_errno_error (file, errno, error);

  return TRUE;
}

/**
 * _br_export_file_finish:
 *
 * Flushes and closes the temporary file. When it will replace a file, its data reach
 * the disk first, so that a crash leaves the old file or the new one, never an empty one.
 */
gboolean
_br_export_file_finish (BrExportFile *file,
                        GError      **error)
{
  FILE *stream = g_steal_pointer (&file->stream);
  int saved_errno = 0;

  g_assert (stream != NULL);

  if (fflush (stream) != 0 || (file->replacing && fsync (fileno (stream)) != 0))
    saved_errno = errno;
  if (fclose (stream) != 0 && saved_errno == 0)
    saved_errno = errno;

  if (saved_errno != 0)
    return set_errno_error (file, saved_errno, error);

  return TRUE;
}

gboolean
_br_export_file_commit (BrExportFile *file,
                        GError      **error)
{
  g_assert (file->stream == NULL);
  g_assert (file->tmp_path != NULL);

  if (g_rename (file->tmp_path, file->path) != 0)
    return set_errno_error (file, errno, error);

  pending_remove (file->slot);
  file->slot = -1;
  g_clear_pointer (&file->tmp_path, g_free);
  return TRUE;
}

/* A second name for the file @file replaces, so that it can be put back. */
static gboolean
make_backup (BrExportFile *file,
             GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (file->path);
  g_autofree char *prefix = g_strconcat (dir, "/.burnrate-old-", NULL);

  if (!file->replacing)
    return TRUE;

  if (make_unique (prefix, link_new, file->path, &file->backup_path, &file->backup_slot) < 0)
    return set_errno_error (file, errno, error);

  return TRUE;
}

/* Puts back what a committed @file replaced, or removes it when it replaced nothing. */
static void
undo_commit (BrExportFile *file)
{
  if (file->backup_path != NULL)
    g_rename (file->backup_path, file->path);
  else if (!file->replacing)
    g_unlink (file->path);
  g_clear_pointer (&file->backup_path, g_free);
  pending_remove (file->backup_slot);
  file->backup_slot = -1;
}

/**
 * _br_export_files_commit:
 * @files: (element-type BrExportFile): finished files
 *
 * Renames every file into place, or none: each file that will be replaced is first
 * given a second name, and when a rename fails the files renamed before it are put
 * back. Without hard links (or with a target that cannot take a second name) nothing
 * is renamed at all.
 */
gboolean
_br_export_files_commit (GPtrArray  *files,
                         GError    **error)
{
  guint i, done = 0;
  gboolean ok = TRUE;

  for (i = 0; i < files->len && ok; i++)
    ok = make_backup (g_ptr_array_index (files, i), error);

  for (i = 0; i < files->len && ok; i++)
    {
      if ((ok = _br_export_file_commit (g_ptr_array_index (files, i), error)))
        done++;
    }

  for (i = 0; i < files->len; i++)
    {
      BrExportFile *file = g_ptr_array_index (files, i);

      if (!ok && i < done)
        undo_commit (file);
      else if (file->backup_path != NULL)
        g_unlink (file->backup_path);
      g_clear_pointer (&file->backup_path, g_free);
      pending_remove (file->backup_slot);
      file->backup_slot = -1;
    }

  return ok;
}

/**
 * br_export_check_target:
 * @path: a file an export would write
 * @source: (nullable): the dataset the export is drawn from
 *
 * Refuses a target that is the dataset itself, by name, through a symbolic link or as
 * another hard link to it.
 *
 * Returns: %FALSE, with @error saying so, when writing @path would replace @source
 */
gboolean
br_export_check_target (const char *path,
                        const char *source,
                        GError    **error)
{
  struct stat target_st, source_st;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (source == NULL || stat (source, &source_st) != 0 || stat (path, &target_st) != 0 ||
      target_st.st_dev != source_st.st_dev || target_st.st_ino != source_st.st_ino)
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_SOURCE,
               _("Cannot write “%s”: it is the dataset the charts are drawn from"), display);
  return FALSE;
}

/**
 * _br_export_file_free:
 *
 * Closes @file, and removes its temporary file unless it was committed.
 */
void
_br_export_file_free (BrExportFile *file)
{
  if (file == NULL)
    return;

  g_clear_pointer (&file->stream, fclose);
  if (file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  pending_remove (file->slot);
  pending_remove (file->backup_slot);
  g_free (file->backup_path);

  g_clear_error (&file->error);
  g_free (file->tmp_path);
  g_free (file->path);
  g_free (file->display);
  g_free (file);
}

/* A cairo_write_func_t for the PDF and SVG surfaces, writing into a BrExportFile. */
cairo_status_t
_br_export_file_cairo_write (void                *closure,
                             const unsigned char *data,
                             unsigned int         length)
{
  BrExportFile *file = closure;

  if (file->error != NULL || !_br_export_file_write (file, data, length, &file->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* A cairo write function that appends to the GByteArray @closure */
cairo_status_t
_br_export_bytes_write (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* Turns the status of a surface that wrote into @file into an error naming the file. */
gboolean
_br_export_file_check (BrExportFile  *file,
                       cairo_status_t status,
                       GError       **error)
{
  if (file->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&file->error));
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_DRAW, _("Cannot write “%s”: %s"),
                   file->display, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* A BrPngWriteFunc that writes into the BrExportFile @file. */
gboolean
_br_export_file_png_write (const guint8  *data,
                           gsize          length,
                           gpointer       file,
                           GError       **error)
{
  return _br_export_file_write (file, data, length, error);
}
