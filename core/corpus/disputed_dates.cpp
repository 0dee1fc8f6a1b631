#include "corpus/disputed_dates.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include <date/date.h>

namespace annals {
namespace {

// A pair is looked for among an event's nearest neighbours only, so that an
// actor with thousands of events on two days stays linear.
constexpr size_t kMaxPartners = 8;

// "2022-01-13" → days since 1970; nullopt if the event is not dated to one day.
std::optional<int> single_day(const GraphEvent& e) {
  if (!e.time || !e.time->start || e.time->start != e.time->end) return std::nullopt;
  const std::string& s = *e.time->start;
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
  date::year_month_day day{date::year(y) / date::month(unsigned(m)) / date::day(unsigned(d))};
  if (!day.ok()) return std::nullopt;
  return date::sys_days(day).time_since_epoch().count();
}

std::set<std::string> documents_of(const GraphEvent& e) {
  std::set<std::string> docs;
  for (const auto& m : e.mentions) docs.insert(m.doc);
  return docs;
}

// Both name someone in a role that tells events apart, and no one in common:
// Putin meeting Tokayev is not Putin meeting Lukashenko.
bool roles_clash(const GraphEvent& a, const GraphEvent& b) {
  for (const char* role : {"agent", "patient", "location"}) {
    std::set<std::string> x, y;
    for (const auto& r : a.actors)
      if (r.role == role) x.insert(r.actor);
    for (const auto& r : b.actors)
      if (r.role == role) y.insert(r.actor);
    if (x.empty() || y.empty()) continue;
    if (std::none_of(x.begin(), x.end(), [&](const std::string& actor) { return y.count(actor) > 0; })) return true;
  }
  return false;
}

// Candidate pairs: events of one kind, polarity, modality and actor, on
// days at most kMaxDisputedDays apart (but not the same day: the exact
// merge has judged those), nearest first.
std::vector<std::tuple<int, size_t, size_t>> candidate_pairs(const Graph& graph, const std::vector<std::string>& kinds,
                                                            const std::vector<std::optional<int>>& day) {
  std::unordered_map<std::string, std::vector<std::pair<int, size_t>>> by_actor;
  for (size_t e = 0; e < graph.events.size(); ++e) {
    const auto& ev = graph.events[e];
    if (!day[e] || ev.event_class == "REPORTING" || ev.actors.empty() || kinds[e].empty()) continue;
    for (const auto& role : ev.actors)
      by_actor[kinds[e] + "|" + ev.polarity + "|" + ev.modality + "|" + role.actor].emplace_back(*day[e], e);
  }
  std::vector<std::tuple<int, size_t, size_t>> pairs;
  for (auto& [key, events] : by_actor) {
    std::sort(events.begin(), events.end());
    size_t next_day = 0;  // the first event on a later day than events[i]
    for (size_t i = 0; i < events.size(); ++i) {
      next_day = std::max(next_day, i + 1);
      while (next_day < events.size() && events[next_day].first == events[i].first) ++next_day;
      size_t partners = 0;
      for (size_t j = next_day; j < events.size() && partners < kMaxPartners; ++j, ++partners) {
        int gap = events[j].first - events[i].first;
        if (gap > kMaxDisputedDays) break;
        pairs.emplace_back(gap, std::min(events[i].second, events[j].second),
                           std::max(events[i].second, events[j].second));
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

// Events joined so far: the days they cover and the documents that tell them.
struct Cluster {
  int first = 0, last = 0;
  std::set<std::string> docs;
};

class Clusters {
 public:
  explicit Clusters(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), size_t(0)); }
  size_t root(size_t e) {
    while (parent_[e] != e) e = parent_[e] = parent_[parent_[e]];
    return e;
  }
  Cluster& of(size_t root, const Graph& graph, int day) {
    auto [it, fresh] = data_.try_emplace(root);
    if (fresh) it->second = {day, day, documents_of(graph.events[root])};
    return it->second;
  }
  // The first event of the two becomes the root.
  void join(size_t a, size_t b) {
    if (b < a) std::swap(a, b);
    Cluster& x = data_[a];
    Cluster& y = data_[b];
    x.first = std::min(x.first, y.first);
    x.last = std::max(x.last, y.last);
    x.docs.insert(y.docs.begin(), y.docs.end());
    data_.erase(b);
    parent_[b] = a;
  }

 private:
  std::vector<size_t> parent_;
  std::unordered_map<size_t, Cluster> data_;
};

bool share_a_document(const Cluster& a, const Cluster& b) {
  for (const auto& d : a.docs)
    if (b.docs.count(d)) return true;
  return false;
}

// `into` takes the mentions, actors and dates of `others` (in event order).
// Its time becomes the date most sources give (the first on a tie),
// widened to span every date given, with all of them in `disputed`.
void fold_into(GraphEvent& into, const std::vector<const GraphEvent*>& others) {
  std::vector<SourceDate> dates;
  std::vector<EventTime> times;  // the first event's time for each date
  auto add_date = [&](const GraphEvent& e) {
    auto same = std::find_if(dates.begin(), dates.end(), [&](const SourceDate& d) { return d.value == e.time->value; });
    if (same == dates.end()) {
      times.push_back(*e.time);
      same = dates.insert(dates.end(), {e.time->value, e.time->start, e.time->end, {}});
    }
    for (const auto& d : documents_of(e))
      if (std::find(same->docs.begin(), same->docs.end(), d) == same->docs.end()) same->docs.push_back(d);
  };
  add_date(into);
  for (const GraphEvent* other : others) {
    add_date(*other);
    into.mentions.insert(into.mentions.end(), other->mentions.begin(), other->mentions.end());
    for (const auto& role : other->actors)
      if (std::none_of(into.actors.begin(), into.actors.end(), [&](const ActorRole& r) { return r.actor == role.actor; }))
        into.actors.push_back(role);
  }
  size_t best = 0;
  for (size_t i = 1; i < dates.size(); ++i)
    if (dates[i].docs.size() > dates[best].docs.size()) best = i;
  EventTime time = times[best];
  for (const auto& d : dates) {
    if (d.start && (!time.start || *d.start < *time.start)) time.start = d.start;
    if (d.end && (!time.end || *d.end > *time.end)) time.end = d.end;
  }
  time.disputed = std::move(dates);
  into.time = std::move(time);
}

}  // namespace

std::vector<int32_t> merge_disputed_dates(Graph& graph, const std::vector<std::string>& kinds) {
  const size_t n = graph.events.size();
  std::vector<std::optional<int>> day(n);
  for (size_t e = 0; e < n; ++e) day[e] = single_day(graph.events[e]);
  Clusters clusters(n);
  bool joined = false;
  for (const auto& [gap, a, b] : candidate_pairs(graph, kinds, day)) {
    size_t ra = clusters.root(a), rb = clusters.root(b);
    if (ra == rb) continue;
    const Cluster& x = clusters.of(ra, graph, *day[ra]);
    const Cluster& y = clusters.of(rb, graph, *day[rb]);
    if (std::max(x.last, y.last) - std::min(x.first, y.first) > kMaxDisputedDays || share_a_document(x, y) ||
        roles_clash(graph.events[a], graph.events[b]))
      continue;
    clusters.join(ra, rb);
    joined = true;
  }
  std::vector<int32_t> renumbered(n);
  std::iota(renumbered.begin(), renumbered.end(), 0);
  if (!joined) return renumbered;
  std::map<size_t, std::vector<const GraphEvent*>> members;
  for (size_t e = 0; e < n; ++e)
    if (size_t r = clusters.root(e); r != e) members[r].push_back(&graph.events[e]);
  for (auto& [root, others] : members) fold_into(graph.events[root], others);
  // Compacted in place: a second vector of events would double the peak.
  std::vector<int32_t> position(n, -1);
  size_t kept = 0;
  for (size_t e = 0; e < n; ++e)
    if (clusters.root(e) == e) {
      position[e] = int32_t(kept);
      if (kept != e) graph.events[kept] = std::move(graph.events[e]);
      ++kept;
    }
  graph.events.erase(graph.events.begin() + ptrdiff_t(kept), graph.events.end());
  for (size_t e = 0; e < n; ++e) renumbered[e] = position[clusters.root(e)];
  return renumbered;
}

}  // namespace annals
