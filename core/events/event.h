// Stage 5 — events: triggers (verbs and event nouns) with their TimeML
// class, tense, aspect, polarity and modality, their participants, and the
// time that governs their clause.
//
//   auto tagger = annals::EventTagger::create(resources);
//   auto events = tagger->tag(doc, segmentation, timexes, actors);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/actor.h"
#include "text/document.h"
#include "text/segment.h"
#include "time/timex.h"
#include "util/result.h"

namespace annals {

enum class EventClass : uint8_t { occurrence, reporting, state, i_action, i_state, aspectual, perception };
const char* to_string(EventClass c);  // TimeML spelling: "OCCURRENCE", "I_ACTION"

// asked: in a question ("Who saved Belarus?"), said of nothing that happened.
enum class Modality : uint8_t { actual, possible, planned, necessary, conditional, reported, asked };
const char* to_string(Modality m);

struct Participant {
  int32_t mention = -1;  // index into ActorTagging::mentions
  std::string role;      // agent, patient, recipient, location, participant
};

struct EventMention {
  Span trigger;
  uint32_t sentence = 0;
  uint32_t token = 0;        // first token of the trigger
  std::string lemma;         // "request", "take part"
  EventClass event_class = EventClass::occurrence;
  bool noun = false;         // a nominal trigger ("summit")
  std::string tense = "NONE";   // TimeML: PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART, NONE
  std::string aspect = "NONE";  // PROGRESSIVE, PERFECTIVE, NONE
  bool negated = false;
  Modality modality = Modality::actual;
  int32_t timex = -1;        // index of the timex that dates it, if any
  bool time_inherited = false;  // dated from a coordinated clause, not its own
  std::vector<Participant> participants;
  std::string label;         // short readable summary
  Span label_source;         // the words of the sentence it summarises
};

class EventTagger {
 public:
  static Result<EventTagger> create(const Resources& resources);
  EventTagger(EventTagger&&) noexcept;
  EventTagger& operator=(EventTagger&&) noexcept;
  ~EventTagger();

  std::vector<EventMention> tag(const Document& doc, const Segmentation& seg,
                                const std::vector<Timex>& timexes,
                                const ActorTagging& actors) const;

 private:
  struct Lexicon;
  explicit EventTagger(std::unique_ptr<Lexicon> lexicon);
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace annals
