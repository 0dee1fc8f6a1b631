// A graph that grows: one SQLite file holding what `annals build` would
// write as graph JSON, plus the content hash of every article read, so that
// new articles are merged in without re-reading the old ones.
//
//   auto store = annals::Store::open("news.annals", annals::Store::Mode::write);
//   if (!store) fail(store.error());          // not a store, wrong version, damaged
//   if (auto s = store->begin(); !s) fail(s.error());
//   auto report = store->merge(batch, hashes);  // see ingest.h for the whole `add`
//   store->commit();                           // or nothing changes
//
// Format (PRAGMA application_id 0x414E4E4C "ANNL", PRAGMA user_version 1):
// tables documents, actors, actor_aliases, actor_names, events,
// event_actors, mentions, relations and meta; rows keep the graph's order
// (a `seq` column), so exporting gives back the same graph JSON. Writes
// are transactions (BEGIN IMMEDIATE … COMMIT, rollback journal): a process
// killed halfway leaves the store as it was. A new store is written beside
// its path and renamed into place.
//
// The content hash is SHA-256 of the article file's exact bytes (sha256.h);
// documents imported from graph JSON have none.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "util/result.h"

namespace annals {

inline constexpr int kStoreVersion = 1;

// Whether the file starts with the SQLite header ("SQLite format 3\0").
bool is_sqlite_file(const std::string& path);

// What merging a batch of new documents changed.
struct MergeReport {
  size_t documents = 0;       // documents added
  size_t new_events = 0;      // events added, with new ids
  size_t merged_events = 0;   // events found already in the store (their mentions added)
  size_t new_actors = 0;
  size_t relations = 0;       // relations added (links from the text and from dates)
};

class Store {
 public:
  enum class Mode { read, write };

  // An existing store. Errors (bad_data, naming the file): not an SQLite
  // file, an SQLite file that is not an annals store, an unsupported
  // version, a damaged file; io when it cannot be opened.
  static Result<Store> open(const std::string& path, Mode mode = Mode::read);

  // Writes `graph` as a new store at `path`, replacing what is there only
  // once complete. hashes[i] is the content hash of graph.documents[i]
  // ("" or missing: unknown). Errors if the graph's ids are not unique or a
  // relation names an event that is not there.
  static Status create(const std::string& path, const Graph& graph, const std::vector<std::string>& hashes = {});

  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  const std::string& path() const;

  // The whole graph, in the order it was written.
  Result<Graph> load() const;

  // One write transaction. begin() takes the write lock (waiting up to a
  // few seconds for another writer); until commit() nobody sees a change;
  // a process that dies before commit() leaves the store as it was.
  Status begin();
  Status commit();
  void rollback();

  // Whether a document with this content hash is in the store.
  Result<bool> contains(const std::string& hash) const;

  // Merges `batch` (a graph of new documents, as Pipeline::assemble gives)
  // into the store; must be inside begin()/commit(). Ids of existing
  // documents, actors and events never change. Documents get a unique id
  // (a suffix on a clash); actors are merged by name, alias or id
  // (case-folded); an event is merged into an existing one with the same
  // trigger (case-folded), the same single day, the same polarity and a
  // shared actor (or no actors on either side) — other events get new ids
  // e<N+1>…. Links from the text are remapped; `before` and `same_actor`
  // links are re-threaded through the new dated events as `build` would
  // have. Costs index look-ups per new item, not a scan of the store.
  Result<MergeReport> merge(const Graph& batch, const std::vector<std::string>& hashes);

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A graph from a file that is either graph JSON or a store (told apart by
// the SQLite header). Errors name the file.
Result<Graph> load_graph_source(const std::string& path);

}  // namespace annals
