#include "harness/protocols/imap/rules.hpp"

#include "harness/protocols/imap/conversation.hpp"
#include "harness/protocols/imap/expect_compiler.hpp"

namespace conformance::protocols::imap {

namespace {

class ImapRules final : public scenario::ProtocolRules {
 public:
  scenario::Protocol id() const override { return scenario::Protocol::imap; }
  std::vector<std::string> state_names() const override { return imap::state_names(); }
  bool supports_literals() const override { return true; }

  std::shared_ptr<const scenario::ExpectSpec> compile_expect(const YAML::Node& node, const std::string& file,
                                                             scenario::Diagnostics& diagnostics) const override {
    return imap::compile_expect(node, file, diagnostics);
  }
};

}  // namespace

const scenario::ProtocolRules& imap_rules() {
  static const ImapRules rules;
  return rules;
}

}  // namespace conformance::protocols::imap
