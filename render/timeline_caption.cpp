// The one-line summary above the timeline.
#include <string>

#include "render_model.h"

namespace annals::render_detail {

std::string timeline_caption(const Model& model) {
  size_t dated = 0;
  Day first = 0, last = 0;
  for (const ModelEvent& e : model.events) {
    if (!e.days) continue;
    first = dated ? std::min(first, e.days->first) : e.days->first;
    last = dated ? std::max(last, e.days->last) : e.days->last;
    ++dated;
  }
  const auto count = [](size_t n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  std::string text = count(model.events.size(), "event");
  if (dated) text += ", " + iso_day(first) + " \xE2\x80\x93 " + iso_day(last);
  if (dated < model.events.size()) text += "; " + std::to_string(model.events.size() - dated) + " undated";
  const size_t hidden = model.hidden_negated + model.hidden_hypothetical;
  if (hidden) text += "; " + std::to_string(hidden) + " negated or hypothetical not shown";
  if (model.filtered_out) text += "; " + std::to_string(model.filtered_out) + " filtered out";
  return text;
}

}  // namespace annals::render_detail
