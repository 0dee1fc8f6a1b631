// What a person needs around a chain of events: which event they meant,
// the sentences that state each link, and the chain as a graph of its own
// (for drawing).
//
//   auto e = annals::resolve_event(eg, "e12");      // or a text
//   if (!e) fail(e.error());                        // ambiguous: list find_events()
//   auto chain = eg.why(*e);
//   for (const auto& link : chain.links)
//     annals::link_evidence(eg.graph(), link);      // cue + sentences
//   annals::Graph part = annals::subgraph(eg.graph(), chain);
#pragma once

#include <string>
#include <vector>

#include "graph/event_graph.h"
#include "graph/graph.h"
#include "util/result.h"

namespace annals {

// EVENT as given on a command line: an exact id ("e12"), else a text that
// must match exactly one event (find_events in query.h). No match is
// not_found; several is ambiguous (the caller lists find_events()).
Result<size_t> resolve_event(const EventGraph& graph, const std::string& text);

// Where the text states a link: the relation's cue and document, and the
// sentences of the two events' mentions in that document nearest the cue
// (one sentence when both events are in it). Links derived from dates
// have no cue and no sentences.
struct LinkEvidence {
  std::string cue;
  std::string doc;
  std::vector<std::string> sentences;
};
LinkEvidence link_evidence(const Graph& graph, const Chain::Link& link);

// The chain as a graph: its events, the relations among them that the
// chain uses, the actors those events name and the documents that report
// them, in the original order.
Graph subgraph(const Graph& graph, const Chain& chain);

}  // namespace annals
