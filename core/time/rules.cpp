#include "time/rules.h"

#include <algorithm>
#include <bit>

namespace annals::detail {
namespace {

Error data_error(const std::string& where, std::string message) {
  return Error{ErrorCode::bad_data, where, std::move(message)};
}

std::optional<TimexType> type_named(std::string_view name) {
  if (name == "DATE") return TimexType::date;
  if (name == "TIME") return TimexType::time;
  if (name == "DURATION") return TimexType::duration;
  if (name == "SET") return TimexType::set;
  return std::nullopt;
}

std::optional<Op> op_named(std::string_view name) {
  if (name == "date") return Op::date;
  if (name == "rel") return Op::rel;
  if (name == "dur") return Op::dur;
  if (name == "set") return Op::set;
  if (name == "ref") return Op::ref;
  if (name == "skip") return Op::skip;
  return std::nullopt;
}

bool looks_like_class(std::string_view text) {
  if (text.empty() || !(text[0] >= 'A' && text[0] <= 'Z')) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Result<Element> parse_element(std::string_view text, const std::string& where, Lexicon& lexicon) {
  Element element;
  if (text.size() > 1 && text.front() == '^') {
    element.context = true;
    text.remove_prefix(1);
  } else if (text.size() > 1 && text.front() == '!') {
    element.negated = true;
    text.remove_prefix(1);
  }
  if (text.size() > 1 && text.front() == '>') {
    element.range_end = true;
    text.remove_prefix(1);
  }
  if (text.size() > 1 && text.back() == '?') {
    element.optional = true;
    text.remove_suffix(1);
  }
  while (!text.empty()) {
    // A lone "|" is a literal; otherwise '|' separates alternatives.
    size_t bar = text.size() > 1 ? text.find('|', 1) : std::string_view::npos;
    std::string_view alt = text.substr(0, bar);
    text = bar == std::string_view::npos ? std::string_view() : text.substr(bar + 1);
    if (alt.empty()) return data_error(where, "empty alternative in pattern");
    if (looks_like_class(alt)) {
      auto id = lexicon.class_id(alt);
      if (!id) return data_error(where, "unknown class '" + std::string(alt) + "'");
      element.alternatives.push_back(*id);
    } else {
      if (fold_case(alt) != alt)
        return data_error(where, "literal '" + std::string(alt) + "' must be case-folded");
      element.alternatives.push_back(lexicon.literal_class(alt));
    }
  }
  element.literal = std::all_of(element.alternatives.begin(), element.alternatives.end(),
                                [&](uint16_t id) { return lexicon.class_name(id)[0] == '\''; });
  return element;
}

bool atom_has(const AtomBuffer& buffer, const Atom& atom, const Element& element) {
  for (uint32_t i = 0; i < atom.entry_count; ++i) {
    uint16_t cls = buffer.entries[atom.first_entry + i].cls;
    for (uint16_t alt : element.alternatives)
      if (alt == cls) return true;
  }
  return false;
}

// Finds the longest match of one rule at one position. The search branches
// only at optional elements, so its cost is bounded by the pattern alone.
class RuleMatcher {
 public:
  RuleMatcher(const Rule& rule, const AtomBuffer& buffer, uint32_t base)
      : rule_(rule), buffer_(buffer), base_(base) {}

  bool run(Match& best) {
    current_.fill(-1);
    step(0, base_);
    if (best_end_ == 0) return false;
    best.first_atom = base_;
    best.end_atom = best_end_;
    best.atom_of = best_atoms_;
    return true;
  }

 private:
  void step(size_t element, uint32_t atom) {
    if (element == rule_.elements.size()) {
      if (atom > base_ && buffer_.atoms[atom - 1].token_end && atom > best_end_) {
        best_end_ = atom;
        best_atoms_ = current_;
      }
      return;
    }
    const Element& e = rule_.elements[element];
    if (e.negated) {
      if (atom >= buffer_.atoms.size() || !atom_has(buffer_, buffer_.atoms[atom], e))
        step(element + 1, atom);
      return;
    }
    if (atom < buffer_.atoms.size() && atom_has(buffer_, buffer_.atoms[atom], e)) {
      current_[element] = int16_t(atom - base_);
      step(element + 1, atom + 1);
      current_[element] = -1;
    }
    if (e.optional) step(element + 1, atom);
  }

  const Rule& rule_;
  const AtomBuffer& buffer_;
  uint32_t base_;
  uint32_t best_end_ = 0;
  std::array<int16_t, kMaxElements> current_{};
  std::array<int16_t, kMaxElements> best_atoms_{};
};

// Adds the slots of an entry, joining number words written in two parts
// ("twenty" "five", "двадцать" "пять") into one number.
void apply(const Entry& entry, Slots& slots, bool& number_open) {
  bool sets_number = false;
  for (uint8_t i = 0; i < entry.count; ++i) {
    const Assign& a = entry.assigns[i];
    if (a.slot == Slot::n && number_open && slots.get(Slot::n) >= 20 &&
        slots.get(Slot::n) % 10 == 0 && a.value > 0 && a.value < 10) {
      slots.put(Slot::n, slots.get(Slot::n) + a.value);
    } else {
      slots.put(a.slot, a.value);
    }
    sets_number |= a.slot == Slot::n;
  }
  number_open = sets_number;
}

// Counts literal elements for ranking and finds the span without context
// elements; the span must neither start nor end on punctuation.
void set_span(const Rule& rule, const AtomBuffer& buffer, Match& match) {
  match.literals = 0;
  match.span_first = match.first_atom;
  match.span_end = match.end_atom;
  for (size_t e = 0; e < rule.elements.size(); ++e) {
    if (match.atom_of[e] < 0) continue;
    match.literals += rule.elements[e].literal;
    if (!rule.elements[e].context) continue;
    uint32_t atom = match.first_atom + uint32_t(match.atom_of[e]);
    if (atom == match.span_first) ++match.span_first;
    else match.span_end = atom;
  }
  while (match.span_first < match.span_end && buffer.atoms[match.span_first].punct) ++match.span_first;
  while (match.span_end > match.span_first && buffer.atoms[match.span_end - 1].punct) --match.span_end;
}

}  // namespace

Status RuleSet::load(const TsvTable& table, Lexicon& lexicon) {
  for (const auto& row : table.rows) {
    Rule rule;
    rule.where = table.where(row);
    if (row.fields.size() < 3) return data_error(rule.where, "expected pattern, TYPE, operation");
    std::string_view pattern = row.fields[0];
    size_t optional_count = 0;
    while (!pattern.empty()) {
      size_t space = pattern.find(' ');
      std::string_view item = pattern.substr(0, space);
      pattern = space == std::string_view::npos ? std::string_view() : pattern.substr(space + 1);
      if (item.empty()) continue;
      auto element = parse_element(item, rule.where, lexicon);
      if (!element) return element.error();
      optional_count += element->optional;
      rule.elements.push_back(std::move(*element));
    }
    if (rule.elements.empty() || rule.elements.size() > kMaxElements)
      return data_error(rule.where, "a pattern has 1 to 16 elements");
    if (optional_count == rule.elements.size())
      return data_error(rule.where, "a pattern needs at least one required element");
    for (size_t e = 1; e + 1 < rule.elements.size(); ++e)
      if (rule.elements[e].context || rule.elements[e].negated)
        return data_error(rule.where, "a context element (^ or !) must be first or last");
    if (rule.elements.front().negated)
      return data_error(rule.where, "a negated element (!) must be last");
    auto type = type_named(row.fields[1]);
    if (!type) return data_error(rule.where, "unknown type '" + std::string(row.fields[1]) + "'");
    rule.type = *type;
    std::string_view action = row.fields[2];
    size_t space = action.find(' ');
    auto op = op_named(action.substr(0, space));
    if (!op)
      return data_error(rule.where, "unknown operation '" + std::string(action.substr(0, space)) + "'");
    rule.op = *op;
    Entry fixed;
    if (space != std::string_view::npos) {
      auto status = parse_assignments(action.substr(space + 1), rule.where, fixed);
      if (!status) return status;
    }
    for (uint8_t i = 0; i < fixed.count; ++i) rule.fixed.put(fixed.assigns[i].slot, fixed.assigns[i].value);
    rules_.push_back(std::move(rule));
  }
  return ok_status();
}

// How often an element is likely to be present in a sentence: literal words
// and digit or punctuation shapes are common, lexicon classes are rare; of
// literal words the short ones are the commonest ("the", "of").
int commonness(const Element& e, const Lexicon& lexicon) {
  constexpr int kShortWord = 6;
  int score = int(e.alternatives.size());
  for (uint16_t cls : e.alternatives) {
    const std::string& name = lexicon.class_name(cls);
    if (cls < kBuiltinClasses) score += 10;
    else if (name[0] == '\'') score += 10 + std::max(0, kShortWord - int(name.size() - 1));
  }
  return score;
}

void RuleSet::finish(const Lexicon& lexicon) {
  for (Rule& rule : rules_) {
    rule.check_order.clear();
    for (size_t e = 0; e < rule.elements.size(); ++e)
      if (!rule.elements[e].optional && !rule.elements[e].negated)
        rule.check_order.push_back(uint8_t(e));
    std::stable_sort(rule.check_order.begin(), rule.check_order.end(), [&](uint8_t a, uint8_t b) {
      return commonness(rule.elements[a], lexicon) < commonness(rule.elements[b], lexicon);
    });
  }
  key_classes_.assign(lexicon.class_count() / 64 + 1, 0);
  by_key_class_.assign(lexicon.class_count(), {});
  first_classes_.assign(rules_.size(), {});
  for (uint32_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    for (uint16_t cls : rule.elements[rule.check_order.front()].alternatives) {
      key_classes_[cls / 64] |= uint64_t(1) << (cls % 64);
      if (by_key_class_[cls].empty() || by_key_class_[cls].back() != r) by_key_class_[cls].push_back(r);
    }
    requirements_at_.push_back(uint32_t(requirements_.size()));
    requirements_.push_back(uint16_t(rule.check_order.size() - 1));
    for (uint8_t index : std::span(rule.check_order).subspan(1)) {
      const auto& alternatives = rule.elements[index].alternatives;
      requirements_.push_back(uint16_t(alternatives.size()));
      requirements_.insert(requirements_.end(), alternatives.begin(), alternatives.end());
    }
    auto& firsts = first_classes_[r];
    for (const Element& e : rule.elements) {
      firsts.insert(firsts.end(), e.alternatives.begin(), e.alternatives.end());
      if (!e.optional) break;
    }
    std::sort(firsts.begin(), firsts.end());
    firsts.erase(std::unique(firsts.begin(), firsts.end()), firsts.end());
  }
}

bool RuleSet::others_present(const AtomBuffer& buffer, uint32_t rule) const {
  const uint16_t* at = requirements_.data() + requirements_at_[rule];
  for (uint16_t elements = *at++; elements > 0; --elements) {
    uint16_t alternatives = *at++;
    if (std::none_of(at, at + alternatives, [&](uint16_t cls) { return buffer.has_class(cls); }))
      return false;
    at += alternatives;
  }
  return true;
}

bool RuleSet::select_rules(AtomBuffer& buffer) const {
  buffer.starts.clear();
  buffer.starting.assign(buffer.present.size(), 0);
  buffer.rule_seen.resize(rules_.size(), 0);
  for (size_t word = 0; word < key_classes_.size() && word < buffer.present.size(); ++word) {
    for (uint64_t bits = key_classes_[word] & buffer.present[word]; bits; bits &= bits - 1) {
      size_t cls = word * 64 + size_t(std::countr_zero(bits));
      for (uint32_t r : by_key_class_[cls]) {
        if (buffer.rule_seen[r] == buffer.sentence) continue;
        buffer.rule_seen[r] = buffer.sentence;
        if (!others_present(buffer, r)) continue;
        for (uint16_t first : first_classes_[r]) {
          buffer.starts.emplace_back(first, r);
          buffer.starting[first / 64] |= uint64_t(1) << (first % 64);
        }
      }
    }
  }
  std::sort(buffer.starts.begin(), buffer.starts.end());
  return !buffer.starts.empty();
}

void RuleSet::matches_at(const AtomBuffer& buffer, uint32_t at, std::vector<Match>& out) const {
  out.clear();
  const Atom& atom = buffer.atoms[at];
  if (!atom.token_start) return;
  for (uint32_t i = 0; i < atom.entry_count; ++i) {
    uint16_t cls = buffer.entries[atom.first_entry + i].cls;
    if (!buffer.starts_rule(cls)) continue;
    // A sentence's starts are few: a walk finds the class sooner than a search.
    auto it = buffer.starts.begin();
    while (it->first < cls) ++it;
    for (; it != buffer.starts.end() && it->first == cls; ++it) {
      uint32_t r = it->second;
      bool seen = std::any_of(out.begin(), out.end(), [r](const Match& m) { return m.rule == r; });
      if (seen) continue;
      Match match;
      match.rule = r;
      if (RuleMatcher(rules_[r], buffer, at).run(match)) out.push_back(match);
    }
  }
  // Longest first; at equal length a date before a duration ("2021 году"),
  // then the rule with more literal words ("the next day" over "the NEXT
  // UNIT"), then file order. Insertion sort: there are only a few.
  for (auto& m : out) set_span(rules_[m.rule], buffer, m);
  std::erase_if(out, [](const Match& m) { return m.span_first >= m.span_end; });
  auto before = [this](const Match& a, const Match& b) {
    if (a.end_atom != b.end_atom) return a.end_atom > b.end_atom;
    bool a_date = rules_[a.rule].type <= TimexType::time, b_date = rules_[b.rule].type <= TimexType::time;
    if (a_date != b_date) return a_date;
    if (a.literals != b.literals) return a.literals > b.literals;
    return a.rule < b.rule;
  };
  for (size_t i = 1; i < out.size(); ++i)
    for (size_t j = i; j > 0 && before(out[j], out[j - 1]); --j) std::swap(out[j], out[j - 1]);
}

void RuleSet::fill_slots(const AtomBuffer& buffer, const Match& match, Slots& start, Slots& end,
                         bool& weak_alone) const {
  const Rule& rule = rules_[match.rule];
  start = Slots{};
  end = Slots{};
  weak_alone = false;
  bool number_open = false;
  for (size_t e = 0; e < rule.elements.size(); ++e) {
    if (match.atom_of[e] < 0) continue;
    const Element& element = rule.elements[e];
    const Atom& atom = buffer.atoms[match.first_atom + uint32_t(match.atom_of[e])];
    for (uint32_t i = 0; i < atom.entry_count; ++i) {
      const Entry& entry = buffer.entries[atom.first_entry + i];
      if (std::find(element.alternatives.begin(), element.alternatives.end(), entry.cls) ==
          element.alternatives.end())
        continue;
      apply(entry, element.range_end ? end : start, number_open);
      bool alone = atom.sentence_start && match.end_atom - match.first_atom == 1;
      if ((entry.flags & kWeak) && alone) weak_alone = true;
      if ((entry.flags & kAside) && alone && match.end_atom < buffer.atoms.size()) {
        if (buffer.atoms[match.end_atom].comma) weak_alone = true;  // "Now, he says, ..."
      }
      break;
    }
  }
  for (size_t s = 0; s < kSlotCount; ++s)
    if (rule.fixed.has(Slot(s))) start.put(Slot(s), rule.fixed.get(Slot(s)));
}

}  // namespace annals::detail
