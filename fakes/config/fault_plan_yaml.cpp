#include "fakes/config/fault_plan_yaml.hpp"

#include "fakes/config/yaml_support.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace conformance::fakes::config {
namespace {

using scenario::Fields;

constexpr std::size_t kMaxOverlongLine = 1u << 20;
constexpr std::int64_t kMaxCount = 1'000'000;

std::string default_label(const FaultRule& rule) {
  std::string label = rule.point == FaultPoint::command ? rule.command : std::string(to_string(rule.point));
  if (rule.occurrence) label += " #" + std::to_string(*rule.occurrence);
  if (rule.connection) label += " on connection " + std::to_string(*rule.connection);
  const FaultAction& action = rule.action;
  std::vector<std::string> parts;
  if (action.reply) {
    const std::string first_line = action.reply->substr(0, action.reply->find_first_of("\r\n"));
    parts.push_back("reply '" + first_line.substr(0, 40) + "'");
  }
  if (!action.before.empty()) parts.push_back(rule.point == FaultPoint::after_tls_ready ? "inject" : "unsolicited");
  if (action.delay.count() > 0) parts.push_back("delay " + scenario::format_duration(action.delay));
  if (action.trickle) parts.push_back("trickled");
  if (!action.split_at.empty()) parts.push_back("split");
  if (action.random_split)
    parts.push_back("split into " + std::to_string(action.random_split->pieces) + " at random, seed " +
                    std::to_string(action.random_split->seed));
  if (action.stall) parts.push_back("stall");
  if (action.suppress_reply) parts.push_back("no reply");
  switch (action.malformation) {
    case Malformation::none:
      break;
    case Malformation::bare_lf:
      parts.push_back("bare LF");
      break;
    case Malformation::overlong_line:
      parts.push_back("line of " + std::to_string(action.overlong_length) + " bytes");
      break;
    case Malformation::no_last_line:
      parts.push_back("no last line");
      break;
    case Malformation::wrong_literal_length:
      parts.push_back("wrong literal length");
      break;
  }
  if (action.disconnect == Disconnect::close) parts.push_back("then close");
  if (action.disconnect == Disconnect::reset) parts.push_back("then reset");
  std::string joined;
  for (const auto& part : parts) joined += (joined.empty() ? "" : ", ") + part;
  return label + ": " + joined;
}

class RuleReader {
 public:
  RuleReader(const std::string& file, scenario::Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  std::optional<FaultRule> read(const YAML::Node& node) {
    const std::size_t errors_before = diagnostics_.size();
    Fields fields(node, file_, diagnostics_, "a fault rule");
    if (!fields.ok()) return std::nullopt;
    FaultRule rule;
    read_point(fields, rule);
    if (auto n = fields.integer("occurrence", 1, kMaxCount)) rule.occurrence = static_cast<std::uint32_t>(*n);
    if (auto n = fields.integer("connection", 1, kMaxCount)) rule.connection = static_cast<std::uint32_t>(*n);
    if (auto n = fields.integer("times", 0, kMaxCount)) rule.times = static_cast<std::uint32_t>(*n);
    if (auto label = fields.string("label")) rule.label = *label;
    const bool acts = read_action(fields, rule);
    fields.finish();
    if (diagnostics_.size() != errors_before) return std::nullopt;
    if (!acts) {
      fields.error(node,
                   "a fault rule needs something to do: reply, before, delay, split_at, trickle, stall, disconnect, "
                   "suppress_reply, bare_lf, overlong_line, no_last_line or wrong_literal_length");
      return std::nullopt;
    }
    if (rule.label.empty()) rule.label = default_label(rule);
    return rule;
  }

 private:
  void read_point(Fields& fields, FaultRule& rule) {
    const auto at = fields.choice("at", {"greeting", "command", "after_tls_ready"});
    const YAML::Node command_node = fields.get("command");
    std::optional<std::string> command;
    if (command_node.IsDefined()) {
      command = scenario::scalar_string(command_node, file_, diagnostics_, "'command'");
      if (command && normalise_verb(*command).empty()) {
        fields.error(command_node, "'command' is empty: give the verb, such as MAIL, RETR or UID FETCH");
        command.reset();
      }
    }
    if (at == "greeting") {
      rule.point = FaultPoint::greeting;
    } else if (at == "after_tls_ready") {
      rule.point = FaultPoint::after_tls_ready;
    } else if (at == "command" || (!at && command)) {
      rule.point = FaultPoint::command;
    } else if (!at && !fields.has("at")) {
      fields.error(fields.node(), "a fault rule needs 'command' (the verb whose reply it changes) or 'at: greeting' / "
                                  "'at: after_tls_ready'");
      return;
    }
    if (rule.point == FaultPoint::command) {
      if (command) {
        rule.command = normalise_verb(*command);
      } else if (!command_node.IsDefined() && at) {
        fields.error(fields.node(), "'at: command' needs 'command' (the verb, such as MAIL, RETR or UID FETCH)");
      }
    } else if (command_node.IsDefined()) {
      fields.error(command_node, "'command' goes with 'at: command', not 'at: " + *at + "'");
    }
  }

  // Reads the action keys; returns whether any was given.
  bool read_action(Fields& fields, FaultRule& rule) {
    FaultAction& action = rule.action;
    bool acts = false;
    if (auto reply = escaped_bytes_field(fields, "reply")) {
      action.reply = std::move(*reply);
      acts = true;
    }
    if (auto before = escaped_bytes_field(fields, "before")) {
      action.before = std::move(*before);
      if (action.before.empty()) fields.error(fields.get("before"), "'before' is empty");
      acts = true;
    }
    if (auto delay = duration_field(fields, "delay")) {
      action.delay = *delay;
      acts = true;
    }
    const YAML::Node split = fields.get("split_at");
    if (split.IsDefined()) {
      read_split(split, action);
      acts = true;
    }
    const YAML::Node random_split = fields.get("split_random");
    if (random_split.IsDefined()) {
      read_random_split(random_split, action);
      acts = true;
    }
    if (fields.boolean("trickle").value_or(false)) {
      action.trickle = true;
      acts = true;
    }
    const YAML::Node interval_node = fields.get("piece_interval");
    if (auto interval = duration_field(fields, "piece_interval")) action.piece_interval = *interval;
    if (fields.boolean("stall").value_or(false)) {
      action.stall = true;
      acts = true;
    }
    if (auto disconnect = fields.choice("disconnect", {"close", "reset"})) {
      action.disconnect = *disconnect == "close" ? Disconnect::close : Disconnect::reset;
      acts = true;
    }
    if (fields.boolean("suppress_reply").value_or(false)) {
      action.suppress_reply = true;
      acts = true;
    }
    const bool malformed = read_malformation(fields, action);
    acts = acts || malformed;

    // Combinations that cannot mean anything.
    const YAML::Node& at = fields.node();
    const int ways_to_cut = (action.trickle ? 1 : 0) + (action.split_at.empty() ? 0 : 1) + (random_split.IsDefined() ? 1 : 0);
    if (ways_to_cut > 1) {
      fields.error(at, "'trickle', 'split_at' and 'split_random' each decide where the reply is cut: use one");
    }
    if (interval_node.IsDefined() && ways_to_cut == 0) {
      fields.error(interval_node,
                   "'piece_interval' is the pause between pieces: it needs 'trickle', 'split_at' or 'split_random'");
    }
    if (action.suppress_reply && action.reply) {
      fields.error(fields.get("suppress_reply"), "'suppress_reply' sends nothing, so 'reply' would never go out: use "
                                                 "one");
    }
    if (action.suppress_reply && action.malformation != Malformation::none) {
      fields.error(fields.get("suppress_reply"), "'suppress_reply' sends nothing, so there is no reply to malform");
    }
    if (action.stall && (action.reply || action.suppress_reply || action.disconnect != Disconnect::none ||
                         action.malformation != Malformation::none || ways_to_cut > 0)) {
      fields.error(fields.get("stall"), "'stall' never replies: it cannot go with reply, suppress_reply, "
                                        "disconnect, trickle, split_at, split_random or a malformed reply");
    }
    if (rule.point == FaultPoint::after_tls_ready) {
      const bool only_before = !action.reply && action.delay.count() == 0 && ways_to_cut == 0 &&
                               !action.trickle && !action.stall && action.disconnect == Disconnect::none &&
                               !action.suppress_reply && action.malformation == Malformation::none;
      if (!only_before || action.before.empty()) {
        fields.error(at, "'at: after_tls_ready' takes only 'before': the bytes sent in the clear after the "
                         "go-ahead, before the handshake");
      }
    }
    return acts;
  }

  void read_split(const YAML::Node& node, FaultAction& action) {
    if (!node.IsSequence() || node.size() == 0) {
      diagnostics_.push_back({scenario::location_of(node, file_),
                              "'split_at' must be a non-empty list of byte offsets such as [3, 10]"});
      return;
    }
    for (const auto& item : node) {
      auto text = scenario::scalar_string(item, file_, diagnostics_, "'split_at' items");
      if (!text) continue;
      std::size_t offset = 0;
      const char* end = text->data() + text->size();
      auto [ptr, ec] = std::from_chars(text->data(), end, offset);
      if (ec != std::errc() || ptr != end || offset == 0 || offset > kMaxOverlongLine) {
        diagnostics_.push_back({scenario::location_of(item, file_),
                                "'split_at' offsets are byte counts from 1 to " + std::to_string(kMaxOverlongLine) +
                                    ", not '" + *text + "'"});
        continue;
      }
      action.split_at.push_back(offset);
    }
    std::sort(action.split_at.begin(), action.split_at.end());
  }

  // split_random: {pieces: N, seed: S}. The seed is required: a random
  // fault nobody can replay is no use in a bug report.
  void read_random_split(const YAML::Node& node, FaultAction& action) {
    Fields split(node, file_, diagnostics_, "'split_random'");
    if (!split.ok()) return;
    const auto pieces = split.integer("pieces", 2, 10'000);
    const auto seed = split.integer("seed", 0, std::numeric_limits<std::int64_t>::max());
    if (!split.get("pieces").IsDefined()) split.error(node, "'split_random' needs 'pieces': how many pieces, 2 or more");
    if (!split.get("seed").IsDefined()) split.error(node, "'split_random' needs 'seed', so the run can be replayed");
    split.finish();
    if (!pieces || !seed) return;
    action.random_split = FaultAction::RandomSplit{static_cast<std::uint32_t>(*pieces), static_cast<std::uint64_t>(*seed)};
  }

  bool read_malformation(Fields& fields, FaultAction& action) {
    std::vector<std::pair<std::string, YAML::Node>> chosen;
    for (auto [key, kind] : {std::pair{"bare_lf", Malformation::bare_lf},
                             std::pair{"no_last_line", Malformation::no_last_line},
                             std::pair{"wrong_literal_length", Malformation::wrong_literal_length}}) {
      if (fields.boolean(key).value_or(false)) {
        action.malformation = kind;
        chosen.emplace_back(key, fields.get(key));
      }
    }
    if (auto length = fields.integer("overlong_line", 2, static_cast<std::int64_t>(kMaxOverlongLine))) {
      action.malformation = Malformation::overlong_line;
      action.overlong_length = static_cast<std::size_t>(*length);
      chosen.emplace_back("overlong_line", fields.get("overlong_line"));
    }
    if (chosen.size() > 1) {
      fields.error(chosen[1].second, "one malformation per rule: '" + chosen[0].first + "' and '" + chosen[1].first +
                                         "' are both set (write two rules for two replies)");
    }
    return !chosen.empty();
  }

  const std::string& file_;
  scenario::Diagnostics& diagnostics_;
};

}  // namespace

FaultPlan read_fault_plan(const YAML::Node& node, const std::string& file, scenario::Diagnostics& diagnostics) {
  FaultPlan plan;
  if (!node.IsSequence()) {
    diagnostics.push_back({scenario::location_of(node, file),
                           "'faults' must be a list of fault rules, not " + scenario::describe_kind(node)});
    return plan;
  }
  RuleReader reader(file, diagnostics);
  for (const auto& item : node) {
    if (auto rule = reader.read(item)) plan.rules.push_back(std::move(*rule));
  }
  return plan;
}

}  // namespace conformance::fakes::config
