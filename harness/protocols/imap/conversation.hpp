// The IMAP connection state (RFC 9051 §3) as the client side sees it,
// tracked from what was sent (parsed with the command codec: tags, command
// names, literals, AUTHENTICATE and IDLE continuation lines) and what came
// back (decoded responses). Sans-I/O. It flags responses that cannot be
// right where they arrive: a tagged reply to no command in progress, a
// continuation request nothing waits for, mailbox data with no mailbox
// selected, PREAUTH after the greeting, success for a command the state
// does not allow.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/imap/command/command_decoder.hpp"
#include "harness/codec/imap/response/response.hpp"

namespace conformance::protocols::imap {

enum class State { not_authenticated, authenticated, selected, logout, closed };
std::string_view to_string(State state);  // "not_authenticated", ...
std::vector<std::string> state_names();

// A response impossible where it arrived, with the clause it breaks.
struct Violation {
  std::string rfc;
  std::string message;
};

class Conversation {
 public:
  Conversation();

  // Bytes the client wrote: whole commands, parts of one, a literal's
  // data, AUTHENTICATE responses, IDLE's DONE, in any split.
  void sent(std::string_view bytes);
  // One response from the server, in arrival order.
  std::vector<Violation> received(const codec::imap::Response& response);
  void closed();

  State state() const { return state_; }
  bool greeted() const { return greeted_; }
  // The tag of the last command sent (scenario or internal), if any.
  const std::optional<std::string>& last_tag() const { return last_tag_; }
  // How many commands have been sent so far (a command's first part counts).
  std::size_t commands_sent() const { return commands_sent_; }
  bool is_pending(std::string_view tag) const;
  std::size_t pending_count() const { return pending_.size(); }
  // The server asked for an AUTHENTICATE response: the next line is one.
  bool authenticating() const { return decoder_.expected() == codec::imap::command::NextLine::authenticate_response; }

  // Tags for the commands the session sends itself (login, CAPABILITY,
  // fixtures): "C1", "C2", ... never reused on the connection.
  std::string next_internal_tag();

 private:
  struct Pending {
    std::string tag;
    std::string name;  // command_name(): "SELECT", "UID FETCH"; "" when it did not parse
    State sent_in = State::not_authenticated;
    bool continued = false;  // IDLE: the "+" came
    bool partial = false;    // announced a literal; the rest has not been sent yet
  };

  // A command (or its first part, `partial`) went out: it is pending from now on.
  void add_pending(std::string tag, std::string name, bool partial = false);
  std::vector<Violation> tagged(const codec::imap::StatusResponse& response);
  std::vector<Violation> continuation();
  bool selecting() const;  // a SELECT or EXAMINE is in progress

  codec::imap::command::CommandDecoder decoder_;
  State state_ = State::not_authenticated;
  bool greeted_ = false;
  std::vector<Pending> pending_;
  std::optional<std::string> last_tag_;
  std::size_t literals_waiting_ = 0;  // synchronizing literals announced, "+" not yet received
  std::string literal_command_tag_;   // the command those literals belong to
  unsigned next_internal_ = 0;
  std::size_t commands_sent_ = 0;
};

}  // namespace conformance::protocols::imap
