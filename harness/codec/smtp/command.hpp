// SMTP commands (RFC 5321 §4.1.1 and the extension RFCs): parsed on the
// server side, serialized on the client side.
//
// Parsing is strict by default: every deviation from the grammar is an
// error with the offset where it was found and what was expected there. A
// lenient mode accepts the deviations real clients are known for (for
// example "MAIL FROM: <a@b>") and reports each one it tolerated, so a fake
// server can be forgiving and a checker can still see what was sent.
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
#include "harness/codec/smtp/address.hpp"
#include "harness/codec/smtp/esmtp_parameters.hpp"

namespace conformance::codec::smtp {

// helo = "HELO" SP Domain CRLF
struct Helo {
  Host domain;
  friend bool operator==(const Helo&, const Helo&) = default;
};
// ehlo = "EHLO" SP ( Domain / address-literal ) CRLF
struct Ehlo {
  Host host;
  friend bool operator==(const Ehlo&, const Ehlo&) = default;
};
// mail = "MAIL FROM:" Reverse-path [SP Mail-parameters] CRLF
struct MailFrom {
  Path reverse_path;
  MailParameters parameters;
  friend bool operator==(const MailFrom&, const MailFrom&) = default;
};
// rcpt = "RCPT TO:" ( "<Postmaster@" Domain ">" / "<Postmaster>" / Forward-path ) [SP Rcpt-parameters] CRLF
struct RcptTo {
  Path forward_path;
  RcptParameters parameters;
  friend bool operator==(const RcptTo&, const RcptTo&) = default;
};
// data = "DATA" CRLF
struct Data {
  friend bool operator==(const Data&, const Data&) = default;
};
// bdat-cmd = "BDAT" SP chunk-size [ SP end-marker ] CRLF (RFC 3030 §3)
struct Bdat {
  std::uint64_t chunk_size = 0;
  bool last = false;
  friend bool operator==(const Bdat&, const Bdat&) = default;
};
// rset = "RSET" CRLF
struct Rset {
  friend bool operator==(const Rset&, const Rset&) = default;
};
// vrfy = "VRFY" SP String CRLF. The argument is kept as written: clients
// send mailboxes and "<...>" forms that String does not cover.
struct Vrfy {
  std::string argument;
  friend bool operator==(const Vrfy&, const Vrfy&) = default;
};
// expn = "EXPN" SP String CRLF
struct Expn {
  std::string argument;
  friend bool operator==(const Expn&, const Expn&) = default;
};
// help = "HELP" [ SP String ] CRLF
struct Help {
  std::optional<std::string> argument;
  friend bool operator==(const Help&, const Help&) = default;
};
// noop = "NOOP" [ SP String ] CRLF
struct Noop {
  std::optional<std::string> argument;
  friend bool operator==(const Noop&, const Noop&) = default;
};
// quit = "QUIT" CRLF
struct Quit {
  friend bool operator==(const Quit&, const Quit&) = default;
};
// starttls = "STARTTLS" CRLF (RFC 3207 §4)
struct StartTls {
  friend bool operator==(const StartTls&, const StartTls&) = default;
};
// "AUTH" SP sasl-mech [SP initial-response] (RFC 4954 §4). The initial
// response is decoded; "=" (a zero-length response) gives an empty string.
struct Auth {
  std::string mechanism;
  std::optional<std::string> initial_response;
  friend bool operator==(const Auth&, const Auth&) = default;
};
// Any other verb (ETRN, XCLIENT, SEND, ...): a server answers 500 or 502.
struct UnknownCommand {
  std::string verb;                     // as written
  std::optional<std::string> argument;  // everything after the first SP
  friend bool operator==(const UnknownCommand&, const UnknownCommand&) = default;
};

using Command =
    std::variant<Helo, Ehlo, MailFrom, RcptTo, Data, Bdat, Rset, Vrfy, Expn, Help, Noop, Quit, StartTls, Auth, UnknownCommand>;

// RFC 5321 §4.5.3.1.4: a command line is at most 512 octets with its CRLF.
inline constexpr std::size_t kRfcMaxCommandLineLength = 512;

struct CommandOptions {
  std::size_t max_line_length = kRfcMaxCommandLineLength;  // CRLF included
  // crlf_or_bare_lf accepts (and reports) a line ended by LF alone.
  LineEnding ending = LineEnding::crlf_only;
  // Accept the known deviations listed in Tolerance, reporting each.
  bool lenient = false;
  // The transaction is SMTPUTF8 (RFC 6531 §3.4): UTF-8 allowed in RCPT paths
  // and parameter values. MAIL allows it also when it carries SMTPUTF8 itself.
  bool smtputf8 = false;
  AddressLimits address_limits;
};

// What lenient mode accepted.
enum class Tolerance : std::uint8_t {
  bare_lf,                 // the line ended with LF alone
  trailing_whitespace,     // SP or HTAB before the end of line
  space_before_path,       // "MAIL FROM: <a@b>"
  missing_angle_brackets,  // "MAIL FROM:a@b"
  repeated_spaces,         // more than one SP between arguments
  helo_address_literal,    // HELO with an address literal (only EHLO allows one)
  lowercase_mechanism,     // "AUTH plain" (sasl-mech is upper case, RFC 4422 §3.1)
};
struct Tolerated {
  Tolerance what;
  std::size_t offset;  // in the line
  friend bool operator==(const Tolerated&, const Tolerated&) = default;
};

struct ParsedCommand {
  Command command;
  std::vector<Tolerated> tolerated;  // empty in strict mode
  friend bool operator==(const ParsedCommand&, const ParsedCommand&) = default;
};

// One command line without its line ending.
Result<ParsedCommand> parse_command_line(std::string_view line, const CommandOptions& options = {});

// The first command line of `buffer` (pipelined commands follow it, RFC
// 2920): needs more until its CRLF arrives; too long as soon as the cap is
// passed. Offsets count from the start of `buffer`.
Step<ParsedCommand> parse_command(std::string_view buffer, const CommandOptions& options = {});

// The command line as a client sends it, CRLF included. Verbs are upper case.
std::string serialize_command(const Command& command);

// "MAIL", "RCPT", ... (the verb as written for UnknownCommand).
std::string_view verb_of(const Command& command);

}  // namespace conformance::codec::smtp
