// Internal: the event lexicons compiled from core/resources/en/events/.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "events/event.h"
#include "util/resources.h"

namespace annals::detail {

enum class VerbForm : uint8_t { base, third_person, past, ing };

struct VerbEntry {
  std::string lemma;
  EventClass event_class;
  VerbForm form;
  std::vector<std::string> continuation;  // "part" for "take part"
};

struct NounEntry {
  std::string lemma;
  EventClass event_class;
  bool curated = false;  // from en/events/nouns.tsv, not WordNet
};

enum class CueKind : uint8_t { negation, modal, perfect, be, do_support, infinitive, determiner, pronoun,
                               subordinate, coordinate, relative };

struct Cue {
  CueKind kind;
  std::string value;
};

struct EventLexicon {
  std::unordered_multimap<std::string, VerbEntry> verbs;  // folded form -> entry
  std::unordered_map<std::string, NounEntry> nouns;
  std::unordered_map<std::string, Cue> cues;
  std::unordered_map<std::string, std::string> roles;     // preposition -> role
  std::unordered_set<std::string> not_triggers;           // forms WordNet lists that are not events here
  std::unordered_set<std::string> curated;                // lemmas of en/events/verbs.tsv
  std::unordered_map<std::string, EventClass> trained_class;  // form -> class learnt from TimeBank

  const Cue* cue(const std::string& folded) const {
    auto it = cues.find(folded);
    return it == cues.end() ? nullptr : &it->second;
  }
};

Result<EventLexicon> load_event_lexicon(const Resources& resources);
Result<EventClass> parse_event_class(std::string_view text);

}  // namespace annals::detail
