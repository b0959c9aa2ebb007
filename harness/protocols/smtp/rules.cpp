#include "harness/protocols/smtp/rules.hpp"

#include "harness/protocols/smtp/compile_expect.hpp"
#include "harness/protocols/smtp/conversation.hpp"

namespace conformance::protocols::smtp {

namespace {

class SmtpRules final : public scenario::ProtocolRules {
 public:
  scenario::Protocol id() const override { return scenario::Protocol::smtp; }
  std::vector<std::string> state_names() const override { return smtp::state_names(); }
  bool supports_message() const override { return true; }
  bool supports_submission() const override { return true; }

  std::shared_ptr<const scenario::ExpectSpec> compile_expect(const YAML::Node& node, const std::string& file,
                                                             scenario::Diagnostics& diagnostics) const override {
    return smtp::compile_expect(node, file, diagnostics);
  }
};

}  // namespace

const scenario::ProtocolRules& smtp_rules() {
  static const SmtpRules rules;
  return rules;
}

}  // namespace conformance::protocols::smtp
