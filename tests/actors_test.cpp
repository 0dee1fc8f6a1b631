// Stage 4 — actors: recognition, titles, aliases within an article,
// references, merging across articles, the alias file, and the examples
// written in the resource files.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "actors/actor.h"
#include "text/document.h"
#include "text/segment.h"
#include "util/resources.h"

namespace annals {
namespace {

const ActorTagger& tagger() {
  static const ActorTagger instance = std::move(*ActorTagger::create(Resources::standard()));
  return instance;
}

struct Tagged {
  Document doc;
  ActorTagging actors;

  const Actor* actor(std::string_view name) const {
    for (const auto& a : actors.actors)
      if (a.name == name) return &a;
    return nullptr;
  }
  // The first mention of the named actor, optionally a reference one.
  const ActorMention* mention(std::string_view name, bool pronoun = false) const {
    for (const auto& m : actors.mentions)
      if (actors.actors[m.actor].name == name && m.pronoun == pronoun) return &m;
    return nullptr;
  }
  std::string text(const ActorMention& m) const { return std::string(doc.slice(m.span)); }
  std::string dump() const {
    std::string out;
    for (const auto& m : actors.mentions) {
      const Actor& a = actors.actors[m.actor];
      out += "  '" + text(m) + "' -> " + a.name + "/" + to_string(a.kind);
      if (!m.title.empty()) out += " title=" + m.title;
      if (m.pronoun) out += " (reference)";
      out += "\n";
    }
    return out;
  }
};

Tagged tag(const std::string& text, const ActorTagger& with = tagger()) {
  auto doc = make_document("test.txt", text);
  EXPECT_TRUE(doc.ok()) << text;
  if (!doc) return {};
  mark_boilerplate(*doc, Resources::standard());
  auto seg = segment(*doc, Resources::standard());
  Tagged tagged{std::move(*doc), {}};
  tagged.actors = with.tag(tagged.doc, seg, {});
  return tagged;
}

struct Expected {
  std::string name;
  ActorKind kind;
  std::string title;  // "" = any
};

struct Case {
  std::string sentence;
  std::vector<Expected> actors;
};

void expect_actors(const Case& c) {
  Tagged t = tag(c.sentence);
  for (const auto& e : c.actors) {
    const ActorMention* m = t.mention(e.name);
    ASSERT_NE(m, nullptr) << "no " << e.name << " in: " << c.sentence << "\n" << t.dump();
    EXPECT_EQ(t.actors.actors[m->actor].kind, e.kind) << e.name << " in: " << c.sentence;
    if (!e.title.empty()) {
      EXPECT_EQ(m->title, e.title) << e.name << " in: " << c.sentence;
    }
  }
}

using K = ActorKind;

// ---- recognition with titles ------------------------------------------------

TEST(ActorsTest, PersonsWithTitles) {
  const Case cases[] = {
      {"President of Kazakhstan Kassym-Jomart Tokayev requested assistance.",
       {{"Kassym-Jomart Tokayev", K::person, "President of Kazakhstan"}, {"Kazakhstan", K::country, ""}}},
      {"This was stated by the head of the CSTO Joint Staff, Colonel-General Anatoly Sidorov.",
       {{"Anatoly Sidorov", K::person, "head of the CSTO Joint Staff, Colonel-General"}, {"CSTO", K::organization, ""}}},
      {"Secretary of the General Council of \"United Russia\" Andrei Turchak criticized the position.",
       {{"Andrei Turchak", K::person, "Secretary of the General Council of \"United Russia\""},
        {"United Russia", K::organization, ""}}},
      {"Earlier, the Minister of Foreign Affairs of the Russian Federation Sergey Lavrov stated it.",
       {{"Sergey Lavrov", K::person, "Minister of Foreign Affairs of the Russian Federation"}, {"Russia", K::country, ""}}},
      {"Deputy Chairman of the State Duma Committee on CIS Affairs Konstantin Zatulin said so.",
       {{"Konstantin Zatulin", K::person, "Deputy Chairman of the State Duma Committee on CIS Affairs"},
        {"CIS", K::organization, ""}}},
      {"He reacted to the words of the President of Kazakhstan, Kassym-Jomart Tokayev, about it.",
       {{"Kassym-Jomart Tokayev", K::person, "President of Kazakhstan"}}},
      {"He met Sergei Shoigu, the Minister of Defense of Russia.",
       {{"Sergei Shoigu", K::person, "Minister of Defense of Russia"}, {"Russia", K::country, ""}}},
      {"Later, Polish Prime Minister Mateusz Morawiecki made a similar statement.",
       {{"Mateusz Morawiecki", K::person, "Polish Prime Minister"}, {"Poland", K::country, ""}}},
      {"Secretary General Stanislav Zas emphasized that the issue was not discussed.",
       {{"Stanislav Zas", K::person, "Secretary General"}}},
      {"Military analyst Igor Chibisov told the portal about it.",
       {{"Igor Chibisov", K::person, "Military analyst"}}},
      {"The statement of Russian President Vladimir Putin was different.",
       {{"Vladimir Putin", K::person, "Russian President"}}},
      {"It was first announced by Deputy Prime Minister Jaroslaw Kaczynski during his visit.",
       {{"Jaroslaw Kaczynski", K::person, "Deputy Prime Minister"}}},
      {"[Belarus President Alexander] Lukashenko pursues a rather flexible policy.",
       {{"Alexander Lukashenko", K::person, "Belarus President"}}},
      {"The Russian presidential press secretary, Dmitriy Peskov, refused to comment.",
       {{"Dmitriy Peskov", K::person, "Russian presidential press secretary"}}},
  };
  for (const auto& c : cases) expect_actors(c);
}

TEST(ActorsTest, OrganisationsCountriesPlaces) {
  const Case cases[] = {
      {"Used photos: Russian Ministry of Defense.", {{"Russian Ministry of Defense", K::organization, ""}}},
      {"Belarus is part of the Union State with Russia.",
       {{"Belarus", K::country, ""}, {"Union State", K::organization, ""}, {"Russia", K::country, ""}}},
      {"The summit was held in Moscow and in Madrid.", {{"Moscow", K::location, ""}, {"Madrid", K::location, ""}}},
      {"The CSTO has not yet turned into an analogue of the Warsaw Pact.",
       {{"CSTO", K::organization, ""}, {"Warsaw Pact", K::organization, ""}}},
      {"Delegates came from the United States of America and the UK.",
       {{"United States", K::country, ""}, {"United Kingdom", K::country, ""}}},
      {"The Belarusian contingent returned, and Russian armed forces stayed.",
       {{"Belarus", K::country, ""}, {"Russia", K::country, ""}}},
      {"The Russian-Ukrainian war may move into a new phase.",
       {{"Russia", K::country, ""}, {"Ukraine", K::country, ""}}},
  };
  for (const auto& c : cases) expect_actors(c);
}

// Capitalised words that are not actors.
TEST(ActorsTest, NotActors) {
  const std::string sentences[] = {
      "The level is much higher. However, it is not. According to experts, nothing happened.",
      "Perhaps, the only country is far away. Currently there is no need.",
      "On Monday the meeting ended, and in January it began.",
      "The exercise is called «Union Resolve – 2022» this year.",
      "Speaking of personal opinion, it does not matter. Officially, the goal was announced.",
      "WHAT ARE YOU LOOKING FOR? Nothing at all, thank you.",
  };
  for (const auto& s : sentences) {
    Tagged t = tag(s);
    EXPECT_TRUE(t.actors.actors.empty()) << s << "\n" << t.dump();
  }
}

TEST(ActorsTest, TimexTokensAreNotNames) {
  std::string text = "The summit of Xyzzy Plugh was held on Quux 16 in Berlin.";
  auto doc = *make_document("t.txt", text);
  mark_boilerplate(doc, Resources::standard());
  auto seg = segment(doc, Resources::standard());
  Timex timex;
  timex.span = {uint32_t(text.find("Quux")), uint32_t(text.find(" in Berlin"))};
  auto actors = tagger().tag(doc, seg, {timex});
  for (const auto& a : actors.actors) EXPECT_EQ(a.name.find("Quux"), std::string::npos) << a.name;
}

// ---- one actor, many names ----------------------------------------------------

TEST(ActorsTest, SurnameAfterFullName) {
  Tagged t = tag("Colonel-General Anatoly Sidorov spoke. Speaking of personal opinion, added Sidorov, then nothing.");
  ASSERT_NE(t.actor("Anatoly Sidorov"), nullptr) << t.dump();
  EXPECT_EQ(t.actors.actors.size(), 1u) << t.dump();
  const ActorMention* m = t.mention("Anatoly Sidorov");
  EXPECT_EQ(t.text(*m), "Anatoly Sidorov");
}

TEST(ActorsTest, SurnameBeforeFullNameInHeadline) {
  Tagged t = tag("Peskov said that the participation was not discussed.\n\n"
                 "The Kremlin press secretary Dmitry Peskov told reporters about it.");
  const Actor* peskov = t.actor("Dmitry Peskov");
  ASSERT_NE(peskov, nullptr) << t.dump();
  int mentions = 0;
  for (const auto& m : t.actors.mentions) mentions += t.actors.actors[m.actor].name == "Dmitry Peskov" && !m.pronoun;
  EXPECT_EQ(mentions, 2) << t.dump();
}

TEST(ActorsTest, AcronymsDefinedInBrackets) {
  Tagged t = tag("Members of the Quuxian Defence Alliance (QDA) met. The QDA said nothing.");
  const Actor* qda = t.actor("QDA");
  ASSERT_NE(qda, nullptr) << t.dump();
  EXPECT_EQ(qda->kind, ActorKind::organization);
  EXPECT_NE(std::find(qda->aliases.begin(), qda->aliases.end(), "Quuxian Defence Alliance"), qda->aliases.end());
  EXPECT_EQ(t.actors.actors.size(), 1u) << t.dump();

  Tagged u = tag("The involvement of the CSTO [Collective Security Treaty Organization] member states grew.");
  ASSERT_NE(u.actor("CSTO"), nullptr) << u.dump();
  EXPECT_EQ(u.actors.actors.size(), 1u) << u.dump();
  Tagged v = tag("Countries, members of the Collective Security Treaty Organization (CSTO), stayed out.");
  EXPECT_EQ(v.actors.actors.size(), 1u) << v.dump();
  ASSERT_NE(v.actor("CSTO"), nullptr) << v.dump();
}

TEST(ActorsTest, CyrillicInflectedSurnameJoinsLatinName) {
  Tagged t = tag("President Kassym-Jomart Tokayev asked for help.\n\n"
                 "В январе миротворцы ОДКБ участвовали в подавлении протестов в Казахстане после обращения Токаева.");
  const Actor* tokayev = t.actor("Kassym-Jomart Tokayev");
  ASSERT_NE(tokayev, nullptr) << t.dump();
  EXPECT_NE(std::find(tokayev->aliases.begin(), tokayev->aliases.end(), "Токаева"), tokayev->aliases.end());
  ASSERT_NE(t.actor("CSTO"), nullptr) << t.dump();
  ASSERT_NE(t.actor("Kazakhstan"), nullptr) << t.dump();
}

TEST(ActorsTest, CyrillicNameAloneIsTransliterated) {
  Tagged t = tag("Протесты в стране закончились после обращения Токаева к союзникам.");
  const Actor* a = t.actor("Tokayev");
  ASSERT_NE(a, nullptr) << t.dump();
  EXPECT_EQ(a->kind, ActorKind::person);
}

// ---- references -----------------------------------------------------------------

TEST(ActorsTest, PronounsAndTitlesAsSubjects) {
  Tagged t = tag("This was stated by the head of the CSTO Joint Staff, Colonel-General Anatoly Sidorov. "
                 "According to General, he knows nothing about it.");
  const ActorMention* general = t.mention("Anatoly Sidorov", true);
  ASSERT_NE(general, nullptr) << t.dump();
  EXPECT_EQ(t.text(*general), "General");
  int references = 0;
  for (const auto& m : t.actors.mentions) references += m.pronoun && t.actors.actors[m.actor].name == "Anatoly Sidorov";
  EXPECT_EQ(references, 2) << t.dump();
}

TEST(ActorsTest, TitleReferenceFindsTheActorWithThatTitle) {
  Tagged t = tag("He met Sergei Shoigu, the Minister of Defense of Russia. "
                 "Aliaksandr Lukashenka thanked the presidents. "
                 "It was a brilliant operation, the Russian Minister said.");
  const ActorMention* m = nullptr;
  for (const auto& x : t.actors.mentions)
    if (x.pronoun && t.text(x) == "Russian Minister") m = &x;
  ASSERT_NE(m, nullptr) << t.dump();
  EXPECT_EQ(t.actors.actors[m->actor].name, "Sergei Shoigu");
}

TEST(ActorsTest, PronounTakesNearestCompatiblePerson) {
  Tagged t = tag("Anna Petrova met Igor Chibisov. She said the talks went well. He agreed.");
  const ActorMention* she = nullptr;
  const ActorMention* he = nullptr;
  for (const auto& m : t.actors.mentions) {
    if (!m.pronoun) continue;
    (t.text(m) == "She" ? she : he) = &m;
  }
  ASSERT_NE(she, nullptr) << t.dump();
  ASSERT_NE(he, nullptr) << t.dump();
  EXPECT_EQ(t.actors.actors[she->actor].name, "Anna Petrova");
  EXPECT_EQ(t.actors.actors[he->actor].name, "Igor Chibisov");
}

TEST(ActorsTest, OrganizationReference) {
  Tagged t = tag("Russia develops the CSTO. The organization itself has shown its effectiveness.");
  const ActorMention* m = t.mention("CSTO", true);
  ASSERT_NE(m, nullptr) << t.dump();
  EXPECT_EQ(t.text(*m), "organization");
}

TEST(ActorsTest, NameWithoutLegalFormIsTheCompany) {
  Tagged t = tag("Acme Inc. raised prices on Monday. Acme said demand was high. Analysts doubt Acme.");
  ASSERT_EQ(t.actors.actors.size(), 1u) << t.dump();
  EXPECT_EQ(t.actors.actors[0].name, "Acme Inc");
  EXPECT_EQ(t.actors.actors[0].kind, ActorKind::organization);
  EXPECT_EQ(t.actors.mentions.size(), 3u) << t.dump();
}

TEST(ActorsTest, NameAfterOfIsNoTitledPerson) {
  // "founder of Apple": Apple is what the title is of, not a person holding it.
  Tagged t = tag("Steve Jobs, founder of Apple, has chosen to step down. Apple shares fell.");
  for (const auto& a : t.actors.actors)
    if (a.name == "Apple") {
      EXPECT_NE(a.kind, ActorKind::person) << t.dump();
    }
}

TEST(ActorsTest, PronounPrefersTheSubjectOfTheLastSentence) {
  Tagged t = tag("Igor Chibisov met Anatoly Sidorov in Moscow. He also stood in for Pavel Orlov. He received a prize.");
  std::vector<std::string> resolved;
  for (const auto& m : t.actors.mentions)
    if (m.pronoun) resolved.push_back(t.actors.actors[m.actor].name);
  EXPECT_EQ(resolved, (std::vector<std::string>{"Igor Chibisov", "Igor Chibisov"})) << t.dump();
}

TEST(ActorsTest, NameBeforeATitleIsAnOrganisation) {
  Tagged t = tag("Shares of Globex rose. Globex CEO Steve Jobs spoke on Monday. The company denied it.");
  const ActorMention* globex = t.mention("Globex");
  ASSERT_NE(globex, nullptr) << t.dump();
  EXPECT_EQ(t.actors.actors[globex->actor].kind, ActorKind::organization) << t.dump();
  size_t named = 0;
  for (const auto& a : t.actors.actors) named += a.name == "Globex";
  EXPECT_EQ(named, 1u) << t.dump();
  EXPECT_NE(t.mention("Globex", true), nullptr) << "the company, it\n" << t.dump();
}

TEST(ActorsTest, ItIsTheNearestOrganisationUnlessEmpty) {
  Tagged t = tag("Acme Corporation said on Monday that it had settled its dispute.");
  size_t references = 0;
  for (const auto& m : t.actors.mentions) references += m.pronoun && t.actors.actors[m.actor].name == "Acme Corporation";
  EXPECT_EQ(references, 2u) << t.dump();
  Tagged empty = tag("Acme Corporation raised prices. It is expected that demand will fall.");
  for (const auto& m : empty.actors.mentions) EXPECT_FALSE(m.pronoun) << empty.dump();
  Tagged far = tag("Acme Corporation raised prices. Demand fell. Sales fell. Rain fell. It rose again.");
  for (const auto& m : far.actors.mentions) EXPECT_FALSE(m.pronoun) << far.dump();
}

TEST(ActorsTest, GivenNameAloneIsTheOnePersonWithIt) {
  Tagged t = tag("Steve Jobs resigned on Wednesday. The chairman said that Steve will continue to serve.");
  size_t persons = 0;
  for (const auto& a : t.actors.actors) persons += a.kind == ActorKind::person;
  EXPECT_EQ(persons, 1u) << t.dump();
  Tagged two = tag("Steve Jobs met Steve Wozniak on Wednesday. The chairman said that Steve will continue to serve.");
  const ActorMention* steve = two.mention("Steve");
  EXPECT_NE(steve, nullptr) << "which Steve? " << two.dump();
}

TEST(ActorsTest, UnresolvedPronounIsNoMention) {
  Tagged t = tag("He said nothing about it to anyone.");
  EXPECT_TRUE(t.actors.mentions.empty()) << t.dump();
}

// ---- across documents -----------------------------------------------------------

std::vector<Actor> merge_texts(const std::vector<std::string>& texts, std::vector<std::vector<int32_t>>* maps = nullptr) {
  std::vector<Tagged> tagged;
  for (const auto& text : texts) tagged.push_back(tag(text));
  std::vector<const ActorTagging*> documents;
  for (const auto& t : tagged) documents.push_back(&t.actors);
  std::vector<Actor> merged;
  auto result = tagger().merge(documents, merged);
  if (maps) *maps = result;
  return merged;
}

size_t count_kind(const std::vector<Actor>& actors, ActorKind kind) {
  return std::count_if(actors.begin(), actors.end(), [&](const Actor& a) { return a.kind == kind; });
}

TEST(ActorsMergeTest, LukashenkoSpellings) {
  auto merged = merge_texts({"Alexander Lukashenko has repeatedly stated it.",
                             "Aliaksandr Lukashenka considers the operation brilliant.",
                             "Later, Lukashenka arranged a meeting.", "Yesterday Lukashenko spoke again."});
  ASSERT_EQ(count_kind(merged, ActorKind::person), 1u);
  EXPECT_EQ(merged[0].name.find("Lukashenk"), merged[0].name.find(' ') + 1) << merged[0].name;
}

TEST(ActorsMergeTest, GivenNameSpellings) {
  std::vector<std::vector<int32_t>> maps;
  auto merged = merge_texts({"The press secretary Dmitry Peskov spoke.", "The spokesman Dmitriy Peskov refused."}, &maps);
  EXPECT_EQ(count_kind(merged, ActorKind::person), 1u);
  ASSERT_EQ(maps.size(), 2u);
  EXPECT_EQ(maps[0][0], maps[1][0]);
}

TEST(ActorsMergeTest, DifferentGivenNamesStayApart) {
  auto merged = merge_texts({"The analyst John Smith wrote it.", "The analyst Jane Smith replied."});
  EXPECT_EQ(count_kind(merged, ActorKind::person), 2u);
  // A surname alone cannot choose between two Smiths.
  auto three = merge_texts({"The analyst John Smith wrote it.", "The analyst Jane Smith replied.",
                            "Colonel Smith disagreed."});
  EXPECT_EQ(count_kind(three, ActorKind::person), 3u);
}

TEST(ActorsMergeTest, CyrillicAndLatin) {
  auto merged = merge_texts({"President Kassym-Jomart Tokayev asked for help.",
                             "Протесты в стране закончились после обращения Токаева к союзникам."});
  EXPECT_EQ(count_kind(merged, ActorKind::person), 1u);
  EXPECT_EQ(merged[0].name, "Kassym-Jomart Tokayev");
}

TEST(ActorsMergeTest, OrganisationsByAnyName) {
  auto merged = merge_texts({"Members of the Quuxian Defence Alliance (QDA) met.",
                             "The Quuxian Defence Alliance issued a statement.", "The CSTO met.",
                             "В январе миротворцы ОДКБ участвовали."});
  EXPECT_EQ(count_kind(merged, ActorKind::organization), 2u);
}

TEST(ActorsMergeTest, ShortFormJoinsTheCompany) {
  std::vector<std::vector<int32_t>> maps;
  auto merged = merge_texts({"Globex Corp. raised prices on Monday.", "Analysts said Globex would gain."}, &maps);
  ASSERT_EQ(maps.size(), 2u);
  ASSERT_FALSE(maps[1].empty());
  EXPECT_EQ(maps[0][0], maps[1][0]);
  EXPECT_EQ(merged[maps[0][0]].name, "Globex Corp");
  EXPECT_EQ(merged[maps[0][0]].kind, ActorKind::organization);
}

TEST(ActorsMergeTest, AmbiguousShortFormIsNoAlias) {
  ActorTagging a, b;
  a.actors = {{"Globex Corp", ActorKind::organization, {"Globex"}}, {"Globex Records", ActorKind::organization, {}}};
  b.actors = {{"Initech Ltd", ActorKind::organization, {"Initech"}}};
  std::vector<Actor> merged;
  tagger().merge({&a, &b}, merged);
  ASSERT_EQ(merged.size(), 3u);
  EXPECT_TRUE(merged[0].aliases.empty());  // "Globex" could be either company
  EXPECT_EQ(merged[2].aliases, (std::vector<std::string>{"Initech"}));
}

TEST(ActorsMergeTest, DirectActors) {
  ActorTagging a, b, c;
  a.actors = {{"Ivan Petrovsky", ActorKind::person, {}}, {"Petrovsky", ActorKind::person, {}}};
  b.actors = {{"Ivan Petrovskiy", ActorKind::person, {}}, {"Ivan Petrov", ActorKind::person, {}}};
  c.actors = {{"Pavel Petrovsky", ActorKind::person, {}}};
  std::vector<Actor> merged;
  auto maps = tagger().merge({&a, &b, &c}, merged);
  EXPECT_EQ(maps[0][0], maps[1][0]);   // Petrovsky / Petrovskiy
  EXPECT_NE(maps[1][0], maps[1][1]);   // Petrov is another surname (too short to be fuzzy)
  EXPECT_NE(maps[0][0], maps[2][0]);   // Pavel is not Ivan
  EXPECT_NE(maps[0][1], maps[0][0]);   // "Petrovsky" alone: which one?
}

// ---- user aliases -----------------------------------------------------------------

std::string write_temp(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / ("annals_actors_" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

TEST(ActorsAliasFileTest, ReadsEntries) {
  auto path = write_temp("ok.tsv", "# comment\nOld Name\tNew Name\tperson\n\nNoise\t-\t-\r\n");
  auto entries = read_alias_file(path);
  ASSERT_TRUE(entries.ok()) << entries.error().to_string();
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].canonical, "New Name");
  EXPECT_EQ((*entries)[0].kind, ActorKind::person);
  EXPECT_TRUE((*entries)[1].ignore);
}

TEST(ActorsAliasFileTest, Errors) {
  struct ErrorCase { std::string content, where, message; };
  const ErrorCase cases[] = {
      {"A\tB\tperson\nonly two\tfields\n", ":2", "expected 3"},
      {"A\tB\tperson\tmore\n", ":1", "expected 3"},
      {"A\tB\tmartian\n", ":1", "unknown kind \"martian\""},
      {"\tB\tperson\n", ":1", "empty name"},
      {"A\tB\tperson\n\x89PNG\x00\x01\xff\n", ":2", "not UTF-8"},
  };
  int n = 0;
  for (const auto& c : cases) {
    auto path = write_temp("bad" + std::to_string(n++) + ".tsv", c.content);
    auto entries = read_alias_file(path);
    ASSERT_FALSE(entries.ok()) << c.content;
    EXPECT_EQ(entries.error().where, path + c.where);
    EXPECT_NE(entries.error().message.find(c.message), std::string::npos) << entries.error().message;
  }
  auto missing = read_alias_file("/nonexistent/annals/aliases.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::io);
}

TEST(ActorsAliasFileTest, AliasesApply) {
  std::vector<AliasEntry> aliases = {{"Chibisov", "Igor Chibisov", ActorKind::person, false},
                                     {"Caliber", "-", ActorKind::other, true},
                                     {"Blorp Corp", "Blorp", ActorKind::organization, false}};
  auto with = ActorTagger::create(Resources::standard(), aliases);
  ASSERT_TRUE(with.ok());
  Tagged t = tag("Chibisov told Caliber that Blorp Corp was fine.", *with);
  ASSERT_NE(t.actor("Igor Chibisov"), nullptr) << t.dump();
  ASSERT_NE(t.actor("Blorp"), nullptr) << t.dump();
  EXPECT_EQ(t.actor("Blorp")->kind, ActorKind::organization);
  EXPECT_EQ(t.actor("Caliber.Az"), nullptr) << t.dump();
  EXPECT_EQ(t.actors.actors.size(), 2u) << t.dump();
}

// ---- hostile input -----------------------------------------------------------------

TEST(ActorsTest, HostileText) {
  std::string long_name(10000, 'A');
  long_name[0] = 'Z';
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "Capitalised Word" + std::to_string(i % 10) + " ";
  std::string text = "The man " + long_name + " spoke. " + many + "ended.\n\nHe said " +
                     std::string(3000, '(') + " Smith " + std::string(3000, '"') + ".";
  Tagged t = tag(text);
  for (const auto& m : t.actors.mentions) EXPECT_LE(m.end_token - m.first_token, 16u);
}

// Random sentences from words that exercise every rule: titles, brackets,
// quotes, connectors, initials, Cyrillic, glued and hyphenated words.
TEST(ActorsTest, RandomTextNeverCrashes) {
  const char* words[] = {"President", "of", "the", "Kazakhstan", "Ivan", "Petrov", ",", ".", "(", ")", "[", "]",
                         "\"", "â", "â", "Â«", "Â»", "he", "she", "organization",
                         "Ministry", "Committee", "on", "CSTO", "NATO", "A.", "B", "Токаева", "ОДКБ", "в",
                         "UkraineCurrently", "Russian-Ukrainian", "General", "Colonel-General", "said", "and",
                         "Deputy", "Chairman", "Putin's", "Ivanova", "Moscow", "January", "X", "-", "–", "'s"};
  uint64_t state = 42;
  auto next = [&] { state = state * 6364136223846793005ull + 1442695040888963407ull; return state >> 33; };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    size_t length = 5 + next() % 60;
    for (size_t w = 0; w < length; ++w) {
      text += words[next() % std::size(words)];
      text += next() % 7 ? " " : (next() % 2 ? "\n" : "");
    }
    text += ".";
    Tagged t = tag(text);
    for (const auto& m : t.actors.mentions) {
      ASSERT_LT(m.actor, int32_t(t.actors.actors.size()));
      ASSERT_LE(m.span.end, t.doc.text.size());
      ASSERT_LE(m.span.start, m.span.end);
    }
  }
}

// Actor tagging on a few MB of one repeated article: a correctness check only.
// Its speed is measured in bench/stages_bench.cpp (BM_ActorTag), not here.
TEST(ActorsTest, Throughput) {
  std::string text;
  std::ifstream in(std::string(ANNALS_SOURCE_DIR) + "/examples/csto/002_b355f01e7a83066b.txt");
  std::string article((std::istreambuf_iterator<char>(in)), {});
  ASSERT_FALSE(article.empty());
  while (text.size() < (4u << 20)) text += article;
  auto doc = *make_document("big.txt", text);
  mark_boilerplate(doc, Resources::standard());
  auto seg = segment(doc, Resources::standard());
  auto actors = tagger().tag(doc, seg, {});
  EXPECT_FALSE(actors.actors.empty());
  for (const auto& m : actors.mentions) ASSERT_LT(m.actor, int32_t(actors.actors.size()));
}

// ---- the examples in the resource files ----------------------------------------------

// "# example: SENTENCE => NAME/KIND[/TITLE[/pronoun]]; ..." or "=> none".
void run_resource_examples(const std::string& file) {
  auto table = Resources::standard().table(file, 1);
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  for (const auto& example : table->examples) {
    auto arrow = example.find(" => ");
    ASSERT_NE(arrow, std::string::npos) << file << ": " << example;
    std::string sentence = example.substr(0, arrow), expected = example.substr(arrow + 4);
    Tagged t = tag(sentence);
    if (expected == "none") {
      EXPECT_TRUE(t.actors.actors.empty()) << file << ": " << sentence << "\n" << t.dump();
      continue;
    }
    for (size_t start = 0; start < expected.size();) {
      size_t end = std::min(expected.find("; ", start), expected.size());
      std::string item = expected.substr(start, end - start);
      start = end + 2;
      std::vector<std::string> parts;
      for (size_t p = 0; p <= item.size();) {
        size_t slash = std::min(item.find('/', p), item.size());
        parts.push_back(item.substr(p, slash - p));
        p = slash + 1;
      }
      ASSERT_GE(parts.size(), 2u) << file << ": " << example;
      bool pronoun = parts.size() > 3 && parts[3] == "pronoun";
      const ActorMention* m = t.mention(parts[0], pronoun);
      ASSERT_NE(m, nullptr) << file << ": " << sentence << " lacks " << item << "\n" << t.dump();
      EXPECT_STREQ(to_string(t.actors.actors[m->actor].kind), parts[1].c_str()) << file << ": " << example;
      if (parts.size() > 2 && !parts[2].empty()) {
        EXPECT_EQ(m->title, parts[2]) << file << ": " << example;
      }
    }
  }
}

TEST(ActorsResourcesTest, ExamplesHold) {
  int files = 0;
  for (const auto& name : Resources::standard().names()) {
    if (name.find("/actors/") == std::string::npos) continue;
    ++files;
    SCOPED_TRACE(name);
    run_resource_examples(name);
  }
  EXPECT_GE(files, 15);
}

TEST(ActorsResourcesTest, TaggerLoads) {
  EXPECT_TRUE(ActorTagger::create(Resources::standard()).ok());
}

TEST(ActorsResourcesTest, BadRowIsNamedByFileAndLine) {
  auto dir = std::filesystem::temp_directory_path() / "annals_actors_resources";
  std::filesystem::create_directories(dir / "en" / "actors");
  std::ofstream(dir / "en" / "actors" / "titles.tsv") << "# header\npresident\thead\nminister\tboss\n";
  auto resources = Resources::open(dir.string());
  ASSERT_TRUE(resources.ok()) << resources.error().to_string();
  auto created = ActorTagger::create(*resources);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().where, "en/actors/titles.tsv:3");
  EXPECT_NE(created.error().message.find("boss"), std::string::npos) << created.error().message;
}

}  // namespace
}  // namespace annals
