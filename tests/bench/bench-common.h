/* bench-common.h: what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Orders doubles for qsort() and g_array_sort(), to take medians and percentiles */
static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}
