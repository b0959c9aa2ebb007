// The variables of the user a scenario logs in as: ${user}, ${address},
// ${password} and ${auth_plain}. The password and every encoding of it a
// client or server may log (SASL PLAIN with and without an authorization
// identity, LOGIN's base64 password) are secrets, so Variables::scrub takes
// them out of transcripts, program output and reports.
#pragma once

#include "harness/scenario/variables.hpp"

#include <string>

namespace conformance::engine {

void set_login_variables(scenario::Variables& variables, const std::string& user, const std::string& address,
                         const std::string& password);

// Only the secrets, under names derived from `key`: for the passwords of
// other users, which must not appear either.
void add_password_secrets(scenario::Variables& variables, const std::string& key, const std::string& user,
                          const std::string& password);

}  // namespace conformance::engine
