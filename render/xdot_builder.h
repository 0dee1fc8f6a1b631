// Builds an xdot drawing (Graphviz's _background attribute) from shapes given
// in points with y growing downwards. Text is length-prefixed in xdot, so
// any string is safe here once clean_text()ed.
#pragma once

#include <string>
#include <string_view>

namespace annals::render_detail {

class XdotBuilder {
 public:
  explicit XdotBuilder(double height) : height_(height) {}

  void pen(std::string_view color);
  void fill(std::string_view color);
  void style(std::string_view style);  // "solid", "dashed", "setlinewidth(2)"
  void font(double size, bool bold = false);
  void rect(double x0, double y0, double x1, double y1);  // filled with the fill colour
  void outline(double x0, double y0, double x1, double y1);  // with the pen colour
  void line(double x0, double y0, double x1, double y1);
  void ellipse(double cx, double cy, double rx, double ry);  // filled
  void polygon(std::initializer_list<double> xy);            // filled
  // align: -1 left, 0 centre, 1 right; y is the baseline.
  void text(double x, double y, int align, double width, std::string_view text);

  std::string str() const { return ops_ + " "; }  // never ends in a backslash

 private:
  std::string num(double v) const;
  std::string point(double x, double y) const;
  void op(std::string_view code, std::string_view value);
  std::string ops_;
  double height_;
};

}  // namespace annals::render_detail
