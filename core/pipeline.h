// The whole flow, one screen:
//
//   load document → segment → tag times → tag actors → tag events
//   → find relations → (all documents) merge into one graph
//
// Each stage lives in its own folder under core/ with its types in one
// header; this file only wires them together.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actors/actor.h"
#include "corpus/corpus.h"
#include "events/event.h"
#include "graph/graph.h"
#include "relations/relation.h"
#include "text/document.h"
#include "text/segment.h"
#include "time/timex.h"
#include "util/resources.h"
#include "util/result.h"

namespace annals {

struct PipelineOptions {
  std::optional<Dct> dct;            // --dct: overrides what the text says
  std::vector<AliasEntry> aliases;   // --aliases FILE
};

// Everything the per-document stages found in one article.
struct DocumentAnalysis {
  Document doc;
  Segmentation seg;
  std::vector<Timex> timexes;
  ActorTagging actors;
  std::vector<EventMention> events;
  std::vector<RelationMention> relations;
};

class Pipeline {
 public:
  static Result<Pipeline> create(const Resources& resources, PipelineOptions options);

  // Per-document stages, in order.
  DocumentAnalysis analyse(Document doc) const;
  // Cross-document stage: one graph for the corpus.
  Graph assemble(std::vector<DocumentAnalysis>& documents) const;

 private:
  Pipeline(const Resources& resources, PipelineOptions options, TimeTagger times, ActorTagger actors,
           EventTagger events, RelationFinder relations, EventVocabulary vocabulary);
  const Resources* resources_;
  PipelineOptions options_;
  TimeTagger times_;
  ActorTagger actors_;
  EventTagger events_;
  RelationFinder relations_;
  EventVocabulary vocabulary_;
};

// Reads every file and builds the graph; the first unreadable file is an
// error (nothing is half-built).
Result<Graph> run_pipeline(const std::vector<std::string>& paths, const Resources& resources,
                           const PipelineOptions& options);

}  // namespace annals
