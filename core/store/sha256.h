// SHA-256 (FIPS 180-4), for the content hash that tells the store whether it
// has already read an article: the hash of the file's exact bytes.
//
//   annals::sha256_hex("abc") ==
//       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#pragma once

#include <string>
#include <string_view>

namespace annals {

// Lower-case hexadecimal, 64 characters.
std::string sha256_hex(std::string_view bytes);

}  // namespace annals
