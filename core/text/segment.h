// Stage 2 — segment: sentences and tokens of a document's content lines.
// Boilerplate lines produce neither. Offsets are bytes into Document::text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/document.h"

namespace annals {

enum class TokenKind : uint8_t {
  word,    // letters, digits, internal hyphens/apostrophes; "U.S.", "p.m."
  number,  // digits with internal separators: "2022", "20.07.2022", "2,030"
  punct,   // one punctuation or symbol character
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::punct;
  bool capitalised = false;  // first letter is upper case
  bool all_caps = false;     // at least two letters, all upper case
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;  // index into Segmentation::tokens
  uint32_t end_token = 0;    // one past the last token
  uint32_t line = 0;         // index of the line it starts on
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

// A sentence has at most this many tokens; a longer run is cut into pieces.
inline constexpr size_t kMaxSentenceTokens = 400;

// Splits documents into sentences and tokens; holds the abbreviation list
// (en/abbreviations.tsv), parsed once, so make one and reuse it.
class Segmenter {
 public:
  explicit Segmenter(const Resources& resources);
  Segmentation segment(const Document& doc) const;

 private:
  std::unordered_set<std::string> abbreviations_;  // folded, without the final period
};

// One-off convenience: Segmenter(resources).segment(doc).
Segmentation segment(const Document& doc, const Resources& resources);

// Lower-cases and case-folds for lexicon look-ups: ASCII fast path, ICU
// full case folding for everything else ("ЯНВАРЕ" -> "январе").
std::string fold_case(std::string_view text);
void fold_case(std::string_view text, std::string& out);

}  // namespace annals
