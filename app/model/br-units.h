/* br-units.h: the units amounts can be shown in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-dataset.h"
#include "br-metrics.h"

G_BEGIN_DECLS

/* A unit the window, the settings and the command line offer. */
typedef struct
{
  const char *name;        /* in GSettings, the side pane and --unit: "cny-yi" */
  const char *alias;       /* an older spelling --unit still takes: "yi"; or NULL */
  const char *currency;
  BrScale     scale;
  const char *title;       /* for people, in English (translated with _()): "CNY billion" */
} BrDisplayUnit;

/* br_display_unit_get (0) to (n - 1) are one array, in the order the side pane offers
 * them; the first is the default */
guint                br_display_unit_get_n    (void);
const BrDisplayUnit *br_display_unit_get      (guint                index);
const BrDisplayUnit *br_display_unit_lookup   (const char          *name);
int                  br_display_unit_find     (const BrUnit        *unit);
void                 br_display_unit_to_unit  (const BrDisplayUnit *display,
                                               BrUnit              *unit);
char                *br_display_unit_list     (void);
gboolean             br_display_unit_reachable (const BrDisplayUnit *display,
                                                BrDataset           *dataset);
char                *br_display_unit_list_reachable (BrDataset      *dataset);
const BrDisplayUnit *br_display_unit_choose   (BrDataset           *dataset,
                                               const char          *chosen);
void                 br_unit_for_dataset      (BrDataset           *dataset,
                                               BrUnit              *unit);

G_END_DECLS
