// Loading an article: UTF-8 checks, line classification, segmentation.
#include <cstdio>

#include "fuzz_common.h"
#include "text/document.h"
#include "text/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = annals::make_document("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  if (!doc) return 0;
  annals::mark_boilerplate(*doc, annals::fuzz::resources());
  auto seg = annals::segment(*doc, annals::fuzz::resources());
  for (const auto& t : seg.tokens)
    if (t.span.end > doc->text.size() || t.span.start > t.span.end) {
      std::fprintf(stderr, "token span %u..%u outside the text (%zu bytes)\n", t.span.start, t.span.end, doc->text.size());
      __builtin_trap();
    }
  for (const auto& s : seg.sentences)
    if (s.end_token > seg.tokens.size() || s.first_token >= s.end_token || s.line >= doc->lines.size()) {
      std::fprintf(stderr, "sentence tokens %u..%u line %u of %zu tokens, %zu lines\n", s.first_token, s.end_token,
                   s.line, seg.tokens.size(), doc->lines.size());
      __builtin_trap();
    }
  return 0;
}
