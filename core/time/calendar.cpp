#include "time/calendar.h"

#include <date/date.h>

#include "time/lexicon.h"

namespace annals::detail {
namespace {

// Months of each season; winter runs into the next year.
constexpr int kSeasonFirstMonth[] = {3, 6, 9, 12};

std::string pad(int value, int width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (int(digits.size()) < width) digits.insert(0, size_t(width) - digits.size(), '0');
  return digits;
}

DayNumber first_of(int year, int month) { return day_number(year, month, 1); }
DayNumber last_of(int year, int month) {
  return day_number(year, month, last_day_of_month(year, month));
}

}  // namespace

bool valid_date(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1) return false;
  return date::year_month_day(date::year(year), date::month(unsigned(month)),
                              date::day(unsigned(day))).ok();
}

int last_day_of_month(int year, int month) {
  if (month < 1 || month > 12) return 0;
  if (year == 0) year = 2000;  // unknown year: allow 29 February
  auto last = date::year_month_day_last(date::year(year),
                                        date::month_day_last(date::month(unsigned(month))));
  return int(unsigned(last.day()));
}

DayNumber day_number(int year, int month, int day) {
  auto ymd = date::year(year) / date::month(unsigned(month)) / date::day(unsigned(day));
  return DayNumber(date::sys_days(ymd).time_since_epoch().count());
}

Ymd ymd_of(DayNumber day) {
  date::year_month_day ymd{date::sys_days(date::days(day))};
  return Ymd{int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

int iso_weekday(DayNumber day) {
  return int(date::weekday(date::sys_days(date::days(day))).iso_encoding());
}

// The week belongs to the year of its Thursday.
void iso_week(DayNumber day, int& week_year, int& week) {
  DayNumber thursday = day - iso_weekday(day) + 4;
  week_year = ymd_of(thursday).year;
  week = (thursday - day_number(week_year, 1, 1)) / 7 + 1;
}

DayNumber iso_week_monday(int week_year, int week) {
  DayNumber jan4 = day_number(week_year, 1, 4);
  DayNumber monday1 = jan4 - iso_weekday(jan4) + 1;
  return monday1 + (week - 1) * 7;
}

bool finer_than_day(Grain g) { return g >= Grain::daypart; }

Point day_point(DayNumber day) {
  Ymd ymd = ymd_of(day);
  Point p;
  p.grain = Grain::day;
  p.year = ymd.year;
  p.month = ymd.month;
  p.day = ymd.day;
  return p;
}

bool Point::valid() const {
  if (year_known && (year < kMinYear || year > kMaxYear)) return false;
  switch (grain) {
    case Grain::century: return sub >= 0 && sub <= 99;
    case Grain::decade: return sub >= 0 && sub <= 999;
    case Grain::year: return true;
    case Grain::half: return sub == 1 || sub == 2;
    case Grain::quarter: return sub >= 1 && sub <= 4;
    case Grain::season: return sub >= 0 && sub <= 3;
    case Grain::month: return month >= 1 && month <= 12;
    case Grain::week:
    case Grain::weekend: return sub >= 1 && sub <= 53;
    default: break;
  }
  if (date_known) {
    if (month < 1 || month > 12 || day < 1) return false;
    if (day > last_day_of_month(year_known ? year : 0, month)) return false;
  }
  return hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

std::string Point::value() const {
  std::string y = year_known ? pad(year, 4) : "XXXX";
  switch (grain) {
    case Grain::century: return pad(sub, 2);
    case Grain::decade: return pad(sub, 3);
    case Grain::year: return y;
    case Grain::half: return y + "-H" + std::to_string(sub);
    case Grain::quarter: return y + "-Q" + std::to_string(sub);
    case Grain::season: return y + "-" + std::string(code_of(Slot::part, sub));
    case Grain::month: return y + "-" + pad(month, 2);
    case Grain::week: return y + "-W" + pad(sub, 2);
    case Grain::weekend: return y + "-W" + pad(sub, 2) + "-WE";
    default: break;
  }
  std::string d = date_known ? y + "-" + pad(month, 2) + "-" + pad(day, 2) : "XXXX-XX-XX";
  switch (grain) {
    case Grain::daypart: return d + "T" + std::string(code_of(Slot::dpart, dpart));
    // TimeBank and the TIMEX3 guidelines write a whole hour with its
    // minutes: "5 p.m." is T17:00.
    case Grain::hour: return d + "T" + pad(hour, 2) + ":00";
    case Grain::minute: return d + "T" + pad(hour, 2) + ":" + pad(minute, 2);
    case Grain::second:
      return d + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2);
    default: return d;
  }
}

std::optional<DayRange> Point::bounds() const {
  if (!valid()) return std::nullopt;
  switch (grain) {
    case Grain::century: {
      int first = sub * 100, last = sub * 100 + 99;
      if (first < kMinYear) first = kMinYear;
      return DayRange{first_of(first, 1), last_of(last, 12)};
    }
    case Grain::decade: {
      int first = sub * 10, last = sub * 10 + 9;
      if (last < kMinYear) return std::nullopt;
      if (first < kMinYear) first = kMinYear;
      return DayRange{first_of(first, 1), last_of(last, 12)};
    }
    default: break;
  }
  if (!year_known || !date_known) return std::nullopt;
  switch (grain) {
    case Grain::year: return DayRange{first_of(year, 1), last_of(year, 12)};
    case Grain::half: return DayRange{first_of(year, sub * 6 - 5), last_of(year, sub * 6)};
    case Grain::quarter: return DayRange{first_of(year, sub * 3 - 2), last_of(year, sub * 3)};
    case Grain::season: {
      int first = kSeasonFirstMonth[sub];
      if (first == 12) {
        if (year == kMaxYear) return std::nullopt;
        return DayRange{first_of(year, 12), last_of(year + 1, 2)};
      }
      return DayRange{first_of(year, first), last_of(year, first + 2)};
    }
    case Grain::month: return DayRange{first_of(year, month), last_of(year, month)};
    case Grain::week: {
      DayNumber monday = iso_week_monday(year, sub);
      return DayRange{monday, monday + 6};
    }
    case Grain::weekend: {
      DayNumber monday = iso_week_monday(year, sub);
      return DayRange{monday + 5, monday + 6};
    }
    default: {
      DayNumber d = day_number(year, month, day);
      return DayRange{d, d};
    }
  }
}

}  // namespace annals::detail
