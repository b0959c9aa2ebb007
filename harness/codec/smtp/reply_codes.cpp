#include "harness/codec/smtp/reply_codes.hpp"

namespace conformance::codec::smtp {

std::optional<ReplySeverity> reply_severity(int code) {
  if (code < 200 || code > 599) return std::nullopt;
  return static_cast<ReplySeverity>(code / 100);
}

std::optional<ReplyCategory> reply_category(int code) {
  if (code < 200 || code > 599 || (code / 10) % 10 > 5) return std::nullopt;
  return static_cast<ReplyCategory>((code / 10) % 10);
}

std::optional<std::string_view> describe_reply_code(int code) {
  switch (code) {
    case 211: return "System status, or system help reply";
    case 214: return "Help message";
    case 220: return "<domain> Service ready";
    case 221: return "<domain> Service closing transmission channel";
    case 235: return "Authentication Succeeded";
    case 250: return "Requested mail action okay, completed";
    case 251: return "User not local; will forward to <forward-path>";
    case 252: return "Cannot VRFY user, but will accept message and attempt delivery";
    case 334: return "Server challenge (AUTH)";
    case 354: return "Start mail input; end with <CRLF>.<CRLF>";
    case 421: return "<domain> Service not available, closing transmission channel";
    case 432: return "A password transition is needed";
    case 450: return "Requested mail action not taken: mailbox unavailable";
    case 451: return "Requested action aborted: local error in processing";
    case 452: return "Requested action not taken: insufficient system storage";
    case 454: return "Temporary authentication failure";
    case 455: return "Server unable to accommodate parameters";
    case 500: return "Syntax error, command unrecognized";
    case 501: return "Syntax error in parameters or arguments";
    case 502: return "Command not implemented";
    case 503: return "Bad sequence of commands";
    case 504: return "Command parameter not implemented";
    case 521: return "Host does not accept mail";
    case 530: return "Authentication required";
    case 534: return "Authentication mechanism is too weak";
    case 535: return "Authentication credentials invalid";
    case 538: return "Encryption required for requested authentication mechanism";
    case 550: return "Requested action not taken: mailbox unavailable";
    case 551: return "User not local; please try <forward-path>";
    case 552: return "Requested mail action aborted: exceeded storage allocation";
    case 553: return "Requested action not taken: mailbox name not allowed";
    case 554: return "Transaction failed";
    case 555: return "MAIL FROM/RCPT TO parameters not recognized or not implemented";
    case 556: return "Domain does not accept mail";
    default: return std::nullopt;
  }
}

}  // namespace conformance::codec::smtp
