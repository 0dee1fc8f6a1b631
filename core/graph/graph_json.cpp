// Graph JSON, "annals-graph/1". Field order is fixed so that output is
// deterministic; nlohmann::ordered_json keeps insertion order.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "graph/graph.h"

namespace annals {
namespace {

using Json = nlohmann::ordered_json;

// Writes JSON text as nlohmann's dump(1, ' ') writes it, without building a
// tree first: graph output is a large share of `annals build`. Every line
// after the first is indented by `base` more spaces.
class JsonWriter {
 public:
  JsonWriter(std::string& out, size_t base) : out_(out), base_(base) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  JsonWriter& key(std::string_view name) {
    next_member();
    out_ += '"';
    out_ += name;
    out_ += "\": ";
    return *this;
  }
  JsonWriter& item() {
    next_member();
    return *this;
  }

  void value(std::string_view text) {
    // Non-ASCII text (rare) goes through nlohmann, which also replaces
    // invalid UTF-8; ASCII is escaped here the same way.
    if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
      out_ += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    for (char c : text) escape(c);
    out_ += '"';
  }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(const std::optional<std::string>& text) { text ? value(*text) : null(); }
  void value(bool b) { out_ += b ? "true" : "false"; }
  void value(uint32_t n) { out_ += std::to_string(n); }
  void null() { out_ += "null"; }
  void value(const std::vector<std::string>& texts) {
    begin_array();
    for (const auto& text : texts) item().value(text);
    end_array();
  }

 private:
  void open(char bracket) {
    out_ += bracket;
    empty_.push_back(true);
  }
  void close(char bracket) {
    const bool empty = empty_.back();
    empty_.pop_back();
    if (!empty) newline();
    out_ += bracket;
  }
  void next_member() {
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
    newline();
  }
  void newline() {
    out_ += '\n';
    out_.append(base_ + empty_.size(), ' ');
  }
  void escape(char c) {
    switch (c) {
      case '"': out_ += "\\\""; return;
      case '\\': out_ += "\\\\"; return;
      case '\b': out_ += "\\b"; return;
      case '\t': out_ += "\\t"; return;
      case '\n': out_ += "\\n"; return;
      case '\f': out_ += "\\f"; return;
      case '\r': out_ += "\\r"; return;
    }
    if (static_cast<unsigned char>(c) <= 0x1F) {
      out_ += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
      return;
    }
    out_ += c;
  }

  std::string& out_;
  size_t base_;
  std::vector<bool> empty_;  // per open bracket: no member written yet
};

void write_value(JsonWriter& w, const GraphDocument& d) {
  w.begin_object();
  w.key("id").value(d.id);
  w.key("path").value(d.path);
  w.key("title").value(d.title);
  w.key("dct").value(d.dct);
  w.key("dct_source").value(d.dct_source);
  w.end_object();
}

void write_value(JsonWriter& w, const GraphActor& a) {
  w.begin_object();
  w.key("id").value(a.id);
  w.key("name").value(a.name);
  w.key("kind").value(a.kind);
  w.key("aliases").value(a.aliases);
  w.end_object();
}

void write_time(JsonWriter& w, const EventTime& t) {
  w.begin_object();
  w.key("value").value(t.value);
  w.key("start").value(t.start);
  w.key("end").value(t.end);
  w.key("inferred").value(t.inferred);
  if (t.basis) w.key("basis").value(*t.basis);
  if (!t.disputed.empty()) {
    w.key("disputed").begin_array();
    for (const auto& d : t.disputed) {
      w.item().begin_object();
      w.key("value").value(d.value);
      w.key("start").value(d.start);
      w.key("end").value(d.end);
      w.key("docs").value(d.docs);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

void write_value(JsonWriter& w, const GraphEvent& e) {
  w.begin_object();
  w.key("id").value(e.id);
  w.key("label").value(e.label);
  w.key("trigger").value(e.trigger);
  w.key("class").value(e.event_class);
  if (e.time) write_time(w.key("time"), *e.time);
  else w.key("time").null();
  w.key("polarity").value(e.polarity);
  w.key("modality").value(e.modality);
  w.key("actors").begin_array();
  for (const auto& a : e.actors) {
    w.item().begin_object();
    w.key("actor").value(a.actor);
    w.key("role").value(a.role);
    w.end_object();
  }
  w.end_array();
  w.key("mentions").begin_array();
  for (const auto& m : e.mentions) {
    w.item().begin_object();
    w.key("doc").value(m.doc);
    w.key("start").value(m.start);
    w.key("end").value(m.end);
    w.key("sentence").value(m.sentence);
    w.end_object();
  }
  w.end_array();
  if (!e.episode.empty()) w.key("episode").value(e.episode);
  w.end_object();
}

void write_value(JsonWriter& w, const GraphRelation& r) {
  w.begin_object();
  w.key("source").value(r.source);
  w.key("target").value(r.target);
  w.key("type").value(r.type);
  if (r.evidence) {
    w.key("evidence").begin_object();
    w.key("doc").value(r.evidence->doc);
    w.key("start").value(r.evidence->start);
    w.key("end").value(r.evidence->end);
    w.key("cue").value(r.evidence->cue);
    w.end_object();
  } else {
    w.key("evidence").null();
  }
  w.end_object();
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
    JsonWriter writer(piece, 2);  // two levels deeper than a dump of the item alone
    write_value(writer, items[i]);
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
