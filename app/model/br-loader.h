/* br-loader.h: reads and validates dataset files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "br-dataset.h"
#include "br-problem.h"

G_BEGIN_DECLS

#define BR_LOADER_ERROR (br_loader_error_quark ())

typedef enum
{
  BR_LOADER_ERROR_IO = 1,
  BR_LOADER_ERROR_TOO_LARGE,
  BR_LOADER_ERROR_INVALID,
  BR_LOADER_ERROR_LIMIT,
} BrLoaderError;

/* The deepest nesting BURNRATE_MAX_DEPTH may allow */
#define BR_MAX_DEPTH 20000

typedef struct
{
  gsize max_file_size;
  guint max_depth;
  gsize max_string;
  gsize max_array;
  gsize max_values;
  guint max_companies;
  guint max_periods;
  guint max_sources;
  guint max_problems;
} BrLimits;

GQuark     br_loader_error_quark   (void);
void       br_limits_init_default  (BrLimits         *limits);
gboolean   br_limits_init_from_env (BrLimits         *limits,
                                    GError          **error);
BrDataset *br_dataset_load_file    (GFile            *file,
                                    const BrLimits   *limits,
                                    GCancellable     *cancellable,
                                    GPtrArray       **problems,
                                    GError          **error);
BrDataset *br_dataset_load_bundled (GError          **error);

G_END_DECLS
