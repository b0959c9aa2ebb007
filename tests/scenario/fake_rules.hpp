// A small stand-in for a protocol's rules (harness/protocols/<p>/rules.hpp),
// so the loader is tested on its own: `expect:` takes `code` (100..599) and
// `text` (a TextMatch), or a list of such mappings; the states are three.
#pragma once

#include "harness/scenario/loader.hpp"
#include "harness/scenario/protocol_rules.hpp"
#include "harness/scenario/text_match.hpp"
#include "harness/scenario/yaml_fields.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conformance::scenario::testing {

class FakeExpect : public ExpectSpec {
 public:
  std::vector<std::optional<std::int64_t>> codes;
  std::string describe() const override { return std::to_string(codes.size()) + " replies"; }
};

class FakeRules : public ProtocolRules {
 public:
  explicit FakeRules(Protocol protocol) : protocol_(protocol) {}

  Protocol id() const override { return protocol_; }
  std::vector<std::string> state_names() const override { return {"connected", "authenticated", "selected"}; }
  bool supports_literals() const override { return protocol_ == Protocol::imap; }
  bool supports_message() const override { return protocol_ == Protocol::smtp; }
  bool supports_submission() const override { return protocol_ == Protocol::smtp; }

  std::shared_ptr<const ExpectSpec> compile_expect(const YAML::Node& node, const std::string& file,
                                                   Diagnostics& diagnostics) const override {
    const std::size_t errors_before = diagnostics.size();
    auto spec = std::make_shared<FakeExpect>();
    if (node.IsSequence()) {
      for (const auto& item : node) spec->codes.push_back(compile_one(item, file, diagnostics));
    } else {
      spec->codes.push_back(compile_one(node, file, diagnostics));
    }
    if (diagnostics.size() != errors_before) return nullptr;
    return spec;
  }

 private:
  static std::optional<std::int64_t> compile_one(const YAML::Node& node, const std::string& file,
                                                 Diagnostics& diagnostics) {
    Fields fields(node, file, diagnostics, "expect");
    auto code = fields.integer("code", 100, 599);
    if (fields.has("text")) TextMatch::compile(fields.get("text"), file, diagnostics, "'text'");
    fields.finish();
    return code;
  }

  Protocol protocol_;
};

// Rules for every protocol, as the engine's lookup gives them.
inline const ProtocolRules* fake_rules(Protocol protocol) {
  static const FakeRules smtp(Protocol::smtp), pop3(Protocol::pop3), imap(Protocol::imap);
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

// Every diagnostic as `file:line:col: message`.
inline std::vector<std::string> messages(const LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& diagnostic : result.diagnostics) out.push_back(diagnostic.to_string());
  return out;
}

inline LoadResult load(const std::string& yaml, const std::string& file = "t.yaml") {
  return load_scenario_text(yaml, file, fake_rules);
}

}  // namespace conformance::scenario::testing
