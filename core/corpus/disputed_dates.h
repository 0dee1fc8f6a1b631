// Part of stage 7 (corpus): one event that sources date differently. When
// one article says the CSTO summit was on May 16 and another May 17, the
// exact merge (same kind, same day) keeps two nodes; this pass makes them
// one node that keeps both dates and their sources (EventTime::disputed),
// which `annals query conflicts` then reports.
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"

namespace annals {

// How far apart two sources may date one event and still be believed to
// tell the same one (a time zone, a report of "yesterday" a day late).
// Further apart, they are two events.
inline constexpr int kMaxDisputedDays = 1;

// Folds together nodes that are the same event dated differently: the same
// kind (`kinds[i]`, the canonical lemma of node i), polarity and modality;
// each dated to a single day, at most kMaxDisputedDays apart; not reports
// (one person speaks again the next day); a shared actor and no clash of
// agents, patients or places; and no document among the sources of both
// (an article that tells both days tells two events). Returns, for each
// old node, its new index; events keep their order.
std::vector<int32_t> merge_disputed_dates(Graph& graph, const std::vector<std::string>& kinds);

}  // namespace annals
