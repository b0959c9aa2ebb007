#include "harness/codec/smtp/enhanced_status.hpp"

#include "harness/codec/smtp/chars.hpp"

namespace conformance::codec::smtp {
namespace {

// Reads 1*3digit at text[at]; returns the number of digits (0 when none).
std::size_t read_number(std::string_view text, std::size_t at, int& value) {
  std::size_t n = 0;
  value = 0;
  while (at + n < text.size() && n < 3 && is_digit(static_cast<unsigned char>(text[at + n]))) {
    value = value * 10 + (text[at + n] - '0');
    ++n;
  }
  return n;
}

struct Scan {
  EnhancedStatusCode code;
  std::size_t length = 0;
  std::optional<ParseError> error;
};

// Reads a status code at the start of `text`, stopping after the detail.
Scan scan_code(std::string_view text) {
  Scan scan;
  if (text.empty() || (text[0] != '2' && text[0] != '4' && text[0] != '5')) {
    scan.error = ParseError{0, "status code class \"2\", \"4\" or \"5\""};
    return scan;
  }
  scan.code.status_class = text[0] - '0';
  std::size_t at = 1;
  if (at >= text.size() || text[at] != '.') {
    scan.error = ParseError{at, "'.' after the class"};
    return scan;
  }
  ++at;
  std::size_t n = read_number(text, at, scan.code.subject);
  if (n == 0) {
    scan.error = ParseError{at, "subject (1 to 3 digits)"};
    return scan;
  }
  at += n;
  if (at >= text.size() || text[at] != '.') {
    scan.error = ParseError{at, "'.' after the subject"};
    return scan;
  }
  ++at;
  n = read_number(text, at, scan.code.detail);
  if (n == 0) {
    scan.error = ParseError{at, "detail (1 to 3 digits)"};
    return scan;
  }
  scan.length = at + n;
  return scan;
}

struct DetailMeaning {
  int subject;
  int detail;
  std::string_view meaning;
};

// RFC 3463 §3.2-§3.9, then the details later RFCs registered.
constexpr DetailMeaning kDetails[] = {
    {0, 0, "Other undefined Status"},
    {1, 0, "Other address status"},
    {1, 1, "Bad destination mailbox address"},
    {1, 2, "Bad destination system address"},
    {1, 3, "Bad destination mailbox address syntax"},
    {1, 4, "Destination mailbox address ambiguous"},
    {1, 5, "Destination address valid"},
    {1, 6, "Destination mailbox has moved, No forwarding address"},
    {1, 7, "Bad sender's mailbox address syntax"},
    {1, 8, "Bad sender's system address"},
    {2, 0, "Other or undefined mailbox status"},
    {2, 1, "Mailbox disabled, not accepting messages"},
    {2, 2, "Mailbox full"},
    {2, 3, "Message length exceeds administrative limit"},
    {2, 4, "Mailing list expansion problem"},
    {3, 0, "Other or undefined mail system status"},
    {3, 1, "Mail system full"},
    {3, 2, "System not accepting network messages"},
    {3, 3, "System not capable of selected features"},
    {3, 4, "Message too big for system"},
    {3, 5, "System incorrectly configured"},
    {4, 0, "Other or undefined network or routing status"},
    {4, 1, "No answer from host"},
    {4, 2, "Bad connection"},
    {4, 3, "Directory server failure"},
    {4, 4, "Unable to route"},
    {4, 5, "Mail system congestion"},
    {4, 6, "Routing loop detected"},
    {4, 7, "Delivery time expired"},
    {5, 0, "Other or undefined protocol status"},
    {5, 1, "Invalid command"},
    {5, 2, "Syntax error"},
    {5, 3, "Too many recipients"},
    {5, 4, "Invalid command arguments"},
    {5, 5, "Wrong protocol version"},
    {5, 6, "Authentication Exchange line is too long"},  // RFC 4954 §6
    {6, 0, "Other or undefined media error"},
    {6, 1, "Media not supported"},
    {6, 2, "Conversion required and prohibited"},
    {6, 3, "Conversion required but not supported"},
    {6, 4, "Conversion with loss performed"},
    {6, 5, "Conversion Failed"},
    {6, 7, "Non-ASCII addresses not permitted for that sender/recipient"},  // RFC 6531
    {6, 8, "UTF-8 string reply is required, but not permitted by the SMTP client"},  // RFC 6531
    {6, 9, "UTF-8 header message cannot be transferred to one or more recipients"},  // RFC 6531
    {7, 0, "Other or undefined security status"},
    {7, 1, "Delivery not authorized, message refused"},
    {7, 2, "Mailing list expansion prohibited"},
    {7, 3, "Security conversion required but not possible"},
    {7, 4, "Security features not supported"},
    {7, 5, "Cryptographic failure"},
    {7, 6, "Cryptographic algorithm not supported"},
    {7, 7, "Message integrity failure"},
    {7, 8, "Authentication credentials invalid"},                          // RFC 4954 §6
    {7, 9, "Authentication mechanism is too weak"},                        // RFC 4954 §6
    {7, 11, "Encryption required for requested authentication mechanism"},  // RFC 4954 §6
    {7, 12, "A password transition is needed"},                            // RFC 4954 §6
    {7, 30, "REQUIRETLS support required"},                                // RFC 8689
};

}  // namespace

std::string EnhancedStatusCode::to_string() const {
  return std::to_string(status_class) + "." + std::to_string(subject) + "." + std::to_string(detail);
}

Result<EnhancedStatusCode> parse_enhanced_status_code(std::string_view text) {
  Scan scan = scan_code(text);
  if (scan.error) return *scan.error;
  if (scan.length != text.size()) return ParseError{scan.length, "end of the status code"};
  return scan.code;
}

std::optional<LeadingStatusCode> find_leading_status_code(std::string_view text) {
  Scan scan = scan_code(text);
  if (scan.error) return std::nullopt;
  if (scan.length < text.size() && text[scan.length] != ' ') return std::nullopt;
  return LeadingStatusCode{scan.code, scan.length};
}

std::optional<std::string_view> describe_status_class(int status_class) {
  switch (status_class) {
    case 2: return "Success";
    case 4: return "Persistent Transient Failure";
    case 5: return "Permanent Failure";
    default: return std::nullopt;
  }
}

std::optional<std::string_view> describe_status_subject(int subject) {
  switch (subject) {
    case 0: return "Other or Undefined Status";
    case 1: return "Addressing Status";
    case 2: return "Mailbox Status";
    case 3: return "Mail System Status";
    case 4: return "Network and Routing Status";
    case 5: return "Mail Delivery Protocol Status";
    case 6: return "Message Content or Media Status";
    case 7: return "Security or Policy Status";
    default: return std::nullopt;
  }
}

std::optional<std::string_view> describe_status_detail(const EnhancedStatusCode& code) {
  if (!describe_status_class(code.status_class)) return std::nullopt;
  for (const DetailMeaning& entry : kDetails)
    if (entry.subject == code.subject && entry.detail == code.detail) return entry.meaning;
  return std::nullopt;
}

}  // namespace conformance::codec::smtp
