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

// The kinds of cue that the pk features name, by cues.tsv's second column
// ("-" for none): an index into kCueKindNames.
constexpr std::string_view kCueKindNames[] = {"-",          "negation",   "modal",   "perfect", "be",
                                          "do",         "infinitive", "determiner", "pronoun", "clause"};

size_t cue_kind_index(const Cue* cue) {
  if (!cue) return 0;
  switch (cue->kind) {
    case CueKind::negation: return 1;
    case CueKind::modal: return 2;
    case CueKind::perfect: return 3;
    case CueKind::be: return 4;
    case CueKind::do_support: return 5;
    case CueKind::infinitive: return 6;
    case CueKind::determiner: return 7;
    case CueKind::pronoun: return 8;
    case CueKind::subordinate:
    case CueKind::coordinate:
    case CueKind::relative: return 9;
  }
  return 0;
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

constexpr char kShapes[] = {'A', 'F', 'C', 'l'};

size_t shape_index(char shape) { return shape == 'A' ? 0 : shape == 'F' ? 1 : shape == 'C' ? 2 : 3; }

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

// The word a feature name of the tagger names: "w=said", "w-1=said",
// "t1|w=NN|said"; empty for the other templates.
std::string_view pos_feature_word(std::string_view name) {
  const size_t equals = name.find('=');
  if (equals == std::string_view::npos) return {};
  const std::string_view templ = name.substr(0, equals), value = name.substr(equals + 1);
  if (templ == "w" || templ == "w-1" || templ == "w+1" || templ == "w-2" || templ == "w+2") return value;
  if (templ == "t1|w" && value.find('|') != std::string_view::npos) return value.substr(value.find('|') + 1);
  return {};
}

}  // namespace

Result<TriggerModel> TriggerModel::load(const Resources& resources, const std::string& name,
                                        const EventLexicon& lexicon) {
  TriggerModel model;
  if (!resources.has(name)) return model;
  auto table = resources.table(name, 2);
  if (!table) return table.error();
  std::vector<std::pair<uint64_t, std::array<float, kLabels>>> rows;
  std::vector<std::string> known_words, paired_words, neighbours;
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
    for (std::string_view templ : {"p1=", "p2=", "n1=", "n2=", "pc="})
      if (name.starts_with(templ)) neighbours.emplace_back(name.substr(templ.size()));
  }
  const size_t capacity = capacity_for(rows.size());
  std::vector<std::pair<uint64_t, WeightTable<kLabels>::Weights>> scaled;
  scaled.reserve(rows.size());
  for (const auto& [key, w] : rows) {
    WeightTable<kLabels>::Weights weights{};
    for (size_t k = 0; k < kLabels; ++k) weights[k] = int16_t(std::lround(w[k] * kScale));
    scaled.emplace_back(key, weights);
  }
  model.weights_.build(scaled, capacity);
  model.index_words(lexicon, known_words, paired_words);
  if (auto tagger = model.load_tagger(resources, "en/events/pos_model.tsv", neighbours); !tagger)
    return tagger.error();
  model.sum_closed_features();
  for (const char* marker : {"<s>", "</s>", "<num>"}) neighbours.emplace_back(marker);
  model.index_sentence_words(neighbours);
  return model;
}

void TriggerModel::sum_closed_features() {
  static_assert(std::size(kCueKindNames) == TriggerModel::kCueKinds);
  for (size_t k = 0; k < std::size(kShapes); ++k)
    add_weights(key_of(templ::shape, hash_of(std::string_view(&kShapes[k], 1))), shape_scores_[k]);
  for (size_t kind = 0; kind < std::size(kCueKindNames); ++kind) {
    add_weights(key_of(templ::pk, hash_of(kCueKindNames[kind])), cue_scores_[kind]);
    for (VerbForm form : kForms)
      add_weights(key_of(templ::pk_lv, hash_of(kCueKindNames[kind]), form_hash(form)),
                  cue_form_scores_[kind][static_cast<size_t>(form)]);
  }
  if (pos_weights_.empty()) return;
  tag_before_.assign((kTags + 1) * kTags, Score{});
  tag_after_.assign(kTags * (kTags + 1), Score{});
  for (size_t t = 0; t < kTags; ++t)
    for (size_t other = 0; other <= kTags; ++other) {
      const uint64_t before = other < kTags ? tag_hashes_[other] : templ::bos;
      const uint64_t after = other < kTags ? tag_hashes_[other] : templ::eos;
      Score& b = tag_before_[other * kTags + t];
      add_weights(key_of(templ::tag, tag_hashes_[t]), b);
      add_weights(key_of(templ::tag_p1, before), b);
      add_weights(key_of(templ::tag_p1_tag, before, tag_hashes_[t]), b);
      Score& a = tag_after_[t * (kTags + 1) + other];
      add_weights(key_of(templ::tag_n1, after), a);
      add_weights(key_of(templ::tag_tag_n1, tag_hashes_[t], after), a);
    }
}

// The part-of-speech tagger's file: a "tags" row, then FEATURE <TAB> TAG:WEIGHT ...
// named: gets the words the tagger's features name.
Result<bool> TriggerModel::load_tagger(const Resources& resources, const std::string& name,
                                       std::vector<std::string>& named) {
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
      for (size_t k = 0; k < kTags; ++k) {
        tag_hashes_[k] = hash_of(names[k]);
        tag_names_[k] = std::string(names[k]);
      }
      tag_hashes_[kStart] = templ::bos;
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
    if (auto word = pos_feature_word(row.fields[0]); !word.empty()) named.emplace_back(word);
  }
  size_t capacity = 16;
  while (capacity < rows.size() + rows.size() / 2) capacity *= 2;
  pos_weights_.build(rows, capacity);
  // The features that depend on the tags before alone, and on the shape alone.
  history_.assign((kTags + 1) * (kTags + 1), PosScore{});
  for (size_t t2 = 0; t2 <= kTags; ++t2)
    for (size_t t1 = 0; t1 <= kTags; ++t1) {
      PosScore& score = history_[t2 * (kTags + 1) + t1];
      add_pos_weights(key_of(pos::bias), score);
      add_pos_weights(key_of(pos::t1, tag_hashes_[t1]), score);
      add_pos_weights(key_of(pos::t2_t1, tag_hashes_[t2], tag_hashes_[t1]), score);
    }
  static constexpr uint64_t caps[2][2] = {{hash_of("00"), hash_of("01")}, {hash_of("10"), hash_of("11")}};
  for (int capital = 0; capital < 2; ++capital)
    for (int first = 0; first < 2; ++first)
      for (int hyphen = 0; hyphen < 2; ++hyphen) {
        PosScore& score = cap_hyphen_[capital][first][hyphen];
        add_pos_weights(key_of(pos::cap, caps[capital][first]), score);
        add_pos_weights(key_of(pos::hyphen, hyphen ? pos::one : pos::zero), score);
      }
  return true;
}

// The features a word gives in its sentence, summed per role: the tagger's
// as pos_features in the training script builds them, classify's as the
// word's neighbours. named: whether the models' features name the word; else
// only its suffixes and prefix can have weights (its t1|w weights are
// index_sentence_words's).
TriggerModel::SentenceWord TriggerModel::sentence_word_of(std::string_view word, bool named) const {
  const uint64_t h = hash_of(word);
  SentenceWord w;
  if (named && !pos_weights_.empty()) {
    add_pos_weights(key_of(pos::word, h), w.self);
    if (const auto* weights = pos_weights_.find(key_of(pos::w_1, h))) w.prev1 = *weights;
    if (const auto* weights = pos_weights_.find(key_of(pos::w_2, h))) w.prev2 = *weights;
    add_pos_weights(key_of(pos::w1, h), w.next1);
    if (const auto* weights = pos_weights_.find(key_of(pos::w2, h))) w.next2 = *weights;
  }
  if (is_ascii(word) && !pos_weights_.empty()) {
    const auto keys = affix_keys(word);
    for (size_t k = 0; k + 1 < keys.size(); ++k) add_pos_weights(keys[k], w.self);
    add_pos_weights(keys.back(), w.next1);
  }
  if (named) {
    auto weights_of = [&](uint64_t templ) {
      const Weights* weights = weights_.find(key_of(templ, h));
      return weights ? *weights : Weights{};
    };
    w.p1 = weights_of(templ::p1);
    w.p2 = weights_of(templ::p2);
    w.n1 = weights_of(templ::n1);
    w.n2 = weights_of(templ::n2);
    w.pc = weights_of(templ::pc);
  }
  return w;
}

void TriggerModel::index_sentence_words(const std::vector<std::string>& named) {
  const std::unordered_set<std::string_view> distinct(named.begin(), named.end());
  size_t capacity = 16;
  while (capacity < distinct.size() * 2) capacity *= 2;
  sentence_word_slots_.assign(capacity, SentenceWordSlot{});
  sentence_words_.clear();
  tag_pairs_.clear();
  for (const std::string& word : named) {
    const uint64_t h = hash_of(word);
    if (named_sentence_word(h)) continue;
    size_t slot = h & (capacity - 1);
    while (sentence_word_slots_[slot].index != 0) slot = (slot + 1) & (capacity - 1);
    SentenceWord& w = sentence_words_.emplace_back(sentence_word_of(word, true));
    sentence_word_slots_[slot] = {h, uint32_t(sentence_words_.size())};
    // t1|w, for each tag before that has a weight with it.
    w.pairs_begin = w.pairs_end = uint32_t(tag_pairs_.size());
    if (pos_weights_.empty()) continue;
    for (size_t t1 = 0; t1 <= kTags; ++t1) {
      PosScore sum{};
      if (!add_pos_weights(key_of(pos::t1_w, tag_hashes_[t1], h), sum)) continue;
      TagPair& pair = tag_pairs_.emplace_back(TagPair{t1, {}});
      for (size_t k = 0; k < kTags; ++k) pair.weights[k] = int16_t(sum[k]);
      w.pairs_end = uint32_t(tag_pairs_.size());
    }
  }
}

// The tagger's keys of the suffixes and prefix of an ASCII word: s3, s2,
// s1 and pre as the word tagged, s3+1 as the word after it.
std::array<uint64_t, 5> TriggerModel::affix_keys(std::string_view word) {
  return {key_of(pos::s3, hash_of(suffix(word, 3))), key_of(pos::s2, hash_of(suffix(word, 2))),
          key_of(pos::s1, hash_of(suffix(word, 1))), key_of(pos::prefix, hash_of(word.substr(0, 2))),
          key_of(pos::s3_next, hash_of(suffix(word, 3)))};
}

// By the word's hash alone, as the features that name it are keyed.
const TriggerModel::SentenceWord* TriggerModel::named_sentence_word(uint64_t hash) const {
  const size_t mask = sentence_word_slots_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const SentenceWordSlot& s = sentence_word_slots_[slot];
    if (s.index == 0) return nullptr;
    if (s.hash == hash) return &sentence_words_[s.index - 1];
  }
}

namespace {

// The index of the highest score, the first of equal ones (as max() in
// the training script): the maximum first, a loop without branches.
size_t first_best(const TriggerModel::PosScore& score) {
  int32_t top = score[0];
  for (int32_t value : score) top = std::max(top, value);
  size_t best = 0;
  while (score[best] != top) ++best;
  return best;
}

}  // namespace

// Greedy, left to right, as PosTagger.tag in the training script: each
// word's score is its own features, its neighbours', its shape's and the
// two tags before, all summed ahead but for t1|w.
void TriggerModel::tag(Sentence& s) const {
  s.tags.clear();
  if (pos_weights_.empty()) return;
  const size_t n = s.hashes.size();
  s.tags.resize(n);
  size_t t1 = kStart, t2 = kStart;
  for (size_t i = 0; i < n; ++i) {
    const SentenceWord* const* around = &s.words[i];  // i-2 .. i+2
    const bool capital = s.shape[i] != 'l';
    const bool hyphen = (*s.folded)[i].find('-') != std::string::npos;
    PosScore score = cap_hyphen_[capital][i == 0][hyphen];
    const PosScore& history = history_[t2 * (kTags + 1) + t1];
    for (size_t k = 0; k < kTags; ++k)
      score[k] += history[k] + around[0]->prev2[k] + around[1]->prev1[k] + around[2]->self[k] + around[3]->next1[k] +
                  around[4]->next2[k];
    for (uint32_t p = around[2]->pairs_begin; p < around[2]->pairs_end; ++p)
      if (tag_pairs_[p].t1 == t1)
        for (size_t k = 0; k < kTags; ++k) score[k] += tag_pairs_[p].weights[k];
    const size_t best = first_best(score);
    s.tags[i] = uint8_t(best);
    t2 = t1;
    t1 = best;
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
    words_[slot] = word_of(lexicon, *form);
    words_[slot].check = check_of(key);
    words_[slot].paired = paired.count(key) > 0;
  }
}

TriggerModel::Score TriggerModel::Word::partial() const {
  Score score;
  for (size_t k = 0; k < kLabels; ++k) {
    const uint32_t bits = uint32_t(packed[3 * k]) | uint32_t(packed[3 * k + 1]) << 8 | uint32_t(packed[3 * k + 2]) << 16;
    score[k] = int32_t(bits << 8) >> 8;  // sign-extended from 24 bits
  }
  return score;
}

void TriggerModel::Word::set_partial(const Score& score) {
  for (size_t k = 0; k < kLabels; ++k) {
    const uint32_t bits = uint32_t(score[k]);
    packed[3 * k] = uint8_t(bits);
    packed[3 * k + 1] = uint8_t(bits >> 8);
    packed[3 * k + 2] = uint8_t(bits >> 16);
  }
}

// The keys of the word-only features of a word in no lexicon: distinct
// templates, no duplicates to drop; 0 for none.
std::array<uint64_t, 6> TriggerModel::unknown_word_keys(std::string_view w) {
  const bool ascii = is_ascii(w);
  return {key_of(templ::bias),
          key_of(templ::word, hash_of(w)),
          key_of(templ::lex, templ::none),
          ascii ? key_of(templ::s2, hash_of(suffix(w, 2))) : 0,
          ascii ? key_of(templ::s3, hash_of(suffix(w, 3))) : 0,
          ascii ? key_of(templ::s4, hash_of(suffix(w, 4))) : 0};
}

TriggerModel::Word TriggerModel::unknown_word_of(std::string_view w) const {
  Word word;
  word.ascii = is_ascii(w);
  Score partial{};
  for (uint64_t key : unknown_word_keys(w))
    if (key) add_weights(key, partial);
  word.set_partial(partial);
  return word;
}

// The word-only features of a word, summed: bias, word, suffixes, lexicon.
TriggerModel::Word TriggerModel::word_of(const EventLexicon& lex, const std::string& w) const {
  Word word;
  // Each feature once, as in training; a word has a few dozen at most.
  std::array<uint64_t, 64> keys{};
  static_assert(keys.size() * 32767 < (1 << 23), "a Word's sums must fit in 24 bits");
  size_t count = 0;
  auto push = [&](uint64_t key) {
    if (count < keys.size() && std::find(keys.begin(), keys.begin() + count, key) == keys.begin() + count)
      keys[count++] = key;
  };
  push(key_of(templ::bias));
  push(key_of(templ::word, hash_of(w)));
  if (is_ascii(w)) {
    word.ascii = true;
    push(key_of(templ::s2, hash_of(suffix(w, 2))));
    push(key_of(templ::s3, hash_of(suffix(w, 3))));
    push(key_of(templ::s4, hash_of(suffix(w, 4))));
  }
  bool in_lexicon = false, curated = false;
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
  if (!in_lexicon) push(key_of(templ::lex, templ::none));
  Score partial{};
  for (size_t k = 0; k < count; ++k) add_weights(keys[k], partial);
  word.set_partial(partial);
  return word;
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
  const size_t n = folded.size();
  s.folded = &folded;
  s.cues = &cues;
  s.hashes.resize(n);
  s.number.resize(n);
  for (size_t j = 0; j < n; ++j) {
    s.number[j] = !folded[j].empty() && folded[j][0] >= '0' && folded[j][0] <= '9';
    s.hashes[j] = s.number[j] ? templ::number : hash_of(folded[j]);
  }
  s.words.assign(n + 4, nullptr);
  s.known.resize(n);
  if (sentence_word_slots_.empty()) return;
  // All the words' look-ups are started before the first is waited for.
  for (size_t j = 0; j < n; ++j) {
    __builtin_prefetch(&sentence_word_slots_[s.hashes[j] & (sentence_word_slots_.size() - 1)]);
    __builtin_prefetch(&words_[word_hash(s, j) & word_mask_]);
  }
  for (size_t j = 0; j < n; ++j) s.known[j] = word(word_hash(s, j));
  // The words that no lexicon nor the model knows, which classify scores:
  // their features' look-ups are started here, and summed at the end.
  s.unknown.resize(n);
  for (size_t j = 0; j < n; ++j)
    if (!s.known[j] && scored(s, j))
      for (uint64_t key : unknown_word_keys(folded[j])) weights_.prefetch(key);
  s.unnamed_words.clear();
  s.unnamed_words.reserve(n);
  s.words[0] = s.words[1] = named_sentence_word(templ::bos);
  s.words[n + 2] = s.words[n + 3] = named_sentence_word(templ::eos);
  auto seen = [&](size_t j) { return s.number[j] ? std::string_view("<num>") : std::string_view(folded[j]); };
  // The words the models name; the affix look-ups of the others started.
  for (size_t j = 0; j < n; ++j) {
    s.words[j + 2] = named_sentence_word(s.hashes[j]);
    if (!s.words[j + 2] && !pos_weights_.empty() && is_ascii(seen(j)))
      for (uint64_t key : affix_keys(seen(j))) pos_weights_.prefetch(key);
  }
  for (size_t j = 0; j < n; ++j) {
    if (!s.words[j + 2]) s.words[j + 2] = &s.unnamed_words.emplace_back(sentence_word_of(seen(j), false));  // reserved
    const char* record = reinterpret_cast<const char*>(s.words[j + 2]);
    for (size_t line = 0; line < sizeof(SentenceWord); line += 64) __builtin_prefetch(record + line);
  }
  // classify's features that still need a look-up, started here too, for
  // the words it scores.
  s.context_keys.assign(n, {});
  for (size_t j = 0; j < n; ++j) {
    if (!scored(s, j)) continue;
    s.context_keys[j] = context_keys(s, j);
    for (uint64_t key : s.context_keys[j])
      if (key) weights_.prefetch(key);
  }
  for (size_t j = 0; j < n; ++j)
    if (!s.known[j] && scored(s, j)) s.unknown[j] = unknown_word_of(folded[j]);
}

// The keys of classify's features for token i that have no table of their
// own: w|n1, p1|w (for paired words), pk|s3 (for ASCII words); 0 for none.
std::array<uint64_t, 3> TriggerModel::context_keys(const Sentence& s, size_t i) const {
  const Word* w = s.known[i];
  const uint64_t word = word_hash(s, i);
  const uint64_t p1 = context_hash(s, ptrdiff_t(i) - 1), n1 = context_hash(s, ptrdiff_t(i) + 1);
  const bool paired = w && w->paired;
  const bool ascii = w ? w->ascii : is_ascii((*s.folded)[i]);
  const ptrdiff_t pc = previous_content(s, i);
  const size_t pc_kind = cue_kind_index(pc >= 0 && !s.number[pc] ? (*s.cues)[pc] : nullptr);
  return {paired ? key_of(templ::word_n1, word, n1) : 0, paired ? key_of(templ::p1_word, p1, word) : 0,
          ascii ? key_of(templ::pk_s3, hash_of(kCueKindNames[pc_kind]), hash_of(suffix((*s.folded)[i], 3))) : 0};
}

// Function words are no events; "have" and "do" can be main verbs.
bool TriggerModel::scored(const Sentence& s, size_t i) {
  const Cue* cue = (*s.cues)[i];
  return !cue || cue->kind == CueKind::perfect || cue->kind == CueKind::do_support;
}

// "3rd" is "<num>" as a neighbour but itself as the word.
uint64_t TriggerModel::word_hash(const Sentence& s, size_t i) {
  return s.number[i] ? hash_of((*s.folded)[i]) : s.hashes[i];
}

std::optional<EventClass> TriggerModel::classify(const Sentence& s, size_t i, bool& curated) const {
  curated = false;
  if (!loaded()) return std::nullopt;
  const Word* known = s.known[i];
  curated = known && known->curated;
  if (!scored(s, i)) return std::nullopt;
  const Word& w = known ? *known : s.unknown[i];
  const ptrdiff_t pc = previous_content(s, i);
  const size_t pc_kind = cue_kind_index(pc >= 0 && !s.number[pc] ? (*s.cues)[pc] : nullptr);
  Score score = w.partial();
  for (uint64_t key : s.context_keys[i])
    if (key) add_weights(key, score);
  auto add = [&](const auto& weights) {
    for (size_t k = 0; k < kLabels; ++k) score[k] += weights[k];
  };
  // The neighbours' features, summed per word ("<s>" and "</s>" past the ends).
  const SentenceWord* const* around = &s.words[i];  // i-2 .. i+2
  add(around[0]->p2);
  add(around[1]->p1);
  add(around[3]->n1);
  add(around[4]->n2);
  add(s.words[size_t(pc + 2)]->pc);
  // The features of few values, from the tables summed at load time.
  add(shape_scores_[shape_index(s.shape[i])]);
  add(cue_scores_[pc_kind]);
  for (VerbForm form : kForms)
    if (w.forms & form_bit(form)) add(cue_form_scores_[pc_kind][static_cast<size_t>(form)]);
  if (!s.tags.empty()) {
    const size_t before = i > 0 ? s.tags[i - 1] : kTags;
    const size_t after = i + 1 < s.tags.size() ? s.tags[i + 1] : kTags;
    add(tag_before_[before * kTags + s.tags[i]]);
    add(tag_after_[s.tags[i] * (kTags + 1) + after]);
  }
  size_t best = 0;
  for (size_t k = 1; k < kLabels; ++k)
    if (score[k] > score[best]) best = k;
  if (best == 0) return std::nullopt;
  return static_cast<EventClass>(best - 1);
}

}  // namespace annals::detail
