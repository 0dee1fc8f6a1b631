#include "time/lexicon.h"

#include <algorithm>
#include <charconv>

#include "text/segment.h"

namespace annals::detail {
namespace {

constexpr std::array<std::string_view, kSlotCount> kSlotNames = {
    "year", "month", "day", "hour", "minute", "second", "weekday", "ord", "n", "unit",
    "part", "dpart", "shift", "mod", "value", "decade", "ampm", "anchor", "quant", "tense",
    "half"};

// Symbolic slot values, numbered by their position.
const std::vector<std::string_view>* codes(Slot slot) {
  static const std::vector<std::string_view> units = {
      "Y", "HY", "Q", "M", "W", "WE", "D", "TH", "TM", "TS", "DE", "CE"};
  static const std::vector<std::string_view> parts = {"SP", "SU", "FA", "WI"};
  static const std::vector<std::string_view> dparts = {"MO", "MI", "AF", "EV", "NI", "DT"};
  static const std::vector<std::string_view> mods = {
      "START", "MID", "END", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS",
      "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"};
  static const std::vector<std::string_view> refs = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"};
  static const std::vector<std::string_view> ampm = {"am", "pm"};
  static const std::vector<std::string_view> anchors = {"dct", "ref"};
  static const std::vector<std::string_view> quants = {"EVERY"};
  static const std::vector<std::string_view> tenses = {"past", "future"};
  switch (slot) {
    case Slot::unit: return &units;
    case Slot::part: return &parts;
    case Slot::dpart: return &dparts;
    case Slot::mod: return &mods;
    case Slot::value: return &refs;
    case Slot::ampm: return &ampm;
    case Slot::anchor: return &anchors;
    case Slot::quant: return &quants;
    case Slot::tense: return &tenses;
    default: return nullptr;
  }
}

std::optional<int32_t> parse_int(std::string_view text) {
  if (text.starts_with('+')) text.remove_prefix(1);
  int32_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool is_class_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

Error data_error(const std::string& where, std::string message) {
  return Error{ErrorCode::bad_data, where, std::move(message)};
}

}  // namespace

namespace {

// Up to 8 bytes of a word from `at` as one number, ASCII letters lower-cased.
uint64_t lowered_chunk(std::string_view word, size_t at) {
  uint64_t chunk = 0;
  size_t n = std::min<size_t>(8, word.size() - at);
  for (size_t i = 0; i < n; ++i) chunk |= uint64_t(static_cast<unsigned char>(word[at + i])) << (8 * i);
  return lower_ascii(chunk);
}

bool same_lowered(std::string_view word, std::string_view folded) {
  if (word.size() != folded.size()) return false;
  for (size_t at = 0; at < word.size(); at += 8)
    if (lowered_chunk(word, at) != lowered_chunk(folded, at)) return false;
  return true;
}

}  // namespace

uint64_t WordTable::key(std::string_view word) {
  if (word.size() <= 8) return lowered_chunk(word, 0);
  uint64_t h = word.size() * 0x9E3779B97F4A7C15ull;
  for (size_t at = 0; at < word.size(); at += 8) {
    h = (h ^ lowered_chunk(word, at)) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
  }
  return h;
}

void WordTable::grow() {
  slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, Slot{});
  for (uint32_t v = 0; v < words_.size(); ++v) {
    uint64_t k = key(words_[v]);
    size_t i = home(k);
    while (slots_[i].value) i = next(i);
    slots_[i] = Slot{k, uint32_t(words_[v].size()), v + 1};
  }
}

std::vector<Entry>& WordTable::operator[](std::string_view word) {
  if ((values_.size() + 1) * 2 > slots_.size()) grow();
  uint64_t k = key(word);
  size_t i = home(k);
  for (; slots_[i].value; i = next(i))
    if (words_[slots_[i].value - 1] == word) return values_[slots_[i].value - 1];
  words_.emplace_back(word);
  values_.emplace_back();
  slots_[i] = Slot{k, uint32_t(word.size()), uint32_t(values_.size())};
  longest_ = std::max(longest_, word.size());
  return values_.back();
}

const std::vector<Entry>* WordTable::find(std::string_view word) const {
  if (word.size() <= 8) return find_short(lowered_chunk(word, 0), word.size());
  if (word.size() > longest_) return nullptr;
  uint64_t k = key(word);
  for (size_t i = home(k); slots_[i].value; i = next(i)) {
    const Slot& slot = slots_[i];
    if (slot.key == k && slot.length == word.size() && same_lowered(word, words_[slot.value - 1]))
      return &values_[slot.value - 1];
  }
  return nullptr;
}


std::optional<Slot> slot_named(std::string_view name) {
  for (size_t i = 0; i < kSlotNames.size(); ++i)
    if (kSlotNames[i] == name) return Slot(i);
  return std::nullopt;
}

std::string_view slot_name(Slot slot) { return kSlotNames[size_t(slot)]; }

std::optional<int32_t> parse_slot_value(Slot slot, std::string_view text) {
  if (const auto* table = codes(slot)) {
    for (size_t i = 0; i < table->size(); ++i)
      if ((*table)[i] == text) return int32_t(i);
    return std::nullopt;
  }
  if (slot == Slot::n && text == "X") return kVague;
  return parse_int(text);
}

std::string_view code_of(Slot slot, int32_t value) {
  const auto* table = codes(slot);
  if (!table || value < 0 || size_t(value) >= table->size()) return {};
  return (*table)[size_t(value)];
}

Status parse_assignments(std::string_view text, const std::string& where, Entry& entry) {
  while (!text.empty()) {
    size_t space = text.find(' ');
    std::string_view item = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    if (item.empty() || item == "-") continue;
    size_t eq = item.find('=');
    if (eq == std::string_view::npos)
      return data_error(where, "expected slot=value, got '" + std::string(item) + "'");
    auto slot = slot_named(item.substr(0, eq));
    if (!slot) return data_error(where, "unknown slot '" + std::string(item.substr(0, eq)) + "'");
    auto value = parse_slot_value(*slot, item.substr(eq + 1));
    if (!value)
      return data_error(where, "bad value '" + std::string(item.substr(eq + 1)) + "' for slot " +
                                   std::string(slot_name(*slot)));
    if (entry.count == entry.assigns.size()) return data_error(where, "too many slots");
    entry.add(*slot, *value);
  }
  return ok_status();
}

Lexicon::Lexicon() {
  for (const char* name : {"INT", "YEAR", "DAYNUM", "HOURNUM", "ORDNUM", "DECADE", "CLOCK",
                           "NUMDATE", "PUNCT", "DIGITS", "SHORTDECADE"})
    intern_class(name);
}

uint16_t Lexicon::intern_class(std::string_view name) {
  if (auto it = class_ids_.find(name); it != class_ids_.end()) return it->second;
  auto id = uint16_t(class_names_.size());
  class_names_.emplace_back(name);
  class_ids_.emplace(std::string(name), id);
  return id;
}

std::optional<uint16_t> Lexicon::class_id(std::string_view name) const {
  if (auto it = class_ids_.find(name); it != class_ids_.end()) return it->second;
  return std::nullopt;
}

uint16_t Lexicon::literal_class(std::string_view folded_word) {
  std::string name = "'" + std::string(folded_word);
  bool fresh = !class_ids_.contains(name);
  uint16_t id = intern_class(name);
  if (fresh) {
    Entry entry;
    entry.cls = id;
    words_[std::string(folded_word)].push_back(entry);
  }
  return id;
}

const std::vector<Entry>* Lexicon::lookup(std::string_view word) const {
  return words_.find(word);
}


// Row: word, CLASS, slot=value..., [flags: cap, weak]
Status Lexicon::load_words(const TsvTable& table) {
  for (const auto& row : table.rows) {
    const std::string where = table.where(row);
    if (row.fields.size() < 2) return data_error(where, "expected word, CLASS[, slots[, flags]]");
    std::string_view word = row.fields[0];
    if (word.empty()) return data_error(where, "empty word");
    if (fold_case(word) != word) return data_error(where, "word must be written case-folded");
    if (!is_class_name(row.fields[1]))
      return data_error(where, "class names are upper case: '" + std::string(row.fields[1]) + "'");
    Entry entry;
    entry.cls = intern_class(row.fields[1]);
    if (row.fields.size() > 2) {
      auto status = parse_assignments(row.fields[2], where, entry);
      if (!status) return status;
    }
    if (row.fields.size() > 3) {
      for (std::string_view flags = row.fields[3]; !flags.empty();) {
        size_t comma = flags.find(',');
        std::string_view flag = flags.substr(0, comma);
        flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
        if (flag == "cap") entry.flags |= kCapitalOnly;
        else if (flag == "weak") entry.flags |= kWeak;
        else if (flag == "aside") entry.flags |= kAside;
        else if (!flag.empty() && flag != "-")
          return data_error(where, "unknown flag '" + std::string(flag) + "'");
      }
    }
    words_[std::string(word)].push_back(entry);
  }
  return ok_status();
}

// Row: ordinal_suffix <suffix> | decade_suffix <suffix> | clitic <ending> |
//      date_order <sep> <DMY|MDY|YMD>
Status Lexicon::load_numeric(const TsvTable& table) {
  for (const auto& row : table.rows) {
    const std::string where = table.where(row);
    std::string_view kind = row.fields[0];
    if (row.fields.size() < 2) return data_error(where, "expected kind and value");
    if (kind == "ordinal_suffix") {
      ordinal_suffixes_.emplace_back(row.fields[1]);
    } else if (kind == "clitic") {
      clitics_.emplace_back(row.fields[1]);
      if (!clitics_.back().empty()) clitic_ends_[static_cast<unsigned char>(clitics_.back().back())] = true;
    } else if (kind == "decade_suffix") {
      decade_suffixes_.emplace_back(row.fields[1]);
    } else if (kind == "date_order") {
      if (row.fields.size() < 3 || row.fields[1].size() != 1)
        return data_error(where, "expected date_order, one separator character, order");
      std::string order(row.fields[2]);
      std::string sorted = order;
      std::sort(sorted.begin(), sorted.end());
      if (sorted != "DMY") return data_error(where, "order must be a permutation of DMY");
      numeric_orders_.push_back(NumericOrder{row.fields[1][0], order});
    } else {
      return data_error(where, "unknown kind '" + std::string(kind) + "'");
    }
  }
  return ok_status();
}

}  // namespace annals::detail
