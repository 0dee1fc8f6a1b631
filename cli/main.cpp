// annals: news articles in, timelines and event graphs out.
// Exit codes: 0 ok, 1 input or processing failure, 2 usage error.
#include <csignal>
#include <iostream>

#include <CLI/CLI.hpp>

#include "common.h"

#ifndef ANNALS_VERSION
#define ANNALS_VERSION "dev"
#endif

int main(int argc, char** argv) {
  using namespace annals::cli;
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE, handled where we write
  CLI::App app{"annals " ANNALS_VERSION " — timelines and event graphs from news articles"};
  app.set_version_flag("--version", "annals " ANNALS_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Example:\n"
      "  annals build examples/csto/*.txt -o graph.json\n"
      "  annals render graph.json --view timeline --format svg -o timeline.svg\n"
      "  annals query graph.json events --from 2022-01-01 --to 2022-01-31\n\n"
      "Exit codes: 0 ok, 1 input or processing failure, 2 usage error.");
  Context context;
  app.add_option("--resources", context.resource_dir,
                 "Directory of resource files that replace the built-in ones (also $ANNALS_RESOURCES)");
  int exit_code = kOk;
  register_build(app, context, exit_code);
  register_annotate(app, context, exit_code);
  register_render(app, context, exit_code);
  register_query(app, context, exit_code);
  register_add(app, context, exit_code);
  register_export(app, context, exit_code);
  register_import(app, context, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "annals: " << e.what() << "\n";
    std::cerr << "Run 'annals --help' for usage.\n";
    return kUsage;
  }
  return exit_code;
}
