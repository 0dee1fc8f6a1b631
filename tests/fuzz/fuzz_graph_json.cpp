// Graph JSON reader; what it accepts must write and read back the same.
#include "fuzz_common.h"
#include "graph/graph.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto graph = annals::graph_from_json(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
  if (!graph) return 0;
  auto text = annals::to_json(*graph);
  auto again = annals::graph_from_json(text, "again.json");
  if (!again || annals::to_json(*again) != text) __builtin_trap();
  return 0;
}
