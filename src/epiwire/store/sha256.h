// SPDX-License-Identifier: MIT
// Internal to the store: SHA-256 of a document text, the content hash that
// tells an unchanged document from a replaced one (the queue's message ids use it
// too). Tested by sha256_test.cc.
#ifndef EPIWIRE_STORE_SHA256_H_
#define EPIWIRE_STORE_SHA256_H_

#include <string>
#include <string_view>

namespace epiwire::store::internal {

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

}  // namespace epiwire::store::internal

#endif  // EPIWIRE_STORE_SHA256_H_
