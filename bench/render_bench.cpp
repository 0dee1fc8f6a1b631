// Rendering cost (issue #6): 1,000 events to SVG in under 2 s on one core.
// The graph is synthetic (tests/render_fixtures.h): 12 actor lanes, a
// causal link every five events, a tenth of them month-long, some undated.
// The graph view refuses more than 300 events (too dense to read), so it is
// measured at its limit.
#include <benchmark/benchmark.h>

#include "render.h"
#include "render_fixtures.h"

namespace {

using namespace annals;

void render_events(benchmark::State& state, View view, Format format) {
  const int n = static_cast<int>(state.range(0));
  const Graph graph = render_fixtures::dense_graph(n, 2 * 365);
  RenderOptions options;
  options.view = view;
  options.format = format;
  size_t bytes = 0;
  for (auto _ : state) {
    auto out = render(graph, options);
    if (!out) {
      state.SkipWithError(out.error().message.c_str());
      break;
    }
    bytes = out->size();
  }
  state.counters["output_kB"] = static_cast<double>(bytes) / 1000;
  state.SetItemsProcessed(state.iterations() * n);
}

void BM_TimelineSvg(benchmark::State& state) { render_events(state, View::timeline, Format::svg); }
void BM_GraphSvg(benchmark::State& state) { render_events(state, View::graph, Format::svg); }
void BM_TimelineDot(benchmark::State& state) { render_events(state, View::timeline, Format::dot); }

BENCHMARK(BM_TimelineSvg)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GraphSvg)->Arg(100)->Arg(300)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimelineDot)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
