// Russian sentences quoted inside English articles: event words listed in
// ru/events/words.tsv with the English lemma they mean, Russian prepositions
// for roles, and Russian causal cues.
#include <sstream>

#include <gtest/gtest.h>

#include "pipeline.h"
#include "time/timex.h"

namespace annals {
namespace {

DocumentAnalysis analyse(const std::string& text) {
  PipelineOptions options;
  options.dct = *TimeTagger::parse_dct("2022-06-08");
  auto pipeline = Pipeline::create(Resources::standard(), options);
  auto doc = make_document("t.txt", text);
  EXPECT_TRUE(doc.ok());
  return pipeline->analyse(std::move(*doc));
}

const EventMention* find(const DocumentAnalysis& a, const std::string& trigger) {
  for (const auto& e : a.events)
    if (a.doc.slice(e.trigger) == trigger) return &e;
  return nullptr;
}

bool at_place(const DocumentAnalysis& a, const EventMention& e, const std::string& place) {
  for (const auto& p : e.participants)
    if (p.role == "location" && a.actors.actors[a.actors.mentions[p.mention].actor].name == place) return true;
  return false;
}

const std::string kQuoted =
    "The CSTO helped. В январе миротворцы ОДКБ участвовали в подавлении протестов в Казахстане после обращения "
    "Токаева.";

TEST(RussianEvents, ListedWordsWithTheirEnglishLemma) {
  auto a = analyse(kQuoted);
  const EventMention* took_part = find(a, "участвовали");
  ASSERT_NE(took_part, nullptr);
  EXPECT_EQ(took_part->lemma, "participate");
  EXPECT_EQ(took_part->tense, "PAST");
  ASSERT_GE(took_part->timex, 0);
  EXPECT_EQ(a.timexes[took_part->timex].value, "2022-01");
  const EventMention* suppression = find(a, "подавлении");
  ASSERT_NE(suppression, nullptr);
  EXPECT_TRUE(suppression->noun);
  EXPECT_EQ(suppression->lemma, "suppression");
  EXPECT_TRUE(at_place(a, *suppression, "Kazakhstan"));
  const EventMention* appeal = find(a, "обращения");
  ASSERT_NE(appeal, nullptr);
  EXPECT_EQ(appeal->event_class, EventClass::i_action);
  EXPECT_EQ(appeal->label, "обращения Токаева");
  // The name after it, in the genitive, is whose appeal it is.
  ASSERT_FALSE(appeal->participants.empty());
  EXPECT_EQ(appeal->participants[0].role, "agent");
  EXPECT_EQ(a.actors.actors[a.actors.mentions[appeal->participants[0].mention].actor].name, "Tokayev");
  // Words not listed are no events: the trained model reads English only.
  EXPECT_EQ(find(a, "миротворцы"), nullptr);
}

TEST(RussianEvents, AfterTheAppealIsACause) {
  auto a = analyse(kQuoted);
  bool found = false;
  for (const auto& r : a.relations)
    found |= r.type == "causes" && a.doc.slice(a.events[r.source].trigger) == "обращения" &&
             a.doc.slice(a.events[r.target].trigger) == "участвовали";
  EXPECT_TRUE(found);
}

// "# example: SENTENCE => FORM LEMMA; FORM LEMMA ..." in ru/events/words.tsv.
TEST(RussianEvents, ResourceExamplesHold) {
  auto table = Resources::standard().table("ru/events/words.tsv", 4);
  ASSERT_TRUE(table.ok());
  EXPECT_GT(table->rows.size(), 150u);
  ASSERT_FALSE(table->examples.empty());
  for (const auto& example : table->examples) {
    auto arrow = example.find(" => ");
    ASSERT_NE(arrow, std::string::npos) << example;
    auto a = analyse("The news came from the region on Monday.\n\n" + example.substr(0, arrow));
    std::istringstream expected(example.substr(arrow + 4));
    std::string form, lemma;
    while (expected >> form >> lemma) {
      if (!lemma.empty() && lemma.back() == ';') lemma.pop_back();
      const EventMention* e = find(a, form);
      ASSERT_NE(e, nullptr) << example << ": " << form;
      EXPECT_EQ(e->lemma, lemma) << example;
    }
  }
}

}  // namespace
}  // namespace annals
