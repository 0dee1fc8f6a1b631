#include "graph/event_graph.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>
#include <type_traits>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/graph/two_bit_color_map.hpp>
#include <boost/pending/queue.hpp>
#include <boost/property_map/property_map.hpp>

#include "text/segment.h"

namespace annals {

RelationKind relation_kind(const std::string& type) {
  // Called once per relation of a big graph: compare, do not hash.
  if (type == "causes") return RelationKind::causes;
  if (type == "same_actor") return RelationKind::same_actor;
  if (type == "before") return RelationKind::before;
  if (type == "includes") return RelationKind::includes;
  if (type == "simultaneous") return RelationKind::simultaneous;
  if (type == "coreferent") return RelationKind::coreferent;
  return RelationKind::other;
}

bool is_temporal(RelationKind kind) { return kind == RelationKind::before || kind == RelationKind::same_actor; }

const char* to_string(Conflict::Kind kind) {
  switch (kind) {
    case Conflict::Kind::causal_cycle: return "causal_cycle";
    case Conflict::Kind::cause_after_effect: return "cause_after_effect";
    case Conflict::Kind::sources_disagree: return "sources_disagree";
  }
  return "";
}

namespace {

// Vertex i is Graph::events[i]; an edge is one relation.
struct VertexData {
  uint32_t event = 0;
};
struct EdgeData {
  RelationKind kind = RelationKind::other;
  uint32_t relation = 0;
};
using Adjacency = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData,
                                       boost::no_property, boost::vecS>;
using Vertex = Adjacency::vertex_descriptor;
using Edge = Adjacency::edge_descriptor;

constexpr unsigned bit(RelationKind k) { return 1u << unsigned(k); }
constexpr unsigned kCausal = bit(RelationKind::causes);
constexpr unsigned kTemporal = bit(RelationKind::before) | bit(RelationKind::same_actor);

// The edge behind an edge of a (reversed) view.
template <typename E, typename G>
Edge base_edge(const E& e, const G& g) {
  if constexpr (std::is_same_v<E, Edge>) return e;
  else return boost::get(boost::edge_underlying, g, e);
}

// Sparse per-traversal state: a query costs what it visits, not the size of
// the graph.
using ColorStore = std::unordered_map<Vertex, boost::default_color_type>;
using DepthStore = std::unordered_map<Vertex, int>;

// Edges of some kinds; with a depth limit, only edges leaving a vertex
// nearer than the limit (the depth is filled in by the BFS as it goes, and
// is final by the time the vertex's edges are examined).
struct EdgeFilter {
  const Adjacency* g = nullptr;
  unsigned kinds = 0;
  const DepthStore* depth = nullptr;
  int max_depth = -1;
  bool reversed = false;

  bool operator()(const Edge& e) const {
    if (!(kinds & bit((*g)[e].kind))) return false;
    if (max_depth < 0 || !depth) return true;
    auto it = depth->find(reversed ? boost::target(e, *g) : boost::source(e, *g));
    return it != depth->end() && it->second < max_depth;
  }
};

// Dated vertices within a window of days (temporal links only go forward
// in time, so a temporal path between two dated events stays between
// their dates).
struct InWindow {
  const std::vector<int32_t>* start = nullptr;
  int32_t first = INT32_MIN, last = INT32_MAX;
  bool operator()(Vertex v) const { return (*start)[v] != INT32_MAX && (*start)[v] >= first && (*start)[v] <= last; }
};

// Records what a BFS reaches: vertices in discovery order, every edge
// examined (so every followed relation among reached vertices), depths.
struct Reach {
  std::vector<size_t> vertices;
  std::vector<size_t> relations;
  DepthStore depth;
};

class ReachVisitor : public boost::default_bfs_visitor {
 public:
  ReachVisitor(const Adjacency& g, Reach& reach) : g_(&g), reach_(&reach) {}
  template <typename G>
  void discover_vertex(Vertex v, const G&) const {
    reach_->vertices.push_back(v);
    reach_->depth.try_emplace(v, 0);
  }
  template <typename E, typename G>
  void tree_edge(const E& e, const G& g) const {
    reach_->depth[boost::target(e, g)] = reach_->depth[boost::source(e, g)] + 1;
  }
  template <typename E, typename G>
  void examine_edge(const E& e, const G& g) const {
    reach_->relations.push_back((*g_)[base_edge(e, g)].relation);
  }

 private:
  const Adjacency* g_;
  Reach* reach_;
};

struct Found {};

// The tree edge into each vertex reached (sparse: a causal search stays
// small).
class SparsePred {
 public:
  void set(Vertex v, Vertex u, uint32_t relation) { pred_[v] = {u, relation}; }
  std::optional<std::pair<Vertex, uint32_t>> get(Vertex v) const {
    auto it = pred_.find(v);
    return it == pred_.end() ? std::nullopt : std::optional(it->second);
  }

 private:
  std::unordered_map<Vertex, std::pair<Vertex, uint32_t>> pred_;
};

// Records the tree edge into each vertex; stops the search at the goal.
template <typename Pred>
class PathVisitor : public boost::default_bfs_visitor {
 public:
  PathVisitor(const Adjacency& g, Pred& pred, Vertex goal) : g_(&g), pred_(&pred), goal_(goal) {}
  template <typename E, typename G>
  void tree_edge(const E& e, const G& g) const {
    pred_->set(boost::target(e, g), boost::source(e, g), (*g_)[base_edge(e, g)].relation);
    if (boost::target(e, g) == goal_) throw Found{};
  }

 private:
  const Adjacency* g_;
  Pred* pred_;
  Vertex goal_;
};

// A BFS queue that hands out one layer at a time: what a layer discovers
// waits for the next one, and the queue looks empty once the current layer
// is done, so breadth_first_visit returns and can be resumed later (with no
// new sources) for the next layer. Lets two searches take turns.
class LayerQueue {
 public:
  void push(Vertex v) { next_.push_back(v); }
  Vertex top() const { return current_[head_]; }
  void pop() { ++head_; }
  bool empty() const { return head_ == current_.size(); }
  size_t waiting() const { return next_.size(); }
  void next_layer() {
    current_.swap(next_);
    next_.clear();
    head_ = 0;
  }

 private:
  std::vector<Vertex> current_, next_;
  size_t head_ = 0;
};

// One side of a bidirectional search: for each vertex it reached, the
// vertex it came from (nearer its start), the relation between them and the
// number of links from its start.
struct SearchSide {
  struct Step {
    Vertex from = 0;
    uint32_t relation = 0;
    uint32_t depth = 0;
  };
  explicit SearchSide(size_t vertices, Vertex start) : color(vertices) {
    boost::put(color, start, boost::two_bit_gray);
    queue.push(start);
    reached.emplace(start, Step{start, 0, 0});
  }
  boost::two_bit_color_map<> color;
  LayerQueue queue;
  std::unordered_map<Vertex, Step> reached;
};

// Where the two searches met: the vertex with the fewest links in all.
struct Meeting {
  Vertex vertex = 0;
  uint32_t links = UINT32_MAX;
};

class MeetVisitor : public boost::default_bfs_visitor {
 public:
  MeetVisitor(const Adjacency& g, SearchSide& self, const SearchSide& other, Meeting& meeting)
      : g_(&g), self_(&self), other_(&other), meeting_(&meeting) {}
  template <typename E, typename G>
  void tree_edge(const E& e, const G& g) const {
    Vertex u = boost::source(e, g), v = boost::target(e, g);
    uint32_t depth = self_->reached.at(u).depth + 1;
    self_->reached[v] = {u, (*g_)[base_edge(e, g)].relation, depth};
    if (auto it = other_->reached.find(v); it != other_->reached.end() && depth + it->second.depth < meeting_->links)
      *meeting_ = {v, depth + it->second.depth};
  }

 private:
  const Adjacency* g_;
  SearchSide* self_;
  const SearchSide* other_;
  Meeting* meeting_;
};

// The shortest path from `from` to `to` in `forward`, searched from both
// ends at once (the side with the smaller next layer goes first), so the
// cost grows with the square root of what a one-sided search would visit.
// A layer is always finished, so the meeting found is a nearest one.
template <typename G>
std::optional<Chain> bidirectional_path(const Adjacency& adjacency, const G& forward, Vertex from, Vertex to) {
  const size_t n = boost::num_vertices(adjacency);
  SearchSide ahead(n, from), back(n, to);
  auto backward = boost::make_reverse_graph(forward);
  Meeting meeting;
  const Vertex* no_sources = nullptr;
  while (meeting.links == UINT32_MAX) {
    if (!ahead.queue.waiting() || !back.queue.waiting()) return std::nullopt;
    if (ahead.queue.waiting() <= back.queue.waiting()) {
      ahead.queue.next_layer();
      boost::breadth_first_visit(forward, no_sources, no_sources, ahead.queue,
                                 MeetVisitor(adjacency, ahead, back, meeting), ahead.color);
    } else {
      back.queue.next_layer();
      boost::breadth_first_visit(backward, no_sources, no_sources, back.queue,
                                 MeetVisitor(adjacency, back, ahead, meeting), back.color);
    }
  }
  Chain chain;
  for (Vertex v = meeting.vertex; v != from;) {
    const auto& step = ahead.reached.at(v);
    chain.links.push_back({step.relation, step.from, v});
    chain.events.push_back(v);
    v = step.from;
  }
  chain.events.push_back(from);
  std::reverse(chain.events.begin(), chain.events.end());
  std::reverse(chain.links.begin(), chain.links.end());
  for (Vertex v = meeting.vertex; v != to;) {
    const auto& step = back.reached.at(v);
    chain.links.push_back({step.relation, v, step.from});
    chain.events.push_back(step.from);
    v = step.from;
  }
  return chain;
}

template <typename G, typename Visitor>
void visit_from(const G& g, Vertex start, Visitor visitor) {
  ColorStore colors;
  boost::associative_property_map<ColorStore> color(colors);
  boost::queue<Vertex> queue;
  boost::breadth_first_visit(g, start, queue, visitor, color);
}

// "2022-01-05" → 20220105; anything else → missing.
int32_t day_number(const std::optional<std::string>& iso, int32_t missing) {
  if (!iso || iso->size() < 10) return missing;
  const std::string& s = *iso;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return missing;
  if (s[4] != '-' || s[7] != '-') return missing;
  return std::stoi(s.substr(0, 4)) * 10000 + std::stoi(s.substr(5, 2)) * 100 + std::stoi(s.substr(8, 2));
}

std::string fold(const std::string& s) { return fold_case(s); }

// "e12" → 12; anything else (or a number too long) → 0.
size_t event_number(const std::string& id) {
  if (id.size() < 2 || id.size() > 12 || id[0] != 'e' || id[1] == '0') return 0;
  size_t n = 0;
  for (size_t i = 1; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return 0;
    n = n * 10 + size_t(id[i] - '0');
  }
  return n;
}

}  // namespace

struct EventGraph::Impl {
  const Graph* graph = nullptr;
  Adjacency adjacency;
  std::vector<int32_t> start, end;  // day numbers; INT32_MAX / INT32_MIN when unknown
  size_t dangling = 0;
  mutable std::unordered_map<std::string, size_t> ids;  // built on first use off the fast path

  bool sequential = true;  // event i has the id "e<i+1>", as annals writes them

  std::optional<size_t> find(const std::string& id) const {
    if (sequential) {
      size_t n = event_number(id);
      if (n >= 1 && n <= graph->events.size()) return n - 1;
      return std::nullopt;
    }
    if (ids.empty())
      for (size_t i = 0; i < graph->events.size(); ++i) ids.try_emplace(graph->events[i].id, i);
    auto it = ids.find(id);
    return it == ids.end() ? std::nullopt : std::optional<size_t>(it->second);
  }

  auto view(unsigned kinds, const DepthStore* depth = nullptr, int max_depth = -1, bool reversed = false) const {
    return boost::make_filtered_graph(adjacency, EdgeFilter{&adjacency, kinds, depth, max_depth, reversed});
  }

  Reach reach(size_t event, unsigned kinds, int max_depth, bool reversed) const {
    Reach r;
    auto forward = view(kinds, &r.depth, max_depth, reversed);
    if (reversed) visit_from(boost::make_reverse_graph(forward), event, ReachVisitor(adjacency, r));
    else visit_from(forward, event, ReachVisitor(adjacency, r));
    return r;
  }

  std::optional<Chain> search(size_t from, size_t to, unsigned kinds, bool dated_window) const {
    if (from == to) return std::nullopt;
    auto edges = view(kinds);
    if (!(kinds & kTemporal)) {
      SparsePred pred;
      try {
        visit_from(edges, from, PathVisitor(adjacency, pred, to));
      } catch (const Found&) {
      }
      return chain_to(pred, from, to);
    }
    if (!dated_window) return bidirectional_path(adjacency, edges, from, to);
    auto window = boost::make_filtered_graph(edges, boost::keep_all(), InWindow{&start, start[from], start[to]});
    return bidirectional_path(adjacency, window, from, to);
  }

  template <typename Pred>
  std::optional<Chain> chain_to(const Pred& pred, size_t from, size_t to) const {
    if (!pred.get(to)) return std::nullopt;
    Chain chain;
    for (Vertex v = to; v != from;) {
      auto [u, relation] = *pred.get(v);
      chain.links.push_back({relation, u, v});
      chain.events.push_back(v);
      v = u;
    }
    chain.events.push_back(from);
    std::reverse(chain.events.begin(), chain.events.end());
    std::reverse(chain.links.begin(), chain.links.end());
    return chain;
  }

  // Causes before effects (a topological sort; where links form a cycle,
  // strongly connected components in reverse topological order); ties by
  // date.
  Chain order(const Reach& r) const {
    Chain chain;
    std::vector<size_t> events = r.vertices;
    // Inserting the latest first makes the DFS-based sort list earlier
    // roots first.
    std::sort(events.begin(), events.end(), [&](size_t a, size_t b) {
      return std::tie(start[a], a) > std::tie(start[b], b);
    });
    std::unordered_map<size_t, size_t> local;
    for (size_t i = 0; i < events.size(); ++i) local[events[i]] = i;
    std::vector<size_t> relations = r.relations;
    std::sort(relations.begin(), relations.end());
    relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> small(events.size());
    for (size_t rel : relations) {
      const auto& relation = graph->relations[rel];
      auto s = find(relation.source), t = find(relation.target);
      if (!s || !t || !local.count(*s) || !local.count(*t)) continue;
      boost::add_edge(local[*s], local[*t], small);
      chain.links.push_back({rel, *s, *t});
    }
    std::vector<size_t> position(events.size());
    try {
      std::vector<size_t> reverse_order;
      boost::topological_sort(small, std::back_inserter(reverse_order));
      for (size_t k = 0; k < reverse_order.size(); ++k) position[reverse_order[k]] = reverse_order.size() - 1 - k;
    } catch (const boost::not_a_dag&) {
      chain.cyclic = true;
      std::vector<int> component(events.size());
      boost::strong_components(small, boost::make_iterator_property_map(component.begin(),
                                                                        boost::get(boost::vertex_index, small)));
      std::vector<size_t> by(events.size());
      for (size_t i = 0; i < by.size(); ++i) by[i] = i;
      std::sort(by.begin(), by.end(), [&](size_t a, size_t b) {
        return std::make_tuple(-component[a], start[events[a]], events[a]) <
               std::make_tuple(-component[b], start[events[b]], events[b]);
      });
      for (size_t k = 0; k < by.size(); ++k) position[by[k]] = k;
    }
    chain.events.assign(events.size(), 0);
    for (size_t i = 0; i < events.size(); ++i) chain.events[position[i]] = events[i];
    std::stable_sort(chain.links.begin(), chain.links.end(), [&](const Chain::Link& a, const Chain::Link& b) {
      return std::make_pair(position[local[a.source]], position[local[a.target]]) <
             std::make_pair(position[local[b.source]], position[local[b.target]]);
    });
    return chain;
  }

  std::set<std::string> documents(size_t e) const {
    std::set<std::string> docs;
    for (const auto& m : graph->events[e].mentions) docs.insert(m.doc);
    return docs;
  }

  bool disjoint_sources(size_t a, size_t b) const {
    auto da = documents(a), db = documents(b);
    if (da.empty() || db.empty()) return false;
    for (const auto& d : da)
      if (db.count(d)) return false;
    return true;
  }

  bool overlap(size_t a, size_t b) const {
    if (start[a] == INT32_MAX || start[b] == INT32_MAX || end[a] == INT32_MIN || end[b] == INT32_MIN) return true;
    return start[a] <= end[b] && start[b] <= end[a];
  }

  void cycles(std::vector<Conflict>& out) const {
    auto causal = view(kCausal);
    std::vector<int> component(boost::num_vertices(adjacency));
    int count = boost::strong_components(
        causal, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, causal)));
    std::vector<size_t> size(size_t(count), 0);
    for (int c : component) ++size[size_t(c)];
    std::map<int, Conflict> found;  // by component, so output follows the first event
    auto [begin, end_] = boost::edges(causal);
    for (auto it = begin; it != end_; ++it) {
      Vertex s = boost::source(*it, adjacency), t = boost::target(*it, adjacency);
      if (component[s] != component[t] || (size[size_t(component[s])] == 1 && s != t)) continue;
      Conflict& c = found[component[s]];
      c.kind = Conflict::Kind::causal_cycle;
      c.relations.push_back(adjacency[*it].relation);
    }
    for (size_t v = 0; v < component.size(); ++v)
      if (auto it = found.find(component[v]); it != found.end()) it->second.events.push_back(v);
    std::map<size_t, Conflict> ordered;
    for (auto& [comp, c] : found) {
      std::sort(c.relations.begin(), c.relations.end());
      c.detail = std::to_string(c.events.size()) + " event(s) cause each other";
      ordered.emplace(c.events.front(), std::move(c));
    }
    for (auto& [first, c] : ordered) out.push_back(std::move(c));
  }

  void late_causes(std::vector<Conflict>& out) const {
    const auto& rels = graph->relations;
    auto causal = view(kCausal);
    std::vector<Edge> late;
    auto [begin, end_] = boost::edges(causal);
    for (auto it = begin; it != end_; ++it) {
      Vertex s = boost::source(*it, adjacency), t = boost::target(*it, adjacency);
      if (start[s] != INT32_MAX && end[t] != INT32_MIN && start[s] > end[t]) late.push_back(*it);
    }
    std::sort(late.begin(), late.end(), [&](const Edge& a, const Edge& b) {
      return adjacency[a].relation < adjacency[b].relation;
    });
    for (const Edge& e : late) {
      size_t rel = adjacency[e].relation;
      Vertex s = boost::source(e, adjacency), t = boost::target(e, adjacency);
      const auto& cause = graph->events[s];
      const auto& effect = graph->events[t];
      out.push_back({Conflict::Kind::cause_after_effect, {s, t}, {rel},
                     rels[rel].source + " (" + cause.time->value + ") is dated after its effect " + rels[rel].target +
                         " (" + effect.time->value + ")"});
    }
  }

  // Pairs from disjoint sources within groups of events that look like the
  // same event; a group is capped so that a common trigger stays linear.
  void disagreements(std::vector<Conflict>& out) const {
    const auto& events = graph->events;
    auto by_actors = groups_of(events.size(), [&](size_t e) -> std::string {
      const auto& ev = events[e];
      if (ev.actors.empty()) return {};
      std::vector<std::string_view> actors;
      for (const auto& role : ev.actors) actors.push_back(role.actor);
      std::sort(actors.begin(), actors.end());
      std::string key = fold(ev.trigger);
      for (auto a : actors) key.append("\x1f").append(a);
      return key;
    });
    auto by_label = groups_of(events.size(), [&](size_t e) -> std::string {
      const auto& ev = events[e];
      if (ev.polarity != "positive" || start[e] == INT32_MAX || end[e] == INT32_MIN || ev.label.empty()) return {};
      return fold(ev.label);
    });
    std::set<std::pair<size_t, size_t>> seen;
    std::vector<Conflict> found;
    auto report = [&](size_t a, size_t b, std::string detail) {
      if (!seen.insert({a, b}).second) return;
      found.push_back({Conflict::Kind::sources_disagree, {a, b}, {}, std::move(detail)});
    };
    auto doc_of = [&](size_t e) { return events[e].mentions.empty() ? std::string() : events[e].mentions[0].doc; };
    for (const auto& group : by_actors)
      for (size_t i = 0; i < group.size(); ++i)
        for (size_t j = i + 1; j < group.size(); ++j) {
          size_t a = group[i], b = group[j];
          if (events[a].polarity == events[b].polarity || !overlap(a, b) || !disjoint_sources(a, b)) continue;
          report(a, b, doc_of(a) + " says " + events[a].id + " " + (events[a].polarity == "negative" ? "did not happen" : "happened") +
                           ", " + doc_of(b) + " that it " + (events[b].polarity == "negative" ? "did not" : "did"));
        }
    for (const auto& group : by_label)
      for (size_t i = 0; i < group.size(); ++i)
        for (size_t j = i + 1; j < group.size(); ++j) {
          size_t a = group[i], b = group[j];
          if (overlap(a, b) || !disjoint_sources(a, b)) continue;
          report(a, b, doc_of(a) + " dates it " + events[a].time->value + ", " + doc_of(b) + " " +
                           events[b].time->value);
        }
    // One node whose sources give different dates (merged by the corpus stage).
    for (size_t e = 0; e < events.size(); ++e)
      if (events[e].time && events[e].time->disputed.size() > 1)
        found.push_back({Conflict::Kind::sources_disagree, {e}, {}, disputed_detail(*events[e].time)});
    std::sort(found.begin(), found.end(), [](const Conflict& x, const Conflict& y) { return x.events < y.events; });
    for (auto& c : found) out.push_back(std::move(c));
  }

  // "d1 dates it 2022-01-13, d2 and d3 2022-01-14"
  static std::string disputed_detail(const EventTime& time) {
    std::string detail;
    for (const auto& date : time.disputed) {
      std::string docs;
      for (size_t i = 0; i < date.docs.size(); ++i)
        docs += (i == 0 ? "" : i + 1 == date.docs.size() ? " and " : ", ") + date.docs[i];
      detail += detail.empty() ? docs + " dates it " + date.value : ", " + docs + " " + date.value;
    }
    return detail;
  }

  // Events with the same non-empty key, in event order, for keys shared by
  // at least two; a group keeps its first kMaxGroup events. Sorting hashes
  // instead of a map of strings: a million events cost a sort, not a
  // million allocations in a hash table.
  template <typename KeyOf>
  static std::vector<std::vector<size_t>> groups_of(size_t n, KeyOf key_of) {
    constexpr size_t kMaxGroup = 64;
    std::vector<std::pair<uint64_t, size_t>> keyed;
    for (size_t e = 0; e < n; ++e)
      if (std::string key = key_of(e); !key.empty()) keyed.emplace_back(std::hash<std::string>{}(key), e);
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::vector<size_t>> groups;
    for (size_t i = 0, j; i < keyed.size(); i = j) {
      for (j = i + 1; j < keyed.size() && keyed[j].first == keyed[i].first;) ++j;
      if (j - i < 2) continue;
      // Equal hashes: split by the key itself (a collision is not a match).
      std::map<std::string, std::vector<size_t>> exact;
      for (size_t k = i; k < j; ++k) {
        auto& group = exact[key_of(keyed[k].second)];
        if (group.size() < kMaxGroup) group.push_back(keyed[k].second);
      }
      for (auto& [key, group] : exact)
        if (group.size() > 1) groups.push_back(std::move(group));
    }
    return groups;
  }
};

EventGraph::EventGraph(const Graph& graph) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.graph = &graph;
  const size_t n = graph.events.size();
  m.adjacency = Adjacency(n);
  m.start.resize(n);
  m.end.resize(n);
  for (size_t i = 0; i < n; ++i) {
    m.adjacency[i].event = uint32_t(i);
    m.sequential = m.sequential && event_number(graph.events[i].id) == i + 1;
    const auto& time = graph.events[i].time;
    m.start[i] = time ? day_number(time->start, INT32_MAX) : INT32_MAX;
    m.end[i] = time ? day_number(time->end, INT32_MIN) : INT32_MIN;
  }
  for (size_t r = 0; r < graph.relations.size(); ++r) {
    const auto& relation = graph.relations[r];
    auto s = m.find(relation.source), t = m.find(relation.target);
    if (!s || !t) {
      ++m.dangling;
      continue;
    }
    boost::add_edge(*s, *t, EdgeData{relation_kind(relation.type), uint32_t(r)}, m.adjacency);
  }
}

EventGraph::~EventGraph() = default;
EventGraph::EventGraph(EventGraph&&) noexcept = default;
EventGraph& EventGraph::operator=(EventGraph&&) noexcept = default;

const Graph& EventGraph::graph() const { return *impl_->graph; }
size_t EventGraph::dangling_relations() const { return impl_->dangling; }
std::optional<size_t> EventGraph::index_of(const std::string& id) const { return impl_->find(id); }

Chain EventGraph::why(size_t event, int depth) const {
  return impl_->order(impl_->reach(event, kCausal, depth, /*reversed=*/true));
}

Chain EventGraph::then(size_t event, const FollowOptions& options) const {
  Reach r = impl_->reach(event, kCausal, options.depth, /*reversed=*/false);
  if (options.temporal) {
    // One step in time from each event reached: what came next, not the
    // rest of history.
    auto temporal = impl_->view(kTemporal);
    std::set<size_t> have(r.vertices.begin(), r.vertices.end());
    const size_t reached = r.vertices.size();
    for (size_t k = 0; k < reached; ++k) {
      auto [begin, end] = boost::out_edges(r.vertices[k], temporal);
      for (auto it = begin; it != end; ++it)
        if (Vertex t = boost::target(*it, temporal); have.insert(t).second) r.vertices.push_back(t);
    }
    // And the temporal links among all of them.
    for (size_t v : r.vertices) {
      auto [begin, end] = boost::out_edges(v, temporal);
      for (auto it = begin; it != end; ++it)
        if (have.count(boost::target(*it, temporal))) r.relations.push_back(impl_->adjacency[*it].relation);
    }
  }
  return impl_->order(r);
}

std::optional<PathResult> EventGraph::path(size_t from, size_t to) const {
  const Impl& m = *impl_;
  if (auto chain = m.search(from, to, kCausal, false)) return PathResult{std::move(*chain), true, false};
  if (auto chain = m.search(to, from, kCausal, false)) return PathResult{std::move(*chain), true, true};
  // Temporal links go forward in time: search from the earlier event, and
  // only through events no later than the other one.
  bool dated = m.start[from] != INT32_MAX && m.start[to] != INT32_MAX;
  bool backwards = dated && m.start[to] < m.start[from];
  if (!backwards)
    if (auto chain = m.search(from, to, kTemporal, dated)) return PathResult{std::move(*chain), false, false};
  if (!dated || backwards || m.start[to] == m.start[from])
    if (auto chain = m.search(to, from, kTemporal, dated)) return PathResult{std::move(*chain), false, true};
  return std::nullopt;
}

std::vector<Conflict> EventGraph::conflicts() const {
  std::vector<Conflict> out;
  impl_->cycles(out);
  impl_->late_causes(out);
  impl_->disagreements(out);
  return out;
}

}  // namespace annals
