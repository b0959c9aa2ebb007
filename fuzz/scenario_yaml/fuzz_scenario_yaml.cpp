// Fuzzes the scenario loader: YAML text from anyone must give a scenario or
// diagnostics, never a crash, a hang, an exception or a stack overflow.
//
// Input: a scenario file as is. The protocol rules are a small generic set
// defined here (the built-in ones need the engine), reading `expect:` the way
// every protocol does: Fields, TextMatch, captures, lists of replies.
// Properties:
//   - a file that loads gives one scenario whose parts hold the loader's
//     promises (a step kind as written, a location, a declared connection,
//     at least one connection and one step);
//   - a file that does not load gives no scenario and only diagnostics that
//     name the file and say something;
//   - loading is deterministic: the same text gives the same diagnostics;
//   - decode_escapes never grows its input, and inverts the \xHH escaping
//     of the input's bytes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/fuzz_support.hpp"
#include "harness/scenario/loader.hpp"
#include "harness/scenario/text_match.hpp"
#include "harness/scenario/yaml_fields.hpp"

namespace {

using namespace conformance::scenario;

class AnyExpect : public ExpectSpec {
 public:
  std::string describe() const override { return "anything"; }
};

class GenericRules : public ProtocolRules {
 public:
  explicit GenericRules(Protocol protocol) : protocol_(protocol) {}

  Protocol id() const override { return protocol_; }
  std::vector<std::string> state_names() const override { return {"connected", "authenticated", "selected"}; }
  bool supports_literals() const override { return protocol_ == Protocol::imap; }
  bool supports_message() const override { return protocol_ == Protocol::smtp; }
  bool supports_submission() const override { return protocol_ == Protocol::smtp; }

  std::shared_ptr<const ExpectSpec> compile_expect(const YAML::Node& node, const std::string& file,
                                                   Diagnostics& diagnostics) const override {
    const std::size_t errors_before = diagnostics.size();
    if (node.IsSequence()) {
      for (const auto& item : node) compile_one(item, file, diagnostics);
    } else {
      compile_one(node, file, diagnostics);
    }
    if (diagnostics.size() != errors_before) return nullptr;
    return std::make_shared<AnyExpect>();
  }

 private:
  static void compile_one(const YAML::Node& node, const std::string& file, Diagnostics& diagnostics) {
    Fields fields(node, file, diagnostics, "expect");
    fields.integer("code", 100, 599);
    fields.choice("status", {"OK", "NO", "BAD", "+OK", "-ERR"});
    if (const YAML::Node text = fields.get("text"); text.IsDefined()) {
      TextMatch::compile(text, file, diagnostics, "'text'");
    }
    fields.string("capture");
    fields.strings("untagged");
    fields.finish();
  }

  Protocol protocol_;
};

const ProtocolRules* generic_rules(Protocol protocol) {
  static const GenericRules smtp(Protocol::smtp), pop3(Protocol::pop3), imap(Protocol::imap);
  switch (protocol) {
    case Protocol::smtp:
      return &smtp;
    case Protocol::pop3:
      return &pop3;
    case Protocol::imap:
      return &imap;
  }
  return nullptr;
}

// A folder that does not exist, so relative fixture files are never found.
const std::string kFile = "/nonexistent-conformance-fuzz/fuzz.yaml";

std::vector<std::string> rendered(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& diagnostic : diagnostics) out.push_back(diagnostic.to_string());
  return out;
}

void check_scenario(const Scenario& scenario) {
  FUZZ_CHECK(!scenario.id.empty());
  FUZZ_CHECK(!scenario.title.empty());
  FUZZ_CHECK(scenario.file == kFile);
  FUZZ_CHECK(!scenario.connections.empty());
  FUZZ_CHECK(!scenario.steps.empty());
  // Fixtures in INBOX are seen by every scenario of the user: never shared.
  if (scenario.fixtures.touches_inbox()) FUZZ_CHECK(scenario.exclusive_user);
  for (const auto& step : scenario.steps) {
    FUZZ_CHECK(!step.kind.empty());
    FUZZ_CHECK(step.where.line > 0 && step.where.file == kFile);
    FUZZ_CHECK(step.connection.empty() || std::find(scenario.connections.begin(), scenario.connections.end(),
                                                    step.connection) != scenario.connections.end());
    if (const auto* send = std::get_if<SendStep>(&step.action)) FUZZ_CHECK(!send->parts.empty());
    if (const auto* expect = std::get_if<ExpectStep>(&step.action)) FUZZ_CHECK(expect->spec != nullptr);
  }
  for (const auto& message : scenario.fixtures.messages) {
    FUZZ_CHECK(!message.content.empty());
    // Every LF is part of a CRLF.
    for (std::size_t at = message.content.find('\n'); at != std::string::npos;
         at = message.content.find('\n', at + 1)) {
      FUZZ_CHECK(at > 0 && message.content[at - 1] == '\r');
    }
  }
}

std::string escape_every_byte(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 0xf];
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = conformance::fuzz::as_view(data, size);

  const LoadResult first = load_scenario_text(input, kFile, generic_rules);
  if (first.ok()) {
    FUZZ_CHECK(first.scenarios.size() == 1);
    check_scenario(first.scenarios[0]);
  } else {
    FUZZ_CHECK(first.scenarios.empty());
    for (const auto& diagnostic : first.diagnostics) {
      FUZZ_CHECK(diagnostic.where.file == kFile);
      FUZZ_CHECK(!diagnostic.message.empty());
    }
  }
  const LoadResult second = load_scenario_text(input, kFile, generic_rules);
  FUZZ_CHECK(rendered(first.diagnostics) == rendered(second.diagnostics));
  FUZZ_CHECK(first.scenarios.size() == second.scenarios.size());

  if (auto decoded = decode_escapes(input)) FUZZ_CHECK(decoded->size() <= input.size());
  if (size <= 4096) {
    auto decoded = decode_escapes(escape_every_byte(input));
    FUZZ_CHECK(decoded.ok() && *decoded == input);
  }
  return 0;
}
