// Stage 4 — actors: the people, organisations, countries and places an
// article names, each mention linked to one actor of the document, with
// spellings merged; and the merge of actors across documents.
//
//   auto tagger = annals::ActorTagger::create(resources);
//   annals::ActorTagging actors = tagger->tag(doc, segmentation, timexes);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "text/document.h"
#include "text/segment.h"
#include "time/timex.h"
#include "util/result.h"

namespace annals {

enum class ActorKind : uint8_t { person, organization, country, location, group, other };
const char* to_string(ActorKind kind);

struct Actor {
  std::string name;                  // canonical: "Kassym-Jomart Tokayev", "CSTO"
  ActorKind kind = ActorKind::other;
  std::vector<std::string> aliases;  // other spellings seen: "Tokayev", "Collective Security Treaty Organization"
};

struct ActorMention {
  Span span;                // the name as written, title excluded
  uint32_t sentence = 0;    // index into Segmentation::sentences
  uint32_t first_token = 0, end_token = 0;
  int32_t actor = -1;       // index into ActorTagging::actors
  std::string title;        // "President of Kazakhstan", "Colonel-General" — a role, not the name
  bool pronoun = false;     // "he", "the organization": resolved to an antecedent
};

struct ActorTagging {
  std::vector<Actor> actors;
  std::vector<ActorMention> mentions;  // in text order
};

// User aliases (--aliases FILE, TSV: name <TAB> canonical name <TAB> kind;
// canonical "-" means ignore that name).
struct AliasEntry {
  std::string name, canonical;
  ActorKind kind = ActorKind::other;
  bool ignore = false;
};
Result<std::vector<AliasEntry>> read_alias_file(const std::string& path);

class ActorTagger {
 public:
  static Result<ActorTagger> create(const Resources& resources,
                                    std::vector<AliasEntry> user_aliases = {});
  ActorTagger(ActorTagger&&) noexcept;
  ActorTagger& operator=(ActorTagger&&) noexcept;
  ~ActorTagger();

  // Time expressions are passed so that "May", "January" are not names.
  ActorTagging tag(const Document& doc, const Segmentation& seg,
                   const std::vector<Timex>& timexes) const;

  // Merges the actors of several documents: returns, for each document, a
  // map from its actor indices to indices into `merged`.
  std::vector<std::vector<int32_t>> merge(const std::vector<const ActorTagging*>& documents,
                                          std::vector<Actor>& merged) const;

 private:
  struct Lexicon;
  explicit ActorTagger(std::unique_ptr<Lexicon> lexicon);
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace annals
