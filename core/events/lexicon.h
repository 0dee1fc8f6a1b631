// Internal: the event lexicons compiled from core/resources/en/events/.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <string_view>
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
  bool curated = false;                   // from en/events/verbs.tsv, not WordNet
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

// A bit filter over a set of words: "maybe" for every word of the set, "no"
// for nearly all others, from a table small enough to stay in the cache.
// Most words of running text are in none of the lexicons; the filter
// answers those without a hash-map look-up.
class WordFilter {
 public:
  void reset(size_t words);  // sized for this many words, 16 bits each
  void add(std::string_view word);
  bool maybe(std::string_view word) const {
    if (bits_.empty()) return true;
    const uint64_t h = hash(word);
    const uint64_t bits = bits_[h & mask_];
    return (bits >> ((h >> 32) & 63) & 1) && (bits >> ((h >> 40) & 63) & 1);
  }

 private:
  static uint64_t hash(std::string_view word) {
    uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (char c : word) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211ull;
    return h ^ (h >> 29);
  }
  std::vector<uint64_t> bits_;
  size_t mask_ = 0;
};

// Verb forms -> entries, with a WordFilter in front.
class VerbTable {
 public:
  using Map = std::unordered_multimap<std::string, VerbEntry>;
  using const_iterator = Map::const_iterator;

  void emplace(const std::string& form, VerbEntry entry) { map_.emplace(form, std::move(entry)); }
  template <typename Keep>
  void keep_only(Keep keep) {
    for (auto it = map_.begin(); it != map_.end();) it = keep(*it) ? std::next(it) : map_.erase(it);
  }
  void seal();  // builds the filter once the table is complete

  std::pair<const_iterator, const_iterator> equal_range(const std::string& form) const {
    if (!filter_.maybe(form)) return {map_.end(), map_.end()};
    return map_.equal_range(form);
  }
  size_t count(const std::string& form) const { return filter_.maybe(form) ? map_.count(form) : 0; }
  const_iterator begin() const { return map_.begin(); }
  const_iterator end() const { return map_.end(); }

 private:
  Map map_;
  WordFilter filter_;
};

struct ForeignWord;

// All the lexicons say of one folded word: the event tagger looks a token
// up once (EventLexicon::facts) instead of once per lexicon and question.
struct WordFacts {
  std::vector<VerbEntry> verbs;  // in VerbTable::equal_range order, copied to lie together
  const NounEntry* noun = nullptr;
  const Cue* cue = nullptr;
  const std::string* role = nullptr;          // roles.tsv: the role a preposition gives
  const EventClass* trained_class = nullptr;  // trained_classes.tsv
  const ForeignWord* foreign = nullptr;       // a Russian event word
  bool preposition = false;
  bool label_opener = false;  // label_openers.tsv: a label does not start with it
};

struct EventLexicon {
  VerbTable verbs;  // folded form -> entries
  std::unordered_map<std::string, NounEntry> nouns;
  std::unordered_map<std::string, Cue> cues;
  std::unordered_map<std::string, std::string> roles;     // preposition -> role
  std::unordered_set<std::string> prepositions;           // every preposition: roles' and prepositions.tsv's
  std::unordered_map<std::string, Modality> unasserted_complements;  // "want" -> possible: "wants to act"
  std::unordered_set<std::string> reader_asides;          // "let us": the verb after speaks to the reader
  std::unordered_set<std::string> label_openers;          // connectives a label does not start with
  std::unordered_set<std::string> not_triggers;           // forms WordNet lists that are not events here
  std::unordered_set<std::string> curated;                // lemmas of en/events/verbs.tsv
  std::unordered_map<std::string, EventClass> trained_class;  // form -> class learnt from TimeBank

  WordFilter cue_filter;  // over the words of cues

  const Cue* cue(const std::string& folded) const {
    if (!cue_filter.maybe(folded)) return nullptr;
    auto it = cues.find(folded);
    return it == cues.end() ? nullptr : &it->second;
  }

  // Every word any lexicon lists, with its facts; index_facts() builds it
  // once the lexicons (and the foreign words' roles) are complete.
  void index_facts(const std::unordered_map<std::string, ForeignWord>& foreign);
  // The facts of a word; for a word no lexicon lists, an empty WordFacts.
  const WordFacts& facts(std::string_view folded) const { return facts(folded, facts_hash(folded)); }
  const WordFacts& facts(std::string_view folded, uint64_t hash) const;
  static uint64_t facts_hash(std::string_view folded);
  // Starts the look-up of a word, for a sentence's words to be fetched together.
  void prefetch_facts(uint64_t hash) const {
    if (!fact_slots_.empty()) __builtin_prefetch(&fact_slots_[hash & fact_mask_]);
  }

 private:
  // 8 bytes a slot, so that the table stays small: the check only filters,
  // the word itself is compared.
  struct FactsSlot {
    uint32_t check = 0;  // the high bits of the word's hash
    uint32_t index = 0;  // into facts_, plus one; 0 = empty slot
  };
  size_t fact_mask_ = 0;
  size_t fact_index(std::string_view folded, uint64_t hash) const;  // into facts_, SIZE_MAX if none
  struct Entry {
    std::string word;
    WordFacts facts;
  };
  std::vector<FactsSlot> fact_slots_;
  std::vector<Entry> facts_;
  WordFacts no_facts_;
};

Result<EventLexicon> load_event_lexicon(const Resources& resources);
Result<EventClass> parse_event_class(std::string_view text);

}  // namespace annals::detail
