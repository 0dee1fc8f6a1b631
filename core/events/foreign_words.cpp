#include "events/foreign_words.h"

#include "text/segment.h"

namespace annals::detail {
namespace {

constexpr const char* kLanguages[] = {"ru"};

Result<ForeignWord> parse_word(const TsvTable& table, const TsvRow& row) {
  auto event_class = parse_event_class(row.fields[2]);
  if (!event_class) return Error{ErrorCode::bad_data, table.where(row), event_class.error().message};
  ForeignWord word{fold_case(row.fields[1]), *event_class};
  const auto& kind = row.fields[3];
  if (kind == "noun") word.noun = true;
  else if (kind == "past") word.form = VerbForm::past;
  else if (kind == "present") word.form = VerbForm::third_person;
  else return Error{ErrorCode::bad_data, table.where(row), "the fourth field must be noun, past or present"};
  return word;
}

}  // namespace

Result<ForeignWords> ForeignWords::load(const Resources& resources) {
  ForeignWords words;
  for (const char* language : kLanguages) {
    const std::string prefix = std::string(language) + "/events/";
    auto table = resources.table(prefix + "words.tsv", 4);
    if (!table) return table.error();
    for (const auto& row : table->rows) {
      auto word = parse_word(*table, row);
      if (!word) return word.error();
      words.words_.emplace(fold_case(row.fields[0]), std::move(*word));
    }
    auto roles = resources.table(prefix + "roles.tsv", 2);
    if (!roles) return roles.error();
    for (const auto& row : roles->rows) words.roles_[fold_case(row.fields[0])] = std::string(row.fields[1]);
  }
  words.filter_.reset(words.words_.size());
  for (const auto& [form, word] : words.words_) words.filter_.add(form);
  return words;
}

}  // namespace annals::detail
