#include "events/lexicon.h"

#include <algorithm>
#include <unordered_set>

#include "events/foreign_words.h"
#include "text/segment.h"

namespace annals::detail {
namespace {

bool is_vowel(char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; }

// English regular inflection; the resource lists the forms it gets wrong.
std::string third_person(const std::string& lemma) {
  if (lemma.ends_with("s") || lemma.ends_with("sh") || lemma.ends_with("ch") || lemma.ends_with("x") ||
      lemma.ends_with("z") || lemma.ends_with("o"))
    return lemma + "es";
  if (lemma.size() > 1 && lemma.back() == 'y' && !is_vowel(lemma[lemma.size() - 2]))
    return lemma.substr(0, lemma.size() - 1) + "ies";
  return lemma + "s";
}

std::string past(const std::string& lemma) {
  if (lemma.ends_with("e")) return lemma + "d";
  if (lemma.size() > 1 && lemma.back() == 'y' && !is_vowel(lemma[lemma.size() - 2]))
    return lemma.substr(0, lemma.size() - 1) + "ied";
  return lemma + "ed";
}

std::string present_participle(const std::string& lemma) {
  if (lemma.ends_with("ie")) return lemma.substr(0, lemma.size() - 2) + "ying";
  if (lemma.ends_with("e") && !lemma.ends_with("ee")) return lemma.substr(0, lemma.size() - 1) + "ing";
  return lemma + "ing";
}

VerbForm form_of_listed(const std::string& form, const std::string& lemma) {
  if (form.ends_with("ing")) return VerbForm::ing;
  if (form == third_person(lemma)) return VerbForm::third_person;
  return VerbForm::past;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// "take part": indexed by the inflected head, the rest kept as continuation.
void add_verb(EventLexicon& lexicon, const std::string& lemma, EventClass c, const std::string& form,
              VerbForm kind) {
  auto words = split(form, ' ');
  if (words.empty()) return;
  std::vector<std::string> rest(words.begin() + 1, words.end());
  lexicon.verbs.emplace(words[0], VerbEntry{lemma, c, kind, rest, lexicon.curated.count(lemma) > 0});
}

// Irregular forms listed for single-word verbs, so that "take part" inherits
// "took part" from "take".
std::unordered_map<std::string, std::vector<std::string>> irregular_forms(const TsvTable& table) {
  std::unordered_map<std::string, std::vector<std::string>> forms;
  for (const auto& row : table.rows)
    if (row.fields.size() > 2 && row.fields[0].find(' ') == std::string_view::npos)
      forms[fold_case(row.fields[0])] = split(fold_case(row.fields[2]), ',');
  return forms;
}

// Adds the verbs of one table; lemmas already known (from a table loaded
// earlier, which wins) are skipped.
Status load_verb_table(const Resources& resources, const std::string& name, EventLexicon& lexicon,
                       std::unordered_set<std::string>& known) {
  auto table = resources.table(name, 2);
  if (!table) return table.error();
  const auto irregular = irregular_forms(*table);
  for (const auto& row : table->rows) {
    auto event_class = parse_event_class(row.fields[1]);
    if (!event_class) return Error{ErrorCode::bad_data, table->where(row), event_class.error().message};
    const std::string lemma = fold_case(row.fields[0]);
    if (!known.insert(lemma).second) continue;
    if (name == "en/events/verbs.tsv") lexicon.curated.insert(lemma);
    auto words = split(lemma, ' ');
    const std::string head = words[0];
    const std::string tail = lemma.substr(head.size());
    bool listed_past = false;
    std::vector<std::string> listed;
    if (row.fields.size() > 2) listed = split(fold_case(row.fields[2]), ',');
    else if (auto it = irregular.find(head); it != irregular.end() && words.size() > 1)
      for (const auto& form : it->second) listed.push_back(form + tail);
    for (const auto& form : listed) {
      const std::string first = split(form, ' ')[0];
      auto kind = form_of_listed(first, head);
      // A participle alone ("show: shown", "prove: proven") leaves the
      // regular simple past ("showed", "proved"); a listed simple past
      // ("took", "said") replaces it.
      listed_past |= kind == VerbForm::past && !first.ends_with("n");
      add_verb(lexicon, lemma, *event_class, form, kind);
    }
    add_verb(lexicon, lemma, *event_class, lemma, VerbForm::base);
    add_verb(lexicon, lemma, *event_class, third_person(head) + tail, VerbForm::third_person);
    add_verb(lexicon, lemma, *event_class, present_participle(head) + tail, VerbForm::ing);
    if (!listed_past) add_verb(lexicon, lemma, *event_class, past(head) + tail, VerbForm::past);
  }
  return ok_status();
}

Status load_verbs(const Resources& resources, EventLexicon& lexicon) {
  std::unordered_set<std::string> known;
  for (const char* name : {"en/events/not_triggers.tsv", "en/events/trained_not_events.tsv"}) {
    auto excluded = resources.table(name, 1);
    if (!excluded) return excluded.error();
    for (const auto& row : excluded->rows) lexicon.not_triggers.insert(fold_case(row.fields[0]));
  }
  auto trained = resources.table("en/events/trained_classes.tsv", 2);
  if (!trained) return trained.error();
  for (const auto& row : trained->rows) {
    auto event_class = parse_event_class(row.fields[1]);
    if (!event_class) return Error{ErrorCode::bad_data, trained->where(row), event_class.error().message};
    lexicon.trained_class[fold_case(row.fields[0])] = *event_class;
  }
  for (const char* name : {"en/events/verbs.tsv", "en/events/wordnet_verbs.tsv"})
    if (auto status = load_verb_table(resources, name, lexicon, known); !status) return status;
  // Excluded forms of WordNet verbs; curated verbs keep theirs.
  lexicon.verbs.keep_only([&](const auto& entry) {
    return !lexicon.not_triggers.count(entry.first) || lexicon.curated.count(entry.second.lemma);
  });
  lexicon.verbs.seal();
  return ok_status();
}

Status load_nouns(const Resources& resources, EventLexicon& lexicon) {
  for (const char* name : {"en/events/nouns.tsv", "en/events/wordnet_nouns.tsv"}) {
    auto table = resources.table(name, 2);
    if (!table) return table.error();
    for (const auto& row : table->rows) {
      auto event_class = parse_event_class(row.fields[1]);
      if (!event_class) return Error{ErrorCode::bad_data, table->where(row), event_class.error().message};
      const bool curated = std::string_view(name) == "en/events/nouns.tsv";
      std::string noun = fold_case(row.fields[0]);
      std::string plural = row.fields.size() > 2 ? fold_case(row.fields[2]) : third_person(noun);
      for (const auto& form : {noun, plural})
        if (curated || !lexicon.not_triggers.count(form)) lexicon.nouns.try_emplace(form, NounEntry{noun, *event_class, curated});
    }
  }
  return ok_status();
}

Result<CueKind> parse_cue_kind(std::string_view kind, std::string_view value) {
  if (kind == "negation") return CueKind::negation;
  if (kind == "modal") return CueKind::modal;
  if (kind == "perfect") return CueKind::perfect;
  if (kind == "be") return CueKind::be;
  if (kind == "do") return CueKind::do_support;
  if (kind == "infinitive") return CueKind::infinitive;
  if (kind == "determiner") return CueKind::determiner;
  if (kind == "pronoun") return CueKind::pronoun;
  if (kind == "clause" && value == "subordinate") return CueKind::subordinate;
  if (kind == "clause" && value == "coordinate") return CueKind::coordinate;
  if (kind == "clause" && value == "relative") return CueKind::relative;
  return Error{ErrorCode::bad_data, "", "unknown cue kind \"" + std::string(kind) + "\""};
}

// A list of words, one a row, case-folded into `words`.
Status add_words(const Resources& resources, std::string_view name, std::unordered_set<std::string>& words) {
  auto table = resources.table(name, 1);
  if (!table) return table.error();
  for (const auto& row : table->rows) words.insert(fold_case(row.fields[0]));
  return ok_status();
}

Status load_cues(const Resources& resources, EventLexicon& lexicon) {
  auto table = resources.table("en/events/cues.tsv", 3);
  if (!table) return table.error();
  for (const auto& row : table->rows) {
    auto kind = parse_cue_kind(row.fields[1], row.fields[2]);
    if (!kind) return Error{ErrorCode::bad_data, table->where(row), kind.error().message};
    lexicon.cues[fold_case(row.fields[0])] = {*kind, std::string(row.fields[2])};
  }
  lexicon.cue_filter.reset(lexicon.cues.size());
  for (const auto& [word, cue] : lexicon.cues) lexicon.cue_filter.add(word);
  auto roles = resources.table("en/events/roles.tsv", 2);
  if (!roles) return roles.error();
  for (const auto& row : roles->rows) lexicon.roles[fold_case(row.fields[0])] = std::string(row.fields[1]);
  if (auto status = add_words(resources, "en/events/prepositions.tsv", lexicon.prepositions); !status) return status;
  for (const auto& [word, role] : lexicon.roles) lexicon.prepositions.insert(word);
  auto complements = resources.table("en/events/unasserted_complements.tsv", 2);
  if (!complements) return complements.error();
  for (const auto& row : complements->rows) {
    static const std::pair<std::string_view, Modality> names[] = {
        {"possible", Modality::possible}, {"planned", Modality::planned}, {"necessary", Modality::necessary}};
    const auto* found = std::find_if(std::begin(names), std::end(names), [&](const auto& n) { return n.first == row.fields[1]; });
    if (found == std::end(names))
      return Error{ErrorCode::bad_data, complements->where(row), "expected possible, planned or necessary"};
    lexicon.unasserted_complements[fold_case(row.fields[0])] = found->second;
  }
  if (auto status = add_words(resources, "en/events/reader_asides.tsv", lexicon.reader_asides); !status) return status;
  return add_words(resources, "en/events/label_openers.tsv", lexicon.label_openers);
}

}  // namespace

void WordFilter::reset(size_t words) {
  size_t size = 64;
  while (size * 64 < words * 16) size *= 2;  // 16 bits a word: few false "maybe"s
  bits_.assign(size, 0);
  mask_ = size - 1;
}

void WordFilter::add(std::string_view word) {
  const uint64_t h = hash(word);
  bits_[h & mask_] |= (1ull << ((h >> 32) & 63)) | (1ull << ((h >> 40) & 63));
}

void VerbTable::seal() {
  filter_.reset(map_.size());
  for (const auto& entry : map_) filter_.add(entry.first);
}

Result<EventClass> parse_event_class(std::string_view text) {
  static constexpr std::pair<std::string_view, EventClass> names[] = {
      {"OCCURRENCE", EventClass::occurrence}, {"REPORTING", EventClass::reporting},
      {"STATE", EventClass::state},           {"I_ACTION", EventClass::i_action},
      {"I_STATE", EventClass::i_state},       {"ASPECTUAL", EventClass::aspectual},
      {"PERCEPTION", EventClass::perception}};
  for (auto [name, value] : names)
    if (name == text) return value;
  return Error{ErrorCode::bad_data, "", "unknown event class \"" + std::string(text) + "\""};
}

uint64_t EventLexicon::facts_hash(std::string_view word) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a
  for (char c : word) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211ull;
  return h;
}

void EventLexicon::index_facts(const std::unordered_map<std::string, ForeignWord>& foreign) {
  std::vector<const std::string*> words;
  for (const auto& [form, entry] : verbs) words.push_back(&form);
  for (const auto& [form, entry] : nouns) words.push_back(&form);
  for (const auto& [form, entry] : cues) words.push_back(&form);
  for (const auto& [form, role] : roles) words.push_back(&form);
  for (const auto& form : prepositions) words.push_back(&form);
  for (const auto& form : label_openers) words.push_back(&form);
  for (const auto& [form, event_class] : trained_class) words.push_back(&form);
  for (const auto& [form, word] : foreign) words.push_back(&form);
  size_t capacity = 16;
  while (capacity < words.size() * 2) capacity *= 2;
  fact_slots_.assign(capacity, FactsSlot{});
  fact_mask_ = capacity - 1;
  facts_.clear();
  facts_.reserve(words.size());
  for (const std::string* word : words) {  // each word once: several lexicons list some
    const uint64_t h = facts_hash(*word);
    if (fact_index(*word, h) != SIZE_MAX) continue;
    size_t slot = h & fact_mask_;
    while (fact_slots_[slot].index != 0) slot = (slot + 1) & fact_mask_;
    facts_.push_back({*word, {}});
    fact_slots_[slot] = {uint32_t(h >> 32), uint32_t(facts_.size())};
  }
  // Then each lexicon once, into the entries of its words. A word's verb
  // entries lie together in the multimap, in equal_range's order.
  auto of = [&](const std::string& word) -> WordFacts& { return facts_[fact_index(word, facts_hash(word))].facts; };
  for (const auto& [form, entry] : verbs) of(form).verbs.push_back(entry);
  for (const auto& [form, entry] : nouns) of(form).noun = &entry;
  for (const auto& [form, entry] : cues) of(form).cue = &entry;
  for (const auto& [form, role] : roles) of(form).role = &role;
  for (const auto& form : prepositions) of(form).preposition = true;
  for (const auto& form : label_openers) of(form).label_opener = true;
  for (const auto& [form, event_class] : trained_class) of(form).trained_class = &event_class;
  for (const auto& [form, word] : foreign) of(form).foreign = &word;
}

const WordFacts& EventLexicon::facts(std::string_view folded, uint64_t h) const {
  const size_t index = fact_index(folded, h);
  return index == SIZE_MAX ? no_facts_ : facts_[index].facts;
}

size_t EventLexicon::fact_index(std::string_view folded, uint64_t h) const {
  if (fact_slots_.empty()) return SIZE_MAX;
  const uint32_t check = uint32_t(h >> 32);
  for (size_t slot = h & fact_mask_;; slot = (slot + 1) & fact_mask_) {
    const FactsSlot& s = fact_slots_[slot];
    if (s.index == 0) return SIZE_MAX;
    if (s.check == check && facts_[s.index - 1].word == folded) return s.index - 1;
  }
}

Result<EventLexicon> load_event_lexicon(const Resources& resources) {
  EventLexicon lexicon;
  for (auto* load : {&load_verbs, &load_nouns, &load_cues})
    if (auto status = load(resources, lexicon); !status) return status.error();
  return lexicon;
}

}  // namespace annals::detail
