// Internal: time-expression rules and the matcher that runs them.
//
// A rule file row is   pattern <TAB> TYPE <TAB> operation [slot=value...]
// A pattern is a space-separated sequence of elements:
//   MONTH          a class (upper case; defined by a lexicon or built in)
//   the            a literal word, compared case-folded
//   a|an|one       alternatives (classes and literals may be mixed)
//   X?             optional element
//   >DAYNUM        the element's slots fill the end of a range
//   ^PUNCT         context: must match but is not part of the span (first or
//                  last element only)
//   !ago|later     last element only: the next atom must not be one of these
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "text/segment.h"
#include "time/lexicon.h"
#include "time/timex.h"

namespace annals::detail {

enum class Op : uint8_t {
  date,  // calendar fields: "June 8, 2022", "May 16", "the autumn of this year"
  rel,   // anchor plus an offset in some unit: "yesterday", "two weeks ago"
  dur,   // a length of time: "three months"
  set,   // a recurrence: "every year"
  ref,   // a fixed value: "now" -> PRESENT_REF
  skip,  // not a time expression: "52 years old" (consumes, emits nothing)
};

inline constexpr size_t kMaxElements = 16;

struct Element {
  std::vector<uint16_t> alternatives;  // class ids
  bool optional = false;
  bool range_end = false;
  bool literal = false;  // only literal words: more specific than a class
  bool context = false;  // ^X: must match, but stays outside the span
  bool negated = false;  // !X: the next atom must not match (reads nothing)
};

struct Rule {
  std::vector<Element> elements;
  // Required elements, the likeliest to be absent from a sentence first.
  std::vector<uint8_t> check_order;
  TimexType type = TimexType::date;
  Op op = Op::date;
  Slots fixed;        // slots the rule itself sets
  std::string where;  // "en/time/rules.tsv:12"
};

// One unit of matching: a token, a hyphen-separated part of a word token
// ("mid" and "June" of "mid-June"), or several tokens written together that
// form one number shape ("17" ":" "58").
struct Atom {
  Span span;
  uint32_t first_entry = 0;  // into AtomBuffer::entries
  uint16_t entry_count = 0;
  bool token_start = true;   // begins a token (a match may start here)
  bool token_end = true;     // ends a token (a match may end here)
  bool sentence_start = false;
  bool punct = false;  // a match neither starts nor ends on punctuation
  bool comma = false;
};

struct AtomBuffer {
  std::vector<Atom> atoms;
  std::vector<Entry> entries;
  std::string scratch;  // folded text, reused
  std::vector<std::pair<uint32_t, int32_t>> tense_cues;  // atom, kPast or kFuture
  // Classes present in the sentence. Most rules need a class most
  // sentences lack: `starts` pairs each class that can begin a match with
  // a rule whose required classes are all present, sorted.
  std::vector<uint64_t> present;
  std::vector<std::pair<uint16_t, uint32_t>> starts;
  std::vector<uint64_t> starting;  // the classes in `starts`
  std::vector<uint32_t> rule_seen;   // per rule, the last `sentence` it was a candidate in
  uint32_t sentence = 0;             // counts build_atoms calls
  bool has_class(uint16_t cls) const { return has(present, cls); }
  bool starts_rule(uint16_t cls) const { return has(starting, cls); }
  // Whether a selected rule can begin at the atom: most atoms begin none.
  bool may_start_at(uint32_t at) const {
    const Atom& atom = atoms[at];
    if (!atom.token_start) return false;
    for (uint32_t i = 0; i < atom.entry_count; ++i)
      if (starts_rule(entries[atom.first_entry + i].cls)) return true;
    return false;
  }
  static bool has(const std::vector<uint64_t>& classes, uint16_t cls) {
    return cls / 64 < classes.size() && (classes[cls / 64] >> (cls % 64)) & 1;
  }
};

// Builds atoms for tokens of text. Reuses the buffers' memory.
void build_atoms(const Lexicon& lexicon, std::string_view text, std::span<const Token> tokens,
                 AtomBuffer& out);

// A small tokenizer for lines outside any Segmentation (date lines).
std::vector<Token> tokenize_line(std::string_view text, uint32_t offset);

struct Match {
  uint32_t rule = 0;
  uint32_t first_atom = 0;
  uint32_t end_atom = 0;  // one past the last atom
  uint32_t literals = 0;  // literal elements matched, for ranking
  uint32_t span_first = 0, span_end = 0;  // atoms of the timex, without context
  std::array<int16_t, kMaxElements> atom_of{};  // per element: relative atom, -1 if skipped
};

class RuleSet {
 public:
  // Parses a rules table; unknown classes are errors naming file:line.
  Status load(const TsvTable& table, Lexicon& lexicon);
  void finish(const Lexicon& lexicon);  // builds the first-class index

  const Rule& rule(uint32_t i) const { return rules_[i]; }
  size_t size() const { return rules_.size(); }

  // Picks the rules that could match in the sentence whose atoms the buffer
  // holds (fills buffer.starts); false if there are none.
  bool select_rules(AtomBuffer& buffer) const;

  // All matches of the selected rules starting at atom `at`, longest first
  // (then rule order).
  void matches_at(const AtomBuffer& buffer, uint32_t at, std::vector<Match>& out) const;

  // Fills start (and range end) slots from a match.
  void fill_slots(const AtomBuffer& buffer, const Match& match, Slots& start, Slots& end,
                  bool& weak_alone) const;

 private:
  // Whether the classes of a rule's required elements but its key are present.
  bool others_present(const AtomBuffer& buffer, uint32_t rule) const;

  std::vector<Rule> rules_;
  // Per class, the rules whose rarest required element it fills.
  std::vector<std::vector<uint32_t>> by_key_class_;
  std::vector<uint64_t> key_classes_;  // the classes by_key_class_ lists rules for
  // Per rule, its required elements but the key (the rarest) as one run,
  // rarest first: the element count, then per element its alternatives'
  // count and class ids.
  std::vector<uint16_t> requirements_;
  std::vector<uint32_t> requirements_at_;  // per rule, where its run begins
  // Per rule, the classes a match can begin with (optional elements first).
  std::vector<std::vector<uint16_t>> first_classes_;
};

}  // namespace annals::detail
