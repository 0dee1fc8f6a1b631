// Episodes: an undertaking lasting days or months ("the operation of the CSTO
// forces in Kazakhstan") that an article names again and again ("this
// operation", "the peacekeeping mission"). Its mentions become one event;
// across articles, the same kind at the same place with compatible dates is
// one node (corpus.cpp). The kinds are data: en/corpus/episodes.tsv.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "text/document.h"

namespace annals {

struct DocumentAnalysis;
struct EventMention;
struct EventVocabulary;

// "the January protests", "the CSTO summit (May 16)": the noun's date is part
// of its own phrase, not of a clause about something else.
bool dated_in_its_own_words(const DocumentAnalysis& analysis, const EventMention& noun);

// "the dramatic events in Kazakhstan": whatever happened at a place, told
// without saying what (en/corpus/episode_references.tsv). The corpus stage
// makes it a mention of the episode told most often there.
struct PlaceReference {
  Span trigger, sentence;
  int32_t place = -1;  // document actor
  int32_t timex = -1;  // a date in its own words or a period framing its clause
  std::string noun;
};

struct DocumentEpisodes {
  std::vector<int32_t> leader;  // document event -> the first mention of its episode, or -1
  std::vector<int32_t> place;   // document event (a leader) -> the document actor it is at, or -1
  std::vector<int32_t> timex;   // document event (a leader) -> the date in the mentions' own words, or -1
  std::vector<PlaceReference> references;
};

// An episode starts at a mention that names its place ("in Kazakhstan"); a
// mention without one continues the latest episode of its kind in the
// article. Episodes told once, undated, are left out: one passing mention is
// no evidence of a story.
DocumentEpisodes find_episodes(const DocumentAnalysis& analysis, const EventVocabulary& vocabulary);

}  // namespace annals
