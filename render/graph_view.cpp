// The graph view: events as boxes laid out by dot left to right, ranked by
// date (one rank per distinct first day, pinned in order by a chain of date
// headers), edges styled by relation type, clusters per lane if asked.
#include <map>

#include "escape.h"
#include "palette.h"
#include "timeline_layout.h"
#include "views.h"

namespace annals::render_detail {
namespace {

struct EdgeStyle {
  const char* type;
  std::string Palette::*color;
  const char* style;
  const char* penwidth;
  const char* arrowhead;
  bool directed;
  bool ordering;  // constrains the ranks
};

constexpr EdgeStyle kEdgeStyles[] = {
    {"causes", &Palette::causes, "solid", "2.2", "normal", true, true},
    {"before", &Palette::before, "dashed", "1.3", "vee", true, true},
    {"includes", &Palette::includes, "solid", "1.1", "odiamond", true, false},
    {"simultaneous", &Palette::simultaneous, "solid", "1.1", "none", false, false},
    {"same_actor", &Palette::same_actor, "dotted", "1.3", "none", false, false},
    {"coreferent", &Palette::coreferent, "dotted", "2.4", "dot", false, false},
};

const EdgeStyle* edge_style(const std::string& type) {
  for (const EdgeStyle& s : kEdgeStyles) {
    if (type == s.type) return &s;
  }
  return nullptr;
}

std::string event_html(const ModelEvent& e, const Palette& pal, const std::string& lane) {
  std::string text = e.label;
  if (!e.actual) text = "[" + (e.modality.empty() ? std::string("non-actual") : e.modality) + "] " + text;
  if (e.negated) text = "NOT: " + text;
  std::string date = e.days ? iso_day(e.days->first) : "undated";
  if (e.days && e.days->last != e.days->first) date += " \xE2\x80\x93 " + iso_day(e.days->last);
  if (e.uncertain) date = "~ " + date;
  if (!lane.empty()) date += " \xC2\xB7 " + truncate_text(lane, 30);
  std::string html = "<FONT POINT-SIZE=\"8\" COLOR=\"" + pal.muted + "\">" + gv_html_text(date) + "</FONT>";
  for (const std::string& line : wrap_text(text, 26, 3)) html += "<BR/>" + gv_html_text(line);
  if (e.sources() > 1) {
    html += "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"" + pal.muted + "\">" +
            std::to_string(e.sources()) + " sources</FONT>";
  }
  return html;
}

// dot's crossing minimisation and network simplex dominate on big graphs
// (minutes for 1000 events); past this size they get fewer iterations.
constexpr size_t kFullEffortEvents = 150;

void setup(GvGraph& g, const Palette& pal, size_t events) {
  Agraph_t* root = g.get();
  if (events > kFullEffortEvents) {
    set(root, "mclimit", "0.2");
    set(root, "nslimit", "2");
    set(root, "nslimit1", "2");
    set(root, "remincross", "false");
    set(root, "searchsize", "20");
  }
  set(root, "layout", "dot");
  set(root, "rankdir", "LR");
  set(root, "newrank", "true");
  set(root, "bgcolor", pal.background);
  set(root, "fontname", "sans-serif");
  set(root, "fontcolor", pal.text);
  set(root, "nodesep", "0.25");
  set(root, "ranksep", "0.45");
  set(root, "pad", "0.2");
  g.declare(AGNODE, "fontname", "sans-serif");
  g.declare(AGNODE, "fontsize", "10");
  g.declare(AGNODE, "fontcolor", pal.text);
  g.declare(AGNODE, "shape", "box");
  g.declare(AGNODE, "style", "rounded,filled");
  g.declare(AGNODE, "fillcolor", pal.background);
  g.declare(AGNODE, "margin", "0.08,0.05");
  g.declare(AGEDGE, "arrowsize", "0.7");
}

void style_event(Agnode_t* n, const ModelEvent& e, const Palette& pal, const std::string& lane) {
  set_html(n, "label", event_html(e, pal, lane));
  set(n, "color", pal.axis);
  set(n, "tooltip", gv_plain_text(tooltip_text(e)));
  set(n, "penwidth", e.sources() > 1 ? "2" : "1.2");
  if (e.negated) {
    set(n, "style", "rounded,filled,dashed");
    set(n, "color", pal.negated);
  } else if (!e.actual) {
    set(n, "style", "rounded,filled,dashed");
    set(n, "color", pal.hypothetical);
  }
}

// Events by period of the finest unit that gives at most kMaxRanks ranks.
constexpr size_t kMaxRanks = 24;

std::pair<TickUnit, std::map<Day, std::vector<size_t>>> group_by_period(const Model& model) {
  std::map<Day, std::vector<size_t>> groups;
  for (TickUnit unit : {TickUnit::day, TickUnit::week, TickUnit::month, TickUnit::quarter,
                        TickUnit::year, TickUnit::year5, TickUnit::decade, TickUnit::century}) {
    groups.clear();
    for (size_t i = 0; i < model.events.size(); ++i) {
      const auto& days = model.events[i].days;
      if (days) groups[period_start(days->first, unit)].push_back(i);
    }
    if (groups.size() <= kMaxRanks || unit == TickUnit::century) return {unit, groups};
  }
  return {TickUnit::century, groups};
}

// Period headers d0 -> d1 -> ... and rank=same groups that hold each
// period's events.
void rank_by_date(GvGraph& g, const Model& model, const std::vector<Agnode_t*>& nodes,
                  const Palette& pal) {
  const auto [unit, groups] = group_by_period(model);
  Agnode_t* previous = nullptr;
  int k = 0;
  for (const auto& [day, events] : groups) {
    const std::string id = std::to_string(k++);
    Agnode_t* header = g.node("d" + id);
    set(header, "shape", "plaintext");
    set(header, "style", "");
    set(header, "fontsize", "9");
    set(header, "fontcolor", pal.muted);
    set(header, "label", period_label(day, unit));
    Agraph_t* rank = g.subgraph("rank" + id);
    set(rank, "rank", "same");
    agsubnode(rank, header, 1);
    for (size_t i : events) agsubnode(rank, nodes[i], 1);
    if (previous) {
      Agedge_t* chain = g.edge(previous, header);
      set(chain, "style", "invis");
      set(chain, "weight", "10");
    }
    previous = header;
  }
}

}  // namespace

// Defined below.
void add_relation_edges(GvGraph& g, const Model& model, const std::vector<Agnode_t*>& nodes,
                        const Palette& pal);
std::string graph_legend_html(const Model& model, const Palette& pal);

ViewGraph build_graph_view(const Model& model, const RenderOptions& options) {
  const Palette pal = palette(options.dark);
  ViewGraph view;
  view.graph = std::make_unique<GvGraph>("events", true);
  view.engine = "dot";
  GvGraph& g = *view.graph;
  setup(g, pal, model.events.size());
  std::vector<Agraph_t*> clusters;
  const bool clustered = options.lanes != Lanes::none && model.events.size() <= kFullEffortEvents;
  if (clustered) {
    for (size_t l = 0; l < model.lanes.size(); ++l) {
      Agraph_t* c = g.subgraph("cluster_" + std::to_string(l));
      set_html(c, "label", "<B>" + gv_html_text(truncate_text(model.lanes[l], 40)) + "</B>");
      set(c, "style", "rounded");
      set(c, "color", pal.grid);
      set(c, "fontsize", "10");
      set(c, "labeljust", "l");
      set(c, "labelloc", "t");  // the root's legend is at the bottom
      clusters.push_back(c);
    }
  }
  std::vector<Agnode_t*> nodes;
  for (const ModelEvent& e : model.events) {
    Agnode_t* n = g.node(e.node);
    // Without clusters the lane (actor or document) goes into the label.
    const bool named = !clustered && options.lanes != Lanes::none;
    style_event(n, e, pal, named ? model.lanes[static_cast<size_t>(e.lane)] : "");
    if (!clusters.empty()) agsubnode(clusters[static_cast<size_t>(e.lane)], n, 1);
    nodes.push_back(n);
    view.titles[e.node] = tooltip_text(e);
  }
  if (nodes.empty()) {
    Agnode_t* n = g.node("empty");
    set(n, "shape", "plaintext");
    set(n, "style", "");
    set(n, "fontcolor", pal.muted);
    set(n, "label", "no events to show");
  }
  rank_by_date(g, model, nodes, pal);
  add_relation_edges(g, model, nodes, pal);
  set_html(g.get(), "label", graph_legend_html(model, pal));
  set(g.get(), "labelloc", "b");
  set(g.get(), "labeljust", "l");
  return view;
}

void add_relation_edges(GvGraph& g, const Model& model, const std::vector<Agnode_t*>& nodes,
                        const Palette& pal) {
  for (const ModelRelation& r : model.relations) {
    const ModelEvent &s = model.events[r.source], &t = model.events[r.target];
    Agedge_t* e = g.edge(nodes[r.source], nodes[r.target]);
    set(e, "tooltip", gv_plain_text(r.type + (r.cue.empty() ? "" : ": " + r.cue)));
    const EdgeStyle* style = edge_style(r.type);
    if (!style) {
      set(e, "color", pal.muted);
      set(e, "constraint", "false");
      set_html(e, "label", "<FONT POINT-SIZE=\"8\">" + gv_html_text(truncate_text(r.type, 20)) + "</FONT>");
      continue;
    }
    const std::string color = pal.*(style->color);
    set(e, "color", r.type == "simultaneous" ? color + ":invis:" + color : color);
    set(e, "style", style->style);
    set(e, "penwidth", style->penwidth);
    set(e, "arrowhead", style->arrowhead);
    if (!style->directed) set(e, "dir", r.type == "coreferent" ? "both" : "none");
    if (r.type == "coreferent") set(e, "arrowtail", "dot");
    const bool forward = !s.days || !t.days || s.days->first <= t.days->first;
    set(e, "constraint", style->ordering && forward ? "true" : "false");
  }
}

std::string graph_legend_html(const Model& model, const Palette& pal) {
  std::map<std::string, bool> used;
  for (const ModelRelation& r : model.relations) used[r.type] = true;
  struct Row { const char* type; const char* glyph; const char* text; };
  static const Row rows[] = {
      {"causes", "\xE2\x94\x81\xE2\x94\x81\xE2\x96\xB6", "causes"},
      {"before", "\xE2\x95\x8C\xE2\x95\x8C\xE2\x96\xB7", "before"},
      {"includes", "\xE2\x94\x80\xE2\x94\x80\xE2\x97\x87", "includes"},
      {"simultaneous", "\xE2\x95\x90\xE2\x95\x90\xE2\x95\x90", "simultaneous"},
      {"same_actor", "\xE2\x94\x88\xE2\x94\x88\xE2\x94\x88", "same actor"},
      {"coreferent", "\xE2\x80\xA2\xE2\x94\x85\xE2\x80\xA2", "same event (coreferent)"},
  };
  std::string html = "<TABLE BORDER=\"0\" CELLPADDING=\"2\" CELLSPACING=\"0\"><TR>";
  for (const Row& row : rows) {
    if (!used.count(row.type)) continue;
    const EdgeStyle* style = edge_style(row.type);
    html += "<TD><FONT COLOR=\"" + pal.*(style->color) + "\">" + row.glyph + "</FONT></TD>";
    html += "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">" + std::string(row.text) + "</FONT></TD>";
  }
  if (html.back() == '>' && html.ends_with("<TR>")) html += "<TD> </TD>";
  return html + "</TR></TABLE>";
}

}  // namespace annals::render_detail
