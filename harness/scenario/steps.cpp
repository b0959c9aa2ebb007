#include "harness/scenario/steps.hpp"

#include "harness/scenario/loader.hpp"
#include "harness/scenario/pattern.hpp"
#include "harness/scenario/yaml_fields.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace conformance::scenario {

namespace {

const std::vector<std::string> kTlsModes = {"default", "plain", "implicit", "starttls"};
const std::vector<std::string> kTlsVersions = {"SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

TlsMode tls_mode_from(std::string_view name) {
  if (name == "plain") return TlsMode::plain;
  if (name == "implicit") return TlsMode::implicit;
  if (name == "starttls") return TlsMode::starttls;
  return TlsMode::target_default;
}

// Reads one step at a time, remembering which connections have been opened.
class StepReader {
 public:
  explicit StepReader(const LoadContext& context) : context_(context) {}

  std::optional<Step> read(const YAML::Node& item) {
    if (!item.IsMap()) {
      std::string hint;
      if (item.IsScalar() && contains(step_kinds(), item.Scalar())) hint = " (write `" + item.Scalar() + ": {}`)";
      context_.error(item, "a step must be a mapping such as `send: \"a1 NOOP\"`, not " + describe_kind(item) + hint);
      return std::nullopt;
    }
    const std::size_t errors_before = context_.diagnostics.size();
    Step step;
    step.where = location_of(item, context_.file);

    // Found by a lookup, never by assigning one YAML::Node to another: that
    // rebinds the node referred to, in the caller's document too (yaml-cpp).
    auto value_of = [&](std::string_view key) {
      for (const auto& entry : item) {
        if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
      }
      return YAML::Node(YAML::NodeType::Undefined);
    };
    std::vector<YAML::Node> unknown;
    for (const auto& entry : item) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      if (key == "conn" || key == "timeout") continue;
      if (contains(step_kinds(), key)) {
        if (step.kind.empty()) {
          step.kind = key;
        } else {
          context_.error(entry.first, "a step has one action, and this one has '" + step.kind + "' and '" + key +
                                          "': make them two steps");
        }
      } else {
        unknown.push_back(entry.first);
      }
    }
    if (step.kind.empty()) {
      for (const auto& key : unknown) report_unknown_key(key, "", YAML::Node(YAML::NodeType::Undefined));
      if (unknown.empty()) context_.error(item, "a step needs an action: one of " + join(step_kinds()));
      return std::nullopt;
    }
    const YAML::Node action = value_of(step.kind);
    for (const auto& key : unknown) report_unknown_key(key, step.kind, action);
    const YAML::Node conn = value_of("conn");
    const YAML::Node timeout = value_of("timeout");

    const std::string default_connection =
        context_.connections.empty() ? std::string("main") : context_.connections.front();
    std::string connection = default_connection;
    bool connection_known = true;
    if (conn.IsDefined()) {
      auto name = scalar_string(conn, context_.file, context_.diagnostics, "'conn'");
      if (name && !contains(context_.connections, *name)) {
        context_.error(conn,
                       "connection '" + *name + "' is not declared (connections: " + join(context_.connections) + ")");
      }
      connection_known = name && contains(context_.connections, *name);
      if (connection_known) {
        step.connection = *name;
        connection = *name;
      }
    }
    if (timeout.IsDefined()) {
      step.timeout = context_.duration(timeout, "'timeout'");
      if (step.timeout && step.timeout->count() == 0) context_.error(timeout, "'timeout' must be more than 0");
    }

    if (auto parsed = read_action(step.kind, action)) step.action = std::move(*parsed);

    if (step.kind == "connect") {
      opened_.insert(connection);
    } else if (step.kind != "wait" && connection_known && !opened_.contains(connection)) {
      context_.error(item, "'" + step.kind + "' on connection '" + connection +
                               "' before it is connected: add a `connect:` step" +
                               (connection == default_connection ? "" : " with `conn: " + connection + "`") + " first");
    }
    if (context_.diagnostics.size() != errors_before) return std::nullopt;
    return step;
  }

 private:
  void report_unknown_key(const YAML::Node& key, const std::string& kind, const YAML::Node& action) {
    const std::string name = key.IsScalar() ? key.Scalar() : std::string("?");
    if (kind.empty()) {
      const std::string suggestion = closest_match(name, step_kinds());
      context_.error(key, "unknown step '" + name + "'" +
                              (suggestion.empty() ? "" : ": did you mean '" + suggestion + "'?") +
                              " (known: " + join(step_kinds()) + ")");
      return;
    }
    std::string hint;
    if (action.IsNull()) hint = "; if it belongs to '" + kind + "', indent it under '" + kind + ":'";
    context_.error(key, "unknown key '" + name + "' in a '" + kind +
                            "' step (a step is one action, optionally with 'conn' and 'timeout')" + hint);
  }

  std::optional<StepAction> read_action(const std::string& kind, const YAML::Node& value) {
    if (kind == "connect") return read_connect(value);
    if (kind == "login") return read_login(value);
    if (kind == "send") return read_send(value);
    if (kind == "expect") return read_expect(value);
    if (kind == "starttls") return read_starttls(value);
    if (kind == "tls") return read_tls(value);
    if (kind == "state") return read_state(value);
    if (kind == "expect_close") return read_expect_close(value);
    if (kind == "close") return read_close(value);
    return read_wait(value);
  }

  // `kind: {}`, `kind:` (null) and `kind: {options}` all mean the mapping form.
  bool is_options(const YAML::Node& value) const { return value.IsNull() || value.IsMap(); }

  void wrong_form(const YAML::Node& value, const std::string& kind, const std::string& forms) const {
    context_.error(value, "'" + kind + "' takes " + forms + ", not " + describe_kind(value));
  }

  std::optional<StepAction> read_connect(const YAML::Node& value) {
    ConnectStep connect;
    if (value.IsScalar()) {
      if (!contains(kTlsModes, value.Scalar())) {
        context_.error(
            value, "'connect' shorthand is a TLS mode: one of " + join(kTlsModes) + ", not '" + value.Scalar() + "'");
        return std::nullopt;
      }
      connect.tls = tls_mode_from(value.Scalar());
      return connect;
    }
    if (!is_options(value)) {
      wrong_form(value, "connect", "a mapping (tls, service, greeting) or a TLS mode");
      return std::nullopt;
    }
    if (value.IsNull()) return connect;
    Fields fields(value, context_.file, context_.diagnostics, "connect");
    if (auto tls = fields.choice("tls", kTlsModes)) connect.tls = tls_mode_from(*tls);
    if (auto service = fields.choice("service", {"main", "submission"})) {
      if (*service == "submission") {
        connect.service = Service::submission;
        if (context_.rules && !context_.rules->supports_submission()) {
          context_.error(fields.get("service"),
                         "'service: submission' is only for SMTP, and this scenario is " + context_.protocol_name);
        }
      }
    }
    if (auto greeting = fields.boolean("greeting")) connect.read_greeting = *greeting;
    fields.finish();
    return connect;
  }

  std::optional<StepAction> read_login(const YAML::Node& value) {
    LoginStep login;
    if (!value.IsScalar() && !is_options(value)) {
      wrong_form(value, "login", "a mapping (mechanism, expect) or a mechanism name");
      return std::nullopt;
    }
    if (value.IsMap()) {
      Fields fields(value, context_.file, context_.diagnostics, "login");
      const YAML::Node mechanism = fields.get("mechanism");
      if (auto expect = fields.choice("expect", {"success", "failure"})) login.expect_success = *expect == "success";
      fields.finish();
      if (mechanism.IsDefined() && !read_mechanism(mechanism, login)) return std::nullopt;
    } else if (value.IsScalar() && !read_mechanism(value, login)) {
      return std::nullopt;
    }
    return login;
  }

  bool read_mechanism(const YAML::Node& mechanism, LoginStep& login) {
    auto name = scalar_string(mechanism, context_.file, context_.diagnostics, "'mechanism'");
    if (!name) return false;
    // RFC 4422 §3.1: 1 to 20 upper-case letters, digits, hyphens and underscores.
    const bool valid = !name->empty() && name->size() <= 20 && std::all_of(name->begin(), name->end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
    if (!valid) {
      context_.error(mechanism,
                     "'" + *name + "' is not a mechanism name (RFC 4422 §3.1: 1 to 20 letters, digits, '-', '_')");
      return false;
    }
    std::transform(name->begin(), name->end(), name->begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    login.mechanism = std::move(*name);
    return true;
  }

  // A `line:` or `lines:` item: one line, so no line breaks inside.
  std::optional<SendPart> line_part(const YAML::Node& node, std::string_view what) {
    auto text = scalar_string(node, context_.file, context_.diagnostics, what);
    if (!text) return std::nullopt;
    if (text->find_first_of("\r\n") != std::string::npos) {
      context_.error(node, std::string(what) +
                               " holds a line break; a line gets its CRLF added, so write several lines with "
                               "`lines:` or exact bytes with `raw:`");
      return std::nullopt;
    }
    context_.check_variables(*text, node, what);
    SendPart part;
    part.kind = SendPart::Kind::line;
    part.text = std::move(*text);
    return part;
  }

  std::optional<StepAction> read_send(const YAML::Node& value) {
    SendStep send;
    if (value.IsScalar()) {
      auto part = line_part(value, "'send'");
      if (!part) return std::nullopt;
      send.parts.push_back(std::move(*part));
      return send;
    }
    if (!value.IsMap()) {
      wrong_form(value, "send", "a line or a mapping (line, lines, raw, literal, message, secret)");
      return std::nullopt;
    }
    const std::size_t errors_before = context_.diagnostics.size();
    Fields fields(value, context_.file, context_.diagnostics, "send");
    std::vector<std::string> forms;
    for (const char* form : {"line", "lines", "raw", "message"}) {
      if (fields.has(form)) forms.emplace_back(form);
    }
    if (forms.size() != 1) {
      context_.error(
          value, forms.empty() ? std::string("'send' needs one of line, lines, raw, message")
                               : "'send' takes one of line, lines, raw, message; this one has " + join(forms, " and "));
    }
    if (fields.has("line")) {
      if (auto part = line_part(fields.get("line"), "'line'")) send.parts.push_back(std::move(*part));
    }
    if (fields.has("lines")) {
      const YAML::Node lines = fields.get("lines");
      if (!lines.IsSequence() || lines.size() == 0) {
        context_.error(lines, "'lines' must be a non-empty list of lines, not " + describe_kind(lines));
      } else {
        for (const auto& line : lines) {
          if (auto part = line_part(line, "'lines' items")) send.parts.push_back(std::move(*part));
        }
      }
    }
    if (fields.has("raw")) {
      const YAML::Node raw = fields.get("raw");
      if (auto text = scalar_string(raw, context_.file, context_.diagnostics, "'raw'")) {
        auto decoded = decode_escapes(*text);
        if (!decoded) {
          context_.error(raw, "'raw': bad escape at " + decoded.error().describe());
        } else if (decoded->empty()) {
          context_.error(raw, "'raw' is empty: nothing to send");
        } else {
          context_.check_variables(*decoded, raw, "'raw'");
          send.parts.push_back(SendPart{SendPart::Kind::raw, std::move(*decoded), true});
        }
      }
    }
    if (fields.has("literal")) {
      const YAML::Node literal = fields.get("literal");
      if (!fields.has("line")) context_.error(literal, "'literal' follows a command: give the command as 'line'");
      if (context_.rules && !context_.rules->supports_literals()) {
        context_.error(literal, "'literal' is only for IMAP, and this scenario is " + context_.protocol_name);
      }
      const bool synchronizing = fields.boolean("sync").value_or(true);
      if (auto text = scalar_string(literal, context_.file, context_.diagnostics, "'literal'")) {
        context_.check_variables(*text, literal, "'literal'");
        send.parts.push_back(SendPart{SendPart::Kind::literal, std::move(*text), synchronizing});
      }
    } else if (fields.has("sync")) {
      context_.error(fields.get("sync"), "'sync' says how a literal is sent, and this send has no 'literal'");
    }
    if (fields.has("message")) {
      const YAML::Node message = fields.get("message");
      if (context_.rules && !context_.rules->supports_message()) {
        context_.error(message,
                       "'message' (DATA content) is only for SMTP, and this scenario is " + context_.protocol_name);
      }
      if (auto text = scalar_string(message, context_.file, context_.diagnostics, "'message'")) {
        context_.check_variables(*text, message, "'message'");
        send.parts.push_back(SendPart{SendPart::Kind::message, std::move(*text), true});
      }
    }
    if (auto secret = fields.boolean("secret")) send.secret = *secret;
    fields.finish();
    if (context_.diagnostics.size() != errors_before) return std::nullopt;
    return send;
  }

  std::optional<StepAction> read_expect(const YAML::Node& value) {
    if (!context_.rules) return std::nullopt;  // the protocol was reported already
    const std::size_t errors_before = context_.diagnostics.size();
    auto spec = context_.rules->compile_expect(value, context_.file, context_.diagnostics);
    if (!spec) {
      if (context_.diagnostics.size() == errors_before) context_.error(value, "this expectation could not be compiled");
      return std::nullopt;
    }
    return ExpectStep{std::move(spec)};
  }

  std::optional<StepAction> read_starttls(const YAML::Node& value) {
    StartTlsStep starttls;
    if (!is_options(value)) {
      wrong_form(value, "starttls", "a mapping (expect: success or failure)");
      return std::nullopt;
    }
    if (value.IsNull()) return starttls;
    Fields fields(value, context_.file, context_.diagnostics, "starttls");
    if (auto expect = fields.choice("expect", {"success", "failure"})) starttls.expect_success = *expect == "success";
    fields.finish();
    return starttls;
  }

  // "TLSv1.0" is what people write; OpenSSL (and so the engine) says "TLSv1".
  std::optional<std::string> tls_version(const YAML::Node& node, std::string_view what) {
    auto name = scalar_string(node, context_.file, context_.diagnostics, what);
    if (!name) return std::nullopt;
    if (*name == "TLSv1.0") return std::string("TLSv1");
    if (contains(kTlsVersions, *name)) return name;
    context_.error(node,
                   std::string(what) + ": unknown TLS version '" + *name + "' (known: " + join(kTlsVersions) + ")");
    return std::nullopt;
  }

  std::optional<std::string> tls_regex(Fields& fields, std::string_view key) {
    const YAML::Node node = fields.get(key);
    if (!node.IsDefined()) return std::nullopt;
    const std::string what = "'" + std::string(key) + "'";
    auto text = scalar_string(node, context_.file, context_.diagnostics, what);
    if (!text) return std::nullopt;
    auto pattern = Pattern::compile(*text);
    if (!pattern) {
      context_.error(node, what + ": bad regex: " + pattern.error());
      return std::nullopt;
    }
    return text;
  }

  std::optional<StepAction> read_tls(const YAML::Node& value) {
    TlsAssertStep tls;
    if (!is_options(value)) {
      wrong_form(value, "tls", "a mapping (version, min_version, verified, hostname_matched, subject, cipher)");
      return std::nullopt;
    }
    if (value.IsNull()) return tls;
    Fields fields(value, context_.file, context_.diagnostics, "tls");
    const YAML::Node versions = fields.get("version");
    if (versions.IsSequence()) {
      for (const auto& item : versions) {
        if (auto version = tls_version(item, "'version'")) tls.versions.push_back(*version);
      }
    } else if (versions.IsDefined()) {
      if (auto version = tls_version(versions, "'version'")) tls.versions.push_back(*version);
    }
    const YAML::Node min_version = fields.get("min_version");
    if (min_version.IsDefined()) tls.min_version = tls_version(min_version, "'min_version'");
    tls.verified = fields.boolean("verified");
    tls.hostname_matched = fields.boolean("hostname_matched");
    tls.subject = tls_regex(fields, "subject");
    tls.cipher = tls_regex(fields, "cipher");
    fields.finish();
    return tls;
  }

  std::optional<StepAction> read_state(const YAML::Node& value) {
    auto name = scalar_string(value, context_.file, context_.diagnostics, "'state'");
    if (!name) return std::nullopt;
    if (context_.rules) {
      const auto states = context_.rules->state_names();
      if (!contains(states, *name)) {
        context_.error(value,
                       "unknown " + context_.protocol_name + " state '" + *name + "' (known: " + join(states) + ")");
        return std::nullopt;
      }
    }
    return StateAssertStep{std::move(*name)};
  }

  std::optional<StepAction> read_expect_close(const YAML::Node& value) {
    if (!is_options(value)) {
      wrong_form(value, "expect_close", "an empty mapping ({})");
      return std::nullopt;
    }
    if (value.IsMap() && value.size() > 0) {
      context_.error(value.begin()->first,
                     "'expect_close' takes no options (give the deadline as the step's 'timeout')");
      return std::nullopt;
    }
    return ExpectCloseStep{};
  }

  std::optional<StepAction> read_close(const YAML::Node& value) {
    CloseStep close;
    if (!is_options(value)) {
      wrong_form(value, "close", "a mapping (abort: true or false)");
      return std::nullopt;
    }
    if (value.IsNull()) return close;
    Fields fields(value, context_.file, context_.diagnostics, "close");
    if (auto abort = fields.boolean("abort")) close.abort = *abort;
    fields.finish();
    return close;
  }

  std::optional<StepAction> read_wait(const YAML::Node& value) {
    auto duration = context_.duration(value, "'wait'");
    if (!duration) return std::nullopt;
    return WaitStep{*duration};
  }

  const LoadContext& context_;
  std::set<std::string> opened_;
};

}  // namespace

const std::vector<std::string>& step_kinds() {
  static const std::vector<std::string> kinds = {"connect", "login", "send",  "expect",       "starttls",
                                                 "tls",     "state", "close", "expect_close", "wait"};
  return kinds;
}

std::vector<Step> read_steps(const YAML::Node& node, const LoadContext& context) {
  std::vector<Step> steps;
  if (!node.IsSequence()) {
    context.error(node, "'steps' must be a list of steps, not " + describe_kind(node));
    return steps;
  }
  if (node.size() == 0) {
    context.error(node, "'steps' is empty: a scenario needs at least one step");
    return steps;
  }
  StepReader reader(context);
  for (const auto& item : node) {
    if (auto step = reader.read(item)) steps.push_back(std::move(*step));
  }
  return steps;
}

}  // namespace conformance::scenario
