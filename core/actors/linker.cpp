// Links candidates into the actors of one document: one actor per lexicon
// entry, per organisation name, per person (full name, surname, Cyrillic
// inflected form), with acronyms defined in brackets joined to their long
// form; then resolves pronouns and titles to the nearest compatible actor.
#include <algorithm>
#include <numeric>
#include <optional>
#include <tuple>

#include "actors/tagging.h"
#include "text/segment.h"

namespace annals::actor_detail {
namespace {

constexpr uint32_t kPronounSentences = 2;  // "he" looks this many sentences back
constexpr uint32_t kCataphoraTokens = 3;   // "the press secretary told reporters Dmitry Peskov"
constexpr uint32_t kReferenceSentences = 30;  // "the organization", "the General" look this far back

struct UnionFind {
  std::vector<int32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int32_t find(int32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(int32_t a, int32_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

bool is_reference(const Candidate& c) {
  return c.type == CandidateType::title_ref || c.type == CandidateType::pronoun ||
         c.type == CandidateType::org_ref || c.type == CandidateType::country_ref ||
         c.type == CandidateType::thing_ref;
}

size_t word_count(std::string_view name) { return 1 + std::count(name.begin(), name.end(), ' '); }

struct PersonCluster {
  PersonName name;
  int32_t candidate = -1;   // any member
  size_t words = 0;
  std::vector<uint32_t> positions;  // first tokens of its mentions
};

class Linker {
 public:
  Linker(const ActorLexicon& lex, const Tokens& t, std::vector<Candidate>& cands)
      : lex_(lex), t_(t), cands_(cands), kind_(cands.size(), ActorKind::other), uf_(cands.size()) {}

  ActorTagging run() {
    classify();
    spread_organisations();
    unite_by_key();
    unite_acronyms();
    unite_short_forms();
    unite_persons();
    build_actors();
    emit_mentions();
    return std::move(out_);
  }

 private:
  bool surname_like(std::string_view name) {
    fold_case(name.substr(name.rfind(' ') + 1), scratch_);
    const NameEnding* ending = lex_.name_ending(scratch_);
    if (!ending && is_cyrillic(scratch_)) ending = lex_.name_ending(lex_.nominative(scratch_));
    return ending && !ending->patronymic;
  }

  // latin_key() of a candidate's name, computed once: several steps match by it.
  const std::string& latin(size_t i) {
    if (latin_.empty()) latin_.resize(cands_.size());
    if (!latin_[i]) latin_[i] = lex_.latin_key(cands_[i].name);
    return *latin_[i];
  }

  void classify() {
    for (size_t i = 0; i < cands_.size(); ++i) {
      Candidate& c = cands_[i];
      if (c.type == CandidateType::entity) {
        kind_[i] = lex_.entities[c.entity].kind;
        c.dropped |= lex_.entities[c.entity].ignore;
      } else if (c.type == CandidateType::org_chunk || (c.type == CandidateType::name && c.acronym)) {
        kind_[i] = ActorKind::organization;
      } else if (c.type == CandidateType::name) {
        bool person = t_.has(c.first, kGiven) || !c.title.empty() || surname_like(c.name);
        kind_[i] = person ? ActorKind::person : names_a_title(c) ? ActorKind::organization : ActorKind::other;
      }
    }
  }

  // "Apple CEO Steve Jobs", "Globex Chairman": a name followed by a title
  // is the body that gives the title.
  bool names_a_title(const Candidate& c) const {
    return c.end < t_.seg.sentences[c.sentence].end_token && t_.has(c.end, kTitleHead) && t_.is(c.end, kCap);
  }

  // Once one mention shows a name is an organisation's ("Globex CEO"), its
  // other mentions of unknown kind are that organisation too.
  void spread_organisations() {
    std::vector<std::string_view> organisations;  // sorted
    for (size_t i = 0; i < cands_.size(); ++i)
      if (cands_[i].type == CandidateType::name && kind_[i] == ActorKind::organization)
        organisations.push_back(latin(i));
    if (organisations.empty()) return;
    std::sort(organisations.begin(), organisations.end());
    for (size_t i = 0; i < cands_.size(); ++i)
      if (cands_[i].type == CandidateType::name && kind_[i] == ActorKind::other &&
          std::binary_search(organisations.begin(), organisations.end(), std::string_view(latin(i))))
        kind_[i] = ActorKind::organization;
  }

  // One actor per lexicon entry, per organisation name, per other name of
  // several words. Sorting groups equal keys; uniting each with the one
  // before gives the same actors in any order.
  void unite_by_key() {
    enum Group : uint8_t { entity, organisation, other };
    struct Key {
      Group group;
      int32_t entity;          // for an entity
      std::string_view latin;  // for the others
      int32_t candidate;
      auto what() const { return std::tie(group, entity, latin); }
      bool operator<(const Key& k) const {
        return std::tie(group, entity, latin, candidate) < std::tie(k.group, k.entity, k.latin, k.candidate);
      }
    };
    std::vector<Key> keys;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      const int32_t ci = int32_t(i);
      if (c.dropped || is_reference(c)) continue;
      if (c.type == CandidateType::entity) keys.push_back({entity, c.entity, {}, ci});
      else if (kind_[i] == ActorKind::organization) keys.push_back({organisation, 0, latin(i), ci});
      else if (kind_[i] == ActorKind::other && word_count(c.name) > 1) keys.push_back({other, 0, latin(i), ci});
      // else persons, and single words that may be surnames
    }
    std::sort(keys.begin(), keys.end());
    for (size_t k = 1; k < keys.size(); ++k)
      if (keys[k].what() == keys[k - 1].what()) uf_.unite(keys[k - 1].candidate, keys[k].candidate);
  }

  // "Collective Security Treaty Organization (CSTO)", "CSTO [Collective ...]".
  void unite_acronyms() {
    int32_t previous = -1;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      if (c.dropped || is_reference(c)) continue;
      if (previous >= 0 && in_brackets_after(cands_[previous], c)) {
        const Candidate& a = cands_[previous];
        int32_t shorter = a.acronym ? previous : c.acronym ? int32_t(i) : -1;
        int32_t longer = shorter == previous ? int32_t(i) : previous;
        if (shorter >= 0 && initials_match(cands_[shorter].name, cands_[longer].name) &&
            kind_[longer] != ActorKind::person) {
          uf_.unite(shorter, longer);
          preferred_.push_back(shorter);
          kind_[shorter] = kind_[longer] == ActorKind::other ? ActorKind::organization : kind_[longer];
        }
      }
      previous = int32_t(i);
    }
  }

  // "Acme Inc." and then "Acme": a name that is an organisation's name
  // without its legal form names that organisation, when only one fits.
  void unite_short_forms() {
    StringMap<int32_t> long_form;  // short key -> candidate, -1 when several organisations share it
    for (size_t i = 0; i < cands_.size(); ++i) {
      std::string key = without_legal_form(i);
      if (key.empty()) continue;
      auto [it, added] = long_form.try_emplace(key, int32_t(i));
      if (!added && uf_.find(it->second) != uf_.find(int32_t(i))) it->second = -1;
    }
    if (long_form.empty()) return;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      if (c.dropped || is_reference(c) || c.type != CandidateType::name || t_.has(c.first, kGiven)) continue;
      auto it = long_form.find(latin(i));
      if (it == long_form.end() || it->second < 0) continue;
      uf_.unite(it->second, int32_t(i));
      kind_[i] = ActorKind::organization;
    }
  }

  // The latin key of an organisation's name without its trailing legal
  // form ("Acme Holdings Ltd" -> "acme holdings"); empty if it has none.
  std::string without_legal_form(size_t i) const {
    const Candidate& c = cands_[i];
    if (c.dropped || is_reference(c) || kind_[i] != ActorKind::organization || c.end <= c.first + 1) return {};
    uint32_t end = c.end;
    while (end > c.first && (t_.has(end - 1, kLegalForm) || !t_.is(end - 1, kWord))) --end;
    if (end == c.end || end == c.first) return {};
    Span span{t_.seg.tokens[c.first].span.start, t_.facts[end - 1].core_end};
    return lex_.latin_key(t_.doc.slice(span));
  }

  bool in_brackets_after(const Candidate& a, const Candidate& b) const {
    const size_t n = t_.seg.tokens.size();
    if (b.first != a.end + 1 || b.end >= n) return false;
    std::string_view open = t_.text(a.end), close = t_.text(b.end);
    return (open == "(" && close == ")") || (open == "[" && close == "]");
  }

  bool initials_match(std::string_view acronym, std::string_view name) const {
    std::string initials;
    for (size_t start = 0; start < name.size();) {
      size_t end = std::min(name.find_first_of(" -", start), name.size());
      std::string word = fold_case(name.substr(start, end - start));
      const WordInfo* info = lex_.word(word);
      if (!word.empty() && !(info && (info->flags & (kConnector | kDeterminer)))) initials.push_back(word[0]);
      start = end + 1;
    }
    std::string letters = lex_.latin_key(acronym);
    if (letters.size() < 2 || initials.empty() || letters[0] != initials[0]) return false;
    size_t k = 0;
    for (char c : initials)
      if (k < letters.size() && letters[k] == c) ++k;
    return k == letters.size();
  }

  bool person_candidate(size_t i) const {
    const Candidate& c = cands_[i];
    return !c.dropped && (c.type == CandidateType::name || c.type == CandidateType::entity) &&
           kind_[i] == ActorKind::person;
  }

  void unite_persons() {
    std::vector<PersonCluster> clusters;
    std::vector<PersonName> names(cands_.size());
    // Full names first, so that a surname alone finds its person even when
    // it comes first ("Peskov said..." in a headline).
    for (size_t i = 0; i < cands_.size(); ++i) {
      if (!person_candidate(i)) continue;
      const Candidate& c = cands_[i];
      std::string_view name = c.type == CandidateType::entity ? lex_.entities[c.entity].canonical : c.name;
      names[i] = parse_person(lex_, name);
      if (names[i].given.empty()) continue;
      auto it = std::find_if(clusters.begin(), clusters.end(),
                             [&](const PersonCluster& k) { return same_person(k.name, names[i]); });
      if (it == clusters.end()) it = clusters.insert(clusters.end(), {names[i], int32_t(i), 0, {}});
      uf_.unite(it->candidate, int32_t(i));
      it->positions.push_back(c.first);
      if (word_count(name) > it->words) { it->words = word_count(name); it->name = names[i]; }
    }
    StringMap<int32_t> surname_only;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      if (c.dropped || c.type != CandidateType::name || c.acronym || word_count(c.name) > 1) continue;
      if (names[i].surname.empty()) names[i] = parse_person(lex_, c.name);
      const PersonCluster* best = nearest_cluster(clusters, names[i], c.first);
      if (!best && t_.has(c.first, kGiven)) best = only_given(clusters, c.name);
      if (best) {
        uf_.unite(best->candidate, int32_t(i));
        kind_[i] = ActorKind::person;
      } else if (kind_[i] == ActorKind::person || kind_[i] == ActorKind::other) {
        // Lukashenka after Lukashenko, with no full name to anchor them.
        auto it = std::find_if(surname_only.begin(), surname_only.end(),
                               [&](const auto& k) { return same_surname(k.first, names[i].surname); });
        if (it == surname_only.end()) surname_only.emplace(names[i].surname, int32_t(i));
        else uf_.unite(it->second, int32_t(i));
      }
    }
  }

  // "Steve called podcasting" after "Steve Jobs": a given name alone is
  // the one person of the article with that given name, if only one has it.
  const PersonCluster* only_given(const std::vector<PersonCluster>& clusters, std::string_view word) const {
    PersonName alone;
    alone.given = lex_.latin_key(word);
    alone.given_group = lex_.given_group(alone.given);
    const PersonCluster* found = nullptr;
    for (const auto& k : clusters) {
      if (k.name.given.empty() || !compatible_given(k.name, alone) || k.name.given[0] != alone.given[0]) continue;
      if (found) return nullptr;
      found = &k;
    }
    return found;
  }

  // The cluster with that surname mentioned last before `position`, or
  // else first after it. Positions are in text order.
  static const PersonCluster* nearest_cluster(const std::vector<PersonCluster>& clusters,
                                              const PersonName& name, uint32_t position) {
    const PersonCluster* best = nullptr;
    int64_t best_distance = INT64_MAX;
    for (const auto& k : clusters) {
      if (!same_surname(k.name.surname, name.surname)) continue;
      auto after = std::upper_bound(k.positions.begin(), k.positions.end(), position);
      int64_t distance = after != k.positions.begin() ? int64_t(position - *(after - 1))
                                                      : int64_t(*after - position) + (int64_t(1) << 40);
      if (distance < best_distance) { best_distance = distance; best = &k; }
    }
    return best;
  }

  std::string display_name(const Candidate& c) const {
    if (!is_cyrillic(c.name) || kind_[&c - cands_.data()] != ActorKind::person) return c.name;
    std::string latin;  // "Токаева" -> "Tokayev"
    size_t space = c.name.rfind(' ');
    std::string head = space == std::string::npos ? "" : lex_.latin_key(c.name.substr(0, space)) + " ";
    std::string tail = lex_.nominative(fold_case(c.name.substr(space == std::string::npos ? 0 : space + 1)));
    latin = head + lex_.latin_key(tail);
    for (size_t k = 0; k < latin.size(); ++k)
      if (k == 0 || latin[k - 1] == ' ' || latin[k - 1] == '-') latin[k] = char(std::toupper(latin[k]));
    return latin;
  }

  void build_actors() {
    actor_of_.assign(cands_.size(), -1);
    std::vector<int32_t> root_actor(cands_.size(), -1);
    std::vector<int32_t> chosen;  // per actor: the candidate whose name is canonical
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      if (c.dropped || is_reference(c)) continue;
      int32_t root = uf_.find(int32_t(i));
      if (root_actor[root] < 0) {
        root_actor[root] = int32_t(out_.actors.size());
        out_.actors.emplace_back();
        chosen.push_back(int32_t(i));
        gender_.push_back(Gender::unknown);
      }
      int32_t a = actor_of_[i] = root_actor[root];
      if (better_name(int32_t(i), chosen[a])) chosen[a] = int32_t(i);
      if (gender_[a] == Gender::unknown) gender_[a] = c.gender;
    }
    for (size_t a = 0; a < out_.actors.size(); ++a) {
      const Candidate& c = cands_[chosen[a]];
      Actor& actor = out_.actors[a];
      actor.kind = kind_[chosen[a]];
      actor.name = c.type == CandidateType::entity ? lex_.entities[c.entity].canonical : display_name(c);
    }
    for (size_t i = 0; i < cands_.size(); ++i) {
      if (actor_of_[i] < 0 || cands_[i].demonym) continue;
      Actor& actor = out_.actors[actor_of_[i]];
      const std::string& alias = cands_[i].name;
      if (alias != actor.name && std::find(actor.aliases.begin(), actor.aliases.end(), alias) == actor.aliases.end())
        actor.aliases.push_back(alias);
    }
  }

  // Lexicon names first, then acronyms defined in the text, then persons'
  // longest names in Latin letters.
  bool better_name(int32_t candidate, int32_t current) const {
    auto rank = [&](int32_t i) {
      const Candidate& c = cands_[i];
      bool preferred = std::find(preferred_.begin(), preferred_.end(), i) != preferred_.end();
      return std::tuple(c.type == CandidateType::entity, preferred, kind_[i] == ActorKind::person,
                        !is_cyrillic(c.name), word_count(c.name));
    };
    return rank(candidate) > rank(current);
  }

  void emit_mentions() {
    titles_.assign(out_.actors.size(), {});
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      if (c.dropped) continue;
      int32_t actor = is_reference(c) ? resolve(i) : actor_of_[i];
      if (actor < 0) continue;
      out_.mentions.push_back({c.span, c.sentence, c.first, c.end, actor, c.title, is_reference(c)});
      demonym_.push_back(c.demonym);
      if (is_reference(c)) continue;  // "the deputy" does not make its antecedent a deputy
      auto& words = titles_[actor];
      for (const auto& word : c.title_words)
        if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
    }
  }

  int32_t resolve(size_t i) const {
    const Candidate& c = cands_[i];
    switch (c.type) {
      case CandidateType::pronoun: return resolve_pronoun(c);
      case CandidateType::org_ref: return nearest_of_kind(ActorKind::organization, c.sentence);
      case CandidateType::country_ref: return nearest_of_kind(ActorKind::country, c.sentence);
      case CandidateType::thing_ref: return nearest_of_kind(ActorKind::organization, c.sentence, kPronounSentences);
      case CandidateType::title_ref: return resolve_title(i);
      default: return -1;
    }
  }

  // The nearest sentence with a compatible person, and in it the first
  // such person: the subject rather than an object ("He stood in Steve
  // Jobs' place. He received $59 million": both are the first "He").
  int32_t resolve_pronoun(const Candidate& c) const {
    int32_t found = -1;
    uint32_t found_sentence = 0;
    for (auto m = out_.mentions.rbegin(); m != out_.mentions.rend(); ++m) {
      if (m->sentence + kPronounSentences < c.sentence) break;
      if (found >= 0 && m->sentence != found_sentence) break;
      const Actor& actor = out_.actors[m->actor];
      Gender g = gender_[m->actor];
      if (actor.kind == ActorKind::person && (g == Gender::unknown || c.gender == Gender::unknown || g == c.gender)) {
        found = m->actor;
        found_sentence = m->sentence;
      }
    }
    return found;
  }

  // "the republic" is a country named as such, not "Russian armed forces".
  int32_t nearest_of_kind(ActorKind kind, uint32_t sentence, uint32_t reach = kReferenceSentences) const {
    for (size_t m = out_.mentions.size(); m-- > 0;) {
      if (out_.mentions[m].sentence + reach < sentence) break;
      if (out_.actors[out_.mentions[m].actor].kind == kind && !demonym_[m]) return out_.mentions[m].actor;
    }
    return -1;
  }

  bool has_title(int32_t actor, const std::vector<std::string>& words) const {
    const auto& known = titles_[actor];
    return !words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& w) {
      return std::find(known.begin(), known.end(), w) != known.end();
    });
  }

  // "the Russian Minister": the last person whose title had those words;
  // failing that, a person named later in the same sentence ("the press
  // secretary told reporters Dmitry Peskov").
  int32_t resolve_title(size_t i) const {
    const Candidate& c = cands_[i];
    for (auto m = out_.mentions.rbegin(); m != out_.mentions.rend(); ++m) {
      if (m->sentence + kReferenceSentences < c.sentence) break;
      if (out_.actors[m->actor].kind == ActorKind::person && has_title(m->actor, c.title_words)) return m->actor;
    }
    for (size_t j = i + 1; j < cands_.size() && cands_[j].first <= c.end + kCataphoraTokens; ++j)
      if (!cands_[j].dropped && actor_of_[j] >= 0 && out_.actors[actor_of_[j]].kind == ActorKind::person)
        return actor_of_[j];
    return -1;
  }

  const ActorLexicon& lex_;
  const Tokens& t_;
  std::vector<Candidate>& cands_;
  std::vector<ActorKind> kind_;
  UnionFind uf_;
  std::vector<int32_t> preferred_;  // acronyms defined in the text
  std::vector<int32_t> actor_of_;
  std::vector<Gender> gender_;      // per actor
  std::vector<bool> demonym_;       // per mention
  std::vector<std::vector<std::string>> titles_;  // per actor: words of its titles so far
  std::vector<std::optional<std::string>> latin_;  // per candidate, see latin()
  std::string scratch_;
  ActorTagging out_;
};

}  // namespace

ActorTagging link_candidates(const ActorLexicon& lex, const Tokens& tokens, std::vector<Candidate>& candidates) {
  return Linker(lex, tokens, candidates).run();
}

}  // namespace annals::actor_detail
