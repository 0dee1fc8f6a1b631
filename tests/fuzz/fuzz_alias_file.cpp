// The --aliases TSV reader.
#include "actors/actor.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::fuzz::TempFile file(std::string(reinterpret_cast<const char*>(data), size));
  auto aliases = annals::read_alias_file(file.path());
  if (aliases) {
    static const auto& resources = annals::fuzz::resources();
    (void)annals::ActorTagger::create(resources, *aliases);
  }
  return 0;
}
