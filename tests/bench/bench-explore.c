/* bench-explore.c: the longest stretch of main-thread work while exploring the charts
 *
 * Without arguments, starts itself again and again (`--run`), once a renderer and run,
 * the renderers interleaved, and reports the medians. A run opens the real window with
 * the bundled dataset, at 1920×1080 and then at a smaller size, and walks a script: the
 * four charts, the pointer over their marks, a legend click, unit, cumulative, log axis,
 * the period, a company left out, the data table, dark and light, and with the table
 * shown its "All Figures" on and off (a step lasts until the table's rows have come).
 * Before a light/dark switch and All Figures, it prints how many widgets the window
 * has, and how many of them are shown, which a style change restyles.
 *
 * The main context's poll function is wrapped: the time from one poll's return to the
 * next poll's start is one uninterrupted stretch of work ("dispatch"), and is charged to
 * the scripted step in progress. The pointer moves for real, warped by the X server, so
 * a hover takes GDK's event path and the view's own motion controller; hover-to-readout
 * is timed from the warp to the frame that shows the readout. Needs a display (run
 * under `xvfb-run -a`); without one it skips.
 *
 * BURNRATE_BENCH_DATASET=FILE explores FILE instead of the bundled dataset, with the
 * cairo renderer only, and reports the time from opening it to its first frame;
 * BURNRATE_BENCH_TARGET_MS sets the target (bench-big.sh: 50 ms). With
 * BURNRATE_BENCH_PHASES set, a run (`--run`) prints each dispatch over 20 ms of CPU as
 * it ends, each frame's CPU by phase (of the frames over as many ms as the variable
 * says, 20 if it is not a number), and where a light/dark switch's notify comes in its
 * dispatch.
 *
 * Last, a run measures the display's floor: a bare libadwaita window (a header bar and
 * nothing else) at the same sizes switches light and dark; its longest dispatch is what
 * repainting a whole window of that size costs on this display, whatever the window
 * shows, and is reported beside the app's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "br-chart-view-private.h"
#include "br-data-table-private.h"
#include "br-window-private.h"

#include "bench-common.h"

#define DEFAULT_TARGET_MS 16.0
#define DEFAULT_RUNS 5
#define MAX_HOVERS_A_CHART 24
#define SETTLE_MS 40
#define FRAME_WAIT_MS 250

/* ---- the child: one run in one renderer ---- */

typedef enum
{
  STEP_CHART,
  STEP_HOVER,
  STEP_LEAVE,
  STEP_LEGEND,
  STEP_SETTING,
  STEP_TABLE,
  STEP_STYLE,
  STEP_ALL_FIGURES,
} StepKind;

typedef struct
{
  StepKind  kind;
  char     *label;
  char     *key;      /* the chart, or the settings key */
  GVariant *value;    /* for STEP_SETTING */
  guint     index;    /* for STEP_HOVER: the mark */
  int       style;    /* for STEP_STYLE; for STEP_ALL_FIGURES, on or off */
} Step;

typedef struct
{
  double  ms;
  double  cpu_ms;     /* of the main thread: the wall time less what the load took */
  gint64  start;      /* monotonic µs, for matching against a profile */
  char   *label;
} Dispatch;

typedef struct
{
  GtkApplication *app;
  BrWindow       *window;
  GPtrArray      *steps;       /* Step */
  guint           next;
  const char     *label;       /* the step in progress, or NULL before the script */
  const char     *size_name;
  gboolean        table_part;  /* the script's steps with the data table shown */
  int             sizes[2][2];
  guint           size_index;
  GArray         *dispatches;  /* Dispatch */
  GArray         *floor;       /* Dispatch, of the bare window */
  GtkWidget      *bare;        /* the bare window, while the floor is measured */
  guint           bare_switches;
  GArray         *hovers;      /* double: warp to the frame with the readout, ms */
  GArray         *hover_frames; /* double */
  gint64          poll_return;
  gint64          poll_return_cpu;
  gint64          hover_start;
  gint64          open_start;  /* when the dataset file was opened */
  double          load_ms;
  gint64          hover_frame;
  gulong          paint_id;
  guint           wait_source;
  gboolean        painted;
  gboolean        failed;
} Run;

static Run run;

/* the target, in ms */
static double
target_ms (void)
{
  const char *env = g_getenv ("BURNRATE_BENCH_TARGET_MS");

  return env != NULL ? g_ascii_strtod (env, NULL) : DEFAULT_TARGET_MS;
}

/* the calling thread's CPU time, µs */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
explore_poll (GPollFD *fds,
              guint    nfds,
              int      timeout)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();
  int result;

  if (run.label != NULL && run.poll_return != 0)
    {
      Dispatch dispatch = { (now - run.poll_return) / 1000., (cpu - run.poll_return_cpu) / 1000.,
                            run.poll_return, g_strdup (run.label) };

      g_array_append_val (run.bare != NULL ? run.floor : run.dispatches, dispatch);
      if (g_getenv ("BURNRATE_BENCH_PHASES") != NULL && dispatch.cpu_ms > 20)
        printf ("# dispatch %5.1f ms CPU  %s\n", dispatch.cpu_ms, dispatch.label);
    }

  result = g_poll (fds, nfds, timeout);
  run.poll_return = g_get_monotonic_time ();
  run.poll_return_cpu = thread_cpu_us ();

  return result;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_free (step->key);
  g_clear_pointer (&step->value, g_variant_unref);
  g_free (step);
}

static Step *
add_step (StepKind    kind,
          const char *key,
          char       *label)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->key = g_strdup (key);
  step->label = g_strdup_printf ("%s: %s%s", run.size_name, label,
                                 run.table_part ? ", table shown" : "");
  g_free (label);
  g_ptr_array_add (run.steps, step);

  return step;
}

static void
add_setting (const char *key,
             GVariant   *value)
{
  g_autofree char *text = g_variant_print (value, FALSE);
  Step *step = add_step (STEP_SETTING, key, g_strdup_printf ("%s = %s", key, text));

  step->value = g_variant_ref_sink (value);
}

static void
add_hovers (const char *chart)
{
  BrChartKind kind;
  BrChartLayout *layout;
  guint n, stride;

  br_chart_kind_from_string (chart, &kind);
  layout = br_chart_view_ensure_layout (br_window_get_chart_view (run.window, kind));
  n = layout != NULL ? br_chart_layout_get_n_marks (layout) : 0;
  stride = MAX (1, (n + MAX_HOVERS_A_CHART - 1) / MAX_HOVERS_A_CHART);
  for (guint i = 0; i < n; i += stride)
    add_step (STEP_HOVER, chart, g_strdup_printf ("hover %s mark %u", chart, i))->index = i;
  add_step (STEP_LEAVE, chart, g_strdup_printf ("pointer off the %s marks", chart));
}

/* the years the dataset covers: the range steps pick two inside them */
static void
dataset_years (int *first,
               int *last)
{
  BrDataset *dataset = br_document_get_dataset (br_window_get_document (run.window));

  *first = G_MAXINT;
  *last = 0;
  for (guint i = 0; i < br_dataset_get_n_companies (dataset); i++)
    {
      const BrCompany *company = br_dataset_get_company (dataset, i);

      for (guint j = 0; j < company->n_periods; j++)
        {
          if (!g_date_valid (&company->periods[j].start))
            continue;
          *first = MIN (*first, (int)g_date_get_year (&company->periods[j].start));
          *last = MAX (*last, (int)g_date_get_year (&company->periods[j].start));
        }
    }
}

static void
build_script (void)
{
  const char *charts[] = { "rnd", "customers", "valuation", "losses" };
  BrDataset *dataset = br_document_get_dataset (br_window_get_document (run.window));
  const char *hidden[] = { br_dataset_get_company (dataset, 0)->id, NULL };
  const char *none[] = { NULL };
  int first, last;

  dataset_years (&first, &last);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      add_step (STEP_CHART, charts[i], g_strdup_printf ("chart %s", charts[i]));
      add_hovers (charts[i]);
    }

  add_step (STEP_LEGEND, "losses", g_strdup ("legend click: hide a series"));
  add_step (STEP_LEGEND, "losses", g_strdup ("legend click: show it again"));
  add_setting ("unit", g_variant_new_string ("usd-bn"));
  add_setting ("unit", g_variant_new_string ("cny-bn"));
  add_setting ("cumulative", g_variant_new_boolean (TRUE));
  add_setting ("cumulative", g_variant_new_boolean (FALSE));
  add_setting ("range-from", g_variant_new_int32 (first + 1));
  add_setting ("range-to", g_variant_new_int32 (MAX (first + 1, last - 1)));
  add_setting ("hidden-companies", g_variant_new_strv (hidden, -1));
  add_setting ("hidden-companies", g_variant_new_strv (none, -1));
  add_step (STEP_CHART, "valuation", g_strdup ("chart valuation"));
  add_setting ("log-scale", g_variant_new_boolean (FALSE));
  add_setting ("percent", g_variant_new_double (2.5));
  add_setting ("log-scale", g_variant_new_boolean (TRUE));
  add_step (STEP_STYLE, NULL, g_strdup ("style dark"))->style = ADW_COLOR_SCHEME_FORCE_DARK;
  add_step (STEP_STYLE, NULL, g_strdup ("style light"))->style = ADW_COLOR_SCHEME_FORCE_LIGHT;

  /* the same again with the data table shown */
  add_step (STEP_TABLE, NULL, g_strdup ("data table shown"));
  run.table_part = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    add_step (STEP_CHART, charts[i], g_strdup_printf ("chart %s", charts[i]));
  add_hovers ("losses");
  add_step (STEP_LEGEND, "losses", g_strdup ("legend click: hide a series"));
  add_step (STEP_LEGEND, "losses", g_strdup ("legend click: show it again"));
  add_setting ("unit", g_variant_new_string ("cny-yi"));
  add_setting ("cumulative", g_variant_new_boolean (TRUE));
  add_setting ("cumulative", g_variant_new_boolean (FALSE));
  add_setting ("range-from", g_variant_new_int32 (0));
  add_setting ("range-to", g_variant_new_int32 (0));
  add_step (STEP_STYLE, NULL, g_strdup ("style dark"))->style = ADW_COLOR_SCHEME_FORCE_DARK;
  add_step (STEP_STYLE, NULL, g_strdup ("style light"))->style = ADW_COLOR_SCHEME_FORCE_LIGHT;
  add_step (STEP_ALL_FIGURES, NULL, g_strdup ("All Figures on"))->style = TRUE;
  add_step (STEP_STYLE, NULL, g_strdup ("style dark, All Figures"))->style = ADW_COLOR_SCHEME_FORCE_DARK;
  add_step (STEP_STYLE, NULL, g_strdup ("style light, All Figures"))->style = ADW_COLOR_SCHEME_FORCE_LIGHT;
  add_step (STEP_ALL_FIGURES, NULL, g_strdup ("All Figures off"))->style = FALSE;
  run.table_part = FALSE;
  add_step (STEP_TABLE, NULL, g_strdup ("data table hidden"));
}

/* Moves the pointer to @x, @y of @widget: through the X server when there is one, so
 * that the motion arrives as an event; else the view's own motion path. */
static void
move_pointer (GtkWidget *widget,
              double     x,
              double     y)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  double nx, ny;

  if (GDK_IS_X11_SURFACE (surface) &&
      gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));

      gtk_native_get_surface_transform (native, &nx, &ny);
      XWarpPointer (xdisplay, None, gdk_x11_surface_get_xid (surface), 0, 0, 0, 0,
                    (int)round (point.x + nx), (int)round (point.y + ny));
      XFlush (xdisplay);
      return;
    }
#endif
  br_chart_view_point (BR_CHART_VIEW (widget), x, y);
}

static void
hover (Step *step)
{
  BrChartView *view = br_window_get_visible_chart_view (run.window);
  BrChartLayout *layout = br_chart_view_ensure_layout (view);
  const BrChartMark *mark;

  if (step->index >= br_chart_layout_get_n_marks (layout))
    return;

  mark = br_chart_layout_get_mark (layout, step->index);
  run.hover_start = g_get_monotonic_time ();
  run.hover_frame = gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (GTK_WIDGET (view)));
  move_pointer (GTK_WIDGET (view), mark->x, mark->y);
}

static void
legend_click (void)
{
  BrChartView *view = br_window_get_visible_chart_view (run.window);
  BrChartLayout *layout = br_chart_view_ensure_layout (view);
  const BrLegendEntry *entry;

  if (br_chart_layout_get_legend (layout)->len == 0)
    return;

  /* what the view's click gesture does */
  entry = &g_array_index (br_chart_layout_get_legend (layout), BrLegendEntry, 0);
  br_chart_view_click (view, (entry->x0 + entry->x1) / 2, (entry->y0 + entry->y1) / 2);
}

/* the window's widgets: all of them, and those whose CSS nodes a style change restyles
 * (visible, as their ancestors are), with the most common kinds of those */
static void
count_widgets (GtkWidget  *widget,
               gboolean    shown,
               guint      *n_all,
               guint      *n_shown,
               GHashTable *kinds)
{
  shown = shown && gtk_widget_get_visible (widget);
  (*n_all)++;
  if (shown)
    {
      const char *kind = G_OBJECT_TYPE_NAME (widget);

      (*n_shown)++;
      g_hash_table_insert (kinds, (gpointer)kind,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (kinds, kind)) + 1));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, shown, n_all, n_shown, kinds);
}

static void
print_widgets (const char *label)
{
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) most = g_string_new (NULL);
  guint n_all = 0, n_shown = 0;

  count_widgets (GTK_WIDGET (run.window), TRUE, &n_all, &n_shown, kinds);
  for (guint k = 0; k < 4 && g_hash_table_size (kinds) > 0; k++)
    {
      GHashTableIter iter;
      gpointer kind, n, top = NULL;
      guint top_n = 0;

      g_hash_table_iter_init (&iter, kinds);
      while (g_hash_table_iter_next (&iter, &kind, &n))
        if (GPOINTER_TO_UINT (n) > top_n)
          {
            top = kind;
            top_n = GPOINTER_TO_UINT (n);
          }
      g_string_append_printf (most, "%s %s %u", k > 0 ? "," : "", (char *)top, top_n);
      g_hash_table_remove (kinds, top);
    }
  printf ("# widgets before %s: %u, %u of them shown (%s)\n", label, n_all, n_shown, most->str);
}

static void
do_step (Step *step)
{
  GSettings *settings = br_window_get_settings (run.window);
  GtkWidget *widget = GTK_WIDGET (run.window);

  switch (step->kind)
    {
    case STEP_CHART:
      gtk_widget_activate_action (widget, "win.chart", "s", step->key);
      break;

    case STEP_HOVER:
      hover (step);
      break;

    case STEP_LEAVE:
      /* onto the window's header bar */
      move_pointer (widget, gtk_widget_get_width (widget) / 2., 10);
      break;

    case STEP_LEGEND:
      legend_click ();
      break;

    case STEP_SETTING:
      g_settings_set_value (settings, step->key, step->value);
      break;

    case STEP_TABLE:
      gtk_widget_activate_action (widget, "win.show-table", NULL);
      break;

    case STEP_STYLE:
      print_widgets (step->label);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), step->style);
      break;

    case STEP_ALL_FIGURES:
      print_widgets (step->label);
      br_data_table_set_all_figures (br_window_get_data_table (run.window), step->style);
      break;
    }
}

static gboolean next_step_cb (gpointer data);

static gboolean
frame_wait_cb (gpointer data)
{
  run.wait_source = 0;
  g_clear_signal_handler (&run.paint_id, gtk_widget_get_frame_clock (GTK_WIDGET (run.window)));
  g_timeout_add (SETTLE_MS, next_step_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  BrChartView *view = br_window_get_visible_chart_view (run.window);

  if (run.hover_start != 0 && br_chart_view_get_readout (view) != NULL)
    {
      double ms = (g_get_monotonic_time () - run.hover_start) / 1000.;
      double frames = gdk_frame_clock_get_frame_counter (clock) - run.hover_frame;

      g_array_append_val (run.hovers, ms);
      g_array_append_val (run.hover_frames, frames);
      run.hover_start = 0;
    }

  /* one frame after the one the step caused: the step's deferred work lands there too */
  if (!run.painted)
    {
      run.painted = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (run.window));
      return;
    }

  g_clear_handle_id (&run.wait_source, g_source_remove);
  frame_wait_cb (NULL);
}

static void start_size (void);

static gboolean
next_step_cb (gpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (run.window));
  Step *step;

  /* the table's rows still coming or going (All Figures): the step goes on */
  if (br_data_table_get_busy (br_window_get_data_table (run.window)))
    return G_SOURCE_CONTINUE;

  if (run.next == run.steps->len)
    {
      run.label = NULL;
      gtk_window_destroy (GTK_WINDOW (run.window));
      run.size_index++;
      start_size ();
      return G_SOURCE_REMOVE;
    }

  step = g_ptr_array_index (run.steps, run.next++);
  run.label = step->label;
  run.hover_start = 0;
  run.painted = FALSE;
  run.paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  run.wait_source = g_timeout_add (FRAME_WAIT_MS, frame_wait_cb, NULL);
  do_step (step);

  return G_SOURCE_REMOVE;
}

static void dataset_changed_cb (BrDocument *document, gpointer data);
static void load_failed_cb (BrDocument *document, GFile *file, GError *error,
                            GPtrArray *problems, gpointer data);

/* With BURNRATE_BENCH_PHASES set, each frame's main-thread CPU by phase: update (the
 * style validation runs there), layout, paint (snapshot and render), printed for
 * frames over 20 ms */
static gint64 phase_cpu[4];

static void
phase_cb (GdkFrameClock *clock,
          gpointer       data)
{
  guint phase = GPOINTER_TO_UINT (data);

  const char *env = g_getenv ("BURNRATE_BENCH_PHASES");
  int over_ms = atoi (env) > 0 ? atoi (env) : 20;

  phase_cpu[phase] = thread_cpu_us ();
  if (phase == 3 && phase_cpu[0] != 0 && phase_cpu[3] - phase_cpu[0] > 1000 * over_ms)
    printf ("# frame %5.1f ms CPU: style %5.1f, layout %5.1f, paint %5.1f  %s\n",
            (phase_cpu[3] - phase_cpu[0]) / 1000., (phase_cpu[1] - phase_cpu[0]) / 1000.,
            (phase_cpu[2] - phase_cpu[1]) / 1000., (phase_cpu[3] - phase_cpu[2]) / 1000.,
            run.label != NULL ? run.label : "");
}

static void
first_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  const char *phases[] = { "before-paint", "update", "layout", "paint" };

  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, data);
  for (guint i = 0; g_getenv ("BURNRATE_BENCH_PHASES") != NULL && i < G_N_ELEMENTS (phases); i++)
    g_signal_connect_after (clock, phases[i], G_CALLBACK (phase_cb), GUINT_TO_POINTER (i));
  build_script ();
  /* start-up is over: let its idle work finish before the script starts */
  g_timeout_add (500, next_step_cb, NULL);
}

/* the file's first frame: the time from opening it, then the script */
static void
file_paint_cb (GdkFrameClock *clock,
               gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, file_paint_cb, data);
  run.load_ms = MAX (run.load_ms, (g_get_monotonic_time () - run.open_start) / 1000.);
  first_paint_cb (clock, data);
}

static void
dataset_changed_cb (BrDocument *document,
                    gpointer    data)
{
  g_signal_handlers_disconnect_by_func (document, dataset_changed_cb, data);
  g_signal_handlers_disconnect_by_func (document, load_failed_cb, data);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (run.window)), "after-paint",
                    G_CALLBACK (file_paint_cb), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (run.window));
}

static void
load_failed_cb (BrDocument *document,
                GFile      *file,
                GError     *error,
                GPtrArray  *problems,
                gpointer    data)
{
  printf ("# %s did not load: %s\n", g_getenv ("BURNRATE_BENCH_DATASET"), error->message);
  run.failed = TRUE;
  g_application_release (G_APPLICATION (run.app));
}

static void
reset_settings (GSettings *settings)
{
  const char *keys[] = {
    "chart", "hidden-companies", "range-from", "range-to", "cumulative", "unit", "log-scale",
    "percent", "show-table",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

/* ---- the floor: a bare window's light/dark switches ---- */

#define BARE_SWITCHES 4

static void start_bare (void);
static gboolean bare_step_cb (gpointer data);

static void
bare_after_paint_cb (GdkFrameClock *clock,
                     gpointer       data)
{
  /* one frame after the one the switch caused, as for the app's steps */
  if (!run.painted)
    {
      run.painted = TRUE;
      gtk_widget_queue_draw (run.bare);
      return;
    }

  g_clear_signal_handler (&run.paint_id, clock);
  g_timeout_add (SETTLE_MS, bare_step_cb, NULL);
}

static gboolean
bare_step_cb (gpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (run.bare);
  gboolean dark = run.bare_switches % 2 == 0;
  g_autofree char *label = NULL;

  if (run.bare_switches == BARE_SWITCHES)
    {
      run.label = NULL;
      g_clear_pointer ((GtkWindow **)&run.bare, gtk_window_destroy);
      run.size_index++;
      start_bare ();
      return G_SOURCE_REMOVE;
    }

  run.bare_switches++;
  label = g_strdup_printf ("bare window %dx%d: style %s", run.sizes[run.size_index][0],
                           run.sizes[run.size_index][1], dark ? "dark" : "light");
  run.label = g_intern_string (label);
  run.painted = FALSE;
  run.paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (bare_after_paint_cb), NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);

  return G_SOURCE_REMOVE;
}

static void
bare_first_paint_cb (GdkFrameClock *clock,
                     gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, bare_first_paint_cb, data);
  g_timeout_add (500, bare_step_cb, NULL);
}

static void
start_bare (void)
{
  GtkWidget *box;

  if (run.size_index == G_N_ELEMENTS (run.sizes))
    {
      g_application_release (G_APPLICATION (run.app));
      return;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  run.bare_switches = 0;
  run.bare = adw_application_window_new (run.app);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (run.bare), box);
  gtk_window_set_default_size (GTK_WINDOW (run.bare), run.sizes[run.size_index][0],
                               run.sizes[run.size_index][1]);
  gtk_window_present (GTK_WINDOW (run.bare));
  g_signal_connect (gtk_widget_get_frame_clock (run.bare), "after-paint",
                    G_CALLBACK (bare_first_paint_cb), NULL);
}

static void
start_size (void)
{
  int width, height;

  g_clear_pointer (&run.steps, g_ptr_array_unref);
  if (run.size_index == G_N_ELEMENTS (run.sizes))
    {
      run.size_index = 0;
      start_bare ();
      return;
    }

  width = run.sizes[run.size_index][0];
  height = run.sizes[run.size_index][1];
  run.size_name = run.size_index == 0 ? "1920x1080" : "1024x640";
  run.steps = g_ptr_array_new_with_free_func (step_free);
  run.next = 0;
  run.table_part = FALSE;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  run.window = br_window_new (run.app);
  reset_settings (br_window_get_settings (run.window));
  gtk_window_set_default_size (GTK_WINDOW (run.window), width, height);
  if (g_getenv ("BURNRATE_BENCH_DATASET") != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_getenv ("BURNRATE_BENCH_DATASET"));

      gtk_window_present (GTK_WINDOW (run.window));
      g_signal_connect (br_window_get_document (run.window), "changed",
                        G_CALLBACK (dataset_changed_cb), NULL);
      g_signal_connect (br_window_get_document (run.window), "load-failed",
                        G_CALLBACK (load_failed_cb), NULL);
      run.open_start = g_get_monotonic_time ();
      br_window_open (run.window, file);
      return;
    }
  if (!br_window_open_bundled (run.window))
    {
      run.failed = TRUE;
      g_application_release (G_APPLICATION (run.app));
      return;
    }
  gtk_window_present (GTK_WINDOW (run.window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (run.window)), "after-paint",
                    G_CALLBACK (first_paint_cb), NULL);
}

static gint64 dark_first_cpu;

static void
dark_first_cb (void)
{
  dark_first_cpu = thread_cpu_us ();
}

static void
dark_last_cb (void)
{
  if (g_getenv ("BURNRATE_BENCH_PHASES") != NULL)
    printf ("# notify::dark at %.1f ms CPU into its dispatch, its handlers %.1f ms  %s\n",
            (dark_first_cpu - run.poll_return_cpu) / 1000., (thread_cpu_us () - dark_first_cpu) / 1000.,
            run.label != NULL ? run.label : "");
}

static void
activate_cb (GtkApplication *app,
             gpointer        data)
{
  g_application_hold (G_APPLICATION (app));
  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_first_cb), NULL);
  g_signal_connect_after (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_last_cb), NULL);
  start_size ();
}

static int
compare_dispatch (gconstpointer a,
                  gconstpointer b)
{
  return -bench_compare_doubles (&((const Dispatch *)a)->ms, &((const Dispatch *)b)->ms);
}

static int
compare_dispatch_cpu (gconstpointer a,
                      gconstpointer b)
{
  return -bench_compare_doubles (&((const Dispatch *)a)->cpu_ms, &((const Dispatch *)b)->cpu_ms);
}

static double
percentile (GArray *values,
            double  p)
{
  if (values->len == 0)
    return 0;

  g_array_sort (values, bench_compare_doubles);
  return g_array_index (values, double, (guint)MIN (values->len - 1, floor (p * values->len)));
}

/* The bare window's longest dispatch of each size; returns the longest of all, ms */
static double
print_floor (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_sort (run.floor, compare_dispatch);
  for (guint i = 0; i < run.floor->len; i++)
    {
      const Dispatch *dispatch = &g_array_index (run.floor, Dispatch, i);

      if (g_hash_table_add (seen, g_strndup (dispatch->label, strcspn (dispatch->label, ":"))))
        printf ("# floor %6.1f ms (CPU %5.1f ms)  %s\n", dispatch->ms, dispatch->cpu_ms,
                dispatch->label);
    }

  return run.floor->len > 0 ? g_array_index (run.floor, Dispatch, 0).ms : 0;
}

/* The main thread's CPU time a dispatch, which the machine's load does not stretch:
 * the steps that took the most, one line each, the longest and the 99th percentile;
 * returns the longest, ms */
static double
print_cpu (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *load = NULL;
  const Dispatch *most;
  guint shown = 0;

  g_array_sort (run.dispatches, compare_dispatch_cpu);
  most = &g_array_index (run.dispatches, Dispatch, 0);
  for (guint i = 0; i < run.dispatches->len; i++)
    {
      const Dispatch *dispatch = &g_array_index (run.dispatches, Dispatch, i);

      g_array_append_val (cpu, dispatch->cpu_ms);
      if (shown < 8 && g_hash_table_add (seen, dispatch->label))
        {
          printf ("# CPU %5.1f ms (wall %6.1f ms)  %s\n", dispatch->cpu_ms, dispatch->ms,
                  dispatch->label);
          shown++;
        }
    }
  g_file_get_contents ("/proc/loadavg", &load, NULL, NULL);
  printf ("# main-thread CPU a dispatch: max %.1f ms (%s), p99 %.1f ms; load %.14s\n",
          most->cpu_ms, most->label, percentile (cpu, 0.99), load != NULL ? load : "?");
  g_array_sort (run.dispatches, compare_dispatch);

  return most->cpu_ms;
}

/* prints the slowest dispatches, one per step, and the result line the parent reads */
static void
print_run (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  Dispatch *slowest;
  double most_cpu;
  guint shown = 0;

  g_array_sort (run.dispatches, compare_dispatch);
  for (guint i = 0; i < run.dispatches->len; i++)
    g_array_append_val (ms, g_array_index (run.dispatches, Dispatch, i).ms);
  /* with BURNRATE_BENCH_TRACE set, each slow dispatch's span: `perf record -k monotonic`
   * samples can be matched to it */
  for (guint i = 0; g_getenv ("BURNRATE_BENCH_TRACE") != NULL && i < run.dispatches->len; i++)
    {
      Dispatch *dispatch = &g_array_index (run.dispatches, Dispatch, i);

      if (dispatch->ms > target_ms ())
        printf ("# slow %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %.1f %s\n", dispatch->start,
                dispatch->start + (gint64)(dispatch->ms * 1000), dispatch->ms, dispatch->label);
    }

  /* every step over the target, and a few more */
  for (guint i = 0; i < run.dispatches->len; i++)
    {
      Dispatch *dispatch = &g_array_index (run.dispatches, Dispatch, i);

      if (shown >= 8 && dispatch->ms <= target_ms ())
        break;
      if (!g_hash_table_add (seen, dispatch->label))
        continue;
      printf ("# %6.1f ms (CPU %5.1f ms)  %s\n", dispatch->ms, dispatch->cpu_ms, dispatch->label);
      shown++;
    }

  most_cpu = print_cpu ();
  slowest = &g_array_index (run.dispatches, Dispatch, 0);
  printf ("# %u hovers timed\n", run.hovers->len);
  if (run.load_ms > 0)
    printf ("# opening the file to its first frame: %.0f ms at most\n", run.load_ms);
  printf ("result max %.2f p99 %.2f n %u hover-median %.2f hover-max %.2f "
          "hover-frames-max %.0f cpu-max %.2f floor %.2f step %s\n",
          slowest->ms, percentile (ms, 0.99), ms->len, percentile (run.hovers, 0.5),
          percentile (run.hovers, 1.0), percentile (run.hover_frames, 1.0), most_cpu,
          print_floor (), slowest->label);
}

static int
run_child (int   argc,
           char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  int status;

  run.sizes[0][0] = 1920;
  run.sizes[0][1] = 1080;
  run.sizes[1][0] = 1024;
  run.sizes[1][1] = 640;
  run.dispatches = g_array_new (FALSE, FALSE, sizeof (Dispatch));
  run.floor = g_array_new (FALSE, FALSE, sizeof (Dispatch));
  run.hovers = g_array_new (FALSE, FALSE, sizeof (double));
  run.hover_frames = g_array_new (FALSE, FALSE, sizeof (double));

  /* the window's stylesheet comes from the application's resource base path */
  app = g_object_new (ADW_TYPE_APPLICATION,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/burnrate/Burnrate",
                      NULL);
  run.app = GTK_APPLICATION (app);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_main_context_set_poll_func (NULL, explore_poll);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  if (status != 0 || run.failed || run.dispatches->len == 0)
    return 1;

  print_run ();
  return 0;
}

/* ---- the parent: runs, renderers, medians ---- */

typedef struct
{
  double  max;
  double  p99;
  double  hover_median;
  double  hover_max;
  double  hover_frames;
  double  cpu_max;
  double  floor;
  char   *step;
} Result;

static gboolean
run_once (const char  *program,
          char       **envp,
          Result      *result)
{
  const char *argv[] = { program, "--run", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status;
  int n;

  if (!g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                     &error))
    {
      printf ("# %s\n", error->message);
      return FALSE;
    }

  line = out != NULL ? strstr (out, "result ") : NULL;
  if (line == NULL || !g_spawn_check_wait_status (status, NULL))
    {
      printf ("# no result (status %d): %s\n", status, err != NULL ? err : "");
      return FALSE;
    }

  /* the slowest steps, for the log */
  fwrite (out, 1, line - out, stdout);
  result->step = g_malloc0 (strlen (line));
  if (sscanf (line, "result max %lf p99 %lf n %d hover-median %lf hover-max %lf "
              "hover-frames-max %lf cpu-max %lf floor %lf step %[^\n]", &result->max,
              &result->p99, &n, &result->hover_median, &result->hover_max,
              &result->hover_frames, &result->cpu_max, &result->floor, result->step) != 9)
    return FALSE;
  printf ("# max %.1f ms (%s), p99 %.1f ms, %d dispatches; hover to readout: median %.1f ms, "
          "max %.1f ms, at most %.0f frame(s)\n", result->max, result->step, result->p99, n,
          result->hover_median, result->hover_max, result->hover_frames);

  return TRUE;
}

static int
compare_result (gconstpointer a,
                gconstpointer b)
{
  return bench_compare_doubles (&((const Result *)a)->max, &((const Result *)b)->max);
}

static double
median_of (Result *results,
           guint   n,
           gsize   offset)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    g_array_append_val (values, G_STRUCT_MEMBER (double, &results[i], offset));

  return percentile (values, 0.5);
}

static gboolean
report (const char  *renderer,
        Result      *results,
        guint        n,
        const char  *note)
{
  double max, p99;
  gboolean ok;

  if (n == 0)
    {
      printf ("FAIL exploring with the %s renderer: no run finished%s\n", renderer, note);
      return FALSE;
    }

  max = median_of (results, n, G_STRUCT_OFFSET (Result, max));
  p99 = median_of (results, n, G_STRUCT_OFFSET (Result, p99));
  qsort (results, n, sizeof (Result), compare_result);
  ok = max <= target_ms ();
  printf ("# %s: longest dispatch, median of %u runs: %.1f ms (median run's: %s); p99 %.1f ms; "
          "hover to readout median %.1f ms, %.0f frame(s) at most\n", renderer, n, max,
          results[n / 2].step, p99, median_of (results, n, G_STRUCT_OFFSET (Result, hover_median)),
          median_of (results, n, G_STRUCT_OFFSET (Result, hover_frames)));
  printf ("# %s: the longest dispatch's main-thread CPU, median of %u runs: %.1f ms; a bare "
          "libadwaita window's light/dark switch at the same sizes (the display's floor), median "
          "of its longest: %.1f ms\n", renderer, n,
          median_of (results, n, G_STRUCT_OFFSET (Result, cpu_max)),
          median_of (results, n, G_STRUCT_OFFSET (Result, floor)));
  printf ("%s exploring, %s renderer: longest main-thread dispatch %.1f ms, p99 %.1f ms "
          "(target %.0f ms)%s\n", ok ? "PASS" : "FAIL", renderer, max, p99, target_ms (), note);

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(GStrv) cairo_envp = NULL;
  const char *renderer = g_getenv ("GSK_RENDERER");
  const char *runs_env = g_getenv ("BURNRATE_BENCH_RUNS");
  guint n_runs = runs_env != NULL ? MAX (1, atoi (runs_env)) : DEFAULT_RUNS;
  g_autofree Result *cairo_results = g_new0 (Result, n_runs);
  g_autofree Result *default_results = g_new0 (Result, n_runs);
  guint n_cairo = 0, n_default = 0;
  gboolean ok;

  if (argc > 1 && g_str_equal (argv[1], "--run"))
    return run_child (argc, argv);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("skipped: no display, run under xvfb-run -a\n");
      return 77;
    }

  /* without a session bus GLib would try to autolaunch one */
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", "disabled:", FALSE);
  cairo_envp = g_environ_setenv (g_strdupv (envp), "GSK_RENDERER", "cairo", TRUE);

  /* interleaved, so that a noisy machine spreads over both */
  for (guint i = 0; i < n_runs; i++)
    {
      printf ("# run %u, cairo renderer\n", i + 1);
      if (run_once (argv[0], cairo_envp, &cairo_results[n_cairo]))
        n_cairo++;
      if (g_getenv ("BURNRATE_BENCH_DATASET") != NULL)
        continue;
      printf ("# run %u, %s renderer\n", i + 1, renderer != NULL ? renderer : "default");
      if (run_once (argv[0], envp, &default_results[n_default]))
        n_default++;
    }

  /* as for start-up: Xvfb's GL is llvmpipe, which no user with a GPU sees */
  ok = report ("cairo", cairo_results, n_cairo, "");
  if (g_getenv ("BURNRATE_BENCH_DATASET") == NULL)
    report (renderer != NULL ? renderer : "default (GL)", default_results, n_default,
            " (reported only: software GL under Xvfb)");
  for (guint i = 0; i < n_cairo; i++)
    g_free (cairo_results[i].step);
  for (guint i = 0; i < n_default; i++)
    g_free (default_results[i].step);

  return ok ? 0 : 1;
}
