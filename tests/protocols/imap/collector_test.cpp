// Which responses an expect step reads, which it leaves for later, and
// how it judges the set it collected.
#include "harness/protocols/imap/collector.hpp"

#include "tests/protocols/imap/test_support.hpp"

namespace conformance::protocols::imap {
namespace {

using testing::must_compile;
using testing::response;
using Take = ExpectCollector::Take;

struct Exchange {
  std::shared_ptr<const ImapExpect> spec;
  scenario::Variables variables;
  std::unique_ptr<ExpectCollector> collector;

  explicit Exchange(const std::string& yaml, std::string tag = "a1") : spec(must_compile(yaml)) {
    variables.set("tag", std::move(tag));
    collector = std::make_unique<ExpectCollector>(*spec, variables);
  }
  std::vector<Take> offer(const std::vector<std::string>& lines) {
    std::vector<Take> takes;
    for (const auto& line : lines) takes.push_back(collector->offer(response(line)));
    return takes;
  }
  Verdict verdict(const std::string& stopped = {}) { return collector->verdict(variables, stopped); }
};

TEST(ImapCollector, ReadsUntilTheTaggedReplyOfTheLastTag) {
  Exchange run("tagged: OK");
  EXPECT_EQ(run.offer({"* 3 EXISTS", "a1 OK done"}), (std::vector<Take>{Take::more, Take::done}));
  EXPECT_TRUE(run.verdict().ok);
}

TEST(ImapCollector, UntaggedConditionsMatchInAnyOrder) {
  // RFC 9051 §6.3.2 example responses to SELECT, in a different order than the conditions.
  Exchange run(
      "{tagged: {status: OK, code: READ-WRITE}, untagged: [{type: OK, code: UIDVALIDITY}, "
      "{type: EXISTS, number: 172}, FLAGS, {type: OK, code: PERMANENTFLAGS}]}");
  run.offer({"* 172 EXISTS", "* OK [UIDVALIDITY 3857529045] UIDs valid", "* OK [UIDNEXT 4392] Predicted next UID",
             "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
             "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited", "* LIST () \"/\" INBOX",
             "a1 OK [READ-WRITE] SELECT completed"});
  auto verdict = run.verdict();
  EXPECT_TRUE(verdict.ok) << verdict.reason;
}

TEST(ImapCollector, EachConditionNeedsItsOwnResponse) {
  Exchange run("{tagged: OK, untagged: [{type: OK}, {type: OK, code: UIDNEXT}]}");
  run.offer({"* OK [UIDNEXT 4392] Predicted next UID", "a1 OK done"});
  auto verdict = run.verdict();
  EXPECT_FALSE(verdict.ok);
  EXPECT_NE(verdict.reason.find("not enough distinct untagged responses"), std::string::npos) << verdict.reason;
}

TEST(ImapCollector, PairingFindsTheAssignmentAGreedyOrderWouldMiss) {
  // The first condition could take either response; only one choice lets the second match.
  Exchange run("{tagged: OK, untagged: [{type: OK}, {type: OK, code: UIDNEXT}]}");
  run.offer({"* OK [UIDNEXT 4392] Predicted next UID", "* OK [UIDVALIDITY 1] UIDs valid", "a1 OK done"});
  EXPECT_TRUE(run.verdict().ok);
}

TEST(ImapCollector, MissingConditionShowsTheClosestResponse) {
  Exchange run("{tagged: OK, untagged: [{type: EXISTS, number: 2}]}");
  run.offer({"* 1 EXISTS", "a1 OK done"});
  auto verdict = run.verdict();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.reason,
            "no untagged response matched * EXISTS (number = 2): EXISTS number is 1, not 2 in * 1 EXISTS");
  EXPECT_EQ(verdict.received, "* 1 EXISTS\na1 OK done");
}

TEST(ImapCollector, NoResponseOfTheTypeIsSaid) {
  Exchange run("{tagged: OK, untagged: [FLAGS]}");
  run.offer({"a1 OK done"});
  EXPECT_EQ(run.verdict().reason, "no untagged response matched * FLAGS: no FLAGS response arrived");
}

TEST(ImapCollector, CountIsExactBeforeATaggedReply) {
  Exchange run("{tagged: OK, untagged: [{type: FETCH, count: 2}]}");
  run.offer({"* 1 FETCH (FLAGS ())", "* 2 FETCH (FLAGS ())", "* 3 FETCH (FLAGS ())", "a1 OK done"});
  auto verdict = run.verdict();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.reason, "3 untagged responses matched * FETCH x2, expected 2");
}

TEST(ImapCollector, AbsentForbidsAMatchingResponse) {
  Exchange run("{tagged: OK, absent: [EXPUNGE]}");
  run.offer({"* 3 EXPUNGE", "a1 OK done"});
  auto verdict = run.verdict();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.reason, "received * 3 EXPUNGE, which 'absent' forbids (* EXPUNGE)");
}

TEST(ImapCollector, TaggedReplyToAnotherCommandIsKeptForLater) {
  Exchange run("tagged: OK", "a2");
  EXPECT_EQ(run.offer({"a1 OK first", "a2 OK second"}), (std::vector<Take>{Take::keep_for_later, Take::done}));
  EXPECT_TRUE(run.verdict().ok);
}

TEST(ImapCollector, PipelinedRepliesMayArriveInAnyOrder) {
  Exchange run("[{tagged: {tag: a1, status: OK}}, {tagged: {tag: a2, status: NO}}]");
  EXPECT_EQ(run.offer({"a2 NO nope", "a1 OK yes"}), (std::vector<Take>{Take::more, Take::done}));
  EXPECT_TRUE(run.verdict().ok);
}

TEST(ImapCollector, ContinuationWhereATaggedReplyIsExpectedFails) {
  Exchange run("tagged: OK");
  EXPECT_EQ(run.offer({"+ idling"}), std::vector<Take>{Take::failed});
  EXPECT_EQ(run.verdict().reason, "a continuation request where a tagged reply was expected: + idling");
}

TEST(ImapCollector, TaggedReplyWhereAContinuationIsExpectedFails) {
  Exchange run("continuation: true");
  EXPECT_EQ(run.offer({"a1 NO [TOOBIG] too big"}), std::vector<Take>{Take::failed});
  EXPECT_FALSE(run.verdict().ok);
}

TEST(ImapCollector, UntaggedOnlyExpectEndsWhenItsConditionsAreMet) {
  Exchange run("untagged: [{type: EXISTS, number: 4}]");
  EXPECT_EQ(run.offer({"* 1 RECENT", "* 4 EXISTS"}), (std::vector<Take>{Take::more, Take::done}));
  EXPECT_TRUE(run.verdict().ok);
}

TEST(ImapCollector, ByeExpectEndsAtTheBye) {
  Exchange run("bye: true");
  EXPECT_EQ(run.offer({"* BYE Autologout; idle for too long"}), std::vector<Take>{Take::done});
  EXPECT_TRUE(run.verdict().ok);
}

TEST(ImapCollector, ByeWithTaggedMustComeBeforeTheTaggedReply) {
  Exchange run("{tagged: OK, bye: true}");
  run.offer({"a1 OK LOGOUT completed"});
  EXPECT_FALSE(run.verdict().ok);
}

TEST(ImapCollector, StoppingSaysWhatWasAwaited) {
  Exchange run("[{tagged: {tag: a1, status: OK}}, {tagged: {tag: a2, status: OK}}]");
  run.offer({"a1 OK yes"});
  EXPECT_EQ(run.verdict("the server closed the connection").reason,
            "the server closed the connection while waiting for the tagged reply to a2");
}

TEST(ImapCollector, CapturesAreKeptOnlyWhenTheStepPasses) {
  Exchange passing("{tagged: OK, untagged: [{type: EXISTS, number: {capture: n}}]}");
  passing.offer({"* 5 EXISTS", "a1 OK done"});
  EXPECT_EQ(passing.verdict().captures.at("n"), "5");
  Exchange failing("{tagged: OK, untagged: [{type: EXISTS, number: {capture: n}}]}");
  failing.offer({"* 5 EXISTS", "a1 NO failed"});
  EXPECT_TRUE(failing.verdict().captures.empty());
}

TEST(ImapCollector, UnsetTagVariableIsASetupError) {
  auto spec = must_compile("tagged: OK");
  scenario::Variables variables;
  ExpectCollector collector(*spec, variables);
  ASSERT_TRUE(collector.setup_error());
  EXPECT_EQ(*collector.setup_error(), "variable ${tag} is not set (no command has been sent on this connection)");
}

}  // namespace
}  // namespace conformance::protocols::imap
