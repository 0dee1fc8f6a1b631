#include "gv_session.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

namespace annals::render_detail {
namespace {

// Graphviz reports through a global callback; render() is single-threaded.
std::string g_messages;

int capture_message(char* message) {
  if (g_messages.size() < 4096) g_messages += message;
  return 0;
}

// Routes Graphviz messages to g_messages for its lifetime.
class MessageCapture {
 public:
  MessageCapture() : previous_(agseterrf(capture_message)) {
    g_messages.clear();
    agseterr(AGWARN);
    agreseterrors();
  }
  ~MessageCapture() { agseterrf(previous_); }
  std::string text() const {
    std::string t = g_messages;
    while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
    for (char& c : t) {
      if (c == '\n') c = ' ';
    }
    return t.empty() ? "unknown error" : t;
  }

 private:
  agusererrf previous_;
};

// Graphviz's path planner prints some failures ("triangulation failed")
// straight to stderr, past agseterrf; Graphviz recovers from them (the
// edge is drawn another way). Silenced while Graphviz runs, so that the
// CLI's stderr keeps only annals' own messages.
class StderrSilencer {
 public:
  StderrSilencer() {
    std::fflush(stderr);
    saved_ = dup(STDERR_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    if (saved_ >= 0 && null >= 0) dup2(null, STDERR_FILENO);
    if (null >= 0) close(null);
  }
  ~StderrSilencer() {
    std::fflush(stderr);
    if (saved_ >= 0) {
      dup2(saved_, STDERR_FILENO);
      close(saved_);
    }
  }
  StderrSilencer(const StderrSilencer&) = delete;
  StderrSilencer& operator=(const StderrSilencer&) = delete;

 private:
  int saved_ = -1;
};

struct ContextDeleter {
  void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};

// One context for the process, freed at exit. Graphviz 2.42's pango plugin
// keeps a pointer to the last font name, owned by the context: freeing the
// context after each render leaves it dangling for the next one.
GVC_t* context() {
  static std::unique_ptr<GVC_t, ContextDeleter> gvc(gvContext());
  return gvc.get();
}

Error graphviz_error(const std::string& what, const MessageCapture& capture) {
  return Error{ErrorCode::bad_data, "graphviz", what + ": " + capture.text()};
}

// cgraph's default ID discipline uses string addresses as IDs, and orders
// subgraphs by ID: the DOT and even the dot layout would change from run to
// run. These IDs follow creation order instead: names get even numbers,
// anonymous objects odd ones. Names are kept as cgraph strings (agstrdup),
// one reference per object, as the default discipline does.
struct IdState {
  struct Name {
    IDTYPE id;
    char* text;  // a cgraph refstr
    int uses;
  };
  Agraph_t* graph;
  std::map<std::string, Name> by_text;
  std::map<IDTYPE, std::string> by_id;
  IDTYPE next_named = 2, next_anonymous = 1;
};

void* id_open(Agraph_t* g, Agdisc_t*) { return new IdState{g, {}, {}}; }

long id_map(void* state, int, char* str, IDTYPE* id, int create) {
  auto* s = static_cast<IdState*>(state);
  if (!str) {
    *id = s->next_anonymous;
    s->next_anonymous += 2;
    return 1;
  }
  auto it = s->by_text.find(str);
  if (!create) {
    *id = it == s->by_text.end() ? 0 : it->second.id;  // 0 matches nothing
    return 1;
  }
  if (it == s->by_text.end()) {
    it = s->by_text.emplace(str, IdState::Name{s->next_named, nullptr, 0}).first;
    s->by_id[s->next_named] = str;
    s->next_named += 2;
  }
  it->second.text = agstrdup(s->graph, str);
  ++it->second.uses;
  *id = it->second.id;
  return 1;
}

void id_free(void* state, int, IDTYPE id) {
  auto* s = static_cast<IdState*>(state);
  auto name = s->by_id.find(id);
  if (name == s->by_id.end()) return;
  auto it = s->by_text.find(name->second);
  agstrfree(s->graph, it->second.text);
  if (--it->second.uses == 0) {
    s->by_text.erase(it);
    s->by_id.erase(name);
  }
}

char* id_print(void* state, int, IDTYPE id) {
  auto* s = static_cast<IdState*>(state);
  auto name = s->by_id.find(id);
  return name == s->by_id.end() ? nullptr : s->by_text.at(name->second).text;
}

long id_alloc(void*, int, IDTYPE) { return 0; }

void id_close(void* state) { delete static_cast<IdState*>(state); }
void id_register(void*, int, void*) {}

Agiddisc_t g_id_disc = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};
Agdisc_t g_disc = {&AgMemDisc, &g_id_disc, &AgIoDisc};

}  // namespace

GvGraph::GvGraph(const char* name, bool directed) {
  // gvContext() declares label="\N" for every graph created after it; make
  // that true of every graph, so that DOT output does not depend on whether
  // something was rendered before.
  context();
  graph_ = agopen(const_cast<char*>(name), directed ? Agdirected : Agundirected, &g_disc);
}

GvGraph::~GvGraph() {
  if (graph_) agclose(graph_);
}

void GvGraph::declare(int kind, const char* name, const std::string& default_value) {
  agattr(graph_, kind, const_cast<char*>(name), const_cast<char*>(default_value.c_str()));
}

Agnode_t* GvGraph::node(const std::string& name) {
  return agnode(graph_, const_cast<char*>(name.c_str()), 1);
}

Agedge_t* GvGraph::edge(Agnode_t* tail, Agnode_t* head) {
  return agedge(graph_, tail, head, nullptr, 1);
}

Agraph_t* GvGraph::subgraph(const std::string& name) {
  return agsubg(graph_, const_cast<char*>(name.c_str()), 1);
}

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

void set_html(void* object, const char* name, const std::string& html) {
  Agraph_t* root = agroot(object);
  const int kind = AGTYPE(object) == AGINEDGE ? AGEDGE : AGTYPE(object);
  Agsym_t* sym = agattr(root, kind, const_cast<char*>(name), nullptr);
  if (!sym) sym = agattr(root, kind, const_cast<char*>(name), const_cast<char*>(""));
  char* value = agstrdup_html(root, const_cast<char*>(html.c_str()));
  agxset(object, sym, value);
  agstrfree(root, value);
}

Result<std::string> write_dot(const GvGraph& graph) {
  char* buffer = nullptr;
  size_t size = 0;
  FILE* stream = open_memstream(&buffer, &size);
  if (!stream) return Error{ErrorCode::io, "dot", "cannot open a memory stream"};
  MessageCapture capture;
  const int rc = agwrite(graph.get(), stream);
  std::fclose(stream);
  std::unique_ptr<char, decltype(&std::free)> owned(buffer, &std::free);
  if (rc != 0) return graphviz_error("cannot write DOT", capture);
  return std::string(buffer, size);
}

Result<DotReadBack> read_dot(const std::string& dot, const char* attribute) {
  MessageCapture capture;
  Agraph_t* g = agmemread(dot.c_str());
  if (!g || agerrors() > 0) {
    if (g) agclose(g);
    return graphviz_error("cannot read DOT", capture);
  }
  DotReadBack back;
  Agsym_t* sym = agattr(g, AGNODE, const_cast<char*>(attribute), nullptr);
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    back.nodes[agnameof(n)] = sym ? agxget(n, sym) : "";
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) ++back.edges;
  }
  agclose(g);
  return back;
}

Result<std::string> layout_and_render(const GvGraph& graph, const char* engine,
                                      const char* format) {
  MessageCapture capture;
  StderrSilencer silence;
  GVC_t* gvc = context();
  if (!gvc) return graphviz_error("cannot create a context", capture);
  if (gvLayout(gvc, graph.get(), engine) != 0 || agerrors() > 0) {
    gvFreeLayout(gvc, graph.get());
    return graphviz_error(std::string("layout \"") + engine + "\" failed", capture);
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc, graph.get(), format, &data, &length);
  std::string out = data ? std::string(data, length) : std::string();
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, graph.get());
  if (rc != 0 || agerrors() > 0) {
    return graphviz_error(std::string("cannot render ") + format, capture);
  }
  return out;
}

}  // namespace annals::render_detail
