// Fuzzes the client command template (scenario `client: command:`), which
// is split without a shell. Properties checked:
//  - check_command() accepts exactly the templates expand_command() expands
//    when every placeholder used is known;
//  - expanding never yields an empty argv, and a template without braces,
//    quotes or backslashes expands to its whitespace-separated words.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/fuzz_support.hpp"
#include "harness/process/command_template.hpp"

namespace {

using namespace conformance::process;

const std::vector<std::string> kNames = {"host", "port", "user", "fixture:a.eml"};

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view command = conformance::fuzz::as_view(data, size);
  PlaceholderValues values;
  for (const auto& name : kNames) values[name] = "v " + name;
  auto expanded = expand_command(command, values);
  auto checked = check_command(command, kNames);
  FUZZ_CHECK(expanded.ok() == checked.ok());
  if (expanded) FUZZ_CHECK(!expanded->empty());
  if (command.find_first_of("{}'\"\\$`|;&<>") == std::string_view::npos) {
    const auto words = words_of(command);
    if (words.empty()) {
      FUZZ_CHECK(!expanded.ok());
    } else {
      FUZZ_CHECK(expanded.ok() && *expanded == words);
    }
  }
  return 0;
}
