// Internal to the loader: reading the `fixtures:` of a scenario.
#pragma once

#include "harness/scenario/load_context.hpp"
#include "harness/scenario/scenario.hpp"

#include <optional>
#include <string>

namespace conformance::scenario {

// Message files (`file:`) are read relative to the folder of context.file.
Fixtures read_fixtures(const YAML::Node& node, const LoadContext& context);

// The first mailbox the fixtures touch that another scenario of the same
// user could see too: INBOX, or a name without ${mailbox} or ${unique}
// (those are unique to each run). Nothing when every name is private.
std::optional<std::string> shared_mailbox(const Fixtures& fixtures);

// Bare LF becomes CRLF; CRLF and bare CR stay as they are.
std::string crlf_line_ends(std::string_view text);

}  // namespace conformance::scenario
