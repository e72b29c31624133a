/* br-export.c: charts written as PNG, PDF, SVG and CSV files
 *
 * Each format draws with br_chart_draw(), the same call as the window, into the surface
 * the format needs, and writes through a BrExportFile so that a failed export leaves
 * nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "br-export-private.h"
#include "br-png.h"

G_DEFINE_QUARK (br-export-error-quark, br_export_error)

static const char *extensions[BR_N_EXPORT_FORMATS] = { "png", "pdf", "svg", "csv" };

/* One file being written. A worker thread may finish it: encode a PNG, or embed a
 * PDF's fonts; the thread that created it touches it again only once the pool is done. */
typedef struct
{
  BrExportFormat   format;
  BrExportFile    *file;
  cairo_surface_t *surface;   /* a PNG's pixels, or a PDF with every page drawn */
  BrChartLayout   *layout;    /* a PNG's chart, for its title and description */
  GError          *error;     /* set by the worker */
} Output;

/* One export: every chart in every format asked for. */
typedef struct
{
  BrDataset            *dataset;
  const BrChartOptions *options;
  double                width;
  double                height;
  double                scale;
  GThreadPool          *pool;      /* finishes PNGs and PDFs while the next chart draws */
  GPtrArray            *outputs;   /* Output */
} Job;

/**
 * br_export_format_from_path:
 * @path: a file name ending in .png, .pdf, .svg or .csv, in any case
 *
 * Returns: %TRUE and @format when the extension is known; else %FALSE with @error set
 */
gboolean
br_export_format_from_path (const char     *path,
                            BrExportFormat *format,
                            GError        **error)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL)
    {
      for (guint i = 0; i < BR_N_EXPORT_FORMATS; i++)
        {
          if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
            {
              *format = i;
              return TRUE;
            }
        }
    }

  g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_FORMAT,
               _("Cannot tell the format of “%s”: its name must end in .png, .pdf, .svg or .csv"),
               path);
  return FALSE;
}

const char *
br_export_format_to_extension (BrExportFormat format)
{
  g_return_val_if_fail (format < BR_N_EXPORT_FORMATS, NULL);

  return extensions[format];
}

static gboolean
size_ok (double value)
{
  return isfinite (value) && value >= 1 && value <= BR_EXPORT_MAX_SIZE;
}

/**
 * br_export_check_size:
 * @width: in pixels at scale 1 (PNG), points (PDF) or CSS pixels (SVG)
 * @scale: pixels per unit in a PNG; ignored by the vector formats
 *
 * Returns: %TRUE when the chart can be exported at this size
 */
gboolean
br_export_check_size (BrExportFormat format,
                      double         width,
                      double         height,
                      double         scale,
                      GError       **error)
{
  if (!size_ok (width) || !size_ok (height))
    {
      g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_SIZE,
                   _("The size %g×%g is out of range: width and height must be from 1 to %d"),
                   width, height, BR_EXPORT_MAX_SIZE);
      return FALSE;
    }

  if (!isfinite (scale) || scale <= 0 || scale > BR_EXPORT_MAX_SCALE)
    {
      g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_SIZE,
                   _("The scale %g is out of range: it must be above 0 and at most %g"),
                   scale, BR_EXPORT_MAX_SCALE);
      return FALSE;
    }

  if (format == BR_EXPORT_PNG &&
      (ceil (width * scale) > BR_EXPORT_MAX_SIZE || ceil (height * scale) > BR_EXPORT_MAX_SIZE))
    {
      g_set_error (error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_SIZE,
                   _("The image %g×%g at scale %g would be larger than %d pixels a side"),
                   width, height, scale, BR_EXPORT_MAX_SIZE);
      return FALSE;
    }

  return TRUE;
}

/**
 * br_export_path_for_chart:
 * @path: the file name given for a whole export, such as `out.png`
 *
 * Returns: (transfer full): the name of one chart's file, such as `out-losses.png`
 */
char *
br_export_path_for_chart (const char  *path,
                          BrChartKind  kind)
{
  const char *dot = strrchr (path, '.');
  const char *name = br_chart_kind_to_string (kind);

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return g_strdup_printf ("%s-%s", path, name);

  return g_strdup_printf ("%.*s-%s%s", (int)(dot - path), path, name, dot);
}

static void
output_free (Output *out)
{
  g_clear_pointer (&out->surface, cairo_surface_destroy);
  g_clear_pointer (&out->layout, br_chart_layout_unref);
  g_clear_pointer (&out->file, _br_export_file_free);
  g_clear_error (&out->error);
  g_free (out);
}

static Output *
add_output (Job            *job,
            BrExportFormat  format,
            const char     *path,
            GError        **error)
{
  BrExportFile *file = _br_export_file_new (path, error);
  Output *out;

  if (file == NULL)
    return NULL;

  out = g_new0 (Output, 1);
  out->format = format;
  out->file = file;
  g_ptr_array_add (job->outputs, out);

  return out;
}

static BrChartLayout *
draw (const Job   *job,
      BrChartKind  kind,
      cairo_t     *cr)
{
  g_autoptr(BrChartOptions) options = br_chart_options_copy (job->options);

  br_chart_options_set_kind (options, kind);

  return br_chart_draw (cr, job->dataset, options, job->width, job->height);
}

static gboolean
encode_png (Output  *out,
            GError **error)
{
  BrPngOptions png;

  br_png_options_init (&png);
  png.title = br_chart_layout_get_title (out->layout);
  png.description = br_chart_layout_get_description (out->layout);

  return br_png_write (out->surface, &png, _br_export_file_png_write, out->file, error);
}

/* Embeds the fonts and writes the trailer: with Chinese text, most of a PDF's time. */
static gboolean
finish_pdf (Output  *out,
            GError **error)
{
  cairo_surface_finish (out->surface);

  return _br_export_file_check (out->file, cairo_surface_status (out->surface), error);
}

static void
finish_output (Output *out)
{
  gboolean ok;

  if (out->format == BR_EXPORT_PNG)
    ok = encode_png (out, &out->error);
  else
    ok = finish_pdf (out, &out->error);

  if (ok)
    _br_export_file_finish (out->file, &out->error);

  /* the pixels are not needed any more: free them before the others are done */
  g_clear_pointer (&out->surface, cairo_surface_destroy);
}

static void
finish_output_cb (gpointer data,
                  gpointer user_data)
{
  finish_output (data);
}

/* On a worker when there are spare cores; here when the image is huge, so that no more
 * than one huge image is in memory at a time. */
static gboolean
dispatch (Job     *job,
          Output  *out,
          GError **error)
{
  gboolean huge = job->width * job->height * job->scale * job->scale > 4096. * 4096.;

  if (job->pool != NULL && !(out->format == BR_EXPORT_PNG && huge))
    return g_thread_pool_push (job->pool, out, error);

  finish_output (out);
  if (out->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&out->error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
export_png (Job         *job,
            BrChartKind  kind,
            const char  *path,
            GError     **error)
{
  gboolean transparent = br_chart_options_get_transparent (job->options);
  Output *out = add_output (job, BR_EXPORT_PNG, path, error);
  cairo_status_t status;
  cairo_t *cr;

  if (out == NULL)
    return FALSE;

  out->surface = cairo_image_surface_create (transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                             (int)ceil (job->width * job->scale),
                                             (int)ceil (job->height * job->scale));
  cairo_surface_set_device_scale (out->surface, job->scale, job->scale);
  cr = cairo_create (out->surface);
  out->layout = draw (job, kind, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  return _br_export_file_check (out->file, status, error) && dispatch (job, out, error);
}

static cairo_status_t
bytes_write_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* cairo writes no <title> or <desc>: they go right after the opening <svg> tag. */
static GString *
svg_with_text (GByteArray    *svg,
               BrChartLayout *layout)
{
  GString *out = g_string_new_len ((const char *)svg->data, svg->len);
  const char *start = g_strstr_len (out->str, out->len, "<svg");
  const char *end = start != NULL ? strchr (start, '>') : NULL;
  const char *chart_title = br_chart_layout_get_title (layout);
  g_autofree char *title = g_markup_escape_text (chart_title != NULL ? chart_title : "", -1);
  g_autofree char *desc = g_markup_escape_text (br_chart_layout_get_description (layout), -1);
  g_autofree char *text = NULL;
  gsize at;

  g_assert (end != NULL);
  at = end - out->str;
  text = g_strdup_printf ("\n<title id=\"br-title\">%s</title>\n<desc id=\"br-desc\">%s</desc>",
                          title, desc);
  g_string_insert (out, at + 1, text);
  g_string_insert (out, at, " role=\"img\" aria-labelledby=\"br-title br-desc\"");

  return out;
}

static gboolean
export_svg (Job         *job,
            BrChartKind  kind,
            const char  *path,
            GError     **error)
{
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  g_autoptr(BrChartLayout) layout = NULL;
  g_autoptr(GString) text = NULL;
  Output *out = add_output (job, BR_EXPORT_SVG, path, error);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (out == NULL)
    return FALSE;

  surface = cairo_svg_surface_create_for_stream (bytes_write_cb, svg, job->width, job->height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  layout = draw (job, kind, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!_br_export_file_check (out->file, status, error))
    return FALSE;

  text = svg_with_text (svg, layout);
  return _br_export_file_write (out->file, text->str, text->len, error) &&
         _br_export_file_finish (out->file, error);
}

static gboolean
export_csv (Job         *job,
            BrChartKind  kind,
            const char  *path,
            GError     **error)
{
  g_autoptr(BrChartLayout) layout = NULL;
  g_autofree char *csv = NULL;
  Output *out = add_output (job, BR_EXPORT_CSV, path, error);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (out == NULL)
    return FALSE;

  /* the layout holds the plotted values; the drawing itself is thrown away */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  layout = draw (job, kind, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (!_br_export_file_check (out->file, status, error))
    return FALSE;

  csv = br_export_csv (layout, br_chart_options_get_language (job->options));
  return _br_export_file_write (out->file, csv, strlen (csv), error) &&
         _br_export_file_finish (out->file, error);
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  const Job       *job,
                  GPtrArray       *layouts)
{
  g_autoptr(GString) subject = g_string_new (NULL);
  const char *title;

  if (layouts->len == 1)
    title = br_chart_layout_get_title (g_ptr_array_index (layouts, 0));
  else
    title = br_text_get (br_dataset_get_title (job->dataset),
                         br_chart_options_get_language (job->options));

  for (guint i = 0; i < layouts->len; i++)
    {
      if (i > 0)
        g_string_append_c (subject, ' ');
      g_string_append (subject, br_chart_layout_get_description (g_ptr_array_index (layouts, i)));
    }

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title != NULL ? title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Burnrate");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Burnrate " PACKAGE_VERSION);
}

/* One chart a page, each page an entry in the outline (the viewer's bookmarks). */
static gboolean
export_pdf (Job               *job,
            const BrChartKind *kinds,
            guint              n_kinds,
            const char        *path,
            GError           **error)
{
  g_autoptr(GPtrArray) layouts = NULL;
  Output *out = add_output (job, BR_EXPORT_PDF, path, error);
  cairo_status_t status;
  cairo_t *cr;

  if (out == NULL)
    return FALSE;

  layouts = g_ptr_array_new_with_free_func ((GDestroyNotify)br_chart_layout_unref);
  out->surface = cairo_pdf_surface_create_for_stream (_br_export_file_cairo_write, out->file,
                                                      job->width, job->height);
  cr = cairo_create (out->surface);
  for (guint i = 0; i < n_kinds; i++)
    {
      BrChartLayout *layout = draw (job, kinds[i], cr);
      g_autofree char *link = g_strdup_printf ("page=%u", i + 1);

      g_ptr_array_add (layouts, layout);
      if (n_kinds > 1)
        cairo_pdf_surface_add_outline (out->surface, CAIRO_PDF_OUTLINE_ROOT,
                                       br_chart_layout_get_title (layout), link, 0);
      cairo_show_page (cr);
    }
  set_pdf_metadata (out->surface, job, layouts);
  status = cairo_status (cr);
  cairo_destroy (cr);

  return _br_export_file_check (out->file, status, error) && dispatch (job, out, error);
}

static gboolean
export_target (Job                  *job,
               const BrExportTarget *target,
               const BrChartKind    *kinds,
               guint                 n_kinds,
               GError              **error)
{
  if (target->format == BR_EXPORT_PDF)
    return export_pdf (job, kinds, n_kinds, target->path, error);

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *path = n_kinds > 1 ? br_export_path_for_chart (target->path, kinds[i])
                                          : g_strdup (target->path);
      gboolean ok;

      switch (target->format)
        {
        case BR_EXPORT_PNG:
          ok = export_png (job, kinds[i], path, error);
          break;
        case BR_EXPORT_SVG:
          ok = export_svg (job, kinds[i], path, error);
          break;
        case BR_EXPORT_CSV:
          ok = export_csv (job, kinds[i], path, error);
          break;
        case BR_EXPORT_PDF:
        case BR_N_EXPORT_FORMATS:
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Waits for the workers, and renames every file into place only if all of them were
 * written: a failure leaves none of them, and the targets as they were. */
static gboolean
complete (Job     *job,
          GError **error)
{
  if (job->pool != NULL)
    g_thread_pool_free (g_steal_pointer (&job->pool), FALSE, TRUE);

  for (guint i = 0; i < job->outputs->len; i++)
    {
      Output *out = g_ptr_array_index (job->outputs, i);

      if (out->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&out->error));
          return FALSE;
        }
    }

  for (guint i = 0; i < job->outputs->len; i++)
    {
      Output *out = g_ptr_array_index (job->outputs, i);

      if (!_br_export_file_commit (out->file, error))
        return FALSE;
    }

  return TRUE;
}

static void
job_clear (Job *job)
{
  /* the workers still running finish before their outputs go */
  if (job->pool != NULL)
    g_thread_pool_free (g_steal_pointer (&job->pool), TRUE, TRUE);
  g_clear_pointer (&job->outputs, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Job, job_clear)

static gboolean
check_args (BrDataset            *dataset,
            const BrChartOptions *options,
            guint                 n_kinds,
            const BrExportTarget *targets,
            guint                 n_targets,
            double                width,
            double                height,
            double                scale,
            GError              **error)
{
  g_return_val_if_fail (BR_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (n_kinds > 0, FALSE);
  g_return_val_if_fail (targets != NULL || n_targets == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_targets; i++)
    {
      g_return_val_if_fail (targets[i].format < BR_N_EXPORT_FORMATS, FALSE);
      g_return_val_if_fail (targets[i].path != NULL, FALSE);

      if (!br_export_check_size (targets[i].format, width, height, scale, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * br_export_charts:
 * @options: how to draw the charts; its kind is ignored
 * @kinds: (array length=n_kinds): the charts to export
 * @targets: (array length=n_targets): the files to write
 * @width: in pixels at scale 1 (PNG and SVG) or points (PDF)
 * @scale: device pixels per pixel of a PNG; ignored by the other formats
 *
 * Writes the charts in every format asked for. A PDF holds one chart a page; PNG, SVG
 * and CSV hold one chart, so several charts go to one file each, named by
 * br_export_path_for_chart(). Each chart is drawn with br_chart_draw(); PNGs are encoded
 * and PDFs completed on worker threads while the next chart draws.
 *
 * Every file is written to a temporary file beside it and renamed into place only once
 * all of them are complete: a failure leaves no partial file and touches no existing one.
 *
 * Returns: %TRUE on success; else %FALSE with @error naming the file
 */
gboolean
br_export_charts (BrDataset            *dataset,
                  const BrChartOptions *options,
                  const BrChartKind    *kinds,
                  guint                 n_kinds,
                  const BrExportTarget *targets,
                  guint                 n_targets,
                  double                width,
                  double                height,
                  double                scale,
                  GError              **error)
{
  g_auto(Job) job = { dataset, options, width, height, scale };
  guint n_processors = g_get_num_processors ();

  if (!check_args (dataset, options, n_kinds, targets, n_targets, width, height, scale, error))
    return FALSE;

  job.outputs = g_ptr_array_new_with_free_func ((GDestroyNotify)output_free);
  if (n_processors > 1)
    job.pool = g_thread_pool_new (finish_output_cb, NULL, MIN (n_processors, 8), FALSE, NULL);

  /* PDFs last: their first page waits on the fonts, while the workers encode PNGs */
  for (int pdf = 0; pdf <= 1; pdf++)
    for (guint i = 0; i < n_targets; i++)
      {
        if ((targets[i].format == BR_EXPORT_PDF) != pdf)
          continue;
        if (!export_target (&job, &targets[i], kinds, n_kinds, error))
          return FALSE;
      }

  return complete (&job, error);
}

/**
 * br_export_chart:
 * @options: the chart to draw, and how
 * @path: the file to write
 *
 * Writes one chart as @format; see br_export_charts().
 *
 * Returns: %TRUE on success; else %FALSE with @error naming @path
 */
gboolean
br_export_chart (BrDataset            *dataset,
                 const BrChartOptions *options,
                 BrExportFormat        format,
                 const char           *path,
                 double                width,
                 double                height,
                 double                scale,
                 GError              **error)
{
  BrExportTarget target = { format, path };
  BrChartKind kind;

  g_return_val_if_fail (options != NULL, FALSE);

  kind = br_chart_options_get_kind (options);
  return br_export_charts (dataset, options, &kind, 1, &target, 1, width, height, scale, error);
}

/**
 * br_export_all:
 * @options: how to draw every chart; its kind is ignored
 * @path: the PDF to write, or the name each chart's PNG, SVG or CSV file is derived from
 *   with br_export_path_for_chart()
 *
 * Writes every chart as @format; see br_export_charts().
 *
 * Returns: %TRUE on success; else %FALSE with @error naming the path
 */
gboolean
br_export_all (BrDataset            *dataset,
               const BrChartOptions *options,
               BrExportFormat        format,
               const char           *path,
               double                width,
               double                height,
               double                scale,
               GError              **error)
{
  static const BrChartKind kinds[] = {
    BR_CHART_LOSSES, BR_CHART_RND, BR_CHART_CUSTOMERS, BR_CHART_VALUATION,
  };
  BrExportTarget target = { format, path };

  G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == BR_N_CHART_KINDS);

  return br_export_charts (dataset, options, kinds, G_N_ELEMENTS (kinds), &target, 1, width,
                           height, scale, error);
}
