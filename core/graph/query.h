// Questions asked of a graph: which events, in time order, for a date range
// or an actor.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/graph.h"

namespace annals {

struct EventFilter {
  std::optional<std::string> from, to;  // ISO days, inclusive
  std::optional<std::string> actor;     // actor id
  bool include_unasserted = false;      // negated and hypothetical events too
};

// Checks a --from/--to value: a valid ISO day, month or year ("2022-01-05",
// "2022-01", "2022"); returns it widened to a day (start or end of period).
Result<std::string> parse_day_bound(const std::string& text, bool end_of_period);

// Events passing the filter, dated ones in time order, then undated ones.
// A date range keeps the events whose time bounds overlap it.
std::vector<const GraphEvent*> select_events(const Graph& graph, const EventFilter& filter);

// An actor by id, name or alias (case-insensitive). Several partial matches
// and no exact one is an error that lists them.
Result<const GraphActor*> find_actor(const Graph& graph, const std::string& name);

// Whether an event is asserted to have happened (positive and actual).
bool is_asserted(const GraphEvent& event);

// Number of distinct documents reporting an event.
size_t source_count(const GraphEvent& event);

// Events whose label, trigger or a mention's sentence contains `text`
// (case-folded), in graph order. Empty text matches nothing.
std::vector<size_t> find_events(const Graph& graph, const std::string& text);

}  // namespace annals
