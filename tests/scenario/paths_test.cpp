// load_paths: walking folders, ordering, and what spans files.
#include "fake_rules.hpp"
#include "temp_folder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::messages;
using testing::TempFolder;

std::string scenario(const std::string& id) {
  return "id: " + id + "\ntitle: T\nprotocol: imap\nsteps: [connect: {}]\n";
}

std::vector<std::string> ids(const LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& s : result.scenarios) out.push_back(s.id);
  return out;
}

TEST(LoadPaths, WalksFoldersRecursivelyInPathOrder) {
  TempFolder folder;
  folder.write("b/z.yaml", scenario("imap.bz"));
  folder.write("a/y.yml", scenario("imap.ay"));
  folder.write("a/deeper/x.yaml", scenario("imap.adx"));
  auto result = load_paths({folder.path()}, testing::fake_rules);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  EXPECT_THAT(ids(result), ElementsAre("imap.adx", "imap.ay", "imap.bz"));
  EXPECT_EQ(result.scenarios[0].file, folder.path("a/deeper/x.yaml"));
}

TEST(LoadPaths, SkipsFixtureFoldersAndFilesThatAreNotYaml) {
  TempFolder folder;
  folder.write("imap/t.yaml", scenario("imap.t"));
  folder.write("imap/README.md", "# not a scenario\n");
  folder.write("fixtures/broken.yaml", "not: [a scenario\n");
  folder.write("imap/fixtures/also.yaml", "{{{\n");
  auto result = load_paths({folder.path()}, testing::fake_rules);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  EXPECT_THAT(ids(result), ElementsAre("imap.t"));
}

TEST(LoadPaths, LoadsAFileNamedExplicitlyWhateverItsName) {
  TempFolder folder;
  const std::string file = folder.write("scenario.txt", scenario("imap.t"));
  auto result = load_paths({file}, testing::fake_rules);
  ASSERT_TRUE(result.ok());
  EXPECT_THAT(ids(result), ElementsAre("imap.t"));
}

TEST(LoadPaths, LoadsAFileSelectedTwiceOnce) {
  TempFolder folder;
  const std::string file = folder.write("imap/t.yaml", scenario("imap.t"));
  auto result = load_paths({folder.path(), folder.path("imap"), file}, testing::fake_rules);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  EXPECT_THAT(ids(result), ElementsAre("imap.t"));
}

TEST(LoadPaths, ReportsADuplicateIdAtBothPlaces) {
  TempFolder folder;
  const std::string first = folder.write("a.yaml", scenario("imap.same"));
  const std::string second = folder.write("b.yaml", "# another\n" + scenario("imap.same"));
  EXPECT_THAT(messages(load_paths({folder.path()}, testing::fake_rules)),
              ElementsAre(second + ":2:5: duplicate id 'imap.same' (also at " + first + ":1:5)",
                          first + ":1:5: duplicate id 'imap.same' (also at " + second + ":2:5)"));
}

TEST(LoadPaths, ReportsAPathThatDoesNotExist) {
  TempFolder folder;
  folder.write("t.yaml", scenario("imap.t"));
  const std::string missing = folder.path("nowhere");
  auto result = load_paths({folder.path(), missing}, testing::fake_rules);
  EXPECT_THAT(messages(result), ElementsAre(missing + ": no such file or folder"));
  EXPECT_THAT(ids(result), ElementsAre("imap.t"));
}

TEST(LoadPaths, ReportsAnEmptySelection) {
  TempFolder folder;
  folder.write("notes.txt", "nothing here\n");
  EXPECT_THAT(messages(load_paths({folder.path()}, testing::fake_rules)),
              ElementsAre(folder.path() + ": no scenario files (*.yaml, *.yml) selected"));
}

TEST(LoadPaths, KeepsTheScenariosOfGoodFilesAndTheErrorsOfBadOnes) {
  TempFolder folder;
  folder.write("a.yaml", scenario("imap.a"));
  const std::string bad = folder.write("b.yaml", "id: imap.b\n");
  auto result = load_paths({folder.path()}, testing::fake_rules);
  EXPECT_THAT(ids(result), ElementsAre("imap.a"));
  EXPECT_THAT(messages(result), ElementsAre(bad + ":1:1: a scenario needs 'protocol'", HasSubstr("needs 'title'"),
                                            HasSubstr("needs 'steps'")));
}

TEST(LoadScenarioFile, RefusesAFileOverTheCapBeforeReadingIt) {
  TempFolder folder;
  const std::string file = folder.write("big.yaml", std::string(kMaxScenarioFileBytes + 1, '#'));
  EXPECT_THAT(messages(load_scenario_file(file, testing::fake_rules)),
              ElementsAre(file + ": the file is 1048577 bytes; scenario files are limited to 1048576 bytes"));
}

TEST(LoadScenarioFile, RefusesAFolder) {
  TempFolder folder;
  EXPECT_THAT(messages(load_scenario_file(folder.path(), testing::fake_rules)),
              ElementsAre(folder.path() + ": is a folder, not a scenario file"));
}

}  // namespace
}  // namespace conformance::scenario
