#include "events/narrative_time.h"

#include <cctype>

namespace annals::detail {

NarrativeClock::NarrativeClock(const Document& doc, const Segmentation& seg, const std::vector<Timex>& timexes)
    : doc_(doc), seg_(seg), timexes_(timexes) {
  for (size_t t = 0; t < timexes.size() && article_ < 0; ++t) {
    uint32_t s = timexes[t].sentence;
    if (s < seg.sentences.size() && doc.lines[seg.sentences[s].line].kind == LineKind::dateline && moves_story(int32_t(t)))
      article_ = int32_t(t);
  }
}

// A calendar date with a known year; "now", "recently", durations and sets
// say nothing about when the next event happened.
// A date after the article's ("free until September 30") is a plan, not
// where the story is.
bool NarrativeClock::moves_story(int32_t timex) const {
  const Timex& t = timexes_[timex];
  if (t.type != TimexType::date && t.type != TimexType::time) return false;
  if (t.value.size() < 4 || !std::isdigit(static_cast<unsigned char>(t.value[0]))) return false;
  const Timex* article = article_ >= 0 ? &timexes_[article_] : nullptr;
  return !(article && article->bounds && t.bounds && t.bounds->first > article->bounds->last);
}

// A headline ("... keynote to WWDC 2005") names the story; it does not tell it.
bool NarrativeClock::in_body(uint32_t sentence) const {
  return sentence < seg_.sentences.size() && doc_.lines[seg_.sentences[sentence].line].kind == LineKind::body;
}

void NarrativeClock::date(EventMention& event) const {
  if (event.timex >= 0 || event.noun || event.negated) return;
  if (event.modality != Modality::actual && event.modality != Modality::reported) return;
  const bool past = event.tense == "PAST" || event.aspect == "PERFECTIVE";
  const bool present = event.tense == "PRESENT";
  int32_t time = past ? (reference_ >= 0 ? reference_ : article_) : present ? article_ : -1;
  if (time < 0) return;
  event.timex = time;
  event.time_inherited = true;
}

void NarrativeClock::share(std::vector<EventMention>& events, size_t from) const {
  auto finite = [&](const EventMention& e) {
    return !e.noun && !e.negated && e.timex >= 0 && e.tense == "PAST" &&
           (e.modality == Modality::actual || e.modality == Modality::reported);
  };
  for (size_t e = from; e < events.size(); ++e) {
    EventMention& event = events[e];
    if (event.noun || event.negated || event.timex >= 0) continue;
    if (event.tense != "PRESPART" && event.tense != "INFINITIVE") continue;
    if (event.modality != Modality::actual && event.modality != Modality::reported) continue;
    const EventMention* host = nullptr;
    for (size_t b = e; b > from && !host;)
      if (finite(events[--b])) host = &events[b];
    for (size_t a = e + 1; a < events.size() && !host; ++a)
      if (finite(events[a])) host = &events[a];
    if (!host) continue;
    // "returned to the stage to reveal", "moved on to talk": an infinitive
    // of purpose stands apart from its verb; "decided to sell", "wanted to
    // buy", "agreed to pay" put it right after, as what was wanted.
    if (event.tense == "INFINITIVE" &&
        (host->token > event.token || host->token + 2 >= event.token ||
         host->event_class == EventClass::i_action || host->event_class == EventClass::i_state))
      continue;
    event.timex = host->timex;
    event.time_inherited = true;
  }
}

// News tells its main event first and then elaborates on it: the story's
// time is the first one the body gives an event, and an undated sentence
// after a dated aside goes back to it.
void NarrativeClock::advance(const std::vector<EventMention>& events, size_t from) {
  constexpr uint32_t kLeadSentences = 3;
  if (from == events.size() || !in_body(events[from].sentence) || told_ >= kLeadSentences) return;
  ++told_;
  for (size_t e = from; e < events.size() && reference_ < 0; ++e)
    if (in_body(events[e].sentence) && events[e].timex >= 0 && timexes_[events[e].timex].sentence == events[e].sentence &&
        moves_story(events[e].timex))
      reference_ = events[e].timex;
}

}  // namespace annals::detail
