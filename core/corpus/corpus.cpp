#include "corpus/corpus.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "corpus/date_completion.h"
#include "corpus/disputed_dates.h"
#include "corpus/episodes.h"
#include "text/segment.h"
#include "pipeline.h"
#include "util/memory.h"

namespace annals {
namespace {

// Where each document's events and actors went in the graph.
struct DocumentIndex {
  std::vector<int32_t> actor;  // document actor -> graph actor
  std::vector<int32_t> event;  // document event -> graph event, -1 if left out
};

std::string slug(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) out += char(std::tolower(c));
    else if (c >= 0x80) out += char(c);
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "actor" : out;
}

std::string unique_id(std::string base, std::set<std::string>& taken) {
  std::string id = base;
  for (int n = 2; !taken.insert(id).second; ++n) id = base + "-" + std::to_string(n);
  return id;
}

void add_documents(std::vector<DocumentFindings>& docs, Graph& graph) {
  std::set<std::string> taken;
  for (auto& a : docs) {
    a.doc.id = unique_id(a.doc.id, taken);
    GraphDocument d{a.doc.id, a.doc.path, a.doc.title, std::nullopt, std::nullopt};
    if (a.doc.dct) {
      d.dct = a.doc.dct->value;
      d.dct_source = to_string(a.doc.dct->source);
    }
    graph.documents.push_back(std::move(d));
  }
}

std::vector<DocumentIndex> add_actors(const std::vector<DocumentFindings>& docs, const ActorTagger& tagger,
                                      Graph& graph) {
  std::vector<const ActorTagging*> taggings;
  for (const auto& a : docs) taggings.push_back(&a.actors);
  std::vector<Actor> merged;
  auto maps = tagger.merge(taggings, merged);
  std::set<std::string> taken;
  for (const auto& actor : merged)
    graph.actors.push_back({unique_id(slug(actor.name), taken), actor.name, to_string(actor.kind), actor.aliases});
  std::vector<DocumentIndex> index(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) index[d].actor = maps[d];
  return index;
}

// "a summit of leaders ... was held": the event noun a light verb is about.
int32_t light_verb_subject(const DocumentAnalysis& a, size_t v, const EventVocabulary& vocabulary) {
  const auto& verb = a.events[v];
  if (verb.noun || !vocabulary.light_verbs.count(verb.lemma)) return -1;
  constexpr uint32_t kSubjectWindow = 10;
  for (size_t n = v; n-- > 0;) {
    const auto& candidate = a.events[n];
    if (candidate.sentence != verb.sentence || verb.token - candidate.token > kSubjectWindow) break;
    if (!candidate.noun) return -1;  // another verb in between
    if (vocabulary.named_events.count(candidate.lemma)) return int32_t(n);
  }
  return -1;
}

// Which events become graph nodes: verbs dated in their own sentence or with
// a named participant ("sued Apple", "Jobs was fired" count as much as "Jobs
// said"); event nouns dated in their own words ("the CSTO summit (May 16)");
// and every event a causal link needs.
std::vector<bool> select_events(const DocumentAnalysis& a, const EventVocabulary& vocabulary) {
  std::vector<bool> keep(a.events.size(), false);
  for (size_t e = 0; e < a.events.size(); ++e) {
    const auto& event = a.events[e];
    if (a.doc.lines[a.seg.sentences[event.sentence].line].kind == LineKind::title) continue;
    if (event.noun) {
      keep[e] = event.timex >= 0 && !event.time_inherited && vocabulary.named_events.count(event.lemma) &&
                dated_in_its_own_words(a, event);
      continue;
    }
    bool named_participant = !event.participants.empty();
    // A time from earlier sentences (the story's) is not enough on its own.
    bool own_time = event.timex >= 0 && a.timexes[event.timex].sentence == event.sentence;
    bool leads_into_next = e + 1 < a.events.size() && event.event_class == EventClass::aspectual &&
                           a.events[e + 1].sentence == event.sentence && a.events[e + 1].token <= event.token + 4;
    // "The operation in Chad ended": told of a named event, it joins it.
    bool of_named_event = light_verb_subject(a, e, vocabulary) >= 0;
    keep[e] = !leads_into_next && (own_time || named_participant || of_named_event);
  }
  for (const auto& r : a.relations)
    if (r.type == "causes" || r.type == "coreferent") keep[r.source] = keep[r.target] = true;
  return keep;
}


std::optional<EventTime> event_time(const DocumentFindings& a, const KeptEvent& event, const std::string* basis) {
  if (event.timex >= 0) {
    const Timex& t = a.timexes[event.timex];
    EventTime time{t.value, std::nullopt, std::nullopt, t.inferred || event.time_inherited};
    // An event dated from the story's time ("08 June 2022 17:58" atop the
    // article) happened that day, not at that minute.
    if (event.time_inherited && t.type == TimexType::time && t.value.size() > 10 && t.value[10] == 'T')
      time.value = t.value.substr(0, 10);
    if (basis) time.basis = *basis;
    if (t.bounds) {
      time.start = iso_day(t.bounds->first);
      time.end = iso_day(t.bounds->last);
    }
    return time;
  }
  // A report with no date of its own was made when the article says.
  if (!a.doc.dct) return std::nullopt;
  std::string day = a.doc.dct->value.substr(0, 10);
  if (event.event_class == EventClass::reporting && !event.future) return EventTime{day, day, day, true};
  // Otherwise the tense still says which side of the article's date it is
  // on: one bound, the other open (TimeML's PAST_REF / FUTURE_REF).
  if (event.past) return EventTime{"PAST_REF", std::nullopt, day, true, "past tense: on or before the article's date"};
  if (event.future) return EventTime{"FUTURE_REF", day, std::nullopt, true, "future tense: on or after the article's date"};
  return std::nullopt;
}

std::string sentence_text(const DocumentFindings& a, const KeptEvent& event) {
  return std::string(a.doc.slice(event.sentence));
}

// An actor takes part in an event once, in the first role it was given.
void add_role(std::vector<ActorRole>& roles, ActorRole role) {
  bool seen = std::any_of(roles.begin(), roles.end(), [&](const ActorRole& r) { return r.actor == role.actor; });
  if (!seen) roles.push_back(std::move(role));
}

GraphEvent make_event(const DocumentFindings& a, const DocumentIndex& index, const KeptEvent& kept,
                      const std::string* basis) {
  const KeptEvent& event = kept;
  GraphEvent g;
  g.label = event.label;
  g.trigger = std::string(a.doc.slice(event.trigger));
  g.event_class = to_string(event.event_class);
  g.time = event_time(a, event, basis);
  g.polarity = event.negated ? "negative" : "positive";
  g.modality = to_string(event.modality);
  for (const auto& [actor, participant_role] : kept.actors) {
    if (actor < 0 || actor >= int32_t(index.actor.size()) || index.actor[actor] < 0) continue;
    add_role(g.actors, {std::to_string(index.actor[actor]), participant_role});
  }
  g.mentions.push_back({a.doc.id, event.trigger.start, event.trigger.end, sentence_text(a, kept)});
  return g;
}

// The same real-world event told twice: the same kind of event (lemma up to
// synonyms), the same single day and polarity (the merge key), and no actor
// that contradicts (a shared one, or none). Within one article only named
// events ("the summit") merge: two statements by one person on one day stay
// two.
//
// Candidates are found through slots — (key, actor), (key, no actor) and
// (key, any actor) — each holding the first event put in it and the first
// from another document than that one: the earliest event of a slot not
// from document D is one of the two. So a key shared by thousands of events
// (one statement repeated all through an article) still costs constant time.
class MergeIndex {
 public:
  // The earliest event `event` (of document `doc`) is the same as, or -1.
  int32_t find(const std::string& key, const GraphEvent& event, size_t doc, bool named) const {
    if (key.empty()) return -1;
    if (event.actors.empty()) return pick(key + kAnyActor, doc, named);
    int32_t best = pick(key + kNoActor, doc, named);
    for (const auto& role : event.actors) {
      int32_t candidate = pick(key + kActor + role.actor, doc, named);
      if (candidate >= 0 && (best < 0 || candidate < best)) best = candidate;
    }
    return best;
  }

  void add(const std::string& key, const GraphEvent& event, size_t doc, int32_t index) {
    if (key.empty()) return;
    put(key + kAnyActor, doc, index);
    if (event.actors.empty()) put(key + kNoActor, doc, index);
    for (const auto& role : event.actors) put(key + kActor + role.actor, doc, index);
  }

 private:
  static constexpr const char* kAnyActor = "\x1f*";
  static constexpr const char* kNoActor = "\x1f-";
  static constexpr const char* kActor = "\x1f=";
  struct Slot {
    int32_t first = -1, first_elsewhere = -1;
    size_t first_doc = 0;
  };

  int32_t pick(const std::string& slot_key, size_t doc, bool named) const {
    auto it = slots_.find(slot_key);
    if (it == slots_.end()) return -1;
    const Slot& slot = it->second;
    return named || slot.first_doc != doc ? slot.first : slot.first_elsewhere;
  }

  void put(const std::string& slot_key, size_t doc, int32_t index) {
    Slot& slot = slots_[slot_key];
    if (slot.first < 0) slot.first = index, slot.first_doc = doc;
    else if (slot.first_elsewhere < 0 && doc != slot.first_doc) slot.first_elsewhere = index;
  }

  std::unordered_map<std::string, Slot> slots_;
};

// Candidates for merging share the key: lemma, single day and polarity.
std::string merge_key(const std::string& lemma, const GraphEvent& event) {
  if (!event.time || !event.time->start || event.time->start != event.time->end) return "";
  return lemma + "|" + *event.time->start + "|" + event.polarity;
}

// An episode is the same across articles when its kind and place are.
std::string episode_key(const std::string& kind, const KeptEvent& kept, const DocumentIndex& index,
                        const GraphEvent& event) {
  int32_t place = kept.place < int32_t(index.actor.size()) ? index.actor[kept.place] : -1;
  if (place < 0) return "";
  return "@" + kind + "|" + std::to_string(place) + "|" + event.polarity;
}

// Whether two times can be one: their bounds overlap, or one is unknown.
bool overlapping(const std::optional<EventTime>& x, const std::optional<EventTime>& y) {
  if (!x || !y) return true;
  bool x_before_y = x->end && y->start && *x->end < *y->start;
  bool y_before_x = y->end && x->start && *y->end < *x->start;
  return !x_before_y && !y_before_x;
}

// Another article's account of an episode: its mentions and actors join the
// node, and its date dates the node if the node had none.
void absorb_episode(GraphEvent& node, GraphEvent&& told) {
  node.mentions.push_back(std::move(told.mentions.front()));
  for (auto& role : told.actors) add_role(node.actors, std::move(role));
  bool bounded = node.time && (node.time->start || node.time->end);
  if (!bounded && told.time) node.time = std::move(told.time);
}

// "the events in Kazakhstan", held until every episode of the corpus is known.
struct HeldReference {
  Mention mention;
  std::optional<EventTime> time;
  std::optional<std::string> window_start, window_end;  // undated: the year before the article's date
  int32_t place = -1;                                   // graph actor
  std::string noun;
};

void hold_reference(const DocumentFindings& a, size_t d, const PlaceReference& r, const DocumentIndex& index,
                    const DatingBasis& dating, std::vector<HeldReference>& held) {
  int32_t place = r.place >= 0 && size_t(r.place) < index.actor.size() ? index.actor[r.place] : -1;
  if (place < 0) return;
  HeldReference h{{a.doc.id, r.trigger.start, r.trigger.end, std::string(a.doc.slice(r.sentence))}, std::nullopt,
                  std::nullopt, std::nullopt, place, r.noun};
  KeptEvent dated;
  dated.timex = r.timex;
  auto basis = dating.find({d, size_t(r.timex)});
  if (r.timex >= 0) h.time = event_time(a, dated, basis == dating.end() ? nullptr : &basis->second);
  if (!h.time && a.doc.dct) {
    const Dct& dct = *a.doc.dct;
    h.window_end = dct.value.substr(0, 10);
    h.window_start = std::to_string(dct.year - 1) + h.window_end->substr(4);
  }
  held.push_back(std::move(h));
}

// Each reference joins the episode told most often at its place, at a time
// it can be; the others become episodes of their own ("crisis in Peru").
// Only the most told episodes of a place are candidates, so that a place
// with thousands of them (one war a year for centuries) stays linear.
void resolve_references(std::vector<HeldReference> held, Graph& graph, std::vector<std::string>& kinds) {
  constexpr size_t kCandidates = 64;
  std::unordered_map<std::string, std::vector<size_t>> episodes_at;  // place actor -> episode nodes, most told first
  for (size_t e = 0; e < graph.events.size(); ++e)
    if (!graph.events[e].episode.empty())
      for (const auto& role : graph.events[e].actors)
        if (role.role == "location") episodes_at[role.actor].push_back(e);
  for (auto& [place, nodes] : episodes_at) {
    std::stable_sort(nodes.begin(), nodes.end(), [&](size_t x, size_t y) {
      return graph.events[x].mentions.size() > graph.events[y].mentions.size();
    });
    if (nodes.size() > kCandidates) nodes.resize(kCandidates);
  }
  std::map<std::pair<int32_t, std::string>, size_t> own;  // (place, noun) -> node made for references
  for (auto& h : held) {
    const std::string place = std::to_string(h.place);
    std::optional<EventTime> when = h.time;
    if (!when && h.window_end) when = EventTime{"", h.window_start, h.window_end, true};
    size_t best = SIZE_MAX;
    for (size_t e : episodes_at[place])
      if (overlapping(graph.events[e].time, when)) {
        best = e;
        break;
      }
    if (best == SIZE_MAX) {
      auto [it, fresh] = own.try_emplace({h.place, h.noun}, graph.events.size());
      if (fresh) {
        GraphEvent node;
        node.label = h.noun + " in " + graph.actors[size_t(h.place)].name;
        node.trigger = h.noun;
        node.time = h.time;
        node.episode = h.noun;
        node.actors.push_back({place, "location"});
        graph.events.push_back(std::move(node));
        kinds.push_back(h.noun);
      }
      best = it->second;
    }
    graph.events[best].mentions.push_back(std::move(h.mention));
  }
}

// The links the document's text states, between graph events (numbered as
// they are before disputed dates merge).
void add_text_relations(const DocumentFindings& a, const DocumentIndex& index, Graph& graph) {
  for (const auto& r : a.relations) {
    int32_t source = index.event[r.source], target = index.event[r.target];
    if (source < 0 || target < 0 || source == target) continue;
    Evidence evidence{a.doc.id, r.cue.start, r.cue.end, std::string(a.doc.slice(r.cue))};
    graph.relations.push_back({std::to_string(source), std::to_string(target), r.type, evidence});
  }
}

// Once merged, a document's findings are in the graph: freed, their memory
// serves the documents after it, so the peak is not all findings plus the
// whole graph.
void release_merged(DocumentFindings& a, DocumentIndex& index) {
  a = DocumentFindings{};
  decltype(index.event)().swap(index.event);
  decltype(index.actor)().swap(index.actor);
}

// Events become nodes, merged where two mentions tell the same event; each
// node's kind (canonical lemma) goes to `kinds`. Each document's text
// relations are added as it passes, then its findings are freed.
void add_events(std::vector<DocumentFindings>& docs, const DatingBasis& dating,
                const EventVocabulary& vocabulary, std::vector<DocumentIndex>& index, Graph& graph,
                std::vector<std::string>& kinds) {
  MergeIndex merge_index;
  std::vector<HeldReference> references;
  // Room for every kept event up front: pages never written cost nothing,
  // while growing by reallocation would hold two copies of the events.
  size_t most = graph.events.size();
  for (const auto& a : docs) most += a.events.size();
  graph.events.reserve(most);
  kinds.reserve(most);
  for (size_t d = 0; d < docs.size(); ++d) {
    const auto& a = docs[d];
    // The document's events were selected, and their aliases found, by reduce_document.
    index[d].event.assign(a.events.size(), -1);
    for (size_t e = 0; e < a.events.size(); ++e) {
      const auto& kept = a.events[e];
      if (kept.alias >= 0 && index[d].event[kept.alias] >= 0) {
        index[d].event[e] = index[d].event[kept.alias];
        graph.events[index[d].event[e]].mentions.push_back(
            {a.doc.id, kept.trigger.start, kept.trigger.end, sentence_text(a, kept)});
        continue;
      }

      auto basis = dating.find({d, size_t(kept.timex)});
      GraphEvent event = make_event(a, index[d], kept, basis == dating.end() ? nullptr : &basis->second);
      const bool episode = kept.place >= 0;  // its merge lemma is its kind (episodes.tsv)
      const std::string& canonical = episode ? kept.merge_lemma : vocabulary.canonical_lemma(kept.merge_lemma);
      if (episode) event.episode = canonical;
      const std::string key = episode ? episode_key(canonical, kept, index[d], event) : merge_key(canonical, event);
      if (int32_t same = merge_index.find(key, event, d, kept.noun);
          same >= 0 && (!episode || overlapping(graph.events[same].time, event.time))) {
        if (episode) absorb_episode(graph.events[same], std::move(event));
        else graph.events[same].mentions.push_back(event.mentions.front());
        index[d].event[e] = same;
        continue;
      }
      index[d].event[e] = int32_t(graph.events.size());
      merge_index.add(key, event, d, int32_t(graph.events.size()));
      graph.events.push_back(std::move(event));
      kinds.push_back(canonical);
    }
    add_text_relations(a, index[d], graph);
    for (const auto& r : a.references) hold_reference(a, d, r, index[d], dating, references);
    release_merged(docs[d], index[d]);
    if (d % 2048 == 2047) release_free_memory();  // the freed findings lie between the graph's allocations
  }
  resolve_references(std::move(references), graph, kinds);
}

// Relations follow their events when disputed dates merge events.
void renumber_relations(const std::vector<int32_t>& renumbered, Graph& graph) {
  std::vector<GraphRelation> kept;
  for (auto& r : graph.relations) {
    int32_t source = renumbered[std::stoul(r.source)], target = renumbered[std::stoul(r.target)];
    if (source == target) continue;
    r.source = std::to_string(source);
    r.target = std::to_string(target);
    kept.push_back(std::move(r));
  }
  graph.relations = std::move(kept);
}

bool asserted(const GraphEvent& e) { return e.modality == "actual" && e.polarity == "positive"; }
const std::string& start_of(const GraphEvent& e) { return *e.time->start; }
const std::string& end_of(const GraphEvent& e) { return *e.time->end; }

void link(Graph& graph, size_t source, size_t target, const char* type) {
  graph.relations.push_back({std::to_string(source), std::to_string(target), type, std::nullopt});
}

// "before" where one ends before the next begins, along the events in order
// of their first day (honest for partial dates: bounds, not values).
void add_before_links(Graph& graph, const std::vector<size_t>& by_start) {
  for (size_t k = 1; k < by_start.size(); ++k)
    if (end_of(graph.events[by_start[k - 1]]) < start_of(graph.events[by_start[k]]))
      link(graph, by_start[k - 1], by_start[k], "before");
}

bool same_day(const GraphEvent& a, const GraphEvent& b) {
  return start_of(a) == end_of(a) && start_of(a) == start_of(b) && end_of(a) == end_of(b) &&
         a.time->value == b.time->value;
}

// "simultaneous" for events given the same single day (or the same time on
// it): chained in order, not linked pairwise.
void add_same_day_links(Graph& graph, const std::vector<size_t>& by_start) {
  std::vector<size_t> days;
  for (size_t e : by_start)
    if (start_of(graph.events[e]) == end_of(graph.events[e])) days.push_back(e);
  auto order = [&](size_t x, size_t y) {
    return std::tie(start_of(graph.events[x]), graph.events[x].time->value, x) <
           std::tie(start_of(graph.events[y]), graph.events[y].time->value, y);
  };
  std::sort(days.begin(), days.end(), order);
  for (size_t k = 1; k < days.size(); ++k) {
    const auto& a = graph.events[days[k - 1]];
    const auto& b = graph.events[days[k]];
    if (same_day(a, b)) link(graph, days[k - 1], days[k], "simultaneous");
  }
}

// "includes" from the nearest event whose days contain another's ("in
// January" includes "on January 5", "in 2022" includes "in January"): a
// sweep in order of (first day, last day latest first) with a stack of the
// spans still open, so each event gets one container, not every one.
void add_containment_links(Graph& graph, std::vector<size_t> events) {
  auto order = [&](size_t x, size_t y) {
    const auto& a = graph.events[x];
    const auto& b = graph.events[y];
    if (start_of(a) != start_of(b)) return start_of(a) < start_of(b);
    if (end_of(a) != end_of(b)) return end_of(a) > end_of(b);
    return std::tie(a.time->value, x) < std::tie(b.time->value, y);  // one day's groups together
  };
  std::sort(events.begin(), events.end(), order);
  constexpr size_t kLookBack = 64;  // spans that overlap without containing are rare
  std::vector<size_t> open;
  for (size_t x : events) {
    const auto& inner = graph.events[x];
    while (!open.empty() && end_of(graph.events[open.back()]) < start_of(inner)) open.pop_back();
    // Simultaneous with the event before it (add_same_day_links): included
    // with it already.
    if (!open.empty() && same_day(graph.events[open.back()], inner)) {
      open.push_back(x);
      continue;
    }
    for (size_t k = open.size(), looked = 0; k-- > 0 && looked < kLookBack; ++looked) {
      const auto& outer = graph.events[open[k]];
      bool same_span = start_of(outer) == start_of(inner) && end_of(outer) == end_of(inner);
      if (!same_span && end_of(outer) >= end_of(inner)) {
        link(graph, open[k], x, "includes");
        break;
      }
    }
    open.push_back(x);
  }
}

// A "same_actor" thread through each actor's events in time order.
void add_actor_threads(Graph& graph, const std::vector<size_t>& by_start) {
  std::map<std::string, size_t> last_of_actor;
  for (size_t e : by_start)
    for (const auto& role : graph.events[e].actors) {
      auto [it, fresh] = last_of_actor.try_emplace(role.actor, e);
      if (!fresh && it->second != e) {
        link(graph, it->second, e, "same_actor");
        it->second = e;
      }
    }
}

// Links between dated events that happened (as far as the text says) from
// their days alone.
void add_time_relations(Graph& graph) {
  std::vector<size_t> dated;
  for (size_t e = 0; e < graph.events.size(); ++e)
    if (const auto& t = graph.events[e].time; t && t->start && t->end && asserted(graph.events[e])) dated.push_back(e);
  std::sort(dated.begin(), dated.end(),
            [&](size_t x, size_t y) { return std::tie(start_of(graph.events[x]), x) < std::tie(start_of(graph.events[y]), y); });
  // Exactly the room needed: growing a vector of a million relations
  // holds two copies of it for a moment.
  size_t links = graph.relations.size() + 3 * dated.size();
  for (size_t e : dated) links += graph.events[e].actors.size();
  graph.relations.reserve(links);
  add_before_links(graph, dated);
  add_same_day_links(graph, dated);
  add_containment_links(graph, dated);
  add_actor_threads(graph, dated);
}

// Internal indices become the public ids only at the end.
void assign_ids(Graph& graph) {
  std::map<std::string, std::string> actor_ids;
  for (size_t i = 0; i < graph.actors.size(); ++i) actor_ids[std::to_string(i)] = graph.actors[i].id;
  for (size_t i = 0; i < graph.events.size(); ++i) {
    graph.events[i].id = "e" + std::to_string(i + 1);
    for (auto& role : graph.events[i].actors) role.actor = actor_ids[role.actor];
  }
  for (auto& r : graph.relations) {
    r.source = "e" + std::to_string(std::stoul(r.source) + 1);
    r.target = "e" + std::to_string(std::stoul(r.target) + 1);
  }
}

// Which of the document's events each kept event is another name for: an
// event told before it ("coreferent" relations), or the event noun a light
// verb is about. Returns document event -> document event.
std::map<int32_t, int32_t> aliases_of(const DocumentAnalysis& a, const EventVocabulary& vocabulary,
                                      std::map<int32_t, std::string>& kind) {
  std::map<int32_t, int32_t> alias;
  for (const auto& r : a.relations)
    if (r.type == "coreferent") alias[r.target] = r.source;
  for (size_t e = 0; e < a.events.size(); ++e)
    if (int32_t subject = light_verb_subject(a, e, vocabulary); subject >= 0) {
      alias[int32_t(e)] = subject;
      kind[int32_t(e)] = a.events[subject].lemma;  // "was held" is a summit when a summit was held
    }
  return alias;
}

KeptEvent keep_event(const DocumentAnalysis& a, EventMention&& mention) {
  KeptEvent kept;
  kept.trigger = mention.trigger;
  kept.sentence = a.seg.sentences[mention.sentence].span;
  kept.timex = mention.timex;
  kept.event_class = mention.event_class;
  kept.modality = mention.modality;
  kept.negated = mention.negated;
  kept.noun = mention.noun;
  kept.time_inherited = mention.time_inherited;
  kept.past = mention.tense == "PAST" || (mention.tense == "PRESENT" && mention.aspect == "PERFECTIVE");
  kept.future = mention.tense == "FUTURE";
  kept.label = std::move(mention.label);
  kept.merge_lemma = std::move(mention.lemma);
  kept.actors.reserve(mention.participants.size());
  for (auto& p : mention.participants) {
    bool known = p.mention >= 0 && size_t(p.mention) < a.actors.mentions.size();
    kept.actors.emplace_back(known ? a.actors.mentions[p.mention].actor : -1, std::move(p.role));
  }
  return kept;
}

// Every mention of an episode is kept, as another name for its first.
void add_episodes(const DocumentAnalysis& a, const DocumentEpisodes& episodes, std::vector<bool>& keep,
                  std::map<int32_t, int32_t>& alias) {
  for (size_t e = 0; e < a.events.size(); ++e) {
    int32_t leader = episodes.leader[e];
    if (leader < 0) continue;
    keep[e] = true;
    if (leader != int32_t(e)) alias.try_emplace(int32_t(e), leader);
  }
}

// An episode's node as its first mention makes it: named by its kind and
// place ("operation in Kazakhstan"), dated as find_episodes says, with the
// organisations and countries of all its mentions.
// The actors of a mention join a kept event, each once; its place (an
// episode's) as the location.
void add_actors_of(const DocumentAnalysis& a, const EventMention& mention, KeptEvent& kept, bool persons = true) {
  for (const auto& p : mention.participants) {
    bool known = p.mention >= 0 && size_t(p.mention) < a.actors.mentions.size();
    int32_t actor = known ? a.actors.mentions[p.mention].actor : -1;
    if (actor < 0 || (!persons && a.actors.actors[actor].kind == ActorKind::person)) continue;
    bool seen = std::any_of(kept.actors.begin(), kept.actors.end(), [&](const auto& r) { return r.first == actor; });
    if (!seen) kept.actors.emplace_back(actor, actor == kept.place ? "location" : p.role);
  }
}

std::map<int32_t, KeptEvent> episode_events(const DocumentAnalysis& a, const DocumentEpisodes& episodes,
                                            const EventVocabulary& vocabulary) {
  std::map<int32_t, KeptEvent> heads;
  for (size_t e = 0; e < a.events.size(); ++e) {
    int32_t leader = episodes.leader[e];
    if (leader < 0) continue;
    if (leader == int32_t(e)) {
      EventMention copy = a.events[e];
      copy.participants.clear();
      KeptEvent head = keep_event(a, std::move(copy));
      head.place = episodes.place[e];
      head.timex = episodes.timex[e];
      head.time_inherited = false;
      head.merge_lemma = vocabulary.episode_kinds.at(a.events[e].lemma);
      head.label = head.merge_lemma + " in " + a.actors.actors[head.place].name;
      heads.emplace(leader, std::move(head));
    }
    // A person next to "the operation" is most often talking about it.
    add_actors_of(a, a.events[e], heads.at(leader), /*persons=*/false);
  }
  return heads;
}

// "Peskov refused to comment", "tried to connect", "declared martial law
// and broke relations": two triggers whose labels read the same words (one
// within the other, or mostly the same words with one's trigger in the
// other's) are one thing that happened, told once. The later becomes
// another name for the earlier, which takes both events' actors.
bool one_reading(const EventMention& earlier, const EventMention& later) {
  auto contains = [](Span outer, Span inner) { return outer.start <= inner.start && inner.end <= outer.end; };
  const Span a = earlier.label_source, b = later.label_source;
  if (contains(a, b) || contains(b, a)) return true;
  if (!contains(a, later.trigger) && !contains(b, earlier.trigger)) return false;
  const uint32_t shared = std::min(a.end, b.end) > std::max(a.start, b.start)
                              ? std::min(a.end, b.end) - std::max(a.start, b.start) : 0;
  return 3 * shared >= 2 * std::min(a.size(), b.size());
}

void fold_readings(DocumentAnalysis& a, const DocumentEpisodes& episodes, const std::vector<bool>& keep,
                   std::map<int32_t, int32_t>& alias) {
  for (size_t e = 1; e < a.events.size(); ++e) {
    if (!keep[e] || alias.count(int32_t(e)) || episodes.leader[e] >= 0 || a.events[e].noun) continue;
    EventMention& later = a.events[e];
    for (size_t p = e; p-- > 0 && a.events[p].sentence == later.sentence;) {
      EventMention& earlier = a.events[p];
      if (!keep[p] || alias.count(int32_t(p)) || episodes.leader[p] >= 0 || earlier.noun) continue;
      // "violates an agreement reached in 1991": another date, another event.
      const bool other_date = earlier.timex >= 0 && later.timex >= 0 &&
                              a.timexes[size_t(earlier.timex)].value != a.timexes[size_t(later.timex)].value;
      if (earlier.negated != later.negated || other_date || !one_reading(earlier, later)) continue;
      alias[int32_t(e)] = int32_t(p);
      // The later label when it says more of the same ("refused to comment"
      // -> "refused to comment to journalists"); else the earlier, whose
      // verb leads ("act as a united front", not "resolving the issues").
      if (later.label.find(earlier.label) != std::string::npos) earlier.label = later.label;
      earlier.label_source = {std::min(earlier.label_source.start, later.label_source.start),
                              std::max(earlier.label_source.end, later.label_source.end)};
      auto actor_of = [&](const Participant& q) {
        return q.mention >= 0 && size_t(q.mention) < a.actors.mentions.size() ? a.actors.mentions[size_t(q.mention)].actor
                                                                               : -1;
      };
      for (const auto& part : later.participants) {
        const int32_t actor = actor_of(part);
        const bool seen = std::any_of(earlier.participants.begin(), earlier.participants.end(),
                                      [&](const Participant& q) { return actor_of(q) == actor; });
        if (!seen) earlier.participants.push_back(part);
      }
      break;
    }
  }
}

// Another name for an earlier event adds only its mention to that event's
// node: the rest need not wait in memory for the corpus to be read.
void forget_all_but_the_mention(KeptEvent& kept) {
  std::string().swap(kept.label);
  std::string().swap(kept.merge_lemma);
  decltype(kept.actors)().swap(kept.actors);
}

// The spans of the text the graph may quote.
std::vector<Span> quoted_spans(const DocumentAnalysis& a, const std::vector<KeptEvent>& events,
                                const std::vector<PlaceReference>& references) {
  std::vector<Span> spans;
  for (const auto& e : events) {
    spans.push_back(e.sentence);
    spans.push_back(e.trigger);
  }
  for (const auto& r : references) {
    spans.push_back(r.sentence);
    spans.push_back(r.trigger);
  }
  for (const auto& r : a.relations) spans.push_back(r.cue);
  if (!a.doc.dct)  // the year completion may cite the article's own dates
    for (const auto& t : a.timexes) spans.push_back(t.span);
  return spans;
}

}  // namespace

std::string_view QuotedDocument::slice(Span span) const {
  auto after = std::upper_bound(pieces_.begin(), pieces_.end(), span.start,
                                [](uint32_t start, const Piece& p) { return start < p.span.start; });
  if (after == pieces_.begin()) return {};
  const Piece& piece = *(after - 1);
  if (span.end > piece.span.end || span.start > span.end) return {};
  return std::string_view(quoted_).substr(piece.at + (span.start - piece.span.start), span.size());
}

void QuotedDocument::keep(std::string_view text, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](Span x, Span y) { return x.start < y.start; });
  pieces_.clear();
  quoted_.clear();
  for (Span s : spans) {
    s.end = std::min<uint32_t>(s.end, uint32_t(text.size()));
    if (s.start >= s.end) continue;
    if (!pieces_.empty() && s.start <= pieces_.back().span.end) {  // overlaps or touches: extend
      Piece& last = pieces_.back();
      if (s.end > last.span.end) {
        quoted_.append(text.substr(last.span.end, s.end - last.span.end));
        last.span.end = s.end;
      }
      continue;
    }
    pieces_.push_back({s, uint32_t(quoted_.size())});
    quoted_.append(text.substr(s.start, s.size()));
  }
  quoted_.shrink_to_fit();
  pieces_.shrink_to_fit();
}

DocumentFindings reduce_document(DocumentAnalysis&& a, const EventVocabulary& vocabulary) {
  DocumentFindings f;
  auto keep = select_events(a, vocabulary);
  std::map<int32_t, std::string> kind;
  auto alias = aliases_of(a, vocabulary, kind);
  DocumentEpisodes episodes = find_episodes(a, vocabulary);
  add_episodes(a, episodes, keep, alias);
  fold_readings(a, episodes, keep, alias);
  std::map<int32_t, KeptEvent> episode_heads = episode_events(a, episodes, vocabulary);
  std::vector<int32_t> kept_index(a.events.size(), -1);
  for (size_t e = 0, n = 0; e < a.events.size(); ++e)
    if (keep[e]) kept_index[e] = int32_t(n++);
  for (size_t e = 0; e < a.events.size(); ++e)
    if (a.events[e].timex >= 0) f.dated.push_back({a.events[e].lemma, a.events[e].timex, a.events[e].sentence});
  for (size_t e = 0; e < a.events.size(); ++e) {
    if (!keep[e]) continue;
    auto head = episode_heads.find(int32_t(e));
    KeptEvent kept = head != episode_heads.end() ? std::move(head->second) : keep_event(a, std::move(a.events[e]));
    if (auto k = kind.find(int32_t(e)); k != kind.end()) {
      kept.merge_lemma = k->second;
      // "a summit of the CSTO countries was held": the summit's actors are
      // the meeting's, when the summit is no node of its own.
      if (int32_t noun = alias[int32_t(e)]; noun >= 0 && !keep[size_t(noun)]) add_actors_of(a, a.events[size_t(noun)], kept);
    }
    if (auto it = alias.find(int32_t(e)); it != alias.end() && it->second >= 0 && size_t(it->second) < keep.size())
      kept.alias = kept_index[it->second];
    if (kept.alias >= 0) forget_all_but_the_mention(kept);
    f.events.push_back(std::move(kept));
  }
  for (auto r : a.relations) {
    r.source = kept_index[r.source];
    r.target = kept_index[r.target];
    // Only causal links keep their events; a temporal cue between events
    // that do not become nodes has nothing to link.
    if (r.source >= 0 && r.target >= 0) f.relations.push_back(std::move(r));
  }
  f.references = std::move(episodes.references);
  f.doc.keep(a.doc.text, quoted_spans(a, f.events, f.references));
  f.doc.id = std::move(a.doc.id);
  f.doc.path = std::move(a.doc.path);
  f.doc.title = std::move(a.doc.title);
  f.doc.dct = std::move(a.doc.dct);
  f.timexes = std::move(a.timexes);
  f.actors.actors = std::move(a.actors.actors);
  // Held until the whole corpus is read: no spare capacity.
  f.events.shrink_to_fit();
  f.dated.shrink_to_fit();
  f.relations.shrink_to_fit();
  f.timexes.shrink_to_fit();
  f.actors.actors.shrink_to_fit();
  return f;
}

Result<EventVocabulary> EventVocabulary::load(const Resources& resources) {
  EventVocabulary vocabulary;
  auto synonyms = resources.table("en/corpus/event_synonyms.tsv", 2);
  if (!synonyms) return synonyms.error();
  for (const auto& row : synonyms->rows) {
    std::string canonical = fold_case(row.fields[0]);
    for (const auto& field : row.fields) vocabulary.canonical[fold_case(field)] = canonical;
  }
  auto light = resources.table("en/corpus/light_verbs.tsv", 1);
  if (!light) return light.error();
  for (const auto& row : light->rows) vocabulary.light_verbs.insert(fold_case(row.fields[0]));
  auto nouns = resources.table("en/events/nouns.tsv", 1);
  if (!nouns) return nouns.error();
  for (const auto& row : nouns->rows) vocabulary.named_events.insert(fold_case(row.fields[0]));
  auto episodes = resources.table("en/corpus/episodes.tsv", 2);
  if (!episodes) return episodes.error();
  for (const auto& row : episodes->rows)
    for (size_t i = 1; i < row.fields.size(); ++i) vocabulary.episode_kinds[fold_case(row.fields[i])] = fold_case(row.fields[0]);
  auto references = resources.table("en/corpus/episode_references.tsv", 1);
  if (!references) return references.error();
  for (const auto& row : references->rows) vocabulary.place_references.insert(fold_case(row.fields[0]));
  return vocabulary;
}

const std::string& EventVocabulary::canonical_lemma(const std::string& lemma) const {
  auto it = canonical.find(lemma);
  return it == canonical.end() ? lemma : it->second;
}

Graph assemble_graph(std::vector<DocumentFindings>& documents, const ActorTagger& actors,
                     const EventVocabulary& vocabulary) {
  Graph graph;
  add_documents(documents, graph);
  const DatingBasis dating = complete_years(documents);
  auto index = add_actors(documents, actors, graph);
  std::vector<std::string> kinds;
  add_events(documents, dating, vocabulary, index, graph, kinds);
  // Sources that date one event differently: one node with both dates.
  auto renumbered = merge_disputed_dates(graph, kinds);
  renumber_relations(renumbered, graph);
  add_time_relations(graph);
  assign_ids(graph);
  return graph;
}

}  // namespace annals
