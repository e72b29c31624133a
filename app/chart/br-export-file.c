/* br-export-file.c: atomic file writes
 *
 * An export goes to a hidden temporary file in the target's directory, and is renamed
 * over the target only once it is complete and flushed. A failure at any step unlinks
 * the temporary file, so it leaves no partial file and never touches an existing one.
 * g_file_replace() is not used: it falls back to truncating the target in place when
 * the directory is not writable, and commits a partial file when its stream is closed.
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

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "br-export-private.h"

struct _BrExportFile
{
  char     *path;        /* the target, symbolic links resolved */
  char     *display;     /* the target as given, for messages */
  char     *tmp_path;    /* NULL once renamed, or never created */
  FILE     *stream;
  gboolean  replacing;   /* the target exists */
  GError   *error;       /* the first failure of a cairo write callback */
};

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
  GStatBuf st;
  char resolved[PATH_MAX];

  file->path = g_strdup (path);
  if (g_lstat (path, &st) != 0)
    return TRUE;

  if (S_ISLNK (st.st_mode) && realpath (path, resolved) != NULL)
    {
      g_free (file->path);
      file->path = g_strdup (resolved);
      if (g_stat (resolved, &st) != 0)
        return TRUE;
    }

  if (!S_ISREG (st.st_mode) && !S_ISLNK (st.st_mode))
    {
      g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: it exists and is not a regular file"), file->display);
      return FALSE;
    }

  file->replacing = TRUE;
  return TRUE;
}

static gboolean
create_temporary (BrExportFile *file,
                  GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (file->path);
  g_autofree char *base = g_path_get_basename (file->path);
  int fd;

  file->tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  /* 0666 less the umask, like any new file */
  fd = g_mkstemp_full (file->tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&file->tmp_path, g_free);
      return set_errno_error (file, saved_errno, error);
    }

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

  g_clear_pointer (&file->tmp_path, g_free);
  return TRUE;
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
