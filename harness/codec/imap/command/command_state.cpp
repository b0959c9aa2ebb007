#include "harness/codec/imap/command/command_state.hpp"

#include "harness/codec/imap/chars.hpp"

namespace conformance::codec::imap::command {
namespace {

constexpr StateSet kAny{true, true, true};
constexpr StateSet kNotAuthenticated{true, false, false};
constexpr StateSet kAuthenticated{false, true, true};  // authenticated, hence also selected (§3.3)
constexpr StateSet kAuthenticatedOnly{false, true, false};
constexpr StateSet kSelected{false, false, true};

constexpr CommandStateRule kRules[] = {
    {"CAPABILITY", kAny, "RFC 9051 §6.1.1"},
    {"NOOP", kAny, "RFC 9051 §6.1.2"},
    {"LOGOUT", kAny, "RFC 9051 §6.1.3"},
    {"STARTTLS", kNotAuthenticated, "RFC 9051 §6.2.1"},
    {"AUTHENTICATE", kNotAuthenticated, "RFC 9051 §6.2.2"},
    {"LOGIN", kNotAuthenticated, "RFC 9051 §6.2.3"},
    {"ENABLE", kAuthenticatedOnly, "RFC 9051 §6.3.1, RFC 5161 §3.1"},
    {"SELECT", kAuthenticated, "RFC 9051 §6.3.2"},
    {"EXAMINE", kAuthenticated, "RFC 9051 §6.3.3"},
    {"CREATE", kAuthenticated, "RFC 9051 §6.3.4"},
    {"DELETE", kAuthenticated, "RFC 9051 §6.3.5"},
    {"RENAME", kAuthenticated, "RFC 9051 §6.3.6"},
    {"SUBSCRIBE", kAuthenticated, "RFC 9051 §6.3.7"},
    {"UNSUBSCRIBE", kAuthenticated, "RFC 9051 §6.3.8"},
    {"LIST", kAuthenticated, "RFC 9051 §6.3.9"},
    {"NAMESPACE", kAuthenticated, "RFC 9051 §6.3.10"},
    {"STATUS", kAuthenticated, "RFC 9051 §6.3.11"},
    {"APPEND", kAuthenticated, "RFC 9051 §6.3.12"},
    {"IDLE", kAuthenticated, "RFC 9051 §6.3.13"},
    {"CLOSE", kSelected, "RFC 9051 §6.4.1"},
    {"UNSELECT", kSelected, "RFC 9051 §6.4.2"},
    {"EXPUNGE", kSelected, "RFC 9051 §6.4.3"},
    {"SEARCH", kSelected, "RFC 9051 §6.4.4"},
    {"FETCH", kSelected, "RFC 9051 §6.4.5"},
    {"STORE", kSelected, "RFC 9051 §6.4.6"},
    {"COPY", kSelected, "RFC 9051 §6.4.7"},
    {"MOVE", kSelected, "RFC 9051 §6.4.8"},
    {"UID COPY", kSelected, "RFC 9051 §6.4.9"},
    {"UID MOVE", kSelected, "RFC 9051 §6.4.9"},
    {"UID FETCH", kSelected, "RFC 9051 §6.4.9"},
    {"UID SEARCH", kSelected, "RFC 9051 §6.4.9"},
    {"UID STORE", kSelected, "RFC 9051 §6.4.9"},
    {"UID EXPUNGE", kSelected, "RFC 9051 §6.4.9, RFC 4315 §2.1"},
    {"ID", kAny, "RFC 2971 §3.1"},
    {"CHECK", kSelected, "RFC 3501 §6.4.1"},
    {"LSUB", kAuthenticated, "RFC 3501 §6.3.9"},
};

}  // namespace

std::span<const CommandStateRule> command_state_rules() { return kRules; }

const CommandStateRule* find_command_state_rule(std::string_view name) {
  for (const auto& rule : kRules)
    if (iequals(rule.name, name)) return &rule;
  return nullptr;
}

std::optional<StateSet> allowed_states(const Command& command) {
  if (std::holds_alternative<UnknownCommand>(command.body)) return std::nullopt;
  const CommandStateRule* rule = find_command_state_rule(command_name(command));
  if (rule == nullptr) return std::nullopt;
  return rule->states;
}

bool allowed_in_state(const Command& command, SessionState state) {
  const auto states = allowed_states(command);
  return states && states->contains(state);
}

}  // namespace conformance::codec::imap::command
