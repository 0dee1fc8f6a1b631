#include "xdot_builder.h"

#include <cmath>
#include <cstdio>

namespace annals::render_detail {

std::string XdotBuilder::num(double v) const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::round(v * 100) / 100 + 0.0);
  return buf;
}

std::string XdotBuilder::point(double x, double y) const {
  return num(x) + " " + num(height_ - y);
}

// xdot strings are "<byte count> -<bytes>".
static std::string counted(std::string_view s) {
  return std::to_string(s.size()) + " -" + std::string(s);
}

void XdotBuilder::op(std::string_view code, std::string_view value) {
  ops_ += std::string(code) + " " + counted(value) + " ";
}

void XdotBuilder::pen(std::string_view color) { op("c", color); }
void XdotBuilder::fill(std::string_view color) { op("C", color); }
void XdotBuilder::style(std::string_view s) { op("S", s); }

void XdotBuilder::font(double size, bool bold) {
  ops_ += "t " + std::string(bold ? "1" : "0") + " ";
  ops_ += "F " + num(size) + " " + counted("sans-serif") + " ";
}

void XdotBuilder::rect(double x0, double y0, double x1, double y1) {
  ops_ += "P 4 " + point(x0, y0) + " " + point(x1, y0) + " " + point(x1, y1) + " " +
          point(x0, y1) + " ";
}

void XdotBuilder::outline(double x0, double y0, double x1, double y1) {
  ops_ += "p 4 " + point(x0, y0) + " " + point(x1, y0) + " " + point(x1, y1) + " " +
          point(x0, y1) + " ";
}

void XdotBuilder::line(double x0, double y0, double x1, double y1) {
  ops_ += "L 2 " + point(x0, y0) + " " + point(x1, y1) + " ";
}

void XdotBuilder::ellipse(double cx, double cy, double rx, double ry) {
  ops_ += "E " + point(cx, cy) + " " + num(rx) + " " + num(ry) + " ";
}

void XdotBuilder::polygon(std::initializer_list<double> xy) {
  ops_ += "P " + std::to_string(xy.size() / 2) + " ";
  for (auto it = xy.begin(); it + 1 < xy.end(); it += 2) ops_ += point(*it, *(it + 1)) + " ";
}

void XdotBuilder::text(double x, double y, int align, double width, std::string_view text) {
  ops_ += "T " + point(x, y) + " " + std::to_string(align) + " " + num(width) + " " +
          counted(text) + " ";
}

}  // namespace annals::render_detail
