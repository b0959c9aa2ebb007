// Compiles the YAML value of an SMTP `expect:` step (docs/protocols/smtp.md):
//
//   expect: 250                         one reply, code 250
//   expect: "2xx"                       a code pattern
//   expect: [250, 250, 354]             pipelined replies, in order
//   expect: {code: [250, 251], enhanced: "2.1.5", text: "(?i)ok", line: "^SIZE",
//            lines: 1, keywords: {has: [PIPELINING], lacks: [STARTTLS]}, capture: reply}
//   expect: none                        no reply may arrive within the step's deadline
//
// `code` and `enhanced` also take {is: <pattern or list>, capture: <variable>}.
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>

#include "harness/protocols/smtp/expectation.hpp"
#include "harness/scenario/source.hpp"

namespace conformance::protocols::smtp {

// Null when it reported errors (file:line:col) to `diagnostics`.
std::shared_ptr<const ExpectReplies> compile_expect(const YAML::Node& node, const std::string& file,
                                                    scenario::Diagnostics& diagnostics);

}  // namespace conformance::protocols::smtp
