// annals annotate [--dct DATE | --dct-sibling] --format timeml|json FILE... [-o FILE | --out-dir DIR]
//
// One process for many files: TempEval scoring annotates hundreds of short
// articles, and starting the pipeline costs far more than one article.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "annotation/annotation.h"
#include "common.h"
#include "pipeline_options.h"
#include "util/files.h"

namespace annals::cli {
namespace {

namespace fs = std::filesystem;

struct AnnotateOptions {
  std::vector<std::string> inputs;
  std::string format = "timeml";
  std::string output = "-";
  std::string out_dir;
  std::string dct;
  bool dct_sibling = false;
};

// "dir/a.txt" -> "dir/a.dct": one line holding the article's date.
Result<Dct> sibling_dct(const std::string& input) {
  if (input == "-") return Error{ErrorCode::bad_value, "-", "--dct-sibling needs files, not standard input"};
  std::string path = fs::path(input).replace_extension(".dct").string();
  auto doc = read_document(path);  // the same checks as an article: exists, text, UTF-8
  if (!doc) return Error{ErrorCode::bad_input, input, "no date: " + doc.error().to_string()};
  std::string_view text = doc->text;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  auto dct = TimeTagger::parse_dct(std::string(text));
  if (!dct) return Error{ErrorCode::bad_input, path, dct.error().message};
  dct->source = DctSource::option;
  return *dct;
}

// One input, one output file "DIR/<stem>.tml|.json"; two inputs with one stem would collide.
Result<std::vector<std::string>> output_paths(const AnnotateOptions& o) {
  const std::string extension = o.format == "json" ? ".json" : ".tml";
  std::map<std::string, std::string> taken;  // output -> input
  std::vector<std::string> outputs;
  for (const auto& input : o.inputs) {
    std::string stem = input == "-" ? "stdin" : fs::path(input).stem().string();
    std::string out = (fs::path(o.out_dir) / (stem + extension)).string();
    if (auto [it, fresh] = taken.emplace(out, input); !fresh)
      return Error{ErrorCode::bad_value, input, "would write " + out + " like " + it->second};
    outputs.push_back(out);
  }
  return outputs;
}

// Outputs written to temporary files beside their targets, renamed into
// place only once every input has been annotated: an error leaves no output.
// (No fsync per file: hundreds of small files would wait on the disk for
// nothing a reader could see; the rename is what makes a file appear whole.)
class StagedOutputs {
 public:
  ~StagedOutputs() {
    for (const auto& [temp, target] : staged_) std::remove(temp.c_str());
  }
  Status add(const std::string& target, const std::string& bytes) {
    auto file = create_temp_beside(target);
    if (!file) return file.error();
    staged_.emplace_back(file->path, target);
    Status written = write_bytes(file->fd, bytes, target);
    if (::close(file->fd) != 0 && written) written = Error{ErrorCode::io, target, std::strerror(errno)};
    return written;
  }
  Status commit() {
    for (auto& [temp, target] : staged_) {
      ::chmod(temp.c_str(), 0644);
      if (std::rename(temp.c_str(), target.c_str()) != 0)
        return Error{ErrorCode::io, target, std::string("cannot write: ") + std::strerror(errno)};
      temp.clear();
    }
    staged_.clear();
    return ok_status();
  }

 private:
  std::vector<std::pair<std::string, std::string>> staged_;  // temp, target
};

// The article with its date from --dct-sibling, if asked for.
struct Article {
  Document doc;
  std::optional<Dct> dct;
};

Result<Article> read_article(const AnnotateOptions& o, const std::string& input) {
  auto doc = read_document(input);
  if (!doc) return doc.error();
  Article article{std::move(*doc), std::nullopt};
  if (o.dct_sibling) {
    auto dct = sibling_dct(input);
    if (!dct) return dct.error();
    article.dct = *dct;
  }
  return article;
}

std::string annotate(const Pipeline& pipeline, Article article, const std::string& format) {
  DocumentAnalysis analysis = pipeline.analyse(std::move(article.doc), article.dct);
  return format == "json" ? to_annotation_json(analysis) : to_timeml(analysis);
}

int check_usage(const AnnotateOptions& o) {
  if (o.inputs.size() > 1 && o.out_dir.empty())
    return report("annotate: several files need --out-dir DIR (one output file each)", kUsage);
  if (!o.out_dir.empty() && o.output != "-") return report("annotate: give -o or --out-dir, not both", kUsage);
  if (o.dct_sibling && !o.dct.empty()) return report("annotate: give --dct or --dct-sibling, not both", kUsage);
  std::error_code ec;
  if (!o.out_dir.empty() && !fs::is_directory(o.out_dir, ec))
    return report(Error{ErrorCode::bad_value, o.out_dir, "--out-dir is not a directory"});
  return kOk;
}

int annotate_into_dir(const AnnotateOptions& o, const Pipeline& pipeline) {
  auto outputs = output_paths(o);
  if (!outputs) return report(outputs.error());
  StagedOutputs staged;
  for (size_t i = 0; i < o.inputs.size(); ++i) {
    auto article = read_article(o, o.inputs[i]);
    if (!article) return report(article.error());
    if (auto written = staged.add((*outputs)[i], annotate(pipeline, std::move(*article), o.format)); !written)
      return report(written.error());
  }
  if (auto committed = staged.commit(); !committed) return report(committed.error());
  return kOk;
}

int run_annotate(const AnnotateOptions& o, const Context& context) {
  if (int usage = check_usage(o); usage != kOk) return usage;
  auto resources = context.open_resources();
  if (!resources) return report(resources.error());
  auto options = parse_pipeline_options(o.dct, "");
  if (!options) return report(options.error());
  auto pipeline = Pipeline::create(*resources, *options);
  if (!pipeline) return report(pipeline.error());
  if (!o.out_dir.empty()) return annotate_into_dir(o, *pipeline);
  auto article = read_article(o, o.inputs.front());
  if (!article) return report(article.error());
  if (auto written = write_output(o.output, annotate(*pipeline, std::move(*article), o.format)); !written)
    return report(written.error());
  return kOk;
}

}  // namespace

void register_annotate(CLI::App& app, const Context& context, int& exit_code) {
  auto options = std::make_shared<AnnotateOptions>();
  auto* sub = app.add_subcommand("annotate", "Mark articles' time expressions and events (TimeML or JSON)");
  sub->add_option("files", options->inputs,
                  "Article files; - reads standard input. Several files need --out-dir")
      ->required();
  sub->add_option("--format", options->format, "timeml (TempEval-3 inline TimeML) or json")
      ->check(CLI::IsMember({"timeml", "json"}));
  sub->add_option("-o,--output", options->output, "File to write, for one article (default: standard output)");
  sub->add_option("--out-dir", options->out_dir,
                  "Directory for the outputs, one per article: DIR/<name>.tml (or .json). "
                  "Written only if every article succeeds");
  sub->add_option("--dct", options->dct, "The articles' date (YYYY-MM-DD or YYYY-MM-DDThh:mm)");
  sub->add_flag("--dct-sibling", options->dct_sibling,
                "Each article's date from the file beside it with extension .dct (a.txt: a.dct), "
                "holding one date as for --dct");
  sub->footer(
      "Example:\n"
      "  annals annotate --format timeml --dct 1998-01-08 article.txt > article.tml\n"
      "  annals annotate --format json examples/csto/004_d138a6afbf515449.txt\n"
      "  annals annotate --format timeml --dct-sibling --out-dir tml/ texts/*.txt");
  sub->callback([options, &context, &exit_code] { exit_code = run_annotate(*options, context); });
}

}  // namespace annals::cli
