// annals import STORE GRAPH.json
#include <CLI/CLI.hpp>

#include "common.h"
#include "store/store.h"

namespace annals::cli {
namespace {

struct ImportOptions {
  std::string store;
  std::string graph;
};

int run_import(const ImportOptions& o) {
  auto graph = load_graph_source(o.graph);
  if (!graph) return report(graph.error());
  auto created = Store::create(o.store, *graph);
  return created ? kOk : report(created.error());
}

}  // namespace

void register_import(CLI::App& app, const Context&, int& exit_code) {
  auto o = std::make_shared<ImportOptions>();
  auto* sub = app.add_subcommand("import", "Write a graph JSON as a store (replacing any file there)");
  sub->add_option("store", o->store, "Store to write")->required();
  sub->add_option("graph", o->graph, "Graph JSON (as 'annals build' or 'annals export' write it)")->required();
  sub->footer(
      "The store is written beside its path and renamed into place once complete. Documents read from\n"
      "graph JSON carry no content hash: 'annals add' of the same article reads it again.\n\n"
      "Example:\n"
      "  annals import news.annals graph.json");
  sub->callback([o, &exit_code] { exit_code = run_import(*o); });
}

}  // namespace annals::cli
