// annals query GRAPH events [--from DATE] [--to DATE] [--actor NAME]
// annals query GRAPH actor NAME [--from DATE] [--to DATE]
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "common.h"
#include "graph/graph.h"
#include "graph/query.h"
#include "table.h"

namespace annals::cli {
namespace {

struct QueryOptions {
  std::string graph;
  std::string from, to, actor;
  std::string format = "table";
  bool all = false;
};

std::string when(const GraphEvent& e) {
  if (!e.time) return "(undated)";
  return e.time->value + (e.time->inferred ? "?" : "");
}

std::string actor_names(const Graph& g, const GraphEvent& e) {
  std::string names;
  for (const auto& role : e.actors)
    if (const GraphActor* a = g.find_actor(role.actor)) names += (names.empty() ? "" : ", ") + a->name;
  return names;
}

std::string as_table(const Graph& g, const std::vector<const GraphEvent*>& events) {
  Table table({"DATE", "EVENT", "ACTORS", "SOURCES", "ID"});
  for (const auto* e : events) {
    std::string label = e->label;
    if (e->polarity == "negative") label = "[not] " + label;
    if (e->modality != "actual" && e->modality != "reported") label = "[" + e->modality + "] " + label;
    table.add({when(*e), label, actor_names(g, *e), std::to_string(source_count(*e)), e->id});
  }
  return table.render(use_colour());
}

std::string as_json(const Graph& g, const std::vector<const GraphEvent*>& events) {
  auto root = nlohmann::ordered_json::array();
  for (const auto* e : events)
    root.push_back({{"id", e->id}, {"label", e->label}, {"time", e->time ? e->time->value : ""},
                    {"start", e->time && e->time->start ? *e->time->start : ""},
                    {"end", e->time && e->time->end ? *e->time->end : ""},
                    {"actors", actor_names(g, *e)}, {"sources", source_count(*e)},
                    {"polarity", e->polarity}, {"modality", e->modality}});
  return root.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

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

int run_events(const QueryOptions& o) {
  auto graph = read_graph_file(o.graph);
  if (!graph) return report(graph.error());
  auto filter = make_filter(*graph, o);
  if (!filter) return report(filter.error());
  auto events = select_events(*graph, *filter);
  auto written = write_output("-", o.format == "json" ? as_json(*graph, events) : as_table(*graph, events));
  return written ? kOk : report(written.error());
}

void add_filters(CLI::App* sub, QueryOptions& o) {
  sub->add_option("--from", o.from, "Earliest date (YYYY-MM-DD, YYYY-MM or YYYY)");
  sub->add_option("--to", o.to, "Latest date (YYYY-MM-DD, YYYY-MM or YYYY)");
  sub->add_option("--format", o.format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  sub->add_flag("--all", o.all, "Also list negated and hypothetical events");
}

}  // namespace

void register_query(CLI::App& app, const Context&, int& exit_code) {
  auto o = std::make_shared<QueryOptions>();
  auto* query = app.add_subcommand("query", "Ask a graph JSON about its events and actors");
  query->add_option("graph", o->graph, "Graph JSON written by 'annals build'")->required();
  query->require_subcommand(1);
  query->footer(
      "Example:\n"
      "  annals query graph.json events --from 2022-01 --to 2022-01\n"
      "  annals query graph.json actor Tokayev");

  auto* events = query->add_subcommand("events", "List events in time order");
  add_filters(events, *o);
  events->add_option("--actor", o->actor, "Only events with this actor (name, alias or id)");
  events->callback([o, &exit_code] { exit_code = run_events(*o); });

  auto* actor = query->add_subcommand("actor", "One actor's timeline");
  actor->add_option("name", o->actor, "Actor name, alias or id")->required();
  add_filters(actor, *o);
  actor->callback([o, &exit_code] { exit_code = run_events(*o); });
}

}  // namespace annals::cli
