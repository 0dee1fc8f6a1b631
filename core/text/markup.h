// Articles saved as HTML pages or TimeML files: their text without the
// markup, and the publication date their metadata gives.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace annals {

struct MarkupText {
  std::string text;  // what a reader sees: one line per block element
  // When the page says it was published ("2022-06-08T17:58", "2022-06-08"),
  // from <meta property="article:published_time">, schema.org datePublished
  // (JSON-LD, itemprop), other common <meta> names, <time pubdate>, or a
  // TimeML DCT. Not checked against the calendar here.
  std::optional<std::string> published;
};

// An HTML page (<!DOCTYPE html>, <html ...>) or an XML/TimeML file, by its
// first bytes; anything else is plain text.
bool is_markup(std::string_view bytes);

// Linear in the size of the input whatever it holds (unclosed tags, quotes
// and comments included).
MarkupText extract_markup(std::string_view bytes);

}  // namespace annals
