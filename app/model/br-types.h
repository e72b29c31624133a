/* br-types.h: the plain values a dataset is made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BR_PERIOD_FISCAL_YEAR,
  BR_PERIOD_HALF_YEAR,
  BR_PERIOD_QUARTER,
} BrPeriodKind;

typedef enum
{
  BR_METRIC_REVENUE,
  BR_METRIC_NET_INCOME_ATTRIBUTABLE,
  BR_METRIC_NET_INCOME_TOTAL,
  BR_METRIC_RND_EXPENSE,
  BR_METRIC_RND_INVESTMENT,
  BR_METRIC_CASH,
  BR_METRIC_OPERATING_CASH_FLOW,
  BR_METRIC_CAPEX,
  BR_N_METRICS
} BrMetric;

typedef enum
{
  BR_STATUS_AUDITED,
  BR_STATUS_UNAUDITED,
  BR_STATUS_FLASH,
  BR_STATUS_ESTIMATE,    /* derived: reported cash plus a later raise */
  BR_STATUS_PROJECTION,  /* a scenario's projection, not a reported figure */
} BrStatus;

typedef enum
{
  BR_SCALE_ONE,
  BR_SCALE_THOUSAND,
  BR_SCALE_WAN,
  BR_SCALE_MILLION,
  BR_SCALE_YI,
  BR_SCALE_BILLION,
  BR_SCALE_TRILLION,
  BR_N_SCALES
} BrScale;

typedef enum
{
  BR_BOUND_EXACT,
  BR_BOUND_AT_LEAST,
  BR_BOUND_MORE_THAN,
} BrBound;

typedef enum
{
  BR_CAP_CLOSE,
  BR_CAP_INTRADAY,
  BR_CAP_IPO_FIRST_DAY_CLOSE,
  BR_CAP_PRIVATE_ROUND,
} BrCapBasis;

typedef enum
{
  BR_FX_ANNUAL_AVERAGE,
  BR_FX_SPOT,
} BrFxKind;

typedef enum
{
  BR_RAISE_PRIVATE,
  BR_RAISE_IPO,
  BR_RAISE_PLACEMENT,
  BR_RAISE_DEBT,
} BrRaiseKind;

typedef enum
{
  BR_ROLE_CHALLENGER,
  BR_ROLE_BENCHMARK,
} BrRole;

/* ISO 4217 code, NUL-terminated */
typedef struct { char code[4]; } BrCurrency;

/* The currency and scale a chart shows amounts in: 亿元 is { "CNY", BR_SCALE_YI }. */
typedef struct
{
  BrCurrency currency;
  BrScale    scale;
} BrUnit;

/* The languages a chart and a dataset's texts come in. Another language is one more
 * value here, its row in br-types.c and its catalogue in po/. */
typedef enum
{
  BR_LANGUAGE_EN,
  BR_LANGUAGE_ZH,
  BR_N_LANGUAGES
} BrLanguage;

/* Text in English, with optional translations: in[] is indexed by BrLanguage. */
typedef union
{
  struct
  {
    char *en;
    char *zh;
  };
  char *in[BR_N_LANGUAGES];
} BrText;

typedef struct
{
  double     value;
  BrCurrency currency;
  BrScale    scale;
} BrAmount;

typedef struct
{
  char   *id;
  BrText  title;
  char   *publisher;
  GDate   date;
  char   *url;
} BrSource;

typedef struct _BrFxRate BrFxRate;

/* One unit of base is worth rate units of quote. A rate the dataset does not hold but
 * derives through a third currency, the pivot, has the two rates it comes from in
 * legs (base against the pivot, then quote against it); a rate from the file has none. */
struct _BrFxRate
{
  BrCurrency      base;
  BrCurrency      quote;
  double          rate;
  BrFxKind        kind;
  int             year;
  GDate           date;
  const BrSource *source;
  const BrFxRate *legs[2];
};

typedef struct
{
  char         *id;
  BrPeriodKind  kind;
  GDate         start;
  GDate         end;
  BrText        label;
} BrPeriod;

typedef struct
{
  const BrPeriod *period;
  BrMetric        metric;
  BrAmount        amount;
  BrStatus        status;
  const BrSource *source;
  BrText          note;
  gboolean        liquid_investments;  /* cash: includes short-term investments */
} BrFigure;

/* Money raised on a date; gross or net may be absent (has_gross, has_net). */
typedef struct
{
  GDate           date;
  BrRaiseKind     kind;
  gboolean        has_gross;
  gboolean        has_net;
  double          gross;
  double          net;
  BrCurrency      currency;
  BrScale         scale;
  BrText          label;
  BrText          note;
  const BrSource *source;
} BrRaise;

/* What management expects, as they said it on a date. */
typedef struct
{
  GDate           date;
  BrText          text;
  int             target_year;  /* 0 when none */
  const BrSource *source;
} BrGuidance;

typedef struct
{
  BrText name;
  double share;
} BrCustomer;

typedef struct
{
  const BrPeriod *period;
  double          top5_share;
  BrBound         bound;
  BrCustomer     *customers;
  guint           n_customers;
  const BrSource *source;
} BrConcentration;

typedef struct
{
  GDate           date;
  BrAmount        amount;
  BrCapBasis      basis;
  BrText          label;
  const BrSource *source;
} BrMarketCap;

typedef struct
{
  gboolean        present;
  GDate           date;
  double          price;
  BrCurrency      currency;
  const BrSource *source;
} BrIpo;

typedef struct
{
  char            *id;
  BrText           name;
  char            *ticker;
  char            *exchange;
  BrRole           role;
  gboolean         has_color;
  guint32          color;   /* 0xRRGGBB */
  BrIpo            ipo;
  BrPeriod        *periods;
  guint            n_periods;
  BrFigure        *figures;
  guint            n_figures;
  BrConcentration *concentrations;
  guint            n_concentrations;
  BrMarketCap     *market_caps;
  guint            n_market_caps;
  BrRaise         *raises;
  guint            n_raises;
  BrGuidance      *guidance;
  guint            n_guidance;
} BrCompany;

/* "YYYY-MM-DD" and its NUL */
#define BR_DATE_ISO_SIZE 11

const char *br_language_to_string   (BrLanguage        language);
gboolean    br_language_from_string (const char       *str,
                                     BrLanguage       *language);
const char *br_language_get_locale  (BrLanguage        language);
BrLanguage  br_language_from_locale (void);
const char *br_text_get             (const BrText     *text,
                                     BrLanguage        language);
const char *br_scale_to_string      (BrScale           scale);
double      br_scale_factor         (BrScale           scale);
const char *br_status_to_string     (BrStatus          status);
const char *br_metric_to_string     (BrMetric          metric);
const char *br_raise_kind_to_string (BrRaiseKind       kind);
gboolean    br_currency_equal       (const BrCurrency *a,
                                     const BrCurrency *b);
const char *br_period_get_label     (const BrPeriod   *period,
                                     BrLanguage        language);
void        br_period_get_midpoint  (const BrPeriod   *period,
                                     GDate            *midpoint);
gboolean    br_date_parse_iso       (const char       *str,
                                     GDate            *date);
const char *br_date_format_iso      (const GDate      *date,
                                     char              buf[BR_DATE_ISO_SIZE]);

G_END_DECLS
