// The time tagger: loads the language resources, scans sentences for rule
// matches (leftmost, longest, non-overlapping) and normalises them.
#include "time/timex.h"

#include <algorithm>

#include "time/calendar.h"
#include "time/normalise.h"
#include "time/rules.h"

namespace annals {
namespace {

// The tense cue nearest to the expression ("will sell ... and took a loss in
// the third quarter": "took"); -1 when the sentence has none.
int nearest_tense(const detail::AtomBuffer& buffer, uint32_t first, uint32_t end) {
  // Cues are in atom order: look only at the neighbours of the expression.
  const auto& cues = buffer.tense_cues;
  auto after = std::lower_bound(cues.begin(), cues.end(), std::make_pair(first, INT32_MIN));
  int tense = -1;
  uint32_t best = UINT32_MAX;
  auto consider = [&](auto it) {
    uint32_t atom = it->first;
    uint32_t distance = atom < first ? first - atom : atom >= end ? atom - end + 1 : 0;
    if (distance < best) best = distance, tense = it->second;
  };
  if (after != cues.begin()) consider(after - 1);
  if (after != cues.end()) consider(after);
  return tense;
}

}  // namespace

using detail::AtomBuffer;
using detail::Match;
using detail::Slot;
using detail::Slots;

struct TimeTagger::Rules {
  detail::Lexicon lexicon;
  detail::RuleSet rules;
  std::optional<uint16_t> determiner;  // class DETERMINER, if a lexicon defines it
  std::optional<uint16_t> reporting;   // class REPORTING: "said", "told"
  std::optional<uint16_t> deadline;    // class DEADLINE: "until", "effective"
  std::optional<uint16_t> since;       // class SINCE: "since"

  bool atom_is(const AtomBuffer& buffer, uint32_t atom, uint16_t cls) const {
    const detail::Atom& a = buffer.atoms[atom];
    for (uint32_t i = 0; i < a.entry_count; ++i)
      if (buffer.entries[a.first_entry + i].cls == cls) return true;
    return false;
  }

  // "said Thursday (that the troops will stay)", "said on Thursday",
  // "Thursday said": a weekday next to a reporting verb is the day of the
  // report, past whatever the rest of the sentence says.
  bool reported_on(const AtomBuffer& buffer, uint32_t first, uint32_t end) const {
    if (!reporting) return false;
    if (first >= 1 && atom_is(buffer, first - 1, *reporting)) return true;
    if (first >= 2 && atom_is(buffer, first - 2, *reporting) && buffer.atoms[first - 1].span.end -
                                                                     buffer.atoms[first - 1].span.start == 2)
      return true;  // "said on Friday": one short word between
    return end < buffer.atoms.size() && atom_is(buffer, end, *reporting);
  }

  // "until May", "till Friday", "effective June 1" name a time still to come
  // whatever the sentence's tense ("the offer was extended until Friday");
  // "since March" one already begun. -1 when the word before says nothing.
  int tense_of_preposition(const AtomBuffer& buffer, uint32_t first) const {
    if (first == 0) return -1;
    if (deadline && atom_is(buffer, first - 1, *deadline)) return detail::kFuture;
    if (since && atom_is(buffer, first - 1, *since)) return detail::kPast;
    return -1;
  }

  // TimeML leaves the article out when the expression is a hyphenated
  // modifier: "the [third-quarter] results", "a [two-week] visit".
  bool drops_determiner(const AtomBuffer& buffer, uint32_t first, uint32_t end) const {
    if (end - first < 3 || !determiner) return false;
    const detail::Atom& head = buffer.atoms[first];
    bool is_determiner = false;
    for (uint32_t i = 0; i < head.entry_count; ++i)
      is_determiner |= buffer.entries[head.first_entry + i].cls == *determiner;
    if (!is_determiner || !buffer.atoms[first + 1].token_start) return false;
    for (uint32_t a = first + 2; a < end; ++a)
      if (buffer.atoms[a].token_start) return false;  // more than one token after it
    return true;
  }

  // The start part runs up to the first element that fills the range end,
  // less connectors ("to", "-") that fill no slot.
  void set_range_spans(const AtomBuffer& buffer, const Match& match, Timex& timex) const {
    const detail::Rule& rule = rules.rule(match.rule);
    uint32_t end_first = match.span_end;
    for (size_t e = 0; e < rule.elements.size(); ++e) {
      if (rule.elements[e].range_end && match.atom_of[e] >= 0) {
        end_first = match.first_atom + uint32_t(match.atom_of[e]);
        break;
      }
    }
    uint32_t start_first = end_first, start_last = end_first;
    for (size_t e = 0; e < rule.elements.size(); ++e) {
      if (match.atom_of[e] < 0 || rule.elements[e].literal || rule.elements[e].context) continue;
      uint32_t atom = match.first_atom + uint32_t(match.atom_of[e]);
      if (atom >= end_first) break;
      if (start_first == end_first) start_first = atom;
      start_last = atom;
    }
    if (end_first >= match.span_end || start_last >= end_first) return;
    timex.range_start_span = Span{buffer.atoms[start_first].span.start, buffer.atoms[start_last].span.end};
    timex.range_end_span = Span{buffer.atoms[end_first].span.start, timex.span.end};
  }

  // Scans atoms left to right; at each position the longest match whose
  // slots normalise wins. Calls emit(match, timex) for each.
  template <typename Emit>
  void scan(AtomBuffer& buffer, detail::Context& context, std::vector<Match>& matches,
            Emit emit) const {
    Slots start, end;
    if (!rules.select_rules(buffer)) return;  // most sentences hold no time words
    for (uint32_t at = 0; at < buffer.atoms.size();) {
      if (!buffer.may_start_at(at)) {
        ++at;
        continue;
      }
      rules.matches_at(buffer, at, matches);
      uint32_t next = at + 1;
      for (const Match& match : matches) {
        const detail::Rule& rule = rules.rule(match.rule);
        if (rule.op == detail::Op::skip) {  // a known non-date: consume it
          next = match.end_atom;
          break;
        }
        bool weak_alone = false;
        rules.fill_slots(buffer, match, start, end, weak_alone);
        if (weak_alone) continue;
        context.tense = nearest_tense(buffer, match.span_first, match.span_end);
        if (start.has(Slot::weekday) && reported_on(buffer, match.span_first, match.span_end))
          context.tense = detail::kPast;
        if (int tense = tense_of_preposition(buffer, match.span_first); tense >= 0)
          context.tense = tense;
        auto timex = detail::normalise(rule, start, end, context);
        if (!timex) continue;
        uint32_t first = match.span_first;
        if (drops_determiner(buffer, first, match.span_end)) ++first;
        timex->span = Span{buffer.atoms[first].span.start, buffer.atoms[match.span_end - 1].span.end};
        if (!timex->range_end.empty()) set_range_spans(buffer, match, *timex);
        emit(match, std::move(*timex));
        next = std::max(match.span_end, at + 1);  // trailing context stays unread
        break;
      }
      at = next;
    }
  }
};

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}


bool has_class(const AtomBuffer& buffer, const detail::Atom& atom, std::optional<uint16_t> cls) {
  if (!cls) return false;
  for (uint32_t i = 0; i < atom.entry_count; ++i)
    if (buffer.entries[atom.first_entry + i].cls == *cls) return true;
  return false;
}

bool is_punct_only(std::string_view text) {
  for (unsigned char c : text)
    if (std::isalnum(c) || c >= 0x80) return false;
  return true;
}

std::optional<Dct> dct_from_value(const std::string& value) {
  auto parsed = TimeTagger::parse_dct(value);
  if (!parsed) return std::nullopt;
  return *parsed;
}

std::vector<Line> plain_lines(const std::string& text) {
  std::vector<Line> lines;
  uint32_t start = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n') continue;
    lines.push_back(Line{Span{start, i}, LineKind::body});
    start = i + 1;
  }
  return lines;
}

}  // namespace

const char* to_string(TimexType type) {
  switch (type) {
    case TimexType::date: return "DATE";
    case TimexType::time: return "TIME";
    case TimexType::duration: return "DURATION";
    case TimexType::set: return "SET";
  }
  return "DATE";
}

std::string iso_day(DayNumber day) { return detail::day_point(day).value(); }

TimeTagger::TimeTagger(std::unique_ptr<Rules> rules) : rules_(std::move(rules)) {}
TimeTagger::TimeTagger(TimeTagger&&) noexcept = default;
TimeTagger& TimeTagger::operator=(TimeTagger&&) noexcept = default;
TimeTagger::~TimeTagger() = default;

// Every "<lang>/time/numeric.tsv", then every lexicon (they define the
// classes), then every rule file.
Result<TimeTagger> TimeTagger::create(const Resources& resources) {
  auto rules = std::make_unique<Rules>();
  const auto names = resources.names();
  for (std::string_view kind : {"/time/numeric.tsv", "/time/lexicon.tsv", "/time/rules.tsv"}) {
    for (const auto& name : names) {
      if (!ends_with(name, kind)) continue;
      auto table = resources.table(name, 2);
      if (!table) return table.error();
      Status status = ok_status();
      if (kind == "/time/numeric.tsv") status = rules->lexicon.load_numeric(*table);
      else if (kind == "/time/lexicon.tsv") status = rules->lexicon.load_words(*table);
      else status = rules->rules.load(*table, rules->lexicon);
      if (!status) return status.error();
    }
  }
  if (rules->rules.size() == 0)
    return Error{ErrorCode::bad_data, "time", "no time rules found (*/time/rules.tsv)"};
  rules->rules.finish(rules->lexicon);
  rules->determiner = rules->lexicon.class_id("DETERMINER");
  rules->reporting = rules->lexicon.class_id("REPORTING");
  rules->deadline = rules->lexicon.class_id("DEADLINE");
  rules->since = rules->lexicon.class_id("SINCE");
  return TimeTagger(std::move(rules));
}

std::vector<Timex> TimeTagger::tag(const Document& doc, const Segmentation& seg) const {
  std::vector<Timex> out;
  // Reused from document to document: they reach their size in the first.
  thread_local AtomBuffer buffer;
  thread_local std::vector<Match> matches;
  detail::Context context;
  context.dct = doc.dct ? &*doc.dct : nullptr;
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    if (sentence.line < doc.lines.size()) {
      LineKind kind = doc.lines[sentence.line].kind;
      if (kind == LineKind::boilerplate || kind == LineKind::blank) continue;
    }
    if (sentence.end_token > seg.tokens.size() || sentence.first_token >= sentence.end_token)
      continue;
    std::span<const Token> tokens(seg.tokens.data() + sentence.first_token,
                                  sentence.end_token - sentence.first_token);
    detail::build_atoms(rules_->lexicon, doc.text, tokens, buffer);
    rules_->scan(buffer, context, matches, [&](const Match&, Timex timex) {
      timex.sentence = s;
      out.push_back(std::move(timex));
    });
  }
  return out;
}

// A date line is short and holds one full date (maybe with a time), and
// besides it only labels ("Posted:") and punctuation. The first such line
// from the top wins; copyright lines never count.
std::optional<Dct> TimeTagger::find_dct(Document& doc) const {
  constexpr uint32_t kMaxDateLine = 120;
  const auto label = rules_->lexicon.class_id("DATELINE");
  const auto copyright = rules_->lexicon.class_id("COPYRIGHT");
  std::vector<Line> own_lines;
  std::vector<Line>& lines = doc.lines.empty() ? (own_lines = plain_lines(doc.text)) : doc.lines;
  AtomBuffer buffer;
  std::vector<Match> matches;
  for (Line& line : lines) {
    if (line.span.size() == 0 || line.span.size() > kMaxDateLine || line.kind == LineKind::blank)
      continue;
    auto tokens = detail::tokenize_line(doc.slice(line.span), line.span.start);
    detail::build_atoms(rules_->lexicon, doc.text, tokens, buffer);
    std::vector<bool> covered(buffer.atoms.size(), false);
    std::optional<Timex> found;
    int timexes = 0;
    detail::Context context;
    rules_->scan(buffer, context, matches, [&](const Match& match, Timex timex) {
      for (uint32_t a = match.span_first; a < match.span_end; ++a) covered[a] = true;
      ++timexes;
      found = std::move(timex);
    });
    if (timexes != 1 || found->relative || found->inferred || found->value.size() < 10 ||
        found->value.find('X') != std::string::npos || !found->range_end.empty())
      continue;
    bool only_labels = true;
    for (uint32_t a = 0; a < buffer.atoms.size(); ++a) {
      const auto& atom = buffer.atoms[a];
      if (has_class(buffer, atom, copyright)) only_labels = false;
      if (covered[a] || has_class(buffer, atom, label)) continue;
      if (!is_punct_only(doc.slice(atom.span))) only_labels = false;
    }
    if (!only_labels) continue;
    auto dct = dct_from_value(found->value);
    if (!dct) continue;
    dct->source = DctSource::text;
    dct->span = line.span;
    line.kind = LineKind::dateline;
    return dct;
  }
  return std::nullopt;
}

namespace {

bool read_fixed(std::string_view text, size_t at, size_t width, int& value) {
  if (at + width > text.size()) return false;
  value = 0;
  for (size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

Error bad_dct(std::string_view text, const std::string& why) {
  return Error{ErrorCode::bad_value, "--dct", why + ": '" + std::string(text) + "'"};
}

}  // namespace

// "2022-06-08", "2022-06-08T17:58", "2022-06-08T17:58:00", "20220608".
Result<Dct> TimeTagger::parse_dct(const std::string& input) {
  std::string_view text = input;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  Dct dct;
  size_t rest = 0;
  if (read_fixed(text, 0, 4, dct.year) && text.size() >= 10 && text[4] == '-' && text[7] == '-' &&
      read_fixed(text, 5, 2, dct.month) && read_fixed(text, 8, 2, dct.day)) {
    rest = 10;
  } else if (text.size() == 8 && read_fixed(text, 0, 4, dct.year) &&
             read_fixed(text, 4, 2, dct.month) && read_fixed(text, 6, 2, dct.day)) {
    rest = 8;
  } else {
    return bad_dct(text, "expected a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM");
  }
  if (!detail::valid_date(dct.year, dct.month, dct.day)) return bad_dct(text, "no such day");
  dct.value = detail::day_point(detail::day_number(dct.year, dct.month, dct.day)).value();
  if (rest == text.size()) return dct;
  int hour = 0, minute = 0, second = 0;
  std::string_view time = text.substr(rest);
  bool ok = (time.size() == 6 || time.size() == 9) && (time[0] == 'T' || time[0] == ' ') &&
            read_fixed(time, 1, 2, hour) && time[3] == ':' && read_fixed(time, 4, 2, minute) &&
            (time.size() == 6 || (time[6] == ':' && read_fixed(time, 7, 2, second)));
  if (!ok) return bad_dct(text, "expected a time as THH:MM or THH:MM:SS after the date");
  if (hour > 23 || minute > 59 || second > 59) return bad_dct(text, "no such time of day");
  dct.value += "T" + std::string(time.substr(1, 5));
  if (time.size() == 9) dct.value += ":" + std::string(time.substr(7, 2));
  return dct;
}

}  // namespace annals
