// The public face of stage 4: ActorTagger wraps the lexicon and runs the
// finder and the linker over one document.
#include "actors/actor.h"
#include "actors/tagging.h"

namespace annals {

const char* to_string(ActorKind kind) {
  switch (kind) {
    case ActorKind::person: return "person";
    case ActorKind::organization: return "organization";
    case ActorKind::country: return "country";
    case ActorKind::location: return "location";
    case ActorKind::group: return "group";
    case ActorKind::other: return "other";
  }
  return "other";
}

struct ActorTagger::Lexicon {
  std::unique_ptr<actor_detail::ActorLexicon> words;
};

ActorTagger::ActorTagger(std::unique_ptr<Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
ActorTagger::ActorTagger(ActorTagger&&) noexcept = default;
ActorTagger& ActorTagger::operator=(ActorTagger&&) noexcept = default;
ActorTagger::~ActorTagger() = default;

Result<ActorTagger> ActorTagger::create(const Resources& resources, std::vector<AliasEntry> user_aliases) {
  auto words = actor_detail::load_actor_lexicon(resources, user_aliases);
  if (!words) return words.error();
  auto lexicon = std::make_unique<Lexicon>();
  lexicon->words = std::move(*words);
  return ActorTagger(std::move(lexicon));
}

ActorTagging ActorTagger::tag(const Document& doc, const Segmentation& seg,
                              const std::vector<Timex>& timexes) const {
  actor_detail::Tokens tokens{doc, seg, {}, {}, {}};
  actor_detail::tokenize_facts(*lexicon_->words, timexes, tokens);
  auto candidates = actor_detail::find_candidates(*lexicon_->words, tokens);
  return actor_detail::link_candidates(*lexicon_->words, tokens, candidates);
}

std::vector<std::vector<int32_t>> ActorTagger::merge(const std::vector<const ActorTagging*>& documents,
                                                     std::vector<Actor>& merged) const {
  return actor_detail::merge_actors(*lexicon_->words, documents, merged);
}

}  // namespace annals
