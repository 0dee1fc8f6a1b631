// Who takes part in an event: the actors the event tagger ties to a trigger
// (subjects past asides, titles naming a person's organisation, possessors).
#include <gtest/gtest.h>

#include "events/event.h"
#include "pipeline.h"
#include "test_support.h"

namespace annals {
namespace {

DocumentAnalysis analyse(const std::string& text) {
  PipelineOptions options;
  options.dct = *TimeTagger::parse_dct("2011-01-17");
  auto pipeline = Pipeline::create(Resources::standard(), options);
  auto doc = make_document("t.txt", text);
  EXPECT_TRUE(doc.ok());
  return pipeline->analyse(std::move(*doc));
}

// "name/role" for each participant of the event whose trigger is `trigger`.
std::vector<std::string> participants(const DocumentAnalysis& a, const std::string& trigger) {
  std::vector<std::string> out;
  for (const auto& e : a.events) {
    if (a.doc.slice(e.trigger) != trigger) continue;
    for (const auto& p : e.participants)
      out.push_back(a.actors.actors[a.actors.mentions[p.mention].actor].name + "/" + p.role);
    return out;
  }
  ADD_FAILURE() << "no event " << trigger;
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string dump(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& item : list) out += item + "; ";
  return out;
}

TEST(Participants, SubjectBeforeAnAside) {
  auto a = analyse("Steve Jobs, the Apple Chief Executive Officer, announced the development.");
  auto announced = participants(a, "announced");
  EXPECT_TRUE(has(announced, "Steve Jobs/agent")) << dump(announced);
  auto b = analyse("Steve Jobs died on Wednesday. Jobs, born in San Francisco on February 24, 1955, has built a "
                   "large company.");
  auto built = participants(b, "built");
  EXPECT_TRUE(has(built, "Steve Jobs/agent")) << dump(built);
  EXPECT_FALSE(has(built, "San Francisco/agent")) << dump(built);
}

TEST(Participants, OrganisationInATitleIsThePerson) {
  auto a = analyse("\"We love the Beatles,\" said Apple Inc. CEO Steve Jobs.");
  auto said = participants(a, "said");
  EXPECT_TRUE(has(said, "Steve Jobs/patient") || has(said, "Steve Jobs/agent")) << dump(said);
  EXPECT_FALSE(has(said, "Apple Inc/patient")) << dump(said);
  auto b = analyse("The phone was introduced by Apple CEO Steve Jobs at the conference.");
  auto introduced = participants(b, "introduced");
  EXPECT_TRUE(has(introduced, "Steve Jobs/agent")) << dump(introduced);
}

TEST(Participants, PossessorIsNoSubjectOfAVerb) {
  auto a = analyse("Steve Jobs spoke on Monday. The insider said that Jobs' health appeared to be deteriorating.");
  auto appeared = participants(a, "appeared");
  EXPECT_FALSE(has(appeared, "Steve Jobs/agent")) << dump(appeared);
  auto b = analyse("Steve Jobs spoke on Monday. On its website, Apple released the text of Jobs's email.");
  auto released = participants(b, "released");
  EXPECT_FALSE(has(released, "Steve Jobs/patient")) << dump(released);
  // The possessor right after the verb is what the verb is about.
  auto c = analyse("Zatulin declared that the allies were unreliable. Turchak criticized Zatulin's position.");
  auto criticized = participants(c, "criticized");
  EXPECT_TRUE(has(criticized, "Zatulin/patient")) << dump(criticized);
}

TEST(Participants, NoSubjectAcrossAQuotationMarkOrBeforeWhat) {
  auto a = analyse("\"We love the Beatles,\" said Apple Inc. CEO Steve Jobs.");
  auto said = participants(a, "said");
  EXPECT_FALSE(has(said, "Beatles/agent")) << dump(said);
  auto b = analyse("Steve Jobs left on Monday. Jobs told reporters: \"I have made some of the best friends.\"");
  auto made = participants(b, "made");
  EXPECT_FALSE(has(made, "Steve Jobs/agent")) << dump(made);
  auto c = analyse("Steve Jobs left on Monday. Jobs has not yet mentioned what prompted his decision.");
  auto prompted = participants(c, "prompted");
  EXPECT_FALSE(has(prompted, "Steve Jobs/agent")) << dump(prompted);
}

TEST(Participants, AsideThatIsOneNameIsTheSubject) {
  auto a = analyse("Apple's vice-president of marketing for the iPod, Greg Joswiak, indicated that a patch exists.");
  auto indicated = participants(a, "indicated");
  EXPECT_FALSE(has(indicated, "iPod/agent")) << dump(indicated);
}

TEST(Participants, UnresolvedPronounIsTheSubject) {
  auto a = analyse("In addition to the iPod Classic and Nano, they have announced a new phone.");
  auto announced = participants(a, "announced");
  EXPECT_FALSE(has(announced, "Nano/agent")) << dump(announced);
}

TEST(Participants, VerbAfterAndSharesTheSubject) {
  auto a = analyse("Apple Inc. makes computers. Apple is the producer of the most-sold player, the iPod and launched "
                   "the iTunes Music Store on April 28, 2003.");
  auto launched = participants(a, "launched");
  EXPECT_FALSE(has(launched, "iPod/agent")) << dump(launched);
  EXPECT_TRUE(has(launched, "Apple Inc/agent")) << dump(launched);
}

TEST(Participants, EventNounTakesTheActorOfItsOwnPhrase) {
  auto a = analyse("Kassym-Jomart Tokayev spoke on Monday. Zatulin criticized Tokayev's request for help.");
  auto request = participants(a, "request");
  EXPECT_TRUE(has(request, "Kassym-Jomart Tokayev/agent")) << dump(request);
  auto b = analyse("Konstantin Zatulin stayed in Moscow on Monday, despite the protests of students.");
  auto protests = participants(b, "protests");
  EXPECT_TRUE(protests.empty()) << dump(protests);
}

TEST(Participants, ReportingVerbKeepsOnlyWhatFollowsAtOnce) {
  auto a = analyse("The NPD Group said more than 4 billion songs had been downloaded from the Globex Store.");
  auto said = participants(a, "said");
  for (const auto& p : said) EXPECT_EQ(p.find("Globex"), std::string::npos) << dump(said);
  auto b = analyse("Konstantin Zatulin told Reuters that the allies were unreliable.");
  auto told = participants(b, "told");
  EXPECT_TRUE(has(told, "Reuters/patient")) << dump(told);
}

TEST(Participants, ParticipleSharesTheSubjectBeforeIt) {
  auto a = analyse("Apple CEO Steve Jobs unveiled the products at the Cupertino, California event, saying the "
                   "company was inspired.");
  auto saying = participants(a, "saying");
  EXPECT_TRUE(has(saying, "Steve Jobs/agent")) << dump(saying);
  EXPECT_FALSE(has(saying, "California/agent")) << dump(saying);
}

// A name in a prepositional phrase before the verb takes part but is not
// its subject; the subject is further back, or there is none.
TEST(Participants, ANameAfterAPrepositionIsNoSubject) {
  auto a = analyse("The operation of the CSTO in Kazakhstan ended in January.");
  auto ended = participants(a, "ended");
  EXPECT_FALSE(has(ended, "Kazakhstan/agent")) << dump(ended);
  EXPECT_TRUE(has(ended, "Kazakhstan/participant")) << dump(ended);
  auto b = analyse("Expert Sergey Markov in the comment for Caliber.Az ruled out the possibility.");
  auto ruled = participants(b, "ruled");
  EXPECT_TRUE(has(ruled, "Sergey Markov/agent")) << dump(ruled);
  for (const auto& e : b.events) {
    if (b.doc.slice(e.trigger) == "ruled") {
      EXPECT_EQ(e.label, "Sergey Markov ruled out the possibility");
    }
  }
}

// The actor of an event noun is named in its own phrase, not as the subject
// of the verb the noun is the object of.
TEST(Participants, AVerbEndsTheNounsPhrase) {
  auto a = analyse("Lukashenka considers the operation brilliant.");
  auto operation = participants(a, "operation");
  EXPECT_FALSE(has(operation, "Lukashenka/agent")) << dump(operation);
}

}  // namespace
}  // namespace annals
