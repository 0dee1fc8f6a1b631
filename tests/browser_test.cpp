// The rendered files as a reader opens them: in a real browser (Debian's
// headless chromium) and in rsvg-convert. Both are installed by
// scripts/setup.sh; a missing one fails the test rather than hiding it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_support.h"

namespace annals {
namespace {

using namespace annals::testing;

bool on_path(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

int run_shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Chromium runs as root in CI, so without its sandbox; a private profile
// keeps runs from sharing state.
std::string chromium(const TempDir& dir, const std::string& args) {
  return "timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars"
         " --user-data-dir='" + (dir / "profile") + "' " + args + " 2>'" + (dir / "chromium.log") + "'";
}

// The rendered example corpus, built once for all tests here.
class Browser : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    graph_ = *dir_ / "graph.json";
    auto r = run_annals("build examples/csto/*.txt -o '" + graph_ + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  void SetUp() override {
    if (!on_path("chromium")) FAIL() << "chromium is not installed: run scripts/setup.sh";
    if (!on_path("rsvg-convert")) FAIL() << "rsvg-convert is not installed: run scripts/setup.sh";
  }

  // Renders the example graph; returns the output path.
  std::string render(const std::string& view, const std::string& format, const std::string& extra = "",
                     const std::string& name = "") {
    const std::string out = *dir_ / ((name.empty() ? view : name) + "." + format);
    auto r = run_annals("render '" + graph_ + "' --view " + view + " --format " + format + " " + extra +
                        " -o '" + out + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
  }

  // The document chromium built from FILE: an XML error shows up in it as a
  // <parsererror> element, whatever the exit code.
  std::string dom_of(const std::string& file) {
    const std::string dom = *dir_ / "dom.html";
    EXPECT_EQ(run_shell(chromium(*dir_, "--dump-dom 'file://" + file + "' >'" + dom + "'")), 0);
    return read_file(dom);
  }

  static TempDir* dir_;
  static std::string graph_;
};

TempDir* Browser::dir_ = nullptr;
std::string Browser::graph_;

TEST_F(Browser, OpensTheTimelineAndGraphSvgWithoutErrors) {
  for (const std::string view : {"timeline", "graph"}) {
    const std::string dom = dom_of(render(view, "svg"));
    EXPECT_EQ(dom.find("parsererror"), std::string::npos) << view << ": " << dom.substr(0, 400);
    EXPECT_NE(dom.find("<svg"), std::string::npos) << view;
    EXPECT_NE(dom.find("Tokayev"), std::string::npos) << view;
  }
}

TEST_F(Browser, OpensTheHtmlPageWithItsTable) {
  const std::string dom = dom_of(render("timeline", "html"));
  EXPECT_EQ(dom.find("parsererror"), std::string::npos);
  EXPECT_NE(dom.find("<svg"), std::string::npos);
  EXPECT_NE(dom.find("<table"), std::string::npos);
  // The sorting script ran: the page's own policy allows it by its hash.
  EXPECT_NE(dom.find("data-sortable=\"ready\""), std::string::npos);
}

TEST_F(Browser, ScreenshotHasPaintedPixels) {
  const std::string svg = render("timeline", "svg", "--width 1000", "narrow");
  const std::string png = *dir_ / "shot.png";
  ASSERT_EQ(run_shell(chromium(*dir_, "--window-size=1000,1400 --screenshot='" + png + "' 'file://" + svg + "'")),
            0);
  const std::string bytes = read_file(png);
  ASSERT_GT(bytes.size(), 8u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  // A blank page compresses to a few kB; labels, lanes and arrows do not.
  EXPECT_GT(bytes.size(), 20000u);
}

TEST_F(Browser, BrowserNoticesBrokenSvg) {
  // The check above must be able to fail: a stray '&' is an XML error.
  const std::string bad = *dir_ / "bad.svg";
  write_file(bad, "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>a & b</text></svg>");
  EXPECT_NE(dom_of(bad).find("parsererror"), std::string::npos);
  EXPECT_NE(run_shell("rsvg-convert '" + bad + "' -o '" + (*dir_ / "bad.png") + "' 2>/dev/null"), 0);
}

TEST_F(Browser, RsvgConvertRendersBothViews) {
  for (const std::string view : {"timeline", "graph"}) {
    const std::string svg = render(view, "svg");
    const std::string png = *dir_ / (view + "-rsvg.png");
    const std::string log = *dir_ / "rsvg.log";
    EXPECT_EQ(run_shell("rsvg-convert '" + svg + "' -o '" + png + "' 2>'" + log + "'"), 0) << view;
    EXPECT_EQ(read_file(log), "") << view;
    EXPECT_EQ(read_file(png).substr(1, 3), "PNG") << view;
  }
}

}  // namespace
}  // namespace annals
