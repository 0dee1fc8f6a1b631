#include "render_model.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>

#include "escape.h"

namespace annals::render_detail {
namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

struct Lookup {
  std::map<std::string, const GraphActor*> actors;
  std::map<std::string, const GraphDocument*> documents;
  explicit Lookup(const Graph& g) {
    for (const auto& a : g.actors) actors.emplace(a.id, &a);
    for (const auto& d : g.documents) documents.emplace(d.id, &d);
  }
  std::string actor_name(const std::string& id) const {
    auto it = actors.find(id);
    return clean_text(it == actors.end() || it->second->name.empty() ? id : it->second->name);
  }
  std::string document_path(const std::string& id) const {
    auto it = documents.find(id);
    return it == documents.end() ? std::string() : it->second->path;
  }
  std::string document_title(const std::string& id) const {
    auto it = documents.find(id);
    if (it == documents.end()) return clean_text(id);
    const GraphDocument& d = *it->second;
    return clean_text(!d.title.empty() ? d.title : !d.path.empty() ? d.path : d.id);
  }
};

void set_days(const GraphEvent& e, ModelEvent& m) {
  if (!e.time) return;
  const EventTime& t = *e.time;
  std::optional<Day> start, end;
  if (t.start) start = parse_iso_day(*t.start);
  if (t.end) end = parse_iso_day(*t.end);
  m.uncertain = t.inferred;
  if (start && end) {
    m.days = DaySpan{std::min(*start, *end), std::max(*start, *end)};
  } else if (start || end) {
    // Open on one side ("before the article's date"): nowhere to draw it.
  } else if (auto period = parse_iso_period(t.value)) {
    m.days = period;
  }
  m.date_text = clean_text(t.value);
  if (start.has_value() != end.has_value())  // open on one side: say which
    m.date_text = start ? "on or after " + iso_day(*start) : "on or before " + iso_day(*end);
  if (m.days && (m.days->first != m.days->last || iso_day(m.days->first) != t.value)) {
    m.date_text += " (" + iso_day(m.days->first);
    if (m.days->last != m.days->first) m.date_text += " \xE2\x80\x93 " + iso_day(m.days->last);
    m.date_text += ")";
  }
  if (t.inferred) m.date_text += ", inferred";
}

ModelEvent make_event(const GraphEvent& e, size_t index, const Lookup& lookup) {
  ModelEvent m;
  m.index = index;
  m.members = {index};
  m.id = clean_text(e.id);
  m.label = clean_text(e.label.empty() ? e.trigger : e.label);
  if (m.label.empty()) m.label = m.id;
  m.negated = e.polarity == "negative";
  m.actual = e.modality.empty() || e.modality == "actual";
  m.modality = clean_text(e.modality);
  set_days(e, m);
  for (const ActorRole& r : e.actors) {
    std::string name = lookup.actor_name(r.actor);
    if (std::find(m.actor_names.begin(), m.actor_names.end(), name) == m.actor_names.end()) {
      m.actor_names.push_back(std::move(name));
    }
  }
  std::set<std::string> seen;
  for (const Mention& mention : e.mentions) {
    if (seen.insert(mention.doc).second) {
      m.source_titles.push_back(lookup.document_title(mention.doc));
      m.source_paths.push_back(lookup.document_path(mention.doc));
    }
    if (m.sentence.empty()) m.sentence = clean_text(mention.sentence);
  }
  return m;
}

bool matches_actor(const GraphEvent& e, const Lookup& lookup,
                   const std::vector<std::string>& wanted) {
  for (const ActorRole& r : e.actors) {
    std::vector<std::string> names = {r.actor};
    if (auto it = lookup.actors.find(r.actor); it != lookup.actors.end()) {
      names.push_back(it->second->name);
      names.insert(names.end(), it->second->aliases.begin(), it->second->aliases.end());
    }
    for (const std::string& n : names) {
      for (const std::string& w : wanted) {
        if (lower_ascii(n) == lower_ascii(w)) return true;
      }
    }
  }
  return false;
}

std::string lane_key(const GraphEvent& e, const Lookup& lookup, Lanes lanes) {
  if (lanes == Lanes::document) {
    return e.mentions.empty() ? "(no document)" : lookup.document_title(e.mentions[0].doc);
  }
  if (lanes == Lanes::none) return "Events";
  for (const ActorRole& r : e.actors) {
    if (r.role != "agent") continue;
    if (lanes == Lanes::actor) return lookup.actor_name(r.actor);
    auto it = lookup.actors.find(r.actor);
    const std::string kind = it == lookup.actors.end() ? "" : clean_text(it->second->kind);
    return kind.empty() ? "other" : kind;
  }
  return "(no agent)";
}

struct Window {
  std::optional<DaySpan> from, to;
  bool active() const { return from || to; }
  bool keeps(const ModelEvent& m) const {
    if (!active()) return true;
    if (!m.days) return false;
    if (from && m.days->last < from->first) return false;
    if (to && m.days->first > to->last) return false;
    return true;
  }
};

Result<Window> parse_window(const RenderOptions& options) {
  Window w;
  const auto parse = [](const std::optional<std::string>& text, const char* name,
                        std::optional<DaySpan>& out) -> std::optional<Error> {
    if (!text) return std::nullopt;
    out = parse_iso_period(*text);
    if (!out) {
      return Error{ErrorCode::bad_value, name,
                   "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got \"" +
                       clean_text(truncate_text(*text, 40)) + "\""};
    }
    return std::nullopt;
  };
  if (auto err = parse(options.from, "--from", w.from)) return *err;
  if (auto err = parse(options.to, "--to", w.to)) return *err;
  if (w.from && w.to && w.from->first > w.to->last) {
    return Error{ErrorCode::bad_value, "--from", "--from is after --to"};
  }
  return w;
}


template <typename T>
void append_new(std::vector<T>& to, const std::vector<T>& from) {
  for (const T& x : from) {
    if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
  }
}

void absorb(ModelEvent& into, const ModelEvent& e) {
  into.members.push_back(e.index);
  into.label += "; " + e.label;
  into.uncertain = into.uncertain || e.uncertain;
  append_new(into.actor_names, e.actor_names);
  for (size_t i = 0; i < e.source_titles.size(); ++i) {
    if (std::find(into.source_titles.begin(), into.source_titles.end(), e.source_titles[i]) !=
        into.source_titles.end()) continue;
    into.source_titles.push_back(e.source_titles[i]);
    into.source_paths.push_back(e.source_paths[i]);
  }
}

// Same-day events of one lane (and the same polarity and modality) become
// one mark that says how many it stands for; KEYS are the events' lanes.
void collapse_same_day(std::vector<ModelEvent>& events, std::vector<std::string>& keys) {
  std::map<std::tuple<Day, std::string, bool, bool>, size_t> mark_of;
  std::vector<ModelEvent> marks;
  std::vector<std::string> mark_keys;
  for (size_t i = 0; i < events.size(); ++i) {
    ModelEvent& e = events[i];
    if (e.days && e.days->first == e.days->last) {
      auto [it, added] = mark_of.emplace(std::tuple(e.days->first, keys[i], e.negated, e.actual), marks.size());
      if (!added) { absorb(marks[it->second], e); continue; }
    }
    marks.push_back(std::move(e));
    mark_keys.push_back(std::move(keys[i]));
  }
  for (ModelEvent& m : marks) {
    if (m.collapsed()) m.label = std::to_string(m.members.size()) + " events: " + m.label;
  }
  events = std::move(marks);
  keys = std::move(mark_keys);
}

}  // namespace

// More marks than a view can draw legibly is an error that says how to narrow them.
static std::optional<Error> too_dense(size_t count, const RenderOptions& options) {
  // dot needs minutes for a graph view of ~600 events with long edges.
  constexpr size_t kGraphViewMax = 300;
  size_t limit = options.max_events > 0 ? static_cast<size_t>(options.max_events) : SIZE_MAX;
  const bool graph_view = options.view == View::graph && limit > kGraphViewMax;
  if (graph_view) limit = kGraphViewMax;
  if (count > limit) {
    return Error{ErrorCode::bad_value, "render",
                 std::to_string(count) + " events to draw, more than " + std::to_string(limit) +
                     (graph_view ? " for the graph view" : "") +
                     "; narrow them with --from/--to, --actor or --top" +
                     (options.collapse_same_day ? "" : ", collapse them with --collapse-same-day") +
                     (graph_view ? ", or use --view timeline" : "")};
  }
  return std::nullopt;
}

// Filters the graph's events by the options; defined below.
Result<std::vector<ModelEvent>> select_events(const Graph& graph, const RenderOptions& options,
                                              Model& model);

Result<Model> build_model(const Graph& graph, const RenderOptions& options) {
  Model model;
  auto selected = select_events(graph, options, model);
  if (!selected) return selected.error();
  model.events = std::move(*selected);
  std::stable_sort(model.events.begin(), model.events.end(),
                   [](const ModelEvent& a, const ModelEvent& b) {
                     if (a.days.has_value() != b.days.has_value()) return a.days.has_value();
                     if (!a.days) return false;
                     if (a.days->first != b.days->first) return a.days->first < b.days->first;
                     return a.days->last < b.days->last;
                   });
  const Lookup lookup(graph);
  std::vector<std::string> keys;
  for (const ModelEvent& m : model.events) keys.push_back(lane_key(graph.events[m.index], lookup, options.lanes));
  if (options.collapse_same_day) collapse_same_day(model.events, keys);
  if (auto error = too_dense(model.events.size(), options)) return *error;
  std::map<std::string, int> lane_of;
  std::map<size_t, size_t> position;  // graph index -> model index
  for (size_t i = 0; i < model.events.size(); ++i) {
    ModelEvent& m = model.events[i];
    m.node = "e" + std::to_string(i);
    for (size_t member : m.members) position[member] = i;
    const std::string& key = keys[i];
    auto [it, added] = lane_of.emplace(key, static_cast<int>(model.lanes.size()));
    if (added) model.lanes.push_back(key);
    m.lane = it->second;
  }
  std::map<std::string, size_t> event_by_id;
  for (size_t i = 0; i < graph.events.size(); ++i) event_by_id.emplace(graph.events[i].id, i);
  std::set<std::tuple<size_t, size_t, std::string>> seen;
  for (const GraphRelation& r : graph.relations) {
    auto s = event_by_id.find(r.source), t = event_by_id.find(r.target);
    if (s == event_by_id.end() || t == event_by_id.end()) continue;
    auto ps = position.find(s->second), pt = position.find(t->second);
    if (ps == position.end() || pt == position.end() || ps->second == pt->second) continue;
    if (!seen.emplace(ps->second, pt->second, r.type).second) continue;
    // Containment and same-day links judged from the dates alone are many
    // and say what the axis already shows: drawn on request (--temporal).
    const bool from_days = !r.evidence && (r.type == "includes" || r.type == "simultaneous");
    if (from_days && !options.temporal_links) continue;
    model.relations.push_back({ps->second, pt->second, clean_text(r.type),
                               r.evidence ? clean_text(r.evidence->cue) : ""});
  }
  return model;
}

Result<std::vector<ModelEvent>> select_events(const Graph& graph, const RenderOptions& options,
                                              Model& model) {
  auto window = parse_window(options);
  if (!window) return window.error();
  const Lookup lookup(graph);
  std::vector<ModelEvent> kept;
  model.total = graph.events.size();
  for (size_t i = 0; i < graph.events.size(); ++i) {
    const GraphEvent& e = graph.events[i];
    ModelEvent m = make_event(e, i, lookup);
    if (m.negated && !options.include_negated) { ++model.hidden_negated; continue; }
    if (!m.actual && !options.include_hypothetical) { ++model.hidden_hypothetical; continue; }
    if (!window->keeps(m) || (!options.actors.empty() && !matches_actor(e, lookup, options.actors))) {
      ++model.filtered_out;
      continue;
    }
    kept.push_back(std::move(m));
  }
  if (options.top > 0 && kept.size() > static_cast<size_t>(options.top)) {
    std::vector<size_t> order(kept.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return kept[a].sources() > kept[b].sources();
    });
    order.resize(static_cast<size_t>(options.top));
    std::sort(order.begin(), order.end());
    std::vector<ModelEvent> top;
    for (size_t i : order) top.push_back(std::move(kept[i]));
    model.filtered_out += kept.size() - top.size();
    kept = std::move(top);
  }
  return kept;
}

std::string tooltip_text(const ModelEvent& e) {
  std::string t = truncate_text(e.label, 1000);
  if (e.negated) t += "\n(negated)";
  if (!e.actual) t += "\nmodality: " + e.modality;
  t += "\ndate: " + (e.date_text.empty() ? std::string("undated") : e.date_text);
  if (!e.actor_names.empty()) {
    t += "\nactors:";
    for (size_t i = 0; i < e.actor_names.size(); ++i) t += (i ? ", " : " ") + e.actor_names[i];
  }
  t += "\nsources: " + std::to_string(e.sources());
  for (const std::string& s : e.source_titles) t += "\n  - " + truncate_text(s, 100);
  if (!e.sentence.empty()) t += "\n\xE2\x80\x9C" + truncate_text(e.sentence, 400) + "\xE2\x80\x9D";
  t += "\nid: " + e.id;
  if (e.collapsed()) t += " and " + std::to_string(e.members.size() - 1) + " more";
  return t;
}

}  // namespace annals::render_detail
