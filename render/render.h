// Rendering an event graph: a timeline true to scale or a layered causal
// graph, as SVG, DOT, PNG, PDF or a self-contained HTML page. Built with the
// Graphviz cgraph API and laid out in-process by gvc.
//
//   annals::RenderOptions options;
//   options.view = annals::View::timeline;
//   options.format = annals::Format::svg;
//   options.from = "2022-01-01";
//   auto bytes = annals::render(graph, options);
//   if (!bytes) return bytes.error();
//   write_file(out, *bytes);
//
// The output depends only on the graph and the options (no timestamps, stable
// ordering). Article text in the graph is untrusted: it is escaped for DOT,
// SVG and HTML. Graphviz keeps global state: call render() from one thread
// at a time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "util/result.h"

namespace annals {

enum class View { timeline, graph };
enum class Format { svg, dot, png, pdf, html };
enum class Lanes { actor, kind, document, none };  // kind: one lane per actor kind

struct RenderOptions {
  View view = View::timeline;
  Format format = Format::svg;
  std::optional<std::string> from;  // ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  std::optional<std::string> to;    // inclusive; same forms
  std::vector<std::string> actors;  // keep events with one of these actor ids/names
  int top = 0;                      // keep the N events with most sources (0 = all)
  bool include_negated = false;     // polarity "negative"
  bool include_hypothetical = false;  // modality other than "actual"
  bool dark = false;
  int width = 0;                    // output width in px; 0 = natural
  Lanes lanes = Lanes::actor;       // timeline lanes, graph-view clusters
  bool temporal_links = false;      // timeline: also draw before/after/simultaneous links; both views:
                                    // the includes/simultaneous links judged from the dates alone
  bool collapse_same_day = false;   // one mark per lane and day for events of one day
  bool link_sources = false;        // link events to their source files (relative URLs)
  int max_events = 2000;            // more after filters is an error
};

// The bytes of the rendered file. Errors: bad_value for options (a date that
// does not parse, more than max_events events after the filters, or more
// than 300 for the graph view, whose dot layout gets slow); bad_data if
// Graphviz fails. Nothing left after the filters is not an error: the
// picture says "no events to show". The graph view leaves out undated events
// without relations (its caption counts them); the timeline lists them.
Result<std::string> render(const Graph& graph, const RenderOptions& options);

// "svg", "dot", "png", "pdf", "html"; "timeline", "graph";
// "actor", "kind", "document", "none". Errors are bad_value naming the accepted words.
Result<Format> parse_format(std::string_view text);
Result<View> parse_view(std::string_view text);
Result<Lanes> parse_lanes(std::string_view text);
const char* to_string(Format format);  // also the usual file extension

}  // namespace annals
