// HTML pages and TimeML files as input: the text a reader sees, and the
// publication date from the metadata (over a date line, never a footer).
#include <chrono>
#include <functional>

#include <gtest/gtest.h>

#include "pipeline.h"
#include "test_support.h"
#include "text/markup.h"

namespace annals {
namespace {

const char* kPage = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CSTO troops leave Kazakhstan &#8211; World News</title>
<meta property="article:published_time" content="2022-01-14T10:05:00+06:00">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-01-13T09:00:00Z"}</script>
<style>body { font: 12px }</style>
<script>var x = "<p>not text</p>"; if (a < b) {}</script>
<!-- <p>a comment</p> -->
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>CSTO troops leave Kazakhstan</h1>
<p>Posted: 20.07.2021 13:34:00</p>
<p>On January 13 the <b>CSTO</b> began to withdraw its forces from Kazakhstan, a week after President Tokayev
requested military assistance. &ldquo;The mission is over,&rdquo; Tokayev said. Costs &lt; $5&nbsp;m &amp; falling.</p>
<ul><li>The Belarusian contingent returned home the next day.</li><li>Armenia's followed.</li></ul>
</article>
<footer>&copy; 2025 World News. All rights reserved.</footer>
</body></html>
)";

TEST(Markup, HtmlGivesTheTextAReaderSees) {
  ASSERT_TRUE(is_markup(kPage));
  MarkupText page = extract_markup(kPage);
  EXPECT_EQ(page.text.find("not text"), std::string::npos);
  EXPECT_EQ(page.text.find("font"), std::string::npos);
  EXPECT_EQ(page.text.find("a comment"), std::string::npos);
  EXPECT_EQ(page.text.find('<'), page.text.find("< $5")) << "only the escaped one";
  EXPECT_NE(page.text.find("CSTO troops leave Kazakhstan \xE2\x80\x93 World News\n"), std::string::npos);
  EXPECT_EQ(page.text.find("Home"), std::string::npos) << "navigation is not the article";
  EXPECT_EQ(page.text.find("2025"), std::string::npos) << "nor is the page footer";
  EXPECT_NE(page.text.find("On January 13 the CSTO began to withdraw its forces from Kazakhstan, a week after "
                           "President Tokayev requested military assistance. \xE2\x80\x9CThe mission is over,"
                           "\xE2\x80\x9D Tokayev said. Costs < $5 m & falling.\n"),
            std::string::npos)
      << page.text;
  EXPECT_NE(page.text.find("the next day.\nArmenia's followed.\n"), std::string::npos) << "list items are lines";
  EXPECT_EQ(page.published, "2022-01-14T10:05") << "Open Graph first, then schema.org";
  EXPECT_FALSE(is_markup("Plain text that mentions <html> later.\n"));
}

TEST(Markup, ThePublicationDateComesFromWhereverThePageGivesIt) {
  auto published = [](const std::string& head) {
    return extract_markup("<html><head>" + head + "</head><body><p>Text.</p></body></html>").published;
  };
  EXPECT_EQ(published(R"(<script type="application/ld+json">{"datePublished": "2022-06-08T17:58:00+03:00"}</script>)"),
            "2022-06-08T17:58");
  EXPECT_EQ(published(R"(<meta itemprop="datePublished" content="2022-06-08">)"), "2022-06-08");
  EXPECT_EQ(published(R"(<meta name="pubdate" content="20220608">)"), "2022-06-08");
  EXPECT_EQ(published(R"(<time datetime="2022-06-08T08:00" pubdate>June 8</time>)"), "2022-06-08T08:00");
  EXPECT_EQ(published(R"(<time datetime="2022-06-09">June 9</time>)"), std::nullopt) << "any date is not the date";
  EXPECT_EQ(published(R"(<meta name="description" content="2022-06-08 news">)"), std::nullopt);
}

Document analysed(const std::string& name, const std::string& bytes) {
  static auto pipeline = Pipeline::create(Resources::standard(), {});
  auto doc = make_document(name, bytes);
  EXPECT_TRUE(doc.ok()) << (doc ? "" : doc.error().to_string());
  return pipeline->analyse(std::move(*doc)).doc;
}

TEST(Markup, TheMetadataDateIsTheArticlesDate) {
  Document doc = analysed("page.html", kPage);
  ASSERT_TRUE(doc.dct);
  EXPECT_EQ(doc.dct->value, "2022-01-14T10:05");
  EXPECT_EQ(doc.dct->source, DctSource::metadata);
  // An impossible date in the metadata: the date line in the text instead.
  std::string bad = kPage;
  bad.replace(bad.find("2022-01-14T10:05:00"), 10, "2022-02-30");
  bad.replace(bad.find("\"datePublished\""), 15, "\"dateModified\"");
  doc = analysed("bad.html", bad);
  ASSERT_TRUE(doc.dct);
  EXPECT_EQ(doc.dct->value, "2021-07-20T13:34:00");
  EXPECT_EQ(doc.dct->source, DctSource::text);
}

TEST(Markup, TimeMLFilesGiveTheirTextAndDct) {
  const char* tml = R"(<?xml version="1.0" ?>
<TimeML>
<DOCID>APW19980227.0494</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" temporalFunction="false" functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT>
<TEXT>
The army <EVENT eid="e1" class="OCCURRENCE">left</EVENT> the city <TIMEX3 tid="t1" type="DATE" value="1998-02-26">yesterday</TIMEX3>.

Officials <EVENT eid="e2" class="REPORTING">said</EVENT> so.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
</TimeML>
)";
  ASSERT_TRUE(is_markup(tml));
  MarkupText file = extract_markup(tml);
  EXPECT_EQ(file.published, "1998-02-27");
  EXPECT_EQ(file.text, "The army left the city yesterday.\n\nOfficials said so.\n");
  Document doc = analysed("apw.tml", tml);
  ASSERT_TRUE(doc.dct);
  EXPECT_EQ(doc.dct->value, "1998-02-27");
}

TEST(Markup, APageWithNoTextIsAClearError) {
  auto doc = make_document("empty.html", "<!DOCTYPE html><html><head><title></title></head><body></body></html>");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().to_string(), "empty.html: no text in the page, only markup");
}

double seconds(const std::function<void()>& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Unclosed tags, quotes, comments and scripts, and endless entities: one
// pass, whatever the page holds.
TEST(Markup, HostilePagesTakeLinearTime) {
  const std::string shapes[] = {"<a href=\"x ", "<p", "<!-- ", "<script>", "&#12345", "&amp", "< ", "</"};
  for (const auto& shape : shapes) {
    auto page = [&](size_t n) {
      std::string s = "<!DOCTYPE html><html><body><p>Text.</p>";
      for (size_t i = 0; i < n; ++i) s += shape;
      return s;
    };
    std::string small = page(100000), large = page(400000);
    double t1 = 1e9, t4 = 1e9;
    for (int run = 0; run < 3; ++run) {
      t1 = std::min(t1, seconds([&] { extract_markup(small); }));
      t4 = std::min(t4, seconds([&] { extract_markup(large); }));
    }
    EXPECT_LT(t4, 8 * t1 + 0.05) << "'" << shape << "': 1x " << t1 << " s, 4x " << t4 << " s";
  }
}

}  // namespace
}  // namespace annals
