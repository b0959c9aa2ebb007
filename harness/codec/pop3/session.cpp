#include "harness/codec/pop3/session.hpp"

#include <array>
#include <string_view>

namespace conformance::codec::pop3 {
namespace {

constexpr std::array<CommandStates, static_cast<std::size_t>(Verb::other)> kCommandStates = {{
    {Verb::user, true, false},  // RFC 1939 §7
    {Verb::pass, true, false},  // RFC 1939 §7
    {Verb::apop, true, false},  // RFC 1939 §7
    {Verb::auth, true, false},  // RFC 5034 §4
    {Verb::stls, true, false},  // RFC 2595 §4
    {Verb::capa, true, true},   // RFC 2449 §5
    {Verb::utf8, true, false},  // RFC 6856 §2
    {Verb::lang, true, true},   // RFC 6856 §3.1
    {Verb::stat, false, true},  // RFC 1939 §5
    {Verb::list, false, true},
    {Verb::retr, false, true},
    {Verb::dele, false, true},
    {Verb::noop, false, true},
    {Verb::rset, false, true},
    {Verb::top, false, true},   // RFC 1939 §7
    {Verb::uidl, false, true},  // RFC 1939 §7
    {Verb::quit, true, true},   // RFC 1939 §4, §6
}};

struct RegisteredCode {
  std::string_view path;
  bool any_command;
  std::size_t command_count;
  std::array<Verb, 4> commands;
};

// The IANA "POP3 Response Codes" registry. Every registered code is for -ERR.
constexpr std::array<RegisteredCode, 6> kRegisteredCodes = {{
    {codes::login_delay, false, 4, {Verb::user, Verb::pass, Verb::apop, Verb::auth}},  // RFC 2449 §8.1.1
    {codes::in_use, false, 3, {Verb::pass, Verb::apop, Verb::auth}},                   // RFC 2449 §8.1.2
    {codes::sys_temp, true, 0, {}},                                                    // RFC 3206 §4
    {codes::sys_perm, true, 0, {}},                                                    // RFC 3206 §4
    {codes::auth, false, 4, {Verb::user, Verb::pass, Verb::apop, Verb::auth}},         // RFC 3206 §5
    {codes::utf8, false, 3, {Verb::list, Verb::top, Verb::retr}},                      // RFC 6856 §5
}};

}  // namespace

std::span<const CommandStates> command_states() { return kCommandStates; }

bool valid_in(Verb verb, SessionState state) {
  const auto index = static_cast<std::size_t>(verb);
  if (index >= kCommandStates.size()) return false;
  switch (state) {
    case SessionState::authorization:
      return kCommandStates[index].authorization;
    case SessionState::transaction:
      return kCommandStates[index].transaction;
    case SessionState::update:
      return false;
  }
  return false;
}

std::optional<SessionState> state_after(SessionState state, Verb verb, Status status) {
  switch (state) {
    case SessionState::authorization:
      if (verb == Verb::quit) return std::nullopt;
      if (status == Status::ok && (verb == Verb::pass || verb == Verb::apop || verb == Verb::auth))
        return SessionState::transaction;
      return SessionState::authorization;
    case SessionState::transaction:
      // QUIT enters UPDATE whatever the reply; the reply reports whether the
      // deletions succeeded (RFC 1939 §6).
      if (verb == Verb::quit) return SessionState::update;
      return SessionState::transaction;
    case SessionState::update:
      return std::nullopt;
  }
  return std::nullopt;
}

CodeFit response_code_fit(const ResponseCode& code, Verb verb, Status status) {
  for (const auto& registered : kRegisteredCodes) {
    if (!is_code(code, registered.path)) continue;
    if (status != Status::err) return CodeFit::wrong_status;
    if (registered.any_command) return CodeFit::fits;
    for (std::size_t i = 0; i < registered.command_count; ++i)
      if (registered.commands[i] == verb) return CodeFit::fits;
    return CodeFit::wrong_command;
  }
  return CodeFit::unknown_code;
}

}  // namespace conformance::codec::pop3
