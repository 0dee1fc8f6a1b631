// Files written whole or not at all: a temporary file beside the target,
// renamed into place once complete.
#pragma once

#include <string>

#include "util/result.h"

namespace annals {

struct TempFile {
  std::string path;  // ".name.tmp-XXXXXX" in the target's directory
  int fd = -1;       // open for writing; the caller closes it
};

// Refuses a target that is a directory; names the target in errors.
Result<TempFile> create_temp_beside(const std::string& target);

}  // namespace annals
