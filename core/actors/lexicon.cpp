// Loads the actor lexicon from the resource TSVs. Every file is optional per
// language (ru/ has no titles), but a row that is there must be well formed:
// errors name the file and line.
#include "actors/lexicon.h"

#include <algorithm>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "text/segment.h"

namespace annals::actor_detail {

struct ActorLexicon::Transliterator {
  std::mutex mutex;  // ICU transliterators are not safe for concurrent use
  std::unique_ptr<icu::Transliterator> icu;
};

ActorLexicon::ActorLexicon() : translit_(std::make_unique<Transliterator>()) {
  UErrorCode status = U_ZERO_ERROR;
  translit_->icu.reset(icu::Transliterator::createInstance(
      "Russian-Latin/BGN; Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) translit_->icu.reset();
}
ActorLexicon::~ActorLexicon() = default;

const WordInfo* ActorLexicon::word(std::string_view folded) const { return words.find(folded); }

const PhraseEntry* ActorLexicon::phrase(std::string_view key) const { return phrases.find(key); }

std::string ActorLexicon::uninflect(std::string_view folded) const {
  std::string candidate;
  for (const auto& rule : inflections) {
    // The stem keeps at least three letters (six bytes of Cyrillic).
    if (folded.size() < rule.ending.size() + 6 || !folded.ends_with(rule.ending)) continue;
    candidate.assign(folded.substr(0, folded.size() - rule.ending.size()));
    candidate += rule.replacement;
    if (phrases.contains(candidate) || words.contains(candidate)) return candidate;
  }
  return {};
}

std::string ActorLexicon::nominative(std::string_view folded) const {
  for (const auto& rule : inflections) {
    if (folded.size() < rule.ending.size() + 6 || !folded.ends_with(rule.ending)) continue;
    return std::string(folded.substr(0, folded.size() - rule.ending.size())) + rule.replacement;
  }
  return std::string(folded);
}

const NameEnding* ActorLexicon::name_ending(std::string_view folded) const {
  if (folded.empty()) return nullptr;
  for (const auto& ending : name_endings) {
    if (!ending.ending.empty() && ending.ending.back() != folded.back()) continue;  // most endings: one test
    if (folded.size() >= ending.ending.size() + 3 && folded.ends_with(ending.ending)) return &ending;
  }
  return nullptr;
}

namespace {

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return uint8_t(c) < 0x80; });
}

// Lower-case ASCII letters, digits and '-' of a text, words separated by
// single spaces.
std::string ascii_key(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (keep) key.push_back(c);
    else if ((c == ' ' || c == '\t') && !key.empty() && key.back() != ' ') key.push_back(' ');
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

}  // namespace

std::string ActorLexicon::latin_key(std::string_view text) const {
  if (is_ascii(text)) return ascii_key(text);  // most names: no folding, no copy
  std::string folded = fold_case(text);
  if (!is_ascii(folded) && translit_->icu) {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(folded);
    {
      std::lock_guard lock(translit_->mutex);
      translit_->icu->transliterate(unicode);
    }
    folded.clear();
    unicode.toLower().toUTF8String(folded);
  }
  return ascii_key(folded);
}

int32_t ActorLexicon::given_group(std::string_view latin) const {
  auto it = given_groups.find(latin);
  return it == given_groups.end() ? -1 : it->second;
}

std::string phrase_key(std::string_view name) {
  std::string key, word;
  size_t start = 0;
  while (start < name.size()) {
    size_t space = name.find(' ', start);
    if (space == std::string_view::npos) space = name.size();
    auto part = name.substr(start, space - start);
    start = space + 1;
    if (part.empty()) continue;
    fold_case(part.substr(0, without_possessive(part)), word);
    if (!key.empty()) key.push_back(' ');
    key += word;
  }
  return key;
}

bool has_lowercase(std::string_view text) {
  for (int32_t i = 0; i < int32_t(text.size());) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, int32_t(text.size()), c);
    if (c >= 0 && u_islower(c)) return true;
  }
  return false;
}

bool is_cyrillic(std::string_view text) {
  // UTF-8 lead bytes 0xD0 and 0xD1 cover U+0400..U+047F.
  return !text.empty() && (uint8_t(text[0]) == 0xD0 || uint8_t(text[0]) == 0xD1);
}

namespace {

using Table = Result<TsvTable>;

Error row_error(const TsvTable& table, const TsvRow& row, std::string message) {
  return Error{ErrorCode::bad_data, table.where(row), std::move(message)};
}

std::optional<ActorKind> parse_kind(std::string_view text) {
  static constexpr std::pair<std::string_view, ActorKind> kKinds[] = {
      {"person", ActorKind::person},     {"organization", ActorKind::organization},
      {"organisation", ActorKind::organization}, {"country", ActorKind::country},
      {"location", ActorKind::location}, {"group", ActorKind::group},
      {"other", ActorKind::other}};
  for (auto [name, kind] : kKinds)
    if (text == name) return kind;
  return std::nullopt;
}

std::optional<Gender> parse_gender(std::string_view text) {
  if (text == "m") return Gender::male;
  if (text == "f") return Gender::female;
  if (text == "-") return Gender::unknown;
  return std::nullopt;
}

class Loader {
 public:
  Loader(const Resources& resources, ActorLexicon& lexicon) : resources_(resources), lex_(lexicon) {}

  Status load_all(const std::vector<AliasEntry>& aliases) {
    for (std::string_view lang : {"en", "ru"}) {
      std::string dir = std::string(lang) + "/actors/";
      for (auto step : {&Loader::word_roles, &Loader::given_names, &Loader::name_endings,
                        &Loader::references, &Loader::inflections, &Loader::entities}) {
        auto status = (this->*step)(dir);
        if (!status) return status;
      }
    }
    for (const auto& alias : aliases) {
      int32_t entity = alias.ignore ? new_entity("-", alias.kind, true)
                                    : entity_for(alias.canonical, alias.kind);
      add_phrase(alias.name, entity, false, /*replace=*/true);
      if (!alias.ignore) add_phrase(alias.canonical, entity, false, true);
    }
    lex_.words = FrozenMap<WordInfo>(words_);
    lex_.phrases = FrozenMap<PhraseEntry>(phrases_);
    sort_longest_first(lex_.inflections);
    sort_longest_first(lex_.name_endings);
    return ok_status();
  }

 private:
  template <typename T>
  static void sort_longest_first(std::vector<T>& rules) {
    std::stable_sort(rules.begin(), rules.end(),
                     [](const T& a, const T& b) { return a.ending.size() > b.ending.size(); });
  }

  // Returns the table, or an empty one when the language lacks that file.
  Table open(const std::string& name, size_t min_fields) {
    if (!resources_.has(name)) return TsvTable{};
    return resources_.table(name, min_fields);
  }

  Status word_roles(const std::string& dir) {
    static constexpr std::pair<std::string_view, uint32_t> kRoles[] = {
        {"stop", kStop}, {"calendar", kCalendar}, {"connector", kConnector},
        {"determiner", kDeterminer}, {"copula", kCopula}};
    static constexpr std::pair<std::string_view, uint32_t> kTitleRoles[] = {
        {"head", kTitleHead}, {"modifier", kTitleModifier}};
    static constexpr std::pair<std::string_view, uint32_t> kOrgRoles[] = {
        {"head", kOrgHead}, {"part", kOrgPart}, {"legal", kOrgHead | kLegalForm}};
    auto stop = roles(dir + "stop_words.tsv", kRoles);
    if (!stop) return stop;
    auto titles = roles(dir + "titles.tsv", kTitleRoles);
    if (!titles) return titles;
    return roles(dir + "org_words.tsv", kOrgRoles);
  }

  template <size_t N>
  Status roles(const std::string& name, const std::pair<std::string_view, uint32_t> (&known)[N]) {
    auto table = open(name, 2);
    if (!table) return table.error();
    for (const auto& row : table->rows) {
      uint32_t flag = 0;
      for (auto [role, value] : known)
        if (row.fields[1] == role) flag = value;
      if (!flag) return row_error(*table, row, "unknown role \"" + std::string(row.fields[1]) + "\"");
      words_[fold_case(row.fields[0])].flags |= flag;
    }
    return ok_status();
  }

  Status given_names(const std::string& dir) {
    auto table = open(dir + "given_names.tsv", 2);
    if (!table) return table.error();
    for (const auto& row : table->rows) {
      auto gender = parse_gender(row.fields[1]);
      if (!gender) return row_error(*table, row, "gender must be m, f or -");
      int32_t group = -1;  // a Cyrillic row joins the group of its transliteration
      for (size_t f = 0; f < row.fields.size() && group < 0; f = f == 0 ? 2 : f + 1)
        group = lex_.given_group(lex_.latin_key(row.fields[f]));
      if (group < 0) group = next_group_++;
      for (size_t f = 0; f < row.fields.size(); f = f == 0 ? 2 : f + 1) {
        if (row.fields[f].empty()) continue;
        WordInfo& info = words_[fold_case(row.fields[f])];
        info.flags |= kGiven;
        if (info.given_group < 0) { info.given_group = group; info.gender = *gender; }
        lex_.given_groups.emplace(lex_.latin_key(row.fields[f]), group);
      }
    }
    return ok_status();
  }

  Status name_endings(const std::string& dir) {
    auto table = open(dir + "name_endings.tsv", 3);
    if (!table) return table.error();
    for (const auto& row : table->rows) {
      auto gender = parse_gender(row.fields[2]);
      bool patronymic = row.fields[1] == "patronymic";
      if (!gender || (!patronymic && row.fields[1] != "surname"))
        return row_error(*table, row, "expected ENDING, surname|patronymic, m|f|-");
      lex_.name_endings.push_back({fold_case(row.fields[0]), patronymic, *gender});
    }
    return ok_status();
  }

  Status references(const std::string& dir) {
    auto table = open(dir + "references.tsv", 3);
    if (!table) return table.error();
    for (const auto& row : table->rows) {
      auto gender = parse_gender(row.fields[2]);
      uint32_t flag = row.fields[1] == "person" ? uint32_t(kRefPerson)
                    : row.fields[1] == "organization" ? uint32_t(kRefOrg)
                    : row.fields[1] == "country" ? uint32_t(kRefCountry)
                    : row.fields[1] == "thing" ? uint32_t(kRefThing) : 0u;
      if (!gender || !flag) return row_error(*table, row, "expected WORD, person|organization|country|thing, m|f|-");
      WordInfo& info = words_[fold_case(row.fields[0])];
      info.flags |= flag;
      info.gender = *gender;
    }
    return ok_status();
  }

  Status inflections(const std::string& dir) {
    auto table = open(dir + "inflections.tsv", 2);
    if (!table) return table.error();
    for (const auto& row : table->rows) {
      std::string replacement = row.fields[1] == "-" ? "" : fold_case(row.fields[1]);
      lex_.inflections.push_back({fold_case(row.fields[0]), replacement});
    }
    return ok_status();
  }

  Status entities(const std::string& dir) {
    // countries.tsv: CODE, CANONICAL, NAME.
    auto countries = open(dir + "countries.tsv", 3);
    if (!countries) return countries.error();
    for (const auto& row : countries->rows)
      add_phrase(row.fields[2], entity_for(row.fields[1], ActorKind::country), false);
    // country_aliases.tsv and demonyms.tsv: NAME, CANONICAL COUNTRY.
    for (auto [file, demonym] : {std::pair{"country_aliases.tsv", false}, {"demonyms.tsv", true}}) {
      auto table = open(dir + file, 2);
      if (!table) return table.error();
      for (const auto& row : table->rows)
        add_phrase(row.fields[0], entity_for(row.fields[1], ActorKind::country), demonym);
    }
    // organizations.tsv, places.tsv, persons.tsv: CANONICAL, KIND, NAME...
    for (auto file : {"organizations.tsv", "places.tsv", "persons.tsv"}) {
      auto table = open(dir + file, 2);
      if (!table) return table.error();
      for (const auto& row : table->rows) {
        auto kind = parse_kind(row.fields[1]);
        if (!kind) return row_error(*table, row, "unknown kind \"" + std::string(row.fields[1]) + "\"");
        int32_t entity = entity_for(row.fields[0], *kind);
        add_phrase(row.fields[0], entity, false);
        for (size_t f = 2; f < row.fields.size(); ++f) add_phrase(row.fields[f], entity, false);
      }
    }
    return ok_status();
  }

  int32_t new_entity(std::string_view canonical, ActorKind kind, bool ignore) {
    lex_.entities.push_back({std::string(canonical), kind, ignore});
    return int32_t(lex_.entities.size() - 1);
  }

  int32_t entity_for(std::string_view canonical, ActorKind kind) {
    std::string key = std::string(to_string(kind)) + "|" + std::string(canonical);
    auto [it, added] = entity_ids_.try_emplace(key, 0);
    if (added) it->second = new_entity(canonical, kind, false);
    return it->second;
  }

  void add_phrase(std::string_view name, int32_t entity, bool demonym, bool replace = false) {
    if (name.starts_with("the ")) name.remove_prefix(4);  // "the Kremlin": "the" is not matched
    std::string key = phrase_key(name);
    if (key.empty()) return;
    size_t words = 1 + std::count(key.begin(), key.end(), ' ');
    if (words > ActorLexicon::kMaxPhraseWords) return;
    bool caps_only = !has_lowercase(name) && name.size() >= 2;
    PhraseEntry entry{entity, caps_only, demonym};
    auto [it, added] = phrases_.try_emplace(key, entry);
    if (!added && replace) it->second = entry;
    WordInfo& first = words_[key.substr(0, key.find(' '))];
    first.flags |= kPhraseStart;
    first.max_phrase = std::max<uint8_t>(first.max_phrase, uint8_t(words));
  }

  const Resources& resources_;
  ActorLexicon& lex_;
  StringMap<WordInfo> words_;  // frozen into the lexicon once all files are read
  StringMap<PhraseEntry> phrases_;
  StringMap<int32_t> entity_ids_;
  int32_t next_group_ = 0;
};

}  // namespace

Result<std::unique_ptr<ActorLexicon>> load_actor_lexicon(const Resources& resources,
                                                         const std::vector<AliasEntry>& aliases) {
  auto lexicon = std::make_unique<ActorLexicon>();
  Loader loader(resources, *lexicon);
  auto status = loader.load_all(aliases);
  if (!status) return status.error();
  return lexicon;
}

}  // namespace annals::actor_detail
