// Keeps what clients send as credentials out of a fake's transcripts. A
// protocol fake says which command lines carry a secret (LOGIN's password,
// PASS, AUTH with an initial response) and, before reading a SASL response
// line, that the next line is one. Installed as the transcript's redactor,
// so the bytes are replaced as they are recorded.
#pragma once

#include "harness/net/transcript.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace conformance::fakes {

class ClientRedactor {
 public:
  // Given one client line (with its line end), the rendering to keep instead,
  // or nullopt when it carries no secret.
  using Classifier = std::function<std::optional<std::string>(std::string_view line)>;

  // Installs a redactor on `transcript` (may be null: then nothing is recorded anyway).
  static std::shared_ptr<ClientRedactor> install(const std::shared_ptr<net::Transcript>& transcript,
                                                 Classifier classify);

  // The next client data event is a secret as a whole (a SASL response).
  void next_line_is_secret() { secret_lines_ = 1; }

 private:
  std::optional<std::string> redact(net::Direction direction, std::string_view bytes);
  Classifier classify_;
  int secret_lines_ = 0;
};

// "<redacted>" plus the line end `line` had.
std::string redacted_line(std::string_view line);

}  // namespace conformance::fakes
