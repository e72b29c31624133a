/* br-company-list.c: a searchable list of many companies, built as it scrolls
 *
 * The side pane's company list for datasets with many companies: a search entry that
 * filters by name as one types, buttons to tick all or none, and a list view that makes
 * rows only for what is on screen. A tick writes the "hidden-companies" key, as the
 * side pane's rows do for a few companies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-company-list"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "br-chart.h"
#include "br-company-list-private.h"

struct _BrCompanyList
{
  GtkBox           parent_instance;

  GSettings       *settings;
  BrDataset       *dataset;
  GHashTable      *hidden;     /* company ids */
  GPtrArray       *checks;     /* GtkCheckButton: the rows bound now */
  GtkCustomFilter *filter;
  char            *search;     /* casefolded */
  BrLanguage       language;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (BrCompanyList, br_company_list, GTK_TYPE_BOX)

static void
write_hidden (BrCompanyList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  /* in dataset order, as the side pane's rows write them */
  for (guint i = 0; i < br_dataset_get_n_companies (self->dataset); i++)
    {
      const char *id = br_dataset_get_company (self->dataset, i)->id;

      if (g_hash_table_contains (self->hidden, id))
        g_strv_builder_add (builder, id);
    }
  ids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "hidden-companies", (const char * const *)ids);
}

static void
sync_checks (BrCompanyList *self)
{
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-companies");

  g_hash_table_remove_all (self->hidden);
  for (guint i = 0; hidden[i] != NULL; i++)
    g_hash_table_add (self->hidden, g_strdup (hidden[i]));

  self->updating = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "company-id");

      gtk_check_button_set_active (check, !g_hash_table_contains (self->hidden, id));
    }
  self->updating = FALSE;
}

static void
toggled_cb (GtkCheckButton *check,
            BrCompanyList  *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "company-id");

  if (self->updating || id == NULL)
    return;

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->hidden, id);
  else
    g_hash_table_add (self->hidden, g_strdup (id));
  write_hidden (self);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          BrCompanyList            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *swatch = br_company_swatch_new ();

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  g_signal_connect_object (check, "toggled", G_CALLBACK (toggled_cb), self, 0);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

typedef struct
{
  BrDataset       *dataset;
  const BrCompany *company;   /* in dataset */
} Swatch;

static void
swatch_free (Swatch *swatch)
{
  g_clear_object (&swatch->dataset);
  g_free (swatch);
}

/* Colours @label as its company is drawn on the charts in the current theme */
static void
swatch_update (GtkWidget *label)
{
  Swatch *swatch = g_object_get_data (G_OBJECT (label), "br-swatch");
  AdwStyleManager *style = adw_style_manager_get_default ();
  PangoAttrList *attrs = pango_attr_list_new ();
  guint32 color;

  if (swatch == NULL)
    return;

  color = br_chart_company_color_for_theme (swatch->dataset, swatch->company,
                                            adw_style_manager_get_dark (style)
                                              ? BR_THEME_DARK : BR_THEME_LIGHT);
  pango_attr_list_insert (attrs, pango_attr_foreground_new (((color >> 16) & 0xff) * 257,
                                                            ((color >> 8) & 0xff) * 257,
                                                            (color & 0xff) * 257));
  pango_attr_list_insert (attrs, pango_attr_scale_new (1.4));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
}

/* A dot for a company whose line is solid, else its line's pattern, as the legend
 * draws it: past twelve companies, those of one hue differ by it */
static const char *
swatch_text (BrDataset       *dataset,
             const BrCompany *company)
{
  switch (br_chart_company_line_style (dataset, company))
    {
    case BR_LINE_STYLE_DASH_DOT:
      return "•━";
    case BR_LINE_STYLE_DOTTED:
      return "•••";
    case BR_LINE_STYLE_DASH_DOT_DOT:
      return "••━";
    case BR_LINE_STYLE_SOLID:
    default:
      return "●";
    }
}

/**
 * br_company_swatch_new:
 *
 * Returns: (transfer floating): a dot in a company's colour, as the charts draw it in
 *   the current theme (contrast-adjusted, light or dark), following the theme; for a
 *   company whose line is not solid, its pattern
 */
GtkWidget *
br_company_swatch_new (void)
{
  GtkWidget *label = gtk_label_new ("●");

  gtk_widget_add_css_class (label, "br-swatch");
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (swatch_update), label, G_CONNECT_SWAPPED);

  return label;
}

void
br_company_swatch_set_company (GtkWidget       *label,
                               BrDataset       *dataset,
                               const BrCompany *company)
{
  Swatch *swatch = g_new0 (Swatch, 1);

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (BR_IS_DATASET (dataset) && company != NULL);

  swatch->dataset = g_object_ref (dataset);
  swatch->company = company;
  gtk_label_set_text (GTK_LABEL (label), swatch_text (dataset, company));
  g_object_set_data_full (G_OBJECT (label), "br-swatch", swatch, (GDestroyNotify)swatch_free);
  swatch_update (label);
}

/**
 * br_company_swatch_get_company:
 *
 * Returns: (nullable): the company whose colour @swatch shows
 */
const BrCompany *
br_company_swatch_get_company (GtkWidget *label)
{
  Swatch *swatch = g_object_get_data (G_OBJECT (label), "br-swatch");

  return swatch != NULL ? swatch->company : NULL;
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         BrCompanyList            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (check);
  GtkWidget *swatch = gtk_widget_get_next_sibling (label);
  const char *id = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const BrCompany *company = br_dataset_lookup_company (self->dataset, id);
  const char *name = br_company_get_name (company, self->language);

  g_object_set_data_full (G_OBJECT (check), "company-id", g_strdup (id), g_free);
  /* names come from the dataset: plain text, never markup */
  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  br_company_swatch_set_company (swatch, self->dataset, company);
  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !g_hash_table_contains (self->hidden, id));
  self->updating = FALSE;
  g_ptr_array_add (self->checks, check);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BrCompanyList            *self)
{
  GtkWidget *check = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  g_ptr_array_remove_fast (self->checks, check);
  g_object_set_data (G_OBJECT (check), "company-id", NULL);
}

static gboolean
match_cb (gpointer item,
          gpointer data)
{
  BrCompanyList *self = data;
  const BrCompany *company;
  g_autofree char *name = NULL;

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;

  company = br_dataset_lookup_company (self->dataset, gtk_string_object_get_string (item));
  name = g_utf8_casefold (br_company_get_name (company, self->language), -1);

  return strstr (name, self->search) != NULL || strstr (company->id, self->search) != NULL;
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   BrCompanyList  *self)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
all_cb (BrCompanyList *self)
{
  g_hash_table_remove_all (self->hidden);
  write_hidden (self);
}

static void
none_cb (BrCompanyList *self)
{
  for (guint i = 0; i < br_dataset_get_n_companies (self->dataset); i++)
    g_hash_table_add (self->hidden, g_strdup (br_dataset_get_company (self->dataset, i)->id));
  write_hidden (self);
}

static GtkWidget *
buttons (BrCompanyList *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *all = gtk_button_new_with_mnemonic (_("_All"));
  GtkWidget *none = gtk_button_new_with_mnemonic (_("_None"));

  gtk_widget_set_tooltip_text (all, _("Tick every company: each chart draws the largest it has "
                                      "room for, and says how many it leaves out"));
  gtk_widget_set_tooltip_text (none, _("Untick every company, to pick a few"));
  g_signal_connect_object (all, "clicked", G_CALLBACK (all_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (none, "clicked", G_CALLBACK (none_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), all);
  gtk_box_append (GTK_BOX (box), none);

  return box;
}

static GtkWidget *
list_view (BrCompanyList *self)
{
  GtkStringList *ids = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkWidget *view, *scrolled;

  for (guint i = 0; i < br_dataset_get_n_companies (self->dataset); i++)
    gtk_string_list_append (ids, br_dataset_get_company (self->dataset, i)->id);
  self->filter = gtk_custom_filter_new (match_cb, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (ids), g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))),
                            factory);
  gtk_widget_add_css_class (view, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Companies"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  return scrolled;
}

static void
settings_changed_cb (GSettings     *settings,
                     const char    *key,
                     BrCompanyList *self)
{
  sync_checks (self);
}

/**
 * br_company_list_new:
 *
 * Returns: (transfer floating): the list of @dataset's companies, ticked as the
 *   "hidden-companies" key of @settings says
 */
GtkWidget *
br_company_list_new (GSettings *settings,
                     BrDataset *dataset)
{
  BrCompanyList *self = g_object_new (BR_TYPE_COMPANY_LIST, "orientation", GTK_ORIENTATION_VERTICAL,
                                      "spacing", 6, NULL);
  GtkWidget *search = gtk_search_entry_new ();

  self->settings = g_object_ref (settings);
  self->dataset = g_object_ref (dataset);
  self->language = br_language_from_locale ();
  g_object_set (search, "placeholder-text", _("Find a company"), NULL);
  g_signal_connect_object (search, "search-changed", G_CALLBACK (search_changed_cb), self, 0);
  gtk_box_append (GTK_BOX (self), search);
  gtk_box_append (GTK_BOX (self), buttons (self));
  gtk_box_append (GTK_BOX (self), list_view (self));
  g_signal_connect_object (settings, "changed::hidden-companies",
                           G_CALLBACK (settings_changed_cb), self, 0);
  sync_checks (self);

  return GTK_WIDGET (self);
}

static void
br_company_list_dispose (GObject *object)
{
  BrCompanyList *self = BR_COMPANY_LIST (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (br_company_list_parent_class)->dispose (object);
}

static void
br_company_list_finalize (GObject *object)
{
  BrCompanyList *self = BR_COMPANY_LIST (object);

  g_hash_table_unref (self->hidden);
  g_ptr_array_unref (self->checks);
  g_free (self->search);

  G_OBJECT_CLASS (br_company_list_parent_class)->finalize (object);
}

static void
br_company_list_class_init (BrCompanyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = br_company_list_dispose;
  object_class->finalize = br_company_list_finalize;
}

static void
br_company_list_init (BrCompanyList *self)
{
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->checks = g_ptr_array_new ();
}
