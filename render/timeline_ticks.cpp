// Ticks for the timeline axis and row stacking (see timeline_layout.h).
#include <algorithm>
#include <cstdio>

#include "timeline_layout.h"

namespace annals::render_detail {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct UnitInfo {
  TickUnit unit;
  double days;  // typical length
  const char* name;
};

constexpr UnitInfo kUnits[] = {
    {TickUnit::day, 1, "day"},          {TickUnit::week, 7, "week"},
    {TickUnit::month, 30.44, "month"},  {TickUnit::quarter, 91.31, "quarter"},
    {TickUnit::year, 365.25, "year"},   {TickUnit::year2, 730.5, "2 years"},
    {TickUnit::year5, 1826.25, "5 years"}, {TickUnit::decade, 3652.5, "decade"},
    {TickUnit::year25, 9131.25, "25 years"}, {TickUnit::century, 36525, "century"},
};

int years_per_tick(TickUnit unit) {
  switch (unit) {
    case TickUnit::year2: return 2;
    case TickUnit::year5: return 5;
    case TickUnit::decade: return 10;
    case TickUnit::year25: return 25;
    case TickUnit::century: return 100;
    default: return 1;
  }
}

// Whether a tick falls on `day` for this unit.
bool is_tick(Day day, TickUnit unit) {
  const Civil c = civil_from_day(day);
  switch (unit) {
    case TickUnit::day: return true;
    case TickUnit::week: return ((day % 7) + 7 + 3) % 7 == 0;  // Mondays
    case TickUnit::month: return c.day == 1;
    case TickUnit::quarter: return c.day == 1 && (c.month - 1) % 3 == 0;
    default: {
      const int k = years_per_tick(unit);
      return c.day == 1 && c.month == 1 && ((c.year % k) + k) % k == 0;
    }
  }
}

// Next candidate day after `day` (days for fine units, months for coarse).
Day next_candidate(Day day, TickUnit unit) {
  if (unit == TickUnit::day || unit == TickUnit::week) return day + 1;
  const Civil c = civil_from_day(day);
  if (c.day != 1) return day_from_civil(c.month == 12 ? c.year + 1 : c.year, c.month % 12 + 1, 1);
  if (unit == TickUnit::month || unit == TickUnit::quarter) {
    return day_from_civil(c.month == 12 ? c.year + 1 : c.year, c.month % 12 + 1, 1);
  }
  return day_from_civil(c.year + 1, 1, 1);
}

std::string tick_label(Day day, TickUnit unit, bool first) {
  const Civil c = civil_from_day(day);
  char buf[48];
  if (unit == TickUnit::day || unit == TickUnit::week) {
    if (first || (c.month == 1 && c.day == 1)) {
      std::snprintf(buf, sizeof buf, "%u %s %d", c.day, kMonths[c.month - 1], c.year);
    } else {
      std::snprintf(buf, sizeof buf, "%u %s", c.day, kMonths[c.month - 1]);
    }
  } else if (unit == TickUnit::month || unit == TickUnit::quarter) {
    if (first || c.month == 1) {
      std::snprintf(buf, sizeof buf, "%s %d", kMonths[c.month - 1], c.year);
    } else {
      std::snprintf(buf, sizeof buf, "%s", kMonths[c.month - 1]);
    }
  } else {
    std::snprintf(buf, sizeof buf, "%d", c.year);
  }
  return buf;
}

}  // namespace

const char* to_string(TickUnit unit) {
  for (const UnitInfo& u : kUnits) {
    if (u.unit == unit) return u.name;
  }
  return "?";
}

TickUnit choose_tick_unit(double px_per_day, double min_spacing) {
  for (const UnitInfo& u : kUnits) {
    if (u.days * px_per_day >= min_spacing) return u.unit;
  }
  return TickUnit::century;
}

std::vector<Tick> make_ticks(const TimeScale& scale, TickUnit unit) {
  std::vector<Tick> ticks;
  for (const Segment& s : scale.segments) {
    bool first = true;
    for (Day d = s.first; d <= s.last; d = next_candidate(d, unit)) {
      if (!is_tick(d, unit)) continue;
      ticks.push_back({d, scale.x(d), tick_label(d, unit, first)});
      first = false;
    }
    if (first) {  // a short segment without a tick of its own
      const Day mid = s.first + (s.last - s.first) / 2;
      ticks.push_back({mid, scale.x(mid) + scale.px_per_day / 2,
                       tick_label(mid, TickUnit::day, true)});
    }
  }
  return ticks;
}

Day period_start(Day day, TickUnit unit) {
  if (unit == TickUnit::day) return day;
  if (unit == TickUnit::week) return day - (((day % 7) + 7 + 3) % 7);
  const Civil c = civil_from_day(day);
  if (unit == TickUnit::month) return day_from_civil(c.year, c.month, 1);
  if (unit == TickUnit::quarter) return day_from_civil(c.year, c.month - (c.month - 1) % 3, 1);
  const int k = years_per_tick(unit);
  return day_from_civil(c.year - (((c.year % k) + k) % k), 1, 1);
}

std::string period_label(Day start, TickUnit unit) {
  const Civil c = civil_from_day(start);
  char buf[48];
  switch (unit) {
    case TickUnit::day: return iso_day(start);
    case TickUnit::week: return "week of " + iso_day(start);
    case TickUnit::month: std::snprintf(buf, sizeof buf, "%s %d", kMonths[c.month - 1], c.year); break;
    case TickUnit::quarter: std::snprintf(buf, sizeof buf, "Q%u %d", (c.month - 1) / 3 + 1, c.year); break;
    case TickUnit::year: std::snprintf(buf, sizeof buf, "%d", c.year); break;
    default: std::snprintf(buf, sizeof buf, "%d\u2013%d", c.year, c.year + years_per_tick(unit) - 1);
  }
  return buf;
}

std::vector<int> stack_rows(const std::vector<Extent>& items, double gap) {
  std::vector<double> row_end;
  std::vector<int> rows;
  rows.reserve(items.size());
  for (const Extent& e : items) {
    size_t r = 0;
    while (r < row_end.size() && row_end[r] + gap > e.x0) ++r;
    if (r == row_end.size()) row_end.push_back(e.x1);
    row_end[r] = std::max(row_end[r], e.x1);
    rows.push_back(static_cast<int>(r));
  }
  return rows;
}

}  // namespace annals::render_detail
