/* br-loader-private.h: what the loader's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "br-dataset-private.h"
#include "br-json-reader-private.h"
#include "br-json-scan-private.h"
#include "br-loader.h"

G_BEGIN_DECLS

/* where the bundled dataset stands in the model library's resource */
#define BR_BUNDLED_DATASET_PATH "/io/github/burnrate/Burnrate/datasets/china-gpu.json"

/* Bounds on what a dataset holds, beyond the BURNRATE_MAX_* limits: no real figure
 * or label comes near them (the format page says where the line is) */
#define BR_MAX_AMOUNT         1e16   /* in units of the amount's currency */
#define BR_MIN_AMOUNT         0.01   /* the same, for any amount but zero */
#define BR_MAX_CLUSTER_LENGTH 16     /* code points drawn as one character */

typedef struct _BrFileBytes BrFileBytes;

/* One reading of a dataset file */
typedef struct
{
  BrJsonReader   *json;
  BrDataset      *ds;
  const BrLimits *limits;
  GPtrArray      *currencies; /* every currency an amount uses, as const char * */
  /* the company being read: its periods by id, and what it has per period, so that
   * look-ups and duplicate checks stay linear in the file's size */
  GHashTable     *period_ids;  /* id → BrPeriod * */
  GHashTable     *seen;        /* (period, what) → TRUE */
  const char     *data;        /* the whole file */
  BrScanLayout   *layout;      /* where its companies stand */
  BrFileBytes    *file;        /* a local file's own copy of @data, or NULL */
} Loader;

/* what the tests and the fuzzer read their datasets with */
BrDataset *br_dataset_load_bytes (GBytes          *bytes,
                                  const char      *display_name,
                                  const BrLimits  *limits,
                                  GPtrArray      **problems,
                                  GError         **error);

void _br_loader_read_root (Loader     *l,
                           JsonObject *root);
void _br_file_bytes_release (BrFileBytes *file,
                             gsize        end);

G_END_DECLS
