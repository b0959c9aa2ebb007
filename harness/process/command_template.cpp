#include "harness/process/command_template.hpp"

#include <algorithm>
#include <optional>

namespace conformance::process {
namespace {

// One word before placeholders are replaced: literal runs and {name}s, with
// the offset of each name for messages.
struct WordPart {
  bool placeholder = false;
  std::string text;  // literal text, or the placeholder's name
  std::size_t offset = 0;
};
using Word = std::vector<WordPart>;

class Splitter {
 public:
  explicit Splitter(std::string_view command) : command_(command) {}

  Expected<std::vector<Word>, TemplateError> split() {
    while (at_ < command_.size()) {
      const char c = command_[at_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        end_word();
        ++at_;
      } else if (c == '\'') {
        if (auto error = single_quoted()) return *error;
      } else if (c == '"') {
        if (auto error = double_quoted()) return *error;
      } else if (c == '\\') {
        if (at_ + 1 >= command_.size()) return TemplateError{at_, "a backslash at the end of the command"};
        literal(command_[at_ + 1]);
        at_ += 2;
      } else if (c == '{' || c == '}') {
        if (auto error = brace()) return *error;
      } else if (std::string_view("$`|;&<>").find(c) != std::string_view::npos) {
        return TemplateError{at_, std::string("'") + c +
                                      "' needs a shell, and commands run without one: quote it, or write "
                                      "sh -c '...' explicitly"};
      } else {
        literal(c);
        ++at_;
      }
    }
    end_word();
    if (words_.empty()) return TemplateError{0, "the command is empty"};
    return std::move(words_);
  }

 private:
  std::optional<TemplateError> single_quoted() {
    const std::size_t open = at_++;
    in_word_ = true;  // '' is an empty argument
    while (at_ < command_.size() && command_[at_] != '\'') {
      if (command_[at_] == '{' || command_[at_] == '}') {
        if (auto error = brace()) return error;
        continue;
      }
      literal(command_[at_++]);
    }
    if (at_ >= command_.size()) return TemplateError{open, "a single quote that is never closed"};
    ++at_;
    return std::nullopt;
  }

  std::optional<TemplateError> double_quoted() {
    const std::size_t open = at_++;
    in_word_ = true;
    while (at_ < command_.size() && command_[at_] != '"') {
      const char c = command_[at_];
      if (c == '\\' && at_ + 1 < command_.size() &&
          std::string_view("\"\\$`\n").find(command_[at_ + 1]) != std::string_view::npos) {
        if (command_[at_ + 1] != '\n') literal(command_[at_ + 1]);
        at_ += 2;
      } else if (c == '$' || c == '`') {
        return TemplateError{at_, std::string("'") + c +
                                      "' inside double quotes would need a shell: escape it with a backslash or "
                                      "use single quotes"};
      } else if (c == '{' || c == '}') {
        if (auto error = brace()) return error;
      } else {
        literal(c);
        ++at_;
      }
    }
    if (at_ >= command_.size()) return TemplateError{open, "a double quote that is never closed"};
    ++at_;
    return std::nullopt;
  }

  // At '{' or '}': a literal brace pair or a placeholder.
  std::optional<TemplateError> brace() {
    const char c = command_[at_];
    if (at_ + 1 < command_.size() && command_[at_ + 1] == c) {
      literal(c);
      at_ += 2;
      return std::nullopt;
    }
    if (c == '}') return TemplateError{at_, "a lone '}' (write }} for a literal brace)"};
    const std::size_t close = command_.find('}', at_ + 1);
    if (close == std::string_view::npos) {
      return TemplateError{at_, "'{' without a closing '}' (write {{ for a literal brace)"};
    }
    const std::string_view name = command_.substr(at_ + 1, close - at_ - 1);
    if (name.empty() || name.find_first_of("{ \t\r\n'\"") != std::string_view::npos) {
      return TemplateError{at_, "'{" + std::string(name) + "}' is not a placeholder (write {{ for a literal brace)"};
    }
    in_word_ = true;
    current_.push_back(WordPart{true, std::string(name), at_});
    at_ = close + 1;
    return std::nullopt;
  }

  void literal(char c) {
    in_word_ = true;
    if (current_.empty() || current_.back().placeholder) current_.push_back(WordPart{false, "", at_});
    current_.back().text += c;
  }

  void end_word() {
    if (in_word_) words_.push_back(std::move(current_));
    current_.clear();
    in_word_ = false;
  }

  std::string_view command_;
  std::size_t at_ = 0;
  bool in_word_ = false;
  Word current_;
  std::vector<Word> words_;
};

TemplateError unknown(const WordPart& part) {
  return TemplateError{part.offset, "unknown placeholder {" + part.text + "}"};
}

}  // namespace

Expected<std::vector<std::string>, TemplateError> expand_command(std::string_view command,
                                                                 const PlaceholderValues& values) {
  auto words = Splitter(command).split();
  if (!words) return words.error();
  std::vector<std::string> argv;
  for (const Word& word : *words) {
    std::string arg;
    for (const WordPart& part : word) {
      if (!part.placeholder) {
        arg += part.text;
        continue;
      }
      auto value = values.find(part.text);
      if (value == values.end()) return unknown(part);
      arg += value->second;
    }
    argv.push_back(std::move(arg));
  }
  return argv;
}

Expected<void, TemplateError> check_command(std::string_view command, const std::vector<std::string>& known) {
  auto words = Splitter(command).split();
  if (!words) return words.error();
  for (const Word& word : *words) {
    for (const WordPart& part : word) {
      if (part.placeholder && std::find(known.begin(), known.end(), part.text) == known.end()) return unknown(part);
    }
  }
  return {};
}

}  // namespace conformance::process
