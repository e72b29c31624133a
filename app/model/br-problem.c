/* br-problem.c: a fault in a file, with its line and column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-problem"

#include "config.h"

#include <string.h>

#include "br-json-scan-private.h"
#include "br-problem-private.h"

#define PATH_KEEP 100

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

/* A path as deep as the nesting limit allows would make a message of 80,000 bytes:
 * keep its start and its end. */
static char *
shorten_path (const char *path)
{
  glong length = path != NULL ? g_utf8_strlen (path, -1) : 0;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (length <= 2 * PATH_KEEP + 8)
    return g_strdup (path);

  start = g_utf8_substring (path, 0, PATH_KEEP);
  end = g_utf8_substring (path, length - PATH_KEEP, length);
  return g_strconcat (start, "…", end, NULL);
}

BrProblem *
_br_problem_new (const char *file,
                 guint       line,
                 guint       column,
                 const char *path,
                 const char *message)
{
  BrProblem *problem = g_new0 (BrProblem, 1);

  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = column;
  problem->path = shorten_path (path);
  problem->message = g_strdup (message);

  return problem;
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

/* Cuts the last member or index off a JSON path; FALSE at "$". */
static gboolean
cut_last_step (char *path)
{
  char *cut = MAX (strrchr (path, '.'), strrchr (path, '['));

  if (cut == NULL || cut == path)
    return FALSE;

  *cut = '\0';
  return TRUE;
}

/**
 * _br_problems_locate:
 *
 * Turns the reader's faults into problems with the line and column of their JSON path,
 * or of its nearest ancestor found in @data, sorted by place.
 */
GPtrArray *
_br_problems_locate (BrJsonReader *r,
                     const char   *display_name,
                     const char   *data,
                     gsize         length)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)br_problem_free);

  /* every ancestor too, for a member that is missing or a path that is not found */
  for (guint i = 0; i < r->faults->len; i++)
    {
      BrJsonFault *fault = g_ptr_array_index (r->faults, i);
      g_autofree char *path = g_strdup (fault->path);

      do
        {
          if (!g_hash_table_contains (wanted, path))
            g_hash_table_insert (wanted, g_strdup (path), g_new0 (BrScanPosition, 1));
        }
      while (cut_last_step (path));
    }

  _br_json_scan_locate (data, length, wanted);

  for (guint i = 0; i < r->faults->len; i++)
    {
      BrJsonFault *fault = g_ptr_array_index (r->faults, i);
      g_autofree char *path = g_strdup (fault->path);
      BrScanPosition *position = NULL;

      do
        position = g_hash_table_lookup (wanted, path);
      while ((position == NULL || position->line == 0) && cut_last_step (path));

      g_ptr_array_add (problems, _br_problem_new (display_name,
                                                  position ? MAX (position->line, 1) : 1,
                                                  position ? MAX (position->column, 1) : 1,
                                                  fault->path, fault->message));
    }

  g_ptr_array_sort (problems, compare_problems);

  return problems;
}
