#include "time/normalise.h"

#include <array>
#include <cstdint>

namespace annals::detail {
namespace {

constexpr int64_t kMaxAmount = 100000;  // larger counts are not time expressions we resolve
// A day this close after the DCT is meant even in a past-tense sentence
// (deadlines, schedules): a year-old date would be named with its year.
constexpr int64_t kNearFutureDays = 62;
// Companies report a quarter's results within this many days of its end.
constexpr int64_t kReportingDays = 45;

struct Resolved {
  Point point;
  std::string raw;  // a value with no calendar point: "XXXX-WXX-5", "PAST_REF"
  bool inferred = false;
  bool relative = false;
  bool from_period = false;  // a year before the reporting period: not a new period
};

std::optional<DayNumber> dct_day(const Context& c) {
  if (!c.dct || !valid_date(c.dct->year, c.dct->month, c.dct->day)) return std::nullopt;
  return day_number(c.dct->year, c.dct->month, c.dct->day);
}

bool is_clock_unit(int unit) { return unit == kHour || unit == kMinute || unit == kSecond; }

struct AnchorDay {
  DayNumber day = 0;
  bool year_known = true;
};

// The day a relative expression counts from: the narrative's reference time
// when the rule asks for it and one of fine enough grain exists, else the DCT.
std::optional<AnchorDay> anchor_day(const Context& c, const Slots& s) {
  if (s.get(Slot::anchor, kAnchorDct) == kAnchorRef) {
    int unit = s.get(Slot::unit, kDay);
    const ReferenceTime& ref = c.ref;
    bool day_level = unit == kDay || unit == kWeek || unit == kWeekend || is_clock_unit(unit);
    bool month_level = unit == kMonth || unit == kQuarter || unit == kHalf;
    if (ref.day && (day_level || month_level || !ref.year)) return AnchorDay{*ref.day, ref.year_known};
    if (month_level && ref.month) return AnchorDay{day_number(*ref.month / 12, *ref.month % 12 + 1, 1), true};
    if (!day_level && !month_level && ref.year) return AnchorDay{day_number(*ref.year, 1, 1), true};
  }
  if (auto day = dct_day(c)) return AnchorDay{*day, true};
  return std::nullopt;
}

// Ordinals mean different things next to different units: "the third
// quarter", "the 21st century", "the 5th of January".
void apply_ordinal(Slots& s) {
  if (!s.has(Slot::ord)) return;
  int ord = s.get(Slot::ord);
  int unit = s.get(Slot::unit, -1);
  if (unit == kCentury) s.put(Slot::decade, -1 - ord);  // marks a century, see calendar_point
  else if (unit != kQuarter && unit != kHalf && !s.has(Slot::day)) s.put(Slot::day, ord);
}

bool apply_am_pm(Slots& s) {
  if (!s.has(Slot::ampm) || !s.has(Slot::hour)) return true;
  int hour = s.get(Slot::hour);
  if (hour < 1 || hour > 12) return false;
  if (s.get(Slot::ampm) == kPm && hour < 12) hour += 12;
  if (s.get(Slot::ampm) == kAm && hour == 12) hour = 0;
  s.put(Slot::hour, hour);
  return true;
}

void apply_clock(const Slots& s, Point& p) {
  if (s.has(Slot::hour)) {
    p.hour = s.get(Slot::hour);
    p.minute = s.get(Slot::minute);
    p.second = s.get(Slot::second);
    p.grain = s.has(Slot::second) ? Grain::second
              : s.has(Slot::minute) ? Grain::minute : Grain::hour;
  } else if (s.has(Slot::dpart)) {
    p.dpart = s.get(Slot::dpart);
    p.grain = Grain::daypart;
  }
}

// The calendar fields a rule named; the year may be missing.
std::optional<Point> calendar_point(const Slots& s) {
  Point p;
  p.year_known = s.has(Slot::year);
  p.year = s.get(Slot::year);
  int unit = s.get(Slot::unit, -1);
  if (s.has(Slot::decade)) {
    int decade = s.get(Slot::decade);
    p.grain = decade < 0 ? Grain::century : Grain::decade;
    p.sub = decade < 0 ? -1 - decade - 1 : decade;
    return p;
  }
  if (s.has(Slot::month)) {
    p.month = s.get(Slot::month);
    p.grain = Grain::month;
    if (s.has(Slot::day)) {
      p.day = s.get(Slot::day);
      p.grain = Grain::day;
      apply_clock(s, p);
    }
  } else if (s.has(Slot::part)) {
    p.grain = Grain::season;
    p.sub = s.get(Slot::part);
  } else if ((unit == kQuarter || unit == kHalf) && s.has(Slot::ord)) {
    p.grain = unit == kQuarter ? Grain::quarter : Grain::half;
    p.sub = s.get(Slot::ord);
  } else if (s.has(Slot::year) && !s.has(Slot::day)) {
    p.grain = Grain::year;
  } else {
    return std::nullopt;
  }
  return p;
}

// Picks the year of a partial date ("May 16", "in June") near the DCT:
// "last"/"next" step away from the current period; otherwise past tense
// takes the latest occurrence that has begun, future the next one that has
// not ended, and with no cue the nearer, leaning to the past (news reports).
std::optional<int> infer_year(const Point& p, DayNumber today, int dct_year, int tense, int shift,
                              bool has_shift) {
  std::array<std::optional<DayRange>, 3> cand;
  for (int k = 0; k < 3; ++k) {
    Point q = p;
    q.year = dct_year - 1 + k;
    q.year_known = true;
    if (q.valid()) cand[size_t(k)] = q.bounds();
  }
  auto pick = [&](auto ok, bool latest) -> std::optional<int> {
    for (int i = 0; i < 3; ++i) {
      int k = latest ? 2 - i : i;
      if (cand[size_t(k)] && ok(*cand[size_t(k)])) return dct_year - 1 + k;
    }
    return std::nullopt;
  };
  if (has_shift && shift < 0) return pick([&](DayRange r) { return r.last < today; }, true);
  if (has_shift && shift > 0) return pick([&](DayRange r) { return r.first > today; }, false);
  if (has_shift) return cand[1] ? std::optional<int>(dct_year) : std::nullopt;
  auto prev = pick([&](DayRange r) { return r.first <= today; }, true);
  auto next = pick([&](DayRange r) { return r.last >= today; }, false);
  if (tense == kPast && next && prev != next && p.grain >= Grain::day &&
      cand[size_t(*next - dct_year + 1)]->first - today <= kNearFutureDays)
    return next;  // "had been set to expire Nov. 6", written on Nov. 2
  // Results for a quarter or half come out in the weeks after it ends, so a
  // report's "third-quarter earnings will be lower" is the one just ended.
  if (tense == kFuture && prev && next && prev != next &&
      (p.grain == Grain::quarter || p.grain == Grain::half) &&
      today - cand[size_t(*prev - dct_year + 1)]->last <= kReportingDays)
    return prev;
  if (tense == kPast || !next) return prev;
  if (tense == kFuture || !prev) return next;
  if (*prev == *next) return prev;
  auto middle = [&](int year) {
    const DayRange& r = *cand[size_t(year - dct_year + 1)];
    return (int64_t(r.first) + r.last) / 2;
  };
  int64_t to_prev = today - middle(*prev);
  int64_t to_next = middle(*next) - today;
  return 3 * to_next < to_prev ? next : prev;
}

// "Friday", "last Friday", "next Monday".
std::optional<Resolved> resolve_weekday(const Slots& s, const Context& c) {
  int target = s.get(Slot::weekday);
  if (target < 1 || target > 7) return std::nullopt;
  Resolved r;
  r.relative = true;
  auto anchor = anchor_day(c, s);
  if (!anchor) {
    r.raw = "XXXX-WXX-" + std::to_string(target);
    return r;
  }
  DayNumber base = anchor->day;
  int today = iso_weekday(base);
  DayNumber past = base - (today - target + 7) % 7;
  DayNumber future = base + (target - today + 7) % 7;
  DayNumber day = past;
  int shift = s.get(Slot::shift, 0);
  if (s.has(Slot::shift) && shift < 0) day = past == base ? base - 7 : past;
  else if (s.has(Slot::shift) && shift > 0) day = future == base ? base + 7 : future;
  else if (c.tense == kFuture) day = future;  // news reports mostly look back
  r.point = day_point(day);
  r.point.year_known = anchor->year_known;
  apply_clock(s, r.point);
  return r;
}

// "5 p.m.", "17:58": on the reference day, or the DCT's.
Resolved resolve_clock(const Slots& s, const Context& c) {
  Resolved r;
  r.relative = true;
  Slots day_slots = s;
  day_slots.put(Slot::unit, kDay);
  // "noon yesterday" counts from the DCT; a bare "5 p.m." from the story's day.
  if (!s.has(Slot::shift)) day_slots.put(Slot::anchor, kAnchorRef);
  if (auto anchor = anchor_day(c, day_slots)) {
    int64_t day = int64_t(anchor->day) + s.get(Slot::shift, 0);
    r.point = day_point(DayNumber(day));
    r.point.year_known = anchor->year_known;
  } else {
    r.point.year_known = false;
    r.point.date_known = false;
  }
  apply_clock(s, r.point);
  return r;
}

// A spoken year: the century word sets the hundreds, the number words after
// it the rest ("nineteen ninety-four"). Below ten it is no year ("nineteen five").
bool apply_spoken_year(Slots& s) {
  if (!s.has(Slot::year) || !s.has(Slot::n) || s.has(Slot::unit)) return true;
  int year = s.get(Slot::year);
  int64_t rest = s.get(Slot::n);
  if (year % 100 != 0 || rest < 10 || rest > 99) return false;
  s.put(Slot::year, year + int(rest));
  return true;
}

std::optional<Resolved> resolve_date(Slots s, const Context& c) {
  apply_ordinal(s);
  if (!apply_spoken_year(s)) return std::nullopt;
  if (!apply_am_pm(s)) return std::nullopt;
  bool no_calendar = !s.has(Slot::month) && !s.has(Slot::year) && !s.has(Slot::day) &&
                     !s.has(Slot::part) && !s.has(Slot::decade) && !s.has(Slot::ord);
  if (no_calendar && s.has(Slot::weekday)) return resolve_weekday(s, c);
  if (no_calendar && s.has(Slot::hour)) return resolve_clock(s, c);
  auto point = calendar_point(s);
  if (!point) return std::nullopt;
  Resolved r;
  r.point = *point;
  bool yearly = r.point.grain != Grain::century && r.point.grain != Grain::decade;
  if (yearly && !r.point.year_known) {
    r.relative = true;
    int shift = s.get(Slot::shift, 0);
    bool period = r.point.grain == Grain::quarter || r.point.grain == Grain::half;
    if (s.has(Slot::shift) && (s.get(Slot::unit, -1) == kYear || period)) {
      // "January this year", "the autumn of last year", "last year's third
      // quarter", "the year-ago third quarter": the shift moves the year."
      Slots year_slots = s;
      if (auto anchor = anchor_day(c, year_slots); anchor && anchor->year_known) {
        r.point.year = ymd_of(anchor->day).year + shift;
        r.point.year_known = true;
      }
    } else if (auto today = dct_day(c)) {
      auto year = infer_year(r.point, *today, c.dct->year, c.tense, shift, s.has(Slot::shift));
      if (!year) return std::nullopt;
      r.point.year = *year;
      r.point.year_known = true;
      r.inferred = true;
    }
  }
  if (!r.point.valid()) return std::nullopt;
  return r;
}

// A unit as a point: the anchor day moved by delta units.
std::optional<Point> shifted(DayNumber anchor, int unit, int64_t delta) {
  Ymd a = ymd_of(anchor);
  Point p;
  auto year_of = [](int64_t index, int per_year) { return index >= 0 ? index / per_year : -1; };
  switch (unit) {
    case kDay: {
      int64_t day = anchor + delta;
      if (day < day_number(kMinYear, 1, 1) || day > day_number(kMaxYear, 12, 31)) return std::nullopt;
      return day_point(DayNumber(day));
    }
    case kWeek:
    case kWeekend: {
      int64_t day = anchor + 7 * delta;
      if (day < day_number(kMinYear, 1, 8) || day > day_number(kMaxYear, 12, 24)) return std::nullopt;
      iso_week(DayNumber(day), p.year, p.sub);
      p.grain = unit == kWeek ? Grain::week : Grain::weekend;
      return p;
    }
    case kMonth: {
      int64_t index = int64_t(a.year) * 12 + (a.month - 1) + delta;
      p.grain = Grain::month;
      p.year = int(year_of(index, 12));
      p.month = int(index % 12) + 1;
      break;
    }
    case kQuarter:
    case kHalf: {
      int per_year = unit == kQuarter ? 4 : 2;
      int64_t index = int64_t(a.year) * per_year + (a.month - 1) / (12 / per_year) + delta;
      p.grain = unit == kQuarter ? Grain::quarter : Grain::half;
      p.year = int(year_of(index, per_year));
      p.sub = int(index % per_year) + 1;
      break;
    }
    case kYear:
      p.grain = Grain::year;
      if (a.year + delta < kMinYear || a.year + delta > kMaxYear) return std::nullopt;
      p.year = int(a.year + delta);
      break;
    case kDecade:
    case kCentury: {
      int size = unit == kDecade ? 10 : 100;
      int64_t index = a.year / size + delta;
      if (index < 0 || index * size > kMaxYear) return std::nullopt;
      p.grain = unit == kDecade ? Grain::decade : Grain::century;
      p.sub = int(index);
      p.year = int(index * size);
      break;
    }
    default: return std::nullopt;
  }
  if (p.year < kMinYear || p.year > kMaxYear) return std::nullopt;
  return p;
}

std::string unknown_value(int unit) {
  switch (unit) {
    case kWeek: return "XXXX-WXX";
    case kWeekend: return "XXXX-WXX-WE";
    case kMonth: return "XXXX-XX";
    case kQuarter: return "XXXX-QX";
    case kHalf: return "XXXX-HX";
    case kYear: return "XXXX";
    case kDecade: return "XXX";
    case kCentury: return "XX";
    default: return "XXXX-XX-XX";
  }
}

// "yesterday", "last week", "two days ago", "the next day", "that evening".
std::optional<Resolved> resolve_rel(const Slots& s, const Context& c) {
  if (!s.has(Slot::unit)) return std::nullopt;
  int unit = s.get(Slot::unit);
  int64_t n = s.get(Slot::n, 1);
  int shift = s.get(Slot::shift, 0);
  Resolved r;
  r.relative = true;
  if (n == kVague || is_clock_unit(unit)) {
    // "several days ago", "two hours ago": only the direction is known.
    r.raw = shift < 0 ? "PAST_REF" : shift > 0 ? "FUTURE_REF" : "PRESENT_REF";
    return r;
  }
  if (n < 0 || n > kMaxAmount) return std::nullopt;
  auto anchor = anchor_day(c, s);
  if (!anchor) {
    r.raw = unknown_value(unit);
    if (unit == kDay && s.has(Slot::dpart)) r.raw += "T" + std::string(code_of(Slot::dpart, s.get(Slot::dpart)));
    return r;
  }
  // "a year ago" in a report on a quarter is that quarter a year before;
  // "last year" (anchored to the DCT by its word) stays the calendar year.
  bool names_dct = s.has(Slot::anchor) && s.get(Slot::anchor) == kAnchorDct;
  if (unit == kYear && shift < 0 && n == 1 && !names_dct && c.sentence_period) {
    r.point = *c.sentence_period;
    r.point.year += int(shift * n);
    r.from_period = true;
    if (!r.point.valid()) return std::nullopt;
    return r;
  }
  // "(over) the weekend" written on a weekday: the one just past, unless
  // the sentence looks ahead; "this weekend" names its week by its word.
  if (unit == kWeekend && !s.has(Slot::shift) && c.tense != kFuture &&
      iso_weekday(anchor->day) < 6)
    shift = -1;
  auto point = shifted(anchor->day, unit, shift * n);
  if (!point) return std::nullopt;
  r.point = *point;
  r.point.year_known = anchor->year_known || r.point.grain == Grain::decade ||
                       r.point.grain == Grain::century;
  if (unit == kDay) apply_clock(s, r.point);
  return r;
}

std::string duration_value(int64_t n, int unit) {
  std::string amount = n == kVague ? "X" : std::to_string(n);
  switch (unit) {
    case kHour: return "PT" + amount + "H";
    case kMinute: return "PT" + amount + "M";
    case kSecond: return "PT" + amount + "S";
    case kHalf: return n == kVague ? "PXM" : "P" + std::to_string(6 * n) + "M";
    case kQuarter: return n == kVague ? "PXM" : "P" + std::to_string(3 * n) + "M";
    case kDecade: return "P" + amount + "E";   // TimeML 1.2: E decades, C centuries
    case kCentury: return "P" + amount + "C";
    default: return "P" + amount + std::string(code_of(Slot::unit, unit));
  }
}

// "two and a half years": the half is written in the next smaller unit
// (P2Y6M, PT1M30S), as TimeML values have no fractions. Empty when the
// unit has no such split.
std::string duration_with_half(int64_t n, int unit) {
  std::string whole = std::to_string(n);
  switch (unit) {
    case kYear: return "P" + whole + "Y6M";
    case kHalf: return "P" + std::to_string(6 * n + 3) + "M";
    case kQuarter: return "P" + std::to_string(3 * n + 1) + "M15D";
    case kMonth: return "P" + whole + "M15D";
    case kWeek: return "P" + std::to_string(7 * n + 3) + "DT12H";
    case kDecade: return "P" + std::to_string(10 * n + 5) + "Y";
    case kCentury: return "P" + std::to_string(100 * n + 50) + "Y";
    case kDay: return "P" + whole + "DT12H";
    case kHour: return "PT" + whole + "H30M";
    case kMinute: return "PT" + whole + "M30S";
    default: return {};
  }
}

// "June 28 to 30", "between 2001 and 2009": the end takes the start's
// fields except those the end names, and rolls into the next year if needed.
std::optional<Point> range_end(const Point& start, Slots end) {
  apply_ordinal(end);
  Point e = start;
  if (end.has(Slot::year)) e.year = end.get(Slot::year);
  if (end.has(Slot::month)) e.month = end.get(Slot::month);
  if (end.has(Slot::day)) e.day = end.get(Slot::day);
  if (end.has(Slot::hour)) apply_clock(end, e);
  if (!e.valid()) return std::nullopt;
  auto first = start.bounds();
  auto last = e.bounds();
  if (first && last && last->first < first->first && !end.has(Slot::year) && start.year_known) {
    ++e.year;
    if (!e.valid()) return std::nullopt;
    last = e.bounds();
  }
  if (first && last && last->first < first->first) return std::nullopt;
  return e;
}

void update_reference(const Point& p, ReferenceTime& ref) {
  if (!p.date_known) return;
  bool day_level = p.grain >= Grain::day;
  if (!p.year_known) {
    if (!day_level) return;
    // Count days within a leap year so that 29 February stays possible.
    ref.day = day_number(2000, p.month, p.day);
    ref.year_known = false;
    ref.month.reset();
    ref.year.reset();
    return;
  }
  if (p.grain < Grain::year || p.grain == Grain::week || p.grain == Grain::weekend) return;
  int month = p.year * 12 + p.month - 1;
  if (day_level) {
    ref.day = day_number(p.year, p.month, p.day);
    ref.year_known = true;
    ref.month = month;
  } else if (p.grain == Grain::month) {
    if (ref.month != month) ref.day.reset();
    ref.month = month;
  } else {
    if (ref.year != p.year) ref.day.reset(), ref.month.reset();
  }
  ref.year = p.year;
}

}  // namespace

std::optional<Timex> normalise(const Rule& rule, const Slots& start, const Slots& end,
                               Context& context) {
  Timex timex;
  timex.type = rule.type;
  if (start.has(Slot::mod)) timex.mod = code_of(Slot::mod, start.get(Slot::mod));
  if (start.has(Slot::quant)) timex.quant = code_of(Slot::quant, start.get(Slot::quant));
  if (rule.op == Op::dur || rule.op == Op::set) {
    if (rule.op == Op::set && start.has(Slot::weekday)) {  // "every Monday"
      timex.value = "XXXX-WXX-" + std::to_string(start.get(Slot::weekday));
      if (start.has(Slot::dpart)) timex.value += "T" + std::string(code_of(Slot::dpart, start.get(Slot::dpart)));
      return timex;
    }
    if (rule.op == Op::set && start.has(Slot::month)) {  // "each July"
      Point month;
      month.grain = Grain::month;
      month.year_known = false;
      month.month = start.get(Slot::month);
      if (!month.valid()) return std::nullopt;
      timex.value = month.value();
      return timex;
    }
    int64_t n = start.get(Slot::n, 1);
    if (!start.has(Slot::unit) || (n != kVague && (n < 0 || n > kMaxAmount))) return std::nullopt;
    if (n >= 1000 && n <= 2999 && !is_clock_unit(start.get(Slot::unit)) && start.get(Slot::unit) != kDay)
      return std::nullopt;  // "the 1988 quarter": a year, not 1988 quarters
    int unit = start.get(Slot::unit);
    if (start.has(Slot::half)) {
      if (n == kVague || (timex.value = duration_with_half(n, unit)).empty()) return std::nullopt;
      return timex;
    }
    timex.value = rule.op == Op::set && unit == kQuarter ? "P" + std::to_string(n) + "Q"
                                                           : duration_value(n, unit);
    return timex;
  }
  if (rule.op == Op::ref) {
    if (!start.has(Slot::value)) return std::nullopt;
    timex.value = code_of(Slot::value, start.get(Slot::value));
    return timex;
  }
  auto resolved = rule.op == Op::date ? resolve_date(start, context) : resolve_rel(start, context);
  if (!resolved) return std::nullopt;
  timex.inferred = resolved->inferred;
  timex.relative = resolved->relative;
  if (!resolved->raw.empty()) {
    timex.value = resolved->raw;
    if (timex.value.starts_with("XXXX-XX-XXT")) timex.type = TimexType::time;
    return timex;
  }
  const Point& p = resolved->point;
  if (!p.valid()) return std::nullopt;
  timex.value = p.value();
  timex.bounds = p.bounds();
  if (finer_than_day(p.grain)) timex.type = TimexType::time;
  if (!end.empty()) {
    auto e = range_end(p, end);
    if (!e) return std::nullopt;
    timex.range_end = e->value();
    if (auto last = e->bounds(); last && timex.bounds) timex.bounds->last = last->last;
  }
  update_reference(p, context.ref);
  if (p.year_known && !resolved->from_period && (p.grain == Grain::quarter || p.grain == Grain::half))
    context.sentence_period = p;
  return timex;
}

}  // namespace annals::detail
