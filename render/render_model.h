// The events a view draws: the graph filtered by the options, with what the
// views need precomputed (day bounds, lane, sources, display text). Every
// string here is clean_text()ed but not yet escaped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render.h"
#include "timeline_layout.h"

namespace annals::render_detail {

struct ModelEvent {
  size_t index = 0;              // position in the graph's events
  std::string node;              // Graphviz node name: "e0", "e1", ...
  std::string label;             // label, or trigger if empty
  std::optional<DaySpan> days;   // none: undated
  bool uncertain = false;        // inferred or only one bound known
  bool negated = false;
  bool actual = true;            // modality "actual"
  std::string modality;
  std::string date_text;         // "2022-01-05" or "2022-01 (2022-01-01..2022-01-31)"
  int lane = -1;                 // index into Model::lanes
  std::vector<std::string> actor_names;
  std::vector<std::string> source_titles;  // distinct documents
  std::vector<std::string> source_paths;   // their files, as the graph names them
  std::vector<size_t> members;             // graph events this mark stands for
  std::string sentence;          // first mention's sentence
  std::string id;
  size_t sources() const { return source_titles.size(); }
  bool collapsed() const { return members.size() > 1; }
};

struct ModelRelation {
  size_t source = 0;  // indexes into Model::events
  size_t target = 0;
  std::string type;
  std::string cue;
};

struct Model {
  std::vector<ModelEvent> events;  // dated first by day, then undated, input order
  std::vector<ModelRelation> relations;
  std::vector<std::string> lanes;  // display names, in first-use order by day
  size_t hidden_negated = 0;       // left out by the modality/polarity rule
  size_t hidden_hypothetical = 0;
  size_t filtered_out = 0;         // left out by from/to/actors/top
  size_t total = 0;
};

Result<Model> build_model(const Graph& graph, const RenderOptions& options);

// Multi-line tooltip text: label, date, actors, sources, sentence, id.
std::string tooltip_text(const ModelEvent& event);

}  // namespace annals::render_detail
