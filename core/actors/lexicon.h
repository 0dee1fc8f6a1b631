// Internal to core/actors: the language knowledge the actor tagger uses,
// loaded once from the resource TSVs (en/actors/*, ru/actors/*) and the
// user's alias file, and shared read-only by every tagging call.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actor.h"
#include "actors/frozen_map.h"
#include "util/resources.h"

namespace annals::actor_detail {

// Heterogeneous look-up, so that a string_view finds a key without a copy.
// FNV-1a: words are short, and this is cheaper than the library's hash.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    uint64_t h = 14695981039346656037ull;
    for (char c : s) h = (h ^ uint8_t(c)) * 1099511628211ull;
    return size_t(h ^ (h >> 32));
  }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

// What a single (case-folded) word can be; a word may be several things.
enum WordFlag : uint32_t {
  kStop = 1u << 0,           // never part of a name
  kCalendar = 1u << 1,       // month, weekday
  kConnector = 1u << 2,      // "of", "on": inside organisation names and titles
  kDeterminer = 1u << 3,     // "the", "this": before a reference noun
  kTitleHead = 1u << 4,      // "President", "spokesman"
  kTitleModifier = 1u << 5,  // "Deputy", "Prime", "press"
  kOrgHead = 1u << 6,        // "Ministry", "Committee"
  kOrgPart = 1u << 7,        // "Affairs", "Defence"
  kGiven = 1u << 8,          // a given name
  kPhraseStart = 1u << 9,    // first word of some lexicon entity name
  kRefPerson = 1u << 10,     // "he", "she"
  kRefOrg = 1u << 11,        // "organization", "alliance"
  kRefCountry = 1u << 12,    // "republic"
  kLegalForm = 1u << 13,     // "Inc", "Ltd": an organisation head naming only the legal form
  kRefThing = 1u << 14,      // "it", "its": the nearest organisation, named close by
  kCopula = 1u << 15,        // "is", "seems": after "it", often an empty subject ("it is expected")
};

enum class Gender : uint8_t { unknown, male, female };

struct WordInfo {
  uint32_t flags = 0;
  Gender gender = Gender::unknown;
  int32_t given_group = -1;  // spellings of one given name share a group
  uint8_t max_phrase = 0;    // longest entity name starting with this word, in words
};

// An actor the lexicon knows by name: a country, an organisation, a place,
// a well-known person, or a user alias.
struct LexEntity {
  std::string canonical;
  ActorKind kind = ActorKind::other;
  bool ignore = false;  // user alias with canonical "-"
};

struct PhraseEntry {
  int32_t entity = -1;
  bool caps_only = false;  // "WHO", "US": only a token in capitals matches
  bool demonym = false;    // "Russian" names Russia but is not its name
};

struct Inflection {
  std::string ending, replacement;  // folded Cyrillic
};

struct NameEnding {
  std::string ending;  // folded
  bool patronymic = false;
  Gender gender = Gender::unknown;
};

struct ActorLexicon {
  FrozenMap<WordInfo> words;        // folded word -> what it can be
  FrozenMap<PhraseEntry> phrases;  // folded words joined by single spaces
  std::vector<LexEntity> entities;
  std::vector<Inflection> inflections;  // longest ending first
  std::vector<NameEnding> name_endings;  // longest ending first
  StringMap<int32_t> given_groups;       // latin_key(name) -> group
  static constexpr size_t kMaxPhraseWords = 8;

  const WordInfo* word(std::string_view folded) const;
  const PhraseEntry* phrase(std::string_view key) const;
  // Folded word with a Russian case ending replaced by the nominative one,
  // if that form is in the lexicon ("казахстане" -> "казахстан"); else empty.
  std::string uninflect(std::string_view folded) const;
  // The nominative form by the first ending that applies, known or not.
  std::string nominative(std::string_view folded) const;
  const NameEnding* name_ending(std::string_view folded) const;
  // Lower-case ASCII key of a name: folded, transliterated ("Токаев" ->
  // "tokayev"), diacritics stripped, only letters, digits, '-' and single
  // spaces kept.
  std::string latin_key(std::string_view text) const;
  int32_t given_group(std::string_view latin) const;

  ActorLexicon();
  ~ActorLexicon();

 private:
  struct Transliterator;
  std::unique_ptr<Transliterator> translit_;
};

Result<std::unique_ptr<ActorLexicon>> load_actor_lexicon(const Resources& resources,
                                                         const std::vector<AliasEntry>& aliases);

// Names as a lexicon or a text writes them, split into the keys the
// phrase table uses: folded words, possessive "'s" dropped.
std::string phrase_key(std::string_view name);
// Byte length of a word without a trailing possessive ("Putin's" -> 5).
inline size_t without_possessive(std::string_view word) {
  if (word.empty() || word.back() != 's') return word.size();  // most words: one test
  if (word.size() > 2 && word.ends_with("'s")) return word.size() - 2;  // "4's" too
  if (word.size() > 5 && word.ends_with("\xE2\x80\x99s")) return word.size() - 4;
  return word.size();
}
bool has_lowercase(std::string_view text);
bool is_cyrillic(std::string_view text);

}  // namespace annals::actor_detail
