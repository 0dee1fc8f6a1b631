// annals annotate [--dct DATE] --format timeml|json FILE
#include <CLI/CLI.hpp>

#include "annotation/annotation.h"
#include "common.h"
#include "pipeline_options.h"

namespace annals::cli {
namespace {

struct AnnotateOptions {
  std::string input;
  std::string format = "timeml";
  std::string output = "-";
  std::string dct;
};

int run_annotate(const AnnotateOptions& o, const Context& context) {
  auto resources = context.open_resources();
  if (!resources) return report(resources.error());
  auto options = parse_pipeline_options(o.dct, "");
  if (!options) return report(options.error());
  auto pipeline = Pipeline::create(*resources, *options);
  if (!pipeline) return report(pipeline.error());
  auto doc = read_document(o.input);
  if (!doc) return report(doc.error());
  DocumentAnalysis analysis = pipeline->analyse(std::move(*doc));
  std::string bytes = o.format == "json" ? to_annotation_json(analysis) : to_timeml(analysis);
  if (auto written = write_output(o.output, bytes); !written) return report(written.error());
  return kOk;
}

}  // namespace

void register_annotate(CLI::App& app, const Context& context, int& exit_code) {
  auto options = std::make_shared<AnnotateOptions>();
  auto* sub = app.add_subcommand("annotate", "Mark one article's time expressions and events");
  sub->add_option("file", options->input, "Article file; - reads standard input")->required();
  sub->add_option("--format", options->format, "timeml (TempEval-3 inline TimeML) or json")
      ->check(CLI::IsMember({"timeml", "json"}));
  sub->add_option("-o,--output", options->output, "File to write (default: standard output)");
  sub->add_option("--dct", options->dct, "The article's date (YYYY-MM-DD or YYYY-MM-DDThh:mm)");
  sub->footer(
      "Example:\n"
      "  annals annotate --format timeml --dct 1998-01-08 article.txt > article.tml\n"
      "  annals annotate --format json examples/csto/004_d138a6afbf515449.txt");
  sub->callback([options, &context, &exit_code] { exit_code = run_annotate(*options, context); });
}

}  // namespace annals::cli
