#include "harness/scenario/scenario.hpp"

namespace conformance::scenario {

std::string_view to_string(Protocol protocol) {
  switch (protocol) {
    case Protocol::smtp:
      return "smtp";
    case Protocol::pop3:
      return "pop3";
    case Protocol::imap:
      return "imap";
  }
  return "imap";
}

std::optional<Protocol> protocol_from_string(std::string_view name) {
  if (name == "smtp") return Protocol::smtp;
  if (name == "pop3") return Protocol::pop3;
  if (name == "imap") return Protocol::imap;
  return std::nullopt;
}

std::string_view to_string(Level level) {
  switch (level) {
    case Level::must:
      return "MUST";
    case Level::should:
      return "SHOULD";
    case Level::may:
      return "MAY";
  }
  return "MUST";
}

std::string_view to_string(TlsMode mode) {
  switch (mode) {
    case TlsMode::target_default:
      return "default";
    case TlsMode::plain:
      return "plain";
    case TlsMode::implicit:
      return "implicit";
    case TlsMode::starttls:
      return "starttls";
  }
  return "default";
}

bool Fixtures::touches_inbox() const {
  if (empty_inbox) return true;
  for (const auto& message : messages) {
    if (message.mailbox == "INBOX") return true;
  }
  return false;
}

}  // namespace conformance::scenario
