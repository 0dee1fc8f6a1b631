// Internal: the trained event trigger + class model (an averaged perceptron,
// en/events/trigger_model.tsv, made by scripts/train_event_model.py from
// TempEval-3 TimeBank). It says, for one word in its sentence, whether it is
// an event and of which class.
//
// The features are strings ("w=said", "p1|w=the|request") hashed with FNV-1a
// as they are built, never allocated; the training script builds the same
// strings, so the two must change together.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/lexicon.h"

namespace annals::detail {

class TriggerModel {
 public:
  static constexpr size_t kLabels = 8;  // NONE and the seven classes, in EventClass order

  // An empty model (no file) is valid: loaded() is then false.
  static Result<TriggerModel> load(const Resources& resources, const std::string& name);
  bool loaded() const { return !keys_.empty(); }

  // Words of one sentence as the model sees them.
  struct Sentence {
    const std::vector<std::string>* folded;  // case-folded token texts
    const std::vector<bool>* is_word;        // TokenKind::word
    const std::vector<bool>* is_number;      // starts with a digit
    const std::vector<char>* shape;          // 'A' all caps, 'F' first and capitalised, 'C', 'l'
  };

  // The class of the event at token i, or nullopt when it is no event.
  std::optional<EventClass> classify(const EventLexicon& lexicon, const Sentence& s, size_t i) const;

 private:
  const std::array<float, kLabels>* weights(uint64_t key) const;
  void insert(uint64_t key, const std::array<float, kLabels>& w);

  std::vector<uint64_t> keys_;  // open addressing, 0 = empty
  std::vector<std::array<float, kLabels>> values_;
  size_t mask_ = 0;
};

}  // namespace annals::detail
