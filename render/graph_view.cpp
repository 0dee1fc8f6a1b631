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

// The cluster of a lane, made when first needed.
Agraph_t* cluster(GvGraph& g, std::map<int, Agraph_t*>& clusters, const Model& model, int lane,
                  const Palette& pal) {
  auto [it, added] = clusters.emplace(lane, nullptr);
  if (!added) return it->second;
  Agraph_t* c = it->second = g.subgraph("cluster_" + std::to_string(lane));
  set_html(c, "label", "<B>" + gv_html_text(truncate_text(model.lanes[static_cast<size_t>(lane)], 40)) + "</B>");
  set(c, "style", "rounded");
  set(c, "color", pal.grid);
  set(c, "fontsize", "10");
  set(c, "labeljust", "l");
  set(c, "labelloc", "t");  // the root's legend is at the bottom
  return c;
}

}  // namespace

// Defined in graph_view_edges.cpp.
void add_relation_edges(GvGraph& g, const Model& model, const std::vector<Agnode_t*>& nodes,
                        const Palette& pal);
std::string graph_legend_html(const Model& model, const Palette& pal, size_t left_out);

ViewGraph build_graph_view(const Model& model, const RenderOptions& options) {
  const Palette pal = palette(options.dark);
  ViewGraph view;
  view.graph = std::make_unique<GvGraph>("events", true);
  view.engine = "dot";
  GvGraph& g = *view.graph;
  setup(g, pal, model.events.size());
  // Undated events without relations have no place in this structure; the
  // caption counts them (the timeline lists them).
  std::vector<bool> related(model.events.size(), false);
  for (const ModelRelation& r : model.relations) related[r.source] = related[r.target] = true;
  const bool clustered = options.lanes != Lanes::none && model.events.size() <= kFullEffortEvents;
  std::map<int, Agraph_t*> clusters;
  std::vector<Agnode_t*> nodes(model.events.size(), nullptr);
  size_t left_out = 0;
  for (size_t i = 0; i < model.events.size(); ++i) {
    const ModelEvent& e = model.events[i];
    if (!e.days && !related[i]) {
      ++left_out;
      continue;
    }
    Agnode_t* n = nodes[i] = g.node(e.node);
    // Without clusters the lane (actor or document) goes into the label.
    const bool named = !clustered && options.lanes != Lanes::none;
    style_event(n, e, pal, named ? model.lanes[static_cast<size_t>(e.lane)] : "");
    if (options.link_sources) link_to_source(n, e);
    if (clustered) agsubnode(cluster(g, clusters, model, e.lane, pal), n, 1);
    view.titles[e.node] = tooltip_text(e);
  }
  if (left_out == model.events.size()) {
    Agnode_t* n = g.node("empty");
    set(n, "shape", "plaintext");
    set(n, "style", "");
    set(n, "fontcolor", pal.muted);
    set(n, "label", "no events to show");
  }
  rank_by_date(g, model, nodes, pal);
  add_relation_edges(g, model, nodes, pal);
  set_html(g.get(), "label", graph_legend_html(model, pal, left_out));
  set(g.get(), "labelloc", "b");
  set(g.get(), "labeljust", "l");
  return view;
}

}  // namespace annals::render_detail
