/* br-runway.h: cash against burn, and a scenario projected quarter by quarter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-metrics.h"

G_BEGIN_DECLS

#define BR_RUNWAY_ERROR (br_runway_error_quark ())

typedef enum
{
  BR_RUNWAY_ERROR_SCENARIO = 1,
} BrRunwayError;

#define BR_RUNWAY_QUARTERS 20  /* five years */

typedef enum
{
  BR_SCENARIO_REVENUE_GROWTH = 1 << 0,
  BR_SCENARIO_COST_GROWTH    = 1 << 1,
  BR_SCENARIO_GROSS_MARGIN   = 1 << 2,
} BrScenarioField;

/* Percent a year for the growths, percent of revenue for the margin. @set says which
 * fields were given; the others come from the reported trend. */
typedef struct
{
  double revenue_growth;
  double cost_growth;
  double gross_margin;
  guint  set;
} BrScenario;

typedef struct _BrScenarioSet BrScenarioSet;

typedef enum
{
  BR_BURN_CASH_FLOW,      /* −(operating cash flow − capex) */
  BR_BURN_NET_LOSS_PROXY, /* −net income, where no cash flow is reported */
} BrBurnBasis;

typedef struct
{
  const BrPeriod *period;
  double          burn;          /* > 0: cash going out */
  BrBurnBasis     basis;
  gboolean        has_capex;
  const BrSource *source;
} BrRunwayBurn;

typedef struct
{
  const BrFigure *cash_figure;
  GDate           date;
  double          cash;
  gboolean        has_burn_ttm;
  double          burn_ttm;
  gboolean        annualised;    /* burn_ttm is a shorter period scaled to a year */
  BrBurnBasis     basis;
  gboolean        burning;
  double          runway_months; /* when burning */
} BrRunwayPoint;

typedef struct
{
  const BrRaise *raise;
  double         amount;            /* net, or gross where no net is given */
  gboolean       gross_only;
  double         cumulative_raised;
  gboolean       has_cash_after;
  double         cash_after;        /* last reported cash + raises since: an estimate */
} BrRunwayRaise;

typedef struct
{
  GDate  start;
  GDate  end;
  double revenue;
  double cost;       /* operating cost, cash basis */
  double cash_flow;  /* revenue × margin − cost */
  double raised;     /* raises dated in the quarter */
  double cash;       /* at the quarter's end */
} BrProjectedQuarter;

typedef struct
{
  BrDataset         *dataset;    /* unowned */
  const BrCompany   *company;
  BrUnit             unit;
  BrRunwayBurn      *burns;
  guint              n_burns;
  BrRunwayPoint     *points;
  guint              n_points;
  BrRunwayRaise     *raises;
  guint              n_raises;
  double             cumulative_raised;
  double             cumulative_burned;
  gboolean           burned_uses_proxy;

  BrScenario         defaults;   /* the reported trend, capped */
  guint              capped;     /* BrScenarioField flags of defaults that hit a cap */
  guint              no_trend;   /* BrScenarioField flags with no figures to take a trend from */
  BrScenario         scenario;   /* what the projection used */
  gboolean           has_projection;
  BrProjectedQuarter quarters[BR_RUNWAY_QUARTERS];
  guint              n_quarters;
  int                runs_out;   /* index into quarters, or −1 */
  int                break_even; /* index into quarters, or −1 */
} BrRunway;

GQuark          br_runway_error_quark   (void);

BrScenarioSet  *br_scenario_set_new     (void);
void            br_scenario_set_free    (BrScenarioSet    *set);
BrScenarioSet  *br_scenario_set_copy    (const BrScenarioSet *set);
gboolean        br_scenario_set_parse   (BrScenarioSet    *set,
                                         const char       *spec,
                                         GError          **error);
void            br_scenario_set_get     (const BrScenarioSet *set,
                                         const char       *company_id,
                                         BrScenario       *out);
gboolean        br_scenario_set_is_empty (const BrScenarioSet *set);
char           *br_scenario_set_unknown_company (const BrScenarioSet *set,
                                                 BrDataset  *dataset);

BrRunway       *br_runway_compute       (BrDataset        *dataset,
                                         const BrCompany  *company,
                                         const BrUnit     *unit,
                                         const BrScenario *scenario,
                                         GError          **error);
void            br_runway_free          (BrRunway         *runway);
const BrRunwayPoint *br_runway_latest   (const BrRunway   *runway);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BrRunway, br_runway_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BrScenarioSet, br_scenario_set_free)

G_END_DECLS
