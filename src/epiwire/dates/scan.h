// SPDX-License-Identifier: MIT
// Internal to the dates stage: the shared byte scanner (base/word_scan.h) under
// the stage's internal namespace.
#ifndef EPIWIRE_DATES_SCAN_H_
#define EPIWIRE_DATES_SCAN_H_

#include "epiwire/base/word_scan.h"

namespace epiwire::dates::internal {
using namespace epiwire::word_scan;  // NOLINT: the scanner is this stage's vocabulary
}  // namespace epiwire::dates::internal

#endif  // EPIWIRE_DATES_SCAN_H_
