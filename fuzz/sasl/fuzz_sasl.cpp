// Fuzz target for the SASL codec. The first input byte chooses a mechanism
// and a role: server side parsing client messages, or client side parsing
// server messages; the rest is the message (or messages, split at '\n').
// Where a message parses, it is serialized and reparsed, and the two
// parses must be equal; the state machines must not crash on anything.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/fuzz_support.hpp"
#include "harness/codec/sasl/cram_md5.hpp"
#include "harness/codec/sasl/external.hpp"
#include "harness/codec/sasl/gs2.hpp"
#include "harness/codec/sasl/login.hpp"
#include "harness/codec/sasl/mechanism.hpp"
#include "harness/codec/sasl/oauth_error.hpp"
#include "harness/codec/sasl/oauthbearer.hpp"
#include "harness/codec/sasl/plain.hpp"
#include "harness/codec/sasl/redaction.hpp"
#include "harness/codec/sasl/scram_client.hpp"
#include "harness/codec/sasl/scram_messages.hpp"
#include "harness/codec/sasl/scram_server.hpp"
#include "harness/codec/sasl/wire.hpp"
#include "harness/codec/sasl/xoauth2.hpp"

namespace sasl = conformance::codec::sasl;

namespace {

// Small iteration counts keep PBKDF2 from dominating the run.
sasl::Limits fuzz_limits() {
  sasl::Limits limits;
  limits.min_iterations = 1;
  limits.max_iterations = 8;
  return limits;
}

const sasl::InMemoryAccounts& accounts() {
  static const sasl::InMemoryAccounts instance = [] {
    sasl::InMemoryAccounts a([](std::span<unsigned char> out) {
      for (auto& b : out) b = 0x5A;
      return true;
    }, 2);
    a.add_user("user", "pencil");
    a.add_bearer_token("vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==", "user@example.com");
    a.set_external_identity("user");
    return a;
  }();
  return instance;
}

std::vector<std::string_view> lines_of(std::string_view input) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (out.size() < 8) {
    const std::size_t end = input.find('\n', at);
    if (end == std::string_view::npos) {
      out.push_back(input.substr(at));
      break;
    }
    out.push_back(input.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// parse(serialize(parse(x))) == parse(x), and the second serialization is stable.
template <class Parse, class Serialize>
void check_round_trip(std::string_view input, Parse parse, Serialize serialize) {
  auto first = parse(input);
  if (!first) {
    FUZZ_CHECK(first.error().offset <= input.size());
    FUZZ_CHECK(!first.error().expected.empty());
    return;
  }
  const std::string text = serialize(*first);
  auto second = parse(text);
  FUZZ_CHECK(second.ok());
  FUZZ_CHECK(*second == *first);
  FUZZ_CHECK(serialize(*second) == text);
}

void drive_server(sasl::ServerMechanism& server, std::string_view input) {
  const auto lines = lines_of(input);
  sasl::ServerStep step = server.start(lines[0]);
  for (std::size_t i = 1; i < lines.size() && step.is_challenge(); ++i) step = server.step(lines[i]);
  if (step.is_failure()) FUZZ_CHECK(!step.error.expected.empty());
}

void drive_client(sasl::ClientMechanism& client, std::string_view input) {
  (void)client.start(true);
  for (std::string_view line : lines_of(input)) {
    if (!client.respond(line)) break;
  }
  (void)client.complete();
}

sasl::ScramClientOptions scram_client_options() {
  sasl::ScramClientOptions options;
  options.username = "user";
  options.password = sasl::Secret("pencil");
  options.nonce = "fyko+d2lbbFgONRv9qkxdawL";
  options.limits = fuzz_limits();
  return options;
}

void fuzz_scram_server(std::string_view input) {
  sasl::ScramServerOptions options;
  options.nonce = "3rfcNHYJY1ZVvWVs7j";
  options.limits = fuzz_limits();
  sasl::ScramServer server(accounts(), options);
  drive_server(server, input);
}

void fuzz_scram_client_final_phase(std::string_view input) {
  // A known server-first with i=1, then the input as server-final.
  sasl::ScramClient client(scram_client_options());
  (void)client.start();
  FUZZ_CHECK(client.respond("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=1").ok());
  auto verdict = client.respond(input);
  if (verdict) FUZZ_CHECK(client.server_verified());
  (void)client.complete();
}

void fuzz_redaction(std::string_view input) {
  for (sasl::Mechanism m : sasl::all_mechanisms()) {
    for (std::size_t step = 0; step < 3; ++step) {
      auto r = sasl::redact(m, sasl::Direction::client_to_server, step, input);
      if (r.carries_secret) FUZZ_CHECK(r.rendering.find(sasl::kRedactedMarker) != std::string::npos);
      (void)sasl::redact_wire_line(sasl::mechanism_name(m), sasl::Direction::client_to_server, step, input);
    }
  }
  (void)sasl::escape_for_transcript(input);
}

void fuzz_wire(std::string_view input) {
  if (auto line = sasl::decode_client_line(input)) {
    auto again = sasl::decode_client_line(sasl::encode_client_line(*line));
    FUZZ_CHECK(again.ok() && *again == *line);
  }
  if (auto initial = sasl::decode_initial_response(input)) {
    auto again = sasl::decode_initial_response(sasl::encode_initial_response(*initial));
    FUZZ_CHECK(again.ok() && *again == *initial);
  }
}

void fuzz_mechanism_lists(std::string_view input) {
  check_round_trip(input, sasl::parse_smtp_auth_keyword, sasl::serialize_smtp_auth_keyword);
  check_round_trip(input, sasl::parse_pop3_sasl_capability, sasl::serialize_pop3_sasl_capability);
  if (auto imap = sasl::parse_imap_auth_capabilities(input)) {
    auto again = sasl::parse_imap_auth_capabilities(sasl::serialize_imap_auth_capabilities(*imap));
    FUZZ_CHECK(again.ok() && *again == *imap);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const std::string_view input = conformance::fuzz::as_view(data + 1, size - 1);
  const sasl::Limits limits = fuzz_limits();
  const auto with_limits = [&limits](auto parse) {
    return [parse, &limits](std::string_view text) { return parse(text, limits); };
  };

  switch (selector % 20) {
    // Server side: client messages.
    case 0: {
      check_round_trip(input, with_limits(sasl::parse_plain), sasl::serialize_plain);
      sasl::PlainServer server(accounts(), limits);
      drive_server(server, input);
      break;
    }
    case 1: {
      sasl::LoginServer server(accounts());
      drive_server(server, input);
      break;
    }
    case 2: {
      check_round_trip(input, with_limits(sasl::parse_cram_md5_response), sasl::serialize_cram_md5_response);
      sasl::CramMd5ServerOptions options;
      options.challenge = "<1896.697170952@postoffice.reston.mci.net>";
      sasl::CramMd5Server server(accounts(), options);
      (void)server.start(std::nullopt);
      (void)server.step(input);
      break;
    }
    case 3:
      check_round_trip(input, with_limits(sasl::parse_scram_client_first), sasl::serialize_scram_client_first);
      break;
    case 4:
      check_round_trip(input, with_limits(sasl::parse_scram_client_final), sasl::serialize_scram_client_final);
      break;
    case 5:
      fuzz_scram_server(input);
      break;
    case 6: {
      check_round_trip(input, with_limits(sasl::parse_xoauth2), sasl::serialize_xoauth2);
      sasl::Xoauth2Server server(accounts());
      drive_server(server, input);
      break;
    }
    case 7: {
      check_round_trip(input, with_limits(sasl::parse_oauthbearer), sasl::serialize_oauthbearer);
      sasl::OAuthBearerServer server(accounts());
      drive_server(server, input);
      break;
    }
    case 8: {
      check_round_trip(input, with_limits(sasl::parse_external), sasl::serialize_external);
      sasl::ExternalServer server(accounts());
      drive_server(server, input);
      break;
    }
    case 9:
      fuzz_wire(input);
      break;
    case 10:
      fuzz_mechanism_lists(input);
      break;
    case 11: {
      auto gs2 = sasl::parse_gs2_header(input, limits);
      if (gs2) {
        FUZZ_CHECK(gs2->consumed <= input.size());
        auto again = sasl::parse_gs2_header(sasl::serialize_gs2_header(gs2->header), limits);
        FUZZ_CHECK(again.ok() && again->header == gs2->header);
      }
      break;
    }
    // Client side: server messages.
    case 12: {
      check_round_trip(input, with_limits(sasl::parse_scram_server_first), sasl::serialize_scram_server_first);
      sasl::ScramClient client(scram_client_options());
      (void)client.start();
      (void)client.respond(input);
      break;
    }
    case 13:
      check_round_trip(input, with_limits(sasl::parse_scram_server_final), sasl::serialize_scram_server_final);
      fuzz_scram_client_final_phase(input);
      break;
    case 14: {
      check_round_trip(input, with_limits(sasl::parse_oauth_error), sasl::serialize_oauth_error);
      sasl::OAuthBearerMessage message;
      message.token = sasl::Secret("token");
      sasl::OAuthBearerClient client(message);
      drive_client(client, input);
      sasl::Xoauth2Client xoauth2({"user", sasl::Secret("token")});
      drive_client(xoauth2, input);
      break;
    }
    case 15: {
      sasl::CramMd5Client cram("tim", sasl::Secret("tanstaaftanstaaf"));
      drive_client(cram, input);
      sasl::LoginClient login({"tim", sasl::Secret("pw"), false});
      drive_client(login, input);
      sasl::PlainClient plain({"", "tim", sasl::Secret("pw")});
      drive_client(plain, input);
      sasl::ExternalClient external;
      drive_client(external, input);
      break;
    }
    case 16: {
      sasl::ScramClient client(scram_client_options());
      drive_client(client, input);
      break;
    }
    case 17:
      fuzz_redaction(input);
      break;
    case 18: {
      auto decoded = sasl::decode_saslname(input, 0, limits.max_identity_length);
      if (decoded) FUZZ_CHECK(sasl::encode_saslname(*decoded) == input);
      break;
    }
    default:
      check_round_trip(input, with_limits(sasl::parse_login_username), [](const std::string& s) { return s; });
      break;
  }
  return 0;
}
