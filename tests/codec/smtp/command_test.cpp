#include "harness/codec/smtp/command.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::smtp {
namespace {

CommandOptions lenient() {
  CommandOptions options;
  options.lenient = true;
  return options;
}

ParsedCommand parsed(std::string_view line, const CommandOptions& options = {}) {
  auto result = parse_command_line(line, options);
  EXPECT_TRUE(result.ok()) << line << ": " << (result.ok() ? "" : result.error().message());
  return result.ok() ? *result : ParsedCommand{Quit{}, {}};
}

Command command_of(std::string_view line, const CommandOptions& options = {}) { return parsed(line, options).command; }

ParseError failure(std::string_view line, const CommandOptions& options = {}) {
  auto result = parse_command_line(line, options);
  EXPECT_FALSE(result.ok()) << line;
  return result.ok() ? ParseError{} : result.error();
}

TEST(SmtpCommand, ParsesHeloWithDomain) {
  EXPECT_EQ(command_of("HELO USC-ISIF.ARPA"), Command{Helo{Host::domain_name("USC-ISIF.ARPA")}});
}

TEST(SmtpCommand, ParsesEhloWithDomainOrAddressLiteral) {
  EXPECT_EQ(command_of("EHLO bar.com"), Command{Ehlo{Host::domain_name("bar.com")}});
  EXPECT_EQ(command_of("EHLO [192.0.2.1]"), Command{Ehlo{Host::ipv4_literal("192.0.2.1")}});
  EXPECT_EQ(command_of("EHLO [IPv6:2001:db8::1]"), Command{Ehlo{Host::ipv6_literal("2001:db8::1")}});
}

TEST(SmtpCommand, HeloWithAddressLiteralIsToleratedOnlyInLenientMode) {
  // RFC 5321 §4.1.1.1: helo = "HELO" SP Domain; only EHLO takes a literal.
  EXPECT_EQ(failure("HELO [192.0.2.1]").offset, 5u);
  ParsedCommand command = parsed("HELO [192.0.2.1]", lenient());
  EXPECT_EQ(command.command, Command{Helo{Host::ipv4_literal("192.0.2.1")}});
  EXPECT_EQ(command.tolerated, (std::vector<Tolerated>{{Tolerance::helo_address_literal, 5}}));
}

TEST(SmtpCommand, RejectsEhloWithoutArgumentOrWithTrailingText) {
  ParseError missing = failure("EHLO");
  EXPECT_EQ(missing.offset, 4u);
  EXPECT_EQ(missing.expected, "SP and a domain or address literal after EHLO");
  ParseError trailing = failure("EHLO bar.com (my laptop)");
  EXPECT_EQ(trailing.offset, 12u);
  EXPECT_EQ(trailing.expected, "end of the domain");
}

TEST(SmtpCommand, VerbsAndKeywordsAreCaseInsensitive) {
  EXPECT_EQ(command_of("mail from:<a@b.example>"),
            (Command{MailFrom{Path::mailbox("a", Host::domain_name("b.example")), {}}}));
  EXPECT_EQ(command_of("Rcpt To:<a@b.example>"), (Command{RcptTo{Path::mailbox("a", Host::domain_name("b.example")), {}}}));
  EXPECT_EQ(command_of("qUiT"), Command{Quit{}});
}

TEST(SmtpCommand, ParsesMailWithNullReversePath) {
  const Command command = command_of("MAIL FROM:<>");
  ASSERT_TRUE(std::holds_alternative<MailFrom>(command));
  EXPECT_TRUE(std::get<MailFrom>(command).reverse_path.is_null());
}

TEST(SmtpCommand, ParsesMailWithSizeParameter) {
  // RFC 1870 §6 example
  const Command command = command_of("MAIL FROM:<ned@thor.innosoft.com> SIZE=500000");
  const auto& mail = std::get<MailFrom>(command);
  EXPECT_EQ(mail.reverse_path.address(), "ned@thor.innosoft.com");
  EXPECT_EQ(mail.parameters.size, 500000u);
}

TEST(SmtpCommand, ParsesMailWithEveryKnownParameter) {
  const Command command =
      command_of("MAIL FROM:<a@b.example> SIZE=1 BODY=BINARYMIME SMTPUTF8 RET=HDRS ENVID=QQ314159 AUTH=<> REQUIRETLS X=1");
  MailParameters expected;
  expected.size = 1;
  expected.body = BodyType::binary_mime;
  expected.smtputf8 = true;
  expected.ret = DsnReturn::headers;
  expected.envid = "QQ314159";
  expected.auth = "<>";
  expected.requiretls = true;
  expected.others = {{"X", "1"}};
  EXPECT_EQ(std::get<MailFrom>(command).parameters, expected);
}

TEST(SmtpCommand, StrictModeRejectsSpaceBeforeThePath) {
  ParseError error = failure("MAIL FROM: <a@b.example>");
  EXPECT_EQ(error.offset, 10u);
  EXPECT_EQ(error.expected, "'<' right after \"FROM:\" (no SP before the path)");
}

TEST(SmtpCommand, LenientModeAcceptsSpaceBeforeThePathAndReportsIt) {
  ParsedCommand command = parsed("MAIL FROM: <a@b.example>", lenient());
  EXPECT_EQ(std::get<MailFrom>(command.command).reverse_path.address(), "a@b.example");
  EXPECT_EQ(command.tolerated, (std::vector<Tolerated>{{Tolerance::space_before_path, 10}}));
  ParsedCommand rcpt = parsed("RCPT TO:  <a@b.example>", lenient());
  EXPECT_EQ(rcpt.tolerated, (std::vector<Tolerated>{{Tolerance::space_before_path, 8}}));
}

TEST(SmtpCommand, MissingAngleBracketsAreToleratedOnlyInLenientMode) {
  ParseError error = failure("MAIL FROM:a@b.example");
  EXPECT_EQ(error.offset, 10u);
  EXPECT_EQ(error.expected, "'<' starting the path");
  ParsedCommand command = parsed("MAIL FROM:a@b.example SIZE=5", lenient());
  const auto& mail = std::get<MailFrom>(command.command);
  EXPECT_EQ(mail.reverse_path.address(), "a@b.example");
  EXPECT_EQ(mail.parameters.size, 5u);
  EXPECT_EQ(command.tolerated, (std::vector<Tolerated>{{Tolerance::missing_angle_brackets, 10}}));
}

TEST(SmtpCommand, RejectsMisspelledFromKeyword) {
  ParseError error = failure("MAIL FRM:<>");
  EXPECT_EQ(error.offset, 5u);
  EXPECT_EQ(error.expected, "\"FROM:\" after \"MAIL \"");
  ParseError no_colon = failure("MAIL FROM <>");
  EXPECT_EQ(no_colon.offset, 9u);
  EXPECT_EQ(no_colon.expected, "':' after FROM");
  EXPECT_EQ(failure("RCPT TO <a@b.example>").expected, "':' after TO");
  ParseError bare = failure("MAIL");
  EXPECT_EQ(bare.offset, 4u);
  EXPECT_EQ(bare.expected, "SP and \"FROM:\" after MAIL");
}

TEST(SmtpCommand, RejectsJunkAfterThePath) {
  ParseError error = failure("MAIL FROM:<a@b.example>x");
  EXPECT_EQ(error.offset, 23u);
  EXPECT_EQ(error.expected, "SP before parameters, or end of line after the path");
}

TEST(SmtpCommand, ReportsParameterErrorsAtTheirLineOffset) {
  ParseError error = failure("MAIL FROM:<> BODY=9BIT");
  EXPECT_EQ(error.offset, 18u);
  EXPECT_EQ(error.expected, "BODY=7BIT, 8BITMIME or BINARYMIME");
  EXPECT_EQ(failure("MAIL FROM:<> SIZE=1  BODY=7BIT").offset, 20u);
}

TEST(SmtpCommand, LenientModeToleratesRepeatedSpacesBetweenParameters) {
  ParsedCommand command = parsed("MAIL FROM:<> SIZE=1  BODY=7BIT", lenient());
  EXPECT_EQ(std::get<MailFrom>(command.command).parameters.body, BodyType::seven_bit);
  EXPECT_EQ(command.tolerated, (std::vector<Tolerated>{{Tolerance::repeated_spaces, 20}}));
}

TEST(SmtpCommand, ParsesRcptWithDsnParameters) {
  // RFC 3461 example
  const Command command = command_of("RCPT TO:<Dana@Ivory.edu> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;Dana@Ivory.edu");
  const auto& rcpt = std::get<RcptTo>(command);
  EXPECT_EQ(rcpt.forward_path.address(), "Dana@Ivory.edu");
  EXPECT_EQ(rcpt.parameters.notify, (DsnNotify{false, true, true, false}));
  EXPECT_EQ(rcpt.parameters.orcpt, (OriginalRecipient{"rfc822", "Dana@Ivory.edu"}));
}

TEST(SmtpCommand, ParsesRcptToPostmaster) {
  const Command command = command_of("RCPT TO:<Postmaster>");
  EXPECT_TRUE(std::get<RcptTo>(command).forward_path.is_postmaster());
}

TEST(SmtpCommand, RejectsRcptToNullPath) {
  ParseError error = failure("RCPT TO:<>");
  EXPECT_EQ(error.offset, 9u);
}

TEST(SmtpCommand, ParsesCommandsWithoutArguments) {
  EXPECT_EQ(command_of("DATA"), Command{Data{}});
  EXPECT_EQ(command_of("RSET"), Command{Rset{}});
  EXPECT_EQ(command_of("QUIT"), Command{Quit{}});
  EXPECT_EQ(command_of("STARTTLS"), Command{StartTls{}});
}

TEST(SmtpCommand, RejectsArgumentsWhereNoneAreAllowed) {
  ParseError error = failure("DATA now");
  EXPECT_EQ(error.offset, 4u);
  EXPECT_EQ(error.expected, "end of line after DATA");
  EXPECT_EQ(failure("QUIT ").offset, 4u);
}

TEST(SmtpCommand, LenientModeStripsTrailingWhitespaceAndReportsIt) {
  ParsedCommand command = parsed("QUIT \t ", lenient());
  EXPECT_EQ(command.command, Command{Quit{}});
  EXPECT_EQ(command.tolerated, (std::vector<Tolerated>{{Tolerance::trailing_whitespace, 4}}));
}

TEST(SmtpCommand, ParsesBdat) {
  // RFC 3030 §3
  EXPECT_EQ(command_of("BDAT 86 LAST"), (Command{Bdat{86, true}}));
  EXPECT_EQ(command_of("BDAT 100000"), (Command{Bdat{100000, false}}));
  EXPECT_EQ(command_of("bdat 0 last"), (Command{Bdat{0, true}}));
}

TEST(SmtpCommand, RejectsMalformedBdat) {
  EXPECT_EQ(failure("BDAT").expected, "SP and a chunk size after BDAT");
  EXPECT_EQ(failure("BDAT x").offset, 5u);
  ParseError marker = failure("BDAT 5 FIRST");
  EXPECT_EQ(marker.offset, 7u);
  EXPECT_EQ(marker.expected, "\"LAST\" (RFC 3030 §3 end-marker)");
  EXPECT_EQ(failure("BDAT 99999999999999999999").expected, "chunk size that fits in 64 bits");
  EXPECT_EQ(failure("BDAT 5x").offset, 6u);
}

TEST(SmtpCommand, ParsesVrfyAndExpnArgumentsAsWritten) {
  // RFC 5321 Appendix D.4 and §3.5
  EXPECT_EQ(command_of("VRFY Crispin"), Command{Vrfy{"Crispin"}});
  EXPECT_EQ(command_of("VRFY <Admin.MRC@foo.com>"), Command{Vrfy{"<Admin.MRC@foo.com>"}});
  EXPECT_EQ(command_of("EXPN Example-People"), Command{Expn{"Example-People"}});
  EXPECT_EQ(failure("VRFY").expected, "SP and an argument after VRFY");
}

TEST(SmtpCommand, ParsesHelpAndNoopWithOptionalArgument) {
  EXPECT_EQ(command_of("HELP"), Command{Help{std::nullopt}});
  EXPECT_EQ(command_of("HELP MAIL"), Command{Help{"MAIL"}});
  EXPECT_EQ(command_of("NOOP"), Command{Noop{std::nullopt}});
  EXPECT_EQ(command_of("NOOP keepalive"), Command{Noop{"keepalive"}});
}

TEST(SmtpCommand, ParsesAuthWithInitialResponse) {
  // RFC 4954 §4; the PLAIN response "\0user\0pass".
  EXPECT_EQ(command_of("AUTH PLAIN AHVzZXIAcGFzcw=="), (Command{Auth{"PLAIN", std::string("\0user\0pass", 10)}}));
  EXPECT_EQ(command_of("AUTH LOGIN"), (Command{Auth{"LOGIN", std::nullopt}}));
}

TEST(SmtpCommand, EqualsSignIsAnEmptyInitialResponse) {
  // RFC 4954 §4: "=" stands for a zero-length initial response.
  EXPECT_EQ(command_of("AUTH EXTERNAL ="), (Command{Auth{"EXTERNAL", std::string()}}));
  EXPECT_EQ(serialize_command(Auth{"EXTERNAL", std::string()}), "AUTH EXTERNAL =\r\n");
}

TEST(SmtpCommand, RejectsMalformedAuth) {
  EXPECT_EQ(failure("AUTH PLAIN AH!z").offset, 13u);
  EXPECT_EQ(failure("AUTH PLAIN abc").offset, 14u);
  EXPECT_EQ(failure("AUTH").offset, 4u);
  EXPECT_EQ(failure("AUTH ABCDEFGHIJKLMNOPQRSTU").expected, "SASL mechanism name of at most 20 characters");
  EXPECT_EQ(failure("AUTH PLAIN a b").offset, 12u);
}

TEST(SmtpCommand, LowerCaseMechanismIsToleratedOnlyInLenientMode) {
  ParseError error = failure("AUTH plain");
  EXPECT_EQ(error.offset, 5u);
  ParsedCommand command = parsed("AUTH plain", lenient());
  EXPECT_EQ(command.command, (Command{Auth{"plain", std::nullopt}}));
  EXPECT_EQ(command.tolerated, (std::vector<Tolerated>{{Tolerance::lowercase_mechanism, 5}}));
}

TEST(SmtpCommand, KeepsUnknownCommands) {
  // RFC 5321 §4.1.1 commands that have since gone, and extensions.
  EXPECT_EQ(command_of("SEND FROM:<EAK@bar.com>"), (Command{UnknownCommand{"SEND", "FROM:<EAK@bar.com>"}}));
  EXPECT_EQ(command_of("ETRN example.com"), (Command{UnknownCommand{"ETRN", "example.com"}}));
  EXPECT_EQ(command_of("XCLIENT"), (Command{UnknownCommand{"XCLIENT", std::nullopt}}));
  EXPECT_EQ(verb_of(command_of("etrn x")), "etrn");
}

TEST(SmtpCommand, RejectsLinesThatDoNotStartWithAVerb) {
  EXPECT_EQ(failure("").offset, 0u);
  EXPECT_EQ(failure("1MAIL").expected, "command verb");
  ParseError error = failure("MAIL:FROM");
  EXPECT_EQ(error.offset, 4u);
  EXPECT_EQ(error.expected, "SP or end of line after the verb");
}

TEST(SmtpCommand, RejectsCrInsideTheLine) {
  ParseError error = failure("NOOP a\rb");
  EXPECT_EQ(error.offset, 6u);
}

TEST(SmtpCommand, ParseNeedsMoreUntilCrlf) {
  EXPECT_TRUE(parse_command("MAIL FROM:<>").needs_more());
  EXPECT_TRUE(parse_command("MAIL FROM:<>\r").needs_more());
  auto step = parse_command("MAIL FROM:<>\r\n");
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.consumed(), 14u);
}

TEST(SmtpCommand, ParsesPipelinedCommandsOneAfterAnother) {
  // RFC 2920 §3.1
  const std::string buffer = "MAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n";
  std::vector<std::string_view> verbs;
  std::size_t at = 0;
  while (at < buffer.size()) {
    auto step = parse_command(std::string_view(buffer).substr(at));
    ASSERT_TRUE(step.complete());
    verbs.push_back(verb_of(step.value().command));
    at += step.consumed();
  }
  EXPECT_EQ(verbs, (std::vector<std::string_view>{"MAIL", "RCPT", "DATA"}));
}

TEST(SmtpCommand, LineCapCountsTheCrlf) {
  // RFC 5321 §4.5.3.1.4: 512 octets with CRLF.
  const std::string exactly = "NOOP " + std::string(505, 'x') + "\r\n";
  ASSERT_EQ(exactly.size(), 512u);
  EXPECT_TRUE(parse_command(exactly).complete());
  const std::string over = "NOOP " + std::string(506, 'x') + "\r\n";
  auto step = parse_command(over);
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 0u);
  EXPECT_EQ(step.error().expected, "command line of at most 512 octets including CRLF");
}

TEST(SmtpCommand, EndlessLineFailsOnceOverTheCap) {
  EXPECT_TRUE(parse_command(std::string(511, 'x')).needs_more());
  EXPECT_TRUE(parse_command(std::string(600, 'x')).failed());
  CommandOptions options;
  options.max_line_length = 2048;
  EXPECT_TRUE(parse_command(std::string(600, 'x'), options).needs_more());
}

TEST(SmtpCommand, RejectsBareLfByDefault) {
  auto step = parse_command("QUIT\n");
  ASSERT_TRUE(step.failed());
  EXPECT_EQ(step.error().offset, 4u);
  EXPECT_EQ(step.error().expected, "CRLF (a bare LF ends this line)");
}

TEST(SmtpCommand, AcceptsBareLfWhenAskedAndReportsIt) {
  CommandOptions options;
  options.ending = LineEnding::crlf_or_bare_lf;
  auto step = parse_command("QUIT\nNOOP\r\n", options);
  ASSERT_TRUE(step.complete());
  EXPECT_EQ(step.consumed(), 5u);
  EXPECT_EQ(step.value().tolerated, (std::vector<Tolerated>{{Tolerance::bare_lf, 4}}));
}

TEST(SmtpCommand, RejectsUtf8AddressesWithoutSmtputf8) {
  ParseError error = failure("RCPT TO:<j\xC3\xB6rg@example.com>");
  EXPECT_EQ(error.offset, 10u);
  EXPECT_EQ(error.expected, "ASCII (UTF-8 here needs SMTPUTF8, RFC 6531 §3.3)");
  EXPECT_EQ(failure("MAIL FROM:<j\xC3\xB6rg@example.com>").offset, 12u);
}

TEST(SmtpCommand, MailWithSmtputf8ParameterAllowsUtf8) {
  // RFC 6531 §3.4
  const Command command = command_of("MAIL FROM:<j\xC3\xB6rg@b\xC3\xBC" "cher.example> SMTPUTF8");
  const auto& mail = std::get<MailFrom>(command);
  EXPECT_TRUE(mail.parameters.smtputf8);
  EXPECT_EQ(mail.reverse_path.local_part, "j\xC3\xB6rg");
}

TEST(SmtpCommand, RcptAllowsUtf8InAnSmtputf8Transaction) {
  CommandOptions options;
  options.smtputf8 = true;
  const Command command = command_of("RCPT TO:<j\xC3\xB6rg@example.com>", options);
  EXPECT_EQ(std::get<RcptTo>(command).forward_path.local_part, "j\xC3\xB6rg");
}

TEST(SmtpCommand, SerializesEachCommand) {
  EXPECT_EQ(serialize_command(Helo{Host::domain_name("a.example")}), "HELO a.example\r\n");
  EXPECT_EQ(serialize_command(Ehlo{Host::ipv6_literal("::1")}), "EHLO [IPv6:::1]\r\n");
  MailFrom mail{Path::null(), {}};
  mail.parameters.body = BodyType::eight_bit_mime;
  EXPECT_EQ(serialize_command(mail), "MAIL FROM:<> BODY=8BITMIME\r\n");
  EXPECT_EQ(serialize_command(RcptTo{Path::postmaster(), {}}), "RCPT TO:<Postmaster>\r\n");
  EXPECT_EQ(serialize_command(Data{}), "DATA\r\n");
  EXPECT_EQ(serialize_command(Bdat{86, true}), "BDAT 86 LAST\r\n");
  EXPECT_EQ(serialize_command(Bdat{10, false}), "BDAT 10\r\n");
  EXPECT_EQ(serialize_command(Rset{}), "RSET\r\n");
  EXPECT_EQ(serialize_command(Vrfy{"Crispin"}), "VRFY Crispin\r\n");
  EXPECT_EQ(serialize_command(Expn{"list"}), "EXPN list\r\n");
  EXPECT_EQ(serialize_command(Help{std::nullopt}), "HELP\r\n");
  EXPECT_EQ(serialize_command(Noop{"x"}), "NOOP x\r\n");
  EXPECT_EQ(serialize_command(Quit{}), "QUIT\r\n");
  EXPECT_EQ(serialize_command(StartTls{}), "STARTTLS\r\n");
  EXPECT_EQ(serialize_command(Auth{"PLAIN", std::string("\0u\0p", 4)}), "AUTH PLAIN AHUAcA==\r\n");
  EXPECT_EQ(serialize_command(UnknownCommand{"XCLIENT", "ADDR=192.0.2.1"}), "XCLIENT ADDR=192.0.2.1\r\n");
}

TEST(SmtpCommand, RoundTripsThroughBytes) {
  MailFrom mail{Path{{"relay.example"}, "\"a b\"", Host::domain_name("c.example")}, {}};
  mail.parameters.size = 1234;
  mail.parameters.envid = "x=y";
  mail.parameters.others = {{"MT-PRIORITY", "3"}};
  RcptTo rcpt{Path::mailbox("d", Host::ipv4_literal("192.0.2.1")), {}};
  rcpt.parameters.notify = DsnNotify{true, false, false, false};
  rcpt.parameters.orcpt = OriginalRecipient{"rfc822", "d+1@example.com"};
  const std::vector<Command> commands = {
      Helo{Host::domain_name("h.example")}, Ehlo{Host{Host::Kind::general, "stuff", "x-tag"}}, mail, rcpt,
      Data{}, Bdat{0, true}, Rset{}, Vrfy{"<a@b>"}, Expn{"x"}, Help{"DATA"}, Noop{std::nullopt}, Quit{}, StartTls{},
      Auth{"SCRAM-SHA-256", std::string("n,,n=user,r=abc")}, Auth{"PLAIN", std::string()},
      UnknownCommand{"ETRN", "@example.com"}};
  for (const Command& command : commands) {
    const std::string bytes = serialize_command(command);
    auto step = parse_command(bytes);
    ASSERT_TRUE(step.complete()) << bytes << (step.failed() ? step.error().message() : "");
    EXPECT_EQ(step.value().command, command) << bytes;
    EXPECT_EQ(step.consumed(), bytes.size());
    EXPECT_TRUE(step.value().tolerated.empty());
  }
}

}  // namespace
}  // namespace conformance::codec::smtp
