#include "harness/codec/pop3/command.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::pop3 {
namespace {

Command parse_ok(std::string_view line, const CommandLimits& limits = {}) {
  auto command = parse_command(line, limits);
  if (!command.ok()) {
    ADD_FAILURE() << line << ": " << command.error().message();
    return cmd::Noop{};
  }
  return *command;
}

ParseError parse_error(std::string_view line, const CommandLimits& limits = {}) {
  auto command = parse_command(line, limits);
  if (command.ok()) {
    ADD_FAILURE() << line << " parsed";
    return {};
  }
  return command.error();
}

TEST(Pop3Command, ParsesCommandsWithoutArguments) {
  EXPECT_EQ(parse_ok("STAT"), Command{cmd::Stat{}});
  EXPECT_EQ(parse_ok("NOOP"), Command{cmd::Noop{}});
  EXPECT_EQ(parse_ok("RSET"), Command{cmd::Rset{}});
  EXPECT_EQ(parse_ok("QUIT"), Command{cmd::Quit{}});
  EXPECT_EQ(parse_ok("CAPA"), Command{cmd::Capa{}});
  EXPECT_EQ(parse_ok("STLS"), Command{cmd::Stls{}});
  EXPECT_EQ(parse_ok("UTF8"), Command{cmd::Utf8{}});
}

TEST(Pop3Command, KeywordsAreCaseInsensitive) {
  EXPECT_EQ(parse_ok("stat"), Command{cmd::Stat{}});
  EXPECT_EQ(parse_ok("ReTr 1"), Command{cmd::Retr{1}});
}

TEST(Pop3Command, ParsesUserAndApop) {
  EXPECT_EQ(parse_ok("USER mrose"), Command{cmd::User{"mrose"}});
  EXPECT_EQ(parse_ok("APOP mrose c4c9334bac560ecc979e58001b3e22fb"),
            Command{(cmd::Apop{"mrose", "c4c9334bac560ecc979e58001b3e22fb"})});
}

TEST(Pop3Command, KeepsSpacesInsidePassword) {
  // "a POP3 server may treat spaces in the argument as part of the password" (RFC 1939 §7).
  EXPECT_EQ(parse_ok("PASS correct horse  battery "), Command{cmd::Pass{"correct horse  battery "}});
}

TEST(Pop3Command, RejectsEmptyPassword) {
  EXPECT_EQ(parse_error("PASS").offset, 4u);
  EXPECT_EQ(parse_error("PASS ").offset, 5u);
}

TEST(Pop3Command, ParsesOptionalMessageNumbers) {
  EXPECT_EQ(parse_ok("LIST"), Command{cmd::List{}});
  EXPECT_EQ(parse_ok("LIST 2"), Command{cmd::List{2}});
  EXPECT_EQ(parse_ok("UIDL"), Command{cmd::Uidl{}});
  EXPECT_EQ(parse_ok("UIDL 3"), Command{cmd::Uidl{3}});
}

TEST(Pop3Command, ParsesRequiredMessageNumbers) {
  EXPECT_EQ(parse_ok("RETR 1"), Command{cmd::Retr{1}});
  EXPECT_EQ(parse_ok("DELE 2"), Command{cmd::Dele{2}});
  EXPECT_EQ(parse_ok("TOP 1 10"), Command{(cmd::Top{1, 10})});
  EXPECT_EQ(parse_ok("TOP 100 0"), Command{(cmd::Top{100, 0})});
}

TEST(Pop3Command, RejectsNonNumericMessageNumber) {
  auto error = parse_error("RETR one");
  EXPECT_EQ(error.offset, 5u);
  EXPECT_EQ(error.expected, "message number (decimal digits)");
  EXPECT_EQ(parse_error("DELE 1a").offset, 6u);
  EXPECT_EQ(parse_error("RETR -1").offset, 5u);
}

TEST(Pop3Command, RejectsMessageNumberZero) {
  auto error = parse_error("RETR 0");
  EXPECT_EQ(error.offset, 5u);
  EXPECT_EQ(error.expected, "message number of at least 1");
}

TEST(Pop3Command, AcceptsTopWithZeroLinesButRejectsNegative) { EXPECT_EQ(parse_error("TOP 1 -1").offset, 6u); }

TEST(Pop3Command, RejectsMessageNumberOverflow) {
  auto error = parse_error("RETR 18446744073709551616");
  EXPECT_EQ(error.offset, 5u);
  EXPECT_EQ(error.expected, "message number below 2^64");
}

TEST(Pop3Command, RejectsMissingArgument) {
  auto error = parse_error("RETR");
  EXPECT_EQ(error.offset, 4u);
  EXPECT_EQ(error.expected, "SP and message number");
  EXPECT_EQ(parse_error("TOP 1").offset, 5u);
  EXPECT_EQ(parse_error("USER").offset, 4u);
}

TEST(Pop3Command, RejectsExtraArgument) {
  auto error = parse_error("STAT 1");
  EXPECT_EQ(error.offset, 4u);
  EXPECT_EQ(error.expected, "end of line");
  EXPECT_EQ(parse_error("RETR 1 2").offset, 6u);
  EXPECT_EQ(parse_error("USER john smith").offset, 9u);
}

TEST(Pop3Command, RejectsDoubleSpaceAndTrailingSpace) {
  EXPECT_EQ(parse_error("RETR  1").offset, 5u);
  EXPECT_EQ(parse_error("STAT ").offset, 5u);
}

TEST(Pop3Command, RejectsKeywordOfWrongLength) {
  auto long_keyword = parse_error("RETRIEVE 1");
  EXPECT_EQ(long_keyword.offset, 4u);
  EXPECT_EQ(parse_error("RE 1").offset, 2u);
  EXPECT_EQ(parse_error("").offset, 0u);
}

TEST(Pop3Command, RejectsControlCharacters) {
  EXPECT_EQ(parse_error("STAT\t").offset, 4u);
  EXPECT_EQ(parse_error("USER a\tb").offset, 6u);
  EXPECT_EQ(parse_error(std::string_view("PASS a\0b", 8)).offset, 6u);
}

TEST(Pop3Command, AcceptsUtf8Arguments) {
  // RFC 6856 §2.2: UTF-8 user names once the server announces "UTF8 USER".
  EXPECT_EQ(parse_ok("USER j\xc3\xb8rgen"), Command{cmd::User{"j\xc3\xb8rgen"}});
}

TEST(Pop3Command, CapsArgumentsAtFortyCharacters) {
  const std::string name(40, 'n');
  EXPECT_EQ(parse_ok("USER " + name), Command{cmd::User{name}});
  auto error = parse_error("USER " + name + "x");
  EXPECT_EQ(error.offset, 45u);
  EXPECT_EQ(error.expected, "end of an argument of at most 40 characters");
  EXPECT_EQ(parse_error("PASS " + std::string(41, 'p')).offset, 45u);
}

TEST(Pop3Command, ArgumentCapIsConfigurable) {
  CommandLimits limits;
  limits.max_argument_length = 100;
  const std::string name(60, 'n');
  EXPECT_EQ(parse_ok("USER " + name, limits), Command{cmd::User{name}});
}

TEST(Pop3Command, RejectsApopDigestThatIsNotLowercaseHex) {
  auto upper = parse_error("APOP mrose C4C9334BAC560ECC979E58001B3E22FB");
  EXPECT_EQ(upper.offset, 11u);
  EXPECT_EQ(upper.expected, "lowercase hex digit of the APOP digest");
  auto short_digest = parse_error("APOP mrose c4c9334b");
  EXPECT_EQ(short_digest.offset, 19u);
  EXPECT_EQ(parse_error("APOP mrose").offset, 10u);
}

TEST(Pop3Command, ParsesAuthForms) {
  // RFC 5034 §6 examples.
  EXPECT_EQ(parse_ok("AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q="),
            Command{(cmd::Auth{"PLAIN", std::string("test\0test\0test", 14)})});
  EXPECT_EQ(parse_ok("AUTH PLAIN"), Command{(cmd::Auth{"PLAIN", std::nullopt})});
  EXPECT_EQ(parse_ok("AUTH DIGEST-MD5"), Command{(cmd::Auth{"DIGEST-MD5", std::nullopt})});
  EXPECT_EQ(parse_ok("AUTH"), Command{cmd::Auth{}});
}

TEST(Pop3Command, ReadsEqualsSignAsEmptyInitialResponse) {
  // "If the client needs to send a zero-length initial response, it MUST
  // transmit the response as a single equals sign" (RFC 5034 §4).
  EXPECT_EQ(parse_ok("AUTH EXTERNAL ="), Command{(cmd::Auth{"EXTERNAL", std::string()})});
}

TEST(Pop3Command, RejectsInitialResponseThatIsNotBase64) {
  auto error = parse_error("AUTH PLAIN =AAA");
  EXPECT_EQ(error.offset, 11u);
  EXPECT_EQ(parse_error("AUTH PLAIN AAA=BBBB").offset, 14u);
}

TEST(Pop3Command, InitialResponseIsBoundOnlyByTheLine) {
  const std::string base64(200, 'A');
  auto command = parse_ok("AUTH PLAIN " + base64);
  EXPECT_EQ(std::get<cmd::Auth>(command).initial_response->size(), 150u);
}

TEST(Pop3Command, RejectsBadMechanismName) {
  EXPECT_EQ(parse_error("AUTH PL@IN").offset, 7u);
  EXPECT_EQ(parse_error("AUTH " + std::string(21, 'A')).offset, 25u);
}

TEST(Pop3Command, ParsesLang) {
  // RFC 6856 §3.3 examples.
  EXPECT_EQ(parse_ok("LANG"), Command{cmd::Lang{}});
  EXPECT_EQ(parse_ok("LANG es"), Command{cmd::Lang{"es"}});
  EXPECT_EQ(parse_ok("LANG *"), Command{cmd::Lang{"*"}});
  EXPECT_EQ(parse_ok("LANG en-boont"), Command{cmd::Lang{"en-boont"}});
  EXPECT_EQ(parse_ok("LANG MUL"), Command{cmd::Lang{"MUL"}});
}

TEST(Pop3Command, RejectsMalformedLanguageRange) {
  EXPECT_EQ(parse_error("LANG e_s").offset, 6u);
  EXPECT_EQ(parse_error("LANG en-").offset, 8u);
  EXPECT_EQ(parse_error("LANG 1en").offset, 5u);
}

TEST(Pop3Command, KeepsUnknownKeywordsAsOther) {
  EXPECT_EQ(parse_ok("XTND XMIT"), Command{(cmd::Other{"XTND", {"XMIT"}})});
  EXPECT_EQ(parse_ok("last"), Command{(cmd::Other{"last", {}})});
  EXPECT_EQ(verb_of(parse_ok("RPOP x")), Verb::other);
}

TEST(Pop3Command, NamesVerbsAndKeywords) {
  EXPECT_EQ(verb_of(Command{cmd::Top{1, 2}}), Verb::top);
  EXPECT_EQ(keyword(Verb::uidl), "UIDL");
  EXPECT_EQ(verb_from_keyword("apop"), Verb::apop);
  EXPECT_EQ(verb_from_keyword("XTND"), Verb::other);
}

TEST(Pop3Command, SerializesCommands) {
  EXPECT_EQ(serialize(Command{cmd::Retr{1}}), "RETR 1\r\n");
  EXPECT_EQ(serialize(Command{cmd::List{}}), "LIST\r\n");
  EXPECT_EQ(serialize(Command{cmd::Top{1, 10}}), "TOP 1 10\r\n");
  EXPECT_EQ(serialize(Command{cmd::Pass{"two words"}}), "PASS two words\r\n");
  EXPECT_EQ(serialize(Command{cmd::Auth{"PLAIN", std::string("test\0test\0test", 14)}}),
            "AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n");
  EXPECT_EQ(serialize(Command{cmd::Auth{"EXTERNAL", std::string()}}), "AUTH EXTERNAL =\r\n");
  EXPECT_EQ(serialize(Command{cmd::Other{"XTND", {"XMIT"}}}), "XTND XMIT\r\n");
}

TEST(Pop3Command, RoundTripsEveryCommand) {
  const std::vector<Command> commands = {
      cmd::User{"mrose"},
      cmd::Pass{"tan staaf"},
      cmd::Apop{"mrose", "c4c9334bac560ecc979e58001b3e22fb"},
      cmd::Auth{},
      cmd::Auth{"GSSAPI", std::nullopt},
      cmd::Auth{"PLAIN", std::string("\0u\0p", 4)},
      cmd::Auth{"EXTERNAL", std::string()},
      cmd::Stls{},
      cmd::Capa{},
      cmd::Utf8{},
      cmd::Lang{},
      cmd::Lang{"de"},
      cmd::Stat{},
      cmd::List{},
      cmd::List{7},
      cmd::Retr{1},
      cmd::Dele{99},
      cmd::Noop{},
      cmd::Rset{},
      cmd::Top{3, 0},
      cmd::Uidl{},
      cmd::Uidl{18446744073709551615u},
      cmd::Quit{},
      cmd::Other{"XTND", {"XMIT", "a"}},
  };
  for (const auto& command : commands) {
    const std::string wire = serialize(command);
    auto step = decode_command(wire);
    ASSERT_TRUE(step.complete()) << wire;
    EXPECT_EQ(step.value(), command) << wire;
    EXPECT_EQ(step.consumed(), wire.size());
  }
}

TEST(Pop3CommandDecoder, NeedsMoreUntilCrlf) {
  EXPECT_TRUE(decode_command("RETR 1").needs_more());
  EXPECT_TRUE(decode_command("RETR 1\r").needs_more());
  EXPECT_TRUE(decode_command("RETR 1\n").needs_more());
}

TEST(Pop3CommandDecoder, TakesOnePipelinedCommandAtATime) {
  auto step = decode_command("USER mrose\r\nPASS secret\r\n");
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.value(), Command{cmd::User{"mrose"}});
  EXPECT_EQ(step.consumed(), 12u);
}

TEST(Pop3CommandDecoder, AcceptsBareLfWhenConfigured) {
  CommandLimits limits;
  limits.ending = LineEnding::crlf_or_bare_lf;
  auto step = decode_command("NOOP\n", limits);
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.consumed(), 5u);
}

TEST(Pop3CommandDecoder, CapsCommandLineAt255Octets) {
  CommandLimits limits;
  limits.max_argument_length = 1000;
  const std::string fits = "USER " + std::string(248, 'u') + "\r\n";
  ASSERT_EQ(fits.size(), 255u);
  EXPECT_TRUE(decode_command(fits, limits).complete());
  auto step = decode_command("USER " + std::string(249, 'u') + "\r\n", limits);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 253u);
  EXPECT_TRUE(decode_command(std::string(300, 'x'), limits).failed());
}

TEST(Pop3CommandDecoder, ReportsSyntaxErrorOfCompleteLine) {
  auto step = decode_command("RETR x\r\n");
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 5u);
}

}  // namespace
}  // namespace conformance::codec::pop3
