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
// its dozen context features. The tagger likewise sums, at load time, the
// features of each word its model names, per role (the word tagged, or one
// of its four neighbours), and the tag-history features per pair of
// previous tags: a word then costs a few vector additions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/lexicon.h"
#include "events/weight_table.h"

namespace annals::detail {

class TriggerModel {
 public:
  static constexpr size_t kLabels = 8;  // NONE and the seven classes, in EventClass order

  // Without the file the model is empty: loaded() is false.
  static Result<TriggerModel> load(const Resources& resources, const std::string& name, const EventLexicon& lexicon);
  bool loaded() const { return !weights_.empty(); }

  using Score = std::array<int32_t, kLabels>;
  static constexpr size_t kTags = 22;  // the part-of-speech tagger's
  using PosScore = std::array<int32_t, kTags>;
  // A word with its word-only features summed; kept in its slot of the
  // open-addressing table itself, so that a look-up touches one place.
  struct alignas(32) Word {
    // The summed score, 24 bits a label: a word has at most 64 features of
    // 16-bit weights, so that every sum fits; 32 bytes a word, one cache line.
    std::array<uint8_t, 3 * kLabels> packed{};
    uint32_t check = 0;    // high bits of the word's hash, 0 = empty slot
    uint8_t forms = 0;     // bit per VerbForm the verb lexicon gives it
    bool curated = false;
    bool paired = false;   // has "w|n1" or "p1|w" features: else they are not looked up
    bool ascii = false;    // has suffix features (pk|s3)
    Score partial() const;
    void set_partial(const Score& score);
  };
  // A word of a sentence ("<num>" for numbers) with the features it gives,
  // summed per role: for the tagger as the word tagged and as each of its
  // neighbours, for classify as each neighbour of the word classified. A
  // role of one feature keeps that feature's 16-bit weights as they are,
  // so that the word takes fewer cache lines.
  using PosWeights = std::array<int16_t, kTags>;
  using Weights = std::array<int16_t, kLabels>;
  struct SentenceWord {
    PosScore self{};     // w, s3, s2, s1, pre
    PosScore next1{};    // w+1 and s3+1
    PosWeights prev1{};  // w-1: as the word before the one tagged
    PosWeights prev2{};  // w-2
    PosWeights next2{};  // w+2
    uint32_t pairs_begin = 0, pairs_end = 0;  // its t1|w weights, in tag_pairs_
    Weights p1{}, p2{}, n1{}, n2{};  // classify's: as the word one or two before or after
    Weights pc{};                    // as the content word before (previous_content)
  };

  // One sentence as the model sees it; prepare() fills it.
  struct Sentence {
    const std::vector<std::string>* folded = nullptr;
    std::vector<uint64_t> hashes;        // of each token as a neighbour ("<num>" for numbers)
    const std::vector<const Cue*>* cues = nullptr;  // cues.tsv entry of each token, if any
    std::vector<char> shape;             // 'A' all caps, 'F' first and capitalised, 'C', 'l'
    std::vector<bool> number;            // starts with a digit
    std::vector<uint8_t> tags;           // part-of-speech tag per token (tag() fills it)
    // Each token's word, two before the first ("<s>") and two after the
    // last ("</s>"): token i is words[i + 2]. The words the models do not
    // name are summed in unnamed_words, for this sentence.
    std::vector<const SentenceWord*> words;
    std::vector<const Word*> known;  // each token's entry of the words the lexicons or the model know
    std::vector<std::array<uint64_t, 3>> context_keys;  // classify's looked-up features per token
    std::vector<Word> unknown;  // the word-only features of the tokens not in known, which classify scores
    std::vector<SentenceWord> unnamed_words;
  };
  // Starts fetching what prepare() looks up for a word of this hash (of its
  // folded form, as EventLexicon::facts_hash).
  void prefetch(uint64_t hash) const {
    if (!words_.empty()) __builtin_prefetch(&words_[hash & word_mask_]);
    if (!sentence_word_slots_.empty())
      __builtin_prefetch(&sentence_word_slots_[hash & (sentence_word_slots_.size() - 1)]);
  }
  // Fills s but for shape, which the caller fills.
  void prepare(const std::vector<std::string>& folded, const std::vector<const Cue*>& cues, Sentence& s) const;

  // Tags s with the part-of-speech tagger (en/events/pos_model.tsv); needs
  // the shapes. Without a tagger file the tags stay empty and unused.
  void tag(Sentence& s) const;

  // The tag tag() gave token i ("NN", "VBD"; empty without a tagger).
  std::string_view tag_of(const Sentence& s, size_t i) const {
    return i < s.tags.size() ? std::string_view(tag_names_[s.tags[i]]) : std::string_view();
  }

  // The class of the event at token i, or nullopt when it is no event;
  // curated: whether the hand-made lexicons (verbs.tsv, nouns.tsv) list it.
  std::optional<EventClass> classify(const Sentence& s, size_t i, bool& curated) const;

 private:
  void index_words(const EventLexicon& lexicon, const std::vector<std::string>& known_words,
                   const std::vector<std::string>& paired_words);
  const Word* word(uint64_t key) const;
  static uint64_t word_hash(const Sentence& s, size_t i);
  static bool scored(const Sentence& s, size_t i);
  std::array<uint64_t, 3> context_keys(const Sentence& s, size_t i) const;
  Word word_of(const EventLexicon& lexicon, const std::string& folded) const;
  static std::array<uint64_t, 6> unknown_word_keys(std::string_view folded);
  Word unknown_word_of(std::string_view folded) const;

  static constexpr float kScale = 1000.0f;  // the file's weights, kept in thousandths
  bool add_weights(uint64_t key, Score& score) const { return weights_.add(key, score); }
  WeightTable<kLabels> weights_;
  std::vector<Word> words_;
  size_t word_mask_ = 0;

  // The context features of few values, summed at load time, after the tagger.
  void sum_closed_features();
  static constexpr size_t kCueKinds = 10;  // the pk values: no cue, negation, ... clause
  std::array<Score, 4> shape_scores_{};    // sh, by 'A', 'F', 'C', 'l'
  std::array<Score, kCueKinds> cue_scores_{};                       // pk
  std::array<std::array<Score, 4>, kCueKinds> cue_form_scores_{};  // pk|lv, by VerbForm
  std::vector<Score> tag_before_;  // t, t-1 and t-1|t by [tag before, "<s>" last][tag]
  std::vector<Score> tag_after_;   // t+1 and t|t+1 by [tag][tag after, "</s>" last]

  // The part-of-speech tagger: the same kind of table, a weight per tag.
  Result<bool> load_tagger(const Resources& resources, const std::string& name, std::vector<std::string>& named);
  bool add_pos_weights(uint64_t key, PosScore& score) const { return pos_weights_.add(key, score); }
  SentenceWord sentence_word_of(std::string_view word, bool named) const;
  void index_sentence_words(const std::vector<std::string>& named);
  const SentenceWord* named_sentence_word(uint64_t hash) const;
  static std::array<uint64_t, 5> affix_keys(std::string_view word);
  WeightTable<kTags> pos_weights_;
  static constexpr size_t kStart = kTags;  // the tag index of "<s>", before the first word
  std::array<uint64_t, kTags + 1> tag_hashes_{};
  std::array<std::string, kTags> tag_names_;
  // Every word the features of both models name as a sentence word, and
  // "<s>", "</s>", "<num>".
  struct SentenceWordSlot {
    uint64_t hash = 0;
    uint32_t index = 0;  // into sentence_words_, plus one; 0 = empty slot
  };
  std::vector<SentenceWordSlot> sentence_word_slots_;
  std::vector<SentenceWord> sentence_words_;
  // The t1|w weights of the named words, by the tag before.
  struct TagPair {
    size_t t1;
    std::array<int16_t, kTags> weights;
  };
  std::vector<TagPair> tag_pairs_;
  // b, t1 and t2|t1 per previous two tags; b is in here, once.
  std::vector<PosScore> history_;
  // cap and hy: [capitalised][first word][hyphen].
  PosScore cap_hyphen_[2][2][2]{};
};

}  // namespace annals::detail
