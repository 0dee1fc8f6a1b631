// annals add STORE FILE... [--dct DATE] [--aliases FILE]
#include <CLI/CLI.hpp>

#include "common.h"
#include "pipeline_options.h"
#include "store/ingest.h"

namespace annals::cli {
namespace {

struct AddOptions {
  std::string store;
  std::vector<std::string> inputs;
  std::string dct;
  std::string aliases;
};

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

int run_add(const AddOptions& o, const Context& context) {
  auto resources = context.open_resources();
  if (!resources) return report(resources.error());
  auto options = parse_pipeline_options(o.dct, o.aliases);
  if (!options) return report(options.error());
  auto pipeline = Pipeline::create(*resources, *options);
  if (!pipeline) return report(pipeline.error());
  auto added = add_articles(o.store, o.inputs, *pipeline);
  if (!added) return report(added.error());
  const MergeReport& m = added->merged;
  std::string summary = o.store + ": " + (added->created ? "new store, " : "") + "added " +
                        plural(m.documents, "article", "articles");
  if (!added->skipped.empty()) summary += " (" + std::to_string(added->skipped.size()) + " already in the store)";
  summary += ": " + plural(m.new_events, "new event", "new events") + ", " +
             plural(m.merged_events, "merged into an existing one", "merged into existing ones") + ", " +
             plural(m.new_actors, "new actor", "new actors") + ", " + plural(m.relations, "new link", "new links") +
             "\n";
  auto written = write_output("-", summary);
  return written ? kOk : report(written.error());
}

}  // namespace

void register_add(CLI::App& app, const Context& context, int& exit_code) {
  auto o = std::make_shared<AddOptions>();
  auto* sub = app.add_subcommand("add", "Read new articles into a store, keeping what it has");
  sub->add_option("store", o->store, "Store written by 'annals build --store' (created if there is no such file)")
      ->required();
  sub->add_option("files", o->inputs, "Article files (plain text, UTF-8); - reads standard input")->required();
  sub->add_option("--dct", o->dct,
                  "The articles' date (YYYY-MM-DD or YYYY-MM-DDThh:mm), used instead of date lines in the text");
  sub->add_option("--aliases", o->aliases,
                  "TSV of actor aliases: name, canonical name, kind (canonical '-' ignores the name)");
  sub->footer(
      "Articles whose bytes are already in the store are skipped. Existing event ids never change;\n"
      "an event reported again (same trigger, same day, a shared actor) gains a mention. All or nothing:\n"
      "an interrupted add leaves the store as it was.\n\n"
      "Example:\n"
      "  annals build examples/csto/00[0-2]*.txt --store news.annals\n"
      "  annals add news.annals examples/csto/00[3-4]*.txt");
  sub->callback([o, &context, &exit_code] { exit_code = run_add(*o, context); });
}

}  // namespace annals::cli
