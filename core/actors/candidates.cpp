// Finds the stretches of a sentence that may name an actor: lexicon names,
// organisation names built around "Ministry", "Committee"..., runs of
// capitalised words; then the titles in front of (or after) person names.
// References (pronouns, "the General") are found in references.cpp.
#include "actors/finder.h"

#include <algorithm>
#include <array>

namespace annals::actor_detail {
namespace {
constexpr size_t kMaxNameWords = 8;       // longer runs of capitals are headlines or noise
constexpr size_t kMaxOrgChunkTokens = 12;
}  // namespace

bool is_open_quote_mark(std::string_view t) {
  return t == "\xE2\x80\x9C" || t == "\xC2\xAB" || t == "\xE2\x80\x9E" || t == "\"";
}
bool is_close_quote_mark(std::string_view t) {
  return t == "\xE2\x80\x9D" || t == "\xC2\xBB" || t == "\"";
}

Finder::Finder(const ActorLexicon& lex, const Tokens& tokens)
    : lex_(lex), t_(tokens), entity_of_(tokens.facts.size(), -1), chunk_of_(tokens.facts.size(), -1),
      name_of_(tokens.facts.size(), -1),
      in_title_(tokens.facts.size(), false) {}

std::vector<Candidate> Finder::run() {
  cands_.reserve(t_.facts.size() / 6 + 16);
  const std::vector<uint32_t>& caps = t_.capitalised;
  size_t first_cap = 0;
  for (uint32_t s = 0; s < t_.seg.sentences.size(); ++s) {
    const Sentence& sentence = t_.seg.sentences[s];
    while (first_cap < caps.size() && caps[first_cap] < sentence.first_token) ++first_cap;
    size_t end_cap = first_cap;
    while (end_cap < caps.size() && caps[end_cap] < sentence.end_token) ++end_cap;
    const std::span<const uint32_t> in_sentence(caps.data() + first_cap, end_cap - first_cap);
    find_entities(s, sentence, in_sentence);
    find_org_chunks(s, sentence, in_sentence);
    find_names(s, sentence, in_sentence);
    first_cap = end_cap;
  }
  confirm_names();
  for (size_t c = 0; c < cands_.size(); ++c) attach_title(c);
  drop_absorbed();
  for (uint32_t s = 0; s < t_.seg.sentences.size(); ++s) find_references(s, t_.seg.sentences[s]);
  return in_text_order();
}

// References were found after the names: sort by position, moving each
// candidate once rather than log n times.
std::vector<Candidate> Finder::in_text_order() {
  std::vector<uint32_t> order;
  order.reserve(cands_.size());
  for (uint32_t c = 0; c < cands_.size(); ++c)
    if (!cands_[c].dropped) order.push_back(c);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return cands_[a].first < cands_[b].first; });
  std::vector<Candidate> sorted;
  sorted.reserve(order.size());
  for (uint32_t c : order) sorted.push_back(std::move(cands_[c]));
  return sorted;
}

Candidate& Finder::add(CandidateType type, uint32_t sentence, uint32_t first, uint32_t end) {
  Candidate& c = cands_.emplace_back();
  c.type = type;
  c.sentence = sentence;
  c.first = first;
  c.end = end;
  c.span = {t_.seg.tokens[first].span.start, t_.facts[end - 1].core_end};
  return c;
}

// ---- lexicon names ---------------------------------------------------------

void Finder::find_entities(uint32_t s, const Sentence& sentence, std::span<const uint32_t> capitalised) {
  std::string key;
  uint32_t next = 0;  // past the last name found
  for (uint32_t i : capitalised) {
    if (i < next || t_.is(i, kInTimex)) continue;
    if (!t_.has(i, kPhraseStart)) {
      split_hyphenated(s, i);
      split_glued(s, i);
      continue;
    }
    uint32_t best_end = 0;
    const PhraseEntry* best = nullptr;
    key.clear();
    const uint32_t limit = std::min<uint32_t>(sentence.end_token, i + t_.facts[i].max_phrase);
    bool all_caps = true;
    for (uint32_t j = i; j < limit && t_.is(j, kWord) && !t_.is(j, kInTimex); ++j) {
      if (j > i) key.push_back(' ');
      key += t_.fold(j);
      all_caps &= t_.is(j, kAllCaps);
      const PhraseEntry* entry = lex_.phrase(key);
      if (entry && (!entry->caps_only || all_caps)) { best = entry; best_end = j + 1; }
    }
    if (!best && is_cyrillic(t_.text(i))) {
      best = lex_.phrase(lex_.uninflect(t_.fold(i)));
      best_end = i + 1;
    }
    if (!best) continue;
    add_entity(s, i, best_end, *best, t_.seg.tokens[i].span.start, t_.facts[best_end - 1].core_end);
    next = best_end;
  }
}

void Finder::add_entity(uint32_t s, uint32_t first, uint32_t end, const PhraseEntry& entry,
                        uint32_t start_byte, uint32_t end_byte) {
  Candidate& c = add(CandidateType::entity, s, first, end);
  c.span = {start_byte, end_byte};
  c.entity = entry.entity;
  c.demonym = entry.demonym;
  c.name = std::string(t_.doc.slice(c.span));
  for (uint32_t j = first; j < end; ++j) entity_of_[j] = int32_t(cands_.size() - 1);
}

// "Russian-Ukrainian war": each part that is a demonym or country.
void Finder::split_hyphenated(uint32_t s, uint32_t i) {
  std::string_view folded = t_.fold(i);
  if (folded.find('-') == std::string_view::npos) return;
  std::vector<std::pair<size_t, const PhraseEntry*>> parts;
  size_t start = 0;
  while (start <= folded.size()) {
    size_t dash = std::min(folded.find('-', start), folded.size());
    const PhraseEntry* entry = lex_.phrase(folded.substr(start, dash - start));
    if (!entry || lex_.entities[entry->entity].kind != ActorKind::country) return;
    parts.emplace_back(start, entry);
    start = dash + 1;
  }
  // Folding keeps ASCII lengths, the only case where offsets carry over.
  if (folded.size() != t_.text(i).size() && t_.facts[i].core_end - t_.seg.tokens[i].span.start != folded.size())
    return;
  const uint32_t base = t_.seg.tokens[i].span.start;
  for (auto [offset, entry] : parts) {
    size_t length = std::min(folded.find('-', offset), folded.size()) - offset;
    add_entity(s, i, i + 1, *entry, base + uint32_t(offset), base + uint32_t(offset + length));
  }
}

// "UkraineCurrently": scraped pages glue a heading to the next sentence.
void Finder::split_glued(uint32_t s, uint32_t i) {
  std::string_view text = t_.text(i);
  for (size_t k = 1; k + 1 < text.size() && uint8_t(text[k]) < 0x80; ++k) {
    bool lower = text[k - 1] >= 'a' && text[k - 1] <= 'z', upper = text[k] >= 'A' && text[k] <= 'Z';
    if (!lower || !upper) continue;
    const PhraseEntry* entry = lex_.phrase(t_.fold(i).substr(0, k));
    if (!entry || entry->caps_only) return;
    const uint32_t start = t_.seg.tokens[i].span.start;
    add_entity(s, i, i + 1, *entry, start, start + uint32_t(k));
    return;
  }
}

// ---- organisation names ----------------------------------------------------

bool Finder::org_word_ok(uint32_t j) const {
  if (!t_.is(j, kWord) || !t_.is(j, kCap) || t_.is(j, kInTimex)) return false;
  if (t_.has(j, kStop | kGiven)) return false;
  if (t_.has(j, kTitleHead) && !t_.has(j, kOrgHead | kOrgPart)) return false;
  if (entity_of_[j] >= 0) {
    ActorKind kind = lex_.entities[cands_[entity_of_[j]].entity].kind;
    return kind != ActorKind::person;
  }
  return true;
}

void Finder::find_org_chunks(uint32_t s, const Sentence& sentence, std::span<const uint32_t> capitalised) {
  uint32_t next = 0;  // past the last chunk found
  for (uint32_t i : capitalised) {
    if (i < next || !t_.has(i, kOrgHead) || entity_of_[i] >= 0 || chunk_of_[i] >= 0 || t_.is(i, kInTimex))
      continue;
    uint32_t left = i;
    while (left > sentence.first_token && org_word_ok(left - 1) && i - left < kMaxOrgChunkTokens)
      left = entity_of_[left - 1] >= 0 ? cands_[entity_of_[left - 1]].first : left - 1;
    uint32_t right = extend_org_right(i + 1, sentence.end_token, left);
    Candidate& c = add(CandidateType::org_chunk, s, left, right);
    c.name = join_words(left, right);
    for (uint32_t j = left; j < right; ++j) chunk_of_[j] = int32_t(cands_.size() - 1);
    next = right;
  }
}

// Grows "Ministry" into "Ministry of Foreign Affairs of Belarus" or
// "General Council of “United Russia”"; stops before a given name.
uint32_t Finder::extend_org_right(uint32_t right, uint32_t end, uint32_t left) const {
  int open_quotes = 0;
  while (right < end && right - left < kMaxOrgChunkTokens) {
    if (org_word_ok(right)) {
      right = entity_of_[right] >= 0 ? cands_[entity_of_[right]].end : right + 1;
      continue;
    }
    if (open_quotes > 0 && is_close_quote_mark(t_.text(right))) { --open_quotes; ++right; continue; }
    uint32_t k = right;
    int quotes = 0;
    if (k < end && t_.has(k, kConnector) && !t_.is(k, kCap)) {
      ++k;
      if (k < end && t_.has(k, kDeterminer) && !t_.is(k, kCap)) ++k;
      if (k < end && is_open_quote_mark(t_.text(k))) { ++k; ++quotes; }
    }
    if (k == right || k >= end || !org_word_ok(k)) break;
    open_quotes += quotes;
    right = k;
  }
  return right;
}

std::string Finder::join_words(uint32_t first, uint32_t end) const {
  std::string name;
  for (uint32_t j = first; j < end; ++j) {
    std::string_view text = j + 1 == end ? t_.core(j) : t_.text(j);
    if (!t_.is(j, kWord) && t_.seg.tokens[j].kind != TokenKind::number) {  // numbers: "iPhone 4"
      if (text == "." && !name.empty()) name += text;  // the period of an initial, "A."
      continue;
    }
    if (!name.empty()) name.push_back(' ');
    name += text;
  }
  return name;
}

// ---- capitalised names -----------------------------------------------------

bool Finder::nameable(uint32_t j, bool after_given) const {
  if (!t_.is(j, kWord) || !t_.is(j, kCap) || t_.is(j, kInTimex | kShortQuote)) return false;
  if (entity_of_[j] >= 0 || chunk_of_[j] >= 0) return false;
  if (t_.has(j, kStop | kConnector | kTitleHead | kTitleModifier | kOrgHead | kOrgPart)) return false;
  if (t_.has(j, kCalendar) && !after_given) return false;
  std::string_view text = t_.text(j);
  bool one_letter = text.size() == 1 || (text.size() == 2 && uint8_t(text[0]) >= 0xC0);
  if (one_letter) return j + 1 < t_.facts.size() && t_.text(j + 1) == ".";
  return true;
}

void Finder::find_names(uint32_t s, const Sentence& sentence, std::span<const uint32_t> capitalised) {
  const uint32_t end = sentence.end_token;
  uint32_t resume = 0;  // past the last name or run of capitals
  for (uint32_t i : capitalised) {
    if (i < resume || !nameable(i, false)) continue;
    std::array<uint32_t, kMaxNameWords + 1> words{i};
    size_t count = 1;
    uint32_t j = i;
    while (count <= kMaxNameWords) {
      uint32_t next = j + 1;
      bool after_given = t_.has(j, kGiven);
      if (next < end && t_.text(next) == "." && t_.text(j).size() <= 2) ++next;  // "A. Lukashenko"
      if (next < end && (t_.text(next) == "]" || t_.text(next) == "[")) ++next;  // "[Belarus President Alexander] Lukashenko"
      if (next >= end || !nameable(next, after_given) || t_.is(next, kAllCaps) != t_.is(i, kAllCaps)) break;
      j = next;
      words[count++] = j;
    }
    if (count > kMaxNameWords) {  // a headline or a list: skip the whole run
      while (j + 1 < end && nameable(j + 1, true)) ++j;
      resume = j + 1;
      continue;
    }
    // "Affairs Konstantin Zatulin": a given name starts a new name.
    size_t split = 0;
    for (size_t w = 1; w < count; ++w)
      if (t_.has(words[w], kGiven) && !t_.has(words[w - 1], kGiven)) { split = w; break; }
    if (split) add_name(s, words[0], words[split - 1] + 1);
    if (model_number_after(words[split], j + 1, end)) ++j;  // "iPhone 4", "Boeing 787"
    add_name(s, words[split], j + 1);
    resume = j + 1;
  }
}

// A short number or digit-led code right after a name that is not a
// person's: a product's model ("iPhone 4", "iPhone 3G", "Windows 7").
// Years and long numbers are dates and amounts, not models.
bool Finder::model_number_after(uint32_t first, uint32_t next, uint32_t end) const {
  constexpr size_t kMaxModelChars = 3;
  if (next >= end || t_.is(next, kInTimex) || t_.has(first, kGiven)) return false;
  const Token& token = t_.seg.tokens[next];
  if (token.span.start != t_.seg.tokens[next - 1].span.end + 1) return false;  // one space between
  std::string_view text = t_.core(next);  // "iPhone 4's"
  bool digit_led = !text.empty() && text[0] >= '0' && text[0] <= '9';
  if (!digit_led || text.size() > kMaxModelChars) return false;
  return token.kind == TokenKind::number ? std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })
                                         : token.kind == TokenKind::word;
}

void Finder::add_name(uint32_t s, uint32_t first, uint32_t end) {
  Candidate& c = add(CandidateType::name, s, first, end);
  c.name = join_words(first, end);
  for (uint32_t j = first; j < end; ++j) name_of_[j] = int32_t(cands_.size() - 1);
  c.acronym = end == first + 1 && t_.is(first, kAllCaps);
  bool given_first = t_.has(first, kGiven);
  // "iPod" is written so wherever it stands, even first in a sentence.
  const bool camel_case = !t_.seg.tokens[first].capitalised;
  c.unconfirmed = !camel_case && (t_.is(first, kTitleCase) || (t_.is(first, kInitial) && !given_first));
  if (given_first) c.gender = t_.facts[first].gender;
  else if (const NameEnding* ending = lex_.name_ending(t_.fold(end - 1))) c.gender = ending->gender;
}

bool Finder::has_surname_ending(uint32_t j) const {
  std::string_view folded = t_.fold(j);
  const NameEnding* ending = lex_.name_ending(folded);
  if (!ending && is_cyrillic(folded)) ending = lex_.name_ending(lex_.nominative(folded));
  return ending && !ending->patronymic;
}

// A word capitalised only because it starts a sentence or a headline counts
// as a name when the document names it elsewhere, or when it looks like a
// surname ("Peskov said...").
void Finder::confirm_names() {
  std::vector<std::string_view> confident;  // folded words, sorted: no string copies
  for (const Candidate& c : cands_)
    if (c.type == CandidateType::name && !c.unconfirmed)
      for (uint32_t j = c.first; j < c.end; ++j)
        if (t_.is(j, kWord)) confident.push_back(t_.fold(j));
  // "Acme Inc. raised prices. Acme said...": the company's name without
  // its legal form is a name at the start of a sentence too.
  for (const Candidate& c : cands_)
    if (c.type == CandidateType::org_chunk && c.end > c.first + 1 && t_.has(c.end - 1, kLegalForm))
      for (uint32_t j = c.first; j < c.end && !t_.has(j, kLegalForm); ++j)
        if (t_.is(j, kWord)) confident.push_back(t_.fold(j));
  std::sort(confident.begin(), confident.end());
  auto confirmed = [&](uint32_t j) {
    return std::binary_search(confident.begin(), confident.end(), t_.fold(j)) || has_surname_ending(j);
  };
  const size_t count = cands_.size();
  for (size_t c = 0; c < count; ++c) {
    Candidate& cand = cands_[c];
    if (cand.type != CandidateType::name || !cand.unconfirmed) continue;
    bool headline = t_.is(cand.first, kTitleCase);
    if (!headline && cand.end - cand.first > 1) continue;  // "Mateusz Morawiecki said"
    if (!headline) {
      cand.dropped = !confirmed(cand.first) && !cand.acronym;
      continue;
    }
    // In a headline keep only the words that are names elsewhere.
    cand.dropped = true;
    const uint32_t s = cand.sentence, first = cand.first, end = cand.end;
    uint32_t run = first;
    for (uint32_t j = first; j <= end; ++j) {
      bool keep = j < end && t_.is(j, kWord) && (confirmed(j) || (j == run && t_.has(j, kGiven)));
      if (keep) continue;
      if (j > run) add_name(s, run, j);
      run = j + 1;
    }
  }
  for (auto& cand : cands_)
    if (cand.type == CandidateType::name) cand.unconfirmed = false;
}

// A title may hold organisation names; drop those chunks, and drop lexicon
// names swallowed by an organisation name ("Russian Ministry of Defense").
void Finder::drop_absorbed() {
  for (auto& c : cands_) {
    if (c.type == CandidateType::org_chunk || c.type == CandidateType::name) {
      bool titled = std::all_of(in_title_.begin() + c.first, in_title_.begin() + c.end, [](bool b) { return b; });
      if (titled && c.type == CandidateType::org_chunk) c.dropped = true;
      if (t_.is(c.first, kShortQuote)) c.dropped = true;
    }
  }
  for (auto& c : cands_) {
    if (c.type != CandidateType::entity || chunk_of_[c.first] < 0) continue;
    if (!cands_[chunk_of_[c.first]].dropped) c.dropped = true;
  }
}

}  // namespace annals::actor_detail

namespace annals::actor_detail {
std::vector<Candidate> find_candidates(const ActorLexicon& lex, const Tokens& tokens) {
  return Finder(lex, tokens).run();
}
}  // namespace annals::actor_detail
