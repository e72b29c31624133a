/* br-units.c: the units amounts can be shown in, in one table
 *
 * Another unit is one more row here (and a <choice> in the GSettings schema): the side
 * pane, the settings, `--unit` and the chart's label all follow it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "br-units.h"

static const BrDisplayUnit units[] = {
  { "cny-yi", "yi", "CNY", BR_SCALE_YI, N_("亿元 (CNY 100 million)") },
  { "cny-bn", NULL, "CNY", BR_SCALE_BILLION, N_("CNY billion") },
  { "usd-bn", NULL, "USD", BR_SCALE_BILLION, N_("USD billion") },
};

guint
br_display_unit_get_n (void)
{
  return G_N_ELEMENTS (units);
}

const BrDisplayUnit *
br_display_unit_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (units), NULL);

  return &units[index];
}

/**
 * br_display_unit_lookup:
 * @name: a unit's name, or an older spelling of it
 *
 * Returns: (nullable): the unit @name names
 */
const BrDisplayUnit *
br_display_unit_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (units); i++)
    {
      if (g_str_equal (name, units[i].name) || g_strcmp0 (name, units[i].alias) == 0)
        return &units[i];
    }

  return NULL;
}

/* The index of the display unit that is @unit, or -1 */
int
br_display_unit_find (const BrUnit *unit)
{
  g_return_val_if_fail (unit != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (g_str_equal (unit->currency.code, units[i].currency) && unit->scale == units[i].scale)
        return i;
    }

  return -1;
}

void
br_display_unit_to_unit (const BrDisplayUnit *display,
                         BrUnit              *unit)
{
  g_return_if_fail (display != NULL);

  br_unit_init (unit, display->currency, display->scale);
}

/* The names, for a message that lists them: "cny-yi, cny-bn, usd-bn" */
char *
br_display_unit_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", units[i].name);
    }

  return g_string_free (list, FALSE);
}
