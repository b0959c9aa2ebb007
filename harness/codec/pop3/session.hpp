// The POP3 session model as data: which commands each state allows (RFC 1939
// §3-7, with the states RFC 2449 §6, RFC 2595 §4, RFC 5034 §4 and RFC 6856
// give to CAPA, STLS, AUTH, UTF8 and LANG), how a reply moves the session
// between states, and which extended response codes fit which replies (the
// IANA POP3 response code registry: RFC 2449 §8.1, RFC 3206, RFC 6856 §5).
// No I/O: a harness uses it to flag replies a correct server cannot send,
// e.g. "+OK" to STAT before authentication ("A server MUST respond to a
// command issued when the session is in an incorrect state by responding
// with a negative status indicator", RFC 1939 §3).
#pragma once

#include <optional>
#include <span>

#include "harness/codec/pop3/command.hpp"
#include "harness/codec/pop3/response.hpp"
#include "harness/codec/pop3/response_code.hpp"

namespace conformance::codec::pop3 {

enum class SessionState {
  authorization,  // after the greeting, until USER/PASS, APOP or AUTH succeeds (RFC 1939 §4)
  transaction,    // the maildrop is open (RFC 1939 §5)
  update,         // after QUIT in TRANSACTION; the server answers and closes (RFC 1939 §6)
};

struct CommandStates {
  Verb verb;
  bool authorization;
  bool transaction;
  // No command is valid in UPDATE: the server closes the connection.
};

// One row per known verb (Verb::other excluded), in Verb order. Finer rules
// live in the RFCs and are not modelled here: PASS only right after a
// successful USER, no AUTH after a successful AUTH (RFC 5034 §4), no STLS
// after UTF8 (RFC 6856 §2.1) or once TLS is active (RFC 2595 §4).
std::span<const CommandStates> command_states();

// Whether `verb` may be given in `state`. Verb::other is never valid: a
// server answers unknown commands with -ERR (RFC 1939 §3).
bool valid_in(Verb verb, SessionState state);

// The state after the server answered `verb` with `status` in `state`.
// nullopt when the session ends without entering UPDATE (QUIT in
// AUTHORIZATION, RFC 1939 §6) or has ended (anything in UPDATE).
std::optional<SessionState> state_after(SessionState state, Verb verb, Status status);

enum class CodeFit {
  fits,           // a registered code on a reply it is registered for
  unknown_code,   // not registered: clients ignore it (RFC 2449 §8); nothing to judge
  wrong_status,   // registered for -ERR, seen on +OK (all registered codes are -ERR codes)
  wrong_command,  // registered, but not for replies to this command
};

CodeFit response_code_fit(const ResponseCode& code, Verb verb, Status status);

}  // namespace conformance::codec::pop3
