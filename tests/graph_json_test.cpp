#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "graph/graph.h"
#include "graph/query.h"

namespace annals {
namespace {

Graph sample() {
  Graph g;
  g.documents.push_back({"d1", "a.txt", "Title \"quoted\" <b>", std::string("2022-06-08"), std::string("text")});
  g.actors.push_back({"csto", "CSTO", "organization", {"Collective Security Treaty Organization"}});
  GraphEvent e;
  e.id = "e1";
  e.label = "CSTO forces transferred \x01 to Kazakhstan";
  e.trigger = "transferred";
  e.event_class = "OCCURRENCE";
  e.time = EventTime{"2022-01-06", std::string("2022-01-06"), std::string("2022-01-06"), true};
  e.actors.push_back({"csto", "agent"});
  e.mentions.push_back({"d1", 10, 21, "CSTO forces were transferred."});
  g.events.push_back(e);
  GraphEvent undated = e;
  undated.id = "e2";
  undated.time.reset();
  g.events.push_back(undated);
  g.relations.push_back({"e1", "e2", "causes", Evidence{"d1", 3, 9, "because"}});
  return g;
}

TEST(GraphJson, RoundTripsExactly) {
  Graph g = sample();
  std::string json = to_json(g);
  auto back = graph_from_json(json, "g.json");
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(to_json(*back), json);
  EXPECT_NE(json.find("\\u0001"), std::string::npos) << "control characters are escaped";
}

// The graph is written as text, not through a JSON tree: it must read as the
// very text nlohmann's dump(1) writes for the tree, escapes and all.
TEST(GraphJson, WritesWhatAJsonLibraryWouldWrite) {
  Graph g = sample();
  g.documents[0].dct.reset();
  g.actors[0].aliases.clear();
  g.events[0].label = std::string("tab\t nl\n cr\r ff\f bs\b quote\" slash\\ del\x7f nul") + '\0' + " \x1f";
  g.events[0].trigger = "\xD0\xA2\xD0\xBE\xD0\xBA\xD0\xB0\xD0\xB5\xD0\xB2 \xE2\x80\x9Cquoted\xE2\x80\x9D";
  g.events[0].time->basis = "year from d1 sentence 2";
  g.events[0].time->disputed = {{"2022-01-05", std::nullopt, std::string("2022-01-05"), {"d1", "d2"}},
                                {"2022-01-06", std::nullopt, std::nullopt, {}}};
  g.events[0].episode = "operation";
  g.events[1].actors.clear();
  g.events[1].mentions.clear();
  g.relations.push_back({"e2", "e1", "before", std::nullopt});
  const std::string json = to_json(g);
  const auto tree = nlohmann::ordered_json::parse(json);
  EXPECT_EQ(tree.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n", json);
  EXPECT_EQ(tree["events"][0]["label"].get<std::string>(), g.events[0].label);
}

TEST(GraphJson, MalformedInputNamesTheProblem) {
  struct Case { std::string json, problem; } cases[] = {
      {"", "not valid JSON"},
      {"[1,2]", "not a JSON object"},
      {"{\"schema\": \"other/9\", \"documents\": [], \"actors\": [], \"events\": [], \"relations\": []}", "unsupported schema"},
      {"{\"schema\": \"annals-graph/1\", \"documents\": [], \"actors\": [], \"relations\": []}", "missing field \"events\""},
      {"{\"schema\": \"annals-graph/1\", \"documents\": [], \"actors\": [], \"events\": [{\"id\": 5}], \"relations\": []}",
       "field \"id\" has the wrong type"},
      {"{\"schema\": \"annals-graph/1\", \"documents\": [7], \"actors\": [], \"events\": [], \"relations\": []}",
       "is not an object"},
  };
  for (const auto& c : cases) {
    auto g = graph_from_json(c.json, "in.json");
    ASSERT_FALSE(g.ok()) << c.json;
    EXPECT_EQ(g.error().where, "in.json");
    EXPECT_NE(g.error().message.find(c.problem), std::string::npos) << g.error().message;
  }
}

TEST(Query, FiltersByDateRangeAndActorInTimeOrder) {
  Graph g = sample();
  EventFilter january{std::string("2022-01-01"), std::string("2022-01-31"), std::nullopt, false};
  auto events = select_events(g, january);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]->id, "e1");
  EventFilter february{std::string("2022-02-01"), std::nullopt, std::nullopt, false};
  EXPECT_TRUE(select_events(g, february).empty());
  auto all = select_events(g, {});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1]->id, "e2") << "undated events come last";
}

TEST(Query, DayBounds) {
  EXPECT_EQ(*parse_day_bound("2022", false), "2022-01-01");
  EXPECT_EQ(*parse_day_bound("2022", true), "2022-12-31");
  EXPECT_EQ(*parse_day_bound("2024-02", true), "2024-02-29");
  EXPECT_EQ(*parse_day_bound("2022-01-05", true), "2022-01-05");
  for (const char* bad : {"2022-02-30", "22-01-01", "2022/01/01", "", "2022-1", "abcd"})
    EXPECT_FALSE(parse_day_bound(bad, false).ok()) << bad;
}

TEST(Query, FindsActorsByAliasAndRefusesToGuess) {
  Graph g = sample();
  g.actors.push_back({"csto-2", "CSTO Joint Staff", "organization", {}});
  auto exact = find_actor(g, "collective security treaty organization");
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ((*exact)->id, "csto");
  EXPECT_EQ((*find_actor(g, "CSTO"))->id, "csto") << "an exact match wins over partial ones";
  auto ambiguous = find_actor(g, "cst");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_EQ(ambiguous.error().code, ErrorCode::ambiguous);
}

}  // namespace
}  // namespace annals
