// Domains, address literals and the paths of MAIL and RCPT
// (RFC 5321 §4.1.2, §4.1.3), with the UTF-8 forms RFC 6531 §3.3 allows
// once SMTPUTF8 is in effect.
//
//   Reverse-path = Path / "<>"
//   Forward-path = Path            (RCPT also takes "<Postmaster>", §4.1.1.3)
//   Path         = "<" [ A-d-l ":" ] Mailbox ">"
//   A-d-l        = At-domain *( "," At-domain )     ; source route
//   Mailbox      = Local-part "@" ( Domain / address-literal )
//   Local-part   = Dot-string / Quoted-string
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::smtp {

// What follows "@": a domain name or an address literal in brackets.
struct Host {
  enum class Kind : std::uint8_t { domain, ipv4, ipv6, general };
  Kind kind = Kind::domain;
  // domain: the name ("mail.example.com"); ipv4: "192.0.2.1"; ipv6: the
  // address after "IPv6:"; general: the content after "tag:".
  std::string value;
  std::string tag;  // general literals only: the Standardized-tag

  static Host domain_name(std::string name) { return Host{Kind::domain, std::move(name), {}}; }
  static Host ipv4_literal(std::string address) { return Host{Kind::ipv4, std::move(address), {}}; }
  static Host ipv6_literal(std::string address) { return Host{Kind::ipv6, std::move(address), {}}; }

  bool is_literal() const { return kind != Kind::domain; }
  // As written in a command: "example.com", "[192.0.2.1]", "[IPv6:2001:db8::1]", "[tag:content]".
  std::string to_string() const;

  friend bool operator==(const Host&, const Host&) = default;
};

struct Path {
  // Source route "@a,@b:" (RFC 5321 §4.1.2 and Appendix C: must be accepted,
  // should be ignored); the domains without "@".
  std::vector<std::string> source_route;
  // As written: a Dot-string, or a Quoted-string with its quotes and
  // backslashes. Empty for the null path "<>".
  std::string local_part;
  // Absent for "<>" and for "<Postmaster>".
  std::optional<Host> domain;

  static Path null() { return {}; }
  static Path postmaster() { return Path{{}, "Postmaster", std::nullopt}; }
  // A mailbox path; the local part is quoted only if it has to be.
  static Path mailbox(std::string_view local_part_value, Host domain);

  bool is_null() const { return local_part.empty() && !domain && source_route.empty(); }
  bool is_postmaster() const;  // "<Postmaster>", any case (§4.1.1.3)
  // The local part with quoting undone: "\"a\\\"b\"" gives a"b.
  std::string local_part_value() const;
  // "local@domain" (empty for "<>", the local part for "<Postmaster>").
  std::string address() const;

  friend bool operator==(const Path&, const Path&) = default;
};

struct AddressLimits {
  std::size_t max_local_part = 64;     // §4.5.3.1.1, octets as written
  std::size_t max_domain = 255;        // §4.5.3.1.2, octets as written (brackets included)
  std::size_t max_path = 256;          // §4.5.3.1.3, from "<" to ">" inclusive
  std::size_t max_route_domains = 16;  // source route entries (a memory cap, not an RFC limit)
};

struct AddressOptions {
  // SMTPUTF8 in effect (RFC 6531 §3.3): UTF-8 allowed in local parts and
  // domain labels. Without it, a non-ASCII octet is an error.
  bool utf8 = false;
  AddressLimits limits;
};

// Domain = sub-domain *("." sub-domain), sub-domain = Let-dig [Ldh-str].
Result<Host> parse_domain(std::string_view text, const AddressOptions& options = {});
// Domain / address-literal, as EHLO takes it.
Result<Host> parse_host(std::string_view text, const AddressOptions& options = {});
// The whole of `text` must be the path, brackets included.
Result<Path> parse_reverse_path(std::string_view text, const AddressOptions& options = {});
Result<Path> parse_forward_path(std::string_view text, const AddressOptions& options = {});

// For the command parser: a path at the start of `text`, which may go on
// after the ">". Error offsets count from the start of `text`.
enum class PathKind : std::uint8_t { reverse, forward };
struct PathScan {
  Path path;
  std::size_t length = 0;                 // octets from "<" to ">" inclusive
  std::optional<std::size_t> first_utf8;  // offset of the first non-ASCII octet, if any
};
Result<PathScan> scan_path(std::string_view text, PathKind kind, const AddressOptions& options);
// The same without brackets ("user@example.com"), ending at SP or the end of
// `text`: the form some clients send, accepted in lenient mode only.
Result<PathScan> scan_unbracketed_path(std::string_view text, PathKind kind, const AddressOptions& options);

// "<...>" as written in MAIL or RCPT.
std::string serialize_path(const Path& path);
// The minimal quoting of a local part (§4.1.2: "the sending system SHOULD
// transmit the form that uses the minimum quoting possible").
std::string quote_local_part(std::string_view value);

}  // namespace conformance::codec::smtp
