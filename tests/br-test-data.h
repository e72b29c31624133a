/* br-test-data.h: the datasets written for the tests, loaded as a test needs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "br-loader-private.h"

/* Loads tests/data/charts/@name, which must load without an error or a problem. */
static inline BrDataset *
br_test_load_chart_dataset (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  BrDataset *dataset = br_dataset_load_file (file, NULL, NULL, &problems, &error);

  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_nonnull (dataset);

  return dataset;
}
