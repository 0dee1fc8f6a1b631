#include "text/document.h"
#include "text/markup.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <unicode/utf8.h>

namespace annals {
namespace {

struct Utf8Problem {
  size_t offset;
  size_t line;
  const char* what;
};

// Returns the first NUL byte or invalid UTF-8 sequence, if any. ICU's U8_NEXT
// rejects overlong forms, surrogates and code points past U+10FFFF.
std::optional<Utf8Problem> find_encoding_problem(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  size_t line = 1;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    if (data[i] < 0x80) {
      if (data[i] == 0) return Utf8Problem{size_t(start), line, "binary file (NUL byte)"};
      if (data[i] == '\n') ++line;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) return Utf8Problem{size_t(start), line, "invalid UTF-8"};
  }
  return std::nullopt;
}

bool only_whitespace(std::string_view bytes) {
  for (char c : bytes)
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

std::string document_id(const std::string& path) {
  if (path == "-") return "stdin";
  return std::filesystem::path(path).stem().string();
}

}  // namespace

const char* to_string(DctSource source) {
  switch (source) {
    case DctSource::text: return "text";
    case DctSource::option: return "option";
    case DctSource::metadata: return "metadata";
    case DctSource::inferred: return "inferred";
    case DctSource::none: break;
  }
  return "none";
}

Result<Document> make_document(std::string path, std::string bytes) {
  if (bytes.size() > kMaxDocumentBytes)
    return Error{ErrorCode::bad_input, path, "file too large (over 1 GiB)"};
  if (only_whitespace(bytes)) return Error{ErrorCode::bad_input, path, "empty file"};
  if (auto problem = find_encoding_problem(bytes))
    return Error{ErrorCode::bad_input, path,
                 std::string(problem->what) + " at line " + std::to_string(problem->line) +
                     ", byte " + std::to_string(problem->offset)};
  Document doc;
  if (is_markup(bytes)) {
    MarkupText page = extract_markup(bytes);
    if (only_whitespace(page.text)) return Error{ErrorCode::bad_input, path, "no text in the page, only markup"};
    bytes = std::move(page.text);
    doc.published = std::move(page.published);
  }
  doc.id = document_id(path);
  doc.path = std::move(path);
  doc.text = std::move(bytes);
  return doc;
}

Result<Document> read_document(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
    if (std::cin.bad()) return Error{ErrorCode::io, "<stdin>", "cannot read standard input"};
    return make_document(path, std::move(bytes));
  }
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return Error{ErrorCode::io, path, "no such file"};
  if (std::filesystem::is_directory(status))
    return Error{ErrorCode::io, path, "is a directory, not a file"};
  if (std::filesystem::file_size(path, ec) > kMaxDocumentBytes && !ec)
    return Error{ErrorCode::bad_input, path, "file too large (over 1 GiB)"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::io, path, std::string("cannot open: ") + std::strerror(errno)};
  bytes.assign(std::istreambuf_iterator<char>(in), {});
  if (in.bad()) return Error{ErrorCode::io, path, "read error"};
  return make_document(path, std::move(bytes));
}

}  // namespace annals
