/* br-side-pane.c: the controls beside the chart, a view of the settings
 *
 * Every control writes a GSettings key and follows it; the window turns the keys into
 * chart options. The company list and the years come from the dataset shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-side-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "br-chart.h"
#include "br-company-list.h"
#include "br-side-pane-private.h"

/* with more companies than this, a searchable list built as it scrolls */
#define MAX_ROWS 30

struct _BrSidePane
{
  AdwBin                parent_instance;

  GSettings            *settings;
  BrDataset            *dataset;
  BrChartKind           chart;
  GPtrArray            *company_rows;   /* AdwActionRow, in dataset order */
  GtkWidget            *company_list;   /* BrCompanyList, for many companies */
  GArray               *years;          /* int: the years the range rows offer */
  gboolean              updating;

  GtkLabel             *dataset_title;
  GtkLabel             *dataset_file;
  AdwPreferencesGroup  *companies_group;
  AdwPreferencesGroup  *valuation_group;
  AdwComboRow          *from_row;
  AdwComboRow          *to_row;
  AdwComboRow          *unit_row;
  AdwComboRow          *periods_row;
  GPtrArray            *units;          /* BrDisplayUnit: those the unit row offers */
  AdwActionRow         *share_row;
  GtkStringList        *from_years;
  GtkStringList        *to_years;
  GtkSwitch            *cumulative_switch;
  GtkSwitch            *log_switch;
  GtkSpinButton        *percent_spin;
  AdwPreferencesGroup  *runway_group;
  GtkSwitch            *scenario_switch;
  AdwComboRow          *company_scenario_row;
  GtkStringList        *scenario_companies;  /* "All companies", then each company */
  AdwActionRow         *revenue_row;
  AdwActionRow         *cost_row;
  AdwActionRow         *margin_row;
  GtkSpinButton        *revenue_spin;
  GtkSpinButton        *cost_spin;
  GtkSpinButton        *margin_spin;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DATASET,
  PROP_CHART,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (BrSidePane, br_side_pane, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

/* the "periods" key's choices, in the order of the periods row and of BrPeriodKind */
static const char * const period_choices[] = { "years", "halves", "quarters" };

static gboolean
periods_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (period_choices); i++)
    {
      if (g_str_equal (name, period_choices[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
periods_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return index < G_N_ELEMENTS (period_choices) ? g_variant_new_string (period_choices[index])
                                                : NULL;
}

/* The user's unit, or NULL while they have chosen none */
static char *
chosen_unit (BrSidePane *self)
{
  g_autoptr(GVariant) chosen = g_settings_get_user_value (self->settings, "unit");

  return chosen != NULL ? g_variant_dup_string (chosen, NULL) : NULL;
}

/* The unit row selects the unit the charts are in: the user's, or the dataset's own */
static void
sync_unit (BrSidePane *self)
{
  g_autofree char *chosen = NULL;
  const BrDisplayUnit *shown;
  guint index;

  if (self->settings == NULL || self->dataset == NULL)
    return;

  chosen = chosen_unit (self);
  shown = br_display_unit_choose (self->dataset, chosen);
  if (!g_ptr_array_find (self->units, shown, &index))
    return;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->unit_row, index);
  self->updating = FALSE;
}

/* Only the units the dataset's currencies and rates reach are offered */
static void
rebuild_units (BrSidePane *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->units, 0);
  for (guint i = 0; self->dataset != NULL && i < br_display_unit_get_n (); i++)
    {
      const BrDisplayUnit *unit = br_display_unit_get (i);

      if (!br_display_unit_reachable (unit, self->dataset))
        continue;
      g_ptr_array_add (self->units, (gpointer)unit);
      gtk_string_list_append (titles, _(unit->title));
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (titles));
  self->updating = FALSE;
  sync_unit (self);
}

static void
unit_selected_cb (BrSidePane  *self,
                  GParamSpec  *pspec,
                  AdwComboRow *row)
{
  guint index = adw_combo_row_get_selected (row);
  const BrDisplayUnit *unit;

  if (self->updating || self->settings == NULL || index >= self->units->len)
    return;

  unit = g_ptr_array_index (self->units, index);
  g_settings_set_string (self->settings, "unit", unit->name);
}

/* The share-of-benchmark control names the benchmark, and goes without one */
static void
sync_benchmark (BrSidePane *self)
{
  const BrCompany *benchmark = self->dataset != NULL ? br_dataset_get_benchmark (self->dataset)
                                                     : NULL;
  const char *name;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->share_row), benchmark != NULL);
  if (benchmark == NULL)
    return;

  name = br_company_get_name (benchmark, br_language_from_locale ());
  /* TRANSLATORS: a side-pane row: "Share of Nvidia" */
  title = g_strdup_printf (_("Share of %s"), name);
  /* TRANSLATORS: the row's subtitle: "A reference line at this percentage of Nvidia’s
   * market value" */
  subtitle = g_strdup_printf (_("A reference line at this percentage of %s’s market value"),
                              name);
  /* the benchmark's name is the dataset's text, never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->share_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->share_row), title);
  adw_action_row_set_subtitle (self->share_row, subtitle);
}

static GtkCheckButton *
row_get_check (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "check");
}

static void
company_toggled_cb (BrSidePane     *self,
                    GtkCheckButton *check)
{
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (self->updating || self->settings == NULL)
    return;

  for (guint i = 0; i < self->company_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->company_rows, i);

      if (!gtk_check_button_get_active (row_get_check (row)))
        g_strv_builder_add (hidden, g_object_get_data (G_OBJECT (row), "company-id"));
    }

  ids = g_strv_builder_end (hidden);
  g_settings_set_strv (self->settings, "hidden-companies", (const char * const *)ids);
}

static void
sync_companies (BrSidePane *self)
{
  g_auto(GStrv) hidden = NULL;

  if (self->settings == NULL)
    return;

  hidden = g_settings_get_strv (self->settings, "hidden-companies");
  self->updating = TRUE;
  for (guint i = 0; i < self->company_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->company_rows, i);
      const char *id = g_object_get_data (G_OBJECT (row), "company-id");

      gtk_check_button_set_active (row_get_check (row), !g_strv_contains ((const char * const *)hidden, id));
    }
  self->updating = FALSE;
}

static GtkWidget *
color_swatch (BrDataset       *dataset,
              const BrCompany *company)
{
  GtkWidget *swatch = br_company_swatch_new ();

  /* the colour the charts draw it in, in the current theme */
  br_company_swatch_set_company (swatch, dataset, company);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);

  return swatch;
}

static GtkWidget *
company_row (BrSidePane      *self,
             const BrCompany *company,
             BrLanguage       language)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *name = br_company_get_name (company, language);

  /* names come from the dataset: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  /* one line, ellipsized: a name may be thousands of characters long */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  if (company->role == BR_ROLE_BENCHMARK)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Benchmark"));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), color_swatch (self->dataset, company));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "company-id", g_strdup (company->id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (company_toggled_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

/* The own scenario's company: the row's choice from the setting */
static void
sync_scenario_company (BrSidePane *self)
{
  g_autofree char *id = NULL;
  guint position = 0;

  if (self->settings == NULL)
    return;

  id = g_settings_get_string (self->settings, "scenario-company");
  for (guint i = 0; self->dataset != NULL && i < br_dataset_get_n_companies (self->dataset); i++)
    if (g_str_equal (br_dataset_get_company (self->dataset, i)->id, id))
      position = i + 1;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->company_scenario_row, position);
  self->updating = FALSE;
}

static void
rebuild_scenario_companies (BrSidePane *self,
                            BrLanguage  language)
{
  guint n = self->dataset != NULL ? br_dataset_get_n_companies (self->dataset) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer)_("All companies"));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, (gpointer)br_company_get_name (br_dataset_get_company (self->dataset, i),
                                                            language));
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->scenario_companies, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->scenario_companies)),
                          (const char * const *)names->pdata);
  self->updating = FALSE;
  sync_scenario_company (self);
}

static void
scenario_company_cb (BrSidePane  *self,
                     GParamSpec  *pspec,
                     AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *id = "";

  if (self->updating || self->settings == NULL || self->dataset == NULL)
    return;

  if (selected > 0 && selected <= br_dataset_get_n_companies (self->dataset))
    id = br_dataset_get_company (self->dataset, selected - 1)->id;
  g_settings_set_string (self->settings, "scenario-company", id);
}

/* The dataset's title over the pane, the file it came from beneath */
static void
show_title (BrSidePane *self)
{
  const char *title = NULL;

  if (self->dataset != NULL)
    title = br_text_get (br_dataset_get_title (self->dataset), br_language_from_locale ());
  gtk_label_set_text (self->dataset_title, title != NULL ? title : "");
  gtk_label_set_text (self->dataset_file,
                      self->dataset != NULL ? br_dataset_get_display_name (self->dataset) : "");
}

static void
rebuild_companies (BrSidePane *self)
{
  BrLanguage language = br_language_from_locale ();
  guint n = self->dataset != NULL ? br_dataset_get_n_companies (self->dataset) : 0;

  for (guint i = 0; i < self->company_rows->len; i++)
    adw_preferences_group_remove (self->companies_group, g_ptr_array_index (self->company_rows, i));
  g_ptr_array_set_size (self->company_rows, 0);
  rebuild_scenario_companies (self, language);
  if (self->company_list != NULL)
    adw_preferences_group_remove (self->companies_group, g_steal_pointer (&self->company_list));

  if (n > MAX_ROWS && self->settings != NULL)
    {
      self->company_list = br_company_list_new (self->settings, self->dataset);
      adw_preferences_group_add (self->companies_group, self->company_list);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = company_row (self, br_dataset_get_company (self->dataset, i), language);

      g_ptr_array_add (self->company_rows, row);
      adw_preferences_group_add (self->companies_group, row);
    }

  sync_companies (self);
}

static void
add_year (GArray *years,
          const GDate *date)
{
  int year;

  if (!g_date_valid (date))
    return;

  year = g_date_get_year (date);
  for (guint i = 0; i < years->len; i++)
    {
      if (g_array_index (years, int, i) == year)
        return;
    }
  g_array_append_val (years, year);
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

static void
collect_years (BrSidePane *self)
{
  guint n = self->dataset != NULL ? br_dataset_get_n_companies (self->dataset) : 0;

  g_array_set_size (self->years, 0);
  for (guint i = 0; i < n; i++)
    {
      const BrCompany *company = br_dataset_get_company (self->dataset, i);

      for (guint j = 0; j < company->n_periods; j++)
        {
          add_year (self->years, &company->periods[j].start);
          add_year (self->years, &company->periods[j].end);
        }
      for (guint j = 0; j < company->n_market_caps; j++)
        add_year (self->years, &company->market_caps[j].date);
    }
  g_array_sort (self->years, compare_int);
}

static guint
year_position (BrSidePane *self,
               int         year)
{
  for (guint i = 0; i < self->years->len; i++)
    {
      if (g_array_index (self->years, int, i) == year)
        return i + 1;
    }

  return 0;
}

static void
sync_range (BrSidePane *self)
{
  if (self->settings == NULL)
    return;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->from_row,
                              year_position (self, g_settings_get_int (self->settings, "range-from")));
  adw_combo_row_set_selected (self->to_row,
                              year_position (self, g_settings_get_int (self->settings, "range-to")));
  self->updating = FALSE;
}

static void
rebuild_years (BrSidePane *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  collect_years (self);
  g_ptr_array_add (labels, g_strdup (_("Earliest")));
  for (guint i = 0; i < self->years->len; i++)
    g_ptr_array_add (labels, g_strdup_printf ("%d", g_array_index (self->years, int, i)));
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->from_years, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->from_years)),
                          (const char * const *)labels->pdata);
  g_free (labels->pdata[0]);
  labels->pdata[0] = g_strdup (_("Latest"));
  gtk_string_list_splice (self->to_years, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->to_years)),
                          (const char * const *)labels->pdata);
  self->updating = FALSE;

  sync_range (self);
}

static int
selected_year (BrSidePane  *self,
               AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->years->len)
    return 0;

  return g_array_index (self->years, int, selected - 1);
}

static void
range_selected_cb (BrSidePane  *self,
                   GParamSpec  *pspec,
                   AdwComboRow *row)
{
  int from, to;

  if (self->updating || self->settings == NULL)
    return;

  from = selected_year (self, self->from_row);
  to = selected_year (self, self->to_row);

  /* a range the wrong way round moves the other end along */
  if (from != 0 && to != 0 && from > to)
    {
      if (row == self->from_row)
        to = from;
      else
        from = to;
    }

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "range-from", from);
  g_settings_set_int (self->settings, "range-to", to);
  g_settings_apply (self->settings);
  sync_range (self);
}

static void
settings_changed_cb (BrSidePane *self,
                     const char *key,
                     GSettings  *settings)
{
  if (g_strcmp0 (key, "hidden-companies") == 0)
    sync_companies (self);
  else if (g_strcmp0 (key, "range-from") == 0 || g_strcmp0 (key, "range-to") == 0)
    sync_range (self);
  else if (g_strcmp0 (key, "scenario-company") == 0)
    sync_scenario_company (self);
  else if (g_strcmp0 (key, "unit") == 0)
    sync_unit (self);
}

static void
br_side_pane_dispose (GObject *object)
{
  BrSidePane *self = BR_SIDE_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BR_TYPE_SIDE_PANE);
  g_clear_object (&self->settings);
  g_clear_object (&self->scenario_companies);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->company_rows, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);

  G_OBJECT_CLASS (br_side_pane_parent_class)->dispose (object);
}

static void
br_side_pane_finalize (GObject *object)
{
  BrSidePane *self = BR_SIDE_PANE (object);

  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (br_side_pane_parent_class)->finalize (object);
}

static void
br_side_pane_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BrSidePane *self = BR_SIDE_PANE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_CHART:
      g_value_set_enum (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
br_side_pane_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BrSidePane *self = BR_SIDE_PANE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      br_side_pane_set_settings (self, g_value_get_object (value));
      break;

    case PROP_DATASET:
      br_side_pane_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_CHART:
      br_side_pane_set_chart (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
br_side_pane_class_init (BrSidePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = br_side_pane_dispose;
  object_class->finalize = br_side_pane_finalize;
  object_class->get_property = br_side_pane_get_property;
  object_class->set_property = br_side_pane_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, BR_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHART] =
    g_param_spec_enum ("chart", NULL, NULL, BR_TYPE_CHART_KIND, BR_CHART_LOSSES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/burnrate/Burnrate/ui/br-side-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, dataset_title);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, dataset_file);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, companies_group);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, valuation_group);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, from_row);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, to_row);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, unit_row);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, periods_row);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, share_row);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, from_years);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, to_years);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, cumulative_switch);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, log_switch);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, percent_spin);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, runway_group);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, scenario_switch);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, company_scenario_row);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, cost_row);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, margin_row);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, revenue_spin);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, cost_spin);
  gtk_widget_class_bind_template_child (widget_class, BrSidePane, margin_spin);
  gtk_widget_class_bind_template_callback (widget_class, range_selected_cb);
}

static void
br_side_pane_init (BrSidePane *self)
{
  self->company_rows = g_ptr_array_new ();
  self->units = g_ptr_array_new ();
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->chart = BR_CHART_LOSSES;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->unit_row, "notify::selected", G_CALLBACK (unit_selected_cb),
                           self, G_CONNECT_SWAPPED);
  self->scenario_companies = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->company_scenario_row, G_LIST_MODEL (self->scenario_companies));
  g_signal_connect_object (self->company_scenario_row, "notify::selected",
                           G_CALLBACK (scenario_company_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->valuation_group), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->runway_group), FALSE);
}

/* The runway's own scenario: a switch, and three rates only it makes count */
static void
bind_scenario (BrSidePane *self,
               GSettings  *settings)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->company_scenario_row), GTK_WIDGET (self->revenue_row),
                        GTK_WIDGET (self->cost_row), GTK_WIDGET (self->margin_row) };

  g_settings_bind (settings, "scenario-custom", self->scenario_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "scenario-revenue-growth", self->revenue_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "scenario-cost-growth", self->cost_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "scenario-gross-margin", self->margin_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_settings_bind (settings, "scenario-custom", rows[i], "sensitive", G_SETTINGS_BIND_GET);
}

static void
unbind_scenario (BrSidePane *self)
{
  g_settings_unbind (self->scenario_switch, "active");
  g_settings_unbind (self->revenue_spin, "value");
  g_settings_unbind (self->cost_spin, "value");
  g_settings_unbind (self->margin_spin, "value");
  g_settings_unbind (self->company_scenario_row, "sensitive");
  g_settings_unbind (self->revenue_row, "sensitive");
  g_settings_unbind (self->cost_row, "sensitive");
  g_settings_unbind (self->margin_row, "sensitive");
}

void
br_side_pane_set_settings (BrSidePane *self,
                           GSettings  *settings)
{
  g_return_if_fail (BR_IS_SIDE_PANE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->settings, self);
      g_settings_unbind (self->cumulative_switch, "active");
      g_settings_unbind (self->log_switch, "active");
      g_settings_unbind (self->percent_spin, "value");
      unbind_scenario (self);
      g_settings_unbind (self->periods_row, "selected");
    }

  if (!g_set_object (&self->settings, settings))
    return;

  if (settings != NULL)
    {
      g_settings_bind (settings, "cumulative", self->cumulative_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "log-scale", self->log_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "percent", self->percent_spin, "value", G_SETTINGS_BIND_DEFAULT);
      bind_scenario (self, settings);
      g_settings_bind_with_mapping (settings, "periods", self->periods_row, "selected",
                                    G_SETTINGS_BIND_DEFAULT, periods_get_mapping,
                                    periods_set_mapping, NULL, NULL);
      sync_scenario_company (self);
      g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self,
                               G_CONNECT_SWAPPED);
      sync_companies (self);
      sync_range (self);
      sync_unit (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

void
br_side_pane_set_dataset (BrSidePane *self,
                          BrDataset  *dataset)
{
  g_return_if_fail (BR_IS_SIDE_PANE (self));
  g_return_if_fail (dataset == NULL || BR_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  show_title (self);
  rebuild_companies (self);
  rebuild_years (self);
  rebuild_units (self);
  sync_benchmark (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

void
br_side_pane_set_chart (BrSidePane  *self,
                        BrChartKind  chart)
{
  g_return_if_fail (BR_IS_SIDE_PANE (self));

  if (self->chart == chart)
    return;

  self->chart = chart;
  gtk_widget_set_sensitive (GTK_WIDGET (self->valuation_group), chart == BR_CHART_VALUATION);
  gtk_widget_set_sensitive (GTK_WIDGET (self->runway_group), chart == BR_CHART_RUNWAY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

AdwComboRow *
br_side_pane_get_unit_row (BrSidePane *self)
{
  g_return_val_if_fail (BR_IS_SIDE_PANE (self), NULL);

  return self->unit_row;
}

GtkWidget *
br_side_pane_get_share_row (BrSidePane *self)
{
  g_return_val_if_fail (BR_IS_SIDE_PANE (self), NULL);

  return GTK_WIDGET (self->share_row);
}
