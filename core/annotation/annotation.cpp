#include "annotation/annotation.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "pipeline.h"

namespace annals {
namespace {

struct Tag {
  Span span;
  std::string open;
  std::string close;
};

std::string timex_tag(const Timex& t, size_t index) {
  std::string open = "<TIMEX3 tid=\"t" + std::to_string(index + 1) + "\" type=\"" + to_string(t.type) +
                     "\" value=\"" + xml_escape(t.value) + "\"";
  if (!t.mod.empty()) open += " mod=\"" + xml_escape(t.mod) + "\"";
  if (!t.quant.empty()) open += " quant=\"" + xml_escape(t.quant) + "\"";
  open += t.relative ? " temporalFunction=\"true\" anchorTimeID=\"t0\"" : " temporalFunction=\"false\"";
  return open + " functionInDocument=\"NONE\">";
}

std::string event_tag(const EventMention& e, size_t index) {
  return "<EVENT eid=\"e" + std::to_string(index + 1) + "\" class=\"" + to_string(e.event_class) + "\">";
}

std::string instance(const EventMention& e, size_t index) {
  std::string modality = e.modality == Modality::actual ? "" : std::string(" modality=\"") + to_string(e.modality) + "\"";
  return "<MAKEINSTANCE eventID=\"e" + std::to_string(index + 1) + "\" eiid=\"ei" + std::to_string(index + 1) +
         "\" tense=\"" + e.tense + "\" aspect=\"" + e.aspect + "\" polarity=\"" + (e.negated ? "NEG" : "POS") +
         "\" pos=\"" + (e.noun ? "NOUN" : "VERB") + "\"" + modality + " />\n";
}

std::vector<Tag> inline_tags(const DocumentAnalysis& a) {
  std::vector<Tag> tags;
  size_t tid = 0;
  for (const Timex& t : a.timexes) {
    // TimeML annotates the two ends of a range ("1990 to 1995") apart.
    if (!t.range_end.empty() && t.range_start_span.size() > 0 && t.range_end_span.size() > 0) {
      Timex end = t;
      end.value = t.range_end;
      tags.push_back({t.range_start_span, timex_tag(t, tid++), "</TIMEX3>"});
      tags.push_back({t.range_end_span, timex_tag(end, tid++), "</TIMEX3>"});
      continue;
    }
    tags.push_back({t.span, timex_tag(t, tid++), "</TIMEX3>"});
  }
  for (size_t i = 0; i < a.events.size(); ++i) tags.push_back({a.events[i].trigger, event_tag(a.events[i], i), "</EVENT>"});
  std::sort(tags.begin(), tags.end(), [](const Tag& x, const Tag& y) { return x.span.start < y.span.start; });
  // Inline tags cannot overlap: keep the first of any overlapping pair.
  std::vector<Tag> kept;
  for (auto& tag : tags)
    if (kept.empty() || tag.span.start >= kept.back().span.end) kept.push_back(std::move(tag));
  return kept;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') out += "\xEF\xBF\xBD";
        else out += ch;
    }
  }
  return out;
}

std::string to_timeml(const DocumentAnalysis& a) {
  std::string out = "<?xml version=\"1.0\" ?>\n<TimeML>\n\n<DOCID>" + xml_escape(a.doc.id) + "</DOCID>\n\n";
  if (a.doc.dct)
    out += "<DCT><TIMEX3 tid=\"t0\" type=\"" + std::string(a.doc.dct->value.size() > 10 ? "TIME" : "DATE") +
           "\" value=\"" + xml_escape(a.doc.dct->value) +
           "\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">" + xml_escape(a.doc.dct->value) +
           "</TIMEX3></DCT>\n\n";
  out += "<TEXT>";
  size_t at = 0;
  for (const auto& tag : inline_tags(a)) {
    out += xml_escape(std::string_view(a.doc.text).substr(at, tag.span.start - at));
    out += tag.open + xml_escape(a.doc.slice(tag.span)) + tag.close;
    at = tag.span.end;
  }
  out += xml_escape(std::string_view(a.doc.text).substr(at)) + "</TEXT>\n\n";
  for (size_t i = 0; i < a.events.size(); ++i) out += instance(a.events[i], i);
  return out + "\n</TimeML>\n";
}

std::string to_annotation_json(const DocumentAnalysis& a) {
  using Json = nlohmann::ordered_json;
  Json timexes = Json::array(), events = Json::array(), actors = Json::array();
  for (const auto& t : a.timexes) {
    Json j{{"start", t.span.start}, {"end", t.span.end}, {"text", a.doc.slice(t.span)},
           {"type", to_string(t.type)}, {"value", t.value}, {"mod", t.mod}, {"inferred", t.inferred}};
    j["earliest"] = t.bounds ? Json(iso_day(t.bounds->first)) : Json(nullptr);
    j["latest"] = t.bounds ? Json(iso_day(t.bounds->last)) : Json(nullptr);
    if (!t.range_end.empty()) j["range_end"] = t.range_end;
    timexes.push_back(j);
  }
  for (const auto& e : a.events) {
    Json participants = Json::array();
    for (const auto& p : e.participants) {
      const auto& m = a.actors.mentions[p.mention];
      participants.push_back({{"actor", m.actor >= 0 ? a.actors.actors[m.actor].name : std::string(a.doc.slice(m.span))},
                              {"role", p.role}});
    }
    events.push_back({{"start", e.trigger.start}, {"end", e.trigger.end}, {"trigger", a.doc.slice(e.trigger)},
                      {"lemma", e.lemma}, {"class", to_string(e.event_class)}, {"tense", e.tense},
                      {"aspect", e.aspect}, {"polarity", e.negated ? "negative" : "positive"},
                      {"modality", to_string(e.modality)},
                      {"time", e.timex >= 0 ? Json(a.timexes[e.timex].value) : Json(nullptr)},
                      {"participants", participants}, {"label", e.label}});
  }
  for (const auto& actor : a.actors.actors)
    actors.push_back({{"name", actor.name}, {"kind", to_string(actor.kind)}, {"aliases", actor.aliases}});
  Json root{{"doc", a.doc.id}, {"path", a.doc.path}, {"title", a.doc.title},
            {"dct", a.doc.dct ? Json(a.doc.dct->value) : Json(nullptr)},
            {"dct_source", a.doc.dct ? Json(to_string(a.doc.dct->source)) : Json(nullptr)},
            {"timexes", timexes}, {"events", events}, {"actors", actors}};
  return root.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace annals
