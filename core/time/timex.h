// Stage 3 — time: TIMEX3 time expressions, normalised against the article's
// date (DCT) and the narrative's last reference time.
//
//   auto tagger = annals::TimeTagger::create(resources);
//   doc.dct = tagger->find_dct(doc);              // unless given by --dct
//   auto timexes = tagger->tag(doc, segmentation);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "text/document.h"
#include "text/segment.h"
#include "util/result.h"

namespace annals {

enum class TimexType : uint8_t { date, time, duration, set };
const char* to_string(TimexType type);

// A calendar day as days since 1970-01-01 (date::sys_days::rep), so that
// plain data stays free of template types.
using DayNumber = int32_t;
std::string iso_day(DayNumber day);  // "2022-01-05"

// The earliest and the latest day a value can mean ("2022-06" is
// 2022-06-01..2022-06-30; "XXXX-05-16" has no bounds).
struct DayRange {
  DayNumber first = 0;
  DayNumber last = 0;
  bool operator==(const DayRange&) const = default;
};

struct Timex {
  Span span;
  uint32_t sentence = 0;  // index into Segmentation::sentences
  TimexType type = TimexType::date;
  std::string value;      // TIMEX3 value: "2022-01-05", "XXXX-05-16", "P3M", "PAST_REF"
  std::string mod;        // TIMEX3 mod: "START", "MORE_THAN", ... or empty
  std::string quant;      // for sets: "EVERY", or empty
  std::optional<DayRange> bounds;  // for dates and times
  bool inferred = false;  // some part (the year, say) was guessed
  bool relative = false;  // anchored to the DCT or to a previous timex
  // For ranges ("from June 28 to 30"): the timex is the whole phrase, value
  // its start, and range_end the value of its end.
  std::string range_end;
  // For ranges, the words naming each end ("June 28" and "30"), so that a
  // writer can emit the two TIMEX3s TimeML annotates; empty otherwise.
  Span range_start_span;
  Span range_end_span;
};

class TimeTagger {
 public:
  static Result<TimeTagger> create(const Resources& resources);
  TimeTagger(TimeTagger&&) noexcept;
  TimeTagger& operator=(TimeTagger&&) noexcept;
  ~TimeTagger();

  // The article's own date from a date line in its text ("08 June 2022
  // 17:58", "Posted: 20.07.2022 13:34:00"); never from a copyright footer.
  // Marks the line it came from as LineKind::dateline.
  std::optional<Dct> find_dct(Document& doc) const;

  // Every time expression in the content sentences, in text order.
  std::vector<Timex> tag(const Document& doc, const Segmentation& seg) const;

  // Parses a user-supplied date ("2022-06-08", "2022-06-08T17:58") for --dct.
  static Result<Dct> parse_dct(const std::string& text);

 private:
  struct Rules;
  explicit TimeTagger(std::unique_ptr<Rules> rules);
  std::unique_ptr<Rules> rules_;
};

}  // namespace annals
