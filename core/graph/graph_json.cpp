// Graph JSON, "annals-graph/1". Field order is fixed so that output is
// deterministic; nlohmann::ordered_json keeps insertion order.
#include <nlohmann/json.hpp>

#include "graph/graph.h"

namespace annals {
namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json optional_json(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json to_json_value(const GraphDocument& d) {
  return Json{{"id", d.id}, {"path", d.path}, {"title", d.title},
              {"dct", optional_json(d.dct)}, {"dct_source", optional_json(d.dct_source)}};
}

Json to_json_value(const GraphActor& a) {
  return Json{{"id", a.id}, {"name", a.name}, {"kind", a.kind}, {"aliases", a.aliases}};
}

Json to_json_value(const GraphEvent& e) {
  Json time = nullptr;
  if (e.time)
    time = Json{{"value", e.time->value}, {"start", optional_json(e.time->start)},
                {"end", optional_json(e.time->end)}, {"inferred", e.time->inferred}};
  if (e.time && e.time->basis) time["basis"] = *e.time->basis;
  if (e.time && !e.time->disputed.empty()) {
    Json disputed = Json::array();
    for (const auto& d : e.time->disputed)
      disputed.push_back(Json{{"value", d.value}, {"start", optional_json(d.start)}, {"end", optional_json(d.end)},
                              {"docs", d.docs}});
    time["disputed"] = disputed;
  }
  Json actors = Json::array();
  for (const auto& a : e.actors) actors.push_back(Json{{"actor", a.actor}, {"role", a.role}});
  Json mentions = Json::array();
  for (const auto& m : e.mentions)
    mentions.push_back(Json{{"doc", m.doc}, {"start", m.start}, {"end", m.end}, {"sentence", m.sentence}});
  Json event{{"id", e.id},          {"label", e.label},       {"trigger", e.trigger},
             {"class", e.event_class}, {"time", time},          {"polarity", e.polarity},
             {"modality", e.modality}, {"actors", actors},      {"mentions", mentions}};
  if (!e.episode.empty()) event["episode"] = e.episode;
  return event;
}

Json to_json_value(const GraphRelation& r) {
  Json evidence = nullptr;
  if (r.evidence)
    evidence = Json{{"doc", r.evidence->doc}, {"start", r.evidence->start},
                    {"end", r.evidence->end}, {"cue", r.evidence->cue}};
  return Json{{"source", r.source}, {"target", r.target}, {"type", r.type}, {"evidence", evidence}};
}

// Reading: every access goes through these so a malformed file gives a
// message naming the field, never an exception escaping the core.
struct Reader {
  std::string where;
  std::string problem;

  const Json* field(const Json& object, const char* name, Json::value_t type, bool nullable) {
    if (!problem.empty()) return nullptr;
    auto it = object.find(name);
    if (it == object.end()) { problem = std::string("missing field \"") + name + "\""; return nullptr; }
    if (nullable && it->is_null()) return nullptr;
    bool number_ok = type == Json::value_t::number_unsigned && it->is_number_unsigned();
    if (it->type() != type && !number_ok) {
      problem = std::string("field \"") + name + "\" has the wrong type";
      return nullptr;
    }
    return &*it;
  }
  std::string text(const Json& o, const char* name) {
    auto* v = field(o, name, Json::value_t::string, false);
    return v ? v->get<std::string>() : std::string();
  }
  std::optional<std::string> optional_text(const Json& o, const char* name) {
    auto* v = field(o, name, Json::value_t::string, true);
    return v ? std::optional<std::string>(v->get<std::string>()) : std::nullopt;
  }
  uint32_t offset(const Json& o, const char* name) {
    auto* v = field(o, name, Json::value_t::number_unsigned, false);
    if (!v) return 0;
    auto n = v->get<uint64_t>();
    if (n > UINT32_MAX) problem = std::string("field \"") + name + "\" is out of range";
    return uint32_t(n);
  }
  const Json& array(const Json& o, const char* name) {
    static const Json empty = Json::array();
    auto* v = field(o, name, Json::value_t::array, false);
    return v ? *v : empty;
  }
  bool object(const Json& item, const char* what) {
    if (problem.empty() && !item.is_object()) problem = std::string("an entry of \"") + what + "\" is not an object";
    return problem.empty();
  }
};

GraphEvent read_event(Reader& r, const Json& j) {
  GraphEvent e;
  e.id = r.text(j, "id");
  e.label = r.text(j, "label");
  e.trigger = r.text(j, "trigger");
  if (j.contains("class")) e.event_class = r.text(j, "class");
  if (auto* t = r.field(j, "time", Json::value_t::object, true)) {
    e.time = EventTime{r.text(*t, "value"), r.optional_text(*t, "start"), r.optional_text(*t, "end"), false};
    if (auto* inferred = r.field(*t, "inferred", Json::value_t::boolean, false))
      e.time->inferred = inferred->get<bool>();
    if (t->contains("basis")) e.time->basis = r.optional_text(*t, "basis");
    if (t->contains("disputed"))
      for (const auto& d : r.array(*t, "disputed")) {
        if (!r.object(d, "disputed")) break;
        SourceDate date{r.text(d, "value"), r.optional_text(d, "start"), r.optional_text(d, "end"), {}};
        for (const auto& doc : r.array(d, "docs"))
          if (doc.is_string()) date.docs.push_back(doc.get<std::string>());
        e.time->disputed.push_back(std::move(date));
      }
  }
  e.polarity = r.text(j, "polarity");
  e.modality = r.text(j, "modality");
  if (j.contains("episode")) e.episode = r.text(j, "episode");
  for (const auto& a : r.array(j, "actors"))
    if (r.object(a, "actors")) e.actors.push_back({r.text(a, "actor"), r.text(a, "role")});
  for (const auto& m : r.array(j, "mentions"))
    if (r.object(m, "mentions"))
      e.mentions.push_back({r.text(m, "doc"), r.offset(m, "start"), r.offset(m, "end"), r.text(m, "sentence")});
  return e;
}

GraphRelation read_relation(Reader& r, const Json& j) {
  GraphRelation rel{r.text(j, "source"), r.text(j, "target"), r.text(j, "type"), std::nullopt};
  if (auto* ev = r.field(j, "evidence", Json::value_t::object, true))
    rel.evidence = Evidence{r.text(*ev, "doc"), r.offset(*ev, "start"), r.offset(*ev, "end"), r.text(*ev, "cue")};
  return rel;
}

void read_graph(Reader& r, const Json& root, Graph& g) {
  if (!root.is_object()) { r.problem = "not a JSON object"; return; }
  if (r.text(root, "schema") != kGraphSchema && r.problem.empty())
    r.problem = std::string("unsupported schema (expected \"") + kGraphSchema + "\")";
  for (const auto& d : r.array(root, "documents"))
    if (r.object(d, "documents"))
      g.documents.push_back({r.text(d, "id"), r.text(d, "path"), r.text(d, "title"),
                             r.optional_text(d, "dct"), r.optional_text(d, "dct_source")});
  for (const auto& a : r.array(root, "actors")) {
    if (!r.object(a, "actors")) break;
    GraphActor actor{r.text(a, "id"), r.text(a, "name"), r.text(a, "kind"), {}};
    for (const auto& alias : r.array(a, "aliases"))
      if (alias.is_string()) actor.aliases.push_back(alias.get<std::string>());
    g.actors.push_back(std::move(actor));
  }
  for (const auto& e : r.array(root, "events"))
    if (r.object(e, "events")) g.events.push_back(read_event(r, e));
  for (const auto& rel : r.array(root, "relations"))
    if (r.object(rel, "relations")) g.relations.push_back(read_relation(r, rel));
}

// Invalid UTF-8 cannot reach here (documents are validated on load), but
// replace rather than throw if it ever does.
std::string dump(const Json& json) { return json.dump(1, ' ', false, Json::error_handler_t::replace); }

// ` "name": [ items ]` as dumping the whole tree would write it, one item at
// a time: a large graph is never held as a JSON tree, nor as one string.
template <typename T>
void write_array(const JsonSink& sink, const char* name, const std::vector<T>& items, bool last) {
  std::string piece = " " + dump(Json(name)) + ": ";
  if (items.empty()) piece += "[]";
  for (size_t i = 0; i < items.size(); ++i) {
    piece += i == 0 ? "[\n  " : ",\n  ";
    for (char c : dump(to_json_value(items[i]))) {
      piece += c;
      if (c == '\n') piece += "  ";  // two levels deeper (a dump has no raw newline inside strings)
    }
    if (i + 1 == items.size()) piece += "\n ]";
    sink(piece);
    piece.clear();
  }
  piece += last ? "\n" : ",\n";
  sink(piece);
}

}  // namespace

void write_json(const Graph& graph, const JsonSink& sink) {
  sink("{\n " + dump(Json("schema")) + ": " + dump(Json(kGraphSchema)) + ",\n");
  write_array(sink, "documents", graph.documents, false);
  write_array(sink, "actors", graph.actors, false);
  write_array(sink, "events", graph.events, false);
  write_array(sink, "relations", graph.relations, true);
  sink("}\n");
}

std::string to_json(const Graph& graph) {
  std::string out;
  write_json(graph, [&](std::string_view piece) { out += piece; });
  return out;
}

Result<Graph> graph_from_json(const std::string& text, const std::string& where) {
  Json root = Json::parse(text, nullptr, false);
  if (root.is_discarded()) return Error{ErrorCode::bad_data, where, "not valid JSON"};
  Reader reader{where, {}};
  Graph graph;
  read_graph(reader, root, graph);
  if (!reader.problem.empty()) return Error{ErrorCode::bad_data, where, reader.problem};
  return graph;
}

const GraphActor* Graph::find_actor(const std::string& id) const {
  for (const auto& a : actors) if (a.id == id) return &a;
  return nullptr;
}
const GraphEvent* Graph::find_event(const std::string& id) const {
  for (const auto& e : events) if (e.id == id) return &e;
  return nullptr;
}
const GraphDocument* Graph::find_document(const std::string& id) const {
  for (const auto& d : documents) if (d.id == id) return &d;
  return nullptr;
}

}  // namespace annals
