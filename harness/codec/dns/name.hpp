// Domain names: a sequence of labels, kept exactly as received (case and
// all), so that a decoded message re-encodes to the same names. Comparison
// with operator== is exact; DNS itself compares names case-insensitively for
// ASCII letters only (RFC 4343 §3), which equals_ignore_case does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::dns {

class DomainName {
 public:
  static constexpr std::size_t max_label_length = 63;  // RFC 1035 §2.3.4
  static constexpr std::size_t max_wire_length = 255;  // RFC 1035 §2.3.4, length octets and root included

  // The root name ".".
  DomainName();

  // Presentation format (RFC 1035 §5.1): "mail.example.com." or
  // "mail.example.com" (always taken as fully qualified: there is no origin
  // here), "." for the root, "\." for a dot inside a label and "\DDD" for any
  // octet. Error offsets index `text`.
  static Result<DomainName> from_text(std::string_view text);

  // Uncompressed wire form (RFC 1035 §3.1): length-prefixed labels ending in
  // the zero-length root label, with nothing after it. Compression pointers
  // are not allowed here; messages are decoded with read_name (name_wire.hpp).
  static Result<DomainName> from_wire(std::string_view wire);

  // Uncompressed wire form, root label included (so never empty).
  std::string_view wire() const { return wire_; }
  bool is_root() const { return wire_.size() == 1; }
  std::size_t label_count() const;
  // The labels from leftmost to rightmost, without the empty root label, as
  // views into this name (valid while it lives and is not assigned to).
  std::vector<std::string_view> labels() const;

  // Presentation format with a trailing dot, escaping what RFC 1035 §5.1
  // makes special and any octet that is not printable ASCII as \DDD.
  std::string to_text() const;

  // The same name with ASCII letters folded to lower case: a lookup key for
  // the case-insensitive comparisons DNS makes (RFC 4343 §3).
  DomainName lowercased() const;

  // True when this name is `ancestor` or lies below it, ignoring ASCII case.
  bool is_subdomain_of(const DomainName& ancestor) const;

  friend bool operator==(const DomainName&, const DomainName&) = default;

 private:
  explicit DomainName(std::string wire) : wire_(std::move(wire)) {}
  friend class NameBuilder;

  std::string wire_;
};

// RFC 4343 §3: ASCII letters compare without regard to case; every other
// octet, including those above 0x7F, compares exactly.
bool equals_ignore_case(const DomainName& a, const DomainName& b);

// Builds a name label by label while enforcing the limits of RFC 1035
// §2.3.4, for decoders that find labels one at a time.
class NameBuilder {
 public:
  NameBuilder() { wire_.reserve(64); }
  // False (and nothing appended) when the label is empty, longer than 63
  // octets, or would make the name longer than 255 octets.
  bool append_label(std::string_view label);
  DomainName finish() &&;

 private:
  std::string wire_;
};

}  // namespace conformance::codec::dns
