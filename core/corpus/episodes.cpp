#include "corpus/episodes.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <utility>

#include "corpus/corpus.h"
#include "pipeline.h"
#include "text/segment.h"

namespace annals {
namespace {

uint32_t token_at(const Segmentation& seg, uint32_t byte) {
  auto it = std::lower_bound(seg.tokens.begin(), seg.tokens.end(), byte,
                             [](const Token& t, uint32_t b) { return t.span.start < b; });
  return uint32_t(it - seg.tokens.begin());
}

bool is_place(ActorKind kind) { return kind == ActorKind::country || kind == ActorKind::location; }

// The country or place the mention puts the episode at ("in Kazakhstan").
int32_t place_of(const DocumentAnalysis& a, const EventMention& event) {
  for (const auto& p : event.participants) {
    if (p.role != "location" || p.mention < 0 || size_t(p.mention) >= a.actors.mentions.size()) continue;
    int32_t actor = a.actors.mentions[p.mention].actor;
    if (actor >= 0 && size_t(actor) < a.actors.actors.size() && is_place(a.actors.actors[actor].kind)) return actor;
  }
  return -1;
}

// Mentions that can name an episode: told as a fact, in the article's body.
const std::string* episode_kind(const DocumentAnalysis& a, const EventMention& event,
                                const EventVocabulary& vocabulary) {
  if (!event.noun || event.negated) return nullptr;
  if (event.modality != Modality::actual && event.modality != Modality::reported) return nullptr;
  if (a.doc.lines[a.seg.sentences[event.sentence].line].kind == LineKind::title) return nullptr;
  auto it = vocabulary.episode_kinds.find(event.lemma);
  return it == vocabulary.episode_kinds.end() ? nullptr : &it->second;
}

// "In January, the peacekeepers took part in the suppression of protests":
// a month or a season that frames the clause dates an episode told in it; a
// day does not ("Lukashenka said today the operation was brilliant").
bool framed_by_a_period(const DocumentAnalysis& a, const EventMention& event) {
  const Timex& t = a.timexes[event.timex];
  bool calendar = !t.value.empty() && (std::isdigit(static_cast<unsigned char>(t.value[0])) || t.value[0] == 'X');
  return t.type == TimexType::date && calendar && t.value.size() < 10 && t.sentence == event.sentence;
}

// A date in the reference's own words, or a period framing its sentence.
int32_t reference_date(const DocumentAnalysis& a, const EventMention& reference) {
  auto first = std::lower_bound(a.timexes.begin(), a.timexes.end(), reference.sentence,
                                [](const Timex& t, uint32_t sentence) { return t.sentence < sentence; });
  constexpr size_t kLooked = 16;  // a sentence of a thousand dates costs no more
  for (auto it = first; it != a.timexes.end() && it->sentence == reference.sentence && it - first < ptrdiff_t(kLooked);
       ++it) {
    EventMention dated = reference;
    dated.timex = int32_t(it - a.timexes.begin());
    if (dated_in_its_own_words(a, dated) || framed_by_a_period(a, dated)) return dated.timex;
  }
  return -1;
}

// "the dramatic events in Kazakhstan": a reference noun, "in" or "at", a place.
std::vector<PlaceReference> find_place_references(const DocumentAnalysis& a, const EventVocabulary& vocabulary) {
  std::vector<PlaceReference> found;
  for (const auto& m : a.actors.mentions) {
    if (m.actor < 0 || m.pronoun || !is_place(a.actors.actors[m.actor].kind) || m.first_token < 2) continue;
    const Sentence& sentence = a.seg.sentences[m.sentence];
    if (m.first_token < sentence.first_token + 2 || a.doc.lines[sentence.line].kind == LineKind::title) continue;
    std::string preposition = fold_case(a.doc.slice(a.seg.tokens[m.first_token - 1].span));
    if (preposition != "in" && preposition != "at") continue;
    const Token& noun = a.seg.tokens[m.first_token - 2];
    std::string word = fold_case(a.doc.slice(noun.span));
    if (!vocabulary.place_references.count(word)) continue;
    EventMention reference;
    reference.trigger = noun.span;
    reference.sentence = m.sentence;
    reference.token = m.first_token - 2;
    found.push_back({noun.span, sentence.span, m.actor, reference_date(a, reference), std::move(word)});
  }
  return found;
}

}  // namespace

bool dated_in_its_own_words(const DocumentAnalysis& a, const EventMention& noun) {
  constexpr uint32_t kBefore = 2, kAfter = 3;
  const Timex& t = a.timexes[noun.timex];
  uint32_t first = token_at(a.seg, t.span.start), last = token_at(a.seg, t.span.end) - 1;
  if (last < noun.token) return noun.token - last <= kBefore;
  return first > noun.token && first - noun.token <= kAfter;
}

DocumentEpisodes find_episodes(const DocumentAnalysis& a, const EventVocabulary& vocabulary) {
  const size_t n = a.events.size();
  DocumentEpisodes found{std::vector<int32_t>(n, -1), std::vector<int32_t>(n, -1), std::vector<int32_t>(n, -1), {}};
  std::map<std::pair<std::string, int32_t>, int32_t> leader_at;  // (kind, place) -> leader
  std::map<std::string, int32_t> latest;                          // kind -> leader of its latest episode
  std::vector<int32_t> mentions(n, 0);
  for (size_t e = 0; e < n; ++e) {
    const auto& event = a.events[e];
    const std::string* kind = episode_kind(a, event, vocabulary);
    if (!kind) continue;
    int32_t leader = -1;
    if (int32_t place = place_of(a, event); place >= 0) {
      auto [it, fresh] = leader_at.try_emplace({*kind, place}, int32_t(e));
      leader = it->second;
      if (fresh) found.place[e] = place;
      latest[*kind] = leader;
    } else if (auto it = latest.find(*kind); it != latest.end()) {
      leader = it->second;
    }
    if (leader < 0) continue;
    found.leader[e] = leader;
    ++mentions[leader];
    if (found.timex[leader] < 0 && event.timex >= 0 && !event.time_inherited &&
        (dated_in_its_own_words(a, event) || framed_by_a_period(a, event)))
      found.timex[leader] = event.timex;
  }
  for (size_t e = 0; e < n; ++e) {
    int32_t leader = found.leader[e];
    if (leader >= 0 && mentions[leader] < 2 && found.timex[leader] < 0) found.leader[e] = -1;
  }
  found.references = find_place_references(a, vocabulary);
  return found;
}

}  // namespace annals
