// The IMAP views of a message: ENVELOPE and BODYSTRUCTURE (RFC 9051 §7.5.2,
// RFC 3501 §7.4.2). Defined once here: the IMAP response codec parses and
// serializes them, the MIME codec computes them from a message, and the fake
// IMAP server serves what the MIME codec computed.
//
// Field values are kept as on the wire, with NIL as std::nullopt, so that
// parse(serialize(x)) == x holds and a check can tell NIL from "".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/codec/common/box.hpp"

namespace conformance::codec::imap {

using NString = std::optional<std::string>;  // IMAP nstring: a string or NIL

// One address of an envelope list. RFC 9051 §7.5.2 encodes groups inline: a
// group start has host NIL and the group name as mailbox; a group end has
// mailbox and host NIL.
struct Address {
  NString name;     // display name (RFC 2047 words left encoded)
  NString adl;      // source route, obsolete
  NString mailbox;  // local part, or group name
  NString host;     // domain; NIL marks group syntax

  bool is_group_start() const { return !host && mailbox.has_value(); }
  bool is_group_end() const { return !host && !mailbox; }
  friend bool operator==(const Address&, const Address&) = default;
};

// An empty list stands for NIL (IMAP has no empty address list).
using AddressList = std::vector<Address>;

struct Envelope {
  NString date;
  NString subject;
  AddressList from;
  AddressList sender;
  AddressList reply_to;
  AddressList to;
  AddressList cc;
  AddressList bcc;
  NString in_reply_to;
  NString message_id;
  friend bool operator==(const Envelope&, const Envelope&) = default;
};

// body-fld-param: NIL (nullopt) or a list of attribute/value pairs.
using BodyParams = std::optional<std::vector<std::pair<std::string, std::string>>>;

struct BodyDisposition {
  std::string type;  // "inline", "attachment", ...
  BodyParams params;
  friend bool operator==(const BodyDisposition&, const BodyDisposition&) = default;
};

// body-extension (RFC 9051 §9): an nstring, a number or a list of them, for
// extension data a future RFC may add after body-fld-loc.
struct BodyExtension {
  enum class Kind { nstring, number, list };
  Kind kind = Kind::nstring;
  NString string;
  std::uint64_t number = 0;
  std::vector<BodyExtension> list;
  friend bool operator==(const BodyExtension&, const BodyExtension&) = default;
};

// Extension data (BODYSTRUCTURE only; BODY has none). The fields are
// positional and each may be absent only if all after it are: `fields`
// counts how many of md5-or-params, disposition, language and location were
// sent, so a serializer writes back exactly what a parser read.
struct BodyExtensionData {
  int fields = 0;                            // 1..4
  NString md5;                               // single part: body-fld-md5
  BodyParams params;                         // multipart: body-fld-param
  std::optional<BodyDisposition> disposition;  // NIL when nullopt
  std::optional<std::vector<std::string>> language;  // NIL, one string, or a list
  NString location;
  std::vector<BodyExtension> extensions;    // anything after location
  friend bool operator==(const BodyExtensionData&, const BodyExtensionData&) = default;
};

struct BodyStructure;

// A message/rfc822 (or message/global) part carries the inner message's
// envelope, body structure and line count.
struct EncapsulatedMessage {
  Envelope envelope;
  Box<BodyStructure> body;
  std::uint32_t lines = 0;
  friend bool operator==(const EncapsulatedMessage&, const EncapsulatedMessage&) = default;
};

struct BodyStructure {
  // Media type as sent; a multipart has type "MULTIPART" and its subtype.
  std::string type;
  std::string subtype;

  // Multipart: the parts, in order (never empty on the wire).
  std::vector<BodyStructure> parts;

  // Single part: body-fields.
  BodyParams params;
  NString id;
  NString description;
  std::string encoding;   // body-fld-enc, e.g. "7BIT", "BASE64"
  std::uint32_t size = 0;  // body-fld-octets

  // text/*: body-fld-lines. message/rfc822: also lines, inside `message`.
  std::optional<std::uint32_t> lines;
  std::optional<EncapsulatedMessage> message;

  std::optional<BodyExtensionData> extension;

  bool is_multipart() const { return !parts.empty(); }
  friend bool operator==(const BodyStructure&, const BodyStructure&) = default;
};

}  // namespace conformance::codec::imap
