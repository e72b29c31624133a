/* br-figure-list.c: every figure of a dataset's companies, as table rows made when asked for
 *
 * The data table's "All figures" lists every figure of the ticked companies, their
 * market values, top-five shares and raises: 315,600 financial figures for the 2,104
 * companies of the generated 46 MB file. They are kept as plain records
 * (BrFigureValue), and a row object is made only for a position the table shows or a
 * test asks for. Gathering and converting the figures, sorting them and writing them
 * as CSV run on a worker thread, on a dataset that does not change; the list changes
 * in one step when a job is done, so the main loop never waits on 300,000 of anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-figure-list"

#include "config.h"

#include <string.h>

#include "br-figure-list.h"
#include "br-mark-row.h"

/* what the rows are made from: shared by the list and its jobs, never changed */
typedef struct
{
  BrDataset     *dataset;
  BrFigureValue *values;
  guint          n;
  BrUnit         unit;
  BrLanguage     language;
  GPtrArray     *companies;  /* const BrCompany *: whose figures, in dataset order */
} Figures;

typedef enum
{
  SORT_NONE,
  SORT_COMPANY,
  SORT_SERIES,
  SORT_DATE,
  SORT_VALUE,
  SORT_UNIT,
  SORT_STATUS,
  SORT_SOURCE,
} SortKey;

struct _BrFigureList
{
  GObject       parent_instance;

  Figures      *figures;
  guint        *order;       /* position → index in figures->values */
  guint         n_items;     /* what the list says it holds */
  GHashTable   *live;        /* position → the row made for it, while the table holds it */
  GHashTable   *positions;   /* the same rows → their positions */
  guint         reveal_source; /* rows coming or going */
  gboolean      shown;
  gboolean      busy;
  Figures      *wanted;      /* what the job under way gathers, or NULL */
  SortKey       sort_key;
  GtkSortType   direction;
  GCancellable *job;         /* the gathering or sorting under way */
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void br_figure_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BrFigureList, br_figure_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, br_figure_list_model_init))

static void
figures_clear (Figures *figures)
{
  g_clear_object (&figures->dataset);
  g_free (figures->values);
  g_clear_pointer (&figures->companies, g_ptr_array_unref);
}

static Figures *
figures_ref (Figures *figures)
{
  return g_atomic_rc_box_acquire (figures);
}

static void
figures_unref (Figures *figures)
{
  g_atomic_rc_box_release_full (figures, (GDestroyNotify)figures_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Figures, figures_unref)

/* the same companies, unit and language, from the same dataset */
static gboolean
figures_alike (const Figures *a,
               const Figures *b)
{
  return a != NULL && b != NULL && a->dataset == b->dataset && a->language == b->language
         && br_currency_equal (&a->unit.currency, &b->unit.currency)
         && a->unit.scale == b->unit.scale && a->companies->len == b->companies->len
         && memcmp (a->companies->pdata, b->companies->pdata,
                    a->companies->len * sizeof (gpointer)) == 0;
}

static guint
n_values (const BrCompany *company)
{
  return company->n_figures + company->n_market_caps + company->n_concentrations
         + company->n_raises;
}

/* @value is @amount on @date, in @figures' unit where a rate of that day or year allows */
static void
convert_amount (const Figures  *figures,
                BrFigureValue  *value,
                const BrAmount *amount,
                const GDate    *date)
{
  BrConversion conversion;

  value->converted = br_dataset_convert (figures->dataset, amount, date, TRUE, &figures->unit,
                                         &conversion);
  value->value = value->converted ? conversion.value : amount->value;
}

/* @company's values from @k on: its figures, market values, top-five shares and
 * raises, in that order; returns where the next company's start */
static guint
gather_company (Figures         *figures,
                const BrCompany *company,
                guint            k)
{
  for (guint j = 0; j < company->n_figures; j++, k++)
    {
      BrFigureValue *value = &figures->values[k];
      BrConversion conversion;

      *value = (BrFigureValue) { company, BR_FIGURE_FINANCIAL, .figure = &company->figures[j] };
      value->converted = br_metrics_figure_value (figures->dataset, value->figure, &figures->unit,
                                                  &conversion, NULL);
      value->value = value->converted ? conversion.value : value->figure->amount.value;
    }
  for (guint j = 0; j < company->n_market_caps; j++, k++)
    {
      const BrMarketCap *cap = &company->market_caps[j];

      figures->values[k] = (BrFigureValue) { company, BR_FIGURE_MARKET_CAP, .cap = cap };
      convert_amount (figures, &figures->values[k], &cap->amount, &cap->date);
    }
  for (guint j = 0; j < company->n_concentrations; j++, k++)
    figures->values[k] = (BrFigureValue) { company, BR_FIGURE_TOP5_SHARE,
                                           .share = &company->concentrations[j],
                                           .value = company->concentrations[j].top5_share };
  for (guint j = 0; j < company->n_raises; j++, k++)
    {
      const BrRaise *raise = &company->raises[j];
      BrAmount amount = { raise->has_net ? raise->net : raise->gross, raise->currency,
                          raise->scale };

      figures->values[k] = (BrFigureValue) { company, BR_FIGURE_RAISE, .raise = raise };
      convert_amount (figures, &figures->values[k], &amount, &raise->date);
    }

  return k;
}

/* Worker thread: each figure of each company, in @figures' unit where a rate allows,
 * else as the dataset gives it */
static void
gather (Figures *figures)
{
  guint n = 0, k = 0;

  for (guint i = 0; i < figures->companies->len; i++)
    n += n_values (g_ptr_array_index (figures->companies, i));

  figures->values = g_new (BrFigureValue, MAX (n, 1));
  for (guint i = 0; i < figures->companies->len; i++)
    k = gather_company (figures, g_ptr_array_index (figures->companies, i), k);
  g_assert (k == n);
  figures->n = n;
}

/* What a value's row says of it, as a chart's mark says it: a financial figure's
 * period, status and source; a market value, share or raise in full */
static void
value_mark (const BrFigureValue *value,
            const Figures       *figures,
            BrChartMark         *mark)
{
  if (value->kind != BR_FIGURE_FINANCIAL)
    {
      br_figure_value_get_mark (value, &figures->unit, figures->language, mark);
      return;
    }
  *mark = (BrChartMark) {
    .company = value->company,
    .period = value->figure->period,
    .date = value->figure->period->end,
    .value = value->value,
    .source = value->figure->source,
    .status = value->figure->status,
  };
}

/* A string column's key for each figure: the rank of its text among the texts the
 * column holds, as GtkStringSorter orders them (case folded, collated). Texts are made
 * once for each thing they name (a company, a source), not for each figure. */
typedef gconstpointer (*ThingFunc) (const BrFigureValue *value);
typedef char *(*TextFunc) (const BrFigureValue *value, const Figures *figures);

typedef struct
{
  char  *key;
  guint  rank;
} Thing;

static void
thing_free (Thing *thing)
{
  g_free (thing->key);
  g_free (thing);
}

static int
compare_things (gconstpointer a,
                gconstpointer b)
{
  return strcmp ((*(Thing **)a)->key, (*(Thing **)b)->key);
}

static void
rank_texts (const Figures *figures,
            ThingFunc      thing_of,
            TextFunc       text_of,
            double        *keys)
{
  g_autoptr(GHashTable) things = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify)thing_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  guint rank = 0;

  for (guint i = 0; i < figures->n; i++)
    {
      gconstpointer id = thing_of (&figures->values[i]);

      if (!g_hash_table_contains (things, id))
        {
          g_autofree char *text = text_of (&figures->values[i], figures);
          g_autofree char *folded = g_utf8_casefold (text, -1);
          Thing *thing = g_new0 (Thing, 1);

          thing->key = g_utf8_collate_key (folded, -1);
          g_hash_table_insert (things, (gpointer)id, thing);
          g_ptr_array_add (sorted, thing);
        }
    }
  g_ptr_array_sort (sorted, compare_things);
  /* texts that collate alike share a rank */
  for (guint i = 0; i < sorted->len; i++)
    {
      Thing *thing = g_ptr_array_index (sorted, i);

      if (i > 0 && strcmp (thing->key, ((Thing *)g_ptr_array_index (sorted, i - 1))->key) != 0)
        rank++;
      thing->rank = rank;
    }
  for (guint i = 0; i < figures->n; i++)
    keys[i] = ((Thing *)g_hash_table_lookup (things, thing_of (&figures->values[i])))->rank;
}

static gconstpointer
company_of (const BrFigureValue *value)
{
  return value->company;
}

static char *
company_text (const BrFigureValue *value,
              const Figures       *figures)
{
  return g_strdup (br_company_get_name (value->company, figures->language));
}

/* a financial figure's metric; a market value, share or raise, whose series may name
 * it ("Raised · IPO"), by its label's text (shared by all without one) */
static gconstpointer
metric_of (const BrFigureValue *value)
{
  const BrText *label = value->kind == BR_FIGURE_MARKET_CAP ? &value->cap->label
                        : value->kind == BR_FIGURE_RAISE ? &value->raise->label : NULL;

  if (value->kind == BR_FIGURE_FINANCIAL)
    return GUINT_TO_POINTER (value->figure->metric + 1);
  if (label != NULL && label->en != NULL)
    return label->en;
  return GUINT_TO_POINTER (BR_N_METRICS + 1 + value->kind);
}

static char *
metric_text (const BrFigureValue *value,
             const Figures       *figures)
{
  BrChartMark mark;

  if (value->kind == BR_FIGURE_FINANCIAL)
    return g_strdup (br_mark_row_metric_name (value->figure->metric));
  value_mark (value, figures, &mark);
  return br_mark_row_describe_series (&mark);
}

/* a market value's or raise's status is the default a mark has */
static gconstpointer
status_of (const BrFigureValue *value)
{
  return GUINT_TO_POINTER ((value->kind == BR_FIGURE_FINANCIAL ? value->figure->status
                                                               : BR_STATUS_AUDITED) + 1);
}

static char *
status_text (const BrFigureValue *value,
             const Figures       *figures)
{
  return g_strdup (br_mark_row_status_name (GPOINTER_TO_UINT (status_of (value)) - 1));
}

static const BrSource *
value_source (const BrFigureValue *value)
{
  switch (value->kind)
    {
    case BR_FIGURE_MARKET_CAP:
      return value->cap->source;
    case BR_FIGURE_TOP5_SHARE:
      return value->share->source;
    case BR_FIGURE_RAISE:
      return value->raise->source;
    case BR_FIGURE_FINANCIAL:
    default:
      return value->figure->source;
    }
}

static gconstpointer
source_of (const BrFigureValue *value)
{
  /* figures without a source are one thing: the empty text */
  return value_source (value) != NULL ? (gconstpointer)value_source (value)
                                      : GUINT_TO_POINTER (1);
}

static char *
source_text (const BrFigureValue *value,
             const Figures       *figures)
{
  return br_chart_describe_source (value_source (value), figures->language);
}

/* the unit a value is in: the list's when converted, a share's percent, else its own */
static void
value_unit (const BrFigureValue *value,
            const Figures       *figures,
            BrUnit              *unit,
            gboolean            *percent)
{
  BrChartMark mark;

  *percent = value->kind == BR_FIGURE_TOP5_SHARE;
  if (value->converted || *percent)
    *unit = figures->unit;
  else if (value->kind == BR_FIGURE_FINANCIAL)
    br_unit_init (unit, value->figure->amount.currency.code, value->figure->amount.scale);
  else
    {
      value_mark (value, figures, &mark);
      *unit = mark.unit;
    }
}

/* a converted value is in the list's unit; a share in percent; another in its own
 * currency and scale */
static gconstpointer
unit_of (const BrFigureValue *value)
{
  const BrCurrency *currency;
  BrScale scale;

  if (value->converted)
    return GUINT_TO_POINTER (1);
  if (value->kind == BR_FIGURE_TOP5_SHARE)
    return GUINT_TO_POINTER (2);
  currency = value->kind == BR_FIGURE_FINANCIAL ? &value->figure->amount.currency
             : value->kind == BR_FIGURE_MARKET_CAP ? &value->cap->amount.currency
             : &value->raise->currency;
  scale = value->kind == BR_FIGURE_FINANCIAL ? value->figure->amount.scale
          : value->kind == BR_FIGURE_MARKET_CAP ? value->cap->amount.scale
          : value->raise->scale;
  return GUINT_TO_POINTER (((guint)(guchar)currency->code[0] << 24
                            | (guint)(guchar)currency->code[1] << 16
                            | (guint)(guchar)currency->code[2] << 8 | scale) + 3);
}

static char *
unit_text (const BrFigureValue *value,
           const Figures       *figures)
{
  BrUnit unit;
  gboolean percent;

  value_unit (value, figures, &unit, &percent);
  return br_unit_describe (&unit, percent, figures->language);
}

/* where a value sorts in time: its period's end, or its date */
static double
value_day (const BrFigureValue *value)
{
  switch (value->kind)
    {
    case BR_FIGURE_MARKET_CAP:
      return g_date_get_julian (&value->cap->date);
    case BR_FIGURE_TOP5_SHARE:
      return g_date_get_julian (&value->share->period->end);
    case BR_FIGURE_RAISE:
      return g_date_get_julian (&value->raise->date);
    case BR_FIGURE_FINANCIAL:
    default:
      return g_date_get_julian (&value->figure->period->end);
    }
}

static void
sort_keys (const Figures *figures,
           SortKey        sort_key,
           double        *keys)
{
  switch (sort_key)
    {
    case SORT_COMPANY:
      rank_texts (figures, company_of, company_text, keys);
      break;
    case SORT_SERIES:
      rank_texts (figures, metric_of, metric_text, keys);
      break;
    case SORT_UNIT:
      rank_texts (figures, unit_of, unit_text, keys);
      break;
    case SORT_STATUS:
      rank_texts (figures, status_of, status_text, keys);
      break;
    case SORT_SOURCE:
      rank_texts (figures, source_of, source_text, keys);
      break;
    case SORT_DATE:
      for (guint i = 0; i < figures->n; i++)
        keys[i] = value_day (&figures->values[i]);
      break;
    case SORT_VALUE:
      for (guint i = 0; i < figures->n; i++)
        keys[i] = figures->values[i].value;
      break;
    case SORT_NONE:
    default:
      for (guint i = 0; i < figures->n; i++)
        keys[i] = i;
      break;
    }
}

typedef struct
{
  const double *keys;
  int           sign;
} SortData;

/* ties keep the dataset's order, either way round, as GTK's stable sort keeps them */
static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const SortData *data = user_data;
  guint i = *(const guint *)a, j = *(const guint *)b;
  double x = data->keys[i], y = data->keys[j];

  if (x != y)
    return x < y ? -data->sign : data->sign;
  return i < j ? -1 : i > j;
}

static guint *
sort_figures (const Figures *figures,
              SortKey        sort_key,
              GtkSortType    direction)
{
  g_autofree double *keys = g_new (double, MAX (figures->n, 1));
  guint *order = g_new (guint, MAX (figures->n, 1));
  SortData data = { keys, direction == GTK_SORT_DESCENDING ? -1 : 1 };

  for (guint i = 0; i < figures->n; i++)
    order[i] = i;
  if (sort_key == SORT_NONE)
    return order;

  sort_keys (figures, sort_key, keys);
  g_qsort_with_data (order, figures->n, sizeof (guint), compare_positions, &data);

  return order;
}

/* A job: the figures gathered (when it is given none), then sorted */
typedef struct
{
  Figures     *figures;
  gboolean     gather;
  SortKey      sort_key;
  GtkSortType  direction;
  guint       *order;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->figures, figures_unref);
  g_free (job->order);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;

  if (job->gather)
    gather (job->figures);
  if (!g_cancellable_is_cancelled (cancellable))
    job->order = sort_figures (job->figures, job->sort_key, job->direction);
  g_task_return_boolean (task, TRUE);
}

static gboolean
is_busy (BrFigureList *self)
{
  return self->job != NULL || self->reveal_source != 0;
}

/* after self->job or self->reveal_source changed */
static void
busy_changed (BrFigureList *self)
{
  if (self->busy == is_busy (self))
    return;
  self->busy = is_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
row_gone_cb (gpointer  data,
             GObject  *where_the_row_was)
{
  BrFigureList *self = data;
  gpointer position;

  if (g_hash_table_steal_extended (self->positions, where_the_row_was, NULL, &position))
    g_hash_table_remove (self->live, position);
}

static void
clear_live_rows (BrFigureList *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->positions);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    g_object_weak_unref (row, row_gone_cb, self);
  g_hash_table_remove_all (self->positions);
  g_hash_table_remove_all (self->live);
}

/* after a sort: each row the table holds says what its position now holds */
static void
update_live_rows (BrFigureList *self)
{
  GHashTableIter iter;
  gpointer position, row;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &position, &row))
    {
      guint index;

      /* a row past the end goes with the items-changed that follows */
      if (GPOINTER_TO_UINT (position) >= self->figures->n)
        continue;
      index = self->order[GPOINTER_TO_UINT (position)];
      br_mark_row_set_figure (row, &self->figures->values[index], index, &self->figures->unit,
                              self->figures->language);
    }
}

static void
take_result (BrFigureList *self,
             Job          *job)
{
  g_clear_pointer (&self->figures, figures_unref);
  self->figures = figures_ref (job->figures);
  g_clear_pointer (&self->wanted, figures_unref);
  g_free (self->order);
  self->order = g_steal_pointer (&job->order);
  g_clear_object (&self->job);
}

/* Rows come in steps while they are among the first: GTK makes a row widget for each
 * of the first few hundred positions it is told of, and 400 at once take longer than a
 * frame. Past them, the rest come at once. */
#define REVEAL_STEP  32
#define REVEAL_FIRST 512

static gboolean
reveal_cb (gpointer data)
{
  BrFigureList *self = data;
  guint n_before = self->n_items;
  guint n = self->figures->n - n_before;

  if (n_before < REVEAL_FIRST)
    n = MIN (n, REVEAL_STEP);
  self->n_items += n;
  if (self->n_items == self->figures->n)
    self->reveal_source = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), n_before, 0, n);
  busy_changed (self);

  return self->reveal_source != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* and go the same way: the rows past the first few hundred at once, then a step at a
 * time from the end, so that GTK drops a few row widgets in each */
static gboolean
withdraw_cb (gpointer data)
{
  BrFigureList *self = data;
  guint n_before = self->n_items;

  if (n_before > REVEAL_FIRST)
    self->n_items = REVEAL_FIRST;
  else
    self->n_items -= MIN (n_before, REVEAL_STEP);
  if (self->n_items == 0)
    self->reveal_source = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, n_before - self->n_items, 0);
  busy_changed (self);

  return self->reveal_source != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* A step every 10 ms, at the default priority: a frame can come between two steps, to
 * lay out the rows one step made, and the frames of the spinner a busy list shows do
 * not put the steps off, as they would an idle */
#define STEP_MS 10

static void
start_reveal (BrFigureList *self)
{
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  if (self->shown && self->figures != NULL && self->n_items < self->figures->n)
    self->reveal_source = g_timeout_add (STEP_MS, reveal_cb, self);
  else if (!self->shown && self->n_items > 0)
    self->reveal_source = g_timeout_add (STEP_MS, withdraw_cb, self);
  busy_changed (self);
}

/**
 * br_figure_list_set_shown:
 * @shown: whether the list offers its rows
 *
 * A list not shown holds no rows, and keeps its figures: shown again, it need not
 * gather them again. Rows come and go over a few main-loop turns (the list is busy
 * until they are all there or gone).
 */
void
br_figure_list_set_shown (BrFigureList *self,
                          gboolean      shown)
{
  g_return_if_fail (BR_IS_FIGURE_LIST (self));

  self->shown = !!shown;
  start_reveal (self);
}

/**
 * br_figure_list_get_n_shown:
 *
 * Returns: how many rows the list holds now
 */
guint
br_figure_list_get_n_shown (BrFigureList *self)
{
  g_return_val_if_fail (BR_IS_FIGURE_LIST (self), 0);

  return self->n_items;
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  BrFigureList *self = BR_FIGURE_LIST (object);
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  guint n_before;

  /* a later job took its place */
  if (g_task_get_cancellable (task) != self->job)
    return;

  /* The rows the table holds change in place, for the positions both lists have: a list
   * that said all its rows changed would have GTK look up every one of them (300,000
   * rows made and dropped in one go), and remake every row widget */
  n_before = self->n_items;
  take_result (self, job);
  update_live_rows (self);
  if (n_before > self->figures->n)
    {
      self->n_items = self->figures->n;
      g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, n_before - self->n_items, 0);
    }
  if (self->n_items > 0)
    g_signal_emit (self, signals[ROWS_CHANGED], 0);
  start_reveal (self);
}

/* starts gathering @wanted (or, when NULL, sorting the figures there are) */
static void
start_job (BrFigureList *self,
           Figures      *wanted)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Job *job = g_new0 (Job, 1);

  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  if (wanted != NULL && wanted != self->wanted)
    {
      g_clear_pointer (&self->wanted, figures_unref);
      self->wanted = figures_ref (wanted);
    }
  /* a sort asked for while figures are still being gathered gathers them again */
  job->gather = self->wanted != NULL;
  job->figures = figures_ref (job->gather ? self->wanted : self->figures);
  if (job->gather)
    {
      /* each job gathers into figures of its own */
      Figures *copy = g_atomic_rc_box_new0 (Figures);

      copy->dataset = g_object_ref (job->figures->dataset);
      copy->unit = job->figures->unit;
      copy->language = job->figures->language;
      copy->companies = g_ptr_array_ref (job->figures->companies);
      figures_unref (job->figures);
      job->figures = copy;
    }
  job->sort_key = self->sort_key;
  job->direction = self->direction;

  task = g_task_new (self, cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_set_object (&self->job, cancellable);
  busy_changed (self);
  g_task_run_in_thread (task, job_thread);
}

/**
 * br_figure_list_set_figures:
 * @hidden: (nullable): ids of the companies whose figures are left out
 *
 * Lists every figure of @dataset's companies but @hidden, each in @unit where it can be
 * converted. The list keeps what it has until the new figures are gathered and sorted;
 * the same figures asked for again change nothing.
 */
void
br_figure_list_set_figures (BrFigureList       *self,
                            BrDataset          *dataset,
                            const char * const *hidden,
                            const BrUnit       *unit,
                            BrLanguage          language)
{
  g_autoptr(Figures) wanted = NULL;
  guint n;

  g_return_if_fail (BR_IS_FIGURE_LIST (self));
  g_return_if_fail (BR_IS_DATASET (dataset));
  g_return_if_fail (unit != NULL);

  wanted = g_atomic_rc_box_new0 (Figures);
  wanted->dataset = g_object_ref (dataset);
  wanted->unit = *unit;
  wanted->language = language;
  n = br_dataset_get_n_companies (dataset);
  wanted->companies = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      const BrCompany *company = br_dataset_get_company (dataset, i);

      if (hidden == NULL || !g_strv_contains (hidden, company->id))
        g_ptr_array_add (wanted->companies, (gpointer)company);
    }

  if (figures_alike (wanted, self->wanted != NULL ? self->wanted : self->figures))
    return;
  start_job (self, wanted);
}

static SortKey
sort_key_for (const char *column)
{
  static const struct { const char *column; SortKey key; } keys[] = {
    { "company", SORT_COMPANY }, { "series", SORT_SERIES }, { "period", SORT_DATE },
    { "date", SORT_DATE }, { "value", SORT_VALUE }, { "value-text", SORT_VALUE },
    { "unit", SORT_UNIT }, { "status", SORT_STATUS }, { "source", SORT_SOURCE },
  };

  for (guint i = 0; column != NULL && i < G_N_ELEMENTS (keys); i++)
    {
      if (g_str_equal (keys[i].column, column))
        return keys[i].key;
    }

  return SORT_NONE;
}

/**
 * br_figure_list_sort:
 * @column: (nullable): a column's property, as the data table's ("company", "value",
 *   ...), or %NULL for the dataset's order
 *
 * Sorts the figures on a worker thread; the list changes when they are sorted.
 */
void
br_figure_list_sort (BrFigureList *self,
                     const char   *column,
                     GtkSortType   direction)
{
  SortKey sort_key = sort_key_for (column);

  g_return_if_fail (BR_IS_FIGURE_LIST (self));

  if (sort_key == self->sort_key && (sort_key == SORT_NONE || direction == self->direction))
    return;
  self->sort_key = sort_key;
  self->direction = direction;
  if (self->figures != NULL || self->wanted != NULL)
    start_job (self, NULL);
}

/**
 * br_figure_list_get_busy:
 *
 * Returns: whether figures are being gathered or sorted
 */
gboolean
br_figure_list_get_busy (BrFigureList *self)
{
  g_return_val_if_fail (BR_IS_FIGURE_LIST (self), FALSE);

  return self->busy;
}

/* Copying as CSV: the rows' figures, in the order the table shows them */
typedef struct
{
  Figures *figures;
  guint   *indices;
  guint    n;
} Copy;

static void
copy_free (Copy *copy)
{
  figures_unref (copy->figures);
  g_free (copy->indices);
  g_free (copy);
}

static void
copy_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Copy *copy = data;
  char *csv = br_export_csv_figures (copy->figures->values, copy->indices, copy->n,
                                     &copy->figures->unit, copy->figures->language);

  g_task_return_pointer (task, g_bytes_new_take (csv, strlen (csv)),
                         (GDestroyNotify)g_bytes_unref);
}

/**
 * br_figure_list_copy_csv_async:
 * @positions: (nullable): the positions of the rows to copy, or %NULL for all
 *
 * Writes the rows at @positions as the export's CSV, on a worker thread.
 */
void
br_figure_list_copy_csv_async (BrFigureList        *self,
                               GtkBitset           *positions,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Copy *copy;
  guint n;

  g_return_if_fail (BR_IS_FIGURE_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, br_figure_list_copy_csv_async);
  copy = g_new0 (Copy, 1);
  copy->figures = self->figures != NULL ? figures_ref (self->figures) : NULL;
  n = self->figures != NULL ? self->figures->n : 0;
  copy->indices = g_new (guint, MAX (n, 1));
  if (positions == NULL)
    {
      memcpy (copy->indices, self->order, n * sizeof (guint));
      copy->n = n;
    }
  else
    {
      GtkBitsetIter iter;
      guint position;

      for (gboolean more = gtk_bitset_iter_init_first (&iter, positions, &position);
           more && position < n; more = gtk_bitset_iter_next (&iter, &position))
        copy->indices[copy->n++] = self->order[position];
    }
  if (copy->figures == NULL)
    {
      g_free (copy->indices);
      g_free (copy);
      g_task_return_pointer (task, g_bytes_new_static ("", 0), (GDestroyNotify)g_bytes_unref);
      return;
    }
  g_task_set_task_data (task, copy, (GDestroyNotify)copy_free);
  g_task_run_in_thread (task, copy_thread);
}

/**
 * br_figure_list_copy_csv_finish:
 * @n_rows: (out) (optional): how many rows the CSV holds
 *
 * Returns: (transfer full): the CSV, or %NULL
 */
GBytes *
br_figure_list_copy_csv_finish (BrFigureList  *self,
                                GAsyncResult  *result,
                                guint         *n_rows,
                                GError       **error)
{
  Copy *copy;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  copy = g_task_get_task_data (G_TASK (result));
  if (n_rows != NULL)
    *n_rows = copy != NULL ? copy->n : 0;
  return g_task_propagate_pointer (G_TASK (result), error);
}

static GType
br_figure_list_get_item_type (GListModel *model)
{
  return BR_TYPE_MARK_ROW;
}

static guint
br_figure_list_get_n_items (GListModel *model)
{
  BrFigureList *self = BR_FIGURE_LIST (model);

  return self->n_items;
}

/* a row is made when the table shows it, and goes when it scrolls away */
static gpointer
br_figure_list_get_item (GListModel *model,
                         guint       position)
{
  BrFigureList *self = BR_FIGURE_LIST (model);
  BrMarkRow *row;
  guint index;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  index = self->order[position];
  row = br_mark_row_new_for_figure (&self->figures->values[index], index, &self->figures->unit,
                                    self->figures->language);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), row);
  g_hash_table_insert (self->positions, row, GUINT_TO_POINTER (position));
  g_object_weak_ref (G_OBJECT (row), row_gone_cb, self);

  return row;
}

static void
br_figure_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = br_figure_list_get_item_type;
  iface->get_n_items = br_figure_list_get_n_items;
  iface->get_item = br_figure_list_get_item;
}

static void
br_figure_list_dispose (GObject *object)
{
  BrFigureList *self = BR_FIGURE_LIST (object);

  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  clear_live_rows (self);
  g_clear_pointer (&self->figures, figures_unref);
  g_clear_pointer (&self->wanted, figures_unref);
  g_clear_pointer (&self->order, g_free);

  G_OBJECT_CLASS (br_figure_list_parent_class)->dispose (object);
}

static void
br_figure_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BrFigureList *self = BR_FIGURE_LIST (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
br_figure_list_finalize (GObject *object)
{
  BrFigureList *self = BR_FIGURE_LIST (object);

  g_hash_table_unref (self->live);
  g_hash_table_unref (self->positions);

  G_OBJECT_CLASS (br_figure_list_parent_class)->finalize (object);
}

static void
br_figure_list_class_init (BrFigureListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = br_figure_list_dispose;
  object_class->finalize = br_figure_list_finalize;
  object_class->get_property = br_figure_list_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BrFigureList::rows-changed:
   *
   * The rows were sorted anew: each position holds another figure, and the rows the
   * table holds have changed in place.
   */
  signals[ROWS_CHANGED] = g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
br_figure_list_init (BrFigureList *self)
{
  self->live = g_hash_table_new (NULL, NULL);
  self->positions = g_hash_table_new (NULL, NULL);
}

BrFigureList *
br_figure_list_new (void)
{
  return g_object_new (BR_TYPE_FIGURE_LIST, NULL);
}
