/* br-scenario.c: the assumptions a runway projection runs on, as typed on a command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-scenario"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "br-runway.h"

struct _BrScenarioSet
{
  BrScenario  all;
  GHashTable *companies;  /* id → BrScenario* */
};

G_DEFINE_QUARK (br-runway-error-quark, br_runway_error)

BrScenarioSet *
br_scenario_set_new (void)
{
  BrScenarioSet *set = g_new0 (BrScenarioSet, 1);

  set->companies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return set;
}

void
br_scenario_set_free (BrScenarioSet *set)
{
  if (set == NULL)
    return;
  g_hash_table_unref (set->companies);
  g_free (set);
}

BrScenarioSet *
br_scenario_set_copy (const BrScenarioSet *set)
{
  BrScenarioSet *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (set != NULL, NULL);

  copy = br_scenario_set_new ();
  copy->all = set->all;
  g_hash_table_iter_init (&iter, set->companies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->companies, g_strdup (key), g_memdup2 (value, sizeof (BrScenario)));

  return copy;
}

static gboolean
parse_field (const char  *name,
             const char  *value,
             BrScenario  *scenario,
             GError     **error)
{
  static const struct { const char *name; BrScenarioField field; double min, max; } fields[] = {
    { "revenue-growth", BR_SCENARIO_REVENUE_GROWTH, -100, 1000 },
    { "cost-growth", BR_SCENARIO_COST_GROWTH, -100, 1000 },
    { "gross-margin", BR_SCENARIO_GROSS_MARGIN, -100, 100 },
  };
  char *end = NULL;
  double number;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (strcmp (name, fields[i].name) != 0)
        continue;

      number = g_ascii_strtod (value, &end);
      if (*value == '\0' || end == NULL || *end != '\0' || !isfinite (number) ||
          number < fields[i].min || number > fields[i].max)
        {
          g_set_error (error, BR_RUNWAY_ERROR, BR_RUNWAY_ERROR_SCENARIO,
                       _("%s must be a number of percent from %g to %g, not “%s”"),
                       name, fields[i].min, fields[i].max, value);
          return FALSE;
        }

      if (fields[i].field == BR_SCENARIO_REVENUE_GROWTH)
        scenario->revenue_growth = number;
      else if (fields[i].field == BR_SCENARIO_COST_GROWTH)
        scenario->cost_growth = number;
      else
        scenario->gross_margin = number;
      scenario->set |= fields[i].field;
      return TRUE;
    }

  g_set_error (error, BR_RUNWAY_ERROR, BR_RUNWAY_ERROR_SCENARIO,
               _("unknown assumption “%s”; use revenue-growth, cost-growth or gross-margin"),
               name);
  return FALSE;
}

static BrScenario *
scenario_for (BrScenarioSet *set,
              const char    *company_id)
{
  BrScenario *scenario;

  if (company_id == NULL)
    return &set->all;

  scenario = g_hash_table_lookup (set->companies, company_id);
  if (scenario == NULL)
    {
      scenario = g_new0 (BrScenario, 1);
      g_hash_table_insert (set->companies, g_strdup (company_id), scenario);
    }

  return scenario;
}

/* One item: [COMPANY:]NAME=VALUE */
static gboolean
parse_item (BrScenarioSet *set,
            const char    *item,
            GError       **error)
{
  g_autofree char *company = NULL;
  g_autofree char *name = NULL;
  const char *colon = strchr (item, ':');
  const char *equals;

  if (colon != NULL)
    {
      company = g_strndup (item, colon - item);
      item = colon + 1;
      if (*company == '\0')
        {
          g_set_error (error, BR_RUNWAY_ERROR, BR_RUNWAY_ERROR_SCENARIO,
                       _("an empty company id before “:”"));
          return FALSE;
        }
    }

  equals = strchr (item, '=');
  if (equals == NULL)
    {
      g_set_error (error, BR_RUNWAY_ERROR, BR_RUNWAY_ERROR_SCENARIO,
                   _("“%s” is not NAME=PERCENT"), item);
      return FALSE;
    }

  name = g_strndup (item, equals - item);
  return parse_field (name, equals + 1, scenario_for (set, company), error);
}

/**
 * br_scenario_set_parse:
 * @spec: comma-separated `[COMPANY:]NAME=PERCENT` items, e.g.
 *   `revenue-growth=40,metax:gross-margin=55`
 *
 * Adds the items of @spec to @set. On error @set may hold part of @spec.
 */
gboolean
br_scenario_set_parse (BrScenarioSet  *set,
                       const char     *spec,
                       GError        **error)
{
  g_auto(GStrv) items = NULL;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  items = g_strsplit (spec, ",", -1);
  if (items[0] == NULL)
    {
      g_set_error (error, BR_RUNWAY_ERROR, BR_RUNWAY_ERROR_SCENARIO, _("an empty scenario"));
      return FALSE;
    }

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (!parse_item (set, items[i], error))
        return FALSE;
    }

  return TRUE;
}

/* The scenario for @company_id: its own items over those for every company. */
void
br_scenario_set_get (const BrScenarioSet *set,
                     const char          *company_id,
                     BrScenario          *out)
{
  const BrScenario *own;

  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  if (set == NULL)
    return;

  *out = set->all;
  own = company_id != NULL ? g_hash_table_lookup (set->companies, company_id) : NULL;
  if (own == NULL)
    return;

  if (own->set & BR_SCENARIO_REVENUE_GROWTH)
    out->revenue_growth = own->revenue_growth;
  if (own->set & BR_SCENARIO_COST_GROWTH)
    out->cost_growth = own->cost_growth;
  if (own->set & BR_SCENARIO_GROSS_MARGIN)
    out->gross_margin = own->gross_margin;
  out->set |= own->set;
}

gboolean
br_scenario_set_is_empty (const BrScenarioSet *set)
{
  return set == NULL || (set->all.set == 0 && g_hash_table_size (set->companies) == 0);
}

/* Returns: (transfer full) (nullable): the first company id @set names that @dataset
 * does not hold, or %NULL */
char *
br_scenario_set_unknown_company (const BrScenarioSet *set,
                                 BrDataset           *dataset)
{
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (set != NULL, NULL);

  g_hash_table_iter_init (&iter, set->companies);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (br_dataset_lookup_company (dataset, key) == NULL)
        return g_strdup (key);
    }

  return NULL;
}
