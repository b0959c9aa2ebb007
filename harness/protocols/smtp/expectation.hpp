// What an SMTP `expect:` step checks, compiled from YAML by compile_expect
// (docs/protocols/smtp.md). One ReplyExpectation per reply; a list of them
// is a pipelined group answered in order (RFC 2920 §3.2 (1)); an empty list
// with `silence` means "no reply may arrive".
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/scenario/scenario.hpp"
#include "harness/scenario/text_match.hpp"

namespace conformance::protocols::smtp {

// A reply code or a family of them: "250", "25x", "5xx". Each position is
// a digit or a wildcard.
class CodePattern {
 public:
  // Three characters, each a digit or 'x' (either case), the first 2-5 or 'x'.
  static std::optional<CodePattern> parse(std::string_view text);
  bool matches(int code) const;
  std::string to_string() const;  // as written, wildcards in lower case

 private:
  std::array<char, 3> digits_{};  // '0'..'9' or 'x'
};

// An enhanced status code or a family: "5.7.8", "5.7.x", "2.x.x" (RFC 3463 §2).
class EnhancedPattern {
 public:
  // class.subject.detail; class 2, 4, 5 or x; subject and detail 1-3 digits or x.
  static std::optional<EnhancedPattern> parse(std::string_view text);
  bool matches(int status_class, int subject, int detail) const;
  std::string to_string() const;

 private:
  std::array<std::optional<int>, 3> parts_{};  // nullopt: any
};

// The checks on one reply. Every present condition must hold.
struct ReplyExpectation {
  std::vector<CodePattern> codes;  // any of them; empty: any code
  std::optional<std::string> capture_code;
  std::vector<EnhancedPattern> enhanced;  // any of them; empty: not checked
  std::optional<std::string> capture_enhanced;
  std::optional<scenario::TextMatch> text;    // over every line's text joined with "\n"
  std::vector<scenario::TextMatch> any_line;  // each must match at least one line
  std::optional<std::size_t> line_count;
  std::vector<std::string> keywords_present;  // upper case; "AUTH=PLAIN" for mechanisms
  std::vector<std::string> keywords_absent;
  bool check_keywords = false;  // the reply must be a well-formed EHLO reply
  std::optional<std::string> capture_text;

  std::string describe() const;  // "250, enhanced 2.1.0, text ~ /ok/"
};

class ExpectReplies final : public scenario::ExpectSpec {
 public:
  explicit ExpectReplies(std::vector<ReplyExpectation> replies) : replies_(std::move(replies)) {}
  static ExpectReplies silence() { return ExpectReplies({}, true); }

  const std::vector<ReplyExpectation>& replies() const { return replies_; }
  bool expects_silence() const { return silence_; }
  std::string describe() const override;

 private:
  ExpectReplies(std::vector<ReplyExpectation> replies, bool silence)
      : replies_(std::move(replies)), silence_(silence) {}
  std::vector<ReplyExpectation> replies_;
  bool silence_ = false;
};

}  // namespace conformance::protocols::smtp
