#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "events/event.h"
#include "events/lexicon.h"
#include "events/trigger_model.h"
#include "text/segment.h"
#include "analysis_support.h"
#include "pipeline.h"
#include "test_support.h"

namespace annals {
namespace {

using testing::analyse;
using testing::find;

struct TriggerCase {
  std::string sentence, trigger, event_class, tense, polarity, modality;
};

TEST(Events, TriggersWithClassTensePolarityAndModality) {
  const TriggerCase cases[] = {
      {"Tokayev asked the CSTO for military assistance on January 5.", "asked", "I_ACTION", "PAST", "positive", "actual"},
      {"Lavrov stated that Russia did not ask for help.", "stated", "REPORTING", "PAST", "positive", "actual"},
      {"Lavrov stated that Russia did not ask for help.", "ask", "I_ACTION", "PAST", "negative", "reported"},
      {"The participation of the CSTO was not discussed at the summit.", "discussed", "OCCURRENCE", "PAST", "negative", "actual"},
      {"His country will not participate in the operation.", "participate", "OCCURRENCE", "FUTURE", "negative", "planned"},
      {"Members can send their peacekeepers to the territories.", "send", "OCCURRENCE", "NONE", "positive", "possible"},
      {"The troops may be needed after the end of hostilities.", "needed", "I_STATE", "NONE", "positive", "possible"},
      {"Russia could persuade them to join this process.", "persuade", "I_ACTION", "NONE", "positive", "possible"},
      {"The proposal will be discussed at the next summit.", "discussed", "OCCURRENCE", "FUTURE", "positive", "planned"},
      {"On May 16, a summit of leaders was held in Moscow.", "held", "OCCURRENCE", "PAST", "positive", "actual"},
      {"Belarus took part in a peacekeeping mission.", "took part", "OCCURRENCE", "PAST", "positive", "actual"},
      {"The chief executive stepped down in May.", "stepped down", "OCCURRENCE", "PAST", "positive", "actual"},
      {"Jobs showed off the new phone.", "showed off", "OCCURRENCE", "PAST", "positive", "actual"},
      {"Russia has been fighting Ukraine virtually alone.", "fighting", "OCCURRENCE", "PRESENT", "positive", "actual"},
      {"Putin promised the leaders to inform them.", "promised", "I_ACTION", "PAST", "positive", "actual"},
      {"CSTO forces were transferred to Kazakhstan.", "transferred", "OCCURRENCE", "PAST", "positive", "actual"},
      {"The next summit will be held in Minsk.", "held", "OCCURRENCE", "FUTURE", "positive", "planned"},
      {"Peskov said that the troops left the country.", "said", "REPORTING", "PAST", "positive", "actual"},
      {"Peskov said that the troops left the country.", "left", "OCCURRENCE", "PAST", "positive", "reported"},
      {"The ministry announced that the exercise was over.", "announced", "REPORTING", "PAST", "positive", "actual"},
      {"The government did not resign.", "resign", "OCCURRENCE", "PAST", "negative", "actual"},
  };
  for (const auto& c : cases) {
    auto a = analyse(c.sentence);
    const EventMention* e = find(a, c.trigger);
    ASSERT_NE(e, nullptr) << c.sentence << " / " << c.trigger;
    EXPECT_EQ(to_string(e->event_class), c.event_class) << c.sentence;
    EXPECT_EQ(e->tense, c.tense) << c.sentence;
    EXPECT_EQ(e->negated ? "negative" : "positive", c.polarity) << c.sentence;
    EXPECT_EQ(to_string(e->modality), c.modality) << c.sentence;
  }
}

// Forms the lexicon must derive or list: a doubled consonant ("admitted"),
// and the regular simple past of a verb whose listed form is only its
// participle ("show: shown" still has "showed").
TEST(Events, VerbFormsOfTheLexicon) {
  auto a = analyse("Peskov admitted that the plan failed. He showed videos of the test and has shown more since.");
  const EventMention* admitted = find(a, "admitted");
  ASSERT_NE(admitted, nullptr);
  EXPECT_FALSE(admitted->noun);
  EXPECT_EQ(to_string(admitted->event_class), std::string("REPORTING"));
  EXPECT_EQ(admitted->tense, "PAST");
  for (const char* form : {"showed", "shown"}) {
    const EventMention* e = find(a, form);
    ASSERT_NE(e, nullptr) << form;
    EXPECT_FALSE(e->noun) << form;
    EXPECT_NE(e->tense, "NONE") << form;
  }
}

TEST(Events, NounsAndNonTriggers) {
  auto a = analyse("At the request of the affected state, members must provide military assistance.");
  const EventMention* request = find(a, "request");
  ASSERT_NE(request, nullptr);
  EXPECT_TRUE(request->noun);
  // "the armed forces": a participle used as an adjective is no event.
  auto b = analyse("The armed forces of the republic stayed in their barracks.");
  EXPECT_EQ(find(b, "armed"), nullptr);
  // "CSTO forces began": "forces" is a noun here, not the verb "force".
  auto c = analyse("CSTO forces began to be transferred to Kazakhstan on January 6.");
  EXPECT_EQ(find(c, "forces"), nullptr);
  ASSERT_NE(find(c, "transferred"), nullptr);
}

// The trained model (en/events/trigger_model.tsv) finds events the hand-made
// lexicons do not list, and tells a verb from a noun of the same form.
struct ModelCase {
  std::string sentence, word, expected;  // expected: a class, or "none"
};

TEST(Events, TrainedModelFindsTriggersAndClasses) {
  const ModelCase cases[] = {
      {"The thrift holding company said it expects to obtain regulatory approval.", "expects", "I_STATE"},
      {"The thrift holding company said it expects to obtain regulatory approval.", "obtain", "OCCURRENCE"},
      {"The thrift holding company said it expects to obtain regulatory approval.", "approval", "OCCURRENCE"},
      {"Shares of the bank plunged after the announcement.", "plunged", "OCCURRENCE"},
      // AQUAINT calls "announcement" REPORTING (5 times of 5), TimeBank mostly OCCURRENCE.
      {"Shares of the bank plunged after the announcement.", "announcement", "REPORTING"},
      {"Shares of the bank plunged after the merger.", "merger", "OCCURRENCE"},
      {"Shares of the bank plunged after the announcement.", "Shares", "none"},
      {"Analysts believe the merger will be completed soon.", "believe", "I_STATE"},
      {"The strike began on Monday.", "began", "ASPECTUAL"},
      {"The strike began on Monday.", "strike", "OCCURRENCE"},
      {"The company tried to sell the unit.", "tried", "I_ACTION"},
      {"Witnesses saw the explosion.", "saw", "PERCEPTION"},
      {"The market was quiet.", "market", "none"},
      {"He lives in a small house.", "house", "none"},
  };
  for (const auto& c : cases) {
    auto a = analyse(c.sentence);
    const EventMention* e = find(a, c.word);
    if (c.expected == "none") {
      EXPECT_EQ(e, nullptr) << c.sentence << " / " << c.word;
      continue;
    }
    ASSERT_NE(e, nullptr) << c.sentence << " / " << c.word;
    EXPECT_EQ(to_string(e->event_class), c.expected) << c.sentence << " / " << c.word;
  }
}

// The part-of-speech tagger (en/events/pos_model.tsv) tags as the training
// script's PosTagger does (these tags are what it gives): else the event
// model sees other features than it was trained on.
TEST(Events, PosTaggerAgreesWithTheTrainingScript) {
  const std::pair<std::string, std::string> cases[] = {
      {"The thrift holding company said it expects to obtain regulatory approval and complete the transaction by year-end .",
       "DT NN VBG NN VBD PRP VBZ TO VB JJ NN CC VB DT NN IN NN X"},
      {"Shares of Apple fell 3 % after the 1998 report was released .", "NNS IN NNP X CD NN IN DT CD NN VBD VBN X"},
  };
  const Resources& resources = Resources::standard();
  auto lexicon = detail::load_event_lexicon(resources);
  ASSERT_TRUE(lexicon.ok());
  auto model = detail::TriggerModel::load(resources, "en/events/trigger_model.tsv", *lexicon);
  ASSERT_TRUE(model.ok());
  const char* names[] = {"CC", "CD", "DT", "IN", "JJ", "MD", "NN", "NNP", "NNS", "POS", "PRP",
                         "RB", "RP", "TO", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "W", "X"};
  for (const auto& [sentence, expected] : cases) {
    std::vector<std::string> words, folded;
    std::istringstream in(sentence);
    for (std::string w; in >> w;) words.push_back(w);
    std::vector<const detail::Cue*> cues;
    for (const auto& w : words) {
      folded.push_back(fold_case(w));
      cues.push_back(lexicon->cue(folded.back()));
    }
    detail::TriggerModel::Sentence s;
    model->prepare(folded, cues, s);
    for (size_t i = 0; i < words.size(); ++i)
      s.shape.push_back(std::isupper(static_cast<unsigned char>(words[i][0])) ? (i == 0 ? 'F' : 'C') : 'l');
    model->tag(s);
    std::string tags;
    for (uint8_t t : s.tags) tags += (tags.empty() ? "" : " ") + std::string(names[t]);
    EXPECT_EQ(tags, expected) << sentence;
  }
}

TEST(Events, MalformedModelFileIsAClearError) {
  using testing::TempDir;
  using testing::write_file;
  TempDir dir;
  std::filesystem::create_directories(dir / "en/events");
  write_file(dir / "en/events/trigger_model.tsv", "labels\tNONE\tOCCURRENCE\nw=said\t1 2 3\n");
  auto resources = Resources::open(dir.path());
  ASSERT_TRUE(resources.ok());
  auto tagger = EventTagger::create(*resources);
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.error().to_string().find("trigger_model.tsv:1"), std::string::npos) << tagger.error().to_string();
}

TEST(Events, DatesComeFromTheirOwnClause) {
  auto a = analyse("Their transfer lasted several days, and on January 10, Tokayev said that the mission would end soon.");
  const EventMention* said = find(a, "said");
  const EventMention* end = find(a, "end");
  ASSERT_NE(said, nullptr);
  ASSERT_NE(end, nullptr);
  ASSERT_GE(said->timex, 0);
  EXPECT_EQ(a.timexes[said->timex].value, "2022-01-10");
  EXPECT_TRUE(end->timex < 0 || a.timexes[end->timex].value != "2022-01-10")
      << "a subordinate clause does not take the main clause's date";
  EXPECT_EQ(to_string(end->modality), std::string("planned"));
}

TEST(Events, CoordinatedClausesShareTheDate) {
  auto a = analyse("On January 14, the contingent returned home, and the minister presented them with awards.");
  const EventMention* presented = find(a, "presented");
  ASSERT_NE(presented, nullptr);
  ASSERT_GE(presented->timex, 0);
  EXPECT_EQ(a.timexes[presented->timex].value, "2022-01-14");
  EXPECT_TRUE(presented->time_inherited);
}

TEST(Events, LexiconExamplesHold) {
  for (const char* name : {"en/events/verbs.tsv", "en/events/nouns.tsv", "en/events/cues.tsv",
                           "en/events/wordnet_verbs.tsv", "en/events/wordnet_nouns.tsv", "en/events/not_triggers.tsv",
                           "en/events/trained_classes.tsv", "en/events/trained_not_events.tsv",
                           "en/events/trigger_model.tsv", "en/events/reader_asides.tsv",
                           "en/events/unasserted_complements.tsv"}) {
    auto table = Resources::standard().table(name, 1);
    ASSERT_TRUE(table.ok()) << name;
    ASSERT_FALSE(table->examples.empty()) << name;
    for (const auto& example : table->examples) {
      auto arrow = example.find(" => ");
      ASSERT_NE(arrow, std::string::npos) << example;
      std::string sentence = example.substr(0, arrow);
      std::istringstream expected(example.substr(arrow + 4));
      std::string trigger, first, second;
      expected >> trigger >> first >> second;
      auto a = analyse(sentence);
      const EventMention* e = nullptr;
      for (const auto& event : a.events)
        if (event.lemma == trigger || a.doc.slice(event.trigger) == trigger) e = &event;
      if (first == "none") {
        EXPECT_EQ(e, nullptr) << name << ": " << example;
        continue;
      }
      ASSERT_NE(e, nullptr) << name << ": " << example;
      if (first == "negative" || first == "positive") {
        EXPECT_EQ(e->negated ? "negative" : "positive", first) << example;
        EXPECT_EQ(to_string(e->modality), second) << example;
      } else {
        EXPECT_EQ(to_string(e->event_class), first) << example;
      }
    }
  }
}

// A word both noun and verb that only the model takes for an event is a noun
// where the part-of-speech tagger reads one.
TEST(Events, TheTaggersNounIsANounEvent) {
  auto a = analyse("Belarus could be left without support in the face of the current unprecedented pressure from the West.");
  const EventMention* pressure = find(a, "pressure");
  ASSERT_NE(pressure, nullptr);
  EXPECT_TRUE(pressure->noun) << pressure->label;
  auto b = analyse("The West will pressure Belarus to leave the bloc.");
  const EventMention* verb = find(b, "pressure");
  ASSERT_NE(verb, nullptr);
  EXPECT_FALSE(verb->noun);
}

// A question asks; what it names did not happen for all the text says.
TEST(Events, QuestionsAskWhatTheyName) {
  auto a = analyse("Who saved Belarus? Russia saved Belarus in January, the minister said.");
  ASSERT_GE(a.events.size(), 2u);
  const EventMention* asked = find(a, "saved");
  ASSERT_NE(asked, nullptr);
  EXPECT_EQ(to_string(asked->modality), std::string("asked"));
  const EventMention* told = nullptr;
  for (const auto& e : a.events)
    if (a.doc.slice(e.trigger) == "saved" && &e != asked) told = &e;
  ASSERT_NE(told, nullptr);
  EXPECT_NE(to_string(told->modality), std::string("asked"));
}

// "# example: SENTENCE => TRIGGER | LABEL" in label_openers.tsv.
TEST(Events, LabelOpenerExamplesHold) {
  auto table = Resources::standard().table("en/events/label_openers.tsv", 1);
  ASSERT_TRUE(table.ok());
  ASSERT_FALSE(table->examples.empty());
  for (const auto& example : table->examples) {
    const auto arrow = example.find(" => "), bar = example.find(" | ");
    ASSERT_TRUE(arrow != std::string::npos && bar != std::string::npos && bar > arrow) << example;
    auto a = analyse(example.substr(0, arrow));
    const EventMention* e = find(a, example.substr(arrow + 4, bar - arrow - 4));
    ASSERT_NE(e, nullptr) << example;
    EXPECT_EQ(e->label, example.substr(bar + 3)) << example;
  }
}

// Labels: the subject (a pronoun or a title as the actor's name), the verb
// group and its object, never a name twice.
TEST(Events, LabelsSayWhoDidWhat) {
  struct Case {
    std::string text, trigger, label;
  };
  const Case cases[] = {
      {"The conflict was not discussed, the presidential press secretary told reporters Dmitry Peskov.", "told",
       "Dmitry Peskov told reporters"},
      {"He said the troops had left. Kassym-Jomart Tokayev requested military assistance from the CSTO on January 5.",
       "requested", "Kassym-Jomart Tokayev requested military assistance from the CSTO"},
      {"Yesterday Lukashenko met the soldiers. Then he spoke to the soldiers at the airport.", "spoke",
       "Lukashenko spoke to the soldiers"},
      // Names joined by "and" are the subject together.
      {"President Vladimir Putin and Alexander Lukashenko signed a defence agreement in Moscow on Friday.", "signed",
       "President Vladimir Putin and Alexander Lukashenko signed a defence agreement in Moscow"},
      {"In total, 2,030 servicemen from Russia, Belarus, Kyrgyzstan, Tajikistan and Armenia arrived in Kazakhstan.",
       "arrived", "Russia, Belarus, Kyrgyzstan, Tajikistan and Armenia arrived in Kazakhstan"},
      // No connective opens a label.
      {"Tokayev stressed that it was about aggression, so it was appropriate to turn to the CSTO.", "appropriate",
       "it was appropriate to turn to the CSTO"},
      // A pronoun after the verb is said by name.
      {"Expert Sergey Markov spoke on Monday. According to him, only Belarus could take part.", "According",
       "According to Sergey Markov"},
      // A subject of its own is kept, not swapped for a name addressed before it.
      {"Thanks to the work of the presidents: you, Vladimir Vladimirovich, your colleagues in the CSTO, this "
       "operation was carried out in the shortest time, the Russian Minister said.",
       "carried out", "this operation was carried out in the shortest time"},
  };
  for (const auto& c : cases) {
    auto a = analyse(c.text);
    const EventMention* e = find(a, c.trigger);
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->label, c.label) << c.text;
  }
}

}  // namespace
}  // namespace annals
