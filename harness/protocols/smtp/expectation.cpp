#include "harness/protocols/smtp/expectation.hpp"

namespace conformance::protocols::smtp {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_wildcard(char c) { return c == 'x' || c == 'X'; }

template <class T>
std::string join_patterns(const std::vector<T>& patterns) {
  std::string text;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (i > 0) text += i + 1 == patterns.size() ? " or " : ", ";
    text += patterns[i].to_string();
  }
  return text;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

}  // namespace

std::optional<CodePattern> CodePattern::parse(std::string_view text) {
  if (text.size() != 3) return std::nullopt;
  CodePattern pattern;
  for (std::size_t i = 0; i < 3; ++i) {
    const char c = text[i];
    if (is_wildcard(c)) {
      pattern.digits_[i] = 'x';
    } else if (is_digit(c) && (i != 0 || (c >= '2' && c <= '5'))) {
      pattern.digits_[i] = c;
    } else {
      return std::nullopt;
    }
  }
  return pattern;
}

bool CodePattern::matches(int code) const {
  if (code < 100 || code > 999) return false;
  const char actual[3] = {static_cast<char>('0' + code / 100), static_cast<char>('0' + code / 10 % 10),
                          static_cast<char>('0' + code % 10)};
  for (std::size_t i = 0; i < 3; ++i) {
    if (digits_[i] != 'x' && digits_[i] != actual[i]) return false;
  }
  return true;
}

std::string CodePattern::to_string() const { return std::string(digits_.begin(), digits_.end()); }

std::optional<EnhancedPattern> EnhancedPattern::parse(std::string_view text) {
  EnhancedPattern pattern;
  for (std::size_t part = 0; part < 3; ++part) {
    const std::size_t dot = text.find('.');
    const std::string_view piece = part < 2 ? text.substr(0, dot) : text;
    if (part < 2 && dot == std::string_view::npos) return std::nullopt;
    if (piece.size() == 1 && is_wildcard(piece[0])) {
      pattern.parts_[part] = std::nullopt;
    } else {
      if (piece.empty() || piece.size() > 3) return std::nullopt;
      int value = 0;
      for (char c : piece) {
        if (!is_digit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
      }
      if (part == 0 && (piece.size() != 1 || (value != 2 && value != 4 && value != 5))) return std::nullopt;
      pattern.parts_[part] = value;
    }
    if (part < 2) text.remove_prefix(dot + 1);
  }
  return pattern;
}

bool EnhancedPattern::matches(int status_class, int subject, int detail) const {
  const int actual[3] = {status_class, subject, detail};
  for (std::size_t i = 0; i < 3; ++i) {
    if (parts_[i] && *parts_[i] != actual[i]) return false;
  }
  return true;
}

std::string EnhancedPattern::to_string() const {
  std::string text;
  for (std::size_t i = 0; i < 3; ++i) {
    if (i > 0) text += '.';
    text += parts_[i] ? std::to_string(*parts_[i]) : "x";
  }
  return text;
}

std::string ReplyExpectation::describe() const {
  std::vector<std::string> parts;
  parts.push_back(codes.empty() ? "any reply" : join_patterns(codes));
  if (!enhanced.empty()) parts.push_back("enhanced " + join_patterns(enhanced));
  if (line_count) parts.push_back(std::to_string(*line_count) + (*line_count == 1 ? " line" : " lines"));
  if (text) parts.push_back("text " + text->describe());
  for (const auto& line : any_line) parts.push_back("a line " + line.describe());
  if (check_keywords) {
    std::string keywords = "EHLO keywords";
    if (!keywords_present.empty()) keywords += " with " + join_words(keywords_present);
    if (!keywords_absent.empty()) keywords += " without " + join_words(keywords_absent);
    parts.push_back(keywords);
  }
  std::string text_out;
  for (const auto& part : parts) text_out += (text_out.empty() ? "" : ", ") + part;
  return text_out;
}

std::string ExpectReplies::describe() const {
  if (silence_) return "no reply";
  if (replies_.size() == 1) return replies_.front().describe();
  std::string text = std::to_string(replies_.size()) + " replies:";
  for (std::size_t i = 0; i < replies_.size(); ++i) {
    text += (i == 0 ? " " : "; ") + std::string("(") + std::to_string(i + 1) + ") " + replies_[i].describe();
  }
  return text;
}

}  // namespace conformance::protocols::smtp
