// A client command as a scenario writes it ("curl --cacert {ca_file}
// imaps://{host}:{imaps_port}/INBOX"), turned into argv without a shell:
// words are split as a POSIX shell splits them (single quotes, double
// quotes, backslashes), then `{name}` placeholders are replaced inside each
// word, so a value with spaces or quotes stays one argument and is never
// re-parsed. `{{` and `}}` are literal braces. Shell syntax that would need
// a shell ($ ` | ; & < >) outside quotes is an error: write `sh -c '...'`.
#pragma once

#include "harness/common/expected.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace conformance::process {

struct TemplateError {
  std::size_t offset = 0;  // in the template
  std::string message;
  std::string to_string() const { return "offset " + std::to_string(offset) + ": " + message; }
};

using PlaceholderValues = std::map<std::string, std::string, std::less<>>;

// The argv a template stands for, placeholders replaced.
Expected<std::vector<std::string>, TemplateError> expand_command(std::string_view command,
                                                                 const PlaceholderValues& values);

// The same check without values: the syntax is right and every placeholder
// is one of `known`.
Expected<void, TemplateError> check_command(std::string_view command, const std::vector<std::string>& known);

}  // namespace conformance::process
