// The event graph as a graph: events are vertices, relations are edges,
// and the questions that follow edges — what led to an event, what followed
// from it, how two events are connected, where the graph contradicts itself.
//
//   annals::EventGraph eg(graph);              // graph must outlive eg
//   auto e = eg.index_of("e12");               // or resolve_event(), chains.h
//   annals::Chain why = eg.why(*e);            // causes first, e12 last
//   for (const auto& link : why.links) ...     // Graph::relations[link.relation]
//
// Built on Boost.Graph (an adjacency_list with bundled properties; BFS
// visitors over filtered and reversed views, topological sort, strong
// components), which stays inside event_graph.cpp. Every result refers to
// the Graph by index, so it costs nothing to hand around.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph.h"

namespace annals {

// Relation types as the graph knows them; unknown strings become `other`.
enum class RelationKind : uint8_t { causes, before, includes, simultaneous, same_actor, coreferent, other };
RelationKind relation_kind(const std::string& type);
// Causal: `causes`. Temporal: `before` and `same_actor` (what `then
// --temporal` and `path` follow when there is no causal chain).
bool is_temporal(RelationKind kind);

// Events joined by relations: `events` in order (for why/then/path, causes
// before their effects; ties by date), `links` the relations among them in
// the order of their source event. Indices into Graph::events/relations.
struct Chain {
  struct Link {
    size_t relation = 0;
    size_t source = 0, target = 0;  // events, as in the relation
  };
  std::vector<size_t> events;
  std::vector<Link> links;
  bool cyclic = false;  // the causal links among these events form a cycle
};

struct PathResult {
  Chain chain;           // events from the first to the last on the path
  bool causal = true;    // false: no causal chain, this one is temporal
  bool reversed = false;  // the path runs from the second event to the first
};

struct Conflict {
  enum class Kind { causal_cycle, cause_after_effect, sources_disagree };
  Kind kind = Kind::causal_cycle;
  std::vector<size_t> events;     // indices into Graph::events
  std::vector<size_t> relations;  // indices into Graph::relations
  std::string detail;             // one line, for people
};
const char* to_string(Conflict::Kind kind);

struct FollowOptions {
  bool temporal = false;  // also follow `before` and `same_actor` links
  int depth = -1;         // at most this many links from the event; -1: no limit
};

class EventGraph {
 public:
  // Relations whose source or target is not an event id are left out (and
  // counted in dangling_relations()).
  explicit EventGraph(const Graph& graph);
  ~EventGraph();
  EventGraph(EventGraph&&) noexcept;
  EventGraph& operator=(EventGraph&&) noexcept;

  const Graph& graph() const;
  size_t dangling_relations() const;

  // The event with this exact id.
  std::optional<size_t> index_of(const std::string& id) const;

  // What led to `event`: every event with a causal path to it and the
  // causal links among them, earliest cause first, `event` last.
  Chain why(size_t event, int depth = -1) const;
  // What followed from `event`: its causal descendants (with
  // options.temporal also its temporal successors), `event` first.
  Chain then(size_t event, const FollowOptions& options = {}) const;
  // The shortest chain between two events: a causal one in either
  // direction if there is one, else a temporal one; nullopt if neither.
  std::optional<PathResult> path(size_t from, size_t to) const;
  // Causal cycles, causes dated after their effects, and events that
  // sources report differently (one says it happened, one that it did not;
  // the same event on days that do not overlap). Reported, never dropped.
  std::vector<Conflict> conflicts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace annals
