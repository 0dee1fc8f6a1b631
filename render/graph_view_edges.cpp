// Relation edges of the graph view, styled by type, and its legend.
#include <algorithm>
#include <iterator>
#include <map>
#include <vector>

#include "escape.h"
#include "palette.h"
#include "views.h"

namespace annals::render_detail {

// Defined in timeline_caption.cpp.
std::string timeline_caption(const Model& model);

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

}  // namespace

// The relation an edge between two events is drawn as, when several link
// them (a causal link between two events of one day that share an actor):
// the first of kEdgeStyles; the tooltip names them all. One edge per pair
// also keeps dot's cluster layout clear of its parallel-edge failures.
size_t style_rank(const std::string& type) {
  for (size_t i = 0; i < std::size(kEdgeStyles); ++i)
    if (type == kEdgeStyles[i].type) return i;
  return std::size(kEdgeStyles);
}

std::vector<std::vector<const ModelRelation*>> edges_by_pair(const Model& model) {
  std::map<std::pair<size_t, size_t>, size_t> pair_index;
  std::vector<std::vector<const ModelRelation*>> pairs;
  for (const ModelRelation& r : model.relations) {
    auto [low, high] = std::minmax(r.source, r.target);
    auto [it, fresh] = pair_index.try_emplace({low, high}, pairs.size());
    if (fresh) pairs.emplace_back();
    pairs[it->second].push_back(&r);
  }
  for (auto& group : pairs)
    std::stable_sort(group.begin(), group.end(), [](const ModelRelation* a, const ModelRelation* b) {
      return style_rank(a->type) < style_rank(b->type);
    });
  return pairs;
}

void add_relation_edges(GvGraph& g, const Model& model, const std::vector<Agnode_t*>& nodes,
                        const Palette& pal) {
  for (const auto& group : edges_by_pair(model)) {
    const ModelRelation& r = *group.front();
    const ModelEvent &s = model.events[r.source], &t = model.events[r.target];
    Agedge_t* e = g.edge(nodes[r.source], nodes[r.target]);
    std::string tooltip;
    for (const ModelRelation* each : group)
      tooltip += (tooltip.empty() ? "" : "; ") + each->type + (each->cue.empty() ? "" : ": " + each->cue);
    set(e, "tooltip", gv_plain_text(tooltip));
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

std::string graph_legend_html(const Model& model, const Palette& pal, size_t left_out) {
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
  std::string caption = timeline_caption(model);
  if (left_out) caption += "; " + std::to_string(left_out) + " undated without relations not drawn";
  // One row: the line styles in use, then the caption.
  std::string html = "<TABLE BORDER=\"0\" CELLPADDING=\"2\" CELLSPACING=\"0\"><TR>";
  for (const Row& row : rows) {
    if (!used.count(row.type)) continue;
    html += "<TD><FONT COLOR=\"" + pal.*(edge_style(row.type)->color) + "\">" + row.glyph +
            "</FONT></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">" + row.text + "</FONT></TD>";
  }
  return html + "<TD WIDTH=\"16\"></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"" + pal.muted +
         "\">" + gv_html_text(caption) + "</FONT></TD></TR></TABLE>";
}

}  // namespace annals::render_detail
