/* br-company-list-private.h: what the tests read off a company's swatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-company-list.h"

G_BEGIN_DECLS

const BrCompany *br_company_swatch_get_company (GtkWidget *swatch);

G_END_DECLS
