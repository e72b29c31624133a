/* br-window.c: the main window, four explorable charts and their controls
 *
 * The settings hold every choice the side pane makes; the window turns them into chart
 * options for the four views, one a page of the view stack. The document holds the
 * dataset: a load that fails shows its problems in the banner and leaves the charts
 * as they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-window"

#include "config.h"

#include <glib/gi18n.h>

#include "br-restyle.h"
#include "br-window-private.h"

#define MAX_BANNER_PROBLEMS 3
/* the smallest chart text, in pixels at a text-scaling factor of 1 */
#define MIN_CHART_TEXT 11.

enum {
  PROP_0,
  PROP_CHART,
  PROP_SHOW_TABLE,
  PROP_COLOR_VISION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (BrWindow, br_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static void br_window_refresh_table (BrWindow *self);

static BrChartView *
views (BrWindow *self,
       guint     index)
{
  BrChartView *all[BR_N_CHART_KINDS] = {
    self->losses_view, self->rnd_view, self->customers_view, self->valuation_view,
    self->runway_view,
  };

  return all[index];
}

/* "years", "halves" or "quarters": the kind of period the charts show first */
static BrPeriodKind
periods_from_settings (GSettings *settings)
{
  g_autofree char *periods = g_settings_get_string (settings, "periods");

  if (g_str_equal (periods, "quarters"))
    return BR_PERIOD_QUARTER;
  if (g_str_equal (periods, "halves"))
    return BR_PERIOD_HALF_YEAR;
  return BR_PERIOD_FISCAL_YEAR;
}

/* The unit the user chose, if the dataset reaches it; else the dataset's own */
static void
unit_from_settings (GSettings *settings,
                    BrDataset *dataset,
                    BrUnit    *unit)
{
  g_autoptr(GVariant) chosen = g_settings_get_user_value (settings, "unit");

  br_display_unit_to_unit (br_display_unit_choose (dataset, chosen != NULL
                                                              ? g_variant_get_string (chosen, NULL)
                                                              : NULL),
                           unit);
}

/* The unticked companies are left out of those each chart chooses from: whether one
 * or all but one are unticked, a chart draws the largest few of the rest by the same
 * rule, and its note names or counts what it leaves out. */
static void
companies_from_settings (BrWindow       *self,
                         BrChartOptions *options)
{
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-companies");

  br_chart_options_set_excluded (options, (const char * const *)hidden);
}

/* The runway's own scenario, for every company or the one chosen, when it is on */
static void
scenario_from_settings (GSettings      *settings,
                        BrChartOptions *options)
{
  static const char *keys[] = { "scenario-revenue-growth", "scenario-cost-growth",
                                "scenario-gross-margin" };
  static const char *names[] = { "revenue-growth", "cost-growth", "gross-margin" };
  g_autoptr(BrScenarioSet) scenario = br_scenario_set_new ();
  g_autoptr(GString) spec = g_string_new (NULL);
  g_autofree char *company = g_settings_get_string (settings, "scenario-company");

  if (!g_settings_get_boolean (settings, "scenario-custom"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      /* "moore-threads:revenue-growth=40" for one company, else for all */
      g_string_append_printf (spec, "%s%s%s%s=%s", i > 0 ? "," : "", company,
                              company[0] != '\0' ? ":" : "", names[i],
                              g_ascii_dtostr (number, sizeof number,
                                              g_settings_get_double (settings, keys[i])));
    }
  /* the schema's ranges are the parser's: this cannot fail */
  if (br_scenario_set_parse (scenario, spec->str, NULL))
    br_chart_options_set_scenario (options, scenario);
}

/* The desktop's text-scaling factor, which GTK applies to the interface as a font DPI */
static double
desktop_text_scale (BrWindow *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    return 1.0;

  return CLAMP (dpi / (96. * 1024), 0.5, 5.0);
}

static BrChartOptions *
options_from_settings (BrWindow  *self,
                       BrDataset *dataset)
{
  BrChartOptions *options = br_chart_options_new (BR_CHART_LOSSES);
  int from_year = g_settings_get_int (self->settings, "range-from");
  int to_year = g_settings_get_int (self->settings, "range-to");
  GDate from, to;
  BrUnit unit;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (from_year > 0)
    g_date_set_dmy (&from, 1, G_DATE_JANUARY, from_year);
  if (to_year > 0)
    g_date_set_dmy (&to, 31, G_DATE_DECEMBER, to_year);
  br_chart_options_set_range (options, &from, &to);

  unit_from_settings (self->settings, dataset, &unit);
  br_chart_options_set_unit (options, &unit);
  br_chart_options_set_cumulative (options, g_settings_get_boolean (self->settings, "cumulative"));
  br_chart_options_set_periods (options, periods_from_settings (self->settings));
  br_chart_options_set_log_scale (options, g_settings_get_boolean (self->settings, "log-scale"));
  br_chart_options_set_percent (options, g_settings_get_double (self->settings, "percent"));
  br_chart_options_set_theme (options,
                              adw_style_manager_get_dark (adw_style_manager_get_default ())
                                ? BR_THEME_DARK : BR_THEME_LIGHT);
  br_chart_options_set_high_contrast (options,
                                      adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  br_chart_options_set_text_size (options, desktop_text_scale (self),
                                  MIN_CHART_TEXT * desktop_text_scale (self));
  companies_from_settings (self, options);
  scenario_from_settings (self->settings, options);

  return options;
}

/* The layout of the chart shown, when its drawing is done; NULL while the view draws it
 * off the main thread (its "drawn" signal calls again). A view off screen draws nothing
 * by itself: it is drawn here. */
static BrChartLayout *
visible_layout (BrWindow *self)
{
  BrChartView *view = br_window_get_visible_chart_view (self);
  BrChartLayout *layout = br_chart_view_get_current_layout (view);

  if (layout == NULL && !gtk_widget_get_mapped (GTK_WIDGET (view)))
    layout = br_chart_view_ensure_layout (view);

  return layout;
}

/* Run after the frame that draws the chart shown, once its layout is current: a status
 * page over a chart with nothing to draw, saying why. Not when the legend hid every
 * series: its buttons, on the chart, bring them back. */
static gboolean
update_empty_page_cb (gpointer data)
{
  BrWindow *self = data;
  BrChartView *view = br_window_get_visible_chart_view (self);
  BrChartLayout *layout = visible_layout (self);
  AdwViewStackPage *page = adw_view_stack_get_page (self->stack, GTK_WIDGET (view));
  g_auto(GStrv) hidden = NULL;
  gboolean empty;

  self->empty_source = 0;
  if (layout == NULL)
    return G_SOURCE_REMOVE;
  g_object_get (view, "hidden", &hidden, NULL);
  empty = layout != NULL && br_chart_layout_get_n_marks (layout) == 0
          && (hidden == NULL || hidden[0] == NULL);
  if (empty)
    {
      adw_status_page_set_icon_name (self->empty_page, adw_view_stack_page_get_icon_name (page));
      /* the description names the dataset's companies; a status page reads markup */
      g_autofree char *escaped = g_markup_escape_text (br_chart_layout_get_description (layout), -1);

      adw_status_page_set_description (self->empty_page, escaped);
    }
  if (empty && gtk_widget_has_focus (GTK_WIDGET (view)))
    gtk_widget_child_focus (GTK_WIDGET (self->empty_page), GTK_DIR_TAB_FORWARD);
  /* Tab does not land on the chart beneath */
  gtk_widget_set_can_focus (GTK_WIDGET (self->stack), !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), empty);

  return G_SOURCE_REMOVE;
}

static void
schedule_empty_page (BrWindow *self)
{
  if (self->empty_source == 0)
    self->empty_source = g_idle_add_full (G_PRIORITY_LOW, update_empty_page_cb, self, NULL);
}

static void
show_controls_cb (BrWindow *self)
{
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_child_focus (GTK_WIDGET (self->side_pane), GTK_DIR_TAB_FORWARD);
}

static void
apply_options (BrWindow *self)
{
  BrDataset *dataset = br_document_get_dataset (self->document);
  g_autoptr(BrChartOptions) options = NULL;

  if (dataset == NULL)
    return;

  options = options_from_settings (self, dataset);
  for (guint i = 0; i < BR_N_CHART_KINDS; i++)
    {
      br_chart_view_set_options (views (self, i), options);
      br_chart_view_set_dataset (views (self, i), dataset);
    }

  br_window_refresh_table (self);
  schedule_empty_page (self);
}

static void
settings_changed_cb (BrWindow   *self,
                     const char *key,
                     GSettings  *settings)
{
  static const char *option_keys[] = {
    "hidden-companies", "range-from", "range-to", "cumulative", "periods", "unit", "log-scale",
    "percent",
    "scenario-custom", "scenario-company", "scenario-revenue-growth", "scenario-cost-growth",
    "scenario-gross-margin", NULL,
  };

  if (g_strv_contains (option_keys, key))
    apply_options (self);
}

static void
dark_changed_cb (BrWindow        *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  apply_options (self);
}

/* The window's styles after a light/dark or contrast switch, worked out before the frame
 * that shows it; and again when libadwaita 1.2, which turns transitions off for the
 * switch, turns them back on 250 ms later: that too makes every style stale. */
#define ADW_SWITCH_MS 250

static void
stylesheet_changed_cb (BrWindow *self)
{
  br_restyle_ahead (GTK_WIDGET (self));
  br_restyle_ahead_after (GTK_WIDGET (self), ADW_SWITCH_MS);
}

static void
desktop_changed_cb (BrWindow   *self,
                    GParamSpec *pspec,
                    GObject    *object)
{
  apply_options (self);
}

/* With the side pane over the charts (a narrow window), Tab stays out of what it
 * hides. */
static void
flap_changed_cb (BrWindow   *self,
                 GParamSpec *pspec,
                 AdwFlap    *flap)
{
  gtk_widget_set_can_focus (adw_flap_get_content (flap),
                            !(adw_flap_get_folded (flap) && adw_flap_get_reveal_flap (flap)));
}

static void
hide_banner (BrWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problem_summary, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", FALSE);
}

static void
remember_file (BrWindow *self,
               GFile    *file)
{
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : g_strdup ("");
  g_autofree char *last = g_settings_get_string (self->settings, "last-dataset");

  /* a start-up on the same dataset writes nothing */
  if (!g_str_equal (uri, last))
    g_settings_set_string (self->settings, "last-dataset", uri);
  if (file == NULL)
    return;

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri,
                               &(GtkRecentData) {
                                 .mime_type = (char *)"application/json",
                                 .app_name = (char *)g_get_application_name (),
                                 .app_exec = (char *)"burnrate %u",
                               });
}

/* The dataset's title (its file's name when it has none) in the header, when the header
 * has room for a title, over its file's name, and in the window's title */
static void
show_dataset_title (BrWindow  *self,
                    BrDataset *dataset)
{
  const char *title = br_text_get (br_dataset_get_title (dataset), br_language_from_locale ());
  const char *file = br_dataset_get_display_name (dataset);
  g_autofree char *window_title = NULL;

  if (title == NULL)
    title = file;
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, file);
  /* TRANSLATORS: the window's title, as the desktop lists windows: the dataset's title,
   * then the program's name */
  window_title = g_strdup_printf (_("%s — Burnrate"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
document_changed_cb (BrWindow   *self,
                     BrDocument *document)
{
  BrDataset *dataset = br_document_get_dataset (document);

  hide_banner (self);
  br_side_pane_set_dataset (self->side_pane, dataset);
  show_dataset_title (self, dataset);
  apply_options (self);
  remember_file (self, br_document_get_file (document));
}

static char *
describe_failure (BrWindow     *self,
                  GFile        *file,
                  const GError *error,
                  GPtrArray    *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = g_file_get_basename (file);
  BrDataset *dataset = br_document_get_dataset (self->document);
  guint n = problems != NULL ? problems->len : 0;

  if (n == 0)
    {
      g_string_append_printf (text, _("“%s” could not be loaded: %s"), name, error->message);
    }
  else
    {
      g_autofree char *count = br_chart_format_count (n);

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "“%s” could not be loaded: %s problem",
                                                 "“%s” could not be loaded: %s problems", n),
                              name, count);
      for (guint i = 0; i < MIN (n, MAX_BANNER_PROBLEMS); i++)
        {
          g_autofree char *line = br_problem_to_string (g_ptr_array_index (problems, i));

          g_string_append_printf (text, "\n%s", line);
        }
      if (n > MAX_BANNER_PROBLEMS)
        g_string_append_printf (text, "\n%s", _("… and more: see Details"));
    }

  if (dataset != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("The charts still show “%s”."),
                              br_dataset_get_display_name (dataset));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
document_load_failed_cb (BrWindow   *self,
                         GFile      *file,
                         GError     *error,
                         GPtrArray  *problems,
                         BrDocument *document)
{
  g_autoptr(GError) bundled_error = NULL;

  /* nothing shown yet (a last dataset that broke): show the bundled one instead. Its
   * load clears the banner, so it comes first and the problems after it. */
  if (br_document_get_dataset (document) == NULL
      && !br_document_load_bundled (document, &bundled_error))
    g_critical ("The bundled dataset does not load: %s", bundled_error->message);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  if (problems != NULL)
    self->problems = g_ptr_array_ref (problems);
  g_free (self->problem_summary);
  self->problem_summary = describe_failure (self, file, error, problems);

  gtk_label_set_text (self->banner_label, self->problem_summary);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", TRUE);
}

static gboolean
drop_cb (BrWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  br_window_open (self, files->data);
  g_slist_free (files);

  return TRUE;
}

static void
visible_chart_cb (BrWindow     *self,
                  GParamSpec   *pspec,
                  AdwViewStack *stack)
{
  GtkWidget *focus;

  if (adw_view_stack_get_visible_child_name (stack) == NULL || self->settings == NULL)
    return;

  /* the chart had the focus, or lost it to the page that went: the new one takes it */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && (BR_IS_CHART_VIEW (focus) || GTK_IS_PANED (focus)
                        || gtk_widget_is_ancestor (focus, GTK_WIDGET (stack))))
    gtk_widget_grab_focus (adw_view_stack_get_visible_child (stack));

  br_side_pane_set_chart (self->side_pane, br_window_get_chart (self));
  br_window_refresh_table (self);
  schedule_empty_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/* a new drawing of a chart: the table and the status page follow the one shown */
static void
view_drawn_cb (BrWindow    *self,
               BrChartView *view)
{
  if (view != br_window_get_visible_chart_view (self))
    return;

  br_window_refresh_table (self);
  schedule_empty_page (self);
}

static void
hidden_series_cb (BrWindow    *self,
                  GParamSpec  *pspec,
                  BrChartView *view)
{
  if (view != br_window_get_visible_chart_view (self))
    return;

  br_window_refresh_table (self);
  schedule_empty_page (self);
}

static gboolean
br_window_close_request (GtkWindow *window)
{
  BrWindow *self = BR_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (br_window_parent_class)->close_request (window);
}

static void
br_window_dispose (GObject *object)
{
  BrWindow *self = BR_WINDOW (object);

  g_clear_handle_id (&self->loading_source, g_source_remove);
  g_clear_handle_id (&self->empty_source, g_source_remove);
  g_clear_handle_id (&self->table_source, g_source_remove);
  if (self->presentation != NULL)
    gtk_window_destroy (self->presentation);
  g_clear_weak_pointer (&self->presentation);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problem_summary, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BR_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (br_window_parent_class)->dispose (object);
}

static void
br_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BrWindow *self = BR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_enum (value, br_window_get_chart (self));
      break;

    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;

    case PROP_COLOR_VISION:
      g_value_set_enum (value, self->vision);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_show_table (BrWindow *self,
                gboolean  show_table)
{
  if (self->show_table == !!show_table)
    return;

  self->show_table = !!show_table;
  gtk_widget_set_visible (self->table_box, self->show_table);
  br_restyle_ahead (self->table_box);
  br_window_refresh_table (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

/* The simulation the charts are drawn through, named over them, with a way back */
static void
update_vision_bar (BrWindow *self)
{
  static const char *names[] = {
    [BR_COLOR_VISION_PROTANOPIA] = N_("Protanopia"),
    [BR_COLOR_VISION_DEUTERANOPIA] = N_("Deuteranopia"),
    [BR_COLOR_VISION_TRITANOPIA] = N_("Tritanopia"),
  };
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->vision_bar, self->vision != BR_COLOR_VISION_NORMAL);
  if (self->vision == BR_COLOR_VISION_NORMAL || self->vision >= G_N_ELEMENTS (names))
    return;

  /* TRANSLATORS: over the chart while its colours are shown as a colour-blind person
   * sees them; %s is the kind, e.g. "Deuteranopia" */
  text = g_strdup_printf (_("Colour-vision preview: %s"), _(names[self->vision]));
  gtk_label_set_text (self->vision_label, text);
}

static void
set_color_vision (BrWindow      *self,
                  BrColorVision  vision)
{
  if (vision == self->vision)
    return;

  self->vision = vision;
  for (guint i = 0; i < BR_N_CHART_KINDS; i++)
    br_chart_view_set_color_vision (views (self, i), vision);
  update_vision_bar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_VISION]);
}

static void
br_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BrWindow *self = BR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      br_window_set_chart (self, g_value_get_enum (value));
      break;

    case PROP_SHOW_TABLE:
      set_show_table (self, g_value_get_boolean (value));
      break;

    case PROP_COLOR_VISION:
      set_color_vision (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
br_window_class_init (BrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = br_window_dispose;
  object_class->get_property = br_window_get_property;
  object_class->set_property = br_window_set_property;
  window_class->close_request = br_window_close_request;

  properties[PROP_CHART] =
    g_param_spec_enum ("chart", NULL, NULL, BR_TYPE_CHART_KIND, BR_CHART_LOSSES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR_VISION] =
    g_param_spec_enum ("color-vision", NULL, NULL, BR_TYPE_COLOR_VISION, BR_COLOR_VISION_NORMAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BR_TYPE_CHART_VIEW);
  g_type_ensure (BR_TYPE_DATA_TABLE);
  g_type_ensure (BR_TYPE_SIDE_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/burnrate/Burnrate/ui/br-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BrWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, side_pane);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, loading_revealer);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, losses_view);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, rnd_view);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, customers_view);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, valuation_view);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, runway_view);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, vision_bar);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, vision_label);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, vision_off_button);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, table_box);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, table_title);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, data_table);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, table_count);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, table_spinner);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, all_figures_button);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, monitor_section);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, cancel_load_button);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, BrWindow, announcer);
  gtk_widget_class_bind_template_callback (widget_class, visible_chart_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_controls_cb);

  gtk_widget_class_install_property_action (widget_class, "win.chart", "chart");
  gtk_widget_class_install_property_action (widget_class, "win.show-table", "show-table");
  gtk_widget_class_install_property_action (widget_class, "win.color-vision", "color-vision");
  _br_window_class_init_actions (widget_class);
}

static void
restore_size (BrWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
setup_drop_target (BrWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
recent_changed_cb (BrWindow         *self,
                   GtkRecentManager *manager)
{
  _br_window_update_recent (self);
}

/* Large files take a while: after 300 ms, a bar says which file is loading, with a
 * spinner and a way to give up; small ones never flash it. */
static gboolean
show_loading_cb (gpointer data)
{
  BrWindow *self = data;
  GFile *file = br_document_get_watched (self->document);
  g_autofree char *name = file != NULL ? g_file_get_parse_name (file) : NULL;
  g_autofree char *text = NULL;

  self->loading_source = 0;
  /* TRANSLATORS: while a large dataset loads; %s is its file name */
  text = g_strdup_printf (_("Loading %s…"), name != NULL ? name : "");
  gtk_label_set_text (self->loading_label, text);
  gtk_spinner_start (self->loading_spinner);
  gtk_revealer_set_reveal_child (self->loading_revealer, TRUE);

  return G_SOURCE_REMOVE;
}

static void
loading_changed_cb (BrWindow   *self,
                    GParamSpec *pspec,
                    BrDocument *document)
{
  g_clear_handle_id (&self->loading_source, g_source_remove);

  if (br_document_get_loading (document))
    {
      self->loading_source = g_timeout_add (300, show_loading_cb, self);
      return;
    }

  gtk_spinner_stop (self->loading_spinner);
  gtk_revealer_set_reveal_child (self->loading_revealer, FALSE);
}

static void
monitors_changed_cb (BrWindow   *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *monitors)
{
  _br_window_update_monitors (self);
}

/* "315,600 rows", with a spinner while they are gathered or sorted */
static void
table_rows_changed_cb (BrWindow *self)
{
  guint n = br_data_table_get_n_rows (self->data_table);
  g_autofree char *count = br_chart_format_count (n);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", n),
                                           count);
  gboolean busy = br_data_table_get_busy (self->data_table);

  gtk_label_set_text (self->table_count, text);
  gtk_widget_set_visible (GTK_WIDGET (self->table_spinner), busy);
  gtk_spinner_set_spinning (self->table_spinner, busy);
}

static void
br_window_init (BrWindow *self)
{
  AdwStyleManager *display_style;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->document = br_document_new ();
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::loading", G_CALLBACK (loading_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "load-failed", G_CALLBACK (document_load_failed_cb),
                           self, G_CONNECT_SWAPPED);

  br_side_pane_set_settings (self->side_pane, self->settings);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (desktop_changed_cb), self, G_CONNECT_SWAPPED);
  /* the display's style manager reloads the style sheet, and says so after */
  display_style = adw_style_manager_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_signal_connect_object (display_style, "notify::dark", G_CALLBACK (stylesheet_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (display_style, "notify::high-contrast",
                           G_CALLBACK (stylesheet_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (desktop_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (flap_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (flap_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* a button's name is its label's, once: not "_Cancel Cancel" */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cancel_load_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->details_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->vision_off_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->all_figures_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_settings_bind (self->settings, "show-table", self, "show-table", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->data_table, "notify::n-rows", G_CALLBACK (table_rows_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->data_table, "notify::busy", G_CALLBACK (table_rows_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->data_table, "notify::all-figures",
                           G_CALLBACK (br_window_refresh_table), self, G_CONNECT_SWAPPED);
  table_rows_changed_cb (self);

  for (guint i = 0; i < BR_N_CHART_KINDS; i++)
    {
      g_signal_connect_object (views (self, i), "notify::hidden", G_CALLBACK (hidden_series_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (views (self, i), "drawn", G_CALLBACK (view_drawn_cb), self,
                               G_CONNECT_SWAPPED);
    }

  /* the key holds the chart's nick: "losses" */
  g_settings_bind (self->settings, "chart", self, "chart", G_SETTINGS_BIND_DEFAULT);
  restore_size (self);
  setup_drop_target (self);
  hide_banner (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  _br_window_update_recent (self);
  g_signal_connect_object (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self))),
                           "items-changed", G_CALLBACK (monitors_changed_cb), self,
                           G_CONNECT_SWAPPED);
  _br_window_update_monitors (self);
}

BrWindow *
br_window_new (GtkApplication *application)
{
  return g_object_new (BR_TYPE_WINDOW, "application", application, NULL);
}

gboolean
br_window_get_loading_revealed (BrWindow *self)
{
  g_return_val_if_fail (BR_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->loading_revealer);
}

/**
 * br_window_get_presentation:
 *
 * Returns: (nullable) (transfer none): the presentation window while it is up
 */
GtkWindow *
br_window_get_presentation (BrWindow *self)
{
  g_return_val_if_fail (BR_IS_WINDOW (self), NULL);

  return self->presentation;
}

BrDocument *
br_window_get_document (BrWindow *self)
{
  g_return_val_if_fail (BR_IS_WINDOW (self), NULL);

  return self->document;
}

GSettings *
br_window_get_settings (BrWindow *self)
{
  g_return_val_if_fail (BR_IS_WINDOW (self), NULL);

  return self->settings;
}

/**
 * br_window_open:
 *
 * Starts loading @file: the charts show it once it loads, or the banner lists its
 * problems and the charts keep what they show.
 */
void
br_window_open (BrWindow *self,
                GFile    *file)
{
  g_return_if_fail (BR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  br_document_load_file (self->document, file);
}

gboolean
br_window_open_bundled (BrWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BR_IS_WINDOW (self), FALSE);

  if (!br_document_load_bundled (self->document, &error))
    {
      g_critical ("The bundled dataset does not load: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

BrChartKind
br_window_get_chart (BrWindow *self)
{
  BrChartKind kind = BR_CHART_LOSSES;

  g_return_val_if_fail (BR_IS_WINDOW (self), BR_CHART_LOSSES);

  /* the stack's pages are named by the charts' nicks */
  br_chart_kind_from_string (adw_view_stack_get_visible_child_name (self->stack), &kind);
  return kind;
}

void
br_window_set_chart (BrWindow    *self,
                     BrChartKind  chart)
{
  g_return_if_fail (BR_IS_WINDOW (self));
  g_return_if_fail (chart < BR_N_CHART_KINDS);

  adw_view_stack_set_visible_child_name (self->stack, br_chart_kind_to_string (chart));
}

BrChartView *
br_window_get_chart_view (BrWindow    *self,
                          BrChartKind  kind)
{
  g_return_val_if_fail (BR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (kind < BR_N_CHART_KINDS, NULL);

  return views (self, kind);
}

BrChartView *
br_window_get_visible_chart_view (BrWindow *self)
{
  g_return_val_if_fail (BR_IS_WINDOW (self), NULL);

  return BR_CHART_VIEW (adw_view_stack_get_visible_child (self->stack));
}

BrDataTable *
br_window_get_data_table (BrWindow *self)
{
  g_return_val_if_fail (BR_IS_WINDOW (self), NULL);

  return self->data_table;
}

static gboolean
fill_table_cb (gpointer data)
{
  BrWindow *self = data;
  BrChartView *view = br_window_get_visible_chart_view (self);
  BrChartLayout *layout;

  self->table_source = 0;
  if (!self->show_table || br_data_table_get_all_figures (self->data_table)
      || (layout = visible_layout (self)) == NULL)
    return G_SOURCE_REMOVE;

  br_data_table_set_layout (self->data_table, layout,
                            br_chart_options_get_language (br_chart_view_get_options (view)));
  gtk_label_set_text (self->table_title, br_chart_layout_get_title (layout));

  return G_SOURCE_REMOVE;
}

/**
 * br_window_refresh_table:
 *
 * Fills the data table from the chart shown, when the table is shown: after the frame
 * in progress, once the chart's drawing (off the main thread) is done, so that neither
 * the drawing nor the rows hold up the frame.
 */
static void
br_window_refresh_table (BrWindow *self)
{
  g_return_if_fail (BR_IS_WINDOW (self));

  if (!self->show_table)
    return;

  if (br_data_table_get_all_figures (self->data_table))
    {
      BrChartView *view = br_window_get_visible_chart_view (self);
      BrDataset *dataset = br_document_get_dataset (self->document);
      g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-companies");
      BrUnit unit;

      if (dataset == NULL)
        return;
      /* gathered (on a worker thread) again only when the dataset, the ticks, the unit or
       * the language change */
      unit_from_settings (self->settings, dataset, &unit);
      br_data_table_set_figures (self->data_table, dataset, (const char * const *)hidden, &unit,
                                 br_chart_options_get_language (br_chart_view_get_options (view)));
      gtk_label_set_text (self->table_title, _("Every figure of the ticked companies"));
      return;
    }

  if (self->table_source == 0)
    self->table_source = g_idle_add (fill_table_cb, self);
}

/**
 * br_window_get_problems:
 *
 * Returns: (transfer none) (nullable) (element-type BrProblem): the problems of the
 *   last load that failed, until a load succeeds or the banner is dismissed
 */
GPtrArray *
br_window_get_problems (BrWindow *self)
{
  g_return_val_if_fail (BR_IS_WINDOW (self), NULL);

  return self->problems;
}

const char *
br_window_get_banner_text (BrWindow *self)
{
  g_return_val_if_fail (BR_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->banner_label);
}

gboolean
br_window_get_banner_revealed (BrWindow *self)
{
  g_return_val_if_fail (BR_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->banner_revealer);
}

/**
 * br_window_show_toast:
 * @toast: (transfer full): a toast whose title is markup, dataset and file text escaped
 *   (br_window_new_toast())
 *
 * Shows @toast, and says its title's text, not its markup, to screen readers.
 */
void
br_window_show_toast (BrWindow *self,
                      AdwToast *toast)
{
  const char *title = adw_toast_get_title (toast);
  g_autofree char *text = NULL;

  g_return_if_fail (BR_IS_WINDOW (self));

  /* an alert that appears is read out; hidden first, so that the same text twice is
   * read twice */
  gtk_widget_set_visible (GTK_WIDGET (self->announcer), FALSE);
  if (!pango_parse_markup (title, -1, 0, NULL, &text, NULL, NULL))
    text = g_strdup (title);
  gtk_label_set_text (self->announcer, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->announcer), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->announcer), TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * br_window_new_toast:
 * @text: what the toast says, as plain text
 *
 * Returns: (transfer full): a toast saying @text: its title is @text as markup, escaped
 */
AdwToast *
br_window_new_toast (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}
