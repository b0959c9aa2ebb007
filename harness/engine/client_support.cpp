#include "harness/engine/client_support.hpp"

#include "harness/process/command_template.hpp"

namespace conformance::engine {
namespace {

class EngineClientSupport final : public scenario::ClientSupport {
 public:
  std::shared_ptr<const scenario::FakeSetup> read_fakes(scenario::Fields& fields) const override {
    const std::size_t errors_before = fields.diagnostics().size();
    fakes::config::FakeFileConfig config = fakes::config::read_fake_sections(fields);
    if (fields.diagnostics().size() != errors_before) return nullptr;
    return std::make_shared<ConfiguredFakes>(std::move(config));
  }

  std::optional<std::string> check_command(std::string_view command,
                                           const std::vector<std::string>& names) const override {
    auto checked = process::check_command(command, names);
    if (checked) return std::nullopt;
    return checked.error().to_string();
  }
};

}  // namespace

const scenario::ClientSupport& client_support() {
  static const EngineClientSupport support;
  return support;
}

}  // namespace conformance::engine
