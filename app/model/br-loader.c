/* br-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-loader"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "br-dataset-private.h"
#include "br-json-scan.h"
#include "br-loader.h"

G_DEFINE_QUARK (br-loader-error-quark, br_loader_error)

typedef struct
{
  char *path;
  char *message;
} Fault;

typedef struct
{
  BrDataset      *ds;
  const BrLimits *limits;
  GString        *path;
  GPtrArray      *faults;
  guint           n_faults;   /* including those past the cap */
  GPtrArray      *currencies; /* every currency an amount uses, as const char * */
  /* the company being read: its periods by id, and what it has per period, so that
   * look-ups and duplicate checks stay linear in the file's size */
  GHashTable     *period_ids;  /* id → BrPeriod * */
  GHashTable     *seen;        /* (period, what) → TRUE */
  const char     *data;        /* the whole file */
  BrScanLayout   *layout;      /* where its companies stand */
} Loader;

typedef struct
{
  const BrPeriod *period;
  guint           index;      /* in the file's array */
} PeriodRef;

typedef gsize Mark;

static void
fault_free (Fault *fault)
{
  g_free (fault->path);
  g_free (fault->message);
  g_free (fault);
}

static gsize
env_size (const char *name,
          gsize       fallback)
{
  const char *value = g_getenv (name);
  guint64 parsed;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXSIZE, &parsed, NULL))
    return fallback;

  return parsed;
}

/**
 * br_limits_init_default:
 *
 * Fills @limits with the defaults, raised or lowered by the BURNRATE_MAX_*
 * environment variables.
 */
void
br_limits_init_default (BrLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_file_size = env_size ("BURNRATE_MAX_FILE_SIZE", 64 * 1024 * 1024);
  limits->max_depth = MIN (env_size ("BURNRATE_MAX_DEPTH", 64), 100000);
  limits->max_string = env_size ("BURNRATE_MAX_STRING", 16384);
  limits->max_array = env_size ("BURNRATE_MAX_ARRAY", 100000);
  limits->max_values = env_size ("BURNRATE_MAX_VALUES", 6000000);
  limits->max_companies = MIN (env_size ("BURNRATE_MAX_COMPANIES", 10000), G_MAXUINT);
  limits->max_periods = MIN (env_size ("BURNRATE_MAX_PERIODS", 10000), G_MAXUINT);
  limits->max_sources = MIN (env_size ("BURNRATE_MAX_SOURCES", 100000), G_MAXUINT);
  limits->max_problems = MIN (env_size ("BURNRATE_MAX_PROBLEMS", 100), G_MAXUINT);
}

void
br_problem_free (BrProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->file);
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * br_problem_to_string:
 *
 * Returns: the problem as `FILE:LINE:COLUMN: JSON-PATH: message`
 */
char *
br_problem_to_string (const BrProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->path == NULL)
    return g_strdup_printf ("%s:%u:%u: %s", problem->file, problem->line, problem->column,
                            problem->message);

  return g_strdup_printf ("%s:%u:%u: %s: %s", problem->file, problem->line, problem->column,
                          problem->path, problem->message);
}

static BrProblem *
problem_new (const char *file,
             guint       line,
             guint       column,
             const char *path,
             const char *message)
{
  BrProblem *problem = g_new0 (BrProblem, 1);

  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = column;
  problem->path = g_strdup (path);
  problem->message = g_strdup (message);

  return problem;
}

/* Paths */

static Mark
push_member (Loader     *l,
             const char *name)
{
  Mark mark = l->path->len;

  _br_json_path_append_member (l->path, name);
  return mark;
}

static Mark
push_index (Loader *l,
            guint   index)
{
  Mark mark = l->path->len;

  g_string_append_printf (l->path, "[%u]", index);
  return mark;
}

static void
pop (Loader *l,
     Mark    mark)
{
  g_string_truncate (l->path, mark);
}

static void report (Loader     *l,
                    const char *member,
                    const char *format,
                    ...) G_GNUC_PRINTF (3, 4);

/* Records a fault at the current path, or at its @member if not NULL. */
static void
report (Loader     *l,
        const char *member,
        const char *format,
        ...)
{
  Fault *fault;
  va_list args;
  Mark mark = l->path->len;

  if (l->n_faults++ >= l->limits->max_problems)
    return;

  if (member != NULL)
    _br_json_path_append_member (l->path, member);

  fault = g_new0 (Fault, 1);
  fault->path = g_strdup (l->path->str);
  va_start (args, format);
  fault->message = g_strdup_vprintf (g_dgettext (GETTEXT_PACKAGE, format), args);
  va_end (args);
  g_ptr_array_add (l->faults, fault);

  pop (l, mark);
}

/* Reading members */

static const char *
node_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return "a string";
        if (type == G_TYPE_BOOLEAN)
          return "true or false";
        return "a number";
      }
    }
}

static JsonNode *
member (Loader     *l,
        JsonObject *object,
        const char *name,
        gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && required)
    report (l, NULL, "missing member “%s”", name);

  return node;
}

static void
check_members (Loader      *l,
               JsonObject  *object,
               const char **allowed)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      gboolean known = FALSE;

      for (guint i = 0; allowed[i] != NULL && !known; i++)
        known = strcmp (allowed[i], name) == 0;

      if (!known)
        {
          g_autofree char *quoted = _br_json_quote (name);

          report (l, name, "unknown member %s", quoted);
        }
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
get_string (Loader      *l,
            JsonObject  *object,
            const char  *name,
            gboolean     required,
            const char **out)
{
  JsonNode *node = member (l, object, name, required);

  *out = NULL;
  if (node == NULL)
    return FALSE;

  if (!is_string (node))
    {
      report (l, name, "must be a string, not %s", node_type_name (node));
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_number (Loader     *l,
            JsonObject *object,
            const char *name,
            gboolean    required,
            double     *out)
{
  JsonNode *node = member (l, object, name, required);

  if (node == NULL)
    return FALSE;

  if (!is_number (node))
    {
      report (l, name, "must be a number, not %s", node_type_name (node));
      return FALSE;
    }

  *out = json_node_get_double (node);
  if (!isfinite (*out))
    {
      report (l, name, "must be a finite number");
      return FALSE;
    }

  return TRUE;
}

static JsonArray *
get_array (Loader     *l,
           JsonObject *object,
           const char *name,
           gboolean    required)
{
  JsonNode *node = member (l, object, name, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (l, name, "must be an array, not %s", node_type_name (node));
      return NULL;
    }

  return json_node_get_array (node);
}

/* Returns the object at index @i of @array, or reports what it is instead. */
static JsonObject *
element_object (Loader    *l,
                JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (l, NULL, "must be an object, not %s", node_type_name (node));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > 64 || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("-_.", *p) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
get_id (Loader      *l,
        JsonObject  *object,
        const char  *name,
        const char **out)
{
  if (!get_string (l, object, name, TRUE, out))
    return FALSE;

  if (!valid_id (*out))
    {
      g_autofree char *quoted = _br_json_quote (*out);

      report (l, name, "%s is not a valid id: use 1 to 64 letters, digits, “-”, “_” and "
              "“.”, starting with a letter or digit", quoted);
      *out = NULL;
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_text (Loader     *l,
          JsonObject *object,
          const char *name,
          gboolean    required,
          BrText     *out)
{
  const char *languages[BR_N_LANGUAGES + 1] = { NULL };
  JsonNode *node = member (l, object, name, required);
  JsonObject *translations;
  Mark mark;

  memset (out, 0, sizeof *out);
  if (node == NULL)
    return FALSE;

  if (is_string (node))
    {
      out->en = _br_dataset_intern (l->ds, json_node_get_string (node));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (l, name, "must be a string or an object of translations, not %s",
              node_type_name (node));
      return FALSE;
    }

  mark = push_member (l, name);
  translations = json_node_get_object (node);
  for (BrLanguage i = 0; i < BR_N_LANGUAGES; i++)
    languages[i] = br_language_to_string (i);
  check_members (l, translations, languages);
  for (BrLanguage i = 0; i < BR_N_LANGUAGES; i++)
    {
      const char *text;

      if (get_string (l, translations, languages[i], i == BR_LANGUAGE_EN, &text))
        out->in[i] = _br_dataset_intern (l->ds, text);
    }
  pop (l, mark);

  return out->en != NULL;
}

static gboolean
parse_date (const char *str,
            GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);

  if (strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
        return FALSE;
    }

  year = atoi (str);
  month = atoi (str + 5);
  day = atoi (str + 8);

  if (year < 1900 || year > 2200 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
get_date (Loader     *l,
          JsonObject *object,
          const char *name,
          gboolean    required,
          GDate      *out)
{
  const char *str;

  g_date_clear (out, 1);
  if (!get_string (l, object, name, required, &str))
    return FALSE;

  if (!parse_date (str, out))
    {
      g_autofree char *quoted = _br_json_quote (str);

      report (l, name, "%s is not a date: write “YYYY-MM-DD”, between 1900 and 2200", quoted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_enum (Loader      *l,
          JsonObject  *object,
          const char  *name,
          gboolean     required,
          const char **names,
          guint       *out)
{
  g_autoptr(GString) choices = NULL;
  g_autofree char *quoted = NULL;
  const char *str;

  if (!get_string (l, object, name, required, &str))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  choices = g_string_new (NULL);
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (choices, "%s“%s”", i > 0 ? ", " : "", names[i]);

  quoted = _br_json_quote (str);
  report (l, name, "unknown %s %s: use one of %s", name, quoted, choices->str);
  return FALSE;
}

static gboolean
get_currency (Loader     *l,
              JsonObject *object,
              const char *name,
              BrCurrency *out)
{
  const char *str;

  memset (out, 0, sizeof *out);
  if (!get_string (l, object, name, TRUE, &str))
    return FALSE;

  if (!br_currency_is_known (str))
    {
      g_autofree char *quoted = _br_json_quote (str);

      report (l, name, "unknown currency %s: use an ISO 4217 code (CNY, USD, HKD, EUR, JPY, "
              "KRW, TWD, GBP)", quoted);
      return FALSE;
    }

  g_strlcpy (out->code, str, sizeof out->code);

  for (guint i = 0; i < l->currencies->len; i++)
    {
      if (strcmp (g_ptr_array_index (l->currencies, i), out->code) == 0)
        return TRUE;
    }
  g_ptr_array_add (l->currencies, _br_dataset_intern (l->ds, out->code));

  return TRUE;
}

static gboolean
get_source (Loader          *l,
            JsonObject      *object,
            const BrSource **out)
{
  const char *id;

  *out = NULL;
  if (!get_string (l, object, "source", TRUE, &id))
    return FALSE;

  *out = br_dataset_lookup_source (l->ds, id);
  if (*out == NULL)
    {
      g_autofree char *quoted = _br_json_quote (id);

      report (l, "source", "no source has the id %s; add it to “sources”", quoted);
      return FALSE;
    }

  return TRUE;
}

/* Reads value, currency and scale. */
static gboolean
get_amount (Loader     *l,
            JsonObject *object,
            BrAmount   *out)
{
  static const char *scales[] = {
    "one", "thousand", "wan", "million", "yi", "billion", "trillion", NULL
  };
  gboolean ok = TRUE;
  guint scale = 0;

  memset (out, 0, sizeof *out);
  ok &= get_number (l, object, "value", TRUE, &out->value);
  ok &= get_currency (l, object, "currency", &out->currency);
  ok &= get_enum (l, object, "scale", TRUE, scales, &scale);
  out->scale = scale;

  return ok;
}

/* Sections */

typedef void (*ReadObjectFunc) (Loader     *l,
                                JsonObject *object,
                                guint       index,
                                gpointer    data);

/* Reads the first @n elements of the array @name with @read, the path set to each
 * element; an element that is not an object is reported and passed over. */
static void
read_objects (Loader         *l,
              const char     *name,
              JsonArray      *array,
              guint           n,
              ReadObjectFunc  read,
              gpointer        data)
{
  Mark mark = push_member (l, name);

  for (guint i = 0; i < n; i++)
    {
      Mark item = push_index (l, i);
      JsonObject *object = element_object (l, array, i);

      if (object != NULL)
        read (l, object, i, data);
      pop (l, item);
    }

  pop (l, mark);
}

static void
read_source (Loader     *l,
             JsonObject *object,
             guint       index,
             gpointer    data)
{
  static const char *allowed[] = { "id", "title", "publisher", "date", "url", NULL };
  BrSource *source = &l->ds->sources[l->ds->n_sources];
  const char *id, *publisher, *url;

  check_members (l, object, allowed);
  get_text (l, object, "title", TRUE, &source->title);
  if (get_string (l, object, "publisher", TRUE, &publisher))
    source->publisher = _br_dataset_intern (l->ds, publisher);
  get_date (l, object, "date", TRUE, &source->date);
  if (get_string (l, object, "url", FALSE, &url))
    {
      if (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
        report (l, "url", "must be an http:// or https:// address");
      else
        source->url = _br_dataset_intern (l->ds, url);
    }

  if (!get_id (l, object, "id", &id))
    return;

  if (br_dataset_lookup_source (l->ds, id) != NULL)
    {
      g_autofree char *quoted = _br_json_quote (id);

      report (l, "id", "duplicate source id %s", quoted);
      return;
    }

  source->id = _br_dataset_intern (l->ds, id);
  g_hash_table_insert (l->ds->source_index, source->id, source);
  l->ds->n_sources++;
}

static void
read_sources (Loader     *l,
              JsonObject *root)
{
  JsonArray *array;
  guint n;

  if ((array = get_array (l, root, "sources", TRUE)) == NULL)
    return;

  n = json_array_get_length (array);
  if (n == 0)
    report (l, "sources", "a dataset needs at least one source");
  else if (n > l->limits->max_sources)
    {
      report (l, "sources", "%u sources, over the limit of %u; set BURNRATE_MAX_SOURCES to "
              "raise it", n, l->limits->max_sources);
      n = 0;
    }

  l->ds->sources = g_new0 (BrSource, n);
  read_objects (l, "sources", array, n, read_source, NULL);
}

static void
read_rate (Loader     *l,
           JsonObject *object,
           guint       index,
           gpointer    data)
{
  static const char *allowed[] = { "base", "quote", "rate", "kind", "year", "date", "source",
                                   NULL };
  static const char *kinds[] = { "annual-average", "spot", NULL };
  BrFxRate rate = { { { 0 } } };
  gboolean ok = TRUE;
  guint kind = 0;
  double year = 0;

  g_date_clear (&rate.date, 1);
  check_members (l, object, allowed);
  ok &= get_currency (l, object, "base", &rate.base);
  ok &= get_currency (l, object, "quote", &rate.quote);
  if (ok && br_currency_equal (&rate.base, &rate.quote))
    {
      report (l, "quote", "base and quote are the same currency");
      ok = FALSE;
    }
  if (get_number (l, object, "rate", TRUE, &rate.rate) && rate.rate <= 0)
    {
      report (l, "rate", "must be greater than 0");
      ok = FALSE;
    }
  ok &= get_enum (l, object, "kind", TRUE, kinds, &kind);
  rate.kind = kind;

  if (ok && rate.kind == BR_FX_ANNUAL_AVERAGE)
    {
      if (!get_number (l, object, "year", TRUE, &year))
        ok = FALSE;
      else if (year != floor (year) || year < 1900 || year > 2200)
        {
          report (l, "year", "must be a year between 1900 and 2200");
          ok = FALSE;
        }
      else
        {
          /* converted only once in range: a double out of int's range is undefined */
          rate.year = (int)year;
        }
    }
  else if (ok)
    {
      ok &= get_date (l, object, "date", TRUE, &rate.date);
    }
  ok &= get_source (l, object, &rate.source);

  if (ok)
    l->ds->fx_rates[l->ds->n_fx_rates++] = rate;
}

static void
read_fx (Loader     *l,
         JsonObject *root)
{
  JsonArray *array;
  guint n;

  if ((array = get_array (l, root, "fx", FALSE)) == NULL)
    return;

  n = json_array_get_length (array);
  if (n > l->limits->max_sources)
    {
      report (l, "fx", "%u exchange rates, over the limit of %u; set BURNRATE_MAX_SOURCES to "
              "raise it", n, l->limits->max_sources);
      n = 0;
    }
  l->ds->fx_rates = g_new0 (BrFxRate, n);
  read_objects (l, "fx", array, n, read_rate, NULL);
  _br_dataset_index_fx (l->ds);
}

static guint
days_between (const GDate *start,
              const GDate *end)
{
  return g_date_get_julian (end) - g_date_get_julian (start) + 1;
}

static void
check_period_length (Loader         *l,
                     const BrPeriod *period)
{
  static const guint bounds[][2] = { { 350, 380 }, { 175, 190 }, { 85, 95 } };
  guint days = days_between (&period->start, &period->end);

  if (days < bounds[period->kind][0] || days > bounds[period->kind][1])
    report (l, "end", "a %s lasts %u to %u days, this one %u; check its kind and dates",
            br_period_kind_to_string (period->kind), bounds[period->kind][0],
            bounds[period->kind][1], days);
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  const BrPeriod *pa = ((const PeriodRef *)a)->period;
  const BrPeriod *pb = ((const PeriodRef *)b)->period;

  if (pa->kind != pb->kind)
    return pa->kind < pb->kind ? -1 : 1;
  return g_date_compare (&pa->start, &pb->start);
}

/* Periods of one kind must not overlap: sorted by kind and start, only neighbours can. */
static void
check_overlaps (Loader *l,
                GArray *refs)
{
  g_array_sort (refs, compare_refs);

  for (guint i = 1; i < refs->len; i++)
    {
      const PeriodRef *a = &g_array_index (refs, PeriodRef, i - 1);
      const PeriodRef *b = &g_array_index (refs, PeriodRef, i);

      if (a->period->kind == b->period->kind && br_period_overlaps (a->period, b->period))
        {
          g_autofree char *quoted = _br_json_quote (a->period->id);
          Mark item = push_index (l, b->index);

          report (l, "start", "overlaps period %s of the same kind", quoted);
          pop (l, item);
        }
    }
}

typedef struct
{
  BrCompany *company;
  GArray    *refs;      /* PeriodRef */
} PeriodsRead;

static void
read_period (Loader     *l,
             JsonObject *object,
             guint       index,
             gpointer    data)
{
  static const char *allowed[] = { "id", "kind", "start", "end", "label", NULL };
  static const char *kinds[] = { "fiscal-year", "half-year", "quarter", NULL };
  PeriodsRead *read = data;
  BrCompany *company = read->company;
  BrPeriod *period = &company->periods[company->n_periods];
  PeriodRef ref = { period, index };
  gboolean ok = TRUE;
  const char *id;
  guint kind = 0;

  check_members (l, object, allowed);
  ok &= get_id (l, object, "id", &id);
  ok &= get_enum (l, object, "kind", TRUE, kinds, &kind);
  ok &= get_date (l, object, "start", TRUE, &period->start);
  ok &= get_date (l, object, "end", TRUE, &period->end);
  get_text (l, object, "label", FALSE, &period->label);
  period->kind = kind;

  if (ok && g_hash_table_contains (l->period_ids, id))
    {
      g_autofree char *quoted = _br_json_quote (id);

      report (l, "id", "duplicate period id %s", quoted);
      ok = FALSE;
    }

  if (ok && g_date_compare (&period->end, &period->start) <= 0)
    {
      report (l, "end", "the period ends before it starts");
      ok = FALSE;
    }
  else if (ok)
    {
      check_period_length (l, period);
    }

  if (!ok)
    {
      memset (period, 0, sizeof *period);
      return;
    }

  period->id = _br_dataset_intern (l->ds, id);
  g_hash_table_insert (l->period_ids, period->id, period);
  g_array_append_val (read->refs, ref);
  company->n_periods++;
}

static void
read_periods (Loader     *l,
              JsonObject *object,
              BrCompany  *company)
{
  g_autoptr(GArray) refs = NULL;
  PeriodsRead read = { company };
  JsonArray *array;
  Mark mark;
  guint n;

  if ((array = get_array (l, object, "periods", TRUE)) == NULL)
    return;

  n = json_array_get_length (array);
  if (n > l->limits->max_periods)
    {
      report (l, "periods", "%u periods, over the limit of %u; set BURNRATE_MAX_PERIODS to "
              "raise it", n, l->limits->max_periods);
      n = 0;
    }
  company->periods = g_new0 (BrPeriod, n);
  refs = g_array_sized_new (FALSE, FALSE, sizeof (PeriodRef), n);
  read.refs = refs;
  read_objects (l, "periods", array, n, read_period, &read);

  mark = push_member (l, "periods");
  check_overlaps (l, refs);
  pop (l, mark);
}

static const BrPeriod *
get_period (Loader          *l,
            JsonObject      *object,
            const BrCompany *company)
{
  const BrPeriod *period;
  const char *id;

  if (!get_string (l, object, "period", TRUE, &id))
    return NULL;

  if ((period = g_hash_table_lookup (l->period_ids, id)) == NULL)
    {
      g_autofree char *quoted = _br_json_quote (id);

      report (l, "period", "the company has no period %s; add it to its “periods”", quoted);
    }

  return period;
}

/* Records that the company has @what (a metric, or BR_N_METRICS for customer shares)
 * for @period; returns FALSE if it already had. */
static gboolean
mark_seen (Loader          *l,
           const BrCompany *company,
           const BrPeriod  *period,
           guint            what)
{
  gsize key = (gsize)(period - company->periods) * (BR_N_METRICS + 1) + what + 1;

  return g_hash_table_add (l->seen, GSIZE_TO_POINTER (key));
}

static gboolean
read_liquid_flag (Loader     *l,
                  JsonObject *object,
                  BrFigure   *figure)
{
  JsonNode *node = member (l, object, "liquid_investments", FALSE);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      report (l, "liquid_investments", "must be true or false, not %s", node_type_name (node));
      return FALSE;
    }

  if (figure->metric != BR_METRIC_CASH)
    {
      report (l, "liquid_investments", "only a cash figure can count short-term investments");
      return FALSE;
    }

  figure->liquid_investments = json_node_get_boolean (node);
  return TRUE;
}

static void
read_figure (Loader     *l,
             JsonObject *object,
             guint       index,
             gpointer    data)
{
  static const char *allowed[] = { "period", "metric", "value", "currency", "scale", "status",
                                   "source", "note", "liquid_investments", NULL };
  static const char *metrics[] = { "revenue", "net_income_attributable", "net_income_total",
                                   "rnd_expense", "rnd_investment", "cash",
                                   "operating_cash_flow", "capex", NULL };
  static const char *statuses[] = { "audited", "unaudited", "flash", NULL };
  BrCompany *company = data;
  BrFigure figure = { 0 };
  gboolean ok = TRUE;
  guint metric = 0;
  guint status = BR_STATUS_AUDITED;

  check_members (l, object, allowed);
  ok &= (figure.period = get_period (l, object, company)) != NULL;
  ok &= get_enum (l, object, "metric", TRUE, metrics, &metric);
  ok &= get_amount (l, object, &figure.amount);
  if (json_object_has_member (object, "status"))
    ok &= get_enum (l, object, "status", FALSE, statuses, &status);
  ok &= get_source (l, object, &figure.source);
  get_text (l, object, "note", FALSE, &figure.note);
  figure.metric = metric;
  figure.status = status;
  ok &= read_liquid_flag (l, object, &figure);

  if (ok && figure.amount.value < 0 &&
      (figure.metric == BR_METRIC_REVENUE || figure.metric == BR_METRIC_RND_EXPENSE ||
       figure.metric == BR_METRIC_RND_INVESTMENT || figure.metric == BR_METRIC_CASH ||
       figure.metric == BR_METRIC_CAPEX))
    {
      report (l, "value", "%s cannot be negative; only net income and operating cash flow can",
              br_metric_to_string (figure.metric));
      ok = FALSE;
    }

  if (ok && !mark_seen (l, company, figure.period, figure.metric))
    {
      report (l, NULL, "a second %s figure for period “%s”", br_metric_to_string (figure.metric),
              figure.period->id);
      ok = FALSE;
    }

  if (ok)
    company->figures[company->n_figures++] = figure;
}

static void
read_figures (Loader     *l,
              JsonObject *object,
              BrCompany  *company)
{
  JsonArray *array;
  guint n;

  if ((array = get_array (l, object, "figures", FALSE)) == NULL)
    return;

  n = json_array_get_length (array);
  company->figures = g_new0 (BrFigure, n);
  read_objects (l, "figures", array, n, read_figure, company);
}

static gboolean
get_share (Loader     *l,
           JsonObject *object,
           const char *name,
           double     *out)
{
  if (!get_number (l, object, name, TRUE, out))
    return FALSE;

  if (*out < 0)
    {
      report (l, name, "a share cannot be negative");
      return FALSE;
    }

  if (*out > 100)
    {
      report (l, name, "a share cannot be above 100 %%; write percent, 0 to 100");
      return FALSE;
    }

  return TRUE;
}

static void
read_customer (Loader     *l,
               JsonObject *object,
               guint       index,
               gpointer    data)
{
  static const char *allowed[] = { "name", "share", NULL };
  BrConcentration *concentration = data;
  BrCustomer customer = { 0 };

  check_members (l, object, allowed);
  if (get_text (l, object, "name", TRUE, &customer.name) &&
      get_share (l, object, "share", &customer.share))
    concentration->customers[concentration->n_customers++] = customer;
}

static void
read_customers (Loader          *l,
                JsonObject      *object,
                BrConcentration *concentration)
{
  JsonArray *array;
  double sum = 0;
  guint n;

  if ((array = get_array (l, object, "customers", FALSE)) == NULL)
    return;

  /* a top five names at most five; a thousand is already generous */
  n = MIN (json_array_get_length (array), 1000);
  concentration->customers = g_new0 (BrCustomer, n);
  read_objects (l, "customers", array, n, read_customer, concentration);

  for (guint i = 0; i < concentration->n_customers; i++)
    sum += concentration->customers[i].share;

  if (sum > concentration->top5_share + 0.05)
    report (l, "customers", "the named customers add up to %.2f %%, more than top5_share "
            "(%.2f %%)", sum, concentration->top5_share);
}

static void
read_concentration (Loader     *l,
                    JsonObject *object,
                    guint       index,
                    gpointer    data)
{
  static const char *allowed[] = { "period", "top5_share", "bound", "customers", "source",
                                   NULL };
  static const char *bounds[] = { "exact", "at-least", "more-than", NULL };
  BrCompany *company = data;
  BrConcentration c = { 0 };
  gboolean ok = TRUE;
  guint bound = BR_BOUND_EXACT;

  check_members (l, object, allowed);
  ok &= (c.period = get_period (l, object, company)) != NULL;
  ok &= get_share (l, object, "top5_share", &c.top5_share);
  if (json_object_has_member (object, "bound"))
    ok &= get_enum (l, object, "bound", FALSE, bounds, &bound);
  ok &= get_source (l, object, &c.source);
  c.bound = bound;
  if (ok)
    read_customers (l, object, &c);

  if (ok && !mark_seen (l, company, c.period, BR_N_METRICS))
    {
      report (l, "period", "a second customer entry for period “%s”", c.period->id);
      ok = FALSE;
    }

  if (ok)
    company->concentrations[company->n_concentrations++] = c;
  else
    g_free (c.customers);
}

static void
read_concentrations (Loader     *l,
                     JsonObject *object,
                     BrCompany  *company)
{
  JsonArray *array;
  guint n;

  if ((array = get_array (l, object, "customers", FALSE)) == NULL)
    return;

  n = json_array_get_length (array);
  company->concentrations = g_new0 (BrConcentration, n);
  read_objects (l, "customers", array, n, read_concentration, company);
}

static void
read_market_cap (Loader     *l,
                 JsonObject *object,
                 guint       index,
                 gpointer    data)
{
  static const char *allowed[] = { "date", "value", "currency", "scale", "basis", "label",
                                   "source", NULL };
  static const char *bases[] = { "close", "intraday", "ipo-first-day-close", "private-round",
                                 NULL };
  BrCompany *company = data;
  BrMarketCap cap = { { 0 } };
  gboolean ok = TRUE;
  guint basis = BR_CAP_CLOSE;

  check_members (l, object, allowed);
  ok &= get_date (l, object, "date", TRUE, &cap.date);
  ok &= get_amount (l, object, &cap.amount);
  if (json_object_has_member (object, "basis"))
    ok &= get_enum (l, object, "basis", FALSE, bases, &basis);
  get_text (l, object, "label", FALSE, &cap.label);
  ok &= get_source (l, object, &cap.source);
  cap.basis = basis;

  if (ok && cap.amount.value <= 0)
    {
      report (l, "value", "a market capitalisation must be greater than 0");
      ok = FALSE;
    }

  if (ok)
    company->market_caps[company->n_market_caps++] = cap;
}

static void
read_market_caps (Loader     *l,
                  JsonObject *object,
                  BrCompany  *company)
{
  JsonArray *array;
  guint n;

  if ((array = get_array (l, object, "market_caps", FALSE)) == NULL)
    return;

  n = json_array_get_length (array);
  company->market_caps = g_new0 (BrMarketCap, n);
  read_objects (l, "market_caps", array, n, read_market_cap, company);
}

/* Reads "gross" and "net": at least one, each above 0, net not above gross. */
static gboolean
read_raise_amounts (Loader     *l,
                    JsonObject *object,
                    BrRaise    *raise)
{
  static const char *names[] = { "gross", "net" };
  gboolean *present[] = { &raise->has_gross, &raise->has_net };
  double *values[] = { &raise->gross, &raise->net };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (!json_object_has_member (object, names[i]))
        continue;
      if (!get_number (l, object, names[i], TRUE, values[i]))
        ok = FALSE;
      else if (*values[i] <= 0)
        {
          report (l, names[i], "an amount raised must be greater than 0");
          ok = FALSE;
        }
      else
        *present[i] = TRUE;
    }

  if (ok && !raise->has_gross && !raise->has_net)
    {
      report (l, NULL, "a raise needs “gross”, “net” or both");
      ok = FALSE;
    }

  if (ok && raise->has_gross && raise->has_net && raise->net > raise->gross)
    {
      report (l, "net", "the net proceeds (%g) cannot exceed the gross (%g)", raise->net,
              raise->gross);
      ok = FALSE;
    }

  return ok;
}

static void
read_raise (Loader     *l,
            JsonObject *object,
            guint       index,
            gpointer    data)
{
  static const char *allowed[] = { "date", "kind", "gross", "net", "currency", "scale",
                                   "label", "note", "source", NULL };
  static const char *kinds[] = { "private", "ipo", "placement", "debt", NULL };
  static const char *scales[] = {
    "one", "thousand", "wan", "million", "yi", "billion", "trillion", NULL
  };
  BrCompany *company = data;
  BrRaise raise = { { 0 } };
  gboolean ok = TRUE;
  guint kind = 0, scale = 0;

  check_members (l, object, allowed);
  ok &= get_date (l, object, "date", TRUE, &raise.date);
  ok &= get_enum (l, object, "kind", TRUE, kinds, &kind);
  ok &= read_raise_amounts (l, object, &raise);
  ok &= get_currency (l, object, "currency", &raise.currency);
  ok &= get_enum (l, object, "scale", TRUE, scales, &scale);
  get_text (l, object, "label", FALSE, &raise.label);
  get_text (l, object, "note", FALSE, &raise.note);
  ok &= get_source (l, object, &raise.source);
  raise.kind = kind;
  raise.scale = scale;

  if (ok)
    company->raises[company->n_raises++] = raise;
}

static void
read_raises (Loader     *l,
             JsonObject *object,
             BrCompany  *company)
{
  JsonArray *array;
  guint n;

  if ((array = get_array (l, object, "raises", FALSE)) == NULL)
    return;

  n = json_array_get_length (array);
  company->raises = g_new0 (BrRaise, n);
  read_objects (l, "raises", array, n, read_raise, company);
}

static void
read_guidance_item (Loader     *l,
                    JsonObject *object,
                    guint       index,
                    gpointer    data)
{
  static const char *allowed[] = { "date", "text", "target_year", "source", NULL };
  BrCompany *company = data;
  BrGuidance guidance = { { 0 } };
  gboolean ok = TRUE;
  double year = 0;

  check_members (l, object, allowed);
  ok &= get_date (l, object, "date", TRUE, &guidance.date);
  ok &= get_text (l, object, "text", TRUE, &guidance.text);
  if (json_object_has_member (object, "target_year") &&
      get_number (l, object, "target_year", TRUE, &year))
    {
      if (year != floor (year) || year < 1900 || year > 2200)
        {
          report (l, "target_year", "must be a whole year from 1900 to 2200");
          ok = FALSE;
        }
      guidance.target_year = (int) year;
    }
  ok &= get_source (l, object, &guidance.source);

  if (ok)
    company->guidance[company->n_guidance++] = guidance;
}

static void
read_guidance (Loader     *l,
               JsonObject *object,
               BrCompany  *company)
{
  JsonArray *array;
  guint n;

  if ((array = get_array (l, object, "guidance", FALSE)) == NULL)
    return;

  n = json_array_get_length (array);
  company->guidance = g_new0 (BrGuidance, n);
  read_objects (l, "guidance", array, n, read_guidance_item, company);
}

static void
read_ipo (Loader     *l,
          JsonObject *object,
          BrCompany  *company)
{
  static const char *allowed[] = { "date", "price", "currency", "source", NULL };
  JsonNode *node = member (l, object, "ipo", FALSE);
  JsonObject *ipo;
  gboolean ok = TRUE;
  Mark mark;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (l, "ipo", "must be an object, not %s", node_type_name (node));
      return;
    }

  mark = push_member (l, "ipo");
  ipo = json_node_get_object (node);
  check_members (l, ipo, allowed);
  ok &= get_date (l, ipo, "date", TRUE, &company->ipo.date);
  if (get_number (l, ipo, "price", TRUE, &company->ipo.price) && company->ipo.price <= 0)
    {
      report (l, "price", "must be greater than 0");
      ok = FALSE;
    }
  ok &= get_currency (l, ipo, "currency", &company->ipo.currency);
  ok &= get_source (l, ipo, &company->ipo.source);
  company->ipo.present = ok;
  pop (l, mark);
}

static void
read_color (Loader     *l,
            JsonObject *object,
            BrCompany  *company)
{
  const char *str;
  char *end = NULL;

  if (!get_string (l, object, "color", FALSE, &str))
    return;

  if (strlen (str) == 7 && str[0] == '#')
    {
      company->color = strtoul (str + 1, &end, 16);
      company->has_color = end == str + 7;
    }

  if (!company->has_color)
    report (l, "color", "must be a colour written “#rrggbb”");
}

static void
read_company (Loader     *l,
              JsonObject *object,
              BrCompany  *company)
{
  static const char *allowed[] = { "id", "name", "ticker", "exchange", "role", "color", "ipo",
                                   "periods", "figures", "customers", "market_caps", "raises",
                                   "guidance", NULL };
  static const char *roles[] = { "challenger", "benchmark", NULL };
  const char *ticker, *exchange;
  guint role = BR_ROLE_CHALLENGER;

  g_hash_table_remove_all (l->period_ids);
  g_hash_table_remove_all (l->seen);
  check_members (l, object, allowed);
  get_text (l, object, "name", TRUE, &company->name);
  if (get_string (l, object, "ticker", FALSE, &ticker))
    company->ticker = _br_dataset_intern (l->ds, ticker);
  if (get_string (l, object, "exchange", FALSE, &exchange))
    company->exchange = _br_dataset_intern (l->ds, exchange);
  if (json_object_has_member (object, "role"))
    get_enum (l, object, "role", FALSE, roles, &role);
  company->role = role;
  read_color (l, object, company);
  read_ipo (l, object, company);
  read_periods (l, object, company);
  read_figures (l, object, company);
  read_concentrations (l, object, company);
  read_market_caps (l, object, company);
  read_raises (l, object, company);
  read_guidance (l, object, company);
}

static const char *
json_type_name (char first)
{
  switch (first)
    {
    case '[':
      return _("an array");
    case '"':
      return _("a string");
    case 't':
    case 'f':
      return _("true or false");
    case 'n':
      return _("null");
    default:
      return _("a number");
    }
}

/* Companies are parsed one at a time from where the scanner found them, so that only
 * one company's tree is in memory at once, however large the file. */
static void
read_companies (Loader     *l,
                JsonObject *root)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GArray *spans = l->layout->company_spans;
  Mark mark;
  guint n;

  if (get_array (l, root, "companies", TRUE) == NULL)
    return;

  mark = push_member (l, "companies");
  n = spans->len;
  if (n == 0)
    report (l, NULL, "a dataset needs at least one company");
  else if (n > l->limits->max_companies)
    {
      report (l, NULL, "%u companies, over the limit of %u; set BURNRATE_MAX_COMPANIES to "
              "raise it", n, l->limits->max_companies);
      n = 0;
    }

  l->ds->companies = g_new0 (BrCompany, n);
  for (guint i = 0; i < n; i++)
    {
      const BrScanSpan *span = &g_array_index (spans, BrScanSpan, i);
      BrCompany *company = &l->ds->companies[l->ds->n_companies];
      Mark item = push_index (l, i);
      g_autoptr(GError) error = NULL;
      JsonObject *object;
      const char *id;

      if (l->data[span->start] != '{')
        {
          report (l, NULL, "must be an object, not %s", json_type_name (l->data[span->start]));
          pop (l, item);
          continue;
        }

      if (!json_parser_load_from_data (parser, l->data + span->start, span->end - span->start,
                                       &error))
        {
          report (l, NULL, "%s", error->message);
          pop (l, item);
          continue;
        }

      object = json_node_get_object (json_parser_get_root (parser));
      read_company (l, object, company);
      if (get_id (l, object, "id", &id) && br_dataset_lookup_company (l->ds, id) != NULL)
        {
          g_autofree char *quoted = _br_json_quote (id);

          report (l, "id", "duplicate company id %s", quoted);
        }
      else if (id != NULL)
        {
          company->id = _br_dataset_intern (l->ds, id);
          g_hash_table_insert (l->ds->company_index, company->id, company);
        }

      /* keep the company even when invalid: it is freed with the dataset */
      l->ds->n_companies++;
      pop (l, item);
    }

  pop (l, mark);
}

/* Every amount must convert into every other currency the dataset uses. */
static void
check_fx_coverage (Loader *l)
{
  for (guint c = 0; c < l->ds->n_companies; c++)
    {
      const BrCompany *company = &l->ds->companies[c];

      for (guint i = 0; i < company->n_figures; i++)
        {
          const BrFigure *figure = &company->figures[i];
          GDate midpoint;

          br_period_midpoint (figure->period, &midpoint);
          for (guint k = 0; k < l->currencies->len; k++)
            {
              BrCurrency to = { { 0 } };

              g_strlcpy (to.code, g_ptr_array_index (l->currencies, k), sizeof to.code);
              if (br_currency_equal (&to, &figure->amount.currency) ||
                  br_dataset_find_rate (l->ds, &figure->amount.currency, &to, &midpoint,
                                        FALSE) != NULL)
                continue;

              g_string_printf (l->path, "$.companies[%u].figures[%u]", c, i);
              report (l, "currency", "no %s/%s rate for %d, the year holding the middle of "
                      "period “%s”: add an annual-average rate to “fx”",
                      figure->amount.currency.code, to.code, g_date_get_year (&midpoint),
                      figure->period->id);
            }
        }

      for (guint i = 0; i < company->n_market_caps; i++)
        {
          const BrMarketCap *cap = &company->market_caps[i];

          for (guint k = 0; k < l->currencies->len; k++)
            {
              BrCurrency to = { { 0 } };

              g_strlcpy (to.code, g_ptr_array_index (l->currencies, k), sizeof to.code);
              if (br_currency_equal (&to, &cap->amount.currency) ||
                  br_dataset_find_rate (l->ds, &cap->amount.currency, &to, &cap->date,
                                        TRUE) != NULL)
                continue;

              g_string_printf (l->path, "$.companies[%u].market_caps[%u]", c, i);
              report (l, "currency", "no %s/%s rate for %d-%02d-%02d: add a spot rate for "
                      "that day or an annual average for %d to “fx”",
                      cap->amount.currency.code, to.code, g_date_get_year (&cap->date),
                      g_date_get_month (&cap->date), g_date_get_day (&cap->date),
                      g_date_get_year (&cap->date));
            }
        }
    }

  g_string_assign (l->path, "$");
}

static void
read_root (Loader     *l,
           JsonObject *root)
{
  static const char *allowed[] = { "format", "version", "title", "description", "updated",
                                   "sources", "fx", "companies", NULL };
  const char *format;
  double version;

  if (get_string (l, root, "format", TRUE, &format) && strcmp (format, "burnrate-dataset") != 0)
    {
      report (l, "format", "must be “burnrate-dataset”");
      return;
    }

  if (get_number (l, root, "version", TRUE, &version) && version != 1)
    {
      report (l, "version", "this is version %g of the format; this Burnrate reads version 1",
              version);
      return;
    }

  if (l->n_faults > 0)
    return;

  check_members (l, root, allowed);
  get_text (l, root, "title", TRUE, &l->ds->title);
  get_text (l, root, "description", FALSE, &l->ds->description);
  get_date (l, root, "updated", TRUE, &l->ds->updated);
  read_sources (l, root);
  read_fx (l, root);
  read_companies (l, root);

  if (l->n_faults == 0)
    check_fx_coverage (l);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const BrProblem *pa = *(BrProblem * const *)a;
  const BrProblem *pb = *(BrProblem * const *)b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;

  /* the same place: a stable order, whatever the sort */
  if (g_strcmp0 (pa->path, pb->path) != 0)
    return g_strcmp0 (pa->path, pb->path);
  return g_strcmp0 (pa->message, pb->message);
}

/* Turns the faults' JSON paths into problems with lines and columns. */
static GPtrArray *
locate_faults (Loader     *l,
               const char *display_name,
               const char *data,
               gsize       length)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)br_problem_free);

  /* every ancestor too, for a member that is missing or a path that is not found */
  for (guint i = 0; i < l->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (l->faults, i);
      g_autofree char *path = g_strdup (fault->path);

      for (;;)
        {
          char *cut = MAX (strrchr (path, '.'), strrchr (path, '['));

          if (!g_hash_table_contains (wanted, path))
            g_hash_table_insert (wanted, g_strdup (path), g_new0 (BrScanPosition, 1));
          if (cut == NULL || cut == path)
            break;
          *cut = '\0';
        }
    }

  _br_json_scan_locate (data, length, wanted);

  for (guint i = 0; i < l->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (l->faults, i);
      g_autofree char *path = g_strdup (fault->path);
      BrScanPosition *position = NULL;

      for (;;)
        {
          char *cut = MAX (strrchr (path, '.'), strrchr (path, '['));

          position = g_hash_table_lookup (wanted, path);
          if ((position != NULL && position->line > 0) || cut == NULL || cut == path)
            break;
          *cut = '\0';
        }

      g_ptr_array_add (problems, problem_new (display_name,
                                              position ? MAX (position->line, 1) : 1,
                                              position ? MAX (position->column, 1) : 1,
                                              fault->path, fault->message));
    }

  g_ptr_array_sort (problems, compare_problems);

  return problems;
}

static void
fail_with_problems (GPtrArray  *problems,
                    guint       n_total,
                    const char *display_name,
                    GPtrArray **problems_out,
                    GError    **error)
{
  if (problems->len == 1)
    {
      g_autofree char *first = br_problem_to_string (g_ptr_array_index (problems, 0));

      g_set_error_literal (error, BR_LOADER_ERROR, BR_LOADER_ERROR_INVALID, first);
    }
  else
    {
      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s has %u problem", "%s has %u problems",
                                n_total),
                   display_name, n_total);
    }

  if (problems_out != NULL)
    *problems_out = g_ptr_array_ref (problems);
}

/**
 * br_dataset_load_bytes:
 * @bytes: the file's contents
 * @display_name: how to name the file in messages
 * @limits: (nullable): limits, or %NULL for br_limits_init_default()
 * @problems: (out) (optional) (element-type BrProblem): every problem found, with
 *   line and column, up to the limit; set only on failure
 * @error: the first problem, or a summary
 *
 * Reads a dataset, trusting nothing in it.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL if it has any problem
 */
BrDataset *
br_dataset_load_bytes (GBytes          *bytes,
                       const char      *display_name,
                       const BrLimits  *limits,
                       GPtrArray      **problems,
                       GError         **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(BrDataset) ds = NULL;
  g_autoptr(GString) skeleton = NULL;
  g_autoptr(GArray) spans = NULL;
  BrScanLayout layout = { 0 };
  BrScanLimits scan_limits;
  BrLimits default_limits;
  BrScanFault fault;
  const char *data;
  gsize length;
  Loader l = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  if (limits == NULL)
    {
      br_limits_init_default (&default_limits);
      limits = &default_limits;
    }

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  if (length > limits->max_file_size)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (limits->max_file_size,
                                                   G_FORMAT_SIZE_LONG_FORMAT);

      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_TOO_LARGE,
                   _("%s: %s, over the limit of %s; set BURNRATE_MAX_FILE_SIZE to raise it"),
                   display_name, size, limit);
      return NULL;
    }

  spans = g_array_new (FALSE, FALSE, sizeof (BrScanSpan));
  layout.company_spans = spans;
  scan_limits.depth = limits->max_depth;
  scan_limits.string = limits->max_string;
  scan_limits.array = limits->max_array;
  scan_limits.values = limits->max_values;
  if (!_br_json_scan_check (data, length, &scan_limits, &layout, &fault))
    {
      found = g_ptr_array_new_with_free_func ((GDestroyNotify)br_problem_free);
      g_ptr_array_add (found, problem_new (display_name, fault.line, fault.column, fault.path,
                                           fault.message));
      g_free (fault.path);
      g_free (fault.message);
      fail_with_problems (found, 1, display_name, problems, error);
      return NULL;
    }

  /* everything but the companies, which read_companies() parses one by one */
  skeleton = g_string_sized_new (layout.companies_end > 0 ? length - (layout.companies_end -
                                                                      layout.companies_start)
                                                        : length);
  if (layout.companies_end > 0)
    {
      g_string_append_len (skeleton, data, layout.companies_start);
      g_string_append (skeleton, "[]");
      g_string_append_len (skeleton, data + layout.companies_end, length - layout.companies_end);
    }
  else
    {
      g_string_append_len (skeleton, data, length);
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, skeleton->str, skeleton->len, &parse_error))
    {
      found = g_ptr_array_new_with_free_func ((GDestroyNotify)br_problem_free);
      g_ptr_array_add (found, problem_new (display_name, 1, 1, "$", parse_error->message));
      fail_with_problems (found, 1, display_name, problems, error);
      return NULL;
    }

  ds = _br_dataset_new (display_name);
  l.ds = ds;
  l.limits = limits;
  l.path = g_string_new ("$");
  l.faults = g_ptr_array_new_with_free_func ((GDestroyNotify)fault_free);
  l.currencies = g_ptr_array_new ();
  l.period_ids = g_hash_table_new (g_str_hash, g_str_equal);
  l.seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  l.data = data;
  l.layout = &layout;

  read_root (&l, json_node_get_object (json_parser_get_root (parser)));

  if (l.n_faults > 0)
    {
      found = locate_faults (&l, display_name, data, length);
      fail_with_problems (found, l.n_faults, display_name, problems, error);
      g_clear_object (&ds);
    }

  g_string_free (l.path, TRUE);
  g_ptr_array_unref (l.faults);
  g_ptr_array_unref (l.currencies);
  g_hash_table_unref (l.period_ids);
  g_hash_table_unref (l.seen);

  return g_steal_pointer (&ds);
}

/**
 * br_dataset_load_file:
 *
 * Like br_dataset_load_bytes(), reading @file first; a file over the size limit is not
 * read at all.
 */
BrDataset *
br_dataset_load_file (GFile           *file,
                      const BrLimits  *limits,
                      GCancellable    *cancellable,
                      GPtrArray      **problems,
                      GError         **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  BrLimits default_limits;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (problems != NULL)
    *problems = NULL;

  if (limits == NULL)
    {
      br_limits_init_default (&default_limits);
      limits = &default_limits;
    }

  display_name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO, "%s: %s", display_name,
                   local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO,
                   _("%s: is a folder, not a dataset file"), display_name);
      return NULL;
    }

  if ((guint64)g_file_info_get_size (info) > limits->max_file_size)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info),
                                                  G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (limits->max_file_size,
                                                   G_FORMAT_SIZE_LONG_FORMAT);

      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_TOO_LARGE,
                   _("%s: %s, over the limit of %s; set BURNRATE_MAX_FILE_SIZE to raise it"),
                   display_name, size, limit);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, BR_LOADER_ERROR, BR_LOADER_ERROR_IO, "%s: %s", display_name,
                   local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return br_dataset_load_bytes (bytes, display_name, limits, problems, error);
}

/**
 * br_dataset_load_bundled:
 *
 * Loads the dataset compiled into the program.
 *
 * Returns: (transfer full): the bundled dataset
 */
BrDataset *
br_dataset_load_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (BR_BUNDLED_DATASET_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  /* TRANSLATORS: how messages and the window name the dataset compiled into the program */
  return br_dataset_load_bytes (bytes, _("china-gpu.json (bundled)"), NULL, NULL, error);
}
