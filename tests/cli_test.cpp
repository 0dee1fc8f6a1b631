// Runs the real binary: exit codes, messages and files for every failure path.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

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


// annotate over many files in one process, as TempEval scoring runs it.
constexpr const char* kArticles[] = {"examples/csto/001_2eeb481a60e0f16e.txt", kArticle,
                                     "examples/csto/002_b355f01e7a83066b.txt"};

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

std::string stem_of(const std::string& path) { return std::filesystem::path(path).stem().string(); }

TEST(CliAnnotate, ManyFilesGiveWhatOneFileGives) {
  for (const char* format : {"timeml", "json"}) {
    TempDir dir;
    std::string args;
    for (const char* a : kArticles) args += std::string(" ") + a;
    auto many = run_annals(std::string("annotate --format ") + format + " --dct 2022-05-20 --out-dir " + dir.path() + args);
    ASSERT_EQ(many.exit_code, 0) << many.err;
    EXPECT_TRUE(many.out.empty());
    const std::string extension = std::string(format) == "json" ? ".json" : ".tml";
    ASSERT_EQ(files_in(dir.path()).size(), std::size(kArticles));
    for (const char* a : kArticles) {
      auto one = run_annals(std::string("annotate --format ") + format + " --dct 2022-05-20 " + a);
      ASSERT_EQ(one.exit_code, 0) << one.err;
      EXPECT_FALSE(one.out.empty());
      EXPECT_EQ(read_file(dir / (stem_of(a) + extension)), one.out) << a;
    }
  }
}

TEST(CliAnnotate, DatesFromSiblingFilesAreThoseOfDct) {
  TempDir dir, out;
  const std::string dates[] = {"2022-01-05", "2022-05-16T10:30", "2021-12-31"};
  std::string args;
  for (size_t i = 0; i < std::size(kArticles); ++i) {
    std::string name = stem_of(kArticles[i]);  // the same name: the output names its document
    write_file(dir / (name + ".txt"), read_file(kSourceDir + "/" + kArticles[i]));
    write_file(dir / (name + ".dct"), dates[i] + "\n");
    args += " " + (dir / (name + ".txt"));
  }
  auto many = run_annals("annotate --format timeml --dct-sibling --out-dir " + out.path() + args);
  ASSERT_EQ(many.exit_code, 0) << many.err;
  for (size_t i = 0; i < std::size(kArticles); ++i) {
    auto one = run_annals("annotate --format timeml --dct " + dates[i] + " " + kArticles[i]);
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_NE(one.out.find(dates[i].substr(0, 10)), std::string::npos);
    EXPECT_EQ(read_file(out / (stem_of(kArticles[i]) + ".tml")), one.out) << dates[i];
  }
}

TEST(CliAnnotate, ABadFileAmongGoodOnesIsNamedAndNothingIsWritten) {
  TempDir dir;
  write_file(dir / "latin1.txt", "Caf\xe9 society met on May 16.\n");
  write_file(dir / "good.txt", read_file(kSourceDir + "/" + kArticle));
  write_file(dir / "good.dct", "2022-05-20\n");
  write_file(dir / "nodate.txt", read_file(kSourceDir + "/" + kArticle));
  write_file(dir / "baddate.txt", read_file(kSourceDir + "/" + kArticle));
  write_file(dir / "baddate.dct", "soon\n");
  struct Case { std::string options, bad, problem; } cases[] = {
      {"--dct 2022-05-20", dir / "latin1.txt", "invalid UTF-8 at line 1"},
      {"--dct 2022-05-20", dir / "missing.txt", "no such file"},
      {"--dct-sibling", dir / "nodate.txt", "nodate.dct"},
      {"--dct-sibling", dir / "baddate.txt", "baddate.dct"},
  };
  for (const auto& c : cases) {
    TempDir out;
    auto r = run_annals("annotate --format timeml " + c.options + " --out-dir " + out.path() + " " + (dir / "good.txt") +
                        " '" + c.bad + "' " + kArticle);
    expect_one_line_error(r, 1, c.problem);
    EXPECT_NE(r.err.find(stem_of(c.bad)), std::string::npos) << "the message names the file: " << r.err;
    EXPECT_TRUE(files_in(out.path()).empty()) << c.bad << ": outputs or temporary files left: " << files_in(out.path()).size();
  }
}

TEST(CliAnnotate, UsageErrors) {
  TempDir out;
  std::string two = std::string(kArticles[0]) + " " + kArticles[1];
  expect_one_line_error(run_annals("annotate --format timeml " + two), 2, "--out-dir");
  expect_one_line_error(run_annals("annotate --dct 2022-05-20 --dct-sibling --out-dir " + out.path() + " " + two), 2,
                        "--dct-sibling");
  expect_one_line_error(run_annals("annotate -o x.tml --out-dir " + out.path() + " " + two), 2, "--out-dir");
  expect_one_line_error(run_annals("annotate --out-dir " + (out / "nowhere") + " " + two), 2, "nowhere");
  // Two inputs that would write the same output file.
  TempDir other;
  write_file(other / "004_d138a6afbf515449.txt", read_file(kSourceDir + "/" + kArticle));
  expect_one_line_error(
      run_annals("annotate --dct 2022-05-20 --out-dir " + out.path() + " " + kArticle + " " + (other / "004_d138a6afbf515449.txt")),
      2, "004_d138a6afbf515449.tml");
  EXPECT_TRUE(files_in(out.path()).empty());
}

}  // namespace
}  // namespace annals::testing
