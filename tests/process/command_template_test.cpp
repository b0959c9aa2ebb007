#include "harness/process/command_template.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace conformance::process {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> argv(std::string_view command, const PlaceholderValues& values = {}) {
  auto expanded = expand_command(command, values);
  EXPECT_TRUE(expanded.ok()) << expanded.error().to_string();
  return expanded.ok() ? *expanded : std::vector<std::string>{};
}

TemplateError error_of(std::string_view command, const PlaceholderValues& values = {}) {
  auto expanded = expand_command(command, values);
  EXPECT_FALSE(expanded.ok());
  return expanded.ok() ? TemplateError{} : expanded.error();
}

TEST(CommandTemplate, SplitsOnWhitespaceLikeAShell) {
  EXPECT_THAT(argv("  curl\t-s   --url x \n"), ElementsAre("curl", "-s", "--url", "x"));
}

TEST(CommandTemplate, SingleQuotesKeepEverythingLiteral) {
  EXPECT_THAT(argv("sh -c 'a | b; \"c\" $HOME \\n'"), ElementsAre("sh", "-c", "a | b; \"c\" $HOME \\n"));
}

TEST(CommandTemplate, DoubleQuotesHonourOnlyTheirBackslashEscapes) {
  EXPECT_THAT(argv(R"(echo "a \"b\" \\ \$ \x")"), ElementsAre("echo", R"(a "b" \ $ \x)"));
}

TEST(CommandTemplate, AdjacentQuotedPartsMakeOneWord) {
  EXPECT_THAT(argv(R"(x 'a b'"c d"e\ f)"), ElementsAre("x", "a bc de f"));
}

TEST(CommandTemplate, EmptyQuotesAreAnEmptyArgument) { EXPECT_THAT(argv("x '' \"\""), ElementsAre("x", "", "")); }

TEST(CommandTemplate, PlaceholdersAreReplacedInsideWords) {
  EXPECT_THAT(argv("curl imaps://{host}:{imaps_port}/INBOX", {{"host", "127.0.0.1"}, {"imaps_port", "993"}}),
              ElementsAre("curl", "imaps://127.0.0.1:993/INBOX"));
}

TEST(CommandTemplate, AValueWithSpacesAndQuotesStaysOneArgumentAndIsNotReparsed) {
  EXPECT_THAT(argv("login {password} done", {{"password", "p w 'x' \"y\" $(rm) {host}"}}),
              ElementsAre("login", "p w 'x' \"y\" $(rm) {host}", "done"));
}

TEST(CommandTemplate, PlaceholdersWorkInsideQuotes) {
  EXPECT_THAT(argv("x 'a {v} b' \"{v}\"", {{"v", "1"}}), ElementsAre("x", "a 1 b", "1"));
}

TEST(CommandTemplate, FixturePlaceholdersMayHaveAColon) {
  EXPECT_THAT(argv("cat {fixture:m.eml}", {{"fixture:m.eml", "/t/m.eml"}}), ElementsAre("cat", "/t/m.eml"));
}

TEST(CommandTemplate, DoubledBracesAreLiteral) {
  EXPECT_THAT(argv("python3 -c 'print({{1: 2}})'"), ElementsAre("python3", "-c", "print({1: 2})"));
}

TEST(CommandTemplate, AnUnknownPlaceholderIsAnErrorAtItsOffset) {
  const TemplateError error = error_of("curl {hots}:1", {{"host", "x"}});
  EXPECT_EQ(error.offset, 5u);
  EXPECT_THAT(error.message, HasSubstr("unknown placeholder {hots}"));
}

TEST(CommandTemplate, AnUnclosedSingleQuoteIsAnErrorAtTheQuote) {
  const TemplateError error = error_of("echo 'abc");
  EXPECT_EQ(error.offset, 5u);
  EXPECT_THAT(error.message, HasSubstr("single quote"));
}

TEST(CommandTemplate, AnUnclosedDoubleQuoteIsAnError) { EXPECT_EQ(error_of("echo x \"abc").offset, 7u); }

TEST(CommandTemplate, AnUnclosedBraceIsAnError) {
  const TemplateError error = error_of("echo {host");
  EXPECT_EQ(error.offset, 5u);
  EXPECT_THAT(error.message, HasSubstr("{{"));
}

TEST(CommandTemplate, ALoneClosingBraceIsAnError) { EXPECT_EQ(error_of("echo a}b").offset, 6u); }

TEST(CommandTemplate, ShellSyntaxOutsideQuotesAsksForAShell) {
  for (const char* command : {"a | b", "a; b", "a && b", "a > f", "a < f", "echo $HOME", "echo `id`"}) {
    const TemplateError error = error_of(command);
    EXPECT_THAT(error.message, HasSubstr("sh -c")) << command;
  }
}

TEST(CommandTemplate, DollarInsideDoubleQuotesIsAnError) {
  EXPECT_THAT(error_of("echo \"$HOME\"").message, HasSubstr("escape it"));
}

TEST(CommandTemplate, ATrailingBackslashIsAnError) { EXPECT_EQ(error_of("echo a\\").offset, 6u); }

TEST(CommandTemplate, AnEmptyCommandIsAnError) { EXPECT_THAT(error_of("   ").message, HasSubstr("empty")); }

TEST(CommandTemplate, CheckAcceptsKnownNamesAndRefusesOthers) {
  EXPECT_TRUE(check_command("curl {host}:{smtp_port}", {"host", "smtp_port"}).ok());
  auto checked = check_command("curl {host}:{smtp_prot}", {"host", "smtp_port"});
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().offset, 12u);
}

}  // namespace
}  // namespace conformance::process
