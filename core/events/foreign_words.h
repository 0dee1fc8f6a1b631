// Internal: event words of other languages than English (ru/events/words.tsv),
// for the Russian sentences that English articles quote. Each form carries
// the English lemma it means, so the event merges with English reports of it.
#pragma once

#include <string>
#include <unordered_map>

#include "events/event.h"
#include "events/lexicon.h"
#include "util/resources.h"

namespace annals::detail {

struct ForeignWord {
  std::string lemma;  // English: "participate" for "участвовали"
  EventClass event_class = EventClass::occurrence;
  bool noun = false;
  VerbForm form = VerbForm::base;
};

class ForeignWords {
 public:
  static Result<ForeignWords> load(const Resources& resources);
  const ForeignWord* find(const std::string& folded) const {
    if (!filter_.maybe(folded)) return nullptr;  // nearly every word of an English article
    auto it = words_.find(folded);
    return it == words_.end() ? nullptr : &it->second;
  }
  const std::unordered_map<std::string, ForeignWord>& words() const { return words_; }
  // Prepositions that give a participant its role ("в" -> location).
  const std::unordered_map<std::string, std::string>& roles() const { return roles_; }

 private:
  std::unordered_map<std::string, ForeignWord> words_;
  std::unordered_map<std::string, std::string> roles_;
  WordFilter filter_;
};

}  // namespace annals::detail
