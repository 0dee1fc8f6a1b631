// Language knowledge lives in resource files under core/resources/, compiled
// into the binary; a user may override any file by putting one of the same
// relative name in a directory (--resources DIR or $ANNALS_RESOURCES).
//
// Resource files are UTF-8, tab-separated. Lines starting with '#' are
// comments; the header says what the file is for and the format of a row.
// "# example:" lines hold cases that tests run.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace annals {

struct TsvRow {
  uint32_t line = 0;                     // 1-based line in the file
  std::vector<std::string_view> fields;  // views into Resources' storage
};

struct TsvTable {
  std::string name;  // relative name, e.g. "en/months.tsv"
  std::vector<TsvRow> rows;
  std::vector<std::string> examples;  // text after "# example:"
  // "name:line" for error messages.
  std::string where(const TsvRow& row) const;
};

class Resources {
 public:
  // Built-in files, each replaced by DIR/<name> where that exists.
  static Result<Resources> open(const std::string& override_dir = "");
  // The built-in files, or those overridden by $ANNALS_RESOURCES.
  static const Resources& standard();

  bool has(std::string_view name) const;
  std::string_view raw(std::string_view name) const;
  // Parses a table; every row must have at least min_fields fields.
  Result<TsvTable> table(std::string_view name, size_t min_fields = 1) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, std::string, std::less<>> files_;
};

}  // namespace annals
