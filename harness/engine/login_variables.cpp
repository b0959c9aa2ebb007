#include "harness/engine/login_variables.hpp"

#include "harness/codec/common/base64.hpp"

namespace conformance::engine {
namespace {

std::string sasl_plain(const std::string& authzid, const std::string& user, const std::string& password) {
  std::string message = authzid;
  message += '\0';
  message += user;
  message += '\0';
  message += password;
  return codec::base64_encode(message);
}

}  // namespace

void add_password_secrets(scenario::Variables& variables, const std::string& key, const std::string& user,
                          const std::string& password) {
  variables.set_secret(key, password);
  variables.set_secret(key + "_plain", sasl_plain("", user, password));
  variables.set_secret(key + "_plain_authzid", sasl_plain(user, user, password));
  variables.set_secret(key + "_base64", codec::base64_encode(password));
}

void set_login_variables(scenario::Variables& variables, const std::string& user, const std::string& address,
                         const std::string& password) {
  variables.set("user", user);
  variables.set("address", address);
  variables.set_secret("password", password);
  variables.set_secret("auth_plain", sasl_plain("", user, password));
  add_password_secrets(variables, "password_forms", user, password);
}

}  // namespace conformance::engine
