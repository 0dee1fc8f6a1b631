// Stage 7 — corpus: the documents' findings merged into one graph: actors
// with their spellings merged, one node per real-world event, and the links
// between events (causal from the text; temporal and actor threads from
// their dates).
#pragma once

#include <vector>

#include "actors/actor.h"
#include "graph/graph.h"

namespace annals {

struct DocumentAnalysis;

Graph assemble_graph(std::vector<DocumentAnalysis>& documents, const ActorTagger& actors);

}  // namespace annals
