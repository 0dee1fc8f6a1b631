// Internal: calendar arithmetic (on Howard Hinnant's date library) and
// TIMEX3 values with their granularity and bounds.
#pragma once

#include <optional>
#include <string>

#include "time/timex.h"

namespace annals::detail {

inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;

struct Ymd {
  int year = 0, month = 0, day = 0;
};

bool valid_date(int year, int month, int day);
int last_day_of_month(int year, int month);  // 29 for February of an unknown (0) year
DayNumber day_number(int year, int month, int day);  // the date must be valid
Ymd ymd_of(DayNumber day);
int iso_weekday(DayNumber day);  // 1 = Monday .. 7 = Sunday
// ISO 8601 week of a day: year and week number.
void iso_week(DayNumber day, int& week_year, int& week);
DayNumber iso_week_monday(int week_year, int week);

enum class Grain : uint8_t {
  century, decade, year, half, quarter, season, month, week, weekend, day, daypart, hour,
  minute, second
};
bool finer_than_day(Grain g);

// A calendar value at some granularity: "2022", "2022-Q1", "2022-06-08T17:58".
struct Point {
  Grain grain = Grain::day;
  bool year_known = true;  // false: "XXXX-05-16"
  bool date_known = true;  // false: a time with no day at all, "XXXX-XX-XXT17:00"
  int year = 0;            // the ISO week year for week grains
  int month = 1, day = 1;
  int sub = 0;  // half/quarter number, season index, ISO week, decade, century
  int hour = 0, minute = 0, second = 0;
  int dpart = 0;

  bool valid() const;
  std::string value() const;
  std::optional<DayRange> bounds() const;
};

Point day_point(DayNumber day);

}  // namespace annals::detail
