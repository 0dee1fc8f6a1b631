#include "store/store.h"
#include "util/files.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/segment.h"

namespace annals {
namespace {

constexpr int32_t kApplicationId = 0x414E4E4C;  // "ANNL"

// Thrown inside this file only; every public function catches it and
// returns an Error.
struct SqlError {
  int code;
  std::string message;
};

const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents(
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL, title TEXT NOT NULL,
  dct TEXT, dct_source TEXT, hash TEXT);
CREATE TABLE actors(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL);
CREATE TABLE actor_aliases(actor INTEGER NOT NULL, pos INTEGER NOT NULL, alias TEXT NOT NULL,
  PRIMARY KEY(actor, pos)) WITHOUT ROWID;
CREATE TABLE actor_names(name TEXT NOT NULL, actor TEXT NOT NULL, PRIMARY KEY(name, actor)) WITHOUT ROWID;
CREATE TABLE events(
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label TEXT NOT NULL, trigger TEXT NOT NULL,
  class TEXT NOT NULL, time_value TEXT, time_start TEXT, time_end TEXT, time_inferred INTEGER NOT NULL, time_basis TEXT,
  polarity TEXT NOT NULL, modality TEXT NOT NULL,
  merge_key TEXT,    -- folded trigger|day, for single-day events; @kind|place, for episodes
  chain_start TEXT,  -- start day of dated, asserted events: they are threaded by before/same_actor
  parts BLOB NOT NULL); -- the event's actors and mentions, packed (see pack_parts): one row to read per event
-- The events' actors again, one per row, for the look-ups of a merge (not read to load).
CREATE TABLE event_actors(event INTEGER NOT NULL, pos INTEGER NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
  chain_start TEXT, PRIMARY KEY(event, pos)) WITHOUT ROWID;
CREATE TABLE relations(seq INTEGER PRIMARY KEY, source INTEGER NOT NULL, target INTEGER NOT NULL, type TEXT NOT NULL,
  ev_doc TEXT, ev_start INTEGER, ev_end INTEGER, ev_cue TEXT);
)sql";

// Created after the bulk insert of a new store: faster than maintaining them.
// Events whose days span more than one day: the containers `add` links a
// new event into. Stores made before it get it on their next `add`.
const char* kSpansIndex =
    "CREATE INDEX IF NOT EXISTS events_spans ON events(chain_start, time_end) "
    "WHERE chain_start IS NOT NULL AND time_end > chain_start";

const char* kIndexes = R"sql(
CREATE INDEX documents_hash ON documents(hash) WHERE hash IS NOT NULL;
CREATE INDEX events_merge ON events(merge_key) WHERE merge_key IS NOT NULL;
CREATE INDEX events_chain ON events(chain_start, seq) WHERE chain_start IS NOT NULL;
CREATE INDEX event_actors_chain ON event_actors(actor, chain_start, event) WHERE chain_start IS NOT NULL;
CREATE INDEX relations_pair ON relations(source, target);
)sql";

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, const std::string& s) {
    check(sqlite3_bind_text(stmt_, i, s.data(), int(s.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(int i, const std::optional<std::string>& s) { return s ? bind(i, *s) : bind_null(i); }
  Statement& bind_blob(int i, const std::string& bytes) {
    check(sqlite3_bind_blob(stmt_, i, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(int i, int64_t n) {
    check(sqlite3_bind_int64(stmt_, i, n));
    return *this;
  }
  Statement& bind_null(int i) {
    check(sqlite3_bind_null(stmt_, i));
    return *this;
  }
  // True while there is a row.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail();
    return false;
  }
  void run() {
    step();
    reset();
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  bool null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, size_t(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  std::optional<std::string> optional_text(int col) const {
    return null(col) ? std::nullopt : std::optional<std::string>(text(col));
  }
  int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string_view blob(int col) const {
    const void* p = sqlite3_column_blob(stmt_, col);
    return p ? std::string_view(static_cast<const char*>(p), size_t(sqlite3_column_bytes(stmt_, col))) : std::string_view();
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() { throw SqlError{sqlite3_extended_errcode(db_), sqlite3_errmsg(db_)}; }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    SqlError error{sqlite3_extended_errcode(db), message ? message : sqlite3_errmsg(db)};
    sqlite3_free(message);
    throw error;
  }
}

int64_t pragma_int(sqlite3* db, const char* pragma) {
  Statement s(db, pragma);
  return s.step() ? s.integer(0) : 0;
}

Error sql_error(const std::string& path, const SqlError& e) {
  switch (e.code & 0xFF) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Error{ErrorCode::bad_data, path, "the store is damaged (" + e.message + ")"};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error{ErrorCode::io, path, "the store is locked by another process; try again"};
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Error{ErrorCode::io, path, "cannot use the store: " + e.message};
    case SQLITE_CONSTRAINT:
      return Error{ErrorCode::bad_data, path, "inconsistent graph: " + e.message};
    default:
      return Error{ErrorCode::bad_data, path, e.message};
  }
}

std::string fold(const std::string& s) { return fold_case(s); }

bool asserted(const GraphEvent& e) { return e.polarity == "positive" && e.modality == "actual"; }

// Dated and asserted: threaded by `before` and `same_actor` as in corpus.cpp.
std::optional<std::string> chain_start(const GraphEvent& e) {
  if (e.time && e.time->start && e.time->end && asserted(e)) return e.time->start;
  return std::nullopt;
}

// Candidates for merging: folded trigger and the single day (for an event
// whose sources disagree on the day, the day most of them give).
std::optional<std::string> merge_key(const GraphEvent& e) {
  if (!e.episode.empty()) {  // an episode: its kind and place (kept as the key: see read_events)
    for (const auto& a : e.actors)
      if (a.role == "location") return "@" + e.episode + "|" + a.actor;
    return std::nullopt;
  }
  if (!e.time || !e.time->start) return std::nullopt;
  if (e.time->start == e.time->end) return fold(e.trigger) + "|" + *e.time->start;
  if (!e.time->disputed.empty() && e.time->value.size() == 10) return fold(e.trigger) + "|" + e.time->value;
  return std::nullopt;
}

// Whether two spans of days can be one (an open or unknown bound can).
bool days_overlap(const std::optional<std::string>& start1, const std::optional<std::string>& end1,
                  const std::optional<std::string>& start2, const std::optional<std::string>& end2) {
  bool first_before = end1 && start2 && *end1 < *start2;
  bool second_before = end2 && start1 && *end2 < *start1;
  return !first_before && !second_before;
}

// e12 → 12; anything else → 0.
int64_t event_number(const std::string& id) {
  if (id.size() < 2 || id.size() > 15 || id[0] != 'e') return 0;
  for (size_t i = 1; i < id.size(); ++i)
    if (id[i] < '0' || id[i] > '9') return 0;
  return std::stoll(id.substr(1));
}

bool is_derived(const GraphRelation& r) {
  return !r.evidence &&
         (r.type == "before" || r.type == "same_actor" || r.type == "includes" || r.type == "simultaneous");
}

// An event's actors and mentions as one blob: counts, lengths and offsets
// as LEB128 varints, strings as length + bytes.
void put_varint(std::string& out, uint64_t n) {
  do {
    unsigned char byte = n & 0x7F;
    n >>= 7;
    out += char(n ? byte | 0x80 : byte);
  } while (n);
}
void put_string(std::string& out, const std::string& s) {
  put_varint(out, s.size());
  out += s;
}

std::string pack_parts(const GraphEvent& e) {
  std::string out;
  put_varint(out, e.actors.size());
  for (const auto& a : e.actors) put_string(out, a.actor), put_string(out, a.role);
  put_varint(out, e.mentions.size());
  for (const auto& m : e.mentions)
    put_string(out, m.doc), put_varint(out, m.start), put_varint(out, m.end), put_string(out, m.sentence);
  // Dates the sources disagree on, only when they do (older stores end here).
  if (e.time && !e.time->disputed.empty()) {
    put_varint(out, e.time->disputed.size());
    for (const auto& d : e.time->disputed) {
      put_string(out, d.value);
      for (const auto* bound : {&d.start, &d.end}) {
        put_varint(out, bound->has_value());
        if (*bound) put_string(out, **bound);
      }
      put_varint(out, d.docs.size());
      for (const auto& doc : d.docs) put_string(out, doc);
    }
  }
  return out;
}

class PartsReader {
 public:
  explicit PartsReader(std::string_view bytes) : p_(bytes) {}
  bool done() const { return p_.empty(); }
  uint64_t varint() {
    uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_.empty()) throw SqlError{SQLITE_CORRUPT, "an event's packed parts are cut short"};
      auto byte = static_cast<unsigned char>(p_.front());
      p_.remove_prefix(1);
      n |= uint64_t(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return n;
    }
    throw SqlError{SQLITE_CORRUPT, "an event's packed parts are malformed"};
  }
  std::string string() {
    uint64_t size = varint();
    if (size > p_.size()) throw SqlError{SQLITE_CORRUPT, "an event's packed parts are cut short"};
    std::string s(p_.substr(0, size));
    p_.remove_prefix(size);
    return s;
  }

 private:
  std::string_view p_;
};

void unpack_parts(std::string_view bytes, GraphEvent& e) {
  PartsReader in(bytes);
  uint64_t actors = in.varint();
  if (actors > bytes.size()) throw SqlError{SQLITE_CORRUPT, "an event's packed parts are malformed"};
  e.actors.reserve(actors);
  for (uint64_t i = 0; i < actors; ++i) {
    ActorRole& role = e.actors.emplace_back();
    role.actor = in.string();
    role.role = in.string();
  }
  uint64_t mentions = in.varint();
  if (mentions > bytes.size()) throw SqlError{SQLITE_CORRUPT, "an event's packed parts are malformed"};
  e.mentions.reserve(mentions);
  for (uint64_t i = 0; i < mentions; ++i) {
    Mention& m = e.mentions.emplace_back();
    m.doc = in.string();
    m.start = uint32_t(in.varint());
    m.end = uint32_t(in.varint());
    m.sentence = in.string();
  }
  if (in.done()) return;
  uint64_t disputed = in.varint();
  if (disputed > bytes.size() || !e.time) throw SqlError{SQLITE_CORRUPT, "an event's packed parts are malformed"};
  for (uint64_t i = 0; i < disputed; ++i) {
    SourceDate& d = e.time->disputed.emplace_back();
    d.value = in.string();
    for (auto* bound : {&d.start, &d.end})
      if (in.varint()) *bound = in.string();
    uint64_t docs = in.varint();
    if (docs > bytes.size()) throw SqlError{SQLITE_CORRUPT, "an event's packed parts are malformed"};
    for (uint64_t k = 0; k < docs; ++k) d.docs.push_back(in.string());
  }
}

// The rows of one event; `seq` is its row.
struct EventWriter {
  Statement event, actor;
  explicit EventWriter(sqlite3* db)
      : event(db,
              "INSERT INTO events(seq, id, label, trigger, class, time_value, time_start, time_end, time_inferred, "
              "time_basis, polarity, modality, merge_key, chain_start, parts) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        actor(db, "INSERT INTO event_actors(event, pos, actor, role, chain_start) VALUES(?,?,?,?,?)") {}

  // `threaded`: whether to set chain_start now (a new store) or later
  // (merge threads the event first).
  void write(int64_t seq, const GraphEvent& e, bool threaded) {
    auto chain = threaded ? chain_start(e) : std::nullopt;
    event.bind(1, seq).bind(2, e.id).bind(3, e.label).bind(4, e.trigger).bind(5, e.event_class);
    if (e.time) {
      event.bind(6, e.time->value).bind(7, e.time->start).bind(8, e.time->end).bind(9, int64_t(e.time->inferred));
      event.bind(10, e.time->basis);
    } else {
      event.bind_null(6).bind_null(7).bind_null(8).bind(9, int64_t(0)).bind_null(10);
    }
    event.bind(11, e.polarity).bind(12, e.modality).bind(13, merge_key(e)).bind(14, chain);
    event.bind_blob(15, pack_parts(e));
    event.run();
    for (size_t i = 0; i < e.actors.size(); ++i) {
      actor.bind(1, seq).bind(2, int64_t(i)).bind(3, e.actors[i].actor).bind(4, e.actors[i].role).bind(5, chain);
      actor.run();
    }
  }
};

struct RelationWriter {
  Statement insert;
  explicit RelationWriter(sqlite3* db)
      : insert(db,
               "INSERT INTO relations(source, target, type, ev_doc, ev_start, ev_end, ev_cue) VALUES(?,?,?,?,?,?,?)") {}
  void write(int64_t source, int64_t target, const std::string& type, const std::optional<Evidence>& evidence) {
    insert.bind(1, source).bind(2, target).bind(3, type);
    if (evidence)
      insert.bind(4, evidence->doc).bind(5, int64_t(evidence->start)).bind(6, int64_t(evidence->end))
          .bind(7, evidence->cue);
    insert.run();
  }
};

struct ActorWriter {
  sqlite3* db;
  Statement actor, alias, name;
  explicit ActorWriter(sqlite3* db)
      : db(db),
        actor(db, "INSERT INTO actors(id, name, kind) VALUES(?,?,?)"),
        alias(db, "INSERT INTO actor_aliases(actor, pos, alias) VALUES(?,?,?)"),
        name(db, "INSERT OR IGNORE INTO actor_names(name, actor) VALUES(?,?)") {}
  int64_t write(const GraphActor& a) {
    actor.bind(1, a.id).bind(2, a.name).bind(3, a.kind).run();
    int64_t seq = sqlite3_last_insert_rowid(db);
    for (size_t i = 0; i < a.aliases.size(); ++i) alias.bind(1, seq).bind(2, int64_t(i)).bind(3, a.aliases[i]).run();
    for (const std::string* n : names(a)) name.bind(1, fold(*n)).bind(2, a.id).run();
    return seq;
  }
  static std::vector<const std::string*> names(const GraphActor& a) {
    std::vector<const std::string*> out{&a.id, &a.name};
    for (const auto& alias : a.aliases) out.push_back(&alias);
    return out;
  }
};

void write_meta(sqlite3* db, const std::string& key, const std::string& value) {
  Statement s(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?,?)");
  s.bind(1, key).bind(2, value).run();
}

std::string read_meta(sqlite3* db, const std::string& key) {
  Statement s(db, "SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  return s.step() ? s.text(0) : std::string();
}

// The whole graph into an empty database, in order.
void write_graph(sqlite3* db, const Graph& graph, const std::vector<std::string>& hashes) {
  exec(db, kSchema);
  Statement doc(db, "INSERT INTO documents(id, path, title, dct, dct_source, hash) VALUES(?,?,?,?,?,?)");
  for (size_t i = 0; i < graph.documents.size(); ++i) {
    const auto& d = graph.documents[i];
    doc.bind(1, d.id).bind(2, d.path).bind(3, d.title).bind(4, d.dct).bind(5, d.dct_source);
    if (i < hashes.size() && !hashes[i].empty()) doc.bind(6, hashes[i]);
    doc.run();
  }
  ActorWriter actors(db);
  for (const auto& a : graph.actors) actors.write(a);
  EventWriter events(db);
  std::unordered_map<std::string, int64_t> seq;
  int64_t next = 1;
  for (size_t i = 0; i < graph.events.size(); ++i) {
    if (!seq.emplace(graph.events[i].id, int64_t(i + 1)).second)
      throw SqlError{SQLITE_CONSTRAINT, "two events have the id \"" + graph.events[i].id + "\""};
    events.write(int64_t(i + 1), graph.events[i], true);
    next = std::max(next, event_number(graph.events[i].id) + 1);
  }
  RelationWriter relations(db);
  for (size_t i = 0; i < graph.relations.size(); ++i) {
    const auto& r = graph.relations[i];
    auto s = seq.find(r.source), t = seq.find(r.target);
    if (s == seq.end() || t == seq.end())
      throw SqlError{SQLITE_CONSTRAINT, "relation " + std::to_string(i + 1) + " names an unknown event \"" +
                                            (s == seq.end() ? r.source : r.target) + "\""};
    relations.write(s->second, t->second, r.type, r.evidence);
  }
  exec(db, kIndexes);
  exec(db, kSpansIndex);
  write_meta(db, "format", "annals-store");
  write_meta(db, "next_event", std::to_string(next));
}

}  // namespace

bool is_sqlite_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  return in.read(header, 16) && std::memcmp(header, "SQLite format 3\0", 16) == 0;
}

struct Store::Impl {
  std::string path;
  sqlite3* db = nullptr;
  bool in_transaction = false;
  ~Impl() {
    if (db) {
      if (in_transaction) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      sqlite3_close_v2(db);
    }
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
const std::string& Store::path() const { return impl_->path; }

Result<Store> Store::open(const std::string& path, Mode mode) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) return Error{ErrorCode::io, path, "no such file"};
  if (fs::is_directory(path, ec)) return Error{ErrorCode::io, path, "is a directory, not a store"};
  if (::access(path.c_str(), R_OK) != 0) return Error{ErrorCode::io, path, std::string("cannot open: ") + std::strerror(errno)};
  if (!is_sqlite_file(path)) return Error{ErrorCode::bad_data, path, "not an annals store (not an SQLite file)"};
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  // Read-write even to read: a store left by a killed writer has a journal
  // to roll back first. Read-only only if the file cannot be written.
  bool writable = ::access(path.c_str(), W_OK) == 0;
  if (mode == Mode::write && !writable) return Error{ErrorCode::io, path, "cannot write the store: permission denied"};
  int flags = (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr) != SQLITE_OK)
    return Error{ErrorCode::io, path, std::string("cannot open: ") + sqlite3_errmsg(impl->db)};
  sqlite3_busy_timeout(impl->db, 10000);
  try {
    exec(impl->db, "PRAGMA foreign_keys = OFF");
    if (pragma_int(impl->db, "PRAGMA application_id") != kApplicationId)
      return Error{ErrorCode::bad_data, path, "not an annals store (an SQLite file of something else)"};
    int64_t version = pragma_int(impl->db, "PRAGMA user_version");
    if (version != kStoreVersion)
      return Error{ErrorCode::bad_data, path,
                   "store version " + std::to_string(version) + " is not supported (this annals reads version " +
                       std::to_string(kStoreVersion) + ")"};
    if (read_meta(impl->db, "format") != "annals-store")
      return Error{ErrorCode::bad_data, path, "the store is damaged (no format record)"};
  } catch (const SqlError& e) {
    return sql_error(path, e);
  }
  return Store(std::move(impl));
}

Status Store::create(const std::string& path, const Graph& graph, const std::vector<std::string>& hashes) {
  auto temp_file = create_temp_beside(path);
  if (!temp_file) return temp_file.error();
  const std::string temp = temp_file->path;
  ::close(temp_file->fd);
  sqlite3* db = nullptr;
  auto cleanup = [&] {
    if (db) sqlite3_close_v2(db);
    db = nullptr;
    std::remove(temp.c_str());
  };
  if (sqlite3_open_v2(temp.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    Error error{ErrorCode::io, path, std::string("cannot create: ") + sqlite3_errmsg(db)};
    cleanup();
    return error;
  }
  try {
    // A private file until the rename: no journal needed.
    exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536");
    exec(db, "BEGIN");
    write_graph(db, graph, hashes);
    exec(db, ("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    exec(db, ("PRAGMA user_version = " + std::to_string(kStoreVersion)).c_str());
    exec(db, "COMMIT");
  } catch (const SqlError& e) {
    Error error = sql_error(path, e);
    cleanup();
    return error;
  }
  sqlite3_close_v2(db);
  db = nullptr;
  int file = ::open(temp.c_str(), O_RDONLY);
  bool synced = file >= 0 && ::fsync(file) == 0;
  if (file >= 0) ::close(file);
  ::chmod(temp.c_str(), 0644);
  // A journal left by a writer killed on the old store must not be
  // replayed onto the new one.
  std::remove((path + "-journal").c_str());
  if (!synced || std::rename(temp.c_str(), path.c_str()) != 0) {
    Error error{ErrorCode::io, path, std::string("cannot write: ") + std::strerror(errno)};
    cleanup();
    return error;
  }
  return ok_status();
}

namespace {

// Reading a store: events (with their packed actors and mentions) on one
// connection, relations on another, in parallel; both inside read transactions
// begun before either reads, so they see the same state (a writer cannot
// commit while a reader holds its lock).
struct EventIndex {
  std::vector<int64_t> of_seq;  // events.seq → index in Graph::events, -1 if none
  int64_t at(int64_t seq) const {
    return seq >= 0 && size_t(seq) < of_seq.size() ? of_seq[size_t(seq)] : -1;
  }
};

void read_documents_and_actors(sqlite3* db, Graph& g) {
  Statement docs(db, "SELECT id, path, title, dct, dct_source FROM documents ORDER BY seq");
  while (docs.step()) g.documents.push_back({docs.text(0), docs.text(1), docs.text(2), docs.optional_text(3), docs.optional_text(4)});
  std::unordered_map<int64_t, size_t> actor_index;
  Statement actors(db, "SELECT seq, id, name, kind FROM actors ORDER BY seq");
  while (actors.step()) {
    actor_index[actors.integer(0)] = g.actors.size();
    g.actors.push_back({actors.text(1), actors.text(2), actors.text(3), {}});
  }
  Statement aliases(db, "SELECT actor, alias FROM actor_aliases ORDER BY actor, pos");
  while (aliases.step())
    if (auto it = actor_index.find(aliases.integer(0)); it != actor_index.end())
      g.actors[it->second].aliases.push_back(aliases.text(1));
}

void read_events(sqlite3* db, Graph& g, EventIndex& index) {
  g.events.reserve(size_t(pragma_int(db, "SELECT COUNT(*) FROM events")));
  Statement s(db,
              "SELECT seq, id, label, trigger, class, time_value, time_start, time_end, time_inferred, time_basis, "
              "polarity, modality, parts, merge_key FROM events ORDER BY seq");
  while (s.step()) {
    int64_t seq = s.integer(0);
    if (seq < 0 || seq > int64_t(1) << 40) throw SqlError{SQLITE_CORRUPT, "event row out of range"};
    if (size_t(seq) >= index.of_seq.size()) index.of_seq.resize(size_t(seq) + 1 + index.of_seq.size() / 2, -1);
    index.of_seq[size_t(seq)] = int64_t(g.events.size());
    GraphEvent& e = g.events.emplace_back();
    e.id = s.text(1);
    e.label = s.text(2);
    e.trigger = s.text(3);
    e.event_class = s.text(4);
    if (!s.null(5))
      e.time = EventTime{s.text(5), s.optional_text(6), s.optional_text(7), s.integer(8) != 0, s.optional_text(9)};
    e.polarity = s.text(10);
    e.modality = s.text(11);
    unpack_parts(s.blob(12), e);
    if (auto key = s.optional_text(13); key && key->starts_with("@")) e.episode = key->substr(1, key->find('|') - 1);
  }
}

// Relations (endpoints still as rows), for another thread.
struct RelationRows {
  std::vector<GraphRelation> relations;
  std::vector<std::pair<int64_t, int64_t>> ends;  // (source, target) rows
};

void read_relations(sqlite3* db, RelationRows& out) {
  size_t count = size_t(pragma_int(db, "SELECT COUNT(*) FROM relations"));
  out.relations.reserve(count);
  out.ends.reserve(count);
  Statement s(db, "SELECT source, target, type, ev_doc, ev_start, ev_end, ev_cue FROM relations ORDER BY seq");
  while (s.step()) {
    out.ends.emplace_back(s.integer(0), s.integer(1));
    GraphRelation& r = out.relations.emplace_back();
    r.type = s.text(2);
    if (!s.null(3)) r.evidence = Evidence{s.text(3), uint32_t(s.integer(4)), uint32_t(s.integer(5)), s.text(6)};
  }
}

// Holds a read transaction for as long as it lives.
struct ReadTransaction {
  sqlite3* db;
  explicit ReadTransaction(sqlite3* db) : db(db) {
    // No mmap: a file cut short under us would be SIGBUS, not an error.
    exec(db, "BEGIN");
    pragma_int(db, "SELECT COUNT(*) FROM meta");  // takes the shared lock now
  }
  ~ReadTransaction() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
};

// A second read-only connection to the same file.
std::unique_ptr<sqlite3, int (*)(sqlite3*)> open_reader(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> owned(db, &sqlite3_close_v2);
  if (rc != SQLITE_OK) throw SqlError{sqlite3_extended_errcode(db), sqlite3_errmsg(db)};
  sqlite3_busy_timeout(db, 10000);
  return owned;
}

}  // namespace

Result<Graph> Store::load() const {
  sqlite3* db = impl_->db;
  Graph g;
  EventIndex index;
  RelationRows rows;
  try {
    if (impl_->in_transaction) {
      // Inside our own write transaction: only this connection sees it.
      read_documents_and_actors(db, g);
      read_events(db, g, index);
      read_relations(db, rows);
    } else {
      // Two connections read at once; each read transaction begins before
      // any reading, so both see the same state.
      ReadTransaction first(db);
      auto second_db = open_reader(impl_->path);
      ReadTransaction second(second_db.get());
      std::optional<SqlError> failed_relations;
      std::thread relations([&] {
        try {
          read_relations(second_db.get(), rows);
        } catch (const SqlError& e) {
          failed_relations = e;
        }
      });
      std::optional<SqlError> failed;
      try {
        read_documents_and_actors(db, g);
        read_events(db, g, index);
      } catch (const SqlError& e) {
        failed = e;
      }
      relations.join();
      for (auto* f : {&failed, &failed_relations})
        if (*f) throw **f;
    }
    for (size_t r = 0; r < rows.relations.size(); ++r) {
      int64_t source = index.at(rows.ends[r].first), target = index.at(rows.ends[r].second);
      if (source < 0 || target < 0) throw SqlError{SQLITE_CORRUPT, "a relation names an event that is not there"};
      rows.relations[r].source = g.events[size_t(source)].id;
      rows.relations[r].target = g.events[size_t(target)].id;
    }
    g.relations = std::move(rows.relations);
  } catch (const SqlError& e) {
    return sql_error(impl_->path, e);
  }
  return g;
}

Status Store::begin() {
  try {
    exec(impl_->db, "BEGIN IMMEDIATE");
    impl_->in_transaction = true;
  } catch (const SqlError& e) {
    return sql_error(impl_->path, e);
  }
  return ok_status();
}

Status Store::commit() {
  try {
    exec(impl_->db, "COMMIT");
    impl_->in_transaction = false;
  } catch (const SqlError& e) {
    rollback();
    return sql_error(impl_->path, e);
  }
  return ok_status();
}

void Store::rollback() {
  if (impl_->in_transaction) sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
  impl_->in_transaction = false;
}

Result<bool> Store::contains(const std::string& hash) const {
  try {
    Statement s(impl_->db, "SELECT 1 FROM documents WHERE hash = ? LIMIT 1");
    s.bind(1, hash);
    return s.step();
  } catch (const SqlError& e) {
    return sql_error(impl_->path, e);
  }
}

namespace {

// Merging one batch: the statements, prepared once.
class Merger {
 public:
  explicit Merger(sqlite3* db)
      : db_(db),
        doc_exists_(db, "SELECT 1 FROM documents WHERE id = ?"),
        doc_insert_(db, "INSERT INTO documents(id, path, title, dct, dct_source, hash) VALUES(?,?,?,?,?,?)"),
        actor_by_name_(db, "SELECT actor FROM actor_names WHERE name = ? ORDER BY actor LIMIT 1"),
        actor_by_id_(db, "SELECT seq FROM actors WHERE id = ?"),
        alias_next_(db, "SELECT COALESCE(MAX(pos) + 1, 0) FROM actor_aliases WHERE actor = ?"),
        alias_insert_(db, "INSERT INTO actor_aliases(actor, pos, alias) VALUES(?,?,?)"),
        name_known_(db, "SELECT 1 FROM actor_names WHERE name = ? AND actor = ?"),
        name_insert_(db, "INSERT OR IGNORE INTO actor_names(name, actor) VALUES(?,?)"),
        candidates_(db, "SELECT seq, polarity, time_start, time_end FROM events WHERE merge_key = ? ORDER BY seq"),
        actors_of_(db, "SELECT actor FROM event_actors WHERE event = ?"),
        parts_of_(db, "SELECT parts FROM events WHERE seq = ?"),
        set_parts_(db, "UPDATE events SET parts = ? WHERE seq = ?"),
        event_id_taken_(db, "SELECT 1 FROM events WHERE id = ?"),
        max_seq_(db, "SELECT COALESCE(MAX(seq), 0) FROM events"),
        prev_(db,
              "SELECT seq, time_end FROM events WHERE chain_start IS NOT NULL AND (chain_start, seq) < (?1, ?2) "
              "ORDER BY chain_start DESC, seq DESC LIMIT 1"),
        next_(db,
              "SELECT seq, chain_start FROM events WHERE chain_start IS NOT NULL AND (chain_start, seq) > (?1, ?2) "
              "ORDER BY chain_start, seq LIMIT 1"),
        actor_prev_(db,
                    "SELECT event FROM event_actors WHERE actor = ?1 AND chain_start IS NOT NULL AND "
                    "(chain_start, event) < (?2, ?3) ORDER BY chain_start DESC, event DESC LIMIT 1"),
        actor_next_(db,
                    "SELECT event FROM event_actors WHERE actor = ?1 AND chain_start IS NOT NULL AND "
                    "(chain_start, event) > (?2, ?3) ORDER BY chain_start, event LIMIT 1"),
        unlink_(db, "DELETE FROM relations WHERE source = ? AND target = ? AND type = ? AND ev_doc IS NULL"),
        thread_event_(db, "UPDATE events SET chain_start = ? WHERE seq = ?"),
        thread_actors_(db, "UPDATE event_actors SET chain_start = ? WHERE event = ?"),
        same_day_before_(db,
                         "SELECT seq FROM events WHERE chain_start = ?1 AND time_end = ?1 AND time_value = ?2 "
                         "AND seq < ?3 ORDER BY seq DESC LIMIT 1"),
        // The latest start among the events whose days contain ?1..?2 (spans
        // of more than one day: the events_spans index), looked for among
        // the 1,000 such spans that start last before it.
        container_start_(db,
                         "SELECT chain_start FROM (SELECT chain_start, time_end FROM events WHERE chain_start IS NOT "
                         "NULL AND time_end > chain_start AND chain_start <= ?1 ORDER BY chain_start DESC LIMIT 1000) "
                         "WHERE time_end >= ?2 AND NOT (chain_start = ?1 AND time_end = ?2) LIMIT 1"),
        container_(db,
                   "SELECT seq FROM events WHERE chain_start = ?3 AND time_end > chain_start AND time_end >= ?2 AND "
                   "NOT (chain_start = ?1 AND time_end = ?2) ORDER BY time_end, time_value DESC, seq DESC LIMIT 1"),
        actors_(db),
        events_(db),
        relations_(db) {}

  MergeReport run(const Graph& batch, const std::vector<std::string>& hashes) {
    for (size_t i = 0; i < batch.documents.size(); ++i) add_document(batch.documents[i], i < hashes.size() ? hashes[i] : "");
    for (const auto& a : batch.actors) add_actor(a);
    std::vector<int64_t> seq_of(batch.events.size());
    std::vector<std::pair<std::string, int64_t>> to_thread;  // (start day, seq) of new dated events
    std::vector<Days> new_days;
    int64_t next_seq = [&] { Statement& s = max_seq_; bool row = s.step(); int64_t n = row ? s.integer(0) : 0; s.reset(); return n + 1; }();
    int64_t next_number = std::max<int64_t>(1, std::stoll("0" + read_meta(db_, "next_event")));
    std::unordered_map<std::string, size_t> batch_index;
    for (size_t i = 0; i < batch.events.size(); ++i) {
      batch_index.emplace(batch.events[i].id, i);
      GraphEvent e = remapped(batch.events[i]);
      if (auto same = find_same(e)) {
        add_mentions(*same, e);
        seq_of[i] = *same;
        ++report_.merged_events;
        continue;
      }
      e.id = fresh_event_id(next_number);
      events_.write(next_seq, e, /*threaded=*/false);
      if (auto start = chain_start(e)) {
        to_thread.emplace_back(*start, next_seq);
        if (e.time->end) new_days.push_back({*start, *e.time->end, e.time->value, next_seq});
      }
      seq_of[i] = next_seq++;
      ++report_.new_events;
    }
    write_meta(db_, "next_event", std::to_string(next_number));
    for (const auto& r : batch.relations) {
      if (is_derived(r)) continue;
      auto s = batch_index.find(r.source), t = batch_index.find(r.target);
      if (s == batch_index.end() || t == batch_index.end()) continue;
      int64_t source = seq_of[s->second], target = seq_of[t->second];
      if (source == target) continue;
      std::optional<Evidence> evidence = r.evidence;
      if (evidence) evidence->doc = doc_id(evidence->doc);
      relations_.write(source, target, r.type, evidence);
      ++report_.relations;
    }
    std::sort(to_thread.begin(), to_thread.end());
    for (const auto& [start, seq] : to_thread) thread(start, seq);
    link_by_days(new_days);
    return report_;
  }

 private:
  void add_document(const GraphDocument& d, const std::string& hash) {
    std::string id = d.id;
    for (int n = 2; exists(doc_exists_, id); ++n) id = d.id + "-" + std::to_string(n);
    docs_[d.id] = id;
    doc_insert_.bind(1, id).bind(2, d.path).bind(3, d.title).bind(4, d.dct).bind(5, d.dct_source);
    if (!hash.empty()) doc_insert_.bind(6, hash);
    doc_insert_.run();
    ++report_.documents;
  }

  std::string doc_id(const std::string& batch_id) const {
    auto it = docs_.find(batch_id);
    return it == docs_.end() ? batch_id : it->second;
  }

  static bool exists(Statement& s, const std::string& key) {
    s.bind(1, key);
    bool row = s.step();
    s.reset();
    return row;
  }

  std::optional<std::string> actor_named(const std::string& name) {
    actor_by_name_.bind(1, fold(name));
    std::optional<std::string> found;
    if (actor_by_name_.step()) found = actor_by_name_.text(0);
    actor_by_name_.reset();
    return found;
  }

  void add_actor(const GraphActor& a) {
    std::optional<std::string> same;
    for (const std::string* name : ActorWriter::names(a))
      if (name != &a.id && (same = actor_named(*name))) break;
    if (!same && exists(actor_by_id_, a.id)) same = a.id;
    if (!same) {
      actors_.write(a);
      actors_map_[a.id] = a.id;
      ++report_.new_actors;
      return;
    }
    actors_map_[a.id] = *same;
    // New spellings become aliases of the actor already there.
    actor_by_id_.bind(1, *same);
    actor_by_id_.step();
    int64_t seq = actor_by_id_.integer(0);
    actor_by_id_.reset();
    for (const std::string* name : ActorWriter::names(a)) {
      if (name == &a.id) continue;
      std::string folded = fold(*name);
      name_known_.bind(1, folded).bind(2, *same);
      bool known = name_known_.step();
      name_known_.reset();
      if (known) continue;
      alias_next_.bind(1, seq);
      alias_next_.step();
      int64_t pos = alias_next_.integer(0);
      alias_next_.reset();
      alias_insert_.bind(1, seq).bind(2, pos).bind(3, *name).run();
      name_insert_.bind(1, folded).bind(2, *same).run();
    }
  }

  GraphEvent remapped(const GraphEvent& batch_event) const {
    GraphEvent e = batch_event;
    for (auto& role : e.actors)
      if (auto it = actors_map_.find(role.actor); it != actors_map_.end()) role.actor = it->second;
    for (auto& m : e.mentions) m.doc = doc_id(m.doc);
    return e;
  }

  // An event already in the store that this one reports again.
  std::optional<int64_t> find_same(const GraphEvent& e) {
    auto key = merge_key(e);
    if (!key) return std::nullopt;
    std::vector<int64_t> candidates;
    candidates_.bind(1, *key);
    while (candidates_.step()) {
      // An episode told of another time is another one ("the war in 2008").
      bool overlaps = e.episode.empty() || !e.time ||
                      days_overlap(e.time->start, e.time->end, candidates_.optional_text(2), candidates_.optional_text(3));
      if (candidates_.text(1) == e.polarity && overlaps) candidates.push_back(candidates_.integer(0));
    }
    candidates_.reset();
    for (int64_t seq : candidates) {
      std::set<std::string> theirs;
      actors_of_.bind(1, seq);
      while (actors_of_.step()) theirs.insert(actors_of_.text(0));
      actors_of_.reset();
      bool shared = theirs.empty() || e.actors.empty();
      for (const auto& role : e.actors) shared |= theirs.count(role.actor) > 0;
      if (shared) return seq;
    }
    return std::nullopt;
  }

  void add_mentions(int64_t seq, const GraphEvent& e) {
    GraphEvent stored;
    stored.time = EventTime{};  // somewhere for its disputed dates, so that they are packed again
    parts_of_.bind(1, seq);
    if (parts_of_.step()) unpack_parts(parts_of_.blob(0), stored);
    parts_of_.reset();
    stored.mentions.insert(stored.mentions.end(), e.mentions.begin(), e.mentions.end());
    set_parts_.bind_blob(1, pack_parts(stored)).bind(2, seq).run();
  }

  std::string fresh_event_id(int64_t& next_number) {
    std::string id;
    do id = "e" + std::to_string(next_number++);
    while (exists(event_id_taken_, id));
    return id;
  }

  struct Days {
    std::string start, end, value;
    int64_t seq = 0;
  };

  // "simultaneous" after the last event of the same day, or else
  // "includes" from the nearest event whose days contain the new one's, as
  // corpus.cpp links a new graph (an event added later that contains
  // events already stored is not linked to them until the next build).
  void link_by_days(std::vector<Days>& events) {
    std::sort(events.begin(), events.end(), [](const Days& a, const Days& b) {
      if (a.start != b.start) return a.start < b.start;
      if (a.end != b.end) return a.end > b.end;
      return std::tie(a.value, a.seq) < std::tie(b.value, b.seq);
    });
    for (const auto& x : events) {
      if (x.start == x.end) {
        same_day_before_.bind(1, x.start).bind(2, x.value).bind(3, x.seq);
        std::optional<int64_t> before;
        if (same_day_before_.step()) before = same_day_before_.integer(0);
        same_day_before_.reset();
        if (before) {
          link(*before, x.seq, "simultaneous");
          continue;
        }
      }
      container_start_.bind(1, x.start).bind(2, x.end);
      std::optional<std::string> start;
      if (container_start_.step()) start = container_start_.text(0);
      container_start_.reset();
      if (!start) continue;
      container_.bind(1, x.start).bind(2, x.end).bind(3, *start);
      if (container_.step()) link(container_.integer(0), x.seq, "includes");
      container_.reset();
    }
  }

  // Puts a new dated event into the `before` chain and its actors'
  // `same_actor` threads, between the neighbours it falls between in
  // (start day, row) order — the order corpus.cpp threads a new graph in.
  void thread(const std::string& start, int64_t seq) {
    std::string end;
    {
      Statement s(db_, "SELECT time_end FROM events WHERE seq = ?");
      s.bind(1, seq);
      if (s.step()) end = s.text(0);
    }
    std::optional<std::pair<int64_t, std::string>> prev, next;
    prev_.bind(1, start).bind(2, seq);
    if (prev_.step()) prev.emplace(prev_.integer(0), prev_.text(1));
    prev_.reset();
    next_.bind(1, start).bind(2, seq);
    if (next_.step()) next.emplace(next_.integer(0), next_.text(1));
    next_.reset();
    if (prev && next) unlink_.bind(1, prev->first).bind(2, next->first).bind(3, std::string("before")).run();
    if (prev && prev->second < start) link(prev->first, seq, "before");
    if (next && end < next->second) link(seq, next->first, "before");

    std::vector<std::string> actors;
    actors_of_.bind(1, seq);
    while (actors_of_.step()) actors.push_back(actors_of_.text(0));
    actors_of_.reset();
    std::set<std::string> done;
    for (const auto& actor : actors) {
      if (!done.insert(actor).second) continue;
      auto around = [&](Statement& s) {
        s.bind(1, actor).bind(2, start).bind(3, seq);
        std::optional<int64_t> found;
        if (s.step()) found = s.integer(0);
        s.reset();
        return found;
      };
      auto p = around(actor_prev_), n = around(actor_next_);
      if (p && n) unlink_.bind(1, *p).bind(2, *n).bind(3, std::string("same_actor")).run();
      if (p) link(*p, seq, "same_actor");
      if (n) link(seq, *n, "same_actor");
    }
    thread_event_.bind(1, start).bind(2, seq).run();
    thread_actors_.bind(1, start).bind(2, seq).run();
  }

  void link(int64_t source, int64_t target, const char* type) {
    relations_.write(source, target, type, std::nullopt);
    ++report_.relations;
  }

  sqlite3* db_;
  Statement doc_exists_, doc_insert_, actor_by_name_, actor_by_id_, alias_next_, alias_insert_, name_known_,
      name_insert_, candidates_, actors_of_, parts_of_, set_parts_, event_id_taken_, max_seq_, prev_, next_, actor_prev_,
      actor_next_, unlink_, thread_event_, thread_actors_, same_day_before_, container_start_, container_;
  ActorWriter actors_;
  EventWriter events_;
  RelationWriter relations_;
  std::unordered_map<std::string, std::string> docs_, actors_map_;
  MergeReport report_;
};

}  // namespace

Result<MergeReport> Store::merge(const Graph& batch, const std::vector<std::string>& hashes) {
  if (!impl_->in_transaction) return Error{ErrorCode::io, impl_->path, "merge outside a transaction"};
  try {
    exec(impl_->db, kSpansIndex);
    return Merger(impl_->db).run(batch, hashes);
  } catch (const SqlError& e) {
    return sql_error(impl_->path, e);
  }
}

Result<Graph> load_graph_source(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) return Error{ErrorCode::io, path, "no such file"};
  if (fs::is_directory(path, ec)) return Error{ErrorCode::io, path, "is a directory, not a file"};
  if (is_sqlite_file(path)) {
    auto store = Store::open(path);
    if (!store) return store.error();
    return store->load();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::io, path, "cannot open"};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return graph_from_json(buffer.str(), path);
}

}  // namespace annals
