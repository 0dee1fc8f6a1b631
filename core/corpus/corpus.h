// Stage 7 — corpus: the documents' findings merged into one graph: actors
// with their spellings merged, one node per real-world event, and the links
// between events (causal from the text; temporal and actor threads from
// their dates).
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "actors/actor.h"
#include "graph/graph.h"
#include "util/resources.h"

namespace annals {

struct DocumentAnalysis;

// What the corpus stage knows about event words (en/corpus/, en/events/nouns.tsv).
struct EventVocabulary {
  std::unordered_map<std::string, std::string> canonical;  // lemma -> the lemma its synonyms share
  std::unordered_set<std::string> light_verbs;             // "hold": its subject names the event
  std::unordered_set<std::string> named_events;            // nouns that name one event ("summit")

  static Result<EventVocabulary> load(const Resources& resources);
  const std::string& canonical_lemma(const std::string& lemma) const;
};

Graph assemble_graph(std::vector<DocumentAnalysis>& documents, const ActorTagger& actors,
                     const EventVocabulary& vocabulary);

}  // namespace annals
