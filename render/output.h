// Finishing the bytes: SVG clean-up and the HTML page.
#pragma once

#include <map>
#include <string>

#include "render_model.h"

namespace annals::render_detail {

// Drops the DOCTYPE and the Graphviz version comment, puts the tooltips in
// the <title> of the named nodes and, if width > 0, sets the width in px
// (the height follows the viewBox).
std::string finish_svg(std::string svg, const std::map<std::string, std::string>& titles,
                       int width);

// A self-contained page: the SVG inline and a table of the events that
// sorts by a click on its headers; with `links`, sources link to their files.
std::string html_page(const std::string& svg, const Model& model, const std::string& title, bool links);

}  // namespace annals::render_detail
