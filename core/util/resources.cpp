#include "util/resources.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace annals {
namespace detail {
struct EmbeddedFile {
  const char* name;
  const char* data;
  std::size_t size;
};
extern const EmbeddedFile kEmbeddedFiles[];
}  // namespace detail

namespace {

constexpr std::string_view kExamplePrefix = "# example:";

std::string_view trim_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::io, path.string(), "cannot read resource file"};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

std::string TsvTable::where(const TsvRow& row) const {
  return name + ":" + std::to_string(row.line);
}

Result<Resources> Resources::open(const std::string& override_dir) {
  Resources resources;
  for (const auto* file = detail::kEmbeddedFiles; file->name; ++file)
    resources.files_.emplace(file->name, std::string(file->data, file->size));
  if (override_dir.empty()) return resources;

  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(override_dir, ec))
    return Error{ErrorCode::bad_value, override_dir, "resource directory does not exist"};
  for (auto it = fs::recursive_directory_iterator(override_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    auto name = fs::relative(it->path(), override_dir).generic_string();
    auto content = read_file(it->path());
    if (!content) return content.error();
    resources.files_[name] = std::move(*content);
  }
  if (ec) return Error{ErrorCode::io, override_dir, ec.message()};
  return resources;
}

const Resources& Resources::standard() {
  static const Resources builtin = *open();
  return builtin;
}

bool Resources::has(std::string_view name) const { return files_.count(name) > 0; }

std::string_view Resources::raw(std::string_view name) const {
  auto it = files_.find(name);
  return it == files_.end() ? std::string_view() : std::string_view(it->second);
}

std::vector<std::string> Resources::names() const {
  std::vector<std::string> names;
  for (const auto& [name, content] : files_) names.push_back(name);
  return names;
}

Result<TsvTable> Resources::table(std::string_view name, size_t min_fields) const {
  auto it = files_.find(name);
  if (it == files_.end())
    return Error{ErrorCode::bad_data, std::string(name), "no such resource file"};
  TsvTable table;
  table.name = std::string(name);
  std::string_view text = it->second;
  uint32_t line_number = 0;
  while (!text.empty()) {
    size_t newline = text.find('\n');
    std::string_view line = trim_cr(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    ++line_number;
    if (line.starts_with(kExamplePrefix)) {
      auto example = line.substr(kExamplePrefix.size());
      while (!example.empty() && example.front() == ' ') example.remove_prefix(1);
      table.examples.emplace_back(example);
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    TsvRow row{line_number, split_tabs(line)};
    if (row.fields.size() < min_fields)
      return Error{ErrorCode::bad_data, table.where(row),
                   "expected at least " + std::to_string(min_fields) + " tab-separated fields"};
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace annals
