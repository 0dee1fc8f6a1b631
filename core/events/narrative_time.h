// Internal to core/events: the time an article's story is at, for events
// that name no time of their own (issue #4, anchoring).
//
//   NarrativeClock clock(doc, seg, timexes);
//   for each sentence: clock.date(event) for its events, then clock.advance(them)
#pragma once

#include <cstdint>
#include <vector>

#include "events/event.h"

namespace annals::detail {

class NarrativeClock {
 public:
  NarrativeClock(const Document& doc, const Segmentation& seg, const std::vector<Timex>& timexes);

  // An undated factual event takes the story's time: a past (or perfect)
  // one the time of the article's main event ("On Friday, Jobs said ...
  // Jobs also said ..."), or the article's date before any; a present one
  // the article's date. Negated, hypothetical and future events, and
  // event nouns, stay undated.
  void date(EventMention& event) const;

  // After a sentence: a participle or an infinitive that names no time
  // ("While introducing the phone, Jobs started by hinting at it";
  // "Jobs returned to the stage to reveal ...") happened when the past verb
  // it hangs on did: the nearest one before it in the sentence, else the
  // first after it. An infinitive only when it is one of purpose, apart
  // from its verb: right after one ("decided to sell", "wanted to buy") it
  // is what was wanted, no fact, and stays undated.
  void share(std::vector<EventMention>& events, size_t from) const;

  // After a sentence: the first time in the body that dates an event (and
  // is not after the article's date) becomes the story's time.
  void advance(const std::vector<EventMention>& events, size_t from);

 private:
  bool moves_story(int32_t timex) const;
  bool in_body(uint32_t sentence) const;

  const Document& doc_;
  const Segmentation& seg_;
  const std::vector<Timex>& timexes_;
  int32_t article_ = -1;    // the dateline's timex
  int32_t reference_ = -1;  // the story's current time, -1 until a sentence dates it
  uint32_t told_ = 0;       // body sentences with events seen so far
};

}  // namespace annals::detail
