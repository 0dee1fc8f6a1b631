#include "table.h"

#include <algorithm>

namespace annals::cli {
namespace {

constexpr size_t kMaxCellWidth = 72;

size_t width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Cuts at a character boundary and replaces control characters, so that
// article text cannot move the cursor or recolour the terminal.
std::string clean(const std::string& s, size_t max) {
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char && n == max - 1 && width(s) > max) return out + "\xE2\x80\xA6";
    n += starts_char;
    out += c < 0x20 || c == 0x7F ? ' ' : char(c);
  }
  return out;
}

}  // namespace

std::string Table::render(bool colour) const {
  std::vector<size_t> widths(header_.size());
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], std::min(width(row[i]), kMaxCellWidth));
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);
  auto line = [&](const std::vector<std::string>& row, bool bold) {
    std::string out = bold && colour ? "\x1b[1m" : "";
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      std::string cell = clean(row[i], kMaxCellWidth);
      out += cell;
      if (i + 1 < row.size()) out += std::string(widths[i] - width(cell) + 2, ' ');
    }
    return out + (bold && colour ? "\x1b[0m" : "") + "\n";
  };
  std::string out = line(header_, true);
  for (const auto& row : rows_) out += line(row, false);
  return out;
}

}  // namespace annals::cli
