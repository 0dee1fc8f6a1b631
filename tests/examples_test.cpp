// End to end on the example articles: the README's main job, checked for
// concrete facts of its output.
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace annals::testing {
namespace {

using Json = nlohmann::json;

class Examples : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    auto r = run_annals("build examples/csto/*.txt -o '" + (*dir_ / "graph.json") + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    graph_ = Json::parse(read_file(*dir_ / "graph.json"));
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string graph_path() { return *dir_ / "graph.json"; }
  static inline TempDir* dir_ = nullptr;
  static inline Json graph_;
};

bool mentions_text(const Json& event, const std::string& needle) {
  for (const auto& m : event["mentions"])
    if (m["sentence"].get<std::string>().find(needle) != std::string::npos) return true;
  return false;
}

TEST_F(Examples, TransferOfCstoForcesIsDatedJanuarySixth) {
  bool found = false;
  for (const auto& e : graph_["events"]) {
    if (e["time"].is_null()) continue;
    const std::string value = e["time"]["value"];
    if (value.size() >= 5 && value.substr(value.size() - 5) == "01-06" && mentions_text(e, "transferred to Kazakhstan"))
      found = true;
  }
  EXPECT_TRUE(found);
}

// The id of the event whose first mention contains both texts.
std::string event_with(const Json& graph, const std::string& trigger, const std::string& sentence_part) {
  for (const auto& e : graph["events"])
    if (e["trigger"] == trigger && mentions_text(e, sentence_part)) return e["id"];
  return "";
}

bool causes(const Json& graph, const std::string& source, const std::string& target) {
  for (const auto& r : graph["relations"])
    if (r["type"] == "causes" && r["source"] == source && r["target"] == target) return true;
  return false;
}

TEST_F(Examples, CausalChainsOfTheStory) {
  auto request = event_with(graph_, "requested", "military assistance from the CSTO");
  auto transfer = event_with(graph_, "transferred", "transferred to Kazakhstan");
  ASSERT_FALSE(request.empty());
  ASSERT_FALSE(transfer.empty());
  EXPECT_TRUE(causes(graph_, request, transfer)) << "the request of January 5 led to the transfer of January 6";
  auto words = event_with(graph_, "words", "reacted to the words");
  auto declared = event_with(graph_, "declared", "On June 18");
  auto criticized = event_with(graph_, "criticized", "criticized Zatulin's position");
  EXPECT_TRUE(causes(graph_, words, declared)) << "Tokayev's words -> Zatulin's declaration";
  EXPECT_TRUE(causes(graph_, declared, criticized)) << "Zatulin's declaration -> Turchak's criticism";
}

TEST_F(Examples, TheSummitIsOneEventToldByTwoArticles) {
  int summits = 0;
  for (const auto& e : graph_["events"]) {
    if (e["time"].is_null() || e["time"]["value"] != "2022-05-16") continue;
    if (e["trigger"] != "summit" && e["trigger"] != "held") continue;
    std::set<std::string> docs;
    for (const auto& m : e["mentions"]) docs.insert(m["doc"].get<std::string>());
    ++summits;
    EXPECT_TRUE(docs.count("001_2eeb481a60e0f16e") && docs.count("002_b355f01e7a83066b"));
  }
  EXPECT_EQ(summits, 1);
}

// The CSTO operation in Kazakhstan, told by four articles: in Russian ("В
// январе миротворцы ОДКБ участвовали в подавлении протестов в Казахстане"),
// as "the crisis situation in Kazakhstan in January", "the dramatic events
// in Kazakhstan", and as "the operation", "this operation", "the
// peacekeeping mission".
TEST_F(Examples, TheCstoOperationInKazakhstanIsOneEpisode) {
  int episodes = 0;
  for (const auto& e : graph_["events"]) {
    if (e["label"] != "operation in Kazakhstan") continue;
    ++episodes;
    std::set<std::string> docs;
    for (const auto& m : e["mentions"]) docs.insert(m["doc"].get<std::string>());
    EXPECT_EQ(docs, (std::set<std::string>{"001_2eeb481a60e0f16e", "002_b355f01e7a83066b", "003_357a5d8cc8e78bf1",
                                           "004_d138a6afbf515449"}));
    EXPECT_GE(e["mentions"].size(), 5u);  // "the operation", "this operation", "the mission", ...
    ASSERT_FALSE(e["time"].is_null());
    EXPECT_EQ(e["time"]["value"], "2022-01");
  }
  EXPECT_EQ(episodes, 1);
  // "после обращения Токаева": after Tokayev's appeal.
  auto appeal = event_with(graph_, "обращения", "после обращения Токаева");
  auto took_part = event_with(graph_, "участвовали", "после обращения Токаева");
  EXPECT_TRUE(causes(graph_, appeal, took_part));
}

TEST_F(Examples, UndatedArticleGetsItsYearFromTheCorpus) {
  auto request = event_with(graph_, "requested", "military assistance from the CSTO");
  for (const auto& e : graph_["events"])
    if (e["id"] == request) {
      ASSERT_FALSE(e["time"].is_null());
      EXPECT_EQ(e["time"]["value"], "2022-01-05");
      EXPECT_TRUE(e["time"]["inferred"].get<bool>());
      EXPECT_TRUE(e["time"].contains("basis"));
    }
}

TEST_F(Examples, OneActorForEverySpellingOfLukashenko) {
  int found = 0;
  for (const auto& a : graph_["actors"]) {
    std::string all = a["name"].get<std::string>();
    for (const auto& alias : a["aliases"]) all += "|" + alias.get<std::string>();
    if (all.find("Lukashenk") != std::string::npos) {
      ++found;
      EXPECT_NE(all.find("Lukashenka"), std::string::npos);
      EXPECT_NE(all.find("Lukashenko"), std::string::npos);
    }
  }
  EXPECT_EQ(found, 1);
}

TEST_F(Examples, DocumentDatesComeFromDateLinesNotFooters) {
  std::map<std::string, Json> dct;
  for (const auto& d : graph_["documents"]) dct[d["id"]] = d["dct"];
  EXPECT_EQ(dct["002_b355f01e7a83066b"], "2022-06-08T17:58");
  EXPECT_EQ(dct["003_357a5d8cc8e78bf1"], "2022-07-20T13:34:00");
  for (const auto& d : graph_["documents"])
    if (!d["dct"].is_null()) { EXPECT_EQ(d["dct"].get<std::string>().find("2025"), std::string::npos); }
}

TEST_F(Examples, NothingComesFromFootersOrWidgets) {
  for (const char* widget : {"Notify of", "View all comments", "Share it on", "Previous post", "Related Posts",
                             "Caliber.az \xC2\xA9", "Subscribe", "Leave a Reply", "Read on RBC Pro"})
    for (const auto& e : graph_["events"]) EXPECT_FALSE(mentions_text(e, widget)) << widget;
  for (const auto& e : graph_["events"])
    if (!e["time"].is_null()) { EXPECT_EQ(e["time"]["value"].get<std::string>().find("2025"), std::string::npos); }
}

TEST_F(Examples, MentionOffsetsPointAtTheTrigger) {
  std::map<std::string, std::string> text;
  for (const auto& d : graph_["documents"]) text[d["id"]] = read_file(kSourceDir + "/" + d["path"].get<std::string>());
  ASSERT_FALSE(graph_["events"].empty());
  for (const auto& e : graph_["events"]) {
    const auto& m = e["mentions"][0];
    size_t start = m["start"], end = m["end"];
    EXPECT_EQ(text[m["doc"]].substr(start, end - start), e["trigger"].get<std::string>());
  }
}

TEST_F(Examples, GraphMatchesTheSchema) {
  const std::string validator =
      "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))";
  std::string command = "python3 -c '" + validator + "' '" + kSourceDir + "/docs/graph.schema.json' '" +
                        graph_path() + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0);
}

TEST_F(Examples, OutputIsDeterministic) {
  auto again = run_annals("build examples/csto/*.txt -o -");
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out, read_file(graph_path()));
}

TEST_F(Examples, RendersTimelineAndGraph) {
  for (const char* view : {"timeline", "graph"}) {
    auto out = *dir_ / (std::string(view) + ".svg");
    auto r = run_annals("render '" + graph_path() + "' --view " + view + " --format svg -o '" + out + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string svg = read_file(out);
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("viewBox"), std::string::npos);
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
    std::string parse = "python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' '" + out + "'";
    EXPECT_EQ(std::system(parse.c_str()), 0) << view << ": the SVG is well-formed XML";
    EXPECT_EQ(svg.find("<script"), std::string::npos);
  }
}

TEST_F(Examples, QueryListsEventsInTimeOrder) {
  auto r = run_annals("query '" + graph_path() + "' events --from 2022-01 --to 2022-01 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto events = Json::parse(r.out);
  ASSERT_FALSE(events.empty());
  std::string previous;
  for (const auto& e : events) {
    std::string start = e["start"];
    EXPECT_LE(previous, start);
    EXPECT_LE(start, std::string("2022-01-31"));
    previous = start;
  }
}

}  // namespace
}  // namespace annals::testing
