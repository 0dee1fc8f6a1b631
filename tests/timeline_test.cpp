// Entity timelines (issue #4, SemEval-2015 Task 4): the mechanisms that put
// an entity's events on its timeline — product and company names, "the
// company", events where the entity is only the object, and the time of
// events whose sentence names none (the story's time, the article's date).
// The sentences are made up; ../shared/corpora/timeline-trial is scored by
// scripts/score_timeline.sh, not here.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "events/event.h"
#include "pipeline.h"

namespace annals {
namespace {

const Pipeline& pipeline() {
  static const Pipeline instance = std::move(*Pipeline::create(Resources::standard(), {}));
  return instance;
}

DocumentAnalysis analyse(const std::string& text) {
  auto doc = make_document("t.txt", text);
  EXPECT_TRUE(doc.ok());
  return pipeline().analyse(std::move(*doc));
}

bool has_actor(const DocumentAnalysis& a, const std::string& name) {
  return std::any_of(a.actors.actors.begin(), a.actors.actors.end(),
                     [&](const Actor& actor) { return actor.name == name; });
}

std::string actor_names(const DocumentAnalysis& a) {
  std::string out;
  for (const auto& actor : a.actors.actors) out += "'" + actor.name + "' ";
  return out;
}

// The n-th event (0-based) with this trigger.
const EventMention* find(const DocumentAnalysis& a, const std::string& trigger, size_t nth = 0) {
  for (const auto& e : a.events)
    if (a.doc.slice(e.trigger) == trigger && nth-- == 0) return &e;
  return nullptr;
}

std::string date_of(const DocumentAnalysis& a, const EventMention* e) {
  if (!e) return "(no such event)";
  return e->timex < 0 ? "" : a.timexes[e->timex].value;
}

std::vector<std::string> participants(const DocumentAnalysis& a, const EventMention* e) {
  std::vector<std::string> out;
  if (!e) return out;
  for (const auto& p : e->participants) {
    int32_t actor = a.actors.mentions[p.mention].actor;
    out.push_back((actor >= 0 ? a.actors.actors[actor].name : "?") + "/" + p.role);
  }
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(Timeline, AfterTheTriggerOnlyTheObjectAndPrepositionalActorsTakePart) {
  auto a = analyse("Regulators in Brussels fined Nortek Corporation over its Acme Corporation deal.\n"
                   "Dana Price requested help from Nortek Corporation.\n");
  auto fined = participants(a, find(a, "fined"));
  EXPECT_TRUE(has(fined, "Nortek Corporation/patient")) << actor_names(a);
  EXPECT_FALSE(has(fined, "Acme Corporation/participant")) << "Acme belongs to the deal, not to the fine";
  EXPECT_FALSE(has(fined, "Acme Corporation/patient"));
  EXPECT_TRUE(has(participants(a, find(a, "requested")), "Nortek Corporation/recipient")) << actor_names(a);
}

TEST(Timeline, CoordinatedClausesShareTheSubjectAndReportedSubjectsAreNotObjects) {
  auto a = analyse("Dana Price has not yet explained the delay, but said Nortek Corporation will pay.\n");
  auto said = participants(a, find(a, "said"));
  EXPECT_TRUE(has(said, "Dana Price/agent")) << actor_names(a);
  EXPECT_FALSE(has(said, "Nortek Corporation/patient")) << "Nortek is the subject of 'will pay'";
}

TEST(Timeline, CamelCaseProductsAndModelNumbersAreActors) {
  auto a = analyse("Analysts praised the zPad 3 and the old zPad.\neBay bought the startup in May.\n");
  EXPECT_TRUE(has_actor(a, "zPad 3")) << actor_names(a);
  EXPECT_TRUE(has_actor(a, "zPad")) << actor_names(a);
  EXPECT_TRUE(has_actor(a, "eBay")) << "written so even first in a sentence: " << actor_names(a);
  auto b = analyse("The Tarkan 2009 figures were sent to Mary Stone 3 days ago.\n");
  EXPECT_FALSE(has_actor(b, "Tarkan 2009")) << "a year is not a model: " << actor_names(b);
  EXPECT_FALSE(has_actor(b, "Mary Stone 3")) << "people have no model numbers: " << actor_names(b);
}

TEST(Timeline, TheCompanyAndTheCeoReferToTheirActor) {
  auto a = analyse("Nortek Corporation cut 500 jobs.\nThe company said that demand had fallen.\n"
                   "Nortek CEO Dana Price resigned.\nShe announced it by letter.\n");
  EXPECT_TRUE(has(participants(a, find(a, "said")), "Nortek Corporation/agent")) << actor_names(a);
  EXPECT_TRUE(has(participants(a, find(a, "announced")), "Dana Price/agent"))
      << "a title makes a person, so 'She' finds her: " << actor_names(a);
}

const char* kRecallStory =
    "Acme recalls heaters\n"
    "March 3, 2009\n"
    "On Monday, Acme Corporation recalled 2,000 heaters.\n"
    "The company said that the heaters might explode.\n"
    "In 1990, Acme Corporation had recalled 300 stoves.\n"
    "Acme Corporation also apologised to its customers.\n"
    "Acme Corporation sells heaters in ten countries.\n"
    "Acme Corporation did not stop its sales.\n";

TEST(Timeline, UndatedEventsTakeTheStorysTime) {
  auto a = analyse(kRecallStory);
  EXPECT_EQ(date_of(a, find(a, "recalled")), "2009-03-02");
  EXPECT_EQ(date_of(a, find(a, "said")), "2009-03-02") << "the lead's time carries on";
  EXPECT_EQ(date_of(a, find(a, "recalled", 1)), "1990");
  EXPECT_EQ(date_of(a, find(a, "apologised")), "2009-03-02") << "after a dated aside the story goes back";
  EXPECT_EQ(date_of(a, find(a, "sells")), "2009-03-03") << "the present is the article's date";
}

TEST(Timeline, HypotheticalAndNegatedEventsStayUndated) {
  auto a = analyse(kRecallStory);
  EXPECT_EQ(date_of(a, find(a, "explode")), "");
  EXPECT_EQ(date_of(a, find(a, "stop")), "");
}

TEST(Timeline, StoryTimeIsNeverAfterTheArticle) {
  auto a = analyse("Acme cuts prices\nMarch 3, 2009\nOn Monday, Acme Corporation cut its prices until June 30.\n"
                   "Acme Corporation also opened a shop.\n");
  EXPECT_EQ(date_of(a, find(a, "opened")), "2009-03-02") << "a date after the article is a plan, not the story's time";
}

TEST(Timeline, TheHeadlineDoesNotSetTheStorysTime) {
  auto a = analyse("Acme Corporation recalled its heaters in 1990\nMarch 3, 2009\n"
                   "Acme Corporation apologised to its customers.\n");
  EXPECT_EQ(date_of(a, find(a, "apologised")), "2009-03-03");
}

TEST(Timeline, APossessiveDateDoesNotDateTheClause) {
  auto a = analyse("Acme shows a car\nMarch 3, 2009\nYesterday, at this year's motor show, Acme Corporation unveiled a car.\n");
  EXPECT_EQ(date_of(a, find(a, "unveiled")), "2009-03-02");
}

TEST(Timeline, NowAndCurrentDoNotDateAnEvent) {
  auto a = analyse("Acme shows a laptop\nMarch 3, 2009\nOn Monday, Acme Corporation unveiled a laptop, on sale now.\n"
                   "He left current chief Tom Baker in charge.\nAcme Corporation sells heaters now.\n");
  EXPECT_EQ(date_of(a, find(a, "unveiled")), "2009-03-02");
  EXPECT_EQ(date_of(a, find(a, "left")), "2009-03-02") << "'current' names no day: the story's time";
  EXPECT_EQ(date_of(a, find(a, "sells")), "2009-03-03") << "the present is the article's date";
}

TEST(Timeline, ParticiplesAndInfinitivesShareTheTimeOfTheirVerb) {
  auto a = analyse("Acme shows a phone\nMarch 3, 2009\nOn Monday, Acme Corporation unveiled a phone.\n"
                   "While introducing the phone, chief executive Tom Baker started by hinting at the recall.\n"
                   "Baker returned to the stage to reveal a tablet.\nIn 1990, Baker moved on to talk about heaters.\n"
                   "Baker decided to sell the factory.\n");
  EXPECT_EQ(date_of(a, find(a, "introducing")), "2009-03-02") << "the verb after it";
  EXPECT_EQ(date_of(a, find(a, "hinting")), "2009-03-02");
  EXPECT_EQ(date_of(a, find(a, "reveal")), "2009-03-02");
  EXPECT_EQ(date_of(a, find(a, "talk")), "1990");
  EXPECT_EQ(date_of(a, find(a, "sell")), "") << "a decision to sell is no sale";
}

TEST(Timeline, EventsWithTheEntityAsObjectReachTheGraph) {
  std::vector<DocumentAnalysis> docs;
  docs.push_back(analyse("Acme fined\nMarch 3, 2009\nRegulators in Brussels fined Acme Corporation.\n"
                         "Acme Corporation was also criticised by consumers.\n"));
  Graph graph = pipeline().assemble(docs);
  auto in_graph = [&](const std::string& trigger) {
    return std::any_of(graph.events.begin(), graph.events.end(),
                       [&](const GraphEvent& e) { return e.trigger == trigger; });
  };
  EXPECT_TRUE(in_graph("fined"));
  EXPECT_TRUE(in_graph("criticised")) << "a patient is as much a participant as an agent";
}

}  // namespace
}  // namespace annals
