/* br-export.c: charts written as PNG, PDF, SVG and CSV files: the public calls
 *
 * Each format draws with br_chart_draw(), the same call as the window, into the surface
 * the format needs (br-export-job.c), and writes through a BrExportFile so that a failed
 * export leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "br-export-private.h"

G_DEFINE_QUARK (br-export-error-quark, br_export_error)

static const char *extensions[BR_N_EXPORT_FORMATS] = { "png", "pdf", "svg", "csv" };

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
 *
 * Returns: %TRUE when the chart can be exported as @format at @size
 */
gboolean
br_export_check_size (BrExportFormat      format,
                      const BrExportSize *size,
                      GError            **error)
{
  double width = size->width, height = size->height, scale = size->scale;

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

/**
 * br_export_chart:
 * @options: the chart to draw, and how
 *
 * Writes one chart to @target; see br_export_charts().
 *
 * Returns: %TRUE on success; else %FALSE with @error naming the file
 */
gboolean
br_export_chart (BrDataset            *dataset,
                 const BrChartOptions *options,
                 const BrExportTarget *target,
                 GError              **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return br_export_charts (dataset, options, BR_EXPORT_KIND (br_chart_options_get_kind (options)),
                           target, 1, error);
}
