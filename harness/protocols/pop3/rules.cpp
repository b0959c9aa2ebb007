#include "harness/protocols/pop3/rules.hpp"

#include "harness/protocols/pop3/conversation.hpp"
#include "harness/protocols/pop3/expect_compiler.hpp"
#include "harness/protocols/pop3/expectation.hpp"

namespace conformance::protocols::pop3 {
namespace {

class Pop3Rules final : public scenario::ProtocolRules {
 public:
  scenario::Protocol id() const override { return scenario::Protocol::pop3; }
  std::vector<std::string> state_names() const override { return pop3::state_names(); }

  std::shared_ptr<const scenario::ExpectSpec> compile_expect(const YAML::Node& node, const std::string& file,
                                                             scenario::Diagnostics& diagnostics) const override {
    auto replies = compile_expectation(node, file, diagnostics);
    if (!replies) return nullptr;
    return std::make_shared<const Pop3Expect>(std::move(*replies));
  }
};

}  // namespace

const scenario::ProtocolRules& pop3_rules() {
  static const Pop3Rules rules;
  return rules;
}

}  // namespace conformance::protocols::pop3
