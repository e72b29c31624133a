/* br-export.h: charts written as PNG, PDF, SVG and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-chart.h"

G_BEGIN_DECLS

#define BR_EXPORT_ERROR (br_export_error_quark ())

typedef enum
{
  BR_EXPORT_ERROR_FORMAT = 1,   /* the file name ends in no known extension */
  BR_EXPORT_ERROR_SIZE,         /* a size or scale out of range */
  BR_EXPORT_ERROR_DRAW,         /* cairo could not draw or encode the chart */
  BR_EXPORT_ERROR_WRITE,        /* the file could not be written */
  BR_EXPORT_ERROR_SOURCE,       /* the file is the dataset being drawn */
} BrExportError;

typedef enum
{
  BR_EXPORT_PNG,
  BR_EXPORT_PDF,
  BR_EXPORT_SVG,
  BR_EXPORT_CSV,
  BR_N_EXPORT_FORMATS /*< skip >*/
} BrExportFormat;

/* How large a chart is drawn: width and height in pixels at scale 1 (PNG, SVG) or in
 * points (PDF), and the device pixels a pixel in a PNG (ignored by the other formats). */
typedef struct
{
  double width;
  double height;
  double scale;
} BrExportSize;

/* One file to write: its format, its name (or, for several charts in a format that
 * holds one, the name each chart's file is derived from with br_export_path_for_chart()),
 * and the size its charts are drawn at. */
typedef struct
{
  BrExportFormat  format;
  const char     *path;
  BrExportSize    size;
} BrExportTarget;

/* The charts br_export_charts() writes: BR_EXPORT_KIND (kind) for each, in the order of
 * BrChartKind, or BR_EXPORT_ALL_KINDS */
#define BR_EXPORT_KIND(kind) (1u << (kind))
#define BR_EXPORT_ALL_KINDS (BR_EXPORT_KIND (BR_N_CHART_KINDS) - 1)

/* the largest width or height, in units and, for PNG, in pixels */
#define BR_EXPORT_MAX_SIZE 16384
#define BR_EXPORT_MAX_SCALE 8.0

GQuark       br_export_error_quark          (void);
gboolean     br_export_check_target         (const char           *path,
                                             const char           *source,
                                             GError              **error);
void         br_export_clean_up_on_signals  (void);
gboolean     br_export_format_from_path     (const char           *path,
                                             BrExportFormat       *format,
                                             GError              **error);
const char  *br_export_format_to_extension  (BrExportFormat        format);
gboolean     br_export_check_size           (BrExportFormat        format,
                                             const BrExportSize   *size,
                                             GError              **error);
char        *br_export_path_for_chart       (const char           *path,
                                             BrChartKind           kind);
gboolean     br_export_chart                (BrDataset            *dataset,
                                             const BrChartOptions *options,
                                             const BrExportTarget *target,
                                             GError              **error);
gboolean     br_export_charts               (BrDataset            *dataset,
                                             const BrChartOptions *options,
                                             guint                 kinds,
                                             const BrExportTarget *targets,
                                             guint                 n_targets,
                                             GError              **error);
gboolean     br_export_deck                 (BrDataset            *dataset,
                                             const BrChartOptions *options,
                                             const BrExportTarget *target,
                                             GError              **error);
char        *br_export_csv                  (BrChartLayout        *layout,
                                             BrLanguage            language);
char        *br_export_csv_marks            (BrChartLayout        *layout,
                                             const guint          *indices,
                                             guint                 n,
                                             BrLanguage            language);

/* What a figure of the dataset is: a financial figure of a period, a market value on a
 * date, a period's top-five customer share, or money raised on a date */
typedef enum
{
  BR_FIGURE_FINANCIAL,
  BR_FIGURE_MARKET_CAP,
  BR_FIGURE_TOP5_SHARE,
  BR_FIGURE_RAISE,
} BrFigureKind;

/* A figure of the dataset as a table lists it: its value in the table's unit when it
 * could be converted, else as the dataset gives it (a share in percent). A raise's
 * value is what the runway chart counts: net of fees where the dataset says, else
 * gross. */
typedef struct
{
  const BrCompany *company;
  BrFigureKind     kind;
  union
  {
    const BrFigure        *figure;
    const BrMarketCap     *cap;
    const BrConcentration *share;
    const BrRaise         *raise;
  };
  double           value;
  gboolean         converted;
} BrFigureValue;

void         br_figure_value_get_mark       (const BrFigureValue  *value,
                                             const BrUnit         *unit,
                                             BrLanguage            language,
                                             BrChartMark          *mark);

char        *br_export_csv_figures          (const BrFigureValue  *figures,
                                             const guint          *indices,
                                             guint                 n,
                                             const BrUnit         *unit,
                                             BrLanguage            language);

G_END_DECLS
