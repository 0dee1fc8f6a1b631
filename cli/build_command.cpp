// annals build [--dct DATE] [--aliases FILE] FILE... [-o graph.json] [--store STORE]
#include <CLI/CLI.hpp>

#include "common.h"
#include "graph/graph.h"
#include "pipeline_options.h"
#include "store/ingest.h"

namespace annals::cli {
namespace {

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;  // empty: standard output, unless there is a --store
  std::string store;
  std::string dct;
  std::string aliases;
};

}  // namespace

Result<PipelineOptions> parse_pipeline_options(const std::string& dct, const std::string& aliases) {
  PipelineOptions options;
  if (!dct.empty()) {
    auto parsed = TimeTagger::parse_dct(dct);
    if (!parsed) return Error{ErrorCode::bad_value, "--dct", parsed.error().message};
    options.dct = *parsed;
    options.dct->source = DctSource::option;
  }
  if (!aliases.empty()) {
    auto entries = read_alias_file(aliases);
    if (!entries) return entries.error();
    options.aliases = std::move(*entries);
  }
  return options;
}

namespace {

int run_build(const BuildOptions& o, const Context& context) {
  auto resources = context.open_resources();
  if (!resources) return report(resources.error());
  auto options = parse_pipeline_options(o.dct, o.aliases);
  if (!options) return report(options.error());
  if (o.store.empty()) {
    auto graph = run_pipeline(o.inputs, *resources, *options);
    if (!graph) return report(graph.error());
    if (auto written = write_output(o.output, [&](const OutputSink& sink) { write_json(*graph, sink); });
        !written)
      return report(written.error());
    return kOk;
  }
  // With a store, the same graph plus each article's content hash.
  auto pipeline = Pipeline::create(*resources, *options);
  if (!pipeline) return report(pipeline.error());
  auto batch = read_articles(o.inputs, *pipeline);
  if (!batch) return report(batch.error());
  if (!o.output.empty())
    if (auto written = write_output(o.output, [&](const OutputSink& sink) { write_json(batch->graph, sink); });
        !written)
      return report(written.error());
  if (auto created = Store::create(o.store, batch->graph, batch->hashes); !created) return report(created.error());
  return kOk;
}

}  // namespace

void register_build(CLI::App& app, const Context& context, int& exit_code) {
  auto options = std::make_shared<BuildOptions>();
  auto* sub = app.add_subcommand("build", "Read articles and write their event graph as JSON");
  sub->add_option("files", options->inputs, "Article files (plain text, UTF-8); - reads standard input")
      ->required();
  sub->add_option("-o,--output", options->output, "Graph JSON to write (default: standard output, unless --store)");
  sub->add_option("--store", options->store,
                  "Also (or instead) write a store: one SQLite file that 'annals add' grows and 'query' reads");
  sub->add_option("--dct", options->dct,
                  "The articles' date (YYYY-MM-DD or YYYY-MM-DDThh:mm), used instead of date lines in the text");
  sub->add_option("--aliases", options->aliases,
                  "TSV of actor aliases: name, canonical name, kind (canonical '-' ignores the name)");
  sub->footer(
      "Example:\n"
      "  annals build examples/csto/*.txt -o graph.json\n"
      "  annals build --dct 2022-06-08 article.txt -o graph.json\n"
      "  annals build examples/csto/*.txt --store news.annals");
  sub->callback([options, &context, &exit_code] { exit_code = run_build(*options, context); });
}

}  // namespace annals::cli
