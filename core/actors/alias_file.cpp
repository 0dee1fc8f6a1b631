// The user's alias file (--aliases FILE): NAME <TAB> CANONICAL <TAB> KIND,
// "-" as canonical to ignore a name. Errors are values naming file:line.
#include <fstream>
#include <sstream>

#include <unicode/utf8.h>

#include "actors/actor.h"

namespace annals {
namespace {

constexpr std::string_view kKindNames = "person, organization, country, location, group, other";

std::optional<ActorKind> kind_from(std::string_view text) {
  for (auto kind : {ActorKind::person, ActorKind::organization, ActorKind::country, ActorKind::location,
                    ActorKind::group, ActorKind::other})
    if (text == to_string(kind)) return kind;
  if (text == "organisation") return ActorKind::organization;
  return std::nullopt;
}

// The 1-based line of the first byte that is NUL or not UTF-8, or 0.
uint32_t first_bad_line(std::string_view bytes) {
  uint32_t line = 1;
  for (int32_t i = 0; i < int32_t(bytes.size());) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(bytes.data()), i, int32_t(bytes.size()), c);
    if (c <= 0) return line;
    if (c == '\n') ++line;
  }
  return 0;
}

std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> fields;
  for (size_t start = 0;;) {
    size_t at = line.find(separator, start);
    fields.push_back(line.substr(start, at - start));
    if (at == std::string_view::npos) return fields;
    start = at + 1;
  }
}

Result<AliasEntry> parse_row(std::string_view line, const std::string& where) {
  auto fields = split(line, '\t');
  if (fields.size() != 3)
    return Error{ErrorCode::bad_data, where,
                 "expected 3 tab-separated fields (name, canonical name, kind), found " +
                     std::to_string(fields.size())};
  if (fields[0].empty()) return Error{ErrorCode::bad_data, where, "empty name"};
  AliasEntry entry{std::string(fields[0]), std::string(fields[1]), ActorKind::other, fields[1] == "-"};
  if (entry.canonical.empty()) return Error{ErrorCode::bad_data, where, "empty canonical name (use - to ignore)"};
  if (entry.ignore && (fields[2] == "-" || fields[2].empty())) return entry;
  auto kind = kind_from(fields[2]);
  if (!kind)
    return Error{ErrorCode::bad_data, where,
                 "unknown kind \"" + std::string(fields[2]) + "\" (expected " + std::string(kKindNames) + ")"};
  entry.kind = *kind;
  return entry;
}

}  // namespace

Result<std::vector<AliasEntry>> read_alias_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::io, path, "cannot open alias file"};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  if (uint32_t bad = first_bad_line(bytes))
    return Error{ErrorCode::bad_input, path + ":" + std::to_string(bad), "not UTF-8 text (binary file?)"};
  std::vector<AliasEntry> entries;
  uint32_t number = 0;
  for (std::string_view line : split(bytes, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;
    auto entry = parse_row(line, path + ":" + std::to_string(number));
    if (!entry) return entry.error();
    entries.push_back(std::move(*entry));
  }
  return entries;
}

}  // namespace annals
