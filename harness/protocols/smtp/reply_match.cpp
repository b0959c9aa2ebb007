#include "harness/protocols/smtp/reply_match.hpp"

#include <algorithm>

#include "harness/codec/smtp/ehlo.hpp"
#include "harness/protocols/smtp/keywords.hpp"

namespace conformance::protocols::smtp {

namespace {

ReplyMatch mismatch(std::string reason, std::string expected) {
  ReplyMatch result;
  result.reason = std::move(reason);
  result.expected = std::move(expected);
  return result;
}

template <class T>
std::string alternatives(const std::vector<T>& patterns) {
  std::string text;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (i > 0) text += i + 1 == patterns.size() ? " or " : ", ";
    text += patterns[i].to_string();
  }
  return text;
}

bool text_matched(const scenario::TextMatch& match, std::string_view text, const scenario::Variables& variables,
                  ReplyMatch& result, std::string& error) {
  auto outcome = match.match(text, variables);
  if (!outcome.error.empty()) {
    error = outcome.error;
    return false;
  }
  if (!outcome.matched) return false;
  for (auto& [name, value] : outcome.captures) result.captures[name] = value;
  return true;
}

}  // namespace

std::string reply_text(const codec::smtp::Reply& reply) {
  std::string text;
  for (std::size_t i = 0; i < reply.lines.size(); ++i) {
    if (i > 0) text += '\n';
    text += reply.lines[i];
  }
  return text;
}

std::string render_reply(const codec::smtp::Reply& reply) { return codec::smtp::serialize_reply(reply); }

std::string first_line(const codec::smtp::Reply& reply, std::size_t max) {
  std::string line = std::to_string(reply.code);
  if (!reply.lines.empty() && !reply.lines.front().empty()) line += " " + reply.lines.front();
  if (reply.lines.size() > 1) line += " ...";
  if (line.size() > max) line = line.substr(0, max) + "...";
  return line;
}

ReplyMatch match_reply(const ReplyExpectation& expectation, const codec::smtp::Reply& reply,
                       const scenario::Variables& variables) {
  const std::string got = first_line(reply);
  if (!expectation.codes.empty() &&
      std::none_of(expectation.codes.begin(), expectation.codes.end(),
                   [&](const CodePattern& pattern) { return pattern.matches(reply.code); })) {
    const std::string wanted = alternatives(expectation.codes);
    return mismatch("expected " + wanted + ", got " + got, wanted);
  }

  const auto enhanced = reply.enhanced_code();
  if (!expectation.enhanced.empty()) {
    const std::string wanted = "enhanced status " + alternatives(expectation.enhanced);
    if (!enhanced) return mismatch("expected " + wanted + ", but the reply has none: " + got, wanted);
    if (std::none_of(expectation.enhanced.begin(), expectation.enhanced.end(), [&](const EnhancedPattern& pattern) {
          return pattern.matches(enhanced->status_class, enhanced->subject, enhanced->detail);
        })) {
      return mismatch("expected " + wanted + ", got " + enhanced->to_string() + ": " + got, wanted);
    }
  }

  if (expectation.line_count && reply.lines.size() != *expectation.line_count) {
    const std::string wanted = std::to_string(*expectation.line_count) + " lines";
    return mismatch("expected " + wanted + ", the reply has " + std::to_string(reply.lines.size()) + ": " + got,
                    wanted);
  }

  ReplyMatch result;
  std::string error;
  const std::string text = reply_text(reply);
  if (expectation.text && !text_matched(*expectation.text, text, variables, result, error)) {
    const std::string wanted = "text " + expectation.text->describe();
    if (!error.empty()) return mismatch("cannot check 'text': " + error, wanted);
    return mismatch("the reply text does not match " + expectation.text->describe() + ": " + got, wanted);
  }

  for (const auto& line_match : expectation.any_line) {
    bool found = false;
    for (const auto& line : reply.lines) {
      if (text_matched(line_match, line, variables, result, error)) {
        found = true;
        break;
      }
      if (!error.empty()) return mismatch("cannot check 'line': " + error, "a line " + line_match.describe());
    }
    if (!found) {
      return mismatch("no line of the reply matches " + line_match.describe() + ": " + got,
                      "a line " + line_match.describe());
    }
  }

  if (expectation.check_keywords) {
    auto parsed = codec::smtp::parse_ehlo_response(reply);
    if (!parsed) {
      return mismatch("not a well-formed EHLO reply (" + parsed.error().message() + "): " + got, "an EHLO reply");
    }
    const auto names = keyword_names(*parsed);
    for (const auto& wanted : expectation.keywords_present) {
      if (!names.contains(wanted)) return mismatch("the EHLO reply does not advertise " + wanted, "keyword " + wanted);
    }
    for (const auto& unwanted : expectation.keywords_absent) {
      if (names.contains(unwanted)) {
        return mismatch("the EHLO reply advertises " + unwanted, "no keyword " + unwanted);
      }
    }
  }

  if (expectation.capture_code) result.captures[*expectation.capture_code] = std::to_string(reply.code);
  if (expectation.capture_enhanced) {
    result.captures[*expectation.capture_enhanced] = enhanced ? enhanced->to_string() : std::string();
  }
  if (expectation.capture_text) result.captures[*expectation.capture_text] = text;
  result.ok = true;
  return result;
}

}  // namespace conformance::protocols::smtp
