// Helpers for tests that run the real per-document stages on a snippet.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "pipeline.h"
#include "time/timex.h"

namespace annals::testing {

// The whole per-document analysis of `text` with the given article date
// ("" for none). Pipelines are made once per date: making one parses every
// resource file.
inline DocumentAnalysis analyse(const std::string& text, const std::string& dct = "2022-06-08") {
  static std::map<std::string, std::unique_ptr<Pipeline>> pipelines;
  auto& pipeline = pipelines[dct];
  if (!pipeline) {
    PipelineOptions options;
    if (!dct.empty()) options.dct = *TimeTagger::parse_dct(dct);
    auto made = Pipeline::create(Resources::standard(), options);
    EXPECT_TRUE(made.ok());
    pipeline = std::make_unique<Pipeline>(std::move(*made));
  }
  auto doc = make_document("t.txt", text);
  EXPECT_TRUE(doc.ok());
  return pipeline->analyse(std::move(*doc));
}

// The first event whose trigger is `trigger`, or null.
inline const EventMention* find(const DocumentAnalysis& a, std::string_view trigger) {
  for (const auto& e : a.events)
    if (a.doc.slice(e.trigger) == trigger) return &e;
  return nullptr;
}

}  // namespace annals::testing
