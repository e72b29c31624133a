/* br-loader-schema.c: the dataset format, member by member
 *
 * What a dataset file must hold, read from its json-glib tree into a BrDataset: each
 * section's members, their types, ranges and cross-references. Faults go to the JSON
 * reader with their path; br-loader.c turns them into problems.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-loader"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "br-json-scan-private.h"
#include "br-loader-private.h"
#include "br-types-private.h"
#include "br-units.h"

typedef struct
{
  const BrPeriod *period;
  guint           index;      /* in the file's array */
} PeriodRef;

static void report (Loader     *l,
                    const char *member,
                    const char *format,
                    ...) G_GNUC_PRINTF (3, 4);

/* Records a fault at the current path, or at its @member if not NULL; report:3 is the
 * keyword xgettext extracts the validator's messages with. */
static void
report (Loader     *l,
        const char *member,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  _br_json_report_valist (l->json, member, format, args);
  va_end (args);
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

/* Code points that stay in the cluster of the character before them: combining marks,
 * joiners and what they join, emoji modifiers and tags */
static gboolean
extends_cluster (gunichar c,
                 gunichar previous)
{
  return g_unichar_ismark (c) || c == 0x200D || previous == 0x200D ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

/* Text a chart shows: a long cluster of code points drawn as one character costs the
 * shaper dearly, and no language needs more than a few. Its length is bounded by
 * BURNRATE_MAX_STRING. */
static gboolean
check_shown_text (Loader     *l,
                  const char *member,
                  const char *text)
{
  guint n = 0, cluster = 0, longest = 0;
  gunichar previous = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      cluster = n > 0 && extends_cluster (c, previous) ? cluster + 1 : 1;
      longest = MAX (longest, cluster);
      previous = c;
    }

  if (longest <= BR_MAX_CLUSTER_LENGTH)
    return TRUE;

  report (l, member, "a character followed by %u combining marks or joined characters, over "
          "the limit of %u", longest - 1, BR_MAX_CLUSTER_LENGTH - 1);
  return FALSE;
}

/* A string member shown as it is: publisher, ticker, exchange, address */
static gboolean
get_shown_string (Loader      *l,
                  JsonObject  *object,
                  const char  *name,
                  gboolean     required,
                  const char **out)
{
  if (!_br_json_get_string (l->json, object, name, required, out))
    return FALSE;

  if (!check_shown_text (l, name, *out))
    {
      *out = NULL;
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
  if (!_br_json_get_string (l->json, object, name, TRUE, out))
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
  JsonNode *node = _br_json_member (l->json, object, name, required);
  JsonObject *translations;
  BrJsonMark mark;

  memset (out, 0, sizeof *out);
  if (node == NULL)
    return FALSE;

  if (_br_json_is_string (node))
    {
      if (!check_shown_text (l, name, json_node_get_string (node)))
        return FALSE;
      out->en = _br_dataset_intern (l->ds, json_node_get_string (node));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (l, name, "must be a string or an object of translations, not %s",
              _br_json_node_type_name (node));
      return FALSE;
    }

  mark = _br_json_push_member (l->json, name);
  translations = json_node_get_object (node);
  for (BrLanguage i = 0; i < BR_N_LANGUAGES; i++)
    languages[i] = br_language_to_string (i);
  _br_json_check_members (l->json, translations, languages);
  for (BrLanguage i = 0; i < BR_N_LANGUAGES; i++)
    {
      const char *text;

      if (get_shown_string (l, translations, languages[i], i == BR_LANGUAGE_EN, &text))
        out->in[i] = _br_dataset_intern (l->ds, text);
    }
  _br_json_pop (l->json, mark);

  return out->en != NULL;
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
  if (!_br_json_get_string (l->json, object, name, required, &str))
    return FALSE;

  if (!br_date_parse_iso (str, out) || g_date_get_year (out) < 1900 ||
      g_date_get_year (out) > 2200)
    {
      g_date_clear (out, 1);
      g_autofree char *quoted = _br_json_quote (str);

      report (l, name, "%s is not a date: write “YYYY-MM-DD”, between 1900 and 2200", quoted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_currency (Loader     *l,
              JsonObject *object,
              const char *name,
              BrCurrency *out)
{
  const char *str;

  memset (out, 0, sizeof *out);
  if (!_br_json_get_string (l->json, object, name, TRUE, &str))
    return FALSE;

  if (!_br_currency_is_known (str))
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
  if (!_br_json_get_string (l->json, object, "source", TRUE, &id))
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

/* No company's figure comes near 10^16 units of its currency (Nvidia's market value in
 * won does not), nor is any but zero smaller than a cent: such a one is a mistake, and
 * would overflow the sums and the pixels of the charts, or vanish from them. */
static gboolean
check_magnitude (Loader     *l,
                 const char *member,
                 double      value,
                 BrScale     scale)
{
  double units = fabs (value) * br_scale_factor (scale);

  if (units > BR_MAX_AMOUNT)
    report (l, member, "beyond the largest amount a dataset may hold, 10^16 units of its "
            "currency; check the value and its scale");
  else if (units != 0 && units < BR_MIN_AMOUNT)
    report (l, member, "below the smallest amount a dataset may hold, a hundredth of a unit "
            "of its currency; check the value and its scale");
  else
    return TRUE;

  return FALSE;
}

/* Reads value, currency and scale. */
static gboolean
get_amount (Loader     *l,
            JsonObject *object,
            BrAmount   *out)
{
  gboolean ok = TRUE;
  guint scale = 0;

  memset (out, 0, sizeof *out);
  ok &= _br_json_get_number (l->json, object, "value", TRUE, &out->value);
  ok &= get_currency (l, object, "currency", &out->currency);
  ok &= _br_json_get_enum (l->json, object, "scale", TRUE, _br_scale_names, &scale);
  out->scale = scale;
  if (ok)
    ok = check_magnitude (l, "value", out->value, out->scale);

  return ok;
}

/* Returns @n, or 0 after reporting it when it is over @max, which @variable raises. */
static guint
within_limit (Loader     *l,
              const char *member,
              guint       n,
              guint       max,
              const char *variable)
{
  if (n <= max)
    return n;

  if (variable != NULL)
    report (l, member, "%u entries, over the limit of %u; set %s to raise it", n, max, variable);
  else
    report (l, member, "%u entries, over the limit of %u", n, max);

  return 0;
}

static void
read_source (gpointer    context,
             JsonObject *object,
             guint       index,
             gpointer    data)
{
  static const char * const allowed[] = { "id", "title", "publisher", "date", "url", NULL };
  Loader *l = context;
  BrSource *source = &l->ds->sources[l->ds->n_sources];
  const char *id, *publisher, *url;

  _br_json_check_members (l->json, object, allowed);
  get_text (l, object, "title", TRUE, &source->title);
  if (get_shown_string (l, object, "publisher", TRUE, &publisher))
    source->publisher = _br_dataset_intern (l->ds, publisher);
  get_date (l, object, "date", TRUE, &source->date);
  if (get_shown_string (l, object, "url", FALSE, &url))
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

  if ((array = _br_json_get_array (l->json, root, "sources", TRUE)) == NULL)
    return;

  n = json_array_get_length (array);
  if (n == 0)
    report (l, "sources", "a dataset needs at least one source");
  else
    n = within_limit (l, "sources", n, l->limits->max_sources, "BURNRATE_MAX_SOURCES");

  l->ds->sources = g_new0 (BrSource, n);
  _br_json_read_objects (l->json, "sources", array, n, read_source, l, NULL);
}

static void
read_rate (gpointer    context,
           JsonObject *object,
           guint       index,
           gpointer    data)
{
  static const char * const allowed[] = { "base", "quote", "rate", "kind", "year", "date", "source",
                                          NULL };
  Loader *l = context;
  BrFxRate rate = { { { 0 } } };
  gboolean ok = TRUE;
  guint kind = 0;
  double year = 0;

  g_date_clear (&rate.date, 1);
  _br_json_check_members (l->json, object, allowed);
  ok &= get_currency (l, object, "base", &rate.base);
  ok &= get_currency (l, object, "quote", &rate.quote);
  if (ok && br_currency_equal (&rate.base, &rate.quote))
    {
      report (l, "quote", "base and quote are the same currency");
      ok = FALSE;
    }
  if (_br_json_get_number (l->json, object, "rate", TRUE, &rate.rate) &&
      (rate.rate < 1e-6 || rate.rate > 1e6))
    {
      report (l, "rate", "must be from 0.000001 to 1000000");
      ok = FALSE;
    }
  ok &= _br_json_get_enum (l->json, object, "kind", TRUE, _br_fx_kind_names, &kind);
  rate.kind = kind;

  if (ok && rate.kind == BR_FX_ANNUAL_AVERAGE)
    {
      if (!_br_json_get_number (l->json, object, "year", TRUE, &year))
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

  if ((array = _br_json_get_array (l->json, root, "fx", FALSE)) == NULL)
    return;

  n = within_limit (l, "fx", json_array_get_length (array), l->limits->max_sources,
                    "BURNRATE_MAX_SOURCES");
  l->ds->fx_rates = g_new0 (BrFxRate, n);
  _br_json_read_objects (l->json, "fx", array, n, read_rate, l, NULL);
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
            _br_period_kind_to_string (period->kind), bounds[period->kind][0],
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

      if (a->period->kind == b->period->kind && _br_period_overlaps (a->period, b->period))
        {
          g_autofree char *quoted = _br_json_quote (a->period->id);
          BrJsonMark item = _br_json_push_index (l->json, b->index);

          report (l, "start", "overlaps period %s of the same kind", quoted);
          _br_json_pop (l->json, item);
        }
    }
}

typedef struct
{
  BrCompany *company;
  GArray    *refs;      /* PeriodRef */
} PeriodsRead;

static void
read_period (gpointer    context,
             JsonObject *object,
             guint       index,
             gpointer    data)
{
  static const char * const allowed[] = { "id", "kind", "start", "end", "label", NULL };
  Loader *l = context;
  PeriodsRead *read = data;
  BrCompany *company = read->company;
  BrPeriod *period = &company->periods[company->n_periods];
  PeriodRef ref = { period, index };
  gboolean ok = TRUE;
  const char *id;
  guint kind = 0;

  _br_json_check_members (l->json, object, allowed);
  ok &= get_id (l, object, "id", &id);
  ok &= _br_json_get_enum (l->json, object, "kind", TRUE, _br_period_kind_names, &kind);
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
  BrJsonMark mark;
  guint n;

  if ((array = _br_json_get_array (l->json, object, "periods", TRUE)) == NULL)
    return;

  n = within_limit (l, "periods", json_array_get_length (array), l->limits->max_periods,
                    "BURNRATE_MAX_PERIODS");
  company->periods = g_new0 (BrPeriod, n);
  refs = g_array_sized_new (FALSE, FALSE, sizeof (PeriodRef), n);
  read.refs = refs;
  _br_json_read_objects (l->json, "periods", array, n, read_period, l, &read);

  mark = _br_json_push_member (l->json, "periods");
  check_overlaps (l, refs);
  _br_json_pop (l->json, mark);
}

static const BrPeriod *
get_period (Loader          *l,
            JsonObject      *object,
            const BrCompany *company)
{
  const BrPeriod *period;
  const char *id;

  if (!_br_json_get_string (l->json, object, "period", TRUE, &id))
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
  JsonNode *node = _br_json_member (l->json, object, "liquid_investments", FALSE);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      report (l, "liquid_investments", "must be true or false, not %s",
              _br_json_node_type_name (node));
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
read_figure (gpointer    context,
             JsonObject *object,
             guint       index,
             gpointer    data)
{
  static const char * const allowed[] = { "period", "metric", "value", "currency", "scale",
                                          "status", "source", "note", "liquid_investments",
                                          NULL };
  Loader *l = context;
  BrCompany *company = data;
  BrFigure figure = { 0 };
  gboolean ok = TRUE;
  guint metric = 0;
  guint status = BR_STATUS_AUDITED;

  _br_json_check_members (l->json, object, allowed);
  ok &= (figure.period = get_period (l, object, company)) != NULL;
  ok &= _br_json_get_enum (l->json, object, "metric", TRUE, _br_metric_names, &metric);
  ok &= get_amount (l, object, &figure.amount);
  if (json_object_has_member (object, "status"))
    ok &= _br_json_get_enum (l->json, object, "status", FALSE, _br_status_names, &status);
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
      report (l, NULL, "a second %s figure for period “%s”",
              br_metric_to_string (figure.metric), figure.period->id);
      ok = FALSE;
    }

  if (ok)
    company->figures[company->n_figures++] = figure;
}

static gboolean
get_share (Loader     *l,
           JsonObject *object,
           const char *name,
           double     *out)
{
  if (!_br_json_get_number (l->json, object, name, TRUE, out))
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
read_customer (gpointer    context,
               JsonObject *object,
               guint       index,
               gpointer    data)
{
  static const char * const allowed[] = { "name", "share", NULL };
  Loader *l = context;
  BrConcentration *concentration = data;
  BrCustomer customer = { 0 };

  _br_json_check_members (l->json, object, allowed);
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

  if ((array = _br_json_get_array (l->json, object, "customers", FALSE)) == NULL)
    return;

  /* a top five names at most five; a thousand is already generous */
  n = within_limit (l, "customers", json_array_get_length (array), 1000, NULL);
  concentration->customers = g_new0 (BrCustomer, n);
  _br_json_read_objects (l->json, "customers", array, n, read_customer, l, concentration);

  for (guint i = 0; i < concentration->n_customers; i++)
    sum += concentration->customers[i].share;

  if (sum > concentration->top5_share + 0.05)
    report (l, "customers", "the named customers add up to %.2f %%, more than top5_share "
            "(%.2f %%)", sum, concentration->top5_share);
}

static void
read_concentration (gpointer    context,
                    JsonObject *object,
                    guint       index,
                    gpointer    data)
{
  static const char * const allowed[] = { "period", "top5_share", "bound", "customers", "source",
                                          NULL };
  Loader *l = context;
  BrCompany *company = data;
  BrConcentration c = { 0 };
  gboolean ok = TRUE;
  guint bound = BR_BOUND_EXACT;

  _br_json_check_members (l->json, object, allowed);
  ok &= (c.period = get_period (l, object, company)) != NULL;
  ok &= get_share (l, object, "top5_share", &c.top5_share);
  if (json_object_has_member (object, "bound"))
    ok &= _br_json_get_enum (l->json, object, "bound", FALSE, _br_bound_names, &bound);
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
read_market_cap (gpointer    context,
                 JsonObject *object,
                 guint       index,
                 gpointer    data)
{
  static const char * const allowed[] = { "date", "value", "currency", "scale", "basis", "label",
                                          "source", NULL };
  Loader *l = context;
  BrCompany *company = data;
  BrMarketCap cap = { { 0 } };
  gboolean ok = TRUE;
  guint basis = BR_CAP_CLOSE;

  _br_json_check_members (l->json, object, allowed);
  ok &= get_date (l, object, "date", TRUE, &cap.date);
  ok &= get_amount (l, object, &cap.amount);
  if (json_object_has_member (object, "basis"))
    ok &= _br_json_get_enum (l->json, object, "basis", FALSE, _br_cap_basis_names, &basis);
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

/* Gives the optional array @name room in @elements, one element of @size bytes for
 * each of its own (NULL when it has none), then reads each with @read. */
static void
read_list (Loader         *l,
           JsonObject     *object,
           const char     *name,
           gsize           size,
           gpointer       *elements,
           BrJsonReadFunc  read,
           gpointer        data)
{
  JsonArray *array = _br_json_get_array (l->json, object, name, FALSE);
  guint n = array != NULL ? json_array_get_length (array) : 0;

  *elements = g_malloc0_n (n, size);
  if (n > 0)
    _br_json_read_objects (l->json, name, array, n, read, l, data);
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
      if (!_br_json_get_number (l->json, object, names[i], TRUE, values[i]))
        ok = FALSE;
      else if (*values[i] <= 0)
        {
          report (l, names[i], "an amount raised must be greater than 0");
          ok = FALSE;
        }
      else if (!check_magnitude (l, names[i], *values[i], raise->scale))
        ok = FALSE;
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
read_raise (gpointer    context,
            JsonObject *object,
            guint       index,
            gpointer    data)
{
  static const char * const allowed[] = { "date", "kind", "gross", "net", "currency", "scale",
                                          "label", "note", "source", NULL };
  Loader *l = context;
  BrCompany *company = data;
  BrRaise raise = { { 0 } };
  gboolean ok = TRUE;
  guint kind = 0, scale = 0;

  _br_json_check_members (l->json, object, allowed);
  ok &= get_date (l, object, "date", TRUE, &raise.date);
  ok &= _br_json_get_enum (l->json, object, "kind", TRUE, _br_raise_kind_names, &kind);
  ok &= _br_json_get_enum (l->json, object, "scale", TRUE, _br_scale_names, &scale);
  raise.scale = scale;
  ok &= read_raise_amounts (l, object, &raise);
  ok &= get_currency (l, object, "currency", &raise.currency);
  get_text (l, object, "label", FALSE, &raise.label);
  get_text (l, object, "note", FALSE, &raise.note);
  ok &= get_source (l, object, &raise.source);
  raise.kind = kind;
  raise.scale = scale;

  if (ok)
    company->raises[company->n_raises++] = raise;
}

static void
read_guidance_item (gpointer    context,
                    JsonObject *object,
                    guint       index,
                    gpointer    data)
{
  static const char * const allowed[] = { "date", "text", "target_year", "source", NULL };
  Loader *l = context;
  BrCompany *company = data;
  BrGuidance guidance = { { 0 } };
  gboolean ok = TRUE;
  double year = 0;

  _br_json_check_members (l->json, object, allowed);
  ok &= get_date (l, object, "date", TRUE, &guidance.date);
  ok &= get_text (l, object, "text", TRUE, &guidance.text);
  if (json_object_has_member (object, "target_year") &&
      _br_json_get_number (l->json, object, "target_year", TRUE, &year))
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
read_ipo (Loader     *l,
          JsonObject *object,
          BrCompany  *company)
{
  static const char * const allowed[] = { "date", "price", "currency", "source", NULL };
  JsonNode *node = _br_json_member (l->json, object, "ipo", FALSE);
  JsonObject *ipo;
  gboolean ok = TRUE;
  BrJsonMark mark;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (l, "ipo", "must be an object, not %s", _br_json_node_type_name (node));
      return;
    }

  mark = _br_json_push_member (l->json, "ipo");
  ipo = json_node_get_object (node);
  _br_json_check_members (l->json, ipo, allowed);
  ok &= get_date (l, ipo, "date", TRUE, &company->ipo.date);
  if (_br_json_get_number (l->json, ipo, "price", TRUE, &company->ipo.price) &&
      company->ipo.price <= 0)
    {
      report (l, "price", "must be greater than 0");
      ok = FALSE;
    }
  ok &= get_currency (l, ipo, "currency", &company->ipo.currency);
  ok &= get_source (l, ipo, &company->ipo.source);
  company->ipo.present = ok;
  _br_json_pop (l->json, mark);
}

static void
read_color (Loader     *l,
            JsonObject *object,
            BrCompany  *company)
{
  const char *str;
  char *end = NULL;

  if (!_br_json_get_string (l->json, object, "color", FALSE, &str))
    return;

  /* six hex digits: strtoul() alone takes a sign and spaces */
  if (strlen (str) == 7 && str[0] == '#' && strspn (str + 1, "0123456789abcdefABCDEF") == 6)
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
  static const char * const allowed[] = { "id", "name", "ticker", "exchange", "role", "color",
                                          "ipo", "periods", "figures", "customers", "market_caps",
                                          "raises", "guidance", NULL };
  const char *ticker, *exchange;
  guint role = BR_ROLE_CHALLENGER;

  g_hash_table_remove_all (l->period_ids);
  g_hash_table_remove_all (l->seen);
  _br_json_check_members (l->json, object, allowed);
  get_text (l, object, "name", TRUE, &company->name);
  if (get_shown_string (l, object, "ticker", FALSE, &ticker))
    company->ticker = _br_dataset_intern (l->ds, ticker);
  if (get_shown_string (l, object, "exchange", FALSE, &exchange))
    company->exchange = _br_dataset_intern (l->ds, exchange);
  if (json_object_has_member (object, "role"))
    _br_json_get_enum (l->json, object, "role", FALSE, _br_role_names, &role);
  company->role = role;
  read_color (l, object, company);
  read_ipo (l, object, company);
  read_periods (l, object, company);
  read_list (l, object, "figures", sizeof (BrFigure), (gpointer *)&company->figures,
             read_figure, company);
  read_list (l, object, "customers", sizeof (BrConcentration),
             (gpointer *)&company->concentrations, read_concentration, company);
  read_list (l, object, "market_caps", sizeof (BrMarketCap), (gpointer *)&company->market_caps,
             read_market_cap, company);
  read_list (l, object, "raises", sizeof (BrRaise), (gpointer *)&company->raises, read_raise,
             company);
  read_list (l, object, "guidance", sizeof (BrGuidance), (gpointer *)&company->guidance,
             read_guidance_item, company);
}

/* Companies are parsed one at a time from where the scanner found them, so that only
 * one company's tree is in memory at once, however large the file. */
static void
read_companies (Loader     *l,
                JsonObject *root)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GArray *spans = l->layout->company_spans;
  BrJsonMark mark;
  guint n;

  if (_br_json_get_array (l->json, root, "companies", TRUE) == NULL)
    return;

  mark = _br_json_push_member (l->json, "companies");
  n = spans->len;
  if (n == 0)
    report (l, NULL, "a dataset needs at least one company");
  else
    n = within_limit (l, NULL, n, l->limits->max_companies, "BURNRATE_MAX_COMPANIES");

  l->ds->companies = g_new0 (BrCompany, n);
  for (guint i = 0; i < n; i++)
    {
      const BrScanSpan *span = &g_array_index (spans, BrScanSpan, i);
      BrCompany *company = &l->ds->companies[l->ds->n_companies];
      BrJsonMark item = _br_json_push_index (l->json, i);
      g_autoptr(GError) error = NULL;
      JsonObject *object;
      const char *id;

      if (l->data[span->start] != '{')
        {
          report (l, NULL, "must be an object, not %s",
                  _br_json_type_name_at (l->data[span->start]));
          _br_json_pop (l->json, item);
          continue;
        }

      if (!json_parser_load_from_data (parser, l->data + span->start, span->end - span->start,
                                       &error))
        {
          report (l, NULL, "%s", error->message);
          _br_json_pop (l->json, item);
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
      _br_json_pop (l->json, item);
      /* its bytes are read: a big file's memory goes as its companies come in */
      if (l->file != NULL)
        _br_file_bytes_release (l->file, span->end);
    }

  _br_json_pop (l->json, mark);
}

static gboolean
converts (Loader           *l,
          const BrCurrency *from,
          const char       *to_code,
          const GDate      *date,
          gboolean          spot_allowed)
{
  BrCurrency to = { { 0 } };

  g_strlcpy (to.code, to_code, sizeof to.code);
  return br_currency_equal (&to, from) ||
         br_dataset_find_rate (l->ds, from, &to, date, spot_allowed) != NULL;
}

/* The amounts that cannot be converted between two currencies for a year: how many, and
 * where the first is */
typedef struct
{
  char       *path;
  const char *from;
  const char *to;
  int         year;
  guint       n;
  gboolean    done;     /* reported, with others of the same cause */
} Unconverted;

static void
unconverted_clear (Unconverted *u)
{
  g_free (u->path);
}

static gboolean
involves (const Unconverted *u,
          const char        *code)
{
  return g_str_equal (u->from, code) || g_str_equal (u->to, code);
}

/* The currency most of @year's missing conversions involve: the one to link */
static const char *
culprit (GArray *missing,
         int     year)
{
  const char *best = NULL;
  guint best_n = 0;

  for (guint i = 0; i < missing->len; i++)
    {
      const Unconverted *u = &g_array_index (missing, Unconverted, i);

      for (guint side = 0; side < 2 && u->year == year && !u->done; side++)
        {
          const char *code = side == 0 ? u->from : u->to;
          guint n = 0;

          for (guint j = 0; j < missing->len; j++)
            {
              const Unconverted *v = &g_array_index (missing, Unconverted, j);

              n += v->year == year && !v->done && involves (v, code) ? v->n : 0;
            }
          if (n > best_n)
            {
              best = code;
              best_n = n;
            }
        }
    }

  return best;
}

/* The currency @year's rates are most often against, the pivot to suggest, else @fallback */
static const char *
suggest_pivot (Loader     *l,
               int         year,
               const char *fallback)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = fallback;
  guint best_n = 0;

  for (guint i = 0; i < l->ds->n_fx_rates; i++)
    {
      const BrFxRate *rate = &l->ds->fx_rates[i];
      const char *codes[] = { rate->base.code, rate->quote.code };

      if (rate->kind != BR_FX_ANNUAL_AVERAGE || rate->year != year)
        continue;
      for (guint k = 0; k < 2; k++)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, codes[k])) + 1;

          g_hash_table_insert (counts, (gpointer)codes[k], GUINT_TO_POINTER (n));
          if (n > best_n)
            {
              best = codes[k];
              best_n = n;
            }
        }
    }

  return best;
}

/* One problem for one cause: @code has no rate for @year to the other currencies that the
 * amounts of @missing involving it need. Marks them done. */
static void
report_cause (Loader     *l,
              GArray     *missing,
              int         year,
              const char *code)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  const Unconverted *first = NULL;
  guint n = 0;

  for (guint i = 0; i < missing->len; i++)
    {
      Unconverted *u = &g_array_index (missing, Unconverted, i);
      const char *other;

      if (u->year != year || u->done || !involves (u, code))
        continue;
      u->done = TRUE;
      n += u->n;
      first = first != NULL ? first : u;
      other = g_str_equal (u->from, code) ? u->to : u->from;
      if (!g_ptr_array_find_with_equal_func (partners, other, g_str_equal, NULL))
        {
          g_ptr_array_add (partners, (gpointer)other);
          g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", other);
        }
    }

  g_string_assign (l->json->path, first->path);
  report (l, "currency", "no exchange rate for %d links %s to %s, so %u amounts cannot be "
          "converted (this is the first): add an annual-average rate for %d between %s and "
          "%s; rates chain through one common currency", year, code, names->str, n, year,
          code, suggest_pivot (l, year, g_ptr_array_index (partners, 0)));
}

/* Counts one more amount of @year that cannot go from @from to @to; @index finds the
 * pair's entry in @missing, whichever way round */
static void
add_unconverted (GArray     *missing,
                 GHashTable *index,
                 const char *path,
                 const char *from,
                 const char *to,
                 int         year)
{
  gboolean ordered = strcmp (from, to) < 0;
  char *key = g_strdup_printf ("%d/%s/%s", year, ordered ? from : to, ordered ? to : from);
  gpointer at;

  if (g_hash_table_lookup_extended (index, key, NULL, &at))
    {
      g_array_index (missing, Unconverted, GPOINTER_TO_UINT (at)).n++;
      g_free (key);
      return;
    }

  g_hash_table_insert (index, key, GUINT_TO_POINTER (missing->len));
  g_array_append_val (missing, ((Unconverted) { g_strdup (path), from, to, year, 1, FALSE }));
}

/* The conversions of a company's amounts that no rate allows */
static void
find_unconverted (Loader     *l,
                  guint       c,
                  GArray     *missing,
                  GHashTable *index)
{
  const BrCompany *company = &l->ds->companies[c];
  char path[96];

  for (guint i = 0; i < company->n_figures; i++)
    {
      const BrFigure *figure = &company->figures[i];
      GDate midpoint;

      br_period_get_midpoint (figure->period, &midpoint);
      for (guint k = 0; k < l->currencies->len; k++)
        {
          const char *to = g_ptr_array_index (l->currencies, k);

          if (converts (l, &figure->amount.currency, to, &midpoint, FALSE))
            continue;
          g_snprintf (path, sizeof path, "$.companies[%u].figures[%u]", c, i);
          add_unconverted (missing, index, path, figure->amount.currency.code, to,
                           g_date_get_year (&midpoint));
        }
    }

  for (guint i = 0; i < company->n_market_caps; i++)
    {
      const BrMarketCap *cap = &company->market_caps[i];

      for (guint k = 0; k < l->currencies->len; k++)
        {
          const char *to = g_ptr_array_index (l->currencies, k);

          if (converts (l, &cap->amount.currency, to, &cap->date, TRUE))
            continue;
          g_snprintf (path, sizeof path, "$.companies[%u].market_caps[%u]", c, i);
          add_unconverted (missing, index, path, cap->amount.currency.code, to,
                           g_date_get_year (&cap->date));
        }
    }
}

/* Every amount must convert into every other currency the dataset uses, directly or
 * through a pivot; one problem for each rate missing, however many amounts need it. */
static void
check_fx_coverage (Loader *l)
{
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (Unconverted));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_set_clear_func (missing, (GDestroyNotify)unconverted_clear);
  for (guint c = 0; c < l->ds->n_companies; c++)
    find_unconverted (l, c, missing, index);

  for (guint i = 0; i < missing->len; i++)
    {
      const Unconverted *u = &g_array_index (missing, Unconverted, i);
      int year = u->year;

      while (!g_array_index (missing, Unconverted, i).done)
        report_cause (l, missing, year, culprit (missing, year));
    }

  g_string_assign (l->json->path, "$");
}

/* "charts": {"losses": {"title": text, "subtitle": text}, ...} */
static void
read_chart_titles (Loader     *l,
                   JsonObject *root)
{
  static const char * const allowed[] = { "title", "subtitle", NULL };
  JsonNode *node = _br_json_member (l->json, root, "charts", FALSE);
  BrJsonMark mark;
  JsonObject *charts;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (l, "charts", "must be an object, not %s", _br_json_node_type_name (node));
      return;
    }

  mark = _br_json_push_member (l->json, "charts");
  charts = json_node_get_object (node);
  _br_json_check_members (l->json, charts, _br_dataset_chart_names);
  for (guint i = 0; i < BR_N_DATASET_CHARTS; i++)
    {
      JsonNode *chart = json_object_get_member (charts, _br_dataset_chart_names[i]);
      BrJsonMark item;

      if (chart == NULL)
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (chart))
        {
          report (l, _br_dataset_chart_names[i], "must be an object, not %s",
                  _br_json_node_type_name (chart));
          continue;
        }

      item = _br_json_push_member (l->json, _br_dataset_chart_names[i]);
      _br_json_check_members (l->json, json_node_get_object (chart), allowed);
      get_text (l, json_node_get_object (chart), "title", FALSE, &l->ds->chart_titles[i]);
      get_text (l, json_node_get_object (chart), "subtitle", FALSE, &l->ds->chart_subtitles[i]);
      _br_json_pop (l->json, item);
    }
  _br_json_pop (l->json, mark);
}

/* "display": {"currency": "KRW", "scale": "billion"}, one of the units the app offers */
static void
read_display (Loader     *l,
              JsonObject *root)
{
  static const char * const allowed[] = { "currency", "scale", NULL };
  JsonNode *node = _br_json_member (l->json, root, "display", FALSE);
  JsonObject *display;
  BrJsonMark mark;
  guint scale = 0;
  BrUnit unit;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (l, "display", "must be an object, not %s", _br_json_node_type_name (node));
      return;
    }

  mark = _br_json_push_member (l->json, "display");
  display = json_node_get_object (node);
  _br_json_check_members (l->json, display, allowed);
  if (get_currency (l, display, "currency", &l->ds->display_currency) &&
      _br_json_get_enum (l->json, display, "scale", TRUE, _br_scale_names, &scale))
    {
      br_unit_init (&unit, l->ds->display_currency.code, scale);
      if (br_display_unit_find (&unit) >= 0)
        {
          l->ds->has_display = TRUE;
          l->ds->display_scale = scale;
        }
      else
        {
          report (l, "scale", "amounts are not shown in %s of %s: use “million” or "
                  "“billion” (“yi” or “billion” for CNY)", _br_scale_names[scale],
                  l->ds->display_currency.code);
        }
    }
  _br_json_pop (l->json, mark);
}

/* Without a title of its own a dataset goes by its file's name, less ".json" */
static void
default_title (Loader *l)
{
  const char *name = br_dataset_get_display_name (l->ds);
  g_autofree char *title = NULL;

  if (l->ds->title.en != NULL || name == NULL)
    return;

  title = g_path_get_basename (name);
  if (g_str_has_suffix (title, ".json"))
    title[strlen (title) - strlen (".json")] = '\0';
  if (g_str_has_suffix (title, ".burnrate"))
    title[strlen (title) - strlen (".burnrate")] = '\0';
  l->ds->title.en = _br_dataset_intern (l->ds, title);
}

/**
 * _br_loader_read_root:
 * @l: the loader, its dataset empty
 * @root: the file's top-level object, its companies left out (read from @l's layout)
 *
 * Reads a dataset's every member into @l's dataset, recording each fault in @l's reader.
 */
void
_br_loader_read_root (Loader     *l,
                      JsonObject *root)
{
  static const char * const allowed[] = { "format", "version", "title", "description", "updated",
                                          "display", "charts", "sources", "fx", "companies",
                                          NULL };
  const char *format;
  double version;

  if (_br_json_get_string (l->json, root, "format", TRUE, &format) &&
      strcmp (format, "burnrate-dataset") != 0)
    {
      report (l, "format", "must be “burnrate-dataset”");
      return;
    }

  if (_br_json_get_number (l->json, root, "version", TRUE, &version) && version != 1)
    {
      report (l, "version", "this is version %g of the format; this Burnrate reads version 1",
              version);
      return;
    }

  if (l->json->n_faults > 0)
    return;

  _br_json_check_members (l->json, root, allowed);
  if (json_object_has_member (root, "title"))
    get_text (l, root, "title", TRUE, &l->ds->title);
  default_title (l);
  get_text (l, root, "description", FALSE, &l->ds->description);
  read_chart_titles (l, root);
  read_display (l, root);
  get_date (l, root, "updated", TRUE, &l->ds->updated);
  read_sources (l, root);
  read_fx (l, root);
  read_companies (l, root);

  if (l->json->n_faults == 0)
    check_fx_coverage (l);
}
