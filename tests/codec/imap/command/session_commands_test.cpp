// Commands of any state and of the not-authenticated state, and the session
// commands of the extensions: RFC 9051 §6.1-6.2 examples, RFC 4959 SASL-IR,
// RFC 5161 ENABLE, RFC 2971 ID.
#include <gtest/gtest.h>

#include "command_test_support.hpp"

namespace conformance::codec::imap::command {
namespace {

using testing::body_of;
using testing::parse_error;
using testing::parse_ok;

TEST(ImapCommandAnyState, CapabilityNoopLogout) {
  EXPECT_EQ(parse_ok("abcd CAPABILITY\r\n"), (Command{"abcd", Capability{}}));
  EXPECT_EQ(parse_ok("a002 NOOP\r\n"), (Command{"a002", Noop{}}));
  EXPECT_EQ(parse_ok("A023 LOGOUT\r\n"), (Command{"A023", Logout{}}));
}

TEST(ImapCommandAnyState, CommandNamesAreCaseInsensitive) {
  EXPECT_EQ(parse_ok("x1 cApAbIlItY\r\n"), (Command{"x1", Capability{}}));
}

TEST(ImapCommandAnyState, NoArgumentCommandRejectsArguments) {
  const auto error = parse_error("a1 NOOP now\r\n");
  EXPECT_EQ(error.tag, "a1");
  EXPECT_EQ(error.error, (ParseError{7, "CRLF"}));
}

// RFC 9051 §6.2.3.
TEST(ImapCommandLogin, ParsesAtoms) {
  EXPECT_EQ(body_of<Login>("a001 LOGIN SMITH SESAME\r\n"), (Login{"SMITH", "SESAME"}));
}

TEST(ImapCommandLogin, ParsesQuotedAndLiteralStrings) {
  EXPECT_EQ(body_of<Login>("a001 LOGIN \"fred foobar\" {7}\r\nfat man\r\n"), (Login{"fred foobar", "fat man"}));
}

// RFC 7888 §3 example: LITERAL+ lets the client send without waiting.
TEST(ImapCommandLogin, ParsesRfc7888NonSynchronizingLiterals) {
  EXPECT_EQ(body_of<Login>("A001 LOGIN {11+}\r\nFRED FOOBAR {7+}\r\nfat man\r\n"), (Login{"FRED FOOBAR", "fat man"}));
}

TEST(ImapCommandLogin, RefusesLiteral8) {
  const auto error = parse_error("a LOGIN ~{3}\r\nabc pw\r\n");
  EXPECT_EQ(error.error.offset, 8u);
}

TEST(ImapCommandLogin, NeedsBothArguments) {
  const auto error = parse_error("a001 LOGIN SMITH\r\n");
  EXPECT_EQ(error.tag, "a001");
  EXPECT_EQ(error.error, (ParseError{16, "SP"}));
}

TEST(ImapCommandAuthenticate, ParsesMechanismAlone) {
  EXPECT_EQ(body_of<Authenticate>("A001 AUTHENTICATE GSSAPI\r\n"), (Authenticate{"GSSAPI", std::nullopt}));
}

// RFC 4959 §3: the PLAIN initial response sent with the command.
TEST(ImapCommandAuthenticate, ParsesSaslIrInitialResponse) {
  EXPECT_EQ(body_of<Authenticate>("A01 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n"),
            (Authenticate{"PLAIN", std::string("test\0test\0test", 14)}));
}

// RFC 4959 §3: "=" is an initial response of zero length.
TEST(ImapCommandAuthenticate, EqualsSignIsTheEmptyInitialResponse) {
  EXPECT_EQ(body_of<Authenticate>("A01 AUTHENTICATE EXTERNAL =\r\n"), (Authenticate{"EXTERNAL", std::string()}));
}

TEST(ImapCommandAuthenticate, RejectsBadBase64AtItsOffset) {
  const auto error = parse_error("A01 AUTHENTICATE PLAIN dGVz=AB0\r\n");
  EXPECT_EQ(error.tag, "A01");
  EXPECT_EQ(error.error.offset, 27u);
}

TEST(ImapCommandAuthenticate, RejectsBase64OfWrongLength) {
  const auto error = parse_error("A01 AUTHENTICATE PLAIN dGVzd\r\n");
  EXPECT_EQ(error.error.offset, 28u);
}

TEST(ImapCommandAuthenticate, RejectsTrailingSpaceWithoutResponse) {
  const auto error = parse_error("A01 AUTHENTICATE PLAIN \r\n");
  EXPECT_EQ(error.error, (ParseError{23, "base64 initial response or '='"}));
}

TEST(ImapCommandStarttls, ParsesAlone) { EXPECT_EQ(parse_ok("a002 STARTTLS\r\n"), (Command{"a002", StartTls{}})); }

// RFC 5161 §3.1 example.
TEST(ImapCommandEnable, ParsesSeveralCapabilities) {
  EXPECT_EQ(body_of<Enable>("t2 ENABLE CONDSTORE X-GOOD-IDEA\r\n"), (Enable{{"CONDSTORE", "X-GOOD-IDEA"}}));
}

TEST(ImapCommandEnable, NeedsOneCapability) {
  EXPECT_EQ(parse_error("t2 ENABLE\r\n").error, (ParseError{9, "SP"}));
}

// RFC 2971 §3.1 example.
TEST(ImapCommandId, ParsesFieldList) {
  const Id id = body_of<Id>("a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" \"Pink Floyd Music Limited\")\r\n");
  ASSERT_TRUE(id.fields.has_value());
  const std::vector<Id::Field> expected = {
      {"name", "sodr"}, {"version", "19.34"}, {"vendor", "Pink Floyd Music Limited"}};
  EXPECT_EQ(*id.fields, expected);
}

TEST(ImapCommandId, ParsesNil) { EXPECT_EQ(body_of<Id>("a042 ID NIL\r\n"), (Id{std::nullopt})); }

TEST(ImapCommandId, ValueMayBeNil) {
  const Id id = body_of<Id>("a1 ID (\"os\" NIL)\r\n");
  ASSERT_TRUE(id.fields.has_value());
  ASSERT_EQ(id.fields->size(), 1u);
  EXPECT_EQ((*id.fields)[0], (Id::Field{"os", std::nullopt}));
}

TEST(ImapCommandId, FieldNameMustBeAString) {
  EXPECT_EQ(parse_error("a1 ID (name \"x\")\r\n").error, (ParseError{7, "string"}));
}

TEST(ImapCommandIdle, ParsesAlone) { EXPECT_EQ(parse_ok("A002 IDLE\r\n"), (Command{"A002", Idle{}})); }

TEST(ImapCommandNamespace, ParsesAlone) {
  EXPECT_EQ(parse_ok("A001 NAMESPACE\r\n"), (Command{"A001", Namespace{}}));
}

TEST(ImapCommandUnknown, KeepsNameAndRawArguments) {
  const Command command = parse_ok("a1 XFROB (1 2) {3}\r\nabc \"x\"\r\n");
  EXPECT_EQ(command, (Command{"a1", UnknownCommand{false, "XFROB", std::string("(1 2) {3}\r\nabc \"x\"")}}));
  EXPECT_EQ(command_name(command), "XFROB");
}

TEST(ImapCommandUnknown, WithoutArguments) {
  EXPECT_EQ(parse_ok("a1 GETQUOTAROOT\r\n"), (Command{"a1", UnknownCommand{false, "GETQUOTAROOT", std::nullopt}}));
}

TEST(ImapCommandUnknown, UidFormOfAnUnknownCommand) {
  const Command command = parse_ok("a1 UID SORT (DATE) UTF-8 ALL\r\n");
  EXPECT_EQ(command, (Command{"a1", UnknownCommand{true, "SORT", std::string("(DATE) UTF-8 ALL")}}));
  EXPECT_EQ(command_name(command), "UID SORT");
}

}  // namespace
}  // namespace conformance::codec::imap::command
