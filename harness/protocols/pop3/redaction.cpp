#include "harness/protocols/pop3/redaction.hpp"

#include "harness/codec/pop3/command.hpp"
#include "harness/codec/sasl/redaction.hpp"

namespace conformance::protocols::pop3 {
namespace {

using codec::pop3::Verb;
constexpr std::string_view kRedacted = codec::sasl::kRedactedMarker;

std::string_view word_at(std::string_view line, std::size_t index) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < index; ++i) {
    const std::size_t space = line.find(' ', start);
    if (space == std::string_view::npos) return {};
    start = space + 1;
  }
  return line.substr(start, line.find(' ', start) - start);
}

struct Redactor {
  bool sasl = false;
  bool redacted = false;

  // `piece` is what this write holds of a line whose whole text so far is `line`.
  std::string render(std::string_view line, std::string_view piece) {
    if (sasl) {
      if (line == "*" || line.empty()) return std::string(piece);
      return secret();
    }
    const Verb verb = codec::pop3::verb_from_keyword(word_at(line, 0));
    const bool whole = line.size() == piece.size();
    switch (verb) {
      case Verb::pass:
        if (line.size() <= 4) return std::string(piece);
        return whole ? "PASS " + secret() : secret();
      case Verb::apop:
        if (word_at(line, 2).empty()) return std::string(piece);
        return whole ? "APOP " + std::string(word_at(line, 1)) + " " + secret() : secret();
      case Verb::auth:
        if (word_at(line, 1).empty()) return std::string(piece);
        sasl = true;  // the lines that follow answer the server's challenges
        if (word_at(line, 2).empty()) return std::string(piece);
        return whole ? "AUTH " + std::string(word_at(line, 1)) + " " + secret() : secret();
      default:
        break;
    }
    return std::string(piece);
  }

  std::string secret() {
    redacted = true;
    return std::string(kRedacted);
  }
};

}  // namespace

std::optional<std::string> redact_client_bytes(std::string_view bytes, bool sasl_in_progress,
                                               std::string_view unterminated) {
  Redactor redactor{sasl_in_progress};
  std::string rendering;
  std::string line(unterminated);
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    const bool complete = end != std::string_view::npos;
    if (!complete) end = bytes.size();
    std::string_view piece = bytes.substr(start, end - start);
    std::string_view terminator = complete ? std::string_view("\n") : std::string_view();
    if (piece.ends_with('\r')) {
      piece.remove_suffix(1);
      terminator = complete ? std::string_view("\r\n") : std::string_view("\r");
    }
    line += piece;
    rendering += redactor.render(line, piece);
    rendering += terminator;
    line.clear();
    start = complete ? end + 1 : end;
  }
  if (!redactor.redacted) return std::nullopt;
  return rendering;
}

}  // namespace conformance::protocols::pop3
