// Titles and references: "President of Kazakhstan" before a name (or
// ", the Minister of Defense of Russia" after it) becomes the mention's
// title; a title alone ("the Russian Minister", "General"), a pronoun or
// "the organization" becomes a reference for the linker to resolve.
#include "actors/finder.h"

namespace annals::actor_detail {
namespace {
constexpr uint32_t kMaxTitleTokens = 16;
}  // namespace

bool Finder::title_word(uint32_t j) const {
  return t_.is(j, kWord) && !t_.is(j, kInTimex) && t_.has(j, kTitleHead | kTitleModifier) &&
         entity_of_[j] < 0 && name_of_[j] < 0;
}

// What may follow a title word: "of Kazakhstan", "of the CSTO Joint Staff".
bool Finder::title_arg(uint32_t j) const {
  if (entity_of_[j] >= 0) return lex_.entities[cands_[entity_of_[j]].entity].kind != ActorKind::person;
  if (chunk_of_[j] >= 0) return true;
  return t_.is(j, kWord) && t_.is(j, kCap) && name_of_[j] < 0 && !t_.has(j, kStop | kGiven) &&
         !t_.is(j, kInTimex);
}

bool Finder::country_word(uint32_t j) const {
  return entity_of_[j] >= 0 && lex_.entities[cands_[entity_of_[j]].entity].kind == ActorKind::country;
}

// Walks left from `last` over title words, their arguments and connectors;
// returns the first token of the title (last + 1 if there is none).
uint32_t Finder::title_start(uint32_t last, uint32_t floor, bool* has_head) const {
  uint32_t lowest = last + 1;
  for (int64_t k = last; k >= int64_t(floor) && last - k < kMaxTitleTokens; --k) {
    uint32_t j = uint32_t(k);
    std::string_view text = t_.text(j);
    if (title_word(j) || title_arg(j) || is_open_quote_mark(text) || is_close_quote_mark(text)) {
      lowest = j;
      continue;
    }
    if (t_.has(j, kConnector) && !t_.is(j, kCap)) continue;
    break;
  }
  // The title starts at a title word or a name of a country or body, not
  // at a sentence-initial "Reportedly" or a quotation mark.
  while (lowest <= last && !title_word(lowest) && entity_of_[lowest] < 0) ++lowest;
  *has_head = false;
  for (uint32_t j = lowest; j <= last && lowest <= last; ++j) *has_head |= title_word(j) && t_.has(j, kTitleHead);
  return lowest;
}

bool Finder::title_before(const Candidate& c, uint32_t* first, uint32_t* last) const {
  const uint32_t floor = t_.seg.sentences[c.sentence].first_token;
  if (c.first <= floor) return false;
  uint32_t end = c.first - 1;
  // "founder of Apple": a name after "of" is what the title is of, not who holds it.
  if (t_.has(end, kConnector) && !t_.is(end, kCap)) return false;
  bool comma = t_.text(end) == ",";  // "the President of Kazakhstan, Kassym-Jomart Tokayev"
  if (comma) {
    if (end == floor) return false;
    --end;
  }
  bool head = false;
  uint32_t start = title_start(end, floor, &head);
  if (!head) return false;
  // "the head of the CSTO Joint Staff, Colonel-General Anatoly Sidorov"
  if (!comma && start >= floor + 2 && t_.text(start - 1) == ",") {
    bool head_before = false;
    uint32_t before = title_start(start - 2, floor, &head_before);
    if (head_before) start = before;
  }
  *first = start;
  *last = end;
  return true;
}

// "Sergei Shoigu, the Minister of Defense of Russia."
bool Finder::title_after(const Candidate& c, uint32_t* first, uint32_t* last) const {
  const uint32_t end = t_.seg.sentences[c.sentence].end_token;
  uint32_t k = c.end;
  if (k >= end || t_.text(k) != ",") return false;
  ++k;
  if (k < end && t_.has(k, kDeterminer) && !t_.is(k, kCap)) ++k;
  const uint32_t start = k;
  bool head = false;
  int64_t found = -1;
  while (k < end && k - start < kMaxTitleTokens) {
    if (title_word(k)) { head |= t_.has(k, kTitleHead); found = k++; continue; }
    if ((head || country_word(k)) && title_arg(k)) {
      k = entity_of_[k] >= 0 ? uint32_t(cands_[entity_of_[k]].end) : k + 1;
      found = k - 1;
      continue;
    }
    if (found >= 0 && t_.has(k, kConnector) && !t_.is(k, kCap)) { ++k; continue; }
    break;
  }
  if (!head || found < int64_t(start)) return false;
  // The title of the next name, not of this one.
  if (uint32_t(found) + 1 < end && name_of_[found + 1] >= 0) return false;
  if (!title_word(start) && !country_word(start)) return false;
  *first = start;
  *last = uint32_t(found);
  return true;
}

void Finder::attach_title(size_t index) {
  const Candidate& c = cands_[index];
  if (c.dropped) return;
  bool person_like = (c.type == CandidateType::name && !c.acronym) ||
                     (c.type == CandidateType::entity && lex_.entities[c.entity].kind == ActorKind::person);
  if (!person_like) return;
  uint32_t first = 0, last = 0;
  if (!title_before(c, &first, &last) && !title_after(c, &first, &last)) return;
  Span span{t_.seg.tokens[first].span.start, t_.seg.tokens[last].span.end};
  cands_[index].title = std::string(t_.doc.slice(span));
  cands_[index].title_words = title_words(first, last + 1);
  for (uint32_t j = first; j <= last; ++j) in_title_[j] = true;
}

// Folded content words of a title, countries by their canonical name, so
// that "the Russian Minister" matches "Minister of Defense of Russia".
std::vector<std::string> Finder::title_words(uint32_t first, uint32_t end) const {
  std::vector<std::string> words;
  for (uint32_t j = first; j < end; ++j) {
    if (entity_of_[j] >= 0) {
      const Candidate& e = cands_[entity_of_[j]];
      words.push_back(phrase_key(lex_.entities[e.entity].canonical));
      j = std::max(j, e.end - 1);
      continue;
    }
    if (!t_.is(j, kWord) || t_.has(j, kConnector | kDeterminer)) continue;
    std::string_view word = t_.fold(j);
    words.emplace_back(word);
    for (size_t start = 0, dash; word.find('-') != std::string_view::npos && start < word.size(); start = dash + 1) {
      dash = std::min(word.find('-', start), word.size());
      words.emplace_back(word.substr(start, dash - start));
    }
  }
  return words;
}

void Finder::find_references(uint32_t s, const Sentence& sentence) {
  constexpr uint32_t kReferring = kRefPerson | kRefThing | kRefOrg | kRefCountry | kTitleHead;
  for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    if (!t_.has(i, kReferring)) continue;  // most words: one test
    if (!t_.is(i, kWord) || t_.is(i, kInTimex) || entity_of_[i] >= 0 || chunk_of_[i] >= 0 || in_title_[i])
      continue;
    if (t_.has(i, kRefPerson)) {
      add(CandidateType::pronoun, s, i, i + 1).gender = t_.facts[i].gender;
    } else if (t_.has(i, kRefThing)) {
      // "it is expected that", "it seems": an empty subject, no reference.
      bool empty = i + 1 < sentence.end_token && t_.has(i + 1, kCopula);
      if (!empty) add(CandidateType::thing_ref, s, i, i + 1);
    } else if (t_.has(i, kRefOrg | kRefCountry) && !t_.is(i, kCap) && i > sentence.first_token &&
               t_.has(i - 1, kDeterminer)) {
      add(t_.has(i, kRefOrg) ? CandidateType::org_ref : CandidateType::country_ref, s, i, i + 1);
    } else if (t_.has(i, kTitleHead) && name_of_[i] < 0) {
      i = add_title_ref(s, sentence, i) - 1;
    }
  }
}

// "the Russian Minister", "the Minister of Defense", "According to General".
uint32_t Finder::add_title_ref(uint32_t s, const Sentence& sentence, uint32_t head) {
  const uint32_t floor = sentence.first_token, end = sentence.end_token;
  uint32_t l = head;
  while (l > floor && !in_title_[l - 1]) {
    uint32_t j = l - 1;
    if (title_word(j)) l = j;
    else if (country_word(j)) l = cands_[entity_of_[j]].first;
    else break;
  }
  bool determiner = l > floor && t_.has(l - 1, kDeterminer);
  if (!t_.is(head, kCap) && !determiner) return head + 1;
  uint32_t r = head + 1;
  while (r < end && title_word(r) && !in_title_[r]) ++r;
  if (r < end && t_.has(r, kConnector) && !t_.is(r, kCap)) {  // "of Defense", "of the Russian Federation"
    uint32_t k = r + 1;
    if (k < end && t_.has(k, kDeterminer) && !t_.is(k, kCap)) ++k;
    uint32_t m = k;
    while (m < end && title_arg(m)) m = entity_of_[m] >= 0 ? uint32_t(cands_[entity_of_[m]].end) : m + 1;
    if (m > k) r = m;
  }
  if (r < end && name_of_[r] >= 0) return r;  // a title whose name we did not tie to it
  Candidate& c = add(CandidateType::title_ref, s, l, r);
  c.title_words = title_words(l, r);
  c.name = std::string(t_.doc.slice(c.span));
  for (uint32_t j = l; j < r; ++j) in_title_[j] = true;
  return r;
}

}  // namespace annals::actor_detail
