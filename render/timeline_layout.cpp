#include "timeline_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace annals::render_detail {

// Howard Hinnant's days_from_civil / civil_from_days.
Day day_from_civil(int year, unsigned month, unsigned day) {
  const Day y = static_cast<Day>(year) - (month <= 2);
  const Day era = (y >= 0 ? y : y - 399) / 400;
  const Day yoe = y - era * 400;
  const Day doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const Day doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil civil_from_day(Day z) {
  z += 719468;
  const Day era = (z >= 0 ? z : z - 146096) / 146097;
  const Day doe = z - era * 146097;
  const Day yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const Day doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const Day mp = (5 * doy + 2) / 153;
  const unsigned d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const unsigned m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

std::string iso_day(Day day) {
  const Civil c = civil_from_day(day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buf;
}

namespace {

std::optional<int> digits(std::string_view text, size_t at, size_t n) {
  if (text.size() < at + n) return std::nullopt;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

unsigned days_in_month(int year, unsigned month) {
  const Day next = month == 12 ? day_from_civil(year + 1, 1, 1)
                               : day_from_civil(year, month + 1, 1);
  return static_cast<unsigned>(next - day_from_civil(year, month, 1));
}

}  // namespace

std::optional<DaySpan> parse_iso_period(std::string_view text) {
  const auto year = digits(text, 0, 4);
  if (!year) return std::nullopt;
  if (text.size() == 4) {
    return DaySpan{day_from_civil(*year, 1, 1), day_from_civil(*year, 12, 31)};
  }
  const auto month = text.size() >= 7 && text[4] == '-' ? digits(text, 5, 2) : std::nullopt;
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  const unsigned m = static_cast<unsigned>(*month);
  if (text.size() == 7) {
    return DaySpan{day_from_civil(*year, m, 1),
                   day_from_civil(*year, m, days_in_month(*year, m))};
  }
  const auto day = text.size() >= 10 && text[7] == '-' ? digits(text, 8, 2) : std::nullopt;
  if (!day || *day < 1 || static_cast<unsigned>(*day) > days_in_month(*year, m)) {
    return std::nullopt;
  }
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  const Day d = day_from_civil(*year, m, static_cast<unsigned>(*day));
  return DaySpan{d, d};
}

std::optional<Day> parse_iso_day(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  const auto span = parse_iso_period(text);
  if (!span) return std::nullopt;
  return span->first;
}

double TimeScale::x(Day day) const {
  const Segment* prev = nullptr;
  for (const Segment& s : segments) {
    if (day < s.first) {
      if (!prev) return s.x0 - static_cast<double>(s.first - day) * px_per_day;
      return (prev->x1 + s.x0) / 2;  // inside a break
    }
    if (day <= s.last + 1) return s.x0 + static_cast<double>(day - s.first) * px_per_day;
    prev = &s;
  }
  const Segment& last = segments.back();
  return last.x1 + static_cast<double>(day - last.last - 1) * px_per_day;
}

double TimeScale::x_end(Day day) const { return x(day) + px_per_day; }

namespace {

// Merges spans into runs drawn without a break between them.
std::vector<DaySpan> runs_of(std::vector<DaySpan> spans, const ScaleOptions& options) {
  std::sort(spans.begin(), spans.end(),
            [](const DaySpan& a, const DaySpan& b) { return a.first < b.first; });
  Day lo = spans.front().first, hi = spans.front().last;
  for (const DaySpan& s : spans) hi = std::max(hi, s.last);
  const double total = static_cast<double>(hi - lo + 1);
  std::vector<DaySpan> runs;
  for (const DaySpan& s : spans) {
    if (!runs.empty()) {
      const Day gap = s.first - runs.back().last - 1;
      const bool broken = gap >= options.break_min_days &&
                          static_cast<double>(gap) > options.break_ratio * total;
      if (!broken) {
        runs.back().last = std::max(runs.back().last, s.last);
        continue;
      }
    }
    runs.push_back(s);
  }
  return runs;
}

}  // namespace

TimeScale make_scale(std::vector<DaySpan> spans, const ScaleOptions& options) {
  std::vector<DaySpan> runs = runs_of(std::move(spans), options);
  Day visible = 0;
  for (const DaySpan& r : runs) visible += r.last - r.first + 1;
  const Day pad = std::max<Day>(1, static_cast<Day>(std::lround(visible * 0.03)));
  for (DaySpan& r : runs) {
    r.first -= pad;
    r.last += pad;
  }
  visible += 2 * pad * static_cast<Day>(runs.size());
  const double breaks = options.break_width * static_cast<double>(runs.size() - 1);
  TimeScale scale;
  scale.px_per_day = std::max(0.001, (options.width - breaks) / static_cast<double>(visible));
  double x = options.x0;
  for (const DaySpan& r : runs) {
    const double len = static_cast<double>(r.last - r.first + 1) * scale.px_per_day;
    scale.segments.push_back({r.first, r.last, x, x + len});
    x += len + options.break_width;
  }
  return scale;
}

}  // namespace annals::render_detail
