/* fuzz-loader.c: the dataset loader and validator under libFuzzer or AFL++
 *
 * Every input must either load or fail with problems that each name a line and a
 * column inside the input; nothing may crash, hang or leak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "br-loader-private.h"
#include "br-model.h"

static void
check_problems (GPtrArray *problems,
                size_t     size)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      BrProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = br_problem_to_string (problem);

      g_assert (problem->line >= 1);
      g_assert (problem->column >= 1);
      g_assert (problem->line <= size + 1);
      g_assert (problem->message != NULL && problem->message[0] != '\0');
    }
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = NULL;
  BrLimits limits;

  br_limits_init_default (&limits);
  limits.max_file_size = 1024 * 1024;

  dataset = br_dataset_load_bytes (bytes, "fuzz.json", &limits, &problems, &error);
  if (dataset == NULL)
    {
      g_assert (error != NULL);
      check_problems (problems, size);
    }
  else
    {
      g_assert (error == NULL);
      g_assert (br_dataset_get_n_companies (dataset) >= 1);
    }

  return 0;
}
