// Per-token facts for the actor tagger: folded form, lexicon flags, and
// where the token stands (sentence start, headline, short quotation, timex).
// Computed once, so that the finder does one hash look-up per word.
#include <algorithm>
#include <cstring>

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

// The ASCII capitals of eight bytes to lower case; other bytes unchanged.
uint64_t lower_ascii(uint64_t chunk) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const uint64_t seven_bits = chunk & ~kHigh;  // no carry between bytes below
  const uint64_t from_a = seven_bits + (0x80 - 'A') * kOnes;     // high bit set: byte >= 'A'
  const uint64_t past_z = seven_bits + (0x80 - 'Z' - 1) * kOnes;  // high bit set: byte > 'Z'
  const uint64_t capital = from_a & ~past_z & ~chunk & kHigh;
  return chunk | capital >> 2;  // 0x80 >> 2 is the case bit 0x20
}

// Writes folded words one after another into Tokens::folded, and hashes
// them for the lexicon on the way. The buffer keeps eight bytes of room
// past the last word, so that an ASCII word (most words) folds in
// eight-byte steps.
class Folder {
 public:
  Folder(std::string& out, size_t text_size) : out_(out) { out_.resize(text_size + 8); }
  ~Folder() { out_.resize(used_); }

  struct Word {
    uint32_t start, size;
    uint64_t hash;  // hash_key() of the folded word
  };

  Word fold(std::string_view text) {
    reserve(text.size());
    char* at = out_.data() + used_;
    uint64_t high_bits = 0;
    uint64_t hash = hash_chunks(text, [&](uint64_t chunk, size_t offset) {
      high_bits |= chunk;
      chunk = lower_ascii(chunk);
      std::memcpy(at + offset, &chunk, 8);
      return chunk;
    });
    size_t size = text.size();
    if (high_bits & 0x8080808080808080ull) {  // other letters: ICU folds them
      fold_case(text, scratch_);
      reserve(scratch_.size());
      std::memcpy(out_.data() + used_, scratch_.data(), scratch_.size());
      size = scratch_.size();
      hash = hash_key(scratch_);
    }
    Word word{uint32_t(used_), uint32_t(size), hash};
    used_ += size;
    return word;
  }

 private:
  void reserve(size_t size) {
    if (used_ + size + 8 > out_.size()) out_.resize(2 * (used_ + size + 8));
  }

  std::string& out_;
  size_t used_ = 0;
  std::string scratch_;
};

TokenFacts look_up_word(const ActorLexicon& lex, const Tokens& t, uint32_t i, Folder& folder) {
  const Token& token = t.seg.tokens[i];
  TokenFacts f;
  f.core_end = token.span.end;
  if (token.kind != TokenKind::word) return f;
  std::string_view text = t.text(i);
  const bool capital = token.capitalised || is_camel_case(text);
  f.flags |= kWord | (capital ? uint32_t(kCap) : 0u) | (token.all_caps ? uint32_t(kAllCaps) : 0u);
  text = text.substr(0, without_possessive(text));
  f.core_end = token.span.start + uint32_t(text.size());
  const Folder::Word word = folder.fold(text);
  f.fold_start = word.start;
  f.fold_size = word.size;
  const std::string_view folded = std::string_view(t.folded).substr(word.start, word.size);
  const WordInfo* info = lex.words.find(folded, word.hash);
  if (!info && token.capitalised && is_cyrillic(text)) {
    std::string base = lex.uninflect(folded);
    if (!base.empty()) info = lex.word(base);
  }
  if (!info) return f;
  f.words = info->flags;
  f.given_group = info->given_group;
  f.gender = info->gender;
  f.max_phrase = info->max_phrase;
  return f;
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
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {  // counted without branches: words and
    const bool word = t.is(i, kWord);                          // punctuation alternate unpredictably
    const bool long_word = word && t.seg.tokens[i].span.size() >= 4;
    words += word;
    shouted += t.is(i, kAllCaps);  // only words are
    long_words += long_word;
    capitalised += long_word && t.is(i, kCap);
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
    if (t.is(i, kWord)) {
      if (expect_initial) t.facts[i].flags |= kInitial;
      expect_initial = false;
      continue;
    }
    if (t.seg.tokens[i].kind != TokenKind::punct) continue;  // quotation marks are punctuation
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
    }
  }
}

}  // namespace

void tokenize_facts(const ActorLexicon& lex, const std::vector<Timex>& timexes, Tokens& t) {
  const size_t n = t.seg.tokens.size();
  t.facts.clear();
  t.facts.reserve(n);
  {
    Folder folder(t.folded, t.doc.text.size());
    for (uint32_t i = 0; i < n; ++i) t.facts.push_back(look_up_word(lex, t, i, folder));
  }
  t.capitalised.clear();
  for (uint32_t i = 0; i < n; ++i)
    if (t.is(i, kCap)) t.capitalised.push_back(i);
  mark_timexes(timexes, t);
  for (const Sentence& s : t.seg.sentences) mark_sentence(t, s);
}

}  // namespace annals::actor_detail
