// Per-stage throughput on real news text (bytes/s of article text):
//
//   BM_LoadSegment   make_document + mark_boilerplate + find_dct + segment
//   BM_TimeTag       TimeTagger::tag
//   BM_ActorTag      ActorTagger::tag
//   BM_EventTag      EventTagger::tag
//   BM_Relations     RelationFinder::find
//   BM_Analyse       make_document + Pipeline::analyse (all the above)
//   BM_Assemble/N    Pipeline::assemble over the findings of N copies of the corpus
//                    (bytes = the article text those analyses came from)
//
// Text: the TimeBank documents of ../shared/corpora/tempeval3-tbaq/TimeBank
// (the <TEXT> of each .tml, tags removed, preceded by a "Posted: DD.MM.YYYY"
// line made from its <DCT>, as bench/corpus/make_corpus.py writes them);
// `/1` variants run on the scraped articles of examples/csto instead.
// ANNALS_BENCH_TIMEML=DIR picks another directory of .tml files. When the
// shared corpus is missing the TimeBank variants skip with a message.
//
//   build-bench/bench/stages_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true   (one command line)
//
// Not part of ctest. bytes_per_second is per core: one thread, CPU time.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline.h"
#include "util/resources.h"

namespace annals::bench {
namespace {

namespace fs = std::filesystem;

struct Input {
  std::string name;
  std::string text;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<const char*, char> entities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (auto [name, c] : entities) {
        std::string_view n(name);
        if (s.substr(i, n.size()) == n) {
          out += c;
          i += n.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i];
  }
  return out;
}

// The <TEXT> of a TimeML file with its tags removed, after a date line made
// from the <DCT>; empty if the file has neither.
std::string timeml_article(const std::string& raw) {
  auto t0 = raw.find("<TEXT>"), t1 = raw.find("</TEXT>");
  auto d0 = raw.find("<DCT>");
  if (t0 == std::string::npos || t1 == std::string::npos || d0 == std::string::npos) return {};
  auto v = raw.find("value=\"", d0);
  if (v == std::string::npos || v + 17 > raw.size()) return {};
  std::string date = raw.substr(v + 7, 10);  // YYYY-MM-DD
  std::string body;
  bool in_tag = false;
  for (size_t i = t0 + 6; i < t1; ++i) {
    char c = raw[i];
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) body += c;
  }
  body = unescape(body);
  auto first = body.find_first_not_of('\n');
  if (first == std::string::npos) return {};
  return "Posted: " + date.substr(8, 2) + "." + date.substr(5, 2) + "." + date.substr(0, 4) + "\n\n" +
         body.substr(first);
}

std::vector<Input> load_timebank() {
  const char* env = std::getenv("ANNALS_BENCH_TIMEML");
  fs::path dir = env && *env ? fs::path(env)
                             : fs::path(ANNALS_SOURCE_DIR) / ".." / "shared" / "corpora" /
                                   "tempeval3-tbaq" / "TimeBank";
  std::vector<Input> inputs;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return inputs;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".tml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string text = timeml_article(read_file(f));
    if (!text.empty()) inputs.push_back({f.stem().string(), std::move(text)});
  }
  return inputs;
}

std::vector<Input> load_examples() {
  std::vector<Input> inputs;
  fs::path dir = fs::path(ANNALS_SOURCE_DIR) / "examples" / "csto";
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) inputs.push_back({f.stem().string(), read_file(f)});
  return inputs;
}

const std::vector<Input>& inputs(int set) {
  static const std::vector<Input> timebank = load_timebank();
  static const std::vector<Input> examples = load_examples();
  return set == 0 ? timebank : examples;
}

size_t total_bytes(const std::vector<Input>& in) {
  size_t n = 0;
  for (const auto& i : in) n += i.text.size();
  return n;
}

const Pipeline& pipeline() {
  static const Pipeline* p = [] {
    auto made = Pipeline::create(Resources::standard(), PipelineOptions{});
    if (!made) {
      std::fprintf(stderr, "stages_bench: %s\n", made.error().to_string().c_str());
      std::abort();
    }
    return new Pipeline(std::move(*made));
  }();
  return *p;
}

// The taggers on their own (Pipeline keeps its own private), made once as
// the pipeline makes them: building a Segmenter or BoilerplateMarker per
// document would time their word lists' parsing, not the stage.
struct Taggers {
  BoilerplateMarker boilerplate;
  Segmenter segmenter;
  TimeTagger times;
  ActorTagger actors;
  EventTagger events;
  RelationFinder relations;
};
const Taggers& taggers() {
  static const Taggers* t = [] {
    const auto& r = Resources::standard();
    auto times = TimeTagger::create(r);
    auto actors = ActorTagger::create(r);
    auto events = EventTagger::create(r);
    auto relations = RelationFinder::create(r);
    if (!times || !actors || !events || !relations) std::abort();
    return new Taggers{BoilerplateMarker(r), Segmenter(r), std::move(*times), std::move(*actors), std::move(*events),
                       std::move(*relations)};
  }();
  return *t;
}

// Every stage's output for one input set, computed once, so that each stage
// benchmark times only its own stage.
struct Prepared {
  std::vector<Document> docs;
  std::vector<Segmentation> segs;
  std::vector<std::vector<Timex>> timexes;
  std::vector<ActorTagging> actors;
  std::vector<std::vector<EventMention>> events;
  std::vector<DocumentAnalysis> analyses;
};

const Prepared& prepared(int set) {
  static Prepared cache[2];
  static bool done[2] = {false, false};
  Prepared& p = cache[set];
  if (done[set]) return p;
  done[set] = true;
  const auto& t = taggers();
  for (const auto& in : inputs(set)) {
    auto doc = make_document(in.name + ".txt", in.text);
    if (!doc) continue;
    t.boilerplate.mark(*doc);
    doc->dct = t.times.find_dct(*doc);
    auto seg = t.segmenter.segment(*doc);
    auto tx = t.times.tag(*doc, seg);
    auto ac = t.actors.tag(*doc, seg, tx);
    auto ev = t.events.tag(*doc, seg, tx, ac);
    p.docs.push_back(std::move(*doc));
    p.segs.push_back(std::move(seg));
    p.timexes.push_back(std::move(tx));
    p.actors.push_back(std::move(ac));
    p.events.push_back(std::move(ev));
    auto again = make_document(in.name + ".txt", in.text);
    p.analyses.push_back(pipeline().analyse(std::move(*again)));
  }
  return p;
}

bool have(benchmark::State& state, int set) {
  if (!inputs(set).empty()) return true;
  state.SkipWithError(set == 0 ? "no TimeBank .tml files (../shared/corpora/tempeval3-tbaq/TimeBank "
                                 "or ANNALS_BENCH_TIMEML): skipped"
                               : "no examples/csto/*.txt: skipped");
  return false;
}

void set_bytes(benchmark::State& state, int set, size_t copies = 1) {
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(total_bytes(inputs(set)) * copies));
  state.counters["docs/s"] = benchmark::Counter(double(state.iterations()) * double(inputs(set).size() * copies),
                                                benchmark::Counter::kIsRate);
}

void BM_LoadSegment(benchmark::State& state) {
  int set = int(state.range(0));
  if (!have(state, set)) return;
  const auto& t = taggers();
  for (auto _ : state) {
    for (const auto& in : inputs(set)) {
      auto doc = make_document(in.name, in.text);
      t.boilerplate.mark(*doc);
      doc->dct = t.times.find_dct(*doc);
      auto seg = t.segmenter.segment(*doc);
      benchmark::DoNotOptimize(seg.tokens.data());
    }
  }
  set_bytes(state, set);
}

void BM_TimeTag(benchmark::State& state) {
  int set = int(state.range(0));
  if (!have(state, set)) return;
  const auto& p = prepared(set);
  const auto& t = taggers();
  size_t found = 0;
  for (auto _ : state)
    for (size_t i = 0; i < p.docs.size(); ++i) found += t.times.tag(p.docs[i], p.segs[i]).size();
  benchmark::DoNotOptimize(found);
  set_bytes(state, set);
}

void BM_ActorTag(benchmark::State& state) {
  int set = int(state.range(0));
  if (!have(state, set)) return;
  const auto& p = prepared(set);
  const auto& t = taggers();
  size_t found = 0;
  for (auto _ : state)
    for (size_t i = 0; i < p.docs.size(); ++i)
      found += t.actors.tag(p.docs[i], p.segs[i], p.timexes[i]).mentions.size();
  benchmark::DoNotOptimize(found);
  set_bytes(state, set);
}

void BM_EventTag(benchmark::State& state) {
  int set = int(state.range(0));
  if (!have(state, set)) return;
  const auto& p = prepared(set);
  const auto& t = taggers();
  size_t found = 0;
  for (auto _ : state)
    for (size_t i = 0; i < p.docs.size(); ++i)
      found += t.events.tag(p.docs[i], p.segs[i], p.timexes[i], p.actors[i]).size();
  benchmark::DoNotOptimize(found);
  set_bytes(state, set);
}

void BM_Relations(benchmark::State& state) {
  int set = int(state.range(0));
  if (!have(state, set)) return;
  const auto& p = prepared(set);
  const auto& t = taggers();
  size_t found = 0;
  for (auto _ : state)
    for (size_t i = 0; i < p.docs.size(); ++i)
      found += t.relations.find(p.docs[i], p.segs[i], p.events[i], p.actors[i]).size();
  benchmark::DoNotOptimize(found);
  set_bytes(state, set);
}

void BM_Analyse(benchmark::State& state) {
  int set = int(state.range(0));
  if (!have(state, set)) return;
  const auto& pl = pipeline();
  size_t found = 0;
  for (auto _ : state)
    for (const auto& in : inputs(set)) {
      auto doc = make_document(in.name, in.text);
      found += pl.analyse(std::move(*doc)).events.size();
    }
  benchmark::DoNotOptimize(found);
  set_bytes(state, set);
}

// Cross-document merge of N copies of the set's findings (each copy with its
// own document ids). Reducing the analyses and copying them is not timed.
void BM_Assemble(benchmark::State& state) {
  int set = 0;
  size_t copies = size_t(state.range(0));
  if (!have(state, set)) return;
  const auto& p = prepared(set);
  std::vector<DocumentFindings> base;
  for (size_t c = 0; c < copies; ++c)
    for (const auto& a : p.analyses) {
      base.push_back(pipeline().reduce(DocumentAnalysis(a)));
      base.back().doc.id += "_" + std::to_string(c);
    }
  size_t nodes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<DocumentFindings> work = base;
    state.ResumeTiming();
    Graph g = pipeline().assemble(work);
    nodes = g.events.size();
    benchmark::DoNotOptimize(nodes);
  }
  state.counters["events"] = double(nodes);
  set_bytes(state, set, copies);
}

BENCHMARK(BM_LoadSegment)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimeTag)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ActorTag)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EventTag)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Relations)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyse)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Assemble)->Arg(1)->Arg(4)->Arg(16)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals::bench

BENCHMARK_MAIN();
