// annals render GRAPH --view timeline|graph --format svg|dot|png|pdf|html -o FILE
#include <CLI/CLI.hpp>

#include "common.h"
#include "graph/graph.h"
#include "render.h"
#include "store/store.h"

namespace annals::cli {
namespace {

struct RenderCommandOptions {
  std::string graph;
  std::string output = "-";
  std::string view = "timeline";
  std::string format = "svg";
  std::string lanes = "actor";
  std::string from, to;
  std::vector<std::string> actors;
  std::vector<std::string> include;
  int top = 0;
  int width = 0;
  bool dark = false;
  bool temporal = false;
  bool collapse_same_day = false;
  bool link_sources = false;
};

Result<RenderOptions> make_options(const RenderCommandOptions& o) {
  RenderOptions options;
  auto view = parse_view(o.view);
  if (!view) return Error{ErrorCode::bad_value, "--view", view.error().message};
  auto format = parse_format(o.format);
  if (!format) return Error{ErrorCode::bad_value, "--format", format.error().message};
  auto lanes = parse_lanes(o.lanes);
  if (!lanes) return Error{ErrorCode::bad_value, "--lanes", lanes.error().message};
  options.view = *view;
  options.format = *format;
  options.lanes = *lanes;
  if (!o.from.empty()) options.from = o.from;
  if (!o.to.empty()) options.to = o.to;
  options.actors = o.actors;
  options.top = o.top;
  options.width = o.width;
  options.dark = o.dark;
  options.temporal_links = o.temporal;
  options.collapse_same_day = o.collapse_same_day;
  options.link_sources = o.link_sources;
  for (const auto& kind : o.include) {
    if (kind == "negated") options.include_negated = true;
    else if (kind == "hypothetical") options.include_hypothetical = true;
    else return Error{ErrorCode::bad_value, "--include", "expected negated or hypothetical, not \"" + kind + "\""};
  }
  return options;
}

int run_render(const RenderCommandOptions& o) {
  auto options = make_options(o);
  if (!options) return report(options.error());
  auto graph = load_graph_source(o.graph);
  if (!graph) return report(graph.error());
  auto bytes = render(*graph, *options);
  if (!bytes) return report(bytes.error());
  auto written = write_output(o.output, *bytes);
  return written ? kOk : report(written.error());
}

}  // namespace

void register_render(CLI::App& app, const Context&, int& exit_code) {
  auto o = std::make_shared<RenderCommandOptions>();
  auto* sub = app.add_subcommand("render", "Draw a graph JSON as a timeline or a graph");
  sub->add_option("source", o->graph, "Graph JSON or store written by 'annals build'")->required();
  sub->add_option("-o,--output", o->output, "File to write (default: standard output)");
  sub->add_option("--view", o->view, "timeline (true time axis, actor lanes) or graph (causal structure)");
  sub->add_option("--format", o->format, "svg, dot, png, pdf or html");
  sub->add_option("--lanes", o->lanes, "Timeline lanes (graph-view clusters): actor, kind (person, organization, country...), document or none");
  sub->add_option("--from", o->from, "Earliest date shown (YYYY, YYYY-MM or YYYY-MM-DD)");
  sub->add_option("--to", o->to, "Latest date shown (YYYY, YYYY-MM or YYYY-MM-DD)");
  sub->add_option("--actor", o->actors, "Only events with this actor (repeatable)");
  sub->add_option("--top", o->top, "Only the N events reported by most sources")->check(CLI::NonNegativeNumber);
  sub->add_option("--width", o->width, "Width of the image in pixels")->check(CLI::NonNegativeNumber);
  sub->add_option("--include", o->include, "Also draw negated and/or hypothetical events")->delimiter(',');
  sub->add_flag("--dark", o->dark, "Dark theme");
  sub->add_flag("--temporal", o->temporal,
                 "Also draw temporal links: on a timeline before/simultaneous/includes; in either view the includes/simultaneous links judged from dates alone");
  sub->add_flag("--collapse-same-day", o->collapse_same_day,
                "One mark per lane and day for the events of that day");
  sub->add_flag("--link-sources", o->link_sources, "Link events to the files of their sources");
  sub->footer(
      "Example:\n"
      "  annals render graph.json --view timeline --format svg -o timeline.svg\n"
      "  annals render graph.json --view graph --format dot -o graph.dot\n"
      "  annals render graph.json --format html --collapse-same-day --link-sources -o report.html");
  sub->callback([o, &exit_code] { exit_code = run_render(*o); });
}

}  // namespace annals::cli
