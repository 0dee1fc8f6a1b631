// `annals query` on a small hand-built graph, as JSON and as a store: why,
// then, path, between, find, conflicts; EVENT resolution; output formats.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "graph/graph.h"
#include "test_support.h"

namespace annals::testing {
namespace {

using Json = nlohmann::json;

GraphEvent make_event(std::string id, std::string label, std::string day, std::string doc, uint32_t start,
                      std::vector<std::string> actors = {}) {
  GraphEvent e;
  e.id = std::move(id);
  e.label = std::move(label);
  e.trigger = e.label.substr(e.label.find(' ') + 1, e.label.find(' ', e.label.find(' ') + 1) - e.label.find(' ') - 1);
  e.event_class = "OCCURRENCE";
  e.time = EventTime{day, day, day, false};
  for (auto& a : actors) e.actors.push_back({a, "agent"});
  e.mentions.push_back({doc, start, start + 6, "In " + doc + ", " + e.label + "."});
  return e;
}

// protests → request → deployment → withdrawal, Putin's remarks after the
// deployment, and markets after both.
Graph story() {
  Graph g;
  g.documents = {{"d1", "d1.txt", "One", "2022-01-20", "text"}, {"d2", "d2.txt", "Two", std::nullopt, std::nullopt}};
  g.actors = {{"csto", "CSTO", "organization", {}}, {"putin", "Vladimir Putin", "person", {"Putin"}},
              {"tokayev", "Kassym-Jomart Tokayev", "person", {"Tokayev"}}};
  g.events = {make_event("e1", "protesters rallied in Almaty", "2022-01-02", "d1", 0),
              make_event("e2", "Tokayev requested help", "2022-01-05", "d1", 100, {"tokayev"}),
              make_event("e3", "CSTO deployed troops", "2022-01-06", "d1", 200, {"csto"}),
              make_event("e4", "CSTO withdrew troops", "2022-01-13", "d2", 300, {"csto"}),
              make_event("e5", "Putin praised the mission", "2022-01-10", "d2", 400, {"putin"}),
              make_event("e6", "markets recovered", "2022-01-20", "d2", 500)};
  g.relations = {{"e1", "e2", "causes", Evidence{"d1", 90, 104, "in response to"}},
                 {"e2", "e3", "causes", Evidence{"d1", 190, 207, "at the request of"}},
                 {"e3", "e4", "causes", Evidence{"d2", 290, 306, "after completing"}},
                 {"e3", "e5", "before", std::nullopt},
                 {"e5", "e6", "before", std::nullopt},
                 {"e4", "e6", "before", std::nullopt}};
  return g;
}

class QueryCli : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_ / "g.json", to_json(story()));
    auto imported = run_annals("import '" + (dir_ / "s.annals") + "' '" + (dir_ / "g.json") + "'");
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  // Runs `annals query SOURCE args` on the JSON and on the store, checks
  // that both answer the same, and returns one answer.
  RunResult query(const std::string& args) {
    auto from_json = run_annals("query '" + (dir_ / "g.json") + "' " + args);
    auto from_store = run_annals("query '" + (dir_ / "s.annals") + "' " + args);
    EXPECT_EQ(from_json.exit_code, from_store.exit_code) << args;
    EXPECT_EQ(from_json.out, from_store.out) << args;
    EXPECT_EQ(from_json.err.empty(), from_store.err.empty()) << args;
    return from_json;
  }
  static std::vector<std::string> event_ids(const Json& events) {
    std::vector<std::string> ids;
    for (const auto& e : events) ids.push_back(e.at("id").get<std::string>());
    return ids;
  }
  TempDir dir_;
};

TEST_F(QueryCli, WhyListsCausesEarliestFirstWithEvidence) {
  auto r = query("why e4");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t e1 = r.out.find("e1 "), e2 = r.out.find("e2 "), e3 = r.out.find("e3 "), e4 = r.out.find("e4 ");
  ASSERT_NE(e4, std::string::npos) << r.out;
  EXPECT_TRUE(e1 < e2 && e2 < e3 && e3 < e4) << r.out;
  EXPECT_NE(r.out.find("\"at the request of\" [2]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[2] d1: In d1, Tokayev requested help. In d1, CSTO deployed troops."), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("e5"), std::string::npos) << "temporal links are not causes: " << r.out;

  auto json = query("why e4 --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  Json j = Json::parse(json.out);
  EXPECT_EQ(j["query"], "why");
  EXPECT_EQ(j["event"], "e4");
  EXPECT_EQ(event_ids(j["events"]), (std::vector<std::string>{"e1", "e2", "e3", "e4"}));
  ASSERT_EQ(j["links"].size(), 3u);
  EXPECT_EQ(j["links"][0]["cue"], "in response to");
  EXPECT_EQ(j["links"][0]["sentences"].size(), 2u);
}

TEST_F(QueryCli, EventsCanBeNamedByAUniqueText) {
  auto by_text = query("why withdrew --format json");
  ASSERT_EQ(by_text.exit_code, 0) << by_text.err;
  EXPECT_EQ(by_text.out, query("why e4 --format json").out);
  auto case_folded = query("why 'WITHDREW TROOPS' --format json");
  EXPECT_EQ(case_folded.out, by_text.out);
}

TEST_F(QueryCli, AnAmbiguousTextListsTheCandidatesAndFails) {
  auto r = query("why CSTO");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err.rfind("annals: CSTO: matches 2 events; give one of the ids\n", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("e3  2022-01-06  CSTO deployed troops"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("e4  2022-01-13  CSTO withdrew troops"), std::string::npos) << r.err;
  // Both places an EVENT is taken.
  EXPECT_EQ(query("path troops e6").exit_code, 1);
  EXPECT_EQ(query("then troops").exit_code, 1);
}

TEST_F(QueryCli, NoMatchIsAOneLineError) {
  for (const char* args : {"why volcano", "why e99", "path e1 volcano", "find volcano"}) {
    auto r = query(args);
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_EQ(count_lines(r.err), 1u) << args << ": " << r.err;
    EXPECT_NE(r.err.find("volcano") == std::string::npos ? r.err.find("e99") : 0, std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
}

TEST_F(QueryCli, ThenFollowsEffectsAndWithTemporalTheNextEvents) {
  auto causal = query("then e2 --format json");
  ASSERT_EQ(causal.exit_code, 0) << causal.err;
  EXPECT_EQ(event_ids(Json::parse(causal.out)["events"]), (std::vector<std::string>{"e2", "e3", "e4"}));
  auto temporal = query("then e2 --temporal --format json");
  ASSERT_EQ(temporal.exit_code, 0) << temporal.err;
  EXPECT_EQ(event_ids(Json::parse(temporal.out)["events"]), (std::vector<std::string>{"e2", "e3", "e5", "e4", "e6"}));
  auto leaf = query("then e6");
  EXPECT_EQ(leaf.exit_code, 0);
  EXPECT_NE(leaf.err.find("e6 has no recorded effects"), std::string::npos) << leaf.err;
}

TEST_F(QueryCli, PathIsCausalFirstThenTemporal) {
  auto causal = query("path e1 e4 --format json");
  ASSERT_EQ(causal.exit_code, 0) << causal.err;
  Json c = Json::parse(causal.out);
  EXPECT_EQ(c["causal"], true);
  EXPECT_EQ(event_ids(c["events"]), (std::vector<std::string>{"e1", "e2", "e3", "e4"}));
  auto temporal = query("path e3 e6 --format json");
  ASSERT_EQ(temporal.exit_code, 0) << temporal.err;
  Json t = Json::parse(temporal.out);
  EXPECT_EQ(t["causal"], false);
  EXPECT_EQ(event_ids(t["events"]), (std::vector<std::string>{"e3", "e5", "e6"}));
  EXPECT_NE(temporal.err.find("no causal chain links e3 and e6"), std::string::npos) << temporal.err;
  auto reversed = query("path e6 e3 --format json");
  EXPECT_EQ(Json::parse(reversed.out)["reversed"], true);
  auto none = query("path e1 e5");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no causal or temporal chain links e1 and e5"), std::string::npos) << none.err;
  EXPECT_EQ(query("path e1 e1").exit_code, 2);
  EXPECT_EQ(query("path e1").exit_code, 2) << "two events are needed";
}

TEST_F(QueryCli, ChainsRenderAsDotAndSvg) {
  auto dot = query("why e4 --format dot");
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_EQ(dot.out.rfind("digraph", 0), 0u) << dot.out.substr(0, 100);
  EXPECT_NE(dot.out.find("CSTO deployed troops"), std::string::npos);
  EXPECT_EQ(dot.out.find("markets recovered"), std::string::npos) << "only the chain is drawn";
  auto svg = run_annals("query '" + (dir_ / "s.annals") + "' path e1 e4 --format svg -o '" + (dir_ / "p.svg") + "'");
  ASSERT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_TRUE(svg.out.empty());
  EXPECT_NE(read_file(dir_ / "p.svg").find("<svg"), std::string::npos);
}

TEST_F(QueryCli, BetweenAndFind) {
  auto between = query("between 2022-01-05 2022-01-10 --format json");
  ASSERT_EQ(between.exit_code, 0) << between.err;
  EXPECT_EQ(event_ids(Json::parse(between.out)), (std::vector<std::string>{"e2", "e3", "e5"}));
  EXPECT_EQ(query("between 2022-01 2022-01 --format json").out, query("events --format json").out);
  EXPECT_EQ(query("between 2022-01-40 2022-02").exit_code, 2);
  auto find = query("find troops --format json");
  ASSERT_EQ(find.exit_code, 0) << find.err;
  EXPECT_EQ(event_ids(Json::parse(find.out)), (std::vector<std::string>{"e3", "e4"}));
  EXPECT_EQ(event_ids(Json::parse(query("find 'in d2' --format json").out)),
            (std::vector<std::string>{"e4", "e5", "e6"}));
}

TEST_F(QueryCli, EventsAndActorWorkAsBefore) {
  auto events = query("events --from 2022-01-06 --to 2022-01-13");
  ASSERT_EQ(events.exit_code, 0) << events.err;
  EXPECT_EQ(events.out.rfind("DATE", 0), 0u);
  EXPECT_EQ(count_lines(events.out), 4u) << events.out;
  auto actor = query("actor Putin --format json");
  ASSERT_EQ(actor.exit_code, 0) << actor.err;
  EXPECT_EQ(event_ids(Json::parse(actor.out)), (std::vector<std::string>{"e5"}));
}

// "today" in an undated article is TimeML's XXXX-XX-XX: the listing says so in words.
TEST(QueryCliDates, ADayNoOneCanNameIsSaidSo) {
  TempDir dir;
  Graph g = story();
  g.events[5].time = EventTime{"XXXX-XX-XX", std::nullopt, std::nullopt, false};
  write_file(dir / "g.json", to_json(g));
  auto listed = run_annals("query '" + (dir / "g.json") + "' events");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("(day unknown)  markets recovered"), std::string::npos) << listed.out;
  EXPECT_EQ(listed.out.find("XXXX"), std::string::npos) << listed.out;
}

TEST_F(QueryCli, ConflictsAreReportedNotDropped) {
  auto none = query("conflicts");
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_TRUE(none.out.empty());
  EXPECT_NE(none.err.find("no conflicts"), std::string::npos);

  Graph g = story();
  g.relations.push_back({"e4", "e2", "causes", Evidence{"d2", 310, 320, "led to"}});  // a cycle, and a late cause
  write_file(dir_ / "g.json", to_json(g));
  auto json = run_annals("query '" + (dir_ / "g.json") + "' conflicts --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  Json j = Json::parse(json.out);
  ASSERT_EQ(j.size(), 2u) << json.out;
  EXPECT_EQ(j[0]["kind"], "causal_cycle");
  EXPECT_EQ(j[0]["events"], Json({"e2", "e3", "e4"}));
  EXPECT_EQ(j[1]["kind"], "cause_after_effect");
  EXPECT_EQ(j[1]["events"], Json({"e4", "e2"}));
  auto table = run_annals("query '" + (dir_ / "g.json") + "' conflicts");
  EXPECT_NE(table.out.find("causal_cycle"), std::string::npos) << table.out;
  // why still answers, and says the chain is cyclic.
  auto why = run_annals("query '" + (dir_ / "g.json") + "' why e3 --format json");
  ASSERT_EQ(why.exit_code, 0) << why.err;
  EXPECT_EQ(Json::parse(why.out)["cyclic"], true);
}

// Two articles that date one meeting a day apart: one node with both dates
// in the graph JSON (valid against the schema), listed by `conflicts` from
// the JSON and from a store.
TEST(QueryCliDisputes, SourcesThatDisagreeOnADateAreOneFlaggedNode) {
  TempDir dir;
  const std::string meeting =
      "Russian President Vladimir Putin met Kazakh President Kassym-Jomart Tokayev in Moscow on January ";
  write_file(dir / "a.txt", "January 15, 2022\n" + meeting + "13.\n");
  write_file(dir / "b.txt", "January 16, 2022\n" + meeting + "14.\n");
  auto built = run_annals("build '" + (dir / "a.txt") + "' '" + (dir / "b.txt") + "' -o '" + (dir / "g.json") +
                          "' --store '" + (dir / "s.annals") + "'");
  ASSERT_EQ(built.exit_code, 0) << built.err;
  Json g = Json::parse(read_file(dir / "g.json"));
  ASSERT_EQ(g["events"].size(), 1u);
  const Json& time = g["events"][0]["time"];
  EXPECT_EQ(time["disputed"].size(), 2u);
  EXPECT_EQ(time["disputed"][1]["docs"], Json({"b"}));
  const std::string validator =
      "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))";
  std::string command =
      "python3 -c '" + validator + "' '" + kSourceDir + "/docs/graph.schema.json' '" + (dir / "g.json") + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0);
  for (const std::string source : {"g.json", "s.annals"}) {
    auto conflicts = run_annals("query '" + (dir / source) + "' conflicts --format json");
    ASSERT_EQ(conflicts.exit_code, 0) << conflicts.err;
    Json j = Json::parse(conflicts.out);
    ASSERT_EQ(j.size(), 1u) << source << ": " << conflicts.out;
    EXPECT_EQ(j[0]["kind"], "sources_disagree");
    EXPECT_EQ(j[0]["detail"], "a dates it 2022-01-13, b 2022-01-14");
  }
  // Listing the event shows both dates.
  auto find = run_annals("query '" + (dir / "s.annals") + "' find met");
  EXPECT_NE(find.out.find("(or 2022-01-14)"), std::string::npos) << find.out;
  auto find_json = run_annals("query '" + (dir / "g.json") + "' find met --format json");
  EXPECT_EQ(Json::parse(find_json.out)[0]["disputed"][1]["value"], "2022-01-14") << find_json.out;
}

TEST_F(QueryCli, NewSubcommandsHaveHelpWithExamples) {
  for (const char* command : {"add", "export", "import", "query why", "query path", "query conflicts"}) {
    auto help = run_annals(std::string(command) + " --help");
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("Example"), std::string::npos) << command;
  }
}

}  // namespace
}  // namespace annals::testing
