// The whole flow, one screen:
//
//   load document → segment → tag times → tag actors → tag events
//   → find relations → reduce to findings → (all documents) merge into one graph
//
// Each document is reduced to its findings (corpus/corpus.h) as soon as it
// is analysed, so a corpus is held as the events it gives, not as its text.
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

  // Per-document stages, in order. `dct`, when given, is this document's
  // date, over the options' --dct and what the text says.
  DocumentAnalysis analyse(Document doc, const std::optional<Dct>& dct = std::nullopt) const;
  // What the corpus stage needs of an analysis; the analysis is consumed.
  DocumentFindings reduce(DocumentAnalysis&& analysis) const;
  // Cross-document stage: one graph for the corpus.
  Graph assemble(std::vector<DocumentFindings>& documents) const;
  // The same from whole analyses (reduced here first).
  Graph assemble(std::vector<DocumentAnalysis>& documents) const;

 private:
  Pipeline(const Resources& resources, PipelineOptions options, TimeTagger times, ActorTagger actors,
           EventTagger events, RelationFinder relations, EventVocabulary vocabulary);
  PipelineOptions options_;
  BoilerplateMarker boilerplate_;
  Segmenter segmenter_;
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
