// Turns tokens into atoms and gives each atom its lexicon entries, or the
// entries its digits imply (a year, a day, a clock time, a numeric date).
#include <algorithm>
#include <bit>
#include <cstring>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "time/rules.h"

namespace annals::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_upper(std::string_view text) {
  if (text.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, int32_t(text.size()), c);
  return c >= 0 && u_isupper(c);
}

// Reads up to 9 leading digits; returns how many were read.
size_t read_digits(std::string_view text, int32_t& value) {
  size_t i = 0;
  value = 0;
  while (i < text.size() && is_digit(text[i])) {
    if (i == 9) return 0;  // too long to be any date part
    value = value * 10 + (text[i] - '0');
    ++i;
  }
  return i;
}

Entry make_entry(uint16_t cls) {
  Entry entry;
  entry.cls = cls;
  return entry;
}

// "17:58", "13:34:00"
bool clock_entry(const std::vector<std::pair<int32_t, size_t>>& groups, Entry& out) {
  if (groups.size() < 2 || groups.size() > 3) return false;
  if (groups[0].second > 2 || groups[0].first > 24) return false;
  for (size_t g = 1; g < groups.size(); ++g)
    if (groups[g].second != 2 || groups[g].first > 59) return false;
  out = make_entry(kClassClock);
  out.add(Slot::hour, groups[0].first);
  out.add(Slot::minute, groups[1].first);
  if (groups.size() == 3) out.add(Slot::second, groups[2].first);
  return true;
}

// "20.07.2022" (DMY), "10/30/89" (MDY), "2022-06-08" (YMD), by the orders
// the language's numeric.tsv declares for the separator.
bool numeric_date_entry(const Lexicon& lexicon, char separator,
                        const std::vector<std::pair<int32_t, size_t>>& groups, Entry& out) {
  if (groups.size() != 3) return false;
  for (const NumericOrder& order : lexicon.numeric_orders()) {
    if (order.separator != separator) continue;
    int32_t year = -1, month = -1, day = -1;
    bool ok = true;
    for (size_t g = 0; g < 3 && ok; ++g) {
      auto [value, width] = groups[g];
      switch (order.order[g]) {
        case 'Y':
          if (width == 4) year = value;
          else if (width == 2 && g != 0) year = value < 50 ? 2000 + value : 1900 + value;
          else ok = false;
          break;
        case 'M': month = value; ok = width <= 2 && value >= 1 && value <= 12; break;
        case 'D': day = value; ok = width <= 2 && value >= 1 && value <= 31; break;
      }
    }
    if (!ok || year < 1000 || year > 2999) continue;
    out = make_entry(kClassNumDate);
    out.add(Slot::year, year);
    out.add(Slot::month, month);
    out.add(Slot::day, day);
    return true;
  }
  return false;
}

bool has_suffix(const std::vector<std::string>& suffixes, std::string_view folded) {
  return std::find(suffixes.begin(), suffixes.end(), folded) != suffixes.end();
}

// Entries of an atom that starts with a digit.
void numeric_entries(const Lexicon& lexicon, std::string_view text, std::string& scratch,
                     std::vector<Entry>& out) {
  int32_t value = 0;
  size_t width = read_digits(text, value);
  if (width == 0) return;
  if (width == text.size()) {
    Entry e = make_entry(kClassInt);
    e.add(Slot::n, value);
    out.push_back(e);
    if (width == 4 && value >= 1000 && value <= 2999) {
      e = make_entry(kClassYear);
      e.add(Slot::year, value);
      out.push_back(e);
    }
    if (width <= 2 && value >= 1 && value <= 31) {
      e = make_entry(kClassDayNum);
      e.add(Slot::day, value);
      out.push_back(e);
    }
    if (width <= 2 && value <= 24) {
      e = make_entry(kClassHourNum);
      e.add(Slot::hour, value);
      out.push_back(e);
    }
    return;
  }
  std::string_view rest = text.substr(width);
  if (!is_digit(rest[0]) && (rest.size() < 2 || !is_digit(rest[1]))) {
    scratch.clear();
    fold_case(rest, scratch);
    if (has_suffix(lexicon.ordinal_suffixes(), scratch) && width <= 4) {
      Entry e = make_entry(kClassOrdNum);
      e.add(Slot::ord, value);
      out.push_back(e);
    } else if (has_suffix(lexicon.decade_suffixes(), scratch) && width == 4 && value % 10 == 0) {
      Entry e = make_entry(kClassDecade);
      e.add(Slot::decade, value / 10);
      out.push_back(e);
    } else if (has_suffix(lexicon.decade_suffixes(), scratch) && width == 2 && value % 10 == 0) {
      // "the '80s": the last century's, but for the '00s and '10s.
      Entry e = make_entry(kClassShortDecade);
      e.add(Slot::decade, (value < 20 ? 2000 + value : 1900 + value) / 10);
      out.push_back(e);
    }
    return;
  }
  // Digit groups joined by one separator character.
  std::vector<std::pair<int32_t, size_t>> groups{{value, width}};
  char separator = rest[0];
  while (!rest.empty()) {
    if (rest[0] != separator || rest.size() < 2) return;
    rest.remove_prefix(1);
    size_t w = read_digits(rest, value);
    if (w == 0 || groups.size() == 4) return;
    groups.emplace_back(value, w);
    rest.remove_prefix(w);
  }
  Entry e;
  if (separator == ':' && clock_entry(groups, e)) out.push_back(e);
  else if (numeric_date_entry(lexicon, separator, groups, e)) out.push_back(e);
}

// Whether a digit-led word is one number shape ("2022-06-08") rather than
// hyphenated parts ("30-day", "2001-2009").
bool reads_as_number(const Lexicon& lexicon, std::string_view piece, AtomBuffer& out) {
  size_t before = out.entries.size();
  numeric_entries(lexicon, piece, out.scratch, out.entries);
  bool found = out.entries.size() > before;
  out.entries.resize(before);
  return found;
}

bool is_ascii(std::string_view text) {
  unsigned char high = 0;
  for (unsigned char c : text) high |= c;
  return high < 0x80;
}

// Reads a piece of text of up to 8 bytes in one load, when the text has 8
// bytes from its start (nearly always): cheaper than loops over its letters,
// whose lengths vary from word to word.
bool load_short(std::string_view text, std::string_view piece, uint64_t& bytes) {
  if (piece.size() > 8 || size_t(piece.data() - text.data()) + 8 > text.size()) return false;
  std::memcpy(&bytes, piece.data(), 8);
  if constexpr (std::endian::native == std::endian::big) bytes = __builtin_bswap64(bytes);
  if (piece.size() < 8) bytes &= (uint64_t(1) << (8 * piece.size())) - 1;
  return true;
}

constexpr uint64_t kEveryByte = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// Whether one of 8 bytes (as load_short reads them) is `c`, not 0.
bool has_byte(uint64_t bytes, char c) {
  uint64_t zero_at_c = bytes ^ (kEveryByte * static_cast<unsigned char>(c));
  return (zero_at_c - kEveryByte) & ~zero_at_c & kHighBits;
}

bool has_hyphen(std::string_view text, std::string_view piece) {
  uint64_t bytes = 0;
  if (!load_short(text, piece, bytes)) return piece.find('-') != std::string_view::npos;
  return has_byte(bytes, '-');
}

unsigned char lowered(char c) {
  auto u = static_cast<unsigned char>(c);
  return u + (unsigned(u - 'A') < 26u ? 32 : 0);
}

// Whether a word (folded, or ASCII in any case) ends with a folded ending.
bool ends_with_folded(std::string_view word, std::string_view ending) {
  if (word.size() <= ending.size()) return false;
  word.remove_prefix(word.size() - ending.size());
  for (size_t i = 0; i < ending.size(); ++i)
    if (lowered(word[i]) != static_cast<unsigned char>(ending[i])) return false;
  return true;
}

bool is_joiner(std::string_view text) {
  return text == ":" || text == "." || text == "/" || text == "-";
}

class AtomBuilder {
 public:
  AtomBuilder(const Lexicon& lexicon, std::string_view text, AtomBuffer& out)
      : lexicon_(lexicon), text_(text), out_(out) {}

  // Whether the lexicon lists the word with its period ("jan.", "sept.").
  bool known_with_period(std::string_view word_and_period) {
    return lookup(word_and_period) != nullptr;
  }

  void add(Span span, bool token_start, bool token_end, bool capitalised, bool is_punct) {
    Atom atom = open_atom(span, token_start, token_end, is_punct);
    std::string_view piece = text_.substr(span.start, span.size());
    if (is_digit(piece[0])) {
      numeric_entries(lexicon_, piece, out_.scratch, out_.entries);
      out_.entries.push_back(make_entry(kClassDigits));
      for (uint32_t i = atom.first_entry; i < out_.entries.size(); ++i) note_class(out_.entries[i].cls);
      add_lexicon_entries(piece, false);  // written numbers the lexicon names: "1/2"
    }
    else add_lexicon_entries(piece, capitalised);
    close_atom(atom, is_punct);
  }

  // The commonest token: a word or punctuation of at most 8 ASCII bytes,
  // neither a number nor hyphenated, whose bytes (load_short) are at hand.
  void add_short(const Token& token, uint64_t bytes) {
    bool is_punct = token.kind == TokenKind::punct;
    Atom atom = open_atom(token.span, true, true, is_punct);
    std::string_view piece = text_.substr(token.span.start, token.span.size());
    add_found_entries(piece, lexicon_.lookup_short(lower_ascii(bytes), piece.size()), token.capitalised);
    close_atom(atom, is_punct);
  }

 private:
  Atom open_atom(Span span, bool token_start, bool token_end, bool is_punct) const {
    Atom atom;
    atom.span = span;
    atom.token_start = token_start;
    atom.token_end = token_end;
    atom.sentence_start = !seen_word_;
    atom.punct = is_punct;
    atom.comma = is_punct && text_.substr(span.start, span.size()) == ",";
    atom.first_entry = uint32_t(out_.entries.size());
    return atom;
  }

  void close_atom(Atom& atom, bool is_punct) {
    if (is_punct) keep(make_entry(kClassPunct));
    atom.entry_count = uint16_t(out_.entries.size() - atom.first_entry);
    seen_word_ |= !is_punct;
    out_.atoms.push_back(atom);
  }

  // The lexicon looks ASCII words up in any case; others are folded first.
  const std::vector<Entry>* lookup(std::string_view& word) {
    uint64_t bytes = 0;
    if (load_short(text_, word, bytes) && !(bytes & kHighBits))
      return lexicon_.lookup_short(lower_ascii(bytes), word.size());
    if (!is_ascii(word)) {
      fold_case(word, out_.scratch);
      word = out_.scratch;
    }
    return lexicon_.lookup(word);
  }

  void add_lexicon_entries(std::string_view piece, bool capitalised) {
    std::string_view word = piece;
    const std::vector<Entry>* entries = lookup(word);
    add_found_entries(word, entries, capitalised);
  }

  // Keeps the entries found for a word (folded, or ASCII in any case), or
  // those of the word less a clitic.
  void add_found_entries(std::string_view word, const std::vector<Entry>* entries, bool capitalised) {
    bool clitic_possible = !entries && !word.empty() && lexicon_.clitic_may_end_with(char(lowered(word.back())));
    for (size_t c = 0; clitic_possible && !entries && c < lexicon_.clitics().size(); ++c) {
      const std::string& clitic = lexicon_.clitics()[c];
      if (ends_with_folded(word, clitic)) entries = lexicon_.lookup(word.substr(0, word.size() - clitic.size()));
    }
    if (!entries) return;
    for (const Entry& entry : *entries)
      if (capitalised || !(entry.flags & kCapitalOnly)) keep(entry);
  }

  // Adds an entry to the atom being built (the next in out_.atoms).
  void keep(const Entry& entry) {
    out_.entries.push_back(entry);
    note_class(entry.cls);
    if (!(entry.flags & kTenseCue)) return;
    for (uint8_t a = 0; a < entry.count; ++a)
      if (entry.assigns[a].slot == Slot::tense)
        out_.tense_cues.emplace_back(uint32_t(out_.atoms.size()), entry.assigns[a].value);
  }

  void note_class(uint16_t cls) { out_.present[cls / 64] |= uint64_t(1) << (cls % 64); }

  const Lexicon& lexicon_;
  std::string_view text_;
  AtomBuffer& out_;
  bool seen_word_ = false;
};

// The longest run of adjacent tokens from `first` that reads as one number
// shape ("17" ":" "58"); returns one past its last token, or first + 1.
size_t numeric_run(const Lexicon& lexicon, std::string_view text, std::span<const Token> tokens,
                   size_t first, AtomBuffer& out) {
  size_t best = first + 1;
  size_t last = first;
  while (last + 2 < tokens.size() + 0 && last - first < 6) {
    const Token& sep = tokens[last + 1];
    const Token& next = tokens[last + 2];
    if (sep.span.start != tokens[last].span.end || next.span.start != sep.span.end) break;
    if (!is_joiner(text.substr(sep.span.start, sep.span.size()))) break;
    if (next.kind != TokenKind::number) break;
    last += 2;
    std::string_view joined = text.substr(tokens[first].span.start,
                                          tokens[last].span.end - tokens[first].span.start);
    size_t before = out.entries.size();
    numeric_entries(lexicon, joined, out.scratch, out.entries);
    if (out.entries.size() > before) best = last + 1;
    out.entries.resize(before);
  }
  return best;
}

}  // namespace

void build_atoms(const Lexicon& lexicon, std::string_view text, std::span<const Token> tokens,
                 AtomBuffer& out) {
  out.atoms.clear();
  out.entries.clear();
  out.tense_cues.clear();
  out.present.assign(lexicon.class_count() / 64 + 1, 0);
  ++out.sentence;
  AtomBuilder builder(lexicon, text, out);
  // Whether a period is written right after token i ("Jan."), as a token.
  auto period_follows = [&](size_t i) {
    return i + 1 < tokens.size() && tokens[i + 1].span.start == tokens[i].span.end &&
           text[tokens[i].span.end] == '.' && tokens[i + 1].span.size() == 1;
  };
  for (size_t i = 0; i < tokens.size();) {
    const Token& token = tokens[i];
    std::string_view piece = text.substr(token.span.start, token.span.size());
    if (piece.empty()) {
      ++i;
      continue;
    }
    uint64_t bytes = 0;
    if (token.kind != TokenKind::number && !is_digit(piece[0]) && load_short(text, piece, bytes) &&
        !(bytes & kHighBits) &&
        (token.kind == TokenKind::punct || (!has_byte(bytes, '-') && !period_follows(i)))) {
      builder.add_short(token, bytes);
      ++i;
      continue;
    }
    if (token.kind == TokenKind::number) {
      size_t end = numeric_run(lexicon, text, tokens, i, out);
      builder.add(Span{token.span.start, tokens[end - 1].span.end}, true, true, false, false);
      i = end;
      continue;
    }
    if (token.kind == TokenKind::word && period_follows(i) &&
        builder.known_with_period(text.substr(token.span.start, token.span.size() + 1))) {
      builder.add(Span{token.span.start, token.span.end + 1}, true, true, token.capitalised, false);
      i += 2;
      continue;
    }
    if (token.kind == TokenKind::punct || !has_hyphen(text, piece) ||
        (is_digit(piece[0]) && reads_as_number(lexicon, piece, out))) {
      builder.add(token.span, true, true, token.capitalised, token.kind == TokenKind::punct);
      ++i;
      continue;
    }
    // A hyphenated word: its parts are atoms ("mid-June", "two-week").
    uint32_t start = token.span.start;
    for (uint32_t p = token.span.start; p <= token.span.end; ++p) {
      if (p < token.span.end && text[p] != '-') continue;
      if (p > start) {
        std::string_view part = text.substr(start, p - start);
        // Between digits the hyphen is a range dash ("6-13"), so it stays.
        if (start > token.span.start && is_digit(part[0]) && is_digit(text[start - 2]))
          builder.add(Span{start - 1, start}, false, false, false, true);
        builder.add(Span{start, p}, start == token.span.start, p == token.span.end,
                    starts_upper(part), false);
      }
      start = p + 1;
    }
    if (!out.atoms.empty()) out.atoms.back().token_end = true;
    ++i;
  }
}

std::vector<Token> tokenize_line(std::string_view text, uint32_t offset) {
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = int32_t(text.size());
  auto alnum_at = [&](int32_t at, int32_t* next) {
    if (at >= length) return false;
    UChar32 c;
    U8_NEXT(data, at, length, c);
    if (next) *next = at;
    return c >= 0 && u_isalnum(c);
  };
  std::vector<Token> tokens;
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0 || u_isspace(c)) continue;
    Token token;
    token.kind = TokenKind::punct;
    if (c < 0x80 && is_digit(char(c))) {
      // Digits with inner separators: "20.07.2022", "13:34:00".
      token.kind = TokenKind::number;
      while (i < length && is_digit(text[i])) ++i;
      while (i + 1 < length && std::string_view(".:/-,").find(text[i]) != std::string_view::npos &&
             is_digit(text[i + 1])) {
        ++i;
        while (i < length && is_digit(text[i])) ++i;
      }
      for (int32_t next; alnum_at(i, &next);) {
        token.kind = TokenKind::word;  // "5th", "1990s"
        i = next;
      }
    } else if (u_isalnum(c)) {
      token.kind = TokenKind::word;
      for (int32_t next;;) {
        if (alnum_at(i, &next)) i = next;
        else if (i + 1 < length && (text[i] == '-' || text[i] == '\'') && alnum_at(i + 1, nullptr)) ++i;
        else break;
      }
    }
    std::string_view piece = text.substr(size_t(start), size_t(i - start));
    token.capitalised = token.kind == TokenKind::word && starts_upper(piece);
    token.span = Span{offset + uint32_t(start), offset + uint32_t(i)};
    tokens.push_back(token);
  }
  return tokens;
}

}  // namespace annals::detail
