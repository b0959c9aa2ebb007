// Which commands are valid in which connection state (RFC 9051 §3 and §6,
// RFC 3501 §3 and §6, and each extension's RFC), as data a fake server
// checks a client against and a scenario reads to know what to expect.
//
// The states: not authenticated, authenticated, selected, logout (§3.1-3.4).
// Commands valid in the authenticated state are valid in the selected state
// too (§3.3), except ENABLE (RFC 5161 §3.1: authenticated state only). No
// command is valid in the logout state.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "harness/codec/imap/command/command.hpp"

namespace conformance::codec::imap::command {

enum class SessionState { not_authenticated, authenticated, selected, logout };

struct StateSet {
  bool not_authenticated = false;
  bool authenticated = false;
  bool selected = false;

  constexpr bool contains(SessionState state) const {
    switch (state) {
      case SessionState::not_authenticated: return not_authenticated;
      case SessionState::authenticated: return authenticated;
      case SessionState::selected: return selected;
      case SessionState::logout: return false;
    }
    return false;
  }
  friend constexpr bool operator==(const StateSet&, const StateSet&) = default;
};

struct CommandStateRule {
  std::string_view name;       // as command_name() gives it: "FETCH", "UID FETCH"
  StateSet states;
  std::string_view reference;  // where the rule is stated
};

// Every command this codec parses, in RFC 9051 §6 order, then RFC 3501's.
std::span<const CommandStateRule> command_state_rules();

// The rule of a command name (case-insensitive), or nullptr for a name the
// table does not know (an unknown or experimental command).
const CommandStateRule* find_command_state_rule(std::string_view name);

// The states in which `command` is valid; nullopt for an UnknownCommand
// (only the server that implements it can tell).
std::optional<StateSet> allowed_states(const Command& command);

// Is `command` valid in `state`? False for an UnknownCommand.
bool allowed_in_state(const Command& command, SessionState state);

}  // namespace conformance::codec::imap::command
