// The whole per-document pipeline and the corpus merge, on one article.
#include "fuzz_common.h"
#include "pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto pipeline = [] {
    annals::PipelineOptions options;
    auto dct = annals::TimeTagger::parse_dct("2022-06-08");
    if (dct) options.dct = *dct;
    return annals::Pipeline::create(annals::fuzz::resources(), options);
  }();
  if (!pipeline) __builtin_trap();
  auto doc = annals::make_document("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  if (!doc) return 0;
  std::vector<annals::DocumentAnalysis> docs;
  docs.push_back(pipeline->analyse(std::move(*doc)));
  auto graph = pipeline->assemble(docs);
  (void)annals::to_json(graph);
  return 0;
}
