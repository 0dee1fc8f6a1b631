// Colours for light and dark output. Data colours come from the Okabe-Ito
// palette (safe for colour-blind readers); every distinction they make is
// also made by a line style, a shape or a label.
#pragma once

#include <string>

namespace annals::render_detail {

struct Palette {
  std::string background, text, muted, band, grid, axis;
  std::string event, event_fill_faded, negated, hypothetical;
  std::string causes, before, includes, simultaneous, same_actor, coreferent;
};

inline Palette palette(bool dark) {
  Palette p;
  if (dark) {
    p = {"#1b1b1f", "#e8e8e8", "#a8a8a8", "#26262c", "#3a3a42", "#d0d0d0",
         "#56B4E9", "#56B4E966", "#E69F00", "#009E73",
         "#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#a8a8a8", "#F0E442"};
  } else {
    p = {"#ffffff", "#1a1a1a", "#5f5f5f", "#f3f4f6", "#dedfe3", "#333333",
         "#0072B2", "#0072B255", "#D55E00", "#009E73",
         "#D55E00", "#0072B2", "#009E73", "#CC79A7", "#777777", "#B8860B"};
  }
  return p;
}

}  // namespace annals::render_detail
