// When two written names are one person: the surname must match (exactly,
// or within two edits for surnames of six letters or more, so that
// Lukashenko/Lukashenka and Tokayev/Tokaev meet) and the given names must
// not contradict each other (Dmitry/Dmitriy agree, John/Jane do not).
#include <algorithm>

#include "actors/tagging.h"
#include "text/segment.h"

namespace annals::actor_detail {
namespace {
constexpr size_t kFuzzySurnameMin = 6;
constexpr size_t kFuzzySurnameEdits = 2;
constexpr size_t kFuzzyGivenMin = 5;
constexpr size_t kFuzzyGivenEdits = 1;
}  // namespace

size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  std::vector<size_t> row(a.size() + 1);
  for (size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    size_t diagonal = row[0], best = ++row[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t next = std::min({row[i] + 1, row[i - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = row[i];
      row[i] = next;
      best = std::min(best, next);
    }
    if (best > limit) return limit + 1;
  }
  return row[a.size()];
}

PersonName parse_person(const ActorLexicon& lex, std::string_view name) {
  PersonName person;
  size_t last_space = name.rfind(' ');
  std::string_view surname = last_space == std::string_view::npos ? name : name.substr(last_space + 1);
  // Russian case endings: "Токаева" is Tokayev's genitive.
  if (is_cyrillic(surname)) person.surname = lex.latin_key(lex.nominative(fold_case(surname)));
  else person.surname = lex.latin_key(surname);
  if (last_space != std::string_view::npos) {
    std::string_view given = name.substr(0, name.find(' '));
    person.given = lex.latin_key(given);
    while (!person.given.empty() && person.given.back() == '.') person.given.pop_back();
    person.given_group = lex.given_group(person.given);
  }
  return person;
}

bool same_surname(std::string_view a, std::string_view b) {
  if (a == b) return !a.empty();
  if (a.size() < kFuzzySurnameMin || b.size() < kFuzzySurnameMin || a[0] != b[0]) return false;
  return edit_distance(a, b, kFuzzySurnameEdits) <= kFuzzySurnameEdits;
}

bool compatible_given(const PersonName& a, const PersonName& b) {
  if (a.given.empty() || b.given.empty() || a.given == b.given) return true;
  if (a.given.size() == 1 || b.given.size() == 1) return a.given[0] == b.given[0];  // an initial
  if (a.given_group >= 0 && b.given_group >= 0) return a.given_group == b.given_group;
  return a.given[0] == b.given[0] && a.given.size() >= kFuzzyGivenMin && b.given.size() >= kFuzzyGivenMin &&
         edit_distance(a.given, b.given, kFuzzyGivenEdits) <= kFuzzyGivenEdits;
}

bool same_person(const PersonName& a, const PersonName& b) {
  return same_surname(a.surname, b.surname) && compatible_given(a, b);
}

}  // namespace annals::actor_detail
