#include "common.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "graph/graph.h"
#include "util/files.h"

namespace annals::cli {

Result<Resources> Context::open_resources() const {
  std::string dir = resource_dir;
  if (dir.empty())
    if (const char* env = std::getenv("ANNALS_RESOURCES")) dir = env;
  return Resources::open(dir);
}

int report(const Error& error) {
  std::cerr << "annals: " << error.to_string() << "\n";
  return error.code == ErrorCode::bad_value ? kUsage : kFailure;
}

int report(const std::string& message, int code) {
  std::cerr << "annals: " << message << "\n";
  return code;
}

Status write_bytes(int fd, std::string_view bytes, const std::string& path) {
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error{ErrorCode::io, path, std::string("cannot write: ") + std::strerror(errno)};
    done += size_t(n);
  }
  return ok_status();
}

namespace {

// A reader that went away (| head) is not an error: stop quietly.
void write_stdout(std::string_view bytes) {
  const char* data = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(STDOUT_FILENO, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EPIPE) std::_Exit(kOk);
    if (n < 0) {
      report(std::string("<stdout>: cannot write: ") + std::strerror(errno));
      std::_Exit(kFailure);
    }
    data += n;
    left -= size_t(n);
  }
}

Status write_all(int fd, std::string_view bytes, const std::string& path) {
  if (auto written = write_bytes(fd, bytes, path); !written) return written;
  if (::fsync(fd) != 0 && errno != EINVAL)
    return Error{ErrorCode::io, path, std::string("cannot write: ") + std::strerror(errno)};
  return ok_status();
}

}  // namespace

Status write_output(const std::string& path, const std::string& bytes) {
  return write_output(path, [&](const OutputSink& sink) { sink(bytes); });
}

Status write_output(const std::string& path, const std::function<void(const OutputSink&)>& produce) {
  if (path.empty() || path == "-") {
    produce([](std::string_view piece) { write_stdout(piece); });
    return ok_status();
  }
  auto file = create_temp_beside(path);
  if (!file) return file.error();
  const std::string& temp = file->path;
  const int fd = file->fd;
  Status written = ok_status();
  produce([&](std::string_view piece) {
    if (written) written = write_bytes(fd, piece, path);
  });
  if (written) written = write_all(fd, "", path);  // fsync
  if (::close(fd) != 0 && written) written = Error{ErrorCode::io, path, std::strerror(errno)};
  if (written) {
    ::chmod(temp.c_str(), 0644);
    if (std::rename(temp.c_str(), path.c_str()) != 0)
      written = Error{ErrorCode::io, path, std::string("cannot write: ") + std::strerror(errno)};
  }
  if (!written) std::remove(temp.c_str());
  return written;
}

bool use_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && !(no_colour && *no_colour);
}

}  // namespace annals::cli
