/* br-types-private.h: what the model's own files share about the plain values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-types.h"

G_BEGIN_DECLS

/* How a dataset file spells each enum, in enum order, NULL-terminated */
extern const char * const _br_metric_names[];
extern const char * const _br_scale_names[];
extern const char * const _br_period_kind_names[];
extern const char * const _br_status_names[];
extern const char * const _br_bound_names[];
extern const char * const _br_cap_basis_names[];
extern const char * const _br_fx_kind_names[];
extern const char * const _br_raise_kind_names[];
extern const char * const _br_role_names[];
extern const char * const _br_known_currencies[];

gboolean    _br_name_lookup           (const char * const *names,
                                       const char         *str,
                                       guint              *index);
const char *_br_period_kind_to_string (BrPeriodKind        kind);
gboolean    _br_currency_is_known     (const char         *code);
gboolean    _br_period_overlaps       (const BrPeriod     *a,
                                       const BrPeriod     *b);

G_END_DECLS
