#include "harness/codec/pop3/response.hpp"

#include <utility>

#include "harness/codec/common/base64.hpp"
#include "harness/codec/pop3/chars.hpp"
#include "harness/codec/pop3/dot_stuffing.hpp"

namespace conformance::codec::pop3 {

Response ok(std::string text, std::optional<ResponseCode> code) {
  return Response{Status::ok, std::move(code), std::move(text), std::nullopt};
}

Response err(std::string text, std::optional<ResponseCode> code) {
  return Response{Status::err, std::move(code), std::move(text), std::nullopt};
}

Response ok_multi_line(std::string text, std::vector<std::string> body) {
  return Response{Status::ok, std::nullopt, std::move(text), std::move(body)};
}

Response continuation(std::string_view challenge) {
  return Response{Status::continuation, std::nullopt, base64_encode(challenge), std::nullopt};
}

Result<std::string> challenge_bytes(const Response& response) { return base64_decode(response.text); }

void serialize_to(std::string& out, const Response& response) {
  if (response.status == Status::continuation) {
    out += "+ ";
    out += response.text;
    out += "\r\n";
    return;
  }
  out += response.status == Status::ok ? "+OK" : "-ERR";
  if (response.code) {
    out += ' ';
    out += serialize(*response.code);
  }
  if (!response.text.empty()) {
    out += ' ';
    out += response.text;
  }
  out += "\r\n";
  if (response.body) append_stuffed_body(out, *response.body);
}

std::string serialize(const Response& response) {
  std::string out;
  serialize_to(out, response);
  return out;
}

Result<Response> parse_status_line(std::string_view line, const StatusLineOptions& options,
                                   std::vector<Anomaly>* anomalies) {
  auto note = [&](std::size_t offset, AnomalyKind kind) {
    if (anomalies != nullptr) anomalies->push_back(Anomaly{offset, kind});
  };
  Response response;
  std::size_t at = 0;
  const bool is_ok = detail::istarts_with(line, "+OK");
  if (is_ok || detail::istarts_with(line, "-ERR")) {
    response.status = is_ok ? Status::ok : Status::err;
    at = is_ok ? 3 : 4;
    if (line.substr(0, at) != (is_ok ? "+OK" : "-ERR")) {
      if (!options.accept_lowercase_status) return ParseError{0, "\"+OK\" or \"-ERR\" in upper case"};
      note(0, AnomalyKind::status_not_uppercase);
    }
  } else if (options.allow_continuation && !line.empty() && line[0] == '+') {
    // continue-req = "+" SP [base64] (RFC 5034 §5).
    response.status = Status::continuation;
    if (line.size() == 1) {
      if (!options.accept_continuation_without_space) return ParseError{1, "SP after '+' of a continuation"};
      note(1, AnomalyKind::continuation_without_space);
      return response;
    }
    if (line[1] != ' ') return ParseError{1, "SP after '+' of a continuation"};
    response.text = std::string(line.substr(2));
    auto decoded = base64_decode(response.text);
    if (!decoded) note(2 + decoded.error().offset, AnomalyKind::invalid_base64_challenge);
    return response;
  } else {
    return ParseError{0, options.allow_continuation ? "\"+OK\", \"-ERR\" or \"+ \"" : "\"+OK\" or \"-ERR\""};
  }

  if (at == line.size()) return response;
  if (line[at] != ' ') return ParseError{at, "SP or end of line after the status indicator"};
  ++at;
  if (at < line.size() && line[at] == '[') {
    std::size_t consumed = 0;
    auto code = parse_response_code(line.substr(at), &consumed);
    if (code) {
      response.code = std::move(*code);
      at += consumed;
      // resp-code *CHAR: the text may follow the "]" directly; the SP that
      // usually separates them is not part of the text.
      if (at < line.size() && line[at] == ' ') ++at;
    } else if (options.malformed_code_is_text) {
      note(at + code.error().offset, AnomalyKind::malformed_response_code);
    } else {
      return ParseError{at + code.error().offset, code.error().expected};
    }
  }
  response.text = std::string(line.substr(at));
  return response;
}

}  // namespace conformance::codec::pop3
