/* br-export-formats.c: what chart and slide exports write alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-export"

#include "config.h"

#include <cairo-pdf.h>

#include "br-export-private.h"
#include "br-png.h"

/* @image as a PNG with its chart's title and description, into @file */
gboolean
_br_export_png (BrExportFile     *file,
                cairo_surface_t  *image,
                BrChartLayout    *layout,
                GError          **error)
{
  BrPngOptions png;

  br_png_options_init (&png);
  png.title = br_chart_layout_get_title (layout);
  png.description = br_chart_layout_get_description (layout);

  return br_png_write (image, &png, _br_export_file_png_write, file, error) &&
         _br_export_file_finish (file, error);
}

/* An entry in the PDF's outline (the viewer's bookmarks) for page @page, from 1 */
void
_br_export_pdf_outline (cairo_surface_t *pdf,
                        guint            page,
                        const char      *title)
{
  g_autofree char *link = g_strdup_printf ("page=%u", page);

  cairo_pdf_surface_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
}

/* The PDF's title, subject, author and creator */
void
_br_export_pdf_metadata (cairo_surface_t *pdf,
                         const char      *title,
                         const char      *subject)
{
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, title != NULL ? title : "");
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_AUTHOR, "Burnrate");
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, "Burnrate " PACKAGE_VERSION);
}

/**
 * _br_export_pdf_close:
 * @cr: the context that drew @pdf's pages; destroyed
 * @pdf: a PDF surface writing into @file; finished and destroyed
 *
 * Sets the PDF's metadata, writes its fonts and trailer, and finishes @file.
 */
gboolean
_br_export_pdf_close (BrExportFile     *file,
                      cairo_surface_t  *pdf,
                      cairo_t          *cr,
                      const char       *title,
                      const char       *subject,
                      GError          **error)
{
  cairo_status_t status;

  _br_export_pdf_metadata (pdf, title, subject);
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (pdf);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf);
  cairo_surface_destroy (pdf);

  return _br_export_file_check (file, status, error) &&
         _br_export_file_finish (file, error);
}
