#include <algorithm>
#include <optional>
#include <span>
#include <unordered_set>

#include "relations/relation.h"
#include "util/resources.h"

namespace annals {

namespace {

// A cue's words; "..." stands for a gap of a few words within the clause
// ("forced ... to": "forced the government to").
struct CausalCue {
  std::vector<std::string> words;
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

}  // namespace

struct RelationFinder::Cues {
  std::vector<CausalCue> cues;  // longest first, so "because of" wins over "because"
  std::vector<CausalCue> temporal_words;   // longest first, as cues
  std::vector<TemporalCue> temporal;       // the same order as temporal_words
  std::unordered_set<std::string> causal_starts, temporal_starts;  // first words of each kind
  std::unordered_set<std::string> clause_openers;  // "that", "which", ";" ...
  std::unordered_set<std::string> reactions;       // lemmas: "criticize"
  std::unordered_set<std::string> anaphors;        // "this", "that"
  std::unordered_set<std::string> requests;        // lemmas: "request", "ask"
};

namespace {

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(fold_case(text.substr(start, end - start)));
    start = end + 1;
  }
  return words;
}

struct Match {
  size_t first, end;  // token range of the cue within the document
  bool cause_after;
  size_t cue;         // which cue
};

bool is_clause_break(const std::string& folded) { return folded == "," || folded == "." || folded == ";"; }

// Where the cue's words match from token i of `folded` (a gap matching up
// to kMaxGap words that do not end the clause); 0 if they do not.
size_t match_length(std::span<const std::string> folded, size_t i, const CausalCue& cue) {
  size_t at = i;
  for (size_t w = 0; w < cue.words.size(); ++w) {
    if (cue.words[w] == kGap && w + 1 < cue.words.size()) {
      const std::string& next = cue.words[++w];
      size_t gap = 0;
      while (at < folded.size() && folded[at] != next && gap < kMaxGap && !is_clause_break(folded[at])) ++at, ++gap;
      if (gap == 0 || at >= folded.size() || folded[at] != next) return 0;
      ++at;
      continue;
    }
    if (at >= folded.size() || folded[at] != cue.words[w]) return 0;
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

bool opens_clause(std::span<const std::string> folded, size_t i) {
  return i == 0 || is_clause_break(folded[i - 1]) || folded[i - 1] == "and" || folded[i - 1] == "but";
}

// The words cues begin with: most tokens begin none, and are passed over
// without comparing them with every cue.
std::unordered_set<std::string> first_words(const std::vector<CausalCue>& cues) {
  std::unordered_set<std::string> words;
  for (const auto& cue : cues) words.insert(cue.words.front());
  return words;
}

// words: the document's tokens, case-folded once for every cue table.
std::vector<Match> find_cues(const std::vector<std::string>& words, const Sentence& sentence,
                             const std::vector<CausalCue>& cues, const std::unordered_set<std::string>& starts) {
  std::vector<Match> matches;
  const auto folded = std::span(words).subspan(sentence.first_token, sentence.end_token - sentence.first_token);
  for (size_t i = 0; i < folded.size(); ++i) {
    if (!starts.count(folded[i])) continue;
    for (const auto& cue : cues) {
      if (cue.position == CausalCue::Position::clause_start && !opens_clause(folded, i)) continue;
      if (cue.position == CausalCue::Position::sentence_start && i != 0) continue;
      size_t length = match_length(folded, i, cue);
      if (length == 0) continue;
      matches.push_back({sentence.first_token + i, sentence.first_token + i + length, cue.cause_after,
                         size_t(&cue - cues.data())});
      i += length - 1;
      break;
    }
  }
  return matches;
}

// A cause or effect is named close to its cue, in the same clause.
constexpr uint32_t kCueWindow = 6;

bool breaks_clause(const std::vector<std::string>& folded, uint32_t token,
                   const std::unordered_set<std::string>& openers) {
  const std::string& word = folded[token];
  return word == "," || word == "." || openers.count(word) > 0;
}

// The nearest event within the window on one side of the cue, not across a
// clause boundary; -1 if none. Nouns count only where allowed.
int32_t nearest_event(const std::vector<std::string>& folded, const std::vector<EventMention>& events,
                      const std::vector<uint32_t>& in_sentence, uint32_t cue_first, uint32_t cue_end,
                      const Sentence& sentence, bool forwards, bool verbs_only,
                      const std::unordered_set<std::string>& openers) {
  std::vector<int32_t> at(sentence.end_token - sentence.first_token, -1);
  for (uint32_t e : in_sentence)
    if (events[e].token >= sentence.first_token && events[e].token < sentence.end_token &&
        !(verbs_only && events[e].noun))
      at[events[e].token - sentence.first_token] = int32_t(e);
  for (uint32_t step = 0; step < kCueWindow; ++step) {
    int64_t t = forwards ? int64_t(cue_end) + step : int64_t(cue_first) - 1 - step;
    if (t < sentence.first_token || t >= sentence.end_token) break;
    if (at[t - sentence.first_token] >= 0) return at[t - sentence.first_token];
    if (breaks_clause(folded, uint32_t(t), openers) && !(forwards && step == 0)) break;
  }
  return -1;
}

// The first verb event of the clause after the next comma.
int32_t main_verb_after(const std::vector<std::string>& folded, const std::vector<EventMention>& events,
                        const std::vector<uint32_t>& in_sentence, uint32_t from, const Sentence& sentence, const std::unordered_set<std::string>& openers) {
  for (uint32_t t = from; t < sentence.end_token && t < from + 2 * kCueWindow; ++t)
    if (folded[t] == ",")
      return nearest_event(folded, events, in_sentence, t + 1, t + 1, sentence, true, true, openers);
  return -1;
}

int32_t nearest_noun_event(const std::vector<EventMention>& events, const std::vector<uint32_t>& in_sentence,
                           uint32_t from, uint32_t to) {
  for (uint32_t e : in_sentence)
    if (events[e].noun && events[e].token >= from && events[e].token < to) return int32_t(e);
  return -1;
}

// A verb event among the cue's own words ("triggered" in "triggered by").
int32_t verb_in_cue(const std::vector<EventMention>& events, const std::vector<uint32_t>& in_sentence, uint32_t from,
                    uint32_t to) {
  for (uint32_t e : in_sentence)
    if (!events[e].noun && events[e].token >= from && events[e].token < to) return int32_t(e);
  return -1;
}

// The last verb event of a sentence; a participle without an auxiliary
// (", referring to ...") is an adjunct, not what the sentence tells, unless
// there is nothing else.
int32_t last_event_of_sentence(const std::vector<EventMention>& events, const std::vector<uint32_t>& in_sentence) {
  int32_t best = -1, participle = -1;
  for (uint32_t e : in_sentence)
    if (!events[e].noun) (events[e].tense == "PRESPART" ? participle : best) = int32_t(e);
  return best >= 0 ? best : participle;
}

}  // namespace

namespace {

// en/relations/temporal_cues.tsv, longest cue first.
Status load_temporal_cues(const Resources& resources, std::vector<CausalCue>& words,
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
    auto split = split_words(row.fields[0]);
    if (split.empty() || std::find(split.begin(), split.end(), kGap) != split.end())
      return Error{ErrorCode::bad_data, table->where(row), "a temporal cue is plain words"};
    rows.push_back({CausalCue{std::move(split), false, *position}, cue});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first.words.size() > b.first.words.size(); });
  for (auto& [w, t] : rows) words.push_back(std::move(w)), temporal.push_back(t);
  return ok_status();
}

Status add_causal_cues(const Resources& resources, const std::string& name, std::vector<CausalCue>& cues) {
  auto table = resources.table(name, 2);
  if (!table) return table.error();
  for (const auto& row : table->rows) {
    if (row.fields[1] != "after" && row.fields[1] != "before")
      return Error{ErrorCode::bad_data, table->where(row), "cause side must be \"after\" or \"before\""};
    auto position = position_of(row, 2);
    if (!position)
      return Error{ErrorCode::bad_data, table->where(row),
                   "the third field, if any, must be \"clause-start\" or \"sentence-start\""};
    auto words = split_words(row.fields[0]);
    if (words.empty() || words.front() == kGap || words.back() == kGap)
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
  // Russian cues too, for the Russian sentences English articles quote.
  for (const char* name : {"en/relations/causal_cues.tsv", "ru/relations/causal_cues.tsv"})
    if (auto status = add_causal_cues(resources, name, cues->cues); !status) return status.error();
  const std::pair<const char*, std::unordered_set<std::string>*> word_lists[] = {
      {"en/relations/reactions.tsv", &cues->reactions},
      {"en/relations/anaphors.tsv", &cues->anaphors},
      {"en/relations/requests.tsv", &cues->requests}};
  for (auto [name, set] : word_lists) {
    auto words = resources.table(name, 1);
    if (!words) return words.error();
    for (const auto& row : words->rows) set->insert(fold_case(row.fields[0]));
  }
  auto clauses = resources.table("en/events/cues.tsv", 3);
  if (!clauses) return clauses.error();
  for (const auto& row : clauses->rows)
    if (row.fields[1] == "clause") cues->clause_openers.insert(fold_case(row.fields[0]));
  std::stable_sort(cues->cues.begin(), cues->cues.end(),
                   [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
  if (auto status = load_temporal_cues(resources, cues->temporal_words, cues->temporal); !status)
    return status.error();
  cues->causal_starts = first_words(cues->cues);
  cues->temporal_starts = first_words(cues->temporal_words);
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

void add_reactions(const std::vector<EventMention>& events, const ActorTagging& actors,
                   const std::unordered_set<std::string>& reactions, std::vector<RelationMention>& out) {
  for (size_t e = 0; e < events.size(); ++e) {
    const auto& reaction = events[e];
    if (reaction.noun || !reactions.count(reaction.lemma)) continue;
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
                           const std::unordered_set<std::string>& requests, std::vector<RelationMention>& out) {
  for (size_t e = 0; e < events.size(); ++e) {
    const auto& request = events[e];
    if (request.noun || request.negated || request.modality != Modality::actual || !requests.count(request.lemma))
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
int32_t told_before(const std::vector<EventMention>& events, const std::vector<uint32_t>& in_sentence, int32_t event) {
  int32_t best = -1;
  for (uint32_t e : in_sentence)
    if (!events[e].noun && events[e].token < events[event].token && events[e].event_class != EventClass::reporting)
      best = int32_t(e);
  return best;
}

// Temporal links the text states ("later", "the next day", "after the
// talks"): the cue's event and the other one, as `before` (the earlier one
// first) or `simultaneous`, with the cue as evidence.
void add_temporal_links(const Segmentation& seg, const std::vector<std::string>& folded,
                        const std::vector<EventMention>& events, const std::vector<std::vector<uint32_t>>& events_in, const std::vector<CausalCue>& words,
                        const std::vector<TemporalCue>& temporal, const std::unordered_set<std::string>& starts,
                        const std::unordered_set<std::string>& openers,
                        std::vector<RelationMention>& out) {
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& sentence = seg.sentences[si];
    const auto& in_sentence = events_in[si];
    for (const Match& m : find_cues(folded, sentence, words, starts)) {
      const TemporalCue& cue = temporal[m.cue];
      auto near = [&](bool forwards, bool verbs_only) {
        return nearest_event(folded, events, in_sentence, uint32_t(m.first), uint32_t(m.end), sentence, forwards,
                             verbs_only, openers);
      };
      int32_t self = -1, other = -1;
      if (cue.other_follows) {
        other = near(true, false);
        self = near(false, true);
        if (self < 0 && other >= 0)  // "After the talks, the troops left"
          self = main_verb_after(folded, events, in_sentence, events[other].token + 1, sentence, openers);
      } else {
        self = near(true, true);
        if (self < 0) self = near(false, true);  // "arrived two days later"
        if (self >= 0) other = told_before(events, in_sentence, self);
        if (self >= 0 && other < 0 && si > 0) other = last_event_of_sentence(events, events_in[si - 1]);
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
  // Each sentence's events, so that a cue looks only at its own sentence's.
  std::vector<std::vector<uint32_t>> events_in(seg.sentences.size());
  for (size_t e = 0; e < events.size(); ++e)
    if (events[e].sentence < events_in.size()) events_in[events[e].sentence].push_back(uint32_t(e));
  std::vector<std::string> folded(seg.tokens.size());
  for (size_t t = 0; t < seg.tokens.size(); ++t) fold_case(doc.slice(seg.tokens[t].span), folded[t]);
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& sentence = seg.sentences[si];
    const auto& in_sentence = events_in[si];
    for (const Match& cue : find_cues(folded, sentence, cues_->cues, cues_->causal_starts)) {
      // "at the request of Y, X did": the cue names the cause; the effect is
      // the verb on either side.
      int32_t inside = nearest_noun_event(events, in_sentence, cue.first, cue.end);
      const auto& openers = cues_->clause_openers;
      int32_t before = nearest_event(folded, events, in_sentence, cue.first, cue.end, sentence, false, inside >= 0, openers);
      int32_t after = inside >= 0 ? inside
                                  : nearest_event(folded, events, in_sentence, cue.first, cue.end, sentence, true, false, openers);
      // "The offer was triggered by the sale": the cue's own verb is the effect.
      if (int32_t own = verb_in_cue(events, in_sentence, cue.first, cue.end); own >= 0 && cue.cause_after && inside < 0)
        before = own;
      if (before < 0 && cue.cause_after && after >= 0)  // "In response to X, Y did": Y is the main clause
        before = main_verb_after(folded, events, in_sentence, uint32_t(std::max<size_t>(cue.end, events[after].token + 1)), sentence, openers);
      // "So, for Hong Kong, it is time to reposition": a sentence that opens
      // with the cue follows from the sentence before.
      if (!cue.cause_after && cue.first == sentence.first_token && si > 0)
        before = last_event_of_sentence(events, events_in[si - 1]);
      const bool anaphoric = cues_->anaphors.count(folded[sentence.first_token]);
      if (anaphoric && cue.cause_after && si > 0) {
        // "This is how he reacted to ...": "this" is the event just told, and
        // "reacted" is another name for it.
        int32_t previous = last_event_of_sentence(events, events_in[si - 1]);
        int32_t named = nearest_event(folded, events, in_sentence, cue.first, cue.first, sentence, true, true, cues_->clause_openers);
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
  add_reactions(events, actors, cues_->reactions, relations);
  add_answered_requests(events, actors, cues_->requests, relations);
  add_temporal_links(seg, folded, events, events_in, cues_->temporal_words, cues_->temporal, cues_->temporal_starts,
                     cues_->clause_openers, relations);
  return relations;
}

}  // namespace annals
