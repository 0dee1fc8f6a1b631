// Internal to core/actors: the candidate finder's state, shared by
// candidates.cpp (names) and references.cpp (titles, pronouns, references).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "actors/tagging.h"

namespace annals::actor_detail {

bool is_open_quote_mark(std::string_view t);
bool is_close_quote_mark(std::string_view t);

class Finder {
 public:
  Finder(const ActorLexicon& lex, const Tokens& tokens);
  std::vector<Candidate> run();

 private:
  std::vector<Candidate> in_text_order();
  Candidate& add(CandidateType type, uint32_t sentence, uint32_t first, uint32_t end);

  // candidates.cpp
  void find_entities(uint32_t s, const Sentence& sentence, std::span<const uint32_t> capitalised);
  void add_entity(uint32_t s, uint32_t first, uint32_t end, const PhraseEntry& entry,
                  uint32_t start_byte, uint32_t end_byte);
  void split_hyphenated(uint32_t s, uint32_t i);
  void split_glued(uint32_t s, uint32_t i);
  bool org_word_ok(uint32_t j) const;
  void find_org_chunks(uint32_t s, const Sentence& sentence, std::span<const uint32_t> capitalised);
  uint32_t extend_org_right(uint32_t right, uint32_t end, uint32_t left) const;
  std::string join_words(uint32_t first, uint32_t end) const;
  bool nameable(uint32_t j, bool after_given) const;
  void find_names(uint32_t s, const Sentence& sentence, std::span<const uint32_t> capitalised);
  void add_name(uint32_t s, uint32_t first, uint32_t end);
  bool model_number_after(uint32_t first, uint32_t next, uint32_t end) const;
  bool has_surname_ending(uint32_t j) const;
  void confirm_names();
  void drop_absorbed();

  // references.cpp
  void attach_title(size_t c);
  bool title_word(uint32_t j) const;
  bool title_arg(uint32_t j) const;
  bool country_word(uint32_t j) const;
  uint32_t title_start(uint32_t last, uint32_t floor, bool* has_head) const;
  bool title_before(const Candidate& c, uint32_t* first, uint32_t* last) const;
  bool title_after(const Candidate& c, uint32_t* first, uint32_t* last) const;
  std::vector<std::string> title_words(uint32_t first, uint32_t end) const;
  void find_references(uint32_t s, const Sentence& sentence);
  uint32_t add_title_ref(uint32_t s, const Sentence& sentence, uint32_t head);

  const ActorLexicon& lex_;
  const Tokens& t_;
  std::vector<Candidate> cands_;
  std::vector<int32_t> entity_of_;  // candidate index of the lexicon name covering a token
  std::vector<int32_t> chunk_of_;   // candidate index of the organisation name covering it
  std::vector<int32_t> name_of_;    // candidate index of the capitalised name covering it
  std::vector<bool> in_title_;
};

}  // namespace annals::actor_detail
