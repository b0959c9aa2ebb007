// The meaning of SMTP reply codes: the severity of the first digit
// (RFC 5321 §4.2.1), the category of the second, and the texts RFC 5321
// §4.2.2 lists for each code (plus the codes RFC 4954 §6 and RFC 7504 added).
#pragma once

#include <optional>
#include <string_view>

namespace conformance::codec::smtp {

// First digit (RFC 5321 §4.2.1). SMTP defines no 1yz replies.
enum class ReplySeverity {
  positive_completion = 2,
  positive_intermediate = 3,
  transient_negative = 4,
  permanent_negative = 5,
};

// Second digit (RFC 5321 §4.2.1).
enum class ReplyCategory {
  syntax = 0,
  information = 1,
  connections = 2,
  unspecified_3 = 3,
  unspecified_4 = 4,
  mail_system = 5,
};

std::optional<ReplySeverity> reply_severity(int code);
std::optional<ReplyCategory> reply_category(int code);

// RFC 5321 §4.2.2, e.g. 354 "Start mail input; end with <CRLF>.<CRLF>".
// Nothing for codes no RFC defines.
std::optional<std::string_view> describe_reply_code(int code);

// Reply codes a harness refers to by name.
namespace reply_code {
inline constexpr int system_status = 211;
inline constexpr int help_message = 214;
inline constexpr int service_ready = 220;
inline constexpr int service_closing = 221;
inline constexpr int authentication_succeeded = 235;  // RFC 4954 §6
inline constexpr int ok = 250;
inline constexpr int user_not_local_will_forward = 251;
inline constexpr int cannot_verify = 252;
inline constexpr int auth_challenge = 334;  // RFC 4954 §4
inline constexpr int start_mail_input = 354;
inline constexpr int service_not_available = 421;
inline constexpr int mailbox_unavailable_transient = 450;
inline constexpr int local_error = 451;
inline constexpr int insufficient_storage = 452;
inline constexpr int temporary_auth_failure = 454;  // RFC 4954 §6
inline constexpr int cannot_accommodate_parameters = 455;
inline constexpr int command_unrecognized = 500;
inline constexpr int syntax_error_in_arguments = 501;
inline constexpr int command_not_implemented = 502;
inline constexpr int bad_sequence = 503;
inline constexpr int parameter_not_implemented = 504;
inline constexpr int no_mail_accepted = 521;  // RFC 7504 §3
inline constexpr int authentication_required = 530;  // RFC 4954 §6
inline constexpr int auth_mechanism_too_weak = 534;  // RFC 4954 §6
inline constexpr int auth_credentials_invalid = 535;  // RFC 4954 §6
inline constexpr int mailbox_unavailable = 550;
inline constexpr int user_not_local = 551;
inline constexpr int exceeded_storage = 552;
inline constexpr int mailbox_name_not_allowed = 553;
inline constexpr int transaction_failed = 554;
inline constexpr int parameters_not_recognized = 555;
}  // namespace reply_code

}  // namespace conformance::codec::smtp
