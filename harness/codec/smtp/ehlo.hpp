// The positive reply to EHLO as a model: the server's domain and greeting,
// then the service extensions it offers (RFC 5321 §4.1.1.1, §2.2.2).
//
//   ehlo-ok-rsp  = ( "250" SP Domain [ SP ehlo-greet ] CRLF )
//                / ( "250-" Domain [ SP ehlo-greet ] CRLF
//                    *( "250-" ehlo-line CRLF )
//                    "250" SP ehlo-line CRLF )
//   ehlo-line    = ehlo-keyword *( SP ehlo-param )
//   ehlo-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")
//   ehlo-param   = 1*(%d33-126)
//
// Besides the grammar, the pre-standard "AUTH=LOGIN PLAIN" form that old
// clients needed is recognised and kept as such, because servers still send
// it next to the standard "AUTH LOGIN PLAIN" line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/smtp/reply.hpp"

namespace conformance::codec::smtp {

struct EhloKeyword {
  std::string name;                 // as the server wrote it; compare with iequals
  std::vector<std::string> params;  // ehlo-params, split on SP
  bool equals_form = false;         // written "NAME=param1 param2" (the old AUTH= form)

  friend bool operator==(const EhloKeyword&, const EhloKeyword&) = default;
};

struct EhloResponse {
  std::string domain;    // Domain or address-literal identifying the server
  std::string greeting;  // ehlo-greet, empty when absent
  std::vector<EhloKeyword> keywords;

  // Case-insensitive lookup (RFC 5321 §4.1.1.1). Prefers the standard form
  // over the "NAME=" form when a server sent both.
  const EhloKeyword* find(std::string_view name) const;
  bool has(std::string_view name) const { return find(name) != nullptr; }

  // SIZE (RFC 1870 §4): the declared maximum; 0 when SIZE has no parameter
  // or "0", meaning no fixed maximum; nothing when SIZE is absent or its
  // parameter is not a number.
  std::optional<std::uint64_t> size_limit() const;
  // AUTH (RFC 4954 §3): the mechanisms of every AUTH and AUTH= line, each
  // once (compared case-insensitively), in the order first seen.
  std::vector<std::string> auth_mechanisms() const;

  friend bool operator==(const EhloResponse&, const EhloResponse&) = default;
};

// Error offsets count from the start of serialize_reply(reply), as the
// reply would appear on the wire.
Result<EhloResponse> parse_ehlo_response(const Reply& reply);
Reply to_reply(const EhloResponse& response);

}  // namespace conformance::codec::smtp
