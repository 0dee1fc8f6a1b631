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

// Latin letters over other scripts, then the fullest name.
bool better_name(const Actor& a, const Actor& b) {
  return std::tuple(is_ascii(a.name), words(a.name)) > std::tuple(is_ascii(b.name), words(b.name));
}

void add_alias(Actor& actor, const std::string& name) {
  if (name != actor.name && std::find(actor.aliases.begin(), actor.aliases.end(), name) == actor.aliases.end())
    actor.aliases.push_back(name);
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
  }
  for (size_t m = 0; m < members.size(); ++m) {
    Actor& actor = merged[merged_of[sets.find(m)]];
    add_alias(actor, members[m].actor->name);
    for (const auto& alias : members[m].actor->aliases) add_alias(actor, alias);
  }
  return maps;
}

}  // namespace annals::actor_detail
