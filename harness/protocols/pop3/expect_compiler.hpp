// Compiles the YAML value of a POP3 `expect:` step (the syntax is in
// docs/protocols/pop3.md) into ReplyExpectations. Every mistake is reported
// as file:line:col; regexes are compiled here, so a bad one is a load error.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/protocols/pop3/expectation.hpp"
#include "harness/scenario/source.hpp"

namespace conformance::protocols::pop3 {

// One reply (a mapping or a status shorthand) or a list of them. nullopt
// when anything was reported.
std::optional<std::vector<ReplyExpectation>> compile_expectation(const YAML::Node& node, const std::string& file,
                                                                 scenario::Diagnostics& diagnostics);

// [A-Za-z_][A-Za-z0-9_]*: what a capture may be called.
bool is_variable_name(std::string_view name);

}  // namespace conformance::protocols::pop3
