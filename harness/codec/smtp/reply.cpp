#include "harness/codec/smtp/reply.hpp"

#include <utility>

#include "harness/codec/smtp/chars.hpp"

namespace conformance::codec::smtp {
namespace {

struct ReplyLine {
  int code = 0;
  bool last = false;
  bool code_only = false;
  std::string_view text;
};

// Parses one line (without its terminator). `base` is the line's offset in
// the decoder's buffer, for error offsets.
Result<ReplyLine> parse_reply_line(std::string_view line, std::size_t base, const ReplyLimits& limits) {
  static constexpr const char* kDigitExpected[3] = {
      "reply code first digit 2-5 (RFC 5321 §4.2)",
      "reply code second digit 0-5 (RFC 5321 §4.2)",
      "reply code third digit",
  };
  ReplyLine parsed;
  for (std::size_t i = 0; i < 3; ++i) {
    if (i >= line.size()) return ParseError{base + i, kDigitExpected[i]};
    const char c = line[i];
    bool ok = is_digit(static_cast<unsigned char>(c));
    if (i == 0) ok = c >= '2' && c <= '5';
    if (i == 1 && !limits.accept_any_second_digit) ok = c >= '0' && c <= '5';
    if (!ok) return ParseError{base + i, kDigitExpected[i]};
    parsed.code = parsed.code * 10 + (c - '0');
  }
  if (line.size() == 3) {
    // RFC 5321 §4.2: clients must be prepared for the code alone.
    parsed.last = true;
    parsed.code_only = true;
    return parsed;
  }
  if (line[3] == ' ') {
    parsed.last = true;
  } else if (line[3] != '-') {
    return ParseError{base + 3, "SP, '-' or CRLF after the reply code"};
  }
  parsed.text = line.substr(4);
  for (std::size_t i = 0; i < parsed.text.size(); ++i)
    if (parsed.text[i] == '\r') return ParseError{base + 4 + i, "text without CR (bare CR in a reply line)"};
  return parsed;
}

}  // namespace

std::optional<EnhancedStatusCode> Reply::enhanced_code() const {
  if (lines.empty()) return std::nullopt;
  auto found = find_leading_status_code(lines.front());
  if (!found) return std::nullopt;
  return found->code;
}

EnhancedCodeUse enhanced_code_use(const Reply& reply) {
  EnhancedCodeUse use;
  bool all_equal = true;
  for (std::size_t i = 0; i < reply.lines.size(); ++i) {
    auto found = find_leading_status_code(reply.lines[i]);
    if (i == 0 && found) use.first = found->code;
    if (found) ++use.lines_with_code;
    if (!found || !use.first || found->code != *use.first) all_equal = false;
  }
  use.on_every_line = !reply.lines.empty() && use.lines_with_code == reply.lines.size();
  use.same_on_every_line = use.on_every_line && all_equal;
  use.class_matches_reply = use.first && use.first->status_class == reply.code / 100;
  return use;
}

void ReplyDecoder::reset() {
  partial_ = Reply{};
  next_line_ = 0;
}

Step<Reply> ReplyDecoder::decode(std::string_view buffer) {
  for (;;) {
    if (next_line_ > buffer.size()) {  // the caller broke the "buffer only grows" contract
      reset();
      return Step<Reply>::fail(ParseError{0, "the same buffer, grown (the decoder was not reset)"});
    }
    const std::size_t start = next_line_;
    const LineScan scan = scan_line(buffer.substr(start), limits_.max_line_length, LineEnding::crlf_or_bare_lf);
    if (scan.status == LineScan::Status::incomplete) return Step<Reply>::need_more();
    if (scan.status == LineScan::Status::too_long) {
      reset();
      return Step<Reply>::fail(ParseError{
          start, "reply line of at most " + std::to_string(limits_.max_line_length) + " octets including CRLF"});
    }
    if (scan.ended_by_bare_lf && limits_.ending == LineEnding::crlf_only) {
      reset();
      return Step<Reply>::fail(ParseError{start + scan.content_length, "CRLF (a bare LF ends this line)"});
    }
    if (partial_.lines.size() >= limits_.max_lines) {
      reset();
      return Step<Reply>::fail(
          ParseError{start, "end of the reply within " + std::to_string(limits_.max_lines) + " lines"});
    }
    auto line = parse_reply_line(buffer.substr(start, scan.content_length), start, limits_);
    if (!line) {
      ParseError error = line.error();
      reset();
      return Step<Reply>::fail(std::move(error));
    }
    if (!partial_.lines.empty() && line->code != partial_.code) {
      ParseError error{start, "reply code " + std::to_string(partial_.code) + ", as on the reply's first line"};
      reset();
      return Step<Reply>::fail(std::move(error));
    }
    partial_.code = line->code;
    partial_.lines.emplace_back(line->text);
    partial_.bare_lf = partial_.bare_lf || scan.ended_by_bare_lf;
    next_line_ = start + scan.total_length();
    if (line->last) {
      partial_.code_only_last_line = line->code_only;
      Reply reply = std::move(partial_);
      const std::size_t consumed = next_line_;
      reset();
      return Step<Reply>::done(std::move(reply), consumed);
    }
  }
}

Step<Reply> parse_reply(std::string_view buffer, const ReplyLimits& limits) {
  ReplyDecoder decoder(limits);
  return decoder.decode(buffer);
}

void append_reply(std::string& out, const Reply& reply) {
  const char code[3] = {static_cast<char>('0' + reply.code / 100 % 10), static_cast<char>('0' + reply.code / 10 % 10),
                        static_cast<char>('0' + reply.code % 10)};
  const std::string_view end_of_line = reply.bare_lf ? "\n" : "\r\n";
  if (reply.lines.empty()) {
    out.append(code, 3).append(end_of_line);
    return;
  }
  for (std::size_t i = 0; i < reply.lines.size(); ++i) {
    const bool last = i + 1 == reply.lines.size();
    out.append(code, 3);
    if (last && reply.code_only_last_line && reply.lines[i].empty()) {
      out.append(end_of_line);
      continue;
    }
    out.push_back(last ? ' ' : '-');
    out.append(reply.lines[i]).append(end_of_line);
  }
}

std::string serialize_reply(const Reply& reply) {
  std::string out;
  append_reply(out, reply);
  return out;
}

}  // namespace conformance::codec::smtp
