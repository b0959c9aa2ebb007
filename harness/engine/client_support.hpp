// What the scenario loader needs to read client-under-test scenarios
// (scenario::ClientSupport): the fakes' YAML sections, read by fakes/config,
// and the command-template check of harness/process. The loader itself
// depends on neither, so it still builds without sockets for fuzzing.
#pragma once

#include "fakes/config/fake_file_config.hpp"
#include "harness/scenario/client_scenario.hpp"

namespace conformance::engine {

// A client scenario's fakes as configured (store, TLS, faults, options, zone).
class ConfiguredFakes final : public scenario::FakeSetup {
 public:
  explicit ConfiguredFakes(fakes::config::FakeFileConfig config) : config_(std::move(config)) {}
  std::vector<std::string> protocols() const override { return config_.protocols(); }
  std::vector<std::string> users() const override { return config_.store.user_names(); }
  const fakes::config::FakeFileConfig& config() const { return config_; }

 private:
  fakes::config::FakeFileConfig config_;
};

const scenario::ClientSupport& client_support();

}  // namespace conformance::engine
