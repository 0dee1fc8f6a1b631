// Internal: the trained event trigger + class model (an averaged perceptron,
// en/events/trigger_model.tsv, made by scripts/train_event_model.py from
// TempEval-3 TimeBank and a fixed half of AQUAINT, the other half held out).
// It says, for one word in its sentence, whether it is
// an event and of which class. Its features include the tags of a small
// part-of-speech tagger (en/events/pos_model.tsv, trained on UD English EWT
// by the same script), which tag() runs over the sentence first.
//
// The features are strings ("w=said", "p1|w=the|request"), as the training
// script builds them; here they are keyed by hashes (see trigger_model.cpp),
// never built. The two feature sets must change together.
//
// Speed: the features that depend on the word alone (the word, its
// suffixes, its lexicon entries) are summed once, at load time, for every
// word the lexicons or the model know; a word then costs one look-up plus
// its dozen context features.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "events/lexicon.h"

namespace annals::detail {

class TriggerModel {
 public:
  static constexpr size_t kLabels = 8;  // NONE and the seven classes, in EventClass order

  // Without the file the model is empty: loaded() is false.
  static Result<TriggerModel> load(const Resources& resources, const std::string& name, const EventLexicon& lexicon);
  bool loaded() const { return !slots_.empty(); }

  // One sentence as the model sees it; prepare() fills it.
  struct Sentence {
    const std::vector<std::string>* folded = nullptr;
    std::vector<uint64_t> hashes;        // of each token as a neighbour ("<num>" for numbers)
    const std::vector<const Cue*>* cues = nullptr;  // cues.tsv entry of each token, if any
    std::vector<char> shape;             // 'A' all caps, 'F' first and capitalised, 'C', 'l'
    std::vector<bool> number;            // starts with a digit
    std::vector<uint8_t> tags;           // part-of-speech tag per token (tag() fills it)
  };
  // Fills s but for shape, which the caller fills.
  void prepare(const std::vector<std::string>& folded, const std::vector<const Cue*>& cues, Sentence& s) const;

  // Tags s with the part-of-speech tagger (en/events/pos_model.tsv); needs
  // the shapes. Without a tagger file the tags stay empty and unused.
  void tag(Sentence& s) const;

  // The class of the event at token i, or nullopt when it is no event;
  // curated: whether the hand-made lexicons (verbs.tsv, nouns.tsv) list it.
  std::optional<EventClass> classify(const EventLexicon& lexicon, const Sentence& s, size_t i, bool& curated) const;

 private:
  // A word with its word-only features summed; kept in its slot of the
  // open-addressing table itself, so that a look-up touches one place.
  struct Word {
    std::array<int32_t, kLabels> partial{};
    uint32_t suffix3 = 0;  // low bits of the hash of the last three letters, 0 if not ASCII
    uint32_t check = 0;    // high bits of the word's hash, 0 = empty slot
    uint8_t forms = 0;     // bit per VerbForm the verb lexicon gives it
    bool curated = false;
    bool paired = false;   // has "w|n1" or "p1|w" features: else they are not looked up
  };
  void index_words(const EventLexicon& lexicon, const std::vector<std::string>& known_words,
                   const std::vector<std::string>& paired_words);
  const Word* word(uint64_t key) const;
  static uint64_t word_hash(const Sentence& s, size_t i);
  Word word_of(const EventLexicon& lexicon, const std::string& folded, bool look_up) const;

  // Feature weights, open addressing: the slot from the key's low bits, a
  // check from its high bits (0 = empty), weights in thousandths, 20 bytes
  // a slot so that the table stays in the cache.
  struct Slot {
    uint32_t check = 0;
    std::array<int16_t, kLabels> weights{};
  };
  static constexpr float kScale = 1000.0f;
  bool add_weights(uint64_t key, std::array<int32_t, kLabels>& score) const;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<Word> words_;
  size_t word_mask_ = 0;

  // The part-of-speech tagger: the same open addressing, a weight per tag.
  static constexpr size_t kTags = 22;
  struct PosSlot {
    uint32_t check = 0;
    std::array<int16_t, kTags> weights{};
  };
  Result<bool> load_tagger(const Resources& resources, const std::string& name);
  void add_pos_weights(uint64_t key, std::array<int32_t, kTags>& score) const;
  std::vector<PosSlot> pos_slots_;
  size_t pos_mask_ = 0;
  std::array<uint64_t, kTags> tag_hashes_{};
};

}  // namespace annals::detail
