// RAII over Graphviz: a GVC_t context, an Agraph_t, its layout and the
// buffers gvRenderData allocates. Graphviz messages are captured instead of
// being printed; errors come back as Error values.
#pragma once

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <map>
#include <string>

#include "util/result.h"

namespace annals::render_detail {

// A root graph, closed with agclose. Attribute defaults are declared with
// `declare` before objects use them.
class GvGraph {
 public:
  GvGraph(const char* name, bool directed);
  GvGraph(const GvGraph&) = delete;
  GvGraph& operator=(const GvGraph&) = delete;
  ~GvGraph();

  Agraph_t* get() const { return graph_; }
  void declare(int kind, const char* name, const std::string& default_value);
  Agnode_t* node(const std::string& name);
  Agedge_t* edge(Agnode_t* tail, Agnode_t* head);
  Agraph_t* subgraph(const std::string& name);

 private:
  Agraph_t* graph_ = nullptr;
};

// Sets an attribute on a graph, node or edge (declaring it, default "").
void set(void* object, const char* name, const std::string& value);

// Sets an HTML-like label (the text between < and >, already escaped).
void set_html(void* object, const char* name, const std::string& html);

// The graph in DOT, as agwrite writes it (before layout).
Result<std::string> write_dot(const GvGraph& graph);

// Reads DOT back (for tests and checks): node name -> value of `attribute`
// for every node, and the number of edges.
struct DotReadBack {
  std::map<std::string, std::string> nodes;
  size_t edges = 0;
};
Result<DotReadBack> read_dot(const std::string& dot, const char* attribute);

// Lays the graph out with `engine` ("dot", "nop2", ...) and renders it in
// `format` ("svg", "png", "pdf"), freeing the layout afterwards.
Result<std::string> layout_and_render(const GvGraph& graph, const char* engine,
                                      const char* format);

}  // namespace annals::render_detail
