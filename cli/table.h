// An aligned text table for the terminal; widths count characters, not
// bytes, and long cells are cut with an ellipsis.
#pragma once

#include <string>
#include <vector>

namespace annals::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string render(bool colour) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace annals::cli
