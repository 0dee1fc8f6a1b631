#include "render.h"

#include <string>

#include "escape.h"
#include "output.h"
#include "render_model.h"
#include "views.h"

namespace annals {
namespace {

constexpr const char* kFormats[] = {"svg", "dot", "png", "pdf", "html"};

Error unknown(const char* option, std::string_view text, const char* accepted) {
  return Error{ErrorCode::bad_value, option,
               "unknown value \"" + render_detail::clean_text(render_detail::truncate_text(text, 40)) +
                   "\" (expected " + accepted + ")"};
}

}  // namespace

const char* to_string(Format format) { return kFormats[static_cast<int>(format)]; }

Result<Format> parse_format(std::string_view text) {
  for (int i = 0; i < 5; ++i) {
    if (text == kFormats[i]) return static_cast<Format>(i);
  }
  return unknown("--format", text, "svg, dot, png, pdf or html");
}

Result<View> parse_view(std::string_view text) {
  if (text == "timeline") return View::timeline;
  if (text == "graph") return View::graph;
  return unknown("--view", text, "timeline or graph");
}

Result<Lanes> parse_lanes(std::string_view text) {
  if (text == "actor") return Lanes::actor;
  if (text == "kind") return Lanes::kind;
  if (text == "document") return Lanes::document;
  if (text == "none") return Lanes::none;
  return unknown("--lanes", text, "actor, kind, document or none");
}

Result<std::string> render(const Graph& graph, const RenderOptions& options) {
  using namespace render_detail;
  if (options.width < 0 || options.width > 100000) {
    return Error{ErrorCode::bad_value, "--width", "expected a width in px from 1 to 100000"};
  }
  auto model = build_model(graph, options);
  if (!model) return model.error();
  ViewGraph view = options.view == View::timeline ? build_timeline_view(*model, options)
                                                  : build_graph_view(*model, options);
  if (options.format == Format::dot) return write_dot(*view.graph);
  const bool bitmap = options.format == Format::png || options.format == Format::pdf;
  if (bitmap && options.width > 0) {
    set(view.graph->get(), "size", fmt_num(options.width / 72.0) + ",10000!");
    set(view.graph->get(), "dpi", "72");
  }
  const char* format = bitmap ? to_string(options.format) : "svg";
  auto bytes = layout_and_render(*view.graph, view.engine, format);
  if (!bytes || bitmap) return bytes;
  std::string svg = finish_svg(std::move(*bytes), view.titles, options.width);
  if (options.format == Format::svg) return svg;
  const char* title = options.view == View::timeline ? "Event timeline" : "Event graph";
  return html_page(svg, *model, title, options.link_sources);
}

}  // namespace annals
