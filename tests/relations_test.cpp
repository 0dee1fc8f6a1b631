#include <sstream>

#include <gtest/gtest.h>

#include "pipeline.h"

namespace annals {
namespace {

DocumentAnalysis analyse(const std::string& text) {
  static auto pipeline = Pipeline::create(Resources::standard(), {});
  auto doc = make_document("t.txt", text);
  EXPECT_TRUE(doc.ok());
  return pipeline->analyse(std::move(*doc));
}

// "cause causes effect" pairs found, by trigger text.
std::vector<std::string> causal_pairs(const DocumentAnalysis& a) {
  std::vector<std::string> pairs;
  for (const auto& r : a.relations)
    if (r.type == "causes")
      pairs.push_back(std::string(a.doc.slice(a.events[r.source].trigger)) + " causes " +
                      std::string(a.doc.slice(a.events[r.target].trigger)));
  return pairs;
}

bool has(const std::vector<std::string>& pairs, const std::string& pair) {
  return std::find(pairs.begin(), pairs.end(), pair) != pairs.end();
}

TEST(Relations, ResourceExamplesHold) {
  for (const char* name : {"en/relations/causal_cues.tsv", "en/relations/reactions.tsv", "en/relations/anaphors.tsv",
                           "en/relations/requests.tsv"}) {
    auto table = Resources::standard().table(name, 1);
    ASSERT_TRUE(table.ok()) << name;
    ASSERT_FALSE(table->examples.empty()) << name;
    for (const auto& example : table->examples) {
      auto arrow = example.find(" => ");
      ASSERT_NE(arrow, std::string::npos) << example;
      auto pairs = causal_pairs(analyse(example.substr(0, arrow)));
      EXPECT_TRUE(has(pairs, example.substr(arrow + 4))) << name << ": " << example;
    }
  }
}

struct CausalCase {
  std::string text;
  std::string expected;  // "" = no causal link at all
};

TEST(Relations, CausalCuesWithDirection) {
  const CausalCase cases[] = {
      {"The talks collapsed because of the attack.", "attack causes collapsed"},
      {"In response to the protests, the government resigned.", "protests causes resigned"},
      {"The attack led to the withdrawal of the troops.", "attack causes withdrawal"},
      {"At the request of the affected state, members must provide military assistance.",
       "request causes provide"},
      {"Zatulin declared that the allies were unreliable. This is how he reacted to the words of Tokayev.",
       "words causes declared"},
      {"Zatulin declared that the allies were unreliable. Turchak criticized Zatulin's position.",
       "declared causes criticized"},
      // A gap in the cue: "led employers to".
      {"The demand for workers led employers to raise wages.", "demand causes raise"},
      // The cue's own verb is the effect.
      {"The offer was triggered by the sale of the unit.", "sale causes triggered"},
      // A sentence opening with the cue follows from the one before.
      {"Prices collapsed last year. So the company cut its output.", "collapsed causes cut"},
      // "so" only where it opens a clause: not "so far", "so called".
      {"The navy has provided most of the vessels so far to block the trade.", ""},
      {"Many members are joining the so called movement.", ""},
      // A cue far from any event, or with no event after it, links nothing.
      {"This is largely due to the fears of the countries of the region.", ""},
  };
  for (const auto& c : cases) {
    auto pairs = causal_pairs(analyse(c.text));
    if (c.expected.empty()) EXPECT_TRUE(pairs.empty()) << c.text << ": " << (pairs.empty() ? "" : pairs[0]);
    else EXPECT_TRUE(has(pairs, c.expected)) << c.text;
  }
}

TEST(Relations, ARequestIsAnsweredOnlyByWhoWasAsked) {
  auto answered = causal_pairs(analyse(
      "Tokayev requested military assistance from the CSTO. Two days later CSTO troops were deployed."));
  EXPECT_TRUE(has(answered, "requested causes deployed"));
  auto unrelated = causal_pairs(analyse(
      "Tokayev requested military assistance from the CSTO. Two days later NATO troops were deployed."));
  EXPECT_FALSE(has(unrelated, "requested causes deployed"));
  auto refused = causal_pairs(analyse(
      "Tokayev did not request assistance from the CSTO. CSTO troops were deployed."));
  EXPECT_TRUE(refused.empty());
}

TEST(Relations, ReactionToAnOrganisationIsNotGuessed) {
  auto pairs = causal_pairs(analyse(
      "The CSTO discussed the situation in May. Kadyrov accused the leaders of the CSTO of silence."));
  EXPECT_TRUE(pairs.empty());
}

// "earlier before later" / "a simultaneous b" links found, by trigger text.
std::vector<std::string> temporal_pairs(const DocumentAnalysis& a) {
  std::vector<std::string> pairs;
  for (const auto& r : a.relations)
    if (r.type == "before" || r.type == "simultaneous")
      pairs.push_back(std::string(a.doc.slice(a.events[r.source].trigger)) + " " + r.type + " " +
                      std::string(a.doc.slice(a.events[r.target].trigger)));
  return pairs;
}

TEST(Relations, TemporalCueExamplesHold) {
  auto table = Resources::standard().table("en/relations/temporal_cues.tsv", 3);
  ASSERT_TRUE(table.ok());
  ASSERT_GE(table->examples.size(), 5u);
  for (const auto& example : table->examples) {
    auto arrow = example.find(" => ");
    ASSERT_NE(arrow, std::string::npos) << example;
    auto pairs = temporal_pairs(analyse(example.substr(0, arrow)));
    EXPECT_TRUE(has(pairs, example.substr(arrow + 4))) << example << ": " << (pairs.empty() ? "none" : pairs[0]);
  }
}

TEST(Relations, TemporalCuesOnlyWhereTheyOrderEvents) {
  const std::pair<const char*, const char*> cases[] = {
      // A timex, not a narrative "later"; "since then" is not "then".
      {"Putin met Tokayev on Monday. He will visit Minsk later this month.", ""},
      {"The protests began in January. Since then the army has patrolled the streets.", ""},
      // The "then" of a condition.
      {"If the army attacks, then the allies will respond.", ""},
      {"Speaking of his own opinion, Sidorov added, then he does not see the need for it.", ""},
      // A report does not come before what it reports.
      {"Putin said that the troops later left Almaty.", ""},
      // The cue's evidence orders the events, whatever their dates.
      {"The army withdrew. Two days later, the president resigned.", "withdrew before resigned"},
  };
  for (const auto& [text, expected] : cases) {
    auto analysis = analyse(text);
    auto pairs = temporal_pairs(analysis);
    if (std::string(expected).empty()) EXPECT_TRUE(pairs.empty()) << text << ": " << (pairs.empty() ? "" : pairs[0]);
    else EXPECT_TRUE(has(pairs, expected)) << text << ": " << (pairs.empty() ? "none" : pairs[0]);
  }
  // Carried into the graph as links with the cue as evidence.
  static auto pipeline = Pipeline::create(Resources::standard(), {});
  std::vector<DocumentAnalysis> docs;
  docs.push_back(analyse("Army leaves Almaty\nOn May 3 2022 the army withdrew from Almaty. Two days later, President Tokayev resigned."));
  Graph g = pipeline->assemble(docs);
  bool found = false;
  for (const auto& r : g.relations)
    found |= r.type == "before" && r.evidence && r.evidence->cue == "days later";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace annals
