/* br-json-scan-private.h: a strict, non-recursive JSON pre-scanner
 *
 * json-glib builds the tree, but it cannot say where a value stands in the file and
 * recurses on nesting. This scanner runs first: it rejects what json-glib must never
 * see (deep nesting, huge strings, NUL bytes, non-finite numbers, duplicate members)
 * and later finds the line and column of the JSON paths the validator complains about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint  line;
  guint  column;
  char  *path;
  char  *message;
} BrScanFault;

typedef struct
{
  guint line;
  guint column;
} BrScanPosition;

/* Where the top-level "companies" array and each of its elements stand, so that the
 * loader can parse one company at a time and keep its memory bounded. */
typedef struct
{
  gsize   companies_start;   /* the array's "[", or 0 when absent or not an array */
  gsize   companies_end;     /* just past its "]" */
  GArray *company_spans;     /* BrScanSpan, one per element */
} BrScanLayout;

typedef struct
{
  gsize start;
  gsize end;
} BrScanSpan;

typedef struct
{
  guint depth;      /* nesting of arrays and objects */
  gsize string;     /* characters in a string */
  gsize array;      /* elements in an array */
  gsize values;     /* values in the whole file */
} BrScanLimits;

gboolean _br_json_scan_check  (const char         *data,
                               gsize               length,
                               const BrScanLimits *limits,
                               BrScanLayout       *layout,
                               BrScanFault        *fault);
void     _br_json_scan_locate (const char  *data,
                               gsize        length,
                               GHashTable  *wanted);
char    *_br_json_quote       (const char  *text);
void     _br_json_path_append_member (GString    *path,
                                      const char *name);

G_END_DECLS
