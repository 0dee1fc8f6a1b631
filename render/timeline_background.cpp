// The static part of the timeline, drawn as xdot in _background: lane bands
// and names, the axis with its ticks and breaks, headings and the legend.
#include <cmath>

#include "escape.h"
#include "palette.h"
#include "timeline_plan.h"
#include "xdot_builder.h"

namespace annals::render_detail {
namespace {

double est_width(const std::string& text, double size) {
  return static_cast<double>(utf8_length(text)) * size * 0.56;
}

void draw_lanes(XdotBuilder& x, const TimelinePlan& plan, const Palette& pal) {
  const double left = plan.margin / 2, right = plan.width - plan.margin / 2;
  int shown = 0;
  for (const PlacedLane& lane : plan.lanes) {
    if (lane.y1 <= lane.y0) continue;
    x.fill(shown++ % 2 == 0 ? pal.band : pal.background);
    x.pen(shown % 2 == 1 ? pal.band : pal.background);
    x.rect(left, lane.y0, right, lane.y1);
    x.font(10.5, true);
    x.pen(pal.text);
    double y = lane.y0 + 16;
    for (const std::string& line : lane.name_lines) {
      x.text(plan.lane_label_x, y, 1, est_width(line, 10.5), line);
      y += 12.5;
    }
  }
}

void draw_axis(XdotBuilder& x, const TimelinePlan& plan, const Palette& pal) {
  const double y = plan.axis_y;
  x.style("solid");
  x.pen(pal.grid);
  for (const Tick& t : plan.ticks) x.line(t.x, y, t.x, plan.lanes_y1);
  x.pen(pal.axis);
  x.style("setlinewidth(1.2)");
  for (const Segment& s : plan.scale.segments) x.line(s.x0, y, s.x1, y);
  x.font(9);
  for (const Tick& t : plan.ticks) {
    x.line(t.x, y - 5, t.x, y);
    x.text(t.x, y - 8, 0, est_width(t.label, 9), t.label);
  }
  for (const AxisBreak& b : plan.breaks) {
    const double mid = (b.x0 + b.x1) / 2;
    x.fill(pal.background);
    x.pen(pal.background);
    x.rect(b.x0 + 3, y - 6, b.x1 - 3, plan.lanes_y1);
    x.pen(pal.axis);
    x.line(b.x0 + 3, y + 5, b.x0 + 9, y - 5);
    x.line(b.x1 - 9, y + 5, b.x1 - 3, y - 5);
    x.style("dashed");
    x.pen(pal.muted);
    x.line(mid, y + 2, mid, plan.lanes_y1);
    x.style("setlinewidth(1.2)");
    x.font(8);
    x.text(mid, y - 22, 0, est_width(b.gap, 8), b.gap);
  }
  x.style("solid");
}

void legend_item(XdotBuilder& x, double& at, double y, const Palette& pal, const std::string& text) {
  x.style("solid");
  x.pen(pal.text);
  at += 6;
  x.font(9);
  x.text(at, y + 3, -1, est_width(text, 9), text);
  at += est_width(text, 9) + 18;
}

// A point marker in the legend: fill, outline colour and line style.
void legend_point(XdotBuilder& x, double& at, double y, const std::string& fill,
                  const std::string& pen, const char* style) {
  x.fill(fill);
  x.pen(pen);
  x.style(style);
  x.ellipse(at + 4.5, y, 4.5, 4.5);
  at += 9;
}

void draw_legend(XdotBuilder& x, const TimelinePlan& plan, const Model& model, const Palette& pal) {
  double at = plan.margin, y = plan.legend_y;
  legend_point(x, at, y, pal.event, pal.event, "solid");
  legend_item(x, at, y, pal, "day");
  x.pen(pal.event);
  x.rect(at, y - 4, at + 26, y + 4);
  at += 26;
  legend_item(x, at, y, pal, "period (month, interval)");
  x.fill(pal.event_fill_faded);
  x.pen(pal.event);
  x.style("dashed");
  x.rect(at, y - 4, at + 26, y + 4);
  x.outline(at, y - 4, at + 26, y + 4);
  at += 26;
  legend_item(x, at, y, pal, "uncertain or inferred date");
  x.pen(pal.causes);
  x.fill(pal.causes);
  x.style("setlinewidth(1.4)");
  x.line(at, y, at + 22, y);
  x.polygon({at + 22, y - 3.5, at + 29, y, at + 22, y + 3.5});
  at += 29;
  legend_item(x, at, y, pal, "causes");
  bool negated = false, other = false;
  for (const ModelEvent& e : model.events) {
    negated |= e.negated;
    other |= !e.actual;
  }
  if (negated) {
    legend_point(x, at, y, pal.background, pal.negated, "setlinewidth(1.8)");
    legend_item(x, at, y, pal, "negated (did not happen)");
  }
  if (other) {
    legend_point(x, at, y, pal.background, pal.hypothetical, "dashed");
    legend_item(x, at, y, pal, "possible, planned or hypothetical");
  }
}

}  // namespace

std::string timeline_background(const TimelinePlan& plan, const Model& model, const Palette& pal) {
  XdotBuilder x(plan.height);
  draw_lanes(x, plan, pal);
  if (plan.has_axis) draw_axis(x, plan, pal);
  x.pen(pal.muted);
  x.font(10);
  x.text(plan.margin, plan.caption_y + 4, -1, est_width(plan.caption, 10), plan.caption);
  if (plan.undated_y > 0) {
    x.pen(pal.text);
    x.font(10.5, true);
    x.text(plan.lane_label_x, plan.undated_y + 9, 1, est_width("Undated", 10.5), "Undated");
  }
  if (model.events.empty()) {
    x.pen(pal.muted);
    x.font(14);
    x.text(plan.width / 2, plan.lanes_y0 + 40, 0, 200, "no events to show");
  } else {
    draw_legend(x, plan, model, pal);
  }
  return x.str();
}

}  // namespace annals::render_detail
