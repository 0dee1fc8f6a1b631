// Shared by the libFuzzer targets: standard resources and a temp file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "util/resources.h"

namespace annals::fuzz {

inline const Resources& resources() { return Resources::standard(); }

// A file holding `bytes`, removed when it goes (for readers that take a path).
class TempFile {
 public:
  explicit TempFile(const std::string& bytes) {
    char pattern[] = "/tmp/annals-fuzz-XXXXXX";
    int fd = ::mkstemp(pattern);
    path_ = pattern;
    if (fd >= 0) {
      size_t done = 0;
      while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += size_t(n);
      }
      ::close(fd);
    }
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace annals::fuzz
