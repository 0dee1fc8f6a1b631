// Time expressions: the date line and TIMEX3 tagging against a fixed DCT.
#include "fuzz_common.h"
#include "text/document.h"
#include "text/segment.h"
#include "time/timex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto tagger = annals::TimeTagger::create(annals::fuzz::resources());
  static const auto dct = annals::TimeTagger::parse_dct("2022-06-08");
  if (!tagger || !dct) __builtin_trap();
  auto doc = annals::make_document("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  if (!doc) return 0;
  annals::mark_boilerplate(*doc, annals::fuzz::resources());
  (void)tagger->find_dct(*doc);
  doc->dct = *dct;
  auto seg = annals::segment(*doc, annals::fuzz::resources());
  for (const auto& t : tagger->tag(*doc, seg))
    if (t.span.end > doc->text.size() || t.span.start > t.span.end) __builtin_trap();
  (void)annals::TimeTagger::parse_dct(std::string(reinterpret_cast<const char*>(data), size < 64 ? size : 64));
  return 0;
}
