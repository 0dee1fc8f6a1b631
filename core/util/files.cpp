#include "util/files.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace annals {

Result<TempFile> create_temp_beside(const std::string& target) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(target, ec)) return Error{ErrorCode::io, target, "is a directory"};
  fs::path path(target);
  TempFile temp{(path.parent_path() / ("." + path.filename().string() + ".tmp-XXXXXX")).string(), -1};
  temp.fd = ::mkstemp(temp.path.data());
  if (temp.fd < 0) return Error{ErrorCode::io, target, std::string("cannot create: ") + std::strerror(errno)};
  return temp;
}

}  // namespace annals
