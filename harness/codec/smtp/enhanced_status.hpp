// Enhanced mail system status codes, "class.subject.detail" (RFC 3463 §2),
// as SMTP servers put them at the start of reply text (RFC 2034 §4), and
// the meanings RFC 3463 §3 gives them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::smtp {

struct EnhancedStatusCode {
  int status_class = 0;  // 2 success, 4 persistent transient failure, 5 permanent failure
  int subject = 0;       // 0..999
  int detail = 0;        // 0..999

  std::string to_string() const;
  friend bool operator==(const EnhancedStatusCode&, const EnhancedStatusCode&) = default;
};

// The whole of `text` must be one status code:
//   status-code = class "." subject "." detail
//   class = "2" / "4" / "5";  subject = 1*3digit;  detail = 1*3digit
Result<EnhancedStatusCode> parse_enhanced_status_code(std::string_view text);

// A status code at the start of reply text, as RFC 2034 §4 places it
// ("2.1.0 Sender ok"). It counts only when followed by SP or the end of the
// text, so that "2.5.1.3 is a version" is not taken for one. `length` is the
// length of the code itself, without the SP.
struct LeadingStatusCode {
  EnhancedStatusCode code;
  std::size_t length = 0;
};
std::optional<LeadingStatusCode> find_leading_status_code(std::string_view text);

// RFC 3463 §3.1: "Success", "Persistent Transient Failure", "Permanent Failure".
std::optional<std::string_view> describe_status_class(int status_class);
// RFC 3463 §3.2..3.9: "Addressing Status", "Mailbox Status", ...
std::optional<std::string_view> describe_status_subject(int subject);
// The meaning of subject.detail, from RFC 3463 §3 and the extension RFCs
// that registered further details (RFC 4954, RFC 6531, RFC 8689), e.g.
// X.1.1 "Bad destination mailbox address". Nothing for unregistered codes.
std::optional<std::string_view> describe_status_detail(const EnhancedStatusCode& code);

}  // namespace conformance::codec::smtp
