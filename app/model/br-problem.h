/* br-problem.h: a fault in a dataset file, and where it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One fault in a file: where it is, and what is wrong. */
typedef struct
{
  char  *file;
  guint  line;
  guint  column;
  char  *path;
  char  *message;
} BrProblem;

void  br_problem_free      (BrProblem       *problem);
char *br_problem_to_string (const BrProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BrProblem, br_problem_free)

G_END_DECLS
