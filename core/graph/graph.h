// The result of the pipeline, as written to graph JSON ("annals-graph/1",
// documented in docs/graph-json.md). Plain data: render/ and cli/ see only
// this. Ids are strings so that they survive a round trip through JSON.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace annals {

inline constexpr const char* kGraphSchema = "annals-graph/1";

struct GraphDocument {
  std::string id;
  std::string path;
  std::string title;
  std::optional<std::string> dct;         // ISO 8601
  std::optional<std::string> dct_source;  // text, option, metadata, inferred
};

struct GraphActor {
  std::string id;
  std::string name;
  std::string kind;  // person, organization, country, location, group, other
  std::vector<std::string> aliases;
};

// One date that some sources give an event other sources date differently.
struct SourceDate {
  std::string value;                 // TIMEX3 value, as those sources give it
  std::optional<std::string> start;  // its earliest and latest ISO day
  std::optional<std::string> end;
  std::vector<std::string> docs;     // GraphDocument ids of the sources
};

struct EventTime {
  std::string value;                // TIMEX3 value
  std::optional<std::string> start;  // earliest ISO day it can mean
  std::optional<std::string> end;    // latest ISO day it can mean
  bool inferred = false;
  // For an inferred value, where it came from: "year from <doc> sentence N ...".
  std::optional<std::string> basis = std::nullopt;
  // When sources disagree about the date: every date given, with its
  // sources (two or more entries); value is the most reported one and
  // start..end spans them all. Empty when sources agree.
  std::vector<SourceDate> disputed = {};
};

struct ActorRole {
  std::string actor;  // GraphActor::id
  std::string role;   // agent, patient, recipient, location, participant
};

struct Mention {
  std::string doc;  // GraphDocument::id
  uint32_t start = 0;  // byte offsets of the trigger in the original file (in Document::text)
  uint32_t end = 0;
  std::string sentence;
};

struct GraphEvent {
  std::string id;
  std::string label;
  std::string trigger;
  std::string event_class;  // OCCURRENCE, REPORTING, ...
  std::optional<EventTime> time;
  std::string polarity = "positive";
  std::string modality = "actual";
  std::vector<ActorRole> actors;
  std::vector<Mention> mentions;
  std::string episode;  // "operation": an undertaking at its actor of role location, told again and again
};

struct Evidence {
  std::string doc;
  uint32_t start = 0;
  uint32_t end = 0;
  std::string cue;
};

struct GraphRelation {
  std::string source;  // GraphEvent::id
  std::string target;
  std::string type;    // causes, before, includes, simultaneous, same_actor, coreferent
  std::optional<Evidence> evidence;
};

struct Graph {
  std::vector<GraphDocument> documents;
  std::vector<GraphActor> actors;
  std::vector<GraphEvent> events;
  std::vector<GraphRelation> relations;

  const GraphActor* find_actor(const std::string& id) const;
  const GraphEvent* find_event(const std::string& id) const;
  const GraphDocument* find_document(const std::string& id) const;
};

// Graph JSON, byte-for-byte deterministic for the same graph.
std::string to_json(const Graph& graph);
// The same bytes handed to `sink` a piece at a time (an item each), so a
// large graph is never held as one string.
using JsonSink = std::function<void(std::string_view)>;
void write_json(const Graph& graph, const JsonSink& sink);
// Reads graph JSON; the error says what is malformed and where.
Result<Graph> graph_from_json(const std::string& text, const std::string& where);

}  // namespace annals
