// Helpers for the SMTP rules tests: replies from their wire form (the RFC
// examples are written that way) and expectations from YAML.
#pragma once

#include <yaml-cpp/yaml.h>

#include <stdexcept>
#include <string>

#include "harness/codec/smtp/reply.hpp"
#include "harness/protocols/smtp/compile_expect.hpp"

namespace conformance::protocols::smtp::testing {

// "250-a\r\n250 b\r\n" -> Reply; throws when it does not decode.
inline codec::smtp::Reply reply(const std::string& wire) {
  codec::smtp::ReplyLimits limits;
  limits.accept_any_second_digit = true;
  limits.ending = codec::LineEnding::crlf_or_bare_lf;
  auto step = codec::smtp::parse_reply(wire, limits);
  if (!step.complete()) throw std::invalid_argument("not one complete reply: " + wire);
  return step.value();
}

inline std::shared_ptr<const ExpectReplies> compile(const std::string& yaml, scenario::Diagnostics& diagnostics) {
  return compile_expect(YAML::Load(yaml), "t.yaml", diagnostics);
}

// Compiles `yaml`, which must be valid, and returns its only reply expectation.
inline ReplyExpectation expectation(const std::string& yaml) {
  scenario::Diagnostics diagnostics;
  auto compiled = compile(yaml, diagnostics);
  if (!compiled || compiled->replies().size() != 1) {
    throw std::invalid_argument(diagnostics.empty() ? "not one reply: " + yaml : diagnostics.front().to_string());
  }
  return compiled->replies().front();
}

}  // namespace conformance::protocols::smtp::testing
