/* br-data-table.c: the figures behind the chart shown, sortable, with their sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-data-table"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "br-data-table.h"
#include "br-mark-row.h"

struct _BrDataTable
{
  AdwBin             parent_instance;

  GListStore        *store;
  GtkSortListModel  *sorted;

  GtkColumnView     *column_view;
};

G_DEFINE_FINAL_TYPE (BrDataTable, br_data_table, ADW_TYPE_BIN)

/* a cell: a plain label (dataset text is never markup), its tooltip the source's URL */
static const char cell_template[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<interface><template class=\"GtkListItem\"><property name=\"child\">"
  "<object class=\"GtkLabel\">"
  "<property name=\"xalign\">%s</property>"
  "<property name=\"use-markup\">false</property>"
  "<property name=\"ellipsize\">%s</property>"
  "<binding name=\"label\"><lookup name=\"%s\" type=\"BrMarkRow\">"
  "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
  "<binding name=\"tooltip-text\"><lookup name=\"url\" type=\"BrMarkRow\">"
  "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
  "</object></property></template></interface>";

typedef struct
{
  const char *title;
  const char *property;      /* what the cell shows */
  const char *sort_property; /* what it sorts by */
  gboolean    numeric;
  gboolean    expand;
} Column;

static const Column columns[] = {
  { N_("Company"), "company", "company", FALSE, FALSE },
  { N_("Series"), "series", "series", FALSE, FALSE },
  { N_("Period"), "period", "date", FALSE, FALSE },
  { N_("Value"), "value-text", "value", TRUE, FALSE },
  { N_("Unit"), "unit", "unit", FALSE, FALSE },
  { N_("Status"), "status", "status", FALSE, FALSE },
  { N_("Source"), "source", "source", FALSE, TRUE },
};

static GtkListItemFactory *
cell_factory (const Column *column)
{
  g_autofree char *ui = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  ui = g_strdup_printf (cell_template, column->numeric ? "1" : "0",
                        column->expand ? "end" : "none", column->property);
  length = strlen (ui);
  bytes = g_bytes_new_take (g_steal_pointer (&ui), length);

  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}

static void
add_column (BrDataTable  *self,
            const Column *column)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  GtkExpression *expression;

  expression = gtk_property_expression_new (BR_TYPE_MARK_ROW, NULL, column->sort_property);
  if (column->numeric)
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));

  view_column = gtk_column_view_column_new (_(column->title), cell_factory (column));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, column->expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
br_data_table_dispose (GObject *object)
{
  BrDataTable *self = BR_DATA_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BR_TYPE_DATA_TABLE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (br_data_table_parent_class)->dispose (object);
}

static void
br_data_table_class_init (BrDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = br_data_table_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/burnrate/Burnrate/ui/br-data-table.ui");
  gtk_widget_class_bind_template_child (widget_class, BrDataTable, column_view);

  g_type_ensure (BR_TYPE_MARK_ROW);
}

static void
br_data_table_init (BrDataTable *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    add_column (self, &columns[i]);

  self->store = g_list_store_new (BR_TYPE_MARK_ROW);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                          g_object_ref (sorter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
br_data_table_new (void)
{
  return g_object_new (BR_TYPE_DATA_TABLE, NULL);
}

/**
 * br_data_table_set_layout:
 * @layout: (nullable): the chart whose marks the table lists
 *
 * Fills the table with a row for each mark of @layout.
 */
void
br_data_table_set_layout (BrDataTable   *self,
                          BrChartLayout *layout,
                          const char    *language)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = layout != NULL ? br_chart_layout_get_n_marks (layout) : 0;

  g_return_if_fail (BR_IS_DATA_TABLE (self));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, br_mark_row_new (br_chart_layout_get_mark (layout, i), i, language));

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
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

  return G_LIST_MODEL (self->sorted);
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
