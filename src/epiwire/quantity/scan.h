// SPDX-License-Identifier: MIT
// Internal to the quantity stage: the shared byte scanner (base/word_scan.h) under
// the stage's internal namespace.
#ifndef EPIWIRE_QUANTITY_SCAN_H_
#define EPIWIRE_QUANTITY_SCAN_H_

#include "epiwire/base/word_scan.h"

namespace epiwire::quantity::internal {
using namespace epiwire::word_scan;  // NOLINT: the scanner is this stage's vocabulary
}  // namespace epiwire::quantity::internal

#endif  // EPIWIRE_QUANTITY_SCAN_H_
