// The store: SHA-256, round trips, merging, bad files, and an `add` killed
// halfway (the real binary, SIGKILL at several points).
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <thread>
#include <unistd.h>

#include "graph/graph.h"
#include "store/sha256.h"
#include "store/store.h"
#include "test_support.h"

extern char** environ;

namespace annals::testing {
namespace {

TEST(Sha256, KnownDigests) {
  struct Case {
    std::string bytes, hex;
  } cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      // Lengths around the padding boundaries.
      {std::string(55, 'a'), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {std::string(56, 'a'), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {std::string(63, 'a'), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {std::string(64, 'a'), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {std::string(65, 'a'), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
      {std::string(1000, 'a'), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"},
  };
  for (const auto& c : cases) EXPECT_EQ(sha256_hex(c.bytes), c.hex) << c.bytes.size() << " bytes";
}

GraphEvent event(std::string id, std::string label, std::string trigger, std::optional<std::string> day,
                 std::vector<ActorRole> actors, std::string doc, uint32_t start) {
  GraphEvent e;
  e.id = std::move(id);
  e.label = std::move(label);
  e.trigger = std::move(trigger);
  e.event_class = "OCCURRENCE";
  if (day) e.time = EventTime{*day, day, day, false};
  e.actors = std::move(actors);
  e.mentions.push_back({doc, start, start + 4, "The sentence of " + e.label + "."});
  return e;
}

// Every field, every optional both ways.
Graph full_graph() {
  Graph g;
  g.documents = {{"a", "a.txt", "Title A", "2022-01-05", "text"}, {"b", "dir/b.txt", "", std::nullopt, std::nullopt}};
  g.actors = {{"csto", "CSTO", "organization", {"Collective Security Treaty Organization", "ОДКБ"}},
              {"putin", "Vladimir Putin", "person", {}}};
  g.events.push_back(event("e1", "CSTO deployed troops", "deployed", "2022-01-06", {{"csto", "agent"}}, "a", 10));
  g.events.push_back(event("e2", "Putin said", "said", std::nullopt, {{"putin", "agent"}, {"csto", "patient"}}, "b", 20));
  g.events[1].polarity = "negative";
  g.events[1].modality = "reported";
  g.events[1].mentions.push_back({"a", 300, 304, "Another sentence."});
  g.events.push_back(event("e3", "troops withdrew", "withdrew", "2022-01-13", {}, "a", 50));
  g.events[2].time->inferred = true;
  g.events[2].time->basis = "year from a sentence 3";
  g.events.push_back(event("e4", "on May 16", "met", std::nullopt, {}, "b", 60));
  g.events[3].time = EventTime{"XXXX-05-16", std::nullopt, std::nullopt, false};
  g.events.push_back(event("e5", "operation in the CSTO", "operation", std::nullopt, {{"csto", "location"}}, "a", 70));
  g.events[4].episode = "operation";
  // Sources that disagree about a date.
  g.events[0].time->end = "2022-01-07";
  g.events[0].time->disputed = {{"2022-01-06", "2022-01-06", "2022-01-06", {"a"}},
                                {"2022-01-07", std::nullopt, std::nullopt, {"b", "c"}}};
  g.relations = {{"e1", "e3", "causes", Evidence{"a", 40, 48, "after completing"}},
                 {"e1", "e3", "before", std::nullopt},
                 {"e2", "e1", "same_actor", std::nullopt}};
  return g;
}

Graph load_store(const std::string& path) {
  auto store = Store::open(path);
  EXPECT_TRUE(store) << store.error().to_string();
  if (!store) return {};
  auto graph = store->load();
  EXPECT_TRUE(graph) << graph.error().to_string();
  return graph ? *graph : Graph{};
}

TEST(Store, RoundTripKeepsEveryField) {
  TempDir dir;
  Graph g = full_graph();
  ASSERT_TRUE(Store::create(dir / "s.annals", g, {"hash-a", ""}));
  EXPECT_TRUE(is_sqlite_file(dir / "s.annals"));
  EXPECT_EQ(to_json(load_store(dir / "s.annals")), to_json(g));
  auto store = Store::open(dir / "s.annals");
  ASSERT_TRUE(store);
  EXPECT_TRUE(*store->contains("hash-a"));
  EXPECT_FALSE(*store->contains("hash-b"));
  EXPECT_FALSE(*store->contains(""));
  // load_graph_source reads both kinds of file.
  write_file(dir / "g.json", to_json(g));
  auto from_json = load_graph_source(dir / "g.json");
  auto from_store = load_graph_source(dir / "s.annals");
  ASSERT_TRUE(from_json && from_store);
  EXPECT_EQ(to_json(*from_json), to_json(*from_store));
  EXPECT_EQ(to_json(load_store(dir / "s.annals")), to_json(g)) << "reading twice";
}

TEST(Store, CreateRefusesInconsistentGraphsAndLeavesNothing) {
  TempDir dir;
  Graph twice = full_graph();
  twice.events[1].id = "e1";
  auto r = Store::create(dir / "s.annals", twice);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("\"e1\""), std::string::npos) << r.error().to_string();
  Graph dangling = full_graph();
  dangling.relations[0].target = "e77";
  r = Store::create(dir / "s.annals", dangling);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("e77"), std::string::npos) << r.error().to_string();
  EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << "no store, no temporary file";
}

// Byte patches of the SQLite header: user_version at 60, application_id at 68.
void patch(const std::string& path, size_t offset, uint32_t value) {
  std::string bytes = read_file(path);
  for (int i = 0; i < 4; ++i) bytes[offset + i] = char(value >> (24 - 8 * i));
  write_file(path, bytes);
}

TEST(Store, FilesThatAreNotStoresGiveOneClearError) {
  TempDir dir;
  ASSERT_TRUE(Store::create(dir / "good.annals", full_graph()));
  const std::string good = read_file(dir / "good.annals");
  write_file(dir / "json.annals", to_json(full_graph()));
  write_file(dir / "empty.annals", "");
  write_file(dir / "junk.annals", std::string(5000, '\x07'));
  write_file(dir / "other.annals", good);
  patch(dir / "other.annals", 68, 0x12345678);
  write_file(dir / "future.annals", good);
  patch(dir / "future.annals", 60, 9);
  write_file(dir / "header.annals", good.substr(0, 100));
  write_file(dir / "half.annals", good.substr(0, good.size() / 2));
  struct Case {
    std::string file, problem;
  } cases[] = {
      {"missing.annals", "no such file"},
      {"json.annals", "not an annals store"},
      {"empty.annals", "not an annals store"},
      {"junk.annals", "not an annals store"},
      {"other.annals", "not an annals store (an SQLite file of something else)"},
      {"future.annals", "store version 9 is not supported"},
      {"header.annals", "damaged"},
      {"half.annals", "damaged"},
  };
  for (const auto& c : cases) {
    std::string message;
    auto store = Store::open(dir / c.file);
    if (!store) message = store.error().to_string();
    else if (auto g = store->load(); !g) message = g.error().to_string();
    EXPECT_NE(message.find(c.problem), std::string::npos) << c.file << ": " << message;
    EXPECT_NE(message.find(dir / c.file), std::string::npos) << "names the file: " << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
  EXPECT_EQ(read_file(dir / "half.annals").size(), good.size() / 2) << "a damaged store is not touched";
}

Graph merge(const std::string& path, const Graph& batch, const std::vector<std::string>& hashes, MergeReport* out = nullptr) {
  auto store = Store::open(path, Store::Mode::write);
  EXPECT_TRUE(store) << store.error().to_string();
  EXPECT_TRUE(store->begin());
  auto report = store->merge(batch, hashes);
  EXPECT_TRUE(report) << report.error().to_string();
  EXPECT_TRUE(store->commit());
  if (out && report) *out = *report;
  return load_store(path);
}

const GraphRelation* find_relation(const Graph& g, const std::string& s, const std::string& t, const std::string& type) {
  for (const auto& r : g.relations)
    if (r.source == s && r.target == t && r.type == type) return &r;
  return nullptr;
}

TEST(Store, MergeKeepsIdsAndMergesTheSameEvent) {
  TempDir dir;
  Graph base;
  base.documents = {{"a", "a.txt", "A", std::nullopt, std::nullopt}};
  base.actors = {{"csto", "CSTO", "organization", {}}};
  base.events = {event("e1", "CSTO deployed troops", "deployed", "2022-01-06", {{"csto", "agent"}}, "a", 10),
                 event("e2", "CSTO left", "left", "2022-01-13", {{"csto", "agent"}}, "a", 90)};
  // Another source had said January 7; most say January 6.
  base.events[0].time->end = "2022-01-07";
  base.events[0].time->disputed = {{"2022-01-06", "2022-01-06", "2022-01-06", {"a", "x"}},
                                   {"2022-01-07", "2022-01-07", "2022-01-07", {"y"}}};
  base.relations = {{"e1", "e2", "before", std::nullopt}, {"e1", "e2", "same_actor", std::nullopt}};
  ASSERT_TRUE(Store::create(dir / "s.annals", base, {"h1"}));

  // A second article, assembled on its own: its ids clash with the store's.
  Graph batch;
  batch.documents = {{"a", "other/a.txt", "Another A", std::nullopt, std::nullopt}};
  batch.actors = {{"collective-security-treaty-organization", "Collective Security Treaty Organization", "organization",
                   {"csto"}},
                  {"putin", "Putin", "person", {}}};
  batch.events = {event("e1", "Putin welcomed", "welcomed", "2022-01-08", {{"putin", "agent"}}, "a", 5),
                  event("e2", "the CSTO deployed", "Deployed", "2022-01-06",
                        {{"collective-security-treaty-organization", "agent"}}, "a", 40),
                  event("e3", "nothing dated", "talked", std::nullopt, {{"putin", "agent"}}, "a", 70)};
  batch.relations = {{"e2", "e1", "causes", Evidence{"a", 30, 38, "after"}},
                     {"e2", "e1", "before", std::nullopt}};
  MergeReport report;
  Graph g = merge(dir / "s.annals", batch, {"h2"}, &report);
  EXPECT_EQ(report.documents, 1u);
  EXPECT_EQ(report.new_events, 2u);
  EXPECT_EQ(report.merged_events, 1u);
  EXPECT_EQ(report.new_actors, 1u);

  ASSERT_EQ(g.documents.size(), 2u);
  EXPECT_EQ(g.documents[1].id, "a-2");
  // The CSTO is one actor, with the new spelling as an alias.
  ASSERT_EQ(g.actors.size(), 2u);
  EXPECT_EQ(g.actors[0].id, "csto");
  EXPECT_EQ(g.actors[0].aliases, (std::vector<std::string>{"Collective Security Treaty Organization"}));
  EXPECT_EQ(g.actors[1].id, "putin");
  // Old events keep their ids; the deployment told again gains a mention.
  ASSERT_EQ(g.events.size(), 4u);
  EXPECT_EQ(g.events[0].id, "e1");
  EXPECT_EQ(g.events[0].label, "CSTO deployed troops");
  ASSERT_EQ(g.events[0].mentions.size(), 2u);
  EXPECT_EQ(g.events[0].mentions[1].doc, "a-2");
  EXPECT_EQ(g.events[0].time->disputed.size(), 2u) << "a new mention keeps the disputed dates";
  EXPECT_EQ(g.events[1].id, "e2");
  EXPECT_EQ(g.events[2].id, "e3");
  EXPECT_EQ(g.events[2].label, "Putin welcomed");
  EXPECT_EQ(g.events[2].actors[0].actor, "putin");
  EXPECT_EQ(g.events[3].id, "e4");
  // The causal link is remapped onto the stored event, evidence to the new doc id.
  const GraphRelation* cause = find_relation(g, "e1", "e3", "causes");
  ASSERT_TRUE(cause);
  EXPECT_EQ(cause->evidence->doc, "a-2");
  // e3 (Jan 8) now sits between e1 (Jan 6) and e2 (Jan 13) in time.
  EXPECT_FALSE(find_relation(g, "e1", "e2", "before"));
  EXPECT_TRUE(find_relation(g, "e1", "e3", "before"));
  EXPECT_TRUE(find_relation(g, "e3", "e2", "before"));
  EXPECT_TRUE(find_relation(g, "e1", "e2", "same_actor")) << "e3 is not a CSTO event";
  size_t before_links = 0;
  for (const auto& r : g.relations) before_links += r.type == "before";
  EXPECT_EQ(before_links, 2u);

  // The same batch again: a new document (the store does not know its hash
  // here), but its events merge and no id changes.
  Graph again = merge(dir / "s.annals", batch, {"h3"});
  for (size_t i = 0; i < g.events.size(); ++i) EXPECT_EQ(again.events[i].id, g.events[i].id);
  EXPECT_EQ(again.events.size(), 5u) << "only the undated event is new again";
}

// An episode told again by a new article joins the stored one, unless the
// article tells of another time.
TEST(Store, MergeJoinsEpisodesOfOverlappingTimes) {
  TempDir dir;
  auto episode = [](std::string id, std::optional<std::string> month, std::string doc) {
    GraphEvent e = event(std::move(id), "operation in Mali", "operation", std::nullopt, {{"mali", "location"}}, doc, 10);
    if (month) e.time = EventTime{*month, *month + "-01", *month + "-28", false};
    e.episode = "operation";
    return e;
  };
  Graph base;
  base.documents = {{"a", "a.txt", "A", std::nullopt, std::nullopt}};
  base.actors = {{"mali", "Mali", "country", {}}};
  base.events = {episode("e1", std::string("2021-02"), "a")};
  ASSERT_TRUE(Store::create(dir / "s.annals", base, {"h1"}));
  Graph batch;
  batch.documents = {{"b", "b.txt", "B", std::nullopt, std::nullopt}};
  batch.actors = base.actors;
  batch.events = {episode("e1", std::nullopt, "b"), episode("e2", std::string("2019-05"), "b")};
  MergeReport report;
  Graph g = merge(dir / "s.annals", batch, {"h2"}, &report);
  EXPECT_EQ(report.merged_events, 1u);  // the undated telling
  ASSERT_EQ(g.events.size(), 2u);       // 2019 is another operation
  EXPECT_EQ(g.events[0].mentions.size(), 2u);
  EXPECT_EQ(g.events[0].episode, "operation");
  EXPECT_EQ(g.events[1].time->value, "2019-05");
}

// An added event is linked by its days as a build would link it: after the
// stored event of the same day, or into the nearest stored span containing it.
TEST(Store, MergeLinksNewEventsByTheirDays) {
  TempDir dir;
  Graph base;
  base.documents = {{"a", "a.txt", "A", std::nullopt, std::nullopt}};
  base.events = {event("e1", "protests in January", "protests", "2022-01", {}, "a", 10),
                 event("e2", "Tokayev asked", "asked", "2022-01-05", {}, "a", 50)};
  base.events[0].time->start = "2022-01-01";
  base.events[0].time->end = "2022-01-31";
  base.relations = {{"e1", "e2", "includes", std::nullopt}, {"e1", "e2", "before", std::nullopt}};
  ASSERT_TRUE(Store::create(dir / "s.annals", base, {"h1"}));
  Graph batch;
  batch.documents = {{"b", "b.txt", "B", std::nullopt, std::nullopt}};
  batch.events = {event("e1", "the government resigned", "resigned", "2022-01-05", {}, "b", 5),
                  event("e2", "troops arrived", "arrived", "2022-01-06", {}, "b", 40),
                  event("e3", "troops left", "left", "2022-02-01", {}, "b", 80)};
  Graph g = merge(dir / "s.annals", batch, {"h2"});
  ASSERT_EQ(g.events.size(), 5u);
  EXPECT_TRUE(find_relation(g, "e2", "e3", "simultaneous"));
  EXPECT_FALSE(find_relation(g, "e1", "e3", "includes")) << "included through its simultaneous event";
  EXPECT_TRUE(find_relation(g, "e1", "e4", "includes"));
  EXPECT_FALSE(find_relation(g, "e1", "e5", "includes")) << "February is not in January";
  size_t includes = 0;
  for (const auto& r : g.relations) includes += r.type == "includes";
  EXPECT_EQ(includes, 2u);
}

TEST(Store, RollbackLeavesTheStoreAsItWas) {
  TempDir dir;
  ASSERT_TRUE(Store::create(dir / "s.annals", full_graph()));
  const std::string before = to_json(load_store(dir / "s.annals"));
  {
    auto store = Store::open(dir / "s.annals", Store::Mode::write);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->begin());
    Graph batch;
    batch.documents = {{"c", "c.txt", "C", std::nullopt, std::nullopt}};
    batch.events = {event("e1", "something", "something", "2022-02-01", {}, "c", 0)};
    ASSERT_TRUE(store->merge(batch, {"hc"}));
    store->rollback();
  }
  EXPECT_EQ(to_json(load_store(dir / "s.annals")), before);
  {
    auto store = Store::open(dir / "s.annals", Store::Mode::write);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->begin());
    Graph batch;
    batch.documents = {{"c", "c.txt", "C", std::nullopt, std::nullopt}};
    ASSERT_TRUE(store->merge(batch, {"hc"}));
    // Dropped without commit: rolled back.
  }
  EXPECT_EQ(to_json(load_store(dir / "s.annals")), before);
}

// ---- The real binary ----

TEST(StoreCli, BuildStoreThenExportEqualsBuildJson) {
  TempDir dir;
  auto json = run_annals("build examples/csto/*.txt -o '" + (dir / "g.json") + "'");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto both = run_annals("build examples/csto/*.txt -o '" + (dir / "g2.json") + "' --store '" + (dir / "s.annals") + "'");
  ASSERT_EQ(both.exit_code, 0) << both.err;
  EXPECT_TRUE(both.out.empty()) << "with -o, nothing on stdout";
  auto exported = run_annals("export '" + (dir / "s.annals") + "' --format json -o '" + (dir / "e.json") + "'");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(read_file(dir / "g2.json"), read_file(dir / "g.json"));
  EXPECT_EQ(read_file(dir / "e.json"), read_file(dir / "g.json"));
  // --store alone writes no JSON to stdout.
  auto store_only = run_annals("build examples/csto/*.txt --store '" + (dir / "s2.annals") + "'");
  ASSERT_EQ(store_only.exit_code, 0) << store_only.err;
  EXPECT_TRUE(store_only.out.empty());
  // import → export gives the same bytes again.
  auto imported = run_annals("import '" + (dir / "i.annals") + "' '" + (dir / "g.json") + "'");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto again = run_annals("export '" + (dir / "i.annals") + "'");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, read_file(dir / "g.json"));
  // render reads a store like a graph JSON.
  for (const char* source : {"g.json", "s.annals"}) {
    auto r = run_annals("query '" + (dir / source) + "' events --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(run_annals("query '" + (dir / "g.json") + "' events").out,
            run_annals("query '" + (dir / "s.annals") + "' events").out);
}

TEST(StoreCli, AddIsIdempotentAndKeepsIds) {
  TempDir dir;
  const std::string store = "'" + (dir / "s.annals") + "'";
  ASSERT_EQ(run_annals("build examples/csto/00[0-2]*.txt --store " + store).exit_code, 0);
  const std::string before = run_annals("export " + store).out;
  auto added = run_annals("add " + store + " examples/csto/00[3-4]*.txt");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("added 2 articles"), std::string::npos) << added.out;
  const std::string after = run_annals("export " + store).out;
  // Old events keep their ids and labels.
  auto old_graph = graph_from_json(before, "before");
  auto new_graph = graph_from_json(after, "after");
  ASSERT_TRUE(old_graph && new_graph);
  ASSERT_GT(new_graph->events.size(), old_graph->events.size());
  for (const auto& e : old_graph->events) {
    const GraphEvent* same = new_graph->find_event(e.id);
    ASSERT_TRUE(same) << e.id;
    EXPECT_EQ(same->label, e.label) << e.id;
  }
  EXPECT_EQ(new_graph->documents.size(), 5u);
  // The same files again, and all of them: nothing changes.
  for (const char* files : {"examples/csto/00[3-4]*.txt", "examples/csto/*.txt"}) {
    auto again = run_annals("add " + store + " " + files);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("added 0 articles"), std::string::npos) << again.out;
    EXPECT_EQ(run_annals("export " + store).out, after);
  }
  // A copy under another name is the same article.
  std::filesystem::copy_file(kSourceDir + "/examples/csto/003_357a5d8cc8e78bf1.txt", dir / "copy.txt");
  auto copy = run_annals("add " + store + " '" + (dir / "copy.txt") + "'");
  EXPECT_NE(copy.out.find("1 already in the store"), std::string::npos) << copy.out;
  EXPECT_EQ(run_annals("export " + store).out, after);
  // add on a missing store creates it, like build --store.
  auto fresh = run_annals("add '" + (dir / "new.annals") + "' examples/csto/*.txt");
  ASSERT_EQ(fresh.exit_code, 0) << fresh.err;
  EXPECT_EQ(run_annals("export '" + (dir / "new.annals") + "'").out, run_annals("build examples/csto/*.txt").out);
}

TEST(StoreCli, BadStoresAreOneLineErrors) {
  TempDir dir;
  write_file(dir / "junk.annals", "not a store at all\n");
  ASSERT_EQ(run_annals("build examples/csto/000_4c71d443e5fec436.txt --store '" + (dir / "s.annals") + "'").exit_code, 0);
  std::string good = read_file(dir / "s.annals");
  write_file(dir / "cut.annals", good.substr(0, good.size() / 3));
  for (const std::string& args :
       {"export '" + (dir / "junk.annals") + "'", "add '" + (dir / "junk.annals") + "' examples/csto/001_2eeb481a60e0f16e.txt",
        "export '" + (dir / "cut.annals") + "'", "query '" + (dir / "cut.annals") + "' events",
        "export '" + (dir / "missing.annals") + "'", "import '" + (dir / "i.annals") + "' '" + (dir / "junk.annals") + "'"}) {
    auto r = run_annals(args);
    EXPECT_EQ(r.exit_code, 1) << args << ": " << r.err;
    EXPECT_EQ(count_lines(r.err), 1u) << args << ": " << r.err;
    EXPECT_EQ(r.err.rfind("annals: ", 0), 0u) << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
  EXPECT_EQ(read_file(dir / "junk.annals"), "not a store at all\n") << "a file that is not a store is left alone";
  EXPECT_FALSE(std::filesystem::exists(dir / "i.annals"));
}

// SIGKILL at several points of an `add` of many articles: afterwards the
// store opens and is exactly as before the add or as after it.
pid_t spawn_annals(const std::vector<std::string>& args) {
  std::vector<char*> argv{const_cast<char*>(kBinary.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  posix_spawn(&pid, kBinary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

TEST(StoreCli, KilledAddLeavesTheStoreBeforeOrAfter) {
  TempDir dir;
  const std::string base = dir / "base.annals";
  ASSERT_EQ(run_annals("build examples/csto/*.txt --store '" + base + "'").exit_code, 0);
  // Many new articles: the examples again, each with a different last line
  // (new bytes, so they are read; their events merge with the stored ones).
  std::vector<std::string> args{"add", "", };
  for (int copy = 0; copy < 8; ++copy)
    for (const auto& entry : std::filesystem::directory_iterator(kSourceDir + "/examples/csto")) {
      if (entry.path().extension() != ".txt") continue;
      std::string path = dir / (entry.path().stem().string() + "-" + std::to_string(copy) + ".txt");
      write_file(path, read_file(entry.path()) + "\nUpdated " + std::to_string(copy) + " times.\n");
      args.push_back(path);
    }
  const std::string before = run_annals("export '" + base + "'").out;
  std::filesystem::copy_file(base, dir / "full.annals");
  args[1] = dir / "full.annals";
  auto start = std::chrono::steady_clock::now();
  pid_t full = spawn_annals(args);
  int status = 0;
  ::waitpid(full, &status, 0);
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const std::string after = run_annals("export '" + (dir / "full.annals") + "'").out;
  ASSERT_NE(before, after);

  int as_before = 0, as_after = 0, hot_journals = 0;
  const double fractions[] = {0.05, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.96, 0.98, 1.0, 1.05};
  for (double fraction : fractions) {
    const std::string store = dir / "killed.annals";
    std::filesystem::remove(store);
    std::filesystem::copy_file(base, store);
    args[1] = store;
    pid_t pid = spawn_annals(args);
    std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::microseconds>(took * fraction));
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    hot_journals += std::filesystem::exists(store + "-journal");
    auto now = run_annals("export '" + store + "'");
    ASSERT_EQ(now.exit_code, 0) << "killed at " << fraction << ": " << now.err;
    EXPECT_TRUE(now.out == before || now.out == after) << "killed at " << fraction << " of the run";
    as_before += now.out == before;
    as_after += now.out == after;
    // And it still takes an add.
    auto again = spawn_annals(args);
    ::waitpid(again, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << fraction;
    EXPECT_EQ(run_annals("export '" + store + "'").out, after) << fraction;
  }
  std::cerr << "killed add (" << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
            << " ms): " << as_before << " left as before, " << as_after << " as after, " << hot_journals
            << " killed while writing\n";
}

}  // namespace
}  // namespace annals::testing
