// Helpers for the IMAP rules tests: compile an expect from YAML text and
// decode response lines as the session would.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "harness/protocols/imap/expect_compiler.hpp"
#include "harness/protocols/imap/frame_decoding.hpp"

namespace conformance::protocols::imap::testing {

inline std::shared_ptr<const ImapExpect> compile(const std::string& yaml, scenario::Diagnostics* out = nullptr) {
  scenario::Diagnostics diagnostics;
  auto spec = compile_expect(YAML::Load(yaml), "test.yaml", diagnostics);
  if (out) *out = diagnostics;
  return spec;
}

// Compiles or throws with the diagnostics, for tests about matching.
inline std::shared_ptr<const ImapExpect> must_compile(const std::string& yaml) {
  scenario::Diagnostics diagnostics;
  auto spec = compile(yaml, &diagnostics);
  if (!spec) throw std::runtime_error(diagnostics.empty() ? "no spec" : diagnostics.front().to_string());
  return spec;
}

// One response frame (CRLF added when missing).
inline Received response(std::string frame) {
  if (!frame.ends_with("\r\n")) frame += "\r\n";
  std::vector<Violation> tolerated;
  auto decoded = decode_frame(frame, tolerated);
  if (!decoded) throw std::runtime_error(decoded.error());
  return std::move(decoded.value());
}

}  // namespace conformance::protocols::imap::testing
