#include "events/trigger_model.h"

#include <charconv>

namespace annals::detail {
namespace {

constexpr std::string_view kLabelNames[TriggerModel::kLabels] = {
    "NONE", "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"};
constexpr size_t kMaxFeatures = 64;

// FNV-1a, fed piece by piece so that "p1|w=" + word + "|" + next is hashed
// without building the string.
struct Hash {
  uint64_t h = 14695981039346656037ull;
  Hash& add(std::string_view s) {
    for (char c : s) {
      h ^= static_cast<uint8_t>(c);
      h *= 1099511628211ull;
    }
    return *this;
  }
  uint64_t key() const { return h ? h : 1; }  // 0 marks an empty slot
};

uint64_t key_of(std::initializer_list<std::string_view> parts) {
  Hash hash;
  for (auto part : parts) hash.add(part);
  return hash.key();
}

// The names of cues.tsv's second column.
std::string_view cue_kind_name(const Cue* cue) {
  if (!cue) return "-";
  switch (cue->kind) {
    case CueKind::negation: return "negation";
    case CueKind::modal: return "modal";
    case CueKind::perfect: return "perfect";
    case CueKind::be: return "be";
    case CueKind::do_support: return "do";
    case CueKind::infinitive: return "infinitive";
    case CueKind::determiner: return "determiner";
    case CueKind::pronoun: return "pronoun";
    case CueKind::subordinate:
    case CueKind::coordinate:
    case CueKind::relative: return "clause";
  }
  return "-";
}

std::string_view form_name(VerbForm form) {
  switch (form) {
    case VerbForm::base: return "base";
    case VerbForm::third_person: return "third";
    case VerbForm::ing: return "ing";
    case VerbForm::past: return "past";
  }
  return "base";
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string_view suffix(std::string_view s, size_t n) { return s.size() <= n ? s : s.substr(s.size() - n); }

bool is_adverb(std::string_view word) { return word.size() > 4 && word.ends_with("ly"); }

// The features of one word, as hashes, each once.
class Features {
 public:
  void add(uint64_t key) {
    for (size_t k = 0; k < size_; ++k)
      if (keys_[k] == key) return;
    if (size_ < kMaxFeatures) keys_[size_++] = key;
  }
  const uint64_t* begin() const { return keys_.data(); }
  const uint64_t* end() const { return keys_.data() + size_; }

 private:
  std::array<uint64_t, kMaxFeatures> keys_{};
  size_t size_ = 0;
};

std::string_view context_word(const TriggerModel::Sentence& s, ptrdiff_t j) {
  if (j < 0) return "<s>";
  if (size_t(j) >= s.folded->size()) return "</s>";
  if ((*s.is_number)[j]) return "<num>";
  return (*s.folded)[j];
}

// The word before i, skipping adverbs in -ly and negations.
ptrdiff_t previous_content(const EventLexicon& lex, const TriggerModel::Sentence& s, size_t i) {
  ptrdiff_t j = ptrdiff_t(i) - 1;
  while (j >= 0) {
    const std::string& word = (*s.folded)[j];
    const Cue* cue = lex.cue(word);
    if (!is_adverb(word) && !(cue && cue->kind == CueKind::negation)) break;
    --j;
  }
  return j;
}

void lexicon_features(const EventLexicon& lex, const std::string& w, std::string_view pc_kind, Features& f) {
  bool in_lexicon = false, curated = false;
  auto [from, to] = lex.verbs.equal_range(w);
  for (auto it = from; it != to; ++it) {
    const VerbEntry& entry = it->second;
    if (!entry.continuation.empty()) continue;
    in_lexicon = true;
    curated |= lex.curated.count(entry.lemma) > 0;
    f.add(key_of({"lv=", form_name(entry.form)}));
    f.add(key_of({"lc=", to_string(entry.event_class)}));
    f.add(key_of({"lm=", entry.lemma}));
    f.add(key_of({"pk|lv=", pc_kind, "|", form_name(entry.form)}));
  }
  if (auto noun = lex.nouns.find(w); noun != lex.nouns.end()) {
    in_lexicon = true;
    curated |= noun->second.curated;
    f.add(key_of({"ln=", to_string(noun->second.event_class)}));
    f.add(key_of({"lm=", noun->second.lemma}));
  }
  if (!in_lexicon) f.add(key_of({"lex=none"}));
  if (curated) f.add(key_of({"cur"}));
  if (lex.not_triggers.count(w)) f.add(key_of({"nt"}));
}

}  // namespace

Result<TriggerModel> TriggerModel::load(const Resources& resources, const std::string& name) {
  TriggerModel model;
  if (!resources.has(name)) return model;
  auto table = resources.table(name, 2);
  if (!table) return table.error();
  std::vector<std::pair<uint64_t, std::array<float, kLabels>>> rows;
  for (const auto& row : table->rows) {
    if (row.fields[0] == "labels") {
      bool same = row.fields.size() == kLabels + 1;
      for (size_t k = 0; same && k < kLabels; ++k) same = row.fields[k + 1] == kLabelNames[k];
      if (!same) return Error{ErrorCode::bad_data, table->where(row), "labels are not NONE and the TimeML classes in order"};
      continue;
    }
    std::array<float, kLabels> w{};
    std::string_view text = row.fields[1];
    const char* p = text.data();
    const char* end = text.data() + text.size();
    for (size_t k = 0; k < kLabels; ++k) {
      while (p < end && *p == ' ') ++p;
      auto [next, ec] = std::from_chars(p, end, w[k]);
      if (ec != std::errc()) return Error{ErrorCode::bad_data, table->where(row), "expected 8 weights"};
      p = next;
    }
    rows.emplace_back(key_of({row.fields[0]}), w);
  }
  size_t capacity = 16;
  while (capacity < rows.size() * 2) capacity *= 2;
  model.keys_.assign(capacity, 0);
  model.values_.resize(capacity);
  model.mask_ = capacity - 1;
  for (const auto& [key, w] : rows) model.insert(key, w);
  return model;
}

void TriggerModel::insert(uint64_t key, const std::array<float, kLabels>& w) {
  size_t slot = key & mask_;
  while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
  keys_[slot] = key;
  values_[slot] = w;
}

const std::array<float, TriggerModel::kLabels>* TriggerModel::weights(uint64_t key) const {
  for (size_t slot = key & mask_;; slot = (slot + 1) & mask_) {
    if (keys_[slot] == key) return &values_[slot];
    if (keys_[slot] == 0) return nullptr;
  }
}

std::optional<EventClass> TriggerModel::classify(const EventLexicon& lex, const Sentence& s, size_t i) const {
  if (!loaded()) return std::nullopt;
  const std::string& w = (*s.folded)[i];
  const std::string_view p1 = context_word(s, ptrdiff_t(i) - 1), p2 = context_word(s, ptrdiff_t(i) - 2);
  const std::string_view n1 = context_word(s, ptrdiff_t(i) + 1), n2 = context_word(s, ptrdiff_t(i) + 2);
  const std::string_view pc_word = context_word(s, previous_content(lex, s, i));
  const std::string_view pc_kind = cue_kind_name(lex.cue(std::string(pc_word)));
  const char shape[2] = {(*s.shape)[i], 0};
  Features f;
  f.add(key_of({"b"}));
  f.add(key_of({"w=", w}));
  f.add(key_of({"p1=", p1}));
  f.add(key_of({"p2=", p2}));
  f.add(key_of({"n1=", n1}));
  f.add(key_of({"n2=", n2}));
  f.add(key_of({"sh=", shape}));
  f.add(key_of({"pc=", pc_word}));
  f.add(key_of({"pk=", pc_kind}));
  f.add(key_of({"w|n1=", w, "|", n1}));
  f.add(key_of({"p1|w=", p1, "|", w}));
  if (is_ascii(w)) {
    f.add(key_of({"s2=", suffix(w, 2)}));
    f.add(key_of({"s3=", suffix(w, 3)}));
    f.add(key_of({"s4=", suffix(w, 4)}));
    f.add(key_of({"pk|s3=", pc_kind, "|", suffix(w, 3)}));
  }
  lexicon_features(lex, w, pc_kind, f);
  std::array<float, kLabels> score{};
  for (uint64_t key : f)
    if (const auto* weights = this->weights(key))
      for (size_t k = 0; k < kLabels; ++k) score[k] += (*weights)[k];
  size_t best = 0;
  for (size_t k = 1; k < kLabels; ++k)
    if (score[k] > score[best]) best = k;
  if (best == 0) return std::nullopt;
  return static_cast<EventClass>(best - 1);
}

}  // namespace annals::detail
