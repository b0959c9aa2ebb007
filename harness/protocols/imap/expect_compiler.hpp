// Turns the YAML value of an IMAP `expect:` step into an ImapExpect, with
// file:line:col diagnostics for every mistake (unknown keys, keys that do
// not apply to a response type, bad regexes, bad section specifiers).
// docs/protocols/imap.md documents the syntax.
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>

#include "harness/protocols/imap/expectation.hpp"
#include "harness/scenario/source.hpp"

namespace conformance::protocols::imap {

// Null when it reported errors.
std::shared_ptr<const ImapExpect> compile_expect(const YAML::Node& node, const std::string& file,
                                                 scenario::Diagnostics& diagnostics);

}  // namespace conformance::protocols::imap
