#include "graph/chains.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "graph/query.h"

namespace annals {

Result<size_t> resolve_event(const EventGraph& graph, const std::string& text) {
  if (auto index = graph.index_of(text)) return *index;
  auto found = find_events(graph.graph(), text);
  if (found.size() == 1) return found.front();
  if (found.empty()) return Error{ErrorCode::not_found, text, "no event has this id or mentions this text"};
  return Error{ErrorCode::ambiguous, text,
               "matches " + std::to_string(found.size()) + " events; give one of the ids"};
}

namespace {

// The mention of an event in `doc` whose trigger is nearest `offset`.
const Mention* nearest_mention(const GraphEvent& event, const std::string& doc, uint32_t offset) {
  const Mention* best = nullptr;
  int64_t best_distance = 0;
  for (const auto& m : event.mentions) {
    if (m.doc != doc) continue;
    int64_t distance = std::llabs(int64_t(m.start) - int64_t(offset));
    if (!best || distance < best_distance) best = &m, best_distance = distance;
  }
  return best;
}

}  // namespace

LinkEvidence link_evidence(const Graph& graph, const Chain::Link& link) {
  LinkEvidence out;
  const auto& relation = graph.relations[link.relation];
  if (!relation.evidence) return out;
  out.cue = relation.evidence->cue;
  out.doc = relation.evidence->doc;
  // The cause is usually told first; keep the text order of the sentences.
  std::vector<const Mention*> mentions;
  for (size_t event : {link.source, link.target})
    if (const Mention* m = nearest_mention(graph.events[event], out.doc, relation.evidence->start))
      mentions.push_back(m);
  std::sort(mentions.begin(), mentions.end(), [](const Mention* a, const Mention* b) { return a->start < b->start; });
  for (const Mention* m : mentions)
    if (std::find(out.sentences.begin(), out.sentences.end(), m->sentence) == out.sentences.end())
      out.sentences.push_back(m->sentence);
  return out;
}

Graph subgraph(const Graph& graph, const Chain& chain) {
  Graph part;
  std::set<size_t> events(chain.events.begin(), chain.events.end());
  std::set<size_t> relations;
  for (const auto& link : chain.links) relations.insert(link.relation);
  std::set<std::string> actors, documents;
  for (size_t e : events) {
    const auto& event = graph.events[e];
    for (const auto& role : event.actors) actors.insert(role.actor);
    for (const auto& m : event.mentions) documents.insert(m.doc);
    part.events.push_back(event);
  }
  for (size_t r : relations) {
    const auto& relation = graph.relations[r];
    if (relation.evidence) documents.insert(relation.evidence->doc);
    part.relations.push_back(relation);
  }
  for (const auto& d : graph.documents)
    if (documents.count(d.id)) part.documents.push_back(d);
  for (const auto& a : graph.actors)
    if (actors.count(a.id)) part.actors.push_back(a);
  return part;
}

}  // namespace annals
