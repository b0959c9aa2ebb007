// The client's view of an SMTP conversation, sans I/O: fed the bytes the
// client sent and the replies it read, it keeps the queue of commands
// awaiting a reply (pipelining, RFC 2920), attributes each reply to its
// command, tracks the session state that scenarios assert with `state:`,
// and reports replies that are impossible where they came.
//
// States (docs/protocols/smtp.md):
//   connected  awaiting the greeting
//   greeted    220 greeting read (or TLS just started), no EHLO/HELO accepted yet
//   refused    554 greeting (RFC 5321 §3.1): only QUIT makes sense
//   ready      EHLO/HELO accepted, no mail transaction open
//   auth       inside an AUTH exchange (a 334 challenge is unanswered or being answered)
//   mail       MAIL accepted
//   rcpt       at least one RCPT accepted
//   data       354 read: the client is sending the message, or waits for its reply
//   quit       the server said it is closing (221 to QUIT, or 421)
//   closed     the connection is closed
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/smtp/data.hpp"
#include "harness/codec/smtp/reply.hpp"

namespace conformance::protocols::smtp {

enum class State { connected, greeted, refused, ready, auth, mail, rcpt, data, quit, closed };
std::string_view to_string(State state);
std::vector<std::string> state_names();

// A protocol violation seen in the conversation.
struct Violation {
  std::string rfc;      // "RFC 5321 §4.2"
  std::string message;  // "a 250 reply with no command pending: 250 ok"
  friend bool operator==(const Violation&, const Violation&) = default;
};

enum class CommandKind {
  greeting,  // not a command: the server speaks first
  helo,
  ehlo,
  mail,
  rcpt,
  data,
  end_of_data,  // the message after 354, up to CRLF.CRLF
  bdat,
  rset,
  vrfy,
  expn,
  help,
  noop,
  quit,
  starttls,
  auth,
  auth_response,  // a SASL response line after a 334 challenge
  other,
};

struct PendingCommand {
  CommandKind kind = CommandKind::other;
  std::string text;         // for messages: the line (AUTH without its credentials), shortened
  bool last_chunk = false;  // BDAT ... LAST
};

class Conversation {
 public:
  Conversation();

  // The client wrote `bytes` (a command, several pipelined ones, message
  // content, a SASL response, or part of any of these).
  void on_sent(std::string_view bytes);

  struct Attribution {
    std::optional<PendingCommand> command;  // what the reply answers; none when nothing was pending
    std::vector<Violation> violations;
  };
  // A complete reply was read.
  Attribution on_reply(const codec::smtp::Reply& reply);

  // STARTTLS's handshake completed: RFC 3207 §4.2 resets the session to
  // just after the greeting and anything pipelined behind STARTTLS is void.
  void on_tls_started();
  void on_closed();

  State state() const { return state_; }
  std::size_t pending() const { return pending_.size(); }
  bool tls_active() const { return tls_active_; }
  // The next line the client sends answers a 334 challenge.
  bool awaiting_sasl_response() const;

  // What a transcript may show of `bytes` if the client wrote them now:
  // AUTH initial responses and SASL response lines become "<redacted>".
  // Nothing when no part needs hiding.
  std::optional<std::string> redact(std::string_view bytes) const;

 private:
  enum class Mode {
    commands,
    deferred,  // DATA sent, no reply yet: bytes wait until 354 says whether they are data
    data,
    bdat_chunk,
  };

  void consume(std::string_view bytes);
  void consume_commands(std::string_view& bytes);
  void consume_data(std::string_view& bytes);
  void consume_chunk(std::string_view& bytes);
  void end_line(bool bare_lf);
  PendingCommand classify(std::string_view line);
  void release_deferred(bool as_data);
  void apply(const PendingCommand& command, const codec::smtp::Reply& reply, std::vector<Violation>& violations);

  State state_ = State::connected;
  State state_before_auth_ = State::ready;
  std::deque<PendingCommand> pending_;
  Mode mode_ = Mode::commands;
  std::string line_;             // the command line being sent, its first kMaxKeptLine bytes
  std::size_t line_length_ = 0;  // its full length so far
  bool line_ends_with_cr_ = false;
  std::string deferred_;  // bytes sent behind an unanswered DATA
  bool deferred_overflow_ = false;
  codec::smtp::DataDecoder data_;  // finds the end of the message the client sends
  std::uint64_t chunk_left_ = 0;   // BDAT octets still to send
  // Bare LFs in commands, or more bytes behind DATA than we keep: the
  // server may have split the stream differently, so unmatched replies are
  // no longer proof of a server fault.
  bool uncertain_ = false;
  bool tls_active_ = false;
  std::string closing_rfc_;  // why the server closes: "RFC 5321 §4.1.1.10" after 221, §3.8 after 421
};

}  // namespace conformance::protocols::smtp
