// Internal to the loader: the keys of a client-under-test scenario
// (`role: client`): protocol, id, the fakes (through ClientSupport), the
// client program and the `expect:` assertions.
#pragma once

#include "harness/scenario/client_scenario.hpp"
#include "harness/scenario/load_context.hpp"
#include "harness/scenario/scenario.hpp"
#include "harness/scenario/yaml_fields.hpp"

#include <string>
#include <vector>

namespace conformance::scenario {

// The assertion kinds as written, in the order the format documents them.
const std::vector<std::string>& client_assertion_kinds();

// Reads everything of a client scenario but title, rfc, level and tags
// (the loader reads those as for any scenario). Sets scenario.client when
// there was no mistake. Without `support`, client scenarios are an error.
void read_client_scenario(Fields& fields, Scenario& scenario, LoadContext& context, const ClientSupport* support);

}  // namespace conformance::scenario
