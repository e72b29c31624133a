/* br-export-job.c: one export's pipeline, from the charts' layouts to their files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-export"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "br-chart-private.h"
#include "br-export-private.h"

/* One chart, drawn once into a recording that every PNG and PDF page of it replays: the
 * text is laid out once, however many files show the chart. The calling thread records
 * the charts one after the other, all in one Pango font map, so that each font is looked
 * up once. Workers rasterize and encode the PNGs, and a thread a PDF writes its pages,
 * as the recordings come. */
typedef struct
{
  BrChartKind      kind;
  cairo_surface_t *recording;
  BrChartLayout   *layout;
  GError          *error;       /* recording it failed */
  gboolean         recorded;    /* under Job.lock: recorded, or failed */
  GPtrArray       *pngs;        /* BrExportFile, this chart's PNG files */
  GError          *png_error;   /* set by the worker */
} Chart;

/* One export: every chart in every format asked for. */
typedef struct
{
  BrDataset            *dataset;
  const BrChartOptions *options;
  BrChartKind           kinds[BR_N_CHART_KINDS];
  guint                 n_kinds;
  double                width;
  double                height;
  double                scale;
  GThreadPool          *pool;      /* rasterizes and encodes the PNGs */
  GPtrArray            *pdfs;      /* Pdf, each written on its own thread */
  GPtrArray            *files;     /* BrExportFile, every file written */
  GPtrArray            *charts;    /* Chart, for the PNGs and PDFs */
  GMutex                lock;
  GCond                 recorded;  /* a chart was recorded, or the job stopped */
  gboolean              stopped;   /* under lock: the job failed; waiting is over */
  BrImagePool           images;    /* for the PNGs */
} Job;

/* A PDF target, and the thread writing it */
typedef struct
{
  Job          *job;
  BrExportFile *file;
  GThread      *thread;
} Pdf;

static void
chart_free (Chart *chart)
{
  g_clear_pointer (&chart->recording, cairo_surface_destroy);
  g_clear_pointer (&chart->layout, br_chart_layout_unref);
  g_clear_pointer (&chart->pngs, g_ptr_array_unref);
  g_clear_error (&chart->error);
  g_clear_error (&chart->png_error);
  g_free (chart);
}

static BrExportFile *
add_file (Job         *job,
          const char  *path,
          GError     **error)
{
  BrExportFile *file = _br_export_file_new (path, error);

  if (file != NULL)
    g_ptr_array_add (job->files, file);

  return file;
}

/* Draws the chart of @kind on @surface; returns its layout, and in @status whether the
 * drawing and the surface are whole */
static BrChartLayout *
draw (const Job       *job,
      BrChartKind      kind,
      cairo_surface_t *surface,
      cairo_status_t  *status)
{
  g_autoptr(BrChartOptions) options = br_chart_options_copy (job->options);
  cairo_t *cr = cairo_create (surface);
  BrChartLayout *layout;

  br_chart_options_set_kind (options, kind);
  layout = br_chart_draw (cr, job->dataset, options, job->width, job->height);
  *status = cairo_status (cr);
  cairo_destroy (cr);
  if (*status == CAIRO_STATUS_SUCCESS)
    *status = cairo_surface_status (surface);

  return layout;
}

/* Replays @chart into a fresh image, which stays the thread's until encoded. */
static cairo_surface_t *
rasterize (Job     *job,
           Chart   *chart,
           GError **error)
{
  cairo_surface_t *image = _br_image_pool_take (&job->images);
  cairo_status_t status;
  cairo_t *cr = cairo_create (image);

  /* SOURCE, not OVER: cairo then replays the recording straight into the image (after
   * clearing it, unless it is new) rather than into a temporary image of the same size
   * that it composites over this one; that costs 8 MB of fresh memory at 1080p, and its
   * page faults, a chart. */
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, chart->recording, 0, 0);
  cairo_paint (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      _br_export_file_check (g_ptr_array_index (chart->pngs, 0), status, error);
      cairo_surface_destroy (image);
      return NULL;
    }

  return image;
}

/* Lays out and records @chart, on the calling thread. */
static gboolean
record_chart (Job   *job,
              Chart *chart)
{
  cairo_rectangle_t extents = { 0, 0, job->width, job->height };
  cairo_status_t status;

  chart->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  chart->layout = draw (job, chart->kind, chart->recording, &status);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (&chart->error, BR_EXPORT_ERROR, BR_EXPORT_ERROR_DRAW,
                   _("Could not draw the chart “%s”: %s"), br_chart_kind_to_string (chart->kind),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* @chart's PNGs, from its recording */
static void
encode_chart (Job   *job,
              Chart *chart)
{
  cairo_surface_t *image = rasterize (job, chart, &chart->png_error);

  for (guint i = 0; image != NULL && i < chart->pngs->len; i++)
    {
      if (!_br_export_png (g_ptr_array_index (chart->pngs, i), image, chart->layout,
                       &chart->png_error))
        break;
    }

  if (image != NULL)
    _br_image_pool_give (&job->images, image);
}

/* A worker's task: @data is a chart to rasterize and encode, or the job itself for an
 * image to make ahead */
static void
encode_chart_cb (gpointer data,
                 gpointer user_data)
{
  Job *job = user_data;

  /* a worker's first task, while the first chart is laid out: the image it will draw in */
  if (data == job)
    _br_image_pool_make (&job->images, TRUE);
  else
    encode_chart (job, data);
}

/* @chart is recorded, or failed to be: the PDF threads may go on. */
static void
mark_recorded (Job   *job,
               Chart *chart)
{
  g_mutex_lock (&job->lock);
  chart->recorded = TRUE;
  g_cond_broadcast (&job->recorded);
  g_mutex_unlock (&job->lock);
}

/* Waits until @chart is recorded; FALSE with @error set when it failed, or the job did. */
static gboolean
wait_recorded (Job     *job,
               Chart   *chart,
               GError **error)
{
  gboolean stopped;

  g_mutex_lock (&job->lock);
  while (!chart->recorded && !job->stopped)
    g_cond_wait (&job->recorded, &job->lock);
  stopped = !chart->recorded;
  g_mutex_unlock (&job->lock);

  if (stopped)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The export stopped");
      return FALSE;
    }
  if (chart->error != NULL)
    {
      g_propagate_error (error, g_error_copy (chart->error));
      return FALSE;
    }

  return TRUE;
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
export_svg (Job           *job,
            BrChartKind    kind,
            BrExportFile  *file,
            GError       **error)
{
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (_br_export_bytes_write, svg,
                                                                  job->width, job->height);
  g_autoptr(BrChartLayout) layout = NULL;
  g_autoptr(GString) text = NULL;
  cairo_status_t status;

  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  layout = draw (job, kind, surface, &status);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!_br_export_file_check (file, status, error))
    return FALSE;

  text = svg_with_text (svg, layout);
  return _br_export_file_write (file, text->str, text->len, error) &&
         _br_export_file_finish (file, error);
}

static gboolean
export_csv (Job           *job,
            BrChartKind    kind,
            BrExportFile  *file,
            GError       **error)
{
  /* the layout holds the plotted values; the drawing itself is thrown away */
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  g_autoptr(BrChartLayout) layout = NULL;
  g_autofree char *csv = NULL;
  cairo_status_t status;

  layout = draw (job, kind, surface, &status);
  cairo_surface_destroy (surface);

  if (!_br_export_file_check (file, status, error))
    return FALSE;

  csv = br_export_csv (layout, br_chart_options_get_language (job->options));
  return _br_export_file_write (file, csv, strlen (csv), error) &&
         _br_export_file_finish (file, error);
}

/* The PDF's title: its chart's, or the dataset's when it has several; its subject,
 * the charts' descriptions */
static gboolean
close_pdf (BrExportFile    *file,
           cairo_surface_t *surface,
           cairo_t         *cr,
           const Job       *job,
           GPtrArray       *layouts,
           GError         **error)
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

  return _br_export_pdf_close (file, surface, cr, title, subject->str, error);
}

static Chart *
find_chart (Job         *job,
            BrChartKind  kind)
{
  for (guint i = 0; i < job->charts->len; i++)
    {
      Chart *chart = g_ptr_array_index (job->charts, i);

      if (chart->kind == kind)
        return chart;
    }

  return NULL;
}

/* One chart a page, each page an entry in the outline (the viewer's bookmarks), each
 * page a replay of its chart's recording once it is recorded. */
static gboolean
export_pdf (Job           *job,
            BrExportFile  *file,
            GError       **error)
{
  const BrChartKind *kinds = job->kinds;
  guint n_kinds = job->n_kinds;
  g_autoptr(GPtrArray) layouts = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  layouts = g_ptr_array_new_with_free_func ((GDestroyNotify)br_chart_layout_unref);
  surface = cairo_pdf_surface_create_for_stream (_br_export_file_cairo_write, file,
                                                 job->width, job->height);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_kinds; i++)
    {
      Chart *chart = find_chart (job, kinds[i]);

      if (!wait_recorded (job, chart, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          return FALSE;
        }

      cairo_set_source_surface (cr, chart->recording, 0, 0);
      cairo_paint (cr);
      g_ptr_array_add (layouts, br_chart_layout_ref (chart->layout));
      if (n_kinds > 1)
        _br_export_pdf_outline (surface, i + 1, br_chart_layout_get_title (chart->layout));
      cairo_show_page (cr);
    }

  /* embeds the fonts and writes the trailer, while the workers encode the PNGs */
  return close_pdf (file, surface, cr, job, layouts, error);
}

/* The SVG or CSV files of @target, one a chart */
static gboolean
export_target (Job                  *job,
               const BrExportTarget *target,
               GError              **error)
{
  const BrChartKind *kinds = job->kinds;
  guint n_kinds = job->n_kinds;

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *path = n_kinds > 1 ? br_export_path_for_chart (target->path, kinds[i])
                                          : g_strdup (target->path);
      BrExportFile *file = add_file (job, path, error);
      gboolean ok;

      if (file == NULL)
        return FALSE;

      switch (target->format)
        {
        case BR_EXPORT_SVG:
          ok = export_svg (job, kinds[i], file, error);
          break;
        case BR_EXPORT_CSV:
          ok = export_csv (job, kinds[i], file, error);
          break;
        case BR_EXPORT_PNG:
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

static void
pdf_free (Pdf *pdf)
{
  g_assert (pdf->thread == NULL);
  g_free (pdf);
}

/* A chart for each kind a PNG or PDF shows, and the PNG and PDF files, created here so
 * that an unwritable target fails before anything is drawn. */
static gboolean
plan_charts (Job                  *job,
             const BrExportTarget *targets,
             guint                 n_targets,
             GError              **error)
{
  for (guint j = 0; j < n_targets; j++)
    {
      Pdf *pdf;

      if (targets[j].format != BR_EXPORT_PDF)
        continue;

      pdf = g_new0 (Pdf, 1);
      pdf->job = job;
      g_ptr_array_add (job->pdfs, pdf);
      if ((pdf->file = add_file (job, targets[j].path, error)) == NULL)
        return FALSE;
    }

  for (guint i = 0; i < job->n_kinds; i++)
    {
      Chart *chart = NULL;

      for (guint j = 0; j < n_targets; j++)
        {
          g_autofree char *path = NULL;
          BrExportFile *file;

          if (targets[j].format != BR_EXPORT_PNG && targets[j].format != BR_EXPORT_PDF)
            continue;

          if (chart == NULL)
            {
              chart = g_new0 (Chart, 1);
              chart->kind = job->kinds[i];
              chart->pngs = g_ptr_array_new ();
              g_ptr_array_add (job->charts, chart);
            }

          if (targets[j].format != BR_EXPORT_PNG)
            continue;

          path = job->n_kinds > 1 ? br_export_path_for_chart (targets[j].path, job->kinds[i])
                                  : g_strdup (targets[j].path);
          file = add_file (job, path, error);
          if (file == NULL)
            return FALSE;
          g_ptr_array_add (chart->pngs, file);
        }
    }

  return TRUE;
}

static gpointer
pdf_thread (gpointer data)
{
  Pdf *pdf = data;
  GError *error = NULL;

  export_pdf (pdf->job, pdf->file, &error);

  return error;
}

/* Each PDF on a thread of its own, which waits for the charts to be recorded in turn */
static void
start_pdfs (Job *job)
{
  for (guint i = 0; i < job->pdfs->len; i++)
    {
      Pdf *pdf = g_ptr_array_index (job->pdfs, i);

      pdf->thread = g_thread_new ("br-export-pdf", pdf_thread, pdf);
    }
}

/* Waits for the PDF threads; returns the first error, if any */
static GError *
join_pdfs (Job *job)
{
  GError *first = NULL;

  for (guint i = 0; i < job->pdfs->len; i++)
    {
      Pdf *pdf = g_ptr_array_index (job->pdfs, i);
      GError *error = pdf->thread != NULL ? g_thread_join (g_steal_pointer (&pdf->thread)) : NULL;

      if (first == NULL)
        first = error;
      else
        g_clear_error (&error);
    }

  return first;
}

/* The PDFs on the calling thread, when they have no threads: every chart is recorded */
static gboolean
write_pdfs (Job     *job,
            GError **error)
{
  for (guint i = 0; i < job->pdfs->len; i++)
    {
      Pdf *pdf = g_ptr_array_index (job->pdfs, i);

      if (!export_pdf (job, pdf->file, error))
        return FALSE;
    }

  return TRUE;
}

/* The workers' images, made on the workers while this thread lays out the first chart:
 * one for each worker that will have a PNG to draw. These tasks come first in the
 * queue, so no chart waits in _br_image_pool_take() for an image whose task is not yet taken. */
static void
make_images_ahead (Job   *job,
                   guint  n_workers)
{
  guint n_pngs = 0;

  for (guint i = 0; i < job->charts->len; i++)
    {
      Chart *chart = g_ptr_array_index (job->charts, i);

      if (chart->pngs->len > 0)
        n_pngs++;
    }

  _br_image_pool_expect (&job->images, MIN (n_workers, n_pngs));
  for (guint i = 0; i < MIN (n_workers, n_pngs); i++)
    {
      if (!g_thread_pool_push (job->pool, job, NULL))
        _br_image_pool_make (&job->images, FALSE);
    }
}

/* Each chart laid out and recorded here in turn, then handed to the workers (or, with
 * none, rasterized and encoded here) */
static gboolean
record_charts (Job     *job,
               GError **error)
{
  for (guint i = 0; i < job->charts->len; i++)
    {
      Chart *chart = g_ptr_array_index (job->charts, i);
      gboolean recorded = record_chart (job, chart);

      mark_recorded (job, chart);
      if (!recorded)
        {
          g_propagate_error (error, g_error_copy (chart->error));
          return FALSE;
        }

      if (chart->pngs->len == 0)
        continue;
      if (job->pool == NULL)
        encode_chart (job, chart);
      else if (!g_thread_pool_push (job->pool, chart, error))
        return FALSE;
    }

  return TRUE;
}

/* Waits for the threads, and renames every file into place only if all of them were
 * written: a failure leaves none of them, and the targets as they were. */
static gboolean
complete (Job     *job,
          GError **error)
{
  GError *pdf_error = join_pdfs (job);

  if (job->pool != NULL)
    g_thread_pool_free (g_steal_pointer (&job->pool), FALSE, TRUE);

  if (pdf_error != NULL)
    {
      g_propagate_error (error, pdf_error);
      return FALSE;
    }

  /* the workers' errors: the first chart's */
  for (guint i = 0; i < job->charts->len; i++)
    {
      Chart *chart = g_ptr_array_index (job->charts, i);

      if (chart->png_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&chart->png_error));
          return FALSE;
        }
    }

  return _br_export_files_commit (job->files, error);
}

static void
job_clear (Job *job)
{
  /* the threads still running finish before their charts and files go */
  g_mutex_lock (&job->lock);
  job->stopped = TRUE;
  g_cond_broadcast (&job->recorded);
  g_mutex_unlock (&job->lock);
  if (job->pdfs != NULL)
    {
      GError *ignored = join_pdfs (job);

      g_clear_error (&ignored);
    }
  if (job->pool != NULL)
    g_thread_pool_free (g_steal_pointer (&job->pool), TRUE, TRUE);

  g_clear_pointer (&job->pdfs, g_ptr_array_unref);
  g_clear_pointer (&job->charts, g_ptr_array_unref);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  if (job->images.images != NULL)
    _br_image_pool_clear (&job->images);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->recorded);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Job, job_clear)

/* Each target is of a known format and takes the size they share */
static gboolean
check_targets (const BrExportTarget *targets,
               guint                 n_targets,
               GError              **error)
{
  for (guint i = 0; i < n_targets; i++)
    {
      g_return_val_if_fail (targets[i].format < BR_N_EXPORT_FORMATS, FALSE);
      g_return_val_if_fail (targets[i].path != NULL, FALSE);
      /* each chart is drawn once, for every file */
      g_return_val_if_fail (memcmp (&targets[i].size, &targets[0].size,
                                    sizeof (BrExportSize)) == 0, FALSE);

      if (!br_export_check_size (targets[i].format, &targets[i].size, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * br_export_charts:
 * @options: how to draw the charts; its kind is ignored
 * @kinds: the charts to export: BR_EXPORT_KIND() of each, or BR_EXPORT_ALL_KINDS
 * @targets: (array length=n_targets): the files to write, all of one size
 *
 * Writes the charts in every format asked for. A PDF holds one chart a page; PNG, SVG
 * and CSV hold one chart, so several charts go to one file each, named by
 * br_export_path_for_chart(). Each chart is drawn once with br_chart_draw(), on the calling
 * thread, into a recording; worker threads rasterize and encode the PNGs, and a thread a
 * PDF writes its pages, while the next chart draws.
 *
 * Every file is written to a temporary file beside it and renamed into place only once
 * all of them are complete: a failure leaves no partial file and touches no existing one.
 *
 * Returns: %TRUE on success; else %FALSE with @error naming the file
 */
gboolean
br_export_charts (BrDataset            *dataset,
                  const BrChartOptions *options,
                  guint                 kinds,
                  const BrExportTarget *targets,
                  guint                 n_targets,
                  GError              **error)
{
  g_return_val_if_fail (BR_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (kinds != 0 && (kinds & ~BR_EXPORT_ALL_KINDS) == 0, FALSE);
  g_return_val_if_fail (targets != NULL && n_targets > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_targets (targets, n_targets, error))
    return FALSE;

  const BrExportSize *size = &targets[0].size;
  g_auto(Job) job = { dataset, options, { 0, }, 0, size->width, size->height, size->scale };
  guint n_processors = g_get_num_processors ();
  gboolean huge = job.width * job.height * job.scale * job.scale > 4096. * 4096.;
  gboolean threads;

  for (BrChartKind kind = 0; kind < BR_N_CHART_KINDS; kind++)
    {
      if (kinds & BR_EXPORT_KIND (kind))
        job.kinds[job.n_kinds++] = kind;
    }
  g_mutex_init (&job.lock);
  g_cond_init (&job.recorded);
  job.pdfs = g_ptr_array_new_with_free_func ((GDestroyNotify)pdf_free);
  job.files = g_ptr_array_new_with_free_func ((GDestroyNotify)_br_export_file_free);
  job.charts = g_ptr_array_new_with_free_func ((GDestroyNotify)chart_free);

  _br_image_pool_init (&job.images, br_chart_options_get_transparent (options)
                                      ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                       job.width, job.height, job.scale);
  if (!plan_charts (&job, targets, n_targets, error))
    return FALSE;

  /* on threads when there are cores to spare; all here, one chart at a time, when the
   * images are huge, so that no more than one huge image is in memory at once */
  threads = n_processors > 1 && !huge;
  if (threads)
    {
      guint n_workers = MIN (n_processors, job.charts->len);

      job.pool = g_thread_pool_new (encode_chart_cb, &job, n_workers, FALSE, NULL);
      start_pdfs (&job);
      make_images_ahead (&job, n_workers);
    }

  if (!record_charts (&job, error))
    return FALSE;

  if (!threads && !write_pdfs (&job, error))
    return FALSE;

  /* the SVGs and CSVs, here while the threads write the PNGs and PDFs */
  for (guint i = 0; i < n_targets; i++)
    {
      if ((targets[i].format == BR_EXPORT_SVG || targets[i].format == BR_EXPORT_CSV) &&
          !export_target (&job, &targets[i], error))
        return FALSE;
    }

  return complete (&job, error);
}

