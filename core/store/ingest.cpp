#include "store/ingest.h"

#include <filesystem>
#include <set>

#include "store/sha256.h"

namespace annals {

Result<Batch> read_articles(const std::vector<std::string>& paths, const Pipeline& pipeline,
                            const std::function<Result<bool>(const std::string& hash)>& known) {
  Batch batch;
  std::vector<DocumentAnalysis> documents;
  std::set<std::string> seen;
  for (const auto& path : paths) {
    auto doc = read_document(path);
    if (!doc) return doc.error();
    std::string hash = sha256_hex(doc->text);
    if (known) {
      auto in_store = known(hash);
      if (!in_store) return in_store.error();
      if (*in_store || !seen.insert(hash).second) {
        batch.skipped.push_back(path);
        continue;
      }
    }
    batch.hashes.push_back(hash);
    documents.push_back(pipeline.analyse(std::move(*doc)));
  }
  if (!documents.empty()) batch.graph = pipeline.assemble(documents);
  return batch;
}

Result<AddReport> add_articles(const std::string& path, const std::vector<std::string>& paths,
                               const Pipeline& pipeline) {
  AddReport report;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    auto batch = read_articles(paths, pipeline, [](const std::string&) { return Result<bool>(false); });
    if (!batch) return batch.error();
    if (auto created = Store::create(path, batch->graph, batch->hashes); !created) return created.error();
    report.created = true;
    report.skipped = batch->skipped;
    report.merged.documents = batch->graph.documents.size();
    report.merged.new_events = batch->graph.events.size();
    report.merged.new_actors = batch->graph.actors.size();
    report.merged.relations = batch->graph.relations.size();
    return report;
  }
  auto store = Store::open(path, Store::Mode::write);
  if (!store) return store.error();
  if (auto begun = store->begin(); !begun) return begun.error();
  auto batch = read_articles(paths, pipeline, [&](const std::string& hash) { return store->contains(hash); });
  if (!batch) {
    store->rollback();
    return batch.error();
  }
  report.skipped = batch->skipped;
  if (!batch->graph.documents.empty()) {
    auto merged = store->merge(batch->graph, batch->hashes);
    if (!merged) {
      store->rollback();
      return merged.error();
    }
    report.merged = *merged;
  }
  if (auto committed = store->commit(); !committed) return committed.error();
  return report;
}

}  // namespace annals
