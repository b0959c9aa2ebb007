// POP3 commands as structures: the server side parses them from a line, the
// client side serializes them (RFC 1939 §3-7; RFC 2449 §5 CAPA; RFC 2595 §4
// STLS; RFC 5034 §4 AUTH; RFC 6856 §2-3 UTF8 and LANG).
//
// command = keyword *(SP param) CRLF; keyword = 3*4VCHAR (RFC 2449 §3).
// Keywords are case-insensitive; arguments are separated by a single SP and
// are at most 40 characters (RFC 1939 §3); a command line is at most 255
// octets including CRLF (RFC 2449 §4). The SASL client responses that follow
// an AUTH command are not commands; they are in sasl.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "harness/codec/common/line.hpp"
#include "harness/codec/common/result.hpp"

namespace conformance::codec::pop3 {

// Message-numbers and sizes are decimal (RFC 1939 §4); message-numbers start at 1.
using MessageNumber = std::uint64_t;

// One value per command, in the order of the Command alternatives below.
enum class Verb : std::uint8_t {
  user,
  pass,
  apop,
  auth,
  stls,
  capa,
  utf8,
  lang,
  stat,
  list,
  retr,
  dele,
  noop,
  rset,
  top,
  uidl,
  quit,
  other,  // a syntactically valid keyword this codec does not know (XTND, LAST, RPOP, ...)
};

namespace cmd {
struct User {
  std::string name;
  friend bool operator==(const User&, const User&) = default;
};
struct Pass {
  std::string password;  // the rest of the line: spaces belong to it (RFC 1939 §7, PASS)
  friend bool operator==(const Pass&, const Pass&) = default;
};
struct Apop {
  std::string name;
  std::string digest;  // 32 lowercase hex digits (RFC 1939 §7, APOP)
  friend bool operator==(const Apop&, const Apop&) = default;
};
struct Auth {
  // No mechanism: the pre-RFC 5034 form that asks for the list of mechanisms.
  std::optional<std::string> mechanism;
  // The initial client response, decoded. On the wire it is base64, and an
  // empty one is sent as "=" (RFC 5034 §4).
  std::optional<std::string> initial_response;
  friend bool operator==(const Auth&, const Auth&) = default;
};
struct Stls {
  friend bool operator==(const Stls&, const Stls&) = default;
};
struct Capa {
  friend bool operator==(const Capa&, const Capa&) = default;
};
struct Utf8 {
  friend bool operator==(const Utf8&, const Utf8&) = default;
};
struct Lang {
  std::optional<std::string> range;  // a basic language range or "*"; none asks for the list (RFC 6856 §3.2)
  friend bool operator==(const Lang&, const Lang&) = default;
};
struct Stat {
  friend bool operator==(const Stat&, const Stat&) = default;
};
struct List {
  std::optional<MessageNumber> message;
  friend bool operator==(const List&, const List&) = default;
};
struct Retr {
  MessageNumber message = 1;
  friend bool operator==(const Retr&, const Retr&) = default;
};
struct Dele {
  MessageNumber message = 1;
  friend bool operator==(const Dele&, const Dele&) = default;
};
struct Noop {
  friend bool operator==(const Noop&, const Noop&) = default;
};
struct Rset {
  friend bool operator==(const Rset&, const Rset&) = default;
};
struct Top {
  MessageNumber message = 1;
  std::uint64_t lines = 0;  // non-negative (RFC 1939 §7, TOP)
  friend bool operator==(const Top&, const Top&) = default;
};
struct Uidl {
  std::optional<MessageNumber> message;
  friend bool operator==(const Uidl&, const Uidl&) = default;
};
struct Quit {
  friend bool operator==(const Quit&, const Quit&) = default;
};
// Any other keyword, kept as sent, with its parameters: a fake server answers
// it with -ERR (RFC 1939 §3), a test client can send it to probe a server.
struct Other {
  std::string keyword;
  std::vector<std::string> params;
  friend bool operator==(const Other&, const Other&) = default;
};
}  // namespace cmd

using Command =
    std::variant<cmd::User, cmd::Pass, cmd::Apop, cmd::Auth, cmd::Stls, cmd::Capa, cmd::Utf8, cmd::Lang, cmd::Stat,
                 cmd::List, cmd::Retr, cmd::Dele, cmd::Noop, cmd::Rset, cmd::Top, cmd::Uidl, cmd::Quit, cmd::Other>;

Verb verb_of(const Command& command);

// The keyword in its canonical upper-case spelling ("" for Verb::other).
std::string_view keyword(Verb verb);

// The verb a keyword names, case-insensitively; Verb::other when unknown.
Verb verb_from_keyword(std::string_view keyword);

struct CommandLimits {
  std::size_t max_line_length = 255;     // including CRLF (RFC 2449 §4)
  std::size_t max_argument_length = 40;  // each argument (RFC 1939 §3); not the AUTH initial response (RFC 5034 §4)
  LineEnding ending = LineEnding::crlf_only;
};

// Parses one command line given without its terminator. Error offsets are
// relative to `line`.
Result<Command> parse_command(std::string_view line, const CommandLimits& limits = {});

// Takes one command from the front of a stream: need_more until a line end
// arrives, then done with the bytes it took, or an error (over-long line,
// bad syntax). Stateless: call again with the bytes after `consumed()`.
Step<Command> decode_command(std::string_view buffer, const CommandLimits& limits = {});

// The command line, CRLF included.
std::string serialize(const Command& command);

}  // namespace conformance::codec::pop3
