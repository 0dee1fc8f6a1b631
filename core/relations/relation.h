// Stage 6 — relations: links between the events of one document found in
// its text: causal cues (en/relations/causal_cues.tsv ...) and temporal
// cues ("later", "after the talks": en/relations/temporal_cues.tsv). Links across documents and from time bounds are
// made by the corpus stage, which sees every document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "actors/actor.h"
#include "events/event.h"
#include "text/document.h"
#include "text/segment.h"
#include "util/result.h"

namespace annals {

struct RelationMention {
  int32_t source = -1;  // index into the document's events
  int32_t target = -1;
  std::string type;     // "causes", "before" (source first), "simultaneous", "coreferent"
  Span cue;             // where the text says so
};

class RelationFinder {
 public:
  static Result<RelationFinder> create(const Resources& resources);
  RelationFinder(RelationFinder&&) noexcept;
  RelationFinder& operator=(RelationFinder&&) noexcept;
  ~RelationFinder();

  std::vector<RelationMention> find(const Document& doc, const Segmentation& seg,
                                    const std::vector<EventMention>& events, const ActorTagging& actors) const;

 private:
  struct Cues;
  explicit RelationFinder(std::unique_ptr<Cues> cues);
  std::unique_ptr<Cues> cues_;
};

}  // namespace annals
