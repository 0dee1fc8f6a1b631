// Line classification for scraped pages. The signals are generic (sentence
// punctuation, line length, widget vocabulary from en/boilerplate.tsv), not
// knowledge of particular sites.
#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_set>

#include "text/document.h"
#include "text/segment.h"
#include "util/resources.h"

namespace annals {
namespace {

constexpr size_t kProseMinWords = 6;       // a sentence, if punctuated
constexpr size_t kUnpunctuatedMinWords = 12;  // a sentence-like line without final stop
constexpr size_t kPhraseMaxWords = 25;
constexpr size_t kTitleMinWords = 3;
constexpr size_t kReplyMaxWords = 4;
constexpr size_t kMenuMinSeparators = 2;
constexpr size_t kMenuWordsPerItem = 3;

}  // namespace

// Looked up by string_view: no string is built for each word of a page.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using TextSet = std::unordered_set<std::string, TextHash, std::equal_to<>>;

// A set of words that answers "no" for most words of a page without
// hashing them: a mask of the lengths its words have, by first byte.
class WordSet {
 public:
  void insert(std::string word) {
    if (word.empty()) return;
    lengths_[uint8_t(word[0])] |= length_bit(word.size());
    words_.insert(std::move(word));
  }
  bool contains(std::string_view word) const {
    return !word.empty() && (lengths_[uint8_t(word[0])] & length_bit(word.size())) && words_.count(word);
  }

 private:
  static uint32_t length_bit(size_t length) { return 1u << std::min<size_t>(length, 31); }
  std::array<uint32_t, 256> lengths_{};
  TextSet words_;
};

struct BoilerplateMarker::Vocabulary {
  TextSet lines;
  WordSet words, replies;
  std::vector<std::string> prefixes, phrases;
};

namespace {

using Vocabulary = BoilerplateMarker::Vocabulary;

struct LineFacts {
  size_t words = 0;
  size_t widget_words = 0;
  size_t spaced_words = 0;  // whitespace-separated words with a letter
  bool shouting = false;    // no lower-case letter at all
  bool terminal = false;  // ends like a sentence
  bool widget = false;    // a navigation or widget line outright
  bool replies = false;   // "Reply  Like": the buttons under a reader's comment
};

// The "C" locale's isspace, isalpha and isalnum, inline: they run on every byte of a page.
bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_letter_or_digit(unsigned char c) { return is_letter(c) || (c >= '0' && c <= '9'); }
bool is_word_byte(unsigned char c) { return is_letter_or_digit(c) || c >= 0x80 || c == '-' || c == '\''; }

bool ends_like_sentence(std::string_view line) {
  static constexpr std::string_view closers[] = {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xC2\xBB",
                                                 "\xE2\x80\x99"};
  bool stripped = true;
  while (stripped && !line.empty()) {
    stripped = false;
    for (auto closer : closers)
      if (line.ends_with(closer)) { line.remove_suffix(closer.size()); stripped = true; }
    while (!line.empty() && is_space(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
  }
  if (line.ends_with("\xE2\x80\xA6")) return true;  // ellipsis
  return !line.empty() && std::string_view(".!?").find(line.back()) != std::string_view::npos;
}

size_t count_spaced_words(std::string_view line) {
  size_t count = 0;
  bool in_word = false, has_letter = false;
  for (char ch : line) {
    auto c = static_cast<unsigned char>(ch);
    if (is_space(c)) {
      count += in_word && has_letter;
      in_word = has_letter = false;
      continue;
    }
    in_word = true;
    has_letter |= is_letter(c) || c >= 0x80;
  }
  return count + (in_word && has_letter);
}

// "Log in   Register": the words of a line, one space between.
std::string single_spaced(std::string_view text) {
  std::string out;
  for (char c : text)
    if (!is_space(static_cast<unsigned char>(c))) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  return out;
}

LineFacts describe(std::string_view line, const Vocabulary& vocabulary, std::string& folded) {
  LineFacts facts;
  size_t reply_words = 0;
  fold_case(line, folded);
  std::string_view trimmed = folded;
  while (!trimmed.empty() && is_space(static_cast<unsigned char>(trimmed.front()))) trimmed.remove_prefix(1);
  while (!trimmed.empty() && is_space(static_cast<unsigned char>(trimmed.back()))) trimmed.remove_suffix(1);
  facts.terminal = ends_like_sentence(trimmed);
  for (size_t i = 0; i < trimmed.size();) {
    if (!is_word_byte(trimmed[i]) && !trimmed.substr(i).starts_with("\xC2\xA9")) { ++i; continue; }
    size_t end = trimmed.substr(i).starts_with("\xC2\xA9") ? i + 2 : i;
    while (end < trimmed.size() && is_word_byte(trimmed[end])) ++end;
    ++facts.words;
    if (vocabulary.words.contains(trimmed.substr(i, end - i))) ++facts.widget_words;
    if (vocabulary.replies.contains(trimmed.substr(i, end - i))) ++reply_words;
    i = end;
  }
  facts.replies = reply_words > 0 && facts.words <= kReplyMaxWords && 2 * reply_words >= facts.words;
  facts.spaced_words = count_spaced_words(line);
  facts.shouting = std::none_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  facts.widget = vocabulary.lines.count(trimmed) > 0;
  if (!facts.widget && (trimmed.find("  ") != std::string_view::npos || trimmed.find('\t') != std::string_view::npos))
    facts.widget = vocabulary.lines.count(single_spaced(trimmed)) > 0;
  // "Home | World | Politics": a row of links with separators between.
  size_t separators = 0;
  for (size_t at = 0; at < line.size(); ++at)
    separators += line[at] == '|' || line.substr(at).starts_with("\xE2\x80\xA2") || line.substr(at).starts_with("\xC2\xB7");
  if (separators >= kMenuMinSeparators && facts.words <= kMenuWordsPerItem * (separators + 1)) facts.widget = true;
  for (const auto& prefix : vocabulary.prefixes)
    if (trimmed.starts_with(prefix)) facts.widget = true;
  if (facts.words < kPhraseMaxWords)
    for (const auto& phrase : vocabulary.phrases)
      if (trimmed.find(phrase) != std::string_view::npos) facts.widget = true;
  return facts;
}

bool is_prose(const LineFacts& facts) {
  if (facts.widget || facts.widget_words * 4 > facts.words) return false;
  if (facts.terminal) return facts.words >= kProseMinWords;
  // Long text without a final stop: prose unless widget words are frequent
  // ("share" in "Russia and Ukraine share similar cultures" is not a button).
  return facts.words >= kUnpunctuatedMinWords && facts.widget_words * 10 < facts.words;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t newline = text.find('\n', start);
    size_t end = newline == std::string_view::npos ? text.size() : newline;
    size_t content_end = end > start && text[end - 1] == '\r' ? end - 1 : end;
    lines.push_back({Span{uint32_t(start), uint32_t(content_end)}, LineKind::blank});
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return lines;
}

// A paragraph hard-wrapped over several lines (wire copy) is prose as a
// whole even when its lines are not: no widgets, enough words, a stop.
bool is_wrapped_paragraph(const std::vector<LineFacts>& facts, size_t first, size_t end) {
  if (end - first < 2) return false;
  size_t words = 0;
  for (size_t i = first; i < end; ++i) {
    if (facts[i].widget || facts[i].widget_words > 0) return false;
    words += facts[i].words;
  }
  return words >= 2 * kProseMinWords && facts[end - 1].terminal;
}

void classify_block(std::vector<Line>& lines, const std::vector<LineFacts>& facts, size_t first,
                    size_t end) {
  const bool wrapped = is_wrapped_paragraph(facts, first, end);
  const bool has_widget = std::any_of(facts.begin() + first, facts.begin() + end,
                                      [](const LineFacts& f) { return f.widget; });
  for (size_t i = first; i < end; ++i) {
    bool body = wrapped || is_prose(facts[i]);
    // Headlines of linked posts sit between navigation lines.
    if (has_widget && !facts[i].terminal) body = false;
    // A reader's comment stands right above its "Reply" button.
    if (i + 1 < end && facts[i + 1].replies) body = false;
    lines[i].kind = body ? LineKind::body : LineKind::boilerplate;
  }
}

void pick_title(Document& doc, const std::vector<LineFacts>& facts) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    auto& line = doc.lines[i];
    if (line.kind == LineKind::blank || facts[i].widget) continue;
    if (line.kind != LineKind::dateline && facts[i].spaced_words >= kTitleMinWords &&
        facts[i].widget_words == 0 && !facts[i].shouting) {
      line.kind = LineKind::title;
      auto text = doc.slice(line.span);
      while (!text.empty() && is_space(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
      while (!text.empty() && is_space(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
      doc.title = std::string(text);
      return;
    }
    if (line.kind == LineKind::body) return;  // the article began without a title
  }
}

}  // namespace

BoilerplateMarker::BoilerplateMarker(const Resources& resources) : vocabulary_(std::make_unique<Vocabulary>()) {
  auto table = resources.table("en/boilerplate.tsv", 2);
  if (!table) return;  // validated by the resource tests
  for (const auto& row : table->rows) {
    std::string text = fold_case(row.fields[1]);
    const auto kind = row.fields[0];
    if (kind == "line") vocabulary_->lines.insert(text);
    else if (kind == "word") vocabulary_->words.insert(text);
    else if (kind == "prefix") vocabulary_->prefixes.push_back(text);
    else if (kind == "phrase") vocabulary_->phrases.push_back(text);
    else if (kind == "reply") vocabulary_->replies.insert(text);
  }
}

BoilerplateMarker::BoilerplateMarker(BoilerplateMarker&&) noexcept = default;
BoilerplateMarker& BoilerplateMarker::operator=(BoilerplateMarker&&) noexcept = default;
BoilerplateMarker::~BoilerplateMarker() = default;

void mark_boilerplate(Document& doc, const Resources& resources) { BoilerplateMarker(resources).mark(doc); }

void BoilerplateMarker::mark(Document& doc) const {
  const Vocabulary& vocabulary = *vocabulary_;
  doc.lines = split_lines(doc.text);
  std::vector<LineFacts> facts;
  facts.reserve(doc.lines.size());
  std::string folded;  // one buffer for every line's folded text
  for (const auto& line : doc.lines) facts.push_back(describe(doc.slice(line.span), vocabulary, folded));
  for (size_t i = 0; i < doc.lines.size();) {
    if (facts[i].words == 0 && !facts[i].widget) { ++i; continue; }  // blank or symbols only
    size_t end = i;
    while (end < doc.lines.size() && (facts[end].words > 0 || facts[end].widget)) ++end;
    classify_block(doc.lines, facts, i, end);
    i = end;
  }
  pick_title(doc, facts);
}

}  // namespace annals
