// Merges the actors of several documents. Organisations, countries and
// places meet by any shared name (case, script and diacritics folded);
// people by surname and compatible given names, and a surname alone joins
// a full name only when exactly one person carries that surname — two
// Smiths with different given names stay two.
#include <algorithm>
#include <numeric>

#include "actors/tagging.h"

namespace annals::actor_detail {
namespace {

struct Member {
  size_t doc = 0;
  int32_t index = 0;
  const Actor* actor = nullptr;
  PersonName person;
};

struct Sets {
  std::vector<size_t> parent;
  explicit Sets(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), size_t{0}); }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

size_t words(std::string_view name) { return 1 + std::count(name.begin(), name.end(), ' '); }

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return uint8_t(c) < 0x80; });
}

void unite_by_names(const ActorLexicon& lex, const std::vector<Member>& members, Sets& sets) {
  StringMap<size_t> first_of;
  auto add = [&](size_t m, const std::string& name) {
    std::string key = std::string(to_string(members[m].actor->kind)) + "|" + lex.latin_key(name);
    auto [it, added] = first_of.try_emplace(key, m);
    if (!added) sets.unite(it->second, m);
  };
  for (size_t m = 0; m < members.size(); ++m) {
    const Actor& actor = *members[m].actor;
    if (actor.kind == ActorKind::person) continue;
    add(m, actor.name);
    if (actor.kind == ActorKind::other) continue;  // an unknown word's spellings prove little
    for (const auto& alias : actor.aliases) add(m, alias);
  }
}

void unite_persons(const std::vector<Member>& members, Sets& sets) {
  std::vector<size_t> full;  // one member per cluster of full names
  for (size_t m = 0; m < members.size(); ++m) {
    if (members[m].actor->kind != ActorKind::person || members[m].person.given.empty()) continue;
    auto it = std::find_if(full.begin(), full.end(),
                           [&](size_t k) { return same_person(members[k].person, members[m].person); });
    if (it == full.end()) full.push_back(m);
    else sets.unite(*it, m);
  }
  std::vector<size_t> alone;  // clusters of surnames without a full name
  for (size_t m = 0; m < members.size(); ++m) {
    if (members[m].actor->kind != ActorKind::person || !members[m].person.given.empty()) continue;
    std::vector<size_t> matches;
    for (size_t k : full)
      if (same_surname(members[k].person.surname, members[m].person.surname)) matches.push_back(k);
    if (matches.size() == 1) { sets.unite(matches[0], m); continue; }
    if (matches.size() > 1) continue;  // which Smith? leave it alone
    auto it = std::find_if(alone.begin(), alone.end(), [&](size_t k) {
      return same_surname(members[k].person.surname, members[m].person.surname);
    });
    if (it == alone.end()) alone.push_back(m);
    else sets.unite(*it, m);
  }
}

// "Acme Inc" -> "acme": the latin key without the trailing legal form;
// empty if the name has none or is nothing else.
std::string without_legal_form(const ActorLexicon& lex, std::string_view name) {
  size_t end = name.size();
  while (end > 0) {
    size_t space = name.rfind(' ', end - 1);
    size_t start = space == std::string_view::npos ? 0 : space + 1;
    std::string word = fold_case(name.substr(start, end - start));
    while (!word.empty() && word.back() == '.') word.pop_back();
    const WordInfo* info = lex.word(word);
    if (!info || !(info->flags & kLegalForm) || start == 0) break;
    end = start - 1;
  }
  return end == name.size() ? std::string() : lex.latin_key(name.substr(0, end));
}

// "Acme Inc" in one article and "Acme" alone in another: one company, when
// no other organisation has that short form.
void unite_short_forms(const ActorLexicon& lex, const std::vector<Member>& members, Sets& sets) {
  StringMap<size_t> long_form;  // short key -> member, SIZE_MAX when several organisations share it
  for (size_t m = 0; m < members.size(); ++m) {
    const Actor& actor = *members[m].actor;
    if (actor.kind != ActorKind::organization) continue;
    std::string key = without_legal_form(lex, actor.name);
    if (key.empty()) continue;
    auto [it, added] = long_form.try_emplace(key, m);
    if (!added && it->second != SIZE_MAX && sets.find(it->second) != sets.find(m)) it->second = SIZE_MAX;
  }
  if (long_form.empty()) return;
  for (size_t m = 0; m < members.size(); ++m) {
    const Actor& actor = *members[m].actor;
    if (actor.kind == ActorKind::person) continue;
    auto it = long_form.find(lex.latin_key(actor.name));
    if (it != long_form.end() && it->second != SIZE_MAX) sets.unite(it->second, m);
  }
}

// Latin letters over other scripts, then the fullest name.
bool better_name(const Actor& a, const Actor& b) {
  return std::tuple(is_ascii(a.name), words(a.name)) > std::tuple(is_ascii(b.name), words(b.name));
}

void add_alias(Actor& actor, const std::string& name) {
  if (name != actor.name && std::find(actor.aliases.begin(), actor.aliases.end(), name) == actor.aliases.end())
    actor.aliases.push_back(name);
}

// The keys of every run of whole words in a name: "apple inc" -> "apple",
// "inc", "apple inc".
std::vector<std::string> word_runs(const std::string& key) {
  std::vector<size_t> starts{0}, ends;
  for (size_t k = 0; k < key.size(); ++k)
    if (key[k] == ' ') { ends.push_back(k); starts.push_back(k + 1); }
  ends.push_back(key.size());
  std::vector<std::string> runs;
  for (size_t a = 0; a < starts.size(); ++a)
    for (size_t b = a; b < ends.size(); ++b) runs.push_back(key.substr(starts[a], ends[b] - starts[a]));
  return runs;
}

// "Apple" as a short form of "Apple Inc" when "Apple Corps" is another
// actor: a short form that other actors' names share does not identify
// this one, so it is no alias of it.
void drop_ambiguous_short_forms(const ActorLexicon& lex, std::vector<Actor>& merged) {
  constexpr size_t kMaxNameWords = 12;  // longer names are noise, not worth their runs
  StringMap<uint32_t> owners;  // word run -> number of actors whose name has it
  std::vector<std::vector<std::string>> runs(merged.size());
  for (size_t a = 0; a < merged.size(); ++a) {
    std::string key = lex.latin_key(merged[a].name);
    if (size_t(std::count(key.begin(), key.end(), ' ')) >= kMaxNameWords) continue;
    runs[a] = word_runs(key);
    std::sort(runs[a].begin(), runs[a].end());
    runs[a].erase(std::unique(runs[a].begin(), runs[a].end()), runs[a].end());
    for (const auto& run : runs[a]) ++owners[run];
  }
  for (size_t a = 0; a < merged.size(); ++a) {
    auto& aliases = merged[a].aliases;
    std::erase_if(aliases, [&](const std::string& alias) {
      std::string key = lex.latin_key(alias);
      if (!std::binary_search(runs[a].begin(), runs[a].end(), key)) return false;  // not a short form
      auto it = owners.find(key);
      return it != owners.end() && it->second > 1;
    });
  }
}

}  // namespace

std::vector<std::vector<int32_t>> merge_actors(const ActorLexicon& lex,
                                               const std::vector<const ActorTagging*>& documents,
                                               std::vector<Actor>& merged) {
  std::vector<Member> members;
  std::vector<std::vector<int32_t>> maps(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    if (!documents[d]) continue;
    maps[d].assign(documents[d]->actors.size(), -1);
    for (size_t a = 0; a < documents[d]->actors.size(); ++a) {
      const Actor& actor = documents[d]->actors[a];
      PersonName person;
      if (actor.kind == ActorKind::person) person = parse_person(lex, actor.name);
      members.push_back({d, int32_t(a), &actor, std::move(person)});
    }
  }
  Sets sets(members.size());
  unite_by_names(lex, members, sets);
  unite_short_forms(lex, members, sets);
  unite_persons(members, sets);

  merged.clear();
  std::vector<int32_t> merged_of(members.size(), -1);
  std::vector<size_t> best;  // per merged actor: the member naming it
  for (size_t m = 0; m < members.size(); ++m) {
    size_t root = sets.find(m);
    if (merged_of[root] < 0) {
      merged_of[root] = int32_t(merged.size());
      merged.push_back({members[m].actor->name, members[m].actor->kind, {}});
      best.push_back(m);
    }
    int32_t target = merged_of[root];
    maps[members[m].doc][members[m].index] = target;
    if (better_name(*members[m].actor, *members[best[target]].actor)) best[target] = m;
  }
  for (size_t m = 0; m < members.size(); ++m) {
    Actor& actor = merged[merged_of[sets.find(m)]];
    actor.name = members[best[merged_of[sets.find(m)]]].actor->name;
    actor.kind = members[best[merged_of[sets.find(m)]]].actor->kind;
  }
  for (size_t m = 0; m < members.size(); ++m) {
    Actor& actor = merged[merged_of[sets.find(m)]];
    add_alias(actor, members[m].actor->name);
    for (const auto& alias : members[m].actor->aliases) add_alias(actor, alias);
  }
  drop_ambiguous_short_forms(lex, merged);
  return maps;
}

}  // namespace annals::actor_detail
