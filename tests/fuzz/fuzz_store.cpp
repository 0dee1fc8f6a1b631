// Opening and loading a store file (SQLite) of arbitrary bytes.
#include "fuzz_common.h"
#include "store/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::fuzz::TempFile file(std::string(reinterpret_cast<const char*>(data), size));
  auto store = annals::Store::open(file.path(), annals::Store::Mode::read);
  if (!store) return 0;
  auto graph = store->load();
  if (graph) (void)annals::to_json(*graph);
  return 0;
}
