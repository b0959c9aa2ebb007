// Whole sessions from the RFCs, replayed through the codec: the server's
// side as a stream of replies, the client's side as a stream of commands
// and mail data, each parsed the way a fake server or test client will.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "harness/codec/smtp/command.hpp"
#include "harness/codec/smtp/data.hpp"
#include "harness/codec/smtp/ehlo.hpp"
#include "harness/codec/smtp/reply.hpp"

namespace conformance::codec::smtp {
namespace {

struct ClientStep {
  Command command;
  std::string data;  // the decoded message, after DATA
};

// Replays "C:" lines (joined with CRLF) the way a server reads them.
std::vector<ClientStep> replay_client(std::string_view stream) {
  std::vector<ClientStep> steps;
  std::size_t at = 0;
  while (at < stream.size()) {
    auto command = parse_command(stream.substr(at));
    EXPECT_TRUE(command.complete()) << "at " << at << ": "
                                    << (command.failed() ? command.error().message() : "needs more");
    if (!command.complete()) break;
    at += command.consumed();
    ClientStep step{command.value().command, {}};
    if (std::holds_alternative<Data>(step.command)) {
      DataDecoder decoder;
      at += decoder.feed(stream.substr(at));
      EXPECT_TRUE(decoder.finished());
      EXPECT_TRUE(decoder.anomalies().empty());
      step.data = decoder.take_body();
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

// Replays "S:" lines the way a client reads them.
std::vector<Reply> replay_server(std::string_view stream) {
  std::vector<Reply> replies;
  std::size_t at = 0;
  while (at < stream.size()) {
    auto reply = parse_reply(stream.substr(at));
    EXPECT_TRUE(reply.complete()) << "at " << at;
    if (!reply.complete()) break;
    at += reply.consumed();
    replies.push_back(reply.value());
  }
  return replies;
}

std::vector<int> codes_of(const std::vector<Reply>& replies) {
  std::vector<int> codes;
  for (const Reply& reply : replies) codes.push_back(reply.code);
  return codes;
}

Path mailbox(std::string_view local, std::string_view domain) {
  return Path{{}, std::string(local), Host::domain_name(std::string(domain))};
}

constexpr std::string_view kFooEhlo =
    "250-foo.com greets bar.com\r\n250-8BITMIME\r\n250-SIZE\r\n250-DSN\r\n250 HELP\r\n";

TEST(SmtpTranscript, Rfc5321D1TypicalTransaction) {
  const std::vector<ClientStep> client = replay_client(
      "EHLO bar.com\r\n"
      "MAIL FROM:<Smith@bar.com>\r\n"
      "RCPT TO:<Jones@foo.com>\r\n"
      "RCPT TO:<Green@foo.com>\r\n"
      "RCPT TO:<Brown@foo.com>\r\n"
      "DATA\r\n"
      "Blah blah blah...\r\n"
      "...etc. etc. etc.\r\n"
      ".\r\n"
      "QUIT\r\n");
  ASSERT_EQ(client.size(), 7u);
  EXPECT_EQ(client[0].command, Command{Ehlo{Host::domain_name("bar.com")}});
  EXPECT_EQ(client[1].command, (Command{MailFrom{mailbox("Smith", "bar.com"), {}}}));
  EXPECT_EQ(client[2].command, (Command{RcptTo{mailbox("Jones", "foo.com"), {}}}));
  EXPECT_EQ(client[3].command, (Command{RcptTo{mailbox("Green", "foo.com"), {}}}));
  EXPECT_EQ(client[4].command, (Command{RcptTo{mailbox("Brown", "foo.com"), {}}}));
  EXPECT_EQ(client[5].command, Command{Data{}});
  EXPECT_EQ(client[5].data, "Blah blah blah...\r\n..etc. etc. etc.\r\n");
  EXPECT_EQ(client[6].command, Command{Quit{}});

  const std::vector<Reply> server = replay_server(
      "220 foo.com Simple Mail Transfer Service Ready\r\n" + std::string(kFooEhlo) +
      "250 OK\r\n250 OK\r\n550 No such user here\r\n250 OK\r\n"
      "354 Start mail input; end with <CRLF>.<CRLF>\r\n250 OK\r\n"
      "221 foo.com Service closing transmission channel\r\n");
  EXPECT_EQ(codes_of(server), (std::vector<int>{220, 250, 250, 250, 550, 250, 354, 250, 221}));
  auto ehlo = parse_ehlo_response(server[1]);
  ASSERT_TRUE(ehlo.ok());
  EXPECT_EQ(ehlo->domain, "foo.com");
  EXPECT_TRUE(ehlo->has("DSN"));
  EXPECT_EQ(ehlo->size_limit(), 0u);
  EXPECT_EQ(server[4].lines, std::vector<std::string>{"No such user here"});
}

TEST(SmtpTranscript, Rfc5321D2AbortedTransaction) {
  const std::vector<ClientStep> client = replay_client(
      "EHLO bar.com\r\nMAIL FROM:<Smith@bar.com>\r\nRCPT TO:<Jones@foo.com>\r\nRCPT TO:<Green@foo.com>\r\n"
      "RSET\r\nQUIT\r\n");
  ASSERT_EQ(client.size(), 6u);
  EXPECT_EQ(client[4].command, Command{Rset{}});
  const std::vector<Reply> server = replay_server(
      "220 foo.com Simple Mail Transfer Service Ready\r\n" + std::string(kFooEhlo) +
      "250 OK\r\n250 OK\r\n550 No such user here\r\n250 OK\r\n221 foo.com Service closing transmission channel\r\n");
  EXPECT_EQ(codes_of(server), (std::vector<int>{220, 250, 250, 250, 550, 250, 221}));
}

TEST(SmtpTranscript, Rfc5321D3RelayedMail) {
  const std::vector<ClientStep> step1 = replay_client(
      "EHLO bar.com\r\n"
      "MAIL FROM:<JQP@bar.com>\r\n"
      "RCPT TO:<Jones@XYZ.COM>\r\n"
      "DATA\r\n"
      "Date: Thu, 21 May 1998 05:33:29 -0700\r\n"
      "From: John Q. Public <JQP@bar.com>\r\n"
      "Subject: The Next Meeting of the Board\r\n"
      "To: Jones@xyz.com\r\n"
      "\r\n"
      "Bill:\r\n"
      "The next meeting of the board of directors will be\r\n"
      "on Tuesday.\r\n"
      "John.\r\n"
      ".\r\n"
      "QUIT\r\n");
  ASSERT_EQ(step1.size(), 5u);
  EXPECT_EQ(step1[2].command, (Command{RcptTo{mailbox("Jones", "XYZ.COM"), {}}}));
  EXPECT_EQ(step1[3].data.substr(0, 39), "Date: Thu, 21 May 1998 05:33:29 -0700\r\n");
  EXPECT_EQ(step1[3].data.size(), 215u);
  EXPECT_TRUE(step1[3].data.ends_with("on Tuesday.\r\nJohn.\r\n"));

  // Step 2: the relay's single-line EHLO reply.
  const std::vector<Reply> server = replay_server(
      "220 xyz.com Simple Mail Transfer Service Ready\r\n250 xyz.com is on the air\r\n250 OK\r\n250 OK\r\n"
      "354 Start mail input; end with <CRLF>.<CRLF>\r\n250 OK\r\n221 foo.com Service closing transmission channel\r\n");
  EXPECT_EQ(codes_of(server), (std::vector<int>{220, 250, 250, 250, 354, 250, 221}));
  auto ehlo = parse_ehlo_response(server[1]);
  ASSERT_TRUE(ehlo.ok());
  EXPECT_EQ(ehlo->domain, "xyz.com");
  EXPECT_TRUE(ehlo->keywords.empty());
}

TEST(SmtpTranscript, Rfc5321D4VerifyingAndSending) {
  const std::vector<ClientStep> client = replay_client(
      "EHLO bar.com\r\nVRFY Crispin\r\nMAIL FROM:<EAK@bar.com>\r\nRCPT TO:<Admin.MRC@foo.com>\r\nDATA\r\n"
      "Blah blah blah...\r\n...etc. etc. etc.\r\n.\r\nQUIT\r\n");
  ASSERT_EQ(client.size(), 6u);
  EXPECT_EQ(client[1].command, Command{Vrfy{"Crispin"}});
  EXPECT_EQ(client[3].command, (Command{RcptTo{mailbox("Admin.MRC", "foo.com"), {}}}));
  const std::vector<Reply> server = replay_server(
      "220 foo.com Simple Mail Transfer Service Ready\r\n"
      "250-foo.com greets bar.com\r\n250-8BITMIME\r\n250-SIZE\r\n250-DSN\r\n250-VRFY\r\n250 HELP\r\n"
      "250 Mark Crispin <Admin.MRC@foo.com>\r\n");
  ASSERT_EQ(server.size(), 3u);
  EXPECT_TRUE(parse_ehlo_response(server[1])->has("vrfy"));
  EXPECT_EQ(server[2].lines, std::vector<std::string>{"Mark Crispin <Admin.MRC@foo.com>"});
}

TEST(SmtpTranscript, Rfc2034EnhancedStatusCodes) {
  const std::vector<Reply> server = replay_server(
      "220 dbc.mtview.ca.us SMTP service ready\r\n"
      "250-dbc.mtview.ca.us says hello\r\n250 ENHANCEDSTATUSCODES\r\n"
      "250 2.1.0 Originator <ned@ymir.claremont.edu> ok\r\n"
      "250 2.1.5 Recipient <mrose@dbc.mtview.ca.us> ok\r\n"
      "550 5.1.1 Mailbox \"nosuchuser\" does not exist\r\n"
      "551-5.7.1 Forwarding to remote hosts disabled\r\n"
      "551 5.7.1 Select another host to act as your forwarder\r\n"
      "354 Send message, ending in CRLF.CRLF.\r\n"
      "250 2.6.0 Message accepted\r\n"
      "221 2.0.0 Goodbye\r\n");
  ASSERT_EQ(server.size(), 9u);
  EXPECT_TRUE(parse_ehlo_response(server[1])->has("EnhancedStatusCodes"));
  EXPECT_EQ(server[2].enhanced_code(), (EnhancedStatusCode{2, 1, 0}));
  EXPECT_EQ(server[3].enhanced_code(), (EnhancedStatusCode{2, 1, 5}));
  EXPECT_EQ(describe_status_detail(*server[4].enhanced_code()), "Bad destination mailbox address");
  EXPECT_TRUE(enhanced_code_use(server[5]).same_on_every_line);
  EXPECT_EQ(server[6].enhanced_code(), std::nullopt);  // 354 carries none in the example
  EXPECT_EQ(server[8].enhanced_code(), (EnhancedStatusCode{2, 0, 0}));
}

TEST(SmtpTranscript, Rfc3030Chunking) {
  const std::string message =
      "To: Susan@random.com\r\nFrom: Sam@random.com\r\nSubject: This is a bodyless test message\r\n";
  const std::string stream = "EHLO ymir.claremont.edu\r\nMAIL FROM:<Sam@Random.com>\r\nRCPT TO:<Susan@Random.com>\r\n"
                             "BDAT 86 LAST\r\n" + message + "QUIT\r\n";
  std::size_t at = 0;
  std::vector<Command> commands;
  while (at < stream.size()) {
    auto step = parse_command(std::string_view(stream).substr(at));
    ASSERT_TRUE(step.complete());
    at += step.consumed();
    commands.push_back(step.value().command);
    if (const auto* bdat = std::get_if<Bdat>(&commands.back())) {
      EXPECT_EQ(stream.substr(at, bdat->chunk_size), message);
      at += bdat->chunk_size;
    }
  }
  ASSERT_EQ(commands.size(), 5u);
  EXPECT_EQ(commands[3], (Command{Bdat{86, true}}));
  EXPECT_EQ(commands[4], Command{Quit{}});
  const std::vector<Reply> server = replay_server(
      "250-cnri.reston.va.us says hello\r\n250 CHUNKING\r\n250 Message OK, 86 octets received\r\n");
  EXPECT_TRUE(parse_ehlo_response(server[0])->has("CHUNKING"));
}

TEST(SmtpTranscript, Rfc1870SizeDeclaration) {
  const std::vector<Reply> server = replay_server("250-dbc.mtview.ca.us says hello\r\n250 SIZE 1000000\r\n");
  EXPECT_EQ(parse_ehlo_response(server[0])->size_limit(), 1000000u);
  const std::vector<ClientStep> client = replay_client("MAIL FROM:<ned@thor.innosoft.com> SIZE=500000\r\n");
  EXPECT_EQ(std::get<MailFrom>(client[0].command).parameters.size, 500000u);
}

TEST(SmtpTranscript, Rfc3461DeliveryStatusNotifications) {
  const std::vector<ClientStep> client = replay_client(
      "MAIL FROM:<Alice@Pure-Heart.ORG> RET=HDRS ENVID=QQ314159\r\n"
      "RCPT TO:<Bob@Big-Box.COM> NOTIFY=SUCCESS ORCPT=rfc822;Bob@Big-Box.COM\r\n"
      "RCPT TO:<Carol@Ivory.EDU> NOTIFY=FAILURE ORCPT=rfc822;Carol@Ivory.EDU\r\n"
      "RCPT TO:<Dana@Ivory.EDU> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;Dana@Ivory.EDU\r\n"
      "RCPT TO:<Fred@Bombs.AF.MIL> NOTIFY=NEVER\r\n");
  ASSERT_EQ(client.size(), 5u);
  const auto& mail = std::get<MailFrom>(client[0].command);
  EXPECT_EQ(mail.parameters.ret, DsnReturn::headers);
  EXPECT_EQ(mail.parameters.envid, "QQ314159");
  const auto& dana = std::get<RcptTo>(client[3].command);
  EXPECT_EQ(dana.parameters.notify, (DsnNotify{false, true, true, false}));
  EXPECT_EQ(dana.parameters.orcpt, (OriginalRecipient{"rfc822", "Dana@Ivory.EDU"}));
  EXPECT_EQ(std::get<RcptTo>(client[4].command).parameters.notify, (DsnNotify{true, false, false, false}));
}

}  // namespace
}  // namespace conformance::codec::smtp
