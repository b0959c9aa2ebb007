// The example dialogs of RFC 1939 (every command, and the §10 session),
// RFC 2449 (CAPA, response codes), RFC 5034 (AUTH) and RFC 6856 (LANG),
// replayed through the command parser, the response decoder with the shape
// the command calls for, the typed views and the serializers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "harness/codec/pop3/apop.hpp"
#include "harness/codec/pop3/capabilities.hpp"
#include "harness/codec/pop3/command.hpp"
#include "harness/codec/pop3/dot_stuffing.hpp"
#include "harness/codec/pop3/listings.hpp"
#include "harness/codec/pop3/response_decoder.hpp"
#include "harness/codec/pop3/sasl.hpp"
#include "harness/codec/pop3/session.hpp"
#include "harness/codec/pop3/shape.hpp"
#include "tests/codec/pop3/test_support.hpp"

namespace conformance::codec::pop3 {
namespace {

using Lines = std::vector<std::string>;

struct Exchange {
  std::string client;  // the command line, without CRLF
  Command command;     // what it parses to
  std::string server;  // the response on the wire
  Response response;   // what it decodes to
};

// Checks both directions: the client line parses to the command and
// serializes back; the response decodes (with the command's shape) to the
// structure and serializes back to the same bytes.
void replay(const Exchange& exchange) {
  SCOPED_TRACE(exchange.client);
  auto command = parse_command(exchange.client);
  ASSERT_TRUE(command.ok()) << command.error().message();
  EXPECT_EQ(*command, exchange.command);
  EXPECT_EQ(serialize(*command), exchange.client + "\r\n");
  auto decoded = testing::decode_whole(exchange.server, expected_shape(*command));
  EXPECT_EQ(decoded.response, exchange.response);
  EXPECT_TRUE(decoded.anomalies.empty());
  EXPECT_EQ(serialize(exchange.response), exchange.server);
}

TEST(Pop3Rfc1939Examples, Quit) {
  replay({"QUIT", cmd::Quit{}, "+OK dewey POP3 server signing off\r\n", ok("dewey POP3 server signing off")});
  replay({"QUIT", cmd::Quit{}, "+OK dewey POP3 server signing off (maildrop empty)\r\n",
          ok("dewey POP3 server signing off (maildrop empty)")});
  replay({"QUIT", cmd::Quit{}, "+OK dewey POP3 server signing off (2 messages left)\r\n",
          ok("dewey POP3 server signing off (2 messages left)")});
}

TEST(Pop3Rfc1939Examples, Stat) {
  replay({"STAT", cmd::Stat{}, "+OK 2 320\r\n", ok("2 320")});
  EXPECT_EQ(parse_drop_listing("2 320").value(), (DropListing{2, 320, ""}));
}

TEST(Pop3Rfc1939Examples, List) {
  replay({"LIST", cmd::List{}, "+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n",
          ok_multi_line("2 messages (320 octets)", {"1 120", "2 200"})});
  replay({"LIST 2", cmd::List{2}, "+OK 2 200\r\n", ok("2 200")});
  replay({"LIST 3", cmd::List{3}, "-ERR no such message, only 2 messages in maildrop\r\n",
          err("no such message, only 2 messages in maildrop")});
  EXPECT_EQ(parse_scan_listings({"1 120", "2 200"}).value(), (std::vector<ScanListing>{{1, 120, ""}, {2, 200, ""}}));
  EXPECT_EQ(parse_scan_listing("2 200").value(), (ScanListing{2, 200, ""}));
}

TEST(Pop3Rfc1939Examples, Retr) {
  replay({"RETR 1", cmd::Retr{1}, "+OK 120 octets\r\nSubject: one\r\n\r\n..dot-led line\r\n.\r\n",
          ok_multi_line("120 octets", {"Subject: one", "", ".dot-led line"})});
}

TEST(Pop3Rfc1939Examples, Dele) {
  replay({"DELE 1", cmd::Dele{1}, "+OK message 1 deleted\r\n", ok("message 1 deleted")});
  replay({"DELE 2", cmd::Dele{2}, "-ERR message 2 already deleted\r\n", err("message 2 already deleted")});
}

TEST(Pop3Rfc1939Examples, NoopAndRset) {
  replay({"NOOP", cmd::Noop{}, "+OK\r\n", ok()});
  replay({"RSET", cmd::Rset{}, "+OK maildrop has 2 messages (320 octets)\r\n",
          ok("maildrop has 2 messages (320 octets)")});
}

TEST(Pop3Rfc1939Examples, Top) {
  replay({"TOP 1 10", cmd::Top{1, 10}, "+OK\r\nSubject: one\r\n\r\nfirst body line\r\n.\r\n",
          ok_multi_line("", {"Subject: one", "", "first body line"})});
  replay({"TOP 100 3", cmd::Top{100, 3}, "-ERR no such message\r\n", err("no such message")});
}

TEST(Pop3Rfc1939Examples, Uidl) {
  replay({"UIDL", cmd::Uidl{}, "+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n",
          ok_multi_line("", {"1 whqtswO00WBw418f9t5JxYwZ", "2 QhdPYR:00WBw1Ph7x7"})});
  replay({"UIDL 2", cmd::Uidl{2}, "+OK 2 QhdPYR:00WBw1Ph7x7\r\n", ok("2 QhdPYR:00WBw1Ph7x7")});
  replay({"UIDL 3", cmd::Uidl{3}, "-ERR no such message, only 2 messages in maildrop\r\n",
          err("no such message, only 2 messages in maildrop")});
  EXPECT_EQ(parse_unique_id_listing("2 QhdPYR:00WBw1Ph7x7").value(), (UniqueIdListing{2, "QhdPYR:00WBw1Ph7x7"}));
}

TEST(Pop3Rfc1939Examples, UserAndPass) {
  replay({"USER frated", cmd::User{"frated"}, "-ERR sorry, no mailbox for frated here\r\n",
          err("sorry, no mailbox for frated here")});
  replay({"USER mrose", cmd::User{"mrose"}, "+OK mrose is a real hoopy frood\r\n", ok("mrose is a real hoopy frood")});
  replay({"PASS secret", cmd::Pass{"secret"}, "-ERR maildrop already locked\r\n", err("maildrop already locked")});
  replay({"PASS secret", cmd::Pass{"secret"}, "+OK mrose's maildrop has 2 messages (320 octets)\r\n",
          ok("mrose's maildrop has 2 messages (320 octets)")});
}

TEST(Pop3Rfc1939Examples, Apop) {
  auto greeting = testing::decode_whole("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n", greeting_shape);
  auto timestamp = apop_timestamp(greeting.response.text);
  ASSERT_TRUE(timestamp.ok());
  const std::string digest = apop_digest(*timestamp, "tanstaaf");
  EXPECT_EQ(digest, "c4c9334bac560ecc979e58001b3e22fb");
  replay({"APOP mrose " + digest, cmd::Apop{"mrose", digest}, "+OK maildrop has 1 message (369 octets)\r\n",
          ok("maildrop has 1 message (369 octets)")});
}

// A message of exactly `octets` octets as RETR lines (CRLF counted, as the
// scan listing counts them: RFC 1939 §11), with a line that needs stuffing.
Lines message_of(std::size_t octets, const std::string& subject) {
  Lines lines = {"Subject: " + subject, "", ".a line that starts with the termination octet"};
  std::size_t size = join_lines(lines).size();
  while (size + 2 + 60 <= octets) {
    lines.push_back(std::string(60, 'x'));
    size += 62;
  }
  lines.push_back(std::string(octets - size - 2, 'y'));
  return lines;
}

TEST(Pop3Rfc1939Examples, Section10SessionReplaysAgainstTheSessionModel) {
  const Lines message1 = message_of(120, "one");
  const Lines message2 = message_of(200, "two");
  ASSERT_EQ(join_lines(message1).size(), 120u);
  ASSERT_EQ(join_lines(message2).size(), 200u);

  struct Turn {
    std::string client;
    Response reply;
  };
  const std::vector<Turn> turns = {
      {"APOP mrose c4c9334bac560ecc979e58001b3e22fb", ok("mrose's maildrop has 2 messages (320 octets)")},
      {"STAT", ok("2 320")},
      {"LIST", ok_multi_line("2 messages (320 octets)", {"1 120", "2 200"})},
      {"RETR 1", ok_multi_line("120 octets", message1)},
      {"DELE 1", ok("message 1 deleted")},
      {"RETR 2", ok_multi_line("200 octets", message2)},
      {"DELE 2", ok("message 2 deleted")},
      {"QUIT", ok("dewey POP3 server signing off (maildrop empty)")},
  };

  // The server side as a fake server would write it, all in one stream
  // (as a pipelining client would read it).
  std::string server_stream = serialize(ok("POP3 server ready <1896.697170952@dbc.mtview.ca.us>"));
  std::string client_stream;
  for (const auto& turn : turns) {
    client_stream += turn.client + "\r\n";
    server_stream += serialize(turn.reply);
  }

  // The client side reads it back, one response per command, tracking the state.
  std::string_view server_rest = server_stream;
  std::string_view client_rest = client_stream;
  ResponseDecoder decoder(greeting_shape);
  auto greeting = decoder.decode(server_rest);
  ASSERT_TRUE(greeting.complete());
  server_rest.remove_prefix(greeting.consumed());
  SessionState state = SessionState::authorization;
  std::vector<ScanListing> scan;
  for (const auto& turn : turns) {
    SCOPED_TRACE(turn.client);
    auto command = decode_command(client_rest);
    ASSERT_TRUE(command.complete());
    client_rest.remove_prefix(command.consumed());
    const Verb verb = verb_of(command.value());
    EXPECT_TRUE(valid_in(verb, state));

    decoder.expect(expected_shape(command.value()));
    auto reply = decoder.decode(server_rest);
    ASSERT_TRUE(reply.complete());
    server_rest.remove_prefix(reply.consumed());
    EXPECT_EQ(reply.value().response, turn.reply);
    EXPECT_TRUE(reply.value().anomalies.empty());

    if (verb == Verb::list) scan = parse_scan_listings(*reply.value().response.body).value();
    if (verb == Verb::retr) {
      // The size LIST announced is the size of what RETR delivers, unstuffed.
      const auto number = std::get<cmd::Retr>(command.value()).message;
      ASSERT_LE(number, scan.size());
      EXPECT_EQ(join_lines(*reply.value().response.body).size(), scan[number - 1].octets);
    }
    auto next = state_after(state, verb, reply.value().response.status);
    ASSERT_TRUE(next.has_value());
    state = *next;
  }
  EXPECT_EQ(state, SessionState::update);
  EXPECT_TRUE(server_rest.empty());
  EXPECT_TRUE(client_rest.empty());
}

TEST(Pop3Rfc2449Examples, Capa) {
  const std::string wire =
      "+OK Capability list follows\r\nTOP\r\nUSER\r\nSASL CRAM-MD5 KERBEROS_V4\r\nRESP-CODES\r\nLOGIN-DELAY 900\r\n"
      "PIPELINING\r\nEXPIRE 60\r\nUIDL\r\nIMPLEMENTATION Shlemazle-Plotz-v302\r\n.\r\n";
  auto decoded = testing::decode_whole(wire, expected_shape(cmd::Capa{}));
  EXPECT_EQ(decoded.response.text, "Capability list follows");
  auto capabilities = parse_capabilities(*decoded.response.body);
  ASSERT_TRUE(capabilities.ok());
  EXPECT_EQ(capabilities->login_delay(), (LoginDelay{900, false}));
  EXPECT_EQ(serialize(ok_multi_line("Capability list follows", serialize(*capabilities))), wire);
}

TEST(Pop3Rfc2449Examples, InUseResponseCode) {
  auto decoded = testing::decode_whole("-ERR [IN-USE] Do you have another POP session running?\r\n",
                                       expected_shape(cmd::Apop{"mrose", "c4c9334bac560ecc979e58001b3e22fb"}));
  ASSERT_TRUE(decoded.response.code.has_value());
  EXPECT_TRUE(is_code(*decoded.response.code, codes::in_use));
  EXPECT_EQ(response_code_fit(*decoded.response.code, Verb::apop, decoded.response.status), CodeFit::fits);
}

TEST(Pop3Rfc5034Examples, AuthPlainWithInitialResponse) {
  replay({"AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q=", cmd::Auth{"PLAIN", std::string("test\0test\0test", 14)},
          "+OK Maildrop locked and ready\r\n", ok("Maildrop locked and ready")});
}

TEST(Pop3Rfc5034Examples, AuthPlainAfterEmptyChallenge) {
  replay({"AUTH PLAIN", cmd::Auth{"PLAIN", std::nullopt}, "+ \r\n", continuation("")});
  auto response = decode_sasl_response("dGVzdAB0ZXN0AHRlc3Q=\r\n");
  ASSERT_TRUE(response.complete());
  EXPECT_EQ(response.value().data, std::string("test\0test\0test", 14));
  auto outcome = testing::decode_whole("+OK Maildrop locked and ready\r\n", shape_after_sasl_response);
  EXPECT_EQ(outcome.response, ok("Maildrop locked and ready"));
}

TEST(Pop3Rfc5034Examples, AuthDigestMd5ChallengesAndEmptyFinalResponse) {
  const std::string first_challenge =
      "cmVhbG09ImVsd29vZC5pbm5vc29mdC5jb20iLG5vbmNlPSJPQTZNRzl0RVFHbTJoaCIscW9wPSJhdXRoIixhbGdvcml0aG09bWQ1LXNlc3Ms"
      "Y2hhcnNldD11dGYtOA==";
  auto challenge = testing::decode_whole("+ " + first_challenge + "\r\n", expected_shape(cmd::Auth{"DIGEST-MD5", {}}));
  EXPECT_EQ(challenge.response.status, Status::continuation);
  auto bytes = challenge_bytes(challenge.response);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes,
            "realm=\"elwood.innosoft.com\",nonce=\"OA6MG9tEQGm2hh\",qop=\"auth\",algorithm=md5-sess,charset=utf-8");
  auto second = testing::decode_whole("+ cnNwYXV0aD0wYjk3MTQ2MmNlZjVlOGY5MzBkYjlhMzNiMDJmYzlhMA==\r\n",
                                      shape_after_sasl_response);
  EXPECT_EQ(challenge_bytes(second.response).value(), "rspauth=0b971462cef5e8f930db9a33b02fc9a0");
  auto empty = decode_sasl_response("\r\n");
  ASSERT_TRUE(empty.complete());
  EXPECT_EQ(empty.value(), (SaslResponse{false, ""}));
}

TEST(Pop3Rfc6856Examples, Lang) {
  replay({"LANG MUL", cmd::Lang{"MUL"}, "-ERR invalid language MUL\r\n", err("invalid language MUL")});
  replay({"LANG", cmd::Lang{},
          "+OK Language listing follows:\r\nen English\r\nen-boont English Boontling dialect\r\nde Deutsch\r\n"
          "it Italiano\r\nes Espanol\r\nsv Svenska\r\n.\r\n",
          ok_multi_line("Language listing follows:", {"en English", "en-boont English Boontling dialect", "de Deutsch",
                                                      "it Italiano", "es Espanol", "sv Svenska"})});
  replay({"LANG es", cmd::Lang{"es"}, "+OK es Idioma cambiado\r\n", ok("es Idioma cambiado")});
  replay({"LANG *", cmd::Lang{"*"}, "+OK es Idioma cambiado\r\n", ok("es Idioma cambiado")});
}

}  // namespace
}  // namespace conformance::codec::pop3
