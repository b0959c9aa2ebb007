// Conditions against decoded responses; the responses are RFC 9051's own
// examples where it has them.
#include "harness/protocols/imap/matcher.hpp"

#include "tests/protocols/imap/test_support.hpp"

namespace conformance::protocols::imap {
namespace {

using testing::must_compile;
using testing::response;

// RFC 9051 §6.4.5 / §7.5.2 example, shortened to the items the tests use.
const char* const kFetchExample =
    "* 12 FETCH (FLAGS (\\Seen) UID 4827313 RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" "
    "\"IMAP4rev2 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
    "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
    "((NIL NIL \"imap\" \"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\") (\"John Klensin\" NIL "
    "\"KLENSIN\" \"MIT.EDU\")) NIL NIL \"<B27397-0100000@cac.washington.edu>\") "
    "BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))";

UntaggedCondition condition(const std::string& yaml) {
  return must_compile("{tagged: OK, untagged: [" + yaml + "]}")->untagged.at(0);
}

MatchResult match(const std::string& condition_yaml, const std::string& line,
                  const scenario::Variables& variables = {}) {
  return match_condition(condition(condition_yaml), response(line), variables);
}

TEST(ImapMatcher, ExistsNumberMatches) { EXPECT_TRUE(match("{type: EXISTS, number: 172}", "* 172 EXISTS").ok); }

TEST(ImapMatcher, ExistsNumberMismatchSaysBoth) {
  auto result = match("{type: EXISTS, number: 3}", "* 172 EXISTS");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.why, "EXISTS number is 172, not 3");
}

TEST(ImapMatcher, NumberIsCapturedIntoAVariable) {
  auto result = match("{type: EXISTS, number: {capture: count}}", "* 172 EXISTS");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.captures.at("count"), "172");
}

TEST(ImapMatcher, NumberComparesWithAVariable) {
  scenario::Variables variables;
  variables.set("n", "172");
  EXPECT_TRUE(match("{type: EXISTS, number: '${n}'}", "* 172 EXISTS", variables).ok);
  variables.set("n", "5");
  EXPECT_FALSE(match("{type: EXISTS, number: '${n}'}", "* 172 EXISTS", variables).ok);
}

TEST(ImapMatcher, NumberWithAnUnsetVariableFailsNamingIt) {
  EXPECT_EQ(match("{type: EXISTS, number: '${nope}'}", "* 1 EXISTS").why, "EXISTS number: variable ${nope} is not set");
}

TEST(ImapMatcher, TypeMustAgree) {
  EXPECT_EQ(match("{type: RECENT}", "* 172 EXISTS").why, "a EXISTS response, not RECENT");
}

TEST(ImapMatcher, FetchFlagsHasAndLacks) {
  EXPECT_TRUE(match("{type: FETCH, number: 12, flags: {has: ['\\Seen'], lacks: ['\\Deleted']}}", kFetchExample).ok);
  auto result = match("{type: FETCH, flags: {has: ['\\Answered']}}", kFetchExample);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.why, "FLAGS lacks \\Answered (FLAGS: \\Seen)");
}

TEST(ImapMatcher, FlagsCompareCaseInsensitively) {
  EXPECT_TRUE(match("{type: FETCH, flags: ['\\seen']}", kFetchExample).ok);
}

TEST(ImapMatcher, FetchUidAndSize) {
  auto result = match("{type: FETCH, uid: {capture: uid}, rfc822_size: 4286}", kFetchExample);
  ASSERT_TRUE(result.ok) << result.why;
  EXPECT_EQ(result.captures.at("uid"), "4827313");
}

TEST(ImapMatcher, MissingFetchItemIsNamed) {
  EXPECT_EQ(match("{type: FETCH, uid: 1}", "* 1 FETCH (FLAGS ())").why, "no UID item");
}

TEST(ImapMatcher, EnvelopeSubjectAndAddresses) {
  EXPECT_TRUE(
      match("{type: FETCH, envelope: {subject: 'WG mtg', from: {equals: 'Terry Gray <gray@cac.washington.edu>'}}}",
            kFetchExample)
          .ok);
  EXPECT_TRUE(
      match("{type: FETCH, envelope: {cc: 'minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>'}}", kFetchExample)
          .ok);
  EXPECT_TRUE(
      match("{type: FETCH, envelope: {message_id: {equals: '<B27397-0100000@cac.washington.edu>'}}}", kFetchExample)
          .ok);
}

TEST(ImapMatcher, EnvelopeMismatchQuotesTheValue) {
  auto result = match("{type: FETCH, envelope: {subject: '^Lunch'}}", kFetchExample);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.why, "envelope subject \"IMAP4rev2 WG mtg summary and minutes\" does not match ~ /^Lunch/");
}

TEST(ImapMatcher, BodyStructureTypeIsCaseInsensitive) {
  EXPECT_TRUE(
      match("{type: FETCH, body_structure: {type: text, subtype: plain, encoding: 7bit, size: 3028}}", kFetchExample)
          .ok);
  EXPECT_FALSE(match("{type: FETCH, body_structure: {type: multipart}}", kFetchExample).ok);
}

TEST(ImapMatcher, BodySectionTextAndOrigin) {
  const char* line = "* 2 FETCH (BODY[HEADER] {21}\r\nSubject: hi there\r\n\r\n BODY[]<0> {10}\r\nSubject: h)";
  EXPECT_TRUE(
      match("{type: FETCH, body: [{section: header, text: 'Subject: hi'}, {section: '', origin: 0, size: 10}]}", line)
          .ok);
  EXPECT_EQ(match("{type: FETCH, body: {section: '', origin: 5}}", line).why, "BODY[] origin is <0>, not <5>");
  EXPECT_EQ(match("{type: FETCH, body: {section: TEXT}}", line).why, "no BODY[TEXT] item");
}

TEST(ImapMatcher, ListAttributesAndDelimiter) {
  // RFC 9051 §6.3.9: LIST "" "" returns the delimiter and the root.
  EXPECT_TRUE(match("{type: LIST, delimiter: {equals: '/'}, mailbox: {equals: ''}, attributes: {has: ['\\Noselect']}}",
                    "* LIST (\\Noselect) \"/\" \"\"")
                  .ok);
}

TEST(ImapMatcher, NilDelimiterIsTheEmptyString) {
  EXPECT_TRUE(match("{type: LIST, delimiter: {equals: ''}}", "* LIST () NIL INBOX").ok);
}

TEST(ImapMatcher, StatusItems) {
  // RFC 9051 §6.3.11 example.
  const char* line = "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)";
  EXPECT_TRUE(
      match("{type: STATUS, mailbox: {equals: blurdybloop}, items: {MESSAGES: 231, uidnext: {min: 1}}}", line).ok);
  EXPECT_EQ(match("{type: STATUS, items: {UNSEEN: 0}}", line).why, "no UNSEEN item");
}

TEST(ImapMatcher, CapabilityHasAndLacks) {
  // RFC 9051 §6.1.1 example.
  const char* line = "* CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED";
  EXPECT_TRUE(match("{type: CAPABILITY, has: [imap4rev2, STARTTLS], lacks: [AUTH=PLAIN]}", line).ok);
  EXPECT_FALSE(match("{type: CAPABILITY, lacks: [LOGINDISABLED]}", line).ok);
}

TEST(ImapMatcher, UntaggedOkCodeAndItsList) {
  // RFC 9051 §6.3.2 example.
  const char* line = "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited";
  EXPECT_TRUE(match("{type: OK, code: {name: PERMANENTFLAGS, has: ['\\*']}}", line).ok);
  EXPECT_TRUE(match("{type: OK, has: ['\\Deleted'], text: Limited}", line).ok);
  EXPECT_EQ(match("{type: OK, code: UIDNEXT}", line).why, "response code [PERMANENTFLAGS], not [UIDNEXT]");
}

TEST(ImapMatcher, CodeValueCapturedByNamedGroups) {
  // RFC 4315 §3 example.
  auto check = must_compile("tagged: {code: {name: APPENDUID, value: '^(?P<uidvalidity>\\d+) (?P<uid>\\d+)$'}}");
  auto reply = response("A003 OK [APPENDUID 38505 3955] APPEND completed");
  auto result = match_tagged(check->tagged[0], std::get<codec::imap::StatusResponse>(reply.response), {});
  ASSERT_TRUE(result.ok) << result.why;
  EXPECT_EQ(result.captures.at("uidvalidity"), "38505");
  EXPECT_EQ(result.captures.at("uid"), "3955");
}

TEST(ImapMatcher, TaggedStatusMismatchQuotesTheText) {
  auto check = must_compile("tagged: OK");
  auto reply = response("A1 NO [AUTHENTICATIONFAILED] Authentication failed.");
  auto result = match_tagged(check->tagged[0], std::get<codec::imap::StatusResponse>(reply.response), {});
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.why, "status NO, not OK: Authentication failed.");
}

TEST(ImapMatcher, TaggedCodeWithoutArguments) {
  auto check = must_compile("tagged: {status: OK, code: read-write}");
  auto reply = response("A142 OK [READ-WRITE] SELECT completed");
  EXPECT_TRUE(match_tagged(check->tagged[0], std::get<codec::imap::StatusResponse>(reply.response), {}).ok);
}

TEST(ImapMatcher, LineMatchesTheResponseAsReceived) {
  EXPECT_TRUE(
      match("{type: NAMESPACE, line: '^NAMESPACE \\(\\(\"\" \"/\"\\)\\)'}", "* NAMESPACE ((\"\" \"/\")) NIL NIL").ok);
}

TEST(ImapMatcher, SearchNumbers) {
  EXPECT_TRUE(match("{type: SEARCH, has: ['2', '84'], lacks: ['3']}", "* SEARCH 2 84 882").ok);
}

TEST(ImapMatcher, EsearchItems) {
  EXPECT_TRUE(match("{type: ESEARCH, items: {COUNT: 3, ALL: '1:3'}}", "* ESEARCH (TAG \"a1\") COUNT 3 ALL 1:3").ok);
  EXPECT_EQ(match("{type: ESEARCH, items: {MIN: 1}}", "* ESEARCH (TAG \"a1\") COUNT 3").why, "ESEARCH has no MIN");
}

TEST(ImapMatcher, GreetingDefaultsToOkOrPreauth) {
  auto check = must_compile("greeting: true");
  EXPECT_TRUE(match_greeting(*check->greeting, response("* OK IMAP4rev2 server ready").response, {}).ok);
  EXPECT_TRUE(
      match_greeting(*check->greeting, response("* PREAUTH IMAP4rev2 server logged in as Smith").response, {}).ok);
  EXPECT_EQ(match_greeting(*check->greeting, response("* BYE Autologout; idle for too long").response, {}).why,
            "greeting BYE, not OK or PREAUTH");
}

TEST(ImapMatcher, ContinuationText) {
  auto check = must_compile("continuation: {text: idling}");
  auto request = response("+ idling");
  EXPECT_TRUE(
      match_continuation(*check->continuation, std::get<codec::imap::ContinuationRequest>(request.response), {}).ok);
}

}  // namespace
}  // namespace conformance::protocols::imap
