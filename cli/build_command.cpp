// annals build [--dct DATE] [--aliases FILE] FILE... -o graph.json
#include <CLI/CLI.hpp>

#include "common.h"
#include "graph/graph.h"
#include "pipeline_options.h"

namespace annals::cli {
namespace {

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output = "-";
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
  auto graph = run_pipeline(o.inputs, *resources, *options);
  if (!graph) return report(graph.error());
  if (auto written = write_output(o.output, to_json(*graph)); !written) return report(written.error());
  return kOk;
}

}  // namespace

void register_build(CLI::App& app, const Context& context, int& exit_code) {
  auto options = std::make_shared<BuildOptions>();
  auto* sub = app.add_subcommand("build", "Read articles and write their event graph as JSON");
  sub->add_option("files", options->inputs, "Article files (plain text, UTF-8); - reads standard input")
      ->required();
  sub->add_option("-o,--output", options->output, "Graph JSON to write (default: standard output)");
  sub->add_option("--dct", options->dct,
                  "The articles' date (YYYY-MM-DD or YYYY-MM-DDThh:mm), used instead of date lines in the text");
  sub->add_option("--aliases", options->aliases,
                  "TSV of actor aliases: name, canonical name, kind (canonical '-' ignores the name)");
  sub->footer(
      "Example:\n"
      "  annals build examples/csto/*.txt -o graph.json\n"
      "  annals build --dct 2022-06-08 article.txt -o graph.json");
  sub->callback([options, &context, &exit_code] { exit_code = run_build(*options, context); });
}

}  // namespace annals::cli
