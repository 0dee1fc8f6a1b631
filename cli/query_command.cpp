// annals query SOURCE events [--from DATE] [--to DATE] [--actor NAME]
// annals query SOURCE actor NAME [--from DATE] [--to DATE]
// annals query SOURCE between DATE DATE
// annals query SOURCE find TEXT
// annals query SOURCE why EVENT | then EVENT [--temporal] | path EVENT EVENT
// annals query SOURCE conflicts
// SOURCE is a graph JSON file or a store.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "common.h"
#include "graph/chains.h"
#include "graph/event_graph.h"
#include "graph/graph.h"
#include "graph/query.h"
#include "render.h"
#include "store/store.h"
#include "table.h"

namespace annals::cli {
namespace {

using Json = nlohmann::ordered_json;

struct QueryOptions {
  std::string graph;
  std::string from, to, actor;
  std::string format = "table";
  std::string output = "-";
  std::string text;
  std::vector<std::string> events;  // EVENT arguments of why/then/path
  int depth = -1;
  bool temporal = false;
  bool all = false;
};

// "2022-01-13?" (partly inferred); "2022-01-13 (or 2022-01-14)" when
// sources disagree; "<= 2022-06-08?" before the article's date.
std::string when(const GraphEvent& e) {
  if (!e.time) return "(undated)";
  // Open on one side (from tense): "<= 2022-06-08?", ">= 2022-06-08?".
  if (e.time->start.has_value() != e.time->end.has_value())
    return (e.time->end ? "<= " + *e.time->end : ">= " + *e.time->start) + (e.time->inferred ? "?" : "");
  // "today" in an article without a date: TimeML's XXXX-XX-XX, a day no one can name.
  if (e.time->value.find_first_not_of("X-") == std::string::npos) return "(day unknown)";
  std::string others;
  for (const auto& d : e.time->disputed)
    if (d.value != e.time->value) others += (others.empty() ? " (or " : ", ") + d.value;
  return e.time->value + (e.time->inferred ? "?" : "") + (others.empty() ? "" : others + ")");
}

std::string actor_names(const Graph& g, const GraphEvent& e) {
  std::string names;
  for (const auto& role : e.actors)
    if (const GraphActor* a = g.find_actor(role.actor)) names += (names.empty() ? "" : ", ") + a->name;
  return names;
}

std::string marked_label(const GraphEvent& e) {
  std::string label = e.label;
  if (e.polarity == "negative") label = "[not] " + label;
  if (e.modality != "actual" && e.modality != "reported") label = "[" + e.modality + "] " + label;
  return label;
}

std::string dump(const Json& json) {
  return json.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string as_table(const Graph& g, const std::vector<const GraphEvent*>& events) {
  Table table({"DATE", "EVENT", "ACTORS", "SOURCES", "ID"});
  for (const auto* e : events)
    table.add({when(*e), marked_label(*e), actor_names(g, *e), std::to_string(source_count(*e)), e->id});
  return table.render(use_colour());
}

// Every date the sources give, when they disagree: [{"value", "docs"}].
Json disputed_json(const GraphEvent& e) {
  Json dates = Json::array();
  if (e.time)
    for (const auto& d : e.time->disputed) dates.push_back({{"value", d.value}, {"docs", d.docs}});
  return dates;
}

Json event_json(const Graph& g, const GraphEvent& e) {
  return {{"id", e.id}, {"label", e.label}, {"time", e.time ? e.time->value : ""},
          {"start", e.time && e.time->start ? *e.time->start : ""},
          {"end", e.time && e.time->end ? *e.time->end : ""},
          {"actors", actor_names(g, e)}, {"sources", source_count(e)},
          {"polarity", e.polarity}, {"modality", e.modality}, {"disputed", disputed_json(e)}};
}

std::string as_json(const Graph& g, const std::vector<const GraphEvent*>& events) {
  auto root = Json::array();
  for (const auto* e : events) root.push_back(event_json(g, *e));
  return dump(root);
}

Result<Graph> load(const QueryOptions& o) { return load_graph_source(o.graph); }

Result<EventFilter> make_filter(const Graph& g, const QueryOptions& o) {
  EventFilter filter;
  filter.include_unasserted = o.all;
  if (!o.from.empty()) {
    auto day = parse_day_bound(o.from, false);
    if (!day) return Error{ErrorCode::bad_value, "--from", day.error().message};
    filter.from = *day;
  }
  if (!o.to.empty()) {
    auto day = parse_day_bound(o.to, true);
    if (!day) return Error{ErrorCode::bad_value, "--to", day.error().message};
    filter.to = *day;
  }
  if (!o.actor.empty()) {
    auto actor = find_actor(g, o.actor);
    if (!actor) return actor.error();
    filter.actor = (*actor)->id;
  }
  return filter;
}

int print_events(const Graph& graph, const std::vector<const GraphEvent*>& events, const QueryOptions& o) {
  auto written = write_output("-", o.format == "json" ? as_json(graph, events) : as_table(graph, events));
  return written ? kOk : report(written.error());
}

int run_events(const QueryOptions& o) {
  auto graph = load(o);
  if (!graph) return report(graph.error());
  auto filter = make_filter(*graph, o);
  if (!filter) return report(filter.error());
  return print_events(*graph, select_events(*graph, *filter), o);
}

int run_find(const QueryOptions& o) {
  auto graph = load(o);
  if (!graph) return report(graph.error());
  std::vector<const GraphEvent*> events;
  for (size_t i : find_events(*graph, o.text)) events.push_back(&graph->events[i]);
  if (events.empty()) return report(Error{ErrorCode::not_found, o.text, "no event mentions this text"});
  return print_events(*graph, events, o);
}

// EVENT → index; an ambiguous text lists the candidates on stderr.
Result<size_t> resolve(const EventGraph& eg, const std::string& text) {
  auto found = resolve_event(eg, text);
  if (found || found.error().code != ErrorCode::ambiguous) return found;
  report(found.error());
  auto candidates = find_events(eg.graph(), text);
  constexpr size_t kShown = 20;
  Table table({"ID", "DATE", "EVENT"});
  for (size_t k = 0; k < candidates.size() && k < kShown; ++k) {
    const auto& e = eg.graph().events[candidates[k]];
    table.add({e.id, when(e), marked_label(e)});
  }
  std::string listing = table.render(false);
  if (candidates.size() > kShown) listing += "… and " + std::to_string(candidates.size() - kShown) + " more\n";
  std::cerr << listing;
  return Error{ErrorCode::ambiguous, "", ""};  // already reported
}

int fail(const Error& error) { return error.message.empty() ? kFailure : report(error); }

// Why/then/path as a table: one row per event in order, its links to later
// events of the chain beside it, and the evidence sentences as footnotes
// (tables cut long cells; the sentences are the point).
std::string chain_table(const Graph& g, const Chain& chain) {
  Table table({"#", "DATE", "EVENT", "ID", "LINK", "CUE"});
  std::string notes;
  size_t note = 0;
  for (size_t k = 0; k < chain.events.size(); ++k) {
    const auto& e = g.events[chain.events[k]];
    std::vector<std::string> row{std::to_string(k + 1), when(e), marked_label(e), e.id, "", ""};
    bool first = true;
    for (const auto& link : chain.links) {
      if (link.source != chain.events[k]) continue;
      const auto& relation = g.relations[link.relation];
      LinkEvidence evidence = link_evidence(g, link);
      std::string cue = evidence.cue.empty() ? "" : "\"" + evidence.cue + "\"";
      if (!evidence.sentences.empty()) {
        cue += " [" + std::to_string(++note) + "]";
        notes += "[" + std::to_string(note) + "] " + evidence.doc + ":";
        for (const auto& s : evidence.sentences) notes += " " + s;
        notes += "\n";
      }
      if (!first) row = {"", "", "", "", "", ""};
      row[4] = relation.type + " → " + g.events[link.target].id;
      row[5] = cue;
      table.add(row);
      first = false;
    }
    if (first) table.add(row);
  }
  std::string out = table.render(use_colour());
  if (!notes.empty()) out += "\n" + notes;
  return out;
}

Json chain_json(const Graph& g, const Chain& chain) {
  Json events = Json::array(), links = Json::array();
  for (size_t e : chain.events) events.push_back(event_json(g, g.events[e]));
  for (const auto& link : chain.links) {
    const auto& relation = g.relations[link.relation];
    LinkEvidence evidence = link_evidence(g, link);
    links.push_back({{"source", relation.source}, {"target", relation.target}, {"type", relation.type},
                     {"cue", evidence.cue.empty() ? Json(nullptr) : Json(evidence.cue)},
                     {"doc", evidence.doc.empty() ? Json(nullptr) : Json(evidence.doc)},
                     {"sentences", evidence.sentences}});
  }
  return {{"events", events}, {"links", links}, {"cyclic", chain.cyclic}};
}

Result<std::string> chain_output(const Graph& g, const Chain& chain, const QueryOptions& o, Json head) {
  if (o.format == "table") return chain_table(g, chain);
  if (o.format == "json") {
    Json body = chain_json(g, chain);
    for (auto& [key, value] : body.items()) head[key] = value;
    return dump(head);
  }
  RenderOptions options;
  options.view = View::graph;
  options.format = o.format == "dot" ? Format::dot : Format::svg;
  options.include_negated = options.include_hypothetical = true;
  return render(subgraph(g, chain), options);
}

int write_chain(const Graph& g, const Chain& chain, const QueryOptions& o, Json head) {
  auto bytes = chain_output(g, chain, o, std::move(head));
  if (!bytes) return report(bytes.error());
  auto written = write_output(o.output, *bytes);
  return written ? kOk : report(written.error());
}

int run_why_or_then(const QueryOptions& o, bool why) {
  auto graph = load(o);
  if (!graph) return report(graph.error());
  EventGraph eg(*graph);
  auto event = resolve(eg, o.events.at(0));
  if (!event) return fail(event.error());
  Chain chain = why ? eg.why(*event, o.depth) : eg.then(*event, FollowOptions{o.temporal, o.depth});
  const std::string& id = graph->events[*event].id;
  if (chain.links.empty())
    report(id + (why ? " has no recorded causes" : o.temporal ? " has no recorded effects or successors"
                                                              : " has no recorded effects"),
           kOk);
  return write_chain(*graph, chain, o, {{"query", why ? "why" : "then"}, {"event", id}});
}

int run_path(const QueryOptions& o) {
  auto graph = load(o);
  if (!graph) return report(graph.error());
  EventGraph eg(*graph);
  auto from = resolve(eg, o.events.at(0));
  if (!from) return fail(from.error());
  auto to = resolve(eg, o.events.at(1));
  if (!to) return fail(to.error());
  const std::string &a = graph->events[*from].id, &b = graph->events[*to].id;
  if (*from == *to) return report(a + ": the two events are the same event", kUsage);
  auto path = eg.path(*from, *to);
  if (!path) return report(Error{ErrorCode::not_found, "", "no causal or temporal chain links " + a + " and " + b});
  if (!path->causal) report("no causal chain links " + a + " and " + b + "; showing a temporal one", kOk);
  return write_chain(*graph, path->chain, o,
                     {{"query", "path"}, {"from", a}, {"to", b}, {"causal", path->causal},
                      {"reversed", path->reversed}});
}

int run_conflicts(const QueryOptions& o) {
  auto graph = load(o);
  if (!graph) return report(graph.error());
  EventGraph eg(*graph);
  auto conflicts = eg.conflicts();
  const Graph& g = *graph;
  std::string out;
  if (o.format == "json") {
    Json root = Json::array();
    for (const auto& c : conflicts) {
      Json events = Json::array(), relations = Json::array();
      for (size_t e : c.events) events.push_back(g.events[e].id);
      for (size_t r : c.relations)
        relations.push_back({{"source", g.relations[r].source}, {"target", g.relations[r].target},
                             {"type", g.relations[r].type}});
      root.push_back({{"kind", to_string(c.kind)}, {"events", events}, {"relations", relations},
                      {"detail", c.detail}});
    }
    out = dump(root);
  } else {
    Table table({"KIND", "EVENTS", "DETAIL"});
    for (const auto& c : conflicts) {
      std::string ids;
      for (size_t e : c.events) ids += (ids.empty() ? "" : " ") + g.events[e].id;
      table.add({to_string(c.kind), ids, c.detail});
    }
    out = conflicts.empty() ? std::string() : table.render(use_colour());
    if (conflicts.empty()) report("no conflicts found", kOk);
  }
  auto written = write_output("-", out);
  return written ? kOk : report(written.error());
}

void add_filters(CLI::App* sub, QueryOptions& o, bool range = true) {
  if (range) {
    sub->add_option("--from", o.from, "Earliest date (YYYY-MM-DD, YYYY-MM or YYYY)");
    sub->add_option("--to", o.to, "Latest date (YYYY-MM-DD, YYYY-MM or YYYY)");
  }
  sub->add_option("--format", o.format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  sub->add_flag("--all", o.all, "Also list negated and hypothetical events");
}

void add_chain_options(CLI::App* sub, QueryOptions& o) {
  sub->add_option("--format", o.format, "table (default), json, dot or svg (dot/svg draw just this chain)")
      ->check(CLI::IsMember({"table", "json", "dot", "svg"}));
  sub->add_option("-o,--output", o.output, "File to write (default: standard output)");
}

}  // namespace

void register_query(CLI::App& app, const Context&, int& exit_code) {
  auto o = std::make_shared<QueryOptions>();
  auto* query = app.add_subcommand("query", "Ask a graph JSON or a store about its events and actors");
  query->add_option("graph", o->graph, "Graph JSON written by 'annals build', or a store")->required();
  query->require_subcommand(1);
  query->footer(
      "EVENT is an event id (e12) or a text that only one event's label, trigger or sentence contains;\n"
      "a text that several events contain is an error that lists them.\n\n"
      "Example:\n"
      "  annals query graph.json events --from 2022-01 --to 2022-01\n"
      "  annals query graph.json actor Tokayev\n"
      "  annals query news.annals why e28\n"
      "  annals query news.annals then 'requested' --temporal\n"
      "  annals query news.annals path e29 e31 --format svg -o path.svg\n"
      "  annals query news.annals conflicts");

  auto* events = query->add_subcommand("events", "List events in time order");
  add_filters(events, *o);
  events->add_option("--actor", o->actor, "Only events with this actor (name, alias or id)");
  events->callback([o, &exit_code] { exit_code = run_events(*o); });

  auto* actor = query->add_subcommand("actor", "One actor's timeline");
  actor->add_option("name", o->actor, "Actor name, alias or id")->required();
  add_filters(actor, *o);
  actor->callback([o, &exit_code] { exit_code = run_events(*o); });

  auto* between = query->add_subcommand("between", "Events between two dates, in time order");
  between->add_option("from", o->from, "Earliest date (YYYY-MM-DD, YYYY-MM or YYYY)")->required();
  between->add_option("to", o->to, "Latest date (YYYY-MM-DD, YYYY-MM or YYYY)")->required();
  add_filters(between, *o, /*range=*/false);
  between->add_option("--actor", o->actor, "Only events with this actor (name, alias or id)");
  between->footer("Example:\n  annals query graph.json between 2022-01-05 2022-01-10");
  between->callback([o, &exit_code] { exit_code = run_events(*o); });

  auto* find = query->add_subcommand("find", "Events whose label, trigger or sentence contains a text");
  find->add_option("text", o->text, "Text to look for (case-insensitive)")->required();
  find->add_option("--format", o->format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  find->footer("Example:\n  annals query graph.json find 'military assistance'");
  find->callback([o, &exit_code] { exit_code = run_find(*o); });

  auto* why = query->add_subcommand("why", "The causal chains that led to an event, earliest cause first");
  why->add_option("event", o->events, "Event id or text")->required()->expected(1);
  why->add_option("--depth", o->depth, "At most this many causal links back")->check(CLI::NonNegativeNumber);
  add_chain_options(why, *o);
  why->footer(
      "EVENT is an id (e12) or a text only one event contains (else the candidates are listed).\n\n"
      "Example:\n  annals query news.annals why e28\n  annals query news.annals why 'requested military' --format json");
  why->callback([o, &exit_code] { exit_code = run_why_or_then(*o, true); });

  auto* then = query->add_subcommand("then", "What followed from an event: its causal effects");
  then->add_option("event", o->events, "Event id or text")->required()->expected(1);
  then->add_flag("--temporal", o->temporal,
                 "Also the events right after each one in time (one 'before' or 'same_actor' link)");
  then->add_option("--depth", o->depth, "At most this many causal links on")->check(CLI::NonNegativeNumber);
  add_chain_options(then, *o);
  then->footer("Example:\n  annals query news.annals then e12 --temporal");
  then->callback([o, &exit_code] { exit_code = run_why_or_then(*o, false); });

  auto* path = query->add_subcommand("path", "The chain between two events: causal if any, else temporal");
  path->add_option("events", o->events, "Two event ids or texts")->required()->expected(2);
  add_chain_options(path, *o);
  path->footer("Example:\n  annals query news.annals path e12 e31\n  annals query news.annals path e12 e31 --format svg -o path.svg");
  path->callback([o, &exit_code] { exit_code = run_path(*o); });

  auto* conflicts = query->add_subcommand(
      "conflicts", "Causal cycles, causes dated after their effects, events that sources report differently");
  conflicts->add_option("--format", o->format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  conflicts->footer("Example:\n  annals query news.annals conflicts --format json");
  conflicts->callback([o, &exit_code] { exit_code = run_conflicts(*o); });
}

}  // namespace annals::cli
