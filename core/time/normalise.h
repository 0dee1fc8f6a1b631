// Internal: turns the slots a rule filled into a TIMEX3 value, resolving
// relative expressions against the DCT or the narrative's reference time.
#pragma once

#include <optional>

#include "time/calendar.h"
#include "time/rules.h"

namespace annals::detail {

// The last time the narrative established ("on January 10 ... the next day").
struct ReferenceTime {
  bool year_known = true;
  std::optional<DayNumber> day;  // day-level reference
  std::optional<int> month;      // months since year 0 (year * 12 + month - 1)
  std::optional<int> year;
};

struct Context {
  const Dct* dct = nullptr;
  ReferenceTime ref;
  int tense = -1;  // kPast, kFuture or -1 when the sentence gives no cue
  // The last quarter or half the article named (its reporting period): "a
  // year earlier" then means that period a year before ("rose from $5 a year
  // earlier"). Kept across sentences: results reports name the quarter once.
  std::optional<Point> sentence_period;
};

// Fills value, type, mod, quant, bounds, inferred, relative and range_end.
// Returns nothing when the slots make no valid value ("February 30").
// Updates the context's reference time.
std::optional<Timex> normalise(const Rule& rule, const Slots& start, const Slots& end,
                               Context& context);

}  // namespace annals::detail
