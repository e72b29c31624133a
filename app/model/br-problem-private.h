/* br-problem-private.h: how the loader makes its problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-json-reader-private.h"
#include "br-problem.h"

G_BEGIN_DECLS

BrProblem *_br_problem_new     (const char   *file,
                                guint         line,
                                guint         column,
                                const char   *path,
                                const char   *message);
GPtrArray *_br_problems_locate (BrJsonReader *r,
                                const char   *display_name,
                                const char   *data,
                                gsize         length);

G_END_DECLS
