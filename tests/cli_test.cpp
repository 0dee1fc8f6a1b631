// Runs the real binary: exit codes, messages and files for every failure path.
#include <gtest/gtest.h>

#include "test_support.h"

namespace annals::testing {
namespace {

constexpr const char* kArticle = "examples/csto/004_d138a6afbf515449.txt";

void expect_one_line_error(const RunResult& r, int code, const std::string& fragment) {
  EXPECT_EQ(r.exit_code, code) << r.err;
  EXPECT_EQ(count_lines(r.err), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("annals: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(fragment), std::string::npos) << "expected '" << fragment << "' in: " << r.err;
}

TEST(Cli, VersionAndHelp) {
  auto version = run_annals("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("annals ", 0), 0u);
  for (const char* command : {"build", "annotate", "render", "query"}) {
    auto help = run_annals(std::string(command) + " --help");
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("Example:"), std::string::npos) << command;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_annals("").exit_code, 2);
  EXPECT_EQ(run_annals("frobnicate").exit_code, 2);
  EXPECT_EQ(run_annals(std::string("build --no-such-option ") + kArticle).exit_code, 2);
  EXPECT_EQ(run_annals("build").exit_code, 2);
  EXPECT_EQ(run_annals(std::string("annotate --format xml ") + kArticle).exit_code, 2);
}

TEST(Cli, MalformedDctIsAUsageError) {
  TempDir dir;
  for (const char* dct : {"yesterday", "2022-02-30", "2022-13-01", "20220"}) {
    auto r = run_annals(std::string("build --dct ") + dct + " " + kArticle + " -o " + (dir / "g.json"));
    expect_one_line_error(r, 2, "--dct");
    EXPECT_FALSE(std::filesystem::exists(dir / "g.json")) << dct;
  }
}

TEST(Cli, BadInputFilesAreNamedAndNothingIsWritten) {
  TempDir dir;
  write_file(dir / "empty.txt", "");
  write_file(dir / "binary.bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
  write_file(dir / "latin1.txt", "Caf\xe9 society met on May 16.\n");
  struct Case { std::string path, problem; } cases[] = {
      {dir / "missing.txt", "no such file"},
      {dir.path(), "is a directory"},
      {dir / "empty.txt", "empty file"},
      {dir / "binary.bin", "binary file"},
      {dir / "latin1.txt", "invalid UTF-8 at line 1"},
  };
  for (const auto& c : cases) {
    auto out = dir / "graph.json";
    auto r = run_annals("build " + std::string(kArticle) + " '" + c.path + "' -o '" + out + "'");
    expect_one_line_error(r, 1, c.problem);
    EXPECT_NE(r.err.find(c.path), std::string::npos) << "the message names the file: " << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << c.path;
    auto annotate = run_annals("annotate --format json '" + c.path + "'");
    expect_one_line_error(annotate, 1, c.problem);
    EXPECT_TRUE(annotate.out.empty());
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << "temporary file left behind";
}

TEST(Cli, ReadsStandardInput) {
  auto r = run_annals("annotate --format json --dct 2022-01-20 -", kSourceDir + "/" + kArticle);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"dct\": \"2022-01-20\""), std::string::npos);
}

TEST(Cli, UnwritableOutputIsAnError) {
  auto r = run_annals(std::string("build ") + kArticle + " -o /nonexistent-dir/graph.json");
  expect_one_line_error(r, 1, "/nonexistent-dir/graph.json");
}

TEST(Cli, BrokenPipeIsNotAnError) {
  TempDir dir;
  write_file(dir / "pipe.sh",
             "cd '" + kSourceDir + "' && '" + kBinary +
                 "' annotate --format timeml examples/csto/002_b355f01e7a83066b.txt | head -c 10 >/dev/null\n"
                 "echo ${PIPESTATUS[0]}\n");
  std::string command = "bash '" + (dir / "pipe.sh") + "' > '" + (dir / "status") + "' 2> '" + (dir / "err") + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(read_file(dir / "status"), "0\n");
  EXPECT_EQ(read_file(dir / "err"), "");
}

TEST(Cli, MalformedGraphJsonIsNamed) {
  TempDir dir;
  write_file(dir / "bad.json", "{\"schema\": \"annals-graph/1\", \"documents\": 3}");
  write_file(dir / "notjson.json", "\x01\x02 nope");
  expect_one_line_error(run_annals("query '" + (dir / "bad.json") + "' events"), 1, "documents");
  expect_one_line_error(run_annals("render '" + (dir / "notjson.json") + "' -o '" + (dir / "t.svg") + "'"), 1,
                        "not valid JSON");
  EXPECT_FALSE(std::filesystem::exists(dir / "t.svg"));
  expect_one_line_error(run_annals("query '" + (dir / "missing.json") + "' events"), 1, "no such file");
}

TEST(Cli, QueryOptionsAreChecked) {
  TempDir dir;
  ASSERT_EQ(run_annals(std::string("build ") + kArticle + " -o " + (dir / "g.json")).exit_code, 0);
  expect_one_line_error(run_annals("query " + (dir / "g.json") + " events --from 2022-02-30"), 2, "--from");
  expect_one_line_error(run_annals("query " + (dir / "g.json") + " actor Nobody-At-All"), 1, "no such actor");
  expect_one_line_error(run_annals("render " + (dir / "g.json") + " --view pie -o " + (dir / "x.svg")), 2, "--view");
  EXPECT_FALSE(std::filesystem::exists(dir / "x.svg"));
}

}  // namespace
}  // namespace annals::testing
