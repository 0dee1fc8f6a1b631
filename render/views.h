// The two views, each built as a cgraph graph ready for gvc.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "gv_session.h"
#include "render.h"
#include "render_model.h"

namespace annals::render_detail {

struct ViewGraph {
  std::unique_ptr<GvGraph> graph;
  const char* engine = "dot";
  // SVG <title> text for node names (clean, not escaped): the tooltips.
  std::map<std::string, std::string> titles;
};

ViewGraph build_timeline_view(const Model& model, const RenderOptions& options);
ViewGraph build_graph_view(const Model& model, const RenderOptions& options);

// Shared by the views: "x,y!" with y flipped into Graphviz's upward axis.
std::string pinned_pos(double x, double y, double height);
// With --link-sources: the node links to the event's first source file.
void link_to_source(void* node, const ModelEvent& event);
// A number for an attribute: "%.2f" without trailing zeros.
std::string fmt_num(double value);

}  // namespace annals::render_detail
