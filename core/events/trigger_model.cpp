#include "events/trigger_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

namespace annals::detail {
namespace {

constexpr std::string_view kLabelNames[TriggerModel::kLabels] = {
    "NONE", "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"};

// A feature "p1|w=the|request" is keyed by its template's hash ("p1|w")
// mixed with the hash of each value ("the", "request"): the words of a
// sentence are hashed once, and each feature costs a few multiplications.
constexpr uint64_t hash_of(std::string_view s) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a
  for (char c : s) {
    h ^= static_cast<uint8_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}

constexpr uint64_t mix(uint64_t a, uint64_t b) {
  return (a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2))) * 0xff51afd7ed558ccdull;
}

constexpr uint64_t slot_key(uint64_t h) { return h ? h : 1; }  // 0 marks an empty slot

constexpr uint64_t key_of(uint64_t templ) { return slot_key(templ); }
constexpr uint64_t key_of(uint64_t templ, uint64_t a) { return slot_key(mix(templ, a)); }
constexpr uint64_t key_of(uint64_t templ, uint64_t a, uint64_t b) { return slot_key(mix(mix(templ, a), b)); }

// The key of a feature as the model file writes it.
uint64_t key_of_name(std::string_view name) {
  size_t equals = name.find('=');
  if (equals == std::string_view::npos) return key_of(hash_of(name));
  std::string_view templ = name.substr(0, equals), value = name.substr(equals + 1);
  uint64_t h = hash_of(templ);
  for (auto bars = std::count(templ.begin(), templ.end(), '|'); bars > 0; --bars) {
    size_t bar = value.find('|');
    if (bar == std::string_view::npos) break;
    h = mix(h, hash_of(value.substr(0, bar)));
    value = value.substr(bar + 1);
  }
  return slot_key(mix(h, hash_of(value)));
}

namespace templ {
constexpr uint64_t bias = hash_of("b"), word = hash_of("w"), p1 = hash_of("p1"), p2 = hash_of("p2"),
                   n1 = hash_of("n1"), n2 = hash_of("n2"), shape = hash_of("sh"), pc = hash_of("pc"),
                   pk = hash_of("pk"), word_n1 = hash_of("w|n1"), p1_word = hash_of("p1|w"), s2 = hash_of("s2"),
                   s3 = hash_of("s3"), s4 = hash_of("s4"), pk_s3 = hash_of("pk|s3"), lv = hash_of("lv"),
                   lc = hash_of("lc"), lm = hash_of("lm"), pk_lv = hash_of("pk|lv"), ln = hash_of("ln"),
                   lex = hash_of("lex"), curated = hash_of("cur"), not_trigger = hash_of("nt");
constexpr uint64_t tag = hash_of("t"), tag_p1 = hash_of("t-1"), tag_n1 = hash_of("t+1"), tag_tag_n1 = hash_of("t|t+1"),
                   tag_p1_tag = hash_of("t-1|t");
constexpr uint64_t none = hash_of("none"), bos = hash_of("<s>"), eos = hash_of("</s>"), number = hash_of("<num>");
}  // namespace templ

// The part-of-speech tagger's templates (pos_features in the training script).
namespace pos {
constexpr uint64_t bias = hash_of("b"), word = hash_of("w"), cap = hash_of("cap"), t1 = hash_of("t1"),
                   t2_t1 = hash_of("t2|t1"), t1_w = hash_of("t1|w"), w_1 = hash_of("w-1"), w1 = hash_of("w+1"),
                   w_2 = hash_of("w-2"), w2 = hash_of("w+2"), hyphen = hash_of("hy"), s3 = hash_of("s3"),
                   s2 = hash_of("s2"), s1 = hash_of("s1"), prefix = hash_of("pre"), s3_next = hash_of("s3+1");
constexpr uint64_t zero = hash_of("0"), one = hash_of("1");
}  // namespace pos

// The names of cues.tsv's second column, hashed.
uint64_t cue_kind_hash(const Cue* cue) {
  static constexpr uint64_t none = hash_of("-"), negation = hash_of("negation"), modal = hash_of("modal"),
                            perfect = hash_of("perfect"), be = hash_of("be"), do_support = hash_of("do"),
                            infinitive = hash_of("infinitive"), determiner = hash_of("determiner"),
                            pronoun = hash_of("pronoun"), clause = hash_of("clause");
  if (!cue) return none;
  switch (cue->kind) {
    case CueKind::negation: return negation;
    case CueKind::modal: return modal;
    case CueKind::perfect: return perfect;
    case CueKind::be: return be;
    case CueKind::do_support: return do_support;
    case CueKind::infinitive: return infinitive;
    case CueKind::determiner: return determiner;
    case CueKind::pronoun: return pronoun;
    case CueKind::subordinate:
    case CueKind::coordinate:
    case CueKind::relative: return clause;
  }
  return none;
}

constexpr VerbForm kForms[] = {VerbForm::base, VerbForm::third_person, VerbForm::past, VerbForm::ing};

std::string_view form_name(VerbForm form) {
  switch (form) {
    case VerbForm::base: return "base";
    case VerbForm::third_person: return "third";
    case VerbForm::ing: return "ing";
    case VerbForm::past: return "past";
  }
  return "base";
}

// Hashes of the small closed sets, computed at compile time.
uint64_t form_hash(VerbForm form) {
  static constexpr uint64_t hashes[] = {hash_of("base"), hash_of("third"), hash_of("past"), hash_of("ing")};
  switch (form) {
    case VerbForm::base: return hashes[0];
    case VerbForm::third_person: return hashes[1];
    case VerbForm::past: return hashes[2];
    case VerbForm::ing: return hashes[3];
  }
  return hashes[0];
}

uint64_t shape_hash(char shape) {
  static constexpr uint64_t all_caps = hash_of("A"), first = hash_of("F"), capitalised = hash_of("C"),
                            lower = hash_of("l");
  return shape == 'A' ? all_caps : shape == 'F' ? first : shape == 'C' ? capitalised : lower;
}

uint8_t form_bit(VerbForm form) { return uint8_t(1u << static_cast<unsigned>(form)); }

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string_view suffix(std::string_view s, size_t n) { return s.size() <= n ? s : s.substr(s.size() - n); }

bool is_adverb(std::string_view word) { return word.size() > 4 && word.ends_with("ly"); }

// Open addressing with linear probing over power-of-two tables.
size_t capacity_for(size_t n) {
  size_t capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  return capacity;
}

uint32_t check_of(uint64_t key) {
  uint32_t check = uint32_t(key >> 32);
  return check ? check : 1;
}

// Non-zero for an ASCII word: whether pk|s3 applies.
uint32_t suffix_hash(std::string_view w) { return uint32_t(hash_of(suffix(w, 3))) | 1u; }

// The hash of the token at j as a neighbour ("<s>" before the start).
uint64_t context_hash(const TriggerModel::Sentence& s, ptrdiff_t j) {
  if (j < 0) return templ::bos;
  if (size_t(j) >= s.hashes.size()) return templ::eos;
  return s.hashes[j];
}

// The word before i, skipping adverbs in -ly and negations.
ptrdiff_t previous_content(const TriggerModel::Sentence& s, size_t i) {
  ptrdiff_t j = ptrdiff_t(i) - 1;
  while (j >= 0 && (is_adverb((*s.folded)[j]) || ((*s.cues)[j] && (*s.cues)[j]->kind == CueKind::negation))) --j;
  return j;
}

}  // namespace

Result<TriggerModel> TriggerModel::load(const Resources& resources, const std::string& name,
                                        const EventLexicon& lexicon) {
  TriggerModel model;
  if (!resources.has(name)) return model;
  auto table = resources.table(name, 2);
  if (!table) return table.error();
  std::vector<std::pair<uint64_t, std::array<float, kLabels>>> rows;
  std::vector<std::string> known_words, paired_words;
  for (const auto& row : table->rows) {
    if (row.fields[0] == "labels") {
      bool same = row.fields.size() == kLabels + 1;
      for (size_t k = 0; same && k < kLabels; ++k) same = row.fields[k + 1] == kLabelNames[k];
      if (!same) return Error{ErrorCode::bad_data, table->where(row), "labels must be NONE and the TimeML classes in order"};
      continue;
    }
    std::array<float, kLabels> w{};
    std::string_view text = row.fields[1];
    const char* p = text.data();
    const char* end = text.data() + text.size();
    for (size_t k = 0; k < kLabels; ++k) {
      while (p < end && *p == ' ') ++p;
      auto [next, ec] = std::from_chars(p, end, w[k]);
      if (ec != std::errc() || std::abs(w[k]) * kScale > 32767)
        return Error{ErrorCode::bad_data, table->where(row), "expected 8 weights between -32 and 32"};
      p = next;
    }
    rows.emplace_back(key_of_name(row.fields[0]), w);
    std::string_view name = row.fields[0];
    if (name.starts_with("w=")) known_words.emplace_back(name.substr(2));
    if (name.starts_with("w|n1=")) paired_words.emplace_back(name.substr(5, name.find('|', 5) - 5));
    if (name.starts_with("p1|w=") && name.find('|', 5) != std::string_view::npos)
      paired_words.emplace_back(name.substr(name.find('|', 5) + 1));
  }
  const size_t capacity = capacity_for(rows.size());
  model.slots_.assign(capacity, Slot{});
  model.mask_ = capacity - 1;
  for (const auto& [key, w] : rows) {
    size_t slot = key & model.mask_;
    while (model.slots_[slot].check != 0 && model.slots_[slot].check != check_of(key)) slot = (slot + 1) & model.mask_;
    model.slots_[slot].check = check_of(key);
    for (size_t k = 0; k < kLabels; ++k) model.slots_[slot].weights[k] = int16_t(std::lround(w[k] * kScale));
  }
  model.index_words(lexicon, known_words, paired_words);
  if (auto tagger = model.load_tagger(resources, "en/events/pos_model.tsv"); !tagger) return tagger.error();
  return model;
}

// The part-of-speech tagger's file: a "tags" row, then FEATURE <TAB> TAG:WEIGHT ...
Result<bool> TriggerModel::load_tagger(const Resources& resources, const std::string& name) {
  if (!resources.has(name)) return false;
  auto table = resources.table(name, 2);
  if (!table) return table.error();
  std::vector<std::string_view> names;
  std::vector<std::pair<uint64_t, std::array<int16_t, kTags>>> rows;
  for (const auto& row : table->rows) {
    std::string_view text = row.fields[1];
    if (row.fields[0] == "tags") {
      names.clear();
      for (size_t at = 0; at < text.size();) {
        size_t space = std::min(text.find(' ', at), text.size());
        if (space > at) names.push_back(text.substr(at, space - at));
        at = space + 1;
      }
      if (names.size() != kTags)
        return Error{ErrorCode::bad_data, table->where(row), "expected " + std::to_string(kTags) + " tags"};
      for (size_t k = 0; k < kTags; ++k) tag_hashes_[k] = hash_of(names[k]);
      continue;
    }
    if (names.empty()) return Error{ErrorCode::bad_data, table->where(row), "the tags row must come first"};
    std::array<int16_t, kTags> w{};
    for (size_t at = 0; at < text.size();) {
      size_t space = std::min(text.find(' ', at), text.size());
      std::string_view item = text.substr(at, space - at);
      at = space + 1;
      if (item.empty()) continue;
      size_t colon = item.rfind(':');
      auto tag = colon == std::string_view::npos ? names.end()
                                                 : std::find(names.begin(), names.end(), item.substr(0, colon));
      int value = 0;
      auto [next, ec] = tag == names.end() ? std::from_chars_result{nullptr, std::errc::invalid_argument}
                                           : std::from_chars(item.data() + colon + 1, item.data() + item.size(), value);
      if (ec != std::errc() || next != item.data() + item.size() || value < -32767 || value > 32767)
        return Error{ErrorCode::bad_data, table->where(row), "expected TAG:WEIGHT (thousandths, |weight| <= 32767)"};
      w[size_t(tag - names.begin())] = int16_t(value);
    }
    rows.emplace_back(key_of_name(row.fields[0]), w);
  }
  size_t capacity = 16;
  while (capacity < rows.size() + rows.size() / 2) capacity *= 2;
  pos_slots_.assign(capacity, PosSlot{});
  pos_mask_ = capacity - 1;
  for (const auto& [key, w] : rows) {
    size_t slot = key & pos_mask_;
    while (pos_slots_[slot].check != 0 && pos_slots_[slot].check != check_of(key)) slot = (slot + 1) & pos_mask_;
    pos_slots_[slot].check = check_of(key);
    pos_slots_[slot].weights = w;
  }
  return true;
}

void TriggerModel::add_pos_weights(uint64_t key, std::array<int32_t, kTags>& score) const {
  const uint32_t check = check_of(key);
  for (size_t slot = key & pos_mask_;; slot = (slot + 1) & pos_mask_) {
    const PosSlot& s = pos_slots_[slot];
    if (s.check == check) {
      for (size_t k = 0; k < kTags; ++k) score[k] += s.weights[k];
      return;
    }
    if (s.check == 0) return;
  }
}

// Greedy, left to right, as PosTagger.tag in the training script.
void TriggerModel::tag(Sentence& s) const {
  s.tags.clear();
  if (pos_slots_.empty()) return;
  const size_t n = s.hashes.size();
  s.tags.resize(n);
  const auto& folded = *s.folded;
  // A word as the tagger sees it: "<num>" for numbers, "</s>" after the end.
  auto seen = [&](size_t j) -> std::string_view {
    if (j >= n) return "</s>";
    return s.number[j] ? std::string_view("<num>") : std::string_view(folded[j]);
  };
  uint64_t t1 = templ::bos, t2 = templ::bos;
  for (size_t i = 0; i < n; ++i) {
    const ptrdiff_t at = ptrdiff_t(i);
    const uint64_t w = s.hashes[i];
    const std::string_view word = seen(i), next = seen(i + 1);
    const bool capital = s.shape[i] != 'l';
    static constexpr uint64_t caps[2][2] = {{hash_of("00"), hash_of("01")}, {hash_of("10"), hash_of("11")}};
    std::array<uint64_t, 16> keys{};
    size_t count = 0;
    keys[count++] = key_of(pos::bias);
    keys[count++] = key_of(pos::word, w);
    keys[count++] = key_of(pos::cap, caps[capital][i == 0]);
    keys[count++] = key_of(pos::t1, t1);
    keys[count++] = key_of(pos::t2_t1, t2, t1);
    keys[count++] = key_of(pos::t1_w, t1, w);
    keys[count++] = key_of(pos::w_1, context_hash(s, at - 1));
    keys[count++] = key_of(pos::w1, context_hash(s, at + 1));
    keys[count++] = key_of(pos::w_2, context_hash(s, at - 2));
    keys[count++] = key_of(pos::w2, context_hash(s, at + 2));
    keys[count++] = key_of(pos::hyphen, folded[i].find('-') != std::string::npos ? pos::one : pos::zero);
    if (is_ascii(word)) {
      keys[count++] = key_of(pos::s3, hash_of(suffix(word, 3)));
      keys[count++] = key_of(pos::s2, hash_of(suffix(word, 2)));
      keys[count++] = key_of(pos::s1, hash_of(suffix(word, 1)));
      keys[count++] = key_of(pos::prefix, hash_of(word.substr(0, 2)));
    }
    if (is_ascii(next)) keys[count++] = key_of(pos::s3_next, hash_of(suffix(next, 3)));
    for (size_t k = 0; k < count; ++k) __builtin_prefetch(&pos_slots_[keys[k] & pos_mask_]);
    std::array<int32_t, kTags> score{};
    for (size_t k = 0; k < count; ++k) add_pos_weights(keys[k], score);
    size_t best = 0;
    for (size_t k = 1; k < kTags; ++k)
      if (score[k] > score[best]) best = k;
    s.tags[i] = uint8_t(best);
    t2 = t1;
    t1 = tag_hashes_[best];
  }
}

// Every word the lexicons or the model know, with its word-only score.
void TriggerModel::index_words(const EventLexicon& lexicon, const std::vector<std::string>& known_words,
                               const std::vector<std::string>& paired_words) {
  std::vector<const std::string*> forms;
  for (const auto& [form, entry] : lexicon.verbs) forms.push_back(&form);
  for (const auto& [form, entry] : lexicon.nouns) forms.push_back(&form);
  for (const auto& form : lexicon.not_triggers) forms.push_back(&form);
  for (const auto& form : known_words) forms.push_back(&form);
  std::unordered_set<uint64_t> paired;
  for (const auto& form : paired_words) {
    forms.push_back(&form);
    paired.insert(hash_of(form));
  }
  size_t capacity = 16;
  while (capacity < forms.size() + forms.size() / 4) capacity *= 2;
  words_.assign(capacity, Word{});
  word_mask_ = capacity - 1;
  for (const std::string* form : forms) {
    const uint64_t key = hash_of(*form);
    size_t slot = key & word_mask_;
    while (words_[slot].check != 0 && words_[slot].check != check_of(key)) slot = (slot + 1) & word_mask_;
    if (words_[slot].check != 0) continue;
    words_[slot] = word_of(lexicon, *form, true);
    words_[slot].check = check_of(key);
    words_[slot].paired = paired.count(key) > 0;
  }
}

// The word-only features of a word, summed: bias, word, suffixes, lexicon.
// look_up = false for a word known to be in no lexicon.
TriggerModel::Word TriggerModel::word_of(const EventLexicon& lex, const std::string& w, bool look_up) const {
  Word word;
  if (!look_up) {  // no lexicon: distinct templates, no duplicates to drop
    add_weights(key_of(templ::bias), word.partial);
    add_weights(key_of(templ::word, hash_of(w)), word.partial);
    add_weights(key_of(templ::lex, templ::none), word.partial);
    if (is_ascii(w)) {
      word.suffix3 = suffix_hash(w);
      add_weights(key_of(templ::s2, hash_of(suffix(w, 2))), word.partial);
      add_weights(key_of(templ::s3, hash_of(suffix(w, 3))), word.partial);
      add_weights(key_of(templ::s4, hash_of(suffix(w, 4))), word.partial);
    }
    return word;
  }
  // Each feature once, as in training; a word has a few dozen at most.
  std::array<uint64_t, 64> keys;
  size_t count = 0;
  auto push = [&](uint64_t key) {
    if (count < keys.size() && std::find(keys.begin(), keys.begin() + count, key) == keys.begin() + count)
      keys[count++] = key;
  };
  push(key_of(templ::bias));
  push(key_of(templ::word, hash_of(w)));
  if (is_ascii(w)) {
    word.suffix3 = suffix_hash(w);
    push(key_of(templ::s2, hash_of(suffix(w, 2))));
    push(key_of(templ::s3, hash_of(suffix(w, 3))));
    push(key_of(templ::s4, hash_of(suffix(w, 4))));
  }
  bool in_lexicon = false, curated = false;
  if (look_up) {
    auto [from, to] = lex.verbs.equal_range(w);
    for (auto it = from; it != to; ++it) {
      const VerbEntry& entry = it->second;
      word.curated |= lex.curated.count(entry.lemma) > 0;  // "took" of "take part" too
      if (!entry.continuation.empty()) continue;
      in_lexicon = true;
      curated |= lex.curated.count(entry.lemma) > 0;
      word.forms |= form_bit(entry.form);
      push(key_of(templ::lv, hash_of(form_name(entry.form))));
      push(key_of(templ::lc, hash_of(to_string(entry.event_class))));
      push(key_of(templ::lm, hash_of(entry.lemma)));
    }
    if (auto noun = lex.nouns.find(w); noun != lex.nouns.end()) {
      in_lexicon = true;
      curated |= noun->second.curated;
      word.curated |= noun->second.curated;
      push(key_of(templ::ln, hash_of(to_string(noun->second.event_class))));
      push(key_of(templ::lm, hash_of(noun->second.lemma)));
    }
    if (curated) push(key_of(templ::curated));
    if (lex.not_triggers.count(w)) push(key_of(templ::not_trigger));
  }
  if (!in_lexicon) push(key_of(templ::lex, templ::none));
  for (size_t k = 0; k < count; ++k) add_weights(keys[k], word.partial);
  return word;
}

bool TriggerModel::add_weights(uint64_t key, std::array<int32_t, kLabels>& score) const {
  const uint32_t check = check_of(key);
  for (size_t slot = key & mask_;; slot = (slot + 1) & mask_) {
    const Slot& s = slots_[slot];
    if (s.check == check) {
      for (size_t k = 0; k < kLabels; ++k) score[k] += s.weights[k];
      return true;
    }
    if (s.check == 0) return false;
  }
}

const TriggerModel::Word* TriggerModel::word(uint64_t key) const {
  const uint32_t check = check_of(key);
  for (size_t slot = key & word_mask_;; slot = (slot + 1) & word_mask_) {
    if (words_[slot].check == check) return &words_[slot];
    if (words_[slot].check == 0) return nullptr;
  }
}

void TriggerModel::prepare(const std::vector<std::string>& folded, const std::vector<const Cue*>& cues,
                           Sentence& s) const {
  s.folded = &folded;
  s.cues = &cues;
  s.hashes.resize(folded.size());
  s.number.resize(folded.size());
  for (size_t j = 0; j < folded.size(); ++j) {
    s.number[j] = !folded[j].empty() && folded[j][0] >= '0' && folded[j][0] <= '9';
    s.hashes[j] = s.number[j] ? templ::number : hash_of(folded[j]);
  }
}

// "3rd" is "<num>" as a neighbour but itself as the word.
uint64_t TriggerModel::word_hash(const Sentence& s, size_t i) {
  return s.number[i] ? hash_of((*s.folded)[i]) : s.hashes[i];
}

std::optional<EventClass> TriggerModel::classify(const EventLexicon& lex, const Sentence& s, size_t i,
                                                 bool& curated) const {
  curated = false;
  if (!loaded()) return std::nullopt;
  const uint64_t word = word_hash(s, i);
  // The next word's slot is fetched while this one is scored.
  if (i + 1 < s.hashes.size()) __builtin_prefetch(&words_[s.hashes[i + 1] & word_mask_]);
  const Word* known = this->word(word);
  curated = known && known->curated;
  // Function words are no events; "have" and "do" can be main verbs.
  if (const Cue* cue = (*s.cues)[i]; cue && cue->kind != CueKind::perfect && cue->kind != CueKind::do_support)
    return std::nullopt;
  const Word unknown = known ? Word{} : word_of(lex, (*s.folded)[i], false);
  const Word& w = known ? *known : unknown;
  const ptrdiff_t at = ptrdiff_t(i);
  const uint64_t p1 = context_hash(s, at - 1), n1 = context_hash(s, at + 1);
  const ptrdiff_t pc = previous_content(s, i);
  const uint64_t pc_kind = cue_kind_hash(pc >= 0 && !s.number[pc] ? (*s.cues)[pc] : nullptr);
  const uint64_t context[] = {
      key_of(templ::p1, p1),
      key_of(templ::p2, context_hash(s, at - 2)),
      key_of(templ::n1, n1),
      key_of(templ::n2, context_hash(s, at + 2)),
      key_of(templ::shape, shape_hash(s.shape[i])),
      key_of(templ::pc, context_hash(s, pc)),
      key_of(templ::pk, pc_kind),
      w.paired ? key_of(templ::word_n1, word, n1) : 0,
      w.paired ? key_of(templ::p1_word, p1, word) : 0,
      w.suffix3 ? key_of(templ::pk_s3, pc_kind, hash_of(suffix((*s.folded)[i], 3))) : 0,
  };
  for (uint64_t key : context) __builtin_prefetch(&slots_[key & mask_]);  // the misses overlap
  std::array<int32_t, kLabels> score = w.partial;
  for (uint64_t key : context)
    if (key) add_weights(key, score);
  for (VerbForm form : kForms)
    if (w.forms & form_bit(form)) add_weights(key_of(templ::pk_lv, pc_kind, form_hash(form)), score);
  if (!s.tags.empty()) {
    const uint64_t t = tag_hashes_[s.tags[i]];
    const uint64_t before = i > 0 ? tag_hashes_[s.tags[i - 1]] : templ::bos;
    const uint64_t after = i + 1 < s.tags.size() ? tag_hashes_[s.tags[i + 1]] : templ::eos;
    add_weights(key_of(templ::tag, t), score);
    add_weights(key_of(templ::tag_p1, before), score);
    add_weights(key_of(templ::tag_n1, after), score);
    add_weights(key_of(templ::tag_tag_n1, t, after), score);
    add_weights(key_of(templ::tag_p1_tag, before, t), score);
  }
  size_t best = 0;
  for (size_t k = 1; k < kLabels; ++k)
    if (score[k] > score[best]) best = k;
  if (best == 0) return std::nullopt;
  return static_cast<EventClass>(best - 1);
}

}  // namespace annals::detail
