// Articles into a store: what `annals build --store` and `annals add` do.
//
//   auto pipeline = annals::Pipeline::create(resources, options);
//   auto added = annals::add_articles("news.annals", {"a.txt", "b.txt"}, *pipeline);
//   // added->skipped: articles whose bytes were already in the store
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "pipeline.h"
#include "store/store.h"
#include "util/result.h"

namespace annals {

// A graph for some articles and the content hash of each of its documents.
struct Batch {
  Graph graph;
  std::vector<std::string> hashes;  // per graph.documents, SHA-256 of the file's bytes
  std::vector<std::string> skipped; // paths left out: their bytes were known
};

// Reads and analyses the articles (the first unreadable one is an error)
// and assembles them as `run_pipeline` does. With `known`, an article whose
// hash it accepts — or that repeats an earlier article's bytes — is left out.
Result<Batch> read_articles(const std::vector<std::string>& paths, const Pipeline& pipeline,
                            const std::function<Result<bool>(const std::string& hash)>& known = {});

struct AddReport {
  MergeReport merged;
  std::vector<std::string> skipped;  // paths already in the store
  bool created = false;              // there was no store: a new one was written
};

// Merges the articles into the store at `path` in one transaction, taken
// before reading the store's hashes (so two `add`s cannot both add the same
// article); creates the store if there is no file at `path`.
Result<AddReport> add_articles(const std::string& path, const std::vector<std::string>& paths,
                               const Pipeline& pipeline);

}  // namespace annals
