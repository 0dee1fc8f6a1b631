// Where everything of the timeline view goes, in points with y growing
// downwards; computed from the model alone (no Graphviz) by plan_timeline.
#pragma once

#include <string>
#include <vector>

#include "render_model.h"
#include "timeline_layout.h"

namespace annals::render_detail {

// Text metrics used for planning (sans-serif at the given size); Graphviz
// draws the text, these only reserve room for it.
inline constexpr double kFontSize = 10;
inline constexpr double kCharWidth = 5.6;   // average advance at kFontSize
inline constexpr double kLineHeight = 12.5;
inline constexpr double kSmallSize = 8;

struct PlacedEvent {
  size_t event = 0;    // index into Model::events
  bool bar = false;    // an interval drawn as a bar, else a point
  bool undated = false;
  double cx = 0, cy = 0, w = 0, h = 0;    // the marker
  double lx = 0, ly = 0, lw = 0, lh = 0;  // the label box, top-left corner
  std::vector<std::string> lines;         // label text, wrapped
  std::string sources;                    // "3 sources", or empty
};

struct PlacedLane {
  std::vector<std::string> name_lines;
  double y0 = 0, y1 = 0;
};

struct AxisBreak {
  double x0 = 0, x1 = 0;  // the empty stretch of the axis
  std::string gap;        // "29 years"
};

struct TimelinePlan {
  double width = 0, height = 0;
  double margin = 16;
  std::string caption;
  double caption_y = 0;
  bool has_axis = false;  // false when nothing is dated
  TimeScale scale;
  TickUnit unit = TickUnit::day;
  std::vector<Tick> ticks;
  std::vector<AxisBreak> breaks;
  double axis_y = 0;
  double lane_label_x = 0;  // right edge of the lane names
  std::vector<PlacedLane> lanes;
  double lanes_y0 = 0, lanes_y1 = 0;
  double undated_y = 0;     // the "Undated" heading; 0 when none
  std::vector<PlacedEvent> events;  // in Model::events order
  double legend_y = 0;
};

TimelinePlan plan_timeline(const Model& model);

}  // namespace annals::render_detail
