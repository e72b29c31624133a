/* br-chart.h: the four charts, drawn into any cairo context
 *
 * A chart is a pure function of (dataset, options, size): the same call draws the
 * window's widget, the exported PNG, PDF and SVG, and the presentation slide. It
 * returns a layout that answers "what is under x,y" from the geometry it drew.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "br-chart-enums.h"
#include "br-model.h"

G_BEGIN_DECLS

typedef enum
{
  BR_CHART_LOSSES,
  BR_CHART_RND,
  BR_CHART_CUSTOMERS,
  BR_CHART_VALUATION,
  BR_CHART_RUNWAY,
  BR_N_CHART_KINDS /*< skip >*/
} BrChartKind;

typedef enum
{
  BR_THEME_LIGHT,
  BR_THEME_DARK,
} BrTheme;

/* How a company's line is stroked: past the palette's twelve hues, companies that share
 * a hue differ by pattern, and so does a company whose own colour is close to another's. */
typedef enum
{
  BR_LINE_STYLE_SOLID,
  BR_LINE_STYLE_DASH_DOT,
  BR_LINE_STYLE_DOTTED,
  BR_LINE_STYLE_DASH_DOT_DOT,
  BR_N_LINE_STYLES /*< skip >*/
} BrLineStyle;

/* What a drawn mark is: one value of one series. */
typedef enum
{
  BR_SERIES_NET_INCOME,    /* losses: attributable net income */
  BR_SERIES_REVENUE,       /* rnd */
  BR_SERIES_RND,           /* rnd */
  BR_SERIES_TOP5,          /* customers: the top-five share */
  BR_SERIES_CUSTOMER,      /* customers: one named customer */
  BR_SERIES_MARKET_CAP,    /* valuation */
  BR_SERIES_IMPLIED,       /* valuation: x % of the benchmark */
  BR_SERIES_CASH,          /* runway: reported cash, or an estimate after a raise */
  BR_SERIES_BURN_TTM,      /* runway: trailing-year burn at a cash report */
  BR_SERIES_RUNWAY_MONTHS, /* runway: months of cash at trailing burn (value in months) */
  BR_SERIES_RAISED,        /* runway: a raise; value is the amount, name its label */
  BR_SERIES_PROJECTED_CASH,/* runway: the scenario's cash at a quarter's end */
  BR_SERIES_RUNWAY_EVENT,  /* runway: where cash runs out, break-even, guidance */
} BrSeries;

typedef struct _BrChartOptions BrChartOptions;
typedef struct _BrChartLayout  BrChartLayout;

/* A mark the chart drew, and everything a tooltip or a table needs to say of it. */
typedef struct
{
  BrSeries        series;
  const BrCompany *company;
  const BrPeriod  *period;     /* NULL for dated values (market caps) */
  GDate           date;        /* the period's end, or the value's date */
  double          value;       /* in the chart's unit; cumulative when the chart is */
  BrUnit          unit;        /* unit.scale is meaningless for percentages */
  gboolean        percent;     /* value is a percentage */
  BrBound         bound;       /* a share the filing gives only as a bound: "> 89 %" */
  const BrSource *source;      /* the figure's source (the last one, when cumulative) */
  const BrFxRate *rate;        /* the rate a conversion used, or NULL */
  BrStatus        status;
  const char     *name;        /* a named customer, or the implied line's label; owned by
                                * the dataset or the layout */
  double          x, y;        /* the mark's centre, in chart coordinates */
  double          x0, y0, x1, y1;  /* its bounds: the area that answers a hit */
  const char     *note;        /* the figure's note in the chart's language, or NULL */
} BrChartMark;

/* A legend entry: clicking it toggles the series it names. */
typedef struct
{
  char   *key;                 /* the series key for br_chart_options_set_hidden() */
  double  x0, y0, x1, y1;
  gboolean hidden;
  char   *label;               /* what the entry says */
} BrLegendEntry;

const char     *br_chart_kind_to_string          (BrChartKind           kind);
gboolean        br_chart_kind_from_string        (const char           *str,
                                                  BrChartKind          *kind);
const char     *br_chart_kind_get_title          (BrChartKind           kind);
const char     *br_series_to_string              (BrSeries              series);

BrChartOptions *br_chart_options_new             (BrChartKind           kind);
BrChartOptions *br_chart_options_copy            (const BrChartOptions *options);
void            br_chart_options_free            (BrChartOptions       *options);
BrChartKind     br_chart_options_get_kind        (const BrChartOptions *options);
void            br_chart_options_set_kind        (BrChartOptions       *options,
                                                  BrChartKind           kind);
/* NULL for every company the chart can show */
void            br_chart_options_set_companies   (BrChartOptions       *options,
                                                  const char * const   *ids);
/* companies the default selection leaves out, as the side pane's unticked ones */
void            br_chart_options_set_excluded    (BrChartOptions       *options,
                                                  const char * const   *ids);
/* from, to: NULL or invalid for no bound */
void            br_chart_options_set_range       (BrChartOptions       *options,
                                                  const GDate          *from,
                                                  const GDate          *to);
void            br_chart_options_set_cumulative  (BrChartOptions       *options,
                                                  gboolean              cumulative);
void            br_chart_options_set_periods     (BrChartOptions       *options,
                                                  BrPeriodKind          periods);
void            br_chart_options_set_unit        (BrChartOptions       *options,
                                                  const BrUnit         *unit);
void            br_chart_options_set_log_scale   (BrChartOptions       *options,
                                                  gboolean              log_scale);
void            br_chart_options_set_percent     (BrChartOptions       *options,
                                                  double                percent);
/* the runway's assumptions; NULL for the reported trend */
void            br_chart_options_set_scenario    (BrChartOptions       *options,
                                                  const BrScenarioSet  *scenario);
const BrScenarioSet *br_chart_options_get_scenario (const BrChartOptions *options);
/* the language of the chart's text and of the dataset's names and labels */
void            br_chart_options_set_language    (BrChartOptions       *options,
                                                  BrLanguage            language);
BrLanguage      br_chart_options_get_language    (const BrChartOptions *options);
void            br_chart_options_set_theme       (BrChartOptions       *options,
                                                  BrTheme               theme);
BrTheme         br_chart_options_get_theme       (const BrChartOptions *options);
/* full-strength text and lines, for the desktop's high-contrast mode */
void            br_chart_options_set_high_contrast (BrChartOptions     *options,
                                                  gboolean              high_contrast);
/* the scale on all chart text (1 in the window and exports, 2.5 on slides), and the
 * least size of any, in pixels (the window's; 0 for none); the layout makes room */
void            br_chart_options_set_text_size   (BrChartOptions       *options,
                                                  double                scale,
                                                  double                min_size);
void            br_chart_options_set_transparent (BrChartOptions       *options,
                                                  gboolean              transparent);
/* a legend key, as in BrLegendEntry */
void            br_chart_options_set_hidden      (BrChartOptions       *options,
                                                  const char           *key,
                                                  gboolean              hidden);
gboolean        br_chart_options_get_hidden      (const BrChartOptions *options,
                                                  const char           *key);
guint32         br_chart_company_color_for_theme (BrDataset            *dataset,
                                                  const BrCompany      *company,
                                                  BrTheme               theme);
BrLineStyle     br_chart_company_line_style      (BrDataset            *dataset,
                                                  const BrCompany      *company);
void            br_chart_set_line_style          (cairo_t              *cr,
                                                  BrLineStyle           style,
                                                  double                unit);
const char     *br_chart_unit_label              (const BrUnit         *unit,
                                                  BrLanguage            language);

BrChartLayout  *br_chart_draw                    (cairo_t              *cr,
                                                  BrDataset            *dataset,
                                                  const BrChartOptions *options,
                                                  double                width,
                                                  double                height);

BrChartLayout  *br_chart_layout_ref              (BrChartLayout        *layout);
void            br_chart_layout_unref            (BrChartLayout        *layout);
guint           br_chart_layout_get_n_marks      (BrChartLayout        *layout);
const BrChartMark *br_chart_layout_get_mark      (BrChartLayout        *layout,
                                                  guint                 index);
int             br_chart_layout_hit_test         (BrChartLayout        *layout,
                                                  double                x,
                                                  double                y);
/* (element-type BrLegendEntry) */
GArray         *br_chart_layout_get_legend       (BrChartLayout        *layout);
const char     *br_chart_layout_hit_legend       (BrChartLayout        *layout,
                                                  double                x,
                                                  double                y);
const char     *br_chart_layout_get_title        (BrChartLayout        *layout);
const char     *br_chart_layout_get_description  (BrChartLayout        *layout);
char           *br_chart_mark_describe           (const BrChartMark    *mark,
                                                  BrLanguage            language);
char           *br_chart_format_number           (double                value,
                                                  int                   decimals);
char           *br_chart_describe_source         (const BrSource       *source,
                                                  BrLanguage            language);
char           *br_chart_format_count            (guint64               n);
char           *br_chart_describe_period         (const BrPeriod       *period,
                                                  const GDate          *date,
                                                  BrLanguage            language);
void            br_chart_layout_draw_highlight   (BrChartLayout        *layout,
                                                  cairo_t              *cr,
                                                  int                   index);
gboolean        br_chart_options_draw_alike      (const BrChartOptions *a,
                                                  const BrChartOptions *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BrChartOptions, br_chart_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BrChartLayout, br_chart_layout_unref)

G_END_DECLS
