/* br-export-deck.c: the presentation deck as a PDF, or as numbered PNGs
 *
 * The slides are drawn by br_deck_draw_slide(), as in presentation mode, and written
 * like every export: beside their targets, renamed into place only when all are done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-export"

#include "config.h"

#include <errno.h>
#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "br-deck-private.h"
#include "br-export-private.h"

/* A Figure structure element for the page, which br-deck-pdf.c gives the slide's
 * description as alternative text. cairo 1.16 cannot tag text (it crashes finishing
 * the file), so the figure marks a clear rectangle over the slide. */
static void
mark_figure (cairo_t *cr,
             double   width,
             double   height)
{
  cairo_tag_begin (cr, "Figure", "");
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.004);
  cairo_rectangle (cr, 0, 0, 1, 1);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_tag_end (cr, "Figure");
}

/* The slides, each marked as a figure, written by cairo into @pdf */
static cairo_status_t
draw_pdf (BrDeck      *deck,
          const char  *title,
          GByteArray  *pdf,
          double       width,
          double       height)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (_br_export_bytes_write, pdf, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < br_deck_get_n_slides (deck); i++)
    {
      g_autoptr(BrChartLayout) layout = br_deck_draw_slide (deck, i, cr, width, height);

      mark_figure (cr, width, height);
      _br_export_pdf_outline (surface, i + 1, br_deck_get_slide_title (deck, i));
      cairo_show_page (cr);
    }

  _br_export_pdf_metadata (surface, title, _("Slides"));
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/* The PDF carries each slide's speaker notes as a text annotation on its page and its
 * description as the alternative text of the figure it is (br-deck-pdf.c). */
static gboolean
deck_pdf (BrDeck      *deck,
          const char  *title,
          const char  *path,
          double       width,
          double       height,
          GError     **error)
{
  g_autoptr(BrExportFile) file = _br_export_file_new (path, error);
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_status_t status;

  if (file == NULL)
    return FALSE;

  status = draw_pdf (deck, title, pdf, width, height);
  if (status == CAIRO_STATUS_SUCCESS && !br_deck_pdf_add_notes (deck, pdf, width, height))
    g_warning ("The deck's PDF is not laid out as expected: it is written without its notes");

  return _br_export_file_check (file, status, error) &&
         _br_export_file_write (file, pdf->data, pdf->len, error) &&
         _br_export_file_finish (file, error) &&
         _br_export_file_commit (file, error);
}

static gboolean
ensure_directory (const char  *path,
                  GError     **error)
{
  if (g_mkdir_with_parents (path, 0755) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_WRITE,
                   _("Cannot create the folder “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/* DIR/slide-01.png …: all written first, then all renamed, so that a failure leaves
 * none of them. */
static gboolean
deck_pngs (BrDeck      *deck,
           const char  *directory,
           double       width,
           double       height,
           double       scale,
           GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify)_br_export_file_free);
  int pixels_w = (int)ceil (width * scale), pixels_h = (int)ceil (height * scale);

  if (!ensure_directory (directory, error))
    return FALSE;

  for (guint i = 0; i < br_deck_get_n_slides (deck); i++)
    {
      g_autofree char *name = g_strdup_printf ("slide-%02u.png", i + 1);
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autoptr(BrChartLayout) layout = NULL;
      cairo_surface_t *surface;
      BrExportFile *file;
      gboolean ok;
      cairo_t *cr;

      if ((file = _br_export_file_new (path, error)) == NULL)
        return FALSE;
      g_ptr_array_add (files, file);

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels_w, pixels_h);
      cairo_surface_set_device_scale (surface, scale, scale);
      cr = cairo_create (surface);
      layout = br_deck_draw_slide (deck, i, cr, width, height);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      ok = _br_export_file_check (file, cairo_surface_status (surface), error) &&
           _br_export_png (file, surface, layout, error);
      cairo_surface_destroy (surface);
      if (!ok)
        return FALSE;
    }

  return _br_export_files_commit (files, error);
}

/**
 * br_export_deck:
 * @options: the user's choices, as presentation mode takes them
 * @target: %BR_EXPORT_PDF for one 16:9 PDF, or %BR_EXPORT_PNG for numbered PNGs in the
 *   folder @target's path names (created if missing)
 *
 * Writes the deck of presentation mode: a title slide, one slide per chart and the
 * sources.
 */
gboolean
br_export_deck (BrDataset            *dataset,
                const BrChartOptions *options,
                const BrExportTarget *target,
                GError              **error)
{
  const BrExportSize *size = &target->size;
  g_autoptr(BrDeck) deck = NULL;
  const char *title;

  g_return_val_if_fail (BR_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (target != NULL && target->path != NULL, FALSE);

  if (target->format != BR_EXPORT_PDF && target->format != BR_EXPORT_PNG)
    {
      g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_FORMAT,
                   _("Slides are written as a PDF or as PNG images"));
      return FALSE;
    }

  if (!br_export_check_size (target->format, size, error))
    return FALSE;

  deck = br_deck_new (dataset, options, NULL);
  title = br_text_get (br_dataset_get_title (dataset), br_chart_options_get_language (options));

  if (target->format == BR_EXPORT_PDF)
    return deck_pdf (deck, title != NULL ? title : "", target->path, size->width, size->height,
                     error);

  return deck_pngs (deck, target->path, size->width, size->height, size->scale, error);
}
