// Who takes part in an event: the actors the event tagger ties to a trigger
// (subjects past asides, titles naming a person's organisation, possessors,
// names in prepositional phrases). One row a case: the participants ("name/
// role") the trigger must have and must not have; a final "*" matches any
// ending ("Steve Jobs/*": any role).
#include <gtest/gtest.h>

#include "analysis_support.h"
#include "events/event.h"

namespace annals {
namespace {

// "name/role" for each participant of the event whose trigger is `trigger`.
std::vector<std::string> participants(const DocumentAnalysis& a, const std::string& trigger) {
  std::vector<std::string> out;
  const EventMention* e = testing::find(a, trigger);
  if (!e) {
    ADD_FAILURE() << "no event " << trigger;
    return out;
  }
  for (const auto& p : e->participants)
    out.push_back(a.actors.actors[a.actors.mentions[p.mention].actor].name + "/" + p.role);
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  if (item.ends_with("*")) {
    const std::string prefix = item.substr(0, item.size() - 1);
    return std::any_of(list.begin(), list.end(), [&](const auto& p) { return p.starts_with(prefix); });
  }
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string dump(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& item : list) out += item + "; ";
  return out;
}

struct Case {
  const char* why;
  std::string text, trigger;
  std::vector<std::string> present, absent;
  bool none = false;  // no participant at all
};

const Case kCases[] = {
    {"subject before an aside", "Steve Jobs, the Apple Chief Executive Officer, announced the development.",
     "announced", {"Steve Jobs/agent"}, {}},
    {"names joined by and share the role", "Vladimir Putin and Alexander Lukashenko signed a defence agreement.",
     "signed", {"Vladimir Putin/agent", "Alexander Lukashenko/agent"}, {}},
    {"a comma joins names only in a list ended by and",
     "The conflict was not discussed, the press secretary told reporters Dmitry Peskov, RIA Novosti reports.",
     "reports", {"RIA Novosti/agent"}, {"Dmitry Peskov/agent"}},
    {"a titled name as the aside is the subject",
     "The head of the CSTO Joint Staff, Colonel-General Anatoly Sidorov, said the troops were ready.", "said",
     {"Anatoly Sidorov/agent"}, {"CSTO/agent"}},
    {"subject before an aside with a place in it",
     "Steve Jobs died on Wednesday. Jobs, born in San Francisco on February 24, 1955, has built a large company.",
     "built", {"Steve Jobs/agent"}, {"San Francisco/agent"}},
    {"an organisation in a title is the person's", "\"We love the Beatles,\" said Apple Inc. CEO Steve Jobs.",
     "said", {"Steve Jobs/*"}, {"Apple Inc/patient", "Beatles/agent"}},
    {"the agent of a passive after its title", "The phone was introduced by Apple CEO Steve Jobs at the conference.",
     "introduced", {"Steve Jobs/agent"}, {}},
    {"a possessor is no subject of a verb",
     "Steve Jobs spoke on Monday. The insider said that Jobs' health appeared to be deteriorating.", "appeared",
     {}, {"Steve Jobs/agent"}},
    {"nor an object deep in its phrase",
     "Steve Jobs spoke on Monday. On its website, Apple released the text of Jobs's email.", "released", {},
     {"Steve Jobs/patient"}},
    {"a possessor right after the verb is what it is about",
     "Zatulin declared that the allies were unreliable. Turchak criticized Zatulin's position.", "criticized",
     {"Zatulin/patient"}, {}},
    {"no subject across a quotation mark",
     "Steve Jobs left on Monday. Jobs told reporters: \"I have made some of the best friends.\"", "made", {},
     {"Steve Jobs/agent"}},
    {"no subject before 'what'", "Steve Jobs left on Monday. Jobs has not yet mentioned what prompted his decision.",
     "prompted", {}, {"Steve Jobs/agent"}},
    {"an aside that is one name is the subject",
     "Apple's vice-president of marketing for the iPod, Greg Joswiak, indicated that a patch exists.", "indicated",
     {}, {"iPod/agent"}},
    {"an unresolved pronoun is the subject",
     "In addition to the iPod Classic and Nano, they have announced a new phone.", "announced", {}, {"Nano/agent"}},
    {"a verb after 'and' shares the subject",
     "Apple Inc. makes computers. Apple is the producer of the most-sold player, the iPod and launched the iTunes "
     "Music Store on April 28, 2003.",
     "launched", {"Apple Inc/agent"}, {"iPod/agent"}},
    {"an event noun takes the actor of its own phrase",
     "Kassym-Jomart Tokayev spoke on Monday. Zatulin criticized Tokayev's request for help.", "request",
     {"Kassym-Jomart Tokayev/agent"}, {}},
    {"and none from elsewhere in the clause",
     "Konstantin Zatulin stayed in Moscow on Monday, despite the protests of students.", "protests", {}, {}, true},
    {"a reporting verb keeps only what follows at once",
     "The NPD Group said more than 4 billion songs had been downloaded from the Globex Store.", "said", {},
     {"Globex*"}},
    {"'told Reuters'", "Konstantin Zatulin told Reuters that the allies were unreliable.", "told",
     {"Reuters/patient"}, {}},
    {"a participle shares the subject before it",
     "Apple CEO Steve Jobs unveiled the products at the Cupertino, California event, saying the company was inspired.",
     "saying", {"Steve Jobs/agent"}, {"California/agent"}},
    {"a name after a preposition takes part but is no subject",
     "The operation of the CSTO in Kazakhstan ended in January.", "ended", {"Kazakhstan/participant"},
     {"Kazakhstan/agent"}},
    {"the subject is further back", "Expert Sergey Markov in the comment for Caliber.Az ruled out the possibility.",
     "ruled", {"Sergey Markov/agent"}, {"Caliber.Az/agent"}},
    {"a verb ends an event noun's phrase", "Lukashenka considers the operation brilliant.", "operation", {},
     {"Lukashenka/agent"}},
};

TEST(Participants, Cases) {
  for (const auto& c : kCases) {
    auto found = participants(testing::analyse(c.text, "2011-01-17"), c.trigger);
    for (const auto& p : c.present) EXPECT_TRUE(has(found, p)) << c.why << ": " << p << " in " << dump(found);
    for (const auto& p : c.absent) EXPECT_FALSE(has(found, p)) << c.why << ": " << p << " in " << dump(found);
    if (c.none) {
      EXPECT_TRUE(found.empty()) << c.why << ": " << dump(found);
    }
  }
}

// The label says who, by name, when the words before the verb do not.
TEST(Participants, TheLabelNamesTheAgent) {
  auto a = testing::analyse("Expert Sergey Markov in the comment for Caliber.Az ruled out the possibility.");
  const EventMention* ruled = testing::find(a, "ruled");
  ASSERT_NE(ruled, nullptr);
  EXPECT_EQ(ruled->label, "Sergey Markov ruled out the possibility");
}

}  // namespace
}  // namespace annals
