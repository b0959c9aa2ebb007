// SASL mechanism names (RFC 4422 §3.1) and the lists servers advertise:
// the SMTP EHLO AUTH keyword (RFC 4954 §3), IMAP AUTH= capabilities
// (RFC 9051 §6.2.2) and the POP3 SASL capability (RFC 5034 §5). Also which
// mechanisms expose a reusable credential on the wire, and the order a
// client should prefer them in.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/codec/common/result.hpp"

namespace conformance::codec::sasl {

enum class Mechanism {
  plain,
  login,
  cram_md5,
  scram_sha_1,
  scram_sha_1_plus,
  scram_sha_256,
  scram_sha_256_plus,
  xoauth2,
  oauthbearer,
  external,
};

// Every known mechanism, in declaration order.
std::span<const Mechanism> all_mechanisms();

// The registered name, upper case ("SCRAM-SHA-256-PLUS").
std::string_view mechanism_name(Mechanism mechanism);
// Names compare case-insensitively (RFC 4422 §3.1 lets protocols do so, and
// RFC 4954, RFC 9051 and RFC 5034 all do).
std::optional<Mechanism> mechanism_from_name(std::string_view name);

// RFC 4422 §3.1: 1 to 20 of upper-case letters, digits, '-' and '_'. Lower
// case letters are accepted too, since names are matched case-insensitively.
bool is_valid_mechanism_name(std::string_view name);

// Mechanisms that put a reusable secret on the wire in a form anyone who
// sees the bytes can replay: the password (PLAIN, LOGIN) or a bearer token
// (XOAUTH2, OAUTHBEARER; RFC 7628 §5 and RFC 6750 §5.3 require TLS). A
// client must not use them before TLS, and a server should not offer them.
bool sends_cleartext_credentials(Mechanism mechanism);

// The -PLUS variants, which bind the exchange to the TLS channel (RFC 5802 §6).
bool uses_channel_binding(Mechanism mechanism);

// True when the client speaks first (RFC 4422 §5), so its first message can
// go with the AUTH command as an initial response. CRAM-MD5 and LOGIN are
// server-first (LOGIN's username is sometimes sent early anyway).
bool is_client_first(Mechanism mechanism);

// Strongest first: SCRAM with channel binding, SCRAM, the bearer-token
// mechanisms, then the password-in-the-clear ones and CRAM-MD5, whose server
// must store the plain password (RFC 2195 §3 "security considerations").
// EXTERNAL is not in it: it only makes sense when asked for.
std::span<const Mechanism> default_preference();

// A list of mechanism names as advertised, in the server's order and
// spelling, including names this library does not implement.
struct MechanismList {
  std::vector<std::string> names;

  bool contains(Mechanism mechanism) const;
  bool contains(std::string_view name) const;  // case-insensitive
  std::vector<Mechanism> known() const;         // the implemented ones, in order
  friend bool operator==(const MechanismList&, const MechanismList&) = default;
};

// An EHLO line's AUTH keyword: "AUTH PLAIN LOGIN", or the pre-RFC 2554 form
// "AUTH=PLAIN LOGIN" some servers still send for old clients.
struct SmtpAuthKeyword {
  bool legacy_equals_form = false;
  MechanismList mechanisms;
  friend bool operator==(const SmtpAuthKeyword&, const SmtpAuthKeyword&) = default;
};

// `line` is the EHLO line's text without the reply code and separator.
Result<SmtpAuthKeyword> parse_smtp_auth_keyword(std::string_view line);
std::string serialize_smtp_auth_keyword(const SmtpAuthKeyword& keyword);

// `capabilities` is the space-separated capability list (a leading
// "CAPABILITY" may stay); only the AUTH=<mechanism> entries are kept.
Result<MechanismList> parse_imap_auth_capabilities(std::string_view capabilities);
std::string serialize_imap_auth_capabilities(const MechanismList& list);  // "AUTH=PLAIN AUTH=LOGIN"

// A POP3 CAPA line "SASL PLAIN LOGIN".
Result<MechanismList> parse_pop3_sasl_capability(std::string_view line);
std::string serialize_pop3_sasl_capability(const MechanismList& list);

struct SelectionPolicy {
  std::vector<Mechanism> preference{default_preference().begin(), default_preference().end()};
  bool tls_active = false;                 // cleartext mechanisms only when true
  bool channel_binding_available = false;  // -PLUS variants only when true
};

// The first mechanism of the preference that the server offers and the
// policy allows; nullopt when there is none.
std::optional<Mechanism> select_mechanism(const MechanismList& offered, const SelectionPolicy& policy);

}  // namespace conformance::codec::sasl
