// SPDX-License-Identifier: MIT
// SHA-256 by OpenSSL's libcrypto, which uses the processor's SHA extensions or
// vector units where it has them.
#include "epiwire/store/sha256.h"

#include <openssl/evp.h>

#include <cstdlib>

namespace epiwire::store::internal {

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  // Fails only when libcrypto cannot allocate its context: nothing to go on with.
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    std::abort();
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(size_t{2} * size, '0');
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace epiwire::store::internal
