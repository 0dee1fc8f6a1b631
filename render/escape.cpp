#include "escape.h"

#include <cstdint>

namespace annals::render_detail {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if it is not valid.
size_t utf8_sequence(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  uint32_t cp = 0;
  if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool is_space_or_control(unsigned char c) { return c < 0x20 || c == ' ' || c == 0x7F; }

}  // namespace

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    const size_t n = utf8_sequence(text, i);
    if (n == 1 && is_space_or_control(static_cast<unsigned char>(text[i]))) {
      pending_space = !out.empty();
      ++i;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// Byte offset of the code point number `chars` (or text.size()).
static size_t byte_offset(std::string_view text, size_t chars) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == chars) return i;
      ++seen;
    }
  }
  return text.size();
}

std::string truncate_text(std::string_view text, size_t max_chars) {
  if (utf8_length(text) <= max_chars) return std::string(text);
  if (max_chars == 0) return "";
  std::string out(text.substr(0, byte_offset(text, max_chars - 1)));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";
}

std::vector<std::string> wrap_text(std::string_view text, size_t width,
                                   size_t max_lines) {
  std::vector<std::string> lines;
  if (width == 0 || max_lines == 0) return lines;
  std::string_view rest = text;
  while (!rest.empty() && lines.size() < max_lines) {
    if (utf8_length(rest) <= width) {
      lines.emplace_back(rest);
      return lines;
    }
    size_t cut = byte_offset(rest, width);
    const size_t space = rest.substr(0, cut + 1).rfind(' ');
    if (space != std::string_view::npos && space > 0) cut = space;
    lines.emplace_back(rest.substr(0, cut));
    rest = rest.substr(cut);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  }
  if (!rest.empty() && !lines.empty()) {
    lines.back() = truncate_text(lines.back() + " " + std::string(rest), width);
  }
  return lines;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string gv_html_text(std::string_view text) {
  std::string out;
  for (char c : xml_escape(text)) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string gv_plain_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += '\\';
    out += c;
  }
  if (!out.empty() && out.back() == '\\') out += ' ';
  return out;
}

std::string path_url(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string url;
  for (unsigned char c : path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += hex[c >> 4];
      url += hex[c & 15];
    }
  }
  return url;
}

}  // namespace annals::render_detail
