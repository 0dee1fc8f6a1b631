#include <algorithm>
#include <optional>
#include <span>

#include "relations/relation.h"
#include "util/resources.h"

namespace annals {

namespace {

// Words are numbered: 0 for a word no cue table names, kGapWord for "..."
// in a cue.
using WordId = uint32_t;
constexpr WordId kNoWord = 0;
constexpr WordId kGapWord = UINT32_MAX;

// A cue's words; "..." stands for a gap of a few words within the clause
// ("forced ... to": "forced the government to").
struct CausalCue {
  std::vector<WordId> words;
  bool cause_after = true;
  // Where the cue may stand: anywhere; only at the start of a sentence or
  // after "," ";" "and" "but" (clause-start); only at the start of a
  // sentence (sentence-start).
  enum class Position : uint8_t { anywhere, clause_start, sentence_start } position = Position::anywhere;
};

// A temporal cue: how the cue's event stands to the other one, and where
// the other one is (see en/relations/temporal_cues.tsv).
struct TemporalCue {
  enum class Order { after, before, simultaneous } order = Order::after;
  bool other_follows = false;  // "after X": X; else the event told before
};

constexpr const char* kGap = "...";
constexpr uint32_t kMaxGap = 4;

// What a word is to the cue search.
enum WordFlag : uint8_t {
  kClauseBreak = 1,    // "," "." ";": a gap stops there; a clause-start cue may follow
  kConjunction = 2,    // "and" "but" (en/relations/conjunctions.tsv): a clause-start cue may follow
  kCommaOrPeriod = 4,  // ends the search for a cue's events
  kClauseOpener = 8,   // "that", "which" ... (en/events/cues.tsv): ends it too
  kAnaphor = 16,       // "this" (en/relations/anaphors.tsv)
  kComma = 32,         // ends the clause a main verb is looked for after
  kReaction = 64,      // lemmas of en/relations/reactions.tsv: "criticize"
  kRequest = 128,      // lemmas of en/relations/requests.tsv: "request", "ask"
};

unsigned char lowered(char c) {
  auto u = static_cast<unsigned char>(c);
  return u + (unsigned(u - 'A') < 26u ? 32 : 0);
}

bool is_ascii(std::string_view text) {
  unsigned char high = 0;
  for (unsigned char c : text) high |= c;
  return high < 0x80;
}

// The words the cue tables name, case-folded and numbered from 1. Each token
// of a document is read as its number once, so that matching cues compares
// numbers. Most tokens are none of these words: a look-up goes by length
// and first byte to the few words of that shape, with no hashing.
class Vocabulary {
 public:
  WordId add(std::string_view folded) {
    if (folded == kGap) return kGapWord;
    for (WordId id = 1; id <= words_.size(); ++id)
      if (words_[id - 1] == folded) return id;
    words_.emplace_back(folded);
    flags_.push_back(0);
    return WordId(words_.size());
  }
  void flag(WordId id, uint8_t flags) { flags_[id] |= flags; }
  bool is(WordId id, uint8_t flags) const { return flags_[id] & flags; }
  size_t size() const { return words_.size(); }

  // Indexes the words by shape; call after the last add.
  void finish() {
    bucket_start_.assign(kBuckets + 1, 0);
    for (const auto& word : words_) ++bucket_start_[bucket(word.size(), word[0]) + 1];
    for (size_t b = 0; b < kBuckets; ++b) bucket_start_[b + 1] += bucket_start_[b];
    bucket_words_.resize(words_.size());
    std::vector<uint32_t> filled(bucket_start_.begin(), bucket_start_.end() - 1);
    for (WordId id = 1; id <= words_.size(); ++id)
      bucket_words_[filled[bucket(words_[id - 1].size(), words_[id - 1][0])]++] = id;
  }

  // The number of a token's word: ASCII letters match in any case, other
  // text is case-folded (into scratch) first.
  WordId find(std::string_view word, std::string& scratch) const {
    if (!is_ascii(word)) {
      fold_case(word, scratch);
      word = scratch;
    }
    if (word.empty()) return kNoWord;
    size_t b = bucket(word.size(), char(lowered(word[0])));
    for (uint32_t k = bucket_start_[b]; k < bucket_start_[b + 1]; ++k)
      if (same_lowered(word, words_[bucket_words_[k] - 1])) return bucket_words_[k];
    return kNoWord;
  }

  // The number of a word written exactly as the vocabulary has it (a lemma).
  WordId find_exact(std::string_view word) const {
    if (word.empty()) return kNoWord;
    size_t b = bucket(word.size(), word[0]);
    for (uint32_t k = bucket_start_[b]; k < bucket_start_[b + 1]; ++k)
      if (words_[bucket_words_[k] - 1] == word) return bucket_words_[k];
    return kNoWord;
  }

 private:
  static constexpr size_t kBuckets = 4096;
  static size_t bucket(size_t length, char first) {
    return ((length << 8) | static_cast<unsigned char>(first)) % kBuckets;
  }
  static bool same_lowered(std::string_view word, std::string_view folded) {
    if (word.size() != folded.size()) return false;
    for (size_t i = 0; i < word.size(); ++i)
      if (lowered(word[i]) != static_cast<unsigned char>(folded[i])) return false;
    return true;
  }

  std::vector<std::string> words_;  // by number - 1
  std::vector<uint8_t> flags_{0};   // by number
  std::vector<uint32_t> bucket_start_;
  std::vector<WordId> bucket_words_;
};

// Cues, longest first (so "because of" wins over "because"), and by their
// first word: most tokens begin none, and are passed over at once.
struct CueTable {
  std::vector<CausalCue> cues;
  std::vector<std::vector<uint32_t>> by_first_word;  // per word number, its cues in order

  void index(const Vocabulary& vocabulary) {
    by_first_word.assign(vocabulary.size() + 1, {});
    for (uint32_t c = 0; c < cues.size(); ++c) by_first_word[cues[c].words.front()].push_back(c);
  }
  std::span<const uint32_t> starting_with(WordId word) const { return by_first_word[word]; }
};

}  // namespace

struct RelationFinder::Cues {
  Vocabulary vocabulary;
  CueTable causal;
  CueTable temporal_words;
  std::vector<TemporalCue> temporal;  // the same order as temporal_words
};

namespace {

std::vector<WordId> split_words(std::string_view text, Vocabulary& vocabulary) {
  std::vector<WordId> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(vocabulary.add(fold_case(text.substr(start, end - start))));
    start = end + 1;
  }
  return words;
}

// A document as the cue search reads it: its tokens as word numbers, and
// its events by sentence and by token.
struct Reading {
  std::vector<WordId> words;       // per token
  std::vector<uint32_t> by_sentence;   // event indices, sentence by sentence, ascending
  std::vector<uint32_t> sentence_start;  // per sentence, its first in by_sentence; then the end
  // Per token, the last event (verb event) of its sentence there; -1 if none
  // (sentences share no tokens).
  std::vector<int32_t> event_at, verb_at;

  Reading(const Document& doc, const Segmentation& seg, const std::vector<EventMention>& events,
          const Vocabulary& vocabulary) {
    std::string scratch;
    words.resize(seg.tokens.size());
    for (size_t t = 0; t < seg.tokens.size(); ++t) words[t] = vocabulary.find(doc.slice(seg.tokens[t].span), scratch);
    sentence_start.assign(seg.sentences.size() + 1, 0);
    for (const auto& e : events)
      if (e.sentence < seg.sentences.size()) ++sentence_start[e.sentence + 1];
    for (size_t s = 0; s < seg.sentences.size(); ++s) sentence_start[s + 1] += sentence_start[s];
    by_sentence.resize(sentence_start.back());
    std::vector<uint32_t> filled(sentence_start.begin(), sentence_start.end() - 1);
    event_at.assign(seg.tokens.size(), -1);
    verb_at.assign(seg.tokens.size(), -1);
    for (uint32_t e = 0; e < events.size(); ++e) {
      if (events[e].sentence >= seg.sentences.size()) continue;
      by_sentence[filled[events[e].sentence]++] = e;
      const Sentence& sentence = seg.sentences[events[e].sentence];
      if (events[e].token < sentence.first_token || events[e].token >= sentence.end_token) continue;
      event_at[events[e].token] = int32_t(e);
      if (!events[e].noun) verb_at[events[e].token] = int32_t(e);
    }
  }

  std::span<const uint32_t> events_in(uint32_t sentence) const {
    return std::span(by_sentence).subspan(sentence_start[sentence], sentence_start[sentence + 1] - sentence_start[sentence]);
  }
};

struct Match {
  size_t first, end;  // token range of the cue within the document
  bool cause_after;
  size_t cue;         // which cue
};

// Where the cue's words match from token i of `words` (a gap matching up
// to kMaxGap words that do not end the clause); 0 if they do not.
size_t match_length(std::span<const WordId> words, size_t i, const CausalCue& cue, const Vocabulary& vocabulary) {
  size_t at = i;
  for (size_t w = 0; w < cue.words.size(); ++w) {
    if (cue.words[w] == kGapWord && w + 1 < cue.words.size()) {
      WordId next = cue.words[++w];
      size_t gap = 0;
      while (at < words.size() && words[at] != next && gap < kMaxGap && !vocabulary.is(words[at], kClauseBreak))
        ++at, ++gap;
      if (gap == 0 || at >= words.size() || words[at] != next) return 0;
      ++at;
      continue;
    }
    if (at >= words.size() || words[at] != cue.words[w]) return 0;
    ++at;
  }
  return at - i;
}

// The optional position field of a cue table: "clause-start" or "sentence-start".
std::optional<CausalCue::Position> position_of(const TsvRow& row, size_t field) {
  if (row.fields.size() <= field) return CausalCue::Position::anywhere;
  if (row.fields[field] == "clause-start") return CausalCue::Position::clause_start;
  if (row.fields[field] == "sentence-start") return CausalCue::Position::sentence_start;
  return std::nullopt;
}

bool opens_clause(std::span<const WordId> words, size_t i, const Vocabulary& vocabulary) {
  return i == 0 || vocabulary.is(words[i - 1], kClauseBreak | kConjunction);
}

std::vector<Match> find_cues(const Reading& reading, const Sentence& sentence, const CueTable& table,
                             const Vocabulary& vocabulary) {
  std::vector<Match> matches;
  const auto words =
      std::span(reading.words).subspan(sentence.first_token, sentence.end_token - sentence.first_token);
  for (size_t i = 0; i < words.size(); ++i) {
    for (uint32_t c : table.starting_with(words[i])) {
      const CausalCue& cue = table.cues[c];
      if (cue.position == CausalCue::Position::clause_start && !opens_clause(words, i, vocabulary)) continue;
      if (cue.position == CausalCue::Position::sentence_start && i != 0) continue;
      size_t length = match_length(words, i, cue, vocabulary);
      if (length == 0) continue;
      matches.push_back({sentence.first_token + i, sentence.first_token + i + length, cue.cause_after, c});
      i += length - 1;
      break;
    }
  }
  return matches;
}

// A cause or effect is named close to its cue, in the same clause.
constexpr uint32_t kCueWindow = 6;

// The nearest event within the window on one side of the cue, not across a
// clause boundary; -1 if none. Nouns count only where allowed.
int32_t nearest_event(const Reading& reading, const Vocabulary& vocabulary, uint32_t cue_first, uint32_t cue_end,
                      const Sentence& sentence, bool forwards, bool verbs_only) {
  const auto& at = verbs_only ? reading.verb_at : reading.event_at;
  for (uint32_t step = 0; step < kCueWindow; ++step) {
    int64_t t = forwards ? int64_t(cue_end) + step : int64_t(cue_first) - 1 - step;
    if (t < sentence.first_token || t >= sentence.end_token) break;
    if (at[t] >= 0) return at[t];
    if (vocabulary.is(reading.words[t], kCommaOrPeriod | kClauseOpener) && !(forwards && step == 0)) break;
  }
  return -1;
}

// The first verb event of the clause after the next comma.
int32_t main_verb_after(const Reading& reading, const Vocabulary& vocabulary, uint32_t from,
                        const Sentence& sentence) {
  for (uint32_t t = from; t < sentence.end_token && t < from + 2 * kCueWindow; ++t)
    if (vocabulary.is(reading.words[t], kComma)) return nearest_event(reading, vocabulary, t + 1, t + 1, sentence, true, true);
  return -1;
}

int32_t nearest_noun_event(const std::vector<EventMention>& events, std::span<const uint32_t> in_sentence,
                           uint32_t from, uint32_t to) {
  for (uint32_t e : in_sentence)
    if (events[e].noun && events[e].token >= from && events[e].token < to) return int32_t(e);
  return -1;
}

// A verb event among the cue's own words ("triggered" in "triggered by").
int32_t verb_in_cue(const std::vector<EventMention>& events, std::span<const uint32_t> in_sentence, uint32_t from,
                    uint32_t to) {
  for (uint32_t e : in_sentence)
    if (!events[e].noun && events[e].token >= from && events[e].token < to) return int32_t(e);
  return -1;
}

// The last verb event of a sentence; a participle without an auxiliary
// (", referring to ...") is an adjunct, not what the sentence tells, unless
// there is nothing else.
int32_t last_event_of_sentence(const std::vector<EventMention>& events, std::span<const uint32_t> in_sentence) {
  int32_t best = -1, participle = -1;
  for (uint32_t e : in_sentence)
    if (!events[e].noun) (events[e].tense == "PRESPART" ? participle : best) = int32_t(e);
  return best >= 0 ? best : participle;
}

}  // namespace

namespace {

// en/relations/temporal_cues.tsv, longest cue first.
Status load_temporal_cues(const Resources& resources, Vocabulary& vocabulary, std::vector<CausalCue>& words,
                          std::vector<TemporalCue>& temporal) {
  auto table = resources.table("en/relations/temporal_cues.tsv", 3);
  if (!table) return table.error();
  std::vector<std::pair<CausalCue, TemporalCue>> rows;
  for (const auto& row : table->rows) {
    TemporalCue cue;
    if (row.fields[1] == "after") cue.order = TemporalCue::Order::after;
    else if (row.fields[1] == "before") cue.order = TemporalCue::Order::before;
    else if (row.fields[1] == "simultaneous") cue.order = TemporalCue::Order::simultaneous;
    else return Error{ErrorCode::bad_data, table->where(row), "order must be after, before or simultaneous"};
    if (row.fields[2] != "previous" && row.fields[2] != "following")
      return Error{ErrorCode::bad_data, table->where(row), "the other event must be \"previous\" or \"following\""};
    cue.other_follows = row.fields[2] == "following";
    auto position = position_of(row, 3);
    if (!position)
      return Error{ErrorCode::bad_data, table->where(row),
                   "the fourth field, if any, must be \"clause-start\" or \"sentence-start\""};
    auto split = split_words(row.fields[0], vocabulary);
    if (split.empty() || std::find(split.begin(), split.end(), kGapWord) != split.end())
      return Error{ErrorCode::bad_data, table->where(row), "a temporal cue is plain words"};
    rows.push_back({CausalCue{std::move(split), false, *position}, cue});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first.words.size() > b.first.words.size(); });
  for (auto& [w, t] : rows) words.push_back(std::move(w)), temporal.push_back(t);
  return ok_status();
}

Status add_causal_cues(const Resources& resources, const std::string& name, Vocabulary& vocabulary,
                       std::vector<CausalCue>& cues) {
  auto table = resources.table(name, 2);
  if (!table) return table.error();
  for (const auto& row : table->rows) {
    if (row.fields[1] != "after" && row.fields[1] != "before")
      return Error{ErrorCode::bad_data, table->where(row), "cause side must be \"after\" or \"before\""};
    auto position = position_of(row, 2);
    if (!position)
      return Error{ErrorCode::bad_data, table->where(row),
                   "the third field, if any, must be \"clause-start\" or \"sentence-start\""};
    auto words = split_words(row.fields[0], vocabulary);
    if (words.empty() || words.front() == kGapWord || words.back() == kGapWord)
      return Error{ErrorCode::bad_data, table->where(row), "a cue cannot begin or end with \"...\""};
    cues.push_back({std::move(words), row.fields[1] == "after", *position});
  }
  return ok_status();
}

}  // namespace

RelationFinder::RelationFinder(std::unique_ptr<Cues> cues) : cues_(std::move(cues)) {}
RelationFinder::RelationFinder(RelationFinder&&) noexcept = default;
RelationFinder& RelationFinder::operator=(RelationFinder&&) noexcept = default;
RelationFinder::~RelationFinder() = default;

Result<RelationFinder> RelationFinder::create(const Resources& resources) {
  auto cues = std::make_unique<Cues>();
  Vocabulary& vocabulary = cues->vocabulary;
  // Russian cues too, for the Russian sentences English articles quote.
  for (const char* name : {"en/relations/causal_cues.tsv", "ru/relations/causal_cues.tsv"})
    if (auto status = add_causal_cues(resources, name, vocabulary, cues->causal.cues); !status) return status.error();
  const std::pair<const char*, WordFlag> word_lists[] = {{"en/relations/reactions.tsv", kReaction},
                                                         {"en/relations/anaphors.tsv", kAnaphor},
                                                         {"en/relations/requests.tsv", kRequest},
                                                         {"en/relations/conjunctions.tsv", kConjunction}};
  for (auto [name, flag] : word_lists) {
    auto words = resources.table(name, 1);
    if (!words) return words.error();
    for (const auto& row : words->rows) vocabulary.flag(vocabulary.add(fold_case(row.fields[0])), flag);
  }
  auto clauses = resources.table("en/events/cues.tsv", 3);
  if (!clauses) return clauses.error();
  for (const auto& row : clauses->rows)
    if (row.fields[1] == "clause") vocabulary.flag(vocabulary.add(fold_case(row.fields[0])), kClauseOpener);
  std::stable_sort(cues->causal.cues.begin(), cues->causal.cues.end(),
                   [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
  if (auto status = load_temporal_cues(resources, vocabulary, cues->temporal_words.cues, cues->temporal); !status)
    return status.error();
  for (const char* word : {",", ".", ";"}) vocabulary.flag(vocabulary.add(word), kClauseBreak);
  for (const char* word : {",", "."}) vocabulary.flag(vocabulary.add(word), kCommaOrPeriod);
  vocabulary.flag(vocabulary.add(","), kComma);
  vocabulary.finish();
  cues->causal.index(vocabulary);
  cues->temporal_words.index(vocabulary);
  return RelationFinder(std::move(cues));
}

namespace {

int32_t actor_of(const ActorTagging& actors, const Participant& p) {
  return p.mention >= 0 && size_t(p.mention) < actors.mentions.size() ? actors.mentions[p.mention].actor : -1;
}

bool has_agent(const ActorTagging& actors, const EventMention& e, int32_t actor) {
  for (const auto& p : e.participants)
    if (p.role == "agent" && actor_of(actors, p) == actor) return true;
  return false;
}

bool is_alias(const std::vector<RelationMention>& relations, int32_t event) {
  return std::any_of(relations.begin(), relations.end(),
                     [&](const RelationMention& r) { return r.type == "coreferent" && r.target == event; });
}

// "Turchak criticized Zatulin's position": the last thing that person was
// reported to say or do before it caused it; of one sentence, its finite
// verb rather than a participle that elaborates it ("he declared that ...,
// referring to ...": the declaration).
bool non_finite(const EventMention& e) {
  return e.tense == "PRESPART" || e.tense == "PASTPART" || e.tense == "INFINITIVE";
}

void add_reactions(const std::vector<EventMention>& events, const ActorTagging& actors, const Vocabulary& vocabulary,
                   std::vector<RelationMention>& out) {
  for (size_t e = 0; e < events.size(); ++e) {
    const auto& reaction = events[e];
    if (reaction.noun || !vocabulary.is(vocabulary.find_exact(reaction.lemma), kReaction)) continue;
    for (const auto& p : reaction.participants) {
      int32_t target = actor_of(actors, p);
      if (p.role == "agent" || target < 0 || actors.mentions[p.mention].span.start < reaction.trigger.end) continue;
      auto kind = actors.actors[target].kind;
      if (kind != ActorKind::person && kind != ActorKind::other) break;  // a person's words, not a state's
      int32_t cause = -1, participle = -1;
      for (size_t c = e; c-- > 0;) {
        if (participle >= 0 && events[c].sentence != events[size_t(participle)].sentence) break;
        if (events[c].noun || !has_agent(actors, events[c], target) || is_alias(out, int32_t(c))) continue;
        if (!non_finite(events[c])) {
          cause = int32_t(c);
          break;
        }
        if (participle < 0) participle = int32_t(c);
      }
      if (cause < 0) cause = participle;
      if (cause >= 0) out.push_back({cause, int32_t(e), "causes", reaction.trigger});
      break;
    }
  }
}

bool involves(const ActorTagging& actors, const EventMention& e, int32_t actor) {
  for (const auto& p : e.participants)
    if ((p.role == "agent" || p.role == "patient") && actor_of(actors, p) == actor) return true;
  return false;
}

// A request answered: "X requested help from Y ... Y's forces were sent".
constexpr uint32_t kAnswerWindowSentences = 3;

void add_answered_requests(const std::vector<EventMention>& events, const ActorTagging& actors,
                           const Vocabulary& vocabulary, std::vector<RelationMention>& out) {
  for (size_t e = 0; e < events.size(); ++e) {
    const auto& request = events[e];
    if (request.noun || request.negated || request.modality != Modality::actual ||
        !vocabulary.is(vocabulary.find_exact(request.lemma), kRequest))
      continue;
    for (const auto& p : request.participants) {
      int32_t asked = actor_of(actors, p);
      if (p.role != "recipient" || asked < 0) continue;
      for (size_t a = e + 1; a < events.size() && events[a].sentence <= request.sentence + kAnswerWindowSentences; ++a) {
        const auto& answer = events[a];
        if (answer.sentence == request.sentence || answer.noun || answer.negated ||
            answer.event_class == EventClass::aspectual || answer.event_class == EventClass::reporting)
          continue;
        if (!involves(actors, answer, asked)) continue;
        out.push_back({int32_t(e), int32_t(a), "causes", request.trigger});
        break;
      }
      break;
    }
  }
}

// The verb event told just before `event` in its sentence, reports aside
// ("Putin said that the troops later left": the leaving is not placed
// after the saying); -1 if none.
int32_t told_before(const std::vector<EventMention>& events, std::span<const uint32_t> in_sentence, int32_t event) {
  int32_t best = -1;
  for (uint32_t e : in_sentence)
    if (!events[e].noun && events[e].token < events[event].token && events[e].event_class != EventClass::reporting)
      best = int32_t(e);
  return best;
}

// Temporal links the text states ("later", "the next day", "after the
// talks"): the cue's event and the other one, as `before` (the earlier one
// first) or `simultaneous`, with the cue as evidence.
void add_temporal_links(const Segmentation& seg, const Reading& reading, const Vocabulary& vocabulary,
                        const std::vector<EventMention>& events, const CueTable& words,
                        const std::vector<TemporalCue>& temporal, std::vector<RelationMention>& out) {
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& sentence = seg.sentences[si];
    const auto in_sentence = reading.events_in(si);
    for (const Match& m : find_cues(reading, sentence, words, vocabulary)) {
      const TemporalCue& cue = temporal[m.cue];
      auto near = [&](bool forwards, bool verbs_only) {
        return nearest_event(reading, vocabulary, uint32_t(m.first), uint32_t(m.end), sentence, forwards, verbs_only);
      };
      int32_t self = -1, other = -1;
      if (cue.other_follows) {
        other = near(true, false);
        self = near(false, true);
        if (self < 0 && other >= 0)  // "After the talks, the troops left"
          self = main_verb_after(reading, vocabulary, events[other].token + 1, sentence);
      } else {
        self = near(true, true);
        if (self < 0) self = near(false, true);  // "arrived two days later"
        if (self >= 0) other = told_before(events, in_sentence, self);
        if (self >= 0 && other < 0 && si > 0) other = last_event_of_sentence(events, reading.events_in(si - 1));
      }
      if (self < 0 || other < 0 || self == other) continue;
      Span span{seg.tokens[m.first].span.start, seg.tokens[m.end - 1].span.end};
      switch (cue.order) {
        case TemporalCue::Order::after: out.push_back({other, self, "before", span}); break;
        case TemporalCue::Order::before: out.push_back({self, other, "before", span}); break;
        case TemporalCue::Order::simultaneous: out.push_back({other, self, "simultaneous", span}); break;
      }
    }
  }
}

}  // namespace

std::vector<RelationMention> RelationFinder::find(const Document& doc, const Segmentation& seg,
                                                  const std::vector<EventMention>& events,
                                                  const ActorTagging& actors) const {
  std::vector<RelationMention> relations;
  const Vocabulary& vocabulary = cues_->vocabulary;
  const Reading reading(doc, seg, events, vocabulary);
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& sentence = seg.sentences[si];
    const auto in_sentence = reading.events_in(si);
    for (const Match& cue : find_cues(reading, sentence, cues_->causal, vocabulary)) {
      auto near = [&](uint32_t first, uint32_t end, bool forwards, bool verbs_only) {
        return nearest_event(reading, vocabulary, first, end, sentence, forwards, verbs_only);
      };
      // "at the request of Y, X did": the cue names the cause; the effect is
      // the verb on either side.
      int32_t inside = nearest_noun_event(events, in_sentence, cue.first, cue.end);
      int32_t before = near(cue.first, cue.end, false, inside >= 0);
      int32_t after = inside >= 0 ? inside : near(cue.first, cue.end, true, false);
      // "The offer was triggered by the sale": the cue's own verb is the effect.
      if (int32_t own = verb_in_cue(events, in_sentence, cue.first, cue.end); own >= 0 && cue.cause_after && inside < 0)
        before = own;
      if (before < 0 && cue.cause_after && after >= 0)  // "In response to X, Y did": Y is the main clause
        before = main_verb_after(reading, vocabulary, uint32_t(std::max<size_t>(cue.end, events[after].token + 1)),
                                 sentence);
      // "So, for Hong Kong, it is time to reposition": a sentence that opens
      // with the cue follows from the sentence before.
      if (!cue.cause_after && cue.first == sentence.first_token && si > 0)
        before = last_event_of_sentence(events, reading.events_in(si - 1));
      const bool anaphoric = vocabulary.is(reading.words[sentence.first_token], kAnaphor);
      if (anaphoric && cue.cause_after && si > 0) {
        // "This is how he reacted to ...": "this" is the event just told, and
        // "reacted" is another name for it.
        int32_t previous = last_event_of_sentence(events, reading.events_in(si - 1));
        int32_t named = near(cue.first, cue.first, true, true);
        if (previous >= 0 && named >= 0 && named != previous) relations.push_back({previous, named, "coreferent", Span{}});
        if (previous >= 0) before = previous;
      }
      if (before < 0 || after < 0 || before == after) continue;
      int32_t cause = cue.cause_after ? after : before;
      int32_t effect = cue.cause_after ? before : after;
      Span span{seg.tokens[cue.first].span.start, seg.tokens[cue.end - 1].span.end};
      relations.push_back({cause, effect, "causes", span});
    }
  }
  add_reactions(events, actors, vocabulary, relations);
  add_answered_requests(events, actors, vocabulary, relations);
  add_temporal_links(seg, reading, vocabulary, events, cues_->temporal_words, cues_->temporal, relations);
  return relations;
}

}  // namespace annals
