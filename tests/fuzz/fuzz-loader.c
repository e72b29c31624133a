/* fuzz-loader.c: the dataset loader and validator under libFuzzer or AFL++
 *
 * Every input must either load or fail with problems that each name a line and a
 * column inside the input; nothing may crash, hang or leak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/mman.h>
#include <unistd.h>

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

/* The input as a file, read through br_dataset_load_file()'s bounded read: a memfd,
 * rewritten for each input */
static GFile *
input_file (const guint8 *data,
            size_t        size)
{
  static int fd = -1;
  g_autofree char *path = NULL;

  if (fd < 0)
    fd = memfd_create ("fuzz.json", MFD_CLOEXEC);
  g_assert (fd >= 0);
  g_assert (ftruncate (fd, 0) == 0);
  g_assert (size == 0 || pwrite (fd, data, size, 0) == (ssize_t)size);

  path = g_strdup_printf ("/proc/self/fd/%d", fd);
  return g_file_new_for_path (path);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) file = input_file (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = NULL;
  BrLimits limits;

  br_limits_init_default (&limits);
  limits.max_file_size = 1024 * 1024;
  /* a leading space or tab (JSON whitespace) takes the other paths: the parse on a
   * thread of its own for deep nesting, and a size limit the file is over */
  if (size > 0 && data[0] == ' ')
    limits.max_depth = 1000;
  else if (size > 1 && data[0] == '\t')
    limits.max_file_size = size / 2;

  dataset = br_dataset_load_file (file, &limits, NULL, &problems, &error);
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
