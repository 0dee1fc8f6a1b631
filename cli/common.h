// Shared by the subcommands: exit codes, messages, output files.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "graph/graph.h"
#include "util/resources.h"
#include "util/result.h"

namespace CLI { class App; }

namespace annals::cli {

enum Exit : int { kOk = 0, kFailure = 1, kUsage = 2 };

// Options every subcommand sees.
struct Context {
  std::string resource_dir;  // --resources DIR (or $ANNALS_RESOURCES)
  Result<Resources> open_resources() const;
};

// One subcommand per file: each adds itself to the app with its options and
// a callback that runs it and sets the exit code.
void register_build(CLI::App& app, const Context& context, int& exit_code);
void register_annotate(CLI::App& app, const Context& context, int& exit_code);
void register_render(CLI::App& app, const Context& context, int& exit_code);
void register_query(CLI::App& app, const Context& context, int& exit_code);
void register_add(CLI::App& app, const Context& context, int& exit_code);
void register_export(CLI::App& app, const Context& context, int& exit_code);
void register_import(CLI::App& app, const Context& context, int& exit_code);

// "annals: where: message" on stderr; returns the exit code for the error.
int report(const Error& error);
int report(const std::string& message, int code = kFailure);

// All of `bytes` to the open file `fd` (retrying short writes); errors name `path`.
Status write_bytes(int fd, std::string_view bytes, const std::string& path);

// Writes bytes to stdout ("-" or empty) or, atomically, to a file: a
// temporary file beside it, renamed into place only once complete.
Status write_output(const std::string& path, const std::string& bytes);
// The same for output made a piece at a time: `produce` hands each piece to
// the sink it is given.
using OutputSink = std::function<void(std::string_view)>;
Status write_output(const std::string& path, const std::function<void(const OutputSink&)>& produce);

// Whether to colour output written to stdout.
bool use_colour();

}  // namespace annals::cli
