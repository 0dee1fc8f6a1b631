// A synthetic event graph shaped like what `annals build` writes, at any
// size: 20 events per document, one actor per ~50 events (1–2 per event),
// dates spread over up to 20 years, causal links to recent earlier events
// (each event has one cause with probability 0.7, two with 0.1: chains of
// a few to a few dozen events), and `before` / `same_actor` threads made
// the way core/corpus/corpus.cpp makes them. Deterministic for a seed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>

#include <date/date.h>

#include "graph/graph.h"

namespace annals::bench {

inline std::string iso_day(int day_number) {
  using namespace date;
  return date::format("%F", sys_days(2005_y / January / 1) + days(day_number));
}

inline Graph synthetic_graph(size_t event_count, uint64_t seed = 42, const std::string& prefix = "") {
  static const char* verbs[] = {"met",     "said",     "signed",   "attacked", "visited",  "announced", "denied",
                                "accused", "deployed", "withdrew", "promised", "requested", "rejected", "warned",
                                "agreed",  "launched", "arrested", "resigned", "elected",  "protested"};
  std::mt19937_64 random(seed);
  auto pick = [&](size_t n) { return size_t(random() % n); };
  Graph g;
  const size_t per_doc = 20;
  const size_t actor_count = std::max<size_t>(2, event_count / 50);
  const int span_days = int(std::min<size_t>(event_count, 7300));
  for (size_t d = 0; d * per_doc < event_count; ++d)
    g.documents.push_back({prefix + "doc" + std::to_string(d), prefix + "doc" + std::to_string(d) + ".txt",
                           "Article " + std::to_string(d), std::nullopt, std::nullopt});
  for (size_t a = 0; a < actor_count; ++a)
    g.actors.push_back({prefix + "actor-" + std::to_string(a), prefix + "Actor " + std::to_string(a),
                        a % 3 == 0 ? "person" : a % 3 == 1 ? "organization" : "country", {}});
  g.events.reserve(event_count);
  for (size_t i = 0; i < event_count; ++i) {
    GraphEvent e;
    e.id = "e" + std::to_string(i + 1);
    const char* verb = verbs[pick(std::size(verbs))];
    size_t agent = pick(actor_count);
    e.trigger = verb;
    e.label = g.actors[agent].name + " " + verb + " item " + std::to_string(i);
    e.event_class = "OCCURRENCE";
    std::string day = iso_day(int(uint64_t(i) * uint64_t(span_days) / std::max<size_t>(1, event_count)));
    e.time = EventTime{day, day, day, false};
    e.actors.push_back({g.actors[agent].id, "agent"});
    if (pick(2) == 0) {
      size_t patient = pick(actor_count);
      if (patient != agent) e.actors.push_back({g.actors[patient].id, "patient"});
    }
    const std::string& doc = g.documents[i / per_doc].id;
    uint32_t start = uint32_t(i % per_doc) * 120 + 20;
    e.mentions.push_back({doc, start, start + uint32_t(std::char_traits<char>::length(verb)),
                          e.label + " on " + day + ", the agency reported."});
    g.events.push_back(std::move(e));
  }
  // Causes: recent earlier events, so the causal graph is acyclic.
  for (size_t i = 1; i < event_count; ++i) {
    int draw = int(pick(10));
    int causes = draw < 7 ? 1 : draw < 8 ? 2 : 0;
    for (int c = 0; c < causes; ++c) {
      size_t back = 1 + pick(std::min<size_t>(i, 200));
      const Mention& m = g.events[i].mentions[0];
      g.relations.push_back({g.events[i - back].id, g.events[i].id, "causes",
                             Evidence{m.doc, m.start > 15 ? m.start - 15 : 0, m.start > 5 ? m.start - 5 : 0,
                                      "in response to"}});
    }
  }
  // Dates only increase with the index: the dated order is the index order.
  for (size_t i = 1; i < event_count; ++i)
    if (*g.events[i - 1].time->end < *g.events[i].time->start)
      g.relations.push_back({g.events[i - 1].id, g.events[i].id, "before", std::nullopt});
  std::map<std::string, size_t> last_of_actor;
  for (size_t i = 0; i < event_count; ++i)
    for (const auto& role : g.events[i].actors) {
      auto [it, fresh] = last_of_actor.try_emplace(role.actor, i);
      if (!fresh && it->second != i) {
        g.relations.push_back({g.events[it->second].id, g.events[i].id, "same_actor", std::nullopt});
        it->second = i;
      }
    }
  return g;
}

}  // namespace annals::bench
