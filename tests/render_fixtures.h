// Synthetic graphs for the rendering tests and benchmarks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "timeline_layout.h"

namespace annals::render_fixtures {

using render_detail::Day;
using render_detail::day_from_civil;
using render_detail::iso_day;

inline GraphEvent event(std::string id, std::string label, std::optional<std::string> start,
                 std::optional<std::string> end, std::string agent = "",
                 std::vector<std::string> docs = {"d1"}) {
  GraphEvent e;
  e.id = std::move(id);
  e.label = std::move(label);
  e.trigger = "x";
  e.event_class = "OCCURRENCE";
  if (start || end) {
    EventTime t;
    t.value = start ? *start : *end;
    t.start = start;
    t.end = end;
    e.time = t;
  }
  if (!agent.empty()) e.actors.push_back({agent, "agent"});
  for (const auto& d : docs) e.mentions.push_back({d, 0, 1, "The sentence about " + e.label + "."});
  return e;
}

inline // A larger, denser graph: `n` events over `days` days, 12 actors, a causal
// chain every few events; labels in English and Russian.
Graph dense_graph(int n, int days) {
  static const char* words[] = {"talks", "sanctions", "troops", "summit", "protest", "ceasefire",
                                "переговоры", "санкции", "border", "election", "визит", "agreement"};
  Graph g;
  for (int a = 0; a < 12; ++a) g.actors.push_back({"a" + std::to_string(a), "Actor " + std::to_string(a), "country", {}});
  g.documents = {{"d1", "", "One", std::nullopt, std::nullopt}, {"d2", "", "Two", std::nullopt, std::nullopt}};
  const Day start = day_from_civil(2022, 1, 1);
  for (int i = 0; i < n; ++i) {
    const Day d = start + (static_cast<Day>(i) * 7919) % days;
    std::string label = std::string(words[i % 12]) + " " + words[(i * 5 + 3) % 12] + " number " + std::to_string(i);
    const bool month = i % 9 == 0;
    GraphEvent e = event("e" + std::to_string(i), label, iso_day(d), iso_day(month ? d + 29 : d),
                         "a" + std::to_string(i % 12), i % 4 == 0 ? std::vector<std::string>{"d1", "d2"}
                                                                  : std::vector<std::string>{"d1"});
    if (i % 13 == 0) e.time->inferred = true;
    if (i % 17 == 0) e.time.reset();
    g.events.push_back(std::move(e));
    if (i % 5 == 1) g.relations.push_back({"e" + std::to_string(i - 1), "e" + std::to_string(i), "causes", std::nullopt});
  }
  return g;
}

}  // namespace annals::render_fixtures
