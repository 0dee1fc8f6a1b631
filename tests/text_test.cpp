#include <gtest/gtest.h>

#include "text/document.h"
#include "text/segment.h"
#include "util/resources.h"

namespace annals {
namespace {

Document load(const std::string& text) {
  auto doc = make_document("test.txt", text);
  EXPECT_TRUE(doc.ok()) << (doc ? "" : doc.error().to_string());
  mark_boilerplate(*doc, Resources::standard());
  return std::move(*doc);
}

std::vector<std::string> sentences(const std::string& text) {
  Document doc = load(text);
  Segmentation seg = segment(doc, Resources::standard());
  std::vector<std::string> out;
  for (const auto& s : seg.sentences) out.emplace_back(doc.slice(s.span));
  return out;
}

struct BadInputCase {
  std::string bytes;
  std::string message;
};

TEST(MakeDocument, RefusesWhatIsNotAText) {
  const BadInputCase cases[] = {
      {"", "empty file"},
      {"  \n\t\n", "empty file"},
      {std::string("abc\0def", 7), "binary file (NUL byte) at line 1, byte 3"},
      {"ok\n\xff\xfe bad", "invalid UTF-8 at line 2, byte 3"},
      {"overlong \xc0\xaf slash", "invalid UTF-8 at line 1, byte 9"},
      {"surrogate \xed\xa0\x80", "invalid UTF-8 at line 1, byte 10"},
      {"truncated \xe2\x80", "invalid UTF-8 at line 1, byte 10"},
  };
  for (const auto& c : cases) {
    auto doc = make_document("in.txt", c.bytes);
    ASSERT_FALSE(doc.ok()) << c.message;
    EXPECT_EQ(doc.error().where, "in.txt");
    EXPECT_EQ(doc.error().message, c.message);
  }
}

TEST(MakeDocument, KeepsBytesAndTakesIdFromFileName) {
  auto doc = make_document("dir/004_article.txt", "\xEF\xBB\xBFHello, world.\r\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id, "004_article");
  EXPECT_EQ(doc->text, "\xEF\xBB\xBFHello, world.\r\n");
}

TEST(ReadDocument, NamesTheProblem) {
  auto missing = read_document("/nonexistent/file.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "no such file");
  auto directory = read_document("/tmp");
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.error().message, "is a directory, not a file");
}

struct LineCase {
  std::string line;
  LineKind kind;
};

TEST(Boilerplate, ClassifiesWidgetAndProseLines) {
  // Each case sits between two article paragraphs, as on a real page.
  const std::string before = "The summit was held in Moscow and ended with a joint statement.\n\n";
  const std::string after = "\n\nThe leaders agreed to meet again in the autumn of this year.\n";
  const LineCase cases[] = {
      {"Share it on social media!", LineKind::boilerplate},
      {"View all comments", LineKind::boilerplate},
      {"Subscribe", LineKind::boilerplate},
      {"0 0 votes", LineKind::boilerplate},
      {"Caliber.az \xC2\xA9 2025. .", LineKind::boilerplate},
      {"Your email address will not be published.", LineKind::boilerplate},
      {"Read on RBC Pro Pro Charmed everyone, created a sect and earned $ 1 billion: the story.",
       LineKind::boilerplate},
      {"Follow us on Instagram", LineKind::boilerplate},
      {"Views: 189", LineKind::boilerplate},
      {"Tokayev requested military assistance from the CSTO on January 5.", LineKind::body},
      {"He noted that the development of the CSTO is one of the priorities of Russia.", LineKind::body},
  };
  for (const auto& c : cases) {
    Document doc = load(before + c.line + after);
    ASSERT_GE(doc.lines.size(), 3u);
    EXPECT_EQ(int(doc.lines[2].kind), int(c.kind)) << c.line;
  }
}

TEST(Boilerplate, RelatedPostHeadlinesBetweenNavigationLinesAreNotBody) {
  Document doc = load(
      "Belarus took part in a peacekeeping mission, and the contingent returned home.\n\n"
      "Previous post\n"
      "Belarusian sent a fake demand to school to organize a dialogue platform and more\n"
      "Next post\n"
      "The Ambassador of Ukraine commented on the summons to the Ministry of Foreign Affairs\n");
  for (size_t i = 2; i < doc.lines.size(); ++i)
    if (doc.lines[i].kind != LineKind::blank) { EXPECT_EQ(int(doc.lines[i].kind), int(LineKind::boilerplate)) << i; }
}

TEST(Boilerplate, HardWrappedWireCopyIsBody) {
  Document doc = load(
      "Rockwell International Corp.'s Tulsa unit said it signed\n"
      "a tentative agreement extending its contract with Boeing Co.\n"
      "to provide structural parts for Boeing's 747 jetliners.\n");
  for (const auto& line : doc.lines)
    if (line.kind != LineKind::blank) { EXPECT_TRUE(doc.is_content(line)); }
}

TEST(Boilerplate, PicksTheHeadlineAsTitle) {
  Document doc = load(
      "twitter\nyoutube\nsearch\nWHAT ARE YOU LOOKING FOR ?\n\n"
      "Russia can theoretically compel CSTO members to send troops to Ukraine\n\n"
      "The Russian-Ukrainian war may move into a new phase, analysts say.\n");
  EXPECT_EQ(doc.title, "Russia can theoretically compel CSTO members to send troops to Ukraine");
}

// A news page of another shape: a menu of links with separators, a login
// line spaced out, and readers' comments (each above its "Reply" button).
TEST(Boilerplate, MenusOfLinksAndReadersCommentsAreNotTheArticle) {
  Document doc = load(
      "Home | World | Politics | Business | Sport | Contact us\nLog in   Register\nEN | RU | DE | FR\n"
      "Published: 12.03.2023 10:15\n\nMoscow and Minsk sign new defence pact\n\n"
      "President Vladimir Putin and Alexander Lukashenko signed a defence agreement in Moscow on Friday.\n\n"
      "Comments (3)\nIvan Petrov 2 hours ago\nThis is a disaster, Russia attacked again!\nReply  Like\n"
      "Anna 5 hours ago\nThe talks were a great success for both countries, I think.\nReply\n");
  EXPECT_EQ(doc.title, "Moscow and Minsk sign new defence pact");
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const std::string_view text = doc.slice(doc.lines[i].span);
    const bool article = text.starts_with("President") || text.starts_with("Moscow") || text.starts_with("Published");
    if (doc.lines[i].kind != LineKind::blank && !article) { EXPECT_FALSE(doc.is_content(doc.lines[i])) << text; }
    if (text.starts_with("President")) { EXPECT_TRUE(doc.is_content(doc.lines[i])); }
  }
}

TEST(Segment, SplitsSentencesButNotAbbreviationsOrInitials) {
  EXPECT_EQ(sentences("According to Art. 4 of the treaty, members must help. Tokayev agreed.").size(), 2u);
  EXPECT_EQ(sentences("Mr. J. Smith met Dr. Jones in the U.S. capital on Monday. They talked.").size(), 2u);
  EXPECT_EQ(sentences("\xC2\xABIt was a brilliant operation,\xC2\xBB Lukashenka said. He left.").size(), 2u);
  auto quoted = sentences("He said: \"We will win.\" Then he left the room quietly.");
  ASSERT_EQ(quoted.size(), 2u);
  EXPECT_EQ(quoted[0], "He said: \"We will win.\"");
  // A period inside a name, with no space on either side, ends nothing.
  EXPECT_EQ(sentences("Sergey Markov in the comment for Caliber.Az ruled out the possibility. He left.").size(), 2u);
  EXPECT_EQ(sentences("Read it on News.Az or Trend.Az today. Then leave.").size(), 2u);
}

TEST(Segment, WrappedLinesJoinButTitlesStandAlone) {
  auto s = sentences("Apple to lower UK iTunes prices\nThe store was renamed\nto iTunes Store in 2006.\n");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Apple to lower UK iTunes prices");
  EXPECT_EQ(s[1], "The store was renamed\nto iTunes Store in 2006.");
}

TEST(Segment, TokensKeepNumbersAndNamesWhole) {
  Document doc = load("Posted on 20.07.2022 at 13:34, Kassym-Jomart Tokayev's 2,030 servicemen arrived in the U.S. today.");
  Segmentation seg = segment(doc, Resources::standard());
  std::vector<std::string> words;
  for (const auto& t : seg.tokens) words.emplace_back(doc.slice(t.span));
  for (const char* expected : {"20.07.2022", "13:34", "Kassym-Jomart", "2,030", "U.S."})
    EXPECT_NE(std::find(words.begin(), words.end(), expected), words.end()) << expected;
}

// The pipeline makes one marker and one segmenter and reuses them for every
// document: reuse must not carry anything from one document to the next.
TEST(Segment, AReusedMarkerAndSegmenterGiveWhatFreshOnesGive) {
  const BoilerplateMarker marker(Resources::standard());
  const Segmenter segmenter(Resources::standard());
  const std::string texts[] = {
      "Share this\nHome | News\n\nThe talks in Geneva ended on Tuesday. Mr. Smith left at 5 p.m. and flew home.\n",
      "Putin met Tokayev in Moscow on May 16, 2022. The U.S. was not invited.\nSubscribe\n",
      "One line without a stop but with enough words to be a sentence of prose here",
  };
  for (int round = 0; round < 2; ++round)
    for (const auto& text : texts) {
      auto reused = make_document("t.txt", text);
      ASSERT_TRUE(reused.ok());
      marker.mark(*reused);
      Document fresh = load(text);
      ASSERT_EQ(reused->lines.size(), fresh.lines.size());
      for (size_t i = 0; i < fresh.lines.size(); ++i) EXPECT_EQ(reused->lines[i].kind, fresh.lines[i].kind) << text;
      EXPECT_EQ(reused->title, fresh.title);
      Segmentation a = segmenter.segment(*reused), b = segment(fresh, Resources::standard());
      ASSERT_EQ(a.sentences.size(), b.sentences.size()) << text;
      ASSERT_EQ(a.tokens.size(), b.tokens.size()) << text;
      for (size_t i = 0; i < a.sentences.size(); ++i) EXPECT_EQ(a.sentences[i].span, b.sentences[i].span);
      for (size_t i = 0; i < a.tokens.size(); ++i) EXPECT_EQ(a.tokens[i].span, b.tokens[i].span);
    }
}

TEST(FoldCase, FoldsAsciiAndCyrillic) {
  EXPECT_EQ(fold_case("JANUARY"), "january");
  EXPECT_EQ(fold_case("\xD0\x92 \xD0\xAF\xD0\x9D\xD0\x92\xD0\x90\xD0\xA0\xD0\x95"), "\xD0\xB2 \xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD0\xB5");
}

TEST(Resources, EveryTableParsesAndOverridesApply) {
  const auto& resources = Resources::standard();
  for (const auto& name : resources.names()) {
    auto table = resources.table(name);
    EXPECT_TRUE(table.ok()) << name << ": " << (table ? "" : table.error().to_string());
  }
  auto missing = Resources::open("/nonexistent-dir");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "resource directory does not exist");
}

TEST(Resources, BoilerplateExamplesHold) {
  auto table = Resources::standard().table("en/boilerplate.tsv", 2);
  ASSERT_TRUE(table.ok());
  ASSERT_FALSE(table->examples.empty());
  for (const auto& example : table->examples) {
    auto arrow = example.find(" => ");
    ASSERT_NE(arrow, std::string::npos) << example;
    std::string line = example.substr(0, arrow), expected = example.substr(arrow + 4);
    Document doc = load("The summit was held in Moscow and ended with a joint statement.\n\n" + line +
                        "\n\nThe leaders agreed to meet again in the autumn of this year.\n");
    EXPECT_EQ(doc.lines[2].kind == LineKind::boilerplate ? "boilerplate" : "body", expected) << line;
  }
}

}  // namespace
}  // namespace annals
