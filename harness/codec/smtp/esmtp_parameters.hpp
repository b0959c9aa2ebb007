// The ESMTP parameters of MAIL and RCPT (RFC 5321 §4.1.2):
//   esmtp-param   = esmtp-keyword ["=" esmtp-value]
//   esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")
//   esmtp-value   = 1*(%d33-60 / %d62-126)   ; =/ UTF8-non-ascii, RFC 6531 §3.3
// The parameters the extension RFCs define are typed; any other keyword is
// kept as written, in order, so that nothing a client sent is lost.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::smtp {

struct EsmtpParameter {
  std::string keyword;               // as written
  std::optional<std::string> value;  // absent for a keyword without "="
  friend bool operator==(const EsmtpParameter&, const EsmtpParameter&) = default;
};

// BODY= (RFC 6152 §2: 7BIT, 8BITMIME; RFC 3030 §3: BINARYMIME)
enum class BodyType : std::uint8_t { seven_bit, eight_bit_mime, binary_mime };
// RET= (RFC 3461 §4.3)
enum class DsnReturn : std::uint8_t { full, headers };

struct MailParameters {
  std::optional<std::uint64_t> size;  // SIZE= (RFC 1870 §3)
  std::optional<BodyType> body;
  bool smtputf8 = false;              // SMTPUTF8 (RFC 6531 §3.4)
  std::optional<DsnReturn> ret;
  std::optional<std::string> envid;   // ENVID=, xtext decoded (RFC 3461 §4.4)
  std::optional<std::string> auth;    // AUTH=, xtext decoded: an addr-spec or "<>" (RFC 4954 §5)
  bool requiretls = false;            // REQUIRETLS (RFC 8689 §4.1)
  std::vector<EsmtpParameter> others;
  friend bool operator==(const MailParameters&, const MailParameters&) = default;
};

// NOTIFY= (RFC 3461 §4.1): NEVER, or any of SUCCESS, FAILURE, DELAY.
struct DsnNotify {
  bool never = false;
  bool success = false;
  bool failure = false;
  bool delay = false;
  friend bool operator==(const DsnNotify&, const DsnNotify&) = default;
};

// ORCPT=addr-type;xtext (RFC 3461 §4.2), e.g. "rfc822;Bob@Big-Box.com".
struct OriginalRecipient {
  std::string address_type;  // "rfc822", "utf-8", ... as written
  std::string address;       // xtext decoded
  friend bool operator==(const OriginalRecipient&, const OriginalRecipient&) = default;
};

struct RcptParameters {
  std::optional<DsnNotify> notify;
  std::optional<OriginalRecipient> orcpt;
  std::vector<EsmtpParameter> others;
  friend bool operator==(const RcptParameters&, const RcptParameters&) = default;
};

// esmtp-param *(SP esmtp-param), split but not yet interpreted. Offsets count
// from the start of the text given to split_parameters.
struct ParameterList {
  std::vector<EsmtpParameter> params;
  std::vector<std::size_t> offsets;           // where each keyword starts
  std::vector<std::size_t> repeated_spaces;   // where a run of extra SPs between parameters was tolerated
  std::optional<std::size_t> first_utf8;      // first non-ASCII octet of any value
};
// UTF-8 in values is accepted (when well-formed) and reported in
// first_utf8; whether SMTPUTF8 allows it is the caller's decision.
Result<ParameterList> split_parameters(std::string_view text, bool allow_repeated_spaces = false);

// Types the parameters MAIL (or RCPT) defines; a known parameter given
// twice, or with a malformed value, is an error at its offset.
Result<MailParameters> to_mail_parameters(const ParameterList& list);
Result<RcptParameters> to_rcpt_parameters(const ParameterList& list);

// " SIZE=1000 BODY=8BITMIME ..." (each parameter preceded by SP), or "".
std::string serialize_parameters(const MailParameters& parameters);
std::string serialize_parameters(const RcptParameters& parameters);

}  // namespace conformance::codec::smtp
