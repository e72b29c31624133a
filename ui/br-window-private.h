/* br-window-private.h: what br-window.c and br-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-color-vision.h"
#include "br-side-pane.h"
#include "br-window.h"

G_BEGIN_DECLS

struct _BrWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  BrDocument           *document;
  GPtrArray            *problems;      /* BrProblem of the last failed load, or NULL */
  char                 *problem_summary;
  gboolean              show_table;
  BrColorVision         vision;
  GtkFileChooserNative *chooser;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  AdwFlap              *flap;
  BrSidePane           *side_pane;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *loading_revealer;
  GtkSpinner           *loading_spinner;
  GtkLabel             *loading_label;
  guint                 loading_source;  /* shows the loading bar once a load takes long */
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkWidget            *cancel_load_button;
  GtkWidget            *details_button;
  GtkLabel             *announcer;     /* says each toast to screen readers */
  BrChartView          *losses_view;
  BrChartView          *rnd_view;
  BrChartView          *customers_view;
  BrChartView          *valuation_view;
  BrChartView          *runway_view;
  AdwStatusPage        *empty_page;    /* over a chart with nothing to draw */
  guint                 empty_source;
  GtkWidget            *vision_bar;    /* says the colour-vision preview is on */
  GtkLabel             *vision_label;
  GtkWidget            *vision_off_button;
  GtkWidget            *table_box;
  GtkLabel             *table_title;
  GtkLabel             *table_count;
  GtkSpinner           *table_spinner;
  GtkWidget            *all_figures_button;
  BrDataTable          *data_table;
  guint                 table_source;  /* fills the table after the chart's frame */
  GMenu                *recent_section;
  GMenu                *monitor_section;
  GtkWindow            *presentation;  /* weak: the presentation window while it is up */
};

void _br_window_class_init_actions (GtkWidgetClass *widget_class);
void _br_window_update_recent      (BrWindow       *self);
void _br_window_update_monitors    (BrWindow       *self);

/* for the tests */
GSettings   *br_window_get_settings    (BrWindow       *self);
BrChartKind  br_window_get_chart       (BrWindow       *self);
void         br_window_set_chart       (BrWindow       *self,
                                        BrChartKind     chart);
BrChartView *br_window_get_chart_view  (BrWindow       *self,
                                        BrChartKind     kind);
GtkWindow   *br_window_get_presentation (BrWindow *self);
gboolean     br_window_get_loading_revealed (BrWindow *self);
BrDataTable *br_window_get_data_table  (BrWindow       *self);
GPtrArray   *br_window_get_problems    (BrWindow       *self);
const char  *br_window_get_banner_text (BrWindow       *self);
gboolean     br_window_get_banner_revealed (BrWindow   *self);

G_END_DECLS
