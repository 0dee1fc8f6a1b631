#include "graph/query.h"

#include <algorithm>
#include <set>

#include <date/date.h>

#include "text/segment.h"

namespace annals {
namespace {

bool overlaps(const GraphEvent& e, const EventFilter& f) {
  if (!f.from && !f.to) return true;
  if (!e.time || !e.time->start || !e.time->end) return false;
  if (f.from && *e.time->end < *f.from) return false;
  if (f.to && *e.time->start > *f.to) return false;
  return true;
}

bool has_actor(const GraphEvent& e, const std::string& actor) {
  return std::any_of(e.actors.begin(), e.actors.end(), [&](const ActorRole& r) { return r.actor == actor; });
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool is_asserted(const GraphEvent& event) {
  return event.polarity == "positive" && (event.modality == "actual" || event.modality == "reported");
}

size_t source_count(const GraphEvent& event) {
  std::set<std::string> docs;
  for (const auto& m : event.mentions) docs.insert(m.doc);
  return docs.size();
}

Result<std::string> parse_day_bound(const std::string& text, bool end_of_period) {
  const Error bad{ErrorCode::bad_value, "", "\"" + text + "\" is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)"};
  std::string y = text.substr(0, 4), m = text.size() >= 7 ? text.substr(5, 2) : "", d = text.size() >= 10 ? text.substr(8, 2) : "";
  bool shape = (text.size() == 4 || (text.size() == 7 && text[4] == '-') ||
                (text.size() == 10 && text[4] == '-' && text[7] == '-')) &&
               all_digits(y) && (m.empty() || all_digits(m)) && (d.empty() || all_digits(d));
  if (!shape) return bad;
  using namespace date;
  const date::year year{std::stoi(y)};
  const date::month month{m.empty() ? (end_of_period ? 12u : 1u) : unsigned(std::stoi(m))};
  if (!month.ok()) return bad;
  year_month_day day = d.empty() ? (end_of_period ? year_month_day(year / month / last) : year / month / 1)
                                 : year / month / date::day(unsigned(std::stoi(d)));
  if (!day.ok()) return bad;
  return date::format("%F", sys_days(day));
}

std::vector<const GraphEvent*> select_events(const Graph& graph, const EventFilter& filter) {
  std::vector<const GraphEvent*> events;
  for (const auto& e : graph.events) {
    if (!filter.include_unasserted && !is_asserted(e)) continue;
    if (filter.actor && !has_actor(e, *filter.actor)) continue;
    if (overlaps(e, filter)) events.push_back(&e);
  }
  // Dated events by their bounds, then those with a partial value
  // ("XXXX-05-16") by that value, then undated ones; ties keep graph order.
  auto key = [](const GraphEvent* e) {
    if (e->time && e->time->start) return std::make_tuple(0, *e->time->start, e->time->end.value_or(""));
    if (e->time) return std::make_tuple(1, e->time->value, std::string());
    return std::make_tuple(2, std::string(), std::string());
  };
  std::stable_sort(events.begin(), events.end(), [&](const GraphEvent* a, const GraphEvent* b) { return key(a) < key(b); });
  return events;
}

Result<const GraphActor*> find_actor(const Graph& graph, const std::string& name) {
  const std::string wanted = fold_case(name);
  std::vector<const GraphActor*> partial;
  for (const auto& actor : graph.actors) {
    std::vector<std::string> names{actor.id, actor.name};
    names.insert(names.end(), actor.aliases.begin(), actor.aliases.end());
    bool exact = false, contains = false;
    for (const auto& n : names) {
      std::string folded = fold_case(n);
      exact |= folded == wanted;
      contains |= folded.find(wanted) != std::string::npos;
    }
    if (exact) return &actor;
    if (contains) partial.push_back(&actor);
  }
  if (partial.size() == 1) return partial.front();
  if (partial.empty()) return Error{ErrorCode::not_found, name, "no such actor"};
  std::string list;
  for (const auto* actor : partial) list += (list.empty() ? "" : ", ") + actor->name + " (" + actor->id + ")";
  return Error{ErrorCode::ambiguous, name, "matches several actors: " + list + "; give one of the ids"};
}

std::vector<size_t> find_events(const Graph& graph, const std::string& text) {
  std::vector<size_t> found;
  const std::string wanted = fold_case(text);
  if (wanted.empty()) return found;
  std::string folded;
  auto contains = [&](const std::string& s) {
    folded.clear();
    fold_case(s, folded);
    return folded.find(wanted) != std::string::npos;
  };
  for (size_t i = 0; i < graph.events.size(); ++i) {
    const auto& e = graph.events[i];
    bool hit = contains(e.label) || contains(e.trigger);
    for (size_t m = 0; !hit && m < e.mentions.size(); ++m) hit = contains(e.mentions[m].sentence);
    if (hit) found.push_back(i);
  }
  return found;
}

}  // namespace annals
