#include "corpus/date_completion.h"

#include <optional>
#include <set>
#include <unordered_map>

#include <date/date.h>

#include "corpus/corpus.h"

namespace annals {
namespace {

struct YearEvidence {
  int year = 0;
  std::string basis;
};

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2022-05-16" -> year 2022, "05-16"; anything else -> nullopt.
std::optional<std::pair<int, std::string>> split_full_day(const std::string& value) {
  if (value.size() != 10 || !is_digits(value.substr(0, 4))) return std::nullopt;
  return std::make_pair(std::stoi(value.substr(0, 4)), value.substr(5));
}

bool is_partial(const std::string& value) { return value.rfind("XXXX-", 0) == 0; }

std::string where(const DocumentFindings& a, uint32_t sentence) {
  return a.doc.id + " sentence " + std::to_string(sentence + 1);
}

// lemma|MM-DD -> the year another article gives that event.
std::unordered_map<std::string, YearEvidence> dated_events(const std::vector<DocumentFindings>& docs) {
  std::unordered_map<std::string, YearEvidence> index;
  for (const auto& a : docs)
    for (const auto& e : a.dated) {
      if (e.timex < 0) continue;
      auto day = split_full_day(a.timexes[e.timex].value);
      if (!day) continue;
      index.try_emplace(e.lemma + "|" + day->second,
                        YearEvidence{day->first, "year from " + where(a, e.sentence) + " (same event, " +
                                                     a.timexes[e.timex].value + ")"});
    }
  return index;
}

std::optional<YearEvidence> from_same_event(const DocumentFindings& a,
                                            const std::unordered_map<std::string, YearEvidence>& index) {
  for (const auto& e : a.dated) {
    if (e.timex < 0) continue;
    const std::string& value = a.timexes[e.timex].value;
    if (!is_partial(value) || value.size() != 10) continue;
    auto it = index.find(e.lemma + "|" + value.substr(5));
    if (it != index.end()) return it->second;
  }
  return std::nullopt;
}

// The latest explicit year the article writes ("Union Resolve – 2022").
std::optional<YearEvidence> from_own_text(const DocumentFindings& a) {
  std::optional<YearEvidence> best;
  for (const auto& t : a.timexes) {
    if (t.type != TimexType::date || t.value.size() < 4 || !is_digits(t.value.substr(0, 4)) || t.relative) continue;
    int year = std::stoi(t.value.substr(0, 4));
    if (!best || year > best->year)
      best = YearEvidence{year, "year from " + where(a, t.sentence) + " (\"" + std::string(a.doc.slice(t.span)) + "\")"};
  }
  return best;
}

std::optional<YearEvidence> from_corpus_dates(const std::vector<DocumentFindings>& docs) {
  std::set<int> years;
  std::string example;
  for (const auto& a : docs)
    if (a.doc.dct) {
      years.insert(a.doc.dct->year);
      if (example.empty()) example = a.doc.id;
    }
  if (years.size() != 1) return std::nullopt;
  return YearEvidence{*years.begin(), "year shared by the dated articles of the corpus (" + example + ")"};
}

// Rewrites "XXXX-MM-DD" / "XXXX-MM" with the year; other forms are left.
bool complete(Timex& t, int year) {
  using namespace date;
  const std::string rest = t.value.substr(5);
  if (rest.size() != 2 && rest.size() != 5) return false;
  if (!is_digits(rest.substr(0, 2)) || (rest.size() == 5 && !is_digits(rest.substr(3)))) return false;
  const date::year y{year};
  const date::month m{unsigned(std::stoi(rest.substr(0, 2)))};
  year_month_day first = rest.size() == 5 ? y / m / date::day(unsigned(std::stoi(rest.substr(3)))) : y / m / 1;
  year_month_day last = rest.size() == 5 ? first : year_month_day(y / m / date::last);
  if (!first.ok() || !last.ok()) return false;  // February 29 in a common year stays partial
  t.value = std::to_string(year) + "-" + rest;
  t.bounds = DayRange{sys_days(first).time_since_epoch().count(), sys_days(last).time_since_epoch().count()};
  t.inferred = true;
  return true;
}

}  // namespace

DatingBasis complete_years(std::vector<DocumentFindings>& documents) {
  DatingBasis basis;
  const auto index = dated_events(documents);
  const auto corpus_year = from_corpus_dates(documents);
  for (size_t d = 0; d < documents.size(); ++d) {
    auto& a = documents[d];
    if (a.doc.dct) continue;
    auto evidence = from_same_event(a, index);
    if (!evidence) evidence = from_own_text(a);
    if (!evidence) evidence = corpus_year;
    if (!evidence) continue;
    for (size_t t = 0; t < a.timexes.size(); ++t)
      if (is_partial(a.timexes[t].value) && complete(a.timexes[t], evidence->year))
        basis[{d, t}] = evidence->basis;
  }
  return basis;
}

}  // namespace annals
