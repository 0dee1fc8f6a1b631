// Event triggers: the trained model (trigger_model.h) says which words are
// events and of which class; the lexicon and the neighbouring function words
// (cues.tsv) say whether a trigger is a verb or a noun, and give its lemma,
// form and multi-word continuation. Without a model file the lexicon alone
// decides, as before.
#include <algorithm>
#include <cctype>
#include <span>

#include "events/event.h"
#include "events/foreign_words.h"
#include "events/lexicon.h"
#include "events/narrative_time.h"
#include "events/trigger_model.h"

namespace annals {

using detail::Cue;
using detail::CueKind;
using detail::EventLexicon;
using detail::VerbEntry;
using detail::VerbForm;

struct EventTagger::Lexicon : EventLexicon {
  detail::TriggerModel model;
  detail::ForeignWords foreign;  // Russian sentences quoted in English articles
};

namespace {

constexpr size_t kAuxiliaryWindow = 6;
constexpr size_t kLabelObjectTokens = 5;
constexpr size_t kLabelSubjectTokens = 8;

// One sentence, its folded words, clauses and the timex covering each token.
struct SentenceView {
  const Document& doc;
  const Segmentation& seg;
  uint32_t index;
  uint32_t first, end;               // token range
  std::vector<std::string> folded;   // per token in range
  std::vector<int32_t> clause;       // clause number per token
  std::vector<bool> coordinated;     // per clause: opened by ", and"
  std::vector<int32_t> timex;        // timex index per token, -1 if none
  std::vector<int32_t> actor;        // actor mention index per token, -1 if none
  std::vector<bool> possessor;       // per token: in an actor mention marked "'s" ("Jobs' death")
  std::vector<const Cue*> cues;      // cues.tsv entry per token, looked up once
  std::vector<const detail::WordFacts*> facts;  // the lexicons' entries per token, looked up once
  std::vector<uint64_t> hashes;      // of each folded word (EventLexicon::facts_hash)

  size_t size() const { return end - first; }
  const Token& token(size_t i) const { return seg.tokens[first + i]; }
  std::string_view text(size_t i) const { return doc.slice(token(i).span); }
  const detail::WordFacts& lexicon(size_t i) const { return *facts[i]; }
};

bool is_adverb(const std::string& word) { return word.size() > 4 && word.ends_with("ly"); }

const Cue* cue_at(const EventLexicon& lex, const SentenceView& s, size_t i) {
  (void)lex;
  return i < s.size() ? s.cues[i] : nullptr;
}

bool cue_is(const EventLexicon& lex, const SentenceView& s, size_t i, CueKind kind) {
  const Cue* cue = cue_at(lex, s, i);
  return cue && cue->kind == kind;
}

void split_clauses(const EventLexicon& lex, SentenceView& s) {
  int32_t current = 0;
  s.coordinated.push_back(false);
  for (size_t i = 0; i < s.size(); ++i) {
    const Cue* cue = cue_at(lex, s, i);
    bool opens = cue && s.timex[i] < 0 &&
                 (cue->kind == CueKind::subordinate ||
                  (cue->kind == CueKind::coordinate && i > 0 && s.text(i - 1) == ","));
    if (opens && i > 0) {
      ++current;
      bool relative = cue->kind == CueKind::subordinate && cue_is(lex, s, i - 1, CueKind::relative);
      s.coordinated.push_back(cue->kind == CueKind::coordinate || relative);
    }
    s.clause.push_back(current);
  }
}

// Indices of the items that lie in each sentence, so that a sentence looks
// only at its own (looking at every item for every sentence is quadratic).
template <typename T>
std::vector<std::vector<uint32_t>> by_sentence(const std::vector<T>& items, size_t sentences) {
  std::vector<std::vector<uint32_t>> out(sentences);
  for (size_t k = 0; k < items.size(); ++k)
    if (items[k].sentence < sentences) out[items[k].sentence].push_back(uint32_t(k));
  return out;
}

constexpr std::string_view kPossessiveMarks[] = {"'s", "\xE2\x80\x99s"};  // "Jobs's", "Apple’s"

// The length of the possessive mark `text` starts with, 0 if none.
size_t possessive_mark(std::string_view text) {
  for (std::string_view mark : kPossessiveMarks)
    if (text.starts_with(mark)) return mark.size();
  return 0;
}

// "Jobs's", "Jobs'", "Apple’s" right after a mention.
bool possessive_after(const Document& doc, uint32_t end) {
  std::string_view after = std::string_view(doc.text).substr(std::min<size_t>(end, doc.text.size()));
  if (possessive_mark(after)) return true;
  for (std::string_view mark : {"'", "\xE2\x80\x99"})
    if (after.starts_with(mark) && (after.size() == mark.size() || !std::isalpha(uint8_t(after[mark.size()]))))
      return true;
  return false;
}

// "Apple Inc. CEO Steve Jobs": the text between an organisation and a
// person is exactly the person's title, so the organisation only says
// whose title it is.
bool names_title_of(const Document& doc, const ActorTagging& actors, const ActorMention& org,
                    const ActorMention& person) {
  if (person.title.empty() || org.span.end > person.span.start) return false;
  if (actors.actors[org.actor].kind == ActorKind::person || actors.actors[person.actor].kind != ActorKind::person)
    return false;
  std::string_view between = doc.slice({org.span.end, person.span.start});
  auto trim = [&] {
    while (!between.empty() && (between.front() == ' ' || between.front() == '.')) between.remove_prefix(1);
    while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
  };
  trim();
  between.remove_prefix(possessive_mark(between));
  trim();
  return between == person.title;
}

// Marks possessors, and folds an organisation that names a person's title
// into that person's mention: for the events around them, "Apple CEO Steve
// Jobs" is Jobs ("said Apple Inc. CEO Steve Jobs", "introduced by Apple CEO
// Steve Jobs").
void mark_actor_phrases(SentenceView& s, const ActorTagging& actors, const std::vector<uint32_t>& mentions) {
  s.possessor.assign(s.size(), false);
  for (size_t i = 0; i < s.size(); ++i)
    s.possessor[i] = s.actor[i] >= 0 && possessive_after(s.doc, actors.mentions[s.actor[i]].span.end);
  for (size_t k = 0; k + 1 < mentions.size(); ++k) {
    const ActorMention& org = actors.mentions[mentions[k]];
    const ActorMention& person = actors.mentions[mentions[k + 1]];
    if (!names_title_of(s.doc, actors, org, person)) continue;
    for (size_t i = 0; i < s.size(); ++i)
      if (s.actor[i] == int32_t(mentions[k])) { s.actor[i] = int32_t(mentions[k + 1]); s.possessor[i] = false; }
  }
}

// Fills s (of the same document, its buffers reused) with sentence `index`.
void view_sentence(SentenceView& s, uint32_t index, const std::vector<Timex>& timexes,
                   const std::vector<uint32_t>& sentence_timexes, const ActorTagging& actors,
                   const std::vector<uint32_t>& sentence_mentions, const EventLexicon& lex,
                   const detail::TriggerModel& model) {
  const Sentence& sentence = s.seg.sentences[index];
  s.index = index;
  s.first = sentence.first_token;
  s.end = sentence.end_token;
  s.folded.resize(s.size());
  s.cues.resize(s.size());
  s.facts.resize(s.size());
  s.hashes.resize(s.size());
  s.clause.clear();
  s.coordinated.clear();
  // All the words' look-ups, the lexicons' and the model's, are started
  // before the first is waited for.
  for (size_t i = 0; i < s.size(); ++i) {
    fold_case(s.text(i), s.folded[i]);
    s.hashes[i] = EventLexicon::facts_hash(s.folded[i]);
    lex.prefetch_facts(s.hashes[i]);
    model.prefetch(s.hashes[i]);
  }
  for (size_t i = 0; i < s.size(); ++i) {
    s.facts[i] = &lex.facts(s.folded[i], s.hashes[i]);
    s.cues[i] = s.facts[i]->cue;
    if (!s.facts[i]->verbs.empty()) __builtin_prefetch(s.facts[i]->verbs.data());
  }
  s.timex.assign(s.size(), -1);
  s.actor.assign(s.size(), -1);
  for (uint32_t t : sentence_timexes)
    for (size_t i = 0; i < s.size(); ++i)
      if (s.token(i).span.start >= timexes[t].span.start && s.token(i).span.end <= timexes[t].span.end)
        s.timex[i] = int32_t(t);
  for (uint32_t m : sentence_mentions)
    for (size_t i = 0; i < s.size(); ++i)
      if (s.token(i).span.start >= actors.mentions[m].span.start &&
          s.token(i).span.end <= actors.mentions[m].span.end)
        s.actor[i] = int32_t(m);
  mark_actor_phrases(s, actors, sentence_mentions);
  split_clauses(lex, s);
}

// Index of the first word before i that is not an adverb or negation.
size_t previous_content(const EventLexicon& lex, const SentenceView& s, size_t i) {
  while (i > 0) {
    --i;
    if (!is_adverb(s.folded[i]) && !cue_is(lex, s, i, CueKind::negation)) return i;
  }
  return SIZE_MAX;
}

bool names_subject(const EventLexicon& lex, const SentenceView& s, size_t i) {
  if (i == SIZE_MAX) return false;
  return cue_is(lex, s, i, CueKind::pronoun) || s.actor[i] >= 0 ||
         (s.token(i).capitalised && i > 0 && s.timex[i] < 0);
}

bool next_is_verb(const EventLexicon& lex, const SentenceView& s, size_t i) {
  if (i + 1 >= s.size()) return false;
  const Cue* cue = cue_at(lex, s, i + 1);
  if (cue && (cue->kind == CueKind::be || cue->kind == CueKind::modal || cue->kind == CueKind::perfect))
    return true;
  const auto& verbs = s.lexicon(i + 1).verbs;
  return std::any_of(verbs.begin(), verbs.end(), [](const VerbEntry& e) { return e.form == VerbForm::past; });
}

// Decides whether a word that can be this verb form is a verb here.
bool is_verb_here(const EventLexicon& lex, const SentenceView& s, size_t i, VerbForm form) {
  if (i > 0 && s.token(i).capitalised && !s.token(i).all_caps) return false;
  size_t prev = previous_content(lex, s, i);
  if (prev != SIZE_MAX && cue_is(lex, s, prev, CueKind::determiner)) return false;
  const Cue* before = prev == SIZE_MAX ? nullptr : cue_at(lex, s, prev);
  switch (form) {
    case VerbForm::past: return true;
    case VerbForm::ing: return before && (before->kind == CueKind::be);
    case VerbForm::base:
      return before && (before->kind == CueKind::modal || before->kind == CueKind::infinitive ||
                        before->kind == CueKind::do_support || before->kind == CueKind::pronoun ||
                        before->kind == CueKind::be);
    case VerbForm::third_person: {
      if (next_is_verb(lex, s, i) || (i + 1 < s.size() && s.folded[i + 1] == "of")) return false;
      if (names_subject(lex, s, prev)) return true;
      // "the company expects to", "the report says that": what follows shows a verb.
      const Cue* next = cue_at(lex, s, i + 1);
      return prev != SIZE_MAX && s.token(prev).kind == TokenKind::word && !s.folded[prev].ends_with("s") && next &&
             (next->kind == CueKind::infinitive || next->kind == CueKind::subordinate);
    }
  }
  return false;
}

// "analysts say", "the company says": reporting verbs are verbs after any
// subject, not only after pronouns; as nouns they follow a determiner.
bool is_reporting_here(const EventLexicon& lex, const SentenceView& s, size_t i, const VerbEntry& entry) {
  if (entry.event_class != EventClass::reporting || !entry.curated) return false;
  if (entry.form != VerbForm::base && entry.form != VerbForm::third_person) return false;
  size_t prev = previous_content(lex, s, i);
  if (prev == SIZE_MAX || cue_is(lex, s, prev, CueKind::determiner) || s.token(prev).kind != TokenKind::word)
    return false;
  // "analysts say", "the company says that": a plural subject before the
  // base form; the reported clause ("that", a pronoun, a name) after "says".
  const std::string& before = s.folded[prev];
  if (before.ends_with("ing")) return false;
  if (entry.form == VerbForm::base)
    return before.ends_with("s") || cue_is(lex, s, prev, CueKind::pronoun) || s.token(prev).capitalised;
  if (i + 1 >= s.size() || before.ends_with("s")) return false;
  const Cue* next = cue_at(lex, s, i + 1);
  return s.token(i + 1).capitalised || (next && (next->kind == CueKind::subordinate || next->kind == CueKind::pronoun ||
                                                 next->kind == CueKind::determiner));
}

bool continuation_matches(const SentenceView& s, size_t i, const VerbEntry& entry) {
  for (size_t k = 0; k < entry.continuation.size(); ++k)
    if (i + 1 + k >= s.size() || s.folded[i + 1 + k] != entry.continuation[k]) return false;
  return true;
}

// The longest lexicon verb at token i that is a verb in this context.
const VerbEntry* verb_at(const EventLexicon& lex, const SentenceView& s, size_t i) {
  const VerbEntry* best = nullptr;
  for (const VerbEntry& entry : s.lexicon(i).verbs) {
    if (!continuation_matches(s, i, entry)) continue;
    if (!is_verb_here(lex, s, i, entry.form) && !is_reporting_here(lex, s, i, entry)) continue;
    if (!best || entry.continuation.size() > best->continuation.size()) best = &entry;
  }
  return best;
}

// Tense, aspect, polarity and modality from the auxiliaries before a verb.
void read_auxiliaries(const EventLexicon& lex, const SentenceView& s, size_t i, VerbForm form,
                      EventMention& event) {
  std::string be, perfect, do_tense, modal;
  bool infinitive = false;
  for (size_t k = i, steps = 0; k > 0 && steps < kAuxiliaryWindow; ++steps) {
    --k;
    const Cue* cue = cue_at(lex, s, k);
    if (!cue) { if (is_adverb(s.folded[k])) continue; break; }
    switch (cue->kind) {
      case CueKind::negation: event.negated = true; continue;
      case CueKind::be: if (be.empty()) be = cue->value; continue;
      case CueKind::perfect: if (perfect.empty()) perfect = cue->value; continue;
      case CueKind::do_support: do_tense = cue->value; continue;
      case CueKind::modal: modal = cue->value; continue;
      case CueKind::infinitive: infinitive = true; break;
      default: break;
    }
    break;
  }
  if (form == VerbForm::ing && !be.empty()) event.aspect = "PROGRESSIVE";
  if (!perfect.empty()) event.aspect = "PERFECTIVE";
  std::string tense = !perfect.empty() ? perfect : !be.empty() && be != "NONE" ? be : do_tense;
  if (tense.empty()) tense = form == VerbForm::past ? "PAST" : form == VerbForm::ing ? "PRESPART" : "PRESENT";
  if (modal == "planned") tense = "FUTURE";
  else if (!modal.empty()) tense = "NONE";
  if (infinitive && modal.empty() && be.empty() && perfect.empty()) tense = "INFINITIVE";
  event.tense = tense;
  if (!modal.empty()) {
    static const std::pair<std::string_view, Modality> modalities[] = {
        {"possible", Modality::possible}, {"planned", Modality::planned},
        {"necessary", Modality::necessary}, {"conditional", Modality::conditional}};
    for (auto [name, value] : modalities) if (modal == name) event.modality = value;
  }
}

// "Jobs has not yet mentioned what prompted it, but said ...": a
// coordinated clause without a subject shares the first one named before it.
int32_t shared_subject(const SentenceView& s, int32_t clause) {
  for (int32_t c = clause - 1; c >= 0; --c)
    for (size_t k = 0; k < s.size(); ++k)
      if (s.clause[k] == c && s.actor[k] >= 0) return s.actor[k];
  return -1;
}

// "said he will stay", "announced Apple would offer": an actor right before
// a verb is the subject of what follows, not the trigger's object.
bool starts_clause(const EventLexicon& lex, const SentenceView& s, size_t k) {
  size_t next = k;
  while (next < s.size() && s.actor[next] == s.actor[k]) ++next;
  if (next >= s.size() || s.timex[next] >= 0) return false;
  const Cue* cue = cue_at(lex, s, next);
  if (cue && (cue->kind == CueKind::be || cue->kind == CueKind::modal || cue->kind == CueKind::perfect ||
              cue->kind == CueKind::do_support))
    return true;
  return verb_at(lex, s, next) != nullptr;
}

// The first token of the verb group ending at the trigger i: its adverbs
// and auxiliaries ("has not yet", "will").
size_t verb_group_start(const EventLexicon& lex, const SentenceView& s, size_t i) {
  size_t k = i;
  while (k > 0 && (is_adverb(s.folded[k - 1]) || cue_is(lex, s, k - 1, CueKind::be) ||
                   cue_is(lex, s, k - 1, CueKind::perfect) || cue_is(lex, s, k - 1, CueKind::modal)))
    --k;
  return k;
}

// "the vice-president of marketing, Greg Joswiak, indicated": an aside
// that is one name is the subject itself, a title in capitals before it
// too ("the head of the Joint Staff, Colonel-General Anatoly Sidorov, said").
bool only_a_name(const SentenceView& s, size_t from, size_t to) {
  auto title_word = [&](size_t j) {
    const bool hyphen = s.text(j) == "-" && j > from && s.token(j).span.start == s.token(j - 1).span.end;
    return s.actor[j] < 0 && s.timex[j] < 0 && (hyphen || (s.token(j).kind == TokenKind::word && s.token(j).capitalised));
  };
  while (from < to && title_word(from)) ++from;
  if (from >= to || s.actor[from] < 0) return false;
  for (size_t j = from; j < to; ++j)
    if (s.actor[j] != s.actor[from]) return false;
  return true;
}

// "Jobs, born in San Francisco on February 24, 1955, has built": before a
// verb, a stretch between two commas is an apposition or an aside; the
// subject is named before it. Returns the token before the first comma, or
// `i` when no such stretch ends right before the verb.
size_t skip_aside(const EventLexicon& lex, const SentenceView& s, size_t i) {
  const size_t k = verb_group_start(lex, s, i);
  if (k == 0 || s.text(k - 1) != "," || s.timex[k - 1] >= 0) return i;
  const int32_t clause = s.clause[k - 1];
  for (size_t j = k - 1; j > 0; --j) {
    if (s.clause[j - 1] != clause) return i;
    if (s.text(j - 1) == "," && s.timex[j - 1] < 0) return only_a_name(s, j, k - 1) ? i : j - 1;
  }
  return i;
}

bool is_quote_mark(std::string_view t) {
  return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" || t == "\xC2\xAB" || t == "\xC2\xBB";
}

// "considers", "said": a lower-case word the verb lexicon has only in a
// finite form.
bool finite_verb(const SentenceView& s, size_t k) {
  if (s.token(k).capitalised || s.lexicon(k).noun) return false;
  for (const VerbEntry& verb : s.lexicon(k).verbs)
    if (verb.form == VerbForm::third_person || verb.form == VerbForm::past) return true;
  return false;
}

// "Jobs' death", "iPod use", "the CSTO's peacekeeping mission": the actor
// of an event noun is named in the noun's own phrase, not anywhere before it
// ("iPhone 4 will be sold by AT&T, despite calls for...").
int32_t noun_phrase_actor(const EventLexicon& lex, const SentenceView& s, size_t i) {
  constexpr size_t kNounPhraseTokens = 5;
  for (size_t k = i; k > 0 && i - k < kNounPhraseTokens;) {
    --k;
    if (s.actor[k] >= 0) return s.actor[k];
    if (s.timex[k] >= 0) continue;
    std::string_view text = s.text(k);
    bool apostrophe = text == "'" || text == "'s" || text == "\xE2\x80\x99" || text == "\xE2\x80\x99s";
    if (s.token(k).kind == TokenKind::punct && !apostrophe) return -1;
    const Cue* cue = cue_at(lex, s, k);
    if ((cue && cue->kind != CueKind::determiner) || s.lexicon(k).preposition) return -1;
    if (finite_verb(s, k)) return -1;  // "Lukashenka considers the operation": his view, not his operation
  }
  return -1;
}

// "of the CSTO", "in Kazakhstan": the mention at token k stands in a
// prepositional phrase (past the determiners before its first token).
bool after_preposition(const EventLexicon& lex, const SentenceView& s, size_t k) {
  while (k > 0 && s.actor[k - 1] == s.actor[k]) --k;
  while (k > 0 && cue_is(lex, s, k - 1, CueKind::determiner)) --k;
  return k > 0 && s.lexicon(k - 1).preposition;
}

// The nearest actor before the trigger, past an aside; a possessor
// ("Jobs' health appeared") is not the subject of a verb, nor is a name on
// the other side of a quotation mark (`Jobs said: "we love the Beatles"`,
// `"We love the Beatles," said Jobs`), nor one before "what" ("Jobs has
// not mentioned what prompted it"). oblique: the first actor passed over in
// a prepositional phrase ("sales of the iPod rose"), which takes part
// without being the subject.
int32_t find_subject(const EventLexicon& lex, const SentenceView& s, size_t i, const EventMention& event,
                     int32_t* oblique = nullptr) {
  if (event.noun) return noun_phrase_actor(lex, s, i);
  const int32_t clause = s.clause[i];
  const size_t from = skip_aside(lex, s, i);
  for (size_t k = from; k > 0;) {
    --k;
    if (s.clause[k] != clause || is_quote_mark(s.text(k))) break;
    if (k + 1 == from && s.folded[k] == "what") break;
    // "they have announced": a pronoun the actors did not resolve is the subject.
    if (s.actor[k] < 0 && cue_is(lex, s, k, CueKind::pronoun)) break;
    if (s.actor[k] < 0) continue;
    if (s.possessor[k]) return -1;
    if (after_preposition(lex, s, k)) {
      if (oblique && *oblique < 0) *oblique = s.actor[k];
      continue;
    }
    return s.actor[k];
  }
  return -1;
}

// The actor before the trigger of an earlier verb event in the sentence:
// its subject, active or passive.
int32_t subject_of(const SentenceView& s, const EventMention& e) {
  const size_t trigger = e.token - s.first;
  for (const auto& p : e.participants)
    for (size_t k = 0; k < trigger && k < s.size(); ++k)
      if (s.actor[k] == p.mention) return p.mention;
  return -1;
}

// "Apple is the producer of the iPod and launched the iTunes Music Store":
// a verb right after "and" or "or" shares the subject of the verb before.
int32_t coordinated_subject(const EventLexicon& lex, const SentenceView& s, size_t i, const EventMention& event,
                            std::span<const EventMention> before) {
  if (event.noun) return -1;
  const size_t k = verb_group_start(lex, s, i);
  if (k == 0 || !cue_is(lex, s, k - 1, CueKind::coordinate)) return -1;
  for (auto e = before.rbegin(); e != before.rend(); ++e)
    if (!e->noun) return subject_of(s, *e);
  // No verb event before ("Apple is the producer of ... and launched"): the
  // first actor of the clause.
  for (size_t j = 0; j < k; ++j)
    if (s.clause[j] == s.clause[i] && s.actor[j] >= 0) return s.possessor[j] ? -1 : s.actor[j];
  return -1;
}

// "Jobs unveiled the products at the event, saying ...", "started by
// hinting at it": a participle after a preposition, or a reporting one
// after a comma, has the subject of the verb before it in the sentence.
// (Other participles after a comma, "declared ..., referring to", only
// elaborate that verb: they are left alone.)
int32_t participle_subject(const SentenceView& s, size_t i, const EventMention& event,
                           std::span<const EventMention> before) {
  if (event.noun || event.tense != "PRESPART" || i == 0) return -1;
  const bool reported = s.text(i - 1) == "," && event.event_class == EventClass::reporting;
  if (!reported && !s.lexicon(i - 1).role) return -1;
  for (auto e = before.rbegin(); e != before.rend(); ++e) {
    if (e->noun) continue;
    for (const auto& p : e->participants)
      if (p.role == "agent") return p.mention;
  }
  return -1;
}

// "Putin and Lukashenko signed", "Russia, Belarus and Armenia agreed": the
// names joined to a subject before it by "and" (a comma only in a list that
// ends so; "told reporters Dmitry Peskov, RIA Novosti reports" is no list)
// share its role.
std::vector<int32_t> conjoined_before(const SentenceView& s, int32_t mention) {
  std::vector<int32_t> joined;
  size_t k = 0;
  while (k < s.size() && s.actor[k] != mention) ++k;
  auto joins = [&](size_t t) { return s.folded[t] == "and" || (!joined.empty() && s.text(t) == ","); };
  while (k >= 2 && joins(k - 1) && s.actor[k - 2] >= 0 && s.actor[k - 2] != mention && !s.possessor[k - 2]) {
    const int32_t other = s.actor[k - 2];
    if (std::find(joined.begin(), joined.end(), other) == joined.end()) joined.push_back(other);
    k -= 2;
    while (k > 0 && s.actor[k - 1] == other) --k;
  }
  return joined;
}

void find_participants(const EventLexicon& lex, const SentenceView& s, size_t i, size_t trigger_end,
                       bool passive, EventMention& event, std::span<const EventMention> before) {
  const int32_t clause = s.clause[i];
  int32_t subject = participle_subject(s, i, event, before);
  if (subject < 0) subject = coordinated_subject(lex, s, i, event, before);
  int32_t oblique = -1;
  if (subject < 0) subject = find_subject(lex, s, i, event, &oblique);
  if (subject < 0 && !event.noun && s.coordinated[clause]) subject = shared_subject(s, clause);
  if (subject >= 0) {
    event.participants.push_back({subject, passive ? "patient" : "agent"});
    for (int32_t other : conjoined_before(s, subject)) event.participants.push_back({other, passive ? "patient" : "agent"});
  }
  if (oblique >= 0 && oblique != subject) event.participants.push_back({oblique, "participant"});
  // After the trigger: its object (the first actor), then actors that a
  // preposition ties to it ("from the CSTO", "in Moscow"). Other actors
  // further on belong to the object's own words ("forced Apple to lower its
  // prices in its UK iTunes store"), not to this event.
  int32_t last = -1;
  bool object = false;
  const bool reporting = !event.noun && event.event_class == EventClass::reporting;
  for (size_t k = trigger_end; k < s.size() && s.clause[k] == clause; ++k) {
    if (s.actor[k] < 0 || s.actor[k] == last) continue;
    last = s.actor[k];
    // "criticized Zatulin's position" involves Zatulin; "released the text of
    // Jobs's email", "responded to Jobs' death" do not involve Jobs.
    if (s.possessor[k] && !event.noun && k > trigger_end) { object = true; continue; }
    size_t before = k;
    while (before > trigger_end && cue_is(lex, s, before - 1, CueKind::determiner)) --before;
    const std::string* role = before > trigger_end ? s.lexicon(before - 1).role : nullptr;
    // "said more than 4 billion songs were sold by the store": after a
    // reporting verb only what follows it at once ("told Reuters", "said
    // to reporters") is its own; the rest is what was reported.
    const bool adjacent = before == trigger_end || (role && before == trigger_end + 1);
    if (reporting && !adjacent) break;
    if (role) event.participants.push_back({s.actor[k], *role});
    else if (!object && !passive && !starts_clause(lex, s, k)) event.participants.push_back({s.actor[k], "patient"});
    object = true;
  }
}

// The timex that dates the clause of token i: its own, else (for a
// coordinated clause) the one before it in the same sentence.
// "announced major exercises in the autumn": an event noun between a verb
// that speaks of it (reporting, intending) and a date after it takes the
// date; "signed an agreement on Friday" was signed on Friday.
bool event_noun_between(const SentenceView& s, size_t from, size_t to) {
  for (size_t j = from + 1; j < to; ++j)
    if (const detail::NounEntry* noun = s.lexicon(j).noun; noun && noun->curated && s.actor[j] < 0)
      return true;
  return false;
}

// "this year's conference", "last week’s meeting": a possessive date
// describes a noun, it does not date the clause.
bool possessive_date(const Document& doc, const Timex& t) {
  std::string_view text = doc.text;
  std::string_view words = text.substr(t.span.start, t.span.end - t.span.start);
  std::string_view after = text.substr(std::min<size_t>(t.span.end, text.size()), 4);
  if (possessive_mark(after)) return true;
  for (std::string_view mark : kPossessiveMarks)
    if (words.ends_with(mark)) return true;
  return false;
}

void anchor(const SentenceView& s, size_t i, const std::vector<Timex>& timexes,
            EventMention& event) {
  auto dated = [&](int32_t clause) -> int32_t {
    int32_t best = -1;
    size_t best_distance = SIZE_MAX;
    for (size_t k = 0; k < s.size(); ++k) {
      int32_t t = s.timex[k];
      if (t < 0 || s.clause[k] != clause) continue;
      const bool speaks_of = event.event_class == EventClass::reporting || event.event_class == EventClass::i_action ||
                             event.event_class == EventClass::i_state;
      if (!event.noun && speaks_of && k > i && event_noun_between(s, i, k)) continue;
      auto type = timexes[t].type;
      if (type != TimexType::date && type != TimexType::time) continue;
      if (possessive_date(s.doc, timexes[t])) continue;
      // "now", "current", "recently", "the future" place no event on a day:
      // the story's time and the tense do better ("Jobs announced a laptop,
      // on sale now"; "He left current COO Tim Cook in charge").
      if (timexes[t].value.ends_with("_REF")) continue;
      size_t distance = k > i ? k - i : i - k;
      if (distance < best_distance) { best = t; best_distance = distance; }
    }
    return best;
  };
  for (int32_t clause = s.clause[i]; clause >= 0; --clause) {
    event.timex = dated(clause);
    if (event.timex >= 0) { event.time_inherited = clause != s.clause[i]; return; }
    if (!s.coordinated[clause]) return;
  }
}

std::string join_tokens(const SentenceView& s, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    bool glue = out.empty() || s.token(k).kind == TokenKind::punct || s.token(k).span.start == s.token(k - 1).span.end;
    if (!glue) out += ' ';
    out += s.text(k);
  }
  return out;
}

// Words that cannot be part of the subject noun phrase of a label.
bool stops_subject(const EventLexicon& lex, const SentenceView& s, size_t k) {
  if (s.timex[k] >= 0 || s.token(k).kind == TokenKind::punct) return true;
  const Cue* cue = cue_at(lex, s, k);
  if (cue && (cue->kind == CueKind::subordinate || cue->kind == CueKind::coordinate ||
              cue->kind == CueKind::infinitive))
    return true;
  // Plural nouns look like third-person verbs ("CSTO forces began").
  const auto& verbs = s.lexicon(k).verbs;
  return std::any_of(verbs.begin(), verbs.end(),
                     [](const VerbEntry& e) { return e.form != VerbForm::third_person && e.curated; });
}

// The text a label is read from, tokens [first, end) of its sentence.
Span label_source(const SentenceView& s, size_t first, size_t end) {
  return {s.token(first).span.start, s.token(end - 1).span.end};
}

// A label does not end on a function word that leads into what was cut off
// ("the", "of", "about"); "law", "aid", "war" may end it, and so may "this"
// where the clause ends.
bool leads_into_cut(const EventLexicon& lex, const SentenceView& s, size_t t) {
  const bool clause_end = t + 1 >= s.size() || s.token(t + 1).kind == TokenKind::punct || s.timex[t + 1] >= 0;
  const bool pronoun_here = clause_end && (cue_is(lex, s, t, CueKind::determiner) || cue_is(lex, s, t, CueKind::pronoun));
  return !pronoun_here && !s.token(t).capitalised && s.token(t).kind == TokenKind::word &&
         (cue_at(lex, s, t) || s.lexicon(t).preposition || s.lexicon(t).label_opener);
}

// "the January protests", "the request of the affected state".
std::string noun_label(const EventLexicon& lex, const SentenceView& s, size_t i, Span& source) {
  size_t start = i;
  // A date inside the noun phrase belongs to it: "the January protests".
  while (start > 0 && i - start < 3 && (s.timex[start - 1] >= 0 || !stops_subject(lex, s, start - 1)) &&
         !s.lexicon(start - 1).role && s.folded[start - 1] != "of")
    --start;
  size_t stop = i + 1;
  if (stop < s.size() && s.folded[stop] == "of")
    while (stop < s.size() && stop - i <= kLabelObjectTokens && s.timex[stop] < 0 &&
           s.token(stop).kind != TokenKind::punct)
      ++stop;
  while (stop > i + 1 && leads_into_cut(lex, s, stop - 1)) --stop;
  source = label_source(s, start, stop);
  return join_tokens(s, start, stop);
}

bool resolved_pronoun(const SentenceView& s, size_t k, const ActorTagging& actors) {
  const int32_t m = s.actor[k];
  return m >= 0 && actors.mentions[size_t(m)].pronoun && actors.mentions[size_t(m)].actor >= 0;
}

// The words after a verb, a pronoun said by its actor's name ("According to
// him" -> "According to Sergey Markov").
std::string join_object(const SentenceView& s, size_t from, size_t to, const ActorTagging& actors) {
  std::string out;
  size_t run = from;
  auto add = [&](const std::string& words) {
    if (words.empty()) return;
    if (!out.empty()) out += ' ';
    out += words;
  };
  for (size_t k = from; k < to; ++k) {
    if (!resolved_pronoun(s, k, actors)) continue;
    if (run < k) add(join_tokens(s, run, k));
    add(actors.actors[size_t(actors.mentions[size_t(s.actor[k])].actor)].name);
    while (k + 1 < to && s.actor[k + 1] == s.actor[k]) ++k;
    run = k + 1;
  }
  if (run < to) add(join_tokens(s, run, to));
  return out;
}

// "Minsk wants to act", "asked the CSTO to send troops", "could force Minsk
// to act": a "to" complement is only as real as the verb it hangs on
// (unasserted_complements.tsv; a verb of modality other than actual passes
// its own on).
void unasserted_complements(const EventLexicon& lex, const SentenceView& s, std::span<EventMention> events) {
  constexpr uint32_t kGovernorReach = 4;  // "asked the CSTO to send": four tokens back
  for (size_t e = 0; e < events.size(); ++e) {
    EventMention& complement = events[e];
    const bool asserted = complement.modality == Modality::actual || complement.modality == Modality::reported;
    if (complement.noun || complement.tense != "INFINITIVE" || !asserted) continue;
    for (size_t g = e; g-- > 0;) {
      const EventMention& governor = events[g];
      if (governor.token >= complement.token || complement.token - governor.token > kGovernorReach) break;
      if (governor.noun || s.clause[governor.token - s.first] != s.clause[complement.token - s.first]) continue;
      if (governor.modality != Modality::actual && governor.modality != Modality::reported)
        complement.modality = governor.modality;
      else if (auto it = lex.unasserted_complements.find(governor.lemma); it != lex.unasserted_complements.end())
        complement.modality = it->second;
      break;
    }
  }
}

// "Who saved Belarus?": the sentence asks.
bool is_question(const SentenceView& s) {
  for (size_t k = s.size(); k-- > 0;) {
    const std::string_view t = s.text(k);
    if (is_quote_mark(t) || t == ")" || t == "\xE2\x80\x99") continue;
    return t == "?";
  }
  return false;
}

// "Let us recall, ...": the verb after a phrase of reader_asides.tsv speaks
// to the reader; it is nothing that happened in the story.
bool after_reader_aside(const EventLexicon& lex, const SentenceView& s, size_t i) {
  constexpr size_t kLongestAside = 3;
  std::string words;
  for (size_t k = i; k > 0 && i - k < kLongestAside;) {
    --k;
    const bool glued = k + 1 < i && s.token(k + 1).span.start == s.token(k).span.end;
    words.insert(0, s.folded[k] + (k + 1 < i && !glued ? " " : ""));
    if (lex.reader_asides.count(words)) return k == 0 || s.token(k - 1).kind == TokenKind::punct;
  }
  return false;
}

// The subject's first word, past the connectives a label does not open with
// ("so it was appropriate" -> "it was appropriate"; label_openers.tsv).
size_t skip_openers(const SentenceView& s, size_t start, size_t end) {
  while (start < end && (s.lexicon(start).label_opener || s.token(start).kind == TokenKind::punct)) ++start;
  return start;
}

std::string make_label(const EventLexicon& lex, const SentenceView& s, size_t i, size_t trigger_end,
                       const EventMention& event, const ActorTagging& actors, Span& source) {
  if (event.noun) return noun_label(lex, s, i, source);
  const int32_t clause = s.clause[i];
  std::string subject;
  size_t start = i;
  // Auxiliaries and verb chains ("was", "did not", "began to be") stay with the trigger.
  while (start > 0 && s.clause[start - 1] == clause && i - start < kAuxiliaryWindow) {
    const Cue* cue = cue_at(lex, s, start - 1);
    bool auxiliary = cue && (cue->kind == CueKind::be || cue->kind == CueKind::perfect || cue->kind == CueKind::modal ||
                             cue->kind == CueKind::do_support || cue->kind == CueKind::negation);
    bool chained = cue && cue->kind == CueKind::infinitive && start >= 2 && !s.lexicon(start - 2).verbs.empty();
    if (chained) { start -= 2; continue; }
    if (!auxiliary && !is_adverb(s.folded[start - 1])) break;
    --start;
  }
  const size_t verb_group = start;
  auto extend_subject = [&] {
    while (start > 0 && s.clause[start - 1] == clause && !stops_subject(lex, s, start - 1) &&
           verb_group - start < kLabelSubjectTokens)
      --start;
  };
  // "Vladimir Putin and Alexander Lukashenko signed": names joined by "and" or a comma.
  bool listed = false;  // a comma joins names only in a list ended by "and"
  auto joins_names = [&] {
    const bool joiner = start >= 1 && (s.folded[start - 1] == "and" || (listed && s.text(start - 1) == ","));
    return joiner && start >= 2 && start < verb_group && s.actor[start] >= 0 && s.actor[start - 2] >= 0 &&
           s.clause[start - 2] == clause;
  };
  extend_subject();
  while (joins_names()) {
    start -= 2;
    listed = true;
    extend_subject();
  }
  const bool whole_subject = start == 0 || s.clause[start - 1] != clause || stops_subject(lex, s, start - 1);
  start = skip_openers(s, start, verb_group);
  // "this operation was carried out": a subject of its own says what it is
  // about better than a name before it ("you, Vladimir Vladimirovich, ...").
  const bool own_phrase = whole_subject && start < verb_group && cue_is(lex, s, start, CueKind::determiner);
  std::vector<std::pair<uint32_t, int32_t>> named;  // where and which actors' names replace the subject's words
  for (const auto& p : event.participants)
    if ((p.role == "agent" || p.role == "patient") && actors.mentions[p.mention].span.start < s.token(i).span.start) {
      const auto& m = actors.mentions[p.mention];
      // A pronoun, a cut-off subject or words that do not name the agent
      // ("for Caliber.Az ruled out", said of Markov) read better as its name.
      const bool shown = m.span.start >= s.token(start).span.start;
      const bool seen = std::any_of(named.begin(), named.end(), [&](const auto& n) { return n.second == m.actor; });
      if ((!whole_subject || m.pronoun || (!shown && !own_phrase)) && m.actor >= 0 && !seen)
        named.emplace_back(m.span.start, m.actor);
    }
  // "Russia, Belarus and Armenia arrived": joined names in the text's order.
  std::sort(named.begin(), named.end());
  for (size_t n = 0; n < named.size(); ++n)
    subject += (n == 0 ? "" : n + 1 == named.size() ? " and " : ", ") + actors.actors[size_t(named[n].second)].name;
  if (!subject.empty()) subject += " ";
  // "the press secretary told reporters Dmitry Peskov": once the subject is
  // the name, the name after the verb is not said again.
  auto names_subject = [&](size_t t) {
    if (s.actor[t] < 0) return false;
    const int32_t actor = actors.mentions[size_t(s.actor[t])].actor;
    return std::any_of(named.begin(), named.end(), [&](const auto& n) { return n.second == actor; });
  };
  if (subject.empty() && start < i) subject = join_tokens(s, start, i) + " ";
  else if (!subject.empty() && verb_group < i) subject += join_tokens(s, verb_group, i) + " ";
  // "declared martial law and broke off relations": the object ends where a
  // second verb is joined on.
  auto joins_verb = [&](size_t t) {
    return t + 1 < s.size() && cue_is(lex, s, t, CueKind::coordinate) && finite_verb(s, t + 1);
  };
  size_t stop = trigger_end;
  while (stop < s.size() && stop - trigger_end < kLabelObjectTokens && s.clause[stop] == clause &&
         s.timex[stop] < 0 && s.token(stop).kind != TokenKind::punct && !names_subject(stop) && !joins_verb(stop))
    ++stop;
  while (stop > trigger_end && leads_into_cut(lex, s, stop - 1) && !resolved_pronoun(s, stop - 1, actors)) --stop;
  source = label_source(s, std::min(start, i), stop);
  for (size_t k = trigger_end; k < stop; ++k)
    if (resolved_pronoun(s, k, actors))
      return subject + join_tokens(s, i, trigger_end) + " " + join_object(s, trigger_end, stop, actors);
  return subject + join_tokens(s, i, stop);
}

// "обращения Токаева", "подавлении протестов": the noun and the word after
// it, which in Russian is most often what it is of.
std::string foreign_label(const SentenceView& s, size_t i, Span& source) {
  size_t stop = i + 1 < s.size() && s.token(i + 1).kind == TokenKind::word ? i + 2 : i + 1;
  source = label_source(s, i, stop);
  return join_tokens(s, i, stop);
}

// "обращения Токаева" (Tokayev's appeal): in Russian the name after an event
// noun, in the genitive, is whose event it is, not the actor before it.
void genitive_agent(const SentenceView& s, size_t i, EventMention& event) {
  if (i + 1 >= s.size() || s.actor[i + 1] < 0) return;
  const int32_t owner = s.actor[i + 1];
  std::erase_if(event.participants, [&](const Participant& p) { return p.role == "agent" || p.mention == owner; });
  event.participants.insert(event.participants.begin(), {owner, "agent"});
}

void foreign_trigger(const detail::ForeignWord& word, EventMention& event, VerbForm& form) {
  event.lemma = word.lemma;
  event.event_class = word.event_class;
  event.noun = word.noun;
  form = word.form;
  if (!word.noun) event.tense = word.form == VerbForm::past ? "PAST" : "PRESENT";
}

// The words of a sentence as the trigger model sees them.
void view_for_model(const detail::TriggerModel& model, const SentenceView& s,
                    detail::TriggerModel::Sentence& out) {
  model.prepare(s.folded, s.cues, out);
  out.shape.resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const Token& t = s.token(i);
    out.shape[i] = t.all_caps ? 'A' : t.capitalised ? (i == 0 ? 'F' : 'C') : 'l';
  }
  model.tag(out);
}

// A word the model takes for an event but the lexicon rules do not: a verb
// when the lexicon knows it only as a verb or the word before makes it one
// ("has", "to", "will"), else a noun.
// The part-of-speech tagger's verb tags that no noun has ("to do a lot of
// work"; not the participles of "the bombing", "the wounded"), as forms.
std::optional<VerbForm> verb_tag(std::string_view tag) {
  if (tag == "VB" || tag == "VBP") return VerbForm::base;
  if (tag == "VBZ") return VerbForm::third_person;
  if (tag == "VBD") return VerbForm::past;
  return std::nullopt;
}

// tag: what the part-of-speech tagger read it as ("NN" in "in the face of
// the unprecedented pressure"; "VB" for "do" in "to do a lot of work").
void model_only_trigger(const EventLexicon& lex, const SentenceView& s, size_t i, std::string_view tag,
                        EventMention& event, VerbForm& form) {
  event.lemma = s.folded[i];
  const VerbEntry* verb = nullptr;
  for (const VerbEntry& entry : s.lexicon(i).verbs)
    if (!verb && entry.continuation.empty()) verb = &entry;
  const detail::NounEntry* noun = s.lexicon(i).noun;
  const Cue* before = cue_at(lex, s, previous_content(lex, s, i));
  bool verbal_context = before && (before->kind == CueKind::be || before->kind == CueKind::modal ||
                                   before->kind == CueKind::perfect || before->kind == CueKind::infinitive ||
                                   before->kind == CueKind::do_support || before->kind == CueKind::pronoun);
  const bool tagged_noun = tag == "NN" || tag == "NNS";
  bool nominal_context = (before && before->kind == CueKind::determiner) || (tagged_noun && !verbal_context);
  if (verb && !nominal_context && (!noun || verbal_context)) {
    event.lemma = verb->lemma;
    form = verb->form;
    read_auxiliaries(lex, s, i, form, event);
    return;
  }
  const bool after_to = before && (before->kind == CueKind::infinitive || before->kind == CueKind::modal);
  if (!verb && !noun && after_to && verb_tag(tag)) {  // a verb no lexicon lists as one ("to do")
    form = *verb_tag(tag);
    read_auxiliaries(lex, s, i, form, event);
    return;
  }
  if (noun) event.lemma = noun->lemma;
  event.noun = true;
  event.negated = i > 0 && s.folded[i - 1] == "no";
}

}  // namespace

const char* to_string(EventClass c) {
  static const char* names[] = {"OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"};
  return names[static_cast<int>(c)];
}

const char* to_string(Modality m) {
  static const char* names[] = {"actual", "possible", "planned", "necessary", "conditional", "reported", "asked"};
  return names[static_cast<int>(m)];
}

EventTagger::EventTagger(std::unique_ptr<Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
EventTagger::EventTagger(EventTagger&&) noexcept = default;
EventTagger& EventTagger::operator=(EventTagger&&) noexcept = default;
EventTagger::~EventTagger() = default;

Result<EventTagger> EventTagger::create(const Resources& resources) {
  auto lexicon = detail::load_event_lexicon(resources);
  if (!lexicon) return lexicon.error();
  auto owned = std::make_unique<Lexicon>();
  static_cast<EventLexicon&>(*owned) = std::move(*lexicon);
  auto model = detail::TriggerModel::load(resources, "en/events/trigger_model.tsv", *owned);
  if (!model) return model.error();
  owned->model = std::move(*model);
  auto foreign = detail::ForeignWords::load(resources);
  if (!foreign) return foreign.error();
  owned->foreign = std::move(*foreign);
  owned->roles.insert(owned->foreign.roles().begin(), owned->foreign.roles().end());
  for (const auto& [word, role] : owned->foreign.roles()) owned->prepositions.insert(word);
  owned->index_facts(owned->foreign.words());
  return EventTagger(std::move(owned));
}

std::vector<EventMention> EventTagger::tag(const Document& doc, const Segmentation& seg,
                                           const std::vector<Timex>& timexes,
                                           const ActorTagging& actors) const {
  const EventLexicon& lex = *lexicon_;
  std::vector<EventMention> events;
  const auto timexes_in = by_sentence(timexes, seg.sentences.size());
  const auto mentions_in = by_sentence(actors.mentions, seg.sentences.size());
  detail::TriggerModel::Sentence model_view;
  SentenceView s{doc, seg, 0, 0, 0, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  detail::NarrativeClock clock(doc, seg, timexes);
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    if (doc.lines[seg.sentences[si].line].kind == LineKind::dateline) continue;
    const size_t sentence_events = events.size();
    view_sentence(s, si, timexes, timexes_in[si], actors, mentions_in[si], lex, lexicon_->model);
    if (lexicon_->model.loaded()) view_for_model(lexicon_->model, s, model_view);
    bool reporting_seen = false;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.token(i).kind != TokenKind::word || s.timex[i] >= 0) continue;
      // With a model, a word is an event when the model says so or when the
      // hand-made lexicons (the project's own news domain) do.
      // The model knows English only; other languages' words are listed.
      const detail::ForeignWord* foreign = s.lexicon(i).foreign;
      const bool by_model = lexicon_->model.loaded() && !foreign;
      std::optional<EventClass> learnt;
      if (by_model && s.actor[i] >= 0 && s.token(i).capitalised) continue;  // a name is no event
      if (!lex.reader_asides.empty() && after_reader_aside(lex, s, i)) continue;
      if (by_model) {
        bool curated = false;
        learnt = lexicon_->model.classify(model_view, i, curated);
        if (!learnt && !curated) continue;
      }
      EventMention event;
      size_t trigger_end = i + 1;
      VerbForm form = VerbForm::base;
      if (foreign) {
        foreign_trigger(*foreign, event, form);
      } else if (const VerbEntry* verb = verb_at(lex, s, i)) {
        if (by_model && !learnt && !verb->curated) continue;
        event.lemma = verb->lemma;
        event.event_class = verb->event_class;
        form = verb->form;
        trigger_end += verb->continuation.size();
        read_auxiliaries(lex, s, i, form, event);
      } else if (const detail::NounEntry* noun = s.lexicon(i).noun;
                 noun && s.actor[i] < 0 && !(by_model && verb_tag(lexicon_->model.tag_of(model_view, i)))) {
        if (by_model && !learnt && !noun->curated) continue;
        event.lemma = noun->lemma;
        event.event_class = noun->event_class;
        event.noun = true;
        size_t prev = previous_content(lex, s, i);
        event.negated = i > 0 && s.folded[i - 1] == "no";
        (void)prev;
      } else if (learnt && s.actor[i] < 0) {
        model_only_trigger(lex, s, i, lexicon_->model.tag_of(model_view, i), event, form);
      } else {
        continue;
      }
      // Classes learnt from TimeBank refine WordNet's defaults; the
      // hand-made lexicons keep theirs.
      bool curated = event.noun ? s.lexicon(i).noun && s.lexicon(i).noun->curated : lex.curated.count(event.lemma) > 0;
      if (const EventClass* trained = s.lexicon(i).trained_class; !curated && trained) event.event_class = *trained;
      if (learnt) event.event_class = *learnt;
      event.trigger = {s.token(i).span.start, s.token(trigger_end - 1).span.end};
      event.sentence = si;
      event.token = s.first + uint32_t(i);
      if (!event.noun && reporting_seen && event.modality == Modality::actual && s.clause[i] > 0)
        event.modality = Modality::reported;
      if (!event.noun && event.modality == Modality::conditional && reporting_seen)
        event.modality = Modality::planned;
      const bool passive = !event.noun && form == VerbForm::past && s.clause[i] == s.clause[i > 0 ? i - 1 : 0] &&
                           i > 0 && cue_is(lex, s, previous_content(lex, s, i), CueKind::be);
      find_participants(lex, s, i, trigger_end, passive, event,
                        std::span<const EventMention>(events).subspan(sentence_events));
      if (foreign && foreign->noun) genitive_agent(s, i, event);
      anchor(s, i, timexes, event);
      clock.date(event);
      event.label = foreign && foreign->noun ? foreign_label(s, i, event.label_source)
                                             : make_label(lex, s, i, trigger_end, event, actors, event.label_source);
      reporting_seen |= event.event_class == EventClass::reporting && !event.noun;
      events.push_back(std::move(event));
      i = trigger_end - 1;
    }
    unasserted_complements(lex, s, std::span<EventMention>(events).subspan(sentence_events));
    if (is_question(s))
      for (size_t e = sentence_events; e < events.size(); ++e)
        if (events[e].modality == Modality::actual || events[e].modality == Modality::reported)
          events[e].modality = Modality::asked;
    clock.share(events, sentence_events);
    clock.advance(events, sentence_events);
  }
  return events;
}

}  // namespace annals
