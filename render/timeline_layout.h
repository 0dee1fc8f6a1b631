// Pure positioning maths for the timeline view, free of Graphviz so that it
// can be unit-tested: calendar days, a time scale true to scale with breaks
// over long empty gaps, ticks that adapt to the span, and row stacking so
// that labels in a lane do not overlap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals::render_detail {

using Day = int64_t;  // days since 1970-01-01

struct Civil {
  int year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
};

Day day_from_civil(int year, unsigned month, unsigned day);
Civil civil_from_day(Day day);
std::string iso_day(Day day);  // "2022-01-05"

// "YYYY-MM-DD" (anything after the day, like "T10:00", is ignored).
std::optional<Day> parse_iso_day(std::string_view text);
// The first and the last day of "YYYY", "YYYY-MM" or "YYYY-MM-DD".
struct DaySpan {
  Day first = 0;
  Day last = 0;  // inclusive
};
std::optional<DaySpan> parse_iso_period(std::string_view text);

// A piece of the axis drawn true to scale; between two segments the axis is
// broken (a gap too long to draw).
struct Segment {
  Day first = 0;  // first day shown
  Day last = 0;   // last day shown (inclusive)
  double x0 = 0;  // x of the start of `first`
  double x1 = 0;  // x of the end of `last`
};

struct TimeScale {
  std::vector<Segment> segments;
  double px_per_day = 1;

  double x(Day day) const;             // start of the day
  double x_end(Day day) const;         // end of the day
  double left() const { return segments.front().x0; }
  double right() const { return segments.back().x1; }
};

struct ScaleOptions {
  double x0 = 0;            // where the axis starts
  double width = 800;       // axis length, breaks included
  double break_width = 36;  // space a break takes
  double break_ratio = 0.2;  // a gap longer than this share of the span...
  Day break_min_days = 45;   // ...and than this is broken
};

// `spans` must not be empty.
TimeScale make_scale(std::vector<DaySpan> spans, const ScaleOptions& options);

enum class TickUnit { day, week, month, quarter, year, year2, year5, decade, year25, century };
const char* to_string(TickUnit unit);

// The finest unit whose ticks are at least `min_spacing` px apart.
TickUnit choose_tick_unit(double px_per_day, double min_spacing = 50);

struct Tick {
  Day day = 0;
  double x = 0;
  std::string label;
};
std::vector<Tick> make_ticks(const TimeScale& scale, TickUnit unit);

// The first day of the period of `unit` that holds `day` (weeks start on
// Mondays), and a label for that period: "2022-01-05", "week of 2022-01-03",
// "Jan 2022", "Q1 2022", "2022", "2020s"...
Day period_start(Day day, TickUnit unit);
std::string period_label(Day start, TickUnit unit);

// Horizontal extents of items in one lane, in drawing order. Returns the row
// of each item: the first row where it keeps `gap` px from what is already
// there.
struct Extent {
  double x0 = 0;
  double x1 = 0;
};
std::vector<int> stack_rows(const std::vector<Extent>& items, double gap);

}  // namespace annals::render_detail
