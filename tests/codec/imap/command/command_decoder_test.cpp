// The server-side incremental decoder: continuation requests for
// synchronizing literals (RFC 9051 §7.5), LITERAL+ / LITERAL- (RFC 7888),
// literals refused before their data, lines over the cap, AUTHENTICATE and
// IDLE continuation lines, and independence from how bytes are split.
#include "harness/codec/imap/command/command_decoder.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conformance::codec::imap::command {
namespace {

using Reason = LiteralRejected::Reason;

// Every event up to NeedMore after feeding each piece, with the one field
// that depends on the split cleared. A Command for AUTHENTICATE or IDLE is
// followed by the expect() a server would make.
std::vector<DecoderEvent> events_of(const std::vector<std::string>& pieces, DecoderOptions options = {}) {
  CommandDecoder decoder(options);
  std::vector<DecoderEvent> events;
  for (const auto& piece : pieces) {
    decoder.feed(piece);
    for (;;) {
      DecoderEvent event = decoder.next();
      if (std::holds_alternative<NeedMore>(event)) break;
      if (auto* continuation = std::get_if<ContinuationNeeded>(&event)) continuation->data_arrived_early = false;
      if (auto* command = std::get_if<Command>(&event)) {
        if (std::holds_alternative<Authenticate>(command->body)) decoder.expect(NextLine::authenticate_response);
        if (std::holds_alternative<Idle>(command->body)) decoder.expect(NextLine::idle_done);
      }
      events.push_back(std::move(event));
    }
  }
  return events;
}

std::vector<std::string> bytes_of(const std::string& stream) {
  std::vector<std::string> pieces;
  for (char c : stream) pieces.emplace_back(1, c);
  return pieces;
}

template <class T>
const T& as(const DecoderEvent& event) {
  static const T empty{};
  const T* value = std::get_if<T>(&event);
  EXPECT_NE(value, nullptr) << "event of another type, index " << event.index();
  return value ? *value : empty;
}

LiteralMarker marker(std::size_t at, std::size_t data_at, std::size_t length, bool synchronizing, bool binary = false) {
  return LiteralMarker{at, data_at, length, synchronizing, binary};
}

// RFC 9051 §7.5 (RFC 3501 §7.5): the client waits for "+" before each literal.
TEST(ImapCommandDecoder, AsksForAContinuationBeforeEachSynchronizingLiteral) {
  CommandDecoder decoder;
  decoder.feed("A001 LOGIN {11}\r\n");
  auto event = decoder.next();
  EXPECT_EQ(as<ContinuationNeeded>(event), (ContinuationNeeded{"A001", marker(11, 17, 11, true), false}));
  EXPECT_EQ(as<NeedMore>(decoder.next()).at_least, 11u);
  decoder.feed("FRED FOOBAR {7}\r\n");
  EXPECT_EQ(as<ContinuationNeeded>(decoder.next()), (ContinuationNeeded{"A001", marker(29, 34, 7, true), false}));
  EXPECT_TRUE(std::holds_alternative<NeedMore>(decoder.next()));
  decoder.feed("fat man\r\n");
  event = decoder.next();
  EXPECT_EQ(as<Command>(event), (Command{"A001", Login{"FRED FOOBAR", "fat man"}}));
  EXPECT_EQ(decoder.last_item(), "A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\n");
  EXPECT_TRUE(std::holds_alternative<NeedMore>(decoder.next()));
}

// A client that sends the data without waiting is a finding; the event says so.
TEST(ImapCommandDecoder, ReportsLiteralDataSentBeforeTheContinuation) {
  CommandDecoder decoder;
  decoder.feed("A001 LOGIN {3}\r\nabc def\r\n");
  EXPECT_TRUE(as<ContinuationNeeded>(decoder.next()).data_arrived_early);
  EXPECT_EQ(as<Command>(decoder.next()), (Command{"A001", Login{"abc", "def"}}));
}

// RFC 7888 §3: {N+} needs no continuation request.
TEST(ImapCommandDecoder, NonSynchronizingLiteralNeedsNoContinuation) {
  const auto events = events_of({"A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man\r\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(as<Command>(events[0]), (Command{"A001", Login{"FRED FOOBAR", "fat man"}}));
}

// RFC 7888 §4: under LITERAL- a {N+} over 4096 octets is an error; the
// client sends the data anyway, and it must not be taken for commands.
TEST(ImapCommandDecoder, LiteralMinusRefusesLargeNonSynchronizingLiteralAndSkipsIt) {
  DecoderOptions options;
  options.non_synchronizing = NonSynchronizingLiterals::literal_minus;
  const std::string data(5000, 'x');
  const auto events = events_of({"a APPEND INBOX {5000+}\r\n", data.substr(0, 2000), data.substr(2000) + "\r\nb NOOP\r\n"},
                                options);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(as<LiteralRejected>(events[0]),
            (LiteralRejected{"a", marker(15, 24, 5000, false), Reason::non_synchronizing_too_large}));
  EXPECT_EQ(as<Command>(events[1]), (Command{"b", Noop{}}));
}

TEST(ImapCommandDecoder, LiteralMinusAcceptsUpTo4096) {
  DecoderOptions options;
  options.non_synchronizing = NonSynchronizingLiterals::literal_minus;
  const auto events = events_of({"a LOGIN {4096+}\r\n" + std::string(4096, 'u') + " p\r\n"}, options);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(as<Command>(events[0]).tag, "a");
}

TEST(ImapCommandDecoder, RefusesNonSynchronizingLiteralWithoutLiteralPlus) {
  DecoderOptions options;
  options.non_synchronizing = NonSynchronizingLiterals::refused;
  const auto events = events_of({"a LOGIN {1+}\r\nu p\r\nb NOOP\r\n"}, options);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(as<LiteralRejected>(events[0]).reason, Reason::non_synchronizing_refused);
  EXPECT_EQ(as<Command>(events[1]), (Command{"b", Noop{}}));
}

// The client waits for "+" after {N}; refused, it sends no data, so the
// next bytes are the next command.
TEST(ImapCommandDecoder, RefusesSynchronizingLiteralOverTheCapBeforeItsData) {
  DecoderOptions options;
  options.frame.max_literal_size = 100;
  CommandDecoder decoder(options);
  decoder.feed("a7 APPEND INBOX {1000}\r\n");
  EXPECT_EQ(as<LiteralRejected>(decoder.next()), (LiteralRejected{"a7", marker(16, 24, 1000, true), Reason::too_large}));
  EXPECT_EQ(decoder.buffered(), 0u);
  decoder.feed("b NOOP\r\n");
  EXPECT_EQ(as<Command>(decoder.next()), (Command{"b", Noop{}}));
}

// The marker may start its line, after literal data that ends in CRLF.
TEST(ImapCommandDecoder, RefusesLiteralAnnouncedAtTheStartOfALine) {
  DecoderOptions options;
  options.frame.max_literal_size = 100;
  const auto events = events_of({"a X {2}\r\n\r\n{500}\r\nb NOOP\r\n"}, options);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(as<ContinuationNeeded>(events[0]).literal, marker(4, 9, 2, true));
  EXPECT_EQ(as<LiteralRejected>(events[1]), (LiteralRejected{"a", marker(11, 18, 500, true), Reason::too_large}));
  EXPECT_EQ(as<Command>(events[2]), (Command{"b", Noop{}}));
}

TEST(ImapCommandDecoder, NonSynchronizingLiteralOverTheCapSkipsTheRestOfTheCommand) {
  DecoderOptions options;
  options.frame.max_literal_size = 100;
  const std::string stream = "a APPEND INBOX {200+}\r\n" + std::string(200, 'm') +
                             " (\\Seen) {3+}\r\nxyz {2}\r\nb NOOP\r\n";
  const auto whole = events_of({stream}, options);
  ASSERT_EQ(whole.size(), 2u);
  EXPECT_EQ(as<LiteralRejected>(whole[0]).reason, Reason::too_large);
  // After the refused {200+}: its data, a continuation line with {3+} and
  // its data, then a line ending in {2}, where the client waits.
  EXPECT_EQ(as<Command>(whole[1]), (Command{"b", Noop{}}));
  EXPECT_EQ(events_of(bytes_of(stream), options), whole);
}

TEST(ImapCommandDecoder, RefusesTooManyLiterals) {
  DecoderOptions options;
  options.frame.max_literals = 2;
  const auto events = events_of({"A1 LOGIN {1+}\r\na {1+}\r\nb\r\nA2 X {1+}\r\na {1+}\r\nb {1+}\r\nc\r\nA3 NOOP\r\n"}, options);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(as<Command>(events[0]).tag, "A1");
  EXPECT_EQ(as<LiteralRejected>(events[1]), (LiteralRejected{"A2", marker(21, 27, 1, false), Reason::too_many_literals}));
  EXPECT_EQ(as<Command>(events[2]).tag, "A3");
}

TEST(ImapCommandDecoder, LineOverTheCapIsAnErrorWithItsTag) {
  DecoderOptions options;
  options.frame.max_line_length = 64;
  const std::string stream = "a1 SEARCH TEXT " + std::string(100, 'x') + "\r\nb NOOP\r\n";
  const auto events = events_of({stream}, options);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(as<CommandError>(events[0]), (CommandError{"a1", {64, "CRLF within 64 octets"}}));
  EXPECT_EQ(as<Command>(events[1]), (Command{"b", Noop{}}));
  EXPECT_EQ(events_of(bytes_of(stream), options), events);
}

// A line over the cap that ends in {N+}: its data is skipped too.
TEST(ImapCommandDecoder, LineOverTheCapEndingInANonSynchronizingLiteral) {
  DecoderOptions options;
  options.frame.max_line_length = 32;
  const std::string stream = "a1 X " + std::string(40, 'y') + " {4+}\r\nb NO\r\nc NOOP\r\n";
  const auto events = events_of({stream}, options);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(as<CommandError>(events[0]).tag, "a1");
  EXPECT_EQ(as<Command>(events[1]), (Command{"c", Noop{}}));
  EXPECT_EQ(events_of(bytes_of(stream), options), events);
}

TEST(ImapCommandDecoder, SyntaxErrorCarriesTagAndOffset) {
  const auto events = events_of({"a1 FETCH 1 (BOGUS)\r\na2 NOOP\r\n"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(as<CommandError>(events[0]), (CommandError{"a1", {12, "fetch attribute"}}));
  EXPECT_EQ(as<Command>(events[1]).tag, "a2");
}

TEST(ImapCommandDecoder, AuthenticateResponsesAndCancel) {
  const auto events = events_of({"A1 AUTHENTICATE PLAIN\r\ndGVzdAB0ZXN0AHRlc3Q=\r\nA2 AUTHENTICATE LOGIN\r\n*\r\n"
                                 "A3 AUTHENTICATE X\r\nnot base64!!\r\n"});
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(as<AuthenticateResponse>(events[1]), (AuthenticateResponse{false, std::string("test\0test\0test", 14)}));
  EXPECT_EQ(as<AuthenticateResponse>(events[3]), (AuthenticateResponse{true, ""}));
  EXPECT_EQ(as<CommandError>(events[5]), (CommandError{"", {3, "base64 character"}}));
}

TEST(ImapCommandDecoder, ExpectationHoldsForOneLine) {
  CommandDecoder decoder;
  decoder.expect(NextLine::authenticate_response);
  decoder.feed("\r\na NOOP\r\n");
  EXPECT_EQ(as<AuthenticateResponse>(decoder.next()), (AuthenticateResponse{false, ""}));
  EXPECT_EQ(decoder.expected(), NextLine::command);
  EXPECT_EQ(as<Command>(decoder.next()), (Command{"a", Noop{}}));
}

// RFC 9051 §6.3.13 example.
TEST(ImapCommandDecoder, IdleEndsWithDone) {
  const auto events = events_of({"A002 IDLE\r\n", "DONE\r\n", "A003 IDLE\r\ndone\r\n", "A004 IDLE\r\nA005 NOOP\r\n"});
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(as<Command>(events[0]), (Command{"A002", Idle{}}));
  EXPECT_TRUE(std::holds_alternative<IdleDone>(events[1]));
  EXPECT_TRUE(std::holds_alternative<IdleDone>(events[3]));
  EXPECT_EQ(as<CommandError>(events[5]), (CommandError{"", {0, "DONE"}}));
}

// RFC 9051 §6.2.1: nothing after STARTTLS belongs to the plaintext session.
TEST(ImapCommandDecoder, HandsBackBytesAfterStarttls) {
  CommandDecoder decoder;
  decoder.feed("a STARTTLS\r\n\x16\x03\x01 hello");
  EXPECT_EQ(as<Command>(decoder.next()), (Command{"a", StartTls{}}));
  EXPECT_EQ(decoder.buffered(), 9u);
  EXPECT_EQ(decoder.take_buffered(), "\x16\x03\x01 hello");
  EXPECT_EQ(decoder.buffered(), 0u);
}

TEST(ImapCommandDecoder, BareLfOnlyWhenAllowedAndReported) {
  DecoderOptions lenient;
  lenient.frame.ending = LineEnding::crlf_or_bare_lf;
  CommandDecoder decoder(lenient);
  decoder.feed("a NOOP\nb NOOP\r\n");
  EXPECT_EQ(as<Command>(decoder.next()).tag, "a");
  EXPECT_TRUE(decoder.last_item_bare_lf());
  EXPECT_EQ(as<Command>(decoder.next()).tag, "b");
  EXPECT_FALSE(decoder.last_item_bare_lf());

  CommandDecoder strict;
  strict.feed("a NOOP\nb NOOP\r\n");
  EXPECT_EQ(as<CommandError>(strict.next()), (CommandError{"a", {6, "CRLF"}}));
}

TEST(ImapCommandDecoder, CommandOverTheFrameCapEndsTheStream) {
  DecoderOptions options;
  options.frame.max_frame_size = 50;
  CommandDecoder decoder(options);
  decoder.feed("a APPEND INBOX {40+}\r\n" + std::string(40, 'z') + " x\r\nb NOOP\r\n");
  EXPECT_EQ(as<LiteralRejected>(decoder.next()).reason, Reason::frame_too_large);
  EXPECT_EQ(as<Command>(decoder.next()).tag, "b");

  decoder.feed("c LOGIN {10+}\r\n" + std::string(10, 'u') + " " + std::string(60, 'p') + "\r\nd NOOP\r\n");
  EXPECT_EQ(as<CommandError>(decoder.next()).tag, "c");
  EXPECT_TRUE(decoder.stream_failed());
  EXPECT_TRUE(std::holds_alternative<NeedMore>(decoder.next()));
}

TEST(ImapCommandDecoder, ByteByByteDeliveryGivesTheSameEvents) {
  const std::string stream =
      "A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\n"
      "A003 APPEND saved-messages (\\Seen) {5+}\r\nhello ~{3}\r\nbin\r\n"
      "A1 AUTHENTICATE PLAIN\r\ndGVzdAB0ZXN0AHRlc3Q=\r\n"
      "A2 IDLE\r\nDONE\r\n"
      "A3 FETCH 1 (NOPE)\r\n"
      "A4 XUNKNOWN {2}\r\nab more\r\n"
      "A5 SEARCH OR (SEEN TEXT {1}\r\nx) NOT 1:*\r\n";
  const auto whole = events_of({stream});
  EXPECT_EQ(whole.size(), 14u);
  EXPECT_EQ(events_of(bytes_of(stream)), whole);
}

}  // namespace
}  // namespace conformance::codec::imap::command
