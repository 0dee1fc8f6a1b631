// Text from articles is untrusted. Every string that reaches DOT, an
// HTML-like Graphviz label, SVG or HTML goes through one of these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace annals::render_detail {

// Valid UTF-8 (bad bytes become U+FFFD), control characters become spaces,
// runs of white space collapse, ends trimmed.
std::string clean_text(std::string_view text);

// Number of code points (the text must be valid UTF-8).
size_t utf8_length(std::string_view text);

// At most `max_chars` code points, with "…" when cut.
std::string truncate_text(std::string_view text, size_t max_chars);

// Word-wraps clean text into at most `max_lines` lines of about `width` code
// points; a word longer than a line is split; the last line gets "…" when
// text is left over.
std::vector<std::string> wrap_text(std::string_view text, size_t width,
                                   size_t max_lines);

// & < > " ' as entities, for SVG and HTML text and attribute values.
std::string xml_escape(std::string_view text);

// For text inside a Graphviz HTML-like label: xml_escape, and backslashes
// doubled so that Graphviz does not expand "\N", "\G"... in it.
std::string gv_html_text(std::string_view text);

// For a plain (quoted) Graphviz string attribute such as a tooltip:
// backslashes doubled and never a trailing backslash (cgraph's writer does
// not escape one, so it would swallow the closing quote in DOT output).
std::string gv_plain_text(std::string_view text);

// A file path as a relative URL: every byte but letters, digits, "-._~/"
// percent-encoded, so no scheme ("javascript:") or markup can get through.
std::string path_url(std::string_view path);

}  // namespace annals::render_detail
