// A single forward pass over the bytes: tags are dropped (block elements
// become line breaks), the contents of scripts, styles and the like are
// skipped, entities are decoded, and the publication date is picked up from
// the metadata on the way. Not a validating parser: real pages are not valid.
#include "text/markup.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace annals {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':' ||
         c == '_' || c == '.';
}

// Elements whose content is not the article's text: code, media,
// navigation and forms, the page footer, TimeML's header elements.
bool is_skipped(std::string_view name) {
  static const std::array<std::string_view, 17> kSkipped = {
      "script", "style",  "noscript", "template", "svg",  "iframe", "object", "canvas",   "nav",
      "form",   "button", "select",   "menu",     "footer", "docid", "dct",    "extrainfo"};
  return std::find(kSkipped.begin(), kSkipped.end(), name) != kSkipped.end();
}

// Elements that start a new line of text.
bool is_block(std::string_view name) {
  static const std::array<std::string_view, 38> kBlocks = {
      "address", "article", "aside",  "blockquote", "body",   "br",      "caption", "dd",     "div",   "dl",
      "dt",      "fieldset", "figcaption", "figure", "footer", "form",    "h1",      "h2",     "h3",    "h4",
      "h5",      "h6",      "header", "hr",         "li",     "main",    "nav",     "ol",     "p",     "pre",
      "section", "table",   "td",     "th",         "title",  "tr",      "ul",      "text"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// Decodes the entity at s[0] == '&'; returns the bytes it took (0: not one).
size_t decode_entity(std::string_view s, std::string& out) {
  static const std::unordered_map<std::string_view, uint32_t> kNamed = {
      {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
      {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
      {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0xAB},   {"raquo", 0xBB},
      {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122}, {"euro", 0x20AC},  {"pound", 0xA3},
      {"bull", 0x2022},  {"middot", 0xB7},  {"deg", 0xB0},     {"times", 0xD7},   {"shy", 0xAD}};
  constexpr size_t kLongest = 12;
  size_t semicolon = s.substr(0, kLongest).find(';');
  if (semicolon == std::string_view::npos || semicolon < 2) return 0;
  std::string_view body = s.substr(1, semicolon - 1);
  if (body[0] == '#') {
    bool hex = body.size() > 1 && lower(body[1]) == 'x';
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    uint32_t cp = 0;
    for (char c : digits) {
      int d = c >= '0' && c <= '9' ? c - '0' : hex && lower(c) >= 'a' && lower(c) <= 'f' ? lower(c) - 'a' + 10 : -1;
      if (d < 0) return 0;
      cp = std::min<uint32_t>(cp * (hex ? 16 : 10) + uint32_t(d), 0x110000);
    }
    if (cp == 0xAD) return semicolon + 1;  // a soft hyphen is not text
    append_utf8(out, cp);
    return semicolon + 1;
  }
  auto it = kNamed.find(body);
  if (it == kNamed.end()) return 0;
  if (it->second != 0xAD) append_utf8(out, it->second);
  return semicolon + 1;
}

std::string decoded(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t used = s[i] == '&' ? decode_entity(s.substr(i), out) : 0;
    if (used) i += used;
    else out += s[i++];
  }
  return out;
}

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // lower-case name, decoded value

  const std::string* attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes)
      if (k == key) return &v;
    return nullptr;
  }
};

// The attributes of a tag's inside (between its name and its '>').
void parse_attributes(std::string_view s, Tag& tag) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == '/')) ++i;
    size_t start = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '/') ++i;
    if (i == start) {
      ++i;
      continue;
    }
    std::string key = lowered(s.substr(start, i - start));
    while (i < s.size() && is_space(s[i])) ++i;
    std::string value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char quote = s[i++];
        size_t end = s.find(quote, i);
        if (end == std::string_view::npos) end = s.size();
        value = decoded(s.substr(i, end - i));
        i = end + 1;
      } else {
        size_t v = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        value = decoded(s.substr(v, i - v));
      }
    }
    tag.attributes.emplace_back(std::move(key), std::move(value));
  }
}

// "2022-06-08T17:58:00+03:00" -> "2022-06-08T17:58"; "19980227" (TimeML's
// older form) -> "1998-02-27"; nullopt if it does not start with a date.
std::optional<std::string> iso_date(std::string_view s) {
  auto digits = [&](size_t at, size_t n) {
    if (s.size() < at + n) return false;
    for (size_t k = at; k < at + n; ++k)
      if (s[k] < '0' || s[k] > '9') return false;
    return true;
  };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  std::string out;
  if (digits(0, 4) && s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2)) {
    out = std::string(s.substr(0, 10));
    s.remove_prefix(10);
  } else if (digits(0, 8)) {
    out = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
    s.remove_prefix(8);
  } else {
    return std::nullopt;
  }
  if ((s.size() >= 6 && (s[0] == 'T' || s[0] == ' ') && digits(1, 2) && s[3] == ':' && digits(4, 2)))
    out += "T" + std::string(s.substr(1, 5));
  return out;
}

// Where a publication date can come from, best first.
enum class DateSource : int { open_graph = 0, schema_org = 1, other_meta = 2, time_element = 3, timeml = 4, none = 5 };

DateSource meta_source(const Tag& tag) {
  auto is = [&](std::string_view attribute, std::initializer_list<std::string_view> names) {
    const std::string* v = tag.attribute(attribute);
    if (!v) return false;
    std::string l = lowered(*v);
    return std::find(names.begin(), names.end(), l) != names.end();
  };
  if (is("property", {"article:published_time", "og:article:published_time"})) return DateSource::open_graph;
  if (is("itemprop", {"datepublished"})) return DateSource::schema_org;
  if (is("name", {"pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                  "dcterms.date", "article.published", "parsely-pub-date", "sailthru.date", "datepublished"}))
    return DateSource::other_meta;
  return DateSource::none;
}

class Extractor {
 public:
  Extractor(std::string_view bytes, bool xml) : s_(bytes), xml_(xml) { out_.reserve(bytes.size()); }

  MarkupText run() {
    size_t i = 0;
    while (i < s_.size()) {
      char c = s_[i];
      if (c == '<') {
        i = markup_at(i);
      } else if (c == '&') {
        size_t used = decode_entity(s_.substr(i), out_);
        if (!used) out_ += '&';
        i += used ? used : 1;
      } else {
        text_char(c);
        ++i;
      }
    }
    return {tidy(out_), best_date_};
  }

 private:
  void text_char(char c) {
    if (xml_ || !is_space(c)) out_ += c;
    else if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n') out_ += ' ';
  }

  void offer_date(DateSource source, std::string_view value) {
    if (source >= best_source_) return;
    if (auto date = iso_date(value)) best_date_ = *date, best_source_ = source;
  }

  // The position after the markup that starts at s_[i] == '<'.
  size_t markup_at(size_t i) {
    std::string_view rest = s_.substr(i);
    if (rest.starts_with("<!--")) return skip_past(i + 4, "-->");
    if (rest.starts_with("<![CDATA[")) {
      size_t end = s_.find("]]>", i + 9);
      if (end == std::string_view::npos) end = s_.size();
      for (size_t k = i + 9; k < end; ++k) text_char(s_[k]);
      return std::min(end + 3, s_.size());
    }
    size_t gt = next_gt(i);
    bool closing = rest.size() > 1 && rest[1] == '/';
    size_t name_start = i + (closing ? 2 : 1);
    size_t name_end = name_start;
    bool letter = name_start < s_.size() && lower(s_[name_start]) >= 'a' && lower(s_[name_start]) <= 'z';
    while (letter && name_end < s_.size() && is_name_char(s_[name_end])) ++name_end;
    bool declaration = rest.size() > 1 && (rest[1] == '!' || rest[1] == '?');
    if (gt == std::string_view::npos || (name_end == name_start && !declaration)) {
      out_ += '<';  // "a < b": not a tag
      return i + 1;
    }
    if (declaration) return gt + 1;
    Tag tag;
    tag.closing = closing;
    tag.name = lowered(s_.substr(name_start, name_end - name_start));
    if (!closing) parse_attributes(s_.substr(name_end, gt - name_end), tag);
    return after_tag(tag, gt + 1);
  }

  size_t after_tag(const Tag& tag, size_t next) {
    if (!tag.closing) look_for_date(tag);
    if (!tag.closing && is_skipped(tag.name)) {
      size_t end = find_closing(tag.name, next);
      if (tag.name == "script") json_ld_date(s_.substr(next, std::min(end, s_.size()) - next));
      if (tag.name == "dct") timeml_date(s_.substr(next, std::min(end, s_.size()) - next));
      line_break();
      size_t gt = end == std::string_view::npos ? end : next_gt(end);
      return gt == std::string_view::npos ? s_.size() : gt + 1;
    }
    if (is_block(tag.name)) line_break();
    return next;
  }

  void look_for_date(const Tag& tag) {
    if (tag.name == "meta") {
      if (const std::string* content = tag.attribute("content")) offer_date(meta_source(tag), *content);
    } else if (tag.name == "time") {
      const std::string* when = tag.attribute("datetime");
      const std::string* itemprop = tag.attribute("itemprop");
      bool published = tag.attribute("pubdate") || (itemprop && lowered(*itemprop) == "datepublished");
      if (when && published) offer_date(DateSource::time_element, *when);
    } else if (tag.name == "timex3") {
      const std::string* function = tag.attribute("functionindocument");
      const std::string* value = tag.attribute("value");
      if (function && value && *function == "CREATION_TIME") offer_date(DateSource::timeml, *value);
    }
  }

  // schema.org JSON-LD: "datePublished": "2022-06-08T17:58:00+03:00".
  void json_ld_date(std::string_view script) {
    size_t at = script.find("\"datePublished\"");
    if (at == std::string_view::npos) return;
    size_t colon = script.find(':', at + 15);
    size_t quote = colon == std::string_view::npos ? colon : script.find('"', colon);
    if (quote == std::string_view::npos || script.substr(at + 15, quote - at - 15).find_first_not_of(" \t\r\n:") !=
                                               std::string_view::npos)
      return;
    offer_date(DateSource::schema_org, script.substr(quote + 1, 32));
  }

  void timeml_date(std::string_view dct) {
    size_t at = dct.find("<TIMEX3");
    if (at == std::string_view::npos) return;
    size_t gt = dct.find('>', at);
    if (gt == std::string_view::npos) return;
    Tag tag;
    tag.name = "timex3";
    parse_attributes(dct.substr(at + 7, gt - at - 7), tag);
    look_for_date(tag);
  }

  void line_break() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  }

  // The next '>' at or after `from`. `from` only grows and the last answer
  // holds for every `from` between the last search's start and it, so all
  // the searches of a document cost one pass over it.
  size_t next_gt(size_t from) {
    bool known = searched_ && from >= gt_searched_ && (gt_found_ == std::string_view::npos || from <= gt_found_);
    if (!known) {
      searched_ = true;
      gt_searched_ = from;
      gt_found_ = s_.find('>', from);
    }
    return gt_found_;
  }

  size_t skip_past(size_t from, std::string_view end) {
    size_t at = s_.find(end, from);
    return at == std::string_view::npos ? s_.size() : at + end.size();
  }

  // The '<' of "</name" at or after `from`, any case; npos if none.
  size_t find_closing(const std::string& name, size_t from) {
    for (size_t at = s_.find("</", from); at != std::string_view::npos; at = s_.find("</", at + 2))
      if (starts_with_nocase(s_.substr(at + 2), name)) return at;
    return std::string_view::npos;
  }

  // Spaces trimmed at the ends of lines, at most one blank line in a row.
  static std::string tidy(const std::string& raw) {
    std::string out;
    out.reserve(raw.size());
    size_t blank_run = 0;
    for (size_t start = 0; start < raw.size();) {
      size_t end = raw.find('\n', start);
      if (end == std::string::npos) end = raw.size();
      std::string_view line(raw.data() + start, end - start);
      while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
      while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
      blank_run = line.empty() ? blank_run + 1 : 0;
      if (blank_run <= 1 && !(line.empty() && out.empty())) out.append(line).append("\n");
      start = end + 1;
    }
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
  }

  std::string_view s_;
  bool xml_;
  std::string out_;
  std::optional<std::string> best_date_;
  DateSource best_source_ = DateSource::none;
  bool searched_ = false;
  size_t gt_searched_ = 0, gt_found_ = std::string_view::npos;
};

std::string_view after_preamble(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}

bool is_html(std::string_view start) {
  return starts_with_nocase(start, "<!doctype html") || starts_with_nocase(start, "<html") ||
         (starts_with_nocase(start, "<!--") && start.substr(0, 1024).find("<html") != std::string_view::npos);
}

}  // namespace

bool is_markup(std::string_view bytes) {
  std::string_view start = after_preamble(bytes);
  return is_html(start) || start.starts_with("<?xml") || start.starts_with("<TimeML");
}

MarkupText extract_markup(std::string_view bytes) {
  return Extractor(bytes, !is_html(after_preamble(bytes))).run();
}

}  // namespace annals
