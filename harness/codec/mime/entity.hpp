// A message as a value to compose, store and compare: header fields and a
// body that is bytes, a list of parts, or an encapsulated message. Unlike
// Part (structure.hpp) it holds no offsets, so two messages compare equal
// when their structure is equal, and parse_entity(serialize_entity(x)) == x
// for any x that parse_entity produced or the builder (builder.hpp) made.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/box.hpp"
#include "harness/codec/common/result.hpp"
#include "harness/codec/mime/header.hpp"
#include "harness/codec/mime/limits.hpp"
#include "harness/codec/mime/structure.hpp"

namespace conformance::codec::mime {

struct Entity {
  using Kind = Part::Kind;
  Kind kind = Kind::leaf;
  // For a multipart, the Content-Type here must carry the boundary, and no
  // line of the parts may start with "--" and that boundary (RFC 2046 §5.1.1).
  HeaderSection header;

  std::string body;  // leaf: the body as transmitted (still encoded)

  std::string preamble;       // multipart: before the first delimiter line
  std::vector<Entity> parts;  // multipart
  bool closed = true;         // multipart: whether the close delimiter is written
  std::string epilogue;       // multipart: everything after "--boundary--"

  std::optional<Box<Entity>> message;  // message/rfc822: the message inside

  friend bool operator==(const Entity&, const Entity&) = default;
};

// The boundary parameter of the entity's Content-Type, or "" when none.
std::string boundary_of(const Entity& entity);

// Header, then body: a multipart is written as
//   [preamble CRLF] "--b" CRLF part1 CRLF "--b" CRLF part2 ... [CRLF "--b--" epilogue]
std::string serialize_entity(const Entity& entity);

// The entity of a parsed part, with the bytes it was parsed from.
Entity to_entity(const Part& part, std::string_view input);

// parse_message, then to_entity of the root.
Result<Entity> parse_entity(std::string_view input, const Limits& limits = {});

}  // namespace conformance::codec::mime
