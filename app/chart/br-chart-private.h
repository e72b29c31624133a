/* br-chart-private.h: what the chart renderers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "br-chart.h"
#include "br-chart-layout-private.h"
#include "br-chart-options-private.h"

G_BEGIN_DECLS

/* Chart text is in the chart's language, not necessarily the locale's (br-chart-i18n.c).
 * In the chart library _() looks it up there, N_() marks it for a later _() or
 * _br_chart_translate(), and _br_chart_ngettext() chooses a plural: po/meson.build
 * registers all three with xgettext. */
#include <glib/gi18n-lib.h>
#undef _
#define _(String) _br_chart_gettext (String)

gpointer    _br_chart_push_language (BrLanguage  language);
void        _br_chart_pop_language  (gpointer    token);
const char *_br_chart_translate    (BrLanguage  language,
                                    const char *msgid,
                                    const char *plural,
                                    gulong      n) G_GNUC_FORMAT (2);
const char *_br_chart_gettext      (const char *msgid) G_GNUC_FORMAT (1);
const char *_br_chart_ngettext     (const char *msgid,
                                    const char *plural,
                                    gulong      n) G_GNUC_FORMAT (1);

struct _BrChartOptions
{
  BrChartKind  kind;
  char       **companies;
  char       **excluded;      /* left out of the default selection: unticked */
  GDate        from;
  GDate        to;
  gboolean     cumulative;
  BrPeriodKind periods;      /* the kind of period chosen first */
  BrUnit       unit;
  gboolean     log_scale;
  double       percent;
  BrLanguage   language;
  BrTheme      theme;
  gboolean     high_contrast;
  double       text_scale;
  double       min_text_size; /* no text smaller, in pixels; 0 for no minimum */
  gboolean     transparent;
  GPtrArray   *hidden;
  GPtrArray   *source_order;  /* const BrSource *: a deck's numbering, or NULL */
  gboolean     slide;         /* the slide layout: a plot that fills the room's screen */
  BrScenarioSet *scenario;    /* the runway's assumptions, or NULL for the trend */
};

typedef struct
{
  double r, g, b;
} BrRgb;

typedef struct
{
  BrRgb background;
  BrRgb text;
  BrRgb secondary;
  BrRgb grid;
  BrRgb axis;
  BrRgb rest;        /* the "other customers" slice */
  BrRgb highlight;
  BrRgb revenue;     /* the revenue and R&D series, colours no company takes */
  BrRgb rnd;
} BrPalette;

typedef enum
{
  SHAPE_RECT,
  SHAPE_POINT,
  SHAPE_ARC,
} ShapeKind;

/* How a mark answers hits, beyond its bounding box. */
typedef struct
{
  ShapeKind kind;
  double    cx, cy;
  double    r0, r1;     /* point: r1 is the radius */
  double    a0, a1;     /* arc: angles, clockwise from 12 o'clock, in radians */
  double    ring;       /* point: the radius of its highlight ring */
  double    rx, ry, rw, rh;  /* rect: the bar as drawn */
} BrShape;

struct _BrChartLayout
{
  gatomicrefcount ref_count;
  GArray         *marks;        /* BrChartMark */
  GArray         *shapes;       /* BrShape, parallel to marks */
  GArray         *legend;       /* BrLegendEntry */
  GArray         *text_boxes;   /* BrTextBox */
  GPtrArray      *left_out;     /* const char *, interned: labels a slide had no room for */
  GPtrArray      *sources;      /* const BrSource * */
  GPtrArray      *rates;        /* const BrFxRate * */
  char           *title;
  GString        *description;
  GStringChunk   *strings;      /* text marks point to that the dataset does not own */
  gboolean        has_data;
  gboolean        has_flash;
  guint           n_selected;   /* companies the options select */
  guint           n_largest;    /* of them, drawn for being the largest */
  gboolean        by_default;   /* the options chose none: the chart's default few */
  GPtrArray      *not_drawn;    /* const BrCompany *: selected, no room for them */
  double          width, height;
  double          em;           /* body text size, which line widths follow */
  BrTheme         theme;
  guint           footnote_lines;     /* the lines its footnote wants, to name every source */
  guint           footnote_reserved;  /* the lines it had */
};

/* Everything a renderer needs while it draws. */
typedef struct
{
  cairo_t              *cr;
  BrDataset            *dataset;
  const BrChartOptions *options;
  BrChartLayout        *layout;
  PangoLayout          *pango;         /* text at its own size, advances in whole pixels */
  PangoLayout          *pango_scaled;  /* larger text, laid out at one size and scaled */
  double                pixel;         /* device pixels a unit spans */
  BrPalette             palette;
  double                width, height;
  double                em;          /* body text size, in pixels */
  double                pad;         /* outer margin */
  guint                 footnote_lines;  /* the footnote's room, in lines */
  guint                 footnote_room;   /* the lines a first drawing found it wants, or 0 */
  /* the area left for the plot once title, legend and footnote are placed */
  double                px0, py0, px1, py1;
  BrLanguage            lang;
  gpointer              outer_lang;  /* the language of a drawing this one is inside */
  GArray               *legend;      /* BrLegendItem: what the frame's legend names */
  GPtrArray            *missing;     /* const BrCompany *: selected, nothing to draw; the
                                      * footnote names them */
} BrChartContext;

typedef struct
{
  const BrCompany *company;
  BrRgb            color;
} BrChartSeries;

/* br-chart.c */
void           _br_chart_context_begin       (BrChartContext       *ctx,
                                              cairo_t              *cr,
                                              BrDataset            *dataset,
                                              const BrChartOptions *options,
                                              double                width,
                                              double                height);
BrChartLayout *_br_chart_context_end         (BrChartContext       *ctx);

/* br-chart-layout.c */
BrChartLayout *_br_chart_layout_new          (double                width,
                                              double                height);
guint          _br_chart_layout_add_mark     (BrChartLayout        *layout,
                                              const BrChartMark    *mark,
                                              const BrShape        *shape);
void           _br_chart_layout_add_legend   (BrChartLayout        *layout,
                                              const char           *key,
                                              const char           *label,
                                              double x0, double y0, double x1, double y1,
                                              gboolean              hidden);
void           _br_chart_layout_add_text_box (BrChartLayout        *layout,
                                              double x0, double y0, double x1, double y1,
                                              double                size,
                                              const char           *role,
                                              const char           *text,
                                              gboolean              ellipsized);
gboolean       _br_chart_layout_label_clear  (BrChartLayout        *layout,
                                              double x0, double y0, double x1, double y1,
                                              double                part,
                                              BrSeries              under,
                                              const BrChartMark    *anchor);
gboolean       _br_chart_layout_line_crosses (BrChartLayout        *layout,
                                              double x0, double y0, double x1, double y1,
                                              BrSeries              series);
void           _br_chart_layout_add_source   (BrChartLayout        *layout,
                                              const BrSource       *source);
void           _br_chart_layout_add_rate     (BrChartLayout        *layout,
                                              const BrFxRate       *rate);
void           _br_chart_layout_leave_out    (BrChartLayout        *layout,
                                              const char           *text);
const char    *_br_chart_layout_intern       (BrChartLayout        *layout,
                                              const char           *text);

/* br-chart-text.c */
typedef enum
{
  TEXT_LEFT   = 0,
  TEXT_CENTER = 1 << 0,
  TEXT_RIGHT  = 1 << 1,
  TEXT_MIDDLE = 1 << 2,   /* y is the vertical centre, not the top */
  TEXT_BOTTOM = 1 << 3,   /* y is the bottom */
  TEXT_BOLD   = 1 << 4,
} TextFlags;

/* How a line of text is set: its size, anchoring and weight, its colour, and the role its
 * box is recorded under in the layout (NULL for none) */
typedef struct
{
  double       size;
  TextFlags    flags;
  const BrRgb *color;
  const char  *role;
} BrTextStyle;

double   _br_text_min        (BrChartContext *ctx);
void     _br_text_measure    (BrChartContext *ctx,
                              const char     *text,
                              double          size,
                              TextFlags       flags,
                              double         *width,
                              double         *height);
int      _br_text_line_count      (BrChartContext *ctx,
                                   const char     *text,
                                   double          size,
                                   double          max_width);
double   _br_text_measure_wrapped (BrChartContext *ctx,
                                   const char     *text,
                                   double          size,
                                   double          max_width,
                                   TextFlags       flags);
void     _br_text_draw       (BrChartContext    *ctx,
                              const char        *text,
                              double             x,
                              double             y,
                              double             max_width,
                              const BrTextStyle *style);

/* Where a paragraph is set: its top left corner, its type size, the width it wraps at
 * and the lines it may take, ellipsized past them */
typedef struct
{
  double x, y;
  double size;
  double width;
  int    max_lines;
} BrParagraph;

double   _br_text_draw_wrapped (BrChartContext     *ctx,
                                const char         *text,
                                const BrParagraph  *paragraph,
                                const BrRgb        *color,
                                const char         *role);
guint    _br_text_draw_fitting (BrChartContext     *ctx,
                                const char * const *texts,
                                guint               n_texts,
                                const BrParagraph  *paragraph,
                                const BrRgb        *color,
                                const char         *role);

/* br-chart-format.c */
char       *_br_format_number   (double        value,
                                 int           decimals,
                                 gboolean      sign);
char       *_br_format_value    (double        value,
                                 const BrUnit *unit,
                                 BrLanguage    lang);
char       *_br_format_amount   (double        value,
                                 int           decimals,
                                 int           wan_decimals,
                                 const BrUnit *unit,
                                 BrLanguage    lang);
char       *_br_format_multiple (double        ratio,
                                 BrLanguage    lang);
char       *_br_format_percent  (double        value,
                                 int           decimals);
char       *_br_format_rate     (double        rate);
char       *_br_format_period_compact (const BrPeriod *period,
                                       BrLanguage      lang);
char       *_br_format_date     (const GDate  *date,
                                 BrLanguage    lang);
const char *_br_unit_label      (const BrUnit *unit,
                                 BrLanguage    lang);
int         _br_decimals_for    (double        step);

/* br-chart-frame.c */
void     _br_chart_palette        (BrTheme              theme,
                                   BrPalette           *palette);
void     _br_chart_palette_high_contrast (BrTheme     theme,
                                          BrPalette  *palette);
BrRgb    _br_chart_company_color  (BrChartContext      *ctx,
                                   const BrCompany     *company);
double   _br_rgb_contrast         (const BrRgb         *a,
                                   const BrRgb         *b);
void     _br_set_rgb              (cairo_t             *cr,
                                   const BrRgb         *rgb);
void     _br_set_rgba             (cairo_t             *cr,
                                   const BrRgb         *rgb,
                                   double               alpha);
GPtrArray *_br_chart_companies    (BrChartContext      *ctx,
                                   gboolean             with_benchmark);
const BrPeriod **_br_chart_periods (BrChartContext     *ctx,
                                    const BrCompany    *company,
                                    guint              *n);
gboolean _br_chart_figure_value   (BrChartContext      *ctx,
                                   const BrFigure      *figure,
                                   BrConversion        *out);
void     _br_chart_header         (BrChartContext      *ctx,
                                   const char          *title,
                                   const char          *subtitle);
void     _br_chart_legend         (BrChartContext      *ctx,
                                   GArray              *items);
void     _br_chart_footnote       (BrChartContext      *ctx,
                                   const char          *extra);
void     _br_chart_no_data        (BrChartContext      *ctx,
                                   const char          *what);
char    *_br_chart_range_subtitle (BrChartContext      *ctx,
                                   const char          *first,
                                   const char          *last,
                                   const char          *mode);
void     _br_chart_reserve_footnote (BrChartContext    *ctx,
                                     guint              n_lines);
void     _br_chart_spread_labels  (double              *ys,
                                   guint                n,
                                   double               gap,
                                   double               lo,
                                   double               hi);
char    *_br_chart_not_drawn_note (BrChartContext      *ctx);
gboolean _br_chart_in_range       (BrChartContext      *ctx,
                                   const GDate         *start,
                                   const GDate         *end);
gboolean _br_chart_hidden         (BrChartContext      *ctx,
                                   const char          *key);
void     _br_chart_marker         (cairo_t             *cr,
                                   double               x,
                                   double               y,
                                   double               r,
                                   gboolean             hollow,
                                   gboolean             diamond);

/* axes: br-chart-axis.c */
typedef struct
{
  double   min, max;       /* data range shown */
  gboolean log;
  double   p0, p1;         /* pixel positions of min and max */
  double  *ticks;
  guint    n_ticks;
  int      decimals;
  int      year_end;       /* time: days from 31 December its year bands end on */
} BrAxis;

void     _br_axis_linear          (BrAxis              *axis,
                                   double               lo,
                                   double               hi,
                                   double               p0,
                                   double               p1,
                                   guint                max_ticks,
                                   gboolean             include_zero);
void     _br_axis_log             (BrAxis              *axis,
                                   double               lo,
                                   double               hi,
                                   double               p0,
                                   double               p1);
void     _br_axis_clear           (BrAxis              *axis);
double   _br_axis_map             (const BrAxis        *axis,
                                   double               value);
char    *_br_axis_tick_label      (BrChartContext      *ctx,
                                   const BrAxis        *axis,
                                   guint                index);
double   _br_axis_tick_width      (BrChartContext      *ctx,
                                   const BrAxis        *axis);
void     _br_axis_draw_y          (BrChartContext      *ctx,
                                   const BrAxis        *axis,
                                   const char          *title,
                                   const BrUnit        *unit);
void     _br_axis_time            (BrAxis              *axis,
                                   const GDate         *first,
                                   const GDate         *last,
                                   double               p0,
                                   double               p1);
void     _br_axis_fiscal          (BrAxis              *axis,
                                   const GDate         *first,
                                   const GDate         *last,
                                   int                  year_end,
                                   double               p0,
                                   double               p1);
double   _br_axis_map_date        (const BrAxis        *axis,
                                   const GDate         *date);
void     _br_axis_draw_time       (BrChartContext      *ctx,
                                   const BrAxis        *axis);

/* A line chart's axes: time across, values up */
typedef struct
{
  BrAxis x, y;
} BrAxes;

/* the renderers' skeleton: br-chart-plot.c */

/* A legend entry: clicking it toggles the series @key names. */
typedef struct
{
  const char *key;
  const char *label;
  BrRgb       color;
  gboolean    dashed;     /* a dashed line, not a swatch */
  gboolean    direct;     /* named beside its marks, so a slide leaves it out */
  BrLineStyle style;      /* not solid: a line in this style, not a swatch */
} BrLegendItem;

/* What the shown values span: their range, and the dates or periods they cover. */
typedef struct
{
  double          lo, hi;
  GDate           first, last;
  const BrPeriod *first_period, *last_period;
  int             year_end_lo, year_end_hi;  /* the fiscal years' ends, from 31 December */
  guint           n_years;                   /* fiscal years among the periods */
} BrExtent;

/* A label right of the plot, beside its series' last point. */
typedef struct
{
  const char *text;
  double      x, y;       /* the last point */
  BrRgb       color;
  const char *name;       /* the series' name before its value on a slide, or NULL */
} BrEndLabel;

/* A point of a line chart: where it sits on the time axis and its value. A renderer's
 * own point type begins with one. */
typedef struct
{
  GDate  date;
  double value;
} BrLinePoint;

/* A company's line on a line chart. */
typedef struct
{
  const BrCompany *company;
  BrRgb            color;
  GArray          *points;     /* the renderer's points, each beginning with a BrLinePoint,
                                * in time order */
  gboolean         hidden;
  char            *end_label;  /* its latest value, beside its last point */
  BrLineStyle      style;
} BrLine;

#define _br_line_point(line, i) \
  ((BrLinePoint *) ((line)->points->data + (i) * g_array_get_element_size ((line)->points)))

void     _br_extent_init          (BrExtent            *extent);
void     _br_extent_add_value     (BrExtent            *extent,
                                   double               value);
void     _br_extent_add_date      (BrExtent            *extent,
                                   const GDate         *date);
void     _br_extent_add_period    (BrExtent            *extent,
                                   const BrPeriod      *period);
int      _br_extent_year_end      (const BrExtent      *extent,
                                   gboolean            *mixed);
char    *_br_chart_period_subtitle (BrChartContext     *ctx,
                                    const BrExtent     *extent,
                                    const char         *mode);
void     _br_legend_add           (GArray              *legend,
                                   const char          *key,
                                   const char          *label,
                                   const BrRgb         *color,
                                   gboolean             dashed);
void     _br_legend_set_direct    (GArray              *legend);
void     _br_legend_set_style     (GArray              *legend,
                                   BrLineStyle          style);
void     _br_chart_line_sample    (cairo_t             *cr,
                                   BrLineStyle          style,
                                   double               x0,
                                   double               x1,
                                   double               y,
                                   double               width);
double   _br_chart_value_size     (BrChartContext      *ctx,
                                   double               size);
void     _br_chart_frame          (BrChartContext      *ctx,
                                   const char          *title,
                                   const char          *subtitle,
                                   guint                footnote_lines);
void     _br_chart_empty          (BrChartContext      *ctx,
                                   const char          *what);
void     _br_chart_plot_rows      (BrChartContext      *ctx,
                                   double               below_em);
void     _br_chart_plot_columns   (BrChartContext      *ctx,
                                   double               tick_width,
                                   double               label_width);
void     _br_chart_value_axis     (BrChartContext      *ctx,
                                   BrAxis              *axis,
                                   double               lo,
                                   double               hi);
void     _br_chart_plot_columns_labelled (BrChartContext *ctx,
                                          const BrAxis   *y_axis,
                                          GArray         *labels,
                                          double          size,
                                          double         *label_height);
char    *_br_chart_company_names  (BrChartContext      *ctx,
                                   GPtrArray           *companies);
void     _br_chart_note_missing   (BrChartContext      *ctx,
                                   GString             *note,
                                   const char          *format);
void     _br_chart_end_labels     (BrChartContext      *ctx,
                                   GArray              *labels,
                                   double               size,
                                   double               height,
                                   double               spacing);
GArray  *_br_lines_new            (void);
gboolean _br_line_init            (BrChartContext      *ctx,
                                   BrLine              *line,
                                   const BrCompany     *company,
                                   GArray              *points);
void     _br_line_path            (cairo_t             *cr,
                                   const BrLine        *line,
                                   const BrAxes        *axes,
                                   double               scale);
double   _br_line_width           (BrChartContext      *ctx);
double   _br_line_begin           (BrChartContext      *ctx,
                                   const BrRgb         *color);
double   _br_line_marker_radius   (BrChartContext      *ctx);
double   _br_line_marker_hit      (BrChartContext      *ctx);
void     _br_line_flash_mark      (BrChartContext      *ctx,
                                   double               x,
                                   double               y,
                                   const BrRgb         *color);
void     _br_line_marker          (BrChartContext      *ctx,
                                   double               x,
                                   double               y,
                                   double               r,
                                   const BrRgb         *color,
                                   gboolean             hollow,
                                   gboolean             diamond);
GArray  *_br_lines_end_labels     (BrChartContext      *ctx,
                                   GArray              *lines,
                                   const BrAxes        *axes);

/* One point of a line as drawn: the renderer's point, where it sits, its marker's
 * radius and how far from it a pointer still hits it */
typedef struct
{
  const BrLine *line;
  gconstpointer point;
  double        x, y;
  double        r;
  double        hit;
} BrPointAt;

/* How a renderer draws its lines: its own joins of a line's points (NULL for a path
 * through them in the company's pattern), and each point's marker and mark */
typedef void (*BrLineStroke)   (BrChartContext  *ctx,
                                const BrAxes    *axes,
                                const BrLine    *line,
                                double           width);
typedef void (*BrPointDraw)    (BrChartContext  *ctx,
                                const BrPointAt *at);
typedef struct
{
  BrLineStroke stroke;
  BrPointDraw  point;
} BrLineDrawing;

/* A renderer's sentence on one of its series in the description */
typedef void (*BrDescribe)     (BrChartContext  *ctx,
                                gconstpointer    series,
                                GString         *description);

void     _br_lines_draw           (BrChartContext      *ctx,
                                   GArray              *lines,
                                   const BrAxes        *axes,
                                   const BrLineDrawing *drawing,
                                   double               size,
                                   double               height,
                                   double               spacing);
void     _br_chart_describe       (BrChartContext      *ctx,
                                   GArray              *series,
                                   BrDescribe           describe);

/* renderers */
void     _br_chart_draw_losses     (BrChartContext *ctx);
void     _br_chart_draw_rnd        (BrChartContext *ctx);
void     _br_chart_draw_customers  (BrChartContext *ctx);
guint    _br_chart_customers_capacity (BrChartContext *ctx,
                                       GPtrArray      *companies,
                                       double          room);
void     _br_chart_draw_valuation  (BrChartContext *ctx);
void     _br_chart_draw_runway     (BrChartContext *ctx);

G_END_DECLS
