// Stage 7 — corpus: the documents' findings merged into one graph: actors
// with their spellings merged, one node per real-world event, and the links
// between events (causal from the text; temporal and actor threads from
// their dates).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "actors/actor.h"
#include "corpus/episodes.h"
#include "events/event.h"
#include "graph/graph.h"
#include "relations/relation.h"
#include "text/document.h"
#include "time/timex.h"
#include "util/resources.h"

namespace annals {

struct DocumentAnalysis;

// What the corpus stage knows about event words (en/corpus/, en/events/nouns.tsv).
struct EventVocabulary {
  std::unordered_map<std::string, std::string> canonical;  // lemma -> the lemma its synonyms share
  std::unordered_set<std::string> light_verbs;             // "hold": its subject names the event
  std::unordered_set<std::string> named_events;            // nouns that name one event ("summit")
  std::unordered_map<std::string, std::string> episode_kinds;  // "mission" -> "operation" (corpus/episodes.h)
  std::unordered_set<std::string> place_references;            // "events", "situation" (corpus/episodes.h)

  static Result<EventVocabulary> load(const Resources& resources);
  const std::string& canonical_lemma(const std::string& lemma) const;
};

// What the corpus stage receives from each document: the findings it may
// put in the graph, without the text, tokens and mentions they came from,
// so that a corpus costs memory in proportion to the events kept, not to
// the text read. Made by reduce_document right after a document's analysis.

// The article's metadata and the only text the graph quotes: the sentences
// of kept events, relation cues and dates the year completion may cite.
// slice() takes the spans of the original text.
struct QuotedDocument {
  std::string id, path, title;
  std::optional<Dct> dct;

  std::string_view slice(Span span) const;  // empty if that text was not kept
  // Keeps the text of these spans of `text` (any order, may overlap).
  void keep(std::string_view text, std::vector<Span> spans);

 private:
  struct Piece {
    Span span;        // in the original text
    uint32_t at = 0;  // offset in quoted_
  };
  std::vector<Piece> pieces_;  // by span.start, disjoint
  std::string quoted_;
};

// An event the graph may show (see select_events in corpus.cpp): only what
// the graph takes from its EventMention, since a corpus holds millions.
struct KeptEvent {
  Span trigger;
  Span sentence;                 // quoted as the mention's evidence
  int32_t timex = -1;            // the timex that dates it, if any
  int32_t alias = -1;            // an earlier kept event it is another name for
  int32_t place = -1;            // an episode's place (document actor); -1: not an episode
  EventClass event_class = EventClass::occurrence;
  Modality modality = Modality::actual;
  bool negated = false;
  bool noun = false;
  bool time_inherited = false;
  bool past = false;             // past tense, or present perfect
  bool future = false;           // future tense
  std::string label;
  std::string merge_lemma;       // "summit" for "was held" when a summit was held
  std::vector<std::pair<int32_t, std::string>> actors;  // document actor, role
};

// An event with a date of its own, kept or not: evidence for date completion.
struct DatedMention {
  std::string lemma;
  int32_t timex = -1;
  uint32_t sentence = 0;
};

struct DocumentFindings {
  QuotedDocument doc;
  std::vector<Timex> timexes;             // all of them: date completion rewrites them
  ActorTagging actors;                    // actors only; the mentions are dropped
  std::vector<KeptEvent> events;
  std::vector<DatedMention> dated;
  std::vector<RelationMention> relations; // source and target index `events`
  std::vector<PlaceReference> references;  // "the events in Kazakhstan"
};

// Reduces a document's analysis to its findings; the analysis is consumed.
DocumentFindings reduce_document(DocumentAnalysis&& analysis, const EventVocabulary& vocabulary);

Graph assemble_graph(std::vector<DocumentFindings>& documents, const ActorTagger& actors,
                     const EventVocabulary& vocabulary);

}  // namespace annals
