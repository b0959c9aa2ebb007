#include "harness/codec/pop3/session.hpp"

#include <gtest/gtest.h>

namespace conformance::codec::pop3 {
namespace {

TEST(Pop3Session, AuthorizationAllowsOnlyAuthenticationCommands) {
  for (Verb verb :
       {Verb::user, Verb::pass, Verb::apop, Verb::auth, Verb::stls, Verb::capa, Verb::utf8, Verb::lang, Verb::quit})
    EXPECT_TRUE(valid_in(verb, SessionState::authorization)) << keyword(verb);
  for (Verb verb : {Verb::stat, Verb::list, Verb::retr, Verb::dele, Verb::noop, Verb::rset, Verb::top, Verb::uidl})
    EXPECT_FALSE(valid_in(verb, SessionState::authorization)) << keyword(verb);
}

TEST(Pop3Session, TransactionAllowsMaildropCommands) {
  for (Verb verb : {Verb::stat, Verb::list, Verb::retr, Verb::dele, Verb::noop, Verb::rset, Verb::top, Verb::uidl,
                    Verb::quit, Verb::capa, Verb::lang})
    EXPECT_TRUE(valid_in(verb, SessionState::transaction)) << keyword(verb);
  for (Verb verb : {Verb::user, Verb::pass, Verb::apop, Verb::auth, Verb::stls, Verb::utf8})
    EXPECT_FALSE(valid_in(verb, SessionState::transaction)) << keyword(verb);
}

TEST(Pop3Session, UpdateAllowsNothing) {
  for (const auto& row : command_states()) EXPECT_FALSE(valid_in(row.verb, SessionState::update));
}

TEST(Pop3Session, UnknownCommandsAreNeverValid) {
  EXPECT_FALSE(valid_in(Verb::other, SessionState::authorization));
  EXPECT_FALSE(valid_in(Verb::other, SessionState::transaction));
}

TEST(Pop3Session, TableHasOneRowPerKnownVerbInOrder) {
  const auto rows = command_states();
  ASSERT_EQ(rows.size(), static_cast<std::size_t>(Verb::other));
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].verb, static_cast<Verb>(i));
}

TEST(Pop3Session, SuccessfulAuthenticationEntersTransaction) {
  for (Verb verb : {Verb::pass, Verb::apop, Verb::auth}) {
    EXPECT_EQ(state_after(SessionState::authorization, verb, Status::ok), SessionState::transaction);
    EXPECT_EQ(state_after(SessionState::authorization, verb, Status::err), SessionState::authorization);
  }
  EXPECT_EQ(state_after(SessionState::authorization, Verb::user, Status::ok), SessionState::authorization);
  EXPECT_EQ(state_after(SessionState::authorization, Verb::auth, Status::continuation), SessionState::authorization);
}

TEST(Pop3Session, QuitEndsOrEntersUpdate) {
  // RFC 1939 §6: QUIT from AUTHORIZATION does NOT enter UPDATE.
  EXPECT_EQ(state_after(SessionState::authorization, Verb::quit, Status::ok), std::nullopt);
  EXPECT_EQ(state_after(SessionState::transaction, Verb::quit, Status::ok), SessionState::update);
  EXPECT_EQ(state_after(SessionState::transaction, Verb::quit, Status::err), SessionState::update);
  EXPECT_EQ(state_after(SessionState::update, Verb::noop, Status::ok), std::nullopt);
}

TEST(Pop3Session, ResponseCodesFitTheirRegisteredCommands) {
  EXPECT_EQ(response_code_fit(response_code("IN-USE"), Verb::apop, Status::err), CodeFit::fits);
  EXPECT_EQ(response_code_fit(response_code("LOGIN-DELAY"), Verb::user, Status::err), CodeFit::fits);
  EXPECT_EQ(response_code_fit(response_code("SYS/TEMP"), Verb::retr, Status::err), CodeFit::fits);
  EXPECT_EQ(response_code_fit(response_code("SYS/PERM/QUOTA"), Verb::stat, Status::err), CodeFit::fits);
  EXPECT_EQ(response_code_fit(response_code("AUTH"), Verb::pass, Status::err), CodeFit::fits);
  EXPECT_EQ(response_code_fit(response_code("UTF8"), Verb::retr, Status::err), CodeFit::fits);
}

TEST(Pop3Session, FlagsResponseCodesOnWrongReplies) {
  EXPECT_EQ(response_code_fit(response_code("IN-USE"), Verb::user, Status::err), CodeFit::wrong_command);
  EXPECT_EQ(response_code_fit(response_code("UTF8"), Verb::dele, Status::err), CodeFit::wrong_command);
  EXPECT_EQ(response_code_fit(response_code("IN-USE"), Verb::pass, Status::ok), CodeFit::wrong_status);
  EXPECT_EQ(response_code_fit(response_code("X-VENDOR"), Verb::pass, Status::err), CodeFit::unknown_code);
}

}  // namespace
}  // namespace conformance::codec::pop3
