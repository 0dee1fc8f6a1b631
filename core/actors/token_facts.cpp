// Per-token facts for the actor tagger: folded form, lexicon flags, and
// where the token stands (sentence start, headline, short quotation, timex).
// Computed once, so that the finder does one hash look-up per word.
#include <algorithm>

#include "actors/tagging.h"
#include "text/segment.h"

namespace annals::actor_detail {
namespace {

constexpr size_t kShortQuoteWords = 6;     // "“United Russia”", "«Union Resolve – 2022»"
constexpr size_t kHeadlineMinWords = 4;    // words of four bytes or more
constexpr int kHeadlineCapsPercent = 70;

bool is_open_quote(std::string_view t) {
  return t == "\xE2\x80\x9C" || t == "\xC2\xAB" || t == "\xE2\x80\x9E";  // “ « „
}
bool is_close_quote(std::string_view t) {
  return t == "\xE2\x80\x9D" || t == "\xC2\xBB";  // ” »
}

// "iPod", "eBay", "iTunes": a lower-case letter, then a capital inside the
// word is how brands and products are written, so the word names something
// as much as a capitalised one does.
bool is_camel_case(std::string_view text) {
  if (text.size() < 3 || !(text[0] >= 'a' && text[0] <= 'z')) return false;
  return text[1] >= 'A' && text[1] <= 'Z' && std::any_of(text.begin() + 2, text.end(), [](char c) {
           return c >= 'a' && c <= 'z';
         });
}

void look_up_word(const ActorLexicon& lex, Tokens& t, uint32_t i, std::string& scratch) {
  const Token& token = t.seg.tokens[i];
  TokenFacts& f = t.facts[i];
  f.core_end = token.span.end;
  if (token.kind != TokenKind::word) return;
  std::string_view text = t.text(i);
  const bool capital = token.capitalised || is_camel_case(text);
  f.flags |= kWord | (capital ? uint32_t(kCap) : 0u) | (token.all_caps ? uint32_t(kAllCaps) : 0u);
  size_t core = without_possessive(text);
  f.core_end = token.span.start + uint32_t(core);
  f.fold_start = uint32_t(t.folded.size());
  text = text.substr(0, core);
  if (std::all_of(text.begin(), text.end(), [](char c) { return uint8_t(c) < 0x80; })) {
    for (char c : text) t.folded.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : c);  // most words
  } else {
    fold_case(text, scratch);
    t.folded += scratch;
  }
  f.fold_size = uint32_t(t.folded.size() - f.fold_start);
  const std::string_view folded = t.fold(i);
  const WordInfo* info = lex.word(folded);
  if (!info && token.capitalised && is_cyrillic(text)) {
    std::string base = lex.uninflect(folded);
    if (!base.empty()) info = lex.word(base);
  }
  if (!info) return;
  f.words = info->flags;
  f.given_group = info->given_group;
  f.gender = info->gender;
  f.max_phrase = info->max_phrase;
}

void mark_timexes(const std::vector<Timex>& timexes, Tokens& t) {
  const auto& tokens = t.seg.tokens;
  for (const Timex& timex : timexes) {
    auto it = std::lower_bound(tokens.begin(), tokens.end(), timex.span.start,
                               [](const Token& token, uint32_t start) { return token.span.end <= start; });
    for (; it != tokens.end() && it->span.start < timex.span.end; ++it)
      t.facts[size_t(it - tokens.begin())].flags |= kInTimex;
  }
}

// Headlines and menus capitalise most words; there a capital proves nothing.
// A sentence that ends with a full stop is prose, however many names it has.
bool is_headline(const Tokens& t, const Sentence& s) {
  size_t long_words = 0, capitalised = 0, words = 0, shouted = 0;
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    if (!t.is(i, kWord)) continue;
    ++words;
    shouted += t.is(i, kAllCaps);
    if (t.text(i).size() < 4) continue;
    ++long_words;
    capitalised += t.is(i, kCap);
  }
  if (words >= 3 && shouted == words) return true;
  uint32_t last = s.end_token - 1;
  while (last > s.first_token && !t.is(last, kWord) && t.text(last) != "." && t.text(last) != "!" &&
         t.text(last) != "?")
    --last;
  if (!t.is(last, kWord)) return false;
  return long_words >= kHeadlineMinWords && capitalised * 100 >= long_words * kHeadlineCapsPercent;
}

void mark_sentence(Tokens& t, const Sentence& s) {
  const uint32_t headline = is_headline(t, s) ? uint32_t(kTitleCase) : 0u;
  bool expect_initial = true;
  bool straight_open = false;
  int64_t open = -1;  // token index of the open quotation mark
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    t.facts[i].flags |= headline;
    std::string_view text = t.text(i);
    bool straight = text == "\"";
    if (is_open_quote(text) || (straight && !straight_open)) {
      open = i;
      straight_open = straight;
      expect_initial = true;
      continue;
    }
    if ((is_close_quote(text) || straight) && open >= 0) {
      if (size_t(i - open - 1) <= kShortQuoteWords)
        for (uint32_t q = uint32_t(open) + 1; q < i; ++q) t.facts[q].flags |= kShortQuote;
      open = -1;
      straight_open = false;
      continue;
    }
    if (t.is(i, kWord) && expect_initial) {
      t.facts[i].flags |= kInitial;
      expect_initial = false;
    }
  }
}

}  // namespace

void tokenize_facts(const ActorLexicon& lex, const std::vector<Timex>& timexes, Tokens& t) {
  const size_t n = t.seg.tokens.size();
  t.facts.assign(n, TokenFacts{});
  t.folded.clear();
  t.folded.reserve(t.doc.text.size());
  std::string scratch;
  for (uint32_t i = 0; i < n; ++i) look_up_word(lex, t, i, scratch);
  mark_timexes(timexes, t);
  for (const Sentence& s : t.seg.sentences) mark_sentence(t, s);
}

}  // namespace annals::actor_detail
