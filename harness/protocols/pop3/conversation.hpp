// The POP3 conversation as the client sees it, sans I/O: which replies are
// awaited (one per command line sent, the greeting first, SASL exchanges
// step by step) with the shape each is read with, the session state (RFC
// 1939 §3: AUTHORIZATION, TRANSACTION, UPDATE; and closed), the capabilities
// last listed by CAPA, and the replies a correct server cannot send, each
// reported as a Violation with the clause it breaks:
//
//   - a reply when no command is pending (RFC 1939 §3);
//   - a multi-line reply to a command that takes a single-line one;
//   - +OK to a command that is not valid in the current state, e.g. STAT
//     before authentication (RFC 1939 §3), or to PASS without a successful
//     USER (RFC 1939 §7), or to a cancelled SASL exchange (RFC 5034 §4);
//   - a greeting or reply that is not a +OK/-ERR status line;
//   - a first line over 512 octets (RFC 2449 §4), a response code on a
//     reply it is not registered for (RFC 2449 §8), bytes the decoder had to
//     tolerate (bare LF, unstuffed "." lines, lower-case status).
//
// The session feeds it what it writes and what it decodes; the state names
// are those a scenario's `state:` step uses.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/pop3/capabilities.hpp"
#include "harness/codec/pop3/command.hpp"
#include "harness/codec/pop3/response_decoder.hpp"
#include "harness/codec/pop3/shape.hpp"

namespace conformance::protocols::pop3 {

enum class State { authorization, transaction, update, closed };
std::string_view state_name(State state);  // "authorization", ...
std::vector<std::string> state_names();

// A reply a correct server could not have sent, or bytes it should not have.
struct Violation {
  std::string rfc;      // "RFC 1939 §3"
  std::string message;  // "+OK to STAT in the AUTHORIZATION state"
};

// What the next reply answers.
struct Awaited {
  enum class Kind { greeting, command, sasl_response };
  Kind kind = Kind::command;
  codec::pop3::Verb verb = codec::pop3::Verb::other;
  codec::pop3::ResponseShape shape = codec::pop3::ResponseShape::single_line;
  std::string label;          // "RETR 1", "the greeting"; never a credential
  bool cancels_sasl = false;  // the SASL response was "*"
};

class Conversation {
 public:
  // A connection opened: the greeting is awaited.
  void connected();
  // The client wrote `bytes`: each complete line is a command (or a SASL
  // response while an AUTH exchange is open) awaiting one reply. A line may
  // end with CRLF or a bare LF, as servers accept both; a partial line
  // waits for the rest.
  void client_sent(std::string_view bytes);

  const Awaited* next() const { return awaited_.empty() ? nullptr : &awaited_.front(); }
  std::size_t awaited_count() const { return awaited_.size(); }

  // The reply to next() (or to nothing) arrived, decoded with next()'s
  // shape or one the scenario forced.
  std::vector<Violation> received(const codec::pop3::DecodedResponse& reply);
  // What came where a status line was due is not one: the greeting or the
  // reply to next() is garbage (`line` escaped for the message).
  std::vector<Violation> received_garbage(std::string_view line);
  // Lines that are no reply (`first` the first of them): with
  // `ends_with_dot` after a single-line +OK, a body the command does not
  // take; else data nobody asked for.
  std::vector<Violation> received_stray_lines(std::size_t count, bool ends_with_dot, std::string_view first = {});

  // The STLS handshake completed: capabilities are forgotten (RFC 2595 §4).
  void tls_started();
  void closed();

  State state() const { return state_; }
  bool tls_active() const { return tls_active_; }
  bool sasl_in_progress() const { return sasl_open_; }
  // Client bytes after the last line end (a partial line).
  std::string_view unterminated() const { return unterminated_; }
  // As of the last CAPA in this TLS epoch; nullopt when none was listed.
  const std::optional<codec::pop3::Capabilities>& capabilities() const { return capabilities_; }
  const std::optional<std::string>& greeting_text() const { return greeting_text_; }
  // The last reply was a single-line +OK to a command: lines that follow
  // may be a body it should not have had.
  bool last_reply_was_single_line_ok() const { return last_single_line_ok_; }

 private:
  void take_line(std::string_view line);
  void check_reply(const Awaited& awaited, const codec::pop3::Response& response, std::vector<Violation>& out);
  void advance(const Awaited& awaited, const codec::pop3::Response& response, std::vector<Violation>& out);
  void record_capabilities(const std::vector<std::string>& lines, std::vector<Violation>& out);

  std::deque<Awaited> awaited_;
  State state_ = State::authorization;
  bool tls_active_ = false;
  bool sasl_open_ = false;
  bool user_accepted_ = false;  // the last reply was +OK to USER, so PASS may follow (RFC 1939 §7)
  bool last_single_line_ok_ = false;
  std::string last_label_;
  std::string unterminated_;
  std::optional<codec::pop3::Capabilities> capabilities_;
  std::optional<std::string> greeting_text_;
};

}  // namespace conformance::protocols::pop3
