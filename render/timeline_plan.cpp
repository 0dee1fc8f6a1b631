#include "timeline_plan.h"

#include <algorithm>
#include <cmath>

#include "escape.h"

namespace annals::render_detail {
namespace {

constexpr size_t kWrap = 28;          // code points per label line
constexpr size_t kMaxLines = 3;
constexpr double kPointSize = 9;      // marker diameter
constexpr double kBarHeight = 8;
constexpr double kMarkerBand = 12;    // marker row above the label
constexpr double kLabelGap = 4;       // between marker and label
constexpr double kRowGap = 8;
constexpr double kItemGap = 12;       // between items in a row
constexpr double kLanePad = 8;
constexpr double kUndatedColumn = 210;

double text_width(const std::vector<std::string>& lines, double char_width) {
  size_t n = 0;
  for (const auto& l : lines) n = std::max(n, utf8_length(l));
  return static_cast<double>(n) * char_width + 4;
}

void set_label(const ModelEvent& e, PlacedEvent& p) {
  std::string text = e.label;
  if (!e.actual) text = "[" + (e.modality.empty() ? std::string("non-actual") : e.modality) + "] " + text;
  if (e.negated) text = "NOT: " + text;
  p.lines = wrap_text(text, kWrap, kMaxLines);
  if (e.sources() > 1) p.sources = std::to_string(e.sources()) + " sources";
  p.lw = std::max(text_width(p.lines, kCharWidth),
                  p.sources.empty() ? 0.0 : static_cast<double>(p.sources.size()) * 4.8 + 4);
  p.lh = static_cast<double>(p.lines.size()) * kLineHeight + (p.sources.empty() ? 0 : 10) + 2;
}

// Marker and label x for a dated event; y is set once rows are known.
void place_dated(const ModelEvent& e, const TimeScale& scale, PlacedEvent& p) {
  const double x0 = scale.x(e.days->first), x1 = scale.x_end(e.days->last);
  p.bar = e.days->last > e.days->first && x1 - x0 >= kPointSize;
  p.cx = (x0 + x1) / 2;
  p.w = p.bar ? x1 - x0 : kPointSize;
  p.h = p.bar ? kBarHeight : kPointSize;
  p.lx = p.cx - p.w / 2;
}

std::string gap_text(Day days) {
  const auto plural = [](long n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
  };
  if (days >= 730) return plural(std::lround(static_cast<double>(days) / 365.25), "year");
  if (days >= 60) return plural(std::lround(static_cast<double>(days) / 30.44), "month");
  return plural(static_cast<long>(days), "day");
}

// Drops tick labels that would touch; across a break the later tick (the
// first of its segment, with the year) is kept.
void thin_ticks(TimelinePlan& plan) {
  const auto width = [](const Tick& t) { return static_cast<double>(utf8_length(t.label)) * 9 * 0.56; };
  std::vector<Tick> kept;
  for (const Tick& t : plan.ticks) {
    if (!kept.empty() && t.x - kept.back().x < (width(t) + width(kept.back())) / 2 + 8) {
      const bool across_break = std::any_of(plan.breaks.begin(), plan.breaks.end(), [&](const AxisBreak& b) {
        return kept.back().x <= b.x0 && t.x >= b.x1;
      });
      if (!across_break) continue;
      kept.pop_back();
    }
    kept.push_back(t);
  }
  plan.ticks = std::move(kept);
}

void plan_axis(const Model& model, TimelinePlan& plan, double x0) {
  std::vector<DaySpan> spans;
  for (const ModelEvent& e : model.events) {
    if (e.days) spans.push_back(*e.days);
  }
  plan.has_axis = !spans.empty();
  if (!plan.has_axis) return;
  ScaleOptions options;
  options.x0 = x0;
  options.width = std::clamp(400.0 + 24.0 * static_cast<double>(spans.size()), 640.0, 2000.0);
  plan.scale = make_scale(std::move(spans), options);
  plan.unit = choose_tick_unit(plan.scale.px_per_day);
  plan.ticks = make_ticks(plan.scale, plan.unit);
  const auto& segs = plan.scale.segments;
  for (size_t i = 1; i < segs.size(); ++i) {
    plan.breaks.push_back({segs[i - 1].x1, segs[i].x0, gap_text(segs[i].first - segs[i - 1].last - 1)});
  }
  thin_ticks(plan);
}

}  // namespace

// Stacks one lane's events in rows from `top`; returns the lane's bottom.
static double plan_lane(std::vector<PlacedEvent*> items, double top) {
  std::stable_sort(items.begin(), items.end(),
                   [](const PlacedEvent* a, const PlacedEvent* b) { return a->lx < b->lx; });
  std::vector<Extent> extents;
  for (const PlacedEvent* p : items) {
    extents.push_back({p->lx, std::max(p->cx + p->w / 2, p->lx + p->lw)});
  }
  const std::vector<int> rows = stack_rows(extents, kItemGap);
  const int nrows = rows.empty() ? 0 : *std::max_element(rows.begin(), rows.end()) + 1;
  std::vector<double> row_h(static_cast<size_t>(nrows), 0);
  for (size_t i = 0; i < items.size(); ++i) {
    double& h = row_h[static_cast<size_t>(rows[i])];
    h = std::max(h, kMarkerBand + kLabelGap + items[i]->lh + kRowGap);
  }
  std::vector<double> row_y(static_cast<size_t>(nrows), top + kLanePad);
  for (int r = 1; r < nrows; ++r) row_y[r] = row_y[r - 1] + row_h[r - 1];
  for (size_t i = 0; i < items.size(); ++i) {
    PlacedEvent& p = *items[i];
    p.cy = row_y[static_cast<size_t>(rows[i])] + kMarkerBand / 2;
    p.ly = p.cy + kMarkerBand / 2 + kLabelGap;
  }
  const double bottom = nrows ? row_y.back() + row_h.back() : top + kLanePad;
  return std::max(bottom + kLanePad - kRowGap, top + 32);
}

// Undated events in columns below the lanes; returns the bottom.
static double plan_undated(std::vector<PlacedEvent*> items, double x0, double width, double top) {
  const size_t columns = std::max<size_t>(1, static_cast<size_t>(width / kUndatedColumn));
  double y = top;
  for (size_t i = 0; i < items.size(); i += columns) {
    double row_h = 0;
    for (size_t c = 0; c < columns && i + c < items.size(); ++c) {
      PlacedEvent& p = *items[i + c];
      p.undated = true;
      p.w = p.h = kPointSize;
      p.cx = x0 + static_cast<double>(c) * kUndatedColumn + kPointSize / 2;
      p.cy = y + kLineHeight / 2;
      p.lx = p.cx + kPointSize / 2 + 5;
      p.ly = y;
      row_h = std::max(row_h, p.lh);
    }
    y += row_h + kRowGap;
  }
  return y;
}

// Defined in timeline_caption.cpp.
std::string timeline_caption(const Model& model);

TimelinePlan plan_timeline(const Model& model) {
  TimelinePlan plan;
  const double m = plan.margin;
  plan.caption = timeline_caption(model);
  plan.caption_y = m + 6;
  double name_w = 40;
  for (const std::string& lane : model.lanes) {
    plan.lanes.push_back({wrap_text(lane, 22, 2), 0, 0});
    name_w = std::max(name_w, text_width(plan.lanes.back().name_lines, 6.4));
  }
  plan.lane_label_x = m + std::min(name_w, 150.0);
  const double x0 = plan.lane_label_x + 14;
  plan_axis(model, plan, x0);
  plan.axis_y = m + 48;
  plan.events.resize(model.events.size());
  std::vector<std::vector<PlacedEvent*>> by_lane(model.lanes.size());
  std::vector<PlacedEvent*> undated;
  for (size_t i = 0; i < model.events.size(); ++i) {
    const ModelEvent& e = model.events[i];
    PlacedEvent& p = plan.events[i];
    p.event = i;
    set_label(e, p);
    if (e.days) {
      place_dated(e, plan.scale, p);
      by_lane[static_cast<size_t>(e.lane)].push_back(&p);
    } else {
      undated.push_back(&p);
    }
  }
  double y = plan.axis_y + 6;
  plan.lanes_y0 = y;
  for (size_t l = 0; l < plan.lanes.size(); ++l) {
    if (by_lane[l].empty()) continue;
    plan.lanes[l].y0 = y;
    y = plan.lanes[l].y1 = plan_lane(by_lane[l], y);
  }
  if (model.events.empty()) y += 70;  // room for "no events to show"
  plan.lanes_y1 = y;
  double right = plan.has_axis ? plan.scale.right() : x0 + 640;
  for (const PlacedEvent& p : plan.events) right = std::max({right, p.lx + p.lw, p.cx + p.w / 2});
  if (!undated.empty()) {
    plan.undated_y = y + 18;
    y = plan_undated(undated, x0, right - x0, plan.undated_y);
    for (const PlacedEvent* p : undated) right = std::max(right, p->lx + p->lw);
  }
  plan.legend_y = y + 18;
  plan.width = std::ceil(right + m);
  plan.height = std::ceil(plan.legend_y + 14 + m);
  return plan;
}

}  // namespace annals::render_detail
