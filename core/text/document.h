// Stage 1 — load: an article as it was read, with its lines classified
// (boilerplate or not) and, once the time stage has looked, its date.
//
//   auto doc = annals::read_document("article.txt");
//   if (!doc) fail(doc.error());
//   annals::mark_boilerplate(*doc, resources);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace annals {

class Resources;

// Byte offsets into Document::text, which holds the file's bytes unchanged.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool operator==(const Span&) const = default;
};

enum class LineKind : uint8_t { blank, boilerplate, title, dateline, body };

struct Line {
  Span span;
  LineKind kind = LineKind::blank;
};

enum class DctSource : uint8_t { none, text, option, metadata, inferred };
const char* to_string(DctSource source);

// The document creation time: when the article says it was written.
struct Dct {
  std::string value;   // TIMEX3 value: "2022-06-08" or "2022-06-08T17:58"
  int year = 0, month = 0, day = 0;
  DctSource source = DctSource::none;
  std::optional<Span> span;  // the date line, when it came from the text
};

struct Document {
  std::string id;     // short and unique within a corpus: the file stem
  std::string path;   // as given on the command line, "-" for stdin
  // The exact bytes read (valid UTF-8); for an HTML page or a TimeML file,
  // the text a reader sees in it (text/markup.h), which offsets then index.
  std::string text;
  std::string title;
  std::optional<Dct> dct;
  std::optional<std::string> published;  // the page's metadata date, as ISO text
  std::vector<Line> lines;

  std::string_view slice(Span s) const {
    return std::string_view(text).substr(s.start, s.end - s.start);
  }
  bool is_content(const Line& line) const {
    return line.kind == LineKind::body || line.kind == LineKind::title;
  }
};

// Largest article we accept; a bigger file is refused, not truncated.
inline constexpr size_t kMaxDocumentBytes = size_t{1} << 30;

// Checks that bytes are a readable text article: not empty, no NUL bytes,
// valid UTF-8 (a leading BOM is allowed). The error names the first bad
// byte's line and offset. An HTML page or TimeML file is read for its text
// and its publication date.
Result<Document> make_document(std::string path, std::string bytes);

// Reads a file ("-" reads standard input) and calls make_document.
Result<Document> read_document(const std::string& path);

// Splits the text into lines and classifies each; picks the title. Holds
// the widget vocabulary (en/boilerplate.tsv), parsed once: make one and
// reuse it.
class BoilerplateMarker {
 public:
  explicit BoilerplateMarker(const Resources& resources);
  BoilerplateMarker(BoilerplateMarker&&) noexcept;
  BoilerplateMarker& operator=(BoilerplateMarker&&) noexcept;
  ~BoilerplateMarker();

  void mark(Document& doc) const;

  struct Vocabulary;  // defined in boilerplate.cpp

 private:
  std::unique_ptr<Vocabulary> vocabulary_;
};

// One-off convenience: BoilerplateMarker(resources).mark(doc).
void mark_boilerplate(Document& doc, const Resources& resources);

}  // namespace annals
