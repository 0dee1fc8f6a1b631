// Tokens and sentences over the lines the load stage kept. A sentence never
// crosses a blank, boilerplate, title or date line, but does cross a line
// break inside a hard-wrapped paragraph.
#include "text/segment.h"

#include <array>
#include <memory>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/utf8.h>

#include "util/resources.h"

namespace annals {
namespace {

struct Cursor {
  const uint8_t* data;
  int32_t length;
};

UChar32 code_point_at(const Cursor& text, int32_t i, int32_t* next) {
  if (text.data[i] < 0x80) {  // ASCII, nearly all of the text: no decoding
    *next = i + 1;
    return text.data[i];
  }
  UChar32 c;
  U8_NEXT(text.data, i, text.length, c);
  *next = i;
  return c;
}

// What the tokenizer asks ICU of a code point; for ASCII the answers come
// from a table ICU filled once, so they are the same by construction.
enum CharFact : uint8_t { kWordChar = 1, kAlpha = 2, kUpper = 4, kLower = 8, kSpace = 16 };

bool icu_has(UChar32 c, CharFact fact) {
  if (c < 0) return false;
  switch (fact) {
    case kWordChar: return u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_DIACRITIC);
    case kAlpha: return u_isalpha(c);
    case kUpper: return u_isupper(c);
    case kLower: return u_islower(c);
    case kSpace: return u_isUWhiteSpace(c) || c == 0xFEFF;
  }
  return false;
}

const std::array<uint8_t, 128> kAsciiFacts = [] {
  std::array<uint8_t, 128> table{};
  for (UChar32 c = 0; c < 128; ++c)
    for (CharFact fact : {kWordChar, kAlpha, kUpper, kLower, kSpace})
      if (icu_has(c, fact)) table[c] |= fact;
  return table;
}();

bool has(UChar32 c, CharFact fact) { return c >= 0 && c < 128 ? kAsciiFacts[c] & fact : icu_has(c, fact); }

// std::isalpha in the "C" locale, without its call.
bool is_ascii_letter(uint8_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

bool is_letter_or_digit(UChar32 c) { return has(c, kWordChar); }
bool is_joiner(UChar32 c) { return c == '-' || c == '\'' || c == 0x2019 || c == 0x2010; }
bool is_number_separator(UChar32 c) { return c == '.' || c == ',' || c == ':' || c == '/'; }

// Scans one token starting at i (not whitespace); returns its end.
int32_t scan_token(const Cursor& text, int32_t i, Token& token) {
  int32_t next;
  UChar32 c = code_point_at(text, i, &next);
  if (!is_letter_or_digit(c)) {
    token.kind = TokenKind::punct;
    return next;
  }
  bool digits_only = true, letters = false, upper_first = has(c, kUpper), all_upper = true;
  int32_t end = i;
  while (end < text.length) {
    c = code_point_at(text, end, &next);
    if (is_letter_or_digit(c)) {
      if (has(c, kAlpha)) { letters = true; digits_only = false; all_upper &= !has(c, kLower); }
      end = next;
      continue;
    }
    int32_t after;
    UChar32 following = next < text.length ? code_point_at(text, next, &after) : -1;
    bool digit_follows = following >= '0' && following <= '9';
    // "Caliber.Az", "Amazon.com": a period between two runs of letters
    // with no space is part of a name ("U.S." is handled below).
    bool joins_name = c == '.' && letters && end - i >= 2 && has(following, kAlpha) && next + 1 < text.length &&
                      is_ascii_letter(text.data[next + 1]);
    bool joins_word = (is_joiner(c) || joins_name) && is_letter_or_digit(following);
    bool joins_number = digits_only && is_number_separator(c) && digit_follows;
    if (!joins_word && !joins_number) break;
    if (is_joiner(c)) digits_only = false;
    end = next;
  }
  // "U.S.", "p.m.": single letters joined by periods stay one word.
  while (letters && end + 1 < text.length && text.data[end] == '.' && end - i <= 3 &&
         is_ascii_letter(text.data[end + 1]) &&
         (end + 2 >= text.length || text.data[end + 2] == '.')) {
    end += end + 2 < text.length ? 3 : 2;  // "U.S." or, at the end of the line, "U.S"
  }
  token.kind = digits_only ? TokenKind::number : TokenKind::word;
  token.capitalised = upper_first;
  token.all_caps = letters && all_upper && end - i >= 2;
  return end;
}

bool is_space(UChar32 c) { return has(c, kSpace); }

// Clitics are tokens of their own, as in the Penn Treebank: "Zatulin's" is
// "Zatulin" + "'s", "didn't" is "did" + "n't". Returns the clitic's length.
size_t clitic_length(std::string_view word) {
  for (std::string_view clitic : {"n't", "n\xE2\x80\x99t", "'s", "\xE2\x80\x99s"})
    if (word.size() > clitic.size() + 1 && word.ends_with(clitic)) return clitic.size();
  return 0;
}

void tokenize(const Document& doc, Span span, std::vector<Token>& tokens) {
  const Cursor text{reinterpret_cast<const uint8_t*>(doc.text.data()), int32_t(span.end)};
  for (int32_t i = span.start; i < text.length;) {
    int32_t next;
    if (is_space(code_point_at(text, i, &next))) { i = next; continue; }
    Token token;
    int32_t end = scan_token(text, i, token);
    token.span = {uint32_t(i), uint32_t(end)};
    size_t clitic = token.kind == TokenKind::word ? clitic_length(doc.slice(token.span)) : 0;
    if (clitic) {
      token.span.end -= uint32_t(clitic);
      tokens.push_back(token);
      Token rest;
      rest.kind = TokenKind::word;
      rest.span = {token.span.end, uint32_t(end)};
      tokens.push_back(rest);
    } else {
      tokens.push_back(token);
    }
    i = end;
  }
}

// Does the sentence end after token i (a '.', '!' or '?')?
class SentenceSplitter {
 public:
  explicit SentenceSplitter(const std::unordered_set<std::string>& abbreviations)
      : abbreviations_(abbreviations) {}

  bool ends_after(const Document& doc, const std::vector<Token>& tokens, size_t i, size_t end) const {
    auto text = doc.slice(tokens[i].span);
    if (text != "." && text != "!" && text != "?" && text != "\xE2\x80\xA6") return false;
    if (text == "." && i > 0 && is_abbreviation(doc, tokens[i - 1], tokens[i])) return false;
    size_t next = i + 1;
    while (next < end && is_closing(doc.slice(tokens[next].span))) ++next;
    if (next >= end) return true;
    const Token& following = tokens[next];
    auto first = doc.slice(following.span);
    return following.capitalised || following.kind == TokenKind::number || is_opening(first);
  }

  static bool is_closing(std::string_view t) {
    return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\xE2\x80\x9D" || t == "\xC2\xBB" ||
           t == "\xE2\x80\x99" || t == "." ;
  }
  static bool is_opening(std::string_view t) {
    return t == "\"" || t == "(" || t == "[" || t == "\xE2\x80\x9C" || t == "\xC2\xAB";
  }

 private:
  bool is_abbreviation(const Document& doc, const Token& word, const Token& period) const {
    if (word.span.end != period.span.start || word.kind != TokenKind::word) return false;
    auto text = doc.slice(word.span);
    if (text.size() == 1 && word.capitalised) return true;  // an initial
    fold_case(text, folded_);
    return abbreviations_.count(folded_) > 0;
  }
  const std::unordered_set<std::string>& abbreviations_;
  mutable std::string folded_;  // reused: no allocation per period
};

bool is_segmented(LineKind kind) { return kind != LineKind::blank && kind != LineKind::boilerplate; }
bool continues_onto_next_line(LineKind kind) { return kind == LineKind::body; }

}  // namespace

void fold_case(std::string_view text, std::string& out) {
  // One pass lower-cases ASCII and notes whether anything else is there.
  out.resize(text.size());
  unsigned char seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    seen |= c;
    out[i] = char(unsigned(c - 'A') < 26u ? c + 32 : c);
  }
  if (seen < 0x80) return;
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<UCaseMap, decltype(&ucasemap_close)> case_map(
      ucasemap_open("", U_FOLD_CASE_DEFAULT, &status), &ucasemap_close);
  if (!case_map) { out.assign(text); return; }
  out.resize(text.size() * 3 + 4);
  int32_t length = ucasemap_utf8FoldCase(case_map.get(), out.data(), int32_t(out.size()), text.data(),
                                         int32_t(text.size()), &status);
  out.resize(U_SUCCESS(status) ? size_t(length) : 0);
  if (U_FAILURE(status)) out.assign(text);
}

std::string fold_case(std::string_view text) {
  std::string out;
  fold_case(text, out);
  return out;
}

Segmenter::Segmenter(const Resources& resources) {
  auto table = resources.table("en/abbreviations.tsv", 1);
  if (!table) return;  // validated by the resource tests
  for (const auto& row : table->rows) abbreviations_.insert(fold_case(row.fields[0]));
}

Segmentation segment(const Document& doc, const Resources& resources) {
  return Segmenter(resources).segment(doc);
}

Segmentation Segmenter::segment(const Document& doc) const {
  const SentenceSplitter splitter(abbreviations_);
  Segmentation seg;
  auto close_sentence = [&](size_t first, size_t end, uint32_t line) {
    if (first >= end) return;
    seg.sentences.push_back({Span{seg.tokens[first].span.start, seg.tokens[end - 1].span.end},
                             uint32_t(first), uint32_t(end), line});
  };
  size_t open = 0;        // first token of the sentence being built
  uint32_t open_line = 0;
  for (uint32_t l = 0; l < doc.lines.size(); ++l) {
    const Line& line = doc.lines[l];
    if (!is_segmented(line.kind)) continue;
    const size_t line_first = seg.tokens.size();
    tokenize(doc, line.span, seg.tokens);
    if (open == line_first) open_line = l;
    for (size_t i = line_first; i < seg.tokens.size(); ++i) {
      // A run of tokens with no sentence end (a page of text on one line) is
      // cut every kMaxSentenceTokens tokens, so later stages, which look at a
      // sentence at a time, stay linear in the document's length.
      if (i + 1 - open >= kMaxSentenceTokens) {
        close_sentence(open, i + 1, open_line);
        open = i + 1;
        open_line = l;
        continue;
      }
      if (!splitter.ends_after(doc, seg.tokens, i, seg.tokens.size())) continue;
      size_t end = i + 1;
      while (end < seg.tokens.size() && SentenceSplitter::is_closing(doc.slice(seg.tokens[end].span)))
        ++end;
      close_sentence(open, end, open_line);
      open = end;
      open_line = l;
      i = end - 1;
    }
    bool next_continues = l + 1 < doc.lines.size() && continues_onto_next_line(line.kind) &&
                          doc.lines[l + 1].kind == LineKind::body;
    if (!next_continues) {
      close_sentence(open, seg.tokens.size(), open_line);
      open = seg.tokens.size();
    }
  }
  return seg;
}

}  // namespace annals
