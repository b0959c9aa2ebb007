// The command → state table (RFC 9051 §3, §6).
#include "harness/codec/imap/command/command_state.hpp"

#include <gtest/gtest.h>

#include "command_test_support.hpp"

namespace conformance::codec::imap::command {
namespace {

using testing::parse_ok;

TEST(ImapCommandState, AnyStateCommands) {
  for (const char* line : {"a CAPABILITY\r\n", "a NOOP\r\n", "a LOGOUT\r\n", "a ID NIL\r\n"}) {
    const Command command = parse_ok(line);
    EXPECT_TRUE(allowed_in_state(command, SessionState::not_authenticated)) << line;
    EXPECT_TRUE(allowed_in_state(command, SessionState::authenticated)) << line;
    EXPECT_TRUE(allowed_in_state(command, SessionState::selected)) << line;
    EXPECT_FALSE(allowed_in_state(command, SessionState::logout)) << line;
  }
}

TEST(ImapCommandState, NotAuthenticatedCommands) {
  for (const char* line : {"a STARTTLS\r\n", "a AUTHENTICATE PLAIN\r\n", "a LOGIN u p\r\n"}) {
    EXPECT_EQ(allowed_states(parse_ok(line)), (StateSet{true, false, false})) << line;
  }
}

// §3.3: what is valid in the authenticated state is valid in the selected state.
TEST(ImapCommandState, AuthenticatedCommandsAreValidWhenSelected) {
  for (const char* line : {"a SELECT x\r\n", "a EXAMINE x\r\n", "a CREATE x\r\n", "a DELETE x\r\n", "a RENAME x y\r\n",
                           "a SUBSCRIBE x\r\n", "a UNSUBSCRIBE x\r\n", "a LIST \"\" *\r\n", "a LSUB \"\" *\r\n",
                           "a NAMESPACE\r\n", "a STATUS x (MESSAGES)\r\n", "a APPEND x {1+}\r\ny\r\n", "a IDLE\r\n"}) {
    EXPECT_EQ(allowed_states(parse_ok(line)), (StateSet{false, true, true})) << line;
  }
}

// RFC 5161 §3.1: ENABLE before any mailbox is selected.
TEST(ImapCommandState, EnableOnlyInAuthenticatedState) {
  EXPECT_EQ(allowed_states(parse_ok("a ENABLE X\r\n")), (StateSet{false, true, false}));
}

TEST(ImapCommandState, SelectedStateCommands) {
  for (const char* line : {"a CLOSE\r\n", "a UNSELECT\r\n", "a EXPUNGE\r\n", "a CHECK\r\n", "a SEARCH ALL\r\n",
                           "a FETCH 1 UID\r\n", "a STORE 1 FLAGS ()\r\n", "a COPY 1 x\r\n", "a MOVE 1 x\r\n",
                           "a UID COPY 1 x\r\n", "a UID MOVE 1 x\r\n", "a UID FETCH 1 UID\r\n", "a UID SEARCH ALL\r\n",
                           "a UID STORE 1 FLAGS ()\r\n", "a UID EXPUNGE 1\r\n"}) {
    const Command command = parse_ok(line);
    EXPECT_EQ(allowed_states(command), (StateSet{false, false, true})) << line;
    EXPECT_FALSE(allowed_in_state(command, SessionState::authenticated)) << line;
  }
}

TEST(ImapCommandState, UnknownCommandsHaveNoRule) {
  const Command command = parse_ok("a XYZZY\r\n");
  EXPECT_FALSE(allowed_states(command).has_value());
  EXPECT_FALSE(allowed_in_state(command, SessionState::selected));
}

TEST(ImapCommandState, TableLookupIsCaseInsensitive) {
  const CommandStateRule* rule = find_command_state_rule("uid fetch");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->name, "UID FETCH");
  EXPECT_EQ(find_command_state_rule("XYZZY"), nullptr);
}

TEST(ImapCommandState, EveryRuleNamesAParsedCommand) {
  EXPECT_EQ(command_state_rules().size(), 36u);
  for (const auto& rule : command_state_rules()) {
    EXPECT_FALSE(rule.reference.empty()) << rule.name;
    EXPECT_TRUE(rule.states.not_authenticated || rule.states.authenticated || rule.states.selected) << rule.name;
  }
}

}  // namespace
}  // namespace conformance::codec::imap::command
