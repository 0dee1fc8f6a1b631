// Event graph and store at scale, on synthetic graphs (synthetic_graph.h):
//
//   why / then / path on 1,000,000 events, once the graph is loaded
//   loading a store of 1,000,000 events (and indexing it as a graph)
//   `add` of 100 articles to a store of 100,000 events vs. to no store
//
// ANNALS_BENCH_EVENTS=N changes the big graph's size (default 1000000).
//   build-graph/bench/graph_bench --benchmark_filter='Why|Path'
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>

#include "graph/event_graph.h"
#include "graph/graph.h"
#include "pipeline.h"
#include "store/ingest.h"
#include "store/store.h"
#include "synthetic_graph.h"
#include "util/resources.h"

namespace annals::bench {
namespace {

namespace fs = std::filesystem;

size_t big_size() {
  const char* env = std::getenv("ANNALS_BENCH_EVENTS");
  return env && *env ? size_t(std::stoull(env)) : size_t(1000000);
}

// A directory for the benchmark's files, removed at exit.
const std::string& work_dir() {
  static const std::string dir = [] {
    std::string pattern = (fs::temp_directory_path() / "annals-bench-XXXXXX").string();
    std::string made = ::mkdtemp(pattern.data());
    std::atexit([] { std::error_code ec; fs::remove_all(work_dir(), ec); });
    return made;
  }();
  return dir;
}

struct Big {
  Graph graph;
  std::unique_ptr<EventGraph> index;
};

Big& big() {
  static Big* b = [] {
    auto* made = new Big;
    made->graph = synthetic_graph(big_size());
    made->index = std::make_unique<EventGraph>(made->graph);
    return made;
  }();
  return *b;
}

std::string store_of(size_t events) {
  static std::map<size_t, std::string> made;
  auto& path = made[events];
  if (path.empty()) {
    path = work_dir() + "/store-" + std::to_string(events) + ".annals";
    Graph g = events == big_size() ? big().graph : synthetic_graph(events);
    if (auto created = Store::create(path, g); !created) std::abort();
  }
  return path;
}

// ---- Queries on the loaded graph ----

void BM_IndexGraph(benchmark::State& state) {
  const Graph& g = big().graph;
  for (auto _ : state) {
    EventGraph eg(g);
    benchmark::DoNotOptimize(eg.dangling_relations());
  }
  state.counters["events"] = double(g.events.size());
  state.counters["relations"] = double(g.relations.size());
}
BENCHMARK(BM_IndexGraph)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Why(benchmark::State& state) {
  const EventGraph& eg = *big().index;
  std::mt19937_64 random(7);
  size_t n = big().graph.events.size(), total = 0, largest = 0;
  for (auto _ : state) {
    Chain chain = eg.why(random() % n);
    total += chain.events.size();
    largest = std::max(largest, chain.events.size());
  }
  state.counters["events_per_chain"] = double(total) / double(state.iterations());
  state.counters["largest_chain"] = double(largest);
}
BENCHMARK(BM_Why)->Unit(benchmark::kMicrosecond);

void BM_Then(benchmark::State& state) {
  const EventGraph& eg = *big().index;
  std::mt19937_64 random(8);
  size_t n = big().graph.events.size(), total = 0;
  for (auto _ : state) total += eg.then(random() % n, FollowOptions{state.range(0) != 0, -1}).events.size();
  state.counters["events_per_chain"] = double(total) / double(state.iterations());
}
BENCHMARK(BM_Then)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// From the earliest cause of a random event's chain to the event.
void BM_PathCausal(benchmark::State& state) {
  const EventGraph& eg = *big().index;
  std::mt19937_64 random(9);
  size_t n = big().graph.events.size();
  std::vector<std::pair<size_t, size_t>> pairs;
  while (pairs.size() < 1000) {
    size_t to = random() % n;
    Chain chain = eg.why(to);
    if (chain.events.size() > 1) pairs.emplace_back(chain.events.front(), to);
  }
  size_t k = 0, found = 0, hops = 0;
  for (auto _ : state) {
    auto [from, to] = pairs[k++ % pairs.size()];
    auto path = eg.path(from, to);
    found += path && path->causal;
    hops += path ? path->chain.links.size() : 0;
  }
  state.counters["causal_found"] = double(found) / double(state.iterations());
  state.counters["hops"] = double(hops) / double(state.iterations());
}
BENCHMARK(BM_PathCausal)->Unit(benchmark::kMicrosecond);

// Two events `distance` events apart (137 events a day at 1M): mostly no
// causal chain, so a temporal one.
void BM_PathTemporal(benchmark::State& state) {
  const EventGraph& eg = *big().index;
  std::mt19937_64 random(10);
  size_t n = big().graph.events.size(), distance = std::min(size_t(state.range(0)), n - 1);
  size_t found = 0, causal = 0, hops = 0;
  for (auto _ : state) {
    size_t from = random() % (n - distance);
    auto path = eg.path(from, from + distance);
    found += bool(path);
    causal += path && path->causal;
    hops += path ? path->chain.links.size() : 0;
  }
  state.counters["found"] = double(found) / double(state.iterations());
  state.counters["causal"] = double(causal) / double(state.iterations());
  state.counters["hops"] = double(hops) / double(std::max<size_t>(1, found));
}
BENCHMARK(BM_PathTemporal)->Arg(1000)->Arg(30000)->Arg(500000)->Unit(benchmark::kMillisecond);

void BM_Conflicts(benchmark::State& state) {
  const EventGraph& eg = *big().index;
  for (auto _ : state) benchmark::DoNotOptimize(eg.conflicts().size());
}
BENCHMARK(BM_Conflicts)->Unit(benchmark::kMillisecond)->Iterations(2);

// ---- The store ----

void BM_StoreCreate(benchmark::State& state) {
  const Graph& g = big().graph;
  std::string path = work_dir() + "/create.annals";
  for (auto _ : state)
    if (!Store::create(path, g)) state.SkipWithError("create failed");
  state.counters["MB"] = double(fs::file_size(path)) / 1e6;
  fs::remove(path);
}
BENCHMARK(BM_StoreCreate)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_StoreLoad(benchmark::State& state) {
  std::string path = store_of(big_size());
  bool index = state.range(0) != 0;
  for (auto _ : state) {
    auto g = load_graph_source(path);
    if (!g) {
      state.SkipWithError(g.error().to_string().c_str());
      break;
    }
    if (index) benchmark::DoNotOptimize(EventGraph(*g).dangling_relations());
    state.PauseTiming();
    g = Graph{};  // freeing a million events is not loading them
    state.ResumeTiming();
  }
  state.counters["MB"] = double(fs::file_size(path)) / 1e6;
}
BENCHMARK(BM_StoreLoad)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_JsonLoad(benchmark::State& state) {
  std::string path = work_dir() + "/graph-" + std::to_string(state.range(0)) + ".json";
  if (!fs::exists(path)) std::ofstream(path) << to_json(synthetic_graph(size_t(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(load_graph_source(path)->events.size());
  state.counters["MB"] = double(fs::file_size(path)) / 1e6;
}
BENCHMARK(BM_JsonLoad)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

// ---- add: 100 articles into no store vs. a store of 100,000 events ----

const Pipeline& pipeline() {
  static const Resources* resources = new Resources(std::move(*Resources::open()));
  static const Pipeline* made = new Pipeline(std::move(*Pipeline::create(*resources, {})));
  return *made;
}

// The five example articles, 20 times each with a different last line.
const std::vector<std::string>& hundred_articles() {
  static const std::vector<std::string> paths = [] {
    std::vector<std::string> out;
    fs::create_directories(work_dir() + "/articles");
    std::vector<fs::path> examples;
    for (const auto& entry : fs::directory_iterator(std::string(ANNALS_SOURCE_DIR) + "/examples/csto"))
      if (entry.path().extension() == ".txt") examples.push_back(entry.path());
    std::sort(examples.begin(), examples.end());
    for (int copy = 0; out.size() < 100; ++copy)
      for (const auto& example : examples) {
        std::ifstream in(example, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf() << "\nCorrection " << copy << ".\n";
        out.push_back(work_dir() + "/articles/" + example.stem().string() + "-" + std::to_string(copy) + ".txt");
        std::ofstream(out.back(), std::ios::binary) << text.str();
      }
    return out;
  }();
  return paths;
}

void BM_AddArticles(benchmark::State& state) {
  const auto& articles = hundred_articles();
  std::string base = state.range(0) ? store_of(size_t(state.range(0))) : std::string();
  std::string path = work_dir() + "/add.annals";
  size_t events = 0;
  for (auto _ : state) {
    state.PauseTiming();
    fs::remove(path);
    if (!base.empty()) fs::copy_file(base, path);
    state.ResumeTiming();
    auto added = add_articles(path, articles, pipeline());
    if (!added) {
      state.SkipWithError(added.error().to_string().c_str());
      break;
    }
    events = added->merged.new_events + added->merged.merged_events;
  }
  state.counters["articles"] = double(articles.size());
  state.counters["events_added"] = double(events);
}
BENCHMARK(BM_AddArticles)->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(5);

// The store's share alone: merging an analysed batch (100 documents, 2,000
// events) into an empty store vs. one of 100,000 events.
void BM_MergeBatch(benchmark::State& state) {
  Graph batch = synthetic_graph(2000, 99, "new-");
  std::string empty = work_dir() + "/empty.annals";
  if (!fs::exists(empty)) Store::create(empty, Graph{});
  std::string base = state.range(0) ? store_of(size_t(state.range(0))) : empty;
  std::string path = work_dir() + "/merge.annals";
  std::vector<std::string> hashes(batch.documents.size(), "h");
  for (auto _ : state) {
    state.PauseTiming();
    fs::remove(path);
    fs::copy_file(base, path);
    state.ResumeTiming();
    auto store = Store::open(path, Store::Mode::write);
    store->begin();
    auto merged = store->merge(batch, hashes);
    if (!merged || !store->commit()) {
      state.SkipWithError("merge failed");
      break;
    }
  }
}
BENCHMARK(BM_MergeBatch)->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace annals::bench

BENCHMARK_MAIN();
