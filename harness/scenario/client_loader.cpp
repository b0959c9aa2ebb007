#include "harness/scenario/client_loader.hpp"

#include "harness/scenario/fixtures.hpp"
#include "harness/scenario/loader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>

namespace conformance::scenario {

namespace {

namespace fs = std::filesystem;

constexpr Milliseconds kDefaultClientTimeout{30'000};
constexpr Milliseconds kMaxClientTimeout{10 * 60'000};

// Checks on what the fakes record of each connection (any TCP fake).
const std::vector<std::string> kTranscriptKinds = {"sent", "not_sent", "sent_before", "not_sent_before_tls",
                                                   "sent_last", "connections", "tls"};
// Checks on what the SMTP fake received.
const std::vector<std::string> kSmtpKinds = {"envelope", "data_equals_fixture", "data_matches"};

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// A file name written into {tmp}: one path component, nothing hidden behind "..".
bool is_plain_file_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.size() <= 255 &&
         name.find_first_of("/\\\r\n") == std::string_view::npos && name.find('\0') == std::string_view::npos;
}

// An environment variable name (POSIX: letters, digits, '_', not starting with a digit).
bool is_env_name(std::string_view name) {
  return !name.empty() && std::isdigit(static_cast<unsigned char>(name[0])) == 0 &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
         });
}

class ClientReader {
 public:
  ClientReader(Fields& root, Scenario& scenario, LoadContext& context, const ClientSupport* support)
      : root_(root), scenario_(scenario), context_(context), support_(support) {}

  void read() {
    const std::size_t errors_before = context_.diagnostics.size();
    auto client = std::make_shared<ClientScenario>();
    read_id();
    const YAML::Node protocol_node = root_.get("protocol");
    auto protocol = root_.choice("protocol", {"smtp", "pop3", "imap", "dns"});
    if (support_) {
      client->fakes = support_->read_fakes(root_);
    } else {
      for (const char* key : {"store", "tls", "fakes", "dns"}) (void)root_.get(key);
      context_.error(root_.node(), "client-under-test scenarios (role: client) need the fakes, and this program was "
                                   "built without them");
    }
    if (client->fakes) {
      protocols_ = client->fakes->protocols();
      users_ = client->fakes->users();
    }
    for (const auto& name : protocols_) {
      if (name != "dns") tcp_fakes_.push_back(name);
    }
    if (protocol) {
      client->protocol = *protocol;
    } else if (!protocol_node.IsDefined()) {
      client->protocol = default_protocol();
    }
    if (client->protocol == "smtp") scenario_.protocol = Protocol::smtp;
    if (client->protocol == "pop3") scenario_.protocol = Protocol::pop3;
    if (client->protocol == "imap") scenario_.protocol = Protocol::imap;

    const YAML::Node program = root_.required("client");
    if (program.IsDefined()) client->program = read_program(program);
    const YAML::Node expect = root_.required("expect");
    if (expect.IsDefined()) client->expect = read_expect(expect, client->program);
    if (client->fakes && protocols_.empty()) {
      context_.error(root_.node(), "a client scenario starts at least one fake: give 'fakes:' (smtp, pop3, imap) "
                                   "or 'dns:'");
    }
    if (context_.diagnostics.size() == errors_before) scenario_.client = std::move(client);
  }

 private:
  void read_id() {
    const YAML::Node node = root_.get("id");
    auto id = root_.required_string("id");
    if (!id) return;
    scenario_.where = location_of(node, context_.file);
    if (!is_valid_id(*id)) {
      context_.error(node, "id '" + *id +
                               "' must be lower-case letters, digits, '.', '_' and '-', starting with a "
                               "letter or digit (at most 128)");
    } else if (!id->starts_with("client.")) {
      context_.error(node, "id '" + *id + "' must start with 'client.' (a client-under-test scenario)");
    }
    scenario_.id = std::move(*id);
  }

  std::string default_protocol() {
    if (tcp_fakes_.size() == 1) return tcp_fakes_.front();
    if (tcp_fakes_.empty() && contains(protocols_, "dns")) return "dns";
    if (tcp_fakes_.size() > 1) {
      context_.error(root_.node(), "with several fakes (" + join(tcp_fakes_) +
                                       "), say which protocol the client speaks: protocol: " + tcp_fakes_.front());
    }
    return tcp_fakes_.empty() ? std::string() : tcp_fakes_.front();
  }

  // --- client: ---

  ClientProgram read_program(const YAML::Node& node) {
    ClientProgram program;
    Fields fields(node, context_.file, context_.diagnostics, "client");
    if (!fields.ok()) return program;
    const YAML::Node command = fields.get("command");
    if (auto text = fields.required_string("command")) {
      program.command = *text;
      program.command_where = location_of(command, context_.file);
      if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
        context_.error(command, "'command' is empty: give the program and its arguments");
      } else {
        const std::size_t errors_before = context_.diagnostics.size();
        check_placeholders(*text, command, "'command'", program);
        // The placeholders were checked: the support checks the quoting and
        // shell syntax, and would report an unknown placeholder again.
        if (support_ && context_.diagnostics.size() == errors_before) {
          if (auto problem = support_->check_command(*text, known_names(program))) {
            context_.error(command, "'command': " + *problem);
          }
        }
      }
    }
    if (const YAML::Node timeout = fields.get("timeout"); timeout.IsDefined()) {
      if (auto duration = context_.duration(timeout, "'timeout'")) {
        if (*duration <= Milliseconds::zero() || *duration > kMaxClientTimeout) {
          context_.error(timeout, "'timeout' must be more than 0 and at most 10m");
        } else {
          program.timeout = *duration;
        }
      }
    } else {
      program.timeout = kDefaultClientTimeout;
    }
    if (const YAML::Node input = fields.get("stdin"); input.IsDefined()) {
      if (auto text = scalar_string(input, context_.file, context_.diagnostics, "'stdin'")) {
        check_placeholders(*text, input, "'stdin'", program);
        program.standard_input = *text;
      }
    }
    read_string_map(fields.get("env"), "'env'", program, program.env, is_env_name,
                    "an environment variable name (letters, digits and '_')");
    read_string_map(fields.get("files"), "'files'", program, program.files, is_plain_file_name,
                    "a plain file name (no '/'), written into {tmp}");
    for (const auto& name : fields.strings("requires_programs")) {
      if (name.empty() || name.find_first_of("/ \t") != std::string::npos) {
        context_.error(fields.get("requires_programs"),
                       "'requires_programs' names programs looked up on PATH, such as curl, not '" + name + "'");
        continue;
      }
      program.requires_programs.push_back(name);
    }
    const YAML::Node user = fields.get("user");
    if (auto name = fields.string("user")) {
      if (!users_.empty() && !contains(users_, *name)) {
        context_.error(user, "user '" + *name + "' is not in the store (users: " + join(users_) + ")");
      }
      program.user = *name;
    } else if (!users_.empty()) {
      program.user = users_.front();
    }
    fields.finish();
    return program;
  }

  void read_string_map(const YAML::Node& node, const std::string& what, ClientProgram& program,
                       std::vector<std::pair<std::string, std::string>>& out, bool (*valid_name)(std::string_view),
                       const std::string& name_rule) {
    if (!node.IsDefined()) return;
    if (!node.IsMap()) {
      context_.error(node, what + " must be a mapping of name: text, not " + describe_kind(node));
      return;
    }
    for (const auto& entry : node) {
      auto name = scalar_string(entry.first, context_.file, context_.diagnostics, what + " names");
      auto value = scalar_string(entry.second, context_.file, context_.diagnostics, what + " values");
      if (!name || !value) continue;
      if (!valid_name(*name)) {
        context_.error(entry.first, what + ": '" + *name + "' is not " + name_rule);
        continue;
      }
      check_placeholders(*value, entry.second, what + " '" + *name + "'", program);
      out.emplace_back(*name, *value);
    }
  }

  // Every placeholder in `text` is known, its fake is started, its user exists
  // and its fixture file is there.
  void check_placeholders(const std::string& text, const YAML::Node& at, const std::string& what,
                          ClientProgram& program) {
    std::map<std::string, std::string, std::less<>> dummy;
    for (const auto& name : client_placeholder_names()) dummy[name] = "x";
    for (const auto& name : placeholders_in(text)) {
      if (name.starts_with("fixture:")) {
        dummy[name] = "x";
        add_fixture(name.substr(8), at, what, program);
        continue;
      }
      if (!contains(client_placeholder_names(), name)) continue;  // reported below
      const std::string fake = fake_of_placeholder(name);
      if (!fake.empty() && !protocols_.empty() && !contains(protocols_, fake)) {
        context_.error(at, what + ": {" + name + "} needs the " + fake + " fake, and the scenario starts " +
                               join(protocols_) + (fake == "dns" ? " (add 'dns:')" : " (add it under 'fakes:')"));
      }
      if ((name == "user" || name == "password" || name == "address") && users_.empty() && !protocols_.empty()) {
        context_.error(at, what + ": {" + name + "} needs a user in 'store:'");
      }
    }
    auto substituted = substitute_placeholders(text, dummy);
    if (!substituted) context_.error(at, what + ": " + substituted.error().message);
  }

  void add_fixture(const std::string& name, const YAML::Node& at, const std::string& what, ClientProgram& program) {
    if (program.fixtures.contains(name)) return;
    if (name.empty()) {
      context_.error(at, what + ": {fixture:} needs a file name, such as {fixture:fixtures/message.eml}");
      return;
    }
    fs::path path = fs::path(name);
    if (path.is_relative()) path = fs::path(context_.file).parent_path() / path;
    std::error_code error;
    fs::path absolute = fs::absolute(path, error).lexically_normal();
    if (error || !fs::is_regular_file(absolute, error)) {
      context_.error(at, what + ": fixture file '" + name + "' not found (looked for " +
                             path.lexically_normal().generic_string() + ")");
      return;
    }
    program.fixtures[name] = absolute.string();
  }

  std::vector<std::string> known_names(const ClientProgram& program) const {
    std::vector<std::string> names = client_placeholder_names();
    for (const auto& [name, path] : program.fixtures) names.push_back("fixture:" + name);
    return names;
  }

  // --- expect: ---

  std::vector<ClientAssertion> read_expect(const YAML::Node& node, const ClientProgram& program) {
    std::vector<ClientAssertion> assertions;
    if (!node.IsSequence() || node.size() == 0) {
      context_.error(node, "'expect' must be a non-empty list of assertions such as `- exit: 0`");
      return assertions;
    }
    for (const auto& item : node) {
      if (auto assertion = read_assertion(item, program)) assertions.push_back(std::move(*assertion));
    }
    return assertions;
  }

  std::optional<ClientAssertion> read_assertion(const YAML::Node& item, const ClientProgram& program) {
    if (!item.IsMap()) {
      context_.error(item, "an assertion must be a mapping such as `exit: 0`, not " + describe_kind(item));
      return std::nullopt;
    }
    const std::size_t errors_before = context_.diagnostics.size();
    ClientAssertion assertion;
    assertion.where = location_of(item, context_.file);
    std::vector<YAML::Node> unknown;
    YAML::Node value(YAML::NodeType::Undefined);
    YAML::Node fake_node(YAML::NodeType::Undefined), connection_node(YAML::NodeType::Undefined),
        rfc_node(YAML::NodeType::Undefined);
    for (const auto& entry : item) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      if (key == "fake") {
        fake_node.reset(entry.second);
      } else if (key == "connection") {
        connection_node.reset(entry.second);
      } else if (key == "rfc") {
        rfc_node.reset(entry.second);
      } else if (contains(client_assertion_kinds(), key)) {
        if (assertion.kind.empty()) {
          assertion.kind = key;
          value.reset(entry.second);
        } else {
          context_.error(entry.first, "an assertion checks one thing, and this one has '" + assertion.kind + "' and '" +
                                          key + "': make them two");
        }
      } else {
        unknown.push_back(entry.first);
      }
    }
    for (const auto& key : unknown) {
      const std::string suggestion = closest_match(key.Scalar(), client_assertion_kinds());
      context_.error(key, "unknown assertion '" + key.Scalar() + "'" +
                              (suggestion.empty() ? "" : ": did you mean '" + suggestion + "'?") +
                              " (known: " + join(client_assertion_kinds()) + "; with fake, connection, rfc)");
    }
    if (assertion.kind.empty()) {
      if (unknown.empty()) context_.error(item, "an assertion needs one of " + join(client_assertion_kinds()));
      return std::nullopt;
    }
    read_rfc(rfc_node, assertion);
    read_target(fake_node, connection_node, item, assertion);
    read_check(value, assertion, program);
    if (context_.diagnostics.size() != errors_before) return std::nullopt;
    return assertion;
  }

  void read_rfc(const YAML::Node& node, ClientAssertion& assertion) {
    if (!node.IsDefined()) return;
    for (const auto& citation : string_list(node, context_.file, context_.diagnostics, "'rfc'")) {
      if (!is_valid_citation(citation)) {
        context_.error(node, "RFC citation '" + citation +
                                 "' must read 'RFC <number> §<section>' or 'RFC <number>', e.g. 'RFC 5321 §4.1.4'");
      }
      assertion.rfc.push_back(citation);
    }
  }

  // Which fake (and connection) a transcript or SMTP check looks at.
  void read_target(const YAML::Node& fake_node, const YAML::Node& connection_node, const YAML::Node& item,
                   ClientAssertion& assertion) {
    const bool transcript = contains(kTranscriptKinds, assertion.kind);
    const bool smtp_only = contains(kSmtpKinds, assertion.kind);
    if (!transcript && !smtp_only) {
      if (fake_node.IsDefined()) context_.error(fake_node, "'" + assertion.kind + "' is not about one fake: drop 'fake'");
      if (connection_node.IsDefined()) {
        context_.error(connection_node, "'" + assertion.kind + "' is not about one connection: drop 'connection'");
      }
      if (assertion.kind == "dns_queries" && !protocols_.empty() && !contains(protocols_, "dns")) {
        context_.error(item, "'dns_queries' checks the DNS fake's log, and the scenario has no 'dns:'");
      }
      return;
    }
    if (fake_node.IsDefined()) {
      if (auto name = scalar_string(fake_node, context_.file, context_.diagnostics, "'fake'")) {
        if (!tcp_fakes_.empty() && !contains(tcp_fakes_, *name)) {
          context_.error(fake_node, "'fake: " + *name + "': the scenario starts " +
                                        (tcp_fakes_.empty() ? std::string("no such fake") : join(tcp_fakes_)));
        }
        assertion.fake = *name;
      }
    } else if (smtp_only) {
      assertion.fake = "smtp";
    } else if (tcp_fakes_.size() == 1) {
      assertion.fake = tcp_fakes_.front();
    } else if (tcp_fakes_.size() > 1) {
      context_.error(item, "'" + assertion.kind + "' with several fakes (" + join(tcp_fakes_) +
                               "): say which with 'fake:'");
    } else if (!protocols_.empty()) {
      context_.error(item, "'" + assertion.kind + "' checks what a mail fake saw, and the scenario starts none");
    }
    if (smtp_only && assertion.fake != "smtp") {
      context_.error(item, "'" + assertion.kind + "' checks what the SMTP fake received, not the " + assertion.fake +
                               " fake");
    } else if (smtp_only && !protocols_.empty() && !contains(protocols_, "smtp")) {
      context_.error(item, "'" + assertion.kind + "' checks what the SMTP fake received: add 'smtp' under 'fakes:'");
    }
    if (connection_node.IsDefined()) {
      auto text = scalar_string(connection_node, context_.file, context_.diagnostics, "'connection'");
      if (text) {
        std::uint32_t number = 0;
        auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), number);
        if (ec != std::errc() || ptr != text->data() + text->size() || number == 0) {
          context_.error(connection_node, "'connection' is the fake's connection number, from 1, not '" + *text + "'");
        } else if (assertion.kind == "connections") {
          context_.error(connection_node, "'connections' counts all connections: drop 'connection'");
        } else {
          assertion.connection = number;
        }
      }
    }
  }

  std::optional<TextMatch> text_match(const YAML::Node& node, const std::string& what) {
    return TextMatch::compile(node, context_.file, context_.diagnostics, what);
  }

  void read_check(const YAML::Node& value, ClientAssertion& assertion, const ClientProgram& program) {
    const std::string& kind = assertion.kind;
    const std::string what = "'" + kind + "'";
    if (kind == "exit") {
      assertion.check = read_exit(value);
    } else if (kind == "stdout" || kind == "stderr") {
      if (auto match = text_match(value, what)) assertion.check = OutputCheck{kind == "stderr", std::move(*match)};
    } else if (kind == "sent" || kind == "not_sent" || kind == "sent_last") {
      auto match = text_match(value, what);
      if (!match) return;
      if (kind == "sent") assertion.check = SentCheck{std::move(*match)};
      if (kind == "not_sent") assertion.check = NotSentCheck{std::move(*match)};
      if (kind == "sent_last") assertion.check = SentLastCheck{std::move(*match)};
    } else if (kind == "sent_before") {
      if (!value.IsSequence() || value.size() != 2) {
        context_.error(value, "'sent_before' is a list of two line patterns: [earlier, later], such as "
                              "[\"^EHLO \", \"^MAIL FROM\"]");
        return;
      }
      auto earlier = text_match(value[0], "'sent_before' (earlier)");
      auto later = text_match(value[1], "'sent_before' (later)");
      if (earlier && later) assertion.check = SentBeforeCheck{std::move(*earlier), std::move(*later)};
    } else if (kind == "not_sent_before_tls") {
      NotSentBeforeTlsCheck check;
      if (value.IsSequence() && value.size() > 0) {
        for (const auto& item : value) {
          if (auto match = text_match(item, what)) check.lines.push_back(std::move(*match));
        }
      } else if (auto match = text_match(value, what)) {
        check.lines.push_back(std::move(*match));
      }
      assertion.check = std::move(check);
    } else if (kind == "connections") {
      if (auto count = small_count(value, what)) assertion.check = ConnectionsCheck{*count};
    } else if (kind == "tls") {
      auto outcome = scalar_string(value, context_.file, context_.diagnostics, what);
      if (!outcome) return;
      if (*outcome == "established") {
        assertion.check = TlsCheck{TlsCheck::Outcome::established};
      } else if (*outcome == "refused_by_client") {
        assertion.check = TlsCheck{TlsCheck::Outcome::refused_by_client};
      } else if (*outcome == "none") {
        assertion.check = TlsCheck{TlsCheck::Outcome::none};
      } else {
        context_.error(value, "'tls' must be one of established, refused_by_client, none, not '" + *outcome + "'");
      }
    } else if (kind == "envelope") {
      assertion.check = read_envelope(value);
    } else if (kind == "data_equals_fixture") {
      if (auto file = scalar_string(value, context_.file, context_.diagnostics, what)) {
        if (auto content = context_.read_fixture_file(*file, value)) assertion.check = DataEqualsCheck{*file, crlf_line_ends(*content)};
      }
    } else if (kind == "data_matches") {
      if (auto match = text_match(value, what)) assertion.check = DataMatchesCheck{std::move(*match)};
    } else if (kind == "dns_queries") {
      assertion.check = read_dns_queries(value);
    } else if (kind == "store") {
      assertion.check = read_store_check(value, program);
    }
  }

  ExitCheck read_exit(const YAML::Node& value) {
    ExitCheck check;
    auto code_of = [&](const YAML::Node& node) -> std::optional<int> {
      auto text = scalar_string(node, context_.file, context_.diagnostics, "'exit'");
      if (!text) return std::nullopt;
      int code = 0;
      auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), code);
      if (ec != std::errc() || ptr != text->data() + text->size() || code < 0 || code > 255) {
        context_.error(node, "'exit' must be an exit status from 0 to 255, a list of them, nonzero or timeout, not '" +
                                 *text + "'");
        return std::nullopt;
      }
      return code;
    };
    if (value.IsScalar() && value.Scalar() == "nonzero") {
      check.kind = ExitCheck::Kind::nonzero;
    } else if (value.IsScalar() && value.Scalar() == "timeout") {
      check.kind = ExitCheck::Kind::timeout;
    } else if (value.IsSequence() && value.size() > 0) {
      for (const auto& item : value) {
        if (auto code = code_of(item)) check.codes.push_back(*code);
      }
    } else if (auto code = code_of(value)) {
      check.codes.push_back(*code);
    }
    return check;
  }

  std::optional<std::uint32_t> small_count(const YAML::Node& value, const std::string& what) {
    auto text = scalar_string(value, context_.file, context_.diagnostics, what);
    if (!text) return std::nullopt;
    std::uint32_t count = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), count);
    if (ec != std::errc() || ptr != text->data() + text->size() || count > 1'000'000) {
      context_.error(value, what + " must be a count from 0, not '" + *text + "'");
      return std::nullopt;
    }
    return count;
  }

  EnvelopeCheck read_envelope(const YAML::Node& value) {
    EnvelopeCheck check;
    Fields fields(value, context_.file, context_.diagnostics, "envelope");
    if (!fields.ok()) return check;
    if (auto from = fields.string("mail_from")) check.mail_from = *from;
    if (fields.has("rcpt_to")) check.rcpt_to = fields.strings("rcpt_to");
    if (!check.mail_from && !check.rcpt_to) {
      context_.error(value, "'envelope' needs 'mail_from' or 'rcpt_to' (or both)");
    }
    fields.finish();
    return check;
  }

  DnsQueriesCheck read_dns_queries(const YAML::Node& value) {
    DnsQueriesCheck check;
    auto read_one = [&](const YAML::Node& node) {
      Fields fields(node, context_.file, context_.diagnostics, "a DNS query");
      if (!fields.ok()) return;
      DnsQueriesCheck::Query query;
      if (auto name = fields.required_string("name")) query.name = *name;
      if (auto type = fields.string("type")) {
        query.type = *type;
        std::transform(query.type.begin(), query.type.end(), query.type.begin(),
                       [](unsigned char c) { return std::toupper(c); });
      }
      if (auto transport = fields.choice("transport", {"udp", "tcp"})) query.transport = *transport;
      fields.finish();
      check.queries.push_back(std::move(query));
    };
    if (value.IsSequence() && value.size() > 0) {
      for (const auto& item : value) read_one(item);
    } else if (value.IsMap()) {
      read_one(value);
    } else {
      context_.error(value, "'dns_queries' is a list of queries such as [{name: example.test, type: MX, transport: "
                            "udp}]");
    }
    return check;
  }

  StoreCheck read_store_check(const YAML::Node& value, const ClientProgram& program) {
    StoreCheck check;
    Fields fields(value, context_.file, context_.diagnostics, "store");
    if (!fields.ok()) return check;
    check.user = program.user;
    const YAML::Node user = fields.get("user");
    if (auto name = fields.string("user")) {
      if (!users_.empty() && !contains(users_, *name)) {
        context_.error(user, "user '" + *name + "' is not in the store (users: " + join(users_) + ")");
      }
      check.user = *name;
    } else if (check.user.empty()) {
      context_.error(value, "'store' needs 'user': the store has no users");
    }
    if (auto mailbox = fields.string("mailbox")) check.mailbox = *mailbox;
    const YAML::Node count = fields.required("count");
    if (count.IsDefined()) {
      if (auto n = small_count(count, "'count'")) check.count = *n;
    }
    fields.finish();
    return check;
  }


  Fields& root_;
  Scenario& scenario_;
  LoadContext& context_;
  const ClientSupport* support_;
  std::vector<std::string> protocols_;  // of the fakes, empty when they could not be read
  std::vector<std::string> tcp_fakes_;
  std::vector<std::string> users_;
};

}  // namespace

const std::vector<std::string>& client_assertion_kinds() {
  static const std::vector<std::string> kinds = {
      "exit",        "stdout",   "stderr",   "sent",                "not_sent",     "sent_before", "not_sent_before_tls",
      "sent_last",   "connections", "tls",   "envelope", "data_equals_fixture", "data_matches", "dns_queries", "store"};
  return kinds;
}

void read_client_scenario(Fields& fields, Scenario& scenario, LoadContext& context, const ClientSupport* support) {
  ClientReader(fields, scenario, context, support).read();
}

}  // namespace conformance::scenario
