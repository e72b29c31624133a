/* br-model.h: the model library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-types.h"
#include "br-dataset.h"
#include "br-loader.h"
#include "br-metrics.h"
#include "br-runway.h"
#include "br-units.h"
