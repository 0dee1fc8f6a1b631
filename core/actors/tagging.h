// Internal to core/actors: the two halves of ActorTagger::tag().
//
//   find_candidates()  - names, titles and references in each sentence
//   link_candidates()  - one actor per thing named, references resolved
//
// A Candidate is a stretch of tokens that may name an actor; the linker
// turns the surviving ones into ActorMentions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/lexicon.h"

namespace annals::actor_detail {

// Facts about a token computed once per document.
enum TokenFlag : uint32_t {
  kWord = 1u << 0,
  kCap = 1u << 1,
  kAllCaps = 1u << 2,
  kInTimex = 1u << 3,
  kInitial = 1u << 4,     // first word of a sentence or of a quotation
  kTitleCase = 1u << 5,   // in a headline-like sentence where most words are capitalised
  kShortQuote = 1u << 6,  // inside a quotation of a few words: a slogan, a programme title
  kInTitle = 1u << 7,     // part of a person's title
};

struct TokenFacts {
  uint32_t flags = 0;     // TokenFlag
  uint32_t words = 0;     // WordFlag from the lexicon
  uint32_t fold_start = 0, fold_size = 0;  // into Tokens::folded
  uint32_t core_end = 0;  // byte end without a possessive "'s"
  int32_t given_group = -1;
  Gender gender = Gender::unknown;
  uint8_t max_phrase = 0;
};

// The document's tokens with their facts and folded forms.
struct Tokens {
  const Document& doc;
  const Segmentation& seg;
  std::string folded;
  std::vector<TokenFacts> facts;
  // Indices of the kCap tokens, in order: names start only there, so the
  // finder walks these rather than every token.
  std::vector<uint32_t> capitalised;

  std::string_view text(uint32_t i) const { return doc.slice(seg.tokens[i].span); }
  std::string_view core(uint32_t i) const {
    return std::string_view(doc.text).substr(seg.tokens[i].span.start, facts[i].core_end - seg.tokens[i].span.start);
  }
  std::string_view fold(uint32_t i) const {
    return std::string_view(folded).substr(facts[i].fold_start, facts[i].fold_size);
  }
  bool is(uint32_t i, uint32_t token_flag) const { return facts[i].flags & token_flag; }
  bool has(uint32_t i, uint32_t word_flag) const { return facts[i].words & word_flag; }
};

enum class CandidateType : uint8_t {
  entity,      // a lexicon name: country, organisation, place, demonym, known person
  org_chunk,   // "Ministry of Defense": capitalised words with an organisation word
  name,        // capitalised words the lexicon does not know: a person, mostly
  title_ref,   // "the Russian Minister", "General": the person who had that title
  pronoun,     // "he", "she"
  org_ref,     // "the organization", "the alliance"
  country_ref, // "the republic"
  thing_ref    // "it", "its": the nearest organisation
};

struct Candidate {
  CandidateType type = CandidateType::name;
  uint32_t sentence = 0;
  uint32_t first = 0, end = 0;  // tokens
  Span span;                    // the name as written
  int32_t entity = -1;          // LexEntity for type entity
  bool demonym = false;
  bool acronym = false;         // one token in capitals
  bool unconfirmed = false;     // capitalised only because it starts a sentence or headline
  bool dropped = false;
  Gender gender = Gender::unknown;
  std::string name;             // display form: words joined by single spaces
  std::string title;            // "President of Kazakhstan"
  std::vector<std::string> title_words;  // folded content words of the title (or of a title_ref)
};

void tokenize_facts(const ActorLexicon& lex, const std::vector<Timex>& timexes, Tokens& tokens);
std::vector<Candidate> find_candidates(const ActorLexicon& lex, const Tokens& tokens);
ActorTagging link_candidates(const ActorLexicon& lex, const Tokens& tokens,
                             std::vector<Candidate>& candidates);

// Names of people, split for matching across spellings.
struct PersonName {
  std::string given;    // latin key of the first word, "" for a surname alone
  std::string surname;  // latin key of the last word, nominative
  int32_t given_group = -1;
};
PersonName parse_person(const ActorLexicon& lex, std::string_view name);
bool same_surname(std::string_view a, std::string_view b);
bool compatible_given(const PersonName& a, const PersonName& b);
// Same person: same (or nearly same) surname and compatible given names.
bool same_person(const PersonName& a, const PersonName& b);
size_t edit_distance(std::string_view a, std::string_view b, size_t limit);

// ActorTagger::merge: one actor per person, organisation, country... across documents.
std::vector<std::vector<int32_t>> merge_actors(const ActorLexicon& lex,
                                               const std::vector<const ActorTagging*>& documents,
                                               std::vector<Actor>& merged);

}  // namespace annals::actor_detail
