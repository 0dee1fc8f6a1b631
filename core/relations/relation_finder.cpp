#include <algorithm>

#include "relations/relation.h"
#include "util/resources.h"

namespace annals {

namespace {

struct CausalCue {
  std::vector<std::string> words;
  bool cause_after = true;
};

}  // namespace

struct RelationFinder::Cues {
  std::vector<CausalCue> cues;  // longest first, so "because of" wins over "because"
};

namespace {

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(fold_case(text.substr(start, end - start)));
    start = end + 1;
  }
  return words;
}

struct Match {
  size_t first, end;  // token range of the cue within the document
  bool cause_after;
};

std::vector<Match> find_cues(const Document& doc, const Segmentation& seg, const Sentence& sentence,
                             const std::vector<CausalCue>& cues) {
  std::vector<Match> matches;
  std::vector<std::string> folded;
  for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t)
    folded.push_back(fold_case(doc.slice(seg.tokens[t].span)));
  for (size_t i = 0; i < folded.size(); ++i)
    for (const auto& cue : cues) {
      if (i + cue.words.size() > folded.size() ||
          !std::equal(cue.words.begin(), cue.words.end(), folded.begin() + i))
        continue;
      matches.push_back({sentence.first_token + i, sentence.first_token + i + cue.words.size(), cue.cause_after});
      i += cue.words.size() - 1;
      break;
    }
  return matches;
}

// The nearest event whose trigger lies in [from, to) tokens, searching
// forwards or backwards; -1 if none.
int32_t nearest_event(const std::vector<EventMention>& events, uint32_t from, uint32_t to, bool forwards) {
  int32_t best = -1;
  for (size_t e = 0; e < events.size(); ++e) {
    if (events[e].token < from || events[e].token >= to) continue;
    if (best < 0 || (forwards ? events[e].token < events[best].token : events[e].token > events[best].token))
      best = int32_t(e);
  }
  return best;
}

int32_t nearest_noun_event(const std::vector<EventMention>& events, uint32_t from, uint32_t to) {
  for (size_t e = 0; e < events.size(); ++e)
    if (events[e].noun && events[e].token >= from && events[e].token < to) return int32_t(e);
  return -1;
}

int32_t last_event_of_sentence(const std::vector<EventMention>& events, uint32_t sentence) {
  int32_t best = -1;
  for (size_t e = 0; e < events.size(); ++e)
    if (events[e].sentence == sentence && !events[e].noun) best = int32_t(e);
  return best;
}

}  // namespace

RelationFinder::RelationFinder(std::unique_ptr<Cues> cues) : cues_(std::move(cues)) {}
RelationFinder::RelationFinder(RelationFinder&&) noexcept = default;
RelationFinder& RelationFinder::operator=(RelationFinder&&) noexcept = default;
RelationFinder::~RelationFinder() = default;

Result<RelationFinder> RelationFinder::create(const Resources& resources) {
  auto table = resources.table("en/relations/causal_cues.tsv", 2);
  if (!table) return table.error();
  auto cues = std::make_unique<Cues>();
  for (const auto& row : table->rows) {
    if (row.fields[1] != "after" && row.fields[1] != "before")
      return Error{ErrorCode::bad_data, table->where(row), "cause side must be \"after\" or \"before\""};
    cues->cues.push_back({split_words(row.fields[0]), row.fields[1] == "after"});
  }
  std::stable_sort(cues->cues.begin(), cues->cues.end(),
                   [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
  return RelationFinder(std::move(cues));
}

std::vector<RelationMention> RelationFinder::find(const Document& doc, const Segmentation& seg,
                                                  const std::vector<EventMention>& events) const {
  std::vector<RelationMention> relations;
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& sentence = seg.sentences[si];
    for (const Match& cue : find_cues(doc, seg, sentence, cues_->cues)) {
      const uint32_t first = sentence.first_token, end = sentence.end_token;
      int32_t inside = nearest_noun_event(events, cue.first, cue.end);  // "request" in "at the request of"
      int32_t before = nearest_event(events, first, cue.first, false);
      int32_t after = inside >= 0 ? inside : nearest_event(events, cue.end, end, true);
      if (before < 0 && cue.cause_after && si > 0) before = last_event_of_sentence(events, si - 1);
      if (before < 0 || after < 0 || before == after) continue;
      int32_t cause = cue.cause_after ? after : before;
      int32_t effect = cue.cause_after ? before : after;
      Span span{seg.tokens[cue.first].span.start, seg.tokens[cue.end - 1].span.end};
      relations.push_back({cause, effect, "causes", span});
    }
  }
  return relations;
}

}  // namespace annals
