#include "harness/protocols/pop3/conversation.hpp"

#include <algorithm>

#include "harness/codec/pop3/session.hpp"
#include "harness/protocols/pop3/reply_text.hpp"

namespace conformance::protocols::pop3 {
namespace {

using codec::pop3::ResponseShape;
using codec::pop3::Status;
using codec::pop3::Verb;

// RFC 2449 §4: "The maximum length of the first line of a command response
// (including the initial greeting) is unchanged at 512 octets (including
// the terminating CRLF)."
constexpr std::size_t kMaxFirstLine = 512;

std::string_view first_word(std::string_view line) { return line.substr(0, line.find(' ')); }

std::string lines(std::size_t count) { return std::to_string(count) + (count == 1 ? " line" : " lines"); }

codec::pop3::SessionState codec_state(State state) {
  switch (state) {
    case State::authorization:
      return codec::pop3::SessionState::authorization;
    case State::transaction:
      return codec::pop3::SessionState::transaction;
    case State::update:
    case State::closed:
      break;
  }
  return codec::pop3::SessionState::update;
}

std::string_view upper_state_name(State state) {
  switch (state) {
    case State::authorization:
      return "AUTHORIZATION";
    case State::transaction:
      return "TRANSACTION";
    case State::update:
      return "UPDATE";
    case State::closed:
      return "closed";
  }
  return "closed";
}

// The command as reports may show it: credentials left out.
std::string label_of(Verb verb, std::string_view line) {
  const std::string_view keyword = first_word(line);
  switch (verb) {
    case Verb::pass:
      return "PASS";
    case Verb::apop: {
      const std::string_view rest = line.substr(std::min(line.size(), keyword.size() + 1));
      return "APOP " + escape_text(first_word(rest), 60);
    }
    case Verb::auth: {
      const std::string_view rest = line.substr(std::min(line.size(), keyword.size() + 1));
      return rest.empty() ? "AUTH" : "AUTH " + escape_text(first_word(rest), 40);
    }
    default:
      break;
  }
  return escape_text(line, 60);
}

// Where each tolerated deviation is forbidden.
std::string_view anomaly_rfc(codec::pop3::AnomalyKind kind) {
  switch (kind) {
    case codec::pop3::AnomalyKind::continuation_without_space:
      return "RFC 5034 §5";
    case codec::pop3::AnomalyKind::invalid_base64_challenge:
      return "RFC 5034 §4";
    case codec::pop3::AnomalyKind::malformed_response_code:
      return "RFC 2449 §3";
    default:
      break;
  }
  return "RFC 1939 §3";
}

// Where each registered response code is defined.
std::string_view code_rfc(const codec::pop3::ResponseCode& code) {
  using codec::pop3::is_code;
  namespace codes = codec::pop3::codes;
  if (is_code(code, codes::login_delay)) return "RFC 2449 §8.1.1";
  if (is_code(code, codes::in_use)) return "RFC 2449 §8.1.2";
  if (is_code(code, codes::sys_temp) || is_code(code, codes::sys_perm)) return "RFC 3206 §4";
  if (is_code(code, codes::auth)) return "RFC 3206 §5";
  if (is_code(code, codes::utf8)) return "RFC 6856 §5";
  return "RFC 2449 §8";
}

}  // namespace

std::string_view state_name(State state) {
  switch (state) {
    case State::authorization:
      return "authorization";
    case State::transaction:
      return "transaction";
    case State::update:
      return "update";
    case State::closed:
      return "closed";
  }
  return "closed";
}

std::vector<std::string> state_names() { return {"authorization", "transaction", "update", "closed"}; }

void Conversation::connected() {
  *this = Conversation{};
  awaited_.push_back(Awaited{Awaited::Kind::greeting, Verb::other, codec::pop3::greeting_shape, "the greeting"});
}

void Conversation::client_sent(std::string_view bytes) {
  unterminated_.append(bytes);
  std::size_t start = 0;
  for (std::size_t end; (end = unterminated_.find('\n', start)) != std::string::npos; start = end + 1) {
    std::string_view line = std::string_view(unterminated_).substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    take_line(line);
  }
  unterminated_.erase(0, start);
}

void Conversation::take_line(std::string_view line) {
  if (sasl_open_) {
    awaited_.push_back(Awaited{Awaited::Kind::sasl_response, Verb::auth, codec::pop3::shape_after_sasl_response,
                               "a SASL response", line == "*"});
    return;
  }
  // The grammar's caps are the server's business; here only the meaning counts.
  codec::pop3::CommandLimits limits;
  limits.max_line_length = std::string_view::npos;
  limits.max_argument_length = std::string_view::npos;
  Awaited awaited;
  if (auto command = codec::pop3::parse_command(line, limits)) {
    awaited.verb = codec::pop3::verb_of(*command);
    awaited.shape = codec::pop3::expected_shape(*command);
    if (awaited.shape == ResponseShape::sasl) sasl_open_ = true;
  } else {
    // A server answers a malformed command with a single -ERR line (RFC 1939 §3).
    awaited.verb = codec::pop3::verb_from_keyword(first_word(line));
  }
  awaited.label = label_of(awaited.verb, line);
  awaited_.push_back(std::move(awaited));
}

std::vector<Violation> Conversation::received(const codec::pop3::DecodedResponse& reply) {
  std::vector<Violation> out;
  const auto& response = reply.response;
  for (const auto& anomaly : reply.anomalies) {
    // Without RESP-CODES a "[" may open any text (RFC 2449 §6.4).
    if (anomaly.kind == codec::pop3::AnomalyKind::malformed_response_code &&
        !(capabilities_ && capabilities_->has(codec::pop3::capa::resp_codes)))
      continue;
    out.push_back(Violation{std::string(anomaly_rfc(anomaly.kind)), std::string(codec::pop3::describe(anomaly.kind)) +
                                                                        " at byte " + std::to_string(anomaly.offset) +
                                                                        " of " + status_line_text(response)});
  }
  if (response.status != Status::continuation) {
    codec::pop3::Response first = response;
    first.body.reset();
    const std::size_t length = codec::pop3::serialize(first).size();
    if (length > kMaxFirstLine)
      out.push_back(Violation{"RFC 2449 §4", "the first line of a reply is " + std::to_string(length) +
                                                 " octets long; the limit is 512 including CRLF"});
  }

  if (awaited_.empty()) {
    out.push_back(Violation{"RFC 1939 §3", "a reply with no command pending: " + status_line_text(response)});
    last_single_line_ok_ = false;
    return out;
  }
  const Awaited awaited = std::move(awaited_.front());
  awaited_.pop_front();
  check_reply(awaited, response, out);
  advance(awaited, response, out);
  last_single_line_ok_ = awaited.kind == Awaited::Kind::command && response.status == Status::ok && !response.body;
  last_label_ = awaited.label;
  return out;
}

void Conversation::check_reply(const Awaited& awaited, const codec::pop3::Response& response,
                               std::vector<Violation>& out) {
  if (awaited.kind == Awaited::Kind::greeting) return;
  const std::string reply = status_line_text(response);
  if (state_ == State::update || state_ == State::closed) {
    out.push_back(Violation{"RFC 1939 §6", "a reply to " + awaited.label + " after QUIT was answered: " + reply});
    return;
  }
  if (response.body && awaited.shape == ResponseShape::single_line && awaited.verb != Verb::other)
    out.push_back(Violation{"RFC 1939 §3", "a multi-line reply to " + awaited.label + ", which takes a single line"});
  if (response.status == Status::ok) {
    if (awaited.kind == Awaited::Kind::command && awaited.verb != Verb::other &&
        !codec::pop3::valid_in(awaited.verb, codec_state(state_)))
      out.push_back(Violation{"RFC 1939 §3", "+OK to " + awaited.label + " in the " +
                                                 std::string(upper_state_name(state_)) +
                                                 " state, where a server must answer it with -ERR"});
    if (awaited.kind == Awaited::Kind::command && awaited.verb == Verb::pass && !user_accepted_)
      out.push_back(Violation{"RFC 1939 §7", "+OK to PASS that did not follow a successful USER"});
    if (awaited.cancels_sasl)
      out.push_back(Violation{"RFC 5034 §4", "+OK to a SASL exchange the client cancelled with \"*\""});
  }
  if (response.code) {
    const auto fit = codec::pop3::response_code_fit(*response.code, awaited.verb, response.status);
    const std::string code = "[" + codec::pop3::to_string(*response.code) + "]";
    if (fit == codec::pop3::CodeFit::wrong_status)
      out.push_back(Violation{std::string(code_rfc(*response.code)), code + " on a +OK reply; it is an -ERR code"});
    if (fit == codec::pop3::CodeFit::wrong_command)
      out.push_back(Violation{std::string(code_rfc(*response.code)),
                              code + " in the reply to " + awaited.label + ", a command it is not defined for"});
  }
}

void Conversation::advance(const Awaited& awaited, const codec::pop3::Response& response, std::vector<Violation>& out) {
  if (awaited.kind == Awaited::Kind::greeting) {
    greeting_text_ = response.text;
    return;
  }
  user_accepted_ =
      awaited.kind == Awaited::Kind::command && awaited.verb == Verb::user && response.status == Status::ok;
  if (response.status == Status::continuation) return;  // the SASL exchange goes on
  if (awaited.verb == Verb::auth) sasl_open_ = false;
  if (awaited.verb == Verb::capa && response.status == Status::ok && response.body)
    record_capabilities(*response.body, out);
  if (state_ == State::update || state_ == State::closed) return;
  const auto next = codec::pop3::state_after(codec_state(state_), awaited.verb, response.status);
  if (!next) {
    state_ = State::closed;  // QUIT in AUTHORIZATION: the server closes (RFC 1939 §4)
  } else if (*next == codec::pop3::SessionState::transaction) {
    state_ = State::transaction;
  } else if (*next == codec::pop3::SessionState::update) {
    state_ = State::update;
  } else {
    state_ = State::authorization;
  }
}

void Conversation::record_capabilities(const std::vector<std::string>& lines, std::vector<Violation>& out) {
  codec::pop3::Capabilities capabilities;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (auto capability = codec::pop3::parse_capability(lines[i])) {
      capabilities.entries.push_back(std::move(*capability));
      continue;
    }
    out.push_back(Violation{"RFC 2449 §5", "CAPA line " + std::to_string(i + 1) + " '" + escape_text(lines[i], 80) +
                                               "' is not a capability"});
    // Kept loosely, so the check of what was advertised still sees it.
    codec::pop3::Capability loose;
    std::string_view rest = lines[i];
    loose.tag = std::string(first_word(rest));
    rest.remove_prefix(std::min(rest.size(), loose.tag.size() + 1));
    while (!rest.empty()) {
      const std::string_view word = first_word(rest);
      if (!word.empty()) loose.params.emplace_back(word);
      rest.remove_prefix(std::min(rest.size(), word.size() + 1));
    }
    if (!loose.tag.empty()) capabilities.entries.push_back(std::move(loose));
  }
  capabilities_ = std::move(capabilities);
}

std::vector<Violation> Conversation::received_garbage(std::string_view line) {
  std::vector<Violation> out;
  if (awaited_.empty()) {
    out.push_back(Violation{"RFC 1939 §3", "data with no command pending: '" + escape_text(line, 120) + "'"});
    return out;
  }
  const Awaited awaited = std::move(awaited_.front());
  awaited_.pop_front();
  if (awaited.kind == Awaited::Kind::greeting) {
    out.push_back(
        Violation{"RFC 1939 §4", "the greeting is not a +OK or -ERR status line: '" + escape_text(line, 120) + "'"});
  } else {
    out.push_back(Violation{"RFC 1939 §3", "the reply to " + awaited.label + " is not a +OK or -ERR status line: '" +
                                               escape_text(line, 120) + "'"});
  }
  last_single_line_ok_ = false;
  return out;
}

std::vector<Violation> Conversation::received_stray_lines(std::size_t count, bool ends_with_dot,
                                                          std::string_view first) {
  std::vector<Violation> out;
  if (ends_with_dot && last_single_line_ok_) {
    out.push_back(Violation{"RFC 1939 §3", "a multi-line reply to " + last_label_ + ", which takes a single line (" +
                                               lines(count) + " after the +OK)"});
  } else {
    std::string message = (count == 1 ? std::string("a line") : lines(count)) + " with no command pending";
    if (!first.empty()) message += ": '" + escape_text(first, 120) + "'" + (count > 1 ? "..." : "");
    out.push_back(Violation{"RFC 1939 §3", std::move(message)});
  }
  last_single_line_ok_ = false;
  return out;
}

void Conversation::tls_started() {
  tls_active_ = true;
  capabilities_.reset();
}

void Conversation::closed() {
  state_ = State::closed;
  awaited_.clear();
  sasl_open_ = false;
}

}  // namespace conformance::protocols::pop3
