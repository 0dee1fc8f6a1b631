// annals export STORE [--format json] [-o FILE]
#include <CLI/CLI.hpp>

#include "common.h"
#include "graph/graph.h"
#include "store/store.h"

namespace annals::cli {
namespace {

struct ExportOptions {
  std::string store;
  std::string format = "json";
  std::string output = "-";
};

int run_export(const ExportOptions& o) {
  auto store = Store::open(o.store);
  if (!store) return report(store.error());
  auto graph = store->load();
  if (!graph) return report(graph.error());
  auto written = write_output(o.output, [&](const OutputSink& sink) { write_json(*graph, sink); });
  return written ? kOk : report(written.error());
}

}  // namespace

void register_export(CLI::App& app, const Context&, int& exit_code) {
  auto o = std::make_shared<ExportOptions>();
  auto* sub = app.add_subcommand("export", "Write a store's graph as graph JSON");
  sub->add_option("store", o->store, "Store written by 'annals build --store' or 'annals add'")->required();
  sub->add_option("--format", o->format, "json (graph JSON, docs/graph-json.md)")->check(CLI::IsMember({"json"}));
  sub->add_option("-o,--output", o->output, "File to write (default: standard output)");
  sub->footer(
      "Example:\n"
      "  annals export news.annals --format json -o graph.json");
  sub->callback([o, &exit_code] { exit_code = run_export(*o); });
}

}  // namespace annals::cli
