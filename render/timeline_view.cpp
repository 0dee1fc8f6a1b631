// The timeline view: positions come from plan_timeline and are pinned
// (layout engine nop2, i.e. neato -n2); Graphviz draws the nodes, routes the
// causal edges as splines around them and renders. Axis, lanes and legend
// are an xdot drawing in the graph's _background.
#include <cmath>
#include <cstdio>

#include "escape.h"
#include "palette.h"
#include "timeline_plan.h"
#include "views.h"
#include "xdot_builder.h"

namespace annals::render_detail {

std::string fmt_num(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::round(value * 100) / 100 + 0.0);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

void link_to_source(void* node, const ModelEvent& event) {
  for (const std::string& path : event.source_paths) {
    if (path.empty()) continue;
    set(node, "URL", gv_plain_text(path_url(path)));
    return;
  }
}

std::string pinned_pos(double x, double y, double height) {
  return fmt_num(x) + "," + fmt_num(height - y) + "!";
}

// Defined in timeline_background.cpp.
std::string timeline_background(const TimelinePlan& plan, const Model& model, const Palette& pal);

namespace {

constexpr size_t kRoutedEvents = 40;

std::string inches(double points) { return fmt_num(points / 72.0); }

void setup(GvGraph& g, const TimelinePlan& plan, const Palette& pal, const Model& model) {
  Agraph_t* root = g.get();
  set(root, "layout", "nop2");
  // Routing around obstacles (splines=true) grows about cubically with the
  // number of nodes: 1 s for 40 events, 40 s for 150. Beyond kRoutedEvents
  // Graphviz draws curved edges without avoiding labels.
  const bool routed = model.events.size() <= kRoutedEvents;
  set(root, "splines", routed ? "true" : "curved");
  set(root, "notranslate", "true");
  set(root, "outputorder", "nodesfirst");
  set(root, "pad", "0");
  set(root, "esep", "+1");
  set(root, "bgcolor", pal.background);
  set(root, "fontname", "sans-serif");
  set(root, "_background", timeline_background(plan, model, pal));
  g.declare(AGNODE, "fontname", "sans-serif");
  g.declare(AGNODE, "fontsize", fmt_num(kFontSize));
  g.declare(AGNODE, "fontcolor", pal.text);
  g.declare(AGNODE, "shape", "plaintext");
  g.declare(AGNODE, "margin", "0");
  g.declare(AGNODE, "label", "");
  g.declare(AGNODE, "width", "0.01");   // else 0.75in x 0.5in at least
  g.declare(AGNODE, "height", "0.01");
  g.declare(AGEDGE, "arrowsize", "0.7");
  g.declare(AGEDGE, "penwidth", "1.4");
  g.declare(AGEDGE, "color", pal.causes);
  // Two invisible corners fix the drawing's bounding box to the plan.
  for (int corner = 0; corner < 2; ++corner) {
    Agnode_t* n = g.node(corner ? "corner_max" : "corner_min");
    set(n, "shape", "point");
    set(n, "style", "invis");
    set(n, "width", "0.01");
    set(n, "pos", corner ? pinned_pos(plan.width, 0, plan.height) : pinned_pos(0, plan.height, plan.height));
  }
}

void style_marker(Agnode_t* n, const ModelEvent& e, const PlacedEvent& p, const Palette& pal) {
  set(n, "shape", p.bar ? "box" : "circle");
  set(n, "fixedsize", "shape");
  set(n, "width", inches(p.w));
  set(n, "height", inches(p.h));
  std::string style = p.bar ? "filled,rounded" : "filled";
  std::string fill = pal.event, line = pal.event, pen = "1";
  if (e.uncertain) { fill = pal.event_fill_faded; style += ",dashed"; }
  if (p.undated) { fill = pal.background; line = pal.muted; }
  if (!e.actual) { fill = pal.background; line = pal.hypothetical; style += ",dashed"; pen = "1.6"; }
  if (e.negated) { fill = pal.background; line = pal.negated; pen = "1.8"; }
  set(n, "style", style);
  set(n, "fillcolor", fill);
  set(n, "color", line);
  set(n, "penwidth", pen);
}

std::string label_html(const PlacedEvent& p, const Palette& pal) {
  const int w = static_cast<int>(std::ceil(p.lw)), h = static_cast<int>(std::ceil(p.lh));
  std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\">"
                     "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"" + std::to_string(w) +
                     "\" HEIGHT=\"" + std::to_string(h) +
                     "\" ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\">";
  for (size_t i = 0; i < p.lines.size(); ++i) {
    if (i) html += "<BR/>";
    html += gv_html_text(p.lines[i]);
  }
  if (!p.sources.empty()) {
    html += "<BR/><FONT POINT-SIZE=\"" + fmt_num(kSmallSize) + "\" COLOR=\"" + pal.muted + "\">" +
            gv_html_text(p.sources) + "</FONT>";
  }
  return html + "</TD></TR></TABLE>";
}

bool is_temporal(const std::string& type) {
  return type == "before" || type == "after" || type == "simultaneous" || type == "includes";
}

// Temporal links are thin and dashed beside the solid causal arrows, so
// they differ in more than hue.
void style_temporal(Agedge_t* edge, const std::string& type, const Palette& pal) {
  set(edge, "style", "dashed");
  set(edge, "penwidth", "1");
  set(edge, "arrowhead", type == "simultaneous" ? "none" : "vee");
  set(edge, "color", type == "simultaneous" ? pal.simultaneous : type == "includes" ? pal.includes : pal.before);
}

}  // namespace

ViewGraph build_timeline_view(const Model& model, const RenderOptions& options) {
  const Palette pal = palette(options.dark);
  const TimelinePlan plan = plan_timeline(model);
  ViewGraph view;
  view.graph = std::make_unique<GvGraph>("timeline", true);
  view.engine = "nop2";
  GvGraph& g = *view.graph;
  setup(g, plan, pal, model);
  std::vector<Agnode_t*> markers;
  for (const PlacedEvent& p : plan.events) {
    const ModelEvent& e = model.events[p.event];
    const std::string tip = tooltip_text(e);
    Agnode_t* marker = g.node(e.node);
    style_marker(marker, e, p, pal);
    set(marker, "pos", pinned_pos(p.cx, p.cy, plan.height));
    set(marker, "tooltip", gv_plain_text(tip));
    markers.push_back(marker);
    Agnode_t* label = g.node("t" + e.node.substr(1));
    set_html(label, "label", label_html(p, pal));
    set(label, "pos", pinned_pos(p.lx + p.lw / 2, p.ly + p.lh / 2, plan.height));
    set(label, "tooltip", gv_plain_text(tip));
    if (options.link_sources) link_to_source(marker, e), link_to_source(label, e);
    view.titles[e.node] = tip;
    view.titles["t" + e.node.substr(1)] = tip;
  }
  for (const ModelRelation& r : model.relations) {
    const bool causal = r.type == "causes";
    if (!causal && !(options.temporal_links && is_temporal(r.type))) continue;
    Agedge_t* edge = g.edge(markers[r.source], markers[r.target]);
    set(edge, "tooltip", gv_plain_text(r.type + (r.cue.empty() ? "" : ": " + r.cue)));
    if (!causal) style_temporal(edge, r.type, pal);
  }
  return view;
}

}  // namespace annals::render_detail
