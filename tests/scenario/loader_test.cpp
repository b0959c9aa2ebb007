// The scenario as a whole: top-level keys, YAML-level guards, isolation.
#include "fake_rules.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::scenario {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::load;
using testing::messages;

// Three header lines; what follows starts on line 4.
std::string imap(const std::string& rest) { return "id: imap.t\ntitle: T\nprotocol: imap\n" + rest; }

TEST(Loader, LoadsAMinimalScenarioWithDefaults) {
  auto result = load(imap("steps:\n  - connect: {}\n  - send: a1 NOOP\n"));
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  ASSERT_EQ(result.scenarios.size(), 1u);
  const Scenario& s = result.scenarios[0];
  EXPECT_EQ(s.id, "imap.t");
  EXPECT_EQ(s.title, "T");
  EXPECT_EQ(s.protocol, Protocol::imap);
  EXPECT_EQ(s.level, Level::must);
  EXPECT_EQ(s.connections, std::vector<std::string>{"main"});
  EXPECT_FALSE(s.exclusive_user);
  EXPECT_EQ(s.file, "t.yaml");
  EXPECT_EQ(s.where, (SourceLocation{"t.yaml", 1, 5}));
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].kind, "connect");
  EXPECT_EQ(s.steps[0].where, (SourceLocation{"t.yaml", 5, 5}));
  EXPECT_EQ(s.steps[1].kind, "send");
  EXPECT_EQ(s.steps[1].where, (SourceLocation{"t.yaml", 6, 5}));
  EXPECT_EQ(s.steps[1].connection, "");
}

TEST(Loader, ReadsEveryTopLevelKey) {
  auto result = load(
      "version: 1\n"
      "id: smtp.ehlo.keywords\n"
      "title: EHLO lists keywords\n"
      "protocol: smtp\n"
      "rfc: [\"RFC 5321 §4.1.1.1\", \"RFC 1869\"]\n"
      "level: SHOULD\n"
      "tags: [core, ehlo]\n"
      "requires: [SIZE, AUTH=PLAIN]\n"
      "connections: [one, two]\n"
      "steps:\n"
      "  - connect: {}\n");
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  const Scenario& s = result.scenarios.at(0);
  EXPECT_EQ(s.rfc, (std::vector<std::string>{"RFC 5321 §4.1.1.1", "RFC 1869"}));
  EXPECT_EQ(s.level, Level::should);
  EXPECT_EQ(s.tags, (std::vector<std::string>{"core", "ehlo"}));
  EXPECT_EQ(s.requires_capabilities, (std::vector<std::string>{"SIZE", "AUTH=PLAIN"}));
  EXPECT_EQ(s.connections, (std::vector<std::string>{"one", "two"}));
}

TEST(Loader, RfcMayBeASingleString) {
  auto result = load(imap("rfc: RFC 9051 §6.3.2\nsteps: [connect: {}]\n"));
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  EXPECT_EQ(result.scenarios.at(0).rfc, std::vector<std::string>{"RFC 9051 §6.3.2"});
}

TEST(Loader, LevelMayIsRead) {
  auto result = load(imap("level: MAY\nsteps: [connect: {}]\n"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.scenarios.at(0).level, Level::may);
}

TEST(Loader, ReportsYamlSyntaxErrorsAtTheirPosition) {
  auto result = load(imap("steps:\n  - send: [unclosed\n"));
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].where.line, 6);
  EXPECT_THAT(result.diagnostics[0].message, HasSubstr("YAML syntax: "));
  EXPECT_TRUE(result.scenarios.empty());
}

TEST(Loader, ReportsAnEmptyFile) {
  EXPECT_THAT(messages(load("# nothing but a comment\n")),
              ElementsAre("t.yaml:1:1: the file is empty; a scenario needs id, title, protocol and steps"));
}

TEST(Loader, RejectsASecondDocument) {
  EXPECT_THAT(messages(load(imap("steps: [connect: {}]\n---\nid: imap.u\n"))),
              ElementsAre("t.yaml:5:1: a scenario file holds one document; this is a second one (one scenario per "
                          "file)"));
}

TEST(Loader, RejectsAliases) {
  EXPECT_THAT(messages(load(imap("tags: &t [a]\nrequires: *t\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:5:11: aliases (*name) are not supported in scenario files: write the value out"));
}

TEST(Loader, RejectsABillionLaughsWithoutExpandingIt) {
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 30; ++i) {
    std::string previous = "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + previous;
    for (int j = 0; j < 9; ++j) yaml += ", " + previous;
    yaml += "]\n";
  }
  auto result = load(yaml);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_THAT(result.diagnostics[0].message, HasSubstr("aliases"));
}

TEST(Loader, RejectsDuplicateKeys) {
  EXPECT_THAT(messages(load(imap("title: Again\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:4:1: duplicate key 'title' (first at 2:1)"));
}

TEST(Loader, RejectsAFileOverOneMebibyte) {
  std::string yaml = imap("steps: [connect: {}]\n# ");
  yaml += std::string(kMaxScenarioFileBytes, 'x');
  EXPECT_THAT(messages(load(yaml)), ElementsAre("t.yaml: the file is " + std::to_string(yaml.size()) +
                                                " bytes; scenario files are limited to 1048576 bytes"));
}

std::string flow_nesting(int depth) { return "x: " + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "\n"; }

TEST(Loader, AcceptsFlowNestingOf64Levels) {
  auto result = load(imap("steps: [connect: {}]\n") + flow_nesting(64));
  EXPECT_THAT(messages(result), ElementsAre(HasSubstr("unknown key 'x'")));
}

TEST(Loader, RejectsFlowNestingDeeperThan64Levels) {
  EXPECT_THAT(messages(load(imap("steps: [connect: {}]\n") + flow_nesting(65))),
              ElementsAre("t.yaml:5:67: nested deeper than 64 levels"));
}

TEST(Loader, RejectsBlockNestingDeeperThan64LevelsBeforeParsing) {
  std::string yaml;
  for (int level = 0; level < 65; ++level) yaml += std::string(level * 2, ' ') + "k:\n";
  EXPECT_THAT(messages(load(yaml)), ElementsAre("t.yaml:65:130: nested deeper than 64 levels"));
}

TEST(Loader, SurvivesNestingFarBeyondTheLimit) {
  auto result = load(std::string(200'000, '[') + std::string(200'000, ']'));
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].message, "nested deeper than 64 levels");
}

TEST(Loader, AScenarioMustBeAMapping) {
  EXPECT_THAT(messages(load("- id: imap.t\n")), ElementsAre("t.yaml:1:1: a scenario must be a mapping, not a list"));
}

TEST(Loader, ReportsEachMissingRequiredKey) {
  EXPECT_THAT(messages(load("level: MUST\n")),
              ElementsAre("t.yaml:1:1: a scenario needs 'protocol'", "t.yaml:1:1: a scenario needs 'id'",
                          "t.yaml:1:1: a scenario needs 'title'", "t.yaml:1:1: a scenario needs 'steps'"));
}

TEST(Loader, ReportsUnknownTopLevelKeys) {
  EXPECT_THAT(messages(load(imap("stpes: []\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:4:1: unknown key 'stpes' in a scenario (known: version, role, protocol, id, title, rfc, "
                          "level, tags, requires, isolation, connections, fixtures, steps)"));
}

TEST(Loader, RejectsBadIdSyntax) {
  EXPECT_THAT(messages(load("id: IMAP.Select\ntitle: T\nprotocol: imap\nsteps: [connect: {}]\n")),
              ElementsAre("t.yaml:1:5: id 'IMAP.Select' must be lower-case letters, digits, '.', '_' and '-', "
                          "starting with a letter or digit (at most 128)"));
}

TEST(Loader, RequiresTheIdToStartWithTheProtocol) {
  EXPECT_THAT(messages(load("id: smtp.x\ntitle: T\nprotocol: imap\nsteps: [connect: {}]\n")),
              ElementsAre("t.yaml:1:5: id 'smtp.x' must start with 'imap.'"));
}

TEST(Loader, RejectsAnUnknownProtocol) {
  EXPECT_THAT(messages(load("id: lmtp.x\ntitle: T\nprotocol: lmtp\nsteps: [connect: {}]\n")),
              ElementsAre("t.yaml:3:11: unknown protocol 'lmtp' (known: smtp, pop3, imap)"));
}

TEST(Loader, ReportsAProtocolWithoutRules) {
  auto result = load_scenario_text(imap("steps: [connect: {}]\n"), "t.yaml",
                                   [](Protocol) -> const ProtocolRules* { return nullptr; });
  EXPECT_THAT(messages(result), ElementsAre("t.yaml:3:11: no rules for protocol 'imap'"));
}

TEST(Loader, AcceptsRfcCitationsWithAndWithoutSection) {
  auto result =
      load(imap("rfc: [RFC 9051, RFC 9051 §6.3.2, RFC 5321 §4.5.3.1.4, RFC 3501 §A.1]\nsteps: [connect: {}]\n"));
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
}

TEST(Loader, RejectsMalformedRfcCitations) {
  EXPECT_THAT(messages(load(imap("rfc: [RFC9051, rfc 9051, RFC 9051 6.3, RFC 9051 §, RFC 9051 §6..3, RFC 0822]\n"
                                 "steps: [connect: {}]\n"))),
              ElementsAre(HasSubstr("t.yaml:4:7: RFC citation 'RFC9051' must read 'RFC <number> §<section>' or "
                                    "'RFC <number>', e.g. 'RFC 9051 §6.3.2'"),
                          HasSubstr("t.yaml:4:16: RFC citation 'rfc 9051'"),
                          HasSubstr("t.yaml:4:26: RFC citation 'RFC 9051 6.3'"),
                          HasSubstr("t.yaml:4:40: RFC citation 'RFC 9051 §'"),
                          HasSubstr("t.yaml:4:53: RFC citation 'RFC 9051 §6..3'"),
                          HasSubstr("t.yaml:4:70: RFC citation 'RFC 0822'")));
}

TEST(Loader, RejectsAnUnknownLevel) {
  EXPECT_THAT(messages(load(imap("level: must\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:4:8: 'level' must be one of MUST, SHOULD, MAY, not 'must'"));
}

TEST(Loader, RejectsAnUnsupportedFormatVersion) {
  EXPECT_THAT(messages(load(imap("version: 2\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:4:10: format version '2' is not supported (only 1)"));
}

TEST(Loader, RejectsTagsWithSpacesOrCommas) {
  EXPECT_THAT(messages(load(imap("tags: [\"a b\", \"c,d\", ok]\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:4:8: tag 'a b' must be a non-empty word without spaces or commas",
                          "t.yaml:4:15: tag 'c,d' must be a non-empty word without spaces or commas"));
}

TEST(Loader, RejectsRequiredCapabilitiesThatAreNotOneWord) {
  EXPECT_THAT(messages(load(imap("requires: [\"AUTH PLAIN\"]\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:4:12: capability 'AUTH PLAIN' must be one word as the server advertises it, such "
                          "as IDLE or AUTH=PLAIN"));
}

TEST(Loader, RejectsATitleThatIsBlank) {
  EXPECT_THAT(messages(load("id: imap.t\ntitle: \" \"\nprotocol: imap\nsteps: [connect: {}]\n")),
              ElementsAre("t.yaml:2:8: 'title' is empty"));
}

TEST(Loader, RejectsWrongTypesWithTheirKind) {
  EXPECT_THAT(messages(load("id: [imap.t]\ntitle: {a: b}\nprotocol: imap\nsteps: {connect: {}}\n")),
              ElementsAre("t.yaml:1:5: 'id' must be a string, not a list",
                          "t.yaml:2:8: 'title' must be a string, not a mapping",
                          "t.yaml:4:8: 'steps' must be a list of steps, not a mapping"));
}

TEST(Loader, RejectsAnEmptyStepList) {
  EXPECT_THAT(messages(load(imap("steps: []\n"))),
              ElementsAre("t.yaml:4:8: 'steps' is empty: a scenario needs at least one step"));
}

TEST(Loader, ReportsEveryErrorOfAFileInOrderOfPosition) {
  auto result = load(
      "id: imap.t\n"
      "title: T\n"
      "protocol: imap\n"
      "level: SOMETIMES\n"
      "steps:\n"
      "  - sned: a1\n"
      "  - connect: {}\n"
      "  - wait: soon\n"
      "rfc: RFC\n");
  EXPECT_THAT(messages(result), ElementsAre(HasSubstr("t.yaml:4:8: 'level'"), HasSubstr("t.yaml:6:5: unknown step"),
                                            HasSubstr("t.yaml:8:11: 'wait' must be a duration"),
                                            HasSubstr("t.yaml:9:6: RFC citation 'RFC'")));
  EXPECT_TRUE(result.scenarios.empty());
}

TEST(Loader, ReadsCrlfLineEndsAndAByteOrderMark) {
  auto result = load("\xEF\xBB\xBFid: imap.t\r\ntitle: T\r\nprotocol: imap\r\nsteps:\r\n  - connect: {}\r\n");
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  EXPECT_EQ(result.scenarios.at(0).steps.at(0).where, (SourceLocation{"t.yaml", 5, 5}));
}

TEST(Loader, NeverThrowsOnBinaryInput) {
  const std::string junk("\0\xff\xfe{[\"'\t\r\n&*!|>%@`", 19);
  EXPECT_FALSE(load(junk).ok());
}

// --- connections ---

TEST(LoaderConnections, RejectsAnUndeclaredConnection) {
  EXPECT_THAT(messages(load(imap("steps:\n  - connect: {}\n    conn: other\n"))),
              ElementsAre("t.yaml:6:11: connection 'other' is not declared (connections: main)"));
}

TEST(LoaderConnections, RejectsRepeatedReservedAndMalformedNames) {
  EXPECT_THAT(messages(load(imap("connections: [a, a, fixtures, \"b c\"]\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:4:18: connection 'a' is declared twice",
                          "t.yaml:4:21: connection name 'fixtures' is reserved for setting up fixtures",
                          "t.yaml:4:31: connection name 'b c' must be letters, digits, '_' and '-', starting with a "
                          "letter or digit"));
}

TEST(LoaderConnections, RejectsAnEmptyList) {
  EXPECT_THAT(messages(load(imap("connections: []\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:4:14: 'connections' must be a non-empty list of names such as [main, other]"));
}

TEST(LoaderConnections, TheFirstDeclaredIsTheDefault) {
  auto result = load(imap("connections: [c1, c2]\nsteps:\n  - connect: {}\n  - send: x\n  - send: y\n    conn: c2\n"));
  EXPECT_THAT(messages(result),
              ElementsAre("t.yaml:8:5: 'send' on connection 'c2' before it is connected: add a `connect:` step with "
                          "`conn: c2` first"));
}

// --- isolation ---

bool exclusive(const std::string& yaml) {
  auto result = load(yaml);
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  return result.ok() && result.scenarios.at(0).exclusive_user;
}

TEST(LoaderIsolation, ImapWithoutFixturesIsShared) { EXPECT_FALSE(exclusive(imap("steps: [connect: {}]\n"))); }

TEST(LoaderIsolation, Pop3IsExclusiveByDefault) {
  EXPECT_TRUE(exclusive("id: pop3.t\ntitle: T\nprotocol: pop3\nsteps: [connect: {}]\n"));
}

TEST(LoaderIsolation, Pop3MaySayShared) {
  EXPECT_FALSE(exclusive("id: pop3.t\ntitle: T\nprotocol: pop3\nisolation: shared\nsteps: [connect: {}]\n"));
}

TEST(LoaderIsolation, FixturesInInboxMakeItExclusive) {
  EXPECT_TRUE(exclusive(imap("fixtures: {messages: [{text: \"a\\n\"}]}\nsteps: [connect: {}]\n")));
  EXPECT_TRUE(exclusive(imap("fixtures: {empty_inbox: true}\nsteps: [connect: {}]\n")));
}

TEST(LoaderIsolation, FixturesInAFixedNameMailboxMakeItExclusive) {
  EXPECT_TRUE(exclusive(imap("fixtures: {mailboxes: [Archive]}\nsteps: [connect: {}]\n")));
}

TEST(LoaderIsolation, FixturesInTheRunsOwnMailboxStayShared) {
  EXPECT_FALSE(exclusive(imap(
      "fixtures: {mailboxes: [\"${mailbox}\", \"${mailbox}/sub\"], messages: [{mailbox: \"${mailbox}\", text: x}]}\n"
      "steps: [connect: {}]\n")));
}

TEST(LoaderIsolation, ExclusiveCanBeAskedFor) {
  EXPECT_TRUE(exclusive(imap("isolation: exclusive\nsteps: [connect: {}]\n")));
}

TEST(LoaderIsolation, SharedWithInboxFixturesIsAnError) {
  EXPECT_THAT(messages(load(imap("isolation: shared\nfixtures: {empty_inbox: true}\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:4:12: 'isolation: shared', but the fixtures change mailbox 'INBOX', which other "
                          "scenarios of the same user see; use ${mailbox} in the name or drop 'isolation'"));
}

TEST(LoaderIsolation, RejectsAnUnknownIsolation) {
  EXPECT_THAT(messages(load(imap("isolation: private\nsteps: [connect: {}]\n"))),
              ElementsAre("t.yaml:4:12: 'isolation' must be one of shared, exclusive, not 'private'"));
}

}  // namespace
}  // namespace conformance::scenario
