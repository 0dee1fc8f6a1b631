// Time engine tests: tables of (text, DCT, expected timexes), the "# example:"
// lines of every time resource file, DCT finding and parsing, the validity of
// every emitted value, and robustness on hostile input.
//
// Expectation syntax (also used by the resource examples):
//   "-"                                   no timex
//   "DATE 2022-05-16"                     one timex of that type and value
//   "DATE 2022 mod=END end=2009 quant=EVERY \"span text\""  extra checks
//   "DATE 2022-01-10 ; DATE 2022-01-11"   several, in text order
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <random>

#include "test_support.h"
#include "text/document.h"
#include "text/segment.h"
#include "time/timex.h"
#include "util/resources.h"

namespace annals {
namespace {

const TimeTagger& tagger() {
  static const TimeTagger instance = [] {
    auto created = TimeTagger::create(Resources::standard());
    if (!created) {
      ADD_FAILURE() << created.error().to_string();
      std::abort();
    }
    return std::move(*created);
  }();
  return instance;
}

struct Tagged {
  Document doc;
  std::vector<Timex> timexes;
};

// Every non-blank line is treated as content: these tests are about time
// expressions, not about the boilerplate classifier.
Tagged tag_text(const std::string& text, const std::string& dct) {
  auto doc = make_document("test.txt", text);
  EXPECT_TRUE(doc.ok()) << text;
  Tagged t{std::move(*doc), {}};
  mark_boilerplate(t.doc, Resources::standard());
  for (Line& line : t.doc.lines)
    if (line.kind != LineKind::blank) line.kind = LineKind::body;
  if (!dct.empty() && dct != "-") {
    auto parsed = TimeTagger::parse_dct(dct);
    EXPECT_TRUE(parsed.ok()) << dct;
    if (parsed) t.doc.dct = *parsed;
  }
  auto seg = segment(t.doc, Resources::standard());
  t.timexes = tagger().tag(t.doc, seg);
  return t;
}

std::string trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> split(std::string_view s, std::string_view by) {
  std::vector<std::string> parts;
  while (true) {
    size_t at = s.find(by);
    parts.push_back(trim(s.substr(0, at)));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + by.size());
  }
  return parts;
}

std::string describe(const Tagged& t) {
  std::string out;
  for (const auto& x : t.timexes) {
    out += std::string(to_string(x.type)) + " " + x.value;
    if (!x.mod.empty()) out += " mod=" + x.mod;
    if (!x.quant.empty()) out += " quant=" + x.quant;
    if (!x.range_end.empty()) out += " end=" + x.range_end;
    out += " \"" + std::string(t.doc.slice(x.span)) + "\" ; ";
  }
  return out.empty() ? "-" : out;
}

// Checks a tagged text against an expectation; returns "" or a complaint.
std::string check(const Tagged& t, const std::string& expected) {
  std::vector<std::string> items;
  if (trim(expected) != "-") items = split(expected, " ; ");
  if (items.size() != t.timexes.size())
    return "expected " + expected + ", got " + describe(t);
  for (size_t i = 0; i < items.size(); ++i) {
    const Timex& x = t.timexes[i];
    std::string item = items[i];
    std::string span;
    if (auto quote = item.find('"'); quote != std::string::npos) {
      span = item.substr(quote + 1, item.rfind('"') - quote - 1);
      item = trim(item.substr(0, quote));
    }
    auto words = split(item, " ");
    bool ok = words.size() >= 2 && words[0] == to_string(x.type) && words[1] == x.value;
    std::string mod, quant, end;
    for (size_t w = 2; w < words.size(); ++w) {
      if (words[w].starts_with("mod=")) mod = words[w].substr(4);
      else if (words[w].starts_with("quant=")) quant = words[w].substr(6);
      else if (words[w].starts_with("end=")) end = words[w].substr(4);
      else return "bad expectation: " + items[i];
    }
    ok = ok && mod == x.mod && quant == x.quant && end == x.range_end;
    ok = ok && (span.empty() || span == t.doc.slice(x.span));
    if (!ok) return "expected " + expected + ", got " + describe(t);
  }
  return "";
}

struct Case {
  const char* text;
  const char* dct;
  const char* expected;
};

void run_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    Tagged t = tag_text(c.text, c.dct);
    std::string problem = check(t, c.expected);
    EXPECT_EQ(problem, "") << "text: " << c.text << "  dct: " << c.dct;
  }
}

TEST(TimeAbsolute, FullDates) {
  run_cases({
      {"08 June 2022", "-", "DATE 2022-06-08"},
      {"8 June 2022", "-", "DATE 2022-06-08"},
      {"June 8, 2022", "-", "DATE 2022-06-08"},
      {"June 8 2022", "-", "DATE 2022-06-08"},
      {"on June 8, 2022, he said", "-", "DATE 2022-06-08 \"June 8, 2022\""},
      {"Jan. 5, 2022", "-", "DATE 2022-01-05"},
      {"Sept. 30, 1989", "-", "DATE 1989-09-30"},
      {"Dec 31, 1999", "-", "DATE 1999-12-31"},
      {"the 5th of January 2021", "-", "DATE 2021-01-05 \"the 5th of January 2021\""},
      {"the first of May, 2020", "-", "DATE 2020-05-01"},
      {"June 21st, 2019", "-", "DATE 2019-06-21"},
      {"20.07.2022", "-", "DATE 2022-07-20"},
      {"1.2.2003", "-", "DATE 2003-02-01"},
      {"2022-06-08", "-", "DATE 2022-06-08"},
      {"10/30/89", "-", "DATE 1989-10-30"},
      {"02/13/1998", "-", "DATE 1998-02-13"},
      {"Wednesday, June 8, 2022", "-", "DATE 2022-06-08 \"Wednesday, June 8, 2022\""},
      {"On 29 February 2024 it snowed.", "-", "DATE 2024-02-29"},
      {"On 29 February 2000 it snowed.", "-", "DATE 2000-02-29"},
      {"February 28, 1900", "-", "DATE 1900-02-28"},
      {"December 31, 2021", "-", "DATE 2021-12-31"},
      {"January 1, 2022", "-", "DATE 2022-01-01"},
  });
}

TEST(TimeAbsolute, Times) {
  run_cases({
      {"08 June 2022 17:58", "-", "TIME 2022-06-08T17:58"},
      {"20.07.2022 13:34:00", "-", "TIME 2022-07-20T13:34:00"},
      {"02/13/1998 14:26:00", "-", "TIME 1998-02-13T14:26:00"},
      {"at 17:58", "2022-06-08", "TIME 2022-06-08T17:58 \"17:58\""},
      {"at 5 p.m.", "2022-06-08", "TIME 2022-06-08T17:00"},
      {"at 5 pm", "2022-06-08", "TIME 2022-06-08T17:00"},
      {"at 7:15 a.m. EST", "1998-02-12", "TIME 1998-02-12T07:15"},
      {"at 12 a.m.", "2022-06-08", "TIME 2022-06-08T00:00"},
      {"at 10 p.m. Wednesday", "1998-02-13", "TIME 1998-02-11T22:00"},
      {"at 12 p.m.", "2022-06-08", "TIME 2022-06-08T12:00"},
      {"around 7:15 p.m.", "1998-02-12", "TIME 1998-02-12T19:15 mod=APPROX"},
      {"at noon", "2022-06-08", "TIME 2022-06-08T12:00"},
      {"at midnight", "2022-06-08", "TIME 2022-06-08T24:00"},
      {"at 5 p.m.", "-", "TIME XXXX-XX-XXT17:00"},
      {"June 8, 2022 at 10:30", "-", "TIME 2022-06-08T10:30"},
      {"this morning", "2022-06-08", "TIME 2022-06-08TMO"},
      {"yesterday evening", "2022-06-08", "TIME 2022-06-07TEV"},
      {"tonight", "2022-06-08", "TIME 2022-06-08TNI"},
      {"Friday night", "2022-06-08", "TIME 2022-06-03TNI"},
  });
}

TEST(TimePartial, MonthsDaysYears) {
  run_cases({
      {"On May 16, a summit was held.", "2022-06-08", "DATE 2022-05-16 \"May 16\""},
      {"On May 16, a summit was held.", "-", "DATE XXXX-05-16"},
      {"on January 10", "2022-06-08", "DATE 2022-01-10 \"January 10\""},
      {"in June", "2022-06-08", "DATE 2022-06 \"June\""},
      {"in January", "2022-06-08", "DATE 2022-01"},
      {"January", "2022-06-08", "DATE 2022-01"},
      {"in 2022", "-", "DATE 2022"},
      {"the 1990s", "-", "DATE 199 \"the 1990s\""},
      {"in the 1980s", "-", "DATE 198 \"the 1980s\""},
      {"June 2022", "-", "DATE 2022-06"},
      {"in June, 2021", "-", "DATE 2021-06"},
      {"16 May", "2022-06-08", "DATE 2022-05-16"},
      {"the 5th of January", "2022-06-08", "DATE 2022-01-05"},
      {"fiscal 1989", "-", "DATE 1989"},
      {"the 21st century", "-", "DATE 20"},
      {"Sept. 30", "1989-11-02", "DATE 1989-09-30"},
      {"XXX-free", "-", "-"},
  });
}

// Holidays on a fixed day of the year are dates; the year as for "Dec. 25".
TEST(TimePartial, FixedHolidays) {
  run_cases({
      {"He will be home by Christmas.", "1998-08-12", "DATE 1998-12-25 \"Christmas\""},
      {"They met on Christmas Day.", "1998-08-12", "DATE 1997-12-25 \"Christmas Day\""},
      {"On Christmas Eve, he left.", "1998-08-12", "DATE 1997-12-24"},
      {"The attack came on New Year's Eve.", "1998-08-12", "DATE 1997-12-31 \"New Year's Eve\""},
      {"They celebrated New Year's Day 1997.", "1998-08-12", "DATE 1997-01-01"},
      {"They met on Valentine's Day.", "1998-08-12", "DATE 1998-02-14"},
      {"He came on Christmas Day, 1995.", "1998-08-12", "DATE 1995-12-25 \"Christmas Day, 1995\""},
      {"They wished him a happy new year.", "1998-08-12", "-"},
  });
}

TEST(TimePartial, FalseFriends) {
  run_cases({
      {"It may rain.", "2022-06-08", "-"},
      {"Prices may fall.", "2022-06-08", "-"},
      {"May he rest in peace.", "2022-06-08", "-"},
      {"They march to the square.", "2022-06-08", "-"},
      {"March on, comrades.", "2022-06-08", "-"},
      {"In total, 2,030 servicemen arrived.", "2022-06-08", "-"},
      {"According to Art. 4 of the treaty", "2022-06-08", "-"},
      {"timed to the 30th anniversary", "2022-06-08", "-"},
      {"earned $ 1 billion", "2022-06-08", "-"},
      {"Call +7 495 123-45-67 now.", "-", "DATE PRESENT_REF \"now\""},
      {"Call 8 800 555 35 35.", "-", "-"},
      {"It costs 1500 rubles.", "-", "DATE 1500"},
      {"the year 99999", "-", "-"},
      {"in -5000", "-", "-"},
      {"February 30", "2022-06-08", "DATE 2022-02 \"February\""},
      {"February 30, 2022", "-", "DATE XXXX-02 ; DATE 2022"},
      {"February 29, 2023", "-", "DATE XXXX-02-29 ; DATE 2023"},
      {"32.13.2022", "-", "-"},
      {"the second time", "2022-06-08", "-"},
      {"at a fall in prices", "2022-06-08", "-"},
      {"May 16", "2022-06-08", "DATE 2022-05-16"},
      {"In May the summit opened.", "2022-06-08", "DATE 2022-05"},
      {"The Sun reported it.", "2022-06-08", "-"},
      // "the future of" / "the past of" something is a thing, not a time.
      {"It is vital to the future of our peoples.", "2022-06-08", "-"},
      {"The near future of the plant is unclear.", "2022-06-08", "-"},
      {"They forgot the past of the town.", "2022-06-08", "-"},
      {"In the future, officials will decide.", "2022-06-08", "DATE FUTURE_REF \"the future\""},
      {"Prices rose in the past.", "2022-06-08", "DATE PAST_REF \"the past\""},
      // "Now," opening a sentence is a discourse word; "now" elsewhere a time.
      {"Now, he says, it looks like the West wants to delay.", "2022-06-08", "-"},
      {"Now, following asset sales, revenue shrank.", "2022-06-08", "-"},
      {"Now officials are investigating.", "2022-06-08", "DATE PRESENT_REF \"Now\""},
      {"For now, the talks go on.", "2022-06-08", "DATE PRESENT_REF \"now\""},
      {"They are developing it now, he said.", "2022-06-08", "DATE PRESENT_REF \"now\""},
      {"May, not June, was the worst month.", "2022-06-08", "DATE 2022-06 \"June\""},
  });
}

TEST(TimePartial, YearFromTenseAndDct) {
  run_cases({
      {"The talks were held on December 30.", "2023-01-02", "DATE 2022-12-30"},
      {"on December 30", "2023-01-02", "DATE 2022-12-30"},
      {"The summit will be held in June.", "2022-01-10", "DATE 2022-06"},
      {"The summit will be held in January.", "2022-06-08", "DATE 2023-01"},
      {"The summit was held in July.", "2022-06-08", "DATE 2021-07"},
      {"on Nov. 16", "1989-11-02", "DATE 1989-11-16"},
      {"It happened in June.", "2023-01-05", "DATE 2022-06"},
      {"The vote will take place on January 3.", "2022-12-20", "DATE 2023-01-03"},
      {"The vote took place on December 20.", "2023-01-10", "DATE 2022-12-20"},
      {"in the spring", "2022-06-08", "DATE 2022-SP"},
      {"on February 29", "2024-03-10", "DATE 2024-02-29"},
      {"on February 29", "2023-03-10", "DATE 2024-02-29"},
      {"It was held on February 29.", "2023-03-10", "DATE 2023-02 \"February\""},
      // A day just after the DCT is this year's even in a past-tense sentence.
      {"The offer had been set to expire Nov. 6.", "1989-11-02", "DATE 1989-11-06"},
      {"The bid was extended to Nov. 16.", "1989-10-30", "DATE 1989-11-16"},
      {"The bid was extended to Dec. 31.", "1989-10-30", "DATE 1989-12-31"},
      {"The bid was extended to March 16.", "1989-10-30", "DATE 1989-03-16"},
      // The nearest verb decides: "met" before the weekday, not "will" after it.
      {"The king met Saddam Monday and will see Bush.", "1990-08-15", "DATE 1990-08-13"},
      {"The king will see Bush Monday.", "1990-08-15", "DATE 1990-08-20"},
      // "until", "till", "effective" name a time still to come, whatever the
      // tense; "since" one already begun. "by" decides nothing.
      {"The bid was extended until March 16.", "1989-10-30", "DATE 1990-03-16"},
      {"The pact, effective June 1, was signed.", "1989-10-26", "DATE 1990-06-01 \"June 1\""},
      {"The pact, which was signed, runs till February.", "1989-10-26", "DATE 1990-02"},
      {"The offer was extended until Friday.", "1998-03-18", "DATE 1998-03-20"},
      {"Troops have stayed there since Friday.", "1998-03-18", "DATE 1998-03-13"},
      {"Prices will stay where they have been since November.", "1998-03-18", "DATE 1997-11"},
      {"The talks had ended by February.", "1998-03-22", "DATE 1998-02"},
      {"The bid was extended to March 16 until Friday.", "1989-10-30", "DATE 1989-03-16 ; DATE 1989-11-03"},
  });
}

TEST(TimeRelative, ToDct) {
  run_cases({
      {"today", "2022-06-08", "DATE 2022-06-08"},
      {"yesterday", "2022-06-08", "DATE 2022-06-07"},
      {"yesterday", "2022-01-01", "DATE 2021-12-31"},
      {"yesterday", "2024-03-01", "DATE 2024-02-29"},
      {"yesterday", "2023-03-01", "DATE 2023-02-28"},
      {"tomorrow", "2022-12-31", "DATE 2023-01-01"},
      {"this year", "2022-06-08", "DATE 2022"},
      {"last year", "2022-06-08", "DATE 2021"},
      {"next year", "2022-06-08", "DATE 2023"},
      {"this month", "2022-06-08", "DATE 2022-06"},
      {"last month", "2022-01-15", "DATE 2021-12"},
      {"next month", "2022-12-08", "DATE 2023-01"},
      {"last week", "2022-06-08", "DATE 2022-W22"},
      {"this week", "2022-06-08", "DATE 2022-W23"},
      {"next week", "2021-12-29", "DATE 2022-W01"},
      {"last week", "2021-01-06", "DATE 2020-W53"},
      {"two days ago", "2022-06-08", "DATE 2022-06-06"},
      {"2 days ago", "2022-03-01", "DATE 2022-02-27"},
      {"three years ago", "2022-06-08", "DATE 2019"},
      {"a year ago", "2022-06-08", "DATE 2021"},
      {"a week ago", "2022-06-08", "DATE 2022-W22"},
      {"six months ago", "2022-03-08", "DATE 2021-09"},
      {"earlier this month", "2022-06-08", "DATE 2022-06 mod=START"},
      {"earlier this year", "2022-06-08", "DATE 2022 mod=START"},
      {"later this year", "2022-06-08", "DATE 2022 mod=END"},
      {"early next year", "2022-06-08", "DATE 2023 mod=START"},
      {"in January this year", "2022-06-08", "DATE 2022-01 \"January this year\""},
      {"in January last year", "2022-06-08", "DATE 2021-01"},
      {"in the autumn of this year", "2022-06-08", "DATE 2022-FA \"the autumn of this year\""},
      {"in the summer of last year", "2022-06-08", "DATE 2021-SU"},
      {"this autumn", "2022-06-08", "DATE 2022-FA"},
      {"this past spring", "1989-11-02", "DATE 1989-SP"},
      {"last spring", "2022-06-08", "DATE 2022-SP"},
      {"last spring", "2022-04-08", "DATE 2021-SP"},
      {"next June", "2022-06-08", "DATE 2023-06"},
      {"last April", "1989-11-02", "DATE 1989-04"},
      {"recently", "2022-06-08", "DATE PAST_REF"},
      {"now", "2022-06-08", "DATE PRESENT_REF"},
      {"currently", "-", "DATE PRESENT_REF"},
      {"in the past", "-", "DATE PAST_REF \"the past\""},
      {"in the future", "-", "DATE FUTURE_REF"},
      {"soon", "-", "-"},
      {"in the near term", "-", "DATE FUTURE_REF \"the near term\""},
      {"this quarter", "1989-11-02", "DATE 1989-Q4"},
      {"last quarter", "1989-02-02", "DATE 1988-Q4"},
      {"the third quarter", "1989-11-02", "DATE 1989-Q3"},
      {"third-quarter", "1989-11-02", "DATE 1989-Q3"},
      {"the first half", "1989-11-02", "DATE 1989-H1"},
      {"the last decade", "1989-11-02", "DATE 197"},
      {"this weekend", "2022-06-08", "DATE 2022-W23-WE"},
      {"last Friday", "2022-06-08", "DATE 2022-06-03"},
      {"next Monday", "2022-06-08", "DATE 2022-06-13"},
      {"next Wednesday", "2022-06-08", "DATE 2022-06-15"},
      {"on Friday", "2022-06-08", "DATE 2022-06-03"},
      {"He will arrive on Friday.", "2022-06-08", "DATE 2022-06-10"},
      {"on Friday", "-", "DATE XXXX-WXX-5"},
      {"yesterday", "-", "DATE XXXX-XX-XX"},
      {"last year", "-", "DATE XXXX"},
  });
}

// Calendar arithmetic at month ends, leap days and year boundaries.
TEST(TimeRelative, CalendarEdges) {
  run_cases({
      {"tomorrow", "2022-01-31", "DATE 2022-02-01"},
      {"tomorrow", "2024-02-28", "DATE 2024-02-29"},
      {"tomorrow", "2023-02-28", "DATE 2023-03-01"},
      {"tomorrow", "2000-02-28", "DATE 2000-02-29"},
      {"tomorrow", "1900-02-28", "DATE 1900-03-01"},
      {"yesterday", "2022-03-01", "DATE 2022-02-28"},
      {"yesterday", "2020-03-01", "DATE 2020-02-29"},
      {"yesterday", "2022-05-01", "DATE 2022-04-30"},
      {"three days ago", "2022-01-02", "DATE 2021-12-30"},
      {"ten days ago", "2024-03-05", "DATE 2024-02-24"},
      {"a month ago", "2022-03-31", "DATE 2022-02"},
      {"last month", "2022-03-31", "DATE 2022-02"},
      {"two months ago", "2022-01-15", "DATE 2021-11"},
      {"next month", "2021-12-31", "DATE 2022-01"},
      {"last year", "2022-01-01", "DATE 2021"},
      {"next year", "2022-12-31", "DATE 2023"},
      {"last week", "2022-01-03", "DATE 2021-W52"},
      {"next week", "2020-12-28", "DATE 2021-W01"},
      {"this week", "2021-01-01", "DATE 2020-W53"},
      {"this week", "2024-12-30", "DATE 2025-W01"},
      {"last quarter", "2022-01-15", "DATE 2021-Q4"},
      {"next quarter", "2022-11-15", "DATE 2023-Q1"},
      {"the next decade", "2022-06-08", "DATE 203"},
      {"last century", "2022-06-08", "DATE 19"},
      {"February", "2024-06-08", "DATE 2024-02"},
      {"December 31", "2022-01-01", "DATE 2021-12-31"},
      {"January 1", "2021-12-31", "DATE 2022-01-01"},
      {"on December 25", "2022-12-27", "DATE 2022-12-25"},
      {"in December", "2023-01-03", "DATE 2022-12"},
      {"in January", "2022-12-20", "DATE 2023-01"},
      {"in the winter", "2022-01-15", "DATE 2021-WI"},
      {"last Sunday", "2022-01-03", "DATE 2022-01-02"},
      {"last Monday", "2022-01-03", "DATE 2021-12-27"},
      {"next Monday", "2021-12-30", "DATE 2022-01-03"},
      {"yesterday", "9999-12-31", "DATE 9999-12-30"},
      {"tomorrow", "9999-12-31", "-"},
      {"next year", "9999-06-01", "-"},
      {"yesterday", "0001-01-01", "-"},
  });
}

TEST(TimeRelative, ToNarrative) {
  run_cases({
      {"On January 10, Tokayev spoke. The next day, he announced it.", "2022-06-08",
       "DATE 2022-01-10 ; DATE 2022-01-11 \"The next day\""},
      {"On January 14 they returned, and a day later they met.", "2022-06-08",
       "DATE 2022-01-14 ; DATE 2022-01-15 \"a day later\""},
      {"The talks began on March 3, 2020. Three days after, they ended.", "2022-06-08",
       "DATE 2020-03-03 ; DATE 2020-03-06"},
      {"They met on June 1, 2021. The following week they signed.", "2022-06-08",
       "DATE 2021-06-01 ; DATE 2021-W23"},
      {"They met on June 1, 2021. That evening they dined.", "2022-06-08",
       "DATE 2021-06-01 ; TIME 2021-06-01TEV \"That evening\""},
      {"On December 31, 2021 they met. The next day they left.", "-",
       "DATE 2021-12-31 ; DATE 2022-01-01"},
      {"On February 28, 2024 they met. The next day they left.", "-",
       "DATE 2024-02-28 ; DATE 2024-02-29"},
      {"On February 28, 2023 they met. The next day they left.", "-",
       "DATE 2023-02-28 ; DATE 2023-03-01"},
      {"On May 16 they met. The next day they left.", "-", "DATE XXXX-05-16 ; DATE XXXX-05-17"},
      {"The next day they left.", "2022-06-08", "DATE 2022-06-09"},
      {"The next day they left.", "-", "DATE XXXX-XX-XX"},
      {"In 1990 it began. That year, the wall fell.", "2022-06-08", "DATE 1990 ; DATE 1990"},
      {"On June 2, 2020 they met; two days earlier they had talked.", "-",
       "DATE 2020-06-02 ; DATE 2020-05-31"},
      {"On June 2, 2020 they met; the day before, they had talked.", "-",
       "DATE 2020-06-02 ; DATE 2020-06-01"},
      {"On June 2, 2020 they met; the same day they talked.", "-",
       "DATE 2020-06-02 ; DATE 2020-06-02"},
      {"On June 2, 2020 they met. At 5 p.m. they talked.", "-",
       "DATE 2020-06-02 ; TIME 2020-06-02T17:00"},
  });
}

// "the previous Friday" steps back from the day the story is at.
TEST(TimeRelative, WeekdayFromNarrative) {
  run_cases({
      {"He met Bush on Tuesday. The previous Friday he had met Clinton.", "1998-08-12",
       "DATE 1998-08-11 ; DATE 1998-08-07 \"The previous Friday\""},
      {"Stocks fell Oct. 27, down 4.5% from the previous Friday.", "1989-10-30",
       "DATE 1989-10-27 ; DATE 1989-10-20 \"the previous Friday\""},
      {"They arrived on March 3. The following Monday they left.", "1998-03-20",
       "DATE 1998-03-03 ; DATE 1998-03-09 \"The following Monday\""},
      {"With no date before it, it counts from the DCT: the previous Friday.", "1989-10-30",
       "DATE 1989-10-27"},
      {"They will build it in the near future.", "-", "DATE FUTURE_REF \"the near future\""},
      {"Exports rose in the first half of this year.", "1998-08-14",
       "DATE 1998-H1 \"the first half of this year\""},
      {"Prices rose in the first quarter of last year.", "1998-08-14", "DATE 1997-Q1"},
      {"It will rise in the last half of next year.", "1998-08-14", "DATE 1999-H2"},
      {"Stocks fell Friday after overnight losses in Tokyo.", "1998-08-12",
       "DATE 1998-08-07 ; TIME 1998-08-06TNI \"overnight\""},
      {"Rain fell overnight.", "1998-08-12", "TIME 1998-08-11TNI"},
  });
}

TEST(TimeFuzzy, ModsSeasonsQuartersEdges) {
  run_cases({
      {"early June", "2022-06-08", "DATE 2022-06 mod=START"},
      {"It should be in place by year's end.", "1989-10-26", "DATE 1989 mod=END \"year's end\""},
      {"It closes by year-end.", "1989-10-26", "DATE 1989 mod=END \"year-end\""},
      {"in mid-June", "2022-06-08", "DATE 2022-06 mod=MID \"mid-June\""},
      {"late June", "2022-06-08", "DATE 2022-06 mod=END"},
      {"in late 2021", "-", "DATE 2021 mod=END"},
      {"in the late 1990s", "-", "DATE 199 mod=END"},
      {"in early 2022", "-", "DATE 2022 mod=START"},
      {"in the spring of 2021", "-", "DATE 2021-SP"},
      {"in summer 2021", "-", "DATE 2021-SU"},
      {"in the winter of 2020", "-", "DATE 2020-WI"},
      {"the fall of 2019", "-", "DATE 2019-FA"},
      {"this fall", "2022-06-08", "DATE 2022-FA"},
      {"the end of the year", "2022-06-08", "DATE 2022 mod=END"},
      {"by the end of this year", "2022-06-08", "DATE 2022 mod=END \"the end of this year\""},
      {"the beginning of next month", "2022-06-08", "DATE 2022-07 mod=START"},
      {"at the end of June", "2022-06-08", "DATE 2022-06 mod=END"},
      {"at the end of 2021", "-", "DATE 2021 mod=END"},
      {"the first quarter", "2022-06-08", "DATE 2022-Q1"},
      // A results report names its quarter once; "a year ago" later means that
      // quarter a year before, "last year" still the calendar year.
      {"Net rose in the third quarter. It was $5 a year ago.", "1989-11-02",
       "DATE 1989-Q3 ; DATE 1988-Q3"},
      {"Net rose in the third quarter. It was $5 a year ago, and $4 a year earlier.",
       "1989-11-02", "DATE 1989-Q3 ; DATE 1988-Q3 ; DATE 1988-Q3"},
      {"Net rose in the third quarter. Last year it fell.", "1989-11-02",
       "DATE 1989-Q3 ; DATE 1988"},
      // 1990-08-15 is a Wednesday: "the weekend" is the one just past.
      {"Talks were held over the weekend.", "1990-08-15", "DATE 1990-W32-WE"},
      {"Talks will be held over the weekend.", "1990-08-15", "DATE 1990-W33-WE"},
      {"Talks were held this weekend.", "1990-08-15", "DATE 1990-W33-WE"},
      {"Talks were held over the weekend.", "1990-08-18", "DATE 1990-W33-WE"},
      {"the fourth quarter of 2021", "-", "DATE 2021-Q4"},
      {"the past three months", "2022-06-08", "DURATION P3M \"the past three months\""},
      {"the last two years", "2022-06-08", "DURATION P2Y"},
      {"the past year", "2022-06-08", "DATE 2021"},
      {"year-end", "1989-11-02", "DATE 1989 mod=END"},
  });
}

TEST(TimeDuration, DurationsAndSets) {
  run_cases({
      {"three months", "-", "DURATION P3M"},
      {"3 months", "-", "DURATION P3M"},
      {"for two weeks", "-", "DURATION P2W \"two weeks\""},
      {"a two-week visit", "-", "DURATION P2W \"two-week\""},
      {"a 30-year bond", "-", "DURATION P30Y"},
      {"five years", "-", "DURATION P5Y"},
      {"twenty-five years", "-", "DURATION P25Y"},
      {"10 days", "-", "DURATION P10D"},
      {"48 hours", "-", "DURATION PT48H"},
      {"15 minutes", "-", "DURATION PT15M"},
      {"a decade", "-", "DURATION P1E"},
      {"two decades", "-", "DURATION P2E"},
      {"three centuries", "-", "DURATION P3C"},
      {"more than three months", "-", "DURATION P3M mod=MORE_THAN"},
      {"over two years", "-", "DURATION P2Y mod=MORE_THAN"},
      {"nearly a year", "-", "DURATION P1Y mod=LESS_THAN"},
      {"about two weeks", "-", "DURATION P2W mod=APPROX"},
      {"at least five days", "-", "DURATION P5D mod=EQUAL_OR_MORE"},
      {"up to 180 days", "-", "DURATION P180D mod=EQUAL_OR_LESS"},
      {"less than a week", "-", "DURATION P1W mod=LESS_THAN"},
      {"several days", "-", "DURATION PXD"},
      {"many years", "-", "DURATION PXY"},
      {"a few weeks", "-", "DURATION PXW"},
      {"the next several days", "-", "DURATION PXD"},
      {"the first nine months", "-", "DURATION P9M"},
      {"the nine months", "-", "DURATION P9M"},
      {"a week", "-", "DURATION P1W"},
      {"every year", "-", "SET P1Y quant=EVERY"},
      {"each month", "-", "SET P1M quant=EVERY"},
      {"every two weeks", "-", "SET P2W quant=EVERY"},
      {"every Monday", "-", "SET XXXX-WXX-1 quant=EVERY"},
      {"weekly", "-", "SET P1W"},
      {"daily", "-", "SET P1D"},
      {"annually", "-", "SET P1Y"},
      {"twice a week", "-", "SET P1W"},
      {"earning $ 50,000 a year", "-", "SET P1Y \"a year\""},
      {"from $ 5 a year ago", "2022-06-08", "DATE 2021 \"a year ago\""},
      {"for years", "-", "DURATION PXY \"years\""},
      {"52 years old", "-", "-"},
      {"a 52-year-old man", "-", "-"},
  });
}

// TimeML values have no fractions: the half goes into the next smaller unit.
TEST(TimeDuration, HalvesAndRoundNumbers) {
  run_cases({
      {"He served two and a half years in prison.", "-", "DURATION P2Y6M \"two and a half years\""},
      {"It took a year and a half.", "-", "DURATION P1Y6M \"a year and a half\""},
      {"They waited 2 1/2 years.", "-", "DURATION P2Y6M \"2 1/2 years\""},
      {"It lasted a minute and a half.", "-", "DURATION PT1M30S"},
      {"The flight took three and a half hours.", "-", "DURATION PT3H30M"},
      {"The strike lasted four and a half days.", "-", "DURATION P4DT12H"},
      {"It lasted two and a half weeks.", "-", "DURATION P17DT12H"},
      {"It lasted three and a half months.", "-", "DURATION P3M15D"},
      {"for more than two and a half decades", "-", "DURATION P25Y mod=MORE_THAN"},
      {"It lasted almost a hundred years.", "-", "DURATION P100Y mod=LESS_THAN"},
      {"It has been a dozen years.", "-", "DURATION P12Y \"a dozen years\""},
      {"The shares rose 2 1/2 to 37.", "-", "-"},
      {"AT and T fell nearly four to sixty-one and a half.", "-", "-"},
      {"He sold a hundred shares.", "-", "-"},
      {"It rained for 10 straight days.", "-", "DURATION P10D \"10 straight days\""},
      {"Prices fell for three consecutive weeks.", "-", "DURATION P3W"},
      {"They clashed for a second day Wednesday.", "1998-08-12", "DATE 1998-08-12 \"Wednesday\""},
      {"He won a second term.", "-", "-"},
      {"It was over in a second.", "-", "DURATION PT1S"},
      {"It took a second, or less.", "-", "DURATION PT1S \"a second\""},
      {"Troops will be sent within weeks.", "-", "DURATION PXW \"weeks\""},
      {"He died within weeks or months of his capture.", "-", "DURATION PXW \"weeks or months\""},
      {"It lasted for days or weeks.", "-", "DURATION PXD \"days or weeks\""},
      {"The order came within hours.", "-", "DURATION PTXH \"hours\""},
      {"The decade-long war ended.", "-", "DURATION P1E \"decade-long\""},
      {"The year-long strike ended.", "-", "DURATION P1Y \"year-long\""},
      {"The weeklong talks ended.", "-", "DURATION P1W \"weeklong\""},
      {"He gave a half-hour speech.", "-", "DURATION PT30M \"half-hour\""},
      {"He spoke for half an hour.", "-", "DURATION PT30M \"half an hour\""},
      {"The long march ended.", "-", "-"},
  });
}

// Decades written with two digits after an apostrophe; halves of a decade
// are the decade with a mod.
TEST(TimeFuzzy, ShortDecades) {
  run_cases({
      {"The disease spread in the '90s.", "1998-08-12", "DATE 199 \"the '90s\""},
      {"It grew in the mid-'80s.", "1998-08-12", "DATE 198 mod=MID"},
      {"It was popular in the ’20s.", "1998-08-12", "DATE 192"},
      {"Sales were flat in the last half of the '80s.", "1998-08-12",
       "DATE 198 mod=END \"the last half of the '80s\""},
      {"Prices rose in the first half of the 1990s.", "1998-08-12", "DATE 199 mod=START"},
      {"In their 90s they still work.", "1998-08-12", "-"},
      {"The bus carried 80s and 90s.", "-", "-"},
  });
}

TEST(TimeRange, Ranges) {
  run_cases({
      {"from June 28 to 30", "2022-06-08", "DATE 2022-06-28 end=2022-06-30 \"June 28 to 30\""},
      {"January 6–13", "2022-06-08", "DATE 2022-01-06 end=2022-01-13"},
      {"January 6-13, 2022", "-", "DATE 2022-01-06 end=2022-01-13"},
      {"June 28 to July 2", "2022-06-08", "DATE 2022-06-28 end=2022-07-02"},
      {"December 28 to January 3", "2022-06-08", "DATE 2021-12-28 end=2022-01-03"},
      {"28-30 June 2022", "-", "DATE 2022-06-28 end=2022-06-30"},
      {"between 2001 and 2009", "-", "DATE 2001 end=2009 \"between 2001 and 2009\""},
      {"from 2001 to 2009", "-", "DATE 2001 end=2009"},
      {"2001-2009", "-", "DATE 2001 end=2009"},
      {"between 2009 and 2001", "-", "DATE 2009 ; DATE 2001"},
  });
}

// A writer emits one TIMEX3 per end of a range, as TimeML annotates them.
TEST(TimeRange, PartSpans) {
  auto parts = [](const std::string& text) {
    Tagged t = tag_text(text, "2022-06-08");
    if (t.timexes.size() != 1) return describe(t);
    const Timex& x = t.timexes[0];
    return std::string(t.doc.slice(x.range_start_span)) + "|" + std::string(t.doc.slice(x.range_end_span));
  };
  EXPECT_EQ(parts("from June 28 to 30"), "June 28|30");
  EXPECT_EQ(parts("between 2001 and 2009"), "2001|2009");
  EXPECT_EQ(parts("January 6–13, 2022"), "January 6|13, 2022");
  EXPECT_EQ(parts("June 28 to July 2"), "June 28|July 2");
  Tagged single = tag_text("June 28", "2022-06-08");
  ASSERT_EQ(single.timexes.size(), 1u);
  EXPECT_EQ(single.timexes[0].range_start_span.size(), 0u);
}

TEST(TimeRussian, PhrasesInsideEnglish) {
  run_cases({
      {"В январе миротворцы ОДКБ участвовали в подавлении протестов.", "2022-06-08",
       "DATE 2022-01 \"январе\""},
      {"В январе миротворцы ОДКБ участвовали в подавлении протестов.", "-", "DATE XXXX-01"},
      {"16 мая 2022 года", "-", "DATE 2022-05-16 \"16 мая 2022 года\""},
      {"1 января", "2022-06-08", "DATE 2022-01-01"},
      {"в феврале", "2022-06-08", "DATE 2022-02"},
      {"в марте", "2022-06-08", "DATE 2022-03"},
      {"в апреле", "2022-06-08", "DATE 2022-04"},
      {"в мае", "2022-06-08", "DATE 2022-05"},
      {"в июне", "2022-06-08", "DATE 2022-06"},
      {"в июле", "2022-01-08", "DATE 2021-07"},
      {"в августе", "2022-06-08", "DATE 2022-08"},
      {"в августе было", "2022-06-08", "DATE 2021-08"},
      {"в сентябре 2021 года", "-", "DATE 2021-09"},
      {"в октябре", "2022-10-08", "DATE 2022-10"},
      {"в ноябре", "2022-06-08", "DATE 2021-11"},
      {"в декабре", "2023-01-02", "DATE 2022-12"},
      {"с 1 по 5 мая", "2022-06-08", "DATE 2022-05-01 end=2022-05-05 \"1 по 5 мая\""},
      {"в 2021 году", "-", "DATE 2021 \"2021 году\""},
      {"в прошлом году", "2022-06-08", "DATE 2021"},
      {"в этом году", "2022-06-08", "DATE 2022"},
      {"в следующем месяце", "2022-12-08", "DATE 2023-01"},
      {"на прошлой неделе", "2022-06-08", "DATE 2022-W22"},
      {"вчера", "2022-06-08", "DATE 2022-06-07"},
      {"сегодня", "2022-06-08", "DATE 2022-06-08"},
      {"три дня назад", "2022-06-08", "DATE 2022-06-05"},
      {"осенью этого года", "2022-06-08", "DATE 2022-FA"},
      {"в январе этого года", "2022-06-08", "DATE 2022-01"},
      {"в конце года", "2022-06-08", "DATE 2022 mod=END"},
      {"два года", "-", "DURATION P2Y"},
      {"несколько дней", "-", "DURATION PXD"},
      {"недавно", "-", "DATE PAST_REF"},
      {"ЯНВАРЕ", "2022-06-08", "DATE 2022-01"},
      {"январь 2020 года", "-", "DATE 2020-01"},
      {"к январю", "2022-06-08", "DATE 2022-01 \"январю\""},
      {"февралём", "2022-06-08", "DATE 2022-02"},
      {"3 марта", "2022-06-08", "DATE 2022-03-03"},
      {"30 апреля 2021 г.", "-", "DATE 2021-04-30 \"30 апреля 2021 г\""},
      {"в мае прошлого года", "2022-06-08", "DATE 2021-05"},
      {"в июне следующего года", "2022-06-08", "DATE 2023-06"},
      {"в понедельник", "2022-06-08", "DATE 2022-06-06"},
      {"в пятницу", "-", "DATE XXXX-WXX-5"},
      {"завтра", "2022-12-31", "DATE 2023-01-01"},
      {"два дня назад", "2022-03-01", "DATE 2022-02-27"},
      {"год назад", "2022-06-08", "DATE 2021"},
      {"в следующем году", "2022-06-08", "DATE 2023"},
      {"в начале месяца", "2022-06-08", "DATE 2022-06 mod=START"},
      {"в середине мая", "2022-06-08", "DATE 2022-05 mod=MID"},
      {"30 февраля", "2022-06-08", "DATE 2022-02 \"февраля\""},
      {"каждый год", "-", "SET P1Y quant=EVERY"},
      {"10 января, а на следующий день", "-", "DATE XXXX-01-10 ; DATE XXXX-01-11 \"следующий день\""},
  });
}

// The "# example:" lines of every time resource file: TEXT | DCT | EXPECTED.
TEST(TimeResources, ExamplesRun) {
  size_t ran = 0;
  for (const auto& name : Resources::standard().names()) {
    if (name.find("/time/") == std::string::npos) continue;
    auto table = Resources::standard().table(name, 1);
    ASSERT_TRUE(table.ok()) << table.error().to_string();
    for (const auto& example : table->examples) {
      auto parts = split(example, " | ");
      ASSERT_EQ(parts.size(), 3u) << name << ": bad example line: " << example;
      Tagged t = tag_text(parts[0], parts[1]);
      EXPECT_EQ(check(t, parts[2]), "") << name << " example: " << example;
      ++ran;
    }
  }
  EXPECT_GE(ran, 40u);
}

TEST(TimeResources, LoaderNamesUnknownClass) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "en/time");
  testing::write_file(dir / "en/time/rules.tsv", "# a rule file\nMONTH DAYNUM\tDATE\tdate\nMONTH FOO\tDATE\tdate\n");
  auto resources = Resources::open(dir.path());
  ASSERT_TRUE(resources.ok());
  auto created = TimeTagger::create(*resources);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().to_string(), "en/time/rules.tsv:3: unknown class 'FOO'");
  EXPECT_EQ(created.error().code, ErrorCode::bad_data);
}

TEST(TimeResources, LoaderRejectsBadSlots) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "en/time");
  testing::write_file(dir / "en/time/lexicon.tsv", "june\tMONTH\tmonth=6\nfoo\tMONTH\tcolour=6\n");
  auto resources = Resources::open(dir.path());
  ASSERT_TRUE(resources.ok());
  auto created = TimeTagger::create(*resources);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().to_string(), "en/time/lexicon.tsv:2: unknown slot 'colour'");
}

// Whether a value is a TIMEX3 value as TimeML defines it.
bool digits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (!(c >= '0' && c <= '9') && c != 'X') return false;
  return true;
}

bool valid_time_part(std::string_view t) {
  if (t == "MO" || t == "MI" || t == "AF" || t == "EV" || t == "NI" || t == "DT") return true;
  if (t.size() != 5 && t.size() != 8 && t.size() != 2) return false;
  if (!digits(t.substr(0, 2), 2) || (t[0] != 'X' && std::stoi(std::string(t.substr(0, 2))) > 24)) return false;
  if (t.size() >= 5 && (t[2] != ':' || !digits(t.substr(3, 2), 2) || t.substr(3, 2) > "59")) return false;
  if (t.size() == 8 && (t[5] != ':' || !digits(t.substr(6, 2), 2) || t.substr(6, 2) > "59")) return false;
  return true;
}

// "2Y6M", "T1M30S", "17DT12H": amounts with units, date units before the
// T and clock units after it, each unit at most once and largest first.
bool valid_duration(std::string_view rest) {
  static const std::vector<std::string_view> date_units = {"C", "E", "L", "Y", "Q", "M", "WE", "W", "D"};
  static const std::vector<std::string_view> time_units = {"H", "M", "S"};
  bool time = false;
  size_t next_unit = 0, parts = 0;
  while (!rest.empty()) {
    if (rest[0] == 'T' && !time) {
      time = true, next_unit = 0;
      rest.remove_prefix(1);
      continue;
    }
    size_t i = 0;
    while (i < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[i])) || rest[i] == 'X')) ++i;
    if (i == 0) return false;
    rest.remove_prefix(i);
    const auto& units = time ? time_units : date_units;
    size_t u = next_unit;
    while (u < units.size() && !rest.starts_with(units[u])) ++u;
    if (u == units.size()) return false;
    rest.remove_prefix(units[u].size());
    next_unit = u + 1, ++parts;
  }
  return parts > 0;
}

bool valid_timex_value(const Timex& x) {
  std::string_view v = x.value;
  if (v == "PAST_REF" || v == "PRESENT_REF" || v == "FUTURE_REF") return x.type == TimexType::date;
  if (v.starts_with("P")) return valid_duration(v.substr(1));
  if (x.type == TimexType::duration) return false;
  if (v.size() == 2) return digits(v, 2);
  if (v.size() == 3) return digits(v, 3);
  if (!digits(v.substr(0, 4), 4)) return false;
  std::string_view rest = v.substr(4);
  if (rest.empty()) return true;
  if (rest[0] != '-') return false;
  rest.remove_prefix(1);
  if (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI") return true;
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H')) return digits(rest.substr(1), 1);
  if (rest.starts_with("W")) {
    if (!digits(rest.substr(1, 2), 2)) return false;
    rest.remove_prefix(3);
    if (rest.empty() || rest == "-WE") return true;
    return rest.size() == 2 && rest[0] == '-' && rest[1] >= '1' && rest[1] <= '7';
  }
  if (!digits(rest.substr(0, 2), 2)) return false;
  if (rest[0] != 'X' && (rest.substr(0, 2) < "01" || rest.substr(0, 2) > "12")) return false;
  rest.remove_prefix(2);
  if (rest.empty()) return true;
  if (rest[0] != '-' || !digits(rest.substr(1, 2), 2)) return false;
  rest.remove_prefix(3);
  if (rest.empty()) return true;
  if (rest[0] != 'T') return false;
  return valid_time_part(rest.substr(1)) && x.type == TimexType::time;
}

void expect_well_formed(const Tagged& t) {
  uint32_t previous_end = 0;
  for (const Timex& x : t.timexes) {
    EXPECT_TRUE(valid_timex_value(x)) << "invalid value '" << x.value << "' for \""
                                      << t.doc.slice(x.span) << "\"";
    if (!x.range_end.empty()) {
      Timex end = x;
      end.value = x.range_end;
      EXPECT_TRUE(valid_timex_value(end)) << x.range_end;
    }
    EXPECT_GE(x.span.start, previous_end) << "overlapping or out of order";
    EXPECT_LT(x.span.start, x.span.end);
    previous_end = x.span.end;
    if (x.bounds) {
      EXPECT_LE(x.bounds->first, x.bounds->last) << x.value;
    }
    bool calendar = x.type == TimexType::date || x.type == TimexType::time;
    bool known = x.value.find('X') == std::string::npos && !x.value.ends_with("_REF");
    if (calendar && known) {
      EXPECT_TRUE(x.bounds.has_value()) << x.value;
    }
    if (x.value.find("XXXX") != std::string::npos) {
      EXPECT_FALSE(x.bounds.has_value()) << x.value;
    }
  }
}

std::vector<std::string> example_articles() {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(testing::kSourceDir + "/examples/csto"))
    if (entry.path().extension() == ".txt") texts.push_back(testing::read_file(entry.path()));
  return texts;
}

TEST(TimeProperties, EveryValueIsValidTimex3) {
  for (const auto& text : example_articles())
    for (const char* dct : {"2022-06-08", "-", "2000-02-29", "2023-01-01"})
      expect_well_formed(tag_text(text, dct));
  std::vector<std::string> texts;
  for (const char* text : {"June 8, 2022 at 10:30", "the 1990s", "every Monday", "last week",
                           "the 21st century", "December 28 to January 3", "the last decade",
                           "two and a half years", "a minute and a half", "two and a half weeks",
                           "three and a half months", "four and a half days", "an hour and a half"})
    texts.push_back(text);
  for (const auto& text : texts) expect_well_formed(tag_text(text, "2022-06-08"));
}

TEST(TimeProperties, BoundsFollowTheCalendar) {
  auto one = [](const std::string& text, const std::string& dct) {
    auto t = tag_text(text, dct);
    EXPECT_EQ(t.timexes.size(), 1u) << text;
    return t.timexes.empty() ? Timex{} : t.timexes[0];
  };
  auto bounds = [](const Timex& x) {
    return x.bounds ? iso_day(x.bounds->first) + ".." + iso_day(x.bounds->last) : std::string("none");
  };
  EXPECT_EQ(bounds(one("February 2024", "-")), "2024-02-01..2024-02-29");
  EXPECT_EQ(bounds(one("February 2023", "-")), "2023-02-01..2023-02-28");
  EXPECT_EQ(bounds(one("February 1900", "-")), "1900-02-01..1900-02-28");
  EXPECT_EQ(bounds(one("2022", "-")), "2022-01-01..2022-12-31");
  EXPECT_EQ(bounds(one("the 1990s", "-")), "1990-01-01..1999-12-31");
  EXPECT_EQ(bounds(one("the third quarter of 2021", "-")), "2021-07-01..2021-09-30");
  EXPECT_EQ(bounds(one("the winter of 2021", "-")), "2021-12-01..2022-02-28");
  EXPECT_EQ(bounds(one("last week", "2022-06-08")), "2022-05-30..2022-06-05");
  EXPECT_EQ(bounds(one("last week", "2021-01-06")), "2020-12-28..2021-01-03");
  EXPECT_EQ(bounds(one("June 8, 2022", "-")), "2022-06-08..2022-06-08");
  EXPECT_EQ(bounds(one("from June 28 to July 2", "2022-06-08")), "2022-06-28..2022-07-02");
  EXPECT_EQ(bounds(one("May 16", "-")), "none");
  EXPECT_EQ(bounds(one("three months", "-")), "none");
  EXPECT_TRUE(one("May 16", "2022-06-08").inferred);
  EXPECT_FALSE(one("May 16, 2022", "2022-06-08").inferred);
  EXPECT_TRUE(one("yesterday", "2022-06-08").relative);
  EXPECT_EQ(iso_day(0), "1970-01-01");
  EXPECT_EQ(iso_day(19151), "2022-06-08");
}

TEST(TimeProperties, SurvivesHostileInput) {
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {
      "May", "16", "2022", "-", "–", ":", "the", "next", "day", "99999999999", "0", "00:00:99",
      "30.02.2022", "1/1/1", "9999-12-31", "0001-01-01", "every", "ago", "years", "century",
      "мая", "года", "early", "1990s", "21st", "of", "to", ",", ".", "p.m.", "between", "and",
      "9999", "1000", "last", "week", "Friday", "night", "a", "quarter", "third", "-5000"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int i = 0; i < 40; ++i) {
      text += pieces[random() % pieces.size()];
      text += random() % 4 ? " " : "";
    }
    for (const char* dct : {"9999-12-31", "0001-01-01", "-", "2022-06-08"})
      expect_well_formed(tag_text(text + ".", dct));
  }
}

// One huge sentence full of cues and dates stays linear (it would take
// minutes if each date looked at every cue).
TEST(TimeProperties, LongSentenceIsLinear) {
  std::string text;
  while (text.size() < (2u << 20)) text += "it was May 16 and will be June 2 ";
  auto start = std::chrono::steady_clock::now();
  Tagged t = tag_text(text, "2022-06-08");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GT(t.timexes.size(), 100000u);
  EXPECT_LT(seconds, 20.0);
  EXPECT_EQ(t.timexes[0].value, "2022-05-16");
  EXPECT_EQ(t.timexes[1].value, "2023-06-02");  // "will be": the next June 2
}

TEST(TimeProperties, SurvivesRandomText) {
  std::mt19937 random(11);
  const std::vector<std::string> chars = {"a", "Z", "0", "9", " ", ".", ",", "-", ":", "/", "'",
                                          "\n", "\xD0\xBC", "\xE2\x80\x93", "\xC2\xA9", "1", "2"};
  for (int round = 0; round < 200; ++round) {
    std::string text = "x";
    for (int i = 0; i < 300; ++i) text += chars[random() % chars.size()];
    expect_well_formed(tag_text(text, round % 2 ? "2022-06-08" : "-"));
    auto doc = make_document("t.txt", text);
    ASSERT_TRUE(doc.ok());
    mark_boilerplate(*doc, Resources::standard());
    tagger().find_dct(*doc);  // must not crash
  }
}

TEST(TimeDct, FindsDateLines) {
  struct DctCase {
    const char* text;
    const char* value;  // "" for none
  };
  const std::vector<DctCase> cases = {
      {"Title of the story here\n\n08 June 2022 17:58\n\nBody text comes here.\n", "2022-06-08T17:58"},
      {"Posted: 20.07.2022 13:34:00\n\nChibisov: CSTO plays a role.\n", "2022-07-20T13:34:00"},
      {"Published June 8, 2022\nText.\n", "2022-06-08"},
      {"Updated: 2022-06-08\nText.\n", "2022-06-08"},
      {"Опубликовано: 16 мая 2022 года\nТекст.\n", "2022-05-16"},
      {"Caliber.az © 2025. .\nText here.\n", ""},
      {"© 08 June 2022\nText here.\n", ""},
      {"On May 16, a summit of leaders was held in Moscow.\n", ""},
      {"4 mins\n\nLukashenka said something today.\n", ""},
      {"Posted: 30.02.2022\nText.\n", ""},
  };
  for (const auto& c : cases) {
    auto doc = make_document("t.txt", c.text);
    ASSERT_TRUE(doc.ok());
    mark_boilerplate(*doc, Resources::standard());
    auto dct = tagger().find_dct(*doc);
    EXPECT_EQ(dct ? dct->value : "", c.value) << c.text;
    if (!dct) continue;
    EXPECT_EQ(dct->source, DctSource::text);
    ASSERT_TRUE(dct->span.has_value());
    bool marked = false;
    for (const Line& line : doc->lines) marked |= line.kind == LineKind::dateline && line.span == *dct->span;
    EXPECT_TRUE(marked) << c.text;
  }
}

TEST(TimeDct, ExampleArticles) {
  const std::string dir = testing::kSourceDir + "/examples/csto/";
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"000_4c71d443e5fec436.txt", ""},
      {"001_2eeb481a60e0f16e.txt", ""},
      {"002_b355f01e7a83066b.txt", "2022-06-08T17:58"},
      {"003_357a5d8cc8e78bf1.txt", "2022-07-20T13:34:00"},
      {"004_d138a6afbf515449.txt", ""},
  };
  for (const auto& [file, value] : expected) {
    auto doc = read_document(dir + file);
    ASSERT_TRUE(doc.ok()) << file;
    mark_boilerplate(*doc, Resources::standard());
    auto dct = tagger().find_dct(*doc);
    EXPECT_EQ(dct ? dct->value : "", value) << file;
    if (dct) {
      EXPECT_EQ(dct->year, std::stoi(value.substr(0, 4)));
    }
  }
}

TEST(TimeDct, ParsesOptionValues) {
  auto value = [](const std::string& text) {
    auto dct = TimeTagger::parse_dct(text);
    return dct ? dct->value : "error: " + dct.error().to_string();
  };
  EXPECT_EQ(value("2022-06-08"), "2022-06-08");
  EXPECT_EQ(value("2022-06-08T17:58"), "2022-06-08T17:58");
  EXPECT_EQ(value("2022-06-08T17:58:09"), "2022-06-08T17:58:09");
  EXPECT_EQ(value("20220608"), "2022-06-08");
  EXPECT_EQ(value(" 2024-02-29\n"), "2024-02-29");
  EXPECT_EQ(value("2022-02-30"), "error: --dct: no such day: '2022-02-30'");
  EXPECT_EQ(value("2023-02-29").substr(0, 6), "error:");
  EXPECT_EQ(value("2022-13-01").substr(0, 6), "error:");
  EXPECT_EQ(value("2022-06-08T25:00").substr(0, 6), "error:");
  EXPECT_EQ(value("June 8").substr(0, 6), "error:");
  EXPECT_EQ(value("").substr(0, 6), "error:");
  auto dct = TimeTagger::parse_dct("2022-06-08");
  ASSERT_TRUE(dct.ok());
  EXPECT_EQ(dct->year, 2022);
  EXPECT_EQ(dct->month, 6);
  EXPECT_EQ(dct->day, 8);
  EXPECT_EQ(TimeTagger::parse_dct("2022-02-30").error().code, ErrorCode::bad_value);
}

// Issue #3: the seed article about the Kazakhstan mission anchors "the next
// day" and "a day later" to the dates the narrative set.
TEST(TimeIssue3, KazakhstanNarrative) {
  const std::string text = testing::read_file(testing::kSourceDir +
                                              "/examples/csto/004_d138a6afbf515449.txt");
  Tagged t = tag_text(text, "2022-01-20");
  std::map<std::string, std::string> by_text;
  for (const auto& x : t.timexes) by_text[std::string(t.doc.slice(x.span))] = x.value;
  EXPECT_EQ(by_text["January 5"], "2022-01-05");
  EXPECT_EQ(by_text["January 10"], "2022-01-10");
  EXPECT_EQ(by_text["The next day"], "2022-01-11");
  EXPECT_EQ(by_text["January 14"], "2022-01-14");
  EXPECT_EQ(by_text["a day later"], "2022-01-15");
  EXPECT_EQ(by_text.count("2,030"), 0u);
}

// tag() on a few MB of repeated articles: a correctness check only. Its speed
// is measured in bench/stages_bench.cpp (BM_TimeTag), not in a timed test.
TEST(TimeSpeed, TagThroughput) {
  std::string text;
  for (const auto& article : example_articles()) text += article + "\n\n";
  while (text.size() < (4u << 20)) text += text;
  auto doc = make_document("big.txt", text);
  ASSERT_TRUE(doc.ok());
  mark_boilerplate(*doc, Resources::standard());
  for (Line& line : doc->lines)
    if (line.kind != LineKind::blank) line.kind = LineKind::body;
  doc->dct = *TimeTagger::parse_dct("2022-06-08");
  auto seg = segment(*doc, Resources::standard());
  auto timexes = tagger().tag(*doc, seg);
  EXPECT_GT(timexes.size(), 100u);
}

}  // namespace
}  // namespace annals
