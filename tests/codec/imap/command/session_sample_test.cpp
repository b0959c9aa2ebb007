// The client side of the RFC 9051 §8 sample IMAP4rev2 session: every line
// the client sends, parsed to the exact structure, alone and through the
// CommandDecoder as one stream.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "command_test_support.hpp"
#include "harness/codec/imap/command/command_decoder.hpp"

namespace conformance::codec::imap::command {
namespace {

using testing::parse_ok;

const std::string kScramInitial = "biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8=";
const std::string kScramFinal =
    "Yz1iaXdzLHI9ck9wck5HZndFYmVSV2diTkVrcU8laHZZRHBXVWEyUmFUQ0FmdXhGSWxqKWhObEYkazAscD1kSHpiWmFwV0lrNGpV"
    "aE4rVXRlOXl0YWc5empmTUhnc3FtbWl6N0FuZFZRPQ==";

SequenceSet message(std::uint32_t n) { return SequenceSet{{{n, n}}, false}; }

TEST(ImapCommandRfc9051Session, StarttlsLine) {
  EXPECT_EQ(parse_ok("a000 starttls\r\n"), (Command{"a000", StartTls{}}));
}

TEST(ImapCommandRfc9051Session, AuthenticateWithInitialResponse) {
  const Command command = parse_ok("A001 AUTHENTICATE SCRAM-SHA-256 " + kScramInitial + "\r\n");
  EXPECT_EQ(command, (Command{"A001", Authenticate{"SCRAM-SHA-256", "n,,n=user,r=rOprNGfwEbeRWgbNEkqO"}}));
}

TEST(ImapCommandRfc9051Session, EnableLine) {
  EXPECT_EQ(parse_ok("babc ENABLE IMAP4rev2\r\n"), (Command{"babc", Enable{{"IMAP4rev2"}}}));
}

TEST(ImapCommandRfc9051Session, SelectKeepsTheMailboxAsSpelled) {
  EXPECT_EQ(parse_ok("a002 select inbox\r\n"), (Command{"a002", Select{"inbox", {}}}));
}

TEST(ImapCommandRfc9051Session, FetchFullMacro) {
  Fetch fetch;
  fetch.set = message(12);
  fetch.macro = FetchMacro::full;
  EXPECT_EQ(parse_ok("a003 fetch 12 full\r\n"), (Command{"a003", fetch}));
}

TEST(ImapCommandRfc9051Session, FetchBodyHeader) {
  Section header;
  header.text = Section::Text::header;
  Fetch fetch;
  fetch.set = message(12);
  fetch.attributes = {FetchAttribute::body_part(header)};
  EXPECT_EQ(parse_ok("a004 fetch 12 body[header]\r\n"), (Command{"a004", fetch}));
}

TEST(ImapCommandRfc9051Session, StoreAddsFlagWrittenWithoutParentheses) {
  Store store;
  store.set = message(12);
  store.mode = StoreMode::add;
  store.flags = {"\\deleted"};
  EXPECT_EQ(parse_ok("a005 store 12 +flags \\deleted\r\n"), (Command{"a005", store}));
}

TEST(ImapCommandRfc9051Session, LogoutLine) { EXPECT_EQ(parse_ok("a006 logout\r\n"), (Command{"a006", Logout{}})); }

// The whole client stream, the server driving the decoder as it would.
TEST(ImapCommandRfc9051Session, DecoderFollowsTheWholeSession) {
  const std::string stream = "a000 starttls\r\n"
                             "A001 AUTHENTICATE SCRAM-SHA-256 " + kScramInitial + "\r\n" +
                             kScramFinal + "\r\n"
                             "\r\n"
                             "babc ENABLE IMAP4rev2\r\n"
                             "a002 select inbox\r\n"
                             "a003 fetch 12 full\r\n"
                             "a004 fetch 12 body[header]\r\n"
                             "a005 store 12 +flags \\deleted\r\n"
                             "a006 logout\r\n";
  CommandDecoder decoder;
  decoder.feed(stream);
  std::vector<std::string> seen;
  for (;;) {
    auto event = decoder.next();
    if (std::holds_alternative<NeedMore>(event)) break;
    if (auto* command = std::get_if<Command>(&event)) {
      seen.push_back(command->tag + " " + command_name(*command));
      // The server sends "+ <challenge>" after AUTHENTICATE and after the first response.
      if (std::holds_alternative<Authenticate>(command->body)) decoder.expect(NextLine::authenticate_response);
    } else if (auto* response = std::get_if<AuthenticateResponse>(&event)) {
      seen.push_back("response " + std::to_string(response->data.size()));
      if (!response->data.empty()) decoder.expect(NextLine::authenticate_response);
    } else {
      seen.push_back("unexpected event");
    }
  }
  const std::vector<std::string> expected = {
      "a000 STARTTLS",    "A001 AUTHENTICATE", "response 106",   "response 0",   "babc ENABLE",
      "a002 SELECT",      "a003 FETCH",        "a004 FETCH",     "a005 STORE",   "a006 LOGOUT"};
  EXPECT_EQ(seen, expected);
}

TEST(ImapCommandRfc9051Session, ClientFinalMessageDecodesToScramText) {
  CommandDecoder decoder;
  decoder.expect(NextLine::authenticate_response);
  decoder.feed(kScramFinal + "\r\n");
  auto event = decoder.next();
  ASSERT_TRUE(std::holds_alternative<AuthenticateResponse>(event));
  EXPECT_EQ(std::get<AuthenticateResponse>(event).data,
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
}

}  // namespace
}  // namespace conformance::codec::imap::command
