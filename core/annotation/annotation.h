// One article's findings as annotations: inline TimeML (TempEval-3 style:
// TIMEX3, EVENT and MAKEINSTANCE; the DCT as tid="t0") or JSON.
#pragma once

#include <string>

namespace annals {

struct DocumentAnalysis;

std::string to_timeml(const DocumentAnalysis& analysis);
std::string to_annotation_json(const DocumentAnalysis& analysis);

// Escapes text for XML content and attribute values; characters XML 1.0
// forbids (control characters) become U+FFFD.
std::string xml_escape(std::string_view text);

}  // namespace annals
