// SMTP replies (RFC 5321 §4.2): parsing from a byte stream, incrementally,
// and serializing back to bytes.
//
//   Reply-line = *( Reply-code "-" [ textstring ] CRLF )
//                   Reply-code [ SP textstring ] CRLF
//   Reply-code = %x32-35 %x30-35 %x30-39
//
// The parser is strict where a deviation is a finding (a continuation line
// with another code, a code outside 2yz-5yz, a bare LF), and accepts what
// RFC 5321 §4.2 tells clients to accept: the code alone, with or without a
// trailing SP.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/codec/common/line.hpp"
#include "harness/codec/common/result.hpp"
#include "harness/codec/smtp/enhanced_status.hpp"
#include "harness/codec/smtp/reply_codes.hpp"

namespace conformance::codec::smtp {

// RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets with its CRLF.
inline constexpr std::size_t kRfcMaxReplyLineLength = 512;

struct ReplyLimits {
  // Cap on one line, CRLF included. Above the RFC's 512 on purpose: §4.5.3.1
  // asks receivers to tolerate longer objects where they can; a checker that
  // wants the RFC limit sets kRfcMaxReplyLineLength here.
  std::size_t max_line_length = 1000;
  std::size_t max_lines = 512;  // lines in one multi-line reply
  // crlf_or_bare_lf accepts a line ended by LF alone and sets Reply::bare_lf;
  // crlf_only makes such a line an error.
  LineEnding ending = LineEnding::crlf_only;
  // Reply-code allows only 0-5 as second digit; with this set, 6-9 pass
  // too (RFC 5321 §4.2 asks clients to act on the first digit of codes they
  // do not know).
  bool accept_any_second_digit = false;
};

struct Reply {
  int code = 0;                    // 200..559
  std::vector<std::string> lines;  // the text of each line, after the "-" or SP separator
  // How the reply was written, so that a fake server can write it the same way:
  bool code_only_last_line = false;  // the last line was the code alone ("250" CRLF), text empty
  bool bare_lf = false;              // a line ended with LF alone (serialized with LF on every line)

  // A reply of one line.
  static Reply single(int code, std::string text) { return Reply{code, {std::move(text)}}; }

  std::optional<ReplySeverity> severity() const { return reply_severity(code); }
  bool is_positive() const { return code >= 200 && code < 400; }
  // The RFC 3463 status code at the start of the first line, if there is one.
  std::optional<EnhancedStatusCode> enhanced_code() const;

  friend bool operator==(const Reply&, const Reply&) = default;
};

// How a reply uses enhanced status codes (RFC 2034 §4: each line of a
// reply from a server that offers ENHANCEDSTATUSCODES starts with the same
// status code, whose class agrees with the reply code).
struct EnhancedCodeUse {
  std::optional<EnhancedStatusCode> first;  // code on the first line
  std::size_t lines_with_code = 0;
  bool on_every_line = false;
  bool same_on_every_line = false;  // on every line and all equal
  bool class_matches_reply = false;  // first's class equals the reply code's first digit

  friend bool operator==(const EnhancedCodeUse&, const EnhancedCodeUse&) = default;
};
EnhancedCodeUse enhanced_code_use(const Reply& reply);

// Decodes one reply from the front of a stream. `buffer` starts at the first
// byte of the reply and holds everything received since; between calls it
// may only grow. Lines already checked are not scanned again. Once a reply is
// complete (or failed), the decoder is ready for the next one: the caller
// drops `consumed()` bytes and calls again.
class ReplyDecoder {
 public:
  explicit ReplyDecoder(ReplyLimits limits = {}) : limits_(limits) {}

  Step<Reply> decode(std::string_view buffer);
  void reset();
  const ReplyLimits& limits() const { return limits_; }

 private:
  ReplyLimits limits_;
  Reply partial_;
  std::size_t next_line_ = 0;  // offset of the first line not yet decoded
};

// One-shot form of ReplyDecoder::decode.
Step<Reply> parse_reply(std::string_view buffer, const ReplyLimits& limits = {});

// The reply as bytes. A reply without lines is written as the code alone.
std::string serialize_reply(const Reply& reply);
void append_reply(std::string& out, const Reply& reply);

}  // namespace conformance::codec::smtp
