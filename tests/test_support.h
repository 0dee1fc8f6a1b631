// Helpers for tests that run the real binary or read files.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>

namespace annals::testing {

inline const std::string kSourceDir = ANNALS_SOURCE_DIR;
inline const std::string kBinary = ANNALS_BINARY;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh directory under the system temp dir, removed when it goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "annals-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::error_code ec; std::filesystem::remove_all(path_, ec); }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs `annals ARGS` through the shell; ARGS is shell syntax.
inline RunResult run_annals(const std::string& args, const std::string& stdin_path = "/dev/null") {
  TempDir dir;
  std::string command = "cd '" + kSourceDir + "' && '" + kBinary + "' " + args + " <" + stdin_path + " >" +
                        (dir / "out") + " 2>" + (dir / "err");
  int status = std::system(command.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(dir / "out");
  r.err = read_file(dir / "err");
  return r;
}

// ../shared beside the checkout, if present.
inline std::string shared_dir() {
  auto path = std::filesystem::path(kSourceDir).parent_path() / "shared";
  return std::filesystem::is_directory(path) ? path.string() : std::string();
}

inline size_t count_lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace annals::testing
