// render/: layout maths, escaping, and the rendered DOT/SVG/HTML.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "escape.h"
#include "gv_session.h"
#include "render.h"
#include "render_model.h"
#include "timeline_layout.h"
#include "timeline_plan.h"
#include "render_fixtures.h"

namespace annals {
namespace {

using namespace render_detail;
using namespace render_fixtures;

// ---- helpers ---------------------------------------------------------------

Graph sample_graph() {
  Graph g;
  g.documents = {{"d1", "a.txt", "CSTO sends troops", "2022-01-06", "text"},
                 {"d2", "b.txt", "Protests in Almaty", "2022-01-07", "text"},
                 {"d3", "c.txt", "Troops withdraw", "2022-01-14", "text"}};
  g.actors = {{"kz", "Kazakhstan", "country", {"KZ"}},
              {"csto", "CSTO", "organization", {}},
              {"tok", "Kassym-Jomart Tokayev", "person", {"Tokayev"}},
              {"prot", "Protesters", "group", {}}};
  g.events = {
      event("e1", "Fuel prices doubled in Mangystau", "2022-01-01", "2022-01-01", "kz", {"d1", "d2"}),
      event("e2", "Protests spread to Almaty", "2022-01-04", "2022-01-05", "prot", {"d1", "d2", "d3"}),
      event("e3", "Tokayev asked the CSTO for help", "2022-01-05", "2022-01-05", "tok", {"d1"}),
      event("e4", "CSTO peacekeepers deployed", "2022-01-06", "2022-01-06", "csto", {"d1", "d3"}),
      event("e5", "Government resigned", "2022-01-05", "2022-01-05", "tok", {"d2"}),
      event("e6", "Peacekeepers began withdrawal", "2022-01-13", "2022-01-19", "csto", {"d3"}),
      event("e7", "Treaty on Collective Security signed", "1992-05-15", "1992-05-15", "csto", {"d3"}),
      event("e8", "Talks with the opposition", std::nullopt, std::nullopt, "tok", {"d2"}),
      event("e9", "Russia did not intervene alone", "2022-01-06", "2022-01-06", "csto", {"d1"}),
      event("e10", "A second deployment might follow", "2022-01-20", "2022-01-20", "csto", {"d3"}),
  };
  g.events[8].polarity = "negative";
  g.events[9].modality = "possible";
  g.events[5].time->value = "2022-01-13/2022-01-19";
  g.events[4].time->inferred = true;
  g.relations = {{"e1", "e2", "causes", Evidence{"d1", 0, 1, "because of"}},
                 {"e2", "e3", "causes", std::nullopt},
                 {"e3", "e4", "causes", std::nullopt},
                 {"e4", "e6", "before", std::nullopt},
                 {"e3", "e5", "same_actor", std::nullopt}};
  return g;
}

std::string render_ok(const Graph& g, const RenderOptions& o) {
  auto r = render(g, o);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
  return r.ok() ? *r : "";
}

// Optional: ANNALS_RENDER_DUMP=/tmp/dir writes the renders for a look by eye.
void dump(const std::string& name, const std::string& bytes) {
  const char* dir = std::getenv("ANNALS_RENDER_DUMP");
  if (!dir) return;
  std::ofstream(std::string(dir) + "/" + name, std::ios::binary) << bytes;
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// ---- calendar and layout maths -------------------------------------------

TEST(RenderCalendar, DaysRoundTrip) {
  EXPECT_EQ(day_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(day_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(iso_day(day_from_civil(2024, 2, 29)), "2024-02-29");
  for (Day d = -800000; d < 800000; d += 997) {
    const Civil c = civil_from_day(d);
    EXPECT_EQ(day_from_civil(c.year, c.month, c.day), d);
  }
}

TEST(RenderCalendar, ParsesIsoPeriods) {
  struct Case { const char* text; const char* first; const char* last; };
  const Case cases[] = {
      {"2022-01-05", "2022-01-05", "2022-01-05"},
      {"2022-01-05T10:00", "2022-01-05", "2022-01-05"},
      {"2022-02", "2022-02-01", "2022-02-28"},
      {"2024-02", "2024-02-01", "2024-02-29"},
      {"1992", "1992-01-01", "1992-12-31"},
  };
  for (const Case& c : cases) {
    auto span = parse_iso_period(c.text);
    ASSERT_TRUE(span) << c.text;
    EXPECT_EQ(iso_day(span->first), c.first) << c.text;
    EXPECT_EQ(iso_day(span->last), c.last) << c.text;
  }
  for (const char* bad : {"", "2022-13", "2022-02-30", "XXXX-05-16", "PRESENT_REF", "2022-1-5",
                          "20220105", "2022-01-05x"}) {
    EXPECT_FALSE(parse_iso_period(bad)) << bad;
  }
}

TEST(RenderLayout, AxisIsProportionalToDates) {
  const Day a = day_from_civil(2022, 1, 1);
  ScaleOptions o;
  o.x0 = 100;
  o.width = 800;
  const TimeScale s = make_scale({{a, a}, {a + 10, a + 12}, {a + 30, a + 30}}, o);
  ASSERT_EQ(s.segments.size(), 1u);
  EXPECT_NEAR(s.x(a + 10) - s.x(a), 10 * s.px_per_day, 1e-9);
  EXPECT_NEAR((s.x(a + 30) - s.x(a)) / (s.x(a + 10) - s.x(a)), 3.0, 1e-9);
  EXPECT_NEAR(s.left(), 100, 1e-9);
  EXPECT_NEAR(s.right(), 900, 1e-6);
  EXPECT_GT(s.x(a), s.left());  // padded
  EXPECT_LT(s.x_end(a + 30), s.right());
}

TEST(RenderLayout, LongEmptyGapIsBroken) {
  const Day old = day_from_civil(1992, 5, 15), a = day_from_civil(2022, 1, 1);
  ScaleOptions o;
  o.width = 800;
  const TimeScale s = make_scale({{old, old}, {a, a + 20}}, o);
  ASSERT_EQ(s.segments.size(), 2u);
  EXPECT_NEAR(s.segments[1].x0 - s.segments[0].x1, o.break_width, 1e-9);
  // Within a segment the scale stays true: 20 days are 20 days.
  EXPECT_NEAR(s.x(a + 20) - s.x(a), 20 * s.px_per_day, 1e-9);
  EXPECT_GT(s.px_per_day, 10);  // the 30 empty years take no room
  // A short gap is not broken.
  EXPECT_EQ(make_scale({{a, a}, {a + 20, a + 20}}, o).segments.size(), 1u);
}

TEST(RenderLayout, TicksAdaptToSpan) {
  const Day a = day_from_civil(2022, 3, 7);
  ScaleOptions o;
  o.width = 700;
  const TimeScale ten_days = make_scale({{a, a + 9}}, o);
  EXPECT_EQ(choose_tick_unit(ten_days.px_per_day), TickUnit::day);
  const auto ticks = make_ticks(ten_days, TickUnit::day);
  EXPECT_GE(ticks.size(), 10u);
  EXPECT_EQ(ticks[1].x - ticks[0].x, ten_days.px_per_day);
  EXPECT_NE(ticks[0].label.find("2022"), std::string::npos);  // first tick has the year

  const TimeScale two_years = make_scale({{a, a + 730}}, o);
  const TickUnit unit = choose_tick_unit(two_years.px_per_day);
  EXPECT_TRUE(unit == TickUnit::month || unit == TickUnit::quarter || unit == TickUnit::year)
      << to_string(unit);
  for (const Tick& t : make_ticks(two_years, unit)) EXPECT_EQ(civil_from_day(t.day).day, 1u);

  const TimeScale century = make_scale({{a - 36500, a}}, o);
  EXPECT_GE(static_cast<int>(choose_tick_unit(century.px_per_day)), static_cast<int>(TickUnit::decade));
}

TEST(RenderLayout, WeekTicksAreMondays) {
  const Day a = day_from_civil(2022, 3, 1);
  ScaleOptions o;
  const TimeScale s = make_scale({{a, a + 60}}, o);
  const auto ticks = make_ticks(s, TickUnit::week);
  ASSERT_FALSE(ticks.empty());
  EXPECT_EQ(iso_day(ticks[0].day), "2022-02-28");  // padded start; a Monday
  for (size_t i = 1; i < ticks.size(); ++i) EXPECT_EQ(ticks[i].day - ticks[i - 1].day, 7);
}

TEST(RenderLayout, Periods) {
  const Day d = day_from_civil(2022, 8, 17);  // a Wednesday
  struct Case { TickUnit unit; const char* start; const char* label; };
  const Case cases[] = {
      {TickUnit::day, "2022-08-17", "2022-08-17"},
      {TickUnit::week, "2022-08-15", "week of 2022-08-15"},
      {TickUnit::month, "2022-08-01", "Aug 2022"},
      {TickUnit::quarter, "2022-07-01", "Q3 2022"},
      {TickUnit::year, "2022-01-01", "2022"},
      {TickUnit::decade, "2020-01-01", "2020\xE2\x80\x93" "2029"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(iso_day(period_start(d, c.unit)), c.start) << to_string(c.unit);
    EXPECT_EQ(period_label(period_start(d, c.unit), c.unit), c.label) << to_string(c.unit);
  }
}

TEST(RenderLayout, StacksOverlappingItemsInRows) {
  const auto rows = stack_rows({{0, 100}, {50, 120}, {110, 200}, {130, 140}, {300, 310}}, 8);
  EXPECT_EQ(rows, (std::vector<int>{0, 1, 0, 1, 0}));
}

// ---- escaping ---------------------------------------------------------------

TEST(RenderEscape, CleansAndEscapes) {
  EXPECT_EQ(clean_text("  a\tb\n\nc \x01 "), "a b c");
  EXPECT_EQ(clean_text("bad\xff" "byte"), "bad\xEF\xBF\xBD" "byte");
  EXPECT_EQ(clean_text("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(xml_escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  EXPECT_EQ(gv_html_text("\\N <B>"), "\\\\N &lt;B&gt;");
  EXPECT_EQ(gv_plain_text("a\\"), "a\\\\ ");
  EXPECT_EQ(utf8_length("Токаев"), 6u);
  EXPECT_EQ(truncate_text("Токаев попросил", 7), "Токаев…");
}

TEST(RenderEscape, WrapsWords) {
  EXPECT_EQ(wrap_text("one two three four", 9, 3),
            (std::vector<std::string>{"one two", "three", "four"}));
  EXPECT_EQ(wrap_text("one two three four five six", 9, 2),
            (std::vector<std::string>{"one two", "three fo…"}));
  EXPECT_EQ(wrap_text("abcdefghijkl", 5, 3), (std::vector<std::string>{"abcde", "fghij", "kl"}));
}

// ---- options and the model ---------------------------------------------------

TEST(RenderOptions, ParsesWords) {
  EXPECT_EQ(*parse_format("svg"), Format::svg);
  EXPECT_EQ(*parse_format("html"), Format::html);
  EXPECT_EQ(*parse_view("graph"), View::graph);
  EXPECT_EQ(*parse_lanes("document"), Lanes::document);
  auto bad = parse_format("jpeg");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::bad_value);
  EXPECT_FALSE(parse_view("tree").ok());
}

TEST(RenderModel, DefaultsLeaveOutNegatedAndHypothetical) {
  RenderOptions o;
  auto m = build_model(sample_graph(), o);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->events.size(), 8u);
  EXPECT_EQ(m->hidden_negated, 1u);
  EXPECT_EQ(m->hidden_hypothetical, 1u);
  // Dated first, by day; undated last.
  EXPECT_EQ(m->events.front().id, "e7");
  EXPECT_EQ(m->events.back().id, "e8");
  o.include_negated = o.include_hypothetical = true;
  EXPECT_EQ(build_model(sample_graph(), o)->events.size(), 10u);
}

// "Before the article's date" (PAST_REF with only its last day) is not a
// day to draw it on: it stays with the undated, its date text kept.
TEST(RenderModel, AnOpenEndedTimeIsNotPlaced) {
  Graph g;
  g.documents = {{"d1", "d1.txt", "D1", "2022-06-08", "option"}};
  g.events = {event("e1", "troops attacked", std::nullopt, "2022-06-08"),
              event("e2", "troops left", "2022-06-09", "2022-06-09")};
  g.events[0].time->value = "PAST_REF";
  auto m = build_model(g, RenderOptions{});
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->events.size(), 2u);
  EXPECT_EQ(m->events.back().id, "e1");
  EXPECT_FALSE(m->events.back().days);
  EXPECT_EQ(m->events.back().date_text, "on or before 2022-06-08");
}

// Links judged from the dates alone are many and repeat the axis: drawn
// only with --temporal; the same types stated by the text always are.
TEST(RenderModel, LinksFromDatesAloneOnRequest) {
  Graph g;
  g.documents = {{"d1", "d1.txt", "D1", std::nullopt, std::nullopt}};
  g.events = {event("e1", "January protests", "2022-01-01", "2022-01-31"),
              event("e2", "troops arrived", "2022-01-06", "2022-01-06"),
              event("e3", "talks began", "2022-01-06", "2022-01-06")};
  g.relations = {{"e1", "e2", "includes", std::nullopt},
                 {"e2", "e3", "simultaneous", std::nullopt},
                 {"e1", "e3", "includes", Evidence{"d1", 0, 6, "during"}}};
  RenderOptions o;
  o.view = View::graph;
  auto m = build_model(g, o);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->relations.size(), 1u);
  EXPECT_EQ(m->relations[0].cue, "during");
  o.temporal_links = true;
  EXPECT_EQ(build_model(g, o)->relations.size(), 3u);
}

TEST(RenderModel, FiltersByDateActorAndTop) {
  RenderOptions o;
  o.from = "2022-01-04";
  o.to = "2022-01-05";
  auto m = build_model(sample_graph(), o);
  ASSERT_TRUE(m.ok());
  std::vector<std::string> ids;
  for (const auto& e : m->events) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"e2", "e3", "e5"}));
  o = {};
  o.actors = {"tokayev"};  // an alias, any case
  EXPECT_EQ(build_model(sample_graph(), o)->events.size(), 3u);
  o = {};
  o.top = 2;
  m = build_model(sample_graph(), o);
  ASSERT_EQ(m->events.size(), 2u);
  EXPECT_EQ(m->events[0].id, "e1");  // 2 sources, kept in date order
  EXPECT_EQ(m->events[1].id, "e2");  // 3 sources
  o = {};
  o.from = "2022-13-01";
  auto bad = build_model(sample_graph(), o);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::bad_value);
  EXPECT_EQ(bad.error().where, "--from");
}

TEST(RenderModel, TooManyEventsIsAClearError) {
  Graph g;
  for (int i = 0; i < 30; ++i) g.events.push_back(event("e" + std::to_string(i), "x", "2022-01-01", "2022-01-01"));
  RenderOptions o;
  o.max_events = 20;
  auto r = render(g, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::bad_value);
  EXPECT_NE(r.error().message.find("--top"), std::string::npos);
  o.top = 10;
  EXPECT_TRUE(render(g, o).ok());
  // The graph view has a lower limit: dot gets slow.
  for (int i = 30; i < 310; ++i) g.events.push_back(event("e" + std::to_string(i), "x", "2022-01-01", "2022-01-01"));
  o = {};
  o.view = View::graph;
  r = render(g, o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("--view timeline"), std::string::npos);
}

// ---- rendered output -----------------------------------------------------------

void expect_svg_shape(const std::string& svg) {
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<svg "), std::string::npos);
  EXPECT_NE(svg.find("viewBox=\""), std::string::npos);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(count(svg, "<g "), count(svg, "</g>"));
  EXPECT_EQ(svg.find("<!DOCTYPE"), std::string::npos);
  EXPECT_EQ(svg.find("Generated by graphviz"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<image"), std::string::npos);
  EXPECT_EQ(svg.find("http://www.w3.org/Graphics"), std::string::npos);
  EXPECT_NE(svg.find("sans-serif"), std::string::npos);
}

TEST(RenderTimeline, SvgHasLabelsTooltipsAxisAndUndated) {
  RenderOptions o;
  const std::string svg = render_ok(sample_graph(), o);
  dump("timeline.svg", svg);
  expect_svg_shape(svg);
  EXPECT_NE(svg.find("Tokayev asked the CSTO"), std::string::npos);
  EXPECT_NE(svg.find("Talks with the opposition"), std::string::npos);  // undated, listed
  EXPECT_NE(svg.find(">Undated<"), std::string::npos);
  EXPECT_NE(svg.find("3 sources"), std::string::npos);
  EXPECT_EQ(svg.find("Russia did not intervene"), std::string::npos);  // negated: out
  EXPECT_EQ(svg.find("second deployment"), std::string::npos);         // possible: out
  EXPECT_NE(svg.find(">Kassym&#45;Jomart Tokayev<"), std::string::npos);  // lane
  EXPECT_NE(svg.find("30 years"), std::string::npos);  // axis break 1992 .. 2022
  // Tooltip as <title>: label, date, sentence.
  EXPECT_NE(svg.find("<title>Fuel prices doubled in Mangystau\ndate: 2022-01-01"), std::string::npos);
  EXPECT_NE(svg.find("The sentence about Fuel prices"), std::string::npos);
  EXPECT_EQ(count(svg, "class=\"edge\""), 3u);  // the three causes
}

TEST(RenderTimeline, IncludesNegatedAndHypotheticalOnRequest) {
  RenderOptions o;
  o.include_negated = o.include_hypothetical = true;
  const std::string svg = render_ok(sample_graph(), o);
  dump("timeline_all.svg", svg);
  EXPECT_NE(svg.find("NOT: Russia did not"), std::string::npos);
  EXPECT_NE(svg.find("[possible] A second"), std::string::npos);
  EXPECT_NE(svg.find("negated (did not happen)"), std::string::npos);  // legend
}

TEST(RenderTimeline, DotIsTheGraphBeforeLayout) {
  RenderOptions o;
  o.format = Format::dot;
  const std::string dot = render_ok(sample_graph(), o);
  dump("timeline.dot", dot);
  EXPECT_EQ(dot.rfind("digraph timeline {", 0), 0u);
  EXPECT_NE(dot.find("layout=nop2"), std::string::npos);
  EXPECT_NE(dot.find("e1 -> e2"), std::string::npos);  // fuel prices -> protests
  EXPECT_EQ(dot.find("e0 -> "), std::string::npos);    // the 1992 treaty causes nothing
  EXPECT_NE(dot.find("pos=\""), std::string::npos);
  EXPECT_NE(dot.find("because of"), std::string::npos);  // the causal edge, with its cue
}

TEST(RenderTimeline, DeterministicBytes) {
  RenderOptions o;
  EXPECT_EQ(render_ok(sample_graph(), o), render_ok(sample_graph(), o));
  o.format = Format::dot;
  EXPECT_EQ(render_ok(sample_graph(), o), render_ok(sample_graph(), o));
  o.view = View::graph;
  EXPECT_EQ(render_ok(sample_graph(), o), render_ok(sample_graph(), o));
}

TEST(RenderTimeline, NothingLeftSaysNoEvents) {
  RenderOptions o;
  o.from = "2030";
  const std::string svg = render_ok(sample_graph(), o);
  expect_svg_shape(svg);
  EXPECT_NE(svg.find("no events to show"), std::string::npos);
  o.view = View::graph;
  EXPECT_NE(render_ok(sample_graph(), o).find("no events to show"), std::string::npos);
  EXPECT_NE(render_ok(Graph{}, RenderOptions{}).find("no events to show"), std::string::npos);
}

TEST(RenderTimeline, DarkAndDocumentLanes) {
  RenderOptions o;
  o.dark = true;
  o.lanes = Lanes::document;
  o.include_negated = o.include_hypothetical = true;
  const std::string svg = render_ok(sample_graph(), o);
  dump("timeline_dark.svg", svg);
  o.format = Format::dot;
  dump("timeline_dark.dot", render_ok(sample_graph(), o));
  o.format = Format::svg;
  EXPECT_NE(svg.find("#1b1b1f"), std::string::npos);
  EXPECT_NE(svg.find(">Protests in Almaty<"), std::string::npos);  // a document lane
  o.view = View::graph;
  dump("graph_dark.svg", render_ok(sample_graph(), o));
  o.format = Format::dot;
  dump("graph_dark.dot", render_ok(sample_graph(), o));
}

TEST(RenderTimeline, WidthScalesTheSvg) {
  RenderOptions o;
  o.width = 1000;
  const std::string svg = render_ok(sample_graph(), o);
  EXPECT_NE(svg.find("width=\"1000px\""), std::string::npos);
  EXPECT_NE(svg.find("viewBox=\"0.00 0.00 "), std::string::npos);
}

TEST(RenderModel, CollapseSameDayMakesOneMarkPerLaneAndDay) {
  Graph g = sample_graph();
  // A second CSTO event on January 6 (e4's day and lane); e9 is negated.
  g.events.push_back(event("e11", "CSTO flew in paratroopers", "2022-01-06", "2022-01-06", "csto", {"d2"}));
  g.relations.push_back({"e11", "e6", "causes", std::nullopt});
  RenderOptions o;
  o.collapse_same_day = true;
  auto model = build_model(g, o);
  ASSERT_TRUE(model.ok());
  size_t marks_on_jan6 = 0;
  const ModelEvent* merged = nullptr;
  for (const auto& e : model->events) {
    if (!e.days || e.days->first != day_from_civil(2022, 1, 6)) continue;
    ++marks_on_jan6;
    if (e.collapsed()) merged = &e;
  }
  EXPECT_EQ(marks_on_jan6, 1u);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->label, "2 events: CSTO peacekeepers deployed; CSTO flew in paratroopers");
  EXPECT_EQ(merged->sources(), 3u);  // d1, d3 and d2
  // Both events' links now start or end at the one mark, none twice.
  size_t from_mark = 0;
  const size_t mark = static_cast<size_t>(merged - model->events.data());
  for (const auto& r : model->relations) from_mark += r.source == mark && r.type == "causes";
  EXPECT_EQ(from_mark, 1u);  // e4 -> e6 is "before"; e11 -> e6 "causes"
  // Tokayev's two events of January 5 became one mark too; nothing else changed.
  o.collapse_same_day = false;
  EXPECT_EQ(build_model(g, o)->events.size(), model->events.size() + 2);
}

TEST(RenderModel, CollapsingCountsTowardsTheDensityLimit) {
  RenderOptions o;
  o.max_events = 100;
  const Graph g = dense_graph(250, 30);  // 250 events on 30 days, 12 lanes
  auto refused = build_model(g, o);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("--collapse-same-day"), std::string::npos);
  o.max_events = 2000;
  const size_t full = build_model(g, o)->events.size();
  o.collapse_same_day = true;
  EXPECT_LT(build_model(g, o)->events.size(), full);
}

TEST(RenderTimeline, TemporalLinksOnlyWhenAsked) {
  RenderOptions o;
  o.format = Format::dot;
  const std::string plain = render_ok(sample_graph(), o);
  o.temporal_links = true;
  const std::string with = render_ok(sample_graph(), o);
  EXPECT_EQ(count(with, " -> ") - count(plain, " -> "), 1u);  // e4 before e6
  EXPECT_NE(with.find("tooltip=before"), std::string::npos);
  EXPECT_EQ(plain.find("tooltip=before"), std::string::npos);
}

TEST(RenderLinks, SourcesBecomeEncodedRelativeUrls) {
  Graph g = sample_graph();
  g.documents[0].path = "news/a b.txt";
  g.documents[1].path = "javascript:alert(1)\"><script>x</script>";
  for (Format format : {Format::svg, Format::html}) {
    RenderOptions o;
    o.format = format;
    o.link_sources = true;
    const std::string out = render_ok(g, o);
    EXPECT_NE(out.find("href=\"news/a%20b.txt\""), std::string::npos) << to_string(format);
    EXPECT_EQ(out.find("javascript:"), std::string::npos) << to_string(format);
    EXPECT_EQ(out.find("<script>x"), std::string::npos) << to_string(format);
    o.link_sources = false;
    EXPECT_EQ(render_ok(g, o).find("news/a%20b.txt"), std::string::npos) << to_string(format);
  }
}

TEST(RenderTimeline, LanesByActorKind) {
  RenderOptions o;
  o.lanes = Lanes::kind;
  auto model = build_model(sample_graph(), o);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model->lanes, (std::vector<std::string>{"organization", "country", "group", "person"}));
}

TEST(RenderGraph, DotHasStyledRelationsRankedByDate) {
  RenderOptions o;
  o.view = View::graph;
  o.format = Format::dot;
  const std::string dot = render_ok(sample_graph(), o);
  dump("graph.dot", dot);
  EXPECT_EQ(dot.rfind("digraph events {", 0), 0u);
  EXPECT_NE(dot.find("rankdir=LR"), std::string::npos);
  EXPECT_NE(dot.find("rank=same"), std::string::npos);
  EXPECT_NE(dot.find("style=dashed"), std::string::npos);   // before
  EXPECT_NE(dot.find("style=dotted"), std::string::npos);   // same_actor
  EXPECT_NE(dot.find("penwidth=2.2"), std::string::npos);   // causes
  EXPECT_NE(dot.find("subgraph cluster_0"), std::string::npos);
  o.lanes = Lanes::none;
  EXPECT_EQ(render_ok(sample_graph(), o).find("cluster_"), std::string::npos);
}

// DOT before layout does not depend on fonts, so it makes a stable golden
// file. ANNALS_UPDATE_GOLDEN=1 rewrites them.
void expect_golden(const std::string& name, const std::string& bytes) {
  const std::string path = std::string(ANNALS_SOURCE_DIR) + "/tests/golden/render/" + name;
  if (std::getenv("ANNALS_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << bytes;
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path << " (run with ANNALS_UPDATE_GOLDEN=1)";
  const std::string golden((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(golden == bytes) << name << " differs from the golden file; if intended, "
                               << "run with ANNALS_UPDATE_GOLDEN=1 and review the diff";
}

TEST(RenderGolden, SampleDot) {
  RenderOptions o;
  o.format = Format::dot;
  o.include_negated = o.include_hypothetical = true;
  expect_golden("sample_timeline.dot", render_ok(sample_graph(), o));
  o.view = View::graph;
  expect_golden("sample_graph.dot", render_ok(sample_graph(), o));
}

TEST(RenderGraph, SvgRenders) {
  RenderOptions o;
  o.view = View::graph;
  const std::string svg = render_ok(sample_graph(), o);
  dump("graph.svg", svg);
  expect_svg_shape(svg);
  EXPECT_NE(svg.find("Peacekeepers began withdrawal"), std::string::npos);
  // The undated event has no relation: counted, not drawn.
  EXPECT_EQ(svg.find("Talks with the opposition"), std::string::npos);
  EXPECT_NE(svg.find("1 undated without relations not drawn"), std::string::npos);
  EXPECT_GE(count(svg, "class=\"edge\""), 5u);
}

TEST(RenderFormats, HtmlPageIsSelfContained) {
  RenderOptions o;
  o.format = Format::html;
  const std::string html = render_ok(sample_graph(), o);
  dump("timeline.html", html);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<svg "), std::string::npos);
  EXPECT_NE(html.find("<td>Tokayev asked the CSTO for help</td>"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_EQ(html.find("<?xml"), std::string::npos);
  // One script, inline, allowed by its hash: the table sorts.
  EXPECT_EQ(count(html, "<script"), 1u);
  EXPECT_NE(html.find("script-src 'sha256-"), std::string::npos);
  EXPECT_NE(html.find("<table class=\"events\">"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
}

TEST(RenderFormats, PngAndPdfThroughCairo) {
  RenderOptions o;
  o.format = Format::png;
  o.width = 800;
  const std::string png = render_ok(sample_graph(), o);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  const auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  EXPECT_NEAR(be32(16), 800, 2);  // IHDR width
  o.format = Format::pdf;
  EXPECT_EQ(render_ok(sample_graph(), o).rfind("%PDF", 0), 0u);
}

// ---- untrusted text ------------------------------------------------------------

Graph hostile_graph() {
  Graph g = sample_graph();
  const std::vector<std::string> evil = {
      "<script>alert(1)</script>", "]]><x>", "\"]; evil [label=\"pwn", "A & B <TABLE><TR><TD>x",
      "trailing backslash\\", "\\N \\G \\E", "<B>bold</B> & &amp; &#60;", "}; digraph { x -> y"};
  for (size_t i = 0; i < evil.size() && i < g.events.size(); ++i) g.events[i].label = evil[i];
  g.events[7].label = evil[0];  // the undated one too
  g.actors[0].name = "</text><script>alert(2)</script>";
  g.actors[1].name = "\"]; x [shape=box";
  g.actors[2].name = "back\\";
  g.documents[0].title = "<img src=x onerror=alert(3)>";
  g.events[0].mentions[0].sentence = "]]></title><script>alert(4)</script>";
  g.relations[0].evidence->cue = "\"]; evil -> x; a [label=\"";
  return g;
}

void expect_no_injection(const std::string& out, const std::string& what) {
  EXPECT_EQ(out.find("<script>alert"), std::string::npos) << what;
  EXPECT_EQ(out.find("<img"), std::string::npos) << what;
  EXPECT_EQ(out.find("<x>"), std::string::npos) << what;
  EXPECT_EQ(out.find("<TABLE><TR><TD>x"), std::string::npos) << what;
  EXPECT_EQ(out.find("<B>bold"), std::string::npos) << what;
  EXPECT_EQ(out.find("</text><"), std::string::npos) << what;
}

TEST(RenderSafety, HostileTextNeverInjects) {
  for (View view : {View::timeline, View::graph}) {
    for (Format format : {Format::svg, Format::dot, Format::html}) {
      RenderOptions o;
      o.view = view;
      o.format = format;
      o.lanes = Lanes::actor;
      const std::string out = render_ok(hostile_graph(), o);
      const std::string what = std::string(to_string(format)) + (view == View::graph ? " graph" : " timeline");
      dump("hostile_" + what.substr(0, what.find(' ')) + (view == View::graph ? "_graph" : "") + "." +
               to_string(format), out);
      // In DOT, text is inside quoted strings or escaped HTML labels; that
      // it stays there is checked by reading the DOT back (below).
      if (format != Format::dot) expect_no_injection(out, what);
      if (format == Format::svg) {
        EXPECT_NE(out.find("&lt;script&gt;alert(1)"), std::string::npos) << what;
      }
    }
  }
}

TEST(RenderSafety, DotOutputReadsBackAsTheSameGraph) {
  // A DOT reader sees exactly our nodes and edges, with the tooltips intact.
  for (View view : {View::timeline, View::graph}) {
    RenderOptions o;
    o.view = view;
    o.format = Format::dot;
    const Graph g = hostile_graph();
    auto back = read_dot(render_ok(g, o), "tooltip");
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    auto model = build_model(g, o);
    size_t events = 0;
    for (const auto& e : model->events) {
      if (view == View::graph && !e.days) continue;  // undated, no relations: not drawn
      ASSERT_TRUE(back->nodes.count(e.node)) << e.node;
      EXPECT_EQ(back->nodes[e.node], gv_plain_text(tooltip_text(e)));
      ++events;
    }
    for (const auto& [name, tip] : back->nodes) {
      const bool ours = name[0] == 'e' || name[0] == 't' || name[0] == 'd' || name.rfind("corner_", 0) == 0;
      EXPECT_TRUE(ours) << name;
    }
    if (view == View::timeline) {
      EXPECT_EQ(back->nodes.size(), 2 * events + 2);
      EXPECT_EQ(back->edges, 3u);
    }
  }
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

using namespace render_fixtures;

// No two labels, and no label and another event's marker, share any room,
// however dense the days (the plan stacks them in rows).
TEST(RenderDense, LabelsNeverOverlap) {
  struct Box { double x0, y0, x1, y1; };
  const auto overlap = [](const Box& a, const Box& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  };
  for (auto [n, days] : {std::pair{60, 700}, {250, 700}, {250, 20}, {1000, 365}}) {
    RenderOptions o;
    auto model = render_detail::build_model(dense_graph(n, days), o);
    ASSERT_TRUE(model.ok());
    const auto plan = render_detail::plan_timeline(*model);
    std::vector<Box> labels, markers;
    for (const auto& p : plan.events) {
      labels.push_back({p.lx, p.ly, p.lx + p.lw, p.ly + p.lh});
      markers.push_back({p.cx - p.w / 2, p.cy - p.h / 2, p.cx + p.w / 2, p.cy + p.h / 2});
    }
    size_t clashes = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
      for (size_t j = 0; j < labels.size(); ++j) {
        if (i == j) continue;
        clashes += (j > i && overlap(labels[i], labels[j])) + overlap(labels[i], markers[j]);
      }
    }
    EXPECT_EQ(clashes, 0u) << n << " events over " << days << " days";
  }
}

TEST(RenderDense, ManyEventsRender) {
  for (int n : {60, 250}) {
    RenderOptions o;
    const std::string svg = render_ok(dense_graph(n, 700), o);
    dump("dense_" + std::to_string(n) + ".svg", svg);
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
    o.view = View::graph;
    dump("dense_graph_" + std::to_string(n) + ".svg", render_ok(dense_graph(n, 700), o));
  }
}

}  // namespace
}  // namespace annals
