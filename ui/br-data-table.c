/* br-data-table.c: the figures behind the chart shown, sortable, with their sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-data-table"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "br-data-table-private.h"
#include "br-figure-list.h"
#include "br-mark-row.h"

#define N_COLUMNS 7

typedef struct _Column Column;

typedef struct
{
  BrDataTable  *self;
  const Column *column;
} ColumnSorter;

struct _BrDataTable
{
  AdwBin             parent_instance;

  GListStore        *store;
  GtkSortListModel  *sorted;
  BrFigureList      *figures;      /* every figure: the "All figures" rows */
  GtkMultiSelection *selection;
  gboolean           all_figures;
  ColumnSorter       sorters[N_COLUMNS];
  BrMarkRow         *probes[2];   /* compared to learn which column sorts */
  const Column      *probed;

  GtkColumnView     *column_view;
  GtkWidget         *headings[N_COLUMNS];  /* the column titles' labels, as column headers */
  guint              sort_source;
  const char        *sort_column;  /* the column last sorted from the keyboard */
  GtkSortType        sort_direction;
};

G_DEFINE_FINAL_TYPE (BrDataTable, br_data_table, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ALL_FIGURES,
  PROP_N_ROWS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _Column
{
  const char *title;
  const char *property;      /* what the cell shows */
  const char *sort_property; /* what it sorts by */
  gboolean    numeric;
  gboolean    expand;
};

static const Column columns[N_COLUMNS] = {
  { N_("Company"), "company", "company", FALSE, FALSE },
  { N_("Series"), "series", "series", FALSE, FALSE },
  { N_("Period"), "period", "date", FALSE, FALSE },
  { N_("Value"), "value-text", "value", TRUE, FALSE },
  { N_("Unit"), "unit", "unit", FALSE, FALSE },
  { N_("Status"), "status", "status", FALSE, FALSE },
  { N_("Source"), "source", "source", FALSE, TRUE },
};

/* a cell's tooltip is the source's URL; asked for when the pointer rests there, so that
 * filling the table does not set a tooltip on every cell */
static gboolean
cell_query_tooltip_cb (GtkWidget   *label,
                       int          x,
                       int          y,
                       gboolean     keyboard,
                       GtkTooltip  *tooltip,
                       GtkListItem *list_item)
{
  BrMarkRow *row = gtk_list_item_get_item (list_item);
  const char *url = row != NULL ? br_mark_row_get_url (row) : NULL;

  if (url == NULL || url[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, url);
  return TRUE;
}

/* a cell: a plain label (dataset text is never markup) */
static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const Column             *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label),
                           column->expand ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  /* the source's URL is said once, by its own column, not by every cell */
  if (g_str_equal (column->property, "source"))
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), list_item);
    }
  gtk_list_item_set_child (list_item, label);
}

/* what a tooltip set on the cell would have said to assistive technologies */
static void
cell_url_changed_cb (GtkWidget  *label,
                     GParamSpec *pspec,
                     BrMarkRow  *row)
{
  const char *url = br_mark_row_get_url (row);

  if (url != NULL && url[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    url, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* A row says what it holds, once: "Moore Threads, Net income, 2022, −18.40 亿元". The
 * row widget is GtkColumnView's own; the first cell reaches it as its grandparent. */
static void
row_changed_cb (GtkWidget  *label,
                GParamSpec *pspec,
                BrMarkRow  *row)
{
  GtkWidget *cell = gtk_widget_get_parent (label);
  GtkWidget *row_widget = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  g_autofree char *company = NULL, *series = NULL, *period = NULL, *value = NULL, *unit = NULL;
  g_autofree char *name = NULL;

  if (row_widget == NULL)
    return;

  g_object_get (row, "company", &company, "series", &series, "period", &period,
                "value-text", &value, "unit", &unit, NULL);
  /* TRANSLATORS: a row of the data table as a screen reader says it: company, series,
   * period, value and unit */
  name = g_strdup_printf (_("%s, %s, %s, %s %s"), company, series, period, value, unit);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
}

/* rows change in place (br_data_table_set_layout()): the label follows its row */
static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              const Column             *column)
{
  BrMarkRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GBinding *binding;
  gulong id;

  binding = g_object_bind_property (row, column->property, label, "label",
                                    G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "binding", binding);
  if (g_str_equal (column->property, "source"))
    {
      id = g_signal_connect_object (row, "notify::url", G_CALLBACK (cell_url_changed_cb), label,
                                    G_CONNECT_SWAPPED);
      cell_url_changed_cb (label, NULL, row);
    }
  else if (column == &columns[0])
    {
      id = g_signal_connect_object (row, "notify", G_CALLBACK (row_changed_cb), label,
                                    G_CONNECT_SWAPPED);
      row_changed_cb (label, NULL, row);
    }
  else
    id = 0;
  g_object_set_data (G_OBJECT (list_item), "url-handler", GSIZE_TO_POINTER (id));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                const Column             *column)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "binding");
  gulong id = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (list_item), "url-handler"));
  BrMarkRow *row = gtk_list_item_get_item (list_item);

  if (binding != NULL)
    g_binding_unbind (binding);
  if (row != NULL && id != 0)
    g_signal_handler_disconnect (row, id);
}

static GtkListItemFactory *
cell_factory (const Column *column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), (gpointer)column);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), (gpointer)column);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), (gpointer)column);

  return factory;
}

/* A column's rows in order: by the text as GtkStringSorter orders it (case folded,
 * collated), or by the number. The two probe rows are told apart from the table's:
 * comparing them through the column view's sorter asks the primary column first, and
 * so says which column sorts, and which way (GTK 4.8 has no call that says). */
static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  ColumnSorter *column_sorter = data;
  const Column *column = column_sorter->column;
  BrDataTable *self = column_sorter->self;

  if (a == self->probes[0] && b == self->probes[1])
    {
      self->probed = column;
      return GTK_ORDERING_SMALLER;
    }

  if (column->numeric)
    {
      double x, y;

      g_object_get ((gpointer)a, column->sort_property, &x, NULL);
      g_object_get ((gpointer)b, column->sort_property, &y, NULL);
      return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  else
    {
      g_autofree char *x = NULL, *y = NULL, *folded_x = NULL, *folded_y = NULL;

      g_object_get ((gpointer)a, column->sort_property, &x, NULL);
      g_object_get ((gpointer)b, column->sort_property, &y, NULL);
      folded_x = g_utf8_casefold (x != NULL ? x : "", -1);
      folded_y = g_utf8_casefold (y != NULL ? y : "", -1);
      return gtk_ordering_from_cmpfunc (g_utf8_collate (folded_x, folded_y));
    }
}

/* the primary sort column and its direction, or NULL */
static const Column *
primary_sort (BrDataTable *self,
              GtkSortType *direction)
{
  GtkOrdering order;

  self->probed = NULL;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view),
                              self->probes[0], self->probes[1]);
  *direction = order == GTK_ORDERING_LARGER ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;

  return self->probed;
}

static void
add_column (BrDataTable  *self,
            const Column *column)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  ColumnSorter *column_sorter = &self->sorters[column - columns];

  column_sorter->self = self;
  column_sorter->column = column;
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, column_sorter, NULL));

  view_column = gtk_column_view_column_new (_(column->title), cell_factory (column));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, column->expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* GtkColumnView's header row and titles are its own widgets: the header row is its first
 * child, its titles the row's children in column order, each a box holding a label and
 * the sort arrow. GTK 4.8 gives them no role that says "column header", and a widget's
 * role is fixed when it is made: each title's label gives way to one made with that
 * role, so that a screen reader hears "Company, column header". */
static void
add_header_roles (BrDataTable *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GtkWidget *title = header != NULL ? gtk_widget_get_first_child (header) : NULL;

  for (guint i = 0; title != NULL && i < G_N_ELEMENTS (columns);
       i++, title = gtk_widget_get_next_sibling (title))
    {
      GtkWidget *box = gtk_widget_get_first_child (title);
      GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;
      GtkWidget *heading;

      if (!GTK_IS_LABEL (label))
        continue;

      heading = g_object_new (GTK_TYPE_LABEL, "label", _(columns[i].title),
                              "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                              "xalign", columns[i].numeric ? 1.0 : 0.0, "hexpand", TRUE,
                              NULL);
      gtk_widget_insert_before (heading, box, label);
      gtk_widget_set_visible (label, FALSE);
      self->headings[i] = heading;
    }
}

static void sorter_changed_cb (BrDataTable *self);

/* after the titles have redrawn their arrows */
static gboolean
update_sort_idle_cb (gpointer data)
{
  BrDataTable *self = data;

  self->sort_source = 0;
  sorter_changed_cb (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_sort_update (BrDataTable *self)
{
  /* not put off by the frames of the spinner a busy table shows */
  if (self->sort_source == 0)
    self->sort_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_sort_idle_cb, self, NULL);
}

/* The arrow GTK draws on the sorted column's title (a "sort-indicator" beside its label,
 * with the class "ascending" or "descending"), said to assistive technologies. GTK 4.8
 * has no call that says which column sorts. */
static void
sorter_changed_cb (BrDataTable *self)
{
  GtkSortType direction;
  const Column *sorted = primary_sort (self, &direction);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkAccessibleSort sort = GTK_ACCESSIBLE_SORT_NONE;
      const char *description = _("Column header");

      if (self->headings[i] == NULL)
        continue;
      if (sorted == &columns[i] && direction == GTK_SORT_ASCENDING)
        {
          sort = GTK_ACCESSIBLE_SORT_ASCENDING;
          description = _("Column header, sorted ascending");
        }
      else if (sorted == &columns[i])
        {
          sort = GTK_ACCESSIBLE_SORT_DESCENDING;
          description = _("Column header, sorted descending");
        }
      /* GTK 4.8 reports the column-header role to AT-SPI as "filler": the description
       * says what the role would */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->headings[i]),
                                      GTK_ACCESSIBLE_PROPERTY_SORT, sort,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }

  /* the figures sort on a worker thread */
  br_figure_list_sort (self->figures, sorted != NULL ? sorted->sort_property : NULL, direction);
}

/* The table is one Tab stop: the arrow keys move from row to row (GtkColumnView's own
 * keys), and Tab leaves for the next control, where GTK 4.8 would stop at every row. */
static gboolean
tab_pressed_cb (BrDataTable           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkRoot *root = gtk_widget_get_root (view);
  gboolean moved;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) || root == NULL)
    return FALSE;

  /* the table out of the focus chain for one move: focus goes on past it */
  gtk_widget_set_can_focus (view, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), (state & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab
                                                       ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  gtk_widget_set_can_focus (view, TRUE);

  return moved;
}

static void
br_data_table_dispose (GObject *object)
{
  BrDataTable *self = BR_DATA_TABLE (object);

  /* the columns going change the sorter, which the sorted model keeps */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          schedule_sort_update, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BR_TYPE_DATA_TABLE);
  g_clear_handle_id (&self->sort_source, g_source_remove);
  memset (self->headings, 0, sizeof self->headings);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_object (&self->figures);
  g_clear_object (&self->probes[0]);
  g_clear_object (&self->probes[1]);

  G_OBJECT_CLASS (br_data_table_parent_class)->dispose (object);
}

static void
br_data_table_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BrDataTable *self = BR_DATA_TABLE (object);

  switch (prop_id)
    {
    case PROP_ALL_FIGURES:
      g_value_set_boolean (value, self->all_figures);
      break;
    case PROP_N_ROWS:
      g_value_set_uint (value, br_data_table_get_n_rows (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, br_data_table_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
br_data_table_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BrDataTable *self = BR_DATA_TABLE (object);

  switch (prop_id)
    {
    case PROP_ALL_FIGURES:
      br_data_table_set_all_figures (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rows_changed_cb (BrDataTable *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
}

/* the selection was of positions: after a sort they hold other figures */
static void
figures_sorted_cb (BrDataTable *self)
{
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
busy_changed_cb (BrDataTable *self)
{
  if (!self->all_figures && br_figure_list_get_n_shown (self->figures) == 0
      && gtk_multi_selection_get_model (self->selection) == G_LIST_MODEL (self->figures))
    gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->sorted));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
br_data_table_class_init (BrDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = br_data_table_dispose;
  object_class->get_property = br_data_table_get_property;
  object_class->set_property = br_data_table_set_property;

  properties[PROP_ALL_FIGURES] =
    g_param_spec_boolean ("all-figures", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ROWS] =
    g_param_spec_uint ("n-rows", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/burnrate/Burnrate/ui/br-data-table.ui");
  gtk_widget_class_bind_template_child (widget_class, BrDataTable, column_view);

  g_type_ensure (BR_TYPE_MARK_ROW);
}

static void
br_data_table_init (BrDataTable *self)
{
  GtkEventController *keys;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->figures = br_figure_list_new ();
  self->probes[0] = g_object_new (BR_TYPE_MARK_ROW, NULL);
  self->probes[1] = g_object_new (BR_TYPE_MARK_ROW, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    add_column (self, &columns[i]);
  add_header_roles (self);
  sorter_changed_cb (self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (tab_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->store = g_list_store_new (BR_TYPE_MARK_ROW);
  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (sorter, "changed", G_CALLBACK (schedule_sort_update), self,
                           G_CONNECT_SWAPPED);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                          g_object_ref (sorter));
  g_signal_connect_object (self->figures, "notify::busy", G_CALLBACK (busy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->figures, "rows-changed", G_CALLBACK (figures_sorted_cb), self,
                           G_CONNECT_SWAPPED);
  /* rows are picked with the mouse (Shift, Ctrl) or the keyboard, for Copy as CSV */
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (rows_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

/**
 * br_data_table_set_layout:
 * @layout: (nullable): the chart whose marks the table lists
 *
 * Fills the table with a row for each mark of @layout. The rows already there stay and
 * change in place, so that the table keeps its cells and relabels only what differs.
 */
void
br_data_table_set_layout (BrDataTable   *self,
                          BrChartLayout *layout,
                          BrLanguage     language)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = layout != NULL ? br_chart_layout_get_n_marks (layout) : 0;
  guint n_before;
  gboolean changed;

  g_return_if_fail (BR_IS_DATA_TABLE (self));

  n_before = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  changed = n != n_before;
  for (guint i = 0; i < n; i++)
    {
      const BrChartMark *mark = br_chart_layout_get_mark (layout, i);

      if (i < n_before)
        {
          BrMarkRow *row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

          changed |= br_mark_row_update (row, mark, i, language);
          g_ptr_array_add (rows, row);
        }
      else
        {
          g_ptr_array_add (rows, br_mark_row_new (mark, i, language));
        }
    }

  /* the same rows again: the sorted view sorts anew, the cells stay */
  if (changed)
    g_list_store_splice (self->store, 0, n_before, rows->pdata, rows->len);
}

/**
 * br_data_table_get_rows:
 *
 * Returns: (transfer none): the rows in the order the table shows them
 */
GListModel *
br_data_table_get_rows (BrDataTable *self)
{
  g_return_val_if_fail (BR_IS_DATA_TABLE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * br_data_table_sort_by:
 * @column: the property a column shows, as in #BrMarkRow ("company", "value", ...)
 *
 * Sorts as a click on the column's header does.
 */
void
br_data_table_sort_by (BrDataTable *self,
                       const char  *column,
                       GtkSortType  direction)
{
  GListModel *view_columns;

  g_return_if_fail (BR_IS_DATA_TABLE (self));

  view_columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (view_columns, i);

      if (g_str_equal (columns[i].property, column) || g_str_equal (columns[i].sort_property, column))
        {
          gtk_column_view_sort_by_column (self->column_view, view_column, direction);
          return;
        }
    }

  g_warning ("The data table has no column “%s”", column);
}

/**
 * br_data_table_sort:
 * @column: a column's property, as in br_data_table_sort_by()
 *
 * Sorts by @column, ascending; asked again for the same column, the other way round:
 * what a click on its title does, for the keyboard.
 */
void
br_data_table_sort (BrDataTable *self,
                    const char  *column)
{
  g_return_if_fail (BR_IS_DATA_TABLE (self));

  if (g_strcmp0 (self->sort_column, column) == 0)
    self->sort_direction = self->sort_direction == GTK_SORT_ASCENDING ? GTK_SORT_DESCENDING
                                                                      : GTK_SORT_ASCENDING;
  else
    self->sort_direction = GTK_SORT_ASCENDING;
  self->sort_column = g_intern_string (column);
  br_data_table_sort_by (self, column, self->sort_direction);
}

/**
 * br_data_table_set_all_figures:
 * @all_figures: whether the table lists every figure of the ticked companies
 *   (br_data_table_set_figures()), rather than the marks the chart draws
 */
void
br_data_table_set_all_figures (BrDataTable *self,
                               gboolean     all_figures)
{
  g_return_if_fail (BR_IS_DATA_TABLE (self));

  if (self->all_figures == !!all_figures)
    return;

  self->all_figures = !!all_figures;
  /* the figures' rows go a few at a time before the drawn ones come (busy_changed_cb) */
  if (self->all_figures)
    gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->figures));
  br_figure_list_set_shown (self->figures, self->all_figures);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->all_figures ? _("Every figure of the ticked companies")
                                                    : _("Figures behind the chart"), -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_FIGURES]);
  busy_changed_cb (self);
}

gboolean
br_data_table_get_all_figures (BrDataTable *self)
{
  g_return_val_if_fail (BR_IS_DATA_TABLE (self), FALSE);

  return self->all_figures;
}

/**
 * br_data_table_set_figures:
 * @hidden: (nullable): ids of the companies the side pane has unticked
 *
 * What "All figures" lists: every figure of @dataset's companies but @hidden, in @unit
 * where a rate converts it. They are gathered and sorted on a worker thread; the table
 * keeps its rows until they are ready.
 */
void
br_data_table_set_figures (BrDataTable        *self,
                           BrDataset          *dataset,
                           const char * const *hidden,
                           const BrUnit       *unit,
                           BrLanguage          language)
{
  g_return_if_fail (BR_IS_DATA_TABLE (self));

  br_figure_list_set_figures (self->figures, dataset, hidden, unit, language);
}

guint
br_data_table_get_n_rows (BrDataTable *self)
{
  g_return_val_if_fail (BR_IS_DATA_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/**
 * br_data_table_get_busy:
 *
 * Returns: whether the rows are being gathered or sorted
 */
gboolean
br_data_table_get_busy (BrDataTable *self)
{
  g_return_val_if_fail (BR_IS_DATA_TABLE (self), FALSE);

  return br_figure_list_get_busy (self->figures);
}

GtkSelectionModel *
br_data_table_get_selection (BrDataTable *self)
{
  g_return_val_if_fail (BR_IS_DATA_TABLE (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

static void
copied_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BrDataTable *self = g_task_get_source_object (task);
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GBytes) csv = NULL;
  GError *error = NULL;
  guint n_rows;

  csv = br_figure_list_copy_csv_finish (BR_FIGURE_LIST (object), result, &n_rows, &error);
  if (csv == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* the text as it is: 300,000 rows are 40 MB, not to be copied again */
  provider = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", csv);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  g_task_return_int (task, n_rows);
}

/* the selected rows' marks, in the table's order */
static char *
marks_csv (BrDataTable   *self,
           BrChartLayout *layout,
           GtkBitset     *selected,
           BrLanguage     language,
           guint         *n_rows)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_is_empty (selected))
    {
      *n_rows = br_chart_layout_get_n_marks (layout);
      return br_export_csv (layout, language);
    }

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(BrMarkRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
      guint index = row != NULL ? br_mark_row_get_index (row) : G_MAXUINT;

      g_array_append_val (indices, index);
    }
  *n_rows = indices->len;
  return br_export_csv_marks (layout, (guint *)indices->data, indices->len, language);
}

/**
 * br_data_table_copy_async:
 * @layout: (nullable): the chart the drawn rows come from
 *
 * Puts the selected rows, or every row when none is selected, on the clipboard as the
 * export's CSV: the chart's marks (in the chart's order when all are copied), or the
 * figures, written on a worker thread.
 */
void
br_data_table_copy_async (BrDataTable         *self,
                          BrChartLayout       *layout,
                          BrLanguage           language,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkBitset) selected = NULL;

  g_return_if_fail (BR_IS_DATA_TABLE (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, br_data_table_copy_async);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (self->all_figures)
    {
      br_figure_list_copy_csv_async (self->figures, gtk_bitset_is_empty (selected) ? NULL : selected,
                                     NULL, copied_cb, g_steal_pointer (&task));
    }
  else if (layout != NULL)
    {
      g_autofree char *csv = NULL;
      guint n_rows;

      csv = marks_csv (self, layout, selected, language, &n_rows);
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), csv);
      g_task_return_int (task, n_rows);
    }
  else
    {
      g_task_return_int (task, 0);
    }
}

/**
 * br_data_table_copy_finish:
 *
 * Returns: how many rows were copied, or -1 with @error set
 */
int
br_data_table_copy_finish (BrDataTable   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}
