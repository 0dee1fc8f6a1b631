// Internal: the vocabulary the time rules are written in.
//
// A *slot* is one field of a time expression (year, month, unit, mod...).
// A lexicon *entry* gives a word a *class* (MONTH, UNIT, ...) and fills some
// slots ("june" -> MONTH month=6). Rules are sequences of classes; when a rule
// matches, the entries of its atoms fill a Slots record that the normaliser
// turns into a TIMEX3 value. Slot names and codes are TimeML vocabulary, not
// words of any language; the words live in core/resources/<lang>/time/.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/resources.h"
#include "util/result.h"

namespace annals::detail {

enum class Slot : uint8_t {
  year, month, day, hour, minute, second, weekday, ord, n, unit, part, dpart,
  shift, mod, value, decade, ampm, anchor, quant, tense, half, count_
};
inline constexpr size_t kSlotCount = size_t(Slot::count_);
inline constexpr int32_t kVague = -1;  // n=X: "several days" -> PXD

// Codes of the slots whose values are symbols. The order is the numbering.
enum Unit : int32_t { kYear, kHalf, kQuarter, kMonth, kWeek, kWeekend, kDay,
                      kHour, kMinute, kSecond, kDecade, kCentury };
enum Anchor : int32_t { kAnchorDct, kAnchorRef };
enum Tense : int32_t { kPast, kFuture };
enum AmPm : int32_t { kAm, kPm };

std::optional<Slot> slot_named(std::string_view name);
std::string_view slot_name(Slot slot);
// Parses a slot value as written in a resource ("6", "-1", "X", "SP", "START").
std::optional<int32_t> parse_slot_value(Slot slot, std::string_view text);
// The TimeML code of a symbolic slot value ("SP", "START", "PAST_REF").
std::string_view code_of(Slot slot, int32_t value);

struct Slots {
  std::array<int32_t, kSlotCount> v{};
  uint32_t filled = 0;

  bool has(Slot s) const { return filled & (1u << unsigned(s)); }
  int32_t get(Slot s, int32_t fallback = 0) const { return has(s) ? v[size_t(s)] : fallback; }
  void put(Slot s, int32_t value) {
    v[size_t(s)] = value;
    filled |= 1u << unsigned(s);
  }
  bool empty() const { return filled == 0; }
};

struct Assign {
  Slot slot = Slot::year;
  int32_t value = 0;
};

// Entry flags.
inline constexpr uint8_t kCapitalOnly = 1;  // counts only when capitalised ("May")
inline constexpr uint8_t kWeak = 2;         // alone at a sentence start it is no date
inline constexpr uint8_t kAside = 4;        // alone at a sentence start before a comma: no time ("Now, ...")
inline constexpr uint8_t kTenseCue = 8;     // fills the tense slot (set by add)

struct Entry {
  uint16_t cls = 0;
  uint8_t flags = 0;
  uint8_t count = 0;
  std::array<Assign, 6> assigns{};

  void add(Slot slot, int32_t value) {
    if (count == assigns.size()) return;
    assigns[count++] = Assign{slot, value};
    if (slot == Slot::tense) flags |= kTenseCue;
  }
};

// Classes computed from the shape of digits rather than looked up.
enum BuiltinClass : uint16_t {
  kClassInt,      // 3, 120           -> n
  kClassYear,     // 1989, 2022       -> year
  kClassDayNum,   // 1..31            -> day
  kClassHourNum,  // 0..24            -> hour
  kClassOrdNum,   // 5th, 21st        -> ord
  kClassDecade,   // 1990s            -> decade
  kClassClock,    // 17:58, 13:34:00  -> hour, minute, second
  kClassNumDate,  // 20.07.2022       -> year, month, day
  kClassPunct,    // any punctuation atom (for context elements)
  kClassDigits,   // any atom that starts with a digit: "50,000", "3.5"
  kClassShortDecade,  // 80s (after an apostrophe in "the '80s") -> decade
  kBuiltinClasses
};

struct NumericOrder {
  char separator = '.';
  std::string order;  // "DMY", "MDY", "YMD"
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// Bytes 'A'..'Z' of a little-endian 8-byte word lower-cased, all at once:
// they gain 0x20, others stay.
inline uint64_t lower_ascii(uint64_t bytes) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  uint64_t low7 = bytes & (kOnes * 0x7f);  // no carries between bytes below
  uint64_t at_least_a = low7 + kOnes * (0x80 - 'A');
  uint64_t above_z = low7 + kOnes * (0x7f - 'Z');
  uint64_t upper = at_least_a & ~above_z & ~bytes & (kOnes * 0x80);
  return bytes | (upper >> 2);
}

// Word -> entries, open addressing: looking up every token of a text is
// the tagger's hottest loop, and most words are not there. Words are stored
// case-folded; a look-up matches ASCII letters whatever their case, so that
// ASCII text needs no folding first. A word of up to 8 bytes is its own key
// (its lower-cased bytes as one number): finding it compares numbers only.
class WordTable {
 public:
  std::vector<Entry>& operator[](std::string_view folded_word);
  const std::vector<Entry>* find(std::string_view word) const;
  // A word of `length` <= 8 bytes given as lower_ascii of its bytes.
  // Inline: it runs once per token.
  const std::vector<Entry>* find_short(uint64_t lowered, size_t length) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = home(lowered); slots_[i].value; i = next(i))
      if (slots_[i].key == lowered && slots_[i].length == length) return &values_[slots_[i].value - 1];
    return nullptr;
  }

 private:
  static uint64_t key(std::string_view word);
  size_t home(uint64_t key) const {
    key *= 0x9E3779B97F4A7C15ull;
    return (key ^ (key >> 32)) & (slots_.size() - 1);
  }
  size_t next(size_t slot) const { return (slot + 1) & (slots_.size() - 1); }
  void grow();

  struct Slot {
    uint64_t key = 0;
    uint32_t length = 0;
    uint32_t value = 0;  // index into words_ and values_ + 1; 0 = empty
  };
  std::vector<Slot> slots_;
  std::vector<std::string> words_;
  std::vector<std::vector<Entry>> values_;
  size_t longest_ = 0;
};

class Lexicon {
 public:
  Lexicon();

  // Loads "<lang>/time/lexicon.tsv" and "<lang>/time/numeric.tsv".
  Status load_words(const TsvTable& table);
  Status load_numeric(const TsvTable& table);

  std::optional<uint16_t> class_id(std::string_view name) const;
  // Literal words of rules become classes of their own.
  uint16_t literal_class(std::string_view folded_word);
  const std::string& class_name(uint16_t id) const { return class_names_[id]; }
  size_t class_count() const { return class_names_.size(); }

  // A word's entries; the word is case-folded, or ASCII in any case.
  const std::vector<Entry>* lookup(std::string_view word) const;
  // An ASCII word of `length` <= 8 bytes given as lower_ascii of its bytes.
  const std::vector<Entry>* lookup_short(uint64_t lowered, size_t length) const {
    return words_.find_short(lowered, length);
  }
  const std::vector<std::string>& ordinal_suffixes() const { return ordinal_suffixes_; }
  const std::vector<std::string>& decade_suffixes() const { return decade_suffixes_; }
  const std::vector<NumericOrder>& numeric_orders() const { return numeric_orders_; }
  // Endings dropped when a word is not found as it stands ("year's").
  const std::vector<std::string>& clitics() const { return clitics_; }
  // Whether some clitic ends with this (folded) byte: most words end with
  // none, and need not be compared with each clitic.
  bool clitic_may_end_with(char folded) const { return clitic_ends_[static_cast<unsigned char>(folded)]; }

 private:
  uint16_t intern_class(std::string_view name);

  std::vector<std::string> class_names_;
  StringMap<uint16_t> class_ids_;
  WordTable words_;
  std::vector<std::string> ordinal_suffixes_;
  std::vector<std::string> decade_suffixes_;
  std::vector<NumericOrder> numeric_orders_;
  std::vector<std::string> clitics_;
  std::array<bool, 256> clitic_ends_{};
};

// "slot=value slot=value" as in lexicon and rule files.
Status parse_assignments(std::string_view text, const std::string& where, Entry& entry);

}  // namespace annals::detail
