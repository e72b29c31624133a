/* br-mark-row.c: one row of the data table, a copy of what a chart mark says
 *
 * Rows copy their text, so the table never points into a dataset that a reload has
 * replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-mark-row"

#include "config.h"

#include <glib/gi18n.h>

#include "br-mark-row.h"

struct _BrMarkRow
{
  GObject  parent_instance;

  guint    index;
  char    *company;
  char    *series;
  char    *period;
  char    *date;
  double   value;
  char    *value_text;
  char    *unit;
  char    *status;
  char    *source;
  char    *url;
};

enum {
  PROP_0,
  PROP_COMPANY,
  PROP_SERIES,
  PROP_PERIOD,
  PROP_DATE,
  PROP_VALUE,
  PROP_VALUE_TEXT,
  PROP_UNIT,
  PROP_STATUS,
  PROP_SOURCE,
  PROP_URL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (BrMarkRow, br_mark_row, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char *
series_name (BrSeries series)
{
  switch (series)
    {
    case BR_SERIES_NET_INCOME:
      return _("Net income");
    case BR_SERIES_REVENUE:
      return _("Revenue");
    case BR_SERIES_RND:
      return _("R&D expense");
    case BR_SERIES_TOP5:
      return _("Top-5 customer share");
    case BR_SERIES_CUSTOMER:
      return _("Customer share");
    case BR_SERIES_MARKET_CAP:
      return _("Market value");
    case BR_SERIES_IMPLIED:
      return _("Share of the benchmark’s value");
    case BR_SERIES_CASH:
      return _("Cash");
    case BR_SERIES_BURN_TTM:
      return _("Burn, trailing year");
    case BR_SERIES_RUNWAY_MONTHS:
      return _("Months of runway");
    case BR_SERIES_RAISED:
      return _("Raised");
    case BR_SERIES_PROJECTED_CASH:
      return _("Projected cash");
    case BR_SERIES_RUNWAY_EVENT:
      return _("Runway event");
    default:
      return br_series_to_string (series);
    }
}

static const char *
status_name (BrStatus status)
{
  switch (status)
    {
    case BR_STATUS_AUDITED:
      return _("audited");
    case BR_STATUS_UNAUDITED:
      return _("unaudited");
    case BR_STATUS_FLASH:
      return _("flash");
    case BR_STATUS_ESTIMATE:
      return _("estimate");
    case BR_STATUS_PROJECTION:
      return _("projection");
    default:
      return br_status_to_string (status);
    }
}

static char *
format_date (const GDate *date)
{
  char day[BR_DATE_ISO_SIZE];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  return g_strdup (br_date_format_iso (date, day));
}

/**
 * br_unit_describe:
 *
 * Returns: the unit as the unit chooser names it: 亿元, CNY bn, USD bn, or %
 */
char *
br_unit_describe (const BrUnit *unit,
                  gboolean      percent,
                  BrLanguage    language)
{
  if (percent)
    return g_strdup ("%");

  /* as the charts name it, so that the table and the axis agree */
  return g_strdup (br_chart_unit_label (unit, language));
}

static void
br_mark_row_finalize (GObject *object)
{
  BrMarkRow *self = BR_MARK_ROW (object);

  g_free (self->company);
  g_free (self->series);
  g_free (self->period);
  g_free (self->date);
  g_free (self->value_text);
  g_free (self->unit);
  g_free (self->status);
  g_free (self->source);
  g_free (self->url);

  G_OBJECT_CLASS (br_mark_row_parent_class)->finalize (object);
}

static void
br_mark_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BrMarkRow *self = BR_MARK_ROW (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      g_value_set_string (value, self->company);
      break;
    case PROP_SERIES:
      g_value_set_string (value, self->series);
      break;
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_VALUE_TEXT:
      g_value_set_string (value, self->value_text);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
br_mark_row_class_init (BrMarkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = br_mark_row_finalize;
  object_class->get_property = br_mark_row_get_property;

  properties[PROP_COMPANY] = string_property ("company");
  properties[PROP_SERIES] = string_property ("series");
  properties[PROP_PERIOD] = string_property ("period");
  properties[PROP_DATE] = string_property ("date");
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE_TEXT] = string_property ("value-text");
  properties[PROP_UNIT] = string_property ("unit");
  properties[PROP_STATUS] = string_property ("status");
  properties[PROP_SOURCE] = string_property ("source");
  properties[PROP_URL] = string_property ("url");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
br_mark_row_init (BrMarkRow *self)
{
}

/* replaces *field with @value (taken), and notifies @prop if it changed */
static gboolean
take_string (BrMarkRow  *self,
             char      **field,
             char       *value,
             guint       prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return FALSE;
    }

  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  return TRUE;
}

static char *
describe_series (const BrChartMark *mark)
{
  /* the implied line's name is the series name with its percentage, said by the chart */
  if (mark->name != NULL && mark->series != BR_SERIES_IMPLIED)
    return g_strdup_printf ("%s · %s", series_name (mark->series), mark->name);

  return g_strdup (series_name (mark->series));
}

/* Thousands separated as on the chart; a share given only as a bound keeps its "more
 * than", and a flash figure its asterisk, keyed in the Status column */
static char *
describe_value (const BrChartMark *mark)
{
  g_autofree char *number = br_chart_format_number (mark->value, 2);

  return g_strdup_printf ("%s%s%s",
                          mark->bound == BR_BOUND_AT_LEAST ? "≥ "
                          : mark->bound == BR_BOUND_MORE_THAN ? "> " : "",
                          number, mark->status == BR_STATUS_FLASH ? "*" : "");
}

static gboolean update (BrMarkRow         *self,
                        const BrChartMark *mark,
                        char              *series,
                        guint              index,
                        BrLanguage         language);

BrMarkRow *
br_mark_row_new (const BrChartMark *mark,
                 guint              index,
                 BrLanguage         language)
{
  BrMarkRow *self;

  g_return_val_if_fail (mark != NULL, NULL);

  self = g_object_new (BR_TYPE_MARK_ROW, NULL);
  br_mark_row_update (self, mark, index, language);

  return self;
}

/**
 * br_mark_row_update:
 *
 * Makes @self say what @mark says, notifying only the properties that change: the
 * table keeps a row's cells and relabels only what differs.
 *
 * Returns: whether anything changed
 */
gboolean
br_mark_row_update (BrMarkRow         *self,
                    const BrChartMark *mark,
                    guint              index,
                    BrLanguage         language)
{
  g_return_val_if_fail (BR_IS_MARK_ROW (self), FALSE);
  g_return_val_if_fail (mark != NULL, FALSE);

  return update (self, mark, describe_series (mark), index, language);
}

static const char *
metric_name (BrMetric metric)
{
  switch (metric)
    {
    case BR_METRIC_REVENUE:
      return _("Revenue");
    case BR_METRIC_NET_INCOME_ATTRIBUTABLE:
      return _("Net income");
    case BR_METRIC_NET_INCOME_TOTAL:
      return _("Net income, total");
    case BR_METRIC_RND_EXPENSE:
      return _("R&D expense");
    case BR_METRIC_RND_INVESTMENT:
      return _("R&D investment");
    case BR_METRIC_CASH:
      return _("Cash");
    case BR_METRIC_OPERATING_CASH_FLOW:
      return _("Operating cash flow");
    case BR_METRIC_CAPEX:
      return _("Capital expenditure");
    case BR_N_METRICS:
    default:
      return br_metric_to_string (metric);
    }
}

/**
 * br_mark_row_new_for_figure:
 * @value: a figure of the dataset, and its value in @unit when it could be converted
 * @index: where @value is in the table's list of figures
 *
 * A row for a figure the chart may not draw: the table's "All figures".
 */
BrMarkRow *
br_mark_row_new_for_figure (const BrFigureValue *value,
                            guint                index,
                            const BrUnit        *unit,
                            BrLanguage           language)
{
  BrMarkRow *self = g_object_new (BR_TYPE_MARK_ROW, NULL);

  br_mark_row_set_figure (self, value, index, unit, language);
  return self;
}

/**
 * br_mark_row_set_figure:
 *
 * Makes @self say what @value says, notifying only what changes.
 */
void
br_mark_row_set_figure (BrMarkRow           *self,
                        const BrFigureValue *value,
                        guint                index,
                        const BrUnit        *unit,
                        BrLanguage           language)
{
  const BrFigure *figure = value->figure;
  BrChartMark mark;

  /* a market value, share or raise says what the chart that draws it says */
  if (value->kind != BR_FIGURE_FINANCIAL)
    {
      br_figure_value_get_mark (value, unit, language, &mark);
      update (self, &mark, describe_series (&mark), index, language);
      return;
    }

  mark = (BrChartMark) {
    .company = value->company,
    .period = figure->period,
    .date = figure->period->end,
    .value = value->value,
    .source = figure->source,
    .status = figure->status,
  };
  if (value->converted)
    mark.unit = *unit;
  else
    br_unit_init (&mark.unit, figure->amount.currency.code, figure->amount.scale);
  update (self, &mark, g_strdup (metric_name (figure->metric)), index, language);
}

/**
 * br_mark_row_status_name:
 *
 * Returns: what the table's Status column says of @status
 */
const char *
br_mark_row_status_name (BrStatus status)
{
  return status_name (status);
}

/**
 * br_mark_row_describe_series:
 *
 * Returns: (transfer full): what the table's Series column says of @mark
 */
char *
br_mark_row_describe_series (const BrChartMark *mark)
{
  return describe_series (mark);
}

/**
 * br_mark_row_metric_name:
 *
 * Returns: the name the table gives @metric's figures
 */
const char *
br_mark_row_metric_name (BrMetric metric)
{
  return metric_name (metric);
}

static gboolean
update (BrMarkRow         *self,
        const BrChartMark *mark,
        char              *series,
        guint              index,
        BrLanguage         language)
{
  gboolean changed;
  char *date;

  g_object_freeze_notify (G_OBJECT (self));
  changed = self->index != index || self->value != mark->value;
  self->index = index;
  if (self->value != mark->value)
    {
      self->value = mark->value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
  changed |= take_string (self, &self->company,
                          g_strdup (mark->company != NULL
                                    ? br_company_get_name (mark->company, language) : ""),
                          PROP_COMPANY);
  changed |= take_string (self, &self->series, series, PROP_SERIES);
  date = format_date (&mark->date);
  /* dated values (market values) have no period: their date stands in */
  changed |= take_string (self, &self->period,
                          br_chart_describe_period (mark->period, &mark->date, language),
                          PROP_PERIOD);
  changed |= take_string (self, &self->date, date, PROP_DATE);
  changed |= take_string (self, &self->value_text, describe_value (mark), PROP_VALUE_TEXT);
  changed |= take_string (self, &self->unit,
                          mark->series == BR_SERIES_RUNWAY_MONTHS
                            ? g_strdup (_("months"))
                            : br_unit_describe (&mark->unit, mark->percent, language),
                          PROP_UNIT);
  changed |= take_string (self, &self->status, g_strdup (status_name (mark->status)),
                          PROP_STATUS);
  changed |= take_string (self, &self->source, br_chart_describe_source (mark->source, language),
                          PROP_SOURCE);
  changed |= take_string (self, &self->url,
                          g_strdup (mark->source != NULL && mark->source->url != NULL
                                    ? mark->source->url : ""),
                          PROP_URL);
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

const char *
br_mark_row_get_url (BrMarkRow *self)
{
  g_return_val_if_fail (BR_IS_MARK_ROW (self), NULL);
  return self->url;
}

guint
br_mark_row_get_index (BrMarkRow *self)
{
  g_return_val_if_fail (BR_IS_MARK_ROW (self), 0);
  return self->index;
}
